//! The domain's judgements: every question a rule, a report, a gap analysis or a diff asks of a
//! plan is answered here, once, and the others only present the answer.
//!
//! - [`trajectory`]: where a goal should be at a date, whether it is behind, when it would
//!   arrive at the pace so far.
//! - [`roles`]: the roles a theme lacks (trekker, workgroup, board contact, ...), with one
//!   severity policy.
//! - [`quality`]: what makes a goal checkable (indicator, baseline, target, owner, deadline,
//!   milestones, monitoring).
//! - [`checks`]: one evaluation of a *check* (a key figure at least N, a mandate share, N other
//!   domains, documents delivered, result agreements, the plan's span), shared by contract
//!   conditions and framework requirements.
//! - [`verdict`]: met, partly met, not met and not shown, with their evidence.
//! - [`domains`]: what counts as another domain and as a party involved.
//! - [`lights`]: a theme's traffic light for the board (red, amber, green) and its rule.
//!
//! Layer: above `plan` and `diagnostic`, below `rules`, `analysis` and everything else. Nothing
//! here prints, reads files or knows a language: a judgement is data.

pub mod checks;
pub mod domains;
pub mod lights;
pub mod quality;
pub mod roles;
pub mod trajectory;
pub mod verdict;
