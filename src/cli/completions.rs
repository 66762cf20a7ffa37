//! `coc-lint completions SHELL` and `coc-lint man`: shell completion scripts
//! (clap_complete) and a manual page in roff (clap_mangen), both generated
//! from the same argument definitions that parse the command line, so they
//! cannot drift from it.

use std::io::{self, Write};

use clap::CommandFactory;
use clap_complete::Shell;

use super::Cli;

/// The shells `completions` writes a script for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum CompletionShell {
    /// Bash: `source <(coc-lint completions bash)`.
    Bash,
    /// Zsh: write it to a folder of `$fpath` as `_coc-lint`.
    Zsh,
    /// Fish: write it to `~/.config/fish/completions/coc-lint.fish`.
    Fish,
    /// PowerShell: add its output to `$PROFILE`.
    Powershell,
    /// Elvish.
    Elvish,
}

/// Write the completion script of `shell`.
pub(crate) fn completions(shell: CompletionShell, out: &mut dyn Write) -> io::Result<u8> {
    let shell = match shell {
        CompletionShell::Bash => Shell::Bash,
        CompletionShell::Zsh => Shell::Zsh,
        CompletionShell::Fish => Shell::Fish,
        CompletionShell::Powershell => Shell::PowerShell,
        CompletionShell::Elvish => Shell::Elvish,
    };
    let mut command = Cli::command();
    clap_complete::generate(shell, &mut command, "coc-lint", out);
    Ok(0)
}

/// Write the manual page `coc-lint(1)`, with a section per subcommand.
pub(crate) fn man(out: &mut dyn Write) -> io::Result<u8> {
    let command = Cli::command();
    clap_mangen::Man::new(command.clone()).render(out)?;
    for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
        let name = format!("coc-lint-{}", sub.get_name());
        let sub = sub.clone().name(name.clone()).bin_name(name);
        clap_mangen::Man::new(sub).render(out)?;
    }
    Ok(0)
}
