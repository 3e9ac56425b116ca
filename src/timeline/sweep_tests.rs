//! The conflict sweep against the pairwise definition: the same conflicts wherever no statement
//! has more than a few claims at a place, never one the definition does not give, and dense
//! places in O(n log n).

use proptest::prelude::*;

use super::conflict::{PARTNERS_PER_STATEMENT, Presence};
use super::tests::{arbitrary_claim, claim, key};
use super::*;
use crate::model::Event;

/// Every pair of a place's applied claims checked against the rules of `docs/ledger.md`, the
/// quadratic way: the reference the sweep must agree with.
fn pairwise(t: &Timeline, place: &PlaceKey) -> Vec<(usize, usize, ConflictKind)> {
    let applied: Vec<usize> = t.claims_for(place).filter(|&i| t.is_applied(i)).collect();
    let changes: Vec<&Claim> = applied.iter().map(|&i| &t.claims[i]).filter(|c| c.event.is_change()).collect();
    let mut found = Vec::new();
    for (x, &a) in applied.iter().enumerate() {
        for (y, &b) in applied.iter().enumerate().skip(x + 1) {
            let (ca, cb) = (&t.claims[a], &t.claims[b]);
            if ca.sources.iter().any(|s| cb.sources.contains(s)) {
                continue;
            }
            if ca.date.overlaps(&cb.date) {
                let (from, to) = (ca.date.start.min(cb.date.start), ca.date.end.max(cb.date.end));
                let change_in_spans = changes.iter().any(|c| c.date.end >= from && c.date.start <= to);
                if !reference_reconcilable(ca, cb, change_in_spans) {
                    found.push((a, b, ConflictKind::Simultaneous));
                }
                continue;
            }
            let change_between = applied[x + 1..y].iter().any(|&i| t.claims[i].event.is_change());
            let gap = ca.date.end.days_until(cb.date.start);
            let said = if cb.event.is_change() { Presence::before(cb) } else { Presence::after(cb) };
            if ca.event.is_change()
                && !change_between
                && gap > 0
                && gap <= REVERSAL_WINDOW_DAYS
                && !said.compatible(&Presence::after(ca))
            {
                found.push((a, b, ConflictKind::Reversal));
            }
        }
    }
    found
}

fn reference_reconcilable(a: &Claim, b: &Claim, change_in_spans: bool) -> bool {
    let fits = |state: &Claim, change: &Claim| {
        Presence::after(state).compatible(&Presence::after(change))
            || Presence::after(state).compatible(&Presence::before(change))
    };
    match (a.event.is_change(), b.event.is_change()) {
        (false, false) => Presence::after(a).compatible(&Presence::after(b)) || change_in_spans,
        (true, false) => fits(b, a),
        (false, true) => fits(a, b),
        (true, true) => Presence::after(a).compatible(&Presence::after(b)) || fits(a, b) || fits(b, a),
    }
}

fn swept(t: &Timeline, place: &PlaceKey) -> Vec<(usize, usize, ConflictKind)> {
    t.conflicts_for(place).map(|c| (c.first, c.second, c.kind)).collect()
}

/// The most claims any one statement (event, holder, other side) has at a place.
fn largest_statement(t: &Timeline, place: &PlaceKey) -> usize {
    let mut counts = std::collections::HashMap::new();
    for i in t.claims_for(place) {
        let c = &t.claims[i];
        *counts.entry((c.event, c.holder.clone(), c.other.clone())).or_insert(0) += 1;
    }
    counts.into_values().max().unwrap_or(0)
}

proptest! {
    #[test]
    fn the_sweep_finds_what_the_pairwise_definition_finds(claims in prop::collection::vec(arbitrary_claim(), 0..40)) {
        let t = build(claims);
        for place in t.places().cloned().collect::<Vec<_>>() {
            let reference = pairwise(&t, &place);
            let found = swept(&t, &place);
            prop_assert!(found.iter().all(|c| reference.contains(c)), "{found:?} not within {reference:?}");
            if largest_statement(&t, &place) <= PARTNERS_PER_STATEMENT {
                prop_assert_eq!(found, reference);
            }
        }
    }
}

#[test]
fn a_claim_against_many_claims_of_one_statement_is_paired_with_a_few() {
    let mut claims: Vec<Claim> = (1..=20)
        .map(|n| claim("a", "2017-10", "is", Event::Holds, None, Modality::Fact, &format!("a{n}.txt#1")))
        .collect();
    claims.push(claim("a", "2017-10-15", "sdf", Event::Holds, None, Modality::Fact, "b.txt#1"));
    let t = build(claims);
    assert_eq!(pairwise(&t, &key("a")).len(), 20);
    assert_eq!(t.conflicts.len(), PARTNERS_PER_STATEMENT);
    let state = t.state_at(&key("a"), crate::date::Date { year: 2017, month: 10, day: 31 }).unwrap();
    assert!(state.is_conflicted(), "the month is still flagged");
}

#[test]
fn forty_thousand_claims_about_one_place_take_well_under_a_second() {
    let holders = ["is", "sdf", "syrian-gov"];
    let events = [Event::Holds, Event::Captured, Event::Contested, Event::Besieged];
    let claims: Vec<Claim> = (0..40_000u32)
        .map(|n| {
            let date = format!("{}-{:02}", 2014 + n % 6, 1 + n % 12);
            let (holder, event) = (holders[(n / 7 % 3) as usize], events[(n / 3 % 4) as usize]);
            let other = (event != Event::Holds).then_some(holders[((n / 7 + 1) % 3) as usize]);
            claim("a", &date, holder, event, other, Modality::Fact, &format!("s{}.txt#1", n % 5000))
        })
        .collect();
    let started = std::time::Instant::now();
    let t = build(claims);
    let elapsed = started.elapsed();
    assert!(!t.conflicts.is_empty());
    // Quadratic pair checks took about 9 s on the development machine even in release builds;
    // the sweep takes a fraction of a second in a debug build.
    assert!(elapsed.as_secs_f64() < 10.0, "{elapsed:?}");
    assert!(t.conflicts.len() < 40_000 * 3 * PARTNERS_PER_STATEMENT, "{}", t.conflicts.len());
}
