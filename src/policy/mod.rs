//! Local policies: `coc-lint.toml` files that choose the rules, their
//! severities, the ignores, and which files a directory walk lints.
//!
//! A [`Policy`] is what one folder's configuration comes to: a rule set, the
//! ignores, the walk's settings and a [`Linter`] built from them. A
//! [`Resolver`] finds the policy of every file a run meets:
//!
//! - **Discovery**: from the file's folder upward, every `coc-lint.toml` up
//!   to and including the first that says `root = true` (or the file
//!   system's root) is a layer; the nearest wins, key by key, as in
//!   EditorConfig: `select`, `include`, `exclude`, `respect-gitignore`,
//!   `unknown-files` and `allow-comments` are replaced by a nearer file,
//!   `[severity]` entries are replaced rule by rule, and `extend-select`,
//!   `ignore`, `[per-file-ignores]`, `extend-exclude`, the `[secrets]`
//!   lists and team rules (`[[rule]]`, `rule-dirs`; see
//!   [`crate::rules::team`]) add up. Each
//!   file's `extends` are layers just below the file itself, so the file
//!   overrides what it extends. `--config PATH` uses that file alone (with
//!   its `extends`), `--isolated` none. Options given on the command line
//!   are the nearest layer of all.
//! - **Presets**: `recommended` (the default, every rule at its own
//!   severity) and `strict` ship in `rules/presets/` and are layers like
//!   any file.
//!
//! Nothing here prints: a [`ConfigError`] says where a file is wrong, and
//! the caller decides how to show it.

pub mod config;
mod report;
mod suppress;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

pub use config::{ConfigError, FILE_NAME, KEYS};
pub use report::unused_ignores;
pub use suppress::{Ignore, Suppressions};

use crate::diagnostic::Severity;
use crate::i18n::Msg;
use crate::lint::{LintOptions, Linter};
use crate::paths::GlobList;
use crate::rules::RuleSet;
use config::{IgnoreEntry, Layer, SecretPattern};
use suppress::{absolute, PathMatcher};

/// The name the command-line options are read under, as a configuration
/// of their own, so that their faults are reported like a file's.
pub(crate) const COMMAND_LINE: &str = "<command line>";

/// The presets shipped with the rules: name, text.
pub const PRESETS: &[(&str, &str)] = &[
    (
        "recommended",
        include_str!("../../rules/presets/recommended.toml"),
    ),
    ("strict", include_str!("../../rules/presets/strict.toml")),
];

/// The globs a walk skips unless `exclude` replaces them: version control
/// and dependency folders, which hold JSON that is none of coc-lint's
/// business.
pub const DEFAULT_EXCLUDE: &[&str] = &[
    ".git",
    ".hg",
    ".svn",
    "node_modules",
    ".venv",
    "venv",
    "__pypackages__",
];

/// The globs a walk lints unless `include` replaces them.
pub const DEFAULT_INCLUDE: &[&str] = &["*.json", "*.ndjson", "*.jsonl"];

/// What a directory walk does with a JSON file that is no COC document
/// (a `package.json`, an editor's settings). A file named on the command
/// line is always reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum UnknownFiles {
    /// Leave it out of the report and the counts (the default).
    #[default]
    Skip,
    /// Report it as `unknown-document-kind`.
    Report,
}

/// The settings of a directory walk.
#[derive(Debug)]
pub struct WalkSettings {
    include: GlobList,
    exclude: GlobList,
    /// Skip what `.gitignore` files exclude.
    pub respect_gitignore: bool,
    /// What to do with JSON that is no COC document.
    pub unknown_files: UnknownFiles,
}

impl WalkSettings {
    /// Whether a walk lints this file (absolute, normalised path).
    pub fn includes(&self, path: &Path) -> bool {
        self.include.matches(path) && !self.excludes(path)
    }

    /// Whether `include` takes this file (absolute, normalised), whatever
    /// `exclude` says: for a walk that checked `exclude` already.
    pub fn included(&self, path: &Path) -> bool {
        self.include.matches(path)
    }

    /// Whether a walk skips this file or folder (absolute, normalised).
    pub fn excludes(&self, path: &Path) -> bool {
        self.exclude.matches(path)
    }
}

/// What the configuration of one folder comes to.
#[derive(Debug)]
pub struct Policy {
    linter: Linter,
    suppressions: Arc<Suppressions>,
    walk: WalkSettings,
    files: Vec<PathBuf>,
    allow_comments: bool,
}

