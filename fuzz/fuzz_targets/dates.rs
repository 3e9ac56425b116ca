//! Fuzzes date parsing: a date that parses prints back to text that parses to the same date.
#![no_main]

use controlmap::date::{self, DateSpan, YearMonth};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(span) = text.parse::<DateSpan>() {
        assert!(span.start <= span.end, "{text:?} gives a span that ends before it starts");
        let again: DateSpan = span.to_string().parse().expect("a printed span parses");
        assert_eq!(again, span, "{text:?}");
        let _ = span.days();
    }
    if let Ok(month) = text.parse::<YearMonth>() {
        assert_eq!(month.to_string().parse::<YearMonth>().ok(), Some(month), "{text:?}");
    }
    let _ = date::parse_query_date(text);
});
