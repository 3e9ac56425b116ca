//! Places: the gazetteer, factions and name folding, and binding ledger rows to resolved places and factions.

pub mod countries;
pub mod factions;
pub mod fold;
pub mod gazetteer;
pub mod places_csv;
pub mod resolve;
pub mod variants;
pub mod world;

pub use world::world;

pub use factions::{Faction, Factions};
pub use gazetteer::{Gazetteer, Hint, Place, RegionName};
pub use resolve::{Candidate, Resolution};

use crate::fxhash::SpreadMap;
use crate::ingest::{LedgerRow, Point};
use crate::model::{Claim, Diagnostic, Origin, PlaceKey};
use crate::name::{Interner, Name};

/// Resolves the place and factions of every row; rows that do not resolve become error
/// diagnostics, and the binder's warnings (made-up factions, far-off coordinates) follow them.
pub fn bind(rows: Vec<LedgerRow>, gazetteer: &mut Gazetteer, factions: &mut Factions) -> (Vec<Claim>, Vec<Diagnostic>) {
    let mut binder = Binder::new(gazetteer, factions);
    let mut claims = Vec::with_capacity(rows.len());
    let mut diagnostics = Vec::new();
    for row in rows {
        match binder.bind(row) {
            Ok(claim) => claims.push(claim),
            Err(diagnostic) => diagnostics.push(diagnostic),
        }
    }
    diagnostics.append(&mut binder.take_warnings());
    (claims, diagnostics)
}

type Problem = (&'static str, (String, String));
type Resolved = Result<PlaceKey, (String, String)>;
type Side = Result<Name, (String, String)>;

/// Binds rows one at a time (as a ledger streams in), resolving each distinct place (and point)
/// and faction spelling once and sharing one [`Name`] per distinct id across all claims. World
/// places the rows name are adopted into the gazetteer, places given by coordinates are pinned
/// (see [`pin`]), and holders that `factions.toml` lacks get a made-up faction with a warning.
pub struct Binder<'w> {
    gazetteer: &'w mut Gazetteer,
    factions: &'w mut Factions,
    places: SpreadMap<Name, Resolved>,
    pinned: SpreadMap<(Name, (i64, i64)), Resolved>,
    sides: SpreadMap<Name, Side>,
    /// The same answers found by where a row's shared name lives (one word to hash, no text to
    /// compare). Each entry keeps its name alive, so no other text can come to live at that address.
    places_at: SpreadMap<usize, (Name, Resolved)>,
    sides_at: SpreadMap<usize, (Name, Side)>,
    names: Interner,
    warnings: Vec<Diagnostic>,
}

