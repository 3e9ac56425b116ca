//! Mentions in one sentence: the lexicon's phrases (actors, cues, modality, partial words),
//! gapped phrases, dates, towns and regions, words that refer back to a place, clause
//! boundaries, and the preposition that governs each actor and place.

use std::borrow::Cow;

use crate::extract::dates::DateMention;
use crate::extract::language::{ActorRef, Form, Language, Payload, START_GAPPED, START_LOOSE, class, prep};
use crate::extract::tokens::{CAP, DIGITS, PUNCT, Tokens, UNKNOWN, UPPER, WordSet};
use crate::extract::towns::{self, Evidence, Hit, TownIndex};
use crate::model::{Modality, PlaceKey, PlaceKind};
use crate::places::{Candidate, Gazetteer};

/// How far before a place an edge noun, and before that a town noun, may stand, in words.
const EDGE_WINDOW: usize = 4;

/// An actor phrase.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorMention {
    pub a: usize,
    pub b: usize,
    pub actor: ActorRef,
    /// Roles of the preposition that governs it (0: none, a bare noun phrase).
    pub gov: u16,
    /// "de door X gesteunde Y": X is part of a description, not a doer.
    pub attributive: bool,
}

/// What a place mention points at.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    Place(towns::Found),
    /// Several towns fit; the written name is kept to retry with a country hint.
    Ambiguous(Vec<Candidate>, String),
    /// "het gebied", "het bolwerk": the last place mentioned.
    Generic,
    /// "de stad", "het dorp", "the city": the nearest town mentioned before it.
    Town,
    /// "de gelijknamige provincie", "the province of the same name": the region named like the
    /// nearest town before it.
    SameName,
    /// "beide plaatsen", "both towns": the next-to-last (0) or the last (1) of the last two
    /// towns mentioned; the phrase gives one mention of each.
    Both(u8),
    /// "daar": the last place mentioned.
    Here,
    /// "de hoofdstad", "the capital", "the capital's airport": the capital of the country the
    /// sentence or article is about (see [`crate::extract::refer::capital`]).
    Capital,
}

/// How many words a site noun and the town it is of may stand apart: a linking phrase ("ten
/// zuiden van") or the adjectives after a possessive ("the capital's international airport").
const SITE_LINK: usize = 4;

/// A place phrase.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMention {
    pub a: usize,
    pub b: usize,
    pub target: Target,
    pub gov: u16,
    /// Country hint from a demonym or a country name next to it.
    pub hint: Option<u16>,
    /// Governed by a locative preposition that opens its clause ("In Raqqa hebben ...").
    pub topical: bool,
    /// A site in or near the town ("het vliegveld van X", "the airbase near X"): the site noun
    /// as written. The claim is about the town, with a note.
    pub site: Option<String>,
}

impl PlaceMention {
    /// Whether the mention refers back to an earlier place.
    pub fn is_anaphora(&self) -> bool {
        matches!(self.target, Target::Generic | Target::Town | Target::Here)
    }

    /// Whether the mention names no place itself but finds it by its kind (see [`crate::extract::refer`]).
    pub fn refers_by_kind(&self) -> bool {
        matches!(self.target, Target::Town | Target::SameName | Target::Both(_))
    }
}

/// An event cue: its first part, where the match ends, and every part's span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CueMention {
    pub a: usize,
    pub b: usize,
    pub end: usize,
    pub event: u16,
    pub form: Form,
    spans: [(usize, usize); 2],
    gapped: bool,
}

impl CueMention {
    /// The token spans of the cue's words: one part, or two for a gapped cue.
    pub fn parts(&self) -> &[(usize, usize)] {
        &self.spans[..if self.gapped { 2 } else { 1 }]
    }
}

/// Everything found in one sentence; reused from sentence to sentence.
#[derive(Debug, Default)]
pub struct Analysis {
    pub tokens: Tokens,
    pub class: Vec<u32>,
    pub prep: Vec<u16>,
    pub country: Vec<Option<u16>>,
    pub clause: Vec<u16>,
    /// Every class bit some word of the sentence has, once the phrases have added theirs: a
    /// pass looking for words of a class the sentence lacks skips it with one test.
    present: u32,
    /// The vocabulary words of the sentence as a bit set by id: a gapped phrase whose later
    /// part the sentence lacks is not tried (cleared word by word for the next sentence).
    words_present: Vec<u64>,
    consumed: Vec<bool>,
    pub actors: Vec<ActorMention>,
    pub places: Vec<PlaceMention>,
    pub cues: Vec<CueMention>,
    pub dates: Vec<DateMention>,
    pub modals: Vec<(usize, usize, Modality)>,
    /// People who speak for a side ("Oekraïense commandanten"): (first token, faction index).
    pub speakers: Vec<(usize, u16)>,
    /// Partial words: (token, true for a remnant such as "de laatste wijk").
    pub partial: Vec<(usize, bool)>,
    /// Nouns for a part of a town in a sentence with a partial word (see [`crate::extract::parts`]).
    pub parts: Vec<usize>,
    pub no_longer: Vec<(usize, usize)>,
    pub not_negated: Vec<(usize, usize)>,
    /// Token spans of exception phrases with their places ("op El Fasher na", "except X"): see
    /// [`crate::extract::except`].
    pub excepted: Vec<(usize, usize)>,
    /// Country mentions with a stated extent, by their first token (see [`crate::extract::extent`]).
    pub extents: Vec<(usize, crate::extract::extent::Extent)>,
    /// "Rebellen van de MNDAA", "rebels led by HTS": (first token of the description, first
    /// token of the side it names), for the article to remember who "de rebellen" are.
    pub described: Vec<(usize, usize)>,
    /// Actor phrases that are also places ("Bagdad", "Koerdistan"), decided by context.
    dual: Vec<(usize, Option<u16>)>,
    /// Tokens that may be a clause pronoun ("dat het ..."): no article before a name after them.
    pronoun_slots: Vec<usize>,
    /// The language's country codes, by the index [`Analysis::country`] holds.
    country_codes: Vec<String>,
    /// The language whose codes `country_codes` holds.
    country_lang: String,
    folded: String,
    payloads: Vec<Payload>,
}

/// Lower-case particles allowed inside a place name ("Deir ez-Zor", "Tall al-Abyad", "Mocímboa da
/// Praia", "Rostov-on-Don"). A run with one is a name only when the gazetteer knows it whole.
const NAME_PARTICLES: &[&str] = &[
    "al", "el", "ad", "ed", "ar", "as", "ash", "at", "az", "ez", "ul", "ibn", "bin", "abu", "bou", "de", "da", "do",
    "dos", "das", "del", "di", "du", "des", "la", "sur", "am", "on",
];

/// Longest place name tried, in words.
const MAX_NAME_WORDS: usize = 4;

/// Longest apposition (in tokens, with its closing comma) between a sentence's opening name and
/// its verb ([`Analysis::subject_of_cue`]).
const MAX_APPOSITION: usize = 16;

/// Longest phrase of a part word, from its first word to its "van" ("het noordelijke deel van").
const PART_PHRASE: usize = 5;

/// The longest of [`NAME_PARTICLES`], in bytes.
const MAX_PARTICLE_LEN: usize = 3;

const _: () = {
    let mut i = 0;
    while i < NAME_PARTICLES.len() {
        assert!(NAME_PARTICLES[i].len() <= MAX_PARTICLE_LEN, "a name particle longer than MAX_PARTICLE_LEN");
        i += 1;
    }
};

/// The bytes of a word of at most [`MAX_PARTICLE_LEN`] bytes in an integer, the first in the
/// highest byte (words hold no zero byte, so different words pack differently).
const fn pack_particle(word: &[u8]) -> u32 {
    let mut packed = 0u32;
    let mut i = 0;
    while i < word.len() {
        packed = packed << 8 | word[i] as u32;
        i += 1;
    }
    packed
}

/// [`NAME_PARTICLES`] packed ([`pack_particle`]), compared as integers.
const PACKED_PARTICLES: [u32; NAME_PARTICLES.len()] = {
    let mut packed = [0u32; NAME_PARTICLES.len()];
    let mut i = 0;
    while i < NAME_PARTICLES.len() {
        packed[i] = pack_particle(NAME_PARTICLES[i].as_bytes());
        i += 1;
    }
    packed
};

/// Whether a folded word is one of [`NAME_PARTICLES`] (a longer word is told at once).
fn is_name_particle(folded: &str) -> bool {
    !folded.is_empty()
        && folded.len() <= MAX_PARTICLE_LEN
        && PACKED_PARTICLES.contains(&pack_particle(folded.as_bytes()))
}

