//! What changed between two dates and on whose word: the change set that `diff`, the map
//! caption and the viewer all show.
//!
//! A place *changed* when its holder or status on the later date differs from the earlier one;
//! it *appeared* when no claim spoke of it by the earlier date and one does by the later; it went
//! *stale* when its evidence, fresh on the earlier date, is over [`STALE_AFTER_DAYS`] old on the
//! later one (the maps fade it: it is no longer tracked by fresh reports). A conflict *opened*
//! when its window starts between the dates and *closed* when it ends between them.

use std::borrow::Cow;

use serde::Serialize;

use crate::date::{Date, DateSpan, Precision};
use crate::model::PlaceKey;
use crate::timeline::{PlaceState, STALE_AFTER_DAYS, Snapshot, Timeline};

/// How a place differs between the two dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    /// The holder or the status changed.
    Changed,
    /// No claim spoke of the place by the earlier date; one does by the later date.
    Appeared,
    /// Same holder and status, but the newest evidence grew over six months old: no longer tracked.
    Stale,
}

impl ChangeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Changed => "changed",
            ChangeKind::Appeared => "appeared",
            ChangeKind::Stale => "stale",
        }
    }
}

/// One place that differs between the two dates.
#[derive(Debug, Clone)]
pub struct Change {
    pub place: PlaceKey,
    pub kind: ChangeKind,
    /// The state on the earlier date (without evidence for [`ChangeKind::Appeared`]).
    pub before: PlaceState,
    /// The state on the later date.
    pub after: PlaceState,
    /// When the change happened: the span of the captures or losses that made it (or of the first
    /// claim showing the new state); for [`ChangeKind::Stale`], the day the evidence turned stale.
    pub when: DateSpan,
    /// The claims behind the new state that count after the earlier date (timeline indices, in order).
    pub claims: Vec<usize>,
}

/// Whether a conflict between sources began or ended between the two dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ConflictTurn {
    Opened,
    Closed,
}

impl ConflictTurn {
    pub fn as_str(self) -> &'static str {
        match self {
            ConflictTurn::Opened => "opened",
            ConflictTurn::Closed => "closed",
        }
    }
}

/// A conflict that opened or closed between the two dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictEvent {
    /// Index into [`Timeline::conflicts`].
    pub conflict: usize,
    pub place: PlaceKey,
    pub turn: ConflictTurn,
    /// The first day of its window (opened) or the last (closed).
    pub date: Date,
}

/// Everything that differs between two dates, sorted by when it happened, then by place.
#[derive(Debug, Clone)]
pub struct Diff {
    pub from: Date,
    pub to: Date,
    pub changes: Vec<Change>,
    pub conflicts: Vec<ConflictEvent>,
}

impl Diff {
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty() && self.conflicts.is_empty()
    }
}

/// The change set between `from` and `to` (`from` ≤ `to`), for the given places or all tracked ones.
pub fn diff(timeline: &Timeline, from: Date, to: Date, places: &[PlaceKey]) -> Diff {
    let chosen: Vec<&PlaceKey> = if places.is_empty() { timeline.places().collect() } else { places.iter().collect() };
    let state_on =
        |place: &PlaceKey, date| timeline.state_at(place, date).unwrap_or_else(|| PlaceState::empty(place, date));
    let changes = chosen
        .iter()
        .filter_map(|place| {
            place_change(timeline, place, Cow::Owned(state_on(place, from)), Cow::Owned(state_on(place, to)))
        })
        .collect();
    finish(timeline, from, to, &chosen, changes)
}

/// The change set between two snapshots of every tracked place (as a map series has them at
/// hand), without resolving the states again. A state is copied only into a change.
pub fn between(timeline: &Timeline, before: &Snapshot, after: &Snapshot) -> Diff {
    let chosen: Vec<&PlaceKey> = timeline.places().collect();
    let changes = chosen
        .iter()
        .filter(|place| after.states.contains_key(**place))
        .filter_map(|place| place_change(timeline, place, state_in(before, place), state_in(after, place)))
        .collect();
    finish(timeline, before.date, after.date, &chosen, changes)
}

