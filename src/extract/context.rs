//! What an article has said so far: the last actor and place (for "zij" and "de stad"), who
//! holds each place and who attacks it, and the dated landmarks of the story (for undated events).

use std::collections::BTreeMap;

use crate::date::{Date, DateSpan};
use crate::model::{Event, Modality, PlaceKey};

/// How many sentences back "zij" or "de stad" may reach.
pub const REACH: u32 = 3;

/// How many recently named towns are remembered.
pub const RECENT_TOWNS: usize = 4;

/// A place the article has named.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceRef {
    pub key: PlaceKey,
    /// The name as written.
    pub written: String,
    pub country: String,
    pub sentence: u32,
}

impl PlaceRef {
    /// Makes this the place `key` written `written` in `sentence`, reusing its buffers.
    fn overwrite(&mut self, key: &PlaceKey, written: &str, country: &str, sentence: u32) {
        self.key.clone_from(key);
        self.written.clear();
        self.written.push_str(written);
        self.country.clear();
        self.country.push_str(country);
        self.sentence = sentence;
    }
}

/// The side `faction` stands for under the article's descriptions ([`Context::side_of`]).
fn side_in<'a>(described: &'a BTreeMap<String, String>, faction: &'a str) -> &'a str {
    described.get(faction).map_or(faction, String::as_str)
}

/// Remembers `side` as seen in `sentence`, keeping the allocated name when it is the same side.
fn remember_side(slot: &mut Option<(String, u32)>, side: &str, sentence: u32) {
    match slot {
        Some((name, seen)) if name == side => *seen = sentence,
        _ => *slot = Some((side.to_string(), sentence)),
    }
}

/// What the article has said about one place.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlaceState {
    pub holder: Option<String>,
    /// The side attacking or besieging it.
    pub attacker: Option<String>,
    /// The last capture told: by whom and when.
    pub capture: Option<(String, DateSpan)>,
    pub last: Option<Event>,
}

/// The discourse state of one article.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// The article's date (its marker, else its dateline, else `--date`).
    pub anchor: Option<DateSpan>,
    /// The article has no date marker and (so far) no dateline: its date, if any, is `--date`.
    pub undated: bool,
    /// The current sentence number.
    pub sentence: u32,
    last_actor: Option<(String, u32)>,
    /// The side of the subject of the last sentence that named a faction, for "zij", "they".
    last_subject: Option<(String, u32)>,
    /// How often each faction has been named.
    named: BTreeMap<String, u32>,
    last_place: Option<PlaceRef>,
    /// The last few towns named, oldest first (for "de stad" and "beide plaatsen").
    towns: Vec<PlaceRef>,
    /// How often each town was named as more than a landmark or destination, or referred to.
    mentions: BTreeMap<PlaceKey, u32>,
    /// Towns the article introduced with a word for a small place ("het stadje X", "the village
    /// of X"): "de stad" / "the city" is another town when there is one.
    small: Vec<PlaceKey>,
    states: BTreeMap<PlaceKey, PlaceState>,
    landmark: Option<DateSpan>,
    latest: Option<Date>,
    /// The article's front: the side last seen taking or attacking a place, and the side last
    /// seen losing or defending one.
    front_attacker: Option<String>,
    front_defender: Option<String>,
    /// Descriptions the article has tied to a side ("rebels led by HTS": rebels = HTS).
    described: BTreeMap<String, String>,
    /// The town a heading made of its name alone opened a passage about ("Raqqa" above a
    /// passage): "de stad" in that passage is that town when it was named recently.
    topic: Option<PlaceKey>,
    /// The year of the last date the article wrote with its year ("in 2014", "de zomer van
    /// 2014"): the historical frame a background event told without a date belongs to.
    named_year: Option<i32>,

    /// Claims left out while reading (sentence, reason), for the report.
    pub skipped: Vec<(u32, String)>,
}

/// The key under which [`Context::describe`] remembers a description whose side depends on the
/// country ("rebels led by HTS": the `[actors.by_country]` table of "rebels", by index).
pub fn by_country_key(table: u16) -> String {
    format!("by-country#{table}")
}

impl Context {
    /// The state at the start of an article dated `anchor`.
    pub fn new(anchor: Option<DateSpan>) -> Context {
        Context { anchor, ..Context::default() }
    }

