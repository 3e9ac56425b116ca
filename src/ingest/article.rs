//! Plain-text news articles: decoding, the optional ` date YYYY-MM[-DD]` marker, and numbered sentences.
//!
//! Sentence numbers are what ledger sources cite (`FILE#N`), so the rules are fixed and documented:
//! every non-empty line is split into sentences; a line without end punctuation (a heading) is a
//! sentence of its own; a `.`, `!`, `?` or `…` ends a sentence when whitespace and then a capital,
//! a digit or an opening quote follow, unless the word before the full stop is an abbreviation or
//! an initial. Lines that look like style sheets or markup are skipped and not numbered.
//! Numbering starts at 1 with the first sentence after the date marker.

use crate::date::{DateError, DateSpan};

/// A decoded article.
#[derive(Debug, Clone)]
pub struct Article {
    /// The name sources cite: the file name without folders, or `-` for standard input.
    pub name: String,
    pub text: String,
    /// The date from the ` date ...` marker, when present.
    pub date: Option<DateSpan>,
    /// A marker whose date is impossible (` date 2017-02-30`): the article counts as undated.
    pub marker_error: Option<DateError>,
    /// Byte offset where the article text proper starts (after the marker).
    pub body_start: usize,
    /// True when the bytes were not valid UTF-8 and were decoded lossily.
    pub lossy: bool,
}

/// Why an article could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ArticleError {
    #[error("{0}: the article is empty")]
    Empty(String),
    #[error("{0}: this looks like a binary file, not text ({1} control bytes in the first {2})")]
    Binary(String, usize, usize),
}

/// One numbered sentence, located by byte offsets in [`Article::text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// 1-based.
    pub number: u32,
    pub start: usize,
    pub end: usize,
}

impl Sentence {
    pub fn text<'a>(&self, article: &'a str) -> &'a str {
        &article[self.start..self.end]
    }
}

/// Decodes `bytes` as an article named `name`; invalid UTF-8 is decoded lossily and flagged.
pub fn parse(name: &str, bytes: &[u8]) -> Result<Article, ArticleError> {
    check_not_binary(name, bytes)?;
    let (text, lossy) = match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), false),
        Err(_) => (String::from_utf8_lossy(bytes).into_owned(), true),
    };
    if text.trim().is_empty() {
        return Err(ArticleError::Empty(name.to_string()));
    }
    let (date, marker_error, body_start) = match date_marker(&text) {
        Some((Ok(date), at)) => (Some(date), None, at),
        Some((Err(e), at)) => (None, Some(e), at),
        None => (None, None, 0),
    };
    Ok(Article { name: name.to_string(), text, date, marker_error, body_start, lossy })
}

/// How many leading bytes [`check_not_binary`] inspects.
pub const BINARY_SAMPLE: usize = 4096;

/// Rejects bytes that look binary: a NUL byte or many control bytes in the first [`BINARY_SAMPLE`] bytes.
pub fn check_not_binary(name: &str, bytes: &[u8]) -> Result<(), ArticleError> {
    let sample = &bytes[..bytes.len().min(BINARY_SAMPLE)];
    // Every archive article passes here: one pass counts the control bytes (below 0x20, less
    // the allowed ones) and the zero bytes, with comparisons the compiler vectorizes.
    let (control, zeros) =
        sample.chunks(255).map(control_and_zero_bytes).fold((0, 0), |(c, z), (dc, dz)| (c + dc, z + dz));
    if !sample.is_empty() && (zeros > 0 || control * 20 > sample.len()) {
        return Err(ArticleError::Binary(name.to_string(), control, sample.len()));
    }
    Ok(())
}

/// How many bytes of `chunk` (at most 255) are control bytes other than tab, line feed, form
/// feed and carriage return, and how many are zero, counted in one pass.
fn control_and_zero_bytes(chunk: &[u8]) -> (usize, usize) {
    let (mut control, mut zeros) = (0u8, 0u8);
    for &b in chunk {
        let allowed = b == b'\t' || b == b'\n' || b == b'\r' || b == 0x0c;
        control += u8::from(b < 0x20 && !allowed);
        zeros += u8::from(b == 0);
    }
    (usize::from(control), usize::from(zeros))
}

/// Reads the leading ` date 2017-10 ` marker (after a byte-order mark, if any): its date, or
/// why the date is impossible (` date 2017-02-30`), and where the text after it starts. `None`
/// when the text does not start with `date` and a date-like token (digits, `-`, `/`).
pub fn date_marker(text: &str) -> Option<(Result<DateSpan, DateError>, usize)> {
    let rest = text.trim_start_matches('\u{feff}').trim_start().strip_prefix("date")?;
    let after_word = rest.trim_start_matches([' ', '\t']);
    if after_word.len() == rest.len() {
        return None;
    }
    let token_len = after_word.find(char::is_whitespace).unwrap_or(after_word.len());
    let token = &after_word[..token_len];
    let date_like = token.starts_with(|c: char| c.is_ascii_digit())
        && token.chars().all(|c| c.is_ascii_digit() || c == '-' || c == '/');
    if !date_like {
        return None;
    }
    let after_token = &after_word[token_len..];
    let body = after_token.trim_start_matches([' ', '\t']);
    Some((token.parse::<DateSpan>(), text.len() - body.len()))
}

