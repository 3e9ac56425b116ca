//! What a frame shows, as data: each drawn place with its pixel position, state and the claims
//! behind it. The HTML viewer and the exports use it; it matches the pictures exactly.

use std::sync::{Arc, OnceLock};

use serde::Serialize;

use crate::date::{Date, YearMonth};
use crate::model::{ClaimText, Modality, PlaceKind};
use crate::render::caption;
use crate::render::marks::place_dom_id;
use crate::render::series::{FrameState, Series};
use crate::render::style::month_title;
use crate::timeline::{ChangeKind, Timeline};

/// One frame as data.
#[derive(Debug, Clone, Serialize)]
pub struct FrameInfo {
    pub month: YearMonth,
    /// "October 2017" / "oktober 2017".
    pub title: String,
    /// The day the state is taken on: the month's last day.
    pub date: Date,
    pub claims: usize,
    pub articles: usize,
    pub places: Vec<PlaceInfo>,
    /// What changed since the end of the previous month, as the caption says it, with the claims.
    pub changes: Vec<ChangeInfo>,
}

/// One change of the month, for the viewer's list.
#[derive(Debug, Clone, Serialize)]
pub struct ChangeInfo {
    pub place_id: String,
    pub kind: PlaceKind,
    /// `changed`, `appeared` or `stale`.
    pub change: ChangeKind,
    /// The caption's phrase: "Raqqa → SDF (2 sources)".
    pub text: String,
    /// When it happened (the span of the claims that made it).
    pub when: String,
    /// The claims behind the new state that count this month, with their sources.
    pub claims: Vec<ClaimInfo>,
}

/// One drawn place (a town, or a region drawn as a marker or a filled area).
#[derive(Debug, Clone, Serialize)]
pub struct PlaceInfo {
    /// The SVG group id (`place-raqqa`, `region-yarmouk-basin`).
    pub id: String,
    pub place_id: String,
    pub kind: PlaceKind,
    pub name: String,
    /// Marker centre and radius in image pixels (for a region area: its label point).
    pub x: f64,
    pub y: f64,
    pub r: f64,
    pub holder: Option<String>,
    pub holder_name: Option<String>,
    pub status: String,
    pub other: Option<String>,
    pub since: Option<String>,
    pub last_evidence: Option<Date>,
    pub age_days: Option<i64>,
    pub stale: bool,
    pub certainty: Modality,
    pub conflict: bool,
    pub changed: bool,
    /// Distinct publishers, domains or articles behind the state.
    pub independent_sources: usize,
    /// The claims behind the state, then those in conflict with it.
    pub claims: Vec<ClaimInfo>,
}

/// A claim as the viewer lists it.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimInfo {
    #[serde(flatten)]
    pub claim: SharedText,
    /// `supports`, `pending`, `conflicts` or (in a month's change list) `change`.
    pub role: &'static str,
    /// The claim's index in the timeline (not exported): the viewer page finds claims it
    /// already holds by it.
    #[serde(skip)]
    pub index: Option<usize>,
}

/// A claim's text, shared by every frame that lists the claim: written out once per claim
/// instead of once per place and month. It serialises as the text itself.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedText(pub Arc<ClaimText>);

impl From<ClaimText> for SharedText {
    fn from(text: ClaimText) -> SharedText {
        SharedText(Arc::new(text))
    }
}

impl std::ops::Deref for SharedText {
    type Target = ClaimText;

    fn deref(&self) -> &ClaimText {
        &self.0
    }
}

impl std::ops::DerefMut for SharedText {
    fn deref_mut(&mut self) -> &mut ClaimText {
        Arc::make_mut(&mut self.0)
    }
}

impl Serialize for SharedText {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

/// The texts of the timeline's claims, all written out together when a frame first needs
/// one (at once rather than one by one between the frames' passing allocations, which would
/// leave the heap in small pieces).
#[derive(Default)]
pub struct ClaimTexts {
    texts: OnceLock<Vec<SharedText>>,
}

impl ClaimTexts {
    /// The text of claim `i` of `timeline` (the timeline of the series that owns this).
    pub fn get(&self, timeline: &Timeline, i: usize) -> &ClaimText {
        &self.all(timeline)[i]
    }

