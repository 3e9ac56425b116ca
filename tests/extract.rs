//! Whole-binary tests of `extract` and `eval`: a small article written for the test goes through
//! extract → lint → at; bad input gets clear messages and exit codes; and, when the seed
//! articles are around (`../shared/seeds`), extract + eval on them meet the targets.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn controlmap() -> Command {
    Command::cargo_bin("controlmap").expect("the binary builds")
}

fn fixture_geo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/geo")
}

/// A Dutch article written for this test, with a date marker.
const ARTICLE: &str = " date 2017-10-20 Strijd in het oosten van Syrië
De SDF heeft Raqqa gisteren veroverd op IS. Het Syrische leger controleert inmiddels Deir ez-Zor, meldt het leger.
In juli 2017 werd Mosul door het Iraakse leger heroverd op IS.
Het weer was goed.
";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("a temporary file");
    path
}

fn rows(csv: &str) -> Vec<Vec<String>> {
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    reader.records().map(|r| r.expect("a CSV record").iter().map(str::to_string).collect()).collect()
}

#[test]
fn extract_writes_ledger_rows_that_lint_accepts_and_at_reads() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    write(&articles, "a.txt", ARTICLE.as_bytes());
    let out = dir.path().join("claims.csv");
    controlmap()
        .arg("--geodata")
        .arg(fixture_geo())
        .arg("extract")
        .arg(&articles)
        .arg("--out")
        .arg(&out)
        .assert()
        .success()
        .stderr(predicate::str::contains("1 article(s), 3 claim(s)"));
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        text.starts_with("date,place,holder,event,other,modality,source,note,confidence,evidence,cues\n"),
        "{text}"
    );
    let table = rows(&text);
    let key: Vec<String> =
        table.iter().map(|r| format!("{} {} {} {} {} {}", r[0], r[1], r[2], r[3], r[5], r[6])).collect();
    assert_eq!(
        key,
        [
            "2017-10-19 Raqqa sdf captured fact a.txt#2",
            "2017-10-20 Deir ez-Zor syrian-gov holds claimed a.txt#3",
            "2017-07 Mosul iraqi-gov captured fact a.txt#4",
        ]
    );
    let (start, end) =
        table[0][9].split_once('-').map(|(a, b)| (a.parse::<usize>().unwrap(), b.parse::<usize>().unwrap())).unwrap();
    assert!(ARTICLE[start..end].contains("Raqqa") && ARTICLE[start..end].contains("veroverd"));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2, "no temporary file is left behind");

    controlmap()
        .arg("--geodata")
        .arg(fixture_geo())
        .arg("lint")
        .arg(&out)
        .arg("--articles")
        .arg(&articles)
        .assert()
        .success()
        .stdout(predicate::str::contains("3 claim(s), 0 error(s)"));
    controlmap()
        .arg("--geodata")
        .arg(fixture_geo())
        .arg("--ledger")
        .arg(&out)
        .args(["at", "2017-10-31", "Raqqa"])
        .assert()
        .success()
        .stdout(predicate::str::contains("sdf").and(predicate::str::contains("a.txt#2")));
}

#[test]
fn extract_reads_standard_input_and_uses_the_date_for_undated_articles() {
    let text = "Het Iraakse leger heroverde gisteren Rawa op IS.\n";
    controlmap()
        .arg("--geodata")
        .arg(fixture_geo())
        .args(["extract", "-", "--date", "2017-11-18"])
        .write_stdin(text)
        .assert()
        .success()
        .stdout(predicate::str::contains("2017-11-17,Rawa,iraqi-gov,captured,is,fact,'-#1"))
        .stderr(predicate::str::contains("no date marker; using --date 2017-11-18"));
}

