//! Name resolution: a place name as a ledger or a user writes it (`Kherson`, `Sinjar, IQ`,
//! `Andriivka, Kherson Oblast`, an id) to one place, to candidates, or to nothing, by rules that
//! never guess (documented in `docs/places.md`).
//!
//! # Steps
//! 1. An id (`deir-ez-zor`, `kherson-706448`, `region:ID`, `country:CC`) is taken as it is. A
//!    country's English or Dutch name (`Iraq`, `Irak`, `Syrië`) is the country, unless a town of
//!    exactly that display name lies in that same country (`Djibouti`, `Singapore`): then the
//!    name is ambiguous. Towns elsewhere named like a country need a qualifier (`Lebanon, US`).
//! 2. A qualifier after a comma or in brackets is a country code or a first-level region; only
//!    places inside it are candidates, whatever else matches.
//! 3. Candidates, in tiers: names and alternate names equal after [`fold_text`] (case, diacritics,
//!    punctuation) in the regional layer and the world table; only if there are none, the
//!    transliteration variants ([`place_key`]) of towns in the countries the regional layer
//!    details (those of its regions: Syria and Iraq built in). Nothing fuzzy ever resolves.
//! 4. Rules that pick one candidate, each named in the answer: the country the context implies,
//!    spelled as the display name, the same place listed twice (within 3 km), one place at least
//!    five times as populous as any other. Otherwise the answer is "ambiguous", with candidates.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{PlaceKey, PlaceKind};
use crate::places::countries::{self, Country};
use crate::places::fold::{fold_text, place_key};
use crate::places::gazetteer::{Gazetteer, Hint, Place, Spelling, Target, geonames_id};
use crate::places::world::{self, WorldPlace, haversine_km, region_words};

/// A larger town wins over smaller ones of the same name when it is this many times as populous.
const DOMINANCE: u64 = 5;
/// ... and has at least this many inhabitants.
const DOMINANT_MINIMUM: u64 = 1000;
/// Two towns of one name and country closer than this are one place listed twice.
const SAME_PLACE_KM: f64 = 3.0;

/// Names longer than this get no "did you mean" (no place name is that long; comparing one
/// costs time in proportion to its length).
const MAX_SUGGESTED_LENGTH: usize = 100;

/// At most this many towns named like a country are listed as set aside in favour of the country.
const MAX_SET_ASIDE: usize = 8;

/// A candidate town or region, for messages.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    pub key: PlaceKey,
    pub name: String,
    pub country: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
    /// What to write to pick this one (`Sinjar, IQ`, `Andriivka, Kherson Oblast` or its id).
    pub qualified: String,
}

impl std::fmt::Display for Candidate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.key.kind {
            PlaceKind::Town => {
                let region = self.region.as_deref().map(|r| format!(", {r}")).unwrap_or_default();
                write!(
                    f,
                    "{} ({}{region}, population {}; write \"{}\")",
                    self.name, self.country, self.population, self.qualified
                )
            }
            PlaceKind::Region => write!(f, "{} (region {})", self.name, self.key.id),
            PlaceKind::Country => write!(f, "{} (country; write \"{}\")", self.name, self.qualified),
        }
    }
}

/// The outcome of resolving a name.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "lowercase")]
pub enum Resolution {
    /// One place; `others` lists further candidates set aside by a documented rule, named in `rule`.
    Found { key: PlaceKey, others: Vec<Candidate>, rule: Option<String> },
    /// Several places fit equally well: never guessed.
    Ambiguous { candidates: Vec<Candidate> },
    /// Nothing fits; the closest names (suggestions only, never used to resolve).
    #[serde(rename = "unknown")]
    NotFound { suggestions: Vec<String> },
    /// The qualifier after the comma is neither a country code nor a known first-level region.
    #[serde(rename = "unknown")]
    UnknownQualifier { qualifier: String },
}

/// What narrows a name: `, UA` or `, Kherson Oblast`.
#[derive(Debug, Clone)]
enum Qualifier {
    Country(String),
    /// A first-level region, as its folded words (`kherson`) or ISO 3166-2 code (`UA-65`).
    Region {
        words: String,
        code: String,
    },
}

