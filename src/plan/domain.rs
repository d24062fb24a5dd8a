//! What the plan's values mean, shared by rules, analyses and reports: whether a value reaches
//! a target, how far an indicator has come from its baseline, which body decides, a goal's
//! latest measurement, a contract's amount per year and over its years, and the word a plan uses for an enum value. Pure functions on `raw`.

use std::cmp::Ordering;

use chrono::{Datelike, NaiveDate};

use super::raw::{
    BodyKind, Condition, ConditionKind, Contract, Date, Direction, Goal, GovernanceBody, Indicator,
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

/// A contract's amount per year and over its years, as written or derived from the other.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ContractAmounts {
    /// The amount per year in euro.
    pub yearly: f64,
    /// The amount over the contract's years in euro.
    pub total: f64,
    /// Whether `yearly` is derived from the total (not written).
    pub yearly_derived: bool,
    /// Whether `total` is derived from the yearly amount (not written).
    pub total_derived: bool,
}

impl Contract {
    /// The contract's length in years, from the first month of `start` to the last month of
    /// `end` counted whole (2024-01-01 to 2026-12-31 is 3 years, 2024-07-01 to 2025-06-30 is
    /// 1); `None` when a date is impossible or the end is before the start.
    #[must_use]
    pub fn years(&self) -> Option<f64> {
        let (start, end) = (self.start.value.earliest()?, self.end.value.latest()?);
        let month = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month0());
        let months = month(end) - month(start) + 1;
        // A month count fits an f64 exactly: years lie within chrono's range.
        #[allow(
            clippy::cast_precision_loss,
            reason = "a month count is far below 2^52"
        )]
        (months > 0).then(|| months as f64 / 12.0)
    }

    /// The amount per year and over the contract's years: both as written, or the one not
    /// written derived from the other over [`Contract::years`]. `None` when neither is written,
    /// or only one and the years are unknown.
    #[must_use]
    pub fn amounts(&self) -> Option<ContractAmounts> {
        let yearly = self.yearly_amount_eur.as_ref().map(|a| a.value);
        let total = self.amount_eur.as_ref().map(|a| a.value);
        let years = self.years();
        let amounts = match (yearly, total) {
            (Some(yearly), Some(total)) => ContractAmounts {
                yearly,
                total,
                yearly_derived: false,
                total_derived: false,
            },
            (Some(yearly), None) => ContractAmounts {
                yearly,
                total: yearly * years?,
                yearly_derived: false,
                total_derived: true,
            },
            (None, Some(total)) => ContractAmounts {
                yearly: total / years?,
                total,
                yearly_derived: true,
                total_derived: false,
            },
            (None, None) => return None,
        };
        (amounts.yearly.is_finite() && amounts.total.is_finite()).then_some(amounts)
    }

    /// When both amounts are written and disagree: the total the yearly amount gives over the
    /// contract's years. A euro per year is allowed for rounding (333,333 a year over three
    /// years is 1,000,000).
    #[must_use]
    pub fn yearly_total_mismatch(&self) -> Option<f64> {
        let (yearly, total) = (self.yearly_amount_eur.as_ref()?, self.amount_eur.as_ref()?);
        let years = self.years()?;
        let implied = yearly.value * years;
        (implied.is_finite() && (implied - total.value).abs() > years.max(1.0)).then_some(implied)
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

/// An enum value with the word a plan uses for it and the words a reader is shown, from the one
/// table below.
pub trait Named: Copy + 'static {
    /// Every value, in declaration order.
    const ALL: &'static [Self];
    /// The word a plan writes, e.g. `in_progress` for `Status::InProgress`.
    fn name(self) -> &'static str;
    /// The words a reader is shown, in English and Dutch, e.g. ("in progress", "in
    /// uitvoering"); the report's label table hands them out as a `Label`.
    fn words(self) -> (&'static str, &'static str);
}

