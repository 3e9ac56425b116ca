//! "Volgens X", "according to X": the side after it tells of the event and is never its doer,
//! whatever the word order after it ("Volgens de SDF heeft IS zich uit X teruggetrokken" is IS's
//! loss, not the SDF's). Every text was written for these tests.

mod common;

use controlmap::app::{World, load_world};

fn world() -> World {
    load_world(None).expect("the built-in geodata loads")
}

/// `PLACE HOLDER EVENT MODALITY` of each claim of one dated article in `lang`.
fn claims(world: &World, text: &str, lang: &str) -> Vec<String> {
    common::extract_claims(world, text, lang)
        .iter()
        .map(|c| format!("{} {} {} {}", c.place_text, c.holder, c.event, c.modality))
        .collect()
}

#[test]
fn the_side_after_volgens_or_according_to_is_no_doer() {
    let world = world();
    let cases: &[(&str, &str, &str)] = &[
        ("Volgens de SDF heeft IS zich uit Raqqa teruggetrokken.", "nl", "Raqqa is lost claimed"),
        ("Volgens Moskou hebben de Oekraïense troepen Bachmoet opgegeven.", "nl", "Bakhmut ukraine lost claimed"),
        ("Volgens Israëlische militairen heeft Hamas Rafah verloren.", "nl", "rafah hamas lost claimed"),
        ("According to the Iraqi army IS fighters abandoned Hit on Monday.", "en", "Hit is lost claimed"),
    ];
    for (sentence, lang, want) in cases {
        let text = format!(" date 2023-05-20\n\n{sentence}\n");
        let got = claims(&world, &text, lang);
        assert_eq!(got, vec![want.to_string()], "{sentence}");
    }
}

#[test]
fn a_side_after_volgens_still_holds_what_a_pronoun_says_it_holds() {
    let world = world();
    // The speaker is no doer, but "zij" still points back to it.
    let text = " date 2023-05-20\n\nVolgens de SDF hebben zij Raqqa volledig in handen.\n";
    assert_eq!(claims(&world, text, "nl"), vec!["Raqqa sdf holds claimed".to_string()]);
}

#[test]
fn a_capture_told_only_by_a_side_taking_places_is_its_own_and_else_no_claim() {
    let world = world();
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "Het Iraakse leger heroverde vorige week Ramadi op IS.\nVolgens het Iraakse leger is nu ook Hit heroverd.",
            "nl",
            &["Ramadi iraqi-gov captured fact", "Hit iraqi-gov captured claimed"],
        ),
        (
            "The SDF took Tabqa from IS in May.\nAccording to the SDF, Raqqa has now been liberated too.",
            "en",
            &["Tabqa sdf captured fact", "Raqqa sdf captured claimed"],
        ),
        // With nothing saying the teller was taking places: it may be telling its own loss.
        ("Volgens het Iraakse leger is Hit heroverd.", "nl", &[]),
        ("According to Ukraine, Soledar has been captured.", "en", &[]),
        // A fall told by one side could be its gain or its loss: no row rather than a guess.
        ("Volgens Rusland is Bachmoet gevallen.", "nl", &[]),
    ];
    for (sentence, lang, want) in cases {
        let text = format!(" date 2023-05-20\n\n{sentence}\n");
        assert_eq!(claims(&world, &text, lang), want.iter().map(|w| w.to_string()).collect::<Vec<_>>(), "{sentence}");
    }
}

#[test]
fn a_side_named_with_its_article_after_volgens_is_found() {
    let world = world();
    // "de Russen" is an alias with its article: "volgens de" must not take the article away.
    let text = " date 2023-12-20\n\nHet dorp Krynky is volgens de Russen nu volledig in hun handen.\n";
    assert_eq!(claims(&world, text, "nl"), vec!["Krynky russia holds claimed".to_string()]);
}

#[test]
fn a_town_after_volgens_is_the_government_not_what_de_stad_refers_to() {
    let world = world();
    // Bakoe is no alias of a side here, only a town: it must not become "de stad".
    let text = " date 2020-10-20\n\nHet Azerbeidzjaanse leger is zaterdag Fuzuli binnengetrokken.\n\
                Volgens Bakoe hebben de Armeense troepen de stad opgegeven.\n";
    let got = claims(&world, text, "nl");
    assert!(got.iter().any(|c| c == "Fuzuli artsakh lost claimed"), "{got:?}");
    assert!(!got.iter().any(|c| c.starts_with("Baku")), "{got:?}");
}
