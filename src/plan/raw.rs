//! The plan format v1 as written: serde and JSON Schema types with spans.
//!
//! These types are the single source of the format. `schemas/regioplan.schema.json` is
//! generated from them (see `plan::schema`), the structural pass validates against that schema,
//! and the typed parse fills them. Every struct denies unknown keys; lists default to empty so
//! that an absent list and an empty one mean the same. Doc comments become the schema's
//! descriptions, which editors show on hover.

use std::borrow::Cow;

use chrono::NaiveDate;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

use super::spanned::S;

/// An identifier: lower-case letters, digits, `.`, `_` and `-`, starting with a letter or digit.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(transparent)]
pub struct Id(pub String);

/// The pattern every id matches.
pub const ID_PATTERN: &str = "^[a-z0-9][a-z0-9._-]*$";

impl JsonSchema for Id {
    fn schema_name() -> Cow<'static, str> {
        "Id".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": ID_PATTERN,
            "description": "An id: lower-case letters, digits, '.', '_' and '-', e.g. `ggz` or `f.francke`."
        })
    }
}

/// A date with the precision the source has: a year (`2020`), a month (`2020-03`) or a day
/// (`2020-03-01`), parsed once when the plan is read. A year may be written with or without
/// quotes. A date that has the form but names no month or day (`2022-02-30`, `2022-13`) is kept
/// as written and reported by rule RP201; every other rule skips it. A year or month stands for
/// all its days: compare dates with `earliest()`, `latest()` and the methods in `plan::domain`,
/// never by the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Date {
    /// Only the year is known, e.g. "in 2018".
    Year(i32),
    /// Only the year and month are known, e.g. "sinds augustus 2020"; the month is 1-12.
    Month(i32, u32),
    /// The day is known.
    Day(NaiveDate),
    /// The text of a date that is not a day, month or year of the calendar.
    Impossible(String),
}

impl Date {
    /// The day, when the date is known to the day (not for a year or a month).
    #[must_use]
    pub fn day(&self) -> Option<NaiveDate> {
        match self {
            Date::Day(day) => Some(*day),
            Date::Year(_) | Date::Month(..) | Date::Impossible(_) => None,
        }
    }

    /// Reads a date written as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[must_use]
    pub fn parse(text: &str) -> Self {
        let impossible = || Date::Impossible(text.to_string());
        let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
        let mut parts = text.split('-');
        match (parts.next(), parts.next(), parts.next(), parts.next()) {
            (Some(y), None, ..) if y.len() == 4 && digits(y) => {
                y.parse().map_or_else(|_| impossible(), Date::Year)
            }
            (Some(y), Some(m), None, _)
                if y.len() == 4 && m.len() == 2 && digits(y) && digits(m) =>
            {
                match (y.parse::<i32>(), m.parse::<u32>()) {
                    (Ok(y), Ok(m)) if (1..=12).contains(&m) => Date::Month(y, m),
                    _ => impossible(),
                }
            }
            // The usual form, read without chrono's format parser (the same days, a tenth of
            // the work: a plan has a date in every measurement).
            (Some(y), Some(m), Some(d), None)
                if y.len() == 4
                    && m.len() == 2
                    && d.len() == 2
                    && digits(y)
                    && digits(m)
                    && digits(d) =>
            {
                match (y.parse::<i32>(), m.parse::<u32>(), d.parse::<u32>()) {
                    (Ok(y), Ok(m), Ok(d)) => {
                        NaiveDate::from_ymd_opt(y, m, d).map_or_else(impossible, Date::Day)
                    }
                    _ => impossible(),
                }
            }
            _ => {
                NaiveDate::parse_from_str(text, "%Y-%m-%d").map_or_else(|_| impossible(), Date::Day)
            }
        }
    }
}

/// As written: `2020`, `2020-03` or `2020-03-01`.
impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Date::Year(year) => write!(f, "{year:04}"),
            Date::Month(year, month) => write!(f, "{year:04}-{month:02}"),
            Date::Day(day) => write!(f, "{}", day.format("%Y-%m-%d")),
            Date::Impossible(text) => f.write_str(text),
        }
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DateVisitor;
        impl serde::de::Visitor<'_> for DateVisitor {
            type Value = Date;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a date (YYYY, YYYY-MM or YYYY-MM-DD)")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Date, E> {
                Ok(Date::parse(text))
            }
            fn visit_u64<E: serde::de::Error>(self, year: u64) -> Result<Date, E> {
                Ok(i32::try_from(year)
                    .ok()
                    .filter(|y| (1000..=9999).contains(y))
                    .map_or_else(|| Date::Impossible(year.to_string()), Date::Year))
            }
            fn visit_i64<E: serde::de::Error>(self, year: i64) -> Result<Date, E> {
                match u64::try_from(year) {
                    Ok(year) => self.visit_u64(year),
                    Err(_) => Ok(Date::Impossible(year.to_string())),
                }
            }
        }
        deserializer.deserialize_any(DateVisitor)
    }
}

/// The pattern every date written as text matches: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
pub const DATE_PATTERN: &str = "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$";

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": ["string", "integer"],
            "pattern": DATE_PATTERN,
            "minimum": 1000,
            "maximum": 9999,
            "description": "A date with the precision the source has: a day as YYYY-MM-DD (2022-01-01), a month as YYYY-MM (2020-08) or a year as YYYY (2018, with or without quotes)."
        })
    }
}

