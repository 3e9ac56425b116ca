//! Helpers shared by the whole-binary tests.

use std::path::Path;

/// Copies the small fixture geodata folder (`tests/fixtures/geo`) into `to`, which must exist.
pub fn copy_fixture_geodata(to: &Path) {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/geo");
    for entry in std::fs::read_dir(fixture).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}
