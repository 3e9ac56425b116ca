//! A lexicon compiled against the world: one vocabulary, word classes per word, a trie of
//! phrases (factions, regions, cues, modality, ...), gapped phrases and the date grammar.

use std::collections::{BTreeMap, HashSet};

use crate::extract::fxhash::{FxMap, FxSet};

use crate::extract::dates::DateGrammar;
use crate::extract::lexicon::{self, Frame, LexiconError, LexiconFile, NextActor, Outcome, phrase_line};
use crate::extract::tokens::{UNKNOWN, Vocab, WordSet, fold_phrase};
use crate::extract::trie::{Entry, Gapped, Trie};
use crate::model::Modality;
use crate::places::fold::place_key;
use crate::places::{Factions, Gazetteer};

/// Word classes (bit flags) from `[grammar]`, `[places]` and the stopwords.
pub mod class {
    /// A frequent function word: never a place name on its own.
    pub const STOP: u32 = 1;
    /// An article or demonstrative, skipped between a preposition and its noun.
    pub const DET: u32 = 1 << 1;
    /// An adjective or quantifier, skipped likewise.
    pub const SKIP: u32 = 1 << 2;
    /// Starts a new clause after a comma.
    pub const BREAK: u32 = 1 << 3;
    /// "en", "of": a date after it belongs to what follows.
    pub const COORD: u32 = 1 << 4;
    /// A form of "zijn"/"worden": with a participle cue and no `HAVE`, the clause is passive.
    pub const BE: u32 = 1 << 5;
    /// A form of "hebben": the clause is active (perfect tense).
    pub const HAVE: u32 = 1 << 6;
    /// Always makes a participle cue passive ("werd").
    pub const PASSIVE: u32 = 1 << 7;
    /// A present-tense passive auxiliary: a capture under way.
    pub const ONGOING: u32 = 1 << 8;
    /// The infinitive marker ("te").
    pub const INFINITIVE: u32 = 1 << 9;
    /// A word of intention: an infinitive cue after it states an aim.
    pub const INTENTION: u32 = 1 << 10;
    /// A negation.
    pub const NEGATION: u32 = 1 << 11;
    /// A noun that introduces a place name ("stad").
    pub const INTRO: u32 = 1 << 12;
    /// A noun that refers back to the last place ("de stad").
    pub const GENERIC: u32 = 1 << 13;
    /// An adverb that refers back to the last place ("daar").
    pub const HERE: u32 = 1 << 14;
    /// A connective: after the previous dated event ("daarna").
    pub const AFTER: u32 = 1 << 15;
    /// A connective: before the previous dated event ("daarvoor").
    pub const BEFORE: u32 = 1 << 16;
    /// A country name: a country hint, never a place.
    pub const COUNTRY: u32 = 1 << 17;
    /// A country adjective ("Syrische"): a country hint, evidence for a place after it.
    pub const DEMONYM: u32 = 1 << 18;
    /// An article: an agent after it is attributive ("de door X gesteunde").
    pub const ARTICLE: u32 = 1 << 19;
    /// An indefinite article: its noun never refers back.
    pub const INDEFINITE: u32 = 1 << 20;
    /// Always starts a new clause ("dat").
    pub const SUBORDINATOR: u32 = 1 << 21;
    /// A relative word ("dat", "die", "which"): after a comma it opens an aside.
    pub const RELATIVE: u32 = 1 << 23;
    /// A word that puts a possession in the past ("voormalige", "former").
    pub const PAST: u32 = 1 << 24;
    /// A noun for members of a side ("strijders", "troepen"): "strijders van de SDF" is the SDF.
    pub const MEMBERS: u32 = 1 << 25;
    /// A participle after which "door"/"by" is attributive ("led by", "gesteund door").
    pub const ATTRIBUTIVE: u32 = 1 << 26;
    /// A title before a personal name ("premier", "generaal"): the name is not a place.
    pub const TITLE: u32 = 1 << 22;
    /// A site noun: "vliegveld van X", "the airbase near X" is about the town X.
    pub const SITE: u32 = 1 << 27;
    /// A noun for a town ("stad", "dorp", "city"): "de stad" refers back to a town, not a region.
    pub const TOWN_NOUN: u32 = 1 << 28;
    /// A noun for a province ("provincie", "governorate"), for "de gelijknamige provincie".
    pub const REGION_NOUN: u32 = 1 << 29;
    /// "beide", "both": "beide plaatsen" refers to the last two towns.
    pub const BOTH: u32 = 1 << 30;
    /// "gelijknamige", "of the same name".
    pub const SAME_NAME: u32 = 1 << 31;
}

/// Preposition roles (bit flags) from `[prepositions]`.
pub mod prep {
    /// The doer of a passive ("door").
    pub const AGENT: u16 = 1;
    /// The side a place is taken from ("op").
    pub const SOURCE: u16 = 1 << 1;
    /// The place someone is driven out of ("uit").
    pub const OUT: u16 = 1 << 2;
    /// The side a place falls to ("aan").
    pub const RECIPIENT: u16 = 1 << 3;
    /// The side or place attacked ("tegen", "om").
    pub const TARGET: u16 = 1 << 4;
    /// Possession ("van").
    pub const OF: u16 = 1 << 5;
    /// The side an event is a blow for ("voor").
    pub const FOR: u16 = 1 << 6;
    /// Where ("in").
    pub const LOCATIVE: u16 = 1 << 7;
    /// A landmark or destination: no claim about it ("rond", "naar").
    pub const REFERENCE: u16 = 1 << 8;
    /// The two sides of a fight ("tussen het leger en de RSF"): neither is named the holder.
    pub const BETWEEN: u16 = 1 << 9;
    /// "led by", "geleid door": the leader names the side ("rebels led by HTS" are HTS).
    pub const LEADER: u16 = 1 << 10;
    /// "rond", "around": a landmark for most events, but the place a fight is about ("er wordt
    /// gevochten rond Shusha", "fighting around Hit": contested, tests/devset README, Events).
    pub const AROUND: u16 = 1 << 11;
    /// "volgens", "according to": the side after it tells of the event; it is no doer
    /// ("Volgens de SDF heeft IS zich uit X teruggetrokken" is IS's loss).
    pub const SPEAKER: u16 = 1 << 12;
}

