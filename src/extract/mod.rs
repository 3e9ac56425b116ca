//! Extract: candidate control claims from news articles (Dutch first, English second), with the
//! sentence, the words and the byte span that support each claim; and the evaluation of such
//! claims against a gold ledger.
//!
//! # Steps
//! 1. [`stream`]: read an article line by line and number its sentences with the rules of
//!    [`crate::ingest::article`] (the numbers ledger sources cite).
//! 2. [`mentions`]: tokens ([`tokens`]), the lexicon's phrases ([`language`], compiled from
//!    `geodata/lang/*.toml` by [`lexicon`]), gapped phrases ([`trie`]), dates ([`dates`]), towns
//!    and regions ([`towns`]), clauses and governing prepositions.
//! 3. [`frames`]: event cues that state an event, with voice, modifiers and their places.
//! 4. [`roles`]: who holds, takes or loses each place; [`context`] remembers what the article
//!    said before.
//! 5. [`timing`]: the date of each claim, relative to the article's date.
//! 6. [`row`]: ledger rows with `confidence`, `evidence` and `cues`.
//!
//! [`eval`] compares extracted claims with a gold ledger; [`bench`] measures the speed.

pub mod apposition;
pub mod areas;
pub mod attach;
pub mod bench;
pub mod context;
pub mod date_spans;
pub mod dateline;
pub mod dates;
mod debug;
pub mod eval;
pub mod except;
pub mod extent;
pub mod frames;
pub use crate::fxhash;
pub mod language;
pub mod lexicon;
pub mod mentions;
pub mod parts;
pub mod refer;
pub mod roles;
pub mod row;
pub mod seat;
pub mod share;
pub mod siege;
pub mod stream;
pub mod timing;
pub mod tokens;
pub mod towns;
pub mod trie;

#[cfg(test)]
mod areas_tests;
#[cfg(test)]
mod date_tests;
#[cfg(test)]
mod dev_class_tests;
#[cfg(test)]
mod extent_fight_tests;
#[cfg(test)]
mod extent_tests;
#[cfg(test)]
mod fight_tests;
#[cfg(test)]
mod grammar_tests;
#[cfg(test)]
mod holds_tests;
#[cfg(test)]
mod siege_tests;
#[cfg(test)]
mod surrender_tests;
#[cfg(test)]
mod tests;

use std::collections::{HashMap, VecDeque};
use std::io::Read;

use crate::app::DataFile;
use crate::date::{DateSpan, Precision};
use crate::extract::context::{Context, PlaceRef};
use crate::extract::language::Language;
use crate::extract::lexicon::LexiconError;
use crate::extract::mentions::{Analysis, Target};
use crate::extract::roles::{Draft, Sentence};
use crate::extract::stream::{Input, ReadError, Reading};
use crate::extract::timing::Dating;
use crate::extract::towns::TownIndex;
use crate::model::{Event, Modality, PlaceKey, PlaceKind, SourceKind, SourceRef};
use crate::places::{Factions, Gazetteer, Hint, Resolution};

/// Which lexicon reads an article.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum LangChoice {
    /// The language whose stopwords are most frequent in the article's first 4 KB.
    #[default]
    Auto,
    /// A language code (`nl`, `en`).
    Code(String),
}

/// How articles are read.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The date of articles without a date marker.
    pub date: Option<DateSpan>,
    /// `date` is the article's own (an archive record's `date` field), not a run-wide `--date`:
    /// its claims are not flagged `undated article`.
    pub date_is_the_articles: bool,
    pub lang: LangChoice,
    /// Claims below this confidence are not written.
    pub min_confidence: f64,
    /// Print each sentence's mentions and frames to standard error (for lexicon work).
    pub debug: bool,
}

/// A candidate claim, as the `extract` command writes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub date: DateSpan,
    pub place: PlaceKey,
    /// What the place column says: the display name when it resolves back to `place`.
    pub place_text: String,
    pub holder: String,
    pub event: Event,
    pub other: Option<String>,
    pub modality: Modality,
    pub source: SourceRef,
    pub note: String,
    pub confidence: f64,
    /// Byte span in the article text.
    pub evidence: (usize, usize),
    /// The words that triggered the claim.
    pub cues: Vec<String>,
}

