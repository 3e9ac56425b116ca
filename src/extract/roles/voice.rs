//! Roles of branch `xholder` (issue 10): who holds a place when the clause names its side only
//! through the speaker ("Een woordvoerder van de RSF verklaarde dat de eenheden de brug hadden
//! ingenomen", "the army said its units had retaken X"), and a capture told as a state since a
//! date ("X, dat sinds maart door Russische troepen bezet werd"): a hold since then, not a
//! capture. "The group", "de groep" is an armed group, never a state's army: the side the
//! article names most among the sides that are no government ("Iraqi troops and Kurdish Peshmerga are
//! preparing an offensive on Mosul, which the group has held for two years").

use super::Roles;
use crate::extract::language::class;
use crate::model::Modality;

impl Roles<'_> {
    /// The side of the speaker, for a clause opened by a subordinator ("dat", "that") after a
    /// claim ("verklaarde", "said") whose clause names exactly one side, when the subject of the
    /// opened clause is a members noun no side is named in ("de eenheden", "the fighters"): the
    /// speaker tells of its own units. `None` when the clause names a side of its own.
    pub(super) fn speaker_side(&self) -> Option<String> {
        let an = self.an();
        if self.frame.passive || self.clause_actors().iter().any(|&i| self.faction(i).is_some()) {
            return None;
        }
        let first = an.clause_start(self.frame.clause)?;
        if first == 0 || an.class[first] & (class::SUBORDINATOR | class::RELATIVE) == 0 {
            return None;
        }
        let framing = an.clause[first - 1];
        let claimed = an.modals.iter().any(|&(a, _, m)| m == Modality::Claimed && an.clause[a] == framing);
        let (cue_a, _) = self.cue();
        let in_actor = |k: usize| an.actors.iter().any(|m| m.a <= k && k < m.b);
        let members_subject = (first..cue_a).any(|k| an.class[k] & class::MEMBERS != 0 && !in_actor(k));
        if !claimed || !members_subject {
            return None;
        }
        let mut sides: Vec<String> = (0..an.actors.len())
            .filter(|&i| an.clause[an.actors[i].a] == framing)
            .filter_map(|i| self.faction(i))
            .collect();
        sides.sort();
        sides.dedup();
        (sides.len() == 1).then(|| sides.pop()).flatten()
    }

    /// A passive capture cue in a relative clause of description with a date right after
    /// "sinds"/"since" (`[grammar] since`: "X, dat sinds maart door Russische troepen bezet werd"): the side has
    /// held the place since then. Not a main clause ("Sinds januari zijn X en Y door het leger
    /// heroverd": captures told since a date).
    pub(super) fn held_since(&self) -> bool {
        let an = self.an();
        let since = |k: usize| self.s.lang.since.has(&an.tokens, k);
        let Some(first) = an.clause_start(self.frame.clause) else {
            return false;
        };
        let relative = first > 0 && an.class[first] & class::RELATIVE != 0 && an.tokens.fold(first - 1) == ",";
        let since_date =
            an.dates.iter().any(|d| an.clause[d.a] == self.frame.clause && (since(d.a) || (d.a > 0 && since(d.a - 1))));
        self.frame.passive && relative && since_date
    }

    /// "the group", "de groep", "de beweging", "the alliance" at actor `i` (a phrase ending in an
    /// `[actors] group_nouns` word): the side the article names most among those that are not
    /// the government of a country (a state's army is no group). The last group named instead
    /// (branch bactors) lost matches: an article's main group is what such a description means
    /// more often than a side named in passing.
    pub(super) fn group_pronoun(&self, i: usize) -> Option<String> {
        let m = &self.an().actors[i];
        if !self.s.lang.group_nouns.has(&self.an().tokens, m.b - 1) {
            return None;
        }
        let lang = self.s.lang;
        let group = |side: &str| !crate::extract::siege::is_government(lang, side);
        self.ctx.most_named_where(group).map(str::to_string)
    }
}