impl Policy {
    /// The linter that applies it.
    pub fn linter(&self) -> &Linter {
        &self.linter
    }

    /// Whether JSONC (comments, trailing commas) is accepted.
    pub fn allow_comments(&self) -> bool {
        self.allow_comments
    }

    /// The directory walk's settings.
    pub fn walk(&self) -> &WalkSettings {
        &self.walk
    }

    /// The configuration files it was made of, farthest first (presets
    /// as `<preset NAME>`, options as `<command line>`).
    pub fn files(&self) -> &[PathBuf] {
        &self.files
    }

    /// Its ignores.
    pub fn suppressions(&self) -> &Suppressions {
        &self.suppressions
    }

    /// The folder of the nearest configuration file, if any file made it.
    pub fn dir(&self) -> Option<&Path> {
        self.files
            .iter()
            .rev()
            .find(|p| p.file_name().is_some_and(|n| n == FILE_NAME))
            .and_then(|p| p.parent())
    }

    /// The policy of layers, farthest first.
    fn build(layers: &[Layer], options: &LintOptions, cwd: &Path) -> Result<Policy, ConfigError> {
        // Team rules first, from every layer (they add up), so that
        // selectors, severities and ignores can name them.
        let mut builder = RuleSet::builder();
        builder.cwd(cwd);
        for layer in layers {
            add_team_rules(&mut builder, layer)?;
        }
        let builtin = builder.current();
        let count = builtin.rules().len();
        let mut selected = vec![true; count];
        let mut severity: Vec<Option<Option<Severity>>> = vec![None; count];
        let mut ignores = Vec::new();
        let mut include: Option<Vec<PathMatcher>> = None;
        let mut exclude: Option<Vec<PathMatcher>> = None;
        let mut extend_exclude = Vec::new();
        let mut respect_gitignore = true;
        let mut unknown_files = UnknownFiles::Skip;
        let mut allow_comments = false;
        let mut lang = options.lang;
        let mut secret_names: Vec<String> = Vec::new();
        let mut secret_patterns: Vec<SecretPattern> = Vec::new();

        for layer in layers {
            let c = &layer.config;
            let select = |s: &str, span: std::ops::Range<usize>| {
                builtin
                    .select_indices(s)
                    .map_err(|e| ConfigError::at(layer, span, e.msg()))
            };
            if let Some(list) = &c.select {
                selected = vec![false; count];
                for s in list {
                    for i in select(s.get_ref(), s.span())? {
                        selected[i] = true;
                    }
                }
            }
            for s in &c.extend_select {
                for i in select(s.get_ref(), s.span())? {
                    selected[i] = true;
                }
            }
            for (rule, level) in &c.severity {
                let level_of = match level.get_ref().as_str() {
                    "error" => Some(Severity::Error),
                    "warning" => Some(Severity::Warning),
                    "info" => Some(Severity::Info),
                    "off" => None,
                    other => {
                        return Err(ConfigError::at(
                            layer,
                            level.span(),
                            Msg::new("config-bad-severity").arg("value", other.to_owned()),
                        ))
                    }
                };
                let indices = builtin.select_indices(rule.get_ref()).map_err(|e| {
                    ConfigError::at(
                        layer,
                        rule.span(),
                        Msg::new("config-in-table")
                            .arg("table", "severity")
                            .msg("error", e.msg()),
                    )
                })?;
                for i in indices {
                    severity[i] = Some(level_of);
                }
            }
            for (n, value) in c.ignore.iter().enumerate() {
                let entry = IgnoreEntry::read(layer, value)?;
                let rules = select(&entry.rule, entry.span.clone())?;
                ignores.push(ignore(layer, entry, format!("/ignore/{n}"), rules, None));
            }
            for (glob_at, list) in &c.per_file_ignores {
                let glob = glob_at.get_ref();
                let matcher = PathMatcher::new(glob, &layer.dir).map_err(|e| {
                    ConfigError::at(
                        layer,
                        glob_at.span(),
                        Msg::new("config-in-table")
                            .arg("table", "per-file-ignores")
                            .msg("error", bad_glob(glob, &e)),
                    )
                })?;
                for (n, value) in list.get_ref().iter().enumerate() {
                    let entry = IgnoreEntry::read(layer, value)?;
                    let rules = select(&entry.rule, entry.span.clone())?;
                    let pointer = format!("/per-file-ignores/{}/{n}", escape_pointer(glob));
                    ignores.push(ignore(layer, entry, pointer, rules, Some(matcher.clone())));
                }
            }
            let globs = |list: &[toml::Spanned<String>]| -> Result<Vec<PathMatcher>, ConfigError> {
                list.iter()
                    .map(|g| {
                        PathMatcher::new(g.get_ref(), &layer.dir).map_err(|e| {
                            ConfigError::at(layer, g.span(), bad_glob(g.get_ref(), &e))
                        })
                    })
                    .collect()
            };
            if let Some(list) = &c.include {
                include = Some(globs(list)?);
            }
            if let Some(list) = &c.exclude {
                exclude = Some(globs(list)?);
            }
            extend_exclude.extend(globs(&c.extend_exclude)?);
            if let Some(v) = c.respect_gitignore {
                respect_gitignore = v;
            }
            if let Some(v) = &c.unknown_files {
                unknown_files = match v.get_ref().as_str() {
                    "skip" => UnknownFiles::Skip,
                    "report" => UnknownFiles::Report,
                    other => {
                        return Err(ConfigError::at(
                            layer,
                            v.span(),
                            Msg::new("config-bad-unknown-files").arg("value", other.to_owned()),
                        ))
                    }
                };
            }
            if let Some(v) = c.allow_comments {
                allow_comments = v;
            }
            if let Some(v) = &c.lang {
                lang = v.get_ref().parse().map_err(|_: String| {
                    ConfigError::at(
                        layer,
                        v.span(),
                        Msg::new("config-bad-lang").arg("value", v.get_ref().clone()),
                    )
                })?;
            }
            for name in &c.secrets.extend_names {
                if name.get_ref().chars().all(|c| !c.is_alphanumeric()) {
                    return Err(ConfigError::at(
                        layer,
                        name.span(),
                        Msg::new("config-secret-name"),
                    ));
                }
                secret_names.push(name.get_ref().clone());
            }
            for pattern in &c.secrets.extend_patterns {
                secret_patterns.push(SecretPattern::read(layer, pattern)?);
            }
        }

        let invalid_config = builtin.index_of(crate::rules::RuleId::InvalidConfig.code());
        for i in 0..count {
            match severity[i] {
                Some(None) => builder.set_enabled(i, false),
                Some(Some(level)) => {
                    builder.set_enabled(i, selected[i]);
                    builder.set_severity(i, level);
                }
                None => builder.set_enabled(i, selected[i]),
            }
        }
        // A configuration that is read is never half-read: its own faults
        // stay on whatever it selects.
        if let Some(i) = invalid_config {
            builder.set_enabled(i, true);
        }
        if !secret_names.is_empty() || !secret_patterns.is_empty() {
            let defaults = RuleSet::builtin();
            let builtin_params = &defaults.params().plaintext_secret;
            let mut names = builtin_params.names.clone();
            names.extend(secret_names);
            let mut patterns = builtin_params.patterns.clone();
            patterns.extend(secret_patterns.into_iter().map(|p| {
                let mut table = serde_json::Map::new();
                table.insert("what".into(), p.what.into());
                table.insert("regex".into(), p.regex.into());
                if let Some(n) = p.classes {
                    table.insert("classes".into(), n.into());
                }
                table
            }));
            // Both values have the parameters' types: this cannot fail.
            let id = crate::rules::RuleId::PlaintextSecret.name();
            let _ = builder.param(id, "names", names.into());
            let _ = builder.param(id, "patterns", patterns.into());
        }
        let mut options = options.clone();
        options.allow_comments |= allow_comments;
        options.lang = lang;
        let suppressions = Arc::new(Suppressions {
            ignores,
            cwd: cwd.to_path_buf(),
        });
        let linter = Linter::with_rules(options, Arc::new(builder.build()))
            .with_filter(suppressions.clone());
        let default_globs = |globs: &[&str]| {
            globs
                .iter()
                .filter_map(|g| PathMatcher::new(g, Path::new("/")).ok())
                .collect::<Vec<_>>()
        };
        let mut exclude = exclude.unwrap_or_else(|| default_globs(DEFAULT_EXCLUDE));
        exclude.extend(extend_exclude);
        Ok(Policy {
            linter,
            suppressions,
            walk: WalkSettings {
                include: GlobList::new(&include.unwrap_or_else(|| default_globs(DEFAULT_INCLUDE))),
                exclude: GlobList::new(&exclude),
                respect_gitignore,
                unknown_files,
            },
            files: layers.iter().map(|l| l.path.clone()).collect(),
            allow_comments,
        })
    }
}

