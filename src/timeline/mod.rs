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
//! - Every state counts its *independent sources*: the distinct publishers (article files,
//!   domains, datasets, cited publishers; see [`publisher_key`]) behind its supporting claims.
//! - [`diff`] compares two dates: places that changed, first appeared or went stale, and
//!   conflicts that opened or closed, each with the claims behind it.

mod check;
mod conflict;
mod diff;
mod sources;
mod state;

use std::collections::BTreeMap;

pub use check::{Check, Verdict, check};
pub use conflict::{Conflict, ConflictKind};
pub use diff::{Change, ChangeKind, ConflictEvent, ConflictTurn, Diff, between, diff};
pub use sources::{count_independent, publisher_key};
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
    use rayon::prelude::*;
    sort_in_application_order(&mut claims);
    claims.par_chunk_by_mut(|a, b| a.place == b.place).for_each(order_equal_spans);
    let duplicates = remove_duplicates(&mut claims);
    let mut places: BTreeMap<PlaceKey, std::ops::Range<usize>> = BTreeMap::new();
    let mut start = 0;
    while start < claims.len() {
        let end = start + claims[start..].iter().take_while(|c| c.place == claims[start].place).count();
        places.insert(claims[start].place.clone(), start..end);
        start = end;
    }
    let ranges: Vec<std::ops::Range<usize>> = places.values().cloned().collect();
    let (conflicts, counts) = conflicts_of(&claims, &ranges);
    let mut conflict_ranges = BTreeMap::new();
    let mut start = 0;
    for (place, count) in places.keys().zip(counts) {
        conflict_ranges.insert(place.clone(), start..start + count);
        start += count;
    }
    Timeline { claims, places, conflicts, conflict_ranges, duplicates }
}

/// The conflicts of some places, in order, and how many each place has. Places are searched in
/// parallel; each place's list is moved into the one list as soon as it is found, in order.
fn conflicts_of(claims: &[Claim], places: &[std::ops::Range<usize>]) -> (Vec<Conflict>, Vec<usize>) {
    use rayon::prelude::*;
    let per_place: Vec<Vec<Conflict>> = places.par_iter().map(|range| conflict::find(claims, range.clone())).collect();
    let counts = per_place.iter().map(Vec::len).collect();
    let mut found = Vec::with_capacity(per_place.iter().map(Vec::len).sum());
    for list in per_place {
        found.extend(list);
    }
    (found, counts)
}

/// Sorts claims by place, then content (see [`Claim::content_key`]), then origin. A million
/// claims are large to move and slow to compare field by field, so each gets a packed key (ranks
/// of its place, holder and other side among the distinct ones, its days, event and modality:
/// the order of the content key's first fields) and the first bytes of its first source (the
/// next field); indices are sorted by them, only equal keys are compared in full (in parallel),
/// and the claims are then put in place once.
fn sort_in_application_order(claims: &mut [Claim]) {
    use rayon::prelude::*;
    let place_rank = name_ranks(claims.par_iter().map(|c| (c.place.kind as usize, &c.place.id)));
    let side_rank =
        name_ranks(claims.par_iter().flat_map_iter(|c| std::iter::once(&c.holder).chain(&c.other)).map(|n| (0, n)));
    let rank = |ranks: &crate::fxhash::SpreadMap<(usize, usize), u32>, kind: usize, name: &crate::name::Name| {
        ranks[&(kind, name.address())] as u128
    };
    let day = |date: crate::date::Date| (date.to_days() + 400_000).clamp(0, (1 << 20) - 1) as u128;
    let packed: Vec<(u128, u64, u32)> = claims
        .par_iter()
        .enumerate()
        .map(|(i, c)| {
            let other = c.other.as_ref().map_or(0, |o| 1 + rank(&side_rank, 0, o));
            let key = rank(&place_rank, c.place.kind as usize, &c.place.id) << 104
                | day(c.date.end) << 84
                | day(c.date.start) << 64
                | u128::from(!c.event.is_change()) << 63
                | (c.event as u128) << 60
                | rank(&side_rank, 0, &c.holder) << 38
                | other << 16
                | c.modality as u128;
            (key, first_source_prefix(c), i as u32)
        })
        .collect();
    let mut order = packed;
    order.par_sort_unstable();
    let full = |a: &u32, b: &u32| {
        let (x, y) = (&claims[*a as usize], &claims[*b as usize]);
        x.content_key().cmp(&y.content_key()).then_with(|| x.origin.cmp(&y.origin))
    };
    order.par_chunk_by_mut(|a, b| (a.0, a.1) == (b.0, b.1)).filter(|run| run.len() > 1).for_each(|run| {
        run.sort_unstable_by(|a, b| full(&a.2, &b.2));
    });
    let place_of: Vec<u32> = {
        let mut place_of = vec![0u32; claims.len()];
        order.iter().for_each(|&(key, _, i)| place_of[i as usize] = (key >> 104) as u32);
        place_of
    };
    let order: Vec<u32> = order.into_iter().map(|(_, _, i)| i).collect();
    permute_by_place(claims, &order, &place_of);
}

