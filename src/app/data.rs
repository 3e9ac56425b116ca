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
    /// Extractor lexicons, one per language (`nl.toml`, `en.toml`), and exonym lists (`exonyms-nl.tsv`).
    pub languages: Vec<DataFile>,
    /// The credit line printed on every map (`attribution.txt`, optional in a user's folder).
    pub attribution: String,
}

/// The credit line of the built-in geodata (see `geodata/SOURCES.md`).
pub const BUILTIN_ATTRIBUTION: &str = "Boundaries: Natural Earth · Places: GeoNames (CC BY 4.0)";

/// The credit line of maps drawn on the built-in world layers, naming the border view.
pub fn world_attribution(borders: crate::geometry::world::Borders) -> String {
    format!("Boundaries: Natural Earth, {} · Places: GeoNames (CC BY 4.0)", borders.credit())
}

const BUILTIN: [(&str, &str); 6] = [
    ("geodata/factions.toml", include_str!("../../geodata/factions.toml")),
    ("geodata/places.csv", include_str!("../../geodata/places.csv")),
    ("geodata/regions.geojson", include_str!("../../geodata/regions.geojson")),
    ("geodata/countries.geojson", include_str!("../../geodata/countries.geojson")),
    ("geodata/admin1.geojson", include_str!("../../geodata/admin1.geojson")),
    ("geodata/rivers.geojson", include_str!("../../geodata/rivers.geojson")),
];

const BUILTIN_LANGUAGES: [(&str, &str); 4] = [
    ("geodata/lang/nl.toml", include_str!("../../geodata/lang/nl.toml")),
    ("geodata/lang/en.toml", include_str!("../../geodata/lang/en.toml")),
    ("geodata/lang/exonyms-nl.tsv", include_str!("../../geodata/lang/exonyms-nl.tsv")),
    ("geodata/lang/countries.tsv", include_str!("../../geodata/lang/countries.tsv")),
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
        .filter(|p| p.extension().is_some_and(|x| x == "toml" || x == "tsv"))
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
        let line = crate::ingest::lines::line_at(valid, valid.len());
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

/// What the temporary files of a write start with, after `.NAME`: `.NAME.tmp-PID-RANDOM`.
const TEMPORARY_MARK: &str = ".tmp-";
/// What the writability probe of an output folder starts with: `.controlmap-write-test-PID-RANDOM`.
const PROBE_PREFIX: &str = ".controlmap-write-test-";

/// Writes a file whole or not at all: to a hidden temporary file in the same folder, then renamed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomic_with(path, |out| out.write_all(bytes).map_err(anyhow::Error::from)).map_err(std::io::Error::other)
}

/// [`write_atomic`] for output written as it is produced: `write` fills the temporary file,
/// which is renamed over `path` only when `write` succeeds (and removed otherwise, or on Ctrl-C).
///
/// The temporary file is created exclusively (never through an existing file or symlink) under
/// an unpredictable name, so a symlink planted in a shared output folder redirects nothing; the
/// rename replaces a symlink at `path` itself, so the output is always a regular file.
///
/// A destination that exists and is no regular file or folder (a device such as `/dev/null` or
/// `/dev/stdout`, a named pipe) is written straight through instead: renaming over it would
/// replace the device or pipe itself with a regular file.
pub fn write_atomic_with<T>(
    path: &Path,
    write: impl FnOnce(&mut dyn std::io::Write) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    use std::io::Write;
    if is_special_file(path) {
        let file = std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .map_err(|e| anyhow::anyhow!("cannot write {}: {}", path.display(), io_reason(&e)))?;
        let mut buffered = std::io::BufWriter::new(file);
        let value = write(&mut buffered)?;
        buffered.flush().map_err(|e| anyhow::anyhow!("cannot write {}: {}", path.display(), io_reason(&e)))?;
        return Ok(value);
    }
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    let temp = exclusive_temporary(dir, &format!(".{name}{TEMPORARY_MARK}{}-", std::process::id()))
        .map_err(|e| anyhow::anyhow!("cannot create a temporary file in {}: {}", dir.display(), io_reason(&e)))?;
    track(temp.path(), true);
    let temp_path = temp.path().to_path_buf();
    let result = (|| {
        let mut buffered = std::io::BufWriter::new(temp.as_file());
        let value = write(&mut buffered)?;
        buffered.flush()?;
        drop(buffered);
        temp.persist(path).map_err(|e| anyhow::anyhow!("cannot write {}: {}", path.display(), io_reason(&e.error)))?;
        Ok(value)
    })();
    // On failure the temporary file was dropped (and so removed) inside the closure.
    track(&temp_path, false);
    result
}

