//! File, syntax and structure rules (`RP0xx`). They are reported by `load`, which reads the
//! file, parses the YAML and validates it against the plan schema; this file documents them.

use super::{Pruning, Rule, RuleInfo};
use crate::diagnostic::Severity::{Error, Warning};

pub static NOT_UTF8: Rule = Rule {
    info: RuleInfo {
        code: "RP001",
        name: "not-utf8",
        severity: Error,
        summary: crate::lang::Label {
            en: "The file is not UTF-8 text (it may be binary or in another encoding).",
            nl: "Het bestand is geen UTF-8-tekst (het is misschien binair of in een andere \
                 codering).",
        },
        why: crate::lang::Label {
            en: "YAML plans are text in UTF-8. A file in Latin-1 or a binary file cannot be read \
                 reliably; regioplan points at the first byte it cannot read. A file saved as \
                 UTF-16 or UTF-32 (some Windows editors do) is named as such.",
            nl: "Een plan in YAML is tekst in UTF-8. Een bestand in Latin-1 of een binair bestand \
                 is niet betrouwbaar te lezen; regioplan wijst de eerste byte aan die het niet \
                 kan lezen. Een bestand dat als UTF-16 of UTF-32 is opgeslagen (sommige \
                 Windows-editors doen dat), wordt ook zo genoemd.",
        },
        bad: "naam: Ouderkerk a/d Amstel   # saved as Latin-1: the byte 0xE9 of `é` is not UTF-8",
        good: "naam: Ouderkerk aan de Amstel   # saved as UTF-8",
        fix: crate::lang::Label {
            en: "None: which encoding the file was saved in is a guess, and a wrong guess garbles \
                 every accented letter; save the file as UTF-8.",
            nl: "Geen: in welke codering het bestand is opgeslagen, is een gok, en een verkeerde \
                 gok verminkt elke letter met een accent; sla het bestand op als UTF-8.",
        },
    },
    check: None,
    pruning: Pruning::Independent,
};

pub static SYNTAX: Rule = Rule {
    info: RuleInfo {
        code: "RP002",
        name: "yaml-syntax",
        severity: Error,
        summary: crate::lang::Label {
            en: "The file is not valid YAML.",
            nl: "Het bestand is geen geldige YAML.",
        },
        why: crate::lang::Label {
            en: "Nothing else can be checked until the YAML parses. Typical mistakes (a colon \
                 inside a text, a text starting with `'s`, `>`, `%`, `@`, `*` or `&`, curly \
                 quotes, a non-breaking space, an unclosed `[` or `\"`) are reported on their own \
                 line with what to write instead, all of them in one run; any other mistake is \
                 reported where the parser gave up, which is at or just after it.",
            nl: "Niets anders kan worden gecontroleerd voordat de YAML te lezen is. Veelgemaakte \
                 fouten (een dubbele punt in een tekst, een tekst die begint met `'s`, `>`, `%`, \
                 `@`, `*` of `&`, gekrulde aanhalingstekens, een harde spatie, een niet gesloten \
                 `[` of `\"`) worden op hun eigen regel gemeld, met wat u in plaats daarvan \
                 schrijft, allemaal in één keer; elke andere fout wordt gemeld waar de parser \
                 vastliep, dus op of net na de fout.",
        },
        bad: "themes:\n  - id: ggz\n    name: [GGZ\n",
        good: "themes:\n  - id: ggz\n    name: GGZ\n",
        fix: crate::lang::Label {
            en: "Safe, for a one-line entry with a typical mistake: double quotes around the \
                 whole text (a colon inside it, a leading `'s`, `>`, `%`, `@`, `*`, `&`, `!` or \
                 backquote, an unclosed `\"`), straight quotes for curly ones, an ordinary space \
                 for a non-breaking one. Unsafe: quotes around a text that opens a `[` or `{` \
                 (closing the bracket may be what was meant). None for other syntax errors: where \
                 the parser gave up says nothing certain about what was meant.",
            nl: "Veilig, voor een waarde op één regel met een veelgemaakte fout: dubbele \
                 aanhalingstekens om de hele tekst (een dubbele punt erin, een `'s`, `>`, `%`, \
                 `@`, `*`, `&`, `!` of backquote aan het begin, een niet gesloten `\"`), rechte \
                 aanhalingstekens voor gekrulde, een gewone spatie voor een harde. Onveilig: \
                 aanhalingstekens om een tekst die een `[` of `{` opent (misschien was een \
                 sluitend haakje bedoeld). Geen bij andere syntaxfouten: waar de parser vastliep, \
                 zegt niets zekers over wat er bedoeld was.",
        },
    },
    check: None,
    pruning: Pruning::Independent,
};