/// A candidate in a pool: the place, and whether one matching spelling is its display name.
#[derive(Debug, Clone, Copy)]
struct Pooled {
    target: Target,
    is_name: bool,
}

/// What the rules need to know about a candidate town.
struct Facts {
    country: String,
    region: Option<String>,
    region_code: Option<String>,
    lat: f64,
    lon: f64,
    population: u64,
    regional: bool,
}

/// Whether a name found nowhere comes back with suggestions of names like it.
#[derive(Clone, Copy)]
enum Suggest {
    Yes,
    No,
}

impl Gazetteer {
    /// Resolves a name as a ledger or a user writes it: `Boukamal`, `Sinjar, IQ`, `Sinjar (IQ)`,
    /// `Andriivka, Kherson Oblast`, a town id, or `region:ID`.
    pub fn resolve(&self, query: &str, hint: &Hint) -> Resolution {
        self.resolve_with(query, hint, Suggest::Yes)
    }

    /// [`Gazetteer::resolve`] for a caller that only tells found from not found (the extractor
    /// trying a name of its text): a name found nowhere comes back with no suggestions, which
    /// would cost a fuzzy comparison with every spelling.
    pub fn resolve_without_suggestions(&self, query: &str, hint: &Hint) -> Resolution {
        self.resolve_with(query, hint, Suggest::No)
    }

    fn resolve_with(&self, query: &str, hint: &Hint, suggest: Suggest) -> Resolution {
        let query = query.trim();
        if let Some(id) = query.strip_prefix("region:") {
            return match self.region_ids.get(id.trim()) {
                Some(&i) => found(self.candidate(Target::Region(i)).key),
                None => Resolution::NotFound { suggestions: self.suggestions(id, suggest) },
            };
        }
        if let Some(&i) = self.town_ids.get(query) {
            return found(self.candidate(Target::Town(i)).key);
        }
        if let Some(place) = self.world_place(query) {
            return found(self.candidate(self.world_target(place.index)).key);
        }
        if let Some(country) = countries::from_prefixed(query) {
            return match country {
                Ok(country) => found(country_key(country)),
                Err(code) => Resolution::NotFound { suggestions: country_suggestions(&code) },
            };
        }
        if let Some(country) = countries::named(query) {
            return self.resolve_country_name(query, country);
        }
        let (name, qualifier_text) = split_qualifier(query);
        let qualifier = match qualifier_text.map(|q| self.parse_qualifier(q)) {
            None => None,
            Some(Some(q)) => Some(q),
            Some(None) if self.has_candidates(query) => return self.resolve_unqualified(query, hint, suggest),
            Some(None) => return Resolution::UnknownQualifier { qualifier: qualifier_text.unwrap_or("").into() },
        };
        let (exact, variants) = self.pools(name);
        for pool in [exact, variants] {
            if let Some(resolution) = self.choose_town(pool, qualifier.as_ref(), hint) {
                return resolution;
            }
        }
        if qualifier.is_none() {
            return self.resolve_region(name, suggest);
        }
        Resolution::NotFound { suggestions: self.qualified_elsewhere(name) }
    }

    /// A name that is a country's name: the country, unless a town of exactly that display name
    /// lies in the country itself (then ambiguous: never guessed). Towns of that name elsewhere,
    /// or carrying it only as an alternate name, are listed as set aside.
    fn resolve_country_name(&self, name: &str, country: &Country) -> Resolution {
        let folded = fold_text(name);
        let (exact, _) = self.pools(name);
        let towns: Vec<Target> = exact.iter().map(|p| p.target).collect();
        let eponymous: Vec<Target> = towns
            .iter()
            .copied()
            .filter(|&t| {
                let c = self.candidate(t);
                c.country.eq_ignore_ascii_case(country.code) && fold_text(&c.name) == folded
            })
            .collect();
        let country_candidate = country_candidate(country);
        if !eponymous.is_empty() {
            let mut candidates = vec![country_candidate];
            candidates.extend(self.candidates(&eponymous));
            return Resolution::Ambiguous { candidates };
        }
        let others: Vec<Target> = towns.into_iter().take(MAX_SET_ASIDE).collect();
        let rule = (!others.is_empty()).then(|| {
            format!("a country's name ({}): a town of that name needs a qualifier (\"{name}, CC\")", country.code)
        });
        Resolution::Found { key: country_candidate.key, others: self.candidates(&others), rule }
    }

