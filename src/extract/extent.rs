//! Extent: claims about a country, in part or as a whole, and provinces named with their noun.
//!
//! A country name is a place a claim is about only when the sentence says how much of it: a part
//! ("bijna een derde van Irak", "delen van Syrië", "most of Iraq"), land in it ("gebieden
//! veroverd in Syrië", "het gebied dat IS in Syrië controleert", "losing ground in Syria"), what
//! is left there ("In Syrië heeft IS alleen nog X in handen"), or the whole ("heel Irak is vrij
//! van IS", "all of Iraq"). Elsewhere ("het Iraakse leger", "de strijd in Syrië", "Mosul in
//! Irak") it only hints at the country of the towns around it. A part is `partial` for the side
//! the frame gives it to (the taker, the side losing ground, the holder); the whole only as a
//! loss. Provinces: "de regio Deir Ezzour", "de provincie Raqqa", "Deir ez-Zor province" name
//! the region of `geodata/regions.geojson` when it has that name, not the town.

use crate::extract::language::{Language, class, prep};
use crate::extract::mentions::{Analysis, PlaceMention, Target};
use crate::extract::tokens::{CAP, PUNCT};
use crate::extract::towns::{self, Found};
use crate::model::{Event, PlaceKey, PlaceKind};
use crate::places::countries;
use crate::places::{Gazetteer, Hint, Resolution};

/// The `[extent]` phrases of a language, each as its words' vocabulary ids.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExtentPhrases {
    pub areas: Vec<Vec<u32>>,
    pub whole: Vec<Vec<u32>>,
    pub only: Vec<Vec<u32>>,
}

/// How much of a country a mention covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extent {
    Part,
    Whole,
}

/// How far an area noun may stand from the country it bears on, in words.
const AREA_WINDOW: usize = 6;
/// How far a partial word ("een derde van") may stand before the country, in words.
const PART_WINDOW: usize = 5;
/// The longest country name tried outside the lexicon, in words.
const MAX_COUNTRY_WORDS: usize = 3;

/// The event a claim about a country keeps: any claim on a part is `partial` (a siege of a
/// country is no claim); the whole country only as a loss ("free of IS").
pub fn country_event(extent: Extent, event: Event) -> Option<Event> {
    match (extent, event) {
        (Extent::Whole, Event::Lost) => Some(Event::Lost),
        (Extent::Whole, _) | (Extent::Part, Event::Besieged) => None,
        (Extent::Part, _) => Some(Event::Partial),
    }
}

/// A country named in the sentence: tokens `a..b` and its code.
struct Named {
    a: usize,
    b: usize,
    code: &'static str,
}

/// Adds a place mention for every country name whose extent the sentence states, and records
/// the extent in [`Analysis::extents`]. Runs after the prepositions are known.
pub fn country_mentions(an: &mut Analysis, lang: &Language) {
    let named = countries_named(an, lang);
    // The last licensed country: one joined to it by "en" or a comma shares its extent.
    let mut last: Option<(usize, Extent, u16, bool)> = None;
    for c in named {
        let coordinated = last.filter(|&(b, ..)| joined(an, b, c.a));
        let licence = match coordinated {
            Some((_, extent, gov, topical)) => Some((extent, gov, topical)),
            None => licence(an, lang, c.a, c.b),
        };
        let Some((extent, gov, topical)) = licence else {
            last = None;
            continue;
        };
        let found = towns::area(PlaceKey { kind: PlaceKind::Country, id: c.code.into() }, c.code.to_string(), None);
        // Named as a place with an extent ("gebieden in Oekraïne"), it is not the side.
        an.actors.retain(|m| (m.a, m.b) != (c.a, c.b));
        an.places.push(PlaceMention {
            a: c.a,
            b: c.b,
            target: Target::Place(found),
            gov,
            hint: None,
            topical,
            site: None,
        });
        an.extents.push((c.a, extent));
        last = Some((c.b, extent, gov, topical));
    }
}

/// How many words may stand between two joined country names ("niet in Syrië en ook niet
/// meer in Irak").
const JOIN_WINDOW: usize = 6;

/// Two country names in one clause joined by "en", "of" or a comma, with only function words,
/// negations and locative prepositions between them ("in Syrië en Irak", "in Syria and in Iraq").
fn joins(an: &Analysis, k: usize) -> bool {
    an.class[k] & class::COORD != 0 || an.tokens.fold(k) == ","
}

fn joined(an: &Analysis, prev_end: usize, a: usize) -> bool {
    if a <= prev_end || a - prev_end > JOIN_WINDOW || an.clause[prev_end - 1] != an.clause[a] {
        return false;
    }
    let filler = |k: usize| {
        joins(an, k)
            || an.class[k] & (class::STOP | class::NEGATION | class::SKIP) != 0
            || an.prep[k] & prep::LOCATIVE != 0
    };
    (prev_end..a).all(|k| filler(k) && an.clause[k] == an.clause[a]) && (prev_end..a).any(|k| joins(an, k))
}

