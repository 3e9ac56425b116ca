//! The lexicon files (`geodata/lang/*.toml`): their shape, parsing, and the checks that tie them
//! to the factions and regions of the world. The format is documented at the top of `nl.toml`.

use std::collections::BTreeMap;

use serde::Deserialize;

/// Why a lexicon file was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LexiconError {
    /// The file is not valid TOML or does not have the lexicon's shape.
    #[error("{file}:{line}: {message}")]
    Syntax { file: String, line: usize, message: String },
    /// A phrase names a faction that `factions.toml` does not know.
    #[error("{file}:{line}: {phrase:?} names faction {id:?}, which is not in factions.toml")]
    UnknownFaction { file: String, line: usize, phrase: String, id: String },
    /// A phrase names a region that `regions.geojson` does not know.
    #[error("{file}:{line}: {phrase:?} names region {id:?}, which is not in regions.geojson")]
    UnknownRegion { file: String, line: usize, phrase: String, id: String },
    /// A date pattern or rule that cannot be used.
    #[error("{file}:{line}: date pattern {pattern:?}: {reason}")]
    BadPattern { file: String, line: usize, pattern: String, reason: String },
    /// A phrase with no words in it, or a gap in the wrong place.
    #[error("{file}:{line}: phrase {phrase:?}: {reason}")]
    BadPhrase { file: String, line: usize, phrase: String, reason: String },
    /// Two files declare the same language code.
    #[error("{file}: language {code:?} is defined twice")]
    Duplicate { file: String, code: String },
}

/// A whole lexicon file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LexiconFile {
    pub language: LanguageInfo,
    pub places: PlaceWords,
    pub actors: ActorWords,
    pub grammar: Grammar,
    pub prepositions: Prepositions,
    pub modality: ModalityWords,
    pub partial: PartialWords,
    /// `[extent]`, optional: how much of a country a claim covers.
    #[serde(default)]
    pub extent: ExtentWords,
    /// `[areas]`, optional: region phrases, self-ruled regions and capitals.
    #[serde(default)]
    pub areas: AreaWords,
    /// `[exception]`, optional: the words that take places out of a claim ("op X na", "except X").
    #[serde(default)]
    pub exception: ExceptionWords,
    #[serde(rename = "event")]
    pub events: Vec<EventWords>,
    pub dates: DateWords,
}

/// `[language]`
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageInfo {
    pub code: String,
    pub name: String,
    #[serde(default)]
    pub months_need_capital: bool,
    pub stopwords: Vec<String>,
}

/// `[places]`
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceWords {
    pub intro: Vec<String>,
    pub generic: Vec<String>,
    pub here: Vec<String>,
    /// Adverbs that stand for the place named last only in a hold, siege or fight with no place
    /// of its own ("Het leger heeft er de controle", "er wordt gevochten"); elsewhere they are
    /// expletive ("er vielen doden"). See [`crate::extract::surrender`].
    #[serde(default)]
    pub here_in_state: Vec<String>,
    /// Endings of compound nouns that introduce a place name like an intro noun does: "stad"
    /// makes "de kuststad Sirte", "de Eufraatstad Hit", "Gharyan, de bergstad" introduced.
    /// Only words the lexicon does not know otherwise take them.
    #[serde(default)]
    pub intro_suffixes: Vec<String>,
    /// Site nouns: "het vliegveld van X" is a claim about the town X, with a note.
    #[serde(default)]
    pub sites: Vec<String>,
    /// Nouns for a town: "de stad" refers back to the nearest town, never a region.
    #[serde(default)]
    pub town_nouns: Vec<String>,
    /// Nouns for a province, for "de gelijknamige provincie".
    #[serde(default)]
    pub region_nouns: Vec<String>,
    /// "beide": "beide plaatsen" refers to the last two towns.
    #[serde(default)]
    pub both: Vec<String>,
    /// "gelijknamige", "of the same name": with a region noun, the region named like the last town.
    #[serde(default)]
    pub same_name: Vec<String>,
    /// Nouns for the edge of a town ("noordrand", "outskirts"): a town under "van"/"of" right
    /// after one in the clause's adverbial is a part of it ("aan de noordrand van de stad").
    #[serde(default)]
    pub edge_nouns: Vec<String>,
    /// Nouns for a small place that introduce a town's name ("het stadje X", "the village of X"):
    /// "de stad", "the city" ([`PlaceWords::city_nouns`]) stand for a bigger town named beside it.
    #[serde(default)]
    pub small_place_nouns: Vec<String>,
    /// Nouns that introduce a small place only after a word of
    /// [`PlaceWords::small_adjectives`] ("the small town of X").
    #[serde(default)]
    pub small_adjective_nouns: Vec<String>,
    /// Adjectives that make a noun of [`PlaceWords::small_adjective_nouns`] a small place ("small").
    #[serde(default)]
    pub small_adjectives: Vec<String>,
    /// Nouns of a reference to a big town ("de stad", "de havenstad", "the city"): not a town
    /// introduced as a small place when the article named a bigger one.
    #[serde(default)]
    pub city_nouns: Vec<String>,
    /// Words right after a reference to a town ("de stad zelf", "the city itself"): the town the
    /// article is about, set against the places around it or named beside it.
    #[serde(default)]
    pub itself: Vec<String>,
    /// Definite articles that, right before a bare name ending its phrase, make it a river or
    /// region ("over de Dnipro", "north of the Euphrates"): towns are not written so.
    #[serde(default)]
    pub bare_name_articles: Vec<String>,
    /// Region nouns that do not make a town name beside them a province ("district": "het
    /// district Raqqa" is no province Raqqa).
    #[serde(default)]
    pub lesser_region_nouns: Vec<String>,
    pub countries: BTreeMap<String, Vec<String>>,
    pub demonyms: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub regions: BTreeMap<String, String>,
}

