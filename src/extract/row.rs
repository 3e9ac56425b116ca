//! Ledger rows: a [`Candidate`] as a CSV record in the ledger's columns plus `confidence`,
//! `evidence` and `cues`, which `lint`, `at` and `render` read as extra columns.

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
