//! Seeded generator of COC script-ticket documents, valid or with injected
//! faults.
//!
//! Every valid document satisfies all constraints the linter checks (see
//! `bench/README.md`); a faulty one carries 1-3 distinct injected violations,
//! each touching a different field so that each produces exactly its own
//! diagnostic.

use std::collections::HashSet;

use fastrand::Rng;

use crate::json::{Json, Style};
use crate::violation::Violation;

/// The five document shapes the corpus mixes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocKind {
    /// `{"data": JobScriptOrderInfoModel}` (GET /v1/job/script/orders/{id}).
    TicketResponse,
    /// A bare `JobScriptOrderInfoModel`.
    Ticket,
    /// A bare `ScriptExecuteParam`.
    ExecuteParam,
    /// The ExecuteScript request body `{"execute_param", "execute_batches"}`.
    ExecuteScript,
    /// `{"data": {"total": N, "data": [JobScriptOrderListModel]}}`.
    TicketList,
}

impl DocKind {
    const WEIGHTED: [(DocKind, u32); 5] = [
        (DocKind::TicketResponse, 38),
        (DocKind::ExecuteParam, 30),
        (DocKind::ExecuteScript, 14),
        (DocKind::TicketList, 10),
        (DocKind::Ticket, 8),
    ];

    /// Short lowercase name, used for folders and file names.
    pub const fn slug(self) -> &'static str {
        match self {
            DocKind::TicketResponse => "ticket-response",
            DocKind::Ticket => "ticket",
            DocKind::ExecuteParam => "execute-param",
            DocKind::ExecuteScript => "execute-script",
            DocKind::TicketList => "ticket-list",
        }
    }

    fn pick(rng: &mut Rng) -> DocKind {
        let total: u32 = Self::WEIGHTED.iter().map(|(_, w)| w).sum();
        let mut roll = rng.u32(0..total);
        for (kind, weight) in Self::WEIGHTED {
            if roll < weight {
                return kind;
            }
            roll -= weight;
        }
        unreachable!("roll is below the total weight")
    }

    /// Where the `ScriptExecuteParam` sits in this kind of document.
    fn execute_param_path(self) -> Option<&'static [&'static str]> {
        match self {
            DocKind::TicketResponse => Some(&["data", "properties", "execute_param"]),
            DocKind::Ticket => Some(&["properties", "execute_param"]),
            DocKind::ExecuteParam => Some(&[]),
            DocKind::ExecuteScript => Some(&["execute_param"]),
            DocKind::TicketList => None,
        }
    }

    /// Where the ticket object sits (the one with `status`).
    fn ticket_path(self) -> Option<&'static [&'static str]> {
        match self {
            DocKind::TicketResponse => Some(&["data"]),
            DocKind::Ticket => Some(&[]),
            _ => None,
        }
    }
}

/// How documents are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// A mix of minified, 2-space pretty and Huawei (`" : "`) pretty.
    Mixed,
    /// Always minified (NDJSON).
    Minified,
}

/// Generator settings.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Share of documents that get injected violations.
    pub fault_rate: f64,
    pub layout: Layout,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            fault_rate: 0.2,
            layout: Layout::Mixed,
        }
    }
}

/// One generated document.
#[derive(Debug, Clone)]
pub struct Generated {
    pub kind: DocKind,
    pub text: String,
    /// Injected violations, distinct, in injection order; empty when valid.
    pub violations: Vec<Violation>,
}

/// Share of faulty documents that are truncated (json-syntax-error) instead
/// of getting semantic faults.
const SYNTAX_ERROR_SHARE: f64 = 0.03;

/// Valid documents are padded with script params up to about this size.
const MIN_DOC_BYTES: usize = 520;

/// Generates one document.
pub fn generate(rng: &mut Rng, options: &Options) -> Generated {
    draft(rng, options).finish(rng)
}

/// A document before it is rendered: the tree (keys may repeat, numbers are
/// kept as written), its layout and its injected violations.
#[derive(Debug, Clone)]
pub struct Draft {
    pub kind: DocKind,
    pub root: Json,
    pub style: Style,
    /// Injected violations, distinct, in injection order; empty when valid.
    /// `[JsonSyntaxError]` means the rendered text will be truncated.
    pub violations: Vec<Violation>,
}

impl Draft {
    /// Renders the document (and truncates it for json-syntax-error).
    pub fn finish(self, rng: &mut Rng) -> Generated {
        let mut text = self.root.render(self.style);
        if self.violations.contains(&Violation::JsonSyntaxError) {
            truncate_text(rng, &mut text);
        }
        Generated {
            kind: self.kind,
            text,
            violations: self.violations,
        }
    }
}

/// Builds one document tree; [`generate`] is `draft(..).finish(..)`.
pub fn draft(rng: &mut Rng, options: &Options) -> Draft {
    let kind = DocKind::pick(rng);
    let mut doc = Doc::new(rng, kind);
    let mut violations = Vec::new();
    if rng.f64() < options.fault_rate {
        if rng.f64() < SYNTAX_ERROR_SHARE {
            violations.push(Violation::JsonSyntaxError);
        } else {
            let wanted = match rng.u32(0..100) {
                0..=59 => 1,
                60..=87 => 2,
                _ => 3,
            };
            violations = doc.inject(rng, wanted);
        }
    }
    let style = match options.layout {
        Layout::Minified => Style::Minified,
        Layout::Mixed => match rng.u32(0..10) {
            0..=3 => Style::Minified,
            4..=6 => Style::Huawei,
            _ => Style::Pretty,
        },
    };
    Draft {
        kind,
        root: doc.root,
        style,
        violations,
    }
}

