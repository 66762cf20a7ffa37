//! Properties on structured input. Strategies build VALID documents of
//! every kind the linter knows (saved execution parameters, ticket
//! responses, bare tickets, ExecuteScript bodies, ticket lists) as an
//! ordered JSON tree (key order under our control, keys may repeat, numbers
//! kept as written). This file renders the tree to text itself, in several
//! layouts, recording the byte span of every value and key. Then:
//!
//! 1. valid documents give no diagnostic at all (not even a warning), in
//!    any layout, and are recognised as the kind they are;
//! 2. one mutation (from `MUTATIONS`) gives exactly one diagnostic: the
//!    mutated field's rule, at its pointer, spanning exactly the mutated
//!    value (or the key, quotes included, for key rules);
//! 3. re-rendering the same (possibly mutated) document minified, pretty
//!    with 2 or 4 spaces, in Huawei's Jackson layout (`"key" : value`),
//!    with CRLF, with tabs and escapes (`\u0074imeout`, `\/`, surrogate
//!    pairs), after a byte order mark, or comma-first changes spans but not
//!    the (code, pointer) pairs; every span covers the same JSON value in
//!    every layout, and its line and column agree with its offset.
//!
//! Failures print the mutation, the expected and actual diagnostics and the
//! whole rendered document; proptest keeps no regression file for them
//! (`failure_persistence: None`), so running the suite writes nothing.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::ops::{Range, RangeInclusive};

use coc_lint::{DocumentKind, FileReport, Linter};
use proptest::prelude::*;
use proptest::sample::subsequence;

// ------------------------------------------------------------ the JSON tree

/// A JSON value whose objects keep their members in order (and may hold a
/// key twice), and whose numbers keep the text they are written with.
#[derive(Clone, Debug, PartialEq)]
enum J {
    /// A number, `true`, `false` or `null`, exactly as written.
    Lit(String),
    /// A string, unescaped.
    Str(String),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

impl J {
    fn s(v: impl Into<String>) -> J {
        J::Str(v.into())
    }

    fn lit(v: impl ToString) -> J {
        J::Lit(v.to_string())
    }

    fn obj(members: Vec<(&str, J)>) -> J {
        J::Obj(
            members
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v))
                .collect(),
        )
    }

    fn at(&self, path: &[String]) -> &J {
        let mut cur = self;
        for token in path {
            cur = match cur {
                J::Obj(members) => {
                    &members
                        .iter()
                        .rev()
                        .find(|(k, _)| k == token)
                        .unwrap_or_else(|| panic!("no key {token}"))
                        .1
                }
                J::Arr(items) => &items[token.parse::<usize>().expect("an index")],
                _ => panic!("{token} below a scalar"),
            };
        }
        cur
    }

    fn at_mut(&mut self, path: &[String]) -> &mut J {
        let mut cur = self;
        for token in path {
            cur = match cur {
                J::Obj(members) => {
                    &mut members
                        .iter_mut()
                        .rev()
                        .find(|(k, _)| k == token)
                        .unwrap_or_else(|| panic!("no key {token}"))
                        .1
                }
                J::Arr(items) => &mut items[token.parse::<usize>().expect("an index")],
                _ => panic!("{token} below a scalar"),
            };
        }
        cur
    }

    fn members(&mut self) -> &mut Vec<(String, J)> {
        match self {
            J::Obj(members) => members,
            other => panic!("not an object: {other:?}"),
        }
    }

    fn items(&mut self) -> &mut Vec<J> {
        match self {
            J::Arr(items) => items,
            other => panic!("not an array: {other:?}"),
        }
    }

    fn get(&self, key: &str) -> Option<&J> {
        match self {
            J::Obj(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// Replace the value of `key`, or append the member.
    fn set(&mut self, key: &str, value: J) {
        let members = self.members();
        match members.iter_mut().find(|(k, _)| k == key) {
            Some(member) => member.1 = value,
            None => members.push((key.to_owned(), value)),
        }
    }

    fn remove(&mut self, key: &str) {
        self.members().retain(|(k, _)| k != key);
    }

    fn insert_at(&mut self, rng: &mut Rng, key: &str, value: J) {
        let members = self.members();
        let at = rng.below(members.len() + 1);
        members.insert(at, (key.to_owned(), value));
    }

    /// How many items an array has.
    fn len(&self) -> usize {
        match self {
            J::Arr(items) => items.len(),
            other => panic!("not an array: {other:?}"),
        }
    }

    fn as_str(&self) -> Option<&str> {
        match self {
            J::Str(s) => Some(s),
            _ => None,
        }
    }

    fn as_i64(&self) -> Option<i64> {
        match self {
            J::Lit(t) => t.parse().ok(),
            _ => None,
        }
    }
}

type Path = Vec<String>;

fn path(base: &[String], more: &[&str]) -> Path {
    base.iter()
        .cloned()
        .chain(more.iter().map(|s| (*s).to_owned()))
        .collect()
}

/// The RFC 6901 pointer of a path.
fn pointer(path: &[String]) -> String {
    path.iter().fold(String::new(), |mut acc, token| {
        acc.push('/');
        acc.push_str(&token.replace('~', "~0").replace('/', "~1"));
        acc
    })
}

// ---------------------------------------------------------------- rendering

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    /// No whitespace at all.
    Minified,
    /// `serde_json::to_string_pretty`: two spaces, `"key": value`.
    Pretty2,
    /// Four spaces.
    Pretty4,
    /// Jackson's default pretty printer, as in Huawei's examples:
    /// `"key" : value`, arrays inline `[ {`, `[ ]`, `{ }`.
    Huawei,
    /// Two spaces and CRLF line endings.
    Crlf,
    /// Tabs; every non-ASCII character and every `/` of a value written as
    /// an escape (`\u00e9`, `\/`), and the first character of every other
    /// key or string too (`\u0074imeout`), so one document holds both
    /// spellings of a name.
    Escaped,
    /// A UTF-8 byte order mark, then minified.
    Bom,
    /// Comma first, ` :\t` between key and value: `{ "a" :\t1\n, "b" :\t2\n}`,
    /// whitespace before and after the root.
    Loose,
}

const STYLES: [Style; 8] = [
    Style::Minified,
    Style::Pretty2,
    Style::Pretty4,
    Style::Huawei,
    Style::Crlf,
    Style::Escaped,
    Style::Bom,
    Style::Loose,
];

/// Where a value stands, and where its key stands if it is a member.
#[derive(Clone, Debug)]
struct Site {
    key: Option<Range<usize>>,
    value: Range<usize>,
}

struct Rendered {
    text: String,
    /// Every value by pointer (a duplicated key gives several sites, in
    /// document order).
    sites: HashMap<String, Vec<Site>>,
}

struct Writer {
    style: Style,
    out: String,
    sites: HashMap<String, Vec<Site>>,
    /// Strings written so far.
    strings: usize,
}

impl Writer {
    fn newline(&mut self) {
        match self.style {
            Style::Minified | Style::Bom => {}
            Style::Crlf => self.out.push_str("\r\n"),
            _ => self.out.push('\n'),
        }
    }

    fn indent(&mut self, level: usize) {
        let unit = match self.style {
            Style::Minified | Style::Bom => "",
            Style::Pretty2 | Style::Huawei | Style::Crlf | Style::Loose => "  ",
            Style::Pretty4 => "    ",
            Style::Escaped => "\t",
        };
        for _ in 0..level {
            self.out.push_str(unit);
        }
    }

    fn colon(&self) -> &'static str {
        match self.style {
            Style::Minified | Style::Bom => ":",
            Style::Huawei => " : ",
            Style::Loose => " :\t",
            _ => ": ",
        }
    }

    fn string(&mut self, s: &str, is_key: bool) {
        let escaped = self.style == Style::Escaped;
        let escape_first = escaped && self.strings.is_multiple_of(2);
        self.strings += 1;
        self.out.push('"');
        for (i, c) in s.chars().enumerate() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                '\u{8}' => self.out.push_str("\\b"),
                '\u{c}' => self.out.push_str("\\f"),
                c if (c as u32) < 0x20 => {
                    write!(self.out, "\\u{:04x}", c as u32).expect("a String takes it");
                }
                '/' if escaped && !is_key => self.out.push_str("\\/"),
                c if escaped && (!c.is_ascii() || (escape_first && i == 0)) => {
                    let mut units = [0u16; 2];
                    for unit in c.encode_utf16(&mut units) {
                        write!(self.out, "\\u{unit:04X}").expect("a String takes it");
                    }
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }

    fn value(&mut self, j: &J, ptr: &str, level: usize, key: Option<Range<usize>>) {
        let start = self.out.len();
        let jackson = self.style == Style::Huawei;
        match j {
            J::Lit(text) => self.out.push_str(text),
            J::Str(s) => self.string(s, false),
            J::Obj(members) if members.is_empty() => {
                self.out.push_str(if jackson { "{ }" } else { "{}" });
            }
            J::Obj(members) if self.style == Style::Loose => {
                self.out.push('{');
                for (i, (k, v)) in members.iter().enumerate() {
                    if i > 0 {
                        self.newline();
                        self.indent(level);
                        self.out.push(',');
                    }
                    self.out.push(' ');
                    let key_start = self.out.len();
                    self.string(k, true);
                    let key_range = key_start..self.out.len();
                    self.out.push_str(" :\t");
                    let child = pointer(std::slice::from_ref(k));
                    self.value(v, &format!("{ptr}{child}"), level + 1, Some(key_range));
                }
                self.newline();
                self.indent(level);
                self.out.push('}');
            }
            J::Arr(items) if self.style == Style::Loose && !items.is_empty() => {
                self.out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.newline();
                        self.indent(level);
                        self.out.push(',');
                    }
                    self.out.push(' ');
                    self.value(item, &format!("{ptr}/{i}"), level + 1, None);
                }
                self.newline();
                self.indent(level);
                self.out.push(']');
            }
            J::Obj(members) => {
                self.out.push('{');
                for (i, (k, v)) in members.iter().enumerate() {
                    if i > 0 {
                        self.out.push(',');
                    }
                    self.newline();
                    self.indent(level + 1);
                    let key_start = self.out.len();
                    self.string(k, true);
                    let key_range = key_start..self.out.len();
                    let colon = self.colon();
                    self.out.push_str(colon);
                    let child = pointer(std::slice::from_ref(k));
                    self.value(v, &format!("{ptr}{child}"), level + 1, Some(key_range));
                }
                self.newline();
                self.indent(level);
                self.out.push('}');
            }
            J::Arr(items) if items.is_empty() => {
                self.out.push_str(if jackson { "[ ]" } else { "[]" });
            }
            J::Arr(items) if jackson => {
                self.out.push_str("[ ");
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.out.push_str(", ");
                    }
                    self.value(item, &format!("{ptr}/{i}"), level, None);
                }
                self.out.push_str(" ]");
            }
            J::Arr(items) => {
                self.out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.out.push(',');
                    }
                    self.newline();
                    self.indent(level + 1);
                    self.value(item, &format!("{ptr}/{i}"), level + 1, None);
                }
                self.newline();
                self.indent(level);
                self.out.push(']');
            }
        }
        let site = Site {
            key,
            value: start..self.out.len(),
        };
        self.sites.entry(ptr.to_owned()).or_default().push(site);
    }
}

