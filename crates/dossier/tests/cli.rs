//! End-to-end tests of the `dossier` binary over the bundled example corpus and generated inputs:
//! ingest, idempotent re-ingest, duplicates, bad input, search, export offsets, and a `kill -9`
//! in the middle of an ingest.

mod util;

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use serde_json::Value;
use util::{bin, examples, run, stats, stderr, stdout};

/// A scratch store holding the example corpus (without the NLP core, for speed).
fn example_store() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let o = run(
        &db,
        &[
            "ingest",
            "--no-nlp",
            examples().join("corpus").to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    (dir, db)
}

/// The example corpus holds 21 articles, of which 2 wire reprints and 1 exact duplicate.
#[test]
fn ingest_is_idempotent_and_links_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let corpus = examples().join("corpus");
    let o = run(&db, &["ingest", "--no-nlp", corpus.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let s = stats(&db);
    assert_eq!(s["documents"], 21, "{s}");
    assert_eq!(s["duplicates"], 3, "{s}");
    assert_eq!(s["indexed"], 18, "{s}");

    // again: every input is known, nothing changes
    let o = run(&db, &["ingest", "--no-nlp", corpus.to_str().unwrap()]);
    assert!(o.status.success());
    assert!(stderr(&o).contains("0 stored"), "{}", stderr(&o));
    // forced: every document is read again and found present
    let o = run(
        &db,
        &["ingest", "--no-nlp", "--force", corpus.to_str().unwrap()],
    );
    assert!(
        stderr(&o).contains("0 stored (0 duplicates), 21 already present"),
        "{}",
        stderr(&o)
    );
    assert_eq!(stats(&db)["documents"], 21);

    let o = run(&db, &["check"]);
    assert!(o.status.success(), "{}", stdout(&o));
}

#[test]
fn bad_inputs_are_reported_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let bad = examples().join("bad");
    let good = examples().join("corpus/txt");
    let o = run(
        &db,
        &[
            "ingest",
            "--no-nlp",
            bad.to_str().unwrap(),
            good.to_str().unwrap(),
            "/no/such/file.txt",
        ],
    );
    assert!(
        !o.status.success(),
        "bad input makes the exit status non-zero"
    );
    let err = stderr(&o);
    for name in [
        "empty.txt",
        "binary.bin",
        "malformed.jsonl:2",
        "truncated.warc.gz",
        "/no/such/file.txt",
    ] {
        assert!(
            err.lines()
                .any(|l| l.starts_with("dossier: error: ") && l.contains(name)),
            "no error line for {name}:\n{err}"
        );
    }
    assert!(err.contains("errors;"), "summary count: {err}");
    // the good files and the good records inside bad files were stored
    let docs = stats(&db)["documents"].as_u64().unwrap();
    // 3 text files, 2 good JSONL lines, at least 1 record before the WARC damage
    assert!(docs >= 6, "{docs} documents stored");
}

#[test]
fn an_overlong_jsonl_line_is_skipped_with_a_clear_error() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let input = dir.path().join("long.jsonl");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&input).unwrap());
    writeln!(
        f,
        r#"{{"id": "a", "text": "Talks resumed in Vienna on Tuesday."}}"#
    )
    .unwrap();
    // one line just over the 64 MiB limit; it is never held in memory whole
    write!(f, r#"{{"id": "b", "text": ""#).unwrap();
    let chunk = "x".repeat(1 << 20);
    for _ in 0..65 {
        f.write_all(chunk.as_bytes()).unwrap();
    }
    writeln!(f, r#""}}"#).unwrap();
    writeln!(
        f,
        r#"{{"id": "c", "text": "Envoys left Vienna on Friday without a deal."}}"#
    )
    .unwrap();
    drop(f);
    let o = run(&db, &["ingest", "--no-nlp", input.to_str().unwrap()]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(
        err.contains("long.jsonl:2") && err.contains("64 MiB limit"),
        "{err}"
    );
    assert_eq!(stats(&db)["documents"], 2);
}

#[test]
fn a_warc_whose_record_header_never_ends_is_refused_at_the_bound() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let warc = dir.path().join("endless.warc");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&warc).unwrap());
    f.write_all(b"WARC/1.0\r\nWARC-Type: response\r\nX-Junk: ")
        .unwrap();
    // 3 MiB on one header line, no blank line ever: the bound is 1 MiB.
    let chunk = vec![b'z'; 1 << 20];
    for _ in 0..3 {
        f.write_all(&chunk).unwrap();
    }
    drop(f);
    let good = dir.path().join("note.txt");
    std::fs::write(
        &good,
        "Talks resume in Vienna\n\nEnvoys met in Vienna on Tuesday to resume the talks.\n",
    )
    .unwrap();
    let o = run(
        &db,
        &[
            "ingest",
            "--no-nlp",
            warc.to_str().unwrap(),
            good.to_str().unwrap(),
        ],
    );
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(
        err.lines().any(|l| l.starts_with("dossier: error: ")
            && l.contains("endless.warc")
            && l.contains("header longer than")),
        "{err}"
    );
    assert_eq!(stats(&db)["documents"], 1);
}

