//! JSON Schema (draft 2020-12) of each document kind, generated from the
//! models of `rules/schema.toml` and the constraints of the rule set's data
//! rules, so that editors (VS Code's `json.schemas`, JetBrains' JSON Schema
//! mappings) complete field names and flag errors while typing. Nothing is
//! written twice: a limit comes from the rule file that the checks read.
//!
//! A schema describes what coc-lint accepts **without an error**: the
//! constraints of the enabled error-severity built-in rules are in it
//! (team rules are not), warnings are not
//! (unknown and discarded fields are allowed, discarded ones marked
//! `deprecated`; a number written as a string, which the server coerces,
//! is allowed when it is a JSON number). What a schema cannot express is
//! left to coc-lint: the decimal places of a number as written
//! (`success-rate-precision`), a number inside a string checked against
//! a range, integers written with a fraction (`1.0` is an integer to JSON
//! Schema), duplicate keys, parameter names and batch indexes that must be
//! unique, and rules across fields (`param_value` or `param_refer`,
//! providers, finish times, costs, totals, the instances of all batches).

use serde_json::{json, Map, Value};

use crate::diagnostic::Severity;
use crate::rules::check::Check;
use crate::rules::RuleSet;
use crate::schema::{FieldType, Kind, Schema};

/// The `$schema` every exported schema declares.
pub const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The grammar of a JSON number, for numbers written as strings.
const JSON_NUMBER: &str = r"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$";

/// The schema of one document kind: its root model, with every model it
/// reaches under `$defs`.
pub fn kind_schema(rules: &RuleSet, kind: &Kind) -> SchemaDocument {
    let schema = rules.schema();
    let mut reached = vec![false; schema.models.len()];
    reach(schema, kind.model, &mut reached);
    let root = &schema.models[kind.model];
    document(
        format!("coc-lint: {}", kind.name),
        kind.title.clone(),
        json!({ "$ref": format!("#/$defs/{}", root.name) }),
        defs(rules, &reached),
    )
}

/// One schema for every document kind: a document is valid when it is
/// valid as one of them.
pub fn all_kinds_schema(rules: &RuleSet) -> SchemaDocument {
    let schema = rules.schema();
    let reached = vec![true; schema.models.len()];
    let any: Vec<Value> = schema
        .kinds
        .iter()
        .map(|k| {
            json!({
                "title": k.name,
                "description": k.title,
                "$ref": format!("#/$defs/{}", schema.models[k.model].name),
            })
        })
        .collect();
    document(
        "coc-lint: any document".into(),
        "A document of one of the kinds coc-lint checks.".into(),
        json!({ "anyOf": any }),
        defs(rules, &reached),
    )
}

/// A whole schema, its keywords in the order people read them
/// (`$schema` first, `$defs` last), whatever order maps keep.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SchemaDocument {
    /// The dialect: [`DIALECT`].
    #[serde(rename = "$schema")]
    pub dialect: &'static str,
    /// What it describes, in a few words.
    pub title: String,
    /// What it describes.
    pub description: String,
    /// What the root must be (`$ref` to a model, or `anyOf` of them).
    #[serde(flatten)]
    pub root: Map<String, Value>,
    /// The models, by name.
    #[serde(rename = "$defs")]
    pub defs: Value,
}

fn document(title: String, description: String, root: Value, defs: Value) -> SchemaDocument {
    SchemaDocument {
        dialect: DIALECT,
        title,
        description,
        root: match root {
            Value::Object(m) => m,
            _ => Map::new(),
        },
        defs,
    }
}

/// Mark the models reachable from `model`.
fn reach(schema: &Schema, model: usize, reached: &mut [bool]) {
    if std::mem::replace(&mut reached[model], true) {
        return;
    }
    for field in &schema.models[model].fields {
        let mut ty = &field.ty;
        while let FieldType::Array(inner) = ty {
            ty = inner;
        }
        if let FieldType::Object(m) = ty {
            reach(schema, *m, reached);
        }
    }
}

