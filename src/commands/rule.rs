//! `regioplan rule [CODE]` and `regioplan rule --all`: the rule documentation, from the
//! registry, in the chosen language. `docs/rules.md` is `regioplan rule --all --format
//! markdown --lang en`, `docs/regels.md` the same with `--lang nl`.

use std::io::Write;

use super::ExitCode;
use super::said::Said;
use crate::cli::{RuleArgs, RuleFormat};
use crate::lang::Plain;
use crate::msg;
use crate::render::rules as render;
use crate::rules::{self, ALL};

pub fn run(args: &RuleArgs, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    // As `init`: the flag, else `language` in the nearest regioplan.toml, else the environment.
    let cwd = std::env::current_dir().unwrap_or_default();
    let lang = super::configured_language(args.lang, &cwd);
    let selected: Vec<&rules::RuleInfo> = if args.all {
        ALL.iter().map(|r| &r.info).collect()
    } else {
        let code = args.code.as_deref().unwrap_or_default();
        let found = rules::find(code).or_else(|| ALL.iter().copied().find(|r| r.name == code));
        let Some(rule) = found else {
            let names = ALL.iter().map(|r| r.code).chain(ALL.iter().map(|r| r.name));
            let message = match rules::did_you_mean(code, names) {
                Some(close) => msg!(
                    "unknown rule `{code}`; did you mean `{close}`? (`regioplan rule --all` lists them)",
                    "onbekende regel `{code}`; bedoelt u `{close}`? (`regioplan rule --all` toont ze allemaal)",
                    code = Plain(code),
                    close = Plain(close),
                ),
                None => msg!(
                    "unknown rule `{code}` (`regioplan rule --all` lists them)",
                    "onbekende regel `{code}` (`regioplan rule --all` toont ze allemaal)",
                    code = Plain(code),
                ),
            };
            return Err(anyhow::Error::new(Said::new(message)));
        };
        vec![&rule.info]
    };
    match args.format {
        RuleFormat::Text => render::text(out, &selected, lang)?,
        RuleFormat::Markdown => render::markdown(out, &selected, lang)?,
        RuleFormat::Json => render::json(out, &selected, lang)?,
    }
    Ok(ExitCode::Clean)
}
