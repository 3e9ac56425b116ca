//! Areas: regions named by what they are rather than by their name, and regions and capitals
//! named with the side that governs them.
//!
//! - **Region phrases**: a head noun naming a kind of land (`[areas] features`: "woestijn",
//!   "woestijngebieden", "desert areas") with the countries it lies in, or a border word and a
//!   country ("woestijngebieden in Oost-Syrië en West-Irak", "the desert along the border with
//!   Syria"), names the region of `regions.geojson` whose name bears that feature word ("Syria–Iraq
//!   border desert") and lies in those countries, when exactly one does. A town named in the
//!   phrase ("de woestijn bij Palmyra") makes it no region phrase.
//! - **Self-ruled regions**: a faction alias that is also a region's alias, written with a word of
//!   self-rule (`[areas] self_rule`: "de regering van de Koerdische autonome regio", "de
//!   strijdkrachten van het autonome Koerdistan", "the autonomous Kurdistan Region") is a
//!   noun-phrase possession: the faction holds the region.
//! - **Capitals**: a demonym, a capital noun and a town ("de Iraakse hoofdstad Bagdad", "the
//!   Ukrainian capital Kyiv") say the country's government holds the town: the faction the name
//!   itself stands for when it is also an actor alias ("Bagdad" = the Iraqi government), else the
//!   `[areas] government` phrase of `[actors.by_country]` for that country.

use crate::extract::context::{Context, PlaceRef};
use crate::extract::language::{ActorRef, Language, Payload, class};
use crate::extract::mentions::{Analysis, PlaceMention, Target};
use crate::extract::roles::{Draft, Sentence};
use crate::extract::timing::{self, Dating};
use crate::extract::tokens::PUNCT;
use crate::extract::towns;
use crate::model::{Event, Modality, PlaceKey, PlaceKind};
use crate::places::{Gazetteer, Hint, Resolution};

/// The `[areas]` words of a language, as vocabulary ids, and the regions each feature names.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AreaPhrases {
    /// Head noun → index into `features`.
    pub heads: Vec<(u32, u16)>,
    /// Per feature word: the regions whose name bears it (index into [`Language::regions`]),
    /// their countries, and whether the name says "border".
    pub features: Vec<Vec<FeatureRegion>>,
    pub border: Vec<u32>,
    pub self_rule: Vec<u32>,
    pub capital: Vec<u32>,
    /// Adjectives of a region's capital ("provincial"): see `Analysis::capital_references`.
    pub region_capital: Vec<u32>,
    /// The `[actors.by_country]` table of the government phrase, if the lexicon names one.
    pub government: Option<u16>,
}

/// A region a feature word can name.
#[derive(Debug, Clone, PartialEq)]
pub struct FeatureRegion {
    pub region: u16,
    pub countries: Vec<String>,
    pub border: bool,
}

impl AreaPhrases {
    /// The regions of the world whose English name bears `feature` ("desert").
    pub fn regions_with(gazetteer: &Gazetteer, feature: &str) -> Vec<FeatureRegion> {
        let feature = feature.to_lowercase();
        let words = |name: &str| name.to_lowercase().split(|c: char| !c.is_alphanumeric()).any(|w| w == feature);
        gazetteer
            .regions
            .iter()
            .enumerate()
            .filter(|(_, r)| words(&r.name))
            .map(|(i, r)| FeatureRegion {
                region: i as u16,
                countries: r.country.split('+').map(|c| c.trim().to_ascii_uppercase()).collect(),
                border: r.name.to_lowercase().split(|c: char| !c.is_alphanumeric()).any(|w| w == "border"),
            })
            .collect()
    }

    fn feature_of(&self, id: u32) -> Option<u16> {
        self.heads.iter().find(|&&(w, _)| w == id).map(|&(_, f)| f)
    }
}

/// How far after its head noun a region phrase may name its countries, in words.
const FEATURE_WINDOW: usize = 8;

