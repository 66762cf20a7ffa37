//! The loader on arbitrary bytes: decoding, parsing (strict and JSONC) and
//! finding the secrets never panic, and every span of the parsed document, and every secret's,
//! lies inside the input (secrets sorted and apart).
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

fn check_secrets(secrets: &[coc_lint::Span], len: usize) {
    let mut last_end = 0;
    for s in secrets {
        assert!(s.offset >= last_end && s.length > 0 && s.end() <= len);
        last_end = s.end();
    }
}

fuzz_target!(|data: &[u8]| {
    check_secrets(&coc_lint::redact::text(data), data.len());
    let Ok(text) = decode(data) else { return };
    match parse(text, 64) {
        Ok(root) => {
            check(&root, text.len());
            check_secrets(&coc_lint::redact::tree(&root), text.len());
        }
        Err(ParseError::Syntax { span, .. }) | Err(ParseError::TooDeep { span, .. }) => {
            assert!(span.end() <= text.len());
        }
    }
    // JSONC (`allow-comments`): the same, with the comments masked.
    match coc_lint::load::parser::parse_with_comments(text, 64, true) {
        Ok(root) => {
            check(&root, text.len());
            let secrets = coc_lint::redact::with_comments(coc_lint::redact::tree(&root), data);
            check_secrets(&secrets, text.len());
        }
        Err(ParseError::Syntax { span, .. }) | Err(ParseError::TooDeep { span, .. }) => {
            assert!(span.end() <= text.len());
        }
    }
});
