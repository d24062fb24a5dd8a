//! The parts of a plan compared field by field: the plan block and its documents, the region
//! with its mandates and partial municipalities, organisations, governance bodies and
//! workgroups, building-block levels, contracts with their conditions and result agreements,
//! services, neighbourhoods, programmes, funding lines, priorities, partnerships and sources,
//! and the extra fields of themes, goals, people and modules.
//!
//! Each part lists its fields as `(name, Value)` pairs in a fixed order; a change is a field
//! whose value differs. Field names are the keys of the plan format, so a reader can find them
//! in the file. A list of records inside a part (a contract's conditions, a goal's milestones)
//! is matched by a key of its own, and its changes are fields named `list key field`, e.g.
//! `conditions min_mandate_share met`; an added or removed record is the field `list key`.

use std::fmt::Debug;

use serde::Serialize;

use super::{Keyed, Point, SeriesChange, compare, key, series};
use crate::plan::domain::Named;
use crate::plan::raw::{
    BuildingBlockAssessment, Condition, Contract, Date, FundingLine, Goal, GovernanceBody, Id,
    Mandate, Metric, Milestone, Module, Neighbourhood, Organisation, PartialMunicipality,
    Partnership, Person, PersonRole, PlanDocument, Priority, Programme, ResultAgreement, Service,
    Source, Theme, Workgroup,
};
use crate::plan::{Plan, S};

/// A change to a part of the plan matched by id (an organisation, a service, ...).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemChange {
    /// The id; for a funding line its key `payer → recipient year line[ title][ programme]`.
    pub item: String,
    #[serde(flatten)]
    pub change: ItemChangeKind,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum ItemChangeKind {
    /// A new item, with what names it (its name; the amount of a funding line).
    Added {
        value: Value,
    },
    Removed {
        value: Value,
    },
    /// A field with another value, e.g. `relation` or `level`.
    Changed(FieldChange),
    /// A programme figure added, corrected or removed.
    Figure {
        metric: String,
        #[serde(flatten)]
        figure: SeriesChange<u64>,
    },
}

/// A field of an item with another value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldChange {
    /// The key in the plan format, e.g. `relation`; nested keys joined by `.`.
    pub field: String,
    pub old: Value,
    pub new: Value,
}

/// The value of a field, typed so that a report can keep numbers, amounts and dates.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Value {
    /// Not set.
    None,
    Text(String),
    Count(u64),
    Number(f64),
    /// A share in percent.
    Percent(f64),
    /// An amount in euro.
    Euro(f64),
    Date(String),
    Flag(bool),
    /// A person, by id.
    Person(String),
    /// A list of ids or short texts.
    List(Vec<String>),
}

