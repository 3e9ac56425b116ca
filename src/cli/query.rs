//! The query commands: `at` (who held what on a date), `check` (a verdict on one statement) and `history`.

use clap::Args;
use serde::Serialize;

use crate::cli::output::{Out, Table};
use crate::cli::{Exit, Global, InputError, claims, release_at_exit, strict_exit, warn, warning_count, world};
use crate::date::{Date, parse_query_date};
use crate::model::{Claim, ClaimText, Diagnostic, Modality, PlaceKey, PlaceKind};
use crate::places::resolve_place;
use crate::timeline::{self, Conflict, PlaceState, Status, Timeline, Verdict};

#[derive(Debug, Args)]
pub struct AtArgs {
    /// The date: YYYY-MM-DD, or YYYY-MM (its last day), or YYYY (31 December).
    pub date: String,
    /// Only these places (names, aliases or ids); all tracked places when none are given.
    pub places: Vec<String>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The place (name, alias or id).
    pub place: String,
    /// The faction said to hold it (id or alias).
    #[arg(long)]
    pub holder: String,
    /// The date: YYYY-MM-DD, or YYYY-MM (its last day).
    #[arg(long)]
    pub on: String,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// The place (name, alias or id).
    pub place: String,
}

/// A claim as commands show it.
#[derive(Debug, Serialize)]
pub struct ClaimView {
    #[serde(flatten)]
    pub claim: ClaimText,
    pub place: String,
    /// FILE:LINE of the ledger row.
    pub origin: String,
}

impl ClaimView {
    pub fn new(claim: &Claim) -> ClaimView {
        ClaimView { claim: claim.text(), place: claim.place_text.to_string(), origin: claim.origin.to_string() }
    }

    /// One line: `2017-10 sdf captured (from is) [hedged]  001.txt#3  (seeds/claims.csv:12)`.
    pub fn line(&self) -> String {
        let mut text = format!("{} {} {}", self.claim.date, self.claim.holder, self.claim.event);
        if let Some(other) = &self.claim.other {
            text.push_str(&format!(" ({} {other})", other_word(&self.claim.event)));
        }
        if self.claim.modality != Modality::Fact {
            text.push_str(&format!(" [{}]", self.claim.modality));
        }
        if !self.claim.sources.is_empty() {
            text.push_str(&format!("  {}", self.claim.sources.join(", ")));
        }
        text.push_str(&format!("  ({})", self.origin));
        text
    }
}

fn other_word(event: &str) -> &'static str {
    match event {
        "captured" => "from",
        "lost" => "to",
        "besieged" => "by",
        "contested" => "against",
        "partial" => "rest:",
        _ => "with",
    }
}

#[derive(Debug, Serialize)]
pub(crate) struct ConflictView {
    kind: timeline::ConflictKind,
    window: (Date, Date),
    first: ClaimView,
    second: ClaimView,
}

impl ConflictView {
    pub(crate) fn new(timeline: &Timeline, conflict: &Conflict) -> ConflictView {
        ConflictView {
            kind: conflict.kind,
            window: conflict.window,
            first: ClaimView::new(&timeline.claims[conflict.first]),
            second: ClaimView::new(&timeline.claims[conflict.second]),
        }
    }
}

/// One place's state as `at` shows it.
#[derive(Debug, Serialize)]
struct StateView {
    place: String,
    place_id: String,
    kind: PlaceKind,
    country: Option<String>,
    holder: Option<String>,
    status: Status,
    other: Option<String>,
    lost_by: Option<String>,
    since: Option<String>,
    since_change: bool,
    last_evidence: Option<Date>,
    age_days: Option<i64>,
    stale: bool,
    certainty: Modality,
    sources: Vec<String>,
    /// Distinct publishers, domains or articles among `sources`.
    independent_sources: usize,
    conflict: bool,
    pending: Vec<ClaimView>,
    conflicts: Vec<ConflictView>,
}

fn state_view(world: &crate::app::World, timeline: &Timeline, state: &PlaceState) -> StateView {
    let sources = timeline.sources_of(&state.supporting);
    StateView {
        place: world.gazetteer.display_name(&state.place),
        place_id: state.place.id.to_string(),
        kind: state.place.kind,
        country: world
            .gazetteer
            .town(&state.place.id)
            .filter(|_| state.place.kind == PlaceKind::Town)
            .map(|p| p.country.clone()),
        holder: state.holder.clone(),
        status: state.status,
        other: state.other.clone(),
        lost_by: state.lost_by.clone(),
        since: state.since.as_ref().map(ToString::to_string),
        since_change: state.since_change,
        last_evidence: state.last_evidence,
        age_days: state.age_days,
        stale: state.stale,
        certainty: state.certainty,
        sources,
        independent_sources: state.independent_sources,
        conflict: state.is_conflicted(),
        pending: state.pending.iter().map(|&i| ClaimView::new(&timeline.claims[i])).collect(),
        conflicts: state.conflicts.iter().map(|&c| ConflictView::new(timeline, &timeline.conflicts[c])).collect(),
    }
}

