//! The linter: loads a document, walks it along its model, runs the rules.

use std::fs::File;
use std::io::{BufRead, Read};

use crate::i18n::{tr, Lang};
use crate::io::{describe_io_in, is_ndjson, open_regular};
use std::path::Path;
use std::sync::Arc;

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Severity};
use crate::fix::{Applicability, Fix};
use crate::kind::DocumentKind;
use crate::load::ast::Node;
use crate::load::{self, ParseError};
use crate::rules::types::{self, Typed};
use crate::rules::{check::Subject, duplicate_key, fields, Cx, RuleId, RuleSet, Token};
use crate::schema::{Field, FieldType};
use crate::source::{LineIndex, Span};

/// How a [`Linter`] reads documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LintOptions {
    /// Treat every document as this kind instead of detecting it.
    pub kind: Option<DocumentKind>,
    /// Deepest nesting of arrays and objects accepted (default 128; ticket
    /// documents nest about 6 deep). Values above [`MAX_DEPTH_CEILING`] are
    /// lowered to it: the parser recurses once per level, and the ceiling
    /// keeps that far from any thread's stack size.
    pub max_depth: usize,
    /// Largest file [`Linter::lint_path`] reads, in bytes (default 64 MiB),
    /// and longest NDJSON line.
    pub max_file_size: u64,
    /// Read every file as NDJSON, whatever its extension (files ending in
    /// `.ndjson` or `.jsonl` always are).
    pub ndjson: bool,
    /// Accept JSONC: `//` and `/* */` comments and trailing commas (default
    /// false: they are `json-syntax-error`s, as the API refuses them).
    /// Spans stay those of the text as written. In an NDJSON stream a
    /// comment must end on its line, and a line holding only comments is
    /// skipped like a blank one.
    pub allow_comments: bool,
    /// The language of messages and help (default English; see
    /// [`crate::i18n`]). Codes, names, pointers and spans are the same in
    /// every language.
    pub lang: Lang,
}

impl Default for LintOptions {
    fn default() -> Self {
        LintOptions {
            kind: None,
            max_depth: 128,
            max_file_size: 64 * 1024 * 1024,
            ndjson: false,
            allow_comments: false,
            lang: Lang::EnUs,
        }
    }
}

/// Whether `bytes` hold only whitespace and complete comments.
fn only_comments(bytes: &[u8]) -> bool {
    std::str::from_utf8(bytes).is_ok_and(load::parser::only_comments)
}

/// The deepest nesting any [`Linter`] accepts, whatever its options.
pub const MAX_DEPTH_CEILING: usize = 1024;

/// The most times [`Linter::fix_source`] applies fixes and lints again.
pub const MAX_FIX_PASSES: usize = 8;

/// The result of [`Linter::fix_source`].
#[derive(Debug, Clone)]
pub struct Fixed {
    /// The fixed text (the source itself when nothing applied).
    pub text: String,
    /// How many fixes were applied, over every pass.
    pub fixed: usize,
    /// How many passes applied something.
    pub passes: usize,
    /// The report of the fixed text: what is left.
    pub report: FileReport,
}

/// The result of linting one file or one source text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileReport {
    /// The name the file was linted under.
    pub path: String,
    /// What the document was recognised as (for NDJSON, the last line's).
    pub kind: Option<DocumentKind>,
    /// How many documents were linted (1, or the lines of an NDJSON stream).
    pub documents: usize,
    /// Every problem found, ordered by position.
    pub diagnostics: Vec<Diagnostic>,
    /// Spans of the values that may hold secrets, sorted and
    /// non-overlapping: every whole value (a string with its quotes, an
    /// object or array with its brackets, a number or literal) under a
    /// sensitive key anywhere in the document, whatever its kind, type or
    /// the rules that fired, and also in a document that did not parse; and
    /// the text of every comment (see [`crate::redact`]). Messages never quote them; a renderer that shows
    /// source text must mask them whole, with a mask of fixed width (the
    /// human report does).
    #[serde(skip)]
    pub sensitive: Vec<Span>,
}

impl FileReport {
    /// The report of a file with one diagnostic that stands for the whole
    /// file (it could not be read or decoded).
    pub fn single(name: &str, diagnostic: Diagnostic) -> FileReport {
        FileReport {
            path: name.to_owned(),
            kind: None,
            documents: 0,
            diagnostics: vec![diagnostic],
            sensitive: Vec::new(),
        }
    }