pub(super) type Fields = Vec<(&'static str, Value)>;

/// The fields whose values differ.
pub(super) fn changed_fields(old: Fields, new: Fields) -> impl Iterator<Item = FieldChange> {
    old.into_iter()
        .zip(new)
        .filter(|((_, o), (_, n))| o != n)
        .map(|((field, old), (_, new))| FieldChange {
            field: field.to_string(),
            old,
            new,
        })
}

/// A part of the plan with an id and fields.
pub(super) trait Part: Keyed {
    /// The fields compared, always in the same order. The first names the item: an added or
    /// removed item shows its value (a name, a level, an insurer, an amount).
    fn fields(&self) -> Fields;
    fn summary(&self) -> Value {
        self.fields().swap_remove(0).1
    }
    /// Changes beyond the fields, e.g. figures over time.
    fn more(&self, _new: &Self) -> Vec<ItemChangeKind> {
        Vec::new()
    }
}

/// Matches parts by id and lists what was added, removed or changed.
pub(super) fn compare_parts<T: Part>(old: &[T], new: &[T]) -> Vec<ItemChange> {
    let change = |item: &T, change| ItemChange {
        item: item.key().to_string(),
        change,
    };
    compare(
        old,
        new,
        |n| vec![change(n, ItemChangeKind::Added { value: n.summary() })],
        |o| vec![change(o, ItemChangeKind::Removed { value: o.summary() })],
        |o, n| {
            changed_fields(o.fields(), n.fields())
                .map(ItemChangeKind::Changed)
                .chain(o.more(n))
                .map(|kind| change(n, kind))
                .collect()
        },
    )
}

/// The region and the period beyond its dates, as the items `region` and `period`.
pub(super) fn region(old: &Plan, new: &Plan) -> Vec<ItemChange> {
    let region = changed_fields(region_fields(old), region_fields(new))
        .chain(keyed_values(&region_lists(old), &region_lists(new)))
        .chain(nested(
            "mandates",
            &mandates(&old.region.mandates),
            &mandates(&new.region.mandates),
        ))
        .chain(nested(
            "partial_municipalities",
            &by(&old.region.partial_municipalities, |p| {
                p.municipality.value.clone()
            }),
            &by(&new.region.partial_municipalities, |p| {
                p.municipality.value.clone()
            }),
        ))
        .map(|c| ("region", c))
        .chain(changed_fields(period_fields(old), period_fields(new)).map(|c| ("period", c)));
    region
        .map(|(item, c)| ItemChange {
            item: item.to_string(),
            change: ItemChangeKind::Changed(c),
        })
        .collect()
}

/// The plan block (item `plan`): its title, local name and adoption, and its documents by
/// kind and year.
pub(super) fn plan_block(old: &Plan, new: &Plan) -> Vec<ItemChange> {
    fn documents(plan: &Plan) -> Vec<By<'_, PlanDocument>> {
        let documents = plan.plan.as_ref().map_or(&[][..], |p| &p.documents);
        by(documents, |d| {
            let kind = word(&d.kind.value);
            d.year
                .as_ref()
                .map_or(kind.clone(), |y| format!("{kind} {}", y.value))
        })
    }
    changed_fields(plan_fields(old), plan_fields(new))
        .chain(nested("documents", &documents(old), &documents(new)))
        .map(|c| ItemChange {
            item: "plan".to_string(),
            change: ItemChangeKind::Changed(c),
        })
        .collect()
}

fn plan_fields(plan: &Plan) -> Fields {
    let p = plan.plan.as_ref();
    vec![
        ("title", opt_text(p.and_then(|p| p.title.as_ref()))),
        (
            "local_name",
            opt_text(p.and_then(|p| p.local_name.as_ref())),
        ),
        ("adopted", opt_date(p.and_then(|p| p.adopted.as_ref()))),
        ("adopted_by", opt_id(p.and_then(|p| p.adopted_by.as_ref()))),
    ]
}

impl Part for By<'_, PlanDocument> {
    fn fields(&self) -> Fields {
        let d = self.item;
        vec![
            ("status", name(&d.status.value)),
            ("title", opt_text(d.title.as_ref())),
            ("date", opt_date(d.date.as_ref())),
            ("description", opt_text(d.description.as_ref())),
        ]
    }
}

/// Mandates by what they are of and for: `gps contractering O&I`.
fn mandates(mandates: &[Mandate]) -> Vec<By<'_, Mandate>> {
    by(mandates, |m| {
        format!("{} {}", word(&m.of.value), m.purpose.value)
    })
}

impl Part for By<'_, Mandate> {
    fn fields(&self) -> Fields {
        let m = self.item;
        vec![
            ("share_pct", Value::Percent(m.share_pct.value)),
            ("given_by", opt_id(m.given_by.as_ref())),
            ("date", opt_date(m.date.as_ref())),
            ("note", opt_text(m.note.as_ref())),
        ]
    }
}

impl Part for By<'_, PartialMunicipality> {
    fn fields(&self) -> Fields {
        let p = self.item;
        vec![
            ("places", list(p.places.iter().map(|p| &p.value))),
            ("note", opt_text(p.note.as_ref())),
        ]
    }
}

/// A record of a list matched by a key computed from it (a mandate by what it is of and for, a
/// milestone by its date).
pub(super) struct By<'a, T> {
    item: &'a T,
    key: String,
}

impl<T> Keyed for By<'_, T> {
    fn key(&self) -> &str {
        &self.key
    }
}

