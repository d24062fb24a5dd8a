//! Every word a report shows, in English and Dutch: headings, columns, status words, units;
//! those of the gap analysis in [`gaps`].
//!
//! One flat list of [`Label`] constants, grouped by comment headings, so that a translation is
//! found and changed in one place. [`ALL`] lists every constant; a test checks that none is
//! empty in either language and that no two share an English text with different meanings.
//! Builders pick a label and call [`Label::get`] with the report's language; the words for the
//! plan's enum values come from [`word`].

use super::Label;
use crate::plan::domain::Named;

/// The words for an enum value of the plan (`in_progress` is "in progress", "in uitvoering"),
/// from the one table of enum words beside the plan's own words in `plan::domain`.
#[must_use]
pub fn word<T: Named>(value: T) -> Label {
    let (en, nl) = value.words();
    Label { en, nl }
}

macro_rules! labels {
    ($($name:ident = $en:literal, $nl:literal;)*) => {
        $(pub const $name: Label = Label { en: $en, nl: $nl };)*
        /// Every label, for the completeness test.
        pub static ALL: &[&Label] = &[$(&$name),*];
    };
}

labels! {
    // Report titles and leads
    PLAN_REPORT = "Plan report", "Rapportage regioplan";
    THEME_REPORT = "Theme report", "Rapportage thema";
    AS_OF = "As of", "Peildatum";
    PLANS = "Plans", "Plannen";
    GOALS_TOTAL = "Goals", "Doelen";
    FILE = "File", "Bestand";

    // The summary on page one
    SUMMARY_SECTION = "Summary", "Samenvatting";
    SUMMARY_THEMES = "Themes at a glance: red when a goal is overdue or a condition on its goals is not met; amber when a goal is behind or at risk, or such a condition is partly met or not shown; 'no goals' (grey) when the theme has no goals, as there is nothing to judge; green otherwise.",
        "Thema's in één oogopslag: rood als een doel over de deadline is of een voorwaarde op de doelen niet voldaan is; oranje als een doel achterloopt of risico loopt, of zo'n voorwaarde deels voldaan of niet aangetoond is; 'geen doelen' (grijs) als het thema geen doelen heeft, want dan is er niets te beoordelen; anders groen.";
    SUMMARY_GOALS = "Goals overdue or behind their trajectory", "Doelen over de deadline of achter op het traject";
    SUMMARY_NO_GOALS = "No goal is overdue or behind its trajectory.", "Geen doel is over de deadline of loopt achter.";
    SUMMARY_CONDITIONS = "Insurer conditions not met or not shown", "Voorwaarden van zorgverzekeraars die niet voldaan of niet aangetoond zijn";
    SUMMARY_NO_CONDITIONS = "Every insurer condition is met.", "Aan elke voorwaarde van de zorgverzekeraars is voldaan.";
    SUMMARY_FUNDING = "Funding by funding line, all years", "Financiering per financieringslijn, alle jaren";
    LIGHT = "Light", "Stoplicht";
    LIGHT_NO_GOALS = "no goals", "geen doelen";
    LIGHT_GREEN = "green", "groen";
    LIGHT_AMBER = "amber", "oranje";
    LIGHT_RED = "red", "rood";
    OVERDUE_GOALS = "Overdue", "Verlopen";
    BEHIND_GOALS = "Behind or at risk", "Achterstand of risico";
    DAYS_OVERDUE = "Days past deadline", "Dagen over de deadline";
    SHARE_OF_TOTAL = "Share of total", "Aandeel van het totaal";

    // The trend of a goal
    TRENDS_SECTION = "Trend per goal", "Verloop per doel";
    TREND_MEASURED = "measured", "gemeten";
    TREND_PLANNED = "planned", "gepland";
    TRENDS_LEAD = "Each chart shows a goal measured two or more times: what was measured, from the baseline on, beside the planned course through the milestones with a target to the target at the deadline.",
        "Elke grafiek toont een doel dat twee keer of vaker gemeten is: wat gemeten is, vanaf de nulmeting, naast de geplande koers via de mijlpalen met een streefwaarde naar de streefwaarde op de deadline.";

    // Section headings
    REGION_SECTION = "Region", "Regio";
    MEMBERS_SECTION = "Members", "Leden";
    GOVERNANCE_SECTION = "Governance", "Bestuur";
    PLAN_SECTION = "Plan", "Plan";
    THEMES_SECTION = "Themes", "Thema's";
    GOALS_BY_STATUS_CHART = "Goals by status per theme", "Doelen per status per thema";
    BUILDING_BLOCKS_SECTION = "Building blocks", "Bouwstenen";
    CONTRACTS_SECTION = "Contracts", "Contracten";
    PROGRAMMES_SECTION = "Programmes", "Programma's";
    MODULES_SECTION = "Modules", "Modules";
    FUNDING_SECTION = "Funding", "Financiering";
    FUNDING_PER_MEMBER_SECTION = "Funding per member", "Financiering per lid";
    ATTENTION_SECTION = "Overdue and at-risk goals", "Verlopen doelen en doelen met risico";
    WORKGROUP_SECTION = "Workgroup", "Werkgroep";
    GOALS_SECTION = "Goals", "Doelen";
    MILESTONES_SECTION = "Milestones", "Mijlpalen";

    // Columns
    REGION = "Region", "Regio";
    SHORT_NAME = "Short name", "Korte naam";
    MUNICIPALITIES = "Municipalities", "Gemeenten";
    STARTED = "Started", "Gestart";
    GOVERNANCE_MODEL = "Governance model", "Bestuursmodel";
    GPS = "GPs", "Huisartsen";
    PRACTICES = "Practices", "Praktijken";
    LISTED_PATIENTS = "Listed patients", "Ingeschreven patiënten";
    PRACTICES_JOINED = "Practices joined", "Aangesloten praktijken";
    FIGURES_AS_OF = "Figures as of", "Cijfers per";
    ORGANISATION = "Organisation", "Organisatie";
    KIND = "Kind", "Soort";
    BODY = "Body", "Orgaan";
    TAKES_DECISIONS = "Takes decisions", "Besluitvormend";
    SEATS = "Seats", "Zetels";
    CHAIR = "Chair", "Voorzitter";
    PERIOD_START = "Start", "Start";
    PERIOD_END = "End", "Einde";
    HORIZON_DATE = "Horizon", "Stip op de horizon";
    HORIZON = "Point on the horizon", "Beschrijving stip";
    AMBITION = "Ambition", "Ambitie";
    MONITORING = "Monitoring", "Monitoring";
    THEME = "Theme", "Thema";
    TREKKER = "Trekker", "Trekker";
    WORKGROUP = "Workgroup", "Werkgroep";
    WORKGROUP_SIZE = "Workgroup size", "Omvang werkgroep";
    BOARD_CONTACT = "Board contact", "Aanspreekpunt DB";
    STRATEGIC = "Strategic", "Strategisch";
    BUILDING_BLOCKS = "Building blocks", "Bouwstenen";
    EXTRA_ATTENTION = "Extra attention", "Extra aandacht";
    RATIONALE = "Rationale", "Motivering";
    GOALS = "Goals", "Doelen";
    PROGRESS = "Progress", "Voortgang";
    BUILDING_BLOCK = "Building block", "Bouwsteen";
    LEVEL = "Level", "Niveau";
    SERVED_BY = "Themes serving it", "Thema's die eraan bijdragen";
    NOTE = "Note", "Toelichting";
    CONTRACT = "Contract", "Contract";
    INSURER = "Insurer", "Zorgverzekeraar";
    SEGMENTS = "Segments", "Segmenten";
    PROGRAMME = "Programme", "Programma";
    RESIDENTS_REACHED = "Residents reached", "Bereikte bewoners";
    PATIENTS_REACHED = "Patients reached", "Bereikte patiënten";
    PLANS_SUBMITTED = "Plans submitted", "Ingediende plannen";
    PLANS_FUNDED = "Plans funded", "Gefinancierde plannen";
    LEARNING_NETWORK = "Learning network", "Lerend netwerk";
    MODULE = "Module", "Module";
    UPTAKE_DATE = "Counted", "Geteld op";
    SHARE_OF_PRACTICES = "Share of practices", "Aandeel praktijken";
    SHARE_OF_PATIENTS = "Share of patients", "Aandeel patiënten";
    YEAR = "Year", "Jaar";
    LINE = "Line", "Lijn";
    PAYER = "Payer", "Betaler";
    RECIPIENT = "Recipient", "Ontvanger";
    TITLE = "Title", "Titel";
    AMOUNT = "Amount", "Bedrag";
    AMOUNT_PER_YEAR = "Amount per year", "Bedrag per jaar";
    AMOUNT_OVER_YEARS = "Amount over its years", "Bedrag over de looptijd";
    ILLUSTRATIVE = "Illustrative", "Illustratief";
    MEMBER = "Member", "Lid";
    PER_LISTED_PATIENT = "Per listed patient", "Per ingeschreven patiënt";
    PERSON = "Person", "Persoon";
    ROLE = "Role", "Rol";
    PROFESSION = "Profession", "Beroep";
    GOAL = "Goal", "Doel";
    PARENT = "Part of", "Onderdeel van";
    OWNER = "Owner", "Eigenaar";
    STATUS = "Status", "Status";
    DEADLINE = "Deadline", "Deadline";
    DAYS_TO_DEADLINE = "Days to deadline", "Dagen tot deadline";
    INDICATOR = "Indicator", "Indicator";
    UNIT = "Unit", "Eenheid";
    BASELINE = "Baseline", "Nulmeting";
    LATEST = "Latest", "Laatste meting";
    MEASURED = "Measured", "Gemeten op";
    NEXT_MILESTONE = "Next milestone", "Volgende mijlpaal";
    MILESTONE_TARGET = "Milestone target", "Streefwaarde mijlpaal";
    DATE = "Date", "Datum";
    DESCRIPTION = "Description", "Omschrijving";
    MANDATE_SHARE = "Mandate share", "Mandaat";
    MANDATE_OF = "Share of", "Aandeel van";
    GIVEN_BY = "Given by", "Gegeven door";
    PURPOSE = "Purpose", "Waarvoor";
    LOCAL_NAME = "Local name", "Eigen benaming";
    ADOPTED = "Adopted", "Vastgesteld";
    ADOPTED_BY = "Adopted by", "Vastgesteld door";
    DOCUMENT = "Document", "Document";
    CO_INSURERS = "Co-insurers", "Volgverzekeraars";
    BASIS = "Basis", "Grondslag";
    CONDITION = "Condition", "Voorwaarde";
    READING = "The plan's figures read", "Volgens de cijfers";
    THRESHOLD = "Threshold", "Drempel";
    MET = "Met", "Voldaan";
    RESULT_AGREEMENT = "Result agreement", "Resultaatafspraak";
    DOMAIN = "Domain", "Domein";
    TARGET = "Target", "Streefwaarde";
    DIRECTION = "Direction", "Richting";
    ON_TRACK = "On track", "Op koers";
    WHY = "Why", "Waarom";
    DAYS = "days", "dagen";
    YES = "yes", "ja";
    NO = "no", "nee";
    UNKNOWN = "unknown", "onbekend";

    // A value that cannot be computed from the plan's figures
    NOT_COMPUTABLE = "not computable: a division by zero or a value beyond the range of numbers",
        "niet te berekenen: een deling door nul of een waarde buiten het bereik van getallen";

    // Trajectory words
    TRACK_REACHED = "reached", "bereikt";
    TRACK_ON_TRACK = "on track", "op koers";
    TRACK_BEHIND = "behind", "loopt achter";

    // Why a goal needs attention
    WHY_OVERDUE = "overdue", "deadline verstreken";
    WHY_AT_RISK = "status at risk", "status risico";
    WHY_BEHIND = "behind its trajectory", "loopt achter op het traject";

    // What a mandate is a share of
    PCT_OF_GPS = "% of GPs", "% van de huisartsen";
    PCT_OF_PRACTICES = "% of practices", "% van de praktijken";
    UNIT_PATIENTS = "patients", "patiënten";
    UNIT_DOMAINS = "domains", "domeinen";

    TOTAL = "total", "totaal";
}