pub static DUPLICATE_KEY: Rule = Rule {
    info: RuleInfo {
        code: "RP003",
        name: "duplicate-key",
        severity: Error,
        summary: crate::lang::Label {
            en: "A key appears twice in the same mapping.",
            nl: "Een veld staat twee keer in hetzelfde blok.",
        },
        why: crate::lang::Label {
            en: "YAML forbids repeated keys and tools disagree on which value wins; a repeated \
                 `deadline:` silently hides one of two dates.",
            nl: "YAML verbiedt herhaalde velden en programma's verschillen in welke waarde dan \
                 telt; een herhaalde `deadline:` verbergt ongemerkt een van twee datums.",
        },
        bad: "- id: ggz-1\n  deadline: 2022-06-30\n  deadline: 2022-12-31\n",
        good: "- id: ggz-1\n  deadline: 2022-12-31\n",
        fix: crate::lang::Label {
            en: "None: which of the two values is right is for a person to decide.",
            nl: "Geen: welke van de twee waarden klopt, beslist een persoon.",
        },
    },
    check: None,
    pruning: Pruning::Independent,
};

pub static EMPTY: Rule = Rule {
    info: RuleInfo {
        code: "RP004",
        name: "empty-file",
        severity: Error,
        summary: crate::lang::Label {
            en: "The file holds no YAML document (it is empty or only comments).",
            nl: "Het bestand bevat geen YAML-document (het is leeg of bevat alleen commentaar).",
        },
        why: crate::lang::Label {
            en: "An empty plan is almost always a file saved by mistake or a failed export.",
            nl: "Een leeg plan is bijna altijd een per ongeluk opgeslagen bestand of een mislukte \
                 export.",
        },
        bad: "# regioplan Amstelland\n",
        good: "regioplan: 1\nregion: ...\nperiod: ...\n",
        fix: crate::lang::Label {
            en: "None: an empty file has no plan to repair; `regioplan init` writes one.",
            nl: "Geen: een leeg bestand heeft geen plan om te herstellen; `regioplan init` \
                 schrijft er een.",
        },
    },
    check: None,
    pruning: Pruning::Independent,
};

pub static MULTIPLE_DOCUMENTS: Rule = Rule {
    info: RuleInfo {
        code: "RP005",
        name: "multiple-documents",
        severity: Error,
        summary: crate::lang::Label {
            en: "The file holds more than one YAML document (`---`).",
            nl: "Het bestand bevat meer dan één YAML-document (`---`).",
        },
        why: crate::lang::Label {
            en: "A plan file holds exactly one plan; split other plans into their own files.",
            nl: "Een planbestand bevat precies één plan; zet andere plannen elk in een eigen \
                 bestand.",
        },
        bad: "regioplan: 1\n...\n---\nregioplan: 1\n",
        good: "regioplan: 1\n...\n",
        fix: crate::lang::Label {
            en: "None: whether the other documents are plans of their own or a mistake is for a \
                 person to decide.",
            nl: "Geen: of de andere documenten eigen plannen zijn of een vergissing, beslist een \
                 persoon.",
        },
    },
    check: None,
    pruning: Pruning::Independent,
};

pub static LIMIT: Rule = Rule {
    info: RuleInfo {
        code: "RP006",
        name: "limit-exceeded",
        severity: Error,
        summary: crate::lang::Label {
            en: "The file exceeds a limit: size, nesting, aliases or alias expansion.",
            nl: "Het bestand overschrijdt een limiet: grootte, nesting, aliassen of uitbreiding \
                 van aliassen.",
        },
        why: crate::lang::Label {
            en: "The limits protect CI and editors against files that would take unbounded time \
                 or memory, such as alias bombs. Real plans are far below them. Each can be \
                 raised under `[limits]` in regioplan.toml or with `--limit KEY=VALUE`: \
                 `max-file-size` (default 4 MiB), `max-depth` (64), `max-aliases` (4096) and \
                 `alias-expansion` (4 values per byte of the file, plus 10,000).",
            nl: "De limieten beschermen CI en editors tegen bestanden die onbegrensd veel tijd of \
                 geheugen kosten, zoals alias-bommen. Echte plannen blijven er ver onder. U kunt \
                 elke limiet verhogen onder `[limits]` in regioplan.toml of met `--limit \
                 KEY=VALUE`: `max-file-size` (standaard 4 MiB), `max-depth` (64), `max-aliases` \
                 (4096) en `alias-expansion` (4 waarden per byte van het bestand, plus 10.000).",
        },
        bad: "a: &a [*a, *a, *a, *a]   # and so on: an alias bomb",
        good: "a: [1, 2, 3]",
        fix: crate::lang::Label {
            en: "None: the file or the limit has to change, and either is a decision.",
            nl: "Geen: het bestand of de limiet moet veranderen, en beide zijn een beslissing.",
        },
    },
    check: None,
    pruning: Pruning::Independent,
};

