//! `regioplan init`.

use std::io::Write;

use super::ExitCode;
use crate::cli::InitArgs;

pub fn run(_args: &InitArgs, _out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`regioplan init` is being built")
}
