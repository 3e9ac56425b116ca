//! Name folding: the keys under which place and faction names are matched, whatever their spelling.
//!
//! Two levels:
//! - [`fold_text`]: case, diacritics, apostrophes and separators (`Ḩawījah` = `hawijah`, `Deir ez-Zor` = `deir ez zor`);
//! - [`place_key`]: also Arabic article prefixes and common transliteration variants, so that
//!   `Deir ez-Zor`, `Deir al-Zor`, `Deir Ezzor`, `Deir Ezzour` and `Dayr az Zawr` share one key,
//!   as do `Boukamal`, `Bukamal`, `Abu Kamal` and `Al-Bukamal`.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lower case without diacritics, apostrophes or ayn/hamza marks; hyphens, dots and underscores
/// become spaces; runs of spaces collapse to one.
pub fn fold_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_text_into(text, &mut out);
    out
}

/// [`fold_text`] into a reused buffer (cleared first).
pub fn fold_text_into(text: &str, out: &mut String) {
    out.clear();
    // ASCII text is its own canonical decomposition: the decomposing iterator is skipped.
    if text.is_ascii() {
        fold_chars_into(text.chars(), out);
    } else {
        fold_chars_into(text.nfd(), out);
    }
}

/// The body of [`fold_text_into`] over a text's (decomposed) characters.
fn fold_chars_into(chars: impl Iterator<Item = char>, out: &mut String) {
    let mut pending_space = false;
    for c in chars {
        if is_combining_mark(c) || is_glottal_mark(c) {
            continue;
        }
        if c.is_whitespace() || matches!(c, '-' | '‐' | '‑' | '–' | '—' | '_' | '.' | '/' | ',' | '(' | ')') {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        push_plain_lowercase(out, c);
    }
}

/// Apostrophes and the marks transliterations use for ayn and hamza: `‘Ayn`, `Qa'im`, `Ḩalab`.
fn is_glottal_mark(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | '`' | '´' | 'ʿ' | 'ʾ' | 'ʻ' | 'ʼ' | 'ʹ' | '′')
}

fn push_plain_lowercase(out: &mut String, c: char) {
    match c {
        'ı' | 'İ' => out.push('i'),
        'ł' | 'Ł' => out.push('l'),
        'ø' | 'Ø' => out.push('o'),
        'đ' | 'Đ' => out.push('d'),
        'ß' => out.push_str("ss"),
        'æ' | 'Æ' => out.push_str("ae"),
        'œ' | 'Œ' => out.push_str("oe"),
        _ => out.extend(c.to_lowercase()),
    }
}

/// A lower-case ASCII slug (`Bila Tserkva` → `bila-tserkva`, `Wagner Group` → `wagner-group`):
/// letters and digits of [`fold_text`], runs of anything else as one `-`; empty when none are left.
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in fold_text(text).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Arabic definite articles as separate words: `al-`, `el-`, and the assimilated forms.
const ARTICLES: &[&str] =
    &["al", "el", "ad", "ed", "adh", "ar", "er", "as", "es", "ash", "at", "et", "ath", "az", "ez", "an", "en", "ul"];

/// Longest word of a name written in syllables (`Mu-se`, `Hpa-An`, `Mrauk U`, `Kut Kai`) that
/// [`joined_syllables`] joins.
const MAX_SYLLABLE: usize = 5;

/// A folded name of two or three short words (each of at most [`MAX_SYLLABLE`] ASCII letters)
/// written as one word: `mu se` → `muse`, `mrauk u` → `mrauku`. News writes such names (Burmese,
/// Thai, Chinese, Vietnamese) joined or apart, GeoNames one way only. `None` for other names.
pub fn joined_syllables(folded: &str) -> Option<String> {
    let words: Vec<&str> = folded.split(' ').collect();
    let short = |w: &&str| !w.is_empty() && w.len() <= MAX_SYLLABLE && w.bytes().all(|b| b.is_ascii_lowercase());
    let joined: String = words.concat();
    ((2..=3).contains(&words.len()) && words.iter().all(short) && joined.len() >= 4).then_some(joined)
}

/// Forms of "Abu" (father of) that transliterations write in several ways: `Abu Kamal` = `Bukamal`.
const ABU: &[&str] = &["abu", "abou", "albu", "albou", "bou"];

/// The matching key of a place name: [`fold_text`], then articles dropped, transliteration
/// variants unified and doubled letters collapsed. Never empty for a name with letters.
pub fn place_key(name: &str) -> String {
    let folded = fold_text(name);
    let mut tokens: Vec<&str> = folded.split(' ').filter(|t| !t.is_empty()).collect();
    if tokens.len() > 1 {
        tokens.retain(|t| !ARTICLES.contains(t));
    }
    let mut joined = String::with_capacity(folded.len());
    for (i, token) in tokens.iter().enumerate() {
        let token = if i == 0 && ABU.contains(token) { "bu" } else { strip_glued_article(token) };
        joined.push_str(token);
    }
    let key = unify_vowels(&joined);
    if key.is_empty() { folded } else { key }
}

