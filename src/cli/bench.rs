//! `controlmap bench`: the speed figures recorded in the README (load and join, render, extract).

use std::time::Instant;

use clap::Args;

use crate::cli::output::say;
use crate::cli::render::{SeriesArgs, SeriesJob};
use crate::cli::{Exit, Global, world};
use crate::date::YearMonth;
use crate::render::Renderer;

#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Only these parts: load, names, render, animate, extract (default: all).
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
    if wants("names") {
        bench_names(global)?;
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

/// Commands that resolve names, timed whole-process (start-up with the world gazetteer included),
/// and the world gazetteer's resolution rate in process.
fn bench_names(global: &Global) -> anyhow::Result<()> {
    let exe = std::env::current_exe()?;
    let geodata: Vec<String> =
        global.geodata.iter().flat_map(|d| ["--geodata".to_string(), d.display().to_string()]).collect();
    let commands: [(&str, &[&str]); 3] = [
        ("lint on the seeds", &["lint"]),
        ("at 2017-11 on the seeds", &["at", "2017-11"]),
        ("places Kyiv Khartoum Mosul", &["places", "Kyiv", "Khartoum", "Mosul"]),
    ];
    for (label, args) in commands {
        let mut times = Vec::new();
        for _ in 0..7 {
            let started = Instant::now();
            std::process::Command::new(&exe)
                .args(&geodata)
                .args(args)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .status()?;
            times.push(started.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(f64::total_cmp);
        say(&format!(
            "{label}: whole process median {:.0} ms, range {:.0}-{:.0} ms over 7 runs (target <= 150 ms)",
            times[times.len() / 2],
            times[0],
            times[times.len() - 1]
        ))?;
    }
    let world = world(global)?;
    let table = crate::places::world();
    let names: Vec<&str> = (0..table.len()).step_by(12).map(|i| table.place(i as u32).name).collect();
    let started = Instant::now();
    let found = names
        .iter()
        .filter(|n| {
            !matches!(
                world.gazetteer.resolve(n, &crate::places::Hint::default()),
                crate::places::Resolution::NotFound { .. }
            )
        })
        .count();
    let seconds = started.elapsed().as_secs_f64();
    say(&format!(
        "world gazetteer: {} names resolved in {:.0} ms = {:.0} names/s ({found} found; {} places in the table)",
        names.len(),
        seconds * 1000.0,
        names.len() as f64 / seconds,
        table.len()
    ))?;
    Ok(())
}

fn bench_render(global: &Global) -> anyhow::Result<()> {
    // A fresh folder with an unpredictable name (never a planted symlink), removed when dropped.
    let scratch = tempfile::Builder::new().prefix("controlmap-bench-").tempdir()?;
    let out = scratch.path().to_path_buf();
    let job = SeriesJob::load(global, &SeriesArgs::default(), (1600, 1200), &out)?;
    let months = &job.months;
    let started = Instant::now();
    let renderer = Renderer::new(job.series()?, true)?;
    let prepared = started.elapsed().as_secs_f64();
    let one = single_frame_ms(&renderer, months[months.len() / 2])?;
    let series_started = Instant::now();
    let written = render_all(&renderer, months, &out)?;
    let series_time = series_started.elapsed().as_secs_f64();
    drop(scratch);
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
    let job = SeriesJob::load(global, &SeriesArgs::default(), (800, 600), &std::env::temp_dir())?;
    let renderer = Renderer::new(job.series()?, true)?;
    let mut bytes = Vec::new();
    let timing = crate::render::gif::Timing { delay_ms: 800, hold_last_ms: 3000 };
    renderer.animate(&job.months, timing, &mut bytes)?;
    say(&format!(
        "animate: {} frames at 800x600 into a {:.2} MB GIF in {:.2} s wall (load, render twice, palette, encode)",
        job.months.len(),
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
            let (written, _) = crate::cli::render::write_frame(renderer, out, month, true, true)?;
            Ok(written)
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
