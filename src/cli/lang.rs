//! `--lang`: the language of messages, help, rule manuals and `--help`.
//!
//! Precedence: `--lang` (on any subcommand), then `lang` in the
//! `coc-lint.toml` that applies, then the `COC_LINT_LANG` environment
//! variable, then English. `--help` is printed before any configuration is
//! read, so its language comes from a pre-scan of the arguments and the
//! environment only; clap's help texts are static, so the Chinese ones are
//! put on the command at run time through clap's builder API
//! ([`localize`]).

use std::sync::OnceLock;

use clap::{Arg, Command};
use coc_lint::i18n::{self, Lang};

/// The global `--lang` option.
#[derive(Debug, Clone, Default, clap::Args)]
pub(crate) struct LangArgs {
    /// Language of messages, help and rule manuals (and `fetch`'s
    /// X-Language to the API): en-us or zh-cn (default: `lang` in
    /// coc-lint.toml, else COC_LINT_LANG, else en-us).
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<Lang>,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    s.parse()
}

/// `--lang` as given on the command line, set once after parsing.
static FLAG: OnceLock<Option<Lang>> = OnceLock::new();

/// Remember `--lang` for the subcommands.
pub(crate) fn set_flag(lang: Option<Lang>) {
    let _ = FLAG.set(lang);
}

/// `--lang`, if it was given.
pub(crate) fn flag() -> Option<Lang> {
    FLAG.get().copied().flatten()
}

/// `COC_LINT_LANG`, or English (a value that names no language is
/// ignored, with a warning on standard error, once).
pub(crate) fn env() -> Lang {
    static ENV: OnceLock<Lang> = OnceLock::new();
    *ENV.get_or_init(|| match std::env::var(Lang::ENV) {
        Ok(value) if !value.trim().is_empty() => value.parse().unwrap_or_else(|e| {
            eprintln!("coc-lint: warning: {}: {e}; using en-us", Lang::ENV);
            Lang::EnUs
        }),
        _ => Lang::EnUs,
    })
}

/// The language of a run in folder `.`: `--lang`, else the `lang` of the
/// configuration that applies here (when it can be read), else
/// `COC_LINT_LANG`, else English.
pub(crate) fn here() -> Lang {
    if let Some(lang) = flag() {
        return lang;
    }
    let options = coc_lint::LintOptions {
        lang: env(),
        ..Default::default()
    };
    coc_lint::policy::Resolver::new(
        coc_lint::policy::Discovery::Nearest,
        options,
        &Default::default(),
    )
    .and_then(|r| r.policy(std::path::Path::new("."), true))
    .map_or_else(|_| env(), |p| p.linter().options().lang)
}

/// The language a configuration's own fault is told in: `--lang`, else
/// the `lang` of the file at fault when it parsed and names one, else
/// `COC_LINT_LANG`, else English. (The policy's language is not known when
/// it cannot be built.)
pub(crate) fn of_config_error(e: &coc_lint::policy::ConfigError) -> Lang {
    flag().unwrap_or_else(|| e.lang_or(env()))
}

/// The language `--help` is printed in, from the arguments (`--lang X`,
/// `--lang=X`) and the environment, before anything is parsed.
pub(crate) fn prescan(args: &[std::ffi::OsString]) -> Lang {
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        let value = match arg.strip_prefix("--lang") {
            Some("") => args.next().map(|v| v.into_owned()),
            Some(rest) => rest.strip_prefix('=').map(str::to_owned),
            None => None,
        };
        if let Some(lang) = value.and_then(|v| v.parse().ok()) {
            return lang;
        }
    }
    env()
}

/// `command` with its help texts in `lang`: the about line of the program
/// and of each subcommand, every argument's help, the headings and clap's
/// own `--help` and `--version` lines, from the catalog (`cli-...` ids).
/// English is the command as written.
pub(crate) fn localize(mut command: Command, lang: Lang) -> Command {
    if lang == Lang::EnUs {
        return command;
    }
    command.build();
    localize_one(command, lang, "")
}

fn localize_one(mut command: Command, lang: Lang, path: &str) -> Command {
    let t = |id: &str| i18n::format(lang, id, &[]);
    let key = if path.is_empty() {
        "cli".to_owned()
    } else {
        format!("cli-{path}")
    };
    if i18n::has(lang, &key) {
        // The list of subcommands shows the first sentence; the
        // subcommand's own help, all of it.
        let text = t(&key);
        let first = text.split_inclusive('。').next().unwrap_or(&text);
        command = command
            .about(wrap(first.trim_end_matches('。'), ABOUT_WIDTH))
            .long_about(wrap(&text, ABOUT_WIDTH));
    }
    command = command
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{}{{usage}}\n\n{{all-args}}{{after-help}}",
            t("cli-heading-usage")
        ))
        .subcommand_help_heading(t("cli-heading-commands"));
    let ids: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().as_str().to_owned())
        .collect();
    for id in ids {
        // The subcommand's own text, else the one its options share (the
        // program's own options have only those: `cli-NAME` is a
        // subcommand).
        let name = id.replace('_', "-");
        let own = (!path.is_empty()).then(|| format!("{key}-{name}"));
        let help = own
            .into_iter()
            .chain([format!("cli-arg-{name}")])
            .find(|k| i18n::has(lang, k))
            .map(|k| t(&k));
        let heading = t("cli-heading-options");
        let positional = t("cli-heading-arguments");
        command = command.mut_arg(id.as_str(), |arg: Arg| {
            let heading = if arg.is_positional() {
                positional
            } else {
                heading
            };
            let arg = arg.help_heading(heading);
            match help {
                // The translation names the possible values itself.
                Some(help) => {
                    // clap's `[default: ...]` is English: the default is
                    // said in the text instead.
                    let takes_values = arg.get_action().takes_values();
                    let defaults: Vec<String> = arg
                        .get_default_values()
                        .iter()
                        .map(|v| v.to_string_lossy().into_owned())
                        .collect();
                    let shown = takes_values && !arg.is_hide_default_value_set();
                    let help = match defaults.is_empty() || !shown {
                        true => help,
                        false if help.ends_with('。') => {
                            i18n::format(
                                lang,
                                "cli-default",
                                &[
                                    ("help", help.trim_end_matches('。').into()),
                                    ("value", defaults.join(", ").into()),
                                ],
                            ) + "。"
                        }
                        false => i18n::format(
                            lang,
                            "cli-default",
                            &[("help", help.into()), ("value", defaults.join(", ").into())],
                        ),
                    };
                    arg.help(wrap(&help, HELP_WIDTH))
                        .long_help(None::<&str>)
                        .hide_possible_values(true)
                        .hide_default_value(true)
                }
                None => arg,
            }
        });
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        let sub_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path}-{name}")
        };
        command = command.mut_subcommand(name.as_str(), |sub| localize_one(sub, lang, &sub_path));
    }
    command
}

