//! CSV records read straight from a byte buffer: a line without quotes or a stray carriage
//! return (nearly every ledger row) is split at its commas with `memchr`; any other record is
//! handed to `csv_core`, the parser the `csv` crate uses, so every record reads as it would there.

use std::io::Read;

use crate::ingest::limits::Limited;

/// Bytes asked of the input at a time.
const CHUNK: usize = 1 << 20;
/// The UTF-8 byte order mark, skipped at the start of the input.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Why reading records stopped.
#[derive(Debug)]
pub enum ScanError {
    /// The record starting on this line is not UTF-8.
    Utf8(usize),
    /// Reading failed (a limit passed, or an I/O error).
    Io(std::io::Error),
}

/// Records appended one after another: their fields' text (the fields of a record one byte
/// apart, as a comma separates them in a plain line) and where each field ends.
#[derive(Debug, Default, Clone)]
pub struct Records {
    text: String,
    ends: Vec<usize>,
    /// For each record: its line, where its fields start in `ends`, where its text starts.
    starts: Vec<(usize, usize, usize)>,
}

/// The fields of one record.
#[derive(Debug, Clone, Copy)]
pub struct Fields<'a> {
    text: &'a str,
    /// Where the record's text starts in `text`.
    from: usize,
    ends: &'a [usize],
}

impl<'a> Fields<'a> {
    /// Field `at`, if the record has that many.
    pub fn get(&self, at: usize) -> Option<&'a str> {
        let end = *self.ends.get(at)?;
        let start = if at == 0 { self.from } else { self.ends[at - 1] + 1 };
        self.text.get(start..end)
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    pub fn iter(self) -> impl Iterator<Item = &'a str> {
        (0..self.len()).map(move |at| self.get(at).unwrap_or(""))
    }
}

impl Records {
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    pub fn clear(&mut self) {
        self.text.clear();
        self.ends.clear();
        self.starts.clear();
    }

    /// Record `at`: its line and its fields.
    pub fn get(&self, at: usize) -> (usize, Fields<'_>) {
        let (line, first, from) = self.starts[at];
        let last = self.starts.get(at + 1).map_or(self.ends.len(), |next| next.1);
        (line, Fields { text: &self.text, from, ends: &self.ends[first..last] })
    }

    pub fn iter(&self) -> impl Iterator<Item = (usize, Fields<'_>)> + '_ {
        (0..self.len()).map(move |at| self.get(at))
    }

    /// Appends a record from a plain line (`None` if it is not UTF-8) and the ends of its fields
    /// in it (the position of each comma, then the line's length).
    fn push_line(&mut self, line: usize, bytes: &[u8], ends: impl Iterator<Item = usize>) -> Option<()> {
        // The commas are single bytes: the line is UTF-8 exactly when each field is.
        let text = std::str::from_utf8(bytes).ok()?;
        let base = self.text.len();
        self.starts.push((line, self.ends.len(), base));
        self.text.push_str(text);
        self.ends.extend(ends.map(|end| base + end));
        Some(())
    }

    /// Appends a record from its fields (`None`, and nothing appended, if one is not UTF-8).
    fn push_fields<'f>(&mut self, line: usize, fields: impl Iterator<Item = &'f [u8]>) -> Option<()> {
        let (text, ends) = (self.text.len(), self.ends.len());
        for (at, field) in fields.enumerate() {
            let Ok(field) = std::str::from_utf8(field) else {
                self.text.truncate(text);
                self.ends.truncate(ends);
                return None;
            };
            if at > 0 {
                self.text.push(',');
            }
            self.text.push_str(field);
            self.ends.push(self.text.len());
        }
        self.starts.push((line, ends, text));
        Some(())
    }
}

/// Reads CSV records from a [`Limited`] input, a chunk at a time.
pub struct Scanner<R> {
    input: Limited<R>,
    buffer: Vec<u8>,
    /// The first byte of `buffer` not yet read as part of a record.
    at: usize,
    /// Where in the input `buffer[0]` was.
    offset: u64,
    done: bool,
    core: csv_core::Reader,
    /// Fields of a record read by `csv_core`, and their ends.
    unquoted: Vec<u8>,
    core_ends: Vec<usize>,
}

