//! `controlmap extract` (draft ledger rows from articles and JSON Lines archives), `controlmap
//! eval` (extracted claims against a gold ledger) and the extraction figures of `controlmap bench`.

use std::io::{BufReader, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context as _;
use clap::Args;

use crate::cli::output::{Out, warn_line};
use crate::cli::{Exit, Global, InputError, world};
use crate::date::DateSpan;
use crate::extract::eval::{self, EvalOptions};
use crate::extract::row::{RowFormat, Rows};
use crate::extract::stream::{self, Input};
use crate::extract::{ArticleReport, Extractor, LangChoice, Options, bench as corpus};
use crate::ingest::jsonl::{Record, Records};
use crate::model::{Diagnostic, Severity};

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Articles: plain-text files, folders (their *.txt files, sorted by name), JSON Lines
    /// archives (*.jsonl, one article a line: {"id", "date", "lang", "text"}), or `-` for
    /// standard input. A text article may start with the marker ` date YYYY-MM[-DD]`.
    #[arg(required = true, value_name = "ARTICLE|DIR|ARCHIVE")]
    pub inputs: Vec<PathBuf>,
    /// How to read the inputs: auto (a *.jsonl file is an archive, anything else one text
    /// article), text, or jsonl (every input, standard input too, is an archive).
    #[arg(long, default_value = "auto", value_name = "auto|text|jsonl")]
    pub input_format: String,
    /// The rows' format: csv (with a header line) or jsonl (one JSON object a line).
    #[arg(long, default_value = "csv", value_name = "csv|jsonl")]
    pub format: String,
    /// Archives: stop at the first bad line (exit 2) instead of skipping it with a warning.
    #[arg(long)]
    pub strict: bool,
    /// The date of articles without a date marker (YYYY-MM or YYYY-MM-DD): relative dates
    /// ("gisteren", "in september") are resolved against it. Articles with a marker, and
    /// archive articles with a `date` field, keep theirs.
    #[arg(long, value_name = "YYYY-MM[-DD]")]
    pub date: Option<String>,
    /// The lexicon to read the articles with: a language code from geodata/lang (nl, en), or
    /// auto to choose per article by its most frequent function words. An archive article's
    /// `lang` field, when present, wins.
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

/// `controlmap extract ARTICLE|DIR|ARCHIVE... [--date D] [--lang L] [--format F] [--out FILE]`
pub fn run(global: &Global, args: ExtractArgs) -> anyhow::Result<Exit> {
    let options = options(&args)?;
    let how = How::parse(&args)?;
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
            match extract_all(&mut extractor, &inputs, &options, &how, out)? {
                0 => Ok(0),
                failed => anyhow::bail!("{failed} input(s) could not be read; {} was not written", path.display()),
            }
        })?,
        None => extract_all(&mut extractor, &inputs, &options, &how, &mut Out::default())?,
    };
    Ok(if failed > 0 { Exit::BadInput } else { Exit::Success })
}

/// How inputs are read and rows written.
#[derive(Debug, Clone)]
struct How {
    /// `Some(true)`: every input is an archive; `Some(false)`: every input is a text article;
    /// `None`: by extension (`.jsonl`).
    jsonl: Option<bool>,
    format: RowFormat,
    strict: bool,
}

impl How {
    fn parse(args: &ExtractArgs) -> anyhow::Result<How> {
        let jsonl = match args.input_format.as_str() {
            "auto" => None,
            "text" => Some(false),
            "jsonl" => Some(true),
            other => anyhow::bail!("--input-format {other}: expected auto, text or jsonl"),
        };
        let format = match args.format.as_str() {
            "csv" => RowFormat::Csv,
            "jsonl" => RowFormat::Jsonl,
            other => anyhow::bail!("--format {other}: expected csv or jsonl"),
        };
        Ok(How { jsonl, format, strict: args.strict })
    }

    fn is_archive(&self, input: &Input) -> bool {
        self.jsonl.unwrap_or_else(|| matches!(input, Input::File(p) if p.extension().is_some_and(|x| x == "jsonl")))
    }
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
    Ok(Options { date, date_is_the_articles: false, lang, min_confidence: args.min_confidence, debug })
}