    fn resolve_unqualified(&self, name: &str, hint: &Hint, suggest: Suggest) -> Resolution {
        let (exact, variants) = self.pools(name);
        [exact, variants]
            .into_iter()
            .find_map(|pool| self.choose_town(pool, None, hint))
            .unwrap_or_else(|| self.resolve_region(name, suggest))
    }

    fn has_candidates(&self, name: &str) -> bool {
        let (exact, variants) = self.pools(name);
        !exact.is_empty() || !variants.is_empty()
    }

    fn resolve_region(&self, name: &str, suggest: Suggest) -> Resolution {
        let spellings = self.index.get(&place_key(name)).map(Vec::as_slice).unwrap_or(&[]);
        let mut regions: Vec<Target> =
            spellings.iter().map(|s| s.target).filter(|t| matches!(t, Target::Region(_))).collect();
        regions.sort();
        regions.dedup();
        match regions.as_slice() {
            [one] => found(self.candidate(*one).key),
            [] => Resolution::NotFound { suggestions: self.suggestions(name, suggest) },
            many => Resolution::Ambiguous { candidates: many.iter().map(|t| self.candidate(*t)).collect() },
        }
    }

    /// [`Gazetteer::suggest`] when suggestions are wanted, else none.
    fn suggestions(&self, query: &str, suggest: Suggest) -> Vec<String> {
        match suggest {
            Suggest::Yes => self.suggest(query),
            Suggest::No => Vec::new(),
        }
    }

    /// The candidate towns of a name: those spelled the same after [`fold_text`] (regional layer
    /// and world table), and the regional layer's transliteration variants.
    fn pools(&self, name: &str) -> (Vec<Pooled>, Vec<Pooled>) {
        let folded = fold_text(name);
        let mut exact: BTreeMap<Target, bool> = BTreeMap::new();
        let mut variants: BTreeMap<Target, bool> = BTreeMap::new();
        let spellings: &[Spelling] = self.index.get(&place_key(name)).map(Vec::as_slice).unwrap_or(&[]);
        for s in spellings.iter().filter(|s| matches!(s.target, Target::Town(_))) {
            if s.folded == folded {
                *exact.entry(s.target).or_default() |= s.is_name;
            } else if self.is_core(s.target) {
                variants.entry(s.target).or_default();
            }
        }
        if self.world && !folded.is_empty() {
            let mut hits = world::world().lookup(&folded);
            if hits.is_empty() && exact.is_empty() && variants.is_empty() {
                hits = world::world().lookup_variant(&folded);
            }
            for hit in hits {
                *exact.entry(self.world_target(hit.index)).or_default() |= hit.is_name;
            }
        }
        let exact_targets: Vec<Target> = exact.keys().copied().collect();
        variants.retain(|t, _| !exact_targets.contains(t));
        let list =
            |m: BTreeMap<Target, bool>| m.into_iter().map(|(target, is_name)| Pooled { target, is_name }).collect();
        (list(exact), list(variants))
    }

    /// A town in one of the countries the regional layer details.
    fn is_core(&self, target: Target) -> bool {
        match target {
            Target::Town(i) => self.core_countries.iter().any(|c| c.eq_ignore_ascii_case(&self.places[i].country)),
            _ => false,
        }
    }

    /// A world place as a target: the regional or adopted town it already is, if any.
    fn world_target(&self, index: u32) -> Target {
        let place = world::world().place(index);
        match self.geonames_ids.get(&place.geonameid) {
            Some(&i) => Target::Town(i),
            None => Target::World(index),
        }
    }

