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
