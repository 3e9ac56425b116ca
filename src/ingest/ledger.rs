//! The claims ledger: a CSV file with one dated control claim per row, parsed into typed rows with their line numbers.

use crate::date::DateSpan;
use crate::ingest::limits::{Limited, Limits, Overrun, OverrunError};
use crate::ingest::records::{Fields, Records, ScanError, Scanner};
use crate::model::{Diagnostic, Event, Modality, Origin, SourceRef, parse_sources};
use crate::name::{Interner, Name};
use crate::text::formula_unguarded;

/// The columns a ledger knows; any other column is kept as an extra.
pub const COLUMNS: [&str; 10] =
    ["date", "place", "holder", "event", "other", "modality", "source", "note", "lat", "lon"];
const REQUIRED: [&str; 4] = ["date", "place", "holder", "event"];

/// One parsed ledger row; place and factions are still text, resolved by the places stage. They
/// are shared names (one per distinct text within a file), so a row costs no allocation for them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerRow {
    pub origin: Origin,
    pub date: DateSpan,
    pub place: Name,
    pub holder: Name,
    pub event: Event,
    pub other: Option<Name>,
    pub modality: Modality,
    pub sources: Vec<SourceRef>,
    pub note: String,
    /// Where the place is, when the row gives `lat` and `lon`: it pins the place to that point.
    pub point: Option<Point>,
    pub extra: Vec<(String, String)>,
}

/// A WGS84 position given in a ledger row.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub lat: f64,
    pub lon: f64,
}

impl Eq for Point {}