pub(super) fn by<T>(items: &[T], key: impl Fn(&T) -> String) -> Vec<By<'_, T>> {
    items
        .iter()
        .map(|item| By {
            item,
            key: key(item),
        })
        .collect()
}

/// The first value that is set: not `None` and not an empty list.
fn first_set(fields: Fields) -> Option<Value> {
    let mut values = fields.into_iter().map(|(_, value)| value);
    values.find(|v| !matches!(v, Value::None) && *v != Value::List(Vec::new()))
}

/// Records of a list inside a part, matched by key: an added or removed record is the field
/// `list key` with its first value that is set; a changed one is `list key field`.
pub(super) fn nested<T: Part>(list: &str, old: &[T], new: &[T]) -> Vec<FieldChange> {
    let named = |item: &T| format!("{list} {}", item.key());
    let summary =
        |item: &T| first_set(item.fields()).unwrap_or_else(|| Value::Text(item.key().to_string()));
    compare(
        old,
        new,
        |n| {
            vec![FieldChange {
                field: named(n),
                old: Value::None,
                new: summary(n),
            }]
        },
        |o| {
            vec![FieldChange {
                field: named(o),
                old: summary(o),
                new: Value::None,
            }]
        },
        |o, n| {
            changed_fields(o.fields(), n.fields())
                .map(|c| FieldChange {
                    field: format!("{} {}", named(n), c.field),
                    ..c
                })
                .collect()
        },
    )
}

fn region_fields(plan: &Plan) -> Fields {
    let r = &plan.region;
    let k = &r.key_figures;
    vec![
        ("name", text(&r.name)),
        ("short_name", opt_text(r.short_name.as_ref())),
        ("organisation", opt_id(r.organisation.as_ref())),
        ("legal_form", opt_text(r.legal_form.as_ref())),
        (
            "municipalities",
            list(r.municipalities.iter().map(|m| &m.value)),
        ),
        ("started", date(&r.started)),
        ("governance_model", name(&r.governance_model.value)),
        ("preferred_insurer", opt_id(r.preferred_insurer.as_ref())),
        ("key_figures.as_of", opt_date(k.as_of.as_ref())),
        ("key_figures.gps", opt_count(k.gps.as_ref())),
        ("key_figures.practices", opt_count(k.practices.as_ref())),
        (
            "key_figures.listed_patients",
            opt_count(k.listed_patients.as_ref()),
        ),
        (
            "key_figures.practices_joined",
            opt_count(k.practices_joined.as_ref()),
        ),
        (
            "key_figures.practices_joined_pct",
            k.practices_joined_pct
                .as_ref()
                .map_or(Value::None, |p| Value::Percent(p.value)),
        ),
        ("key_figures.approximate", Value::Flag(k.approximate)),
        ("description", opt_text(r.description.as_ref())),
    ]
}

/// The region's lists with a key per entry, one field per entry: listed patients per
/// municipality and history events per date.
fn region_lists(plan: &Plan) -> Vec<(String, Value)> {
    let r = &plan.region;
    let by_municipality = r.key_figures.listed_patients_by_municipality.iter();
    let by_municipality = by_municipality.map(|m| {
        (
            format!("key_figures.listed_patients {}", m.municipality.value),
            Value::Count(m.listed_patients.value),
        )
    });
    let history = r.history.iter().map(|h| {
        (
            format!("history {}", h.date.value),
            Value::Text(h.event.value.clone()),
        )
    });
    by_municipality.chain(history).collect()
}

/// Values matched by key: an entry only in `old` is cleared, one only in `new` is set.
fn keyed_values(old: &[(String, Value)], new: &[(String, Value)]) -> Vec<FieldChange> {
    let change = |(field, _): &(String, Value), old: &Value, new: &Value| FieldChange {
        field: field.clone(),
        old: old.clone(),
        new: new.clone(),
    };
    compare(
        old,
        new,
        |n| vec![change(n, &Value::None, &n.1)],
        |o| vec![change(o, &o.1, &Value::None)],
        |o, n| {
            (o.1 != n.1)
                .then(|| change(n, &o.1, &n.1))
                .into_iter()
                .collect()
        },
    )
}

