//! `too-many-target-instances`: the batches of one ExecuteScript body
//! target more hosts in all than the API allows (`max` in the rule file).

use super::{CodeRule, Cx, RuleId};
use crate::i18n::tr;
use crate::load::ast::Node;
use crate::schema::names::{field, model};

pub(crate) const RULE: CodeRule = CodeRule {
    id: RuleId::TooManyTargetInstances,
    models: &[model::SCRIPT_EXECUTE_MODEL],
    check,
};

fn check(object: &Node<'_>, cx: &mut Cx<'_>) {
    let Some(batches) = object.get(field::EXECUTE_BATCHES) else {
        return;
    };
    let total: usize = super::util::items(object, field::EXECUTE_BATCHES)
        .iter()
        .map(|b| super::util::items(b, field::TARGET_INSTANCES).len())
        .sum();
    let max = cx.rules.params().too_many_target_instances.max;
    if i64::try_from(total).map_or(true, |total| total > max) {
        let message = tr!(
            cx.lang,
            "too-many-target-instances",
            total = total,
            max = max
        );
        let pointer = cx.pointer_to(&[field::EXECUTE_BATCHES]);
        cx.report(RULE.id, batches.span, pointer, message);
    }
}
