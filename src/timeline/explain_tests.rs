//! Unit tests of what explains the timeline: the change set between two dates, corroboration
//! (independent sources) and the reading of `check` (what counts for, against, and later).

use super::*;
use crate::date::DateSpan;
use crate::model::{Event, Origin, PlaceKind, SourceRef};

fn key(id: &str) -> PlaceKey {
    PlaceKey { kind: PlaceKind::Town, id: id.into() }
}

/// A fact claim citing `sources` (`;`-separated).
fn claim(place: &str, date: &str, holder: &str, event: Event, other: Option<&str>, sources: &str) -> Claim {
    Claim {
        date: date.parse::<DateSpan>().unwrap(),
        place: key(place),
        place_text: place.into(),
        holder: holder.into(),
        event,
        other: other.map(Into::into),
        modality: Modality::Fact,
        sources: crate::model::parse_sources(sources).unwrap(),
        note: String::new(),
        extra: Vec::new(),
        origin: Origin { file: "t.csv".into(), line: 1 },
    }
}

fn day(text: &str) -> Date {
    crate::date::parse_query_date(text).unwrap()
}

fn independent(t: &Timeline, place: &str, date: &str) -> usize {
    t.state_at(&key(place), day(date)).unwrap().independent_sources
}

#[test]
fn independent_sources_count_articles_once_whatever_the_sentence() {
    let one = build(vec![
        claim("raqqa", "2017-10", "sdf", Event::Captured, Some("is"), "a.txt#1;a.txt#4"),
        claim("raqqa", "2017-11", "sdf", Event::Holds, None, "a.txt#9"),
    ]);
    assert_eq!(independent(&one, "raqqa", "2017-11"), 1);
    let two = build(vec![
        claim("raqqa", "2017-10", "sdf", Event::Captured, Some("is"), "a.txt#1;a.txt#4"),
        claim("raqqa", "2017-11", "sdf", Event::Holds, None, "b.txt#2"),
    ]);
    assert_eq!(independent(&two, "raqqa", "2017-11"), 2);
    assert_eq!(independent(&two, "raqqa", "2017-10"), 1, "the November claim does not count in October");
    let three = build(vec![
        claim("raqqa", "2017-10", "sdf", Event::Captured, Some("is"), "a.txt#1;b.txt#4"),
        claim("raqqa", "2017-11", "sdf", Event::Holds, None, "c.txt#2;a.txt#3"),
    ]);
    assert_eq!(independent(&three, "raqqa", "2017-11"), 3);
}

#[test]
fn a_change_of_holder_counts_only_the_sources_of_the_new_state() {
    let t = build(vec![
        claim("raqqa", "2017-06", "is", Event::Holds, None, "a.txt#1;b.txt#1"),
        claim("raqqa", "2017-10", "sdf", Event::Captured, Some("is"), "c.txt#1"),
    ]);
    assert_eq!(independent(&t, "raqqa", "2017-09"), 2);
    assert_eq!(independent(&t, "raqqa", "2017-10"), 1);
}

#[test]
fn diff_lists_changes_first_reports_and_stale_places_sorted_by_date() {
    let t = build(vec![
        claim("raqqa", "2017-06", "is", Event::Holds, None, "a.txt#1"),
        claim("raqqa", "2017-10-20", "sdf", Event::Captured, Some("is"), "b.txt#1;c.txt#2"),
        claim("mayadin", "2017-10-14", "syrian-gov", Event::Captured, Some("is"), "d.txt#1"),
        claim("sinjar", "2017-03", "kurdistan", Event::Holds, None, "e.txt#1"),
        claim("kobani", "2017-01", "sdf", Event::Holds, None, "f.txt#1"),
    ]);
    let d = diff(&t, day("2017-09"), day("2017-12"), &[]);
    let listed: Vec<(&str, ChangeKind)> = d.changes.iter().map(|c| (c.place.id.as_str(), c.kind)).collect();
    assert_eq!(
        listed,
        vec![("sinjar", ChangeKind::Stale), ("mayadin", ChangeKind::Appeared), ("raqqa", ChangeKind::Changed)],
        "kobani went stale before September and is not a change"
    );
    let raqqa = &d.changes[2];
    assert_eq!(raqqa.before.holder.as_deref(), Some("is"));
    assert_eq!(raqqa.after.holder.as_deref(), Some("sdf"));
    assert_eq!(raqqa.when.to_string(), "2017-10-20");
    assert_eq!(t.sources_of(&raqqa.claims), vec!["b.txt#1", "c.txt#2"]);
    assert_eq!(raqqa.after.independent_sources, 2);
    assert_eq!(d.changes[0].when.to_string(), "2017-10-01", "Sinjar's March evidence turns stale on 1 October");
}

