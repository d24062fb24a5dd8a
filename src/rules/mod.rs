//! The rule registry: every finding regioplan can report, with its documentation.
//!
//! Codes are stable and never reused: `RP0xx` file, syntax and structure (reported while
//! loading, see `load`), `RP1xx` references and ids, `RP2xx` dates, `RP3xx` themes and goals,
//! `RP4xx` key figures, `RP5xx` governance, `RP9xx` suppressions and configuration. A rule is one
//! value in `ALL`: its documentation and its check together; `regioplan rule` and
//! `docs/rules.md` are generated from it. Checks run on a typed plan and never print.

use std::cell::OnceCell;

use chrono::NaiveDate;

use crate::diagnostic::Diagnostic;
pub use crate::diagnostic::RuleInfo;
use crate::plan::Plan;
use crate::plan::catalogue::Catalogue;
use crate::plan::index::Index;
use crate::tree::Tree;

pub mod dates;
pub mod figures;
pub mod goals;
pub mod governance;
pub mod references;
pub mod structure;
pub mod suppression;
pub mod themes;

/// A rule: what its findings mean (`info`) and the check that reports them. `check` is `None`
/// for the rules reported while a file is read (`RP0xx`, by `load`) or while suppressions and
/// settings are applied (`RP9xx`, by `check`).
#[derive(Debug)]
pub struct Rule {
    pub info: RuleInfo,
    pub check: Option<Check>,
    pub pruning: Pruning,
}

/// How a rule's findings relate to the parts of a plan that were left out because their
/// structure was broken (see `load::prune`): a consequence of leaving a part out is not a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pruning {
    /// Its findings stand on their own.
    Independent,
    /// It reports something missing: not inside an item that lost a part (a misspelt
    /// `trekkr:` is one finding, not also "theme without trekker").
    Absence,
    /// It reports an id that resolves to nothing: not when that id's definition was left out.
    Reference,
    /// It reports on a whole section: not when a part of that section was left out.
    Section(&'static str),
}

/// A semantic check: reads a typed plan, pushes findings of its rule.
pub type Check = fn(&Context<'_>, &mut Vec<Diagnostic>);

/// A rule is used where its metadata is wanted: `Diagnostic::new(&UNKNOWN_PERSON, ...)`.
impl std::ops::Deref for Rule {
    type Target = RuleInfo;
    fn deref(&self) -> &RuleInfo {
        &self.info
    }
}

/// What a semantic rule sees.
pub struct Context<'a> {
    pub plan: &'a Plan,
    pub index: &'a Index<'a>,
    pub tree: &'a Tree,
    pub catalogue: &'a Catalogue,
    /// The date measurements may not be later than (default: today).
    pub as_of: NaiveDate,
    /// Every reference in the plan, gathered once for the rules that resolve them.
    references: OnceCell<Vec<references::Ref<'a>>>,
}

impl<'a> Context<'a> {
    #[must_use]
    pub fn new(
        plan: &'a Plan,
        index: &'a Index<'a>,
        tree: &'a Tree,
        catalogue: &'a Catalogue,
        as_of: NaiveDate,
    ) -> Self {
        Self {
            plan,
            index,
            tree,
            catalogue,
            as_of,
            references: OnceCell::new(),
        }
    }
}

/// The `fix` of a rule whose findings only a person can resolve: no repair, only a
/// suppression (shared by most semantic rules).
pub const FIX_NONE: crate::lang::Label = crate::lang::Label {
    en: "None: the plan says too little or contradicts itself, and only a person knows what is \
         right. Unsafe: a suppression, `# regioplan: ignore[CODE] <reason>` on a line above, \
         whose placeholder reason RP902 reports until a person writes one.",
    nl: "Geen: het plan zegt te weinig of spreekt zichzelf tegen, en alleen een persoon weet wat juist is. Onveilig: een onderdrukking, `# regioplan: ignore[CODE] <reason>` op de regel erboven; RP902 meldt die voorlopige reden tot iemand een echte reden schrijft.",
};

