//! Evaluation: extracted claims against a gold ledger.
//!
//! Claims are compared per article (the article of their first source). Within an article a
//! predicted claim matches a gold claim with the same resolved place, holder and event, one to
//! one, whatever the sentence: a claim stated in two sentences and found in the other one still
//! counts. When several could pair, the same sentence is preferred, then the same dates. On the
//! matched pairs, the date is right to the month when the first and the last month of both
//! spans agree (`2017-07-09` and `2017-07` agree; `2015/2016-11` and `2015-04/2016-11` do not),
//! and the modality when it is the same.
//!
//! The figures are also given per class ([`ClassScore`]): by event, by modality, by date form
//! (day, month, year, range, relative, undated) and by language (an article whose file name
//! starts with `nl_` or `en_`). A gold claim counts for recall in its own class, a predicted
//! claim for precision in its own class.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Serialize;

use crate::app::data;
use crate::date::{DateSpan, Precision};
use crate::ingest::ledger::{self, Ledger, LedgerRow};
use crate::model::{Diagnostic, Event, Modality, PlaceKind};
use crate::places::fold::fold_text;
use crate::places::{Factions, Gazetteer, Hint, Resolution};

/// Evaluation settings.
#[derive(Debug, Clone, Default)]
pub struct EvalOptions {
    /// Ignore predicted claims of articles that no gold row cites.
    pub gold_articles_only: bool,
}

/// One claim as the evaluation sees it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvalClaim {
    pub article: String,
    #[serde(skip)]
    pub sentence: Option<u32>,
    /// The resolved place (`mosul`, `region:yarmouk-camp`), or `?` and the name when unresolved.
    pub place: String,
    pub holder: String,
    pub event: Event,
    #[serde(serialize_with = "as_text")]
    pub date: DateSpan,
    pub modality: Modality,
    pub source: String,
    /// FILE:LINE of the row.
    pub origin: String,
    /// How the date is given: `day`, `month`, `year`, `range`, `relative` or `undated`.
    #[serde(skip)]
    pub date_form: &'static str,
}

fn as_text<S: serde::Serializer>(date: &DateSpan, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(date)
}

impl EvalClaim {
    fn key(&self) -> (&str, &str, &str, Event) {
        (&self.article, &self.place, &self.holder, self.event)
    }

    /// `2017-10 Raqqa sdf captured [claimed] (a.txt#3)`
    pub fn line(&self) -> String {
        let modality = if self.modality == Modality::Fact { String::new() } else { format!(" [{}]", self.modality) };
        format!("{} {} {} {}{modality}  {}", self.date, self.place, self.holder, self.event, self.source)
    }
}

/// A matched pair whose date or modality differ.
#[derive(Debug, Clone, Serialize)]
pub struct Mismatch {
    pub gold: EvalClaim,
    pub pred: EvalClaim,
}

/// Counts for one article.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ArticleScore {
    pub article: String,
    pub gold: usize,
    pub pred: usize,
    pub matched: usize,
}

/// The evaluation's result.
#[derive(Debug, Clone, Default, Serialize)]
pub struct EvalReport {
    pub gold: usize,
    pub pred: usize,
    pub matched: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Matched pairs whose dates agree to the month, as a share of the matched pairs.
    pub month_accuracy: f64,
    pub modality_accuracy: f64,
    pub articles: Vec<ArticleScore>,
    pub misses: Vec<EvalClaim>,
    pub false_alarms: Vec<EvalClaim>,
    pub date_mismatches: Vec<Mismatch>,
    pub modality_mismatches: Vec<Mismatch>,
    /// Rows that could not be read.
    pub problems: Vec<String>,
    /// The figures per class (event, modality, date form, language), in a fixed order.
    pub classes: Vec<ClassScore>,
}

/// Precision, recall and F1 of one class of claims.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ClassScore {
    /// `event`, `modality`, `date` or `language`.
    pub dimension: &'static str,
    /// `captured`, `claimed`, `month`, `nl`, ...
    pub class: String,
    pub gold: usize,
    pub pred: usize,
    /// Gold claims of this class that were found.
    pub found: usize,
    /// Predicted claims of this class that match a gold claim.
    pub right: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// The classes a claim belongs to, one per dimension.
