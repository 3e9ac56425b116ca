//! `controlmap extract` (draft ledger rows from articles), `controlmap eval` (extracted claims
//! against a gold ledger) and the extraction figure of `controlmap bench`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context as _;
use clap::Args;

use crate::cli::output::{Out, warn_line};
use crate::cli::{Exit, Global, InputError, world};
use crate::date::DateSpan;
use crate::extract::eval::{self, EvalOptions};
use crate::extract::row::RowWriter;
use crate::extract::stream::{self, Input};
use crate::extract::{ArticleReport, Extractor, LangChoice, Options, bench as corpus};
use crate::model::Diagnostic;

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Articles: plain-text files, folders (their *.txt files, sorted by name), or `-` for
    /// standard input. An article may start with the marker ` date YYYY-MM[-DD]`.
    #[arg(required = true, value_name = "ARTICLE|DIR")]
    pub inputs: Vec<PathBuf>,
    /// The date of articles without a date marker (YYYY-MM or YYYY-MM-DD): relative dates
    /// ("gisteren", "in september") are resolved against it. Articles with a marker keep theirs.
    #[arg(long, value_name = "YYYY-MM[-DD]")]
    pub date: Option<String>,
    /// The lexicon to read the articles with: a language code from geodata/lang (nl, en), or
    /// auto to choose per article by its most frequent function words.
    #[arg(long, default_value = "auto", value_name = "nl|en|auto")]
    pub lang: String,
    /// Write the rows to this file (through a temporary file, renamed when complete) instead of
    /// standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Leave out claims whose confidence is below this (0 to 1).
    #[arg(long, default_value_t = 0.3, value_name = "X")]
    pub min_confidence: f64,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// The gold ledger: a CSV file or a folder of them. Repeat to combine several.
    #[arg(long, required = true, value_name = "FILE|DIR")]
    pub gold: Vec<PathBuf>,
    /// The extracted claims: a CSV file (as `extract` writes it) or a folder of them. Repeat
    /// to combine several.
    #[arg(long, required = true, value_name = "FILE|DIR")]
    pub pred: Vec<PathBuf>,
    /// Compare only claims of articles that the gold covers.
    #[arg(long)]
    pub gold_articles_only: bool,
}

/// `controlmap extract ARTICLE|DIR... [--date D] [--lang L] [--out FILE]`
pub fn run(global: &Global, args: ExtractArgs) -> anyhow::Result<Exit> {
    let options = options(&args)?;
    let world = world(global)?;
    let mut extractor = Extractor::new(&world.gazetteer, &world.factions, &world.files.languages)
        .map_err(|e| InputError(Diagnostic::error("geodata/lang", None, None, e.to_string())))?;
    if let LangChoice::Code(code) = &options.lang
        && !extractor.languages().contains(&code.as_str())
    {
        anyhow::bail!("--lang {code}: no such lexicon; known: {}, auto", extractor.languages().join(", "));
    }
    for warning in extractor.warnings() {
        warn_line(&format!("warning: {warning}"));
    }
    let inputs = stream::expand(&args.inputs).map_err(InputError)?;
    let failed = match &args.out {
        // An input that cannot be read makes the run fail (exit 2): then the file is not written at all.
        Some(path) => crate::app::data::write_atomic_with(path, |out| {
            match extract_all(&mut extractor, &inputs, &options, out)? {
                0 => Ok(0),
                failed => anyhow::bail!("{failed} input(s) could not be read; {} was not written", path.display()),
            }
        })?,
        None => extract_all(&mut extractor, &inputs, &options, &mut Out::default())?,
    };
    Ok(if failed > 0 { Exit::BadInput } else { Exit::Success })
}

fn options(args: &ExtractArgs) -> anyhow::Result<Options> {
    let date =
        args.date.as_deref().map(|d| d.parse::<DateSpan>().with_context(|| format!("--date {d}"))).transpose()?;
    if let Some(d) = &date
        && d.precision == crate::date::Precision::Range
    {
        anyhow::bail!("--date {d}: give a month or a day, not a range");
    }
    let lang = match args.lang.as_str() {
        "auto" => LangChoice::Auto,
        code => LangChoice::Code(code.to_string()),
    };
    if !(0.0..=1.0).contains(&args.min_confidence) {
        anyhow::bail!("--min-confidence {}: must be between 0 and 1", args.min_confidence);
    }
    let debug = std::env::var_os("CONTROLMAP_DEBUG_EXTRACT").is_some();
    Ok(Options { date, lang, min_confidence: args.min_confidence, debug })
}

