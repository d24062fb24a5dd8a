//! Gap analysis: where plans fall short of their own standard, of reference frameworks, of a
//! financially level playing field, of full uptake, and of their peers.
//!
//! Each part is a pure function from loaded plans to typed data (`own_standard`,
//! `frameworks`, `funding`, `uptake`, `peers`); [`analyse`] runs them all and [`report`] turns
//! the result into a [`Report`] in English or Dutch. Every gap has a kind, a severity, the
//! element it concerns with its `file:line:col`, what is missing, and a suggestion.
//!
//! Severities, per kind (also in `docs/frameworks.md`):
//! - error: a regional theme without a trekker or without goals; a goal past its deadline
//!   and not achieved or stopped; a framework requirement not met.
//! - warning: a regional theme without a workgroup or board contact; a goal that is not
//!   measurable or has no owner or deadline; a goal behind its trajectory; a regional theme
//!   with nothing due in the plan period; an undecided theme; a requirement partly met;
//!   unequal funding per listed patient; a funded member without a patient count; practices
//!   that did not join; a neighbourhood without a wijkmanager or collaboration; a programme
//!   short of its target; a theme or building block most peers cover.
//!
//! A requirement the plan shows nothing on (*not shown*) is listed with what to add; it is a
//! gap (an error) only where the framework says that not shown fails (`not_shown_fails`, set
//! by the insurer's conditions of `cz-oi`). A contract condition whose `met:` the plan's own
//! records contradict is an error.

pub mod frameworks;
pub mod funding;
pub mod labels;
pub mod own_standard;
pub mod peers;
pub mod uptake;

use chrono::NaiveDate;
use serde::Serialize;

use crate::diagnostic::{SourceFile, Span};
use crate::frameworks::Framework;
use crate::lang::{Count, Noun};
use crate::plan::Plan;
use crate::plan::catalogue::Catalogue;
use crate::plan::raw::FundingKind;
use crate::report::{Cell, Column, Lang, Meta, Report, Section, Table, Text, Tone};
use labels as l;

/// One loaded plan: its file name, text (for positions) and typed plan.
#[derive(Debug, Clone, Copy)]
pub struct PlanInput<'a> {
    pub source: &'a SourceFile,
    pub plan: &'a Plan,
}

impl PlanInput<'_> {
    /// The region's short name, else its name.
    #[must_use]
    pub fn region(&self) -> String {
        let region = &self.plan.region;
        region
            .short_name
            .as_ref()
            .map_or_else(|| region.name.value.clone(), |s| s.value.clone())
    }

    /// `file:line:col` of a span, clickable in editors.
    #[must_use]
    pub fn at(&self, span: Span) -> String {
        let p = self.source.position(span.start);
        format!("{}:{}:{}", self.source.name, p.line, p.column)
    }
}

/// How serious a gap is. Ordered: `Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// One gap.
#[derive(Debug, Clone, PartialEq)]
pub struct Gap {
    /// The region (plan) the gap is in.
    pub region: String,
    pub severity: Severity,
    /// `file:line:col` of the element, when it has a place in the file.
    pub location: Option<String>,
    pub kind: GapKind,
}

