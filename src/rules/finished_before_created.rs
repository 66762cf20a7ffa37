//! `finished-before-created`: a ticket whose `gmt_finished` is earlier than
//! its `gmt_created`.

use super::{CodeRule, Cx, RuleId};
use crate::i18n::tr;
use crate::load::ast::Node;
use crate::schema::names::{field, model};

pub(crate) const RULE: CodeRule = CodeRule {
    id: RuleId::FinishedBeforeCreated,
    models: &[
        model::JOB_SCRIPT_ORDER_INFO_MODEL,
        model::JOB_SCRIPT_ORDER_LIST_MODEL,
    ],
    check,
};

fn check(object: &Node<'_>, cx: &mut Cx<'_>) {
    let (Some(created), Some(finished)) = (
        object.get(field::GMT_CREATED),
        object.get(field::GMT_FINISHED),
    ) else {
        return;
    };
    let (Some(c), Some(f)) = (
        super::util::integer(created),
        super::util::integer(finished),
    ) else {
        return;
    };
    if f < c {
        let message = if cx.is_secret(created.span) || cx.is_secret(finished.span) {
            tr!(cx.lang, "finished-before-created-hidden")
        } else {
            tr!(
                cx.lang,
                "finished-before-created",
                finished = f.to_string(),
                ms = (c - f).to_string(),
                created = c.to_string()
            )
        };
        let pointer = cx.pointer_to(&[field::GMT_FINISHED]);
        let label = tr!(cx.lang, "label-created-here");
        cx.report(RULE.id, finished.span, pointer, message)
            .label(created.span, label);
    }
}
