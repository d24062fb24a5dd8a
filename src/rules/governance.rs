//! Governance (`RP5xx`): someone takes the decisions.

use super::{Context, Rule, RuleInfo};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::Severity::Error;
use crate::diagnostic::Span;
use crate::plan::raw::{BodyKind, GovernanceBody};

pub static NO_DECIDING_BODY: Rule = Rule {
    info: RuleInfo {
        code: "RP501",
        name: "no-deciding-body",
        severity: Error,
        summary: "No governance body takes formal decisions.",
        why: "A regional organisation contracts and speaks for all practices; insurers (CZ asks for \
              a mandate) and members need to know which body decides. An algemeen bestuur or \
              bestuur decides unless `takes_decisions: false`; other bodies only with \
              `takes_decisions: true`.",
        bad: "governance:\n  - id: db\n    name: Dagelijks bestuur\n    kind: dagelijks_bestuur\n",
        good: "governance:\n  - id: ab\n    name: Algemeen bestuur\n    kind: algemeen_bestuur\n  - id: db\n    name: Dagelijks bestuur\n    kind: dagelijks_bestuur\n",
    },
    check: Some(no_deciding_body),
};

/// Whether a body takes formal decisions: explicit, or by its kind.
#[must_use]
pub fn takes_decisions(body: &GovernanceBody) -> bool {
    body.takes_decisions.as_ref().map_or_else(
        || {
            matches!(
                body.kind.value,
                BodyKind::AlgemeenBestuur | BodyKind::Bestuur
            )
        },
        |explicit| explicit.value,
    )
}

/// RP501: no governance body takes formal decisions.
fn no_deciding_body(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    if cx.plan.governance.iter().any(takes_decisions) {
        return;
    }
    let at = cx
        .tree
        .nodes
        .get("/governance")
        .map_or(Span::default(), |n| n.key.unwrap_or(n.value));
    let message = if cx.plan.governance.is_empty() {
        "the plan lists no governance bodies"
    } else {
        "no governance body takes formal decisions"
    };
    out.push(
            Diagnostic::new(&NO_DECIDING_BODY, at, message)
                .label("no deciding body")
                .help("add the algemeen bestuur (or bestuur) under `governance:`, or set `takes_decisions: true` on the body that decides"),
        );
}