/// What extracting one article found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleReport {
    pub name: String,
    pub language: String,
    pub reading: Reading,
    /// The date used: the marker's, else its dateline's, else `--date` for an undated article.
    pub date: Option<DateSpan>,
    /// The sentence whose dateline gave the date (an article without a date marker).
    pub dateline: Option<u32>,
    pub claims: usize,
    /// Claims left out, with the reason (no honest date, below the confidence threshold).
    pub skipped: Vec<String>,
}

/// The extractor: compiled lexicons and the gazetteer, with caches reused across articles.
pub struct Extractor<'w> {
    gazetteer: &'w Gazetteer,
    languages: Vec<Language>,
    towns: TownIndex,
    analysis: Analysis,
    display: HashMap<PlaceKey, String>,
    /// Exonym rows left out (their place does not resolve in this geodata).
    exonym_warnings: Vec<String>,
    /// The stopwords of every language, for guessing an article's language.
    stopwords: Stopwords,
    /// The dated spans of a sentence (a buffer reused from sentence to sentence).
    date_spans: Vec<DateSpan>,
    /// The factions' `stands_for` entries: (faction, country, the side it is recorded as).
    stand_ins: Vec<(String, String, String)>,
}

/// The stopwords of every language in one vocabulary: an article's head is tokenized once
/// against it, and each stopword counts for the languages that list it.
#[derive(Default)]
struct Stopwords {
    vocab: tokens::Vocab,
    /// By stopword id: the indexes of the languages whose stopword it is.
    languages: Vec<Vec<usize>>,
    /// The head's tokens, reused from article to article.
    tokens: tokens::Tokens,
}

impl Stopwords {
    fn of(languages: &[Language]) -> Stopwords {
        let mut stopwords = Stopwords::default();
        for (index, language) in languages.iter().enumerate() {
            let mut words: Vec<(String, u32)> = language.vocab.words().collect();
            // Sorted, so the ids do not depend on the order of a hash table.
            words.sort();
            for (word, id) in words {
                if language.class(id) & language::class::STOP == 0 {
                    continue;
                }
                let id = stopwords.vocab.intern(&word) as usize;
                if stopwords.languages.len() <= id {
                    stopwords.languages.resize(id + 1, Vec::new());
                }
                stopwords.languages[id].push(index);
            }
        }
        stopwords
    }

    /// How many stopwords of each of `count` languages `text` holds.
    fn scores(&mut self, text: &str, count: usize) -> Vec<usize> {
        self.tokens.tokenize(text, 0, &self.vocab);
        let mut scores = vec![0; count];
        for token in self.tokens.list.iter().filter(|t| t.id != tokens::UNKNOWN) {
            for &language in &self.languages[token.id as usize] {
                scores[language] += 1;
            }
        }
        scores
    }
}