/// [`permute`] for a million claims: moving each claim straight to its final slot reads them in
/// random order (a cache miss a claim, in one long chain). Instead the claims are first dealt
/// into their place's range (an American flag sort: one write stream per place, each slot
/// written once), then each place's few thousand claims are put in order within its range, in
/// parallel. `order[k]` is the claim that ends at position k, `place_of[i]` the rank of claim
/// i's place, the same for the claims of one range of `order` and rising along it.
fn permute_by_place<T: Send>(items: &mut [T], order: &[u32], place_of: &[u32]) {
    use rayon::prelude::*;
    let places = place_of.iter().max().map_or(0, |&m| m as usize + 1);
    let mut starts = vec![0usize; places + 1];
    place_of.iter().for_each(|&p| starts[p as usize + 1] += 1);
    for p in 0..places {
        starts[p + 1] += starts[p];
    }
    // Deal: `home[k]` is the original index of the item now at k, `tag[k]` its place.
    let mut home: Vec<u32> = (0..items.len() as u32).collect();
    let mut tag: Vec<u32> = place_of.to_vec();
    let mut next: Vec<usize> = starts[..places].to_vec();
    for p in 0..places {
        while next[p] < starts[p + 1] {
            let at = next[p];
            let belongs = tag[at] as usize;
            if belongs == p {
                next[p] += 1;
            } else {
                let slot = next[belongs];
                items.swap(at, slot);
                home.swap(at, slot);
                tag.swap(at, slot);
                next[belongs] += 1;
            }
        }
    }
    drop(tag);
    let mut position = vec![0u32; items.len()];
    home.iter().enumerate().for_each(|(k, &original)| position[original as usize] = k as u32);
    drop(home);
    // Order within each place's range.
    let mut ranges: Vec<(&mut [T], usize)> = Vec::with_capacity(places);
    let mut rest = items;
    for p in 0..places {
        let (range, after) = rest.split_at_mut(starts[p + 1] - starts[p]);
        ranges.push((range, starts[p]));
        rest = after;
    }
    ranges.into_par_iter().for_each(|(range, start)| {
        let local: Vec<usize> =
            order[start..start + range.len()].iter().map(|&i| position[i as usize] as usize - start).collect();
        permute(range, &local);
    });
}

/// The first eight bytes of the claim's first source (zero-padded; 0 for none): in the order of
/// the sources, which the content key compares after the packed fields, so claims tied on
/// those are mostly told apart without reading them again (equal prefixes are compared in full).
fn first_source_prefix(claim: &Claim) -> u64 {
    let Some(source) = claim.sources.first() else { return 0 };
    let mut prefix = [0u8; 8];
    let bytes = source.article.as_bytes();
    let n = bytes.len().min(8);
    prefix[..n].copy_from_slice(&bytes[..n]);
    u64::from_be_bytes(prefix)
}

/// Each distinct (kind, name)'s rank in sorted order, looked up by the kind and the name's
/// [`address`](crate::name::Name::address): a million claims share a few thousand names, so
/// hashing addresses instead of texts is most of the saving; equal texts at two addresses get
/// one rank. The names are gathered in parallel, a map per thread, merged (a few thousand).
fn name_ranks<'a>(
    names: impl rayon::iter::ParallelIterator<Item = (usize, &'a crate::name::Name)>,
) -> crate::fxhash::SpreadMap<(usize, usize), u32> {
    use rayon::prelude::*;
    type ByAddress<'n> = crate::fxhash::SpreadMap<(usize, usize), &'n crate::name::Name>;
    let by_address: ByAddress = names
        .fold(ByAddress::default, |mut by_address, (kind, name)| {
            by_address.entry((kind, name.address())).or_insert(name);
            by_address
        })
        .reduce(ByAddress::default, |mut all, some| {
            for (key, name) in some {
                all.entry(key).or_insert(name);
            }
            all
        });
    let mut distinct: Vec<((usize, &crate::name::Name), usize)> =
        by_address.into_iter().map(|((kind, address), name)| ((kind, name), address)).collect();
    distinct.sort_unstable();
    let mut ranks = crate::fxhash::SpreadMap::default();
    let mut rank = 0u32;
    for (at, (key, address)) in distinct.iter().enumerate() {
        if at > 0 && distinct[at - 1].0 != *key {
            rank += 1;
        }
        ranks.insert((key.0, *address), rank);
    }
    ranks
}