/// The format version. Only `1` exists: format 1.1 added optional keys only, so it is still
/// written `regioplan: 1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct FormatVersion(pub u64);

impl JsonSchema for FormatVersion {
    fn schema_name() -> Cow<'static, str> {
        "FormatVersion".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "const": 1,
            "description": "The plan format version. Write `regioplan: 1`."
        })
    }
}

/// A regioplan: everything a regional GP organisation plans, who does it, and how it is paid.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "regioplan plan format v1")]
pub struct Plan {
    /// The plan format version; always `1`.
    pub regioplan: S<FormatVersion>,
    /// The plan itself: its title, the region's own word for it, when and by whom it was
    /// adopted, and its documents (format 1.1).
    pub plan: Option<PlanInfo>,
    /// The region and the organisation that speaks for it.
    pub region: Region,
    /// The plan period, its horizon and long-term ambition.
    pub period: Period,
    /// Organisations: members, partners, insurers, municipalities and others.
    #[serde(default)]
    pub organisations: Vec<Organisation>,
    /// People: trekkers, board members, workgroup members, contacts.
    #[serde(default)]
    pub people: Vec<Person>,
    /// Governance bodies (algemeen bestuur, dagelijks bestuur, deelnemersraad, stuurgroep, ...).
    #[serde(default)]
    pub governance: Vec<GovernanceBody>,
    /// Workgroups (werkgroepen) that carry a theme.
    #[serde(default)]
    pub workgroups: Vec<Workgroup>,
    /// Themes (thema's) with their goals.
    #[serde(default)]
    pub themes: Vec<Theme>,
    /// Self-assessment per building block (bouwsteen) of Hechte Huisartsenzorg.
    #[serde(default)]
    pub building_blocks: Vec<BuildingBlockAssessment>,
    /// Contracts with insurers.
    #[serde(default)]
    pub contracts: Vec<Contract>,
    /// Modules that practices choose to contract, with their uptake.
    #[serde(default)]
    pub modules: Vec<Module>,
    /// Supporting services (ondersteunende diensten) offered to practices.
    #[serde(default)]
    pub services: Vec<Service>,
    /// Neighbourhoods (wijken, wijksamenwerkingsverbanden).
    #[serde(default)]
    pub neighbourhoods: Vec<Neighbourhood>,
    /// Programmes and pilots, with their figures over time.
    #[serde(default)]
    pub programmes: Vec<Programme>,
    /// Funding lines: who pays whom, for which year and line, how much.
    #[serde(default)]
    pub funding: Vec<FundingLine>,
    /// Yearly speerpunten: which themes and goals are the focus of which year (format 1.1).
    #[serde(default)]
    pub priorities: Vec<Priority>,
    /// Transmural and regional partnerships the region takes part in (format 1.1).
    #[serde(default)]
    pub partnerships: Vec<Partnership>,
    /// Where the facts in this plan come from (articles, reports).
    #[serde(default)]
    pub sources: Vec<Source>,
}

/// The plan itself (format 1.1).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanInfo {
    /// The plan's title, e.g. `Meerjarenplan Amstelland Zorg 2021-2024`.
    pub title: Option<S<String>>,
    /// The region's own word for the plan, e.g. `regioplan`, `meerjarenplan`, `beleidsplan`.
    pub local_name: Option<S<String>>,
    /// When the plan was adopted.
    pub adopted: Option<S<Date>>,
    /// The governance body that adopted it (a governance id).
    pub adopted_by: Option<S<Id>>,
    /// Documents that belong to the plan: a zorgaanbodplan, a begroting, a yearly
    /// speerpuntenrapportage, an evaluation.
    #[serde(default)]
    pub documents: Vec<PlanDocument>,
}

/// A document that belongs to the plan.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanDocument {
    /// What kind of document it is.
    pub kind: S<DocumentKind>,
    /// Its title.
    pub title: Option<S<String>>,
    /// The year it is for.
    pub year: Option<S<u64>>,
    /// Where it stands.
    pub status: S<DocumentStatus>,
    /// When it was adopted or published.
    pub date: Option<S<Date>>,
    /// Free text.
    pub description: Option<S<String>>,
}

/// Kinds of plan documents. Insurers ask for some of them (CZ: a zorgaanbodplan and a budget).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// The regioplan, meerjarenplan or beleidsplan itself.
    Regioplan,
    /// A work agenda with milestones (werkagenda).
    Werkagenda,
    /// What care the region offers and will offer (zorgaanbodplan).
    Zorgaanbodplan,
    /// A budget (begroting).
    Begroting,
    /// A yearly report on the speerpunten (speerpuntenrapportage).
    Speerpuntenrapportage,
    /// An annual report (jaarverslag).
    Jaarverslag,
    /// An evaluation, e.g. of a pilot.
    Evaluation,
    Other,
}

/// Where a document stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DocumentStatus {
    /// Announced or due, not yet written.
    Planned,
    /// Being written.
    Draft,
    /// Adopted by the deciding body.
    Adopted,
    /// Made public.
    Published,
}

