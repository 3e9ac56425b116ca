//! Fuzzes the `places.csv` loader: any text as a gazetteer, whose names must then resolve.
#![no_main]

use controlmap::places::{Gazetteer, Hint, gazetteer};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(towns) = gazetteer::parse_places("places.csv", text) else { return };
    let names: Vec<String> = towns.iter().take(8).map(|t| t.name.clone()).collect();
    let gazetteer = Gazetteer::new(towns, Vec::new());
    for name in names {
        let _ = gazetteer.resolve(&name, &Hint::default());
    }
});