/// A valid `ScriptExecuteParam` with `count` script params (too-many-script-params
/// when `count` > 20; nothing else wrong).
pub fn big_execute_param(rng: &mut Rng, count: usize) -> Json {
    let params = (0..count)
        .map(|i| {
            Json::Obj(vec![
                ("param_name".into(), Json::str(format!("param_{i:05}"))),
                ("param_value".into(), Json::str(param_value(rng))),
            ])
        })
        .collect();
    Json::Obj(vec![
        ("timeout".into(), Json::int(300)),
        ("execute_user".into(), Json::str("root")),
        ("success_rate".into(), Json::num("100.0")),
        ("script_params".into(), Json::Arr(params)),
    ])
}

/// Cuts the text somewhere in its middle, always before the closing brace, so
/// that it is never valid JSON.
fn truncate_text(rng: &mut Rng, text: &mut String) {
    let len = text.len();
    let mut cut = rng.usize(len / 4..=len * 3 / 4);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    text.truncate(cut);
}

// ---------------------------------------------------------------------------
// Valid building blocks
// ---------------------------------------------------------------------------

const WORDS: [&str; 24] = [
    "nginx", "redis", "mysql", "app", "deploy", "backup", "logs", "cache", "config", "release",
    "worker", "api", "gateway", "data", "tmp", "scripts", "cron", "metrics", "kafka", "web",
    "order", "billing", "node", "agent",
];

const PARAM_NAMES: [&str; 32] = [
    "db_host",
    "db_port",
    "PORT",
    "retry_count",
    "log_dir",
    "app_version",
    "target_env",
    "timeout_sec",
    "user_list",
    "mode",
    "config_path",
    "backup_dir",
    "service_name",
    "MAX_CONN",
    "region",
    "image_tag",
    "cluster_id",
    "dry_run",
    "batch_size",
    "pkg_url",
    "owner_email",
    "cron_expr",
    "JAVA_OPTS",
    "threads",
    "keep_days",
    "endpoint",
    "labels",
    "a",
    "value",
    "x1",
    "DEPLOY_ROOT",
    "health_check_url",
];

const HOSTS: [&str; 5] = [
    "repo.example.com",
    "mirror.internal",
    "obs.cn-north-4.myhuaweicloud.com",
    "10.0.3.17",
    "registry.local",
];

const REGIONS: [&str; 6] = [
    "cn-north-4",
    "cn-north-7",
    "cn-east-3",
    "cn-south-1",
    "ap-southeast-3",
    "eu-west-101",
];

const CREATORS: [&str; 6] = [
    "xxxxxxxxxxxcontainer1",
    "ops_admin",
    "zhang_wei",
    "devops-bot",
    "li.na",
    "release_pipeline",
];

fn pick<T: Clone>(rng: &mut Rng, items: &[T]) -> T {
    items[rng.usize(0..items.len())].clone()
}

fn hex(rng: &mut Rng, len: usize) -> String {
    (0..len)
        .map(|_| char::from(b"0123456789abcdef"[rng.usize(0..16)]))
        .collect()
}

fn alnum(rng: &mut Rng, len: usize) -> String {
    (0..len).map(|_| rng.alphanumeric()).collect()
}

/// Lower-case letters and digits: names whose segments (split at case
/// changes, as `plaintext-secret` splits them) never spell a credential name.
fn lower_alnum(rng: &mut Rng, len: usize) -> String {
    (0..len)
        .map(|_| char::from(b"abcdefghijklmnopqrstuvwxyz0123456789"[rng.usize(0..36)]))
        .collect()
}

/// An identifier-like parameter value that is no credential: a commit id or
/// an image digest (hexadecimal, so lower case and digits only), a UUID, a
/// version tag (it has periods) or a short token (under 20 characters).
/// Mixed-case random strings of 20 characters or more are what generated
/// keys look like, and `plaintext-secret` rightly reports them: the corpus
/// writes those only as injected faults ([`secret_value`]).
fn token_like(rng: &mut Rng) -> String {
    match rng.u32(0..5) {
        0 => hex(rng, 40),
        1 => format!("sha256:{}", hex(rng, 64)),
        2 => uuid(rng),
        3 => format!(
            "{}-{}.{}.{}",
            word(rng),
            rng.u32(0..10),
            rng.u32(0..30),
            rng.u32(0..100)
        ),
        _ => {
            let len = rng.usize(1..20);
            alnum(rng, len)
        }
    }
}

/// `len` characters from `alphabet`, with at least one from each of `must`
/// (each a subset of `alphabet`), so that the mix of character classes a
/// secret pattern asks for is certain.
fn mixed(rng: &mut Rng, len: usize, alphabet: &[u8], must: &[&[u8]]) -> String {
    let mut out: Vec<u8> = (0..len)
        .map(|_| alphabet[rng.usize(0..alphabet.len())])
        .collect();
    let mut slots: Vec<usize> = (0..len).collect();
    rng.shuffle(&mut slots);
    for (set, &slot) in must.iter().zip(&slots) {
        out[slot] = set[rng.usize(0..set.len())];
    }
    out.into_iter().map(char::from).collect()
}

