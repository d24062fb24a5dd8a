//! `regioplan schema`: print the plan format's JSON Schema, its descriptions in the language
//! asked for.

use std::io::Write;

use super::ExitCode;
use crate::cli::SchemaArgs;
use crate::plan::schema::plan_schema_text_in;

pub fn run(args: &SchemaArgs, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let lang = super::configured_language(args.lang, std::path::Path::new("."));
    out.write_all(plan_schema_text_in(lang).as_bytes())?;
    Ok(ExitCode::Clean)
}
