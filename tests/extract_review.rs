//! Whole-binary tests of the fixes a review of this round's extraction rules asked for
//! (issue 10): a relative clause with no comma after a subject or object does not swallow the
//! main verb; one town abroad named before does not make a small town of the war "far from
//! the article"; a side's "hands" hold the place only when the place is what is held, not a
//! thing "of" it. Every sentence is written for these tests.

mod extract_cli;

use extract_cli::check_with_other_side as check;

#[test]
fn a_relative_clause_without_commas_leaves_the_main_verb_to_the_main_clause() {
    check(
        "nl",
        &[
            ("De SDF die IS bestreed nam Raqqa in.", &["Raqqa sdf captured is"]),
            ("Het leger heeft de jihadisten die Palmyra bezetten verdreven.", &["Palmyra syrian-gov captured is"]),
            // after a preposition the aside runs to the sentence end and is the side's own clause
            ("Koerdische strijders vochten tegen de jihadisten die Sinjar bezet hielden.", &["Sinjar is holds -"]),
        ],
    );
}

#[test]
fn one_town_abroad_named_before_does_not_push_a_small_town_out() {
    check(
        "nl",
        &[
            (
                "Functionarissen in Koersk zeiden maandag iets. Russische troepen hebben Ocheretyne ingenomen.",
                &["Ocheretyne russia captured -"],
            ),
            ("Russische troepen hebben Ocheretyne ingenomen.", &["Ocheretyne russia captured -"]),
        ],
    );
}

#[test]
fn hands_hold_the_place_only_when_it_is_what_is_held() {
    check(
        "nl",
        &[
            ("Marioepol is nu in Russische handen.", &["Mariupol russia holds -"]),
            ("Het centrum van Bachmoet is in Russische handen.", &["Bakhmut russia partial -"]),
            // the fate or the defence "of" a town is not the town
            ("Het lot van Bachmoet ligt in Russische handen.", &[]),
            ("Kiev legt de verdediging van Charkiv in Amerikaanse handen.", &[]),
        ],
    );
}