impl Keyed for (String, Value) {
    fn key(&self) -> &str {
        &self.0
    }
}

fn period_fields(plan: &Plan) -> Fields {
    let p = &plan.period;
    let horizon = p.horizon.as_ref().map(|h| &h.description);
    let ambition = p.ambition.as_ref();
    vec![
        ("horizon.description", opt_text(horizon)),
        ("ambition.name", opt_text(ambition.map(|a| &a.name))),
        (
            "ambition.year",
            ambition.map_or(Value::None, |a| Value::Count(a.year.value)),
        ),
        (
            "ambition.statement",
            opt_text(ambition.map(|a| &a.statement)),
        ),
        (
            "ambition.partners",
            ambition.map_or(Value::None, |a| ids(&a.partners)),
        ),
        ("monitoring", opt_name(p.monitoring.as_ref())),
    ]
}

pub(super) fn theme_fields(t: &Theme) -> Fields {
    vec![
        ("rationale", opt_text(t.rationale.as_ref())),
        ("building_blocks", ids(&t.building_blocks)),
        (
            "extra_attention",
            list(t.extra_attention.iter().map(|y| y.value.to_string())),
        ),
        ("requested_by", ids(&t.requested_by)),
        ("description", opt_text(t.description.as_ref())),
    ]
}

pub(super) fn person_fields(p: &Person) -> Fields {
    vec![
        ("role", opt_text(p.role.as_ref())),
        ("profession", opt_text(p.profession.as_ref())),
        ("organisation", opt_id(p.organisation.as_ref())),
        ("since", opt_date(p.since.as_ref())),
        ("illustrative", Value::Flag(p.illustrative)),
    ]
}

/// A person's further roles, matched by role and where it is held: `bestuurslid ab`.
pub(super) fn person_roles(old: &Person, new: &Person) -> Vec<FieldChange> {
    fn roles(p: &Person) -> Vec<By<'_, PersonRole>> {
        by(&p.roles, |r| {
            let at = r.organisation.iter().chain(&r.body).map(key);
            std::iter::once(r.role.value.as_str())
                .chain(at)
                .collect::<Vec<_>>()
                .join(" ")
        })
    }
    nested("roles", &roles(old), &roles(new))
}

impl Part for By<'_, PersonRole> {
    fn fields(&self) -> Fields {
        let r = self.item;
        vec![
            ("since", opt_date(r.since.as_ref())),
            ("until", opt_date(r.until.as_ref())),
        ]
    }
}

/// A goal's monitoring, and its milestones matched by date.
pub(super) fn goal_fields(old: &Goal, new: &Goal) -> Vec<FieldChange> {
    fn milestones(g: &Goal) -> Vec<By<'_, Milestone>> {
        by(&g.milestones, |m| m.date.value.to_string())
    }
    let monitoring = |g: &Goal| vec![("monitoring", opt_name(g.monitoring.as_ref()))];
    changed_fields(monitoring(old), monitoring(new))
        .chain(nested("milestones", &milestones(old), &milestones(new)))
        .collect()
}

impl Part for By<'_, Milestone> {
    fn fields(&self) -> Fields {
        let m = self.item;
        vec![
            ("target", opt_number(m.target.as_ref())),
            ("description", opt_text(m.description.as_ref())),
        ]
    }
}

pub(super) fn module_fields(m: &Module) -> Fields {
    vec![
        ("contract", opt_id(m.contract.as_ref())),
        ("themes", ids(&m.themes)),
        ("description", opt_text(m.description.as_ref())),
    ]
}

/// Governance bodies by id, then workgroups as `workgroup ID`.
pub(super) fn bodies(old: &Plan, new: &Plan) -> Vec<ItemChange> {
    let workgroups = compare_parts(&old.workgroups, &new.workgroups)
        .into_iter()
        .map(|c| ItemChange {
            item: format!("workgroup {}", c.item),
            ..c
        });
    let mut out = compare_parts(&old.governance, &new.governance);
    out.extend(workgroups);
    out
}

/// A funding line with its key.
pub(super) struct Line<'a> {
    line: &'a FundingLine,
    key: String,
}

