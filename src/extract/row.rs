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
pub struct JsonRowWriter<W: Write> {
    out: std::io::BufWriter<W>,
}

impl<W: Write> JsonRowWriter<W> {
    pub fn new(out: W) -> JsonRowWriter<W> {
        JsonRowWriter { out: std::io::BufWriter::new(out) }
    }

    /// Writes one row.
    pub fn write(&mut self, c: &Candidate) -> std::io::Result<()> {
        #[derive(serde::Serialize)]
        struct Row<'a> {
            date: String,
            place: &'a str,
            holder: &'a str,
            event: String,
            other: &'a str,
            modality: String,
            source: String,
            note: &'a str,
            confidence: f64,
            evidence: [usize; 2],
            cues: &'a [String],
        }
        let row = Row {
            date: c.date.to_string(),
            place: &c.place_text,
            holder: &c.holder,
            event: c.event.to_string(),
            other: c.other.as_deref().unwrap_or_default(),
            modality: c.modality.to_string(),
            source: c.source.to_string(),
            note: &c.note,
            confidence: (c.confidence * 100.0).round() / 100.0,
            evidence: [c.evidence.0, c.evidence.1],
            cues: &c.cues,
        };
        serde_json::to_writer(&mut self.out, &row).map_err(std::io::Error::other)?;
        self.out.write_all(b"\n")
    }

    pub fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
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