/// A glob that does not compile: the glob crate's reason stays as it words
/// it.
fn bad_glob(glob: &str, error: &str) -> Msg {
    Msg::new("config-bad-glob")
        .arg("glob", glob.to_owned())
        .arg("error", error.to_owned())
}

/// Add the team rules of `layer` to `builder`: its `[[rule]]` tables, then
/// the `*.toml` files of its `rule-dirs` (in name order, each with the
/// `.md` beside it as its manual).
fn add_team_rules(
    builder: &mut crate::rules::RuleSetBuilder,
    layer: &Layer,
) -> Result<(), ConfigError> {
    use crate::rules::{RuleOrigin, TeamRuleError};
    let error = |origin: &RuleOrigin, e: TeamRuleError| ConfigError {
        path: origin.path.clone(),
        text: Some(origin.text.clone()),
        span: e.span,
        message: e.message,
        help: e.help,
        lang: layer.lang(),
    };
    let origin = RuleOrigin {
        path: layer.path.clone(),
        text: layer.text.clone(),
        base: layer.dir.clone(),
    };
    for table in &layer.config.rule {
        builder
            .add_rule(table, &origin, None)
            .map_err(|e| error(&origin, e))?;
    }
    for dir in &layer.config.rule_dirs {
        let folder = layer.dir.join(dir.get_ref());
        let entries = std::fs::read_dir(&folder).map_err(|e| {
            ConfigError::at(
                layer,
                dir.span(),
                crate::io::cannot_read_msg(&folder.display().to_string(), &e),
            )
        })?;
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
            .collect();
        files.sort();
        for file in files {
            let text = std::fs::read_to_string(&file).map_err(|e| {
                ConfigError::at(
                    layer,
                    dir.span(),
                    crate::io::cannot_read_msg(&file.display().to_string(), &e),
                )
            })?;
            let doc = std::fs::read_to_string(file.with_extension("md")).ok();
            let origin = RuleOrigin {
                path: file,
                text: Arc::from(text),
                base: layer.dir.clone(),
            };
            builder
                .add_rule_file(&origin, doc.as_deref())
                .map_err(|e| error(&origin, e))?;
        }
    }
    Ok(())
}

