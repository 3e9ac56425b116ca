//! Whole-binary tests of maps of any conflict: the world gazetteer, qualifiers, places given by
//! coordinates, URL and free-text sources, factions without set-up, the world base map, the border
//! view, labels by importance and the map texts, on the ledgers in `tests/fixtures/conflicts/`.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn controlmap() -> Command {
    Command::cargo_bin("controlmap").expect("the binary builds")
}

fn conflict(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/conflicts").join(name)
}

fn ledger(dir: &tempfile::TempDir, body: &str) -> PathBuf {
    let path = dir.path().join("l.csv");
    std::fs::write(&path, format!("date,place,holder,event,other,modality,source,note,lat,lon\n{body}")).unwrap();
    path
}

fn json(args: &[&str]) -> Value {
    let output = controlmap().args(args).output().unwrap();
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&output.stdout)))
}

#[test]
fn three_conflicts_lint_with_warnings_only_and_answer_at_and_check() {
    for name in ["sudan.csv", "karabakh.csv", "ukraine.csv"] {
        let path = conflict(name);
        controlmap().arg("lint").arg(&path).assert().success().stdout(predicate::str::contains("0 error(s)"));
    }
    controlmap()
        .args(["at", "2024-01", "Wad Madani", "--ledger"])
        .arg(conflict("sudan.csv"))
        .assert()
        .success()
        .stdout(predicate::str::contains("rsf").and(predicate::str::contains("reuters.com")));
    controlmap()
        .args(["check", "Wad Madani", "--holder", "saf", "--on", "2025-02-01", "--ledger"])
        .arg(conflict("sudan.csv"))
        .assert()
        .code(0);
    controlmap()
        .args(["check", "Shusha", "--holder", "artsakh", "--on", "2020-12-01", "--ledger"])
        .arg(conflict("karabakh.csv"))
        .assert()
        .code(1);
}

#[test]
fn places_is_a_batch_geocoder_that_never_guesses() {
    let answers = json(&[
        "places",
        "Khartoum",
        "Kherson, UA",
        "Andriivka",
        "Andriivka, Kharkiv Oblast",
        "Kherson, SD",
        "Buzova",
        "Raqqa",
        "--json",
    ]);
    let answers = answers.as_array().unwrap();
    let status: Vec<&str> = answers.iter().map(|a| a["status"].as_str().unwrap()).collect();
    assert_eq!(status[..2], ["resolved", "resolved"]);
    assert_eq!(answers[0]["country"], "SD");
    assert_eq!(answers[1]["country"], "UA");
    assert!(answers[1]["lat"].as_f64().unwrap() > 46.0 && answers[1]["population"].as_u64().unwrap() > 0);
    assert_eq!(status[2], "ambiguous", "many Andriivkas in Ukraine");
    let candidates = answers[2]["candidates"].as_array().unwrap();
    assert!(candidates.len() > 2 && candidates.iter().all(|c| c["region"].is_string() && c["qualified"].is_string()));
    assert_eq!(status[3], "resolved", "the region qualifier narrows: {}", answers[3]);
    assert_eq!(answers[3]["region"], "Kharkiv");
    assert_eq!(status[4], "unknown", "never a Kherson outside Sudan when asked for Sudan");
    assert!(answers[5]["country"] != "TR", "Buzova never becomes Bozova in Turkey: {}", answers[5]);
    assert_eq!(answers[6]["country"], "SY");
}

#[test]
fn places_reads_queries_from_standard_input() {
    let output = controlmap().args(["places", "-", "--json"]).write_stdin("Kyiv\nOdesa\n\nMosul\n").output().unwrap();
    let answers: Value = serde_json::from_slice(&output.stdout).unwrap();
    let names: Vec<&str> = answers.as_array().unwrap().iter().map(|a| a["country"].as_str().unwrap()).collect();
    assert_eq!(names, ["UA", "UA", "IQ"]);
    assert!(output.status.success());
}

