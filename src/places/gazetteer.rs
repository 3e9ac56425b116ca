//! The gazetteer: towns from `places.csv` and named regions, indexed by folded name, with
//! resolution rules for ambiguous names and "did you mean" suggestions.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::model::{Diagnostic, PlaceKey, PlaceKind};
use crate::places::fold::{fold_text, place_key};

/// A town from the gazetteer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Place {
    pub id: String,
    pub name: String,
    pub lon: f64,
    pub lat: f64,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub population: u64,
    pub aliases: Vec<String>,
    pub source: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The first-level region (governorate) the town lies in, filled by the geometry join.
    pub governorate: Option<String>,
}

/// The names of a region from `regions.geojson` (its polygon lives in the geometry stage).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RegionName {
    pub id: String,
    pub name: String,
    pub name_nl: String,
    pub kind: String,
    pub country: String,
    pub aliases: Vec<String>,
    pub note: String,
}

/// One spelling under which something can be found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Town(usize),
    Region(usize),
}

#[derive(Debug, Clone)]
struct Spelling {
    target: Target,
    /// [`fold_text`] of the spelling, to prefer exact spellings over variants.
    folded: String,
    /// True for the display name or id; false for an alias.
    is_name: bool,
}

/// Everything the gazetteer knows, indexed for resolution.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    pub places: Vec<Place>,
    pub regions: Vec<RegionName>,
    index: HashMap<String, Vec<Spelling>>,
    town_ids: HashMap<String, usize>,
    region_ids: HashMap<String, usize>,
}

/// What a resolution prefers when a name fits several towns.
#[derive(Debug, Clone, Default)]
pub struct Hint {
    /// The country the text implies (ISO alpha-2).
    pub country: Option<String>,
}

/// A candidate town or region, for messages.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    pub key: PlaceKey,
    pub name: String,
    pub country: String,
    pub population: u64,
}

impl std::fmt::Display for Candidate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.key.kind {
            PlaceKind::Town => {
                write!(f, "{} ({}, {}, population {})", self.name, self.key.id, self.country, self.population)
            }
            PlaceKind::Region => write!(f, "{} (region {})", self.name, self.key.id),
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
    /// Nothing fits; the closest names.
    NotFound { suggestions: Vec<String> },
}

/// A larger town wins over smaller ones of the same name when it is this many times as populous.
const DOMINANCE: u64 = 5;
/// Two towns of one name and country closer than this are one place listed twice.
const SAME_PLACE_KM: f64 = 3.0;