fn defs(rules: &RuleSet, reached: &[bool]) -> Value {
    let schema = rules.schema();
    let mut defs = Map::new();
    for (i, model) in schema.models.iter().enumerate() {
        if !reached[i] {
            continue;
        }
        let mut properties = Map::new();
        let mut required = Vec::new();
        for field in &model.fields {
            let target = format!("{}.{}", model.name, field.name);
            let mut value = type_schema(schema, &field.ty);
            let mut description = field.doc.clone();
            for rule in rules.rules() {
                if !rule.is_enabled()
                    || rule.severity() != Severity::Error
                    || !rule.targets().contains(&target)
                {
                    continue;
                }
                let Some(check) = rule.check() else {
                    continue;
                };
                let keywords = constraint(check);
                if keywords.is_empty() {
                    continue;
                }
                description.push_str(&format!(
                    " Must be {} ({} {}).",
                    check.describe(),
                    rule.code(),
                    rule.name()
                ));
                // Item counts and uniqueness apply to the array; the rest
                // to its items.
                let on_items = matches!(field.ty, FieldType::Array(_))
                    && !matches!(check, Check::Items { .. } | Check::Unique { .. });
                if on_items {
                    if let Some(Value::Object(items)) = value.get_mut("items") {
                        merge(items, keywords);
                    }
                } else if let Value::Object(v) = &mut value {
                    merge(v, keywords);
                }
            }
            if field.nullable {
                value = nullable(value);
            }
            if let Value::Object(v) = &mut value {
                v.insert("description".into(), description.into());
                if field.discarded {
                    v.insert("deprecated".into(), true.into());
                }
            }
            if field.required {
                required.push(Value::from(field.name.clone()));
            }
            properties.insert(field.name.clone(), value);
        }
        let mut def = Map::new();
        def.insert("type".into(), "object".into());
        def.insert("description".into(), model.doc.clone().into());
        def.insert("properties".into(), Value::Object(properties));
        if !required.is_empty() {
            def.insert("required".into(), Value::Array(required));
        }
        defs.insert(model.name.clone(), Value::Object(def));
    }
    Value::Object(defs)
}

/// The schema of a documented type.
fn type_schema(schema: &Schema, ty: &FieldType) -> Value {
    match ty {
        FieldType::String => json!({ "type": "string" }),
        FieldType::Boolean => json!({ "type": "boolean" }),
        FieldType::Integer => json!({
            "type": ["integer", "string"],
            "minimum": i32::MIN,
            "maximum": i32::MAX,
            "pattern": JSON_NUMBER,
        }),
        FieldType::Long => json!({
            "type": ["integer", "string"],
            "minimum": i64::MIN,
            "maximum": i64::MAX,
            "pattern": JSON_NUMBER,
        }),
        FieldType::Double => json!({ "type": ["number", "string"], "pattern": JSON_NUMBER }),
        FieldType::Object(m) => json!({ "$ref": format!("#/$defs/{}", schema.models[*m].name) }),
        FieldType::Array(inner) => json!({ "type": "array", "items": type_schema(schema, inner) }),
    }
}

/// `null` allowed as well.
fn nullable(value: Value) -> Value {
    match value {
        Value::Object(mut v) => match v.get_mut("type") {
            Some(Value::String(t)) => {
                let t = std::mem::take(t);
                v.insert("type".into(), json!([t, "null"]));
                Value::Object(v)
            }
            Some(Value::Array(types)) => {
                types.push("null".into());
                Value::Object(v)
            }
            _ => json!({ "anyOf": [Value::Object(v), { "type": "null" }] }),
        },
        other => other,
    }
}