impl<'w> Extractor<'w> {
    /// Compiles every lexicon file against the gazetteer and factions; `*.tsv` files among them
    /// are country names (`countries.tsv`, see [`TownIndex::add_countries`]) or exonym lists
    /// (`exonym<TAB>place`, see [`TownIndex::add_exonyms`]).
    pub fn new(
        gazetteer: &'w Gazetteer,
        factions: &Factions,
        lexicons: &[DataFile],
    ) -> Result<Extractor<'w>, LexiconError> {
        let mut towns = TownIndex::new(gazetteer);
        let mut exonym_warnings = Vec::new();
        for file in lexicons.iter().filter(|f| f.name.ends_with("countries.tsv")) {
            towns.add_countries(&file.text);
        }
        for file in lexicons.iter().filter(|f| f.name.ends_with(".tsv") && !f.name.ends_with("countries.tsv")) {
            let problems = towns.add_exonyms(gazetteer, &file.name, &file.text);
            exonym_warnings.extend(problems.iter().map(|p| format!("{p}; the exonym is not used")));
        }
        let mut languages: Vec<Language> = Vec::new();
        for file in lexicons.iter().filter(|f| !f.name.ends_with(".tsv")) {
            let language = Language::compile(&file.name, &file.text, factions, gazetteer, &towns.town_keys)?;
            if languages.iter().any(|l| l.code == language.code) {
                return Err(LexiconError::Duplicate { file: file.name.clone(), code: language.code });
            }
            languages.push(language);
        }
        Ok(Extractor {
            gazetteer,
            stopwords: Stopwords::of(&languages),
            languages,
            towns,
            analysis: Analysis::default(),
            display: HashMap::new(),
            exonym_warnings,
            date_spans: Vec::new(),
            stand_ins: stand_ins(factions),
        })
    }

    /// Lexicon phrases and exonyms left out because the geodata lacks what they name.
    pub fn warnings(&self) -> Vec<&str> {
        let phrases = self.languages.iter().flat_map(|l| l.warnings.iter().map(String::as_str));
        phrases.chain(self.exonym_warnings.iter().map(String::as_str)).collect()
    }

    /// The codes of the compiled languages.
    pub fn languages(&self) -> Vec<&str> {
        self.languages.iter().map(|l| l.code.as_str()).collect()
    }

    /// Extracts the claims of one article, calling `sink` for each in order.
    pub fn article(
        &mut self,
        input: &Input,
        reader: &mut dyn Read,
        options: &Options,
        sink: &mut dyn FnMut(&Candidate) -> std::io::Result<()>,
    ) -> Result<ArticleReport, ReadError> {
        let name = input.name();
        let head = stream::head(&input.shown(), reader)?;
        let lang = self.pick_language(&options.lang, &head.bytes);
        let run = std::cell::RefCell::new(Run {
            ex: self,
            lang,
            name: name.clone(),
            ctx: Context::default(),
            queue: VecDeque::new(),
            report: ArticleReport::default(),
            options,
            sink,
            error: None,
        });
        let reading = stream::sentences(
            &input.shown(),
            head,
            reader,
            &mut |date| run.borrow_mut().start(date),
            &mut |number, text, base| run.borrow_mut().sentence(number, text, base),
        )?;
        let mut run = run.into_inner();
        run.finish();
        let error = run.error.take();
        let mut report = std::mem::take(&mut run.report);
        drop(run);
        if let Some(e) = error {
            return Err(ReadError::Write(e.to_string()));
        }
        report.name = name;
        report.language = self.languages[lang].code.clone();
        report.reading = reading;
        Ok(report)
    }

    fn pick_language(&mut self, choice: &LangChoice, head: &[u8]) -> usize {
        if let LangChoice::Code(code) = choice {
            return self.languages.iter().position(|l| &l.code == code).unwrap_or(0);
        }
        let text = String::from_utf8_lossy(head);
        // Tokenized once against the stopwords of every language.
        let scores = self.stopwords.scores(&text, self.languages.len());
        (0..scores.len()).max_by_key(|&i| (scores[i], std::cmp::Reverse(i))).unwrap_or(0)
    }

    /// The place column for a key: the display name when it resolves back to the same place,
    /// else the id (or `region:ID`).
    fn place_text(&mut self, key: &PlaceKey) -> String {
        if let Some(text) = self.display.get(key) {
            return text.clone();
        }
        let name = self.gazetteer.display_name(key);
        let back =
            matches!(self.gazetteer.resolve(&name, &Hint::default()), Resolution::Found { key: k, .. } if &k == key);
        let text = match (back, key.kind) {
            (true, PlaceKind::Town) => name,
            (_, PlaceKind::Region) => format!("region:{}", key.id),
            (_, PlaceKind::Country) => key.to_string(),
            (false, PlaceKind::Town) => key.id.to_string(),
        };
        self.display.insert(key.clone(), text.clone());
        text
    }
}

/// A claim waiting for its date (retrospective articles) or for earlier claims.
struct Queued {
    draft: Draft,
    sentence: u32,
    evidence: (usize, usize),
    cues: Vec<String>,
}

/// Extracting one article.
struct Run<'r, 'w> {
    ex: &'r mut Extractor<'w>,
    lang: usize,
    name: String,
    ctx: Context,
    queue: VecDeque<Queued>,
    report: ArticleReport,
    options: &'r Options,
    sink: &'r mut dyn FnMut(&Candidate) -> std::io::Result<()>,
    error: Option<std::io::Error>,
}

/// Sentences longer than this are analysed in pieces (see [`Run::sentence`]).
const MAX_ANALYSED_BYTES: usize = 2000;

/// Where the piece of `text` starting at `start` ends: after the last clause mark (`,` `;` `:`)
/// or space within [`MAX_ANALYSED_BYTES`], or at a character boundary at that length.
fn piece_end(text: &str, start: usize) -> usize {
    if text.len() - start <= MAX_ANALYSED_BYTES {
        return text.len();
    }
    let mut limit = start + MAX_ANALYSED_BYTES;
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let window = &text[start..limit];
    let cut = window.rfind([',', ';', ':']).or_else(|| window.rfind(' ')).map(|at| start + at + 1);
    cut.filter(|&c| c > start).unwrap_or(limit)
}

