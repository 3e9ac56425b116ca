//! Whole-binary tests of sides named by what they are rather than by name ("militants",
//! "jihadisten", "the army"), which the lexicons resolve by the country of the place they act on
//! (`[actors.by_country]`): Islamic State in Syria and Iraq, JNIM in Mali and Burkina Faso, each
//! country's government for "the army"; in a country the table does not list, no side at all
//! rather than a wrong one. Uses the repository's geodata; the sentences are written for these tests.

use assert_cmd::Command;

/// The rows `extract` writes for one article dated 2024-02-01 in `lang`, as "place holder event".
fn claims(lang: &str, text: &str) -> Vec<String> {
    let article = format!(" date 2024-02-01\n{text}\n");
    let output = Command::cargo_bin("controlmap")
        .expect("the binary builds")
        .args(["extract", "-", "--lang", lang])
        .write_stdin(article)
        .output()
        .expect("the binary runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let csv = String::from_utf8(output.stdout).expect("UTF-8 output");
    csv.lines().skip(1).map(|l| l.split(',').skip(1).take(3).collect::<Vec<_>>().join(" ")).collect()
}

fn check(lang: &str, cases: &[(&str, &[&str])]) {
    let mut failures = Vec::new();
    for (text, expected) in cases {
        let got = claims(lang, text);
        if got != *expected {
            failures.push(format!("{text}\n   expected {expected:?}\n   got      {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
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