#[test]
fn extract_says_when_a_dateline_dates_an_article() {
    let text = "Bagdad, 18 november 2017\n\nHet Iraakse leger heroverde gisteren Rawa op IS.\n";
    controlmap()
        .arg("--geodata")
        .arg(fixture_geo())
        .args(["extract", "-", "--date", "2017-12"])
        .write_stdin(text)
        .assert()
        .success()
        .stdout(predicate::str::contains("2017-11-17,Rawa,iraqi-gov,captured,is,fact,'-#2"))
        .stderr(predicate::str::contains("no date marker; dated 2017-11-18 by its dateline (sentence 1)"));
}

#[test]
fn an_undated_article_without_date_keeps_only_explicit_dates_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "u.txt",
        "Het Iraakse leger heroverde gisteren Rawa op IS. IS veroverde Mosul in juni 2014.\n".as_bytes(),
    );
    controlmap()
        .arg("--geodata")
        .arg(fixture_geo())
        .arg("extract")
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("2014-06,Mosul,is,captured").and(predicate::str::contains("Rawa").not()))
        .stderr(
            predicate::str::contains("no date marker and no --date").and(predicate::str::contains("left out: u.txt#1")),
        );
}

#[test]
fn english_articles_are_read_with_the_english_lexicon() {
    let text = " date 2017-10-20 Iraqi forces recaptured Rawa from IS on Tuesday.\n";
    controlmap()
        .arg("--geodata")
        .arg(fixture_geo())
        .args(["extract", "-"])
        .write_stdin(text)
        .assert()
        .success()
        .stdout(predicate::str::contains("2017-10-17,Rawa,iraqi-gov,captured,is"));
}

#[test]
fn an_empty_article_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "empty.txt", b"  \n\n ");
    controlmap()
        .arg("--geodata")
        .arg(fixture_geo())
        .arg("extract")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("empty.txt: the article is empty"));
}

#[test]
fn a_binary_file_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "image.txt", &[0x89, b'P', b'N', b'G', 0, 0, 0, 13, 1, 2, 3, 0, 0]);
    controlmap()
        .arg("--geodata")
        .arg(fixture_geo())
        .arg("extract")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("looks like a binary file"));
}

#[test]
fn a_missing_file_is_a_clear_error_and_the_others_are_still_read() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.txt", ARTICLE.as_bytes());
    controlmap()
        .arg("--geodata")
        .arg(fixture_geo())
        .arg("extract")
        .arg(dir.path().join("missing.txt"))
        .arg(&good)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.txt: cannot read: no such file or folder"))
        .stdout(predicate::str::contains("good.txt#2"));
}

#[test]
fn text_that_is_not_utf8_is_decoded_lossily_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "latin1.txt",
        b" date 2017-10-20 Het Iraakse leger heroverde gisteren Rawa op IS, caf\xe9.\n",
    );
    controlmap()
        .arg("--geodata")
        .arg(fixture_geo())
        .arg("extract")
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("2017-10-19,Rawa,iraqi-gov,captured"))
        .stderr(predicate::str::contains("not valid UTF-8; decoded lossily"));
}

#[test]
fn bad_options_are_usage_errors() {
    controlmap()
        .args(["extract", "-", "--date", "gisteren"])
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--date gisteren"));
    controlmap()
        .args(["extract", "-", "--lang", "fr"])
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--lang fr"));
    let dir = tempfile::tempdir().unwrap();
    controlmap()
        .arg("extract")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("holds no .txt articles"));
}

#[test]
fn a_huge_single_line_is_read_in_bounded_pieces() {
    let dir = tempfile::tempdir().unwrap();
    let sentence = "Het weer in de stad was wisselend en de markt bleef open. ";
    let mut text = String::from(" date 2017-10-20 ");
    while text.len() < 3 << 20 {
        text.push_str(sentence);
    }
    text.push_str("Het Iraakse leger heroverde gisteren Rawa op IS.");
    let path = write(dir.path(), "long.txt", text.as_bytes());
    controlmap()
        .arg("--geodata")
        .arg(fixture_geo())
        .arg("extract")
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("2017-10-19,Rawa,iraqi-gov,captured"))
        .stderr(predicate::str::contains("was cut (at a space where it had one)"));
}