/// A year's speerpunten (format 1.1).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Priority {
    /// The year.
    pub year: S<u64>,
    /// Themes that are the focus of the year (ids).
    #[serde(default)]
    pub themes: Vec<S<Id>>,
    /// Goals that are the focus of the year (ids).
    #[serde(default)]
    pub goals: Vec<S<Id>>,
    /// Free text.
    pub description: Option<S<String>>,
}

/// A transmural or regional partnership the region takes part in (format 1.1).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Partnership {
    /// The partnership's id.
    pub id: S<Id>,
    /// The name, e.g. `Amsterdam Vitaal & Gezond`.
    pub name: S<String>,
    /// What kind of partnership it is.
    pub kind: S<PartnershipKind>,
    /// The organisations in it (ids); the regional organisation is one of them when it is a
    /// member.
    #[serde(default)]
    pub members: Vec<S<Id>>,
    /// Since when it exists.
    pub since: Option<S<Date>>,
    /// Themes it works on (ids).
    #[serde(default)]
    pub themes: Vec<S<Id>>,
    /// Free text.
    pub description: Option<S<String>>,
}

/// Kinds of partnerships.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PartnershipKind {
    /// Primary care with hospitals, GGZ or VVT (transmurale samenwerking).
    Transmural,
    /// A regional table with municipalities and other sectors (regiotafel).
    RegionalTable,
    /// An alliance around a shared ambition.
    Alliance,
    Other,
}

/// The region and its organisation.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// The organisation's full name, e.g. `Amsterdamse huisartsenalliantie`.
    pub name: S<String>,
    /// A short name, e.g. `AhA`.
    pub short_name: Option<S<String>>,
    /// The id of the regional organisation in `organisations`, if it is listed there.
    pub organisation: Option<S<Id>>,
    /// Legal form, e.g. `stichting`, `coöperatie`.
    pub legal_form: Option<S<String>>,
    /// The municipalities the region covers.
    pub municipalities: Vec<S<String>>,
    /// Municipalities that lie only partly in the region, with the places that do (format 1.1).
    #[serde(default)]
    pub partial_municipalities: Vec<PartialMunicipality>,
    /// The date the regional organisation started.
    pub started: S<Date>,
    /// Whether the board is formed by GPs only or by several disciplines.
    pub governance_model: S<GovernanceModel>,
    /// The insurer that leads contracting in the region (an organisation id).
    pub preferred_insurer: Option<S<Id>>,
    /// Key figures (kerngegevens).
    #[serde(default)]
    pub key_figures: KeyFigures,
    /// Dated events in the region's history.
    #[serde(default)]
    pub history: Vec<HistoryEvent>,
    /// Mandates the GPs or practices gave the organisation (format 1.1).
    #[serde(default)]
    pub mandates: Vec<Mandate>,
    /// Free text.
    pub description: Option<S<String>>,
}

/// A municipality that lies partly in the region (format 1.1).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PartialMunicipality {
    /// The municipality, as in `region.municipalities`, e.g. `Ouder-Amstel`.
    pub municipality: S<String>,
    /// The places (kernen) of it that lie in the region, e.g. `Ouderkerk aan de Amstel`.
    pub places: Vec<S<String>>,
    /// Free text.
    pub note: Option<S<String>>,
}

/// A mandate: a share of the region's GPs or practices that gave the organisation the right to
/// act for them (format 1.1). CZ asks for a mandate of at least 85% of the huisartsen.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Mandate {
    /// The share that gave the mandate, in percent (0-100): `85`, not `0.85`.
    #[schemars(range(min = 0, max = 100))]
    pub share_pct: S<f64>,
    /// Of what the share is taken: the region's GPs or its practices.
    pub of: S<MandateBase>,
    /// The governance body through which the mandate was given (a governance id), e.g. the
    /// algemene ledenvergadering.
    pub given_by: Option<S<Id>>,
    /// When it was given or last counted.
    pub date: Option<S<Date>>,
    /// What the mandate is for, e.g. `contractering O&I en segment 2 en 3`.
    pub purpose: S<String>,
    /// Free text.
    pub note: Option<S<String>>,
}

/// What a mandate share is a share of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MandateBase {
    /// The region's GPs (huisartsen).
    Gps,
    /// The region's GP practices.
    Practices,
}

/// Monodisciplinary (GPs only) or multidisciplinary governance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum GovernanceModel {
    Monodisciplinary,
    Multidisciplinary,
}

/// Key figures of the region. All counts are optional; rules check that they agree.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KeyFigures {
    /// The date the figures describe.
    pub as_of: Option<S<Date>>,
    /// Number of GPs (huisartsen).
    pub gps: Option<S<u64>>,
    /// Number of GP practices in the region.
    pub practices: Option<S<u64>>,
    /// Number of listed patients (ingeschreven patiënten).
    pub listed_patients: Option<S<u64>>,
    /// Number of practices that joined the organisation (its member practices), when the
    /// sources give it apart from the region's total, e.g. Rijnmond: 260 practices joined, 95%
    /// of the region's practices.
    pub practices_joined: Option<S<u64>>,
    /// Share of the region's practices that joined the organisation, in percent (0-100).
    pub practices_joined_pct: Option<S<f64>>,
    /// Listed patients per municipality.
    #[serde(default)]
    pub listed_patients_by_municipality: Vec<MunicipalityFigure>,
    /// Whether the figures are rounded or estimated (the seeds say "ongeveer").
    #[serde(default)]
    pub approximate: bool,
    /// True when the figures are made up because the sources do not give them; reports and
    /// gaps mark what rests on them (format 1.1).
    #[serde(default)]
    pub illustrative: bool,
}