/// Reorders `items` so that position k holds the item that was at `order[k]`: one pass over
/// the permutation's cycles, each item moved once.
fn permute<T>(items: &mut [T], order: &[usize]) {
    let mut placed = vec![false; items.len()];
    for start in 0..items.len() {
        let mut at = start;
        while !placed[at] {
            placed[at] = true;
            let from = order[at];
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

/// Drops claims identical to the one before (same place and content), in place; returns them.
fn remove_duplicates(claims: &mut Vec<Claim>) -> Vec<Claim> {
    use rayon::prelude::*;
    // Looked for in parallel (a claim equal to the one before is equal to the last one kept);
    // most ledgers have none, and then nothing moves.
    let same = |a: &Claim, b: &Claim| a.place == b.place && a.content_key() == b.content_key();
    if !claims.par_windows(2).any(|pair| same(&pair[0], &pair[1])) {
        return Vec::new();
    }
    let mut kept = 0;
    for i in 0..claims.len() {
        let repeat = kept > 0 && {
            let (last, claim) = (&claims[kept - 1], &claims[i]);
            last.place == claim.place && last.content_key() == claim.content_key()
        };
        if !repeat {
            claims.swap(kept, i);
            kept += 1;
        }
    }
    let mut duplicates = claims.split_off(kept);
    duplicates.sort_by(|a, b| {
        a.place.cmp(&b.place).then_with(|| a.content_key().cmp(&b.content_key())).then_with(|| a.origin.cmp(&b.origin))
    });
    duplicates
}

/// Among claims of one place with the same span, a state that can only have come before a
/// capture or loss in that span (a siege, a partial hold) is put before it; the rest keep their order.
fn order_equal_spans(claims: &mut [Claim]) {
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
                permute(group, &order);
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
        state::after_each(self, place, self.claims_for(place)).into_iter().map(|(i, after, _)| (i, after)).collect()
    }

    /// Like [`Timeline::steps`], with the number of independent sources behind the state after each claim.
    pub fn steps_with_sources(&self, place: &PlaceKey) -> Vec<(usize, Option<HolderStatus>, usize)> {
        state::after_each(self, place, self.claims_for(place))
    }

    /// The state of every tracked place on `date`; places with no evidence yet are left out.
    pub fn snapshot(&self, date: Date) -> Snapshot {
        use rayon::prelude::*;
        // Places resolved in parallel (a million claims over a thousand places); collected in key order.
        let states: Vec<(PlaceKey, PlaceState)> = self
            .places
            .par_iter()
            .map(|(place, range)| (place.clone(), state::resolve(self, place, range.clone(), date)))
            .filter(|(_, s)| s.has_evidence())
            .collect();
        Snapshot { date, states: states.into_iter().collect() }
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

    /// How many independent sources back some claims: distinct publishers, domains or articles
    /// (see [`publisher_key`]).
    /// The keys are worked out here, for the claims asked about: a query shows a few states,
    /// and keys kept for every claim of a million cost a fifth of the run and 80 MB.
    pub fn independent_sources(&self, claims: &[usize]) -> usize {
        let mut keys: Vec<std::borrow::Cow<str>> =
            claims.iter().flat_map(|&i| self.claims[i].sources.iter().map(sources::source_publisher)).collect();
        keys.sort_unstable();
        keys.dedup();
        keys.len()
    }

    /// The distinct articles cited by all claims.
    pub fn articles(&self) -> Vec<&str> {
        let distinct: crate::fxhash::SpreadSet<&str> =
            self.claims.iter().flat_map(|c| c.sources.iter().map(|s| s.article.as_str())).collect();
        let mut names: Vec<&str> = distinct.into_iter().collect();
        names.sort_unstable();
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

#[cfg(test)]
mod explain_tests;
