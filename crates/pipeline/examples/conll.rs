//! Measures the entity-label steps on CoNLL-2003 (dev): annotates the JSONL that `ner.py input`
//! prints with the chosen steps and prints export-contract JSON for `ner.py score`.
//!
//! ```text
//! python3 ../shared/eval/ner.py input --data ../shared/data/conll2003/eng.testa > /tmp/conll.jsonl
//! cargo run --release -p dossier-pipeline --example conll -- /tmp/conll.jsonl all > /tmp/pred.json
//! python3 ../shared/eval/ner.py score --data ../shared/data/conll2003/eng.testa /tmp/pred.json
//! ```
//!
//! The second argument names the label-consistency rules, joined by commas: `none`, `all`, or any
//! of `trim`, `teams`, `teams_added`, `teams_persons`, `majority`, `short`, `missed`. Then, in
//! any order: `--no-kb-labels` leaves out the knowledge-base label step (the pipeline's
//! [`Options`](dossier_pipeline::Options)), and `--links` prints on stderr every mention that
//! [`dossier_actors::link_within`] links to a different string. With `all` and no flag the
//! figures are `dossier analyze`'s.

use std::error::Error;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;

use dossier_actors::Rules;
use dossier_model::export::Export;
use dossier_model::{Corpus, Doc, InputKind};
use dossier_pipeline::{Options, Pipeline};
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
        return Err("usage: conll INPUT.jsonl [RULES] [--no-kb-labels] [--links]".into());
    };
    let flag = |f: &str| args.iter().skip(1).any(|a| a == f);
    let spec = args
        .iter()
        .skip(1)
        .find(|a| !a.starts_with("--"))
        .map_or("all", String::as_str);
    let options = Options {
        label_rules: rules(spec)?,
        kb_labels: !flag("--no-kb-labels"),
    };
    let mut docs = read_docs(Path::new(input))?;
    let pipeline = Pipeline::load(None)?.with_options(options);
    let failures = pipeline.annotate(&mut docs);
    for f in &failures {
        eprintln!("{}: analysis failed: {}", docs[f.index].id, f.reason);
    }
    if flag("--links") {
        // For reading by eye: CoNLL has no coreference gold to score the links against.
        for d in &docs {
            for (i, link) in dossier_actors::link_within(d).iter().enumerate() {
                let short = d.mentions[i].span.text(&d.text);
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
