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