pub static NOT_A_PLAN: Rule = Rule {
    info: RuleInfo {
        code: "RP007",
        name: "not-a-plan",
        severity: Error,
        summary: crate::lang::Label {
            en: "A YAML file that is not a regioplan (it has no top-level `regioplan:` key) was \
                 named to be checked.",
            nl: "Een YAML-bestand dat geen regioplan is (het heeft bovenaan geen veld \
                 `regioplan:`), is opgegeven om te controleren.",
        },
        why: crate::lang::Label {
            en: "Other YAML files live beside plans (`.pre-commit-config.yaml`, CI workflows) and \
                 checking them against the plan format gives a page of meaningless findings. A \
                 file is a plan when its top level has the key `regioplan` (or both `region` and \
                 `period`, so a plan that lost its version line is still checked). When a \
                 directory is checked, other YAML files are skipped and named in the summary; a \
                 file named on the command line gets this one finding instead.",
            nl: "Naast plannen staan andere YAML-bestanden (`.pre-commit-config.yaml`, \
                 CI-workflows); die tegen het planformaat controleren geeft een pagina zinloze \
                 meldingen. Een bestand is een plan als het bovenaan het veld `regioplan` heeft \
                 (of zowel `region` als `period`, zodat een plan dat zijn versieregel kwijt is \
                 toch wordt gecontroleerd). Bij het controleren van een map worden andere \
                 YAML-bestanden overgeslagen en in de samenvatting genoemd; een bestand dat u op \
                 de opdrachtregel noemt, krijgt in plaats daarvan deze ene melding.",
        },
        bad: "# .pre-commit-config.yaml\nrepos:\n  - repo: https://github.com/OWNER/regioplan\n",
        good: "regioplan: 1\nregion: ...\nperiod: ...\n",
        fix: crate::lang::Label {
            en: "None: a file that is not a plan is not changed.",
            nl: "Geen: een bestand dat geen plan is, wordt niet veranderd.",
        },
    },
    check: None,
    pruning: Pruning::Independent,
};

pub static THOUSANDS_SEPARATOR: Rule = Rule {
    info: RuleInfo {
        code: "RP017",
        name: "thousands-separator",
        severity: Error,
        summary: crate::lang::Label {
            en: "A dot with three digits after it where a thousands separator was meant \
                 (`620.000`), in an amount or in a figure that counts whole things.",
            nl: "Een punt met drie cijfers erachter waar een scheiding van duizendtallen bedoeld \
                 was (`620.000`), in een bedrag of in een getal dat hele dingen telt.",
        },
        why: crate::lang::Label {
            en: "Dutch writes a dot between thousands, YAML reads it as a decimal point: \
                 `amount_eur: 620.000` is read as 620 euro and `baseline: 4.000` as 4, without a \
                 word. Checked are amounts in euro, and the baseline, target and measurements of \
                 an indicator whose unit counts whole things (patiënten, praktijken, inwoners, \
                 euro, ...).",
            nl: "In het Nederlands staat een punt tussen duizendtallen, maar YAML leest hem als \
                 decimale punt: `amount_eur: 620.000` wordt gelezen als 620 euro en `baseline: \
                 4.000` als 4, zonder waarschuwing. Gecontroleerd worden bedragen in euro, en de \
                 nulmeting, streefwaarde en metingen van een indicator waarvan de eenheid hele \
                 dingen telt (patiënten, praktijken, inwoners, euro, ...).",
        },
        bad: "funding:\n  - {payer: zk, recipient: aha, year: 2022, line: o_and_i, amount_eur: 620.000}\n",
        good: "funding:\n  - {payer: zk, recipient: aha, year: 2022, line: o_and_i, amount_eur: 620000}\n",
        fix: crate::lang::Label {
            en: "Safe, where the value's type says it is whole (a count such as `listed_patients: \
                 800.000` becomes `800000`). Unsafe, for an amount or an indicator value that the \
                 unit suggests counts whole things (`amount_eur: 620.000` becomes `620000`; \
                 `620.0` may have been meant).",
            nl: "Veilig, waar het type van de waarde zegt dat die heel is (een aantal zoals \
                 `listed_patients: 800.000` wordt `800000`). Onveilig, voor een bedrag of een \
                 waarde van een indicator waarvan de eenheid doet vermoeden dat die hele dingen \
                 telt (`amount_eur: 620.000` wordt `620000`; misschien was `620.0` bedoeld).",
        },
    },
    check: None,
    pruning: Pruning::Independent,
};

