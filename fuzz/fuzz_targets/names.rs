//! Fuzzes name folding and resolution: any text is folded and looked up as a place and a faction.
#![no_main]

use std::sync::OnceLock;

use controlmap::app::{self, World};
use controlmap::places::{Hint, fold};
use libfuzzer_sys::fuzz_target;

fn world() -> &'static World {
    static WORLD: OnceLock<World> = OnceLock::new();
    WORLD.get_or_init(|| app::load_world(None).expect("the built-in geodata loads"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let folded = fold::fold_text(text);
    let tidy = !folded.starts_with(' ') && !folded.ends_with(' ') && !folded.contains("  ");
    assert!(tidy, "folding {text:?} leaves stray spaces: {folded:?}");
    let _ = fold::place_key(text);
    let _ = fold::faction_key(text);
    let world = world();
    let _ = world.gazetteer.resolve(text, &Hint::default());
    let _ = world.factions.resolve(text);
});
