//! The command line: options (clap), the commands, and how outcomes map to exit codes.

mod animate;
mod bench;
mod chart;
mod diff;
mod export;
pub mod extract;
mod lint;
mod lookup;
pub mod output;
mod query;
pub mod render;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::app::{self, Claims, World};
use crate::cli::output::warn_line;
use crate::model::Diagnostic;

/// Exit codes: 0 success, 1 a finding (lint errors, a contradicted check), 2 usage or input errors,
/// 3 an uncertain or unknown check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Success = 0,
    Finding = 1,
    BadInput = 2,
    Undecided = 3,
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> ExitCode {
        ExitCode::from(exit as u8)
    }
}

/// Turns news claims about a war into a ledger of dated control claims, answers who held what
/// on any date, and draws one map per month.
///
/// With no --ledger and no --geodata, every command uses the seeds ledger and the geodata built
/// into the binary, so it works from any folder.
#[derive(Debug, Parser)]
#[command(name = "controlmap", version, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command accepts.
#[derive(Debug, Args, Clone)]
pub struct Global {
    /// A claims ledger (CSV) to use instead of the built-in seeds ledger. Repeat to combine
    /// several; `-` reads standard input.
    #[arg(long = "ledger", global = true, value_name = "FILE")]
    pub ledgers: Vec<PathBuf>,
    /// A geodata folder (factions.toml, places.csv, regions.geojson, countries.geojson,
    /// admin1.geojson, rivers.geojson, optionally lang/*.toml) to use instead of the built-in one.
    #[arg(long, global = true, value_name = "DIR")]
    pub geodata: Option<PathBuf>,
    /// A factions file (`[[faction]]` tables as in geodata/factions.toml) that adds factions or
    /// replaces those of the same id: names and colours for the holders of your conflict.
    #[arg(long, global = true, value_name = "FILE")]
    pub factions: Option<PathBuf>,
    /// Print JSON for scripts instead of a table.
    #[arg(long, global = true)]
    pub json: bool,
    /// Treat warnings (unresolved names, conflicts, duplicates) as failures: exit code 1.
    #[arg(long, global = true)]
    pub strict: bool,
    /// The largest ledger read, in MB (a larger file, or more on standard input, is refused with
    /// exit code 2). Lines longer than 1 MB are always refused.
    #[arg(long, global = true, value_name = "MB", default_value_t = crate::ingest::limits::DEFAULT_MAX_LEDGER_MB)]
    pub max_ledger_mb: u64,
}