/// `[actors]`
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorWords {
    pub pronouns: Vec<String>,
    #[serde(default)]
    pub phrases: BTreeMap<String, String>,
    #[serde(default)]
    pub by_country: BTreeMap<String, BTreeMap<String, String>>,
    /// Head nouns of armed forces ("troepen", "militairen"): with an adjective of `armies` they
    /// name that faction ("Turkse militairen" = turkey).
    #[serde(default)]
    pub heads: Vec<String>,
    /// faction id = the adjectives that, before a head noun, name its forces.
    #[serde(default)]
    pub armies: BTreeMap<String, Vec<String>>,
    /// Adjectives that may stand between an army adjective and its head noun and name no side
    /// ("Iraakse speciale eenheden", "Russian airborne troops"): the phrase is that army's.
    #[serde(default)]
    pub modifiers: Vec<String>,
    /// Heads that make a state after "in" ("in Russische handen", "in Ukrainian hands"): the
    /// side the phrase names holds the place, as after "in handen van"; with a fall or capture
    /// cue in the clause, that side is its winner.
    #[serde(default)]
    pub hands: Vec<String>,
    /// Words that are a pronoun for a side named before only right after a subordinator, when
    /// an article, an adverb of `[grammar] skip` or a place follows them, not a noun ("Het leger
    /// zegt dat het Babanusa nog in handen heeft", "... dat het ook het oosten van X ..."),
    /// where elsewhere they are an article ("dat het leger ...").
    #[serde(default)]
    pub clause_pronouns: Vec<String>,
    /// Military unit nouns ("garnizoen", "brigade", "garrison"): as the last word of an army
    /// phrase with no owner named, a unit of the government of the place's country, whose
    /// surrender is that government's loss (`src/extract/roles/surrender.rs`).
    #[serde(default)]
    pub unit_nouns: Vec<String>,
    /// Last words of a phrase naming a country's state ("het Armeense leger", "the Armenian
    /// army"): that state itself, never the side it `stands_for` abroad (factions.toml).
    #[serde(default)]
    pub state_nouns: Vec<String>,
    /// Last words of a description that means an armed group ("de groep", "de beweging", "the
    /// alliance"): the side the article names most that is no government
    /// (`src/extract/roles/voice.rs`).
    #[serde(default)]
    pub group_nouns: Vec<String>,
    /// Adjectives of forces that fight beside a side of the map and are no side of it
    /// ("Rwandese", "Chadian"): coordinated with an army adjective before a head noun
    /// ("Mozambikaanse en Rwandese militairen", "Rwandan and Mozambican troops"), the phrase
    /// names the army's side.
    #[serde(default)]
    pub allies: Vec<String>,
    /// The words that coordinate an ally with an army adjective ("en", "and").
    #[serde(default)]
    pub and: Vec<String>,
    /// The head nouns after such a coordination ("militairen", "troops"): a few, since every
    /// army and ally adjective pair is a phrase with each.
    #[serde(default)]
    pub ally_heads: Vec<String>,
    /// Nouns for people who speak for a side ("autoriteiten", "commanders"): with an adjective
    /// of `armies` they name the side a possessive pronoun after them means ("Volgens de
    /// Oekraïense commandanten houden hun troepen ..."), without being an actor themselves.
    #[serde(default)]
    pub speakers: Vec<String>,
}

