//! Measurement driver: reads pages as JSONL (`{"id", "url", "html"}` a line, as printed by
//! `python3 shared/eval/extraction.py input --data shared/data/wcxb-dev --set wcxb`) from the
//! file named as the first argument (or stdin), runs [`dossier_html::extract`] on each, and prints
//! the export-contract JSON that `extraction.py score` reads. Pages/s of `extract` alone (no I/O,
//! no JSON) go to stderr.
//!
//! ```text
//! cargo run --release -p dossier-html --example wcxb -- pages.jsonl > pred.json
//! ```

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::time::{Duration, Instant};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let input: Box<dyn Read> = match std::env::args().nth(1) {
        Some(p) => Box::new(std::fs::File::open(p)?),
        None => Box::new(std::io::stdin()),
    };
    let mut docs = Vec::new();
    let mut spent = Duration::ZERO;
    let (mut pages, mut failed) = (0usize, 0usize);
    for line in BufReader::new(input).lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let rec: Value = serde_json::from_str(&line)?;
        let id = rec["id"].as_str().unwrap_or_default().to_string();
        let url = rec["url"].as_str();
        let html = rec["html"].as_str().unwrap_or_default();
        let t0 = Instant::now();
        let res = dossier_html::extract(html, url);
        spent += t0.elapsed();
        pages += 1;
        let a = match res {
            Ok(a) => a,
            Err(e) => {
                failed += 1;
                eprintln!("{id}: {e}");
                dossier_html::Article {
                    url: url.map(str::to_string),
                    ..Default::default()
                }
            }
        };
        docs.push(json!({
            "id": id, "source": id, "url": a.url, "title": a.title, "outlet": a.site_name,
            "authors": a.authors, "published": a.published, "language": a.language, "text": a.text,
            "sentences": [], "mentions": [], "times": [], "quotes": [],
        }));
    }
    let out = json!({"documents": docs, "entities": [], "events": [], "stories": []});
    let mut stdout = std::io::stdout().lock();
    serde_json::to_writer(&mut stdout, &out)?;
    writeln!(stdout)?;
    let secs = spent.as_secs_f64();
    eprintln!(
        "extract: {pages} pages ({failed} errors) in {secs:.2} s = {:.1} pages/s (single thread)",
        pages as f64 / secs.max(1e-9)
    );
    Ok(())
}