impl<R: Read> Scanner<R> {
    pub fn new(input: Limited<R>) -> Scanner<R> {
        Scanner {
            input,
            buffer: Vec::new(),
            at: 0,
            offset: 0,
            done: false,
            core: csv_core::Reader::new(),
            unquoted: vec![0; 256],
            core_ends: vec![0; 16],
        }
    }

    /// Reads the next record into `records`: `Ok(false)` at the end of the input.
    pub fn next(&mut self, records: &mut Records) -> Result<bool, ScanError> {
        if self.offset == 0 && self.at == 0 {
            self.fill(BOM.len())?;
            if self.buffer.starts_with(BOM) {
                self.at = BOM.len();
            }
        }
        if !self.skip_line_ends()? {
            return Ok(false);
        }
        let line_end = self.line_end()?;
        let line = self.input.record_line(self.offset + self.at as u64);
        let mut body = &self.buffer[self.at..line_end];
        if let Some(rest) = body.strip_suffix(b"\r") {
            body = rest;
        }
        if memchr::memchr2(b'"', b'\r', body).is_none() {
            let commas = memchr::memchr_iter(b',', body).chain(std::iter::once(body.len()));
            records.push_line(line, body, commas).ok_or(ScanError::Utf8(line))?;
            self.at = (line_end + 1).min(self.buffer.len());
            return Ok(true);
        }
        self.quoted(line, records)
    }

    /// Skips the line ends before a record (blank lines are no records); false at the end.
    fn skip_line_ends(&mut self) -> Result<bool, ScanError> {
        loop {
            let blank = self.buffer[self.at..].iter().take_while(|&&b| b == b'\r' || b == b'\n').count();
            self.at += blank;
            if self.at < self.buffer.len() {
                return Ok(true);
            }
            if self.done {
                return Ok(false);
            }
            self.fill(1)?;
        }
    }

    /// Where the line that starts at `self.at` ends: its `\n`, or the end of the input.
    fn line_end(&mut self) -> Result<usize, ScanError> {
        let mut searched = self.at;
        loop {
            if let Some(found) = memchr::memchr(b'\n', &self.buffer[searched..]) {
                return Ok(searched + found);
            }
            if self.done {
                return Ok(self.buffer.len());
            }
            searched = self.buffer.len() - self.at;
            self.fill(CHUNK)?;
            searched += self.at;
        }
    }

    /// Reads a record with quotes (or a carriage return inside its line) through `csv_core`.
    fn quoted(&mut self, line: usize, records: &mut Records) -> Result<bool, ScanError> {
        use csv_core::ReadRecordResult as Outcome;
        self.core.reset();
        let (mut used, mut written, mut fields) = (0, 0, 0);
        loop {
            let input = &self.buffer[self.at + used..];
            // `csv_core` drops a byte order mark at the start of its first read after a reset;
            // here that is the start of a record, so the first read is of one byte.
            let input = if used == 0 { &input[..input.len().min(1)] } else { input };
            let (result, read, out, ends) =
                self.core.read_record(input, &mut self.unquoted[written..], &mut self.core_ends[fields..]);
            used += read;
            written += out;
            fields += ends;
            match result {
                Outcome::InputEmpty if self.done || self.at + used < self.buffer.len() => {}
                Outcome::InputEmpty => self.fill(self.buffer.len() - self.at + CHUNK)?,
                Outcome::OutputFull => self.unquoted.resize(self.unquoted.len() * 2, 0),
                Outcome::OutputEndsFull => self.core_ends.resize(self.core_ends.len() * 2, 0),
                Outcome::Record | Outcome::End => break,
            }
        }
        self.at += used;
        if fields == 0 {
            return Ok(false);
        }
        let ends = &self.core_ends[..fields];
        let starts = std::iter::once(0).chain(ends.iter().copied());
        let pieces = starts.zip(ends).map(|(start, &end)| &self.unquoted[start..end]);
        records.push_fields(line, pieces).ok_or(ScanError::Utf8(line))?;
        Ok(true)
    }

