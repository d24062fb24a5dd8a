//! What the plan's values mean, shared by rules, analyses and reports: whether a value reaches
//! a target, how far an indicator has come from its baseline, which body decides, a goal's
//! latest measurement, and the word a plan uses for an enum value. Pure functions on `raw`.

use std::cmp::Ordering;

use chrono::NaiveDate;

use super::raw::{
    BodyKind, Condition, ConditionKind, Date, Direction, Goal, GovernanceBody, Indicator,
    MandateBase, Measurement, Plan,
};

impl Date {
    /// The first day the date can mean: 1 January of a year, the 1st of a month, the day
    /// itself. `None` for an impossible date.
    #[must_use]
    pub fn earliest(&self) -> Option<NaiveDate> {
        match self {
            Date::Year(y) => NaiveDate::from_ymd_opt(*y, 1, 1),
            Date::Month(y, m) => NaiveDate::from_ymd_opt(*y, *m, 1),
            Date::Day(day) => Some(*day),
            Date::Impossible(_) => None,
        }
    }

    /// The last day the date can mean: 31 December of a year, the last day of a month, the
    /// day itself. `None` for an impossible date.
    #[must_use]
    pub fn latest(&self) -> Option<NaiveDate> {
        match self {
            Date::Year(y) => NaiveDate::from_ymd_opt(*y, 12, 31),
            Date::Month(y, m) => {
                let (ny, nm) = if *m == 12 { (*y + 1, 1) } else { (*y, *m + 1) };
                NaiveDate::from_ymd_opt(ny, nm, 1).and_then(|d| d.pred_opt())
            }
            Date::Day(day) => Some(*day),
            Date::Impossible(_) => None,
        }
    }

    /// How `self` certainly relates to `other`: `Less` when every day it can mean lies before
    /// every day `other` can mean, `Greater` when after, `Equal` when both are the same single
    /// day. `None` when the dates overlap without being one day (`2022` and `2022-12-31`) or one
    /// is impossible: no rule may then say that one comes before the other.
    #[must_use]
    pub fn certain_cmp(&self, other: &Date) -> Option<Ordering> {
        let (a0, a1) = (self.earliest()?, self.latest()?);
        let (b0, b1) = (other.earliest()?, other.latest()?);
        if a1 < b0 {
            Some(Ordering::Less)
        } else if a0 > b1 {
            Some(Ordering::Greater)
        } else if a0 == a1 && b0 == b1 && a0 == b0 {
            Some(Ordering::Equal)
        } else {
            None
        }
    }

    /// Whether the date certainly lies before `day` (its last day is before it).
    #[must_use]
    pub fn is_before_day(&self, day: NaiveDate) -> bool {
        self.latest().is_some_and(|l| l < day)
    }

    /// Whether the date certainly lies after `day` (its first day is after it).
    #[must_use]
    pub fn is_after_day(&self, day: NaiveDate) -> bool {
        self.earliest().is_some_and(|e| e > day)
    }

    /// A key that sorts dates by their first day, then their last (so `2022` before
    /// `2022-01-15`); impossible dates first.
    #[must_use]
    pub fn sort_key(&self) -> Option<(NaiveDate, NaiveDate)> {
        Some((self.earliest()?, self.latest()?))
    }
}

impl Plan {
    /// The largest mandate share of the region's GPs or practices, in percent.
    #[must_use]
    pub fn mandate_share(&self, of: MandateBase) -> Option<f64> {
        self.region
            .mandates
            .iter()
            .filter(|m| m.of.value == of)
            .map(|m| m.share_pct.value)
            .reduce(f64::max)
    }
}

impl Condition {
    /// The parameters the condition's kind needs and lacks, as keys: `min` for the thresholds,
    /// `documents` for `documents`, `description` for `other`.
    #[must_use]
    pub fn missing_parameters(&self) -> Vec<&'static str> {
        let mut missing = Vec::new();
        match self.kind.value {
            ConditionKind::MinListedPatients
            | ConditionKind::MinMandateShare
            | ConditionKind::OtherDomains => {
                if self.min.is_none() {
                    missing.push("min");
                }
            }
            ConditionKind::Documents => {
                if self.documents.is_empty() {
                    missing.push("documents");
                }
            }
            ConditionKind::Other => {
                if self.description.is_none() {
                    missing.push("description");
                }
            }
            ConditionKind::ResultAgreements => {}
        }
        missing
    }
}

impl Direction {
    /// Whether `value` reaches `target` in this direction.
    #[must_use]
    pub fn reaches(self, value: f64, target: f64) -> bool {
        match self {
            Direction::Increase => value >= target,
            Direction::Decrease => value <= target,
            Direction::Maintain => (value - target).abs() <= f64::EPSILON * target.abs().max(1.0),
        }
    }

