//! Whole-binary tests of branch `droles` (issue 10): the direction of an event, who took a place
//! and who lost or holds it, when one clause of the numbering holds two clauses of the sentence.
//! A relative clause with no comma after a noun that is no side has its own subject ("de wijken
//! die het leger in handen heeft", "a town that IS still holds"); a sentence opened by a
//! subordinate clause tells the main clause's doer after its comma ("Nadat IS X had verlaten,
//! trokken Koerdische strijders de stad binnen"); the verb-final forms of separable verbs
//! ("waarna de SDF de stad binnentrokken") are entries; mercenaries are members of their side
//! ("Wagner-huurlingen"); fighting an opponent beside an entry makes the entry a part and the
//! place contested. Uses the repository's geodata; every sentence is written for these tests
//! (none from an article or the development set), with negatives.

mod extract_cli;

use extract_cli::check_with_other_side as check;

#[test]
fn the_side_after_a_relative_word_holds_what_its_clause_says() {
    check(
        "nl",
        &[
            (
                "Russische vliegtuigen bombardeerden Idlib, de stad in het noordwesten die de rebellen sinds 2015 in handen hebben.",
                &["Idlib syrian-opposition holds -"],
            ),
            (
                "Iraakse troepen rukken op naar Hawija, een stadje ten zuiden van Kirkuk dat IS nog altijd bezet houdt.",
                &["Hawija is holds -", "Hawija is contested iraqi-gov"],
            ),
            (
                "Turkse troepen beschieten Manbij, dat de Koerdische strijders sinds 2016 controleren.",
                &["Manbij sdf holds -"],
            ),
            // a relative clause about a part of a town holds a part
            (
                "In Deir ez-Zor beschiet IS nog dagelijks de wijken die het Syrische leger in handen heeft.",
                &["Deir ez-Zor syrian-gov partial -"],
            ),
            // the main clause's subject stays the doer of a cue before the relative word
            (
                "Het Syrische leger heroverde Palmyra, een stad die de jihadisten van IS tien maanden bezet hielden.",
                &["Palmyra is holds -", "Palmyra syrian-gov captured is"],
            ),
        ],
    );
    check(
        "en",
        &[(
            "Iraqi troops advanced on Hawija, a small town south of Kirkuk that IS fighters have held since 2014.",
            &["Hawija is holds -", "Hawija is contested iraqi-gov"],
        )],
    );
}

#[test]
fn a_sentence_opened_by_a_subordinate_clause_tells_the_doer_after_its_comma() {
    check(
        "nl",
        &[
            ("Nadat IS Manbij had verlaten, trokken Koerdische strijders de stad binnen.", &["Manbij sdf captured is"]),
            (
                "Toen de Toeareg-rebellen zich uit Tessalit hadden teruggetrokken, nam het Malinese leger de stad in.",
                &["Tessalit mali-gov captured csp"],
            ),
            (
                "Nadat de Toeareg-rebellen Kidal hadden verlaten, trokken soldaten en Wagner-huurlingen de stad binnen.",
                &["Kidal mali-gov captured csp"],
            ),
            // an opening clause with no side of its own shares the main clause's subject
            (
                "Nadat ze Saraqib hadden ingenomen, trokken de rebellen verder naar Hama.",
                &["Saraqib syrian-opposition captured -"],
            ),
        ],
    );
    check(
        "en",
        &[(
            "After the rebels retook Saraqib last week, the army shelled the town.",
            &["Saraqib syrian-opposition captured syrian-gov"],
        )],
    );
}

#[test]
fn the_joined_particle_of_a_verb_final_entry_is_an_entry() {
    check(
        "nl",
        &[
            (
                "IS trok zich in oktober terug uit Raqqa, waarna de SDF de stad binnentrokken.",
                &["Raqqa sdf captured is"],
            ),
            (
                "De Toeareg-rebellen gaven Ménaka op, waarna het Malinese leger de plaats binnenrukte.",
                &["Ménaka mali-gov captured csp"],
            ),
        ],
    );
}

#[test]
fn fighting_an_opponent_beside_an_entry_makes_it_a_part() {
    check(
        "nl",
        &[
            (
                "Russische troepen zijn Vovtsjansk binnengetrokken en vechten daar nog altijd tegen Oekraïense eenheden.",
                &["Vovchansk russia partial -", "Vovchansk ukraine contested russia"],
            ),
            // a fight with no place is no claim
            ("Het leger vecht al jaren tegen IS.", &[]),
            // an entry with no fight told after it stays a capture
            ("Russische troepen zijn Vovtsjansk binnengetrokken.", &["Vovchansk russia captured -"]),
        ],
    );
}
