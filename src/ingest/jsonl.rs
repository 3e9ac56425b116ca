//! News archives as JSON Lines: one article a line, `{"id": …, "date": …, "lang": …, "text": …}`,
//! read one line at a time with a bounded buffer, so an archive of any size streams through.
//!
//! Fields: `id` (a string or a non-negative integer; it becomes the source name, `ID#SENTENCE`),
//! `text` (a string, required), `date` (`YYYY-MM` or `YYYY-MM-DD`, optional or `null`), `lang`
//! (a lexicon code such as `nl` or `en`, optional or `null`: then the language is guessed). Other
//! fields (`title`, `url`, …) are ignored. Blank lines are skipped. A line that is not a JSON
//! object, lacks a required field, has a field of the wrong type or is longer than the limit is
//! a [`Diagnostic`] naming the line and the field; reading goes on with the next line.

use std::io::{self, BufRead};

use serde_json::Value;

use crate::date::{DateSpan, Precision};
use crate::model::Diagnostic;

/// Longest line read (bytes, line break excluded); longer lines are skipped without being held.
pub const MAX_LINE: usize = 1 << 20;

/// One article of the archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The name sources cite.
    pub id: String,
    pub date: Option<DateSpan>,
    pub lang: Option<String>,
    pub text: String,
}

/// A line of the archive: its 1-based number and the article or why it cannot be read.
pub type Line = (usize, Result<Record, Diagnostic>);

/// Reads records from a buffered reader, one line at a time.
pub struct Records<R> {
    reader: R,
    name: String,
    buffer: Vec<u8>,
    line: usize,
    max_line: usize,
}

impl<R: BufRead> Records<R> {
    /// Records of `reader`; `name` is the file as messages show it.
    pub fn new(name: &str, reader: R) -> Records<R> {
        Records::with_limit(name, reader, MAX_LINE)
    }

    /// [`Records::new`] with another line limit (bytes).
    pub fn with_limit(name: &str, reader: R, max_line: usize) -> Records<R> {
        Records { reader, name: name.to_string(), buffer: Vec::new(), line: 0, max_line }
    }

    /// The next non-blank line, or `None` at the end; an error only when reading fails.
    pub fn next_line(&mut self) -> io::Result<Option<Line>> {
        loop {
            self.line += 1;
            self.buffer.clear();
            let (read, complete) = read_bounded(&mut self.reader, &mut self.buffer, self.max_line)?;
            if read == 0 {
                return Ok(None);
            }
            if !complete {
                let message = format!("the line is longer than {} bytes; skipped", self.max_line);
                // A huge line is dropped without the buffer growing past the limit.
                self.buffer = Vec::new();
                return Ok(Some((self.line, Err(self.problem(None, message)))));
            }
            if self.buffer.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Ok(Some((self.line, self.parse())));
        }
    }

    fn parse(&self) -> Result<Record, Diagnostic> {
        let value: Value = serde_json::from_slice(&self.buffer)
            .map_err(|e| self.problem(None, format!("not valid JSON ({})", brief(&e))))?;
        let Value::Object(mut fields) = value else {
            return Err(self.problem(None, "not a JSON object (expected {\"id\": …, \"text\": …})"));
        };
        let id = match fields.remove("id") {
            Some(Value::String(s)) => s,
            Some(Value::Number(n)) if n.is_u64() => n.to_string(),
            None | Some(Value::Null) => return Err(self.problem(Some("id"), "missing")),
            Some(other) => {
                return Err(
                    self.problem(Some("id"), format!("expected a string or a whole number, got {}", kind(&other)))
                );
            }
        };
        check_citable(&id).map_err(|m| self.problem(Some("id"), m))?;
        let text = match fields.remove("text") {
            Some(Value::String(s)) if !s.trim().is_empty() => s,
            Some(Value::String(_)) => return Err(self.problem(Some("text"), "empty")),
            None | Some(Value::Null) => return Err(self.problem(Some("text"), "missing")),
            Some(other) => return Err(self.problem(Some("text"), format!("expected a string, got {}", kind(&other)))),
        };
        let date = match fields.remove("date") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(parse_date(&s).map_err(|m| self.problem(Some("date"), m))?),
            Some(other) => {
                return Err(self.problem(Some("date"), format!("expected a string YYYY-MM[-DD], got {}", kind(&other))));
            }
        };
        let lang = match fields.remove("lang") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if s.is_empty() => None,
            Some(Value::String(s)) => Some(s),
            Some(other) => return Err(self.problem(Some("lang"), format!("expected a string, got {}", kind(&other)))),
        };
        Ok(Record { id, date, lang, text })
    }

    fn problem(&self, field: Option<&str>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(&self.name, Some(self.line), field, message)
    }
}