pub static TEXT_CUT_BY_COMMENT: Rule = Rule {
    info: RuleInfo {
        code: "RP008",
        name: "text-cut-by-comment",
        severity: Warning,
        summary: crate::lang::Label {
            en: "A text followed on the same line by ` #`, which YAML reads as the start of a \
                 comment: the text is cut there.",
            nl: "Een tekst met op dezelfde regel ` #` erachter, wat YAML leest als het begin van \
                 commentaar: de tekst wordt daar afgebroken.",
        },
        why: crate::lang::Label {
            en: "`title: Wachttijd #1 prioriteit` is read as `Wachttijd`; the rest is silently \
                 lost from reports. A `#` written like running text (one space before it, or none \
                 after it) is reported; a comment written the usual way, two spaces before the \
                 `#` and one after it, is not.",
            nl: "`title: Wachttijd #1 prioriteit` wordt gelezen als `Wachttijd`; de rest \
                 verdwijnt ongemerkt uit rapporten. Een `#` die als gewone tekst is geschreven \
                 (één spatie ervoor, of geen erna), wordt gemeld; commentaar op de gebruikelijke \
                 manier, twee spaties voor de `#` en één erna, niet.",
        },
        bad: "title: Wachttijd #1 prioriteit\n",
        good: "title: \"Wachttijd #1 prioriteit\"\n",
        fix: crate::lang::Label {
            en: "Safe: double quotes around the text and what YAML took for a comment, `title: \
                 \"Wachttijd #1 prioriteit\"`.",
            nl: "Veilig: dubbele aanhalingstekens om de tekst en wat YAML voor commentaar hield, \
                 `title: \"Wachttijd #1 prioriteit\"`.",
        },
    },
    check: None,
    pruning: Pruning::Independent,
};

pub static DECIMAL_COMMA: Rule = Rule {
    info: RuleInfo {
        code: "RP009",
        name: "decimal-comma",
        severity: Error,
        summary: crate::lang::Label {
            en: "A number written with a decimal comma (`12,5`).",
            nl: "Een getal met een decimale komma (`12,5`).",
        },
        why: crate::lang::Label {
            en: "YAML numbers take a decimal point. `value: 12,5` is a text, not a number; inside \
                 `{...}` the comma separates entries, so `{value: 12,5}` would be read as 12 and \
                 a stray key `5`: the measurement silently loses its decimals.",
            nl: "Getallen in YAML hebben een decimale punt. `value: 12,5` is een tekst, geen \
                 getal; binnen `{...}` scheidt de komma de onderdelen, dus `{value: 12,5}` wordt \
                 gelezen als 12 en een los veld `5`: de meting verliest ongemerkt haar decimalen.",
        },
        bad: "measurements:\n  - {date: 2022-06-30, value: 12,5}\n",
        good: "measurements:\n  - {date: 2022-06-30, value: 12.5}\n",
        fix: crate::lang::Label {
            en: "Safe: the decimal point for the comma, `12.5` (the value's type is a number, so \
                 the comma was a decimal comma).",
            nl: "Veilig: de decimale punt in plaats van de komma, `12.5` (de waarde is een getal, \
                 dus de komma was een decimale komma).",
        },
    },
    check: None,
    pruning: Pruning::Independent,
};