impl Analysis {
    /// Analyses one sentence: `text` is the sentence, starting at byte `base` of the article.
    pub fn run(&mut self, lang: &Language, towns: &mut TownIndex, gazetteer: &Gazetteer, text: &str, base: usize) {
        self.clear();
        if self.country_lang != lang.code {
            self.country_lang.clone_from(&lang.code);
            self.country_codes.clone_from(&lang.countries);
        }
        self.tokens.tokenize(text, base, &lang.vocab);
        let n = self.tokens.len();
        // One bit for every word of the vocabulary (every id a token can have).
        let slots = lang.vocab.len() / 64 + 1;
        if self.words_present.len() < slots {
            self.words_present.resize(slots, 0);
        }
        // An acronym ("IS", "US") is not the ordinary word it spells ("is", "us").
        let acronym_classes = class::COUNTRY | class::DEMONYM;
        let mut starts = 0;
        // Sized at once and filled slot by slot beside the tokens: no pushes in this loop over
        // every token.
        self.class.resize(n, 0);
        self.prep.resize(n, 0);
        self.country.resize(n, None);
        let slots = self.class.iter_mut().zip(self.prep.iter_mut()).zip(self.country.iter_mut());
        for (t, ((class_slot, prep_slot), country_slot)) in self.tokens.list.iter().zip(slots) {
            if let Some(bits) = self.words_present.get_mut(t.id as usize / 64) {
                *bits |= 1 << (t.id % 64);
                starts |= lang.starts_of(t.id);
            }
            let (class, prep, country) = if t.id == UNKNOWN { (0, 0, None) } else { lang.word(t.id) };
            let (class, prep) = if t.is(UPPER) { (class & acronym_classes, 0) } else { (class, prep) };
            *class_slot = class;
            *prep_slot = prep;
            *country_slot = country;
        }
        self.consumed.resize(n, false);
        self.intro_compounds(lang);
        self.phrases(lang);
        if !self.actors.is_empty() {
            self.sides_sharing_a_noun(lang);
        }
        let mut numbered = false;
        // A sentence none of whose words starts a gapped phrase or a loose alias skips the pass.
        if starts & START_GAPPED != 0 {
            // A first numbering of the clauses, so that no gapped phrase joins a word of a
            // relative aside to one of the clause around it ("Y, dat A had veroverd, kwam ... in
            // handen van B" is no "had ... in handen"); numbered again once the phrases are in.
            self.clauses(lang);
            let classes_added = self.gapped(lang);
            numbered = !classes_added && !self.particle_before_relative();
        }
        // The phrases are the last to add classes.
        self.present = self.class.iter().fold(0, |all, &c| all | c);
        // The numbering reads only the tokens, their classes and roles, the actors, the
        // language's fixed word lists and, after a separable particle, the gapped cues: when the
        // gapped phrases added no class and no particle stands before a relative word, the first
        // numbering is already the final one.
        if !numbered {
            self.clauses(lang);
        }
        crate::extract::parts::find(self, lang);
        lang.dates.scan(&self.tokens, &mut self.dates);
        if lang.dates.spans.opens_a_range(|id| self.has_word(id)) {
            crate::extract::date_spans::join_ranges(&lang.dates, &self.tokens, &mut self.dates);
        }
        for d in &self.dates {
            self.consumed[d.a..d.b].iter_mut().for_each(|c| *c = true);
        }
        self.duals(lang, towns, gazetteer, text, base);
        self.towns(lang, towns, gazetteer, text, base);
        self.capital_references(lang);
        self.sites(text, base);
        self.site_directions();
        self.locating_parts();
        self.anaphora();
        // "het vliegveld van de stad": a site of a town referred back to.
        self.sites(text, base);
        self.possessive_sites(text, base);
        self.kind_references();
        if starts & START_LOOSE != 0 {
            self.loose_regions(lang);
        }
        crate::extract::areas::feature_regions(self, lang);
        crate::extract::extent::provinces(self, lang, gazetteer, text, base);
        self.clause_pronouns();
        self.govern();
        self.edge_places(lang);
        crate::extract::except::mark(self, lang);
        if self.modals.iter().any(|&(_, _, m)| m == Modality::Claimed) {
            self.attribution_places();
        }
        self.states_in_hands(lang);
        crate::extract::extent::country_mentions(self, lang);
        self.places.sort_by_key(|p| (p.a, p.b));
        self.actors.sort_by_key(|a| (a.a, a.b));
        self.cues.sort_by_key(|c| (c.a, c.end));
    }

    fn clear(&mut self) {
        // A few hundred bytes at most: zeroed at once rather than word by word.
        self.words_present.fill(0);
        self.class.clear();
        self.prep.clear();
        self.country.clear();
        self.clause.clear();
        self.consumed.clear();
        self.actors.clear();
        self.places.clear();
        self.cues.clear();
        self.dates.clear();
        self.modals.clear();
        self.speakers.clear();
        self.described.clear();
        self.pronoun_slots.clear();
        self.partial.clear();
        self.parts.clear();
        self.no_longer.clear();
        self.not_negated.clear();
        self.excepted.clear();
        self.extents.clear();
        self.dual.clear();
    }

    /// The number of tokens of the sentence.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// The first token of clause `clause`, if the sentence has one.
    pub fn clause_start(&self, clause: u16) -> Option<usize> {
        self.clause.iter().position(|&c| c == clause)
    }

    /// Whether the sentence has no tokens.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// Longest-match lexicon phrases, left to right.
    fn phrases(&mut self, lang: &Language) {
        let n = self.tokens.len();
        let mut i = 0;
        while i < n {
            let id = self.tokens.list[i].id;
            let found = if lang.trie.starts_with(id) { lang.trie.longest(&self.tokens, i, n) } else { None };
            let Some((len, entries)) = found else {
                i += 1;
                continue;
            };
            let mut payloads = std::mem::take(&mut self.payloads);
            payloads.clear();
            payloads.extend(entries.iter().filter(|e| e.fits(&self.tokens, i)).map(|e| e.payload));
            self.apply(lang, &payloads, i, i + len);
            self.payloads = payloads;
            i += len;
        }
    }

    /// "Russische en Oekraïense soldaten", "het Russische en het Oekraïense leger", "Russian and
    /// Ukrainian troops": an adjective before "en"/"and" shares the noun of the side after it,
    /// and names a side of its own when the adjective with that noun is one.
    fn sides_sharing_a_noun(&mut self, lang: &Language) {
        let mut index = 0;
        while index < self.actors.len() {
            let (a, b) = (self.actors[index].a, self.actors[index].b);
            index += 1;
            let first = (a..b).find(|&k| self.class[k] & class::DET == 0).unwrap_or(b);
            if first + 1 >= b || a < 2 || self.class[a - 1] & class::COORD == 0 {
                continue;
            }
            let adjective = a - 2;
            let word = &self.tokens.list[adjective];
            if self.consumed[adjective] || word.is(PUNCT | DIGITS) || word.id == UNKNOWN {
                continue;
            }
            let mut ids = vec![word.id];
            ids.extend(self.tokens.list[first + 1..b].iter().map(|t| t.id));
            let entries = lang.trie.exact(&ids);
            let side = entries.iter().filter(|e| e.fits(&self.tokens, adjective)).find_map(|e| match e.payload {
                Payload::Actor { actor, .. } => Some(actor),
                _ => None,
            });
            let Some(actor) = side else { continue };
            if actor == self.actors[index - 1].actor {
                continue;
            }
            let start =
                if adjective > 0 && self.class[adjective - 1] & class::DET != 0 { adjective - 1 } else { adjective };
            let at = index - 1;
            self.actors.insert(at, ActorMention { a: start, b: adjective + 1, actor, gov: 0, attributive: false });
            for d in self.dual.iter_mut().filter(|d| d.0 >= at) {
                d.0 += 1;
            }
            self.consumed[start..=adjective].iter_mut().for_each(|c| *c = true);
            index += 1;
        }
    }

    fn apply(&mut self, lang: &Language, payloads: &[Payload], a: usize, b: usize) {
        let mut actor = None;
        let mut region = None;
        for payload in payloads {
            match *payload {
                Payload::Actor { actor: who, placeish } => actor = Some((who, placeish)),
                Payload::Region(r) => region = Some(r),
                Payload::Cue { event, form } => {
                    self.cues.push(CueMention { a, b, end: b, event, form, spans: [(a, b); 2], gapped: false })
                }
                Payload::Modality(m) => self.modals.push((a, b, m)),
                Payload::Speaker(f) => self.speakers.push((a, f)),
                Payload::Partial => self.partial.push((a, false)),
                Payload::Remnant => self.partial.push((a, true)),
                Payload::NoLonger => self.no_longer.push((a, b)),
                Payload::NotNegated => self.not_negated.push((a, b)),
                Payload::Class(c) => self.class[a..b].iter_mut().for_each(|x| *x |= c),
                // A prepositional phrase ("ten zuiden van") has its own role, whatever its
                // last word means alone.
                Payload::Prep(r) => self.prep[b - 1] = r,
                Payload::Country(c) => {
                    self.country[a..b].iter_mut().for_each(|x| *x = Some(c));
                    self.class[a..b].iter_mut().for_each(|x| *x |= class::DEMONYM);
                }
            }
        }
        let keeps_negation = payloads.iter().any(|p| matches!(p, Payload::NoLonger));
        if b - a > 1 && !keeps_negation {
            self.class[a..b].iter_mut().for_each(|c| *c &= !class::NEGATION);
        }
        // A capitalised date word before it ("On Tuesday Islamic State fighters") is no name.
        let actor = actor.filter(|_| !self.inside_longer_name(a, b) || lang.dates.knows(self.tokens.list[a - 1].id));
        match (actor, region) {
            (Some((who, placeish)), region) => {
                if placeish || region.is_some() {
                    self.dual.push((self.actors.len(), region));
                }
                self.actors.push(ActorMention { a, b, actor: who, gov: 0, attributive: false });
            }
            (None, Some(r)) => self.places.push(region_mention(lang, a, b, r)),
            (None, None) => {}
        }
        self.consumed[a..b].iter_mut().for_each(|c| *c = true);
    }

