//! Terminal output: aligned tables, JSON, and a writer that treats a closed pipe as a normal end.
//! Every line of text printed (standard output and standard error) has its control characters
//! escaped by [`crate::text::printable`], so text from data cannot drive the terminal.

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use crate::text::{printable, printable_line};

/// An aligned text table.
#[derive(Debug, Default)]
pub struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(header: &[&str]) -> Table {
        Table { header: header.iter().map(|h| h.to_string()).collect(), rows: Vec::new() }
    }

    /// Adds a row; control characters and line breaks in cells are escaped (one row, one line).
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells.into_iter().map(|cell| printable_line(&cell).into_owned()).collect());
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The table as text: columns padded to their widest cell, two spaces apart, no trailing spaces.
    pub fn render(&self) -> String {
        let columns = self.header.len();
        let mut widths: Vec<usize> = self.header.iter().map(|h| h.width()).collect();
        for row in &self.rows {
            for (i, cell) in row.iter().enumerate().take(columns) {
                widths[i] = widths[i].max(cell.width());
            }
        }
        let mut out = String::new();
        for row in std::iter::once(&self.header).chain(&self.rows) {
            let mut line = String::new();
            for (i, cell) in row.iter().enumerate().take(columns) {
                line.push_str(cell);
                if i + 1 < columns {
                    line.push_str(&" ".repeat(widths[i] - cell.width() + 2));
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}

/// Writes to standard output; a closed pipe (`controlmap at … | head`) ends the output quietly.
pub struct Out {
    inner: io::BufWriter<io::Stdout>,
    closed: bool,
}

impl Default for Out {
    fn default() -> Self {
        Out { inner: io::BufWriter::new(io::stdout()), closed: false }
    }
}

impl Out {
    /// Writes text for the terminal, control characters escaped (line breaks kept).
    pub fn text(&mut self, text: &str) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        match self.inner.write_all(printable(text).as_bytes()) {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            other => other,
        }
    }

    pub fn line(&mut self, text: &str) -> io::Result<()> {
        self.text(text)?;
        self.text("\n")
    }

    /// Pretty JSON followed by a newline.
    pub fn json<T: serde::Serialize>(&mut self, value: &T) -> io::Result<()> {
        let text = serde_json::to_string_pretty(value).map_err(io::Error::other)?;
        self.line(&text)
    }

    pub fn flush(&mut self) -> io::Result<()> {
        match self.inner.flush() {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
            other => other,
        }
    }
}

impl Write for Out {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if !self.closed {
            match self.inner.write_all(buf) {
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => self.closed = true,
                other => other?,
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Out::flush(self)
    }
}

impl Drop for Out {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

/// Prints one line to standard error, control characters escaped: every message of controlmap
/// on standard error goes through here.
pub fn warn_line(text: &str) {
    eprintln!("{}", printable(text));
}

/// Prints one line to standard output; a closed pipe is not an error (the line is dropped).
pub fn say(text: &str) -> io::Result<()> {
    let mut out = Out::default();
    out.line(text)?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_align_on_display_width() {
        let mut t = Table::new(&["place", "holder"]);
        t.row(vec!["Ḩawījah".into(), "is".into()]);
        t.row(vec!["Raqqa".into(), "sdf".into()]);
        assert_eq!(t.render(), "place    holder\nḨawījah  is\nRaqqa    sdf\n");
    }

    #[test]
    fn cells_with_control_characters_stay_on_one_aligned_line() {
        let mut t = Table::new(&["place", "holder"]);
        t.row(vec!["Ra\u{1b}[2Jqqa\nX".into(), "is".into()]);
        assert_eq!(t.render(), "place                 holder\nRa\\u{1b}[2Jqqa\\u{a}X  is\n");
    }
}
