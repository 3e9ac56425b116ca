//! Whole-binary tests of the hardening of issue 13: writes through planted symlinks, control
//! characters from data on the terminal, spreadsheet formulas in CSV output, duplicate faction
//! ids, and `extract` failing without leaving a file.

mod common;

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

fn controlmap() -> Command {
    Command::cargo_bin("controlmap").expect("the binary builds")
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

#[test]
fn extract_that_exits_2_leaves_no_output_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), " date 2017-10 Raqqa viel in handen van IS.\n").unwrap();
    std::fs::write(dir.path().join("b.txt"), b"\x00\x01\x02 binary \x00").unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    controlmap()
        .arg("extract")
        .arg(dir.path().join("a.txt"))
        .arg(dir.path().join("b.txt"))
        .arg("--out")
        .arg(out.join("claims.csv"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("1 input(s) could not be read"));
    assert_eq!(names_in(&out), Vec::<String>::new());
}

#[test]
fn a_duplicate_faction_id_is_named_with_its_lines() {
    let geo = tempfile::tempdir().unwrap();
    common::copy_fixture_geodata(geo.path());
    let factions = std::fs::read_to_string(geo.path().join("factions.toml")).unwrap();
    let first_id = factions.lines().find(|l| l.starts_with("id = ")).unwrap().to_string();
    std::fs::write(
        geo.path().join("factions.toml"),
        format!("{factions}\n[[faction]]\n{first_id}\nname = \"Again\"\nname_nl = \"Weer\"\ncolor = \"#123456\"\n"),
    )
    .unwrap();
    let id = first_id.trim_start_matches("id = ");
    controlmap()
        .arg("--geodata")
        .arg(geo.path())
        .args(["at", "2017-10"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!("id: faction id {id} is defined twice (lines ")));
}

#[cfg(unix)]
#[test]
fn export_replaces_planted_symlinks_with_regular_files() {
    let (outside, out) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let planted = ["timeline.csv", "2017-10.geojson"];
    for name in planted {
        std::fs::write(outside.path().join(name), "precious").unwrap();
        std::os::unix::fs::symlink(outside.path().join(name), out.path().join(name)).unwrap();
    }
    controlmap().args(["export", "--from", "2017-09", "--to", "2017-11", "--out"]).arg(out.path()).assert().success();
    for name in planted {
        assert_eq!(std::fs::read_to_string(outside.path().join(name)).unwrap(), "precious");
        let meta = std::fs::symlink_metadata(out.path().join(name)).unwrap();
        assert!(meta.file_type().is_file(), "{name} is a regular file");
    }
    assert!(names_in(out.path()).iter().all(|n| !n.starts_with('.')), "{:?}", names_in(out.path()));
}

/// A geodata folder whose Raqqa is called `Raq<ESC>[2Jqa<BEL>`, and a ledger citing it with an
/// ESC in its source and a BEL in its note.
fn hostile_terminal_data() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    common::copy_fixture_geodata(dir.path());
    let places = std::fs::read_to_string(dir.path().join("places.csv")).unwrap();
    std::fs::write(dir.path().join("places.csv"), places.replace(",Raqqa,", ",Raq\u{1b}[2Jqa\u{7},")).unwrap();
    let ledger = dir.path().join("claims.csv");
    std::fs::write(
        &ledger,
        "date,place,holder,event,other,source,note\n\
         2017-10,raqqa,sdf,captured,is,a\u{1b}[31m.txt#1,rang \u{7} twice\n\
         2017-11,Raq\u{1b}[2Jqa\u{7}x,sdf,holds,,a.txt#2,\n",
    )
    .unwrap();
    (dir, ledger)
}

fn assert_no_raw_controls(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    assert!(!text.contains(['\u{1b}', '\u{7}']), "{what} prints a raw control character: {text:?}");
}

