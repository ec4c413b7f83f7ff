//! Tokenizer speed on one file (no other stage): `cargo run --release -p dossier-nlp --example
//! tokenize -- MODEL_DIR FILE`. Prints the bytes, the tokens and the seconds; used for the
//! hostile-input figures in docs/benchmarks.md ("Fuzzing").

use dossier_nlp::tokenizer::Tokenizer;
use std::path::Path;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 3 {
        eprintln!("usage: tokenize MODEL_DIR FILE");
        std::process::exit(2);
    }
    let tok = Tokenizer::load(&Path::new(&args[1]).join("tokenizer")).unwrap_or_else(|e| {
        eprintln!("{}: {e}", args[1]);
        std::process::exit(1);
    });
    let bytes = std::fs::read(&args[2]).unwrap_or_else(|e| {
        eprintln!("{}: {e}", args[2]);
        std::process::exit(1);
    });
    let text = String::from_utf8_lossy(&bytes);
    let start = Instant::now();
    let tokens = tok.tokenize(&text).len();
    let secs = start.elapsed().as_secs_f64();
    println!("{} bytes, {tokens} tokens, {secs:.3} s", text.len());
}