fn render(root: &J, style: Style) -> Rendered {
    let mut w = Writer {
        style,
        out: String::new(),
        sites: HashMap::new(),
        strings: 0,
    };
    match style {
        Style::Bom => w.out.push('\u{feff}'),
        Style::Loose => w.out.push_str(" \r\n\t"),
        _ => {}
    }
    w.value(root, "", 0, None);
    match style {
        Style::Minified | Style::Bom => {}
        Style::Loose => w.out.push_str("\t\r\n "),
        _ => w.newline(),
    }
    let Writer { out, sites, .. } = w;
    Rendered { text: out, sites }
}

// ----------------------------------------------------------------- documents

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Param,
    /// `{"data": ticket}`.
    Ticket,
    /// A ticket without the response wrapper.
    Bare,
    Script,
    List,
}

impl Kind {
    fn detected(self) -> DocumentKind {
        match self {
            Kind::Param => DocumentKind::ExecuteParam,
            Kind::Ticket => DocumentKind::TicketResponse,
            Kind::Bare => DocumentKind::Ticket,
            Kind::Script => DocumentKind::ExecuteScript,
            Kind::List => DocumentKind::TicketList,
        }
    }
}

#[derive(Clone, Debug)]
struct Doc {
    kind: Kind,
    root: J,
}

impl Doc {
    /// Path of the ScriptExecuteParam object.
    fn ep(&self) -> Path {
        match self.kind {
            Kind::Param => vec![],
            Kind::Ticket => path(&[], &["data", "properties", "execute_param"]),
            Kind::Bare => path(&[], &["properties", "execute_param"]),
            Kind::Script => path(&[], &["execute_param"]),
            Kind::List => unreachable!("a ticket list has no execution parameters"),
        }
    }
}

const ALNUM: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const NAME: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_";
/// What the API allows in a `param_value`.
const VALUE: &str =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 _-/.*?:\",=+@#\\[{]}";
/// Anything: quotes, backslashes, controls, a BOM, line separators, BMP
/// and astral characters.
const WILD: &str = "aZ09 _-/.\"\\\u{0}\u{1f}\u{7f}\u{feff}\u{2028}é日😀𝄞";

/// A string of `len` characters from `set`, a third of the time exactly
/// the shortest or the longest allowed. Built from a seed rather than one
/// strategy per character, which is many times faster; the length still
/// shrinks.
fn text(set: &'static str, len: RangeInclusive<usize>) -> impl Strategy<Value = String> + Clone {
    let (lo, hi) = (*len.start(), *len.end());
    let len = prop_oneof![4 => len, 1 => Just(lo), 1 => Just(hi)];
    (len, any::<u64>()).prop_map(move |(n, seed)| {
        let chars: Vec<char> = set.chars().collect();
        let mut rng = Rng(seed);
        (0..n).map(|_| rng.pick(&chars)).collect()
    })
}

/// An object whose members come in a random order.
fn shuffled(members: Vec<(&'static str, J)>) -> impl Strategy<Value = J> {
    Just(members).prop_shuffle().prop_map(J::obj)
}

/// Replace the second of two periods in a row, so no `..` is left.
fn no_double_periods(s: String) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        out.push(if c == '.' && out.ends_with('.') {
            '_'
        } else {
            c
        });
    }
    out
}

fn param_value_text() -> impl Strategy<Value = String> {
    text(VALUE, 1..=200).prop_map(no_double_periods)
}

fn param_refer() -> impl Strategy<Value = J> {
    (
        prop_oneof![text(NAME, 1..=32), Just("LOW".to_owned())],
        proptest::option::of(text(ALNUM, 1..=10)),
    )
        .prop_flat_map(|(id, version)| {
            let mut members = vec![("refer_type", J::s("PARAM_STORE")), ("param_id", J::s(id))];
            if let Some(v) = version {
                members.push(("param_version", J::s(v)));
            }
            shuffled(members)
        })
}

fn script_param(name: String) -> BoxedStrategy<J> {
    let refer_name = name.clone();
    prop_oneof![
        3 => param_value_text().prop_flat_map(move |v| shuffled(vec![
            ("param_name", J::s(name.clone())),
            ("param_value", J::s(v)),
        ])),
        1 => param_refer().prop_flat_map(move |refer| shuffled(vec![
            ("param_name", J::s(refer_name.clone())),
            ("param_value", J::s("")),
            ("param_refer", refer),
        ])),
    ]
    .boxed()
}

/// `94.1`, `94.0` or `94`, from 1 to 100.
fn success_rate() -> impl Strategy<Value = String> {
    let tenths = prop_oneof![4 => 10u32..=1000, 1 => Just(10u32), 1 => Just(1000u32)];
    (tenths, any::<bool>()).prop_map(|(tenths, whole)| {
        if whole && tenths % 10 == 0 {
            (tenths / 10).to_string()
        } else {
            format!("{}.{}", tenths / 10, tenths % 10)
        }
    })
}

fn execute_param() -> BoxedStrategy<J> {
    let params =
        proptest::collection::btree_set(text(NAME, 1..=64), 0..=20).prop_flat_map(|names| {
            names
                .into_iter()
                .map(script_param)
                .collect::<Vec<_>>()
                .prop_shuffle()
        });
    let timeout = prop_oneof![4 => 6u32..=1799, 1 => Just(6u32), 1 => Just(1799u32)];
    (timeout, success_rate(), params, any::<bool>())
        .prop_flat_map(|(timeout, rate, params, keep_empty)| {
            let mut members = vec![
                ("timeout", J::lit(timeout)),
                ("success_rate", J::Lit(rate)),
                ("execute_user", J::s("root")),
            ];
            if !params.is_empty() || keep_empty {
                members.push(("script_params", J::Arr(params)));
            }
            shuffled(members)
        })
        .boxed()
}

const STATUSES: [&str; 6] = [
    "READY",
    "PROCESSING",
    "ABNORMAL",
    "PAUSED",
    "CANCELED",
    "FINISHED",
];

/// `gmt_created`, `status`, `gmt_finished` and `execute_costs`, consistent
/// with each other: a finished ticket has its finish time and the
/// duration in milliseconds; READY and PROCESSING have none (or `null`);
/// ABNORMAL and PAUSED either.
fn ticket_state() -> impl Strategy<Value = Vec<(&'static str, J)>> {
    (
        1_600_000_000_000i64..1_900_000_000_000,
        0i64..10_000_000,
        proptest::sample::select(&STATUSES[..]),
        0u8..3,
    )
        .prop_map(|(created, took, status, mode)| {
            let mut members = vec![("gmt_created", J::lit(created)), ("status", J::s(status))];
            let finished = match status {
                "FINISHED" | "CANCELED" => true,
                "READY" | "PROCESSING" => false,
                _ => mode == 0,
            };
            if finished {
                members.push(("gmt_finished", J::lit(created + took)));
                if mode != 2 {
                    members.push(("execute_costs", J::lit(took)));
                }
            } else if mode == 1 {
                members.push(("gmt_finished", J::lit("null")));
                members.push(("execute_costs", J::lit("null")));
            }
            members
        })
}

