//! Golden parity tests: spaCy 3.8's own output for texts written for this project
//! (`tests/fixtures/texts.json` → `tests/fixtures/spacy.jsonl`, made with
//! `scripts/spacy_dump.py`) must be reproduced exactly, layer by layer.

use dossier_nlp::Pipeline;
use serde_json::Value;
use std::path::PathBuf;

fn model_dir() -> Option<PathBuf> {
    dossier_testkit::model()
}

fn fixtures_named(file: &str) -> Vec<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(file);
    std::fs::read_to_string(path)
        .expect("fixtures")
        .lines()
        .map(|l| serde_json::from_str(l).expect("fixture json"))
        .collect()
}

fn check_every_layer(dir: &std::path::Path, fixture: &str) {
    let nlp = Pipeline::load(dir).expect("load");
    let gold = fixtures_named(fixture);
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
fn fixture_texts_match_spacy_on_every_layer() {
    let Some(dir) = model_dir() else { return };
    check_every_layer(&dir, "spacy.jsonl");
}

/// The md pipeline adds static vectors to both tok2vecs.
#[test]
fn fixture_texts_match_spacy_md_on_every_layer() {
    let Some(dir) =
        dossier_testkit::model_named("en_core_web_md-3.8.0", "scripts/fetch-model.sh md")
    else {
        return;
    };
    check_every_layer(&dir, "spacy_md.jsonl");
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
        let (s, en) = (
            e["start"].as_u64().unwrap() as usize,
            e["end"].as_u64().unwrap() as usize,
        );
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
    assert_eq!(
        b.tokens.iter().map(|t| t.end - t.start).sum::<usize>()
            + b.tokens.iter().filter(|t| t.whitespace).count(),
        4
    );
}

/// `Analysis::to_json` is spaCy's `Doc.to_json()`, value for value.
#[test]
fn to_json_equals_spacy_doc_to_json() {
    let Some(dir) = model_dir() else { return };
    let nlp = Pipeline::load(&dir).expect("load");
    let expected = fixtures_named("spacy_to_json.jsonl");
    let texts: Vec<&str> = expected
        .iter()
        .map(|d| d["text"].as_str().unwrap())
        .collect();
    for (a, e) in nlp.process_batch(&texts).iter().zip(&expected) {
        assert_eq!(&a.to_json(), e, "to_json differs for {:?}", a.text);
    }
}

#[test]
fn span_helpers_agree_with_offsets() {
    let Some(dir) = model_dir() else { return };
    let nlp = Pipeline::load(&dir).expect("load");
    let a = nlp.process("Angela Merkel met Emmanuel Macron in Paris. They spoke for an hour.");
    let ents: Vec<(&str, &str)> = a.ents.iter().map(|e| (a.ent_text(e), &*e.label)).collect();
    assert!(ents.contains(&("Angela Merkel", "PERSON")), "{ents:?}");
    assert!(ents.contains(&("Paris", "GPE")), "{ents:?}");
    let sents = a.sentence_bytes();
    assert_eq!(sents.len(), 2);
    assert_eq!(&a.text[sents[1].0..sents[1].1], "They spoke for an hour.");
    assert_eq!(a.token_text(0), "Angela");
}

#[test]
fn pipeline_is_shareable_and_bad_dirs_are_errors() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Pipeline>();
    let err = Pipeline::load(std::path::Path::new("/nonexistent/model"))
        .err()
        .expect("must fail");
    assert!(err.to_string().contains("/nonexistent/model"), "{err}");
    // A directory without the pipeline files is an error, not a panic.
    let tmp = std::env::temp_dir().join("dossier-nlp-empty-model");
    std::fs::create_dir_all(&tmp).unwrap();
    std::fs::write(tmp.join("meta.json"), "{}").unwrap();
    assert!(Pipeline::load(&tmp).is_err());
}
