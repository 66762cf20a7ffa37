//! `coc-lint fetch`: get tickets from the COC API (by execute_uuid, or every
//! ticket of a filtered list) and lint each body as `check` lints a file,
//! with the same options and reports. `--save DIR` keeps each body, byte for
//! byte, so that the diagnostics' spans point into the saved file.
//!
//! A ticket that cannot be fetched or saved is reported as an `io-error`
//! under its name, as `check` reports a file it cannot read: the others go
//! on, and the run exits with 2.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use coc_lint::fetch::{
    self, credentials, Client, Endpoint, FetchOptions, ListQuery, LIST_STATUSES,
};
use coc_lint::policy::Resolver;
use coc_lint::report::Summary;
use coc_lint::{FileReport, Linter, RuleId};
use indicatif::{ProgressBar, ProgressStyle};

use super::check;
use super::config::ConfigArgs;
use super::lint_args::LintArgs;
use super::{EXIT_ERRORS, EXIT_TROUBLE};

#[derive(Debug, clap::Args)]
pub(crate) struct FetchArgs {
    /// The execute_uuids of the tickets to fetch (1 to 26 characters each,
    /// e.g. SCT2023083109562601af694bf).
    #[arg(value_name = "EXECUTE_UUID", required_unless_present = "list")]
    uuids: Vec<String>,

    /// Fetch every ticket of the list `GET /v1/job/script/orders` returns,
    /// page by page, filtered by the options below.
    #[arg(long, conflicts_with = "uuids")]
    list: bool,

    /// With --list: only tickets in this status.
    #[arg(long, requires = "list", value_parser = clap::builder::PossibleValuesParser::new(LIST_STATUSES))]
    status: Option<String>,

    /// With --list: only tickets this user created (1 to 64 characters).
    #[arg(long, requires = "list", value_parser = parse_creator)]
    creator: Option<String>,

    /// With --list: only tickets created at or after this time (epoch
    /// seconds, 2025-01-02 or 2025-01-02T03:04:05Z).
    #[arg(long, value_name = "TIME", requires = "list", value_parser = parse_list_time)]
    since: Option<i64>,

    /// With --list: only tickets created at or before this time.
    #[arg(long, value_name = "TIME", requires = "list", value_parser = parse_list_time)]
    until: Option<i64>,

    /// With --list: at most this many tickets.
    #[arg(long, value_name = "N", requires = "list",
          value_parser = clap::value_parser!(u32).range(1..))]
    limit: Option<u32>,

    /// The region whose COC endpoint to call.
    #[arg(long, value_name = "REGION", required_unless_present = "endpoint",
          value_parser = clap::builder::PossibleValuesParser::new(fetch::endpoint::REGIONS.iter().map(|(r, _)| *r)))]
    region: Option<String>,

    /// The endpoint to call instead of a region's: https://host[:port]
    /// (plain http only to 127.0.0.1 or [::1]).
    #[arg(long, value_name = "URL", conflicts_with = "region")]
    endpoint: Option<String>,

    /// Read an IAM token (sent as X-Auth-Token) from this file, instead of
    /// COC_AUTH_TOKEN or the AK/SK of HUAWEICLOUD_SDK_AK and
    /// HUAWEICLOUD_SDK_SK.
    #[arg(long, value_name = "FILE")]
    token_file: Option<PathBuf>,

    /// X-Project-Id (default: HUAWEICLOUD_SDK_PROJECT_ID).
    #[arg(long, value_name = "ID", value_parser = parse_id)]
    project_id: Option<String>,

    /// X-Domain-Id (default: HUAWEICLOUD_SDK_DOMAIN_ID).
    #[arg(long, value_name = "ID", value_parser = parse_id)]
    domain_id: Option<String>,

    /// Save each response body, exactly as received, to
    /// DIR/<execute_uuid>.json (written atomically; created if missing).
    #[arg(long, value_name = "DIR")]
    save: Option<PathBuf>,

    /// Longest wait for a connection, in seconds.
    #[arg(long, value_name = "SECONDS", default_value = "10", value_parser = parse_seconds)]
    connect_timeout: Duration,

    /// Longest wait for a response, and for the rest of its body, in
    /// seconds.
    #[arg(long, value_name = "SECONDS", default_value = "30", value_parser = parse_seconds)]
    timeout: Duration,

    /// How many times a 429 or 5xx answer is retried, with exponential
    /// backoff (401 and 403 never are).
    #[arg(long, value_name = "N", default_value_t = 3,
          value_parser = clap::value_parser!(u32).range(0..=10))]
    retries: u32,

    /// Log each request, answer and retry on standard error (never a
    /// secret).
    #[arg(short, long)]
    verbose: bool,

    /// How tickets are linted and reported (as in `check`).
    #[command(flatten)]
    lint: LintArgs,

    /// The configuration (as in `check`): the coc-lint.toml above the
    /// --save directory, or above the current one.
    #[command(flatten)]
    config: ConfigArgs,
}