#[test]
fn control_characters_from_data_are_escaped_on_the_terminal() {
    let (geo, ledger) = hostile_terminal_data();
    let runs: [&[&str]; 7] = [
        &["at", "2017-10"],
        &["history", "raqqa"],
        &["places", "raqqa"],
        &["check", "sdf", "raqqa", "2017-10"],
        &["lint"],
        &["--json", "at", "2017-10"],
        &["regions", "raqqa"],
    ];
    let mut escaped = 0;
    for args in runs {
        let output =
            controlmap().arg("--geodata").arg(geo.path()).arg("--ledger").arg(&ledger).args(args).output().unwrap();
        assert_no_raw_controls(&format!("{args:?} (stdout)"), &output.stdout);
        assert_no_raw_controls(&format!("{args:?} (stderr)"), &output.stderr);
        let all = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
        escaped += usize::from(all.contains("\\u{1b}") || all.contains("\\u001b"));
    }
    assert!(escaped >= 5, "the escaped names are shown, not dropped ({escaped} of 7 commands)");
}

#[test]
fn lint_warns_about_control_characters_in_names_sources_and_notes() {
    let (geo, ledger) = hostile_terminal_data();
    let output = controlmap().arg("--geodata").arg(geo.path()).arg("lint").arg(&ledger).output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_no_raw_controls("lint", &output.stdout);
    for expected in [
        "claims.csv:2: source: warning: \"a\\u{1b}[31m.txt#1\" holds a control character",
        "claims.csv:2: note: warning: \"rang \\u{7} twice\" holds a control character",
        "claims.csv:3: place: warning: \"Raq\\u{1b}[2Jqa\\u{7}x\" holds a control character",
        "places.csv: name: warning: \"Raq\\u{1b}[2Jqa\\u{7}\" (place \"raqqa\") holds a control character",
    ] {
        assert!(stdout.contains(expected), "missing {expected:?} in:\n{stdout}");
    }
}

#[test]
fn sentences_and_extract_escape_control_characters_from_articles() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(&article, " date 2017-10 Raqqa viel in handen van IS.\u{1b}[2J Het leger\u{7} rukte op.\n").unwrap();
    let output = controlmap().arg("sentences").arg(&article).output().unwrap();
    assert!(output.status.success());
    assert_no_raw_controls("sentences", &output.stdout);
    assert!(String::from_utf8_lossy(&output.stdout).contains("\\u{1b}[2J"));
    let bad = dir.path().join("b\u{1b}]0;title\u{7}.txt");
    std::fs::write(&bad, b"\x00\x01 binary").unwrap();
    let output = controlmap().arg("extract").arg(&bad).output().unwrap();
    assert_no_raw_controls("extract (stderr)", &output.stderr);
    assert!(String::from_utf8_lossy(&output.stderr).contains("b\\u{1b}]0;title\\u{7}.txt"));
}

#[test]
fn formula_cells_are_neutralised_in_extract_output_and_read_back_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("draft.csv");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/geo");
    controlmap()
        .arg("--geodata")
        .arg(&fixture)
        .args(["extract", "-", "--date", "2017-11-18", "--out"])
        .arg(&draft)
        .write_stdin("Het Iraakse leger heroverde gisteren Rawa op IS.\n")
        .assert()
        .success();
    let text = std::fs::read_to_string(&draft).unwrap();
    assert!(text.contains(",fact,'-#1,"), "the stdin source -#1 is guarded: {text}");
    let output = controlmap()
        .arg("--geodata")
        .arg(&fixture)
        .arg("--ledger")
        .arg(&draft)
        .args(["--json", "at", "2017-11-30", "Rawa"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("\"-#1\""), "the ledger reader takes the guard off: {stdout}");
}

#[test]
fn formula_cells_are_neutralised_in_the_timeline_csv() {
    let dir = tempfile::tempdir().unwrap();
    let ledger = dir.path().join("claims.csv");
    std::fs::write(&ledger, "date,place,holder,event,other,source,note\n2017-10,Raqqa,sdf,captured,is,@evil.txt#1,\n")
        .unwrap();
    let out = dir.path().join("out");
    controlmap()
        .arg("--ledger")
        .arg(&ledger)
        .args(["export", "--format", "csv", "--from", "2017-10", "--to", "2017-10", "--out"])
        .arg(&out)
        .assert()
        .success();
    let csv = std::fs::read_to_string(out.join("timeline.csv")).unwrap();
    let row = csv.lines().find(|l| l.contains(",raqqa,")).expect("a row for Raqqa");
    assert!(row.contains(",'@evil.txt#1,"), "{row}");
    assert!(csv.lines().skip(1).all(|l| l.split(',').all(|cell| !cell.starts_with(['=', '+', '@']))), "{csv}");
}