    /// "Rebels led by HTS ... the rebels": a description the article has tied to a side names
    /// that side for the rest of the article.
    pub fn describe(&mut self, description: &str, side: &str) {
        if description != side {
            self.described.insert(description.to_string(), side.to_string());
        }
    }

    /// The side a description the article tied to one stands for ([`Context::describe`]).
    pub fn described_side(&self, description: &str) -> Option<&str> {
        self.described.get(description).map(String::as_str)
    }

    /// The descriptions whose side depends on the country that the article tied to a side, by
    /// table index ([`by_country_key`]), with that side.
    pub fn described_tables(&self) -> impl Iterator<Item = (u16, &str)> {
        self.described.iter().filter_map(|(key, side)| {
            let table = key.strip_prefix("by-country#")?.parse().ok()?;
            Some((table, side.as_str()))
        })
    }

    /// The side a faction found in the text stands for in this article.
    pub fn side_of<'a>(&'a self, faction: &'a str) -> &'a str {
        side_in(&self.described, faction)
    }

    /// The last actor named within [`REACH`] sentences.
    pub fn last_actor(&self) -> Option<&str> {
        self.last_actor.as_ref().filter(|(_, s)| self.sentence - s <= REACH).map(|(a, _)| a.as_str())
    }

    /// Counts a mention of a faction for its side ([`Context::side_of`]), without allocating
    /// when the side was counted before.
    pub fn count_side_of(&mut self, faction: &str) {
        let side = side_in(&self.described, faction);
        match self.named.get_mut(side) {
            Some(count) => *count += 1,
            None => {
                self.named.insert(side.to_string(), 1);
            }
        }
    }

    /// Remembers the side of a faction ([`Context::side_of`]) as the last actor named.
    pub fn set_side_of(&mut self, faction: &str) {
        remember_side(&mut self.last_actor, side_in(&self.described, faction), self.sentence);
    }

    /// Remembers the side of a sentence's subject ([`Context::side_of`]) for the pronouns of the
    /// next sentences; a sentence that names no faction keeps the one before.
    pub fn set_subject_of(&mut self, faction: Option<&str>) {
        if let Some(faction) = faction {
            remember_side(&mut self.last_subject, side_in(&self.described, faction), self.sentence);
        }
    }

    /// The subject of the last sentence that named one, within [`REACH`] sentences ("zij").
    pub fn last_subject(&self) -> Option<&str> {
        self.last_subject.as_ref().filter(|(_, s)| self.sentence - s <= REACH).map(|(a, _)| a.as_str())
    }

    /// Whether the article named `faction` before this sentence.
    pub fn was_named(&self, faction: &str) -> bool {
        self.named.contains_key(faction)
    }

    /// The faction the article names most (the first in id order on a tie): whose strongholds
    /// an article means when it does not say.
    pub fn main_actor(&self) -> Option<&str> {
        self.most_named_where(|_| true)
    }

    /// The faction the article names most among those `keep` accepts (the first in id order on
    /// a tie).
    pub fn most_named_where(&self, keep: impl Fn(&str) -> bool) -> Option<&str> {
        let most = self.named.iter().filter(|(f, _)| keep(f)).map(|(_, n)| *n).max()?;
        self.named.iter().find(|(f, n)| keep(f) && **n == most).map(|(f, _)| f.as_str())
    }

    /// The one faction the article named among those `keep` accepts; none when it named none
    /// or several.
    pub fn only_named_where(&self, keep: impl Fn(&str) -> bool) -> Option<&str> {
        let mut kept = self.named.keys().filter(|f| keep(f));
        let first = kept.next()?;
        kept.next().is_none().then_some(first.as_str())
    }

    /// The last place named within `reach` sentences.
    pub fn last_place(&self, reach: u32) -> Option<&PlaceRef> {
        self.last_place.as_ref().filter(|p| self.sentence - p.sentence <= reach)
    }

    /// Remembers the last place named (in the current sentence); the place remembered before
    /// lends its buffers (no allocation when the names fit).
    pub fn set_place(&mut self, key: &PlaceKey, written: &str, country: &str) {
        let sentence = self.sentence;
        match &mut self.last_place {
            Some(place) => place.overwrite(key, written, country, sentence),
            None => {
                let (written, country) = (written.to_string(), country.to_string());
                self.last_place = Some(PlaceRef { key: key.clone(), written, country, sentence });
            }
        }
    }

