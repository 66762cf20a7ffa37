//! Small helpers the code rules share.

use super::types::is_json_number;
use crate::load::ast::{Node, Value};

/// The integer a value stands for, the way the server reads it: a plain
/// integer, an integral number written with a fraction or exponent
/// (`1.0`, `3e2`), or a string holding one (`"1697946452186"`). `None` for
/// anything else, including integers outside the 64-bit range (which
/// `number-overflow` reports), so cross-field rules never build on a value
/// that is already wrong.
pub(crate) fn integer(node: &Node<'_>) -> Option<i128> {
    let raw: &str = match &node.value {
        Value::Number(raw) => raw,
        Value::String(s) if is_json_number(s) => s,
        _ => return None,
    };
    if !raw.contains(['.', 'e', 'E']) {
        return raw.parse::<i64>().ok().map(i128::from);
    }
    let value: f64 = raw.parse().ok()?;
    let in_range = value.is_finite() && value.fract() == 0.0 && value.abs() <= i64::MAX as f64;
    in_range.then_some(value as i128)
}

/// The elements of the array under `key`, or nothing.
pub(crate) fn items<'n>(object: &'n Node<'n>, key: &str) -> &'n [Node<'n>] {
    object.get(key).and_then(Node::as_array).unwrap_or(&[])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::parse;

    fn int(text: &str) -> Option<i128> {
        integer(&parse(text, 8).expect("valid JSON"))
    }

    #[test]
    fn integers_as_the_server_reads_them() {
        assert_eq!(int("1697946452186"), Some(1_697_946_452_186));
        assert_eq!(int("\"1697946452186\""), Some(1_697_946_452_186));
        assert_eq!(int("1.0"), Some(1));
        assert_eq!(int("3e2"), Some(300));
        assert_eq!(int("-0"), Some(0));
        assert_eq!(int("1.5"), None);
        assert_eq!(int("123456789012345678901234567890"), None);
        assert_eq!(int("1e400"), None);
        assert_eq!(int("\"x\""), None);
        assert_eq!(int("true"), None);
    }
}

/// The ticket's `status` node and value, when the value is one of
/// `statuses`.
pub(crate) fn status_among<'n>(
    object: &'n Node<'n>,
    statuses: &[String],
) -> Option<(&'n Node<'n>, &'n str)> {
    let node = object.get("status")?;
    let status = node.as_str()?;
    statuses
        .iter()
        .any(|s| s == status)
        .then_some((node, status))
}

/// For every key that repeats an earlier one: `(index of the first, index
/// of the repeat)`, in order of the repeats. `None` keys never match.
/// Short lists (the usual case) are scanned; long ones are hashed, so a list
/// of ten thousand parameters stays linear.
pub(crate) fn repeats<K: Eq + std::hash::Hash>(keys: &[Option<K>]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    if keys.len() <= 32 {
        for (i, key) in keys.iter().enumerate() {
            let Some(key) = key else { continue };
            if let Some(first) = keys[..i].iter().position(|k| k.as_ref() == Some(key)) {
                found.push((first, i));
            }
        }
    } else {
        let mut first_seen = std::collections::HashMap::with_capacity(keys.len());
        for (i, key) in keys.iter().enumerate() {
            let Some(key) = key else { continue };
            match first_seen.get(key) {
                Some(&first) => found.push((first, i)),
                None => {
                    first_seen.insert(key, i);
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod repeat_tests {
    use super::repeats;

    #[test]
    fn short_and_long_lists_agree() {
        let short = [Some("a"), None, Some("b"), Some("a"), None, Some("a")];
        assert_eq!(repeats(&short), [(0, 3), (0, 5)]);
        let mut long: Vec<Option<String>> = (0..100).map(|i| Some(i.to_string())).collect();
        long.push(Some("7".into()));
        long.push(None);
        long.push(None);
        assert_eq!(repeats(&long), [(7, 100)]);
    }
}