const HEADER: &str = "date,place,holder,event,other,modality,source,note\n";

#[test]
fn eval_scores_matches_misses_and_false_alarms() {
    let dir = tempfile::tempdir().unwrap();
    let gold = write(
        dir.path(),
        "gold.csv",
        format!("{HEADER}2017-10,Raqqa,sdf,captured,is,fact,a.txt#2,\n2017-09,Deir ez-Zor,syrian-gov,holds,,fact,a.txt#3,\n2017-07,Mosul,iraqi-gov,captured,,fact,a.txt#4,\n").as_bytes(),
    );
    let pred = write(
        dir.path(),
        "pred.csv",
        format!("{HEADER}2017-10-19,Raqqa,sdf,captured,is,fact,a.txt#1,\n2017-10,Deir Ezzour,syrian-gov,holds,,claimed,a.txt#3,\n2017-10,Mayadin,is,holds,,fact,a.txt#5,\n").as_bytes(),
    );
    controlmap()
        .arg("--geodata")
        .arg(fixture_geo())
        .args(["eval", "--gold"])
        .arg(&gold)
        .arg("--pred")
        .arg(&pred)
        .assert()
        .success()
        .stdout(
            predicate::str::contains("3 gold, 3 predicted, 2 matched")
                .and(predicate::str::contains("precision 0.67  recall 0.67  F1 0.67"))
                .and(predicate::str::contains("month accuracy 0.50  modality accuracy 0.50"))
                .and(predicate::str::contains("2017-07 mosul iraqi-gov captured  a.txt#4"))
                .and(predicate::str::contains("2017-10 mayadin is holds  a.txt#5")),
        );
    let output = controlmap()
        .arg("--geodata")
        .arg(fixture_geo())
        .args(["--json", "eval", "--gold"])
        .arg(&gold)
        .arg("--pred")
        .arg(&pred)
        .output()
        .unwrap();
    assert!(output.status.success());
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value["matched"], 2);
    assert_eq!(value["misses"][0]["place"], "mosul");
}

/// The seed articles, when this checkout sits next to `../shared/seeds`.
fn seeds() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("SKIPPED: ../shared/seeds not found");
        None
    }
}

#[test]
fn extract_meets_the_targets_on_the_seed_articles() {
    let Some(seeds) = seeds() else { return };
    let dir = tempfile::tempdir().unwrap();
    let pred = dir.path().join("pred.csv");
    controlmap().arg("extract").arg(&seeds).args(["--date", "2017-10", "--out"]).arg(&pred).assert().success();
    let gold = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold");
    let output = controlmap().args(["--json", "eval", "--gold"]).arg(&gold).arg("--pred").arg(&pred).output().unwrap();
    assert!(output.status.success());
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let figure = |name: &str| report[name].as_f64().unwrap();
    let summary = format!(
        "P {:.2} R {:.2} F1 {:.2} month {:.2} modality {:.2}",
        figure("precision"),
        figure("recall"),
        figure("f1"),
        figure("month_accuracy"),
        figure("modality_accuracy")
    );
    eprintln!("seeds: {summary}");
    // Measured after merging xwhole and xholds: P 0.98, R 0.78, month 0.88; after branch
    // xseeds2 (fights told with a split verb, a heading town as the town of its passage):
    // P 1.00, R 0.82, month 0.87 (with the seat of a government, "het regime in Damascus");
    // after branch xregions (region phrases, self-ruled regions, demonym capitals, unowned
    // strongholds, all positions destroyed, dates of states since X and of proclamations): P 1.00,
    // R 0.90, month 0.91.
    // The floors sit a little below what was measured.
    assert!(figure("precision") >= 0.98, "{summary}");
    // The gold was re-read in full (tests/gold/README.md: 45 -> 82 rows, with noun-phrase and
    // background holds, sites and country-level claims the extractor does not find yet); recall
    // against it was 0.50 when it landed. Issue 10 aims at 0.9: raise this floor as rules improve.
    assert!(figure("recall") >= 0.88, "{summary}");
    // 0.90 before the holds in relative clauses of appositions: the hold of Baghouz (004) found
    // then shares its sentence's loose retrospective date (between the events around it), as the
    // fight told in the same sentence already did. 0.87 before the background holds of branch
    // xholds: of the 8 claims they added, 3 have a date the gold takes from elsewhere (the
    // caliphate proclaimed in Mosul dated 2014 by the next sentence, 003#13; "sinds 2014" written
    // as the year, 002#3, where the dev gold writes such holds as a range; Sinjar in 004's
    // retrospective span), so the share fell while the months found rose from 41 to 46.
    // 0.88 before branch xseeds2: the Raqqa hold it now finds under the passage heading (003#20)
    // is dated by the article, where the gold takes 2014 from the caliphate of another sentence.
    // Branch xregions: 0.91 (67 of 74) with "since X" dated by its start unless the article told
    // its end (002#3) and undated proclamations dated by the year the article last wrote (003#13,
    // 003#20). The 7 left are 004's retrospective dates, which are not one rule in the gold: the
    // fight at Baghouz told just before the dated offensive (004#37) takes that date, the siege
    // of Mosul told just before its dated offensive (004#26) keeps the span; Sinjar (004#7) and
    // Iraqi Kurdistan (004#9) take the year of the landmark before them, Raqqa's fall (004#33)
    // the span.
    assert!(figure("month_accuracy") >= 0.89, "{summary}");
    controlmap().arg("lint").arg(&pred).arg("--articles").arg(&seeds).assert().success();
}