/// Implements [`Named`] from a table of variants, the word a plan writes and the words a reader
/// is shown in English and Dutch. The plan's words are those of the enum's serde names (`rename_all = "snake_case"`, `rename`); a test holds the two together.
macro_rules! names {
    ($($ty:ident { $($variant:ident => $name:literal, $en:literal, $nl:literal,)* })*) => {
        $(impl Named for super::raw::$ty {
            const ALL: &'static [Self] = &[$(super::raw::$ty::$variant),*];
            fn name(self) -> &'static str {
                match self {
                    $(super::raw::$ty::$variant => $name,)*
                }
            }
            fn words(self) -> (&'static str, &'static str) {
                match self {
                    $(super::raw::$ty::$variant => ($en, $nl),)*
                }
            }
        })*

        /// Every enum value of the plan format as (the word a plan writes, English words,
        /// Dutch words), from the same table the reports use: what the loader matches when
        /// an author writes the words a report shows (`status: in uitvoering`).
        pub const ENUM_WORDS: &[(&str, &str, &str)] = &[$($(($name, $en, $nl),)*)*];

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
        Regioplan => "regioplan", "regional plan", "regioplan",
        Werkagenda => "werkagenda", "work agenda", "werkagenda",
        Zorgaanbodplan => "zorgaanbodplan", "care offer plan", "zorgaanbodplan",
        Begroting => "begroting", "budget", "begroting",
        Speerpuntenrapportage => "speerpuntenrapportage", "priorities report", "speerpuntenrapportage",
        Jaarverslag => "jaarverslag", "annual report", "jaarverslag",
        Evaluation => "evaluation", "evaluation", "evaluatie",
        Other => "other", "other document", "ander document",
    }
    DocumentStatus {
        Planned => "planned", "planned", "gepland",
        Draft => "draft", "draft", "concept",
        Adopted => "adopted", "adopted", "vastgesteld",
        Published => "published", "published", "gepubliceerd",
    }
    PartnershipKind {
        Transmural => "transmural", "transmural partnership", "transmurale samenwerking",
        RegionalTable => "regional_table", "regional table", "regiotafel",
        Alliance => "alliance", "alliance", "alliantie",
        Other => "other", "other partnership", "ander samenwerkingsverband",
    }
    MandateBase {
        Gps => "gps", "GPs", "huisartsen",
        Practices => "practices", "practices", "praktijken",
    }
    GovernanceModel {
        Monodisciplinary => "monodisciplinary", "monodisciplinary", "monodisciplinair",
        Multidisciplinary => "multidisciplinary", "multidisciplinary", "multidisciplinair",
    }
    Cadence {
        Monthly => "monthly", "monthly", "maandelijks",
        Quarterly => "quarterly", "quarterly", "per kwartaal",
        HalfYearly => "half_yearly", "half-yearly", "per halfjaar",
        Yearly => "yearly", "yearly", "jaarlijks",
    }
    Domain {
        GpCare => "gp_care", "GP care", "huisartsenzorg",
        PrimaryCare => "primary_care", "other primary care", "overige eerstelijnszorg",
        Hospital => "hospital", "hospital", "ziekenhuis",
        Ggz => "ggz", "mental health care", "ggz",
        Ggd => "ggd", "public health service", "GGD",
        Vvt => "vvt", "nursing and home care", "VVT",
        Welfare => "welfare", "welfare", "welzijn",
        SocialDomain => "social_domain", "social domain", "sociaal domein",
        Municipality => "municipality", "municipality", "gemeente",
        Insurance => "insurance", "health insurance", "zorgverzekering",
        Patients => "patients", "patients and clients", "patiënten en cliënten",
        Other => "other", "other domain", "ander domein",
    }
    OrganisationKind {
        RegionalOrganisation => "regional_organisation", "regional organisation", "regionale organisatie",
        Zorggroep => "zorggroep", "care group", "zorggroep",
        Huisartsenpost => "huisartsenpost", "out-of-hours GP post", "huisartsenpost",
        LhvKring => "lhv_kring", "LHV district", "LHV-kring",
        Gezondheidscentrum => "gezondheidscentrum", "health centre", "gezondheidscentrum",
        HuisartsenCooperatie => "huisartsen_cooperatie", "GP cooperative", "huisartsencoöperatie",
        ApothekersZorggroep => "apothekers_zorggroep", "pharmacists' care group", "apothekerszorggroep",
        FysiotherapeutenZorggroep => "fysiotherapeuten_zorggroep", "physiotherapists' care group", "fysiotherapeutenzorggroep",
        Insurer => "insurer", "insurer", "zorgverzekeraar",
        Municipality => "municipality", "municipality", "gemeente",
        Hospital => "hospital", "hospital", "ziekenhuis",
        Ggz => "ggz", "mental health care", "ggz-instelling",
        Vvt => "vvt", "nursing and home care", "VVT-organisatie",
        Welfare => "welfare", "welfare", "welzijnsorganisatie",
        Ggd => "ggd", "public health service", "GGD",
        Hagro => "hagro", "GP group", "hagro",
        PatientOrganisation => "patient_organisation", "patient organisation", "patiëntenorganisatie",
        UmbrellaBody => "umbrella_body", "umbrella body", "koepelorganisatie",
        Regulator => "regulator", "regulator", "toezichthouder",
        Other => "other", "other organisation", "andere organisatie",
    }
    Relation {
        Itself => "self", "the region itself", "de regio zelf",
        Member => "member", "member", "lid",
        FormerMember => "former_member", "former member", "voormalig lid",
        Prospective => "prospective", "prospective member", "aspirant-lid",
        Partner => "partner", "partner", "partner",
        Insurer => "insurer", "insurer", "zorgverzekeraar",
        External => "external", "external", "extern",
    }
    BodyKind {
        AlgemeenBestuur => "algemeen_bestuur", "general board", "algemeen bestuur",
        AlgemeneLedenvergadering => "algemene_ledenvergadering", "general members' meeting", "algemene ledenvergadering",
        DagelijksBestuur => "dagelijks_bestuur", "executive board", "dagelijks bestuur",
        Bestuur => "bestuur", "board", "bestuur",
        RaadVanToezicht => "raad_van_toezicht", "supervisory board", "raad van toezicht",
        Deelnemersraad => "deelnemersraad", "participants' council", "deelnemersraad",
        Stuurgroep => "stuurgroep", "steering group", "stuurgroep",
        Other => "other", "other body", "ander orgaan",
    }
    SeatRole {
        Chair => "chair", "chair", "voorzitter",
        ViceChair => "vice_chair", "vice-chair", "vicevoorzitter",
        Secretary => "secretary", "secretary", "secretaris",
        Treasurer => "treasurer", "treasurer", "penningmeester",
        Member => "member", "member", "lid",
        Advisor => "advisor", "advisor", "adviseur",
    }
    Strategic {
        Regional => "regional", "regional", "regionaal",
        LeftToMembers => "left_to_members", "left to members", "bij de leden",
        Undecided => "undecided", "undecided", "onbeslist",
    }
    Status {
        Planned => "planned", "planned", "gepland",
        InProgress => "in_progress", "in progress", "in uitvoering",
        AtRisk => "at_risk", "at risk", "risico",
        Achieved => "achieved", "achieved", "behaald",
        Stopped => "stopped", "stopped", "gestopt",
    }
    Direction {
        Increase => "increase", "increase", "omhoog",
        Decrease => "decrease", "decrease", "omlaag",
        Maintain => "maintain", "maintain", "handhaven",
    }
    Maturity {
        NotStarted => "not_started", "not started", "niet gestart",
        Initiating => "initiating", "initiating", "initiërend",
        Developing => "developing", "developing", "in ontwikkeling",
        Established => "established", "established", "gevestigd",
        Advanced => "advanced", "advanced", "gevorderd",
    }
    ConditionKind {
        MinListedPatients => "min_listed_patients", "minimum listed patients", "minimum aantal ingeschreven patiënten",
        MinMandateShare => "min_mandate_share", "minimum mandate", "minimaal mandaat",
        Documents => "documents", "documents", "documenten",
        ResultAgreements => "result_agreements", "result agreements", "resultaatafspraken",
        OtherDomains => "other_domains", "other domains take part", "andere domeinen doen mee",
        Other => "other", "other condition", "andere voorwaarde",
    }
    Scope {
        Full => "full", "full", "volledig",
        Partial => "partial", "partial", "deels",
    }
    ProgrammeKind {
        Programme => "programme", "programme", "programma",
        Pilot => "pilot", "pilot", "pilot",
    }
    Metric {
        Practices => "practices", "practices", "praktijken",
        PlansSubmitted => "plans_submitted", "plans submitted", "ingediende plannen",
        PlansFunded => "plans_funded", "plans funded", "gefinancierde plannen",
        ResidentsReached => "residents_reached", "residents reached", "bereikte bewoners",
        PatientsReached => "patients_reached", "patients reached", "bereikte patiënten",
    }
    FundingKind {
        Segment1 => "segment_1", "segment 1", "segment 1",
        Segment2 => "segment_2", "segment 2", "segment 2",
        Segment3 => "segment_3", "segment 3", "segment 3",
        OAndI => "o_and_i", "O&I", "O&I",
        Programme => "programme", "programme", "programma",
        Other => "other", "other", "overig",
    }
}

