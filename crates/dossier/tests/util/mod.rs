//! Helpers shared by the binary's end-to-end tests: running `dossier`, reading its output, and
//! the store's counts.
#![allow(dead_code)] // each test file uses its own subset

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
}

pub fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

/// Runs `dossier --db DB ARGS...` to its end.
pub fn run(db: &Path, args: &[&str]) -> Output {
    bin()
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("dossier runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// `dossier stats --json`.
pub fn stats(db: &Path) -> Value {
    let o = run(db, &["stats", "--json"]);
    assert!(o.status.success(), "stats: {}", stderr(&o));
    serde_json::from_slice(&o.stdout).unwrap()
}

/// The ids of every stored document.
pub fn doc_ids(db: &Path) -> Vec<String> {
    let o = run(db, &["export", "--format", "jsonl"]);
    assert!(o.status.success(), "export: {}", stderr(&o));
    let mut ids: Vec<String> = stdout(&o)
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter_map(|v| v["id"].as_str().map(str::to_string))
        .collect();
    ids.sort();
    ids
}

/// `dossier check` passes.
pub fn assert_check(db: &Path, when: &str) {
    let o = run(db, &["check"]);
    assert!(
        o.status.success(),
        "dossier check after {when}: {}{}",
        stdout(&o),
        stderr(&o)
    );
}

/// The error lines (`dossier: error: ...`) of a run.
pub fn error_lines(o: &Output) -> Vec<String> {
    stderr(o)
        .lines()
        .filter(|l| l.starts_with("dossier: error: "))
        .map(str::to_string)
        .collect()
}