const UPPER: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const LOWER: &[u8] = b"abcdefghijklmnopqrstuvwxyz";
const DIGITS: &[u8] = b"0123456789";
const ALNUM: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const UPPER_DIGITS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const B64URL: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

/// Shannon entropy in bits per character.
fn entropy(s: &str) -> f64 {
    let mut counts = std::collections::HashMap::new();
    for c in s.chars() {
        *counts.entry(c).or_insert(0usize) += 1;
    }
    let n = s.chars().count() as f64;
    counts
        .values()
        .map(|&k| {
            let p = k as f64 / n;
            -p * p.log2()
        })
        .sum()
}

/// A credential written as a plain parameter value (the plaintext-secret
/// fault): shapes of real keys and tokens, each within the parameter value
/// character set.
fn secret_value(rng: &mut Rng) -> String {
    match rng.u32(0..7) {
        // A Huawei Cloud secret key: 40 letters and digits of both cases.
        0 => mixed(rng, 40, ALNUM, &[UPPER, LOWER, DIGITS]),
        // A Huawei Cloud access key: 20 upper-case letters and digits.
        1 => mixed(rng, 20, UPPER_DIGITS, &[UPPER, DIGITS]),
        // An AWS access key id.
        2 => format!("AKIA{}", mixed(rng, 16, UPPER_DIGITS, &[])),
        // A GitHub personal access token.
        3 => format!("ghp_{}", mixed(rng, 36, ALNUM, &[])),
        // A password inside a connection URL.
        4 => {
            let scheme = pick(rng, &["mysql", "postgres", "redis", "amqp"]);
            let user = word(rng);
            let len = rng.usize(8..16);
            let password = mixed(rng, len, ALNUM, &[UPPER, LOWER, DIGITS]);
            let host = pick(rng, &HOSTS);
            let port = rng.u32(1024..9000);
            format!("{scheme}://{user}:{password}@{host}:{port}/{}", word(rng))
        }
        // A JSON Web Token.
        5 => {
            let lens = [rng.usize(12..30), rng.usize(20..40), rng.usize(20..43)];
            let [header, payload, signature] = lens.map(|len| mixed(rng, len, B64URL, &[]));
            format!("eyJ{header}.eyJ{payload}.{signature}")
        }
        // A generated key of no known shape: long, mixed, high entropy.
        _ => loop {
            let len = rng.usize(24..=64);
            let key = mixed(rng, len, ALNUM, &[UPPER, LOWER, DIGITS]);
            if entropy(&key) >= 4.3 {
                break key;
            }
        },
    }
}

/// Parameter names that say their value is a credential (none of them is in
/// [`PARAM_NAMES`] or can be a [`Doc::fresh_name`]).
const SECRET_NAMES: [&str; 8] = [
    "db_password",
    "HUAWEI_SK",
    "api_token",
    "OBS_ACCESS_KEY",
    "redis_passwd",
    "client_secret",
    "adminPwd",
    "jwtSigningKey",
];

fn uuid(rng: &mut Rng) -> String {
    format!(
        "{}-{}-{}-{}-{}",
        hex(rng, 8),
        hex(rng, 4),
        hex(rng, 4),
        hex(rng, 4),
        hex(rng, 12)
    )
}

/// `YYYYMMDDhhmmss` (UTC) of an epoch-milliseconds instant.
fn compact_timestamp(epoch_ms: i64) -> String {
    let secs = epoch_ms.div_euclid(1000);
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}{month:02}{day:02}{:02}{:02}{:02}",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// A valid timeout: an integer with 5 < timeout < 1800.
fn timeout(rng: &mut Rng) -> Json {
    let value = match rng.u32(0..10) {
        0..=4 => pick(rng, &[30, 60, 120, 300, 600, 900, 1200]),
        5 => pick(rng, &[6, 1799]),
        _ => rng.i64(6..=1799),
    };
    Json::int(value)
}

/// A valid success rate literal: 1..=100 with at most one decimal as written.
fn success_rate(rng: &mut Rng) -> Json {
    let literal = match rng.u32(0..10) {
        0 => "100".to_owned(),
        1 => "100.0".to_owned(),
        2 => pick(rng, &["94.1", "99.5", "1.0", "1", "99.9", "50"]).to_owned(),
        3..=6 => format!("{}.{}", rng.u32(1..=99), rng.u32(0..=9)),
        _ => rng.u32(1..=100).to_string(),
    };
    Json::num(literal)
}

fn word(rng: &mut Rng) -> &'static str {
    pick(rng, &WORDS)
}

