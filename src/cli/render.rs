//! `controlmap render`: one PNG and one SVG per month, in parallel, written atomically, and the
//! viewer page `index.html` over them.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context;
use clap::Args;

use crate::app::{self, World, data};
use crate::cli::output::say;
use crate::cli::{Exit, Global, InputError, claims, world};
use crate::date::YearMonth;
use crate::geometry::BBox;
use crate::geometry::world::Borders;
use crate::model::Diagnostic;
use crate::render::html::{FactionStyle, PageBuilder, PageOptions};
use crate::render::info::FrameInfo;
use crate::render::{self, Lang, Palette, Renderer, Series};
use crate::timeline::Timeline;

/// Options shared by every command that draws a series of months.
#[derive(Debug, Args, Clone)]
pub struct SeriesArgs {
    /// First month (YYYY-MM). Default: the first month any claim is counted in.
    #[arg(long, value_name = "YYYY-MM")]
    pub from: Option<String>,
    /// Last month (YYYY-MM). Default: the month of the latest claim.
    #[arg(long, value_name = "YYYY-MM")]
    pub to: Option<String>,
    /// Language of the words on the map.
    #[arg(long, value_enum, default_value_t)]
    pub lang: Lang,
    /// Faction colours: `default` (the convention of published control maps) or `cvd` (colour-blind safe).
    #[arg(long, value_enum, default_value_t)]
    pub palette: Palette,
    /// The area to show, LON0,LAT0,LON1,LAT1. Default: the tracked places with a margin.
    #[arg(long, value_name = "LON0,LAT0,LON1,LAT1", allow_hyphen_values = true)]
    pub bbox: Option<String>,
    /// Radius of each town's control area, in km (see the area rule in the README).
    #[arg(long, default_value_t = 30.0, value_name = "KM")]
    pub radius_km: f64,
    /// Borders where they are disputed: internationally recognised (Crimea in Ukraine, the Golan
    /// Heights in Syria) or Natural Earth's de facto view.
    #[arg(long, value_enum, default_value_t)]
    pub borders: Borders,
    /// A title before the month on every frame ("Sudan war" gives "Sudan war: October 2023").
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// The line under the title (default: what the map shows and where its claims come from).
    #[arg(long, value_name = "TEXT")]
    pub subtitle: Option<String>,
    /// The data credit in the footer (default: the geodata's sources and the border view).
    #[arg(long, value_name = "TEXT")]
    pub credit: Option<String>,
}

impl Default for SeriesArgs {
    /// The whole ledger's months, English, default palette, automatic box, 30 km areas.
    fn default() -> Self {
        SeriesArgs {
            from: None,
            to: None,
            lang: Lang::En,
            palette: Palette::Default,
            bbox: None,
            radius_km: 30.0,
            borders: Borders::default(),
            title: None,
            subtitle: None,
            credit: None,
        }
    }
}

#[derive(Debug, Args)]
pub struct RenderArgs {
    #[command(flatten)]
    pub series: SeriesArgs,
    /// Output folder; frames are named YYYY-MM.png and YYYY-MM.svg.
    #[arg(long, default_value = "out")]
    pub out: PathBuf,
    /// Formats to write, comma-separated.
    #[arg(long, value_delimiter = ',', default_value = "png,svg")]
    pub format: Vec<Format>,
    /// Image size in pixels, WIDTHxHEIGHT (200x150 to 8000x8000).
    #[arg(long, default_value = "1600x1200")]
    pub size: String,
    /// Do not write out/index.html, the viewer page (a month slider, playback, the month in the
    /// URL hash, and each place's state and sources on click). It needs only the frames next to
    /// it and works from file:// with no network.
    #[arg(long)]
    pub no_html: bool,
    /// Leave out the caption band under the map ("Changed this month: …").
    #[arg(long)]
    pub no_caption: bool,
}

/// An output format of `render`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Png,
    Svg,
}

/// An input error about a flag or a file, with exit code 2.
pub fn bad(what: &str, message: String) -> anyhow::Error {
    InputError(Diagnostic::error(what, None, None, message)).into()
}

