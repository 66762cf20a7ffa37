//! The catalogs are complete and consistent: every message in every
//! language, with the same placeholders; every id the code names exists;
//! every rule, document kind and required field has its Chinese text.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use fluent_syntax::parser::parse;

use super::*;

/// Every message of a catalog file: id → the variables its pattern uses.
fn messages(source: &'static str) -> BTreeMap<&'static str, BTreeSet<&'static str>> {
    let resource = parse(source).unwrap_or_else(|(_, errors)| panic!("{errors:?}"));
    let mut found = BTreeMap::new();
    for entry in resource.body {
        match entry {
            Entry::Message(m) => {
                let mut vars = BTreeSet::new();
                let pattern = m
                    .value
                    .as_ref()
                    .unwrap_or_else(|| panic!("{} has no value", m.id.name));
                pattern_vars(pattern, &mut vars);
                assert!(
                    found.insert(m.id.name, vars).is_none(),
                    "{} is defined twice",
                    m.id.name
                );
            }
            Entry::Comment(_) | Entry::GroupComment(_) | Entry::ResourceComment(_) => {}
            other => panic!("unexpected entry {other:?}"),
        }
    }
    found
}

fn pattern_vars<'s>(pattern: &Pattern<&'s str>, vars: &mut BTreeSet<&'s str>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars<'s>(expression: &Expression<&'s str>, vars: &mut BTreeSet<&'s str>) {
    match expression {
        Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
        Expression::Inline(inline) => inline_vars(inline, vars),
    }
}

fn inline_vars<'s>(inline: &InlineExpression<&'s str>, vars: &mut BTreeSet<&'s str>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            vars.insert(id.name);
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, vars);
            }
        }
        InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        _ => {}
    }
}

const EN: &str = include_str!("en-us.ftl");
const ZH: &str = include_str!("zh-cn.ftl");
const ZH_RULES: &str = include_str!("rules.zh-cn.ftl");

#[test]
fn every_message_has_every_language_with_the_same_placeholders() {
    let en = messages(EN);
    let zh = messages(ZH);
    assert!(en.len() > 100, "{}", en.len());
    for (id, vars) in &en {
        let Some(zh_vars) = zh.get(id) else {
            panic!("`{id}` has no zh-cn translation (src/i18n/zh-cn.ftl)");
        };
        assert_eq!(
            vars, zh_vars,
            "`{id}`: the zh-cn placeholders differ from the en-us ones"
        );
    }
    for id in zh.keys() {
        assert!(en.contains_key(id), "`{id}` is in zh-cn but not in en-us");
    }
}

#[test]
fn the_rule_texts_are_only_rule_kind_and_field_texts_without_placeholders() {
    for (id, vars) in messages(ZH_RULES) {
        assert!(
            id.starts_with("rule-") || id.starts_with("kind-") || id.starts_with("doc-"),
            "{id}"
        );
        assert!(vars.is_empty(), "{id} uses {vars:?}");
    }
}

#[test]
fn every_rule_kind_and_required_field_has_its_chinese_text() {
    let zh = messages(ZH_RULES);
    let rules = crate::RuleSet::builtin();
    for rule in rules.rules() {
        let name = rule.name();
        assert!(
            zh.contains_key(format!("rule-{name}-summary").as_str()),
            "rule {name} has no zh-cn summary (rule-{name}-summary in src/i18n/rules.zh-cn.ftl)"
        );
        assert_eq!(
            zh.contains_key(format!("rule-{name}-help").as_str()),
            rule.help().is_some(),
            "rule {name}: a zh-cn help exactly when the rule file has a help"
        );
        let words = matches!(
            rule.check(),
            Some(crate::rules::Check::Charset { .. } | crate::rules::Check::Forbid { .. })
        );
        assert_eq!(
            zh.contains_key(format!("rule-{name}-describe").as_str()),
            words,
            "rule {name}: a zh-cn describe exactly for charset and forbid checks"
        );
        // The Chinese texts are Chinese, and differ from the English.
        let summary = rule.summary_in(Lang::ZhCn);
        assert!(
            summary
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{name}: {summary}"
        );
        assert_ne!(summary, rule.summary());
    }
    for id in zh.keys().filter(|k| k.starts_with("rule-")) {
        let name = id
            .trim_start_matches("rule-")
            .trim_end_matches("-summary")
            .trim_end_matches("-help")
            .trim_end_matches("-describe");
        assert!(rules.get(name).is_some(), "{id} names no rule");
    }
    let schema = crate::schema::builtin();
    for kind in &schema.kinds {
        assert!(
            zh.contains_key(format!("kind-{}", kind.name).as_str()),
            "kind {}",
            kind.name
        );
    }
    for model in &schema.models {
        for field in model.fields.iter().filter(|f| f.required) {
            let id = format!("doc-{}-{}", model.name, field.name);
            assert!(zh.contains_key(id.as_str()), "{id}");
        }
    }
}

