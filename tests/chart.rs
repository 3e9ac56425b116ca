//! Whole-binary tests of `chart`: the SVG is valid XML naming every faction drawn, the PNG is the
//! requested size, the numbers it draws agree with `controlmap --json at`, the seeds' story (IS's
//! area shrinks from its peak to 2019) holds, and bad input fails with exit code 2.

use std::collections::BTreeMap;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn controlmap() -> Command {
    Command::cargo_bin("controlmap").expect("the binary builds")
}

/// The chart's numbers for the seeds (`--json chart`), computed once.
fn numbers() -> &'static Value {
    static DATA: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    DATA.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let output = controlmap().args(["--json", "chart", "--out"]).arg(dir.path().join("c.svg")).output().unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        serde_json::from_slice(&output.stdout).unwrap()
    })
}

/// One faction's point in one month.
fn point<'a>(month: &str, faction: &str) -> &'a Value {
    numbers()["points"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["month"] == month && p["faction"] == faction)
        .unwrap_or_else(|| panic!("no point for {faction} in {month}"))
}

/// From `at`: per holder, the drawn places (with sources) and those not stale.
fn at_counts(month: &str) -> BTreeMap<String, (u64, u64)> {
    let output = controlmap().args(["--json", "at", month]).output().unwrap();
    assert!(output.status.success());
    let value: Value = serde_json::from_slice(&output.stdout).unwrap();
    let mut counts: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    for place in value["places"].as_array().unwrap() {
        let (Some(holder), false) = (place["holder"].as_str(), place["sources"].as_array().unwrap().is_empty()) else {
            continue;
        };
        let entry = counts.entry(holder.to_string()).or_default();
        entry.0 += 1;
        if place["stale"] == false {
            entry.1 += 1;
        }
    }
    counts
}

#[test]
fn the_svg_is_valid_xml_naming_each_faction_and_the_png_has_the_size_asked() {
    let dir = tempfile::tempdir().unwrap();
    let svg_path = dir.path().join("chart.svg");
    controlmap()
        .args(["chart", "--both", "--size", "1000x750", "--out"])
        .arg(&svg_path)
        .assert()
        .success()
        .stdout(predicate::str::contains("chart.svg and").and(predicate::str::contains("chart.png (1000x750)")));
    let svg = std::fs::read_to_string(&svg_path).unwrap();
    let document = roxmltree::Document::parse(&svg).expect("the SVG is well-formed XML");
    let texts: Vec<&str> = document.descendants().filter(|n| n.has_tag_name("text")).filter_map(|n| n.text()).collect();
    for name in ["Islamic State", "Syrian government", "Syrian Democratic Forces", "Iraqi government"] {
        assert!(texts.contains(&name), "the legend names {name}: {texts:?}");
    }
    assert!(texts.iter().any(|t| t.contains("claims from 5 sources")), "the source line is there");
    assert!(texts.contains(&"2017") && texts.contains(&"10,000"), "month and value axes are labelled");
    let families: Vec<&str> = document.descendants().filter_map(|n| n.attribute("font-family")).collect();
    assert!(!families.is_empty() && families.iter().all(|f| *f == "DejaVu Sans"), "{families:?}");
    let png = std::fs::read(dir.path().join("chart.png")).unwrap();
    let (width, height, _) = controlmap::render::raster::decode_png(&png).unwrap();
    assert_eq!((width, height), (1000, 750));
    assert!(!dir.path().read_dir().unwrap().any(|e| e.unwrap().file_name().to_string_lossy().starts_with('.')));
}

#[test]
fn the_numbers_agree_with_at() {
    for month in ["2014-06", "2014-12", "2016-12", "2017-07", "2017-10", "2017-12", "2018-06", "2019-02"] {
        let counts = at_counts(month);
        for faction in numbers()["factions"].as_array().unwrap() {
            let faction = faction.as_str().unwrap();
            let p = point(month, faction);
            let (places, recent) = counts.get(faction).copied().unwrap_or_default();
            assert_eq!(p["places"], places, "{faction} in {month}");
            assert_eq!(p["recent_places"], recent, "{faction} in {month}: not stale");
            let (km2, recent_km2) = (p["km2"].as_f64().unwrap(), p["recent_km2"].as_f64().unwrap());
            assert!(recent_km2 <= km2 + 0.1, "{faction} in {month}: recent area is part of the area");
        }
    }
}