/// Parses `WIDTHxHEIGHT` within sane limits.
pub fn parse_size(text: &str) -> anyhow::Result<(u32, u32)> {
    let parsed = text
        .split_once(['x', 'X'])
        .and_then(|(w, h)| Some((w.trim().parse::<u32>().ok()?, h.trim().parse::<u32>().ok()?)));
    let Some((w, h)) = parsed else {
        return Err(bad("--size", format!("{text:?} is not a size: expected WIDTHxHEIGHT, e.g. 1600x1200")));
    };
    if !(200..=8000).contains(&w) || !(150..=8000).contains(&h) {
        return Err(bad("--size", format!("{w}x{h} is out of range: width 200..8000, height 150..8000")));
    }
    Ok((w, h))
}

fn parse_month(flag: &str, text: &str) -> anyhow::Result<YearMonth> {
    text.parse::<YearMonth>().map_err(|e| bad(flag, e.to_string()))
}

/// The months to draw: `--from`..`--to`, by default the months in which claims are counted.
pub fn months(timeline: &Timeline, args: &SeriesArgs) -> anyhow::Result<Vec<YearMonth>> {
    let first = timeline.claims.iter().map(|c| c.date.end.month_key()).min();
    let last = timeline.claims.iter().map(|c| c.date.end.month_key()).max();
    let from = match &args.from {
        Some(text) => parse_month("--from", text)?,
        None => {
            first.ok_or_else(|| bad("the ledger", "has no claims to draw (give --ledger a file with claims)".into()))?
        }
    };
    let to = match &args.to {
        Some(text) => parse_month("--to", text)?,
        None => last.unwrap_or(from).max(from),
    };
    if from > to {
        return Err(bad("--from", format!("{from} is after --to {to}")));
    }
    let months = from.through(to);
    if months.len() > 1200 {
        return Err(bad("--from", format!("{from}..{to} is {} months; the limit is 1200", months.len())));
    }
    Ok(months)
}

/// Builds the series options from the arguments (checking the box and radius).
pub fn series_options(args: &SeriesArgs, width: u32, height: u32) -> anyhow::Result<render::Options> {
    let bbox = args.bbox.as_deref().map(BBox::parse).transpose().map_err(|e| bad("--bbox", e))?;
    if !(1.0..=500.0).contains(&args.radius_km) {
        return Err(bad("--radius-km", format!("{} is out of range 1..500", args.radius_km)));
    }
    for (flag, text) in [("--title", &args.title), ("--subtitle", &args.subtitle), ("--credit", &args.credit)] {
        if let Some(text) = text
            && (text.chars().count() > 200 || text.chars().any(char::is_control))
        {
            return Err(bad(flag, "must be one line of at most 200 characters".into()));
        }
    }
    Ok(render::Options {
        width,
        height,
        lang: args.lang,
        palette: args.palette,
        bbox,
        radius_km: args.radius_km,
        title: args.title.clone(),
        subtitle: args.subtitle.clone(),
        caption: true,
    })
}

/// Prepares a series (projection, base map, labels) for the given world and timeline.
pub fn prepare<'a>(
    world: &'a World,
    timeline: &'a Timeline,
    options: render::Options,
    attribution: &'a str,
) -> anyhow::Result<Series<'a>> {
    let inputs = render::Inputs {
        layers: &world.layers,
        gazetteer: &world.gazetteer,
        factions: &world.factions,
        timeline,
        attribution,
    };
    Series::prepare(inputs, options).map_err(|e| match e {
        render::SeriesError::OutsideData(..) => bad("--bbox", e.to_string()),
        render::SeriesError::NoCountries => bad("countries.geojson", e.to_string()),
    })
}

/// What every command that draws a series needs, loaded and checked once: the geodata, the
/// timeline of the ledgers, the months, the options and the credit line.
pub struct SeriesJob {
    pub world: World,
    pub diagnostics: Vec<Diagnostic>,
    pub timeline: Timeline,
    pub months: Vec<YearMonth>,
    pub credit: String,
    options: render::Options,
}

impl SeriesJob {
    /// Checks the options, loads the data, chooses the months, and makes sure `out_dir` can be written.
    pub fn load(global: &Global, args: &SeriesArgs, size: (u32, u32), out_dir: &Path) -> anyhow::Result<SeriesJob> {
        let options = series_options(args, size.0, size.1)?;
        let mut world = world(global)?;
        let mut claims = claims(global, &mut world)?;
        let timeline = claims.timeline();
        let months = months(&timeline, args)?;
        let view = app::view_box(&world, &timeline, options.bbox);
        let world_layers =
            app::fit_geography(&mut world, view, args.borders, global.geodata.is_none()).map_err(InputError)?;
        data::ensure_writable_dir(out_dir).map_err(InputError)?;
        data::remove_stale_temporaries(out_dir);
        let credit = match &args.credit {
            Some(credit) => credit.clone(),
            None if world_layers => data::world_attribution(args.borders),
            None => world.files.attribution.clone(),
        };
        Ok(SeriesJob { world, diagnostics: claims.diagnostics, timeline, months, credit, options })
    }

