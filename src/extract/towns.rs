//! Town and region names in running text: which capitalised word runs the gazetteer knows,
//! resolved with its own rules and remembered in a bounded cache, plus the evidence rules that
//! keep common words and personal names from becoming places.

use crate::extract::fxhash::{FxMap, FxSet};

use crate::model::{PlaceKey, PlaceKind};
use crate::places::fold::{fold_text, place_key};
use crate::places::{Candidate, Gazetteer, Hint, Resolution};

/// Largest number of remembered spellings before the cache starts over.
const CACHE_LIMIT: usize = 100_000;

/// Towns of at least this population are accepted under an alias without further evidence.
pub const BIG_TOWN: u64 = 10_000;

/// A name the gazetteer resolved.
#[derive(Debug, Clone, PartialEq)]
pub enum Hit {
    Found(Found),
    /// Several towns fit and no rule chose: the claim needs a country hint or is skipped.
    Ambiguous(Vec<Candidate>),
}

/// A resolved town or region and how well the spelling fits it.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub key: PlaceKey,
    pub country: String,
    pub population: u64,
    /// The text spells the display name (or id), not only an alias.
    pub name_exact: bool,
    /// From a curated supplement rather than GeoNames.
    pub curated: bool,
    /// The gazetteer rule that set other candidates aside, if any.
    pub rule: Option<String>,
}

/// The gazetteer seen from running text.
#[derive(Debug, Clone)]
pub struct TownIndex {
    /// Place keys of every spelling of every town and region.
    keys: FxSet<String>,
    /// Place keys of town spellings only.
    pub town_keys: FxSet<String>,
    cache: FxMap<String, Option<Hit>>,
}

impl TownIndex {
    /// Indexes the place keys of every spelling in the gazetteer.
    pub fn new(gazetteer: &Gazetteer) -> TownIndex {
        let mut town_keys = FxSet::default();
        for place in &gazetteer.places {
            town_keys.extend(std::iter::once(&place.name).chain(&place.aliases).map(|s| place_key(s)));
        }
        let mut keys = town_keys.clone();
        for region in &gazetteer.regions {
            keys.extend(std::iter::once(&region.name).chain(&region.aliases).map(|s| place_key(s)));
        }
        keys.remove("");
        TownIndex { keys, town_keys, cache: FxMap::default() }
    }

    /// Resolves a word run (`folded`: its folded words joined by spaces; `text`: as written).
    pub fn lookup(&mut self, gazetteer: &Gazetteer, folded: &str, text: &str) -> Option<Hit> {
        if let Some(hit) = self.cache.get(folded) {
            return hit.clone();
        }
        let hit = self.keys.contains(&place_key(text)).then(|| resolve(gazetteer, text)).flatten();
        if self.cache.len() >= CACHE_LIMIT {
            self.cache.clear();
        }
        self.cache.insert(folded.to_string(), hit.clone());
        hit
    }
}

/// A whole country (`Irak`) is not a mention the extractor makes claims about (yet): only
/// towns and regions are hits.
fn resolve(gazetteer: &Gazetteer, text: &str) -> Option<Hit> {
    match gazetteer.resolve(text, &Hint::default()) {
        Resolution::Found { key, .. } if key.kind == PlaceKind::Country => None,
        Resolution::Ambiguous { mut candidates } if candidates.iter().any(|c| c.key.kind == PlaceKind::Country) => {
            candidates.retain(|c| c.key.kind != PlaceKind::Country);
            (!candidates.is_empty()).then_some(Hit::Ambiguous(candidates))
        }
        Resolution::Found { key, others, rule } => {
            Some(Hit::Found(found(gazetteer, key, text, !others.is_empty(), rule)))
        }
        Resolution::Ambiguous { candidates } => Some(Hit::Ambiguous(candidates)),
        Resolution::NotFound { .. } | Resolution::UnknownQualifier { .. } => None,
    }
}

fn found(gazetteer: &Gazetteer, key: PlaceKey, text: &str, had_others: bool, rule: Option<String>) -> Found {
    let folded = fold_text(text);
    let rule = rule.filter(|_| had_others);
    match key.kind {
        PlaceKind::Town => {
            let place = gazetteer.town(&key.id).expect("a resolved town exists");
            let name_exact = fold_text(&place.name) == folded;
            let curated = !place.source.starts_with("geonames");
            Found { country: place.country.clone(), population: place.population, name_exact, curated, rule, key }
        }
        PlaceKind::Region => {
            let country = gazetteer.region(&key.id).map_or(String::new(), |r| r.country.clone());
            Found { key, country, population: 0, name_exact: true, curated: true, rule }
        }
        PlaceKind::Country => {
            Found { country: key.id.to_string(), key, population: 0, name_exact: true, curated: true, rule }
        }
    }
}

/// Resolves an ambiguous name again with a country hint; `None` when it stays ambiguous.
pub fn with_hint(gazetteer: &Gazetteer, text: &str, country: &str) -> Option<Found> {
    match gazetteer.resolve(text, &Hint { country: Some(country.to_string()) }) {
        Resolution::Found { key, rule, others } if key.kind != PlaceKind::Country => {
            Some(found(gazetteer, key, text, !others.is_empty(), rule))
        }
        _ => None,
    }
}

/// What the words around a name say about it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Evidence {
    /// "de stad X", "het Syrische X": the name is certainly a place.
    pub introduced: bool,
    /// A preposition of place governs it ("in X", "uit X").
    pub place_preposition: bool,
    /// It is the first word of the sentence, so its capital says nothing.
    pub sentence_initial: bool,
    /// A capitalised word that is not part of it stands right before or after it, as in
    /// personal names ("Abu Bakr al-Baghdadi", "kolonel Ryan Dillon").
    pub name_neighbour: bool,
    /// It is glued by a hyphen to a word that is not part of it ("Al-Nuri-moskee").
    pub in_compound: bool,
}

/// Whether a resolved name is accepted as a place mention, given the evidence around it.
pub fn accept(found: &Found, evidence: &Evidence) -> bool {
    if evidence.introduced {
        return true;
    }
    if evidence.name_neighbour || evidence.in_compound {
        return false;
    }
    if found.key.kind == PlaceKind::Region {
        return !evidence.sentence_initial || found.name_exact;
    }
    let big = found.population >= BIG_TOWN;
    if found.name_exact {
        return found.curated
            || big
            || found.population >= 1000
            || !evidence.sentence_initial
            || evidence.place_preposition;
    }
    big || found.curated || (evidence.place_preposition && found.population >= 1000)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(population: u64, name_exact: bool) -> Found {
        Found {
            key: PlaceKey { kind: PlaceKind::Town, id: "x".into() },
            country: "SY".into(),
            population,
            name_exact,
            curated: false,
            rule: None,
        }
    }

    #[test]
    fn small_villages_need_more_evidence_than_big_towns() {
        let plain = Evidence::default();
        assert!(accept(&found(50_000, false), &plain));
        assert!(!accept(&found(300, false), &plain));
        assert!(accept(&found(300, false), &Evidence { introduced: true, ..plain }));
        assert!(accept(&found(0, true), &plain));
        assert!(!accept(&found(0, true), &Evidence { sentence_initial: true, ..plain }));
        assert!(!accept(&found(50_000, true), &Evidence { name_neighbour: true, ..plain }));
    }
}
