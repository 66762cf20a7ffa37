//! Messages in Simplified Chinese (`--lang zh-cn`), end to end on the real
//! binary: every invalid fixture in the human and JSON reports (snapshots
//! `tests/snapshots/i18n__zh-cn-*.snap`, reviewed by hand), the same codes,
//! pointers and spans as in English, wide characters in documents and
//! messages, the rule list, the manuals, `--help`, and where the language
//! comes from (`--lang`, then `lang` in coc-lint.toml, then
//! `COC_LINT_LANG`).
//!
//! Update the snapshots with `INSTA_UPDATE=always cargo test --test i18n`,
//! then read every changed line.

mod common;

use std::fs;
use std::path::Path;

use common::{bin, run};
use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn invalid_fixtures() -> Vec<String> {
    let mut files: Vec<String> = fs::read_dir(root().join("fixtures/invalid"))
        .expect("the fixtures")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|n| n.ends_with(".json"))
        .collect();
    files.sort();
    assert!(files.len() > 100);
    files
}

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Display columns of a line: CJK and full-width forms take two.
fn width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            if is_cjk(c)
                || ('\u{ff00}'..='\u{ffef}').contains(&c)
                || ('\u{3000}'..='\u{303f}').contains(&c)
            {
                2
            } else {
                1
            }
        })
        .sum()
}

fn check_json(lang: &str, path: &str) -> Value {
    let out = bin()
        .current_dir(root())
        .args(["check", "--lang", lang, "--format", "json", path])
        .output()
        .expect("the binary runs");
    serde_json::from_slice(&out.stdout).expect("one JSON report")
}

#[test]
fn every_invalid_fixture_in_chinese_human_report() {
    for file in invalid_fixtures() {
        let out = bin()
            .current_dir(root())
            .args([
                "check",
                "--lang",
                "zh-cn",
                &format!("fixtures/invalid/{file}"),
            ])
            .env("COLUMNS", "100")
            .env("NO_COLOR", "1")
            .output()
            .expect("the binary runs");
        let stdout = String::from_utf8(out.stdout).expect("UTF-8");
        let name = format!("zh-cn-human-{}", file.trim_end_matches(".json"));
        insta::assert_snapshot!(name, stdout);
    }
}

#[test]
fn every_invalid_fixture_in_chinese_json_report() {
    for file in invalid_fixtures() {
        let report = check_json("zh-cn", &format!("fixtures/invalid/{file}"));
        let name = format!("zh-cn-json-{}", file.trim_end_matches(".json"));
        insta::assert_snapshot!(name, serde_json::to_string_pretty(&report).expect("JSON"));
    }
}

/// What must not change with the language: everything but the prose.
fn positions(report: &Value) -> Vec<Value> {
    report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            let mut d = d.clone();
            let map = d.as_object_mut().expect("an object");
            map.remove("message");
            map.remove("help");
            for label in map["labels"].as_array_mut().expect("labels") {
                label.as_object_mut().expect("a label").remove("message");
            }
            // A fix's title is prose; its edits are the same.
            if let Some(fix) = map.get_mut("fix").and_then(Value::as_object_mut) {
                fix.remove("message");
            }
            d
        })
        .collect()
}

