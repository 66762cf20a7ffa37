//! Checks the generator against an independent reference checker of the
//! constraints: valid documents must break none, faulty ones exactly their
//! manifest violations.

use std::collections::{BTreeSet, HashSet};

use coc_lint_bench::{draft, mix_seed, DocKind, Json, Layout, Options, Violation};
use fastrand::Rng;

/// Problems found; `Ok(name)` for a rule the corpus injects, `Err(text)` for
/// anything else (which the generator must never produce).
#[derive(Default)]
struct Findings {
    rules: BTreeSet<&'static str>,
    other: Vec<String>,
}

impl Findings {
    fn rule(&mut self, violation: Violation) {
        self.rules.insert(violation.name());
    }
    fn other(&mut self, text: impl Into<String>) {
        self.other.push(text.into());
    }
}

/// duplicate-key and unknown-field for one object.
fn check_keys(obj: &Json, known: &[&str], f: &mut Findings, what: &str) {
    let Json::Obj(pairs) = obj else {
        f.other(format!("{what} is not an object"));
        return;
    };
    let mut seen = HashSet::new();
    for (key, _) in pairs {
        if !seen.insert(key.as_str()) {
            f.rule(Violation::DuplicateKey);
        }
        if !known.contains(&key.as_str()) {
            f.rule(Violation::UnknownField);
        }
    }
}

fn int(value: &Json) -> Option<i64> {
    match value {
        Json::Num(n) => n.parse().ok(),
        _ => None,
    }
}

fn check_execute_param(ep: &Json, f: &mut Findings) {
    check_keys(
        ep,
        &["timeout", "success_rate", "execute_user", "script_params"],
        f,
        "execute_param",
    );
    match ep.get("timeout") {
        None => f.rule(Violation::MissingRequiredField),
        Some(value) => match int(value) {
            Some(t) if !(6..=1799).contains(&t) => f.rule(Violation::TimeoutOutOfRange),
            Some(_) => {}
            None => f.rule(Violation::WrongType),
        },
    }
    match ep.get("success_rate") {
        None => f.rule(Violation::MissingRequiredField),
        Some(Json::Num(literal)) => {
            let value: f64 = literal.parse().expect("number literal");
            if !(1.0..=100.0).contains(&value) {
                f.rule(Violation::SuccessRateOutOfRange);
            }
            // Decimal places as written, trailing zeros not counted.
            let decimals = literal
                .split_once('.')
                .map_or(0, |(_, frac)| frac.trim_end_matches('0').len());
            if decimals > 1 {
                f.rule(Violation::SuccessRatePrecision);
            }
        }
        Some(_) => f.rule(Violation::WrongType),
    }
    match ep.get("execute_user") {
        None => f.rule(Violation::MissingRequiredField),
        Some(Json::Str(user)) if user != "root" => f.rule(Violation::ExecuteUserNotRoot),
        Some(Json::Str(_)) => {}
        Some(_) => f.rule(Violation::WrongType),
    }
    let Some(params) = ep.get("script_params") else {
        return;
    };
    let Json::Arr(params) = params else {
        f.other("script_params is not an array");
        return;
    };
    if params.len() > 20 {
        f.rule(Violation::TooManyScriptParams);
    }
    let mut names = HashSet::new();
    for param in params {
        check_param(param, &mut names, f);
    }
}

fn value_char_ok(c: char) -> bool {
    c.is_ascii_alphanumeric() || " _-/.*?:\",=+@#[{]}".contains(c)
}