/// A valid parameter value: 1-120 characters from the allowed set
/// (letters, digits, space and `_-/.*?:",=+@#[{]}`), never `..`, never
/// starting or ending with a space.
fn param_value(rng: &mut Rng) -> String {
    let value = match rng.u32(0..12) {
        0 => format!("/opt/{}/{}", word(rng), word(rng)),
        1 => format!(
            "/var/log/{}/{}.{}",
            word(rng),
            word(rng),
            pick(rng, &["log", "conf", "sh", "py"])
        ),
        2 => format!(
            "{}={},{}={}",
            word(rng),
            rng.u32(0..1000),
            word(rng),
            word(rng)
        ),
        3 => format!(
            "http://{}:{}/{}/{}",
            pick(rng, &HOSTS),
            rng.u32(80..9000),
            word(rng),
            word(rng)
        ),
        4 => format!("{}@{}", word(rng), pick(rng, &HOSTS)),
        5 => format!("{}.{}.{}", rng.u32(0..10), rng.u32(0..30), rng.u32(0..100)),
        6 => {
            let count = rng.usize(1..12);
            let words: Vec<&str> = (0..count).map(|_| word(rng)).collect();
            words.join(" ")
        }
        7 => format!(
            r#"{{"{}":"{}","n":[{},{}]}}"#,
            word(rng),
            word(rng),
            rng.u32(0..10),
            rng.u32(0..10)
        ),
        8 => token_like(rng),
        9 => pick(
            rng,
            &[
                "*.log",
                "#release",
                "a+b",
                "what?",
                "x_y-z",
                "[1,2,3]",
                "{a}",
                "key:value",
                "C",
                "=",
            ],
        )
        .to_owned(),
        10 => format!(
            "--{} {} --{}={}",
            word(rng),
            word(rng),
            word(rng),
            rng.u32(0..100)
        ),
        _ => (0..rng.usize(1..5))
            .map(|_| word(rng))
            .collect::<Vec<_>>()
            .join("_"),
    };
    debug_assert!(!value.contains(".."), "generated value {value:?} has '..'");
    value
}

fn param_refer(rng: &mut Rng) -> Json {
    let mut refer = Json::Obj(vec![
        ("refer_type".into(), Json::str("PARAM_STORE")),
        ("param_id".into(), Json::str(hex(rng, 32))),
    ]);
    if rng.bool() {
        refer.push("param_version", Json::str(pick(rng, &["v1", "v2", "v10"])));
    }
    refer
}

/// A valid script param named `name`; sometimes a parameter-store reference
/// with an empty or absent value.
fn script_param(rng: &mut Rng, name: &str) -> Json {
    let mut param = Json::Obj(vec![("param_name".into(), Json::str(name))]);
    if rng.u32(0..100) < 15 {
        match rng.u32(0..10) {
            0..=3 => param.push("param_value", Json::str("")),
            4..=6 => {}
            _ => param.push("param_value", Json::str(param_value(rng))),
        }
        param.push("param_refer", param_refer(rng));
    } else {
        param.push("param_value", Json::str(param_value(rng)));
    }
    param
}

/// The names of `count` distinct valid params, sometimes with a 64-char one.
fn param_names(rng: &mut Rng, count: usize) -> Vec<String> {
    let mut pool: Vec<&str> = PARAM_NAMES.to_vec();
    rng.shuffle(&mut pool);
    let mut names: Vec<String> = pool.iter().take(count).map(|s| (*s).to_owned()).collect();
    if count > 0 && rng.u32(0..40) == 0 {
        names[0] = format!("p{}", lower_alnum(rng, 63));
    }
    names
}

/// A valid `ScriptExecuteParam` with `count` params.
fn execute_param(rng: &mut Rng, count: usize) -> Json {
    let params: Vec<Json> = param_names(rng, count)
        .iter()
        .map(|name| script_param(rng, name))
        .collect();
    let timeout = timeout(rng);
    let success_rate = success_rate(rng);
    let user = Json::str("root");
    let mut pairs = if rng.u32(0..10) < 7 {
        // Order of the Huawei documentation examples.
        vec![
            ("timeout".to_owned(), timeout),
            ("execute_user".to_owned(), user),
            ("success_rate".to_owned(), success_rate),
        ]
    } else {
        // Alphabetical, as stored by the API Explorer.
        vec![
            ("execute_user".to_owned(), user),
            ("success_rate".to_owned(), success_rate),
            ("timeout".to_owned(), timeout),
        ]
    };
    if !params.is_empty() || rng.bool() {
        pairs.push(("script_params".to_owned(), Json::Arr(params)));
    }
    Json::Obj(pairs)
}

/// How a ticket's end is reported.
enum Finish {
    /// READY / PROCESSING / PAUSED: no `gmt_finished`, no `execute_costs`.
    Open,
    /// ABNORMAL, sometimes: both `null`.
    Nulls,
    /// `gmt_finished` and `execute_costs = gmt_finished - gmt_created` (ms).
    At { finished: i64, costs: i64 },
}

/// `gmt_created` and a finish consistent with the status.
fn ticket_times(rng: &mut Rng, status: &str) -> (i64, Finish) {
    let created = rng.i64(1_690_000_000_000..1_760_000_000_000);
    let costs = rng.i64(800..1_800_000);
    let finish = match status {
        "READY" | "PROCESSING" | "PAUSED" => Finish::Open,
        "ABNORMAL" if rng.bool() => Finish::Nulls,
        _ => Finish::At {
            finished: created + costs,
            costs,
        },
    };
    (created, finish)
}

fn push_times(obj: &mut Json, created: i64, finish: Finish) {
    obj.push("gmt_created", Json::int(created));
    match finish {
        Finish::Open => {}
        Finish::Nulls => {
            obj.push("gmt_finished", Json::Null);
            obj.push("execute_costs", Json::Null);
        }
        Finish::At { finished, costs } => {
            obj.push("gmt_finished", Json::int(finished));
            obj.push("execute_costs", Json::int(costs));
        }
    }
}

fn status(rng: &mut Rng) -> &'static str {
    match rng.u32(0..100) {
        0..=39 => "FINISHED",
        40..=51 => "CANCELED",
        52..=66 => "ABNORMAL",
        67..=79 => "PROCESSING",
        80..=89 => "READY",
        _ => "PAUSED",
    }
}

