//! An article's dateline: a short line near its top that gives a full date and little else
//! ("Khartoem, 12 januari 2025", "Bijgewerkt op maandag 13 januari 2025 om 14.05 uur",
//! "January 12, 2025"). An article with no date marker takes its date from it, as it would from
//! a marker, so its claims are dated and not flagged undated.

use crate::date::{DateSpan, Precision};
use crate::extract::dates;
use crate::extract::mentions::Analysis;
use crate::extract::tokens::{DIGITS, PUNCT};

/// A dateline is looked for in the article's first sentences only.
pub const FIRST_SENTENCES: u32 = 3;

/// At most this many words outside the date: a place, a weekday, "bijgewerkt op", "om".
const MAX_OTHER_WORDS: usize = 5;

/// The date of a dateline sentence: exactly one date, a day with its year, no event cue, and
/// at most [`MAX_OTHER_WORDS`] words (not numbers or punctuation) outside it.
pub fn date(an: &Analysis) -> Option<DateSpan> {
    if !an.cues.is_empty() {
        return None;
    }
    let [mention] = an.dates.as_slice() else { return None };
    if mention.end.is_some() {
        return None;
    }
    let span = dates::resolve(mention, None).ok()?.span;
    if span.precision != Precision::Day {
        return None;
    }
    let other_words = (0..an.len())
        .filter(|&k| k < mention.a || k >= mention.b)
        .filter(|&k| !an.tokens.list[k].is(PUNCT | DIGITS))
        .count();
    (other_words <= MAX_OTHER_WORDS).then_some(span)
}
