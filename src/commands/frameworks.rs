//! `regioplan frameworks [NAME]`: list the built-in reference frameworks, or print one.

use std::io::Write;

use anyhow::bail;

use super::ExitCode;
use crate::cli::FrameworksArgs;
use crate::frameworks;

pub fn run(args: &FrameworksArgs, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    if let Some(name) = &args.name {
        let Some(text) = frameworks::built_in_text(name) else {
            let hint = frameworks::closest_built_in(name)
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_default();
            bail!("`{name}` is not a built-in framework{hint} (`regioplan frameworks` lists them)");
        };
        out.write_all(text.as_bytes())?;
        return Ok(ExitCode::Clean);
    }
    for (id, _) in frameworks::BUILT_IN {
        if let Some(f) = frameworks::built_in(id) {
            writeln!(
                out,
                "{id:<24} {} ({} requirements)",
                f.title,
                f.requirements.len()
            )?;
        }
    }
    writeln!(
        out,
        "\n`regioplan frameworks NAME > mine.toml` prints one to start your own; docs/frameworks.md describes the format."
    )?;
    Ok(ExitCode::Clean)
}