/// `[grammar]`
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Grammar {
    pub articles: Vec<String>,
    pub indefinite: Vec<String>,
    pub determiners: Vec<String>,
    pub skip: Vec<String>,
    pub breaks: Vec<String>,
    #[serde(default)]
    pub subordinators: Vec<String>,
    #[serde(default)]
    pub titles: Vec<String>,
    pub coordination: Vec<String>,
    pub be: Vec<String>,
    pub have: Vec<String>,
    pub passive: Vec<String>,
    pub ongoing: Vec<String>,
    pub infinitive: Vec<String>,
    pub intention: Vec<String>,
    pub negation: Vec<String>,
    pub no_longer: Vec<String>,
    pub not_negated: Vec<String>,
    pub after: Vec<String>,
    pub before: Vec<String>,
    /// Relative words: right after a comma they open an aside about the word before the comma,
    /// which ends at the next comma ("Mosul, dat lang in handen was van IS, werd ...").
    #[serde(default)]
    pub relatives: Vec<String>,
    /// Words that put a possession in the past ("voormalige", "lang", "former").
    #[serde(default)]
    pub past: Vec<String>,
    /// Words of permission ("mogen", "allowed"): fighters allowed to leave a place under a deal
    /// is no event of control (the side may still hold part of it).
    #[serde(default)]
    pub permission: Vec<String>,
    /// Words of an action under way ("bezig", "busy"): "bezig om X uit te kammen" is no aim.
    #[serde(default)]
    pub progressive: Vec<String>,
    /// Words that tell a fight goes on ("nog", "doorgaan", "still", "continued"): an entry in a
    /// sentence with a fight and such a word is a partial hold, not a capture.
    #[serde(default)]
    pub goes_on: Vec<String>,
    /// Participles whose perfect tense takes "zijn" (motion and change of state: "binnengedrongen",
    /// "gevlucht"): with a form of `be` and no `passive` word the clause is active, a perfect
    /// ("De rebellen waren de stad binnengedrongen"), not a passive.
    #[serde(default)]
    pub be_perfect: Vec<String>,
    /// Plural nouns of the ways into a place ("wegen", "aanvoerroutes", "roads"): cut off, with
    /// the place after "naar"/"into", they besiege that place ("alle wegen naar X zijn afgesneden").
    #[serde(default)]
    pub access_routes: Vec<String>,
    /// The prepositions that lead a way into the place ("naar", "into", "to"); "wegen vanuit X"
    /// lead out of it.
    #[serde(default)]
    pub access_prepositions: Vec<String>,
    /// Words of liberation ("bevrijd", "liberated"): only the side that takes a place calls
    /// its capture that, so a capture so called and told by one side alone is that side's.
    #[serde(default)]
    pub liberation: Vec<String>,
    /// Words of a gain for a side ("overwinning", "opsteker", "rukten", "victory", "advanced"):
    /// the one side a sentence names with a fall noun and such a word took the place.
    #[serde(default)]
    pub gains: Vec<String>,
    /// Words of a setback or a concession ("klap", "nederlaag", "ondanks", "blow", "despite"):
    /// with one in the sentence, no gain word makes the side named with a fall its taker.
    #[serde(default)]
    pub setbacks: Vec<String>,
    /// Words that, right before a date, make it the start of a state ("sinds maart", "since
    /// May"): a capture told so is a hold since then.
    #[serde(default)]
    pub since: Vec<String>,
    /// Possessive pronouns ("hun", "its"): a capitalised one before a members noun ("Zijn
    /// strijders", "Its fighters") names no unknown group.
    #[serde(default)]
    pub possessives: Vec<String>,
    /// Prepositions inside a faction's alias before the town its government sits in ("het regime
    /// in Damascus", "de regering te Kabul", "the government in Kyiv"): the side holds that town.
    #[serde(default)]
    pub seat_prepositions: Vec<String>,
    /// Nouns for the members of a side: "strijders van de SDF" names the SDF as the subject.
    #[serde(default)]
    pub members: Vec<String>,
    /// Participles after which the agent preposition is attributive ("rebels led by HTS",
    /// "troepen gesteund door Turkije").
    #[serde(default)]
    pub attributive: Vec<String>,
    /// Prepositions that may open a phrase placed after a separable particle at the end of its
    /// clause ("neemt Vuhledar in na twee jaar", "namen Tel Rifaat over van de SDF"): for a
    /// `<end>` phrase, the clause may end before such a word.
    #[serde(default)]
    pub extraposed: Vec<String>,
    /// Words that open a clause telling what happened next ("waarna"): a capture there with no
    /// place of its own is of the place the clause before it was left ("trokken zich terug uit
    /// X, waarna het leger de stad binnentrok").
    #[serde(default)]
    pub then_clause: Vec<String>,
    /// Relative words that open an aside after a noun phrase in apposition ("Sjoesja, de stad
    /// die ..."), closed by the next comma.
    #[serde(default)]
    pub apposition_relatives: Vec<String>,
    /// Pronouns that stand for a place as the object of a clause ("toen zij het innamen", "when
    /// they seized it"): such a clause with no place of its own is about the place before it.
    #[serde(default)]
    pub object_pronouns: Vec<String>,
}

