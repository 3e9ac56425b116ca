//! Whole-binary tests of the query commands (`at`, `check`, `history`, `lint`, `places`,
//! `regions`, `sentences`) on the built-in seeds and on small fixtures, including bad input.

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn controlmap() -> Command {
    Command::cargo_bin("controlmap").expect("the binary builds")
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// A temporary ledger with the given body under the standard header.
fn ledger(dir: &tempfile::TempDir, name: &str, body: &str) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, format!("date,place,holder,event,other,modality,source,note\n{body}")).unwrap();
    path
}

#[test]
fn at_shows_raqqa_held_by_the_sdf_in_november_2017_with_sources() {
    controlmap()
        .args(["at", "2017-11", "Raqqa"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Raqqa")
                .and(predicate::str::contains("sdf"))
                .and(predicate::str::contains("held")),
        )
        .stdout(predicate::str::contains("000#1"))
        .stdout(predicate::str::contains("000 = 000_bd356353d0e3943c.txt"));
}

#[test]
fn at_json_lists_every_tracked_place() {
    let output = controlmap().args(["--json", "at", "2017-12-31"]).output().unwrap();
    assert!(output.status.success());
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let places = value["places"].as_array().unwrap();
    assert!(places.len() >= 10, "{} places", places.len());
    let rawa = places.iter().find(|p| p["place_id"] == "rawa").expect("Rawa is tracked");
    assert_eq!(rawa["holder"], "iraqi-gov");
    assert_eq!(rawa["status"], "held");
}

#[test]
fn check_mayadeen_in_early_october_answers_from_the_october_claims() {
    controlmap()
        .args(["check", "Mayadeen", "--holder", "is", "--on", "2017-10-05"])
        .assert()
        .code(3)
        .stdout(predicate::str::contains("uncertain"))
        .stdout(
            predicate::str::contains("001_976f2b0105d2231f.txt#6")
                .or(predicate::str::contains("002_64d8d240d9b06057.txt#18")),
        );
}

#[test]
fn check_exit_codes_follow_the_verdict() {
    controlmap()
        .args(["check", "Raqqa", "--holder", "sdf", "--on", "2017-12-20"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("supported"));
    controlmap()
        .args(["check", "Raqqa", "--holder", "is", "--on", "2017-12-20"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("contradicted"));
    controlmap()
        .args(["check", "Rawa", "--holder", "is", "--on", "2010-01-01"])
        .assert()
        .code(3)
        .stdout(predicate::str::contains("unknown"));
}

#[test]
fn history_lists_deir_ez_zor_claims_and_the_conflict() {
    controlmap()
        .args(["history", "Deir al-Zor"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Deir ez-Zor"))
        .stdout(predicate::str::contains("conflict (reversal)"))
        .stdout(predicate::str::contains("001_976f2b0105d2231f.txt#5"));
}

#[test]
fn lint_accepts_the_seeds_ledger() {
    controlmap().arg("lint").assert().success().stdout(predicate::str::contains("0 error(s)"));
}

#[test]
fn lint_checks_cited_sentences_when_the_articles_are_there() {
    let articles = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if !articles.is_dir() {
        eprintln!("SKIPPED lint_checks_cited_sentences: ../shared/seeds is not present in this checkout");
        return;
    }
    controlmap()
        .args(["lint", "--articles"])
        .arg(&articles)
        .assert()
        .success()
        .stdout(predicate::str::contains("0 error(s)"));
}

#[test]
fn lint_reports_every_problem_with_file_line_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let path = ledger(
        &dir,
        "bad.csv",
        "2017-13,Raqqa,sdf,captured,,,a.txt#1,\n2017-10,Bukamil,is,holds,,,a.txt#2,\n2017-10,Raqqa,daesh-x,holds,,,a.txt#3,\n2017-10,Raqqa,sdf,seized,,,a.txt#4,\n2017-10,Raqqa,sdf,holds,,,a.txt#5,\n2017-10,Raqqa,sdf,holds,,,a.txt#5,\n",
    );
    let file = path.display().to_string();
    controlmap()
        .arg("lint")
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(format!("{file}:2: date: \"2017-13\": month 13 does not exist")))
        .stdout(predicate::str::contains(format!(
            "{file}:3: place: place \"Bukamil\" is not in the gazetteer; did you mean"
        )))
        .stdout(predicate::str::contains("Abu Kamal"))
        .stdout(predicate::str::contains(format!(
            "{file}:4: holder: warning: faction \"daesh-x\" is not in factions.toml"
        )))
        .stdout(predicate::str::contains(format!("{file}:5: event: unknown event \"seized\"")))
        .stdout(predicate::str::contains(format!("{file}:7: warning: duplicate row (same as {file}:6)")));
}

#[test]
fn places_resolves_deir_ezzour_to_deir_ez_zor() {
    controlmap()
        .args(["places", "Deir Ezzour"])
        .assert()
        .success()
        .stdout(predicate::str::contains("→ Deir ez-Zor"))
        .stdout(predicate::str::contains("region"))
        .stdout(predicate::str::contains("35.3"));
}

#[test]
fn places_reports_unknown_names_with_suggestions() {
    controlmap()
        .args(["places", "Mayadinx"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("did you mean: Mayadin"));
}

#[test]
fn regions_lists_drawn_areas_with_their_towns() {
    controlmap().args(["regions", "yarmouk"]).assert().success().stdout(predicate::str::contains("yarmouk-basin"));
}

#[test]
fn sentences_numbers_an_article() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.txt");
    std::fs::write(&path, " date 2017-10 De stad viel. Het leger rukte op.\n\nTussenkop\nEinde.").unwrap();
    controlmap()
        .arg("sentences")
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("date 2017-10, 4 sentences"))
        .stdout(predicate::str::contains("   3  Tussenkop"));
}

#[test]
fn a_user_ledger_replaces_the_seeds_and_several_combine() {
    let dir = tempfile::tempdir().unwrap();
    let a = ledger(&dir, "a.csv", "2016-03,Raqqa,is,holds,,,x.txt#1,\n");
    let b = ledger(&dir, "b.csv", "2016-05,Mosul,is,holds,,,y.txt#1,\n");
    let output = controlmap()
        .args(["--json", "at", "2016-06"])
        .arg("--ledger")
        .arg(&a)
        .arg("--ledger")
        .arg(&b)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value["places"].as_array().unwrap().len(), 2);
}

#[test]
fn a_user_geodata_folder_replaces_the_built_in_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = ledger(&dir, "l.csv", "2017-10,Boukamal,is,holds,,,x.txt#1,\n");
    controlmap()
        .arg("--geodata")
        .arg(fixture("geo"))
        .arg("--ledger")
        .arg(&path)
        .args(["at", "2017-10"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Abu Kamal"));
}

mod bad_input {
    use super::*;

    fn fails_with(args: &[&str], ledger_path: &Path, message: &str) {
        controlmap()
            .args(args)
            .arg("--ledger")
            .arg(ledger_path)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(message));
    }

    #[test]
    fn a_malformed_row_names_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = ledger(&dir, "l.csv", "2017-10,Raqqa,sdf\n");
        fails_with(&["at", "2017-10"], &path, "l.csv:2: expected 8 fields as in the header, found 3");
    }

    #[test]
    fn an_unknown_place_gets_suggestions() {
        let dir = tempfile::tempdir().unwrap();
        let path = ledger(&dir, "l.csv", "2017-10,Mosulx,sdf,holds,,,a.txt#1,\n");
        fails_with(&["at", "2017-10"], &path, "l.csv:2: place: place \"Mosulx\" is not in the gazetteer; did you mean");
    }

    #[test]
    fn an_unknown_faction_is_drawn_with_a_warning_and_fails_only_strict() {
        let dir = tempfile::tempdir().unwrap();
        let path = ledger(&dir, "l.csv", "2017-10,Raqqa,martians,holds,,,a.txt#1,\n");
        let warning =
            "l.csv:2: holder: warning: faction \"martians\" is not in factions.toml: drawn as \"martians\" in #";
        controlmap()
            .args(["at", "2017-10", "--ledger"])
            .arg(&path)
            .assert()
            .success()
            .stdout(predicate::str::contains("martians"))
            .stderr(predicate::str::contains(warning));
        controlmap().args(["--strict", "at", "2017-10", "--ledger"]).arg(&path).assert().code(1);
    }

    #[test]
    fn impossible_dates_are_rejected() {
        let dir = tempfile::tempdir().unwrap();
        let month = ledger(&dir, "m.csv", "2017-13,Raqqa,sdf,holds,,,a.txt#1,\n");
        fails_with(&["at", "2017-10"], &month, "m.csv:2: date: \"2017-13\": month 13 does not exist");
        let day = ledger(&dir, "d.csv", "2017-02-30,Raqqa,sdf,holds,,,a.txt#1,\n");
        fails_with(&["at", "2017-10"], &day, "d.csv:2: date: \"2017-02-30\": day 30 does not exist in that month");
        controlmap()
            .args(["at", "2017-02-30"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("day 30 does not exist"));
    }

    #[test]
    fn an_empty_file_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("empty.csv");
        std::fs::write(&path, "").unwrap();
        fails_with(&["at", "2017-10"], &path, "empty.csv: the ledger is empty");
    }

    #[test]
    fn a_file_that_is_not_utf8_names_the_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("latin1.csv");
        std::fs::write(&path, b"date,place,holder,event\n2017-10,Raqqa,sdf,holds\n2017-10,Caf\xe9,sdf,holds\n")
            .unwrap();
        fails_with(&["at", "2017-10"], &path, "latin1.csv:3: the ledger is not UTF-8 text");
    }

    #[test]
    fn a_missing_file_or_a_folder_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        fails_with(&["at", "2017-10"], &dir.path().join("nope.csv"), "nope.csv: cannot read: no such file or folder");
        fails_with(&["at", "2017-10"], dir.path(), "is a folder, not a file");
    }

    #[test]
    fn a_missing_geodata_file_is_named() {
        let dir = tempfile::tempdir().unwrap();
        controlmap()
            .arg("--geodata")
            .arg(dir.path())
            .args(["at", "2017-10"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("factions.toml: cannot read"));
    }

    #[test]
    fn a_huge_ledger_fails_cleanly_with_the_first_errors() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("huge.csv");
        let row = "2017-13,Raqqa,sdf,holds,,fact,a.txt#1,padding padding padding padding padding padding\n";
        let mut text = String::from("date,place,holder,event,other,modality,source,note\n");
        let rows = 100 * 1024 * 1024 / row.len();
        text.reserve(rows * row.len());
        for _ in 0..rows {
            text.push_str(row);
        }
        std::fs::write(&path, text).unwrap();
        controlmap()
            .args(["at", "2017-10"])
            .arg("--ledger")
            .arg(&path)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("huge.csv:2: date:"))
            .stderr(predicate::str::contains("and 1").and(predicate::str::contains("more")));
    }

    #[test]
    fn bad_query_arguments_exit_2() {
        controlmap()
            .args(["check", "Raqqa", "--holder", "nobody", "--on", "2017-10"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("faction \"nobody\""));
        controlmap()
            .args(["at", "2017-10", "Xqzwvbk"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("not in the gazetteer"));
        controlmap().args(["at", "yesterday"]).assert().code(2);
        controlmap().args(["frobnicate"]).assert().code(2);
    }
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("controlmap"))
        .args(["places"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{:?} {}", output.status, String::from_utf8_lossy(&output.stderr));
}

/// A copy of the fixture geodata folder with one file replaced.
fn geodata_with(file: &str, text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    common::copy_fixture_geodata(dir.path());
    std::fs::write(dir.path().join(file), text).unwrap();
    dir
}

#[test]
fn broken_geojson_names_the_file_and_the_feature() {
    let open_ring = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"x","name":"X"},"geometry":{"type":"Polygon","coordinates":[[[36,33],[37,33],[37,34]]]}}]}"#;
    let dir = geodata_with("regions.geojson", open_ring);
    controlmap()
        .arg("--geodata")
        .arg(dir.path())
        .args(["places", "Raqqa"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("regions.geojson: feature 0 (x): ring 0: a line needs at least 4 positions"));
    let bowtie = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"knot","name":"Knot"},"geometry":{"type":"Polygon","coordinates":[[[36,33],[37,34],[37,33],[36,34],[36,33]]]}}]}"#;
    let dir = geodata_with("regions.geojson", bowtie);
    controlmap()
        .arg("--geodata")
        .arg(dir.path())
        .args(["places", "Raqqa"])
        .assert()
        .success()
        .stderr(predicate::str::contains("regions.geojson: region knot: warning: is not a valid polygon"));
    let not_json = geodata_with("countries.geojson", "{ nope");
    controlmap()
        .arg("--geodata")
        .arg(not_json.path())
        .args(["places", "Raqqa"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("countries.geojson:1: invalid JSON"));
    let bad_toml = geodata_with("factions.toml", "[[faction]]\nid = \"x\"\nname = 3\n");
    controlmap()
        .arg("--geodata")
        .arg(bad_toml.path())
        .args(["places", "Raqqa"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("factions.toml:3"));
}

#[test]
fn lint_refuses_a_missing_articles_folder_and_paths_as_sources() {
    controlmap()
        .args(["lint", "--articles", "/nonexistent-folder"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not a folder of articles"));
    let dir = tempfile::tempdir().unwrap();
    let path = ledger(&dir, "l.csv", "2017-10,Raqqa,sdf,holds,,,/etc/hostname#3,\n");
    controlmap()
        .arg("lint")
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("cite an article by its file name, not a path"));
}