fn ticket() -> BoxedStrategy<J> {
    let properties = (
        text(ALNUM, 25..=25),
        text(WILD, 1..=20),
        proptest::option::of(1i64..=i64::MAX),
        proptest::option::of(text(WILD, 0..=20)),
        1u32..=20,
        execute_param(),
        any::<bool>(),
    )
        .prop_flat_map(
            |(uuid, name, version_uuid, version_name, batch, execute_param, source)| {
                let mut members = vec![
                    ("script_uuid", J::s(uuid)),
                    ("script_name", J::s(name)),
                    ("current_execute_batch_index", J::lit(batch)),
                    ("execute_param", execute_param),
                ];
                if let Some(v) = version_uuid {
                    members.push(("script_version_uuid", J::lit(v)));
                }
                if let Some(v) = version_name {
                    members.push(("script_version_name", J::s(v)));
                }
                if source {
                    members.push(("script_source", J::s("CUSTOM_SCRIPT")));
                }
                shuffled(members)
            },
        );
    (
        proptest::option::of(text(ALNUM, 26..=26)),
        proptest::option::of(text(WILD, 0..=20)),
        ticket_state(),
        properties,
    )
        .prop_flat_map(|(uuid, creator, state, props)| {
            let mut members = state;
            members.push(("properties", props));
            if let Some(u) = uuid {
                members.push(("execute_uuid", J::s(u)));
            }
            if let Some(c) = creator {
                members.push(("creator", J::s(c)));
            }
            shuffled(members)
        })
        .boxed()
}

fn list_item() -> BoxedStrategy<J> {
    (
        prop_oneof![1i64..=1000, 1i64..=i64::MAX],
        text(WILD, 1..=64),
        text(ALNUM, 26..=26),
        proptest::option::of(text(WILD, 0..=20)),
        ticket_state(),
        proptest::option::of(proptest::option::of(text(WILD, 0..=40))),
    )
        .prop_flat_map(|(id, name, uuid, creator, state, regions)| {
            let mut members = state;
            members.push(("order_id", J::lit(id)));
            members.push(("order_name", J::s(name)));
            members.push(("execute_uuid", J::s(uuid)));
            if let Some(c) = creator {
                members.push(("creator", J::s(c)));
            }
            match regions {
                Some(Some(r)) => {
                    members.push(("properties", J::obj(vec![("region_ids", J::s(r))])))
                }
                Some(None) => members.push(("properties", J::obj(vec![]))),
                None => {}
            }
            shuffled(members)
        })
        .boxed()
}

/// `{"data": {"total": N, "data": [...]}}` with 0 to 100 tickets and a
/// total at least as large.
fn ticket_list() -> BoxedStrategy<J> {
    (
        prop_oneof![4 => 0usize..=4, 1 => 0usize..=100],
        0usize..1000,
    )
        .prop_flat_map(|(n, more)| {
            proptest::collection::vec(list_item(), n).prop_flat_map(move |items| {
                shuffled(vec![
                    ("total", J::lit(items.len() + more)),
                    ("data", J::Arr(items)),
                ])
                .prop_map(|page| J::obj(vec![("data", page)]))
            })
        })
        .boxed()
}

/// The provider every instance of one execution shares: none (ECS by
/// default), `ECS` (written or left out per instance), or another one
/// written everywhere.
#[derive(Clone, Debug)]
enum Provider {
    Absent,
    Ecs,
    Other(String),
}

fn instance(provider: Provider) -> BoxedStrategy<J> {
    let attribute = (text(WILD, 0..=10), text(WILD, 0..=20))
        .prop_flat_map(|(k, v)| shuffled(vec![("key", J::s(k)), ("value", J::s(v))]));
    (
        text(WILD, 1..=64),
        text(WILD, 1..=32),
        any::<bool>(),
        any::<bool>(),
        proptest::option::of(proptest::collection::vec(attribute, 0..=5)),
        any::<bool>(),
    )
        .prop_flat_map(
            move |(resource, region, write_ecs, typed, attributes, agent_status)| {
                let mut members =
                    vec![("resource_id", J::s(resource)), ("region_id", J::s(region))];
                match &provider {
                    Provider::Absent => {}
                    Provider::Ecs if !write_ecs => {}
                    Provider::Ecs => members.push(("provider", J::s("ECS"))),
                    Provider::Other(p) => members.push(("provider", J::s(p.clone()))),
                }
                if typed {
                    members.push(("type", J::s("CLOUDSERVER")));
                }
                if let Some(a) = attributes {
                    members.push(("custom_attributes", J::Arr(a)));
                }
                if agent_status {
                    members.push(("agent_status", J::s("ONLINE")));
                }
                shuffled(members)
            },
        )
        .boxed()
}

fn execute_script() -> BoxedStrategy<J> {
    let provider = prop_oneof![
        Just(Provider::Absent),
        Just(Provider::Ecs),
        text(ALNUM, 1..=8).prop_map(Provider::Other),
    ];
    (
        prop_oneof![3 => 1usize..=3, 1 => 1usize..=20]
            .prop_flat_map(|n| subsequence((1u32..=20).collect::<Vec<_>>(), n).prop_shuffle()),
        provider,
        // Mostly batches of 1 to 3 hosts (cheaper), sometimes 1 to 10.
        proptest::bool::weighted(0.75),
    )
        .prop_flat_map(|(indexes, provider, small)| {
            let batches: Vec<_> = indexes
                .into_iter()
                .map(|index| {
                    (
                        proptest::sample::select(&["CONTINUE", "PAUSE"][..]),
                        proptest::collection::vec(
                            instance(provider.clone()),
                            if small { 1..=3 } else { 1..=10 },
                        ),
                    )
                        .prop_flat_map(move |(rotation, instances)| {
                            shuffled(vec![
                                ("batch_index", J::lit(index)),
                                ("target_instances", J::Arr(instances)),
                                ("rotation_strategy", J::s(rotation)),
                            ])
                        })
                })
                .collect();
            (execute_param(), batches).prop_flat_map(|(param, batches)| {
                shuffled(vec![
                    ("execute_param", param),
                    ("execute_batches", J::Arr(batches)),
                ])
            })
        })
        .boxed()
}

/// A valid document of one of the kinds in `mask`.
fn doc_of(mask: u8) -> BoxedStrategy<Doc> {
    let mut kinds: Vec<BoxedStrategy<Doc>> = Vec::new();
    if mask & PARAM != 0 {
        kinds.push(
            execute_param()
                .prop_map(|root| Doc {
                    kind: Kind::Param,
                    root,
                })
                .boxed(),
        );
    }
    if mask & TICKET != 0 {
        kinds.push(
            ticket()
                .prop_map(|data| Doc {
                    kind: Kind::Ticket,
                    root: J::obj(vec![("data", data)]),
                })
                .boxed(),
        );
    }
    if mask & BARE != 0 {
        kinds.push(
            ticket()
                .prop_map(|root| Doc {
                    kind: Kind::Bare,
                    root,
                })
                .boxed(),
        );
    }
    if mask & LIST != 0 {
        kinds.push(
            ticket_list()
                .prop_map(|root| Doc {
                    kind: Kind::List,
                    root,
                })
                .boxed(),
        );
    }
    if mask & SCRIPT != 0 {
        kinds.push(
            execute_script()
                .prop_map(|root| Doc {
                    kind: Kind::Script,
                    root,
                })
                .boxed(),
        );
    }
    proptest::strategy::Union::new(kinds).boxed()
}

fn doc() -> BoxedStrategy<Doc> {
    doc_of(ALL)
}

/// One mutation, every one as likely, and a valid document it applies to.
fn mutated() -> impl Strategy<Value = (&'static Mutation, Doc)> {
    (0..MUTATIONS.len()).prop_flat_map(|m| (Just(&MUTATIONS[m]), doc_of(MUTATIONS[m].1)))
}

fn style() -> impl Strategy<Value = Style> {
    proptest::sample::select(&STYLES[..])
}

// ----------------------------------------------------------------- mutations

/// A small deterministic generator for the choices a mutation makes.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn between(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % (hi - lo + 1) as u64) as i64
    }

    fn pick<T: Clone>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())].clone()
    }

    fn chance(&mut self) -> bool {
        self.next() & 1 == 1
    }
}

/// The one diagnostic a mutation must give.
#[derive(Debug)]
struct Expect {
    name: &'static str,
    path: Path,
    /// The span is the member's key (quotes included), not its value.
    key: bool,
}

fn at_value(name: &'static str, path: Path) -> Expect {
    Expect {
        name,
        path,
        key: false,
    }
}

fn at_key(name: &'static str, path: Path) -> Expect {
    Expect {
        name,
        path,
        key: true,
    }
}

/// Insert `piece` at a random character position of `s`.
fn insert_char(rng: &mut Rng, s: &str, piece: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let at = rng.below(chars.len() + 1);
    let mut out: String = chars[..at].iter().collect();
    out.push_str(piece);
    out.extend(&chars[at..]);
    out
}

fn valid_param(name: &str) -> J {
    J::obj(vec![("param_name", J::s(name)), ("param_value", J::s("v"))])
}

/// Make sure the document has at least `n` (at most 20) script parameters;
/// returns the path of `script_params`.
fn ensure_params(doc: &mut Doc, n: usize) -> Path {
    let ep = doc.ep();
    let params = path(&ep, &["script_params"]);
    let object = doc.root.at_mut(&ep);
    if object.get("script_params").is_none() {
        object.set("script_params", J::Arr(vec![]));
    }
    let items = doc.root.at_mut(&params).items();
    let mut k = 0;
    while items.len() < n {
        let name = format!("extra{k}");
        k += 1;
        if !items
            .iter()
            .any(|p| p.get("param_name").and_then(J::as_str) == Some(&name))
        {
            items.push(valid_param(&name));
        }
    }
    params
}

