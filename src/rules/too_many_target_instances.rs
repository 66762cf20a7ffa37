//! `too-many-target-instances`: the batches of one ExecuteScript body
//! target more hosts in all than the API allows (`max` in the rule file).

use super::{rule, CodeRule, Cx};
use crate::load::ast::Node;

pub(crate) const RULE: CodeRule = CodeRule {
    name: "too-many-target-instances",
    models: &["ScriptExecuteModel"],
    check,
};

fn check(object: &Node<'_>, cx: &mut Cx<'_>) {
    let Some(batches) = object.get("execute_batches") else {
        return;
    };
    let total: usize = super::util::items(object, "execute_batches")
        .iter()
        .map(|b| super::util::items(b, "target_instances").len())
        .sum();
    let Some(max) = rule(RULE.name).param_f64("max") else {
        return;
    };
    if total as f64 > max {
        let message = format!(
            "the batches target {total} instances in all, but one execution may target at most {}",
            super::check::fmt_number(max)
        );
        let pointer = cx.pointer_to(&["execute_batches"]);
        cx.report(RULE.name, batches.span, pointer, message);
    }
}
