//! The financial level playing field: per member organisation, year and funding line, the
//! funding per listed patient; per year and line the spread over the members (min, median,
//! max, max/min, Gini) and the yearly amount that brings every member up to the median and up
//! to the best-funded. Members without a patient count are named, never skipped silently.
//!
//! Only members that receive money on a line in a year are compared on it. The Gini
//! coefficient is unweighted over members: `sum |x_i - x_j| / (2 n^2 mean)`.

use std::collections::BTreeMap;

use super::{Gap, GapKind, PlanInput, Severity, gap_table, labels as l};
use crate::plan::raw::{FundingKind, Relation};
use crate::report::labels::word;
use crate::report::{
    Block, Cell, Chart, ChartKind, Column, Lang, Point, Section, Series, Table, Text,
};

/// Above this max/min ratio, funding per patient is a gap.
pub const UNEQUAL_RATIO: f64 = 1.25;

/// One member's funding on one line in one year.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberFunding {
    pub region: String,
    pub member: String,
    pub year: u64,
    pub line: FundingKind,
    pub amount: f64,
    pub patients: u64,
    pub per_patient: f64,
}

/// The spread over members for one region, year and line.
#[derive(Debug, Clone, PartialEq)]
pub struct Spread {
    pub region: String,
    pub year: u64,
    pub line: FundingKind,
    pub members: usize,
    pub min: f64,
    pub median: f64,
    pub max: f64,
    pub ratio: f64,
    pub gini: f64,
    pub to_median: f64,
    pub to_max: f64,
}

/// The result of this part.
#[derive(Debug, Clone, Default)]
pub struct Funding {
    pub members: Vec<MemberFunding>,
    pub spreads: Vec<Spread>,
    /// `(region, member)` of members without a patient count.
    pub without_patients: Vec<(String, String)>,
    pub gaps: Vec<Gap>,
}

/// The median of sorted values.
#[must_use]
pub fn median(sorted: &[f64]) -> f64 {
    match sorted.len() {
        0 => 0.0,
        n if n % 2 == 1 => sorted[n / 2],
        n => f64::midpoint(sorted[n / 2 - 1], sorted[n / 2]),
    }
}

/// The Gini coefficient of values (0: equal, towards 1: all to one).
#[must_use]
pub fn gini(values: &[f64]) -> f64 {
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    if values.is_empty() || mean <= 0.0 {
        return 0.0;
    }
    let diffs: f64 = values
        .iter()
        .flat_map(|a| values.iter().map(move |b| (a - b).abs()))
        .sum();
    diffs / (2.0 * n * n * mean)
}

/// The spread of `(per_patient, patients)` pairs.
#[must_use]
pub fn spread(rows: &[(f64, u64)]) -> Option<(f64, f64, f64, f64, f64, f64, f64)> {
    let mut values: Vec<f64> = rows.iter().map(|r| r.0).collect();
    values.sort_by(f64::total_cmp);
    let (&min, &max) = (values.first()?, values.last()?);
    let med = median(&values);
    let ratio = if min > 0.0 { max / min } else { f64::INFINITY };
    let up = |level: f64| -> f64 {
        rows.iter()
            .map(|(pp, patients)| (level - pp).max(0.0) * *patients as f64)
            .sum()
    };
    Some((min, med, max, ratio, gini(&values), up(med), up(max)))
}