/// The word starts a gapped phrase.
pub const START_GAPPED: u8 = 1;
/// The word starts a loose region alias.
pub const START_LOOSE: u8 = 2;

/// Who an actor phrase names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorRef {
    /// A faction, by its index in [`Language::factions`].
    Faction(u16),
    /// A faction that depends on the country ("de Koerden"), by index in [`Language::by_country`].
    ByCountry(u16),
    /// "zij", "ze": the last actor.
    Pronoun,
}

/// How a cue was written: as a verb, a past participle or a noun (the place follows it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Verb,
    Participle,
    Noun,
}

/// What a phrase in the trie means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Payload {
    /// An actor; `placeish` when the phrase is also a town (an alias such as "Bagdad").
    Actor {
        actor: ActorRef,
        placeish: bool,
    },
    Region(u16),
    Cue {
        event: u16,
        form: Form,
    },
    Modality(Modality),
    Partial,
    Remnant,
    NoLonger,
    NotNegated,
    Class(u32),
    Prep(u16),
    Country(u16),
    /// People who speak for a faction ("Oekraïense commandanten"): the side of a possessive
    /// pronoun after them, no actor.
    Speaker(u16),
}

/// One `[[event]]` table, compiled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventDef {
    pub frame: Frame,
    pub next_actor: Option<NextActor>,
    pub outcome: Option<Outcome>,
}

/// A descriptive region alias matched loosely: its content words in order, a few words apart.
#[derive(Debug, Clone)]
pub struct LooseAlias {
    pub words: Vec<u32>,
    pub span: usize,
    pub region: u16,
}

/// A gapped phrase by its first word: its index in [`Language::gapped`] and the first words of
/// its later parts ([`UNKNOWN`] past the last), which a sentence must have for it to match.
#[derive(Debug, Clone, Copy)]
pub struct GappedStart {
    pub pattern: usize,
    pub needs: [u32; 3],
}

/// [`GappedStart`]s by first word: only the first three later parts are listed (the match
/// itself checks every part).
fn gapped_starts(first: &FxMap<u32, Vec<usize>>, gapped: &[Gapped<Payload>]) -> FxMap<u32, Vec<GappedStart>> {
    let start = |g: usize| {
        let mut needs = [UNKNOWN; 3];
        for (need, part) in needs.iter_mut().zip(&gapped[g].parts[1..]) {
            *need = part.first().copied().unwrap_or(UNKNOWN);
        }
        GappedStart { pattern: g, needs }
    };
    first.iter().map(|(&id, list)| (id, list.iter().map(|&g| start(g)).collect())).collect()
}

/// A compiled language.
#[derive(Debug, Clone)]
pub struct Language {
    pub code: String,
    pub name: String,
    pub vocab: Vocab,
    words: Vec<(u32, u16, u16)>,
    /// What each word may start: [`START_GAPPED`], [`START_LOOSE`].
    starts: Vec<u8>,
    /// Whether each vocabulary word is the first word of some country's name
    /// ([`crate::places::countries::starts_a_name`]), by id; `None` for an id the vocabulary
    /// did not list when compiled.
    country_first: Vec<Option<bool>>,
    pub trie: Trie<Payload>,
    pub gapped: Vec<Gapped<Payload>>,
    gapped_first: FxMap<u32, Vec<GappedStart>>,
    pub events: Vec<EventDef>,
    /// Faction ids, indexed by [`ActorRef::Faction`].
    pub factions: Vec<String>,
    /// Country code → faction id tables, indexed by [`ActorRef::ByCountry`].
    pub by_country: Vec<BTreeMap<String, String>>,
    /// Country codes, indexed by [`Payload::Country`] and word countries.
    pub countries: Vec<String>,
    /// Region ids and countries, indexed by [`Payload::Region`].
    pub regions: Vec<(String, String)>,
    pub dates: DateGrammar,
    pub loose: Vec<LooseAlias>,
    loose_first: FxMap<u32, Vec<usize>>,
    /// Phrases left out because the world lacks what they name.
    pub warnings: Vec<String>,
    /// The words of `[extent]`, as vocabulary ids.
    pub extent: crate::extract::extent::ExtentPhrases,
    /// The words of `[exception]`, as vocabulary ids.
    pub exception: crate::extract::except::ExceptionPhrases,
    /// `[partial] parts` by vocabulary id (see [`crate::extract::parts`]).
    pub part_nouns: Vec<u32>,
    /// Words of permission, folded ("mogen", "allowed"): a loss or capture they govern is no
    /// event ("IS-strijders mochten Raqqa verlaten").
    pub permission: Vec<String>,
    /// Words of an action under way, folded ("bezig"): "bezig om X uit te kammen" is no aim.
    pub progressive: Vec<String>,
    /// Words that tell a fight goes on, folded (`[grammar] goes_on`: "nog", "still").
    pub goes_on: Vec<String>,
    /// `[actors] hands`, folded ("handen", "hands"): "in Russische handen" is a hold.
    pub hands: WordSet,
    /// `[actors] clause_pronouns`, folded ("het").
    pub clause_pronouns: WordSet,
    /// `[actors] unit_nouns`, folded ("garnizoen", "garrison").
    pub unit_nouns: WordSet,
    /// `[actors] state_nouns`, folded ("leger", "army").
    pub state_nouns: WordSet,
    /// `[actors] group_nouns`, folded ("groep", "group").
    pub group_nouns: WordSet,
    /// `[grammar] be_perfect`, folded: participles whose perfect takes "zijn" ("binnengedrongen").
    pub be_perfect: WordSet,
    /// `[grammar] access_routes`, folded: the ways into a place ("wegen", "roads").
    pub access_routes: WordSet,
    /// `[grammar] access_prepositions`, folded: "naar", "into".
    pub access_prepositions: WordSet,
    /// `[grammar] liberation`, folded: "bevrijd", "liberated".
    pub liberation: WordSet,
    /// `[grammar] gains`, folded: "overwinning", "victory".
    pub gains: WordSet,
    /// `[grammar] setbacks`, folded: "klap", "blow", "ondanks".
    pub setbacks: WordSet,
    /// `[grammar] since`, folded ("sinds", "since"): a date after it starts a state.
    pub since: WordSet,
    /// `[grammar] possessives`, folded ("hun", "its").
    pub possessives: WordSet,
    /// `[grammar] seat_prepositions`, folded ("in", "te"): "het regime in Damascus".
    pub seat_prepositions: WordSet,
    /// `[prepositions] of`, folded ("van", "of"): "het dorp van X", "the village of X".
    pub of: WordSet,
    /// The plain hold event (the first `hold` table with no `event` kind): the cue of a state
    /// told with `hands`.
    pub hold_event: Option<u16>,
    /// `[grammar] extraposed`, folded ("na", "van"): a phrase after a particle's clause end.
    pub extraposed: WordSet,
    /// `[grammar] then_clause`, folded ("waarna"): a clause telling what happened next.
    pub then_clause: Vec<String>,
    /// `[grammar] apposition_relatives`, folded ("die", "dat").
    pub apposition_relatives: WordSet,
    /// `[grammar] object_pronouns`, folded ("het", "it"): a place as the object of a clause.
    pub object_pronouns: Vec<String>,
    /// Words of a forecast, folded (`[modality] forecast`: "verwachting", "expect").
    pub forecast: Vec<String>,
    /// `[places] here_in_state`, folded ("er").
    pub here_in_state: Vec<String>,
    /// `[places] intro_suffixes`, folded ("stad", "dorp"): see [`Language::is_intro_compound`].
    pub intro_suffixes: Vec<String>,
    /// `[places] edge_nouns`, folded ("noordrand", "outskirts").
    pub edge_nouns: WordSet,
    /// `[places] small_place_nouns`, folded ("stadje", "village").
    pub small_place_nouns: WordSet,
    /// `[places] small_adjective_nouns`, folded ("town"): small after `small_adjectives`.
    pub small_adjective_nouns: WordSet,
    /// `[places] small_adjectives`, folded ("small").
    pub small_adjectives: WordSet,
    /// `[places] city_nouns`, folded ("stad", "havenstad", "city").
    pub city_nouns: WordSet,
    /// `[places] itself`, folded ("zelf", "itself"): "de stad zelf".
    pub itself: WordSet,
    /// `[places] bare_name_articles`, folded ("de", "the"): "over de Dnipro" is a river.
    pub bare_name_articles: WordSet,
    /// `[places] lesser_region_nouns`, folded ("district"): no province beside a town name.
    pub lesser_region_nouns: WordSet,
    /// The `[areas]` words (see [`crate::extract::areas`]).
    pub areas: crate::extract::areas::AreaPhrases,
}

