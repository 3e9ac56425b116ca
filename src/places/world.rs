//! The world gazetteer: GeoNames places of 500 or more inhabitants (`geodata/world/places.tsv.gz`),
//! indexed at build time (`build.rs`) and read in place from the binary, without parsing a row.
//!
//! Tables, all little-endian:
//! - `world_places.bin`: one 32-byte record per place: GeoNames id `u32`, latitude and longitude
//!   `i32` in 1e-4 degrees, population `u32`, offset of its strings `u32`, name length `u16`,
//!   region index `u16` (`u16::MAX` for none), alternates length `u32`, country code `[u8; 2]`,
//!   capital flag `u8`, padding `u8`;
//! - `world_strings.bin`: each place's name followed by its `|`-separated alternate names;
//! - `world_regions.tsv`: `cc`, ISO 3166-2 code and English name of each first-level region;
//! - `world_keys.fst` and `world_postings.bin`: folded name → places (see `build.rs`).

use std::sync::OnceLock;

use fst::{IntoStreamer, Streamer};

use crate::places::fold::fold_text;
use crate::places::variants::spelling_variants;

static PLACES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/world_places.bin"));
static STRINGS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/world_strings.bin"));
static REGIONS: &str = include_str!(concat!(env!("OUT_DIR"), "/world_regions.tsv"));
static POSTINGS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/world_postings.bin"));
static KEYS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/world_keys.fst"));

const RECORD: usize = 32;
const NO_REGION: u16 = u16::MAX;

/// A first-level region of the world table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorldRegion {
    pub country: &'static str,
    /// ISO 3166-2, e.g. `UA-65`.
    pub code: &'static str,
    pub name: &'static str,
}

/// One place of the world table, borrowed from the binary.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WorldPlace {
    /// Its index in the table.
    pub index: u32,
    pub geonameid: u32,
    pub name: &'static str,
    pub country: &'static str,
    pub region: Option<WorldRegion>,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
    /// A national capital.
    pub capital: bool,
    alternates: &'static str,
}

impl WorldPlace {
    /// Its alternate names, as GeoNames lists them (several scripts).
    pub fn alternates(&self) -> impl Iterator<Item = &'static str> {
        self.alternates.split('|').filter(|a| !a.is_empty())
    }

    /// The id under which the ledger and the outputs know it: a slug of its name and its GeoNames id.
    pub fn id(&self) -> String {
        format!("{}-{}", slug(self.name), self.geonameid)
    }
}

/// A spelling's match: the place and whether the spelling is its display name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorldHit {
    pub index: u32,
    pub is_name: bool,
}

/// The embedded world gazetteer.
pub struct World {
    keys: fst::Map<&'static [u8]>,
    regions: Vec<WorldRegion>,
    /// The regions by [`region_words`] of their names (indices into `regions`, in order), built
    /// on first use: a ledger of thousands of qualified names, and the extractor for every
    /// small town it finds, ask for them.
    region_words: OnceLock<std::collections::HashMap<String, Vec<usize>>>,
    /// Each country's national capital (GeoNames feature code PPLC; the most populous when a
    /// country has several), by country code, built on first use.
    capitals: OnceLock<std::collections::HashMap<[u8; 2], u32>>,
}

/// The world gazetteer, opened once per process (the tables are read in place).
pub fn world() -> &'static World {
    static WORLD: OnceLock<World> = OnceLock::new();
    WORLD.get_or_init(|| World {
        keys: fst::Map::new(KEYS).expect("build.rs writes a valid fst map"),
        regions: REGIONS.lines().filter_map(parse_region).collect(),
        region_words: OnceLock::new(),
        capitals: OnceLock::new(),
    })
}

