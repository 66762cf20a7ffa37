//! `coc-lint completions SHELL` and `coc-lint man`: generated from the
//! argument definitions, so every subcommand and option is in them; the
//! bash and zsh scripts are valid for their shells when those are at hand.

mod common;

use std::process::Command;

fn stdout(args: &[&str]) -> String {
    let out = common::run(args);
    assert_eq!(out.status.code(), Some(0), "{args:?}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn every_shell_gets_a_script_that_knows_every_subcommand_and_option() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = stdout(&["completions", shell]);
        for word in ["check", "rules", "explain", "init", "schema"] {
            assert!(script.contains(word), "{shell} script lacks {word}");
        }
        // Values of `--format`, where the shell's completion lists values.
        if ["bash", "zsh", "fish"].contains(&shell) {
            assert!(script.contains("sarif"), "{shell} script lacks the formats");
        }
        for option in ["select", "format", "fix", "baseline", "max-warnings"] {
            // fish writes long options as `-l NAME`, the others as `--NAME`.
            let written = if shell == "fish" {
                format!("-l {option}")
            } else {
                format!("--{option}")
            };
            assert!(script.contains(&written), "{shell} script lacks {written}");
        }
    }
    let out = common::run(&["completions", "tcsh"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "an unknown shell is a usage error"
    );
}

#[test]
fn the_bash_and_zsh_scripts_parse_in_their_shells() {
    for (shell, args) in [("bash", ["-n"]), ("zsh", ["-n"])] {
        if Command::new(shell).arg("-c").arg("true").output().is_err() {
            eprintln!("{shell} is not installed here; its script is not parsed");
            continue;
        }
        let dir = tempfile::tempdir().expect("a temp dir");
        let path = dir.path().join("script");
        std::fs::write(&path, stdout(&["completions", shell])).expect("write");
        let out = Command::new(shell)
            .args(args)
            .arg(&path)
            .output()
            .expect("the shell runs");
        assert!(
            out.status.success(),
            "{shell}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn the_manual_page_has_a_section_for_the_tool_and_each_subcommand() {
    let page = stdout(&["man"]);
    assert!(
        page.contains(".TH coc-lint 1"),
        "{}",
        &page[..200.min(page.len())]
    );
    for sub in [
        "check",
        "rules",
        "explain",
        "init",
        "schema",
        "completions",
        "man",
    ] {
        assert!(
            page.contains(&format!(".TH coc-lint-{sub} ")),
            "no page for {sub}"
        );
    }
    assert!(page.contains("max\\-warnings"), "options are documented");
}
