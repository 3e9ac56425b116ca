//! Build script: indexes the world gazetteer (`geodata/world/places.tsv.gz`) into tables the binary
//! embeds and reads without parsing: a record table, a string blob, a region table, and an `fst`
//! map from every folded name and alternate name to the places that carry it (a name of two or
//! three syllables, `Mu-se`, also under its joined form `muse`, as an alternate name).
//!
//! The names are folded with the same code the tool uses at run time (`src/places/fold.rs`), so
//! an index can never disagree with the folding of a query.
//!
//! It also writes the country table (`world_countries.tsv`: code, English and Dutch name, label
//! point) from the world countries layer, and drops any alternate name of a place that is the
//! name of another country (see `docs/places.md`, "Countries").

#[allow(dead_code)]
#[path = "src/places/fold.rs"]
mod fold;

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

const SOURCE: &str = "geodata/world/places.tsv.gz";
/// The world countries layer: its ISO codes and English and Dutch names make the country table.
const COUNTRIES: &str = "geodata/world/countries.geojson.gz";
const COLUMNS: [&str; 10] =
    ["id", "name", "cc", "region", "region_code", "lat", "lon", "population", "capital", "alternates"];
/// Bytes per place in `world_places.bin` (layout documented in `src/places/world.rs`).
const RECORD: usize = 32;
const NO_REGION: u16 = u16::MAX;

fn main() {
    println!("cargo:rerun-if-changed={SOURCE}");
    println!("cargo:rerun-if-changed={COUNTRIES}");
    println!("cargo:rerun-if-changed=src/places/fold.rs");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let countries = country_table(&read_gzip(Path::new(COUNTRIES))).unwrap_or_else(|e| panic!("{COUNTRIES}: {e}"));
    write(&out.join("world_countries.tsv"), countries.tsv().as_bytes());
    let text = read_gzip(Path::new(SOURCE));
    let tables = index(&text, &countries).unwrap_or_else(|e| panic!("{SOURCE}: {e}"));
    write(&out.join("world_places.bin"), &tables.records);
    write(&out.join("world_strings.bin"), &tables.strings);
    write(&out.join("world_regions.tsv"), tables.regions.as_bytes());
    write(&out.join("world_postings.bin"), &tables.postings);
    write(&out.join("world_keys.fst"), &tables.keys);
}

