//! Sieges whose defender nobody names (branch `xsiege`, issue 10): "De RSF hebben El Fasher
//! omsingeld", "Babanusa is ingesloten door de RSF", "JNIM has kept the town under blockade".
//! News names the besieger and leaves the besieged side to the reader, who knows whose town it
//! is. When neither the sentence, the place's story nor the article's front names a defender,
//! the defender is the government side of the place's country, as the lexicon's country tables
//! name it ("het leger", "the army" in Sudan is the SAF), unless that is the besieger itself,
//! and, in Syria or Iraq, only when the sentence or the article names that side somewhere (a
//! relative clause, a garrison): there a besieged town is as often held by a militia as by the
//! government. Elsewhere (Sudan, the Sahel, Ukraine, Myanmar, Yemen) a town besieged by a side
//! that is not the government is the government's (branch `xsiege2`).

use std::collections::BTreeMap;

use crate::extract::language::Language;

/// The government side of `country`: the faction the lexicon's widest country table maps it to
/// (the tables of "het leger", "regeringstroepen", "the army", "government forces" list every
/// country with a government side; narrower ones, "de Koerden" or "Wagner", list a few). None
/// when no table names the country.
pub fn government_side<'a>(lang: &'a Language, country: &str) -> Option<&'a str> {
    government_table(lang)?.get(country).map(String::as_str)
}

/// The lexicon's widest country table, the one of the government sides ([`government_side`]).
fn government_table(lang: &Language) -> Option<&BTreeMap<String, String>> {
    lang.by_country.iter().max_by_key(|table| table.len())
}

/// The defender of a siege by `attacker` of a place in `country` when nothing else names it: the
/// country's government side, when it is not the attacker (a government encircling a town of its
/// own country leaves the defender unknown).
pub fn presumed_defender<'a>(lang: &'a Language, country: &str, attacker: &str) -> Option<&'a str> {
    government_side(lang, country).filter(|side| *side != attacker)
}

/// Countries whose towns many armed sides hold, so that a besieged town there is as often a
/// militia's as the government's: the presumed defender must be named in the sentence or the
/// article before (ISO codes as the lexicon's country tables write them).
const MANY_SIDED: [&str; 2] = ["SY", "IQ"];

/// Whether a siege in `country` needs its presumed defender named before it is presumed.
pub fn defender_must_be_named(country: &str) -> bool {
    MANY_SIDED.contains(&country)
}

/// Whether `side` is the government side of a country other than `country` (the Malian army
/// defending a town in Burkina Faso): an article's defender carried over to a town abroad.
pub fn foreign_government(lang: &Language, side: &str, country: &str) -> bool {
    government_table(lang).is_some_and(|table| table.values().any(|s| s == side))
        && government_side(lang, country) != Some(side)
}

/// Whether `side` is the government side of some country (a state's army, not a group).
pub fn is_government(lang: &Language, side: &str) -> bool {
    government_table(lang).is_some_and(|table| table.values().any(|s| s == side))
}