#[test]
fn chinese_has_the_same_codes_pointers_and_spans_and_every_message_is_chinese() {
    let en = check_json("en-us", "fixtures/invalid");
    let zh = check_json("zh-cn", "fixtures/invalid");
    assert!(en["diagnostics"].as_array().expect("a list").len() > 150);
    assert_eq!(positions(&en), positions(&zh));
    assert_eq!(en["summary"], zh["summary"]);
    let pairs = en["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .zip(zh["diagnostics"].as_array().into_iter().flatten());
    for (e, z) in pairs {
        let (em, zm) = (
            e["message"].as_str().expect("text"),
            z["message"].as_str().expect("text"),
        );
        assert!(zm.chars().any(is_cjk), "{} not in Chinese: {zm}", z["code"]);
        assert_ne!(em, zm);
        // Field names stay as they are: every `field` the English message
        // quotes, the Chinese one quotes too.
        for quoted in em.split('`').skip(1).step_by(2) {
            let is_name =
                quoted.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') && !quoted.is_empty();
            if is_name {
                assert!(
                    zm.contains(&format!("`{quoted}`")),
                    "{zm} lacks `{quoted}` of {em}"
                );
            }
        }
        match (e["help"].as_str(), z["help"].as_str()) {
            (Some(_), Some(zh_help)) => assert!(zh_help.chars().any(is_cjk), "{zh_help}"),
            (None, None) => {}
            other => panic!("help in one language only: {other:?}"),
        }
        if let Some(title) = z["fix"]["message"].as_str() {
            assert!(title.chars().any(is_cjk), "{title}");
        }
        for label in z["labels"].as_array().into_iter().flatten() {
            assert!(
                label["message"]
                    .as_str()
                    .is_some_and(|m| m.chars().any(is_cjk)),
                "{label}"
            );
        }
    }
}

#[test]
fn chinese_in_the_document_and_in_the_message_keeps_columns_and_underlines() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    // The faulty value stands after Chinese text on its line.
    let text = "{\"script_params\": [{\"param_name\": \"名称\", \"param_value\": \"值\"}], \"timeout\": 300, \"success_rate\": 100, \"execute_user\": \"管理员\"}\n";
    let path = dir.path().join("params.json");
    fs::write(&path, text).expect("written");
    let json = check_json("zh-cn", path.to_str().expect("UTF-8"));
    let diagnostics = json["diagnostics"].as_array().expect("a list");
    let user = diagnostics
        .iter()
        .find(|d| d["code"] == "COC206")
        .expect("execute-user-not-root");
    let column = text[..text.find("\"管理员\"").expect("the value")]
        .chars()
        .count()
        + 1;
    assert_eq!(user["column"], column);
    assert_eq!(
        user["end_column"],
        column + 5,
        "columns count characters, not bytes"
    );
    assert_ne!(
        user["offset"],
        column - 1,
        "the document has wide characters before it"
    );
    let name = diagnostics
        .iter()
        .find(|d| d["code"] == "COC209")
        .expect("param-name-charset");
    // The first Chinese character is named in the Chinese message.
    assert!(
        name["message"].as_str().expect("text").contains("`名`"),
        "{name}"
    );
    assert_eq!(json, {
        let mut en = check_json("en-us", path.to_str().expect("UTF-8"));
        for (d, z) in en["diagnostics"]
            .as_array_mut()
            .expect("a list")
            .iter_mut()
            .zip(diagnostics)
        {
            d["message"] = z["message"].clone();
            d["help"] = z["help"].clone();
        }
        en
    });
    for columns in ["100", "60", "40"] {
        let out = bin()
            .args(["check", "--lang", "zh-cn", path.to_str().expect("UTF-8")])
            .env("COLUMNS", columns)
            .env("NO_COLOR", "1")
            .output()
            .expect("the binary runs");
        let stdout = String::from_utf8(out.stdout).expect("UTF-8");
        let limit: usize = columns.parse().expect("a number");
        for line in stdout.lines() {
            assert!(
                width(line) <= limit,
                "{columns}: {line:?} is {} wide",
                width(line)
            );
        }
        // The underline stands under the value: the snippet line's columns
        // before `"管理员"` (each Chinese character two) equal the underline
        // row's before `─`.
        let lines: Vec<&str> = stdout.lines().collect();
        let at = lines
            .iter()
            .position(|l| l.contains("COC206"))
            .expect("the diagnostic");
        let source = lines[at..]
            .iter()
            .find(|l| {
                let numbered = l.trim_start().starts_with(|c: char| c.is_ascii_digit());
                numbered && l.contains(" │ ") && l.contains("\"管理员\"")
            })
            .expect("the snippet");
        let underline = lines[at..]
            .iter()
            .find(|l| l.contains('─') && l.contains('·'))
            .expect("the underline");
        let value_at = width(&source[..source.find("\"管理员\"").expect("the value")]);
        let mark_at = width(&underline[..underline.find('─').expect("a mark")]);
        assert_eq!(value_at, mark_at, "{columns}:\n{source}\n{underline}");
        let marks = underline.chars().filter(|&c| c == '─' || c == '┬').count();
        assert_eq!(marks, width("\"管理员\""), "{underline}");
        // The Chinese message wraps within the width.
        assert!(stdout.contains("`execute_user`（执行用户）"), "{stdout}");
    }
}

#[test]
fn the_summary_line_is_chinese() {
    let out = bin()
        .current_dir(root())
        .args([
            "check",
            "--lang",
            "zh-cn",
            "fixtures/invalid/timeout-out-of-range.json",
            "fixtures/valid",
        ])
        .output()
        .expect("the binary runs");
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    let last = stdout.lines().last().expect("a summary");
    assert!(
        last.starts_with("在 ")
            && last.contains("个文件中发现 1 个错误、")
            && last.ends_with("个警告。"),
        "{last}"
    );
    let dir = tempfile::tempdir().expect("a temporary folder");
    let valid = r#"{"timeout": 300, "success_rate": 100, "execute_user": "root"}"#;
    fs::write(dir.path().join("p.json"), valid).expect("written");
    let out = bin()
        .current_dir(dir.path())
        .args(["check", "--lang", "zh-cn", "p.json"])
        .output()
        .expect("runs");
    assert_eq!(
        String::from_utf8(out.stdout).expect("UTF-8"),
        "在 1 个文件中未发现问题。\n"
    );
}

