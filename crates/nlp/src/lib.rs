//! Native inference for spaCy v3 CNN pipelines (such as `en_core_web_sm` 3.8): the
//! tokenizer, hash-embedding tok2vec, tagger, attribute ruler, lemmatizer, arc-eager
//! dependency parser and BILUO entity recogniser, loaded from the pipeline directory spaCy
//! writes and reproducing spaCy's annotations without Python.
//!
//! The model is fetched by `scripts/fetch-model.sh` (see `MODEL.md`); parity figures, speed
//! and the state of the work are in `NOTES.md`.
//!
//! ```no_run
//! let nlp = dossier_nlp::Pipeline::load(std::path::Path::new("models/en_core_web_sm-3.8.0"))?;
//! let doc = nlp.process("Angela Merkel visited Paris on Monday.");
//! for e in &doc.ents {
//!     println!("{} {}", &doc.text[doc.tokens[e.start].start..doc.tokens[e.end - 1].end], e.label);
//! }
//! # Ok::<(), dossier_nlp::NlpError>(())
//! ```

// The components mirror spaCy's index-based algorithms over several parallel arrays.
#![allow(clippy::needless_range_loop)]

mod error;
pub mod hash;
mod nn;
pub mod parity;
mod pattern;
mod pychar;
mod rules;
mod symbols;
mod tb;
mod thinc;
pub mod tokenizer;
mod vectors;
pub mod vocab;

pub use error::NlpError;

