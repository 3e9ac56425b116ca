//! Table-driven tests of fights told with a split verb (issue 10, branch `xseeds2`): fighting
//! one's way to a place ("vochten zich een weg naar", "fought their way into"), the centre of
//! the town spoken of ("het stadscentrum"), and an inverted subject in the gap of a split cue
//! ("Gisteren vielen de rebellen de stad aan"), which attacks and does not hold. Every sentence
//! is written for these tests.

use crate::extract::tests::check;

#[test]
fn fighting_ones_way_to_a_place_contests_it_for_its_holder() {
    check(
        "nl",
        &[
            // the holder is known from the sentence before; the town centre is the town
            (
                "IS heeft Tabqa in handen. Gisteren vochten de SDF zich een weg naar het stadscentrum.",
                &["2017-10-16 tabqa is holds", "2017-10-15 tabqa is contested sdf"],
            ),
            // subject first, place named
            (
                "IS heeft Manbij in handen. De SDF vechten zich een weg naar Manbij.",
                &["2017-10-16 manbij is holds", "2017-10-16 manbij is contested sdf"],
            ),
            // no side known to hold the place: no claim, and no guess
            ("De SDF baanden zich vorige week een weg naar Tabqa.", &[]),
            // a way to a place without fighting is no claim
            ("Hulpkonvooien zochten zich een weg naar Manbij.", &[]),
        ],
    );
    check(
        "en",
        &[
            (
                "IS holds Tabqa. On Monday the SDF fought their way into Tabqa.",
                &["2017-10-16 tabqa is holds", "2017-10-16 tabqa is contested sdf"],
            ),
            ("Aid convoys made their way into Manbij on Monday.", &[]),
        ],
    );
}

#[test]
fn an_inverted_subject_in_a_split_cue_attacks_and_does_not_hold() {
    check(
        "nl",
        &[
            // before: the side right after the verb was taken as the holder
            (
                "IS heeft Manbij in handen. Gisteren vielen de SDF Manbij aan.",
                &["2017-10-16 manbij is holds", "2017-10-15 manbij is contested sdf"],
            ),
            // a preposition ending the first part still governs the side after it
            (
                "De verwachting is dat Tabqa binnenkort in handen van de SDF zal vallen.",
                &["2017-10-16 tabqa sdf captured [expected]"],
            ),
        ],
    );
}

#[test]
fn a_heading_naming_a_town_makes_it_the_town_of_its_passage() {
    check(
        "nl",
        &[
            // Manbij is named more often, but the passage under the heading is about Tabqa
            (
                "De SDF veroverden Manbij. Manbij ligt in puin.\n\nTabqa\n\nNet als Manbij leed ook Tabqa zwaar. IS hield de stad tot vorige maand in handen.",
                &["2017-10-16 manbij sdf captured", "2017-09 tabqa is holds"],
            ),
            // no heading: the town the article is most about
            (
                "De SDF veroverden Manbij. Manbij ligt in puin. Net als Manbij leed ook Tabqa zwaar. IS hield de stad tot vorige maand in handen.",
                &["2017-10-16 manbij sdf captured", "2017-09 manbij is holds"],
            ),
        ],
    );
    check(
        "en",
        &[(
            "The SDF captured Manbij. Manbij lies in ruins.\n\nTabqa\n\nLike Manbij, Tabqa suffered badly. IS held the city until last month.",
            &["2017-10-16 manbij sdf captured", "2017-09 tabqa is holds"],
        )],
    );
}
