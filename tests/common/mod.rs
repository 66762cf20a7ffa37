//! Helpers the integration tests share: running the real binary.

#![allow(dead_code)] // each test crate uses its own subset

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// The `coc-lint` binary of this build, with the caller's NO_COLOR,
/// COLUMNS and COC_LINT_LANG removed (so human output is 100 columns wide,
/// as on a pipe, and in English).
pub fn bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_coc-lint"));
    cmd.env_remove("NO_COLOR")
        .env_remove("COLUMNS")
        .env_remove("COC_LINT_LANG");
    cmd
}

/// Run the binary with `args` and wait for it.
pub fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("the binary runs")
}

/// Run the binary with `args`, feeding `input` to its standard input.
pub fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut cmd = bin();
    cmd.args(args);
    feed(cmd, input)
}

/// Run `cmd`, feeding `input` to its standard input.
pub fn feed(mut cmd: Command, input: &[u8]) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child
        .stdin
        .take()
        .expect("piped")
        .write_all(input)
        .expect("stdin takes the input");
    child.wait_with_output().expect("the binary finishes")
}

/// The output formats `check --help` lists (`human`, `json`, ...), so that
/// a test over every format covers the formats added later.
pub fn formats() -> Vec<String> {
    let out = run(&["check", "--help"]);
    let help = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut lines = help
        .lines()
        .skip_while(|l| !l.trim_start().starts_with("--format"));
    for line in lines.by_ref() {
        if line.trim() == "Possible values:" {
            break;
        }
    }
    let found: Vec<String> = lines
        .map_while(|line| line.trim().strip_prefix("- "))
        .map(|item| item.split(':').next().unwrap_or("").trim().to_owned())
        .collect();
    assert!(found.len() >= 2, "no formats found in: {help}");
    found
}