fn parse_region(line: &'static str) -> Option<WorldRegion> {
    let mut fields = line.splitn(3, '\t');
    Some(WorldRegion { country: fields.next()?, code: fields.next()?, name: fields.next()? })
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

fn u16_at(bytes: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([bytes[at], bytes[at + 1]])
}

impl World {
    /// How many places the table holds.
    pub fn len(&self) -> usize {
        PLACES.len() / RECORD
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The place at `index` (from a [`WorldHit`] or `0..len()`).
    pub fn place(&self, index: u32) -> WorldPlace {
        let r = &PLACES[index as usize * RECORD..][..RECORD];
        let offset = u32_at(r, 16) as usize;
        let (name_len, alt_len) = (u16_at(r, 20) as usize, u32_at(r, 24) as usize);
        let text = |from: usize, len: usize| std::str::from_utf8(&STRINGS[from..from + len]).unwrap_or("");
        let region = u16_at(r, 22);
        WorldPlace {
            index,
            geonameid: u32_at(r, 0),
            lat: f64::from(u32_at(r, 4) as i32) / 1e4,
            lon: f64::from(u32_at(r, 8) as i32) / 1e4,
            population: u64::from(u32_at(r, 12)),
            name: text(offset, name_len),
            alternates: text(offset + name_len, alt_len),
            country: std::str::from_utf8(&r[28..30]).unwrap_or(""),
            capital: r[30] == 1,
            region: (region != NO_REGION).then(|| self.regions.get(region as usize).copied()).flatten(),
        }
    }

    /// The national capital of a country (ISO 3166-1 alpha-2, any case), if the table flags one.
    pub fn capital_of(&self, country: &str) -> Option<WorldPlace> {
        let code: [u8; 2] = country.as_bytes().try_into().ok()?;
        let code = code.map(|b| b.to_ascii_uppercase());
        self.capitals.get_or_init(|| self.index_capitals()).get(&code).map(|&index| self.place(index))
    }

    /// Scans the records once for the capital flag, keeping the most populous per country.
    fn index_capitals(&self) -> std::collections::HashMap<[u8; 2], u32> {
        let mut out: std::collections::HashMap<[u8; 2], u32> = std::collections::HashMap::new();
        for (index, r) in PLACES.chunks_exact(RECORD).enumerate() {
            if r[30] != 1 {
                continue;
            }
            let code = [r[28], r[29]];
            let population = u32_at(r, 12);
            let larger = out.get(&code).is_none_or(|&old| u32_at(PLACES, old as usize * RECORD + 12) < population);
            if larger {
                out.insert(code, index as u32);
            }
        }
        out
    }

    /// The place with this GeoNames id (the table is sorted by id).
    pub fn by_geonameid(&self, id: u32) -> Option<WorldPlace> {
        let (mut low, mut high) = (0usize, self.len());
        while low < high {
            let mid = (low + high) / 2;
            match u32_at(PLACES, mid * RECORD).cmp(&id) {
                std::cmp::Ordering::Less => low = mid + 1,
                std::cmp::Ordering::Greater => high = mid,
                std::cmp::Ordering::Equal => return Some(self.place(mid as u32)),
            }
        }
        None
    }

    /// The places one of whose names or alternate names folds ([`fold_text`]) to `folded`.
    pub fn lookup(&self, folded: &str) -> Vec<WorldHit> {
        match self.keys.get(folded) {
            None => Vec::new(),
            Some(value) => decode(value),
        }
    }

    /// The places a folded spelling names only with or without an Arabic article: `hodeidah`
    /// when the table lists `El-Hodeidah`, `hasakah` for `Al-Hasakah`, `raqqah` for `Ar Raqqah`,
    /// and `al bab` when it lists only `Bab`. Every hit is an alias (`is_name` false), since
    /// the spelling is not the one GeoNames gives. Empty when the spelling itself is in the table
    /// (use [`World::lookup`] first) or is too short to stand without its article.
    pub fn lookup_article_variant(&self, folded: &str) -> Vec<WorldHit> {
        if let Some(rest) = without_arabic_article(folded) {
            return aliases(self.lookup(rest));
        }
        if folded.len() < MIN_BARE_NAME || !folded.bytes().all(|b| b.is_ascii_lowercase() || b == b' ') {
            return Vec::new();
        }
        for article in articles_before(folded) {
            let hits = self.lookup(&format!("{article} {folded}"));
            if !hits.is_empty() {
                return aliases(hits);
            }
        }
        Vec::new()
    }

    /// The places a folded spelling names only under another spelling: an Arabic article added,
    /// dropped or changed, the words joined, a Dutch or Burmese transliteration (see
    /// [`crate::places::variants`]); the first variant that finds a place wins. Every hit is an
    /// alias. For names [`World::lookup`] does not find.
    pub fn lookup_variant(&self, folded: &str) -> Vec<WorldHit> {
        let hits = self.lookup_article_variant(folded);
        if !hits.is_empty() {
            return hits;
        }
        spelling_variants(folded)
            .iter()
            .map(|v| self.lookup(v))
            .find(|hits| !hits.is_empty())
            .map_or_else(Vec::new, aliases)
    }

    /// Places whose names lie within `distance` edits of `folded` (at most `limit` keys), for
    /// "did you mean" suggestions; never used to resolve.
    pub fn near_spellings(&self, folded: &str, distance: u32, limit: usize) -> Vec<(String, Vec<WorldHit>)> {
        if distance == 0 || folded.len() > 256 {
            return Vec::new();
        }
        let Ok(automaton) = fst::automaton::Levenshtein::new(folded, distance) else { return Vec::new() };
        let mut stream = self.keys.search(automaton).into_stream();
        let mut out = Vec::new();
        while let Some((key, value)) = stream.next() {
            out.push((String::from_utf8_lossy(key).into_owned(), decode(value)));
            if out.len() >= limit {
                break;
            }
        }
        out
    }

    /// The first-level regions whose name or ISO 3166-2 code matches `query` (folded; a trailing
    /// "Oblast", "Province", "Governorate" and the like may be left out on either side).
    pub fn regions_named(&self, query: &str) -> Vec<WorldRegion> {
        let wanted = region_words(query);
        let code = query.trim().to_ascii_uppercase();
        let by_words = self.region_words.get_or_init(|| {
            let mut map: std::collections::HashMap<String, Vec<usize>> = std::collections::HashMap::new();
            for (i, r) in self.regions.iter().enumerate() {
                map.entry(region_words(r.name)).or_default().push(i);
            }
            map
        });
        let mut found: Vec<usize> = by_words.get(&wanted).cloned().unwrap_or_default();
        // ISO 3166-2 codes all hold a hyphen (`UA-65`): only such a query is compared with them.
        if code.contains('-') {
            found.extend((0..self.regions.len()).filter(|&i| self.regions[i].code == code));
            found.sort_unstable();
            found.dedup();
        }
        found.into_iter().map(|i| self.regions[i]).collect()
    }

    /// The place nearest to a point within `max_km`, if any (a scan of the table).
    pub fn nearest(&self, lat: f64, lon: f64, max_km: f64) -> Option<(WorldPlace, f64)> {
        let mut best: Option<(u32, f64)> = None;
        let degrees = max_km / 111.0;
        for i in 0..self.len() as u32 {
            let r = &PLACES[i as usize * RECORD..];
            let plat = f64::from(u32_at(r, 4) as i32) / 1e4;
            if (plat - lat).abs() > degrees {
                continue;
            }
            let plon = f64::from(u32_at(r, 8) as i32) / 1e4;
            let km = haversine_km(lat, lon, plat, plon);
            if km <= max_km && best.is_none_or(|(_, d)| km < d) {
                best = Some((i, km));
            }
        }
        best.map(|(i, km)| (self.place(i), km))
    }

    /// Every place inside a lon/lat box with at least `min_population` inhabitants, most populous first.
    pub fn in_box(&self, west: f64, south: f64, east: f64, north: f64, min_population: u64) -> Vec<WorldPlace> {
        let mut found: Vec<WorldPlace> = (0..self.len() as u32)
            .filter(|&i| u64::from(u32_at(&PLACES[i as usize * RECORD..], 12)) >= min_population)
            .map(|i| self.place(i))
            .filter(|p| p.lon >= west && p.lon <= east && p.lat >= south && p.lat <= north)
            .collect();
        found.sort_by(|a, b| b.population.cmp(&a.population).then(a.index.cmp(&b.index)));
        found
    }
}

/// Shortest name (in bytes) looked up with an article added: shorter bare words ("bab",
/// "ain", "kut", "quds") are ordinary words or other names too often.
const MIN_BARE_NAME: usize = 5;

/// Hits found under a spelling other than GeoNames' own: each one an alias (`is_name` false).
fn aliases(hits: Vec<WorldHit>) -> Vec<WorldHit> {
    hits.into_iter().map(|h| WorldHit { is_name: false, ..h }).collect()
}

/// `al X`, `el X` and the like → `X` (at least [`MIN_BARE_NAME`] bytes).
fn without_arabic_article(folded: &str) -> Option<&str> {
    let (first, rest) = folded.split_once(' ')?;
    let article = matches!(first, "al" | "el") || first == sun_letter_article(rest)?;
    (article && rest.len() >= MIN_BARE_NAME).then_some(rest)
}

/// The articles a bare name may have lost: `al` and `el`, and the article assimilated to a sun
/// letter (`ar raqqah`, `as suwayda`, `ash shaddadi`, `ad dawr`).
fn articles_before(name: &str) -> impl Iterator<Item = &'static str> {
    ["al", "el"].into_iter().chain(sun_letter_article(name))
}

/// The sun letters (two-letter ones first) and the Arabic article assimilated to each.
pub(crate) const SUN_LETTER_ARTICLES: &[(&str, &str)] = &[
    ("sh", "ash"),
    ("th", "ath"),
    ("dh", "adh"),
    ("t", "at"),
    ("d", "ad"),
    ("r", "ar"),
    ("z", "az"),
    ("s", "as"),
    ("n", "an"),
];

/// The assimilated article before a name starting with a sun letter: `ar` before `raqqah`.
fn sun_letter_article(name: &str) -> Option<&'static str> {
    SUN_LETTER_ARTICLES.iter().find(|(start, _)| name.starts_with(start)).map(|(_, article)| *article)
}