    /// Draws the caption band under the map, or not.
    pub fn set_caption(&mut self, caption: bool) {
        self.options.caption = caption;
    }

    /// The prepared series (projection, base map, labels).
    pub fn series(&self) -> anyhow::Result<Series<'_>> {
        prepare(&self.world, &self.timeline, self.options.clone(), &self.credit)
    }

    pub fn warnings(&self) -> usize {
        crate::cli::warning_count(&self.diagnostics, &self.timeline)
    }

    /// Prints the ledger warnings and gives the exit code (`--strict` fails on warnings).
    pub fn finish(&self, global: &Global) -> Exit {
        crate::cli::warn(&self.diagnostics, 20);
        crate::cli::strict_exit(global, self.warnings())
    }
}

/// The folder a file goes into (`.` for a bare file name).
pub fn folder_of(path: &Path) -> PathBuf {
    path.parent().filter(|p| !p.as_os_str().is_empty()).map_or_else(|| PathBuf::from("."), PathBuf::from)
}

/// `controlmap render`
pub fn run(global: &Global, args: RenderArgs) -> anyhow::Result<Exit> {
    let started = Instant::now();
    let (width, height) = parse_size(&args.size)?;
    let mut job = SeriesJob::load(global, &args.series, (width, height), &args.out)?;
    job.set_caption(!args.no_caption);
    let (months, timeline) = (&job.months, &job.timeline);
    trace("load", started);
    let series = job.series()?;
    trace("prepare the series", started);
    let (svg, png) = (args.format.contains(&Format::Svg), args.format.contains(&Format::Png));
    let renderer = Renderer::new(series, png).context("cannot draw the base map")?;
    trace("draw the base map", started);
    let progress = progress_bar(months.len());
    let mut page = (!args.no_html).then(|| PageBuilder::new(page_options(&renderer.series, png)));
    let mut files = 0;
    // In parallel, each thread taking the next month as soon as it is free; the frames' data
    // joins the page in month order and is dropped (see [`in_month_order`]).
    in_month_order(
        months,
        |month| {
            let written = write_frame(&renderer, &args.out, month, svg, png)?;
            progress.inc(1);
            Ok(written)
        },
        |(written, info)| {
            files += written;
            if let Some(page) = &mut page {
                page.push(&info);
            }
        },
    )?;
    progress.finish_and_clear();
    trace("draw and write the frames", started);
    if let Some(page) = page {
        let path = args.out.join("index.html");
        data::write_atomic(&path, page.finish().as_bytes())
            .with_context(|| format!("cannot write {}", path.display()))?;
        files += 1;
    }
    trace("write the viewer page", started);
    let warnings = job.warnings();
    let seconds = started.elapsed().as_secs_f64();
    if global.json {
        crate::cli::output::Out::default().json(&serde_json::json!({
            "frames": months.len(), "files": files, "width": width, "height": height,
            "from": months[0], "to": months[months.len() - 1], "out": args.out.display().to_string(),
            "seconds": (seconds * 100.0).round() / 100.0, "warnings": warnings, "conflicts": timeline.conflicts.len(),
        }))?;
    } else {
        say(&format!(
            "rendered {} frames ({files} files, {width}x{height}) from {} to {} into {} in {seconds:.2} s; {warnings} warning(s) ({} conflict(s) between sources)",
            months.len(),
            months[0],
            months[months.len() - 1],
            args.out.display(),
            timeline.conflicts.len()
        ))?;
    }
    Ok(job.finish(global))
}