#[test]
fn search_filters_and_snippets() {
    let (_dir, db) = example_store();
    let hits = |args: &[&str]| -> Vec<Value> {
        let mut a = vec!["search", "--json", "--limit", "50"];
        a.extend_from_slice(args);
        let o = run(&db, &a);
        assert!(o.status.success(), "{}", stderr(&o));
        serde_json::from_slice(&o.stdout).unwrap()
    };
    let natanz = hits(&["Natanz"]);
    assert!(!natanz.is_empty());
    assert!(
        natanz
            .iter()
            .all(|h| h["snippet"].as_str().unwrap().contains("**Natanz**")),
        "{natanz:?}"
    );
    let phrase = hits(&["\"separate hotels\""]);
    let loose = hits(&["separate hotels"]);
    assert!(phrase.len() <= loose.len());
    let bulwark = hits(&["Iran AND outlet:bulwark"]);
    assert!(!bulwark.is_empty());
    assert!(
        bulwark
            .iter()
            .all(|h| h["outlet"].as_str().unwrap().contains("Bulwark")),
        "{bulwark:?}"
    );
    let april_early = hits(&["Iran", "--until", "2021-04-08"]);
    assert!(!april_early.is_empty());
    assert!(
        april_early
            .iter()
            .all(|h| h["published"].as_str().unwrap() <= "2021-04-08z"),
        "{april_early:?}"
    );
    let range = hits(&["Iran AND published:[2021-04-12 TO 2021-04-14]"]);
    assert!(range.iter().all(|h| {
        let p = &h["published"].as_str().unwrap()[..10];
        ("2021-04-12"..="2021-04-14").contains(&p)
    }));
    let o = run(&db, &["search", "published:[2021-99"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("search query"), "{}", stderr(&o));
}

#[test]
fn export_offsets_are_code_points_into_the_text() {
    let (_dir, db) = example_store();
    let o = run(&db, &["export"]);
    assert!(o.status.success());
    let export: Value = serde_json::from_slice(&o.stdout).unwrap();
    let docs = export["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 21);
    let mut checked = 0;
    for d in docs {
        let chars: Vec<char> = d["text"].as_str().unwrap().chars().collect();
        for t in d["times"].as_array().unwrap() {
            let (s, e) = (
                t["start"].as_u64().unwrap() as usize,
                t["end"].as_u64().unwrap() as usize,
            );
            let got: String = chars[s..e].iter().collect();
            assert_eq!(got, t["text"].as_str().unwrap());
            checked += 1;
        }
    }
    assert!(checked > 50, "{checked} time expressions checked");
    let o = run(&db, &["export", "--format", "jsonl"]);
    assert_eq!(stdout(&o).lines().count(), 21);
}

#[test]
fn timeline_puts_recalled_events_at_their_own_dates() {
    let (_dir, db) = example_store();
    let o = run(&db, &["timeline", "--json", "--until", "2018-12-31"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let items: Vec<Value> = serde_json::from_slice(&o.stdout).unwrap();
    // The 2021 articles recall the deal of July 2015 and the spring 2015 framework: those items
    // sit in 2015, not in 2021, and the list is in time order.
    assert!(
        items.iter().any(|i| i["value"] == "2015-07-14"),
        "no 14 July 2015 item"
    );
    assert!(
        items
            .iter()
            .any(|i| i["value"] == "2015-SP" && i["text"] == "the spring of 2015")
    );
    assert!(
        items
            .iter()
            .all(|i| i["end"].as_str().unwrap() <= "2018-12-31")
    );
    let starts: Vec<&str> = items.iter().map(|i| i["start"].as_str().unwrap()).collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]), "in time order");
    let o = run(&db, &["timeline", "--since", "April"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("--since April"), "{}", stderr(&o));
}

/// Whether the model the binary loads is there (see `dossier_testkit` for what a missing one
/// does).
fn model_present() -> bool {
    dossier_testkit::model().is_some()
}

#[test]
fn nlp_prints_spacy_style_json_and_analyze_carries_it() {
    if !model_present() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.txt");
    std::fs::write(&input, "Envoys meet in Vienna\n\nJosep Borrell said on Tuesday that the talks in Vienna were \"constructive\".\n").unwrap();
    let o = bin()
        .args(["nlp", "--json", input.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_str(stdout(&o).lines().next().unwrap()).unwrap();
    let text = v["text"].as_str().unwrap();
    let ents: Vec<(String, String)> = v["ents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let chars: Vec<char> = text.chars().collect();
            let (s, e2) = (
                e["start"].as_u64().unwrap() as usize,
                e["end"].as_u64().unwrap() as usize,
            );
            (
                chars[s..e2].iter().collect(),
                e["label"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(
        ents.contains(&("Josep Borrell".to_string(), "PERSON".to_string())),
        "{ents:?}"
    );
    assert!(
        v["tokens"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["dep"].is_string() && t["lemma"].is_string())
    );

    let o = bin()
        .args(["analyze", input.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let export: Value = serde_json::from_slice(&o.stdout).unwrap();
    let doc = &export["documents"][0];
    assert_eq!(doc["title"], "Envoys meet in Vienna");
    assert!(!doc["sentences"].as_array().unwrap().is_empty());
    assert!(
        doc["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["text"] == "Josep Borrell" && m["label"] == "PERSON")
    );
    assert!(
        doc["times"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["text"] == "Tuesday")
    );
}

#[test]
fn quotes_lists_who_said_what() {
    if !model_present() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let o = run(
        &db,
        &["ingest", examples().join("corpus").to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let list = |args: &[&str]| -> Vec<Value> {
        let mut a = vec!["quotes", "--json"];
        a.extend_from_slice(args);
        let o = run(&db, &a);
        assert!(o.status.success(), "{}", stderr(&o));
        serde_json::from_slice(&o.stdout).unwrap()
    };
    // --by names an actor: every spelling the outlets use, and "he" where he is the speaker.
    let araghchi = list(&["--by", "araghchi", "--direct"]);
    assert!(araghchi.len() >= 3, "{araghchi:?}");
    assert!(
        araghchi
            .iter()
            .all(|q| q["direct"] == true && q["speaker_entity"] == araghchi[0]["speaker_entity"])
    );
    let spoken_as = |s: &str| araghchi.iter().any(|q| q["speaker"].as_str() == Some(s));
    assert!(spoken_as("Araqchi") && spoken_as("he"), "{araghchi:?}");
    assert!(
        araghchi
            .iter()
            .all(|q| q["speaker_name"] == "Abbas Araghchi"),
        "{araghchi:?}"
    );
    // the Alborz Times headline `Araqchi: "No step-by-step, ..."` is his too
    assert!(
        araghchi.iter().any(|q| q["headline"] == true),
        "{araghchi:?}"
    );
    // a role as the articles state it answers --by
    let ministers = list(&["--by", "deputy foreign minister"]);
    assert!(
        ministers
            .iter()
            .any(|q| q["speaker_name"] == "Abbas Araghchi"),
        "{ministers:?}"
    );
    // --about names an actor too: quotations that mention the United States in any spelling.
    let about_us = list(&["--about", "United States"]);
    assert!(
        about_us
            .iter()
            .any(|q| q["text"].as_str().unwrap().contains("America"))
    );
    let meridian = list(&["--outlet", "meridian", "--about", "sanctions"]);
    assert!(!meridian.is_empty());
    assert!(
        meridian
            .iter()
            .all(|q| q["outlet"].as_str().unwrap().contains("Meridian"))
    );
}

#[test]
fn actors_are_listed_shown_and_corrected() {
    if !model_present() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let o = run(
        &db,
        &["ingest", examples().join("corpus").to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let actors = |args: &[&str]| -> Vec<Value> {
        let mut a = vec!["actors", "--json", "--limit", "500"];
        a.extend_from_slice(args);
        let o = run(&db, &a);
        assert!(o.status.success(), "{}", stderr(&o));
        serde_json::from_slice(&o.stdout).unwrap()
    };
    let all = actors(&[]);
    let find = |list: &[Value], name: &str| -> Option<Value> {
        list.iter().find(|e| e["name"] == name).cloned()
    };
    // spellings merged; two Malleys kept apart
    let araghchi = find(&all, "Abbas Araghchi").expect("Araghchi is an actor");
    let aliases: Vec<&str> = araghchi["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    assert!(aliases.contains(&"Araqchi"), "{aliases:?}");
    assert!(find(&all, "Robert Malley").is_some() && find(&all, "Sarah Malley").is_some());
    let us = find(&all, "United States").unwrap();
    assert_eq!(us["id"], "country:US");
    assert!(us["outlets"].as_object().unwrap().len() >= 3);
    // filters
    let people = actors(&["--type", "PERSON"]);
    assert!(people.iter().all(|e| e["type"] == "PERSON"));
    let alborz = actors(&["--outlet", "alborz"]);
    assert!(!alborz.is_empty() && alborz.len() < all.len());

    // one actor: documents, co-occurring actors, sentences
    let o = run(&db, &["actor", "Araqchi", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let report: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(report["entity"]["name"], "Abbas Araghchi");
    assert!(report["documents"].as_array().unwrap().len() >= 5);
    assert!(!report["co_occurring"].as_array().unwrap().is_empty());
    assert!(!report["sentences"].as_array().unwrap().is_empty());
    // a name two people share is not resolved to either: the candidates are listed
    let o = run(&db, &["actor", "Malley"]);
    assert!(!o.status.success());
    let e = stderr(&o);
    assert!(
        e.contains("could mean") && e.contains("Robert Malley") && e.contains("Sarah Malley"),
        "{e}"
    );
    let o = run(&db, &["actor", "Nobody Atall"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("no actor called"), "{}", stderr(&o));

    // export carries entities and fills mentions[].entity
    let o = run(&db, &["export"]);
    let export: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(export["entities"].as_array().unwrap().len() >= 50);
    let linked = export["documents"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["mentions"].as_array().unwrap().iter())
        .filter(|m| m["entity"].is_string())
        .count();
    assert!(linked > 300, "{linked} mentions linked");

    // corrections: beside the store, applied by `resolve`, and by readers before that
    std::fs::write(
        dir.path().join("corrections.toml"),
        "[[merge]]\nnames = [\"Robert Malley\", \"Sarah Malley\"]\n\n\
         [[rename]]\nentity = \"Abbas Araghchi\"\nname = \"Seyed Abbas Araghchi\"\n\n\
         [[retype]]\nentity = \"Twitter\"\ntype = \"ORG\"\n",
    )
    .unwrap();
    let o = run(&db, &["actors", "--json", "--limit", "500"]);
    assert!(stderr(&o).contains("out of date"), "{}", stderr(&o));
    let o = run(&db, &["resolve"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stderr(&o).contains("matches no actor"), "{}", stderr(&o));
    let fixed = actors(&[]);
    let robert = find(&fixed, "Robert Malley").unwrap();
    assert!(find(&fixed, "Sarah Malley").is_none());
    assert!(
        robert["aliases"]
            .as_array()
            .unwrap()
            .contains(&Value::from("Sarah Malley"))
    );
    assert!(find(&fixed, "Seyed Abbas Araghchi").is_some());
    if let Some(t) = find(&fixed, "Twitter") {
        assert_eq!(t["type"], "ORG");
    }
    // a re-ingest keeps them: corrections are applied on every resolution
    let o = run(
        &db,
        &[
            "ingest",
            "--force",
            examples().join("corpus").to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(find(&actors(&[]), "Seyed Abbas Araghchi").is_some());

    // a correction that names no actor is reported, not silently ignored
    std::fs::write(
        dir.path().join("corrections.toml"),
        "[[retype]]\nentity = \"Abbas Araghchy\"\ntype = \"ORG\"\n",
    )
    .unwrap();
    let o = run(&db, &["resolve"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("\"Abbas Araghchy\" matches no actor"),
        "{}",
        stderr(&o)
    );

    // a broken corrections file is named, with what is wrong
    std::fs::write(
        dir.path().join("corrections.toml"),
        "[[retype]]\nentity = \"X\"\ntype = \"CITY\"\n",
    )
    .unwrap();
    let o = run(&db, &["actors"]);
    assert!(!o.status.success());
    let e = stderr(&o);
    assert!(e.contains("corrections.toml") && e.contains("CITY"), "{e}");
}

#[test]
fn analyze_fills_entities_and_speakers() {
    if !model_present() {
        return;
    }
    let o = bin()
        .args(["analyze"])
        .arg(examples().join("corpus/txt"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let export: Value = serde_json::from_slice(&o.stdout).unwrap();
    let ids: Vec<&str> = export["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    let docs = export["documents"].as_array().unwrap();
    for d in docs {
        for m in d["mentions"].as_array().unwrap() {
            if let Some(id) = m["entity"].as_str() {
                assert!(ids.contains(&id), "{id} is not in entities[]");
            }
        }
    }
    let speakers = docs
        .iter()
        .flat_map(|d| d["quotes"].as_array().unwrap().iter())
        .filter(|q| q["speaker"]["entity"].is_string())
        .count();
    assert!(speakers > 0, "no quote speaker was linked to an entity");
}

/// Writes `n` distinct synthetic articles as JSONL.
fn synthetic_jsonl(path: &Path, n: usize) {
    use std::io::Write;
    const WORDS: [&str; 24] = [
        "envoys",
        "met",
        "in",
        "the",
        "capital",
        "to",
        "discuss",
        "sanctions",
        "ministers",
        "said",
        "talks",
        "would",
        "resume",
        "after",
        "a",
        "pause",
        "officials",
        "warned",
        "that",
        "progress",
        "was",
        "slow",
        "on",
        "Tuesday",
    ];
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let mut state = 0x2545F4914F6CDD1Du64;
    for i in 0..n {
        let mut text = String::new();
        for _ in 0..120 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            text.push_str(WORDS[(state % WORDS.len() as u64) as usize]);
            text.push(' ');
        }
        let rec =
            serde_json::json!({"id": format!("syn-{i}"), "published": "2021-04-07", "text": text});
        writeln!(f, "{rec}").unwrap();
    }
}

#[test]
fn kill_nine_mid_ingest_leaves_a_consistent_store_that_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let input = dir.path().join("big.jsonl");
    let n = 20_000;
    synthetic_jsonl(&input, n);

    let mut child = bin()
        .arg("--db")
        .arg(&db)
        .args([
            "ingest",
            "--no-nlp",
            "--batch",
            "50",
            input.to_str().unwrap(),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until some batches have committed, then kill without warning.
    let started = Instant::now();
    let mut seen = 0;
    while started.elapsed() < Duration::from_secs(120) {
        std::thread::sleep(Duration::from_millis(50));
        if db.exists() {
            let o = run(&db, &["stats", "--json"]);
            if o.status.success() {
                let s: Value = serde_json::from_slice(&o.stdout).unwrap();
                seen = s["documents"].as_u64().unwrap();
                if seen >= 500 {
                    break;
                }
            }
        }
        if child.try_wait().unwrap().is_some() {
            break;
        }
    }
    let finished_early = child.try_wait().unwrap().is_some();
    child.kill().ok(); // SIGKILL on Unix
    child.wait().unwrap();
    assert!(
        !finished_early,
        "the ingest finished before it could be killed ({seen} documents seen): make the input larger"
    );
    assert!(
        seen > 0 && (seen as usize) < n,
        "killed mid-way: {seen} of {n}"
    );

    // The store opens, repairs the index if the kill fell between the two commits, and checks out.
    let o = run(&db, &["check"]);
    assert!(
        o.status.success(),
        "after kill -9: {}{}",
        stdout(&o),
        stderr(&o)
    );
    let after_kill = stats(&db);
    assert_eq!(
        after_kill["documents"], after_kill["indexed"],
        "{after_kill}"
    );

    // The next run picks up where it stopped and ends with exactly one copy of everything.
    let o = run(
        &db,
        &[
            "ingest",
            "--no-nlp",
            "--batch",
            "500",
            input.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let s = stats(&db);
    assert_eq!(s["documents"], n as u64, "{s}");
    assert_eq!(s["indexed"], n as u64, "{s}");
    let o = run(&db, &["check"]);
    assert!(o.status.success(), "{}", stdout(&o));
}
