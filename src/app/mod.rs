//! The application layer: the only place that knows the order of the stages. It loads the
//! geodata (places, factions, layers, joins) and the ledgers, and builds the timeline.

pub mod data;

use std::path::{Path, PathBuf};

use crate::geometry::projection::BBox;
use crate::geometry::world::Borders;
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
    factions.check_stand_ins(&factions_file.name)?;
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
    /// Warnings for control characters in the ledgers' text (shown by `lint`).
    pub control_characters: Vec<Diagnostic>,
}

impl Claims {
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }
}

/// Reads and binds ledgers; with no paths, the built-in seeds ledger. A file that cannot be read
/// at all (or passes a limit) is an `Err`; bad rows are diagnostics in the result. Ledgers stream:
/// each row is bound as it is read, so memory holds the claims, not the file.
pub fn load_claims(world: &mut World, paths: &[PathBuf], limits: Limits) -> Result<Claims, Diagnostic> {
    let mut result = Claims {
        claims: Vec::new(),
        diagnostics: Vec::new(),
        files: Vec::new(),
        rows: 0,
        control_characters: Vec::new(),
    };
    let mut binder = places::Binder::new(&mut world.gazetteer, &mut world.factions);
    let mut take = |row: Result<LedgerRow, Diagnostic>| {
        if let Ok(row) = &row {
            result.control_characters.extend(control_character_warnings(row));
        }
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
    result.diagnostics.append(&mut binder.take_warnings());
    result.files = names;
    result.claims.shrink_to_fit();
    result.diagnostics.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    Ok(result)
}

/// A warning for each text field of a ledger row that holds a control character (ESC, BEL, …):
/// such text is escaped when printed, but it is almost always a copy-and-paste accident.
fn control_character_warnings(row: &ledger::LedgerRow) -> Vec<Diagnostic> {
    // Nearly every row has none: found out with one pass over its texts, before any list is made.
    let has = crate::text::has_control_characters;
    let texts = [row.place.as_str(), row.holder.as_str(), row.note.as_str(), row.other.as_deref().unwrap_or("")];
    if !texts.into_iter().any(has)
        && !row.sources.iter().any(|s| has(&s.article))
        && !row.extra.iter().any(|(_, text)| has(text))
    {
        return Vec::new();
    }
    // Only a source whose document holds one is written out (its `#N` cannot): no text per row.
    let sources: Vec<String> = row
        .sources
        .iter()
        .filter(|s| crate::text::has_control_characters(&s.article))
        .map(ToString::to_string)
        .collect();
    let named = [("place", row.place.as_str()), ("holder", row.holder.as_str()), ("note", row.note.as_str())];
    let fields = named
        .into_iter()
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

impl Claims {
    /// The timeline of these claims; the claims move into it (only the diagnostics stay).
    pub fn timeline(&mut self) -> Timeline {
        timeline::build(std::mem::take(&mut self.claims))
    }
}

/// The box a series shows: `--bbox`, else the tracked towns and regions with a margin.
pub fn view_box(world: &World, timeline: &Timeline, bbox: Option<BBox>) -> Option<BBox> {
    bbox.or_else(|| geometry::join::tracked_box(timeline.places(), &world.gazetteer, &world.layers))
}

/// How many of the largest towns of the mapped area are made available for orientation.
const CONTEXT_TOWNS: usize = 80;
const CONTEXT_MIN_POPULATION: u64 = 100_000;

/// Chooses the base map of a series. The geodata folder's own regions and rivers when its
/// countries cover the view (the detailed layer: Syria and Iraq built in), with the world's
/// countries in the recognised view unless `borders` asks for the folder's own (de facto) ones;
/// otherwise the built-in world layers cut to the view, with the area's largest towns for
/// orientation. Returns whether world layers were used.
pub fn fit_geography(
    world: &mut World,
    view: Option<BBox>,
    borders: Borders,
    builtin: bool,
) -> Result<bool, Diagnostic> {
    let Some(view) = view else { return Ok(false) };
    let covered = world.layers.countries_box().is_some_and(|data| {
        let data = data.padded(0.0, 0.0);
        view.lon0 >= data.lon0 - 1.0
            && view.lon1 <= data.lon1 + 1.0
            && view.lat0 >= data.lat0 - 1.0
            && view.lat1 <= data.lat1 + 1.0
    });
    if covered && (borders == Borders::DeFacto || !builtin) {
        return Ok(false);
    }
    let wide = view.padded(0.6, 12.0);
    let base = geometry::world::layers(&wide, borders)?;
    if covered {
        world.layers.countries = base.countries;
        return Ok(true);
    }
    world.layers = Layers { regions: std::mem::take(&mut world.layers.regions), ..base };
    let context = places::world().in_box(view.lon0, view.lat0, view.lon1, view.lat1, CONTEXT_MIN_POPULATION);
    for place in context.iter().take(CONTEXT_TOWNS) {
        let town = places::resolve::town_from_world(place);
        if world.gazetteer.town(&town.id).is_none() {
            world.gazetteer.add_town(town);
        }
    }
    Ok(true)
}
