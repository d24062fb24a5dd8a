//! Properties of `check` over generated plans (proptest): a plan written within the format
//! (any number of people, themes and goals, any ids, names, dates and indicators the format
//! allows, see `docs/plan-format.md`) passes with no findings; the same plan with one fault
//! gets exactly the finding for that fault, with its rule code, on the line of the fault; the
//! same plan with mistakes `check --fix --unsafe-fixes` repairs comes back clean and identical
//! outside the lines of the mistakes.
//!
//! The case counts are kept small so that this runs in seconds with `cargo test`; set
//! `PROPTEST_CASES` to run more.

use proptest::prelude::*;
use proptest::sample::select;

use regioplan::check::check_bytes;
use regioplan::config::Settings;
use regioplan::plan::catalogue::Catalogue;

/// One goal as generated.
#[derive(Debug, Clone)]
struct Goal {
    title: String,
    owner: usize,
    status: &'static str,
    /// Days after the period's start.
    deadline: u32,
    indicator: String,
    unit: &'static str,
    target: u32,
    direction: &'static str,
}

#[derive(Debug, Clone)]
struct Theme {
    name: String,
    strategic: &'static str,
    trekker: usize,
    board_contact: usize,
    goals: Vec<Goal>,
}

#[derive(Debug, Clone)]
struct Plan {
    region: String,
    municipalities: Vec<String>,
    /// The first year of the period; the period runs `years` whole years.
    start_year: i32,
    years: i32,
    /// Prefixes make the ids differ from case to case; an index keeps them unique.
    person_prefix: String,
    theme_prefix: String,
    people: Vec<String>,
    themes: Vec<Theme>,
}

const WORDS: &[&str] = &[
    "Amstelland",
    "GGZ",
    "ouderenzorg",
    "toegang",
    "wachttijd",
    "praktijk",
    "wijk",
    "samenwerking",
    "Zuid",
    "Noord",
    "ketenzorg",
    "diabetes",
    "Rijnmond",
    "ondersteuning",
    "arbeidsmarkt",
    "ICT",
    "preventie",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(select(WORDS), 1..5).prop_map(|w| w.join(" "))
}

fn goal(people: usize) -> impl Strategy<Value = Goal> {
    (
        text(),
        0..people,
        select(&["planned", "in_progress", "at_risk"][..]),
        0u32..365,
        text(),
        select(&["weken", "procent", "praktijken", "patiënten"][..]),
        1u32..100_000,
        select(&["increase", "decrease"][..]),
    )
        .prop_map(
            |(title, owner, status, deadline, indicator, unit, target, direction)| Goal {
                title,
                owner,
                status,
                deadline,
                indicator,
                unit,
                // A share in percent lies within 0-100 (RP403).
                target: if unit == "procent" {
                    target % 100 + 1
                } else {
                    target
                },
                direction,
            },
        )
}

fn theme(people: usize) -> impl Strategy<Value = Theme> {
    (
        text(),
        select(&["regional", "left_to_members"][..]),
        0..people,
        0..people,
        prop::collection::vec(goal(people), 1..4),
    )
        .prop_map(|(name, strategic, trekker, board_contact, goals)| Theme {
            name,
            strategic,
            trekker,
            board_contact,
            goals,
        })
}

fn plan() -> impl Strategy<Value = Plan> {
    (1usize..6).prop_flat_map(|people| {
        (
            text(),
            prop::collection::vec(select(WORDS), 1..4),
            2015i32..2024,
            1i32..4,
            "[a-z]{1,6}\\.",
            "[a-z]{1,6}-",
            prop::collection::vec(text(), people..=people),
            prop::collection::vec(theme(people), 1..4),
        )
            .prop_map(
                |(
                    region,
                    municipalities,
                    start_year,
                    years,
                    person_prefix,
                    theme_prefix,
                    people,
                    themes,
                )| {
                    Plan {
                        region,
                        municipalities: municipalities.into_iter().map(str::to_string).collect(),
                        start_year,
                        years,
                        person_prefix,
                        theme_prefix,
                        people,
                        themes,
                    }
                },
            )
    })
}

/// The faults a plan can be given, each with the rule that must report it.
#[derive(Debug, Clone, Copy)]
enum Fault {
    UnknownKey,
    UnknownPerson,
    UnknownWorkgroup,
    DuplicatePersonId,
    DeadlineOutsidePeriod,
    ImpossibleDate,
    WrongType,
    InvalidValue,
}

