//! Team rules (`[[rule]]` and `rule-dirs` in `coc-lint.toml`), end to end
//! on temporary trees: each README example with a passing and a failing
//! file, every check kind, `when` on a field and on a path, selection and
//! severities by team code, name and prefix, secrets, exact spans of
//! diagnostics and of every class of bad rule.
//!
//! Files are linted by the real binary (`coc-lint check`, run in the tree,
//! which finds the nearest `coc-lint.toml` of each file) and, to compare and
//! to look at spans, labels and renderings, through the library: a
//! `Resolver` that discovers the configuration, and the policy's `Linter`.

mod common;

use std::path::PathBuf;

use coc_lint::policy::{ConfigError, Discovery, Overrides, Resolver};
use coc_lint::report::Reporter;
use coc_lint::{FileReport, LintOptions, Linter, Severity};

const README: &str = include_str!("../README.md");

/// The ```` ```toml ```` blocks of the README's "Team rules" section.
fn examples() -> Vec<&'static str> {
    let start = README
        .find("### Team rules")
        .expect("README has `### Team rules`");
    let end = start + README[start..].find("\n## ").expect("a next section");
    README[start..end]
        .split("```toml\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap_or(""))
        .collect()
}

/// The README example that defines `code`.
fn example(code: &str) -> &'static str {
    examples()
        .into_iter()
        .find(|b| b.contains(&format!("code = \"{code}\"")))
        .unwrap_or_else(|| panic!("the README has no example with code {code}"))
}

struct Tree(tempfile::TempDir);

impl Tree {
    fn new(files: &[(&str, &str)]) -> Tree {
        let dir = tempfile::tempdir().expect("a temporary folder");
        for (rel, text) in files {
            let path = dir.path().join(rel);
            std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
            std::fs::write(&path, text).expect("write");
        }
        Tree(dir)
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.0.path().join(rel)
    }

    /// The linter of the policy `rel` falls under (nearest configuration).
    fn linter(&self, rel: &str) -> Result<Linter, ConfigError> {
        let resolver = Resolver::new(
            Discovery::Nearest,
            LintOptions::default(),
            &Overrides::default(),
        )?;
        let policy = resolver.policy(&self.path(rel), false)?;
        Ok(policy.linter().clone())
    }

    fn lint(&self, rel: &str) -> FileReport {
        let linter = self.linter(rel).unwrap_or_else(|e| panic!("{e}"));
        linter.lint_path(&self.path(rel))
    }

    /// Team diagnostics (codes not starting with COC) of `rel`: code and
    /// pointer, as the real binary reports them (`coc-lint check --format
    /// json`, run in the tree, finding its configuration), checked to be
    /// what the library reports.
    fn team(&self, rel: &str) -> Vec<(String, String)> {
        let (code, json) = self.check(&["--format", "json", rel]);
        let diagnostics = json["diagnostics"].as_array().expect("diagnostics");
        let found: Vec<(String, String)> = diagnostics
            .iter()
            .filter(|d| !d["code"].as_str().unwrap_or("COC").starts_with("COC"))
            .map(|d| {
                (
                    d["code"].as_str().unwrap_or("").to_owned(),
                    d["pointer"].as_str().unwrap_or("").to_owned(),
                )
            })
            .collect();
        let errors = diagnostics.iter().any(|d| d["severity"] == "error");
        assert_eq!(code, i32::from(errors), "exit code of check {rel}");
        assert_eq!(
            found,
            team(&self.lint(rel)),
            "the binary and the library differ"
        );
        found
    }

    /// Run `coc-lint check ARGS` in the tree; its exit code and JSON report.
    fn check(&self, args: &[&str]) -> (i32, serde_json::Value) {
        let out = common::bin()
            .arg("check")
            .args(args)
            .current_dir(self.path(""))
            .output()
            .expect("the binary runs");
        let json = serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null);
        (out.status.code().unwrap_or(-1), json)
    }

    /// Standard output of `coc-lint check ARGS` in the tree.
    fn stdout(&self, args: &[&str]) -> String {
        let out = common::bin()
            .arg("check")
            .args(args)
            .current_dir(self.path(""))
            .output()
            .expect("the binary runs");
        String::from_utf8(out.stdout).expect("UTF-8")
    }

    fn config_error(&self, rel: &str) -> ConfigError {
        match self.linter(rel) {
            Ok(_) => panic!("the configuration of {rel} was accepted"),
            Err(e) => e,
        }
    }
}