impl Global {
    /// The limits ledgers are read with.
    pub fn ledger_limits(&self) -> crate::ingest::limits::Limits {
        let max_bytes = self.max_ledger_mb.saturating_mul(1 << 20);
        crate::ingest::limits::Limits { max_bytes, ..Default::default() }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Who held what on a date: every tracked place, or the named ones.
    ///
    /// DATE is a day (2017-10-20), a month meaning its last day (2017-10), or a year meaning
    /// 31 December. Each row gives the holder, the status, since when, how old the newest
    /// evidence is, the sources, how many independent sources (publishers, domains or articles)
    /// back the state, and flags: conflict (sources disagree), pending (a claim whose
    /// date span contains DATE may change the answer), stale (evidence older than six months),
    /// claimed/hedged (the state rests on a party's claim or a hedged report).
    ///
    /// Example: controlmap at 2017-11 Raqqa
    At(query::AtArgs),
    /// Check a statement: did FACTION hold PLACE on DATE?
    ///
    /// Prints a verdict, its reason in one sentence ("supported by 3 independent sources,
    /// contradicted by 1"), and the claims: supporting and contradicting (in effect by the date),
    /// in progress (their span contains the date) and later evidence (dated after it, not
    /// weighed). Exit code 0 supported, 1 contradicted, 3 uncertain (a claim whose span contains
    /// the date could change the answer, or sources disagree about this faction) or unknown (no
    /// evidence).
    ///
    /// Example: controlmap check Boukamal --holder is --on 2017-12-05
    Check(query::CheckArgs),
    /// What changed between two dates, and on whose word.
    ///
    /// One line per place whose holder or status differs between FROM and TO (a month means its
    /// last day): before → after, when it happened (the span of the claims that made it), and the
    /// claims behind it with their sources and modality, indented. Also places first reported
    /// (no claim by FROM), places whose evidence went stale (over six months old: no longer
    /// tracked), and conflicts between sources that opened or closed. Sorted by date of change,
    /// then place. `--json` prints a list of objects (place, kind, before, after, changed,
    /// sources, independent_sources, claims); `--format md` a Markdown note. FROM after TO is
    /// exit 2.
    ///
    /// Example: controlmap diff 2017-09 2017-12
    Diff(diff::DiffArgs),
    /// A place's timeline: every claim in order, the state it leads to, and conflicts.
    ///
    /// Example: controlmap history "Deir ez-Zor"
    History(query::HistoryArgs),
    /// Check ledgers: unresolved places and factions (with suggestions), bad dates, unknown
    /// events, duplicate rows and conflicts, as FILE:LINE: FIELD: MESSAGE. Exit 1 on errors.
    ///
    /// Example: controlmap lint seeds/claims.csv --articles ../shared/seeds
    Lint(lint::LintArgs),
    /// Draft ledger rows from news articles (Dutch or English): dated control claims with the
    /// sentence that states them.
    ///
    /// Reads plain-text articles (files, folders of *.txt sorted by name, or - for standard
    /// input) and writes CSV in the ledger's columns (date,place,holder,event,other,modality,
    /// source,note) plus confidence (0 to 1), evidence (the byte span START-END in the article
    /// text) and cues (the words that triggered the claim, |-separated). `source` is FILE#N with
    /// the sentence numbers of `controlmap sentences`. Places are written as the gazetteer's
    /// display name (or id, or region:ID) and factions as ids, so the output goes straight to
    /// `lint`, `at` and `render` with --ledger.
    ///
    /// Dates are resolved against the article's ` date YYYY-MM[-DD]` marker, or --date for
    /// articles without one; an undated claim gets the article's date as an upper bound and the
    /// note says so. Without any article date, relative dates stay unresolved and such claims are
    /// left out (reported on standard error). The words the extractor knows live in
    /// geodata/lang/*.toml (the format is described at the top of nl.toml).
    ///
    /// Exit code 0, or 2 when an input could not be read (missing, empty or binary).
    ///
    /// Example: controlmap extract ../shared/seeds --date 2017-10 --out draft.csv
    Extract(extract::ExtractArgs),
    /// Score extracted claims against a gold ledger: precision, recall and F1 on (place,
    /// holder, event), and the accuracy of the date (to the month) and of the modality.
    ///
    /// Claims are matched within each article (the article of their first source), one to one,
    /// whatever the sentence number; places and factions are compared after resolution, so
    /// "Deir Ezzour" matches "Deir ez-Zor". Lists the misses, the false alarms, and the matched
    /// claims whose date or modality differ. --gold and --pred take files or folders of CSVs
    /// and may be repeated. Exit code 0.
    ///
    /// Example: controlmap eval --gold tests/gold --pred draft.csv
    Eval(extract::EvalArgs),
    /// Search the gazetteer: how a name resolves, its aliases, coordinates and governorate.
    ///
    /// Example: controlmap places "Deir Ezzour"
    Places(lookup::PlacesArgs),
    /// List and search the named regions (governorates and drawn areas) and the towns inside them.
    ///
    /// Example: controlmap regions yarmouk
    Regions(lookup::RegionsArgs),
    /// Print an article's numbered sentences: the numbers ledger sources cite (FILE#N).
    ///
    /// Example: controlmap sentences ../shared/seeds/001_976f2b0105d2231f.txt
    Sentences(lookup::SentencesArgs),
    /// Draw the map series: one PNG and one SVG per month into out/ (YYYY-MM.png, YYYY-MM.svg).
    ///
    /// Each map shows the state at the end of its month: control areas, towns marked by holder
    /// and status (a white centre dot when the state rests on a single independent source), front
    /// lines, a legend of what is shown, a scale bar, the sources, and a caption under the map of
    /// what changed this month (as `diff` lists it; --no-caption leaves it out). Frames
    /// share one size and projection, so they animate. Months render in parallel; files are
    /// written to a temporary name and renamed, so an interrupted run leaves no partial file.
    /// out/index.html is a viewer over the frames (--no-html leaves it out).
    ///
    /// Example: controlmap render --from 2017-06 --to 2017-12 --lang nl --size 1200x900
    Render(render::RenderArgs),
    /// Animate the map series as one looping GIF (a global palette, so colours never flicker;
    /// repeated months merged into a longer delay; the last month held).
    ///
    /// Example: controlmap animate --out out/series.gif --delay 600ms --width 800
    Animate(animate::AnimateArgs),
    /// Export the series as data: GeoJSON per month and a CSV timeline, for QGIS and spreadsheets.
    ///
    /// GeoJSON (RFC 7946, lon/lat, 5 decimals, no crs member): DIR/YYYY-MM.geojson holds one
    /// FeatureCollection per month with the drawn places (layer "place": a Point for a town, the
    /// polygon for a region; holder, status, since, evidence, certainty, conflict, sources), the
    /// derived control areas (layer "area": holder, fill solid or shared:OTHER, area_km2) and the
    /// front lines (layer "front"); the area rule and the credits are in its "controlmap" member.
    /// CSV: DIR/timeline.csv has one row per month and drawn place (month, place_id, place, kind,
    /// lon, lat, holder, status, other, since, last_evidence, age_days, stale, certainty,
    /// conflict, sources, independent_sources), ordered by month and place id, for spreadsheets
    /// and Datawrapper.
    /// Files are written to a temporary name and renamed, so a failed run leaves no partial file.
    ///
    /// Example: controlmap export --format geojson,csv --from 2017-06 --to 2017-12 --out out/data
    Export(export::ExportArgs),
    /// Chart who held what over time: places held and area held (km²) per faction and month.
    ///
    /// Two stacked line charts drawn with plotters, one line per faction in its map colour: the
    /// tracked places each faction holds at the end of each month (whatever the status), and the
    /// derived control area of its towns in km² (equal-area projection, so the km² are real),
    /// with a legend, the month axis, and the sources. A line starts at the faction's first
    /// holding and is dashed where all its holdings rest on evidence over six months old (drawn
    /// faded on the maps). The extension of --out chooses SVG or PNG (--both writes both); the PNG
    /// is the SVG rasterised with the maps' embedded fonts. With --json, prints the numbers drawn.
    ///
    /// Example: controlmap chart --out out/chart.png --both --lang nl
    Chart(chart::ChartArgs),
    /// Measure speed: geodata load and join, the whole seeds series as PNG and SVG at 1600x1200,
    /// one frame, and peak memory. Build with --release for meaningful figures.
    ///
    /// Example: cargo run --release -- bench
    Bench(bench::BenchArgs),
}

/// Parses the command line, runs the command, and returns the exit code. Nothing else exits,
/// except the Ctrl-C handler: it removes the files being written and exits with 130.
pub fn main() -> ExitCode {
    install_interrupt_handler();
    let cli = Cli::parse();
    match run(cli) {
        Ok(exit) => exit.into(),
        Err(error) => {
            warn_line(&format!("error: {error:#}"));
            Exit::BadInput.into()
        }
    }
}

/// Ctrl-C: files already written are complete; the ones being written are removed; exit 130.
fn install_interrupt_handler() {
    let _ = ctrlc::set_handler(|| {
        app::data::remove_in_progress();
        warn_line("interrupted: files already written are complete; no partial file was left");
        std::process::exit(130);
    });
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<Exit> {
    let global = cli.global;
    match cli.command {
        Command::At(args) => query::at(&global, args),
        Command::Check(args) => query::check(&global, args),
        Command::History(args) => query::history(&global, args),
        Command::Diff(args) => diff::run(&global, args),
        Command::Lint(args) => lint::run(&global, args),
        Command::Extract(args) => extract::run(&global, args),
        Command::Eval(args) => extract::eval(&global, args),
        Command::Places(args) => lookup::places(&global, args),
        Command::Regions(args) => lookup::regions(&global, args),
        Command::Sentences(args) => lookup::sentences(&global, args),
        Command::Render(args) => render::run(&global, args),
        Command::Export(args) => export::run(&global, args),
        Command::Chart(args) => chart::run(&global, args),
        Command::Bench(args) => bench::run(&global, args),
        Command::Animate(args) => animate::run(&global, args),
    }
}

/// An input problem, shown as the diagnostic's own text.
#[derive(Debug)]
pub struct InputError(pub Diagnostic);

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for InputError {}

/// Loads the geodata named by the global options.
pub(crate) fn world(global: &Global) -> anyhow::Result<World> {
    let mut world = app::load_world(global.geodata.as_deref()).map_err(InputError)?;
    if let Some(path) = &global.factions {
        let file = app::data::read_data_file(path).map_err(InputError)?;
        let extra = crate::places::Factions::parse(&file.name, &file.text).map_err(InputError)?;
        world.factions.merge(extra);
        world.factions.check_stand_ins(&file.name).map_err(InputError)?;
    }
    warn(&world.warnings, 10);
    Ok(world)
}

/// Loads the ledgers for a query command: any error row stops the command (exit 2), listing the
/// first errors; warnings go to standard error.
pub(crate) fn claims(global: &Global, world: &mut World) -> anyhow::Result<Claims> {
    let claims = app::load_claims(world, &global.ledgers, global.ledger_limits()).map_err(InputError)?;
    let errors: Vec<&Diagnostic> = claims.errors().collect();
    if !errors.is_empty() {
        let shown: Vec<String> = errors.iter().take(10).map(|d| d.to_string()).collect();
        let more = if errors.len() > 10 {
            format!("\n… and {} more (controlmap lint lists them all)", errors.len() - 10)
        } else {
            String::new()
        };
        anyhow::bail!("{} bad row(s) in the ledger:\n{}{more}", errors.len(), shown.join("\n"));
    }
    Ok(claims)
}

/// How many warnings a run has: bad rows aside (they are errors), every soft problem: warnings
/// from reading, conflicts between sources and duplicate rows.
pub(crate) fn warning_count(diagnostics: &[Diagnostic], timeline: &crate::timeline::Timeline) -> usize {
    diagnostics.len() + timeline.conflicts.len() + timeline.duplicates.len()
}

/// Success, or with `--strict` a finding (exit 1) when there were warnings. The same rule for
/// every command except `check` (whose exit code is its verdict) and `lint` (which also fails on errors).
pub(crate) fn strict_exit(global: &Global, warnings: usize) -> Exit {
    if global.strict && warnings > 0 { Exit::Finding } else { Exit::Success }
}

/// Leaves a large value (a timeline of a million claims) to the operating system: the command
/// is about to end, and freeing it one allocation at a time would cost a noticeable fraction of
/// the run. Only for values that hold nothing to flush or close.
pub(crate) fn release_at_exit<T>(value: T) {
    std::mem::forget(value);
}

/// Prints warnings to standard error, at most `limit` of them and a count of the rest.
pub(crate) fn warn(diagnostics: &[Diagnostic], limit: usize) {
    for d in diagnostics.iter().take(limit) {
        warn_line(&d.to_string());
    }
    if diagnostics.len() > limit {
        warn_line(&format!("… and {} more warnings", diagnostics.len() - limit));
    }
}
