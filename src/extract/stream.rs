//! Reading articles as streams: files, folders of `*.txt` (sorted by name) or standard input,
//! line by line with bounded memory, numbering sentences exactly as [`article::sentences`] does.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use crate::app::data::io_reason;
use crate::date::DateSpan;
use crate::ingest::article::{self, ArticleError};
use crate::model::Diagnostic;

/// Longest line handled as one piece; longer lines are cut at a space (with a warning), so a
/// file without line breaks does not have to fit in memory.
pub const MAX_LINE: usize = 1 << 20;

/// One article to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    Stdin,
    /// An article of an archive (a JSON Lines record): its text comes with it.
    Record {
        /// The record's id, which sources cite.
        name: String,
        /// Where it is, as messages show it (`archive.jsonl:12 (id a-1)`).
        shown: String,
    },
}

impl Input {
    /// The name sources cite: the file name without folders, or `-`.
    pub fn name(&self) -> String {
        match self {
            Input::File(path) => {
                path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
            }
            Input::Stdin => "-".into(),
            Input::Record { name, .. } => name.clone(),
        }
    }

    /// The path as messages show it.
    pub fn shown(&self) -> String {
        match self {
            Input::File(path) => path.display().to_string(),
            Input::Stdin => "<stdin>".into(),
            Input::Record { shown, .. } => shown.clone(),
        }
    }

    /// Opens the input for reading; a missing file or a folder is an error naming the path.
    pub fn open(&self) -> Result<Box<dyn Read>, Diagnostic> {
        match self {
            Input::Stdin => Ok(Box::new(io::stdin())),
            Input::Record { .. } => {
                Err(Diagnostic::error(&self.shown(), None, None, "an archive record is read from its archive"))
            }
            Input::File(path) => {
                if path.is_dir() {
                    return Err(Diagnostic::error(&self.shown(), None, None, "is a folder, not a file"));
                }
                let file = File::open(path).map_err(|e| {
                    Diagnostic::error(&self.shown(), None, None, format!("cannot read: {}", io_reason(&e)))
                })?;
                Ok(Box::new(file))
            }
        }
    }
}

/// Expands the command line: `-` is standard input; a folder gives its `*.txt` files sorted by
/// name; anything else is a file (a missing one fails when opened).
pub fn expand(paths: &[PathBuf]) -> Result<Vec<Input>, Diagnostic> {
    let mut inputs = Vec::new();
    for path in paths {
        if path == Path::new("-") {
            inputs.push(Input::Stdin);
        } else if path.is_dir() {
            let listing = std::fs::read_dir(path)
                .map_err(|e| Diagnostic::error(&path.display().to_string(), None, None, io_reason(&e)))?;
            let mut files: Vec<PathBuf> = listing
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "txt"))
                .collect();
            files.sort();
            if files.is_empty() {
                return Err(Diagnostic::error(
                    &path.display().to_string(),
                    None,
                    None,
                    "the folder holds no .txt articles",
                ));
            }
            inputs.extend(files.into_iter().map(Input::File));
        } else {
            inputs.push(Input::File(path.clone()));
        }
    }
    for input in &inputs {
        check_citable(input)?;
    }
    Ok(inputs)
}

/// Sources cite an article as `NAME#N`, several joined by `;`: a name with `;`, `#`, `\` or
/// spaces at its ends could not be read back from a ledger.
fn check_citable(input: &Input) -> Result<(), Diagnostic> {
    let name = input.name();
    let bad = name.contains([';', '#', '\\']) || name.trim() != name;
    if bad {
        let message = "this file name cannot be cited as a source (no `;`, `#` or `\\` in it, no spaces at its ends); rename the file";
        return Err(Diagnostic::error(&input.shown(), None, None, message));
    }
    Ok(())
}

/// What reading an article found besides its sentences.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reading {
    /// The date from the ` date ...` marker.
    pub date: Option<DateSpan>,
    /// Some bytes were not UTF-8 and were replaced.
    pub lossy: bool,
    /// Some line was longer than [`MAX_LINE`] and was cut.
    pub cut: bool,
    /// The date marker's date is impossible (the article is read as undated).
    pub marker_error: Option<String>,
    pub sentences: u32,
    pub bytes: usize,
}

/// Why an article could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error(transparent)]
    Article(#[from] ArticleError),
    #[error("{0}: cannot read: {1}")]
    Io(String, String),
    #[error("cannot write the output: {0}")]
    Write(String),
}

/// The first bytes of an article, to check it is text and guess its language.
pub struct Head {
    pub bytes: Vec<u8>,
}

/// Reads the head of an article: at most [`article::BINARY_SAMPLE`] bytes.
pub fn head(name: &str, reader: &mut dyn Read) -> Result<Head, ReadError> {
    let mut bytes = Vec::with_capacity(article::BINARY_SAMPLE);
    reader
        .take(article::BINARY_SAMPLE as u64)
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError::Io(name.into(), io_reason(&e)))?;
    article::check_not_binary(name, &bytes)?;
    Ok(Head { bytes })
}