/// Listed patients in one municipality.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MunicipalityFigure {
    /// The municipality, as in `region.municipalities`.
    pub municipality: S<String>,
    /// Listed patients living in it.
    pub listed_patients: S<u64>,
}

/// A dated event in the region's history.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HistoryEvent {
    /// When it happened: a year (`2018`) or month (`2020-08`) when only that is known.
    pub date: S<Date>,
    /// What happened.
    pub event: S<String>,
}

/// The plan period.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// First day of the plan.
    pub start: S<Date>,
    /// Last day of the plan.
    pub end: S<Date>,
    /// The "stip op de horizon": what the plan aims to reach by a date.
    pub horizon: Option<Horizon>,
    /// A long-term ambition the plan serves, often shared with other parties.
    pub ambition: Option<Ambition>,
    /// How often progress is monitored.
    pub monitoring: Option<S<Cadence>>,
    /// True when the period's dates are made up because the sources do not give them (e.g.
    /// an end the plan does not name); gaps mark the plan's span as illustrative (format 1.1).
    #[serde(default)]
    pub illustrative: bool,
}

/// The point on the horizon.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Horizon {
    /// The date of the point on the horizon.
    pub date: S<Date>,
    /// What the region wants to have reached by then.
    pub description: S<String>,
}

/// A long-term ambition.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ambition {
    /// The name of the ambition or the alliance behind it, e.g. `Amsterdam Vitaal & Gezond`.
    pub name: S<String>,
    /// The year the ambition is for.
    pub year: S<u64>,
    /// The ambition in words.
    pub statement: S<String>,
    /// Organisations that share the ambition (ids).
    #[serde(default)]
    pub partners: Vec<S<Id>>,
}

/// A monitoring cadence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Cadence {
    Monthly,
    Quarterly,
    HalfYearly,
    Yearly,
}

/// An organisation.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// The organisation's id, e.g. `zilveren-kruis`.
    pub id: S<Id>,
    /// The full name.
    pub name: S<String>,
    /// What kind of organisation it is.
    pub kind: S<OrganisationKind>,
    /// How it relates to the regional organisation.
    pub relation: S<Relation>,
    /// The organisation's discipline, e.g. `huisartsen`, `apothekers`, `fysiotherapeuten`.
    pub discipline: Option<S<String>>,
    /// GP practices it represents.
    pub practices: Option<S<u64>>,
    /// GPs it represents.
    pub gps: Option<S<u64>>,
    /// Listed patients of its practices.
    pub listed_patients: Option<S<u64>>,
    /// The domain it belongs to, so that the domains a region works with can be counted
    /// (format 1.1).
    pub domain: Option<S<Domain>>,
    /// When it joined the regional organisation (format 1.1).
    pub joined: Option<S<Date>>,
    /// When it left the regional organisation (format 1.1).
    pub left: Option<S<Date>>,
    /// The organisation it merged into (an id), e.g. a zorggroep into the region (format 1.1).
    pub merged_into: Option<S<Id>>,
    /// How many organisations this entry stands for when the sources do not name them one by
    /// one, e.g. `14` for "14 zorggroepen"; 1 when left out (format 1.1).
    pub count: Option<S<u64>>,
    /// True when the organisation or its figures are made up because the sources do not give
    /// them; reports and gaps mark what rests on it (format 1.1).
    #[serde(default)]
    pub illustrative: bool,
    /// Free text.
    pub description: Option<S<String>>,
}

/// The domain of an organisation. The domains other than GP care, other primary care, insurance,
/// patients and `other` are the "other domains" an insurer asks a region to involve.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Domain {
    /// Huisartsenzorg: GPs, zorggroepen, huisartsenposten, the LHV-kring, hagro's.
    GpCare,
    /// Other primary care: pharmacists, physiotherapists, dietitians, psychologists.
    PrimaryCare,
    /// Hospitals (ziekenhuizen).
    Hospital,
    /// Mental health care (GGZ).
    Ggz,
    /// Public health service (GGD).
    Ggd,
    /// Verpleging, verzorging en thuiszorg (VVT).
    Vvt,
    /// Welzijn.
    Welfare,
    /// Sociaal domein: buurtteams, wijkteams, social services.
    SocialDomain,
    /// A municipality (gemeente).
    Municipality,
    /// Health insurance (zorgverzekeraars).
    Insurance,
    /// Patients and clients.
    Patients,
    Other,
}

/// Kinds of organisations in and around a region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OrganisationKind {
    /// The regional organisation itself.
    RegionalOrganisation,
    Zorggroep,
    Huisartsenpost,
    LhvKring,
    Gezondheidscentrum,
    HuisartsenCooperatie,
    ApothekersZorggroep,
    FysiotherapeutenZorggroep,
    Insurer,
    Municipality,
    Hospital,
    Ggz,
    Vvt,
    Welfare,
    /// A public health service (GGD).
    Ggd,
    /// A hagro (huisartsengroep): GPs of one neighbourhood who work together.
    Hagro,
    PatientOrganisation,
    UmbrellaBody,
    Regulator,
    Other,
}

