//! Whole-binary tests of branch `ztaker` (issue 10): the side that took a place, told by a
//! phrase the lexicon did not resolve, so that the extractor wrote the loser's `lost` row
//! instead of the taker's `captured` row. A members noun before "of"/"van" ("factions of the
//! SNA", "brigades van het leger") names the side after it as the taker, and an armed group
//! named by its kind ("the armed group", "de gewapende groep") refers to the side the article
//! is about. Every sentence is written for these tests (none from an article or the development
//! set), with negatives that name places and sides without stating control.

mod extract_cli;

use extract_cli::check_with_other_side as check;

#[test]
fn a_members_noun_before_of_names_the_side_after_it() {
    check(
        "en",
        &[
            (
                "Factions of the Syrian National Army seized Manbij from the SDF on Monday.",
                &["Manbij syrian-opposition captured sdf"],
            ),
            (
                "Two brigades of the Syrian National Army captured Azaz from the SDF after a week.",
                &["Azaz syrian-opposition captured sdf"],
            ),
            // the members of a side being shelled state no control
            ("Artillery hit positions of factions of the Syrian National Army near Manbij.", &[]),
        ],
    );
    check(
        "nl",
        &[
            (
                "Facties van het Syrisch Nationaal Leger veroverden zondag Manbij op de SDF.",
                &["Manbij syrian-opposition captured sdf"],
            ),
            ("Brigades van het Syrisch Nationaal Leger namen in mei Azaz in.", &["Azaz syrian-opposition captured -"]),
        ],
    );
}

#[test]
fn an_armed_group_named_by_its_kind_is_the_side_of_the_article() {
    check(
        "en",
        &[
            (
                "The MNDAA opened a new offensive in northern Shan state in June. \
                 Laukkai was the second town to fall to the armed group.",
                &["Laukkai mndaa captured -"],
            ),
            // a group named by its kind with no side named before it gives no row
            ("Residents of Laukkai said an armed group was seen near the market.", &[]),
        ],
    );
    check(
        "nl",
        &[(
            "De MNDAA begon in juni een nieuw offensief in het noorden van Shan. \
             Laukkai viel vrijdag in handen van de gewapende groep.",
            &["Laukkai mndaa captured -"],
        )],
    );
}

#[test]
fn an_army_coordinated_with_an_ally_names_the_army_side() {
    check(
        "nl",
        &[
            (
                "Congolese en Burundese troepen heroverden dinsdag Rutshuru op de M23.",
                &["Rutshuru drc-gov captured m23"],
            ),
            (
                "Rwandese en Mozambikaanse soldaten namen in augustus Mocímboa da Praia in.",
                &["Mocímboa da Praia mozambique-gov captured -"],
            ),
        ],
    );
    check(
        "en",
        &[
            (
                "Congolese and Burundian troops retook Rutshuru from the M23 on Tuesday.",
                &["Rutshuru drc-gov captured m23"],
            ),
            (
                "Rwandan and Mozambican soldiers recaptured Mocímboa da Praia in August.",
                &["Mocímboa da Praia mozambique-gov captured -"],
            ),
            // allies named with no army of the map give no side
            ("Rwandan and Kenyan observers visited Rutshuru in August.", &[]),
        ],
    );
}