    /// Gapped phrases; a gapped cue replaces the plain cues inside it. Says whether a phrase
    /// added a class to some token.
    fn gapped(&mut self, lang: &Language) -> bool {
        let n = self.tokens.len();
        let mut classes_added = false;
        for i in 0..n {
            let id = self.tokens.list[i].id;
            if id == UNKNOWN {
                continue;
            }
            for start in lang.gapped_from(id) {
                // A later part whose first word the sentence lacks can never match.
                if !start.needs.iter().all(|&w| w == UNKNOWN || self.has_word(w)) {
                    continue;
                }
                let pattern = &lang.gapped[start.pattern];
                let stops = |k: usize| self.is_strong_break(k);
                let ends = |k: usize| {
                    self.tokens.list[k].is(PUNCT)
                        || self.class[k] & (class::BREAK | class::COORD) != 0
                        || self.opens_extraposed_phrase(lang, k)
                };
                let Some(m) = pattern.match_at(&self.tokens, i, n, &stops, &ends) else {
                    continue;
                };
                if self.clause.get(m.last.0) != self.clause.get(m.first.0)
                    || self.apposition_in_gap(m.first.1, m.last.0)
                {
                    continue;
                }
                match pattern.payload {
                    // A cue split around the side that holds ("in Oekraïense handen") says nothing
                    // without a side in its gap, so it must not replace the plain cues it spans
                    // ("In november viel X, ... die nog in handen was van IS").
                    Payload::Cue { event, .. }
                        if lang.events[event as usize].outcome == Some(crate::extract::lexicon::Outcome::Hands)
                            && !self.actors.iter().any(|x| x.a >= m.first.1 && x.a < m.last.0) => {}
                    Payload::Cue { event, form } => {
                        let spans = [m.first, m.last];
                        self.cues.retain(|c| c.gapped || !spans.iter().any(|p| c.a < p.1 && p.0 < c.b));
                        let (a, b, end) = (m.first.0, m.first.1, m.last.1);
                        self.cues.push(CueMention { a, b, end, event, form, spans, gapped: true });
                    }
                    Payload::Modality(md) => self.modals.push((m.first.0, m.last.1, md)),
                    Payload::NoLonger => self.no_longer.push((m.first.0, m.last.1)),
                    Payload::NotNegated => self.not_negated.push((m.first.0, m.last.1)),
                    Payload::Partial => self.partial.push((m.first.0, false)),
                    Payload::Class(c) => {
                        self.class[m.first.0..m.last.1].iter_mut().for_each(|x| *x |= c);
                        classes_added = true;
                    }
                    _ => {}
                }
            }
        }
        classes_added
    }

    /// "Medio november viel Rawa, de laatste plaats in handen van IS": a gap holding a comma and
    /// an article after it, with no comma closing that phrase before the cue's last part, ends in
    /// a noun phrase in apposition; the last part belongs to that phrase, not to the verb.
    fn apposition_in_gap(&self, a: usize, b: usize) -> bool {
        let Some(comma) = (a..b).rev().find(|&k| self.tokens.list[k].is(PUNCT)) else {
            return false;
        };
        self.tokens.mark(comma) == b',' && comma + 1 < b && self.class[comma + 1] & class::DET != 0
    }

    /// Whether token `k` opens a phrase written after a separable particle at the end of its
    /// clause ("neemt Vuhledar in na twee jaar van strijd", "namen het stadje over van de SDF"):
    /// a `[grammar] extraposed` preposition, after which a `<end>` phrase may end.
    fn opens_extraposed_phrase(&self, lang: &Language, k: usize) -> bool {
        lang.extraposed.has(&self.tokens, k)
    }

    /// Tokens that are a `[actors] clause_pronouns` word right after a subordinator or a break
    /// word after a comma ("dat het ...", ", en het heeft ..."), or right after a finite verb that
    /// opens the clause's inversion ("sindsdien heeft het de stad in handen", "hield het Lyman
    /// bezet"), with a word after them: a name after one is not after an article.
    fn find_pronoun_slots(&mut self, lang: &Language) {
        if lang.clause_pronouns.is_empty() {
            return;
        }
        for k in 1..self.tokens.len().saturating_sub(1) {
            if lang.clause_pronouns.has(&self.tokens, k) && (self.after_subordinator(k) || self.after_finite_verb(k)) {
                self.pronoun_slots.push(k);
            }
        }
    }

    /// Whether token `k` follows a subordinator, or a break word after a comma, which opens a
    /// clause as a subordinator does ("..., en het heeft in januari ook Bahri heroverd").
    fn after_subordinator(&self, k: usize) -> bool {
        self.class[k - 1] & class::SUBORDINATOR != 0
            || (k >= 2 && self.class[k - 1] & class::BREAK != 0 && self.tokens.mark(k - 2) == b',')
    }

    /// Whether token `k` follows a finite verb: a form of "hebben" or "zijn", or the first word
    /// of an event cue ("hield ... bezet", "nam ... in").
    fn after_finite_verb(&self, k: usize) -> bool {
        self.class[k - 1] & (class::HAVE | class::BE) != 0 || self.cues.iter().any(|c| c.a == k - 1 && c.end > k)
    }

    /// "Het leger zegt dat het Babanusa nog in handen heeft": a clause pronoun right after a
    /// subordinator (or a break word after a comma), followed by an article, a skipped adverb,
    /// an auxiliary ("en het heeft ...") or a place rather than a noun, is a pronoun for a side
    /// named earlier in the sentence, when its clause names a place. After a finite verb
    /// ("sindsdien hield het Lyman bezet", "nam het ook de stad in") only what no article can
    /// stand before makes it one: an article, a place not opened by an adjective, or an adverb
    /// before either; the side may then be the one named in a sentence before.
    fn clause_pronouns(&mut self) {
        for slot in 0..self.pronoun_slots.len() {
            let k = self.pronoun_slots[slot];
            let taken =
                self.actors.iter().any(|m| m.a <= k && k < m.b) || self.places.iter().any(|p| p.a <= k && k < p.b);
            let side_before = self.actors.iter().any(|m| m.b < k);
            let subordinate = self.after_subordinator(k);
            let next_is_no_noun = if subordinate {
                self.class[k + 1] & (class::DET | class::SKIP | class::HAVE) != 0
                    || self.places.iter().any(|p| p.a == k + 1)
            } else {
                self.no_article_before(k + 1)
                    || (self.class[k + 1] & class::SKIP != 0
                        && k + 2 < self.tokens.len()
                        && self.no_article_before(k + 2))
            };
            // Only with a place named in its clause: "dat het de helft van de Gazastrook ..."
            // names no town, and the town of the sentence before is no safe guess.
            let place_after = self.places.iter().any(|p| p.a > k && self.clause[p.a] == self.clause[k]);
            if !taken && (side_before || !subordinate) && next_is_no_noun && place_after {
                self.actors.push(ActorMention { a: k, b: k + 1, actor: ActorRef::Pronoun, gov: 0, attributive: false });
            }
        }
    }

    /// Whether token `k` is a word no article stands before: an article or determiner, or a
    /// place whose name it opens (not an adjective such as "Oekraïense" before the name).
    fn no_article_before(&self, k: usize) -> bool {
        self.class[k] & class::DET != 0
            || (self.class[k] & class::DEMONYM == 0 && self.places.iter().any(|p| p.a == k && !p.is_anaphora()))
    }

    /// "Marioepol is in Russische handen", "viel in Russische handen": a side named by its
    /// "hands" after "in" is no location but the side that holds the place: a clause with no
    /// event cue of its own gets a hold cue on "in", and the actor loses the locative role (with
    /// a fall cue it keeps it: [`crate::extract::roles`] reads it as the winner).
    fn states_in_hands(&mut self, lang: &Language) {
        if lang.hands.is_empty() {
            return;
        }
        for index in 0..self.actors.len() {
            let (a, b) = (self.actors[index].a, self.actors[index].b);
            let after_in = a > 0 && self.prep[a - 1] & prep::LOCATIVE != 0;
            if !after_in || !lang.hands.has(&self.tokens, b - 1) {
                continue;
            }
            let clause = self.clause[a];
            let has_cue = self.cues.iter().any(|c| self.clause[c.a] == clause);
            if has_cue || !self.linked_place_in_clause(clause) {
                continue;
            }
            if let Some(event) = lang.hold_event {
                self.actors[index].gov = 0;
                let (a, b) = (a - 1, a);
                self.cues.push(CueMention { a, b, end: b, event, form: Form::Verb, spans: [(a, b); 2], gapped: false });
            }
        }
    }

    /// A place that can be the subject of "is in X handen": a place of the clause no preposition
    /// governs, in a clause with a linking verb ("Marioepol is nu in Russische handen"); not "het
    /// lot van Bachmoet ligt in Russische handen" nor "legt de verdediging van Charkiv in ...".
    fn linked_place_in_clause(&self, clause: u16) -> bool {
        let in_clause = |k: usize| self.clause.get(k) == Some(&clause);
        let linking = (0..self.len()).any(|k| in_clause(k) && self.class[k] & class::BE != 0);
        linking && self.places.iter().any(|p| in_clause(p.a) && p.gov == 0)
    }

    /// Whether the sentence names a place that no "van" / "of" governs, or one that a part of it
    /// governs ("het centrum van X is in Russische handen"): "het lot van Bachmoet ligt in
    /// Russische handen" says nothing of who holds Bakhmut.
    pub(crate) fn place_not_possessed(&self) -> bool {
        let part_of = !self.partial.is_empty() || !self.parts.is_empty();
        self.places.iter().any(|p| p.gov & prep::OF == 0 || part_of)
    }

    /// Whether vocabulary word `id` is in the sentence.
    pub(crate) fn has_word(&self, id: u32) -> bool {
        self.words_present.get(id as usize / 64).is_some_and(|bits| bits & (1 << (id % 64)) != 0)
    }

    /// A clause break: `; : -`, or a word such as "maar" after a comma ("nog maar" is "only");
    /// commas and brackets are not.
    #[inline]
    pub fn is_strong_break(&self, k: usize) -> bool {
        // The class first: a break word is rare, and only then is the token before looked at.
        let after_mark = || k == 0 || self.tokens.list[k - 1].is(PUNCT);
        matches!(self.tokens.list[k].mark, b';' | b':' | b'-')
            || self.class[k] & class::SUBORDINATOR != 0
            || (self.class[k] & class::BREAK != 0 && after_mark())
    }

