//! Fuzzes the ledger reader: any bytes are read as a ledger and its rows bound to the built-in geodata.
#![no_main]

use std::sync::OnceLock;

use controlmap::app::{self, World};
use controlmap::ingest::ledger;
use libfuzzer_sys::fuzz_target;

fn world() -> &'static World {
    static WORLD: OnceLock<World> = OnceLock::new();
    WORLD.get_or_init(|| app::load_world(None).expect("the built-in geodata loads"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(parsed) = ledger::parse("fuzz.csv", data) else { return };
    for row in &parsed.rows {
        assert!(row.origin.line >= 2, "a row on line {} (the header is line 1)", row.origin.line);
    }
    let world = world();
    let (mut gazetteer, mut factions) = (world.gazetteer.clone(), world.factions.clone());
    let (claims, _problems) = controlmap::places::bind(parsed.rows, &mut gazetteer, &mut factions);
    let _ = controlmap::timeline::build(claims);
});