fn flags(view: &StateView) -> String {
    let mut flags = Vec::new();
    if view.conflict {
        flags.push("conflict".to_string());
    }
    if !view.pending.is_empty() {
        flags.push("pending".to_string());
    }
    if view.stale {
        flags.push("stale".to_string());
    }
    if view.certainty != Modality::Fact {
        flags.push(view.certainty.to_string());
    }
    flags.join(",")
}

fn status_text(view: &StateView) -> String {
    match (view.status, &view.other) {
        (Status::Besieged, Some(by)) => format!("besieged by {by}"),
        (Status::Contested, Some(by)) => format!("contested with {by}"),
        (Status::Partial, Some(rest)) => format!("partial, rest {rest}"),
        (Status::Unknown, _) => view.lost_by.as_ref().map_or("unknown".into(), |l| format!("lost by {l}")),
        (status, _) => status.as_str().to_string(),
    }
}

pub(crate) fn parse_date(text: &str) -> anyhow::Result<Date> {
    parse_query_date(text).map_err(|e| InputError(Diagnostic::error("date", None, None, e.to_string())).into())
}

pub(crate) fn resolve(world: &crate::app::World, name: &str) -> anyhow::Result<PlaceKey> {
    resolve_place(&world.gazetteer, name)
        .map_err(|(message, hint)| InputError(Diagnostic::error("place", None, None, message).with_hint(hint)).into())
}

/// `controlmap at DATE [PLACE...]`
pub fn at(global: &Global, args: AtArgs) -> anyhow::Result<Exit> {
    let date = parse_date(&args.date)?;
    let mut world = world(global)?;
    let mut claims = claims(global, &mut world)?;
    let timeline = claims.timeline();
    let states: Vec<PlaceState> = if args.places.is_empty() {
        timeline.snapshot(date).states.into_values().collect()
    } else {
        let keys = args.places.iter().map(|p| resolve(&world, p)).collect::<anyhow::Result<Vec<_>>>()?;
        keys.iter().map(|k| timeline.state_at(k, date).unwrap_or_else(|| PlaceState::empty(k, date))).collect()
    };
    let mut views: Vec<StateView> = states.iter().map(|s| state_view(&world, &timeline, s)).collect();
    views.sort_by(|a, b| (&a.place, &a.place_id).cmp(&(&b.place, &b.place_id)));
    let mut out = Out::default();
    if global.json {
        out.json(&serde_json::json!({ "date": date, "places": views }))?;
        warn(&claims.diagnostics, 20);
        let exit = strict_exit(global, warning_count(&claims.diagnostics, &timeline));
        release_at_exit(timeline);
        return Ok(exit);
    }
    let short = ArticleNames::new(&timeline);
    let mut table = Table::new(&["place", "holder", "status", "since", "evidence", "sources", "indep.", "flags"]);
    for v in &views {
        let since =
            v.since.as_ref().map_or(String::new(), |s| if v.since_change { s.clone() } else { format!("≥{s}") });
        let evidence = match (v.last_evidence, v.age_days) {
            (Some(last), Some(age)) => format!("{last} ({age} d)"),
            _ => String::new(),
        };
        let holder = v.holder.clone().unwrap_or_else(|| "?".into());
        let status =
            if v.sources.is_empty() && !v.pending.is_empty() { "not yet known".to_string() } else { status_text(v) };
        let independent = if v.sources.is_empty() { String::new() } else { v.independent_sources.to_string() };
        table.row(vec![
            v.place.clone(),
            holder,
            status,
            since,
            evidence,
            short_sources(&v.sources, &short),
            independent,
            flags(v),
        ]);
    }
    out.line(&format!("state on {date}: {} place(s)", views.len()))?;
    out.text(&table.render())?;
    if let Some(key) = short.legend() {
        out.line(&key)?;
    }
    let conflicted = views.iter().filter(|v| v.conflict).count();
    if conflicted > 0 {
        out.line(&format!(
            "{conflicted} place(s) with conflicting sources: controlmap history PLACE shows both sides"
        ))?;
    }
    warn(&claims.diagnostics, 20);
    let exit = strict_exit(global, warning_count(&claims.diagnostics, &timeline));
    release_at_exit(timeline);
    Ok(exit)
}

/// Short article names for tables: `002` for `002_64d8d240d9b06057.txt` when the prefix before
/// the first `_` is unique among the cited articles; otherwise the full name.
struct ArticleNames {
    short: std::collections::BTreeMap<String, String>,
}