impl Run<'_, '_> {
    /// The article's date is known: from its marker, else from `--date`.
    fn start(&mut self, marker: Option<&DateSpan>) {
        self.ctx = Context::new(marker.cloned().or_else(|| self.options.date.clone()));
        self.ex.towns.start_article();
        self.ctx.undated = marker.is_none() && !self.options.date_is_the_articles;
        self.report.date = self.ctx.anchor.clone();
    }

    /// Analyses one sentence. A sentence longer than [`MAX_ANALYSED_BYTES`] (a run-on line, not
    /// news prose) is analysed in pieces cut at clause marks, so the time per sentence stays bounded.
    fn sentence(&mut self, number: u32, text: &str, base: usize) {
        if self.error.is_some() {
            return; // the output failed: stop working on this article
        }
        if text.len() <= MAX_ANALYSED_BYTES {
            return self.analyse(number, text, base);
        }
        let mut start = 0;
        while start < text.len() {
            let end = piece_end(text, start);
            self.analyse(number, &text[start..end], base + start);
            start = end;
        }
    }

    fn analyse(&mut self, number: u32, text: &str, base: usize) {
        self.ctx.sentence = number;
        let ex = &mut *self.ex;
        let lang = &ex.languages[self.lang];
        ex.analysis.run(lang, &mut ex.towns, ex.gazetteer, text, base);
        let an = &ex.analysis;
        // Only before the first claim of an article without a marker (checked first: cheap).
        let may_be_dateline =
            self.ctx.undated && number <= dateline::FIRST_SENTENCES && self.report.claims == 0 && self.queue.is_empty();
        if let Some(span) = may_be_dateline.then(|| dateline::date(an)).flatten() {
            // The article's own date, as a marker would give it: it wins over `--date`.
            self.ctx.anchor = Some(span.clone());
            self.ctx.undated = false;
            self.report.date = Some(span);
            self.report.dateline = Some(number);
        }
        let frame_list = frames::frames(an, lang, self.ctx.retrospective(), text, base);
        if self.options.debug {
            eprintln!(
                "{}",
                crate::text::printable(&format!(
                    "#{number} {text}\n  {}",
                    debug::describe(an, lang, &frame_list).replace('\n', "\n  ")
                ))
            );
        }
        let mut drafts = if frame_list.is_empty() && !areas::names_a_holder(an, lang) {
            Vec::new()
        } else {
            Sentence { an, lang, frames: &frame_list, gazetteer: ex.gazetteer, text, base, debug: self.options.debug }
                .drafts(&mut self.ctx)
        };
        keep_one_claim_per_sentence(&mut drafts);
        if self.options.debug {
            for d in &drafts {
                eprintln!("  draft {} {} {} confidence {:.2}", d.place.key.id, d.holder, d.event, d.confidence);
            }
        }
        let mut referred: Vec<&PlaceRef> = Vec::new();
        for draft in drafts.iter().filter(|d| d.place.key.kind == PlaceKind::Town) {
            if draft.notes.iter().any(|n| n.starts_with('\'')) && !referred.iter().any(|r| r.key == draft.place.key) {
                referred.push(&draft.place);
            }
        }
        for town in referred {
            self.ctx.note_town(&town.key, &town.written, &town.country);
            self.ctx.mention_town(&town.key);
        }
        for draft in &mut drafts {
            stand_in_sides(draft, an, lang, &ex.stand_ins);
        }
        // Queued at once: the sentence's own claims are not among those its dates close.
        for draft in drafts {
            let tokens = &an.tokens.list;
            let evidence = (tokens[draft.span.0].start, tokens[draft.span.1 - 1].end);
            let cues = draft
                .cues
                .iter()
                .map(|&(a, b)| text[tokens[a].start - base..tokens[b - 1].end - base].to_string())
                .collect();
            self.queue.push_back(Queued { draft, sentence: number, evidence, cues });
        }
        let name = &self.name;
        self.report.skipped.extend(self.ctx.skipped.drain(..).map(|(n, why)| format!("{name}#{n}: {why}")));
        self.learn(text, base);
        self.landmarks(number);
        self.flush(false);
    }

