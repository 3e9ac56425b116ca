//! Whole-binary tests of `extract` over JSON Lines archives: sources cite `ID#SENTENCE`, an
//! article reads the same from an archive as from a text file, output is deterministic, and
//! bad lines (not JSON, missing or mistyped fields, a line over the limit) never panic and are
//! named by line and field. The articles are written for these tests.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn controlmap() -> Command {
    let mut command = Command::cargo_bin("controlmap").expect("the binary builds");
    command.arg("--geodata").arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/geo"));
    command
}

/// A Dutch article (title line, two paragraphs), without its date.
const DUTCH: &str = "Nieuws uit het oosten\nNa weken van zware gevechten hebben de SDF gisteren Raqqa ingenomen. Een commandant sprak van een keerpunt.\nHet Iraakse leger heroverde in juli 2017 Mosul op IS, zo herinnerde een woordvoerder.\nEr viel veel regen in de vallei.\n";

/// An English article, without its date.
const ENGLISH: &str = "Iraqi forces captured Mosul last week after heavy fighting. Shops reopened on Monday.";

fn record(id: &str, date: &str, lang: &str, text: &str) -> String {
    serde_json::json!({ "id": id, "date": date, "lang": lang, "text": text, "url": "https://example.org/x" })
        .to_string()
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("a temporary file");
    path
}

fn stdout_of(command: &mut Command) -> String {
    let output = command.output().expect("the binary runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

fn rows(csv: &str) -> Vec<Vec<String>> {
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    reader.records().map(|r| r.expect("a CSV record").iter().map(str::to_string).collect()).collect()
}

fn two_articles() -> String {
    format!("{}\n{}\n", record("nos-17-001", "2017-10-21", "nl", DUTCH), record("en/42", "2017-07", "en", ENGLISH))
}

#[test]
fn archive_articles_give_claims_cited_as_id_and_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let archive = write(dir.path(), "news.jsonl", &two_articles());
    let text = stdout_of(controlmap().arg("extract").arg(&archive));
    let table = rows(&text);
    let got: Vec<String> = table.iter().map(|r| format!("{} {} {} {} {}", r[0], r[1], r[2], r[3], r[6])).collect();
    assert_eq!(
        got,
        [
            "2017-10-20 Raqqa sdf captured nos-17-001#2",
            "2017-07 Mosul iraqi-gov captured nos-17-001#4",
            "2017-07 Mosul iraqi-gov captured en/42#1"
        ]
    );
}

#[test]
fn an_article_reads_the_same_from_an_archive_and_from_a_text_file() {
    let dir = tempfile::tempdir().unwrap();
    let archive = write(dir.path(), "one.jsonl", &format!("{}\n", record("one.txt", "2017-10-21", "nl", DUTCH)));
    let from_archive = stdout_of(controlmap().arg("extract").arg(&archive));
    // The same text as a file, dated by --date: the same bytes.
    let txt = write(dir.path(), "one.txt", DUTCH);
    let from_text = stdout_of(controlmap().arg("extract").arg(&txt).args(["--lang", "nl", "--date", "2017-10-21"]));
    assert_eq!(rows(&from_text).len(), 2, "{from_text}");
    // The record's date is the article's own; a run-wide --date flags the rows it dates.
    let flag = "; undated article (dated by --date)";
    assert!(from_text.contains(flag), "{from_text}");
    assert!(!from_archive.contains("undated article"), "{from_archive}");
    assert_eq!(from_text.replace(flag, ""), from_archive);
    // Dated by a marker instead: the same rows, with evidence offsets counted after the marker.
    let marker = " date 2017-10-21 ";
    let marked = write(dir.path(), "one.txt", &format!("{marker}{DUTCH}"));
    let from_marked = stdout_of(controlmap().arg("extract").arg(&marked).args(["--lang", "nl"]));
    let shifted = |csv: &str, by: usize| -> Vec<Vec<String>> {
        rows(csv)
            .into_iter()
            .map(|mut r| {
                let (a, b) = r[9].split_once('-').expect("evidence START-END");
                r[9] = format!("{}-{}", a.parse::<usize>().unwrap() - by, b.parse::<usize>().unwrap() - by);
                r
            })
            .collect()
    };
    assert_eq!(shifted(&from_marked, marker.len()), rows(&from_archive));
}

#[test]
fn standard_input_is_an_archive_with_input_format_jsonl_and_rows_can_be_json_lines() {
    let text = stdout_of(
        controlmap().args(["extract", "-", "--input-format", "jsonl", "--format", "jsonl"]).write_stdin(two_articles()),
    );
    let lines: Vec<serde_json::Value> =
        text.lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert_eq!(lines[0]["source"], "nos-17-001#2");
    assert_eq!(lines[0]["place"], "Raqqa");
    assert_eq!(lines[0]["confidence"].as_f64(), Some(0.9));
    assert_eq!(lines[2]["source"], "en/42#1");
    assert!(lines[2]["cues"].is_array());
    // A .txt name read as text: the JSON is one article of prose, not an archive.
    let as_text = stdout_of(controlmap().args(["extract", "-", "--date", "2017-10"]).write_stdin(two_articles()));
    assert!(!as_text.contains("nos-17-001#"), "{as_text}");
}

#[test]
fn the_output_is_the_same_bytes_every_run() {
    let dir = tempfile::tempdir().unwrap();
    let archive = write(dir.path(), "news.jsonl", &two_articles().repeat(3));
    let first = stdout_of(controlmap().arg("extract").arg(&archive).args(["--format", "jsonl"]));
    let second = stdout_of(controlmap().arg("extract").arg(&archive).args(["--format", "jsonl"]));
    assert_eq!(first.lines().count(), 9);
    assert_eq!(first, second);
}

/// Bad lines, each with the line and field the warning must name.
fn bad_archive() -> (String, Vec<String>) {
    let huge = record("huge", "2017-10-21", "nl", &"Raqqa viel. ".repeat(100_000));
    let lines = [
        (record("good-1", "2017-10-21", "nl", DUTCH), None),
        ("{\"id\": \"x\", \"text\": ".to_string(), Some("3: warning: not valid JSON")),
        ("{\"id\": \"x\"}".to_string(), Some("4: text: warning: missing")),
        ("{\"id\": \"x\", \"text\": [\"a\"]}".to_string(), Some("5: text: warning: expected a string, got an array")),
        ("{\"id\": {}, \"text\": \"Iets.\"}".to_string(), Some("6: id: warning: expected a string or a whole number")),
        (record("x", "gisteren", "nl", DUTCH), Some("7: date: warning:")),
        (record("x", "2017-10", "de", DUTCH), Some("8: lang: warning: no lexicon for \"de\"")),
        (huge, Some("9: warning: the line is longer than 1048576 bytes")),
        ("\"just a string\"".to_string(), Some("10: warning: not a JSON object")),
        (record("x", "2017-10", "nl", "\u{0}\u{1}\u{2}\u{3}"), Some("11: text: warning:")),
        (record("good-2", "2017-07", "en", ENGLISH), None),
    ];
    let mut text = String::from("\n"); // line 1 is blank: skipped, but counted
    let mut expected = Vec::new();
    for (line, words) in lines {
        text.push_str(&line);
        text.push('\n');
        expected.extend(words.map(|w| format!("bad.jsonl:{w}")));
    }
    (text, expected)
}

#[test]
fn bad_lines_are_skipped_with_a_warning_naming_the_line_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let (text, expected) = bad_archive();
    let archive = write(dir.path(), "bad.jsonl", &text);
    let output = controlmap().arg("extract").arg(&archive).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    for words in &expected {
        assert!(stderr.contains(words.as_str()), "missing {words:?} in:\n{stderr}");
    }
    assert!(stderr.contains("2 article(s), 3 claim(s), 9 bad archive line(s) skipped"), "{stderr}");
    let sources: Vec<String> = rows(&String::from_utf8_lossy(&output.stdout)).iter().map(|r| r[6].clone()).collect();
    assert_eq!(sources, ["good-1#2", "good-1#4", "good-2#1"]);
}

