//! `regioplan report`: one or more plans as a [`Report`], whole or for some themes.
//!
//! [`report`] is a pure function of the plans and [`Options`] (themes, as-of date, language):
//! it computes every figure once into typed cells, and every format renders the same model.
//! Every word comes from `report::labels`. With several plans each table gets a region column
//! and themes are matched by id, so a theme stands side by side across regions. The goal table
//! always carries region and theme, so that the CSV of any report is one row per goal.
//!
//! Nothing here reads files or prints; an unknown theme is an [`Error`] for the command to show.

mod goals;
mod sections;
pub mod summary;

use std::fmt;

use chrono::NaiveDate;

pub use goals::{Attention, attention, days_to_deadline, next_milestone, progress};

use crate::plan::Plan;
use crate::plan::catalogue::Catalogue;
use crate::plan::raw::Theme;
use crate::report::labels as l;
use crate::report::{Cell, Lang, Meta, Report, Text};

/// What to report on.
#[derive(Debug, Clone)]
pub struct Options {
    /// Themes by id or name, case-insensitively; empty for the whole plan.
    pub themes: Vec<String>,
    /// The date overdue goals and days to deadlines are counted from.
    pub as_of: NaiveDate,
    pub lang: Lang,
}

/// One plan to report on, with the name of the file it came from.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    pub file: &'a str,
    pub plan: &'a Plan,
}

/// Why no report could be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// `--theme` named no theme of any plan.
    UnknownTheme {
        asked: String,
        /// The themes of the plans: `id (name)`, in plan order, without repeats.
        known: Vec<String>,
        /// The closest id or name, when one is close.
        suggestion: Option<String>,
    },
    /// No plans were given.
    NoPlans,
}

impl Error {
    /// The error in both languages.
    #[must_use]
    pub fn message(&self) -> crate::lang::Message {
        use crate::lang::Plain;
        use crate::msg;
        match self {
            Error::UnknownTheme {
                asked,
                known,
                suggestion,
            } => {
                let hint = suggestion
                    .as_ref()
                    .map(|s| msg!("; did you mean `{s}`?", "; bedoelt u `{s}`?", s = Plain(s)));
                let themes = if known.is_empty() {
                    msg!(
                        " (the plan has no themes)",
                        " (het plan heeft geen thema's)"
                    )
                } else {
                    let known = Plain(known.join(", "));
                    msg!("\nthemes: {known}", "\nthema's: {known}", known = known)
                };
                msg!(
                    "no theme `{asked}` in the plan{hint}{themes}",
                    "geen thema `{asked}` in het plan{hint}{themes}",
                    asked = Plain(asked),
                    hint = hint,
                    themes = themes
                )
            }
            Error::NoPlans => msg!(
                "no plans to report on",
                "geen plannen om over te rapporteren"
            ),
        }
    }
}

/// The English text, for logs and tests; a command shows [`Error::message`].
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message().en())
    }
}

impl std::error::Error for Error {}

/// The report on `inputs`: the whole plan, or the themes in `options.themes`.
pub fn report(inputs: &[Input<'_>], options: &Options) -> Result<Report, Error> {
    if inputs.is_empty() {
        return Err(Error::NoPlans);
    }
    let lang = options.lang;
    let ctx = Ctx {
        inputs,
        lang,
        as_of: options.as_of,
        multi: inputs.len() > 1,
        catalogue: Catalogue::built_in(),
    };
    let plans: Vec<&Plan> = inputs.iter().map(|i| i.plan).collect();
    let themes = select_themes(&plans, &options.themes)?;
    let whole = options.themes.is_empty();
    let kind_label = if whole {
        l::PLAN_REPORT
    } else {
        l::THEME_REPORT
    };
    let subject = if whole {
        inputs
            .iter()
            .map(|i| region_name(i.plan))
            .collect::<Vec<_>>()
            .join(", ")
    } else {
        theme_names(inputs, &themes)
    };
    let mut report = Report::new(
        if whole { "plan" } else { "theme" },
        format!("{}: {subject}", kind_label.get(lang)),
    );
    report.lang = lang;
    report.meta = vec![
        meta("as_of", l::AS_OF, Cell::Date { value: ctx.as_of }, lang),
        meta(
            "plans",
            l::PLANS,
            Cell::count(inputs.len() as u64, None),
            lang,
        ),
    ];
    let mut lead = Text::default();
    for (i, input) in inputs.iter().enumerate() {
        if i > 0 {
            lead = lead.plain("; ");
        }
        lead = lead
            .plain(format!("{} (", input.plan.region.name.value))
            .code(input.file)
            .plain(")");
    }
    lead = lead.plain(format!(
        ". {} {}.",
        l::AS_OF.get(lang),
        ctx.as_of.format("%Y-%m-%d")
    ));
    report.lead = Some(lead);
    report.sections = if whole {
        sections::whole(&ctx)
    } else {
        sections::themes(&ctx, &themes)
    };
    Ok(report)
}

/// What every section builder needs.
pub(crate) struct Ctx<'a> {
    pub inputs: &'a [Input<'a>],
    pub lang: Lang,
    pub as_of: NaiveDate,
    /// Several plans: every table gets a region column.
    pub multi: bool,
    pub catalogue: Catalogue,
}

