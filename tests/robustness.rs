//! Property tests: the parsers never panic on arbitrary input, and what they accept round-trips.
//! Raise the number of cases with `PROPTEST_CASES=100000 cargo test --release --test robustness`.

use proptest::prelude::*;

use controlmap::date::DateSpan;
use controlmap::ingest::{article, ledger};
use controlmap::places::fold::{fold_text, place_key};

proptest! {
    #[test]
    fn ledger_parsing_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let _ = ledger::parse("fuzz.csv", &bytes);
    }

    #[test]
    fn ledger_rows_of_any_text_never_panic(rows in prop::collection::vec("[a-z0-9,;#/\" \\-]{0,60}", 0..30)) {
        let text = format!("date,place,holder,event,other,modality,source,note\n{}", rows.join("\n"));
        if let Ok(parsed) = ledger::parse("fuzz.csv", text.as_bytes()) {
            for d in &parsed.diagnostics {
                prop_assert!(d.line.is_none_or(|l| l >= 1));
            }
        }
    }

    #[test]
    fn article_splitting_never_panics_and_spans_are_in_bounds(text in "\\PC{0,400}") {
        if let Ok(parsed) = article::parse("fuzz.txt", text.as_bytes()) {
            let mut last = 0;
            for (i, s) in article::sentences(&parsed).iter().enumerate() {
                prop_assert_eq!(s.number as usize, i + 1);
                prop_assert!(s.start >= last && s.start < s.end && s.end <= parsed.text.len());
                prop_assert!(parsed.text.is_char_boundary(s.start) && parsed.text.is_char_boundary(s.end));
                last = s.end;
            }
        }
    }

    #[test]
    fn dates_that_parse_print_back_and_parse_the_same(text in "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?(/[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?)?") {
        if let Ok(span) = text.parse::<DateSpan>() {
            let again: DateSpan = span.to_string().parse().unwrap();
            prop_assert_eq!((again.start, again.end), (span.start, span.end));
            prop_assert!(span.start <= span.end);
        }
    }

    #[test]
    fn folding_never_panics_and_is_idempotent_on_its_output(name in "\\PC{0,60}") {
        let folded = fold_text(&name);
        prop_assert_eq!(fold_text(&folded), folded.clone());
        let _ = place_key(&name);
    }
}