    /// Numbers clauses: a break starts a new clause; a bracketed aside is a clause of its own,
    /// after which the outer clause goes on.
    fn clauses(&mut self, lang: &Language) {
        let n = self.tokens.len();
        let mut clause = std::mem::take(&mut self.clause);
        clause.clear();
        clause.reserve(n);
        let mut next = 0u16;
        let mut current = 0u16;
        let mut outer = Vec::new();
        // Inside ", dat ... ,": the aside ends at its closing comma.
        let mut relative = false;
        for (k, t) in self.tokens.list.iter().enumerate() {
            // Only punctuation has a mark (0 for a word); most words have neither a mark nor a
            // class that can start or end a clause, and take the short way.
            let mark = t.mark;
            let c = self.class[k];
            if mark == 0 && c & (class::RELATIVE | class::SUBORDINATOR | class::BREAK) == 0 {
                clause.push(current);
                continue;
            }
            if relative && mark == b',' {
                clause.push(current);
                current = outer.pop().unwrap_or(current);
                relative = false;
                continue;
            }
            if !relative && c & class::RELATIVE != 0 && self.opens_relative(k, lang) {
                outer.push(current);
                next = next.saturating_add(1);
                current = next;
                relative = true;
            } else if mark == b'(' {
                outer.push(current);
                next = next.saturating_add(1);
                current = next;
            } else if mark == b')' {
                clause.push(current);
                current = outer.pop().unwrap_or(current);
                continue;
            } else if self.is_strong_break(k) {
                next = next.saturating_add(1);
                current = next;
            }
            clause.push(current);
        }
        self.clause = clause;
    }

    /// A relative word right after a comma that follows a name, a side or a town noun: "Mosul,
    /// dat ...", "Raqqa, die ...", "op de Toeareg-rebellen, die de stad sinds 2012 in handen
    /// hadden", "heroverde het leger de stad, die sindsdien ...", "hold the town, which ...".
    /// A restrictive relative word ("die", not the subordinator "dat") right after a side opens
    /// one with no comma: "tegen de jihadisten die de stad belegeren".
    /// Kept out of line: the clause loop's short way for plain words stays tight.
    #[inline(never)]
    fn opens_relative(&self, k: usize, lang: &Language) -> bool {
        let relative = k >= 1 && self.class[k] & class::RELATIVE != 0;
        let after_side = |end: usize| self.actors.iter().any(|m| m.b == end);
        let after_comma = relative
            && k >= 2
            && self.tokens.mark(k - 1) == b','
            && !self.tokens.list[k - 2].is(PUNCT)
            && (self.tokens.list[k - 2].is(CAP)
                || after_side(k - 1)
                || self.particle_after_name(k - 2)
                || self.class[k - 2] & class::TOWN_NOUN != 0);
        // With no comma to close it, the aside is told from the main clause only when its side
        // stands after a preposition ("tegen de jihadisten die de stad belegeren"): after a
        // subject or object ("De SDF die IS bestreed nam Raqqa in") the main verb follows it.
        let after_preposition = |end: usize| {
            self.actors.iter().filter(|m| m.b == end).any(|m| {
                let before = (0..m.a).rev().find(|&j| self.class[j] & class::DET == 0);
                before.is_some_and(|j| self.prep[j] != 0)
            })
        };
        let restrictive = relative && self.class[k] & class::SUBORDINATOR == 0 && after_side(k) && after_preposition(k);
        after_comma || restrictive || (relative && self.after_apposed_noun_phrase(k, lang))
    }

    /// "trokken in juni Raqqa binnen, waar ...": token `j` is the separable particle of a cue,
    /// right after a name, so a relative word after the comma that follows is about that name.
    fn particle_after_name(&self, j: usize) -> bool {
        j >= 1
            && self.tokens.list[j - 1].is(CAP)
            && self.cues.iter().any(|c| c.gapped && c.parts().iter().skip(1).any(|&(a, _)| a == j))
    }

    /// A gapped cue found after the first clause numbering whose particle stands right before a
    /// comma and a relative word ("trokken Raqqa binnen, waar ..."): [`Self::particle_after_name`]
    /// opens that aside only once the cue is known, so the clauses are numbered again (a merge
    /// had lost this: branch zfight).
    fn particle_before_relative(&self) -> bool {
        self.cues.iter().filter(|c| c.gapped).any(|c| {
            c.parts().iter().skip(1).any(|&(a, _)| {
                self.tokens.list.get(a + 2).is_some()
                    && self.tokens.mark(a + 1) == b','
                    && self.class[a + 2] & class::RELATIVE != 0
            })
        })
    }

    /// How many words a noun phrase in apposition may have before its relative word.
    const APPOSED_PHRASE_WORDS: usize = 4;

    /// "Azerbeidzjan heeft Sjoesja ingenomen, de stad die sinds 1992 door ... werd
    /// gecontroleerd", "Hawija, de laatste stad die IS nog in handen had, werd ... heroverd": a
    /// relative word after a short noun phrase that opens with an article right after a comma
    /// opens an aside, so its verb, its "door" agent and its "werd" stay out of the main clause.
    /// Only the `[grammar] apposition_relatives` words do (Dutch "die", "dat"; English has none:
    /// its "a city that IS had held since May" keeps the main clause's year).
    fn after_apposed_noun_phrase(&self, k: usize, lang: &Language) -> bool {
        if !lang.apposition_relatives.has(&self.tokens, k) {
            return false;
        }
        let start = k.saturating_sub(Self::APPOSED_PHRASE_WORDS + 1);
        let Some(comma) = (start..k).rev().find(|&j| self.tokens.list[j].is(PUNCT)) else {
            return false;
        };
        self.tokens.mark(comma) == b','
            && comma + 2 < k
            && self.class[comma + 1] & class::DET != 0
            && !self.actors.iter().any(|m| m.a > comma && m.a < k)
    }

    /// "het Vrije Syrische Leger": a capitalised word (no grammar word, at most an adjective) right before
    /// an alias of several words, inside the sentence, makes the alias part of a longer name, so
    /// it names no faction.
    fn inside_longer_name(&self, a: usize, b: usize) -> bool {
        b - a >= 2
            && a >= 2
            && self.tokens.list[a].is(CAP)
            && self.tokens.list[a - 1].is(CAP)
            && !self.tokens.list[a - 1].is(PUNCT | UPPER)
            && self.class[a - 1] & !(class::SKIP | class::STOP) == 0
            && !self.consumed[a - 1]
            && !self.tokens.list[a - 2].is(PUNCT)
    }

    /// Actor phrases that are also places: a place when a place preposition or an intro noun
    /// governs them ("in Bagdad", "de hoofdstad Bagdad"), an actor otherwise.
    fn duals(&mut self, lang: &Language, towns: &mut TownIndex, gazetteer: &Gazetteer, text: &str, base: usize) {
        let mut moved = Vec::new();
        // Taken for the loop and put back emptied, so its buffer serves the next sentence.
        let mut dual = std::mem::take(&mut self.dual);
        for &(index, region) in &dual {
            let (a, b) = (self.actors[index].a, self.actors[index].b);
            let (gov, _, _) = self.governor(a, true);
            let introduced = self.introduced(a).0;
            if gov & (prep::LOCATIVE | prep::REFERENCE | prep::OUT) == 0 && !introduced {
                continue;
            }
            let target = match region {
                Some(r) => Some(region_mention(lang, a, b, r).target),
                None => {
                    self.fold_span(a, b);
                    let span = &text[self.tokens.list[a].start - base..self.tokens.list[b - 1].end - base];
                    match towns.lookup(gazetteer, &self.folded, span).map(|id| towns.hit(id)) {
                        Some(Hit::Found(f)) => Some(Target::Place(f.clone())),
                        _ => None,
                    }
                }
            };
            if let Some(target) = target {
                moved.push(index);
                self.places.push(PlaceMention { a, b, target, gov: 0, hint: None, topical: false, site: None });
            }
        }
        dual.clear();
        self.dual = dual;
        moved.sort_unstable();
        for index in moved.into_iter().rev() {
            self.actors.remove(index);
        }
    }

    /// Writes the folded words of tokens `a..b`, joined by spaces, into the `folded` buffer.
    fn fold_span(&mut self, a: usize, b: usize) {
        self.folded.clear();
        for k in a..b {
            if k > a {
                self.folded.push(' ');
            }
            self.folded.push_str(self.tokens.fold(k));
        }
    }

