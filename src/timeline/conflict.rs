//! Conflicts: pairs of claims from different sources that cannot both be right.
//!
//! Each claim asserts who is present at a place right after it (and, for a capture or loss,
//! right before it). Two assertions are incompatible when one puts a faction there that the other
//! excludes: "held by X" excludes everyone else; "partial" puts both sides there; "lost by X"
//! excludes X.

use serde::Serialize;

use crate::date::Date;
use crate::model::{Claim, Event, Modality, SourceRef};
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

/// At most two factions, without allocating (this runs for every pair of nearby claims).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Few<'a>([Option<&'a str>; 2]);

impl<'a> Few<'a> {
    fn one(faction: &'a str) -> Few<'a> {
        Few([Some(faction), None])
    }

    fn iter(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.0.iter().flatten().copied()
    }

    fn contains(&self, faction: &str) -> bool {
        self.0.contains(&Some(faction))
    }
}

/// Who a claim puts at a place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Presence<'a> {
    present: Few<'a>,
    /// Only the present factions are there.
    exclusive: bool,
    absent: Option<&'a str>,
}

impl<'a> Presence<'a> {
    fn held(by: &'a str) -> Presence<'a> {
        Presence { present: Few::one(by), exclusive: true, absent: None }
    }

    fn without(faction: &'a str) -> Presence<'a> {
        Presence { present: Few::default(), exclusive: false, absent: Some(faction) }
    }

    /// Who is at the place right after the claim.
    pub fn after(claim: &'a Claim) -> Presence<'a> {
        let holder = claim.holder.as_str();
        let other = claim.other.as_deref();
        match claim.event {
            Event::Holds | Event::Captured | Event::Besieged => Presence::held(holder),
            Event::Contested => Presence { present: Few::one(holder), exclusive: false, absent: None },
            Event::Partial => Presence { present: Few([Some(holder), other]), exclusive: false, absent: None },
            Event::Lost => other.map_or_else(|| Presence::without(holder), Presence::held),
        }
    }

    /// Who was at the place right before a capture or loss (for other claims, the same as after).
    /// The side that loses was there, perhaps not alone: a capture often ends a partial hold.
    pub fn before(claim: &'a Claim) -> Presence<'a> {
        let there = |faction: &'a str| Presence { present: Few::one(faction), exclusive: false, absent: None };
        match (claim.event, claim.other.as_deref()) {
            (Event::Captured, Some(loser)) => there(loser),
            (Event::Captured, None) => Presence { present: Few::default(), exclusive: false, absent: None },
            (Event::Lost, _) => there(&claim.holder),
            _ => Presence::after(claim),
        }
    }

    /// Can a state claim describe the place just before this capture or loss (and not after it)?
    pub fn leads_up_to(state: &'a Claim, change: &'a Claim) -> bool {
        let said = Presence::after(state);
        change.event.is_change()
            && said.compatible(&Presence::before(change))
            && !said.compatible(&Presence::after(change))
    }

    pub fn includes(&self, faction: &str) -> bool {
        self.present.contains(faction)
    }

    /// Does this assertion rule `faction` out?
    pub fn excludes(&self, faction: &str) -> bool {
        self.absent == Some(faction) || (self.exclusive && !self.present.contains(faction))
    }

    pub fn compatible(&self, other: &Presence) -> bool {
        !self.present.iter().any(|f| other.excludes(f)) && !other.present.iter().any(|f| self.excludes(f))
    }
}

/// How many claims of one statement (event, holder, other side) a claim is paired with at most:
/// the ones overlapping it that end last. A dense place (thousands of claims a month) would
/// otherwise report every pair; this keeps the conflicts linear in the claims.
pub const PARTNERS_PER_STATEMENT: usize = 3;
/// How many overlapping claims of one statement are looked at to find partners that cite no
/// source in common with the claim.
const PARTNER_SEARCH: usize = 64;

/// Conflicts among the claims `range` of one place (in application order).
///
/// # Steps
/// 1. Reversals: a claim can only undo the last capture or loss applied before it (a change in
///    between reconciles them), so each claim is checked against that one change.
/// 2. Simultaneous conflicts: the claims are grouped by statement (event, holder, other side and,
///    for states, whether a reported change overlaps them), so whether two claims are
///    reconcilable depends on their two statements only and is decided once per pair of
///    statements. A sweep over the spans sorted by first day keeps, per statement, the claims
///    seen so far ordered by last day; each claim is paired with the latest-ending overlapping
///    claims of every statement it contradicts (at most [`PARTNERS_PER_STATEMENT`] of each).
///
/// The cost is O(n log n) in the place's claims, however dense.
pub(crate) fn find(claims: &[Claim], range: std::ops::Range<usize>) -> Vec<Conflict> {
    let applied: Vec<usize> = range.filter(|&i| claims[i].modality != Modality::Expected).collect();
    let marks: Vec<u64> = applied.iter().map(|&i| source_marks(&claims[i])).collect();
    let mut found = reversals(claims, &applied, &marks);
    found.extend(simultaneous_sweep(claims, &applied, &marks));
    found.sort_by_key(|c| (c.first, c.second));
    found.dedup_by_key(|c| (c.first, c.second));
    found
}

/// Every claim against the last capture or loss applied before it.
fn reversals(claims: &[Claim], applied: &[usize], marks: &[u64]) -> Vec<Conflict> {
    let mut found = Vec::new();
    // The last change applied: its position in `applied` and its index in `claims`.
    let mut last_change: Option<(usize, usize)> = None;
    for (q, &b) in applied.iter().enumerate() {
        if let Some((p, a)) = last_change
            && let Some(conflict) = reversal(claims, a, b)
            && !shared(claims, applied, marks, p, q)
        {
            found.push(conflict);
        }
        if claims[b].event.is_change() {
            last_change = Some((q, b));
        }
    }
    found
}

/// Do the claims at positions `p` and `q` of `applied` cite a source in common?
fn shared(claims: &[Claim], applied: &[usize], marks: &[u64], p: usize, q: usize) -> bool {
    marks[p] & marks[q] != 0 && share_a_source(&claims[applied[p]], &claims[applied[q]])
}

/// What a claim states, as far as conflicts go: two claims with the same statement are
/// reconcilable with exactly the same claims.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Statement<'a> {
    event: Event,
    holder: &'a str,
    other: Option<&'a str>,
    /// For a state: a capture or loss reported within its span reconciles it with any other state.
    near_change: bool,
}

/// Statements numbered in order of appearance, with a representative claim and a lazily filled
/// table of which pairs contradict each other.
#[derive(Default)]
struct Statements<'a> {
    ids: crate::fxhash::SpreadMap<Statement<'a>, usize>,
    examples: Vec<(&'a Claim, bool)>,
    /// Per pair of statements (row-major, filled once every statement is numbered): 0 not yet
    /// decided, 1 reconcilable, 2 contradictory.
    table: Vec<u8>,
}

impl<'a> Statements<'a> {
    fn id(&mut self, claim: &'a Claim, near_change: bool) -> usize {
        let near_change = near_change && !claim.event.is_change();
        let key = Statement { event: claim.event, holder: &claim.holder, other: claim.other.as_deref(), near_change };
        let next = self.examples.len();
        let id = *self.ids.entry(key).or_insert(next);
        if id == next {
            self.examples.push((claim, near_change));
        }
        id
    }

    fn contradict(&mut self, x: usize, y: usize) -> bool {
        let count = self.examples.len();
        self.table.resize(count * count, 0);
        let cell = x * count + y;
        if self.table[cell] == 0 {
            let ((a, a_near), (b, b_near)) = (self.examples[x], self.examples[y]);
            self.table[cell] = if reconcilable(a, b, a_near || b_near) { 1 } else { 2 };
        }
        self.table[cell] == 2
    }
}

/// The overlapping pairs of claims whose statements contradict each other (see [`find`]).
fn simultaneous_sweep(claims: &[Claim], applied: &[usize], marks: &[u64]) -> Vec<Conflict> {
    let near = near_a_change(claims, applied);
    let mut statements = Statements::default();
    let ids: Vec<usize> = applied.iter().zip(&near).map(|(&i, &n)| statements.id(&claims[i], n)).collect();
    let mut by_start: Vec<usize> = (0..applied.len()).collect();
    by_start.sort_by_key(|&p| (claims[applied[p]].date.start, p));
    // Per statement: the claims swept so far by (last day, position), and the latest last day.
    let mut seen: Vec<std::collections::BTreeSet<(Date, usize)>> = vec![Default::default(); statements.examples.len()];
    let mut latest_end: Vec<Option<Date>> = vec![None; statements.examples.len()];
    // The statements with a claim that may still overlap the next ones (latest last day not passed).
    let mut live: Vec<usize> = Vec::new();
    let mut found = Vec::new();
    for p in by_start {
        let claim = &claims[applied[p]];
        live.retain(|&s| latest_end[s].is_some_and(|end| end >= claim.date.start));
        for &statement in &live {
            if !statements.contradict(ids[p], statement) {
                continue;
            }
            let overlapping = seen[statement].range((claim.date.start, 0)..).rev().take(PARTNER_SEARCH);
            let partners = overlapping
                .map(|&(_, q)| q)
                .filter(|&q| !shared(claims, applied, marks, p, q))
                .take(PARTNERS_PER_STATEMENT);
            for q in partners {
                let (a, b) = (applied[q.min(p)], applied[q.max(p)]);
                let (x, y) = (&claims[a].date, &claims[b].date);
                let window = (x.start.max(y.start), x.end.min(y.end));
                found.push(Conflict { kind: ConflictKind::Simultaneous, first: a, second: b, window });
            }
        }
        seen[ids[p]].insert((claim.date.end, p));
        if latest_end[ids[p]].is_none_or(|end| end < claim.date.start) {
            live.push(ids[p]);
        }
        latest_end[ids[p]] = latest_end[ids[p]].max(Some(claim.date.end));
    }
    found
}

/// For each applied claim: does a capture or loss (an applied one) overlap its span?
fn near_a_change(claims: &[Claim], applied: &[usize]) -> Vec<bool> {
    let mut changes: Vec<(Date, Date)> = applied
        .iter()
        .map(|&i| &claims[i])
        .filter(|c| c.event.is_change())
        .map(|c| (c.date.start, c.date.end))
        .collect();
    changes.sort();
    // The latest last day among the changes that start at or before each one.
    let mut latest = Vec::with_capacity(changes.len());
    for &(_, end) in &changes {
        latest.push(latest.last().copied().unwrap_or(end).max(end));
    }
    applied
        .iter()
        .map(|&i| {
            let span = &claims[i].date;
            let started = changes.partition_point(|&(start, _)| start <= span.end);
            started > 0 && latest[started - 1] >= span.start
        })
        .collect()
}

/// One bit per source a claim cites (of 64, by its sentence, kind and the length of its
/// document's name: equal sources set the same bit): claims whose marks share no bit cite no
/// source in common, which is then known without reading the names again.
fn source_marks(claim: &Claim) -> u64 {
    let bit = |s: &SourceRef| {
        let word = u64::from(s.sentence.unwrap_or(0)) << 32 | (s.article.len() as u64) << 2 | s.kind as u64;
        (word.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 58) as u32
    };
    claim.sources.iter().fold(0, |marks, source| marks | 1 << bit(source))
}

/// Do two claims cite one source in common? (Sentence numbers first: they differ most often and
/// compare without reading the article names.)
fn share_a_source(a: &Claim, b: &Claim) -> bool {
    let same = |s: &SourceRef, t: &SourceRef| s.sentence == t.sentence && s.kind == t.kind && s.article == t.article;
    a.sources.iter().any(|s| b.sources.iter().any(|t| same(s, t)))
}

/// Two claims whose spans overlap conflict unless some order of events reconciles them. Two
/// states that disagree are reconciled only by a capture or loss reported within their spans
/// (`change_reported`); a state fits a change it could precede or follow.
fn reconcilable(a: &Claim, b: &Claim, change_reported: bool) -> bool {
    match (a.event.is_change(), b.event.is_change()) {
        (false, false) => Presence::after(a).compatible(&Presence::after(b)) || change_reported,
        (true, false) => state_fits_change(b, a),
        (false, true) => state_fits_change(a, b),
        (true, true) => {
            Presence::after(a).compatible(&Presence::after(b))
                || Presence::after(a).compatible(&Presence::before(b))
                || Presence::after(b).compatible(&Presence::before(a))
        }
    }
}

/// A state claim fits a change in the same span if it describes the place before or after it.
fn state_fits_change(state: &Claim, change: &Claim) -> bool {
    let said = Presence::after(state);
    said.compatible(&Presence::after(change)) || said.compatible(&Presence::before(change))
}

/// Does `bi` undo the capture or loss `ai` (the last change applied before it) soon after?
fn reversal(claims: &[Claim], ai: usize, bi: usize) -> Option<Conflict> {
    let (a, b) = (&claims[ai], &claims[bi]);
    let gap = a.date.end.days_until(b.date.start);
    if !a.event.is_change() || gap <= 0 || gap > REVERSAL_WINDOW_DAYS {
        return None;
    }
    let said_by_b = if b.event.is_change() { Presence::before(b) } else { Presence::after(b) };
    let undone = !said_by_b.compatible(&Presence::after(a));
    undone.then_some(Conflict { kind: ConflictKind::Reversal, first: ai, second: bi, window: (a.date.end, b.date.end) })
}