fn class_of(claim: &EvalClaim, dimension: &str) -> Option<String> {
    match dimension {
        "event" => Some(claim.event.to_string()),
        "modality" => Some(claim.modality.to_string()),
        "date" => Some(claim.date_form.to_string()),
        _ => language_of(&claim.article).map(str::to_string),
    }
}

/// The language an article's file name announces: `nl_sudan_03.txt` is Dutch.
fn language_of(article: &str) -> Option<&str> {
    let (prefix, _) = article.split_once('_')?;
    (prefix.len() == 2 && prefix.bytes().all(|b| b.is_ascii_lowercase())).then_some(prefix)
}

/// How a row gives its date: a note that says "undated" or "relative" wins over the precision.
fn date_form(date: &DateSpan, note: &str) -> &'static str {
    let note = note.to_lowercase();
    if note.contains("undated") {
        return "undated";
    }
    if note.contains("relative") {
        return "relative";
    }
    match date.precision {
        Precision::Day => "day",
        Precision::Month => "month",
        Precision::Year => "year",
        Precision::Range => "range",
    }
}

/// The dimensions of [`ClassScore`], in the order they are reported.
const DIMENSIONS: [&str; 4] = ["event", "modality", "date", "language"];

/// Class counts keyed by (dimension index, class).
type ClassTable = BTreeMap<(usize, String), ClassScore>;

/// Adds one article's claims and pairs (gold index, pred index) to the class counts.
fn count_classes(table: &mut ClassTable, gold: &[EvalClaim], pred: &[EvalClaim], pairs: &[(usize, usize)]) {
    for d in 0..DIMENSIONS.len() {
        for (i, g) in gold.iter().enumerate() {
            if let Some(entry) = class_entry(table, d, g) {
                entry.gold += 1;
                entry.found += usize::from(pairs.iter().any(|pair| pair.0 == i));
            }
        }
        for (i, p) in pred.iter().enumerate() {
            if let Some(entry) = class_entry(table, d, p) {
                entry.pred += 1;
                entry.right += usize::from(pairs.iter().any(|pair| pair.1 == i));
            }
        }
    }
}

/// The counts of the class `claim` belongs to in dimension `d`, if it has one there.
fn class_entry<'t>(table: &'t mut ClassTable, d: usize, claim: &EvalClaim) -> Option<&'t mut ClassScore> {
    let dimension = DIMENSIONS[d];
    let class = class_of(claim, dimension)?;
    Some(table.entry((d, class.clone())).or_insert_with(|| ClassScore { dimension, class, ..ClassScore::default() }))
}

impl ClassScore {
    fn finished(mut self) -> ClassScore {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        self.precision = ratio(self.right, self.pred);
        self.recall = ratio(self.found, self.gold);
        let sum = self.precision + self.recall;
        self.f1 = if sum == 0.0 { 0.0 } else { 2.0 * self.precision * self.recall / sum };
        self
    }
}

/// Reads ledgers: files, or folders of `*.csv` sorted by name.
pub fn read_ledgers(paths: &[PathBuf]) -> Result<Vec<Ledger>, Diagnostic> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let listing = std::fs::read_dir(path)
                .map_err(|e| Diagnostic::error(&path.display().to_string(), None, None, data::io_reason(&e)))?;
            let mut csvs: Vec<PathBuf> = listing
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "csv"))
                .collect();
            csvs.sort();
            if csvs.is_empty() {
                return Err(Diagnostic::error(
                    &path.display().to_string(),
                    None,
                    None,
                    "the folder holds no .csv ledgers",
                ));
            }
            files.extend(csvs);
        } else {
            files.push(path.clone());
        }
    }
    files.iter().map(|f| ledger::parse(&f.display().to_string(), &data::read_bytes(f)?)).collect()
}