    /// Whether the file (or a line of the stream) could not be read, or is
    /// a configuration that cannot be understood: an `io-error` or an
    /// `invalid-config`, a fault of the run's inputs rather than a finding
    /// about a document's content. The command line exits with 2 for it.
    pub fn unreadable(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.code == RuleId::IoError.code() || d.code == RuleId::InvalidConfig.code())
    }

    /// The fixes of its diagnostics that `allowed` covers (safe ones only,
    /// or unsafe ones too).
    pub fn fixes(&self, allowed: Applicability) -> impl Iterator<Item = &Fix> {
        self.diagnostics
            .iter()
            .filter_map(|d| d.fix.as_ref())
            .filter(move |f| f.applicability <= allowed)
    }

    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }

    /// How many diagnostics have this severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}

/// Checks COC script-ticket documents. Build it once and reuse it: it holds
/// no per-file state and is `Sync`, so threads can share one.
///
/// ```
/// use coc_lint::Linter;
///
/// let linter = Linter::new();
/// let report = linter.lint_source("params.json", r#"{"timeout": 1800, "success_rate": 100, "execute_user": "root"}"#);
/// let d = &report.diagnostics[0];
/// assert_eq!(d.name, "timeout-out-of-range");
/// assert_eq!(d.pointer, "/timeout");
/// assert_eq!((d.start.line, d.start.column), (1, 13));
/// assert!(report.has_errors());
/// ```
#[derive(Debug, Clone)]
pub struct Linter {
    options: LintOptions,
    rules: Arc<RuleSet>,
    filter: Option<Arc<dyn ReportFilter>>,
}

/// What a linter does to each report after its rules ran: the policy's
/// ignores ([`crate::policy::Suppressions`]) implement it, so that the
/// linter knows nothing of configuration files.
pub trait ReportFilter: std::fmt::Debug + Send + Sync {
    /// Drop (or change) the diagnostics of `report`, linted under `name`
    /// with `rules`.
    fn apply(&self, rules: &RuleSet, name: &str, report: &mut FileReport);
}

impl Default for Linter {
    fn default() -> Self {
        Linter::new()
    }
}

impl Linter {
    /// A linter with the default options and every built-in rule.
    pub fn new() -> Self {
        Linter::with_options(LintOptions::default())
    }

    /// A linter with these options and every built-in rule.
    pub fn with_options(options: LintOptions) -> Self {
        Linter::with_rules(options, RuleSet::builtin())
    }

    /// A linter with these options that runs `rules` (see
    /// [`RuleSet::builder`]).
    pub fn with_rules(options: LintOptions, rules: Arc<RuleSet>) -> Self {
        Linter {
            options,
            rules,
            filter: None,
        }
    }

    /// This linter, passing every report through `filter` (a policy's
    /// `ignore` and `[per-file-ignores]`; see [`crate::policy`]).
    pub fn with_filter(mut self, filter: Arc<dyn ReportFilter>) -> Self {
        self.filter = Some(filter);
        self
    }

    /// The rules it runs.
    pub fn rules(&self) -> &Arc<RuleSet> {
        &self.rules
    }

    /// The options in force.
    pub fn options(&self) -> &LintOptions {
        &self.options
    }

    /// Lint one JSON document held in a string.
    pub fn lint_source(&self, name: &str, text: &str) -> FileReport {
        let (kind, diagnostics, sensitive) = self.lint_text(name, text);
        let mut report = FileReport {
            path: name.to_owned(),
            kind,
            documents: 1,
            diagnostics,
            sensitive,
        };
        if let Some(filter) = &self.filter {
            filter.apply(&self.rules, name, &mut report);
        }
        report
    }