#[test]
fn rules_and_explain_in_chinese() {
    let out = run(&["rules", "--lang", "zh-cn"]);
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(stdout.lines().count() >= 55);
    for line in stdout.lines() {
        assert!(line.starts_with("COC"), "{line}");
        assert!(line.chars().any(is_cjk), "{line}");
    }
    assert!(stdout.contains("timeout-out-of-range"));
    assert!(
        stdout
            .contains("脚本超时时长（秒）超出了文档规定的范围（`timeout` 必须大于 5 且小于 1800）"),
        "{stdout}"
    );

    let out = run(&["explain", "--lang", "zh-cn", "COC202"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        stdout.starts_with("# COC202 timeout-out-of-range\n\n默认严重级别：error\n"),
        "{stdout}"
    );
    let manual =
        fs::read_to_string(root().join("rules/timeout-out-of-range.zh-cn.md")).expect("the manual");
    let filled = manual.replace("{{constraint}}", "大于 5 且小于 1800");
    assert!(
        stdout.ends_with(&format!("{}\n", filled.trim_end())),
        "{stdout}"
    );
    // The option comes before or after the subcommand's arguments.
    let after = run(&["explain", "COC202", "--lang", "zh-cn"]);
    assert_eq!(after.stdout, stdout.as_bytes());
    let en = String::from_utf8(run(&["explain", "COC202"]).stdout).expect("UTF-8");
    assert!(
        en.contains("## What it does") && !en.contains("## 作用"),
        "{en}"
    );
}

#[test]
fn help_is_chinese_when_asked_before_parsing() {
    for args in [
        &["--lang", "zh-cn", "--help"][..],
        &["--lang=zh-cn", "check", "--help"],
        &["check", "--help", "--lang", "zh-cn"],
        &["rules", "-h", "--lang", "zh-cn"],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let stdout = String::from_utf8(out.stdout).expect("UTF-8");
        assert!(stdout.contains("用法："), "{args:?}: {stdout}");
        for line in stdout.lines() {
            assert!(
                width(line) <= 100,
                "{args:?}: {line:?} is {} wide",
                width(line)
            );
        }
        assert!(stdout.contains("打印帮助"), "{args:?}: {stdout}");
        assert!(
            !stdout.contains("Usage:") && !stdout.contains("Print help"),
            "{stdout}"
        );
    }
    let out = run(&["check", "--help"]);
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        stdout.contains("Usage:") && !stdout.chars().any(is_cjk),
        "{stdout}"
    );
    let zh = bin()
        .args(["check", "--help"])
        .env("COC_LINT_LANG", "zh-cn")
        .output()
        .expect("runs");
    let zh = String::from_utf8(zh.stdout).expect("UTF-8");
    assert!(zh.contains("输出格式：human"), "{zh}");
}

fn timeout_check(dir: &Path, args: &[&str], env: Option<&str>) -> String {
    let mut cmd = bin();
    cmd.current_dir(dir)
        .arg("check")
        .args(args)
        .args(["--format", "json", "p.json"]);
    if let Some(lang) = env {
        cmd.env("COC_LINT_LANG", lang);
    }
    let out = cmd.output().expect("the binary runs");
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    report["diagnostics"][0]["message"]
        .as_str()
        .expect("a message")
        .to_owned()
}