fn decode(value: u64) -> Vec<WorldHit> {
    if value & 1 == 0 {
        let entry = (value >> 1) as u32;
        return vec![WorldHit { index: entry >> 1, is_name: entry & 1 == 1 }];
    }
    let offset = (value >> 1) as usize;
    let count = u32_at(POSTINGS, offset) as usize;
    (0..count)
        .map(|k| u32_at(POSTINGS, offset + 4 + 4 * k))
        .map(|entry| WorldHit { index: entry >> 1, is_name: entry & 1 == 1 })
        .collect()
}

/// Words that name the kind of a first-level region rather than the region.
const REGION_KINDS: &[&str] = &[
    "oblast",
    "oblast'",
    "province",
    "provincie",
    "governorate",
    "gouvernement",
    "state",
    "staat",
    "region",
    "regio",
    "district",
    "county",
    "prefecture",
    "department",
    "raion",
    "krai",
    "republic",
    "muhafazat",
    "wilayah",
    "vilayet",
];

/// A region name without the words for its kind, folded: `Kherson Oblast` → `kherson`.
pub fn region_words(name: &str) -> String {
    let folded = fold_text(name);
    let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty() && !REGION_KINDS.contains(w)).collect();
    if words.is_empty() { folded } else { words.join(" ") }
}

