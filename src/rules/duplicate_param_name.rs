//! `duplicate-param-name`: two entries of `script_params` with the same
//! `param_name`. The second is the error; a label shows the first.

use super::util::{items, repeats};
use super::{CodeRule, Cx, RuleId};
use crate::i18n::tr;
use crate::load::ast::Node;
use crate::schema::names::{field, model};

pub(crate) const RULE: CodeRule = CodeRule {
    id: RuleId::DuplicateParamName,
    models: &[model::SCRIPT_EXECUTE_PARAM],
    check,
};

fn check(object: &Node<'_>, cx: &mut Cx<'_>) {
    let names: Vec<Option<&Node<'_>>> = items(object, field::SCRIPT_PARAMS)
        .iter()
        .map(|p| p.get(field::PARAM_NAME).filter(|n| n.as_str().is_some()))
        .collect();
    let keys: Vec<Option<&str>> = names.iter().map(|n| n.and_then(Node::as_str)).collect();
    for (first, repeat) in repeats(&keys) {
        let (Some(first), Some(node)) = (names[first], names[repeat]) else {
            continue;
        };
        let name = node.as_str().unwrap_or_default();
        let message = if cx.is_secret(node.span) {
            tr!(cx.lang, "duplicate-param-name-hidden")
        } else {
            tr!(cx.lang, "duplicate-param-name", name = name)
        };
        let pointer =
            cx.pointer_to(&[field::SCRIPT_PARAMS, &repeat.to_string(), field::PARAM_NAME]);
        let label = tr!(cx.lang, "label-first-used-here");
        cx.report(RULE.id, node.span, pointer, message)
            .label(first.span, label);
    }
}
