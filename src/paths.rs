//! Paths and globs relative to a folder: the globs of `[per-file-ignores]`,
//! `include`/`exclude` and team rules' `when = { path = ... }` are written
//! relative to the configuration file that holds them, and matched against
//! the absolute path of each linted file.

use std::path::{Component, Path, PathBuf};

/// A glob relative to the folder of the file that wrote it (a per-file
/// ignore, an `include`, a team rule's `when = { path = ... }`). A glob without `/` matches a file name at any depth (as in
/// `.gitignore`); one with `/` matches the path from that folder; a
/// trailing `/` stands for everything under the folder.
#[derive(Debug, Clone)]
pub(crate) struct PathMatcher {
    pub pattern: String,
    base: PathBuf,
    glob: globset::GlobMatcher,
    name_only: bool,
}

impl PathMatcher {
    pub fn new(pattern: &str, base: &Path) -> Result<Self, String> {
        let trimmed = pattern.strip_prefix("./").unwrap_or(pattern);
        let (expanded, name_only) = if let Some(dir) = trimmed.strip_suffix('/') {
            (format!("{dir}/**"), false)
        } else {
            (trimmed.to_owned(), !trimmed.contains('/'))
        };
        let glob = globset::GlobBuilder::new(&expanded)
            .literal_separator(true)
            .build()
            .map_err(|e| e.kind().to_string())?;
        Ok(PathMatcher {
            pattern: pattern.to_owned(),
            base: base.to_path_buf(),
            glob: glob.compile_matcher(),
            name_only,
        })
    }

    /// Whether it matches `path` (absolute and normalised).
    pub fn matches(&self, path: &Path) -> bool {
        let Ok(relative) = path.strip_prefix(&self.base) else {
            return false;
        };
        if self.name_only {
            relative
                .file_name()
                .is_some_and(|name| self.glob.is_match(name))
        } else {
            self.glob.is_match(relative)
        }
    }
}

/// `path` made absolute against `cwd`, with `.` and `..` resolved
/// lexically (no file system access: the file may not exist).
pub(crate) fn absolute(cwd: &Path, path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        cwd.join(path)
    };
    let mut out = PathBuf::new();
    for component in joined.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_match_as_documented() {
        let base = Path::new("/repo");
        let m = |p: &str, path: &str| {
            PathMatcher::new(p, base)
                .expect("compiles")
                .matches(Path::new(path))
        };
        assert!(m("prod/*.json", "/repo/prod/a.json"));
        assert!(!m("prod/*.json", "/repo/prod/x/a.json"));
        assert!(m("prod/", "/repo/prod/x/a.json"));
        assert!(m("prod/**/*.json", "/repo/prod/x/a.json"));
        assert!(m("legacy-*.json", "/repo/deep/er/legacy-1.json"));
        assert!(!m("prod/*.json", "/other/prod/a.json"));
        assert!(m("./prod/*.json", "/repo/prod/a.json"));
        assert!(PathMatcher::new("prod/[", base).is_err());
    }

    #[test]
    fn paths_are_made_absolute_lexically() {
        let cwd = Path::new("/w/repo");
        assert_eq!(
            absolute(cwd, Path::new("./a/../b.json")),
            Path::new("/w/repo/b.json")
        );
        assert_eq!(absolute(cwd, Path::new("/x/./y")), Path::new("/x/y"));
    }
}
