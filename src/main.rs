//! The `regioplan` binary: parse arguments, run, map the result to an exit code.

use std::io::Write;
use std::process::ExitCode as ProcessExit;

use clap::Parser;
use regioplan::cli::Cli;
use regioplan::commands::said::error_text;
use regioplan::diagnostic::Severity;
use regioplan::{ExitCode, run};

/// The checks recurse over nested goals; a large stack keeps the deepest input the parser
/// accepts (64 levels) far from overflowing on every platform.
const STACK_BYTES: usize = 64 * 1024 * 1024;

fn main() -> ProcessExit {
    let cli = Cli::parse();
    let lang = regioplan::commands::said::language(&cli);
    let worker = std::thread::Builder::new()
        .stack_size(STACK_BYTES)
        .spawn(move || {
            let stdout = std::io::stdout();
            let mut out = QuietPipe {
                inner: stdout.lock(),
                closed: false,
            };
            let mut err = std::io::stderr();
            let result = run(&cli, &mut out, &mut err);
            let flushed = out.flush();
            (result, flushed)
        });
    let code = match worker.map(std::thread::JoinHandle::join) {
        Ok(Ok((Ok(code), _))) => code,
        Ok(Ok((Err(error), _))) if is_broken_pipe(&error) => ExitCode::Clean,
        Ok(Ok((Err(error), _))) => {
            // A file name or a plan's text in the message must not drive the terminal.
            eprintln!(
                "{}: {}",
                regioplan::render::human::severity_word(Severity::Error, lang),
                regioplan::render::visible(&error_text(&error, lang))
            );
            ExitCode::Error
        }
        Ok(Err(_)) | Err(_) => {
            let text = regioplan::msg!(
                "error: internal failure; please report it with the input that caused it",
                "fout: interne storing; meld die alstublieft, met de invoer die haar veroorzaakte"
            );
            eprintln!("{}", text.get(lang));
            ExitCode::Error
        }
    };
    ProcessExit::from(code as u8)
}

/// Standard output that a closed pipe (`regioplan check | head`) silences: the rest of the
/// output is dropped and the run ends with the exit code its findings call for.
struct QuietPipe<W> {
    inner: W,
    closed: bool,
}

impl<W: Write> Write for QuietPipe<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        match self.inner.write(buf) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(buf.len())
            }
            other => other,
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.closed {
            return Ok(());
        }
        match self.inner.flush() {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            other => other,
        }
    }
}

/// A closed pipe is not a failure (as in ripgrep); kept for writers other than standard output.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
