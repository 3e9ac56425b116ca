//! The timeline: who held each place on any date, resolved from dated claims, with the evidence
//! behind every answer and the conflicts between sources.
//!
//! # Semantics
//! - A claim's date is a span (`2017-10` = 1..31 October). The claim happened somewhere inside it.
//!   On a date *after* the span the claim counts; on a date *inside* it the claim is *pending*:
//!   if it would change the answer, the answer is uncertain. A monthly map (the state on the
//!   month's last day) counts every claim of that month.
//! - Claims are applied in a fixed order: by the last day of their span, then the first day; at
//!   equal spans a capture or loss comes before a claim describing the state. Claims in any input
//!   order give the same timeline.
//! - `captured` and `lost` change the holder; `holds`, `contested`, `besieged` and `partial`
//!   describe the state and change it when it differs. A state lasts until a claim changes it.
//! - `expected` claims are recorded and shown, never applied. `claimed` and `hedged` claims are
//!   applied, and the state carries the strongest modality among the claims supporting it.
//! - Every answer carries the newest supporting evidence and its age; older than
//!   [`STALE_AFTER_DAYS`] is *stale*.
//! - Two claims from different sources *conflict* when they disagree about the same time (their
//!   spans overlap and no order of events reconciles them), or when one undoes a capture or loss
//!   that the other reports less than [`REVERSAL_WINDOW_DAYS`] earlier with no change between
//!   ("fell in September" against "still partly held in October"). Conflicts are reported with
//!   both sources, never resolved silently.

mod check;
mod conflict;
mod state;

use std::collections::BTreeMap;

pub use check::{Check, Verdict, check};
pub use conflict::{Conflict, ConflictKind};
pub use state::{HolderStatus, PlaceState, Status};

use crate::date::Date;
use crate::model::{Claim, Modality, PlaceKey};

/// Evidence older than this many days makes a state stale.
pub const STALE_AFTER_DAYS: i64 = 183;
/// A claim undoing another source's capture or loss within this many days is a conflict.
pub const REVERSAL_WINDOW_DAYS: i64 = 60;

/// All claims, grouped by place in application order, and the conflicts between them.
#[derive(Debug, Clone, Default)]
pub struct Timeline {
    /// Every claim, sorted by place and then application order. Indices into this vector identify claims.
    pub claims: Vec<Claim>,
    /// For each place, the range of its claims in [`Timeline::claims`].
    places: BTreeMap<PlaceKey, std::ops::Range<usize>>,
    pub conflicts: Vec<Conflict>,
    /// For each place, the range of its conflicts in [`Timeline::conflicts`].
    conflict_ranges: BTreeMap<PlaceKey, std::ops::Range<usize>>,
    /// Identical claims dropped while building (same place, date, holder, event, other, modality and sources).
    pub duplicates: Vec<Claim>,
}

/// The state of every tracked place on one date.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub date: Date,
    pub states: BTreeMap<PlaceKey, PlaceState>,
}

/// Builds the timeline from claims in any order.
pub fn build(mut claims: Vec<Claim>) -> Timeline {
    claims.sort_by(|a, b| {
        a.place.cmp(&b.place).then_with(|| a.content_key().cmp(&b.content_key())).then_with(|| a.origin.cmp(&b.origin))
    });
    order_equal_spans(&mut claims);
    let mut kept: Vec<Claim> = Vec::with_capacity(claims.len());
    let mut duplicates = Vec::new();
    for claim in claims {
        match kept.last() {
            Some(last) if last.place == claim.place && last.content_key() == claim.content_key() => {
                duplicates.push(claim)
            }
            _ => kept.push(claim),
        }
    }
    let mut places: BTreeMap<PlaceKey, std::ops::Range<usize>> = BTreeMap::new();
    for (i, claim) in kept.iter().enumerate() {
        places.entry(claim.place.clone()).and_modify(|r| r.end = i + 1).or_insert(i..i + 1);
    }
    let mut conflicts = Vec::new();
    let mut conflict_ranges = BTreeMap::new();
    for (place, range) in &places {
        let start = conflicts.len();
        conflicts.extend(conflict::find(&kept, range.clone()));
        conflict_ranges.insert(place.clone(), start..conflicts.len());
    }
    Timeline { claims: kept, places, conflicts, conflict_ranges, duplicates }
}

