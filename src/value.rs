//! Linting typed values: [`Linter::lint_value`] and its [`ValueReport`].
//!
//! A value is linted as the JSON that `serde_json` renders of it (pretty,
//! two-space indented), as the [`DocumentKind`] of its type
//! ([`Document::KIND`]). The report hands that text back, so that the
//! diagnostics' spans, lines and columns point at something the caller can
//! see.
//!
//! JSON has no NaN or infinity: `serde_json` renders a non-finite float as
//! `null`. Linting that `null` would say the field "is null"; instead a
//! non-finite float is reported as what it is, a value that is not a number
//! of the field's range: by the field's range rule when it has one
//! (`success_rate`: `success-rate-out-of-range`), by `wrong-type` otherwise.
//! The span is that of the `null` in the text.

use std::fmt;

use serde::ser::{self, Serialize};

use crate::diagnostic::Diagnostic;
use crate::kind::DocumentKind;
use crate::lint::{FileReport, LintOptions, Linter};
use crate::load::ast::{push_pointer_token, Node, Value};
use crate::model::Document;
use crate::rules::{Check, RuleId, RuleSet};
use crate::schema::FieldType;
use crate::source::LineIndex;

/// The result of [`Linter::lint_value`]: the JSON text the value was linted
/// as, and the report, whose spans are byte ranges of that text.
///
/// ```
/// use coc_lint::{model::ScriptExecuteParam, Linter};
///
/// let params = ScriptExecuteParam {
///     timeout: Some(1800),
///     success_rate: Some(99.5),
///     execute_user: Some("root".into()),
///     ..Default::default()
/// };
/// let linted = Linter::new().lint_value("params", &params);
/// let d = &linted.report.diagnostics[0];
/// assert_eq!(d.name, "timeout-out-of-range");
/// assert_eq!(linted.snippet(d), "1800");
/// assert_eq!((d.start.line, d.start.column), (2, 14));
/// assert!(linted.text.starts_with("{\n  \"timeout\": 1800,"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueReport {
    /// The JSON the value was rendered as (`serde_json`, pretty): the text
    /// every span, line and column of [`ValueReport::report`] refers to.
    /// Empty when the value could not be serialised.
    pub text: String,
    /// The diagnostics. Its `kind` is the type's [`Document::KIND`].
    pub report: FileReport,
}

impl ValueReport {
    /// The text of a diagnostic's span: the offending value as rendered
    /// (`null` for a NaN or infinite float, which JSON cannot hold).
    pub fn snippet(&self, diagnostic: &Diagnostic) -> &str {
        self.text
            .get(diagnostic.span.offset..diagnostic.span.end())
            .unwrap_or("")
    }

    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.report.has_errors()
    }
}

impl Linter {
    /// Lint a typed value as the kind of document its type is
    /// ([`Document::KIND`]: a [`ScriptExecuteParam`] is linted as
    /// `execute-param` even when it is empty, whatever `--kind` option the
    /// linter has). The value is rendered as pretty JSON and linted; the
    /// returned [`ValueReport`] carries that text, which the spans refer to.
    /// A NaN or infinite float is reported as not a number of its range
    /// (see the [module doc](crate::value)).
    ///
    /// ```
    /// use coc_lint::{Linter, model::ScriptExecuteParam};
    ///
    /// let linter = Linter::new();
    /// let params = ScriptExecuteParam {
    ///     timeout: Some(30),
    ///     success_rate: Some(99.5),
    ///     execute_user: Some("admin".into()),
    ///     ..Default::default()
    /// };
    /// let linted = linter.lint_value("params", &params);
    /// let names: Vec<_> = linted.report.diagnostics.iter().map(|d| d.name.as_ref()).collect();
    /// assert_eq!(names, ["execute-user-not-root"]);
    /// assert_eq!(linted.snippet(&linted.report.diagnostics[0]), "\"admin\"");
    ///
    /// // An empty value is still saved execution parameters, lacking three fields.
    /// let empty = linter.lint_value("params", &ScriptExecuteParam::default());
    /// assert_eq!(empty.report.count(coc_lint::Severity::Error), 3);
    /// ```
    ///
    /// [`ScriptExecuteParam`]: crate::model::ScriptExecuteParam
    pub fn lint_value<T: Document + ?Sized>(&self, name: &str, value: &T) -> ValueReport {
        let text = match serde_json::to_string_pretty(value) {
            Ok(text) => text,
            Err(e) => {
                let message = crate::i18n::tr!(
                    self.options().lang,
                    "value-not-serialisable",
                    error = e.to_string()
                );
                return ValueReport {
                    text: String::new(),
                    report: self.failure(name, RuleId::JsonSyntaxError, message),
                };
            }
        };
        let linter = Linter::with_rules(
            LintOptions {
                kind: Some(T::KIND),
                ..self.options().clone()
            },
            self.rules().clone(),
        );
        let mut report = linter.lint_source(name, &text);
        let mut finder = Finder::default();
        if value.serialize(&mut finder).is_ok() && !finder.found.is_empty() {
            report_non_finite(T::KIND, &text, &finder.found, &mut report, &linter);
        }
        ValueReport { text, report }
    }
}