impl Fault {
    const ALL: [Fault; 8] = [
        Fault::UnknownKey,
        Fault::UnknownPerson,
        Fault::UnknownWorkgroup,
        Fault::DuplicatePersonId,
        Fault::DeadlineOutsidePeriod,
        Fault::ImpossibleDate,
        Fault::WrongType,
        Fault::InvalidValue,
    ];

    fn code(self) -> &'static str {
        match self {
            Fault::UnknownKey => "RP010",
            Fault::UnknownPerson => "RP102",
            Fault::UnknownWorkgroup => "RP109",
            Fault::DuplicatePersonId => "RP101",
            Fault::DeadlineOutsidePeriod => "RP202",
            Fault::ImpossibleDate => "RP201",
            Fault::WrongType => "RP012",
            Fault::InvalidValue => "RP013",
        }
    }
}

/// Writes the plan, with `fault` (if any) in the goal `at` (counted over all themes) or, for a
/// person, after the people; returns the text and the 1-based line the fault must be reported on.
fn write(plan: &Plan, fault: Option<Fault>, at: usize) -> (String, usize) {
    let mut lines: Vec<String> = Vec::new();
    let push = |lines: &mut Vec<String>, line: String| lines.push(line);
    let person = |i: usize| format!("{}p{i}", plan.person_prefix);
    let end_year = plan.start_year + plan.years - 1;
    push(&mut lines, "regioplan: 1".into());
    push(&mut lines, "region:".into());
    push(&mut lines, format!("  name: {}", plan.region));
    push(
        &mut lines,
        format!("  municipalities: [{}]", plan.municipalities.join(", ")),
    );
    push(
        &mut lines,
        format!("  started: {}-01-01", plan.start_year - 1),
    );
    push(&mut lines, "  governance_model: monodisciplinary".into());
    push(&mut lines, "period:".into());
    push(&mut lines, format!("  start: {}-01-01", plan.start_year));
    push(&mut lines, format!("  end: {end_year}-12-31"));
    push(&mut lines, "people:".into());
    for (i, name) in plan.people.iter().enumerate() {
        push(&mut lines, format!("  - id: {}", person(i)));
        push(&mut lines, format!("    name: {name}"));
    }
    if matches!(fault, Some(Fault::DuplicatePersonId)) {
        push(
            &mut lines,
            format!("  - id: {}", person(at % plan.people.len())),
        );
        push(&mut lines, "    name: Dubbel".into());
    }
    push(&mut lines, "governance:".into());
    push(&mut lines, "  - id: ab".into());
    push(&mut lines, "    name: Algemeen bestuur".into());
    push(&mut lines, "    kind: algemeen_bestuur".into());
    push(&mut lines, "workgroups:".into());
    for (t, _) in plan.themes.iter().enumerate() {
        push(&mut lines, format!("  - id: wg-{t}"));
        push(&mut lines, format!("    name: Werkgroep {t}"));
    }
    push(&mut lines, "themes:".into());
    let mut n = 0;
    for (t, theme) in plan.themes.iter().enumerate() {
        push(&mut lines, format!("  - id: {}{t}", plan.theme_prefix));
        push(&mut lines, format!("    name: {}", theme.name));
        push(&mut lines, format!("    strategic: {}", theme.strategic));
        push(
            &mut lines,
            format!("    trekker: {}", person(theme.trekker)),
        );
        let here = n <= at && at < n + theme.goals.len();
        if here && matches!(fault, Some(Fault::UnknownWorkgroup)) {
            push(&mut lines, "    workgroup: wg-onbekend".into());
        } else {
            push(&mut lines, format!("    workgroup: wg-{t}"));
        }
        push(
            &mut lines,
            format!("    board_contact: {}", person(theme.board_contact)),
        );
        push(&mut lines, "    goals:".into());
        for (g, goal) in theme.goals.iter().enumerate() {
            let faulty = if n == at { fault } else { None };
            n += 1;
            let field = |lines: &mut Vec<String>, which: Fault, good: String, bad: String| {
                if faulty
                    .is_some_and(|f| std::mem::discriminant(&f) == std::mem::discriminant(&which))
                {
                    lines.push(bad);
                } else {
                    lines.push(good);
                }
            };
            push(
                &mut lines,
                format!("      - id: {}{t}-{g}", plan.theme_prefix),
            );
            push(&mut lines, format!("        title: {}", goal.title));
            field(
                &mut lines,
                Fault::UnknownKey,
                String::new(),
                "        kleur: blauw".into(),
            );
            field(
                &mut lines,
                Fault::UnknownPerson,
                format!("        owner: {}", person(goal.owner)),
                "        owner: niet.bekend".into(),
            );
            field(
                &mut lines,
                Fault::InvalidValue,
                format!("        status: {}", goal.status),
                "        status: bezig".into(),
            );
            let deadline = chrono::NaiveDate::from_ymd_opt(plan.start_year, 1, 1).expect("date")
                + chrono::Days::new(u64::from(goal.deadline));
            let good = format!("        deadline: {deadline}");
            if faulty.is_some_and(|f| matches!(f, Fault::DeadlineOutsidePeriod)) {
                lines.push(format!("        deadline: {}-06-30", end_year + 2));
            } else if faulty.is_some_and(|f| matches!(f, Fault::ImpossibleDate)) {
                lines.push(format!("        deadline: {}-02-30", plan.start_year));
            } else {
                lines.push(good);
            }
            push(&mut lines, "        indicator:".into());
            push(&mut lines, format!("          name: {}", goal.indicator));
            push(&mut lines, format!("          unit: {}", goal.unit));
            field(
                &mut lines,
                Fault::WrongType,
                format!("          target: {}", goal.target),
                "          target: [veel]".into(),
            );
            push(
                &mut lines,
                format!("          direction: {}", goal.direction),
            );
        }
    }
    lines.retain(|l| !l.is_empty());
    // The line of the fault, found by its text.
    let text = lines.join("\n") + "\n";
    let line = fault.map_or(0, |f| {
        let needle = match f {
            Fault::UnknownKey => "kleur: blauw".to_string(),
            Fault::UnknownPerson => "owner: niet.bekend".to_string(),
            Fault::UnknownWorkgroup => "workgroup: wg-onbekend".to_string(),
            Fault::DuplicatePersonId => "name: Dubbel".to_string(),
            Fault::DeadlineOutsidePeriod => format!("deadline: {}-06-30", end_year + 2),
            Fault::ImpossibleDate => format!("deadline: {}-02-30", plan.start_year),
            Fault::WrongType => "target: [veel]".to_string(),
            Fault::InvalidValue => "status: bezig".to_string(),
        };
        let found = lines
            .iter()
            .position(|l| l.ends_with(&needle))
            .expect("the fault is written")
            + 1;
        // A duplicate id is reported at the id, the line before the name.
        if matches!(f, Fault::DuplicatePersonId) {
            found - 1
        } else {
            found
        }
    });
    (text, line)
}

