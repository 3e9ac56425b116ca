//! The claims ledger: a CSV file with one dated control claim per row, parsed into typed rows with their line numbers.

use crate::date::DateSpan;
use crate::ingest::csv_chunks::{Cuts, line_ends};
use crate::ingest::limits::{Limited, Limits, Overrun, OverrunError};
use crate::model::{Diagnostic, Event, Modality, Origin, SourceRef, parse_sources};
use crate::name::Name;
use crate::text::formula_unguarded;

/// The columns a ledger knows; any other column is kept as an extra.
pub const COLUMNS: [&str; 10] =
    ["date", "place", "holder", "event", "other", "modality", "source", "note", "lat", "lon"];
const REQUIRED: [&str; 4] = ["date", "place", "holder", "event"];

/// One parsed ledger row; place and factions are still text, resolved by the places stage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerRow {
    pub origin: Origin,
    pub date: DateSpan,
    pub place: String,
    pub holder: String,
    pub event: Event,
    pub other: Option<String>,
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
/// A ledger larger than [`CHUNK`] is cut into chunks at record ends (see [`Cuts`]) that two
/// threads parse and type at once, while this one reads on and calls `each` with the rows in
/// file order. A smaller one, or one whose first record is not a plain header line, is read as
/// one stream: a second thread types the records this one reads. Either way `each` sees the same
/// rows, lines and diagnostics, and the same error ends the read.
pub fn read(
    file: &str,
    input: impl std::io::Read,
    limits: Limits,
    each: impl FnMut(Result<LedgerRow, Diagnostic>),
) -> Result<(), Diagnostic> {
    read_in_chunks(file, input, limits, CHUNK, each)
}

/// Bytes of ledger text parsed as one piece by one thread.
const CHUNK: usize = 1 << 20;
/// Bytes read at once: the CSV reader's own buffer size, so a read that fails (a limit passed)
/// fails after the same bytes as when one CSV reader reads the whole stream.
const PIECE: usize = 8 << 10;
/// Threads parsing chunks.
const CHUNK_WORKERS: usize = 2;
/// Chunks sent off and not yet handed on, at most: enough to keep the threads busy.
const CHUNKS_IN_FLIGHT: usize = 6;