/// Streams the sentences of an article (its head, then the rest of `reader`): `on_date` is
/// called once the date marker is known (before any sentence), then `on_sentence(number,
/// text, offset)` for each sentence in order, where `offset` is its byte offset in the decoded
/// article text.
pub fn sentences(
    name: &str,
    head: Head,
    reader: &mut dyn Read,
    on_date: &mut dyn FnMut(Option<&DateSpan>),
    on_sentence: &mut dyn FnMut(u32, &str, usize),
) -> Result<Reading, ReadError> {
    let reader = BufReader::new(io::Cursor::new(head.bytes).chain(reader));
    let mut lines = Lines { reader, raw: Vec::new(), carry: Vec::new(), reading: Reading::default() };
    let mut offset = 0;
    let mut prefix = String::new();
    let mut started = false;
    // The sentence spans of the current line, reused from line to line.
    let mut spans = Vec::new();
    while let Some(line) = lines.next().map_err(|e| ReadError::Io(name.into(), io_reason(&e)))? {
        let line_start = offset;
        offset += line.len();
        if started {
            numbered(&mut lines.reading, &mut spans, &line, line_start, on_sentence);
            lines.recycle(line);
            continue;
        }
        prefix.push_str(&line);
        if line.trim().is_empty() {
            continue;
        }
        started = true;
        match article::date_marker(&prefix) {
            Some((Ok(date), body)) => {
                on_date(Some(&date));
                lines.reading.date = Some(date);
                numbered(&mut lines.reading, &mut spans, &prefix[body..], body, on_sentence);
            }
            Some((Err(e), body)) => {
                on_date(None);
                lines.reading.marker_error = Some(e.to_string());
                numbered(&mut lines.reading, &mut spans, &prefix[body..], body, on_sentence);
            }
            None => {
                on_date(None);
                numbered(&mut lines.reading, &mut spans, &line, line_start, on_sentence);
            }
        }
        prefix = String::new();
    }
    if !started {
        return Err(ArticleError::Empty(name.into()).into());
    }
    lines.reading.bytes = offset;
    Ok(lines.reading)
}

fn numbered(
    reading: &mut Reading,
    spans: &mut Vec<(usize, usize)>,
    piece: &str,
    base: usize,
    on_sentence: &mut dyn FnMut(u32, &str, usize),
) {
    if article::looks_like_markup(piece) {
        return;
    }
    article::split_line_into(piece, spans);
    for &(start, end) in spans.iter() {
        reading.sentences += 1;
        on_sentence(reading.sentences, &piece[start..end], base + start);
    }
}

/// Lines of a reader, decoded (lossily when needed), with their line breaks.
struct Lines<R> {
    reader: R,
    raw: Vec<u8>,
    /// Bytes after the cut of an over-long line, read again first.
    carry: Vec<u8>,
    reading: Reading,
}

impl<R: BufRead> Lines<R> {
    fn next(&mut self) -> io::Result<Option<String>> {
        self.raw.clear();
        if let Some(at) = memchr::memchr(b'\n', &self.carry) {
            self.raw.extend(self.carry.drain(..=at));
            return Ok(Some(self.decode()));
        }
        self.raw.append(&mut self.carry);
        while self.raw.len() < MAX_LINE {
            let available = self.reader.fill_buf()?;
            if available.is_empty() {
                break;
            }
            let window = &available[..available.len().min(MAX_LINE - self.raw.len())];
            if let Some(at) = memchr::memchr(b'\n', window) {
                self.raw.extend_from_slice(&window[..=at]);
                self.reader.consume(at + 1);
                return Ok(Some(self.decode()));
            }
            let taken = window.len();
            self.raw.extend_from_slice(window);
            self.reader.consume(taken);
        }
        if self.raw.len() >= MAX_LINE {
            self.reading.cut = true;
            // Cut after the last space; failing that, before a character that starts in the
            // last bytes, so the cut never splits a UTF-8 sequence.
            let cut = match self.raw.iter().rposition(|&b| b == b' ') {
                Some(space) => space + 1,
                None => {
                    (1..self.raw.len()).rev().take(4).find(|&i| self.raw[i] & 0xC0 != 0x80).unwrap_or(self.raw.len())
                }
            };
            self.carry = self.raw.split_off(cut);
        }
        Ok((!self.raw.is_empty()).then(|| self.decode()))
    }

    /// Gives a line's buffer back, so the next line is read into it without allocating.
    fn recycle(&mut self, line: String) {
        self.raw = line.into_bytes();
    }

    fn decode(&mut self) -> String {
        match String::from_utf8(std::mem::take(&mut self.raw)) {
            Ok(text) => text,
            Err(e) => {
                self.reading.lossy = true;
                String::from_utf8_lossy(e.as_bytes()).into_owned()
            }
        }
    }
}
