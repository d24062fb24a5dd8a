//! `regioplan config [PATH]`: the effective settings for a plan and where each came from.

use std::io::Write;

use super::said::Say as _;

use super::ExitCode;
use crate::cli::ConfigArgs;
use crate::config::{self, Settings, SettingsInput};
use crate::render;

pub fn run(args: &ConfigArgs, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let path = match &args.config {
        Some(p) => Some(p.clone()),
        None => config::find_config(&args.path),
    };
    let loaded = match &path {
        Some(p) => match config::load_config(p)? {
            Ok(c) => Some(c),
            Err(result) => {
                render::human::write_diagnostics(
                    out,
                    &[result],
                    false,
                    super::early_language(args.lang),
                )?;
                return Ok(ExitCode::Error);
            }
        },
        None => None,
    };
    let input = SettingsInput {
        today: chrono::Local::now().date_naive(),
        github_actions: std::env::var("GITHUB_ACTIONS").is_ok_and(|v| v == "true"),
        language: args.lang.map(Into::into),
        env_language: super::environment_language(),
        ..SettingsInput::default()
    };
    let plan = args.path.is_file().then_some(args.path.as_path());
    let s = Settings::resolve(loaded.as_ref(), plan, &input);
    // Keys, codes and names come from regioplan.toml and the command line: written to the
    // terminal only as visible text (no escape sequence, no bidirectional override).
    let mut text = Vec::new();
    write_settings(
        &mut text,
        &s,
        path.as_deref(),
        &args.path,
        s.language.into(),
    )?;
    out.write_all(render::visible(&String::from_utf8_lossy(&text)).as_bytes())
        .say(cannot_write)?;
    out.flush().say(cannot_write)?;
    Ok(ExitCode::Clean)
}

fn cannot_write() -> crate::lang::Message {
    crate::msg!(
        "cannot write the settings",
        "kan de instellingen niet schrijven"
    )
}

fn write_settings(
    out: &mut dyn Write,
    s: &Settings,
    path: Option<&std::path::Path>,
    plan: &std::path::Path,
    lang: crate::lang::Lang,
) -> std::io::Result<()> {
    use crate::lang::Plain;
    use crate::msg;
    let head = match path {
        Some(p) => msg!(
            "# configuration: {path}",
            "# configuratie: {path}",
            path = Plain(p.display())
        ),
        None => msg!(
            "# no {file} found in `{plan}` or above; defaults apply",
            "# geen {file} gevonden in `{plan}` of daarboven; de standaardinstellingen gelden",
            file = config::FILE_NAME,
            plan = Plain(plan.display())
        ),
    };
    writeln!(out, "{}", head.get(lang))?;
    let settings = msg!(
        "# settings for `{plan}`, each with where it came from",
        "# instellingen voor `{plan}`, elk met zijn herkomst",
        plan = Plain(plan.display())
    );
    writeln!(out, "{}\n", settings.get(lang))?;
    let origin = |name: &str| {
        s.origins
            .get(name)
            .map(|o| o.message().get(lang).to_string())
            .unwrap_or_default()
    };
    let list = |items: &[String]| {
        format!(
            "[{}]",
            items
                .iter()
                .map(|i| format!("{i:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    let rows = [
        (
            "select",
            s.select.as_ref().map_or_else(
                || msg!("all rules", "alle regels").get(lang).to_string(),
                |l| list(l),
            ),
        ),
        ("ignore", list(&s.ignore)),
        ("fail-on", format!("{:?}", s.fail_on).to_lowercase()),
        ("as-of", s.as_of.to_string()),
        ("format", format!("{:?}", s.format).to_lowercase()),
        ("language", format!("{:?}", s.language).to_lowercase()),
        ("frameworks", list(&s.frameworks)),
        (
            "limits",
            crate::load::limits::Limit::ALL
                .iter()
                .map(|l| format!("{l}={}", l.value(&s.limits).replace(' ', "")))
                .collect::<Vec<_>>()
                .join(" "),
        ),
    ];
    for (name, value) in rows {
        writeln!(out, "{name:<10} = {value:<32} # {}", origin(name))?;
    }
    if s.severity.is_empty() {
        writeln!(out, "severity   = {{}}{:<30} # {}", "", origin("severity"))?;
    } else {
        writeln!(out, "\n[severity]  # {}", origin("severity"))?;
        for (code, level) in &s.severity {
            writeln!(
                out,
                "{} = {:?}",
                render::on_one_line(code),
                format!("{level:?}").to_lowercase()
            )?;
        }
    }
    Ok(())
}
