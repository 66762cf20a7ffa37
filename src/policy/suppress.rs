//! Ignores: diagnostics a policy drops, each counted so that an ignore that
//! no longer matches anything can be reported.

use std::collections::HashSet;
use std::ops::Range;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use crate::lint::{FileReport, ReportFilter};
use crate::rules::RuleSet;

/// One entry of `ignore` or `[per-file-ignores]`, as resolved.
#[derive(Debug)]
pub struct Ignore {
    /// The rule selector as written (`COC206`, `execute-user-not-root`,
    /// `COC2`).
    pub rule: String,
    /// Why, when the entry says.
    pub reason: Option<String>,
    /// For a per-file ignore, the glob of the files it applies to.
    pub glob: Option<String>,
    /// The configuration file it is written in.
    pub file: PathBuf,
    pub(crate) text: Arc<str>,
    pub(crate) span: Range<usize>,
    /// Where it is in the configuration, as a JSON pointer
    /// (`/ignore/0`, `/per-file-ignores/prod~1*.json/1`).
    pub pointer: String,
    pub(crate) rules: HashSet<usize>,
    pub(crate) matcher: Option<PathMatcher>,
    used: AtomicUsize,
}

impl Ignore {
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn new(
        rule: String,
        reason: Option<String>,
        file: PathBuf,
        text: Arc<str>,
        span: Range<usize>,
        pointer: String,
        rules: HashSet<usize>,
        matcher: Option<PathMatcher>,
    ) -> Self {
        Ignore {
            rule,
            reason,
            glob: matcher.as_ref().map(|m| m.pattern.clone()),
            file,
            text,
            span,
            pointer,
            rules,
            matcher,
            used: AtomicUsize::new(0),
        }
    }

    /// How many diagnostics it has dropped so far.
    pub fn used(&self) -> usize {
        self.used.load(Ordering::Relaxed)
    }

    /// The configuration's text and the bytes of this entry in it.
    pub fn location(&self) -> (&str, Range<usize>) {
        (&self.text, self.span.clone())
    }

    /// The 1-based line of the configuration that writes it.
    pub fn line(&self) -> usize {
        self.text
            .get(..self.span.start)
            .map_or(1, |before| before.matches('\n').count() + 1)
    }

    /// The indices (in [`RuleSet::rules`]) of the rules it drops, in order.
    pub fn rule_indices(&self) -> Vec<usize> {
        let mut all: Vec<usize> = self.rules.iter().copied().collect();
        all.sort_unstable();
        all
    }
}

/// A glob of a per-file ignore, relative to the folder of the file that
/// wrote it. A glob without `/` matches a file name at any depth (as in
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

/// The ignores of a policy.
#[derive(Debug, Default)]
pub struct Suppressions {
    pub(crate) ignores: Vec<Ignore>,
    /// The working directory relative paths are resolved against.
    pub(crate) cwd: PathBuf,
}

impl Suppressions {
    /// Every ignore, in the order the configuration gives them.
    pub fn ignores(&self) -> &[Ignore] {
        &self.ignores
    }
}

impl ReportFilter for Suppressions {
    /// Drop the diagnostics of `report` that an ignore covers, counting
    /// each use. `name` is the path the file was linted under.
    fn apply(&self, rules: &RuleSet, name: &str, report: &mut FileReport) {
        if self.ignores.is_empty() || report.diagnostics.is_empty() {
            return;
        }
        let path = std::cell::OnceCell::new();
        let path = || path.get_or_init(|| absolute(&self.cwd, Path::new(name)));
        report.diagnostics.retain(|d| {
            let Some(index) = rules.index_of(&d.code) else {
                return true;
            };
            let mut dropped = false;
            for ignore in &self.ignores {
                if ignore.rules.contains(&index)
                    && ignore.matcher.as_ref().is_none_or(|m| m.matches(path()))
                {
                    ignore.used.fetch_add(1, Ordering::Relaxed);
                    dropped = true;
                }
            }
            !dropped
        });
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
