//! Dates that span or borrow: ranges written with two dates ("van juni 2014 tot juli 2017",
//! "between August and October last year", "from 2014 to 2017"), a clause opened by "toen" /
//! "when" that takes the date told just before it ("sinds mei 2015, toen IS de stad innam"), and
//! "the same day" / "dezelfde dag", the date of the event told before.

use crate::date::DateSpan;
use crate::extract::context::Context;
use crate::extract::dates::{self, DateEnd, DateGrammar, DateMention, Resolved, Rule, Values, range};
use crate::extract::lexicon::DateWords;
use crate::extract::mentions::Analysis;
use crate::extract::timing::Dating;
use crate::extract::tokens::{Tokens, Vocab, fold_phrase};

/// The vocabulary ids of the words this module reads.
#[derive(Debug, Clone, Default)]
pub struct SpanWords {
    from: Vec<u32>,
    to: Vec<u32>,
    when: Vec<u32>,
    now: Vec<u32>,
}

impl SpanWords {
    /// Interns the words of `[dates] range_from`, `range_to` and `when`.
    pub fn compile(words: &DateWords, vocab: &mut Vocab) -> SpanWords {
        let mut ids = |list: &[String]| -> Vec<u32> {
            list.iter().flat_map(|w| fold_phrase(w)).map(|(folded, _)| vocab.intern(&folded)).collect()
        };
        SpanWords {
            from: ids(&words.range_from),
            to: ids(&words.range_to),
            when: ids(&words.when),
            now: ids(&words.now),
        }
    }
}

impl SpanWords {
    /// Whether the sentence (`has`: its set of words) holds a word that opens a range and one
    /// that joins its two sides (no range without both): the one test a sentence without them
    /// pays.
    pub fn opens_a_range(&self, has: impl Fn(u32) -> bool) -> bool {
        self.to.iter().any(|&id| has(id)) && self.from.iter().any(|&id| has(id))
    }
}

/// One side of a range: a date expression found by the patterns, or a month or year alone.
fn side_at(grammar: &DateGrammar, tokens: &Tokens, found: &[DateMention], i: usize) -> Option<(usize, Rule, Values)> {
    if let Some(m) = found.iter().find(|m| m.a == i && m.end.is_none()) {
        return Some((m.b, m.rule, m.values));
    }
    grammar.bare_date(tokens, i).map(|(rule, values)| (i + 1, rule, values))
}

/// Joins "FROM date TO date" into one mention whose `end` is the second date. The first date
/// may lack its year ("tussen maart en mei 2016"): it takes the year of the second.
pub fn join_ranges(grammar: &DateGrammar, tokens: &Tokens, out: &mut Vec<DateMention>) {
    let words = &grammar.spans;
    if words.from.is_empty() || words.to.is_empty() {
        return;
    }
    let mut i = 0;
    while i < tokens.len() {
        if !words.from.contains(&tokens.list[i].id) {
            i += 1;
            continue;
        }
        let Some((mid, rule, values)) = side_at(grammar, tokens, out, i + 1) else {
            i += 1;
            continue;
        };
        let joined = tokens.list.get(mid).is_some_and(|t| words.to.contains(&t.id));
        let Some((b, end_rule, end_values)) = joined.then(|| side_at(grammar, tokens, out, mid + 1)).flatten() else {
            i += 1;
            continue;
        };
        // A bare number is a year only when the other side is a date too ("van 2014 tot 2017"
        // or "van juni 2014 tot juli 2017"), which `side_at` has made sure of.
        out.retain(|m| m.b <= i || m.a >= b);
        let at = out.partition_point(|m| m.a < i);
        let end = Some(DateEnd { rule: end_rule, values: end_values });
        out.insert(at, DateMention { a: i, b, rule, values, end });
        i = b;
    }
}

/// Resolves a range: the second date first, then the first (given the second's year when it
/// has none of its own), from the start of the first to the end of the second.
pub fn resolve_range(start: &DateMention, end: &DateEnd, anchor: Option<&DateSpan>) -> Result<Resolved, String> {
    let last = DateMention { rule: end.rule, values: end.values, end: None, ..*start };
    let last = dates::resolve(&last, anchor)?.span;
    let mut first = DateMention { end: None, ..*start };
    let undated_month = first.values.year.is_none() && first.values.month.is_some();
    if undated_month && matches!(first.rule, Rule::MonthLatest | Rule::MonthBefore | Rule::DayLatest) {
        let month = first.values.month.unwrap_or(1);
        let year = if month > last.end.month { last.end.year - 1 } else { last.end.year };
        first.values.year = Some(year);
        first.rule = if first.values.day.is_some() { Rule::Date } else { Rule::Month };
    }
    let first = dates::resolve(&first, anchor)?.span;
    if last.end < first.start {
        return Err("a range that ends before it starts".into());
    }
    Ok(Resolved { span: range(first.start, last.end), note: None })
}

/// The date of a clause opened by a "when" word ("..., toen het leger de stad heroverde",
/// "since May 2015, when they seized it") that has none of its own: the last date before the
/// clause in the sentence. A state "since X" gives its start.
pub fn when_clause(an: &Analysis, grammar: &DateGrammar, at: usize, anchor: Option<&DateSpan>) -> Option<DateMention> {
    let words = &grammar.spans.when;
    if words.is_empty() || an.dates.is_empty() {
        return None;
    }
    let clause = an.clause[at];
    let start = (0..at).rev().take_while(|&k| an.clause[k] == clause).last().unwrap_or(at);
    let opened = (start..(start + 2).min(at + 1)).any(|k| words.contains(&an.tokens.list[k].id));
    if !opened {
        return None;
    }
    let before = an.dates.iter().rev().find(|d| d.b <= start && dates::resolve(d, anchor).is_ok())?;
    let mut mention = *before;
    if mention.rule == Rule::Since && mention.end.is_none() {
        mention.rule = if mention.values.month.is_some() { Rule::Month } else { Rule::Year };
    }
    Some(mention)
}

/// "The same day", "dezelfde dag" before the place: the date of the event told before.
pub fn same_day(an: &Analysis, before_place: usize, ctx: &Context) -> Option<Dating> {
    let said = an.dates.iter().any(|d| d.rule == Rule::SameDay && d.b <= before_place);
    let previous = ctx.previous_landmark().filter(|_| said)?;
    let note = format!("the same day as the previous dated event ({previous})");
    Some(Dating::Settled { span: previous.clone(), note: Some(note) })
}

/// Whether a word of the present stands between date `d` and token `at` ("Between August and
/// October the army retook X, and the jihadists now hold only Y"): the claim at `at` is then
/// not of that date.
pub fn now_after(an: &Analysis, grammar: &DateGrammar, d: &DateMention, at: usize) -> bool {
    let words = &grammar.spans.now;
    !words.is_empty() && d.b <= at && (d.b..at).any(|k| words.contains(&an.tokens.list[k].id))
}
