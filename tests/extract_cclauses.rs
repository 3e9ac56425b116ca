//! Whole-binary tests of branch `cclauses` (issue 10): a second event cue in a subordinate,
//! coordinated or relative clause whose place is named (or referred to) in the other clause. An
//! object pronoun for the place in a clause opened by a subordinator or break word ("tot het
//! leger het innam", "toen zij het veroverden", "until ... retook it") shares the place of the
//! clause before it; a relative word after a comma behind a word that refers to a town ("de
//! stad, die ...", "the town, which ...") opens a clause about that town; a pronoun subject
//! after ", en" is the side named before. A clause whose object is another area ("het
//! platteland", "the villages just outside it") shares nothing. Uses the repository's geodata;
//! every sentence is written for these tests (none from an article or the development set).

mod extract_cli;

use extract_cli::check_with_other_side as check;

#[test]
fn an_object_pronoun_in_a_subordinate_clause_stands_for_the_place_before_it() {
    check(
        "nl",
        &[
            (
                "IS had Tikrit bijna een jaar in handen, tot het Iraakse leger het in maart heroverde.",
                &["Tikrit is holds -", "Tikrit iraqi-gov captured is"],
            ),
            (
                "De rebellen hielden Saraqeb sinds 2012, toen zij het op het leger veroverden.",
                &["Saraqib syrian-opposition holds -", "Saraqib syrian-opposition captured syrian-gov"],
            ),
            (
                "Oekraïne heeft Izjoem sinds september weer in handen, nadat Russische troepen het in april hadden veroverd.",
                &["Izyum ukraine holds -", "Izyum russia captured ukraine"],
            ),
            // "het" before a noun is an article: the countryside is another area
            ("Het leger houdt Kosti in handen, maar de RSF beheerst het platteland.", &["Kosti saf holds -"]),
        ],
    );
    check(
        "en",
        &[
            (
                "The rebels controlled Maarat al-Numan for years, until government troops retook it in January.",
                &["Maarat al-Numan syrian-opposition holds -", "Maarat al-Numan syrian-gov captured syrian-opposition"],
            ),
            // "just outside it" locates another area by the place: no row for the rebels
            (
                "The junta still holds Lashio, although rebel units hold the villages just outside it.",
                &["Lashio myanmar-junta holds -"],
            ),
        ],
    );
}

#[test]
fn a_relative_clause_after_a_reference_to_a_town_is_about_that_town() {
    check(
        "nl",
        &[(
            "Russische troepen namen in maart Cherson in. In november heroverde het Oekraïense leger de stad, die sindsdien weer door Oekraïne wordt bestuurd.",
            &["Kherson russia captured -", "Kherson ukraine captured russia", "Kherson ukraine holds -"],
        )],
    );
}

#[test]
fn a_pronoun_subject_after_a_comma_and_en_is_the_side_named_before() {
    check(
        "nl",
        &[(
            "Het leger hield Sennar al maanden, en het heeft zaterdag ook Singa op de RSF heroverd.",
            &["Sennar saf holds -", "Singa saf captured rsf"],
        )],
    );
}
