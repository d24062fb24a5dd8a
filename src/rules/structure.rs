//! File, syntax and structure rules (`RP0xx`). They are reported by `load`, which reads the
//! file, parses the YAML and validates it against the plan schema; this file documents them.

use super::{Pruning, Rule, RuleInfo};
use crate::diagnostic::Severity::{Error, Warning};

pub static NOT_UTF8: Rule = Rule {
    info: RuleInfo {
        code: "RP001",
        name: "not-utf8",
        severity: Error,
        summary: "The file is not UTF-8 text (it may be binary or in another encoding).",
        why: "YAML plans are text in UTF-8. A file in Latin-1 or a binary file cannot be read \
              reliably; regioplan points at the first byte it cannot read. A file saved as \
              UTF-16 or UTF-32 (some Windows editors do) is named as such.",
        bad: "naam: Ouderkerk a/d Amstel   # saved as Latin-1: the byte 0xE9 of `é` is not UTF-8",
        good: "naam: Ouderkerk aan de Amstel   # saved as UTF-8",
        fix: "None: which encoding the file was saved in is a guess, and a wrong guess garbles every accented letter; save the file as UTF-8.",
    },
    check: None,
    pruning: Pruning::Independent,
};

pub static SYNTAX: Rule = Rule {
    info: RuleInfo {
        code: "RP002",
        name: "yaml-syntax",
        severity: Error,
        summary: "The file is not valid YAML.",
        why: "Nothing else can be checked until the YAML parses. Typical mistakes (a colon inside \
              a text, a text starting with `'s`, `>`, `%`, `@`, `*` or `&`, curly quotes, a \
              non-breaking space, an unclosed `[` or `\"`) are reported on their own line with \
              what to write instead, all of them in one run; any other mistake is reported where \
              the parser gave up, which is at or just after it.",
        bad: "themes:\n  - id: ggz\n    name: [GGZ\n",
        good: "themes:\n  - id: ggz\n    name: GGZ\n",
        fix: "Safe, for a one-line entry with a typical mistake: double quotes around the whole text (a colon inside it, a leading `'s`, `>`, `%`, `@`, `*`, `&`, `!` or backquote, an unclosed `\"`), straight quotes for curly ones, an ordinary space for a non-breaking one. Unsafe: quotes around a text that opens a `[` or `{` (closing the bracket may be what was meant). None for other syntax errors: where the parser gave up says nothing certain about what was meant.",
    },
    check: None,
    pruning: Pruning::Independent,
};

pub static DUPLICATE_KEY: Rule = Rule {
    info: RuleInfo {
        code: "RP003",
        name: "duplicate-key",
        severity: Error,
        summary: "A key appears twice in the same mapping.",
        why: "YAML forbids repeated keys and tools disagree on which value wins; a repeated \
              `deadline:` silently hides one of two dates.",
        bad: "- id: ggz-1\n  deadline: 2022-06-30\n  deadline: 2022-12-31\n",
        good: "- id: ggz-1\n  deadline: 2022-12-31\n",
        fix: "None: which of the two values is right is for a person to decide.",
    },
    check: None,
    pruning: Pruning::Independent,
};

pub static EMPTY: Rule = Rule {
    info: RuleInfo {
        code: "RP004",
        name: "empty-file",
        severity: Error,
        summary: "The file holds no YAML document (it is empty or only comments).",
        why: "An empty plan is almost always a file saved by mistake or a failed export.",
        bad: "# regioplan Amstelland\n",
        good: "regioplan: 1\nregion: ...\nperiod: ...\n",
        fix: "None: an empty file has no plan to repair; `regioplan init` writes one.",
    },
    check: None,
    pruning: Pruning::Independent,
};

pub static MULTIPLE_DOCUMENTS: Rule = Rule {
    info: RuleInfo {
        code: "RP005",
        name: "multiple-documents",
        severity: Error,
        summary: "The file holds more than one YAML document (`---`).",
        why: "A plan file holds exactly one plan; split other plans into their own files.",
        bad: "regioplan: 1\n...\n---\nregioplan: 1\n",
        good: "regioplan: 1\n...\n",
        fix: "None: whether the other documents are plans of their own or a mistake is for a person to decide.",
    },
    check: None,
    pruning: Pruning::Independent,
};