/// Columns of a subcommand's description, and of an option's help, before
/// a line break: clap breaks lines only at spaces, which Chinese text has
/// few of, so the text is broken here.
const ABOUT_WIDTH: usize = 76;
const HELP_WIDTH: usize = 60;

/// `text` with line breaks so that no line is wider than `width` columns
/// (a CJK character takes two): between two Chinese characters or at a
/// space, never inside a Latin word or code span, and never before
/// closing punctuation.
fn wrap(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let mut tokens: Vec<String> = Vec::new();
    // Whether the last token takes the next character: a Latin word, or
    // opening punctuation (which never ends a line).
    let (mut word, mut opening) = (false, false);
    for c in text.chars() {
        let wide = c.width().unwrap_or(0) > 1;
        let closing = "，。、；：）」！？".contains(c);
        let joins = closing || opening || (!wide && word && !c.is_whitespace());
        match tokens.last_mut() {
            Some(last) if joins => last.push(c),
            _ => tokens.push(c.to_string()),
        }
        word = !wide && !c.is_whitespace() && !closing;
        opening = "（「".contains(c);
    }
    let mut out = String::new();
    let mut column = 0;
    for token in tokens {
        let w: usize = token.chars().map(|c| c.width().unwrap_or(0)).sum();
        if column > 0 && column + w > width {
            out.push('\n');
            column = 0;
            if token.trim().is_empty() {
                continue;
            }
        }
        out.push_str(&token);
        column += w;
    }
    out.lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    /// Every subcommand and argument of the command line has its Chinese
    /// help text (`src/i18n/cli.zh-cn.ftl`), so a new option cannot slip
    /// into `--help` in English only.
    #[test]
    fn every_subcommand_and_argument_has_a_chinese_help() {
        fn walk(command: &Command, key: &str, missing: &mut Vec<String>) {
            if !i18n::has(Lang::ZhCn, key) {
                missing.push(key.to_owned());
            }
            for arg in command.get_arguments() {
                let name = arg.get_id().as_str().replace('_', "-");
                let own = format!("{key}-{name}");
                let shared = format!("cli-arg-{name}");
                if !i18n::has(Lang::ZhCn, &own) && !i18n::has(Lang::ZhCn, &shared) {
                    missing.push(own);
                }
            }
            // `help`'s own subcommands only name the others.
            for sub in command.get_subcommands().filter(|_| key != "cli-help") {
                walk(sub, &format!("{key}-{}", sub.get_name()), missing);
            }
        }
        let mut command = super::super::Cli::command();
        command.build();
        let mut missing = Vec::new();
        walk(&command, "cli", &mut missing);
        assert!(missing.is_empty(), "no zh-cn help for {missing:?}");
    }

    #[test]
    fn the_language_of_help_is_found_before_parsing() {
        let scan = |args: &[&str]| {
            let argv: Vec<std::ffi::OsString> = args.iter().map(Into::into).collect();
            prescan(&argv)
        };
        assert_eq!(scan(&["coc-lint", "--lang", "zh-cn", "--help"]), Lang::ZhCn);
        assert_eq!(
            scan(&["coc-lint", "check", "--lang=zh_CN", "-h"]),
            Lang::ZhCn
        );
        assert_eq!(scan(&["coc-lint", "check", "--", "--lang", "zh-cn"]), env());
        assert_eq!(scan(&["coc-lint", "--lang", "fr", "--help"]), env());
    }

    #[test]
    fn chinese_text_is_broken_between_characters_not_inside_words() {
        let text = "把命令行给出的文件和标准输入按 NDJSON 读取：每行一个文档。";
        let wrapped = wrap(text, 20);
        assert_eq!(wrapped.replace('\n', ""), text);
        for line in wrapped.lines() {
            let width: usize = line
                .chars()
                .map(|c| unicode_width::UnicodeWidthChar::width(c).unwrap_or(0))
                .sum();
            assert!(width <= 20, "{line:?}");
            assert!(!line.starts_with(['，', '。', '：']), "{line:?}");
        }
        assert!(wrapped.contains("NDJSON"), "{wrapped}");
        for line in wrap("一二三四五六七八（九十）", 16).lines() {
            assert!(!line.ends_with('（'), "{line:?}");
        }
        assert_eq!(wrap("short", 20), "short");
    }

    #[test]
    fn the_chinese_command_is_well_formed() {
        let command = localize(super::super::Cli::command(), Lang::ZhCn);
        command.debug_assert();
        let help = localize(super::super::Cli::command(), Lang::ZhCn)
            .render_help()
            .to_string();
        assert!(help.starts_with("按照 API 文档"), "{help}");
    }
}
