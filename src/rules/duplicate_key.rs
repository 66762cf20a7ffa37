//! `duplicate-key`: an object with the same key twice, anywhere in the
//! document. The second occurrence is the error; a label shows the first.

use super::{Cx, RuleId, Token};
use crate::fix::{Edit, Fix};
use crate::i18n::tr;
use crate::load::ast::{Member, Node, Value};

/// Check every object of the tree under `node`.
pub(crate) fn check_tree<'a>(node: &'a Node<'a>, cx: &mut Cx<'a>) {
    match &node.value {
        Value::Object(members) => {
            check_object(node, members, cx);
            for m in members {
                descend(&m.value, Token::Key(&m.key), cx);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                descend(item, Token::Index(i), cx);
            }
        }
        _ => {}
    }
}

fn descend<'a>(node: &'a Node<'a>, token: Token<'a>, cx: &mut Cx<'a>) {
    // The inside of a secret is not examined: its keys are part of it.
    if !matches!(node.value, Value::Object(_) | Value::Array(_)) || cx.is_secret(node.span) {
        return;
    }
    cx.path.push(token);
    check_tree(node, cx);
    cx.path.pop();
}

fn check_object(object: &Node<'_>, members: &[Member<'_>], cx: &mut Cx<'_>) {
    let keys: Vec<Option<&str>> = members.iter().map(|m| Some(m.key.as_ref())).collect();
    // The latest occurrence of each repeated key so far (repeats come in
    // order), so that finding the one before a repeat stays linear.
    let mut latest: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (first, repeat) in super::util::repeats(&keys) {
        let (first_member, dup) = (&members[first], &members[repeat]);
        let message = tr!(cx.lang, "duplicate-key", key = &dup.key);
        let pointer = cx.pointer_to(&[&dup.key]);
        let label = tr!(cx.lang, "label-first-defined-here");
        let title = tr!(cx.lang, "fix-remove-first", key = &dup.key);
        let d = cx
            .report(RuleId::DuplicateKey, dup.key_span, pointer, message)
            .label(first_member.key_span, label);
        // Keep the last occurrence, as serde_json and the server do: each
        // repeat removes the occurrence just before it, so that with three
        // the first two go in one pass.
        let previous = latest.insert(dup.key.as_ref(), repeat).unwrap_or(first);
        if let Some(span) = crate::fix::member_removal(object, previous) {
            d.fix(Fix::unsafe_edit(title, vec![Edit::delete(span)]));
        }
    }
}