    /// The shared text of claim `i` (see [`ClaimTexts::get`]).
    pub fn shared(&self, timeline: &Timeline, i: usize) -> SharedText {
        self.all(timeline)[i].clone()
    }

    fn all(&self, timeline: &Timeline) -> &[SharedText] {
        self.texts.get_or_init(|| timeline.claims.iter().map(|c| c.text().into()).collect())
    }
}

impl Series<'_> {
    /// The data of one frame (see [`Series::frame`]).
    pub fn frame_info(&self, frame: &FrameState) -> FrameInfo {
        let month = frame.month;
        let timeline = self.inputs.timeline;
        let mut places = Vec::new();
        for (key, state) in frame.shown() {
            let (x, y, r, name) = match (self.towns.get(key), self.regions.get(key)) {
                (Some(town), _) => (town.px.0, town.px.1, town.radius, town.name.clone()),
                (None, Some(region)) => (region.label_at.0, region.label_at.1, 0.0, region.name.clone()),
                _ => continue,
            };
            let conflicting =
                state.conflicts.iter().flat_map(|&c| [timeline.conflicts[c].first, timeline.conflicts[c].second]);
            let mut claims: Vec<ClaimInfo> = Vec::new();
            let mut seen = Vec::new();
            let roles = state
                .supporting
                .iter()
                .map(|&i| (i, "supports"))
                .chain(state.pending.iter().map(|&i| (i, "pending")))
                .chain(conflicting.map(|i| (i, "conflicts")));
            for (i, role) in roles {
                if seen.contains(&i) {
                    continue;
                }
                seen.push(i);
                claims.push(ClaimInfo { claim: self.claim_texts.shared(timeline, i), role, index: Some(i) });
            }
            places.push(PlaceInfo {
                id: place_dom_id(key),
                place_id: key.id.to_string(),
                kind: key.kind,
                name,
                x: round(x),
                y: round(y),
                r: round(r),
                holder: state.holder.clone(),
                holder_name: state.holder.as_deref().map(|h| self.faction_name(h)),
                status: state.status.as_str().to_string(),
                other: state.other.clone(),
                since: state.since.as_ref().map(ToString::to_string),
                last_evidence: state.last_evidence,
                age_days: state.age_days,
                stale: state.stale,
                certainty: state.certainty,
                conflict: state.is_conflicted(),
                changed: frame.changed.contains(key),
                independent_sources: state.independent_sources,
                claims,
            });
        }
        FrameInfo {
            month,
            title: month_title(month, self.options.lang),
            date: month.last_day(),
            claims: frame.claims,
            articles: frame.articles,
            places,
            changes: self.change_infos(frame),
        }
    }
}

impl Series<'_> {
    /// The month's changes in the caption's order, each with its phrase and claims.
    fn change_infos(&self, frame: &FrameState) -> Vec<ChangeInfo> {
        let timeline = self.inputs.timeline;
        let lang = self.options.lang;
        let name = |f: &str| self.faction_name(f);
        let mut changes: Vec<&crate::timeline::Change> = frame.diff.changes.iter().collect();
        changes.sort_by_key(|c| c.kind);
        changes
            .into_iter()
            .map(|c| ChangeInfo {
                place_id: c.place.id.to_string(),
                kind: c.place.kind,
                change: c.kind,
                text: caption::change_phrase(c, &caption::place_name(self, c), lang, &name),
                when: c.when.to_string(),
                claims: c
                    .claims
                    .iter()
                    .map(|&i| ClaimInfo { claim: self.claim_texts.shared(timeline, i), role: "change", index: Some(i) })
                    .collect(),
            })
            .collect()
    }
}

fn round(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}