/// What a gap is, with the figures that describe it.
#[derive(Debug, Clone, PartialEq)]
pub enum GapKind {
    /// A regional theme without a role filled (or without goals).
    ThemeWithoutRole { theme: String, role: Role },
    /// A goal that lacks parts of a good goal.
    GoalQuality { goal: String, missing: Vec<Part> },
    /// A goal past its deadline and not achieved or stopped.
    GoalOverdue {
        goal: String,
        deadline: NaiveDate,
        days: i64,
    },
    /// A goal whose latest measurement is behind the expected value.
    GoalBehind {
        goal: String,
        date: NaiveDate,
        measured: f64,
        expected: f64,
        projected: Projection,
    },
    /// A regional theme none of whose goals is due inside the plan period.
    NothingDue { theme: String },
    /// A theme the region has not decided on.
    Undecided { theme: String },
    /// A framework requirement not met or partly met.
    Requirement {
        framework: String,
        requirement: String,
        /// The requirement's title in both languages.
        title: crate::lang::Message,
        verdict: frameworks::Verdict,
    },
    /// A contract condition whose `met:` the plan's own records contradict.
    ConditionContradicted {
        contract: String,
        condition: String,
        /// What the plan marks (`met: true` or `false`).
        marked: bool,
        /// What the tool reads from the plan.
        verdict: frameworks::Verdict,
    },
    /// Members funded unequally per listed patient.
    UnequalFunding {
        year: u64,
        line: FundingKind,
        ratio: f64,
    },
    /// A funded member without a patient count.
    MemberWithoutPatients { member: String },
    /// Practices in the region that did not join.
    PracticesNotJoined { practices: Option<u64>, pct: f64 },
    /// A neighbourhood without a wijkmanager or collaboration.
    NeighbourhoodUncovered { neighbourhood: String },
    /// A programme short of the target of its goal.
    ReachBelowTarget {
        programme: String,
        goal: String,
        value: f64,
        target: f64,
    },
    /// A theme or building block most peers cover and this region does not.
    PeerCoverage {
        what: peers::Coverage,
        name: String,
        peers: usize,
        of: usize,
    },
}

pub use crate::judge::quality::Part;
pub use crate::judge::roles::Role;
pub use crate::judge::trajectory::{NoProjection, Projection};

impl From<crate::diagnostic::Severity> for Severity {
    fn from(severity: crate::diagnostic::Severity) -> Self {
        match severity {
            crate::diagnostic::Severity::Warning => Severity::Warning,
            crate::diagnostic::Severity::Error => Severity::Error,
        }
    }
}

/// What the analysis was asked.
#[derive(Debug, Clone)]
pub struct Options {
    /// The date "overdue" and "behind" are judged on.
    pub as_of: NaiveDate,
    /// Only these themes in the own-standard section (ids); empty means all.
    pub themes: Vec<String>,
}

/// The whole analysis.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub own: own_standard::OwnStandard,
    pub frameworks: Vec<frameworks::FrameworkResult>,
    /// The contract conditions, the plan's word beside the tool's reading.
    pub conditions: frameworks::Conditions,
    pub funding: funding::Funding,
    pub uptake: uptake::Uptake,
    pub peers: Option<peers::Peers>,
    /// Gaps the plan accepts with a reason (`# regioplan: ignore[CODE] reason` on the line of
    /// the finding): listed, but not counted and not failing `--fail-on-gaps`.
    pub accepted: Vec<Accepted>,
    pub plans: usize,
    pub as_of: NaiveDate,
}

impl Analysis {
    /// Every gap, in section order.
    #[must_use]
    pub fn gaps(&self) -> Vec<&Gap> {
        let mut all: Vec<&Gap> = self.own.gaps.iter().collect();
        all.extend(self.frameworks.iter().flat_map(|f| &f.gaps));
        all.extend(&self.conditions.gaps);
        all.extend(&self.funding.gaps);
        all.extend(&self.uptake.gaps);
        all.extend(self.peers.iter().flat_map(|p| &p.gaps));
        all
    }

    /// The most serious gap, if any.
    #[must_use]
    pub fn worst(&self) -> Option<Severity> {
        self.gaps().iter().map(|g| g.severity).max()
    }
}

/// A gap the plan accepts, with the reason it gives.
#[derive(Debug, Clone, PartialEq)]
pub struct Accepted {
    pub gap: Gap,
    pub reason: String,
}

