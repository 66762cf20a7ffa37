//! `list-total-too-small`: a ticket list page whose `total` is smaller than
//! the number of tickets the page itself holds.

use super::{CodeRule, Cx, RuleId};
use crate::i18n::tr;
use crate::load::ast::Node;
use crate::schema::names::{field, model};

pub(crate) const RULE: CodeRule = CodeRule {
    id: RuleId::ListTotalTooSmall,
    models: &[model::JOB_SCRIPT_ORDER_LIST_PAGE],
    check,
};

fn check(object: &Node<'_>, cx: &mut Cx<'_>) {
    let Some(total_node) = object.get(field::TOTAL) else {
        return;
    };
    let Some(total) = super::util::integer(total_node) else {
        return;
    };
    let listed = super::util::items(object, field::DATA).len();
    if total < listed as i128 {
        let total = cx.show(total_node.span, total, "shown-smaller-than-that");
        let message = tr!(
            cx.lang,
            "list-total-too-small",
            total = total,
            listed = listed
        );
        let pointer = cx.pointer_to(&[field::TOTAL]);
        cx.report(RULE.id, total_node.span, pointer, message);
    }
}