impl Keyed for Line<'_> {
    fn key(&self) -> &str {
        &self.key
    }
}

fn lines(plan: &Plan) -> Vec<Line<'_>> {
    let lines = plan.funding.iter();
    lines
        .map(|line| {
            let mut name = format!(
                "{} → {} {} {}",
                key(&line.payer),
                key(&line.recipient),
                line.year.value,
                word(&line.line.value)
            );
            for extra in [
                line.title.as_ref().map(|t| t.value.clone()),
                line.programme.as_ref().map(|p| key(p).to_string()),
            ]
            .into_iter()
            .flatten()
            {
                name.push(' ');
                name.push_str(&extra);
            }
            Line { line, key: name }
        })
        .collect()
}

pub(super) fn funding(old: &Plan, new: &Plan) -> Vec<ItemChange> {
    compare_parts(&lines(old), &lines(new))
}

impl Part for Line<'_> {
    fn fields(&self) -> Fields {
        let l = self.line;
        vec![
            ("amount_eur", Value::Euro(l.amount_eur.value)),
            ("illustrative", Value::Flag(l.illustrative)),
            ("note", opt_text(l.note.as_ref())),
        ]
    }
}

impl Part for Organisation {
    fn fields(&self) -> Fields {
        vec![
            ("name", text(&self.name)),
            ("kind", name(&self.kind.value)),
            ("relation", name(&self.relation.value)),
            ("discipline", opt_text(self.discipline.as_ref())),
            ("practices", opt_count(self.practices.as_ref())),
            ("gps", opt_count(self.gps.as_ref())),
            ("listed_patients", opt_count(self.listed_patients.as_ref())),
            ("domain", opt_name(self.domain.as_ref())),
            ("joined", opt_date(self.joined.as_ref())),
            ("left", opt_date(self.left.as_ref())),
            ("merged_into", opt_id(self.merged_into.as_ref())),
            ("count", opt_count(self.count.as_ref())),
            ("description", opt_text(self.description.as_ref())),
        ]
    }
}

impl Part for GovernanceBody {
    fn fields(&self) -> Fields {
        vec![
            ("name", text(&self.name)),
            ("kind", name(&self.kind.value)),
            ("takes_decisions", opt_flag(self.takes_decisions.as_ref())),
            ("equal_votes", opt_flag(self.equal_votes.as_ref())),
            ("programme", opt_id(self.programme.as_ref())),
            ("description", opt_text(self.description.as_ref())),
        ]
    }
}

impl Part for Workgroup {
    fn fields(&self) -> Fields {
        vec![
            ("name", text(&self.name)),
            ("composition", opt_text(self.composition.as_ref())),
            ("description", opt_text(self.description.as_ref())),
        ]
    }
}

impl Part for BuildingBlockAssessment {
    fn fields(&self) -> Fields {
        vec![
            ("level", name(&self.level.value)),
            ("note", opt_text(self.note.as_ref())),
        ]
    }
}

impl Part for Contract {
    fn fields(&self) -> Fields {
        let segments = self.segments.iter().map(|s| {
            let (segment, scope) = (word(&s.segment.value), word(&s.scope.value));
            format!("{segment} {scope}")
        });
        vec![
            ("insurer", Value::Text(key(&self.insurer).to_string())),
            ("co_insurers", ids(&self.co_insurers)),
            ("start", date(&self.start)),
            ("end", date(&self.end)),
            ("segments", list(segments)),
            (
                "amount_eur",
                self.amount_eur
                    .as_ref()
                    .map_or(Value::None, |a| Value::Euro(a.value)),
            ),
            (
                "yearly_amount_eur",
                self.yearly_amount_eur
                    .as_ref()
                    .map_or(Value::None, |a| Value::Euro(a.value)),
            ),
            ("illustrative", Value::Flag(self.illustrative)),
            ("basis", list(self.basis.iter().map(|b| word(&b.value)))),
            ("description", opt_text(self.description.as_ref())),
        ]
    }
    /// Conditions matched by kind, result agreements by title.
    fn more(&self, new: &Self) -> Vec<ItemChangeKind> {
        fn conditions(c: &Contract) -> Vec<By<'_, Condition>> {
            by(&c.conditions, |c| word(&c.kind.value))
        }
        fn agreements(c: &Contract) -> Vec<By<'_, ResultAgreement>> {
            by(&c.result_agreements, |r| r.title.value.clone())
        }
        nested("conditions", &conditions(self), &conditions(new))
            .into_iter()
            .chain(nested(
                "result_agreements",
                &agreements(self),
                &agreements(new),
            ))
            .map(ItemChangeKind::Changed)
            .collect()
    }
}