impl Language {
    /// Whether a folded word the vocabulary lacks is a compound of an intro noun ("kuststad",
    /// "eufraatstad", "mijnstadje"): longer than the ending by three letters at least, so that
    /// the ending itself and short names ending in it are not taken.
    pub fn is_intro_compound(&self, folded: &str) -> bool {
        // Asked of most words of a sentence: the last byte rules out nearly all of them before
        // any ending is compared whole.
        let last = folded.as_bytes().last();
        self.intro_suffixes
            .iter()
            .any(|s| folded.len() >= s.len() + 3 && s.as_bytes().last() == last && folded.ends_with(s.as_str()))
    }

    /// Loose region aliases whose first content word is `id`.
    pub fn loose_from(&self, id: u32) -> &[usize] {
        if self.starts.get(id as usize).is_none_or(|s| s & START_LOOSE == 0) {
            return &[];
        }
        self.loose_first.get(&id).map_or(&[], Vec::as_slice)
    }

    /// The classes, preposition roles and country of vocabulary word `id` in one look-up (see
    /// [`Language::class`], [`Language::prep`], [`Language::country`]).
    pub fn word(&self, id: u32) -> (u32, u16, Option<u16>) {
        self.words.get(id as usize).map_or((0, 0, None), |w| (w.0, w.1, w.2.checked_sub(1)))
    }

    /// The classes of vocabulary word `id`.
    pub fn class(&self, id: u32) -> u32 {
        self.words.get(id as usize).map_or(0, |w| w.0)
    }

    /// The preposition roles of vocabulary word `id`.
    pub fn prep(&self, id: u32) -> u16 {
        self.words.get(id as usize).map_or(0, |w| w.1)
    }

    /// The country a country name or demonym stands for (index into [`Language::countries`]).
    pub fn country(&self, id: u32) -> Option<u16> {
        self.words.get(id as usize).and_then(|w| w.2.checked_sub(1))
    }

    /// Whether vocabulary word `id` starts some country's name, when known without folding.
    pub fn starts_country_name(&self, id: u32) -> Option<bool> {
        self.country_first.get(id as usize).copied().flatten()
    }

    /// What vocabulary word `id` may start ([`START_GAPPED`], [`START_LOOSE`] bits; 0 for none).
    pub fn starts_of(&self, id: u32) -> u8 {
        self.starts.get(id as usize).copied().unwrap_or(0)
    }

    /// Gapped phrases whose first word is `id`.
    pub fn gapped_from(&self, id: u32) -> &[GappedStart] {
        if self.starts.get(id as usize).is_none_or(|s| s & START_GAPPED == 0) {
            return &[];
        }
        self.gapped_first.get(&id).map_or(&[], Vec::as_slice)
    }

