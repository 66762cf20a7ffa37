//! `execute-costs-mismatch`: `execute_costs` disagreeing with
//! `gmt_finished - gmt_created`, read as milliseconds, by more than
//! `tolerance_ms` (rule file). See `rules/execute-costs-mismatch.md` for why
//! milliseconds, although the documentation says seconds.

use super::{CodeRule, Cx, RuleId};
use crate::load::ast::Node;

pub(crate) const RULE: CodeRule = CodeRule {
    id: RuleId::ExecuteCostsMismatch,
    models: &["JobScriptOrderInfoModel", "JobScriptOrderListModel"],
    check,
};

fn check(object: &Node<'_>, cx: &mut Cx<'_>) {
    let get = |key| object.get(key).and_then(super::util::integer);
    let (Some(costs), Some(created), Some(finished)) = (
        get("execute_costs"),
        get("gmt_created"),
        get("gmt_finished"),
    ) else {
        return;
    };
    let Some(costs_node) = object.get("execute_costs") else {
        return;
    };
    let elapsed = finished - created;
    let tolerance = i128::from(cx.rules.params().execute_costs_mismatch.tolerance_ms);
    if (costs - elapsed).abs() <= tolerance {
        return;
    }
    let message = format!(
        "`execute_costs` is {costs}, but `gmt_finished - gmt_created` is {elapsed} ms (a difference of more than {tolerance} ms)"
    );
    let pointer = cx.pointer_to(&["execute_costs"]);
    let diagnostic = cx.report(RULE.id, costs_node.span, pointer, message);
    if elapsed >= 0 && (costs - elapsed / 1000).abs() <= 1 {
        diagnostic.help(
            "this is the duration in seconds; the documentation says seconds, but every published example reports milliseconds",
        );
    } else {
        diagnostic.help("check that the three values come from the same ticket");
    }
}