/// `ezzor` → `zor`, `arraqqah` → `raqqah`: an article assimilated to a following sun letter.
fn strip_glued_article(token: &str) -> &str {
    let bytes = token.as_bytes();
    let glued = bytes.len() > 4
        && matches!(bytes[0], b'a' | b'e')
        && matches!(bytes[1], b't' | b'd' | b'r' | b'z' | b's' | b'n')
        && bytes[1] == bytes[2];
    if glued { &token[2..] } else { token }
}

/// Unifies the vowel and consonant spellings that vary between transliterations.
fn unify_vowels(word: &str) -> String {
    // In this order ("oe" before "ou"); a spelling the word lacks costs no copy.
    let mut replaced = word.to_string();
    for (from, to) in [("oe", "u"), ("ou", "u"), ("q", "k"), ("ck", "k")] {
        if replaced.contains(from) {
            replaced = replaced.replace(from, to);
        }
    }
    let chars: Vec<char> = replaced.chars().collect();
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let after = chars.get(i + 2).copied();
        let vowel_follows = after.is_some_and(is_vowel);
        match (c, next) {
            ('a', Some('w')) if !vowel_follows => {
                out.push('u');
                i += 2;
            }
            ('a', Some('y' | 'i')) | ('e', Some('y' | 'i')) if !vowel_follows => {
                out.push('i');
                i += 2;
            }
            ('o', _) => {
                out.push('u');
                i += 1;
            }
            ('e', _) => {
                out.push('i');
                i += 1;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    if out.len() > 2 && out.last() == Some(&'h') && out.get(out.len() - 2).is_some_and(|&c| c == 'a' || c == 'i') {
        out.pop();
    }
    out.dedup();
    out.into_iter().collect()
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// Folds a faction name or alias: [`fold_text`] without a leading `de`, `het`, `the` or `een`.
pub fn faction_key(name: &str) -> String {
    let folded = fold_text(name);
    for article in ["de ", "het ", "the ", "een ", "a "] {
        if let Some(rest) = folded.strip_prefix(article) {
            return rest.to_string();
        }
    }
    folded
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same_key(names: &[&str]) {
        let first = place_key(names[0]);
        for name in names {
            assert_eq!(place_key(name), first, "{name:?} should fold like {:?}", names[0]);
        }
    }

    #[test]
    fn folds_case_diacritics_and_marks() {
        assert_eq!(fold_text("Al Ḩawījah"), "al hawijah");
        assert_eq!(fold_text("Tall ‘Afar"), "tall afar");
        assert_eq!(fold_text("  Deir   ez-Zor "), "deir ez zor");
        assert_eq!(fold_text("Ţūz Khūrmātū"), "tuz khurmatu");
        assert_eq!(fold_text("Şanlıurfa"), "sanliurfa");
    }

    #[test]
    fn transliteration_variants_share_a_key() {
        same_key(&[
            "Deir ez-Zor",
            "Deir al-Zor",
            "Deir Ezzor",
            "Deir Ezzour",
            "Dayr az Zawr",
            "Deir el-Zour",
            "Dair ez-Zor",
        ]);
        same_key(&["Boukamal", "Bukamal", "Abu Kamal", "Al-Bukamal", "Albu Kamal", "Ālbū Kamāl"]);
        same_key(&["Mayadeen", "Al-Mayadeen", "Mayadin", "Al Mayādīn"]);
        same_key(&["Talafar", "Tal Afar", "Tall ‘Afar", "Tal-Afar"]);
        same_key(&["Rawah", "Rawa", "Rāwah"]);
        same_key(&["Hawija", "Hawijah", "Al Ḩawījah", "Al-Hawija"]);
        same_key(&["Mosul", "Mosoel", "Mousul"]);
        same_key(&["Raqqa", "Ar-Raqqah", "Raqqah", "Rakka", "Ar Raqqa"]);
        same_key(&["Hajin", "Hajeen", "Hajīn"]);
        same_key(&["Kobani", "Kobane"]);
        same_key(&["Baiji", "Bayji", "Bayjī"]);
        same_key(&["Al-Qaim", "Al Qā’im", "Al-Qa'im", "Qaim"]);
    }

    #[test]
    fn different_places_keep_different_keys() {
        for (a, b) in
            [("Raqqa", "Rawa"), ("Mosul", "Manbij"), ("Hama", "Homs"), ("Tikrit", "Tabqa"), ("Baghdad", "Baghouz")]
        {
            assert_ne!(place_key(a), place_key(b));
        }
    }

    #[test]
    fn syllabic_names_join_and_others_do_not() {
        assert_eq!(joined_syllables("mu se").as_deref(), Some("muse"));
        assert_eq!(joined_syllables("mrauk u").as_deref(), Some("mrauku"));
        assert_eq!(joined_syllables("kut kai").as_deref(), Some("kutkai"));
        assert_eq!(joined_syllables("muse"), None, "one word");
        assert_eq!(joined_syllables("wad madani"), None, "a word longer than a syllable");
        assert_eq!(joined_syllables("a b"), None, "too short to stand as one word");
        assert_eq!(joined_syllables("ban na lao si"), None, "four words");
    }

    #[test]
    fn faction_keys_drop_leading_articles() {
        assert_eq!(faction_key("het Syrische leger"), "syrische leger");
        assert_eq!(faction_key("IS-strijders"), "is strijders");
        assert_eq!(faction_key("The Islamic State"), "islamic state");
    }
}