fn team(report: &FileReport) -> Vec<(String, String)> {
    report
        .diagnostics
        .iter()
        .filter(|d| !d.code.starts_with("COC"))
        .map(|d| (d.code.to_string(), d.pointer.clone()))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

fn params(timeout: &str, rate: &str, user: &str, script_params: &str) -> String {
    format!(
        "{{\n  \"timeout\": {timeout},\n  \"success_rate\": {rate},\n  \"execute_user\": {user},\n  \"script_params\": {script_params}\n}}\n"
    )
}

/// A ticket response. `properties` is the JSON of the properties object
/// (or empty for none).
fn ticket(status: &str, creator: Option<&str>, properties: &str) -> String {
    let creator = creator.map_or(String::new(), |c| format!("\n    \"creator\": \"{c}\","));
    let properties = if properties.is_empty() {
        String::new()
    } else {
        format!(",\n    \"properties\": {properties}")
    };
    format!(
        "{{\n  \"data\": {{\n    \"execute_uuid\": \"SCT1\",{creator}\n    \"status\": \"{status}\"{properties}\n  }}\n}}\n"
    )
}

fn properties(script_name: &str, version: bool, param_name: &str) -> String {
    let version = if version {
        "\"script_version_uuid\": 7, "
    } else {
        ""
    };
    format!(
        "{{\"script_uuid\": \"SC1\", \"script_name\": \"{script_name}\", {version}\"execute_param\": {{\"timeout\": 300, \"success_rate\": 100, \"execute_user\": \"root\", \"script_params\": [{{\"param_name\": \"{param_name}\", \"param_value\": \"x\"}}]}}}}"
    )
}

// ------------------------------------------------------- README examples

#[test]
fn production_limits_apply_under_prod_only() {
    let tree = Tree::new(&[
        ("coc-lint.toml", example("X101")),
        ("prod/ok.json", &params("600", "95", "\"root\"", "[]")),
        ("prod/eu/bad.json", &params("900", "90", "\"root\"", "[]")),
        ("dev/slow.json", &params("900", "50", "\"root\"", "[]")),
    ]);
    assert_eq!(tree.team("prod/ok.json"), []);
    assert_eq!(tree.team("dev/slow.json"), []);
    let report = tree.lint("prod/eu/bad.json");
    assert_eq!(
        team(&report),
        pairs(&[("X101", "/timeout"), ("X102", "/success_rate")])
    );
    let timeout = &report.diagnostics[0];
    assert_eq!(timeout.name, "prod-timeout");
    assert_eq!(timeout.severity, Severity::Error);
    assert_eq!(
        timeout.message,
        "`timeout` is 900 seconds, but in production it must be at most 600"
    );
    assert_eq!(
        timeout.help.as_deref(),
        Some("split the work into shorter scripts, or keep it out of prod/")
    );
    assert_eq!(
        report.diagnostics[1].message,
        "`success_rate` is 90, but it must be at least 95"
    );
}

#[test]
fn the_span_of_a_team_diagnostic_is_exact() {
    let text = params("900", "90", "\"root\"", "[]");
    let tree = Tree::new(&[("coc-lint.toml", example("X101")), ("prod/bad.json", &text)]);
    let report = tree.lint("prod/bad.json");
    let d = &report.diagnostics[0];
    assert_eq!(d.code, "X101");
    assert_eq!((d.span.offset, d.span.length), (15, 3));
    assert_eq!(&text[d.span.offset..d.span.end()], "900");
    assert_eq!((d.start.line, d.start.column), (2, 14));
    assert_eq!((d.end.line, d.end.column), (2, 17));
}

#[test]
fn an_allow_list_replaces_the_root_rule() {
    let tree = Tree::new(&[
        ("coc-lint.toml", example("X201")),
        ("svc.json", &params("300", "100", "\"svc-deploy\"", "[]")),
        ("root.json", &params("300", "100", "\"root\"", "[]")),
        ("admin.json", &params("300", "100", "\"admin\"", "[]")),
    ]);
    assert!(tree.lint("svc.json").diagnostics.is_empty());
    for file in ["root.json", "admin.json"] {
        let report = tree.lint(file);
        let codes: Vec<&str> = report.diagnostics.iter().map(|d| d.code.as_ref()).collect();
        assert_eq!(codes, ["X201"], "{file}");
    }
    let report = tree.lint("admin.json");
    assert_eq!(
        report.diagnostics[0].message,
        "`execute_user` is \"admin\", but it must be one of svc-deploy, svc-batch"
    );
    // The ignore dropped execute-user-not-root's diagnostic and says why.
    let policy = Resolver::new(
        Discovery::Nearest,
        LintOptions::default(),
        &Overrides::default(),
    )
    .and_then(|r| r.policy(&tree.path("admin.json"), false))
    .expect("a policy");
    let report = policy.linter().lint_path(&tree.path("admin.json"));
    assert_eq!(team(&report), pairs(&[("X201", "/execute_user")]));
    let ignore = &policy.suppressions().ignores()[0];
    assert_eq!(
        ignore.reason.as_deref(),
        Some("our images run scripts as service accounts")
    );
    assert!(ignore.used() >= 1);
}

#[test]
fn param_names_in_screaming_snake_case_by_pointer() {
    let tree = Tree::new(&[
        ("coc-lint.toml", example("X301")),
        (
            "ok.json",
            &ticket("READY", None, &properties("a", true, "TARGET_DIR")),
        ),
        (
            "bad.json",
            &ticket("READY", None, &properties("a", true, "targetDir")),
        ),
        (
            "saved-ok.json",
            &params(
                "300",
                "100",
                "\"root\"",
                r#"[{"param_name": "A_1", "param_value": "x"}]"#,
            ),
        ),
        (
            "saved-bad.json",
            &params(
                "300",
                "100",
                "\"root\"",
                r#"[{"param_name": "A_1", "param_value": "x"}, {"param_name": "target_dir", "param_value": "y"}]"#,
            ),
        ),
    ]);
    assert_eq!(tree.team("ok.json"), []);
    assert_eq!(tree.team("saved-ok.json"), []);
    let report = tree.lint("bad.json");
    assert_eq!(
        team(&report),
        pairs(&[(
            "X301",
            "/data/properties/execute_param/script_params/0/param_name"
        )])
    );
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.code == "X301")
        .unwrap();
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(
        d.message,
        "`param_name` is \"targetDir\", but it must be in SCREAMING_SNAKE_CASE, such as `TARGET_DIR`"
    );
    assert_eq!(
        tree.team("saved-bad.json"),
        pairs(&[("X301", "/script_params/1/param_name")])
    );
}

#[test]
fn script_names_start_with_the_team_prefix() {
    let tree = Tree::new(&[
        ("coc-lint.toml", example("X401")),
        (
            "ok.json",
            &ticket("READY", None, &properties("payments_rotate", true, "A")),
        ),
        (
            "bad.json",
            &ticket("READY", None, &properties("clean_app_logs", true, "A")),
        ),
    ]);
    assert_eq!(tree.team("ok.json"), []);
    let report = tree.lint("bad.json");
    assert_eq!(
        team(&report),
        pairs(&[("X401", "/data/properties/script_name")])
    );
    assert_eq!(
        report.diagnostics[0].message,
        "`script_name` is \"clean_app_logs\", but it must be a name starting with `payments_`"
    );
}

/// The human and JSON reports of `report`, rendered as `coc-lint check`
/// renders them.
fn rendered(report: &FileReport, source: &str) -> (String, String) {
    let summary = |r: &FileReport| {
        let mut s = coc_lint::report::Summary::default();
        s.add(r);
        s
    };
    let mut human = Vec::new();
    let mut h = coc_lint::report::human::HumanReporter::new(false, 100);
    h.file(&mut human, report, Some(source.as_bytes())).unwrap();
    h.finish(&mut human, &summary(report)).unwrap();
    let mut json = Vec::new();
    let mut j = coc_lint::report::json::JsonReporter::new();
    j.file(&mut json, report, None).unwrap();
    j.finish(&mut json, &summary(report)).unwrap();
    (
        String::from_utf8(human).unwrap(),
        String::from_utf8(json).unwrap(),
    )
}

