//! `regioplan rule [CODE]` and `regioplan rule --all`: the rule documentation, from the
//! registry. `docs/rules.md` is `regioplan rule --all --format markdown`.

use std::io::Write;

use anyhow::bail;

use super::ExitCode;
use crate::cli::{RuleArgs, RuleFormat};
use crate::render::rules as render;
use crate::rules::{self, ALL};

pub fn run(args: &RuleArgs, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let selected: Vec<&rules::RuleInfo> = if args.all {
        ALL.iter().map(|r| &r.info).collect()
    } else {
        let code = args.code.as_deref().unwrap_or_default();
        let found = rules::find(code).or_else(|| ALL.iter().copied().find(|r| r.name == code));
        let Some(rule) = found else {
            let names = ALL.iter().map(|r| r.code).chain(ALL.iter().map(|r| r.name));
            let hint = rules::did_you_mean(code, names)
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_default();
            bail!("unknown rule `{code}`{hint} (`regioplan rule --all` lists them)");
        };
        vec![&rule.info]
    };
    match args.format {
        RuleFormat::Text => render::text(out, &selected)?,
        RuleFormat::Markdown => render::markdown(out, &selected)?,
        RuleFormat::Json => render::json(out, &selected)?,
    }
    Ok(ExitCode::Clean)
}