#[test]
fn diff_of_chosen_places_and_of_equal_dates() {
    let t = build(vec![
        claim("raqqa", "2017-10", "sdf", Event::Captured, Some("is"), "b.txt#1"),
        claim("mayadin", "2017-10", "syrian-gov", Event::Captured, Some("is"), "d.txt#1"),
    ]);
    let only = diff(&t, day("2017-09"), day("2017-12"), &[key("mayadin")]);
    assert_eq!(only.changes.len(), 1);
    assert_eq!(only.changes[0].place.id, "mayadin");
    assert!(diff(&t, day("2017-12"), day("2017-12"), &[]).is_empty());
    assert!(diff(&t, day("2017-09"), day("2017-12"), &[key("nowhere")]).is_empty());
}

#[test]
fn diff_reports_conflicts_opening_and_closing() {
    let t = build(vec![
        claim("raqqa", "2017-10", "sdf", Event::Holds, None, "a.txt#1"),
        claim("raqqa", "2017-10", "syrian-gov", Event::Holds, None, "b.txt#1"),
    ]);
    assert_eq!(t.conflicts.len(), 1);
    let d = diff(&t, day("2017-09"), day("2017-12"), &[]);
    let turns: Vec<(ConflictTurn, String)> = d.conflicts.iter().map(|e| (e.turn, e.date.to_string())).collect();
    assert_eq!(turns, vec![(ConflictTurn::Opened, "2017-10-01".into()), (ConflictTurn::Closed, "2017-10-31".into())]);
    let inside = diff(&t, day("2017-10-05"), day("2017-10-20"), &[]);
    assert!(inside.conflicts.is_empty(), "the window covers both dates: nothing opened or closed");
}

#[test]
fn check_counts_only_claims_in_effect_as_contradicting_and_lists_later_ones_apart() {
    let t = build(vec![
        claim("raqqa", "2017-06", "is", Event::Holds, None, "a.txt#1;b.txt#1"),
        claim("raqqa", "2017-10-20", "sdf", Event::Captured, Some("is"), "c.txt#1"),
    ]);
    let c = check(&t, &key("raqqa"), "is", day("2017-09-15"));
    assert_eq!(c.verdict, Verdict::Supported, "{}", c.reason);
    assert!(c.contradicting.is_empty(), "the October capture is later evidence, not a contradiction");
    assert_eq!(c.later.len(), 1);
    assert_eq!(t.claims[c.later[0]].holder, "sdf");
    assert_eq!(c.supported_by, 2);
    assert!(c.reason.contains("supported by 2 independent sources"), "{}", c.reason);
}

#[test]
fn check_is_not_uncertain_when_only_other_sides_disagree() {
    let t = build(vec![
        claim("raqqa", "2017-06", "is", Event::Holds, None, "a.txt#1"),
        claim("raqqa", "2017-10", "sdf", Event::Holds, None, "b.txt#1"),
        claim("raqqa", "2017-10", "syrian-gov", Event::Holds, None, "c.txt#1"),
    ]);
    assert!(!t.conflicts.is_empty());
    let is = check(&t, &key("raqqa"), "is", day("2017-11"));
    assert_eq!(is.verdict, Verdict::Contradicted, "{}", is.reason);
    assert!(is.reason.starts_with("No claim puts is there"), "{}", is.reason);
    assert_eq!(is.contradicted_by, 2);
    let sdf = check(&t, &key("raqqa"), "sdf", day("2017-11"));
    assert_eq!(sdf.verdict, Verdict::Uncertain, "sdf is both put there and ruled out: {}", sdf.reason);
    assert!(sdf.reason.starts_with("Sources disagree about sdf"), "{}", sdf.reason);
}

