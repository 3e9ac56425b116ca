//! Places: the gazetteer, factions and name folding, and binding ledger rows to resolved places and factions.

pub mod factions;
pub mod fold;
pub mod gazetteer;

use std::collections::HashMap;

pub use factions::{Faction, Factions};
pub use gazetteer::{Candidate, Gazetteer, Hint, Place, RegionName, Resolution};

use crate::ingest::LedgerRow;
use crate::model::{Claim, Diagnostic, PlaceKey};

/// Resolves the place and factions of every row; rows that do not resolve become error diagnostics.
pub fn bind(rows: &[LedgerRow], gazetteer: &Gazetteer, factions: &Factions) -> (Vec<Claim>, Vec<Diagnostic>) {
    let mut claims = Vec::with_capacity(rows.len());
    let mut diagnostics = Vec::new();
    let mut resolved: HashMap<&str, Result<PlaceKey, (String, String)>> = HashMap::new();
    for row in rows {
        let place = resolved.entry(row.place.as_str()).or_insert_with(|| resolve_place(gazetteer, &row.place));
        let error = |field: &str, message: String| Diagnostic::error(&row.origin.file, Some(row.origin.line), Some(field), message);
        let place = match place {
            Ok(key) => key.clone(),
            Err((message, hint)) => {
                diagnostics.push(error("place", message.clone()).with_hint(hint.clone()));
                continue;
            }
        };
        let holder = match resolve_faction(factions, &row.holder) {
            Ok(id) => id,
            Err((message, hint)) => {
                diagnostics.push(error("holder", message).with_hint(hint));
                continue;
            }
        };
        let other = match row.other.as_deref().map(|o| resolve_faction(factions, o)).transpose() {
            Ok(other) => other,
            Err((message, hint)) => {
                diagnostics.push(error("other", message).with_hint(hint));
                continue;
            }
        };
        if other.as_deref() == Some(holder.as_str()) {
            diagnostics.push(error("other", format!("the other side is the holder itself ({holder})")));
            continue;
        }
        claims.push(Claim {
            date: row.date.clone(),
            place,
            place_text: row.place.clone(),
            holder,
            event: row.event,
            other,
            modality: row.modality,
            sources: row.sources.clone(),
            note: row.note.clone(),
            extra: row.extra.clone(),
            origin: row.origin.clone(),
        });
    }
    (claims, diagnostics)
}

/// A place name to its key, or a message and a hint.
pub fn resolve_place(gazetteer: &Gazetteer, name: &str) -> Result<PlaceKey, (String, String)> {
    match gazetteer.resolve(name, &Hint::default()) {
        Resolution::Found { key, .. } => Ok(key),
        Resolution::Ambiguous { candidates } => {
            let list: Vec<String> = candidates.iter().map(ToString::to_string).collect();
            Err((
                format!("place {name:?} is ambiguous: {}", list.join("; ")),
                format!("qualify it with a country (\"{name}, SY\") or write the id (\"{}\")", candidates[0].key.id),
            ))
        }
        Resolution::NotFound { suggestions } => Err((format!("place {name:?} is not in the gazetteer"), did_you_mean(&suggestions, "controlmap places QUERY searches it"))),
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