    /// Reads at least `wanted` more bytes, unless the input ends first; the bytes already read
    /// as records are dropped from the buffer.
    fn fill(&mut self, wanted: usize) -> Result<(), ScanError> {
        if (self.at > 0 && self.at == self.buffer.len()) || self.at >= CHUNK {
            self.buffer.drain(..self.at);
            self.offset += self.at as u64;
            self.at = 0;
        }
        let mut got = 0;
        while got < wanted && !self.done {
            let old = self.buffer.len();
            self.buffer.resize(old + CHUNK.max(wanted - got), 0);
            let read = loop {
                match self.input.read(&mut self.buffer[old..]) {
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    other => break other,
                }
            };
            let read = read.map_err(|e| {
                self.buffer.truncate(old);
                ScanError::Io(e)
            })?;
            self.buffer.truncate(old + read);
            self.done = read == 0;
            got += read;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::limits::Limits;

    const NO_LIMITS: Limits = Limits { max_bytes: u64::MAX, max_line: usize::MAX };

    /// Every record as its line and fields, read by the scanner from `text` in reads of `step` bytes.
    fn scan(text: &[u8], step: usize) -> Vec<(usize, Vec<String>)> {
        let mut scanner = Scanner::new(Limited::new(Trickle(text, step), NO_LIMITS));
        let mut records = Records::default();
        while scanner.next(&mut records).unwrap() {}
        records.iter().map(|(line, fields)| (line, fields.iter().map(String::from).collect())).collect()
    }

    /// The same through the `csv` crate, lines as `Limited` numbers them.
    fn reference(text: &[u8]) -> Vec<(usize, Vec<String>)> {
        let mut limited = Limited::new(text, NO_LIMITS);
        let mut reader = csv::ReaderBuilder::new().flexible(true).has_headers(false).from_reader(&mut limited);
        let mut rows = Vec::new();
        let mut record = csv::StringRecord::new();
        while reader.read_record(&mut record).unwrap() {
            let position = record.position().unwrap().byte();
            rows.push((position, record.iter().map(String::from).collect()));
        }
        drop(reader);
        rows.into_iter().map(|(position, fields)| (limited.record_line(position), fields)).collect()
    }

    /// A reader that hands out at most `step` bytes a call.
    struct Trickle<'a>(&'a [u8], usize);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.0.len().min(self.1).min(buf.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn records_read_as_the_csv_crate_reads_them() {
        let texts: [&[u8]; 13] = [
            b"a,b\n\xEF\xBB\xBF\"x\",y\n",
            b"a,b,c\n1,2,3\n",
            b"\xEF\xBB\xBFdate,place\n2017,Raqqa",
            b"a,b\r\n\r\n1,\"x, y\"\r\n\n\n2,\"two\nlines\"\r\n3,4",
            b"a,b\r1,2\r\r3,4\r",
            b"a,\"q\"\"uote\",c\n\"unclosed,1\n2\n",
            b"a,b,\n,,\n ,\n",
            b"x\"y,z\n\"a\"b,c\n",
            b"one\r\ntwo\rthree\nfour\r",
            b"\n\n\r\n",
            b"",
            b"h\n\"a\r\nb\",c\r\n",
            b"caf\xc3\xa9,\xe2\x82\xac\n\"\xc3\xa9\",x\n",
        ];
        for text in texts {
            let expected = reference(text);
            for step in [1, 2, 3, 7, 4096] {
                assert_eq!(scan(text, step), expected, "{:?} in reads of {step}", String::from_utf8_lossy(text));
            }
        }
    }

    #[test]
    fn a_record_that_is_not_utf8_is_named_by_its_line() {
        for text in [&b"a,b\n\n1,caf\xe9\n"[..], b"a,b\n\n\"1\",\"caf\xe9\"\n"] {
            let mut scanner = Scanner::new(Limited::new(text, Limits::default()));
            let mut records = Records::default();
            assert!(scanner.next(&mut records).unwrap());
            assert!(matches!(scanner.next(&mut records), Err(ScanError::Utf8(3))));
        }
    }

    #[test]
    fn long_quoted_fields_and_many_fields_grow_the_buffers() {
        let long = "x".repeat(3 * CHUNK);
        let many = vec!["\"f\""; 100].join(",");
        let text = format!("h\n\"{long}\",b\n{many}\n");
        assert_eq!(scan(text.as_bytes(), 1 << 16), reference(text.as_bytes()));
    }
}
