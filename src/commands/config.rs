//! `regioplan config`.

use std::io::Write;

use super::ExitCode;
use crate::cli::ConfigArgs;

pub fn run(_args: &ConfigArgs, _out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`regioplan config` is being built")
}
