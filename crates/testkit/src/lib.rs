//! What dossier's tests share: the prerequisites that live outside the repository, found in one
//! place, and one rule for when one is missing.
//!
//! Two prerequisites are not committed: the NLP model (`scripts/fetch-model.sh`, found by
//! [`dossier_nlp::find_model`] as the binary finds it) and the evaluation kit in `../shared`
//! (its data may not be copied in). A test that needs one asks here and returns early on `None`.
//!
//! When one is missing:
//! - in CI (`CI` set in the environment, as CI runners do: `CI=true`) the test fails, so that a
//!   green run means every check ran;
//! - elsewhere the test prints a `SKIPPED:` line straight to the terminal (past the test
//!   harness's capture, so it is seen without `--nocapture`) and passes, so that a checkout
//!   without the model still builds and tests.
//!
//! A dev-dependency only: nothing here is part of what users run.

use std::io::Write;
use std::path::PathBuf;

/// Whether this run is CI's: `CI` is set to anything but empty, `0` or `false`.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !matches!(v.trim(), "" | "0" | "false"))
}

/// Reports a missing prerequisite: a panic in CI, else a loud `SKIPPED:` line. The caller then
/// returns without checking anything.
pub fn missing(what: &str) {
    if in_ci() {
        panic!("{what}; CI=true, so a missing prerequisite fails the run instead of skipping");
    }
    let _ = writeln!(std::io::stderr(), "SKIPPED: {what}");
}

/// The default NLP model, where the binary would find it (`$DOSSIER_MODEL`, else `models/` of
/// the checkout).
pub fn model() -> Option<PathBuf> {
    match dossier_nlp::find_model(None) {
        Ok(dir) => Some(dir),
        Err(e) => {
            missing(&e.to_string());
            None
        }
    }
}

/// Another model under `models/`, fetched by `fetch` (`"scripts/fetch-model.sh md"`).
pub fn model_named(name: &str, fetch: &str) -> Option<PathBuf> {
    let found = dossier_nlp::find_model_named(name);
    if found.is_none() {
        missing(&format!("no model models/{name}: run {fetch}"));
    }
    found
}

/// The evaluation kit (`eval/` scorers and `data/`): `$DOSSIER_SHARED`, else `../shared` beside
/// the checkout, as `scripts/gates` looks for it.
pub fn shared_kit() -> Option<PathBuf> {
    let dir = match std::env::var_os("DOSSIER_SHARED") {
        Some(p) => PathBuf::from(p),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"),
    };
    if dir.join("eval").is_dir() && dir.join("data").is_dir() {
        Some(dir)
    } else {
        missing(&format!(
            "no evaluation kit at {} (set DOSSIER_SHARED)",
            dir.display()
        ));
        None
    }
}