/// Country names: lexicon country words, else a capitalised run that names a country of the
/// world table ("Libië", "Yemen"); none inside an actor phrase or a place already found.
fn countries_named(an: &Analysis, lang: &Language) -> Vec<Named> {
    let n = an.len();
    // A country that is also a faction's name ("Oekraïne") may be either: the extent decides.
    let taken = |a: usize, b: usize| {
        an.actors.iter().any(|m| m.a < b && a < m.b && (m.a, m.b) != (a, b))
            || an.places.iter().any(|p| p.a < b && a < p.b)
    };
    let mut out = Vec::new();
    let mut k = 0;
    while k < n {
        let found = lexicon_country(an, k).or_else(|| world_country(an, lang, k));
        match found {
            Some((b, code)) if !taken(k, b) => {
                out.push(Named { a: k, b, code });
                k = b;
            }
            _ => k += 1,
        }
    }
    out
}

fn lexicon_country(an: &Analysis, k: usize) -> Option<(usize, &'static str)> {
    if an.class[k] & class::COUNTRY == 0 {
        return None;
    }
    let index = an.country[k]?;
    let mut b = k + 1;
    while b < an.len() && an.class[b] & class::COUNTRY != 0 && an.country[b] == Some(index) {
        b += 1;
    }
    let code = countries::by_code(an.country_code(index)?)?.code;
    Some((b, code))
}

fn world_country(an: &Analysis, lang: &Language, k: usize) -> Option<(usize, &'static str)> {
    let word = |j: usize| an.tokens.list[j].is(CAP) && !an.tokens.list[j].is(PUNCT);
    // A word of the vocabulary was asked once, when the language was compiled.
    let starts_a_name = || {
        lang.starts_country_name(an.tokens.list[k].id).unwrap_or_else(|| countries::starts_a_name(an.tokens.fold(k)))
    };
    if !word(k) || !starts_a_name() {
        return None;
    }
    let longest = MAX_COUNTRY_WORDS.min(an.len() - k);
    let mut name = String::new();
    (1..=longest).rev().find_map(|len| {
        if !(k..k + len).all(word) {
            return None;
        }
        name.clear();
        for j in k..k + len {
            if j > k {
                name.push(' ');
            }
            name.push_str(an.tokens.fold(j));
        }
        countries::named_folded(&name).map(|c| (k + len, c.code))
    })
}

/// Whether the words ending right before `at` (or starting at it, with `after`) are `phrase`.
fn ends_at(an: &Analysis, phrase: &[u32], at: usize) -> bool {
    at >= phrase.len() && (0..phrase.len()).all(|i| an.tokens.list[at - phrase.len() + i].id == phrase[i])
}

/// The extent a sentence gives the country at `a..b`, with the governor and topicality its
/// mention gets: `None` when the country is only named.
fn licence(an: &Analysis, lang: &Language, a: usize, b: usize) -> Option<(Extent, u16, bool)> {
    let phrases = &lang.extent;
    // "heel Irak", "all of Iraq": the role is that of the phrase before the whole word.
    if let Some(w) = phrases.whole.iter().find(|w| ends_at(an, w, a)) {
        return Some((Extent::Whole, an.governor(a - w.len(), true).0, false));
    }
    // "een derde van Irak", "parts of Syria": a partial word and "van"/"of" before it.
    let of = a >= 1 && an.prep[a - 1] & prep::OF != 0;
    if of
        && let Some(&(k, _)) = an
            .partial
            .iter()
            .find(|&&(k, remnant)| !remnant && k < a && a - k <= PART_WINDOW && an.clause[k] == an.clause[a])
    {
        return Some((Extent::Part, an.governor(k, true).0, false));
    }
    let locative = a >= 1 && an.prep[a - 1] & prep::LOCATIVE != 0;
    if !locative {
        return None;
    }
    let opens_clause = a == 1 || an.clause[a - 2] != an.clause[a - 1] || an.tokens.list[a - 2].is(PUNCT);
    if area_before(an, lang, a) || opens_clause && area_after(an, lang, b) {
        // "gebieden veroverd in Syrië": "in" belongs to the area, the country is the frame's object.
        return Some((Extent::Part, 0, false));
    }
    // "In Syrië heeft IS alleen nog X in handen": what is left there is a part of the country.
    let clause = an.clause[a];
    let only = (b..an.len())
        .take_while(|&k| an.clause[k] == clause)
        .any(|k| phrases.only.iter().any(|o| ends_at(an, o, k + 1)));
    (opens_clause && only).then_some((Extent::Part, an.prep[a - 1], true))
}

