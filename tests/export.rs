//! Whole-binary tests of `export`: the GeoJSON is RFC 7946 with valid geometry, its places and
//! holders match `controlmap --json at` month by month, the CSV timeline has one row per month
//! and drawn place, output is deterministic, and bad input fails with exit code 2.

use std::collections::BTreeMap;
use std::path::Path;

use assert_cmd::Command;
use geo::{Coord, LineString, MultiPolygon, Polygon, Validation};
use predicates::prelude::*;
use serde_json::Value;

fn controlmap() -> Command {
    Command::cargo_bin("controlmap").expect("the binary builds")
}

/// Months spread over the seeds series: before, during and after the changes of 2017.
const MONTHS: [&str; 10] =
    ["2014-06", "2014-12", "2016-12", "2017-06", "2017-07", "2017-10", "2017-11", "2017-12", "2018-06", "2019-02"];

/// Exports the whole seeds series once per test binary run into a temporary folder.
fn exported() -> &'static Path {
    static DIR: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        controlmap()
            .args(["export", "--out"])
            .arg(dir.path())
            .assert()
            .success()
            .stdout(predicate::str::contains("exported 58 month(s) from 2014-06 to 2019-03"));
        dir
    })
    .path()
}

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The drawn places of `at` on a month: (place_id, kind) → holder. A place whose only claims are
/// still pending at the month's end has no sources and is neither drawn nor exported.
fn at_places(month: &str) -> BTreeMap<(String, String), Value> {
    let output = controlmap().args(["--json", "at", month]).output().unwrap();
    assert!(output.status.success());
    let value: Value = serde_json::from_slice(&output.stdout).unwrap();
    value["places"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| !p["sources"].as_array().unwrap().is_empty())
        .map(|p| ((text(&p["place_id"]), text(&p["kind"])), p["holder"].clone()))
        .collect()
}

fn text(value: &Value) -> String {
    value.as_str().unwrap_or_default().to_string()
}

fn position(value: &Value) -> Coord<f64> {
    let pair = value.as_array().expect("a position is an array");
    assert_eq!(pair.len(), 2, "positions are [lon, lat]: {value}");
    let (lon, lat) = (pair[0].as_f64().unwrap(), pair[1].as_f64().unwrap());
    assert!((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat), "{lon},{lat} is a lon/lat");
    for number in [lon, lat] {
        assert!(((number * 1e5).round() - number * 1e5).abs() < 1e-6, "{number} has at most 5 decimals");
    }
    Coord { x: lon, y: lat }
}

/// Twice the signed area (positive when counter-clockwise).
fn signed_area(ring: &[Coord<f64>]) -> f64 {
    ring.windows(2).map(|w| w[0].x * w[1].y - w[1].x * w[0].y).sum()
}

/// Checks one RFC 7946 polygon (closed rings of 4+ positions, exterior counter-clockwise,
/// holes clockwise) and that `geo` finds it valid.
fn check_polygon(rings: &Value, what: &str) -> Polygon<f64> {
    let rings: Vec<Vec<Coord<f64>>> =
        rings.as_array().unwrap().iter().map(|r| r.as_array().unwrap().iter().map(position).collect()).collect();
    assert!(!rings.is_empty(), "{what}: a polygon has an exterior ring");
    for (i, ring) in rings.iter().enumerate() {
        assert!(ring.len() >= 4, "{what}: ring {i} has {} positions", ring.len());
        assert_eq!(ring.first(), ring.last(), "{what}: ring {i} is closed");
        let area = signed_area(ring);
        if i == 0 {
            assert!(area > 0.0, "{what}: the exterior is counter-clockwise");
        } else {
            assert!(area < 0.0, "{what}: hole {i} is clockwise");
        }
    }
    let mut lines = rings.into_iter().map(LineString::new);
    let polygon = Polygon::new(lines.next().unwrap(), lines.collect());
    if let Err(error) = polygon.check_validation() {
        panic!("{what}: geo finds the polygon invalid: {error}");
    }
    polygon
}

fn check_geometry(geometry: &Value, what: &str) {
    let coordinates = &geometry["coordinates"];
    match geometry["type"].as_str().unwrap() {
        "Point" => {
            position(coordinates);
        }
        "Polygon" => {
            check_polygon(coordinates, what);
        }
        "MultiPolygon" => {
            let parts = coordinates.as_array().unwrap().iter().enumerate();
            let polygons = parts.map(|(i, polygon)| check_polygon(polygon, &format!("{what} part {i}"))).collect();
            if let Err(error) = MultiPolygon::new(polygons).check_validation() {
                panic!("{what}: geo finds the multipolygon invalid: {error}");
            }
        }
        "MultiLineString" => {
            for line in coordinates.as_array().unwrap() {
                let points: Vec<Coord<f64>> = line.as_array().unwrap().iter().map(position).collect();
                assert!(points.len() >= 2, "{what}: a line has two positions or more");
            }
        }
        other => panic!("{what}: unexpected geometry type {other}"),
    }
}