fn run(text: &str) -> regioplan::diagnostic::FileResult {
    let settings = Settings::defaults(chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("date"));
    check_bytes(
        "generated.yaml",
        text.as_bytes(),
        &settings,
        &Catalogue::built_in(),
    )
}

fn goals(plan: &Plan) -> usize {
    plan.themes.iter().map(|t| t.goals.len()).sum()
}

proptest! {
    #![proptest_config(ProptestConfig {
        // A failing case is printed whole, with the plan's text; no file of seeds is kept.
        failure_persistence: None,
        ..ProptestConfig::with_cases(64)
    })]

    #[test]
    fn a_plan_written_within_the_format_has_no_findings(plan in plan()) {
        let (text, _) = write(&plan, None, usize::MAX);
        let result = run(&text);
        let found: Vec<String> = result
            .diagnostics
            .iter()
            .map(|d| format!("{} {}: {}", d.code, result.source.position(d.primary.span.start).line, d.message.en()))
            .collect();
        prop_assert!(found.is_empty(), "{found:#?}\n{text}");
    }

    #[test]
    fn one_fault_gets_exactly_its_finding_on_its_line(
        plan in plan(),
        fault in select(&Fault::ALL[..]),
        at in any::<prop::sample::Index>(),
    ) {
        let at = at.index(goals(&plan));
        let (text, line) = write(&plan, Some(fault), at);
        let result = run(&text);
        let found: Vec<(&str, usize)> = result
            .diagnostics
            .iter()
            .map(|d| (d.code, result.source.position(d.primary.span.start).line))
            .collect();
        prop_assert_eq!(found, vec![(fault.code(), line)], "{:?}\n{}", fault, text);
    }
}

/// A mistake `check --fix --unsafe-fixes` repairs, made on one line of a goal.
#[derive(Debug, Clone, Copy)]
enum Mistake {
    /// `title: X: deel 2`: a colon inside a text (RP002, safe).
    ColonInTitle,
    /// `title: X #1 prioriteit`: a title cut by a comment (RP008, safe).
    HashInTitle,
    /// `title: “X: deel 2”`: curly quotes pasted from Word (RP002, safe).
    CurlyQuotes,
    /// `owner:\u{a0}id`: a non-breaking space after the colon (RP002, safe).
    NonBreakingSpace,
    /// `dedline:`: a misspelt key with one close match (RP010, unsafe).
    MisspeltKey,
    /// `target: 1.500` for 1500 patients: a Dutch thousands separator (RP017, unsafe).
    ThousandsSeparator,
}

