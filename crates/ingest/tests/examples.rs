//! The bundled example corpus, read through every input form, against `examples/truth.json`:
//! titles, outlets, dates, authors, datelines and where each body starts and ends (so boilerplate
//! removal is checked on realistic pages).

use std::path::{Path, PathBuf};

use dossier_ingest::{Input, read_input};
use dossier_model::Doc;
use serde_json::Value;

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

fn docs_of(path: &Path) -> Vec<Doc> {
    let mut docs = Vec::new();
    read_input(&Input::File(path.to_path_buf()), &mut |r| {
        docs.push(r.expect("example inputs read cleanly"))
    });
    docs
}

fn words(text: &str) -> Vec<&str> {
    text.split_whitespace().collect()
}

#[test]
fn every_example_article_matches_its_truth() {
    let truth: Value =
        serde_json::from_str(&std::fs::read_to_string(examples().join("truth.json")).unwrap())
            .unwrap();
    let mut failures = Vec::new();
    let articles = truth["articles"].as_array().unwrap();
    for a in articles {
        let path = examples().join(a["path"].as_str().unwrap());
        let docs = docs_of(&path);
        let index = a["item_index"]
            .as_u64()
            .or(a["response_index"].as_u64())
            .or(a["line"].as_u64().map(|l| l - 1))
            .unwrap_or(0) as usize;
        let key = format!(
            "{} ({})",
            a["key"].as_str().unwrap(),
            a["path"].as_str().unwrap()
        );
        let Some(doc) = docs.get(index) else {
            failures.push(format!("{key}: no document #{index}"));
            continue;
        };
        let mut check = |what: &str, got: Option<&str>, want: Option<&str>| {
            if got != want {
                failures.push(format!("{key}: {what}: got {got:?}, want {want:?}"));
            }
        };
        check("title", doc.title.as_deref(), a["title"].as_str());
        check("outlet", doc.outlet.as_deref(), a["outlet"].as_str());
        check(
            "published",
            doc.published.as_deref().map(|p| &p[..10.min(p.len())]),
            a["published"].as_str(),
        );
        let want_authors: Vec<&str> = a["authors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        // A JSONL `text` is taken verbatim and its metadata only from the record's fields; these
        // records carry no `authors`, so there is nothing to find.
        if a["form"] != "jsonl" && doc.authors != want_authors {
            failures.push(format!(
                "{key}: authors: got {:?}, want {want_authors:?}",
                doc.authors
            ));
        }
        let body = words(&doc.text);
        let first = words(a["first_8_words"].as_str().unwrap());
        let last = words(a["last_8_words"].as_str().unwrap());
        if !body.starts_with(&first) {
            failures.push(format!(
                "{key}: body starts {:?}",
                &body[..body.len().min(8)]
            ));
        }
        if !body.ends_with(&last) {
            failures.push(format!(
                "{key}: body ends {:?}",
                &body[body.len().saturating_sub(8)..]
            ));
        }
        for bad in a["must_not_contain"].as_array().into_iter().flatten() {
            let bad = bad.as_str().unwrap();
            if doc.text.contains(bad) {
                failures.push(format!("{key}: body contains furniture {bad:?}"));
            }
        }
        if doc.language.as_deref() != Some("en") {
            failures.push(format!("{key}: language {:?}", doc.language));
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn bad_inputs_give_one_clear_error_each_and_keep_good_records() {
    let bad = examples().join("bad");
    let mut report = Vec::new();
    for entry in std::fs::read_dir(&bad).unwrap() {
        let path = entry.unwrap().path();
        let mut oks = 0;
        let mut errs = Vec::new();
        read_input(&Input::File(path.clone()), &mut |r| match r {
            Ok(_) => oks += 1,
            Err(e) => errs.push(e),
        });
        report.push((
            path.file_name().unwrap().to_string_lossy().to_string(),
            oks,
            errs,
        ));
    }
    report.sort_by(|a, b| a.0.cmp(&b.0));
    for (name, oks, errs) in &report {
        for e in errs {
            assert!(
                e.input.contains(name.as_str()),
                "error names its input: {e}"
            );
            assert!(!e.reason.is_empty());
        }
        match name.as_str() {
            "empty.txt" => assert!(errs[0].reason.contains("empty"), "{errs:?}"),
            n if n.starts_with("binary") => assert!(errs[0].reason.contains("binary"), "{errs:?}"),
            "malformed.jsonl" => {
                assert_eq!(*oks, 2, "the good lines around the broken one are read");
                assert_eq!(errs.len(), 1);
                assert!(errs[0].input.ends_with(":2"), "{}", errs[0].input);
            }
            n if n.starts_with("truncated") => {
                assert!(*oks >= 1, "records before the damage are kept");
                assert!(
                    errs.iter().any(|e| e.reason.contains("truncated")),
                    "{errs:?}"
                );
            }
            _ => {}
        }
    }
}