/// Reads one line (without its `\n` or `\r\n`) into `buffer`, at most `limit` bytes; the rest of
/// a longer line is read and dropped. Returns the bytes read and whether the line fit.
fn read_bounded(reader: &mut impl BufRead, buffer: &mut Vec<u8>, limit: usize) -> io::Result<(usize, bool)> {
    let (mut read, mut fits) = (0, true);
    loop {
        let available = match reader.fill_buf() {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            break;
        }
        let (piece, ends) = match memchr::memchr(b'\n', available) {
            Some(at) => (&available[..at], Some(at + 1)),
            None => (available, None),
        };
        if fits && buffer.len() + piece.len() <= limit {
            buffer.extend_from_slice(piece);
        } else {
            fits = false;
        }
        let used = ends.unwrap_or(available.len());
        read += used;
        reader.consume(used);
        if ends.is_some() {
            break;
        }
    }
    if buffer.last() == Some(&b'\r') {
        buffer.pop();
    }
    Ok((read, fits))
}

/// The date of an article: a month or a day (a year or a range is too vague to resolve
/// "gisteren" against).
fn parse_date(text: &str) -> Result<DateSpan, String> {
    let date: DateSpan = text.parse().map_err(|e| format!("{text:?}: {e}"))?;
    match date.precision {
        Precision::Month | Precision::Day => Ok(date),
        _ => Err(format!("{text:?}: give a month (YYYY-MM) or a day (YYYY-MM-DD)")),
    }
}