fn ignore(
    layer: &Layer,
    entry: IgnoreEntry,
    pointer: String,
    rules: Vec<usize>,
    matcher: Option<PathMatcher>,
) -> Ignore {
    Ignore::new(
        entry.rule,
        entry.reason,
        layer.path.clone(),
        layer.text.clone(),
        entry.span,
        pointer,
        rules.into_iter().collect::<HashSet<_>>(),
        matcher,
    )
}

/// RFC 6901: `~` as `~0`, `/` as `~1`.
fn escape_pointer(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// Options given on the command line, applied over every configuration.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    /// `--select`: replaces the selection.
    pub select: Option<Vec<String>>,
    /// `--extend-select`.
    pub extend_select: Vec<String>,
    /// `--ignore`.
    pub ignore: Vec<String>,
    /// `--severity RULE=LEVEL`.
    pub severity: Vec<(String, String)>,
    /// `--allow-comments`.
    pub allow_comments: bool,
    /// `--no-respect-gitignore`.
    pub no_respect_gitignore: bool,
    /// `--lang`.
    pub lang: Option<crate::i18n::Lang>,
}

impl Overrides {
    /// The options as a configuration file, so that they are read (and
    /// their mistakes shown) exactly as a file's would be.
    fn to_toml(&self) -> String {
        let quote = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into());
        let list = |items: &[String]| {
            items
                .iter()
                .map(|s| quote(s))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut text = String::new();
        if let Some(select) = &self.select {
            text.push_str(&format!("select = [{}]\n", list(select)));
        }
        if !self.extend_select.is_empty() {
            text.push_str(&format!(
                "extend-select = [{}]\n",
                list(&self.extend_select)
            ));
        }
        if !self.ignore.is_empty() {
            text.push_str(&format!("ignore = [{}]\n", list(&self.ignore)));
        }
        if self.allow_comments {
            text.push_str("allow-comments = true\n");
        }
        if self.no_respect_gitignore {
            text.push_str("respect-gitignore = false\n");
        }
        if let Some(lang) = self.lang {
            text.push_str(&format!("lang = {}\n", quote(lang.as_str())));
        }
        if !self.severity.is_empty() {
            text.push_str("[severity]\n");
            for (rule, level) in &self.severity {
                text.push_str(&format!("{} = {}\n", quote(rule), quote(level)));
            }
        }
        text
    }
}

