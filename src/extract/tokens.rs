//! Tokens: a sentence split into words and clause punctuation, each with its byte span in the
//! article, its folded form (as [`crate::places::fold::fold_text`] folds names) and its shape
//! (capitalised, acronym, number). Words are looked up in a [`Vocab`] once, so later stages
//! compare integers.

use crate::fxhash::SpreadMap;

use unicode_normalization::char::is_combining_mark;

use crate::places::fold::fold_text_into;

/// Vocabulary id of a word that no lexicon phrase uses.
pub const UNKNOWN: u32 = u32::MAX;

/// The first letter is upper case.
pub const CAP: u8 = 1;
/// Two letters or more, all upper case: an acronym such as `IS` or `SDF`.
pub const UPPER: u8 = 2;
/// Only ASCII digits.
pub const DIGITS: u8 = 4;
/// Clause punctuation: `, ; : ( ) -`.
pub const PUNCT: u8 = 8;

/// Single words a pass compares with one token at a time ("het", "handen"), folded. A word the
/// vocabulary holds is compared by id (a token folded to it has that id); any other word only
/// by text, and only with a token of no id (a token with an id is folded to a word the
/// vocabulary holds). Built once the vocabulary is complete.
#[derive(Debug, Clone, Default)]
pub struct WordSet {
    words: Vec<String>,
    ids: Vec<u32>,
    unknown: Vec<String>,
}

impl WordSet {
    /// The set of `words` (folded), with the ids `vocab` gives them.
    pub fn new(words: Vec<String>, vocab: &Vocab) -> WordSet {
        let (known, unknown): (Vec<&String>, Vec<&String>) = words.iter().partition(|w| vocab.get(w) != UNKNOWN);
        let ids = known.iter().map(|w| vocab.get(w)).collect();
        let unknown = unknown.into_iter().cloned().collect();
        WordSet { ids, unknown, words }
    }

    /// Whether the set has no words.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether token `k` is one of the words (inlined: some passes ask it of every token).
    #[inline(always)]
    pub fn has(&self, tokens: &Tokens, k: usize) -> bool {
        let id = tokens.list[k].id;
        if id != UNKNOWN {
            self.ids.contains(&id)
        } else {
            !self.unknown.is_empty() && self.unknown.iter().any(|w| w == tokens.fold(k))
        }
    }
}

/// One word or punctuation mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offsets in the article text.
    pub start: usize,
    pub end: usize,
    /// Vocabulary id, or [`UNKNOWN`].
    pub id: u32,
    pub shape: u8,
    /// The clause mark of a [`PUNCT`] token as one ASCII byte (`,` `;` `:` `(` `)` `-`), 0 for a
    /// word: later stages compare it without slicing the folded text.
    pub mark: u8,
    fold_start: u32,
    fold_end: u32,
}

impl Token {
    /// Whether the token has one of the shape bits in `shape`.
    pub fn is(&self, shape: u8) -> bool {
        self.shape & shape != 0
    }
}

/// The words lexicon phrases use, folded, with dense ids. Words of up to eight bytes are keyed
/// by their bytes packed in an integer, so most lookups compare no strings. The tables spread
/// the hash's high bits (plain FxHash would pick buckets by a packed word's first letters).
#[derive(Debug, Default, Clone)]
pub struct Vocab {
    short: PackedTable,
    long: SpreadMap<Box<str>, u32>,
    /// The first eight bytes of every long word, packed: most long words of a text share no
    /// prefix with a lexicon word and are told unknown without hashing the whole word.
    long_prefixes: PackedTable,
    len: usize,
}

/// Words packed in integers ([`pack`]) and their ids, by open addressing in an array of keys at
/// most half full: a look-up reads one place in memory, most often one slot. The ids are in an
/// array of their own, read only on a hit, so the keys take half the cache they would with them.
#[derive(Debug, Default, Clone)]
struct PackedTable {
    /// Packed words; a key of 0 marks a free slot.
    keys: Vec<u64>,
    /// The id of the word at the same place in `keys`.
    ids: Vec<u32>,
    len: usize,
    /// The id of the empty word, whose key is 0.
    empty: Option<u32>,
}