/// Among claims of one place with the same span, a state that can only have come before a
/// capture or loss in that span (a siege, a partial hold) is put before it; the rest keep their order.
fn order_equal_spans(claims: &mut [Claim]) {
    /// Reorders `items` so that position k holds the item that was at `order[k]`, by swaps.
    fn permute(items: &mut [Claim], mut order: Vec<usize>) {
        for k in 0..order.len() {
            let mut source = order[k];
            while source < k {
                source = order[source];
            }
            items.swap(k, source);
            order[k] = source;
        }
    }

    let mut start = 0;
    while start < claims.len() {
        let same_span = |c: &Claim| {
            c.place == claims[start].place
                && c.date.start == claims[start].date.start
                && c.date.end == claims[start].date.end
        };
        let end = start + claims[start..].iter().take_while(|c| same_span(c)).count();
        let group = &mut claims[start..end];
        if group.len() > 1 {
            let changes = distinct_changes(group);
            let leads: Vec<bool> = group
                .iter()
                .map(|s| !s.event.is_change() && changes.iter().any(|c| conflict::Presence::leads_up_to(s, c)))
                .collect();
            if leads.iter().any(|&l| l) {
                // A stable partition: the leading states first, the rest in their order.
                let mut order: Vec<usize> = (0..group.len()).collect();
                order.sort_by_key(|&i| !leads[i]);
                permute(group, order);
            }
        }
        start = end;
    }
}

/// The captures and losses of a group, one per distinct (event, holder, other side): whether a
/// state leads up to a change depends on those alone, so a dense month is not compared pairwise.
fn distinct_changes(group: &[Claim]) -> Vec<&Claim> {
    let mut changes: Vec<&Claim> = group.iter().filter(|c| c.event.is_change()).collect();
    changes.sort_by(|a, b| (a.event, &a.holder, &a.other).cmp(&(b.event, &b.holder, &b.other)));
    changes.dedup_by(|a, b| (a.event, &a.holder, &a.other) == (b.event, &b.holder, &b.other));
    changes
}

impl Timeline {
    /// The places that have at least one claim, in key order.
    pub fn places(&self) -> impl Iterator<Item = &PlaceKey> {
        self.places.keys()
    }

    /// The indices of a place's claims, in application order.
    pub fn claims_for(&self, place: &PlaceKey) -> std::ops::Range<usize> {
        self.places.get(place).cloned().unwrap_or(0..0)
    }

    /// The state of one place on `date`, or `None` if the place has no claims at all.
    pub fn state_at(&self, place: &PlaceKey, date: Date) -> Option<PlaceState> {
        let range = self.places.get(place)?;
        Some(state::resolve(self, place, range.clone(), date))
    }

    /// A place's claims in order, each with the holder and status right after it (`None` for
    /// an expected claim, which changes nothing): the steps `history` shows.
    pub fn steps(&self, place: &PlaceKey) -> Vec<(usize, Option<HolderStatus>)> {
        state::after_each(self, place, self.claims_for(place))
    }

    /// The state of every tracked place on `date`; places with no evidence yet are left out.
    pub fn snapshot(&self, date: Date) -> Snapshot {
        let states = self
            .places
            .iter()
            .map(|(place, range)| (place.clone(), state::resolve(self, place, range.clone(), date)))
            .filter(|(_, s)| s.has_evidence())
            .collect();
        Snapshot { date, states }
    }

    /// The conflicts that involve a place.
    pub fn conflicts_for(&self, place: &PlaceKey) -> impl Iterator<Item = &Conflict> {
        self.conflicts[self.conflict_indices(place)].iter()
    }

    /// The indices of a place's conflicts in [`Timeline::conflicts`].
    pub fn conflict_indices(&self, place: &PlaceKey) -> std::ops::Range<usize> {
        self.conflict_ranges.get(place).cloned().unwrap_or(0..0)
    }

    /// The sources (`FILE#N`) of some claims, sorted, each once.
    pub fn sources_of(&self, claims: &[usize]) -> Vec<String> {
        let mut sources: Vec<String> =
            claims.iter().flat_map(|&i| self.claims[i].sources.iter().map(ToString::to_string)).collect();
        sources.sort();
        sources.dedup();
        sources
    }

    /// The distinct articles cited by all claims.
    pub fn articles(&self) -> Vec<&str> {
        let mut names: Vec<&str> =
            self.claims.iter().flat_map(|c| c.sources.iter().map(|s| s.article.as_str())).collect();
        names.sort_unstable();
        names.dedup();
        names
    }

    /// Claims that never change the state (future events).
    pub fn is_applied(&self, claim: usize) -> bool {
        self.claims[claim].modality != Modality::Expected
    }
}

#[cfg(test)]
mod sweep_tests;
#[cfg(test)]
mod tests;
