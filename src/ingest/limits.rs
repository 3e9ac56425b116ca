//! Input limits while streaming: a reader that stops at a total size and at an over-long line,
//! and says which, so a ledger of any size (or `/dev/zero` piped in) fails clearly and at once.

use std::io::{self, Read};

/// How much a ledger may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The most bytes read from one ledger.
    pub max_bytes: u64,
    /// The longest line, in bytes (without its newline).
    pub max_line: usize,
}

/// The default largest ledger (raise it with `--max-ledger-mb`).
pub const DEFAULT_MAX_LEDGER_MB: u64 = 256;
/// The longest line a ledger may have: 1 MB.
pub const MAX_LINE_BYTES: usize = 1 << 20;

impl Default for Limits {
    fn default() -> Limits {
        Limits { max_bytes: DEFAULT_MAX_LEDGER_MB << 20, max_line: MAX_LINE_BYTES }
    }
}

/// Which limit a read ran into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overrun {
    /// More than `max_bytes` in all.
    Size,
    /// This 1-based line is longer than `max_line`.
    Line(usize),
}

/// The error inside the `io::Error` a [`Limited`] read fails with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("input limit passed: {0:?}")]
pub struct OverrunError(pub Overrun);

/// Wraps a reader: counts bytes and lines, and fails with [`Overrun`] (as an `io::Error` of kind
/// `InvalidData`, and in [`Limited::overrun`]) as soon as a limit is passed.
pub struct Limited<R> {
    inner: R,
    limits: Limits,
    read: u64,
    line_length: usize,
    overrun: Option<Overrun>,
    /// Where each line after the first starts, and the length of the line end before it (1 for
    /// LF or CR, 2 for CRLF): line numbers in any line-end style (see [`Limited::record_line`]).
    starts: Vec<(u64, u8)>,
    /// A CR that ended the last chunk: a line end, of length 2 if the next byte is LF.
    pending_cr: Option<u64>,
    /// How many line starts lie before the record [`Limited::record_line`] found last.
    searched: std::cell::Cell<usize>,
}

impl<R: Read> Limited<R> {
    pub fn new(inner: R, limits: Limits) -> Limited<R> {
        Limited {
            inner,
            limits,
            read: 0,
            line_length: 0,
            overrun: None,
            starts: Vec::new(),
            pending_cr: None,
            searched: std::cell::Cell::new(0),
        }
    }

    /// The limit passed, if a read failed because of one.
    pub fn overrun(&self) -> Option<Overrun> {
        self.overrun
    }

    fn fail(&mut self, overrun: Overrun) -> io::Error {
        self.overrun = Some(overrun);
        io::Error::new(io::ErrorKind::InvalidData, OverrunError(overrun))
    }

    /// The 1-based line of a CSV record that the reader places at byte `offset` (the end of the
    /// previous record): line ends and blank lines before the record are skipped. LF, CRLF and CR
    /// alone each end one line. Offsets are those of bytes already read.
    pub fn record_line(&self, offset: u64) -> usize {
        let mut at = offset;
        // Records come in file order: the search goes on from where the last one ended (a step
        // or two, in memory just touched) instead of from the middle of a million line starts.
        let from = self.searched.get().min(self.starts.len());
        let mut before = if from == 0 || self.starts[from - 1].0 <= at {
            from + self.starts[from..].iter().take_while(|&&(start, _)| start <= at).count()
        } else {
            self.starts.partition_point(|&(start, _)| start <= at)
        };
        while let Some(&(start, end_length)) = self.starts.get(before) {
            if start - u64::from(end_length) <= at && at < start {
                at = start;
                before += 1;
            } else {
                break;
            }
        }
        self.searched.set(before);
        before + 1
    }