#[test]
fn no_param_value_into_tmp_and_the_secret_is_never_shown() {
    let bad = params(
        "300",
        "100",
        "\"root\"",
        r#"[{"param_name": "WORK", "param_value": "--dir=/tmp/hunter2-secret"}]"#,
    );
    let tree = Tree::new(&[
        ("coc-lint.toml", example("X501")),
        (
            "ok.json",
            &params(
                "300",
                "100",
                "\"root\"",
                r#"[{"param_name": "WORK", "param_value": "/var/lib/svc/tmp"}, {"param_name": "B", "param_value": "/tmpfiles"}]"#,
            ),
        ),
        ("bad.json", &bad),
    ]);
    assert_eq!(tree.team("ok.json"), []);
    let report = tree.lint("bad.json");
    assert_eq!(
        team(&report),
        pairs(&[("X501", "/script_params/0/param_value")])
    );
    let d = &report.diagnostics[0];
    assert_eq!(
        d.message,
        "`param_value` is a hidden value, which points into /tmp"
    );
    let (human, json) = rendered(&report, &bad);
    let human_bin = tree.stdout(&["bad.json"]);
    let json_bin = tree.stdout(&["--format", "json", "bad.json"]);
    assert!(human_bin.contains("`param_value` is a hidden value, which points into /tmp"));
    assert!(json_bin.contains("\"code\":\"X501\""), "{json_bin}");
    for out in [&human_bin, &json_bin] {
        assert!(!out.contains("hunter2"), "the secret leaked:\n{out}");
        assert!(!out.contains("--dir="), "the secret leaked:\n{out}");
    }
    for out in [&human, &json] {
        assert!(out.contains("X501"), "{out}");
        assert!(!out.contains("hunter2"), "the secret leaked:\n{out}");
        assert!(!out.contains("--dir="), "the secret leaked:\n{out}");
    }
    assert!(human.contains("\"****\""), "{human}");
}

#[test]
fn every_ticket_records_its_script_version() {
    let tree = Tree::new(&[
        ("coc-lint.toml", example("X601")),
        (
            "ok.json",
            &ticket("READY", None, &properties("a", true, "A")),
        ),
        (
            "no-version.json",
            &ticket("READY", None, &properties("a", false, "A")),
        ),
        ("no-properties.json", &ticket("READY", None, "")),
    ]);
    assert_eq!(tree.team("ok.json"), []);
    let report = tree.lint("no-version.json");
    assert_eq!(team(&report), pairs(&[("X601", "/data/properties")]));
    assert_eq!(
        report.diagnostics[0].message,
        "`properties` lacks `script_version_uuid`; `JobScriptOrderInfoModel` must be an object with `properties.script_version_uuid`"
    );
    let report = tree.lint("no-properties.json");
    assert_eq!(team(&report), pairs(&[("X601", "/data")]));
    assert_eq!(
        report.diagnostics[0].message,
        "`JobScriptOrderInfoModel` lacks `properties.script_version_uuid`, but it must be an object with `properties.script_version_uuid`"
    );
}

#[test]
fn when_on_a_field_of_the_same_document() {
    let tree = Tree::new(&[
        ("coc-lint.toml", example("X701")),
        ("finished-ok.json", &ticket("FINISHED", Some("ops"), "")),
        ("finished-bad.json", &ticket("FINISHED", None, "")),
        ("ready.json", &ticket("READY", None, "")),
    ]);
    assert_eq!(tree.team("finished-ok.json"), []);
    assert_eq!(tree.team("ready.json"), []);
    assert_eq!(tree.team("finished-bad.json"), pairs(&[("X701", "/data")]));
}

#[test]
fn the_readme_examples_are_all_tested() {
    let codes: Vec<&str> = [
        "X101", "X201", "X301", "X401", "X501", "X601", "X701", "X801",
    ]
    .to_vec();
    for block in examples() {
        assert!(
            codes
                .iter()
                .any(|c| block.contains(&format!("code = \"{c}\""))),
            "an untested README example:\n{block}"
        );
    }
    // And every example is a valid configuration on its own.
    for code in codes {
        let tree = Tree::new(&[("coc-lint.toml", example(code))]);
        tree.linter("x.json")
            .unwrap_or_else(|e| panic!("{code}: {e}"));
    }
}

// ---------------------------------------------------- every check kind

/// A configuration with one rule `X900` of this target and check.
fn one_rule(target: &str, check: &str, extra: &str) -> String {
    format!(
        "[[rule]]\ncode = \"X900\"\nname = \"team-check\"\nseverity = \"error\"\nsummary = \"A team check\"\ntargets = [{target:?}]\ncheck = {check}\n{extra}"
    )
}