fn read_in_chunks(
    file: &str,
    mut input: impl std::io::Read,
    limits: Limits,
    chunk: usize,
    mut each: impl FnMut(Result<LedgerRow, Diagnostic>),
) -> Result<(), Diagnostic> {
    let (first, failure) = read_up_to(&mut input, chunk);
    let head = if failure.is_none() && first.len() >= chunk { plain_header(&first, limits) } else { None };
    let Some((head_end, header)) = head else {
        let mut limited = Limited::new(Replay::new(first, failure, Some(input)), limits);
        return read_stream(file, &mut limited, limits, &mut each);
    };
    let columns = Columns::locate(file, &header)?;
    let mut limited = Limited::new(Replay::new(first, None, Some(input)), limits);
    let mut skipped = vec![0u8; head_end];
    std::io::Read::read_exact(&mut limited, &mut skipped)
        .map_err(|e| unreadable(file, csv::Error::from(e), limits, Some(1)))?;
    let mut delivery = Delivery {
        file,
        limits,
        next: 0,
        waiting: Default::default(),
        line: 1 + line_ends(&skipped),
        rows: 0,
        spare: Vec::new(),
    };
    drop(skipped);
    let columns = &columns;
    let (to_workers, jobs) = std::sync::mpsc::channel::<(usize, Buffers)>();
    let jobs = std::sync::Mutex::new(jobs);
    let (to_reader, results) = std::sync::mpsc::channel::<(usize, ParsedChunk)>();
    std::thread::scope(|scope| {
        for _ in 0..CHUNK_WORKERS {
            let (jobs, to_reader) = (&jobs, to_reader.clone());
            scope.spawn(move || {
                let mut parser = ChunkParser::default();
                while let Ok((at, buffers)) = jobs.lock().map_err(|_| ()).and_then(|jobs| jobs.recv().map_err(|_| ())) {
                    if to_reader.send((at, parser.parse(file, columns, buffers))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(to_reader);
        let mut pending: Vec<u8> = Vec::with_capacity(chunk + PIECE);
        let mut cuts = Cuts::default();
        let mut sent = 0usize;
        let mut offset = head_end;
        let ending = loop {
            // Reads end where one CSV reader's would (every PIECE bytes), so a limit passed
            // mid-way stops the read after the same bytes.
            let length = pending.len();
            pending.resize(length + PIECE - offset % PIECE, 0);
            let read = std::io::Read::read(&mut limited, &mut pending[length..]);
            pending.truncate(length + *read.as_ref().unwrap_or(&0));
            offset += *read.as_ref().unwrap_or(&0);
            match read {
                Ok(0) => break None,
                Ok(_) => cuts.follow(&pending[length..]),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => break Some(e),
            }
            if pending.len() >= chunk && cuts.last() > 0 {
                let cut = cuts.last();
                let (mut rest, rows) = delivery.spare.pop().unwrap_or_default();
                rest.clear();
                rest.extend_from_slice(&pending[cut..]);
                cuts.drop_front(cut);
                let mut whole = std::mem::replace(&mut pending, rest);
                whole.truncate(cut);
                while sent - delivery.next >= CHUNKS_IN_FLIGHT {
                    let message = results.recv().expect("the chunk threads answer every chunk");
                    delivery.take(message, &mut each)?;
                }
                to_workers.send((sent, (whole, rows))).expect("the chunk threads run until the reading ends");
                sent += 1;
            }
            while let Ok(message) = results.try_recv() {
                delivery.take(message, &mut each)?;
            }
        };
        drop(to_workers);
        while delivery.next < sent {
            let message = results.recv().expect("the chunk threads answer every chunk");
            delivery.take(message, &mut each)?;
        }
        // The rest (and the error that ended the read, if one did) as one stream, as it would
        // be at the end of a whole file: records completed before the error count.
        let offset = delivery.line - 1;
        let mut tail = Limited::new(
            Replay::<std::io::Empty>::new(pending, ending, None),
            Limits { max_bytes: u64::MAX, max_line: usize::MAX },
        );
        let mut reader = csv::ReaderBuilder::new().flexible(true).has_headers(false).from_reader(&mut tail);
        let mut shifted = |row: Result<LedgerRow, Diagnostic>| each(shift_lines(row, offset));
        if let Err((e, line)) = records(file, &mut reader, columns, &mut delivery.rows, &mut shifted) {
            return Err(unreadable(file, e, limits, line.map(|l| l + offset)));
        }
        if delivery.rows == 0 {
            each(Err(Diagnostic::warning(file, Some(1), None, "the ledger has a header but no claims")));
        }
        Ok(())
    })
}

/// Reads until `want` bytes are in, the input ends, or a read fails (the error is returned
/// with the bytes read before it).
fn read_up_to(input: &mut impl std::io::Read, want: usize) -> (Vec<u8>, Option<std::io::Error>) {
    let mut bytes = vec![0u8; want];
    let mut length = 0;
    while length < want {
        match input.read(&mut bytes[length..]) {
            Ok(0) => break,
            Ok(n) => length += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => {
                bytes.truncate(length);
                return (bytes, Some(e));
            }
        }
    }
    bytes.truncate(length);
    (bytes, None)
}

/// The header when the text starts with a header record that ends in a line feed and is all it
/// holds up to there, not blank, and within the limits: where it ends and its fields. Otherwise
/// `None`, and the ledger is read as one stream (which gives whatever message that text deserves).
fn plain_header(text: &[u8], limits: Limits) -> Option<(usize, csv::StringRecord)> {
    let mut cuts = Cuts::default();
    let end = text.iter().position(|&byte| {
        cuts.follow(&[byte]);
        cuts.last() > 0
    })? + 1;
    if end > limits.max_line || end as u64 > limits.max_bytes {
        return None;
    }
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(&text[..end]);
    let header = reader.headers().ok()?.clone();
    let alone = matches!(reader.read_record(&mut csv::StringRecord::new()), Ok(false));
    (alone && !header.iter().all(str::is_empty)).then_some((end, header))
}

/// A chunk's text and the list its rows go into: both are used again for later chunks, since
/// a new megabyte-sized buffer for every chunk costs the allocator more than the parsing.
type Buffers = (Vec<u8>, Vec<Result<LedgerRow, Diagnostic>>);

/// The rows of one chunk, with lines counted from the chunk's first line (1); the error that
/// stops the read there, if one does; the lines the chunk ends; its text, to be used again.
struct ParsedChunk {
    bytes: Vec<u8>,
    rows: Vec<Result<LedgerRow, Diagnostic>>,
    records: usize,
    failure: Option<(csv::Error, Option<usize>)>,
    lines: usize,
}

/// Parses and types chunks, one after another, with one CSV reader and one record: a new
/// reader for every chunk (its buffers) makes the allocator tidy up after every chunk, which
/// costs more than the parsing.
struct ChunkParser {
    reader: csv::Reader<std::io::Cursor<Vec<u8>>>,
    record: csv::StringRecord,
}

impl Default for ChunkParser {
    fn default() -> ChunkParser {
        let reader = csv::ReaderBuilder::new().flexible(true).has_headers(false).from_reader(Default::default());
        ChunkParser { reader, record: csv::StringRecord::new() }
    }
}

impl ChunkParser {
    /// Parses and types a chunk that starts and ends at record ends.
    fn parse(&mut self, file: &str, columns: &Columns, (bytes, mut rows): Buffers) -> ParsedChunk {
        rows.clear();
        let lines = line_ends(&bytes);
        *self.reader.get_mut() = std::io::Cursor::new(bytes);
        let mut records = 0;
        let failure = match self.reader.seek(csv::Position::new()) {
            Ok(()) => self.records(file, columns, &mut rows, &mut records),
            Err(e) => Some((e, None)),
        };
        let bytes = std::mem::take(self.reader.get_mut()).into_inner();
        ParsedChunk { bytes, rows, records, failure, lines }
    }

    /// The records of the chunk in the reader, into `rows` (counted in `records`); the error
    /// that stops them, if one does.
    fn records(
        &mut self,
        file: &str,
        columns: &Columns,
        rows: &mut Vec<Result<LedgerRow, Diagnostic>>,
        records: &mut usize,
    ) -> Option<(csv::Error, Option<usize>)> {
        // No `Limited` here (the limits were checked as the text was read): its table of line
        // starts, grown anew for every chunk, would be the same trouble as a new reader.
        let mut lines = LineCounter::default();
        let (reader, record) = (&mut self.reader, &mut self.record);
        loop {
            match reader.read_record(record) {
                Ok(false) => return None,
                Ok(true) => {
                    let line = record.position().map_or(0, |p| lines.record_line(reader.get_ref().get_ref(), p.byte()));
                    rows.push(columns.row(line, record));
                    *records += 1;
                }
                Err(e) => {
                    let line = e.position().map(|p| lines.record_line(reader.get_ref().get_ref(), p.byte()));
                    if !matches!(e.kind(), csv::ErrorKind::UnequalLengths { .. }) {
                        return Some((e, line));
                    }
                    rows.push(Err(Diagnostic::error(file, line, None, format!("malformed CSV: {e}"))));
                }
            }
        }
    }
}

/// Numbers the records of a text in order (as [`Limited::record_line`] does for a stream): a
/// record that the CSV reader places at an offset (the end of the record before) starts at the
/// first byte from there that is not a line end, on the line after the line ends before it.
#[derive(Default)]
struct LineCounter {
    /// Bytes counted so far, and the line ends among them.
    counted: usize,
    ends: usize,
}

impl LineCounter {
    fn record_line(&mut self, text: &[u8], offset: u64) -> usize {
        let from = (offset as usize).min(text.len());
        let start = from + text[from..].iter().take_while(|&&b| b == b'\r' || b == b'\n').count();
        if start > self.counted {
            // A record or two of text: counted byte by byte (a search costs more to start).
            let between = &text[self.counted..start];
            let lone_return = |at: usize| between.get(at + 1) != Some(&b'\n');
            self.ends +=
                between.iter().enumerate().filter(|&(at, &b)| b == b'\n' || (b == b'\r' && lone_return(at))).count();
            self.counted = start;
        }
        self.ends + 1
    }
}

/// Hands chunks on in file order: the rows of each with their lines in the file.
struct Delivery<'f> {
    file: &'f str,
    limits: Limits,
    /// The next chunk to hand on.
    next: usize,
    waiting: std::collections::BTreeMap<usize, ParsedChunk>,
    /// The file's line where the next chunk starts.
    line: usize,
    /// Records handed on.
    rows: usize,
    /// Buffers of chunks handed on, for the next ones.
    spare: Vec<Buffers>,
}

impl Delivery<'_> {
    /// Takes a parsed chunk and hands on every chunk now due; the error of one ends the read.
    fn take(
        &mut self,
        (at, parsed): (usize, ParsedChunk),
        each: &mut impl FnMut(Result<LedgerRow, Diagnostic>),
    ) -> Result<(), Diagnostic> {
        self.waiting.insert(at, parsed);
        while let Some(mut parsed) = self.waiting.remove(&self.next) {
            let offset = self.line - 1;
            parsed.rows.drain(..).for_each(|row| each(shift_lines(row, offset)));
            self.spare.push((parsed.bytes, parsed.rows));
            self.rows += parsed.records;
            if let Some((e, line)) = parsed.failure {
                return Err(unreadable(self.file, e, self.limits, line.map(|l| l + offset)));
            }
            self.line += parsed.lines;
            self.next += 1;
        }
        Ok(())
    }
}

/// A row or diagnostic numbered within a chunk, numbered within the file.
fn shift_lines(row: Result<LedgerRow, Diagnostic>, offset: usize) -> Result<LedgerRow, Diagnostic> {
    match row {
        Ok(mut row) => {
            row.origin.line += offset;
            Ok(row)
        }
        Err(mut diagnostic) => {
            diagnostic.line = diagnostic.line.map(|l| l + offset);
            Err(diagnostic)
        }
    }
}

/// Bytes already read, then the error that stopped that read or else the rest of the input.
struct Replay<R> {
    bytes: Vec<u8>,
    at: usize,
    failure: Option<std::io::Error>,
    rest: Option<R>,
}

impl<R> Replay<R> {
    fn new(bytes: Vec<u8>, failure: Option<std::io::Error>, rest: Option<R>) -> Replay<R> {
        Replay { bytes, at: 0, failure, rest }
    }
}

impl<R: std::io::Read> std::io::Read for Replay<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.at < self.bytes.len() {
            let n = buf.len().min(self.bytes.len() - self.at);
            buf[..n].copy_from_slice(&self.bytes[self.at..self.at + n]);
            self.at += n;
            // A read across the end of the bytes goes on into the rest, as one read of the
            // whole input would (an error there waits for the next read).
            if n < buf.len() && self.failure.is_none() {
                match self.rest.as_mut().map_or(Ok(0), |rest| rest.read(&mut buf[n..])) {
                    Ok(more) => return Ok(n + more),
                    Err(e) => self.failure = Some(e),
                }
            }
            return Ok(n);
        }
        if let Some(e) = self.failure.take() {
            self.rest = None;
            return Err(e);
        }
        self.rest.as_mut().map_or(Ok(0), |rest| rest.read(buf))
    }
}

/// Reads a whole ledger as one stream: the header, then the records.
fn read_stream<R: std::io::Read>(
    file: &str,
    limited: &mut Limited<R>,
    limits: Limits,
    each: &mut impl FnMut(Result<LedgerRow, Diagnostic>),
) -> Result<(), Diagnostic> {
    // Fields are trimmed where they are read (`Columns::get`): csv's own trimming copies every record.
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(limited);
    let header = match reader.headers() {
        Ok(header) => header.clone(),
        Err(e) => return Err(unreadable(file, e, limits, Some(1))),
    };
    if header.iter().all(str::is_empty) && reader.is_done() {
        return Err(Diagnostic::error(file, None, None, "the ledger is empty")
            .with_hint(format!("a ledger starts with the header line {}", COLUMNS.join(","))));
    }
    let columns = Columns::locate(file, &header)?;
    let mut rows = 0usize;
    if let Err((e, line)) = records(file, &mut reader, &columns, &mut rows, each) {
        return Err(unreadable(file, e, limits, line));
    }
    if rows == 0 {
        each(Err(Diagnostic::warning(file, Some(1), None, "the ledger has a header but no claims")));
    }
    Ok(())
}

/// Reads the records of a CSV reader to its end, counting them in `rows`. Two threads share the
/// work: this one reads CSV records (and calls `each`), a second one checks and types them a
/// batch at a time; `each` sees the rows in order.
fn records<R: std::io::Read>(
    file: &str,
    reader: &mut csv::Reader<&mut Limited<R>>,
    columns: &Columns,
    rows: &mut usize,
    each: &mut impl FnMut(Result<LedgerRow, Diagnostic>),
) -> Result<(), (csv::Error, Option<usize>)> {
    std::thread::scope(|scope| {
        let (to_worker, batches) = std::sync::mpsc::sync_channel::<Batch>(IN_FLIGHT);
        let (to_reader, results) = std::sync::mpsc::channel::<(Batch, Vec<Result<LedgerRow, Diagnostic>>)>();
        scope.spawn(move || {
            for batch in batches {
                let rows = batch.iter().map(|(line, record)| record.as_ref().map(|r| columns.row(*line, r)));
                let rows: Vec<Result<LedgerRow, Diagnostic>> =
                    rows.map(|r| r.unwrap_or_else(|d| Err(d.clone()))).collect();
                if to_reader.send((batch, rows)).is_err() {
                    break;
                }
            }
        });
        let mut spare: Vec<Batch> = Vec::new();
        let mut pending = 0usize;
        let mut deliver = |message: (Batch, Vec<Result<LedgerRow, Diagnostic>>), spare: &mut Vec<Batch>| {
            message.1.into_iter().for_each(&mut *each);
            spare.push(message.0);
        };
        let outcome = loop {
            let mut batch = spare.pop().unwrap_or_default();
            let read = fill(reader, &mut batch, file, rows);
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
        outcome.map(|_| ())
    })
}

/// Records handed from the reading thread to the one that checks them, each with its line, or
/// the diagnostic of a row the CSV reader rejected (wrong number of fields).
type Batch = Vec<(usize, Result<csv::StringRecord, Diagnostic>)>;
/// Records in a batch: large enough that handing over costs nothing, small enough to stream.
const BATCH: usize = 1024;
/// Batches on their way to the checking thread at once.
const IN_FLIGHT: usize = 4;

/// Reads up to [`BATCH`] records into `batch` (reusing the records it holds), counting them in
/// `rows`: `Ok(true)` while the input goes on, `Ok(false)` at its end, an error (with its line) that stops the read.
fn fill<R: std::io::Read>(
    reader: &mut csv::Reader<&mut Limited<R>>,
    batch: &mut Batch,
    file: &str,
    rows: &mut usize,
) -> Result<bool, (csv::Error, Option<usize>)> {
    let mut used = 0;
    let more = loop {
        if used == BATCH {
            break Ok(true);
        }
        if used == batch.len() {
            batch.push((0, Ok(csv::StringRecord::new())));
        }
        let slot = &mut batch[used];
        if slot.1.is_err() {
            slot.1 = Ok(csv::StringRecord::new());
        }
        let Ok(record) = &mut slot.1 else { unreachable!("the slot was just given a record") };
        match reader.read_record(record) {
            Ok(false) => break Ok(false),
            Ok(true) => {
                slot.0 = record.position().map_or(0, |p| reader.get_ref().record_line(p.byte()));
                *rows += 1;
            }
            Err(e) if matches!(e.kind(), csv::ErrorKind::UnequalLengths { .. }) => {
                let line = e.position().map(|p| reader.get_ref().record_line(p.byte()));
                *slot = (line.unwrap_or(0), Err(Diagnostic::error(file, line, None, format!("malformed CSV: {e}"))));
            }
            Err(e) => {
                let line = e.position().map(|p| reader.get_ref().record_line(p.byte()));
                break Err((e, line));
            }
        }
        used += 1;
    };
    batch.truncate(used);
    more
}

/// Why reading stopped, in words: not UTF-8, a limit passed, or an I/O error.
fn unreadable(file: &str, error: csv::Error, limits: Limits, line: Option<usize>) -> Diagnostic {
    match error.kind() {
        csv::ErrorKind::Utf8 { .. } => Diagnostic::error(file, line, None, "the ledger is not UTF-8 text")
            .with_hint("save it as UTF-8 (a CSV export option in most spreadsheets)"),
        csv::ErrorKind::Io(e) => match e.get_ref().and_then(|inner| inner.downcast_ref::<OverrunError>()) {
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
        _ => Diagnostic::error(file, line.or(Some(1)), None, format!("malformed CSV: {error}")),
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
    fn locate(file: &str, header: &csv::StringRecord) -> Result<Columns, Diagnostic> {
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

    fn get<'r>(&self, record: &'r csv::StringRecord, name: &str) -> &'r str {
        self.index[column(name)].and_then(|at| record.get(at)).map_or("", |v| formula_unguarded(v.trim()))
    }

    fn row(&self, line: usize, record: &csv::StringRecord) -> Result<LedgerRow, Diagnostic> {
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
        let other = Some(self.get(record, "other")).filter(|o| !o.is_empty()).map(str::to_string);
        let extra = self
            .extra
            .iter()
            .map(|(at, name)| (name.clone(), record.get(*at).map_or("", |v| formula_unguarded(v.trim())).to_string()))
            .collect();
        Ok(LedgerRow {
            origin: Origin { file: self.file.clone(), line },
            date,
            place: place.to_string(),
            holder: holder.to_string(),
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
    fn point(&self, record: &csv::StringRecord) -> Result<Option<Point>, (&'static str, String)> {
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
    fn a_header_without_rows_is_a_warning() {
        let ledger = parse("h.csv", HEADER.as_bytes()).unwrap();
        assert!(ledger.rows.is_empty());
        assert!(!ledger.diagnostics[0].is_error());
    }

    /// Everything `read` hands on and returns, as text: rows with their lines, diagnostics, the error.
    fn outcome(text: &[u8], limits: Limits, chunk: usize) -> Vec<String> {
        let mut seen = Vec::new();
        let result = read_in_chunks("l.csv", text, limits, chunk, |row| {
            seen.push(match row {
                Ok(row) => format!("{} {} {} {}", row.origin, row.place, row.holder, row.note),
                Err(diagnostic) => diagnostic.to_string(),
            })
        });
        seen.push(format!("{:?}", result.map_err(|e| e.to_string())));
        seen
    }

    /// The outcome in chunks of many sizes equals the outcome read as one stream.
    fn same_in_any_chunks(text: &str, limits: Limits) {
        let whole = outcome(text.as_bytes(), limits, text.len() + 1);
        for chunk in [60, 64, 77, 100, 128, 333] {
            assert_eq!(outcome(text.as_bytes(), limits, chunk), whole, "chunks of {chunk} bytes");
        }
    }

    fn numbered_rows(count: usize) -> String {
        (0..count).map(|n| format!("2017-10,Town {n},is,holds,,,a.txt#{},note {n}\n", n + 1)).collect()
    }

    #[test]
    fn chunks_give_the_rows_lines_and_errors_of_one_stream() {
        let rows = numbered_rows(40);
        same_in_any_chunks(&format!("{HEADER}{rows}"), Limits::default());
        // Bad rows in later chunks are named by their line in the file.
        let bad = format!("{HEADER}{rows}2017-13,Raqqa,is,holds,,,,\n{rows}2017-10,Raqqa,is\n{rows}");
        same_in_any_chunks(&bad, Limits::default());
        let lines = outcome(bad.as_bytes(), Limits::default(), 64);
        assert!(lines.iter().any(|l| l.starts_with("l.csv:42: date: ")), "{lines:?}");
        assert!(lines.iter().any(|l| l.starts_with("l.csv:83: expected 8 fields")), "{lines:?}");
        // CRLF line ends, blank lines.
        same_in_any_chunks(&format!("{HEADER}{rows}\n\n{rows}").replace('\n', "\r\n"), Limits::default());
    }

    #[test]
    fn a_ledger_read_in_many_pieces_is_cut_into_whole_records() {
        // Larger than a read (PIECE): chunks end mid-read, the rest starts the next chunk.
        let rows = numbered_rows(3 * PIECE / 40);
        let text = format!("{HEADER}{rows}2017-13,Raqqa,is,holds,,,,\n{rows}");
        assert!(text.len() > 2 * PIECE);
        let whole = outcome(text.as_bytes(), Limits::default(), text.len() + 1);
        for chunk in [100, 1000, 5000, PIECE, PIECE + 7] {
            assert_eq!(outcome(text.as_bytes(), Limits::default(), chunk), whole, "chunks of {chunk} bytes");
        }
        assert_eq!(whole.len(), 2 * (3 * PIECE / 40) + 2);
    }

    #[test]
    fn a_quoted_newline_at_a_chunk_edge_stays_in_its_field() {
        let rows = numbered_rows(12);
        let text = format!("{HEADER}{rows}2017-10,Raqqa,is,holds,,,a.txt#1,\"two\nlines, \"\"quoted\"\"\"\n{rows}");
        same_in_any_chunks(&text, Limits::default());
        // Every cut through the quoted field: the note keeps its newline, the next row its line.
        let at = text.find("two").unwrap();
        for chunk in at - 3..at + 12 {
            let lines = outcome(text.as_bytes(), Limits::default(), chunk);
            assert!(lines.contains(&"l.csv:14 Raqqa is two\nlines, \"quoted\"".to_string()), "{chunk}: {lines:?}");
            assert!(lines.contains(&"l.csv:16 Town 0 is note 0".to_string()), "{chunk}: {lines:?}");
        }
    }

    #[test]
    fn an_error_that_stops_the_read_in_a_later_chunk_is_the_same() {
        let rows = numbered_rows(30);
        let mut latin1 = format!("{HEADER}{rows}").into_bytes();
        latin1.extend_from_slice(b"2017,Caf\xe9,is,holds,,,,\n");
        latin1.extend_from_slice(rows.as_bytes());
        let whole = outcome(&latin1, Limits::default(), latin1.len() + 1);
        assert!(whole.last().unwrap().contains("l.csv:32: the ledger is not UTF-8 text"), "{whole:?}");
        for chunk in [60, 64, 99, 200] {
            assert_eq!(outcome(&latin1, Limits::default(), chunk), whole, "chunks of {chunk} bytes");
        }
        let long = format!("{HEADER}{rows}2017,Raqqa,is,holds,,,,{}\n{rows}", "x".repeat(100));
        same_in_any_chunks(&long, Limits { max_bytes: 1 << 20, max_line: 90 });
        let small = Limits { max_bytes: 500, max_line: 1000 };
        same_in_any_chunks(&long, small);
        assert!(outcome(long.as_bytes(), small, 64).last().unwrap().contains("larger than the limit"));
    }

    #[test]
    fn an_unusual_first_line_is_read_as_one_stream() {
        let rows = numbered_rows(10);
        for text in [format!("\n\n{HEADER}{rows}"), format!("date,place,holder,event\r{rows}"), format!(",,,\n{rows}")]
        {
            same_in_any_chunks(&text, Limits::default());
        }
        assert_eq!(
            plain_header(format!("{HEADER}{rows}").as_bytes(), Limits::default()).map(|h| h.0),
            Some(HEADER.len())
        );
        assert_eq!(plain_header(b"\n\ndate,place\n", Limits::default()), None);
    }
}
