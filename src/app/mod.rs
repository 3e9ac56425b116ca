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
    /// Warnings for control characters in the ledgers' text (shown by `lint`).
    pub control_characters: Vec<Diagnostic>,
}

impl Claims {
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }
}

/// Reads and binds ledgers; with no paths, the built-in seeds ledger. A file that cannot be read
/// at all is an `Err`; bad rows are diagnostics in the result.
pub fn load_claims(world: &World, paths: &[PathBuf]) -> Result<Claims, Diagnostic> {
    let files: Vec<DataFile> = if paths.is_empty() {
        vec![data::builtin_ledger()]
    } else {
        paths.iter().map(|p| read_ledger_file(p)).collect::<Result<_, _>>()?
    };
    let mut result = Claims {
        claims: Vec::new(),
        diagnostics: Vec::new(),
        files: Vec::new(),
        rows: 0,
        control_characters: Vec::new(),
    };
    for file in files {
        let parsed = ledger::parse(&file.name, file.text.as_bytes())?;
        result.rows += parsed.rows.len() + parsed.diagnostics.iter().filter(|d| d.is_error()).count();
        result.control_characters.extend(parsed.rows.iter().flat_map(control_character_warnings));
        let (claims, problems) = places::bind(parsed.rows, &world.gazetteer, &world.factions);
        result.claims.extend(claims);
        result.diagnostics.extend(parsed.diagnostics);
        result.diagnostics.extend(problems);
        result.files.push(file.name);
    }
    result.diagnostics.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    Ok(result)
}

/// A warning for each text field of a ledger row that holds a control character (ESC, BEL, …):
/// such text is escaped when printed, but it is almost always a copy-and-paste accident.
fn control_character_warnings(row: &ledger::LedgerRow) -> Vec<Diagnostic> {
    let sources: Vec<String> = row.sources.iter().map(ToString::to_string).collect();
    let named = [("place", &row.place), ("holder", &row.holder), ("note", &row.note)];
    let fields = named
        .into_iter()
        .map(|(field, text)| (field, text.as_str()))
        .chain(row.other.iter().map(|other| ("other", other.as_str())))
        .chain(sources.iter().map(|source| ("source", source.as_str())))
        .chain(row.extra.iter().map(|(column, text)| (column.as_str(), text.as_str())));
    fields
        .filter(|(_, text)| crate::text::has_control_characters(text))
        .map(|(field, text)| {
            let message = format!("{text:?} holds a control character");
            Diagnostic::warning(&row.origin.file, Some(row.origin.line), Some(field), message)
                .with_hint("remove it: terminals and spreadsheets act on such characters")
        })
        .collect()
}

/// Warnings for control characters in the names, aliases, sources and notes of `places.csv`.
pub fn gazetteer_control_characters(world: &World) -> Vec<Diagnostic> {
    let file = &world.files.get("places.csv").name;
    world
        .gazetteer
        .places
        .iter()
        .flat_map(|place| {
            let fields = [("name", &place.name), ("source", &place.source), ("note", &place.note)];
            let aliases = place.aliases.iter().map(|alias| ("aliases", alias));
            fields.into_iter().chain(aliases).filter(|(_, text)| crate::text::has_control_characters(text)).map(
                |(field, text)| {
                    let message = format!("{text:?} (place {:?}) holds a control character", place.id);
                    Diagnostic::warning(file, None, Some(field), message)
                },
            )
        })
        .collect()
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