    /// Capitalised word runs the gazetteer knows, longest first.
    fn towns(&mut self, lang: &Language, towns: &mut TownIndex, gazetteer: &Gazetteer, text: &str, base: usize) {
        self.find_pronoun_slots(lang);
        let n = self.tokens.len();
        let mut strays: Vec<usize> = Vec::new();
        let mut i = 0;
        while i < n {
            let t = &self.tokens.list[i];
            // Only short lower-case words can be a particle: the check stays off most tokens.
            let particle = !t.is(CAP) && t.end - t.start <= 3 && self.particle_start(i, text, base);
            if self.consumed[i] || !(t.is(CAP) || particle) || t.is(PUNCT) || t.is(UPPER) {
                i += 1;
                continue;
            }
            let start = t.start;
            let mut taken = 0;
            let shortest = if particle { 2 } else { 1 };
            for len in (shortest..=MAX_NAME_WORDS.min(n - i)).rev() {
                if !self.name_run(lang, i, i + len) {
                    continue;
                }
                self.fold_span(i, i + len);
                let span = &text[start - base..self.tokens.list[i + len - 1].end - base];
                let Some(hit) = towns.lookup(gazetteer, &self.folded, span) else {
                    continue;
                };
                if let Some(mention) = self.place_mention(towns.hit(hit), towns, gazetteer, (i, i + len), text, base) {
                    if matches!(&mention.target, Target::Place(found) if found.key.kind == PlaceKind::Town)
                        && self.bare_article_name(lang, i, i + len)
                    {
                        // "over de Dnipro", "across the Euphrates": a river or region, not the town.
                        taken = len;
                        break;
                    }
                    if let Target::Place(found) = &mention.target {
                        if self.alias_abroad(towns, found) {
                            strays.push(self.places.len());
                        }
                        towns.note_place(found);
                    }
                    self.places.push(mention);
                    taken = len;
                    break;
                }
            }
            i += taken.max(1);
        }
        if !strays.is_empty() {
            self.drop_aliases_abroad(&strays, towns);
        }
    }

    /// Whether the name at token `a` is introduced by a word for a small place ("het stadje X",
    /// "het dorp X", "the village of X", "the small town of X"): `[places] small_place_nouns`,
    /// or `small_adjective_nouns` after `small_adjectives`, with or without `[prepositions] of`.
    pub fn small_town_intro(&self, lang: &Language, a: usize) -> bool {
        let before = |k: usize| a.checked_sub(k);
        let is = |set: &WordSet, k: Option<usize>| k.is_some_and(|k| set.has(&self.tokens, k));
        let of = is(&lang.of, before(1));
        let noun = if of { before(2) } else { before(1) };
        let adjective = before(if of { 3 } else { 2 });
        is(&lang.small_place_nouns, noun)
            || (is(&lang.small_adjective_nouns, noun) && is(&lang.small_adjectives, adjective))
    }

    /// "teruggetrokken over de Dnipro", "north of the Euphrates": a definite article right before
    /// a bare name, with the phrase ending there (a comma, the sentence's end, a preposition or a
    /// function word after it), names a river or region: towns are not written "de X" / "the X"
    /// ("de stad X", "het belegerde X" and "the Kherson offensive" keep their town).
    fn bare_article_name(&self, lang: &Language, a: usize, b: usize) -> bool {
        let Some(before) = a.checked_sub(1) else { return false };
        // `[places] bare_name_articles`: not Dutch "het", towns are neuter ("het belegerde X")
        // and "het" is also a pronoun ("dat het Babanusa nog in handen heeft").
        let article =
            lang.bare_name_articles.has(&self.tokens, before) && (before == 0 || !self.tokens.list[before].is(CAP));
        let closing = class::COORD
            | class::BREAK
            | class::BE
            | class::HAVE
            | class::PASSIVE
            | class::SUBORDINATOR
            | class::RELATIVE;
        article
            && (b >= self.tokens.len()
                || self.tokens.list[b].is(PUNCT)
                || self.prep[b] != 0
                || self.class[b] & closing != 0)
    }

    /// Whether a town found is only an alternate name of a GeoNames place (world table or
    /// regional layer) in a country neither the article so far nor the sentence names ("het
    /// stadje Ber" = Véroia, Greece, by its old name; "Al Jazira" = Aş Şuwayrah, Iraq).
    fn alias_abroad(&self, towns: &TownIndex, found: &towns::Found) -> bool {
        // The cheap tests first: most towns are found by their own name.
        !found.curated
            && !found.name_exact
            && found.key.kind == PlaceKind::Town
            && !towns.in_article_country(&found.country)
            && !self.names_country(&found.country)
    }

    /// Whether a word of the sentence names country `code` (a country name or a demonym).
    fn names_country(&self, code: &str) -> bool {
        self.country.iter().flatten().any(|&c| self.country_code(c) == Some(code))
    }

    /// Drops the towns of [`Analysis::alias_abroad`] (mention indices `strays`) when the sentence
    /// names another town by its own name in another country and none in theirs: "het stadje Ber
    /// bij Timboektoe" is no Greek town. The article's memory forgets them too. (Dropping them
    /// also when the sentence names no other town but the article named towns elsewhere gained
    /// nothing on `dev` and was left out.)
    fn drop_aliases_abroad(&mut self, strays: &[usize], towns: &mut TownIndex) {
        let country_of = |p: &PlaceMention| match &p.target {
            Target::Place(found) if found.key.kind == PlaceKind::Town => Some(found.country.clone()),
            _ => None,
        };
        for &s in strays.iter().rev() {
            let Some(country) = country_of(&self.places[s]) else { continue };
            let others = self.places.iter().enumerate().filter(|(k, _)| !strays.contains(k));
            let countries: Vec<String> = others.filter_map(|(_, p)| country_of(p)).collect();
            if countries.is_empty() || countries.contains(&country) {
                continue;
            }
            if let Target::Place(found) = &self.places.remove(s).target {
                towns.forget_place(found);
            }
        }
    }

    /// Whether tokens `a..b` can be a name: words only, none used by a phrase, capitalised at
    /// both ends with only name particles in between, and not a lexicon word on its own.
    fn name_run(&self, lang: &Language, a: usize, b: usize) -> bool {
        // The cheap checks first: most runs tried end in a lower-case word.
        let last_ok = self.tokens.list[b - 1].is(CAP);
        let words_ok = || (a..b).all(|k| !self.consumed[k] && !self.tokens.list[k].is(PUNCT | DIGITS));
        let inner_ok = || {
            (a + 1..b.saturating_sub(1)).all(|k| self.tokens.list[k].is(CAP) || is_name_particle(self.tokens.fold(k)))
        };
        if !(last_ok && words_ok() && inner_ok()) {
            return false;
        }
        if b - a > 1 {
            return true;
        }
        // A common word is a name only right after an intro noun ("het dorp Dan").
        let stop = if self.introduced(a).0 { 0 } else { class::STOP };
        let blocked = stop | class::COUNTRY | class::DEMONYM | class::INTRO | class::GENERIC | class::DET | class::SKIP;
        self.class[a] & blocked == 0 && !lang.dates.knows(self.tokens.list[a].id)
    }

    /// A lower-case name particle glued by a hyphen to a capitalised word: "al-Bab", "el-Alam".
    fn particle_start(&self, i: usize, text: &str, base: usize) -> bool {
        let t = &self.tokens.list[i];
        if t.is(CAP) || i + 1 >= self.tokens.len() {
            return false;
        }
        // The cheap checks first: a hyphen glues it to a capitalised word.
        let next = &self.tokens.list[i + 1];
        next.is(CAP)
            && !next.is(PUNCT)
            && next.start == t.end + 1
            && text.as_bytes().get(t.end - base) == Some(&b'-')
            && is_name_particle(self.tokens.fold(i))
    }

    fn place_mention(
        &self,
        hit: &Hit,
        towns: &TownIndex,
        gazetteer: &Gazetteer,
        (a, b): (usize, usize),
        text: &str,
        base: usize,
    ) -> Option<PlaceMention> {
        let (introduced, hint) = self.introduced(a);
        // "the town of Fuzuli": "of" right after an intro noun.
        let intro_of = a >= 2 && self.prep[a - 1] & prep::OF != 0 && self.class[a - 2] & class::INTRO != 0;
        let introduced = introduced || intro_of || self.apposed_intro(b);
        let (gov, _, _) = self.governor(a, true);
        // Only world places use it: the regional layer's rules need no distances.
        let near = |found: &towns::Found| {
            found.world && (towns.near_article(found.lat, found.lon) || self.names_country(&found.country))
        };
        let mut evidence = Evidence {
            introduced,
            place_preposition: gov & (prep::LOCATIVE | prep::OUT | prep::REFERENCE | prep::TARGET | prep::SOURCE) != 0
                || self.listed_after_place(a),
            sentence_initial: a == 0 && b - a == 1,
            name_neighbour: self.name_neighbour(a, b) || (a > 0 && self.class[a - 1] & class::TITLE != 0),
            in_compound: self.in_compound(a, b, text, base) && !self.town_compound(b),
            cue_in_clause: self.cues.iter().any(|c| self.clause[c.a] == self.clause[a]),
            near_article: false,
            far_from_article: false,
            cue_next: self.cue_next(b) || (a == 0 && self.subject_of_cue(b)),
            after_article: a > 0
                && self.class[a - 1] & class::ARTICLE != 0
                && self.class[a - 1] & class::INDEFINITE == 0
                && !self.pronoun_slots.contains(&(a - 1)),
        };
        let span = &text[self.tokens.list[a].start - base..self.tokens.list[b - 1].end - base];
        // "Bangladesh", "Chad": a country, whatever town elsewhere bears its name.
        if !introduced && towns.is_country(&self.folded) {
            return None;
        }
        // A name several places bear: the one near the article's other places, if only one is.
        // The hit is borrowed from the look-up cache: cloned only when the mention is kept.
        let found = match hit {
            Hit::Found(found) => match towns.namesake_for_article(gazetteer, found, span) {
                Some(namesake) => Some(Cow::Owned(namesake)),
                None => Some(Cow::Borrowed(found)),
            },
            Hit::Ambiguous(list) => towns.nearest_candidate(gazetteer, list, span).map(Cow::Owned),
        };
        let target = match (found, hit) {
            (Some(found), _) => {
                evidence.near_article = near(&found);
                evidence.far_from_article =
                    found.world && !evidence.near_article && towns.too_far_for_a_small_town(&found);
                if !towns::accept(&found, &evidence) {
                    return None;
                }
                Target::Place(found.into_owned())
            }
            (None, Hit::Ambiguous(list))
                if introduced || !(evidence.sentence_initial || evidence.name_neighbour || evidence.in_compound) =>
            {
                Target::Ambiguous(list.clone(), span.to_string())
            }
            (None, _) => return None,
        };
        let hint = hint.or_else(|| self.country_after(b));
        Some(PlaceMention { a, b, target, gov: 0, hint, topical: false, site: None })
    }

