//! The application layer: the only place that knows the order of the stages. It loads the
//! geodata (places, factions, layers, joins) and the ledgers, and builds the timeline.

pub mod data;

use std::path::{Path, PathBuf};

use crate::geometry::{self, Layers};
use crate::ingest::ledger;
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
    let gazetteer = Gazetteer::new(towns, regions).with_world();
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
/// at all is an `Err`; bad rows are diagnostics in the result.
pub fn load_claims(world: &mut World, paths: &[PathBuf]) -> Result<Claims, Diagnostic> {
    let files: Vec<DataFile> = if paths.is_empty() {
        vec![data::builtin_ledger()]
    } else {
        paths.iter().map(|p| read_ledger_file(p)).collect::<Result<_, _>>()?
    };
    let mut result = Claims { claims: Vec::new(), diagnostics: Vec::new(), files: Vec::new(), rows: 0 };
    for file in files {
        let parsed = ledger::parse(&file.name, file.text.as_bytes())?;
        result.rows += parsed.rows.len() + parsed.diagnostics.iter().filter(|d| d.is_error()).count();
        let (claims, problems) = places::bind(parsed.rows, &mut world.gazetteer, &mut world.factions);
        result.claims.extend(claims);
        result.diagnostics.extend(parsed.diagnostics);
        result.diagnostics.extend(problems);
        result.files.push(file.name);
    }
    result.diagnostics.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    Ok(result)
}

/// Reads a ledger from a path; `-` is standard input.
fn read_ledger_file(path: &Path) -> Result<DataFile, Diagnostic> {
    let (name, bytes) = if path == Path::new("-") {
        ("<stdin>".to_string(), data::read_stdin()?)
    } else {
        (path.display().to_string(), data::read_bytes(path)?)
    };
    // Ledger bytes are checked (UTF-8, emptiness) by the ledger parser, which names the line.
    match String::from_utf8(bytes) {
        Ok(text) => Ok(DataFile { name, text: text.into() }),
        Err(e) => Err(ledger::parse(&name, e.as_bytes())
            .err()
            .unwrap_or_else(|| Diagnostic::error(&name, None, None, "is not UTF-8 text"))),
    }
}

impl Claims {
    /// The timeline of these claims; the claims move into it (only the diagnostics stay).
    pub fn timeline(&mut self) -> Timeline {
        timeline::build(std::mem::take(&mut self.claims))
    }
}
