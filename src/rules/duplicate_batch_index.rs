//! `duplicate-batch-index`: two batches of one ExecuteScript body with the
//! same `batch_index`. The second is the error; a label shows the first.

use std::collections::HashMap;

use super::{CodeRule, Cx};
use crate::load::ast::Node;

pub(crate) const RULE: CodeRule = CodeRule {
    name: "duplicate-batch-index",
    models: &["ScriptExecuteModel"],
    check,
};

fn check(object: &Node<'_>, cx: &mut Cx<'_>) {
    let mut first_seen: HashMap<i128, &Node<'_>> = HashMap::new();
    for (i, batch) in super::util::items(object, "execute_batches")
        .iter()
        .enumerate()
    {
        let Some(index_node) = batch.get("batch_index") else {
            continue;
        };
        let Some(index) = super::util::integer(index_node) else {
            continue;
        };
        match first_seen.get(&index) {
            Some(first) => {
                let message = format!("the batch index {index} is used by more than one batch");
                let pointer = cx.pointer_to(&["execute_batches", &i.to_string(), "batch_index"]);
                let first_span = first.span;
                cx.report(RULE.name, index_node.span, pointer, message)
                    .label(first_span, "first used here");
            }
            None => {
                first_seen.insert(index, index_node);
            }
        }
    }
}