#[test]
fn coordinates_pin_places_and_split_namesakes() {
    let dir = tempfile::tempdir().unwrap();
    let path = ledger(
        &dir,
        "2022-03,Kherson,russia,captured,ukraine,fact,https://example.org/a,,46.64,32.61\n\
         2022-03,Novoselivka,russia,captured,ukraine,fact,https://example.org/b,,47.00,35.00\n\
         2022-03,Novoselivka,ukraine,holds,,fact,https://example.org/c,,50.00,30.00\n\
         2022-03,Nowhereville,russia,holds,,fact,https://example.org/d,,48.10,37.70\n",
    );
    let state = json(&["at", "2022-03", "--json", "--ledger", path.to_str().unwrap()]);
    let places = state["places"].as_array().unwrap();
    let ids: Vec<&str> = places.iter().map(|p| p["place_id"].as_str().unwrap()).collect();
    assert!(ids.contains(&"kherson-706448"), "near the gazetteer's Kherson: that place ({ids:?})");
    assert_eq!(ids.iter().filter(|id| id.starts_with("novoselivka")).count(), 2, "two villages of one name: {ids:?}");
    assert!(ids.iter().any(|id| id.starts_with("nowhereville@48.1000_37.7000")), "{ids:?}");
}

#[test]
fn bad_coordinates_are_errors_naming_line_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let path = ledger(
        &dir,
        "2022-03,Kherson,russia,holds,,fact,x.txt#1,,46.6,\n2022-03,Kherson,russia,holds,,fact,x.txt#1,,95,32\n",
    );
    controlmap()
        .arg("lint")
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("l.csv:2: lon: is empty while lat is given"))
        .stdout(predicate::str::contains("l.csv:3: lat: \"95\" is not a latitude"));
    let far = ledger(&dir, "2022-03,Kharkiv,ukraine,holds,,fact,x.txt#1,,46.0,30.0\n");
    controlmap().arg("lint").arg(&far).assert().success().stdout(
        predicate::str::contains("l.csv:2: lat: warning: lat/lon (46.0000, 30.0000) is")
            .and(predicate::str::contains("from Kharkiv (UA")),
    );
}

#[test]
fn sources_may_be_urls_and_citations_and_are_shown_as_written() {
    let output = json(&["at", "2023-12", "Wad Madani", "--json", "--ledger", conflict("sudan.csv").to_str().unwrap()]);
    let text = output.to_string();
    assert!(text.contains("https://www.reuters.com/world/africa/wad-madani-2023-12-19/"), "{text}");
    assert!(text.contains("Reuters, 19 Dec 2023"), "{text}");
}

#[test]
fn a_factions_file_names_and_colours_new_holders() {
    let dir = tempfile::tempdir().unwrap();
    let path = ledger(&dir, "2024-01,Khartoum,green-side,holds,,fact,https://example.org/a,,,\n");
    let factions = dir.path().join("f.toml");
    std::fs::write(&factions, "[[faction]]\nid = \"green-side\"\nname = \"The Green Side\"\nname_nl = \"De groene kant\"\ncolor = \"#00aa00\"\n").unwrap();
    controlmap()
        .arg("lint")
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("warning: faction \"green-side\""));
    controlmap()
        .args(["lint", "--factions"])
        .arg(&factions)
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("0 warning(s)"));
    controlmap().args(["--strict", "lint"]).arg(&path).assert().code(1);
}

fn render_svg(ledger: &Path, month: &str, extra: &[&str]) -> String {
    let out = tempfile::tempdir().unwrap();
    controlmap()
        .args(["render", "--format", "svg", "--no-html", "--from", month, "--to", month, "--ledger"])
        .arg(ledger)
        .arg("--out")
        .arg(out.path())
        .args(extra)
        .assert()
        .success();
    std::fs::read_to_string(out.path().join(format!("{month}.svg"))).unwrap()
}