/// The relation of an organisation to the regional organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// The regional organisation itself.
    #[serde(rename = "self")]
    Itself,
    /// A member organisation (sits in the algemeen bestuur or is a shareholder).
    Member,
    /// A former member, e.g. a zorggroep that merged into the region.
    FormerMember,
    /// An organisation that wants to join.
    Prospective,
    /// A partner the region works with.
    Partner,
    /// An insurer that contracts the region.
    Insurer,
    /// Any other relation.
    External,
}

/// A person.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// The person's id, e.g. `f.francke`; trekkers, owners and members refer to it.
    pub id: S<Id>,
    /// The full name.
    pub name: S<String>,
    /// Job title or role, e.g. `directeur`.
    pub role: Option<S<String>>,
    /// Profession, e.g. `huisarts`, `fysiotherapeut`.
    pub profession: Option<S<String>>,
    /// The organisation the person works for (an id).
    pub organisation: Option<S<Id>>,
    /// Since when the person holds this role.
    pub since: Option<S<Date>>,
    /// Further roles, in this or other organisations, over time (format 1.1).
    #[serde(default)]
    pub roles: Vec<PersonRole>,
    /// True when the name is made up because the sources do not give it.
    #[serde(default)]
    pub illustrative: bool,
}

/// A role a person holds in an organisation or a governance body for a time (format 1.1).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonRole {
    /// The role, e.g. `directeur`, `bestuurslid`.
    pub role: S<String>,
    /// The organisation (an id).
    pub organisation: Option<S<Id>>,
    /// The governance body (a governance id).
    pub body: Option<S<Id>>,
    /// Since when.
    pub since: Option<S<Date>>,
    /// Until when; left out while the role lasts.
    pub until: Option<S<Date>>,
}

/// A governance body.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GovernanceBody {
    /// The body's id, e.g. `ab` for the algemeen bestuur.
    pub id: S<Id>,
    /// The name, e.g. `Algemeen bestuur`.
    pub name: S<String>,
    /// What kind of body it is.
    pub kind: S<BodyKind>,
    /// Whether the body takes formal decisions. Defaults to true for an algemeen bestuur and a
    /// bestuur, false otherwise.
    pub takes_decisions: Option<S<bool>>,
    /// Whether all members have an equal vote.
    pub equal_votes: Option<S<bool>>,
    /// The programme a stuurgroep steers (a programme id).
    pub programme: Option<S<Id>>,
    /// Who sits in it.
    #[serde(default)]
    pub members: Vec<BodyMember>,
    /// Free text, e.g. how members are chosen.
    pub description: Option<S<String>>,
}

/// Kinds of governance bodies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BodyKind {
    /// Takes the formal decisions; all member organisations sit in it.
    AlgemeenBestuur,
    /// The general meeting of the members of a cooperative or association; takes formal
    /// decisions (format 1.1).
    AlgemeneLedenvergadering,
    /// Day-to-day management; each theme has a contact in it.
    DagelijksBestuur,
    /// The board of a foundation or cooperative.
    Bestuur,
    RaadVanToezicht,
    /// Council of participants, e.g. the neighbourhood collaborations.
    Deelnemersraad,
    /// Steering group of a programme.
    Stuurgroep,
    Other,
}

/// A seat in a governance body: a person, an organisation or a neighbourhood (at least one).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BodyMember {
    /// The person in the seat (an id).
    pub person: Option<S<Id>>,
    /// The organisation the seat represents (an id).
    pub organisation: Option<S<Id>>,
    /// The neighbourhood the seat represents (an id), e.g. in a deelnemersraad.
    pub neighbourhood: Option<S<Id>>,
    /// The seat's role; `member` when left out.
    pub role: Option<S<SeatRole>>,
    /// Since when the seat is held (format 1.1).
    pub since: Option<S<Date>>,
    /// Until when; left out while the seat is held (format 1.1).
    pub until: Option<S<Date>>,
}

/// The role of a seat.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SeatRole {
    Chair,
    ViceChair,
    Secretary,
    Treasurer,
    Member,
    Advisor,
}

/// A workgroup (werkgroep).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Workgroup {
    /// The workgroup's id; themes refer to it.
    pub id: S<Id>,
    /// The name, e.g. `Werkgroep GGZ`.
    pub name: S<String>,
    /// Members (person ids).
    #[serde(default)]
    pub members: Vec<S<Id>>,
    /// What the workgroup is made of when members are not named, e.g. `huisartsen`.
    pub composition: Option<S<String>>,
    /// Free text.
    pub description: Option<S<String>>,
}

