//! `coc-lint`: the command line, a thin layer over the `coc_lint` library.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::run()
}
