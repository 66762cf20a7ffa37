//! The loader on arbitrary bytes: decoding and parsing never panic, and
//! every span of the parsed document lies inside the input.
#![no_main]

use coc_lint::load::ast::{Node, Value};
use coc_lint::load::{decode, parse, ParseError};
use libfuzzer_sys::fuzz_target;

fn check(node: &Node<'_>, len: usize) {
    assert!(node.span.end() <= len);
    match &node.value {
        Value::Array(items) => items.iter().for_each(|n| check(n, len)),
        Value::Object(members) => members.iter().for_each(|m| {
            assert!(m.key_span.end() <= len);
            check(&m.value, len);
        }),
        _ => {}
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = decode(data) else { return };
    match parse(text, 64) {
        Ok(root) => check(&root, text.len()),
        Err(ParseError::Syntax { span, .. }) | Err(ParseError::TooDeep { span, .. }) => {
            assert!(span.end() <= text.len());
        }
    }
});
