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
    line: usize,
    line_length: usize,
    overrun: Option<Overrun>,
}

impl<R: Read> Limited<R> {
    pub fn new(inner: R, limits: Limits) -> Limited<R> {
        Limited { inner, limits, read: 0, line: 1, line_length: 0, overrun: None }
    }

    /// The limit passed, if a read failed because of one.
    pub fn overrun(&self) -> Option<Overrun> {
        self.overrun
    }

    fn fail(&mut self, overrun: Overrun) -> io::Error {
        self.overrun = Some(overrun);
        io::Error::new(io::ErrorKind::InvalidData, OverrunError(overrun))
    }

    /// Follows the lines through `bytes`; an error if one grows past the limit.
    fn track_lines(&mut self, bytes: &[u8]) -> io::Result<()> {
        let mut from = 0;
        while let Some(at) = memchr::memchr(b'\n', &bytes[from..]) {
            if self.line_length + at > self.limits.max_line {
                return Err(self.fail(Overrun::Line(self.line)));
            }
            self.line += 1;
            self.line_length = 0;
            from += at + 1;
        }
        self.line_length += bytes.len() - from;
        if self.line_length > self.limits.max_line {
            return Err(self.fail(Overrun::Line(self.line)));
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
        self.track_lines(&buf[..count])?;
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
