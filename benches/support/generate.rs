//! Synthetic plans for the benchmarks: valid (`regioplan check` passes on them) and shaped like
//! the seed plans (organisations with people, governance, workgroups, themes of goals with
//! indicators, measurements and milestones, funding lines), at any number of goals.
//!
//! Deterministic: the same `(goals, seed)` gives the same text, so figures can be compared
//! between runs and machines.

use std::fmt::Write as _;
use std::path::Path;

/// A small deterministic generator (xorshift64*): varied values without a dependency.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n.max(1)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[usize::try_from(self.below(items.len() as u64)).unwrap_or(0)]
    }
}

const THEMES: &[&str] = &[
    "Sociaal domein",
    "Chronische zorg",
    "Ouderenzorg",
    "GGZ",
    "Spoedzorg",
    "Samenwerking 1e-2e-3e lijn",
    "ICT en gegevensuitwisseling",
    "Arbeidsmarkt",
    "Preventie",
    "Kwetsbare wijken",
];
const INDICATORS: &[(&str, &str)] = &[
    ("praktijken die deelnemen", "praktijken"),
    ("patiënten met een individueel zorgplan", "%"),
    ("wachttijd basis-GGZ", "weken"),
    ("huisartsen met een vast aanspreekpunt in de wijk", "%"),
    (
        "bijeenkomsten van het lerend netwerk per jaar",
        "bijeenkomsten",
    ),
    ("ouderen met een proactief zorgplan", "%"),
    (
        "praktijken aangesloten op het regionale zorgplatform",
        "praktijken",
    ),
];
const FIRST: &[&str] = &[
    "Anna", "Bram", "Fatima", "Daan", "Eva", "Mohamed", "Sanne", "Joost", "Noor", "Pieter", "Yara",
    "Koen",
];
const LAST: &[&str] = &[
    "Bakker",
    "Jansen",
    "de Vries",
    "El Amrani",
    "Visser",
    "Smit",
    "Yilmaz",
    "Mulder",
    "de Graaf",
    "Bos",
    "Hendriks",
    "Tan",
];
const PLACES: &[&str] = &[
    "Noord",
    "Zuid",
    "Oost",
    "West",
    "Centrum",
    "Rivierenland",
    "Kustzone",
    "Veenweide",
];

