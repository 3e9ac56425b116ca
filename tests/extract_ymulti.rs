//! Whole-binary tests of branch `ymulti` (issue 10): Dutch sentences of two clauses that tell a
//! change of hands and an earlier holder's state, each cue binding the sides of its own clause.
//! A relative clause after a noun phrase in apposition ("..., de stad die ... werd
//! gecontroleerd") is an aside, so its "werd" and its "door" agent stay out of the main clause; a
//! gapped cue does not reach into such a phrase ("viel X, de laatste plaats in handen van Y"); the
//! perfect of "bezet houden" and "de baas zijn" are holds; a capture after "waarna" is of the place
//! a withdrawal before it left. Uses the repository's geodata; every sentence is written for
//! these tests (none from an article or the development set), with negatives.

mod extract_cli;

use extract_cli::check_with_other_side as check;

#[test]
fn a_relative_clause_after_an_apposed_noun_phrase_keeps_its_own_voice_and_agent() {
    check(
        "nl",
        &[
            (
                "Het Iraakse leger heeft gisteren Tikrit heroverd, de stad die sinds juni door IS werd bestuurd.",
                &["Tikrit is holds -", "Tikrit iraqi-gov captured is"],
            ),
            (
                "De rebellen hebben dinsdag Kafr Nabl ingenomen, het stadje dat jaren door het regeringsleger werd verdedigd.",
                &["Kafranbel syrian-gov holds -", "Kafranbel syrian-opposition captured syrian-gov"],
            ),
            (
                "Het leger heeft vrijdag Mosul ingenomen, de stad die IS in 2014 had veroverd.",
                &["Mosul iraqi-gov captured -", "Mosul is captured iraqi-gov"],
            ),
            // an apposed phrase with no claim in its relative clause adds nothing
            (
                "Het leger heeft vrijdag Ramadi ingenomen, de stad die bekendstaat om haar markten.",
                &["Ramadi iraqi-gov captured -"],
            ),
        ],
    );
}

#[test]
fn a_gapped_fall_does_not_reach_into_an_apposed_noun_phrase() {
    check(
        "nl",
        &[
            (
                "Vorige week viel Dabiq, de laatste plaats in handen van IS in de regio.",
                &["Dabiq is holds -", "Dabiq is lost -"],
            ),
            // the gapped fall still works when nothing stands in apposition
            ("In januari viel Dabiq in handen van de rebellen.", &["Dabiq syrian-opposition captured -"]),
        ],
    );
}

#[test]
fn the_perfect_of_bezet_houden_and_de_baas_zijn_are_holds() {
    check(
        "nl",
        &[
            (
                "Palmyra viel in maart in handen van het leger, nadat IS de stad tien maanden bezet had gehouden.",
                &["Palmyra syrian-gov captured -", "Palmyra is holds -"],
            ),
            (
                "Mayadin, waar de jihadisten van IS nog altijd de baas zijn, ligt aan de Eufraat.",
                &["Mayadin is holds -"],
            ),
            // a boss as a person is no hold of a place
            ("De baas van de fabriek in Mosul is gevlucht.", &[]),
        ],
    );
}

#[test]
fn a_capture_after_waarna_is_of_the_place_the_withdrawal_left() {
    check(
        "nl",
        &[
            ("IS trok zich in juli terug uit Tabqa, waarna de SDF de luchthaven bezetten.", &["Tabqa sdf captured is"]),
            // with no withdrawal before it, a capture after "waarna" takes no place
            ("In juli kwam de regering bijeen in Bagdad, waarna de SDF het vliegveld bezetten.", &[]),
        ],
    );
}

#[test]
fn an_entry_with_the_other_side_still_holding_out_is_partial() {
    check(
        "nl",
        &[
            (
                "Het leger trok in maart Palmyra binnen, waar IS zich nog in de oude stad verschanste.",
                &["Palmyra is partial -", "Palmyra syrian-gov partial is"],
            ),
            // a past hold in the relative clause makes the entry no part
            (
                "Het leger trok in maart Palmyra binnen, dat sinds 2015 door IS werd bestuurd.",
                &["Palmyra is holds -", "Palmyra syrian-gov captured is"],
            ),
        ],
    );
}

#[test]
fn a_southern_edge_is_a_part_of_the_town() {
    check(
        "nl",
        &[(
            "In Kupiansk houden Oekraïense troepen het centrum bezet, terwijl Russische eenheden de noordrand van de stad in handen hebben.",
            &["Kupyansk ukraine partial -", "Kupyansk russia partial -"],
        )],
    );
}