    /// Remembers the last actor and place of the sentence for the next ones.
    fn learn(&mut self, text: &str, base: usize) {
        let an = &self.ex.analysis;
        let lang = &self.ex.languages[self.lang];
        let faction_at = |a: usize| {
            an.actors.iter().find(|m| m.a == a).and_then(|m| match m.actor {
                language::ActorRef::Faction(f) => Some(lang.factions[f as usize].as_str()),
                _ => None,
            })
        };
        // A description that depends on the country ("rebels" led by HTS) is keyed by its table.
        let description_at = |a: usize| {
            faction_at(a).map(str::to_string).or_else(|| {
                an.actors.iter().find(|m| m.a == a).and_then(|m| match m.actor {
                    language::ActorRef::ByCountry(t) => Some(context::by_country_key(t)),
                    _ => None,
                })
            })
        };
        for &(description, side) in &an.described {
            if let (Some(description), Some(side)) = (description_at(description), faction_at(side)) {
                self.ctx.describe(&description, side);
            }
        }
        // Each named faction counts for its side; the last one is the article's last actor (the
        // side an unnamed taker or loser is guessed from). A pronoun in the next sentence ("zij",
        // "they") refers to the sentence's first faction with no preposition before it, its
        // subject as a rule ("Het leger heroverde X op de RSF. Zij ..." is the army; branch
        // xactor).
        let mut last_actor = None;
        for m in &an.actors {
            if let language::ActorRef::Faction(f) = m.actor {
                let faction = lang.factions[f as usize].as_str();
                self.ctx.count_side_of(faction);
                last_actor = Some(faction);
            }
        }
        if let Some(faction) = last_actor {
            self.ctx.set_side_of(faction);
        }
        // Borrowed parts: the context copies them into the buffers of the place it held before.
        // A landmark or destination ("on the road to X") is what "daar", "there" refer to only
        // when the sentence names no other place (branch xsurr).
        let named = |p: &&mentions::PlaceMention| matches!(p.target, Target::Place(_));
        let landmark = |p: &&mentions::PlaceMention| p.gov & language::prep::REFERENCE != 0;
        let last =
            an.places.iter().rev().filter(named).find(|p| !landmark(p)).or_else(|| an.places.iter().rev().find(named));
        let last_place = last.and_then(|p| match &p.target {
            Target::Place(found) => {
                let written = &text[an.tokens.list[p.a].start - base..an.tokens.list[p.b - 1].end - base];
                Some((&found.key, written, found.country.as_str()))
            }
            _ => None,
        });
        for p in &an.places {
            if let Target::Place(found) = &p.target
                && found.key.kind == PlaceKind::Town
            {
                let written = &text[an.tokens.list[p.a].start - base..an.tokens.list[p.b - 1].end - base];
                self.ctx.note_town(&found.key, written, &found.country);
                if an.small_town_intro(lang, p.a) {
                    self.ctx.note_small_town(&found.key);
                }
                if p.gov & language::prep::REFERENCE == 0 {
                    self.ctx.mention_town(&found.key);
                }
            }
        }
        if let Some(key) = heading_town(an) {
            self.ctx.set_topic(&key);
        }
        let refers_back = an.places.iter().any(|p| p.is_anaphora());
        match last_place {
            Some((key, written, country)) => self.ctx.set_place(key, written, country),
            None if refers_back => self.ctx.refresh_place(),
            None => {}
        }
        let subject = self.sentence_subject();
        self.ctx.set_subject_of(subject.as_deref());
    }

    /// The side of the sentence's subject, for "zij", "they" in the next ones: its first side
    /// with no preposition before it and not part of a description, a generic noun ("het
    /// leger") resolved by the country of the sentence's places; not a source ("the army said",
    /// "volgens Jerevan") (branch xactor).
    fn sentence_subject(&self) -> Option<String> {
        let an = &self.ex.analysis;
        let lang = &self.ex.languages[self.lang];
        let source = |m: &&mentions::ActorMention| {
            an.modals.iter().any(|&(a, b, modality)| modality == Modality::Claimed && (a == m.b || b == m.a))
        };
        let faction = |m: &mentions::ActorMention| match m.actor {
            language::ActorRef::Faction(f) => Some(lang.factions[f as usize].clone()),
            _ => None,
        };
        // Else the last side named that is not a source ("Kreminna fell to the Russian army,
        // Ukraine said": the Russian army).
        let last_named = || an.actors.iter().rev().filter(|m| !source(m)).find_map(faction);
        let candidates = an.actors.iter().filter(|m| m.gov == 0 && !m.attributive);
        let subject = candidates.filter(|m| !source(m)).find_map(|m| match m.actor {
            language::ActorRef::Faction(_) => faction(m),
            language::ActorRef::ByCountry(t) => {
                let described = self.ctx.described_side(&context::by_country_key(t));
                let by_country = || self.ctx.country().and_then(|c| lang.by_country[t as usize].get(c));
                described.map(str::to_string).or_else(|| by_country().cloned())
            }
            language::ActorRef::Pronoun => None,
        });
        subject.or_else(last_named)
    }

