//! Claims told in a relative clause of a noun phrase in apposition to a place (issue 10, branches
//! `xsurr` and `xsiege2`): "Rawah, de laatste plaats die nog in handen was van IS", "El Obeid, de
//! hoofdstad van Noord-Kordofan die door de RSF wordt belegerd", "El Fasher, the capital of North
//! Darfur, which the RSF have besieged", "Singa, a town the RSF had held since June". The frame of
//! such a clause is about the place the noun phrase stands for.

use crate::extract::frames::{apposition_place, is_comma};
use crate::extract::language::class;
use crate::extract::mentions::Analysis;

/// How far before a hold cue the relative word of its clause may stand ("die nog in handen was",
/// "die de Houthi-rebellen sinds 2014 in handen hebben").
const RELATIVE_WINDOW: usize = 9;

/// A hold told in a relative clause of a noun in apposition is about the place the noun stands
/// for: "Rawah, de laatste plaats die nog in handen was van IS", "Jabrayil, a town that Armenian
/// forces had held since 1993". The noun phrase may be longer (branch `xsiege2`): "El Obeid, de
/// hoofdstad van Noord-Kordofan die ...", "Avdiivka, een industriestad ten noorden van Donetsk
/// die ...", "El Fasher, the capital of North Darfur, which ..."; or have no relative word: "Singa,
/// a town the RSF had held since June", "Rawa, de laatste plaats in handen van IS".
pub fn relative_of_apposition(an: &Analysis, cue_a: usize, framed: &[usize]) -> Option<usize> {
    let relative = (cue_a.saturating_sub(RELATIVE_WINDOW)..cue_a)
        .rev()
        .take_while(|&k| !is_comma(an, k))
        .find(|&k| an.class[k] & (class::RELATIVE | class::SUBORDINATOR) != 0);
    match relative {
        Some(k) => apposition_place(an, k).or_else(|| long_apposition_place(an, k, framed)),
        None => reduced_relative_place(an, cue_a, framed),
    }
}

/// "Het leger houdt stand in El Obeid, de hoofdstad van Noord-Kordofan die door de RSF wordt
/// belegerd": a cue after a relative word with no comma before it, in a noun phrase in
/// apposition to the place ending at `place_end`, is about that place only through the relative
/// clause: the clause's own frame takes the place, the relative's frame finds it afterwards.
pub fn in_relative_of_apposition(an: &Analysis, place_end: usize, cue_a: usize) -> bool {
    if cue_a <= place_end || cue_a - place_end > LONG_APPOSITION_WINDOW + RELATIVE_WINDOW {
        return false;
    }
    (place_end..cue_a).any(|r| {
        an.class[r] & (class::RELATIVE | class::SUBORDINATOR) != 0
            && !is_comma(an, r - 1)
            && (place_end..r).any(|k| is_comma(an, k))
    })
}

/// How many words a noun phrase in apposition may have when a relative clause follows it.
const LONG_APPOSITION_WINDOW: usize = 10;

/// The place a longer noun phrase ending at `at` (a relative word) stands in apposition to: the
/// phrase may name a place under a preposition and hold a noun that is no frame of its own
/// ("de hoofdstad van"); or two such phrases follow the place ("X, the capital of Y, which").
fn long_apposition_place(an: &Analysis, at: usize, framed: &[usize]) -> Option<usize> {
    let comma = (at.saturating_sub(LONG_APPOSITION_WINDOW)..at).rev().find(|&k| is_comma(an, k))?;
    if comma + 1 < at && !plain_noun_phrase(an, comma + 1, at, framed) {
        return None;
    }
    if let Some(i) = place_before_comma(an, comma, an.clause[at]) {
        return Some(i);
    }
    if comma + 1 < at {
        return None;
    }
    // "X, the capital of North Darfur, which": the relative word right after a second comma.
    let first = (comma.saturating_sub(LONG_APPOSITION_WINDOW)..comma).rev().find(|&k| is_comma(an, k))?;
    if !plain_noun_phrase(an, first + 1, comma, framed) {
        return None;
    }
    place_before_comma(an, first, an.clause[at])
}

/// "Singa, a town the RSF had held since June", "Rawa, de laatste plaats in handen van IS": a
/// hold cue inside a noun phrase in apposition, after its town noun and at most a side and an
/// auxiliary, is about the place the phrase stands for.
fn reduced_relative_place(an: &Analysis, cue_a: usize, framed: &[usize]) -> Option<usize> {
    let comma = (cue_a.saturating_sub(LONG_APPOSITION_WINDOW)..cue_a).rev().find(|&k| is_comma(an, k))?;
    let noun = class::TOWN_NOUN | class::GENERIC | class::INTRO;
    let head = (comma + 1..cue_a).find(|&k| an.class[k] & noun != 0)?;
    let lead = |k: usize| an.class[k] & (class::DET | class::SKIP | class::ARTICLE | class::INDEFINITE) != 0;
    let in_actor = |k: usize| an.actors.iter().any(|m| m.a <= k && k < m.b);
    let tail = |k: usize| in_actor(k) || an.class[k] & (class::BE | class::HAVE | class::DET | class::ARTICLE) != 0;
    let shaped = (comma + 1..head).all(lead) && (head + 1..cue_a).all(tail);
    if !shaped || framed.iter().any(|&c| an.cues[c].a > comma && an.cues[c].a < cue_a) {
        return None;
    }
    place_before_comma(an, comma, an.clause[cue_a])
}

/// The tokens `a..b` are a noun phrase in apposition: they start with an article or adjective
/// or a town noun, name no actor, no place except under a preposition ("ten noorden van
/// Donetsk", "in northern Burkina Faso"), and hold no cue that is a frame of its own.
fn plain_noun_phrase(an: &Analysis, a: usize, b: usize, framed: &[usize]) -> bool {
    let opening = class::DET | class::SKIP | class::ARTICLE | class::INDEFINITE | class::TOWN_NOUN | class::GENERIC;
    an.class[a] & opening != 0
        && !an.places.iter().any(|p| p.a >= a && p.a < b && !p.is_anaphora() && p.gov == 0)
        && !an.actors.iter().any(|m| m.a >= a && m.a < b)
        && !framed.iter().any(|&c| an.cues[c].a >= a && an.cues[c].a < b)
}

/// The place named right before the comma at `comma` (or before a date there: "Djibo on
/// Sunday, the town ..."), in `clause` or a clause before it.
fn place_before_comma(an: &Analysis, comma: usize, clause: u16) -> Option<usize> {
    let dated = |a: usize, b: usize| an.dates.iter().any(|d| d.a == a && d.b == b);
    an.places.iter().position(|p| {
        !p.is_anaphora() && an.clause[p.a] <= clause && (p.b == comma || (p.b < comma && dated(p.b, comma)))
    })
}
