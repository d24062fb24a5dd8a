//! See the module list in `judge`. Owned by the checks/verdicts work of issue 16.
