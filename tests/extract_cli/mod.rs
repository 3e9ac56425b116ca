//! Helpers shared by the whole-binary extraction tests: run `controlmap extract` on one article
//! given on standard input and compare its rows with a table of expected ones.

use assert_cmd::Command;
use std::ops::Range;

/// The rows `extract` writes for one article dated `date` (`--lang` when `lang` is given), each
/// as its CSV columns `columns` joined by spaces.
pub fn extracted_rows(lang: Option<&str>, date: &str, text: &str, columns: Range<usize>) -> Vec<String> {
    let article = format!(" date {date}\n{text}\n");
    let mut args = vec!["extract", "-"];
    args.extend(lang.map(|l| ["--lang", l]).into_iter().flatten());
    let output = Command::cargo_bin("controlmap")
        .expect("the binary builds")
        .args(&args)
        .write_stdin(article)
        .output()
        .expect("the binary runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let csv = String::from_utf8(output.stdout).expect("UTF-8 output");
    let take = columns.end - columns.start;
    csv.lines().skip(1).map(|l| l.split(',').skip(columns.start).take(take).collect::<Vec<_>>().join(" ")).collect()
}

/// Runs `rows` on every case's text and fails once, listing every case whose rows differ.
pub fn check_cases(cases: &[(&str, &[&str])], rows: impl Fn(&str) -> Vec<String>) {
    let mut failures = Vec::new();
    for (text, expected) in cases {
        let got = rows(text);
        if got != *expected {
            failures.push(format!("{text}\n   expected {expected:?}\n   got      {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `check_cases` on each row's place, holder, event and other side (an article dated 2024-02-01
/// in `lang`), an empty other side written `-` so that a table can tell it from a missing column.
#[allow(dead_code)] // not every test crate that includes this module compares the other side
pub fn check_with_other_side(lang: &str, cases: &[(&str, &[&str])]) {
    check_cases(cases, |text| {
        let rows = extracted_rows(Some(lang), "2024-02-01", text, 1..5);
        rows.into_iter().map(|r| if r.ends_with(' ') { format!("{r}-") } else { r }).collect()
    });
}
