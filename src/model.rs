//! Shared model types that every pipeline stage speaks: events, modalities, sources, claims and diagnostics.

use std::fmt;
use std::str::FromStr;

use serde::{Serialize, Serializer};

use crate::date::DateSpan;
use crate::name::Name;

/// What a claim says happened to a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Event {
    /// The holder controls the place then.
    Holds,
    /// The holder took the place then (from `other`, where known).
    Captured,
    /// The holder lost the place then (to `other`, where known).
    Lost,
    /// Fighting there; the holder is still present (`other` attacks).
    Contested,
    /// The holder holds it, encircled (by `other`).
    Besieged,
    /// The holder holds only part of it (`other` holds the rest).
    Partial,
}

impl Event {
    pub const ALL: [Event; 6] =
        [Event::Holds, Event::Captured, Event::Lost, Event::Contested, Event::Besieged, Event::Partial];

    pub fn as_str(self) -> &'static str {
        match self {
            Event::Holds => "holds",
            Event::Captured => "captured",
            Event::Lost => "lost",
            Event::Contested => "contested",
            Event::Besieged => "besieged",
            Event::Partial => "partial",
        }
    }

    /// Captures and losses change who holds a place; the others describe a state.
    pub fn is_change(self) -> bool {
        matches!(self, Event::Captured | Event::Lost)
    }
}

impl fmt::Display for Event {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Event {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        let wanted = crate::text::trim(text);
        Event::ALL.into_iter().find(|e| e.as_str().eq_ignore_ascii_case(wanted)).ok_or_else(|| {
            format!("unknown event {text:?}; expected one of holds, captured, lost, contested, besieged, partial")
        })
    }
}

/// How firmly a source states a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// Stated as fact.
    #[default]
    Fact,
    /// One party's claim.
    Claimed,
    /// Reported with a hedge ("reportedly", Dutch "zou").
    Hedged,
    /// A future event: recorded, never changes the state.
    Expected,
}

impl Modality {
    pub const ALL: [Modality; 4] = [Modality::Fact, Modality::Claimed, Modality::Hedged, Modality::Expected];

    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Fact => "fact",
            Modality::Claimed => "claimed",
            Modality::Hedged => "hedged",
            Modality::Expected => "expected",
        }
    }
}

impl fmt::Display for Modality {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Modality {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        let wanted = crate::text::trim(text);
        if wanted.is_empty() {
            return Ok(Modality::Fact);
        }
        Modality::ALL
            .into_iter()
            .find(|m| m.as_str().eq_ignore_ascii_case(wanted))
            .ok_or_else(|| format!("unknown modality {text:?}; expected fact, claimed, hedged or expected"))
    }
}

/// What a source is: an article file (checked against the file when it is known), a web
/// address, or a free citation (an agency and a date, `dataset@version#row`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    Article,
    Url,
    Citation,
}

/// One source of a claim, as the ledger writes it: `001_976f2b0105d2231f.txt#4` (an article
/// and sentence), `https://…` (a URL), or free text such as `Reuters, 19 Dec 2023`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SourceRef {
    /// The document: the article file name, the URL, or the citation (without a `#N` sentence).
    pub article: String,
    /// 1-based sentence number of an article, as `controlmap sentences ARTICLE` numbers them.
    pub sentence: Option<u32>,
    pub kind: SourceKind,
}

impl SourceRef {
    /// The web address, for a URL source.
    pub fn url(&self) -> Option<&str> {
        (self.kind == SourceKind::Url).then_some(self.article.as_str())
    }
}

impl fmt::Display for SourceRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.sentence {
            Some(n) => write!(f, "{}#{}", self.article, n),
            None => f.write_str(&self.article),
        }
    }
}