use nn::{Feature, Linear, Tok2Vec};
use rayon::prelude::*;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One token of an analysis. Offsets are byte offsets into [`Analysis::text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    /// Followed by one space character that spaCy counts as this token's whitespace.
    pub whitespace: bool,
    pub norm: Arc<str>,
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

/// Directory name of the default pipeline under `models/` (fetched by
/// `scripts/fetch-model.sh`).
pub const DEFAULT_MODEL: &str = "en_core_web_sm-3.8.0";

/// The environment variable that names the model directory when none is given explicitly.
pub const MODEL_ENV: &str = "DOSSIER_MODEL";

/// Where the pipeline directory is, the one place that decides it: `explicit` when given, else
/// `$DOSSIER_MODEL`, else `models/en_core_web_sm-3.8.0` (see [`find_model_named`]). A directory
/// given explicitly or by the variable must hold a pipeline (`meta.json`); it is an error, not
/// a reason to look elsewhere, when it does not.
pub fn find_model(explicit: Option<&Path>) -> Result<PathBuf, NlpError> {
    let named = explicit
        .map(Path::to_path_buf)
        .or_else(|| std::env::var_os(MODEL_ENV).map(PathBuf::from));
    match named {
        Some(dir) if is_model(&dir) => Ok(dir),
        Some(dir) => Err(NlpError::NoModel {
            tried: dir.display().to_string(),
        }),
        None => find_model_named(DEFAULT_MODEL).ok_or_else(|| NlpError::NoModel {
            tried: format!("models/{DEFAULT_MODEL} (under the working directory, the executable's directory and their ancestors)"),
        }),
    }
}

/// `models/NAME` in the working directory, the executable's directory or any of their
/// ancestors: a checkout's `models/` is found from anywhere inside it, and from a binary built
/// in its `target/`.
pub fn find_model_named(name: &str) -> Option<PathBuf> {
    let mut starts = Vec::new();
    if let Ok(cwd) = std::env::current_dir() {
        starts.push(cwd);
    }
    if let Some(dir) = std::env::current_exe()
        .ok()
        .and_then(|e| e.parent().map(Path::to_path_buf))
    {
        starts.push(dir);
    }
    starts
        .iter()
        .flat_map(|s| s.ancestors())
        .map(|a| a.join("models").join(name))
        .find(|d| is_model(d))
}

fn is_model(dir: &Path) -> bool {
    dir.join("meta.json").is_file() && dir.join("config.cfg").is_file()
}

/// Documents per unit of parallel work (and per lockstep parser batch).
const CHUNK: usize = 8;
/// Bytes of text per unit of parallel work: the intermediate arrays of the network take about
/// 1.6 KB per byte of text analysed at once, so this bounds the memory of each worker (about
/// 400 MB) whatever the documents' sizes.
const CHUNK_BYTES: usize = 256 * 1024;

/// Texts longer than this are analysed in pieces of at most this many bytes, cut after a
/// paragraph break (else a line break, a sentence end, a space). Memory then stays bounded for
/// a document of any length and its pieces run in parallel. Nothing changes for texts up to
/// this size (a long-form article is 20 to 60 KB); beyond it, the tokens are spaCy's when the
/// cut falls on whitespace, and the parse differs only where spaCy would have joined a
/// sentence across the cut.
pub const MAX_PIECE_BYTES: usize = 64 * 1024;

/// Cuts `text` into pieces of at most `max` bytes (`max` at least 4), as (offset, piece).
fn split_long(text: &str, max: usize) -> Vec<(usize, &str)> {
    let mut pieces = Vec::new();
    let mut start = 0;
    while text.len() - start > max {
        let mut end = start + max;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let window = &text[start..end];
        // A cut in the first quarter would make tiny pieces: try the next kind of break.
        let late = |i: usize| (i >= max / 4).then_some(i);
        let cut = window
            .rfind("\n\n")
            .and_then(late)
            .or_else(|| window.rfind('\n').and_then(late))
            .or_else(|| window.rfind(". ").map(|i| i + 1).and_then(late))
            .or_else(|| window.rfind(' ').and_then(late));
        let cut = match cut {
            // Past the whitespace at the break, so the next piece starts with a word.
            Some(i) => {
                let rest = &window[i..];
                i + (rest.len() - rest.trim_start().len()).max(1)
            }
            None => window.len(),
        };
        pieces.push((start, &text[start..start + cut]));
        start += cut;
    }
    pieces.push((start, &text[start..]));
    pieces
}

/// Puts the analyses of a text's pieces back together as one analysis of `text`.
fn stitch(text: &str, parts: Vec<(usize, Analysis)>) -> Analysis {
    let mut whole = Analysis {
        text: text.to_string(),
        tokens: Vec::new(),
        sents: Vec::new(),
        ents: Vec::new(),
    };
    for (at, part) in parts {
        let base = whole.tokens.len();
        whole.tokens.extend(part.tokens.into_iter().map(|mut t| {
            t.start += at;
            t.end += at;
            t.head += base;
            t
        }));
        whole
            .sents
            .extend(part.sents.into_iter().map(|(s, e)| (s + base, e + base)));
        whole.ents.extend(part.ents.into_iter().map(|mut e| {
            e.start += base;
            e.end += base;
            e
        }));
    }
    whole
}

/// A document between the neural layers and assembly.
struct Prepared {
    raw: Vec<tokenizer::RawToken>,
    lexes: Vec<vocab::Lexeme>,
    norms: Vec<(Arc<str>, u64)>,
    is_space: Vec<bool>,
    shared: Vec<f32>,
    ner_vecs: Vec<f32>,
    tags: Vec<usize>,
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
    vectors: Option<vectors::Vectors>,
    /// `meta.json` as read.
    pub meta: Value,
}

fn read_json(path: &Path) -> Result<Value, NlpError> {
    let bytes = error::read(path)?;
    serde_json::from_slice(&bytes).map_err(|source| NlpError::Json {
        path: path.to_path_buf(),
        source,
    })
}

impl Pipeline {
    /// Loads a pipeline directory (the one holding `config.cfg` and `meta.json`).
    pub fn load(dir: &Path) -> Result<Self, NlpError> {
        let meta = read_json(&dir.join("meta.json"))?;
        let tokenizer = tokenizer::Tokenizer::load(&dir.join("tokenizer"))?;
        let vocab = vocab::Vocab::load(dir)?;
        let tok2vec = Tok2Vec::from_model(&thinc::ThincModel::load(
            &dir.join("tok2vec").join("model"),
        )?)?;
        let tagger_model = thinc::ThincModel::load(&dir.join("tagger").join("model"))?;
        let tagger = Linear::from_node(
            tagger_model
                .named("softmax")
                .next()
                .ok_or_else(|| NlpError::model("tagger", "no softmax"))?,
        )?;
        let tagger_cfg = read_json(&dir.join("tagger").join("cfg"))?;
        let tag_labels: Vec<Arc<str>> = tagger_cfg["labels"]
            .as_array()
            .ok_or_else(|| NlpError::model("tagger", "no labels in cfg"))?
            .iter()
            .map(|l| Arc::from(l.as_str().unwrap_or("")))
            .collect();
        if tag_labels.len() != tagger.n_out {
            return Err(NlpError::model(
                "tagger",
                "label count differs from output width",
            ));
        }
        let parser = tb::Parser::load(&dir.join("parser"))?;
        let ner = tb::Ner::load(&dir.join("ner"))?;
        let dep_labels = parser
            .labels
            .iter()
            .map(|l| Arc::from(l.as_str()))
            .collect();
        let ent_labels = ner.labels.iter().map(|l| Arc::from(l.as_str())).collect();
        let rules = rules::Rules::load(dir)?;
        let wants_vectors = tok2vec.uses_vectors()
            || ner
                .model
                .tok2vec
                .as_ref()
                .is_some_and(Tok2Vec::uses_vectors);
        let vectors = if wants_vectors {
            Some(vectors::Vectors::load(dir)?.ok_or_else(|| {
                NlpError::model("vectors", "model uses static vectors but vocab has none")
            })?)
        } else {
            None
        };
        Ok(Pipeline {
            tokenizer,
            vocab,
            tok2vec,
            tagger,
            tag_labels,
            parser,
            dep_labels,
            ner,
            ent_labels,
            rules,
            vectors,
            meta,
        })
    }

    /// Entity labels the NER can produce.
    pub fn entity_labels(&self) -> &[Arc<str>] {
        &self.ent_labels
    }

    /// How many tokens the tokenizer makes of `text`: the measure of the work the network
    /// would do on it (the tokenizer alone costs a small part of that).
    pub fn count_tokens(&self, text: &str) -> usize {
        self.tokenizer.tokenize(text).len()
    }

    /// Analyses one text.
    pub fn process(&self, text: &str) -> Analysis {
        self.process_batch(&[text])
            .pop()
            .expect("one analysis per text")
    }

    /// Analyses many texts: chunks of documents run in parallel on the rayon pool, and
    /// within a chunk the parser and NER advance all documents in lockstep so that each
    /// step is one matrix product. A text longer than [`MAX_PIECE_BYTES`] is analysed in
    /// pieces (see there) and put back together, offsets and heads into the whole text.
    pub fn process_batch(&self, texts: &[&str]) -> Vec<Analysis> {
        // (which text, where the piece starts in it, the piece)
        let pieces: Vec<(usize, usize, &str)> = texts
            .iter()
            .enumerate()
            .flat_map(|(i, t)| {
                split_long(t, MAX_PIECE_BYTES)
                    .into_iter()
                    .map(move |(at, piece)| (i, at, piece))
            })
            .collect();
        let mut chunks: Vec<Vec<&str>> = Vec::new();
        let mut bytes = 0;
        for &(_, _, piece) in &pieces {
            match chunks.last_mut() {
                Some(c) if c.len() < CHUNK && bytes + piece.len() <= CHUNK_BYTES => {
                    bytes += piece.len();
                    c.push(piece);
                }
                _ => {
                    bytes = piece.len();
                    chunks.push(vec![piece]);
                }
            }
        }
        let analysed: Vec<Analysis> = chunks
            .par_iter()
            .flat_map_iter(|c| self.process_chunk(c))
            .collect();
        let mut out: Vec<Vec<(usize, Analysis)>> = texts.iter().map(|_| Vec::new()).collect();
        for ((i, at, _), a) in pieces.into_iter().zip(analysed) {
            out[i].push((at, a));
        }
        texts
            .iter()
            .zip(out)
            .map(|(t, parts)| stitch(t, parts))
            .collect()
    }

    fn features(t2v: &Tok2Vec, doc: &Prepared) -> Vec<u64> {
        let n = doc.raw.len();
        let mut f = Vec::with_capacity(n * t2v.features.len());
        for i in 0..n {
            for feat in &t2v.features {
                f.push(match feat {
                    Feature::Norm => doc.norms[i].1,
                    Feature::Prefix => doc.lexes[i].prefix_hash,
                    Feature::Suffix => doc.lexes[i].suffix_hash,
                    Feature::Shape => doc.lexes[i].shape_hash,
                    Feature::Spacy => doc.raw[i].spacy as u64,
                    Feature::IsSpace => doc.lexes[i].is_space as u64,
                });
            }
        }
        f
    }

    fn prepare(&self, text: &str) -> Prepared {
        let raw = self.tokenizer.tokenize(text);
        let lexes: Vec<vocab::Lexeme> = raw
            .iter()
            .map(|t| self.vocab.lexeme(&text[t.start..t.end]))
            .collect();
        let norms: Vec<(Arc<str>, u64)> = raw
            .iter()
            .zip(&lexes)
            .map(|(t, l)| match &t.norm {
                Some(nrm) => (nrm.clone(), hash::string_id(nrm)),
                None => (l.norm.clone(), l.norm_hash),
            })
            .collect();
        let is_space = lexes.iter().map(|l| l.is_space).collect();
        let mut doc = Prepared {
            raw,
            lexes,
            norms,
            is_space,
            shared: Vec::new(),
            ner_vecs: Vec::new(),
            tags: Vec::new(),
        };
        let n = doc.raw.len();
        let orths: Vec<u64> = if self.vectors.is_some() {
            doc.lexes.iter().map(|l| l.orth).collect()
        } else {
            Vec::new()
        };
        let vecs = self.vectors.as_ref();
        doc.shared = self
            .tok2vec
            .forward(&Self::features(&self.tok2vec, &doc), n, &orths, vecs);
        if let Some(t2v) = &self.ner.model.tok2vec {
            doc.ner_vecs = t2v.forward(&Self::features(t2v, &doc), n, &orths, vecs);
        }
        // Tagger: the argmax of the softmax layer's logits.
        let mut logits = Vec::new();
        self.tagger.forward(&doc.shared, n, &mut logits);
        doc.tags = logits
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
        doc
    }

    fn process_chunk(&self, texts: &[&str]) -> Vec<Analysis> {
        let docs: Vec<Prepared> = texts.iter().map(|t| self.prepare(t)).collect();
        let parse_in: Vec<(&[f32], &[bool])> = docs
            .iter()
            .map(|d| (d.shared.as_slice(), d.is_space.as_slice()))
            .collect();
        let parses = self.parser.predict_batch(&parse_in);
        let ner_toks: Vec<Vec<tb::NerToken>> = docs
            .iter()
            .zip(&parses)
            .map(|(d, p)| {
                (0..d.raw.len())
                    .map(|i| tb::NerToken {
                        is_space: d.is_space[i],
                        sent_start: p.sent_starts[i],
                    })
                    .collect()
            })
            .collect();
        let ner_in: Vec<(&[f32], &[tb::NerToken])> = docs
            .iter()
            .zip(&ner_toks)
            .map(|(d, t)| {
                (
                    if d.ner_vecs.is_empty() {
                        d.shared.as_slice()
                    } else {
                        d.ner_vecs.as_slice()
                    },
                    t.as_slice(),
                )
            })
            .collect();
        let ents = self.ner.predict_batch(&ner_in);
        texts
            .iter()
            .zip(docs)
            .zip(parses.into_iter().zip(ents))
            .map(|((text, doc), (parse, ents))| self.assemble(text, doc, parse, ents))
            .collect()
    }

    fn assemble(
        &self,
        text: &str,
        doc: Prepared,
        parse: tb::Parse,
        ents: Vec<(usize, usize, usize)>,
    ) -> Analysis {
        let n = doc.raw.len();
        let mut tokens: Vec<Token> = Vec::with_capacity(n);
        let empty: Arc<str> = Arc::from("");
        for i in 0..n {
            tokens.push(Token {
                start: doc.raw[i].start,
                end: doc.raw[i].end,
                whitespace: doc.raw[i].spacy,
                norm: doc.norms[i].0.clone(),
                tag: self.tag_labels[doc.tags[i]].clone(),
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
        self.rules.apply(text, &mut tokens, &doc.is_space);
        let mut sents: Vec<(usize, usize)> = Vec::new();
        for i in 0..n {
            if i == 0 || tokens[i].sent_start {
                if let Some(last) = sents.last_mut() {
                    last.1 = i;
                }
                sents.push((i, n));
            }
        }
        let ents = ents
            .into_iter()
            .map(|(s, e, l)| Ent {
                start: s,
                end: e,
                label: self.ent_labels[l].clone(),
            })
            .collect();
        Analysis {
            text: text.to_string(),
            tokens,
            sents,
            ents,
        }
    }

    /// Class names of the NER and parser in model order (for checking against spaCy).
    pub fn class_names(&self) -> (Vec<String>, Vec<String>) {
        (self.ner.class_names(), self.parser.class_names())
    }
}

impl Analysis {
    /// The text of token `i`.
    pub fn token_text(&self, i: usize) -> &str {
        &self.text[self.tokens[i].start..self.tokens[i].end]
    }

    /// Byte span of an entity in [`Analysis::text`].
    pub fn ent_bytes(&self, e: &Ent) -> (usize, usize) {
        (self.tokens[e.start].start, self.tokens[e.end - 1].end)
    }

    /// The text of an entity.
    pub fn ent_text(&self, e: &Ent) -> &str {
        let (s, en) = self.ent_bytes(e);
        &self.text[s..en]
    }

    /// Byte spans of the sentences (first token's start to last token's end).
    pub fn sentence_bytes(&self) -> Vec<(usize, usize)> {
        self.sents
            .iter()
            .map(|&(s, e)| (self.tokens[s].start, self.tokens[e - 1].end))
            .collect()
    }

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

impl Pipeline {
    /// The shared tok2vec output (`n × width`), as spaCy stores it in `Doc.tensor`; for
    /// numerical comparisons.
    #[doc(hidden)]
    pub fn debug_tensor(&self, text: &str) -> (usize, Vec<f32>) {
        let d = self.prepare(text);
        (d.raw.len(), d.shared)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rejoined(text: &str, max: usize) -> Vec<(usize, &str)> {
        let pieces = split_long(text, max);
        let mut at = 0;
        for &(start, piece) in &pieces {
            assert_eq!(start, at, "pieces are contiguous");
            assert!(piece.len() <= max || pieces.len() == 1, "{piece:?}");
            at += piece.len();
        }
        assert_eq!(at, text.len());
        pieces
    }

    #[test]
    fn short_texts_are_one_piece() {
        assert_eq!(
            split_long("Talks resumed.", 64),
            vec![(0, "Talks resumed.")]
        );
        assert_eq!(split_long("", 64), vec![(0, "")]);
    }

    #[test]
    fn long_texts_are_cut_after_breaks_and_start_with_a_word() {
        let para = "The envoys met again on Tuesday. They spoke for hours.\n\n";
        let text = para.repeat(20);
        for (_, piece) in &rejoined(&text, 200)[1..] {
            assert!(piece.starts_with("The envoys"), "{piece:?}");
        }
        // No paragraph breaks: cut after a sentence, then at a space.
        let text = "One sentence here. ".repeat(40);
        for (_, piece) in &rejoined(&text, 100)[1..] {
            assert!(piece.starts_with("One"), "{piece:?}");
        }
        // One enormous word: cut anywhere, on character boundaries.
        let text = "é".repeat(500);
        let pieces = rejoined(&text, 101);
        assert!(pieces.len() > 1);
    }
}
