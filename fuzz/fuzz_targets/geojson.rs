//! Fuzzes the GeoJSON loader: any text as a feature collection, then as every layer of a geodata folder.
#![no_main]

use controlmap::geometry::{geojson, layers};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if geojson::parse("fuzz.geojson", text).is_err() {
        return;
    }
    let source = || layers::Source { name: "fuzz.geojson", text };
    if let Ok((loaded, _warnings)) = layers::load(source(), source(), source(), source()) {
        let _ = layers::validate(&loaded, "c.geojson", "a.geojson", "r.geojson");
    }
});
