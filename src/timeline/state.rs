//! The state of one place on one date: holder, status, since when, how fresh, and on what evidence.

use serde::Serialize;

use crate::date::{Date, DateSpan};
use crate::model::{Claim, Event, Modality, PlaceKey};
use crate::name::Name;
use crate::timeline::{STALE_AFTER_DAYS, Timeline};

/// What the holder's control looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Held,
    Contested,
    Besieged,
    Partial,
    /// The last holder lost it and the claims do not say to whom.
    Unknown,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Held => "held",
            Status::Contested => "contested",
            Status::Besieged => "besieged",
            Status::Partial => "partial",
            Status::Unknown => "unknown",
        }
    }
}

/// Who holds a place and how: the outcome of one claim, before evidence is counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Situation {
    pub holder: Option<Name>,
    pub status: Status,
    pub other: Option<Name>,
    pub lost_by: Option<Name>,
}

impl Situation {
    /// The situation a claim says holds right after it.
    pub fn after(claim: &Claim) -> Situation {
        let holder = Some(claim.holder.clone());
        let other = claim.other.clone();
        let status = match claim.event {
            Event::Holds | Event::Captured => Status::Held,
            Event::Contested => Status::Contested,
            Event::Besieged => Status::Besieged,
            Event::Partial => Status::Partial,
            Event::Lost => {
                return match other {
                    Some(winner) => {
                        Situation { holder: Some(winner), status: Status::Held, other: None, lost_by: None }
                    }
                    None => Situation { holder: None, status: Status::Unknown, other: None, lost_by: holder },
                };
            }
        };
        let other = if status == Status::Held { None } else { other };
        Situation { holder, status, other, lost_by: None }
    }

    /// Does this (newer) situation describe the state `state` is in? An unspecified other side matches any.
    fn continues(&self, state: &PlaceState) -> bool {
        state.holder.as_deref() == self.holder.as_deref()
            && state.status == self.status
            && state.lost_by.as_deref() == self.lost_by.as_deref()
            && (self.other.is_none() || state.other.as_deref() == self.other.as_deref())
    }
}

/// The answer for one place on one date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlaceState {
    pub place: PlaceKey,
    pub date: Date,
    pub holder: Option<String>,
    pub status: Status,
    /// The besieger, the attacker, or who holds the rest, depending on the status.
    pub other: Option<String>,
    /// For [`Status::Unknown`]: who lost it.
    pub lost_by: Option<String>,
    /// The strongest modality among the supporting claims (fact, claimed or hedged).
    pub certainty: Modality,
    /// When this state began: the capture or loss that made it, or else the first claim that shows it.
    pub since: Option<DateSpan>,
    /// True when `since` is a capture or loss; false when it is only the first evidence ("at least since").
    pub since_change: bool,
    /// The last day of the newest supporting claim.
    pub last_evidence: Option<Date>,
    /// Days from `last_evidence` to `date`.
    pub age_days: Option<i64>,
    pub stale: bool,
    /// Claims (indices into [`Timeline::claims`]) that support this state.
    pub supporting: Vec<usize>,
    /// How many independent sources (publishers, domains or articles) back the supporting claims.
    pub independent_sources: usize,
    /// Claims whose span contains `date` and that would change the state: the answer is uncertain.
    pub pending: Vec<usize>,
    /// Conflicts (indices into [`Timeline::conflicts`]) that bear on this state.
    pub conflicts: Vec<usize>,
}

impl PlaceState {
    pub fn has_evidence(&self) -> bool {
        !self.supporting.is_empty() || !self.pending.is_empty()
    }

    pub fn is_conflicted(&self) -> bool {
        !self.conflicts.is_empty()
    }

    pub fn is_uncertain(&self) -> bool {
        !self.pending.is_empty() || self.is_conflicted()
    }
}

