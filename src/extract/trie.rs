//! A trie over vocabulary ids for longest-match phrase lookup, and gapped phrases (`heeft ... in
//! handen`) matched by scanning forward from their first word.

use crate::fxhash::SpreadMap;

use crate::extract::tokens::{CAP, Tokens, UNKNOWN, UPPER};

/// A phrase payload plus which of its words must be acronyms (upper case) in the text.
#[derive(Debug, Clone)]
pub struct Entry<P> {
    pub payload: P,
    /// Bit `i` set: word `i` of the phrase must be upper case in the text.
    pub upper_mask: u32,
    /// The first word must be capitalised in the text (one-word place names).
    pub cap_first: bool,
    /// The first word may not be an acronym in the text: a cue written in lower case ("is
    /// gevallen") does not start at "IS" ("in handen van IS gevallen").
    pub not_acronym_first: bool,
}

/// Phrases keyed by their folded word ids.
#[derive(Debug, Clone)]
pub struct Trie<P> {
    /// `(node, word id)` → child (a table that spreads the hash: many nodes share a next word).
    edges: SpreadMap<(u32, u32), u32>,
    /// The root's children by word id, for a lookup without hashing (see [`Trie::seal`]).
    root: Vec<u32>,
    entries: Vec<Vec<Entry<P>>>,
    /// Longest phrase, in words.
    pub max_len: usize,
}

impl<P> Default for Trie<P> {
    fn default() -> Self {
        Trie { edges: SpreadMap::default(), root: Vec::new(), entries: vec![Vec::new()], max_len: 0 }
    }
}

impl<P: Clone> Trie<P> {
    /// Builds the root table once every phrase is in; `vocab_len` is the vocabulary's size.
    pub fn seal(&mut self, vocab_len: usize) {
        self.root = vec![NONE; vocab_len];
        for (&(node, id), &child) in &self.edges {
            if node == 0 && (id as usize) < vocab_len {
                self.root[id as usize] = child;
            }
        }
    }

    /// Whether some phrase starts with word `id`.
    pub fn starts_with(&self, id: u32) -> bool {
        self.root.get(id as usize).is_some_and(|&c| c != NONE)
    }

    /// Adds a phrase (a non-empty id sequence); call [`Trie::seal`] after the last one.
    pub fn insert(&mut self, ids: &[u32], entry: Entry<P>) {
        let mut node = 0u32;
        for &id in ids {
            let next = self.entries.len() as u32;
            node = *self.edges.entry((node, id)).or_insert(next);
            if node == next {
                self.entries.push(Vec::new());
            }
        }
        self.entries[node as usize].push(entry);
        self.max_len = self.max_len.max(ids.len());
    }

    /// The entries of the phrase that is exactly the word sequence `ids`, if any.
    pub fn exact(&self, ids: &[u32]) -> &[Entry<P>] {
        let mut node = 0u32;
        for &id in ids {
            match self.edges.get(&(node, id)) {
                Some(&next) => node = next,
                None => return &[],
            }
        }
        if node == 0 { &[] } else { &self.entries[node as usize] }
    }

    /// The longest phrase starting at token `from` (and not past `limit`) of which some entry's
    /// case constraints hold: its length and entries (filter them with [`Entry::fits`]).
    pub fn longest(&self, tokens: &Tokens, from: usize, limit: usize) -> Option<(usize, &[Entry<P>])> {
        let mut node = 0u32;
        let mut best = None;
        for i in from..limit.min(from + self.max_len) {
            let id = tokens.list[i].id;
            if id == UNKNOWN {
                break;
            }
            let child = if node == 0 { self.root.get(id as usize).copied().filter(|&c| c != NONE) } else { None };
            let Some(next) = child.or_else(|| if node == 0 { None } else { self.edges.get(&(node, id)).copied() })
            else {
                break;
            };
            node = next;
            if self.entries[node as usize].iter().any(|e| e.fits(tokens, from)) {
                best = Some((i + 1 - from, node));
            }
        }
        let (len, node) = best?;
        Some((len, &self.entries[node as usize]))
    }
}

impl<P> Entry<P> {
    /// Whether the case constraints of the phrase hold for the text at token `from`.
    pub fn fits(&self, tokens: &Tokens, from: usize) -> bool {
        (!self.cap_first || tokens.list.get(from).is_some_and(|t| t.is(CAP)))
            && !(self.not_acronym_first && tokens.list.get(from).is_some_and(|t| t.is(UPPER)))
            && case_fits(tokens, from, self.upper_mask)
    }
}

/// True when every word the mask marks is an acronym in the text.
pub fn case_fits(tokens: &Tokens, from: usize, mask: u32) -> bool {
    let mut rest = mask;
    while rest != 0 {
        let bit = rest.trailing_zeros() as usize;
        if !tokens.list.get(from + bit).is_some_and(|t| t.is(UPPER)) {
            return false;
        }
        rest &= rest - 1;
    }
    true
}

/// A phrase with gaps: parts that must follow each other within a clause.
#[derive(Debug, Clone)]
pub struct Gapped<P> {
    pub parts: Vec<Vec<u32>>,
    /// The clause must end right after the last part.
    pub at_end: bool,
    pub payload: P,
}

/// A gapped phrase found in a sentence: the token ranges of its parts.
#[derive(Debug, Clone)]
pub struct GappedMatch {
    pub first: (usize, usize),
    pub last: (usize, usize),
}

const NONE: u32 = u32::MAX;

/// Largest number of words between two parts of a gapped phrase.
pub const MAX_GAP: usize = 12;

impl<P> Gapped<P> {
    /// Matches at token `from`; `stops(i)` says whether a gap may not run over token `i` (a
    /// clause break), `ends(i)` whether token `i` ends a clause for `<end>`, and `end` is one past
    /// the last token of the sentence. Each later part is tried at every place it occurs within
    /// reach, so "nam in de zomer ... in," still finds its particle.
    pub fn match_at(
        &self,
        tokens: &Tokens,
        from: usize,
        end: usize,
        stops: &dyn Fn(usize) -> bool,
        ends: &dyn Fn(usize) -> bool,
    ) -> Option<GappedMatch> {
        if !parts_at(tokens, from, &self.parts[0]) {
            return None;
        }
        let first = (from, from + self.parts[0].len());
        let last = self.rest(tokens, 1, first.1, end, stops, ends)?;
        Some(GappedMatch { first, last: last.unwrap_or(first) })
    }

    /// Matches parts `part..` from token `at` on: the span of the last part (`None` when no
    /// part is left).
    fn rest(
        &self,
        tokens: &Tokens,
        part: usize,
        at: usize,
        end: usize,
        stops: &dyn Fn(usize) -> bool,
        ends: &dyn Fn(usize) -> bool,
    ) -> Option<Option<(usize, usize)>> {
        let Some(ids) = self.parts.get(part) else {
            return (!self.at_end || at >= end || ends(at)).then_some(None);
        };
        for start in at..end.min(at + MAX_GAP + 1) {
            if parts_at(tokens, start, ids)
                && let Some(found) = self.rest(tokens, part + 1, start + ids.len(), end, stops, ends)
            {
                return Some(Some(found.unwrap_or((start, start + ids.len()))));
            }
            if stops(start) {
                break;
            }
        }
        None
    }
}

fn parts_at(tokens: &Tokens, from: usize, ids: &[u32]) -> bool {
    from + ids.len() <= tokens.len() && ids.iter().enumerate().all(|(k, &id)| tokens.list[from + k].id == id)
}