pub static UNKNOWN_KEY: Rule = Rule {
    info: RuleInfo {
        code: "RP010",
        name: "unknown-key",
        severity: Error,
        summary: crate::lang::Label {
            en: "A key that the plan format does not define.",
            nl: "Een veld dat het planformaat niet kent.",
        },
        why: crate::lang::Label {
            en: "A misspelt key (`trekkr:`) would otherwise be silently ignored and the theme \
                 would look as if it had no trekker.",
            nl: "Een verkeerd gespeld veld (`trekkr:`) zou anders ongemerkt worden genegeerd, en \
                 het thema zou eruitzien alsof het geen trekker heeft.",
        },
        bad: "- id: ggz\n  trekkr: f.francke\n",
        good: "- id: ggz\n  trekker: f.francke\n",
        fix: crate::lang::Label {
            en: "Unsafe: the allowed key the unknown one resembles, when exactly one is close \
                 (`trekkr` becomes `trekker`). None when no key is close.",
            nl: "Onveilig: het toegestane veld dat op het onbekende lijkt, als er precies één \
                 dichtbij ligt (`trekkr` wordt `trekker`). Geen als er geen veld op lijkt.",
        },
    },
    check: None,
    pruning: Pruning::Independent,
};

pub static MISSING_KEY: Rule = Rule {
    info: RuleInfo {
        code: "RP011",
        name: "missing-key",
        severity: Error,
        summary: crate::lang::Label {
            en: "A required key is missing.",
            nl: "Een verplicht veld ontbreekt.",
        },
        why: crate::lang::Label {
            en: "Reports and gap analyses need the required facts, such as a goal's status or a \
                 theme's name.",
            nl: "Rapporten en gap-analyses hebben de verplichte gegevens nodig, zoals de status \
                 van een doel of de naam van een thema.",
        },
        bad: "- id: ggz\n  strategic: regional\n",
        good: "- id: ggz\n  name: GGZ\n  strategic: regional\n",
        fix: crate::lang::Label {
            en: "Unsafe: the key with no value after the mapping's last entry (`status:`), \
                 indented as its keys; the empty value is then reported until a person fills it \
                 in. None for a mapping written in braces.",
            nl: "Onveilig: het veld zonder waarde na het laatste veld van het blok (`status:`), \
                 even ver ingesprongen als de andere velden; de lege waarde wordt dan gemeld tot \
                 iemand haar invult. Geen voor een blok tussen accolades.",
        },
    },
    check: None,
    pruning: Pruning::Independent,
};

pub static WRONG_TYPE: Rule = Rule {
    info: RuleInfo {
        code: "RP012",
        name: "wrong-type",
        severity: Error,
        summary: crate::lang::Label {
            en: "A value of the wrong type (a list where a text is expected, and so on).",
            nl: "Een waarde van het verkeerde type (een lijst waar een tekst hoort, enzovoort).",
        },
        why: crate::lang::Label {
            en: "Each key holds one kind of value; a count written as text cannot be added up.",
            nl: "Elk veld bevat één soort waarde; een aantal dat als tekst is geschreven, kan \
                 niet worden opgeteld.",
        },
        bad: "key_figures:\n  practices: about 260\n",
        good: "key_figures:\n  practices: 260\n  approximate: true\n",
        fix: crate::lang::Label {
            en: "Safe: where a number belongs, a number in quotes without them (`\"12\"` becomes \
                 `12`) and one with Dutch thousands dots without them (`\"1.200.000\"` becomes \
                 `1200000`); a year written with a decimal point as the year (`2020.0` becomes \
                 `2020`). None for other wrong types: what was meant is not known.",
            nl: "Veilig: waar een getal hoort, een getal tussen aanhalingstekens zonder die \
                 aanhalingstekens (`\"12\"` wordt `12`) en een getal met Nederlandse \
                 duizendtalpunten zonder die punten (`\"1.200.000\"` wordt `1200000`); een jaar \
                 met een decimale punt als jaar (`2020.0` wordt `2020`). Geen voor andere \
                 verkeerde types: wat er bedoeld was, is niet bekend.",
        },
    },
    check: None,
    pruning: Pruning::Independent,
};

pub static INVALID_VALUE: Rule = Rule {
    info: RuleInfo {
        code: "RP013",
        name: "invalid-value",
        severity: Error,
        summary: crate::lang::Label {
            en: "A value that is not one of the allowed values.",
            nl: "Een waarde die niet een van de toegestane waarden is.",
        },
        why: crate::lang::Label {
            en: "Statuses, kinds and segments come from a fixed list so that reports can count \
                 them.",
            nl: "Statussen, soorten en segmenten komen uit een vaste lijst, zodat rapporten ze \
                 kunnen tellen.",
        },
        bad: "status: done\n",
        good: "status: achieved\n",
        fix: crate::lang::Label {
            en: "Unsafe: the allowed value the given one resembles, when one is close. None \
                 otherwise.",
            nl: "Onveilig: de toegestane waarde die op de opgegeven waarde lijkt, als er een \
                 dichtbij ligt. Geen in andere gevallen.",
        },
    },
    check: None,
    pruning: Pruning::Independent,
};

