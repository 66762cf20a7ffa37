//! The typed models (`src/model.rs`) and `rules/schema.toml` cannot drift:
//! every schema model and every field of it is checked against the Rust
//! types in both directions.
//!
//! - Types: `serde-reflection` traces what the Rust types deserialize
//!   (field names after serde renames, container names, primitive types,
//!   `Option`, `Vec`, nested structs), starting from the model type of every
//!   [`DocumentKind`]. The traced structs must be exactly the schema's
//!   models, field for field, with the Rust type of the schema's JSON type.
//! - Required-ness: every field is an `Option` by design (a model holds what
//!   a file holds; the linter says what is missing), so the API's
//!   required-ness lives in the docs: a required field's doc starts with
//!   `**Required.**`, an optional one's does not. Read from the source.
//! - Serialisation: a document with every schema field set deserialises into
//!   the model and serialises back to the same JSON (no field dropped or
//!   renamed on the way out), and the linter finds no unknown field or wrong
//!   type in it.
//! - `Linter::lint_value`: every diagnostic's span, sliced from the text it
//!   returns, is the JSON of the value its pointer names.

use std::collections::{BTreeMap, BTreeSet};

use coc_lint::model::{
    Document, JobScriptOrderInfoModel, ScriptExecuteModel, ScriptExecuteParam, Status,
    TicketListResponse, TicketResponse,
};
use coc_lint::schema::{FieldType, Schema};
use coc_lint::{DocumentKind, Linter};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use serde_reflection::{ContainerFormat, Format, Registry, Tracer, TracerConfig, VariantFormat};

/// What a document type does in these tests: trace it, or round-trip a
/// sample through it.
trait Probe {
    fn run<T: Document + DeserializeOwned>(&mut self) -> DocumentKind;
}

/// Runs `probe` on the model type of `kind`. The match is exhaustive: a new
/// document kind does not compile until it has a model type here.
fn with_type<P: Probe>(kind: DocumentKind, probe: &mut P) {
    let declared = match kind {
        DocumentKind::TicketResponse => probe.run::<TicketResponse>(),
        DocumentKind::Ticket => probe.run::<JobScriptOrderInfoModel>(),
        DocumentKind::ExecuteParam => probe.run::<ScriptExecuteParam>(),
        DocumentKind::ExecuteScript => probe.run::<ScriptExecuteModel>(),
        DocumentKind::TicketList => probe.run::<TicketListResponse>(),
    };
    assert_eq!(declared, kind, "Document::KIND of the {kind} model type");
}

struct Trace {
    tracer: Tracer,
    root: Option<Format>,
}

impl Probe for Trace {
    fn run<T: Document + DeserializeOwned>(&mut self) -> DocumentKind {
        let (format, _) = self
            .tracer
            .trace_simple_type::<T>()
            .unwrap_or_else(|e| panic!("{}: {e}", std::any::type_name::<T>()));
        self.root = Some(format);
        T::KIND
    }
}

/// The traced containers, and the traced root of every kind.
fn trace() -> (Registry, std::collections::HashMap<DocumentKind, String>) {
    let mut probe = Trace {
        tracer: Tracer::new(TracerConfig::default()),
        root: None,
    };
    let mut roots = std::collections::HashMap::new();
    for kind in DocumentKind::ALL {
        with_type(kind, &mut probe);
        let Some(Format::TypeName(name)) = probe.root.take() else {
            panic!("the {kind} model type is not a named struct");
        };
        roots.insert(kind, name);
    }
    // Nested enums are traced one variant at a time; tracing them at the
    // top level covers every variant. `registry()` fails on an enum that
    // was not (a new one must be added here).
    probe
        .tracer
        .trace_simple_type::<Status>()
        .expect("Status traces");
    let registry = probe.tracer.registry().unwrap_or_else(|e| {
        panic!("incomplete trace ({e}); trace every enum of src/model.rs above")
    });
    (registry, roots)
}

