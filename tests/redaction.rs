//! A secret is masked because of where it sits in the document, whatever
//! rule fired or failed (issue 7, defect 4). Every fault class of the issue
//! is run through the real binary in every output format (read from
//! `coc-lint check --help`, so that a format added later is covered), with
//! colour on and off, from standard input, from a file, as a line of an
//! NDJSON stream and in a directory run; neither standard output nor
//! standard error may hold the secret or any 4-character piece of it.

use std::fs;
use std::process::Output;

use proptest::prelude::*;

mod common;
use common::{run, run_stdin};

/// The secret of every case: distinctive, so that any 4 characters of it
/// in an output are a leak.
const SECRET: &str = "Zq7xK9vWp3Lm";
/// A secret that is a number.
const NUMBER: &str = "73915286407";

const PARAMS: &str = r#""timeout": 300, "success_rate": 100, "execute_user": "root""#;

/// The output formats `check --help` lists.
fn formats() -> Vec<String> {
    static FORMATS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    FORMATS.get_or_init(read_formats).clone()
}

fn read_formats() -> Vec<String> {
    let out = run(&["check", "--help"]);
    let help = String::from_utf8(out.stdout).expect("help is UTF-8");
    let mut lines = help
        .lines()
        .skip_while(|l| !l.trim_start().starts_with("--format"));
    let mut found = Vec::new();
    for line in lines.by_ref() {
        if line.trim() == "Possible values:" {
            break;
        }
    }
    for line in lines {
        let Some(item) = line.trim().strip_prefix("- ") else {
            break;
        };
        found.push(item.split(':').next().unwrap_or("").trim().to_owned());
    }
    assert!(found.len() >= 2, "no formats found in: {help}");
    found
}

/// Every 4-character piece of the secrets found in `text`.
fn leaks(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for secret in [SECRET, NUMBER] {
        let chars: Vec<char> = secret.chars().collect();
        for w in chars.windows(4) {
            let piece: String = w.iter().collect();
            if text.contains(&piece) {
                found.push(piece);
            }
        }
    }
    found
}

fn assert_clean(what: &str, out: &Output) {
    for (name, stream) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        let text = String::from_utf8_lossy(stream);
        let found = leaks(&text);
        assert!(
            found.is_empty(),
            "{what}: {name} shows {found:?} of the secret:\n{text}"
        );
        // A masked literal is not shown either.
        assert!(
            !text.contains(r#""param_value": true"#),
            "{what}: {name}:\n{text}"
        );
    }
}

/// The run linted (exit 0 or 1) and reported something.
fn assert_ran(out: &Output, what: &str) {
    assert!(
        matches!(out.status.code(), Some(0 | 1)) && !out.stdout.is_empty(),
        "{what}: {out:?}"
    );
}

/// One fault class: a name, the document, extra arguments.
struct Case {
    name: &'static str,
    doc: Vec<u8>,
    args: &'static [&'static str],
}

fn case(name: &'static str, doc: impl Into<Vec<u8>>) -> Case {
    Case {
        name,
        doc: doc.into(),
        args: &[],
    }
}