/// Replace what the linter said about the `null`s that stand for NaN or
/// infinite floats with one diagnostic each saying what they are.
fn report_non_finite(
    kind: DocumentKind,
    text: &str,
    found: &[(Vec<String>, f64)],
    report: &mut FileReport,
    linter: &Linter,
) {
    let depth = linter
        .options()
        .max_depth
        .min(crate::lint::MAX_DEPTH_CEILING);
    let Ok(root) = crate::load::parse(text, depth) else {
        return;
    };
    let index = LineIndex::new(text);
    for (path, number) in found {
        let Some(node) = resolve(&root, path) else {
            continue;
        };
        if !matches!(node.value, Value::Null) {
            continue;
        }
        let mut pointer = String::new();
        for token in path {
            push_pointer_token(&mut pointer, token);
        }
        let lang = linter.options().lang;
        let what = if number.is_nan() {
            "NaN"
        } else if *number > 0.0 {
            "infinity"
        } else {
            "-infinity"
        };
        let document = crate::i18n::tr!(lang, "the-document");
        let field = path.last().map_or(document.as_str(), String::as_str);
        let rules = linter.rules();
        let (rule, message) = match range_rule(rules, kind, path) {
            Some((rule, check)) => (
                rule,
                crate::i18n::tr!(
                    lang,
                    "non-finite-range",
                    field = field,
                    what = what,
                    allowed = check.describe_in(lang, rules.rules()[rule].name())
                ),
            ),
            None => (
                RuleId::WrongType as usize,
                crate::i18n::tr!(lang, "non-finite", field = field, what = what),
            ),
        };
        report
            .diagnostics
            .retain(|d| !(d.pointer == pointer && d.span == node.span));
        if !rules.rules()[rule].is_enabled() {
            continue;
        }
        let mut d = rules.diagnostic_in(lang, rule, node.span, pointer, message);
        d.locate(&index);
        report.diagnostics.push(d);
    }
    report
        .diagnostics
        .sort_by(|a, b| (a.span.offset, &a.code).cmp(&(b.span.offset, &b.code)));
}

/// The node at a path of keys and indexes.
fn resolve<'n, 'a>(root: &'n Node<'a>, path: &[String]) -> Option<&'n Node<'a>> {
    let mut node = root;
    for token in path {
        node = match &node.value {
            Value::Object(_) => node.get(token)?,
            Value::Array(items) => items.get(token.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(node)
}

/// The range rule of the schema field at `path` in a document of `kind`:
/// its index in `rules`, and its check.
fn range_rule<'r>(
    rules: &'r RuleSet,
    kind: DocumentKind,
    path: &[String],
) -> Option<(usize, &'r Check)> {
    let schema = rules.schema();
    let mut model = schema.kind(kind.name())?.model;
    let mut ty: Option<&FieldType> = None;
    let mut target = None;
    for token in path {
        match ty {
            None => {}
            Some(FieldType::Object(m)) => model = *m,
            Some(FieldType::Array(inner)) => {
                ty = Some(inner);
                continue; // the token is an index
            }
            Some(_) => return None,
        }
        let field = schema.models[model].field(token)?;
        target = Some(format!("{}.{}", schema.models[model].name, field.name));
        ty = Some(&field.ty);
    }
    let target = target?;
    rules.rules().iter().enumerate().find_map(|(i, rule)| {
        let check = rule.check()?;
        (matches!(check, Check::Range { .. }) && rule.targets().contains(&target))
            .then_some((i, check))
    })
}

/// A serializer that writes nothing and finds the NaN and infinite floats
/// of a value, with the path of keys and indexes to each.
#[derive(Default)]
struct Finder {
    path: Vec<String>,
    found: Vec<(Vec<String>, f64)>,
}

#[derive(Debug)]
struct FindError(String);

impl fmt::Display for FindError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for FindError {}

impl ser::Error for FindError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        FindError(msg.to_string())
    }
}