#[test]
fn the_flag_wins_over_the_configuration_which_wins_over_the_environment() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    fs::write(
        dir.path().join("p.json"),
        r#"{"timeout": 3600, "success_rate": 100, "execute_user": "root"}"#,
    )
    .expect("written");
    let en = "`timeout` is 3600, but it must be greater than 5 and less than 1800";
    let zh = "`timeout`（超时时长）为 3600，但必须大于 5 且小于 1800";
    assert_eq!(timeout_check(dir.path(), &[], None), en);
    assert_eq!(timeout_check(dir.path(), &[], Some("zh-cn")), zh);
    assert_eq!(timeout_check(dir.path(), &[], Some("zh_CN")), zh);
    assert_eq!(timeout_check(dir.path(), &["--lang", "zh-cn"], None), zh);
    fs::write(dir.path().join("coc-lint.toml"), "lang = \"en-us\"\n").expect("written");
    assert_eq!(timeout_check(dir.path(), &[], Some("zh-cn")), en);
    assert_eq!(
        timeout_check(dir.path(), &["--lang", "zh-cn"], Some("en-us")),
        zh
    );
    fs::write(dir.path().join("coc-lint.toml"), "lang = \"zh-cn\"\n").expect("written");
    assert_eq!(timeout_check(dir.path(), &[], None), zh);
    assert_eq!(timeout_check(dir.path(), &["--lang", "en-us"], None), en);
    assert_eq!(timeout_check(dir.path(), &["--isolated"], None), en);
    // The rule list of the folder follows its configuration too.
    let out = bin()
        .current_dir(dir.path())
        .arg("rules")
        .output()
        .expect("runs");
    assert!(String::from_utf8(out.stdout)
        .expect("UTF-8")
        .contains("脚本超时时长"));
    // A language that does not exist is an invalid configuration, at its
    // value.
    fs::write(dir.path().join("coc-lint.toml"), "lang = \"fr\"\n").expect("written");
    let out = bin()
        .current_dir(dir.path())
        .args(["check", "--format", "json", "p.json"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let d = &report["diagnostics"][0];
    assert_eq!(
        (d["code"].as_str(), d["column"].as_u64()),
        (Some("COC900"), Some(8)),
        "{d}"
    );
    assert_eq!(
        d["message"],
        "`fr` is no language; write `en-us` or `zh-cn`"
    );
    // A wrong environment variable is named on standard error and ignored.
    fs::remove_file(dir.path().join("coc-lint.toml")).expect("removed");
    let out = bin()
        .current_dir(dir.path())
        .args(["check", "p.json"])
        .env("COC_LINT_LANG", "klingon")
        .output()
        .expect("runs");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("COC_LINT_LANG"),
        "{out:?}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("must be greater than 5"));
    // A bad `--lang` is a usage error.
    assert_eq!(run(&["rules", "--lang", "fr"]).status.code(), Some(2));
}

#[test]
fn the_library_takes_the_language_as_an_option() {
    use coc_lint::i18n::Lang;
    use coc_lint::{LintOptions, Linter};
    let text = r#"{"timeout": 300, "success_rate": 99.55, "execute_user": "root", "colour": 1}"#;
    let en = Linter::new().lint_source("p.json", text);
    let zh = Linter::with_options(LintOptions {
        lang: Lang::ZhCn,
        ..Default::default()
    })
    .lint_source("p.json", text);
    let messages = |r: &coc_lint::FileReport| {
        r.diagnostics
            .iter()
            .map(|d| d.message.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        messages(&en),
        [
            "`success_rate` is 99.55, which has 2 decimal places, but it must be written with at most 1 decimal place",
            "`colour` is not a field of ScriptExecuteParam",
        ]
    );
    assert_eq!(
        messages(&zh),
        [
            "`success_rate`（成功率阈值）为 99.55，有 2 位小数，但必须最多保留 1 位小数",
            "`colour` 不是 ScriptExecuteParam 的字段",
        ]
    );
    assert_eq!(
        zh.diagnostics[0].help.as_deref(),
        Some("将成功率四舍五入到一位小数，例如 99.5")
    );
    for (e, z) in en.diagnostics.iter().zip(&zh.diagnostics) {
        assert_eq!(
            (&e.code, &e.pointer, e.span, e.start, e.end),
            (&z.code, &z.pointer, z.span, z.start, z.end)
        );
    }
}

#[test]
fn an_unused_ignore_is_reported_in_the_language_of_its_configuration() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let valid = r#"{"timeout": 300, "success_rate": 100, "execute_user": "root"}"#;
    fs::write(dir.path().join("p.json"), valid).expect("written");
    fs::write(
        dir.path().join("coc-lint.toml"),
        "lang = \"zh-cn\"\nignore = [\"COC206\"]\n",
    )
    .expect("written");
    let out = bin()
        .current_dir(dir.path())
        .args(["check", "--format", "json", "."])
        .output()
        .expect("the binary runs");
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let d = &report["diagnostics"][0];
    assert_eq!(d["code"], "COC901", "{report}");
    assert_eq!(
        d["message"],
        "对 `COC206` 的忽略在本次运行中没有匹配任何诊断"
    );
    assert_eq!(d["help"], "删除该条目，或将其缩小到仍会触发的规则");
}

/// The first diagnostic of `coc-lint check --format json p.json` in `dir`,
/// with `args` and `COC_LINT_LANG` (when given), and the exit code.
fn first_diagnostic(dir: &Path, args: &[&str], env: Option<&str>) -> (Option<i32>, Value) {
    let mut cmd = bin();
    cmd.current_dir(dir)
        .arg("check")
        .args(args)
        .args(["--format", "json", "p.json"])
        .env_remove("COC_LINT_LANG");
    if let Some(lang) = env {
        cmd.env("COC_LINT_LANG", lang);
    }
    let out = cmd.output().expect("the binary runs");
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    (out.status.code(), report["diagnostics"][0].clone())
}

#[test]
fn configuration_faults_are_told_in_the_language_of_the_run() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    fs::write(
        dir.path().join("p.json"),
        r#"{"timeout": 300, "success_rate": 100, "execute_user": "root"}"#,
    )
    .expect("written");
    let config = |text: &str| fs::write(dir.path().join("coc-lint.toml"), text).expect("written");
    let said = |args: &[&str], env: Option<&str>| {
        let (code, d) = first_diagnostic(dir.path(), args, env);
        assert_eq!(code, Some(2), "{d}");
        assert_eq!(d["code"], "COC900", "{d}");
        (
            d["message"].as_str().unwrap_or("").to_owned(),
            d["help"].as_str().map(str::to_owned),
        )
    };

    // An unknown key: `--lang`, or `COC_LINT_LANG` (the file did not parse,
    // so its own `lang` is not known).
    config("lang = \"zh-cn\"\nselct = [\"COC2\"]\n");
    let en = (
        "`selct` is not a configuration key".to_owned(),
        Some("did you mean `select`?".to_owned()),
    );
    let zh = (
        "`selct` 不是配置项".to_owned(),
        Some("是否想写 `select`？".to_owned()),
    );
    assert_eq!(said(&[], None), en);
    assert_eq!(said(&["--lang", "zh-cn"], None), zh);
    assert_eq!(said(&[], Some("zh-cn")), zh);
    assert_eq!(said(&["--lang", "en-us"], Some("zh-cn")), en);

    // A fault found after the file parsed: its `lang` counts, `--lang` wins.
    config("lang = \"zh-cn\"\n[severity]\nCOC202 = \"loud\"\n");
    assert_eq!(
        said(&[], None).0,
        "`loud` 不是严重级别；请写 `error`、`warning`、`info` 或 `off`"
    );
    assert_eq!(
        said(&["--lang", "en-us"], None).0,
        "`loud` is no severity; write `error`, `warning`, `info` or `off`"
    );

    // toml's own words stay as it writes them, in a Chinese frame.
    config("select = [\n");
    let (message, _) = said(&["--lang", "zh-cn"], None);
    assert!(message.starts_with("配置文件无法解析："), "{message}");
    let (english, _) = said(&[], None);
    assert_eq!(message, format!("配置文件无法解析：{english}"));

    // Each kind of fault, in Chinese.
    for (text, message, help) in [
        (
            "select = [\"COC2O2\"]\n",
            "没有代码或名称为 `COC2O2` 的规则；是否想写 `COC202`？",
            None,
        ),
        (
            "[severity]\nCOC2O2 = \"warning\"\n",
            "[severity] 没有代码或名称为 `COC2O2` 的规则；是否想写 `COC202`？",
            None,
        ),
        (
            "extends = [\"strictest\"]\n",
            "没有名为 `strictest` 的预设",
            Some("预设有 `recommended` and `strict`；文件用路径指定（`./team.toml`）"),
        ),
        (
            "unknown-files = \"maybe\"\n",
            "`unknown-files` 只能是 `skip` 或 `report`，不能是 `maybe`",
            None,
        ),
        (
            "lang = \"fr\"\n",
            "`fr` 不是语言；请写 `en-us` 或 `zh-cn`",
            None,
        ),
        (
            "ignore = [{ rule = \"COC206\", why = \"x\" }]\n",
            "忽略没有 `why` 这个键；可用的键是 `rule` 和 `reason`",
            None,
        ),
        (
            "[secrets]\nextend-names = [\"--\"]\n",
            "敏感参数名至少要有一个字母或数字",
            None,
        ),
        (
            "[secrets]\nextend-patterns = [{ regex = '(' }]\n",
            "`(` 不是有效的正则表达式：error: unclosed group",
            Some("模式使用 Rust `regex` crate 的语法（不支持环视和反向引用）"),
        ),
        ("extends = [\"./missing.toml\"]\n", "无法读取 ", None),
    ] {
        config(text);
        let (got, got_help) = said(&["--lang", "zh-cn"], None);
        assert!(got.starts_with(message), "{text}: {got}");
        if let Some(help) = help {
            assert_eq!(got_help.as_deref(), Some(help), "{text}");
        }
    }
    let (missing, _) = said(&["--lang", "zh-cn"], None);
    assert!(missing.ends_with("：文件或目录不存在"), "{missing}");

    // `rules` and `explain` say it on standard error, with a Chinese label.
    config("[severity]\nCOC202 = \"loud\"\n");
    let out = bin()
        .current_dir(dir.path())
        .args(["rules", "--lang", "zh-cn"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).expect("UTF-8");
    assert!(
        err.starts_with("coc-lint: ") && err.contains("coc-lint.toml:2:10: `loud` 不是严重级别"),
        "{err}"
    );
    config("selct = 1\n");
    let out = bin()
        .current_dir(dir.path())
        .args(["rules", "--lang", "zh-cn"])
        .output()
        .expect("runs");
    let err = String::from_utf8(out.stderr).expect("UTF-8");
    assert!(err.contains("  帮助: 是否想写 `select`？"), "{err}");
}

#[test]
fn fix_hints_labels_and_notes_are_chinese() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    fs::copy(
        root().join("fixtures/invalid/unknown-field-typo.json"),
        dir.path().join("p.json"),
    )
    .expect("copied");
    let stdout = |args: &[&str]| {
        let out = bin()
            .current_dir(dir.path())
            .args(args)
            .env_remove("COC_LINT_LANG")
            .env("COLUMNS", "100")
            .output()
            .expect("runs");
        (
            String::from_utf8(out.stdout).expect("UTF-8"),
            String::from_utf8(out.stderr).expect("UTF-8"),
        )
    };
    let (zh, _) = stdout(&["check", "--lang", "zh-cn", "p.json"]);
    assert!(zh.contains("\n  帮助: 是否想写 `success_rate`？\n"), "{zh}");
    assert!(!zh.contains("help:"), "{zh}");
    assert!(
        zh.contains("\n另有 1 个可用 `--unsafe-fixes` 修复。\n"),
        "{zh}"
    );
    let (en, _) = stdout(&["check", "p.json"]);
    assert!(
        en.contains("\n  help: did you mean `success_rate`?\n"),
        "{en}"
    );
    assert!(
        en.contains("\n1 more fixable with `--unsafe-fixes`.\n"),
        "{en}"
    );
    let (zh, _) = stdout(&["check", "--lang", "zh-cn", "--unsafe-fixes", "p.json"]);
    assert!(zh.contains("\n[*] 1 个问题可用 `--fix` 修复。\n"), "{zh}");
    // The fix's title.
    let (zh, _) = stdout(&["check", "--lang", "zh-cn", "--format", "json", "p.json"]);
    let report: Value = serde_json::from_str(&zh).expect("JSON");
    let fixes: Vec<&str> = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["fix"]["message"].as_str())
        .collect();
    assert_eq!(fixes, ["将 `sucess_rate` 改名为 `success_rate`"]);
    // The concise report's summary line.
    let (zh, _) = stdout(&["check", "--lang", "zh-cn", "--format", "concise", "p.json"]);
    let last = zh.lines().last().unwrap_or("");
    assert!(last.starts_with("在 1 个文件中"), "{zh}");
    // Fixing.
    let (zh, _) = stdout(&[
        "check",
        "--lang",
        "zh-cn",
        "--fix",
        "--unsafe-fixes",
        "p.json",
    ]);
    assert!(zh.contains("已修复 1 个问题，剩余 "), "{zh}");
    // A walk that skips JSON that is no COC document says so on standard
    // error.
    fs::write(dir.path().join("other.json"), r#"{"name": "not a ticket"}"#).expect("written");
    let (_, err) = stdout(&["check", "--lang", "zh-cn", "."]);
    assert!(
        err.contains("注意：跳过了 1 个不是 COC 文档的 JSON 文件（在 coc-lint.toml 中写 `unknown-files = \"report\"` 即可检查它们）"),
        "{err}"
    );
    let (_, err) = stdout(&["check", "."]);
    assert!(
        err.contains("note: skipped 1 JSON file that is no COC document (`unknown-files = \"report\"` in coc-lint.toml lints it)"),
        "{err}"
    );
    // init.
    let (zh, _) = stdout(&["init", "--lang", "zh-cn"]);
    assert_eq!(
        zh,
        "已写入 ./coc-lint.toml：编辑它之后，`coc-lint check` 就会应用它。\n"
    );
    let out = bin()
        .current_dir(dir.path())
        .args(["init", "--lang", "zh-cn"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).expect("UTF-8"),
        "coc-lint: ./coc-lint.toml 已存在，未做改动（删除它才能重新开始）\n"
    );
}

