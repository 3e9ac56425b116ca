//! `controlmap bench`: the speed figures recorded in the README (load and join, render, extract).

use std::time::Instant;

use clap::Args;

use crate::app;
use crate::cli::output::say;
use crate::cli::render::{Format, RenderArgs, SeriesArgs};
use crate::cli::{Exit, Global, claims, world};
use crate::date::YearMonth;
use crate::render::Renderer;

#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Only these parts: load, render, animate, extract (default: all).
    #[arg(long, value_delimiter = ',')]
    pub only: Vec<String>,
    /// How many times to repeat the geodata load.
    #[arg(long, default_value_t = 20)]
    pub repeat: usize,
    /// Megabytes of generated article text for the extraction figure.
    #[arg(long, default_value_t = 40)]
    pub mb: usize,
}

/// `controlmap bench`
pub fn run(global: &Global, args: BenchArgs) -> anyhow::Result<Exit> {
    let wants = |part: &str| args.only.is_empty() || args.only.iter().any(|o| o == part);
    say(&format!("machine: {}", machine()))?;
    if wants("load") {
        bench_load(global, args.repeat.max(1))?;
    }
    if wants("render") {
        bench_render(global)?;
    }
    if wants("animate") {
        bench_animate(global)?;
    }
    if wants("extract") {
        say(&crate::cli::extract::bench_with(args.mb, global.geodata.as_deref())?)?;
    }
    say(&format!("peak memory (VmHWM): {}", peak_memory()))?;
    Ok(Exit::Success)
}

fn bench_load(global: &Global, repeat: usize) -> anyhow::Result<()> {
    let mut times = Vec::with_capacity(repeat);
    let mut places = 0;
    for _ in 0..repeat {
        let started = Instant::now();
        let world = world(global)?;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        places = world.gazetteer.places.len();
    }
    times.sort_by(f64::total_cmp);
    say(&format!(
        "load+join geodata: median {:.1} ms, best {:.1} ms over {repeat} runs ({places} places joined to governorates)",
        times[times.len() / 2],
        times[0]
    ))?;
    Ok(())
}

fn bench_render(global: &Global) -> anyhow::Result<()> {
    let world = world(global)?;
    let mut claims = claims(global, &world)?;
    let timeline = claims.timeline();
    let args = RenderArgs {
        series: SeriesArgs::default(),
        out: std::env::temp_dir().join(format!("controlmap-bench-{}", std::process::id())),
        format: vec![Format::Png, Format::Svg],
        size: "1600x1200".into(),
        no_html: true,
    };
    let months = crate::cli::render::months(&timeline, &args.series)?;
    let options = crate::cli::render::series_options(&args.series, 1600, 1200)?;
    let credit = crate::cli::render::attribution(global);
    let started = Instant::now();
    let series = crate::cli::render::prepare(&world, &timeline, options, &credit)?;
    let renderer = Renderer::new(series, true)?;
    let prepared = started.elapsed().as_secs_f64();
    let one = single_frame_ms(&renderer, months[months.len() / 2])?;
    let out = args.out.clone();
    std::fs::create_dir_all(&out)?;
    let series_started = Instant::now();
    let written = render_all(&renderer, &months, &out)?;
    let series_time = series_started.elapsed().as_secs_f64();
    let _ = std::fs::remove_dir_all(&out);
    say(&format!(
        "render: {} frames ({written} files, PNG+SVG 1600x1200) in {:.2} s wall on {} threads = {:.1} frames/s; series set-up {:.0} ms; one frame {:.0} ms",
        months.len(),
        series_time + prepared,
        rayon::current_num_threads(),
        months.len() as f64 / (series_time + prepared),
        prepared * 1000.0,
        one
    ))?;
    Ok(())
}

/// The whole seeds series as a GIF at 800 px, as `animate` makes it (without writing the file).
fn bench_animate(global: &Global) -> anyhow::Result<()> {
    let started = Instant::now();
    let world = world(global)?;
    let mut claims = claims(global, &world)?;
    let timeline = claims.timeline();
    let series_args = SeriesArgs::default();
    let months = crate::cli::render::months(&timeline, &series_args)?;
    let options = crate::cli::render::series_options(&series_args, 800, 600)?;
    let credit = crate::cli::render::attribution(global);
    let series = crate::cli::render::prepare(&world, &timeline, options, &credit)?;
    let key_colours = series.key_colours();
    let renderer = Renderer::new(series, true)?;
    use rayon::prelude::*;
    let frames = months.par_iter().map(|&m| renderer.rgb(m)).collect::<Result<Vec<_>, _>>()?;
    let timing = crate::render::gif::Timing { delay_ms: 800, hold_last_ms: 3000 };
    let (bytes, _) = crate::render::gif::encode(&frames, &key_colours, timing)?;
    say(&format!(
        "animate: {} frames at 800x600 into a {:.2} MB GIF in {:.2} s wall (load, render, palette, encode)",
        months.len(),
        bytes.len() as f64 / 1e6,
        started.elapsed().as_secs_f64()
    ))?;
    Ok(())
}

/// The median time of one frame (PNG and SVG, not written), over five runs.
fn single_frame_ms(renderer: &Renderer, month: YearMonth) -> anyhow::Result<f64> {
    let mut times = Vec::new();
    for _ in 0..5 {
        let started = Instant::now();
        renderer.render(month, true, true)?;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    Ok(times[2])
}

fn render_all(renderer: &Renderer, months: &[YearMonth], out: &std::path::Path) -> anyhow::Result<usize> {
    use rayon::prelude::*;
    let counts: Vec<anyhow::Result<usize>> = months
        .par_iter()
        .map(|&month| {
            let frame = renderer.render(month, true, true)?;
            app::data::write_atomic(&out.join(format!("{month}.svg")), frame.svg.unwrap_or_default().as_bytes())?;
            app::data::write_atomic(&out.join(format!("{month}.png")), &frame.png.unwrap_or_default())?;
            Ok(2)
        })
        .collect();
    Ok(counts.into_iter().collect::<anyhow::Result<Vec<_>>>()?.iter().sum())
}

/// CPU model and core count, from /proc/cpuinfo where available.
fn machine() -> String {
    let model = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|text| {
            text.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    format!("{model}, {cores} cores, {} {}", std::env::consts::OS, std::env::consts::ARCH)
}

/// The process's peak resident memory, from /proc/self/status where available.
fn peak_memory() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|text| text.lines().find(|l| l.starts_with("VmHWM:")).map(|l| l["VmHWM:".len()..].trim().to_string()))
        .unwrap_or_else(|| "not available on this system".into())
}
