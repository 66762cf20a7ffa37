//! `duplicate-key`: an object with the same key twice, anywhere in the
//! document. The second occurrence is the error; a label shows the first.

use super::{Cx, RuleId, Token};
use crate::i18n::tr;
use crate::load::ast::{Member, Node, Value};

/// Check every object of the tree under `node`.
pub(crate) fn check_tree<'a>(node: &'a Node<'a>, cx: &mut Cx<'a>) {
    match &node.value {
        Value::Object(members) => {
            check_object(members, cx);
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

fn check_object(members: &[Member<'_>], cx: &mut Cx<'_>) {
    let report = |first: &Member<'_>, dup: &Member<'_>, cx: &mut Cx<'_>| {
        let message = tr!(cx.lang, "duplicate-key", key = &dup.key);
        let pointer = cx.pointer_to(&[&dup.key]);
        let label = tr!(cx.lang, "label-first-defined-here");
        cx.report(RuleId::DuplicateKey, dup.key_span, pointer, message)
            .label(first.key_span, label);
    };
    let keys: Vec<Option<&str>> = members.iter().map(|m| Some(m.key.as_ref())).collect();
    for (first, repeat) in super::util::repeats(&keys) {
        report(&members[first], &members[repeat], cx);
    }
}