/// The path of a random script parameter (one is added if there is none).
fn pick_param(doc: &mut Doc, rng: &mut Rng) -> Path {
    let params = ensure_params(doc, 1);
    let n = doc.root.at(&params).len();
    path(&params, &[&rng.below(n).to_string()])
}

/// Make the parameter at `p` take its value from a reference.
fn ensure_refer(doc: &mut Doc, p: &[String]) -> Path {
    let param = doc.root.at_mut(p);
    if param.get("param_refer").is_none() {
        param.set("param_value", J::s(""));
        param.set(
            "param_refer",
            J::obj(vec![
                ("refer_type", J::s("PARAM_STORE")),
                ("param_id", J::s("id1")),
                ("param_version", J::s("v1")),
            ]),
        );
    }
    path(p, &["param_refer"])
}

fn batches(doc: &Doc) -> Vec<J> {
    match doc.root.at(&path(&[], &["execute_batches"])) {
        J::Arr(items) => items.clone(),
        _ => unreachable!(),
    }
}

fn pick_batch(doc: &Doc, rng: &mut Rng) -> Path {
    let n = batches(doc).len();
    path(&[], &["execute_batches", &rng.below(n).to_string()])
}

fn pick_instance(doc: &Doc, rng: &mut Rng) -> Path {
    let b = pick_batch(doc, rng);
    let n = match doc.root.at(&path(&b, &["target_instances"])) {
        J::Arr(items) => items.len(),
        _ => unreachable!(),
    };
    path(&b, &["target_instances", &rng.below(n).to_string()])
}

/// Every instance path, in document order.
fn instance_paths(doc: &Doc) -> Vec<Path> {
    let mut out = Vec::new();
    for (b, batch) in batches(doc).iter().enumerate() {
        if let Some(J::Arr(items)) = batch.get("target_instances") {
            for i in 0..items.len() {
                out.push(path(
                    &[],
                    &[
                        "execute_batches",
                        &b.to_string(),
                        "target_instances",
                        &i.to_string(),
                    ],
                ));
            }
        }
    }
    out
}

fn total_instances(doc: &Doc) -> usize {
    instance_paths(doc).len()
}

