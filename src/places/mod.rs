//! Places: the gazetteer, factions and name folding, and binding ledger rows to resolved places and factions.

pub mod factions;
pub mod fold;
pub mod gazetteer;

pub use factions::{Faction, Factions};
pub use gazetteer::{Candidate, Gazetteer, Hint, Place, RegionName, Resolution};

use crate::fxhash::SpreadMap;
use crate::ingest::LedgerRow;
use crate::model::{Claim, Diagnostic, PlaceKey};
use crate::name::{Interner, Name};

/// Resolves the place and factions of every row; rows that do not resolve become error diagnostics.
/// Each distinct place name is resolved once.
pub fn bind(rows: Vec<LedgerRow>, gazetteer: &Gazetteer, factions: &Factions) -> (Vec<Claim>, Vec<Diagnostic>) {
    let mut binder = Binder::new(gazetteer, factions);
    let mut claims = Vec::with_capacity(rows.len());
    let mut diagnostics = Vec::new();
    for row in rows {
        match binder.bind(row) {
            Ok(claim) => claims.push(claim),
            Err(diagnostic) => diagnostics.push(diagnostic),
        }
    }
    (claims, diagnostics)
}

type Problem = (&'static str, (String, String));

/// Binds rows one at a time (as a ledger streams in), resolving each distinct place and faction
/// spelling once and sharing one [`Name`] per distinct text across all claims.
pub struct Binder<'w> {
    gazetteer: &'w Gazetteer,
    factions: &'w Factions,
    places: SpreadMap<Name, Result<PlaceKey, (String, String)>>,
    sides: SpreadMap<Name, Result<Name, (String, String)>>,
    names: Interner,
}

impl<'w> Binder<'w> {
    pub fn new(gazetteer: &'w Gazetteer, factions: &'w Factions) -> Binder<'w> {
        Binder {
            gazetteer,
            factions,
            places: SpreadMap::default(),
            sides: SpreadMap::default(),
            names: Interner::default(),
        }
    }

    /// The row as a claim, or an error naming its file, line and field.
    pub fn bind(&mut self, row: LedgerRow) -> Result<Claim, Diagnostic> {
        let (place_text, place) = self.place(&row.place);
        match place
            .map_err(|e| ("place", e))
            .and_then(|key| self.sides(&row).map(|(holder, other)| (key, holder, other)))
        {
            Ok((key, holder, other)) => Ok(claim(row, key, place_text, holder, other)),
            Err((field, (message, hint))) => {
                let diagnostic = Diagnostic::error(&row.origin.file, Some(row.origin.line), Some(field), message);
                Err(if hint.is_empty() { diagnostic } else { diagnostic.with_hint(hint) })
            }
        }
    }

    /// The place as written (shared) and what it resolves to.
    fn place(&mut self, text: &str) -> (Name, Result<PlaceKey, (String, String)>) {
        if let Some((written, known)) = self.places.get_key_value(text) {
            return (written.clone(), known.clone());
        }
        let resolved = resolve_place(self.gazetteer, text).map(|key| PlaceKey { id: self.names.name(&key.id), ..key });
        let written = self.names.name(text);
        self.places.insert(written.clone(), resolved.clone());
        (written, resolved)
    }

    fn faction(&mut self, text: &str) -> Result<Name, (String, String)> {
        if let Some(known) = self.sides.get(text) {
            return known.clone();
        }
        let resolved = resolve_faction(self.factions, text).map(|id| self.names.name(&id));
        self.sides.insert(self.names.name(text), resolved.clone());
        resolved
    }

    /// The row's holder and other side as faction ids.
    fn sides(&mut self, row: &LedgerRow) -> Result<(Name, Option<Name>), Problem> {
        let holder = self.faction(&row.holder).map_err(|e| ("holder", e))?;
        let other = row.other.as_deref().map(|o| self.faction(o)).transpose().map_err(|e| ("other", e))?;
        if other.as_ref() == Some(&holder) {
            return Err(("other", (format!("the other side is the holder itself ({holder})"), String::new())));
        }
        Ok((holder, other))
    }
}

/// Moves a row's fields into a claim.
fn claim(mut row: LedgerRow, place: PlaceKey, place_text: Name, holder: Name, other: Option<Name>) -> Claim {
    // A list collected one by one keeps room for four; a million claims keep only what they cite.
    row.sources.shrink_to_fit();
    Claim {
        date: row.date,
        place,
        place_text,
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