/// Words that end in a full stop without ending the sentence (Dutch and English), lower case, without the final dot.
const ABBREVIATIONS: &[&str] = &[
    "a.s", "aug", "bijv", "blz", "bv", "ca", "capt", "co", "col", "d.w.z", "dec", "dhr", "dr", "drs", "dwz", "e.d",
    "e.g", "enz", "etc", "evt", "excl", "feb", "gen", "i.e", "i.p.v", "incl", "ing", "ipv", "ir", "jan", "jhr", "jl",
    "jr", "jul", "jun", "kol", "lt", "ltd", "luit", "m.b.t", "maj", "mbt", "mevr", "min", "mln", "mr", "mrd", "mrs",
    "mrt", "ms", "mw", "n.a.v", "nl", "no", "nov", "nr", "o.a", "okt", "p.m", "pag", "prof", "resp", "sept", "sgt",
    "sr", "st", "t.o.v", "tov", "u.s", "v.s", "vs", "z.g", "zgn",
];

/// The length of the longest of [`ABBREVIATIONS`] (all are ASCII).
const LONGEST_ABBREVIATION: usize = {
    let mut longest = 0;
    let mut i = 0;
    while i < ABBREVIATIONS.len() {
        if ABBREVIATIONS[i].len() > longest {
            longest = ABBREVIATIONS[i].len();
        }
        i += 1;
    }
    longest
};

/// Splits the article body into numbered sentences.
pub fn sentences(article: &Article) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut line_start = article.body_start;
    let text = &article.text;
    for line in text[article.body_start..].split_inclusive('\n') {
        let here = line_start;
        line_start += line.len();
        if looks_like_markup(line) {
            continue;
        }
        for (start, end) in split_line(line) {
            let number = out.len() as u32 + 1;
            out.push(Sentence { number, start: here + start, end: here + end });
        }
    }
    out
}

/// Style sheets and scripts that leak into scraped articles (`@media (...) {#fig img{...}}`).
/// Such lines are skipped and not numbered.
pub fn looks_like_markup(line: &str) -> bool {
    let trimmed = line.trim();
    // Braces are rare in prose: a vectorized search finds them, every line of every article.
    let braces = memchr::memchr2_iter(b'{', b'}', trimmed.as_bytes()).count();
    trimmed.starts_with('@') || trimmed.starts_with('<') && trimmed.ends_with('>') || braces >= 4
}

/// Sentence spans (byte offsets within `line`, trimmed) of one line. [`sentences`] numbers the
/// spans of every non-markup line in order; streaming readers may call this line by line.
pub fn split_line(line: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    split_line_into(line, &mut spans);
    spans
}