fn parse_creator(s: &str) -> Result<String, String> {
    match s.chars().count() {
        1..=64 => Ok(s.to_owned()),
        n => Err(format!("a creator is 1 to 64 characters, not {n}")),
    }
}

/// A list time, within the bounds the API documents for `start_time` and
/// `end_time` (1 to 2147483647 seconds).
fn parse_list_time(s: &str) -> Result<i64, String> {
    let t = fetch::time::parse_time(s)?;
    if (1..=i64::from(i32::MAX)).contains(&t) {
        Ok(t)
    } else {
        Err(format!(
            "{t} is outside the times the API takes (epoch seconds 1 to 2147483647, \
             1970-01-01T00:00:01Z to 2038-01-19T03:14:07Z)"
        ))
    }
}

fn parse_id(s: &str) -> Result<String, String> {
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_graphic()) {
        Ok(s.to_owned())
    } else {
        Err("an id is made of visible ASCII characters".to_owned())
    }
}

fn parse_seconds(s: &str) -> Result<Duration, String> {
    s.trim()
        .parse::<f64>()
        .ok()
        .filter(|v| *v > 0.0 && *v <= 3600.0)
        .and_then(|v| Duration::try_from_secs_f64(v).ok())
        .ok_or_else(|| format!("`{s}` is not a number of seconds between 0 and 3600"))
}

/// What a ticket is reported under when it is not saved.
fn ticket_name(uuid: &str) -> String {
    format!("coc:{uuid}")
}

