//! The application layer: the only place that knows the order of the stages. It loads the
//! geodata (places, factions, layers, joins) and the ledgers, and builds the timeline.

pub mod data;

use std::path::{Path, PathBuf};

use crate::geometry::{self, Layers};
use crate::ingest::limits::Limits;
use crate::ingest::{LedgerRow, ledger};
use crate::model::{Claim, Diagnostic};
use crate::places::{self, Factions, Gazetteer, gazetteer};
use crate::timeline::{self, Timeline};

pub use data::{DataFile, GeoFiles};

/// The geography and the factions a ledger is read against.
pub struct World {
    pub factions: Factions,
    pub gazetteer: Gazetteer,
    pub layers: Layers,
    pub files: GeoFiles,
    pub warnings: Vec<Diagnostic>,
}

/// Loads a geodata folder (or the built-in one): parses every file, checks it, and joins towns to governorates.
pub fn load_world(geodata: Option<&Path>) -> Result<World, Diagnostic> {
    let files = match geodata {
        Some(dir) => GeoFiles::from_dir(dir)?,
        None => GeoFiles::builtin(),
    };
    let source = |name: &str| {
        let file = files.get(name);
        geometry::layers::Source { name: &file.name, text: &file.text }
    };
    let factions_file = files.get("factions.toml");
    let factions = Factions::parse(&factions_file.name, &factions_file.text)?;
    let places_file = files.get("places.csv");
    let mut towns = gazetteer::parse_places(&places_file.name, &places_file.text)?;
    let (layers, mut warnings) = geometry::layers::load(
        source("countries.geojson"),
        source("admin1.geojson"),
        source("rivers.geojson"),
        source("regions.geojson"),
    )?;
    if geodata.is_some() {
        let name = |f: &str| files.get(f).name.clone();
        warnings.extend(geometry::layers::validate(
            &layers,
            &name("countries.geojson"),
            &name("admin1.geojson"),
            &name("regions.geojson"),
        ));
    }
    let names: Vec<String> = layers.admin1.iter().map(|a| a.name.clone()).collect();
    let countries: Vec<String> = layers.admin1.iter().map(|a| a.country.clone()).collect();
    geometry::join::governorates(&mut towns, layers.admin1.iter().map(|a| &a.shape).collect(), &names, &countries);
    let regions = layers.regions.iter().map(|r| r.names.clone()).collect();
    let gazetteer = Gazetteer::new(towns, regions);
    Ok(World { factions, gazetteer, layers, files, warnings })
}

/// Claims read from one or more ledgers, with every problem found on the way.
pub struct Claims {
    pub claims: Vec<Claim>,
    pub diagnostics: Vec<Diagnostic>,
    /// The ledger files read, as messages name them.
    pub files: Vec<String>,
    /// Rows read, good or bad.
    pub rows: usize,
}

impl Claims {
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }
}

/// Reads and binds ledgers; with no paths, the built-in seeds ledger. A file that cannot be read
/// at all (or passes a limit) is an `Err`; bad rows are diagnostics in the result. Ledgers stream:
/// each row is bound as it is read, so memory holds the claims, not the file.
pub fn load_claims(world: &World, paths: &[PathBuf], limits: Limits) -> Result<Claims, Diagnostic> {
    let mut result = Claims { claims: Vec::new(), diagnostics: Vec::new(), files: Vec::new(), rows: 0 };
    let mut binder = places::Binder::new(&world.gazetteer, &world.factions);
    let mut take = |row: Result<LedgerRow, Diagnostic>| {
        let bound = row.and_then(|row| binder.bind(row));
        result.rows += usize::from(bound.as_ref().map_or_else(Diagnostic::is_error, |_| true));
        match bound {
            Ok(claim) => result.claims.push(claim),
            Err(diagnostic) => result.diagnostics.push(diagnostic),
        }
    };
    let mut names = Vec::new();
    if paths.is_empty() {
        let seeds = data::builtin_ledger();
        ledger::read(&seeds.name, seeds.text.as_bytes(), limits, &mut take)?;
        names.push(seeds.name);
    }
    for path in paths {
        let (name, input) = data::open_ledger(path, limits)?;
        ledger::read(&name, input, limits, &mut take)?;
        names.push(name);
    }
    result.files = names;
    result.claims.shrink_to_fit();
    result.diagnostics.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    Ok(result)
}

impl Claims {
    /// The timeline of these claims; the claims move into it (only the diagnostics stay).
    pub fn timeline(&mut self) -> Timeline {
        timeline::build(std::mem::take(&mut self.claims))
    }
}
