//! Input files: the geodata folder and seeds ledger built into the binary, or the user's own files.

use std::borrow::Cow;
use std::path::Path;

use crate::ingest::limits::Limits;
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
    /// The credit line printed on every map (`attribution.txt`, optional in a user's folder).
    pub attribution: String,
}

/// The credit line of the built-in geodata (see `geodata/SOURCES.md`).
pub const BUILTIN_ATTRIBUTION: &str = "Boundaries: Natural Earth · Places: GeoNames (CC BY 4.0)";

const BUILTIN: [(&str, &str); 6] = [
    ("geodata/factions.toml", include_str!("../../geodata/factions.toml")),
    ("geodata/places.csv", include_str!("../../geodata/places.csv")),
    ("geodata/regions.geojson", include_str!("../../geodata/regions.geojson")),
    ("geodata/countries.geojson", include_str!("../../geodata/countries.geojson")),
    ("geodata/admin1.geojson", include_str!("../../geodata/admin1.geojson")),
    ("geodata/rivers.geojson", include_str!("../../geodata/rivers.geojson")),
];

const BUILTIN_LANGUAGES: [(&str, &str); 2] = [
    ("geodata/lang/nl.toml", include_str!("../../geodata/lang/nl.toml")),
    ("geodata/lang/en.toml", include_str!("../../geodata/lang/en.toml")),
];

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
            attribution: BUILTIN_ATTRIBUTION.to_string(),
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
        let credit = dir.join("attribution.txt");
        let attribution = match credit.exists() {
            true => read_data_file(&credit)?.text.trim().to_string(),
            false => BUILTIN_ATTRIBUTION.to_string(),
        };
        Ok(GeoFiles { files, languages, attribution })
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
    let listing =
        std::fs::read_dir(dir).map_err(|e| Diagnostic::error(&dir.display().to_string(), None, None, e.to_string()))?;
    let mut paths: Vec<_> = listing
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
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

/// Reads a file's bytes, refusing folders, devices, pipes and files over [`MAX_INPUT_BYTES`].
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, Diagnostic> {
    let name = path.display().to_string();
    let fail = |message: String| Diagnostic::error(&name, None, None, message);
    check_regular_file(path, MAX_INPUT_BYTES, "")?;
    std::fs::read(path).map_err(|e| fail(format!("cannot read: {}", io_reason(&e))))
}

/// Refuses at once what cannot be read whole: a folder, a device such as `/dev/zero`, a pipe,
/// or a file over `limit` bytes (`raise` says how to raise the limit, if one can).
fn check_regular_file(path: &Path, limit: u64, raise: &str) -> Result<(), Diagnostic> {
    let name = path.display().to_string();
    let fail = |message: String| Diagnostic::error(&name, None, None, message);
    let meta = std::fs::metadata(path).map_err(|e| fail(format!("cannot read: {}", io_reason(&e))))?;
    if meta.is_dir() {
        return Err(fail("is a folder, not a file".into()));
    }
    if !meta.is_file() {
        return Err(fail(
            "is not a regular file (a device or a pipe?); save the data to a file, or pipe it to `-`".into(),
        ));
    }
    if meta.len() > limit {
        let message = format!("is {} MB; the limit is {} MB", meta.len().div_ceil(1 << 20), limit >> 20);
        return Err(if raise.is_empty() { fail(message) } else { fail(message).with_hint(raise) });
    }
    Ok(())
}

/// Opens a ledger to stream it: `-` is standard input (held to the same limits while it is
/// read); a path must be a regular file within `limits.max_bytes`.
pub fn open_ledger(path: &Path, limits: Limits) -> Result<(String, Box<dyn std::io::Read>), Diagnostic> {
    if path == Path::new("-") {
        return Ok(("<stdin>".to_string(), Box::new(std::io::stdin().lock())));
    }
    let name = path.display().to_string();
    check_regular_file(path, limits.max_bytes, "--max-ledger-mb raises it")?;
    let file = std::fs::File::open(path)
        .map_err(|e| Diagnostic::error(&name, None, None, format!("cannot read: {}", io_reason(&e))))?;
    Ok((name, Box::new(std::io::BufReader::with_capacity(1 << 16, file))))
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

/// Temporary files being written right now, removed if the run is interrupted.
static IN_PROGRESS: std::sync::Mutex<Vec<std::path::PathBuf>> = std::sync::Mutex::new(Vec::new());

/// Writes a file whole or not at all: to a hidden temporary name in the same folder, then renamed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomic_with(path, |out| out.write_all(bytes).map_err(anyhow::Error::from)).map_err(std::io::Error::other)
}

/// [`write_atomic`] for output written as it is produced: `write` fills the temporary file,
/// which is renamed over `path` only when `write` succeeds (and removed otherwise, or on Ctrl-C).
pub fn write_atomic_with<T>(
    path: &Path,
    write: impl FnOnce(&mut dyn std::io::Write) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    use std::io::Write;
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    let temp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    track(&temp, true);
    let result = (|| {
        let file = std::fs::File::create(&temp)
            .map_err(|e| anyhow::anyhow!("cannot create {}: {}", temp.display(), io_reason(&e)))?;
        let mut buffered = std::io::BufWriter::new(file);
        let value = write(&mut buffered)?;
        buffered.flush()?;
        std::fs::rename(&temp, path)
            .map_err(|e| anyhow::anyhow!("cannot write {}: {}", path.display(), io_reason(&e)))?;
        Ok(value)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    track(&temp, false);
    result
}

fn track(temp: &Path, writing: bool) {
    let mut list = IN_PROGRESS.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if writing {
        list.push(temp.to_path_buf());
    } else {
        list.retain(|p| p != temp);
    }
}

/// Removes the temporary files being written (on Ctrl-C), so no partial file is left.
pub fn remove_in_progress() {
    let list = IN_PROGRESS.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    for temp in list.iter() {
        let _ = std::fs::remove_file(temp);
    }
}

/// Removes temporary files (`.NAME.tmp-PID`) that a killed run left in `dir`: only those of a
/// process that no longer runs (checked in `/proc`; where there is no `/proc`, none are removed).
pub fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let pid =
            name.strip_prefix('.').and_then(|n| n.rsplit_once(".tmp-")).and_then(|(_, pid)| pid.parse::<u32>().ok());
        let dead = pid.is_some_and(|pid| {
            pid != std::process::id()
                && Path::new("/proc/self").exists()
                && !Path::new("/proc").join(pid.to_string()).exists()
        });
        if dead {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Creates `dir` if needed and checks that files can be written in it.
pub fn ensure_writable_dir(dir: &Path) -> Result<(), Diagnostic> {
    let name = dir.display().to_string();
    std::fs::create_dir_all(dir).map_err(|e| {
        Diagnostic::error(&name, None, None, format!("cannot create the output folder: {}", io_reason(&e)))
    })?;
    let probe = dir.join(format!(".controlmap-write-test-{}", std::process::id()));
    std::fs::write(&probe, b"").map_err(|e| {
        Diagnostic::error(&name, None, None, format!("cannot write in the output folder: {}", io_reason(&e)))
    })?;
    let _ = std::fs::remove_file(probe);
    Ok(())
}