    /// Narrows a pool rule by rule until one town is left; `None` when the pool (after the
    /// qualifier) is empty.
    fn choose_town(&self, pool: Vec<Pooled>, qualifier: Option<&Qualifier>, hint: &Hint) -> Option<Resolution> {
        let facts: BTreeMap<Target, Facts> = pool.iter().map(|p| (p.target, self.facts(p.target))).collect();
        let is_name: BTreeMap<Target, bool> = pool.iter().map(|p| (p.target, p.is_name)).collect();
        let mut all: Vec<Target> = pool.iter().map(|p| p.target).collect();
        if let Some(q) = qualifier {
            all.retain(|t| qualifier_fits(q, &facts[t]));
        }
        if all.is_empty() {
            return None;
        }
        let mut pool = all.clone();
        let mut rule = qualifier.map(|q| match q {
            Qualifier::Country(c) => format!("in country {c}"),
            Qualifier::Region { words, .. } => format!("in region {words}"),
        });
        let narrow = |pool: &mut Vec<Target>, keep: &dyn Fn(&Target) -> bool| {
            let kept: Vec<Target> = pool.iter().copied().filter(|t| keep(t)).collect();
            let narrowed = !kept.is_empty() && kept.len() < pool.len();
            if narrowed {
                *pool = kept;
            }
            narrowed
        };
        if let Some(country) = &hint.country
            && narrow(&mut pool, &|t| facts[t].country.eq_ignore_ascii_case(country))
        {
            rule = Some(format!("in country {country}"));
        }
        if pool.len() > 1 && narrow(&mut pool, &|t| is_name[t]) {
            rule = Some("spelled as the display name".into());
        }
        if pool.len() > 1 {
            pool.sort_by_key(|t| (!facts[t].regional, std::cmp::Reverse(facts[t].population), *t));
            let before = pool.len();
            pool = without_duplicates(pool, &facts);
            if pool.len() < before {
                rule = Some(format!("the same place listed more than once (within {SAME_PLACE_KM} km)"));
            }
        }
        if pool.len() > 1 {
            pool.sort_by_key(|t| (std::cmp::Reverse(facts[t].population), !facts[t].regional, *t));
            let (top, second) = (facts[&pool[0]].population, facts[&pool[1]].population);
            if top >= DOMINANT_MINIMUM && top >= second.saturating_mul(DOMINANCE) {
                pool.truncate(1);
                rule = Some(format!("the most populous ({top} against at most {second})"));
            }
        }
        if pool.len() > 1 {
            return Some(Resolution::Ambiguous { candidates: self.candidates(&pool) });
        }
        let chosen = pool[0];
        let others: Vec<Target> = all.into_iter().filter(|&t| t != chosen).collect();
        Some(Resolution::Found { key: self.candidate(chosen).key, others: self.candidates(&others), rule })
    }

    fn facts(&self, target: Target) -> Facts {
        match target {
            Target::Town(i) => {
                let p = &self.places[i];
                let world = geonames_id(&p.source).and_then(|id| world::world().by_geonameid(id));
                Facts {
                    country: p.country.clone(),
                    region: p.governorate.clone(),
                    region_code: world.and_then(|w| w.region).map(|r| r.code.to_string()),
                    lat: p.lat,
                    lon: p.lon,
                    population: p.population,
                    regional: true,
                }
            }
            Target::World(k) => {
                let p = world::world().place(k);
                Facts {
                    country: p.country.to_string(),
                    region: p.region.map(|r| r.name.to_string()),
                    region_code: p.region.map(|r| r.code.to_string()),
                    lat: p.lat,
                    lon: p.lon,
                    population: p.population,
                    regional: false,
                }
            }
            Target::Region(_) => Facts {
                country: String::new(),
                region: None,
                region_code: None,
                lat: 0.0,
                lon: 0.0,
                population: 0,
                regional: true,
            },
        }
    }

