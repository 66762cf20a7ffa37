//! `param-value-missing`: a script parameter whose `param_value` is absent,
//! empty or `null` while it has no `param_refer` to take its value from.
//! The three are one case: the documentation lets the value "be empty" when
//! a reference is given, and the schema marks `param_value` nullable so that
//! `null` beside a reference is not a type error.

use super::{CodeRule, Cx, RuleId};
use crate::i18n::tr;
use crate::load::ast::{Node, Value};
use crate::schema::names::{field, model};

pub(crate) const RULE: CodeRule = CodeRule {
    id: RuleId::ParamValueMissing,
    models: &[model::SCRIPT_EXECUTE_INPUT_PARAM],
    check,
};

fn check(object: &Node<'_>, cx: &mut Cx<'_>) {
    let has_refer = match object.get(field::PARAM_REFER) {
        None => false,
        Some(refer) => match &refer.value {
            Value::Null => false,
            Value::Object(members) => !members.is_empty(),
            _ => true, // a wrong type is reported by wrong-type
        },
    };
    if has_refer {
        return;
    }
    let name = match object.get(field::PARAM_NAME) {
        Some(n) if cx.is_secret(n.span) => tr!(cx.lang, "shown-name-hidden"),
        n => n.and_then(Node::as_str).unwrap_or("?").to_owned(),
    };
    match object.get(field::PARAM_VALUE) {
        None => {
            let message = tr!(cx.lang, "param-value-missing", name = name);
            cx.report(RULE.id, object.span, cx.pointer(), message);
        }
        Some(value) if value.as_str() == Some("") || matches!(value.value, Value::Null) => {
            let id = if value.as_str().is_some() {
                "param-value-empty"
            } else {
                "param-value-null"
            };
            let message = tr!(cx.lang, id, name = name);
            let pointer = cx.pointer_to(&[field::PARAM_VALUE]);
            cx.report(RULE.id, value.span, pointer, message);
        }
        Some(_) => {}
    }
}
