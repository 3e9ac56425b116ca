//! Evaluation: extracted claims against a gold ledger.
//!
//! Claims are compared per article (the article of their first source). Within an article a
//! predicted claim matches a gold claim with the same resolved place, holder and event, one to
//! one, whatever the sentence: a claim stated in two sentences and found in the other one still
//! counts. When several could pair, the same sentence is preferred, then the same dates. On the
//! matched pairs, the date is right to the month when the first and the last month of both
//! spans agree (`2017-07-09` and `2017-07` agree; `2015/2016-11` and `2015-04/2016-11` do not),
//! and the modality when it is the same.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Serialize;

use crate::app::data;
use crate::date::DateSpan;
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
    for (article, (gold, pred)) in by_article {
        report.score_article(article, &gold, &pred, &mut right);
    }
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
    /// whose months and whose modalities agree.
    fn score_article(&mut self, article: String, gold: &[EvalClaim], pred: &[EvalClaim], right: &mut (usize, usize)) {
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
