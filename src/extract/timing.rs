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
        None => Dating::Unresolved("no date in the sentence and the article has no date".into()),
    }
}

/// The span of a pending claim once the next dated event (or the article's end) is known.
pub fn close(start: Option<Date>, end: Date) -> (DateSpan, String) {
    let start = start.unwrap_or(end).min(end);
    (range(start, end), "retrospective article: between the dated events told before and after it".into())
}
