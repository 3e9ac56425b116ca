//! Checking one statement ("F held P on D") against the timeline: a verdict, the one-sentence
//! reason for it, and the claims for and against, kept apart by when they count.
//!
//! Only claims in effect by the date (their whole span before or on it) support or contradict;
//! claims whose span contains the date are *in progress*; claims dated after it are *later
//! evidence*, listed but never weighed. Sources disagreeing make the answer uncertain only when
//! the disagreement is about the asked faction: one claim puts it there, another rules it out.

use serde::Serialize;

use crate::date::Date;
use crate::model::PlaceKey;
use crate::timeline::conflict::Presence;
use crate::timeline::{PlaceState, Status, Timeline};

/// The answer to "did this faction hold this place on this date?".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Supported,
    Contradicted,
    /// A claim whose span contains the date could change the answer, or sources disagree about this faction.
    Uncertain,
    /// No evidence either way.
    Unknown,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Supported => "supported",
            Verdict::Contradicted => "contradicted",
            Verdict::Uncertain => "uncertain",
            Verdict::Unknown => "unknown",
        }
    }
}

/// A verdict and its grounds.
#[derive(Debug, Clone, Serialize)]
pub struct Check {
    pub verdict: Verdict,
    pub place: PlaceKey,
    pub holder: String,
    pub date: Date,
    pub state: Option<PlaceState>,
    /// The verdict's reason in one sentence.
    pub reason: String,
    /// Claims in effect by the date (timeline indices) that put the faction there.
    pub supporting: Vec<usize>,
    /// Claims in effect by the date that rule the faction out.
    pub contradicting: Vec<usize>,
    /// Claims whose span contains the date and that say something about the faction.
    pub in_progress: Vec<usize>,
    /// Claims dated after the date that say something about the faction: listed, not weighed.
    pub later: Vec<usize>,
    /// Independent sources (see [`crate::timeline::publisher_key`]) behind `supporting`.
    pub supported_by: usize,
    /// Independent sources behind `contradicting`.
    pub contradicted_by: usize,
    /// Further remarks (stale evidence), after the reason.
    pub notes: Vec<String>,
}

/// Checks whether `holder` held `place` on `date`.
pub fn check(timeline: &Timeline, place: &PlaceKey, holder: &str, date: Date) -> Check {
    let state = timeline.state_at(place, date).filter(PlaceState::has_evidence);
    let mut result = Check {
        verdict: Verdict::Unknown,
        place: place.clone(),
        holder: holder.to_string(),
        date,
        state: state.clone(),
        reason: String::new(),
        supporting: Vec::new(),
        contradicting: Vec::new(),
        in_progress: Vec::new(),
        later: later_evidence(timeline, place, holder, date),
        supported_by: 0,
        contradicted_by: 0,
        notes: Vec::new(),
    };
    let Some(state) = state else {
        result.reason = format!("No claim about this place refers to {date} or earlier.");
        return result;
    };
    sort_evidence(timeline, &state, &mut result);
    result.supported_by = timeline.independent_sources(&result.supporting);
    result.contradicted_by = timeline.independent_sources(&result.contradicting);
    let (verdict, reason) = verdict(timeline, &state, &result);
    result.verdict = verdict;
    result.reason = capitalise(&reason);
    if disputed_later(timeline, &state, holder) {
        result.notes.push("A claim dated after this day disputes it (see later evidence).".into());
    }
    if state.stale && verdict != Verdict::Unknown {
        result.notes.push(format!("The newest evidence is {} days old (stale).", state.age_days.unwrap_or(0)));
    }
    result
}

/// Splits the claims behind the state, those in progress and those in conflict with them into
/// for, against and in progress (claims dated after the date go to `later`, already listed).
fn sort_evidence(timeline: &Timeline, state: &PlaceState, result: &mut Check) {
    let conflicting = state.conflicts.iter().flat_map(|&c| [timeline.conflicts[c].first, timeline.conflicts[c].second]);
    let mut relevant: Vec<usize> = state.supporting.iter().chain(&state.pending).copied().chain(conflicting).collect();
    relevant.sort_unstable();
    relevant.dedup();
    for i in relevant {
        let claim = &timeline.claims[i];
        let said = Presence::after(claim);
        let bears = said.includes(&result.holder) || said.excludes(&result.holder);
        if claim.date.start > result.date || !bears {
            continue;
        }
        if claim.date.end > result.date {
            result.in_progress.push(i);
        } else if said.includes(&result.holder) {
            result.supporting.push(i);
        } else {
            result.contradicting.push(i);
        }
    }
}

/// The place's claims dated after `date` that put the faction there or rule it out.
fn later_evidence(timeline: &Timeline, place: &PlaceKey, holder: &str, date: Date) -> Vec<usize> {
    timeline
        .claims_for(place)
        .filter(|&i| timeline.is_applied(i) && timeline.claims[i].date.start > date)
        .filter(|&i| {
            let said = Presence::after(&timeline.claims[i]);
            said.includes(holder) || said.excludes(holder)
        })
        .collect()
}