    /// Lint `text`, apply the fixes `allowed` covers ([`crate::fix::apply`]),
    /// and lint again, until nothing more applies or [`MAX_FIX_PASSES`]
    /// passes were made. The report is the last text's. Only documents a
    /// user sends have fixes ([`DocumentKind::takes_fixes`]); a tool can
    /// repair parameters this way before it sends them.
    ///
    /// ```
    /// use coc_lint::{fix::Applicability, Linter};
    ///
    /// let linter = Linter::new();
    /// let text = r#"{"timeout": 3e2, "success_rate": "99.5", "execute_user": "Root"}"#;
    /// let safe = linter.fix_source("p.json", text, Applicability::Safe);
    /// assert_eq!(safe.text, r#"{"timeout": 300, "success_rate": 99.5, "execute_user": "Root"}"#);
    /// assert_eq!((safe.fixed, safe.report.diagnostics.len()), (2, 1));
    /// let all = linter.fix_source("p.json", text, Applicability::Unsafe);
    /// assert_eq!(all.text, r#"{"timeout": 300, "success_rate": 99.5, "execute_user": "root"}"#);
    /// assert!(all.report.diagnostics.is_empty());
    /// ```
    pub fn fix_source(&self, name: &str, text: &str, allowed: Applicability) -> Fixed {
        let mut current = text.to_owned();
        let mut report = self.lint_source(name, &current);
        // Later passes lint the document as the kind it was first seen as:
        // removing a member must not turn it into another kind (or none).
        let mut pinned = None;
        let (mut fixed, mut passes) = (0, 0);
        while passes < MAX_FIX_PASSES {
            let applied = crate::fix::apply(&current, report.fixes(allowed));
            if applied.applied == 0 || applied.text == current {
                break;
            }
            fixed += applied.applied;
            passes += 1;
            current = applied.text;
            let linter = pinned.get_or_insert_with(|| {
                let mut linter = self.clone();
                linter.options.kind = linter.options.kind.or(report.kind);
                linter
            });
            report = linter.lint_source(name, &current);
        }
        Fixed {
            text: current,
            fixed,
            passes,
            report,
        }
    }

    /// Lint one JSON document given as bytes (checked to be UTF-8 first).
    pub fn lint_bytes(&self, name: &str, bytes: &[u8]) -> FileReport {
        self.lint_bytes_at(name, bytes, 0)
    }

    /// [`Linter::lint_bytes`] for a document that starts at byte `base` of a
    /// larger stream (messages that name an offset name the stream's; spans
    /// are shifted by the caller).
    fn lint_bytes_at(&self, name: &str, bytes: &[u8], base: usize) -> FileReport {
        match load::decode(bytes) {
            Ok(text) => self.lint_source(name, text),
            Err(e) => {
                // Bytes that are not UTF-8 did not parse: the tokenizer finds
                // the secrets, and bytes inside one are not shown.
                let secrets = crate::redact::text(bytes);
                let lang = self.options.lang;
                let message = if crate::redact::inside(&secrets, e.span) {
                    e.describe_hidden_in(lang, base)
                } else {
                    e.describe_in(lang, base)
                };
                let index = RuleId::InvalidEncoding as usize;
                let mut d = self
                    .rules
                    .diagnostic_in(lang, index, e.span, String::new(), message);
                // Lines and columns of the valid prefix.
                let prefix = std::str::from_utf8(&bytes[..e.span.offset]).unwrap_or("");
                d.locate(&LineIndex::new(prefix));
                d.end = d.start;
                d.end.column += 1;
                let mut report = FileReport::single(name, d);
                report.sensitive = secrets;
                report
            }
        }
    }

    // `lint_value`, for typed models, is in `crate::value`.

    /// Read and lint one file. Files ending in `.ndjson` or `.jsonl` are read
    /// as one document per line. A file that cannot be read, is not a
    /// regular file or is over the size limit gives one diagnostic
    /// (`io-error`, `file-too-large`).
    pub fn lint_path(&self, path: &Path) -> FileReport {
        self.lint_path_with_source(path).0
    }