/// Compares predicted claims with gold claims.
pub fn evaluate(
    gazetteer: &Gazetteer,
    factions: &Factions,
    gold: &[Ledger],
    pred: &[Ledger],
    options: &EvalOptions,
) -> EvalReport {
    let mut report = EvalReport::default();
    let gold = claims(gazetteer, factions, gold, &mut report.problems);
    let mut pred = claims(gazetteer, factions, pred, &mut report.problems);
    if options.gold_articles_only {
        pred.retain(|p| gold.iter().any(|g| g.article == p.article));
    }
    let mut by_article: BTreeMap<String, (Vec<EvalClaim>, Vec<EvalClaim>)> = BTreeMap::new();
    for g in gold {
        by_article.entry(g.article.clone()).or_default().0.push(g);
    }
    for p in pred {
        by_article.entry(p.article.clone()).or_default().1.push(p);
    }
    let mut right = (0, 0);
    let mut classes = ClassTable::new();
    for (article, (gold, pred)) in by_article {
        let pairs = report.score_article(article, &gold, &pred, &mut right);
        count_classes(&mut classes, &gold, &pred, &pairs);
    }
    report.classes = classes.into_values().map(ClassScore::finished).collect();
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    report.precision = ratio(report.matched, report.pred);
    report.recall = ratio(report.matched, report.gold);
    let sum = report.precision + report.recall;
    report.f1 = if sum == 0.0 { 0.0 } else { 2.0 * report.precision * report.recall / sum };
    report.month_accuracy = ratio(right.0, report.matched);
    report.modality_accuracy = ratio(right.1, report.matched);
    report
}

impl EvalReport {
    /// Pairs one article's claims and adds them to the report; `right` counts the matched pairs
    /// whose months and whose modalities agree. Returns the pairs (gold index, pred index).
    fn score_article(
        &mut self,
        article: String,
        gold: &[EvalClaim],
        pred: &[EvalClaim],
        right: &mut (usize, usize),
    ) -> Vec<(usize, usize)> {
        let pairs = pair(gold, pred);
        for &(g, p) in &pairs {
            let (g, p) = (&gold[g], &pred[p]);
            if same_months(&g.date, &p.date) {
                right.0 += 1;
            } else {
                self.date_mismatches.push(Mismatch { gold: g.clone(), pred: p.clone() });
            }
            if g.modality == p.modality {
                right.1 += 1;
            } else {
                self.modality_mismatches.push(Mismatch { gold: g.clone(), pred: p.clone() });
            }
        }
        let unpaired = |list: &[EvalClaim], side: fn(&(usize, usize)) -> usize| -> Vec<EvalClaim> {
            list.iter()
                .enumerate()
                .filter(|(i, _)| !pairs.iter().any(|pair| side(pair) == *i))
                .map(|(_, c)| c.clone())
                .collect()
        };
        self.misses.extend(unpaired(gold, |pair| pair.0));
        self.false_alarms.extend(unpaired(pred, |pair| pair.1));
        self.gold += gold.len();
        self.pred += pred.len();
        self.matched += pairs.len();
        self.articles.push(ArticleScore { article, gold: gold.len(), pred: pred.len(), matched: pairs.len() });
        pairs
    }
}

/// Whether two spans start in the same month and end in the same month.
pub fn same_months(a: &DateSpan, b: &DateSpan) -> bool {
    a.start.month_key() == b.start.month_key() && a.end.month_key() == b.end.month_key()
}

/// One-to-one pairs (gold index, pred index) with equal keys: same sentence first, then same
/// months, then in order.
fn pair(gold: &[EvalClaim], pred: &[EvalClaim]) -> Vec<(usize, usize)> {
    let mut taken = vec![false; pred.len()];
    let mut pairs = Vec::new();
    for preference in 0..3 {
        for (g, gc) in gold.iter().enumerate() {
            if pairs.iter().any(|(x, _)| *x == g) {
                continue;
            }
            let fits = |p: usize| {
                let pc = &pred[p];
                !taken[p]
                    && pc.key() == gc.key()
                    && match preference {
                        0 => pc.sentence == gc.sentence,
                        1 => same_months(&pc.date, &gc.date),
                        _ => true,
                    }
            };
            if let Some(p) = (0..pred.len()).find(|&p| fits(p)) {
                taken[p] = true;
                pairs.push((g, p));
            }
        }
    }
    pairs.sort_unstable();
    pairs
}