/// Runs `work` on every month on the thread pool's threads, each thread taking the next month
/// when it is free (no batch end where one thread waits for the others), and hands the results
/// to `take` in month order on this thread as they complete. Only the results finished ahead of
/// the oldest unfinished month are held. The first error in month order stops the work.
fn in_month_order<T: Send>(
    months: &[YearMonth],
    work: impl Fn(YearMonth) -> anyhow::Result<T> + Sync,
    mut take: impl FnMut(T),
) -> anyhow::Result<()> {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    let (next, stop) = (AtomicUsize::new(0), AtomicBool::new(false));
    let (sender, receiver) = std::sync::mpsc::channel::<(usize, anyhow::Result<T>)>();
    std::thread::scope(|threads| {
        let (work, next, stop) = (&work, &next, &stop);
        threads.spawn(move || {
            rayon::scope(|pool| {
                for _ in 0..rayon::current_num_threads().max(1) {
                    let sender = sender.clone();
                    pool.spawn(move |_| {
                        while !stop.load(Ordering::Relaxed) {
                            let index = next.fetch_add(1, Ordering::Relaxed);
                            let Some(&month) = months.get(index) else { break };
                            if sender.send((index, work(month))).is_err() {
                                break;
                            }
                        }
                    });
                }
            });
        });
        let mut ahead = std::collections::BTreeMap::new();
        let mut due = 0;
        for (index, result) in receiver.iter() {
            ahead.insert(index, result);
            while let Some(result) = ahead.remove(&due) {
                due += 1;
                match result {
                    Ok(value) => take(value),
                    Err(error) => {
                        stop.store(true, Ordering::Relaxed);
                        return Err(error);
                    }
                }
            }
        }
        Ok(())
    })
}

/// With `CONTROLMAP_TRACE` set, prints on standard error the seconds since `started` at the
/// end of a phase, to find the phases that run on one core.
fn trace(phase: &str, started: Instant) {
    if std::env::var_os("CONTROLMAP_TRACE").is_some() {
        eprintln!("trace: {:>7.3} s  {phase}", started.elapsed().as_secs_f64());
    }
}

/// How the viewer page shows the series: the frames' format and size, the factions' names and colours.
fn page_options(series: &Series, png: bool) -> PageOptions {
    let factions = series
        .inputs
        .factions
        .list
        .iter()
        .map(|f| (f.id.clone(), FactionStyle { name: series.faction_name(&f.id), color: series.color(&f.id) }))
        .collect();
    PageOptions {
        image_ext: if png { "png" } else { "svg" }.to_string(),
        width: series.options.width,
        height: series.options.height,
        lang: series.options.lang,
        factions,
    }
}

/// Renders and writes one month; returns the files written and the frame's data.
pub(crate) fn write_frame(
    renderer: &Renderer,
    out: &Path,
    month: YearMonth,
    svg: bool,
    png: bool,
) -> anyhow::Result<(usize, FrameInfo)> {
    let frame = renderer.render(month, svg, png).with_context(|| format!("cannot render {month}"))?;
    let mut written = 0;
    if let Some(text) = frame.svg {
        let path = out.join(format!("{month}.svg"));
        data::write_atomic(&path, text.as_bytes()).with_context(|| format!("cannot write {}", path.display()))?;
        written += 1;
    }
    if let Some(bytes) = frame.png {
        let path = out.join(format!("{month}.png"));
        data::write_atomic(&path, &bytes).with_context(|| format!("cannot write {}", path.display()))?;
        written += 1;
    }
    Ok((written, frame.info))
}

/// A progress bar on standard error, hidden when it is not a terminal.
pub fn progress_bar(len: usize) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(len as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} frames {elapsed}") {
        bar.set_style(style);
    }
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    fn months(count: usize) -> Vec<YearMonth> {
        let first: YearMonth = "2015-01".parse().unwrap();
        let mut months = vec![first];
        while months.len() < count {
            months.push(months[months.len() - 1].next());
        }
        months
    }

    #[test]
    fn results_arrive_in_month_order_whatever_order_they_finish_in() {
        let months = months(40);
        let mut seen = Vec::new();
        in_month_order(
            &months,
            |month| {
                // Early months take longest, so later ones finish first.
                let index = months.iter().position(|m| *m == month).unwrap();
                std::thread::sleep(std::time::Duration::from_millis(((40 - index) % 7) as u64));
                Ok(month)
            },
            |month| seen.push(month),
        )
        .unwrap();
        assert_eq!(seen, months);
    }

    #[test]
    fn the_first_error_in_month_order_stops_the_work() {
        let months = months(30);
        let mut taken = 0;
        let bad = months[5];
        let result = in_month_order(
            &months,
            |month| if month == bad { Err(anyhow::anyhow!("cannot render {month}")) } else { Ok(month) },
            |_| taken += 1,
        );
        assert_eq!(result.unwrap_err().to_string(), format!("cannot render {bad}"));
        assert_eq!(taken, 5, "the months before the failing one are taken, none after");
    }
}
