//! Lookups over a parsed plan: every definition of an id, per kind of thing.

use std::collections::HashMap;

use super::raw::{Goal, Plan};
use super::spanned::Span;

/// The kinds of things that have ids, each its own namespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Person,
    Organisation,
    GovernanceBody,
    Workgroup,
    Theme,
    Goal,
    Contract,
    Module,
    Service,
    Neighbourhood,
    Programme,
    Partnership,
}

impl Kind {
    /// The top-level key where such things are listed.
    #[must_use]
    pub fn list_key(self) -> &'static str {
        match self {
            Kind::Person => "people",
            Kind::Organisation => "organisations",
            Kind::GovernanceBody => "governance",
            Kind::Workgroup => "workgroups",
            Kind::Theme => "themes",
            Kind::Goal => "themes[].goals",
            Kind::Contract => "contracts",
            Kind::Module => "modules",
            Kind::Service => "services",
            Kind::Neighbourhood => "neighbourhoods",
            Kind::Programme => "programmes",
            Kind::Partnership => "partnerships",
        }
    }
}

/// One definition of an id.
#[derive(Debug, Clone, Copy)]
pub struct Def<'a> {
    pub kind: Kind,
    pub id: &'a str,
    pub span: Span,
}

/// All definitions in a plan, in file order, and the first definition of each id.
#[derive(Debug, Default)]
pub struct Index<'a> {
    pub defs: Vec<Def<'a>>,
    first: HashMap<(Kind, &'a str), Span>,
}

impl<'a> Index<'a> {
    #[must_use]
    pub fn build(plan: &'a Plan) -> Self {
        let mut index = Index::default();
        for p in &plan.people {
            index.add(Kind::Person, &p.id.value.0, p.id.span);
        }
        for o in &plan.organisations {
            index.add(Kind::Organisation, &o.id.value.0, o.id.span);
        }
        for b in &plan.governance {
            index.add(Kind::GovernanceBody, &b.id.value.0, b.id.span);
        }
        for w in &plan.workgroups {
            index.add(Kind::Workgroup, &w.id.value.0, w.id.span);
        }
        for t in &plan.themes {
            index.add(Kind::Theme, &t.id.value.0, t.id.span);
            for g in &t.goals {
                index.add_goal(g);
            }
        }
        for c in &plan.contracts {
            index.add(Kind::Contract, &c.id.value.0, c.id.span);
        }
        for m in &plan.modules {
            index.add(Kind::Module, &m.id.value.0, m.id.span);
        }
        for s in &plan.services {
            index.add(Kind::Service, &s.id.value.0, s.id.span);
        }
        for n in &plan.neighbourhoods {
            index.add(Kind::Neighbourhood, &n.id.value.0, n.id.span);
        }
        for p in &plan.programmes {
            index.add(Kind::Programme, &p.id.value.0, p.id.span);
        }
        for p in &plan.partnerships {
            index.add(Kind::Partnership, &p.id.value.0, p.id.span);
        }
        index
    }

    fn add_goal(&mut self, goal: &'a Goal) {
        self.add(Kind::Goal, &goal.id.value.0, goal.id.span);
        for sub in &goal.goals {
            self.add_goal(sub);
        }
    }

    fn add(&mut self, kind: Kind, id: &'a str, span: Span) {
        self.defs.push(Def { kind, id, span });
        self.first.entry((kind, id)).or_insert(span);
    }

    /// Where `id` of `kind` is first defined.
    #[must_use]
    pub fn get(&self, kind: Kind, id: &str) -> Option<Span> {
        self.first.get(&(kind, id)).copied()
    }

    /// All ids of a kind, in file order.
    pub fn ids(&self, kind: Kind) -> impl Iterator<Item = &'a str> + '_ {
        self.defs
            .iter()
            .filter(move |d| d.kind == kind)
            .map(|d| d.id)
    }
}

/// Calls `f` with every goal of every theme and the goal it is part of, depth first.
pub fn each_goal<'a>(plan: &'a Plan, f: &mut impl FnMut(&'a Goal, Option<&'a Goal>)) {
    for theme in &plan.themes {
        walk_goals(&theme.goals, None, f);
    }
}

/// Walks goals depth-first with their parent.
pub fn walk_goals<'a>(
    goals: &'a [Goal],
    parent: Option<&'a Goal>,
    f: &mut impl FnMut(&'a Goal, Option<&'a Goal>),
) {
    for goal in goals {
        f(goal, parent);
        walk_goals(&goal.goals, Some(goal), f);
    }
}