/// `[prepositions]`
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prepositions {
    pub agent: Vec<String>,
    pub source: Vec<String>,
    pub out: Vec<String>,
    pub recipient: Vec<String>,
    pub target: Vec<String>,
    pub of: Vec<String>,
    #[serde(rename = "for")]
    pub for_: Vec<String>,
    pub locative: Vec<String>,
    pub reference: Vec<String>,
    /// "tussen", "between": the two sides of a fight, neither named the holder.
    #[serde(default)]
    pub between: Vec<String>,
    /// "led by", "geleid door": the side named after it is the side itself, the description
    /// before it ("rebels") only says what it is.
    #[serde(default)]
    pub leader: Vec<String>,
    /// "rond", "around": also in `reference`; a fight around a place is a fight for it.
    #[serde(default)]
    pub around: Vec<String>,
    /// "volgens", "according to": the side after it is who tells, never who acts.
    #[serde(default)]
    pub speaker: Vec<String>,
}

/// `[modality]`
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModalityWords {
    pub expected: Vec<String>,
    pub hedged: Vec<String>,
    pub claimed: Vec<String>,
    /// Words of a forecast ("verwachting", "expect"): a future told with one is `expected`;
    /// a future a speaker tells with none ("X zegt dat het leger Y zal innemen") is a vow.
    #[serde(default)]
    pub forecast: Vec<String>,
}

/// `[partial]`
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartialWords {
    pub words: Vec<String>,
    pub remnant: Vec<String>,
    /// Nouns for a part of a town ("wijken", "centrum", "districts", "outskirts"): with a partial
    /// word and no place of their own they are a part of the town the article is about.
    #[serde(default)]
    pub parts: Vec<String>,
}

/// `[exception]`: the words that take a list of places out of the claim of their sentence (see
/// [`crate::extract::except`]): "De RSF heeft heel Darfur in handen, op El Fasher na".
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExceptionWords {
    /// Phrases right before the excepted places: "behalve", "met uitzondering van", "except for".
    #[serde(default)]
    pub before: Vec<String>,
    /// Phrases right before them that add a place instead when an `additive` word is in the
    /// sentence: "behalve", "apart from".
    #[serde(default)]
    pub besides: Vec<String>,
    /// Phrases right after them: "El Fasher uitgezonderd".
    #[serde(default)]
    pub after: Vec<String>,
    /// Circumfixes, written with one gap that holds only the excepted places: "op ... na".
    #[serde(default)]
    pub around: Vec<String>,
    /// Words the place list may hold besides places, articles, adjectives, "en" and commas:
    /// "op Kutum zelf na", "except the city itself".
    #[serde(default)]
    pub fillers: Vec<String>,
    /// Words that make a `besides` phrase add a place instead of excepting it:
    /// "Behalve El Fasher is ook Kadugli in handen van het leger", "apart from X, it also holds Y".
    #[serde(default)]
    pub additive: Vec<String>,
    /// Universal words before a town noun that refers back: "alle steden", "geen enkele stad",
    /// "every town" is the whole the exception is cut from, never one town named before.
    #[serde(default)]
    pub universal: Vec<String>,
    /// Number words of a counted exception whose places follow after a comma or colon: "alle
    /// steden op twee na: Sittwe en Kyaukphyu", "all but two towns, Sittwe and Kyaukphyu".
    #[serde(default)]
    pub counts: Vec<String>,
}

