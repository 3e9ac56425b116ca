//! Town and region names in running text: which capitalised word runs the gazetteer knows (the
//! regional layer, the world table beneath it, and the exonym lexicons such as
//! `geodata/lang/exonyms-nl.tsv`), resolved with its own rules and remembered in a bounded cache,
//! plus the evidence rules that keep common words and personal names from becoming places.

use crate::extract::fxhash::{FxMap, FxSet};
use crate::fxhash::SpreadMap;

use crate::model::{PlaceKey, PlaceKind};
use crate::places::fold::{fold_text, place_key};
use crate::places::world::{haversine_km, world};
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

/// Where [`TownIndex::lookup`] keeps a hit: [`TownIndex::hit`] lends it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HitId(u32);

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
    /// Only the world table knows it (not the regional layer): it needs more evidence.
    pub world: bool,
    /// Coordinates (0, 0 for regions), to prefer places near the article's other places.
    pub lat: f64,
    pub lon: f64,
    /// The other places of the name that `rule` set aside (`Mu-se` for `Muse`, Pennsylvania):
    /// one of them may fit the article better (see [`TownIndex::preferred_candidate`]).
    pub set_aside: std::sync::Arc<[Candidate]>,
}

/// The gazetteer seen from running text.
#[derive(Debug, Clone)]
pub struct TownIndex {
    /// Place keys of every spelling of every town and region.
    keys: FxSet<String>,
    /// Place keys of town spellings only.
    pub town_keys: FxSet<String>,
    /// Folded spellings → what they resolve to (a table that spreads the hash: plain FxHash
    /// picks buckets by a short name's first letters and length).
    /// The hits are kept in `hits`, by index: a look-up that finds a place lends it without
    /// cloning it.
    cache: SpreadMap<String, Option<u32>>,
    hits: Vec<Hit>,
    /// Exonyms (folded) → the place they name (`geodata/lang/exonyms-*.tsv`).
    exonyms: FxMap<String, Found>,
    /// Coordinates of the towns the current article has named so far.
    article: Vec<(f64, f64)>,
    /// Their countries, each once.
    article_countries: Vec<String>,
    /// Country names (folded), never bare towns (`geodata/lang/countries.tsv`).
    countries: FxSet<String>,
}

/// Largest number of places of one article remembered for [`TownIndex::near_article`].
const ARTICLE_PLACES: usize = 64;

/// A namesake within this distance of a place the article named is "near the article's places".
pub const NEAR_KM: f64 = 400.0;

/// How far from the one town an article named before a small town must lie to be doubted.
const LONE_TOWN_KM: f64 = 800.0;

/// A world place at least this populous is accepted on its own name even at a sentence start.
pub const WORLD_CITY: u64 = 100_000;