const MISTAKES: [Mistake; 6] = [
    Mistake::ColonInTitle,
    Mistake::HashInTitle,
    Mistake::CurlyQuotes,
    Mistake::NonBreakingSpace,
    Mistake::MisspeltKey,
    Mistake::ThousandsSeparator,
];

/// The valid `text` with each mistake made in its goal (counted over all themes; one mistake
/// per goal); returns the text and the 0-based indexes of the lines changed.
fn with_mistakes(text: &str, mistakes: &[(usize, Mistake)]) -> (String, Vec<usize>) {
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    let titles: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.starts_with("        title: "))
        .map(|(i, _)| i)
        .collect();
    let mut changed = Vec::new();
    for &(goal, mistake) in mistakes {
        let Some(&t) = titles.get(goal % titles.len()) else {
            continue;
        };
        let (at, new) = match mistake {
            Mistake::ColonInTitle => (t, format!("{}: deel 2", lines[t])),
            // After a text of the form of an id (`ouderenzorg`), ` #` starts a comment.
            Mistake::HashInTitle
                if lines[t]
                    .trim_start_matches("        title: ")
                    .contains(|c: char| c == ' ' || c.is_uppercase()) =>
            {
                (t, format!("{} #1 prioriteit", lines[t]))
            }
            Mistake::HashInTitle => continue,
            Mistake::CurlyQuotes => {
                let title = lines[t].trim_start_matches("        title: ").to_string();
                (t, format!("        title: \u{201c}{title}: deel 2\u{201d}"))
            }
            Mistake::NonBreakingSpace => (t + 1, lines[t + 1].replacen(": ", ":\u{a0}", 1)),
            Mistake::MisspeltKey => (t + 3, lines[t + 3].replacen("deadline:", "dedline:", 1)),
            Mistake::ThousandsSeparator => {
                let whole =
                    lines[t + 6].contains("praktijken") || lines[t + 6].contains("patiënten");
                let target: Option<u32> = lines[t + 7]
                    .trim_start()
                    .strip_prefix("target: ")
                    .and_then(|n| n.parse().ok());
                match target {
                    Some(n) if whole && n >= 1000 => (
                        t + 7,
                        format!("          target: {}.{:03}", n / 1000, n % 1000),
                    ),
                    _ => continue,
                }
            }
        };
        if changed.iter().any(|&c: &usize| c.abs_diff(at) < 8) {
            // One mistake per goal.
            continue;
        }
        lines[at] = new;
        changed.push(at);
    }
    (lines.join("\n") + "\n", changed)
}

proptest! {
    #![proptest_config(ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::with_cases(32)
    })]

    #[test]
    fn fixing_every_mistake_gives_a_clean_plan_identical_outside_the_mistakes(
        plan in plan(),
        mistakes in prop::collection::vec((0usize..12, select(&MISTAKES[..])), 1..5),
    ) {
        let (valid, _) = write(&plan, None, usize::MAX);
        let (broken, changed) = with_mistakes(&valid, &mistakes);
        prop_assume!(!changed.is_empty());
        let settings = Settings::defaults(chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("date"));
        let fixed = regioplan::fix::fix_bytes(
            "generated.yaml",
            broken.as_bytes(),
            &settings,
            &Catalogue::built_in(),
            regioplan::diagnostic::Applicability::Unsafe,
        );
        let left: Vec<String> = fixed
            .result
            .diagnostics
            .iter()
            .map(|d| format!("{} {}", d.code, d.message.en()))
            .collect();
        prop_assert!(left.is_empty(), "{left:#?}\n{broken}");
        prop_assert!(fixed.applied.len() >= changed.len(), "{:?}\n{}", fixed.applied, broken);
        let text = String::from_utf8(fixed.bytes).expect("UTF-8");
        let (before, after): (Vec<&str>, Vec<&str>) = (valid.lines().collect(), text.lines().collect());
        prop_assert_eq!(before.len(), after.len(), "{}", text);
        for (i, (a, b)) in before.iter().zip(&after).enumerate() {
            if !changed.contains(&i) {
                prop_assert_eq!(a, b, "line {}\n{}", i + 1, text);
            }
        }
    }
}