    /// The sentence's dates become landmarks; pending claims of earlier sentences close.
    fn landmarks(&mut self, number: u32) {
        if let Some(year) = self.ex.analysis.dates.iter().rev().find_map(|d| d.values.year) {
            self.ctx.set_named_year(year);
        }
        if self.ex.analysis.dates.is_empty() {
            return;
        }
        // A buffer reused from sentence to sentence.
        let mut spans = std::mem::take(&mut self.ex.date_spans);
        spans.clear();
        spans.extend(
            self.ex
                .analysis
                .dates
                .iter()
                .filter_map(|d| dates::resolve(d, self.ctx.anchor.as_ref()).ok())
                .map(|r| r.span)
                .filter(|s| s.precision != Precision::Range || s.days() < 400),
        );
        self.landmark_spans(number, &spans);
        self.ex.date_spans = spans;
    }

    /// The dated spans of sentence `number` close its earlier pending claims and become landmarks.
    fn landmark_spans(&mut self, number: u32, spans: &[DateSpan]) {
        let Some(first) = spans.first().cloned() else {
            return;
        };
        for q in self.queue.iter_mut().filter(|q| q.sentence < number) {
            if let Dating::Pending { start } = q.draft.dating {
                let (span, note) = timing::close(start, first.end);
                q.draft.dating = Dating::Settled { span, note: Some(note) };
            }
        }
        for span in spans {
            self.ctx.landmark(span);
        }
    }

    /// Writes the queued claims whose dates are settled, in order.
    fn flush(&mut self, at_end: bool) {
        while let Some(front) = self.queue.front() {
            if matches!(front.draft.dating, Dating::Pending { .. }) && !at_end {
                return;
            }
            let q = self.queue.pop_front().expect("a front element");
            self.emit(q);
        }
    }

    fn finish(&mut self) {
        let end = self.ctx.anchor.as_ref().map(|a| a.end);
        for q in self.queue.iter_mut() {
            if let (Dating::Pending { start }, Some(end)) = (&q.draft.dating, end) {
                let (span, note) = timing::close(*start, end);
                q.draft.dating = Dating::Settled { span, note: Some(note) };
            }
        }
        self.flush(true);
    }

    fn emit(&mut self, q: Queued) {
        let source = SourceRef { article: self.name.clone(), sentence: Some(q.sentence), kind: SourceKind::Article };
        let (date, date_note) = match q.draft.dating {
            Dating::Settled { span, note } => (span, note),
            Dating::Pending { .. } | Dating::Unresolved(_) => {
                let why = match &q.draft.dating {
                    Dating::Unresolved(why) => why.clone(),
                    _ => "no date".into(),
                };
                if self.options.debug {
                    eprintln!(
                        "skip #{} {} {} {}: {why}",
                        q.sentence, q.draft.place.key.id, q.draft.holder, q.draft.event
                    );
                }
                self.report
                    .skipped
                    .push(format!("{source}: {} {} {}: {why}", q.draft.place.written, q.draft.holder, q.draft.event));
                return;
            }
        };
        if q.draft.confidence < self.options.min_confidence {
            if self.options.debug {
                eprintln!(
                    "skip #{} {} {} {}: confidence {:.2}",
                    q.sentence, q.draft.place.key.id, q.draft.holder, q.draft.event, q.draft.confidence
                );
            }
            self.report.skipped.push(format!(
                "{source}: {} {} {}: confidence {:.2}",
                q.draft.place.written, q.draft.holder, q.draft.event, q.draft.confidence
            ));
            return;
        }
        let mut notes = q.draft.notes;
        notes.extend(date_note);
        let candidate = Candidate {
            date,
            place_text: self.ex.place_text(&q.draft.place.key),
            place: q.draft.place.key,
            holder: q.draft.holder,
            event: q.draft.event,
            other: q.draft.other,
            modality: q.draft.modality,
            source,
            note: notes.join("; "),
            confidence: q.draft.confidence,
            evidence: q.evidence,
            cues: q.cues,
        };
        self.report.claims += 1;
        if self.error.is_none()
            && let Err(e) = (self.sink)(&candidate)
        {
            self.error = Some(e);
        }
    }
}