/// Where configuration comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Discovery {
    /// The `coc-lint.toml` files above each file (the default).
    Nearest,
    /// This file alone (`--config`), with what it extends.
    File(PathBuf),
    /// No file at all (`--isolated`): the built-in rules and the options.
    Isolated,
}

/// Finds the policy of each file of a run, reading every configuration file
/// once. It is `Sync`: threads of a run share one.
#[derive(Debug)]
pub struct Resolver {
    discovery: Discovery,
    options: LintOptions,
    overrides: Option<Layer>,
    cwd: PathBuf,
    /// The chain of configuration files of each folder met.
    chains: Mutex<HashMap<PathBuf, Vec<PathBuf>>>,
    /// The policy of each chain.
    policies: Mutex<HashMap<Vec<PathBuf>, Arc<Policy>>>,
    /// Each configuration file met, parsed.
    read: Mutex<HashMap<PathBuf, Layer>>,
}

impl Resolver {
    /// A resolver; the command-line options are checked now.
    pub fn new(
        discovery: Discovery,
        options: LintOptions,
        overrides: &Overrides,
    ) -> Result<Resolver, ConfigError> {
        let cwd = std::env::current_dir().unwrap_or_default();
        let text = overrides.to_toml();
        let overrides = if text.is_empty() {
            None
        } else {
            Some(Layer::parse(
                PathBuf::from(COMMAND_LINE),
                cwd.clone(),
                Arc::from(text),
            )?)
        };
        let resolver = Resolver {
            discovery,
            options,
            overrides,
            cwd,
            chains: Mutex::new(HashMap::new()),
            policies: Mutex::new(HashMap::new()),
            read: Mutex::new(HashMap::new()),
        };
        // A bad `--config` file or option fails before anything is linted.
        if !matches!(resolver.discovery, Discovery::Nearest) {
            resolver.policy_of_chain(Vec::new())?;
        }
        Ok(resolver)
    }

    /// The policy of the file or folder at `path` (a file's is its folder's).
    pub fn policy(&self, path: &Path, is_dir: bool) -> Result<Arc<Policy>, ConfigError> {
        let chain = match &self.discovery {
            Discovery::Nearest => {
                let mut dir = absolute(&self.cwd, path);
                if !is_dir && dir.parent().is_some() {
                    dir.pop();
                }
                self.chain(&dir)?
            }
            Discovery::File(_) | Discovery::Isolated => Vec::new(),
        };
        self.policy_of_chain(chain)
    }

    /// The working directory relative paths are read against.
    pub fn cwd(&self) -> &Path {
        &self.cwd
    }

    /// `path` made absolute against the working directory, with `.` and
    /// `..` resolved lexically (as globs and discovery see it).
    pub fn absolute(&self, path: &Path) -> PathBuf {
        absolute(&self.cwd, path)
    }

    /// Every policy made so far.
    pub fn policies(&self) -> Vec<Arc<Policy>> {
        let policies = self.policies.lock().unwrap_or_else(|e| e.into_inner());
        let mut all: Vec<Arc<Policy>> = policies.values().cloned().collect();
        all.sort_by(|a, b| a.files.cmp(&b.files));
        all
    }

    /// The configuration files that apply in `dir`, farthest first.
    fn chain(&self, dir: &Path) -> Result<Vec<PathBuf>, ConfigError> {
        if let Some(chain) = self
            .chains
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(dir)
        {
            return Ok(chain.clone());
        }
        let mut found = Vec::new();
        let mut at = Some(dir);
        while let Some(d) = at {
            let candidate = d.join(FILE_NAME);
            if candidate.is_file() {
                let root = self.read(&candidate)?.config.root;
                found.push(candidate);
                if root {
                    break;
                }
            }
            at = d.parent();
        }
        found.reverse();
        self.chains
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(dir.to_path_buf(), found.clone());
        Ok(found)
    }

