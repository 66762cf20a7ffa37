//! `--save DIR`: each response body, byte for byte, in `DIR/<name>.json`,
//! written atomically (a temporary file in DIR, synced, then renamed over
//! the name), so a reader never sees half a ticket and a failed run leaves
//! the previous file whole.
//!
//! The name comes from the execute_uuid, which the server or a user wrote:
//! [`file_name`] maps it to one plain file name whatever it holds (`..`,
//! `/`, `\`, NUL, controls), so the file is always directly in DIR.

use std::io::Write;
use std::path::{Path, PathBuf};

/// The file name an execute_uuid is saved under: the uuid with every byte
/// but ASCII letters, digits, `-` and `_` percent-encoded (`../x` gives
/// `%2E%2E%2Fx`), then `.json`. Distinct uuids give distinct names, and a
/// name never holds a path separator, never starts with `.` and is never
/// empty (`None` for an empty uuid, which is refused before any request).
pub fn file_name(uuid: &str) -> Option<String> {
    if uuid.is_empty() {
        return None;
    }
    let mut name = String::with_capacity(uuid.len() + 5);
    for b in uuid.bytes() {
        if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' {
            name.push(char::from(b));
        } else {
            name.push_str(&format!("%{b:02X}"));
        }
    }
    name.push_str(".json");
    Some(name)
}

/// Write `body` to `dir/<file_name(uuid)>` atomically, creating `dir` if
/// needed. Gives the path written.
pub fn save(dir: &Path, uuid: &str, body: &[u8]) -> std::io::Result<PathBuf> {
    let name = file_name(uuid).ok_or_else(|| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "the execute_uuid is empty",
        )
    })?;
    std::fs::create_dir_all(dir)?;
    let path = dir.join(&name);
    let mut tmp = tempfile::Builder::new()
        .prefix(".coc-lint-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(body)?;
    tmp.as_file().sync_all()?;
    tmp.persist(&path).map_err(|e| e.error)?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_stay_in_the_directory() {
        assert_eq!(
            file_name("SCT2023083109562601af694bf").as_deref(),
            Some("SCT2023083109562601af694bf.json")
        );
        assert_eq!(file_name("../x").as_deref(), Some("%2E%2E%2Fx.json"));
        assert_eq!(file_name("a/b").as_deref(), Some("a%2Fb.json"));
        assert_eq!(file_name("a\0b").as_deref(), Some("a%00b.json"));
        assert_eq!(file_name("..").as_deref(), Some("%2E%2E.json"));
        assert_eq!(file_name("%2E").as_deref(), Some("%252E.json"));
        assert_eq!(file_name("é").as_deref(), Some("%C3%A9.json"));
        assert_eq!(file_name(""), None);
    }

    #[test]
    fn saves_exact_bytes_and_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("new");
        let body = b"{\"data\": 1}\r\n\xff";
        let p = save(&out, "../x", body).unwrap();
        assert_eq!(p, out.join("%2E%2E%2Fx.json"));
        assert_eq!(std::fs::read(&p).unwrap(), body);
        save(&out, "../x", b"2").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"2");
        let names: Vec<_> = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "no temporary file is left: {names:?}");
        assert!(save(&out, "", b"x").is_err());
    }
}