type Apply = fn(&mut Doc, &mut Rng) -> Expect;
/// A label, the kinds of document it applies to, and what it does.
type Mutation = (&'static str, u8, Apply);

// Sets of document kinds, for the mutations that apply to them.
const PARAM: u8 = 1;
const TICKET: u8 = 2;
const BARE: u8 = 4;
const SCRIPT: u8 = 8;
const LIST: u8 = 16;
/// The kinds that hold a ScriptExecuteParam.
const ANY: u8 = PARAM | TICKET | BARE | SCRIPT;
/// The kinds that hold tickets.
const TICKETS: u8 = TICKET | BARE | LIST;
const ALL: u8 = ANY | LIST;

/// Every mutation: a label, the kinds it applies to, and what it does.
const MUTATIONS: &[Mutation] = &[
    ("timeout out of range", ANY, |doc, rng| {
        let p = path(&doc.ep(), &["timeout"]);
        let v = rng.pick(&["5", "1800", "0", "-1", "3600", "1000000", "-2147483648"]);
        *doc.root.at_mut(&p) = J::lit(v);
        at_value("timeout-out-of-range", p)
    }),
    ("timeout not a number", ANY, |doc, rng| {
        let p = path(&doc.ep(), &["timeout"]);
        let v = rng.pick(&[
            J::s("abc"),
            J::lit("true"),
            J::lit("null"),
            J::lit("5.5"),
            J::Arr(vec![]),
            J::s(""),
        ]);
        *doc.root.at_mut(&p) = v;
        at_value("wrong-type", p)
    }),
    ("timeout as a numeric string", ANY, |doc, rng| {
        let p = path(&doc.ep(), &["timeout"]);
        *doc.root.at_mut(&p) = J::s(rng.between(6, 1799).to_string());
        at_value("number-as-string", p)
    }),
    ("timeout with a fraction or exponent", ANY, |doc, rng| {
        let p = path(&doc.ep(), &["timeout"]);
        let v = rng.pick(&["300.0", "3e2", "6.00", "1.799E3", "1799.0"]);
        *doc.root.at_mut(&p) = J::lit(v);
        at_value("float-for-integer", p)
    }),
    ("timeout overflows int32", ANY, |doc, rng| {
        let p = path(&doc.ep(), &["timeout"]);
        let v = rng.pick(&[
            "99999999999",
            "2147483648",
            "-3000000000",
            "1e400",
            "123456789012345678901234567890",
        ]);
        *doc.root.at_mut(&p) = J::lit(v);
        at_value("number-overflow", p)
    }),
    ("success_rate with two decimals", ANY, |doc, rng| {
        let p = path(&doc.ep(), &["success_rate"]);
        let v = format!(
            "{}.{}{}",
            rng.between(1, 99),
            rng.between(0, 9),
            rng.between(1, 9)
        );
        *doc.root.at_mut(&p) = J::lit(v);
        at_value("success-rate-precision", p)
    }),
    ("success_rate out of range", ANY, |doc, rng| {
        let p = path(&doc.ep(), &["success_rate"]);
        let v = rng.pick(&["0.5", "100.5", "0", "101", "-3", "0.9", "1000"]);
        *doc.root.at_mut(&p) = J::lit(v);
        at_value("success-rate-out-of-range", p)
    }),
    ("success_rate as a numeric string", ANY, |doc, rng| {
        let p = path(&doc.ep(), &["success_rate"]);
        let v = rng.pick(&["94.1", "100", "100.0", "1"]);
        *doc.root.at_mut(&p) = J::s(v);
        at_value("number-as-string", p)
    }),
    ("execute_user not root", ANY, |doc, rng| {
        let p = path(&doc.ep(), &["execute_user"]);
        *doc.root.at_mut(&p) = J::s(rng.pick(&["admin", "Root", "ubuntu", "root ", "r00t"]));
        at_value("execute-user-not-root", p)
    }),
    ("execute_user not a string", ANY, |doc, rng| {
        let p = path(&doc.ep(), &["execute_user"]);
        *doc.root.at_mut(&p) = rng.pick(&[J::lit("5"), J::lit("false"), J::obj(vec![])]);
        at_value("wrong-type", p)
    }),
    ("unknown key in ScriptExecuteParam", ANY, |doc, rng| {
        let key = rng.pick(&[
            "time_out", "timeOut", "Timeout", "extra", "a/b", "m~n", "ключ", "",
        ]);
        let ep = doc.ep();
        doc.root.at_mut(&ep).insert_at(rng, key, J::lit("1"));
        at_key("unknown-field", path(&ep, &[key]))
    }),
    ("discarded resourceful", ANY, |doc, rng| {
        let ep = doc.ep();
        let v = J::lit(rng.pick(&["true", "false"]));
        doc.root.at_mut(&ep).insert_at(rng, "resourceful", v);
        at_key("discarded-field", path(&ep, &["resourceful"]))
    }),
    ("duplicate key in ScriptExecuteParam", ANY, |doc, rng| {
        let ep = doc.ep();
        let key = rng.pick(&["timeout", "success_rate", "execute_user"]);
        let members = doc.root.at_mut(&ep).members();
        let first = members
            .iter()
            .position(|(k, _)| k == key)
            .expect("required");
        let copy = members[first].clone();
        let at = first + 1 + rng.below(members.len() - first);
        members.insert(at, copy);
        at_key("duplicate-key", path(&ep, &[key]))
    }),
    (
        "required field of ScriptExecuteParam missing",
        ANY,
        |doc, rng| {
            let ep = doc.ep();
            doc.root
                .at_mut(&ep)
                .remove(rng.pick(&["timeout", "success_rate", "execute_user"]));
            at_value("missing-required-field", ep)
        },
    ),
    ("script_params not an array", ANY, |doc, rng| {
        let p = path(&doc.ep(), &["script_params"]);
        let ep = doc.ep();
        doc.root.at_mut(&ep).set(
            "script_params",
            rng.pick(&[J::obj(vec![]), J::s("a"), J::lit("0")]),
        );
        at_value("wrong-type", p)
    }),
    ("21 script parameters", ANY, |doc, _| {
        let params = ensure_params(doc, 20);
        let items = doc.root.at_mut(&params).items();
        let mut k = 0;
        while items.len() < 21 {
            let name = format!("more{k}");
            k += 1;
            if !items
                .iter()
                .any(|p| p.get("param_name").and_then(J::as_str) == Some(&name))
            {
                items.push(valid_param(&name));
            }
        }
        at_value("too-many-script-params", params)
    }),
    (
        "param_name with a character outside [A-Za-z0-9_]",
        ANY,
        |doc, rng| {
            let p = path(&pick_param(doc, rng), &["param_name"]);
            let name = doc.root.at(&p).as_str().expect("a name").to_owned();
            let bad = rng.pick(&["-", ".", " ", "é", "$", "\"", "\\"]);
            let new = if name.chars().count() < 64 {
                insert_char(rng, &name, bad)
            } else {
                let at = rng.below(64);
                name.chars()
                    .enumerate()
                    .map(|(i, c)| {
                        if i == at {
                            bad.to_owned()
                        } else {
                            c.to_string()
                        }
                    })
                    .collect()
            };
            *doc.root.at_mut(&p) = J::s(new);
            at_value("param-name-charset", p)
        },
    ),
    ("param_name empty or too long", ANY, |doc, rng| {
        let p = path(&pick_param(doc, rng), &["param_name"]);
        let new = if rng.chance() {
            String::new()
        } else {
            "n".repeat(65 + rng.below(10))
        };
        *doc.root.at_mut(&p) = J::s(new);
        at_value("param-name-length", p)
    }),
    ("param_name not a string", ANY, |doc, rng| {
        let p = path(&pick_param(doc, rng), &["param_name"]);
        *doc.root.at_mut(&p) = J::lit("12");
        at_value("wrong-type", p)
    }),
    ("param_name missing", ANY, |doc, rng| {
        let p = pick_param(doc, rng);
        doc.root.at_mut(&p).remove("param_name");
        at_value("missing-required-field", p)
    }),
    ("duplicate param_name", ANY, |doc, rng| {
        let params = ensure_params(doc, 2);
        let n = doc.root.at(&params).len();
        let j = 1 + rng.below(n - 1);
        let i = rng.below(j);
        let name = doc
            .root
            .at(&path(&params, &[&i.to_string(), "param_name"]))
            .clone();
        let p = path(&params, &[&j.to_string(), "param_name"]);
        *doc.root.at_mut(&p) = name;
        at_value("duplicate-param-name", p)
    }),
    ("param_value with a forbidden character", ANY, |doc, rng| {
        let p = path(&pick_param(doc, rng), &["param_value"]);
        let value = doc.root.at(&p).as_str().expect("a value").to_owned();
        let bad = rng.pick(&[
            ";", "!", "$", "'", "\t", "\n", "é", "%", "<", "`", "|", "~", "&", "^", "(", "😀",
            "\u{0}",
        ]);
        *doc.root.at_mut(&p) = J::s(insert_char(rng, &value, bad));
        at_value("param-value-charset", p)
    }),
    ("param_value with two periods in a row", ANY, |doc, rng| {
        let p = path(&pick_param(doc, rng), &["param_value"]);
        let value = doc.root.at(&p).as_str().expect("a value").to_owned();
        *doc.root.at_mut(&p) = J::s(insert_char(rng, &value, ".."));
        at_value("param-value-consecutive-periods", p)
    }),
    ("param_value too long", ANY, |doc, rng| {
        let p = path(&pick_param(doc, rng), &["param_value"]);
        let unit = rng.pick(&["a", "ab", "x.y", "\\\"", "{}"]);
        let mut value = unit.repeat(4097 / unit.len() + 1);
        value.truncate(4097 + rng.below(3));
        *doc.root.at_mut(&p) = J::s(value);
        at_value("param-value-length", p)
    }),
    ("param_value empty without param_refer", ANY, |doc, rng| {
        let param = pick_param(doc, rng);
        let object = doc.root.at_mut(&param);
        object.set("param_value", J::s(""));
        object.remove("param_refer");
        at_value("param-value-missing", path(&param, &["param_value"]))
    }),
    ("param_value and param_refer absent", ANY, |doc, rng| {
        let param = pick_param(doc, rng);
        let object = doc.root.at_mut(&param);
        object.remove("param_value");
        object.remove("param_refer");
        at_value("param-value-missing", param)
    }),
    ("param_order is discarded", ANY, |doc, rng| {
        let param = pick_param(doc, rng);
        doc.root
            .at_mut(&param)
            .insert_at(rng, "param_order", J::lit("1"));
        at_key("discarded-field", path(&param, &["param_order"]))
    }),
    ("unknown key in a script parameter", ANY, |doc, rng| {
        let param = pick_param(doc, rng);
        let key = rng.pick(&["paramName", "param_values", "value"]);
        doc.root.at_mut(&param).insert_at(rng, key, J::s("x"));
        at_key("unknown-field", path(&param, &[key]))
    }),
    ("refer_type not PARAM_STORE", ANY, |doc, rng| {
        let param = pick_param(doc, rng);
        let refer = ensure_refer(doc, &param);
        let p = path(&refer, &["refer_type"]);
        *doc.root.at_mut(&p) = J::s(rng.pick(&["param_store", "OTHER", ""]));
        at_value("invalid-refer-type", p)
    }),
    ("param_id empty", ANY, |doc, rng| {
        let param = pick_param(doc, rng);
        let refer = ensure_refer(doc, &param);
        let p = path(&refer, &["param_id"]);
        *doc.root.at_mut(&p) = J::s("");
        at_value("param-id-empty", p)
    }),
    ("param_id missing", ANY, |doc, rng| {
        let param = pick_param(doc, rng);
        let refer = ensure_refer(doc, &param);
        doc.root.at_mut(&refer).remove("param_id");
        at_value("missing-required-field", refer)
    }),
    ("param_version empty or too long", ANY, |doc, rng| {
        let param = pick_param(doc, rng);
        let refer = ensure_refer(doc, &param);
        let v = if rng.chance() {
            String::new()
        } else {
            "v1.0.0.0.0.1".to_owned()
        };
        doc.root.at_mut(&refer).set("param_version", J::s(v));
        at_value("param-version-length", path(&refer, &["param_version"]))
    }),
    // ------------------------------------------------------ any document
    (
        "a scalar replaced by a container or the reverse",
        ALL,
        |doc, rng| {
            // Not the root, not the `data` of a response (that would make it
            // another kind of document), and not a `null` (setting a field
            // that was null is a second change: `unexpected-finish-time`
            // then fires as well, by design).
            let candidates: Vec<Path> = nodes(&doc.root)
                .into_iter()
                .filter(|p| !p.is_empty() && p[..] != ["data".to_owned()])
                .filter(|p| doc.root.at(p) != &J::lit("null"))
                .collect();
            let p = rng.pick(&candidates);
            let node = doc.root.at_mut(&p);
            *node = match node {
                J::Lit(_) | J::Str(_) => {
                    rng.pick(&[J::Arr(vec![]), J::obj(vec![]), J::Arr(vec![J::lit("1")])])
                }
                J::Arr(_) | J::Obj(_) => rng.pick(&[J::s("x"), J::lit("true"), J::s("")]),
            };
            at_value("wrong-type", p)
        },
    ),
    ("a number written as a string", ALL, |doc, rng| {
        let candidates: Vec<Path> = nodes(&doc.root)
            .into_iter()
            .filter(|p| matches!(doc.root.at(p), J::Lit(t) if t != "null"))
            .collect();
        let p = rng.pick(&candidates);
        let text = match doc.root.at(&p) {
            J::Lit(t) => t.clone(),
            _ => unreachable!(),
        };
        *doc.root.at_mut(&p) = J::s(text);
        at_value("number-as-string", p)
    }),
    ("an unknown key in any object", ALL, |doc, rng| {
        let candidates: Vec<Path> = nodes(&doc.root)
            .into_iter()
            .filter(|p| matches!(doc.root.at(p), J::Obj(_)))
            .collect();
        let p = rng.pick(&candidates);
        let key = rng.pick(&["zz_unknown", "x y", "~0", "/", "\\\"", "é😀"]);
        doc.root.at_mut(&p).insert_at(rng, key, J::lit("null"));
        at_key("unknown-field", path(&p, &[key]))
    }),
    ("a key twice in any object", ALL, |doc, rng| {
        let candidates: Vec<Path> = nodes(&doc.root)
            .into_iter()
            .filter(|p| matches!(doc.root.at(p), J::Obj(m) if !m.is_empty()))
            .collect();
        let p = rng.pick(&candidates);
        let members = doc.root.at_mut(&p).members();
        let first = rng.below(members.len());
        let copy = members[first].clone();
        let at = first + 1 + rng.below(members.len() - first);
        let key = copy.0.clone();
        members.insert(at, copy);
        at_key("duplicate-key", path(&p, &[&key]))
    }),
    // ------------------------------------------- tickets and ticket lists
    ("status not documented", TICKETS, |doc, rng| {
        let p = path(&pick_ticket(doc, rng), &["status"]);
        *doc.root.at_mut(&p) =
            J::s(rng.pick(&["DONE", "finished", "SUCCESS", "", " FINISHED", "ROLLBACKED"]));
        at_value("invalid-status", p)
    }),
    ("status not a string", TICKETS, |doc, rng| {
        let p = path(&pick_ticket(doc, rng), &["status"]);
        *doc.root.at_mut(&p) =
            rng.pick(&[J::lit("1"), J::lit("true"), J::Arr(vec![J::s("FINISHED")])]);
        at_value("wrong-type", p)
    }),
    (
        "finished status without gmt_finished",
        TICKETS,
        |doc, rng| {
            let t = pick_ticket(doc, rng);
            let ticket = doc.root.at_mut(&t);
            ticket.set("status", J::s(rng.pick(&["FINISHED", "CANCELED"])));
            if rng.chance() {
                ticket.remove("gmt_finished");
            } else {
                ticket.set("gmt_finished", J::lit("null"));
            }
            at_value("missing-finish-time", path(&t, &["status"]))
        },
    ),
    (
        "unfinished status with gmt_finished",
        TICKETS,
        |doc, rng| {
            let t = pick_ticket(doc, rng);
            let ticket = doc.root.at_mut(&t);
            ticket.set("status", J::s(rng.pick(&["READY", "PROCESSING"])));
            let created = ticket
                .get("gmt_created")
                .and_then(J::as_i64)
                .expect("created");
            let took = rng.between(0, 10_000_000);
            ticket.set("gmt_finished", J::lit(created + took));
            if rng.chance() {
                ticket.set("execute_costs", J::lit(took));
            } else {
                ticket.remove("execute_costs");
            }
            at_value("unexpected-finish-time", path(&t, &["gmt_finished"]))
        },
    ),
    ("execute_costs not the duration", TICKETS, |doc, rng| {
        let t = pick_ticket(doc, rng);
        let ticket = doc.root.at_mut(&t);
        ticket.set(
            "status",
            J::s(rng.pick(&["FINISHED", "CANCELED", "ABNORMAL", "PAUSED"])),
        );
        let created = ticket
            .get("gmt_created")
            .and_then(J::as_i64)
            .expect("created");
        let took = rng.between(0, 10_000_000);
        ticket.set("gmt_finished", J::lit(created + took));
        let off = rng.between(1001, 1_000_000) * if rng.chance() { 1 } else { -1 };
        ticket.set("execute_costs", J::lit(took + off));
        at_value("execute-costs-mismatch", path(&t, &["execute_costs"]))
    }),
    ("finished before created", TICKETS, |doc, rng| {
        let t = pick_ticket(doc, rng);
        let ticket = doc.root.at_mut(&t);
        ticket.set(
            "status",
            J::s(rng.pick(&["FINISHED", "CANCELED", "ABNORMAL", "PAUSED"])),
        );
        let created = ticket
            .get("gmt_created")
            .and_then(J::as_i64)
            .expect("created");
        ticket.set("gmt_finished", J::lit(created - rng.between(1, 10_000_000)));
        ticket.remove("execute_costs");
        at_value("finished-before-created", path(&t, &["gmt_finished"]))
    }),
    ("gmt_created as a numeric string", TICKETS, |doc, rng| {
        let p = path(&pick_ticket(doc, rng), &["gmt_created"]);
        let text = match doc.root.at(&p) {
            J::Lit(t) => t.clone(),
            _ => unreachable!(),
        };
        *doc.root.at_mut(&p) = J::s(text);
        at_value("number-as-string", p)
    }),
    (
        "current_execute_batch_index overflows int32",
        TICKET | BARE,
        |doc, rng| {
            let t = pick_ticket(doc, rng);
            let p = path(&t, &["properties", "current_execute_batch_index"]);
            *doc.root.at_mut(&p) = J::lit(rng.pick(&["3000000000", "-2147483649", "1e10"]));
            at_value("number-overflow", p)
        },
    ),
    ("unknown key in a ticket", TICKETS, |doc, rng| {
        let t = pick_ticket(doc, rng);
        let object = match doc.root.at(&t).get("properties") {
            Some(J::Obj(_)) if rng.chance() => path(&t, &["properties"]),
            _ => t,
        };
        let key = rng.pick(&["executeUuid", "gmt_modified", "foo", "Status"]);
        doc.root.at_mut(&object).insert_at(rng, key, J::lit("0"));
        at_key("unknown-field", path(&object, &[key]))
    }),
    ("total smaller than the page", LIST, |doc, rng| {
        pick_ticket(doc, rng);
        let n = list_len(doc);
        let p = path(&[], &["data", "total"]);
        *doc.root.at_mut(&p) = J::lit(rng.between(0, n as i64 - 1));
        at_value("list-total-too-small", p)
    }),
    ("101 tickets on a page", LIST, |doc, rng| {
        let t = pick_ticket(doc, rng);
        let item = doc.root.at(&t).clone();
        let p = path(&[], &["data", "data"]);
        let items = doc.root.at_mut(&p).items();
        while items.len() < 101 {
            items.push(item.clone());
        }
        let total = doc.root.at_mut(&path(&[], &["data", "total"]));
        if total.as_i64().is_some_and(|t| t < 101) {
            *total = J::lit(101 + rng.below(10));
        }
        at_value("list-page-size", p)
    }),
    ("order_id not positive", LIST, |doc, rng| {
        let p = path(&pick_ticket(doc, rng), &["order_id"]);
        *doc.root.at_mut(&p) = J::lit(rng.pick(&["0", "-1", "-9223372036854775808"]));
        at_value("order-id-out-of-range", p)
    }),
    ("order_id overflows int64", LIST, |doc, rng| {
        let p = path(&pick_ticket(doc, rng), &["order_id"]);
        *doc.root.at_mut(&p) =
            J::lit(rng.pick(&["9223372036854775808", "1e19", "-9223372036854775809"]));
        at_value("number-overflow", p)
    }),
    ("order_name empty or too long", LIST, |doc, rng| {
        let p = path(&pick_ticket(doc, rng), &["order_name"]);
        let v = if rng.chance() {
            String::new()
        } else {
            "日".repeat(65)
        };
        *doc.root.at_mut(&p) = J::s(v);
        at_value("order-name-length", p)
    }),
    ("order_name missing", LIST, |doc, rng| {
        let t = pick_ticket(doc, rng);
        doc.root
            .at_mut(&t)
            .remove(rng.pick(&["order_name", "order_id", "execute_uuid"]));
        at_value("missing-required-field", t)
    }),
    ("total missing", LIST, |doc, _| {
        let page = path(&[], &["data"]);
        doc.root.at_mut(&page).remove("total");
        at_value("missing-required-field", page)
    }),
    // ------------------------------------------------------ ExecuteScript
    ("rotation_strategy not documented", SCRIPT, |doc, rng| {
        let p = path(&pick_batch(doc, rng), &["rotation_strategy"]);
        *doc.root.at_mut(&p) = J::s(rng.pick(&["STOP", "continue", "PAUSED", ""]));
        at_value("invalid-rotation-strategy", p)
    }),
    ("batch_index out of range", SCRIPT, |doc, rng| {
        let p = path(&pick_batch(doc, rng), &["batch_index"]);
        *doc.root.at_mut(&p) = J::lit(rng.pick(&["0", "21", "-1", "100"]));
        at_value("batch-index-out-of-range", p)
    }),
    ("batch_index not a number", SCRIPT, |doc, rng| {
        let p = path(&pick_batch(doc, rng), &["batch_index"]);
        *doc.root.at_mut(&p) = rng.pick(&[J::s("first"), J::lit("null"), J::lit("1.5")]);
        at_value("wrong-type", p)
    }),
    ("duplicate batch_index", SCRIPT, |doc, rng| {
        let list = path(&[], &["execute_batches"]);
        if batches(doc).len() < 2 {
            let mut copy = batches(doc)[0].clone();
            copy.set("target_instances", J::Arr(vec![instance_copy(doc)]));
            doc.root.at_mut(&list).items().push(copy);
        }
        let n = batches(doc).len();
        let j = 1 + rng.below(n - 1);
        let i = rng.below(j);
        let index = doc
            .root
            .at(&path(&list, &[&i.to_string(), "batch_index"]))
            .clone();
        let p = path(&list, &[&j.to_string(), "batch_index"]);
        *doc.root.at_mut(&p) = index;
        at_value("duplicate-batch-index", p)
    }),
    ("no batch", SCRIPT, |doc, _| {
        let p = path(&[], &["execute_batches"]);
        *doc.root.at_mut(&p) = J::Arr(vec![]);
        at_value("batch-count", p)
    }),
    ("execute_batches missing", SCRIPT, |doc, _| {
        doc.root.remove("execute_batches");
        at_value("missing-required-field", vec![])
    }),
    (
        "batch without or with too many instances",
        SCRIPT,
        |doc, rng| {
            let b = pick_batch(doc, rng);
            let p = path(&b, &["target_instances"]);
            let len = doc.root.at(&p).len();
            if rng.chance() && total_instances(doc) - len + 11 <= 200 {
                let first = doc.root.at(&path(&p, &["0"])).clone();
                let items = doc.root.at_mut(&p).items();
                while items.len() < 11 {
                    items.push(first.clone());
                }
            } else {
                *doc.root.at_mut(&p) = J::Arr(vec![]);
            }
            at_value("batch-instance-count", p)
        },
    ),
    ("target_instances not an array", SCRIPT, |doc, rng| {
        let p = path(&pick_batch(doc, rng), &["target_instances"]);
        *doc.root.at_mut(&p) = rng.pick(&[J::obj(vec![]), J::s("i-1")]);
        at_value("wrong-type", p)
    }),
    ("rotation_strategy missing", SCRIPT, |doc, rng| {
        let b = pick_batch(doc, rng);
        doc.root.at_mut(&b).remove("rotation_strategy");
        at_value("missing-required-field", b)
    }),
    ("resource_id empty or too long", SCRIPT, |doc, rng| {
        let p = path(&pick_instance(doc, rng), &["resource_id"]);
        let v = if rng.chance() {
            String::new()
        } else {
            "é".repeat(65)
        };
        *doc.root.at_mut(&p) = J::s(v);
        at_value("resource-id-length", p)
    }),
    ("region_id empty or too long", SCRIPT, |doc, rng| {
        let p = path(&pick_instance(doc, rng), &["region_id"]);
        let v = if rng.chance() {
            String::new()
        } else {
            "cn-north-".repeat(4)
        };
        *doc.root.at_mut(&p) = J::s(v);
        at_value("region-id-length", p)
    }),
    ("region_id missing", SCRIPT, |doc, rng| {
        let i = pick_instance(doc, rng);
        doc.root.at_mut(&i).remove("region_id");
        at_value("missing-required-field", i)
    }),
    ("type not CLOUDSERVER", SCRIPT, |doc, rng| {
        let i = pick_instance(doc, rng);
        doc.root
            .at_mut(&i)
            .set("type", J::s(rng.pick(&["VM", "cloudserver", ""])));
        at_value("invalid-instance-type", path(&i, &["type"]))
    }),
    ("providers differ", SCRIPT, |doc, rng| {
        if total_instances(doc) < 2 {
            let copy = instance_copy(doc);
            let p = path(&[], &["execute_batches", "0", "target_instances"]);
            doc.root.at_mut(&p).items().push(copy);
        }
        let all = instance_paths(doc);
        let effective = |j: &J| {
            j.get("provider")
                .and_then(J::as_str)
                .unwrap_or("ECS")
                .to_owned()
        };
        let first = effective(doc.root.at(&all[0]));
        let k = all[1 + rng.below(all.len() - 1)].clone();
        let instance = doc.root.at_mut(&k);
        if first != "ECS" && rng.chance() {
            instance.remove("provider");
            at_value("provider-mismatch", k)
        } else {
            let other = if first == "ECS" {
                rng.pick(&["CCE", "ecs", "BMS"])
            } else {
                "ECS"
            };
            instance.set("provider", J::s(other));
            at_value("provider-mismatch", path(&k, &["provider"]))
        }
    }),
    ("six custom attributes", SCRIPT, |doc, rng| {
        let i = pick_instance(doc, rng);
        let attribute = J::obj(vec![("key", J::s("k")), ("value", J::s("v"))]);
        doc.root
            .at_mut(&i)
            .set("custom_attributes", J::Arr(vec![attribute; 6]));
        at_value(
            "too-many-custom-attributes",
            path(&i, &["custom_attributes"]),
        )
    }),
    (
        "custom attribute key or value too long",
        SCRIPT,
        |doc, rng| {
            let i = pick_instance(doc, rng);
            let (field, rule, len) = if rng.chance() {
                ("key", "custom-attribute-key-length", 11)
            } else {
                ("value", "custom-attribute-value-length", 21)
            };
            let mut attribute = J::obj(vec![("key", J::s("k")), ("value", J::s("v"))]);
            attribute.set(field, J::s("日".repeat(len)));
            let attributes = match doc.root.at(&i).get("custom_attributes") {
                Some(J::Arr(items)) if items.len() < 5 => items.clone(),
                _ => vec![],
            };
            let a = rng.below(attributes.len() + 1);
            let mut attributes = attributes;
            attributes.insert(a, attribute);
            doc.root
                .at_mut(&i)
                .set("custom_attributes", J::Arr(attributes));
            at_value(
                rule,
                path(&i, &["custom_attributes", &a.to_string(), field]),
            )
        },
    ),
    ("discarded instance field", SCRIPT, |doc, rng| {
        let i = pick_instance(doc, rng);
        let key = rng.pick(&["agent_sn", "project_id"]);
        doc.root.at_mut(&i).insert_at(rng, key, J::s("x"));
        at_key("discarded-field", path(&i, &[key]))
    }),
    ("unknown key in an instance or batch", SCRIPT, |doc, rng| {
        let object = if rng.chance() {
            pick_instance(doc, rng)
        } else {
            pick_batch(doc, rng)
        };
        let key = rng.pick(&["resourceId", "agentStatus", "zone_id", "batchIndex"]);
        doc.root.at_mut(&object).insert_at(rng, key, J::s("x"));
        at_key("unknown-field", path(&object, &[key]))
    }),
];

/// The path of every value of a tree, containers before their contents.
fn nodes(root: &J) -> Vec<Path> {
    fn walk(j: &J, at: &mut Path, out: &mut Vec<Path>) {
        out.push(at.clone());
        match j {
            J::Obj(members) => {
                for (k, v) in members {
                    at.push(k.clone());
                    walk(v, at, out);
                    at.pop();
                }
            }
            J::Arr(items) => {
                for (i, v) in items.iter().enumerate() {
                    at.push(i.to_string());
                    walk(v, at, out);
                    at.pop();
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(root, &mut Vec::new(), &mut out);
    out
}

/// The path of a ticket: the one of a ticket response, or a random one of
/// a list (one is added to an empty list).
fn pick_ticket(doc: &mut Doc, rng: &mut Rng) -> Path {
    match doc.kind {
        Kind::Ticket => return path(&[], &["data"]),
        Kind::Bare => return vec![],
        _ => {}
    }
    if list_len(doc) == 0 {
        let item = J::obj(vec![
            ("order_id", J::lit(7)),
            ("order_name", J::s("n")),
            ("execute_uuid", J::s("SCT2023102211473400000000a")),
            ("gmt_created", J::lit(1_697_946_452_186i64)),
            ("status", J::s("READY")),
        ]);
        doc.root
            .at_mut(&path(&[], &["data", "data"]))
            .items()
            .push(item);
        let total = doc.root.at_mut(&path(&[], &["data", "total"]));
        if total.as_i64() == Some(0) {
            *total = J::lit(1);
        }
    }
    let i = rng.below(list_len(doc));
    path(&[], &["data", "data", &i.to_string()])
}

fn list_len(doc: &Doc) -> usize {
    match doc.root.at(&path(&[], &["data", "data"])) {
        J::Arr(items) => items.len(),
        _ => unreachable!(),
    }
}

/// A copy of the first instance (so its provider matches the others').
fn instance_copy(doc: &Doc) -> J {
    doc.root
        .at(&path(
            &[],
            &["execute_batches", "0", "target_instances", "0"],
        ))
        .clone()
}

// ------------------------------------------------------------------ checking

/// Every rule but `plaintext-secret`: the generated names and values are
/// random strings, which is what generated credentials look like (a random
/// name may be `sk`, a random 40-character value a secret key); that rule
/// has its own properties in `tests/secrets.rs`.
fn lint(text: &str) -> FileReport {
    static LINTER: std::sync::OnceLock<Linter> = std::sync::OnceLock::new();
    LINTER
        .get_or_init(|| {
            let mut rules = coc_lint::RuleSet::builder();
            rules.disable("plaintext-secret").expect("a built-in rule");
            Linter::with_rules(
                coc_lint::LintOptions::default(),
                std::sync::Arc::new(rules.build()),
            )
        })
        .lint_source("structured.json", text)
}

fn show(text: &str, report: &FileReport) -> String {
    let mut out = String::new();
    for d in &report.diagnostics {
        let snippet = text
            .get(d.span.offset..d.span.end())
            .unwrap_or("<out of range>");
        let short: String = snippet.chars().take(80).collect();
        let _ = writeln!(
            out,
            "  {} {} at {:?} {}+{} ({}:{}) {:?}: {}",
            d.code,
            d.name,
            d.pointer,
            d.span.offset,
            d.span.length,
            d.start.line,
            d.start.column,
            short,
            d.message
        );
    }
    out
}

/// 1-based line and character column of a byte offset; lines end at `\n`;
/// a byte order mark at the start is not a column.
fn position(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let mut within = &text[start..offset];
    if line == 1 {
        within = within.strip_prefix('\u{feff}').unwrap_or(within);
    }
    (line, within.chars().count() + 1)
}

/// The JSON value a span's text stands for, whitespace and escapes
/// normalised (the raw text when serde_json cannot read it, e.g. `1e400`).
fn canonical(text: &str) -> String {
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(v) => v.to_string(),
        Err(_) => text.trim().to_owned(),
    }
}

fn canonical_j(j: &J) -> String {
    canonical(&render(j, Style::Minified).text)
}

/// What one diagnostic found, layout aside: code, pointer, whether it
/// spans a key, and the JSON value (or key) its span covers.
type Finding = (String, String, bool, String);

/// Check one diagnostic's positions and find which recorded site it covers:
/// `Ok((on_key, span text))`.
fn locate(text: &str, r: &Rendered, d: &coc_lint::Diagnostic) -> Result<(bool, String), String> {
    let end = d.span.end();
    if end > text.len() || !text.is_char_boundary(d.span.offset) || !text.is_char_boundary(end) {
        return Err(format!("span {:?} is not inside the text", d.span));
    }
    let start = position(text, d.span.offset);
    if (d.start.line, d.start.column) != start {
        return Err(format!(
            "start ({}, {}) but offset {} is at {start:?}",
            d.start.line, d.start.column, d.span.offset
        ));
    }
    let stop = position(text, end);
    if (d.end.line, d.end.column) != stop {
        return Err(format!(
            "end ({}, {}) but offset {end} is at {stop:?}",
            d.end.line, d.end.column
        ));
    }
    let range = d.span.offset..end;
    let sites = r
        .sites
        .get(&d.pointer)
        .ok_or_else(|| format!("pointer {:?} names nothing in the document", d.pointer))?;
    for site in sites {
        if site.value == range {
            return Ok((false, text[range].to_owned()));
        }
        if site.key.as_ref() == Some(&range) {
            return Ok((true, text[range].to_owned()));
        }
    }
    Err(format!(
        "span {range:?} ({:?}) is neither the value nor the key at {:?} (sites {sites:?})",
        &text[range.clone()],
        d.pointer
    ))
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, cases: 256, ..ProptestConfig::default() })]

    /// Property 1: generated valid documents pass, with no diagnostic at
    /// all, whatever the layout, and are recognised as what they are.
    #[test]
    fn valid_documents_pass(doc in doc(), style in style()) {
        let r = render(&doc.root, style);
        let report = lint(&r.text);
        prop_assert!(
            report.diagnostics.is_empty(),
            "valid {:?} document in {:?} style gave diagnostics:\n{}\ndocument:\n{}",
            doc.kind, style, show(&r.text, &report), r.text
        );
        prop_assert_eq!(report.kind, Some(doc.kind.detected()), "document:\n{}", r.text);
    }
}

/// `value / 10` written in one of several notations, with `zeros` extra
/// trailing zeros: `94.100`, `94100e-3`, `9.4100E+1`, `0.94100e2`.
fn tenths_written(tenths: u32, zeros: usize, form: u8, upper: bool) -> String {
    let digits = tenths.to_string();
    let pad = "0".repeat(zeros);
    let e = if upper { "E" } else { "e" };
    match form {
        0 => format!("{}.{}{pad}", tenths / 10, tenths % 10),
        1 => format!("{digits}{pad}{e}-{}", zeros + 1),
        2 => format!(
            "{}.{}{pad}{e}+{}",
            &digits[..1],
            &digits[1..],
            digits.len() - 2
        ),
        _ => format!("0.{digits}{pad}{e}{}", digits.len() - 1),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, cases: 256, ..ProptestConfig::default() })]

    /// A success rate of one decimal place passes in every notation JSON
    /// allows, as the rule's manual decides ("trailing zeros of the fraction
    /// are not counted, and an exponent is applied").
    #[test]
    fn success_rate_in_any_notation_passes(
        doc in doc_of(ANY),
        tenths in 10u32..=1000,
        zeros in 0usize..4,
        form in 0u8..4,
        upper in any::<bool>(),
        style in style(),
    ) {
        let mut doc = doc;
        let written = tenths_written(tenths, zeros, form, upper);
        let ep = doc.ep();
        doc.root.at_mut(&ep).set("success_rate", J::Lit(written.clone()));
        let r = render(&doc.root, style);
        let report = lint(&r.text);
        prop_assert!(
            report.diagnostics.is_empty(),
            "success_rate {} (= {}) gave:\n{}document:\n{}",
            written, f64::from(tenths) / 10.0, show(&r.text, &report), r.text
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, cases: 768, ..ProptestConfig::default() })]

    /// Property 2: one mutated field gives exactly its diagnostic, at its
    /// pointer, spanning exactly the mutated value (or key).
    #[test]
    fn one_mutation_gives_exactly_its_diagnostic(
        (mutation, doc) in mutated(),
        seed in any::<u64>(),
        style in style(),
    ) {
        let mut doc = doc;
        let (label, _, apply) = mutation;
        let expect = apply(&mut doc, &mut Rng(seed));
        let r = render(&doc.root, style);
        let report = lint(&r.text);
        let want = pointer(&expect.path);
        let context = format!(
            "mutation {label:?} on a {:?} document in {style:?} style: expected {} at {want:?} ({}), got:\n{}document:\n{}",
            doc.kind, expect.name, if expect.key { "key" } else { "value" }, show(&r.text, &report), r.text
        );
        prop_assert_eq!(report.diagnostics.len(), 1, "{}", context);
        let d = &report.diagnostics[0];
        prop_assert_eq!(&d.name, expect.name, "{}", context);
        prop_assert_eq!(&d.pointer, &want, "{}", context);
        let site = r.sites.get(&want).and_then(|s| s.last()).expect("the mutated value is rendered");
        let range = if expect.key { site.key.clone().expect("a member") } else { site.value.clone() };
        prop_assert_eq!(d.span.offset..d.span.end(), range.clone(), "{}", context);
        // The span's text is the mutated value's (or key's) JSON text.
        let text = &r.text[range];
        let wanted = if expect.key {
            canonical_j(&J::s(expect.path.last().expect("a key").clone()))
        } else {
            canonical_j(doc.root.at(&expect.path))
        };
        prop_assert_eq!(canonical(text), wanted, "{}", context);
        let located = locate(&r.text, &r, d);
        prop_assert!(located.is_ok(), "{:?}\n{}", located, context);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, cases: 128, ..ProptestConfig::default() })]

    /// Property 3: every layout of the same (possibly mutated) document gives
    /// the same (code, pointer) pairs; every span agrees with its line and
    /// column and covers the same JSON value (or key) in every layout.
    #[test]
    fn layout_changes_spans_not_findings(
        (mutation, doc) in mutated(),
        mutate in any::<bool>(),
        seed in any::<u64>(),
    ) {
        let mut doc = doc;
        let mut label = "none";
        if mutate {
            let (l, _, apply) = mutation;
            label = l;
            apply(&mut doc, &mut Rng(seed));
        }
        let mut reference: Option<(Style, Vec<Finding>, String)> = None;
        for style in STYLES {
            let r = render(&doc.root, style);
            let report = lint(&r.text);
            let mut found = Vec::new();
            for d in &report.diagnostics {
                let located = locate(&r.text, &r, d);
                prop_assert!(
                    located.is_ok(),
                    "mutation {:?}, {:?} style, {} at {:?}: {:?}\n{}document:\n{}",
                    label, style, d.name, d.pointer, located, show(&r.text, &report), r.text
                );
                let (on_key, text) = located.expect("checked");
                found.push((d.code.to_string(), d.pointer.clone(), on_key, canonical(&text)));
            }
            found.sort();
            match &reference {
                None => reference = Some((style, found, r.text)),
                Some((first_style, first, first_text)) => {
                    let pairs = |v: &[Finding]| -> Vec<(String, String)> {
                        v.iter().map(|(c, p, _, _)| (c.clone(), p.clone())).collect()
                    };
                    prop_assert_eq!(
                        pairs(&found), pairs(first),
                        "mutation {:?}: {:?} and {:?} layouts disagree\nthis one:\n{}\nthe first:\n{}",
                        label, style, first_style, r.text, first_text
                    );
                    prop_assert_eq!(
                        &found, first,
                        "mutation {:?}: spans of the {:?} and {:?} layouts cover different values\nthis one:\n{}\nthe first:\n{}",
                        label, style, first_style, r.text, first_text
                    );
                }
            }
        }
    }
}