/// What a run counted, for the summary line on standard error.
#[derive(Debug, Default)]
struct Tally {
    articles: usize,
    claims: usize,
    /// Inputs (files, or archive lines under `--strict`) that could not be read.
    failed: usize,
    /// Archive lines skipped as bad.
    bad_lines: usize,
    /// Archive articles without a date (field or marker) and without `--date`.
    undated: usize,
    /// Claims of archive articles left out (no honest date, below the confidence threshold).
    left_out: usize,
}

/// Extracts every input into `out`; problems are reported on standard error. Returns how many
/// inputs could not be read.
fn extract_all(
    extractor: &mut Extractor,
    inputs: &[Input],
    options: &Options,
    how: &How,
    out: &mut dyn Write,
) -> anyhow::Result<usize> {
    let mut rows = Rows::new(how.format, out).context("cannot write the output")?;
    let mut tally = Tally::default();
    for input in inputs {
        if how.is_archive(input) {
            extract_archive(extractor, input, options, how, &mut rows, &mut tally)?;
            continue;
        }
        tally.articles += 1;
        let opened = input.open();
        let result = match opened {
            Ok(mut reader) => extractor.article(input, &mut reader, options, &mut |c| rows.write(c)),
            Err(d) => Err(stream::ReadError::Io(input.shown(), d.to_string())),
        };
        match result {
            Ok(report) => {
                tally.claims += report.claims;
                warn_about(input, &report);
            }
            Err(stream::ReadError::Write(message)) => anyhow::bail!("cannot write the output: {message}"),
            Err(e) => {
                tally.failed += 1;
                warn_line(&format!("error: {e}"));
            }
        }
    }
    rows.flush().context("cannot write the output")?;
    warn_line(&summary(&tally));
    Ok(tally.failed)
}

fn summary(tally: &Tally) -> String {
    let mut line = format!("extract: {} article(s), {} claim(s)", tally.articles, tally.claims);
    if tally.failed > 0 {
        line.push_str(&format!(", {} unreadable", tally.failed));
    }
    if tally.bad_lines > 0 {
        line.push_str(&format!(", {} bad archive line(s) skipped", tally.bad_lines));
    }
    if tally.undated > 0 {
        line.push_str(&format!(", {} undated archive article(s) (no date field, no --date)", tally.undated));
    }
    if tally.left_out > 0 {
        line.push_str(&format!(", {} archive claim(s) left out (no honest date or low confidence)", tally.left_out));
    }
    line
}

/// Bad archive lines shown one by one; the rest are only counted.
const SHOWN_BAD_LINES: usize = 20;

/// Extracts every article of a JSON Lines archive, one line at a time: memory stays that of one
/// article whatever the archive's size. A bad line is skipped with a warning naming the line and
/// the field (under `--strict` it is an error and the archive stops there).
fn extract_archive(
    extractor: &mut Extractor,
    input: &Input,
    options: &Options,
    how: &How,
    rows: &mut Rows<&mut dyn Write>,
    tally: &mut Tally,
) -> anyhow::Result<()> {
    let reader = match input.open() {
        Ok(reader) => reader,
        Err(d) => {
            tally.failed += 1;
            warn_line(&format!("error: {d}"));
            return Ok(());
        }
    };
    let shown = input.shown();
    let mut records = Records::new(&shown, BufReader::with_capacity(1 << 16, reader));
    let languages: Vec<String> = extractor.languages().iter().map(|l| l.to_string()).collect();
    loop {
        let next = match records.next_line() {
            Ok(Some(next)) => next,
            Ok(None) => return Ok(()),
            Err(e) => {
                tally.failed += 1;
                warn_line(&format!("error: {shown}: cannot read: {}", crate::app::data::io_reason(&e)));
                return Ok(());
            }
        };
        let (line, result) = next;
        let outcome = match result {
            Ok(record) => extract_record(extractor, &record, options, &languages, &shown, line, rows),
            Err(d) => Err(Bad::Line(d)),
        };
        match outcome {
            Ok(report) => {
                tally.articles += 1;
                tally.claims += report.claims;
                tally.undated += usize::from(report.date.is_none());
                tally.left_out += report.skipped.len();
                if let Some(error) = &report.reading.marker_error {
                    warn_line(&format!(
                        "{shown}:{line}: text: warning: date marker: {error}; the article is read as undated"
                    ));
                }
            }
            Err(Bad::Output(message)) => anyhow::bail!("cannot write the output: {message}"),
            Err(Bad::Line(mut d)) if how.strict => {
                tally.failed += 1;
                d.message.push_str(" (--strict: the rest of the archive is not read)");
                warn_line(&format!("error: {d}"));
                return Ok(());
            }
            Err(Bad::Line(mut d)) => {
                tally.bad_lines += 1;
                if tally.bad_lines <= SHOWN_BAD_LINES {
                    d.severity = Severity::Warning;
                    d.message.push_str("; the line is skipped");
                    warn_line(&d.to_string());
                } else if tally.bad_lines == SHOWN_BAD_LINES + 1 {
                    warn_line(&format!("{shown}: … further bad lines are only counted"));
                }
            }
        }
    }
}