    /// Like [`Linter::lint_path`], and also hands back the bytes that were
    /// linted (for a renderer that shows source snippets). NDJSON streams and
    /// files that could not be read give `None`.
    pub fn lint_path_with_source(&self, path: &Path) -> (FileReport, Option<Vec<u8>>) {
        let name = path.to_string_lossy().into_owned();
        let fail = |rule: RuleId, message: String| (self.failure(&name, rule, message), None);
        let lang = self.options.lang;
        let (file, meta) = match open_regular(path) {
            Ok(opened) => opened,
            Err(e) => return fail(RuleId::IoError, e.describe_in(lang, &name)),
        };
        if self.options.ndjson || is_ndjson(path) {
            let report =
                self.lint_ndjson(&name, std::io::BufReader::with_capacity(256 * 1024, file));
            return (report, None);
        }
        let limit = self.options.max_file_size;
        if meta.len() > limit {
            return fail(
                RuleId::FileTooLarge,
                tr!(
                    lang,
                    "io-file-too-large",
                    name = &name,
                    size = meta.len().to_string(),
                    limit = limit.to_string()
                ),
            );
        }
        let mut bytes = Vec::with_capacity(meta.len() as usize);
        // Read at most one byte past the limit: a file that grows while it is
        // read still cannot exhaust memory.
        if let Err(e) = file.take(limit.saturating_add(1)).read_to_end(&mut bytes) {
            return fail(
                RuleId::IoError,
                tr!(
                    lang,
                    "io-cannot-read",
                    name = &name,
                    error = describe_io_in(lang, &e)
                ),
            );
        }
        if bytes.len() as u64 > limit {
            return fail(
                RuleId::FileTooLarge,
                tr!(
                    lang,
                    "io-file-grew-too-large",
                    name = &name,
                    limit = limit.to_string()
                ),
            );
        }
        let report = self.lint_bytes(&name, &bytes);
        (report, Some(bytes))
    }

    /// A report of one file that could not be linted at all: one diagnostic
    /// of the rule `rule` (`io-error`, `file-too-large`) at line 1, column 1.
    pub fn failure(&self, name: &str, rule: RuleId, message: String) -> FileReport {
        let d = self
            .rules
            .diagnostic_in(
                self.options.lang,
                rule as usize,
                Span::default(),
                String::new(),
                message,
            )
            .located_at_start();
        let mut report = FileReport::single(name, d);
        if !self.rules.rule(rule).is_enabled() {
            report.diagnostics.clear();
        }
        if let Some(filter) = &self.filter {
            filter.apply(&self.rules, name, &mut report);
        }
        report
    }

    /// Lint a stream of NDJSON: one document per line, blank lines skipped.
    /// Diagnostics carry the stream's offsets and line numbers. Lines are
    /// read one at a time (each at most `max_file_size`), but the report
    /// holds every diagnostic: to stream those too, iterate
    /// [`Linter::ndjson_lines`] and lint each with
    /// [`Linter::lint_ndjson_line`], as the command line does.
    pub fn lint_ndjson<R: BufRead>(&self, name: &str, reader: R) -> FileReport {
        let mut report = FileReport {
            path: name.to_owned(),
            kind: None,
            documents: 0,
            diagnostics: Vec::new(),
            sensitive: Vec::new(),
        };
        for line in self.ndjson_lines(name, reader) {
            match line {
                Ok(line) => {
                    let mut one = self.lint_ndjson_line(name, &line);
                    // A line of comments only (JSONC) is no document.
                    report.documents +=
                        usize::from(one.documents > 0 || !one.diagnostics.is_empty());
                    report.kind = one.kind;
                    report.diagnostics.append(&mut one.diagnostics);
                    report.sensitive.append(&mut one.sensitive);
                }
                Err(d) => report.diagnostics.push(d),
            }
        }
        report
    }

    /// The non-blank lines of an NDJSON stream, each at most
    /// `max_file_size` bytes.
    pub fn ndjson_lines<R: BufRead>(&self, name: &str, reader: R) -> crate::ndjson::Lines<R> {
        crate::ndjson::Lines::new(reader, name, self.options.max_file_size)
            .with_rules(self.rules.clone())
            .with_lang(self.options.lang)
    }

    /// Lint one line of an NDJSON stream; spans, lines and pointers are
    /// those of the stream.
    pub fn lint_ndjson_line(&self, name: &str, line: &crate::ndjson::Line) -> FileReport {
        if self.options.allow_comments && only_comments(&line.bytes) {
            // Skipped like a blank line; its comments are still masked.
            let sensitive = crate::redact::with_comments(Vec::new(), &line.bytes)
                .into_iter()
                .map(|s| Span::new(s.offset + line.offset, s.offset + line.offset + s.length))
                .collect();
            return FileReport {
                path: name.to_owned(),
                kind: None,
                documents: 0,
                diagnostics: Vec::new(),
                sensitive,
            };
        }
        let mut report = self.lint_bytes_at(name, &line.bytes, line.offset);
        for d in &mut report.diagnostics {
            d.shift(line.offset, line.index);
        }
        for s in &mut report.sensitive {
            s.offset += line.offset;
        }
        report
    }

