//! Two languages for everything a user reads: Dutch and English.
//!
//! A [`Label`] is a fixed word or phrase in both languages (a heading, a column, a status
//! word). A [`Message`] is a sentence with arguments in both languages, built by [`msg!`]: the
//! macro formats the English and the Dutch text with the same named arguments, so a text that
//! uses an argument the other does not, or names one that is not given, does not build; there
//! is no run-time lookup that can miss.
//!
//! Arguments are typed values ([`Arg`]), formatted in each language as its readers write them:
//! numbers with a decimal comma and a thousands dot in Dutch, a point and a comma in English
//! ([`numbers`]); a [`Year`] never grouped; a [`Label`] or [`Message`] given as an argument
//! in its own language. Pass every value as a named argument (`n = count`), not by capturing a
//! variable in the text, so that it goes through [`Arg`].
//!
//! Like the diagnostics module this is a leaf: it depends on nothing else of regioplan.

use std::fmt;

pub mod numbers;

/// The language of a report's labels.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    En,
    Nl,
}

impl Lang {
    /// `en` or `nl`, as in `--lang` and `regioplan.toml`.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Nl => "nl",
        }
    }

    /// Both languages, English first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Nl];
}

/// A label in both languages. Every heading, column, status word and unit a report shows is
/// one of these, so no label can be missing in either language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Label {
    pub en: &'static str,
    pub nl: &'static str,
}

impl Label {
    /// The label in `lang`.
    #[must_use]
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Nl => self.nl,
        }
    }
}

/// A sentence in both languages, with its arguments filled in; see [`msg!`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Message {
    en: String,
    nl: String,
}

impl Message {
    /// A message from its two texts. Prefer [`msg!`], which checks the arguments.
    #[must_use]
    pub fn new(en: String, nl: String) -> Self {
        Self { en, nl }
    }

    /// The message in `lang`.
    #[must_use]
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Nl => &self.nl,
        }
    }

    /// The English text (stable, for sorting and machine comparisons).
    #[must_use]
    pub fn en(&self) -> &str {
        &self.en
    }

    /// The Dutch text.
    #[must_use]
    pub fn nl(&self) -> &str {
        &self.nl
    }

    /// Whether both texts are empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.en.is_empty() && self.nl.is_empty()
    }

    /// Both texts changed by `f` (for example to add a prefix in each language).
    #[must_use]
    pub fn map(self, f: impl Fn(Lang, String) -> String) -> Self {
        Self {
            en: f(Lang::En, self.en),
            nl: f(Lang::Nl, self.nl),
        }
    }
}

impl From<Label> for Message {
    fn from(label: Label) -> Self {
        Self {
            en: label.en.to_string(),
            nl: label.nl.to_string(),
        }
    }
}

/// A failure of the tool in our words, for the core below `commands` (which says it with
/// `said!`): its `Display` is the English text; `commands::said::error_text` shows it in the
/// run's language.
#[derive(Debug)]
pub struct Failure(pub Message);

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.en())
    }
}

impl std::error::Error for Failure {}

/// A value shown in a message, formatted in the reader's language.
pub trait Arg {
    /// Writes the value as a reader of `lang` writes it.
    ///
    /// # Errors
    /// When the formatter fails.
    fn fmt_in(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result;
}

/// A value with the language to show it in: what [`msg!`] hands to `format!`.
pub struct In<'a, T: ?Sized>(pub &'a T, pub Lang);

impl<T: Arg + ?Sized> fmt::Display for In<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt_in(self.1, f)
    }
}

impl<T: Arg + ?Sized> Arg for &T {
    fn fmt_in(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (**self).fmt_in(lang, f)
    }
}

