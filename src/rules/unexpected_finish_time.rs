//! `unexpected-finish-time`: a ticket whose status says it has not finished
//! (`statuses` in the rule file) but that has a `gmt_finished`.

use super::{CodeRule, Cx, RuleId};
use crate::i18n::tr;
use crate::load::ast::Node;
use crate::schema::names::{field, model};

pub(crate) const RULE: CodeRule = CodeRule {
    id: RuleId::UnexpectedFinishTime,
    models: &[
        model::JOB_SCRIPT_ORDER_INFO_MODEL,
        model::JOB_SCRIPT_ORDER_LIST_MODEL,
    ],
    check,
};

fn check(object: &Node<'_>, cx: &mut Cx<'_>) {
    let Some((status_node, status)) =
        super::util::status_among(object, &cx.rules.params().unexpected_finish_time.statuses)
    else {
        return;
    };
    let Some(finished) = object.get(field::GMT_FINISHED) else {
        return;
    };
    // A finish time of the wrong type is wrong-type's to report.
    if super::util::integer(finished).is_some() {
        let status = cx.show(status_node.span, status, "shown-not-finished");
        let message = tr!(cx.lang, "unexpected-finish-time", status = status);
        let pointer = cx.pointer_to(&[field::GMT_FINISHED]);
        let label = tr!(cx.lang, "label-status-set-here");
        cx.report(RULE.id, finished.span, pointer, message)
            .label(status_node.span, label);
    }
}
