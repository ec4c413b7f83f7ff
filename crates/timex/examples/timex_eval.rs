//! Runs the tagger over evaluation JSONL (`{"id","published","text"}` a line, as
//! `shared/eval/timex.py input` prints it) and prints export-contract JSON for the scorer.
//!
//! ```text
//! python3 ../shared/eval/timex.py input --data ../shared/data/tempeval3 > /tmp/te3.jsonl
//! cargo run --release -p dossier-timex --example timex_eval < /tmp/te3.jsonl > /tmp/te3.json
//! python3 ../shared/eval/timex.py score --data ../shared/data/tempeval3 /tmp/te3.json
//! ```

use dossier_model::export::ExportDoc;
use dossier_model::{Doc, InputKind};
use serde::Deserialize;
use std::io::{BufRead, Write};

#[derive(Deserialize)]
struct Input {
    id: String,
    published: Option<String>,
    text: String,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let stdin = std::io::stdin();
    let mut docs = Vec::new();
    for line in stdin.lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let input: Input = serde_json::from_str(&line)?;
        let published = input
            .published
            .as_deref()
            .and_then(dossier_dates::published_day);
        let mut doc = Doc::new(input.id.clone(), input.id, InputKind::Jsonl, input.text);
        doc.published = input.published;
        doc.times = dossier_timex::extract(&doc.text, published);
        docs.push(ExportDoc::from_doc(&doc));
    }
    let out = serde_json::json!({
        "documents": docs,
        "entities": [],
        "events": [],
        "stories": [],
    });
    let mut stdout = std::io::stdout().lock();
    serde_json::to_writer(&mut stdout, &out)?;
    writeln!(stdout)?;
    Ok(())
}
