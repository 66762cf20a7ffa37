//! `duplicate-param-name`: two entries of `script_params` with the same
//! `param_name`. The second is the error; a label shows the first.

use std::collections::HashMap;

use super::{CodeRule, Cx};
use crate::load::ast::Node;

pub(crate) const RULE: CodeRule = CodeRule {
    name: "duplicate-param-name",
    models: &["ScriptExecuteParam"],
    check,
};

fn check(object: &Node<'_>, cx: &mut Cx<'_>) {
    let params = super::util::items(object, "script_params");
    let mut first_seen: HashMap<&str, &Node<'_>> = HashMap::new();
    for (i, param) in params.iter().enumerate() {
        let Some(name_node) = param.get("param_name") else {
            continue;
        };
        let Some(name) = name_node.as_str() else {
            continue;
        };
        match first_seen.get(name) {
            Some(first) => {
                let message = format!(
                    "the parameter name `{name}` is used more than once in `script_params`"
                );
                let pointer = cx.pointer_to(&["script_params", &i.to_string(), "param_name"]);
                let first_span = first.span;
                cx.report(RULE.name, name_node.span, pointer, message)
                    .label(first_span, "first used here");
            }
            None => {
                first_seen.insert(name, name_node);
            }
        }
    }
}