#[test]
fn every_verdict_states_one_reason() {
    let t = build(vec![
        claim("raqqa", "2017-06", "is", Event::Holds, None, "a.txt#1"),
        claim("raqqa", "2017-10", "sdf", Event::Captured, Some("is"), "b.txt#1;c.txt#1"),
        claim("kobani", "2015", "is", Event::Lost, None, "d.txt#1"),
    ]);
    let cases = [
        (
            "raqqa",
            "sdf",
            "2017-11",
            Verdict::Supported,
            "Held by sdf since 2017-10, supported by 2 independent sources.",
        ),
        (
            "raqqa",
            "is",
            "2017-11",
            Verdict::Contradicted,
            "No claim puts is there by 2017-11-30: held by sdf since 2017-10, contradicted by 2 independent sources.",
        ),
        (
            "raqqa",
            "sdf",
            "2017-10-15",
            Verdict::Uncertain,
            "Claims dated 2017-10 may or may not have happened by 2017-10-15, and the answer changes with them.",
        ),
        ("raqqa", "is", "2016-01-01", Verdict::Unknown, "No claim about this place refers to 2016-01-01 or earlier."),
        ("kobani", "sdf", "2016", Verdict::Unknown, "The last claim says is lost it, not to whom."),
    ];
    for (place, holder, date, verdict, reason) in cases {
        let c = check(&t, &key(place), holder, day(date));
        assert_eq!((c.verdict, c.reason.as_str()), (verdict, reason), "{holder} in {place} on {date}");
        assert_eq!(c.reason.matches(". ").count(), 0, "one sentence: {}", c.reason);
    }
}

#[test]
fn publisher_keys_work_on_the_text_form_of_any_source() {
    let urls = ["https://www.reuters.com/a", "https://reuters.com/b"];
    assert_eq!(count_independent(urls), 1);
    let mixed = ["a.txt#1", "Reuters, 19 Dec 2023", "https://www.reuters.com/a", "acled@v1#4"];
    assert_eq!(count_independent(mixed), 4, "a citation and a domain are not matched to each other");
    let parsed: SourceRef = "a.txt#3".parse().unwrap();
    assert_eq!(publisher_key(&parsed.to_string()), "a.txt");
}

#[test]
fn the_diff_of_two_snapshots_is_the_diff_of_their_dates() {
    let t = build(vec![
        claim("raqqa", "2017-06", "is", Event::Holds, None, "a.txt#1"),
        claim("raqqa", "2017-10-20", "sdf", Event::Captured, Some("is"), "b.txt#1;c.txt#2"),
        claim("mayadin", "2017-10-14", "syrian-gov", Event::Captured, Some("is"), "d.txt#1"),
        claim("mayadin", "2017-10", "is", Event::Holds, None, "e.txt#1"),
        claim("sinjar", "2017-03", "kurdistan", Event::Holds, None, "e.txt#1"),
        claim("hawija", "2017-10/2017-12", "iraqi-gov", Event::Captured, Some("is"), "f.txt#1"),
    ]);
    let summary = |d: &Diff| -> Vec<(String, ChangeKind, String, Vec<usize>)> {
        d.changes.iter().map(|c| (c.place.id.to_string(), c.kind, c.when.to_string(), c.claims.clone())).collect()
    };
    for (from, to) in [("2017-09", "2017-10"), ("2017-09-30", "2017-12"), ("2017-10-15", "2017-10-20")] {
        let (from, to) = (day(from), day(to));
        let by_dates = diff(&t, from, to, &[]);
        let by_snapshots = between(&t, &t.snapshot(from), &t.snapshot(to));
        assert_eq!(summary(&by_dates), summary(&by_snapshots), "{from} → {to}");
        assert_eq!(by_dates.conflicts, by_snapshots.conflicts);
        assert!(!by_dates.changes.is_empty(), "{from} → {to}");
    }
}

#[test]
fn a_dispute_by_a_later_claim_is_later_evidence_not_doubt() {
    let t = build(vec![
        claim("deir-ez-zor", "2017-06", "is", Event::Holds, None, "a.txt#1"),
        claim("deir-ez-zor", "2017-09", "syrian-gov", Event::Captured, Some("is"), "b.txt#1"),
        claim("deir-ez-zor", "2017-10-14", "is", Event::Contested, Some("syrian-gov"), "c.txt#1"),
    ]);
    assert_eq!(t.conflicts.len(), 1, "a reversal");
    let before = check(&t, &key("deir-ez-zor"), "is", day("2017-09-30"));
    assert_eq!(before.verdict, Verdict::Contradicted, "{}", before.reason);
    assert_eq!(before.later.len(), 1);
    assert_eq!(before.notes, vec!["A claim dated after this day disputes it (see later evidence)."]);
    let after = check(&t, &key("deir-ez-zor"), "is", day("2017-10-15"));
    assert_eq!(after.verdict, Verdict::Uncertain, "both claims count by then: {}", after.reason);
    assert_eq!(after.reason, "Sources disagree about is here: supported by 1 independent source, contradicted by 1.");
}
