//! Messages in more than one language: a Fluent message catalog per
//! language, embedded in the binary.
//!
//! Every diagnostic message, help text and label is a message identifier
//! with named arguments (`timeout-out-of-range`-style ids are the rules';
//! the others say what they word, such as `range-violation`), written once
//! per language in `src/i18n/*.ftl`: plurals, articles, word order and
//! quoting are the catalog's business, not the code's. English (`en-us`) is
//! the default and the fallback: a message that a translation lacks is
//! given in English, never as an empty string. Field names, rule codes and
//! names, model names and values from the input are arguments and are never
//! translated.
//!
//! The catalogs are parsed once per thread, on first use, into bundles kept
//! in thread-local storage (the Fluent bundle memoizes plural rules and is
//! not `Sync`), so formatting a message costs a hash lookup and the
//! resolution of one pattern.
//!
//! ```
//! use coc_lint::i18n::{format, Arg, Lang};
//!
//! let args = [("n", Arg::from(2u64))];
//! assert_eq!(format(Lang::EnUs, "summary-errors", &args), "2 errors");
//! assert_eq!(format(Lang::ZhCn, "summary-errors", &args), "2 个错误");
//! ```

use std::borrow::Cow;
use std::cell::OnceCell;
use std::fmt;
use std::str::FromStr;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

/// A language messages can be given in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Lang {
    /// English (the default and the fallback).
    #[default]
    EnUs,
    /// Simplified Chinese.
    ZhCn,
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 2] = [Lang::EnUs, Lang::ZhCn];

    /// `en-us` or `zh-cn`, as `--lang`, `lang` and `COC_LINT_LANG` take it
    /// (and as the COC API's `X-Language` header writes it).
    pub const fn as_str(self) -> &'static str {
        match self {
            Lang::EnUs => "en-us",
            Lang::ZhCn => "zh-cn",
        }
    }

    /// The name of the environment variable that chooses a language when
    /// neither `--lang` nor a configuration file does.
    pub const ENV: &'static str = "COC_LINT_LANG";

    /// The language `COC_LINT_LANG` names, if it is set to one.
    pub fn from_env() -> Option<Lang> {
        std::env::var(Lang::ENV).ok()?.parse().ok()
    }

    fn index(self) -> usize {
        match self {
            Lang::EnUs => 0,
            Lang::ZhCn => 1,
        }
    }

    /// The catalogs of this language: its messages, and (in languages
    /// other than English, whose texts are in the rule files and the doc
    /// comments of the command line) the rules' texts and `--help`.
    fn sources(self) -> &'static [&'static str] {
        match self {
            Lang::EnUs => &[include_str!("en-us.ftl")],
            Lang::ZhCn => &[
                include_str!("zh-cn.ftl"),
                include_str!("rules.zh-cn.ftl"),
                include_str!("cli.zh-cn.ftl"),
            ],
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Lang {
    type Err = String;

    /// `en-us`, `zh-cn`, in any case, with `-` or `_` (`zh_CN`, `en-US`),
    /// and the bare `en` and `zh`.
    fn from_str(s: &str) -> Result<Lang, String> {
        match s.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "en-us" | "en" => Ok(Lang::EnUs),
            "zh-cn" | "zh" | "zh-hans" | "zh-hans-cn" => Ok(Lang::ZhCn),
            _ => Err(format!("`{s}` is no language; write `en-us` or `zh-cn`")),
        }
    }
}

/// A value given to a message: text (shown as is) or a number (which the
/// catalog may also use to choose a plural form).
#[derive(Debug, Clone, PartialEq)]
pub enum Arg<'a> {
    /// Text, such as a field name or a value as written.
    Str(Cow<'a, str>),
    /// A count or a bound.
    Num(f64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Str(Cow::Borrowed(s))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Str(Cow::Borrowed(s))
    }
}

impl<'a> From<&'a Cow<'a, str>> for Arg<'a> {
    fn from(s: &'a Cow<'a, str>) -> Self {
        Arg::Str(Cow::Borrowed(s))
    }
}

impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Str(Cow::Owned(s))
    }
}

macro_rules! numeric_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg::Num(n as f64)
            }
        }
    )*};
}
numeric_arg!(u32, u64, usize, i64);

/// A message id with owned arguments, for a fault found where the language
/// is not known yet (the parser, the decoder); it is worded when it becomes
/// a diagnostic.
#[derive(Debug, Clone, PartialEq)]
pub struct Msg {
    /// The message id.
    pub id: &'static str,
    /// Its arguments.
    pub args: Vec<(&'static str, Arg<'static>)>,
    /// Arguments that are messages themselves, worded in the same language
    /// first.
    pub nested: Vec<(&'static str, Msg)>,
}

impl Msg {
    /// A message without arguments.
    pub fn new(id: &'static str) -> Msg {
        Msg {
            id,
            args: Vec::new(),
            nested: Vec::new(),
        }
    }

    /// Add an argument.
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg<'static>>) -> Msg {
        self.args.push((name, value.into()));
        self
    }

    /// Add an argument that is a message.
    pub fn msg(mut self, name: &'static str, value: Msg) -> Msg {
        self.nested.push((name, value));
        self
    }

