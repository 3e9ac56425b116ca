//! Spelling variants of a place name that the world table lacks: the forms news writes for names
//! GeoNames spells another way. Used only when a name finds nothing as written (see
//! `docs/places.md`, "Resolution rules"), so they never change a name that resolves.
//!
//! Classes, tried in this order on the folded name ([`crate::places::fold::fold_text`]):
//! - another Arabic article: `al fasher` = `el fasher`, `el nahud` = `en nahud` (the article
//!   assimilated to a sun letter), `ad dinder` = `al dinder`;
//! - a name of syllables written apart: `kut kai` = `kutkai`, `nam hkam` = `namhkam` (the world
//!   index also holds the joined form of every such name, so `muse` finds `Mu-se`);
//! - Dutch transliterations of Cyrillic and Arabic names: `oe` = `u`, `sj` = `sh`, `tsj` = `ch`,
//!   `zj` = `zh` (or `z` and `j` = `y`: `Izjoem` = `Izyum`), `ch` = `kh`, `j` = `y` or `i`,
//!   `ie` = `i` (`Vovtsjansk` = `Vovchansk`, `Koerachove` = `Kurakhove`, `Kostjantynivka` =
//!   `Kostyantynivka`);
//! - Burmese romanisations: an aspirate written with or without its `h` (`Kyaukphyu` =
//!   `Kyaukpyu`), `oung` = `aung` (`Toungup` = `Taungup`).

/// Words taken as an Arabic article before a name.
const ARTICLES: &[&str] = &["al", "el", "il", "ul"];

/// Dutch transliterations, rewritten the English way GeoNames spells them. Applied in this order
/// to the folded name; `j` then becomes `y`, or `i`.
const DUTCH_TRANSLITERATION: &[(&str, &str)] = &[("ch", "kh"), ("tsj", "ch"), ("sj", "sh"), ("zj", "zh"), ("oe", "u")];

/// Burmese romanisations written two ways.
const BURMESE: &[(&str, &str)] = &[("ph", "p"), ("oung", "aung")];

/// Every variant of a folded name, in the order they are tried, without the name itself and
/// without repeats. Empty for a name no rule changes.
pub fn spelling_variants(folded: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |variant: String| {
        if variant != folded && !variant.is_empty() && !out.contains(&variant) {
            out.push(variant);
        }
    };
    other_articles(folded).into_iter().for_each(&mut push);
    joined_words(folded).into_iter().for_each(&mut push);
    dutch_variants(folded).into_iter().for_each(&mut push);
    burmese_variants(folded).into_iter().for_each(&mut push);
    out
}

/// `al fasher` → `el fasher`; `el nahud` → `al nahud`, `an nahud`, `en nahud`: the same name
/// under the other forms of its Arabic article.
pub fn other_articles(folded: &str) -> Vec<String> {
    let Some((first, rest)) = folded.split_once(' ') else { return Vec::new() };
    if first.len() > 3 {
        return Vec::new();
    }
    if rest.is_empty() || !is_article(first, rest) {
        return Vec::new();
    }
    let mut forms: Vec<String> = ARTICLES[..2].iter().map(|a| format!("{a} {rest}")).collect();
    if let Some(sun) = sun_letters().find(|s| rest.starts_with(*s)) {
        forms.push(format!("a{sun} {rest}"));
        forms.push(format!("e{sun} {rest}"));
    }
    forms.retain(|f| f != folded);
    forms
}

/// Whether `word` is an Arabic article before `rest`: `al`, `el`, or `a`/`e` with the sun letter
/// that starts `rest` (`ar raqqah`, `en nahud`).
fn is_article(word: &str, rest: &str) -> bool {
    ARTICLES.contains(&word)
        || sun_letters().any(|s| rest.starts_with(s) && (word == format!("a{s}") || word == format!("e{s}")))
}

/// The letters an Arabic article assimilates to (`ar raqqah`, `ash shaddadi`, `an nahud`), from
/// the world gazetteer's own table of them.
fn sun_letters() -> impl Iterator<Item = &'static str> {
    crate::places::world::SUN_LETTER_ARTICLES.iter().map(|(letter, _)| *letter)
}

