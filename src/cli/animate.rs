//! `controlmap animate`: the map series as one looping GIF, made from the same scenes as `render`.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use clap::Args;

use crate::app::data;
use crate::cli::output::say;
use crate::cli::render::{SeriesArgs, SeriesJob, bad, folder_of};
use crate::cli::{Exit, Global};
use crate::render::Renderer;
use crate::render::gif::Timing;

#[derive(Debug, Args)]
pub struct AnimateArgs {
    #[command(flatten)]
    pub series: SeriesArgs,
    /// The GIF to write.
    #[arg(long, default_value = "out/series.gif")]
    pub out: PathBuf,
    /// How long each month shows: `800ms`, `1s`, `1.5s`.
    #[arg(long, default_value = "800ms")]
    pub delay: String,
    /// How long the last month stays before the loop restarts.
    #[arg(long, default_value = "3s")]
    pub hold_last: String,
    /// Width in pixels (200..4000); the height keeps the maps' 4:3 shape.
    #[arg(long, default_value_t = 800)]
    pub width: u32,
    /// Leave out the caption band under the map ("Changed this month: …").
    #[arg(long)]
    pub no_caption: bool,
}

/// Parses `800ms`, `1.5s` or a bare number of milliseconds.
pub fn parse_duration_ms(flag: &str, text: &str) -> anyhow::Result<u32> {
    let trimmed = text.trim();
    let (number, scale) = if let Some(ms) = trimmed.strip_suffix("ms") {
        (ms, 1.0)
    } else if let Some(s) = trimmed.strip_suffix('s') {
        (s, 1000.0)
    } else {
        (trimmed, 1.0)
    };
    let value = number.trim().parse::<f64>().ok().filter(|v| v.is_finite() && *v >= 0.0).map(|v| v * scale);
    match value {
        Some(ms) if ms <= 600_000.0 => Ok(ms.round() as u32),
        _ => Err(bad(flag, format!("{text:?} is not a duration such as 800ms or 1.5s (at most 10 minutes)"))),
    }
}

/// `controlmap animate`
pub fn run(global: &Global, args: AnimateArgs) -> anyhow::Result<Exit> {
    let started = Instant::now();
    let timing = Timing {
        delay_ms: parse_duration_ms("--delay", &args.delay)?.max(20),
        hold_last_ms: parse_duration_ms("--hold-last", &args.hold_last)?,
    };
    if !(200..=4000).contains(&args.width) {
        return Err(bad("--width", format!("{} is out of range 200..4000", args.width)));
    }
    let (width, height) = (args.width, (args.width * 3).div_ceil(4));
    let mut job = SeriesJob::load(global, &args.series, (width, height), &folder_of(&args.out))?;
    job.set_caption(!args.no_caption);
    let months = &job.months;
    let series = job.series()?;
    let renderer = Renderer::new(series, true).context("cannot draw the base map")?;
    let mut bytes = Vec::new();
    let stats = renderer.animate(months, timing, &mut bytes).context("cannot make the GIF")?;
    data::write_atomic(&args.out, &bytes).with_context(|| format!("cannot write {}", args.out.display()))?;
    let seconds = started.elapsed().as_secs_f64();
    if global.json {
        crate::cli::output::Out::default().json(&serde_json::json!({
            "months": stats.frames_in, "frames": stats.frames_out, "width": width, "height": height,
            "out": args.out.display().to_string(), "bytes": bytes.len(), "seconds": (seconds * 100.0).round() / 100.0,
        }))?;
    } else {
        say(&format!(
            "animated {} months ({} frames after merging repeats, {width}x{height}) into {} ({:.1} MB) in {seconds:.2} s",
            stats.frames_in,
            stats.frames_out,
            args.out.display(),
            bytes.len() as f64 / 1e6,
        ))?;
    }
    Ok(job.finish(global))
}
