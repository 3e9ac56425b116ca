//! Helpers shared by the whole-binary tests.

use std::path::{Path, PathBuf};

use controlmap::app::World;
use controlmap::extract::stream::Input;
use controlmap::extract::{Candidate, Extractor, LangChoice, Options};

/// Copies the small fixture geodata folder (`tests/fixtures/geo`) into `to`, which must exist.
#[allow(dead_code)] // not every test crate that includes this module copies geodata
pub fn copy_fixture_geodata(to: &Path) {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/geo");
    for entry in std::fs::read_dir(fixture).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

/// The claims `extract` makes from one article (`text`, with its own date marker) read in
/// `lang`, with the built-in lexicons and the default confidence threshold.
#[allow(dead_code)] // not every test crate that includes this module extracts
pub fn extract_claims(world: &World, text: &str, lang: &str) -> Vec<Candidate> {
    extract_claims_dated(world, text, lang, None)
}

/// [`extract_claims`] for an article dated `date` (`--date`) when it has no marker of its own.
#[allow(dead_code)] // not every test crate that includes this module extracts
pub fn extract_claims_dated(world: &World, text: &str, lang: &str, date: Option<&str>) -> Vec<Candidate> {
    let mut extractor =
        Extractor::new(&world.gazetteer, &world.factions, &world.files.languages).expect("the lexicons compile");
    let options = Options {
        date: date.map(|d| d.parse().expect("a test date")),
        lang: LangChoice::Code(lang.into()),
        min_confidence: 0.3,
        date_is_the_articles: false,
        debug: false,
    };
    let mut out: Vec<Candidate> = Vec::new();
    extractor
        .article(&Input::File(PathBuf::from("t.txt")), &mut text.as_bytes(), &options, &mut |c| {
            out.push(c.clone());
            Ok(())
        })
        .expect("the test article reads");
    out
}