pub(crate) fn run(args: &FetchArgs, out: &mut dyn Write) -> io::Result<u8> {
    let mut reporter = check::reporter(&args.lint, false);
    // The policy is read before any request: a fetched ticket is linted
    // under the configuration of the folder it is saved in (or of the
    // current one), as `check` would lint the saved file.
    let options = check::options(&args.lint, false);
    let policy = Resolver::new(args.config.discovery(), options, &args.config.overrides())
        .and_then(|r| r.policy(args.save.as_deref().unwrap_or(Path::new(".")), true));
    let policy = match policy {
        Ok(policy) => policy,
        Err(e) => return check::config_failure(&e, reporter.as_mut(), out),
    };
    let linter = policy.linter();
    let mut summary = Summary::default();
    let mut trouble = false;

    if let (Some(since), Some(until)) = (args.since, args.until) {
        if since > until {
            eprintln!(
                "coc-lint: --since ({since}) is after --until ({until}): no ticket can match"
            );
            return Ok(EXIT_TROUBLE);
        }
    }
    let client = match client(args) {
        Ok(c) => c,
        Err(message) => {
            eprintln!("coc-lint: {message}");
            return Ok(EXIT_TROUBLE);
        }
    };

    let progress = Arc::new(ProgressBar::with_draw_target(
        None,
        indicatif::ProgressDrawTarget::stderr(),
    ));
    let client = if args.verbose {
        let p = progress.clone();
        client.with_log(Box::new(move |line: &str| {
            p.suspend(|| eprintln!("coc-lint: {line}"));
        }))
    } else {
        client
    };

    let mut report =
        |report: &FileReport, source: Option<&[u8]>, out: &mut dyn Write| -> io::Result<()> {
            summary.add(report);
            trouble |= report.unreadable();
            let source =
                source.filter(|_| reporter.wants_source() && !report.diagnostics.is_empty());
            progress.suspend(|| reporter.file(out, report, source))
        };

    let mut uuids: Vec<String> = Vec::new();
    if args.list {
        let query = ListQuery {
            status: args.status.clone(),
            creator: args.creator.clone(),
            since: args.since,
            until: args.until,
            max: args.limit.map(|n| n as usize),
        };
        progress.set_style(
            ProgressStyle::with_template("{spinner} listing tickets: {pos} found")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        let outcome = client.list(&query, |n| progress.set_position(n as u64));
        if args.verbose {
            progress.suspend(|| {
                eprintln!(
                    "coc-lint: the list gave {} tickets in {} pages",
                    outcome.tickets.len(),
                    outcome.pages
                )
            });
        }
        uuids.extend(outcome.tickets.into_iter().map(|t| t.execute_uuid));
        if let Some(e) = outcome.error {
            let failed = linter.failure("coc:list", RuleId::IoError, e.message);
            report(&failed, None, out)?;
        }
    } else {
        uuids.clone_from(&args.uuids);
    }

    progress.set_position(0);
    progress.set_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} tickets {wide_msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    // Every execute_uuid is checked before any request: a typo costs no
    // network call (and is reported first).
    let (valid, invalid): (Vec<String>, Vec<String>) = uuids
        .into_iter()
        .partition(|u| fetch::validate_uuid(u).is_ok());
    for uuid in &invalid {
        let message = fetch::validate_uuid(uuid).err().unwrap_or_default();
        report(
            &linter.failure(&ticket_name(uuid), RuleId::IoError, message),
            None,
            out,
        )?;
    }
    let uuids = valid;
    progress.set_length(uuids.len() as u64);
    if uuids.len() < 2 {
        progress.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    for uuid in &uuids {
        progress.set_message(coc_lint::escape::escape(uuid).into_owned());
        let (file, body) = one(&client, linter, args, uuid);
        report(&file, body.as_deref(), out)?;
        progress.inc(1);
    }
    progress.finish_and_clear();

    reporter.finish(out, &summary)?;
    Ok(if trouble {
        EXIT_TROUBLE
    } else if summary.errors > 0 {
        EXIT_ERRORS
    } else {
        0
    })
}

/// Fetch, save and lint one ticket: its report, and the linted bytes.
fn one(
    client: &Client,
    linter: &Linter,
    args: &FetchArgs,
    uuid: &str,
) -> (FileReport, Option<Vec<u8>>) {
    let name = ticket_name(uuid);
    let body = match client.ticket(uuid) {
        Ok(body) => body,
        Err(e) => return (linter.failure(&name, RuleId::IoError, e.message), None),
    };
    let name = match &args.save {
        Some(dir) => match fetch::save::save(dir, uuid, &body) {
            Ok(path) => path.to_string_lossy().into_owned(),
            Err(e) => {
                let message = format!(
                    "ticket {} was fetched but cannot be saved in {}: {e}",
                    coc_lint::escape::escape(uuid),
                    dir.display()
                );
                return (linter.failure(&name, RuleId::IoError, message), Some(body));
            }
        },
        None => name,
    };
    (linter.lint_bytes(&name, &body), Some(body))
}

/// The client the options and the environment ask for.
fn client(args: &FetchArgs) -> Result<Client, String> {
    let endpoint = match (&args.endpoint, &args.region) {
        (Some(url), _) => Endpoint::parse(url)?,
        (None, Some(region)) => Endpoint::region(region)?,
        (None, None) => return Err("give --region REGION or --endpoint URL".to_owned()),
    };
    let home = std::env::var_os("HOME").map(PathBuf::from);
    let mut creds = credentials::load(
        &|name| std::env::var(name).ok(),
        args.token_file.as_deref(),
        home.as_deref(),
    )
    .map_err(|e| e.0)?;
    if let Some(p) = &args.project_id {
        creds.project_id = Some(p.clone());
    }
    if let Some(d) = &args.domain_id {
        creds.domain_id = Some(d.clone());
    }
    if args.verbose {
        let how = match creds.auth {
            fetch::Auth::AkSk { .. } => "AK/SK signing",
            fetch::Auth::Token(_) => "an IAM token",
        };
        eprintln!(
            "coc-lint: {} at {} (Host {}), with credentials from {}",
            how, endpoint.origin, endpoint.host, creds.source
        );
    }
    let options = FetchOptions {
        connect_timeout: args.connect_timeout,
        read_timeout: args.timeout,
        retries: args.retries,
        // X-Language of the API's messages: the global `--lang`.
        language: super::lang::flag().map(|l| l.as_str().to_owned()),
        max_body: args.lint.max_file_size,
        ..FetchOptions::default()
    };
    Ok(Client::new(endpoint, creds, options))
}
