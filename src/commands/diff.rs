//! `regioplan diff`.

use std::io::Write;

use super::ExitCode;
use crate::cli::DiffArgs;

pub fn run(_args: &DiffArgs, _out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`regioplan diff` is being built")
}
