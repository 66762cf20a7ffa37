//! `missing-finish-time`: a ticket whose status says it has finished
//! (`statuses` in the rule file) but that has no `gmt_finished`.

use super::{CodeRule, Cx};
use crate::load::ast::{Node, Value};

pub(crate) const RULE: CodeRule = CodeRule {
    name: "missing-finish-time",
    models: &["JobScriptOrderInfoModel", "JobScriptOrderListModel"],
    check,
};

fn check(object: &Node<'_>, cx: &mut Cx<'_>) {
    let Some((status_node, status)) = super::util::status_among(object, RULE.name) else {
        return;
    };
    let finished = object.get("gmt_finished");
    if finished.is_none_or(|n| n.value == Value::Null) {
        let message = format!("the ticket's status is {status}, but it has no `gmt_finished`");
        let pointer = cx.pointer_to(&["status"]);
        cx.report(RULE.name, status_node.span, pointer, message);
    }
}
