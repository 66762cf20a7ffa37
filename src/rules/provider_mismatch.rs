//! `provider-mismatch`: target instances of one ExecuteScript body with
//! different providers. An instance without `provider` uses the default
//! (`default` in the rule file, ECS as documented).

use super::{CodeRule, Cx, RuleId};
use crate::i18n::tr;
use crate::load::ast::Node;
use crate::schema::names::{field, model};
use crate::source::Span;

pub(crate) const RULE: CodeRule = CodeRule {
    id: RuleId::ProviderMismatch,
    models: &[model::SCRIPT_EXECUTE_MODEL],
    check,
};

fn check(object: &Node<'_>, cx: &mut Cx<'_>) {
    let default = cx.rules.params().provider_mismatch.default.as_str();
    let mut first: Option<(&str, Span)> = None;
    for (b, batch) in super::util::items(object, field::EXECUTE_BATCHES)
        .iter()
        .enumerate()
    {
        for (i, instance) in super::util::items(batch, field::TARGET_INSTANCES)
            .iter()
            .enumerate()
        {
            if instance.as_object().is_none() {
                continue;
            }
            let provider_node = instance.get(field::PROVIDER);
            let provider = match provider_node {
                None => default,
                Some(node) => match node.as_str() {
                    Some(p) => p,
                    None => continue, // wrong-type reports it
                },
            };
            let span = provider_node.map_or(instance.span, |n| n.span);
            match first {
                None => first = Some((provider, span)),
                Some((expected, first_span)) if provider != expected => {
                    let provider = cx.show(span, provider, "shown-not-shown");
                    let expected = cx.show(first_span, expected, "shown-another");
                    let (b, i) = (b.to_string(), i.to_string());
                    let pointer = match provider_node {
                        Some(_) => cx.pointer_to(&[
                            field::EXECUTE_BATCHES,
                            &b,
                            field::TARGET_INSTANCES,
                            &i,
                            field::PROVIDER,
                        ]),
                        None => cx.pointer_to(&[
                            field::EXECUTE_BATCHES,
                            &b,
                            field::TARGET_INSTANCES,
                            &i,
                        ]),
                    };
                    let id = if provider_node.is_none() {
                        "provider-mismatch-default"
                    } else {
                        "provider-mismatch"
                    };
                    let lang = cx.lang;
                    let message = tr!(
                        lang,
                        id,
                        provider = &provider,
                        expected = &expected,
                        default = default
                    );
                    cx.report(RULE.id, span, pointer, message).label(
                        first_span,
                        tr!(lang, "label-first-instance-uses", expected = &expected),
                    );
                }
                Some(_) => {}
            }
        }
    }
}
