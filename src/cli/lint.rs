//! `controlmap lint`: checks ledgers and lists every problem as FILE:LINE: FIELD: MESSAGE.

use std::collections::BTreeMap;
use std::path::PathBuf;

use clap::Args;

use crate::app::{self, data};
use crate::cli::output::Out;
use crate::cli::{Exit, Global, InputError, world};
use crate::ingest::article;
use crate::model::{Claim, Diagnostic, Severity};
use crate::timeline::{ConflictKind, Timeline};

#[derive(Debug, Args)]
pub struct LintArgs {
    /// Ledgers to check (default: the --ledger files, or the built-in seeds ledger).
    pub ledgers: Vec<PathBuf>,
    /// A folder with the cited articles: check that every FILE#N source names an existing
    /// article and sentence.
    #[arg(long, value_name = "DIR")]
    pub articles: Option<PathBuf>,
    /// Print every warning. Without it, more than 20 warnings are summarised by kind: a count
    /// and the first few in file and line order. Errors are always printed in full.
    #[arg(long)]
    pub all: bool,
}

/// Up to this many warnings are printed in full; more are summarised by kind.
const WARNINGS_IN_FULL: usize = 20;
/// How many warnings of each kind a summary shows.
const SAMPLE_PER_KIND: usize = 5;

/// `controlmap lint [LEDGER...]`
pub fn run(global: &Global, args: LintArgs) -> anyhow::Result<Exit> {
    let mut world = world(global)?;
    let paths = if args.ledgers.is_empty() { global.ledgers.clone() } else { args.ledgers };
    let mut claims = app::load_claims(&mut world, &paths, global.ledger_limits()).map_err(InputError)?;
    let timeline = claims.timeline();
    let mut diagnostics: Vec<(&'static str, Diagnostic)> =
        claims.diagnostics.iter().map(|d| ("ledger", d.clone())).collect();
    diagnostics.extend(claims.control_characters.drain(..).map(|d| ("control character", d)));
    if global.geodata.is_some() {
        diagnostics.extend(app::gazetteer_control_characters(&world).into_iter().map(|d| ("control character", d)));
    }
    diagnostics.extend(duplicates(&timeline).into_iter().map(|d| ("duplicate row", d)));
    diagnostics.extend(timeline.claims.iter().filter(|c| c.sources.is_empty()).map(|c| {
        let d = Diagnostic::warning(&c.origin.file, Some(c.origin.line), Some("source"), "the claim cites no source");
        ("no source", d)
    }));
    if let Some(dir) = &args.articles {
        if !dir.is_dir() {
            let message = "is not a folder of articles".to_string();
            return Err(
                InputError(Diagnostic::error(&dir.display().to_string(), None, Some("--articles"), message)).into()
            );
        }
        diagnostics.extend(check_sources(&timeline.claims, dir).into_iter().map(|d| ("source", d)));
    }
    sort_and_dedup(&mut diagnostics);
    let errors = diagnostics.iter().filter(|(_, d)| d.severity == Severity::Error).count();
    let warnings = diagnostics.len() - errors + timeline.conflicts.len();
    let in_full = global.json || args.all || warnings <= WARNINGS_IN_FULL;
    // Conflicts can number hundreds of thousands: a summary writes out only its sample.
    let mut counts: BTreeMap<&'static str, usize> = BTreeMap::new();
    for (kind, _) in diagnostics.iter().filter(|(_, d)| !d.is_error()) {
        *counts.entry(kind).or_default() += 1;
    }
    for conflict in &timeline.conflicts {
        *counts.entry(conflict_kind(conflict.kind)).or_default() += 1;
    }
    let written: Vec<usize> =
        if in_full { (0..timeline.conflicts.len()).collect() } else { conflict_sample(&timeline, SAMPLE_PER_KIND) };
    diagnostics.extend(conflicts(&timeline, &written));
    sort_and_dedup(&mut diagnostics);
    let mut out = Out::default();
    if global.json {
        let list: Vec<&Diagnostic> = diagnostics.iter().map(|(_, d)| d).collect();
        out.json(&serde_json::json!({
            "files": claims.files, "rows": claims.rows, "claims": timeline.claims.len(),
            "errors": errors, "warnings": warnings, "warnings_by_kind": counts, "diagnostics": list,
        }))?;
    } else if in_full {
        for (_, d) in &diagnostics {
            out.line(&d.to_string())?;
        }
    } else {
        for (_, d) in diagnostics.iter().filter(|(_, d)| d.is_error()) {
            out.line(&d.to_string())?;
        }
        out.line(&format!("{warnings} warning(s) by kind (the first of each; --all prints every one):"))?;
        let samples = warnings_by_kind(&diagnostics);
        for (kind, count) in &counts {
            out.line(&format!("  {kind}: {count}"))?;
            for d in samples.get(kind).into_iter().flatten().take(SAMPLE_PER_KIND) {
                out.line(&format!("    {d}"))?;
            }
        }
    }
    if !global.json {
        out.line(&format!(
            "{}: {} row(s), {} claim(s), {errors} error(s), {warnings} warning(s)",
            claims.files.join(", "),
            claims.rows,
            timeline.claims.len()
        ))?;
    }
    let exit = if errors > 0 || (global.strict && warnings > 0) { Exit::Finding } else { Exit::Success };
    crate::cli::release_at_exit(timeline);
    Ok(exit)
}

/// The warnings grouped by kind (in file and line order within each kind).
fn warnings_by_kind<'d>(diagnostics: &'d [(&'static str, Diagnostic)]) -> BTreeMap<&'static str, Vec<&'d Diagnostic>> {
    let mut kinds: BTreeMap<&'static str, Vec<&Diagnostic>> = BTreeMap::new();
    for (kind, d) in diagnostics.iter().filter(|(_, d)| !d.is_error()) {
        kinds.entry(kind).or_default().push(d);
    }
    kinds
}

fn duplicates(timeline: &Timeline) -> Vec<Diagnostic> {
    timeline
        .duplicates
        .iter()
        .map(|dup| {
            let kept = kept_copy(timeline, dup);
            let line = kept.map_or(String::new(), |k| format!(" (same as {})", k.origin));
            Diagnostic::warning(&dup.origin.file, Some(dup.origin.line), None, format!("duplicate row{line}"))
        })
        .collect()
}

/// The claim a duplicate repeats: among its place's claims (in application order, so sorted by
/// span), those with the same span are searched.
fn kept_copy<'t>(timeline: &'t Timeline, dup: &Claim) -> Option<&'t Claim> {
    let place = &timeline.claims[timeline.claims_for(&dup.place)];
    let span = |c: &Claim| (c.date.end, c.date.start);
    let from = place.partition_point(|c| span(c) < span(dup));
    place[from..].iter().take_while(|c| span(c) == span(dup)).find(|c| c.content_key() == dup.content_key())
}