/// The renderer itself: every layout is JSON that serde_json reads as the
/// same value, and the recorded sites cover what they should.
#[test]
fn renderer_is_faithful() {
    let root = J::obj(vec![
        ("a/b", J::s("x/\"\\\n\u{1}é😀")),
        ("n", J::lit("1.50")),
        (
            "list",
            J::Arr(vec![J::obj(vec![("k", J::Arr(vec![]))]), J::obj(vec![])]),
        ),
    ]);
    let expected = canonical_j(&root);
    let mut seen = BTreeSet::new();
    for style in STYLES {
        let r = render(&root, style);
        assert!(
            seen.insert(r.text.clone()),
            "{style:?} is not a layout of its own"
        );
        let body = r.text.strip_prefix('\u{feff}').unwrap_or(&r.text);
        assert_eq!(canonical(body), expected, "{style:?}:\n{}", r.text);
        let site = &r.sites["/a~1b"][0];
        assert_eq!(
            serde_json::from_str::<String>(&r.text[site.key.clone().unwrap()]).unwrap(),
            "a/b"
        );
        assert_eq!(&r.text[r.sites["/n"][0].value.clone()], "1.50");
        assert_eq!(
            canonical(&r.text[r.sites["/list/0/k"][0].value.clone()]),
            "[]"
        );
    }
    let huawei = render(&root, Style::Huawei).text;
    assert!(
        huawei.contains("\"list\" : [ {\n    \"k\" : [ ]\n  }, { } ]"),
        "{huawei}"
    );
    assert!(render(&root, Style::Crlf)
        .text
        .contains("\r\n  \"n\": 1.50,\r\n"));
    let escaped = render(&root, Style::Escaped).text;
    assert!(escaped.contains("\"\\u0061/b\""), "{escaped}");
    assert!(escaped.contains("\"\\u006E\": 1.50"), "{escaped}");
    assert!(escaped.contains("\"list\": ["), "{escaped}");
    assert!(escaped.contains("x\\/"), "{escaped}");
    let loose = render(&root, Style::Loose).text;
    assert!(loose.contains("\n, \"n\" :\t1.50\n"), "{loose}");
    for (tenths, written) in [
        (941, ["94.1", "941e-1", "9.41e+1", "0.941e2"]),
        (1000, ["100.0", "1000e-1", "1.000e+2", "0.1000e3"]),
    ] {
        for (form, w) in written.iter().enumerate() {
            assert_eq!(tenths_written(tenths, 0, form as u8, false), *w);
            assert_eq!(
                written[0].parse::<f64>().unwrap(),
                w.parse::<f64>().unwrap()
            );
        }
    }
    assert_eq!(tenths_written(941, 2, 1, true), "94100E-3");
}