/// A parsed ledger file: the good rows, and a diagnostic for every row that was rejected.
#[derive(Debug, Clone, Default)]
pub struct Ledger {
    pub file: String,
    pub rows: Vec<LedgerRow>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses ledger bytes. A file that cannot be read as a ledger at all (not UTF-8, empty, no
/// header, a required column missing) is an `Err`; bad rows become diagnostics and are skipped.
pub fn parse(file: &str, bytes: &[u8]) -> Result<Ledger, Diagnostic> {
    let mut ledger = Ledger { file: file.to_string(), ..Ledger::default() };
    read(file, bytes, Limits { max_bytes: u64::MAX, max_line: usize::MAX }, |row| match row {
        Ok(row) => ledger.rows.push(row),
        Err(diagnostic) => ledger.diagnostics.push(diagnostic),
    })?;
    Ok(ledger)
}

/// Streams a ledger: hands each row (or the diagnostic that rejects it) to `each` as it is read,
/// so memory does not grow with the file. The same rules as [`parse`]; beyond them, passing a
/// limit (the file's size, a line's length) is an `Err` naming it.
///
/// Two threads share the work: this one reads CSV records (and calls `each`), a second one
/// checks and types them a batch at a time; `each` sees the rows in file order.
pub fn read(
    file: &str,
    input: impl std::io::Read,
    limits: Limits,
    mut each: impl FnMut(Result<LedgerRow, Diagnostic>),
) -> Result<(), Diagnostic> {
    let mut scanner = Scanner::new(Limited::new(input, limits));
    let mut header = Records::default();
    match scanner.next(&mut header) {
        Ok(true) => {}
        Ok(false) => {
            return Err(Diagnostic::error(file, None, None, "the ledger is empty")
                .with_hint(format!("a ledger starts with the header line {}", COLUMNS.join(","))));
        }
        // The header's problems are named on line 1, wherever blank lines put it.
        Err(ScanError::Utf8(_)) => return Err(unreadable(file, ScanError::Utf8(1), limits, Some(1))),
        Err(e) => return Err(unreadable(file, e, limits, Some(1))),
    }
    let columns = Columns::locate(file, header.get(0).1)?;
    let mut rows = 0usize;
    let outcome = std::thread::scope(|scope| {
        let (to_worker, batches) = std::sync::mpsc::sync_channel::<Records>(IN_FLIGHT);
        let (to_reader, results) = std::sync::mpsc::channel::<(Records, Vec<Result<LedgerRow, Diagnostic>>)>();
        let columns = &columns;
        scope.spawn(move || {
            // Place and faction texts repeat on every row: one shared name per distinct text.
            let mut names = Interner::default();
            for batch in batches {
                let rows = batch.iter().map(|(line, fields)| columns.row(line, fields, &mut names)).collect();
                if to_reader.send((batch, rows)).is_err() {
                    break;
                }
            }
        });
        let mut spare: Vec<Records> = Vec::new();
        let mut pending = 0usize;
        let mut deliver = |message: (Records, Vec<Result<LedgerRow, Diagnostic>>), spare: &mut Vec<Records>| {
            message.1.into_iter().for_each(&mut each);
            spare.push(message.0);
        };
        let outcome = loop {
            let mut batch = spare.pop().unwrap_or_default();
            let read = fill(&mut scanner, &mut batch, &mut rows);
            let last = !matches!(read, Ok(true));
            if !batch.is_empty() {
                to_worker.send(batch).expect("the ledger worker runs until its input ends");
                pending += 1;
            }
            while let Ok(message) = results.try_recv() {
                pending -= 1;
                deliver(message, &mut spare);
            }
            if last {
                break read;
            }
        };
        drop(to_worker);
        for message in results.iter().take(pending) {
            deliver(message, &mut spare);
        }
        outcome
    });
    if let Err(e) = outcome {
        return Err(unreadable(file, e, limits, None));
    }
    if rows == 0 {
        each(Err(Diagnostic::warning(file, Some(1), None, "the ledger has a header but no claims")));
    }
    Ok(())
}

/// Records handed from the reading thread to the one that checks them, a batch at a time.
/// Records in a batch: large enough that handing over costs nothing, small enough to stream.
const BATCH: usize = 1024;
/// Batches on their way to the checking thread at once.
const IN_FLIGHT: usize = 4;

/// Reads up to [`BATCH`] records into `batch` (emptied first), counting them in `rows`:
/// `Ok(true)` while the input goes on, `Ok(false)` at its end, an error that stops the read.
fn fill<R: std::io::Read>(scanner: &mut Scanner<R>, batch: &mut Records, rows: &mut usize) -> Result<bool, ScanError> {
    batch.clear();
    while batch.len() < BATCH {
        if !scanner.next(batch)? {
            return Ok(false);
        }
        *rows += 1;
    }
    Ok(true)
}

/// Why reading stopped, in words: not UTF-8, a limit passed, or an I/O error. `line` is the
/// line to name for an I/O error (the header's, while it is read).
fn unreadable(file: &str, error: ScanError, limits: Limits, line: Option<usize>) -> Diagnostic {
    match error {
        ScanError::Utf8(line) => Diagnostic::error(file, Some(line), None, "the ledger is not UTF-8 text")
            .with_hint("save it as UTF-8 (a CSV export option in most spreadsheets)"),
        ScanError::Io(e) => match e.get_ref().and_then(|inner| inner.downcast_ref::<OverrunError>()) {
            Some(OverrunError(Overrun::Line(line))) => {
                Diagnostic::error(file, Some(*line), None, format!("the line is longer than {} bytes", limits.max_line))
                    .with_hint("a ledger row is one short line; is this a ledger?")
            }
            Some(OverrunError(Overrun::Size)) => Diagnostic::error(
                file,
                None,
                None,
                format!("is larger than the limit of {} MB", limits.max_bytes >> 20),
            )
            .with_hint("--max-ledger-mb raises it"),
            None => Diagnostic::error(file, line, None, format!("cannot read: {e}")),
        },
    }
}

/// Where each known column is in this file's header.
struct Columns {
    file: Name,
    index: [Option<usize>; COLUMNS.len()],
    extra: Vec<(usize, String)>,
    width: usize,
}

impl Columns {
    fn locate(file: &str, header: Fields) -> Result<Columns, Diagnostic> {
        let mut index = [None; COLUMNS.len()];
        let mut extra = Vec::new();
        for (at, name) in header.iter().map(str::trim).enumerate() {
            let lower = name.to_ascii_lowercase();
            match COLUMNS.iter().position(|c| *c == lower) {
                Some(known) if index[known].is_none() => index[known] = Some(at),
                Some(_) => {
                    return Err(Diagnostic::error(
                        file,
                        Some(1),
                        Some(name),
                        "this column appears twice in the header",
                    ));
                }
                None => extra.push((at, name.to_string())),
            }
        }
        if let Some(missing) = REQUIRED.iter().find(|r| index[column(r)].is_none()) {
            return Err(Diagnostic::error(file, Some(1), Some(missing), "required column is missing from the header")
                .with_hint(format!("the header must name at least {}", REQUIRED.join(","))));
        }
        Ok(Columns { file: file.into(), index, extra, width: header.len() })
    }

    fn get<'r>(&self, record: Fields<'r>, name: &str) -> &'r str {
        self.index[column(name)].and_then(|at| record.get(at)).map_or("", |v| formula_unguarded(crate::text::trim(v)))
    }

