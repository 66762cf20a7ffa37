//! Embeds `rules/` in the binary: every `rules/*.toml` with the `.md` doc
//! beside it, and `rules/schema.toml`. Adding a rule is adding two files.

use std::fmt::Write as _;
use std::{env, fs, path::Path};

fn main() {
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let rules_dir = Path::new(&manifest).join("rules");
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

    let mut out =
        String::from("/// `(file stem, rule TOML, rule doc)` for every rule file, sorted.\n");
    out.push_str("pub(crate) static RULE_FILES: &[(&str, &str, &str)] = &[\n");
    for name in &names {
        let toml = rules_dir.join(format!("{name}.toml"));
        let md = rules_dir.join(format!("{name}.md"));
        println!("cargo:rerun-if-changed={}", toml.display());
        println!("cargo:rerun-if-changed={}", md.display());
        let doc = if md.exists() {
            format!("include_str!({:?})", md.display().to_string())
        } else {
            "\"\"".to_string()
        };
        writeln!(
            out,
            "    ({name:?}, include_str!({:?}), {doc}),",
            toml.display().to_string()
        )
        .unwrap();
    }
    out.push_str("];\n");
    let schema = rules_dir.join("schema.toml");
    writeln!(
        out,
        "/// The document models.\npub(crate) static SCHEMA: &str = include_str!({:?});",
        schema.display().to_string()
    )
    .unwrap();
    let dest = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("rules_index.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}
