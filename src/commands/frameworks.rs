//! `regioplan frameworks [NAME]`: list the built-in reference frameworks, or print one.

use std::io::Write;

use super::ExitCode;
use crate::cli::FrameworksArgs;
use crate::frameworks;
use crate::lang::{Count, Noun};
use crate::{bail_said, msg};

const REQUIREMENT: Noun = Noun {
    en: ["requirement", "requirements"],
    nl: ["eis", "eisen"],
};

pub fn run(args: &FrameworksArgs, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    if let Some(name) = &args.name {
        let Some(text) = frameworks::built_in_text(name) else {
            let hint = frameworks::closest_built_in(name)
                .map(|s| msg!("; did you mean `{s}`?", "; bedoelt u `{s}`?", s = s));
            bail_said!(
                "`{name}` is not a built-in framework{hint} (`regioplan frameworks` lists them)",
                "`{name}` is geen ingebouwd referentiekader{hint} (`regioplan frameworks` geeft \
                 ze alle)",
                name = name,
                hint = hint
            );
        };
        out.write_all(text.as_bytes())?;
        return Ok(ExitCode::Clean);
    }
    let cwd = std::env::current_dir().unwrap_or_default();
    let lang = super::configured_language(args.lang, &cwd);
    for (id, _) in frameworks::BUILT_IN {
        if let Some(f) = frameworks::built_in(id) {
            let line = msg!(
                "{id} {title} ({count})",
                "{id} {title} ({count})",
                id = crate::lang::Plain(format!("{id:<24}")),
                title = f.titles(),
                count = Count(f.requirements.len(), REQUIREMENT)
            );
            writeln!(out, "{}", line.get(lang))?;
        }
    }
    let end = msg!(
        "`regioplan frameworks NAME > mine.toml` prints one to start your own; \
         docs/frameworks.md describes the format.",
        "`regioplan frameworks NAME > mijn.toml` schrijft er een uit, als begin van uw eigen \
         kader; docs/frameworks.md beschrijft de vorm.",
    );
    writeln!(out, "\n{}", end.get(lang))?;
    Ok(ExitCode::Clean)
}