fn execute_uuid(rng: &mut Rng, created: i64) -> String {
    format!("SCT{}{}", compact_timestamp(created), hex(rng, 9))
}

/// A valid `JobScriptOrderInfoModel`.
fn ticket(rng: &mut Rng, execute_param: Json) -> Json {
    let status = status(rng);
    let (created, finished) = ticket_times(rng, status);
    let mut ticket = Json::Obj(vec![(
        "execute_uuid".into(),
        Json::str(execute_uuid(rng, created)),
    )]);
    push_times(&mut ticket, created, finished);
    ticket.push("creator", Json::str(pick(rng, &CREATORS)));
    ticket.push("status", Json::str(status));

    let script_created = created - rng.i64(0..90 * 86_400_000);
    let mut props = Json::Obj(vec![
        (
            "script_uuid".into(),
            Json::str(format!(
                "SC{}{}",
                compact_timestamp(script_created),
                hex(rng, 9)
            )),
        ),
        (
            "script_name".into(),
            Json::str(format!(
                "{}_{}_{:02}",
                word(rng),
                word(rng),
                rng.u32(0..100)
            )),
        ),
    ]);
    if rng.u32(0..100) < 15 {
        props.push("script_version_uuid", Json::int(rng.i64(1..1_000_000)));
        props.push(
            "script_version_name",
            Json::str(format!("v1.{}.{}", rng.u32(0..10), rng.u32(0..10))),
        );
    }
    props.push("current_execute_batch_index", Json::int(rng.i64(1..=5)));
    props.push("execute_param", execute_param);
    if rng.u32(0..10) < 7 {
        props.push("script_source", Json::str("CUSTOM_SCRIPT"));
    }
    ticket.push("properties", props);
    ticket
}

/// A valid `JobScriptOrderListModel`.
fn list_item(rng: &mut Rng) -> Json {
    let status = status(rng);
    let (created, finished) = ticket_times(rng, status);
    let mut item = Json::Obj(vec![
        ("order_id".into(), Json::int(rng.i64(1..100_000))),
        (
            "order_name".into(),
            Json::str(format!("{}_{:04}", word(rng), rng.u32(0..10_000))),
        ),
        ("execute_uuid".into(), Json::str(execute_uuid(rng, created))),
    ]);
    push_times(&mut item, created, finished);
    item.push("creator", Json::str(pick(rng, &CREATORS)));
    item.push("status", Json::str(status));
    item.push(
        "properties",
        Json::Obj(vec![("region_ids".into(), Json::str(pick(rng, &REGIONS)))]),
    );
    item
}

fn target_instance(rng: &mut Rng, region: &str, typed: bool) -> Json {
    let mut instance = Json::Obj(vec![
        ("resource_id".into(), Json::str(uuid(rng))),
        ("region_id".into(), Json::str(region)),
    ]);
    if typed {
        instance.push("provider", Json::str("ECS"));
        instance.push("type", Json::str("CLOUDSERVER"));
    }
    instance
}

/// A valid `ExecuteInstancesBatchInfo` with the given index.
fn batch(rng: &mut Rng, index: i64, region: &str, typed: bool) -> Json {
    let count = rng.usize(1..=4);
    let instances = (0..count)
        .map(|_| target_instance(rng, region, typed))
        .collect();
    Json::Obj(vec![
        ("batch_index".into(), Json::int(index)),
        (
            "rotation_strategy".into(),
            Json::str(pick(rng, &["CONTINUE", "PAUSE"])),
        ),
        ("target_instances".into(), Json::Arr(instances)),
    ])
}

// ---------------------------------------------------------------------------
// A document under construction, and fault injection
// ---------------------------------------------------------------------------

struct Doc {
    kind: DocKind,
    root: Json,
    /// Fields already mutated; each injected fault takes fresh ones.
    touched: HashSet<String>,
    /// Counter for fresh param names.
    fresh: u32,
    /// Region and typing of the ExecuteScript body's instances.
    region: &'static str,
    typed: bool,
}

impl Doc {
    fn new(rng: &mut Rng, kind: DocKind) -> Doc {
        let region = pick(rng, &REGIONS);
        let typed = rng.u32(0..5) == 0;
        let max_params = if kind == DocKind::ExecuteParam { 8 } else { 6 };
        let count = rng.usize(0..=max_params);
        let ep = execute_param(rng, count);
        let root = match kind {
            DocKind::ExecuteParam => ep,
            DocKind::Ticket => ticket(rng, ep),
            DocKind::TicketResponse => Json::Obj(vec![("data".into(), ticket(rng, ep))]),
            DocKind::ExecuteScript => {
                let batches = (1..=rng.i64(1..=3))
                    .map(|index| batch(rng, index, region, typed))
                    .collect();
                Json::Obj(vec![
                    ("execute_param".into(), ep),
                    ("execute_batches".into(), Json::Arr(batches)),
                ])
            }
            DocKind::TicketList => {
                let count = rng.usize(1..=5);
                let items: Vec<Json> = (0..count).map(|_| list_item(rng)).collect();
                let total = (count + rng.usize(0..300)) as i64;
                Json::Obj(vec![(
                    "data".into(),
                    Json::Obj(vec![
                        ("total".into(), Json::int(total)),
                        ("data".into(), Json::Arr(items)),
                    ]),
                )])
            }
        };
        let mut doc = Doc {
            kind,
            root,
            touched: HashSet::new(),
            fresh: 0,
            region,
            typed,
        };
        doc.pad(rng);
        doc
    }