/// [`split_line`] into a reused buffer (cleared first).
pub fn split_line_into(line: &str, spans: &mut Vec<(usize, usize)>) {
    spans.clear();
    let mut start = 0;
    let mut from = 0;
    let mut ellipsis = Ellipsis::default();
    while let Some(at) = next_terminator(line.as_bytes(), from, &mut ellipsis) {
        let run_end = terminator_run_end(line, at);
        if ends_sentence(line, at, run_end) {
            push_trimmed(spans, line, start, run_end);
            start = run_end;
        }
        from = run_end;
    }
    push_trimmed(spans, line, start, line.len());
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// The next `…` of a line at or after some offset, found once and reused until passed.
#[derive(Default)]
struct Ellipsis {
    searched_from: Option<usize>,
    at: Option<usize>,
}

impl Ellipsis {
    fn next_from(&mut self, bytes: &[u8], from: usize) -> Option<usize> {
        // `from` only grows: the answer holds until `from` passes it.
        if self.searched_from.is_none() || self.at.is_some_and(|at| at < from) {
            self.searched_from = Some(from);
            self.at = find_ellipsis(&bytes[from..]).map(|k| from + k);
        }
        self.at
    }
}

/// The first `…` (E2 80 A6) in `bytes`: its lead byte found with `memchr`, the rest compared
/// (no substring searcher is built for each line).
fn find_ellipsis(bytes: &[u8]) -> Option<usize> {
    memchr::memchr_iter(0xE2, bytes).find(|&at| bytes[at..].starts_with("…".as_bytes()))
}

/// The byte offset of the next `.` `!` `?` or `…` at or after `from` (a scan over bytes: in
/// UTF-8 an ASCII byte is always a whole character, and `…` is E2 80 A6).
fn next_terminator(bytes: &[u8], from: usize, ellipsis: &mut Ellipsis) -> Option<usize> {
    let mark = memchr::memchr3(b'.', b'!', b'?', &bytes[from..]).map(|k| from + k);
    match (mark, ellipsis.next_from(bytes, from)) {
        (Some(m), Some(e)) => Some(m.min(e)),
        (m, e) => m.or(e),
    }
}

/// Where the run of terminators and closing marks that starts with the terminator at `at` ends.
fn terminator_run_end(line: &str, at: usize) -> usize {
    let mut chars = line[at..].char_indices().skip(1);
    chars.find(|&(_, c)| !(is_terminator(c) || is_closing(c))).map_or(line.len(), |(k, _)| at + k)
}

/// Is the terminator run `line[at..run_end]` a sentence end?
fn ends_sentence(line: &str, at: usize, run_end: usize) -> bool {
    let after = &line[run_end..];
    match after.chars().next() {
        None => return true,
        Some(c) if !c.is_whitespace() => return false,
        Some(_) => {}
    }
    let rest = after.trim_start();
    let Some(next) = rest.chars().next() else { return true };
    let opens = next.is_uppercase() || next.is_ascii_digit() || is_opening(next) || rest.starts_with(",,");
    opens && !(line.as_bytes()[at] == b'.' && word_before(line, at).is_some_and(is_abbreviation))
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

fn is_opening(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '„' | '‘' | '(' | '[' | '«')
}

/// The word that ends at byte `dot` (exclusive).
fn word_before(line: &str, dot: usize) -> Option<&str> {
    let head = &line[..dot];
    let from = head
        .rfind(|c: char| c.is_whitespace() || is_opening(c))
        .map_or(0, |p| p + head[p..].chars().next().map_or(1, char::len_utf8));
    let word = &head[from..];
    (!word.is_empty()).then_some(word)
}

fn is_abbreviation(word: &str) -> bool {
    let mut letters = word.chars();
    let initial = matches!((letters.next(), letters.next()), (Some(c), None) if c.is_uppercase());
    // Lower-casing an ASCII word never changes its length: compare without allocating (and
    // not at all when it is longer than every abbreviation).
    let listed = if word.is_ascii() {
        word.len() <= LONGEST_ABBREVIATION && is_listed_abbreviation(word.as_bytes())
    } else {
        ABBREVIATIONS.contains(&word.to_lowercase().as_str())
    };
    initial || listed
}

/// Whether an ASCII word of at most [`LONGEST_ABBREVIATION`] bytes is one of [`ABBREVIATIONS`]
/// in any case: lower-cased on the stack and looked up by binary search (the list is sorted).
fn is_listed_abbreviation(word: &[u8]) -> bool {
    let mut lower = [0u8; LONGEST_ABBREVIATION];
    let Some(lower) = lower.get_mut(..word.len()) else { return false };
    lower.copy_from_slice(word);
    lower.make_ascii_lowercase();
    ABBREVIATIONS.binary_search_by(|a| a.as_bytes().cmp(lower)).is_ok()
}

fn push_trimmed(spans: &mut Vec<(usize, usize)>, line: &str, start: usize, end: usize) {
    let piece = &line[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        spans.push((start + lead, end - trail));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_are_sorted_and_found_in_any_case() {
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0] < w[1]), "sorted for the binary search");
        for a in ABBREVIATIONS {
            assert!(is_listed_abbreviation(a.as_bytes()) && is_listed_abbreviation(a.to_uppercase().as_bytes()));
        }
        assert!(!is_listed_abbreviation(b"stad") && !is_listed_abbreviation(b""));
    }

    fn split(text: &str) -> Vec<String> {
        let article = parse("t.txt", text.as_bytes()).unwrap();
        sentences(&article).iter().map(|s| s.text(&article.text).to_string()).collect()
    }

    #[test]
    fn reads_the_date_marker_and_numbers_from_the_text_after_it() {
        let article = parse("a.txt", b" date 2017-10 De stad viel. Daarna volgde de rest.").unwrap();
        assert_eq!(article.date.as_ref().unwrap().to_string(), "2017-10");
        let numbered = sentences(&article);
        assert_eq!(numbered.len(), 2);
        assert_eq!(numbered[0].text(&article.text), "De stad viel.");
        assert_eq!(numbered[1].number, 2);
    }

    #[test]
    fn an_impossible_marker_is_reported_and_still_not_a_sentence() {
        let article = parse("a.txt", " date 2017-02-30 De stad viel.".as_bytes()).unwrap();
        assert!(article.date.is_none());
        assert!(article.marker_error.unwrap().to_string().contains("day 30"));
        assert_eq!(sentences(&parse("a.txt", " date 2017-02-30 De stad viel.".as_bytes()).unwrap()).len(), 1);
        let bom = parse("b.txt", "\u{feff} date 2017-10 De stad viel.".as_bytes()).unwrap();
        assert_eq!(bom.date.unwrap().to_string(), "2017-10", "a byte-order mark does not hide the marker");
        assert!(parse("c.txt", b"date of the attack unknown.").unwrap().marker_error.is_none());
    }

    #[test]
    fn a_text_without_marker_has_no_date() {
        let article = parse("a.txt", "Datum onbekend. Tweede zin.".as_bytes()).unwrap();
        assert!(article.date.is_none());
        assert_eq!(article.body_start, 0);
    }

    #[test]
    fn headings_are_sentences_of_their_own() {
        assert_eq!(
            split("Eerste zin hier.\n\nTussenkop\n\nNog een zin."),
            ["Eerste zin hier.", "Tussenkop", "Nog een zin."]
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        assert_eq!(
            split("Volgens gen. Jansen o.a. in de stad viel die. Dr. K. Smit zegt dat het klopt."),
            ["Volgens gen. Jansen o.a. in de stad viel die.", "Dr. K. Smit zegt dat het klopt."]
        );
    }

    #[test]
    fn quotes_open_and_close_sentences() {
        assert_eq!(
            split("Het leger sprak. ,,Wij hebben gewonnen.\" Zo klonk het. „Klaar!” Einde."),
            ["Het leger sprak.", ",,Wij hebben gewonnen.\"", "Zo klonk het.", "„Klaar!”", "Einde."]
        );
    }

    #[test]
    fn numbers_and_lowercase_continuations_stay_together() {
        assert_eq!(split("Er wonen 3.000 mensen. wat raar is"), ["Er wonen 3.000 mensen. wat raar is"]);
        assert_eq!(split("Er wonen 3.000 mensen. 40 zijn gevlucht."), ["Er wonen 3.000 mensen.", "40 zijn gevlucht."]);
    }

    #[test]
    fn markup_lines_are_skipped() {
        assert_eq!(split("Een zin.\n@media (max-width: 1px){#a img{b: c;}}\nTwee."), ["Een zin.", "Twee."]);
    }

    #[test]
    fn rejects_empty_and_binary_input_and_decodes_bad_utf8_lossily() {
        assert!(matches!(parse("e.txt", b"  \n "), Err(ArticleError::Empty(_))));
        assert!(matches!(parse("b.bin", &[0, 1, 2, 3, 0, 5]), Err(ArticleError::Binary(..))));
        let article = parse("l.txt", b"Caf\xe9 in de stad.").unwrap();
        assert!(article.lossy);
        assert!(article.text.contains('\u{FFFD}'));
    }
    /// The splitter as first written, over a vector of characters: the byte scan must agree with it.
    fn split_by_chars(line: &str) -> Vec<(usize, usize)> {
        let mut spans = Vec::new();
        let mut start = 0;
        let chars: Vec<(usize, char)> = line.char_indices().collect();
        let mut i = 0;
        while i < chars.len() {
            if !is_terminator(chars[i].1) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < chars.len() && (is_terminator(chars[j].1) || is_closing(chars[j].1)) {
                j += 1;
            }
            let end = chars.get(j).map_or(line.len(), |&(at, _)| at);
            let mut k = j;
            let ends = if k < chars.len() && !chars[k].1.is_whitespace() {
                false
            } else {
                while k < chars.len() && chars[k].1.is_whitespace() {
                    k += 1;
                }
                match chars.get(k) {
                    None => true,
                    Some(&(at, next)) => {
                        let opens = next.is_uppercase()
                            || next.is_ascii_digit()
                            || is_opening(next)
                            || line[at..].starts_with(",,");
                        let abbreviation = chars[i].1 == '.'
                            && word_before(line, chars[i].0).is_some_and(|w| {
                                ABBREVIATIONS.contains(&w.to_lowercase().as_str()) || {
                                    let mut l = w.chars();
                                    matches!((l.next(), l.next()), (Some(c), None) if c.is_uppercase())
                                }
                            });
                        opens && !abbreviation
                    }
                }
            };
            if ends {
                push_trimmed(&mut spans, line, start, end);
                start = end;
            }
            i = j;
        }
        push_trimmed(&mut spans, line, start, line.len());
        spans
    }

    proptest::proptest! {
        #[test]
        fn the_byte_scan_splits_like_the_character_splitter(
            line in "([A-Za-zé0-9 ]|[.!?…\"'”’)»(„“,]|\u{a0}|\u{2003}|\n|Dr|gen|ÉTC|etc|K|É){0,40}"
        ) {
            proptest::prop_assert_eq!(split_line(&line), split_by_chars(&line));
        }
    }
}