impl ArticleNames {
    fn new(timeline: &Timeline) -> ArticleNames {
        // A name without `_` has no prefix, so no name is shortened: say so without listing them all.
        let cited = || timeline.claims.iter().flat_map(|c| &c.sources);
        if cited().any(|s| !s.article.contains('_')) {
            return ArticleNames { short: Default::default() };
        }
        let articles = timeline.articles();
        let prefix = |a: &str| a.split_once('_').map(|(p, _)| p.to_string());
        let prefixes: Vec<Option<String>> = articles.iter().map(|a| prefix(a)).collect();
        let mut distinct: Vec<&String> = prefixes.iter().flatten().collect();
        distinct.sort_unstable();
        distinct.dedup();
        let unique = distinct.len() == prefixes.len();
        let short = if unique {
            articles.iter().zip(prefixes).map(|(a, p)| (a.to_string(), p.unwrap_or_default())).collect()
        } else {
            Default::default()
        };
        ArticleNames { short }
    }

    fn source(&self, source: &str) -> String {
        match source.rsplit_once('#') {
            Some((article, n)) => format!("{}#{n}", self.short.get(article).map_or(article, String::as_str)),
            None => self.short.get(source).cloned().unwrap_or_else(|| source.to_string()),
        }
    }

    /// The key to the short names, when any are used.
    fn legend(&self) -> Option<String> {
        (!self.short.is_empty()).then(|| {
            let pairs: Vec<String> = self.short.iter().map(|(full, short)| format!("{short} = {full}")).collect();
            format!("sources: {}", pairs.join(", "))
        })
    }
}

/// At most four sources, shortened, with a count of the rest.
fn short_sources(sources: &[String], names: &ArticleNames) -> String {
    let mut shown: Vec<String> = sources.iter().take(4).map(|s| names.source(s)).collect();
    if sources.len() > 4 {
        shown.push(format!("+{}", sources.len() - 4));
    }
    shown.join(", ")
}

#[derive(Serialize)]
struct CheckView {
    verdict: Verdict,
    place: String,
    place_id: String,
    holder: String,
    date: Date,
    /// The verdict's reason in one sentence.
    reason: String,
    supported_by: usize,
    contradicted_by: usize,
    notes: Vec<String>,
    state: Option<StateView>,
    supporting: Vec<ClaimView>,
    contradicting: Vec<ClaimView>,
    in_progress: Vec<ClaimView>,
    later_evidence: Vec<ClaimView>,
}

/// `controlmap check PLACE --holder F --on DATE`
pub fn check(global: &Global, args: CheckArgs) -> anyhow::Result<Exit> {
    let date = parse_date(&args.on)?;
    let mut world = world(global)?;
    let mut claims = claims(global, &mut world)?;
    let place = resolve(&world, &args.place)?;
    let holder = crate::places::resolve_faction(&world.factions, &args.holder)
        .map_err(|(message, hint)| InputError(Diagnostic::error("--holder", None, None, message).with_hint(hint)))?;
    let timeline = place_timeline(&mut claims, &place);
    let result = timeline::check(&timeline, &place, &holder, date);
    let views = |list: &[usize]| list.iter().map(|&i| ClaimView::new(&timeline.claims[i])).collect::<Vec<_>>();
    let view = CheckView {
        verdict: result.verdict,
        place: world.gazetteer.display_name(&place),
        place_id: place.id.to_string(),
        holder: holder.clone(),
        date,
        reason: result.reason.clone(),
        supported_by: result.supported_by,
        contradicted_by: result.contradicted_by,
        notes: result.notes.clone(),
        state: result.state.as_ref().map(|s| state_view(&world, &timeline, s)),
        supporting: views(&result.supporting),
        contradicting: views(&result.contradicting),
        in_progress: views(&result.in_progress),
        later_evidence: views(&result.later),
    };
    let mut out = Out::default();
    if global.json {
        out.json(&view)?;
    } else {
        print_check(&mut out, &view)?;
    }
    warn(&claims.diagnostics, 20);
    release_at_exit(timeline);
    Ok(match result.verdict {
        Verdict::Supported => Exit::Success,
        Verdict::Contradicted => Exit::Finding,
        Verdict::Uncertain | Verdict::Unknown => Exit::Undecided,
    })
}

/// The timeline of one place's claims: all that `check` looks at, since a place's state, its
/// evidence and its conflicts (always between claims of one place) come from its own claims, in
/// the same order as in the whole timeline. The other claims are left to the operating system
/// (see [`release_at_exit`]) rather than freed one by one.
fn place_timeline(claims: &mut crate::app::Claims, place: &PlaceKey) -> Timeline {
    let mut kept = Vec::new();
    for claim in std::mem::take(&mut claims.claims) {
        if claim.place == *place {
            kept.push(claim);
        } else {
            release_at_exit(claim);
        }
    }
    timeline::build(kept)
}