/// Extracts every input into `out`; problems are reported on standard error. Returns how many
/// inputs could not be read.
fn extract_all(
    extractor: &mut Extractor,
    inputs: &[Input],
    options: &Options,
    out: &mut dyn Write,
) -> anyhow::Result<usize> {
    let mut rows = RowWriter::new(out).context("cannot write the output")?;
    let (mut failed, mut claims) = (0, 0);
    for input in inputs {
        let opened = input.open();
        let result = match opened {
            Ok(mut reader) => extractor.article(input, &mut reader, options, &mut |c| rows.write(c)),
            Err(d) => Err(stream::ReadError::Io(input.shown(), d.to_string())),
        };
        match result {
            Ok(report) => {
                claims += report.claims;
                warn_about(input, &report);
            }
            Err(stream::ReadError::Write(message)) => anyhow::bail!("cannot write the output: {message}"),
            Err(e) => {
                failed += 1;
                warn_line(&format!("error: {e}"));
            }
        }
    }
    rows.flush().context("cannot write the output")?;
    warn_line(&format!(
        "extract: {} article(s), {claims} claim(s){}",
        inputs.len(),
        if failed > 0 { format!(", {failed} unreadable") } else { String::new() }
    ));
    Ok(failed)
}

fn warn_about(input: &Input, report: &ArticleReport) {
    let shown = input.shown();
    if report.reading.lossy {
        warn_line(&format!("{shown}: warning: not valid UTF-8; decoded lossily (invalid bytes became U+FFFD)"));
    }
    if report.reading.cut {
        warn_line(&format!(
            "{shown}: warning: a line longer than {} bytes was cut (at a space where it had one); sentence numbers after it may differ from `controlmap sentences`",
            stream::MAX_LINE
        ));
    }
    if let Some(error) = &report.reading.marker_error {
        warn_line(&format!("{shown}: warning: date marker: {error}; the article is read as undated"));
    }
    if report.reading.date.is_none() {
        match &report.date {
            Some(d) => warn_line(&format!("{shown}: no date marker; using --date {d}")),
            None => warn_line(&format!(
                "{shown}: warning: no date marker and no --date: relative dates stay unresolved and undated claims are left out"
            )),
        }
    }
    const SHOWN: usize = 5;
    for skipped in report.skipped.iter().take(SHOWN) {
        warn_line(&format!("{shown}: left out: {skipped}"));
    }
    if report.skipped.len() > SHOWN {
        warn_line(&format!("{shown}: … and {} more left out", report.skipped.len() - SHOWN));
    }
}

/// `controlmap eval --gold G --pred P`
pub fn eval(global: &Global, args: EvalArgs) -> anyhow::Result<Exit> {
    let world = world(global)?;
    let gold = eval::read_ledgers(&args.gold).map_err(InputError)?;
    let pred = eval::read_ledgers(&args.pred).map_err(InputError)?;
    let options = EvalOptions { gold_articles_only: args.gold_articles_only };
    let report = eval::evaluate(&world.gazetteer, &world.factions, &gold, &pred, &options);
    let mut out = Out::default();
    if global.json {
        out.json(&report)?;
    } else {
        out.text(&report.render())?;
    }
    // Rows that could not be read or resolved are bad input: the figures leave them out.
    for problem in report.problems.iter().take(20) {
        warn_line(&problem.to_string());
    }
    if report.problems.len() > 20 {
        warn_line(&format!("… and {} more rows left out", report.problems.len() - 20));
    }
    Ok(if report.problems.is_empty() { Exit::Success } else { Exit::BadInput })
}

/// Extracts from `mb` megabytes of generated Dutch and English article text with the built-in
/// geodata, on one core, and returns a printable figure line.
pub fn bench(mb: usize) -> anyhow::Result<String> {
    bench_with(mb, None)
}

/// [`bench`] with a geodata folder (or the built-in one).
pub fn bench_with(mb: usize, geodata: Option<&Path>) -> anyhow::Result<String> {
    let world = crate::app::load_world(geodata).map_err(InputError)?;
    let mut extractor = Extractor::new(&world.gazetteer, &world.factions, &world.files.languages)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let text = corpus::bench_corpus(mb.max(1) << 20);
    let options = Options { date: Some("2017-10".parse().expect("a valid date")), ..Options::default() };
    let input = Input::File(PathBuf::from("bench.txt"));
    let mut claims = 0usize;
    let started = Instant::now();
    extractor.article(&input, &mut text.as_bytes(), &options, &mut |_| {
        claims += 1;
        Ok(())
    })?;
    let seconds = started.elapsed().as_secs_f64();
    let megabytes = text.len() as f64 / (1 << 20) as f64;
    Ok(format!(
        "extract: {megabytes:.1} MB in {seconds:.2} s = {:.1} MB/s (1 core), {claims} claims",
        megabytes / seconds
    ))
}