/// The words of the gap analysis (`regioplan gaps`); its sentences with figures are built in
/// `analysis::gaps::labels` from these.
pub mod gaps {
    use super::Label;

    labels! {
        TITLE = "Gap analysis", "Gap-analyse";
        PLANS = "Plans", "Plannen";
        AS_OF = "As of", "Peildatum";
        ERRORS = "Errors", "Fouten";
        WARNINGS = "Warnings", "Waarschuwingen";
        ERROR = "error", "fout";
        WARNING = "warning", "waarschuwing";
        REGION = "Region", "Regio";
        SEVERITY = "Severity", "Ernst";
        KIND = "Kind", "Soort";
        LOCATION = "Location", "Plaats";
        WHAT = "What", "Wat";
        SUGGESTION = "Suggestion", "Suggestie";
        THEME = "Theme", "Thema";
        GOALS = "Goals", "Doelen";
        GOAL = "Goal", "Doel";
        SCORE = "Score", "Score";
        INDICATOR = "Indicator", "Indicator";
        BASELINE = "Baseline", "Nulmeting";
        TARGET = "Target", "Streefwaarde";
        OWNER = "Owner", "Eigenaar";
        DEADLINE = "Deadline", "Deadline";
        MILESTONES = "Milestones", "Mijlpalen";
        MONITORING = "Monitoring", "Monitoring";
        MEASURED_ON = "Measured on", "Gemeten op";
        MEASURED = "Measured", "Gemeten";
        EXPECTED = "Expected", "Verwacht";
        PROGRESS = "Progress", "Voortgang";
        EXPECTED_PROGRESS = "Expected progress", "Verwachte voortgang";
        PROJECTED = "Target reached", "Streefwaarde bereikt";
        NOT_AT_THIS_PACE = "not at this pace", "niet in dit tempo";
        NO_PACE_YET = "not computable: no pace yet (measured at the start)", "niet te berekenen: nog geen tempo (gemeten bij de start)";
        BEYOND_CALENDAR = "not computable: at this pace further away than any calendar date", "niet te berekenen: in dit tempo verder weg dan elke kalenderdatum";
        STATUS = "Status", "Status";
        BEHIND = "behind", "loopt achter";
        REACHED = "reached", "bereikt";
        ON_TRACK = "on track", "op koers";
        OWN_STANDARD = "Against the plan's own standard", "Ten opzichte van de eigen norm van het plan";
        FRAMEWORK = "Framework", "Kader";
        FRAMEWORKS = "Frameworks", "Kaders";
        REQUIREMENT = "Requirement", "Eis";
        TITLE_COLUMN = "Title", "Titel";
        VERDICT = "Verdict", "Oordeel";
        EVIDENCE = "Evidence", "Gevonden";
        MISSING = "Missing", "Ontbreekt";
        MET = "met", "voldaan";
        PARTLY_MET = "partly met", "deels voldaan";
        NOT_MET = "not met", "niet voldaan";
        NOT_SHOWN = "not shown", "niet aangetoond";
        ON_ILLUSTRATIVE = "on illustrative figures", "op illustratieve cijfers";
        CONDITIONS_SECTION = "Contract conditions: the plan's word and the plan's figures", "Contractvoorwaarden: wat het plan zegt en wat de cijfers tonen";
        CONTRACT = "Contract", "Contract";
        CONDITION = "Condition", "Voorwaarde";
        MARKED = "Marked in the plan", "Volgens het plan";
        NOT_READ = "not read (free text)", "niet gelezen (vrije tekst)";
        ACCEPTED_SECTION = "Accepted in the plan (not counted)", "Geaccepteerd in het plan (niet meegeteld)";
        REASON = "Reason", "Reden";
        FUNDING = "Financial level playing field", "Financieel gelijk speelveld";
        FUNDING_CHART = "Funding per listed patient", "Financiering per ingeschreven patiënt";
        MEMBER = "Member", "Lid";
        MEMBERS = "Members", "Leden";
        YEAR = "Year", "Jaar";
        LINE = "Line", "Lijn";
        AMOUNT = "Amount", "Bedrag";
        PATIENTS = "Listed patients", "Ingeschreven patiënten";
        PER_PATIENT = "Per listed patient", "Per ingeschreven patiënt";
        MIN = "Min", "Min";
        MEDIAN = "Median", "Mediaan";
        MAX = "Max", "Max";
        RATIO = "Max/min", "Max/min";
        GINI = "Gini", "Gini";
        TO_MEDIAN = "Yearly to median", "Per jaar naar mediaan";
        TO_MAX = "Yearly to best-funded", "Per jaar naar best gefinancierde";
        WITHOUT_PATIENTS = "Members without a patient count (not compared):", "Leden zonder patiëntaantal (niet vergeleken):";
        UPTAKE = "Uptake and coverage", "Deelname en dekking";
        UPTAKE_CHART = "Share of practices per module", "Aandeel praktijken per module";
        PRACTICES = "Practices", "Praktijken";
        JOINED = "Joined", "Aangesloten";
        NOT_JOINED = "Not joined", "Niet aangesloten";
        IN_NO_MODULE = "In no module", "In geen module";
        MODULE = "Module", "Module";
        DATE = "Date", "Datum";
        PRACTICE_SHARE = "Share of practices", "Aandeel praktijken";
        PATIENT_SHARE = "Share of patients", "Aandeel patiënten";
        PROGRAMME = "Programme", "Programma";
        PEERS = "Peers", "Andere regio's";
        BUILDING_BLOCK = "Building block", "Bouwsteen";
        REGIONAL = "regional", "regionaal";
        LEFT_TO_MEMBERS = "left to members", "bij de leden";
        UNDECIDED = "undecided", "onbeslist";
        SERVED = "served by a programme or module", "via een programma of module";
        NOT_MENTIONED = "not mentioned", "niet genoemd";
        KIND_THEME_WITHOUT_ROLE = "theme without a role", "thema zonder rol";
        KIND_GOAL_QUALITY = "goal incomplete", "doel onvolledig";
        KIND_GOAL_OVERDUE = "goal overdue", "doel verlopen";
        KIND_GOAL_BEHIND = "goal behind", "doel loopt achter";
        KIND_NOTHING_DUE = "nothing due in the period", "niets af in de planperiode";
        KIND_UNDECIDED = "theme undecided", "thema onbeslist";
        KIND_REQUIREMENT = "framework requirement", "eis van een kader";
        KIND_CONDITION_CONTRADICTED = "condition contradicted", "voorwaarde weersproken";
        KIND_UNEQUAL_FUNDING = "unequal funding", "ongelijke financiering";
        KIND_MEMBER_WITHOUT_PATIENTS = "member without patients", "lid zonder patiëntaantal";
        KIND_PRACTICES_NOT_JOINED = "practices not joined", "praktijken niet aangesloten";
        KIND_NEIGHBOURHOOD_UNCOVERED = "neighbourhood uncovered", "wijk niet gedekt";
        KIND_REACH_BELOW_TARGET = "reach below target", "bereik onder streefwaarde";
        KIND_PEER_COVERAGE = "covered by peers", "opgepakt door andere regio's";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_label_is_missing_in_either_language() {
        for label in ALL.iter().chain(gaps::ALL) {
            assert!(
                !label.en.trim().is_empty(),
                "empty English label: {label:?}"
            );
            assert!(
                !label.nl.trim().is_empty(),
                "empty Dutch label for `{}`",
                label.en
            );
        }
    }

    #[test]
    fn labels_carry_no_markup_or_control_characters() {
        for label in ALL.iter().chain(gaps::ALL) {
            for text in [label.en, label.nl] {
                assert!(
                    !text.contains(['|', '<', '>', '\n', '`'])
                        && !text.chars().any(char::is_control),
                    "{text:?}"
                );
            }
        }
    }
}