/// Whether `path` (followed through symlinks) exists and is neither a regular file nor a folder.
fn is_special_file(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.file_type().is_file() && !m.file_type().is_dir())
}

/// A new file in `dir` named `prefix` and random characters, created exclusively (`O_EXCL`,
/// so never through a symlink), readable as the umask allows (not only by its owner).
fn exclusive_temporary(dir: &Path, prefix: &str) -> std::io::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(prefix).rand_bytes(10);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(dir)
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

/// Removes the temporary and probe files (`.NAME.tmp-PID-…`, `.controlmap-write-test-PID-…`,
/// and the older `.NAME.tmp-PID`) that a killed run left in `dir`: only regular files of a
/// process that no longer runs (checked in `/proc`; where there is no `/proc`, none are removed).
pub fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let dead = writer_pid(&name).is_some_and(|pid| {
            pid != std::process::id()
                && Path::new("/proc/self").exists()
                && !Path::new("/proc").join(pid.to_string()).exists()
        });
        let regular = entry.file_type().is_ok_and(|t| t.is_file());
        if dead && regular {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The process id in the name of a temporary or probe file, if it is one.
fn writer_pid(name: &str) -> Option<u32> {
    let after = match name.strip_prefix(PROBE_PREFIX) {
        Some(rest) => rest,
        None => name.strip_prefix('.')?.rsplit_once(TEMPORARY_MARK)?.1,
    };
    after.split('-').next()?.parse().ok()
}

/// Creates `dir` if needed and checks that files can be written in it, with a probe file created
/// like a temporary file (exclusively, under a random name) and always removed.
pub fn ensure_writable_dir(dir: &Path) -> Result<(), Diagnostic> {
    let name = dir.display().to_string();
    std::fs::create_dir_all(dir).map_err(|e| {
        Diagnostic::error(&name, None, None, format!("cannot create the output folder: {}", io_reason(&e)))
    })?;
    let probe = exclusive_temporary(dir, &format!("{PROBE_PREFIX}{}-", std::process::id())).map_err(|e| {
        Diagnostic::error(&name, None, None, format!("cannot write in the output folder: {}", io_reason(&e)))
    })?;
    probe
        .close()
        .map_err(|e| Diagnostic::error(&name, None, None, format!("cannot remove the probe file: {}", io_reason(&e))))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file outside the output folder that planted symlinks point at: it must stay as it is.
    fn precious(dir: &Path, name: &str) -> std::path::PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, "precious").unwrap();
        path
    }

    #[cfg(unix)]
    #[test]
    fn planted_symlinks_redirect_no_write() {
        let (outside, out) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let pid = std::process::id();
        let planted = [
            format!(".map.svg.tmp-{pid}"),
            format!(".controlmap-write-test-{pid}"),
            format!(".map.svg.tmp-{pid}-0000000000"),
            format!(".map.svg.tmp-{pid}-aaaaaaaaaa"),
            format!(".controlmap-write-test-{pid}-0000000000"),
            "map.svg".to_string(),
        ];
        let targets: Vec<_> =
            planted.iter().enumerate().map(|(i, _)| precious(outside.path(), &i.to_string())).collect();
        for (name, target) in planted.iter().zip(&targets) {
            std::os::unix::fs::symlink(target, out.path().join(name)).unwrap();
        }
        ensure_writable_dir(out.path()).unwrap();
        write_atomic(&out.path().join("map.svg"), b"<svg/>").unwrap();
        for target in &targets {
            assert_eq!(std::fs::read_to_string(target).unwrap(), "precious", "{}", target.display());
        }
        let written = out.path().join("map.svg");
        assert!(std::fs::symlink_metadata(&written).unwrap().file_type().is_file(), "the output is a regular file");
        assert_eq!(std::fs::read(&written).unwrap(), b"<svg/>");
        let mut left: Vec<String> =
            std::fs::read_dir(out.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into()).collect();
        left.sort();
        let mut expected: Vec<String> = planted.to_vec();
        expected.sort();
        assert_eq!(left, expected, "no temporary or probe file is left");
    }

    /// `--out /dev/null` or `--out /dev/stdout` writes through: the rename of a temporary file
    /// had replaced /dev/null itself with a regular file. Tried through a symlink to /dev/null in
    /// a temporary folder, so a regression replaces only the symlink.
    #[cfg(unix)]
    #[test]
    fn a_device_is_written_through_not_replaced() {
        use std::os::unix::fs::FileTypeExt;
        let out = tempfile::tempdir().unwrap();
        let link = out.path().join("sink");
        std::os::unix::fs::symlink("/dev/null", &link).unwrap();
        write_atomic(&link, b"claims").unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the symlink is kept");
        assert!(std::fs::metadata(&link).unwrap().file_type().is_char_device(), "it still leads to the device");
        assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 1, "no temporary file is left");
    }

    #[test]
    fn a_failed_write_leaves_nothing_and_keeps_the_old_file() {
        let out = tempfile::tempdir().unwrap();
        let path = out.path().join("timeline.csv");
        std::fs::write(&path, "old").unwrap();
        let result: anyhow::Result<()> = write_atomic_with(&path, |w| {
            w.write_all(b"half")?;
            anyhow::bail!("the data ran out")
        });
        assert!(result.is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 1);
        assert!(IN_PROGRESS.lock().unwrap().iter().all(|p| !p.starts_with(out.path())));
    }

    #[cfg(unix)]
    #[test]
    fn stale_files_of_dead_runs_are_removed_but_never_symlinks() {
        let (outside, out) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let dead = 999_999_999u32;
        let live = std::process::id();
        let stale = [
            format!(".a.png.tmp-{dead}"),
            format!(".a.png.tmp-{dead}-x1y2z3"),
            format!(".controlmap-write-test-{dead}-q"),
        ];
        let kept = [
            format!(".a.png.tmp-{live}-abc"),
            format!(".controlmap-write-test-{live}"),
            "a.png".into(),
            ".hidden".into(),
        ];
        for name in stale.iter().chain(&kept) {
            std::fs::write(out.path().join(name), "x").unwrap();
        }
        let target = precious(outside.path(), "t");
        let link = out.path().join(format!(".b.png.tmp-{dead}-l1"));
        std::os::unix::fs::symlink(&target, &link).unwrap();
        remove_stale_temporaries(out.path());
        for name in &stale {
            assert!(!out.path().join(name).exists(), "{name} is removed");
        }
        for name in &kept {
            assert!(out.path().join(name).exists(), "{name} is kept");
        }
        assert!(std::fs::symlink_metadata(&link).is_ok());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "precious");
    }

    #[test]
    fn temporary_and_probe_names_carry_the_writer_pid() {
        assert_eq!(writer_pid(".2017-10.png.tmp-4242-Ab3dE"), Some(4242));
        assert_eq!(writer_pid(".timeline.csv.tmp-17"), Some(17));
        assert_eq!(writer_pid(".controlmap-write-test-99-xyz"), Some(99));
        assert_eq!(writer_pid(".controlmap-write-test-99"), Some(99));
        assert_eq!(writer_pid("2017-10.png"), None);
        assert_eq!(writer_pid(".notes.tmp-mine"), None);
    }
}
