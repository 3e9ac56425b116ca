//! Whole-binary tests of sides named by what they are rather than by name ("militants",
//! "jihadisten", "the army"), which the lexicons resolve by the country of the place they act on
//! (`[actors.by_country]`): Islamic State in Syria and Iraq, JNIM in Mali and Burkina Faso, each
//! country's government for "the army"; in a country the table does not list, no side at all
//! rather than a wrong one. Uses the repository's geodata; the sentences are written for these tests.

mod extract_cli;

/// The rows `extract` writes for `text`, an article dated 2024-02-01 in `lang`, as "place holder
/// event", checked against each case's expected rows.
fn check(lang: &str, cases: &[(&str, &[&str])]) {
    extract_cli::check_cases(cases, |text| extract_cli::extracted_rows(Some(lang), "2024-02-01", text, 1..4));
}

#[test]
fn militants_are_the_side_that_fights_in_that_country() {
    check(
        "en",
        &[
            ("Militants seized the town of Djibo in northern Burkina Faso on Tuesday.", &["Djibo jnim captured"]),
            ("Militants captured the town of Ramadi in western Iraq on Tuesday.", &["Ramadi is captured"]),
            // a country the table does not list: no side is guessed, so no row
            ("Militants seized the town of Jowhar in Somalia on Tuesday.", &[]),
        ],
    );
    check(
        "nl",
        &[
            ("Jihadisten hebben dinsdag de stad Djibo in Burkina Faso ingenomen.", &["Djibo jnim captured"]),
            ("Jihadisten hebben dinsdag de Syrische stad Palmyra ingenomen.", &["Palmyra is captured"]),
        ],
    );
}

#[test]
fn the_army_is_the_government_of_the_country_it_fights_in() {
    check(
        "en",
        &[
            ("The army retook the town of Marib on Friday.", &["Ma'rib yemen-gov captured"]),
            ("The army recaptured the town of Djibo in Burkina Faso on Friday.", &["Djibo burkina-gov captured"]),
        ],
    );
    check(
        "nl",
        &[("Het leger heeft vrijdag de stad Djibo in Burkina Faso heroverd.", &["Djibo burkina-gov captured"])],
    );
}