    /// Compiles a lexicon file against the factions and regions of the world. `town_keys` are
    /// the place keys of every town spelling: region spellings that fold like a town are left to
    /// the gazetteer, which prefers towns.
    pub fn compile(
        file: &str,
        text: &str,
        factions: &Factions,
        gazetteer: &Gazetteer,
        town_keys: &FxSet<String>,
    ) -> Result<Language, LexiconError> {
        let parsed = lexicon::parse(file, text)?;
        let mut builder = Builder::new(file, text, &parsed, factions);
        builder.grammar(&parsed)?;
        builder.phrases(&parsed)?;
        builder.places(&parsed, gazetteer, town_keys)?;
        builder.actors(&parsed, factions, town_keys)?;
        builder.cues(&parsed)?;
        let extent = builder.extent(&parsed.extent)?;
        let exception = builder.exception(&parsed.exception)?;
        let mut areas = builder.areas(&parsed.areas, gazetteer)?;
        let dates =
            DateGrammar::compile(&parsed.dates, &mut builder.vocab, parsed.language.months_need_capital, file, text)?;
        let part_nouns = crate::extract::parts::compile(&parsed.partial.parts, &mut builder.vocab);
        builder.words.resize(builder.vocab.len(), (0, 0, 0));
        builder.trie.seal(builder.vocab.len());
        areas.government = by_country_table(&builder.trie, &builder.vocab, &parsed.areas.government);
        let loose_first = index_loose(&builder.loose);
        let gapped_first = gapped_starts(&builder.gapped_first, &builder.gapped);
        let mut starts = vec![0u8; builder.vocab.len()];
        for &id in builder.gapped_first.keys() {
            starts[id as usize] |= START_GAPPED;
        }
        for &id in loose_first.keys() {
            starts[id as usize] |= START_LOOSE;
        }
        let hold_event = plain_hold_event(&builder.events);
        let mut country_first = vec![None; builder.vocab.len()];
        for (word, id) in builder.vocab.words() {
            if let Some(slot) = country_first.get_mut(id as usize) {
                *slot = Some(crate::places::countries::starts_a_name(&word));
            }
        }
        // The vocabulary is complete: words told apart token by token are compared by id.
        let hands = WordSet::new(fold_words(&parsed.actors.hands), &builder.vocab);
        let clause_pronouns = WordSet::new(fold_words(&parsed.actors.clause_pronouns), &builder.vocab);
        let unit_nouns = WordSet::new(fold_words(&parsed.actors.unit_nouns), &builder.vocab);
        let state_nouns = WordSet::new(fold_words(&parsed.actors.state_nouns), &builder.vocab);
        let group_nouns = WordSet::new(fold_words(&parsed.actors.group_nouns), &builder.vocab);
        let be_perfect = WordSet::new(fold_words(&parsed.grammar.be_perfect), &builder.vocab);
        let access_routes = WordSet::new(fold_words(&parsed.grammar.access_routes), &builder.vocab);
        let access_prepositions = WordSet::new(fold_words(&parsed.grammar.access_prepositions), &builder.vocab);
        let liberation = WordSet::new(fold_words(&parsed.grammar.liberation), &builder.vocab);
        let gains = WordSet::new(fold_words(&parsed.grammar.gains), &builder.vocab);
        let setbacks = WordSet::new(fold_words(&parsed.grammar.setbacks), &builder.vocab);
        let extraposed = parsed
            .grammar
            .extraposed
            .iter()
            .map(|w| fold_phrase(w).into_iter().map(|(f, _)| f).collect::<Vec<_>>().join(" "))
            .collect();
        let extraposed = WordSet::new(extraposed, &builder.vocab);
        let apposition_relatives = WordSet::new(fold_words(&parsed.grammar.apposition_relatives), &builder.vocab);
        let word_set = |words: &[String]| WordSet::new(fold_words(words), &builder.vocab);
        let since = word_set(&parsed.grammar.since);
        let possessives = word_set(&parsed.grammar.possessives);
        let seat_prepositions = word_set(&parsed.grammar.seat_prepositions);
        let of = word_set(&parsed.prepositions.of);
        let places = &parsed.places;
        let edge_nouns = word_set(&places.edge_nouns);
        let small_place_nouns = word_set(&places.small_place_nouns);
        let small_adjective_nouns = word_set(&places.small_adjective_nouns);
        let small_adjectives = word_set(&places.small_adjectives);
        let city_nouns = word_set(&places.city_nouns);
        let itself = word_set(&places.itself);
        let bare_name_articles = word_set(&places.bare_name_articles);
        let lesser_region_nouns = word_set(&places.lesser_region_nouns);
        Ok(Language {
            code: parsed.language.code.clone(),
            name: parsed.language.name.clone(),
            vocab: builder.vocab,
            words: builder.words,
            starts,
            country_first,
            trie: builder.trie,
            gapped: builder.gapped,
            gapped_first,
            events: builder.events,
            factions: builder.factions,
            by_country: builder.by_country,
            countries: builder.countries,
            regions: gazetteer.regions.iter().map(|r| (r.id.clone(), r.country.clone())).collect(),
            dates,
            loose_first,
            loose: builder.loose,
            warnings: builder.warnings,
            extent,
            exception,
            part_nouns,
            permission: parsed
                .grammar
                .permission
                .iter()
                .map(|w| fold_phrase(w).into_iter().map(|(f, _)| f).collect::<Vec<_>>().join(" "))
                .collect(),
            progressive: parsed
                .grammar
                .progressive
                .iter()
                .map(|w| fold_phrase(w).into_iter().map(|(f, _)| f).collect::<Vec<_>>().join(" "))
                .collect(),
            forecast: parsed
                .modality
                .forecast
                .iter()
                .map(|w| fold_phrase(w).into_iter().map(|(f, _)| f).collect::<Vec<_>>().join(" "))
                .collect(),
            goes_on: parsed
                .grammar
                .goes_on
                .iter()
                .map(|w| fold_phrase(w).into_iter().map(|(f, _)| f).collect::<Vec<_>>().join(" "))
                .collect(),
            hands,
            hold_event,
            clause_pronouns,
            unit_nouns,
            state_nouns,
            group_nouns,
            be_perfect,
            access_routes,
            access_prepositions,
            liberation,
            gains,
            setbacks,
            since,
            possessives,
            seat_prepositions,
            of,
            extraposed,
            then_clause: fold_words(&parsed.grammar.then_clause),
            apposition_relatives,
            object_pronouns: fold_words(&parsed.grammar.object_pronouns),
            here_in_state: parsed
                .places
                .here_in_state
                .iter()
                .map(|w| fold_phrase(w).into_iter().map(|(f, _)| f).collect::<Vec<_>>().join(" "))
                .collect(),
            intro_suffixes: fold_words(&parsed.places.intro_suffixes),
            edge_nouns,
            small_place_nouns,
            small_adjective_nouns,
            small_adjectives,
            city_nouns,
            itself,
            bare_name_articles,
            lesser_region_nouns,
            areas,
        })
    }
}