    /// "Sinjar en Makhmour", "Bucha, Irpin": the word before `a` is "en", "of" or a comma, and a
    /// place mention ends right before it.
    fn listed_after_place(&self, a: usize) -> bool {
        let joined = a >= 2 && (self.class[a - 1] & class::COORD != 0 || self.tokens.fold(a - 1) == ",");
        joined && self.places.last().is_some_and(|p| p.b == a - 1 && matches!(p.target, Target::Place(_)))
    }

    /// "Gaza-stad", "Raqqa-stad": a name glued by a hyphen to a town noun is that town.
    fn town_compound(&self, b: usize) -> bool {
        b < self.tokens.len()
            && self.class[b] & class::TOWN_NOUN != 0
            && self.tokens.list[b].start == self.tokens.list[b - 1].end + 1
    }

    /// The country code of a country index of the sentence's words (set by [`Analysis::run`]).
    pub(crate) fn country_code(&self, index: u16) -> Option<&str> {
        self.country_codes.get(index as usize).map(String::as_str)
    }

    /// "het vliegveld van Kramatorsk", "the airbase near Kirkuk", "oil fields near Kirkuk": a site
    /// noun, a linking preposition and a town. The mention grows to start at the site noun (so
    /// the preposition before the site governs it) and remembers the site.
    fn sites(&mut self, text: &str, base: usize) {
        for index in 0..self.places.len() {
            let a = self.places[index].a;
            let kind = matches!(self.places[index].target, Target::Place(_) | Target::Capital | Target::Town);
            if a < 2 || !kind || self.places[index].site.is_some() {
                continue;
            }
            let link = self.prep[a - 1] & (prep::OF | prep::LOCATIVE | prep::REFERENCE) != 0;
            // "de luchthaven ten zuiden van X": a linking phrase of several words.
            let mut site = a - 2;
            let linking =
                |k: usize| (self.prep[k] != 0 || self.class[k] == 0) && !self.tokens.list[k].is(CAP | PUNCT | DIGITS);
            while site > 0 && a - site < SITE_LINK && self.class[site] & class::SITE == 0 && linking(site) {
                site -= 1;
            }
            if !link || self.class[site] & class::SITE == 0 || self.places.iter().any(|p| p.a <= site && site < p.b) {
                continue;
            }
            // "oil fields", "air base": the whole site phrase names the site.
            let mut first = site;
            while first > 0 && self.class[first - 1] & class::SITE != 0 && first + 3 > site {
                first -= 1;
            }
            let written = &text[self.tokens.list[first].start - base..self.tokens.list[site].end - base];
            self.places[index].site = Some(written.to_string());
            self.places[index].a = first;
        }
    }

    /// "Aden's airport", "the capital's international airport": a place written with a
    /// possessive "'s" and a site noun within a few words after it names that site.
    fn possessive_sites(&mut self, text: &str, base: usize) {
        let n = self.tokens.len();
        for index in 0..self.places.len() {
            let p = &self.places[index];
            if p.site.is_some() || p.b >= n {
                continue;
            }
            let rest = &text[self.tokens.list[p.b - 1].end - base..];
            if !(rest.starts_with("'s") || rest.starts_with("\u{2019}s")) {
                continue;
            }
            let Some(site) = (p.b..(p.b + SITE_LINK).min(n)).find(|&k| self.class[k] & class::SITE != 0) else {
                continue;
            };
            let written = text[self.tokens.list[site].start - base..self.tokens.list[site].end - base].to_string();
            self.places[index].site = Some(written);
        }
    }

    /// "the north-eastern command in Lashio", "de noordelijke luchtmachtbasis": a direction word
    /// right before a site noun says which site, not that only a part of the town is held.
    fn site_directions(&mut self) {
        let class = &self.class;
        let names_site = |k: usize| (k + 1..(k + 3).min(class.len())).any(|j| class[j] & class::SITE != 0);
        self.partial.retain(|&(k, remnant)| remnant || !names_site(k));
    }

    /// "Bulbul, in het noorden van de regio, werd veroverd": a part of a bare region noun (no
    /// name after it) says where a place lies, not that only a part of it is held.
    fn locating_parts(&mut self) {
        if self.present & class::REGION_NOUN == 0 || self.partial.is_empty() {
            return;
        }
        let n = self.tokens.len();
        // "de regio", not "de provincie Idlib" nor "the province of Raqqa".
        let bare_region = |j: usize| {
            let named_after = j + 1 < n
                && (self.tokens.list[j + 1].is(CAP) && !self.tokens.list[j + 1].is(PUNCT)
                    || self.prep[j + 1] & prep::OF != 0);
            self.class[j] & class::REGION_NOUN != 0 && !named_after
        };
        // The part phrase ("het noorden van") ends in its "van"; a determiner may follow.
        let locates = |k: usize| {
            let Some(of) = (k + 1..(k + PART_PHRASE).min(n)).find(|&j| self.prep[j] & prep::OF != 0) else {
                return false;
            };
            let det = |j: usize| self.class[j] & class::DET != 0;
            (of + 1..(of + 3).min(n)).find(|&j| !det(j)).is_some_and(bare_region)
        };
        let kept: Vec<(usize, bool)> =
            self.partial.iter().copied().filter(|&(k, remnant)| remnant || !locates(k)).collect();
        self.partial = kept;
    }

    /// Words the vocabulary lacks that end in an intro noun ("de kuststad Sirte", "Gharyan, de
    /// bergstad ...") introduce a place name as the intro noun itself does.
    fn intro_compounds(&mut self, lang: &Language) {
        if lang.intro_suffixes.is_empty() {
            return;
        }
        for i in 0..self.tokens.len() {
            let t = &self.tokens.list[i];
            // A capitalised one ("Kaapstad") may be a name itself, unless a name follows it.
            let name_follows = self.tokens.list.get(i + 1).is_some_and(|next| next.is(CAP));
            if t.id == UNKNOWN
                && !t.is(UPPER | PUNCT)
                && (!t.is(CAP) || name_follows)
                && lang.is_intro_compound(self.tokens.fold(i))
            {
                self.class[i] |= class::INTRO;
            }
        }
    }

    /// An intro noun or demonym right before token `a` ("de Syrische stad", "het Iraakse"), and
    /// the country of the demonym.
    fn introduced(&self, a: usize) -> (bool, Option<u16>) {
        let mut introduced = false;
        let mut hint = None;
        let mut k = a;
        while k > 0 && a - k < 4 {
            let c = self.class[k - 1];
            if c & (class::INTRO | class::DEMONYM) != 0 {
                introduced = true;
                hint = hint.or(self.country[k - 1]);
            } else if c & class::SKIP == 0 {
                break;
            }
            k -= 1;
        }
        (introduced, hint)
    }

    /// "Marinka, a town on ...", "Hsenwi, een stadje in ...": an apposition after the name,
    /// a comma, an article and within four more words an intro noun, introduces it.
    fn apposed_intro(&self, b: usize) -> bool {
        if b + 2 >= self.tokens.len() || self.tokens.fold(b) != "," || self.class[b + 1] & class::ARTICLE == 0 {
            return false;
        }
        // A Dutch compound of a town noun ("een handelsstad") is an intro noun by
        // `[places] intro_suffixes` (see `intro_compounds`).
        (b + 2..(b + 6).min(self.tokens.len()))
            .take_while(|&k| !self.tokens.list[k].is(PUNCT))
            .any(|k| self.class[k] & class::INTRO != 0)
    }

    /// "Mosul, Irak" or "Baghouz (Syrië)": a country name right after a place.
    fn country_after(&self, b: usize) -> Option<u16> {
        let mut k = b;
        while k < self.tokens.len() && self.tokens.list[k].is(PUNCT) && matches!(self.tokens.fold(k), "," | "(") {
            k += 1;
        }
        (k < self.tokens.len() && self.class[k] & class::COUNTRY != 0).then(|| self.country[k]).flatten()
    }

    /// A capitalised word outside the run touches it: the run is part of a longer name.
    fn name_neighbour(&self, a: usize, b: usize) -> bool {
        let is_name_word = |k: usize| {
            let t = &self.tokens.list[k];
            t.is(CAP) && !t.is(PUNCT) && !self.consumed[k] && self.class[k] == 0 && self.prep[k] == 0
        };
        let particle = |k: usize| !self.tokens.list[k].is(CAP) && is_name_particle(self.tokens.fold(k));
        let before = a >= 2 && is_name_word(a - 1) || a >= 3 && particle(a - 1) && is_name_word(a - 2);
        let after = b < self.tokens.len()
            && (is_name_word(b) || b + 1 < self.tokens.len() && particle(b) && is_name_word(b + 1));
        before || after
    }

    /// The run is glued by a hyphen to a word outside it ("Al-Nuri-moskee", "Oost-Syrië").
    fn in_compound(&self, a: usize, b: usize, text: &str, base: usize) -> bool {
        let bytes = text.as_bytes();
        let start = self.tokens.list[a].start - base;
        let end = self.tokens.list[b - 1].end - base;
        let glued_after = bytes.get(end) == Some(&b'-') && bytes.get(end + 1).is_some_and(|c| c.is_ascii_alphabetic());
        // "West-Mosul": a direction glued before a name is a part of it, not another word.
        let direction = a > 0 && self.partial.iter().any(|&(k, _)| k == a - 1);
        let glued_before =
            start >= 2 && bytes[start - 1] == b'-' && bytes[start - 2].is_ascii_alphabetic() && !direction;
        glued_after || glued_before
    }