pub static INVALID_FORMAT: Rule = Rule {
    info: RuleInfo {
        code: "RP014",
        name: "invalid-format",
        severity: Error,
        summary: crate::lang::Label {
            en: "An id or a date that is not written in the required form.",
            nl: "Een id of datum die niet in de vereiste vorm is geschreven.",
        },
        why: crate::lang::Label {
            en: "Ids are lower-case so that references are unambiguous; dates are YYYY-MM-DD so \
                 that they sort and compare.",
            nl: "Ids zijn in kleine letters, zodat verwijzingen eenduidig zijn; datums zijn \
                 JJJJ-MM-DD, zodat ze te sorteren en te vergelijken zijn.",
        },
        bad: "deadline: 31-12-2022\n",
        good: "deadline: 2022-12-31\n",
        fix: crate::lang::Label {
            en: "Safe: the id of the person or organisation whose name was written where an id \
                 belongs. None for other forms: a new id or date is a guess.",
            nl: "Veilig: het id van de persoon of organisatie waarvan de naam is geschreven waar \
                 een id hoort. Geen voor andere vormen: een nieuw id of een nieuwe datum is een \
                 gok.",
        },
    },
    check: None,
    pruning: Pruning::Independent,
};

pub static OUT_OF_RANGE: Rule = Rule {
    info: RuleInfo {
        code: "RP015",
        name: "out-of-range",
        severity: Error,
        summary: crate::lang::Label {
            en: "A number outside its allowed range, such as a negative count or amount.",
            nl: "Een getal buiten het toegestane bereik, zoals een negatief aantal of bedrag.",
        },
        why: crate::lang::Label {
            en: "Counts of practices, patients and years, and amounts in euro, cannot be \
                 negative.",
            nl: "Aantallen praktijken, patiënten en jaren, en bedragen in euro, kunnen niet \
                 negatief zijn.",
        },
        bad: "practices: -4\n",
        good: "practices: 4\n",
        fix: crate::lang::Label {
            en: "None: the right number is not known.",
            nl: "Geen: het juiste getal is niet bekend.",
        },
    },
    check: None,
    pruning: Pruning::Independent,
};

pub static UNSUPPORTED_VERSION: Rule = Rule {
    info: RuleInfo {
        code: "RP016",
        name: "unsupported-version",
        severity: Error,
        summary: crate::lang::Label {
            en: "The `regioplan:` format version is not one this regioplan reads.",
            nl: "De formaatversie in `regioplan:` is geen versie die deze regioplan kan lezen.",
        },
        why: crate::lang::Label {
            en: "The version says how the rest of the file is to be read; only version 1 exists.",
            nl: "De versie zegt hoe de rest van het bestand gelezen wordt; alleen versie 1 \
                 bestaat.",
        },
        bad: "regioplan: 2\n",
        good: "regioplan: 1\n",
        fix: crate::lang::Label {
            en: "None: a plan of another format version needs the version of regioplan that reads \
                 it.",
            nl: "Geen: een plan in een andere formaatversie heeft de versie van regioplan nodig \
                 die het kan lezen.",
        },
    },
    check: None,
    pruning: Pruning::Independent,
};

pub static INTERNAL: Rule = Rule {
    info: RuleInfo {
        code: "RP019",
        name: "internal-model-mismatch",
        severity: Error,
        summary: crate::lang::Label {
            en: "The plan passed the schema but could not be read into regioplan's model.",
            nl: "Het plan voldoet aan het schema, maar kon niet in het model van regioplan worden \
                 ingelezen.",
        },
        why: crate::lang::Label {
            en: "This is a defect in regioplan: the schema and the model are generated from the \
                 same types and must agree. Please report it with the file.",
            nl: "Dit is een fout in regioplan: het schema en het model worden uit dezelfde types \
                 gemaakt en horen overeen te komen. Meld de fout alstublieft, met het bestand \
                 erbij.",
        },
        bad: "(no known input)",
        good: "(no known input)",
        fix: crate::lang::Label {
            en: "None: this is a defect in regioplan.",
            nl: "Geen: dit is een fout in regioplan.",
        },
    },
    check: None,
    pruning: Pruning::Independent,
};
