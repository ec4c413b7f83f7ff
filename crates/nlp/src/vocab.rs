//! Lexical attributes as spaCy's English vocabulary computes them: NORM (the model's
//! `lexeme_norm` table, then spaCy's base norms, then lower case), PREFIX, SUFFIX, SHAPE
//! and IS_SPACE, each feature keyed by its string hash.

use crate::error::NlpError;
use crate::hash::string_id;
use crate::pychar;
use crate::thinc::key_str;
use crate::tokenizer::py_isspace;
use rmpv::Value;
use std::cell::RefCell;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Norms spaCy applies to every language before falling back to lower case
/// (`spacy.lang.norm_exceptions.BASE_NORMS`).
const BASE_NORMS: &[(&str, &str)] = &[
    ("'s", "'s"),
    ("'S", "'s"),
    ("’s", "'s"),
    ("’S", "'s"),
    ("’", "'"),
    ("‘", "'"),
    ("´", "'"),
    ("`", "'"),
    ("”", "\""),
    ("“", "\""),
    ("''", "\""),
    ("``", "\""),
    ("´´", "\""),
    ("„", "\""),
    ("»", "\""),
    ("«", "\""),
    ("‘‘", "\""),
    ("’’", "\""),
    ("？", "?"),
    ("！", "!"),
    ("，", ","),
    ("；", ";"),
    ("：", ":"),
    ("。", "."),
    ("।", "."),
    ("…", "..."),
    ("—", "-"),
    ("–", "-"),
    ("--", "-"),
    ("---", "-"),
    ("——", "-"),
    ("€", "$"),
    ("£", "$"),
    ("¥", "$"),
    ("฿", "$"),
    ("US$", "$"),
    ("C$", "$"),
    ("A$", "$"),
    ("₺", "$"),
    ("₹", "$"),
    ("৳", "$"),
    ("₩", "$"),
    ("Mex$", "$"),
    ("₣", "$"),
    ("E£", "$"),
];

/// The attributes of one word type that the models read.
#[derive(Debug, Clone)]
pub struct Lexeme {
    /// The word's own ID (ORTH), the key of its static vector.
    pub orth: u64,
    pub norm: Arc<str>,
    pub norm_hash: u64,
    pub prefix_hash: u64,
    pub suffix_hash: u64,
    pub shape_hash: u64,
    pub is_space: bool,
}

/// Vocabulary data: the `lexeme_norm` lookup table.
#[derive(Debug, Default)]
pub struct Vocab {
    lexeme_norm: HashMap<u64, String>,
    base_norms: HashMap<&'static str, &'static str>,
    id: u64,
}

static NEXT_ID: AtomicU64 = AtomicU64::new(1);
const CACHE_LIMIT: usize = 200_000;

thread_local! {
    // Word types repeat; their attributes are computed once per thread.
    static LEX_CACHE: RefCell<(u64, HashMap<Box<str>, Lexeme>)> = RefCell::new((0, HashMap::new()));
}

/// spaCy's `word_shape`: letters to x/X, digits to d, runs cut after four.
pub fn word_shape(text: &str) -> String {
    if text.chars().count() >= 100 {
        return "LONG".to_string();
    }
    let mut shape = String::new();
    let mut last = None;
    let mut seq = 0;
    for c in text.chars() {
        let sc = if pychar::isalpha(c) {
            if pychar::isupper(c) { 'X' } else { 'x' }
        } else if pychar::isdigit(c) {
            'd'
        } else {
            c
        };
        if Some(sc) == last {
            seq += 1;
        } else {
            seq = 0;
            last = Some(sc);
        }
        if seq < 4 {
            shape.push(sc);
        }
    }
    shape
}

impl Vocab {
    /// Loads `vocab/lookups.bin` from a pipeline directory (absent tables are empty).
    pub fn load(dir: &Path) -> Result<Self, NlpError> {
        let mut vocab = Vocab {
            base_norms: BASE_NORMS.iter().copied().collect(),
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            ..Default::default()
        };
        let path = dir.join("vocab").join("lookups.bin");
        if path.exists() {
            let root = crate::error::read_msgpack(&path)?;
            if let Some(t) = crate::thinc::map_get(&root, "lexeme_norm").and_then(Value::as_map) {
                for (k, v) in t {
                    if let (Some(k), Some(v)) = (k.as_u64(), key_str(v)) {
                        vocab.lexeme_norm.insert(k, v.to_string());
                    }
                }
            }
        }
        Ok(vocab)
    }

    /// The lexeme-level norm of a word.
    pub fn norm(&self, s: &str) -> String {
        if let Some(n) = self.lexeme_norm.get(&string_id(s)) {
            return n.clone();
        }
        if let Some(n) = self.base_norms.get(s) {
            return (*n).to_string();
        }
        s.to_lowercase()
    }

    /// The attributes of a word, cached per thread.
    pub fn lexeme(&self, s: &str) -> Lexeme {
        LEX_CACHE.with(|c| {
            let mut c = c.borrow_mut();
            if c.0 != self.id || c.1.len() > CACHE_LIMIT {
                c.1.clear();
                c.0 = self.id;
            }
            if let Some(l) = c.1.get(s) {
                return l.clone();
            }
            let l = self.compute_lexeme(s);
            c.1.insert(s.into(), l.clone());
            l
        })
    }

    fn compute_lexeme(&self, s: &str) -> Lexeme {
        let norm = self.norm(s);
        let prefix_end = s.char_indices().nth(1).map_or(s.len(), |(i, _)| i);
        let n = s.chars().count();
        let suffix_start = if n <= 3 {
            0
        } else {
            s.char_indices().nth(n - 3).map_or(0, |(i, _)| i)
        };
        Lexeme {
            orth: string_id(s),
            norm_hash: string_id(&norm),
            norm: Arc::from(norm.as_str()),
            prefix_hash: string_id(&s[..prefix_end]),
            suffix_hash: string_id(&s[suffix_start..]),
            shape_hash: string_id(&word_shape(s)),
            is_space: !s.is_empty() && s.chars().all(py_isspace),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(word_shape("Whitby"), "Xxxxx");
        assert_eq!(word_shape("3.5bn"), "d.dxx");
        assert_eq!(word_shape("U.S."), "X.X.");
        assert_eq!(word_shape("1,000,000"), "d,ddd,ddd");
        // Python's isdigit: superscripts are digits, vulgar fractions are not.
        assert_eq!(word_shape("2½"), "d½");
        assert_eq!(word_shape("m²"), "xd");
    }
}
