//! `missing-finish-time`: a ticket whose status says it has finished
//! (`statuses` in the rule file) but that has no `gmt_finished`.

use super::{CodeRule, Cx, RuleId};
use crate::i18n::tr;
use crate::load::ast::{Node, Value};
use crate::schema::names::{field, model};

pub(crate) const RULE: CodeRule = CodeRule {
    id: RuleId::MissingFinishTime,
    models: &[
        model::JOB_SCRIPT_ORDER_INFO_MODEL,
        model::JOB_SCRIPT_ORDER_LIST_MODEL,
    ],
    check,
};

fn check(object: &Node<'_>, cx: &mut Cx<'_>) {
    let Some((status_node, status)) =
        super::util::status_among(object, &cx.rules.params().missing_finish_time.statuses)
    else {
        return;
    };
    let finished = object.get(field::GMT_FINISHED);
    if finished.is_none_or(|n| n.value == Value::Null) {
        let status = cx.show(status_node.span, status, "shown-finished");
        let message = tr!(cx.lang, "missing-finish-time", status = status);
        let pointer = cx.pointer_to(&[field::STATUS]);
        cx.report(RULE.id, status_node.span, pointer, message);
    }
}