fn param(value: &str) -> String {
    format!(r#"{{{PARAMS}, "script_params": [{{"param_name": "pw", "param_value": {value}}}]}}"#)
}

fn cases() -> Vec<Case> {
    let s = format!("\"{SECRET}\"");
    let script = |attr: &str| {
        format!(
            r#"{{"execute_param": {{{PARAMS}}}, "execute_batches": [{{"batch_index": 1, "rotation_strategy": "PAUSE", "target_instances": [{{"resource_id": "r", "region_id": "x", "custom_attributes": [{{"key": "k", "value": {attr}}}]}}]}}]}}"#
        )
    };
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(format!(r#"{{"timeout": "300s", "success_rate": 100, "execute_user": "root", "script_params": [{{"param_name": "pw", "param_value": {s}}}]}}"#).bytes());
    let mut utf8_after = param(&s).into_bytes();
    utf8_after.truncate(utf8_after.len() - 2);
    utf8_after.extend(b", \"x\": \"\xFF\"}]}");
    // Invalid UTF-8 five characters into the secret.
    let mut utf8_in = param(&s).into_bytes();
    let at = utf8_in
        .windows(SECRET.len())
        .position(|w| w == SECRET.as_bytes())
        .expect("the secret");
    utf8_in.insert(at + 5, 0xC3);
    let mut deep = case(
        "max-depth exceeded",
        format!(
            r#"{{{PARAMS}, "script_params": [{{"param_name": "pw", "param_value": {s}, "deep": [[[[1]]]], "param_value": {s}}}]}}"#
        ),
    );
    deep.args = &["--max-depth", "3"];
    vec![
        case(
            "script_params of the wrong type",
            format!(r#"{{{PARAMS}, "script_params": {{"param_name": "pw", "param_value": {s}}}}}"#),
        ),
        case(
            "misspelled script_param",
            format!(
                r#"{{{PARAMS}, "script_param": [{{"param_name": "pw", "param_value": {s}}}]}}"#
            ),
        ),
        case(
            "misspelled param_valu",
            format!(
                r#"{{{PARAMS}, "script_params": [{{"param_name": "pw", "param_valu": {s}}}]}}"#
            ),
        ),
        case(
            "camel-case paramValue",
            format!(
                r#"{{{PARAMS}, "script_params": [{{"param_name": "pw", "paramValue": {s}}}]}}"#
            ),
        ),
        deep,
        case(
            "syntax error after several secrets on one line",
            format!(
                r#"{{{PARAMS}, "script_params": [{{"param_name": "a", "param_value": {s}}}, {{"param_name": "b", "param_value": "{SECRET}2"}}, {{"param_name": "c", "param_value": "{SECRET}3"}}] oops}}"#
            ),
        ),
        case(
            "invalid escape inside a secret",
            param(r#""Zq7x\qK9vWp3Lm""#),
        ),
        case(
            "control character inside a secret",
            param("\"Zq7x\u{1}K9vWp3Lm\""),
        ),
        case(
            "syntax error just after a secret",
            param(&format!(r#"{s} "x": 1"#)),
        ),
        case("bare word secret", param(SECRET)),
        // Found by the property below: one byte of the key turned into a
        // quote, so the key is `"v"` and the secret follows garbage.
        case(
            "a key damaged by one byte",
            format!(r#"{{"x": {{}}, "v"lue": {s}, "y": 1}}"#),
        ),
        case(
            "a key missing a letter",
            format!(r#"{{"x": 1, "vaue": {s} "y": 1}}"#),
        ),
        case(
            "unterminated secret",
            format!(
                r#"{{{PARAMS}, "script_params": [{{"param_name": "pw", "param_value": "{SECRET}"#
            ),
        ),
        case("numeric secret", param(NUMBER)),
        case("object secret", param(&format!(r#"{{"k": {s}}}"#))),
        case("array secret", param(&format!(r#"[{s}, {NUMBER}]"#))),
        case("boolean secret", param("true")),
        case("numeric custom attribute value", script(NUMBER)),
        case(
            "custom attribute value too long",
            script(&format!("\"{SECRET}{SECRET}\"")),
        ),
        case(
            "CreateScript body with sensitive: true",
            format!(
                r#"{{"name": "deploy", "type": "SHELL", "properties": {{"parameters": [{{"name": "pw", "value": {s}, "description": "d", "sensitive": true}}, {{"name": "tok", "default": "{SECRET}", "sensitive": true}}]}}}}"#
            ),
        ),
        case("invalid UTF-8 after a secret", utf8_after),
        case("invalid UTF-8 inside a secret", utf8_in),
        case("BOM", bom),
        case(
            "value check on a secret",
            param(&format!(r#""{SECRET}..""#)),
        ),
    ]
}

fn is_one_line(doc: &[u8]) -> bool {
    !doc.contains(&b'\n')
}

#[test]
fn every_fault_class_in_every_format_and_mode() {
    let formats = formats();
    let dir = tempfile::tempdir().expect("a temp dir");
    let cases = cases();
    for (i, case) in cases.iter().enumerate() {
        let file = dir.path().join(format!("case{i:02}.json"));
        fs::write(&file, &case.doc).expect("write");
        let mut stream = format!("{{{PARAMS}}}\n").into_bytes();
        stream.extend(&case.doc);
        stream.push(b'\n');
        for format in &formats {
            for color in ["always", "never"] {
                let mut args = vec!["check", "--format", format, "--color", color];
                args.extend(case.args);
                let what = |mode: &str| format!("{} ({mode}, {format}, colour {color})", case.name);
                // Standard input.
                let mut stdin = args.clone();
                stdin.push("-");
                let out = run_stdin(&stdin, &case.doc);
                assert_ran(&out, &what("stdin"));
                assert_clean(&what("stdin"), &out);
                // A file.
                let mut path = args.clone();
                let name = file.to_str().expect("a UTF-8 temp path");
                path.push(name);
                let out = run(&path);
                assert_ran(&out, &what("file"));
                assert_clean(&what("file"), &out);
                // A line of an NDJSON stream.
                if is_one_line(&case.doc) {
                    let mut nd = args.clone();
                    nd.extend(["--ndjson", "-"]);
                    let out = run_stdin(&nd, &stream);
                    assert_ran(&out, &what("ndjson"));
                    assert_clean(&what("ndjson"), &out);
                }
            }
        }
        // The library: no message, help or label quotes it, and every
        // report knows where the secret is.
        let linter = coc_lint::Linter::new();
        let report = linter.lint_bytes("x.json", &case.doc);
        assert!(!report.sensitive.is_empty(), "{}", case.name);
        for d in &report.diagnostics {
            let texts = [Some(&d.message), d.help.as_ref()]
                .into_iter()
                .flatten()
                .chain(d.labels.iter().map(|l| &l.message));
            for text in texts {
                assert!(leaks(text).is_empty(), "{}: {text}", case.name);
            }
        }
    }
    // A directory run over every case at once.
    for format in &formats {
        for color in ["always", "never"] {
            let dir_arg = dir.path().to_str().expect("a UTF-8 temp path");
            let out = run(&["check", "--format", format, "--color", color, dir_arg]);
            assert_ran(&out, "directory");
            assert_clean(&format!("directory ({format}, colour {color})"), &out);
        }
    }
}

#[test]
fn masks_are_of_fixed_width_and_whole() {
    let short = param("\"ab\"");
    let long = param(&format!("\"{SECRET}{SECRET}{SECRET}\""));
    let render = |doc: &str| {
        let doc = doc.replace(r#""timeout": 300"#, r#""timeout": 3000"#);
        // Wide enough that the one-line document is shown whole.
        let mut cmd = common::bin();
        cmd.args(["check", "--color", "never", "-"])
            .env("COLUMNS", "400");
        let out = common::feed(cmd, doc.as_bytes());
        String::from_utf8(out.stdout).expect("UTF-8")
    };
    let (a, b) = (render(&short), render(&long));
    assert!(a.contains(r#""param_value": "****""#), "{a}");
    assert!(b.contains(r#""param_value": "****""#), "{b}");
    let number = render(&param(NUMBER));
    assert!(number.contains(r#""param_value": ****}"#), "{number}");
    let object = render(&param(r#"{"a": [1, 2]}"#));
    assert!(object.contains(r#""param_value": ****}"#), "{object}");
}

#[test]
fn the_library_reports_secrets_for_every_document() {
    let linter = coc_lint::Linter::new();
    // NDJSON: spans are the stream's.
    let stream = format!("{}\n{}\n", param("\"a\""), param("\"b\" x"));
    let report = linter.lint_ndjson("s.ndjson", stream.as_bytes());
    let shown: Vec<&str> = report
        .sensitive
        .iter()
        .map(|s| &stream[s.offset..s.end()])
        .collect();
    // The second line does not parse: the rest of the line after the fault
    // is hidden too.
    assert_eq!(shown, ["\"a\"", "\"b\" x}]}"]);
}

/// A random JSON value (no secret in it).
fn json_value() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("null".to_owned()),
        Just("true".to_owned()),
        (-1000i64..1000).prop_map(|n| n.to_string()),
        "[a-z ]{0,8}".prop_map(|s| format!("\"{s}\"")),
    ];
    leaf.prop_recursive(4, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(|v| format!("[{}]", v.join(", "))),
            prop::collection::vec(("[a-z_]{1,8}", inner), 0..4).prop_map(|v| {
                let members: Vec<String> = v
                    .into_iter()
                    .map(|(k, v)| format!("\"{k}\": {v}"))
                    .collect();
                format!("{{{}}}", members.join(", "))
            }),
        ]
    })
}

/// The secret as a value of some type.
fn secret_value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(format!("\"{SECRET}\"")),
        Just(NUMBER.to_owned()),
        Just(format!("{{\"k\": \"{SECRET}\"}}")),
        Just(format!("[\"{SECRET}\", {NUMBER}]")),
    ]
}

/// A document with the secret under a sensitive key somewhere in it.
fn document() -> impl Strategy<Value = String> {
    (
        json_value(),
        json_value(),
        prop::sample::select(vec!["param_value", "value", "param_valu", "paramValue"]),
        secret_value(),
        0usize..3,
    )
        .prop_map(|(a, b, key, secret, depth)| {
            let mut inner = format!("{{\"x\": {a}, \"{key}\": {secret}, \"y\": {b}}}");
            for _ in 0..depth {
                inner = format!("{{\"script_params\": [{inner}], \"timeout\": 3000}}");
            }
            inner
        })
}

/// A fault applied to a document.
#[derive(Debug, Clone)]
enum Fault {
    None,
    Truncate(prop::sample::Index),
    Flip(prop::sample::Index, u8),
}

fn fault() -> impl Strategy<Value = Fault> {
    prop_oneof![
        Just(Fault::None),
        any::<prop::sample::Index>().prop_map(Fault::Truncate),
        (any::<prop::sample::Index>(), any::<u8>()).prop_map(|(i, b)| Fault::Flip(i, b)),
    ]
}

fn apply(doc: &str, fault: &Fault) -> Vec<u8> {
    let mut bytes = doc.as_bytes().to_vec();
    match fault {
        Fault::None => {}
        Fault::Truncate(i) => bytes.truncate(i.index(bytes.len())),
        Fault::Flip(i, b) => {
            let i = i.index(bytes.len());
            bytes[i] = *b;
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    /// The secret never appears in any format's output, whatever the
    /// document around it and whatever fault it has.
    #[test]
    fn a_secret_never_reaches_any_output(doc in document(), fault in fault()) {
        let bytes = apply(&doc, &fault);
        for format in formats() {
            let out = run_stdin(&["check", "--format", &format, "--color", "always", "-"], &bytes);
            for stream in [&out.stdout, &out.stderr] {
                let text = String::from_utf8_lossy(stream);
                let found = leaks(&text);
                prop_assert!(found.is_empty(), "{format} shows {found:?} of {:?}:\n{text}", String::from_utf8_lossy(&bytes));
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    /// The tokenizer never panics; its spans lie in the input, sorted and
    /// apart.
    #[test]
    fn the_tokenizer_takes_any_bytes(bytes in prop::collection::vec(prop_oneof![
        any::<u8>(),
        prop::sample::select(b"{}[]:,\"'\\ \nvalue param_".to_vec()),
    ], 0..300)) {
        let spans = coc_lint::redact::text(&bytes);
        let mut last_end = 0;
        for s in &spans {
            prop_assert!(s.end() <= bytes.len());
            prop_assert!(s.length > 0);
            prop_assert!(s.offset >= last_end, "{spans:?}");
            last_end = s.end();
        }
    }

    /// The library masks the same way on random documents with a fault.
    #[test]
    fn the_library_always_knows_where_the_secret_is(doc in document(), fault in fault()) {
        let bytes = apply(&doc, &fault);
        let report = coc_lint::Linter::new().lint_bytes("x.json", &bytes);
        for d in &report.diagnostics {
            prop_assert!(leaks(&d.message).is_empty(), "{}", d.message);
        }
        // Every byte of an intact secret is covered.
        if let Some(at) = bytes.windows(SECRET.len()).position(|w| w == SECRET.as_bytes()) {
            prop_assert!(
                report.sensitive.iter().any(|s| s.offset <= at && at + SECRET.len() <= s.end()),
                "{:?} not covered in {:?}", report.sensitive, String::from_utf8_lossy(&bytes)
            );
        }
    }
}
