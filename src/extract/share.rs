//! A second frame about the place of the clause before it (branch `cclauses`, issue 10): a
//! subordinate or coordinated clause that names no place of its own but has a pronoun for one
//! as its object ("Hamas had X jarenlang in handen, tot het leger het innam", "De RSF had X
//! sinds juni in handen, toen de paramilitairen het veroverden", "had held X since 2016, when it
//! drove the rebels out of it") is about the place the clause before it is about. A place
//! belongs to one frame in [`crate::extract::frames`]; this pass lets it be shared only where
//! the grammar says so: a clause opened by a subordinator or break word, an object pronoun in
//! it, and no place, site or part noun of its own ("but JNIM controls most of the surrounding
//! countryside" stays without one).

use crate::extract::frames::{Frame, FramePlace};
use crate::extract::language::{Form, Language, class, prep};
use crate::extract::mentions::Analysis;
use crate::extract::tokens::PUNCT;

/// Gives each frame with no place, in a clause with an object pronoun for a place, the place
/// a frame of the clause before it took.
pub fn places_of_clause_before(an: &Analysis, lang: &Language, frames: &mut [Frame]) {
    if lang.object_pronouns.is_empty() || an.places.is_empty() {
        return;
    }
    for t in 0..frames.len() {
        let f = &frames[t];
        if !f.places.is_empty() || f.possessive || an.cues[f.cue].form == Form::Noun {
            continue;
        }
        let Some(first) = connected_clause_start(an, f.clause) else { continue };
        if clause_names_a_place(an, f.clause) || !has_object_pronoun(an, lang, f, first) {
            continue;
        }
        if let Some(place) = place_before(an, frames, first) {
            frames[t].places.push(place);
        }
    }
}

/// The first token of `clause` when a subordinator, a break word or a relative word opens it
/// and it is not the sentence's first clause.
fn connected_clause_start(an: &Analysis, clause: u16) -> Option<usize> {
    let first = an.clause_start(clause)?;
    let opener = class::SUBORDINATOR | class::BREAK | class::COORD | class::RELATIVE;
    (first > 0 && an.class[first] & opener != 0).then_some(first)
}

/// Whether the clause names a place, refers to one ("de stad", "daar") or names a site or a
/// part: then its frames have their own.
fn clause_names_a_place(an: &Analysis, clause: u16) -> bool {
    an.places.iter().any(|p| an.clause[p.a] == clause)
        || (0..an.len()).any(|k| an.clause[k] == clause && an.class[k] & (class::SITE | class::REGION_NOUN) != 0)
        || an.partial.iter().any(|&(k, _)| an.clause[k] == clause)
}

/// An `object_pronouns` word of the frame's clause that is not its first word after the
/// opener (the subject stands there) and not part of a side, a place or a date, with no noun
/// after it, so no article ("tot het leger het in februari innam", "verloor het in mei",
/// "seized it", "drove the rebels out of it"; not "beheerst het platteland"), and not after a
/// preposition that locates something else by it ("the trade zone just outside it", "in het
/// westen").
fn has_object_pronoun(an: &Analysis, lang: &Language, f: &Frame, first: usize) -> bool {
    let cue = &an.cues[f.cue];
    (first + 2..an.len()).take_while(|&k| an.clause[k] == f.clause).any(|k| {
        let word = an.tokens.fold(k);
        if !lang.object_pronouns.iter().any(|w| w == word) || covered(an, k) {
            return false;
        }
        (k >= cue.end || k < cue.a) && not_located(an, k) && no_noun_after(an, k)
    })
}

/// Whether a pronoun at `k` is the place itself: no preposition before it, or one of the place
/// taken or left ("out of it", "uit", "van").
fn not_located(an: &Analysis, k: usize) -> bool {
    let gov = an.prep[k - 1];
    gov == 0 || (gov & (prep::OUT | prep::SOURCE | prep::OF) != 0 && gov & (prep::LOCATIVE | prep::REFERENCE) == 0)
}

/// Whether token `k` is inside a side, a place or a date mention.
fn covered(an: &Analysis, k: usize) -> bool {
    an.actors.iter().any(|m| m.a <= k && k < m.b)
        || an.places.iter().any(|p| p.a <= k && k < p.b)
        || an.dates.iter().any(|d| d.a <= k && k < d.b)
}

/// What may follow a pronoun where an article would have its noun: the end of the clause,
/// punctuation, a preposition, an auxiliary or adverb, a function word that is no article
/// ("na", "in"), a date or a cue.
fn no_noun_after(an: &Analysis, k: usize) -> bool {
    let next = k + 1;
    if next >= an.len() || an.clause[next] != an.clause[k] || an.tokens.list[next].is(PUNCT) {
        return true;
    }
    an.prep[next] != 0
        || an.class[next] & (class::HAVE | class::BE | class::PASSIVE | class::SKIP) != 0
        || (an.class[next] & class::STOP != 0 && an.class[next] & class::DET == 0)
        || an.dates.iter().any(|d| d.a == next)
        || an.cues.iter().any(|c| c.parts().iter().any(|&(a, _)| a == next))
}

/// The place a frame of an earlier clause took, nearest before token `first`; not one named
/// as a landmark.
fn place_before(an: &Analysis, frames: &[Frame], first: usize) -> Option<FramePlace> {
    let clause = an.clause[first];
    an.places
        .iter()
        .enumerate()
        .filter(|(_, p)| p.b <= first && an.clause[p.a] != clause && p.gov & prep::REFERENCE == 0)
        .filter(|(i, _)| frames.iter().any(|f| f.clause != clause && f.places.contains(&FramePlace::Mention(*i))))
        .max_by_key(|(_, p)| p.a)
        .map(|(i, _)| FramePlace::Mention(i))
}