/// Diagnostics in file, line, field and message order, each once.
fn sort_and_dedup(diagnostics: &mut Vec<(&'static str, Diagnostic)>) {
    diagnostics.sort_by(|(_, a), (_, b)| {
        (&a.file, a.line, &a.field, &a.message).cmp(&(&b.file, b.line, &b.field, &b.message))
    });
    diagnostics.dedup_by(|(_, a), (_, b)| a == b);
}

fn conflict_kind(kind: ConflictKind) -> &'static str {
    match kind {
        ConflictKind::Simultaneous => "conflict (simultaneous)",
        ConflictKind::Reversal => "conflict (reversal)",
    }
}

/// The conflicts a summary shows: of each kind, those reported at the first `count` lines in
/// file and line order (all of them at a line shared with the last, so that sorting the written
/// messages picks the same first ones as sorting them all would).
fn conflict_sample(timeline: &Timeline, count: usize) -> Vec<usize> {
    let at = |i: &usize| {
        let origin = &timeline.claims[timeline.conflicts[*i].second].origin;
        (&origin.file, origin.line)
    };
    let mut sample = Vec::new();
    for kind in [ConflictKind::Simultaneous, ConflictKind::Reversal] {
        let mut of_kind: Vec<usize> =
            (0..timeline.conflicts.len()).filter(|&i| timeline.conflicts[i].kind == kind).collect();
        of_kind.sort_by(|a, b| at(a).cmp(&at(b)));
        if let Some(last) = of_kind.get(count.saturating_sub(1)).map(at) {
            sample.extend(of_kind.iter().take_while(|i| at(i) <= last));
        } else {
            sample.extend(of_kind);
        }
    }
    sample
}

fn conflicts(timeline: &Timeline, which: &[usize]) -> Vec<(&'static str, Diagnostic)> {
    which
        .iter()
        .map(|&i| &timeline.conflicts[i])
        .map(|c| {
            let kind = conflict_kind(c.kind);
            let (first, second) = (&timeline.claims[c.first], &timeline.claims[c.second]);
            let message = format!(
                "conflict ({}) over {}: {} {} {} [{}] against {} {} {} [{}] ({})",
                c.kind.as_str(),
                second.place_text,
                first.date,
                first.holder,
                first.event,
                first.sources_text(),
                second.date,
                second.holder,
                second.event,
                second.sources_text(),
                first.origin
            );
            (kind, Diagnostic::warning(&second.origin.file, Some(second.origin.line), None, message))
        })
        .collect()
}

/// Checks every cited article (FILE#N) against the articles in `dir`; URLs and free citations
/// cannot be checked there and are left alone.
fn check_sources(claims: &[Claim], dir: &std::path::Path) -> Vec<Diagnostic> {
    let mut counts: BTreeMap<String, Result<u32, String>> = BTreeMap::new();
    let mut found = Vec::new();
    for claim in claims {
        for source in claim.sources.iter().filter(|s| s.kind == crate::model::SourceKind::Article) {
            let count =
                counts.entry(source.article.clone()).or_insert_with(|| sentence_count(&dir.join(&source.article)));
            let problem = match (count, source.sentence) {
                (Err(e), _) => Some(e.clone()),
                (Ok(n), Some(s)) if s > *n => Some(format!("{source}: the article has {n} sentences")),
                _ => None,
            };
            if let Some(message) = problem {
                found.push(Diagnostic::error(&claim.origin.file, Some(claim.origin.line), Some("source"), message));
            }
        }
    }
    found
}

fn sentence_count(path: &std::path::Path) -> Result<u32, String> {
    let bytes = data::read_bytes(path).map_err(|d| d.to_string())?;
    let name = path.file_name().map_or(String::new(), |n| n.to_string_lossy().into_owned());
    let article = article::parse(&name, &bytes).map_err(|e| e.to_string())?;
    Ok(article::sentences(&article).len() as u32)
}