/// The theme ids `asked` selects, in the order asked; each entry matches a theme's id or name
/// in any plan, case-insensitively. `--theme` of `report` and `gaps` is read with it.
///
/// # Errors
/// [`Error::UnknownTheme`] for an entry that matches no theme, with the closest suggestion.
pub fn select_themes(plans: &[&Plan], asked: &[String]) -> Result<Vec<String>, Error> {
    let all: Vec<&Theme> = plans.iter().flat_map(|p| &p.themes).collect();
    let mut ids: Vec<String> = Vec::new();
    for wanted in asked {
        let lower = wanted.trim().to_lowercase();
        let matched: Vec<&str> = all
            .iter()
            .filter(|t| {
                t.id.value.0.to_lowercase() == lower || t.name.value.to_lowercase() == lower
            })
            .map(|t| t.id.value.0.as_str())
            .collect();
        if matched.is_empty() {
            let mut known: Vec<String> = Vec::new();
            for t in &all {
                let entry = format!("{} ({})", t.id.value.0, t.name.value);
                if !known.contains(&entry) {
                    known.push(entry);
                }
            }
            // The closest id, else the id of the closest name.
            let suggestion =
                crate::rules::did_you_mean(wanted, all.iter().map(|t| t.id.value.0.as_str()))
                    .or_else(|| closest_id(wanted, &all))
                    .or_else(|| {
                        let name = crate::rules::did_you_mean(
                            wanted,
                            all.iter().map(|t| t.name.value.as_str()),
                        )?;
                        all.iter()
                            .find(|t| t.name.value == name)
                            .map(|t| t.id.value.0.as_str())
                    })
                    .map(str::to_string);
            return Err(Error::UnknownTheme {
                asked: wanted.clone(),
                known,
                suggestion,
            });
        }
        for id in matched {
            if !ids.iter().any(|i| i == id) {
                ids.push(id.to_string());
            }
        }
    }
    Ok(ids)
}

/// The id one or two edits away from `wanted` (`gzz` for `ggz`), for short ids that the
/// similarity of `rules::did_you_mean` misses.
fn closest_id<'a>(wanted: &str, themes: &[&'a Theme]) -> Option<&'a str> {
    let wanted = wanted.trim().to_lowercase();
    themes
        .iter()
        .map(|t| {
            let id = t.id.value.0.as_str();
            (strsim::damerau_levenshtein(&wanted, id), id)
        })
        .filter(|(d, id)| *d <= (id.chars().count() / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, id)| id)
}

