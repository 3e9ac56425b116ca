//! `controlmap animate`: the map series as one looping GIF, made from the same scenes as `render`.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use clap::Args;
use rayon::prelude::*;

use crate::app::data;
use crate::cli::output::say;
use crate::cli::render::{SeriesArgs, attribution, months, prepare, series_options};
use crate::cli::{Exit, Global, InputError, claims, world};
use crate::model::Diagnostic;
use crate::render::Renderer;
use crate::render::gif::{self, Timing};

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
        _ => Err(InputError(Diagnostic::error(
            flag,
            None,
            None,
            format!("{text:?} is not a duration such as 800ms or 1.5s (at most 10 minutes)"),
        ))
        .into()),
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
        return Err(InputError(Diagnostic::error(
            "--width",
            None,
            None,
            format!("{} is out of range 200..4000", args.width),
        ))
        .into());
    }
    let (width, height) = (args.width, (args.width * 3).div_ceil(4));
    let options = series_options(&args.series, width, height)?;
    let world = world(global)?;
    let mut claims = claims(global, &world)?;
    let timeline = claims.timeline();
    let months = months(&timeline, &args.series)?;
    let folder =
        args.out.parent().filter(|p| !p.as_os_str().is_empty()).map_or_else(|| PathBuf::from("."), PathBuf::from);
    data::ensure_writable_dir(&folder).map_err(InputError)?;
    let credit = attribution(global);
    let series = prepare(&world, &timeline, options, &credit)?;
    let key_colours = series.key_colours();
    let renderer = Renderer::new(series, true).context("cannot draw the base map")?;
    let frames = months
        .par_iter()
        .map(|&m| renderer.rgb(m).with_context(|| format!("cannot render {m}")))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let (bytes, stats) = gif::encode(&frames, &key_colours, timing).context("cannot encode the GIF")?;
    data::write_atomic(&args.out, &bytes).with_context(|| format!("cannot write {}", args.out.display()))?;
    say(&format!(
        "animated {} months ({} frames after merging repeats, {width}x{height}) into {} ({:.1} MB) in {:.2} s",
        stats.frames_in,
        stats.frames_out,
        args.out.display(),
        stats.bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    ))?;
    crate::cli::warn(&claims.diagnostics, 20);
    Ok(crate::cli::strict_exit(global, crate::cli::warning_count(&claims.diagnostics, &timeline)))
}