/// The `[actors.by_country]` table an actor phrase ("de regering") compiles to.
fn by_country_table(trie: &Trie<Payload>, vocab: &Vocab, phrase: &str) -> Option<u16> {
    if phrase.trim().is_empty() {
        return None;
    }
    let mut tokens = crate::extract::tokens::Tokens::default();
    tokens.tokenize(phrase, 0, vocab);
    let (len, entries) = trie.longest(&tokens, 0, tokens.len())?;
    (len == tokens.len()).then_some(())?;
    entries.iter().find_map(|e| match e.payload {
        Payload::Actor { actor: ActorRef::ByCountry(i), .. } => Some(i),
        _ => None,
    })
}

fn index_loose(loose: &[LooseAlias]) -> FxMap<u32, Vec<usize>> {
    let mut index: FxMap<u32, Vec<usize>> = FxMap::default();
    for (i, alias) in loose.iter().enumerate() {
        index.entry(alias.words[0]).or_default().push(i);
    }
    index
}

struct Builder<'a> {
    file: &'a str,
    text: &'a str,
    vocab: Vocab,
    words: Vec<(u32, u16, u16)>,
    trie: Trie<Payload>,
    gapped: Vec<Gapped<Payload>>,
    gapped_first: FxMap<u32, Vec<usize>>,
    events: Vec<EventDef>,
    factions: Vec<String>,
    by_country: Vec<BTreeMap<String, String>>,
    countries: Vec<String>,
    loose: Vec<LooseAlias>,
    stop: HashSet<String>,
    warnings: Vec<String>,
}

/// A phrase split at its gaps: parts of folded words, acronym masks, and the `<end>` flag.
struct Parsed {
    parts: Vec<Vec<u32>>,
    upper_mask: u32,
    at_end: bool,
}

