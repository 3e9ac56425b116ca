//! A fall noun with one side named: the side that suffers it lost the place ("De val van X is
//! een klap voor Oekraïne", "Na de val van X vluchtten de IS-strijders"), the side that gains
//! by it took the place (`[grammar] gains`: "een overwinning voor de Russen", "Na de val van X
//! rukten de Russen op naar Y"). Every text was written for these tests.

mod common;

use controlmap::app::{World, load_world};

fn world() -> World {
    load_world(None).expect("the built-in geodata loads")
}

/// `PLACE HOLDER EVENT` of each claim of a one-sentence article dated 2023-05-21.
fn claims(world: &World, sentence: &str, lang: &str) -> Vec<String> {
    let text = format!(" date 2023-05-21\n\n{sentence}\n");
    common::extract_claims(world, &text, lang)
        .iter()
        .map(|c| format!("{} {} {}", c.place_text, c.holder, c.event))
        .collect()
}

#[test]
fn the_side_a_fall_gains_took_the_place_and_the_side_it_hurts_lost_it() {
    let world = world();
    let cases: &[(&str, &str, &str)] = &[
        (
            "Na de val van Severodonetsk richtten de Russen hun pijlen op Lysytsjansk.",
            "nl",
            "Siverskodonetsk russia captured",
        ),
        (
            "Met de val van Bachmoet boeken de Russen hun eerste grote overwinning in maanden.",
            "nl",
            "Bakhmut russia captured",
        ),
        ("De val van Bachmoet betekent een opsteker voor de Russen.", "nl", "Bakhmut russia captured"),
        ("Voor de Russen is de val van Avdiivka een belangrijke overwinning.", "nl", "Avdiyivka russia captured"),
        ("After the fall of Avdiivka, Russian troops advanced towards Pokrovsk.", "en", "Avdiyivka russia captured"),
        ("The fall of Avdiivka was a major victory for Russia.", "en", "Avdiyivka russia captured"),
        // The side it hurts.
        (
            "Na de val van Severodonetsk trokken de Oekraïners zich terug op Lysytsjansk.",
            "nl",
            "Siverskodonetsk ukraine lost",
        ),
        ("De val van Bachmoet is een zware klap voor Oekraïne.", "nl", "Bakhmut ukraine lost"),
        ("Na de val van Mosul vluchtten de IS-strijders naar Syrië.", "nl", "Mosul is lost"),
        ("The fall of Avdiivka was a heavy blow for Ukraine.", "en", "Avdiyivka ukraine lost"),
        // "to" after a setback noun is no side a place fell to.
        ("The fall of Avdiivka was a heavy blow to Ukraine.", "en", "Avdiyivka ukraine lost"),
        ("Avdiivka fell to Russian forces.", "en", "Avdiyivka russia captured"),
        // A gain in another clause, a setback or a concession: the side named suffered the fall.
        (
            "De val van Bachmoet betekent een zware nederlaag voor Oekraïne, dat op succes had gehoopt.",
            "nl",
            "Bakhmut ukraine lost",
        ),
        ("Ondanks de val van Avdiivka boekten de Oekraïners succes bij Robotyne.", "nl", "Avdiyivka ukraine lost"),
        (
            "The fall of Avdiivka was a heavy blow for Ukraine, which had hoped for a breakthrough.",
            "en",
            "Avdiyivka ukraine lost",
        ),
        // A gain denied is none; a side that only tells of the gain did not make it.
        ("Na de val van Avdiivka boekten de Oekraïners geen succes meer.", "nl", "Avdiyivka ukraine lost"),
        (
            "De val van Avdiivka is de grootste Russische overwinning sinds Bachmoet, zegt Kyiv.",
            "nl",
            "Avdiyivka ukraine lost",
        ),
    ];
    for (sentence, lang, want) in cases {
        assert_eq!(claims(&world, sentence, lang), vec![want.to_string()], "{sentence}");
    }
}
