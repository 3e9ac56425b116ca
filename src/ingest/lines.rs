//! Line numbers of byte offsets in text with any line ends: LF, CRLF, CR alone, or a mix of them.

/// Where each line of a text starts, to turn byte offsets (as the CSV reader reports them) into
/// the 1-based line numbers an editor shows.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    bytes: &'a [u8],
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes `bytes`; `\r\n`, `\r` and `\n` each end one line.
    pub fn new(bytes: &'a [u8]) -> LineIndex<'a> {
        let mut starts = vec![0];
        for (at, &byte) in bytes.iter().enumerate() {
            let ends_line = byte == b'\n' || (byte == b'\r' && bytes.get(at + 1) != Some(&b'\n'));
            if ends_line {
                starts.push(at + 1);
            }
        }
        LineIndex { bytes, starts }
    }

    /// The 1-based line that holds the byte at `offset` (a line end belongs to the line it ends).
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset)
    }

    /// The line where a CSV record starts: the CSV reader reports a record's position as the
    /// end of the previous one, so blank lines and line ends before the record are skipped.
    pub fn record_line(&self, offset: u64) -> usize {
        let offset = usize::try_from(offset).unwrap_or(usize::MAX).min(self.bytes.len());
        let skipped = self.bytes[offset..].iter().take_while(|&&b| b == b'\r' || b == b'\n').count();
        self.line_of(offset + skipped)
    }
}

/// The 1-based line of the byte at `offset` in `bytes`, for a single look-up.
pub fn line_at(bytes: &[u8], offset: usize) -> usize {
    LineIndex::new(&bytes[..offset.min(bytes.len())]).starts.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_line_end_counts_once() {
        for text in ["a\nb\nc", "a\r\nb\r\nc", "a\rb\rc", "a\r\nb\rc", "a\nb\r\nc"] {
            let index = LineIndex::new(text.as_bytes());
            let lines: Vec<usize> = ["a", "b", "c"].iter().map(|s| index.line_of(text.find(s).unwrap())).collect();
            assert_eq!(lines, vec![1, 2, 3], "{text:?}");
            assert_eq!(line_at(text.as_bytes(), text.find('c').unwrap()), 3, "{text:?}");
        }
    }

    #[test]
    fn a_record_starts_after_the_blank_lines_before_it() {
        let text = "h\r\n1\r\n\r\n\r\n2\r\n";
        let index = LineIndex::new(text.as_bytes());
        assert_eq!(index.record_line(4), 5);
        assert_eq!(index.record_line(text.len() as u64 + 10), 6);
    }

    /// The ledger reader names the same lines whatever the line ends (a CRLF file once gave line 682 for 683).
    #[test]
    fn ledger_rows_and_errors_have_their_editor_lines() {
        let rows = [
            "date,place,holder,event,source",
            "2017-10,Raqqa,sdf,captured,a.txt#1",
            "",
            "2017-13,Raqqa,sdf,captured,a.txt#2",
            "2017-11,\"Deir\nez-Zor\",sdf,holds,a.txt#3",
            "2017-12,Mosul,iraqi-gov,seized,a.txt#4",
        ];
        for end in ["\n", "\r\n", "\r"] {
            let ledger = crate::ingest::ledger::parse("l.csv", rows.join(end).as_bytes()).unwrap();
            let good: Vec<usize> = ledger.rows.iter().map(|r| r.origin.line).collect();
            let bad: Vec<Option<usize>> = ledger.diagnostics.iter().map(|d| d.line).collect();
            assert_eq!(good, vec![2, 5], "{end:?}");
            assert_eq!(bad, vec![Some(4), Some(7)], "{end:?}");
        }
        let mixed = "date,place,holder,event\r\n2017-10,Raqqa,sdf,holds\r\r\n\n2017-13,Raqqa,sdf,holds\n";
        let ledger = crate::ingest::ledger::parse("m.csv", mixed.as_bytes()).unwrap();
        assert_eq!(ledger.diagnostics[0].line, Some(5), "{:?}", ledger.diagnostics);
        let latin1 = b"date,place,holder,event\r2017,Raqqa,is,holds\r2017,Caf\xe9,is,holds\r";
        assert_eq!(crate::ingest::ledger::parse("x.csv", latin1).unwrap_err().line, Some(3));
    }
}
