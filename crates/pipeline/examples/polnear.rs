//! Runs the quote extractor over a JSONL corpus (`{"id","published","outlet","title","text"}` a
//! line, as `quotes.py input` prints it) and prints export-contract JSON for `quotes.py score`.
//!
//! ```text
//! python3 ../shared/eval/quotes.py input --data ../shared/data/polnear/dev > /tmp/pn.jsonl
//! cargo run --release -p dossier-pipeline --example polnear -- /tmp/pn.jsonl > /tmp/pn.json
//! python3 ../shared/eval/quotes.py score --data ../shared/data/polnear/dev /tmp/pn.json
//! ```
//!
//! A second argument names a cache of annotated documents: annotation is the slow part, and
//! tuning the extractor does not change it, so the cache is written once and read afterwards.

use std::error::Error;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;

use dossier_model::export::Export;
use dossier_model::{Corpus, Doc, InputKind};
use serde::Deserialize;

#[derive(Deserialize)]
struct Record {
    id: String,
    published: Option<String>,
    outlet: Option<String>,
    title: Option<String>,
    text: String,
}

fn read_docs(path: &Path) -> Result<Vec<Doc>, Box<dyn Error>> {
    let mut docs = Vec::new();
    for line in BufReader::new(std::fs::File::open(path)?).lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let r: Record = serde_json::from_str(&line)?;
        let mut d = Doc::new(r.id.clone(), r.id, InputKind::Jsonl, r.text);
        d.published = r.published;
        d.outlet = r.outlet;
        d.title = r.title;
        docs.push(d);
    }
    Ok(docs)
}

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(input) = args.first() else {
        return Err("usage: polnear INPUT.jsonl [CACHE.json]".into());
    };
    let cache = args.get(1).map(Path::new);
    let mut docs = match cache {
        Some(c) if c.exists() => serde_json::from_reader(BufReader::new(std::fs::File::open(c)?))?,
        _ => {
            let mut docs = read_docs(Path::new(input))?;
            dossier_pipeline::Pipeline::load(None)?.annotate(&mut docs);
            if let Some(c) = cache {
                serde_json::to_writer(std::fs::File::create(c)?, &docs)?;
            }
            docs
        }
    };
    for d in &mut docs {
        d.quotes = dossier_quotes::extract(d);
    }
    let corpus = Corpus {
        documents: docs,
        ..Corpus::default()
    };
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{}",
        serde_json::to_string(&Export::from_corpus(&corpus))?
    )?;
    Ok(())
}