/// The slug of a place name ([`crate::places::fold::slug`]); `place` when nothing is left.
pub fn slug(name: &str) -> String {
    let out = crate::places::fold::slug(name);
    if out.is_empty() { "place".into() } else { out }
}

/// Great-circle distance (haversine, mean Earth radius).
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let (dlat, dlon) = (p2 - p1, (lon2 - lon1).to_radians());
    let h = (dlat / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * 6371.0088 * h.sqrt().min(1.0).asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(query: &str) -> Vec<WorldPlace> {
        let w = world();
        w.lookup(&fold_text(query)).iter().map(|h| w.place(h.index)).collect()
    }

    #[test]
    fn finds_places_of_any_conflict_by_name_and_alternate() {
        for (query, country) in [("Khartoum", "SD"), ("Wad Madani", "SD"), ("Kherson", "UA"), ("Stepanakert", "AZ")] {
            assert!(named(query).iter().any(|p| p.country == country), "{query} in {country}");
        }
    }

    #[test]
    fn a_name_is_found_with_or_without_its_arabic_article() {
        let w = world();
        let countries = |hits: Vec<WorldHit>| -> Vec<&str> { hits.iter().map(|h| w.place(h.index).country).collect() };
        assert!(w.lookup("hodeidah").is_empty(), "the table itself lacks the bare spelling");
        let hodeidah = w.lookup_article_variant("hodeidah");
        assert!(countries(hodeidah.clone()).contains(&"YE"), "{hodeidah:?}");
        assert!(hodeidah.iter().all(|h| !h.is_name), "an article variant is an alias");
        assert!(!w.lookup_article_variant("ar raqqah").is_empty() || !w.lookup("ar raqqah").is_empty());
        assert!(w.lookup_article_variant("bab").is_empty(), "too short to stand without its article");
        assert!(w.lookup_article_variant("de haven").is_empty(), "no article variant of other words");
        assert_eq!(without_arabic_article("ar raqqah"), Some("raqqah"));
        assert_eq!(without_arabic_article("ar bil"), None, "not an assimilated article");
        assert_eq!(without_arabic_article("al bab"), None, "too short");
    }

    #[test]
    fn records_read_back_consistently() {
        let w = world();
        assert!(w.len() > 200_000, "{}", w.len());
        let kyiv = named("Kyiv").into_iter().max_by_key(|p| p.population).unwrap();
        assert_eq!(kyiv.country, "UA");
        assert!((kyiv.lat - 50.45).abs() < 0.1 && (kyiv.lon - 30.52).abs() < 0.1, "{kyiv:?}");
        assert!(kyiv.population > 2_000_000);
        assert!(kyiv.id().starts_with("kyiv-"));
    }

    #[test]
    fn nearest_and_box_scan() {
        let (p, km) = world().nearest(15.55, 32.53, 30.0).unwrap();
        assert_eq!(p.country, "SD");
        assert!(km < 30.0);
        let big = world().in_box(32.0, 44.0, 41.0, 53.0, 500_000);
        assert!(big.iter().any(|p| p.name == "Kharkiv"), "{:?}", big.iter().map(|p| p.name).collect::<Vec<_>>());
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Bila Tserkva"), "bila-tserkva");
        assert_eq!(slug("Al Ḩawījah"), "al-hawijah");
        assert_eq!(slug("Київ"), "place");
    }

    #[test]
    fn a_country_name_is_no_alternate_of_a_place_abroad() {
        // GeoNames lists "`Iraq" and "‘Irāq" among the alternates of Arāk (Iran): dropped at build time.
        for (country_name, code) in [("Iraq", "IQ"), ("Syria", "SY"), ("Irak", "IQ"), ("Ukraine", "UA")] {
            let abroad: Vec<String> = named(country_name)
                .iter()
                .filter(|p| p.country != code)
                .map(|p| format!("{} ({})", p.name, p.country))
                .collect();
            assert!(abroad.is_empty(), "{country_name}: {abroad:?}");
        }
        let arak = named("Arak").into_iter().find(|p| p.country == "IR" && p.population > 100_000).unwrap();
        assert!(arak.alternates().all(|a| fold_text(a) != "iraq"), "{:?}", arak.alternates().collect::<Vec<_>>());
        assert!(arak.alternates().any(|a| a == "Sultanabad"), "its other alternates stay");
    }
}
