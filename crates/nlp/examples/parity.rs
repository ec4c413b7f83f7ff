//! Compares this crate's annotations with spaCy's, layer by layer.
//!
//! `cargo run --release -p dossier-nlp --example parity -- MODEL_DIR SPACY.jsonl [MAX_DIFFS]`
//! where SPACY.jsonl comes from `crates/nlp/scripts/spacy_dump.py`.

use dossier_nlp::Pipeline;
use serde_json::Value;
use std::io::BufRead;
use std::path::Path;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: parity MODEL_DIR SPACY.jsonl [MAX_DIFFS]");
        std::process::exit(2);
    }
    let max_diffs: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(20);
    let t0 = Instant::now();
    let nlp = Pipeline::load(Path::new(&args[1])).expect("load pipeline");
    eprintln!("loaded in {:.2}s", t0.elapsed().as_secs_f64());
    let file = std::fs::File::open(&args[2]).expect("open jsonl");
    let docs: Vec<Value> = std::io::BufReader::new(file)
        .lines()
        .map(|l| serde_json::from_str(&l.expect("line")).expect("json"))
        .collect();
    let texts: Vec<&str> = docs
        .iter()
        .map(|d| d["text"].as_str().unwrap_or(""))
        .collect();
    let t1 = Instant::now();
    let ours = nlp.process_batch(&texts);
    let secs = t1.elapsed().as_secs_f64();
    let report = dossier_nlp::parity::compare(&docs, &ours, max_diffs);
    println!("{report}");
    let words: usize = ours.iter().map(|a| a.tokens.len()).sum();
    println!(
        "{} docs, {} tokens in {:.2}s: {:.0} tokens/s",
        docs.len(),
        words,
        secs,
        words as f64 / secs
    );
}
