//! The HTML viewer in a real browser: `render` writes out/index.html, and headless Chromium
//! drives it through a harness page (slider, keys, playback, the URL hash, a click on Raqqa,
//! hostile names, and every month it rebuilds from its compact data against `controlmap at`).
//! Without a `chromium` binary the test prints `SKIPPED` and returns;
//! `.ci/run` installs Debian's `chromium` package.

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command as Process, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use serde_json::Value;

fn controlmap() -> Command {
    Command::cargo_bin("controlmap").expect("the binary builds")
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `$CHROMIUM`, or the first of the usual names on the PATH.
fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| ["chromium", "chromium-browser", "google-chrome"].map(|name| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// Runs headless Chromium on a URL with `--dump-dom` and returns the serialised DOM.
fn dump_dom(browser: &Path, url: &str) -> String {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Process::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--allow-file-access-from-files",
            "--window-size=1400,1000",
            "--virtual-time-budget=10000",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stdout.read_to_string(&mut text);
        text
    });
    let deadline = Instant::now() + Duration::from_secs(90);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("chromium did not finish within 90 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    reader.join().unwrap()
}

/// The harness's JSON result from the dumped DOM.
fn result(dom: &str) -> Value {
    let start = dom.find("<pre id=\"result\">").expect("the harness page was dumped") + "<pre id=\"result\">".len();
    let end = start + dom[start..].find("</pre>").unwrap();
    serde_json::from_str(&dom[start..end])
        .unwrap_or_else(|e| panic!("harness result is not JSON ({e}): {}", &dom[start..end]))
}

/// A geodata folder where Raqqa and Islamic State are named like a script injection.
fn hostile_geodata(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    let fixture = root().join("tests/fixtures/geo");
    common::copy_fixture_geodata(dir);
    let factions = std::fs::read_to_string(fixture.join("factions.toml")).unwrap();
    let factions = factions.replace("name = \"Islamic State\"", "name = \"<script>alert(1)</script>\"");
    std::fs::write(dir.join("factions.toml"), factions).unwrap();
    let places = std::fs::read_to_string(fixture.join("places.csv")).unwrap();
    std::fs::write(dir.join("places.csv"), places.replace(",Raqqa,", ",<script>alert(1)</script>,")).unwrap();
    std::fs::write(
        dir.join("claims.csv"),
        "date,place,holder,event,other,source\n2017-10,raqqa,is,contested,sdf,a&b.txt#1\n",
    )
    .unwrap();
}

fn render_seeds(out: &Path) {
    controlmap()
        .args(["render", "--from", "2017-09", "--to", "2017-12", "--size", "800x600", "--format", "png", "--out"])
        .arg(out)
        .assert()
        .success();
}

fn render_hostile(dir: &Path) {
    let geodata = dir.join("geo");
    hostile_geodata(&geodata);
    controlmap()
        .arg("--geodata")
        .arg(&geodata)
        .arg("--ledger")
        .arg(geodata.join("claims.csv"))
        .args(["render", "--size", "800x600", "--format", "svg", "--out"])
        .arg(dir.join("out"))
        .assert()
        .success();
}

/// The whole seeds series (58 months), so the page's checkpoints and steps are all exercised.
fn render_series(out: &Path) {
    controlmap().args(["render", "--size", "400x300", "--format", "svg", "--out"]).arg(out).assert().success();
}

/// Who holds what at the end of `month` by `controlmap at`: SVG id to [holder, status].
fn holders_at(month: &str) -> serde_json::Map<String, Value> {
    let output = controlmap().args(["--json", "at", month]).output().unwrap();
    assert!(output.status.success(), "controlmap at {month}");
    let at: Value = serde_json::from_slice(&output.stdout).unwrap();
    at["places"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let id = p["place_id"].as_str().unwrap();
            assert!(id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'), "a plain id: {id}");
            let prefix = match p["kind"].as_str().unwrap() {
                "town" => "place",
                kind => kind,
            };
            (format!("{prefix}-{id}"), serde_json::json!([p["holder"], p["status"]]))
        })
        .collect()
}

/// Each month the page showed, rebuilt from its checkpoints and per-month changes, against
/// `controlmap at` for that month: the same holder and status for every place the page draws,
/// and every place `at` gives a holder is drawn.
fn check_series(shown: &[Value]) {
    let mut months: Vec<&str> = Vec::new();
    for view in shown {
        let month = view["month"].as_str().unwrap();
        months.push(month);
        let page = view["places"].as_object().unwrap();
        let expected = holders_at(month);
        assert!(!page.is_empty(), "{month}: the page draws places");
        for (id, state) in page {
            assert_eq!(Some(state), expected.get(id), "{month}: {id} in the page against `controlmap at`");
        }
        for (id, state) in &expected {
            if !state[0].is_null() {
                assert!(page.contains_key(id), "{month}: {id} is held by {} but not drawn", state[0]);
            }
        }
    }
    let distinct: std::collections::BTreeSet<&str> = months.iter().copied().collect();
    assert!(distinct.len() >= 10, "the harness visited many months: {months:?}");
}

const HARNESS: &str = include_str!("site_harness.html");

#[test]
fn the_viewer_works_in_a_browser() {
    let Some(browser) = chromium() else {
        println!("SKIPPED: chromium not found (install Debian's chromium package, or set CHROMIUM)");
        eprintln!("SKIPPED: chromium not found (install Debian's chromium package, or set CHROMIUM)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    render_seeds(&dir.path().join("seeds"));
    render_hostile(&dir.path().join("hostile"));
    render_series(&dir.path().join("series"));
    let harness = dir.path().join("harness.html");
    std::fs::write(&harness, HARNESS).unwrap();
    let dom = dump_dom(&browser, &format!("file://{}", harness.display()));
    let r = result(&dom);
    assert!(r.get("error").is_none(), "the harness failed: {}", r["error"]);
    let text = |path: &str| r.pointer(path).and_then(Value::as_str).unwrap_or_default().to_string();

    assert_eq!(text("/start/title"), "September 2017", "no hash: the first month");
    assert_eq!(text("/start/image"), "2017-09.png");

    assert_eq!(text("/slid/title"), "November 2017", "the slider moves the month: {r}");
    assert_eq!(text("/slid/hash"), "#2017-11", "the hash follows the slider");
    assert!(text("/slid/doc").starts_with("November 2017"), "the document title follows");
    assert_eq!(text("/slid/image"), "2017-11.png");

    assert_eq!(r["raqqa"]["pressed"], "true");
    assert!(r["raqqa"]["offset"].as_f64().unwrap() < 1.5, "the Raqqa button sits on its marker: {}", r["raqqa"]);
    assert_eq!(
        r["onTop"],
        serde_json::json!(["place-mayadin", "place-raqqa"]),
        "a click on a town's marker reaches the town, not an area's target near it"
    );
    let panel = text("/raqqa/panel");
    assert!(panel.contains("Raqqa"), "{panel}");
    assert!(panel.contains("Syrian Democratic Forces"), "the SDF holds Raqqa in November 2017: {panel}");
    assert!(panel.contains("000_bd356353d0e3943c.txt#1"), "the panel cites the sources: {panel}");
    assert!(panel.contains("supports"), "claims carry their role: {panel}");

    assert_eq!(text("/key/title"), "December 2017", "→ steps a month");
    assert_eq!(text("/key/hash"), "#2017-12");
    assert_eq!(text("/key/place"), "Raqqa", "the panel stays on Raqqa");
    assert_eq!(text("/home/title"), "September 2017", "Home goes to the first month");
    assert!(text("/home/panel").contains("Islamic State"), "Raqqa in September 2017: {}", text("/home/panel"));
    assert_ne!(text("/played/title"), "September 2017", "playing advances the months");
    assert_eq!(text("/hashchange/title"), "October 2017", "a hash change is honoured");

    assert_eq!(text("/direct/title"), "December 2017", "index.html#2017-12 opens on December");
    assert_eq!(text("/direct/slider"), "3");

    let hostile = text("/hostile/panel");
    assert!(hostile.contains("<script>alert(1)</script>"), "hostile names appear as text: {hostile}");
    assert!(text("/hostile/label").contains("<script>alert(1)</script>"), "and in the button's label");
    assert!(hostile.contains("a&b.txt#1"));
    assert_eq!(r["hostile"]["scripts"], 2, "no injected script elements");
    assert_eq!(r["hostile"]["alerted"], false);

    check_series(r["series"].as_array().expect("the series was walked"));
}

#[test]
fn no_html_leaves_the_page_out() {
    let dir = tempfile::tempdir().unwrap();
    controlmap()
        .args(["render", "--from", "2017-10", "--to", "2017-10", "--size", "400x300", "--format", "svg", "--no-html"])
        .arg("--out")
        .arg(dir.path())
        .assert()
        .success();
    assert!(dir.path().join("2017-10.svg").is_file());
    assert!(!dir.path().join("index.html").exists());
}

#[test]
fn the_page_is_self_contained_and_deterministic() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    for dir in [&a, &b] {
        controlmap()
            .args(["render", "--from", "2017-10", "--to", "2017-11", "--size", "400x300", "--format", "svg"])
            .arg("--out")
            .arg(dir.path())
            .assert()
            .success();
    }
    let page = std::fs::read_to_string(a.path().join("index.html")).unwrap();
    assert!(page == std::fs::read_to_string(b.path().join("index.html")).unwrap(), "same input, same bytes");
    assert!(page.contains("src=\"2017-10.svg\""), "only SVG was rendered, so the page shows SVG frames");
    for external in ["http://", "https://", "<link", "src=\"/", "@import"] {
        assert!(!page.contains(external), "the page loads nothing from elsewhere ({external})");
    }
}
