//! The README's promises, checked: its rule table lists every rule, and
//! every output it shows is what the real binary prints today. (Its Rust
//! example runs as a doctest: see `ReadmeDoctests` in `src/lib.rs`.)
//!
//! A shown output is a ```` ```console ```` block whose first line is
//! `$ coc-lint ARGS` and whose other lines are the expected standard output
//! (a last line `...` means the output goes on: the block is a prefix), and
//! the ```` ```text ```` block after "The first ends with", which is the end
//! of the set-up's main command, `check fixtures/`. A command with `--fix`
//! runs in a temporary folder holding copies of the files it names, so that
//! the README's own examples stay as they are.

mod common;

const README: &str = include_str!("../README.md");

#[test]
fn the_rule_table_lists_every_rule() {
    for rule in coc_lint::RuleSet::builtin().rules() {
        let row = format!(
            "| {} | `{}` | {} |",
            rule.code(),
            rule.name(),
            rule.severity()
        );
        assert!(README.contains(&row), "README.md lacks the row `{row}`");
    }
}

#[test]
fn the_configuration_reference_lists_every_key_as_the_code_reads_it() {
    for (key, what) in coc_lint::policy::KEYS {
        let row = format!("| `{key}` | {} |", what.replace('|', "\\|"));
        assert!(README.contains(&row), "README.md lacks the row `{row}`");
    }
}

#[test]
fn every_configuration_the_readme_shows_is_read_without_error() {
    let mut checked = 0;
    for (_, body) in blocks("toml") {
        if !body
            .lines()
            .next()
            .is_some_and(|l| l.contains("coc-lint.toml"))
        {
            continue; // a rule file, not a configuration
        }
        let dir = tempfile::tempdir().expect("a temp dir");
        let path = dir.path().join("coc-lint.toml");
        std::fs::write(&path, body).expect("write");
        if let Err(e) = coc_lint::Linter::from_config(&path, Default::default()) {
            panic!("README configuration does not read: {e}\n{body}");
        }
        checked += 1;
    }
    assert!(checked >= 1, "no configuration block found");
}

/// The fenced blocks of `kind` (`console`, `text`), with the text before
/// each.
fn blocks(kind: &str) -> Vec<(&'static str, &'static str)> {
    let fence = format!("```{kind}\n");
    let mut found = Vec::new();
    let mut rest = README;
    let mut before_start = 0;
    while let Some(i) = rest.find(&fence) {
        let body_start = i + fence.len();
        let Some(len) = rest[body_start..].find("```") else {
            break;
        };
        let offset = README.len() - rest.len();
        found.push((
            &README[before_start..offset + i],
            &rest[body_start..body_start + len],
        ));
        rest = &rest[body_start + len + 3..];
        before_start = README.len() - rest.len();
    }
    found
}

fn stdout_of(args: &[&str]) -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let copies = tempfile::tempdir().expect("a temporary folder");
    let dir = if args.contains(&"--fix") {
        for arg in args.iter().filter(|a| root.join(a).is_file()) {
            let to = copies.path().join(arg);
            std::fs::create_dir_all(to.parent().expect("a file has a folder")).unwrap();
            std::fs::copy(root.join(arg), to).expect("the file is copied");
        }
        copies.path()
    } else {
        root
    };
    let out = common::bin()
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs");
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn every_console_block_shows_what_the_binary_prints() {
    let mut checked = 0;
    for (_, body) in blocks("console") {
        let Some((command, expected)) = body.split_once('\n') else {
            continue;
        };
        let Some(args) = command.strip_prefix("$ coc-lint ") else {
            continue;
        };
        let args: Vec<&str> = args.split_whitespace().collect();
        let actual = stdout_of(&args);
        match expected.strip_suffix("...\n") {
            Some(prefix) => assert!(
                actual.starts_with(prefix),
                "README block `{command}` is not what the binary prints; it prints:\n{actual}"
            ),
            None => assert_eq!(
                actual, expected,
                "README block `{command}` is not what the binary prints"
            ),
        }
        checked += 1;
    }
    assert!(checked >= 2, "only {checked} console blocks found");
}

#[test]
fn the_set_up_command_ends_as_the_readme_says() {
    let (_, shown) = blocks("text")
        .into_iter()
        .find(|(before, _)| before.trim_end().ends_with("The first ends with"))
        .expect("the README shows how `check fixtures/` ends");
    let actual = stdout_of(&["check", "fixtures/"]);
    assert!(
        actual.ends_with(shown),
        "README says `check fixtures/` ends with\n{shown}but it ends with\n{}",
        actual.lines().last().unwrap_or("")
    );
}