impl<'a> Builder<'a> {
    fn new(file: &'a str, text: &'a str, parsed: &LexiconFile, factions: &Factions) -> Builder<'a> {
        let stop = parsed
            .language
            .stopwords
            .iter()
            .chain(&parsed.grammar.determiners)
            .map(|w| fold_phrase(w).into_iter().map(|(f, _)| f).collect::<Vec<_>>().join(" "))
            .collect();
        Builder {
            file,
            text,
            vocab: Vocab::default(),
            words: Vec::new(),
            trie: Trie::default(),
            gapped: Vec::new(),
            gapped_first: FxMap::default(),
            events: Vec::new(),
            factions: factions.list.iter().map(|f| f.id.clone()).collect(),
            by_country: Vec::new(),
            countries: Vec::new(),
            loose: Vec::new(),
            stop,
            warnings: Vec::new(),
        }
    }

    fn bad(&self, phrase: &str, reason: &str) -> LexiconError {
        LexiconError::BadPhrase {
            file: self.file.into(),
            line: phrase_line(self.text, phrase),
            phrase: phrase.into(),
            reason: reason.into(),
        }
    }

    /// `[extent]`: each phrase as its words' vocabulary ids (no gaps).
    fn extent(&mut self, words: &lexicon::ExtentWords) -> Result<crate::extract::extent::ExtentPhrases, LexiconError> {
        let mut list = |phrases: &[String]| -> Result<Vec<Vec<u32>>, LexiconError> {
            let mut out = Vec::new();
            for phrase in phrases {
                let parsed = self.parse(phrase)?;
                if parsed.parts.len() != 1 || parsed.at_end {
                    return Err(self.bad(phrase, "an extent phrase has no gaps and no <end>"));
                }
                out.extend(parsed.parts);
            }
            Ok(out)
        };
        Ok(crate::extract::extent::ExtentPhrases {
            areas: list(&words.areas)?,
            whole: list(&words.whole)?,
            only: list(&words.only)?,
        })
    }

    /// `[exception]`: each phrase as its words' vocabulary ids; a circumfix as its two parts.
    fn exception(
        &mut self,
        words: &lexicon::ExceptionWords,
    ) -> Result<crate::extract::except::ExceptionPhrases, LexiconError> {
        let mut list = |phrases: &[String], parts: usize| -> Result<Vec<Vec<Vec<u32>>>, LexiconError> {
            let mut out = Vec::new();
            for phrase in phrases {
                let parsed = self.parse(phrase)?;
                if parsed.parts.len() != parts || parsed.at_end {
                    let reason = if parts == 2 { "a circumfix has one gap" } else { "no gaps and no <end>" };
                    return Err(self.bad(phrase, reason));
                }
                out.push(parsed.parts);
            }
            Ok(out)
        };
        let single = |lists: Vec<Vec<Vec<u32>>>| lists.into_iter().flatten().collect::<Vec<_>>();
        Ok(crate::extract::except::ExceptionPhrases {
            before: single(list(&words.before, 1)?),
            besides: single(list(&words.besides, 1)?),
            after: single(list(&words.after, 1)?),
            around: list(&words.around, 2)?.into_iter().filter_map(|mut p| Some((p.remove(0), p.pop()?))).collect(),
            fillers: single(list(&words.fillers, 1)?).into_iter().flatten().collect(),
            additive: single(list(&words.additive, 1)?),
            universal: single(list(&words.universal, 1)?),
            counts: single(list(&words.counts, 1)?).into_iter().flatten().collect(),
        })
    }

    /// `[areas]`: single words as vocabulary ids; each feature with the regions bearing it.
    fn areas(
        &mut self,
        words: &lexicon::AreaWords,
        gazetteer: &Gazetteer,
    ) -> Result<crate::extract::areas::AreaPhrases, LexiconError> {
        use crate::extract::areas::AreaPhrases;
        let mut ids = |list: &[String]| -> Result<Vec<u32>, LexiconError> {
            let mut out = Vec::new();
            for word in list {
                let parsed = self.parse(word)?;
                match parsed.parts.as_slice() {
                    [one] if one.len() == 1 && !parsed.at_end => out.push(one[0]),
                    _ => return Err(self.bad(word, "an [areas] word is one word")),
                }
            }
            Ok(out)
        };
        let mut phrases = AreaPhrases {
            border: ids(&words.border)?,
            self_rule: ids(&words.self_rule)?,
            capital: ids(&words.capital)?,
            region_capital: ids(&words.region_capital)?,
            ..AreaPhrases::default()
        };
        for (feature, heads) in &words.features {
            let index = phrases.features.len() as u16;
            phrases.heads.extend(ids(heads)?.into_iter().map(|id| (id, index)));
            phrases.features.push(AreaPhrases::regions_with(gazetteer, feature));
        }
        Ok(phrases)
    }

    fn parse(&mut self, phrase: &str) -> Result<Parsed, LexiconError> {
        let (body, at_end) = match phrase.trim().strip_suffix("<end>") {
            Some(body) => (body, true),
            None => (phrase, false),
        };
        let mut parts = Vec::new();
        let mut upper_mask = 0u32;
        let mut position = 0;
        for part in body.split("...") {
            let folded = fold_phrase(part);
            if folded.is_empty() {
                return Err(self.bad(phrase, "a part of the phrase has no words"));
            }
            for (word, upper) in &folded {
                if *upper && position < 32 {
                    upper_mask |= 1 << position;
                }
                position += 1;
                let _ = word;
            }
            parts.push(folded.iter().map(|(w, _)| self.vocab.intern(w)).collect());
        }
        Ok(Parsed { parts, upper_mask, at_end })
    }

    /// Adds a phrase with its meaning: to the trie, or to the gapped list when it has gaps.
    fn add(&mut self, phrase: &str, payload: Payload, cap_first: bool) -> Result<(), LexiconError> {
        let parsed = self.parse(phrase)?;
        if parsed.parts.len() == 1 && !parsed.at_end {
            // A lower-case cue is a word, never the acronym it spells ("IS gevallen").
            let not_acronym_first = matches!(payload, Payload::Cue { .. }) && parsed.upper_mask & 1 == 0;
            let entry = Entry { payload, upper_mask: parsed.upper_mask, cap_first, not_acronym_first };
            self.trie.insert(&parsed.parts[0], entry);
        } else {
            let first = parsed.parts[0][0];
            self.gapped_first.entry(first).or_default().push(self.gapped.len());
            self.gapped.push(Gapped { parts: parsed.parts, at_end: parsed.at_end, payload });
        }
        Ok(())
    }

    /// A one-word entry sets word classes; a longer one becomes a trie phrase.
    fn word_class(&mut self, list: &[String], class: u32) -> Result<(), LexiconError> {
        for phrase in list {
            let parsed = self.parse(phrase)?;
            match parsed.parts.as_slice() {
                [one] if one.len() == 1 && !parsed.at_end => self.slot(one[0]).0 |= class,
                _ => self.add(phrase, Payload::Class(class), false)?,
            }
        }
        Ok(())
    }

    fn word_prep(&mut self, list: &[String], role: u16) -> Result<(), LexiconError> {
        for phrase in list {
            let parsed = self.parse(phrase)?;
            match parsed.parts.as_slice() {
                [one] if one.len() == 1 => self.slot(one[0]).1 |= role,
                _ => self.add(phrase, Payload::Prep(role), false)?,
            }
        }
        Ok(())
    }

    fn slot(&mut self, id: u32) -> &mut (u32, u16, u16) {
        let at = id as usize;
        if self.words.len() <= at {
            self.words.resize(at + 1, (0, 0, 0));
        }
        &mut self.words[at]
    }

    /// Word classes from `[grammar]`, `[places]` and the stopwords.
    fn grammar(&mut self, parsed: &LexiconFile) -> Result<(), LexiconError> {
        let g = &parsed.grammar;
        let lists: [(&[String], u32); 24] = [
            (&g.attributive, class::ATTRIBUTIVE),
            (&g.members, class::MEMBERS),
            (&g.relatives, class::RELATIVE),
            (&g.past, class::PAST),
            (&parsed.language.stopwords, class::STOP),
            (&g.titles, class::TITLE),
            (&g.subordinators, class::SUBORDINATOR),
            (&g.indefinite, class::INDEFINITE),
            (&g.articles, class::ARTICLE),
            (&g.determiners, class::DET),
            (&g.skip, class::SKIP),
            (&g.breaks, class::BREAK),
            (&g.coordination, class::COORD),
            (&g.be, class::BE),
            (&g.have, class::HAVE),
            (&g.passive, class::PASSIVE),
            (&g.ongoing, class::ONGOING),
            (&g.infinitive, class::INFINITIVE),
            (&g.intention, class::INTENTION),
            (&g.negation, class::NEGATION),
            (&g.after, class::AFTER),
            (&g.before, class::BEFORE),
            (&parsed.places.intro, class::INTRO),
            (&parsed.places.generic, class::GENERIC),
        ];
        for (list, c) in lists {
            self.word_class(list, c)?;
        }
        self.word_class(&parsed.places.here, class::HERE)?;
        self.word_class(&parsed.places.sites, class::SITE)?;
        self.word_class(&parsed.places.town_nouns, class::TOWN_NOUN)?;
        self.word_class(&parsed.places.region_nouns, class::REGION_NOUN)?;
        self.word_class(&parsed.places.both, class::BOTH)?;
        self.word_class(&parsed.places.same_name, class::SAME_NAME)
    }

    /// Prepositions by role, and the phrases of `[grammar]`, `[modality]` and `[partial]`.
    fn phrases(&mut self, parsed: &LexiconFile) -> Result<(), LexiconError> {
        let g = &parsed.grammar;
        let p = &parsed.prepositions;
        let preps: [(&[String], u16); 13] = [
            (&p.agent, prep::AGENT),
            (&p.source, prep::SOURCE),
            (&p.out, prep::OUT),
            (&p.recipient, prep::RECIPIENT),
            (&p.target, prep::TARGET),
            (&p.of, prep::OF),
            (&p.for_, prep::FOR),
            (&p.locative, prep::LOCATIVE),
            (&p.reference, prep::REFERENCE),
            (&p.between, prep::BETWEEN),
            (&p.leader, prep::LEADER),
            (&p.around, prep::AROUND),
            // A speaker's place is a landmark too ("according to officials in X").
            (&p.speaker, prep::SPEAKER | prep::REFERENCE),
        ];
        for (list, role) in preps {
            self.word_prep(list, role)?;
        }
        for phrase in &g.no_longer {
            self.add(phrase, Payload::NoLonger, false)?;
        }
        for phrase in &g.not_negated {
            self.add(phrase, Payload::NotNegated, false)?;
        }
        let m = &parsed.modality;
        for (list, modality) in
            [(&m.expected, Modality::Expected), (&m.hedged, Modality::Hedged), (&m.claimed, Modality::Claimed)]
        {
            for phrase in list {
                self.add(phrase, Payload::Modality(modality), false)?;
            }
        }
        for phrase in &parsed.partial.words {
            self.add(phrase, Payload::Partial, false)?;
        }
        for phrase in &parsed.partial.remnant {
            self.add(phrase, Payload::Remnant, false)?;
        }
        Ok(())
    }

    fn places(
        &mut self,
        parsed: &LexiconFile,
        gazetteer: &Gazetteer,
        town_keys: &FxSet<String>,
    ) -> Result<(), LexiconError> {
        let p = &parsed.places;
        for (list, flag) in [(&p.countries, class::COUNTRY), (&p.demonyms, class::DEMONYM)] {
            for (code, names) in list {
                let index = self.country_index(code);
                for name in names {
                    let parsed = self.parse(name)?;
                    match parsed.parts.as_slice() {
                        [one] if one.len() == 1 => {
                            let slot = self.slot(one[0]);
                            slot.0 |= flag;
                            slot.2 = index + 1;
                        }
                        _ => self.add(name, Payload::Country(index), false)?,
                    }
                }
            }
        }
        for (i, region) in gazetteer.regions.iter().enumerate() {
            let spellings =
                std::iter::once(&region.name).chain(std::iter::once(&region.name_nl)).chain(&region.aliases);
            for spelling in spellings.filter(|s| !s.is_empty() && !town_keys.contains(&place_key(s))) {
                let single = fold_phrase(spelling).len() == 1;
                self.add(spelling, Payload::Region(i as u16), single)?;
                self.add_loose(spelling, i as u16);
            }
        }
        for (phrase, id) in &p.regions {
            let Some(index) = gazetteer.regions.iter().position(|r| &r.id == id) else {
                let line = phrase_line(self.text, phrase);
                let e = LexiconError::UnknownRegion {
                    file: self.file.into(),
                    line,
                    phrase: phrase.clone(),
                    id: id.clone(),
                };
                self.warnings.push(format!("{e}; the phrase is not used"));
                continue;
            };
            self.add(phrase, Payload::Region(index as u16), false)?;
        }
        Ok(())
    }

    fn country_index(&mut self, code: &str) -> u16 {
        match self.countries.iter().position(|c| c == code) {
            Some(i) => i as u16,
            None => {
                self.countries.push(code.to_string());
                (self.countries.len() - 1) as u16
            }
        }
    }

    /// Descriptive aliases of three words or more ("enclave bij de grens met Israël") are also
    /// matched with other words in between, by their content words.
    fn add_loose(&mut self, spelling: &str, region: u16) {
        let folded = fold_phrase(spelling);
        let descriptive = spelling.chars().next().is_some_and(char::is_lowercase);
        let content: Vec<u32> =
            folded.iter().filter(|(w, _)| !self.stop.contains(w)).map(|(w, _)| self.vocab.intern(w)).collect();
        if descriptive && folded.len() >= 3 && content.len() >= 2 {
            self.loose.push(LooseAlias { words: content, span: folded.len() + 4, region });
        }
    }

    fn actors(
        &mut self,
        parsed: &LexiconFile,
        factions: &Factions,
        town_keys: &FxSet<String>,
    ) -> Result<(), LexiconError> {
        for (i, faction) in factions.list.iter().enumerate() {
            let spellings = [&faction.name, &faction.name_nl, &faction.short].into_iter().chain(&faction.aliases);
            for spelling in spellings.filter(|s| !s.is_empty()) {
                let placeish = town_keys.contains(&place_key(spelling));
                self.add(spelling, Payload::Actor { actor: ActorRef::Faction(i as u16), placeish }, false)?;
            }
        }
        let (file, text) = (self.file, self.text);
        let unknown = |phrase: &str, id: &str| {
            let e = LexiconError::UnknownFaction {
                file: file.into(),
                line: phrase_line(text, phrase),
                phrase: phrase.into(),
                id: id.into(),
            };
            format!("{e}; the phrase is not used")
        };
        // "Turkse militairen": an army adjective and a head noun. Written phrases come after, so
        // they win where both match.
        for (id, adjectives) in &parsed.actors.armies {
            let Some(index) = self.factions.iter().position(|f| f == id) else {
                self.warnings.push(unknown(&adjectives.join(", "), id));
                continue;
            };
            let actor = ActorRef::Faction(index as u16);
            for adjective in adjectives {
                for head in &parsed.actors.heads {
                    self.add(&format!("{adjective} {head}"), Payload::Actor { actor, placeish: false }, false)?;
                    for modifier in &parsed.actors.modifiers {
                        let phrase = format!("{adjective} {modifier} {head}");
                        self.add(&phrase, Payload::Actor { actor, placeish: false }, false)?;
                    }
                }
                for head in &parsed.actors.ally_heads {
                    for (first, second) in allied_pairs(adjective, &parsed.actors) {
                        let phrase = format!("{first} {second} {head}");
                        self.add(&phrase, Payload::Actor { actor, placeish: false }, false)?;
                    }
                }
                for speaker in &parsed.actors.speakers {
                    self.add(&format!("{adjective} {speaker}"), Payload::Speaker(index as u16), false)?;
                }
            }
        }
        for (phrase, id) in &parsed.actors.phrases {
            let Some(index) = self.factions.iter().position(|f| f == id) else {
                self.warnings.push(unknown(phrase, id));
                continue;
            };
            self.add(phrase, Payload::Actor { actor: ActorRef::Faction(index as u16), placeish: false }, false)?;
        }
        for (phrase, table) in &parsed.actors.by_country {
            if let Some(id) = table.values().find(|id| !self.factions.contains(id)) {
                self.warnings.push(unknown(phrase, id));
                continue;
            }
            // Phrases with the same table ("rebellen", "de rebellen") share it, so that a side the
            // article tied to one ("rebellen van de MNDAA") is the side of the others.
            let index = match self.by_country.iter().position(|t| t == table) {
                Some(shared) => shared as u16,
                None => {
                    self.by_country.push(table.clone());
                    (self.by_country.len() - 1) as u16
                }
            };
            self.add(phrase, Payload::Actor { actor: ActorRef::ByCountry(index), placeish: false }, false)?;
        }
        for phrase in &parsed.actors.pronouns {
            self.add(phrase, Payload::Actor { actor: ActorRef::Pronoun, placeish: false }, false)?;
        }
        Ok(())
    }

    fn cues(&mut self, parsed: &LexiconFile) -> Result<(), LexiconError> {
        for table in &parsed.events {
            let event = self.events.len() as u16;
            self.events.push(EventDef { frame: table.frame, next_actor: table.next_actor, outcome: table.event });
            for (list, form) in
                [(&table.cues, Form::Verb), (&table.participles, Form::Participle), (&table.nouns, Form::Noun)]
            {
                for phrase in list {
                    self.add(phrase, Payload::Cue { event, form }, false)?;
                }
            }
        }
        Ok(())
    }
}