    /// "at least", "at most" or "exactly": how a target in this direction reads.
    #[must_use]
    pub fn bound(self) -> &'static str {
        match self {
            Direction::Increase => "at least",
            Direction::Decrease => "at most",
            Direction::Maintain => "exactly",
        }
    }
}

impl Indicator {
    /// The share of the way from the baseline to the target that `value` has come: 0 at the
    /// baseline, 1 at the target, above 1 past it, below 0 when it moved away. `None` without a
    /// baseline or a target. When baseline and target are equal, 1 if `value` reaches the
    /// target, else 0.
    #[must_use]
    pub fn progress(&self, value: f64) -> Option<f64> {
        let baseline = self.baseline.as_ref()?.value;
        let target = self.target.as_ref()?.value;
        let way = target - baseline;
        if way.abs() <= f64::EPSILON * target.abs().max(1.0) {
            return Some(if self.direction.value.reaches(value, target) {
                1.0
            } else {
                0.0
            });
        }
        Some((value - baseline) / way)
    }
}

impl Goal {
    /// The most recent measurement by its first day, then its last (the last one listed when
    /// dates tie or are impossible).
    #[must_use]
    pub fn latest_measurement(&self) -> Option<&Measurement> {
        self.measurements
            .iter()
            .enumerate()
            .max_by_key(|(i, m)| (m.date.value.sort_key(), *i))
            .map(|(_, m)| m)
    }

    /// Whether the latest measurement reaches the indicator's target; `None` when the goal has
    /// no indicator, no target or no measurement.
    #[must_use]
    pub fn is_reached(&self) -> Option<bool> {
        let indicator = self.indicator.as_ref()?;
        let target = indicator.target.as_ref()?.value;
        let latest = self.latest_measurement()?;
        Some(
            indicator
                .direction
                .value
                .reaches(latest.value.value, target),
        )
    }
}

impl GovernanceBody {
    /// Whether the body takes formal decisions: an algemeen bestuur, algemene ledenvergadering
    /// or bestuur unless
    /// `takes_decisions: false`, any other body only with `takes_decisions: true`.
    #[must_use]
    pub fn takes_decisions(&self) -> bool {
        self.takes_decisions.as_ref().map_or_else(
            || {
                matches!(
                    self.kind.value,
                    BodyKind::AlgemeenBestuur
                        | BodyKind::AlgemeneLedenvergadering
                        | BodyKind::Bestuur
                )
            },
            |explicit| explicit.value,
        )
    }
}

/// An enum value with the word a plan uses for it, from the one table below.
pub trait Named: Copy + 'static {
    /// Every value, in declaration order.
    const ALL: &'static [Self];
    /// The word a plan writes, e.g. `in_progress` for `Status::InProgress`.
    fn name(self) -> &'static str;
}

/// Implements [`Named`] from a table of variants and their words. The words are those of the
/// enum's serde names (`rename_all = "snake_case"`, `rename`); a test holds the two together.
macro_rules! names {
    ($($ty:ident { $($variant:ident => $name:literal,)* })*) => {
        $(impl Named for super::raw::$ty {
            const ALL: &'static [Self] = &[$(super::raw::$ty::$variant),*];
            fn name(self) -> &'static str {
                match self {
                    $(super::raw::$ty::$variant => $name,)*
                }
            }
        })*

        /// For the test: every value's word from the table and as serde writes it.
        #[cfg(test)]
        fn every_name() -> Vec<(&'static str, String)> {
            let mut all = Vec::new();
            $(for v in <super::raw::$ty as Named>::ALL {
                let serde = serde_json::to_value(v)
                    .ok()
                    .and_then(|j| j.as_str().map(str::to_string))
                    .unwrap_or_default();
                all.push((v.name(), serde));
            })*
            all
        }
    };
}

