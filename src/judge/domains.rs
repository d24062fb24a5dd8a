//! Who takes part in a region, and which other domains they bring: the one definition that
//! contract conditions (rule RP407), framework requirements (`gaps`) and the report use.
//!
//! - An organisation's *domain* is its `domain:` when written, else the one its kind implies
//!   (a GGD is public health, a zorggroep GP care).
//! - An *other domain* is one an insurer asks a region to involve besides GP care: hospital,
//!   GGZ, GGD, VVT, welzijn, sociaal domein or a municipality.
//! - A *party involved* is an organisation that takes part: a member or a partner, and not an
//!   umbrella body or a regulator. The region itself, former and prospective members,
//!   contracting insurers and outside organisations are not parties involved.
//!
//! Nothing here prints or knows a language.

use crate::plan::Plan;
use crate::plan::raw::{Domain, Organisation, OrganisationKind as K, Relation};

/// Whether the domain is one an insurer asks a region to involve besides GP care: hospital,
/// GGZ, GGD, VVT, welzijn, sociaal domein or a municipality.
#[must_use]
pub fn is_other_domain(domain: Domain) -> bool {
    matches!(
        domain,
        Domain::Hospital
            | Domain::Ggz
            | Domain::Ggd
            | Domain::Vvt
            | Domain::Welfare
            | Domain::SocialDomain
            | Domain::Municipality
    )
}

/// The organisation's domain: the one written, else the one its kind implies; `None` for an
/// umbrella body, a regulator or `other` without a `domain:`.
#[must_use]
pub fn domain(org: &Organisation) -> Option<Domain> {
    if let Some(domain) = &org.domain {
        return Some(domain.value);
    }
    Some(match org.kind.value {
        K::RegionalOrganisation
        | K::Zorggroep
        | K::Huisartsenpost
        | K::LhvKring
        | K::HuisartsenCooperatie
        | K::Hagro => Domain::GpCare,
        K::Gezondheidscentrum | K::ApothekersZorggroep | K::FysiotherapeutenZorggroep => {
            Domain::PrimaryCare
        }
        K::Insurer => Domain::Insurance,
        K::Municipality => Domain::Municipality,
        K::Hospital => Domain::Hospital,
        K::Ggz => Domain::Ggz,
        K::Ggd => Domain::Ggd,
        K::Vvt => Domain::Vvt,
        K::Welfare => Domain::Welfare,
        K::PatientOrganisation => Domain::Patients,
        K::UmbrellaBody | K::Regulator | K::Other => return None,
    })
}

/// Whether the organisation takes part in the region: a member or a partner, and not an
/// umbrella body or a regulator.
#[must_use]
pub fn takes_part(org: &Organisation) -> bool {
    matches!(org.relation.value, Relation::Member | Relation::Partner)
        && !matches!(org.kind.value, K::UmbrellaBody | K::Regulator)
}

/// The parties involved: the organisations that take part, in the plan's order.
pub fn parties(plan: &Plan) -> impl Iterator<Item = &Organisation> {
    plan.organisations.iter().filter(|o| takes_part(o))
}

/// The other domains the parties involved bring, each once, in the order of [`Domain`].
#[must_use]
pub fn other_domains(plan: &Plan) -> Vec<Domain> {
    let mut domains: Vec<Domain> = parties(plan)
        .filter_map(domain)
        .filter(|d| is_other_domain(*d))
        .collect();
    domains.sort_unstable();
    domains.dedup();
    domains
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Span;
    use crate::plan::raw::Id;
    use crate::plan::spanned::S;

    fn org(kind: K, relation: Relation, domain: Option<Domain>) -> Organisation {
        let s = |v| S::new(v, Span::default());
        Organisation {
            id: s(Id("o".into())),
            name: S::new("O".into(), Span::default()),
            kind: S::new(kind, Span::default()),
            relation: S::new(relation, Span::default()),
            discipline: None,
            practices: None,
            gps: None,
            listed_patients: None,
            domain: domain.map(|d| S::new(d, Span::default())),
            joined: None,
            left: None,
            merged_into: None,
            count: None,
            illustrative: false,
            description: None,
        }
    }

    #[test]
    fn a_ggd_and_a_written_domain_are_other_domains() {
        let ggd = org(K::Ggd, Relation::Partner, None);
        assert_eq!(domain(&ggd), Some(Domain::Ggd));
        assert!(is_other_domain(Domain::Ggd));
        let buurtteam = org(K::Other, Relation::Partner, Some(Domain::SocialDomain));
        assert_eq!(domain(&buurtteam), Some(Domain::SocialDomain));
        assert!(!is_other_domain(Domain::GpCare));
        assert!(!is_other_domain(Domain::Insurance));
    }

    #[test]
    fn umbrella_bodies_regulators_and_outside_parties_do_not_take_part() {
        assert!(takes_part(&org(K::Zorggroep, Relation::Member, None)));
        assert!(takes_part(&org(K::Hospital, Relation::Partner, None)));
        for (kind, relation) in [
            (K::UmbrellaBody, Relation::Partner),
            (K::Regulator, Relation::Partner),
            (K::Insurer, Relation::Insurer),
            (K::Hospital, Relation::External),
            (K::Zorggroep, Relation::FormerMember),
            (K::Zorggroep, Relation::Prospective),
            (K::RegionalOrganisation, Relation::Itself),
        ] {
            assert!(
                !takes_part(&org(kind, relation, None)),
                "{kind:?} {relation:?}"
            );
        }
    }
}
