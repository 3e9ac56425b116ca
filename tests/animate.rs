//! Whole-binary tests of `animate`: a looping GIF with one global palette and merged repeats.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

fn controlmap() -> Command {
    Command::cargo_bin("controlmap").expect("the binary builds")
}

#[test]
fn animates_the_seeds_into_a_small_looping_gif_with_a_global_palette() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("series.gif");
    controlmap()
        .args([
            "animate",
            "--from",
            "2017-08",
            "--to",
            "2017-12",
            "--width",
            "400",
            "--delay",
            "500ms",
            "--hold-last",
            "2s",
            "--out",
        ])
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains("animated 5 months"));
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.len() < 5_000_000);
    let mut options = gif::DecodeOptions::new();
    options.set_color_output(gif::ColorOutput::Indexed);
    let mut decoder = options.read_info(bytes.as_slice()).unwrap();
    assert_eq!((decoder.width(), decoder.height()), (400, 300));
    assert!(decoder.global_palette().is_some(), "one global palette");
    assert_eq!(decoder.repeat(), gif::Repeat::Infinite);
    let mut delays = Vec::new();
    while let Some(frame) = decoder.read_next_frame().unwrap() {
        assert!(frame.palette.is_none(), "no frame has its own palette (no flicker)");
        delays.push(frame.delay);
    }
    assert_eq!(delays.len(), 5);
    assert_eq!(delays[0], 50);
    assert_eq!(*delays.last().unwrap(), 250, "the last month is held 2 s longer");
}

#[test]
fn bad_animation_options_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("a.gif");
    for args in [["--delay", "fast"], ["--hold-last", "-1s"], ["--width", "50"]] {
        controlmap().arg("animate").args(args).arg("--out").arg(&out).assert().code(2);
    }
    assert!(!Path::new(&out).exists(), "nothing is written on bad input");
}

/// A stretch of months in which nothing changes on the map becomes one GIF frame, shown for
/// all of them and titled with the first and the last; a change starts a new frame.
#[test]
fn months_that_look_the_same_merge_into_one_frame() {
    let dir = tempfile::tempdir().unwrap();
    let ledger = dir.path().join("quiet.csv");
    // Written for this test: Raqqa and Mosul held from December 2016, Raqqa taken in April 2017.
    std::fs::write(
        &ledger,
        "date,place,holder,event,other,modality,source,note\n\
         2016-12-10,Raqqa,is,holds,,fact,quiet.txt#1,\n\
         2016-12-12,Mosul,is,holds,,fact,quiet.txt#2,\n\
         2017-04-15,Raqqa,sdf,captured,is,fact,quiet.txt#3,\n",
    )
    .unwrap();
    let out = dir.path().join("quiet.gif");
    controlmap()
        .arg("--ledger")
        .arg(&ledger)
        .args(["animate", "--from", "2017-01", "--to", "2017-05", "--width", "400", "--delay", "500ms"])
        .args(["--hold-last", "2s", "--out"])
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains("animated 5 months (3 frames after merging repeats"));
    let bytes = std::fs::read(&out).unwrap();
    let mut decoder = gif::DecodeOptions::new().read_info(bytes.as_slice()).unwrap();
    let mut delays = Vec::new();
    while let Some(frame) = decoder.read_next_frame().unwrap() {
        delays.push(frame.delay);
    }
    // January to March (no change), April (Raqqa changes hands), May (no change since April).
    assert_eq!(delays, [150, 50, 250]);
}