impl Arg for str {
    fn fmt_in(&self, _: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}

impl Arg for String {
    fn fmt_in(&self, _: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}

impl Arg for char {
    fn fmt_in(&self, _: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl Arg for Label {
    fn fmt_in(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.get(lang))
    }
}

impl Arg for Message {
    fn fmt_in(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.get(lang))
    }
}

impl<T: Arg> Arg for Option<T> {
    /// Nothing when there is no value.
    fn fmt_in(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Some(value) => value.fmt_in(lang, f),
            None => Ok(()),
        }
    }
}

/// Whole numbers of five digits or more are grouped in thousands (`230,000`; `230.000`), as
/// both languages' style guides allow for four digits; so a year or a line number given as a
/// plain number is never grouped. Use [`Year`] for years all the same.
macro_rules! whole_numbers {
    ($($t:ty),*) => {$(
        impl Arg for $t {
            fn fmt_in(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let digits = self.unsigned_abs().to_string();
                let sign = if *self < 0 { "-" } else { "" };
                if digits.len() > 4 {
                    write!(f, "{sign}{}", numbers::group(&digits, lang))
                } else {
                    write!(f, "{sign}{digits}")
                }
            }
        }
    )*};
}

macro_rules! unsigned_numbers {
    ($($t:ty),*) => {$(
        impl Arg for $t {
            fn fmt_in(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let digits = self.to_string();
                if digits.len() > 4 {
                    f.write_str(&numbers::group(&digits, lang))
                } else {
                    f.write_str(&digits)
                }
            }
        }
    )*};
}

whole_numbers!(i8, i16, i32, i64, isize);
unsigned_numbers!(u8, u16, u32, u64, usize);

/// A fraction: at most two decimals, trailing zeros dropped, grouped in thousands
/// (`62.43`, `62,43`; `1,250.5`, `1.250,5`). [`Decimals`] gives another number of decimals.
impl Arg for f64 {
    fn fmt_in(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&numbers::number(*self, 2, lang))
    }
}

/// A number with at most this many decimals (trailing zeros dropped): `Decimals(0.1414, 3)`
/// is `0.141` and `0,141`.
#[derive(Debug, Clone, Copy)]
pub struct Decimals(pub f64, pub usize);

impl Arg for Decimals {
    fn fmt_in(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&numbers::number(self.0, self.1, lang))
    }
}

/// An amount in euro cents: `€1,250,000`, `€ 1.250.000`.
#[derive(Debug, Clone, Copy)]
pub struct Euros(pub i64);

impl Arg for Euros {
    fn fmt_in(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&numbers::amount(self.0, lang))
    }
}

/// A year: its digits, never grouped (`2024`).
#[derive(Debug, Clone, Copy)]
pub struct Year(pub i32);

