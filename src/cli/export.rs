//! `controlmap export`: the series as data, GeoJSON per month and a CSV timeline, written atomically.

use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Args;
use rayon::prelude::*;
use serde::Serialize;

use crate::app::data;
use crate::cli::output::Out;
use crate::cli::render::{SeriesArgs, SeriesJob};
use crate::cli::{Exit, Global};
use crate::date::YearMonth;
use crate::render::Series;
use crate::render::export::{self, CsvRow, MonthData};

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub series: SeriesArgs,
    /// What to write, comma-separated: `geojson` (DIR/YYYY-MM.geojson, one FeatureCollection per
    /// month) and `csv` (DIR/timeline.csv, one row per month and drawn place).
    #[arg(long, value_delimiter = ',', default_value = "geojson,csv")]
    pub format: Vec<ExportFormat>,
    /// Output folder (created if needed).
    #[arg(long, default_value = "out", value_name = "DIR")]
    pub out: PathBuf,
}

/// An output format of `export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Geojson,
    Csv,
}

/// One month, ready to write.
struct Exported {
    month: YearMonth,
    geojson: Option<String>,
    rows: Vec<CsvRow>,
}

/// What `export` wrote, for `--json`.
#[derive(Debug, Serialize)]
struct Summary {
    from: YearMonth,
    to: YearMonth,
    months: usize,
    out: String,
    geojson_files: Vec<String>,
    csv_file: Option<String>,
    csv_rows: usize,
    warnings: usize,
}

/// `controlmap export`
pub fn run(global: &Global, args: ExportArgs) -> anyhow::Result<Exit> {
    let job = SeriesJob::load(global, &args.series, (1600, 1200), &args.out)?;
    let months = &job.months;
    let series = job.series()?;
    let (geojson, csv) = (args.format.contains(&ExportFormat::Geojson), args.format.contains(&ExportFormat::Csv));
    let exported: Vec<Exported> =
        months.par_iter().map(|&month| export_month(&series, month, geojson)).collect::<anyhow::Result<_>>()?;
    let mut summary = Summary {
        from: months[0],
        to: months[months.len() - 1],
        months: months.len(),
        out: args.out.display().to_string(),
        geojson_files: Vec::new(),
        csv_file: None,
        csv_rows: 0,
        warnings: job.warnings(),
    };
    for month in &exported {
        if let Some(text) = &month.geojson {
            summary.geojson_files.push(write(&args.out, &format!("{}.geojson", month.month), text.as_bytes())?);
        }
    }
    if csv {
        let rows: Vec<CsvRow> = exported.into_iter().flat_map(|m| m.rows).collect();
        let text = export::csv(&rows).context("cannot export the timeline")?;
        summary.csv_file = Some(write(&args.out, "timeline.csv", text.as_bytes())?);
        summary.csv_rows = rows.len();
    }
    report(global, &summary)?;
    Ok(job.finish(global))
}

fn export_month(series: &Series, month: YearMonth, geojson: bool) -> anyhow::Result<Exported> {
    let data = MonthData::new(series, month);
    let geojson = match geojson {
        true => Some(export::geojson(series, &data).with_context(|| format!("cannot export {month}"))?),
        false => None,
    };
    Ok(Exported { month, geojson, rows: export::csv_rows(series, &data) })
}

/// Writes one file atomically; returns its path as text.
fn write(dir: &Path, name: &str, bytes: &[u8]) -> anyhow::Result<String> {
    let path = dir.join(name);
    data::write_atomic(&path, bytes).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(path.display().to_string())
}

fn report(global: &Global, summary: &Summary) -> anyhow::Result<()> {
    let mut out = Out::default();
    if global.json {
        out.json(summary)?;
        return Ok(());
    }
    let mut parts = Vec::new();
    if !summary.geojson_files.is_empty() {
        parts.push(format!("{} GeoJSON file(s) YYYY-MM.geojson", summary.geojson_files.len()));
    }
    if summary.csv_file.is_some() {
        parts.push(format!("timeline.csv ({} rows)", summary.csv_rows));
    }
    out.line(&format!(
        "exported {} month(s) from {} to {} into {}: {}; {} warning(s)",
        summary.months,
        summary.from,
        summary.to,
        summary.out,
        parts.join(", "),
        summary.warnings
    ))?;
    Ok(())
}
