//! Places: the gazetteer, factions and name folding, and binding ledger rows to resolved places and factions.

pub mod factions;
pub mod fold;
pub mod gazetteer;
pub mod places_csv;

use std::collections::HashMap;

pub use factions::{Faction, Factions};
pub use gazetteer::{Candidate, Gazetteer, Hint, Place, RegionName, Resolution};

use crate::ingest::LedgerRow;
use crate::model::{Claim, Diagnostic, PlaceKey};

/// Resolves the place and factions of every row; rows that do not resolve become error diagnostics.
/// Each distinct place name is resolved once.
pub fn bind(rows: Vec<LedgerRow>, gazetteer: &Gazetteer, factions: &Factions) -> (Vec<Claim>, Vec<Diagnostic>) {
    let mut claims = Vec::with_capacity(rows.len());
    let mut diagnostics = Vec::new();
    let mut resolved: HashMap<String, Result<PlaceKey, (String, String)>> = HashMap::new();
    for row in rows {
        if !resolved.contains_key(&row.place) {
            resolved.insert(row.place.clone(), resolve_place(gazetteer, &row.place));
        }
        let place = resolved[&row.place].clone().map_err(|e| ("place", e));
        match place.and_then(|key| sides(&row, factions).map(|(holder, other)| (key, holder, other))) {
            Ok((key, holder, other)) => claims.push(claim(row, key, holder, other)),
            Err((field, (message, hint))) => {
                let diagnostic = Diagnostic::error(&row.origin.file, Some(row.origin.line), Some(field), message);
                diagnostics.push(if hint.is_empty() { diagnostic } else { diagnostic.with_hint(hint) });
            }
        }
    }
    (claims, diagnostics)
}

type Problem = (&'static str, (String, String));

/// The row's holder and other side as faction ids.
fn sides(row: &LedgerRow, factions: &Factions) -> Result<(String, Option<String>), Problem> {
    let holder = resolve_faction(factions, &row.holder).map_err(|e| ("holder", e))?;
    let other = row.other.as_deref().map(|o| resolve_faction(factions, o)).transpose().map_err(|e| ("other", e))?;
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
                format!(
                    "qualify it with a country (\"{name}, {}\") or write the id (\"{}\")",
                    candidates[0].country, candidates[0].key.id
                ),
            ))
        }
        Resolution::NotFound { suggestions } => Err((
            format!("place {name:?} is not in the gazetteer"),
            did_you_mean(&suggestions, "controlmap places QUERY searches it"),
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
