//! `regioplan schema`: print the plan format's JSON Schema.

use std::io::Write;

use super::ExitCode;
use crate::plan::schema::plan_schema_text;

pub fn run(out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    out.write_all(plan_schema_text().as_bytes())?;
    Ok(ExitCode::Clean)
}