fn check_param<'a>(param: &'a Json, names: &mut HashSet<&'a str>, f: &mut Findings) {
    check_keys(
        param,
        &["param_name", "param_value", "param_refer"],
        f,
        "script param",
    );
    match param.get("param_name") {
        Some(Json::Str(name)) => {
            let len = name.chars().count();
            if !(1..=64).contains(&len) {
                f.rule(Violation::ParamNameLength);
            }
            if !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                f.rule(Violation::ParamNameCharset);
            }
            if !names.insert(name) {
                f.rule(Violation::DuplicateParamName);
            }
        }
        _ => f.other("param_name missing or not a string"),
    }
    let refer = param.get("param_refer");
    if let Some(refer) = refer {
        check_keys(
            refer,
            &["refer_type", "param_id", "param_version"],
            f,
            "param_refer",
        );
        match refer.get("refer_type") {
            Some(Json::Str(t)) if t == "PARAM_STORE" => {}
            Some(Json::Str(_)) => f.rule(Violation::InvalidReferType),
            _ => f.other("refer_type missing or not a string"),
        }
        match refer.get("param_id") {
            Some(Json::Str(id)) if !id.is_empty() => {}
            _ => f.other("param_id missing or empty"),
        }
        if let Some(version) = refer.get("param_version") {
            let ok = version
                .as_str()
                .is_some_and(|v| (1..=10).contains(&v.len()));
            if !ok {
                f.other("bad param_version");
            }
        }
    }
    match param.get("param_value") {
        None => {
            if refer.is_none() {
                f.rule(Violation::ParamValueMissing);
            }
        }
        Some(Json::Str(value)) if value.is_empty() => {
            if refer.is_none() {
                f.rule(Violation::ParamValueMissing);
            }
        }
        Some(Json::Str(value)) => {
            if value.chars().count() > 4096 {
                f.other("param_value too long");
            }
            if !value.chars().all(value_char_ok) {
                f.rule(Violation::ParamValueCharset);
            }
            if value.contains("..") {
                f.rule(Violation::ParamValueConsecutivePeriods);
            }
            if value.starts_with(' ') || value.ends_with(' ') {
                f.other("param_value with leading/trailing space");
            }
            let name = param.get("param_name").and_then(Json::as_str).unwrap_or("");
            if credential_name(name) || credential_value(value) {
                f.rule(Violation::PlaintextSecret);
            }
        }
        Some(_) => f.other("param_value not a string"),
    }
}

// plaintext-secret, as rules/plaintext-secret.md describes it (names, value
// shapes, entropy). The values the generator writes are either far from
// every threshold or squarely past one, so this need not copy coc-lint's
// every edge.

/// Name segments: split at non-alphanumerics and at case changes
/// (`dbPassword`, `APIKey`), lower-cased; digits stay with their letters.
fn segments(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    let mut out = vec![String::new()];
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_ascii_alphanumeric() {
            out.push(String::new());
            continue;
        }
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        let boundary = match prev {
            Some(p) if p.is_ascii_lowercase() && c.is_ascii_uppercase() => true,
            Some(p) if p.is_ascii_uppercase() && c.is_ascii_uppercase() => {
                next.is_some_and(|n| n.is_ascii_lowercase())
            }
            _ => false,
        };
        if boundary {
            out.push(String::new());
        }
        out.last_mut()
            .expect("one segment")
            .push(c.to_ascii_lowercase());
    }
    out.retain(|s| !s.is_empty());
    out
}

fn credential_name(name: &str) -> bool {
    const NAMES: [&str; 25] = [
        "password",
        "passwd",
        "pwd",
        "passphrase",
        "secret",
        "token",
        "ak",
        "sk",
        "access_key",
        "secret_key",
        "private_key",
        "api_key",
        "apikey",
        "accesskey",
        "secretkey",
        "privatekey",
        "credential",
        "credentials",
        "auth_token",
        "bearer",
        "client_secret",
        "session_key",
        "signing_key",
        "encryption_key",
        "master_key",
    ];
    const PARTS: [&str; 5] = ["password", "passwd", "passphrase", "secret", "credential"];
    const EXEMPT: [&str; 34] = [
        "file",
        "path",
        "dir",
        "url",
        "uri",
        "endpoint",
        "name",
        "type",
        "length",
        "len",
        "size",
        "ttl",
        "expiry",
        "expires",
        "timeout",
        "enabled",
        "enable",
        "required",
        "policy",
        "mode",
        "count",
        "format",
        "version",
        "hint",
        "header",
        "field",
        "prefix",
        "region",
        "user",
        "username",
        "algorithm",
        "rotation",
        "min",
        "max",
    ];
    let segs = segments(name);
    let Some(last) = segs.last() else {
        return false;
    };
    let exempt = EXEMPT.contains(&last.as_str());
    let found = NAMES.iter().any(|entry| {
        let entry: Vec<&str> = entry.split('_').collect();
        segs.windows(entry.len()).enumerate().any(|(i, w)| {
            w.iter().zip(&entry).all(|(a, b)| a == b) && (!exempt || i + entry.len() == segs.len())
        })
    });
    if found || exempt {
        return found;
    }
    let squashed: String = segs.concat();
    PARTS.iter().any(|p| squashed.contains(p))
}

