//! A faction's forces recorded as the side they stand for abroad (`stands_for` in
//! factions.toml): Armenian forces in Azerbaijani places are Artsakh's, the state of Armenia
//! named as such stays Armenia, and in Armenia itself nothing changes. Every text was written
//! for these tests.

mod common;

use controlmap::app::{World, load_world};

fn world() -> World {
    load_world(None).expect("the built-in geodata loads")
}

/// `PLACE HOLDER EVENT` of each claim of one dated article in `lang`.
fn claims(world: &World, text: &str, lang: &str) -> Vec<String> {
    common::extract_claims(world, text, lang)
        .iter()
        .map(|c| format!("{} {} {}", c.place_text, c.holder, c.event))
        .collect()
}

#[test]
fn armenian_forces_in_azerbaijan_are_recorded_as_artsakh() {
    let world = world();
    let cases: &[(&str, &str, &str)] = &[
        (" date 2020-10-20\n\nArmeense troepen houden Qubadli nog altijd in handen.\n", "nl", "Qubadlı artsakh holds"),
        (" date 2020-10-20\n\nSindsdien is Shusha in Armeense handen.\n", "nl", "Shusha artsakh holds"),
        (
            " date 2020-10-20\n\nArmenian forces still hold Qubadli, local officials said.\n",
            "en",
            "Qubadlı artsakh holds",
        ),
    ];
    for (text, lang, want) in cases {
        let got = claims(&world, text, lang);
        assert!(got.iter().any(|c| c == want), "{text:?}: {got:?}");
        assert!(!got.iter().any(|c| c.contains(" armenia ")), "{text:?}: {got:?}");
    }
}

#[test]
fn the_state_named_as_such_and_places_in_armenia_keep_armenia() {
    let world = world();
    let cases: &[(&str, &str, &str)] = &[
        // The army of the state, by the lexicon's state nouns.
        (" date 2020-10-20\n\nHet Armeense leger houdt Qubadli nog in handen.\n", "nl", "Qubadlı armenia holds"),
        (" date 2020-10-20\n\nThe Armenian army still holds Qubadli.\n", "en", "Qubadlı armenia holds"),
        // A town of Armenia itself: no stand-in there.
        (" date 2022-09-14\n\nArmeense troepen houden Jermuk nog in handen.\n", "nl", "Jermuk armenia holds"),
    ];
    for (text, lang, want) in cases {
        let got = claims(&world, text, lang);
        assert!(got.iter().any(|c| c == want), "{text:?}: {got:?}");
    }
}

#[test]
fn no_side_takes_a_place_from_the_side_it_stands_for() {
    let world = world();
    let text = " date 2020-10-20\n\nArmenian forces captured Kalbajar from Artsakh on Monday.\n";
    let claims = common::extract_claims(&world, text, "en");
    assert!(claims.iter().all(|c| c.other.as_deref() != Some(c.holder.as_str())), "{claims:?}");
}