impl PlaceState {
    /// The state of a place no claim speaks about yet.
    pub fn empty(place: &PlaceKey, date: Date) -> PlaceState {
        PlaceState {
            place: place.clone(),
            date,
            holder: None,
            status: Status::Unknown,
            other: None,
            lost_by: None,
            certainty: Modality::Fact,
            since: None,
            since_change: false,
            last_evidence: None,
            age_days: None,
            stale: false,
            supporting: Vec::new(),
            independent_sources: 0,
            pending: Vec::new(),
            conflicts: Vec::new(),
        }
    }
}

/// A holder (if known) and a status.
pub type HolderStatus = (Option<String>, Status);

/// The holder and status right after each claim of a place, applying the claims one by one in
/// their order (`None` for an expected claim, which is not applied), with the number of
/// independent sources behind that state.
pub(crate) fn after_each(
    timeline: &Timeline,
    place: &PlaceKey,
    range: std::ops::Range<usize>,
) -> Vec<(usize, Option<HolderStatus>, usize)> {
    let mut state = PlaceState::empty(place, Date { year: 1000, month: 1, day: 1 });
    range
        .map(|i| {
            let claim = &timeline.claims[i];
            if claim.modality == Modality::Expected {
                return (i, None, timeline.independent_sources(&state.supporting));
            }
            apply(&mut state, i, claim, Situation::after(claim));
            (i, Some((state.holder.clone(), state.status)), timeline.independent_sources(&state.supporting))
        })
        .collect()
}

/// Walks a place's claims in order up to `date`.
pub(crate) fn resolve(timeline: &Timeline, place: &PlaceKey, range: std::ops::Range<usize>, date: Date) -> PlaceState {
    let mut state = PlaceState::empty(place, date);
    for i in range {
        let claim = &timeline.claims[i];
        if claim.modality == Modality::Expected || claim.date.start > date {
            continue;
        }
        let outcome = Situation::after(claim);
        if claim.date.end <= date {
            apply(&mut state, i, claim, outcome);
        } else if !state.supporting.is_empty() && outcome.continues(&state) {
            state.supporting.push(i);
            state.last_evidence = Some(date);
        } else {
            state.pending.push(i);
        }
    }
    finish(timeline, &mut state);
    state
}

fn apply(state: &mut PlaceState, index: usize, claim: &Claim, outcome: Situation) {
    if !state.supporting.is_empty() && outcome.continues(state) {
        state.supporting.push(index);
        state.last_evidence = state.last_evidence.max(Some(claim.date.end));
        state.certainty = state.certainty.min(claim.modality);
        if claim.event.is_change() && !state.since_change {
            state.since = Some(claim.date.clone());
            state.since_change = true;
        }
        if state.other.is_none() {
            state.other = outcome.other.map(String::from);
        }
        return;
    }
    state.holder = outcome.holder.map(String::from);
    state.status = outcome.status;
    state.other = outcome.other.map(String::from);
    state.lost_by = outcome.lost_by.map(String::from);
    state.certainty = claim.modality;
    state.since = Some(claim.date.clone());
    state.since_change = claim.event.is_change();
    state.last_evidence = Some(claim.date.end);
    state.supporting = vec![index];
}

/// Age, staleness and the conflicts that touch the state's evidence or its date.
fn finish(timeline: &Timeline, state: &mut PlaceState) {
    state.independent_sources = timeline.independent_sources(&state.supporting);
    if let Some(last) = state.last_evidence {
        let age = last.days_until(state.date).max(0);
        state.age_days = Some(age);
        state.stale = age > STALE_AFTER_DAYS;
    }
    for i in timeline.conflict_indices(&state.place) {
        let conflict = &timeline.conflicts[i];
        // Both lists are in ascending claim order.
        let listed = |c: &usize| state.supporting.binary_search(c).is_ok() || state.pending.binary_search(c).is_ok();
        let involved = [conflict.first, conflict.second].iter().any(listed);
        let during = conflict.window.0 <= state.date && state.date <= conflict.window.1;
        if involved || during {
            state.conflicts.push(i);
        }
    }
}
