//! Countries as ledger places: the table of ISO 3166-1 alpha-2 codes with their English and
//! Dutch names (`world_countries.tsv`, written by `build.rs` from the world countries layer), and
//! lookups by code (`country:IQ`) and by name (`Iraq`, `Irak`).

use std::sync::OnceLock;

use crate::fxhash::{FxMap, FxSet};

use crate::places::fold::fold_text;

static TABLE: &str = include_str!(concat!(env!("OUT_DIR"), "/world_countries.tsv"));

/// The prefix of a country place as the ledger writes it: `country:IQ`.
pub const PREFIX: &str = "country:";

/// A country of the world layer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Country {
    /// ISO 3166-1 alpha-2, upper case.
    pub code: &'static str,
    pub name: &'static str,
    pub name_nl: &'static str,
    /// Where the world layer puts its label (longitude, latitude).
    pub lon: f64,
    pub lat: f64,
}

impl Country {
    /// The spellings under which the country is found: its English and Dutch names, and for a
    /// name with a bracketed part (`Myanmar (Birma)`) also each part alone.
    pub fn spellings(&self) -> impl Iterator<Item = &'static str> {
        spellings(self.name).chain(spellings(self.name_nl))
    }

    /// Its name in the map's language: Dutch when asked for and known, else English.
    pub fn name_in(&self, dutch: bool) -> &'static str {
        if dutch && !self.name_nl.is_empty() { self.name_nl } else { self.name }
    }
}

fn spellings(name: &'static str) -> impl Iterator<Item = &'static str> {
    let parts = name.split_once(" (").and_then(|(head, rest)| Some((head, rest.strip_suffix(')')?)));
    std::iter::once(name).chain(parts.into_iter().flat_map(|(head, inner)| [head, inner]))
}

/// Every country of the table, by code.
pub fn countries() -> &'static [Country] {
    static COUNTRIES: OnceLock<Vec<Country>> = OnceLock::new();
    COUNTRIES.get_or_init(|| TABLE.lines().filter_map(parse_row).collect())
}

fn parse_row(line: &'static str) -> Option<Country> {
    let mut f = line.split('\t');
    let (code, name, name_nl) = (f.next()?, f.next()?, f.next()?);
    let (lon, lat) = (f.next()?.parse().ok()?, f.next()?.parse().ok()?);
    Some(Country { code, name, name_nl, lon, lat })
}

/// The country of an alpha-2 code, in any case (`iq` = `IQ`).
pub fn by_code(code: &str) -> Option<&'static Country> {
    let code = code.trim();
    match code_key(code) {
        // A code of up to seven bytes: one look-up where a scan compared every code of the table.
        Some(key) => codes().get(&key).map(|&i| &countries()[i]),
        None => countries().iter().find(|c| c.code.eq_ignore_ascii_case(code)),
    }
}

/// A code of at most seven bytes, upper-cased (as [`str::eq_ignore_ascii_case`] compares),
/// packed in an integer with its length in the highest byte; `None` for a longer code.
fn code_key(code: &str) -> Option<u64> {
    let bytes = code.as_bytes();
    (bytes.len() <= 7).then(|| {
        let packed = bytes.iter().rev().fold(0u64, |key, b| key << 8 | u64::from(b.to_ascii_uppercase()));
        packed | (bytes.len() as u64) << 56
    })
}

/// The table's codes of up to seven bytes by [`code_key`], each to the first country with it.
fn codes() -> &'static FxMap<u64, usize> {
    static CODES: OnceLock<FxMap<u64, usize>> = OnceLock::new();
    CODES.get_or_init(|| {
        let mut map = FxMap::default();
        for (i, country) in countries().iter().enumerate() {
            if let Some(key) = code_key(country.code) {
                map.entry(key).or_insert(i);
            }
        }
        map
    })
}

/// The country one of whose names (English or Dutch) folds ([`fold_text`]) like `name`.
pub fn named(name: &str) -> Option<&'static Country> {
    by_folded_name(&fold_text(name))
}

/// [`named`] for a name already folded: words of lower-case ASCII letters and digits joined by
/// single spaces, which [`fold_text`] leaves as they are, are looked up without folding again.
pub fn named_folded(folded: &str) -> Option<&'static Country> {
    let plain = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
    if folded.split(' ').all(plain) { by_folded_name(folded) } else { named(folded) }
}

fn by_folded_name(folded: &str) -> Option<&'static Country> {
    static BY_NAME: OnceLock<FxMap<String, usize>> = OnceLock::new();
    let by_name = BY_NAME.get_or_init(|| {
        let mut map = FxMap::default();
        for (i, country) in countries().iter().enumerate() {
            for spelling in country.spellings() {
                // The first country to claim a spelling keeps it (the table is sorted by code).
                map.entry(fold_text(spelling)).or_insert(i);
            }
        }
        map
    });
    by_name.get(folded).map(|&i| &countries()[i])
}

/// Whether a word, folded ([`fold_text`]), is the first word of some country's name: a cheap
/// test before [`named`] is asked about the words starting with it. A word with a character
/// folding could still change (a hyphen, an apostrophe, a capital) is let through.
pub fn starts_a_name(folded_word: &str) -> bool {
    let bytes = folded_word.as_bytes();
    // A short word of lower-case letters and digits (the common case) is checked and packed in
    // one pass.
    if bytes.len() <= 8 {
        let mut key = 0u64;
        let mut plain = true;
        for &b in bytes.iter().rev() {
            plain &= b.is_ascii_lowercase() || b.is_ascii_digit();
            key = key << 8 | u64::from(b);
        }
        if plain && !bytes.is_empty() {
            return first_words().0.contains(&key);
        }
    }
    if !folded_word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b >= 0x80) {
        return true;
    }
    // The extractor asks about every capitalised word of a text: a word of up to eight bytes
    // (no zero byte, checked above) is looked up packed in an integer.
    let (short, long) = first_words();
    let known = match packed_word(folded_word) {
        Some(key) => short.contains(&key),
        None => long.contains(folded_word),
    };
    known || !folded_word.is_ascii()
}

