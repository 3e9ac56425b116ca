//! Unit tests of the timeline semantics: precision, modality, conflicts, staleness and order independence.

use proptest::prelude::*;

use super::*;
use crate::date::DateSpan;
use crate::model::{Event, Origin, PlaceKind, SourceRef};

pub(super) fn key(id: &str) -> PlaceKey {
    PlaceKey { kind: PlaceKind::Town, id: id.into() }
}

pub(super) fn claim(
    place: &str,
    date: &str,
    holder: &str,
    event: Event,
    other: Option<&str>,
    modality: Modality,
    source: &str,
) -> Claim {
    Claim {
        date: date.parse::<DateSpan>().unwrap(),
        place: key(place),
        place_text: place.into(),
        holder: holder.into(),
        event,
        other: other.map(Into::into),
        modality,
        sources: vec![source.parse::<SourceRef>().unwrap()],
        note: String::new(),
        extra: Vec::new(),
        origin: Origin { file: "t.csv".into(), line: 1 },
    }
}

fn fact(place: &str, date: &str, holder: &str, event: Event, other: Option<&str>, source: &str) -> Claim {
    claim(place, date, holder, event, other, Modality::Fact, source)
}

fn day(text: &str) -> Date {
    crate::date::parse_query_date(text).unwrap()
}

fn holder_on(t: &Timeline, place: &str, date: &str) -> Option<String> {
    t.state_at(&key(place), day(date)).and_then(|s| s.holder)
}

#[test]
fn a_month_claim_counts_at_month_end_and_is_pending_inside_the_month() {
    let t = build(vec![
        fact("raqqa", "2014-01", "is", Event::Captured, None, "a.txt#1"),
        fact("raqqa", "2017-10", "sdf", Event::Captured, Some("is"), "b.txt#1"),
    ]);
    assert_eq!(holder_on(&t, "raqqa", "2017-09-30").as_deref(), Some("is"));
    let inside = t.state_at(&key("raqqa"), day("2017-10-15")).unwrap();
    assert_eq!(inside.holder.as_deref(), Some("is"));
    assert_eq!(inside.pending.len(), 1);
    assert!(inside.is_uncertain());
    let month_end = t.state_at(&key("raqqa"), day("2017-10")).unwrap();
    assert_eq!(month_end.holder.as_deref(), Some("sdf"));
    assert!(month_end.pending.is_empty());
    assert!(month_end.since_change);
}

#[test]
fn a_day_claim_inside_the_month_of_a_capture_comes_first() {
    let t = build(vec![
        fact("raqqa", "2017-10", "sdf", Event::Captured, Some("is"), "b.txt#1"),
        fact("raqqa", "2017-10-15", "is", Event::Partial, Some("sdf"), "c.txt#2"),
    ]);
    let end = t.state_at(&key("raqqa"), day("2017-10-31")).unwrap();
    assert_eq!(end.holder.as_deref(), Some("sdf"));
    assert_eq!(end.status, Status::Held);
    assert!(t.conflicts.is_empty(), "a capture after the 15th reconciles them: {:?}", t.conflicts);
}

#[test]
fn expected_claims_never_change_the_state() {
    let t = build(vec![
        fact("mayadin", "2017-09", "is", Event::Holds, None, "a.txt#1"),
        claim("mayadin", "2017-10", "syrian-gov", Event::Captured, None, Modality::Expected, "a.txt#2"),
    ]);
    assert_eq!(holder_on(&t, "mayadin", "2017-12").as_deref(), Some("is"));
    assert_eq!(t.claims.len(), 2, "the expected claim is recorded");
}

#[test]
fn hedged_and_claimed_claims_change_the_state_with_lower_certainty() {
    let t = build(vec![
        fact("mayadin", "2017-09", "is", Event::Holds, None, "a.txt#1"),
        claim("mayadin", "2017-10-14", "syrian-gov", Event::Captured, Some("is"), Modality::Claimed, "b.txt#3"),
    ]);
    let s = t.state_at(&key("mayadin"), day("2017-10-20")).unwrap();
    assert_eq!(s.holder.as_deref(), Some("syrian-gov"));
    assert_eq!(s.certainty, Modality::Claimed);
    let confirmed = build(
        t.claims
            .iter()
            .cloned()
            .chain([fact("mayadin", "2017-10-19", "syrian-gov", Event::Holds, None, "c.txt#1")])
            .collect(),
    );
    let s = confirmed.state_at(&key("mayadin"), day("2017-10-20")).unwrap();
    assert_eq!(s.certainty, Modality::Fact);
    assert_eq!(s.since.unwrap().to_string(), "2017-10-14");
}