    /// `UA` (a country code), or a first-level region's name or ISO 3166-2 code; `None` if neither.
    fn parse_qualifier(&self, text: &str) -> Option<Qualifier> {
        let text = text.trim();
        if text.len() == 2 && text.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Some(Qualifier::Country(text.to_ascii_uppercase()));
        }
        let words = region_words(text);
        let code = text.to_ascii_uppercase();
        let known_regional =
            self.places.iter().any(|p| p.governorate.as_deref().is_some_and(|g| region_words(g) == words));
        let known_world = self.world && !world::world().regions_named(text).is_empty();
        (known_regional || known_world).then_some(Qualifier::Region { words, code })
    }

    /// Candidates for a message, each with the qualifier that picks it.
    fn candidates(&self, targets: &[Target]) -> Vec<Candidate> {
        let mut list: Vec<Candidate> = targets.iter().map(|&t| self.candidate(t)).collect();
        let same = |a: &Candidate, b: &Candidate, by: fn(&Candidate) -> String| by(a) == by(b);
        for i in 0..list.len() {
            let c = &list[i];
            let shares_country = list.iter().enumerate().any(|(j, o)| j != i && same(c, o, |x| x.country.clone()));
            let shares_region = list.iter().enumerate().any(|(j, o)| {
                j != i && same(c, o, |x| x.country.clone()) && same(c, o, |x| x.region.clone().unwrap_or_default())
            });
            let qualified = match (shares_country, shares_region, &c.region) {
                (false, _, _) => format!("{}, {}", c.name, c.country),
                (true, false, Some(region)) => format!("{}, {region}", c.name),
                _ => c.key.id.to_string(),
            };
            list[i].qualified = qualified;
        }
        list
    }

    pub(super) fn candidate(&self, target: Target) -> Candidate {
        let (key, name, country, region, lat, lon, population) = match target {
            Target::Town(i) => {
                let p = &self.places[i];
                (town_key(&p.id), p.name.clone(), p.country.clone(), p.governorate.clone(), p.lat, p.lon, p.population)
            }
            Target::World(k) => {
                let p = world::world().place(k);
                let region = p.region.map(|r| r.name.to_string());
                (town_key(&p.id()), p.name.to_string(), p.country.to_string(), region, p.lat, p.lon, p.population)
            }
            Target::Region(i) => {
                let r = &self.regions[i];
                let key = PlaceKey { kind: PlaceKind::Region, id: r.id.as_str().into() };
                (key, r.name.clone(), r.country.clone(), None, 0.0, 0.0, 0)
            }
        };
        let qualified = key.to_string();
        Candidate { key, name, country, region, lat, lon, population, qualified }
    }

    /// The world place an id such as `kherson-706448` names.
    pub fn world_place(&self, id: &str) -> Option<WorldPlace> {
        if !self.world {
            return None;
        }
        let number = id.rsplit_once('-').map_or(id, |(_, n)| n).parse::<u32>().ok()?;
        world::world().by_geonameid(number).filter(|p| p.id() == id)
    }

    /// Makes a resolved world place a town of this gazetteer (so that maps, joins and outputs
    /// see it like any other); a no-op for other keys. When `written` (the name as a ledger wrote
    /// it, which resolved to the place) is one of the place's alternate names, the place is shown
    /// under it (`Stepanakert`, not GeoNames' `Khankendi`), its GeoNames name kept as an alias.
    pub fn adopt(&mut self, key: &PlaceKey, written: Option<&str>) {
        if key.kind != PlaceKind::Town || self.town_ids.contains_key(key.id.as_str()) {
            return;
        }
        let Some(place) = self.world_place(&key.id) else { return };
        let mut town = town_from_world(&place);
        if let Some(written) = written.map(|w| split_qualifier(w.trim()).0) {
            let folded = fold_text(written);
            if folded != fold_text(&town.name) && town.aliases.iter().any(|a| fold_text(a) == folded) {
                town.aliases.push(std::mem::replace(&mut town.name, written.to_string()));
            }
        }
        self.add_town(town);
    }

    /// Of the places a name (without its qualifier) fits, the one nearest to a point, with its distance in km.
    pub fn nearest_named(&self, written: &str, lat: f64, lon: f64) -> Option<(Candidate, f64)> {
        let (name, _) = split_qualifier(written.trim());
        let (exact, variants) = self.pools(name);
        exact
            .into_iter()
            .chain(variants)
            .map(|p| self.candidate(p.target))
            .map(|c| {
                let km = haversine_km(lat, lon, c.lat, c.lon);
                (c, km)
            })
            .min_by(|a, b| a.1.total_cmp(&b.1).then_with(|| a.0.key.cmp(&b.0.key)))
    }

    /// Adds a place given by coordinates in a ledger row (`origin`), named as written, with the
    /// country and region of the nearest gazetteer place within 50 km. Its id joins the name's
    /// slug and the point: `buzova@50.4200_30.0100`.
    pub fn add_pinned(&mut self, written: &str, lat: f64, lon: f64, origin: &crate::model::Origin) -> PlaceKey {
        let (name, _) = split_qualifier(written.trim());
        let id = format!("{}@{lat:.4}_{lon:.4}", world::slug(name));
        if self.town_ids.contains_key(&id) {
            return town_key(&id);
        }
        let near =
            if self.world { world::world().nearest(lat, lon, 50.0).map(|(p, _)| town_from_world(&p)) } else { None };
        let near = near.or_else(|| {
            self.places
                .iter()
                .map(|p| (p, haversine_km(lat, lon, p.lat, p.lon)))
                .filter(|(_, km)| *km <= 50.0)
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(p, _)| p.clone())
        });
        self.add_town(Place {
            id: id.clone(),
            name: name.to_string(),
            lon,
            lat,
            country: near.as_ref().map_or_else(String::new, |p| p.country.clone()),
            population: 0,
            aliases: Vec::new(),
            source: format!("ledger:{origin}"),
            note: format!("given by coordinates in {origin}"),
            governorate: near.and_then(|p| p.governorate),
            capital: false,
        });
        town_key(&id)
    }

    /// For a name that exists only outside its qualifier: the same name qualified as it exists.
    fn qualified_elsewhere(&self, name: &str) -> Vec<String> {
        let (exact, _) = self.pools(name);
        let targets: Vec<Target> = exact.iter().map(|p| p.target).take(8).collect();
        let list: Vec<String> = self.candidates(&targets).iter().map(|c| format!("\"{}\"", c.qualified)).collect();
        if list.is_empty() { self.suggest(name) } else { list }
    }

    /// Up to five names close to `query`, best first, for "did you mean" hints: regional names by
    /// similarity, then world names within one or two edits, most populous first.
    pub fn suggest(&self, query: &str) -> Vec<String> {
        if query.chars().count() > MAX_SUGGESTED_LENGTH {
            return Vec::new();
        }
        let mut out = self.suggest_regional(query);
        if self.world {
            let folded = fold_text(query);
            // Suggestions only: a name too long to be a place gets none (an automaton over a
            // long text is costly to build).
            let distance = match folded.chars().count() {
                0..=3 | 65.. => 0,
                4..=7 => 1,
                _ => 2,
            };
            let mut hits: Vec<WorldPlace> = world::world()
                .near_spellings(&folded, distance, 40)
                .into_iter()
                .flat_map(|(_, hits)| hits)
                .map(|h| world::world().place(h.index))
                .collect();
            hits.sort_by(|a, b| b.population.cmp(&a.population).then(a.index.cmp(&b.index)));
            for p in hits {
                let region = p.region.map(|r| format!(", {}", r.name)).unwrap_or_default();
                let label = format!("{} ({}{region})", p.name, p.country);
                if out.len() < 5 && !out.contains(&label) {
                    out.push(label);
                }
            }
        }
        out
    }

    fn suggest_regional(&self, query: &str) -> Vec<String> {
        let wanted = place_key(query);
        if wanted.is_empty() {
            return Vec::new();
        }
        let mut scored: Vec<(u32, bool, String, Target)> = Vec::new();
        for (key, spellings) in &self.index {
            let score = strsim::jaro_winkler(&wanted, key);
            if score < 0.85 {
                continue;
            }
            for s in spellings {
                scored.push(((score * 1e6) as u32, !s.is_name, self.suggestion_label(s), s.target));
            }
        }
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then_with(|| a.2.cmp(&b.2)));
        let mut seen: Vec<Target> = Vec::new();
        let mut out: Vec<String> = Vec::new();
        for (_, _, label, target) in scored {
            if !seen.contains(&target) {
                seen.push(target);
                out.push(label);
            }
            if out.len() == 3 {
                break;
            }
        }
        out
    }

    fn suggestion_label(&self, spelling: &Spelling) -> String {
        match spelling.target {
            Target::Town(i) => {
                let p = &self.places[i];
                let alias = p.aliases.iter().find(|a| fold_text(a) == spelling.folded).filter(|_| !spelling.is_name);
                match alias {
                    Some(alias) => format!("{} (alias \"{}\", {})", p.name, alias, p.country),
                    None => format!("{} ({})", p.name, p.country),
                }
            }
            Target::Region(i) => format!("{} (region)", self.regions[i].name),
            Target::World(k) => {
                let p = world::world().place(k);
                format!("{} ({})", p.name, p.country)
            }
        }
    }
}