fn classes(s: &str) -> usize {
    let lower = s.chars().any(|c| c.is_ascii_lowercase());
    let upper = s.chars().any(|c| c.is_ascii_uppercase());
    let digit = s.chars().any(|c| c.is_ascii_digit());
    let other = s.chars().any(|c| !c.is_ascii_alphanumeric());
    [lower, upper, digit, other].iter().filter(|b| **b).count()
}

fn entropy(s: &str) -> f64 {
    let n = s.chars().count() as f64;
    let mut counts = std::collections::BTreeMap::new();
    for c in s.chars() {
        *counts.entry(c).or_insert(0u32) += 1;
    }
    counts
        .values()
        .map(|&k| f64::from(k) / n)
        .map(|p| -p * p.log2())
        .sum()
}

/// Whether a run of `set` characters of at least `min` starts at `at`.
fn run(value: &str, at: usize, min: usize, set: fn(char) -> bool) -> Option<usize> {
    let len = value[at..].chars().take_while(|&c| set(c)).count();
    (len >= min).then_some(len)
}

fn credential_value(value: &str) -> bool {
    let b64 = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    let alnum = |c: char| c.is_ascii_alphanumeric();
    let upper_digit = |c: char| c.is_ascii_uppercase() || c.is_ascii_digit();
    let starts = |prefix: &str| -> Vec<usize> {
        value
            .match_indices(prefix)
            .map(|(i, _)| i + prefix.len())
            .collect()
    };
    let pem = value.contains("PRIVATE KEY");
    let jwt = starts("eyJ")
        .into_iter()
        .any(|at| run(value, at, 8, b64).is_some_and(|n| value[at + n..].starts_with(".eyJ")));
    let github = starts("ghp_")
        .into_iter()
        .any(|at| run(value, at, 36, alnum).is_some());
    let aws = starts("AKIA")
        .into_iter()
        .any(|at| run(value, at, 16, upper_digit).is_some());
    let url_password = value.split_once("://").is_some_and(|(_, rest)| {
        let authority = rest.split('/').next().unwrap_or("");
        authority.contains('@') && authority.split('@').next().is_some_and(|u| u.contains(':'))
    });
    let len = value.chars().count();
    let huawei_ak = len == 20 && value.chars().all(upper_digit) && classes(value) >= 2;
    let huawei_sk = len == 40 && value.chars().all(alnum) && classes(value) >= 3;
    let key_chars = value
        .trim_end_matches('=')
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "+/_-".contains(c));
    let uuid = len == 36 && value.chars().filter(|&c| c == '-').count() == 4;
    let random = len >= 20
        && key_chars
        && !value.starts_with('/')
        && !uuid
        && classes(value) >= 3
        && entropy(value) >= 4.0;
    pem || jwt || github || aws || url_password || huawei_ak || huawei_sk || random
}

#[test]
fn the_secret_reference_agrees_with_the_rule_documentation() {
    for name in [
        "HUAWEI_SK",
        "dbPassword2",
        "accessKey",
        "OBS_ACCESS_KEY",
        "DBPASSWORD",
        "adminPwd",
    ] {
        assert!(credential_name(name), "{name}");
    }
    for name in [
        "disk_size",
        "task_name",
        "password_file",
        "token_url",
        "db_host",
        "x1",
        "PORT",
    ] {
        assert!(!credential_name(name), "{name}");
    }
    for value in [
        "AKIAIOSFODNN7EXAMPLE",
        "mysql://app:S3cretPw@db.internal:3306/orders",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "ghp_0123456789abcdefghijABCDEFGHIJ0123456789",
    ] {
        assert!(credential_value(value), "{value}");
    }
    for value in [
        "0b7c1a5c9e0d4f2a8b3c6d7e8f9a0b1c2d3e4f5a",
        "3f2c8e4a-1b2c-4d5e-8f9a-0b1c2d3e4f5a",
        "/opt/nginx/release",
        "nginx_backup_logs",
        "Abc123",
        "gateway-1.4.22",
        "http://registry.local:5000/app/web",
    ] {
        assert!(!credential_value(value), "{value}");
    }
}

