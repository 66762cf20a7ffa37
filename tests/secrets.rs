//! `plaintext-secret`: credentials written in plain text are found by their
//! name or their shape, reported without being quoted in every format, and
//! a policy's `[secrets]` extends what is found (tested through the
//! library, `Linter::from_config`, and through the binary).

mod common;

use coc_lint::{Linter, Severity};
use common::{run, run_stdin};
use proptest::prelude::*;

/// A saved execution parameter with one script parameter.
fn params(name: &str, value: &str) -> String {
    format!(
        r#"{{"timeout": 300, "success_rate": 100, "execute_user": "root", "script_params": [{{"param_name": {}, "param_value": {}}}]}}"#,
        serde_json::to_string(name).expect("a string serialises"),
        serde_json::to_string(value).expect("a string serialises"),
    )
}

/// The messages of the `plaintext-secret` diagnostics of `text`.
fn found(linter: &Linter, text: &str) -> Vec<String> {
    linter
        .lint_source("p.json", text)
        .diagnostics
        .into_iter()
        .filter(|d| d.name == "plaintext-secret")
        .map(|d| d.message)
        .collect()
}

#[test]
fn a_credential_is_an_error_at_its_value_that_never_quotes_it() {
    let value = "Tr0ub4dor_3xq";
    let text = params("db_password", value);
    let report = Linter::new().lint_source("p.json", &text);
    assert_eq!(report.diagnostics.len(), 1, "{:?}", report.diagnostics);
    let d = &report.diagnostics[0];
    assert_eq!((d.code.as_ref(), d.severity), ("COC218", Severity::Error));
    assert_eq!(d.pointer, "/script_params/0/param_value");
    assert_eq!(
        &text[d.span.offset..d.span.offset + d.span.length],
        format!("\"{value}\"")
    );
    assert_eq!(
        d.message,
        "the parameter `db_password` is named like a credential (`password`), and its value is written in plain text"
    );
    let help = d.help.as_deref().unwrap_or_default();
    assert!(
        help.contains("param_refer") && help.contains("PARAM_STORE"),
        "{help}"
    );
    assert!(!d.message.contains(value));
    // The parameter store reference is the fix.
    let fixed = r#"{"timeout": 300, "success_rate": 100, "execute_user": "root", "script_params": [{"param_name": "db_password", "param_value": "", "param_refer": {"refer_type": "PARAM_STORE", "param_id": "db-pw"}}]}"#;
    assert!(Linter::new()
        .lint_source("p.json", fixed)
        .diagnostics
        .is_empty());
}

#[test]
fn empty_values_placeholders_and_other_types_are_not_judged() {
    let linter = Linter::new();
    for value in ["", "{{db_password}}", "{{ vault.db }}{{suffix}}"] {
        assert!(
            found(&linter, &params("db_password", value)).is_empty(),
            "{value:?}"
        );
    }
    let number = r#"{"timeout": 300, "success_rate": 100, "execute_user": "root", "script_params": [{"param_name": "pin", "param_value": 1234}]}"#;
    assert!(found(&linter, number).is_empty());
}

#[test]
fn the_message_says_what_the_value_looks_like() {
    let linter = Linter::new();
    let pem = "-----BEGIN OPENSSH PRIVATE KEY----- b3BlbnNzaC1rZXktdjEAAAAABG5vbmU";
    assert_eq!(
        found(&linter, &params("payload", pem)),
        ["the value of the parameter `payload` looks like a PEM private key, written in plain text"]
    );
    assert_eq!(
        found(&linter, &params("ak", "HPUAKZ1G7QW3XB9M2N4R")),
        ["the value of the parameter `ak` looks like a Huawei Cloud access key (AK), written in plain text"]
    );
}

fn config(text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("coc-lint.toml");
    std::fs::write(&path, text).expect("written");
    (dir, path)
}