#[test]
fn rules_as_json_are_chinese_when_asked_on_the_command_line() {
    let rules = |args: &[&str], env: Option<&str>| {
        let mut cmd = bin();
        cmd.current_dir(root())
            .args(["rules", "--format", "json"])
            .args(args);
        cmd.env_remove("COC_LINT_LANG");
        if let Some(lang) = env {
            cmd.env("COC_LINT_LANG", lang);
        }
        let out = cmd.output().expect("runs");
        let list: Value = serde_json::from_slice(&out.stdout).expect("JSON");
        list.as_array()
            .expect("a list")
            .iter()
            .find(|r| r["code"] == "COC202")
            .expect("COC202")
            .clone()
    };
    let en = rules(&[], None);
    assert_eq!(
        rules(&[], Some("zh-cn")),
        en,
        "the environment leaves tools English"
    );
    let zh = rules(&["--lang", "zh-cn"], None);
    assert_eq!(zh["code"], en["code"]);
    assert_ne!(zh["summary"], en["summary"]);
    assert!(
        zh["summary"].as_str().unwrap_or("").chars().any(is_cjk),
        "{zh}"
    );
    assert!(
        zh["description"].as_str().unwrap_or("").chars().any(is_cjk),
        "{zh}"
    );
    assert!(zh["doc"].as_str().unwrap_or("").chars().any(is_cjk), "{zh}");
}