/// A land noun before "in <country>" in its clause, within [`AREA_WINDOW`] words and with no
/// other place between; or at the end of the clause before, when a relative word opens the
/// country's clause ("het gebied dat de groep in Syrië controleert").
fn area_before(an: &Analysis, lang: &Language, a: usize) -> bool {
    let clause = an.clause[a];
    let start = a.saturating_sub(AREA_WINDOW + 1);
    (start..a - 1).rev().any(|end| {
        let Some(area) = lang.extent.areas.iter().find(|w| ends_at(an, w, end + 1)) else {
            return false;
        };
        let first = end + 1 - area.len();
        let between_place = an.places.iter().any(|p| first < p.a && p.b <= a);
        let same = an.clause[end] == clause;
        let relative = end + 1 < a
            && an.clause[end + 1] == clause
            && an.clause[end] + 1 == clause
            && an.class[end + 1] & (class::RELATIVE | class::SUBORDINATOR) != 0;
        (same || relative) && !between_place
    })
}

/// A land noun after a country that opens its clause ("In Syrië wordt grondgebied
/// teruggewonnen"), within [`AREA_WINDOW`] words.
fn area_after(an: &Analysis, lang: &Language, b: usize) -> bool {
    let Some(clause) = (b > 0).then(|| an.clause[b - 1]) else {
        return false;
    };
    (b..(b + AREA_WINDOW).min(an.len()))
        .take_while(|&k| an.clause[k] == clause)
        .any(|k| lang.extent.areas.iter().any(|w| ends_at(an, w, k + 1)))
}

/// "de regio Deir Ezzour", "de provincie Raqqa", "the province of Raqqa", "Deir ez-Zor province":
/// a town name with a region noun before or after it names the region of that name, when the
/// gazetteer has one. A town name after a region noun with no region of that name ("de
/// deelstaat Sennar") names a province the gazetteer lacks, not the town: no place.
pub fn provinces(an: &mut Analysis, lang: &Language, gazetteer: &Gazetteer, text: &str, base: usize) {
    let n = an.len();
    let mut unknown_provinces = Vec::new();
    for index in 0..an.places.len() {
        let (a, b) = (an.places[index].a, an.places[index].b);
        let town = match &an.places[index].target {
            Target::Place(found) => found.key.kind == PlaceKind::Town,
            Target::Ambiguous(..) => true,
            _ => false,
        };
        let noun = |k: usize| an.class[k] & class::REGION_NOUN != 0 && !lang.lesser_region_nouns.has(&an.tokens, k);
        // "de provincie Raqqa", "the province of Raqqa"
        let before = a > 0 && noun(a - 1) || a > 1 && an.prep[a - 1] & prep::OF != 0 && noun(a - 2);
        let after = b < n && noun(b) && !an.tokens.list[b].is(CAP);
        if !town || !(before || after) {
            continue;
        }
        let name = &text[an.tokens.list[a].start - base..an.tokens.list[b - 1].end - base];
        let Some(found) = region_named(gazetteer, name) else {
            if before {
                unknown_provinces.push(index);
            }
            continue;
        };
        an.places[index].target = Target::Place(found);
        if after && !before {
            an.places[index].b = b + 1;
        }
    }
    for index in unknown_provinces.into_iter().rev() {
        an.places.remove(index);
    }
}

/// The region a province named `name` is, by the spellings regions carry.
fn region_named(gazetteer: &Gazetteer, name: &str) -> Option<Found> {
    let forms = [
        format!("{name} Governorate"),
        format!("{name} Province"),
        format!("provincie {name}"),
        format!("gouvernement {name}"),
    ];
    forms.iter().find_map(|form| match gazetteer.resolve(form, &Hint::default()) {
        Resolution::Found { key, .. } if key.kind == PlaceKind::Region => {
            let country = gazetteer.region(&key.id).map_or(String::new(), |r| r.country.clone());
            Some(towns::area(key, country, None))
        }
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_of_a_country_is_partial_and_the_whole_only_a_loss() {
        let table = [
            (Extent::Part, Event::Captured, Some(Event::Partial)),
            (Extent::Part, Event::Holds, Some(Event::Partial)),
            (Extent::Part, Event::Lost, Some(Event::Partial)),
            (Extent::Part, Event::Contested, Some(Event::Partial)),
            (Extent::Part, Event::Besieged, None),
            (Extent::Whole, Event::Lost, Some(Event::Lost)),
            (Extent::Whole, Event::Captured, None),
            (Extent::Whole, Event::Holds, None),
        ];
        for (extent, event, want) in table {
            assert_eq!(country_event(extent, event), want, "{extent:?} {event:?}");
        }
    }
}
