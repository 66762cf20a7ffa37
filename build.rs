//! Embeds `rules/` in the binary: every `rules/*.toml` with the `.md` doc
//! beside it, and `rules/schema.toml`. Adding a rule is adding two files.
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

    let schema = rules_dir.join("schema.toml");
    println!("cargo:rerun-if-changed={}", schema.display());
    let write = |file: &str, value: &serde_json::Value| {
        let path = Path::new(&out_dir).join(file);
        fs::write(&path, serde_json::to_string(value).expect("JSON")).expect("OUT_DIR is writable");
        path.display().to_string()
    };
    let rules_json = write("rules.json", &serde_json::Value::Array(rules));
    let schema_json = write("schema.json", &toml_to_json(&schema));
    writeln!(docs, "/// Every rule file, as a JSON array.\npub(crate) static RULES_JSON: &str = include_str!({rules_json:?});")
        .expect("writing to a String");
    writeln!(docs, "/// `rules/schema.toml` as JSON.\npub(crate) static SCHEMA_JSON: &str = include_str!({schema_json:?});")
        .expect("writing to a String");
    fs::write(Path::new(&out_dir).join("rules_index.rs"), docs).expect("OUT_DIR is writable");
}