impl Part for By<'_, Condition> {
    fn fields(&self) -> Fields {
        let c = self.item;
        vec![
            ("met", opt_flag(c.met.as_ref())),
            ("min", opt_number(c.min.as_ref())),
            ("of", opt_name(c.of.as_ref())),
            (
                "documents",
                list(c.documents.iter().map(|d| word(&d.value))),
            ),
            ("description", opt_text(c.description.as_ref())),
        ]
    }
}

impl Part for By<'_, ResultAgreement> {
    fn fields(&self) -> Fields {
        let r = self.item;
        vec![
            ("deadline", opt_date(r.deadline.as_ref())),
            ("goals", ids(&r.goals)),
            ("description", opt_text(r.description.as_ref())),
        ]
    }
}

/// Priorities by year.
pub(super) fn priorities(old: &Plan, new: &Plan) -> Vec<ItemChange> {
    fn years(plan: &Plan) -> Vec<By<'_, Priority>> {
        by(&plan.priorities, |p| p.year.value.to_string())
    }
    compare_parts(&years(old), &years(new))
}

impl Part for By<'_, Priority> {
    fn fields(&self) -> Fields {
        let p = self.item;
        vec![
            ("themes", ids(&p.themes)),
            ("goals", ids(&p.goals)),
            ("description", opt_text(p.description.as_ref())),
        ]
    }
    /// The themes, else the goals, else the description.
    fn summary(&self) -> Value {
        first_set(self.fields()).unwrap_or(Value::None)
    }
}

impl Part for Partnership {
    fn fields(&self) -> Fields {
        vec![
            ("name", text(&self.name)),
            ("kind", name(&self.kind.value)),
            ("members", ids(&self.members)),
            ("since", opt_date(self.since.as_ref())),
            ("themes", ids(&self.themes)),
            ("description", opt_text(self.description.as_ref())),
        ]
    }
}

impl Part for Service {
    fn fields(&self) -> Fields {
        vec![
            ("name", text(&self.name)),
            ("themes", ids(&self.themes)),
            ("description", opt_text(self.description.as_ref())),
        ]
    }
}

impl Part for Neighbourhood {
    fn fields(&self) -> Fields {
        let wsv = self.collaboration.as_ref();
        vec![
            ("name", text(&self.name)),
            ("municipality", opt_text(self.municipality.as_ref())),
            (
                "manager",
                self.manager
                    .as_ref()
                    .map_or(Value::None, |m| Value::Person(key(m).to_string())),
            ),
            ("managed_since", opt_date(self.managed_since.as_ref())),
            ("modules", ids(&self.modules)),
            ("collaboration", opt_text(wsv.map(|c| &c.name))),
            (
                "collaboration.since",
                opt_date(wsv.and_then(|c| c.since.as_ref())),
            ),
            (
                "collaboration.disciplines",
                wsv.map_or(Value::None, |c| {
                    list(c.disciplines.iter().map(|d| &d.value))
                }),
            ),
            ("description", opt_text(self.description.as_ref())),
        ]
    }
}