pub static LIMIT: Rule = Rule {
    info: RuleInfo {
        code: "RP006",
        name: "limit-exceeded",
        severity: Error,
        summary: "The file exceeds a limit: size, nesting, aliases or alias expansion.",
        why: "The limits protect CI and editors against files that would take unbounded time or \
              memory, such as alias bombs. Real plans are far below them. Each can be raised under \
              `[limits]` in regioplan.toml or with `--limit KEY=VALUE`: `max-file-size` (default \
              4 MiB), `max-depth` (64), `max-aliases` (4096) and `alias-expansion` (4 values per \
              byte of the file, plus 10,000).",
        bad: "a: &a [*a, *a, *a, *a]   # and so on: an alias bomb",
        good: "a: [1, 2, 3]",
        fix: "None: the file or the limit has to change, and either is a decision.",
    },
    check: None,
    pruning: Pruning::Independent,
};

pub static NOT_A_PLAN: Rule = Rule {
    info: RuleInfo {
        code: "RP007",
        name: "not-a-plan",
        severity: Error,
        summary: "A YAML file that is not a regioplan (it has no top-level `regioplan:` key) was named to be checked.",
        why: "Other YAML files live beside plans (`.pre-commit-config.yaml`, CI workflows) and \
              checking them against the plan format gives a page of meaningless findings. A file \
              is a plan when its top level has the key `regioplan` (or both `region` and \
              `period`, so a plan that lost its version line is still checked). When a directory \
              is checked, other YAML files are skipped and named in the summary; a file named on \
              the command line gets this one finding instead.",
        bad: "# .pre-commit-config.yaml\nrepos:\n  - repo: https://github.com/OWNER/regioplan\n",
        good: "regioplan: 1\nregion: ...\nperiod: ...\n",
        fix: "None: a file that is not a plan is not changed.",
    },
    check: None,
    pruning: Pruning::Independent,
};

pub static THOUSANDS_SEPARATOR: Rule = Rule {
    info: RuleInfo {
        code: "RP017",
        name: "thousands-separator",
        severity: Error,
        summary: "A dot with three digits after it where a thousands separator was meant \
                  (`620.000`), in an amount or in a figure that counts whole things.",
        why: "Dutch writes a dot between thousands, YAML reads it as a decimal point: \
              `amount_eur: 620.000` is read as 620 euro and `baseline: 4.000` as 4, without a \
              word. Checked are amounts in euro, and the baseline, target and measurements of an \
              indicator whose unit counts whole things (patiënten, praktijken, inwoners, euro, ...).",
        bad: "funding:\n  - {payer: zk, recipient: aha, year: 2022, line: o_and_i, amount_eur: 620.000}\n",
        good: "funding:\n  - {payer: zk, recipient: aha, year: 2022, line: o_and_i, amount_eur: 620000}\n",
        fix: "Safe, where the value's type says it is whole (a count such as `listed_patients: 800.000` becomes `800000`). Unsafe, for an amount or an indicator value that the unit suggests counts whole things (`amount_eur: 620.000` becomes `620000`; `620.0` may have been meant).",
    },
    check: None,
    pruning: Pruning::Independent,
};

pub static TEXT_CUT_BY_COMMENT: Rule = Rule {
    info: RuleInfo {
        code: "RP008",
        name: "text-cut-by-comment",
        severity: Warning,
        summary: "A text followed on the same line by ` #`, which YAML reads as the start of a \
                  comment: the text is cut there.",
        why: "`title: Wachttijd #1 prioriteit` is read as `Wachttijd`; the rest is silently lost \
              from reports. A `#` written like running text (one space before it, or none after \
              it) is reported; a comment written the usual way, two spaces before the `#` and \
              one after it, is not.",
        bad: "title: Wachttijd #1 prioriteit\n",
        good: "title: \"Wachttijd #1 prioriteit\"\n",
        fix: "Safe: double quotes around the text and what YAML took for a comment, `title: \"Wachttijd #1 prioriteit\"`.",
    },
    check: None,
    pruning: Pruning::Independent,
};

pub static DECIMAL_COMMA: Rule = Rule {
    info: RuleInfo {
        code: "RP009",
        name: "decimal-comma",
        severity: Error,
        summary: "A number written with a decimal comma (`12,5`).",
        why: "YAML numbers take a decimal point. `value: 12,5` is a text, not a number; inside \
              `{...}` the comma separates entries, so `{value: 12,5}` would be read as 12 and a \
              stray key `5`: the measurement silently loses its decimals.",
        bad: "measurements:\n  - {date: 2022-06-30, value: 12,5}\n",
        good: "measurements:\n  - {date: 2022-06-30, value: 12.5}\n",
        fix: "Safe: the decimal point for the comma, `12.5` (the value's type is a number, so the comma was a decimal comma).",
    },
    check: None,
    pruning: Pruning::Independent,
};

