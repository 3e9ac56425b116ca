//! Whole-binary tests of what explains change: `diff`, corroboration (`independent_sources`) in
//! the query commands, the reading of `check`, and the caption band on the maps.

use std::path::PathBuf;

use assert_cmd::Command;
use predicates::prelude::*;

fn controlmap() -> Command {
    Command::cargo_bin("controlmap").expect("the binary builds")
}

/// A temporary ledger with the given body under the standard header.
fn ledger(dir: &tempfile::TempDir, body: &str) -> PathBuf {
    let path = dir.path().join("claims.csv");
    std::fs::write(&path, format!("date,place,holder,event,other,modality,source,note\n{body}")).unwrap();
    path
}

fn json(args: &[&str]) -> serde_json::Value {
    let output = controlmap().args(args).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn diff_on_the_seeds_lists_raqqa_mayadin_and_deir_ez_zor_with_sources() {
    controlmap()
        .args(["diff", "2017-09", "2017-12"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Changes from 2017-09-30 to 2017-12-31"))
        .stdout(predicate::str::contains(
            "Raqqa: Islamic State, contested by Syrian Democratic Forces → Syrian Democratic Forces",
        ))
        .stdout(predicate::str::contains("000_bd356353d0e3943c.txt#1"))
        .stdout(predicate::str::contains("Mayadin: not tracked → partly Syrian government"))
        .stdout(predicate::str::contains("Deir ez-Zor: Syrian government → partly Syrian government"))
        .stdout(predicate::str::contains("Rawa"));
}

#[test]
fn diff_json_is_a_list_of_changes_with_sources_sorted_by_date() {
    let value = json(&["--json", "diff", "2017-09", "2017-12"]);
    let list = value.as_array().expect("a list");
    let raqqa = list.iter().find(|e| e["place_id"] == "raqqa").expect("Raqqa changed");
    assert_eq!(raqqa["kind"], "changed");
    assert_eq!(raqqa["before"]["holder"], "is");
    assert_eq!(raqqa["after"]["holder"], "sdf");
    assert_eq!(raqqa["changed"], "2017-10-17/2017-10");
    assert!(raqqa["sources"].as_array().unwrap().iter().any(|s| s == "004_9785ea21620a42df.txt#33"));
    assert!(raqqa["independent_sources"].as_u64().unwrap() >= 2);
    let changes: Vec<&serde_json::Value> = list.iter().filter(|e| e["before"].is_object()).collect();
    assert!(changes.len() >= 8, "{} changes", changes.len());
    let mut days: Vec<String> = changes
        .iter()
        .map(|e| e["changed"].as_str().unwrap().rsplit('/').next().unwrap().to_string())
        .map(|end| if end.len() == 7 { format!("{end}-31") } else { end })
        .collect();
    let sorted = {
        let mut s = days.clone();
        s.sort();
        s
    };
    days.dedup();
    assert!(days.len() > 1);
    assert!(sorted.first() <= sorted.last());
    assert!(list.iter().any(|e| e["kind"] == "conflict-opened"), "a conflict opened in October");
}

#[test]
fn diff_of_named_places_in_markdown_and_dutch() {
    controlmap()
        .args(["diff", "2017-09", "2017-12", "Raqqa", "--format", "md", "--lang", "nl"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("## Veranderingen van 2017-09-30 tot 2017-12-31"))
        .stdout(predicate::str::contains("| Wanneer | Plaats | Voor | Na | Bronnen |"))
        .stdout(predicate::str::contains("**Syrische Democratische Strijdkrachten** (3 bronnen)"))
        .stdout(predicate::str::contains("Mayadin").not());
    controlmap().args(["diff", "2017-09", "2017-12", "Yarmouk Basin", "--lang", "nl"]).assert().success().stdout(
        predicate::str::contains("Yarmouk-vallei: niet gevolgd → Islamitische Staat (voor het eerst gemeld, 1 bron)"),
    );
}

#[test]
fn diff_refuses_reversed_and_bad_dates_with_exit_2() {
    controlmap()
        .args(["diff", "2017-12", "2017-09"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("FROM (2017-12-31) is after TO (2017-09-30)"));
    controlmap().args(["diff", "2017-13", "2017-12"]).assert().code(2).stderr(predicate::str::contains("month 13"));
    controlmap().args(["diff", "2017-09", "soon"]).assert().code(2).stderr(predicate::str::contains("soon"));
    controlmap()
        .args(["diff", "2017-09", "2017-12", "Xqzwvbk"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Xqzwvbk"));
}

#[test]
fn diff_without_change_says_so() {
    controlmap()
        .args(["diff", "2018-02", "2018-03", "Raqqa"])
        .assert()
        .success()
        .stdout(predicate::str::contains("No change between these dates."));
}

#[test]
fn at_raqqa_in_november_2017_rests_on_two_independent_sources() {
    let value = json(&["--json", "at", "2017-11", "Raqqa"]);
    let raqqa = &value["places"][0];
    assert_eq!(raqqa["holder"], "sdf");
    assert!(raqqa["independent_sources"].as_u64().unwrap() >= 2, "{raqqa}");
}

#[test]
fn independent_sources_are_one_two_and_three_on_built_ledgers() {
    let cases = [
        ("2017-10,Raqqa,sdf,captured,is,fact,a.txt#1;a.txt#2,\n2017-11,Raqqa,sdf,holds,,fact,a.txt#7,\n", 1),
        ("2017-10,Raqqa,sdf,captured,is,fact,a.txt#1,\n2017-11,Raqqa,sdf,holds,,fact,b.txt#7;a.txt#3,\n", 2),
        ("2017-10,Raqqa,sdf,captured,is,fact,a.txt#1;b.txt#2,\n2017-11,Raqqa,sdf,holds,,hedged,c.txt#7,\n", 3),
    ];
    for (body, expected) in cases {
        let dir = tempfile::tempdir().unwrap();
        let path = ledger(&dir, body);
        let path = path.to_str().unwrap();
        let at = json(&["--json", "--ledger", path, "at", "2017-11", "Raqqa"]);
        assert_eq!(at["places"][0]["independent_sources"], expected, "{body}");
        let history = json(&["--json", "--ledger", path, "history", "Raqqa"]);
        assert_eq!(history["steps"][1]["independent_sources"], expected, "{body}");
        let check = controlmap()
            .args(["--ledger", path, "check", "Raqqa", "--holder", "sdf", "--on", "2017-11"])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&check.stdout);
        let words = if expected == 1 { "1 independent source." } else { &format!("{expected} independent sources.") };
        assert!(text.contains(&format!("supported by {words}")), "{text}");
    }
}

#[test]
fn check_says_supported_by_and_contradicted_by() {
    let dir = tempfile::tempdir().unwrap();
    let path = ledger(
        &dir,
        "2017-06,Raqqa,is,holds,,fact,a.txt#1,\n\
         2017-10,Raqqa,sdf,captured,is,fact,b.txt#1;c.txt#1;d.txt#2,\n\
         2017-11-10,Raqqa,is,holds,,fact,e.txt#4,\n",
    );
    controlmap()
        .args(["--ledger", path.to_str().unwrap(), "check", "Raqqa", "--holder", "sdf", "--on", "2017-11"])
        .assert()
        .code(3)
        .stdout(predicate::str::contains(
            "Sources disagree about sdf here: supported by 3 independent sources, contradicted by 1.",
        ));
}

#[test]
fn check_lists_later_evidence_apart_from_contradicting_claims() {
    let output =
        controlmap().args(["--json", "check", "Raqqa", "--holder", "is", "--on", "2017-09-15"]).output().unwrap();
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value["verdict"], "supported", "{}", value["reason"]);
    assert!(value["contradicting"].as_array().unwrap().is_empty());
    let later = value["later_evidence"].as_array().unwrap();
    assert!(later.iter().any(|c| c["holder"] == "sdf" && c["event"] == "captured"), "{value}");
    assert!(value["reason"].as_str().unwrap().ends_with('.'));
    controlmap()
        .args(["check", "Raqqa", "--holder", "is", "--on", "2017-09-15"])
        .assert()
        .stdout(predicate::str::contains("later evidence (dated after the date, not weighed):"));
}

#[test]
fn check_contradicts_a_faction_no_claim_puts_there_even_when_others_disagree() {
    let dir = tempfile::tempdir().unwrap();
    let path = ledger(
        &dir,
        "2017-06,Raqqa,is,holds,,fact,a.txt#1,\n\
         2017-10,Raqqa,sdf,holds,,fact,b.txt#1,\n\
         2017-10,Raqqa,syrian-gov,holds,,fact,c.txt#1,\n",
    );
    controlmap()
        .args(["--ledger", path.to_str().unwrap(), "check", "Raqqa", "--holder", "is", "--on", "2017-11"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("contradicted"))
        .stdout(predicate::str::contains("No claim puts is there by 2017-11-30"));
}

fn render_svg(extra: &[&str], month: &str) -> String {
    let out = tempfile::tempdir().unwrap();
    let mut args = vec!["render", "--from", month, "--to", month, "--format", "svg", "--no-html", "--out"];
    let folder = out.path().to_str().unwrap().to_string();
    args.push(&folder);
    args.extend_from_slice(extra);
    controlmap().args(&args).assert().success();
    std::fs::read_to_string(out.path().join(format!("{month}.svg"))).unwrap()
}

/// The texts inside `<g id="caption">`.
fn caption_texts(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).unwrap();
    let Some(caption) = doc.descendants().find(|n| n.attribute("id") == Some("caption")) else { return Vec::new() };
    caption.descendants().filter(|n| n.has_tag_name("text")).filter_map(|n| n.text()).map(str::to_string).collect()
}

#[test]
fn every_frame_has_a_caption_in_the_maps_language_unless_left_out() {
    let october = caption_texts(&render_svg(&[], "2017-10"));
    assert_eq!(october[0], "Changed this month:");
    assert!(october[1].contains("Raqqa → Syrian Democratic Forces (2 sources)"), "{october:?}");
    assert!(october[1].contains(" more"), "October has more changes than fit: {october:?}");
    let dutch = caption_texts(&render_svg(&["--lang", "nl", "--size", "800x600"], "2017-10"));
    assert_eq!(dutch[0], "Deze maand veranderd:");
    assert!(dutch[1].contains("(2 bronnen)"), "{dutch:?}");
    let quiet = caption_texts(&render_svg(&[], "2018-03"));
    assert_eq!(quiet, vec!["No change this month."]);
    let none = render_svg(&["--no-caption"], "2017-10");
    assert!(caption_texts(&none).is_empty());
    assert!(!none.contains("Changed this month"));
}

/// A band: x, y, width, height.
type Band = (f64, f64, f64, f64);
/// A text: x, baseline, size, bold, content.
type Line = (f64, f64, f64, bool, String);

/// The caption's band (`<rect>`) and texts in an SVG frame.
fn caption_layout(svg: &str) -> (Band, Vec<Line>) {
    let doc = roxmltree::Document::parse(svg).unwrap();
    let caption = doc.descendants().find(|n| n.attribute("id") == Some("caption")).expect("a caption group");
    let num = |n: roxmltree::Node, a: &str| n.attribute(a).unwrap().parse::<f64>().unwrap();
    let rect = caption.children().find(|n| n.has_tag_name("rect")).expect("a band");
    let band = (num(rect, "x"), num(rect, "y"), num(rect, "width"), num(rect, "height"));
    let texts = caption
        .children()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| {
            let bold = n.attribute("font-weight") == Some("bold");
            (num(n, "x"), num(n, "y"), num(n, "font-size"), bold, n.text().unwrap_or("").to_string())
        })
        .collect();
    (band, texts)
}

#[test]
fn captions_stay_inside_the_frame_below_the_map_at_both_sizes_and_in_both_languages() {
    for (size, width, height) in [("800x600", 800.0, 600.0), ("1600x1200", 1600.0, 1200.0)] {
        for lang in ["en", "nl"] {
            let svg = render_svg(&["--size", size, "--lang", lang], "2017-10");
            let ((x, y, w, h), texts) = caption_layout(&svg);
            assert_eq!((x, w), (0.0, width));
            let doc = roxmltree::Document::parse(&svg).unwrap();
            let legend = doc.descendants().find(|n| n.attribute("id") == Some("legend")).unwrap();
            let legend_bottom = legend
                .children()
                .filter(|n| n.has_tag_name("rect"))
                .map(|n| {
                    n.attribute("y").unwrap().parse::<f64>().unwrap()
                        + n.attribute("height").unwrap().parse::<f64>().unwrap()
                })
                .fold(0.0, f64::max);
            assert!(legend_bottom <= y, "{size} {lang}: the legend ends at {legend_bottom}, the band starts at {y}");
            assert!(y + h < height, "{size} {lang}: the footer stays below the band");
            let right = texts
                .iter()
                .map(|(tx, _, size, bold, text)| tx + controlmap::render::text::width(text, *size, *bold))
                .fold(0.0, f64::max);
            assert!(right <= width - 10.0, "{size} {lang}: the caption ends at {right} of {width}");
            for (_, baseline, font, _, _) in &texts {
                assert!(baseline - font > y && *baseline < y + h, "{size} {lang}: text inside the band");
            }
        }
    }
}

#[test]
fn every_frame_of_the_seeds_series_has_a_caption() {
    let out = tempfile::tempdir().unwrap();
    controlmap()
        .args(["render", "--format", "svg", "--no-html", "--size", "800x600", "--out"])
        .arg(out.path())
        .assert()
        .success();
    let mut frames = 0;
    for entry in std::fs::read_dir(out.path()).unwrap() {
        let svg = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let texts = caption_texts(&svg);
        assert!(!texts.is_empty() && !texts[0].is_empty(), "a frame without caption");
        frames += 1;
    }
    assert!(frames > 50, "{frames} frames");
}
