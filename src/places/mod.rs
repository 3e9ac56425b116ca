//! Places: the gazetteer, factions and name folding, and binding ledger rows to resolved places and factions.

pub mod factions;
pub mod fold;
pub mod gazetteer;
pub mod places_csv;
pub mod resolve;
pub mod world;

pub use world::world;

use std::collections::HashMap;

pub use factions::{Faction, Factions};
pub use gazetteer::{Gazetteer, Hint, Place, RegionName};
pub use resolve::{Candidate, Resolution};

use crate::ingest::{LedgerRow, Point};
use crate::model::{Claim, Diagnostic, Origin, PlaceKey};

/// Resolves the place and factions of every row; rows that do not resolve become error
/// diagnostics. Each distinct place name (and point) is resolved once. World places the rows
/// name are adopted into the gazetteer, places given by coordinates are pinned (see [`pin`]),
/// and holders that `factions.toml` lacks get a made-up faction with a warning.
pub fn bind(rows: Vec<LedgerRow>, gazetteer: &mut Gazetteer, factions: &mut Factions) -> (Vec<Claim>, Vec<Diagnostic>) {
    let mut claims = Vec::with_capacity(rows.len());
    let mut diagnostics = Vec::new();
    let mut resolved: HashMap<RowPlace, Result<PlaceKey, (String, String)>> = HashMap::new();
    for row in rows {
        let cache_key = (row.place.clone(), row.point.map(|p| ((p.lat * 1e5) as i64, (p.lon * 1e5) as i64)));
        if !resolved.contains_key(&cache_key) {
            let outcome = match row.point {
                Some(point) => pin(gazetteer, &row.place, point, &row.origin, &mut diagnostics),
                None => resolve_place(gazetteer, &row.place),
            };
            if let Ok(key) = &outcome {
                gazetteer.adopt(key, Some(&row.place));
            }
            resolved.insert(cache_key.clone(), outcome);
        }
        let place = resolved[&cache_key].clone().map_err(|e| ("place", e));
        match place.and_then(|key| sides(&row, factions, &mut diagnostics).map(|(holder, other)| (key, holder, other)))
        {
            Ok((key, holder, other)) => claims.push(claim(row, key, holder, other)),
            Err((field, (message, hint))) => {
                let diagnostic = Diagnostic::error(&row.origin.file, Some(row.origin.line), Some(field), message);
                diagnostics.push(if hint.is_empty() { diagnostic } else { diagnostic.with_hint(hint) });
            }
        }
    }
    (claims, diagnostics)
}

/// A row's place as written, and its point (in 1e-5 degrees) when it gives one.
type RowPlace = (String, Option<(i64, i64)>);

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

type Problem = (&'static str, (String, String));

/// The row's holder and other side as faction ids; a holder `factions.toml` lacks gets a
/// made-up faction and a warning (once per name).
fn sides(
    row: &LedgerRow,
    factions: &mut Factions,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<(String, Option<String>), Problem> {
    let mut side = |field: &'static str, written: &str| match factions.resolve(written) {
        Some(f) => Ok(f.id.clone()),
        None => {
            let id = factions.add_automatic(written);
            let color = factions.get(&id).map(|f| f.color.clone()).unwrap_or_default();
            let message = format!(
                "faction {written:?} is not in factions.toml: drawn as {id:?} in {color}; name and colour it in a factions file (--factions FILE, see README \"Maps of any conflict\")"
            );
            diagnostics.push(Diagnostic::warning(&row.origin.file, Some(row.origin.line), Some(field), message));
            Ok::<String, Problem>(id)
        }
    };
    let holder = side("holder", &row.holder)?;
    let other = row.other.as_deref().map(|o| side("other", o)).transpose()?;
    if other.as_deref() == Some(holder.as_str()) {
        return Err(("other", (format!("the other side is the holder itself ({holder})"), String::new())));
    }
    Ok((holder, other))
}
/// Moves a row's fields into a claim.
fn claim(row: LedgerRow, place: PlaceKey, holder: String, other: Option<String>) -> Claim {
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