impl Part for Programme {
    fn fields(&self) -> Fields {
        vec![
            ("name", text(&self.name)),
            ("kind", name(&self.kind.value)),
            ("start", date(&self.start)),
            ("end", opt_date(self.end.as_ref())),
            ("partners", ids(&self.partners)),
            ("themes", ids(&self.themes)),
            ("goals", ids(&self.goals)),
            ("learning_network", Value::Flag(self.learning_network)),
            ("description", opt_text(self.description.as_ref())),
        ]
    }
    /// Figures matched by metric and date.
    fn more(&self, new: &Self) -> Vec<ItemChangeKind> {
        let mut metrics: Vec<Metric> = Vec::new();
        for figure in new.figures.iter().chain(&self.figures) {
            if !metrics.contains(&figure.metric.value) {
                metrics.push(figure.metric.value);
            }
        }
        let points = |p: &Programme, metric: Metric| -> Vec<Point<u64>> {
            let figures = p.figures.iter().filter(|f| f.metric.value == metric);
            figures
                .map(|f| Point::new(&f.date, f.value.value))
                .collect()
        };
        metrics
            .into_iter()
            .flat_map(|metric| {
                series(&points(self, metric), &points(new, metric))
                    .into_iter()
                    .map(move |figure| ItemChangeKind::Figure {
                        metric: word(&metric),
                        figure,
                    })
            })
            .collect()
    }
}

impl Part for Source {
    fn fields(&self) -> Fields {
        vec![
            ("title", text(&self.title)),
            ("publisher", opt_text(self.publisher.as_ref())),
            ("date", opt_date(self.date.as_ref())),
            ("url", opt_text(self.url.as_ref())),
        ]
    }
}

/// A source has no id; its title names it.
impl Keyed for Source {
    fn key(&self) -> &str {
        &self.title.value
    }
}

macro_rules! keyed_by {
    ($($t:ty => $field:ident),* $(,)?) => {
        $(impl Keyed for $t {
            fn key(&self) -> &str {
                key(&self.$field)
            }
        })*
    };
}

keyed_by!(
    Organisation => id,
    GovernanceBody => id,
    Workgroup => id,
    BuildingBlockAssessment => block,
    Contract => id,
    Service => id,
    Neighbourhood => id,
    Programme => id,
    Partnership => id,
);

fn text(value: &S<String>) -> Value {
    Value::Text(value.value.clone())
}

fn opt_text(value: Option<&S<String>>) -> Value {
    value.map_or(Value::None, text)
}

fn opt_id(value: Option<&S<Id>>) -> Value {
    value.map_or(Value::None, |id| Value::Text(key(id).to_string()))
}

fn opt_count(value: Option<&S<u64>>) -> Value {
    value.map_or(Value::None, |n| Value::Count(n.value))
}

fn opt_number(value: Option<&S<f64>>) -> Value {
    value.map_or(Value::None, |n| Value::Number(n.value))
}

fn opt_flag(value: Option<&S<bool>>) -> Value {
    value.map_or(Value::None, |f| Value::Flag(f.value))
}

fn opt_name<T: Named>(value: Option<&S<T>>) -> Value {
    value.map_or(Value::None, |v| name(&v.value))
}

fn date(value: &S<Date>) -> Value {
    Value::Date(value.value.to_string())
}

fn opt_date(value: Option<&S<Date>>) -> Value {
    value.map_or(Value::None, date)
}

fn ids(values: &[S<Id>]) -> Value {
    list(values.iter().map(key))
}

fn list<T: ToString>(values: impl Iterator<Item = T>) -> Value {
    Value::List(values.map(|v| v.to_string()).collect())
}

fn name<T: Named>(value: &T) -> Value {
    Value::Text(word(value))
}

/// An enum value of the plan in the words a reader is shown; the diff speaks English.
fn word<T: Named>(value: &T) -> String {
    value.words().0.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keyed_values_are_matched_by_key_not_position() {
        let entry = |k: &str, n: u64| (k.to_string(), Value::Count(n));
        let old = [entry("a", 1), entry("b", 2), entry("c", 3)];
        let new = [entry("c", 3), entry("a", 5), entry("d", 4)];
        let changes: Vec<(String, Value, Value)> = keyed_values(&old, &new)
            .into_iter()
            .map(|c| (c.field, c.old, c.new))
            .collect();
        assert_eq!(
            changes,
            [
                ("a".into(), Value::Count(1), Value::Count(5)),
                ("d".into(), Value::None, Value::Count(4)),
                ("b".into(), Value::Count(2), Value::None),
            ]
        );
    }
}
