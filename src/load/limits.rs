//! The limits on what regioplan reads: file size, nesting depth, aliases and how far aliases
//! may expand. Each has a default that fits every real plan with room to spare, a key under
//! `[limits]` in `regioplan.toml` and a `--limit KEY=VALUE` on the command line, and a message
//! that names it and says how to raise it. Pure data: nothing here reads a file.

use std::fmt;

use crate::lang::Message;

/// The limits one file is read under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest file read, in bytes (`max-file-size`).
    pub max_file_size: u64,
    /// The deepest nesting of mappings and lists (`max-depth`). A goal level costs two (the
    /// `goals` list and the goal), so 64 allows about thirty levels of subgoals.
    pub max_depth: usize,
    /// The most aliases (`*name`) and, separately, anchors (`&name`) in one file
    /// (`max-aliases`).
    pub max_aliases: usize,
    /// How many parts (a value, or the start or end of a list or mapping) aliases may repeat
    /// per byte of the file, on top of [`EXPANSION_ALLOWANCE`] (`alias-expansion`). This keeps
    /// memory proportional to the file: a few hundred bytes of aliases cannot grow into
    /// millions of values.
    pub alias_expansion: usize,
}

/// The highest `max-depth` that can be set: reading recurses once per level, and the checks run
/// on 64 MiB stacks, which hold this many levels with room to spare even in a debug build.
pub const MAX_DEPTH_CEILING: usize = 500;

/// Parts aliases may always repeat, whatever the file's size: a small plan may reuse a block.
pub const EXPANSION_ALLOWANCE: usize = 10_000;

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_file_size: 4 * 1024 * 1024,
            max_depth: 64,
            max_aliases: 4_096,
            alias_expansion: 4,
        }
    }
}

/// One of the limits, for messages and settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    FileSize,
    Depth,
    Aliases,
    AliasExpansion,
}

impl Limit {
    pub const ALL: [Limit; 4] = [
        Limit::FileSize,
        Limit::Depth,
        Limit::Aliases,
        Limit::AliasExpansion,
    ];

    /// The key in `[limits]` and in `--limit KEY=VALUE`.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Limit::FileSize => "max-file-size",
            Limit::Depth => "max-depth",
            Limit::Aliases => "max-aliases",
            Limit::AliasExpansion => "alias-expansion",
        }
    }

    /// The limit with this key.
    #[must_use]
    pub fn from_key(key: &str) -> Option<Limit> {
        Limit::ALL.into_iter().find(|l| l.key() == key)
    }

    /// The current value as a user writes it (`4 MiB`, `64`).
    #[must_use]
    pub fn value(self, limits: &Limits) -> String {
        match self {
            Limit::FileSize => format_size(limits.max_file_size),
            Limit::Depth => limits.max_depth.to_string(),
            Limit::Aliases => limits.max_aliases.to_string(),
            Limit::AliasExpansion => limits.alias_expansion.to_string(),
        }
    }

    /// How to raise the file size limit for a file of `size` bytes: to twice the limit, or
    /// to the file's size rounded up to whole MiB when that is more.
    #[must_use]
    pub fn how_to_raise_size(limits: &Limits, size: Option<u64>) -> Message {
        let mib = 1u64 << 20;
        let needed = size.map_or(0, |s| s.div_ceil(mib).saturating_mul(mib));
        let raised = Limits {
            max_file_size: limits.max_file_size.max(needed.div_ceil(2)),
            ..*limits
        };
        Limit::FileSize.how_to_raise(&raised)
    }

    /// How to raise the limit (to twice its value): a help line for its diagnostic.
    #[must_use]
    pub fn how_to_raise(self, limits: &Limits) -> Message {
        let (toml, flag) = match self {
            Limit::FileSize => {
                let more = format_size(limits.max_file_size.saturating_mul(2));
                (format!("\"{more}\""), more.replace(' ', ""))
            }
            Limit::Depth | Limit::Aliases | Limit::AliasExpansion => {
                let n = match self {
                    Limit::Depth => limits.max_depth,
                    Limit::Aliases => limits.max_aliases,
                    _ => limits.alias_expansion,
                };
                let more = n.saturating_mul(2).max(1).to_string();
                (more.clone(), more)
            }
        };
        crate::msg!(
            "if the file is right, raise the limit with `{key} = {toml}` under `[limits]` in \
             regioplan.toml, or `--limit {key}={flag}` on the command line",
            "klopt het bestand, verhoog dan de grens met `{key} = {toml}` onder `[limits]` in \
             regioplan.toml, of met `--limit {key}={flag}` op de opdrachtregel",
            key = self.key(),
            toml = toml,
            flag = flag
        )
    }

    /// Sets this limit from a value as written in `--limit` or `regioplan.toml`.
    ///
    /// # Errors
    /// A message saying what a value of this limit looks like.
    pub fn set(self, limits: &mut Limits, value: &str) -> Result<(), Message> {
        match self {
            Limit::FileSize => limits.max_file_size = parse_size(value)?,
            Limit::Depth | Limit::Aliases | Limit::AliasExpansion => {
                let n: usize = value.trim().parse().map_err(|_| {
                    crate::msg!(
                        "`{value}` is not a whole number; `{key}` takes one, e.g. `{example}`",
                        "`{value}` is geen geheel getal; schrijf bij `{key}` een geheel getal, \
                         bijvoorbeeld `{example}`",
                        value = value,
                        key = self.key(),
                        example = self.value(&Limits::default())
                    )
                })?;
                if n == 0 {
                    return Err(crate::msg!(
                        "`{key}` must be at least 1",
                        "`{key}` moet minstens 1 zijn",
                        key = self.key()
                    ));
                }
                if self == Limit::Depth && n > MAX_DEPTH_CEILING {
                    return Err(crate::msg!(
                        "`max-depth` can be at most {most}: deeper nesting would exhaust the \
                         stack regioplan reads on",
                        "`max-depth` mag hoogstens {most} zijn: dieper nesten zou het geheugen \
                         (de stack) uitputten waarmee regioplan leest",
                        most = MAX_DEPTH_CEILING
                    ));
                }
                match self {
                    Limit::Depth => limits.max_depth = n,
                    Limit::Aliases => limits.max_aliases = n,
                    _ => limits.alias_expansion = n,
                }
            }
        }
        Ok(())
    }
}