/// Every rule, in code order.
pub static ALL: &[&Rule] = &[
    &structure::NOT_UTF8,
    &structure::SYNTAX,
    &structure::DUPLICATE_KEY,
    &structure::EMPTY,
    &structure::MULTIPLE_DOCUMENTS,
    &structure::LIMIT,
    &structure::NOT_A_PLAN,
    &structure::TEXT_CUT_BY_COMMENT,
    &structure::DECIMAL_COMMA,
    &structure::UNKNOWN_KEY,
    &structure::MISSING_KEY,
    &structure::WRONG_TYPE,
    &structure::INVALID_VALUE,
    &structure::INVALID_FORMAT,
    &structure::OUT_OF_RANGE,
    &structure::UNSUPPORTED_VERSION,
    &structure::THOUSANDS_SEPARATOR,
    &structure::INTERNAL,
    &references::DUPLICATE_ID,
    &references::UNKNOWN_PERSON,
    &references::UNKNOWN_ORGANISATION,
    &references::UNKNOWN_THEME,
    &references::UNKNOWN_GOAL,
    &references::UNKNOWN_BUILDING_BLOCK,
    &references::UNKNOWN_MODULE,
    &references::UNKNOWN_NEIGHBOURHOOD,
    &references::UNKNOWN_WORKGROUP,
    &references::UNKNOWN_CONTRACT,
    &references::UNKNOWN_PROGRAMME,
    &references::EMPTY_SEAT,
    &references::BUILDING_BLOCK_ASSESSED_TWICE,
    &dates::IMPOSSIBLE_DATE,
    &dates::DEADLINE_OUTSIDE_PERIOD,
    &dates::SUBGOAL_AFTER_PARENT,
    &dates::MEASUREMENTS_OUT_OF_ORDER,
    &dates::MEASUREMENT_AFTER_AS_OF,
    &dates::END_BEFORE_START,
    &dates::OUTSIDE_PLAN_PERIOD,
    &dates::MILESTONE_OUTSIDE_GOAL,
    &themes::THEME_WITHOUT_TREKKER,
    &themes::THEME_WITHOUT_WORKGROUP,
    &themes::THEME_WITHOUT_BOARD_CONTACT,
    &goals::GOAL_NOT_MEASURABLE,
    &goals::GOAL_WITHOUT_OWNER,
    &goals::GOAL_WITHOUT_DEADLINE,
    &goals::ACHIEVED_BUT_TARGET_MISSED,
    &goals::BASELINE_PAST_TARGET,
    &goals::MILESTONE_AWAY_FROM_TARGET,
    &figures::MEMBER_PRACTICES_EXCEED_REGION,
    &figures::UPTAKE_EXCEEDS_TOTAL,
    &figures::SHARE_OUT_OF_RANGE,
    &figures::MUNICIPALITY_PATIENTS_EXCEED_TOTAL,
    &figures::FUNDED_EXCEEDS_SUBMITTED,
    &figures::JOINED_SHARE_CONTRADICTS_COUNTS,
    &figures::CONDITION_MET_CONTRADICTED,
    &figures::YEARLY_AMOUNT_CONTRADICTS_TOTAL,
    &governance::NO_DECIDING_BODY,
    &governance::BOARD_CONTACT_WITHOUT_SEAT,
    &suppression::UNUSED_SUPPRESSION,
    &suppression::SUPPRESSION_WITHOUT_REASON,
    &suppression::UNKNOWN_RULE_CODE,
    &suppression::MALFORMED_SUPPRESSION,
];

/// Looks a rule up by code (case-insensitive).
#[must_use]
pub fn find(code: &str) -> Option<&'static Rule> {
    ALL.iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(code))
}

/// Whether `code` is matched by a code or prefix (case-insensitive): `RP1` matches `RP102`.
#[must_use]
pub fn code_matches(code: &str, prefix: &str) -> bool {
    code.len() >= prefix.len()
        && code
            .get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// Whether a code or prefix matches at least one rule.
#[must_use]
pub fn matches_any_rule(prefix: &str) -> bool {
    !prefix.is_empty() && ALL.iter().any(|r| code_matches(r.code, prefix))
}

/// Runs the semantic check of every rule that `enabled` lets through, in code order.
#[must_use]
pub fn run(cx: &Context<'_>, enabled: impl Fn(&str) -> bool) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for rule in ALL {
        if let Some(check) = rule.check
            && enabled(rule.code)
        {
            check(cx, &mut out);
        }
    }
    out
}

