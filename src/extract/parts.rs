//! Parts of a town named without the town: "het grootste deel van de oostelijke wijken",
//! "nog delen van het centrum", "the northern districts", "the southern part of the village".
//! A capture, loss or hold whose clause has a partial word and a noun for a part of a town
//! (`[partial] parts`) but no place of its own is a partial claim on the town the article is
//! about. And a siege of a part ("het westen van X omsingeld", "encircled the eastern districts
//! of X") is a siege of that town.

use crate::extract::frames::{Frame, FramePlace};
use crate::extract::language::{Language, class, prep};
use crate::extract::lexicon::Frame as Kind;
use crate::extract::mentions::{Analysis, PlaceMention};
use crate::extract::tokens::{CAP, Vocab, fold_phrase};

/// How far before a place its partial word may stand ("het westen van X": 3 words).
const PART_WINDOW: usize = 4;

/// The vocabulary ids of `[partial] parts` (single words).
pub fn compile(words: &[String], vocab: &mut Vocab) -> Vec<u32> {
    words.iter().flat_map(|w| fold_phrase(w)).map(|(folded, _)| vocab.intern(&folded)).collect()
}

/// Marks the part nouns of a sentence that has a partial word (the only sentences that read
/// them, so others cost one test).
pub fn find(an: &mut Analysis, lang: &Language) {
    only_sites(an, lang);
    if an.partial.is_empty() || lang.part_nouns.is_empty() {
        return;
    }
    let found: Vec<usize> = if has_part_noun(an, lang) {
        (0..an.len()).filter(|&k| lang.part_nouns.contains(&an.tokens.list[k].id)).collect()
    } else {
        Vec::new()
    };
    an.parts = found;
}

/// Whether some part noun is among the sentence's words: one bit test for each noun, so a
/// sentence without one never compares its tokens with the list.
fn has_part_noun(an: &Analysis, lang: &Language) -> bool {
    lang.part_nouns.iter().any(|&id| an.has_word(id))
}

/// "alleen de kazerne is nog in handen van het leger", "alleen het vluchtelingenkamp",
/// "only the airport": an `[extent] only` phrase right before a site or part noun (articles and
/// skipped words between) says that the side holds no more than that part of the town, a
/// remnant.
fn only_sites(an: &mut Analysis, lang: &Language) {
    // Most sentences have no word of an `only` phrase: they cost one look at each phrase.
    if !lang.extent.only.iter().any(|p| p.last().is_some_and(|&id| an.has_word(id))) {
        return;
    }
    let skippable = class::DET | class::SKIP;
    let part_nouns = has_part_noun(an, lang);
    for k in 1..an.len() {
        let part = an.class[k] & class::SITE != 0 || (part_nouns && lang.part_nouns.contains(&an.tokens.list[k].id));
        if !part {
            continue;
        }
        // Walk back over articles and skipped words ("only" may be one of them) to the phrase.
        let mut j = k;
        loop {
            if let Some(start) = only_phrase_ending_at(an, &lang.extent.only, j) {
                an.partial.push((start, true));
                break;
            }
            if j == 0 || an.class[j - 1] & skippable == 0 || an.clause[j - 1] != an.clause[k] {
                break;
            }
            j -= 1;
        }
    }
}

/// The first token of an `only` phrase whose last word stands right before token `at`.
fn only_phrase_ending_at(an: &Analysis, phrases: &[Vec<u32>], at: usize) -> Option<usize> {
    phrases.iter().filter(|p| !p.is_empty() && p.len() <= at).find_map(|p| {
        let start = at - p.len();
        let matches = p.iter().enumerate().all(|(i, &id)| an.tokens.list[start + i].id == id);
        matches.then_some(start)
    })
}

/// The town of a state frame whose object is a part noun with a partial word and no place of
/// its clause: the article's last place.
pub fn part_town(an: &Analysis, f: &Frame) -> Option<FramePlace> {
    let state = matches!(f.def.frame, Kind::Take | Kind::Fall | Kind::Lose)
        || (f.def.frame == Kind::Hold && crate::extract::lexicon::plain_hold(f.def.outcome) && !f.possessive);
    if !state || !f.partial || an.parts.is_empty() {
        return None;
    }
    let part = an.parts.iter().copied().find(|&k| an.clause[k] == f.clause && !part_of_unknown_name(an, k))?;
    let place_here = an.places.iter().any(|p| an.clause[p.a] == f.clause && !p.is_anaphora() && !p.topical);
    if place_here {
        return None;
    }
    Some(town_named_before(an, part).map_or(FramePlace::Context, FramePlace::Mention))
}

/// The town a part belongs to when the sentence named it before the part, in an opening
/// locative or another clause ("In Chasiv Yar hebben de Russen de oostelijke helft ..., maar het
/// westelijke deel ...", "In El Fasher hebben de paramilitairen enkele wijken ... veroverd"): the
/// last place mention before the part that is not a landmark ("ten zuiden van X") nor "daar".
/// With none, the part is of the article's last place.
pub fn town_named_before(an: &Analysis, part: usize) -> Option<usize> {
    an.places.iter().rposition(|p| {
        p.b <= part && p.gov & prep::REFERENCE == 0 && !matches!(p.target, crate::extract::mentions::Target::Here)
    })
}

/// "delen van Robotyne" with Robotyne unknown to the gazetteer: the part noun is followed by
/// "van"/"of" and a capitalised word no place or actor mention covers, so the part belongs to a
/// place the extractor cannot name, not to the article's last place.
fn part_of_unknown_name(an: &Analysis, k: usize) -> bool {
    let name = k + 2;
    if name >= an.len() || an.prep[k + 1] & prep::OF == 0 || !an.tokens.list[name].is(CAP) {
        return false;
    }
    let covered =
        an.places.iter().any(|p| p.a <= name && name < p.b) || an.actors.iter().any(|m| m.a <= name && name < m.b);
    !covered
}

/// Whether a siege frame may take place `p` after "van"/"of" because a partial word stands
/// right before it ("het westen van Khan Younis omsingeld").
pub fn siege_of_part(an: &Analysis, f: &Frame, p: &PlaceMention) -> bool {
    f.def.frame == Kind::Siege
        && f.partial
        && p.gov & prep::OF != 0
        && an
            .partial
            .iter()
            .any(|&(k, remnant)| !remnant && k < p.a && p.a - k <= PART_WINDOW && an.clause[k] == f.clause)
}

/// The part noun a frame with no named place is about (the last of its clause after the cue:
/// "delen" in "nog delen van het centrum" is the partial word bearing on "centrum").
pub fn part_at(an: &Analysis, f: &Frame) -> Option<usize> {
    let cue = &an.cues[f.cue];
    an.parts.iter().copied().rfind(|&k| k >= cue.b && an.clause[k] == f.clause)
}