#[test]
fn a_sudan_map_needs_no_geodata_and_says_what_it_rests_on() {
    let svg = render_svg(&conflict("sudan.csv"), "2024-01", &["--title", "Sudan war"]);
    assert!(svg.contains("SUDAN") && svg.contains("CHAD"), "the countries of the area");
    assert!(svg.contains(">Wad Madani<") && svg.contains(">Omdurman<"), "ledger names as labels");
    assert!(svg.contains("Sudan war: January 2024"));
    assert!(svg.contains("from dated claims and the sources they cite"), "not 'news reports' for URL sources");
    assert!(svg.contains("Rapid Support Forces"), "the built-in faction's name in the legend");
    assert!(!svg.contains("SYRIA"));
    let texts =
        render_svg(&conflict("sudan.csv"), "2024-01", &["--subtitle", "Test subtitle", "--credit", "Test credit"]);
    assert!(texts.contains("Test subtitle") && texts.contains("Test credit"));
}

#[test]
fn crimea_is_drawn_as_ukraine_unless_de_facto_and_big_cities_are_labelled() {
    let ukraine = conflict("ukraine.csv");
    let svg = render_svg(&ukraine, "2023-01", &[]);
    assert!(svg.contains("internationally recognised borders"));
    for city in ["Kharkiv", "Donetsk", "Zaporizhzhya", "Sevastopol"] {
        assert!(svg.contains(&format!(">{city}<")), "{city} is labelled");
    }
    let de_facto = render_svg(&ukraine, "2023-01", &["--borders", "de-facto"]);
    assert!(de_facto.contains("de facto borders"));
    assert_ne!(svg.len(), de_facto.len(), "the two views draw different borders");
}

#[test]
fn a_name_too_long_to_be_a_place_gets_no_suggestions() {
    let dir = tempfile::tempdir().unwrap();
    let path = ledger(&dir, &format!("2020-01,{},is,holds,,fact,a.txt#1,,,\n", "Kherson".repeat(5000)));
    controlmap().arg("lint").arg(&path).assert().code(1).stdout(
        predicate::str::contains("is not in the gazetteer").and(predicate::str::contains("did you mean").not()),
    );
}

/// The legend is drawn over the map: a country's name must not sit under it, half hidden.
#[test]
fn country_names_stay_clear_of_the_legend() {
    // In June 2024 the Sudan map puts its legend in the bottom-right corner, over Ethiopia.
    let svg = render_svg(&conflict("sudan.csv"), "2024-06", &[]);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let number = |node: roxmltree::Node, name: &str| node.attribute(name).and_then(|v| v.parse::<f64>().ok());
    let legend = doc.descendants().find(|n| n.attribute("id") == Some("legend")).expect("a legend group");
    let frame = legend.children().find(|n| n.has_tag_name("rect")).expect("the legend's box");
    let (x0, y0) = (number(frame, "x").unwrap(), number(frame, "y").unwrap());
    let (x1, y1) = (x0 + number(frame, "width").unwrap(), y0 + number(frame, "height").unwrap());
    let basemap = doc.descendants().find(|n| n.attribute("id") == Some("basemap")).expect("a basemap group");
    let names: Vec<_> =
        basemap.descendants().filter(|n| n.has_tag_name("text") && n.attribute("letter-spacing").is_some()).collect();
    assert!(names.len() >= 3, "country names are drawn ({})", names.len());
    for name in names {
        let (x, y, size) = (number(name, "x").unwrap(), number(name, "y").unwrap(), number(name, "font-size").unwrap());
        let text = name.text().unwrap_or_default();
        // A generous width: bold capitals with 3 px letter-spacing.
        let half = text.chars().count() as f64 * (0.75 * size + 3.0) / 2.0;
        let clear = x + half < x0 || x - half > x1 || y < y0 || y - size > y1;
        assert!(clear, "{text} at ({x}, {y}) is under the legend ({x0}, {y0})-({x1}, {y1})");
    }
}