    /// The configuration file at `path`, read and parsed once whatever the
    /// number of chains it is part of (discovery asks it for `root`, then
    /// each policy built on it for the rest).
    fn read(&self, path: &Path) -> Result<Layer, ConfigError> {
        if let Some(layer) = self
            .read
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(path)
        {
            return Ok(layer.clone());
        }
        let layer = Layer::read(path)?;
        self.read
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path.to_path_buf(), layer.clone());
        Ok(layer)
    }

    fn policy_of_chain(&self, chain: Vec<PathBuf>) -> Result<Arc<Policy>, ConfigError> {
        if let Some(p) = self
            .policies
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&chain)
        {
            return Ok(p.clone());
        }
        let mut layers = Vec::new();
        let files: Vec<PathBuf> = match &self.discovery {
            Discovery::File(path) => vec![path.clone()],
            _ => chain.clone(),
        };
        for file in &files {
            let layer = self.read(file)?;
            let mut stack = vec![canonical(file)];
            expand(layer, &mut stack, &mut layers)?;
        }
        if let Some(o) = &self.overrides {
            layers.push(o.clone());
        }
        let policy = Arc::new(Policy::build(&layers, &self.options, &self.cwd)?);
        self.policies
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(chain, policy.clone());
        Ok(policy)
    }
}

fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Push the layers `layer` extends, then `layer` itself. `stack` holds the
/// files being expanded, to refuse a cycle.
fn expand(layer: Layer, stack: &mut Vec<PathBuf>, out: &mut Vec<Layer>) -> Result<(), ConfigError> {
    for entry in &layer.config.extends {
        let name = entry.get_ref();
        if let Some((preset, text)) = PRESETS.iter().find(|(p, _)| p == name) {
            let path = PathBuf::from(format!("<preset {preset}>"));
            let preset_layer = Layer::parse(path, layer.dir.clone(), Arc::from(*text))?;
            expand(preset_layer, stack, out)?;
            continue;
        }
        if !name.contains(['/', '\\']) && !name.ends_with(".toml") {
            let names: Vec<String> = PRESETS.iter().map(|(p, _)| format!("`{p}`")).collect();
            return Err(ConfigError::at(
                &layer,
                entry.span(),
                Msg::new("config-no-preset").arg("name", name.clone()),
            )
            .help(Msg::new("help-config-presets").arg("presets", names.join(" and "))));
        }
        let path = layer.dir.join(name);
        let key = canonical(&path);
        if stack.contains(&key) {
            let cycle: Vec<String> = stack
                .iter()
                .chain(std::iter::once(&key))
                .map(|p| p.display().to_string())
                .collect();
            return Err(ConfigError::at(
                &layer,
                entry.span(),
                Msg::new("config-extends-cycle").arg("cycle", cycle.join(" → ")),
            ));
        }
        let extended = Layer::read(&path).map_err(|mut e| {
            if e.text.is_none() {
                // The file could not be read: say so where it is named.
                e = ConfigError::at(&layer, entry.span(), *e.message);
            }
            e
        })?;
        stack.push(key);
        expand(extended, stack, out)?;
        stack.pop();
    }
    out.push(layer);
    Ok(())
}

impl Linter {
    /// A linter that applies the configuration file at `path` (with what it
    /// extends; no discovery), over `options`.
    ///
    /// ```
    /// # let dir = tempfile::tempdir()?;
    /// let config = dir.path().join("coc-lint.toml");
    /// std::fs::write(&config, "ignore = [\"execute-user-not-root\"]\n[severity]\nCOC202 = \"warning\"\n")?;
    /// let linter = coc_lint::Linter::from_config(&config, Default::default())?;
    /// let report = linter.lint_source("p.json", r#"{"timeout": 3600, "success_rate": 100, "execute_user": "root"}"#);
    /// let found: Vec<_> = report.diagnostics.iter().map(|d| (d.name.as_ref(), d.severity)).collect();
    /// assert_eq!(found, [("timeout-out-of-range", coc_lint::Severity::Warning)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_config(path: &Path, options: LintOptions) -> Result<Linter, ConfigError> {
        let resolver = Resolver::new(
            Discovery::File(path.to_path_buf()),
            options,
            &Overrides::default(),
        )?;
        let policy = resolver.policy(path, false)?;
        Ok(policy.linter().clone())
    }
}