/// The string literals of the library's code that are message ids: the
/// second argument of `tr!`, `Msg::new`, the parser's `unexpected` and help
/// ids, and `Cx::show`'s descriptions.
fn ids_in_code() -> BTreeSet<String> {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![src.clone()];
    let mut ids = BTreeSet::new();
    let en = messages(EN);
    while let Some(path) = files.pop() {
        if path.is_dir() {
            for entry in std::fs::read_dir(&path).unwrap() {
                files.push(entry.unwrap().path());
            }
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") || path.ends_with("i18n/tests.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        // Every string literal that is a message id of the English catalog,
        // or looks like one (`word-word`) in a place that takes an id.
        for (i, _) in code.match_indices('"') {
            let rest = &code[i + 1..];
            let Some(end) = rest.find('"') else { continue };
            let literal = &rest[..end];
            if en.contains_key(literal) {
                ids.insert(literal.to_owned());
            }
        }
        for marker in ["tr!(", "Msg::new(", "unexpected(", "cx.show("] {
            for (i, _) in code.match_indices(marker) {
                let call = &code[i..code.len().min(i + 200)];
                let call = &call[..call.find(')').unwrap_or(call.len())];
                for literal in call.split('"').skip(1).step_by(2) {
                    let is_id = literal.contains('-')
                        && literal
                            .bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
                    if is_id {
                        ids.insert(literal.to_owned());
                    }
                }
            }
        }
    }
    ids
}

#[test]
fn every_id_the_code_names_exists_and_every_message_is_used() {
    let en = messages(EN);
    let used = ids_in_code();
    for id in &used {
        assert!(
            en.contains_key(id.as_str()),
            "the code names `{id}`, which en-us.ftl lacks"
        );
    }
    // Ids the code builds with `format!`: `length-{form}`, `items-{form}`.
    let built = |id: &str| {
        ["length-", "items-"].iter().any(|p| id.starts_with(p))
            && ["exactly", "between", "at-least", "at-most", "any"]
                .iter()
                .any(|f| id.ends_with(f))
    };
    for id in en.keys() {
        assert!(
            used.contains(*id) || built(id),
            "`{id}` of en-us.ftl is used nowhere in the code"
        );
    }
}

#[test]
fn catalogs_parse_into_bundles_without_errors() {
    for lang in Lang::ALL {
        for source in lang.sources() {
            let resource = FluentResource::try_new((*source).to_owned());
            assert!(
                resource.is_ok(),
                "{lang}: {:?}",
                resource.err().map(|e| e.1)
            );
            let mut bundle: Bundle = FluentBundle::new(vec![]);
            assert!(bundle
                .add_resource(resource.unwrap_or_else(|(r, _)| r))
                .is_ok());
        }
    }
}

#[test]
fn every_message_formats_without_errors_in_every_language() {
    // Every placeholder given: a number where a selector needs one.
    for (id, vars) in messages(EN) {
        for lang in Lang::ALL {
            BUNDLES.with(|bundles| {
                let bundle = bundles[lang.index()].get_or_init(|| bundle(lang));
                let pattern = bundle.get_message(id).and_then(|m| m.value()).unwrap();
                let mut args = FluentArgs::new();
                for v in &vars {
                    args.set(*v, FluentValue::from(2));
                }
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
                assert!(errors.is_empty(), "{lang} {id}: {errors:?}");
                assert!(!text.contains('\u{2068}'), "{lang} {id}: isolation marks");
                assert!(!text.trim().is_empty(), "{lang} {id}");
            });
        }
    }
}

#[test]
fn plurals_articles_and_terms() {
    let f = |lang, id, args: &[(&'static str, Arg<'_>)]| format(lang, id, args);
    let n = |k: u64| {
        [
            ("field", Arg::from("x")),
            ("n", Arg::from(k)),
            ("allowed", Arg::from("y")),
        ]
    };
    assert_eq!(
        f(Lang::EnUs, "length-is", &n(1)),
        "`x` is 1 character long, but it must be y"
    );
    assert_eq!(
        f(Lang::EnUs, "length-is", &n(2)),
        "`x` is 2 characters long, but it must be y"
    );
    assert_eq!(
        f(Lang::ZhCn, "length-is", &n(1)),
        "`x` 长 1 个字符，但必须y"
    );
    let kind = |k: &'static str| [("kind", Arg::from(k))];
    assert_eq!(f(Lang::EnUs, "value-hidden", &kind("object")), "an object");
    assert_eq!(f(Lang::EnUs, "value-hidden", &kind("string")), "a string");
    assert_eq!(f(Lang::EnUs, "value-hidden", &kind("array")), "an array");
    assert_eq!(f(Lang::ZhCn, "value-hidden", &kind("string")), "一个字符串");
    let timeout = [
        ("field", Arg::from("timeout")),
        ("value", Arg::from("9")),
        ("allowed", Arg::from("小于 5")),
    ];
    assert_eq!(
        f(Lang::ZhCn, "value-is", &timeout),
        "`timeout`（超时时长）为 9，但必须小于 5"
    );
    // An unknown id is given as itself; a message a language lacks falls
    // back to English.
    assert_eq!(f(Lang::ZhCn, "no-such-message", &[]), "no-such-message");
    assert!(!has(Lang::EnUs, "rule-timeout-out-of-range-summary"));
    assert!(has(Lang::ZhCn, "rule-timeout-out-of-range-summary"));
}

#[test]
fn languages_parse_as_users_write_them() {
    for (s, lang) in [
        ("en-us", Lang::EnUs),
        ("EN_US", Lang::EnUs),
        ("en", Lang::EnUs),
        ("zh-cn", Lang::ZhCn),
        ("zh_CN", Lang::ZhCn),
        ("zh", Lang::ZhCn),
        ("zh-Hans", Lang::ZhCn),
    ] {
        assert_eq!(s.parse::<Lang>(), Ok(lang), "{s}");
    }
    assert_eq!(
        "fr".parse::<Lang>().unwrap_err(),
        "`fr` is no language; write `en-us` or `zh-cn`"
    );
    assert_eq!(Lang::default(), Lang::EnUs);
    assert_eq!(Lang::ZhCn.to_string(), "zh-cn");
}
