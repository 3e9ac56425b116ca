//! Text from data made safe where it leaves the program: control characters escaped for the
//! terminal, and spreadsheet formulas neutralised in CSV cells. Every printer and every CSV
//! writer goes through these functions.

use std::borrow::Cow;
use std::io::Write;

/// Text for the terminal: every control character (C0, DEL and C1, such as ESC, BEL or a
/// carriage return) written as a Rust escape, `\u{1b}`, so data cannot move the cursor, clear
/// the screen or ring the bell. Line breaks are kept; see [`printable_line`] for one-line text.
pub fn printable(text: &str) -> Cow<'_, str> {
    escape_controls(text, |c| c == '\n')
}

/// [`printable`] for text that must stay on one line (a table cell, a name): line breaks are escaped too.
pub fn printable_line(text: &str) -> Cow<'_, str> {
    escape_controls(text, |_| false)
}

fn escape_controls(text: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(|c| c.is_control() && !keep(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() && !keep(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Whether text holds a control character other than a tab (which `lint` warns about).
pub fn has_control_characters(text: &str) -> bool {
    // Control characters are U+0000..U+001F, U+007F and U+0080..U+009F (bytes C2 80..C2 9F): text
    // without such a byte (every ledger field, nearly always) is passed over without decoding.
    let maybe = |b: &u8| (*b < 0x20 && *b != b'\t') || *b == 0x7f || *b == 0xc2;
    text.as_bytes().iter().any(maybe) && text.chars().any(|c| c.is_control() && c != '\t')
}

/// [`str::trim`], with a shortcut for text that starts and ends with a visible ASCII character
/// (nearly every ledger field): such text has no white space to remove, and is returned as it
/// is without decoding characters from either end. Same result as `str::trim` for any text.
pub fn trim(text: &str) -> &str {
    let visible = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii() && !matches!(b, b' ' | b'\t'..=b'\r'));
    let bytes = text.as_bytes();
    if bytes.is_empty() || (visible(bytes.first()) && visible(bytes.last())) { text } else { text.trim() }
}

/// A CSV cell that a spreadsheet will not run as a formula: a cell starting with `=`, `+`, `-`,
/// `@`, a tab or a carriage return gets a leading `'`, unless the whole cell is a number (`-3.5`).
pub fn formula_safe(cell: &str) -> Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && !cell.parse::<f64>().is_ok_and(f64::is_finite) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// The cell [`formula_safe`] was given, for a cell it wrote (`'=x` → `=x`); other text is
/// returned as it is. Ledger readers use it, so `extract`'s output reads back unchanged.
pub fn formula_unguarded(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if formula_safe(rest) == cell => rest,
        _ => cell,
    }
}

/// A CSV writer whose every cell goes through [`formula_safe`]: the one way controlmap writes CSV.
pub struct CsvWriter<W: Write> {
    inner: csv::Writer<W>,
}

impl<W: Write> CsvWriter<W> {
    pub fn new(out: W) -> CsvWriter<W> {
        CsvWriter { inner: csv::WriterBuilder::new().has_headers(false).from_writer(out) }
    }

    /// Writes one record, each cell made formula-safe.
    pub fn write_record<I, T>(&mut self, cells: I) -> csv::Result<()>
    where
        I: IntoIterator<Item = T>,
        T: AsRef<str>,
    {
        self.inner.write_record(cells.into_iter().map(|cell| formula_safe(cell.as_ref()).into_owned()))
    }

    /// Writes one serde row (a struct of plain fields, as `csv` serialises it), each cell made formula-safe.
    pub fn serialize<T: serde::Serialize>(&mut self, row: &T) -> csv::Result<()> {
        let mut scratch = csv::WriterBuilder::new().has_headers(false).from_writer(Vec::new());
        scratch.serialize(row)?;
        let bytes = scratch.into_inner().map_err(|e| csv::Error::from(e.into_error()))?;
        let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(bytes.as_slice());
        let mut record = csv::StringRecord::new();
        reader.read_record(&mut record)?;
        self.write_record(&record)
    }

    pub fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }

    /// The underlying writer, flushed.
    pub fn into_inner(self) -> std::io::Result<W> {
        self.inner.into_inner().map_err(|e| std::io::Error::other(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_trim_matches_str_trim_for_every_edge_character() {
        let edges = ["", " ", "\t", "\r\n", "\u{a0}", "\u{2003}", "\u{85}", "\u{1c}", "a", "é", "#", "\u{feff}"];
        for first in edges {
            for last in edges {
                for middle in ["", "x", " y ", "\u{3000}"] {
                    let text = format!("{first}{middle}{last}");
                    assert_eq!(trim(&text), text.trim(), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn the_byte_test_finds_exactly_the_control_characters() {
        for c in (0..=0x10ffffu32).filter_map(char::from_u32) {
            let text = format!("a{c}b");
            assert_eq!(has_control_characters(&text), c.is_control() && c != '\t', "{:x}", c as u32);
        }
    }

    #[test]
    fn control_characters_are_escaped_and_plain_text_is_borrowed() {
        assert_eq!(printable("Raqqa\u{1b}[2J\u{7}"), "Raqqa\\u{1b}[2J\\u{7}");
        assert_eq!(printable("two\nlines\r"), "two\nlines\\u{d}");
        assert_eq!(printable_line("two\nlines\t"), "two\\u{a}lines\\u{9}");
        assert_eq!(printable("\u{9b}31m"), "\\u{9b}31m");
        assert!(matches!(printable("Ḩawījah"), Cow::Borrowed(_)));
        assert!(has_control_characters("a\u{7}") && !has_control_characters("a\tb"));
    }

    #[test]
    fn formula_cells_get_a_quote_and_numbers_do_not() {
        for (cell, safe) in [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
            ("+1+1", "'+1+1"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("-inf", "'-inf"),
            ("-36.12345", "-36.12345"),
            ("+3", "+3"),
            ("Raqqa", "Raqqa"),
            ("a=b", "a=b"),
            ("", ""),
        ] {
            assert_eq!(formula_safe(cell), safe, "{cell:?}");
            assert_eq!(formula_unguarded(&formula_safe(cell)), cell, "{cell:?} reads back");
        }
    }

    #[test]
    fn only_a_guard_the_writer_adds_is_taken_off() {
        assert_eq!(formula_unguarded("'-3"), "'-3");
        assert_eq!(formula_unguarded("'Raqqa"), "'Raqqa");
        assert_eq!(formula_unguarded("'-#1"), "-#1");
    }

    #[derive(serde::Serialize)]
    struct Row {
        place: String,
        lon: f64,
        note: Option<String>,
        stale: bool,
    }

    #[test]
    fn the_writer_neutralises_every_cell_of_records_and_serde_rows() {
        let mut writer = CsvWriter::new(Vec::new());
        writer.write_record(["place", "lon", "note", "stale"]).unwrap();
        let row = Row { place: "=cmd|' /C calc'!A0".into(), lon: -36.5, note: Some("@x, y".into()), stale: true };
        writer.serialize(&row).unwrap();
        writer.serialize(&Row { place: "Mosul".into(), lon: 43.1, note: None, stale: false }).unwrap();
        let text = String::from_utf8(writer.into_inner().unwrap()).unwrap();
        assert_eq!(text, "place,lon,note,stale\n'=cmd|' /C calc'!A0,-36.5,\"'@x, y\",true\nMosul,43.1,,false\n");
    }
}
