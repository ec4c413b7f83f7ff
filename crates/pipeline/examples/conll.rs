//! Measures label harmonising on CoNLL-2003 (dev): annotates the JSONL that `ner.py input`
//! prints, applies the chosen rules and prints export-contract JSON for `ner.py score`.
//!
//! ```text
//! python3 ../shared/eval/ner.py input --data ../shared/data/conll2003/eng.testa > /tmp/conll.jsonl
//! cargo run --release -p dossier-pipeline --example conll -- /tmp/conll.jsonl /tmp/conll-docs.json all > /tmp/pred.json
//! python3 ../shared/eval/ner.py score --data ../shared/data/conll2003/eng.testa /tmp/pred.json
//! ```
//!
//! The second argument is a cache of annotated documents (written once, read afterwards: the NLP
//! core is the slow part and the rules do not change it). The third names the rules, joined by
//! commas: `none`, `all`, or any of `trim`, `teams`, `teams_added`, `teams_persons`, `majority`, `short`, `missed`. A fourth argument, `links`,
//! prints on stderr every mention that [`dossier_actors::link_within`] links to a different string.

use std::error::Error;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;

use dossier_actors::Rules;
use dossier_model::export::Export;
use dossier_model::{Corpus, Doc, InputKind};
use serde::Deserialize;

#[derive(Deserialize)]
struct Record {
    id: String,
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
        docs.push(Doc::new(r.id.clone(), r.id, InputKind::Jsonl, r.text));
    }
    Ok(docs)
}

fn rules(spec: &str) -> Result<Rules, Box<dyn Error>> {
    if spec == "all" {
        return Ok(Rules::default());
    }
    let mut r = Rules {
        trim: false,
        teams: false,
        teams_added: false,
        teams_persons: false,
        majority: false,
        short_forms: false,
        add_missed: false,
    };
    for part in spec.split(',').filter(|p| !p.is_empty() && *p != "none") {
        match part {
            "trim" => r.trim = true,
            "teams" => r.teams = true,
            "teams_added" => r.teams_added = true,
            "teams_persons" => r.teams_persons = true,
            "majority" => r.majority = true,
            "short" => r.short_forms = true,
            "missed" => r.add_missed = true,
            other => return Err(format!("unknown rule {other}").into()),
        }
    }
    Ok(r)
}

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(input) = args.first() else {
        return Err("usage: conll INPUT.jsonl [CACHE.json] [RULES] [links]".into());
    };
    let cache = args.get(1).map(Path::new);
    let rules = rules(args.get(2).map_or("all", String::as_str))?;
    let mut docs: Vec<Doc> = match cache {
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
    let show_links = args.get(3).is_some_and(|a| a == "links");
    for d in &mut docs {
        dossier_actors::harmonise_labels_with(d, rules);
        if show_links {
            // For reading by eye: CoNLL has no coreference gold to score the links against.
            for (i, link) in dossier_actors::link_within(d).iter().enumerate() {
                let m = &d.mentions[i];
                let short = m.span.text(&d.text);
                match link {
                    Some(j) if d.mentions[*j].span.text(&d.text) != short => {
                        eprintln!("{}\t{short} -> {}", d.id, d.mentions[*j].span.text(&d.text))
                    }
                    _ => {}
                }
            }
        }
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
