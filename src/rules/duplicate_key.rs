//! `duplicate-key`: an object with the same key twice, anywhere in the
//! document. The second occurrence is the error; a label shows the first.

use std::collections::HashMap;

use super::Cx;
use crate::load::ast::{push_pointer_token, Member, Node, Value};

/// Check every object of the tree under `node`.
pub(crate) fn check_tree(node: &Node<'_>, cx: &mut Cx) {
    match &node.value {
        Value::Object(members) => {
            check_object(members, cx);
            for m in members {
                descend(&m.value, &m.key, cx);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                if matches!(item.value, Value::Object(_) | Value::Array(_)) {
                    descend(item, &i.to_string(), cx);
                }
            }
        }
        _ => {}
    }
}

fn descend(node: &Node<'_>, token: &str, cx: &mut Cx) {
    if !matches!(node.value, Value::Object(_) | Value::Array(_)) {
        return;
    }
    let len = cx.pointer.len();
    push_pointer_token(&mut cx.pointer, token);
    check_tree(node, cx);
    cx.pointer.truncate(len);
}

fn check_object(members: &[Member<'_>], cx: &mut Cx) {
    let report = |first: &Member<'_>, dup: &Member<'_>, cx: &mut Cx| {
        let message = format!(
            "the key `{}` appears more than once in this object",
            dup.key
        );
        let pointer = cx.pointer_to(&[&dup.key]);
        cx.report("duplicate-key", dup.key_span, pointer, message)
            .label(first.key_span, "first defined here");
    };
    if members.len() <= 16 {
        for (i, m) in members.iter().enumerate() {
            if let Some(first) = members[..i].iter().find(|p| p.key == m.key) {
                report(first, m, cx);
            }
        }
    } else {
        let mut seen: HashMap<&str, usize> = HashMap::with_capacity(members.len());
        for (i, m) in members.iter().enumerate() {
            if let Some(&first) = seen.get(m.key.as_ref()) {
                report(&members[first], m, cx);
            } else {
                seen.insert(&m.key, i);
            }
        }
    }
}
