//! Whole-binary tests of reading ledgers at scale: what is refused at once (not a regular file,
//! over the size limit, a line over 1 MB, on a path or on standard input), and `lint`'s summary
//! of many warnings.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use predicates::prelude::*;

const HEADER: &str = "date,place,holder,event,other,modality,source,note\n";

fn controlmap() -> Command {
    let mut command = Command::cargo_bin("controlmap").expect("the binary builds");
    command.timeout(Duration::from_secs(60));
    command
}

fn ledger(dir: &tempfile::TempDir, name: &str, body: &str) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, format!("{HEADER}{body}")).unwrap();
    path
}

/// A ledger just over `mb` megabytes of good rows.
fn rows_over(mb: usize) -> String {
    let row = "2017-10,Raqqa,sdf,holds,,,a.txt#1,\n";
    let mut body = String::new();
    while body.len() <= mb << 20 {
        body.push_str(row);
    }
    body
}

#[test]
fn a_device_is_refused_at_once() {
    if !std::path::Path::new("/dev/zero").exists() {
        eprintln!("SKIPPED a_device_is_refused_at_once: no /dev/zero");
        return;
    }
    let started = Instant::now();
    controlmap()
        .args(["--ledger", "/dev/zero", "at", "2017-10"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/dev/zero: is not a regular file"));
    assert!(started.elapsed() < Duration::from_secs(10), "refused without reading");
}

#[test]
fn a_named_pipe_is_refused_without_waiting_for_a_writer() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("ledger.fifo");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("SKIPPED a_named_pipe_is_refused: mkfifo is not available");
        return;
    }
    controlmap()
        .arg("--ledger")
        .arg(&fifo)
        .args(["at", "2017-10"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not a regular file"));
}

#[test]
fn a_ledger_over_the_limit_is_refused_and_the_option_raises_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = ledger(&dir, "big.csv", &rows_over(1));
    controlmap()
        .args(["--max-ledger-mb", "1", "--ledger"])
        .arg(&path)
        .args(["at", "2017-10", "Raqqa"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is 2 MB; the limit is 1 MB; --max-ledger-mb raises it"));
    controlmap()
        .args(["--max-ledger-mb", "3", "--ledger"])
        .arg(&path)
        .args(["at", "2017-10", "Raqqa"])
        .assert()
        .success()
        .stdout(predicate::str::contains("sdf"));
}

#[test]
fn standard_input_has_the_same_limits() {
    controlmap()
        .args(["--max-ledger-mb", "1", "--ledger", "-", "at", "2017-10", "Raqqa"])
        .write_stdin(format!("{HEADER}{}", rows_over(1)))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("<stdin>: is larger than the limit of 1 MB; --max-ledger-mb raises it"));
    controlmap()
        .args(["--ledger", "-", "at", "2017-10", "Raqqa"])
        .write_stdin(format!("{HEADER}2017-10,Raqqa,sdf,holds,,,a.txt#1,\n"))
        .assert()
        .success()
        .stdout(predicate::str::contains("sdf"));
    let long = format!("{HEADER}2017-10,Raqqa,sdf,holds,,,a.txt#1,{}\n", "x".repeat(1 << 20));
    controlmap()
        .args(["--ledger", "-", "at", "2017-10"])
        .write_stdin(long)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("<stdin>:2: the line is longer than 1048576 bytes"));
}

#[test]
fn a_line_over_a_megabyte_is_an_error_naming_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let body =
        format!("2017-10,Raqqa,sdf,holds,,,a.txt#1,\n2017-10,Raqqa,sdf,holds,,,a.txt#2,{}\n", "y".repeat(2 << 20));
    let path = ledger(&dir, "long.csv", &body);
    controlmap()
        .arg("--ledger")
        .arg(&path)
        .args(["at", "2017-10"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!("{}:3: the line is longer than 1048576 bytes", path.display())));
}

#[test]
fn lint_summarises_many_warnings_by_kind_and_all_lists_them() {
    let dir = tempfile::tempdir().unwrap();
    // 30 duplicate rows and 30 claims without a source: 60 warnings.
    let mut body = String::new();
    for n in 1..=30 {
        body.push_str(&format!("2017-{:02},Raqqa,sdf,holds,,,a.txt#{n},\n", 1 + n % 12));
        body.push_str(&format!("2017-{:02},Raqqa,sdf,holds,,,a.txt#{n},\n", 1 + n % 12));
        body.push_str(&format!("2016-{:02}-{:02},Mosul,is,holds,,,,\n", 1 + n % 12, n % 28 + 1));
    }
    let path = ledger(&dir, "many.csv", &body);
    let summary = controlmap().arg("lint").arg(&path).assert().success();
    let text = String::from_utf8(summary.get_output().stdout.clone()).unwrap();
    assert!(text.contains("60 warning(s) by kind (the first of each; --all prints every one):"), "{text}");
    assert!(text.contains("  duplicate row: 30\n"), "{text}");
    assert!(text.contains("  no source: 30\n"), "{text}");
    let file = path.display().to_string();
    assert!(text.contains(&format!("    {file}:3: warning: duplicate row (same as {file}:2)")), "{text}");
    assert_eq!(text.matches("warning: duplicate row").count(), 5, "a sample of five: {text}");
    let all = controlmap().args(["lint", "--all"]).arg(&path).assert().success();
    let text = String::from_utf8(all.get_output().stdout.clone()).unwrap();
    assert_eq!(text.matches("warning: duplicate row").count(), 30);
    assert_eq!(text.matches("warning: the claim cites no source").count(), 30);
}
