//! Embeds `rules/` in the binary: every `rules/*.toml` with the `.md` doc
//! beside it (and its Chinese translation `.zh-cn.md`), and
//! `rules/schema.toml`. Adding a rule is adding two files.
//!
//! The TOML is converted to JSON here, at build time, so that the binary
//! reads its rules with serde_json (a few tens of microseconds) instead of
//! parsing TOML at every start: a pre-commit hook pays start-up on every
//! commit. The TOML files stay the one source; nothing generated is
//! committed.

use std::fmt::Write as _;
use std::{env, fs, path::Path};

fn toml_to_json(path: &Path) -> serde_json::Value {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let value: toml::Value =
        toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::to_value(value).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn main() {
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let rules_dir = Path::new(&manifest).join("rules");
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo:rerun-if-changed={}", rules_dir.display());

    let mut names: Vec<String> = fs::read_dir(&rules_dir)
        .expect("rules/ is readable")
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            let stem = path.file_stem()?.to_str()?.to_owned();
            (path.extension()? == "toml" && stem != "schema").then_some(stem)
        })
        .collect();
    names.sort();

    let mut rules = Vec::new();
    let mut docs = String::from("/// The doc of every rule file, in the order of `RULES_JSON`.\n");
    docs.push_str("pub(crate) static RULE_DOCS: &[(&str, &str)] = &[\n");
    for name in &names {
        let toml = rules_dir.join(format!("{name}.toml"));
        let md = rules_dir.join(format!("{name}.md"));
        println!("cargo:rerun-if-changed={}", toml.display());
        println!("cargo:rerun-if-changed={}", md.display());
        rules.push(toml_to_json(&toml));
        let doc = if md.exists() {
            format!("include_str!({:?})", md.display().to_string())
        } else {
            "\"\"".to_string()
        };
        writeln!(docs, "    ({name:?}, {doc}),").expect("writing to a String");
    }
    docs.push_str("];\n");
    // The Chinese manuals, `rules/NAME.zh-cn.md` ("" where a rule has none:
    // a test requires every rule to have one).
    docs.push_str("/// The Chinese manual of every rule file, in the order of `RULES_JSON`.\n");
    docs.push_str("pub(crate) static RULE_DOCS_ZH_CN: &[(&str, &str)] = &[\n");
    for name in &names {
        let md = rules_dir.join(format!("{name}.zh-cn.md"));
        println!("cargo:rerun-if-changed={}", md.display());
        let doc = if md.exists() {
            format!("include_str!({:?})", md.display().to_string())
        } else {
            "\"\"".to_string()
        };
        writeln!(docs, "    ({name:?}, {doc}),").expect("writing to a String");
    }
    docs.push_str("];\n");

    let schema = rules_dir.join("schema.toml");
    println!("cargo:rerun-if-changed={}", schema.display());
    let write = |file: &str, value: &serde_json::Value| {
        let path = Path::new(&out_dir).join(file);
        fs::write(&path, serde_json::to_string(value).expect("JSON")).expect("OUT_DIR is writable");
        path.display().to_string()
    };
    fs::write(Path::new(&out_dir).join("rule_ids.rs"), rule_ids(&rules))
        .expect("OUT_DIR is writable");
    let rules_json = write("rules.json", &serde_json::Value::Array(rules));
    let schema_value = toml_to_json(&schema);
    fs::write(
        Path::new(&out_dir).join("schema_names.rs"),
        schema_names(&schema_value),
    )
    .expect("OUT_DIR is writable");
    write("schema.json", &schema_value);
    writeln!(docs, "/// Every rule file, as a JSON array.\npub(crate) static RULES_JSON: &str = include_str!({rules_json:?});")
        .expect("writing to a String");
    fs::write(Path::new(&out_dir).join("rules_index.rs"), docs).expect("OUT_DIR is writable");
}