names! {
    DocumentKind {
        Regioplan => "regioplan",
        Werkagenda => "werkagenda",
        Zorgaanbodplan => "zorgaanbodplan",
        Begroting => "begroting",
        Speerpuntenrapportage => "speerpuntenrapportage",
        Jaarverslag => "jaarverslag",
        Evaluation => "evaluation",
        Other => "other",
    }
    DocumentStatus {
        Planned => "planned",
        Draft => "draft",
        Adopted => "adopted",
        Published => "published",
    }
    PartnershipKind {
        Transmural => "transmural",
        RegionalTable => "regional_table",
        Alliance => "alliance",
        Other => "other",
    }
    MandateBase {
        Gps => "gps",
        Practices => "practices",
    }
    GovernanceModel {
        Monodisciplinary => "monodisciplinary",
        Multidisciplinary => "multidisciplinary",
    }
    Cadence {
        Monthly => "monthly",
        Quarterly => "quarterly",
        HalfYearly => "half_yearly",
        Yearly => "yearly",
    }
    Domain {
        GpCare => "gp_care",
        PrimaryCare => "primary_care",
        Hospital => "hospital",
        Ggz => "ggz",
        Ggd => "ggd",
        Vvt => "vvt",
        Welfare => "welfare",
        SocialDomain => "social_domain",
        Municipality => "municipality",
        Insurance => "insurance",
        Patients => "patients",
        Other => "other",
    }
    OrganisationKind {
        RegionalOrganisation => "regional_organisation",
        Zorggroep => "zorggroep",
        Huisartsenpost => "huisartsenpost",
        LhvKring => "lhv_kring",
        Gezondheidscentrum => "gezondheidscentrum",
        HuisartsenCooperatie => "huisartsen_cooperatie",
        ApothekersZorggroep => "apothekers_zorggroep",
        FysiotherapeutenZorggroep => "fysiotherapeuten_zorggroep",
        Insurer => "insurer",
        Municipality => "municipality",
        Hospital => "hospital",
        Ggz => "ggz",
        Vvt => "vvt",
        Welfare => "welfare",
        Ggd => "ggd",
        Hagro => "hagro",
        PatientOrganisation => "patient_organisation",
        UmbrellaBody => "umbrella_body",
        Regulator => "regulator",
        Other => "other",
    }
    Relation {
        Itself => "self",
        Member => "member",
        FormerMember => "former_member",
        Prospective => "prospective",
        Partner => "partner",
        Insurer => "insurer",
        External => "external",
    }
    BodyKind {
        AlgemeenBestuur => "algemeen_bestuur",
        AlgemeneLedenvergadering => "algemene_ledenvergadering",
        DagelijksBestuur => "dagelijks_bestuur",
        Bestuur => "bestuur",
        RaadVanToezicht => "raad_van_toezicht",
        Deelnemersraad => "deelnemersraad",
        Stuurgroep => "stuurgroep",
        Other => "other",
    }
    SeatRole {
        Chair => "chair",
        ViceChair => "vice_chair",
        Secretary => "secretary",
        Treasurer => "treasurer",
        Member => "member",
        Advisor => "advisor",
    }
    Strategic {
        Regional => "regional",
        LeftToMembers => "left_to_members",
        Undecided => "undecided",
    }
    Status {
        Planned => "planned",
        InProgress => "in_progress",
        AtRisk => "at_risk",
        Achieved => "achieved",
        Stopped => "stopped",
    }
    Direction {
        Increase => "increase",
        Decrease => "decrease",
        Maintain => "maintain",
    }
    Maturity {
        NotStarted => "not_started",
        Initiating => "initiating",
        Developing => "developing",
        Established => "established",
        Advanced => "advanced",
    }
    ConditionKind {
        MinListedPatients => "min_listed_patients",
        MinMandateShare => "min_mandate_share",
        Documents => "documents",
        ResultAgreements => "result_agreements",
        OtherDomains => "other_domains",
        Other => "other",
    }
    Scope {
        Full => "full",
        Partial => "partial",
    }
    ProgrammeKind {
        Programme => "programme",
        Pilot => "pilot",
    }
    Metric {
        Practices => "practices",
        PlansSubmitted => "plans_submitted",
        PlansFunded => "plans_funded",
        ResidentsReached => "residents_reached",
        PatientsReached => "patients_reached",
    }
    FundingKind {
        Segment1 => "segment_1",
        Segment2 => "segment_2",
        Segment3 => "segment_3",
        OAndI => "o_and_i",
        Programme => "programme",
        Other => "other",
    }
}