impl<'w> Binder<'w> {
    pub fn new(gazetteer: &'w mut Gazetteer, factions: &'w mut Factions) -> Binder<'w> {
        Binder {
            gazetteer,
            factions,
            places: SpreadMap::default(),
            pinned: SpreadMap::default(),
            sides: SpreadMap::default(),
            places_at: SpreadMap::default(),
            sides_at: SpreadMap::default(),
            names: Interner::default(),
            warnings: Vec::new(),
        }
    }

    /// The warnings found so far (made-up factions, coordinates far from the named place).
    pub fn take_warnings(&mut self) -> Vec<Diagnostic> {
        std::mem::take(&mut self.warnings)
    }

    /// The row as a claim, or an error naming its file, line and field.
    pub fn bind(&mut self, row: LedgerRow) -> Result<Claim, Diagnostic> {
        let place = self.place(&row);
        match place
            .map_err(|e| ("place", e))
            .and_then(|key| self.sides(&row).map(|(holder, other)| (key, holder, other)))
        {
            Ok((key, holder, other)) => Ok(claim(row, key, holder, other)),
            Err((field, (message, hint))) => {
                let diagnostic = Diagnostic::error(&row.origin.file, Some(row.origin.line), Some(field), message);
                Err(if hint.is_empty() { diagnostic } else { diagnostic.with_hint(hint) })
            }
        }
    }

    /// What the place as written resolves to (its point, when the row gives one).
    fn place(&mut self, row: &LedgerRow) -> Resolved {
        let text = row.place.as_str();
        if let Some(point) = row.point {
            let at = ((point.lat * 1e5).round() as i64, (point.lon * 1e5).round() as i64);
            let written = self.names.name(text);
            if let Some(known) = self.pinned.get(&(written.clone(), at)) {
                return known.clone();
            }
            let resolved = pin(self.gazetteer, text, point, &row.origin, &mut self.warnings);
            let resolved = self.adopted(resolved, text);
            self.pinned.insert((written, at), resolved.clone());
            return resolved;
        }
        if let Some((_, known)) = self.places_at.get(&row.place.address()) {
            return known.clone();
        }
        let resolved = match self.places.get(text) {
            Some(known) => known.clone(),
            None => {
                let resolved = resolve_place(self.gazetteer, text);
                let resolved = self.adopted(resolved, text);
                self.places.insert(self.names.name(text), resolved.clone());
                resolved
            }
        };
        self.places_at.insert(row.place.address(), (row.place.clone(), resolved.clone()));
        resolved
    }

    /// Adopts a resolved world place into the gazetteer and shares its id.
    fn adopted(&mut self, resolved: Resolved, written: &str) -> Resolved {
        resolved.map(|key| {
            self.gazetteer.adopt(&key, Some(written));
            PlaceKey { id: self.names.name(&key.id), ..key }
        })
    }

    /// A faction id for a holder as written; one that no factions table knows gets a made-up
    /// faction and a warning (once per spelling).
    fn faction(&mut self, written: &Name, field: &'static str, origin: &Origin) -> Side {
        if let Some((_, known)) = self.sides_at.get(&written.address()) {
            return known.clone();
        }
        let resolved = self.faction_by_text(written, field, origin);
        self.sides_at.insert(written.address(), (written.clone(), resolved.clone()));
        resolved
    }

    fn faction_by_text(&mut self, text: &str, field: &'static str, origin: &Origin) -> Side {
        if let Some(known) = self.sides.get(text) {
            return known.clone();
        }
        let id = match self.factions.resolve(text) {
            Some(f) => f.id.clone(),
            None => {
                let id = self.factions.add_automatic(text);
                let color = self.factions.get(&id).map(|f| f.color.clone()).unwrap_or_default();
                let message = format!(
                    "faction {text:?} is not in factions.toml: drawn as {id:?} in {color}; name and colour it in a factions file (--factions FILE, see README \"Maps of any conflict\")"
                );
                self.warnings.push(Diagnostic::warning(&origin.file, Some(origin.line), Some(field), message));
                id
            }
        };
        let resolved = Ok(self.names.name(&id));
        self.sides.insert(self.names.name(text), resolved.clone());
        resolved
    }

    /// The row's holder and other side as faction ids.
    fn sides(&mut self, row: &LedgerRow) -> Result<(Name, Option<Name>), Problem> {
        let holder = self.faction(&row.holder, "holder", &row.origin).map_err(|e| ("holder", e))?;
        let other =
            row.other.as_ref().map(|o| self.faction(o, "other", &row.origin)).transpose().map_err(|e| ("other", e))?;
        if other.as_ref() == Some(&holder) {
            return Err(("other", (format!("the other side is the holder itself ({holder})"), String::new())));
        }
        Ok((holder, other))
    }
}

/// A gazetteer place of this name within this distance of a row's point is that place.
const PIN_MATCH_KM: f64 = 5.0;
/// ... or within this distance for a city of [`CITY_POPULATION`] or more (a city is wide).
const PIN_MATCH_CITY_KM: f64 = 15.0;
const CITY_POPULATION: u64 = 100_000;
/// A point this far from the one place its name resolves to is probably a mistake: warned.
const PIN_WARN_KM: f64 = 50.0;