    /// Adds valid params until the document reaches [`MIN_DOC_BYTES`]
    /// (minified) or has 8 params.
    fn pad(&mut self, rng: &mut Rng) {
        if self.kind == DocKind::TicketList {
            return;
        }
        while self.root.render(Style::Minified).len() < MIN_DOC_BYTES && self.param_count() < 8 {
            self.add_param(rng);
        }
    }

    fn ep(&mut self) -> Option<&mut Json> {
        let path = self.kind.execute_param_path()?;
        self.root.at_mut(path)
    }

    fn ticket(&mut self) -> Option<&mut Json> {
        let path = self.kind.ticket_path()?;
        self.root.at_mut(path)
    }

    fn params(&mut self) -> Option<&mut Vec<Json>> {
        let ep = self.ep()?;
        if ep.get("script_params").is_none() {
            ep.push("script_params", Json::Arr(Vec::new()));
        }
        ep.get_mut("script_params")?.as_array_mut()
    }

    fn param_count(&mut self) -> usize {
        self.params().map_or(0, |p| p.len())
    }

    /// A param name not used in this document.
    fn fresh_name(&mut self, rng: &mut Rng) -> String {
        self.fresh += 1;
        format!("{}_{}{}", word(rng), lower_alnum(rng, 3), self.fresh)
    }

    /// Appends a fresh valid param; returns its index.
    fn add_param(&mut self, rng: &mut Rng) -> Option<usize> {
        let name = self.fresh_name(rng);
        let param = script_param(rng, &name);
        let params = self.params()?;
        params.push(param);
        Some(params.len() - 1)
    }

    /// Claims a slot; false if another fault already uses it.
    fn claim(&mut self, slot: String) -> bool {
        self.touched.insert(slot)
    }

    /// An untouched param (adding one if needed), claimed.
    fn take_param(&mut self, rng: &mut Rng) -> Option<usize> {
        let count = self.param_count();
        let free: Vec<usize> = (0..count)
            .filter(|i| !self.touched.contains(&format!("param.{i}")))
            .collect();
        let index = if free.is_empty() {
            self.add_param(rng)?
        } else {
            free[rng.usize(0..free.len())]
        };
        self.claim(format!("param.{index}"));
        Some(index)
    }