    /// Open a file to read as an NDJSON stream, with the checks
    /// [`Linter::lint_path`] makes (it exists, it is a regular file).
    pub fn open_ndjson(&self, path: &Path) -> Result<std::io::BufReader<File>, FileReport> {
        let name = path.to_string_lossy();
        let (file, _) = open_regular(path).map_err(|e| {
            let message = e.describe_in(self.options.lang, &name);
            self.failure(&name, RuleId::IoError, message)
        })?;
        Ok(std::io::BufReader::with_capacity(256 * 1024, file))
    }

    /// Parse and check one text.
    fn lint_text(
        &self,
        name: &str,
        text: &str,
    ) -> (Option<DocumentKind>, Vec<Diagnostic>, Vec<Span>) {
        let (kind, mut diagnostics, sensitive) = self.check_text(name, text);
        if !diagnostics.is_empty() {
            // Sorted first, so that positions are computed in order.
            diagnostics.sort_by(|a, b| (a.span.offset, &a.code).cmp(&(b.span.offset, &b.code)));
            let index = LineIndex::new(text);
            for d in &mut diagnostics {
                d.locate(&index);
            }
        }
        (kind, diagnostics, sensitive)
    }

    fn check_text(
        &self,
        name: &str,
        text: &str,
    ) -> (Option<DocumentKind>, Vec<Diagnostic>, Vec<Span>) {
        let depth = self.options.max_depth.min(MAX_DEPTH_CEILING);
        let root = match load::parser::parse_with_comments(text, depth, self.options.allow_comments)
        {
            Ok(root) => root,
            Err(e) => {
                let lang = self.options.lang;
                let mut cx = Cx::new(&self.rules, lang, crate::redact::text(text.as_bytes()));
                match e {
                    ParseError::Syntax {
                        span,
                        message,
                        unquoted,
                        help,
                    } => {
                        // A fault inside a secret is described, not quoted.
                        let message = match unquoted {
                            Some(unquoted) if cx.is_secret(span) => unquoted,
                            _ => message,
                        }
                        .format(lang);
                        let d = cx.report(RuleId::JsonSyntaxError, span, String::new(), message);
                        if let Some(help) = help {
                            d.help(tr!(lang, help));
                        }
                        let secrets = std::mem::take(&mut cx.secrets);
                        cx.secrets =
                            crate::redact::with_rest_of_line(secrets, text.as_bytes(), span.offset);
                    }
                    ParseError::TooDeep { span, limit } => {
                        let message = tr!(lang, "nesting-too-deep", limit = limit);
                        cx.report(RuleId::NestingTooDeep, span, String::new(), message);
                    }
                }
                return (None, cx.diagnostics, cx.secrets);
            }
        };
        let mut secrets = crate::redact::tree(&root);
        if self.options.allow_comments {
            secrets = crate::redact::with_comments(secrets, text.as_bytes());
        }
        let mut cx = Cx::new(&self.rules, self.options.lang, secrets);
        cx.root = Some(&root);
        cx.file = self.rules.file_path(name);
        let kind = self.check_document(&root, &mut cx);
        // Only documents a user sends are fixed, and no fix touches a secret
        // (see `crate::fix`).
        let fixes = kind.is_some_and(DocumentKind::takes_fixes);
        for d in &mut cx.diagnostics {
            if d.fix
                .as_ref()
                .is_some_and(|f| !fixes || f.touches(&cx.secrets))
            {
                d.fix = None;
            }
        }
        (kind, cx.diagnostics, cx.secrets)
    }