#[test]
fn baselines_and_the_output_file_summary_are_chinese() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    fs::create_dir(dir.path().join("params")).expect("mkdir");
    fs::write(
        dir.path().join("params/a.json"),
        "{\n  \"timeout\": 3000,\n  \"success_rate\": 100,\n  \"execute_user\": \"root\"\n}\n",
    )
    .expect("written");
    let run_zh = |args: &[&str]| {
        let out = bin()
            .current_dir(dir.path())
            .args(args)
            .args(["--lang", "zh-cn"])
            .env_remove("COC_LINT_LANG")
            .output()
            .expect("runs");
        (
            String::from_utf8(out.stdout).expect("UTF-8"),
            String::from_utf8(out.stderr).expect("UTF-8"),
        )
    };
    let (said, _) = run_zh(&["check", "--write-baseline", "b.json", "params"]);
    assert_eq!(said, "已将 1 个问题（1 个条目）写入 b.json。\n");
    let (said, _) = run_zh(&["check", "--baseline", "b.json", "params"]);
    assert_eq!(
        said,
        "在 1 个文件中未发现问题。\n基线中的 1 个问题未报告。\n"
    );
    // The finding is fixed: the baseline says so, and lists it.
    fs::write(
        dir.path().join("params/a.json"),
        r#"{"timeout": 300, "success_rate": 100, "execute_user": "root"}"#,
    )
    .expect("written");
    let (said, err) = run_zh(&["check", "--baseline", "b.json", "params"]);
    assert_eq!(
        said,
        "在 1 个文件中未发现问题。\n基线中的 0 个问题未报告；基线中有 1 个问题已修复（列在标准错误中）。\n"
    );
    assert!(
        err.starts_with(
            "注意：以下问题自基线 b.json 写入以来已修复（运行 --write-baseline 可将其删除）：\n"
        ),
        "{err}"
    );
    // The summary line after a report written to a file.
    let (said, _) = run_zh(&["check", "--output-file", "report.txt", "params"]);
    assert_eq!(said, "在 1 个文件中未发现问题。\n");
}