#[test]
fn every_check_kind_passes_and_fails() {
    let p = |user: &str, rate: &str, script_params: &str| {
        params("300", rate, &format!("{user:?}"), script_params)
    };
    let two =
        r#"[{"param_name": "A", "param_value": "x"}, {"param_name": "B", "param_value": "y"}]"#;
    let dup =
        r#"[{"param_name": "A", "param_value": "x"}, {"param_name": "A", "param_value": "y"}]"#;
    // kind, target, check, passing document, failing document, the
    // failing diagnostic's pointer and message.
    let cases: &[(&str, &str, &str, String, String, &str, &str)] = &[
        (
            "range",
            "ScriptExecuteParam.timeout",
            "{ kind = \"range\", min = 10, max = 600, exclusive_max = true }",
            params("599", "100", "\"root\"", "[]"),
            params("600", "100", "\"root\"", "[]"),
            "/timeout",
            "`timeout` is 600, but it must be at least 10 and less than 600",
        ),
        (
            "length",
            "ScriptExecuteParam.execute_user",
            "{ kind = \"length\", min = 3, max = 8 }",
            p("deploy", "100", "[]"),
            p("ab", "100", "[]"),
            "/execute_user",
            "`execute_user` is 2 characters long, but it must be 3 to 8 characters long",
        ),
        (
            "items",
            "ScriptExecuteParam.script_params",
            "{ kind = \"items\", max = 1 }",
            p("root", "100", "[]"),
            p("root", "100", two),
            "/script_params",
            "`script_params` has 2 items, but it must have at most 1 item",
        ),
        (
            "one_of",
            "ScriptExecuteParam.execute_user",
            "{ kind = \"one_of\", values = [\"svc\", \"root\"] }",
            p("svc", "100", "[]"),
            p("admin", "100", "[]"),
            "/execute_user",
            "`execute_user` is \"admin\", but it must be one of svc, root",
        ),
        (
            "none_of",
            "ScriptExecuteParam.execute_user",
            "{ kind = \"none_of\", values = [\"admin\", \"nobody\"] }",
            p("root", "100", "[]"),
            p("nobody", "100", "[]"),
            "/execute_user",
            "`execute_user` is \"nobody\", but it must be none of admin, nobody",
        ),
        (
            "equals",
            "ScriptExecuteParam.execute_user",
            "{ kind = \"equals\", value = \"svc\" }",
            p("svc", "100", "[]"),
            p("root", "100", "[]"),
            "/execute_user",
            "`execute_user` is \"root\", but it must be `svc`",
        ),
        (
            "charset",
            "ScriptExecuteInputParam.param_name",
            "{ kind = \"charset\", class = \"[A-Z_]\", describe = \"capital letters and `_`\" }",
            p("root", "100", r#"[{"param_name": "A_B", "param_value": "x"}]"#),
            p("root", "100", r#"[{"param_name": "A_b", "param_value": "x"}]"#),
            "/script_params/0/param_name",
            "`param_name` has `b` at character 3, but it may only contain capital letters and `_`",
        ),
        (
            "forbid",
            "ScriptExecuteParam.execute_user",
            "{ kind = \"forbid\", pattern = \"adm\" }",
            p("root", "100", "[]"),
            p("sysadmin", "100", "[]"),
            "/execute_user",
            "`execute_user` contains matches of `adm` at character 4, which is not allowed",
        ),
        (
            "decimals",
            "ScriptExecuteParam.success_rate",
            "{ kind = \"decimals\", max = 0 }",
            p("root", "99", "[]"),
            p("root", "99.5", "[]"),
            "/success_rate",
            "`success_rate` is 99.5, which has 1 decimal places, but it must be written with at most 0 decimal places",
        ),
        (
            "pattern",
            "/execute_user",
            "{ kind = \"pattern\", pattern = \"^svc-\" }",
            p("svc-a", "100", "[]"),
            p("root", "100", "[]"),
            "/execute_user",
            "`execute_user` is \"root\", but it must be matching the pattern `^svc-`",
        ),
        (
            "required",
            "ScriptExecuteParam",
            "{ kind = \"required\", keys = [\"script_params\"] }",
            p("root", "100", "[]"),
            "{\"timeout\": 300, \"success_rate\": 100, \"execute_user\": \"root\"}".into(),
            "",
            "`ScriptExecuteParam` lacks `script_params`, but it must be an object with `script_params`",
        ),
        (
            "forbidden",
            "/script_params/*",
            "{ kind = \"forbidden\", keys = [\"param_refer\"] }",
            p("root", "100", two),
            p("root", "100", r#"[{"param_name": "A", "param_value": "x", "param_refer": {"refer_type": "PARAM_STORE", "param_id": "i", "param_version": "1"}}]"#),
            "/script_params/0/param_refer",
            "`script_params` has `param_refer`, but it must be an object without `param_refer`",
        ),
        (
            "unique",
            "ScriptExecuteParam.script_params",
            "{ kind = \"unique\", field = \"param_name\" }",
            p("root", "100", two),
            p("root", "100", dup),
            "/script_params/1/param_name",
            "item 1 of `script_params` repeats the `param_name` \"A\" of item 0, but `script_params` must be a list whose items each have a different `param_name`",
        ),
    ];
    let kinds: Vec<&str> = cases.iter().map(|c| c.0).collect();
    for kind in coc_lint::rules::team::kinds() {
        assert!(kinds.contains(&kind), "no case for the check kind `{kind}`");
    }
    for (kind, target, check, pass, fail, pointer, message) in cases {
        let tree = Tree::new(&[
            ("coc-lint.toml", &one_rule(target, check, "")),
            ("pass.json", pass),
            ("fail.json", fail),
        ]);
        assert_eq!(tree.team("pass.json"), [], "{kind}: the passing file");
        let report = tree.lint("fail.json");
        let found: Vec<(&str, &str, &str)> = report
            .diagnostics
            .iter()
            .filter(|d| d.code == "X900")
            .map(|d| (d.code.as_ref(), d.pointer.as_str(), d.message.as_str()))
            .collect();
        assert_eq!(found, [("X900", *pointer, *message)], "{kind}");
        // The span is the value (or key) its pointer names.
        let d = report
            .diagnostics
            .iter()
            .find(|d| d.code == "X900")
            .unwrap();
        let slice = &fail[d.span.offset..d.span.end()];
        let last = pointer.rsplit('/').next().unwrap_or("");
        if *kind == "forbidden" {
            assert_eq!(slice, format!("\"{last}\""), "{kind}");
        } else if *kind == "required" {
            assert!(
                slice.starts_with('{') && slice.ends_with('}'),
                "{kind}: {slice}"
            );
        } else {
            assert!(!slice.is_empty() && fail.contains(slice), "{kind}: {slice}");
        }
    }
}

#[test]
fn unique_labels_the_first_and_hides_secrets() {
    let text = params(
        "300",
        "100",
        "\"root\"",
        r#"[{"param_name": "A", "param_value": "s3cret"}, {"param_name": "B", "param_value": "s3cret"}]"#,
    );
    let tree = Tree::new(&[
        (
            "coc-lint.toml",
            &one_rule(
                "ScriptExecuteParam.script_params",
                "{ kind = \"unique\", field = \"param_value\" }",
                "message = \"{field}: {value} twice\"",
            ),
        ),
        ("p.json", &text),
    ]);
    let report = tree.lint("p.json");
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.code == "X900")
        .unwrap();
    assert_eq!(d.message, "script_params: a hidden value twice");
    assert_eq!(d.pointer, "/script_params/1/param_value");
    assert_eq!(d.labels.len(), 1);
    assert_eq!(
        &text[d.labels[0].span.offset..d.labels[0].span.end()],
        "\"s3cret\""
    );
    let (human, json) = rendered(&report, &text);
    assert!(!human.contains("s3cret") && !json.contains("s3cret"));
}

#[test]
fn when_conditions_all_hold_and_take_every_test() {
    let rule = |when: &str| {
        one_rule(
            "ScriptExecuteParam.timeout",
            "{ kind = \"range\", max = 600 }",
            &format!("when = {when}\n"),
        )
    };
    let slow = params("900", "100", "\"root\"", "[]");
    // condition, whether the slow file (timeout 900, user root) fails
    let cases = [
        ("{ field = \"/execute_user\", equals = \"root\" }", true),
        ("{ field = \"/execute_user\", equals = \"svc\" }", false),
        (
            "{ field = \"/execute_user\", one_of = [\"svc\", \"root\"] }",
            true,
        ),
        ("{ field = \"/execute_user\", none_of = [\"root\"] }", false),
        ("{ field = \"/execute_user\", pattern = \"^ro\" }", true),
        ("{ field = \"/execute_user\" }", true),
        ("{ field = \"/script_params\", present = false }", false),
        ("{ field = \"/nothing\", present = false }", true),
        ("{ field = \"/nothing\", none_of = [\"x\"] }", false),
        ("{ field = \"/success_rate\", equals = 100 }", true),
        ("{ field = \"1/success_rate\", equals = 100.0 }", true),
        ("{ field = \"0\", equals = 900 }", true),
        (
            "[{ field = \"/execute_user\", equals = \"root\" }, { path = \"prod/**\" }]",
            false,
        ),
        (
            "[{ field = \"/execute_user\", equals = \"root\" }, { path = [\"dev/\", \"*.json\"] }]",
            true,
        ),
    ];
    for (when, fails) in cases {
        let tree = Tree::new(&[("coc-lint.toml", &rule(when)), ("dev/slow.json", &slow)]);
        let expected = if fails {
            pairs(&[("X900", "/timeout")])
        } else {
            Vec::new()
        };
        assert_eq!(tree.team("dev/slow.json"), expected, "when = {when}");
    }
}

#[test]
fn path_globs_are_relative_to_the_configuration_file() {
    let tree = Tree::new(&[
        (
            "team/coc-lint.toml",
            &one_rule(
                "ScriptExecuteParam.timeout",
                "{ kind = \"range\", max = 600 }",
                "when = { path = \"prod/**\" }\n",
            ),
        ),
        ("team/prod/a.json", &params("900", "100", "\"root\"", "[]")),
        (
            "team/dev/prod/a.json",
            &params("900", "100", "\"root\"", "[]"),
        ),
    ]);
    assert_eq!(
        tree.team("team/prod/a.json"),
        pairs(&[("X900", "/timeout")])
    );
    assert_eq!(tree.team("team/dev/prod/a.json"), []);
    // Through the library with a relative name, from the tree's folder.
    let linter = Linter::from_config(&tree.path("team/coc-lint.toml"), LintOptions::default())
        .expect("a linter");
    let text = params("900", "100", "\"root\"", "[]");
    let name = tree.path("team/prod/b.json");
    let report = linter.lint_source(&name.to_string_lossy(), &text);
    assert_eq!(team(&report), pairs(&[("X900", "/timeout")]));
    assert_eq!(team(&linter.lint_source("elsewhere.json", &text)), []);
}

// ---------------------------------- selection, severities, rule folders

#[test]
fn team_rules_are_selected_ignored_and_reweighted_like_built_ins() {
    let rules = format!(
        "{}\n{}",
        one_rule(
            "ScriptExecuteParam.timeout",
            "{ kind = \"range\", max = 600 }",
            ""
        ),
        one_rule(
            "ScriptExecuteParam.success_rate",
            "{ kind = \"range\", min = 95 }",
            ""
        )
        .replace("X900", "X910")
        .replace("team-check", "team-rate")
    );
    let bad = params("900", "90", "\"root\"", "[]");
    let run = |policy: &str| {
        let tree = Tree::new(&[
            ("coc-lint.toml", &format!("{policy}\n{rules}")),
            ("p.json", &bad),
        ]);
        tree.lint("p.json")
            .diagnostics
            .iter()
            .map(|d| (d.code.to_string(), d.severity))
            .filter(|(c, _)| !c.starts_with("COC"))
            .collect::<Vec<_>>()
    };
    let e = Severity::Error;
    let w = Severity::Warning;
    let x = |c: &str, s| (c.to_string(), s);
    assert_eq!(run(""), [x("X900", e), x("X910", e)]);
    assert_eq!(run("ignore = [\"X900\"]"), [x("X910", e)]);
    assert_eq!(run("ignore = [\"team-rate\"]"), [x("X900", e)]);
    assert_eq!(run("ignore = [\"X9\"]"), []);
    assert_eq!(run("select = [\"COC2\"]"), []);
    assert_eq!(run("select = [\"COC2\", \"X91\"]"), [x("X910", e)]);
    assert_eq!(
        run("[severity]\nX900 = \"warning\"\nteam-rate = \"off\""),
        [x("X900", w)]
    );
    assert_eq!(
        run("[per-file-ignores]\n\"p.json\" = [\"X900\"]"),
        [x("X910", e)]
    );
}

#[test]
fn rule_folders_hold_one_rule_per_file_with_its_manual() {
    let rule = one_rule(
        "ScriptExecuteParam.timeout",
        "{ kind = \"range\", max = 600 }",
        "",
    );
    let rule = rule.trim_start_matches("[[rule]]\n");
    let tree = Tree::new(&[
        ("coc-lint.toml", "rule-dirs = [\"team-rules\"]\n"),
        ("team-rules/team-check.toml", rule),
        (
            "team-rules/team-check.md",
            "## What it does\nKeeps `timeout` {{constraint}}.\n",
        ),
        ("team-rules/notes.txt", "not a rule"),
        ("p.json", &params("900", "100", "\"root\"", "[]")),
    ]);
    assert_eq!(tree.team("p.json"), pairs(&[("X900", "/timeout")]));
    let linter = tree.linter("p.json").unwrap();
    let rule = linter.rules().get("X900").expect("the team rule");
    assert_eq!(
        rule.doc(),
        "## What it does\nKeeps `timeout` at most 600.\n"
    );
    let (file, line) = rule.defined_in().expect("a team rule");
    assert!(file.ends_with("team-rules/team-check.toml"));
    assert_eq!(line, 1);
}

#[test]
fn a_file_extended_twice_adds_its_rules_once() {
    let rule = one_rule(
        "ScriptExecuteParam.timeout",
        "{ kind = \"range\", max = 600 }",
        "",
    );
    let tree = Tree::new(&[
        ("team.toml", &rule),
        ("coc-lint.toml", "extends = [\"./team.toml\"]\n"),
        ("sub/coc-lint.toml", "extends = [\"../team.toml\"]\n"),
        ("sub/p.json", &params("900", "100", "\"root\"", "[]")),
    ]);
    assert_eq!(tree.team("sub/p.json"), pairs(&[("X900", "/timeout")]));
}

#[test]
fn rules_and_explain_show_team_rules() {
    let tree = Tree::new(&[("coc-lint.toml", example("X101"))]);
    let out = common::bin()
        .arg("rules")
        .current_dir(tree.path(""))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let listing = String::from_utf8(out.stdout).unwrap();
    assert!(listing.contains("X101    prod-timeout"), "{listing}");
    assert!(listing.contains(
        "error    Production scripts time out within ten minutes (`timeout` must be at most 600)"
    ));
    assert!(listing.lines().any(|l| l.starts_with("COC202")));
    let out = common::bin()
        .args(["explain", "prod-success-rate"])
        .current_dir(tree.path(""))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let manual = String::from_utf8(out.stdout).unwrap();
    assert!(manual.starts_with("# X102 prod-success-rate\n"), "{manual}");
    assert!(manual.contains("Team rule, defined in "), "{manual}");
    assert!(manual.contains("coc-lint.toml:13"), "{manual}");
    assert!(manual.contains("checks that `ScriptExecuteParam.success_rate` is at least 95."));
}

#[test]
fn a_bad_rule_stops_rules_and_explain_with_its_position() {
    let tree = Tree::new(&[(
        "coc-lint.toml",
        "[[rule]]\ncode = \"COC202\"\nname = \"x\"\n",
    )]);
    let out = common::bin()
        .arg("rules")
        .current_dir(tree.path(""))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("coc-lint.toml:2:8: `COC202` is already the code of the built-in rule `timeout-out-of-range`"),
        "{err}"
    );
    // `check` reports it as invalid-config at its span, and lints nothing.
    std::fs::write(tree.path("p.json"), params("300", "100", "\"root\"", "[]")).unwrap();
    let (code, json) = tree.check(&["--format", "json", "p.json"]);
    assert_eq!(code, 2);
    let d = &json["diagnostics"][0];
    assert_eq!(d["code"], "COC900");
    assert_eq!(
        (
            d["line"].as_u64(),
            d["column"].as_u64(),
            d["end_column"].as_u64()
        ),
        (Some(2), Some(8), Some(16))
    );
    assert_eq!(json["diagnostics"].as_array().map(Vec::len), Some(1));
}

// ---------------------------------------------- bad rules, with spans

/// Each bad rule: the rule's body (after `[[rule]]`, before the common
/// keys), the text its error spans, the start of its message, its help.
#[test]
fn every_bad_rule_is_an_error_at_its_span() {
    let head = "code = \"X900\"\nname = \"team-check\"\nseverity = \"error\"\nsummary = \"s\"\n";
    let target = "targets = [\"ScriptExecuteParam.timeout\"]\n";
    let range = "check = { kind = \"range\", max = 600 }\n";
    let cases: Vec<(String, &str, &str, Option<&str>)> = vec![
        (
            format!("{head}{target}{range}severty = \"error\"\n"),
            "severty",
            "a rule has no key `severty`",
            Some("did you mean `severity`?"),
        ),
        (
            format!("{}{target}{range}", head.replace("X900", "COC202")),
            "\"COC202\"",
            "`COC202` is already the code of the built-in rule `timeout-out-of-range`",
            Some("codes starting with `COC` belong to built-in rules; give team rules your own prefix, e.g. `X202`"),
        ),
        (
            format!("{}{target}{range}", head.replace("X900", "COC950")),
            "\"COC950\"",
            "`COC950` starts with `COC`, which is kept for built-in rules",
            Some("give team rules your own prefix, e.g. `X950` or `TEAM950`"),
        ),
        (
            format!("{}{target}{range}", head.replace("X900", "x900")),
            "\"x900\"",
            "`x900` is not a rule code",
            Some("did you mean `X900`?"),
        ),
        (
            format!("{}{target}{range}", head.replace("team-check", "timeout-out-of-range")),
            "\"timeout-out-of-range\"",
            "`timeout-out-of-range` is already the name of the built-in rule COC202",
            Some("name it for your team, e.g. `team-timeout-out-of-range`"),
        ),
        (
            format!("{}{target}{range}", head.replace("team-check", "Team_Check")),
            "\"Team_Check\"",
            "`Team_Check` is not a rule name",
            Some("did you mean `team-check`?"),
        ),
        (
            format!("{}{target}{range}", head.replace("\"error\"", "\"fatal\"")),
            "\"fatal\"",
            "`fatal` is no severity",
            None,
        ),
        (
            format!("{head}{target}check = {{ kind = \"rang\", max = 600 }}\n"),
            "\"rang\"",
            "`rang` is no check kind",
            Some("did you mean `range`?"),
        ),
        (
            format!("{head}{target}check = {{ kind = \"range\", max = \"600\" }}\n"),
            "\"600\"",
            "`max` of a `range` check must be a number, not a string",
            None,
        ),
        (
            format!("{head}{target}check = {{ kind = \"range\", maxx = 600 }}\n"),
            "maxx",
            "a `range` check has no key `maxx`",
            Some("did you mean `max`?"),
        ),
        (
            format!("{head}{target}check = {{ kind = \"range\", min = 9, max = 6 }}\n"),
            "{ kind = \"range\", min = 9, max = 6 }",
            "`min` (9) is greater than `max` (6): nothing passes",
            None,
        ),
        (
            format!("{head}targets = [\"ScriptExecuteParam.execute_user\"]\ncheck = {{ kind = \"one_of\" }}\n"),
            "{ kind = \"one_of\" }",
            "a `one_of` check needs `values` (a list of strings)",
            None,
        ),
        (
            format!("{head}targets = [\"ScriptExecuteParam.execute_user\"]\ncheck = {{ kind = \"pattern\", pattern = '^(svc' }}\n"),
            "'^(svc'",
            "`pattern` is not a valid regex: unclosed group",
            None,
        ),
        (
            format!("{head}targets = [\"ScriptExecuteParam.execute_user\"]\ncheck = {{ kind = \"forbid\", pattern = 'a{{2,1}}' }}\n"),
            "'a{2,1}'",
            "`pattern` is not a valid regex",
            None,
        ),
        (
            format!("{head}targets = [\"ScriptExecuteParam.execute_user\"]\ncheck = {{ kind = \"charset\", class = \"[a-z]+\" }}\n"),
            "\"[a-z]+\"",
            "`class` must be one character class, such as `[A-Za-z0-9_]`, not `[a-z]+`",
            None,
        ),
        (
            format!("{head}{target}{range}message = \"`{{field}}` is {{vaule}}\"\n"),
            "{vaule}",
            "`{vaule}` is no placeholder; a message may use `{value}`, `{field}` and `{constraint}`",
            Some("did you mean `{value}`?"),
        ),
        (
            format!("{head}targets = [\"ScriptExecParam.timeout\"]\n{range}"),
            "\"ScriptExecParam.timeout\"",
            "no model is named `ScriptExecParam`",
            Some("did you mean `ScriptExecuteParam.timeout`?"),
        ),
        (
            format!("{head}targets = [\"ScriptExecuteParam.timout\"]\n{range}"),
            "\"ScriptExecuteParam.timout\"",
            "ScriptExecuteParam has no field `timout`",
            Some("did you mean `ScriptExecuteParam.timeout`?"),
        ),
        (
            format!("{head}targets = [\"ScriptExecuteParam.execute_user\"]\n{range}"),
            "\"ScriptExecuteParam.execute_user\"",
            "a `range` check applies to numbers, but `ScriptExecuteParam.execute_user` is a string",
            None,
        ),
        (
            format!("{head}targets = [\"timeout\"]\n{range}"),
            "\"timeout\"",
            "`timeout` is no target",
            None,
        ),
        (
            format!("{head}{target}{range}when = {{ path = \"prod/[\" }}\n"),
            "\"prod/[\"",
            "`prod/[` is not a valid glob",
            None,
        ),
        (
            format!("{head}{target}{range}when = {{ field = \"status\", equals = \"FINISHED\" }}\n"),
            "\"status\"",
            "`status` is not a JSON pointer",
            None,
        ),
        (
            format!("{head}{target}{range}when = {{ field = \"/status\", equal = \"FINISHED\" }}\n"),
            "equal",
            "a `when` condition has no key `equal`",
            Some("did you mean `equals`?"),
        ),
        (
            format!("{head}{range}"),
            "",
            "a rule lacks `targets`",
            None,
        ),
    ];
    for (body, spanned, message, help) in cases {
        let text = format!("# team rules\n[[rule]]\n{body}");
        let tree = Tree::new(&[("coc-lint.toml", &text)]);
        let e = tree.config_error("p.json");
        assert!(e.path.ends_with("coc-lint.toml"), "{}", e.path.display());
        let help_text = e.help.as_ref().map(ToString::to_string);
        let e_message = e.message.to_string();
        assert!(
            e_message.starts_with(message),
            "expected `{message}`, got `{e_message}`"
        );
        let span = e.span.clone().expect("a span");
        if !spanned.is_empty() {
            assert_eq!(&text[span], spanned, "{message}");
        }
        if let Some(help) = help {
            assert_eq!(help_text.as_deref(), Some(help), "{message}");
        }
    }
}

#[test]
fn a_code_used_twice_points_at_the_second_and_names_the_first() {
    let rule = one_rule(
        "ScriptExecuteParam.timeout",
        "{ kind = \"range\", max = 600 }",
        "",
    );
    let second = rule.replace("team-check", "other-check");
    let text = format!("{rule}\n{second}");
    let tree = Tree::new(&[("coc-lint.toml", &text)]);
    let e = tree.config_error("p.json");
    let span = e.span.clone().unwrap();
    assert_eq!(&text[span.clone()], "\"X900\"");
    assert!(span.start > rule.len(), "the second definition");
    let message = e.message.to_string();
    assert!(
        message.starts_with("`X900` is already the code of the team rule `team-check` ("),
        "{message}"
    );
    assert!(message.ends_with("coc-lint.toml:1)"), "{message}");
    assert_eq!(
        e.help.as_ref().map(ToString::to_string).as_deref(),
        Some("`X901` is free")
    );
}

#[test]
fn a_bad_rule_file_is_reported_in_its_own_file() {
    let rule = "code = \"X900\"\nname = \"team-check\"\nseverity = \"error\"\nsummary = \"s\"\ntargets = [\"ScriptExecuteParam.timeout\"]\ncheck = { kind = \"range\", max = \"ten\" }\n";
    let tree = Tree::new(&[
        (
            "coc-lint.toml",
            "rule-dirs = [\"team-rules\", \"missing\"]\n",
        ),
        ("team-rules/team-check.toml", rule),
    ]);
    let e = tree.config_error("p.json");
    assert!(e.path.ends_with("team-rules/team-check.toml"));
    assert_eq!(&rule[e.span.clone().unwrap()], "\"ten\"");
    assert_eq!(
        e.to_string().rsplit_once(": ").unwrap().1,
        "`max` of a `range` check must be a number, not a string"
    );

    let text = "rule-dirs = [\"missing\"]\n";
    let tree = Tree::new(&[("coc-lint.toml", text)]);
    let e = tree.config_error("p.json");
    assert_eq!(&text[e.span.clone().unwrap()], "\"missing\"");
    let message = e.message.to_string();
    assert!(message.contains("no such file or directory"), "{message}");
}

#[test]
fn path_conditions_hold_for_stdin_names_and_relative_config_paths() {
    let tree = Tree::new(&[(
        "team/rules.toml",
        &one_rule(
            "ScriptExecuteParam.timeout",
            "{ kind = \"range\", max = 600 }",
            "when = { path = \"prod/**\" }\n",
        ),
    )]);
    let slow = params("900", "100", "\"root\"", "[]");
    let run = |args: &[&str]| {
        let mut cmd = common::bin();
        cmd.arg("check")
            .args(["--format", "json"])
            .args(args)
            .current_dir(tree.path(""));
        let out = common::feed(cmd, slow.as_bytes());
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        let codes: Vec<String> = json["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .map(|d| d["code"].as_str().unwrap_or("").to_owned())
            .collect();
        (out.status.code(), codes)
    };
    let config = ["--config", "team/rules.toml"];
    let prod = [&config[..], &["--stdin-filename", "team/prod/p.json", "-"]].concat();
    assert_eq!(run(&prod), (Some(1), vec!["X900".to_owned()]));
    let dev = [&config[..], &["--stdin-filename", "team/dev/p.json", "-"]].concat();
    assert_eq!(run(&dev), (Some(0), vec![]));
    // The glob is relative to the configuration's folder, not to the
    // working directory.
    let outside = [&config[..], &["--stdin-filename", "prod/p.json", "-"]].concat();
    assert_eq!(run(&outside), (Some(0), vec![]));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Whatever a secret is, a team rule's message never shows it, in its
    /// own wording or the built-in one.
    #[test]
    fn a_secret_never_appears_in_a_team_message(secret in "S3cr[A-Za-z0-9_/.=-]{4,36}") {
        let doc = params(
            "300",
            "100",
            "\"root\"",
            &format!(r#"[{{"param_name": "A", "param_value": "{secret}"}}]"#),
        );
        for extra in ["", "message = \"{field} {value} {constraint}\"\n"] {
            let rules = format!(
                "{}\n{}\n{}",
                one_rule("ScriptExecuteInputParam.param_value", "{ kind = \"length\", max = 3 }", extra),
                one_rule("/script_params/*/param_value", "{ kind = \"none_of\", values = [\"x\"] }", extra)
                    .replace("X900", "X901").replace("team-check", "team-two"),
                one_rule("ScriptExecuteInputParam.param_value", "{ kind = \"pattern\", pattern = \"^$\" }", extra)
                    .replace("X900", "X902").replace("team-check", "team-three"),
            );
            let dir = tempfile::tempdir().unwrap();
            let config = dir.path().join("coc-lint.toml");
            std::fs::write(&config, rules).unwrap();
            let linter = Linter::from_config(&config, LintOptions::default()).unwrap();
            let report = linter.lint_source("p.json", &doc);
            let found: Vec<&str> = report
                .diagnostics
                .iter()
                .map(|d| d.code.as_ref())
                .filter(|c| c.starts_with('X'))
                .collect();
            proptest::prop_assert_eq!(&found, &["X900", "X902"]);
            let (human, json) = rendered(&report, &doc);
            for out in [&human, &json] {
                proptest::prop_assert!(!out.contains(&secret), "{}", out);
            }
        }
    }
}

#[test]
fn unique_without_a_field_compares_whole_items() {
    let tree = Tree::new(&[
        (
            "coc-lint.toml",
            &one_rule("/tags", "{ kind = \"unique\" }", ""),
        ),
        (
            "ok.json",
            "{\"timeout\": 300, \"success_rate\": 100, \"execute_user\": \"root\", \"tags\": [\"a\", 1, \"1\"]}",
        ),
        (
            "bad.json",
            "{\"timeout\": 300, \"success_rate\": 100, \"execute_user\": \"root\", \"tags\": [\"a\", 1, 1.0]}",
        ),
    ]);
    assert_eq!(tree.team("ok.json"), []);
    let report = tree.lint("bad.json");
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.code == "X900")
        .unwrap();
    assert_eq!(d.pointer, "/tags/2");
    assert_eq!(
        d.message,
        "item 2 of `tags` repeats item 1 (1.0), but `tags` must be a list of different items"
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

    /// A rule file damaged anywhere is read without panicking, and an
    /// error's span lies inside the file.
    #[test]
    fn damaged_rule_files_never_panic(at in 0usize..400, insert in proptest::option::of("[\\[\\]{}=\"'a-z0-9/*. \n~-]{1,3}"), cut in 0usize..4) {
        let text = "code = \"X900\"\nname = \"team-check\"\nseverity = \"error\"\nsummary = \"s\"\ntargets = [\"ScriptExecuteParam.timeout\", \"/data/*/x~1y\"]\ncheck = { kind = \"range\", min = 1, max = 600 }\nwhen = [{ path = \"prod/**\" }, { field = \"1/status\", one_of = [\"A\", 2] }]\nmessage = \"`{field}` is {value}: {constraint}\"\n";
        let mut damaged: Vec<char> = text.chars().collect();
        let at = at.min(damaged.len());
        let end = (at + cut).min(damaged.len());
        damaged.drain(at..end);
        if let Some(insert) = insert {
            for (i, c) in insert.chars().enumerate() {
                damaged.insert(at + i, c);
            }
        }
        let damaged: String = damaged.into_iter().collect();
        let origin = coc_lint::rules::RuleOrigin {
            path: "r.toml".into(),
            text: std::sync::Arc::from(damaged.as_str()),
            base: "/".into(),
        };
        let mut builder = coc_lint::RuleSet::builder();
        if let Err(e) = builder.add_rule_file(&origin, None) {
            if let Some(span) = e.span {
                proptest::prop_assert!(span.start <= span.end && span.end <= damaged.len(), "{:?} in {:?}", span, damaged);
            }
            proptest::prop_assert!(!e.message.to_string().is_empty());
        } else {
            // A rule that reads runs on a document without panicking.
            let linter = Linter::with_rules(LintOptions::default(), std::sync::Arc::new(builder.build()));
            let _ = linter.lint_source("prod/p.json", &params("900", "100", "\"root\"", "[]"));
        }
    }
}

#[test]
fn texts_by_language_with_english_for_a_missing_one() {
    let tree = Tree::new(&[
        ("coc-lint.toml", example("X801")),
        ("ok.json", &params("1200", "100", "\"root\"", "[]")),
        ("slow.json", &params("1500", "100", "\"root\"", "[]")),
    ]);
    assert_eq!(tree.team("ok.json"), []);
    assert_eq!(tree.team("slow.json"), pairs(&[("X801", "/timeout")]));
    let message = |lang: &str| {
        let (_, json) = tree.check(&["--lang", lang, "--format", "json", "slow.json"]);
        let d = json["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .find(|d| d["code"] == "X801")
            .expect("the team diagnostic")
            .clone();
        (
            d["message"].as_str().unwrap_or("").to_owned(),
            d["help"].as_str().unwrap_or("").to_owned(),
        )
    };
    assert_eq!(
        message("en-us"),
        (
            "`timeout` is 1500 seconds, but it must be at most 1200".to_owned(),
            "split the work into shorter scripts".to_owned()
        )
    );
    // The help has no Chinese text: the English one is used.
    assert_eq!(
        message("zh-cn"),
        (
            "`timeout`（超时时长）为 1500 秒，但必须不大于 1200".to_owned(),
            "split the work into shorter scripts".to_owned()
        )
    );
    // The rule list shows the summary of the language.
    let rules = |lang: &str| {
        let out = common::bin()
            .args(["rules", "--lang", lang])
            .current_dir(tree.path(""))
            .output()
            .expect("the binary runs");
        String::from_utf8(out.stdout).expect("UTF-8")
    };
    assert!(rules("zh-cn").contains("脚本的超时时长不超过二十分钟"));
    assert!(rules("en-us").contains("Scripts time out within twenty minutes"));

    // A table without Chinese, or with an empty one: English in Chinese runs,
    // never an empty string.
    for zh in ["", ", zh-cn = \"\"", ", zh-cn = \"  \""] {
        let text = one_rule(
            "ScriptExecuteParam.timeout",
            "{ kind = \"range\", max = 1200 }",
            &format!(
                "message = {{ en-us = \"`{{field}}` is too long: {{value}}\"{zh} }}\nhelp = {{ en-us = \"shorten it\"{zh} }}\n"
            ),
        );
        let text = text.replace(
            "summary = \"A team check\"",
            &format!("summary = {{ en-us = \"A team check\"{zh} }}"),
        );
        let tree = Tree::new(&[
            ("coc-lint.toml", &text),
            ("slow.json", &params("1500", "100", "\"root\"", "[]")),
        ]);
        let (_, json) = tree.check(&["--lang", "zh-cn", "--format", "json", "slow.json"]);
        let d = json["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .find(|d| d["code"] == "X900")
            .unwrap_or_else(|| panic!("{json}"))
            .clone();
        assert_eq!(d["message"], "`timeout` is too long: 1500", "{zh}");
        assert_eq!(d["help"], "shorten it", "{zh}");
    }
}

#[test]
fn texts_by_language_are_checked() {
    let base = |message: &str| {
        one_rule(
            "ScriptExecuteParam.timeout",
            "{ kind = \"range\", max = 1200 }",
            &format!("message = {message}\n"),
        )
    };
    // (message, the span at fault, the error's start)
    let cases = [
        (
            "{ en-us = \"{field} is {value}\", zh-tw = \"x\" }",
            "\"x\"",
            "`zh-tw` is no language; a `message` table takes `en-us` and `zh-cn`",
        ),
        (
            "{ zh-cn = \"{field}\" }",
            "{ zh-cn = \"{field}\" }",
            "a `message` table needs `en-us`",
        ),
        (
            "{ en-us = \"{field} is {value}\", zh-cn = \"{field} 为 {constraint}\" }",
            "\"{field} 为 {constraint}\"",
            "the `zh-cn` message uses the placeholders `{constraint}`, `{field}`, but the `en-us` one uses `{field}`, `{value}`",
        ),
        (
            "{ en-us = \"x\", zh-cn = 3 }",
            "3",
            "`message` must be a string, not an integer",
        ),
        (
            "{ en-us = \"x\", zh-cn = \"{valeu}\" }",
            "{valeu}",
            "`{valeu}` is no placeholder",
        ),
    ];
    for (message, spanned, error) in cases {
        let text = base(message);
        let tree = Tree::new(&[("coc-lint.toml", &text)]);
        let e = tree.config_error("p.json");
        let got = e.message.to_string();
        assert!(got.starts_with(error), "{message}: {got}");
        assert_eq!(&text[e.span.clone().expect("a span")], spanned, "{message}");
    }
}
