//! Rule components: the attribute ruler (POS, morphology and some lemmas from tags, words
//! and dependencies) and the English rule lemmatizer with its lookup tables.

use crate::Token;
use crate::error::NlpError;
use crate::hash::string_id;
use crate::thinc::{key_str, map_get};
use fancy_regex::Regex;
use rmpv::Value;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

/// One token condition of an attribute-ruler pattern.
#[derive(Debug)]
enum Pred {
    Eq(String),
    In(Vec<String>),
    NotIn(Vec<String>),
    Regex(Regex),
    Bool(bool),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Attr {
    Tag,
    Lower,
    Dep,
    IsSpace,
}

#[derive(Debug)]
struct Rule {
    patterns: Vec<Vec<Vec<(Attr, Pred)>>>,
    index: i64,
    pos: Option<Arc<str>>,
    morph: Option<Arc<str>>,
    lemma: Option<String>,
    tag: Option<Arc<str>>,
    dep: Option<Arc<str>>,
}

/// Lemmatizer tables for one part of speech.
#[derive(Debug, Default)]
struct PosTables {
    rules: Vec<(String, String)>,
    exc: HashMap<String, Vec<String>>,
    index: HashSet<String>,
}

/// The attribute ruler and the rule lemmatizer.
#[derive(Debug, Default)]
pub struct Rules {
    rules: Vec<Rule>,
    lemma: HashMap<&'static str, PosTables>,
}

/// Lower-case universal POS names; the table key of each is its string hash, or its
/// spaCy symbol id for the names that are symbols.
const POS_KEYS: &[(&str, u64)] = &[
    ("adj", 0),
    ("adp", 0),
    ("adv", 0),
    ("aux", 405),
    ("cconj", 0),
    ("conj", 410),
    ("det", 415),
    ("intj", 421),
    ("noun", 0),
    ("num", 431),
    ("part", 0),
    ("pron", 0),
    ("propn", 0),
    ("punct", 445),
    ("sconj", 0),
    ("sym", 0),
    ("verb", 0),
    ("x", 0),
];

fn strs(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| a.iter().filter_map(key_str).map(str::to_string).collect())
        .unwrap_or_default()
}

fn parse_pred(v: &Value) -> Result<Pred, NlpError> {
    if let Some(b) = v.as_bool() {
        return Ok(Pred::Bool(b));
    }
    if let Some(s) = key_str(v) {
        return Ok(Pred::Eq(s.to_string()));
    }
    let m = v
        .as_map()
        .ok_or_else(|| NlpError::model("attribute_ruler", "bad predicate"))?;
    let (k, val) = m
        .first()
        .ok_or_else(|| NlpError::model("attribute_ruler", "empty predicate"))?;
    match key_str(k) {
        Some("IN") => Ok(Pred::In(strs(val))),
        Some("NOT_IN") => Ok(Pred::NotIn(strs(val))),
        Some("REGEX") => {
            let p = key_str(val).unwrap_or("");
            Regex::new(p)
                .map(Pred::Regex)
                .map_err(|e| NlpError::Pattern {
                    name: "attribute_ruler".into(),
                    detail: e.to_string(),
                })
        }
        other => Err(NlpError::model(
            "attribute_ruler",
            format!("predicate {other:?}"),
        )),
    }
}

/// Python's `str.isalpha` for a whole string.
fn py_isalpha(s: &str) -> bool {
    !s.is_empty() && s.chars().all(crate::pychar::isalpha)
}