impl fmt::Display for Limit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl Limits {
    /// The most parts aliases may repeat in a file of `len` bytes.
    #[must_use]
    pub fn expansion_budget(&self, len: usize) -> usize {
        len.saturating_mul(self.alias_expansion)
            .saturating_add(EXPANSION_ALLOWANCE)
    }

    /// The file size limit as a `usize` (saturating on small platforms).
    #[must_use]
    pub fn max_file_bytes(&self) -> usize {
        usize::try_from(self.max_file_size).unwrap_or(usize::MAX)
    }

    /// Applies `KEY=VALUE` settings (from `--limit`) in order.
    ///
    /// # Errors
    /// A message naming the wrong key or value and the keys there are.
    pub fn apply(&mut self, settings: &[String]) -> Result<(), Message> {
        for setting in settings {
            let Some((key, value)) = setting.split_once('=') else {
                return Err(crate::msg!(
                    "`{setting}` is not KEY=VALUE; the keys are {keys}",
                    "`{setting}` heeft niet de vorm KEY=VALUE (veld=waarde); de velden zijn {keys}",
                    setting = setting,
                    keys = keys()
                ));
            };
            let Some(limit) = Limit::from_key(key.trim()) else {
                return Err(crate::msg!(
                    "`{key}` is not a limit; the limits are {keys}",
                    "`{key}` is geen grens; de grenzen zijn {keys}",
                    key = key.trim(),
                    keys = keys()
                ));
            };
            limit.set(self, value)?;
        }
        Ok(())
    }
}

fn keys() -> crate::lang::List<String> {
    crate::lang::List(
        Limit::ALL
            .iter()
            .map(|l| format!("`{}`", l.key()))
            .collect(),
    )
}

/// Parses a size: bytes (`4194304`) or a number with a unit (`16 MiB`, `16MB`, `500 KiB`).
/// KB, MB and GB are powers of 1000; KiB, MiB and GiB powers of 1024.
///
/// # Errors
/// A message saying how a size is written.
pub fn parse_size(text: &str) -> Result<u64, Message> {
    let wrong = || {
        crate::msg!(
            "`{text}` is not a size; write bytes or a number with a unit, e.g. `16 MiB`, `500 KB` \
             or `8000000`",
            "`{text}` is geen grootte; schrijf een aantal bytes of een getal met een eenheid, \
             bijvoorbeeld `16 MiB`, `500 KB` of `8000000`",
            text = text
        )
    };
    let trimmed = text.trim();
    let split = trimmed
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(trimmed.len());
    let (digits, unit) = trimmed.split_at(split);
    let number: u64 = digits.parse().map_err(|_| wrong())?;
    let factor: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "kb" | "k" => 1_000,
        "kib" => 1 << 10,
        "mb" | "m" => 1_000_000,
        "mib" => 1 << 20,
        "gb" | "g" => 1_000_000_000,
        "gib" => 1 << 30,
        _ => return Err(wrong()),
    };
    let size = number.checked_mul(factor).ok_or_else(wrong)?;
    if size == 0 {
        return Err(crate::msg!(
            "`max-file-size` must be more than 0 bytes",
            "`max-file-size` moet groter zijn dan 0 bytes"
        ));
    }
    Ok(size)
}