/// `[extent]`: the words that make a country name a place a claim is about (see
/// [`crate::extract::extent`]).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExtentWords {
    /// Nouns for land: "gebied", "grondgebied", "terrein", "territory" ("veroverde gebieden in
    /// Syrië": a part of Syria).
    #[serde(default)]
    pub areas: Vec<String>,
    /// Words right before a country that make it the whole country: "heel", "all of".
    #[serde(default)]
    pub whole: Vec<String>,
    /// Restrictive words: "In Syrië heeft IS alleen nog X in handen" (what is left there).
    #[serde(default)]
    pub only: Vec<String>,
}

/// `[areas]`: region phrases and regions named with who governs them (see
/// [`crate::extract::areas`]).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AreaWords {
    /// A word of region names (English, as `regions.geojson` names them: "desert", "valley") =
    /// the head nouns that name such land ("woestijngebied", "desert areas"). A head noun with the
    /// countries (or a border word and a country) of a region bearing that word names the region.
    #[serde(default)]
    pub features: BTreeMap<String, Vec<String>>,
    /// Words for a border: "grens", "border".
    #[serde(default)]
    pub border: Vec<String>,
    /// Words of self-rule: "autonome", "autonomous". A faction alias that is also a region's
    /// ("het autonome Koerdistan") with one of them says the faction governs the region.
    #[serde(default)]
    pub self_rule: Vec<String>,
    /// Nouns for a capital: "de Iraakse hoofdstad Bagdad" is held by that country's government.
    #[serde(default)]
    pub capital: Vec<String>,
    /// Adjectives that make a capital noun a region's ("the provincial capital"): it refers back
    /// to a town named before, not to the country's capital.
    #[serde(default)]
    pub region_capital: Vec<String>,
    /// The actor phrase of a country's government ("de regering"), a `[actors.by_country]` entry.
    #[serde(default)]
    pub government: String,
}

/// How an event cue assigns its roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Frame {
    Take,
    Fall,
    Lose,
    Hold,
    Siege,
    Contest,
}

impl Frame {
    /// Captures and losses are stronger evidence for a place than descriptions of a state.
    pub fn is_change(self) -> bool {
        matches!(self, Frame::Take | Frame::Fall | Frame::Lose)
    }
}

/// The role of an actor named right after a cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NextActor {
    Winner,
    Loser,
    Holder,
}

/// One `[[event]]` table.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventWords {
    pub frame: Frame,
    #[serde(default)]
    pub cues: Vec<String>,
    #[serde(default)]
    pub participles: Vec<String>,
    #[serde(default)]
    pub nouns: Vec<String>,
    #[serde(default)]
    pub next_actor: Option<NextActor>,
    #[serde(default)]
    pub event: Option<Outcome>,
}