/// A valid plan with `goals` goals (top-level goals, ten to a theme), every goal with an owner,
/// an indicator, two measurements and a milestone; people, organisations, workgroups and
/// funding lines grow with it.
#[must_use]
pub fn plan(goals: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let themes = goals.div_ceil(10).max(1);
    let people = (goals / 5).clamp(6, 20_000);
    let zorggroepen = (goals / 200).clamp(2, 500);
    let place = rng.pick(PLACES);
    let mut t = String::with_capacity(goals * 700 + 4096);
    let _ = write!(
        t,
        "# Synthetic regioplan for the benchmarks: {goals} goals, seed {seed}.\n\
         regioplan: 1\n\n\
         plan:\n  title: Regioplan Huisartsen {place} {seed}\n  adopted: 2024\n  adopted_by: ab\n\n\
         region:\n  name: Huisartsen {place} {seed}\n  short_name: H{seed}\n  organisation: self\n\
         \x20 municipalities:\n    - {place}\n  started: 2020-01-01\n\
         \x20 governance_model: monodisciplinary\n  description: >-\n\
         \x20   Een synthetische regio voor de benchmarks, met {goals} doelen, {themes} thema's en\n\
         \x20   {zorggroepen} zorggroepen. De tekst lijkt op die van een echt regioplan.\n\n\
         period:\n  start: 2024-01-01\n  end: 2028-12-31\n\n\
         organisations:\n  - id: self\n    name: Huisartsen {place} {seed}\n\
         \x20   kind: regional_organisation\n    relation: self\n    discipline: huisartsen\n"
    );
    for z in 0..zorggroepen {
        let _ = write!(
            t,
            "  - id: zg-{z}\n    name: Zorggroep {place} {z}\n    kind: zorggroep\n    relation: member\n\
             \x20   discipline: huisartsen\n    joined: 2020\n    gps: {}\n    listed_patients: {}\n\
             \x20   description: Naam en aantallen illustratief.\n",
            20 + rng.below(60),
            40_000 + rng.below(100_000)
        );
    }
    t.push_str(
        "  - id: verzekeraar\n    name: Zorgverzekeraar Synthetisch\n    kind: insurer\n    relation: insurer\n\
         \x20 - id: gemeente\n    name: Gemeente Synthetisch\n    kind: municipality\n    relation: partner\n\npeople:\n",
    );
    for p in 0..people {
        let _ = write!(
            t,
            "  - id: p{p}\n    name: {} {}\n    role: huisarts en trekker\n    profession: huisarts\n    organisation: zg-{}\n",
            rng.pick(FIRST),
            rng.pick(LAST),
            p % zorggroepen
        );
    }
    t.push_str(
        "\ngovernance:\n  - id: ab\n    name: Algemeen bestuur\n    kind: algemeen_bestuur\n    takes_decisions: true\n    members:\n",
    );
    for z in 0..zorggroepen {
        let _ = writeln!(t, "      - organisation: zg-{z}");
    }
    t.push_str("  - id: db\n    name: Dagelijks bestuur\n    kind: dagelijks_bestuur\n    members:\n      - person: p0\n        role: chair\n      - person: p1\n        role: member\n\nworkgroups:\n");
    let workgroups = themes.min(THEMES.len());
    for (w, theme) in THEMES.iter().enumerate().take(workgroups) {
        let _ = write!(
            t,
            "  - id: wg-{w}\n    name: Werkgroep {}\n    members: [p{}, p{}]\n    composition: huisartsen en praktijkondersteuners uit de zorggroepen\n",
            theme,
            (2 * w) % people,
            (2 * w + 1) % people
        );
    }
    t.push_str("\nthemes:\n");
    let mut goal = 0;
    for th in 0..themes {
        let _ = write!(
            t,
            "  - id: t{th}\n    name: {} {th}\n    strategic: regional\n    trekker: p{}\n    workgroup: wg-{}\n\
             \x20   board_contact: p{}\n    description: >-\n\
             \x20     Thema {th} van het regioplan; een trekker, een werkgroep en een aanspreekpunt\n\
             \x20     in het dagelijks bestuur.\n    goals:\n",
            THEMES[th % THEMES.len()],
            th % people,
            th % workgroups,
            th % 2
        );
        for g in 0..10 {
            if goal == goals {
                break;
            }
            goal += 1;
            let (name, unit) =
                INDICATORS[usize::try_from(rng.below(INDICATORS.len() as u64)).unwrap_or(0)];
            let baseline = rng.below(40);
            let target = (baseline + 20 + rng.below(60)).min(100);
            let first = baseline + rng.below(5);
            let second = first + rng.below(10);
            let milestone = second + (target - second) / 2;
            let _ = write!(
                t,
                "      - id: t{th}-g{g}\n        title: Doel {g} van thema {th}, {name}\n        owner: p{}\n\
                 \x20       status: {}\n        deadline: 2028-06-30\n        indicator:\n\
                 \x20         name: {name}\n          unit: \"{unit}\"\n          baseline: {baseline}\n\
                 \x20         baseline_date: 2024-01-01\n          target: {target}\n          direction: increase\n\
                 \x20       measurements:\n          - date: 2024-12-31\n            value: {first}\n\
                 \x20         - date: 2025-12-31\n            value: {second}\n\
                 \x20           note: Gemeten in de regionale monitor.\n\
                 \x20       milestones:\n          - date: 2027-06-30\n            target: {milestone}\n\
                 \x20           description: Halverwege de doelwaarde.\n",
                rng.below(people as u64),
                if rng.below(4) == 0 {
                    "planned"
                } else {
                    "in_progress"
                }
            );
        }
    }
    t.push_str("\nfunding:\n");
    for z in 0..zorggroepen {
        let _ = write!(
            t,
            "  - payer: verzekeraar\n    recipient: zg-{z}\n    year: 2025\n    line: o_and_i\n\
             \x20   title: ondersteuning ketenzorg en praktijkmanagement\n    amount_eur: {}\n",
            300_000 + rng.below(900_000)
        );
    }
    t.push_str("\nsources:\n  - title: Synthetisch regioplan voor de benchmarks\n");
    t
}

/// Writes `goals-100.yaml` ... `goals-100000.yaml` (the size series; 5,000 goals is the largest
/// plan under the default 4 MiB file limit) into `dir`.
pub fn write_series(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for goals in [100, 1_000, 5_000, 10_000, 40_000, 100_000] {
        std::fs::write(dir.join(format!("goals-{goals}.yaml")), plan(goals, 1))?;
    }
    Ok(())
}

/// Writes a corpus of `count` realistic plans into `dir`: every fourth a copy of one of the seed
/// plans (with a comment naming the copy), the others generated plans of 20 to 80 goals with
/// varied names and figures, about the size of the seed plans.
pub fn write_corpus(dir: &Path, seeds: &[(String, String)], count: usize) -> std::io::Result<()> {
    if dir.exists() {
        std::fs::remove_dir_all(dir)?;
    }
    std::fs::create_dir_all(dir)?;
    let mut rng = Rng::new(7);
    for i in 0..count {
        let path = dir.join(format!("plan-{i:04}.yaml"));
        if i % 4 == 0 && !seeds.is_empty() {
            let (name, text) = &seeds[(i / 4) % seeds.len()];
            std::fs::write(path, format!("# Corpus copy {i} of plans/{name}.\n{text}"))?;
        } else {
            let goals = 20 + usize::try_from(rng.below(61)).unwrap_or(0);
            std::fs::write(path, plan(goals, i as u64))?;
        }
    }
    Ok(())
}