    /// An untouched required key of the execute param, claimed.
    fn take_ep_key(&mut self, rng: &mut Rng, keys: &[&'static str]) -> Option<&'static str> {
        self.ep()?;
        let free: Vec<&'static str> = keys
            .iter()
            .copied()
            .filter(|k| !self.touched.contains(*k))
            .collect();
        if free.is_empty() {
            return None;
        }
        let key = free[rng.usize(0..free.len())];
        self.claim(key.to_owned());
        Some(key)
    }

    fn param_mut(&mut self, index: usize) -> &mut Json {
        &mut self.params().expect("document has params")[index]
    }

    /// Injects up to `wanted` distinct violations; returns those injected.
    fn inject(&mut self, rng: &mut Rng, wanted: usize) -> Vec<Violation> {
        let mut candidates: Vec<Violation> = Violation::ALL
            .iter()
            .copied()
            .filter(|v| *v != Violation::JsonSyntaxError)
            .collect();
        if self.kind == DocKind::ExecuteScript {
            // Only these bodies have batches: give their two rules a fair share.
            let batch_rules = [
                Violation::DuplicateBatchIndex,
                Violation::InvalidRotationStrategy,
            ];
            for _ in 0..3 {
                candidates.extend(batch_rules);
            }
        }
        rng.shuffle(&mut candidates);
        let mut injected = Vec::new();
        for violation in candidates {
            if injected.len() == wanted {
                break;
            }
            if !injected.contains(&violation) && self.apply(rng, violation) {
                injected.push(violation);
            }
        }
        injected
    }

    /// Applies one fault; false (document untouched) if it does not fit.
    fn apply(&mut self, rng: &mut Rng, violation: Violation) -> bool {
        self.try_apply(rng, violation).is_some()
    }

    fn try_apply(&mut self, rng: &mut Rng, violation: Violation) -> Option<()> {
        use Violation as V;
        match violation {
            V::TimeoutOutOfRange => {
                self.take_ep_key(rng, &["timeout"])?;
                let bad = pick(rng, &[0, 1, 4, 5, 1800, 1801, 3600, 7200, 86_400, -30]);
                self.ep()?.set("timeout", Json::int(bad));
            }
            V::SuccessRateOutOfRange => {
                self.take_ep_key(rng, &["success_rate"])?;
                let bad = pick(
                    rng,
                    &["0", "0.5", "0.9", "100.1", "101", "150", "-5", "200"],
                );
                self.ep()?.set("success_rate", Json::num(bad));
            }
            V::SuccessRatePrecision => {
                self.take_ep_key(rng, &["success_rate"])?;
                let bad = pick(
                    rng,
                    // Trailing zeros do not count (`99.50` has one decimal).
                    &[
                        "99.55", "94.12", "50.25", "1.05", "99.99", "12.345", "7.125", "9.95",
                    ],
                );
                self.ep()?.set("success_rate", Json::num(bad));
            }
            V::ExecuteUserNotRoot => {
                self.take_ep_key(rng, &["execute_user"])?;
                let bad = pick(
                    rng,
                    &[
                        "admin", "ubuntu", "ec2-user", "deploy", "Root", "ROOT", "oracle",
                        "www-data",
                    ],
                );
                self.ep()?.set("execute_user", Json::str(bad));
            }
            V::MissingRequiredField => {
                let key = self.take_ep_key(rng, &["timeout", "success_rate", "execute_user"])?;
                self.ep()?.remove(key);
            }
            V::WrongType => {
                let key = self.take_ep_key(rng, &["timeout", "success_rate", "execute_user"])?;
                let bad = match (key, rng.u32(0..3)) {
                    ("timeout", 0) => Json::Bool(true),
                    ("timeout", 1) => Json::Arr(vec![Json::int(300)]),
                    // Not a string: "300" is number-as-string, another rule.
                    ("timeout", _) => Json::Obj(vec![("seconds".into(), Json::int(300))]),
                    ("success_rate", 0) => Json::Bool(false),
                    ("success_rate", 1) => Json::Arr(vec![Json::num("100")]),
                    ("success_rate", _) => Json::Obj(vec![("value".into(), Json::int(100))]),
                    (_, 0) => Json::int(0),
                    (_, 1) => Json::Bool(true),
                    (_, _) => Json::Arr(vec![Json::str("root")]),
                };
                self.ep()?.set(key, bad);
            }
            V::UnknownField => {
                self.ep()?;
                if rng.bool() && self.claim("ep.extra".into()) {
                    let (key, value) = pick(
                        rng,
                        &[
                            ("time_out", Json::int(300)),
                            ("executeUser", Json::str("root")),
                            ("success_ratio", Json::int(100)),
                            ("retries", Json::int(3)),
                            ("run_as", Json::str("root")),
                        ],
                    );
                    let ep = self.ep()?;
                    let at = rng.usize(0..=ep_len(ep));
                    ep.insert(at, key, value);
                } else {
                    let index = self.take_param(rng)?;
                    let (key, value) = pick(
                        rng,
                        &[
                            ("param_type", Json::str("string")),
                            ("paramValue", Json::str("x")),
                            ("param_desc", Json::str("description")),
                        ],
                    );
                    self.param_mut(index).push(key, value);
                }
            }
            V::DuplicateKey => {
                let use_ticket = self.ticket().is_some() && rng.bool();
                if use_ticket && self.claim("ticket.creator".into()) {
                    let ticket = self.ticket()?;
                    let creator = ticket.get("creator")?.clone();
                    ticket.push("creator", creator);
                } else if self.ep().is_some() {
                    let key =
                        self.take_ep_key(rng, &["timeout", "success_rate", "execute_user"])?;
                    let ep = self.ep()?;
                    let value = ep.get(key)?.clone();
                    let at = rng.usize(0..=ep_len(ep));
                    ep.insert(at, key, value);
                } else {
                    // Ticket list: repeat an item's `status`.
                    let items = self.list_items()?;
                    let index = rng.usize(0..items.len());
                    if !self.claim(format!("item.{index}.status")) {
                        return None;
                    }
                    let item = &mut self.list_items()?[index];
                    let status = item.get("status")?.clone();
                    item.push("status", status);
                }
            }
            V::TooManyScriptParams => {
                self.ep()?;
                if !self.claim("params.count".into()) {
                    return None;
                }
                let target = rng.usize(21..=24);
                while self.param_count() < target {
                    let name = self.fresh_name(rng);
                    let len = rng.usize(1..=10);
                    let value = alnum(rng, len);
                    self.params()?.push(Json::Obj(vec![
                        ("param_name".into(), Json::str(name)),
                        ("param_value".into(), Json::str(value)),
                    ]));
                }
            }
            V::ParamNameCharset => {
                self.ep()?;
                let index = self.take_param(rng)?;
                let mut name = self.fresh_name(rng);
                let bad = pick(rng, &['-', '.', ' ', '$', '@', '/', '中', 'é', '!']);
                let at = rng.usize(0..=name.len());
                name.insert(at, bad);
                self.param_mut(index).set("param_name", Json::str(name));
            }
            V::ParamNameLength => {
                self.ep()?;
                let index = self.take_param(rng)?;
                let len = rng.usize(65..=90);
                let name = lower_alnum(rng, len);
                self.param_mut(index).set("param_name", Json::str(name));
            }
            V::DuplicateParamName => {
                self.ep()?;
                let first = self.take_param(rng)?;
                let second = self.take_param(rng)?;
                let name = self.param_mut(first).get("param_name")?.clone();
                self.param_mut(second).set("param_name", name);
            }
            V::ParamValueCharset => {
                self.ep()?;
                let index = self.take_param(rng)?;
                let mut value = param_value(rng);
                let bad = pick(
                    rng,
                    &[
                        ';', '$', '!', '&', '|', '\'', '%', '<', '>', '~', '^', '`', '(', ')', 'é',
                        'ü', '中', 'ñ',
                    ],
                );
                let at = value
                    .char_indices()
                    .map(|(i, _)| i)
                    .nth(rng.usize(0..=value.chars().count()))
                    .unwrap_or(value.len());
                value.insert(at, bad);
                self.param_mut(index).set("param_value", Json::str(value));
            }
            V::PlaintextSecret => {
                self.ep()?;
                let index = self.take_param(rng)?;
                let param = self.param_mut(index);
                if rng.bool() {
                    // Named like a credential, with a plain value of any shape.
                    let name = pick(rng, &SECRET_NAMES);
                    param.set("param_name", Json::str(name));
                    if param
                        .get("param_value")
                        .and_then(Json::as_str)
                        .is_none_or(str::is_empty)
                    {
                        let value = param_value(rng);
                        self.param_mut(index).set("param_value", Json::str(value));
                    }
                } else {
                    // An innocent name, a value shaped like a key or token.
                    let value = secret_value(rng);
                    param.set("param_value", Json::str(value));
                }
            }
            V::ParamValueConsecutivePeriods => {
                self.ep()?;
                let index = self.take_param(rng)?;
                let value = match rng.u32(0..4) {
                    0 => "../../etc/passwd".to_owned(),
                    1 => format!("/opt/{}/../{}", word(rng), word(rng)),
                    2 => format!("{}..{}", word(rng), word(rng)),
                    _ => format!("{}...{}", rng.u32(0..10), rng.u32(0..10)),
                };
                self.param_mut(index).set("param_value", Json::str(value));
            }
            V::ParamValueMissing => {
                self.ep()?;
                let index = self.take_param(rng)?;
                let remove = rng.u32(0..3) == 0;
                let param = self.param_mut(index);
                param.remove("param_refer");
                if remove {
                    param.remove("param_value");
                } else {
                    param.set("param_value", Json::str(""));
                }
            }
            V::InvalidReferType => {
                self.ep()?;
                let index = self.take_param(rng)?;
                let refer = param_refer(rng);
                let value = param_value(rng);
                let bad = pick(
                    rng,
                    &["PARAMSTORE", "param_store", "SECRET_STORE", "KMS", "CONFIG"],
                );
                let param = self.param_mut(index);
                if param.get("param_refer").is_none() {
                    param.push("param_refer", refer);
                }
                if param
                    .get("param_value")
                    .and_then(Json::as_str)
                    .is_none_or(str::is_empty)
                {
                    param.set("param_value", Json::str(value));
                }
                param
                    .get_mut("param_refer")?
                    .set("refer_type", Json::str(bad));
            }
            V::InvalidStatus => {
                let bad = Json::str(pick(
                    rng,
                    &[
                        "RUNNING",
                        "DONE",
                        "finished",
                        "ERROR",
                        "SUCCESS",
                        "Processing",
                        "FAILED",
                    ],
                ));
                if self.ticket().is_some() {
                    if !self.claim("ticket.status".into()) {
                        return None;
                    }
                    self.ticket()?.set("status", bad);
                } else if self.kind == DocKind::TicketList {
                    let count = self.list_items()?.len();
                    let index = rng.usize(0..count);
                    if !self.claim(format!("item.{index}.status")) {
                        return None;
                    }
                    self.list_items()?[index].set("status", bad);
                } else {
                    return None;
                }
            }
            V::DuplicateBatchIndex => {
                let count = self.batches()?.len();
                if count < 2 {
                    let (region, typed) = (self.region, self.typed);
                    let extra = batch(rng, count as i64 + 1, region, typed);
                    self.batches()?.push(extra);
                }
                let count = self.batches()?.len();
                let free: Vec<usize> = (0..count)
                    .filter(|i| !self.touched.contains(&format!("batch.{i}")))
                    .collect();
                if free.len() < 2 {
                    return None;
                }
                let first = free[rng.usize(0..free.len())];
                let second = loop {
                    let candidate = free[rng.usize(0..free.len())];
                    if candidate != first {
                        break candidate;
                    }
                };
                self.claim(format!("batch.{first}"));
                self.claim(format!("batch.{second}"));
                let batches = self.batches()?;
                let index = batches[first].get("batch_index")?.clone();
                batches[second].set("batch_index", index);
            }
            V::InvalidRotationStrategy => {
                let count = self.batches()?.len();
                let free: Vec<usize> = (0..count)
                    .filter(|i| !self.touched.contains(&format!("batch.{i}")))
                    .collect();
                if free.is_empty() {
                    return None;
                }
                let index = free[rng.usize(0..free.len())];
                self.claim(format!("batch.{index}"));
                let bad = pick(
                    rng,
                    &["STOP", "continue", "RETRY", "ABORT", "Pause", "SKIP"],
                );
                self.batches()?[index].set("rotation_strategy", Json::str(bad));
            }
            V::JsonSyntaxError => return None,
        }
        Some(())
    }

    fn batches(&mut self) -> Option<&mut Vec<Json>> {
        if self.kind != DocKind::ExecuteScript {
            return None;
        }
        self.root.get_mut("execute_batches")?.as_array_mut()
    }

    fn list_items(&mut self) -> Option<&mut Vec<Json>> {
        if self.kind != DocKind::TicketList {
            return None;
        }
        self.root.at_mut(&["data", "data"])?.as_array_mut()
    }
}

fn ep_len(ep: &Json) -> usize {
    match ep {
        Json::Obj(pairs) => pairs.len(),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_timestamp_is_utc() {
        assert_eq!(compact_timestamp(1_697_946_452_186), "20231022034732");
        assert_eq!(compact_timestamp(0), "19700101000000");
    }

    #[test]
    fn same_seed_same_documents() {
        let options = Options::default();
        let a: Vec<String> = {
            let mut rng = Rng::with_seed(7);
            (0..50).map(|_| generate(&mut rng, &options).text).collect()
        };
        let b: Vec<String> = {
            let mut rng = Rng::with_seed(7);
            (0..50).map(|_| generate(&mut rng, &options).text).collect()
        };
        assert_eq!(a, b);
    }
}