/// A problem with one row of an exonym file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExonymProblem {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for ExonymProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
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
        TownIndex {
            keys,
            town_keys,
            cache: SpreadMap::default(),
            hits: Vec::new(),
            exonyms: FxMap::default(),
            article: Vec::new(),
            article_countries: Vec::new(),
            countries: FxSet::default(),
        }
    }

    /// Reads a country-name file: `CC<TAB>name<TAB>name...` per line, `#` starts a comment.
    pub fn add_countries(&mut self, text: &str) {
        let rows = text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#'));
        for row in rows {
            self.countries.extend(row.split('\t').skip(1).map(fold_text).filter(|n| !n.is_empty()));
        }
    }

    /// Whether a name (folded, words joined by spaces) is a country's name.
    pub fn is_country(&self, folded: &str) -> bool {
        !self.countries.is_empty() && self.countries.contains(folded)
    }

    /// Reads an exonym file: one `exonym<TAB>place` row per line (the place as a ledger may
    /// write it: an id such as `bakhmut-713174`, a name, `Name, CC`); `#` starts a comment.
    /// Rows whose place does not resolve to exactly one place are left out and returned as
    /// problems (the geodata in use may lack the world table).
    pub fn add_exonyms(&mut self, gazetteer: &Gazetteer, file: &str, text: &str) -> Vec<ExonymProblem> {
        let mut problems = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let problem = |message: String| ExonymProblem { file: file.to_string(), line: n + 1, message };
            let Some((exonym, place)) = line.split_once('\t') else {
                problems.push(problem("expected exonym<TAB>place".into()));
                continue;
            };
            let (exonym, place) = (exonym.trim(), place.split('\t').next().unwrap_or("").trim());
            match exonym_target(gazetteer, place) {
                Some(found) if !fold_text(exonym).is_empty() => {
                    self.exonyms.insert(fold_text(exonym), found);
                }
                Some(_) => problems.push(problem("the exonym is empty".into())),
                None => problems.push(problem(format!("{place:?} does not resolve to one place"))),
            }
        }
        self.cache.clear();
        problems
    }

    /// How many exonyms are loaded.
    pub fn exonym_count(&self) -> usize {
        self.exonyms.len()
    }

    /// A new article starts: forget the places of the last one.
    pub fn start_article(&mut self) {
        self.article.clear();
        self.article_countries.clear();
    }

    /// Remembers a town the article named (for [`TownIndex::near_article`]).
    pub fn note_place(&mut self, found: &Found) {
        let point = (found.lat, found.lon);
        if found.key.kind == PlaceKind::Town
            && point != (0.0, 0.0)
            && self.article.len() < ARTICLE_PLACES
            && !self.article.contains(&point)
        {
            self.article.push(point);
            if !found.country.is_empty() && !self.article_countries.contains(&found.country) {
                self.article_countries.push(found.country.clone());
            }
        }
    }

    /// Whether the article named a town in `country` before.
    pub fn in_article_country(&self, country: &str) -> bool {
        self.article_countries.iter().any(|c| c == country)
    }

    /// Undoes [`TownIndex::note_place`] for a town found to be a stray namesake: its point, and
    /// its country when no other town of the article lies there.
    pub fn forget_place(&mut self, found: &Found) {
        self.article.retain(|&p| p != (found.lat, found.lon));
        self.article_countries.retain(|c| *c != found.country);
    }

    /// Whether a place lies away from everything the article named so far: the article has
    /// named towns, none within [`NEAR_KM`] of this one and none in its country. A namesake there
    /// (`Karabach` = Karabash, Russia, in an article about Azerbaijan) is seldom the town meant.
    pub fn far_from_article(&self, found: &Found) -> bool {
        found.key.kind == PlaceKind::Town
            && !self.article.is_empty()
            && !self.article_countries.contains(&found.country)
            && !self.near_article(found.lat, found.lon)
    }

    /// Of several places of one name, the one that fits the article: the only one near its
    /// other places, else the only one in a country of its other places.
    pub fn preferred_candidate<'c>(&self, list: &'c [Candidate]) -> Option<&'c Candidate> {
        let towns = || list.iter().filter(|c| c.key.kind == PlaceKind::Town);
        let only = |mut fits: Box<dyn Iterator<Item = &'c Candidate> + '_>| {
            let one = fits.next()?;
            fits.next().is_none().then_some(one)
        };
        only(Box::new(towns().filter(|c| self.near_article(c.lat, c.lon))))
            .or_else(|| only(Box::new(towns().filter(|c| self.article_countries.contains(&c.country)))))
    }

    /// A place whose name other places share, moved to the namesake that fits the article when
    /// the place chosen by the gazetteer's rules lies away from the article's other places
    /// (`Muse` in an article about Shan State is Mu-se, Myanmar, not Muse, Pennsylvania).
    pub fn namesake_for_article(&self, gazetteer: &Gazetteer, chosen: &Found, written: &str) -> Option<Found> {
        if chosen.set_aside.is_empty() || !self.far_from_article(chosen) {
            return None;
        }
        let better = self.preferred_candidate(&chosen.set_aside)?;
        let mut found = found(gazetteer, better.key.clone(), written, true, None);
        found.rule = Some("the namesake that fits the article's other places".into());
        Some(found)
    }

    /// [`TownIndex::far_from_article`] as evidence against a bare small town: with one town named
    /// before (a city across the border, a capital abroad), only one more than
    /// [`LONE_TOWN_KM`] from it is far ("Koersk" then "Ocheretyne", 450 km, is near enough).
    pub fn too_far_for_a_small_town(&self, found: &Found) -> bool {
        match self.article.as_slice() {
            [(lat, lon)] => {
                self.far_from_article(found) && haversine_km(*lat, *lon, found.lat, found.lon) > LONE_TOWN_KM
            }
            _ => self.far_from_article(found),
        }
    }

    /// Whether a point lies within [`NEAR_KM`] of a town the article named before.
    pub fn near_article(&self, lat: f64, lon: f64) -> bool {
        self.article.iter().any(|&(a, o)| !far_by_latitude(a, lat) && haversine_km(a, o, lat, lon) <= NEAR_KM)
    }

    /// Of several candidates, the one that fits the article ([`TownIndex::preferred_candidate`]).
    pub fn nearest_candidate(&self, gazetteer: &Gazetteer, list: &[Candidate], written: &str) -> Option<Found> {
        let one = self.preferred_candidate(list)?;
        let mut found = found(gazetteer, one.key.clone(), written, true, None);
        found.rule = Some("the namesake near the article's other places".into());
        Some(found)
    }

    /// Resolves a word run (`folded`: its folded words joined by spaces; `text`: as written).
    pub fn lookup(&mut self, gazetteer: &Gazetteer, folded: &str, text: &str) -> Option<HitId> {
        if let Some(&hit) = self.cache.get(folded) {
            return hit.map(HitId);
        }
        let hit = if let Some(found) = self.exonyms.get(&fold_text(text)) {
            Some(Hit::Found(found.clone()))
        } else if self.keys.contains(&place_key(text)) || in_world(gazetteer, text) {
            resolve(gazetteer, text)
        } else {
            None
        };
        if self.cache.len() >= CACHE_LIMIT {
            self.cache.clear();
            self.hits.clear();
        }
        let id = hit.map(|hit| {
            self.hits.push(hit);
            (self.hits.len() - 1) as u32
        });
        self.cache.insert(folded.to_string(), id);
        id.map(HitId)
    }

    /// The hit a [`TownIndex::lookup`] gave (valid until the next look-up).
    pub fn hit(&self, id: HitId) -> &Hit {
        &self.hits[id.0 as usize]
    }
}