    fn check_document<'a>(&self, root: &'a Node<'a>, cx: &mut Cx<'a>) -> Option<DocumentKind> {
        duplicate_key::check_tree(root, cx);
        let schema = self.rules.schema();
        let Some(kind) = self.options.kind.or_else(|| DocumentKind::detect(root)) else {
            let lang = cx.lang;
            let titles: Vec<String> = schema
                .kinds
                .iter()
                .map(|k| {
                    let title = kind_title(lang, &k.name, &k.title);
                    tr!(lang, "kind-title", title = title, name = &k.name)
                })
                .collect();
            let what = match &root.value {
                crate::load::ast::Value::Object(_) => tr!(lang, "unknown-kind-object"),
                other => tr!(lang, "unknown-kind-value", kind = other.type_name()),
            };
            let message = tr!(
                lang,
                "unknown-document-kind",
                what = what,
                kinds = titles.join("; ")
            );
            cx.report(
                RuleId::UnknownDocumentKind,
                root.span,
                String::new(),
                message,
            );
            return None;
        };
        let Some(spec) = schema.kind(kind.name()) else {
            return Some(kind);
        };
        if root.as_object().is_none() {
            let message = tr!(
                cx.lang,
                "document-not-object",
                value = types::show_value(cx.lang, root, cx.is_secret(root.span)),
                kind = kind.name()
            );
            cx.report(RuleId::WrongType, root.span, String::new(), message);
            return Some(kind);
        }
        self.walk_object(root, spec.model, cx);
        if self.rules.has_pointer_rules() {
            crate::rules::team::run_pointers(&self.rules, root, cx);
        }
        Some(kind)
    }

    fn walk_object<'a>(&self, node: &'a Node<'a>, model: usize, cx: &mut Cx<'a>) {
        let schema = self.rules.schema();
        let model_index = model;
        let model = &schema.models[model];
        let Some(members) = node.as_object() else {
            return;
        };
        for (i, member) in members.iter().enumerate() {
            match model.field(&member.key) {
                None => fields::unknown(node, member, model, cx),
                Some(field) => {
                    // A discarded field has no effect, but its value is still
                    // validated against the type and length the spec gives.
                    if field.discarded {
                        fields::discarded(node, i, model, cx);
                    }
                    cx.path.push(Token::Key(&member.key));
                    self.walk_value(&member.value, field, &field.ty, cx);
                    cx.path.pop();
                }
            }
        }
        fields::required(node, model, cx);
        for check in self.rules.code_rules(model_index) {
            check(node, cx);
        }
        for &t in self.rules.team_model_rules(model_index) {
            crate::rules::team::run(&self.rules, t, node, &model.name, false, true, cx);
        }
    }

    fn walk_value<'a>(
        &self,
        node: &'a Node<'a>,
        field: &Field,
        ty: &'a FieldType,
        cx: &mut Cx<'a>,
    ) {
        let schema = self.rules.schema();
        let typed = types::check(node, field, ty, schema, cx);
        for &t in self.rules.team_field_rules(field.id) {
            let fits = !matches!(typed, Typed::Done);
            crate::rules::team::run(&self.rules, t, node, &field.name, field.sensitive, fits, cx);
        }
        match typed {
            Typed::Done => {}
            Typed::Scalar(subject) => self.run_data_rules(node, field, subject, cx),
            Typed::Object(model) => self.walk_object(node, model, cx),
            Typed::Array(items, inner) => {
                self.run_data_rules(node, field, Subject::Items(items.len()), cx);
                for (i, item) in items.iter().enumerate() {
                    cx.path.push(Token::Index(i));
                    self.walk_value(item, field, inner, cx);
                    cx.path.pop();
                }
            }
        }
    }

    fn run_data_rules(
        &self,
        node: &Node<'_>,
        field: &Field,
        subject: Subject<'_>,
        cx: &mut Cx<'_>,
    ) {
        for &index in self.rules.field_rules(field.id) {
            let Some(check) = self.rules.by_index(index).check() else {
                continue;
            };
            let secret = field.sensitive || cx.is_secret(node.span);
            let rule = self.rules.by_index(index).name();
            let lang = cx.lang;
            if let Some(violation) = check.evaluate_in(lang, rule, &field.name, subject, secret) {
                let d = cx.report_index(index, node.span, cx.pointer(), violation.message);
                if let Some(help) = violation.help {
                    d.help(help);
                }
                if let (Some(to), false) = (check.repair(subject), secret) {
                    let content = serde_json::to_string(to).unwrap_or_default();
                    d.fix(crate::fix::Fix::unsafe_edit(
                        crate::i18n::tr!(lang, "fix-write", value = &content),
                        vec![crate::fix::Edit::replace(node.span, content)],
                    ));
                }
            }
        }
    }
}

/// A document kind's title in `lang`: the schema's (`english`) unless the
/// catalog has the kind's (`kind-NAME`).
fn kind_title(lang: Lang, name: &str, english: &str) -> String {
    let id = format!("kind-{name}");
    if lang != Lang::EnUs && crate::i18n::has(lang, &id) {
        crate::i18n::format(lang, &id, &[])
    } else {
        english.to_owned()
    }
}