/// Sources cite an article as `ID#N`, several joined by `;`: the id must read back unchanged.
fn check_citable(id: &str) -> Result<(), String> {
    if id.is_empty() {
        return Err("empty".into());
    }
    if id.contains([';', '#', '\\']) || id.chars().any(char::is_control) || id.trim() != id {
        return Err(format!(
            "{:?} cannot be cited as a source (no `;`, `#`, `\\` or control characters in it, no spaces at its ends)",
            crate::text::printable_line(id)
        ));
    }
    Ok(())
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A serde_json error without its "at line 1 column N" tail past the column.
fn brief(error: &serde_json::Error) -> String {
    format!("{} at column {}", classify(error), error.column())
}

fn classify(error: &serde_json::Error) -> &'static str {
    use serde_json::error::Category;
    match error.classify() {
        Category::Io => "read error",
        Category::Syntax => "syntax error",
        Category::Data => "wrong data",
        Category::Eof => "the line ends inside a value",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, limit: usize) -> Vec<(usize, Result<Record, Diagnostic>)> {
        let mut records = Records::with_limit("a.jsonl", text.as_bytes(), limit);
        let mut out = Vec::new();
        while let Some(line) = records.next_line().expect("reading from memory") {
            out.push(line);
        }
        out
    }

    fn problem(text: &str) -> Diagnostic {
        lines(text, MAX_LINE).remove(0).1.expect_err("a bad line")
    }

    #[test]
    fn good_lines_give_records_and_blank_lines_are_skipped() {
        let text = "{\"id\":\"a-1\",\"date\":\"2017-10-05\",\"lang\":\"nl\",\"text\":\"Eerste.\",\"url\":\"x\"}\r\n\n  \n{\"id\":7,\"text\":\"Second.\",\"date\":null}";
        let got = lines(text, MAX_LINE);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].0, 1);
        let first = got[0].1.as_ref().unwrap();
        assert_eq!((first.id.as_str(), first.lang.as_deref(), first.text.as_str()), ("a-1", Some("nl"), "Eerste."));
        assert_eq!(first.date.as_ref().map(|d| d.to_string()).as_deref(), Some("2017-10-05"));
        assert_eq!(got[1].0, 4);
        let second = got[1].1.as_ref().unwrap();
        assert_eq!((second.id.as_str(), second.date.is_none(), second.lang.is_none()), ("7", true, true));
    }

    #[test]
    fn bad_lines_name_their_line_and_field() {
        let cases: &[(&str, Option<&str>, &str)] = &[
            ("not json at all", None, "not valid JSON"),
            ("[1, 2]", None, "not a JSON object"),
            ("{\"id\": \"a\"}", Some("text"), "missing"),
            ("{\"id\": \"a\", \"text\": 5}", Some("text"), "got a number"),
            ("{\"id\": \"a\", \"text\": \"  \"}", Some("text"), "empty"),
            ("{\"text\": \"Iets.\"}", Some("id"), "missing"),
            ("{\"id\": [1], \"text\": \"Iets.\"}", Some("id"), "got an array"),
            ("{\"id\": -3, \"text\": \"Iets.\"}", Some("id"), "whole number"),
            ("{\"id\": \"a#1\", \"text\": \"Iets.\"}", Some("id"), "cannot be cited"),
            ("{\"id\": \"a\", \"text\": \"Iets.\", \"date\": \"2017-13\"}", Some("date"), "2017-13"),
            ("{\"id\": \"a\", \"text\": \"Iets.\", \"date\": \"2017\"}", Some("date"), "give a month"),
            ("{\"id\": \"a\", \"text\": \"Iets.\", \"date\": 2017}", Some("date"), "got a number"),
            ("{\"id\": \"a\", \"text\": \"Iets.\", \"lang\": true}", Some("lang"), "got a boolean"),
            ("{\"id\": \"a\", \"text\": \"Iets.", None, "ends inside"),
        ];
        for &(line, field, words) in cases {
            let d = problem(&format!("\n{line}\n"));
            assert_eq!(d.line, Some(2), "{line}");
            assert_eq!(d.field.as_deref(), field, "{line}");
            assert!(d.message.contains(words), "{line}: {}", d.message);
            assert_eq!(d.file, "a.jsonl");
        }
    }

    #[test]
    fn a_line_over_the_limit_is_skipped_and_the_next_one_reads() {
        let huge = format!("{{\"id\":\"big\",\"text\":\"{}\"}}", "woord ".repeat(100));
        let text = format!("{huge}\n{{\"id\":\"small\",\"text\":\"Klein.\"}}\n");
        let got = lines(&text, 200);
        assert_eq!(got.len(), 2);
        let d = got[0].1.as_ref().expect_err("too long");
        assert_eq!(d.line, Some(1));
        assert!(d.message.contains("longer than 200 bytes"), "{}", d.message);
        assert_eq!(got[1].1.as_ref().unwrap().id, "small");
    }

    #[test]
    fn invalid_utf8_is_a_bad_line_not_a_panic() {
        let mut bytes = b"{\"id\":\"a\",\"text\":\"caf".to_vec();
        bytes.extend_from_slice(&[0xE9, b'"', b'}', b'\n']);
        let mut records = Records::new("b.jsonl", &bytes[..]);
        let (line, result) = records.next_line().unwrap().unwrap();
        assert_eq!(line, 1);
        assert!(result.is_err());
        assert!(records.next_line().unwrap().is_none());
    }

    proptest::proptest! {
        /// Any bytes: no panic, line numbers strictly increase, no line is held past the limit,
        /// and every record's id can be cited.
        #[test]
        fn any_bytes_read_without_panic(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..600),
                                        braces in proptest::prelude::any::<bool>()) {
            let mut input = bytes;
            if braces {
                input.splice(0..0, b"{\"id\":\"a\",\"text\":\"".iter().copied());
            }
            let mut records = Records::with_limit("p.jsonl", &input[..], 64);
            let mut last = 0;
            while let Some((line, result)) = records.next_line().expect("reading from memory") {
                proptest::prop_assert!(line > last);
                last = line;
                proptest::prop_assert!(records.buffer.len() <= 64);
                if let Ok(record) = result {
                    proptest::prop_assert!(check_citable(&record.id).is_ok());
                }
            }
        }
    }
}