/// `timeout-out-of-range` → `TimeoutOutOfRange`.
fn camel(name: &str) -> String {
    name.split(['-', '_'])
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// The Rust type and literal of a rule parameter's default value.
fn param_type(rule: &str, key: &str, value: &serde_json::Value) -> (&'static str, String) {
    match value {
        serde_json::Value::Number(n) if n.is_i64() => ("i64", format!("{n}")),
        serde_json::Value::Number(n) => ("f64", format!("{:?}", n.as_f64().expect("a number"))),
        serde_json::Value::String(s) => ("&'static str", format!("{s:?}")),
        serde_json::Value::Array(items) if items.iter().all(|i| i.is_string()) => {
            let list: Vec<String> = items
                .iter()
                .map(|i| format!("{:?}.into()", i.as_str().unwrap_or_default()))
                .collect();
            ("Vec<String>", format!("vec![{}]", list.join(", ")))
        }
        serde_json::Value::Array(items) if items.iter().all(|i| i.is_object()) => {
            let tables: Vec<String> = items.iter().map(|i| table_literal(rule, key, i)).collect();
            (
                "Vec<serde_json::Map<String, serde_json::Value>>",
                format!("vec![{}]", tables.join(", ")),
            )
        }
        other => panic!("rules/{rule}.toml: parameter `{key}` has an unsupported type: {other}"),
    }
}

/// A Rust expression building one table of a list-of-tables parameter
/// (strings, integers and numbers only).
fn table_literal(rule: &str, key: &str, table: &serde_json::Value) -> String {
    let mut s = String::from("{ let mut m = serde_json::Map::new(); ");
    for (k, v) in table.as_object().into_iter().flatten() {
        let value = match v {
            serde_json::Value::String(text) => format!("serde_json::Value::from({text:?})"),
            serde_json::Value::Number(n) if n.is_i64() => {
                format!("serde_json::Value::from({n}i64)")
            }
            serde_json::Value::Number(n) => {
                format!(
                    "serde_json::Value::from({:?}f64)",
                    n.as_f64().expect("a number")
                )
            }
            other => {
                panic!("rules/{rule}.toml: a table of `{key}` has an unsupported value: {other}")
            }
        };
        write!(s, "m.insert({k:?}.into(), {value}); ").expect("String");
    }
    s.push_str("m }");
    s
}

/// Generated Rust for the built-in rules: `RuleId`, one variant per rule
/// file, so that a code rule naming a rule that does not exist fails the
/// build; and `RuleParams`, one typed struct per rule with `[params]`, with
/// the rule file's values as defaults, so that a parameter the code reads
/// cannot be missing.
fn rule_ids(rules: &[serde_json::Value]) -> String {
    let mut sorted: Vec<(&str, &str, &serde_json::Value)> = rules
        .iter()
        .map(|r| {
            let field = |k: &str| {
                r[k].as_str()
                    .unwrap_or_else(|| panic!("a rule lacks `{k}`: {r}"))
            };
            (field("code"), field("name"), r)
        })
        .collect();
    sorted.sort_by_key(|(code, _, _)| *code);
    let mut s = String::new();
    s.push_str("/// Every built-in rule, ordered by code. Code that reports a rule names it\n/// by its variant, so a rule that does not exist is a build error.\n");
    s.push_str("#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]\n#[non_exhaustive]\npub enum RuleId {\n");
    for (code, name, _) in &sorted {
        writeln!(s, "    /// `{code}` `{name}`.\n    {},", camel(name)).expect("String");
    }
    s.push_str("}\n\nimpl RuleId {\n    /// Every built-in rule, ordered by code.\n    pub const ALL: &'static [RuleId] = &[\n");
    for (_, name, _) in &sorted {
        writeln!(s, "        RuleId::{},", camel(name)).expect("String");
    }
    s.push_str("    ];\n\n    /// The stable code, e.g. `COC202`.\n    pub const fn code(self) -> &'static str {\n        match self {\n");
    for (code, name, _) in &sorted {
        writeln!(s, "            RuleId::{} => {code:?},", camel(name)).expect("String");
    }
    s.push_str("        }\n    }\n\n    /// The stable kebab-case name, e.g. `timeout-out-of-range`.\n    pub const fn name(self) -> &'static str {\n        match self {\n");
    for (_, name, _) in &sorted {
        writeln!(s, "            RuleId::{} => {name:?},", camel(name)).expect("String");
    }
    s.push_str("        }\n    }\n}\n\n");

    // Typed parameters.
    let with_params: Vec<_> = sorted
        .iter()
        .filter_map(|(_, name, r)| {
            r.get("params")
                .and_then(|p| p.as_object())
                .map(|p| (*name, p))
        })
        .collect();
    s.push_str("/// The parameters of the built-in code rules, typed. Defaults come from the\n/// `[params]` table of each rule file.\n#[derive(Debug, Clone, PartialEq)]\n#[non_exhaustive]\npub struct RuleParams {\n");
    for (name, _) in &with_params {
        writeln!(
            s,
            "    /// Parameters of `{name}`.\n    pub {}: {}Params,",
            name.replace('-', "_"),
            camel(name)
        )
        .expect("String");
    }
    s.push_str("}\n\n");
    for (name, params) in &with_params {
        writeln!(s, "/// Parameters of `{name}` (`rules/{name}.toml`).\n#[derive(Debug, Clone, PartialEq)]\n#[non_exhaustive]\npub struct {}Params {{", camel(name)).expect("String");
        for (key, value) in params.iter() {
            let (ty, _) = param_type(name, key, value);
            let ty = if ty == "&'static str" { "String" } else { ty };
            writeln!(s, "    /// `{key}`.\n    pub {key}: {ty},").expect("String");
        }
        s.push_str("}\n\n");
    }
    s.push_str("impl Default for RuleParams {\n    fn default() -> Self {\n        RuleParams {\n");
    for (name, params) in &with_params {
        writeln!(
            s,
            "            {}: {}Params {{",
            name.replace('-', "_"),
            camel(name)
        )
        .expect("String");
        for (key, value) in params.iter() {
            let (ty, literal) = param_type(name, key, value);
            let literal = if ty == "&'static str" {
                format!("{literal}.into()")
            } else {
                literal
            };
            writeln!(s, "                {key}: {literal},").expect("String");
        }
        s.push_str("            },\n");
    }
    s.push_str("        }\n    }\n}\n\n");
    s.push_str("impl RuleParams {\n    /// Set parameter `key` of `rule` from a JSON value of the parameter's type.\n    pub(crate) fn set(&mut self, rule: RuleId, key: &str, value: &serde_json::Value) -> Result<(), ParamError> {\n        match (rule, key) {\n");
    for (name, params) in &with_params {
        for (key, v) in params.iter() {
            let (ty, _) = param_type(name, key, v);
            let field = format!("self.{}.{key}", name.replace('-', "_"));
            let (expected, conv) = match ty {
                "i64" => ("an integer", "value.as_i64()"),
                "f64" => ("a number", "value.as_f64()"),
                "&'static str" => ("a string", "value.as_str().map(str::to_owned)"),
                "Vec<String>" => ("a list of strings", "value.as_array().and_then(|items| items.iter().map(|i| i.as_str().map(str::to_owned)).collect::<Option<Vec<String>>>())"),
                _ => ("a list of tables", "value.as_array().and_then(|items| items.iter().map(|i| i.as_object().cloned()).collect::<Option<Vec<_>>>())"),
            };
            writeln!(s, "            (RuleId::{}, {key:?}) => {{\n                {field} = {conv}.ok_or(ParamError::WrongType {{ expected: {expected:?} }})?;\n            }}", camel(name)).expect("String");
        }
    }
    s.push_str("            _ => return Err(ParamError::Unknown { known: Self::keys(rule) }),\n        }\n        Ok(())\n    }\n\n");
    s.push_str("    /// The names of the parameters `rule` takes.\n    pub fn keys(rule: RuleId) -> &'static [&'static str] {\n        match rule {\n");
    for (name, params) in &with_params {
        let keys: Vec<String> = params.keys().map(|k| format!("{k:?}")).collect();
        writeln!(
            s,
            "            RuleId::{} => &[{}],",
            camel(name),
            keys.join(", ")
        )
        .expect("String");
    }
    s.push_str("            _ => &[],\n        }\n    }\n\n");
    s.push_str("    /// The current values of `rule`'s parameters, as JSON.\n    pub fn values(&self, rule: RuleId) -> Vec<(&'static str, serde_json::Value)> {\n        match rule {\n");
    for (name, params) in &with_params {
        let items: Vec<String> = params
            .keys()
            .map(|k| {
                format!(
                    "({k:?}, serde_json::json!(self.{}.{k}))",
                    name.replace('-', "_")
                )
            })
            .collect();
        writeln!(
            s,
            "            RuleId::{} => vec![{}],",
            camel(name),
            items.join(", ")
        )
        .expect("String");
    }
    s.push_str("            _ => Vec::new(),\n        }\n    }\n}\n");
    s
}

/// Generated Rust for `rules/schema.toml`: a constant per model name and
/// per field name, so that code naming a model or a field that the schema
/// does not have fails to build instead of silently matching nothing.
fn schema_names(schema: &serde_json::Value) -> String {
    let mut models = std::collections::BTreeSet::new();
    let mut fields = std::collections::BTreeSet::new();
    for model in schema["model"]
        .as_array()
        .expect("schema.toml has [[model]]s")
    {
        models.insert(
            model["name"]
                .as_str()
                .expect("a model has a name")
                .to_owned(),
        );
        for field in model["fields"].as_array().expect("a model has fields") {
            fields.insert(
                field["name"]
                    .as_str()
                    .expect("a field has a name")
                    .to_owned(),
            );
        }
    }
    let mut s = String::from("/// Model names of `rules/schema.toml`.\npub mod model {\n");
    for name in &models {
        let mut constant = String::new();
        for (i, c) in name.chars().enumerate() {
            if c.is_ascii_uppercase() && i > 0 {
                constant.push('_');
            }
            constant.push(c.to_ascii_uppercase());
        }
        writeln!(
            s,
            "    /// `{name}`.\n    pub const {constant}: &str = {name:?};"
        )
        .expect("String");
    }
    s.push_str(
        "}\n\n/// Field names (JSON keys) of `rules/schema.toml`, in any model.\npub mod field {\n",
    );
    for name in &fields {
        writeln!(
            s,
            "    /// `{name}`.\n    pub const {}: &str = {name:?};",
            name.to_ascii_uppercase()
        )
        .expect("String");
    }
    s.push_str("}\n");
    s
}