#[test]
fn a_policy_extends_the_names_and_patterns() {
    let (_dir, path) = config(
        r#"
[secrets]
extend-names = ["pin", "vault_role"]
extend-patterns = ['^corp-[0-9]{6}$', { what = "a Vault token", regex = '^hvs\.[A-Za-z0-9]{8,}$' }]
"#,
    );
    let linter = Linter::from_config(&path, Default::default()).expect("a valid policy");
    let builtin = Linter::new();
    for (name, value, message) in [
        (
            "atm_pin",
            "0000",
            "the parameter `atm_pin` is named like a credential (`pin`), and its value is written in plain text",
        ),
        (
            "vaultRole",
            "deployer",
            "the parameter `vaultRole` is named like a credential (`vault_role`), and its value is written in plain text",
        ),
        (
            "v",
            "hvs.CAESIJ1ab2",
            "the value of the parameter `v` looks like a Vault token, written in plain text",
        ),
    ] {
        let text = params(name, value);
        assert_eq!(found(&linter, &text), [message], "{name}");
        assert!(found(&builtin, &text).is_empty(), "{name} is no built-in secret");
    }
    let corp = found(&linter, &params("v", "corp-123456"));
    assert_eq!(corp.len(), 1);
    assert!(
        corp[0].contains("the pattern `^corp-[0-9]{6}$` of"),
        "{}",
        corp[0]
    );
    // The built-in ones stay.
    assert_eq!(found(&linter, &params("HUAWEI_SK", "x")).len(), 1);
}

#[test]
fn a_bad_pattern_is_a_config_error_at_its_span() {
    let text = "[secrets]\nextend-patterns = ['ok', '(unclosed']\n";
    let (_dir, path) = config(text);
    let e = Linter::from_config(&path, Default::default()).expect_err("a bad regex");
    let span = e.span.clone().expect("a span");
    assert_eq!(&text[span], "'(unclosed'");
    assert!(
        e.message.to_string().contains("is not a valid regex"),
        "{}",
        e.message
    );
    assert!(e.to_string().contains(":2:26:"), "{e}");

    for (bad, what) in [
        (
            "[secrets]\nextend-pattern = []\n",
            "`extend-pattern` is not a configuration key",
        ),
        (
            "[secrets]\nextend-patterns = [{ what = \"x\" }]\n",
            "needs a `regex`",
        ),
        (
            "[secrets]\nextend-patterns = [{ regex = \"x\", colour = 1 }]\n",
            "no key `colour`",
        ),
        ("[secrets]\nextend-patterns = [1]\n", "a pattern is a regex"),
        (
            "[secrets]\nextend-names = [\"__\"]\n",
            "needs a letter or a digit",
        ),
    ] {
        let (_dir, path) = config(bad);
        let e = Linter::from_config(&path, Default::default()).expect_err(bad);
        assert!(e.message.to_string().contains(what), "{bad}: {}", e.message);
        assert!(e.span.is_some(), "{bad}");
    }
    // A misspelt key of `[secrets]` is compared with the keys of `[secrets]`.
    let (_dir, path) = config("[secrets]\nextend-pattern = []\n");
    let e = Linter::from_config(&path, Default::default()).expect_err("an unknown key");
    assert_eq!(
        e.help_in(coc_lint::i18n::Lang::EnUs).as_deref(),
        Some("did you mean `extend-patterns`?")
    );
}

#[test]
fn secrets_are_detected_and_redacted_in_every_format() {
    let secret = "Zp3kQ9vX2mL7wR4tY8nB1cF6gH0jK5sD3aE9uI2o";
    let text = params("HUAWEI_SK", secret);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("p.json");
    std::fs::write(&file, &text).expect("written");
    let file = file.to_string_lossy().into_owned();
    for format in common::formats() {
        let format = format.as_str();
        for out in [
            run(&["check", "--format", format, "--color", "always", &file]),
            run(&["check", "--format", format, &file]),
            run_stdin(&["check", "--format", format, "-"], text.as_bytes()),
        ] {
            assert_eq!(out.status.code(), Some(1), "{format}");
            let all = [out.stdout, out.stderr].concat();
            let shown = String::from_utf8_lossy(&all);
            assert!(
                shown.contains("COC218") || shown.contains("plaintext-secret"),
                "{format}: {shown}"
            );
            let chars: Vec<char> = secret.chars().collect();
            for piece in chars.windows(5) {
                let piece: String = piece.iter().collect();
                assert!(
                    !shown.contains(&piece),
                    "{format} shows {piece:?}:\n{shown}"
                );
            }
        }
    }
}

