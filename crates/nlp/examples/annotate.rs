//! Annotates a JSONL file of `{"id", "text"}` records and prints either spaCy-style
//! `Doc.to_json()` lines (`--json`) or a minimal export-contract document set with entity
//! mentions (`--export`), enough for `shared/eval/ner.py`.
//!
//! `cargo run --release -p dossier-nlp --example annotate -- MODEL_DIR (--json|--export) INPUT.jsonl`

use serde_json::{Value, json};
use std::io::{BufRead, Write};

fn main() {
    let a: Vec<String> = std::env::args().collect();
    if a.len() < 4 {
        eprintln!("usage: annotate MODEL_DIR (--json|--export) INPUT.jsonl");
        std::process::exit(2);
    }
    let nlp = dossier_nlp::Pipeline::load(std::path::Path::new(&a[1])).expect("load");
    let recs: Vec<Value> = std::io::BufReader::new(std::fs::File::open(&a[3]).expect("open"))
        .lines()
        .map(|l| serde_json::from_str(&l.expect("line")).expect("json"))
        .collect();
    let texts: Vec<&str> = recs
        .iter()
        .map(|r| r["text"].as_str().unwrap_or(""))
        .collect();
    let out = nlp.process_batch(&texts);
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    if a[2] == "--json" {
        for an in &out {
            writeln!(w, "{}", an.to_json()).expect("write");
        }
        return;
    }
    let docs: Vec<Value> = recs
        .iter()
        .zip(&out)
        .map(|(r, an)| {
            let j = an.to_json();
            let mentions: Vec<Value> = j["ents"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| {
                    let (s, en) = (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize);
                    let text: String = an.text.chars().skip(s).take(en - s).collect();
                    json!({"start": s, "end": en, "text": text, "label": e["label"], "entity": null})
                })
                .collect();
            json!({"id": r["id"], "source": r["id"], "text": an.text, "mentions": mentions,
                   "sentences": j["sents"].as_array().unwrap().iter().map(|s| json!([s["start"], s["end"]])).collect::<Vec<_>>()})
        })
        .collect();
    writeln!(
        w,
        "{}",
        json!({"documents": docs, "entities": [], "events": [], "stories": []})
    )
    .expect("write");
}