/// `GGZ` or `GGZ, Ouderenzorg`: the names of the selected themes (first plan that has each).
fn theme_names(inputs: &[Input<'_>], ids: &[String]) -> String {
    ids.iter()
        .map(|id| {
            inputs
                .iter()
                .flat_map(|i| &i.plan.themes)
                .find(|t| &t.id.value.0 == id)
                .map_or(id.as_str(), |t| t.name.value.as_str())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The region's short name, or its name.
pub(crate) fn region_name(plan: &Plan) -> &str {
    plan.region
        .short_name
        .as_ref()
        .map_or(plan.region.name.value.as_str(), |s| s.value.as_str())
}

fn meta(id: &str, label: crate::report::Label, value: Cell, lang: Lang) -> Meta {
    Meta {
        id: id.to_string(),
        label: label.get(lang).to_string(),
        value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Block;

    const PLAN: &str = "regioplan: 1
region:
  name: Regio Test
  short_name: RT
  municipalities: [A]
  started: 2020-01-01
  governance_model: monodisciplinary
period:
  start: 2021-01-01
  end: 2023-12-31
people:
  - id: p
    name: Piet
themes:
  - id: ggz
    name: GGZ
    strategic: regional
    trekker: p
    goals:
      - id: g1
        title: Doel
        status: in_progress
        deadline: 2022-01-01
  - id: ouderenzorg
    name: Ouderenzorg
    strategic: regional
";

    fn plan(text: &str) -> Plan {
        let loaded = crate::load::load("t.yaml", text.as_bytes());
        assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
        loaded.plan.expect("plan")
    }

    fn options(themes: &[&str]) -> Options {
        Options {
            themes: themes.iter().map(ToString::to_string).collect(),
            as_of: NaiveDate::from_ymd_opt(2022, 3, 1).expect("date"),
            lang: Lang::Nl,
        }
    }

    #[test]
    fn a_theme_matches_by_id_or_name_in_any_case() {
        let p = plan(PLAN);
        let inputs = [Input {
            file: "t.yaml",
            plan: &p,
        }];
        for asked in ["ggz", "GGZ", " Ggz "] {
            let r = report(&inputs, &options(&[asked])).expect("report");
            assert_eq!(r.title, "Rapportage thema: GGZ");
        }
        let r = report(&inputs, &options(&["OUDERENZORG", "ggz"])).expect("report");
        assert_eq!(r.title, "Rapportage thema: Ouderenzorg, GGZ");
    }

    #[test]
    fn an_unknown_theme_lists_the_themes_and_suggests_the_closest() {
        let p = plan(PLAN);
        let inputs = [Input {
            file: "t.yaml",
            plan: &p,
        }];
        let err = report(&inputs, &options(&["ouderzorg"])).expect_err("unknown");
        assert_eq!(
            err.to_string(),
            "no theme `ouderzorg` in the plan; did you mean `ouderenzorg`?\n\
             themes: ggz (GGZ), ouderenzorg (Ouderenzorg)"
        );
    }

    fn tables<'r>(r: &'r Report, id: &str) -> Vec<&'r crate::report::Table> {
        r.sections
            .iter()
            .filter(|s| s.id == id)
            .flat_map(|s| &s.blocks)
            .filter_map(|b| match b {
                Block::Table(t) => Some(t),
                _ => None,
            })
            .collect()
    }

    fn column(t: &crate::report::Table, id: &str) -> usize {
        t.columns.iter().position(|c| c.id == id).expect(id)
    }

    #[test]
    fn contracts_show_amount_co_insurers_conditions_and_result_agreements() {
        let p = plan(include_str!(
            "../../../examples/valid/contract-conditions.yaml"
        ));
        let inputs = [Input {
            file: "c.yaml",
            plan: &p,
        }];
        let mut opts = options(&[]);
        opts.lang = Lang::En;
        let r = report(&inputs, &opts).expect("report");
        let t = tables(&r, "contracts");
        assert_eq!(t.len(), 3, "contracts, conditions, result agreements");
        let row = &t[0].rows[0];
        assert_eq!(row[column(t[0], "co_insurers")], Cell::text("VGZ"));
        assert_eq!(
            row[column(t[0], "amount")],
            Cell::Amount { cents: 125_000_000 }
        );
        assert_eq!(
            row[column(t[0], "basis")],
            Cell::text("regional plan, care offer plan, budget")
        );
        let conditions = t[1];
        assert_eq!(conditions.rows.len(), 6);
        let threshold = column(conditions, "threshold");
        let met = column(conditions, "met");
        assert_eq!(
            conditions.rows[0][threshold],
            Cell::number(100_000.0, Some("patients"))
        );
        assert_eq!(
            conditions.rows[1][threshold],
            Cell::number(85.0, Some("% of GPs"))
        );
        assert_eq!(
            conditions.rows[2][threshold],
            Cell::text("care offer plan, budget")
        );
        assert_eq!(
            conditions.rows[0][met],
            Cell::Status {
                value: "yes".into(),
                label: "yes".into(),
                tone: crate::report::Tone::Good
            }
        );
        let Cell::Status { value, tone, .. } = &conditions.rows[4][met] else {
            panic!("a status")
        };
        assert_eq!((value.as_str(), *tone), ("no", crate::report::Tone::Bad));
        let Cell::Status { value, .. } = &conditions.rows[5][met] else {
            panic!("a status")
        };
        assert_eq!(value, "unknown");
        assert_eq!(
            t[2].rows[0],
            vec![
                Cell::text("oi-2022-2023"),
                Cell::text("Wachttijd basis-GGZ naar 6 weken"),
                Cell::text("ggz-1"),
                Cell::date("2023-12-31"),
            ]
        );
    }

    #[test]
    fn the_region_shows_its_mandates_and_goals_their_next_milestone() {
        let text = PLAN
            .replace(
                "  governance_model: monodisciplinary\n",
                "  governance_model: monodisciplinary\n  mandates:\n    - share_pct: 90\n      of: practices\n      given_by: alv\n      date: 2021-06-01\n      purpose: contractering\n",
            )
            .replace(
                "people:\n",
                "governance:\n  - id: alv\n    name: Ledenvergadering\n    kind: algemene_ledenvergadering\npeople:\n",
            )
            .replace(
                "        deadline: 2022-01-01\n",
                "        deadline: 2022-01-01\n        milestones:\n          - date: 2021-12\n            description: Halverwege\n          - date: 2022-01\n            target: 5\n",
            );
        let p = plan(&text);
        let inputs = [Input {
            file: "t.yaml",
            plan: &p,
        }];
        let r = report(&inputs, &options(&[])).expect("report");
        let region = tables(&r, "region");
        assert_eq!(region.len(), 2, "the region and its mandates");
        assert_eq!(
            region[1].rows[0],
            vec![
                Cell::Percent { value: 90.0 },
                Cell::Status {
                    value: "practices".into(),
                    label: "praktijken".into(),
                    tone: crate::report::Tone::Neutral
                },
                Cell::text("Ledenvergadering"),
                Cell::date("2021-06-01"),
                Cell::text("contractering"),
            ]
        );
        // As of 2022-03-01 both milestones are past (2022-01 was due by 2022-01-31): no next
        // milestone. The milestones section lists both.
        let goals = tables(&r, "goals");
        assert_eq!(
            goals[1].rows[0][column(goals[1], "next_milestone")],
            Cell::Empty
        );
        assert_eq!(tables(&r, "milestones")[0].rows.len(), 2);
        let mut early = options(&[]);
        early.as_of = NaiveDate::from_ymd_opt(2021, 12, 15).expect("date");
        let r = report(&inputs, &early).expect("report");
        let goals = tables(&r, "goals");
        let m = goals[1];
        // 2021-12 is due until 2021-12-31: the next one, without a target.
        assert_eq!(
            m.rows[0][column(m, "next_milestone")],
            Cell::text("2021-12")
        );
        assert_eq!(m.rows[0][column(m, "milestone_target")], Cell::Empty);
    }

    #[test]
    fn several_plans_get_a_region_column_and_overdue_goals_are_listed() {
        let a = plan(PLAN);
        let b = plan(&PLAN.replace("short_name: RT", "short_name: RB"));
        let inputs = [
            Input {
                file: "a.yaml",
                plan: &a,
            },
            Input {
                file: "b.yaml",
                plan: &b,
            },
        ];
        let r = report(&inputs, &options(&["ggz"])).expect("report");
        // The summary (first) names each region in full, linked to the region section.
        assert_eq!(r.sections[0].id, "summary");
        for section in r.sections.iter().skip(1) {
            for block in &section.blocks {
                if let Block::Table(t) = block {
                    assert_eq!(t.columns[0].id, "region", "{}", section.id);
                    assert_eq!(t.rows[0][0], Cell::text("RT"));
                    assert_eq!(t.rows[1][0], Cell::text("RB"));
                }
            }
        }
        let attention = r
            .sections
            .iter()
            .find(|s| s.id == "attention")
            .expect("attention");
        let Block::Table(t) = &attention.blocks[0] else {
            panic!("a table")
        };
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0][7], Cell::number(-59.0, Some("dagen")));
    }
}