/// Whether `format` is the Rust type of the schema type `ty`.
fn matches(ty: &FieldType, format: &Format, schema: &Schema, traced: &Registry) -> bool {
    match (ty, format) {
        (FieldType::String, Format::Str)
        | (FieldType::Integer, Format::I32)
        | (FieldType::Long, Format::I64)
        | (FieldType::Double, Format::F64)
        | (FieldType::Boolean, Format::Bool) => true,
        // A string of a few documented values may be a fieldless enum.
        (FieldType::String, Format::TypeName(name)) => match traced.get(name) {
            Some(ContainerFormat::Enum(variants)) => variants
                .values()
                .all(|v| matches!(v.value, VariantFormat::Unit)),
            _ => false,
        },
        (FieldType::Object(m), Format::TypeName(name)) => schema.models[*m].name == *name,
        (FieldType::Array(item), Format::Seq(inner)) => matches(item, inner, schema, traced),
        _ => false,
    }
}

#[test]
fn every_model_and_field_has_the_rust_type_of_the_schema_and_nothing_else() {
    let schema = coc_lint::schema::builtin();
    let (traced, roots) = trace();
    let mut problems = Vec::new();

    for kind in DocumentKind::ALL {
        let spec = schema
            .kind(kind.name())
            .unwrap_or_else(|| panic!("{kind} is not in rules/schema.toml"));
        let model = &schema.models[spec.model].name;
        if roots[&kind] != *model {
            problems.push(format!(
                "kind {kind}: the schema's model is {model}, the Rust type's serde name is {}",
                roots[&kind]
            ));
        }
    }

    let structs: BTreeSet<&str> = traced
        .iter()
        .filter(|(_, c)| matches!(c, ContainerFormat::Struct(_)))
        .map(|(name, _)| name.as_str())
        .collect();
    let models: BTreeSet<&str> = schema.models.iter().map(|m| m.name.as_str()).collect();
    for name in models.difference(&structs) {
        problems.push(format!(
            "schema model {name} has no Rust struct reachable from a Document type \
             (name it so, or give it #[serde(rename = \"{name}\")])"
        ));
    }
    for name in structs.difference(&models) {
        problems.push(format!("Rust struct {name} is not a model of the schema"));
    }
    for (name, container) in traced.iter() {
        match container {
            ContainerFormat::Struct(_) => {}
            ContainerFormat::Enum(variants)
                if variants
                    .values()
                    .all(|v| matches!(v.value, VariantFormat::Unit)) => {}
            other => problems.push(format!(
                "Rust type {name} is {other:?}: models are structs and fieldless enums"
            )),
        }
    }

    for model in &schema.models {
        let Some(ContainerFormat::Struct(fields)) = traced.get(&model.name) else {
            continue; // reported above
        };
        for field in &model.fields {
            let at = format!("{}.{}", model.name, field.name);
            let Some(rust) = fields.iter().find(|f| f.name == field.name) else {
                problems.push(format!("{at} is in the schema, not in the Rust struct"));
                continue;
            };
            match &rust.value {
                Format::Option(inner) if matches(&field.ty, inner, schema, &traced) => {}
                Format::Option(inner) => problems.push(format!(
                    "{at}: the schema says {}, the Rust type is {inner:?}",
                    field.ty.describe(schema)
                )),
                other => problems.push(format!(
                    "{at}: the Rust type is {other:?}, not an Option (every field is one)"
                )),
            }
        }
        for rust in fields {
            if model.field(&rust.name).is_none() {
                problems.push(format!(
                    "{}.{} is in the Rust struct, not in the schema",
                    model.name, rust.name
                ));
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

/// Every field's doc in `src/model.rs`: (serde name of the struct, JSON key)
/// to the doc text. A small reader of this one file's layout: `///` lines,
/// `#[serde(rename = "...")]` attributes, `pub struct`, `pub field: Type,`.
fn field_docs() -> BTreeMap<(String, String), String> {
    let source = include_str!("../src/model.rs");
    let rename = |attrs: &[&str]| {
        attrs.iter().find_map(|a| {
            let start = a.find("rename = \"")? + "rename = \"".len();
            let len = a[start..].find('"')?;
            Some(a[start..start + len].to_owned())
        })
    };
    let mut docs = Vec::new();
    let mut attrs = Vec::new();
    let mut current: Option<String> = None;
    let mut out = BTreeMap::new();
    for line in source.lines().map(str::trim) {
        if let Some(doc) = line.strip_prefix("///") {
            docs.push(doc.trim());
            continue;
        }
        if line.starts_with("#[") {
            attrs.push(line);
            continue;
        }
        if let Some(rest) = line.strip_prefix("pub struct ") {
            let ident = rest.split([' ', '{']).next().unwrap_or_default();
            current = Some(rename(&attrs).unwrap_or_else(|| ident.to_owned()));
        } else if let (Some(model), Some(rest)) = (&current, line.strip_prefix("pub ")) {
            if let Some((ident, _)) = rest.split_once(':') {
                let key = rename(&attrs).unwrap_or_else(|| ident.trim().to_owned());
                out.insert((model.clone(), key), docs.join(" "));
            }
        } else if line == "}" {
            current = None;
        }
        docs.clear();
        attrs.clear();
    }
    out
}

#[test]
fn required_fields_say_so_in_their_docs_and_only_they() {
    let schema = coc_lint::schema::builtin();
    let docs = field_docs();
    let mut problems = Vec::new();
    for model in &schema.models {
        for field in &model.fields {
            let key = (model.name.clone(), field.name.clone());
            let Some(doc) = docs.get(&key) else {
                problems.push(format!(
                    "{}.{}: no documented field in src/model.rs",
                    model.name, field.name
                ));
                continue;
            };
            if doc.starts_with("**Required.**") != field.required {
                problems.push(format!(
                    "{}.{}: the schema says required = {}, the doc says {doc:?}",
                    model.name, field.name, field.required
                ));
            }
        }
    }
    // The reader found every field the trace finds (it reads the file right).
    assert_eq!(
        docs.len(),
        schema.models.iter().map(|m| m.fields.len()).sum::<usize>(),
        "{docs:#?}"
    );
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

/// A value of schema type `ty` for a sample document; `rust` is the traced
/// Rust type of the field (a string field typed as a fieldless enum takes
/// the enum's first value).
fn sample(ty: &FieldType, rust: Option<&Format>, schema: &Schema, traced: &Registry) -> Value {
    let rust = match rust {
        Some(Format::Option(inner)) => Some(&**inner),
        other => other,
    };
    match ty {
        FieldType::String => match rust.and_then(|f| match f {
            Format::TypeName(name) => traced.get(name),
            _ => None,
        }) {
            Some(ContainerFormat::Enum(variants)) => {
                json!(variants.values().next().expect("a variant").name)
            }
            _ => json!("x"),
        },
        FieldType::Integer => json!(7),
        FieldType::Long => json!(1_700_000_000_000_i64),
        FieldType::Double => json!(99.5),
        FieldType::Boolean => json!(true),
        FieldType::Array(item) => {
            let inner = match rust {
                Some(Format::Seq(inner)) => Some(&**inner),
                _ => None,
            };
            json!([sample(item, inner, schema, traced)])
        }
        FieldType::Object(m) => {
            let model = &schema.models[*m];
            let fields = match traced.get(&model.name) {
                Some(ContainerFormat::Struct(fields)) => fields.as_slice(),
                _ => &[],
            };
            Value::Object(
                model
                    .fields
                    .iter()
                    .map(|f| {
                        let rust = fields.iter().find(|r| r.name == f.name).map(|r| &r.value);
                        (f.name.clone(), sample(&f.ty, rust, schema, traced))
                    })
                    .collect(),
            )
        }
    }
}

/// Every diagnostic of a linted value spans the value its pointer names.
fn assert_spans_are_the_values<T: Document>(value: &T) {
    let linted = Linter::new().lint_value("value", value);
    let json = serde_json::to_value(value).expect("serialises");
    assert!(!linted.report.diagnostics.is_empty());
    for d in &linted.report.diagnostics {
        let snippet = linted.snippet(d);
        let parsed: Value = serde_json::from_str(snippet).unwrap_or_else(|e| {
            panic!("{} at {}: {snippet:?} is not JSON ({e})", d.name, d.pointer)
        });
        // The value the pointer names; or, for the rules about a member
        // itself (a discarded or unknown field), its key.
        let key = d
            .pointer
            .rsplit('/')
            .next()
            .map(|k| Value::from(k.replace("~1", "/").replace("~0", "~")));
        assert!(
            json.pointer(&d.pointer) == Some(&parsed)
                || (matches!(d.name.as_ref(), "discarded-field" | "unknown-field")
                    && key == Some(parsed.clone())),
            "{} at {}: the span holds {snippet}; {}",
            d.name,
            d.pointer,
            d.message
        );
        // Lines and columns (characters, from 1) are those of the same text.
        let before = &linted.text[..d.span.offset];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        assert_eq!(
            (d.start.line, d.start.column),
            (line, column),
            "{} at {}",
            d.name,
            d.pointer
        );
    }
}

struct RoundTrip {
    sample: Value,
    back: Option<Value>,
    linted: Vec<(String, String)>,
}

impl Probe for RoundTrip {
    fn run<T: Document + DeserializeOwned>(&mut self) -> DocumentKind {
        let value: T = serde_json::from_value(self.sample.clone())
            .unwrap_or_else(|e| panic!("{}: {e}", std::any::type_name::<T>()));
        self.back = Some(serde_json::to_value(&value).expect("serialises"));
        let linted = Linter::new().lint_value("full", &value);
        self.linted = linted
            .report
            .diagnostics
            .iter()
            .map(|d| (d.name.to_string(), d.message.clone()))
            .collect();
        assert_spans_are_the_values(&value);
        T::KIND
    }
}

#[test]
fn a_document_with_every_field_round_trips_through_its_model() {
    let schema = coc_lint::schema::builtin();
    let (traced, _) = trace();
    for kind in DocumentKind::ALL {
        let spec = schema.kind(kind.name()).expect("in the schema");
        let mut probe = RoundTrip {
            sample: sample(&FieldType::Object(spec.model), None, schema, &traced),
            back: None,
            linted: Vec::new(),
        };
        with_type(kind, &mut probe);
        assert_eq!(probe.back.as_ref(), Some(&probe.sample), "{kind}");
        let wrong: Vec<_> = probe
            .linted
            .iter()
            .filter(|(name, _)| name == "unknown-field" || name == "wrong-type")
            .collect();
        assert!(wrong.is_empty(), "{kind}: {wrong:#?}");
    }
}

#[test]
fn lint_value_spans_point_into_the_text_it_returns() {
    use coc_lint::model::*;

    let params = |timeout, success_rate, user: &str| ScriptExecuteParam {
        timeout: Some(timeout),
        success_rate: Some(success_rate),
        execute_user: Some(user.into()),
        script_params: Some(vec![
            ScriptExecuteInputParam {
                param_name: Some("a b".into()),
                param_value: Some("x..y".into()),
                ..Default::default()
            },
            ScriptExecuteInputParam {
                param_name: Some("a b".into()),
                param_refer: Some(ScriptExecuteParamReference::default()),
                ..Default::default()
            },
        ]),
        ..Default::default()
    };
    assert_spans_are_the_values(&params(1800, f64::NAN, "admin"));
    assert_spans_are_the_values(&ScriptExecuteModel {
        execute_param: Some(params(2, 0.55, "")),
        execute_batches: Some(vec![
            ExecuteInstancesBatchInfo {
                batch_index: Some(0),
                target_instances: Some(vec![ExecuteResourceInstance {
                    resource_id: Some(String::new()),
                    provider: Some("CCE".into()),
                    instance_type: Some("VM".into()),
                    custom_attributes: Some(vec![CustomAttribute::default(); 6]),
                    agent_sn: Some("sn".into()),
                    ..Default::default()
                }]),
                rotation_strategy: Some("STOP".into()),
            },
            ExecuteInstancesBatchInfo {
                batch_index: Some(0),
                target_instances: Some(Vec::new()),
                ..Default::default()
            },
        ]),
    });
    assert_spans_are_the_values(&TicketResponse {
        data: Some(JobScriptOrderInfoModel {
            gmt_created: Some(2_000),
            gmt_finished: Some(1_000),
            execute_costs: Some(5),
            status: Some(Status::Processing),
            properties: Some(JobScriptOrderInfoProp {
                execute_param: Some(params(30, f64::INFINITY, "root")),
                ..Default::default()
            }),
            ..Default::default()
        }),
    });
    assert_spans_are_the_values(&JobScriptOrderInfoModel {
        status: Some(Status::Finished),
        ..Default::default()
    });
    assert_spans_are_the_values(&TicketListResponse {
        data: Some(JobScriptOrderListPage {
            total: Some(0),
            data: Some(vec![JobScriptOrderListModel {
                order_id: Some(0),
                order_name: Some(String::new()),
                ..Default::default()
            }]),
        }),
    });
    assert_spans_are_the_values(&TicketListResponse::default());
}