    fn row(&self, line: usize, record: Fields, names: &mut Interner) -> Result<LedgerRow, Diagnostic> {
        let file = self.file.as_str();
        let error = |field: &str, message: String| Diagnostic::error(file, Some(line), Some(field), message);
        if record.len() != self.width {
            let message = format!("expected {} fields as in the header, found {}", self.width, record.len());
            return Err(Diagnostic::error(file, Some(line), None, message)
                .with_hint("a field that contains a comma must be quoted"));
        }
        let date = self.get(record, "date").parse::<DateSpan>().map_err(|e| error("date", e.to_string()))?;
        let event = self.get(record, "event").parse::<Event>().map_err(|e| error("event", e))?;
        let modality = self.get(record, "modality").parse::<Modality>().map_err(|e| error("modality", e))?;
        let sources = parse_sources(self.get(record, "source")).map_err(|e| error("source", e))?;
        let place = self.get(record, "place");
        let holder = self.get(record, "holder");
        for (field, value) in [("place", place), ("holder", holder)] {
            if value.is_empty() {
                return Err(error(field, "is empty".into()));
            }
        }
        let point = self.point(record).map_err(|(field, message)| error(field, message))?;
        let other = Some(self.get(record, "other")).filter(|o| !o.is_empty()).map(|o| names.name(o));
        let extra = self
            .extra
            .iter()
            .map(|(at, name)| {
                (name.clone(), record.get(*at).map_or("", |v| formula_unguarded(crate::text::trim(v))).to_string())
            })
            .collect();
        Ok(LedgerRow {
            origin: Origin { file: self.file.clone(), line },
            date,
            place: names.name(place),
            holder: names.name(holder),
            event,
            other,
            modality,
            sources,
            note: self.get(record, "note").to_string(),
            point,
            extra,
        })
    }
    /// The optional `lat`/`lon` pair: both or neither, each a number in range.
    fn point(&self, record: Fields) -> Result<Option<Point>, (&'static str, String)> {
        let (lat, lon) = (self.get(record, "lat"), self.get(record, "lon"));
        let number = |field: &'static str, text: &str, limit: f64| {
            text.parse::<f64>().ok().filter(|v| v.is_finite() && v.abs() <= limit).ok_or_else(|| {
                (
                    field,
                    format!(
                        "{text:?} is not a {} in degrees (-{limit} to {limit})",
                        if field == "lat" { "latitude" } else { "longitude" }
                    ),
                )
            })
        };
        match (lat.is_empty(), lon.is_empty()) {
            (true, true) => Ok(None),
            (false, true) => Err(("lon", "is empty while lat is given; give both or neither".into())),
            (true, false) => Err(("lat", "is empty while lon is given; give both or neither".into())),
            (false, false) => Ok(Some(Point { lat: number("lat", lat, 90.0)?, lon: number("lon", lon, 180.0)? })),
        }
    }
}