impl Arg for Year {
    fn fmt_in(&self, _: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A date as the plan format writes it, the same in both languages (`2026-12-31`): what the
/// reader types back into the plan.
impl Arg for chrono::NaiveDate {
    fn fmt_in(&self, _: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.format("%Y-%m-%d"))
    }
}

/// Any value shown as it prints, the same in both languages: a code, a key, a path, an id.
#[derive(Debug, Clone, Copy)]
pub struct Plain<T>(pub T);

impl<T: fmt::Display> Arg for Plain<T> {
    fn fmt_in(&self, _: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

/// A list of values joined in the reader's language: `a, b and c`; `a, b en c`. Each value
/// is written as given (wrap ids in backticks before).
#[derive(Debug, Clone)]
pub struct List<T>(pub Vec<T>);

impl<T: Arg> Arg for List<T> {
    fn fmt_in(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let and = match lang {
            Lang::En => " and ",
            Lang::Nl => " en ",
        };
        let count = self.0.len();
        for (i, value) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(if i + 1 == count { and } else { ", " })?;
            }
            value.fmt_in(lang, f)?;
        }
        Ok(())
    }
}

/// A noun in both languages, singular and plural: `["error", "errors"]`, `["fout", "fouten"]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Noun {
    pub en: [&'static str; 2],
    pub nl: [&'static str; 2],
}

/// A count with its noun: `1 error`, `2 errors`; `1 fout`, `2 fouten`.
#[derive(Debug, Clone, Copy)]
pub struct Count(pub usize, pub Noun);

impl Arg for Count {
    fn fmt_in(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [one, many] = match lang {
            Lang::En => self.1.en,
            Lang::Nl => self.1.nl,
        };
        self.0.fmt_in(lang, f)?;
        f.write_str(" ")?;
        f.write_str(if self.0 == 1 { one } else { many })
    }
}

/// A [`Message`] in both languages with the same named arguments:
///
/// ```
/// use regioplan::{lang::Lang, msg};
/// let count = 230_000;
/// let m = msg!("{n} listed patients", "{n} ingeschreven patiënten", n = count);
/// assert_eq!(m.get(Lang::En), "230,000 listed patients");
/// assert_eq!(m.get(Lang::Nl), "230.000 ingeschreven patiënten");
/// ```
///
/// Both texts must use every argument (`format!` rejects an unused one) and may use only
/// those given. Each argument is evaluated once and formatted through [`Arg`] in each
/// language.
#[macro_export]
macro_rules! msg {
    ($en:literal, $nl:literal $(, $name:ident = $value:expr)* $(,)?) => {
        // A `match` rather than `let`s: temporaries in the arguments live until the texts
        // are made.
        match ($(&$value,)*) {
            ($($name,)*) => $crate::lang::Message::new(
                format!($en $(, $name = $crate::lang::In($name, $crate::lang::Lang::En))*),
                format!($nl $(, $name = $crate::lang::In($name, $crate::lang::Lang::Nl))*),
            ),
        }
    };
}

/// Words that give away an English sentence, checked by [`english_words_in`].
pub const TELL_TALE_ENGLISH: [&str; 6] = [
    " the ", " is not ", " should ", " must ", " which ", " with ",
];

/// The tell-tale English words ([`TELL_TALE_ENGLISH`]) in a text meant to be Dutch, ignoring
/// case and what is between backticks (keys, codes and values stay as written). For tests:
/// `assert!(english_words_in(m.nl()).is_empty())`.
#[must_use]
pub fn english_words_in(text: &str) -> Vec<&'static str> {
    let prose: String = text
        .split('`')
        .step_by(2)
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let padded = format!(
        " {} ",
        prose.split_whitespace().collect::<Vec<_>>().join(" ")
    );
    TELL_TALE_ENGLISH
        .into_iter()
        .filter(|w| padded.contains(w))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_are_written_in_each_language() {
        let m = msg!(
            "expected {x} by {year}, {n} goals, {list}",
            "verwacht {x} in {year}, {n} doelen, {list}",
            x = 62.43,
            year = Year(2026),
            n = 12_000_usize,
            list = List(vec!["a", "b", "c"]),
        );
        assert_eq!(
            m.get(Lang::En),
            "expected 62.43 by 2026, 12,000 goals, a, b and c"
        );
        assert_eq!(
            m.get(Lang::Nl),
            "verwacht 62,43 in 2026, 12.000 doelen, a, b en c"
        );
    }

    #[test]
    fn short_numbers_and_years_are_not_grouped() {
        let m = msg!(
            "{a} {b} {c}",
            "{a} {b} {c}",
            a = 2024,
            b = -1500_i64,
            c = Decimals(0.1414, 3)
        );
        assert_eq!(m.get(Lang::En), "2024 -1500 0.141");
        assert_eq!(m.get(Lang::Nl), "2024 -1500 0,141");
    }

    #[test]
    fn labels_and_messages_as_arguments_take_the_language() {
        let inner = msg!("behind", "achter");
        let m = msg!("goal is {s}", "doel loopt {s}", s = inner);
        assert_eq!(m.get(Lang::Nl), "doel loopt achter");
        let l = Label {
            en: "yes",
            nl: "ja",
        };
        assert_eq!(msg!("{l}", "{l}", l = l).get(Lang::Nl), "ja");
    }

    #[test]
    fn english_words_are_found_outside_code_only() {
        assert_eq!(
            english_words_in("The plan is not valid with `x`"),
            [" the ", " is not ", " with "]
        );
        assert!(english_words_in("Het plan is niet geldig: `with the`").is_empty());
    }

    #[test]
    fn each_argument_is_evaluated_once() {
        let mut calls = 0;
        let mut next = || {
            calls += 1;
            calls
        };
        let m = msg!("{n}", "{n}", n = next());
        assert_eq!((m.en(), m.nl(), calls), ("1", "1", 1));
    }
}
