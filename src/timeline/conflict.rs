//! Conflicts: pairs of claims from different sources that cannot both be right.
//!
//! Each claim asserts who is present at a place right after it (and, for a capture or loss,
//! right before it). Two assertions are incompatible when one puts a faction there that the other
//! excludes: "held by X" excludes everyone else; "partial" puts both sides there; "lost by X"
//! excludes X.

use serde::Serialize;

use crate::date::Date;
use crate::model::{Claim, Event, Modality};
use crate::timeline::REVERSAL_WINDOW_DAYS;

/// How two claims disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ConflictKind {
    /// Their spans overlap and no order of events reconciles them.
    Simultaneous,
    /// The later one undoes the earlier one's capture or loss soon after, with no change between.
    Reversal,
}

impl ConflictKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ConflictKind::Simultaneous => "simultaneous",
            ConflictKind::Reversal => "reversal",
        }
    }
}

/// Two disagreeing claims (indices into the timeline's claims, `first` applied before `second`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Conflict {
    pub kind: ConflictKind,
    pub first: usize,
    pub second: usize,
    /// The days on which the disagreement matters.
    pub window: (Date, Date),
}

/// Who a claim puts at a place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Presence<'a> {
    present: Vec<&'a str>,
    /// Only the present factions are there.
    exclusive: bool,
    absent: Option<&'a str>,
}

impl<'a> Presence<'a> {
    fn held(by: &'a str) -> Presence<'a> {
        Presence { present: vec![by], exclusive: true, absent: None }
    }

    fn without(faction: &'a str) -> Presence<'a> {
        Presence { present: Vec::new(), exclusive: false, absent: Some(faction) }
    }

    /// Who is at the place right after the claim.
    pub fn after(claim: &'a Claim) -> Presence<'a> {
        let holder = claim.holder.as_str();
        let other = claim.other.as_deref();
        match claim.event {
            Event::Holds | Event::Captured | Event::Besieged => Presence::held(holder),
            Event::Contested => Presence { present: vec![holder], exclusive: false, absent: None },
            Event::Partial => Presence { present: [Some(holder), other].into_iter().flatten().collect(), exclusive: false, absent: None },
            Event::Lost => other.map_or_else(|| Presence::without(holder), Presence::held),
        }
    }

    /// Who was at the place right before a capture or loss (for other claims, the same as after).
    /// The side that loses was there, perhaps not alone: a capture often ends a partial hold.
    pub fn before(claim: &'a Claim) -> Presence<'a> {
        let there = |faction: &'a str| Presence { present: vec![faction], exclusive: false, absent: None };
        match (claim.event, claim.other.as_deref()) {
            (Event::Captured, Some(loser)) => there(loser),
            (Event::Captured, None) => Presence { present: Vec::new(), exclusive: false, absent: None },
            (Event::Lost, _) => there(&claim.holder),
            _ => Presence::after(claim),
        }
    }

    /// Can a state claim describe the place just before this capture or loss (and not after it)?
    pub fn leads_up_to(state: &'a Claim, change: &'a Claim) -> bool {
        let said = Presence::after(state);
        change.event.is_change() && said.compatible(&Presence::before(change)) && !said.compatible(&Presence::after(change))
    }

    pub fn includes(&self, faction: &str) -> bool {
        self.present.contains(&faction)
    }

    /// Does this assertion rule `faction` out?
    pub fn excludes(&self, faction: &str) -> bool {
        self.absent == Some(faction) || (self.exclusive && !self.present.contains(&faction))
    }

    pub fn compatible(&self, other: &Presence) -> bool {
        !self.present.iter().any(|f| other.excludes(f)) && !other.present.iter().any(|f| self.excludes(f))
    }
}

/// Conflicts among the claims `range` of one place (in application order).
pub(crate) fn find(claims: &[Claim], range: std::ops::Range<usize>) -> Vec<Conflict> {
    let mut found = Vec::new();
    let applied: Vec<usize> = range.filter(|&i| claims[i].modality != Modality::Expected).collect();
    for (ai, &a) in applied.iter().enumerate() {
        for (bi, &b) in applied.iter().enumerate().skip(ai + 1) {
            let (first, second) = (&claims[a], &claims[b]);
            if share_a_source(first, second) {
                continue;
            }
            let between = &applied[ai + 1..bi];
            if let Some(conflict) = simultaneous(first, second, a, b).or_else(|| reversal(claims, between, a, b)) {
                found.push(conflict);
            }
        }
    }
    found
}

fn share_a_source(a: &Claim, b: &Claim) -> bool {
    a.sources.iter().any(|s| b.sources.contains(s))
}

fn simultaneous(a: &Claim, b: &Claim, ai: usize, bi: usize) -> Option<Conflict> {
    if !a.date.overlaps(&b.date) {
        return None;
    }
    let reconcilable = match (a.event.is_change(), b.event.is_change()) {
        (false, false) => Presence::after(a).compatible(&Presence::after(b)),
        (true, false) => state_fits_change(b, a),
        (false, true) => state_fits_change(a, b),
        (true, true) => {
            Presence::after(a).compatible(&Presence::after(b))
                || Presence::after(a).compatible(&Presence::before(b))
                || Presence::after(b).compatible(&Presence::before(a))
        }
    };
    let window = (a.date.start.max(b.date.start), a.date.end.min(b.date.end));
    (!reconcilable).then_some(Conflict { kind: ConflictKind::Simultaneous, first: ai, second: bi, window })
}

/// A state claim fits a change in the same span if it describes the place before or after it.
fn state_fits_change(state: &Claim, change: &Claim) -> bool {
    let said = Presence::after(state);
    said.compatible(&Presence::after(change)) || said.compatible(&Presence::before(change))
}

fn reversal(claims: &[Claim], between: &[usize], ai: usize, bi: usize) -> Option<Conflict> {
    let (a, b) = (&claims[ai], &claims[bi]);
    let gap = a.date.end.days_until(b.date.start);
    if !a.event.is_change() || gap <= 0 || gap > REVERSAL_WINDOW_DAYS {
        return None;
    }
    if between.iter().any(|&i| claims[i].event.is_change()) {
        return None;
    }
    let said_by_b = if b.event.is_change() { Presence::before(b) } else { Presence::after(b) };
    let undone = !said_by_b.compatible(&Presence::after(a));
    undone.then_some(Conflict { kind: ConflictKind::Reversal, first: ai, second: bi, window: (a.date.end, b.date.end) })
}