/// Whether two latitudes alone put points farther apart than [`NEAR_KM`] (with a kilometre to
/// spare for rounding): the great-circle distance is never less than the arc between the
/// latitudes, so the trigonometry of [`haversine_km`] is needed only when this is false.
fn far_by_latitude(lat1: f64, lat2: f64) -> bool {
    (lat2 - lat1).abs().to_radians() * 6371.0088 > NEAR_KM + 1.0
}

/// Whether the world table (when the gazetteer uses it) knows a spelling, as written or as one
/// of its variants (an Arabic article, joined syllables, a Dutch or Burmese transliteration:
/// `Koerachove` = `Kurakhove`, `Kut Kai` = `Kutkai`). A variant is an alias of the place, never
/// its display name, so it needs the evidence an alias needs.
fn in_world(gazetteer: &Gazetteer, text: &str) -> bool {
    if !gazetteer.has_world() {
        return false;
    }
    let folded = fold_text(text);
    !world().lookup(&folded).is_empty() || !world().lookup_variant(&folded).is_empty()
}

/// The place an exonym row names, when it resolves to exactly one.
fn exonym_target(gazetteer: &Gazetteer, place: &str) -> Option<Found> {
    match gazetteer.resolve(place, &Hint::default()) {
        Resolution::Found { key, others, .. } if others.is_empty() || gazetteer.world_place(&key.id).is_some() => {
            let mut found = found(gazetteer, key, place, false, None);
            found.name_exact = true;
            found.curated = true;
            Some(found)
        }
        _ => None,
    }
}

/// A whole country (`Irak`) is not a mention the extractor makes claims about (yet): only
/// towns and regions are hits.
fn resolve(gazetteer: &Gazetteer, text: &str) -> Option<Hit> {
    match gazetteer.resolve_without_suggestions(text, &Hint::default()) {
        Resolution::Found { key, .. } if key.kind == PlaceKind::Country => None,
        Resolution::Ambiguous { mut candidates } if candidates.iter().any(|c| c.key.kind == PlaceKind::Country) => {
            candidates.retain(|c| c.key.kind != PlaceKind::Country);
            (!candidates.is_empty()).then_some(Hit::Ambiguous(candidates))
        }
        Resolution::Found { key, others, rule } => {
            let mut hit = found(gazetteer, key, text, !others.is_empty(), rule);
            hit.set_aside = others.into_iter().filter(|c| c.key.kind == PlaceKind::Town).collect();
            (!names_region_elsewhere(&hit, text)).then_some(Hit::Found(hit))
        }
        Resolution::Ambiguous { candidates } if !world().regions_named(text).is_empty() => {
            // "Shan": Shan State, not one of the towns abroad that carry the name.
            let regions = world().regions_named(text);
            let kept: Vec<Candidate> =
                candidates.into_iter().filter(|c| regions.iter().any(|r| r.country == c.country)).collect();
            (!kept.is_empty()).then_some(Hit::Ambiguous(kept))
        }
        Resolution::Ambiguous { candidates } => Some(Hit::Ambiguous(candidates)),
        Resolution::NotFound { .. } | Resolution::UnknownQualifier { .. } => None,
    }
}