const STATUSES: [&str; 6] = [
    "READY",
    "PROCESSING",
    "ABNORMAL",
    "PAUSED",
    "CANCELED",
    "FINISHED",
];

/// Status, gmt_* and execute_costs of a ticket or list item.
fn check_status_and_times(obj: &Json, f: &mut Findings) {
    let Some(Json::Str(status)) = obj.get("status") else {
        f.other("status missing or not a string");
        return;
    };
    if !STATUSES.contains(&status.as_str()) {
        f.rule(Violation::InvalidStatus);
        return;
    }
    let created = obj.get("gmt_created").and_then(int);
    let Some(created) = created else {
        f.other("gmt_created missing");
        return;
    };
    let finished = obj.get("gmt_finished");
    let costs = obj.get("execute_costs");
    match status.as_str() {
        "READY" | "PROCESSING" | "PAUSED" => {
            if finished.is_some() || costs.is_some() {
                f.other(format!("{status} ticket with gmt_finished/execute_costs"));
            }
        }
        _ => match (finished, costs) {
            (Some(Json::Null), Some(Json::Null)) if status == "ABNORMAL" => {}
            (Some(fin), Some(cost)) => match (int(fin), int(cost)) {
                (Some(fin), Some(cost)) if fin - created == cost && cost > 0 => {}
                _ => f.other("execute_costs != gmt_finished - gmt_created"),
            },
            _ => f.other(format!(
                "{status} ticket without gmt_finished/execute_costs"
            )),
        },
    }
    match obj.get("execute_uuid").and_then(Json::as_str) {
        Some(id) if id.len() == 26 && id.starts_with("SCT") => {}
        _ => f.other("bad execute_uuid"),
    }
}

fn check_ticket(ticket: &Json, f: &mut Findings) {
    check_keys(
        ticket,
        &[
            "execute_uuid",
            "gmt_created",
            "gmt_finished",
            "execute_costs",
            "creator",
            "status",
            "properties",
        ],
        f,
        "ticket",
    );
    check_status_and_times(ticket, f);
    let Some(props) = ticket.get("properties") else {
        f.other("ticket without properties");
        return;
    };
    check_keys(
        props,
        &[
            "script_uuid",
            "script_name",
            "script_version_uuid",
            "script_version_name",
            "current_execute_batch_index",
            "execute_param",
            "script_source",
        ],
        f,
        "properties",
    );
    match props.get("execute_param") {
        Some(ep) => check_execute_param(ep, f),
        None => f.other("properties without execute_param"),
    }
}

fn check_list(root: &Json, f: &mut Findings) {
    check_keys(root, &["data"], f, "list response");
    let Some(page) = root.get("data") else {
        return f.other("no data");
    };
    check_keys(page, &["total", "data"], f, "list page");
    let Some(Json::Arr(items)) = page.get("data") else {
        return f.other("no data.data");
    };
    let total = page.get("total").and_then(int).unwrap_or(-1);
    if items.is_empty() || items.len() > 100 || total < items.len() as i64 {
        f.other("bad list size/total");
    }
    for item in items {
        check_keys(
            item,
            &[
                "order_id",
                "order_name",
                "execute_uuid",
                "gmt_created",
                "gmt_finished",
                "execute_costs",
                "creator",
                "status",
                "properties",
            ],
            f,
            "list item",
        );
        check_status_and_times(item, f);
        if item.get("order_id").and_then(int).is_none_or(|id| id < 1) {
            f.other("bad order_id");
        }
    }
}

