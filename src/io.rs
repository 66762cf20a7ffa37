//! File access: the one place that opens inputs and words I/O faults. A leaf
//! module: it knows nothing of rules or diagnostics, so every layer above
//! (the linter, NDJSON streams, the command line's walk) says the same fault
//! in the same words.

use std::fs::File;
use std::path::Path;

use crate::i18n::{tr, Lang};

/// Whether a path names an NDJSON stream by its extension.
pub fn is_ndjson(path: &Path) -> bool {
    // Compared as bytes: `Path::extension` parses the whole path, which
    // shows in profiles of directories with thousands of files.
    let name = path.as_os_str().as_encoded_bytes();
    name.ends_with(b".ndjson") || name.ends_with(b".jsonl")
}

/// Why an input could not be opened as a regular file.
#[derive(Debug)]
pub enum OpenError {
    /// The system refused or failed (missing, permission, a loop, ...).
    Io(std::io::Error),
    /// The path is a directory.
    Directory,
    /// The path is a FIFO, socket or device.
    NotRegular,
}

impl OpenError {
    /// The fault in words, naming the input `name`.
    pub fn describe(&self, name: &str) -> String {
        self.describe_in(Lang::EnUs, name)
    }

    /// [`OpenError::describe`] in `lang`.
    pub fn describe_in(&self, lang: Lang, name: &str) -> String {
        match self {
            OpenError::Io(e) => cannot_read_in(lang, name, e),
            OpenError::Directory => tr!(lang, "io-directory", name = name),
            OpenError::NotRegular => tr!(lang, "io-not-regular", name = name),
        }
    }
}

/// Open a file for reading and check that it is a regular file.
pub fn open_regular(path: &Path) -> Result<(File, std::fs::Metadata), OpenError> {
    let file = open_nonblocking(path).map_err(OpenError::Io)?;
    let meta = file.metadata().map_err(OpenError::Io)?;
    if meta.is_dir() {
        return Err(OpenError::Directory);
    }
    if !meta.is_file() {
        return Err(OpenError::NotRegular);
    }
    Ok((file, meta))
}

/// Open a file for reading without blocking: a FIFO opened this way does
/// not wait for a writer, so it can be inspected (and skipped) safely; a
/// regular file reads as usual.
fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// A path that could not be read, in the words used for it everywhere: as
/// an argument, inside a directory walk, or half-way through a file.
pub fn cannot_read(name: &str, e: &std::io::Error) -> String {
    cannot_read_in(Lang::EnUs, name, e)
}

/// [`cannot_read`] in `lang`.
pub fn cannot_read_in(lang: Lang, name: &str, e: &std::io::Error) -> String {
    tr!(
        lang,
        "io-cannot-read",
        name = name,
        error = describe_io_in(lang, e)
    )
}

/// [`cannot_read`] as a message to word later, in the language of a run
/// not known yet (a configuration file that cannot be read).
pub fn cannot_read_msg(name: &str, e: &std::io::Error) -> crate::i18n::Msg {
    use crate::i18n::Msg;
    use std::io::ErrorKind;
    let error = match e.kind() {
        ErrorKind::NotFound => Msg::new("io-not-found"),
        ErrorKind::PermissionDenied => Msg::new("io-permission-denied"),
        _ => Msg::new("io-system").arg("error", e.to_string()),
    };
    Msg::new("io-cannot-read")
        .arg("name", name.to_owned())
        .msg("error", error)
}

/// An I/O error in words, with what to do where there is something to do.
pub fn describe_io(e: &std::io::Error) -> String {
    describe_io_in(Lang::EnUs, e)
}

/// [`describe_io`] in `lang` (other errors are the system's words).
pub fn describe_io_in(lang: Lang, e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => tr!(lang, "io-not-found"),
        ErrorKind::PermissionDenied => tr!(lang, "io-permission-denied"),
        _ => e.to_string(),
    }
}