/// Whether a name is a first-level region's name (without its kind: `Kachin` for Kachin State)
/// in another country than a world place found for it that is small or only an alternate
/// name (`Kachin` = Kachyn, Ukraine). News writes such a name for the region.
fn names_region_elsewhere(found: &Found, text: &str) -> bool {
    if !found.world || found.curated || (found.name_exact && found.population >= BIG_TOWN) {
        return false;
    }
    let regions = world().regions_named(text);
    !regions.is_empty() && regions.iter().all(|r| r.country != found.country)
}

fn found(gazetteer: &Gazetteer, key: PlaceKey, text: &str, had_others: bool, rule: Option<String>) -> Found {
    let folded = fold_text(text);
    let rule = rule.filter(|_| had_others);
    match key.kind {
        PlaceKind::Town => match (gazetteer.town(&key.id), gazetteer.world_place(&key.id)) {
            (Some(place), _) => {
                let name_exact = fold_text(&place.name) == folded;
                let curated = !place.source.starts_with("geonames");
                let (population, lat, lon) = (place.population, place.lat, place.lon);
                Found {
                    country: place.country.clone(),
                    population,
                    name_exact,
                    curated,
                    rule,
                    key,
                    world: false,
                    lat,
                    lon,
                    set_aside: std::sync::Arc::from([]),
                }
            }
            (None, Some(place)) => Found {
                country: place.country.to_string(),
                population: place.population,
                name_exact: fold_text(place.name) == folded,
                curated: false,
                rule,
                key,
                world: true,
                lat: place.lat,
                lon: place.lon,
                set_aside: std::sync::Arc::from([]),
            },
            (None, None) => Found {
                key,
                country: String::new(),
                population: 0,
                name_exact: false,
                curated: false,
                rule,
                world: true,
                lat: 0.0,
                lon: 0.0,
                set_aside: std::sync::Arc::from([]),
            },
        },
        PlaceKind::Region => {
            let country = gazetteer.region(&key.id).map_or(String::new(), |r| r.country.clone());
            area(key, country, rule)
        }
        PlaceKind::Country => {
            let country = key.id.to_string();
            area(key, country, rule)
        }
    }
}

/// A region or country found by name: curated, exact, with no population or point of its own.
pub fn area(key: PlaceKey, country: String, rule: Option<String>) -> Found {
    Found {
        key,
        country,
        population: 0,
        name_exact: true,
        curated: true,
        rule,
        world: false,
        lat: 0.0,
        lon: 0.0,
        set_aside: std::sync::Arc::from([]),
    }
}