/// A town of the gazetteer made from a world place.
pub fn town_from_world(p: &WorldPlace) -> Place {
    Place {
        id: p.id(),
        name: p.name.to_string(),
        lon: p.lon,
        lat: p.lat,
        country: p.country.to_string(),
        population: p.population,
        aliases: p.alternates().map(str::to_string).collect(),
        source: format!("geonames:{}", p.geonameid),
        note: String::new(),
        governorate: p.region.map(|r| r.name.to_string()),
        capital: p.capital,
    }
}

/// The key of a country place: `country:IQ`.
pub fn country_key(country: &Country) -> PlaceKey {
    PlaceKey { kind: PlaceKind::Country, id: country.code.into() }
}

/// A country as a candidate, at its label point.
fn country_candidate(country: &Country) -> Candidate {
    let key = country_key(country);
    Candidate {
        qualified: key.to_string(),
        key,
        name: country.name.to_string(),
        country: country.code.to_string(),
        region: None,
        lat: country.lat,
        lon: country.lon,
        population: 0,
    }
}

/// For an unknown `country:XX`: up to eight codes that share its first letter, then its second (`IQ` for `IZ`).
fn country_suggestions(code: &str) -> Vec<String> {
    let code = code.to_ascii_uppercase();
    if code.len() != 2 {
        return vec!["a two-letter ISO 3166-1 code, as in \"country:IQ\"".into()];
    }
    let (first, second) = (code.as_bytes()[0], code.as_bytes()[1]);
    let all = countries::countries();
    let same_first = all.iter().filter(|c| c.code.as_bytes()[0] == first);
    let same_second = all.iter().filter(|c| c.code.as_bytes()[0] != first && c.code.as_bytes()[1] == second);
    same_first.chain(same_second).take(8).map(|c| format!("{}{} ({})", countries::PREFIX, c.code, c.name)).collect()
}