#[test]
fn team_rule_faults_are_told_in_the_language_of_the_run() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    fs::write(
        dir.path().join("p.json"),
        r#"{"timeout": 300, "success_rate": 100, "execute_user": "root"}"#,
    )
    .expect("written");
    let said = |rule: &str, args: &[&str]| {
        let text = format!(
            "[[rule]]\nname = \"team-timeout\"\nseverity = \"error\"\nsummary = \"s\"\ntargets = \"ScriptExecuteParam.timeout\"\n{rule}\n"
        );
        fs::write(dir.path().join("coc-lint.toml"), text).expect("written");
        let (code, d) = first_diagnostic(dir.path(), args, None);
        assert_eq!(code, Some(2), "{d}");
        assert_eq!(d["code"], "COC900", "{d}");
        (
            d["message"].as_str().unwrap_or("").to_owned(),
            d["help"].as_str().map(str::to_owned),
        )
    };
    let zh = ["--lang", "zh-cn"];

    // An unknown check kind, in both languages.
    let rule = "code = \"X101\"\ncheck = { kind = \"rnage\", min = 1 }";
    assert_eq!(
        said(rule, &[]),
        (
            "`rnage` is no check kind".to_owned(),
            Some("did you mean `range`?".to_owned())
        )
    );
    assert_eq!(
        said(rule, &zh),
        (
            "`rnage` 不是检查类型".to_owned(),
            Some("是否想写 `range`？".to_owned())
        )
    );

    // A regex that does not compile: the regex crate's own words stay.
    let rule = "code = \"X101\"\ncheck = { kind = \"pattern\", pattern = \"(\" }";
    let (english, _) = said(rule, &[]);
    let detail = english
        .strip_prefix("`pattern` is not a valid regex: ")
        .expect("the English wording");
    assert_eq!(
        said(rule, &zh).0,
        format!("`pattern` 不是有效的正则表达式：{detail}")
    );

    // A code that is a built-in rule's.
    let rule = "code = \"COC202\"\ncheck = { kind = \"range\", min = 1 }";
    let (message, help) = said(rule, &zh);
    assert!(message.starts_with("`COC202` 已是内置规则 `"), "{message}");
    assert!(message.ends_with("的代码"), "{message}");
    assert!(
        help.as_deref()
            .is_some_and(|h| h.starts_with("以 `COC` 开头的代码属于内置规则")),
        "{help:?}"
    );

    // A parameter of the wrong type, with both type names in Chinese.
    let rule = "code = \"X101\"\ncheck = { kind = \"range\", min = \"1\" }";
    assert_eq!(
        said(rule, &zh).0,
        "`range` 检查的 `min` 必须是数字，不能是字符串"
    );
    assert_eq!(
        said(rule, &[]).0,
        "`min` of a `range` check must be a number, not a string"
    );

    // A key a rule does not take.
    let rule = "code = \"X101\"\ncheck = { kind = \"range\", min = 1 }\nmesage = \"m\"";
    assert_eq!(
        said(rule, &zh),
        (
            "规则没有键 `mesage`".to_owned(),
            Some("是否想写 `message`？".to_owned())
        )
    );
}

