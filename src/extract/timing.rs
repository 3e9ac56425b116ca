//! When a claim happened: its own date expression; else an earlier claim it refers back to;
//! else a connective ("daarna": after the previous dated event); else, in a retrospective
//! article, between the dated events told before and after it; else the article's date as an
//! upper bound. Every choice but the first is named in the note.

use crate::date::{Date, DateSpan};
use crate::extract::context::Context;
use crate::extract::dates::{self, range};
use crate::extract::language::class;
use crate::extract::mentions::Analysis;
use crate::extract::roles::Draft;

/// The date of a claim, or why it has none yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dating {
    Settled {
        span: DateSpan,
        note: Option<String>,
    },
    /// Waits for the next dated event of the article (retrospective articles), from `start`.
    Pending {
        start: Option<Date>,
    },
    /// No honest date: the claim is not written.
    Unresolved(String),
}

/// Settles the date of a draft found in the analysed sentence.
pub fn settle(draft: &Draft, an: &Analysis, ctx: &Context) -> Dating {
    let dating = since_without_end(settle_event(draft, an, ctx), draft, ctx);
    let dating = match (draft.past, draft.ended_here) {
        // The sentence dates the capture that ended it ("het voormalige IS-bolwerk X werd in mei
        // ingenomen"): held up to then.
        (true, true) => with_note(dating, "a past possession: held up to this date"),
        (true, false) => into_the_past(dating),
        (false, _) => dating,
    };
    // In an article without a date marker, a date that does not come from the sentence alone
    // (none, or a relative one read against --date) is flagged.
    let own_date = draft.date.as_ref().is_some_and(|m| dates::resolve(m, None).is_ok()) || draft.date_from.is_some();
    if ctx.undated && !own_date { flag_undated(dating, ctx) } else { dating }
}

/// "Raqqa gold sinds 2014 als de hoofdstad", "which the group has held since 2014": a state since
/// a date is dated from that date to the article's only when the article has told how it ended
/// (a capture or loss of the place before, or in the same sentence: "Kirkuk, dat sinds 2014 door
/// de Koerden werd bestuurd" after its capture). Otherwise the claim is the state's start, as
/// written: the year ("sinds 2014" = 2014) or the month (tests/gold/README.md and
/// tests/devset/README.md, Dates).
fn since_without_end(dating: Dating, draft: &Draft, ctx: &Context) -> Dating {
    let Some(mention) = &draft.date else { return dating };
    let state = matches!(draft.event, crate::model::Event::Holds | crate::model::Event::Partial);
    if mention.rule != dates::Rule::Since || !state || draft.ended_here {
        return dating;
    }
    let ended = ctx.state(&draft.place.key).is_some_and(|s| {
        s.capture.is_some() || matches!(s.last, Some(crate::model::Event::Captured | crate::model::Event::Lost))
    });
    let (Dating::Settled { note, .. }, false, Some(year)) = (&dating, ended, mention.values.year) else {
        return dating;
    };
    let span = match mention.values.month {
        Some(month) => crate::date::DateSpan::month(crate::date::YearMonth { year, month }),
        None => dates::year_span(year),
    };
    let text = "a state since a date whose end the article does not tell: dated by its start";
    let note = Some(note.as_ref().map_or_else(|| text.to_string(), |n| format!("{n}; {text}")));
    Dating::Settled { span, note }
}

/// "In Mosul riep IS het kalifaat uit", "had de stad uitgeroepen tot hoofdstad" in a news
/// article: a proclamation told without a date is background history, not news of the day. It
/// takes the year of the last date the article wrote with its year ("in de zomer van 2014"),
/// when that is before the article's year, instead of the article's date. Retrospective
/// articles date such claims between their landmarks as before.
pub fn background_year(dating: Dating, draft: &Draft, ctx: &Context) -> Dating {
    let Dating::Settled { .. } = &dating else { return dating };
    let (Some(anchor), Some(year)) = (&ctx.anchor, ctx.named_year()) else { return dating };
    if draft.date.is_some() || draft.date_from.is_some() || ctx.retrospective() || year >= anchor.start.year {
        return dating;
    }
    let note =
        format!("background: a proclamation told without a date, dated by the year the article last wrote ({year})");
    Dating::Settled { span: dates::year_span(year), note: Some(note) }
}