/// The closest of `candidates` to `word`, if it is close enough to be a likely typo.
#[must_use]
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let word = word.to_lowercase();
    let letters = |s: &str| {
        let mut v: Vec<char> = s.chars().collect();
        v.sort_unstable();
        v
    };
    let mine = letters(&word);
    candidates
        .into_iter()
        .map(|c| {
            let c_lower = c.to_lowercase();
            // Swapped letters (`di` for `id`) score low on short words; count them as close.
            let swapped = c_lower.len() > 1 && c_lower != word && letters(&c_lower) == mine;
            let score = if swapped {
                0.9
            } else {
                strsim::jaro_winkler(&word, &c_lower)
            };
            (score, c)
        })
        .filter(|(score, _)| *score >= 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// Whether two names are the same when case and accents are ignored: `Ayşe Yılmaz` and
/// `ayse yilmaz`. Used to recognise a name written where an id belongs.
#[must_use]
pub fn same_name(a: &str, b: &str) -> bool {
    let fold = |s: &str| -> String {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .flat_map(char::to_lowercase)
            .map(|c| match c {
                'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
                'é' | 'è' | 'ê' | 'ë' => 'e',
                'í' | 'ì' | 'î' | 'ï' | 'ı' => 'i',
                'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
                'ú' | 'ù' | 'û' | 'ü' => 'u',
                'ç' => 'c',
                'ş' | 'š' => 's',
                'ğ' => 'g',
                'ñ' => 'n',
                'ý' | 'ÿ' => 'y',
                other => other,
            })
            .collect()
    };
    fold(a) == fold(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn codes_are_unique_well_formed_and_in_order() {
        let codes: Vec<&str> = ALL.iter().map(|r| r.code).collect();
        let unique: BTreeSet<&str> = codes.iter().copied().collect();
        assert_eq!(unique.len(), codes.len(), "duplicate rule code");
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        assert_eq!(codes, sorted, "ALL must list rules in code order");
        for r in ALL {
            assert!(r.code.len() == 5 && r.code.starts_with("RP"), "{}", r.code);
            assert!(
                !r.summary.en.is_empty() && !r.why.en.is_empty(),
                "{} undocumented",
                r.code
            );
            assert!(
                !r.bad.is_empty() && !r.good.is_empty(),
                "{} without examples",
                r.code
            );
        }
    }

    #[test]
    fn every_rule_is_documented_in_dutch_and_english() {
        use crate::lang::{Lang, english_words_in};
        for r in ALL {
            for (field, text) in [("summary", r.summary), ("why", r.why), ("fix", r.fix)] {
                for lang in Lang::ALL {
                    assert!(
                        !text.get(lang).trim().is_empty(),
                        "{} {field} is empty in {lang:?}",
                        r.code
                    );
                }
                assert_ne!(text.nl, text.en, "{} {field} is not translated", r.code);
                let english = english_words_in(text.nl);
                assert!(
                    english.is_empty(),
                    "{} {field} in Dutch has English words {english:?}: {}",
                    r.code,
                    text.nl
                );
            }
            // The fix says how certain it is in both languages, in the same order.
            let kinds = |text: &str, words: [&str; 3]| -> Vec<usize> {
                text.split(". ")
                    .filter_map(|sentence| {
                        words.iter().position(|w| {
                            sentence.starts_with(&format!("{w}:"))
                                || sentence.starts_with(&format!("{w},"))
                                || sentence.starts_with(&format!("{w} "))
                        })
                    })
                    .collect()
            };
            assert_eq!(
                kinds(r.fix.en, ["Safe", "Unsafe", "None"]),
                kinds(r.fix.nl, ["Veilig", "Onveilig", "Geen"]),
                "{}: the Dutch fix names the same fixes: {} / {}",
                r.code,
                r.fix.en,
                r.fix.nl
            );
        }
    }

    #[test]
    fn a_rule_reports_only_its_own_code() {
        // Every semantic rule, run alone on a plan that breaks many rules, reports its code only.
        let text = include_str!("../../examples/invalid/RP102-unknown-person.yaml");
        with_context(text, every_rule_reports_only_its_own_code);
    }

    /// Loads `text` and runs `f` on the rules' context of the plan.
    fn with_context(text: &str, f: impl FnOnce(&Context<'_>)) {
        let loaded = crate::load::load("x.yaml", text.as_bytes());
        let (Some(plan), Some(tree)) = (&loaded.plan, &loaded.tree) else {
            panic!("the plan loads");
        };
        let index = Index::build(plan);
        let catalogue = Catalogue::built_in();
        f(&Context::new(
            plan,
            &index,
            tree,
            &catalogue,
            NaiveDate::MIN,
        ));
    }

    fn every_rule_reports_only_its_own_code(cx: &Context<'_>) {
        for rule in ALL.iter().filter(|r| r.check.is_some()) {
            let found = run(cx, |code| code == rule.code);
            assert!(
                found.iter().all(|d| d.code == rule.code),
                "{}: {found:?}",
                rule.code
            );
        }
        assert!(run(cx, |_| false).is_empty());
        assert!(
            run(cx, |code| code == "RP102")
                .iter()
                .any(|d| d.code == "RP102")
        );
    }

    /// The messages of the findings of one rule on `text`.
    fn messages(text: &str, code: &str) -> Vec<String> {
        let mut found = Vec::new();
        with_context(text, |cx| {
            found = run(cx, |c| c == code)
                .into_iter()
                .map(|d| d.message.en().to_string())
                .collect();
        });
        found
    }

    /// The RP408 example with its amounts replaced by `amounts` and its dates by `start`, `end`.
    fn yearly_plan(amounts: &str, start: &str, end: &str) -> String {
        include_str!("../../examples/invalid/RP408-yearly-amount-contradicts-total.yaml")
            .replace(
                "    amount_eur: 1250000\n    yearly_amount_eur: 1250000\n",
                amounts,
            )
            .replace(
                "    start: 2024-01-01\n    end: 2026-12-31\n    segments",
                &format!("    start: {start}\n    end: {end}\n    segments"),
            )
    }

    #[test]
    fn a_yearly_amount_that_disagrees_with_the_total_is_reported() {
        let found = messages(
            &yearly_plan(
                "    amount_eur: 1250000\n    yearly_amount_eur: 1250000\n",
                "2024-01-01",
                "2026-12-31",
            ),
            "RP408",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains("for 3 years, which makes €3,750,000"),
            "{}",
            found[0]
        );
        // Three times 1,250,000 is the total; a euro a year of rounding is allowed.
        for amounts in [
            "    amount_eur: 3750000\n    yearly_amount_eur: 1250000\n",
            "    amount_eur: 1000000\n    yearly_amount_eur: 333333\n",
            "    yearly_amount_eur: 1250000\n",
            "    amount_eur: 3750000\n",
        ] {
            let plan = yearly_plan(amounts, "2024-01-01", "2026-12-31");
            assert!(messages(&plan, "RP408").is_empty(), "{amounts}");
        }
        // A contract of half a year: 1,250,000 a year is 625,000 over it.
        let half = yearly_plan(
            "    amount_eur: 625000\n    yearly_amount_eur: 1250000\n",
            "2024-01-01",
            "2024-06-30",
        );
        assert!(messages(&half, "RP408").is_empty());
    }

    #[test]
    fn conditions_marked_met_are_held_to_the_plans_own_figures() {
        let plan = include_str!("../../examples/valid/contract-conditions.yaml")
            // 120,000 listed patients: `min_listed_patients` 100,000 holds.
            .replace(
                "  governance_model: monodisciplinary\nperiod:",
                "  governance_model: monodisciplinary\n  key_figures:\n    listed_patients: 120000\n  mandates:\n    - {share_pct: 80, of: gps, purpose: contractering}\nperiod:",
            )
            // Only a zorgaanbodplan: the begroting the `documents` condition asks for is missing.
            .replace(
                "themes:",
                "plan:\n  documents:\n    - {kind: zorgaanbodplan, status: adopted}\nthemes:",
            )
            // No result agreements left.
            .replace(
                "    result_agreements:\n      - title: Wachttijd basis-GGZ naar 6 weken\n        goals: [ggz-1]\n        deadline: 2023-12-31\n",
                "",
            );
        let found = messages(&plan, "RP407");
        // Mandate 80% < 85%; a zorgaanbodplan but no begroting. `other_domains` is marked not
        // met, and 120,000 >= 100,000: neither is reported. The contract lists no result
        // agreements: the plan shows nothing on them, which contradicts nothing.
        assert_eq!(found.len(), 2, "{found:#?}");
        assert!(
            found[0].contains("a mandate from 80% of the huisartsen"),
            "{}",
            found[0]
        );
        assert!(found[1].contains("kind begroting"), "{}", found[1]);
        // Without figures to judge by, nothing is reported.
        let unknown = include_str!("../../examples/valid/contract-conditions.yaml");
        assert!(messages(unknown, "RP407").is_empty());
    }

    #[test]
    fn a_milestone_is_measured_against_the_step_before_it() {
        let plan = include_str!("../../examples/valid/milestones-priorities.yaml")
            .replace("baseline: 12\n", "baseline: 4\n")
            .replace("target: 6\n", "target: 20\n")
            .replace("direction: decrease", "direction: increase");
        // Increase from 4 to 20: milestones 10 (2022-12-31) and 8 (2023-06): 8 < 10 steps back.
        let found = messages(&plan, "RP309");
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].contains("on 2023-06 (8 weken)"), "{}", found[0]);
        // Decrease from 12 to 6 with milestones 10 and 8: on the way.
        let valid = include_str!("../../examples/valid/milestones-priorities.yaml");
        assert!(messages(valid, "RP309").is_empty());
        // Decrease from 12 with a first milestone of 13: away from the baseline.
        let above = valid.replace("target: 10\n", "target: 13\n");
        let found = messages(&above, "RP309");
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(
            found[0].contains("than the baseline (12 weken)"),
            "{}",
            found[0]
        );
    }

    #[test]
    fn terms_of_format_1_1_end_before_they_start_only_when_certain() {
        let plan = include_str!("../../examples/valid/governance-roles.yaml");
        assert!(messages(plan, "RP206").is_empty());
        // The role runs from 2021 to 2022-06; until 2021-06 overlaps 2021 and is no finding.
        let overlapping = plan.replace("until: 2022-06", "until: 2021-06");
        assert!(messages(&overlapping, "RP206").is_empty());
        let reversed = plan
            .replace("until: 2022-06", "until: 2020-12")
            .replace(
                "        since: 2020-03-01\n",
                "        since: 2020-03-01\n        until: 2020-02\n",
            )
            .replace(
                "    relation: member\n",
                "    relation: member\n    joined: 2019\n    left: 2018-12-31\n",
            );
        let found = messages(&reversed, "RP206");
        assert_eq!(found.len(), 3, "{found:#?}");
        assert!(
            found[0].contains("membership of organisation `hca` ends on 2018-12-31"),
            "{}",
            found[0]
        );
        assert!(
            found[1].contains("role `secretaris` of person `j.dejong` ends on 2020-12"),
            "{}",
            found[1]
        );
        assert!(
            found[2].contains("seat of `hca` in `alv` ends on 2020-02"),
            "{}",
            found[2]
        );
        // A seat from 2020-08 until 2020 overlaps: no finding.
        let same_year = plan.replace(
            "        since: 2020-08\n",
            "        since: 2020-08\n        until: 2020\n",
        );
        assert!(messages(&same_year, "RP206").is_empty());
    }

    #[test]
    fn milestones_are_held_to_the_deadline_and_the_plan_period() {
        let valid = include_str!("../../examples/valid/milestones-priorities.yaml");
        assert!(messages(valid, "RP208").is_empty());
        // A milestone in 2023 with a deadline of 2023-12-31 may be on the last day: no finding.
        let year = valid.replace("date: 2023-06\n", "date: 2023\n");
        assert!(messages(&year, "RP208").is_empty());
        let before = valid.replace("date: 2022-06-30\n", "date: 2021-06\n");
        let found = messages(&before, "RP208");
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].contains("2021-06 of goal `ggz-1` is before the plan starts"));
        let after = valid.replace("deadline: 2023-12-31", "deadline: 2023-03-31");
        let found = messages(&after, "RP208");
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].contains("after the goal's deadline 2023-03-31"));
    }

    #[test]
    fn a_reference_written_as_a_name_suggests_the_id() {
        let text = include_str!("../../examples/valid/minimal.yaml")
            .replace("name: Anna Bakker", "name: Anna")
            .replace("trekker: a.bakker", "trekker: anna");
        with_context(&text, |cx| {
            let found = run(cx, |code| code == "RP102");
            assert_eq!(found.len(), 1, "{found:?}");
            assert_eq!(found[0].replacement_text(), Some("a.bakker"));
        });
    }

    #[test]
    fn names_match_without_case_and_accents() {
        assert!(same_name("Ayşe Yılmaz", "ayse  yilmaz"));
        assert!(!same_name("Ayşe Yılmaz", "a.yilmaz"));
    }

    #[test]
    fn did_you_mean_suggests_only_close_words() {
        assert_eq!(
            did_you_mean("trekkr", ["trekker", "workgroup"]),
            Some("trekker")
        );
        assert_eq!(did_you_mean("zzz", ["trekker", "workgroup"]), None);
        assert_eq!(did_you_mean("di", ["id", "name"]), Some("id"));
    }
}