/// Names that say nothing of credentials.
const ORDINARY_NAMES: &[&str] = &[
    "log_dir",
    "target_dir",
    "keep_days",
    "disk_size",
    "task_name",
    "db_host",
    "PORT",
    "mode",
    "retry_count",
    "app_version",
    "config_path",
    "token_url",
    "password_file",
    "skip_tests",
];

proptest! {
    #[test]
    fn credential_shaped_values_are_caught(
        ak in "[A-Z][A-Z0-9]{18}[0-9]",
        sk in "[a-z][A-Z][0-9][A-Za-z0-9]{37}",
        bytes in proptest::collection::vec(any::<u8>(), 32..64),
        name in "[a-z]{1,8}",
        entry in prop::sample::select(vec!["password", "passwd", "pwd", "secret", "token", "ak", "sk", "access_key", "secret_key", "private_key", "api_key", "credential"]),
        upper in any::<bool>(),
        value in "[a-zA-Z0-9_.:@-]{1,30}",
    ) {
        let linter = Linter::new();
        // Random bytes written in the URL-safe base64 alphabet, as
        // generated keys are.
        const B64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        let token: String = bytes.iter().map(|b| char::from(B64[usize::from(b % 64)])).collect();
        for v in [ak.clone(), sk.clone(), format!("aZ7{token}")] {
            prop_assert_eq!(found(&linter, &params("x", &v)).len(), 1, "{}", v);
        }
        let credential = format!("{name}_{entry}");
        let credential = if upper { credential.to_uppercase() } else { credential };
        let messages = found(&linter, &params(&credential, &value));
        prop_assert_eq!(messages.len(), 1, "{}", credential);
        let named = format!("the parameter `{credential}` is named like a credential (`");
        prop_assert!(messages[0].starts_with(&named), "{}", messages[0]);
    }

    #[test]
    fn ordinary_values_are_not(
        name in prop::sample::select(ORDINARY_NAMES.to_vec()),
        path in "/[a-z]{1,10}(/[a-zA-Z0-9_.-]{1,12}){0,5}",
        number in any::<i64>(),
        word in "[a-zA-Z]{1,19}",
        words in "[a-z]{1,10}( [a-z]{1,10}){1,6}",
        list in "[a-z]{1,8}=[0-9]{1,4}(,[a-z]{1,8}=[a-z0-9]{1,8}){0,4}",
        hex in "[0-9a-f]{32,40}",
    ) {
        let linter = Linter::new();
        let uuid = format!("{}-{}-{}-{}-{}", &hex[..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32]);
        for v in [path, number.to_string(), word, words, list, hex.clone(), hex.to_uppercase(), uuid] {
            prop_assert!(found(&linter, &params(name, &v)).is_empty(), "{} = {}", name, v);
        }
    }
}

#[test]
fn extended_names_add_up_over_extends() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(
        dir.path().join("team.toml"),
        "[secrets]\nextend-names = [\"pin\"]\n",
    )
    .expect("written");
    let path = dir.path().join("coc-lint.toml");
    std::fs::write(
        &path,
        "extends = [\"./team.toml\"]\n[secrets]\nextend-names = [\"otp\"]\n",
    )
    .expect("written");
    let linter = Linter::from_config(&path, Default::default()).expect("a valid policy");
    for name in ["atm_pin", "OTP", "db_password"] {
        assert_eq!(found(&linter, &params(name, "1234")).len(), 1, "{name}");
    }
}

#[test]
fn a_policy_found_above_the_file_extends_the_names() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(
        dir.path().join("coc-lint.toml"),
        "root = true\n[secrets]\nextend-names = [\"pin\"]\n",
    )
    .expect("written");
    let file = dir.path().join("p.json");
    std::fs::write(&file, params("atm_pin", "8265")).expect("written");
    let file = file.to_string_lossy().into_owned();
    for format in common::formats() {
        let out = run(&["check", "--format", &format, &file]);
        assert_eq!(out.status.code(), Some(1), "{format}");
        let shown = String::from_utf8_lossy(&[out.stdout, out.stderr].concat()).into_owned();
        assert!(shown.contains("COC218"), "{format}: {shown}");
        assert!(!shown.contains("8265"), "{format}: {shown}");
    }
    let out = run(&["check", "--isolated", &file]);
    assert_eq!(out.status.code(), Some(0));
}