/// The keywords that express `check`; empty for what a schema cannot say
/// (decimal places as written).
fn constraint(check: &Check) -> Map<String, Value> {
    let mut k = Map::new();
    let number = |n: f64| -> Value {
        // `5`, not `5.0`: a limit reads as the rule file writes it.
        if n.fract() == 0.0 && n.abs() < 1e15 {
            Value::from(n as i64)
        } else {
            serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number)
        }
    };
    match check {
        Check::Range {
            min,
            max,
            exclusive_min,
            exclusive_max,
        } => {
            if let Some(min) = min {
                let key = if *exclusive_min {
                    "exclusiveMinimum"
                } else {
                    "minimum"
                };
                k.insert(key.into(), number(*min));
            }
            if let Some(max) = max {
                let key = if *exclusive_max {
                    "exclusiveMaximum"
                } else {
                    "maximum"
                };
                k.insert(key.into(), number(*max));
            }
        }
        Check::Length { min, max } => {
            if let Some(min) = min {
                k.insert("minLength".into(), (*min).into());
            }
            if let Some(max) = max {
                k.insert("maxLength".into(), (*max).into());
            }
        }
        Check::Items { min, max } => {
            if let Some(min) = min {
                k.insert("minItems".into(), (*min).into());
            }
            if let Some(max) = max {
                k.insert("maxItems".into(), (*max).into());
            }
        }
        Check::OneOf { values } => {
            k.insert("enum".into(), values.clone().into());
        }
        Check::Equals { value } => {
            k.insert("const".into(), value.clone().into());
        }
        Check::Charset { class, .. } => {
            k.insert("pattern".into(), format!("^{class}*$").into());
        }
        Check::Forbid { pattern, .. } => {
            // `pattern` alone would hold for any non-string (a null
            // `param_value`), and `not` would then refuse it.
            k.insert(
                "not".into(),
                json!({ "type": "string", "pattern": pattern }),
            );
        }
        Check::NoneOf { values } => {
            k.insert("not".into(), json!({ "enum": values }));
        }
        Check::Pattern { pattern, .. } => {
            k.insert("pattern".into(), pattern.clone().into());
        }
        // Keys of the object itself; a JSON pointer to a nested key is
        // not expressed.
        Check::Required { keys } if keys.iter().all(|key| !key.starts_with('/')) => {
            k.insert("required".into(), keys.clone().into());
        }
        Check::Forbidden { keys } if keys.iter().all(|key| !key.starts_with('/')) => {
            let any: Vec<Value> = keys
                .iter()
                .map(|key| json!({ "required": [key] }))
                .collect();
            k.insert("not".into(), json!({ "anyOf": any }));
        }
        Check::Unique { field: None } => {
            k.insert("uniqueItems".into(), true.into());
        }
        // Decimal places as written, nested keys, unique fields of items.
        Check::Decimals { .. }
        | Check::Required { .. }
        | Check::Forbidden { .. }
        | Check::Unique { .. } => {}
    }
    k
}

/// Add `keywords` to a schema object; one it already has (a type's bounds
/// and a rule's) goes under `allOf`, so both apply.
fn merge(target: &mut Map<String, Value>, keywords: Map<String, Value>) {
    let mut clash = Map::new();
    for (key, value) in keywords {
        if target.contains_key(&key) {
            clash.insert(key, value);
        } else {
            target.insert(key, value);
        }
    }
    if !clash.is_empty() {
        let all = target
            .entry("allOf")
            .or_insert_with(|| Value::Array(Vec::new()));
        if let Value::Array(all) = all {
            all.push(Value::Object(clash));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_schema_with_its_root_model() {
        let rules = RuleSet::builtin();
        for kind in &rules.schema().kinds {
            let s = serde_json::to_value(kind_schema(&rules, kind)).unwrap();
            assert_eq!(s["$schema"], DIALECT);
            let root = s["$ref"].as_str().unwrap().trim_start_matches("#/$defs/");
            assert!(s["$defs"].get(root).is_some(), "{}", kind.name);
        }
    }

    #[test]
    fn clashing_keywords_go_under_all_of() {
        let mut target = Map::new();
        target.insert("minimum".into(), 0.into());
        let mut keywords = Map::new();
        keywords.insert("minimum".into(), 5.into());
        keywords.insert("maximum".into(), 9.into());
        merge(&mut target, keywords);
        assert_eq!(
            Value::Object(target),
            json!({"minimum": 0, "maximum": 9, "allOf": [{"minimum": 5}]})
        );
    }
}
