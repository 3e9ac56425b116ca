//! Fuzzes the article reader and the extractor: any bytes as an article, split into sentences and
//! read for claims with the built-in geodata and lexicons (one extractor, reused as `extract`
//! reuses it across articles).
#![no_main]

use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};

use controlmap::app::{self, World};
use controlmap::extract::{Extractor, Options, stream::Input};
use controlmap::ingest::article;
use libfuzzer_sys::fuzz_target;

fn world() -> &'static World {
    static WORLD: OnceLock<World> = OnceLock::new();
    WORLD.get_or_init(|| app::load_world(None).expect("the built-in geodata loads"))
}

fn extractor() -> &'static Mutex<Extractor<'static>> {
    static EXTRACTOR: OnceLock<Mutex<Extractor<'static>>> = OnceLock::new();
    EXTRACTOR.get_or_init(|| {
        let world = world();
        let extractor =
            Extractor::new(&world.gazetteer, &world.factions, &world.files.languages).expect("the lexicons compile");
        Mutex::new(extractor)
    })
}

fuzz_target!(|data: &[u8]| {
    if let Ok(parsed) = article::parse("fuzz.txt", data) {
        for sentence in article::sentences(&parsed) {
            assert!(sentence.start <= sentence.end && sentence.end <= parsed.text.len());
        }
    }
    let mut extractor = extractor().lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let input = Input::File(PathBuf::from("fuzz.txt"));
    let options = Options { date: "2017-10".parse().ok(), ..Options::default() };
    let mut reader = data;
    let _ = extractor.article(&input, &mut reader, &options, &mut |_candidate| Ok(()));
});