/// The verdict, its reason, and the claims by role; later evidence last, at most five shown.
fn print_check(out: &mut Out, view: &CheckView) -> std::io::Result<()> {
    out.line(&format!("{} held by {} on {}: {}", view.place, view.holder, view.date, view.verdict.as_str()))?;
    out.line(&format!("  {}", view.reason))?;
    for note in &view.notes {
        out.line(&format!("  {note}"))?;
    }
    let lists = [
        ("supporting (in effect by the date)", &view.supporting),
        ("contradicting (in effect by the date)", &view.contradicting),
        ("in progress on the date (may or may not have happened yet)", &view.in_progress),
        ("later evidence (dated after the date, not weighed)", &view.later_evidence),
    ];
    for (title, list) in lists {
        if list.is_empty() {
            continue;
        }
        out.line(&format!("{title}:"))?;
        for claim in list.iter().take(5) {
            out.line(&format!("  {}", claim.line()))?;
        }
        if list.len() > 5 {
            out.line(&format!("  … and {} more (--json lists them all)", list.len() - 5))?;
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct HistoryStep {
    claim: ClaimView,
    applied: bool,
    holder_after: Option<String>,
    status_after: Option<Status>,
    /// Independent sources behind the state after this claim.
    independent_sources: usize,
    changed: bool,
}

/// `controlmap history PLACE`
pub fn history(global: &Global, args: HistoryArgs) -> anyhow::Result<Exit> {
    let mut world = world(global)?;
    let mut claims = claims(global, &mut world)?;
    let place = resolve(&world, &args.place)?;
    let timeline = claims.timeline();
    let mut steps = Vec::new();
    let mut previous: Option<(Option<String>, Status)> = None;
    for (i, after, independent_sources) in timeline.steps_with_sources(&place) {
        let claim = &timeline.claims[i];
        let applied = after.is_some();
        let changed = applied && after != previous;
        if applied {
            previous = after.clone();
        }
        steps.push(HistoryStep {
            claim: ClaimView::new(claim),
            applied,
            holder_after: after.as_ref().and_then(|a| a.0.clone()),
            status_after: after.map(|a| a.1),
            independent_sources,
            changed,
        });
    }
    let conflicts: Vec<ConflictView> =
        timeline.conflicts_for(&place).map(|c| ConflictView::new(&timeline, c)).collect();
    let name = world.gazetteer.display_name(&place);
    let mut out = Out::default();
    if global.json {
        out.json(&serde_json::json!({ "place": name, "place_id": place.id, "steps": steps, "conflicts": conflicts }))?;
        warn(&claims.diagnostics, 20);
        return Ok(strict_exit(global, warning_count(&claims.diagnostics, &timeline)));
    }
    out.line(&format!("{name} ({}{})", place, place_summary(&world, &place)))?;
    if steps.is_empty() {
        out.line("no claims about this place")?;
    }
    let mut table = Table::new(&["date", "claim", "modality", "sources", "state after", "independent"]);
    for step in &steps {
        let c = &step.claim.claim;
        let claim_text = match &c.other {
            Some(other) => format!("{} {} ({} {other})", c.holder, c.event, other_word(&c.event)),
            None => format!("{} {}", c.holder, c.event),
        };
        let after = if !step.applied {
            "(not applied: expected)".to_string()
        } else {
            let holder = step.holder_after.clone().unwrap_or_else(|| "?".into());
            let status = step.status_after.map_or("", |s| s.as_str());
            format!("{holder} {status}{}", if step.changed { "  ← change" } else { "" })
        };
        let independent = if step.applied { step.independent_sources.to_string() } else { String::new() };
        table.row(vec![c.date.clone(), claim_text, c.modality.to_string(), c.sources.join(", "), after, independent]);
    }
    out.text(&table.render())?;
    for conflict in &conflicts {
        out.line(&format!("conflict ({}): {}", conflict.kind.as_str(), conflict.first.line()))?;
        out.line(&format!("    against: {}", conflict.second.line()))?;
    }
    warn(&claims.diagnostics, 20);
    Ok(strict_exit(global, warning_count(&claims.diagnostics, &timeline)))
}

fn place_summary(world: &crate::app::World, place: &PlaceKey) -> String {
    match place.kind {
        PlaceKind::Town => world.gazetteer.town(&place.id).map_or(String::new(), |p| {
            let gov = p.governorate.as_ref().map_or(String::new(), |g| format!(", {g}"));
            format!(", {}{gov}", p.country)
        }),
        PlaceKind::Region => world.gazetteer.region(&place.id).map_or(String::new(), |r| format!(", {}", r.kind)),
        PlaceKind::Country => ", country".to_string(),
    }
}
