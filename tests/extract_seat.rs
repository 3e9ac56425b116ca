//! Whole-binary tests of the seat of a government named in an actor phrase ("het regime in
//! Damascus", "de regering in Bagdad"): a `holds` row for that town next to the claim the
//! sentence makes, and none without a seat or without a claim (branch `xseeds2`). Uses the
//! repository's geodata (the unit-test gazetteer has no capitals). The sentences are written
//! for these tests.

use assert_cmd::Command;

/// The rows `extract` writes for one Dutch article dated 2017-10-16, as "date place holder event".
fn claims(text: &str) -> Vec<String> {
    let article = format!(" date 2017-10-16\n{text}\n");
    let output = Command::cargo_bin("controlmap")
        .expect("the binary builds")
        .args(["extract", "-"])
        .write_stdin(article)
        .output()
        .expect("the binary runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let csv = String::from_utf8(output.stdout).expect("UTF-8 output");
    csv.lines().skip(1).map(|l| l.split(',').take(4).collect::<Vec<_>>().join(" ")).collect()
}

#[test]
fn a_government_named_by_its_seat_holds_that_town() {
    let cases: &[(&str, &[&str])] = &[
        (
            "Palmyra werd vorige maand heroverd door het regime in Damascus.",
            &["2017-09 Palmyra syrian-gov captured", "2017-10-16 Damascus syrian-gov holds"],
        ),
        // "de regering in Bagdad" is an alias too, but the gazetteer does not resolve the Dutch
        // name Bagdad to the town, so it gives no seat row yet.
        ("Tal Afar werd in augustus heroverd door de regering in Bagdad.", &["2017-08 Tal Afar iraqi-gov captured"]),
        // the side named without its seat: only the claim
        ("Palmyra werd vorige maand heroverd door het regime van Assad.", &["2017-09 Palmyra syrian-gov captured"]),
        // no claim in the sentence: the seat alone is not written
        ("Het regime in Damascus reageerde niet op de berichten.", &[]),
    ];
    let mut failures = Vec::new();
    for (text, expected) in cases {
        let got = claims(text);
        if got != *expected {
            failures.push(format!("{text}\n   expected {expected:?}\n   got      {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