impl Serialize for SourceRef {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl FromStr for SourceRef {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        let text = crate::text::trim(text);
        if text.is_empty() {
            return Err("empty source".into());
        }
        if is_url(text) {
            if text.chars().any(char::is_whitespace) {
                return Err(format!("source {text:?}: a URL cannot contain spaces"));
            }
            return Ok(SourceRef { article: text.to_string(), sentence: None, kind: SourceKind::Url });
        }
        // `#` is one byte in UTF-8, never part of another character: found among the bytes.
        if let Some(hash) = memchr::memrchr(b'#', text.as_bytes())
            && let (document, number) = (&text[..hash], &text[hash + 1..])
            && !number.is_empty()
            && number.bytes().all(|b| b.is_ascii_digit())
        {
            let sentence = number
                .parse::<u32>()
                .ok()
                .filter(|n| *n > 0)
                .ok_or_else(|| format!("source {text:?}: sentence number {number:?} is not a positive integer"))?;
            let document = crate::text::trim(document);
            if is_file_name_like(document) {
                check_article_name(text, document)?;
                return Ok(SourceRef {
                    article: document.to_string(),
                    sentence: Some(sentence),
                    kind: SourceKind::Article,
                });
            }
            if document.is_empty() {
                return Err(format!("source {text:?} names no article"));
            }
            return Ok(SourceRef { article: text.to_string(), sentence: None, kind: SourceKind::Citation });
        }
        if is_file_name_like(text) && has_text_extension(text) {
            check_article_name(text, text)?;
            return Ok(SourceRef { article: text.to_string(), sentence: None, kind: SourceKind::Article });
        }
        if matches!(text, "." | "..") {
            return Err(format!("source {text:?}: cite an article by its file name, not a path"));
        }
        Ok(SourceRef { article: text.to_string(), sentence: None, kind: SourceKind::Citation })
    }
}

fn is_url(text: &str) -> bool {
    let starts =
        |prefix: &str| text.as_bytes().get(..prefix.len()).is_some_and(|b| b.eq_ignore_ascii_case(prefix.as_bytes()));
    starts("http://") || starts("https://")
}

/// One token with no spaces, `@` or `,`: what a file name looks like (`001_x.txt`, `report.md`).
fn is_file_name_like(text: &str) -> bool {
    // ASCII text (every generated source) is checked byte by byte in one pass, without decoding
    // characters; at the first byte of another character the whole text is checked by characters.
    let ascii_blank = |b: u8| matches!(b, b' ' | b'\t'..=b'\r' | b'@' | b',');
    for &b in text.as_bytes() {
        if !b.is_ascii() {
            return !text.contains(|c: char| c.is_whitespace() || c == '@' || c == ',');
        }
        if ascii_blank(b) {
            return false;
        }
    }
    !text.is_empty()
}

fn has_text_extension(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    [".txt", ".md", ".html", ".htm", ".text"].iter().any(|e| lower.ends_with(e))
}

/// An article is cited by its file name, never by a path.
fn check_article_name(text: &str, article: &str) -> Result<(), String> {
    if article.is_empty() {
        return Err(format!("source {text:?} names no article"));
    }
    // Bytes, not characters: in UTF-8 the bytes of `/` and `\` are never part of another character.
    if article.bytes().any(|b| b == b'/' || b == b'\\') || article == ".." || article == "." {
        return Err(format!("source {text:?}: cite an article by its file name, not a path"));
    }
    Ok(())
}

/// Parses a `;`-separated list of sources; empty text gives an empty list.
pub fn parse_sources(text: &str) -> Result<Vec<SourceRef>, String> {
    // Sized exactly: a list collected through `Result` starts at four sources, and a million
    // claims with one source each would carry 100 MB of room for three more.
    // One source (no `;`, nearly every row) is the whole text, without splitting it twice.
    if memchr::memchr(b';', text.as_bytes()).is_none() {
        return match crate::text::trim(text).is_empty() {
            true => Ok(Vec::new()),
            false => Ok(vec![SourceRef::from_str(text)?]),
        };
    }
    let pieces = || text.split(';').filter(|s| !crate::text::trim(s).is_empty());
    let mut sources = Vec::with_capacity(pieces().count());
    for piece in pieces() {
        sources.push(SourceRef::from_str(piece)?);
    }
    Ok(sources)
}

/// Whether a claim is about a point place from the gazetteer, an area from `regions.geojson`, or
/// a whole country (its ISO 3166-1 alpha-2 code, the outline from the world countries layer).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    Town,
    Region,
    Country,
}

/// A resolved place or region: its kind and its stable id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct PlaceKey {
    pub kind: PlaceKind,
    pub id: Name,
}

impl fmt::Display for PlaceKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            PlaceKind::Town => f.write_str(&self.id),
            PlaceKind::Region => write!(f, "region:{}", self.id),
            PlaceKind::Country => write!(f, "country:{}", self.id),
        }
    }
}

/// Where a row came from: the ledger file and its 1-based line.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Origin {
    pub file: Name,
    pub line: usize,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// A control claim whose place and factions have been resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Claim {
    pub date: DateSpan,
    pub place: PlaceKey,
    /// The place as the ledger wrote it.
    pub place_text: Name,
    pub holder: Name,
    pub event: Event,
    pub other: Option<Name>,
    pub modality: Modality,
    pub sources: Vec<SourceRef>,
    pub note: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub extra: Vec<(String, String)>,
    pub origin: Origin,
}

