//! Whole-binary tests of branch `xrecall` (issue 10): claims the extractor did not see at all in
//! unfamiliar phrasing, mostly Dutch. The "terugnemen" verb family ("nam ... terug",
//! "teruggenomen"), reflexive withdrawals with the subject and an adverb inside the clause
//! ("trokken de troepen zich in november ... terug uit") or in subordinate order ("zich uit X
//! hebben teruggetrokken"), "in hun macht", the English possessive ("Mosul's fall"), Dutch
//! compound nouns that introduce a place name ("de Eufraatstad Hit", "de Nijlstad Shendi"), and a
//! province named like its capital ("de deelstaat Sennar") that is no town. Uses the repository's
//! geodata; every sentence is written for these tests (none from an article or the development
//! set), with negatives.

mod extract_cli;

use extract_cli::check_with_other_side as check;

#[test]
fn the_terugnemen_family_is_a_capture() {
    check(
        "nl",
        &[
            ("In maart nam het Iraakse leger Rutba terug.", &["Rutba iraqi-gov captured -"]),
            ("Het leger heeft in mei Ramadi op IS teruggenomen.", &["Ramadi iraqi-gov captured is"]),
            ("De stad Hit werd in april door het Iraakse leger teruggenomen.", &["Hit iraqi-gov captured -"]),
            // an aim is no capture
            ("Het Iraakse leger wil in april Rutba terugnemen.", &[]),
        ],
    );
}

#[test]
fn reflexive_withdrawals_in_any_word_order() {
    check(
        "nl",
        &[
            (
                "In november trokken de Russische troepen zich na weken van beschietingen terug uit Cherson.",
                &["Kherson russia lost -"],
            ),
            (
                "Het ministerie meldt dat de Russische troepen zich uit Cherson hebben teruggetrokken.",
                &["Kherson russia lost -"],
            ),
            // withdrawing towards a town says nothing about that town
            ("In november trokken de Russische troepen zich terug in de richting van Cherson.", &[]),
        ],
    );
}

#[test]
fn in_hun_macht_is_a_hold() {
    check(
        "nl",
        &[
            ("De jihadisten van IS hadden Mosul sinds juni in hun macht.", &["Mosul is holds -"]),
            ("Sinds maart heeft de RSF Wad Madani in haar macht.", &["Wad Medani rsf holds -"]),
        ],
    );
}

#[test]
fn a_possessive_does_not_hide_the_place() {
    check(
        "en",
        &[
            ("Mosul's fall to Islamic State in June shocked the government.", &["Mosul is captured -"]),
            ("Russia's army captured Avdiivka in February.", &["Avdiyivka russia captured -"]),
            // a possessive town with no claim about it
            ("Kharkiv's mayor met aid workers in February.", &[]),
        ],
    );
}

#[test]
fn compound_town_nouns_introduce_a_name() {
    check(
        "nl",
        &[
            ("Het Iraakse leger heroverde in mei de Eufraatstad Hit.", &["Hit iraqi-gov captured -"]),
            ("De Soedanese strijdkrachten namen in maart de Nijlstad Shendi in.", &["shendi-367308 saf captured -"]),
            // a compound with no name after it claims nothing
            ("In de kuststad werd in mei een markt beschoten.", &[]),
        ],
    );
}

#[test]
fn a_province_named_like_its_capital_is_no_town() {
    check(
        "nl",
        &[
            ("De RSF namen in mei de deelstaat Sennar in.", &[]),
            (
                "Soedanese troepen namen in november Singa in, een stad in de deelstaat Sennar.",
                &["Singa saf captured -"],
            ),
        ],
    );
}