/// A theme (thema).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    /// The theme's id, e.g. `ggz`.
    pub id: S<Id>,
    /// The name, e.g. `GGZ`.
    pub name: S<String>,
    /// Whether the region takes the theme up, leaves it to members, or has not decided.
    pub strategic: S<Strategic>,
    /// Why the theme is or is not taken up regionally.
    pub rationale: Option<S<String>>,
    /// The trekker (lead), a person id.
    pub trekker: Option<S<Id>>,
    /// The workgroup, a workgroup id.
    pub workgroup: Option<S<Id>>,
    /// The aanspreekpunt in the dagelijks bestuur, a person id.
    pub board_contact: Option<S<Id>>,
    /// Building blocks of Hechte Huisartsenzorg the theme serves (ids from the catalogue).
    #[serde(default)]
    pub building_blocks: Vec<S<Id>>,
    /// Years in which the theme gets extra attention.
    #[serde(default)]
    pub extra_attention: Vec<S<u64>>,
    /// Organisations that asked for the theme (e.g. the insurer), ids.
    #[serde(default)]
    pub requested_by: Vec<S<Id>>,
    /// Goals (doelen) and their subgoals.
    #[serde(default)]
    pub goals: Vec<Goal>,
    /// Free text.
    pub description: Option<S<String>>,
}

/// Whether a theme is taken up regionally.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Strategic {
    /// Taken up by the region.
    Regional,
    /// Left to the members and neighbourhoods.
    LeftToMembers,
    /// Not decided yet.
    Undecided,
}

/// A goal or subgoal.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    /// The goal's id, unique among all goals and subgoals of the plan, e.g. `ggz-1`.
    pub id: S<Id>,
    /// What the goal is, in one line.
    pub title: S<String>,
    /// The person who owns the goal (an id).
    pub owner: Option<S<Id>>,
    /// Where the goal stands.
    pub status: S<Status>,
    /// When the goal must be reached.
    pub deadline: Option<S<Date>>,
    /// How the goal is measured.
    pub indicator: Option<Indicator>,
    /// Measurements of the indicator, oldest first.
    #[serde(default)]
    pub measurements: Vec<Measurement>,
    /// Dated intermediate targets and milestones of the work agenda, oldest first: the goal's
    /// trajectory (format 1.1).
    #[serde(default)]
    pub milestones: Vec<Milestone>,
    /// How often the goal is monitored against its trajectory, when it differs from the plan's
    /// `period.monitoring` (format 1.1).
    pub monitoring: Option<S<Cadence>>,
    /// Building blocks the goal serves (ids).
    #[serde(default)]
    pub building_blocks: Vec<S<Id>>,
    /// Subgoals.
    #[serde(default)]
    pub goals: Vec<Goal>,
    /// True when the goal, its indicator, targets and measurements are made up because the
    /// sources do not give them; reports and gaps mark what rests on it (format 1.1). Each
    /// subgoal says it for itself.
    #[serde(default)]
    pub illustrative: bool,
    /// Free text.
    pub description: Option<S<String>>,
}

/// The status of a goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Planned,
    InProgress,
    AtRisk,
    Achieved,
    Stopped,
}

/// An indicator: what is measured, in which unit, from where to where.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// What is measured, e.g. `wachttijd basis-GGZ`.
    pub name: S<String>,
    /// The unit, e.g. `practices`, `%`, `euro`.
    pub unit: S<String>,
    /// The value at the start.
    pub baseline: Option<S<f64>>,
    /// When the baseline was measured.
    pub baseline_date: Option<S<Date>>,
    /// The value to reach by the deadline.
    pub target: Option<S<f64>>,
    /// Whether higher or lower is better.
    pub direction: S<Direction>,
}

/// Which way an indicator should move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Reached when the value is at or above the target.
    Increase,
    /// Reached when the value is at or below the target.
    Decrease,
    /// Reached when the value equals the target.
    Maintain,
}

/// A dated measurement of an indicator.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Measurement {
    /// When it was measured.
    pub date: S<Date>,
    /// The measured value, in the indicator's unit.
    pub value: S<f64>,
    /// Free text, e.g. the source of the figure.
    pub note: Option<S<String>>,
}

/// A milestone: a dated intermediate target of the indicator, a step of the work agenda, or
/// both (format 1.1).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    /// When the milestone is due.
    pub date: S<Date>,
    /// The value the indicator should have reached by then, in its unit.
    pub target: Option<S<f64>>,
    /// What should be done or reached by then.
    pub description: Option<S<String>>,
}

/// The region's self-assessment on one building block.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BuildingBlockAssessment {
    /// The building block's id in the catalogue.
    pub block: S<Id>,
    /// How far the region is.
    pub level: S<Maturity>,
    /// True when the level is a reading the sources do not give; gaps mark verdicts that rest
    /// on it (format 1.1).
    #[serde(default)]
    pub illustrative: bool,
    /// Why this level.
    pub note: Option<S<String>>,
}

/// Maturity on a building block.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Maturity {
    NotStarted,
    Initiating,
    Developing,
    Established,
    Advanced,
}