/// Runs this part over every plan.
#[must_use]
pub fn analyse(plans: &[PlanInput<'_>]) -> Funding {
    let mut out = Funding::default();
    for input in plans {
        let plan = input.plan;
        let region = input.region();
        let mut sums: BTreeMap<(u64, FundingKind, String), f64> = BTreeMap::new();
        for f in &plan.funding {
            let member = plan
                .organisations
                .iter()
                .find(|o| o.id.value == f.recipient.value && o.relation.value == Relation::Member);
            if member.is_some() {
                *sums
                    .entry((f.year.value, f.line.value, f.recipient.value.0.clone()))
                    .or_default() += f.amount_eur.value;
            }
        }
        for o in plan
            .organisations
            .iter()
            .filter(|o| o.relation.value == Relation::Member)
        {
            // `listed_patients: 0` gives no funding per patient either: named, not dropped.
            if o.listed_patients.as_ref().is_none_or(|p| p.value == 0) {
                out.without_patients
                    .push((region.clone(), o.id.value.0.clone()));
                if sums.keys().any(|(_, _, m)| *m == o.id.value.0) {
                    out.gaps.push(Gap {
                        region: region.clone(),
                        severity: Severity::Warning,
                        location: Some(input.at(o.id.span)),
                        kind: GapKind::MemberWithoutPatients {
                            member: o.id.value.0.clone(),
                        },
                    });
                }
            }
        }
        let mut groups: BTreeMap<(u64, FundingKind), Vec<(f64, u64)>> = BTreeMap::new();
        for ((year, line, member), amount) in &sums {
            let Some(patients) = plan
                .organisations
                .iter()
                .find(|o| o.id.value.0 == *member)
                .and_then(|o| o.listed_patients.as_ref())
                .map(|p| p.value)
                .filter(|p| *p > 0)
            else {
                continue;
            };
            let per_patient = amount / patients as f64;
            out.members.push(MemberFunding {
                region: region.clone(),
                member: member.clone(),
                year: *year,
                line: *line,
                amount: *amount,
                patients,
                per_patient,
            });
            groups
                .entry((*year, *line))
                .or_default()
                .push((per_patient, patients));
        }
        // A line with one member has no spread to compare.
        for ((year, line), rows) in groups.into_iter().filter(|(_, rows)| rows.len() > 1) {
            let Some((min, median, max, ratio, gini, to_median, to_max)) = spread(&rows) else {
                continue;
            };
            if ratio > UNEQUAL_RATIO {
                let at = plan
                    .funding
                    .iter()
                    .find(|f| f.year.value == year && f.line.value == line);
                out.gaps.push(Gap {
                    region: region.clone(),
                    severity: Severity::Warning,
                    location: at.map(|f| input.at(f.amount_eur.span)),
                    kind: GapKind::UnequalFunding { year, line, ratio },
                });
            }
            out.spreads.push(Spread {
                region: region.clone(),
                year,
                line,
                members: rows.len(),
                min,
                median,
                max,
                ratio,
                gini,
                to_median,
                to_max,
            });
        }
    }
    out
}

/// The section of this part.
#[must_use]
pub fn sections(f: &Funding, lang: Lang) -> Vec<Section> {
    let mut per = Table::new(vec![
        Column::left("region", l::REGION.get(lang)),
        Column::left("member", l::MEMBER.get(lang)),
        Column::right("year", l::YEAR.get(lang)),
        Column::left("line", l::LINE.get(lang)),
        Column::right("amount", l::AMOUNT.get(lang)),
        Column::right("patients", l::PATIENTS.get(lang)),
        Column::right("per_patient", l::PER_PATIENT.get(lang)),
    ]);
    for m in &f.members {
        per.push(vec![
            Cell::text(m.region.clone()),
            Cell::text(m.member.clone()),
            Cell::year(m.year),
            Cell::text(word(m.line).get(lang)),
            Cell::euro(m.amount),
            Cell::count(m.patients, None),
            Cell::euro(m.per_patient),
        ]);
    }
    let mut spread = Table::new(vec![
        Column::left("region", l::REGION.get(lang)),
        Column::right("year", l::YEAR.get(lang)),
        Column::left("line", l::LINE.get(lang)),
        Column::right("members", l::MEMBERS.get(lang)),
        Column::right("min", l::MIN.get(lang)),
        Column::right("median", l::MEDIAN.get(lang)),
        Column::right("max", l::MAX.get(lang)),
        Column::right("ratio", l::RATIO.get(lang)),
        Column::right("gini", l::GINI.get(lang)),
        Column::right("to_median", l::TO_MEDIAN.get(lang)),
        Column::right("to_max", l::TO_MAX.get(lang)),
    ]);
    for s in &f.spreads {
        spread.push(vec![
            Cell::text(s.region.clone()),
            Cell::year(s.year),
            Cell::text(word(s.line).get(lang)),
            Cell::count(s.members as u64, None),
            Cell::euro(s.min),
            Cell::euro(s.median),
            Cell::euro(s.max),
            Cell::number((s.ratio * 100.0).round() / 100.0, None),
            Cell::number((s.gini * 1000.0).round() / 1000.0, None),
            Cell::euro(s.to_median),
            Cell::euro(s.to_max),
        ]);
    }
    let mut series: BTreeMap<String, Vec<Point>> = BTreeMap::new();
    for m in &f.members {
        series
            .entry(format!(
                "{} {} {}",
                m.region,
                m.year,
                word(m.line).get(lang)
            ))
            .or_default()
            .push(Point {
                x: Cell::text(m.member.clone()),
                y: Cell::euro(m.per_patient),
            });
    }
    let chart = Chart {
        kind: ChartKind::Bar,
        title: l::FUNDING_CHART.get(lang).to_string(),
        x_label: l::MEMBER.get(lang).to_string(),
        y_label: l::PER_PATIENT.get(lang).to_string(),
        series: series
            .into_iter()
            .map(|(label, points)| Series { label, points })
            .collect(),
        marker: None,
    };
    let mut blocks = vec![Block::Table(per), Block::Table(spread), Block::Chart(chart)];
    if !f.without_patients.is_empty() {
        let names: Vec<String> = f
            .without_patients
            .iter()
            .map(|(r, m)| format!("{m} ({r})"))
            .collect();
        blocks.push(Block::Text(Text::default().plain(format!(
            "{} {}",
            l::WITHOUT_PATIENTS.get(lang),
            names.join(", ")
        ))));
    }
    if !f.gaps.is_empty() {
        blocks.push(Block::Table(gap_table(&f.gaps, lang)));
    }
    vec![super::section("funding", l::FUNDING, lang, blocks)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_spread_of_three_members_by_hand() {
        // Per patient 4, 6 and 10 euro for 100, 200 and 100 patients.
        // Median 6; max/min 10 / 4 = 2.5.
        // Gini: pairwise |diffs| 2, 6, 4 each twice = 24; 24 / (2 * 9 * 20/3) = 0.2.
        // Up to the median: (6 - 4) * 100 = 200. Up to the best: 6 * 100 + 4 * 200 = 1400.
        let (min, med, max, ratio, g, to_median, to_max) =
            spread(&[(4.0, 100), (6.0, 200), (10.0, 100)]).expect("spread");
        assert_eq!((min, med, max), (4.0, 6.0, 10.0));
        assert!((ratio - 2.5).abs() < 1e-9);
        assert!((g - 0.2).abs() < 1e-9, "{g}");
        assert!((to_median - 200.0).abs() < 1e-9);
        assert!((to_max - 1400.0).abs() < 1e-9);
    }

    #[test]
    fn an_even_count_takes_the_middle_two() {
        // 4.80, 5.10, 6.20, 6.90, 7.30, 8.10, 9.40, 10.20: median (6.90 + 7.30) / 2 = 7.10.
        let values = [4.8, 5.1, 6.2, 6.9, 7.3, 8.1, 9.4, 10.2];
        assert!((median(&values) - 7.1).abs() < 1e-9);
        assert!(gini(&[5.0, 5.0]).abs() < 1e-12);
    }
}
