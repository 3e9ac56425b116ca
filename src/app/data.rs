//! Input files: the geodata folder and seeds ledger built into the binary, or the user's own files.

use std::borrow::Cow;
use std::path::Path;

use crate::model::Diagnostic;

/// The files a geodata folder holds (besides `lang/*.toml`).
pub const GEODATA_FILES: [&str; 6] =
    ["factions.toml", "places.csv", "regions.geojson", "countries.geojson", "admin1.geojson", "rivers.geojson"];

/// Largest input file read, to fail clearly instead of exhausting memory.
pub const MAX_INPUT_BYTES: u64 = 512 * 1024 * 1024;

/// A named text: what messages call it, and its content.
#[derive(Debug, Clone)]
pub struct DataFile {
    pub name: String,
    pub text: Cow<'static, str>,
}

impl DataFile {
    fn builtin(name: &str, text: &'static str) -> DataFile {
        DataFile { name: name.to_string(), text: Cow::Borrowed(text) }
    }
}

/// The contents of a geodata folder.
#[derive(Debug, Clone)]
pub struct GeoFiles {
    files: Vec<DataFile>,
    /// Extractor lexicons, one per language (`nl.toml`, `en.toml`).
    pub languages: Vec<DataFile>,
}

const BUILTIN: [(&str, &str); 6] = [
    ("geodata/factions.toml", include_str!("../../geodata/factions.toml")),
    ("geodata/places.csv", include_str!("../../geodata/places.csv")),
    ("geodata/regions.geojson", include_str!("../../geodata/regions.geojson")),
    ("geodata/countries.geojson", include_str!("../../geodata/countries.geojson")),
    ("geodata/admin1.geojson", include_str!("../../geodata/admin1.geojson")),
    ("geodata/rivers.geojson", include_str!("../../geodata/rivers.geojson")),
];

const BUILTIN_LANGUAGES: [(&str, &str); 2] =
    [("geodata/lang/nl.toml", include_str!("../../geodata/lang/nl.toml")), ("geodata/lang/en.toml", include_str!("../../geodata/lang/en.toml"))];

/// The seeds ledger built into the binary.
pub fn builtin_ledger() -> DataFile {
    DataFile::builtin("seeds/claims.csv", include_str!("../../seeds/claims.csv"))
}

impl GeoFiles {
    /// The geodata folder of this repository, embedded at build time.
    pub fn builtin() -> GeoFiles {
        GeoFiles {
            files: BUILTIN.iter().map(|(name, text)| DataFile::builtin(name, text)).collect(),
            languages: builtin_languages(),
        }
    }

    /// A user's geodata folder with the same file names. Without `lang/`, the built-in lexicons are used.
    pub fn from_dir(dir: &Path) -> Result<GeoFiles, Diagnostic> {
        if !dir.is_dir() {
            return Err(Diagnostic::error(&dir.display().to_string(), None, None, "is not a folder")
                .with_hint(format!("a geodata folder holds {}", GEODATA_FILES.join(", "))));
        }
        let files = GEODATA_FILES.iter().map(|name| read_data_file(&dir.join(name))).collect::<Result<Vec<_>, _>>()?;
        let lang_dir = dir.join("lang");
        let languages = if lang_dir.is_dir() { read_languages(&lang_dir)? } else { builtin_languages() };
        Ok(GeoFiles { files, languages })
    }

    /// One of [`GEODATA_FILES`].
    pub fn get(&self, file: &str) -> &DataFile {
        self.files.iter().find(|f| f.name.ends_with(file)).expect("every geodata file is loaded")
    }
}

fn builtin_languages() -> Vec<DataFile> {
    BUILTIN_LANGUAGES.iter().map(|(name, text)| DataFile::builtin(name, text)).collect()
}

fn read_languages(dir: &Path) -> Result<Vec<DataFile>, Diagnostic> {
    let listing = std::fs::read_dir(dir).map_err(|e| Diagnostic::error(&dir.display().to_string(), None, None, e.to_string()))?;
    let mut paths: Vec<_> = listing.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "toml")).collect();
    paths.sort();
    paths.iter().map(|p| read_data_file(p)).collect()
}

/// Reads a UTF-8 text file, naming the file (and the line of the first bad byte) on failure.
pub fn read_data_file(path: &Path) -> Result<DataFile, Diagnostic> {
    let bytes = read_bytes(path)?;
    let name = path.display().to_string();
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        Diagnostic::error(&name, Some(line), None, "is not UTF-8 text")
    })?;
    if text.trim().is_empty() {
        return Err(Diagnostic::error(&name, None, None, "the file is empty"));
    }
    Ok(DataFile { name, text: Cow::Owned(text) })
}

/// Reads a file's bytes, refusing folders and files over [`MAX_INPUT_BYTES`].
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, Diagnostic> {
    let name = path.display().to_string();
    let fail = |message: String| Diagnostic::error(&name, None, None, message);
    let meta = std::fs::metadata(path).map_err(|e| fail(format!("cannot read: {}", io_reason(&e))))?;
    if meta.is_dir() {
        return Err(fail("is a folder, not a file".into()));
    }
    if meta.len() > MAX_INPUT_BYTES {
        return Err(fail(format!("is {} MB; the limit is {} MB", meta.len() >> 20, MAX_INPUT_BYTES >> 20)));
    }
    std::fs::read(path).map_err(|e| fail(format!("cannot read: {}", io_reason(&e))))
}

/// An I/O error in words, without Rust's "(os error 2)" suffix.
pub fn io_reason(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => {
            let text = error.to_string();
            text.split(" (os error").next().unwrap_or(&text).to_string()
        }
    }
}