/// A lexicon's word list, each word folded as the tokenizer folds text.
fn fold_words(words: &[String]) -> Vec<String> {
    words.iter().map(|w| crate::places::fold::fold_text(w)).collect()
}

/// The index of the first plain hold event (frame `hold`, no `event` kind).
fn plain_hold_event(events: &[EventDef]) -> Option<u16> {
    events.iter().position(|e| e.frame == Frame::Hold && e.outcome.is_none()).map(|i| i as u16)
}

/// "Mozambikaanse en Rwandese", "Rwandan and Mozambican": an army adjective coordinated with an
/// ally's adjective in either order, as the words before a head noun (the first part carries
/// the conjunction: "Mozambikaanse en" + "Rwandese").
fn allied_pairs<'a>(
    adjective: &'a str,
    words: &'a crate::extract::lexicon::ActorWords,
) -> impl Iterator<Item = (String, String)> + 'a {
    words.and.iter().flat_map(move |and| {
        words.allies.iter().flat_map(move |ally| {
            [(format!("{adjective} {and}"), ally.clone()), (format!("{ally} {and}"), adjective.to_string())]
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::Tokens;

    /// The shipped Dutch and English language files.
    const SHIPPED: [(&str, &str); 2] = [
        ("nl.toml", include_str!("../../geodata/lang/nl.toml")),
        ("en.toml", include_str!("../../geodata/lang/en.toml")),
    ];

    /// The entries moved out of the code into the language files, by their key.
    const MOVED_KEYS: [&str; 11] = [
        "edge_nouns",
        "small_place_nouns",
        "small_adjective_nouns",
        "small_adjectives",
        "city_nouns",
        "itself",
        "bare_name_articles",
        "lesser_region_nouns",
        "since",
        "possessives",
        "seat_prepositions",
    ];

    fn compile(name: &str, text: &str) -> Language {
        let gazetteer = crate::extract::tests::gazetteer();
        let factions = crate::extract::tests::factions();
        Language::compile(name, text, &factions, &gazetteer, &FxSet::default()).unwrap_or_else(|e| panic!("{e}"))
    }

    /// The word sets of the moved entries each language fills, by name.
    fn moved_sets(lang: &Language) -> Vec<(&'static str, &WordSet)> {
        let mut sets = vec![
            ("edge_nouns", &lang.edge_nouns),
            ("small_place_nouns", &lang.small_place_nouns),
            ("city_nouns", &lang.city_nouns),
            ("itself", &lang.itself),
            ("bare_name_articles", &lang.bare_name_articles),
            ("lesser_region_nouns", &lang.lesser_region_nouns),
            ("since", &lang.since),
            ("possessives", &lang.possessives),
            ("seat_prepositions", &lang.seat_prepositions),
            ("of", &lang.of),
        ];
        if lang.code == "en" {
            sets.push(("small_adjective_nouns", &lang.small_adjective_nouns));
            sets.push(("small_adjectives", &lang.small_adjectives));
        }
        sets
    }

    /// Whether the one word `word` is in `set`, tokenized with the language's vocabulary.
    fn has_word(lang: &Language, set: &WordSet, word: &str) -> bool {
        let mut tokens = Tokens::default();
        tokens.tokenize(word, 0, &lang.vocab);
        tokens.len() == 1 && set.has(&tokens, 0)
    }

    #[test]
    fn the_moved_word_lists_load_from_both_language_files() {
        for (name, text) in SHIPPED {
            let lang = compile(name, text);
            for (key, set) in moved_sets(&lang) {
                assert!(!set.is_empty(), "{name}: {key} is empty");
            }
        }
        let nl = compile(SHIPPED[0].0, SHIPPED[0].1);
        let en = compile(SHIPPED[1].0, SHIPPED[1].1);
        for (set, word) in [(&nl.edge_nouns, "noordrand"), (&nl.small_place_nouns, "Stadje"), (&nl.itself, "zelf")] {
            assert!(has_word(&nl, set, word), "nl: {word}");
        }
        for (set, word) in [(&en.edge_nouns, "outskirts"), (&en.small_adjectives, "small"), (&en.city_nouns, "City")] {
            assert!(has_word(&en, set, word), "en: {word}");
        }
        // Each language has its own words only.
        assert!(!has_word(&nl, &nl.city_nouns, "city") && !has_word(&en, &en.city_nouns, "stad"));
    }

    #[test]
    fn a_language_file_without_the_moved_lists_compiles_with_empty_sets() {
        for (name, text) in SHIPPED {
            let stripped: String = text
                .lines()
                .filter(|line| !MOVED_KEYS.iter().any(|key| line.starts_with(&format!("{key} ="))))
                .map(|line| format!("{line}\n"))
                .collect();
            assert!(stripped.len() < text.len(), "{name}: nothing was stripped");
            let lang = compile(name, &stripped);
            for (key, set) in moved_sets(&lang).into_iter().filter(|(key, _)| *key != "of") {
                assert!(set.is_empty(), "{name}: {key} is not empty");
            }
        }
    }
}