/// A fixed outcome for a hold cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// The holder holds only part of the place.
    Partial,
    /// A possession told only by a noun phrase ("Raqqa, de hoofdstad van het kalifaat", "the
    /// IS capital Raqqa"): no claim unless an actor owns the noun.
    Possession,
    /// A hold a proclamation implies ("in Mosul riep IS het kalifaat uit", "declared Raqqa its
    /// capital"): the whole place, even after "in", held by the side the clause names.
    Proclaimed,
    /// A hold a flight implies ("IS-kopstukken zijn naar X gevlucht", "its leaders fled to X"):
    /// the place fled to (never the one fled from), held by the side that fled there.
    Refuge,
    /// A possession noun owned by a possessive pronoun ("haar hoofdstad X", "its capital X"):
    /// held by the side named last, when the sentence names no side before it.
    Owned,
    /// For a contest cue: entering ("pushed into", "drongen ... binnen"). On a part of the place
    /// (an extent) the side that entered holds that part; on the whole it is a fight.
    Entry,
    /// For a hold cue: a siege ended ("lifted their siege of X", "het beleg van X werd
    /// opgeheven"): the place is held by the side besieged, not by the besieger who is the
    /// subject; a passive's agent relieved it and holds it.
    Lifted,
    /// For a hold cue: holding out ("houdt stand in X", "holding out in X"): the whole place,
    /// even after "in" (a plain hold after "in" is a part: "holds positions in X"); a part
    /// only when a partial word says so ("holding out in the western districts of X").
    Holdout,
    /// For a hold cue: a bare verb of holding ("Sinds maart houden de rebellen X", "IS hield X
    /// tot augustus", "X wordt door Y gehouden"): a claim only on a place that is its object,
    /// with no preposition before it ("hield een parade in X" is no hold of X).
    Object,
    /// For a hold cue split around the side that holds ("in Oekraïense handen", "onder
    /// Russische controle", "under Kurdish control"): a hold by the side named in the gap; with
    /// no side there (a place, or nothing) the words are no claim.
    Hands,
    /// For a lose cue: a surrender ("gaf zich over aan X", "laid down their arms"): a loss by
    /// the side that surrenders, only when that side is named (a faction, an army or a fighters
    /// phrase), never by whoever surrenders to the police. Also a flight of a side's forces
    /// (`event = "flight"`: "Iraakse soldaten ontvluchtten de stad", "troops fled X"): a loss
    /// only when the side that fled is named, never by fleeing inhabitants.
    #[serde(alias = "flight")]
    Surrender,
}

/// A date unit for relative expressions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// `[dates]`
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateWords {
    pub months: BTreeMap<String, u8>,
    pub weekdays: BTreeMap<String, u8>,
    pub seasons: BTreeMap<String, [u8; 2]>,
    #[serde(default)]
    pub numbers: BTreeMap<String, u32>,
    #[serde(default)]
    pub units: BTreeMap<String, Unit>,
    pub patterns: BTreeMap<String, String>,
    /// Words that open a range of two dates ("van", "tussen", "from", "between").
    #[serde(default)]
    pub range_from: Vec<String>,
    /// Words between the two dates of a range ("tot", "en", "to", "and", "until").
    #[serde(default)]
    pub range_to: Vec<String>,
    /// Words opening a clause that takes the date before it ("toen", "when").
    #[serde(default)]
    pub when: Vec<String>,
    /// Words of the present ("nu", "inmiddels", "now"): a claim with one after an earlier date
    /// of its sentence is not dated by that date.
    #[serde(default)]
    pub now: Vec<String>,
}

/// Parses a lexicon file; syntax errors name the line.
pub fn parse(file: &str, text: &str) -> Result<LexiconFile, LexiconError> {
    toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(1, |s| line_of(text, s.start));
        LexiconError::Syntax { file: file.to_string(), line, message: e.message().to_string() }
    })
}

/// The 1-based line of byte offset `at`.
pub fn line_of(text: &str, at: usize) -> usize {
    text[..at.min(text.len())].matches('\n').count() + 1
}

/// The line where `phrase` first appears quoted in the file (1 when it cannot be found).
pub fn phrase_line(text: &str, phrase: &str) -> usize {
    text.find(&format!("\"{phrase}\"")).map_or(1, |at| line_of(text, at))
}

/// A plain hold: no fixed outcome, or holding out (which differs only after "in").
pub fn plain_hold(outcome: Option<Outcome>) -> bool {
    matches!(outcome, None | Some(Outcome::Holdout | Outcome::Object | Outcome::Hands))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_lexicons_parse() {
        for (name, text) in [
            ("nl.toml", include_str!("../../geodata/lang/nl.toml")),
            ("en.toml", include_str!("../../geodata/lang/en.toml")),
        ] {
            let parsed = parse(name, text).unwrap_or_else(|e| panic!("{e}"));
            assert!(!parsed.events.is_empty(), "{name}");
            assert!(parsed.dates.months.len() >= 12, "{name}");
        }
    }

    #[test]
    fn syntax_errors_name_the_line() {
        let e = parse("x.toml", "[language]\ncode = \"nl\"\nname = 3\n").unwrap_err();
        assert!(matches!(e, LexiconError::Syntax { line: 3, .. }), "{e}");
    }
}
