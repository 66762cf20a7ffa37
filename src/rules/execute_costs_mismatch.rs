//! `execute-costs-mismatch`: `execute_costs` disagreeing with
//! `gmt_finished - gmt_created`, read as milliseconds, by more than
//! `tolerance_ms` (rule file). See `rules/execute-costs-mismatch.md` for why
//! milliseconds, although the documentation says seconds.

use super::{CodeRule, Cx, RuleId};
use crate::i18n::tr;
use crate::load::ast::Node;
use crate::schema::names::{field, model};

pub(crate) const RULE: CodeRule = CodeRule {
    id: RuleId::ExecuteCostsMismatch,
    models: &[
        model::JOB_SCRIPT_ORDER_INFO_MODEL,
        model::JOB_SCRIPT_ORDER_LIST_MODEL,
    ],
    check,
};

fn check(object: &Node<'_>, cx: &mut Cx<'_>) {
    let get = |key| object.get(key).and_then(super::util::integer);
    let (Some(costs), Some(created), Some(finished)) = (
        get(field::EXECUTE_COSTS),
        get(field::GMT_CREATED),
        get(field::GMT_FINISHED),
    ) else {
        return;
    };
    let Some(costs_node) = object.get(field::EXECUTE_COSTS) else {
        return;
    };
    let elapsed = finished - created;
    let tolerance = i128::from(cx.rules.params().execute_costs_mismatch.tolerance_ms);
    if (costs - elapsed).abs() <= tolerance {
        return;
    }
    let secret = [
        field::EXECUTE_COSTS,
        field::GMT_CREATED,
        field::GMT_FINISHED,
    ]
    .iter()
    .filter_map(|k| object.get(k))
    .any(|n| cx.is_secret(n.span));
    let message = if secret {
        tr!(
            cx.lang,
            "execute-costs-mismatch-hidden",
            tolerance = tolerance.to_string()
        )
    } else {
        tr!(
            cx.lang,
            "execute-costs-mismatch",
            costs = costs.to_string(),
            elapsed = elapsed.to_string(),
            tolerance = tolerance.to_string()
        )
    };
    let pointer = cx.pointer_to(&[field::EXECUTE_COSTS]);
    let lang = cx.lang;
    let diagnostic = cx.report(RULE.id, costs_node.span, pointer, message);
    if elapsed >= 0 && (costs - elapsed / 1000).abs() <= 1 {
        diagnostic.help(tr!(lang, "help-execute-costs-seconds"));
    } else {
        diagnostic.help(tr!(lang, "help-execute-costs-same-ticket"));
    }
}