#[test]
fn a_quick_reversal_by_another_source_is_a_conflict() {
    let t = build(vec![
        fact("deir-ez-zor", "2017-09", "syrian-gov", Event::Captured, Some("is"), "a.txt#5"),
        fact("deir-ez-zor", "2017-10", "syrian-gov", Event::Partial, Some("is"), "b.txt#14"),
    ]);
    assert_eq!(t.conflicts.len(), 1);
    assert_eq!(t.conflicts[0].kind, ConflictKind::Reversal);
    let s = t.state_at(&key("deir-ez-zor"), day("2017-10")).unwrap();
    assert!(s.is_conflicted());
    assert_eq!(s.status, Status::Partial, "the newer claim gives the state; the conflict is flagged");
    let months_later = build(vec![
        fact("deir-ez-zor", "2017-09", "syrian-gov", Event::Captured, Some("is"), "a.txt#5"),
        fact("deir-ez-zor", "2018-06", "is", Event::Holds, None, "b.txt#1"),
    ]);
    assert!(months_later.conflicts.is_empty(), "a change nine months later is news, not a conflict");
}

#[test]
fn disagreeing_claims_about_the_same_day_conflict_but_one_source_does_not_conflict_with_itself() {
    let t = build(vec![
        fact("hajin", "2018-12-10", "is", Event::Holds, None, "a.txt#1"),
        fact("hajin", "2018-12-10", "sdf", Event::Holds, None, "b.txt#1"),
    ]);
    assert_eq!(t.conflicts.len(), 1);
    assert_eq!(t.conflicts[0].kind, ConflictKind::Simultaneous);
    let same_source = build(vec![
        fact("hajin", "2018-12-10", "is", Event::Holds, None, "a.txt#1"),
        fact("hajin", "2018-12-10", "sdf", Event::Holds, None, "a.txt#1"),
    ]);
    assert!(same_source.conflicts.is_empty());
}

#[test]
fn a_siege_then_a_capture_in_the_same_month_is_not_a_conflict() {
    let t = build(vec![
        fact("mayadin", "2017-10", "is", Event::Besieged, Some("syrian-gov"), "a.txt#6"),
        fact("mayadin", "2017-10", "syrian-gov", Event::Captured, Some("is"), "b.txt#9"),
    ]);
    assert!(t.conflicts.is_empty(), "{:?}", t.conflicts);
    assert_eq!(holder_on(&t, "mayadin", "2017-10").as_deref(), Some("syrian-gov"));
}

#[test]
fn two_states_in_one_month_conflict_unless_a_reported_change_explains_them() {
    let unexplained = build(vec![
        fact("hajin", "2018-12", "is", Event::Holds, None, "a.txt#1"),
        fact("hajin", "2018-12", "sdf", Event::Holds, None, "b.txt#1"),
    ]);
    assert_eq!(unexplained.conflicts.len(), 1);
    let explained = build(vec![
        fact("hajin", "2018-12", "is", Event::Holds, None, "a.txt#1"),
        fact("hajin", "2018-12-14", "sdf", Event::Captured, Some("is"), "c.txt#1"),
        fact("hajin", "2018-12", "sdf", Event::Holds, None, "b.txt#1"),
    ]);
    assert!(explained.conflicts.is_empty(), "{:?}", explained.conflicts);
}

#[test]
fn evidence_ages_and_goes_stale() {
    let t = build(vec![fact("rawa", "2017-11", "iraqi-gov", Event::Captured, Some("is"), "a.txt#1")]);
    let fresh = t.state_at(&key("rawa"), day("2017-12-31")).unwrap();
    assert_eq!(fresh.age_days, Some(31));
    assert!(!fresh.stale);
    let old = t.state_at(&key("rawa"), day("2019-05")).unwrap();
    assert!(old.stale);
    assert_eq!(old.holder.as_deref(), Some("iraqi-gov"), "a stale state is still the state");
}