fn check_execute_script(root: &Json, f: &mut Findings) {
    check_keys(
        root,
        &["execute_param", "execute_batches"],
        f,
        "ExecuteScript body",
    );
    match root.get("execute_param") {
        Some(ep) => check_execute_param(ep, f),
        None => f.other("no execute_param"),
    }
    let Some(Json::Arr(batches)) = root.get("execute_batches") else {
        return f.other("no execute_batches");
    };
    if !(1..=20).contains(&batches.len()) {
        f.other("batch count");
    }
    let mut indexes = HashSet::new();
    let mut total_instances = 0;
    for batch in batches {
        check_keys(
            batch,
            &["batch_index", "rotation_strategy", "target_instances"],
            f,
            "batch",
        );
        match batch.get("batch_index").and_then(int) {
            Some(i) if (1..=20).contains(&i) => {
                if !indexes.insert(i) {
                    f.rule(Violation::DuplicateBatchIndex);
                }
            }
            _ => f.other("bad batch_index"),
        }
        match batch.get("rotation_strategy").and_then(Json::as_str) {
            Some("CONTINUE" | "PAUSE") => {}
            Some(_) => f.rule(Violation::InvalidRotationStrategy),
            None => f.other("no rotation_strategy"),
        }
        let Some(Json::Arr(instances)) = batch.get("target_instances") else {
            f.other("no target_instances");
            continue;
        };
        total_instances += instances.len();
        if !(1..=10).contains(&instances.len()) {
            f.other("target_instances count");
        }
        for instance in instances {
            check_keys(
                instance,
                &["resource_id", "region_id", "provider", "type"],
                f,
                "instance",
            );
            let len = |key| instance.get(key).and_then(Json::as_str).map(str::len);
            if !len("resource_id").is_some_and(|n| (1..=64).contains(&n))
                || !len("region_id").is_some_and(|n| (1..=32).contains(&n))
            {
                f.other("bad resource_id/region_id");
            }
        }
    }
    if total_instances > 200 {
        f.other("more than 200 hosts");
    }
}

fn check(kind: DocKind, root: &Json) -> Findings {
    let mut f = Findings::default();
    match kind {
        DocKind::ExecuteParam => check_execute_param(root, &mut f),
        DocKind::Ticket => check_ticket(root, &mut f),
        DocKind::TicketResponse => {
            check_keys(root, &["data"], &mut f, "response");
            match root.get("data") {
                Some(ticket) => check_ticket(ticket, &mut f),
                None => f.other("no data"),
            }
        }
        DocKind::ExecuteScript => check_execute_script(root, &mut f),
        DocKind::TicketList => check_list(root, &mut f),
    }
    f
}

#[test]
fn generated_documents_break_exactly_their_manifest_violations() {
    let options = Options::default();
    let mut faulty = 0;
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    for index in 0..30_000u64 {
        let mut rng = Rng::with_seed(mix_seed(99, index));
        let draft = draft(&mut rng, &options);
        let expected: BTreeSet<&str> = draft.violations.iter().map(|v| v.name()).collect();
        seen.extend(expected.iter().copied());
        faulty += usize::from(!expected.is_empty());
        let generated = draft.clone().finish(&mut rng);
        let parsed = serde_json::from_str::<serde_json::Value>(&generated.text);
        if expected.contains("json-syntax-error") {
            assert_eq!(expected.len(), 1);
            assert!(
                parsed.is_err(),
                "truncated document parses: {}",
                generated.text
            );
            continue;
        }
        assert!(
            parsed.is_ok(),
            "document {index} does not parse: {}",
            generated.text
        );
        let findings = check(draft.kind, &draft.root);
        assert!(
            findings.other.is_empty(),
            "document {index} ({:?}) has unexpected problems {:?}: {}",
            draft.kind,
            findings.other,
            generated.text
        );
        assert_eq!(
            findings.rules, expected,
            "document {index} ({:?}): found vs injected\n{}",
            draft.kind, generated.text
        );
    }
    // About 20 % faulty, and every kind of fault shows up.
    assert!(
        (5_400..6_600).contains(&faulty),
        "{faulty} faulty documents"
    );
    let all: BTreeSet<&str> = Violation::ALL.iter().map(|v| v.name()).collect();
    assert_eq!(seen, all);
}

#[test]
fn rendered_text_matches_the_tree() {
    let options = Options {
        layout: Layout::Mixed,
        ..Options::default()
    };
    for index in 0..2_000u64 {
        let mut rng = Rng::with_seed(mix_seed(5, index));
        let draft = draft(&mut rng, &options);
        if !draft.violations.is_empty() {
            continue;
        }
        let pretty: serde_json::Value =
            serde_json::from_str(&draft.root.render(draft.style)).unwrap();
        let minified: serde_json::Value =
            serde_json::from_str(&draft.root.render(coc_lint_bench::Style::Minified)).unwrap();
        assert_eq!(pretty, minified);
    }
}