/// A past possession not ended by a dated event of its sentence ("het voormalige IS-bolwerk X"):
/// held before the date found (or the article date), from the start of the year before it to
/// the day before it.
fn into_the_past(dating: Dating) -> Dating {
    let Dating::Settled { span, note } = dating else {
        return dating;
    };
    let end = span.start.add_days(-1);
    let start = Date { year: end.year - 1, month: 1, day: 1 };
    let mut text = format!("a past possession: held before {span} (the start of the span is a guess)");
    if let Some(note) = note {
        text = format!("{note}; {text}");
    }
    Dating::Settled { span: range(start, end), note: Some(text) }
}

fn with_note(dating: Dating, text: &str) -> Dating {
    let Dating::Settled { span, note } = dating else {
        return dating;
    };
    let note = Some(note.map_or_else(|| text.to_string(), |n| format!("{n}; {text}")));
    Dating::Settled { span, note }
}

/// Claims of an article without a date marker say so in their note ("undated article: ..."),
/// so a reviewer can filter them.
fn flag_undated(dating: Dating, ctx: &Context) -> Dating {
    let Dating::Settled { span, note } = dating else {
        return dating;
    };
    let how = if ctx.anchor.is_some() { "dated by --date" } else { "no date given" };
    let note = match note {
        Some(note) => format!("undated article ({how}): {note}"),
        None => format!("undated article ({how})"),
    };
    Dating::Settled { span, note: Some(note) }
}

fn settle_event(draft: &Draft, an: &Analysis, ctx: &Context) -> Dating {
    if let Some(mention) = &draft.date {
        return match dates::resolve(mention, ctx.anchor.as_ref()) {
            Ok(r) => Dating::Settled { span: r.span, note: r.note },
            Err(why) => Dating::Unresolved(why),
        };
    }
    if let Some(span) = &draft.date_from {
        return Dating::Settled { span: span.clone(), note: None };
    }
    let before_place = draft.span.0.max(1);
    if let Some(dating) = crate::extract::date_spans::same_day(an, before_place, ctx) {
        return dating;
    }
    let connective = |c: u32| (0..before_place.min(an.len())).any(|k| an.class[k] & c != 0);
    if let Some(previous) = ctx.previous_landmark() {
        if connective(class::AFTER) {
            if ctx.retrospective() {
                return Dating::Pending { start: Some(previous.start) };
            }
            let end = ctx.anchor.as_ref().map_or(previous.end, |a| a.end.max(previous.start));
            let note = format!("after the previous dated event ({previous})");
            return Dating::Settled { span: range(previous.start, end), note: Some(note) };
        }
        if connective(class::BEFORE) {
            let start = Date { year: previous.end.year, month: 1, day: 1 };
            let note = format!("before the previous dated event ({previous})");
            return Dating::Settled { span: range(start.min(previous.start), previous.end), note: Some(note) };
        }
        if ctx.retrospective() {
            return Dating::Pending { start: Some(previous.start) };
        }
    }
    match &ctx.anchor {
        Some(anchor) => Dating::Settled {
            span: anchor.clone(),
            note: Some("no date in the sentence: the article date, an upper bound".into()),
        },
        None => match ctx.previous_landmark() {
            // An undated article: at or after the last date it told, a lower bound.
            Some(previous) => Dating::Settled {
                span: previous.clone(),
                note: Some(format!(
                    "no date in the sentence: at or after {previous}, the last date told before it (a lower bound)"
                )),
            },
            None => Dating::Unresolved("no date in the sentence and the article has no date".into()),
        },
    }
}

/// The span of a pending claim once the next dated event (or the article's end) is known.
pub fn close(start: Option<Date>, end: Date) -> (DateSpan, String) {
    let start = start.unwrap_or(end).min(end);
    (range(start, end), "retrospective article: between the dated events told before and after it".into())
}