/// Adds a region mention for every head noun of a feature whose phrase names the countries (or a
/// border and a country) of exactly one region bearing that feature.
pub fn feature_regions(an: &mut Analysis, lang: &Language) {
    let phrases = &lang.areas;
    // Most sentences name no feature noun: one look at the sentence's word set skips them.
    if !phrases.heads.iter().any(|&(w, _)| an.has_word(w)) {
        return;
    }
    let n = an.len();
    for k in 0..n {
        let Some(feature) = phrases.feature_of(an.tokens.list[k].id) else { continue };
        if an.places.iter().any(|p| p.a <= k && k < p.b) {
            continue;
        }
        let Some((last, named, border)) = phrase_after(an, lang, k) else { continue };
        let fits = |r: &&FeatureRegion| {
            let inside = named.iter().all(|c| r.countries.contains(c));
            let all = r.countries.iter().all(|c| named.contains(c));
            inside && (all || r.border && border)
        };
        let mut found = phrases.features[feature as usize].iter().filter(fits);
        let (Some(region), None) = (found.next(), found.next()) else { continue };
        let (id, country) = &lang.regions[region.region as usize];
        let key = PlaceKey { kind: PlaceKind::Region, id: id.as_str().into() };
        let a = if k > 0 && an.class[k - 1] & class::DET != 0 { k - 1 } else { k };
        an.places.push(PlaceMention {
            a,
            b: last + 1,
            target: Target::Place(towns::area(key, country.clone(), None)),
            gov: 0,
            hint: None,
            topical: false,
            site: None,
        });
    }
}

/// The countries and border word named after the head noun at `k`, in its clause and before a
/// comma: (the last token used, the country codes, whether a border word is among them). `None`
/// when a town or another place is named there, or no country is.
fn phrase_after(an: &Analysis, lang: &Language, k: usize) -> Option<(usize, Vec<String>, bool)> {
    let mut named: Vec<String> = Vec::new();
    let mut border = false;
    let mut last = k;
    for j in k + 1..an.len().min(k + 1 + FEATURE_WINDOW) {
        if an.clause[j] != an.clause[k] || an.tokens.list[j].is(PUNCT) {
            break;
        }
        if let Some(p) = an.places.iter().find(|p| p.a <= j && j < p.b) {
            if matches!(&p.target, Target::Place(f) if f.key.kind == PlaceKind::Region) {
                break;
            }
            return None;
        }
        if lang.areas.border.contains(&an.tokens.list[j].id) {
            border = true;
            last = j;
        } else if an.class[j] & (class::COUNTRY | class::DEMONYM) != 0
            && let Some(code) = an.country[j].and_then(|c| an.country_code(c))
        {
            if !named.iter().any(|n| n == code) {
                named.push(code.to_string());
            }
            last = j;
        }
    }
    (!named.is_empty()).then_some((last, named, border))
}

/// Whether the sentence may hold a self-ruled region or a capital with its government, so that
/// it is worth drafting claims even when it has no event frame (a cheap test on word ids).
pub fn names_a_holder(an: &Analysis, lang: &Language) -> bool {
    let words = &lang.areas;
    let any = |list: &[u32]| list.iter().any(|&w| an.has_word(w));
    (!an.actors.is_empty() && any(&words.self_rule)) || any(&words.capital)
}

/// A `holds` draft for every self-ruled region named in an actor phrase of the sentence.
pub fn self_rule_drafts(s: &Sentence, ctx: &Context) -> Vec<Draft> {
    let an = s.an;
    let self_rule = &s.lang.areas.self_rule;
    let mut out: Vec<Draft> = Vec::new();
    if self_rule.is_empty() {
        return out;
    }
    for m in &an.actors {
        let ActorRef::Faction(f) = m.actor else { continue };
        let ruled = (m.a.saturating_sub(2)..m.b).any(|k| self_rule.contains(&an.tokens.list[k].id));
        if !ruled {
            continue;
        }
        let Some((a, b, region)) = region_inside(s, m.a, m.b) else { continue };
        let (id, country) = &s.lang.regions[region as usize];
        let key = PlaceKey { kind: PlaceKind::Region, id: id.as_str().into() };
        if out.iter().any(|d| d.place.key == key) {
            continue;
        }
        let written = s.text[an.tokens.list[a].start - s.base..an.tokens.list[b - 1].end - s.base].to_string();
        let place = PlaceRef { key, written, country: country.clone(), sentence: ctx.sentence };
        let holder = s.lang.factions[f as usize].clone();
        out.push(possession(
            s,
            ctx,
            place,
            holder,
            (m.a, m.b),
            "noun phrase: a self-ruled region governed by the side",
        ));
    }
    out
}

