//! The gazetteer: towns from `places.csv` and named regions, indexed by folded name, with
//! resolution rules for ambiguous names and "did you mean" suggestions.

use std::collections::HashMap;

use serde::Serialize;

use crate::model::{PlaceKey, PlaceKind};
use crate::places::fold::{fold_text, place_key};
pub use crate::places::places_csv::parse_places;
pub use crate::places::resolve::{Candidate, Resolution};

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
    /// The first-level region (governorate, province, oblast, state) the town lies in.
    pub governorate: Option<String>,
    /// A national capital (drawn and labelled before other towns).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub capital: bool,
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Target {
    /// A town of the regional layer (`places.csv`) or one adopted from the world table.
    Town(usize),
    Region(usize),
    /// A place of the world table not adopted yet (its index there).
    World(u32),
}

#[derive(Debug, Clone)]
pub(super) struct Spelling {
    pub(super) target: Target,
    /// [`fold_text`] of the spelling, to prefer exact spellings over variants.
    pub(super) folded: String,
    /// True for the display name or id; false for an alias.
    pub(super) is_name: bool,
}

/// Everything the gazetteer knows, indexed for resolution: the regional layer (`places.csv`,
/// `regions.geojson`), and, when enabled, the world table beneath it (see [`crate::places::world`]).
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    pub places: Vec<Place>,
    pub regions: Vec<RegionName>,
    pub(super) index: HashMap<String, Vec<Spelling>>,
    pub(super) town_ids: HashMap<String, usize>,
    pub(super) region_ids: HashMap<String, usize>,
    /// GeoNames ids of the towns that came from GeoNames (`source` = `geonames:ID`) or were adopted.
    pub(super) geonames_ids: HashMap<u32, usize>,
    /// Whether names are also looked up in the world table.
    pub(super) world: bool,
    /// The countries the regional layer details (those of its regions): only their towns are
    /// matched by transliteration variants.
    pub(super) core_countries: Vec<String>,
}

/// What a resolution prefers when a name fits several towns.
#[derive(Debug, Clone, Default)]
pub struct Hint {
    /// The country the text implies (ISO alpha-2).
    pub country: Option<String>,
}

impl Gazetteer {
    pub fn new(places: Vec<Place>, regions: Vec<RegionName>) -> Gazetteer {
        let mut core_countries: Vec<String> = regions.iter().map(|r| r.country.to_ascii_uppercase()).collect();
        core_countries.sort();
        core_countries.dedup();
        let mut gazetteer = Gazetteer { places, regions, core_countries, ..Gazetteer::default() };
        gazetteer.build_index();
        gazetteer
    }

    /// The same gazetteer with the world table beneath the regional layer.
    pub fn with_world(mut self) -> Gazetteer {
        self.world = true;
        self
    }

    /// The same gazetteer without the world table.
    pub fn without_world(mut self) -> Gazetteer {
        self.world = false;
        self
    }

    /// Whether the world table is consulted.
    pub fn has_world(&self) -> bool {
        self.world
    }

    /// Adds a town (a world place being adopted, or a place pinned by coordinates) and indexes its names.
    pub fn add_town(&mut self, place: Place) -> usize {
        let i = self.places.len();
        let names: Vec<(String, bool)> = std::iter::once((place.name.clone(), true))
            .chain(std::iter::once((place.id.clone(), true)))
            .chain(place.aliases.iter().map(|a| (a.clone(), false)))
            .collect();
        if let Some(id) = geonames_id(&place.source) {
            self.geonames_ids.insert(id, i);
        }
        self.town_ids.insert(place.id.clone(), i);
        self.places.push(place);
        for (name, is_name) in names {
            add_spelling(&mut self.index, &name, Target::Town(i), is_name);
        }
        i
    }