fn town_key(id: &str) -> PlaceKey {
    PlaceKey { kind: PlaceKind::Town, id: id.into() }
}

fn found(key: PlaceKey) -> Resolution {
    Resolution::Found { key, others: Vec::new(), rule: None }
}

fn qualifier_fits(q: &Qualifier, facts: &Facts) -> bool {
    match q {
        Qualifier::Country(c) => facts.country.eq_ignore_ascii_case(c),
        Qualifier::Region { words, code } => {
            facts.region.as_deref().is_some_and(|r| &region_words(r) == words)
                || facts.region_code.as_deref().is_some_and(|c| c == code)
        }
    }
}

/// Drops towns within [`SAME_PLACE_KM`] of a better-ranked town of the same country: one place
/// listed twice (or in both layers). `pool` is in rank order.
fn without_duplicates(pool: Vec<Target>, facts: &BTreeMap<Target, Facts>) -> Vec<Target> {
    let mut kept: Vec<Target> = Vec::with_capacity(pool.len());
    for t in pool {
        let a = &facts[&t];
        let duplicate = kept
            .iter()
            .map(|k| &facts[k])
            .any(|b| b.country == a.country && haversine_km(a.lat, a.lon, b.lat, b.lon) <= SAME_PLACE_KM);
        if !duplicate {
            kept.push(t);
        }
    }
    kept
}

/// `Sinjar, IQ`, `Sinjar (IQ)` or `Andriivka, Kherson Oblast` → the name and the qualifier.
fn split_qualifier(query: &str) -> (&str, Option<&str>) {
    if let Some((name, qualifier)) = query.rsplit_once(',')
        && !name.trim().is_empty()
        && !qualifier.trim().is_empty()
    {
        return (name.trim(), Some(qualifier.trim()));
    }
    if let Some(open) = query.rfind('(')
        && let Some(qualifier) = query[open + 1..].strip_suffix(')')
        && !query[..open].trim().is_empty()
    {
        return (query[..open].trim(), Some(qualifier.trim()));
    }
    (query, None)
}
