//! Prints the roles [`dossier_actors::roles`] finds, for reading by eye.
//!
//! ```text
//! cargo run --release -p dossier-pipeline --example roles -- corpus.json     # `dossier analyze` output
//! cargo run --release -p dossier-pipeline --example roles -- --text "Sentence." [--parse]
//! ```
//!
//! With an export file, each document's text is annotated again by the pipeline (the export does
//! not carry the parse) and every role is printed with its name and sentence. With `--text`, the
//! given text is annotated; `--parse` prints its tokens with tag, dependency and head as well.

use std::error::Error;

use dossier_model::export::Export;
use dossier_model::{Doc, InputKind};

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut docs: Vec<Doc> = match args.first().map(String::as_str) {
        Some("--text") => {
            let text = args.get(1).ok_or("--text needs a text")?;
            vec![Doc::new(
                "text".into(),
                "text".into(),
                InputKind::Text,
                text.clone(),
            )]
        }
        Some(path) => {
            let export: Export = serde_json::from_reader(std::fs::File::open(path)?)?;
            export
                .documents
                .into_iter()
                .filter(|d| d.duplicate_of.is_none())
                .map(|d| Doc::new(d.id, d.source, InputKind::Text, d.text))
                .collect()
        }
        None => return Err("usage: roles EXPORT.json | --text TEXT [--parse]".into()),
    };
    dossier_pipeline::Pipeline::load(None)?.annotate(&mut docs);
    let parse = args.iter().any(|a| a == "--parse");
    for d in &docs {
        if parse {
            for (i, t) in d.tokens.iter().enumerate() {
                println!(
                    "{i}\t{}\t{}\t{}\t{}\t{}",
                    t.span.text(&d.text),
                    t.tag,
                    t.pos,
                    t.dep,
                    t.head
                );
            }
            for m in &d.mentions {
                println!("mention {:?} {}", m.span.text(&d.text), m.label);
            }
        }
        for r in dossier_actors::roles(d) {
            let m = &d.mentions[r.mention];
            let sentence = d
                .sentences
                .iter()
                .find(|s| s.contains(&m.span))
                .map_or("", |s| s.text(&d.text));
            println!(
                "{}\t{}\t{}\t{}",
                d.id,
                m.span.text(&d.text),
                r.span.text(&d.text),
                sentence.replace('\n', " ")
            );
        }
    }
    Ok(())
}