/// Resolves a row that gives coordinates: the gazetteer place of that name near the point if
/// there is one, otherwise a new place of that name at the point (two rows with one name and
/// points far apart are two places).
fn pin(
    gazetteer: &mut Gazetteer,
    written: &str,
    point: Point,
    origin: &Origin,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<PlaceKey, (String, String)> {
    let nearby = gazetteer.nearest_named(written, point.lat, point.lon);
    if let Some((candidate, km)) = &nearby {
        let radius = if candidate.population >= CITY_POPULATION { PIN_MATCH_CITY_KM } else { PIN_MATCH_KM };
        if *km <= radius {
            return Ok(candidate.key.clone());
        }
    }
    if let Resolution::Found { key, .. } = gazetteer.resolve(written, &Hint::default())
        && let Some(c) = nearby.filter(|(c, km)| c.key == key && *km > PIN_WARN_KM).map(|(c, _)| c)
    {
        let km = world::haversine_km(point.lat, point.lon, c.lat, c.lon);
        let message = format!(
            "lat/lon ({:.4}, {:.4}) is {km:.0} km from {} ({}, {:.4}, {:.4}) in the gazetteer; a new place is made at the given point",
            point.lat, point.lon, c.name, c.country, c.lat, c.lon
        );
        diagnostics.push(Diagnostic::warning(&origin.file, Some(origin.line), Some("lat"), message));
    }
    Ok(gazetteer.add_pinned(written, point.lat, point.lon, origin))
}

/// Moves a row's fields into a claim (the place as written is the row's shared name).
fn claim(mut row: LedgerRow, place: PlaceKey, holder: Name, other: Option<Name>) -> Claim {
    // A list collected one by one keeps room for four; a million claims keep only what they cite.
    row.sources.shrink_to_fit();
    Claim {
        date: row.date,
        place,
        place_text: row.place,
        holder,
        event: row.event,
        other,
        modality: row.modality,
        sources: row.sources,
        note: row.note,
        extra: row.extra,
        origin: row.origin,
    }
}

/// A place name to its key, or a message and a hint.
pub fn resolve_place(gazetteer: &Gazetteer, name: &str) -> Result<PlaceKey, (String, String)> {
    match gazetteer.resolve(name, &Hint::default()) {
        Resolution::Found { key, .. } => Ok(key),
        Resolution::Ambiguous { candidates } => {
            let list: Vec<String> = candidates.iter().map(ToString::to_string).collect();
            Err((
                format!("place {name:?} is ambiguous: {}", list.join("; ")),
                "write one of the qualified names above, or give the row lat and lon".into(),
            ))
        }
        Resolution::NotFound { suggestions } => Err((
            format!("place {name:?} is not in the gazetteer"),
            format!(
                "{}; a qualifier (a country code or a first-level region: \"{name}, CC\", \"{name}, REGION\") or lat and lon columns place it",
                did_you_mean(&suggestions, "controlmap places QUERY searches it")
            ),
        )),
        Resolution::UnknownQualifier { qualifier } => Err((
            format!("place {name:?}: {qualifier:?} is neither a country code (UA) nor a first-level region"),
            "controlmap regions QUERY lists regions; or give the row lat and lon".into(),
        )),
    }
}

/// A faction name to its id, or a message and a hint.
pub fn resolve_faction(factions: &Factions, name: &str) -> Result<String, (String, String)> {
    factions.resolve(name).map(|f| f.id.clone()).ok_or_else(|| {
        let known: Vec<&str> = factions.list.iter().map(|f| f.id.as_str()).collect();
        (
            format!("faction {name:?} is not in factions.toml"),
            did_you_mean(&factions.suggest(name), &format!("known factions: {}", known.join(", "))),
        )
    })
}

fn did_you_mean(suggestions: &[String], otherwise: &str) -> String {
    match suggestions {
        [] => otherwise.to_string(),
        [one] => format!("did you mean {one}?"),
        many => format!("did you mean one of: {}?", many.join(", ")),
    }
}
