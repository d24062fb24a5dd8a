//! Errors a user reads on standard error, in both languages.
//!
//! A command fails with an [`anyhow::Error`]; where the words are ours, the error (or a layer
//! around an operating system's error, added with [`Say::say`] rather than anyhow's
//! `context`, whose layers cannot be told apart) is a [`Said`]: a [`Message`] in English and
//! Dutch. `main` writes the chain with [`error_text`] in the run's language ([`language`]):
//! our words in that language, the operating system's own (`No such file or directory`) as
//! it gives them.

use std::fmt;

use crate::cli::{Cli, Command};
use crate::lang::{Lang, Message};

/// An error in our words, with the error it explains (if any).
#[derive(Debug)]
pub struct Said {
    pub message: Message,
    source: Option<anyhow::Error>,
}

impl Said {
    #[must_use]
    pub fn new(message: Message) -> Self {
        Self {
            message,
            source: None,
        }
    }
}

/// The English text, for logs and tests; `main` writes [`error_text`].
impl fmt::Display for Said {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message.en())
    }
}

impl std::error::Error for Said {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_ref()
            .map(|e| AsRef::<dyn std::error::Error + Send + Sync>::as_ref(e) as _)
    }
}

/// `Result::say(|| msg!(..))`: the error of a failed operation explained in our words.
pub trait Say<T> {
    /// # Errors
    /// The error, with `message` around it.
    fn say(self, message: impl FnOnce() -> Message) -> anyhow::Result<T>;
}

impl<T, E: Into<anyhow::Error>> Say<T> for Result<T, E> {
    fn say(self, message: impl FnOnce() -> Message) -> anyhow::Result<T> {
        self.map_err(|e| {
            anyhow::Error::new(Said {
                message: message(),
                source: Some(e.into()),
            })
        })
    }
}

/// An [`anyhow::Error`] in our words: `said!("english {x}", "nederlands {x}", x = ..)`.
#[macro_export]
macro_rules! said {
    ($($message:tt)*) => {
        anyhow::Error::new($crate::commands::said::Said::new($crate::msg!($($message)*)))
    };
}

/// Returns early with [`said!`].
#[macro_export]
macro_rules! bail_said {
    ($($message:tt)*) => {
        return Err($crate::said!($($message)*))
    };
}

/// An error's whole chain on one line, `outer: inner: cause`, our words in `lang`.
#[must_use]
pub fn error_text(error: &anyhow::Error, lang: Lang) -> String {
    let mut parts = Vec::new();
    for e in error.chain() {
        if let Some(said) = e.downcast_ref::<Said>() {
            parts.push(said.message.get(lang).to_string());
        } else if let Some(failure) = e.downcast_ref::<crate::lang::Failure>() {
            parts.push(failure.0.get(lang).to_string());
        } else if let Some(read) = e.downcast_ref::<crate::load::read::ReadError>() {
            // Its message ends with the operating system's error, its source: said once.
            parts.push(read.message().get(lang).to_string());
            break;
        } else {
            parts.push(e.to_string());
        }
    }
    parts.join(": ")
}

/// The language of a run's errors: the command's `--lang`, else `language` in the nearest
/// regioplan.toml above the current directory (when it reads), else the environment's, else
/// English.
#[must_use]
pub fn language(cli: &Cli) -> Lang {
    let flag = match &cli.command {
        Command::Check(a) => a.lang,
        Command::Report(a) => a.lang,
        Command::Gaps(a) => a.lang,
        Command::Config(a) => a.lang,
        Command::Init(a) => a.lang,
        Command::Rule(a) => a.lang,
        Command::Frameworks(a) => a.lang,
        Command::Diff(a) => a.lang,
        Command::Schema(a) => a.lang,
        _ => None,
    };
    let cwd = std::env::current_dir().unwrap_or_default();
    super::configured_language(flag, &cwd)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn our_words_are_in_the_language_and_the_systems_as_given() {
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "No such file");
        let result: Result<(), _> = Err(io);
        let error = result
            .say(|| crate::msg!("cannot read `{p}`", "kan `{p}` niet lezen", p = "a.yaml"))
            .say(|| crate::msg!("the plan", "het plan"));
        let Err(error) = error else {
            panic!("an error")
        };
        assert_eq!(
            error_text(&error, Lang::Nl),
            "het plan: kan `a.yaml` niet lezen: No such file"
        );
        assert_eq!(
            error_text(&error, Lang::En),
            "the plan: cannot read `a.yaml`: No such file"
        );
        let plain = said!("no plans", "geen plannen");
        assert_eq!(error_text(&plain, Lang::Nl), "geen plannen");
    }

    #[test]
    fn a_read_error_is_in_the_language_and_gives_the_systems_words_once() {
        let read = crate::load::read::ReadError::Io {
            path: "x.yaml".into(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "No such file"),
        };
        let Err(error) = Err::<(), _>(read)
            .say(|| crate::msg!("cannot read the old plan", "kan het oude plan niet lezen"))
        else {
            panic!("an error")
        };
        assert_eq!(
            error_text(&error, Lang::Nl),
            "kan het oude plan niet lezen: kan `x.yaml` niet lezen: No such file"
        );
    }
}