#[test]
fn strict_stops_at_the_first_bad_line_and_writes_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let (text, _) = bad_archive();
    let archive = write(dir.path(), "bad.jsonl", &text);
    let out = dir.path().join("claims.csv");
    controlmap()
        .arg("extract")
        .arg(&archive)
        .arg("--strict")
        .arg("--out")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.jsonl:3: not valid JSON").and(predicate::str::contains("error: ")))
        .stderr(predicate::str::contains("bad.jsonl:4").not());
    assert!(!out.exists());
}

#[test]
fn bad_option_values_are_usage_errors() {
    for args in [["--format", "xml"], ["--input-format", "csv"]] {
        controlmap()
            .args(["extract", "-"])
            .args(args)
            .write_stdin("")
            .assert()
            .failure()
            .stderr(predicate::str::contains(args[0]));
    }
}

/// The generated news-like archive (built-in geodata): most sentences state no claim, but some
/// do, and every claim cites an article of the archive by its id.
#[test]
fn the_generated_archive_has_a_news_like_claim_density() {
    let articles: Vec<_> = controlmap::extract::bench::news::archive(5).take(80).collect();
    let input: String = articles.iter().map(|a| a.to_json_line() + "\n").collect();
    let output = Command::cargo_bin("controlmap")
        .unwrap()
        .args(["extract", "-", "--input-format", "jsonl", "--format", "jsonl"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let claims: Vec<serde_json::Value> =
        String::from_utf8(output.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let ids: std::collections::HashSet<&str> = articles.iter().map(|a| a.id.as_str()).collect();
    for claim in &claims {
        let source = claim["source"].as_str().unwrap();
        let (id, sentence) = source.split_once('#').expect("ID#N");
        assert!(ids.contains(id) && sentence.parse::<u32>().is_ok(), "{source}");
    }
    let sentences: usize = articles.iter().map(|a| a.text.matches(['.', '?', '!']).count()).sum();
    let per_hundred = claims.len() as f64 * 100.0 / sentences as f64;
    assert!((1.0..15.0).contains(&per_hundred), "{} claims in {sentences} sentences", claims.len());
}
