//! `controlmap lint`: checks ledgers and lists every problem as FILE:LINE: FIELD: MESSAGE.

use std::collections::BTreeMap;
use std::path::PathBuf;

use clap::Args;

use crate::app::{self, data};
use crate::cli::output::Out;
use crate::cli::{Exit, Global, InputError, world};
use crate::ingest::article;
use crate::model::{Claim, Diagnostic, Severity};
use crate::timeline::Timeline;

#[derive(Debug, Args)]
pub struct LintArgs {
    /// Ledgers to check (default: the --ledger files, or the built-in seeds ledger).
    pub ledgers: Vec<PathBuf>,
    /// A folder with the cited articles: check that every FILE#N source names an existing
    /// article and sentence.
    #[arg(long, value_name = "DIR")]
    pub articles: Option<PathBuf>,
}

/// `controlmap lint [LEDGER...]`
pub fn run(global: &Global, args: LintArgs) -> anyhow::Result<Exit> {
    let mut world = world(global)?;
    let paths = if args.ledgers.is_empty() { global.ledgers.clone() } else { args.ledgers };
    let mut claims = app::load_claims(&mut world, &paths).map_err(InputError)?;
    let timeline = claims.timeline();
    let mut diagnostics = claims.diagnostics.clone();
    diagnostics.append(&mut claims.control_characters);
    if global.geodata.is_some() {
        diagnostics.extend(app::gazetteer_control_characters(&world));
    }
    diagnostics.extend(duplicates(&timeline));
    diagnostics.extend(conflicts(&timeline));
    diagnostics.extend(timeline.claims.iter().filter(|c| c.sources.is_empty()).map(|c| {
        Diagnostic::warning(&c.origin.file, Some(c.origin.line), Some("source"), "the claim cites no source")
    }));
    if let Some(dir) = &args.articles {
        if !dir.is_dir() {
            let message = "is not a folder of articles".to_string();
            return Err(
                InputError(Diagnostic::error(&dir.display().to_string(), None, Some("--articles"), message)).into()
            );
        }
        diagnostics.extend(check_sources(&timeline.claims, dir));
    }
    diagnostics.sort_by(|a, b| (&a.file, a.line, &a.field, &a.message).cmp(&(&b.file, b.line, &b.field, &b.message)));
    diagnostics.dedup();
    let errors = diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    let warnings = diagnostics.len() - errors;
    let mut out = Out::default();
    if global.json {
        out.json(&serde_json::json!({
            "files": claims.files, "rows": claims.rows, "claims": timeline.claims.len(),
            "errors": errors, "warnings": warnings, "diagnostics": diagnostics,
        }))?;
    } else {
        for d in &diagnostics {
            out.line(&d.to_string())?;
        }
        out.line(&format!(
            "{}: {} row(s), {} claim(s), {errors} error(s), {warnings} warning(s)",
            claims.files.join(", "),
            claims.rows,
            timeline.claims.len()
        ))?;
    }
    Ok(if errors > 0 || (global.strict && warnings > 0) { Exit::Finding } else { Exit::Success })
}

fn duplicates(timeline: &Timeline) -> Vec<Diagnostic> {
    timeline
        .duplicates
        .iter()
        .map(|dup| {
            let kept = timeline.claims.iter().find(|c| c.place == dup.place && c.content_key() == dup.content_key());
            let line = kept.map_or(String::new(), |k| format!(" (same as {})", k.origin));
            Diagnostic::warning(&dup.origin.file, Some(dup.origin.line), None, format!("duplicate row{line}"))
        })
        .collect()
}

fn conflicts(timeline: &Timeline) -> Vec<Diagnostic> {
    timeline
        .conflicts
        .iter()
        .map(|c| {
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
            Diagnostic::warning(&second.origin.file, Some(second.origin.line), None, message)
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
