//! `check --allow-comments`: JSONC input, for teams that annotate their
//! saved parameters (the API itself refuses comments).

/// The JSONC option of `check`.
#[derive(Debug, Default, clap::Args)]
pub(crate) struct JsoncArgs {
    /// Accept `//` and `/* */` comments and trailing commas (JSONC), which
    /// the API refuses; spans stay those of the file as written.
    #[arg(long)]
    pub(crate) allow_comments: bool,
}