fn column(name: &str) -> usize {
    // The hot path (every field of every row) matches on the name instead of searching COLUMNS.
    match name {
        "date" => 0,
        "place" => 1,
        "holder" => 2,
        "event" => 3,
        "other" => 4,
        "modality" => 5,
        "source" => 6,
        "note" => 7,
        "lat" => 8,
        "lon" => 9,
        _ => COLUMNS.iter().position(|c| *c == name).expect("a known column name"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "date,place,holder,event,other,modality,source,note\n";

    #[test]
    fn parses_rows_with_their_lines_and_keeps_extra_columns() {
        let text = "date,place,holder,event,source,reviewer\n2017-10,Raqqa,sdf,captured,a.txt#3,anna\n2017-07-09,Mosul,iraqi-gov,captured,b.txt#1;c.txt#2,\n";
        let ledger = parse("l.csv", text.as_bytes()).unwrap();
        assert!(ledger.diagnostics.is_empty(), "{:?}", ledger.diagnostics);
        assert_eq!(ledger.rows.len(), 2);
        assert_eq!(ledger.rows[0].origin.line, 2);
        assert_eq!(ledger.rows[1].origin.line, 3);
        assert_eq!(ledger.rows[0].extra, vec![("reviewer".to_string(), "anna".to_string())]);
        assert_eq!(ledger.rows[1].sources.len(), 2);
        assert_eq!(ledger.rows[1].modality, Modality::Fact);
    }

    #[test]
    fn bad_rows_become_diagnostics_naming_line_and_field() {
        let text = format!(
            "{HEADER}2017-13,Raqqa,sdf,captured,,,,\n2017-10,Raqqa,sdf,seized,,,,\n2017-10,Raqqa,sdf\n2017-10,,sdf,holds,,,,\n"
        );
        let ledger = parse("l.csv", text.as_bytes()).unwrap();
        let messages: Vec<String> = ledger.diagnostics.iter().map(ToString::to_string).collect();
        assert_eq!(ledger.rows.len(), 0);
        assert!(messages[0].starts_with("l.csv:2: date: "), "{messages:?}");
        assert!(messages[1].starts_with("l.csv:3: event: unknown event"), "{messages:?}");
        assert!(messages[2].starts_with("l.csv:4: expected 8 fields"), "{messages:?}");
        assert!(messages[3].starts_with("l.csv:5: place: is empty"), "{messages:?}");
    }

    #[test]
    fn unreadable_files_are_errors() {
        assert!(parse("e.csv", b"").unwrap_err().to_string().contains("empty"));
        let latin1 = b"date,place,holder,event\n2017,Caf\xe9,is,holds\n";
        assert_eq!(
            parse("x.csv", latin1).unwrap_err().to_string(),
            "x.csv:2: the ledger is not UTF-8 text; save it as UTF-8 (a CSV export option in most spreadsheets)"
        );
        let no_event = parse("h.csv", b"date,place,holder\n").unwrap_err();
        assert_eq!(no_event.field.as_deref(), Some("event"));
    }

    #[test]
    fn fields_and_header_names_are_trimmed_and_columns_found_by_name() {
        let ledger =
            parse("t.csv", b" date , Place ,holder,event, note\n 2017 , Raqqa ,is, holds ,  a note \n").unwrap();
        assert!(ledger.diagnostics.is_empty(), "{:?}", ledger.diagnostics);
        assert_eq!((ledger.rows[0].place.as_str(), ledger.rows[0].note.as_str()), ("Raqqa", "a note"));
        assert_eq!(ledger.rows[0].holder, "is");
        for (at, name) in COLUMNS.iter().enumerate() {
            assert_eq!(column(name), at);
        }
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        let ledger = parse("b.csv", b"\xEF\xBB\xBFdate,place,holder,event\n2017,Raqqa,is,holds\n").unwrap();
        assert!(ledger.diagnostics.is_empty(), "{:?}", ledger.diagnostics);
        assert_eq!(ledger.rows[0].place, "Raqqa");
    }

    #[test]
    fn limits_stop_the_read_naming_the_line() {
        let limits = Limits { max_bytes: 1 << 20, max_line: 60 };
        let text = format!("{HEADER}2017,Raqqa,is,holds,,,,\n2017,Raqqa,is,holds,,,,{}\n", "x".repeat(50));
        let error = read("l.csv", text.as_bytes(), limits, |_| ()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "l.csv:3: the line is longer than 60 bytes; a ledger row is one short line; is this a ledger?"
        );
        let small = Limits { max_bytes: 60, max_line: 1000 };
        let error = read("l.csv", text.as_bytes(), small, |_| ()).unwrap_err();
        assert!(error.to_string().contains("larger than the limit"), "{error}");
    }

    #[test]
    fn rows_over_many_batches_keep_their_order_lines_and_errors() {
        let bad = 2 * BATCH + 3;
        let mut text = String::from(HEADER);
        for n in 0..3 * BATCH + 7 {
            if n == bad {
                text.push_str("2017-13,Raqqa,is,holds,,,,\n");
            } else {
                text.push_str(&format!("2017-10,Town {n},is,holds,,,a.txt#{},\n", n + 1));
            }
        }
        let ledger = parse("l.csv", text.as_bytes()).unwrap();
        assert_eq!(ledger.rows.len(), 3 * BATCH + 6);
        for (at, row) in ledger.rows.iter().enumerate() {
            let n = if at < bad { at } else { at + 1 };
            assert_eq!((row.place.as_str(), row.origin.line), (format!("Town {n}").as_str(), n + 2));
        }
        assert_eq!(ledger.diagnostics.len(), 1);
        assert!(ledger.diagnostics[0].to_string().starts_with(&format!("l.csv:{}: date: ", bad + 2)));
    }

    #[test]
    fn a_limit_passed_after_many_batches_stops_the_read_naming_the_line() {
        let mut text = String::from(HEADER);
        for _ in 0..2 * BATCH + 5 {
            text.push_str("2017,Raqqa,is,holds,,,,\n");
        }
        text.push_str(&format!("2017,Raqqa,is,holds,,,,{}\n", "x".repeat(100)));
        let mut seen = 0;
        let error =
            read("l.csv", text.as_bytes(), Limits { max_bytes: 1 << 20, max_line: 60 }, |_| seen += 1).unwrap_err();
        assert_eq!(error.line, Some(2 * BATCH + 7), "{error}");
        assert!(seen <= 2 * BATCH + 5, "{seen}");
    }

    #[test]
    fn a_file_shares_one_name_per_place_and_faction_text() {
        let text = format!("{HEADER}2017,Raqqa,is,captured,sdf,,,\n2017,Raqqa,sdf,holds,,,,\n");
        let ledger = parse("l.csv", text.as_bytes()).unwrap();
        let (a, b) = (&ledger.rows[0], &ledger.rows[1]);
        assert_eq!(a.place.address(), b.place.address());
        assert_eq!(a.other.as_ref().map(Name::address), Some(b.holder.address()));
        assert_ne!(a.holder.address(), b.holder.address());
        assert_eq!((a.holder.as_str(), b.holder.as_str()), ("is", "sdf"));
    }

    #[test]
    fn a_header_without_rows_is_a_warning() {
        let ledger = parse("h.csv", HEADER.as_bytes()).unwrap();
        assert!(ledger.rows.is_empty());
        assert!(!ledger.diagnostics[0].is_error());
    }
}