/// A contract with an insurer.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contract {
    /// The contract's id; modules refer to it.
    pub id: S<Id>,
    /// The insurer (an organisation id); the leading one when several sign.
    pub insurer: S<Id>,
    /// Further insurers that sign the contract (organisation ids) (format 1.1).
    #[serde(default)]
    pub co_insurers: Vec<S<Id>>,
    /// First day of the contract.
    pub start: S<Date>,
    /// Last day of the contract.
    pub end: S<Date>,
    /// The funding segments the contract covers.
    pub segments: Vec<SegmentCoverage>,
    /// The amount of the whole contract in euro (format 1.1).
    pub amount_eur: Option<S<f64>>,
    /// The amount per year in euro, for a contract written as "EUR 1.250.000 per jaar"
    /// (format 1.1). With `amount_eur` as well, the two must agree over the contract's years.
    pub yearly_amount_eur: Option<S<f64>>,
    /// True when the amount is made up because the sources do not give it (format 1.1).
    #[serde(default)]
    pub illustrative: bool,
    /// The documents the contract rests on, by kind; `regioplan` is this plan (format 1.1).
    #[serde(default)]
    pub basis: Vec<S<DocumentKind>>,
    /// The insurer's conditions, each with whether it is met (format 1.1).
    #[serde(default)]
    pub conditions: Vec<Condition>,
    /// Result agreements (resultaatafspraken), linked to the plan's goals (format 1.1).
    #[serde(default)]
    pub result_agreements: Vec<ResultAgreement>,
    /// Free text.
    pub description: Option<S<String>>,
}

/// A condition an insurer sets for a contract (format 1.1). The kind says which parameters it
/// takes: `min_listed_patients` and `other_domains` take `min`; `min_mandate_share` takes `min`
/// (percent) and `of`; `documents` takes `documents`; `result_agreements` and `other` take none
/// (`other` needs a `description`). The same kinds are used by reference frameworks.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("allOf" = [
    {
        "if": {"properties": {"kind": {"enum": ["min_listed_patients", "min_mandate_share", "other_domains"]}}, "required": ["kind"]},
        "then": {"required": ["min"]}
    },
    {
        "if": {"properties": {"kind": {"const": "documents"}}, "required": ["kind"]},
        "then": {"required": ["documents"]}
    },
    {
        "if": {"properties": {"kind": {"const": "other"}}, "required": ["kind"]},
        "then": {"required": ["description"]}
    }
]))]
pub struct Condition {
    /// What the condition asks.
    pub kind: S<ConditionKind>,
    /// The threshold: listed patients, percent of the mandate, or number of other domains.
    pub min: Option<S<f64>>,
    /// For `min_mandate_share`: whether the share is of GPs or practices (`gps` when left out).
    pub of: Option<S<MandateBase>>,
    /// For `documents`: the kinds of documents asked for.
    #[serde(default)]
    pub documents: Vec<S<DocumentKind>>,
    /// Whether the region meets it; left out when not known.
    pub met: Option<S<bool>>,
    /// Free text; required for `other`.
    pub description: Option<S<String>>,
}

/// The kinds of contract conditions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ConditionKind {
    /// At least `min` listed patients in the region (CZ: 100000).
    MinListedPatients,
    /// A mandate from at least `min` percent of the region's GPs or practices (CZ: 85).
    MinMandateShare,
    /// The documents listed in `documents` exist (CZ: a zorgaanbodplan and a begroting).
    Documents,
    /// Concrete result agreements are made.
    ResultAgreements,
    /// At least `min` domains other than primary care and insurance take part (CZ: 2).
    OtherDomains,
    /// Anything else, in `description`.
    Other,
}

/// A result agreement (resultaatafspraak) of a contract (format 1.1).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResultAgreement {
    /// What is agreed, in one line.
    pub title: S<String>,
    /// The goals that measure it (ids).
    #[serde(default)]
    pub goals: Vec<S<Id>>,
    /// When it must be reached.
    pub deadline: Option<S<Date>>,
    /// Free text.
    pub description: Option<S<String>>,
}

/// A segment a contract covers, wholly or in part.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SegmentCoverage {
    /// The segment (or O&I).
    pub segment: S<FundingKind>,
    /// `full` or `partial`.
    pub scope: S<Scope>,
}

/// Full or partial coverage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    Full,
    Partial,
}

/// A module that practices contract one by one.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Module {
    /// The module's id, e.g. `wijkmanagement`.
    pub id: S<Id>,
    /// The name.
    pub name: S<String>,
    /// The contract that funds it (a contract id).
    pub contract: Option<S<Id>>,
    /// Themes the module serves (ids).
    #[serde(default)]
    pub themes: Vec<S<Id>>,
    /// How many practices contracted the module, over time.
    #[serde(default)]
    pub uptake: Vec<Uptake>,
    /// Free text.
    pub description: Option<S<String>>,
}

/// Uptake of a module at a date.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Uptake {
    /// When the uptake was counted.
    pub date: S<Date>,
    /// Practices that contracted the module.
    pub practices: S<u64>,
    /// Listed patients of those practices.
    pub listed_patients: Option<S<u64>>,
}

/// A supporting service.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Service {
    /// The service's id.
    pub id: S<Id>,
    /// The name, e.g. `ICT-praktijkscan`.
    pub name: S<String>,
    /// Themes the service serves (ids).
    #[serde(default)]
    pub themes: Vec<S<Id>>,
    /// Free text.
    pub description: Option<S<String>>,
}

