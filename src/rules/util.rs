//! Small helpers the code rules share.

use crate::load::ast::{Node, Value};

/// The value of an integral JSON number (no fraction, no exponent), wide
/// enough for any `Long` and their differences.
pub(crate) fn integer(node: &Node<'_>) -> Option<i128> {
    match &node.value {
        Value::Number(raw) if !raw.contains(['.', 'e', 'E']) => raw.parse().ok(),
        _ => None,
    }
}

/// The elements of the array under `key`, or nothing.
pub(crate) fn items<'n>(object: &'n Node<'n>, key: &str) -> &'n [Node<'n>] {
    object.get(key).and_then(Node::as_array).unwrap_or(&[])
}
