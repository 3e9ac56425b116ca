//! Ledger rows: a [`Candidate`] as a CSV record in the ledger's columns plus `confidence`,
//! `evidence` and `cues`, which `lint`, `at` and `render` read as extra columns; or the same
//! fields as one JSON object a line ([`JsonRowWriter`]).

use std::io::Write;

use crate::extract::Candidate;
use crate::text::CsvWriter;

/// The columns `extract` writes.
pub const HEADER: [&str; 11] =
    ["date", "place", "holder", "event", "other", "modality", "source", "note", "confidence", "evidence", "cues"];

/// Writes candidate rows as CSV (formula cells neutralised, see [`crate::text::formula_safe`]).
pub struct RowWriter<W: Write> {
    csv: CsvWriter<W>,
}

impl<W: Write> RowWriter<W> {
    /// A writer that starts with the header line.
    pub fn new(out: W) -> std::io::Result<RowWriter<W>> {
        let mut csv = CsvWriter::new(out);
        csv.write_record(HEADER).map_err(std::io::Error::other)?;
        Ok(RowWriter { csv })
    }

    /// Writes one row.
    pub fn write(&mut self, c: &Candidate) -> std::io::Result<()> {
        let record = [
            c.date.to_string(),
            c.place_text.clone(),
            c.holder.clone(),
            c.event.to_string(),
            c.other.clone().unwrap_or_default(),
            c.modality.to_string(),
            c.source.to_string(),
            c.note.clone(),
            format!("{:.2}", c.confidence),
            format!("{}-{}", c.evidence.0, c.evidence.1),
            c.cues.join("|"),
        ];
        self.csv.write_record(&record).map_err(std::io::Error::other)
    }

    /// Flushes the rows written so far.
    pub fn flush(&mut self) -> std::io::Result<()> {
        self.csv.flush()
    }

    /// The underlying writer, flushed.
    pub fn into_inner(self) -> std::io::Result<W> {
        self.csv.into_inner()
    }
}

/// Writes candidate rows as JSON Lines: one object a line with the fields of [`HEADER`]
/// (`confidence` a number, `evidence` `[start, end]`, `cues` a list), keys in that order.
/// The object is written field by field (strings escaped and numbers formatted by
/// `serde_json`), with no row struct and no `String` per field: the fields formatted with
/// `Display` go through one buffer reused from row to row.
pub struct JsonRowWriter<W: Write> {
    out: std::io::BufWriter<W>,
    /// A `Display` field being formatted (reused from field to field).
    scratch: String,
}

impl<W: Write> JsonRowWriter<W> {
    pub fn new(out: W) -> JsonRowWriter<W> {
        JsonRowWriter { out: std::io::BufWriter::new(out), scratch: String::new() }
    }

    /// Writes one row.
    pub fn write(&mut self, c: &Candidate) -> std::io::Result<()> {
        let confidence = (c.confidence * 100.0).round() / 100.0;
        self.display_field(b"{\"date\":", &c.date)?;
        self.str_field(b",\"place\":", &c.place_text)?;
        self.str_field(b",\"holder\":", &c.holder)?;
        self.display_field(b",\"event\":", &c.event)?;
        self.str_field(b",\"other\":", c.other.as_deref().unwrap_or_default())?;
        self.display_field(b",\"modality\":", &c.modality)?;
        self.display_field(b",\"source\":", &c.source)?;
        self.str_field(b",\"note\":", &c.note)?;
        self.out.write_all(b",\"confidence\":")?;
        json(serde::Serializer::serialize_f64(&mut serde_json::Serializer::new(&mut self.out), confidence))?;
        self.out.write_all(b",\"evidence\":[")?;
        self.number(c.evidence.0)?;
        self.out.write_all(b",")?;
        self.number(c.evidence.1)?;
        self.out.write_all(b"],\"cues\":[")?;
        for (k, cue) in c.cues.iter().enumerate() {
            if k > 0 {
                self.out.write_all(b",")?;
            }
            self.string(cue)?;
        }
        self.out.write_all(b"]}\n")
    }

    /// Writes `key` (the comma, quoted name and colon, as bytes) and a string value.
    fn str_field(&mut self, key: &[u8], value: &str) -> std::io::Result<()> {
        self.out.write_all(key)?;
        self.string(value)
    }

    /// Writes `key` and the `Display` text of `value` as a string.
    fn display_field(&mut self, key: &[u8], value: &dyn std::fmt::Display) -> std::io::Result<()> {
        use std::fmt::Write as _;
        let mut text = std::mem::take(&mut self.scratch);
        text.clear();
        write!(text, "{value}").map_err(std::io::Error::other)?;
        let written = self.str_field(key, &text);
        self.scratch = text;
        written
    }

    /// A JSON string, escaped as `serde_json` escapes it.
    fn string(&mut self, value: &str) -> std::io::Result<()> {
        json(serde::Serializer::serialize_str(&mut serde_json::Serializer::new(&mut self.out), value))
    }

    fn number(&mut self, value: usize) -> std::io::Result<()> {
        json(serde::Serializer::serialize_u64(&mut serde_json::Serializer::new(&mut self.out), value as u64))
    }

    pub fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// A `serde_json` result as an I/O result.
fn json(result: serde_json::Result<()>) -> std::io::Result<()> {
    result.map_err(std::io::Error::other)
}

/// The output formats of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowFormat {
    Csv,
    Jsonl,
}

/// A writer of either format.
pub enum Rows<W: Write> {
    Csv(Box<RowWriter<W>>),
    Jsonl(JsonRowWriter<W>),
}

impl<W: Write> Rows<W> {
    /// A writer in `format` (CSV starts with its header line).
    pub fn new(format: RowFormat, out: W) -> std::io::Result<Rows<W>> {
        Ok(match format {
            RowFormat::Csv => Rows::Csv(Box::new(RowWriter::new(out)?)),
            RowFormat::Jsonl => Rows::Jsonl(JsonRowWriter::new(out)),
        })
    }

    pub fn write(&mut self, c: &Candidate) -> std::io::Result<()> {
        match self {
            Rows::Csv(w) => w.write(c),
            Rows::Jsonl(w) => w.write(c),
        }
    }

    pub fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Rows::Csv(w) => w.flush(),
            Rows::Jsonl(w) => w.flush(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let texts = ["plain", "quote \" and back\\slash", "tab\there\nline\u{1}\u{1f}\u{7f}", "Ḩawījah – ‘x’ / y", ""];
        for text in texts {
            let mut writer = JsonRowWriter::new(Vec::new());
            writer.string(text).unwrap();
            let written = writer.out.into_inner().unwrap();
            assert_eq!(String::from_utf8(written).unwrap(), serde_json::to_string(text).unwrap(), "{text:?}");
        }
    }
}
