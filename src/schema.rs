//! The document models of the COC script-ticket API (`rules/schema.toml`),
//! resolved: field types point at their models. Pure data: which rules
//! check which fields is the business of the rule set
//! ([`crate::rules::RuleSet`]).

use std::sync::OnceLock;

use serde::Deserialize;

/// `rules/schema.toml`, converted to JSON at build time.
static SCHEMA_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/schema.json"));

/// The names of `rules/schema.toml` as constants, generated at build time:
/// code that names a model or field the schema lacks does not compile.
pub mod names {
    include!(concat!(env!("OUT_DIR"), "/schema_names.rs"));
}

/// The JSON type a field is documented with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldType {
    /// String.
    String,
    /// Integer (int32).
    Integer,
    /// Long (int64).
    Long,
    /// Double: any number.
    Double,
    /// Boolean.
    Boolean,
    /// An object of the model with this index in [`Schema::models`].
    Object(usize),
    /// An array of this type.
    Array(Box<FieldType>),
}

impl FieldType {
    /// How the documentation names the type, for messages: `an integer`,
    /// `a string`, `an array`.
    pub fn describe(&self, schema: &Schema) -> String {
        self.describe_in(crate::i18n::Lang::EnUs, schema)
    }

    /// [`FieldType::describe`] in `lang`.
    pub fn describe_in(&self, lang: crate::i18n::Lang, schema: &Schema) -> String {
        use crate::i18n::tr;
        match self {
            FieldType::String => tr!(lang, "type-string"),
            FieldType::Integer => tr!(lang, "type-integer"),
            FieldType::Long => tr!(lang, "type-long"),
            FieldType::Double => tr!(lang, "type-double"),
            FieldType::Boolean => tr!(lang, "type-boolean"),
            FieldType::Object(m) => tr!(lang, "type-object", model = &schema.models[*m].name),
            FieldType::Array(_) => tr!(lang, "type-array"),
        }
    }

    /// Whether this is one of the numeric types.
    pub fn is_number(&self) -> bool {
        matches!(
            self,
            FieldType::Integer | FieldType::Long | FieldType::Double
        )
    }
}

/// One documented field of a model.
#[derive(Debug)]
pub struct Field {
    /// The JSON key.
    pub name: String,
    /// The documented type.
    pub ty: FieldType,
    /// Mandatory.
    pub required: bool,
    /// `null` is documented for it.
    pub nullable: bool,
    /// Documented as discarded: it has no effect.
    pub discarded: bool,
    /// Only seen in an official example, not in the tables.
    pub example_only: bool,
    /// May hold a secret: messages never quote it.
    pub sensitive: bool,
    /// What the documentation says it is.
    pub doc: String,
    /// Its number among every field of every model (0, 1, ...), for tables
    /// indexed by field.
    pub id: usize,
}

/// One documented object model.
#[derive(Debug)]
pub struct Model {
    /// The model's name in the API documentation.
    pub name: String,
    /// What it is.
    pub doc: String,
    /// Its fields.
    pub fields: Vec<Field>,
}

impl Model {
    /// The field named `key`.
    pub fn field(&self, key: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == key)
    }

    /// The field whose name is most like `key` (`timeOut`, `time_out` and
    /// `tiemout` are all like `timeout`), if its Jaro-Winkler similarity is
    /// at least `threshold`. Case, `-` and `_` are ignored.
    pub fn closest_field(&self, key: &str, threshold: f64) -> Option<&Field> {
        let key_lower = key.to_ascii_lowercase().replace(['-', ' '], "_");
        let key_squashed = key_lower.replace('_', "");
        self.fields
            .iter()
            .map(|f| {
                let score = strsim::jaro_winkler(&key_lower, &f.name).max(strsim::jaro_winkler(
                    &key_squashed,
                    &f.name.replace('_', ""),
                ));
                (score, f)
            })
            .filter(|(score, _)| *score >= threshold)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, f)| f)
    }
}

/// A kind of document coc-lint recognises.
#[derive(Debug)]
pub struct Kind {
    /// Its name for `--kind`.
    pub name: String,
    /// Index of its root model.
    pub model: usize,
    /// What it is, in words.
    pub title: String,
}

/// All models and document kinds.
#[derive(Debug)]
pub struct Schema {
    /// The models.
    pub models: Vec<Model>,
    /// The document kinds.
    pub kinds: Vec<Kind>,
}