type Found = Result<(), FindError>;

/// A sequence, tuple or map being walked; pops a variant name at the end
/// when it is the content of one.
struct Compound<'a> {
    finder: &'a mut Finder,
    next: usize,
    key: Option<String>,
    variant: bool,
}

impl<'a> Compound<'a> {
    fn new(finder: &'a mut Finder, variant: Option<&str>) -> Self {
        if let Some(v) = variant {
            finder.path.push(v.to_owned());
        }
        Compound {
            finder,
            next: 0,
            key: None,
            variant: variant.is_some(),
        }
    }

    fn at<T: Serialize + ?Sized>(&mut self, token: String, value: &T) -> Found {
        self.finder.path.push(token);
        let result = value.serialize(&mut *self.finder);
        self.finder.path.pop();
        result
    }

    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Found {
        let i = self.next;
        self.next += 1;
        self.at(i.to_string(), value)
    }

    fn end(self) -> Found {
        if self.variant {
            self.finder.path.pop();
        }
        Ok(())
    }
}

impl<'a> ser::Serializer for &'a mut Finder {
    type Ok = ();
    type Error = FindError;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_f64(self, v: f64) -> Found {
        if !v.is_finite() {
            self.found.push((self.path.clone(), v));
        }
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Found {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_bool(self, _: bool) -> Found {
        Ok(())
    }
    fn serialize_i8(self, _: i8) -> Found {
        Ok(())
    }
    fn serialize_i16(self, _: i16) -> Found {
        Ok(())
    }
    fn serialize_i32(self, _: i32) -> Found {
        Ok(())
    }
    fn serialize_i64(self, _: i64) -> Found {
        Ok(())
    }
    fn serialize_i128(self, _: i128) -> Found {
        Ok(())
    }
    fn serialize_u8(self, _: u8) -> Found {
        Ok(())
    }
    fn serialize_u16(self, _: u16) -> Found {
        Ok(())
    }
    fn serialize_u32(self, _: u32) -> Found {
        Ok(())
    }
    fn serialize_u64(self, _: u64) -> Found {
        Ok(())
    }
    fn serialize_u128(self, _: u128) -> Found {
        Ok(())
    }
    fn serialize_char(self, _: char) -> Found {
        Ok(())
    }
    fn serialize_str(self, _: &str) -> Found {
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Found {
        Ok(())
    }
    fn serialize_none(self) -> Found {
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Found {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Found {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Found {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Found {
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Found {
        value.serialize(self)
    }
    // serde_json writes variants with content as `{"Variant": content}`.
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Found {
        Compound::new(self, None).at(variant.to_owned(), value)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, FindError> {
        Ok(Compound::new(self, None))
    }
    fn serialize_tuple(self, _: usize) -> Result<Compound<'a>, FindError> {
        Ok(Compound::new(self, None))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, FindError> {
        Ok(Compound::new(self, None))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, FindError> {
        Ok(Compound::new(self, Some(variant)))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>, FindError> {
        Ok(Compound::new(self, None))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, FindError> {
        Ok(Compound::new(self, None))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, FindError> {
        Ok(Compound::new(self, Some(variant)))
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = FindError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Found {
        self.item(value)
    }
    fn end(self) -> Found {
        Compound::end(self)
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = FindError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Found {
        self.item(value)
    }
    fn end(self) -> Found {
        Compound::end(self)
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = FindError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Found {
        self.item(value)
    }
    fn end(self) -> Found {
        Compound::end(self)
    }
}

impl ser::SerializeTupleVariant for Compound<'_> {
    type Ok = ();
    type Error = FindError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Found {
        self.item(value)
    }
    fn end(self) -> Found {
        Compound::end(self)
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = FindError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Found {
        // serde_json writes every key as a string; numbers in decimal.
        self.key = Some(match serde_json::to_value(key) {
            Ok(serde_json::Value::String(s)) => s,
            Ok(other) => other.to_string(),
            Err(e) => return Err(ser::Error::custom(e)),
        });
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Found {
        let key = self.key.take().unwrap_or_default();
        self.at(key, value)
    }
    fn end(self) -> Found {
        Compound::end(self)
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = FindError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Found {
        self.at(key.to_owned(), value)
    }
    fn end(self) -> Found {
        Compound::end(self)
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = FindError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Found {
        self.at(key.to_owned(), value)
    }
    fn end(self) -> Found {
        Compound::end(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ScriptExecuteModel, ScriptExecuteParam, TicketResponse};

    fn names(linted: &ValueReport) -> Vec<&str> {
        linted
            .report
            .diagnostics
            .iter()
            .map(|d| d.name.as_ref())
            .collect()
    }

    fn param(success_rate: f64) -> ScriptExecuteParam {
        ScriptExecuteParam {
            timeout: Some(30),
            success_rate: Some(success_rate),
            execute_user: Some("root".into()),
            ..Default::default()
        }
    }

    #[test]
    fn non_finite_success_rates_are_out_of_range_not_null() {
        for (value, word) in [
            (f64::NAN, "NaN"),
            (f64::INFINITY, "infinity"),
            (f64::NEG_INFINITY, "-infinity"),
        ] {
            let linted = Linter::new().lint_value("p", &param(value));
            assert_eq!(names(&linted), ["success-rate-out-of-range"]);
            let d = &linted.report.diagnostics[0];
            assert_eq!(d.pointer, "/success_rate");
            assert_eq!(linted.snippet(d), "null");
            assert_eq!(
                d.message,
                format!(
                    "`success_rate` is {word}, not a number between 1 and 100 inclusive; \
                     JSON cannot hold it, so the text has `null` here"
                )
            );
            assert!(!d.message.contains("is null"), "{}", d.message);
        }
    }

    #[test]
    fn non_finite_floats_are_found_at_any_depth() {
        let body = ScriptExecuteModel {
            execute_param: Some(param(f64::NAN)),
            execute_batches: Some(Vec::new()),
        };
        let mut finder = Finder::default();
        body.serialize(&mut finder).unwrap();
        assert_eq!(finder.found.len(), 1);
        assert_eq!(finder.found[0].0, ["execute_param", "success_rate"]);

        let ticket = TicketResponse {
            data: Some(crate::model::JobScriptOrderInfoModel {
                properties: Some(crate::model::JobScriptOrderInfoProp {
                    execute_param: Some(param(f64::INFINITY)),
                    ..Default::default()
                }),
                ..Default::default()
            }),
        };
        let linted = Linter::new().lint_value("t", &ticket);
        let d = linted
            .report
            .diagnostics
            .iter()
            .find(|d| d.pointer == "/data/properties/execute_param/success_rate")
            .expect("reported");
        assert_eq!(d.name, "success-rate-out-of-range");
        assert!(d.message.starts_with("`success_rate` is infinity"));

        // Maps, sequences and variants are walked too.
        let mut finder = Finder::default();
        let map: std::collections::BTreeMap<u8, Vec<f32>> = [(3, vec![1.0, f32::NAN])].into();
        map.serialize(&mut finder).unwrap();
        assert_eq!(finder.found[0].0, ["3", "1"]);
    }

    #[test]
    fn an_empty_value_is_its_kind_lacking_its_required_fields() {
        let linted = Linter::new().lint_value("p", &ScriptExecuteParam::default());
        assert_eq!(linted.report.kind, Some(DocumentKind::ExecuteParam));
        assert_eq!(linted.text, "{}");
        let messages: Vec<&str> = linted
            .report
            .diagnostics
            .iter()
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(
            names(&linted),
            ["missing-required-field"; 3],
            "{messages:?}"
        );
        // The kind is the type's, whatever the linter's options say.
        let forced = Linter::with_options(LintOptions {
            kind: Some(DocumentKind::TicketList),
            ..LintOptions::default()
        });
        let linted = forced.lint_value("p", &ScriptExecuteParam::default());
        assert_eq!(linted.report.kind, Some(DocumentKind::ExecuteParam));
    }
}
