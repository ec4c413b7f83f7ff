//! Native inference for spaCy v3 CNN pipelines (such as `en_core_web_sm` 3.8): the
//! tokenizer, hash-embedding tok2vec, tagger, attribute ruler, lemmatizer, arc-eager
//! dependency parser and BILUO entity recogniser, loaded from the pipeline directory spaCy
//! writes and reproducing spaCy's annotations without Python.
//!
//! ```no_run
//! let nlp = dossier_nlp::Pipeline::load(std::path::Path::new("models/en_core_web_sm-3.8.0"))?;
//! let doc = nlp.process("Angela Merkel visited Paris on Monday.");
//! for e in &doc.ents {
//!     println!("{} {}", &doc.text[doc.tokens[e.start].start..doc.tokens[e.end - 1].end], e.label);
//! }
//! # Ok::<(), dossier_nlp::NlpError>(())
//! ```

mod error;
pub mod hash;
mod nn;
pub mod parity;
mod rules;
mod tb;
mod thinc;
pub mod tokenizer;
pub mod vocab;

pub use error::NlpError;

use nn::{Feature, Linear, Tok2Vec};
use rayon::prelude::*;
use serde_json::{Value, json};
use std::path::Path;
use std::sync::Arc;

/// One token of an analysis. Offsets are byte offsets into [`Analysis::text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    /// Followed by one space character that spaCy counts as this token's whitespace.
    pub whitespace: bool,
    pub norm: String,
    pub tag: Arc<str>,
    pub pos: Arc<str>,
    pub morph: Arc<str>,
    pub lemma: String,
    pub dep: Arc<str>,
    /// Index of the syntactic head (the token itself for a sentence root).
    pub head: usize,
    pub sent_start: bool,
}

/// A named entity over tokens `start..end` (token indices, end exclusive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ent {
    pub start: usize,
    pub end: usize,
    pub label: Arc<str>,
}

/// Everything the pipeline says about one text.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub text: String,
    pub tokens: Vec<Token>,
    /// Sentences as token ranges `start..end`.
    pub sents: Vec<(usize, usize)>,
    pub ents: Vec<Ent>,
}

/// A loaded pipeline.
pub struct Pipeline {
    tokenizer: tokenizer::Tokenizer,
    vocab: vocab::Vocab,
    tok2vec: Tok2Vec,
    tagger: Linear,
    tag_labels: Vec<Arc<str>>,
    parser: tb::Parser,
    dep_labels: Vec<Arc<str>>,
    ner: tb::Ner,
    ent_labels: Vec<Arc<str>>,
    rules: rules::Rules,
    /// `meta.json` as read.
    pub meta: Value,
}

fn read_json(path: &Path) -> Result<Value, NlpError> {
    let bytes = error::read(path)?;
    serde_json::from_slice(&bytes).map_err(|source| NlpError::Json { path: path.to_path_buf(), source })
}

impl Pipeline {
    /// Loads a pipeline directory (the one holding `config.cfg` and `meta.json`).
    pub fn load(dir: &Path) -> Result<Self, NlpError> {
        let meta = read_json(&dir.join("meta.json"))?;
        let tokenizer = tokenizer::Tokenizer::load(&dir.join("tokenizer"))?;
        let vocab = vocab::Vocab::load(dir)?;
        let tok2vec = Tok2Vec::from_model(&thinc::ThincModel::load(&dir.join("tok2vec").join("model"))?)?;
        let tagger_model = thinc::ThincModel::load(&dir.join("tagger").join("model"))?;
        let tagger = Linear::from_node(
            tagger_model.named("softmax").next().ok_or_else(|| NlpError::model("tagger", "no softmax"))?,
        )?;
        let tagger_cfg = read_json(&dir.join("tagger").join("cfg"))?;
        let tag_labels: Vec<Arc<str>> = tagger_cfg["labels"]
            .as_array()
            .ok_or_else(|| NlpError::model("tagger", "no labels in cfg"))?
            .iter()
            .map(|l| Arc::from(l.as_str().unwrap_or("")))
            .collect();
        if tag_labels.len() != tagger.n_out {
            return Err(NlpError::model("tagger", "label count differs from output width"));
        }
        let parser = tb::Parser::load(&dir.join("parser"))?;
        let ner = tb::Ner::load(&dir.join("ner"))?;
        let dep_labels = parser.labels.iter().map(|l| Arc::from(l.as_str())).collect();
        let ent_labels = ner.labels.iter().map(|l| Arc::from(l.as_str())).collect();
        let rules = rules::Rules::load(dir)?;
        Ok(Pipeline { tokenizer, vocab, tok2vec, tagger, tag_labels, parser, dep_labels, ner, ent_labels, rules, meta })
    }

    /// Entity labels the NER can produce.
    pub fn entity_labels(&self) -> &[Arc<str>] {
        &self.ent_labels
    }

