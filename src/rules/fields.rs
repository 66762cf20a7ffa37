//! The field rules the document walk applies to every object:
//! `unknown-field` (with a "did you mean" suggestion), `discarded-field`
//! and `missing-required-field`.

use super::{Cx, RuleId};
use crate::fix::{Edit, Fix};
use crate::i18n::{tr, Lang};
use crate::load::ast::{Member, Node};
use crate::schema::Model;

/// What a field is, in `lang`: the schema's words (`english`) unless the
/// catalog has the field's (`doc-MODEL-FIELD`).
fn field_doc(lang: Lang, model: &str, field: &str, english: &str) -> String {
    let id = format!("doc-{model}-{field}");
    if lang != Lang::EnUs && crate::i18n::has(lang, &id) {
        crate::i18n::format(lang, &id, &[])
    } else {
        english.to_owned()
    }
}

/// The known field most like `key`, if one is close enough to suggest.
pub(crate) fn suggest<'m>(key: &str, model: &'m Model, threshold: f64) -> Option<&'m str> {
    model.closest_field(key, threshold).map(|f| f.name.as_str())
}

/// The most members an object may have for `unknown-field` to offer a
/// rename.
const MAX_RENAME_MEMBERS: usize = 64;

/// Report `member`, which `model` does not document; `object` holds it.
pub(crate) fn unknown(object: &Node<'_>, member: &Member<'_>, model: &Model, cx: &mut Cx<'_>) {
    let lang = cx.lang;
    let message = tr!(
        lang,
        "unknown-field",
        key = &member.key,
        model = &model.name
    );
    let threshold = cx.rules.params().unknown_field.suggest_threshold;
    let suggestion = suggest(&member.key, model, threshold);
    let help = match suggestion {
        Some(name) => tr!(lang, "help-did-you-mean", name = name),
        None => {
            let names: Vec<&str> = model
                .fields
                .iter()
                .filter(|f| !f.discarded && !f.example_only)
                .map(|f| f.name.as_str())
                .collect();
            tr!(
                lang,
                "help-fields-are",
                model = &model.name,
                names = names.join(", ")
            )
        }
    };
    let pointer = cx.pointer_to(&[&member.key]);
    let d = cx
        .report(RuleId::UnknownField, member.key_span, pointer, message)
        .help(help);
    // Renamed to the suggestion, unless the object has that key already or
    // another unknown key would be renamed to it too (either would make a
    // duplicate).
    // Objects of more than a screenful of members get no rename: the check
    // compares every other key, and a hostile object must stay linear.
    let members = object.as_object().unwrap_or_default();
    let unique = |name: &&str| {
        members.len() <= MAX_RENAME_MEMBERS
            && members.iter().all(|m| {
                m.key != *name
                    && (std::ptr::eq(m, member)
                        || model.field(&m.key).is_some()
                        || suggest(&m.key, model, threshold) != Some(*name))
            })
    };
    if let Some(name) = suggestion.filter(unique) {
        let key = serde_json::to_string(name).unwrap_or_default();
        let title = tr!(lang, "fix-rename", key = &member.key, name = name);
        d.fix(Fix::unsafe_edit(
            title,
            vec![Edit::replace(member.key_span, key)],
        ));
    }
}

/// Report member `i` of `object`, a field the API has discarded.
pub(crate) fn discarded(object: &Node<'_>, i: usize, model: &Model, cx: &mut Cx<'_>) {
    let Some(member) = object.as_object().and_then(|m| m.get(i)) else {
        return;
    };
    let message = tr!(
        cx.lang,
        "discarded-field",
        key = &member.key,
        model = &model.name
    );
    let pointer = cx.pointer_to(&[&member.key]);
    let title = tr!(cx.lang, "fix-remove", key = &member.key);
    let d = cx.report(RuleId::DiscardedField, member.key_span, pointer, message);
    if let Some(span) = crate::fix::member_removal(object, i) {
        d.fix(Fix::safe(title, vec![Edit::delete(span)]));
    }
}

/// Report every required field of `model` that `object` lacks.
pub(crate) fn required(object: &Node<'_>, model: &Model, cx: &mut Cx<'_>) {
    let Some(members) = object.as_object() else {
        return;
    };
    for field in model.fields.iter().filter(|f| f.required) {
        if members.iter().all(|m| m.key != field.name) {
            let lang = cx.lang;
            let message = tr!(
                lang,
                "missing-required-field",
                model = &model.name,
                field = &field.name
            );
            let help = tr!(
                lang,
                "help-add-field",
                field = &field.name,
                doc = field_doc(lang, &model.name, &field.name, &field.doc)
            );
            cx.report(
                RuleId::MissingRequiredField,
                object.span,
                cx.pointer(),
                message,
            )
            .help(help);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_catch_typos_not_strangers() {
        let schema = crate::schema::builtin();
        let model = &schema.models[schema.model("ScriptExecuteParam").unwrap()];
        let threshold = crate::rules::RuleParams::default()
            .unknown_field
            .suggest_threshold;
        let suggest = |key, model| suggest(key, model, threshold);
        assert_eq!(suggest("time_out", model), Some("timeout"));
        assert_eq!(suggest("timeOut", model), Some("timeout"));
        assert_eq!(suggest("success-rate", model), Some("success_rate"));
        assert_eq!(suggest("execute_usr", model), Some("execute_user"));
        assert_eq!(suggest("color", model), None);
    }
}
