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
    glob: globset::Glob,
    /// Compiled on first use: most matchers (a walk's `include` and
    /// `exclude`) are only ever asked through a [`GlobList`]'s set, and
    /// compiling each glob's own regex was a sixth of start-up.
    matcher: std::sync::OnceLock<globset::GlobMatcher>,
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
            glob,
            matcher: std::sync::OnceLock::new(),
            name_only,
        })
    }

    /// Whether it matches `path` (absolute and normalised).
    pub fn matches(&self, path: &Path) -> bool {
        let Ok(relative) = path.strip_prefix(&self.base) else {
            return false;
        };
        let matcher = self.matcher.get_or_init(|| self.glob.compile_matcher());
        if self.name_only {
            relative
                .file_name()
                .is_some_and(|name| matcher.is_match(name))
        } else {
            matcher.is_match(relative)
        }
    }
}

/// Many [`PathMatcher`]s asked together, as `include` and `exclude` are
/// for every entry of a walk: the globs that share a folder and a kind (a
/// name at any depth, or a path from the folder) are one
/// [`globset::GlobSet`], so an entry costs one match per group (usually one
/// or two), not one per glob.
#[derive(Debug, Clone, Default)]
pub(crate) struct GlobList {
    groups: Vec<(PathBuf, bool, globset::GlobSet)>,
}

impl GlobList {
    /// The globs of `matchers`, grouped (they compiled already).
    pub fn new(matchers: &[PathMatcher]) -> GlobList {
        let mut builders: Vec<(PathBuf, bool, globset::GlobSetBuilder)> = Vec::new();
        for m in matchers {
            let i = match builders
                .iter()
                .position(|(base, name_only, _)| *base == m.base && *name_only == m.name_only)
            {
                Some(i) => i,
                None => {
                    builders.push((m.base.clone(), m.name_only, globset::GlobSetBuilder::new()));
                    builders.len() - 1
                }
            };
            builders[i].2.add(m.glob.clone());
        }
        let groups = builders
            .into_iter()
            .filter_map(|(base, name_only, b)| Some((base, name_only, b.build().ok()?)))
            .collect();
        GlobList { groups }
    }

    /// Whether any glob matches `path` (absolute and normalised).
    pub fn matches(&self, path: &Path) -> bool {
        self.groups.iter().any(|(base, name_only, set)| {
            let Ok(relative) = path.strip_prefix(base) else {
                return false;
            };
            if *name_only {
                relative.file_name().is_some_and(|name| set.is_match(name))
            } else {
                set.is_match(relative)
            }
        })
    }
}

/// `path` made absolute against `cwd`, with `.` and `..` resolved
/// lexically (no file system access: the file may not exist).
pub(crate) fn absolute(cwd: &Path, path: &Path) -> PathBuf {
    // Most paths of a walk are already clean: no `.` or `..` to resolve.
    let clean = path
        .components()
        .all(|c| !matches!(c, Component::CurDir | Component::ParentDir));
    if clean {
        return if path.is_absolute() {
            path.to_path_buf()
        } else {
            cwd.join(path)
        };
    }
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
    fn a_glob_list_matches_as_its_globs_do() {
        let patterns = ["prod/*.json", "legacy-*.json", "vendor/", "*.ndjson"];
        let mut matchers: Vec<PathMatcher> = patterns
            .iter()
            .map(|p| PathMatcher::new(p, Path::new("/repo")).expect("compiles"))
            .collect();
        matchers.push(PathMatcher::new(".git", Path::new("/")).expect("compiles"));
        let list = GlobList::new(&matchers);
        for path in [
            "/repo/prod/a.json",
            "/repo/prod/x/a.json",
            "/repo/deep/legacy-1.json",
            "/repo/vendor/x/y.json",
            "/repo/a.ndjson",
            "/other/a.ndjson",
            "/x/.git",
            "/repo/a.json",
        ] {
            let path = Path::new(path);
            assert_eq!(
                list.matches(path),
                matchers.iter().any(|m| m.matches(path)),
                "{}",
                path.display()
            );
        }
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
