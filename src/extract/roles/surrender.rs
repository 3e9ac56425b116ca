//! Roles of branch `xsurr` (issue 10): a surrender is a loss by the side that surrenders ("het
//! garnizoen gaf zich over aan de Russen", "soldiers laid down their arms"), and a siege told
//! beside a change of the same place ("trokken zich terug uit X, dat sinds mei werd belegerd")
//! besieged the side that lost it; a verb-final fall into a side's hands ("X is in Russische
//! handen gevallen") is a capture by that side; a loss after a break word ("after the army
//! abandoned it") is the loss of the side named after that word.

use super::{Outcome, Roles};
use crate::extract::context::PlaceRef;
use crate::extract::frames::FramePlace;
use crate::extract::language::{ActorRef, class, prep};
use crate::extract::lexicon::Frame as Kind;
use crate::extract::mentions::Target;
use crate::model::Event;

impl Roles<'_> {
    /// A surrender: lost by the side that surrenders, the side after "aan"/"to" the other. Who
    /// surrenders must be a side: a faction, an army phrase ("het Oekraïense garnizoen",
    /// "Congolese soldaten") or, with the side surrendered to named, a members noun
    /// ("honderden soldaten", "soldiers of a battalion"), then the opponent of that side in the
    /// article. A person ("een verdachte gaf zich over aan de politie") gives nothing.
    pub(super) fn surrender(&self, place: &PlaceRef) -> Option<Outcome> {
        let winner_at = self.surrendered_to();
        // A bare members noun ("soldiers", "de troepen") reads as the government only where a
        // claim needs a side; whose soldiers surrender is told by the side they surrender to.
        let loser_at = self.surrendering_side().filter(|&i| Some(i) != winner_at && !self.bare_members(i));
        let loser = loser_at.and_then(|i| self.faction(i));
        // A pronoun after "to" that resolves to the side surrendering names nobody new.
        let winner = winner_at.and_then(|i| self.faction(i)).filter(|w| Some(w) != loser.as_ref());
        let actors: Vec<usize> = winner_at.into_iter().chain(loser_at).collect();
        if let Some(l) = loser {
            return Some(Outcome { actors, ..Outcome::new(l, winner, Event::Lost) });
        }
        if let Some(lost) = self.unit_surrenders(place, winner.as_deref()) {
            return Some(lost);
        }
        if !self.members_before_cue() {
            return None;
        }
        // "de laatste verdedigers van X gaven zich over": the side the article showed holding it.
        let Some(w) = winner else {
            let holder = self.ctx.holder(&place.key)?.to_string();
            return Some(Outcome::new(holder, None, Event::Lost).noted("surrendered: the holder from context", 0.25));
        };
        let government = || crate::extract::siege::government_side(self.s.lang, self.country).map(str::to_string);
        let l = self.ctx.opponent(Some(&w)).map(str::to_string).or_else(government).filter(|l| *l != w)?;
        let note = format!("surrendered to {w}: the soldiers of its opponent in the article, {l}");
        Some(Outcome { actors, ..Outcome::new(l, Some(w), Event::Lost).noted(note, 0.25) })
    }

    /// "Het garnizoen gaf zich over", "het regionale commando in de stad gaf zich over", "the
    /// garrison surrendered": a military unit noun with no owner named surrenders for the
    /// government of the place's country, to the side named after "aan"/"to" or else the side
    /// the article showed holding the place (the one that just took it) (branch bactors).
    fn unit_surrenders(&self, place: &PlaceRef, winner: Option<&str>) -> Option<Outcome> {
        let i = self.surrendering_side().filter(|&i| self.is_unit(i))?;
        let loser = self.faction(i)?;
        let other = winner.or_else(|| self.ctx.holder(&place.key)).filter(|o| *o != loser).map(str::to_string);
        Some(Outcome { actors: vec![i], ..Outcome::new(loser, other, Event::Lost) })
    }

    /// Whether actor `i` is a description ending in a military unit noun of `[actors]
    /// unit_nouns` ("het garnizoen", "commando", "the garrison", "de bataljons").
    pub(super) fn is_unit(&self, i: usize) -> bool {
        let m = &self.an().actors[i];
        matches!(m.actor, ActorRef::ByCountry(_)) && self.s.lang.unit_nouns.has(&self.an().tokens, m.b - 1)
    }

    /// The side surrendered to: after "aan"/"to", from the cue on with no comma between ("laid
    /// down their arms, according to the group" names no one).
    fn surrendered_to(&self) -> Option<usize> {
        let an = self.an();
        let (a, _) = self.cue();
        let comma = |k: usize| matches!(an.tokens.fold(k), "," | ";");
        self.clause_actors().into_iter().find(|&i| {
            let m = &an.actors[i];
            m.gov & prep::RECIPIENT != 0 && m.a > a && !(a..m.a).any(comma)
        })
    }

    /// The side that surrenders: a bare actor of the clause before the cue's end (the subject,
    /// also inverted into a gapped cue: "Zaterdag gaf het garnizoen zich over"), or a side after
    /// "van"/"of" right behind a members noun ("soldaten van het leger"), or an army phrase after
    /// a count ("hundreds of Iraqi soldiers").
    fn surrendering_side(&self) -> Option<usize> {
        let an = self.an();
        let (_, end) = self.cue();
        self.clause_actors().into_iter().find(|&i| {
            let m = &an.actors[i];
            // "soldaten van het leger"; "hundreds of Iraqi soldiers" (a count before the side)
            let of_members = m.gov & prep::OF != 0
                && (m.a >= 2 && an.class[m.a - 2] & class::MEMBERS != 0 || an.class[m.b - 1] & class::MEMBERS != 0);
            m.a < end && (m.gov == 0 || of_members)
        })
    }

    /// Whether actor `i` is a members noun with at most a determiner and no side word, read as
    /// a government's forces ("soldiers", "de troepen"; not "Iraqi soldiers", not "rebellen").
    fn bare_members(&self, i: usize) -> bool {
        let an = self.an();
        let m = &an.actors[i];
        let lang = self.s.lang;
        let ActorRef::ByCountry(t) = m.actor else { return false };
        let sides = &lang.by_country[t as usize];
        sides.values().all(|s| crate::extract::siege::is_government(lang, s))
            && (m.a..m.b).all(|k| an.class[k] & (class::DET | class::MEMBERS) != 0)
            && (m.a..m.b).any(|k| an.class[k] & class::MEMBERS != 0)
    }

    /// A members noun ("soldaten", "troops", "fighters") in the clause before the cue.
    fn members_before_cue(&self) -> bool {
        let an = self.an();
        let (a, _) = self.cue();
        (0..a).any(|k| an.clause[k] == self.frame.clause && an.class[k] & class::MEMBERS != 0)
    }

    /// A siege of a place the same sentence tells lost or taken (in a relative clause or beside
    /// it: "trokken zich terug uit X, dat sinds mei werd belegerd", "gaven zich over; de havenstad
    /// werd sinds maart belegerd"): the besieged side is the side that lost it, the besieger the
    /// siege's own attacker or the taker. None when the sentence tells no such change.
    pub(super) fn besieged_before_change(&self, place: &PlaceRef, attacker: Option<&str>) -> Option<Outcome> {
        let an = self.an();
        let names_place = |fp: &FramePlace| match fp {
            FramePlace::Mention(i) => matches!(&an.places[*i].target, Target::Place(found) if found.key == place.key),
            FramePlace::Context => false,
        };
        let change = self.s.frames.iter().find(|f| {
            f.cue != self.frame.cue
                && matches!(f.kind(), Kind::Lose | Kind::Take)
                && (f.places.iter().any(names_place) || f.places.iter().any(|p| self.frame.places.contains(p)))
        })?;
        let other = Roles { s: self.s, frame: change, country: self.country, ctx: self.ctx, at: None, gov: 0 };
        let told = if change.kind() == Kind::Lose { other.lose(place) } else { other.take(place) }?;
        let (loser, taker) = match told.event {
            Event::Lost => (Some(told.holder), told.other),
            Event::Captured => (told.other, Some(told.holder)),
            _ => (None, None),
        };
        let loser = loser.filter(|l| Some(l.as_str()) != attacker)?;
        let attacker = attacker.map(str::to_string).or(taker).filter(|a| *a != loser);
        let note = "besieged before the change the sentence tells: the side that lost it".to_string();
        Some(Outcome::new(loser, attacker, Event::Besieged).noted(note, 0.2))
    }

    /// "X is in Russische handen gevallen", "zijn in Syrische handen gevallen": in a verb-final
    /// clause the side whose hands the place fell into comes before the fall cue, after "in".
    pub(super) fn hands_before_cue(&self) -> Option<usize> {
        let an = self.an();
        let (a, _) = self.cue();
        self.clause_actors().into_iter().rfind(|&i| {
            let m = &an.actors[i];
            m.gov & prep::LOCATIVE != 0 && m.b <= a && a - m.b <= 2
        })
    }

    /// "X took A after the army abandoned it", "nadat het leger de stad had verlaten": a break
    /// word without a comma before it does not split the clause, but the bare actor between it
    /// and a loss cue is the subject of the loss, not the clause's first side.
    pub(super) fn subject_after_break(&self) -> Option<usize> {
        if self.frame.passive {
            return None;
        }
        let an = self.an();
        let (a, _) = self.cue();
        let clause = self.frame.clause;
        let brk = (0..a).rev().take_while(|&k| an.clause[k] == clause).find(|&k| an.class[k] & class::BREAK != 0)?;
        self.clause_actors().into_iter().find(|&i| {
            let m = &an.actors[i];
            m.gov == 0 && m.a > brk && m.b <= a
        })
    }
}