    /// The message in `lang`.
    pub fn format(&self, lang: Lang) -> String {
        if self.nested.is_empty() {
            return format(lang, self.id, &self.args);
        }
        let mut args = self.args.clone();
        for (name, msg) in &self.nested {
            args.push((name, Arg::from(msg.format(lang))));
        }
        format(lang, self.id, &args)
    }
}

impl fmt::Display for Msg {
    /// The message in English.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.format(Lang::EnUs))
    }
}

type Bundle = FluentBundle<FluentResource>;

thread_local! {
    static BUNDLES: [OnceCell<Bundle>; 2] = const { [OnceCell::new(), OnceCell::new()] };
}

/// The bundle of `lang`, built from its embedded catalogs. A catalog that
/// does not parse, or defines an id twice, is a build defect that the test
/// suite catches (`tests::catalogs_parse`); here the entries that parsed are
/// kept.
fn bundle(lang: Lang) -> Bundle {
    let id: unic_langid::LanguageIdentifier = match lang {
        Lang::EnUs => "en-US",
        Lang::ZhCn => "zh-CN",
    }
    .parse()
    .unwrap_or_default();
    let mut bundle = FluentBundle::new(vec![id]);
    // Without this, every argument is wrapped in U+2068/U+2069 marks.
    bundle.set_use_isolating(false);
    for source in lang.sources() {
        let resource = FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
    }
    let _ = bundle.add_function("TERM", |positional, _| match positional.first() {
        Some(FluentValue::String(field)) => {
            FluentValue::String(Cow::Borrowed(crate::i18n::field_term(field)))
        }
        _ => FluentValue::String(Cow::Borrowed("")),
    });
    bundle
}

/// The official Chinese term of a field, in full-width parentheses
/// (`（超时时长）`), for the Chinese messages' `TERM($field)`; a space for a
/// field without one. The terms are those of the Chinese API documentation.
fn field_term(field: &str) -> &'static str {
    match field {
        "timeout" => "（超时时长）",
        "success_rate" => "（成功率阈值）",
        "execute_user" => "（执行用户）",
        "script_params" => "（脚本入参）",
        "param_name" => "（参数名称）",
        "param_value" => "（参数值）",
        "param_refer" => "（参数引用）",
        "param_order" => "（参数顺序）",
        "param_version" => "（参数版本号）",
        "param_id" => "（引用参数 ID）",
        "refer_type" => "（参数引用类型）",
        "resourceful" => "（是否资源受限）",
        "execute_param" => "（执行参数）",
        "execute_batches" => "（执行批次）",
        "batch_index" => "（批次索引）",
        "target_instances" => "（目标实例）",
        "rotation_strategy" => "（暂停继续策略）",
        "resource_id" => "（资源 ID）",
        "region_id" => "（区域 ID）",
        "provider" => "（资源提供者）",
        "custom_attributes" => "（自定义属性）",
        "agent_sn" => "（Agent 序列号）",
        "execute_uuid" => "（执行 UUID）",
        "gmt_created" => "（创建时间）",
        "gmt_finished" => "（完成时间）",
        "execute_costs" => "（执行耗时）",
        "creator" => "（创建人）",
        "status" => "（执行状态）",
        "properties" => "（属性）",
        "script_uuid" => "（脚本 UUID）",
        "script_name" => "（脚本名称）",
        "script_version_uuid" => "（脚本版本 UUID）",
        "script_version_name" => "（脚本版本名）",
        "current_execute_batch_index" => "（当前执行批次）",
        "total" => "（总条数）",
        "order_id" => "（工单 ID）",
        "order_name" => "（工单名称）",
        "region_ids" => "（区域 ID）",
        "limit" => "（分页大小）",
        "type" => "（实例类型）",
        "key" => "（属性键）",
        "value" => "（属性值）",
        // A space between the code-formatted name and the Chinese text.
        _ => " ",
    }
}

/// The message `id` in `lang`, with `args`. A message the language lacks
/// is given in English; an id no catalog has is given as itself (the test
/// suite checks that every id the code uses exists in every language).
pub fn format(lang: Lang, id: &str, args: &[(&'static str, Arg<'_>)]) -> String {
    BUNDLES.with(|bundles| {
        let get = |lang: Lang| bundles[lang.index()].get_or_init(|| bundle(lang));
        let found = get(lang)
            .get_message(id)
            .and_then(|m| m.value())
            .map(|p| (get(lang), p))
            .or_else(|| {
                let en = get(Lang::EnUs);
                en.get_message(id).and_then(|m| m.value()).map(|p| (en, p))
            });
        let Some((bundle, pattern)) = found else {
            return id.to_owned();
        };
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            let value = match value {
                Arg::Str(s) => FluentValue::String(Cow::Borrowed(s.as_ref())),
                Arg::Num(n) => FluentValue::from(*n),
            };
            fluent_args.set(*name, value);
        }
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    })
}

/// Whether the catalog of `lang` itself (not the English fallback) has the
/// message `id`.
pub fn has(lang: Lang, id: &str) -> bool {
    BUNDLES.with(|bundles| {
        bundles[lang.index()]
            .get_or_init(|| bundle(lang))
            .has_message(id)
    })
}

/// [`format`] with the arguments written as `name = value` pairs:
/// `tr!(lang, "summary-errors", n = 2)`.
macro_rules! tr {
    ($lang:expr, $id:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::format(
            $lang,
            $id,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),*],
        )
    };
}

pub(crate) use tr;

#[cfg(test)]
mod tests;
