//! Whole-binary tests of `render`: the series, determinism, SVG validity and escaping, the
//! golden frame, and every bad-input case.
//!
//! The golden frame is `tests/golden/2017-10.svg` and `.png`, rendered from the built-in geodata
//! and `tests/fixtures/golden.csv` at 800x600. Regenerate them on purpose with
//! `UPDATE_GOLDEN=1 cargo test --test render golden` (CI never sets it) and look at the PNG.

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn controlmap() -> Command {
    Command::cargo_bin("controlmap").expect("the binary builds")
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn golden_ledger() -> PathBuf {
    root().join("tests/fixtures/golden.csv")
}

fn render(out: &Path, extra: &[&str]) -> assert_cmd::assert::Assert {
    controlmap().arg("--ledger").arg(golden_ledger()).arg("render").arg("--out").arg(out).args(extra).assert()
}

fn png_size(bytes: &[u8]) -> (u32, u32) {
    let (w, h, _) = controlmap::render::raster::decode_png(bytes).unwrap();
    (w, h)
}

#[test]
fn the_seeds_series_renders_every_month_with_stable_names() {
    let out = tempfile::tempdir().unwrap();
    controlmap()
        .arg("render")
        .arg("--out")
        .arg(out.path())
        .args(["--format", "svg", "--size", "800x600"])
        .assert()
        .success()
        .stdout(predicate::str::contains("from 2014-06 to 2019-03"));
    let mut names: Vec<String> =
        std::fs::read_dir(out.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert_eq!(names.pop().as_deref(), Some("index.html"), "the viewer page is written beside the frames");
    assert_eq!(names.len(), 58, "{names:?}");
    assert_eq!(names.first().unwrap(), "2014-06.svg");
    assert_eq!(names.last().unwrap(), "2019-03.svg");
    assert!(names.iter().all(|n| !n.starts_with('.')), "no temporary files are left: {names:?}");
}

#[test]
fn png_frames_share_one_size() {
    let out = tempfile::tempdir().unwrap();
    render(out.path(), &["--from", "2017-09", "--to", "2017-11", "--size", "640x480", "--format", "png"]).success();
    for month in ["2017-09", "2017-10", "2017-11"] {
        let bytes = std::fs::read(out.path().join(format!("{month}.png"))).unwrap();
        assert_eq!(png_size(&bytes), (640, 480), "{month}");
    }
}

#[test]
fn output_is_byte_identical_across_runs() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    for dir in [&a, &b] {
        render(dir.path(), &["--from", "2017-10", "--to", "2017-10", "--size", "800x600"]).success();
    }
    for file in ["2017-10.svg", "2017-10.png"] {
        let first = std::fs::read(a.path().join(file)).unwrap();
        let second = std::fs::read(b.path().join(file)).unwrap();
        assert!(first == second, "{file} differs between runs");
    }
}

#[test]
fn svg_is_valid_xml_with_named_groups() {
    let out = tempfile::tempdir().unwrap();
    render(out.path(), &["--from", "2017-10", "--to", "2017-10", "--format", "svg", "--lang", "nl"]).success();
    let svg = std::fs::read_to_string(out.path().join("2017-10.svg")).unwrap();
    let doc = roxmltree::Document::parse(&svg).expect("valid XML");
    let ids: Vec<&str> = doc.descendants().filter(|n| n.has_tag_name("g")).filter_map(|n| n.attribute("id")).collect();
    for id in ["basemap", "areas", "places", "labels", "legend", "frame"] {
        assert!(ids.contains(&id), "group {id} is missing: {ids:?}");
    }
    assert!(svg.contains("oktober 2017"), "the Dutch title");
    assert!(
        svg.contains("Boundaries: Natural Earth, internationally recognised borders · Places: GeoNames (CC BY 4.0)")
    );
    assert!(!svg.contains("NaN") && !svg.contains("inf"), "no broken numbers");
}

#[test]
fn a_box_far_from_the_regional_data_is_drawn_from_the_world_layers() {
    let out = tempfile::tempdir().unwrap();
    let args = ["--from", "2017-10", "--to", "2017-10", "--format", "svg", "--bbox", "-80,5,-62,15"];
    render(out.path(), &args).success();
    let svg = std::fs::read_to_string(out.path().join("2017-10.svg")).unwrap();
    assert!(
        svg.to_uppercase().contains("VENEZUELA") && svg.to_uppercase().contains("COLOMBIA"),
        "the Caribbean's countries"
    );
    assert!(!svg.contains("SYRIA"), "not the regional layer's");
}

/// A geodata folder whose names try to inject markup.
fn hostile_geodata() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let fixture = root().join("tests/fixtures/geo");
    common::copy_fixture_geodata(dir.path());
    let factions = std::fs::read_to_string(fixture.join("factions.toml")).unwrap();
    std::fs::write(
        dir.path().join("factions.toml"),
        factions.replace("name = \"Islamic State\"", "name = \"<script>alert(1)</script>\""),
    )
    .unwrap();
    let places = std::fs::read_to_string(fixture.join("places.csv")).unwrap();
    std::fs::write(dir.path().join("places.csv"), places.replace(",Raqqa,", ",<b>Raqqa</b> & Co,")).unwrap();
    dir
}