impl Rules {
    pub fn load(dir: &Path) -> Result<Self, NlpError> {
        let mut out = Rules::default();
        let path = dir.join("attribute_ruler").join("patterns");
        if path.exists() {
            let root = crate::error::read_msgpack(&path)?;
            for r in root.as_array().map(Vec::as_slice).unwrap_or(&[]) {
                let mut patterns = Vec::new();
                for pat in map_get(r, "patterns")
                    .and_then(Value::as_array)
                    .map(Vec::as_slice)
                    .unwrap_or(&[])
                {
                    let mut toks = Vec::new();
                    for tok in pat.as_array().map(Vec::as_slice).unwrap_or(&[]) {
                        let mut preds = Vec::new();
                        for (k, v) in tok.as_map().map(Vec::as_slice).unwrap_or(&[]) {
                            let attr = match key_str(k) {
                                Some("TAG") => Attr::Tag,
                                Some("LOWER") => Attr::Lower,
                                Some("DEP") => Attr::Dep,
                                Some("IS_SPACE") => Attr::IsSpace,
                                other => {
                                    return Err(NlpError::model(
                                        "attribute_ruler",
                                        format!("attribute {other:?}"),
                                    ));
                                }
                            };
                            preds.push((attr, parse_pred(v)?));
                        }
                        toks.push(preds);
                    }
                    patterns.push(toks);
                }
                let attrs = map_get(r, "attrs");
                let get = |k: &str| {
                    attrs
                        .and_then(|a| map_get(a, k))
                        .and_then(key_str)
                        .map(str::to_string)
                };
                out.rules.push(Rule {
                    patterns,
                    index: map_get(r, "index").and_then(Value::as_i64).unwrap_or(0),
                    pos: get("POS").map(|s| Arc::from(s.as_str())),
                    morph: get("MORPH").map(|s| Arc::from(if s == "_" { "" } else { s.as_str() })),
                    lemma: get("LEMMA"),
                    tag: get("TAG").map(|s| Arc::from(s.as_str())),
                    dep: get("DEP").map(|s| Arc::from(s.as_str())),
                });
            }
        }
        let path = dir.join("lemmatizer").join("lookups").join("lookups.bin");
        if path.exists() {
            let root = crate::error::read_msgpack(&path)?;
            let table = |name: &str, key: u64| -> Option<&Value> {
                map_get(&root, name)?
                    .as_map()?
                    .iter()
                    .find(|(k, _)| k.as_u64() == Some(key))
                    .map(|(_, v)| v)
            };
            for &(pos, sym) in POS_KEYS {
                let key = string_id(pos);
                debug_assert!(sym == 0 || sym == key);
                let mut t = PosTables::default();
                if let Some(rules) = table("lemma_rules", key).and_then(Value::as_array) {
                    for pair in rules {
                        let p = strs(pair);
                        if p.len() == 2 {
                            t.rules.push((p[0].clone(), p[1].clone()));
                        }
                    }
                }
                if let Some(exc) = table("lemma_exc", key).and_then(Value::as_map) {
                    for (w, forms) in exc {
                        if let Some(w) = key_str(w) {
                            t.exc.insert(w.to_string(), strs(forms));
                        }
                    }
                }
                if let Some(idx) = table("lemma_index", key) {
                    t.index = strs(idx).into_iter().collect();
                }
                if !t.rules.is_empty() || !t.exc.is_empty() || !t.index.is_empty() {
                    out.lemma.insert(pos, t);
                }
            }
        }
        Ok(out)
    }

    fn pred_ok(pred: &Pred, val: &str, is_space: bool) -> bool {
        match pred {
            Pred::Eq(s) => s == val,
            Pred::In(v) => v.iter().any(|s| s == val),
            Pred::NotIn(v) => !v.iter().any(|s| s == val),
            Pred::Regex(re) => matches!(re.is_match(val), Ok(true)),
            Pred::Bool(b) => *b == is_space,
        }
    }