fn verdict(timeline: &Timeline, state: &PlaceState, result: &Check) -> (Verdict, String) {
    let holder = result.holder.as_str();
    let holds = state.holder.as_deref() == Some(holder)
        || (state.status == Status::Partial && state.other.as_deref() == Some(holder));
    if state.supporting.is_empty() {
        return only_pending(timeline, state, result);
    }
    let pending_changes = state.pending.iter().any(|&i| Presence::after(&timeline.claims[i]).includes(holder) != holds);
    if pending_changes {
        let spans = spans(timeline, &state.pending);
        let reason = format!(
            "Claims dated {spans} may or may not have happened by {}, and the answer changes with them.",
            state.date
        );
        return (Verdict::Uncertain, reason);
    }
    let (for_it, against_it) = disputes(timeline, state, holder);
    if !for_it.is_empty() {
        let (yes, no) = (timeline.independent_sources(&for_it), timeline.independent_sources(&against_it));
        let reason = format!("Sources disagree about {holder} here: {}.", tally(yes, "supported", no, "contradicted"));
        return (Verdict::Uncertain, reason);
    }
    match (&state.holder, holds) {
        (_, true) => {
            let tally = tally(result.supported_by, "supported", result.contradicted_by, "contradicted");
            (Verdict::Supported, format!("{}{}, {tally}.", describe(state), since(state)))
        }
        (None, false) if state.lost_by.as_deref() != Some(holder) => {
            let loser = state.lost_by.as_deref().unwrap_or("its holder");
            (Verdict::Unknown, format!("The last claim says {loser} lost it, not to whom."))
        }
        _ => {
            let none = if result.supporting.is_empty() {
                format!("no claim puts {holder} there by {}: ", state.date)
            } else {
                String::new()
            };
            let tally = tally(result.contradicted_by, "contradicted", result.supported_by, "supported");
            (Verdict::Contradicted, format!("{none}{}{}, {tally}.", describe(state), since(state)))
        }
    }
}

/// The claims of the state's conflicts that dispute the faction's presence by the date: those
/// that put it there and those that rule it out, in conflicts where one side does each (both
/// empty when no such conflict). A conflict with a claim dated after the date is later evidence.
fn disputes(timeline: &Timeline, state: &PlaceState, holder: &str) -> (Vec<usize>, Vec<usize>) {
    let (mut for_it, mut against_it) = (Vec::new(), Vec::new());
    for &c in &state.conflicts {
        let conflict = &timeline.conflicts[c];
        let pair = [conflict.first, conflict.second];
        if pair.iter().any(|&i| timeline.claims[i].date.start > state.date) {
            continue;
        }
        let said = pair.map(|i| Presence::after(&timeline.claims[i]));
        for (k, other) in [(0, 1), (1, 0)] {
            if said[k].includes(holder) && said[other].excludes(holder) {
                for_it.push(pair[k]);
                against_it.push(pair[other]);
            }
        }
    }
    for list in [&mut for_it, &mut against_it] {
        list.sort_unstable();
        list.dedup();
    }
    (for_it, against_it)
}

/// Does a conflict of the state pit a claim dated after the date against this faction's answer?
fn disputed_later(timeline: &Timeline, state: &PlaceState, holder: &str) -> bool {
    state.conflicts.iter().any(|&c| {
        let conflict = &timeline.conflicts[c];
        let pair = [conflict.first, conflict.second];
        let later = pair.iter().any(|&i| timeline.claims[i].date.start > state.date);
        let said = pair.map(|i| Presence::after(&timeline.claims[i]));
        let bears = (said[0].includes(holder) && said[1].excludes(holder))
            || (said[1].includes(holder) && said[0].excludes(holder));
        later && bears
    })
}

/// Nothing has taken effect by the date; claims in progress may bear on the holder.
fn only_pending(timeline: &Timeline, state: &PlaceState, result: &Check) -> (Verdict, String) {
    let spans = spans(timeline, &state.pending);
    if result.in_progress.is_empty() {
        let reason = format!(
            "No claim has taken effect by {}, and those in progress ({spans}) do not concern {}.",
            state.date, result.holder
        );
        (Verdict::Unknown, reason)
    } else {
        let reason = format!(
            "No claim has taken effect by {}; claims dated {spans} may or may not have happened by then.",
            state.date
        );
        (Verdict::Uncertain, reason)
    }
}

fn spans(timeline: &Timeline, claims: &[usize]) -> String {
    claims.iter().map(|&i| timeline.claims[i].date.to_string()).collect::<Vec<_>>().join(", ")
}

/// "supported by 3 independent sources, contradicted by 1" (the second part only when not 0).
fn tally(first: usize, first_word: &str, second: usize, second_word: &str) -> String {
    let mut text = format!("{first_word} by {}", count(first, "independent source", "independent sources"));
    if second > 0 {
        text.push_str(&format!(", {second_word} by {second}"));
    }
    text
}

fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 { format!("1 {one}") } else { format!("{n} {many}") }
}

fn since(state: &PlaceState) -> String {
    match &state.since {
        Some(span) if state.since_change => format!(" since {span}"),
        Some(span) => format!(" at least since {span}"),
        None => String::new(),
    }
}

/// "held by sdf", "partly held by is (rest: sdf)", "held by is, besieged by syrian-gov".
fn describe(state: &PlaceState) -> String {
    let Some(holder) = &state.holder else {
        return match &state.lost_by {
            Some(loser) => format!("lost by {loser} (new holder not stated)"),
            None => "no holder known".into(),
        };
    };
    match (state.status, &state.other) {
        (Status::Partial, Some(rest)) => format!("partly held by {holder} (rest: {rest})"),
        (Status::Partial, None) => format!("partly held by {holder}"),
        (Status::Contested, Some(by)) => format!("held by {holder}, contested by {by}"),
        (Status::Contested, None) => format!("held by {holder}, contested"),
        (Status::Besieged, Some(by)) => format!("held by {holder}, besieged by {by}"),
        (Status::Besieged, None) => format!("held by {holder}, besieged"),
        _ => format!("held by {holder}"),
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}