/// A size as a user writes it: `4 MiB` when it is a whole number of MiB, else KiB, else bytes.
#[must_use]
pub fn format_size(bytes: u64) -> String {
    for (unit, factor) in [("GiB", 1u64 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)] {
        if bytes >= factor && bytes.is_multiple_of(factor) {
            return format!("{} {unit}", bytes / factor);
        }
    }
    format!("{bytes} bytes")
}

/// A size rounded to one decimal for reading, a trailing zero dropped: `6.5 MiB`, `120 KiB`,
/// `800 bytes` (`6,5 MiB` in Dutch).
#[must_use]
pub fn format_size_rounded(bytes: u64) -> Message {
    use crate::lang::{Decimals, Plain};
    #[allow(clippy::cast_precision_loss, reason = "one decimal is shown")]
    let value = bytes as f64;
    if bytes >= 1 << 20 {
        let n = Decimals(value / f64::from(1u32 << 20), 1);
        crate::msg!("{n} MiB", "{n} MiB", n = n)
    } else if bytes >= 1 << 10 {
        let n = Decimals(value / f64::from(1u32 << 10), 1);
        crate::msg!("{n} KiB", "{n} KiB", n = n)
    } else {
        crate::msg!("{n} bytes", "{n} bytes", n = Plain(bytes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_written_with_or_without_a_unit() {
        assert_eq!(parse_size("16 MiB"), Ok(16 << 20));
        assert_eq!(parse_size("16MiB"), Ok(16 << 20));
        assert_eq!(parse_size("8MB"), Ok(8_000_000));
        assert_eq!(parse_size("500 kib"), Ok(500 << 10));
        assert_eq!(parse_size("4194304"), Ok(4 << 20));
        assert!(parse_size("16 lbs").is_err());
        assert!(parse_size("-1").is_err());
        assert!(parse_size("0").is_err());
        assert!(parse_size("99999999999999999999 GiB").is_err());
        assert_eq!(format_size(4 << 20), "4 MiB");
        assert_eq!(format_size(1000), "1000 bytes");
        let rounded = format_size_rounded(6_815_744);
        assert_eq!((rounded.en(), rounded.nl()), ("6.5 MiB", "6,5 MiB"));
    }

    #[test]
    fn limits_are_set_by_key_and_wrong_keys_are_named() {
        let mut limits = Limits::default();
        limits
            .apply(&[
                "max-file-size=8MiB".to_string(),
                "max-depth=100".to_string(),
            ])
            .expect("applies");
        assert_eq!(limits.max_file_size, 8 << 20);
        assert_eq!(limits.max_depth, 100);
        let error = limits
            .apply(&["max-size=1".to_string()])
            .expect_err("no such key");
        assert!(error.en().contains("`max-file-size`"), "{error:?}");
        assert!(error.nl().contains("`max-file-size`"), "{error:?}");
        assert!(limits.apply(&["max-depth=0".to_string()]).is_err());
        assert!(limits.apply(&["max-depth".to_string()]).is_err());
    }

    #[test]
    fn the_help_names_the_key_in_both_places() {
        let help = Limit::FileSize.how_to_raise(&Limits::default());
        for text in [help.en(), help.nl()] {
            assert!(text.contains("`max-file-size = \"8 MiB\"`"), "{text}");
            assert!(text.contains("`--limit max-file-size=8MiB`"), "{text}");
        }
        let help = Limit::how_to_raise_size(&Limits::default(), Some(20 << 20));
        assert!(
            help.nl().contains("`--limit max-file-size=20MiB`"),
            "{help:?}"
        );
        let help = Limit::how_to_raise_size(&Limits::default(), Some((20 << 20) + 1));
        assert!(
            help.en().contains("`--limit max-file-size=21MiB`"),
            "{help:?}"
        );
    }
}