/// Why an archive line gave no claims: the line is bad, or the output could not be written.
enum Bad {
    Line(Diagnostic),
    Output(String),
}

/// Extracts the article of one archive line, its rows written to `rows`.
fn extract_record(
    extractor: &mut Extractor,
    record: &Record,
    options: &Options,
    languages: &[String],
    shown: &str,
    line: usize,
    rows: &mut Rows<&mut dyn Write>,
) -> Result<ArticleReport, Bad> {
    let input = Input::Record { name: record.id.clone(), shown: format!("{shown}:{line} (id {})", record.id) };
    let options = record_options(record, options, languages, shown, line).map_err(Bad::Line)?;
    match extractor.article(&input, &mut record.text.as_bytes(), &options, &mut |c| rows.write(c)) {
        Ok(report) => Ok(report),
        Err(stream::ReadError::Write(message)) => Err(Bad::Output(message)),
        Err(e) => {
            // The reader's messages start with the input's name: the line says it already.
            let message = e.to_string();
            let message = message.strip_prefix(&format!("{}: ", input.shown())).unwrap_or(&message);
            Err(Bad::Line(Diagnostic::error(shown, Some(line), Some("text"), message)))
        }
    }
}

/// The options for one archive article: its `date` field (else `--date`) and its `lang` field
/// (else `--lang`, any case); a language without a lexicon makes the line bad.
fn record_options(
    record: &Record,
    options: &Options,
    languages: &[String],
    shown: &str,
    line: usize,
) -> Result<Options, Diagnostic> {
    let mut options = options.clone();
    if let Some(date) = &record.date {
        options.date = Some(date.clone());
        options.date_is_the_articles = true;
    }
    if let Some(lang) = record.lang.as_deref().map(str::to_ascii_lowercase) {
        if !languages.contains(&lang) {
            let message = format!("no lexicon for {:?} (known: {})", lang, languages.join(", "));
            return Err(Diagnostic::error(shown, Some(line), Some("lang"), message));
        }
        options.lang = LangChoice::Code(lang);
    }
    Ok(options)
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
    if let (None, Some(sentence), Some(d)) = (&report.reading.date, report.dateline, &report.date) {
        warn_line(&format!("{shown}: no date marker; dated {d} by its dateline (sentence {sentence})"));
    } else if report.reading.date.is_none() {
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
/// geodata, on one core, and returns printable figure lines.
pub fn bench(mb: usize) -> anyhow::Result<String> {
    bench_with(mb, None)
}

/// The goal of issue 10 for extraction speed on realistic text, per core.
const GOAL_MB_PER_S: f64 = 30.0;

/// [`bench`] with a geodata folder (or the built-in one): two lines, the old template corpus
/// (one long article) and the news-like archive of [`corpus::news`] (article by article, as
/// `extract` reads an archive), each with its speed beside the goal.
pub fn bench_with(mb: usize, geodata: Option<&Path>) -> anyhow::Result<String> {
    let world = crate::app::load_world(geodata).map_err(InputError)?;
    let mut extractor = Extractor::new(&world.gazetteer, &world.factions, &world.files.languages)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let bytes = mb.max(1) << 20;
    let old = bench_template_corpus(&mut extractor, bytes)?;
    let news = bench_news_archive(&mut extractor, bytes)?;
    Ok(format!("{old}\n{news}"))
}

fn bench_template_corpus(extractor: &mut Extractor, bytes: usize) -> anyhow::Result<String> {
    let text = corpus::bench_corpus(bytes);
    let options = Options { date: Some("2017-10".parse().expect("a valid date")), ..Options::default() };
    let input = Input::File(PathBuf::from("bench.txt"));
    let mut claims = 0usize;
    let started = Instant::now();
    let cpu_started = thread_cpu_seconds();
    extractor.article(&input, &mut text.as_bytes(), &options, &mut |_| {
        claims += 1;
        Ok(())
    })?;
    let seconds = started.elapsed().as_secs_f64();
    let megabytes = text.len() as f64 / (1 << 20) as f64;
    Ok(format!(
        "extract, template corpus: {megabytes:.1} MB in {seconds:.2} s = {:.1} MB/s (1 core{}), {claims} claims",
        megabytes / seconds,
        per_cpu_second(megabytes, cpu_started)
    ))
}

/// The news-like archive (seed 1), generated before the clock starts; each article read with
/// its own date and language as `extract` reads an archive's records.
fn bench_news_archive(extractor: &mut Extractor, bytes: usize) -> anyhow::Result<String> {
    let articles = corpus::news::archive_of_size(1, bytes);
    let options = Options::default();
    let (mut claims, mut sentences) = (0usize, 0u64);
    let started = Instant::now();
    let cpu_started = thread_cpu_seconds();
    for article in &articles {
        let mut options = options.clone();
        options.date = Some(article.date.parse().context("a generated date")?);
        options.date_is_the_articles = true;
        options.lang = article.lang.map_or(LangChoice::Auto, |l| LangChoice::Code(l.to_string()));
        let input = Input::Record { name: article.id.clone(), shown: article.id.clone() };
        let report = extractor.article(&input, &mut article.text.as_bytes(), &options, &mut |_| Ok(()))?;
        claims += report.claims;
        sentences += u64::from(report.reading.sentences);
    }
    let seconds = started.elapsed().as_secs_f64();
    let megabytes = articles.iter().map(|a| a.text.len()).sum::<usize>() as f64 / (1 << 20) as f64;
    let speed = megabytes / seconds;
    let per_cpu = per_cpu_second(megabytes, cpu_started);
    Ok(format!(
        "extract, news-like archive: {megabytes:.1} MB, {} articles, {sentences} sentences in {seconds:.2} s = {speed:.1} MB/s (1 core{per_cpu}; goal >= {GOAL_MB_PER_S:.0} MB/s: {}), {claims} claims ({:.1} per 100 sentences)",
        articles.len(),
        if speed >= GOAL_MB_PER_S { "met" } else { "NOT met" },
        claims as f64 * 100.0 / sentences.max(1) as f64
    ))
}

/// `, N MB per CPU second` since `cpu_started` (empty where the CPU time is unknown).
fn per_cpu_second(megabytes: f64, cpu_started: Option<f64>) -> String {
    let cpu = cpu_started.zip(thread_cpu_seconds()).map(|(a, b)| b - a).filter(|&c| c > 0.0);
    cpu.map_or(String::new(), |c| format!(", {:.1} MB per CPU second", megabytes / c))
}

/// CPU time of the calling thread (user + system) from /proc on Linux, in seconds (ticks of
/// 1/100 s, the kernel's USER_HZ on every common platform); `None` elsewhere. On a shared
/// machine the speed per CPU second is what one idle core would give; the wall figure is what
/// this run got.
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the command name (which is in parentheses and may hold spaces).
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i)?.parse::<f64>().ok();
    Some((ticks(11)? + ticks(12)?) / 100.0)
}
