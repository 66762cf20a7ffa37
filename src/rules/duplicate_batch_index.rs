//! `duplicate-batch-index`: two batches of one ExecuteScript body with the
//! same `batch_index`. The second is the error; a label shows the first.

use super::util::{integer, items, repeats};
use super::{CodeRule, Cx, RuleId};
use crate::i18n::tr;
use crate::load::ast::Node;
use crate::schema::names::{field, model};

pub(crate) const RULE: CodeRule = CodeRule {
    id: RuleId::DuplicateBatchIndex,
    models: &[model::SCRIPT_EXECUTE_MODEL],
    check,
};

fn check(object: &Node<'_>, cx: &mut Cx<'_>) {
    let nodes: Vec<Option<&Node<'_>>> = items(object, field::EXECUTE_BATCHES)
        .iter()
        .map(|b| b.get(field::BATCH_INDEX))
        .collect();
    let keys: Vec<Option<i128>> = nodes.iter().map(|n| n.and_then(integer)).collect();
    for (first, repeat) in repeats(&keys) {
        let (Some(first), Some(node), Some(index)) = (nodes[first], nodes[repeat], keys[repeat])
        else {
            continue;
        };
        let message = if cx.is_secret(node.span) {
            tr!(cx.lang, "duplicate-batch-index-hidden")
        } else {
            tr!(cx.lang, "duplicate-batch-index", index = index.to_string())
        };
        let pointer = cx.pointer_to(&[
            field::EXECUTE_BATCHES,
            &repeat.to_string(),
            field::BATCH_INDEX,
        ]);
        let label = tr!(cx.lang, "label-first-used-here");
        cx.report(RULE.id, node.span, pointer, message)
            .label(first.span, label);
    }
}