/// The word a plan uses for an enum value, e.g. `in_progress` for `Status::InProgress`.
#[must_use]
pub fn yaml_name<T: Named>(value: &T) -> String {
    value.name().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Span;
    use crate::plan::raw::{FundingKind, Relation, Status};
    use crate::plan::spanned::S;

    fn s<T>(value: T) -> S<T> {
        S::new(value, Span::default())
    }

    fn indicator(baseline: f64, target: f64, direction: Direction) -> Indicator {
        Indicator {
            name: s("n".to_string()),
            unit: s("u".to_string()),
            baseline: Some(s(baseline)),
            baseline_date: None,
            target: Some(s(target)),
            direction: s(direction),
        }
    }

    #[test]
    fn reaching_a_target_depends_on_the_direction() {
        assert!(Direction::Increase.reaches(12.0, 12.0));
        assert!(!Direction::Increase.reaches(11.0, 12.0));
        assert!(Direction::Decrease.reaches(5.0, 6.0));
        assert!(!Direction::Decrease.reaches(7.0, 6.0));
        assert!(Direction::Maintain.reaches(95.0, 95.0));
        assert!(!Direction::Maintain.reaches(94.0, 95.0));
    }

    #[test]
    fn progress_is_the_share_of_the_way_from_baseline_to_target() {
        // Waiting time from 12 to 6 weeks, now 9: half way (12 - 9) / (12 - 6) = 0.5.
        let wait = indicator(12.0, 6.0, Direction::Decrease);
        assert_eq!(wait.progress(9.0), Some(0.5));
        assert_eq!(wait.progress(12.0), Some(0.0));
        assert_eq!(wait.progress(3.0), Some(1.5));
        // Moved away: 15 weeks is (15 - 12) / (6 - 12) = -0.5.
        assert_eq!(wait.progress(15.0), Some(-0.5));
        // Practices from 4 to 12, now 8: (8 - 4) / (12 - 4) = 0.5.
        assert_eq!(
            indicator(4.0, 12.0, Direction::Increase).progress(8.0),
            Some(0.5)
        );
        let keep = indicator(95.0, 95.0, Direction::Maintain);
        assert_eq!(keep.progress(95.0), Some(1.0));
        assert_eq!(keep.progress(90.0), Some(0.0));
        let no_baseline = Indicator {
            baseline: None,
            ..indicator(0.0, 1.0, Direction::Increase)
        };
        assert_eq!(no_baseline.progress(1.0), None);
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a day")
    }

    #[test]
    fn a_year_or_month_spans_its_first_to_its_last_day() {
        assert_eq!(Date::parse("2020"), Date::Year(2020));
        assert_eq!(Date::parse("2020-08"), Date::Month(2020, 8));
        assert_eq!(Date::Year(2020).earliest(), Some(ymd(2020, 1, 1)));
        assert_eq!(Date::Year(2020).latest(), Some(ymd(2020, 12, 31)));
        // February of a leap year has 29 days, of other years 28; December ends the year.
        assert_eq!(Date::Month(2020, 2).latest(), Some(ymd(2020, 2, 29)));
        assert_eq!(Date::Month(2021, 2).latest(), Some(ymd(2021, 2, 28)));
        assert_eq!(Date::Month(2022, 12).latest(), Some(ymd(2022, 12, 31)));
        assert_eq!(Date::Month(2022, 4).latest(), Some(ymd(2022, 4, 30)));
        let day = Date::parse("2022-03-01");
        assert_eq!(
            (day.earliest(), day.latest()),
            (Some(ymd(2022, 3, 1)), Some(ymd(2022, 3, 1)))
        );
        // No month 13, no day 30 February: impossible, and no day at all.
        for text in ["2022-13", "2022-00", "2022-02-30", "22-03", "2022-3"] {
            let date = Date::parse(text);
            assert_eq!(date, Date::Impossible(text.to_string()), "{text}");
            assert_eq!((date.earliest(), date.latest()), (None, None));
        }
        assert_eq!(Date::Year(2018).to_string(), "2018");
        assert_eq!(Date::Month(2020, 8).to_string(), "2020-08");
    }

    #[test]
    fn dates_compare_only_when_the_order_is_certain() {
        use std::cmp::Ordering::{Equal, Greater, Less};
        let d = Date::parse;
        // A deadline `2022` is not after a period ending 2022-12-31, nor before it.
        assert_eq!(d("2022").certain_cmp(&d("2022-12-31")), None);
        assert!(!d("2022").is_after_day(ymd(2022, 12, 31)));
        assert!(!d("2022").is_before_day(ymd(2022, 1, 1)));
        assert!(d("2023").is_after_day(ymd(2022, 12, 31)));
        assert!(d("2021-12").is_before_day(ymd(2022, 1, 1)));
        assert!(!d("2022-01").is_before_day(ymd(2022, 1, 31)));
        assert_eq!(d("2021").certain_cmp(&d("2022-01")), Some(Less));
        assert_eq!(d("2022-02").certain_cmp(&d("2022-01-31")), Some(Greater));
        assert_eq!(d("2022-01").certain_cmp(&d("2022-01-15")), None);
        assert_eq!(d("2022-01").certain_cmp(&d("2022-01")), None);
        assert_eq!(d("2022-01-15").certain_cmp(&d("2022-01-15")), Some(Equal));
        assert_eq!(d("2022-02-30").certain_cmp(&d("2022-01-15")), None);
        assert!(d("2022").sort_key() < d("2022-01-15").sort_key());
    }

    #[test]
    fn the_names_table_agrees_with_the_plan_format() {
        let all = every_name();
        assert!(all.len() > 100, "{}", all.len());
        for (table, serde) in all {
            assert_eq!(table, serde);
        }
    }

    #[test]
    fn enum_values_are_named_as_a_plan_writes_them() {
        assert_eq!(yaml_name(&Status::InProgress), "in_progress");
        assert_eq!(yaml_name(&Relation::Itself), "self");
        assert_eq!(yaml_name(&FundingKind::Segment2), "segment_2");
        let read: Status = serde_json::from_value(serde_json::json!("at_risk")).expect("reads");
        assert_eq!(yaml_name(&read), "at_risk");
    }
}