#[test]
fn names_are_escaped_in_svg() {
    let geodata = hostile_geodata();
    let ledger = geodata.path().join("l.csv");
    std::fs::write(&ledger, "date,place,holder,event,source\n2017-10,raqqa,is,holds,a.txt#1\n").unwrap();
    let out = tempfile::tempdir().unwrap();
    controlmap()
        .arg("--geodata")
        .arg(geodata.path())
        .arg("--ledger")
        .arg(&ledger)
        .args(["render", "--format", "svg,png", "--size", "800x600", "--out"])
        .arg(out.path())
        .assert()
        .success();
    let svg = std::fs::read_to_string(out.path().join("2017-10.svg")).unwrap();
    let doc = roxmltree::Document::parse(&svg).expect("valid XML");
    assert!(doc.descendants().all(|n| !n.has_tag_name("script") && !n.has_tag_name("b")), "no injected elements");
    assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the faction name appears as text");
    assert!(svg.contains("&lt;b&gt;Raqqa&lt;/b&gt; &amp; Co"), "the place name appears as text");
}

#[test]
fn golden_frame_matches_the_reference() {
    let out = tempfile::tempdir().unwrap();
    render(out.path(), &["--from", "2017-10", "--to", "2017-10", "--size", "800x600"]).success();
    let svg = std::fs::read_to_string(out.path().join("2017-10.svg")).unwrap();
    let png = std::fs::read(out.path().join("2017-10.png")).unwrap();
    let (golden_svg, golden_png) = (root().join("tests/golden/2017-10.svg"), root().join("tests/golden/2017-10.png"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden_svg, &svg).unwrap();
        std::fs::write(&golden_png, &png).unwrap();
        eprintln!("golden frame updated: look at {}", golden_png.display());
        return;
    }
    let expected_svg =
        std::fs::read_to_string(&golden_svg).expect("tests/golden/2017-10.svg exists (UPDATE_GOLDEN=1 creates it)");
    assert!(
        svg == expected_svg,
        "the SVG differs from tests/golden/2017-10.svg; if the change is intended, regenerate with UPDATE_GOLDEN=1 and review the picture"
    );
    let (w, h, actual) = controlmap::render::raster::decode_png(&png).unwrap();
    let (gw, gh, expected) = controlmap::render::raster::decode_png(&std::fs::read(&golden_png).unwrap()).unwrap();
    assert_eq!((w, h), (gw, gh));
    let differing = actual
        .chunks_exact(4)
        .zip(expected.chunks_exact(4))
        .filter(|(a, b)| a.iter().zip(b.iter()).any(|(x, y)| x.abs_diff(*y) > 2))
        .count();
    assert!(differing * 1000 <= (w * h) as usize, "{differing} pixels differ from tests/golden/2017-10.png");
}

mod bad_input {
    use super::*;

    fn refused(extra: &[&str], message: &str) {
        let out = tempfile::tempdir().unwrap();
        render(out.path(), extra).code(2).stderr(predicate::str::contains(message));
        let left: Vec<_> = std::fs::read_dir(out.path()).unwrap().collect();
        assert!(left.is_empty(), "nothing is written on bad input");
    }

    #[test]
    fn unknown_palette() {
        refused(&["--palette", "neon"], "invalid value 'neon'");
    }

