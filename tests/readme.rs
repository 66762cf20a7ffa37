//! The README's promises: its rule table lists every rule. (Its Rust
//! example runs as a doctest: see `ReadmeDoctests` in `src/lib.rs`.)

#[test]
fn the_rule_table_lists_every_rule() {
    let readme = include_str!("../README.md");
    for rule in coc_lint::RuleSet::builtin().rules() {
        let row = format!(
            "| {} | `{}` | {} |",
            rule.code(),
            rule.name(),
            rule.severity()
        );
        assert!(readme.contains(&row), "README.md lacks the row `{row}`");
    }
}
