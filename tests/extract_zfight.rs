//! Whole-binary tests of branch `zfight` (issue 10): who holds which part and who defends. A
//! possessive pronoun with no side named before it in its sentence ("hun troepen", "their
//! units") means the side of the people who speak for it before it ("volgens de Oekraïense
//! commandanten", "Russian military bloggers say"); those speakers are no actor themselves. Uses
//! the repository's geodata; every sentence is written for these tests (none from an article or
//! the development set), with negatives.

mod extract_cli;

use extract_cli::check_with_other_side as check;

#[test]
fn a_possessive_pronoun_after_speakers_for_a_side_means_that_side_in_dutch() {
    check(
        "nl",
        &[
            (
                "Volgens de Oekraïense commandanten houden hun troepen nog het zuiden van Vuhledar in handen.",
                &["Vuhledar ukraine partial -"],
            ),
            (
                "Russische militaire bronnen melden dat hun eenheden het centrum van Bachmoet in handen hebben.",
                &["Bakhmut russia partial -"],
            ),
            // a side named before the pronoun still wins over the speakers
            (
                "Volgens de Oekraïense commandanten hebben Russische troepen het oosten van Vuhledar in handen.",
                &["Vuhledar russia partial -"],
            ),
            // the speakers alone are no actor of a claim
            ("De Oekraïense autoriteiten zeggen dat Vuhledar zwaar wordt beschoten.", &[]),
        ],
    );
}

#[test]
fn a_possessive_pronoun_after_speakers_for_a_side_means_that_side_in_english() {
    check(
        "en",
        &[
            (
                "Ukrainian officials said their troops still hold the western part of Bakhmut.",
                &["Bakhmut ukraine partial -"],
            ),
            (
                "According to Russian military bloggers, their units now control the centre of Vuhledar.",
                &["Vuhledar russia partial -"],
            ),
            // a side named before the pronoun still wins over the speakers
            (
                "Ukrainian commanders said Russian troops hold the eastern part of Vuhledar.",
                &["Vuhledar russia partial -"],
            ),
            ("Russian officials said the shelling of Vuhledar went on all night.", &[]),
        ],
    );
}

#[test]
fn in_a_fight_between_two_sides_the_one_a_relative_clause_shows_holding_defends() {
    check(
        "nl",
        &[
            (
                "In Tabqa wordt gevochten tussen het leger en IS, dat de stad sinds 2014 beheerst.",
                &["Tabqa is contested syrian-gov", "Tabqa is holds -"],
            ),
            // a side after an attributive agent keeps the role of its phrase ("tussen")
            (
                "Bij Manbij wordt gevochten tussen de door Turkije gesteunde rebellen en de SDF, die de stad sinds 2016 beheerst.",
                &["Manbij sdf contested syrian-opposition", "Manbij sdf holds -"],
            ),
            // with no hold told, the first named still defends
            ("In Tabqa wordt gevochten tussen het leger en IS.", &["Tabqa syrian-gov contested is"]),
        ],
    );
}

#[test]
fn an_entry_followed_by_where_the_other_side_holds_out_is_partial() {
    check(
        "nl",
        &[
            (
                "Russische eenheden trokken in april Bachmoet binnen, waar Oekraïense troepen zich nog in de westelijke wijken verschansten.",
                &["Bakhmut ukraine partial -", "Bakhmut russia partial ukraine"],
            ),
            // a relative clause with no hold keeps the entry a capture
            (
                "Russische eenheden trokken in april Bachmoet binnen, waar voor de oorlog zeventigduizend mensen woonden.",
                &["Bakhmut russia captured -"],
            ),
        ],
    );
}