#[test]
fn a_loss_without_a_winner_leaves_the_holder_unknown() {
    let t = build(vec![
        fact("x", "2016-01", "is", Event::Holds, None, "a.txt#1"),
        fact("x", "2016-03", "is", Event::Lost, None, "a.txt#2"),
    ]);
    let s = t.state_at(&key("x"), day("2016-04")).unwrap();
    assert_eq!((s.holder, s.status, s.lost_by.as_deref()), (None, Status::Unknown, Some("is")));
}

#[test]
fn identical_rows_are_dropped_as_duplicates() {
    let one = fact("x", "2016-01", "is", Event::Holds, None, "a.txt#1");
    let t = build(vec![one.clone(), one.clone(), one]);
    assert_eq!(t.claims.len(), 1);
    assert_eq!(t.duplicates.len(), 2);
}

#[test]
fn check_gives_each_verdict() {
    let t = build(vec![
        fact("abu-kamal", "2017-11-09", "syrian-gov", Event::Captured, Some("is"), "a.txt#1"),
        fact("abu-kamal", "2017-11-12", "is", Event::Captured, Some("syrian-gov"), "a.txt#2"),
        fact("abu-kamal", "2017-11", "syrian-gov", Event::Captured, Some("is"), "b.txt#3"),
    ]);
    let place = key("abu-kamal");
    assert_eq!(check(&t, &place, "is", day("2017-11-10")).verdict, Verdict::Contradicted);
    assert_eq!(check(&t, &place, "is", day("2017-11-13")).verdict, Verdict::Uncertain);
    assert_eq!(check(&t, &place, "syrian-gov", day("2017-12-05")).verdict, Verdict::Supported);
    assert_eq!(check(&t, &place, "is", day("2017-12-05")).verdict, Verdict::Contradicted);
    assert_eq!(check(&t, &place, "is", day("2016-01-01")).verdict, Verdict::Unknown);
    let c = check(&t, &place, "is", day("2017-12-05"));
    assert!(!c.contradicting.is_empty());
}

#[test]
fn check_with_only_claims_in_progress_is_uncertain_not_unknown() {
    let t = build(vec![fact("baghouz", "2017-10/2019-02-13", "is", Event::Holds, None, "a.txt#35")]);
    let place = key("baghouz");
    let sdf = check(&t, &place, "sdf", day("2017-10-31"));
    assert_eq!(sdf.verdict, Verdict::Uncertain, "{}", sdf.reason);
    assert!(sdf.reason.contains("No claim has taken effect"));
    assert_eq!(check(&t, &place, "is", day("2017-10-31")).verdict, Verdict::Uncertain);
}

#[test]
fn history_steps_show_the_state_after_each_claim_even_on_one_day() {
    let t = build(vec![
        fact("raqqa", "2017-10-17", "is", Event::Besieged, Some("sdf"), "a.txt#1"),
        fact("raqqa", "2017-10-17", "sdf", Event::Captured, Some("is"), "b.txt#1"),
    ]);
    let steps: Vec<_> =
        t.steps(&key("raqqa")).into_iter().map(|(_, after)| after.map(|(h, s)| (h.unwrap_or_default(), s))).collect();
    assert_eq!(steps, [Some(("is".to_string(), Status::Besieged)), Some(("sdf".to_string(), Status::Held))]);
}

pub(super) fn arbitrary_claim() -> impl Strategy<Value = Claim> {
    let places = prop::sample::select(vec!["a", "b"]);
    let holders = prop::sample::select(vec!["is", "sdf", "syrian-gov"]);
    let others = prop::option::of(prop::sample::select(vec!["is", "sdf", "syrian-gov"]));
    let events = prop::sample::select(Event::ALL.to_vec());
    let modalities = prop::sample::select(Modality::ALL.to_vec());
    let dates = (2014i32..2019, 1u8..=12, prop::option::of(1u8..=28))
        .prop_map(|(y, m, d)| d.map_or(format!("{y}-{m:02}"), |d| format!("{y}-{m:02}-{d:02}")));
    let sources = (0u32..4, 1u32..30).prop_map(|(a, s)| format!("{a}.txt#{s}"));
    (places, dates, holders, events, others, modalities, sources)
        .prop_map(|(p, d, h, e, o, m, s)| claim(p, &d, h, e, o, m, &s))
}