    fn build_index(&mut self) {
        let mut index: HashMap<String, Vec<Spelling>> = HashMap::new();
        for (i, place) in self.places.iter().enumerate() {
            add_spelling(&mut index, &place.name, Target::Town(i), true);
            add_spelling(&mut index, &place.id, Target::Town(i), true);
            place.aliases.iter().for_each(|a| add_spelling(&mut index, a, Target::Town(i), false));
            self.town_ids.insert(place.id.clone(), i);
            if let Some(id) = geonames_id(&place.source) {
                self.geonames_ids.insert(id, i);
            }
        }
        for (i, region) in self.regions.iter().enumerate() {
            add_spelling(&mut index, &region.name, Target::Region(i), true);
            add_spelling(&mut index, &region.id, Target::Region(i), true);
            if !region.name_nl.is_empty() {
                add_spelling(&mut index, &region.name_nl, Target::Region(i), false);
            }
            region.aliases.iter().for_each(|a| add_spelling(&mut index, a, Target::Region(i), false));
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
            PlaceKind::Town => match self.town(&key.id) {
                Some(p) => p.name.clone(),
                None => self.world_place(&key.id).map_or_else(|| key.id.to_string(), |p| p.name.to_string()),
            },
            PlaceKind::Region => self.region(&key.id).map_or_else(|| key.id.to_string(), |r| r.name.clone()),
            PlaceKind::Country => {
                crate::places::countries::by_code(&key.id).map_or_else(|| key.id.to_string(), |c| c.name.to_string())
            }
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

/// Indexes one spelling under its [`place_key`], remembering its [`fold_text`] form.
fn add_spelling(index: &mut HashMap<String, Vec<Spelling>>, spelling: &str, target: Target, is_name: bool) {
    let folded = fold_text(spelling);
    if folded.is_empty() {
        return;
    }
    let entry = index.entry(place_key(spelling)).or_default();
    if !entry.iter().any(|s| s.target == target && s.folded == folded && s.is_name == is_name) {
        entry.push(Spelling { target, folded, is_name });
    }
}

/// The GeoNames id in a `source` field such as `geonames:281184`.
pub(super) fn geonames_id(source: &str) -> Option<u32> {
    source.strip_prefix("geonames:")?.trim().parse().ok()
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
            capital: false,
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

    /// The sample with towns named like countries: one abroad, one in its own country.
    fn with_namesakes() -> Gazetteer {
        let mut g = sample();
        g.add_town(town("lebanon-us", "Lebanon", "US", 25_000, &[]));
        g.add_town(town("djibouti", "Djibouti", "DJ", 600_000, &[]));
        g.add_town(town("arak", "Arak", "IR", 500_000, &["Sultanabad"]));
        g
    }

    #[test]
    fn countries_resolve_by_code_in_any_case_and_by_english_and_dutch_name() {
        let g = with_namesakes();
        for q in ["country:IQ", "country:iq", "COUNTRY:IQ", "Iraq", "Irak", "IRAQ"] {
            assert_eq!(resolved(&g, q), "country:IQ", "{q}");
        }
        for q in ["country:SY", "Syria", "Syrië", "Syrie"] {
            assert_eq!(resolved(&g, q), "country:SY", "{q}");
        }
        assert_eq!(resolved(&g, "Oekraïne"), "country:UA");
        assert_eq!(resolved(&g, "Soedan"), "country:SD");
        let Resolution::Found { key, .. } = g.resolve("Iraq", &Hint::default()) else { panic!() };
        assert_eq!(key.kind, PlaceKind::Country);
        assert_eq!(g.display_name(&key), "Iraq");
    }

    #[test]
    fn an_unknown_country_code_is_not_found_with_codes_to_try() {
        let Resolution::NotFound { suggestions } = sample().resolve("country:IZ", &Hint::default()) else { panic!() };
        assert!(suggestions.iter().any(|s| s.starts_with("country:IQ")), "{suggestions:?}");
        assert!(matches!(sample().resolve("country:", &Hint::default()), Resolution::NotFound { .. }));
    }

    #[test]
    fn a_town_abroad_named_like_a_country_needs_a_qualifier() {
        let g = with_namesakes();
        let Resolution::Found { key, others, rule } = g.resolve("Lebanon", &Hint::default()) else { panic!() };
        assert_eq!(key.to_string(), "country:LB");
        assert_eq!(others.iter().map(|c| c.key.id.as_str()).collect::<Vec<_>>(), ["lebanon-us"]);
        assert!(rule.unwrap().contains("qualifier"));
        assert_eq!(resolved(&g, "Lebanon, US"), "lebanon-us");
        assert_eq!(resolved(&g, "lebanon-us"), "lebanon-us");
    }

    #[test]
    fn a_capital_named_like_its_own_country_is_ambiguous_never_guessed() {
        let g = with_namesakes();
        let Resolution::Ambiguous { candidates } = g.resolve("Djibouti", &Hint::default()) else { panic!() };
        let keys: Vec<String> = candidates.iter().map(|c| c.key.to_string()).collect();
        assert_eq!(keys, ["country:DJ", "djibouti"]);
        assert_eq!(candidates[0].qualified, "country:DJ");
        assert_eq!(resolved(&g, "country:DJ"), "country:DJ");
        assert_eq!(resolved(&g, "Djibouti, DJ"), "djibouti");
    }

    #[test]
    fn towns_are_unchanged_by_the_country_names() {
        let g = with_namesakes();
        assert_eq!(resolved(&g, "Arak"), "arak");
        assert_eq!(resolved(&g, "Sinjar"), "sinjar");
        assert_eq!(resolved(&g, "Yarmouk Basin"), "region:yarmouk-basin");
    }
}