mod regressions {
    use super::*;

    #[test]
    fn an_impossible_date_marker_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let article = dir.path().join("a.txt");
        std::fs::write(&article, " date 2017-02-30 Raqqa viel in handen van IS.\n").unwrap();
        controlmap()
            .arg("extract")
            .arg(&article)
            .assert()
            .success()
            .stderr(predicate::str::contains("date marker: \"2017-02-30\": day 30 does not exist"));
    }

    #[test]
    fn a_long_line_without_spaces_is_cut_between_characters_and_evidence_still_points_at_the_text() {
        let dir = tempfile::tempdir().unwrap();
        let article = dir.path().join("u.txt");
        let text = format!(" date 2017-10\na{} Raqqa viel in handen van IS.\n", "ä".repeat(700_000));
        std::fs::write(&article, &text).unwrap();
        let output = controlmap().arg("extract").arg(&article).output().unwrap();
        let csv = String::from_utf8(output.stdout).unwrap();
        let row = csv.lines().find(|l| l.contains(",Raqqa,")).expect("the claim after the long run is found");
        let evidence = row.split(',').rev().nth(1).unwrap();
        let (start, end) = evidence.split_once('-').unwrap();
        let (start, end): (usize, usize) = (start.parse().unwrap(), end.parse().unwrap());
        assert!(text[start..end].starts_with("Raqqa"), "{evidence} points at {:?}", &text[start..end]);
        assert!(!String::from_utf8_lossy(&output.stderr).contains("not valid UTF-8"));
    }

    #[test]
    fn eval_with_unreadable_rows_exits_2_and_names_them() {
        let dir = tempfile::tempdir().unwrap();
        let pred = dir.path().join("p.csv");
        std::fs::write(&pred, "date,place,holder,event,source\n2017-13,Raqqa,is,holds,a.txt#1\n").unwrap();
        let gold = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold");
        controlmap()
            .args(["eval", "--gold"])
            .arg(&gold)
            .arg("--pred")
            .arg(&pred)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("p.csv:2: date:"));
    }

    #[test]
    fn a_file_name_that_cannot_be_cited_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let article = dir.path().join("a;b.txt");
        std::fs::write(&article, " date 2017-10 Raqqa viel in handen van IS.\n").unwrap();
        controlmap()
            .arg("extract")
            .arg(&article)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("cannot be cited as a source"));
    }
}