/// Every enum value of the plan format as (plan word, English words, Dutch words).
#[must_use]
pub fn every_enum_words() -> &'static [(&'static str, &'static str, &'static str)] {
    ENUM_WORDS
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
    fn every_enum_value_has_words_in_both_languages_without_the_plans_underscores() {
        fn check<T: Named>() {
            for v in T::ALL {
                let (en, nl) = v.words();
                assert!(!en.is_empty() && !nl.is_empty(), "{}", v.name());
                assert!(!en.contains('_') && !nl.contains('_'), "{}", v.name());
            }
        }
        check::<Status>();
        check::<Relation>();
        check::<FundingKind>();
        check::<crate::plan::raw::BodyKind>();
        check::<crate::plan::raw::OrganisationKind>();
        check::<crate::plan::raw::Domain>();
        check::<crate::plan::raw::Maturity>();
        check::<crate::plan::raw::Cadence>();
    }

    #[test]
    fn a_contract_lasts_from_its_first_to_its_last_month() {
        let contract = |start: Date, end: Date| Contract {
            id: s(crate::plan::raw::Id("c".into())),
            insurer: s(crate::plan::raw::Id("zk".into())),
            co_insurers: Vec::new(),
            start: s(start),
            end: s(end),
            segments: Vec::new(),
            amount_eur: None,
            yearly_amount_eur: Some(s(1_250_000.0)),
            illustrative: false,
            basis: Vec::new(),
            conditions: Vec::new(),
            result_agreements: Vec::new(),
            description: None,
        };
        let three = contract(Date::Day(ymd(2024, 1, 1)), Date::Day(ymd(2026, 12, 31)));
        assert_eq!(three.years(), Some(3.0));
        let amounts = three.amounts().expect("derived");
        assert!((amounts.total - 3_750_000.0).abs() < 1e-6 && amounts.total_derived);
        assert_eq!(
            contract(Date::Day(ymd(2024, 7, 1)), Date::Day(ymd(2025, 6, 30))).years(),
            Some(1.0)
        );
        assert_eq!(
            contract(Date::Year(2021), Date::Year(2021)).years(),
            Some(1.0)
        );
        // An end before the start has no years, so nothing is derived from it.
        let reversed = contract(Date::Year(2025), Date::Year(2024));
        assert_eq!(reversed.years(), None);
        assert_eq!(reversed.amounts(), None);
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
