//! Whole-binary tests of branch `yplaces` (issue 10): places the extractor did not find in a
//! sentence that states a claim about them. A town opening the sentence whose verb follows after
//! an apposition or whose auxiliary's cue comes later in the clause ("Kidal werd in november
//! door het leger heroverd"); a part phrase of a bare region noun that locates the town rather
//! than limiting the claim ("X, in het noorden van de regio, werd veroverd"); towns named as the
//! two ends of a stretch ("een aanval op een konvooi tussen X en Y") and hills "boven X", which
//! are landmarks; a Dutch "zj" that is a "z" before a "j" read as "y" ("Izjoem" = Izyum). Uses
//! the repository's geodata; every sentence is written for these tests (none from an article or
//! the development set), with negatives: ordinary words that are town names somewhere opening a
//! sentence with an event verb, and attacks between two towns.

mod extract_cli;

use extract_cli::check_with_other_side as check;

#[test]
fn a_town_opening_the_sentence_is_the_subject_of_its_event() {
    check(
        "nl",
        &[
            ("Lyman werd in oktober door het Oekraïense leger heroverd.", &["Lyman ukraine captured -"]),
            (
                "Lyman, een spoorwegknooppunt in Donetsk, werd in oktober door het Oekraïense leger heroverd.",
                &["Lyman ukraine captured -"],
            ),
            ("Menaka werd in maart door strijders van IS ingenomen.", &["Ménaka is captured -"]),
            (
                "Tessalit, een dorp in het noorden, werd door het Malinese leger heroverd.",
                &["Tessalit mali-gov captured -"],
            ),
            // an ordinary word that is a town somewhere still needs more than its verb
            ("Born werd in de oorlog door het leger bezet gehouden.", &[]),
        ],
    );
    check(
        "en",
        &[
            ("Kupiansk was recaptured by Ukrainian forces in September.", &["Kupyansk ukraine captured -"]),
            ("Kreminna, a town in Luhansk, was captured by Russian troops in April.", &["Kreminna russia captured -"]),
            ("Hope was captured by the rebels.", &[]),
            ("Reading, the town, was taken by the army.", &[]),
        ],
    );
}

#[test]
fn a_part_of_a_bare_region_noun_locates_the_town() {
    check(
        "nl",
        &[
            ("Tabqa, in het westen van de provincie, werd in mei door de SDF veroverd.", &["Tabqa sdf captured -"]),
            // a part of the town itself stays a part
            ("Het noorden van Afrin werd door Turkse troepen veroverd.", &["Afrin turkey partial -"]),
        ],
    );
}

#[test]
fn towns_at_the_ends_of_a_stretch_are_landmarks() {
    check(
        "nl",
        &[(
            "Het Oekraïense leger houdt Pokrovsk nog in handen. Bij een aanval op een bus tussen Pokrovsk en Kostjantynivka vielen zondag vier doden.",
            &["Pokrovsk ukraine holds -"],
        )],
    );
    check(
        "en",
        &[(
            "Ukrainian troops still hold Siversk. An attack on a convoy between Siversk and Lysychansk killed ten soldiers.",
            &["Siversk ukraine holds -"],
        )],
    );
}

#[test]
fn zj_may_be_a_z_before_a_j_that_is_y() {
    check(
        "nl",
        &[
            ("Oekraïense troepen heroverden in september Izjoem.", &["Izyum ukraine captured -"]),
            // the other Dutch spellings still work
            ("Russische troepen hebben Vovtsjansk ingenomen.", &["Vovchansk russia captured -"]),
        ],
    );
}

#[test]
fn hills_above_a_town_are_a_landmark() {
    check("nl", &[("Azerbeidzjaanse troepen namen de heuvels boven Stepanakert in.", &[])]);
}
