//! `regioplan completions SHELL` and `regioplan man`: generated from the clap definitions, so
//! they never fall behind the real flags.

use std::io::Write;

use clap::CommandFactory;

use super::ExitCode;
use crate::cli::{Cli, CompletionsArgs, Shell};

pub fn run_completions(args: &CompletionsArgs, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let mut command = Cli::command();
    let shell = match args.shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
        Shell::Powershell => clap_complete::Shell::PowerShell,
    };
    // clap_complete panics when it cannot write: it writes into memory, and a full disk or a
    // closed pipe is reported here as an error.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "regioplan", &mut script);
    out.write_all(&script)?;
    out.flush()?;
    Ok(ExitCode::Clean)
}

pub fn run_man(out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    clap_mangen::Man::new(Cli::command()).render(out)?;
    Ok(ExitCode::Clean)
}
