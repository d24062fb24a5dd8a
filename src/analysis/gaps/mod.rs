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
//! A requirement the plan gives no data for ("cannot tell") is not a gap: it is listed with
//! what the plan would have to say.

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
use crate::plan::Plan;
use crate::plan::catalogue::Catalogue;
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
    ThemeWithoutRole { theme: String, role: ThemeGap },
    /// A goal that lacks parts of a good goal.
    GoalQuality { goal: String, missing: Vec<Quality> },
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
        projected: Option<NaiveDate>,
    },
    /// A regional theme none of whose goals is due inside the plan period.
    NothingDue { theme: String },
    /// A theme the region has not decided on.
    Undecided { theme: String },
    /// A framework requirement not met or partly met.
    Requirement {
        framework: String,
        requirement: String,
        title: String,
        verdict: frameworks::Verdict,
    },
    /// Members funded unequally per listed patient.
    UnequalFunding { year: u64, line: String, ratio: f64 },
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

/// The parts of a theme the plan's own standard asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ThemeGap {
    Trekker,
    Workgroup,
    BoardContact,
    Goals,
}

/// The parts of a good goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Quality {
    Indicator,
    Baseline,
    Target,
    Owner,
    Deadline,
}

/// What the analysis was asked.
#[derive(Debug, Clone)]
pub struct Options {
    /// The date "overdue" and "behind" are judged on.
    pub as_of: NaiveDate,
    /// Only these themes in the own-standard section (ids); empty means all.
    pub themes: Vec<String>,
    pub lang: Lang,
}

/// The whole analysis.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub own: own_standard::OwnStandard,
    pub frameworks: Vec<frameworks::FrameworkResult>,
    pub funding: funding::Funding,
    pub uptake: uptake::Uptake,
    pub peers: Option<peers::Peers>,
    pub plans: usize,
    pub as_of: NaiveDate,
}

impl Analysis {
    /// Every gap, in section order.
    #[must_use]
    pub fn gaps(&self) -> Vec<&Gap> {
        let mut all: Vec<&Gap> = self.own.gaps.iter().collect();
        all.extend(self.frameworks.iter().flat_map(|f| &f.gaps));
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

/// Runs every part of the analysis.
#[must_use]
pub fn analyse(
    plans: &[PlanInput<'_>],
    frameworks: &[Framework],
    catalogue: &Catalogue,
    options: &Options,
) -> Analysis {
    Analysis {
        own: own_standard::analyse(plans, options),
        frameworks: frameworks
            .iter()
            .map(|f| frameworks::evaluate(plans, f, catalogue))
            .collect(),
        funding: funding::analyse(plans),
        uptake: uptake::analyse(plans),
        peers: (plans.len() > 1).then(|| peers::analyse(plans, catalogue)),
        plans: plans.len(),
        as_of: options.as_of,
    }
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
        meta("errors", l::ERRORS, Cell::count(errors as u64, None), lang),
        meta(
            "warnings",
            l::WARNINGS,
            Cell::count(warnings as u64, None),
            lang,
        ),
    ];
    report.lead = Some(Text::default().plain(match lang {
        Lang::En => format!(
            "{} plan(s) as of {}: {errors} error(s) and {warnings} warning(s).",
            analysis.plans,
            analysis.as_of.format("%Y-%m-%d")
        ),
        Lang::Nl => format!(
            "{} plan(nen) per {}: {errors} fout(en) en {warnings} waarschuwing(en).",
            analysis.plans,
            analysis.as_of.format("%d-%m-%Y")
        ),
    }));
    report
        .sections
        .extend(own_standard::sections(&analysis.own, lang));
    report
        .sections
        .extend(frameworks::sections(&analysis.frameworks, lang));
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
    sorted.sort_by(|a, b| b.severity.cmp(&a.severity));
    for gap in sorted {
        let (what, suggestion) = l::describe(&gap.kind, lang);
        table.push(vec![
            Cell::text(gap.region.clone()),
            severity_cell(gap.severity, lang),
            Cell::text(gap.kind.id()),
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
            GapKind::UnequalFunding { .. } => "unequal-funding",
            GapKind::MemberWithoutPatients { .. } => "member-without-patients",
            GapKind::PracticesNotJoined { .. } => "practices-not-joined",
            GapKind::NeighbourhoodUncovered { .. } => "neighbourhood-uncovered",
            GapKind::ReachBelowTarget { .. } => "reach-below-target",
            GapKind::PeerCoverage { .. } => "peer-coverage",
        }
    }
}

/// A number as a reader writes it: no decimals when whole, else up to two.
#[must_use]
pub fn num(value: f64) -> String {
    if (value - value.round()).abs() < 1e-9 {
        format!("{value:.0}")
    } else {
        let text = format!("{value:.2}");
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}