    /// Remembers a town the article named (the last [`RECENT_TOWNS`] are kept, each once). A town
    /// named again only moves to the end (no allocation: most names recur).
    pub fn note_town(&mut self, key: &PlaceKey, written: &str, country: &str) {
        let sentence = self.sentence;
        if let Some(at) = self.towns.iter().position(|t| &t.key == key) {
            let mut town = self.towns.remove(at);
            town.sentence = sentence;
            if town.written != written {
                town.written.clear();
                town.written.push_str(written);
            }
            self.towns.push(town);
            return;
        }
        let town = if self.towns.len() == RECENT_TOWNS {
            // The oldest town makes room, and its buffers hold the new one.
            let mut town = self.towns.remove(0);
            town.overwrite(key, written, country, sentence);
            town
        } else {
            PlaceRef { key: key.clone(), written: written.to_string(), country: country.to_string(), sentence }
        };
        self.towns.push(town);
    }

    /// Counts a mention of a town that is more than a landmark ("vanuit Azaz", "naar Sennar"),
    /// or a reference to it ("de stad").
    pub fn mention_town(&mut self, key: &PlaceKey) {
        // A town counted before is counted without cloning its key again.
        match self.mentions.get_mut(key) {
            Some(count) => *count += 1,
            None => {
                self.mentions.insert(key.clone(), 1);
            }
        }
    }

    /// Remembers that the article introduced a town as a small place ("het dorp X").
    pub fn note_small_town(&mut self, key: &PlaceKey) {
        if !self.small.contains(key) {
            self.small.push(key.clone());
        }
    }

    /// Whether the article introduced the town as a small place.
    pub fn is_small_town(&self, key: &PlaceKey) -> bool {
        self.small.contains(key)
    }

    /// A heading that is only a town's name opens a passage about that town.
    pub fn set_topic(&mut self, key: &PlaceKey) {
        self.topic = Some(key.clone());
    }

    /// The town of the passage's heading, if a heading named one.
    pub fn topic(&self) -> Option<&PlaceKey> {
        self.topic.as_ref()
    }

    /// How much the article is about a town so far: its mentions, and one more when a claim
    /// about it was told. "de stad" takes the town the article is about, not the last one named.
    pub fn salience(&self, key: &PlaceKey) -> u32 {
        self.mentions.get(key).copied().unwrap_or(0) + u32::from(self.states.contains_key(key))
    }

    /// The towns named within `reach` sentences, oldest first.
    pub fn recent_towns(&self, reach: u32) -> impl Iterator<Item = &PlaceRef> {
        self.towns.iter().filter(move |t| self.sentence - t.sentence <= reach)
    }

    /// A sentence that refers back to the last place ("de stad") keeps it current.
    pub fn refresh_place(&mut self) {
        let now = self.sentence;
        if let Some(place) = self.last_place.as_mut().filter(|p| now - p.sentence <= REACH) {
            place.sentence = now;
        }
        // The last town stays current too ("de stad" several sentences in a row).
        if let Some(town) = self.towns.last_mut().filter(|t| now - t.sentence <= REACH) {
            town.sentence = now;
        }
    }

    /// The country of the last place named, for actors such as "de Koerden".
    pub fn country(&self) -> Option<&str> {
        self.last_place.as_ref().map(|p| p.country.as_str()).filter(|c| !c.is_empty())
    }

    /// What the article has said about a place.
    pub fn state(&self, key: &PlaceKey) -> Option<&PlaceState> {
        self.states.get(key)
    }

    /// Who holds a place, as far as the article has said.
    pub fn holder(&self, key: &PlaceKey) -> Option<&str> {
        self.states.get(key).and_then(|s| s.holder.as_deref())
    }

    /// Notes who holds a place without a claim of its own (an implied holder).
    pub fn presume(&mut self, key: &PlaceKey, holder: &str) {
        self.states.entry(key.clone()).or_default().holder = Some(holder.to_string());
    }

    /// Notes who attacks a place without a claim of its own (the defender is not known).
    pub fn presume_attacker(&mut self, key: &PlaceKey, attacker: &str) {
        self.states.entry(key.clone()).or_default().attacker = Some(attacker.to_string());
        self.front_attacker = Some(attacker.to_string());
    }

