//! Checking one statement ("F held P on D") against the timeline: a verdict with the claims for and against.

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
    /// A claim whose span contains the date could change the answer, or sources conflict.
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
    /// Claims (timeline indices) that put the faction there.
    pub supporting: Vec<usize>,
    /// Claims that rule the faction out.
    pub contradicting: Vec<usize>,
    /// Plain-language reasons, most important first.
    pub reasons: Vec<String>,
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
        supporting: Vec::new(),
        contradicting: Vec::new(),
        reasons: Vec::new(),
    };
    let Some(state) = state else {
        result.reasons.push(format!("no claim about this place refers to {date} or earlier"));
        return result;
    };
    sort_evidence(timeline, &state, &mut result);
    result.verdict = verdict(timeline, &state, holder, &mut result.reasons);
    result
}

/// Splits the claims behind the state (and those pending or in conflict) into for and against.
fn sort_evidence(timeline: &Timeline, state: &PlaceState, result: &mut Check) {
    let conflicting = state.conflicts.iter().flat_map(|&c| [timeline.conflicts[c].first, timeline.conflicts[c].second]);
    let mut relevant: Vec<usize> = state.supporting.iter().chain(&state.pending).copied().chain(conflicting).collect();
    relevant.sort_unstable();
    relevant.dedup();
    for i in relevant {
        let said = Presence::after(&timeline.claims[i]);
        if said.includes(&result.holder) {
            result.supporting.push(i);
        } else if said.excludes(&result.holder) {
            result.contradicting.push(i);
        }
    }
}

fn verdict(timeline: &Timeline, state: &PlaceState, holder: &str, reasons: &mut Vec<String>) -> Verdict {
    let holds = state.holder.as_deref() == Some(holder) || (state.status == Status::Partial && state.other.as_deref() == Some(holder));
    let pending_changes = state.pending.iter().any(|&i| Presence::after(&timeline.claims[i]).includes(holder) != holds);
    if pending_changes {
        let spans: Vec<String> = state.pending.iter().map(|&i| timeline.claims[i].date.to_string()).collect();
        reasons.push(format!(
            "claims dated {} may or may not have happened by {}: the answer changes with them",
            spans.join(", "),
            state.date
        ));
        return Verdict::Uncertain;
    }
    if state.is_conflicted() {
        reasons.push(format!("{} conflict(s) between sources bear on this date", state.conflicts.len()));
        return Verdict::Uncertain;
    }
    if state.stale {
        reasons.push(format!("the newest evidence is {} days old (stale)", state.age_days.unwrap_or(0)));
    }
    match (&state.holder, holds) {
        (_, true) => {
            reasons.insert(0, format!("{} ({})", describe(state), state.status.as_str()));
            Verdict::Supported
        }
        (None, false) if state.lost_by.as_deref() != Some(holder) => {
            reasons.insert(0, "the last claim says the place was lost, not to whom".into());
            Verdict::Unknown
        }
        _ => {
            reasons.insert(0, describe(state));
            Verdict::Contradicted
        }
    }
}

fn describe(state: &PlaceState) -> String {
    match (&state.holder, &state.lost_by) {
        (Some(holder), _) => format!("held by {holder}"),
        (None, Some(loser)) => format!("lost by {loser}, new holder not stated"),
        (None, None) => "no holder known".into(),
    }
}