/// Records a draft's holder and other side as the side they stand for in the place's country
/// (`stands_for` in factions.toml: Armenian forces in Azerbaijan are Artsakh's), with a note;
/// not a side the sentence names as the state: by its country's name ("moet Armenië ...
/// afstaan") or with a state noun last ("het Armeense leger", `[actors] state_nouns`).
fn stand_in_sides(draft: &mut Draft, an: &Analysis, lang: &Language, stand_ins: &[(String, String, String)]) {
    let country = draft.place.country.as_str();
    let named_as_state = |side: &str| {
        an.actors.iter().any(|m| {
            // Not a country named as a landmark or destination ("de weg naar Armenië").
            let where_to = language::prep::REFERENCE | language::prep::LOCATIVE | language::prep::SPEAKER;
            matches!(m.actor, language::ActorRef::Faction(f) if lang.factions[f as usize] == side)
                && m.gov & where_to == 0
                && ((m.a..m.b).any(|k| an.class[k] & language::class::COUNTRY != 0)
                    || m.b.checked_sub(1).is_some_and(|last| lang.state_nouns.has(&an.tokens, last)))
        })
    };
    let mut stand_in = |side: &mut String| {
        let found = stand_ins.iter().find(|(f, c, _)| f == side && c.eq_ignore_ascii_case(country));
        if let Some((_, _, other)) = found.filter(|_| !named_as_state(side)) {
            draft.notes.push(format!("{side} in {country} stands for {other}"));
            *side = other.clone();
        }
    };
    stand_in(&mut draft.holder);
    if let Some(other) = draft.other.as_mut() {
        stand_in(other);
    }
    // "Armenian forces captured Kalbajar from Artsakh": no side takes a place from itself.
    if draft.other.as_ref() == Some(&draft.holder) {
        draft.other = None;
    }
}

/// The `stands_for` entries of every faction, as (faction, country, side).
fn stand_ins(factions: &Factions) -> Vec<(String, String, String)> {
    factions.stand_ins().map(|(f, c, side)| (f.to_string(), c.to_string(), side.to_string())).collect()
}

/// One row per sentence, place, holder and event (tests/gold/README.md): two cues of one
/// sentence that say the same ("heeft het westen van X bereikt en is opgerukt tot in het
/// centrum van de stad") give the first draft only.
fn keep_one_claim_per_sentence(drafts: &mut Vec<roles::Draft>) {
    let mut seen: Vec<(PlaceKey, String, crate::model::Event)> = Vec::new();
    drafts.retain(|d| {
        let key = (d.place.key.clone(), d.holder.clone(), d.event);
        let new = !seen.contains(&key);
        if new {
            seen.push(key);
        }
        new
    });
}

/// The town a heading names when the sentence is that name alone ("Raqqa"), with at most
/// punctuation around it: it opens a passage about that town.
fn heading_town(an: &Analysis) -> Option<PlaceKey> {
    let [place] = an.places.as_slice() else { return None };
    let Target::Place(found) = &place.target else { return None };
    let punct = |k: usize| an.tokens.list[k].is(tokens::PUNCT);
    let alone = (0..an.len()).all(|k| (place.a..place.b).contains(&k) || punct(k));
    (found.key.kind == PlaceKind::Town && alone).then(|| found.key.clone())
}

#[cfg(test)]
mod piece_tests {
    use super::*;

    #[test]
    fn long_sentences_are_cut_into_bounded_pieces_at_clause_marks_and_character_boundaries() {
        let text = "Raqqa viel, ".repeat(400);
        let mut start = 0;
        while start < text.len() {
            let end = piece_end(&text, start);
            assert!(end > start && end - start <= MAX_ANALYSED_BYTES && text.is_char_boundary(end));
            assert!(end == text.len() || text[..end].ends_with(','));
            start = end;
        }
        let wide = "ä".repeat(3000);
        let end = piece_end(&wide, 0);
        assert!(wide.is_char_boundary(end) && end <= MAX_ANALYSED_BYTES);
    }
}
