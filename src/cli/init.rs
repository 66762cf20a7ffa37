//! `coc-lint init`: write a commented starter `coc-lint.toml`.

use std::io::{self, Write};
use std::path::Path;

use coc_lint::i18n::{format as tr, Arg};
use coc_lint::policy::FILE_NAME;

/// The starter file: every key it sets is what a folder without a
/// configuration gets, so writing it changes nothing until it is edited.
pub(crate) const STARTER: &str = include_str!("starter.toml");

/// Write `dir/coc-lint.toml`, never over an existing file (exit 2).
pub(crate) fn init(dir: &Path, out: &mut dyn Write) -> io::Result<u8> {
    let path = dir.join(FILE_NAME);
    // Written whole under a temporary name, then linked into place: the
    // file appears complete or not at all, and an existing one is never
    // replaced (the link fails).
    let temp = dir.join(format!(".{FILE_NAME}.{}.tmp", std::process::id()));
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)
        .and_then(|mut f| f.write_all(STARTER.as_bytes()).and_then(|()| f.sync_all()))
        .and_then(|()| std::fs::hard_link(&temp, &path));
    let _ = std::fs::remove_file(&temp);
    // No configuration is here yet (or it is the one not overwritten):
    // `--lang`, else `COC_LINT_LANG`.
    let lang = super::lang::flag().unwrap_or_else(super::lang::env);
    let shown = path.display().to_string();
    match written {
        Ok(()) => {
            writeln!(
                out,
                "{}",
                tr(lang, "init-wrote", &[("path", Arg::from(&shown))])
            )?;
            Ok(0)
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            let _ = writeln!(
                io::stderr(),
                "coc-lint: {}",
                tr(lang, "init-exists", &[("path", Arg::from(&shown))])
            );
            Ok(super::EXIT_TROUBLE)
        }
        Err(e) => {
            let error = e.to_string();
            let _ = writeln!(
                io::stderr(),
                "coc-lint: {}",
                tr(
                    lang,
                    "init-cannot-write",
                    &[("path", Arg::from(&shown)), ("error", Arg::from(&error))]
                )
            );
            Ok(super::EXIT_TROUBLE)
        }
    }
}
