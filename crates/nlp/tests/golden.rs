//! Golden parity tests: spaCy 3.8's own output for texts written for this project
//! (`tests/fixtures/texts.json` → `tests/fixtures/spacy.jsonl`, made with
//! `scripts/spacy_dump.py`) must be reproduced exactly, layer by layer.

use dossier_nlp::Pipeline;
use serde_json::Value;
use std::path::PathBuf;

fn model_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("DOSSIER_NLP_MODEL")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../models/en_core_web_sm-3.8.0"));
    if dir.join("config.cfg").exists() {
        Some(dir)
    } else {
        println!("SKIPPED: model not found at {}, run scripts/fetch-model.sh", dir.display());
        None
    }
}

fn fixtures() -> Vec<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/spacy.jsonl");
    std::fs::read_to_string(path)
        .expect("fixtures")
        .lines()
        .map(|l| serde_json::from_str(l).expect("fixture json"))
        .collect()
}

#[test]
fn fixture_texts_match_spacy_on_every_layer() {
    let Some(dir) = model_dir() else { return };
    let nlp = Pipeline::load(&dir).expect("load");
    let gold = fixtures();
    let texts: Vec<&str> = gold.iter().map(|d| d["text"].as_str().unwrap()).collect();
    let ours = nlp.process_batch(&texts);
    let r = dossier_nlp::parity::compare(&gold, &ours, 50);
    println!("{r}");
    assert_eq!(r.token_docs_equal, r.docs, "tokenization differs\n{r}");
    for (name, c) in [
        ("norm", r.norm),
        ("tag", r.tag),
        ("pos", r.pos),
        ("lemma", r.lemma),
        ("head", r.head),
        ("dep", r.dep),
        ("sent_start", r.sent_start),
    ] {
        assert_eq!(c, r.tokens_compared, "layer {name} differs\n{r}");
    }
    assert_eq!(r.ent_docs_equal, r.docs, "entities differ\n{r}");
}

#[test]
fn batch_and_single_agree_and_json_uses_char_offsets() {
    let Some(dir) = model_dir() else { return };
    let nlp = Pipeline::load(&dir).expect("load");
    let text = "“It’s over,” said Zoë Ólafsdóttir in Reykjavík.";
    let one = nlp.process(text);
    let many = nlp.process_batch(&[text, text]);
    assert_eq!(one.tokens, many[1].tokens);
    let j = one.to_json();
    let toks = j["tokens"].as_array().unwrap();
    let last = toks.last().unwrap();
    assert_eq!(last["end"].as_u64().unwrap() as usize, text.chars().count());
    for e in j["ents"].as_array().unwrap() {
        let (s, en) = (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize);
        let span: String = text.chars().skip(s).take(en - s).collect();
        assert!(!span.is_empty() && !span.starts_with(' '));
    }
    assert_eq!(j["text"], text);
}

#[test]
fn empty_and_whitespace_texts() {
    let Some(dir) = model_dir() else { return };
    let nlp = Pipeline::load(&dir).expect("load");
    let a = nlp.process("");
    assert!(a.tokens.is_empty() && a.ents.is_empty() && a.sents.is_empty());
    let b = nlp.process("  \n ");
    assert!(b.ents.is_empty());
    assert_eq!(b.tokens.iter().map(|t| t.end - t.start).sum::<usize>() + b.tokens.iter().filter(|t| t.whitespace).count(), 4);
}
