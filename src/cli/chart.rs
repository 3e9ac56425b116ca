//! `controlmap chart`: places held and area held per faction and month, as SVG and/or PNG.

use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Args;

use crate::app::data;
use crate::cli::output::Out;
use crate::cli::render::{SeriesArgs, SeriesJob, bad, folder_of, parse_size};
use crate::cli::{Exit, Global};
use crate::render::chart::{self, ChartData, ChartOptions, axis::thousands};
use crate::render::style::Lang;

#[derive(Debug, Args)]
pub struct ChartArgs {
    #[command(flatten)]
    pub series: SeriesArgs,
    /// The chart file; its extension chooses the format: `.svg` or `.png`.
    #[arg(long, default_value = "out/chart.svg", value_name = "FILE")]
    pub out: PathBuf,
    /// Also write the other format beside it (`chart.svg` and `chart.png`).
    #[arg(long)]
    pub both: bool,
    /// Chart size in pixels, WIDTHxHEIGHT (at least 480x360).
    #[arg(long, default_value = "1200x900")]
    pub size: String,
}

/// The files to write: (svg, png) paths.
fn targets(out: &Path, both: bool) -> anyhow::Result<(Option<PathBuf>, Option<PathBuf>)> {
    let extension = out.extension().map(|e| e.to_string_lossy().to_ascii_lowercase());
    let (svg, png) = match extension.as_deref() {
        Some("svg") => (Some(out.to_path_buf()), both.then(|| out.with_extension("png"))),
        Some("png") => (both.then(|| out.with_extension("svg")), Some(out.to_path_buf())),
        _ => return Err(bad("--out", format!("{:?} must end in .svg or .png", out.display().to_string()))),
    };
    Ok((svg, png))
}

/// `controlmap chart`
pub fn run(global: &Global, args: ChartArgs) -> anyhow::Result<Exit> {
    let (width, height) = parse_size(&args.size)?;
    if width < 480 || height < 360 {
        return Err(bad("--size", format!("{width}x{height} is too small for the chart: at least 480x360")));
    }
    let (svg_path, png_path) = targets(&args.out, args.both)?;
    let job = SeriesJob::load(global, &args.series, (1600, 1200), &folder_of(&args.out))?;
    let months = &job.months;
    let series = job.series()?;
    let numbers = chart::data(&series, months);
    let chart_options = ChartOptions { width, height };
    let svg = chart::svg(&series, &numbers, &chart_options).context("cannot draw the chart")?;
    let mut written = Vec::new();
    if let Some(path) = &svg_path {
        data::write_atomic(path, svg.as_bytes()).with_context(|| format!("cannot write {}", path.display()))?;
        written.push(path.display().to_string());
    }
    if let Some(path) = &png_path {
        let png = chart::png(&svg, &chart_options).context("cannot rasterise the chart")?;
        data::write_atomic(path, &png).with_context(|| format!("cannot write {}", path.display()))?;
        written.push(path.display().to_string());
    }
    let mut out = Out::default();
    if global.json {
        out.json(&numbers)?;
    } else {
        out.line(&format!(
            "wrote {} ({width}x{height}): {} faction(s), {} month(s) from {} to {}",
            written.join(" and "),
            numbers.factions.len(),
            months.len(),
            months[0],
            months[months.len() - 1]
        ))?;
        for faction in &numbers.factions {
            out.line(&format!("  {}", summary_line(&numbers, faction, args.series.lang)))?;
        }
    }
    Ok(job.finish(global))
}

/// `is: area 8,431 km² at its peak (2014-12), 6,102 km² in 2019-03 (−28%); places 3 → 6`.
fn summary_line(data: &ChartData, faction: &str, lang: Lang) -> String {
    let points: Vec<_> = data.faction(faction).collect();
    let (Some(first), Some(last)) = (points.first(), points.last()) else { return faction.to_string() };
    let peak = points.iter().fold(*first, |best, p| if p.km2 > best.km2 { p } else { best });
    let change = if peak.km2 > 0.0 && last.km2 != peak.km2 {
        format!(" ({:+.0}%)", (last.km2 - peak.km2) / peak.km2 * 100.0).replace('-', "−")
    } else {
        String::new()
    };
    format!(
        "{faction}: area {} km² at its peak ({}), {} km² in {}{change}; places {} → {}",
        thousands(peak.km2, lang),
        peak.month,
        thousands(last.km2, lang),
        last.month,
        first.places,
        last.places
    )
}
