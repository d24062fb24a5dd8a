//! See the module list in `judge`. Owned by the trajectory/roles/quality work of issue 16.