pub static UNKNOWN_KEY: Rule = Rule {
    info: RuleInfo {
        code: "RP010",
        name: "unknown-key",
        severity: Error,
        summary: "A key that the plan format does not define.",
        why: "A misspelt key (`trekkr:`) would otherwise be silently ignored and the theme would \
              look as if it had no trekker.",
        bad: "- id: ggz\n  trekkr: f.francke\n",
        good: "- id: ggz\n  trekker: f.francke\n",
        fix: "Unsafe: the allowed key the unknown one resembles, when exactly one is close (`trekkr` becomes `trekker`). None when no key is close.",
    },
    check: None,
    pruning: Pruning::Independent,
};

pub static MISSING_KEY: Rule = Rule {
    info: RuleInfo {
        code: "RP011",
        name: "missing-key",
        severity: Error,
        summary: "A required key is missing.",
        why: "Reports and gap analyses need the required facts, such as a goal's status or a \
              theme's name.",
        bad: "- id: ggz\n  strategic: regional\n",
        good: "- id: ggz\n  name: GGZ\n  strategic: regional\n",
        fix: "Unsafe: the key with no value after the mapping's last entry (`status:`), indented as its keys; the empty value is then reported until a person fills it in. None for a mapping written in braces.",
    },
    check: None,
    pruning: Pruning::Independent,
};

pub static WRONG_TYPE: Rule = Rule {
    info: RuleInfo {
        code: "RP012",
        name: "wrong-type",
        severity: Error,
        summary: "A value of the wrong type (a list where a text is expected, and so on).",
        why: "Each key holds one kind of value; a count written as text cannot be added up.",
        bad: "key_figures:\n  practices: about 260\n",
        good: "key_figures:\n  practices: 260\n  approximate: true\n",
        fix: "Safe: where a number belongs, a number in quotes without them (`\"12\"` becomes `12`) and one with Dutch thousands dots without them (`\"1.200.000\"` becomes `1200000`); a year written with a decimal point as the year (`2020.0` becomes `2020`). None for other wrong types: what was meant is not known.",
    },
    check: None,
    pruning: Pruning::Independent,
};

pub static INVALID_VALUE: Rule = Rule {
    info: RuleInfo {
        code: "RP013",
        name: "invalid-value",
        severity: Error,
        summary: "A value that is not one of the allowed values.",
        why: "Statuses, kinds and segments come from a fixed list so that reports can count them.",
        bad: "status: done\n",
        good: "status: achieved\n",
        fix: "Unsafe: the allowed value the given one resembles, when one is close. None otherwise.",
    },
    check: None,
    pruning: Pruning::Independent,
};

pub static INVALID_FORMAT: Rule = Rule {
    info: RuleInfo {
        code: "RP014",
        name: "invalid-format",
        severity: Error,
        summary: "An id or a date that is not written in the required form.",
        why: "Ids are lower-case so that references are unambiguous; dates are YYYY-MM-DD so that \
              they sort and compare.",
        bad: "deadline: 31-12-2022\n",
        good: "deadline: 2022-12-31\n",
        fix: "Safe: the id of the person or organisation whose name was written where an id belongs. None for other forms: a new id or date is a guess.",
    },
    check: None,
    pruning: Pruning::Independent,
};

pub static OUT_OF_RANGE: Rule = Rule {
    info: RuleInfo {
        code: "RP015",
        name: "out-of-range",
        severity: Error,
        summary: "A number outside its allowed range, such as a negative count or amount.",
        why: "Counts of practices, patients and years, and amounts in euro, cannot be negative.",
        bad: "practices: -4\n",
        good: "practices: 4\n",
        fix: "None: the right number is not known.",
    },
    check: None,
    pruning: Pruning::Independent,
};

pub static UNSUPPORTED_VERSION: Rule = Rule {
    info: RuleInfo {
        code: "RP016",
        name: "unsupported-version",
        severity: Error,
        summary: "The `regioplan:` format version is not one this regioplan reads.",
        why: "The version says how the rest of the file is to be read; only version 1 exists.",
        bad: "regioplan: 2\n",
        good: "regioplan: 1\n",
        fix: "None: a plan of another format version needs the version of regioplan that reads it.",
    },
    check: None,
    pruning: Pruning::Independent,
};

pub static INTERNAL: Rule = Rule {
    info: RuleInfo {
        code: "RP019",
        name: "internal-model-mismatch",
        severity: Error,
        summary: "The plan passed the schema but could not be read into regioplan's model.",
        why: "This is a defect in regioplan: the schema and the model are generated from the same \
              types and must agree. Please report it with the file.",
        bad: "(no known input)",
        good: "(no known input)",
        fix: "None: this is a defect in regioplan.",
    },
    check: None,
    pruning: Pruning::Independent,
};