fn answers(t: &Timeline) -> Vec<String> {
    let mut out = Vec::new();
    for month in
        (crate::date::YearMonth { year: 2014, month: 1 }).through(crate::date::YearMonth { year: 2019, month: 6 })
    {
        for place in ["a", "b"] {
            let state = t.state_at(&key(place), month.last_day());
            let state = state
                .map(|s| (s.holder, s.status, s.other, s.since, s.last_evidence, s.pending.len(), s.conflicts.len()));
            out.push(format!("{month} {place} {state:?}"));
        }
    }
    out.push(format!("{} conflicts", t.conflicts.len()));
    out
}

proptest! {
    #[test]
    fn claims_in_any_order_give_the_same_timeline(claims in prop::collection::vec(arbitrary_claim(), 0..25), seed in any::<u64>()) {
        let forward = build(claims.clone());
        let mut shuffled = claims;
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            shuffled.swap(i, (state % (i as u64 + 1)) as usize);
        }
        prop_assert_eq!(answers(&forward), answers(&build(shuffled)));
    }

    #[test]
    fn a_later_claim_never_changes_an_earlier_month(claims in prop::collection::vec(arbitrary_claim(), 1..25), extra in arbitrary_claim()) {
        let before = build(claims.clone());
        let mut more = claims;
        more.push(extra.clone());
        let after = build(more);
        let cutoff = extra.date.start;
        for month in (crate::date::YearMonth { year: 2014, month: 1 }).through(crate::date::YearMonth { year: 2019, month: 6 }) {
            let date = month.last_day();
            if date >= cutoff { break; }
            for place in ["a", "b"] {
                let old = before.state_at(&key(place), date).map(|s| (s.holder, s.status, s.since));
                let new = after.state_at(&key(place), date).map(|s| (s.holder, s.status, s.since));
                if extra.place != key(place) || old.is_some() {
                    prop_assert_eq!(old, new, "{} {}", month, place);
                }
            }
        }
    }
}

#[test]
fn names_shared_by_an_interner_or_made_one_by_one_sort_claims_alike() {
    // The sort ranks names by address; equal texts at different addresses must rank as one.
    let claims = vec![
        fact("b", "2017-10", "sdf", Event::Holds, None, "a.txt#1"),
        fact("a", "2017-10", "is", Event::Holds, None, "a.txt#2"),
        fact("b", "2017-09", "is", Event::Captured, Some("sdf"), "a.txt#3"),
        fact("a", "2017-10", "sdf", Event::Captured, Some("is"), "a.txt#4"),
        fact("a", "2017-10", "is", Event::Holds, None, "a.txt#5"),
    ];
    let mut interner = crate::name::Interner::default();
    let shared: Vec<Claim> = claims
        .iter()
        .cloned()
        .map(|mut c| {
            c.place.id = interner.name(&c.place.id);
            c.holder = interner.name(&c.holder);
            c.other = c.other.map(|o| interner.name(&o));
            c
        })
        .collect();
    let order = |t: &Timeline| t.claims.iter().map(|c| c.sources_text()).collect::<Vec<_>>();
    let separate = build(claims);
    assert_eq!(order(&separate), order(&build(shared)));
    // In a: the holds by is lead up to the capture by sdf in the same month, so come first.
    assert_eq!(order(&separate), ["a.txt#2", "a.txt#5", "a.txt#4", "a.txt#3", "a.txt#1"]);
}

proptest! {
    /// Dealing items into their place's range and ordering each range gives the same order as
    /// taking each item straight from where `order` says.
    #[test]
    fn permuting_by_place_puts_every_item_where_the_order_says(
        places in prop::collection::vec(0u32..6, 0..200),
        shuffle in any::<u64>(),
    ) {
        // An order grouped by place (rising), the items of a place in a shuffled order.
        let mut order: Vec<u32> = (0..places.len() as u32).collect();
        order.sort_by_key(|&i| (places[i as usize], (u64::from(i) ^ shuffle).wrapping_mul(0x9E37_79B9_7F4A_7C15)));
        let mut items: Vec<u32> = (0..places.len() as u32).map(|i| i * 10).collect();
        let expected: Vec<u32> = order.iter().map(|&i| items[i as usize]).collect();
        permute_by_place(&mut items, &order, &places);
        prop_assert_eq!(items, expected);
    }
}