impl Claim {
    /// A total order on a claim's content (not its origin), so that claims in any order sort the
    /// same way: by the last day the claim may refer to, then its first day; at equal dates a
    /// capture or loss comes before a claim that describes the state (which is then the newer word).
    pub fn content_key(&self) -> impl Ord + '_ {
        (
            &self.date.end,
            &self.date.start,
            !self.event.is_change(),
            self.event,
            &self.holder,
            &self.other,
            self.modality,
            &self.sources,
            &self.note,
            &self.place_text,
        )
    }

    /// The sources as the ledger writes them: `a.txt#1;b.txt#4`.
    pub fn sources_text(&self) -> String {
        self.sources.iter().map(ToString::to_string).collect::<Vec<_>>().join(";")
    }
}

/// A claim's content written out, as outputs (tables, JSON, the viewer) show it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct ClaimText {
    pub date: String,
    pub holder: String,
    pub event: String,
    pub other: Option<String>,
    pub modality: Modality,
    pub sources: Vec<String>,
    pub note: String,
}

impl Claim {
    /// The claim's content written out.
    pub fn text(&self) -> ClaimText {
        ClaimText {
            date: self.date.to_string(),
            holder: self.holder.to_string(),
            event: self.event.to_string(),
            other: self.other.as_ref().map(ToString::to_string),
            modality: self.modality,
            sources: self.sources.iter().map(ToString::to_string).collect(),
            note: self.note.clone(),
        }
    }
}

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// A problem found in input data, located by file, line and field.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Diagnostic {
    pub file: String,
    pub line: Option<usize>,
    pub field: Option<String>,
    pub severity: Severity,
    pub message: String,
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(file: &str, line: Option<usize>, field: Option<&str>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            file: file.to_string(),
            line,
            field: field.map(str::to_string),
            severity: Severity::Error,
            message: message.into(),
            hint: None,
        }
    }

    pub fn warning(file: &str, line: Option<usize>, field: Option<&str>, message: impl Into<String>) -> Diagnostic {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(file, line, field, message) }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        f.write_str(": ")?;
        if let Some(field) = &self.field {
            write!(f, "{field}: ")?;
        }
        if self.severity == Severity::Warning {
            f.write_str("warning: ")?;
        }
        f.write_str(&self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "; {hint}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_parse_and_print_back() {
        let list = parse_sources("001_976f2b0105d2231f.txt#4; 003_x.txt#12").unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(list[0].sentence, Some(4));
        assert_eq!(list[1].to_string(), "003_x.txt#12");
        assert!(parse_sources("a.txt#0").is_err());
        assert!(parse_sources("#3").is_err());
        assert!(parse_sources("/etc/hostname#3").is_err());
        assert!(parse_sources("..").is_err());
        assert!(parse_sources("").unwrap().is_empty());
    }

    #[test]
    fn urls_and_free_citations_are_sources() {
        let list = parse_sources(
            "https://www.reuters.com/world/africa/x-2023-12-19/; Reuters, 19 Dec 2023; dataset@2022-03-05#Kherson; a.txt#x",
        )
        .unwrap();
        let kinds: Vec<SourceKind> = list.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, [SourceKind::Url, SourceKind::Citation, SourceKind::Citation, SourceKind::Citation]);
        assert_eq!(list[0].url(), Some("https://www.reuters.com/world/africa/x-2023-12-19/"));
        assert_eq!(list[1].to_string(), "Reuters, 19 Dec 2023");
        assert_eq!(list[2].to_string(), "dataset@2022-03-05#Kherson", "shown as written");
        assert_eq!(parse_sources("report.txt").unwrap()[0].kind, SourceKind::Article);
        assert_eq!(parse_sources("ACLED export#12").unwrap()[0].kind, SourceKind::Citation);
        assert!(parse_sources("https://example.org/a b").is_err());
    }

    #[test]
    fn events_and_modalities_parse_case_insensitively() {
        assert_eq!("Captured".parse::<Event>().unwrap(), Event::Captured);
        assert!("seized".parse::<Event>().is_err());
        assert_eq!("".parse::<Modality>().unwrap(), Modality::Fact);
        assert_eq!("HEDGED".parse::<Modality>().unwrap(), Modality::Hedged);
        assert!("maybe".parse::<Modality>().is_err());
    }

    #[test]
    fn diagnostics_name_file_line_and_field() {
        let d = Diagnostic::error("seeds/claims.csv", Some(42), Some("place"), "not in the gazetteer")
            .with_hint("did you mean \"Abu Kamal\"?");
        assert_eq!(d.to_string(), "seeds/claims.csv:42: place: not in the gazetteer; did you mean \"Abu Kamal\"?");
    }
}