    /// Runs the attribute ruler, then the lemmatizer, over the tagged and parsed tokens.
    pub fn apply(&self, text: &str, tokens: &mut [Token], is_space: &[bool]) {
        let n = tokens.len();
        let lower: Vec<String> = tokens
            .iter()
            .map(|t| text[t.start..t.end].to_lowercase())
            .collect();
        // Every rule matches against the annotations as they were before any rule applied.
        let mut hits: Vec<(usize, usize)> = Vec::new();
        for (ri, rule) in self.rules.iter().enumerate() {
            for pat in &rule.patterns {
                let len = pat.len();
                if len == 0 || len > n {
                    continue;
                }
                for s in 0..=n - len {
                    let ok = pat.iter().enumerate().all(|(k, preds)| {
                        let t = &tokens[s + k];
                        preds.iter().all(|(attr, p)| match attr {
                            Attr::Tag => Self::pred_ok(p, &t.tag, false),
                            Attr::Lower => Self::pred_ok(p, &lower[s + k], false),
                            Attr::Dep => Self::pred_ok(p, &t.dep, false),
                            Attr::IsSpace => Self::pred_ok(p, "", is_space[s + k]),
                        })
                    });
                    if ok {
                        let idx = if rule.index < 0 {
                            len as i64 + rule.index
                        } else {
                            rule.index
                        };
                        if (0..len as i64).contains(&idx) {
                            hits.push((ri, s + idx as usize));
                        }
                    }
                }
            }
        }
        hits.sort();
        let mut lemma_set = vec![false; n];
        for (ri, ti) in hits {
            let r = &self.rules[ri];
            let t = &mut tokens[ti];
            if let Some(l) = &r.lemma {
                t.lemma = l.clone();
                lemma_set[ti] = true;
            }
            if let Some(p) = &r.pos {
                t.pos = p.clone();
            }
            if let Some(m) = &r.morph {
                t.morph = m.clone();
            }
            if let Some(tag) = &r.tag {
                t.tag = tag.clone();
            }
            if let Some(d) = &r.dep {
                t.dep = d.clone();
            }
        }
        for i in 0..n {
            if !lemma_set[i] {
                let word = &text[tokens[i].start..tokens[i].end];
                tokens[i].lemma = self.lemmatize(word, &lower[i], &tokens[i].pos, &tokens[i].morph);
            }
        }
    }

    fn is_base_form(pos: &str, morph: &str) -> bool {
        let get = |f: &str| {
            morph
                .split('|')
                .find_map(|kv| kv.strip_prefix(f).and_then(|r| r.strip_prefix('=')))
        };
        match pos {
            "noun" if get("Number") == Some("Sing") => return true,
            "verb" if get("VerbForm") == Some("Inf") => return true,
            "verb"
                if get("VerbForm") == Some("Fin")
                    && get("Tense") == Some("Pres")
                    && get("Number").is_none() =>
            {
                return true;
            }
            "adj" if get("Degree") == Some("Pos") => return true,
            _ => {}
        }
        get("VerbForm") == Some("Inf")
            || get("VerbForm") == Some("None")
            || get("Degree") == Some("Pos")
    }

    /// spaCy's `rule_lemmatize` with the English base-form check; the first form wins.
    fn lemmatize(&self, word: &str, lower: &str, pos: &str, morph: &str) -> String {
        let univ = pos.to_lowercase();
        if univ.is_empty() || univ == "eol" || univ == "space" {
            return lower.to_string();
        }
        if Self::is_base_form(&univ, morph) {
            return lower.to_string();
        }
        let Some(t) = self.lemma.get(univ.as_str()) else {
            return if univ == "propn" {
                word.to_string()
            } else {
                lower.to_string()
            };
        };
        let mut forms: Vec<String> = Vec::new();
        let mut oov: Vec<String> = Vec::new();
        for (old, new) in &t.rules {
            if let Some(stem) = lower.strip_suffix(old.as_str()) {
                let form = format!("{stem}{new}");
                if form.is_empty() {
                    continue;
                }
                if t.index.contains(&form) {
                    forms.insert(0, form);
                } else if !py_isalpha(&form) {
                    forms.push(form);
                } else {
                    oov.push(form);
                }
            }
        }
        let mut seen = HashSet::new();
        forms.retain(|f| seen.insert(f.clone()));
        if let Some(exc) = t.exc.get(lower) {
            for f in exc {
                if !forms.contains(f) {
                    forms.insert(0, f.clone());
                }
            }
        }
        if forms.is_empty() {
            forms = oov;
        }
        forms.into_iter().next().unwrap_or_else(|| word.to_string())
    }
}
