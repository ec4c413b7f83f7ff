//! `kill -9` at each step of an ingest: while a page is being extracted, while the NLP stage
//! runs, inside the SQLite transaction, while the full-text index commits, and while actors are
//! grouped. After each, `dossier check` passes and a second run of the same command ends with
//! exactly the documents the input holds.
//!
//! The steps are found from `--verbose`, which names each one on stderr as it starts: the test
//! kills the process as soon as the line naming the step appears, and checks from the lines
//! written before it died that the step had not finished (else it tries again). Every input is
//! written by the test.

mod util;

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::mpsc;
use std::time::Duration;

use util::{assert_check, bin, run, stats, stderr};

const FIRST: &[&str] = &[
    "Anna", "Karim", "Lena", "Tomas", "Mirela", "Jonas", "Ines", "Pavel", "Sofia", "Emeka", "Yuki",
    "Rafael", "Hana", "Oskar", "Leila", "Mateo",
];
const LAST: &[&str] = &[
    "Lindqvist",
    "Haddad",
    "Novak",
    "Okafor",
    "Tanaka",
    "Brandt",
    "Moreau",
    "Costa",
    "Kowalski",
    "Varga",
    "Sato",
    "Ferreira",
    "Nilsen",
    "Demir",
    "Rossi",
    "Halloran",
];
const PLACES: &[&str] = &[
    "Vienna", "Lisbon", "Nairobi", "Oslo", "Hanoi", "Quito", "Tbilisi", "Dakar",
];

/// Writes `n` distinct articles as JSONL, each naming people and places (so that actors have
/// something to group).
fn articles(path: &Path, n: usize) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut pick = |list: &[&'static str]| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        list[(state % list.len() as u64) as usize]
    };
    for i in 0..n {
        let mut text = String::new();
        for _ in 0..6 {
            let (a1, a2, b1, b2, p) = (
                pick(FIRST),
                pick(LAST),
                pick(FIRST),
                pick(LAST),
                pick(PLACES),
            );
            text.push_str(&format!(
                "{a1} {a2} met {b1} {b2} in {p} on Tuesday to discuss the grain agreement. \
                 \"We made progress,\" {a2} told reporters after the talks in {p}.\n\n"
            ));
        }
        let rec =
            serde_json::json!({"id": format!("art-{i}"), "published": "2024-03-05", "text": text});
        writeln!(f, "{rec}").unwrap();
    }
}

/// A page whose extraction takes a while (a third of a second): many paragraphs of body text,
/// 0.9 MB of it, under the limit for one article.
fn long_page(path: &Path) {
    let mut page = String::from(
        "<html><head><title>Grain talks resume</title></head><body><article><h1>Grain talks resume</h1>",
    );
    for i in 0..9_000 {
        page.push_str(&format!(
            "<p>Paragraph {i}: delegates from the coastal states met again on Tuesday and agreed to keep talking.</p>"
        ));
    }
    page.push_str("</article></body></html>");
    std::fs::write(path, page).unwrap();
}

fn model_dir() -> Option<PathBuf> {
    dossier_testkit::model()
}

/// Runs `dossier --db DB -v ARGS`, kills it (SIGKILL) as soon as a stderr line contains
/// `step`, and returns whether it died inside the step: no line containing `done` came after.
fn kill_during(db: &Path, args: &[&str], step: &str, done: &str) -> bool {
    let mut child = bin()
        .arg("--db")
        .arg(db)
        .arg("-v")
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (tx, rx) = mpsc::channel();
    let err = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(err).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut seen = Vec::new();
    let mut reached = false;
    while let Ok(line) = rx.recv_timeout(Duration::from_secs(300)) {
        let hit = line.contains(step);
        seen.push(line);
        if hit {
            child.kill().unwrap(); // SIGKILL
            reached = true;
            break;
        }
    }
    if !reached {
        child.kill().ok();
    }
    child.wait().unwrap();
    reader.join().unwrap();
    seen.extend(rx.try_iter());
    assert!(reached, "never reached {step:?}:\n{}", seen.join("\n"));
    let at = seen.iter().position(|l| l.contains(step)).unwrap();
    !seen[at + 1..].iter().any(|l| l.contains(done))
}

/// Kills a run inside `step` (trying up to five times), then checks the store and finishes the
/// job with a second run of the same command, which must end with `expected` documents.
fn survive(args: &[&str], step: &str, done: &str, expected: u64) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let mut inside = false;
    for _ in 0..5 {
        if kill_during(&db, args, step, done) {
            inside = true;
            break;
        }
    }
    assert!(inside, "could not kill the run inside {step:?}");
    assert_check(&db, &format!("kill -9 at {step:?}"));
    let o = run(&db, args);
    assert!(
        o.status.success(),
        "rerun after kill at {step:?}: {}",
        stderr(&o)
    );
    let s = stats(&db);
    assert_eq!(s["documents"], expected, "after kill at {step:?}: {s}");
    assert_eq!(s["indexed"], expected, "after kill at {step:?}: {s}");
    assert_check(&db, &format!("the rerun after kill -9 at {step:?}"));
    // The resolution saved by the rerun is the current one: readers do not recompute it.
    let o = run(&db, &["actors", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stderr(&o).contains("out of date"), "{}", stderr(&o));
}

#[test]
fn kill_nine_during_html_extraction() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("long.html");
    long_page(&page);
    let rest = dir.path().join("rest.jsonl");
    articles(&rest, 20);
    let (p, r) = (page.to_str().unwrap(), rest.to_str().unwrap());
    survive(&["ingest", "--no-nlp", p, r], "reading", "writing", 21);
}

#[test]
fn kill_nine_during_the_nlp_stage() {
    let Some(model) = model_dir() else { return };
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.jsonl");
    articles(&input, 120);
    let m = model.to_str().unwrap();
    survive(
        &[
            "ingest",
            "--model",
            m,
            "--batch",
            "60",
            input.to_str().unwrap(),
        ],
        "analysing 60 documents",
        "analysed",
        120,
    );
}

/// 6,000 articles in two batches of 3,000 without the NLP core: each write and each index
/// commit takes long enough to be killed inside.
fn two_big_batches(step: &str, done: &str) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.jsonl");
    articles(&input, 6_000);
    survive(
        &[
            "ingest",
            "--no-nlp",
            "--batch",
            "3000",
            input.to_str().unwrap(),
        ],
        step,
        done,
        6_000,
    );
}

#[test]
fn kill_nine_during_the_sqlite_transaction() {
    two_big_batches("writing 3000 documents", "committed");
}

#[test]
fn kill_nine_during_the_index_commit() {
    two_big_batches("indexing 3000", "indexed");
}

#[test]
fn kill_nine_during_actor_resolution() {
    let Some(model) = model_dir() else { return };
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.jsonl");
    articles(&input, 200);
    let m = model.to_str().unwrap();
    survive(
        &["ingest", "--model", m, input.to_str().unwrap()],
        "grouping the stored actors",
        "saved",
        200,
    );
}