#[test]
fn every_month_is_an_rfc_7946_feature_collection_with_valid_geometry() {
    let dir = exported();
    let mut files = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "geojson") {
            continue;
        }
        files += 1;
        let collection = read_json(&path);
        assert_eq!(collection["type"], "FeatureCollection");
        assert!(collection.get("crs").is_none(), "RFC 7946 has no crs member");
        let month = path.file_stem().unwrap().to_string_lossy().into_owned();
        assert_eq!(collection["controlmap"]["month"], month.as_str());
        for feature in collection["features"].as_array().unwrap() {
            assert_eq!(feature["type"], "Feature");
            let what = format!("{month} {}", feature["id"]);
            assert_eq!(feature["properties"]["month"], month.as_str(), "{what}");
            check_geometry(&feature["geometry"], &what);
        }
    }
    assert_eq!(files, 58);
}

/// The place features of a month: (place_id, kind) → holder.
fn exported_places(month: &str) -> BTreeMap<(String, String), Value> {
    let collection = read_json(&exported().join(format!("{month}.geojson")));
    let features = collection["features"].as_array().unwrap().clone();
    let places: Vec<&Value> = features.iter().filter(|f| f["properties"]["layer"] == "place").collect();
    let map: BTreeMap<_, _> = places
        .iter()
        .map(|f| {
            let p = &f["properties"];
            ((text(&p["place_id"]), text(&p["kind"])), p["holder"].clone())
        })
        .collect();
    assert_eq!(map.len(), places.len(), "{month}: each place once");
    map
}

#[test]
fn places_and_holders_match_at_month_by_month() {
    for month in MONTHS {
        let expected = at_places(month);
        assert!(!expected.is_empty(), "{month}");
        assert_eq!(exported_places(month), expected, "{month}: the GeoJSON places are those of `at`");
    }
}

#[test]
fn areas_have_a_holder_a_fill_and_a_positive_area() {
    let collection = read_json(&exported().join("2017-10.geojson"));
    let areas: Vec<&Value> =
        collection["features"].as_array().unwrap().iter().filter(|f| f["properties"]["layer"] == "area").collect();
    let holders: Vec<String> = areas.iter().map(|a| text(&a["properties"]["holder"])).collect();
    for holder in ["is", "sdf", "syrian-gov", "iraqi-gov"] {
        assert!(holders.iter().any(|h| h == holder), "{holder} has an area in 2017-10: {holders:?}");
    }
    for area in areas {
        let p = &area["properties"];
        assert!(p["area_km2"].as_f64().unwrap() > 0.0);
        let fill = text(&p["fill"]);
        assert!(fill == "solid" || fill.starts_with("shared:"), "{fill}");
        assert!(matches!(area["geometry"]["type"].as_str(), Some("Polygon" | "MultiPolygon")));
    }
}

