//! The seat of a government named in an actor phrase ("het regime in Damascus", "de regering in
//! Bagdad", "the government in Kyiv"): the side holds the town it governs from. Such a phrase is
//! a noun-phrase possession (tests/gold/README.md), written as a `holds` row of its own in a
//! sentence that states some claim.

use crate::extract::context::{Context, PlaceRef};
use crate::extract::language::ActorRef;
use crate::extract::roles::{Draft, Sentence};
use crate::extract::timing::{self, Dating};
use crate::model::{Event, Modality, PlaceKey, PlaceKind};
use crate::places::{Hint, Resolution};

/// A `holds` draft for every town named after "in" (`[grammar] seat_prepositions`) inside a
/// faction's alias in the sentence.
pub fn seat_drafts(s: &Sentence, ctx: &Context) -> Vec<Draft> {
    let an = s.an;
    let mut out: Vec<Draft> = Vec::new();
    for m in &an.actors {
        let ActorRef::Faction(f) = m.actor else { continue };
        let Some(k) = (m.a..m.b).find(|&k| s.lang.seat_prepositions.has(&an.tokens, k)) else {
            continue;
        };
        if k + 1 >= m.b {
            continue;
        }
        let tokens = &an.tokens.list;
        let written = s.text[tokens[k + 1].start - s.base..tokens[m.b - 1].end - s.base].to_string();
        let Some((key, country)) = town_named(s, &written) else { continue };
        if out.iter().any(|d| d.place.key == key) {
            continue;
        }
        let holder = s.lang.factions[f as usize].clone();
        let place = PlaceRef { key, written, country, sentence: ctx.sentence };
        let mut draft = Draft {
            place,
            holder,
            other: None,
            event: Event::Holds,
            modality: Modality::Fact,
            date: None,
            date_from: None,
            notes: vec!["noun phrase: the seat of the side's government".into()],
            confidence: 0.7,
            cues: vec![(k, k + 1)],
            span: (m.a, m.b),
            dating: Dating::Unresolved(String::new()),
            past: false,
            ended_here: false,
        };
        draft.dating = timing::settle(&draft, an, ctx);
        out.push(draft);
    }
    out
}

/// The town a name resolves to without doubt, with its country.
fn town_named(s: &Sentence, written: &str) -> Option<(PlaceKey, String)> {
    let Resolution::Found { key, .. } = s.gazetteer.resolve(written, &Hint::default()) else { return None };
    if key.kind != PlaceKind::Town {
        return None;
    }
    let country = s.gazetteer.town(&key.id)?.country.clone();
    Some((key, country))
}