    /// "de stad", "die stad", "het laatste gebied" without a name after them, and "daar".
    fn anaphora(&mut self) {
        if self.present & (class::HERE | class::GENERIC) == 0 {
            return;
        }
        let n = self.tokens.len();
        for k in 0..n {
            if self.class[k] & class::HERE != 0 && !self.consumed[k] {
                self.places.push(PlaceMention {
                    a: k,
                    b: k + 1,
                    target: Target::Here,
                    gov: 0,
                    hint: None,
                    topical: false,
                    site: None,
                });
                continue;
            }
            if self.class[k] & class::GENERIC == 0 || self.consumed[k] || self.places.iter().any(|p| p.a == k + 1) {
                continue;
            }
            let next_is_name = k + 1 < n && self.tokens.list[k + 1].is(CAP) && !self.tokens.list[k + 1].is(PUNCT);
            // Adjectives between the article and the noun: known ones, or plain lower-case words
            // ("de historische stad").
            let adjective = |j: usize| {
                let t = &self.tokens.list[j];
                let plain = self.class[j] == 0 && self.prep[j] == 0 && !t.is(CAP | PUNCT | DIGITS) && !self.consumed[j];
                self.class[j] & class::DET == 0 && (self.class[j] & (class::SKIP | class::DEMONYM) != 0 || plain)
            };
            let mut d = k;
            while d > 0 && k - d < 3 && adjective(d - 1) {
                d -= 1;
            }
            let definite = d > 0 && self.class[d - 1] & class::DET != 0 && self.class[d - 1] & class::INDEFINITE == 0;
            // "de hoofdstad van Irak", "the capital of Sudan": a noun owned by what follows
            // names that, not a town before it (branch xsurr).
            let owned = k + 1 < n && self.prep[k + 1] & crate::extract::language::prep::OF != 0;
            if definite && !next_is_name && !owned {
                let target = if self.class[k] & class::TOWN_NOUN != 0 { Target::Town } else { Target::Generic };
                self.places.push(PlaceMention {
                    a: d - 1,
                    b: k + 1,
                    target,
                    gov: 0,
                    hint: None,
                    topical: false,
                    site: None,
                });
            }
        }
    }

    /// "de hoofdstad", "de Libische hoofdstad", "the capital", "the capital's airport": a capital
    /// noun after an article that no name follows ("de hoofdstad Sanaa" introduces a name) and
    /// that owns nothing ("de hoofdstad van Soedan", "the capital of North Darfur"). A possessive
    /// ("haar hoofdstad") is no article: it makes a possession cue. With a region adjective ("the
    /// provincial capital") the noun refers back to a town, as "de provinciehoofdstad" does.
    fn capital_references(&mut self, lang: &Language) {
        let capital = &lang.areas.capital;
        if !capital.iter().any(|&id| self.has_word(id)) {
            return;
        }
        let n = self.tokens.len();
        for k in 0..n {
            // The noun may be consumed as a possession cue ("IS-hoofdstad"), which makes a frame
            // only when a side owns it; the owned forms have a name after them or no article.
            if !capital.contains(&self.tokens.list[k].id) {
                continue;
            }
            let next_is_name = k + 1 < n && self.tokens.list[k + 1].is(CAP) && !self.tokens.list[k + 1].is(PUNCT);
            let owned = k + 1 < n && self.prep[k + 1] & crate::extract::language::prep::OF != 0;
            if next_is_name || owned || self.places.iter().any(|p| p.a <= k && k < p.b) {
                continue;
            }
            let (d, hint, of_region) = self.capital_adjectives(lang, k);
            let article =
                d > 0 && self.class[d - 1] & class::ARTICLE != 0 && self.class[d - 1] & class::INDEFINITE == 0;
            if !article {
                continue;
            }
            let target = if of_region { Target::Town } else { Target::Capital };
            self.places.push(PlaceMention { a: d - 1, b: k + 1, target, gov: 0, hint, topical: false, site: None });
        }
    }

    /// The words between an article and the capital noun at `k` ("de Libische hoofdstad", "the
    /// provincial capital"): where they start, the country of a demonym among them, and whether
    /// one says the capital is a region's.
    fn capital_adjectives(&self, lang: &Language, k: usize) -> (usize, Option<u16>, bool) {
        let (mut d, mut hint, mut of_region) = (k, None, false);
        while d > 0 && k - d < 2 {
            let j = d - 1;
            let t = &self.tokens.list[j];
            let region_word = lang.areas.region_capital.contains(&t.id);
            let plain = self.class[j] == 0 && self.prep[j] == 0 && !t.is(CAP | PUNCT | DIGITS) && !self.consumed[j];
            if self.class[j] & class::DEMONYM != 0 {
                hint = hint.or(self.country[j]);
            } else if !region_word && !plain {
                break;
            }
            of_region |= region_word;
            d -= 1;
        }
        (d, hint, of_region)
    }

    /// "beide plaatsen" / "both towns" (two mentions, one per town) and "de gelijknamige
    /// provincie" / "the province of the same name".
    fn kind_references(&mut self) {
        if self.present & (class::BOTH | class::SAME_NAME | class::REGION_NOUN) == 0 {
            return;
        }
        let n = self.tokens.len();
        let place_noun = class::TOWN_NOUN | class::GENERIC | class::INTRO;
        let mention = |a: usize, b: usize, target: Target| PlaceMention {
            a,
            b,
            target,
            gov: 0,
            hint: None,
            topical: false,
            site: None,
        };
        for k in 0..n {
            let c = self.class[k];
            let next = |j: usize| if j < n { self.class[j] } else { 0 };
            if c & class::BOTH != 0 && next(k + 1) & place_noun != 0 && !self.consumed[k + 1] {
                self.places.push(mention(k, k + 2, Target::Both(0)));
                self.places.push(mention(k, k + 2, Target::Both(1)));
            } else if c & class::SAME_NAME != 0 && next(k + 1) & class::REGION_NOUN != 0 {
                // "de gelijknamige provincie": the article before the adjective starts it.
                let a = if k > 0 && self.class[k - 1] & class::DET != 0 { k - 1 } else { k };
                self.places.push(mention(a, k + 2, Target::SameName));
            } else if c & class::REGION_NOUN != 0 && next(k + 1) & class::SAME_NAME != 0 {
                // "the province of the same name": the phrase runs to the end of the marker.
                let mut b = k + 1;
                while b < n && self.class[b] & class::SAME_NAME != 0 {
                    b += 1;
                }
                let a = if k > 0 && self.class[k - 1] & class::DET != 0 { k - 1 } else { k };
                self.places.push(mention(a, b, Target::SameName));
            }
        }
    }

    /// Descriptive region aliases written with other words in between.
    fn loose_regions(&mut self, lang: &Language) {
        let n = self.tokens.len();
        for i in 0..n {
            let id = self.tokens.list[i].id;
            if id == UNKNOWN {
                continue;
            }
            for &l in lang.loose_from(id) {
                let alias = &lang.loose[l];
                // A later word the sentence lacks can never be found.
                if !alias.words[1..].iter().all(|&w| self.has_word(w)) {
                    continue;
                }
                let mut at = i;
                let mut last = i;
                let matched = alias.words[1..].iter().all(|&w| {
                    let found = (at + 1..n.min(i + alias.span))
                        .find(|&k| self.tokens.list[k].id == w && self.clause[k] == self.clause[i]);
                    if let Some(k) = found {
                        at = k;
                        last = k;
                    }
                    found.is_some()
                });
                let known = || self.places.iter().any(|p| p.a <= i && last < p.b);
                if matched && !known() {
                    self.places.push(region_mention(lang, i, last + 1, alias.region));
                }
            }
        }
    }

    /// Fills in the governing preposition of every actor and place.
    fn govern(&mut self) {
        for index in 0..self.actors.len() {
            let (mut gov, at, attributive) = self.governor(self.actors[index].a, false);
            // "strijders van de SDF", "forces of the regime": the side itself, not a source, in
            // the role of the members noun ("in handen van strijders van het SNA": the taker).
            if gov & prep::OF != 0 && at.is_some_and(|k| k > 0 && self.class[k - 1] & class::MEMBERS != 0) {
                gov = at.map_or(0, |k| self.governor(k - 1, false).0);
                // "Rebellen van de MNDAA": the description before "van" is that side, not another.
                if let Some(k) = at
                    && index > 0
                    && self.actors[index - 1].b == k
                {
                    gov = self.actors[index - 1].gov;
                    self.actors[index - 1].attributive = true;
                    self.described.push((self.actors[index - 1].a, self.actors[index].a));
                }
            }
            // "rebellen geleid door HTS", "rebels led by HTS": HTS is the side, in the role of
            // the description before it, which only says what it is.
            if gov & prep::LEADER != 0 {
                gov = 0;
                if let Some(k) = at
                    && index > 0
                    && self.actors[index - 1].b <= k
                    && k - self.actors[index - 1].b <= 3
                {
                    gov = self.actors[index - 1].gov;
                    self.actors[index - 1].attributive = true;
                    self.described.push((self.actors[index - 1].a, self.actors[index].a));
                }
            }
            if gov == 0 && !attributive {
                gov = self.role_over_attributive_agent(index).unwrap_or(0);
            }
            self.actors[index].gov = gov;
            self.actors[index].attributive = attributive;
        }
        self.named_descriptions();
        for index in 0..self.places.len() {
            let (mut gov, at, _) = self.governor(self.places[index].a, true);
            // "houden stand in Kobani": a preposition that is part of the cue makes the place
            // the cue's own object.
            if at.is_some_and(|k| self.cues.iter().any(|c| c.parts().iter().any(|&(x, y)| x <= k && k < y))) {
                gov = 0;
            }
            let topical = gov & prep::LOCATIVE != 0
                && at.is_some_and(|k| {
                    k == 0 || self.clause[k - 1] != self.clause[k] || self.tokens.list[k - 1].is(PUNCT)
                });
            self.places[index].gov = gov;
            self.places[index].topical = topical;
        }
        self.coordinated_places();
    }