    /// Analyses one text.
    pub fn process(&self, text: &str) -> Analysis {
        let raw = self.tokenizer.tokenize(text);
        let n = raw.len();
        let lexes: Vec<vocab::Lexeme> = raw.iter().map(|t| self.vocab.lexeme(&text[t.start..t.end])).collect();
        let norms: Vec<(String, u64)> = raw
            .iter()
            .zip(&lexes)
            .map(|(t, l)| match &t.norm {
                Some(nrm) => (nrm.clone(), hash::hash_string(nrm)),
                None => (l.norm.clone(), l.norm_hash),
            })
            .collect();
        let features = |t2v: &Tok2Vec| -> Vec<u64> {
            let mut f = Vec::with_capacity(n * t2v.features.len());
            for i in 0..n {
                for feat in &t2v.features {
                    f.push(match feat {
                        Feature::Norm => norms[i].1,
                        Feature::Prefix => lexes[i].prefix_hash,
                        Feature::Suffix => lexes[i].suffix_hash,
                        Feature::Shape => lexes[i].shape_hash,
                        Feature::Spacy => raw[i].spacy as u64,
                        Feature::IsSpace => lexes[i].is_space as u64,
                    });
                }
            }
            f
        };
        let shared = self.tok2vec.forward(&features(&self.tok2vec), n);
        // Tagger: the argmax of the softmax layer's logits.
        let mut logits = Vec::new();
        self.tagger.forward(&shared, n, &mut logits);
        let tags: Vec<usize> = logits
            .chunks_exact(self.tagger.n_out.max(1))
            .map(|row| {
                let mut best = 0;
                for (j, &v) in row.iter().enumerate() {
                    if v > row[best] {
                        best = j;
                    }
                }
                best
            })
            .collect();
        let is_space: Vec<bool> = lexes.iter().map(|l| l.is_space).collect();
        let parse = self.parser.predict(&shared, &is_space);
        let ner_vecs = match &self.ner.model.tok2vec {
            Some(t2v) => t2v.forward(&features(t2v), n),
            None => shared.clone(),
        };
        let ner_toks: Vec<tb::NerToken> = (0..n)
            .map(|i| tb::NerToken { is_space: is_space[i], sent_start: parse.sent_starts.get(i).copied().unwrap_or(false) })
            .collect();
        let ents = self.ner.predict(&ner_vecs, &ner_toks);
        let mut tokens: Vec<Token> = Vec::with_capacity(n);
        let empty: Arc<str> = Arc::from("");
        for i in 0..n {
            tokens.push(Token {
                start: raw[i].start,
                end: raw[i].end,
                whitespace: raw[i].spacy,
                norm: norms[i].0.clone(),
                tag: self.tag_labels[tags[i]].clone(),
                pos: empty.clone(),
                morph: empty.clone(),
                lemma: String::new(),
                dep: self
                    .dep_labels
                    .iter()
                    .find(|l| ***l == *parse.deps[i])
                    .cloned()
                    .unwrap_or_else(|| Arc::from(parse.deps[i].as_str())),
                head: parse.heads[i],
                sent_start: parse.sent_starts[i],
            });
        }
        self.rules.apply(text, &mut tokens, &is_space);
        let mut sents = Vec::new();
        for i in 0..n {
            if i == 0 || tokens[i].sent_start {
                if let Some(last) = sents.last_mut() {
                    let (_, e): &mut (usize, usize) = last;
                    *e = i;
                }
                sents.push((i, n));
            }
        }
        let ents = ents
            .into_iter()
            .map(|(s, e, l)| Ent { start: s, end: e, label: self.ent_labels[l].clone() })
            .collect();
        Analysis { text: text.to_string(), tokens, sents, ents }
    }

    /// Analyses many texts, in parallel across the rayon pool.
    pub fn process_batch(&self, texts: &[&str]) -> Vec<Analysis> {
        texts.par_iter().map(|t| self.process(t)).collect()
    }

    /// Class names of the NER and parser in model order (for checking against spaCy).
    pub fn class_names(&self) -> (Vec<String>, Vec<String>) {
        (self.ner.class_names(), self.parser.class_names())
    }
}

impl Analysis {
    /// The layout of spaCy's `Doc.to_json()`, offsets in characters (code points).
    pub fn to_json(&self) -> Value {
        // Byte → character offset map, built once.
        let mut char_at = vec![0usize; self.text.len() + 1];
        let mut c = 0;
        for (b, ch) in self.text.char_indices() {
            for k in 0..ch.len_utf8() {
                char_at[b + k] = c;
            }
            c += 1;
        }
        char_at[self.text.len()] = c;
        let tokens: Vec<Value> = self
            .tokens
            .iter()
            .enumerate()
            .map(|(i, t)| {
                json!({
                    "id": i, "start": char_at[t.start], "end": char_at[t.end],
                    "tag": &*t.tag, "pos": &*t.pos, "morph": &*t.morph, "lemma": t.lemma,
                    "dep": &*t.dep, "head": t.head,
                })
            })
            .collect();
        let ents: Vec<Value> = self
            .ents
            .iter()
            .map(|e| {
                json!({"start": char_at[self.tokens[e.start].start], "end": char_at[self.tokens[e.end - 1].end], "label": &*e.label})
            })
            .collect();
        let sents: Vec<Value> = self
            .sents
            .iter()
            .map(|&(s, e)| json!({"start": char_at[self.tokens[s].start], "end": char_at[self.tokens[e - 1].end]}))
            .collect();
        json!({"text": self.text, "ents": ents, "sents": sents, "tokens": tokens})
    }
}