impl PackedTable {
    fn home(&self, key: u64) -> usize {
        // Fibonacci hashing: the product's high bits mix every byte of the word.
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize & (self.keys.len() - 1)
    }

    fn get(&self, key: u64) -> Option<u32> {
        if key == 0 {
            return self.empty;
        }
        if self.keys.is_empty() {
            return None;
        }
        let mask = self.keys.len() - 1;
        let mut i = self.home(key);
        loop {
            let k = self.keys[i];
            if k == key {
                return Some(self.ids[i]);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// Adds a key that is not in the table.
    fn insert(&mut self, key: u64, id: u32) {
        if key == 0 {
            self.empty = Some(id);
            return;
        }
        if (self.len + 1) * 2 > self.keys.len() {
            let size = (self.keys.len() * 2).max(64);
            let old_keys = std::mem::replace(&mut self.keys, vec![0; size]);
            let old_ids = std::mem::replace(&mut self.ids, vec![0; size]);
            self.len = 0;
            for (k, v) in old_keys.into_iter().zip(old_ids).filter(|&(k, _)| k != 0) {
                self.insert(k, v);
            }
        }
        let mask = self.keys.len() - 1;
        let mut i = self.home(key);
        while self.keys[i] != 0 {
            i = (i + 1) & mask;
        }
        self.keys[i] = key;
        self.ids[i] = id;
        self.len += 1;
    }
}

/// The bytes of a word of at most eight bytes as an integer (folded words hold no zero bytes).
fn pack(word: &str) -> Option<u64> {
    let bytes = word.as_bytes();
    // Byte by byte (a copy of a variable length would be a call to memcpy).
    (bytes.len() <= 8).then(|| pack_bytes(bytes))
}

/// Up to eight bytes packed in an integer, the first in the lowest byte.
fn pack_bytes(bytes: &[u8]) -> u64 {
    bytes.iter().take(8).rev().fold(0, |packed, &b| packed << 8 | u64::from(b))
}

impl Vocab {
    /// The id of a folded word, adding it when new.
    pub fn intern(&mut self, word: &str) -> u32 {
        let found = self.get(word);
        if found != UNKNOWN {
            return found;
        }
        let id = self.len as u32;
        self.len += 1;
        match pack(word) {
            Some(key) => self.short.insert(key, id),
            None => {
                self.long.insert(word.into(), id);
                let prefix = pack_bytes(word.as_bytes());
                if self.long_prefixes.get(prefix).is_none() {
                    self.long_prefixes.insert(prefix, id);
                }
            }
        }
        id
    }

    /// The id of a folded word, or [`UNKNOWN`].
    pub fn get(&self, word: &str) -> u32 {
        let found = match pack(word) {
            Some(key) => self.short.get(key),
            None => self.get_long(word, pack_bytes(word.as_bytes())),
        };
        found.unwrap_or(UNKNOWN)
    }

    /// The id of a word longer than eight bytes whose first eight bytes pack to `prefix`.
    fn get_long(&self, word: &str, prefix: u64) -> Option<u32> {
        self.long_prefixes.get(prefix)?;
        self.long.get(word).copied()
    }

    /// The number of words.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Every word with its id, in no particular order.
    pub fn words(&self) -> impl Iterator<Item = (String, u32)> + '_ {
        let unpack = |key: u64| {
            let bytes: Vec<u8> = key.to_le_bytes().into_iter().take_while(|&b| b != 0).collect();
            String::from_utf8_lossy(&bytes).into_owned()
        };
        let short = self.short.keys.iter().zip(&self.short.ids).filter(|&(&k, _)| k != 0);
        let short = short.map(move |(&k, &id)| (unpack(k), id));
        let empty = self.short.empty.map(|id| (String::new(), id));
        let long = self.long.iter().map(|(word, &id)| (word.to_string(), id));
        short.chain(empty).chain(long)
    }

    /// Whether no word was added.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// Where [`Tokens::tokenize`] is in its text.
struct Scan {
    /// The next byte to look at.
    at: usize,
    /// Where the word in progress starts.
    word_start: Option<usize>,
    /// Whether the word so far is ASCII letters and digits only (folded and shaped byte by byte).
    plain: bool,
}

/// A reusable buffer of tokens and their folded text.
#[derive(Debug, Default, Clone)]
pub struct Tokens {
    pub list: Vec<Token>,
    /// The text tokenized, in ASCII lower case (a word of ASCII letters and digits is folded
    /// there, where it stands), then the folded forms of the other words.
    folded: String,
    /// A word being folded (reused from word to word).
    scratch: String,
}

impl Tokens {
    /// The clause mark of token `i` (see [`Token::mark`]), 0 for a word.
    #[inline]
    pub fn mark(&self, i: usize) -> u8 {
        self.list[i].mark
    }

    /// Whether the folded form of token `i` starts with an ASCII digit (read without slicing
    /// the folded text: date scanning asks it of every word).
    #[inline]
    pub fn starts_with_digit(&self, i: usize) -> bool {
        let t = &self.list[i];
        t.fold_end > t.fold_start && self.folded.as_bytes()[t.fold_start as usize].is_ascii_digit()
    }

    /// The folded form of token `i`.
    pub fn fold(&self, i: usize) -> &str {
        let t = &self.list[i];
        &self.folded[t.fold_start as usize..t.fold_end as usize]
    }

    /// The number of tokens.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// Whether there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Splits `text` (which starts at byte `base` of the article) into tokens, replacing the
    /// previous content of the buffer.
    pub fn tokenize(&mut self, text: &str, base: usize, vocab: &Vocab) {
        self.list.clear();
        self.folded.clear();
        // One copy of the text folds every word of ASCII letters and digits at once.
        self.folded.push_str(text);
        self.folded.make_ascii_lowercase();
        let bytes = text.as_bytes();
        let mut scan = Scan { at: 0, word_start: None, plain: true };
        while scan.at < bytes.len() {
            let at = scan.at;
            let b = bytes[at];
            if scan.word_start.is_none() {
                // The common case in a tight loop: a word of ASCII letters and digits that starts
                // here and ends at a separator or at the end of the text.
                if ALNUM[usize::from(b)] {
                    // Most words are shorter than eight bytes: one integer read from here finds
                    // the word's end and gives its shape and key.
                    if let Some(eight) = bytes.get(at..at + 8) {
                        let eight = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
                        let others = !alnum_bytes(eight) & HIGH_BITS;
                        if others != 0 {
                            let end = at + (others.trailing_zeros() / 8) as usize;
                            if SEPARATOR[usize::from(bytes[end])] {
                                self.push_short_plain_word(eight, at, end, base, vocab);
                                scan.at = end + 1;
                            } else {
                                scan.word_start = Some(at);
                                scan.at = end;
                            }
                            continue;
                        }
                    }
                    let end = at + 1 + alnum_run(&bytes[at + 1..]);
                    let ends_here = bytes.get(end).is_none_or(|&next| SEPARATOR[usize::from(next)]);
                    if ends_here {
                        self.push_plain_word(text, at, end, base, vocab);
                        scan.at = end + 1;
                    } else {
                        // Something else follows ("Hay'at", "Syrië"): the general scan goes on.
                        scan.word_start = Some(at);
                        scan.at = end;
                    }
                    continue;
                }
                if SEPARATOR[usize::from(b)] {
                    scan.at += 1;
                    continue;
                }
            }
            self.scan_step(text, base, vocab, &mut scan);
        }
        if let Some(start) = scan.word_start {
            self.push_word(text, start, text.len(), base, vocab, scan.plain);
        }
    }

    /// One step of the general scan at `scan.at`: a run of letters and digits, a separator, an
    /// apostrophe, a character beyond ASCII or a clause mark.
    #[inline(never)]
    fn scan_step(&mut self, text: &str, base: usize, vocab: &Vocab, scan: &mut Scan) {
        let bytes = text.as_bytes();
        let at = scan.at;
        let b = bytes[at];
        if b.is_ascii_alphanumeric() {
            scan.word_start.get_or_insert(at);
            // The rest of the run of ASCII letters and digits in one tight scan.
            scan.at = at + 1 + alnum_run(&bytes[at + 1..]);
            return;
        }
        // Most bytes between words are spaces and full stops: no apostrophe, clause mark or
        // letter, so they only end the word before them.
        if SEPARATOR[usize::from(b)] {
            self.end_word(text, at, base, vocab, scan);
            scan.at = at + 1;
            return;
        }
        let c = if b < 0x80 { b as char } else { text[at..].chars().next().expect("a character boundary") };
        let width = c.len_utf8();
        // "Aleppo's fall", "Palmyra's ruïnes": the possessive ending is no part of the name.
        if scan.word_start.is_some() && is_glottal(c) && is_possessive_s(&bytes[at + width..]) {
            self.end_word(text, at, base, vocab, scan);
            scan.at = at + width + 1;
            return;
        }
        let in_word = (b >= 0x80 && is_word_char(c))
            || (scan.word_start.is_some()
                && is_glottal(c)
                && text[at + width..].chars().next().is_some_and(char::is_alphanumeric));
        if in_word {
            scan.word_start.get_or_insert(at);
            scan.plain = false;
            scan.at = at + width;
            return;
        }
        self.end_word(text, at, base, vocab, scan);
        if let Some(mark) = clause_mark(c, at, bytes) {
            self.push_punct(mark, c == mark, at, base, width, vocab);
        }
        scan.at = at + width;
    }

    /// Adds the word in progress, if any, ending at `at`.
    fn end_word(&mut self, text: &str, at: usize, base: usize, vocab: &Vocab, scan: &mut Scan) {
        if let Some(start) = scan.word_start.take() {
            self.push_word(text, start, at, base, vocab, scan.plain);
            scan.plain = true;
        }
    }

    /// Adds the word `text[start..end]`; `plain` says it is ASCII letters and digits only.
    #[inline(always)]
    fn push_word(&mut self, text: &str, start: usize, end: usize, base: usize, vocab: &Vocab, plain: bool) {
        if plain {
            self.push_plain_word(text, start, end, base, vocab)
        } else {
            self.push_other_word(text, start, end, base, vocab)
        }
    }

    /// Adds a word of ASCII letters and digits, the common case, inlined into the scan.
    #[inline(always)]
    fn push_plain_word(&mut self, text: &str, start: usize, end: usize, base: usize, vocab: &Vocab) {
        let bytes = text.as_bytes();
        let len = end - start;
        // A short word read as one integer from the text (eight bytes from its start).
        let short = (len <= 8).then(|| bytes.get(start..start + 8)).flatten();
        let (shape, key) = match short {
            Some(eight) => short_shape_and_key(u64::from_le_bytes(eight.try_into().expect("eight bytes")), len),
            None => plain_shape_and_key(&bytes[start..end]),
        };
        // Its folded form is where it stands in the lower-case copy of the text.
        let found = if len <= 8 {
            // The key packs the whole folded word.
            vocab.short.get(key)
        } else {
            vocab.get_long(&self.folded[start..end], key)
        };
        let id = found.unwrap_or(UNKNOWN);
        let (fold_start, fold_end) = (start as u32, end as u32);
        let start = base + start;
        self.list.push(Token { start, end: start + len, id, shape, mark: 0, fold_start, fold_end });
    }

    /// Adds the word `start..end` of fewer than eight ASCII letters and digits whose bytes start
    /// `eight` (the text's eight bytes from `start`), as [`Tokens::push_plain_word`] would.
    #[inline(always)]
    fn push_short_plain_word(&mut self, eight: u64, start: usize, end: usize, base: usize, vocab: &Vocab) {
        let (shape, key) = short_shape_and_key(eight, end - start);
        // The key packs the whole folded word, which stands where it is in the lower-case copy.
        let id = vocab.short.get(key).unwrap_or(UNKNOWN);
        let (fold_start, fold_end) = (start as u32, end as u32);
        self.list.push(Token { start: base + start, end: base + end, id, shape, mark: 0, fold_start, fold_end });
    }

    /// Adds a word with other characters (letters beyond ASCII, apostrophes inside it).
    #[inline(never)]
    fn push_other_word(&mut self, text: &str, start: usize, end: usize, base: usize, vocab: &Vocab) {
        let word = &text[start..end];
        let fold_start = self.folded.len() as u32;
        if word.is_ascii() {
            self.folded.extend(word.bytes().filter(u8::is_ascii_alphanumeric).map(|b| b.to_ascii_lowercase() as char));
        } else {
            fold_text_into(word, &mut self.scratch);
            self.folded.extend(self.scratch.chars().filter(|&c| c != ' '));
        }
        let shape = shape_of(word);
        let fold_end = self.folded.len() as u32;
        let id = vocab.get(&self.folded[fold_start as usize..]);
        let start = base + start;
        self.list.push(Token { start, end: start + word.len(), id, shape, mark: 0, fold_start, fold_end });
    }

    /// Adds clause mark `mark` written at `at` in `width` bytes; `as_written` says the text has
    /// the mark itself there (an ASCII mark, folded where it stands in the lower-case copy).
    fn push_punct(&mut self, mark: char, as_written: bool, at: usize, base: usize, width: usize, vocab: &Vocab) {
        let (fold_start, fold_end) = if as_written {
            (at as u32, (at + 1) as u32)
        } else {
            let fold_start = self.folded.len() as u32;
            self.folded.push(mark);
            (fold_start, self.folded.len() as u32)
        };
        let id = vocab.get(&self.folded[fold_start as usize..fold_end as usize]);
        // Every clause mark is ASCII (see [`clause_mark`]).
        self.list.push(Token {
            start: base + at,
            end: base + at + width,
            id,
            shape: PUNCT,
            mark: mark as u8,
            fold_start,
            fold_end,
        });
    }
}

/// Whether each byte is an ASCII letter or digit, looked up in one load.
static ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// The ASCII bytes that only separate words: not a letter, digit, apostrophe or clause mark
/// (`'` `` ` `` `,` `;` `:` `(` `)` `-`); bytes from 0x80 up are not in it (they start a character
/// [`Tokens::tokenize`] looks at).
static SEPARATOR: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x80 {
        let byte = b as u8;
        let special = matches!(byte, b'\'' | b'`' | b',' | b';' | b':' | b'(' | b')' | b'-');
        table[b] = !byte.is_ascii_alphanumeric() && !special;
        b += 1;
    }
    table
};

/// The length of the run of ASCII letters and digits that starts `bytes`: eight bytes at a
/// time (most words end within the first eight), the rest byte by byte.
fn alnum_run(bytes: &[u8]) -> usize {
    let mut n = 0;
    while let Some(chunk) = bytes.get(n..n + 8) {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let others = !alnum_bytes(word) & HIGH_BITS;
        if others != 0 {
            return n + (others.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n + bytes[n..].iter().position(|&b| !ALNUM[usize::from(b)]).unwrap_or(bytes.len() - n)
}

/// The top bit of every byte of a word.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// Every byte of a word set to `b`.
const fn bytes_of(b: u8) -> u64 {
    0x0101_0101_0101_0101 * b as u64
}

/// The top bit of each byte of `word` set when that byte is an ASCII letter or digit. Each
/// byte's low seven bits plus `0x80 - bound` carry into its top bit when they reach `bound`,
/// and never into the next byte.
fn alnum_bytes(word: u64) -> u64 {
    let low = word & !HIGH_BITS;
    let at_least = |x: u64, bound: u8| x + bytes_of(0x80 - bound);
    let within = |x: u64, first: u8, last: u8| at_least(x, first) & !at_least(x, last + 1);
    // Upper-case letters become lower-case ones with the 0x20 bit; no other byte does.
    let letters = within(low | bytes_of(0x20), b'a', b'z');
    let digits = within(low, b'0', b'9');
    (letters | digits) & !word & HIGH_BITS
}

/// Folds a lexicon phrase into its word list, the way [`Tokens::tokenize`] folds text, and
/// says for each word whether it was written as an acronym (which text must then match).
pub fn fold_phrase(phrase: &str) -> Vec<(String, bool)> {
    let mut tokens = Tokens::default();
    tokens.tokenize(phrase, 0, &Vocab::default());
    (0..tokens.len()).map(|i| (tokens.fold(i).to_string(), tokens.list[i].is(UPPER))).collect()
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphanumeric() } else { c.is_alphanumeric() || is_combining_mark(c) }
}

/// An `s` that ends the word right after an apostrophe: the possessive of "Aleppo's".
fn is_possessive_s(rest: &[u8]) -> bool {
    matches!(rest.first(), Some(b's' | b'S')) && rest.get(1).is_none_or(|&b| !(b.is_ascii_alphanumeric() || b >= 0x80))
}

fn is_glottal(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | '`' | '´' | 'ʿ' | 'ʾ' | 'ʻ' | 'ʼ')
}

/// The punctuation that separates clauses, folded to one mark; a hyphen counts only when it
/// stands alone between spaces (`oorlog - en vrede`), not inside a word (`IS-strijders`).
fn clause_mark(c: char, at: usize, bytes: &[u8]) -> Option<char> {
    match c {
        ',' | ';' | ':' | '(' | ')' => Some(c),
        '–' | '—' => Some('-'),
        '-' => {
            let before = at == 0 || bytes[at - 1].is_ascii_whitespace();
            let after = bytes.get(at + 1).is_none_or(u8::is_ascii_whitespace);
            (before && after).then_some('-')
        }
        _ => None,
    }
}

/// [`shape_of`] for a word of ASCII letters and digits, and in the same pass its folded form's
/// first eight bytes packed as [`pack`] packs them (the whole word when it has at most eight).
fn plain_shape_and_key(word: &[u8]) -> (u8, u64) {
    // Letters and digits only: a letter is a byte from `A` up (digits lie below), a lower-case
    // letter one from `a` up. Most words are decided by their first byte or two.
    let shape = match word.iter().position(|&b| b >= b'A') {
        None if word.is_empty() => 0,
        None => DIGITS,
        Some(first) if word[first] >= b'a' => 0,
        Some(first) => {
            let rest = &word[first + 1..];
            let acronym = !rest.iter().any(|&b| b >= b'a') && rest.iter().any(|&b| b >= b'A');
            if acronym { CAP | UPPER } else { CAP }
        }
    };
    // Lower case sets the 0x20 bit of every letter byte, the bytes with 0x40 set.
    let packed = match word.first_chunk::<8>() {
        Some(eight) => u64::from_le_bytes(*eight),
        None => pack_bytes(word),
    };
    (shape, packed | (packed & 0x4040_4040_4040_4040) >> 1)
}

/// [`plain_shape_and_key`] for a word of `len` (1 to 8) ASCII letters and digits whose bytes
/// start `eight` (the first in the lowest byte; the bytes after the word are ignored), in a few
/// integer operations instead of a loop over the bytes.
fn short_shape_and_key(eight: u64, len: usize) -> (u8, u64) {
    let word = if len >= 8 { eight } else { eight & ((1u64 << (len * 8)) - 1) };
    // Of letters and digits, only letters have the 0x40 bit, and only lower-case ones 0x20 too.
    let letters = word & bytes_of(0x40);
    let lower = letters & (word << 1);
    let upper = letters & !lower;
    let shape = if letters == 0 {
        if len == 0 { 0 } else { DIGITS }
    } else if upper & (1 << letters.trailing_zeros()) == 0 {
        0
    } else if lower == 0 && upper.count_ones() >= 2 {
        CAP | UPPER
    } else {
        CAP
    };
    (shape, word | upper >> 1)
}

fn shape_of(word: &str) -> u8 {
    let mut shape = 0;
    let mut letters = 0;
    let mut upper = 0;
    for c in word.chars().filter(|c| c.is_alphabetic()) {
        if letters == 0 && c.is_uppercase() {
            shape |= CAP;
        }
        letters += 1;
        upper += usize::from(c.is_uppercase());
    }
    if letters >= 2 && upper == letters {
        shape |= UPPER;
    }
    if !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit()) {
        shape |= DIGITS;
    }
    shape
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let mut t = Tokens::default();
        t.tokenize(text, 0, &Vocab::default());
        (0..t.len()).map(|i| t.fold(i).to_string()).collect()
    }

    #[test]
    fn splits_words_hyphens_and_clause_marks() {
        assert_eq!(
            words("De IS-strijders, zo’n 300, vluchtten – snel."),
            ["de", "is", "strijders", ",", "zon", "300", ",", "vluchtten", "-", "snel"]
        );
        assert_eq!(words("Deir ez-Zor en Syrië"), ["deir", "ez", "zor", "en", "syrie"]);
        assert_eq!(words("Hay'at Tahrir al-Sham"), ["hayat", "tahrir", "al", "sham"]);
    }

    #[test]
    fn records_spans_and_shapes() {
        let mut t = Tokens::default();
        t.tokenize("IS is in Ḩawījah 2017", 10, &Vocab::default());
        assert_eq!((t.list[0].start, t.list[0].end), (10, 12));
        assert!(t.list[0].is(UPPER) && t.list[0].is(CAP));
        assert!(!t.list[1].is(CAP));
        assert_eq!(t.fold(3), "hawijah");
        assert!(t.list[3].is(CAP) && !t.list[3].is(UPPER));
        assert!(t.list[4].is(DIGITS));
    }

    #[test]
    fn phrases_fold_like_text() {
        assert_eq!(fold_phrase("IS-strijders"), [("is".to_string(), true), ("strijders".to_string(), false)]);
    }
    /// The tokenizer as first written, char by char with a look-ahead: the byte scan must agree.
    fn tokenize_by_chars(text: &str) -> Vec<(usize, usize, u8, String)> {
        let mut out = Vec::new();
        let bytes = text.as_bytes();
        let mut word_start: Option<usize> = None;
        let mut chars = text.char_indices().peekable();
        let word = |w: &str, start: usize| {
            let folded = if w.bytes().all(|b| b.is_ascii_alphanumeric()) {
                w.to_ascii_lowercase()
            } else if w.is_ascii() {
                w.bytes().filter(u8::is_ascii_alphanumeric).map(|b| b.to_ascii_lowercase() as char).collect()
            } else {
                crate::places::fold::fold_text(w).replace(' ', "")
            };
            (start, start + w.len(), shape_of(w), folded)
        };
        while let Some((at, c)) = chars.next() {
            let next = chars.peek().map(|&(_, n)| n);
            // "Aleppo's": the possessive ending closes the word and is dropped.
            if word_start.is_some() && is_glottal(c) && is_possessive_s(&bytes[at + c.len_utf8()..]) {
                if let Some(start) = word_start.take() {
                    out.push(word(&text[start..at], start));
                }
                chars.next();
                continue;
            }
            let in_word =
                is_word_char(c) || (word_start.is_some() && is_glottal(c) && next.is_some_and(char::is_alphanumeric));
            if in_word {
                word_start.get_or_insert(at);
                continue;
            }
            if let Some(start) = word_start.take() {
                out.push(word(&text[start..at], start));
            }
            if let Some(mark) = clause_mark(c, at, bytes) {
                out.push((at, at + c.len_utf8(), PUNCT, mark.to_string()));
            }
        }
        if let Some(start) = word_start {
            out.push(word(&text[start..], start));
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn the_byte_scan_tokenizes_like_the_character_scan(
            text in "([A-Za-z0-9 ]|[-,;:()–—'’`ʿ.!?\"]|é|Ḩ|ß|İ|\u{301}|\u{a0}|١|IS|al-|Deir ez-Zor|strijders|langewoorden){0,30}"
        ) {
            let mut vocab = Vocab::default();
            for word in ["al", "deir", "ez", "zor", "is", "strijders", "langewoorden", "e", ","] {
                vocab.intern(word);
            }
            let mut t = Tokens::default();
            t.tokenize(&text, 0, &vocab);
            proptest::prop_assert!((0..t.len()).all(|i| t.list[i].id == vocab.get(t.fold(i))));
            let got: Vec<_> = (0..t.len()).map(|i| (t.list[i].start, t.list[i].end, t.list[i].shape, t.fold(i).to_string())).collect();
            proptest::prop_assert_eq!(got, tokenize_by_chars(&text));
        }
    }

    proptest::proptest! {
        #[test]
        fn the_word_run_scan_agrees_with_the_byte_table(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..40)) {
            let want = bytes.iter().position(|&b| !b.is_ascii_alphanumeric()).unwrap_or(bytes.len());
            proptest::prop_assert_eq!(alnum_run(&bytes), want);
        }
    }

    #[test]
    fn every_byte_value_is_classed_like_the_byte_table() {
        for b in 0..=255u8 {
            let word = u64::from_le_bytes([b, b'a', b'/', b'Z', b'0', 0xff, b'@', b'[']);
            assert_eq!(alnum_bytes(word) & 0x80 != 0, b.is_ascii_alphanumeric(), "byte {b:#x}");
            // "a", "Z" and "0" are; "/", 0xff, "@" and "[" (next to the ranges) are not.
            assert_eq!(alnum_bytes(word) & !0xff, 0x0000_0080_8000_8000, "the neighbours of {b:#x}");
        }
    }

    proptest::proptest! {
        #[test]
        fn a_plain_word_gets_the_shape_and_packed_fold_of_the_general_rules(word in "[A-Za-z0-9]{1,14}") {
            let folded = word.to_ascii_lowercase();
            let want = (shape_of(&word), pack_bytes(folded.as_bytes()));
            proptest::prop_assert_eq!(plain_shape_and_key(word.as_bytes()), want);
        }
    }

    proptest::proptest! {
        #[test]
        fn a_short_word_read_as_an_integer_gets_the_shape_and_key_of_the_byte_loop(
            word in "[A-Za-z0-9]{1,8}",
            after in "[ -~]{0,8}"
        ) {
            let mut bytes = [0u8; 8];
            let text = format!("{word}{after}");
            let n = text.len().min(8);
            bytes[..n].copy_from_slice(&text.as_bytes()[..n]);
            proptest::prop_assert_eq!(short_shape_and_key(u64::from_le_bytes(bytes), word.len()), plain_shape_and_key(word.as_bytes()));
        }
    }

    #[test]
    fn separator_bytes_end_words_and_nothing_else() {
        for b in 0..=255u8 {
            let special = b >= 0x80 || b.is_ascii_alphanumeric() || b"'`,;:()-".contains(&b);
            assert_eq!(SEPARATOR[usize::from(b)], !special, "byte {b:#x}");
        }
    }

    #[test]
    fn the_vocabulary_gives_every_word_its_id_through_growth() {
        let mut vocab = Vocab::default();
        let words: Vec<String> =
            (0..5000).map(|i| format!("w{i}")).chain((0..300).map(|i| format!("langwoord{i}"))).collect();
        let ids: Vec<u32> = words.iter().map(|w| vocab.intern(w)).collect();
        assert_eq!(ids, (0..words.len() as u32).collect::<Vec<_>>());
        assert!(words.iter().zip(&ids).all(|(w, &id)| vocab.get(w) == id && vocab.intern(w) == id));
        assert_eq!(vocab.get("w5000"), UNKNOWN);
        // Long words: one whose first eight bytes a known word shares, and one whose none does.
        assert_eq!(vocab.get("langwoord300"), UNKNOWN);
        assert_eq!(vocab.get("onbekendwoord"), UNKNOWN);
        assert_eq!(vocab.get(""), UNKNOWN, "the empty word packs to the free-slot key");
        let empty = vocab.intern("");
        assert_eq!(vocab.get(""), empty);
        assert_eq!(vocab.len(), words.len() + 1);
        let mut listed: Vec<(String, u32)> = vocab.words().collect();
        listed.sort_by_key(|&(_, id)| id);
        let want: Vec<(String, u32)> = words.iter().cloned().chain([String::new()]).zip(0..).collect();
        assert_eq!(listed, want, "the listing gives back every word with its id");
    }
}