#[test]
fn the_area_matches_the_exported_control_areas() {
    let dir = tempfile::tempdir().unwrap();
    controlmap()
        .args(["export", "--format", "geojson", "--from", "2017-10", "--to", "2017-10", "--out"])
        .arg(dir.path())
        .assert()
        .success();
    let collection: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("2017-10.geojson")).unwrap()).unwrap();
    let mut exported: BTreeMap<String, f64> = BTreeMap::new();
    for feature in collection["features"].as_array().unwrap().iter().filter(|f| f["properties"]["layer"] == "area") {
        let p = &feature["properties"];
        *exported.entry(p["holder"].as_str().unwrap().to_string()).or_default() += p["area_km2"].as_f64().unwrap();
    }
    for (holder, km2) in exported {
        let charted = point("2017-10", &holder)["km2"].as_f64().unwrap();
        assert!((charted - km2).abs() < 0.5, "{holder}: chart {charted} km², export {km2} km²");
    }
}

#[test]
fn islamic_state_holds_less_in_2019_than_at_its_peak() {
    let is: Vec<&Value> = numbers()["points"].as_array().unwrap().iter().filter(|p| p["faction"] == "is").collect();
    let peak = is.iter().max_by(|a, b| a["km2"].as_f64().unwrap().total_cmp(&b["km2"].as_f64().unwrap())).unwrap();
    let peak_month = peak["month"].as_str().unwrap();
    assert!(peak_month < "2017-07", "IS's area peaks before the fall of Mosul: {peak_month}");
    let late = point("2019-02", "is");
    assert!(peak["km2"].as_f64().unwrap() > late["km2"].as_f64().unwrap(), "peak {peak} against 2019-02 {late}");
    assert_eq!(numbers()["factions"][0], "is", "factions follow factions.toml, IS first");
}

#[test]
fn the_chart_is_deterministic_and_speaks_dutch() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.svg", "b.svg"] {
        controlmap()
            .args(["chart", "--lang", "nl", "--palette", "cvd", "--out"])
            .arg(dir.path().join(name))
            .assert()
            .success();
    }
    let a = std::fs::read_to_string(dir.path().join("a.svg")).unwrap();
    assert_eq!(a, std::fs::read_to_string(dir.path().join("b.svg")).unwrap());
    assert!(a.contains("Islamitische Staat") && a.contains("Gebied in handen (km²)") && a.contains("10.000"));
    assert!(a.contains("#1A1A1A"), "IS in the colour-blind-safe palette");
}

#[test]
fn a_ledger_where_nobody_holds_anything_still_gives_a_chart() {
    let dir = tempfile::tempdir().unwrap();
    let ledger = dir.path().join("lost.csv");
    std::fs::write(&ledger, "date,place,holder,event,other,modality,source,note\n2017-10,Raqqa,is,lost,,fact,,\n")
        .unwrap();
    controlmap()
        .arg("--ledger")
        .arg(&ledger)
        .args(["chart", "--out"])
        .arg(dir.path().join("empty.svg"))
        .assert()
        .success()
        .stdout(predicate::str::contains("0 faction(s), 1 month(s)"));
    let svg = std::fs::read_to_string(dir.path().join("empty.svg")).unwrap();
    roxmltree::Document::parse(&svg).unwrap();
    assert!(svg.contains("No faction holds a tracked place in these months"));
}

#[test]
fn bad_input_fails_with_exit_code_2_and_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    controlmap()
        .args(["chart", "--out"])
        .arg(dir.path().join("chart.pdf"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("must end in .svg or .png"));
    controlmap()
        .args(["chart", "--size", "300x200", "--out"])
        .arg(dir.path().join("chart.svg"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("at least 480x360"));
    controlmap()
        .args(["chart", "--from", "2019-01", "--to", "2018-01", "--out"])
        .arg(dir.path().join("chart.svg"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is after --to"));
    let file = dir.path().join("a-file");
    std::fs::write(&file, "").unwrap();
    controlmap()
        .args(["chart", "--out"])
        .arg(file.join("chart.svg"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot create the output folder"));
    assert!(!Path::new(&dir.path().join("chart.svg")).exists());
}