#[test]
fn a_team_rule_without_a_message_speaks_the_language_of_the_run() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    fs::write(
        dir.path().join("p.json"),
        r#"{"timeout": 300, "success_rate": 100, "execute_user": "root"}"#,
    )
    .expect("written");
    fs::write(
        dir.path().join("coc-lint.toml"),
        "[[rule]]\ncode = \"X900\"\nname = \"team-params\"\nseverity = \"error\"\nsummary = \"s\"\ntargets = \"ScriptExecuteParam\"\ncheck = { kind = \"required\", keys = [\"script_params\"] }\n",
    )
    .expect("written");
    let said = |args: &[&str]| {
        let (code, d) = first_diagnostic(dir.path(), args, None);
        assert_eq!(code, Some(1), "{d}");
        assert_eq!(d["code"], "X900", "{d}");
        d["message"].as_str().unwrap_or("").to_owned()
    };
    assert_eq!(
        said(&[]),
        "`ScriptExecuteParam` lacks `script_params`, but it must be an object with `script_params`"
    );
    assert_eq!(
        said(&["--lang", "zh-cn"]),
        "`ScriptExecuteParam` 缺少 `script_params`，但它必须是含有 `script_params` 的对象"
    );
}

#[test]
fn baseline_and_output_file_faults_are_chinese() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    fs::write(
        dir.path().join("p.json"),
        r#"{"timeout": 300, "success_rate": 100, "execute_user": "root"}"#,
    )
    .expect("written");
    fs::write(dir.path().join("not-json.json"), "[1,").expect("written");
    fs::write(
        dir.path().join("v2.json"),
        "{\"version\": 2, \"findings\": []}",
    )
    .expect("written");
    let stderr = |args: &[&str]| {
        let out = bin()
            .current_dir(dir.path())
            .args(args)
            .env_remove("COC_LINT_LANG")
            .output()
            .expect("the binary runs");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        String::from_utf8(out.stderr).expect("UTF-8")
    };
    let zh = |args: &[&str]| {
        let mut all = vec!["check", "--lang", "zh-cn"];
        all.extend_from_slice(args);
        all.push("p.json");
        stderr(&all)
    };
    let said = zh(&["--baseline", "not-json.json"]);
    assert!(
        said.contains("not-json.json 不是 coc-lint 基线文件："),
        "{said}"
    );
    let said = zh(&["--baseline", "missing.json"]);
    let read = coc_lint::io::cannot_read_in(
        coc_lint::i18n::Lang::ZhCn,
        "missing.json",
        &std::io::Error::from(std::io::ErrorKind::NotFound),
    );
    assert!(said.contains(&read), "{said}");
    assert!(read.contains("missing.json"), "{read}");
    assert!(read.chars().any(is_cjk), "{read}");
    let said = zh(&["--baseline", "v2.json"]);
    assert!(
        said.contains("v2.json 是版本 2 的基线；此 coc-lint 读取版本 1"),
        "{said}"
    );
    let said = zh(&["-o", "missing/report.txt"]);
    assert!(said.contains("无法创建 missing/report.txt："), "{said}");
    // English stays as it was.
    let said = stderr(&["check", "--baseline", "v2.json", "p.json"]);
    assert!(
        said.contains("v2.json is a baseline of version 2; this coc-lint reads version 1"),
        "{said}"
    );
}

#[test]
fn a_bad_configuration_met_on_a_walk_is_told_in_the_language_of_the_run() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::create_dir_all(dir.path().join("bad")).expect("mkdir");
    std::fs::write(
        dir.path().join("bad/coc-lint.toml"),
        "[severity]\nCOC202 = \"loud\"\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("bad/a.json"),
        r#"{"timeout": 300, "success_rate": 100, "execute_user": "root"}"#,
    )
    .expect("write");
    let out = common::bin()
        .current_dir(dir.path())
        .args(["check", "--lang", "zh-cn", "--format", "json", "."])
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(2));
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let d = &report["diagnostics"][0];
    assert_eq!(d["code"], "COC900");
    let message = d["message"].as_str().expect("a message");
    assert!(message.chars().any(is_cjk), "{message}");
}
