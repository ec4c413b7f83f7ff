//! Throughput over a directory tree of plain-text files (e.g. the BBC corpus).
//!
//! `cargo run --release -p dossier-nlp --example bench -- MODEL_DIR FILE_LIST [THREADS]`
//! FILE_LIST holds one path per line. Words are counted as spaCy tokens that are not
//! whitespace, the same count `scripts/bench_spacy.py` uses.

use dossier_nlp::Pipeline;
use std::path::Path;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: bench MODEL_DIR FILE_LIST [THREADS]");
        std::process::exit(2);
    }
    let threads: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(1);
    let t0 = Instant::now();
    let nlp = Pipeline::load(Path::new(&args[1])).expect("load");
    let load = t0.elapsed().as_secs_f64();
    let list = std::fs::read_to_string(&args[2]).expect("file list");
    let texts: Vec<String> = list
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|p| String::from_utf8_lossy(&std::fs::read(p).expect("read")).into_owned())
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("pool");
    let t1 = Instant::now();
    let out = pool.install(|| nlp.process_batch(&refs));
    let secs = t1.elapsed().as_secs_f64();
    let words: usize = out
        .iter()
        .map(|a| {
            a.tokens
                .iter()
                .filter(|t| !a.text[t.start..t.end].trim().is_empty())
                .count()
        })
        .sum();
    let ents: usize = out.iter().map(|a| a.ents.len()).sum();
    println!(
        "rust threads={threads} docs={} words={words} ents={ents} secs={secs:.2} words_per_s={:.0} load_s={load:.2}",
        out.len(),
        words as f64 / secs
    );
}