    /// "Aan de noordrand van de stad wordt gevochten", "still held positions on the western
    /// outskirts of the town": the edge (`[places] edge_nouns`) of a town named in the clause's
    /// own adverbial is a part of it ("van", "of"), like "in de noordelijke wijken van X"; after a town noun it only
    /// says where that town lies ("a town on the western edge of Donetsk", "een dorp aan de
    /// rand van X": a landmark, as before).
    fn edge_places(&mut self, lang: &Language) {
        for index in 0..self.places.len() {
            let p = &self.places[index];
            if p.gov & prep::REFERENCE == 0 || p.a == 0 {
                continue;
            }
            let Some(edge) = (p.a.saturating_sub(EDGE_WINDOW)..p.a)
                .rev()
                .take_while(|&k| !self.tokens.list[k].is(PUNCT))
                .find(|&k| lang.edge_nouns.has(&self.tokens, k))
            else {
                continue;
            };
            // Only the edge itself owns the place: edge, its preposition ("van"/"of", which a
            // phrase such as "aan de noordrand van" may have given another role), articles, the
            // place ("captured the outskirts and pushed towards Bakhmut" is no edge of Bakhmut).
            let owned =
                edge + 1 < p.a && self.prep[edge + 1] != 0 && (edge + 2..p.a).all(|k| self.class[k] & class::DET != 0);
            let locating = (edge.saturating_sub(EDGE_WINDOW)..edge).any(|k| self.class[k] & class::TOWN_NOUN != 0);
            if owned && !locating {
                self.places[index].gov = prep::OF;
                self.places[index].topical = false;
            }
        }
    }

    /// ", zegt een woordvoerder in Kramatorsk", ", a spokesman in Kramatorsk said", ", meldde het
    /// leger vanuit Kyiv": a place under a preposition in the sentence's last comma-bounded part,
    /// when that part attributes the sentence to a speaker and tells no event, is where the
    /// speaker is: a landmark, never the place of the main clause's claim.
    fn attribution_places(&mut self) {
        let n = self.tokens.len();
        let comma = |k: usize| self.tokens.list[k].is(PUNCT) && self.tokens.fold(k) == ",";
        let Some(start) = (0..n).rev().find(|&k| comma(k)) else { return };
        let spoken = self.modals.iter().any(|&(a, _, m)| m == Modality::Claimed && a > start);
        let event = self.cues.iter().any(|c| c.b > start);
        let complement = (start..n).any(|k| self.class[k] & class::SUBORDINATOR != 0);
        if !spoken || event || complement {
            return;
        }
        for p in self.places.iter_mut().filter(|p| p.a > start && p.gov != 0 && !p.is_anaphora()) {
            p.gov = prep::REFERENCE;
            p.topical = false;
        }
    }

    /// "naar Sennar en Gedaref": a place joined by "en" to the place before it, with no
    /// preposition of its own, shares that place's role (left to right, so lists chain).
    /// Whether an event cue starts at token `b` or right after one auxiliary there ("fell to",
    /// "was captured", "werd ingenomen").
    fn cue_next(&self, b: usize) -> bool {
        let aux = b < self.class.len() && self.class[b] & (class::BE | class::HAVE | class::PASSIVE) != 0;
        self.cues.iter().any(|c| c.a == b || (aux && c.a == b + 1))
    }

    /// A name opening the sentence is the subject of its clause's event: its verb follows at
    /// once or after an apposition between commas, and is an event cue or an auxiliary whose
    /// cue comes later in the clause ("Kidal werd in november door het leger heroverd",
    /// "Bulbul, in het noorden van de regio, werd in februari veroverd").
    fn subject_of_cue(&self, b: usize) -> bool {
        let n = self.tokens.len();
        let is_comma = |k: usize| self.tokens.list[k].is(PUNCT) && self.tokens.fold(k) == ",";
        let mut verb = b;
        if verb < n && is_comma(verb) {
            match (verb + 1..n.min(verb + MAX_APPOSITION)).find(|&k| is_comma(k)) {
                Some(close) => verb = close + 1,
                None => return false,
            }
        }
        if verb >= n {
            return false;
        }
        if self.cues.iter().any(|c| c.a == verb) {
            return true;
        }
        let aux = self.class[verb] & (class::BE | class::HAVE | class::PASSIVE) != 0;
        aux && self.cues.iter().any(|c| c.a > verb && self.clause[c.a] == self.clause[verb])
    }

    /// "M23 rebels", "Houthi-rebellen": a faction's name right before a description whose side
    /// depends on the country says which side the description stands for, so that "the rebels"
    /// later in the article are M23 too (branch xactor). The description only repeats the side.
    fn named_descriptions(&mut self) {
        for index in 1..self.actors.len() {
            let (name, description) = (&self.actors[index - 1], &self.actors[index]);
            let adjacent = name.b == description.a && self.clause[name.a] == self.clause[description.a];
            if adjacent
                && matches!(name.actor, ActorRef::Faction(_))
                && matches!(description.actor, ActorRef::ByCountry(_))
            {
                self.actors[index].attributive = true;
                self.described.push((self.actors[index].a, self.actors[index - 1].a));
            }
        }
    }

    fn coordinated_places(&mut self) {
        // Only a place without a role of its own right after "en" can change (and only itself):
        // with none, the ordering below is not needed.
        let coordinated = |p: &PlaceMention| p.gov == 0 && p.a >= 2 && self.class[p.a - 1] & class::COORD != 0;
        if !self.places.iter().any(coordinated) {
            return;
        }
        let mut order: Vec<usize> = (0..self.places.len()).collect();
        order.sort_by_key(|&i| self.places[i].a);
        for &i in &order {
            let a = self.places[i].a;
            if self.places[i].gov != 0 || a < 2 || self.class[a - 1] & class::COORD == 0 {
                continue;
            }
            if let Some(j) = self.places.iter().position(|q| q.b == a - 1) {
                self.places[i].gov = self.places[j].gov;
            }
        }
    }

    /// "tussen het door Turkije gesteunde SNA en de SDF", "by the Russian-backed ... ": a side
    /// right after an attributive agent and its participle has the role of the phrase that the
    /// agent's article starts (branch zfight).
    fn role_over_attributive_agent(&self, index: usize) -> Option<u16> {
        let before = self.actors.get(index.checked_sub(1)?)?;
        let gap = self.actors[index].a.checked_sub(before.b)?;
        if !before.attributive || gap > 2 {
            return None;
        }
        let (_, by, _) = self.governor(before.a, false);
        let (roles, _, _) = self.governor(by?, false);
        Some(roles).filter(|&r| r != 0)
    }

    /// The preposition governing a phrase that starts at token `a`, over articles, adjectives,
    /// intro nouns and numbers: its roles, its token, and whether it is an attributive agent.
    pub fn governor(&self, a: usize, place: bool) -> (u16, Option<usize>, bool) {
        let skippable = class::DET | class::SKIP | class::DEMONYM | if place { class::INTRO } else { 0 };
        let mut k = self.phrase_start(a, skippable);
        // "besieged the town of Djibo": the role is that of the intro noun's phrase.
        if place && k >= 2 && self.prep[k - 1] & prep::OF != 0 && self.class[k - 2] & class::INTRO != 0 {
            k = self.phrase_start(k - 1, skippable);
        }
        if k == 0 || self.prep[k - 1] == 0 {
            return (0, None, false);
        }
        let at = k - 1;
        let roles = self.prep[at];
        let attributive = roles & prep::AGENT != 0 && at > 0 && self.attributive_agent(at);
        (roles, Some(at), attributive)
    }
}

impl Analysis {
    /// The first token of the phrase ending before `a`, back over up to four `skippable` words.
    fn phrase_start(&self, a: usize, skippable: u32) -> usize {
        let mut k = a;
        while k > 0 && a - k < 4 {
            if self.class[k - 1] & skippable == 0 {
                break;
            }
            k -= 1;
        }
        k
    }

    /// "door"/"by" at `at` introduces an attributive agent: after an article, over adjectives
    /// ("de door de VS gesteunde", "de nog door Turkije gesteunde"), or after a participle such
    /// as "led" ("rebels led by HTS"); not after an adverb alone ("werden al door X heroverd").
    fn attributive_agent(&self, at: usize) -> bool {
        if self.class[at - 1] & class::ATTRIBUTIVE != 0 {
            return true;
        }
        let mut k = at;
        while k > 0 && at - k < 4 {
            let c = self.class[k - 1];
            if c & class::ARTICLE != 0 {
                return true;
            }
            if c & class::SKIP == 0 {
                return false;
            }
            k -= 1;
        }
        false
    }
}

fn region_mention(lang: &Language, a: usize, b: usize, region: u16) -> PlaceMention {
    let (id, country) = &lang.regions[region as usize];
    let key = PlaceKey { kind: PlaceKind::Region, id: id.as_str().into() };
    let target = Target::Place(towns::area(key, country.clone(), None));
    PlaceMention { a, b, target, gov: 0, hint: None, topical: false, site: None }
}
