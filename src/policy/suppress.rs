//! Ignores: diagnostics a policy drops, each counted so that an ignore that
//! no longer matches anything can be reported.

use std::collections::HashSet;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use crate::lint::{FileReport, ReportFilter};
pub(crate) use crate::paths::{absolute, PathMatcher};
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
