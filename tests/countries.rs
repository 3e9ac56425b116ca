//! Whole-binary tests of countries as ledger places: `country:CC` and country names in English
//! and Dutch in `places`, `lint`, `at`, `check`, `history`, the map, and the re-read seeds gold.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn controlmap() -> Command {
    Command::cargo_bin("controlmap").expect("the binary builds")
}

/// A small ledger of my own: two towns and three country-level claims (by code, English and Dutch name).
fn ledger(dir: &tempfile::TempDir) -> PathBuf {
    let path = dir.path().join("countries.csv");
    std::fs::write(
        &path,
        "date,place,holder,event,other,modality,source,note\n\
         2014-06,Mosul,is,captured,iraqi-gov,fact,Agency A 11 June 2014,\n\
         2014-08,Irak,is,partial,iraqi-gov,fact,Agency B 20 August 2014,about a third of the country\n\
         2015-05,Syria,is,partial,,fact,Agency C 21 May 2015,\n\
         2017-12,country:iq,is,lost,iraqi-gov,claimed,Agency D 9 December 2017,\n",
    )
    .unwrap();
    path
}

fn places_json(queries: &[&str]) -> Vec<Value> {
    let output = controlmap().arg("places").arg("--json").args(queries).output().unwrap();
    let answers: Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&output.stdout)));
    answers.as_array().unwrap().clone()
}

#[test]
fn places_answers_countries_by_name_in_english_and_dutch_and_by_code() {
    let answers = places_json(&["Iraq", "country:SY", "Irak", "Oekraïne", "country:ZZ"]);
    let fields = |a: &Value| {
        (a["status"].as_str().unwrap().to_string(), a["id"].as_str().unwrap_or("").to_string(), a["kind"].clone())
    };
    assert_eq!(fields(&answers[0]), ("resolved".into(), "country:IQ".into(), Value::from("country")));
    assert_eq!(fields(&answers[1]), ("resolved".into(), "country:SY".into(), Value::from("country")));
    assert_eq!(fields(&answers[2]), ("resolved".into(), "country:IQ".into(), Value::from("country")));
    assert_eq!(fields(&answers[3]), ("resolved".into(), "country:UA".into(), Value::from("country")));
    assert_eq!(answers[0]["name"], "Iraq");
    assert_eq!(answers[4]["status"], "unknown");
}

#[test]
fn iraq_is_the_country_never_a_town_in_iran() {
    controlmap()
        .args(["places", "Iraq"])
        .assert()
        .success()
        .stdout(predicate::str::contains("country:IQ").and(predicate::str::contains("Arāk").not()));
    // The town itself is still found under its own names.
    let arak = places_json(&["Arak, IR"]);
    assert_eq!(arak[0]["status"], "resolved");
    assert_eq!(arak[0]["kind"], "town");
    assert_eq!(arak[0]["country"], "IR");
}

#[test]
fn lint_at_check_and_history_handle_country_claims() {
    let dir = tempfile::tempdir().unwrap();
    let path = ledger(&dir);
    controlmap().arg("lint").arg(&path).assert().success().stdout(predicate::str::contains("4 claim(s), 0 error(s)"));
    controlmap()
        .args(["at", "2015-01", "Iraq", "--ledger"])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("Iraq").and(predicate::str::contains("partial")));
    controlmap().args(["check", "Irak", "--holder", "is", "--on", "2015-01", "--ledger"]).arg(&path).assert().code(0);
    controlmap()
        .args(["check", "country:IQ", "--holder", "is", "--on", "2018-01", "--ledger"])
        .arg(&path)
        .assert()
        .code(1);
    controlmap()
        .args(["history", "country:IQ", "--ledger"])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("Iraq (country:IQ, country)").and(predicate::str::contains("iraqi-gov held")));
}

#[test]
fn a_country_claim_is_drawn_as_the_country_outline() {
    let dir = tempfile::tempdir().unwrap();
    let path = ledger(&dir);
    let out = dir.path().join("out");
    let bbox = "36,30,48,38";
    controlmap()
        .args(["render", "--from", "2014-08", "--to", "2015-06", "--format", "svg", "--no-html", "--bbox", bbox])
        .arg("--ledger")
        .arg(&path)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    // The ledger's only area claims are the countries: one drawn area (Iraq) in August 2014,
    // two (Iraq and Syria) once Syria is claimed in May 2015.
    let areas = |month: &str| {
        let svg = std::fs::read_to_string(out.join(format!("{month}.svg"))).unwrap();
        svg.matches("class=\"region-area is\"").count()
    };
    assert_eq!(areas("2014-08"), 1);
    assert_eq!(areas("2015-06"), 2);
}

#[test]
fn the_country_rows_of_the_re_read_gold_resolve() {
    let gold = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&gold)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "csv"))
        .collect();
    files.sort();
    let with_countries: Vec<&PathBuf> =
        files.iter().filter(|f| std::fs::read_to_string(f).unwrap().contains(",country:")).collect();
    assert!(with_countries.len() >= 3, "the gold writes country-level rows as country:CC");
    for file in with_countries {
        let output = controlmap().arg("lint").arg(file).output().unwrap();
        let text = String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr);
        assert!(!text.contains("not in the gazetteer"), "{}: {text}", file.display());
        assert!(text.contains(" 0 error(s)"), "{}: {text}", file.display());
    }
}