    /// Follows the lines through `bytes` (the chunk that starts at byte `base`); an error if one
    /// grows past the limit.
    fn track_lines(&mut self, bytes: &[u8], base: u64) -> io::Result<()> {
        let mut from = 0;
        if let Some(cr) = self.pending_cr.take() {
            let crlf = bytes.first() == Some(&b'\n');
            self.starts.push((cr + 1 + u64::from(crlf), 1 + u8::from(crlf)));
            from = usize::from(crlf);
        }
        while let Some(at) = memchr::memchr2(b'\r', b'\n', &bytes[from..]) {
            if self.line_length + at > self.limits.max_line {
                return Err(self.fail(Overrun::Line(self.starts.len() + 1)));
            }
            let end = from + at;
            let next = match (bytes[end], bytes.get(end + 1)) {
                (b'\r', None) => {
                    self.pending_cr = Some(base + end as u64);
                    end + 1
                }
                (b'\r', Some(b'\n')) => {
                    self.starts.push((base + end as u64 + 2, 2));
                    end + 2
                }
                _ => {
                    self.starts.push((base + end as u64 + 1, 1));
                    end + 1
                }
            };
            self.line_length = 0;
            from = next;
        }
        self.line_length += bytes.len() - from;
        if self.line_length > self.limits.max_line {
            return Err(self.fail(Overrun::Line(self.starts.len() + 1)));
        }
        Ok(())
    }
}

impl<R: Read> Read for Limited<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if let Some(overrun) = self.overrun {
            return Err(io::Error::new(io::ErrorKind::InvalidData, OverrunError(overrun)));
        }
        let count = self.inner.read(buf)?;
        self.read += count as u64;
        if self.read > self.limits.max_bytes {
            return Err(self.fail(Overrun::Size));
        }
        self.track_lines(&buf[..count], self.read - count as u64)?;
        Ok(count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(bytes: &[u8], limits: Limits) -> (io::Result<usize>, Option<Overrun>) {
        let mut limited = Limited::new(bytes, limits);
        let mut sink = Vec::new();
        let result = limited.read_to_end(&mut sink);
        (result, limited.overrun())
    }

    #[test]
    fn a_long_line_is_named_by_its_number() {
        let limits = Limits { max_bytes: 1000, max_line: 5 };
        assert!(read_all(b"abc\nabcde\n\nxy", limits).0.is_ok());
        assert_eq!(read_all(b"abc\nabcde\nabcdef\n", limits).1, Some(Overrun::Line(3)));
        assert_eq!(read_all(b"abc\nabcdefgh", limits).1, Some(Overrun::Line(2)), "a last line without newline");
    }

    #[test]
    fn records_are_numbered_by_their_lines_in_any_line_end_style() {
        for text in ["h\na\nb\n\nc\n", "h\r\na\r\nb\r\n\r\nc\r\n", "h\ra\rb\r\rc\r", "h\r\na\rb\n\r\nc"] {
            let mut limited = Limited::new(text.as_bytes(), Limits::default());
            // Small reads split CRLF pairs between chunks.
            let mut chunk = [0u8; 3];
            while limited.read(&mut chunk).unwrap() > 0 {}
            let record = |s: &str| text.find(s).unwrap() as u64;
            // The CSV reader reports a record at the end of the one before: here, its line end.
            let reported = |s: &str| record(s) - if text[..record(s) as usize].ends_with("\r\n") { 2 } else { 1 };
            let lines: Vec<usize> = ["a", "b", "c"].iter().map(|s| limited.record_line(reported(s))).collect();
            assert_eq!(lines, vec![2, 3, 5], "{text:?}");
        }
    }

    #[test]
    fn too_many_bytes_stop_the_read() {
        let limits = Limits { max_bytes: 10, max_line: 100 };
        assert!(read_all(b"0123456789", limits).0.is_ok());
        assert_eq!(read_all(b"0123456789\n", limits).1, Some(Overrun::Size));
        let endless = std::io::repeat(0).take(u64::MAX);
        let mut limited = Limited::new(endless, Limits { max_bytes: 1 << 20, max_line: usize::MAX });
        assert!(std::io::copy(&mut limited, &mut std::io::sink()).is_err());
        assert_eq!(limited.overrun(), Some(Overrun::Size));
    }
}
