//! Table-driven tests of extents and fights (issue 10, branch `xextent`): a part of a town the
//! gazetteer does not know ("delen van Robotyne") borrows no other place; a fight told with the
//! place right after its cue and no defender named is defended by the side the article names
//! most besides its attacker, else by the government side of the place's country; holding on
//! to a part ("clung to parts of", "is nog steeds in ... handen", "onder controle heeft") and
//! pushing into a part ("doorgedrongen tot het centrum van"). Every sentence is written for
//! these tests.

use crate::extract::tests::check;

#[test]
fn a_part_of_an_unknown_place_borrows_no_other_place() {
    check(
        "nl",
        &[
            // before: "delen van Qasrik" (no gazetteer id) was read as parts of Manbij
            ("De SDF veroverden Manbij. IS heeft nog delen van Qasrik in handen.", &["2017-10-16 manbij sdf captured"]),
            // a part noun with no name after it is still the town the article is about
            (
                "De SDF veroverden Manbij. IS houdt de oostelijke wijken nog bezet.",
                &["2017-10-16 manbij sdf captured", "2017-10-16 manbij is partial"],
            ),
        ],
    );
    check(
        "en",
        &[
            ("The SDF captured Manbij. IS still holds the districts of Qasrik.", &["2017-10-16 manbij sdf captured"]),
            (
                "The SDF captured Manbij. IS still holds the eastern districts.",
                &["2017-10-16 manbij sdf captured", "2017-10-16 manbij is partial"],
            ),
        ],
    );
}

#[test]
fn a_fight_named_right_after_its_cue_is_defended_by_the_other_side_of_the_front() {
    check(
        "en",
        &[
            // the attacker is the side last seen taking a place; the country's government defends
            (
                "IS captured Baiji on Monday. Fighting for Tikrit has gone on for weeks.",
                &["2017-10-16 baiji is captured", "2017-10-16 tikrit iraqi-gov contested"],
            ),
            // a named attacker in the sentence, the place right after the cue
            (
                "Fierce fighting raged in Ramadi on Friday as Islamic State militants attacked.",
                &["2017-10-13 ramadi iraqi-gov contested is"],
            ),
            // the place elsewhere in the clause: no claim ("fighting" is background)
            (
                "IS captured Baiji. Since the fighting flared up, thousands have fled, an analyst in Mosul said.",
                &["2017-10-16 baiji is captured"],
            ),
            // the attacker is the government itself: no defender is guessed
            (
                "Syrian troops captured Palmyra. Fighting for Raqqa went on.",
                &["2017-10-16 palmyra syrian-gov captured"],
            ),
        ],
    );
    check(
        "nl",
        &[
            (
                "Rebellen van HTS veroverden vrijdag Palmyra. Ten zuiden van de stad wordt hevig gevochten om Tabqa.",
                &["2017-10-13 palmyra hts captured", "2017-10-16 tabqa syrian-gov contested"],
            ),
            // the side named most besides the last taker defends
            (
                "Het Iraakse leger heroverde Tikrit. IS houdt Hawija bezet. Verder wordt er gevochten in Baiji.",
                &[
                    "2017-10-16 tikrit iraqi-gov captured",
                    "2017-10-16 hawija is holds",
                    "2017-10-16 baiji is contested",
                ],
            ),
        ],
    );
}

#[test]
fn holding_on_to_or_pushing_into_a_part_is_partial() {
    check(
        "en",
        &[
            ("IS has clung to parts of Mosul since October.", &["2017-10 mosul is partial"]),
            ("Residents have clung to their homes in Mosul since October.", &[]),
        ],
    );
    check(
        "nl",
        &[
            ("Het grootste deel van Mosul is nog steeds in Iraakse handen.", &["2017-10-16 mosul iraqi-gov partial"]),
            (
                "Iraakse troepen zijn gisteren doorgedrongen tot het centrum van Mosul.",
                &["2017-10-15 mosul iraqi-gov partial"],
            ),
            (
                "Het Iraakse leger zegt dat zijn soldaten het oosten van Mosul onder controle hebben.",
                &["2017-10-16 mosul iraqi-gov partial [claimed]"],
            ),
        ],
    );
}
