//! Cutting CSV text into chunks at record boundaries, so chunks can be parsed in parallel: a
//! line end inside a quoted field (which may hold newlines) is never a cut.

/// Where the reader is in the CSV text, as far as quoting goes (the states of the `csv` crate's
/// reader with its defaults: `,` between fields, `"` quotes doubled to escape, CR, LF or CRLF
/// ending records). A quote opens a quoted field only at the start of a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quoting {
    /// At the start of a field (or of a record).
    FieldStart,
    /// Inside a field that did not start with a quote: a quote here is a plain character.
    Unquoted,
    /// Inside a quoted field: delimiters and line ends are text.
    Quoted,
    /// Just after a quote inside a quoted field: a second quote is an escaped quote, anything
    /// else closes the field.
    QuoteInQuoted,
}

impl Quoting {
    fn after(self, byte: u8) -> Quoting {
        let ends_field = matches!(byte, b',' | b'\r' | b'\n');
        match self {
            Quoting::FieldStart if byte == b'"' => Quoting::Quoted,
            Quoting::Quoted if byte == b'"' => Quoting::QuoteInQuoted,
            Quoting::Quoted => Quoting::Quoted,
            Quoting::QuoteInQuoted if byte == b'"' => Quoting::Quoted,
            _ if ends_field => Quoting::FieldStart,
            _ => Quoting::Unquoted,
        }
    }
}

/// Follows CSV text as it arrives, piece by piece, and remembers the last place where a record
/// ends with a line feed outside quotes: text up to there can be parsed on its own, and the text
/// after it starts a record. Text without quotes (the common case) is not read byte by byte.
#[derive(Debug, Clone)]
pub struct Cuts {
    state: Quoting,
    /// Bytes followed so far.
    seen: usize,
    /// The offset just after the last line feed that ends a record (0: none yet).
    last: usize,
}

impl Default for Cuts {
    fn default() -> Cuts {
        Cuts { state: Quoting::FieldStart, seen: 0, last: 0 }
    }
}

impl Cuts {
    /// Follows the next piece of the text.
    pub fn follow(&mut self, piece: &[u8]) {
        let Some(&last_byte) = piece.last() else { return };
        if self.state != Quoting::Quoted && memchr::memchr(b'"', piece).is_none() {
            // No quote: nothing is quoted, every line feed ends a record.
            if let Some(at) = memchr::memrchr(b'\n', piece) {
                self.last = self.seen + at + 1;
            }
            self.state = Quoting::FieldStart.after(last_byte);
        } else {
            for (at, &byte) in piece.iter().enumerate() {
                let quoted = self.state == Quoting::Quoted;
                self.state = self.state.after(byte);
                if byte == b'\n' && !quoted {
                    self.last = self.seen + at + 1;
                }
            }
        }
        self.seen += piece.len();
    }

    /// The offset just after the last record that ends with a line feed, 0 if none does.
    pub fn last(&self) -> usize {
        self.last
    }

    /// Forgets the first `count` bytes (cut off and handed on): offsets count from there.
    pub fn drop_front(&mut self, count: usize) {
        self.seen -= count;
        self.last = self.last.saturating_sub(count);
    }
}

/// The lines a piece of text ends (LF, CRLF and CR alone each end one), for text that does not
/// start with the LF of a CRLF split from the text before.
pub fn line_ends(text: &[u8]) -> usize {
    let feeds = memchr::memchr_iter(b'\n', text).count();
    let lone_returns = memchr::memchr_iter(b'\r', text).filter(|&at| text.get(at + 1) != Some(&b'\n')).count();
    feeds + lone_returns
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The last cut found when the text arrives in pieces of `piece` bytes.
    fn last_cut_in_pieces(text: &[u8], piece: usize) -> usize {
        let mut cuts = Cuts::default();
        text.chunks(piece).for_each(|part| cuts.follow(part));
        cuts.last()
    }

    /// Every offset at which a CSV parser that stops there would end a whole record: the text
    /// before it, parsed alone, gives the same records as the first records of the whole text.
    fn record_ends(text: &[u8]) -> Vec<usize> {
        let all: Vec<csv::ByteRecord> = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text)
            .byte_records()
            .map(Result::unwrap)
            .collect();
        (1..=text.len())
            .filter(|&end| text[end - 1] == b'\n')
            .filter(|&end| {
                let head: Vec<csv::ByteRecord> = csv::ReaderBuilder::new()
                    .has_headers(false)
                    .flexible(true)
                    .from_reader(&text[..end])
                    .byte_records()
                    .map(Result::unwrap)
                    .collect();
                let tail: Vec<csv::ByteRecord> = csv::ReaderBuilder::new()
                    .has_headers(false)
                    .flexible(true)
                    .from_reader(&text[end..])
                    .byte_records()
                    .map(Result::unwrap)
                    .collect();
                head.iter().chain(&tail).eq(all.iter())
            })
            .collect()
    }

    #[test]
    fn a_line_feed_inside_quotes_is_no_cut() {
        let text = b"a,\"one\ntwo\",b\nc,d\n";
        let mut cuts = Cuts::default();
        cuts.follow(&text[..8]);
        assert_eq!(cuts.last(), 0, "the newline at 6 is inside quotes");
        cuts.follow(&text[8..]);
        assert_eq!(cuts.last(), text.len());
    }

    #[test]
    fn cuts_are_where_a_csv_parser_ends_records_in_any_pieces() {
        let texts: [&[u8]; 6] = [
            b"h,i\na,\"x\ny\",b\nc,\"\"\"\n\"\n",
            b"a,b\"c\nd,\"e\"\"\n\"f\ng\n",
            b"\"a\"b,\"\n\"\r\nc\n\n\"\n\",x\n",
            b"plain,text\nno,quotes\n",
            b"q,\"\"\n\"\",\"\n\"\"\n\"\n",
            b"a\r\nb\rc\n\"d\re\"\r\n",
        ];
        for text in texts {
            let expected = record_ends(text);
            let mut cuts = Cuts::default();
            let mut byte_wise: Vec<usize> = text
                .iter()
                .map(|&byte| {
                    cuts.follow(&[byte]);
                    cuts.last()
                })
                .filter(|&c| c > 0)
                .collect();
            byte_wise.dedup();
            assert_eq!(byte_wise, expected, "{:?}", String::from_utf8_lossy(text));
            for piece in [2, 3, 5, 64] {
                let last = last_cut_in_pieces(text, piece);
                assert_eq!(last, *expected.last().unwrap(), "{:?} in pieces of {piece}", String::from_utf8_lossy(text));
            }
        }
    }

    #[test]
    fn dropping_the_front_keeps_offsets_in_the_rest() {
        let mut cuts = Cuts::default();
        cuts.follow(b"a,b\nc,d\ne");
        assert_eq!(cuts.last(), 8);
        cuts.drop_front(8);
        assert_eq!(cuts.last(), 0);
        cuts.follow(b",f\n");
        assert_eq!(cuts.last(), 4);
    }

    #[test]
    fn line_ends_count_each_style_once() {
        assert_eq!(line_ends(b"a\nb\r\nc\rd"), 3);
        assert_eq!(line_ends(b"\r\n\r\n\n"), 3);
        assert_eq!(line_ends(b"no end"), 0);
    }
}