/// `kut kai` → `kutkai`: two or three words written as one (at least five letters).
fn joined_words(folded: &str) -> Option<String> {
    let words: Vec<&str> = folded.split(' ').collect();
    let joined = words.concat();
    ((2..=3).contains(&words.len()) && joined.len() >= 5 && joined.bytes().all(|b| b.is_ascii_lowercase()))
        .then_some(joined)
}

/// The English spellings of a Dutch transliteration: "vovtsjansk" → "vovchansk", "otsjeretyne"
/// → "ocheretyne", "tsjasiv jar" → "chasiv yar" (none when no rule changes the name).
pub fn dutch_variants(folded: &str) -> Vec<String> {
    // Most names hold none of the letters the rules rewrite: no strings are built for them.
    if !(folded.contains('j') || folded.contains("ch") || folded.contains("oe") || folded.contains("ie")) {
        return Vec::new();
    }
    let mut base = folded.to_string();
    for (from, to) in DUTCH_TRANSLITERATION {
        base = base.replace(from, to);
    }
    let mut out: Vec<String> = Vec::new();
    let without_ie = base.replace("ie", "i");
    for variant in [base.replace('j', "y"), base.replace('j', "i"), base.clone(), without_ie.replace('j', "y")] {
        if variant != folded && !out.contains(&variant) {
            out.push(variant);
        }
    }
    // `zj` is also a `z` before a `j` that stands for `y` ("izjoem" = "izyum").
    if let Some(variant) = z_before_y(folded).filter(|v| v != folded && !out.contains(v)) {
        out.push(variant);
    }
    out
}

/// "izjoem" → "izyum": the other rules with `zj` read as `z` and `j` = `y` (none without a `zj`).
fn z_before_y(folded: &str) -> Option<String> {
    if !folded.contains("zj") {
        return None;
    }
    let mut base = folded.to_string();
    for (from, to) in DUTCH_TRANSLITERATION.iter().filter(|(from, _)| *from != "zj") {
        base = base.replace(from, to);
    }
    Some(base.replace('j', "y"))
}

/// `kyaukphyu` → `kyaukpyu`, `toungup` → `taungup`.
fn burmese_variants(folded: &str) -> Vec<String> {
    BURMESE.iter().filter(|(from, _)| folded.contains(from)).map(|(from, to)| folded.replace(from, to)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_change_form() {
        assert!(other_articles("al fasher").contains(&"el fasher".to_string()));
        assert!(other_articles("el nahud").contains(&"en nahud".to_string()));
        assert!(other_articles("ad dinder").contains(&"al dinder".to_string()));
        assert!(other_articles("an nahud").contains(&"el nahud".to_string()));
        assert!(other_articles("ad bil").is_empty(), "`ad` before a `b` is no article");
        assert!(other_articles("fasher").is_empty());
        assert!(other_articles("de haven").is_empty());
    }

    #[test]
    fn dutch_transliterations_become_english() {
        let has = |dutch: &str, english: &str| dutch_variants(dutch).iter().any(|v| v == english);
        assert!(has("vovtsjansk", "vovchansk"));
        assert!(has("koerachove", "kurakhove"));
        assert!(has("kostjantynivka", "kostyantynivka"));
        assert!(has("tsjasiv jar", "chasiv yar"));
        assert!(has("zjelanne", "zhelanne"));
        assert!(has("izjoem", "izyum"), "zj may be z before a j that is y");
        assert!(dutch_variants("raqqa").is_empty(), "a name no rule changes has no variant");
    }

    #[test]
    fn variants_list_each_form_once_and_never_the_name() {
        let all = spelling_variants("kut kai");
        assert_eq!(all, vec!["kutkai".to_string()]);
        assert!(spelling_variants("kyaukphyu").contains(&"kyaukpyu".to_string()));
        assert!(spelling_variants("toungup").contains(&"taungup".to_string()));
        assert!(spelling_variants("mosul").is_empty());
    }
}