/// The first words of every country's spellings, folded: those of up to eight bytes packed
/// ([`packed_word`]), the longer ones as text.
fn first_words() -> &'static (FxSet<u64>, FxSet<String>) {
    static FIRST_WORDS: OnceLock<(FxSet<u64>, FxSet<String>)> = OnceLock::new();
    FIRST_WORDS.get_or_init(|| {
        let spellings = countries().iter().flat_map(|country| country.spellings());
        let words: FxSet<String> =
            spellings.filter_map(|s| fold_text(s).split(' ').next().map(str::to_string)).collect();
        let short = words.iter().filter_map(|w| packed_word(w)).collect();
        (short, words.into_iter().filter(|w| packed_word(w).is_none()).collect())
    })
}

/// The bytes of a word of at most eight bytes in an integer (the first in the lowest byte):
/// words without zero bytes pack to different integers.
fn packed_word(word: &str) -> Option<u64> {
    (word.len() <= 8 && !word.as_bytes().contains(&0))
        .then(|| word.bytes().rev().fold(0, |packed, b| packed << 8 | u64::from(b)))
}

/// The country a `country:CC` place names: `None` when the text has no such prefix, `Some(Err)`
/// with the code as written when the code is unknown.
pub fn from_prefixed(text: &str) -> Option<Result<&'static Country, String>> {
    let text = text.trim();
    let head = text.get(..PREFIX.len())?;
    if !head.eq_ignore_ascii_case(PREFIX) {
        return None;
    }
    let code = text[PREFIX.len()..].trim();
    Some(by_code(code).ok_or_else(|| code.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_found_by_its_key_as_by_a_scan_of_the_table() {
        let scan = |code: &str| countries().iter().find(|c| c.code.eq_ignore_ascii_case(code.trim()));
        for country in countries() {
            let lower = country.code.to_ascii_lowercase();
            for code in [country.code, lower.as_str(), &format!(" {lower} ")] {
                assert_eq!(by_code(code).map(|c| c.code), scan(code).map(|c| c.code), "{code:?}");
            }
        }
        for code in ["", "X", "XX", "IQX", "I\0", "country:IQ", "ÏQ", "IQIQIQIQ"] {
            assert_eq!(by_code(code).map(|c| c.code), scan(code).map(|c| c.code), "{code:?}");
        }
    }

    #[test]
    fn the_first_word_of_every_spelling_starts_a_name_and_other_words_do_not() {
        for spelling in countries().iter().flat_map(|c| c.spellings()) {
            let folded = fold_text(spelling);
            let first = folded.split(' ').next().unwrap_or("");
            assert!(starts_a_name(first), "{spelling}");
        }
        // Short and long words (packed and not), and what folding could still change.
        assert!(starts_a_name("syrie") && starts_a_name("afghanistan"));
        assert!(!starts_a_name("raqqa") && !starts_a_name("hulporganisaties") && !starts_a_name("syri"));
        assert!(starts_a_name("Raqqa") && starts_a_name("al-bab") && starts_a_name("syrië"));
    }

    #[test]
    fn finds_countries_by_code_in_any_case() {
        assert_eq!(by_code("IQ").map(|c| c.name), Some("Iraq"));
        assert_eq!(by_code("sy").map(|c| c.name_nl), Some("Syrië"));
        assert!(by_code("XX").is_none());
        assert!(countries().len() > 150, "{}", countries().len());
    }

    #[test]
    fn finds_countries_by_english_and_dutch_name() {
        for (name, code) in [
            ("Iraq", "IQ"),
            ("Irak", "IQ"),
            ("Syria", "SY"),
            ("Syrië", "SY"),
            ("syrie", "SY"),
            ("Ukraine", "UA"),
            ("Oekraïne", "UA"),
            ("Sudan", "SD"),
            ("Soedan", "SD"),
            ("Birma", "MM"),
        ] {
            assert_eq!(named(name).map(|c| c.code), Some(code), "{name}");
        }
        assert!(named("Raqqa").is_none());
        assert!(named("").is_none());
    }

    #[test]
    fn a_folded_name_finds_the_country_its_spelling_finds() {
        for country in countries() {
            for spelling in country.spellings() {
                let folded = fold_text(spelling);
                assert_eq!(named_folded(&folded).map(|c| c.code), named(spelling).map(|c| c.code), "{spelling}");
            }
        }
        // Not folded yet (capitals, diacritics, double spaces): folded first, as `named` does.
        for (name, code) in [("Syrië", Some("SY")), ("south  sudan", Some("SS")), ("the", None), ("", None)] {
            assert_eq!(named_folded(name).map(|c| c.code), code, "{name}");
        }
    }

    #[test]
    fn reads_the_prefixed_form() {
        assert_eq!(from_prefixed("country:IQ").map(|r| r.map(|c| c.code)), Some(Ok("IQ")));
        assert_eq!(from_prefixed(" Country:sy ").map(|r| r.map(|c| c.code)), Some(Ok("SY")));
        assert_eq!(from_prefixed("country:ZZ").map(|r| r.map(|c| c.code)), Some(Err("ZZ".to_string())));
        assert!(from_prefixed("Iraq").is_none());
        assert!(from_prefixed("region:x").is_none());
    }
}