/// Resolves an ambiguous name again with a country hint; `None` when it stays ambiguous.
pub fn with_hint(gazetteer: &Gazetteer, text: &str, country: &str) -> Option<Found> {
    match gazetteer.resolve_without_suggestions(text, &Hint { country: Some(country.to_string()) }) {
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
    /// A preposition of place governs it ("in X", "uit X"), or it follows a place in a list
    /// ("in Sinjar en Makhmour").
    pub place_preposition: bool,
    /// It is the first word of the sentence, so its capital says nothing.
    pub sentence_initial: bool,
    /// A capitalised word that is not part of it stands right before or after it, as in
    /// personal names ("Abu Bakr al-Baghdadi", "kolonel Ryan Dillon").
    pub name_neighbour: bool,
    /// It is glued by a hyphen to a word that is not part of it ("Al-Nuri-moskee").
    pub in_compound: bool,
    /// An event cue stands in its clause ("veroverden", "fell to").
    pub cue_in_clause: bool,
    /// It lies near a town the article named before, or in a country the sentence names.
    pub near_article: bool,
    /// The article named towns before, none near it and none in its country
    /// ([`TownIndex::far_from_article`]).
    pub far_from_article: bool,
    /// An event cue follows it at once or after one auxiliary ("Bakhmut fell to", "Kreminna was
    /// captured by", "Soledar werd ingenomen"): the name is the event's place (branch xactor).
    /// Opening the sentence, also when its verb follows after an apposition or its auxiliary's
    /// cue comes later in the clause ("Kidal werd in november door het leger heroverd").
    pub cue_next: bool,
    /// A definite article stands right before it ("de Dnjepr", "the Donbas"): town names take
    /// none, rivers and areas do.
    pub after_article: bool,
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
    if found.world && !found.curated {
        return accept_world(found, evidence);
    }
    let big = found.population >= BIG_TOWN;
    if found.name_exact {
        return found.curated
            || big
            || found.population >= 1000
            || !evidence.sentence_initial
            || evidence.place_preposition
            || evidence.cue_next;
    }
    // GeoNames gives many towns population 0 (unknown, not empty): their aliases count like
    // those of a town of some size, with a place preposition, a list or a cue as evidence.
    let unknown_size = found.population == 0;
    let evidence_ok = evidence.place_preposition || (unknown_size && evidence.cue_in_clause);
    big || found.curated || (evidence_ok && (found.population >= 1000 || unknown_size))
}

/// A place only the world table knows: ordinary words of many languages are place names
/// somewhere ("Hoop", "Born", "Mobile"), so a bare one needs evidence beyond its capital letter.
fn accept_world(found: &Found, evidence: &Evidence) -> bool {
    if evidence.after_article {
        return false;
    }
    // Far from the article's other places, only a sizeable town under its own name.
    if evidence.far_from_article && !(found.name_exact && found.population >= BIG_TOWN) {
        return false;
    }
    let context = evidence.place_preposition || evidence.cue_in_clause || evidence.near_article;
    if evidence.sentence_initial {
        // Its capital says nothing: a big city by its own name, or one near the article's places.
        // Or a town of some size whose event cue follows at once ("Bakhmut fell to ...").
        let cue_town = found.population >= BIG_TOWN && evidence.cue_next;
        return evidence.near_article || (found.name_exact && (found.population >= WORLD_CITY && context || cue_town));
    }
    if found.name_exact {
        return found.population >= BIG_TOWN || context;
    }
    // An alternate name only: a town of some size in a sentence about places or events.
    evidence.near_article || (found.population >= BIG_TOWN && context)
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
            world: false,
            lat: 35.0,
            lon: 40.0,
            set_aside: std::sync::Arc::from([]),
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

    #[test]
    fn world_places_need_evidence_beyond_a_capital() {
        let world = |population, name_exact| Found { world: true, ..found(population, name_exact) };
        let plain = Evidence::default();
        // A big city by its own name, mid-sentence: yes; a village: only with some evidence.
        assert!(accept(&world(200_000, true), &plain));
        assert!(!accept(&world(2_000, true), &plain));
        assert!(accept(&world(2_000, true), &Evidence { place_preposition: true, ..plain }));
        assert!(accept(&world(2_000, true), &Evidence { cue_in_clause: true, ..plain }));
        // At a sentence start its capital says nothing.
        let initial = Evidence { sentence_initial: true, ..plain };
        assert!(!accept(&world(200_000, true), &initial));
        assert!(accept(&world(200_000, true), &Evidence { cue_in_clause: true, ..initial }));
        assert!(accept(&world(2_000, true), &Evidence { near_article: true, ..initial }));
        // A town of some size at the start with its cue right after it ("Bakhmut fell to").
        let cue_next = Evidence { cue_next: true, cue_in_clause: true, ..initial };
        assert!(accept(&world(80_000, true), &cue_next));
        assert!(!accept(&world(80_000, true), &Evidence { cue_in_clause: true, ..initial }));
        assert!(!accept(&world(2_000, true), &cue_next));
        assert!(!accept(&world(80_000, false), &cue_next));
        // An alternate name only: a sizeable town in a sentence about places, or one nearby.
        assert!(!accept(&world(50_000, false), &plain));
        assert!(accept(&world(50_000, false), &Evidence { place_preposition: true, ..plain }));
        assert!(!accept(&world(2_000, false), &Evidence { place_preposition: true, ..plain }));
        // "de Dnjepr": a name after a definite article is not a town, unless introduced.
        let after_article = Evidence { after_article: true, place_preposition: true, ..plain };
        assert!(!accept(&world(900_000, false), &after_article));
        assert!(accept(&world(900_000, false), &Evidence { introduced: true, ..after_article }));
    }

    #[test]
    fn aliases_of_towns_of_unknown_population_count_with_evidence() {
        let plain = Evidence::default();
        assert!(!accept(&found(0, false), &plain));
        assert!(accept(&found(0, false), &Evidence { place_preposition: true, ..plain }));
        assert!(accept(&found(0, false), &Evidence { cue_in_clause: true, ..plain }));
        assert!(!accept(&found(300, false), &Evidence { cue_in_clause: true, ..plain }));
    }

    #[test]
    fn dutch_transliterations_give_english_spellings() {
        let has =
            |dutch: &str, english: &str| crate::places::variants::dutch_variants(dutch).iter().any(|v| v == english);
        assert!(has("chromove", "khromove"));
        assert!(has("otsjeretyne", "ocheretyne"));
        assert!(has("tsjasiv jar", "chasiv yar"));
        assert!(has("koepjansk", "kupyansk"));
        assert!(has("loehansk", "luhansk"));
    }
}
