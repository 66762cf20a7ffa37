//! The library's modules depend on each other one way: this test reads the
//! `crate::` paths of every module's non-test code and fails on a cycle
//! between top-level modules (`diagnostic` → `rules` → `diagnostic`, say),
//! naming it. It also pins the layers the architecture promises: the leaves
//! (`source`, `escape`, `io`) depend on no other module but the message
//! catalog (`i18n`, itself a leaf: `io` words its faults through it), and
//! the schema is data that knows nothing of the rules.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// Top-level module name → the top-level modules its code names.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut graph = BTreeMap::new();
    for entry in fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_str().unwrap().to_owned();
        if matches!(name.as_str(), "lib" | "main" | "cli") {
            continue; // the crate root and the binary sit above every module
        }
        let mut files = Vec::new();
        if path.is_dir() {
            for f in fs::read_dir(&path).unwrap() {
                files.push(f.unwrap().path());
            }
        } else {
            files.push(path);
        }
        let mut deps = BTreeSet::new();
        // A module's unit tests in a file of their own (`i18n/tests.rs`)
        // may reach anywhere too.
        files.retain(|f| !f.ends_with("tests.rs"));
        for file in files {
            let text = fs::read_to_string(&file).unwrap();
            // Unit tests may reach anywhere.
            let code = text.split("#[cfg(test)]").next().unwrap();
            // Comments may name anything.
            let code: String = code
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .collect::<Vec<_>>()
                .join("\n");
            for part in code.split("crate::").skip(1) {
                let module: String = part
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if module.is_empty() || module == name {
                    continue;
                }
                if part[module.len()..].starts_with("::")
                    || part[module.len()..].starts_with(['}', ',', ';'])
                {
                    deps.insert(module);
                }
            }
            // `use crate::{a, b::c}` groups.
            for group in code.split("crate::{").skip(1) {
                let inner = group.split('}').next().unwrap_or("");
                for item in inner.split(',') {
                    let module = item.trim().split("::").next().unwrap_or("").to_owned();
                    if !module.is_empty() && module != name && module != "self" {
                        deps.insert(module);
                    }
                }
            }
        }
        graph.insert(name, deps);
    }
    graph
}

fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = stack.iter().position(|n| n == node) {
            let mut cycle = stack[i..].to_vec();
            cycle.push(node.to_owned());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        stack.push(node.to_owned());
        for dep in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(dep, graph, stack, done) {
                return Some(cycle);
            }
        }
        stack.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn the_module_graph_has_no_cycle() {
    let graph = graph();
    assert!(graph.len() >= 10, "{graph:?}");
    if let Some(cycle) = find_cycle(&graph) {
        panic!("import cycle: {}", cycle.join(" → "));
    }
}

#[test]
fn leaves_stay_leaves_and_the_schema_is_data() {
    let graph = graph();
    let catalog = BTreeSet::from(["i18n".to_owned()]);
    for leaf in ["source", "escape", "io"] {
        assert!(
            graph[leaf].is_subset(&catalog),
            "{leaf} must depend on no module but i18n: {:?}",
            graph[leaf]
        );
    }
    assert_eq!(
        graph["i18n"],
        BTreeSet::new(),
        "i18n must depend on no module"
    );
    assert!(!graph["schema"].contains("rules"), "{:?}", graph["schema"]);
    assert!(
        !graph["diagnostic"].contains("rules"),
        "{:?}",
        graph["diagnostic"]
    );
    assert!(!graph["ndjson"].contains("lint"), "{:?}", graph["ndjson"]);
    // A module that names another is seen (the test can fail).
    assert!(graph["lint"].contains("rules"), "{:?}", graph["lint"]);
}

#[test]
fn a_cycle_is_found() {
    let mut graph = BTreeMap::new();
    graph.insert("a".to_owned(), BTreeSet::from(["b".to_owned()]));
    graph.insert("b".to_owned(), BTreeSet::from(["a".to_owned()]));
    assert_eq!(find_cycle(&graph).unwrap(), ["a", "b", "a"]);
}
