//! Whole-binary tests of branch `xholder` (issue 10): who holds, takes or loses a place, and in
//! which direction. An acronym side inside a verb-final fall ("in handen van IS gevallen"), an
//! army adjective with a modifier before its head ("Iraakse speciale eenheden", "Russian airborne
//! troops"), "het regime" and "de junta" by the place's country, the speaker's own units in a
//! reported clause ("Een woordvoerder van de RSF verklaarde dat de strijders ..."), a passive
//! capture since a date in a relative clause as a hold, a verb-final withdrawal followed by more
//! words, a Dutch town-noun compound in apposition ("Vuhledar, een mijnstadje, ..."), and "the
//! group" as the most-named side that is no government. Uses the
//! repository's geodata; every sentence is written for these tests (none from an article or the
//! development set), with negatives.

mod extract_cli;

use extract_cli::check_with_other_side as check;

#[test]
fn an_acronym_side_is_not_swallowed_by_a_lower_case_cue() {
    check(
        "nl",
        &[
            // "IS gevallen" is not the cue "is gevallen": IS is the side the town fell to
            ("Tikrit was in juni in handen van IS gevallen.", &["Tikrit is captured -"]),
            ("Baiji is in mei in handen van IS gevallen.", &["Baiji is captured -"]),
        ],
    );
}

#[test]
fn an_army_adjective_with_a_modifier_names_that_army() {
    check("nl", &[("Tikrit werd in maart door Iraakse speciale eenheden heroverd.", &["Tikrit iraqi-gov captured -"])]);
    check("en", &[("Russian airborne troops seized Kupiansk in February.", &["Kupyansk russia captured -"])]);
    // a modifier and a head with no army adjective name no side
    check("nl", &[("Speciale eenheden namen in maart Tikrit in.", &[])]);
}

#[test]
fn the_regime_and_the_junta_are_the_government_of_the_place() {
    check(
        "nl",
        &[
            ("Sittwe is nog altijd in handen van het regime.", &["Sittwe myanmar-junta holds -"]),
            ("Palmyra is in handen van het regime.", &["Palmyra syrian-gov holds -"]),
            ("De junta heroverde in april de stad Myawaddy.", &["Myawaddy myanmar-junta captured -"]),
            // no regime in the table for Ukraine: no side rather than the Syrian one
            ("Kramatorsk is in handen van het regime.", &[]),
        ],
    );
    check("en", &[("The junta lost Lashio to the Arakan Army in August.", &["Lashio myanmar-junta lost arakan-army"])]);
}

#[test]
fn the_speakers_units_take_the_place_in_a_reported_clause() {
    check(
        "nl",
        &[
            (
                "Een woordvoerder van de RSF verklaarde dat de strijders in mei Nyala hadden ingenomen.",
                &["Nyala rsf captured -"],
            ),
            // a denial states no capture
            ("De RSF ontkende dat de strijders Nyala hadden ingenomen.", &[]),
            (
                "Oekraïne meldt dat zijn eenheden zich uit Soledar hebben teruggetrokken om de verdedigers te sparen.",
                &["Soledar ukraine lost -"],
            ),
        ],
    );
    check(
        "en",
        &[(
            "A spokesman for the Arakan Army said that the fighters had captured Kyauktaw in February.",
            &["Kyauktaw arakan-army captured -"],
        )],
    );
}

#[test]
fn a_passive_capture_since_a_date_in_a_relative_clause_is_a_hold() {
    check(
        "nl",
        &[
            (
                "Melitopol, dat sinds maart door Russische troepen bezet werd, viel in mei in handen van het Oekraïense leger.",
                &["Melitopol russia holds -", "Melitopol ukraine captured russia"],
            ),
            // captures told since a date in a main clause stay captures
            (
                "Sinds januari zijn Hit en Rawa door het leger heroverd.",
                &["Hit iraqi-gov captured -", "Rawa iraqi-gov captured -"],
            ),
            ("Melitopol werd in maart door Russische troepen bezet.", &["Melitopol russia captured -"]),
        ],
    );
}

#[test]
fn a_town_noun_compound_in_apposition_introduces_the_place() {
    check(
        "nl",
        &[(
            "Vuhledar, een mijnstadje in het oosten, viel in oktober in handen van Russische troepen.",
            &["Vuhledar russia captured -"],
        )],
    );
}

#[test]
fn the_group_is_never_a_state_army() {
    check(
        "en",
        &[(
            "Islamic State fighters seized Hit in May. Government troops are now preparing an offensive on Hit, which the group has held since then.",
            &["Hit is captured -", "Hit is holds -"],
        )],
    );
}
