//! Fuzzes the article reader and the extractor: any bytes as an article, split into sentences and
//! read for claims with the built-in geodata and lexicons.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use controlmap::app::{self, World};
use controlmap::extract::{Extractor, Options, stream::Input};
use controlmap::ingest::article;
use libfuzzer_sys::fuzz_target;

fn world() -> &'static World {
    static WORLD: OnceLock<World> = OnceLock::new();
    WORLD.get_or_init(|| app::load_world(None).expect("the built-in geodata loads"))
}

fuzz_target!(|data: &[u8]| {
    if let Ok(parsed) = article::parse("fuzz.txt", data) {
        let _ = article::sentences(&parsed);
    }
    let world = world();
    let mut extractor =
        Extractor::new(&world.gazetteer, &world.factions, &world.files.languages).expect("the lexicons compile");
    let input = Input::File(PathBuf::from("fuzz.txt"));
    let options = Options { date: "2017-10".parse().ok(), ..Options::default() };
    let mut reader = data;
    let _ = extractor.article(&input, &mut reader, &options, &mut |_candidate| Ok(()));
});