/// Runs every part of the analysis.
#[must_use]
pub fn analyse(
    plans: &[PlanInput<'_>],
    frameworks: &[Framework],
    catalogue: &Catalogue,
    options: &Options,
) -> Analysis {
    let mut analysis = Analysis {
        own: own_standard::analyse(plans, options),
        frameworks: frameworks
            .iter()
            .map(|f| frameworks::evaluate(plans, f, catalogue))
            .collect(),
        conditions: frameworks::conditions(plans),
        funding: funding::analyse(plans),
        uptake: uptake::analyse(plans),
        peers: (plans.len() > 1).then(|| peers::analyse(plans, catalogue)),
        accepted: Vec::new(),
        plans: plans.len(),
        as_of: options.as_of,
    };
    accept(&mut analysis, plans);
    analysis
}

/// Moves the gaps a plan accepts with a reason out of their parts into `accepted`: a gap whose
/// findings `check` reports under rule codes (see [`GapKind::rule_codes`]) is accepted when a
/// suppression with a reason covers every one of those codes on the gap's line, as `check`
/// honours it.
fn accept(analysis: &mut Analysis, plans: &[PlanInput<'_>]) {
    let acceptances: Vec<_> = plans
        .iter()
        .map(|p| {
            (
                p.source.name.as_str(),
                crate::rules::suppression::acceptances(p.source),
            )
        })
        .filter(|(_, a)| !a.is_empty())
        .collect();
    if acceptances.is_empty() {
        return;
    }
    let reason = |gap: &Gap| -> Option<String> {
        let codes = gap.kind.rule_codes();
        let location = gap.location.as_deref()?;
        let (file, list) = acceptances.iter().find(|(name, _)| {
            location
                .strip_prefix(name)
                .is_some_and(|rest| rest.starts_with(':'))
        })?;
        let line: usize = location
            .get(file.len() + 1..)?
            .split(':')
            .next()?
            .parse()
            .ok()?;
        let mut reasons: Vec<&str> = Vec::new();
        for code in &codes {
            let a = list.iter().find(|a| a.covers(line, code))?;
            if !reasons.contains(&a.reason.as_str()) {
                reasons.push(&a.reason);
            }
        }
        (!reasons.is_empty()).then(|| reasons.join("; "))
    };
    let mut accepted = Vec::new();
    let mut sift = |gaps: &mut Vec<Gap>| {
        gaps.retain(|g| match reason(g) {
            Some(reason) => {
                accepted.push(Accepted {
                    gap: g.clone(),
                    reason,
                });
                false
            }
            None => true,
        });
    };
    sift(&mut analysis.own.gaps);
    for f in &mut analysis.frameworks {
        sift(&mut f.gaps);
    }
    sift(&mut analysis.conditions.gaps);
    sift(&mut analysis.funding.gaps);
    sift(&mut analysis.uptake.gaps);
    if let Some(p) = &mut analysis.peers {
        sift(&mut p.gaps);
    }
    analysis.accepted = accepted;
}

/// The analysis as a report in `lang`.
#[must_use]
pub fn report(analysis: &Analysis, catalogue: &Catalogue, lang: Lang) -> Report {
    let mut report = Report::new("gaps", l::TITLE.get(lang));
    report.lang = lang;
    let gaps = analysis.gaps();
    let errors = gaps
        .iter()
        .filter(|g| g.severity == Severity::Error)
        .count();
    let warnings = gaps.len() - errors;
    report.meta = vec![
        meta(
            "plans",
            l::PLANS,
            Cell::count(analysis.plans as u64, None),
            lang,
        ),
        meta(
            "as_of",
            l::AS_OF,
            Cell::Date {
                value: analysis.as_of,
            },
            lang,
        ),
        meta(
            "frameworks",
            l::FRAMEWORKS,
            Cell::text(
                analysis
                    .frameworks
                    .iter()
                    .map(|f| f.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            lang,
        ),
        meta("errors", l::ERRORS, Cell::count(errors as u64, None), lang),
        meta(
            "warnings",
            l::WARNINGS,
            Cell::count(warnings as u64, None),
            lang,
        ),
    ];
    let lead = crate::msg!(
        "{plans} as of {date}: {errors} and {warnings}.",
        "{plans} per {date}: {errors} en {warnings}.",
        plans = Count(
            analysis.plans,
            Noun {
                en: ["plan", "plans"],
                nl: ["plan", "plannen"],
            }
        ),
        date = analysis.as_of,
        errors = Count(
            errors,
            Noun {
                en: ["error", "errors"],
                nl: ["fout", "fouten"],
            }
        ),
        warnings = Count(
            warnings,
            Noun {
                en: ["warning", "warnings"],
                nl: ["waarschuwing", "waarschuwingen"],
            }
        )
    );
    report.lead = Some(Text::default().plain(lead.get(lang)));
    report
        .sections
        .extend(own_standard::sections(&analysis.own, lang));
    report
        .sections
        .extend(frameworks::sections(&analysis.frameworks, lang));
    report
        .sections
        .extend(frameworks::condition_sections(&analysis.conditions, lang));
    report
        .sections
        .extend(funding::sections(&analysis.funding, lang));
    report
        .sections
        .extend(uptake::sections(&analysis.uptake, lang));
    if let Some(peers) = &analysis.peers {
        report
            .sections
            .extend(peers::sections(peers, catalogue, lang));
    }
    if !analysis.accepted.is_empty() {
        let mut table = Table::new(vec![
            Column::left("region", l::REGION.get(lang)),
            Column::left("kind", l::KIND.get(lang)),
            Column::left("location", l::LOCATION.get(lang)),
            Column::left("what", l::WHAT.get(lang)),
            Column::left("reason", l::REASON.get(lang)),
        ]);
        for a in &analysis.accepted {
            let (what, _) = l::describe(&a.gap.kind, lang);
            table.push(vec![
                Cell::text(a.gap.region.clone()),
                a.gap.kind.cell(lang),
                Cell::opt_text(a.gap.location.clone()),
                Cell::text(what),
                Cell::text(a.reason.clone()),
            ]);
        }
        report.sections.push(Section::table(
            "accepted",
            l::ACCEPTED_SECTION.get(lang),
            table,
        ));
    }
    report
}

fn meta(id: &str, label: l::Label, value: Cell, lang: Lang) -> Meta {
    Meta {
        id: id.to_string(),
        label: label.get(lang).to_string(),
        value,
    }
}

/// A table of gaps: region, severity, kind, where, what, suggestion.
#[must_use]
pub fn gap_table(gaps: &[Gap], lang: Lang) -> Table {
    let mut table = Table::new(vec![
        Column::left("region", l::REGION.get(lang)),
        Column::left("severity", l::SEVERITY.get(lang)),
        Column::left("kind", l::KIND.get(lang)),
        Column::left("location", l::LOCATION.get(lang)),
        Column::left("what", l::WHAT.get(lang)),
        Column::left("suggestion", l::SUGGESTION.get(lang)),
    ]);
    let mut sorted: Vec<&Gap> = gaps.iter().collect();
    sorted.sort_by_key(|g| std::cmp::Reverse(g.severity));
    for gap in sorted {
        let (what, suggestion) = l::describe(&gap.kind, lang);
        table.push(vec![
            Cell::text(gap.region.clone()),
            severity_cell(gap.severity, lang),
            gap.kind.cell(lang),
            Cell::opt_text(gap.location.clone()),
            Cell::text(what),
            Cell::text(suggestion),
        ]);
    }
    table
}

/// A severity as a coloured status.
#[must_use]
pub fn severity_cell(severity: Severity, lang: Lang) -> Cell {
    let (value, label, tone) = match severity {
        Severity::Error => ("error", l::ERROR, Tone::Bad),
        Severity::Warning => ("warning", l::WARNING, Tone::Warning),
    };
    Cell::Status {
        value: value.to_string(),
        label: label.get(lang).to_string(),
        tone,
    }
}

/// A section with a text block first, then tables; no section when it has nothing.
fn section(id: &str, heading: l::Label, lang: Lang, blocks: Vec<crate::report::Block>) -> Section {
    Section {
        id: id.to_string(),
        heading: heading.get(lang).to_string(),
        blocks,
    }
}

impl GapKind {
    /// The rule codes under which `check` reports the same findings, so that a suppression
    /// of them with a reason accepts the gap too; empty for gaps no rule reports.
    #[must_use]
    pub fn rule_codes(&self) -> Vec<&'static str> {
        match self {
            GapKind::ThemeWithoutRole { role, .. } => match role {
                Role::Trekker => vec!["RP301"],
                Role::Workgroup => vec!["RP302"],
                Role::BoardContact => vec!["RP303"],
                Role::Goals => Vec::new(),
            },
            GapKind::GoalQuality { missing, .. } => {
                let mut codes: Vec<&'static str> = missing
                    .iter()
                    .filter_map(|q| match q {
                        Part::Indicator | Part::Baseline | Part::Target => Some("RP304"),
                        Part::Owner => Some("RP305"),
                        Part::Deadline => Some("RP306"),
                        Part::Milestones | Part::Monitoring => None,
                    })
                    .collect();
                codes.dedup();
                codes
            }
            GapKind::ConditionContradicted { .. } => vec!["RP407"],
            _ => Vec::new(),
        }
    }

    /// The kind as a reader's words, e.g. "goal overdue", "doel verlopen"; [`GapKind::id`]
    /// stays the code in JSON.
    #[must_use]
    pub fn label(&self) -> l::Label {
        match self {
            GapKind::ThemeWithoutRole { .. } => l::KIND_THEME_WITHOUT_ROLE,
            GapKind::GoalQuality { .. } => l::KIND_GOAL_QUALITY,
            GapKind::GoalOverdue { .. } => l::KIND_GOAL_OVERDUE,
            GapKind::GoalBehind { .. } => l::KIND_GOAL_BEHIND,
            GapKind::NothingDue { .. } => l::KIND_NOTHING_DUE,
            GapKind::Undecided { .. } => l::KIND_UNDECIDED,
            GapKind::Requirement { .. } => l::KIND_REQUIREMENT,
            GapKind::ConditionContradicted { .. } => l::KIND_CONDITION_CONTRADICTED,
            GapKind::UnequalFunding { .. } => l::KIND_UNEQUAL_FUNDING,
            GapKind::MemberWithoutPatients { .. } => l::KIND_MEMBER_WITHOUT_PATIENTS,
            GapKind::PracticesNotJoined { .. } => l::KIND_PRACTICES_NOT_JOINED,
            GapKind::NeighbourhoodUncovered { .. } => l::KIND_NEIGHBOURHOOD_UNCOVERED,
            GapKind::ReachBelowTarget { .. } => l::KIND_REACH_BELOW_TARGET,
            GapKind::PeerCoverage { .. } => l::KIND_PEER_COVERAGE,
        }
    }

    /// The kind as a cell: the code as its value (JSON), the reader's words as its label.
    #[must_use]
    pub fn cell(&self, lang: Lang) -> Cell {
        Cell::Status {
            value: self.id().to_string(),
            label: self.label().get(lang).to_string(),
            tone: Tone::Neutral,
        }
    }

    /// The stable id of the kind, e.g. `goal-overdue`.
    #[must_use]
    pub fn id(&self) -> &'static str {
        match self {
            GapKind::ThemeWithoutRole { .. } => "theme-without-role",
            GapKind::GoalQuality { .. } => "goal-quality",
            GapKind::GoalOverdue { .. } => "goal-overdue",
            GapKind::GoalBehind { .. } => "goal-behind",
            GapKind::NothingDue { .. } => "nothing-due",
            GapKind::Undecided { .. } => "undecided-theme",
            GapKind::Requirement { .. } => "requirement",
            GapKind::ConditionContradicted { .. } => "condition-contradicted",
            GapKind::UnequalFunding { .. } => "unequal-funding",
            GapKind::MemberWithoutPatients { .. } => "member-without-patients",
            GapKind::PracticesNotJoined { .. } => "practices-not-joined",
            GapKind::NeighbourhoodUncovered { .. } => "neighbourhood-uncovered",
            GapKind::ReachBelowTarget { .. } => "reach-below-target",
            GapKind::PeerCoverage { .. } => "peer-coverage",
        }
    }
}

pub use crate::judge::verdict::num;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load;

    /// A small plan: two regional themes and one undecided, two members with funding.
    const SMALL: &str = "regioplan: 1
region:
  name: Testregio
  municipalities: [Test]
  started: 2022-01-01
  governance_model: monodisciplinary
  key_figures:
    practices: 50
    practices_joined: 40
    listed_patients: 90000
period:
  start: 2022-01-01
  end: 2023-12-31
organisations:
  - {id: self, name: Regio, kind: regional_organisation, relation: self}
  - {id: a, name: A, kind: zorggroep, relation: member, listed_patients: 30000}
  - {id: b, name: B, kind: zorggroep, relation: member, listed_patients: 60000}
  - {id: c, name: C, kind: zorggroep, relation: member}
  - {id: zk, name: ZK, kind: insurer, relation: insurer}
  - {id: gem, name: Gemeente, kind: municipality, relation: partner}
people:
  - {id: p, name: P}
themes:
  - id: ggz
    name: GGZ
    strategic: regional
    trekker: p
    goals:
      - id: g1
        title: Wachttijd
        owner: p
        status: in_progress
        deadline: 2023-01-01
        indicator: {name: wachttijd, unit: weken, baseline: 10, baseline_date: 2022-01-01, target: 6, direction: decrease}
        measurements:
          - {date: 2022-07-02, value: 9}
      - id: g2
        title: Vaag
        status: planned
  - id: preventie
    name: Preventie
    strategic: regional
    trekker: p
    workgroup: wg
    board_contact: p
    goals:
      - id: g3
        title: Later
        owner: p
        status: planned
        deadline: 2025-06-30
        indicator: {name: n, unit: u, baseline: 0, target: 1, direction: increase}
  - id: arbeidsmarkt
    name: Arbeidsmarkt
    strategic: undecided
workgroups:
  - {id: wg, name: WG}
modules:
  - id: m
    name: M
    uptake:
      - {date: 2022-01-01, practices: 10, listed_patients: 18000}
      - {date: 2023-01-01, practices: 30, listed_patients: 45000}
neighbourhoods:
  - {id: w1, name: W1}
  - {id: w2, name: W2, manager: p}
funding:
  - {payer: zk, recipient: a, year: 2023, line: o_and_i, amount_eur: 120000}
  - {payer: zk, recipient: b, year: 2023, line: o_and_i, amount_eur: 480000}
  - {payer: zk, recipient: c, year: 2023, line: o_and_i, amount_eur: 1000}
";

    /// A peer: covers ggz and arbeidsmarkt, and the block arbeidsmarkt.
    const PEER: &str = "regioplan: 1
region:
  name: Peer
  municipalities: [P]
  started: 2022-01-01
  governance_model: monodisciplinary
period:
  start: 2022-01-01
  end: 2024-12-31
people:
  - {id: p, name: P}
themes:
  - {id: ggz-regio, name: ggz, strategic: regional, trekker: p}
  - {id: arbeidsmarkt, name: Arbeidsmarkt, strategic: regional, trekker: p, building_blocks: [arbeidsmarkt]}
";

    fn loaded(name: &str, text: &str) -> load::Loaded {
        let l = load::load(name, text.as_bytes());
        assert!(l.diagnostics.is_empty(), "{name}: {:?}", l.diagnostics);
        l
    }

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    fn run(texts: &[(&str, &str)], frameworks: &[&str]) -> Analysis {
        let all: Vec<load::Loaded> = texts.iter().map(|(n, t)| loaded(n, t)).collect();
        let plans: Vec<PlanInput<'_>> = all
            .iter()
            .map(|l| PlanInput {
                source: &l.source,
                plan: l.plan.as_ref().expect("plan"),
            })
            .collect();
        let frameworks: Vec<Framework> = frameworks
            .iter()
            .map(|f| crate::frameworks::built_in(f).expect("built in"))
            .collect();
        let options = Options {
            as_of: day("2023-06-30"),
            themes: Vec::new(),
        };
        analyse(&plans, &frameworks, &Catalogue::built_in(), &options)
    }

    fn kinds(gaps: &[Gap]) -> Vec<&'static str> {
        gaps.iter().map(|g| g.kind.id()).collect()
    }

    #[test]
    fn a_deadline_known_to_the_year_counts_until_its_last_day() {
        // `deadline: 2022` means by 2022-12-31: on 2023-06-30 that is 181 days past.
        let text = SMALL.replace("deadline: 2023-01-01", "deadline: 2022");
        let a = run(&[("small.yaml", &text)], &[]);
        assert!(
            a.own.gaps.iter().any(|g| g.kind
                == GapKind::GoalOverdue {
                    goal: "g1".into(),
                    deadline: day("2022-12-31"),
                    days: 181
                }),
            "{:#?}",
            a.own.gaps
        );
    }

    #[test]
    fn own_standard_on_a_small_plan() {
        let a = run(&[("small.yaml", SMALL)], &[]);
        let own = &a.own;
        // ggz: no workgroup, no board contact (warnings); g2 lacks indicator, baseline,
        // target, owner and deadline; g1 is overdue (2023-01-01 < 2023-06-30, 180 days).
        assert!(own.gaps.contains(&Gap {
            region: "Testregio".into(),
            severity: Severity::Warning,
            location: Some("small.yaml:24:9".into()),
            kind: GapKind::ThemeWithoutRole {
                theme: "ggz".into(),
                role: Role::Workgroup
            },
        }));
        assert!(own.gaps.iter().any(|g| g.kind
            == GapKind::GoalOverdue {
                goal: "g1".into(),
                deadline: day("2023-01-01"),
                days: 180
            }
            && g.severity == Severity::Error));
        // Scores: g1 5/5 = 100%, g2 0/5 = 0%: ggz (100 + 0) / 2 = 50%.
        let ggz = own.themes.iter().find(|t| t.theme == "ggz").expect("ggz");
        assert!((ggz.score - 50.0).abs() < 1e-9);
        // g1: 10 -> 6 over 365 days; on 2022-07-02 (182 days) expected
        // 10 - 4 * 182 / 365 = 8.0055; measured 9: progress 25% against 49.9%, behind.
        // Projected: 182 / 0.25 = 728 days after 2022-01-01 = 2023-12-30.
        let t = &own.trajectories[0];
        assert!((t.expected - 8.0055).abs() < 0.001);
        assert_eq!(t.state, crate::judge::trajectory::State::Behind);
        assert_eq!(t.projected, Projection::On(day("2023-12-30")));
        // preventie's only goal is due 2025-06-30, after the plan's end (2023-12-31).
        assert!(own.gaps.iter().any(|g| g.kind
            == GapKind::NothingDue {
                theme: "preventie".into()
            }));
        assert!(own.gaps.iter().any(|g| g.kind
            == GapKind::Undecided {
                theme: "arbeidsmarkt".into()
            }));
    }

    #[test]
    fn funding_on_a_small_plan() {
        let a = run(&[("small.yaml", SMALL)], &[]);
        // a: 120000 / 30000 = 4 euro; b: 480000 / 60000 = 8 euro; c has no patients.
        // Median (4 + 8) / 2 = 6, max/min 2, Gini |4 - 8| * 2 / (2 * 4 * 6) = 1/6.
        // To the median: (6 - 4) * 30000 = 60000; to the best: (8 - 4) * 30000 = 120000.
        let s = &a.funding.spreads[0];
        assert_eq!((s.min, s.median, s.max, s.ratio), (4.0, 6.0, 8.0, 2.0));
        assert!((s.gini - 1.0 / 6.0).abs() < 1e-9);
        assert!((s.to_median - 60_000.0).abs() < 1e-6);
        assert!((s.to_max - 120_000.0).abs() < 1e-6);
        assert_eq!(
            a.funding.without_patients,
            [("Testregio".to_string(), "c".to_string())]
        );
        assert_eq!(
            kinds(&a.funding.gaps),
            ["member-without-patients", "unequal-funding"]
        );
    }

    #[test]
    fn uptake_on_a_small_plan() {
        let a = run(&[("small.yaml", SMALL)], &[]);
        let u = &a.uptake;
        // 30 of 40 joined practices = 75%; 45000 of 90000 patients = 50%.
        let last = u.modules.last().expect("uptake");
        assert_eq!(last.practice_share, Some(75.0));
        assert_eq!(last.patient_share, Some(50.0));
        // 50 - 40 = 10 practices not joined: 20%; at most 40 - 30 = 10 in no module.
        assert_eq!(u.regions[0].not_joined_pct, Some(20.0));
        assert_eq!(u.regions[0].in_no_module_at_most, Some(10));
        assert_eq!(u.uncovered, [("Testregio".to_string(), "w1".to_string())]);
    }

    #[test]
    fn frameworks_on_a_small_plan() {
        use frameworks::Verdict as V;
        let a = run(&[("small.yaml", SMALL)], &["cz-oi", "iza-regioplan"]);
        let verdict = |f: usize, id: &str| {
            a.frameworks[f]
                .findings
                .iter()
                .find(|x| x.requirement == id)
                .expect(id)
                .verdict
        };
        // 90000 < 100000 listed patients.
        assert_eq!(verdict(0, "listed-patients"), V::NotMet);
        // No mandate recorded: not shown.
        assert_eq!(verdict(0, "mandate"), V::NotShown);
        // Only a municipality: 1 of the 2 domains CZ asks, which falls short.
        assert_eq!(verdict(0, "other-domains"), V::NotMet);
        // 2022-01-01 to 2023-12-31: 730 days / 365.25 = 2.0 years < 3.
        assert_eq!(verdict(1, "three-years"), V::NotMet);
        // 2 of 3 goals measurable = 67% < 80%.
        assert_eq!(verdict(1, "measurable-results"), V::PartlyMet);
        // No goal has milestones: the plan shows no work agenda.
        assert_eq!(verdict(1, "work-agenda"), V::NotShown);
        // No `plan:` block: the plan says nothing about its documents.
        assert_eq!(verdict(0, "zorgaanbodplan"), V::NotShown);
    }

    #[test]
    fn format_1_1_facts_decide_the_cz_requirements() {
        use frameworks::Verdict as V;
        let with = |mandate_pct: u32, documents: &str| {
            let text = SMALL
                .replace(
                    "    listed_patients: 90000\n",
                    &format!(
                        "    listed_patients: 90000\n  mandates:\n    - {{share_pct: {mandate_pct}, of: gps, purpose: contractering}}\n"
                    ),
                )
                .replace("period:", &format!("plan:\n  documents: [{documents}]\nperiod:"));
            let a = run(&[("small.yaml", &text)], &["cz-oi"]);
            let verdict = |id: &str| {
                a.frameworks[0]
                    .findings
                    .iter()
                    .find(|x| x.requirement == id)
                    .expect(id)
                    .verdict
            };
            (
                verdict("mandate"),
                verdict("zorgaanbodplan"),
                verdict("begroting"),
            )
        };
        // 84% < 85%; a zorgaanbodplan adopted, no begroting listed: not shown.
        assert_eq!(
            with(84, "{kind: zorgaanbodplan, status: adopted}"),
            (V::NotMet, V::Met, V::NotShown)
        );
        // 85% >= 85%; the begroting is only a draft, so not delivered.
        assert_eq!(
            with(
                85,
                "{kind: zorgaanbodplan, status: adopted}, {kind: begroting, status: draft}"
            ),
            (V::Met, V::Met, V::NotMet)
        );
        // A published begroting is delivered.
        assert_eq!(
            with(
                85,
                "{kind: zorgaanbodplan, status: adopted}, {kind: begroting, status: published}"
            ),
            (V::Met, V::Met, V::Met)
        );
    }

    #[test]
    fn peers_on_two_small_plans() {
        let a = run(&[("small.yaml", SMALL), ("peer.yaml", PEER)], &[]);
        let p = a.peers.as_ref().expect("peers");
        // `ggz-regio` is named `ggz`: matched by name with `ggz`, so one row.
        assert_eq!(
            p.themes.iter().filter(|t| t.0.starts_with("ggz")).count(),
            1
        );
        // Testregio leaves arbeidsmarkt undecided; its one peer covers the theme and block.
        let missing: Vec<_> = p
            .gaps
            .iter()
            .filter(|g| g.region == "Testregio")
            .map(|g| match &g.kind {
                GapKind::PeerCoverage {
                    name, peers, of, ..
                } => (name.as_str(), *peers, *of),
                _ => ("", 0, 0),
            })
            .collect();
        assert!(missing.contains(&("arbeidsmarkt", 1, 1)), "{missing:?}");
        // The report builds in both languages with a section per part.
        for lang in [Lang::En, Lang::Nl] {
            let r = report(&a, &Catalogue::built_in(), lang);
            let ids: Vec<&str> = r.sections.iter().map(|s| s.id.as_str()).collect();
            assert_eq!(ids, ["own-standard", "funding", "uptake", "peers"]);
        }
    }
}
