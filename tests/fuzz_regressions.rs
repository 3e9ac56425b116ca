//! Inputs the fuzz targets (`fuzz/`) flagged, kept as regression tests: each runs the same
//! library calls as its target and checks the outcome.

use controlmap::app;
use controlmap::ingest::ledger;

/// The ledger target's path: parse, bind to the built-in geodata, build the timeline.
fn read_ledger(bytes: &[u8]) -> Result<ledger::Ledger, String> {
    let parsed = ledger::parse("fuzz.csv", bytes).map_err(|d| d.to_string())?;
    let mut world = app::load_world(None).expect("the built-in geodata loads");
    let (claims, _) = controlmap::places::bind(parsed.rows.clone(), &mut world.gazetteer, &mut world.factions);
    let _ = controlmap::timeline::build(claims);
    Ok(parsed)
}

/// Flagged as a timeout (over 10 s) while the machine was loaded; alone it takes milliseconds. A
/// header whose last columns are free text and no rows: a ledger without claims.
#[test]
fn ledger_timeout_a_header_of_free_text_columns() {
    let input = b"date,place,holder,event,other,moddore the 29 Juality2014-06 2014 proclamatice,notone#3,before the 29 Jualit14 proclamatice,notone#3,before the 29 y2014-06 2014 plmarcoatice,no~one";
    let started = std::time::Instant::now();
    let parsed = read_ledger(input).unwrap();
    assert!(parsed.rows.is_empty());
    assert_eq!(parsed.diagnostics[0].message, "the ledger has a header but no claims");
    assert!(started.elapsed().as_secs() < 60, "took {:?}", started.elapsed());
}