/// A place's state in a snapshot, or no state on its date.
fn state_in<'s>(snapshot: &'s Snapshot, place: &PlaceKey) -> Cow<'s, PlaceState> {
    match snapshot.states.get(place) {
        Some(state) => Cow::Borrowed(state),
        None => Cow::Owned(PlaceState::empty(place, snapshot.date)),
    }
}

/// Sorts the changes and adds the conflicts that opened or closed.
fn finish(timeline: &Timeline, from: Date, to: Date, chosen: &[&PlaceKey], mut changes: Vec<Change>) -> Diff {
    changes.sort_by(|a, b| (a.when.end, a.when.start, &a.place).cmp(&(b.when.end, b.when.start, &b.place)));
    let mut conflicts: Vec<ConflictEvent> =
        chosen.iter().flat_map(|place| conflict_events(timeline, place, from, to)).collect();
    conflicts.sort_by(|a, b| (a.date, &a.place, a.conflict, a.turn).cmp(&(b.date, &b.place, b.conflict, b.turn)));
    Diff { from, to, changes, conflicts }
}

fn place_change(
    timeline: &Timeline,
    place: &PlaceKey,
    before: Cow<PlaceState>,
    after: Cow<PlaceState>,
) -> Option<Change> {
    let from = before.date;
    let to = after.date;
    let shown = |s: &PlaceState| !s.supporting.is_empty();
    let kind = match (shown(&before), shown(&after)) {
        (false, true) => ChangeKind::Appeared,
        (true, true) if different(&before, &after) => ChangeKind::Changed,
        (true, true) if !before.stale && after.stale => ChangeKind::Stale,
        _ => return None,
    };
    let claims: Vec<usize> = after.supporting.iter().copied().filter(|&i| timeline.claims[i].date.end > from).collect();
    let when = match kind {
        ChangeKind::Stale => {
            let newest = after.last_evidence.unwrap_or(to);
            DateSpan::day(newest.add_days(STALE_AFTER_DAYS + 1))
        }
        _ => change_span(timeline, &claims, &after)?,
    };
    Some(Change { place: place.clone(), kind, before: before.into_owned(), after: after.into_owned(), when, claims })
}

/// Holder, status or who lost it differ.
fn different(before: &PlaceState, after: &PlaceState) -> bool {
    before.holder != after.holder || before.status != after.status || before.lost_by != after.lost_by
}

/// The span of the captures and losses among `claims`, or else of the first of them, or else `since`.
fn change_span(timeline: &Timeline, claims: &[usize], after: &PlaceState) -> Option<DateSpan> {
    let spans: Vec<&DateSpan> =
        claims.iter().map(|&i| &timeline.claims[i]).filter(|c| c.event.is_change()).map(|c| &c.date).collect();
    match spans.split_first() {
        Some((first, rest)) => Some(rest.iter().fold((*first).clone(), |all, span| hull(&all, span))),
        None => claims.first().map(|&i| timeline.claims[i].date.clone()).or_else(|| after.since.clone()),
    }
}

/// The smallest span covering both.
fn hull(a: &DateSpan, b: &DateSpan) -> DateSpan {
    if a == b {
        return a.clone();
    }
    let (start, end) = (a.start.min(b.start), a.end.max(b.end));
    let month = DateSpan::month(start.month_key());
    if start == end {
        DateSpan::day(start)
    } else if month.start == start && month.end == end {
        month
    } else {
        DateSpan { start, end, precision: Precision::Range }
    }
}

fn conflict_events(timeline: &Timeline, place: &PlaceKey, from: Date, to: Date) -> Vec<ConflictEvent> {
    let mut events = Vec::new();
    for i in timeline.conflict_indices(place) {
        let (start, end) = timeline.conflicts[i].window;
        if from < start && start <= to {
            events.push(ConflictEvent { conflict: i, place: place.clone(), turn: ConflictTurn::Opened, date: start });
        }
        if from <= end && end < to {
            events.push(ConflictEvent { conflict: i, place: place.clone(), turn: ConflictTurn::Closed, date: end });
        }
    }
    events
}