    /// The side an attack or siege is aimed at when neither the sentence nor the place's own
    /// story names it: for an unnamed attacker, the side the article last showed losing or
    /// defending; for a named one, the side it was last seen fighting, else the faction the
    /// article names most besides it.
    pub fn opponent(&self, attacker: Option<&str>) -> Option<&str> {
        let (att, def) = (self.front_attacker.as_deref(), self.front_defender.as_deref());
        match attacker {
            None => def,
            Some(a) if def == Some(a) => att.filter(|x| *x != a),
            Some(a) => def.filter(|d| *d != a).or_else(|| self.most_named_besides(a)),
        }
    }

    /// The side the article last showed losing or defending a place.
    pub fn front_defender(&self) -> Option<&str> {
        self.front_defender.as_deref()
    }

    /// No defender seen yet: the side the article names most besides the one it last showed
    /// taking or attacking a place ("Russian units captured X ... fighting for Y has gone on").
    pub fn opposite_of_front_attacker(&self) -> Option<&str> {
        self.front_attacker.as_deref().and_then(|a| self.most_named_besides(a))
    }

    /// The side the article last showed taking or attacking a place.
    pub fn front_attacker(&self) -> Option<&str> {
        self.front_attacker.as_deref()
    }

    /// The faction the article names most, other than `side` (the first in id order on a tie).
    fn most_named_besides(&self, side: &str) -> Option<&str> {
        let mut best: Option<(&str, u32)> = None;
        for (faction, &n) in &self.named {
            if faction.as_str() != side && !matches!(best, Some((_, m)) if m >= n) {
                best = Some((faction.as_str(), n));
            }
        }
        best.map(|(faction, _)| faction)
    }

    /// Remembers who was attacking and who defending in a claim with both sides known.
    fn note_front(&mut self, attacker: Option<&str>, defender: Option<&str>) {
        if let Some(a) = attacker {
            self.front_attacker = Some(a.to_string());
        }
        if let Some(d) = defender {
            self.front_defender = Some(d.to_string());
        }
    }

    /// Updates the state with a claim. Expected events change nothing yet.
    pub fn record(
        &mut self,
        key: &PlaceKey,
        event: Event,
        holder: &str,
        other: Option<&str>,
        modality: Modality,
        date: Option<&DateSpan>,
    ) {
        if modality == Modality::Expected {
            return;
        }
        match event {
            Event::Captured => self.note_front(Some(holder), other),
            Event::Lost | Event::Besieged | Event::Contested => self.note_front(other, Some(holder)),
            Event::Holds | Event::Partial => {}
        }
        let state = self.states.entry(key.clone()).or_default();
        state.last = Some(event);
        match event {
            Event::Captured => {
                state.holder = Some(holder.to_string());
                state.attacker = None;
                state.capture = date.map(|d| (holder.to_string(), d.clone()));
            }
            Event::Lost => {
                state.holder = other.map(str::to_string);
                state.attacker = None;
            }
            Event::Holds | Event::Partial => state.holder = Some(holder.to_string()),
            Event::Besieged | Event::Contested => {
                state.holder = Some(holder.to_string());
                if let Some(other) = other {
                    state.attacker = Some(other.to_string());
                }
            }
        }
    }

    /// Remembers the year of a date written with its year.
    pub fn set_named_year(&mut self, year: i32) {
        self.named_year = Some(year);
    }

    /// The year of the last date the article wrote with its year, if any.
    pub fn named_year(&self) -> Option<i32> {
        self.named_year
    }

    /// Records a dated landmark of the story.
    pub fn landmark(&mut self, span: &DateSpan) {
        self.landmark = Some(span.clone());
        self.latest = Some(self.latest.map_or(span.end, |l| l.max(span.end)));
    }

    /// The last dated landmark before the current sentence.
    pub fn previous_landmark(&self) -> Option<&DateSpan> {
        self.landmark.as_ref()
    }

    /// A retrospective article tells a story that ended more than a year before its date: its
    /// present tense is historical, and undated events lie between the dates around them.
    pub fn retrospective(&self) -> bool {
        match (&self.anchor, self.latest) {
            (Some(anchor), Some(latest)) => latest.days_until(anchor.start) > 365,
            _ => false,
        }
    }
}