    #[test]
    fn impossible_sizes() {
        refused(&["--size", "0x0"], "0x0 is out of range");
        refused(&["--size", "100000x100000"], "100000x100000 is out of range");
        refused(&["--size", "big"], "is not a size");
    }

    #[test]
    fn from_after_to() {
        refused(&["--from", "2018-01", "--to", "2017-01"], "2018-01 is after --to 2017-01");
        refused(&["--from", "2017-13"], "month 13 does not exist");
    }

    #[test]
    fn a_malformed_box() {
        refused(&["--bbox", "40,30,35"], "is not a box");
    }

    #[test]
    fn an_output_folder_that_cannot_be_written() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a-file");
        std::fs::write(&file, "x").unwrap();
        render(&file.join("out"), &[]).code(2).stderr(predicate::str::contains("cannot create the output folder"));
    }
}

mod regressions {
    use super::*;

    #[test]
    fn render_into_a_closed_pipe_is_not_an_error() {
        let out = tempfile::tempdir().unwrap();
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("controlmap"))
            .args(["render", "--from", "2017-10", "--to", "2017-10", "--format", "svg", "--no-html", "--out"])
            .arg(out.path())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let output = child.wait_with_output().unwrap();
        assert!(output.status.success(), "{:?} {}", output.status, String::from_utf8_lossy(&output.stderr));
    }

    #[test]
    fn ctrl_c_leaves_no_partial_file_and_exits_130() {
        let out = tempfile::tempdir().unwrap();
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("controlmap"))
            .args(["render", "--size", "3000x2250", "--no-html", "--out"])
            .arg(out.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        while std::fs::read_dir(out.path())
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
            .count()
            < 2
        {
            if std::time::Instant::now() > deadline {
                let _ = child.kill();
                let _ = child.wait();
                panic!("no frame was written within a minute");
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let killed = std::process::Command::new("kill").args(["-INT", &child.id().to_string()]).status();
        if !killed.is_ok_and(|s| s.success()) {
            eprintln!("SKIPPED ctrl_c_leaves_no_partial_file: no `kill` command to send SIGINT");
            let _ = child.kill();
            let _ = child.wait();
            return;
        }
        let status = child.wait().unwrap();
        let names: Vec<String> = std::fs::read_dir(out.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        if status.code() == Some(0) {
            eprintln!("the series finished before the interrupt arrived; nothing to check");
            return;
        }
        assert_eq!(status.code(), Some(130));
        assert!(names.iter().all(|n| !n.starts_with('.')), "temporary files left: {names:?}");
        for name in names.iter().filter(|n| n.ends_with(".png")) {
            let bytes = std::fs::read(out.path().join(name)).unwrap();
            assert!(controlmap::render::raster::decode_png(&bytes).is_ok(), "{name} is a complete PNG");
        }
    }

    #[test]
    fn places_with_non_ascii_ids_keep_their_own_labels() {
        let dir = tempfile::tempdir().unwrap();
        common::copy_fixture_geodata(dir.path());
        let places = "id,name,lon,lat,country,population,aliases,source,note\nракка,Ракка,39.0,35.95,SY,200000,,test,\nмаяди,Маяди,40.45,35.02,SY,50000,,test,\n";
        std::fs::write(dir.path().join("places.csv"), places).unwrap();
        let ledger = dir.path().join("l.csv");
        std::fs::write(
            &ledger,
            "date,place,holder,event,source\n2017-10,Ракка,is,holds,a.txt#1\n2017-10,Маяди,sdf,holds,a.txt#2\n",
        )
        .unwrap();
        let out = tempfile::tempdir().unwrap();
        controlmap()
            .arg("--geodata")
            .arg(dir.path())
            .arg("--ledger")
            .arg(&ledger)
            .args(["render", "--format", "svg", "--no-html", "--out"])
            .arg(out.path())
            .assert()
            .success();
        let svg = std::fs::read_to_string(out.path().join("2017-10.svg")).unwrap();
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let ids: Vec<&str> =
            doc.descendants().filter_map(|n| n.attribute("id")).filter(|id| id.starts_with("place-")).collect();
        assert_eq!(ids.len(), 2);
        assert_ne!(ids[0], ids[1]);
        let labels: Vec<(String, String)> = doc
            .descendants()
            .filter(|n| n.has_tag_name("text") && matches!(n.text(), Some("Ракка") | Some("Маяди")))
            .map(|n| (n.attribute("x").unwrap_or("").to_string(), n.attribute("y").unwrap_or("").to_string()))
            .collect();
        assert_eq!(labels.len(), 2);
        assert_ne!(labels[0], labels[1], "each label sits by its own marker");
    }

    #[test]
    fn a_first_mention_is_not_drawn_as_a_change() {
        let dir = tempfile::tempdir().unwrap();
        let ledger = dir.path().join("l.csv");
        std::fs::write(&ledger, "date,place,holder,event,other,source\n2014,Baghdad,iraqi-gov,holds,,a.txt#1\n2017-10,Raqqa,sdf,captured,is,a.txt#2\n").unwrap();
        let out = tempfile::tempdir().unwrap();
        controlmap()
            .arg("--ledger")
            .arg(&ledger)
            .args(["render", "--from", "2014-12", "--to", "2017-10", "--format", "svg", "--no-html", "--out"])
            .arg(out.path())
            .assert()
            .success();
        let first = std::fs::read_to_string(out.path().join("2014-12.svg")).unwrap();
        assert!(first.contains("class=\"place iraqi-gov held\""), "Baghdad's first mention is not a change");
        let capture = std::fs::read_to_string(out.path().join("2017-10.svg")).unwrap();
        assert!(capture.contains("class=\"place sdf held changed\""), "a capture reported for the month is a change");
    }

    #[test]
    fn strict_fails_every_command_on_the_same_warnings() {
        let out = tempfile::tempdir().unwrap();
        for args in [vec!["at", "2017-10"], vec!["history", "Deir ez-Zor"], vec!["lint"]] {
            controlmap().arg("--strict").args(&args).assert().code(1);
        }
        controlmap()
            .args(["--strict", "render", "--from", "2017-10", "--to", "2017-10", "--format", "svg", "--out"])
            .arg(out.path())
            .assert()
            .code(1);
    }
}

#[test]
fn render_and_animate_report_json_for_scripts() {
    let out = tempfile::tempdir().unwrap();
    let output = controlmap()
        .args(["--json", "render", "--from", "2017-10", "--to", "2017-11", "--format", "svg", "--no-html", "--out"])
        .arg(out.path())
        .output()
        .unwrap();
    let summary: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON on stdout");
    assert_eq!((summary["frames"].as_u64(), summary["files"].as_u64()), (Some(2), Some(2)));
    let gif = out.path().join("a.gif");
    let output = controlmap()
        .args(["--json", "animate", "--from", "2017-10", "--to", "2017-11", "--width", "400", "--out"])
        .arg(&gif)
        .output()
        .unwrap();
    let summary: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON on stdout");
    assert_eq!(summary["months"].as_u64(), Some(2));
    assert_eq!(summary["bytes"].as_u64(), Some(std::fs::metadata(&gif).unwrap().len()));
}

/// Rendering splits by month ranges: two runs over the halves of a range write the same frames,
/// byte for byte, as one run over the whole range (labels, legend corner, box and areas are
/// chosen from the whole ledger, never from the months drawn), so a long series can be shared
/// out between machines.
#[test]
fn two_runs_over_halves_give_the_frames_of_one_run() {
    let (whole, halves) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let size = ["--size", "480x360"];
    controlmap()
        .args(["render", "--from", "2016-11", "--to", "2017-12"])
        .args(size)
        .arg("--out")
        .arg(whole.path())
        .assert()
        .success();
    for (from, to) in [("2016-11", "2017-05"), ("2017-06", "2017-12")] {
        controlmap()
            .args(["render", "--from", from, "--to", to])
            .args(size)
            .arg("--out")
            .arg(halves.path())
            .assert()
            .success();
    }
    let frames = |dir: &Path| -> Vec<(String, Vec<u8>)> {
        let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "png" || x == "svg"))
            .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
            .collect();
        files.sort();
        files
    };
    let (one, two) = (frames(whole.path()), frames(halves.path()));
    assert_eq!(one.len(), 28, "14 months, PNG and SVG");
    let names = |files: &[(String, Vec<u8>)]| files.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&one), names(&two));
    for ((name, a), (_, b)) in one.iter().zip(&two) {
        assert!(a == b, "{name} differs between the whole run and the half run");
    }
}