/// Great-circle distance between two towns (haversine, mean Earth radius).
pub fn distance_km(a: &Place, b: &Place) -> f64 {
    let (lat1, lat2) = (a.lat.to_radians(), b.lat.to_radians());
    let (dlat, dlon) = (lat2 - lat1, (b.lon - a.lon).to_radians());
    let h = (dlat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * 6371.0088 * h.sqrt().min(1.0).asin()
}

impl Gazetteer {
    pub fn new(places: Vec<Place>, regions: Vec<RegionName>) -> Gazetteer {
        let mut gazetteer = Gazetteer { places, regions, ..Gazetteer::default() };
        gazetteer.build_index();
        gazetteer
    }

    fn build_index(&mut self) {
        let mut index: HashMap<String, Vec<Spelling>> = HashMap::new();
        let mut add = |spelling: &str, target: Target, is_name: bool| {
            let folded = fold_text(spelling);
            if folded.is_empty() {
                return;
            }
            let entry = index.entry(place_key(spelling)).or_default();
            if !entry.iter().any(|s| s.target == target && s.folded == folded && s.is_name == is_name) {
                entry.push(Spelling { target, folded, is_name });
            }
        };
        for (i, place) in self.places.iter().enumerate() {
            add(&place.name, Target::Town(i), true);
            add(&place.id, Target::Town(i), true);
            place.aliases.iter().for_each(|a| add(a, Target::Town(i), false));
            self.town_ids.insert(place.id.clone(), i);
        }
        for (i, region) in self.regions.iter().enumerate() {
            add(&region.name, Target::Region(i), true);
            add(&region.id, Target::Region(i), true);
            if !region.name_nl.is_empty() {
                add(&region.name_nl, Target::Region(i), false);
            }
            region.aliases.iter().for_each(|a| add(a, Target::Region(i), false));
            self.region_ids.insert(region.id.clone(), i);
        }
        self.index = index;
    }

    pub fn town(&self, id: &str) -> Option<&Place> {
        self.town_ids.get(id).map(|&i| &self.places[i])
    }

    pub fn region(&self, id: &str) -> Option<&RegionName> {
        self.region_ids.get(id).map(|&i| &self.regions[i])
    }

    /// The display name of a resolved key.
    pub fn display_name(&self, key: &PlaceKey) -> String {
        match key.kind {
            PlaceKind::Town => self.town(&key.id).map_or_else(|| key.id.to_string(), |p| p.name.clone()),
            PlaceKind::Region => self.region(&key.id).map_or_else(|| key.id.to_string(), |r| r.name.clone()),
        }
    }

    /// Resolves a name as a ledger or a user writes it: `Boukamal`, `Sinjar, IQ`, `Sinjar (IQ)`,
    /// a town id, or `region:ID`.
    pub fn resolve(&self, query: &str, hint: &Hint) -> Resolution {
        let query = query.trim();
        if let Some(id) = query.strip_prefix("region:") {
            return match self.region_ids.get(id.trim()) {
                Some(&i) => found(self.candidate(Target::Region(i)).key),
                None => Resolution::NotFound { suggestions: self.suggest(id) },
            };
        }
        if let Some(&i) = self.town_ids.get(query) {
            return found(self.candidate(Target::Town(i)).key);
        }
        let (name, qualifier) = split_country_qualifier(query);
        let hint = Hint { country: qualifier.or_else(|| hint.country.clone()) };
        let spellings = self.index.get(&place_key(name)).map(Vec::as_slice).unwrap_or(&[]);
        let towns: Vec<&Spelling> = spellings.iter().filter(|s| matches!(s.target, Target::Town(_))).collect();
        if !towns.is_empty() {
            return self.choose_town(&towns, &fold_text(name), &hint, qualifier_given(query));
        }
        let regions: Vec<Target> = dedup_targets(spellings.iter().map(|s| s.target));
        match regions.as_slice() {
            [one] => found(self.candidate(*one).key),
            [] => Resolution::NotFound { suggestions: self.suggest(name) },
            many => Resolution::Ambiguous { candidates: many.iter().map(|t| self.candidate(*t)).collect() },
        }
    }

    /// Narrows the towns a name fits, rule by rule, until one is left (or reports ambiguity).
    fn choose_town(&self, spellings: &[&Spelling], folded: &str, hint: &Hint, strict_country: bool) -> Resolution {
        let mut ranked: BTreeMap<usize, (bool, bool)> = BTreeMap::new();
        for s in spellings {
            if let Target::Town(i) = s.target {
                let entry = ranked.entry(i).or_insert((false, false));
                entry.0 |= s.folded == folded;
                entry.1 |= s.is_name && s.folded == folded;
            }
        }
        let all: Vec<usize> = ranked.keys().copied().collect();
        let mut pool = all.clone();
        let mut rule = None;
        let narrow = |pool: &mut Vec<usize>, keep: &dyn Fn(usize) -> bool| {
            let kept: Vec<usize> = pool.iter().copied().filter(|&i| keep(i)).collect();
            let narrowed = !kept.is_empty() && kept.len() < pool.len();
            if narrowed {
                *pool = kept;
            }
            narrowed
        };
        if let Some(country) = &hint.country {
            let in_country = |i: usize| self.places[i].country.eq_ignore_ascii_case(country);
            if strict_country && !pool.iter().any(|&i| in_country(i)) {
                return Resolution::NotFound { suggestions: self.suggest(folded) };
            }
            if narrow(&mut pool, &in_country) {
                rule = Some(format!("in country {country}"));
            }
        }
        let steps: [(&str, &dyn Fn(usize) -> bool); 2] =
            [("exact spelling", &|i| ranked[&i].0), ("spelled as the display name", &|i| ranked[&i].1)];
        for (why, keep) in steps {
            if pool.len() > 1 && narrow(&mut pool, keep) {
                rule = Some(why.to_string());
            }
        }
        if pool.len() > 1 {
            pool.sort_by_key(|&i| (std::cmp::Reverse(self.places[i].population), i));
            let before = pool.len();
            pool = self.without_duplicates(pool);
            if pool.len() < before {
                rule = Some("the same place listed more than once (within 3 km)".into());
            }
        }
        if pool.len() > 1 {
            let (top, second) = (self.places[pool[0]].population, self.places[pool[1]].population);
            if top >= 1000 && top >= second.saturating_mul(DOMINANCE) {
                pool.truncate(1);
                rule = Some(format!("the most populous ({top} against at most {second})"));
            }
        }
        if pool.len() > 1 {
            return Resolution::Ambiguous {
                candidates: pool.iter().map(|&i| self.candidate(Target::Town(i))).collect(),
            };
        }
        let chosen = pool[0];
        let others = all.iter().filter(|&&i| i != chosen).map(|&i| self.candidate(Target::Town(i))).collect();
        Resolution::Found { key: self.candidate(Target::Town(chosen)).key, others, rule }
    }

    /// Drops towns that lie within [`SAME_PLACE_KM`] of a better-ranked town of the same
    /// country: a gazetteer listing one place twice. `pool` is in rank order.
    fn without_duplicates(&self, pool: Vec<usize>) -> Vec<usize> {
        let mut kept: Vec<usize> = Vec::with_capacity(pool.len());
        for i in pool {
            let (a, b) = (&self.places[i], |k: &usize| &self.places[*k]);
            let duplicate = kept.iter().any(|k| b(k).country == a.country && distance_km(a, b(k)) <= SAME_PLACE_KM);
            if !duplicate {
                kept.push(i);
            }
        }
        kept
    }

    fn candidate(&self, target: Target) -> Candidate {
        match target {
            Target::Town(i) => {
                let p = &self.places[i];
                Candidate {
                    key: PlaceKey { kind: PlaceKind::Town, id: p.id.as_str().into() },
                    name: p.name.clone(),
                    country: p.country.clone(),
                    population: p.population,
                }
            }
            Target::Region(i) => {
                let r = &self.regions[i];
                Candidate {
                    key: PlaceKey { kind: PlaceKind::Region, id: r.id.as_str().into() },
                    name: r.name.clone(),
                    country: r.country.clone(),
                    population: 0,
                }
            }
        }
    }

    /// Up to three names close to `query`, best first, for "did you mean" hints.
    pub fn suggest(&self, query: &str) -> Vec<String> {
        let wanted = place_key(query);
        if wanted.is_empty() {
            return Vec::new();
        }
        let mut scored: Vec<(u32, bool, String, &Spelling)> = Vec::new();
        for (key, spellings) in &self.index {
            let score = strsim::jaro_winkler(&wanted, key);
            if score < 0.85 {
                continue;
            }
            for s in spellings {
                scored.push(((score * 1e6) as u32, !s.is_name, self.suggestion_label(s), s));
            }
        }
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then_with(|| a.2.cmp(&b.2)));
        let mut seen: Vec<Target> = Vec::new();
        let mut out: Vec<String> = Vec::new();
        for (_, _, label, spelling) in scored {
            if !seen.contains(&spelling.target) {
                seen.push(spelling.target);
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
        }
    }

    /// Towns and regions whose names contain `query` (folded), for searching; best matches first.
    pub fn search(&self, query: &str, limit: usize) -> Vec<PlaceKey> {
        let wanted = fold_text(query);
        let mut hits: Vec<(u8, u64, PlaceKey)> = Vec::new();
        for p in &self.places {
            let names = std::iter::once(&p.name).chain(&p.aliases).map(|n| fold_text(n));
            if let Some(rank) = names.filter_map(|n| match_rank(&n, &wanted)).min() {
                hits.push((
                    rank,
                    u64::MAX - p.population,
                    PlaceKey { kind: PlaceKind::Town, id: p.id.as_str().into() },
                ));
            }
        }
        for r in &self.regions {
            let names = std::iter::once(&r.name).chain(&r.aliases).map(|n| fold_text(n));
            if let Some(rank) = names.filter_map(|n| match_rank(&n, &wanted)).min() {
                hits.push((rank, u64::MAX, PlaceKey { kind: PlaceKind::Region, id: r.id.as_str().into() }));
            }
        }
        hits.sort();
        hits.into_iter().take(limit).map(|(_, _, key)| key).collect()
    }
}

fn match_rank(name: &str, wanted: &str) -> Option<u8> {
    if name == wanted {
        Some(0)
    } else if name.starts_with(wanted) {
        Some(1)
    } else if name.contains(wanted) {
        Some(2)
    } else {
        None
    }
}

fn found(key: PlaceKey) -> Resolution {
    Resolution::Found { key, others: Vec::new(), rule: None }
}

fn dedup_targets(targets: impl Iterator<Item = Target>) -> Vec<Target> {
    let mut out: Vec<Target> = Vec::new();
    for t in targets {
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

/// `Sinjar, IQ` or `Sinjar (IQ)` → (`Sinjar`, `IQ`).
fn split_country_qualifier(query: &str) -> (&str, Option<String>) {
    let is_code = |c: &str| c.len() == 2 && c.bytes().all(|b| b.is_ascii_alphabetic());
    if let Some((name, code)) = query.rsplit_once(',')
        && is_code(code.trim())
    {
        return (name.trim(), Some(code.trim().to_ascii_uppercase()));
    }
    if let Some(open) = query.rfind('(')
        && let Some(code) = query[open + 1..].strip_suffix(')')
        && is_code(code.trim())
    {
        return (query[..open].trim(), Some(code.trim().to_ascii_uppercase()));
    }
    (query, None)
}

fn qualifier_given(query: &str) -> bool {
    split_country_qualifier(query).1.is_some()
}

/// Parses `places.csv` (`id,name,lon,lat,country,population,aliases,source,note`).
pub fn parse_places(file: &str, text: &str) -> Result<Vec<Place>, Diagnostic> {
    let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::All).from_reader(text.as_bytes());
    let header = reader.headers().map_err(|e| Diagnostic::error(file, Some(1), None, e.to_string()))?.clone();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| Diagnostic::error(file, Some(1), Some(name), "required column is missing from the header"))
    };
    let [id, name, lon, lat, country] = ["id", "name", "lon", "lat", "country"].map(col);
    let (id, name, lon, lat, country) = (id?, name?, lon?, lat?, country?);
    let optional = |n: &str| header.iter().position(|h| h == n);
    let (population, aliases, source, note) =
        (optional("population"), optional("aliases"), optional("source"), optional("note"));
    let mut places = Vec::new();
    let mut seen = HashMap::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            Diagnostic::error(file, e.position().map(|p| p.line() as usize), None, format!("malformed CSV: {e}"))
        })?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        let get = |at: Option<usize>| at.and_then(|i| record.get(i)).unwrap_or("");
        let coordinate = |at: usize, field: &str, limit: f64| {
            get(Some(at)).parse::<f64>().ok().filter(|v| v.is_finite() && v.abs() <= limit).ok_or_else(|| {
                Diagnostic::error(
                    file,
                    Some(line),
                    Some(field),
                    format!("{:?} is not a valid coordinate", get(Some(at))),
                )
            })
        };
        let place = Place {
            id: get(Some(id)).to_string(),
            name: get(Some(name)).to_string(),
            lon: coordinate(lon, "lon", 180.0)?,
            lat: coordinate(lat, "lat", 90.0)?,
            country: get(Some(country)).to_string(),
            population: match get(population) {
                "" => 0,
                text => text.parse().map_err(|_| {
                    Diagnostic::error(file, Some(line), Some("population"), format!("{text:?} is not a whole number"))
                })?,
            },
            aliases: get(aliases).split('|').map(str::trim).filter(|a| !a.is_empty()).map(str::to_string).collect(),
            source: get(source).to_string(),
            note: get(note).to_string(),
            governorate: None,
        };
        if place.id.is_empty() || place.name.is_empty() {
            return Err(Diagnostic::error(
                file,
                Some(line),
                Some(if place.id.is_empty() { "id" } else { "name" }),
                "is empty",
            ));
        }
        if let Some(first) = seen.insert(place.id.clone(), line) {
            return Err(Diagnostic::error(
                file,
                Some(line),
                Some("id"),
                format!("id {:?} is already used on line {first}", place.id),
            ));
        }
        places.push(place);
    }
    Ok(places)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn town(id: &str, name: &str, country: &str, population: u64, aliases: &[&str]) -> Place {
        Place {
            id: id.into(),
            name: name.into(),
            lon: 40.0,
            lat: 35.0,
            country: country.into(),
            population,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            source: "test".into(),
            note: String::new(),
            governorate: None,
        }
    }

    fn sample() -> Gazetteer {
        let region = RegionName {
            id: "yarmouk-basin".into(),
            name: "Yarmouk Basin".into(),
            name_nl: "Yarmouk-vallei".into(),
            kind: "area".into(),
            country: "SY".into(),
            aliases: vec!["enclave bij de grens met Israël".into()],
            note: String::new(),
        };
        Gazetteer::new(
            vec![
                town("deir-ez-zor", "Deir ez-Zor", "SY", 242_565, &["Dayr az Zawr", "Deir Ezzour"]),
                town("abu-kamal", "Abu Kamal", "SY", 57_000, &["Albu Kamal", "Boukamal"]),
                town("sinjar", "Sinjar", "IQ", 38_000, &["Shingal"]),
                town("sinjar-sy", "Sinjar", "SY", 2_000, &[]),
                town("tell-a", "Tell Abyad", "SY", 5_000, &[]),
                Place { lon: 41.0, ..town("tell-b", "Tell Abyad", "SY", 4_000, &[]) },
                Place { lat: 35.01, ..town("tell-dup", "Tell Abyad", "SY", 3_000, &[]) },
                town("hajin", "Hajin", "SY", 37_000, &[]),
                town("saimbeyli", "Saimbeyli", "TR", 5_000, &["Hajin"]),
            ],
            vec![region],
        )
    }

    fn resolved(g: &Gazetteer, q: &str) -> String {
        match g.resolve(q, &Hint::default()) {
            Resolution::Found { key, .. } => key.to_string(),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn resolves_spelling_variants() {
        let g = sample();
        for q in ["Deir ez-Zor", "Deir al-Zor", "Deir Ezzor", "deir ezzour", "DEIR EZ ZOR"] {
            assert_eq!(resolved(&g, q), "deir-ez-zor", "{q}");
        }
        for q in ["Boukamal", "Bukamal", "Al-Bukamal", "abu-kamal"] {
            assert_eq!(resolved(&g, q), "abu-kamal", "{q}");
        }
    }

    #[test]
    fn prefers_the_larger_town_and_says_so() {
        let g = sample();
        let Resolution::Found { key, others, rule } = g.resolve("Sinjar", &Hint::default()) else { panic!() };
        assert_eq!(key.id, "sinjar");
        assert_eq!(others[0].key.id, "sinjar-sy");
        assert!(rule.unwrap().contains("most populous"));
        assert_eq!(resolved(&g, "Sinjar, SY"), "sinjar-sy");
        assert_eq!(resolved(&g, "Sinjar (SY)"), "sinjar-sy");
        let hinted = g.resolve("Sinjar", &Hint { country: Some("SY".into()) });
        assert!(matches!(hinted, Resolution::Found { key, .. } if key.id == "sinjar-sy"));
    }

    #[test]
    fn a_display_name_beats_a_noisy_alias() {
        assert_eq!(resolved(&sample(), "Hajin"), "hajin");
    }

    #[test]
    fn equal_candidates_are_ambiguous_never_guessed() {
        let Resolution::Ambiguous { candidates } = sample().resolve("Tell Abyad", &Hint::default()) else { panic!() };
        let ids: Vec<&str> = candidates.iter().map(|c| c.key.id.as_str()).collect();
        assert_eq!(ids, ["tell-a", "tell-b"], "tell-dup, 1 km from tell-a, is the same place listed twice");
    }

    #[test]
    fn unknown_names_get_suggestions() {
        let Resolution::NotFound { suggestions } = sample().resolve("Deir Ezour", &Hint::default()) else {
            // "Deir Ezour" folds like "Deir Ezzour": that is a match, not a miss.
            return;
        };
        assert!(!suggestions.is_empty());
        let Resolution::NotFound { suggestions } = sample().resolve("Bukamil", &Hint::default()) else { panic!() };
        assert!(suggestions[0].starts_with("Abu Kamal"), "{suggestions:?}");
    }

    #[test]
    fn regions_resolve_by_name_alias_and_id() {
        let g = sample();
        assert_eq!(resolved(&g, "Yarmouk Basin"), "region:yarmouk-basin");
        assert_eq!(resolved(&g, "region:yarmouk-basin"), "region:yarmouk-basin");
        assert_eq!(resolved(&g, "enclave bij de grens met Israel"), "region:yarmouk-basin");
    }

    #[test]
    fn places_csv_errors_name_line_and_field() {
        let bad = "id,name,lon,lat,country\nraqqa,Raqqa,39.0,35.9,SY\nx,X,east,35.0,SY\n";
        let e = parse_places("places.csv", bad).unwrap_err();
        assert_eq!(e.to_string(), "places.csv:3: lon: \"east\" is not a valid coordinate");
        let dup = "id,name,lon,lat,country\nraqqa,Raqqa,39.0,35.9,SY\nraqqa,R,39.0,35.9,SY\n";
        assert!(parse_places("places.csv", dup).unwrap_err().to_string().contains("already used on line 2"));
    }
}