/// A neighbourhood (wijk) or neighbourhood collaboration (WSV).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Neighbourhood {
    /// The neighbourhood's id.
    pub id: S<Id>,
    /// The name, e.g. `Delfshaven`.
    pub name: S<String>,
    /// The municipality it lies in.
    pub municipality: Option<S<String>>,
    /// The wijkmanager (a person id).
    pub manager: Option<S<Id>>,
    /// Since when the neighbourhood has a wijkmanager.
    pub managed_since: Option<S<Date>>,
    /// Modules that run in this neighbourhood (ids), e.g. wijkmanagement.
    #[serde(default)]
    pub modules: Vec<S<Id>>,
    /// The neighbourhood's multidisciplinary collaboration, if there is one.
    pub collaboration: Option<Collaboration>,
    /// Free text.
    pub description: Option<S<String>>,
}

/// A neighbourhood collaboration (wijksamenwerkingsverband).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Collaboration {
    /// The collaboration's name, e.g. `WSV Uithoorn`.
    pub name: S<String>,
    /// Since when it exists.
    pub since: Option<S<Date>>,
    /// Disciplines that take part.
    #[serde(default)]
    pub disciplines: Vec<S<String>>,
}

/// A programme or pilot.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Programme {
    /// The programme's id, e.g. `krachtige-basiszorg`.
    pub id: S<Id>,
    /// The name.
    pub name: S<String>,
    /// Programme or pilot.
    pub kind: S<ProgrammeKind>,
    /// When it started.
    pub start: S<Date>,
    /// When it ended or ends, if known.
    pub end: Option<S<Date>>,
    /// Organisations that run or fund it (ids).
    #[serde(default)]
    pub partners: Vec<S<Id>>,
    /// Themes it serves (ids).
    #[serde(default)]
    pub themes: Vec<S<Id>>,
    /// Goals it serves (ids).
    #[serde(default)]
    pub goals: Vec<S<Id>>,
    /// Whether participants form a learning network.
    #[serde(default)]
    pub learning_network: bool,
    /// Figures over time.
    #[serde(default)]
    pub figures: Vec<ProgrammeFigure>,
    /// Free text.
    pub description: Option<S<String>>,
}

/// Programme or pilot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProgrammeKind {
    Programme,
    Pilot,
}

/// A dated figure of a programme.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProgrammeFigure {
    /// When the figure was counted.
    pub date: S<Date>,
    /// What the figure counts.
    pub metric: S<Metric>,
    /// The count.
    pub value: S<u64>,
    /// Free text.
    pub note: Option<S<String>>,
}

/// What a programme figure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// Practices taking part.
    Practices,
    /// Practice plans submitted.
    PlansSubmitted,
    /// Practice plans funded.
    PlansFunded,
    /// Residents reached.
    ResidentsReached,
    /// Patients reached.
    PatientsReached,
}

/// A funding line.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FundingLine {
    /// Who pays (an organisation id).
    pub payer: S<Id>,
    /// Who receives (an organisation id).
    pub recipient: S<Id>,
    /// The year the money is for.
    pub year: S<u64>,
    /// The segment or O&I.
    pub line: S<FundingKind>,
    /// The O&I title or a finer label, e.g. `regiomanagement`.
    pub title: Option<S<String>>,
    /// Amount in euro.
    #[schemars(range(min = 0))]
    pub amount_eur: S<f64>,
    /// The programme the money is for (an id).
    pub programme: Option<S<Id>>,
    /// True when the amount is made up because the sources do not give it.
    #[serde(default)]
    pub illustrative: bool,
    /// Free text.
    pub note: Option<S<String>>,
}

/// Funding segments of Dutch GP care.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum FundingKind {
    /// Basic care: capitation and consults.
    #[serde(rename = "segment_1")]
    Segment1,
    /// Multidisciplinary chain care.
    #[serde(rename = "segment_2")]
    Segment2,
    /// Rewarding results and innovation.
    #[serde(rename = "segment_3")]
    Segment3,
    /// Organisatie & Infrastructuur.
    OAndI,
    /// Programme money outside the segments.
    Programme,
    Other,
}

/// A source of facts.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The title of the article or report.
    pub title: S<String>,
    /// Who published it.
    pub publisher: Option<S<String>>,
    /// When it was published.
    pub date: Option<S<Date>>,
    /// Where it can be found.
    pub url: Option<S<String>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast path for `YYYY-MM-DD` reads the same days as chrono's `%Y-%m-%d`, and refuses the
    /// same impossible ones.
    #[test]
    fn a_day_reads_as_chrono_reads_it() {
        for year in [1900, 2000, 2023, 2024, 9999] {
            for month in 0..=13 {
                for day in 0..=32 {
                    let text = format!("{year:04}-{month:02}-{day:02}");
                    let chrono = NaiveDate::parse_from_str(&text, "%Y-%m-%d")
                        .map_or_else(|_| Date::Impossible(text.clone()), Date::Day);
                    assert_eq!(Date::parse(&text), chrono, "{text}");
                }
            }
        }
        assert_eq!(Date::parse("2024"), Date::Year(2024));
        assert_eq!(Date::parse("2024-06"), Date::Month(2024, 6));
        assert_eq!(
            Date::parse("2024-13"),
            Date::Impossible("2024-13".to_string())
        );
        // Other forms still go through chrono, as before.
        assert_eq!(
            Date::parse("2024-6-1"),
            NaiveDate::parse_from_str("2024-6-1", "%Y-%m-%d")
                .map_or_else(|_| Date::Impossible("2024-6-1".to_string()), Date::Day)
        );
    }
}
