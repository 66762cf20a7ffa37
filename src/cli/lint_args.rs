//! The options that say how documents are linted and reported, shared by
//! `check` and `fetch` (flattened into both), so that a fetched ticket is
//! linted exactly as a file would be.

use clap::Args;
use coc_lint::DocumentKind;

use super::{parse_kind, parse_size, Color, Format};

#[derive(Debug, Args)]
pub(crate) struct LintArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub(crate) format: Format,

    /// Treat every document as this kind instead of detecting it:
    /// ticket-response, ticket, execute-param, execute-script, ticket-list.
    #[arg(long, value_name = "KIND", value_parser = parse_kind)]
    pub(crate) kind: Option<DocumentKind>,

    /// Files larger than this are reported and not read (bytes; K, M and G
    /// suffixes allowed); for `fetch`, the largest response read.
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = parse_size)]
    pub(crate) max_file_size: u64,

    /// Deepest nesting of arrays and objects accepted (at most 1024).
    #[arg(long, value_name = "N", default_value_t = 128,
          value_parser = clap::value_parser!(u16).range(0..=coc_lint::lint::MAX_DEPTH_CEILING as i64))]
    pub(crate) max_depth: u16,

    /// When to use colour in human output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub(crate) color: Color,
}