impl Schema {
    /// The model named `name`.
    pub fn model(&self, name: &str) -> Option<usize> {
        self.models.iter().position(|m| m.name == name)
    }

    /// The document kind named `name`.
    pub fn kind(&self, name: &str) -> Option<&Kind> {
        self.kinds.iter().find(|k| k.name == name)
    }

    /// How many fields all models have together (one more than the largest
    /// [`Field::id`]).
    pub fn field_count(&self) -> usize {
        self.models.iter().map(|m| m.fields.len()).sum()
    }
}

static BUILTIN: OnceLock<Schema> = OnceLock::new();

/// The models of the API documentation, embedded at build time from
/// `rules/schema.toml` and parsed on first use.
pub fn builtin() -> &'static Schema {
    BUILTIN.get_or_init(|| match parse(SCHEMA_JSON) {
        Ok(schema) => schema,
        // Part of the program, not input: the test suite parses it, so this
        // is unreachable in a build that passed its tests.
        Err(e) => panic!("rules/schema.toml is inconsistent: {e}"),
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SchemaFile {
    kind: Vec<KindSpec>,
    model: Vec<ModelSpec>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KindSpec {
    name: String,
    model: String,
    title: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ModelSpec {
    name: String,
    doc: String,
    fields: Vec<FieldSpec>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FieldSpec {
    name: String,
    #[serde(rename = "type")]
    ty: String,
    of: Option<String>,
    #[serde(default)]
    required: bool,
    #[serde(default)]
    nullable: bool,
    #[serde(default)]
    discarded: bool,
    #[serde(default)]
    example_only: bool,
    #[serde(default)]
    sensitive: bool,
    doc: String,
}

fn resolve_type(ty: &str, of: Option<&str>, names: &[String]) -> Result<FieldType, String> {
    let model = |name: &str| {
        names
            .iter()
            .position(|n| n == name)
            .ok_or_else(|| format!("unknown model `{name}`"))
    };
    Ok(match (ty, of) {
        ("string", None) => FieldType::String,
        ("integer", None) => FieldType::Integer,
        ("long", None) => FieldType::Long,
        ("double", None) => FieldType::Double,
        ("boolean", None) => FieldType::Boolean,
        ("object", Some(m)) => FieldType::Object(model(m)?),
        ("array", Some(item)) => {
            let inner = if names.iter().any(|n| n == item) {
                FieldType::Object(model(item)?)
            } else {
                resolve_type(item, None, names)?
            };
            FieldType::Array(Box::new(inner))
        }
        (ty, of) => return Err(format!("bad field type `{ty}` (of = {of:?})")),
    })
}

/// The names of the fields that may hold secrets, in any model.
pub fn sensitive_field_names() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = builtin()
        .models
        .iter()
        .flat_map(|m| m.fields.iter())
        .filter(|f| f.sensitive)
        .map(|f| f.name.as_str())
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// Parse and resolve the schema (`rules/schema.toml`, converted to JSON at
/// build time).
pub(crate) fn parse(text: &str) -> Result<Schema, String> {
    let file: SchemaFile = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let names: Vec<String> = file.model.iter().map(|m| m.name.clone()).collect();
    let mut models = Vec::new();
    let mut id = 0;
    for m in file.model {
        let mut fields = Vec::new();
        for f in m.fields {
            let ty = resolve_type(&f.ty, f.of.as_deref(), &names)
                .map_err(|e| format!("{}.{}: {e}", m.name, f.name))?;
            fields.push(Field {
                name: f.name,
                ty,
                required: f.required,
                nullable: f.nullable,
                discarded: f.discarded,
                example_only: f.example_only,
                sensitive: f.sensitive,
                doc: f.doc,
                id,
            });
            id += 1;
        }
        models.push(Model {
            name: m.name,
            doc: m.doc,
            fields,
        });
    }
    let kinds = file
        .kind
        .into_iter()
        .map(|k| {
            let model = names
                .iter()
                .position(|n| *n == k.model)
                .ok_or_else(|| format!("kind {}: unknown model `{}`", k.name, k.model))?;
            Ok(Kind {
                name: k.name,
                model,
                title: k.title,
            })
        })
        .collect::<Result<_, String>>()?;
    Ok(Schema { models, kinds })
}