/// The region alias inside tokens `a..b`: its span and region.
fn region_inside(s: &Sentence, a: usize, b: usize) -> Option<(usize, usize, u16)> {
    let an = s.an;
    (a..b).find_map(|j| {
        let (len, entries) = s.lang.trie.longest(&an.tokens, j, b)?;
        entries.iter().find_map(|e| match e.payload {
            Payload::Region(r) => Some((j, j + len, r)),
            _ => None,
        })
    })
}

/// A `holds` draft for every town after a demonym and a capital noun ("de Iraakse hoofdstad
/// Bagdad"), held by that country's government.
pub fn capital_drafts(s: &Sentence, ctx: &Context) -> Vec<Draft> {
    let an = s.an;
    let capital = &s.lang.areas.capital;
    let mut out: Vec<Draft> = Vec::new();
    if capital.is_empty() {
        return out;
    }
    for k in 1..an.len().saturating_sub(1) {
        if !capital.contains(&an.tokens.list[k].id) {
            continue;
        }
        let Some(code) = demonym_before(an, k) else { continue };
        let Some((place, actor)) = capital_named(s, k + 1, code, ctx) else { continue };
        let holder = match actor {
            Some(f) => Some(s.lang.factions[f as usize].clone()),
            None => s.lang.areas.government.and_then(|g| s.lang.by_country[g as usize].get(code).cloned()),
        };
        let Some(holder) = holder else { continue };
        if out.iter().any(|d| d.place.key == place.key) {
            continue;
        }
        let end = an.places.iter().find(|p| p.a == k + 1).map_or(k + 2, |p| p.b);
        out.push(possession(
            s,
            ctx,
            place,
            holder,
            (k - 1, end),
            "noun phrase: the capital, held by its country's government",
        ));
    }
    out
}

/// The country of a demonym right before token `k` (over skipped adjectives).
fn demonym_before(an: &Analysis, k: usize) -> Option<&str> {
    let mut j = k;
    while j > 0 && k - j < 3 {
        j -= 1;
        if an.class[j] & class::DEMONYM != 0 {
            return an.country[j].and_then(|c| an.country_code(c));
        }
        if an.class[j] & class::SKIP == 0 {
            return None;
        }
    }
    None
}

/// The town named at token `at`, in country `code`: a place mention, or an actor alias that is
/// also that country's town ("Bagdad"), with the faction the alias names.
fn capital_named(s: &Sentence, at: usize, code: &str, ctx: &Context) -> Option<(PlaceRef, Option<u16>)> {
    let an = s.an;
    let span =
        |a: usize, b: usize| s.text[an.tokens.list[a].start - s.base..an.tokens.list[b - 1].end - s.base].to_string();
    if let Some(p) = an.places.iter().find(|p| p.a == at) {
        let Target::Place(found) = &p.target else { return None };
        if found.key.kind != PlaceKind::Town || !found.country.eq_ignore_ascii_case(code) {
            return None;
        }
        let place = PlaceRef {
            key: found.key.clone(),
            written: span(p.a, p.b),
            country: found.country.clone(),
            sentence: ctx.sentence,
        };
        return Some((place, None));
    }
    let m = an.actors.iter().find(|m| m.a == at)?;
    let ActorRef::Faction(f) = m.actor else { return None };
    let written = span(m.a, m.b);
    let Resolution::Found { key, .. } = s.gazetteer.resolve(&written, &Hint { country: Some(code.to_string()) }) else {
        return None;
    };
    let town = s.gazetteer.town(&key.id)?;
    if key.kind != PlaceKind::Town || !town.country.eq_ignore_ascii_case(code) {
        return None;
    }
    let country = town.country.clone();
    Some((PlaceRef { key, written, country, sentence: ctx.sentence }, Some(f)))
}

/// A `holds` row of the writer's own description: `fact`, dated as the sentence dates it.
fn possession(s: &Sentence, ctx: &Context, place: PlaceRef, holder: String, span: (usize, usize), note: &str) -> Draft {
    let mut draft = Draft {
        place,
        holder,
        other: None,
        event: Event::Holds,
        modality: Modality::Fact,
        date: s.date_for(span.0, ctx),
        date_from: None,
        notes: vec![note.into()],
        confidence: 0.6,
        cues: vec![span],
        span,
        dating: Dating::Unresolved(String::new()),
        past: false,
        ended_here: false,
    };
    draft.dating = timing::settle(&draft, s.an, ctx);
    draft
}
