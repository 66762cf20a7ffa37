//! The type rules: `wrong-type`, `number-as-string`, `float-for-integer`
//! and `number-overflow`. Every documented field's value is checked against
//! its documented JSON type before any constraint looks at it; see the
//! rules' docs in `rules/`.

use super::check::Subject;
use super::{Cx, RuleId};
use crate::fix::{Edit, Fix};
use crate::i18n::{tr, Lang};
use crate::load::ast::{Node, Value};
use crate::schema::{Field, FieldType, Schema};

/// What the type check leaves for the next step.
pub(crate) enum Typed<'n> {
    /// Nothing more to check (null, boolean, or a wrong type already
    /// reported).
    Done,
    /// A scalar for the data rules.
    Scalar(Subject<'n>),
    /// An object of this model.
    Object(usize),
    /// An array whose items have this type.
    Array(&'n [Node<'n>], &'n FieldType),
}

/// Whether `s` is a JSON number as RFC 8259 writes it.
pub(crate) fn is_json_number(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = usize::from(b.first() == Some(&b'-'));
    let digits = |i: &mut usize| {
        let start = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i > start
    };
    match b.get(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => {
            digits(&mut i);
        }
        _ => return false,
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        if !digits(&mut i) {
            return false;
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if !digits(&mut i) {
            return false;
        }
    }
    i == b.len()
}

/// A short, safe rendering of a value for a message, in `lang`.
pub(crate) fn show_value(lang: Lang, node: &Node<'_>, sensitive: bool) -> String {
    match &node.value {
        value if sensitive => tr!(lang, "value-hidden", kind = value.type_name()),
        Value::Null => tr!(lang, "value-null"),
        Value::Bool(b) => tr!(lang, "value-boolean", value = b.to_string()),
        Value::Number(raw) => tr!(lang, "value-number", value = &**raw),
        Value::String(s) => {
            let short: String = s.chars().take(40).collect();
            let more = if short.len() < s.len() { "..." } else { "" };
            tr!(lang, "value-string", value = format!("{:?}{more}", short))
        }
        Value::Array(_) => tr!(lang, "value-array"),
        Value::Object(_) => tr!(lang, "value-object"),
    }
}

/// Check `node`, the value of `field`, against the field's type (for array
/// items, `ty` is the item type).
pub(crate) fn check<'n>(
    node: &'n Node<'n>,
    field: &Field,
    ty: &'n FieldType,
    schema: &Schema,
    cx: &mut Cx<'_>,
) -> Typed<'n> {
    let name = field.name.as_str();
    let secret = field.sensitive || cx.is_secret(node.span);
    let lang = cx.lang;
    let wrong = |cx: &mut Cx<'_>| {
        let message = tr!(
            lang,
            "wrong-type",
            field = name,
            value = show_value(lang, node, secret),
            expected = ty.describe_in(lang, schema)
        );
        cx.report(RuleId::WrongType, node.span, cx.pointer(), message);
        Typed::Done
    };
    match (&node.value, ty) {
        (Value::Null, _) if field.nullable => Typed::Done,
        (Value::String(s), FieldType::String) => Typed::Scalar(Subject::Str(s)),
        (Value::Bool(_), FieldType::Boolean) => Typed::Done,
        (Value::Object(_), FieldType::Object(model)) => Typed::Object(*model),
        (Value::Array(items), FieldType::Array(inner)) => Typed::Array(items, inner),
        (Value::Number(raw), ty) if ty.is_number() => number(node, raw, name, ty, cx),
        (Value::String(s), ty) if ty.is_number() && is_json_number(s) => {
            let shown = if secret {
                tr!(lang, "shown-numeric-string")
            } else {
                tr!(lang, "value-string", value = format!("{s:?}"))
            };
            let message = tr!(
                lang,
                "number-as-string",
                field = name,
                value = shown,
                expected = ty.describe_in(lang, schema)
            );
            let d = cx.report(RuleId::NumberAsString, node.span, cx.pointer(), message);
            if !secret {
                // The number the server reads: the string's text, unquoted.
                d.fix(Fix::safe(
                    tr!(lang, "fix-unquote", value = s.as_ref()),
                    vec![Edit::replace(node.span, s.as_ref())],
                ));
            }
            number(node, s, name, ty, cx)
        }
        _ => wrong(cx),
    }
}

/// Check a number (or the text of a numeric string) against an integer or
/// double field.
fn number<'n>(
    node: &Node<'_>,
    raw: &'n str,
    name: &str,
    ty: &FieldType,
    cx: &mut Cx<'_>,
) -> Typed<'n> {
    // The number as written, unless it may be a secret.
    let shown = cx.show(node.span, raw, "shown-a-number");
    let lang = cx.lang;
    let shown = shown.as_str();
    let (bits, min, max) = match ty {
        FieldType::Integer => (32, i32::MIN as f64, i32::MAX as f64),
        FieldType::Long => (64, i64::MIN as f64, i64::MAX as f64),
        _ => {
            let value: f64 = raw.parse().unwrap_or(f64::INFINITY);
            if !value.is_finite() {
                let message = tr!(lang, "number-overflow-double", field = name, value = shown);
                cx.report(RuleId::NumberOverflow, node.span, cx.pointer(), message);
                return Typed::Done;
            }
            return Typed::Scalar(Subject::Number { value, raw });
        }
    };
    let overflow = |cx: &mut Cx<'_>| {
        let message = tr!(
            lang,
            "number-overflow-integer",
            field = name,
            value = shown,
            bits = bits.to_string()
        );
        cx.report(RuleId::NumberOverflow, node.span, cx.pointer(), message);
        Typed::Done
    };
    if !raw.contains(['.', 'e', 'E']) {
        return match raw.parse::<i64>() {
            Ok(i) if (i as f64) >= min && (i as f64) <= max => Typed::Scalar(Subject::Number {
                value: i as f64,
                raw,
            }),
            _ => overflow(cx),
        };
    }
    let value: f64 = raw.parse().unwrap_or(f64::INFINITY);
    if !value.is_finite() || value < min || value > max {
        return overflow(cx);
    }
    if value.fract() != 0.0 {
        let message = tr!(lang, "not-an-integer", field = name, value = shown);
        cx.report(RuleId::WrongType, node.span, cx.pointer(), message);
        return Typed::Done;
    }
    let message = tr!(lang, "float-for-integer", field = name, value = shown);
    let secret = cx.is_secret(node.span);
    let d = cx.report(RuleId::FloatForInteger, node.span, cx.pointer(), message);
    // A number written as a number (a numeric string is unquoted by the
    // `number-as-string` fix first, and this one applies on the next pass).
    if let (Value::Number(_), false) = (&node.value, secret) {
        if let Some(int) = crate::fix::integer_text(raw) {
            d.fix(Fix::safe(
                tr!(lang, "fix-write", value = &int),
                vec![Edit::replace(node.span, int)],
            ));
        }
    }
    Typed::Scalar(Subject::Number { value, raw })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_number_grammar() {
        for ok in ["0", "-0", "100.0", "1e3", "-1.5E+2"] {
            assert!(is_json_number(ok), "{ok}");
        }
        for bad in [
            "", " 1", "1 ", "01", "1.", ".5", "+1", "0x10", "1e", "NaN", "1_000",
        ] {
            assert!(!is_json_number(bad), "{bad}");
        }
    }
}