fn read_gzip(path: &Path) -> String {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut text = String::new();
    flate2::read::GzDecoder::new(file)
        .read_to_string(&mut text)
        .unwrap_or_else(|e| panic!("{}: not gzip-compressed UTF-8: {e}", path.display()));
    text
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::write(path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

struct Tables {
    records: Vec<u8>,
    strings: Vec<u8>,
    regions: String,
    postings: Vec<u8>,
    keys: Vec<u8>,
}

/// The countries of the world layer with a two-letter ISO code: `(iso, name, name_nl, label lon, label lat)`.
struct Countries {
    rows: Vec<(String, String, String, String, String)>,
    /// Every folded name of a country (English, Dutch, and the parts of `Myanmar (Birma)`) → its codes.
    names: BTreeMap<String, Vec<String>>,
}

impl Countries {
    fn tsv(&self) -> String {
        self.rows.iter().map(|(iso, name, nl, lon, lat)| format!("{iso}\t{name}\t{nl}\t{lon}\t{lat}\n")).collect()
    }

    /// An alternate name that is the name of another country than the place's own (GeoNames
    /// lists `` `Iraq `` for Arāk in Iran): dropped, so that a country's name never finds a town
    /// abroad.
    fn names_another_country(&self, folded: &str, cc: &str) -> bool {
        self.names.get(folded).is_some_and(|codes| !codes.iter().any(|c| c == cc))
    }
}

/// Reads the country table from the countries layer, one feature a line, with a simple scan of
/// its `properties` (`"iso_a2":"IQ","name":"Iraq","name_nl":"Irak","label":[43.7,33.0]`).
fn country_table(text: &str) -> Result<Countries, String> {
    let mut countries = Countries { rows: Vec::new(), names: BTreeMap::new() };
    for (n, line) in text.lines().enumerate().filter(|(_, l)| l.starts_with("{\"bbox\":")) {
        let field = |key: &str| string_property(line, key).ok_or_else(|| format!("line {}: no {key:?}", n + 1));
        let (iso, name, name_nl) = (field("iso_a2")?, field("name")?, field("name_nl")?);
        if iso.len() != 2 || !iso.bytes().all(|b| b.is_ascii_uppercase()) {
            continue;
        }
        let label = line.split("\"label\":[").nth(1).and_then(|rest| rest.split(']').next()).unwrap_or("0,0");
        let (lon, lat) = label.split_once(',').ok_or_else(|| format!("line {}: label {label:?}", n + 1))?;
        for spelling in country_spellings(&name).chain(country_spellings(&name_nl)) {
            let codes = countries.names.entry(fold::fold_text(spelling)).or_default();
            if !codes.contains(&iso) {
                codes.push(iso.clone());
            }
        }
        countries.rows.push((iso, name, name_nl, lon.trim().to_string(), lat.trim().to_string()));
    }
    countries.rows.sort();
    countries.rows.dedup_by(|b, a| a.0 == b.0);
    if countries.rows.len() < 150 {
        return Err(format!("only {} countries with a two-letter code", countries.rows.len()));
    }
    Ok(countries)
}

/// `Myanmar (Birma)` → `Myanmar (Birma)`, `Myanmar`, `Birma`; other names as they are (the same
/// rule as `src/places/countries.rs`).
fn country_spellings(name: &str) -> impl Iterator<Item = &str> {
    let parts = name.split_once(" (").and_then(|(head, rest)| Some((head, rest.strip_suffix(')')?)));
    std::iter::once(name).chain(parts.into_iter().flat_map(|(head, inner)| [head, inner]))
}

/// The text of a string property `"key":"value"` (the layer's names hold no escaped quotes).
fn string_property(line: &str, key: &str) -> Option<String> {
    let start = line.find(&format!("\"{key}\":\""))? + key.len() + 4;
    let len = line[start..].find('"')?;
    Some(line[start..start + len].to_string())
}

fn index(text: &str, countries: &Countries) -> Result<Tables, String> {
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().ok_or("empty")?.split('\t').collect();
    if header != COLUMNS {
        return Err(format!("header is {header:?}, expected {COLUMNS:?}"));
    }
    let mut tables = Tables {
        records: Vec::new(),
        strings: Vec::new(),
        regions: String::new(),
        postings: Vec::new(),
        keys: Vec::new(),
    };
    let mut regions: BTreeMap<(String, String, String), u16> = BTreeMap::new();
    let mut region_order: Vec<(String, String, String)> = Vec::new();
    let mut names: Vec<(String, u32)> = Vec::new();
    for (n, line) in lines.enumerate() {
        let at = |e: String| format!("line {}: {e}", n + 2);
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != COLUMNS.len() {
            return Err(at(format!("{} fields, expected {}", f.len(), COLUMNS.len())));
        }
        let place = u32::try_from(n).map_err(|e| at(e.to_string()))?;
        let region = match (f[3], f[4]) {
            ("", "") => NO_REGION,
            (name, code) => {
                let key = (f[2].to_string(), code.to_string(), name.to_string());
                let next = u16::try_from(region_order.len()).map_err(|_| at("too many regions".into()))?;
                *regions.entry(key.clone()).or_insert_with(|| {
                    region_order.push(key);
                    next
                })
            }
        };
        let alternates: Vec<&str> = f[9]
            .split('|')
            .filter(|a| !a.is_empty() && !countries.names_another_country(&fold::fold_text(a), f[2]))
            .collect();
        let alternates = alternates.join("|");
        push_record(&mut tables, &f, &alternates, region).map_err(at)?;
        for (i, spelling) in std::iter::once(f[1]).chain(alternates.split('|')).enumerate() {
            let folded = fold::fold_text(spelling);
            if let Some(joined) = fold::joined_syllables(&folded) {
                // `Mu-se` is also found as `Muse`, always as an alternate name.
                names.push((joined, place << 1));
            }
            if !folded.is_empty() {
                names.push((folded, place << 1 | u32::from(i == 0)));
            }
        }
    }
    for (cc, code, name) in &region_order {
        tables.regions.push_str(&format!("{cc}\t{code}\t{name}\n"));
    }
    names.sort_unstable();
    names.dedup_by(|b, a| {
        a.0 == b.0 && a.1 >> 1 == b.1 >> 1 && {
            a.1 |= b.1 & 1;
            true
        }
    });
    tables.keys = build_keys(&names, &mut tables.postings)?;
    Ok(tables)
}

fn push_record(tables: &mut Tables, f: &[&str], alternates: &str, region: u16) -> Result<(), String> {
    let number = |i: usize| f[i].parse::<f64>().map_err(|_| format!("{}: {:?} is not a number", COLUMNS[i], f[i]));
    let id: u32 = f[0].parse().map_err(|_| format!("id: {:?}", f[0]))?;
    let (lat, lon) = (number(5)?, number(6)?);
    let population =
        f[7].parse::<u64>().map_err(|_| format!("population: {:?}", f[7]))?.min(u64::from(u32::MAX)) as u32;
    let cc = f[2].as_bytes();
    if cc.len() != 2 {
        return Err(format!("cc: {:?} is not a two-letter code", f[2]));
    }
    let offset = u32::try_from(tables.strings.len()).map_err(|_| "string table over 4 GB")?;
    let name_len = u16::try_from(f[1].len()).map_err(|_| "name too long")?;
    let alt_len = u32::try_from(alternates.len()).map_err(|_| "alternates too long")?;
    tables.strings.extend_from_slice(f[1].as_bytes());
    tables.strings.extend_from_slice(alternates.as_bytes());
    let r = &mut tables.records;
    let start = r.len();
    r.extend_from_slice(&id.to_le_bytes());
    r.extend_from_slice(&((lat * 1e4).round() as i32).to_le_bytes());
    r.extend_from_slice(&((lon * 1e4).round() as i32).to_le_bytes());
    r.extend_from_slice(&population.to_le_bytes());
    r.extend_from_slice(&offset.to_le_bytes());
    r.extend_from_slice(&name_len.to_le_bytes());
    r.extend_from_slice(&region.to_le_bytes());
    r.extend_from_slice(&alt_len.to_le_bytes());
    r.extend_from_slice(cc);
    r.push(f[8].parse::<u8>().unwrap_or(0));
    r.push(0);
    debug_assert_eq!(r.len() - start, RECORD);
    Ok(())
}

/// The fst map: a key with one place stores `place << 2 | is_name << 1`; a key with several
/// stores `offset << 1 | 1`, where `postings[offset..]` holds a count and `place << 1 | is_name` each.
fn build_keys(names: &[(String, u32)], postings: &mut Vec<u8>) -> Result<Vec<u8>, String> {
    let mut builder = fst::MapBuilder::memory();
    let mut i = 0;
    while i < names.len() {
        let key = &names[i].0;
        let end = i + names[i..].iter().take_while(|(k, _)| k == key).count();
        let value = match &names[i..end] {
            [(_, one)] => u64::from(*one) << 1,
            many => {
                let offset = postings.len() as u64;
                postings.extend_from_slice(&(many.len() as u32).to_le_bytes());
                many.iter().for_each(|(_, v)| postings.extend_from_slice(&v.to_le_bytes()));
                offset << 1 | 1
            }
        };
        builder.insert(key, value).map_err(|e| e.to_string())?;
        i = end;
    }
    builder.into_inner().map_err(|e| e.to_string())
}
