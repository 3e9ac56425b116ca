//! Where a frame's places come from, for three constructions of branch `xsurr` (issue 10): a
//! surrender happens in a place ("In X gaven zich honderd strijders over", "soldiers surrendered
//! to the rebels in X"), "er" stands for the place named last in a hold, siege or fight that names
//! none ("Het leger heeft er de controle", "Er wordt in de straten gevochten"), and the later
//! items of a list stay with the verb of the first ("took over X and Y after the army abandoned
//! both towns"). Each runs after the general assignment in [`crate::extract::frames`], only on
//! sentences that have a frame.

use crate::extract::frames::{Frame, FramePlace};
use crate::extract::language::{Language, class, prep};
use crate::extract::lexicon::{Frame as Kind, Outcome};
use crate::extract::mentions::Analysis;

/// A surrender cue takes the place where it happened: after "in" ("In X hebben zich ...
/// overgegeven", "surrendered to the rebels in X"), besides the object places every loss takes.
pub fn surrender_place(f: &Frame, gov: u16) -> bool {
    f.def.outcome == Some(Outcome::Surrender)
        && gov & prep::LOCATIVE != 0
        && gov & (prep::REFERENCE | prep::RECIPIENT | prep::AGENT) == 0
}

/// The passes after the general assignment: lists kept together, then "er" as a place.
pub fn after_places(an: &Analysis, lang: &Language, frames: &mut [Frame]) {
    // "Er wordt niet meer gevochten", "no longer besieged": an ended fight or siege is no claim.
    for f in frames.iter_mut().filter(|f| f.no_longer && matches!(f.def.frame, Kind::Contest | Kind::Siege)) {
        f.places.clear();
    }
    if an.places.len() > 1 {
        keep_lists_together(an, frames);
    }
    if !lang.here_in_state.is_empty() {
        here_in_state(an, lang, frames);
    }
    if !lang.then_clause.is_empty() {
        entry_after_withdrawal(an, lang, frames);
    }
}

/// "De peshmerga trokken zich terug uit X, waarna regeringstroepen het provinciehuis bezetten",
/// "... terug uit X, waarna het leger binnentrok": a capture by a named side in a clause opened
/// by a `then_clause` word, with no place of its own (a site, or none), is of the place the
/// withdrawal before it left; the withdrawal then folds into that capture (one row per change).
fn entry_after_withdrawal(an: &Analysis, lang: &Language, frames: &mut [Frame]) {
    for t in 0..frames.len() {
        let take = &frames[t];
        if take.kind() != Kind::Take || take.passive || !take.places.is_empty() {
            continue;
        }
        let clause = take.clause;
        let Some(first) = an.clause_start(clause) else { continue };
        let opens_then = lang.then_clause.iter().any(|w| w == an.tokens.fold(first));
        let side_named = an.actors.iter().any(|m| an.clause[m.a] == clause && m.a < an.cues[take.cue].a);
        if !opens_then || !side_named {
            continue;
        }
        let left = frames
            .iter()
            .filter(|f| f.kind() == Kind::Lose && f.clause < clause && an.cues[f.cue].a < first)
            .find_map(|f| f.places.first().copied());
        if let Some(place) = left {
            frames[t].places.push(place);
        }
    }
}

/// "X, Y en Z", "X and Y", "X; Y": a place joined to the place before it by a comma, semicolon
/// or coordinating word that no frame took belongs to the frame of that place; one that went to
/// another frame (the nearest cue) moves to it when that frame's cue comes before the list and
/// the other's after it, with no relative clause or comma between.
fn keep_lists_together(an: &Analysis, frames: &mut [Frame]) {
    let frame_of = |frames: &[Frame], i: usize| frames.iter().position(|f| f.places.contains(&FramePlace::Mention(i)));
    for i in 1..an.places.len() {
        let (prev, here) = (&an.places[i - 1], &an.places[i]);
        if prev.is_anaphora() || here.is_anaphora() || !joined(an, prev.b, here.a) {
            continue;
        }
        let Some(first) = frame_of(frames, i - 1) else { continue };
        let Some(other) = frame_of(frames, i) else {
            // "In X en Y werden ... omsingeld": a later item no frame took shares the first's.
            frames[first].places.push(FramePlace::Mention(i));
            continue;
        };
        let other_cue = an.cues[frames[other].cue].a;
        if first == other || an.cues[frames[first].cue].a >= prev.a || other_cue <= here.b {
            continue;
        }
        // "retook X and Y, which IS had held": a relative clause after the list is about its
        // last item, and keeps it.
        let aside = (here.b..other_cue).any(|k| an.class[k] & class::RELATIVE != 0 || an.tokens.fold(k) == ",");
        if aside {
            continue;
        }
        frames[other].places.retain(|p| *p != FramePlace::Mention(i));
        frames[first].places.push(FramePlace::Mention(i));
    }
}

/// Only list separators between tokens `a` and `b`: ",", ";" or a coordinating word.
fn joined(an: &Analysis, a: usize, b: usize) -> bool {
    b > a && b - a <= 2 && (a..b).all(|k| matches!(an.tokens.fold(k), "," | ";") || an.class[k] & class::COORD != 0)
}

/// A hold, siege or fight with no place whose clause has a `here_in_state` word ("er"): the
/// place named last ("De stad X ... Het leger heeft er de controle"). A sentence that names a
/// place of its own leaves it alone, and so does every other kind of frame ("er vielen doden").
fn here_in_state(an: &Analysis, lang: &Language, frames: &mut [Frame]) {
    if !an.places.is_empty() {
        return;
    }
    for f in frames.iter_mut() {
        let state = matches!(f.def.frame, Kind::Hold | Kind::Siege | Kind::Contest)
            && crate::extract::lexicon::plain_hold(f.def.outcome);
        if !state || !f.places.is_empty() || f.possessive || f.no_longer {
            continue;
        }
        let clause = f.clause;
        let here = (0..an.len())
            .filter(|&k| an.clause[k] == clause)
            .any(|k| lang.here_in_state.iter().any(|w| w == an.tokens.fold(k)));
        if here {
            // One claim: the first such frame ("zat er ingesloten, omsingeld door ...").
            f.places.push(FramePlace::Context);
            return;
        }
    }
}

/// "Rebellen trokken X binnen, dat ...": one word of a cue (a separable particle) between a
/// place ending at `place_end` and the comma at `comma` still puts the relative clause after the
/// place.
pub fn particle_between(an: &Analysis, place_end: usize, comma: usize) -> bool {
    place_end + 1 == comma && an.cues.iter().any(|c| c.parts().iter().any(|&(a, b)| a <= place_end && place_end < b))
}