fn claims(
    gazetteer: &Gazetteer,
    factions: &Factions,
    ledgers: &[Ledger],
    problems: &mut Vec<String>,
) -> Vec<EvalClaim> {
    let mut out = Vec::new();
    for ledger in ledgers {
        problems.extend(ledger.diagnostics.iter().filter(|d| d.is_error()).map(ToString::to_string));
        out.extend(ledger.rows.iter().map(|row| claim(gazetteer, factions, row)));
    }
    out
}

fn claim(gazetteer: &Gazetteer, factions: &Factions, row: &LedgerRow) -> EvalClaim {
    let place = match gazetteer.resolve(&row.place, &Hint::default()) {
        Resolution::Found { key, .. } if key.kind != PlaceKind::Town => key.to_string(),
        Resolution::Found { key, .. } => key.id.to_string(),
        _ => format!("?{}", fold_text(&row.place)),
    };
    let holder = factions.resolve(&row.holder).map_or_else(|| fold_text(&row.holder), |f| f.id.clone());
    let first = row.sources.first();
    EvalClaim {
        article: first.map_or(String::new(), |s| s.article.clone()),
        sentence: first.and_then(|s| s.sentence),
        place,
        holder,
        event: row.event,
        date: row.date.clone(),
        modality: row.modality,
        source: row.sources.iter().map(ToString::to_string).collect::<Vec<_>>().join(";"),
        origin: row.origin.to_string(),
        date_form: date_form(&row.date, &row.note),
    }
}

impl EvalReport {
    /// The report as text: the figures, a table per article, then the differences.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let pct = |x: f64| format!("{:.2}", x);
        out.push_str(&format!(
            "claims: {} gold, {} predicted, {} matched on (place, holder, event)\nprecision {}  recall {}  F1 {}\nmonth accuracy {}  modality accuracy {}  (on the {} matched)\n",
            self.gold,
            self.pred,
            self.matched,
            pct(self.precision),
            pct(self.recall),
            pct(self.f1),
            pct(self.month_accuracy),
            pct(self.modality_accuracy),
            self.matched
        ));
        let mut table = crate::cli::output::Table::new(&["article", "gold", "pred", "matched"]);
        for a in &self.articles {
            table.row(vec![a.article.clone(), a.gold.to_string(), a.pred.to_string(), a.matched.to_string()]);
        }
        out.push('\n');
        out.push_str(&table.render());
        out.push_str(&self.render_classes());
        let sections: [(&str, Vec<String>); 4] = [
            ("misses (in gold, not found)", self.misses.iter().map(EvalClaim::line).collect()),
            ("false alarms (found, not in gold)", self.false_alarms.iter().map(EvalClaim::line).collect()),
            (
                "dates that differ (gold / found)",
                self.date_mismatches.iter().map(|m| format!("{} / {}", m.gold.line(), m.pred.date)).collect(),
            ),
            (
                "modalities that differ (gold / found)",
                self.modality_mismatches.iter().map(|m| format!("{} / {}", m.gold.line(), m.pred.modality)).collect(),
            ),
        ];
        for (title, lines) in sections {
            if lines.is_empty() {
                continue;
            }
            out.push_str(&format!("\n{title}: {}\n", lines.len()));
            for line in lines {
                out.push_str(&format!("  {line}\n"));
            }
        }
        out
    }
}

impl EvalReport {
    /// The per-class table: one row per class, grouped by dimension.
    fn render_classes(&self) -> String {
        if self.classes.is_empty() {
            return String::new();
        }
        let mut table =
            crate::cli::output::Table::new(&["by", "class", "gold", "pred", "found", "right", "P", "R", "F1"]);
        for c in &self.classes {
            table.row(vec![
                c.dimension.to_string(),
                c.class.clone(),
                c.gold.to_string(),
                c.pred.to_string(),
                c.found.to_string(),
                c.right.to_string(),
                format!("{:.2}", c.precision),
                format!("{:.2}", c.recall),
                format!("{:.2}", c.f1),
            ]);
        }
        format!("\nper class (found: gold claims matched; right: predicted claims matched)\n{}", table.render())
    }
}