#[test]
fn the_csv_timeline_has_one_row_per_month_and_drawn_place() {
    let text = std::fs::read_to_string(exported().join("timeline.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(
        header.join(","),
        "month,place_id,place,kind,lon,lat,holder,status,other,since,last_evidence,age_days,stale,certainty,conflict,sources,independent_sources"
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let keys: Vec<(String, String)> = rows.iter().map(|r| (r[0].to_string(), r[1].to_string())).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "ordered by month, then place id");
    let months: std::collections::BTreeSet<&str> = rows.iter().map(|r| &r[0]).collect();
    assert_eq!(months.len(), 58, "every month of the series");
    for month in MONTHS {
        let from_csv: BTreeMap<(String, String), Value> = rows
            .iter()
            .filter(|r| &r[0] == month)
            .map(|r| {
                let holder = if r[6].is_empty() { Value::Null } else { Value::from(&r[6]) };
                ((r[1].to_string(), r[3].to_string()), holder)
            })
            .collect();
        assert_eq!(from_csv, exported_places(month), "{month}: the CSV rows are the drawn places");
    }
    for row in &rows {
        for coordinate in [&row[4], &row[5]] {
            assert_eq!(coordinate.split_once('.').map(|(_, d)| d.len()), Some(5), "{row:?}");
        }
    }
}

#[test]
fn export_is_deterministic_and_leaves_no_temporary_files() {
    let dirs = [tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap()];
    for dir in &dirs {
        controlmap()
            .args(["export", "--from", "2017-10", "--to", "2017-11", "--out"])
            .arg(dir.path())
            .assert()
            .success();
    }
    let mut names: Vec<String> = std::fs::read_dir(dirs[0].path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["2017-10.geojson", "2017-11.geojson", "timeline.csv"]);
    for name in names {
        let (a, b) = (dirs[0].path().join(&name), dirs[1].path().join(&name));
        assert_eq!(std::fs::read(a).unwrap(), std::fs::read(b).unwrap(), "{name}");
    }
}

#[test]
fn one_format_only_and_json_summary() {
    let dir = tempfile::tempdir().unwrap();
    let output = controlmap()
        .args(["--json", "export", "--format", "csv", "--from", "2017-12", "--to", "2017-12", "--out"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(output.status.success());
    let summary: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(summary["months"], 1);
    assert_eq!(summary["geojson_files"].as_array().unwrap().len(), 0);
    assert!(summary["csv_rows"].as_u64().unwrap() >= 15);
    assert!(dir.path().join("timeline.csv").exists());
    assert!(!dir.path().join("2017-12.geojson").exists());
}

#[test]
fn bad_input_fails_with_exit_code_2_and_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    controlmap()
        .args(["export", "--format", "kml", "--out"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid value 'kml'").and(predicate::str::contains("geojson")));
    controlmap()
        .args(["export", "--from", "2018-01", "--to", "2017-01", "--out"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("2018-01 is after --to 2017-01"));
    controlmap()
        .args(["export", "--from", "2017-13", "--out"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--from"));
    let file = dir.path().join("a-file");
    std::fs::write(&file, "not a folder").unwrap();
    controlmap()
        .args(["export", "--out"])
        .arg(file.join("sub"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot create the output folder"));
    controlmap()
        .args(["export", "--radius-km", "0", "--out"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--radius-km"));
}

/// A dense series: every town of the built-in gazetteer and three made-up neighbours of each
/// (within ~12 km, so many sit across a border or off a coast), held by several factions, some
/// contested, over two months in which a third of them change hands. Every exported polygon
/// must be valid, as on the sparse seeds.
#[test]
fn a_dense_series_across_borders_and_coasts_exports_only_valid_polygons() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let geo = tempfile::tempdir().unwrap();
    for name in ["factions.toml", "regions.geojson", "countries.geojson", "admin1.geojson", "rivers.geojson"] {
        std::fs::copy(root.join("geodata").join(name), geo.path().join(name)).unwrap();
    }
    let real = std::fs::read_to_string(root.join("geodata/places.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(real.as_bytes());
    let mut random = 0x2545_f491_4f6c_dd1du64;
    let mut next = move |n: u64| {
        random ^= random << 13;
        random ^= random >> 7;
        random ^= random << 17;
        random % n
    };
    let holders = ["is", "syrian-gov", "sdf", "iraqi-gov", "syrian-opposition", "turkey"];
    let mut places = String::from("id,name,lon,lat,country,population,aliases,source,note\n");
    let mut ledger = String::from("date,place,holder,event,other,modality,source,note\n");
    for record in reader.records() {
        let record = record.unwrap();
        let (lon, lat): (f64, f64) = (record[2].parse().unwrap(), record[3].parse().unwrap());
        for copy in 0..4 {
            let id = format!("t{}-{copy}", &record[0]);
            let jitter = |r: u64| if copy == 0 { 0.0 } else { (r as f64 - 1000.0) / 8000.0 };
            let (x, y) = (lon + jitter(next(2001)), lat + jitter(next(2001)));
            places.push_str(&format!("{id},Town {id},{x:.5},{y:.5},{},1000,,test,\n", &record[4]));
            let holder = holders[next(holders.len() as u64) as usize];
            let other = holders[next(holders.len() as u64) as usize];
            let event = if next(6) == 0 && other != holder { format!("contested,{other}") } else { "holds,".into() };
            ledger.push_str(&format!("2017-10,{id},{holder},{event},fact,a.txt#1,\n"));
            if next(3) == 0 {
                ledger.push_str(&format!("2017-11,{id},{other},holds,,fact,a.txt#2,\n"));
            }
        }
    }
    std::fs::write(geo.path().join("places.csv"), places).unwrap();
    std::fs::write(geo.path().join("claims.csv"), ledger).unwrap();
    let out = geo.path().join("out");
    controlmap()
        .arg("--geodata")
        .arg(geo.path())
        .arg("--ledger")
        .arg(geo.path().join("claims.csv"))
        .args(["export", "--format", "geojson", "--from", "2017-10", "--to", "2017-11", "--out"])
        .arg(&out)
        .assert()
        .success();
    let mut areas = 0;
    for month in ["2017-10", "2017-11"] {
        let collection = read_json(&out.join(format!("{month}.geojson")));
        for feature in collection["features"].as_array().unwrap() {
            areas += usize::from(feature["properties"]["layer"] == "area");
            check_geometry(&feature["geometry"], &format!("dense {month} {}", feature["id"]));
        }
    }
    assert!(areas >= 2 * holders.len(), "every holder has an area each month ({areas} areas)");
}
