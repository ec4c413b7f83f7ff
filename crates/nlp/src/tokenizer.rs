//! spaCy's rule-based tokenizer, driven by the model's own `tokenizer` file: whitespace
//! splitting, special cases, prefix/suffix/infix patterns, URL matching and the final
//! special-case matcher pass, applied in the order `spacy/tokenizer.pyx` applies them.

use crate::error::NlpError;
use crate::pattern::Pattern;
use crate::thinc::{key_str, map_get};
use rmpv::Value;
use std::cell::RefCell;
use std::collections::HashMap;
use std::path::Path;
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// A token as the tokenizer produces it: byte offsets into the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawToken {
    pub start: usize,
    pub end: usize,
    /// Followed by a single space that belongs to this token (spaCy's `whitespace_`).
    pub spacy: bool,
    /// NORM set by a special case, which overrides the lexeme's norm.
    pub norm: Option<Arc<str>>,
}

#[derive(Debug, Clone)]
struct Special {
    /// (ORTH, NORM) of each piece; the ORTHs concatenate to the key.
    pieces: Vec<(String, Option<Arc<str>>)>,
}

/// The compiled patterns. Each thread works on its own clone: a clone gets fresh
/// regex-automata cache pools, whose fast path serves only the thread that first used them.
#[derive(Debug, Clone)]
struct Patterns {
    prefix: Option<Pattern>,
    suffix: Option<Pattern>,
    infix: Option<Pattern>,
    token_match: Option<Pattern>,
    url_match: Option<Pattern>,
}

thread_local! {
    static THREAD_PATTERNS: RefCell<Option<(u64, Rc<Patterns>)>> = const { RefCell::new(None) };
}

/// The tokenizer of a spaCy pipeline.
#[derive(Debug)]
pub struct Tokenizer {
    patterns: Patterns,
    specials: HashMap<String, Special>,
    /// Bytes in the longest special-case key: no longer string needs looking up.
    longest_special: usize,
    /// Special cases that the affix rules would split, keyed by the ORTH of the first token
    /// of that split; each entry is (token ORTHs, special key).
    matcher: HashMap<String, Vec<(Vec<String>, String)>>,
    /// Identifies this tokenizer in the per-thread span cache.
    id: u64,
}

/// Tokens of one whitespace-delimited span, offsets relative to the span.
type CachedSpan = Box<[(u32, u32, Option<Arc<str>>)]>;

static NEXT_ID: AtomicU64 = AtomicU64::new(1);
const CACHE_LIMIT: usize = 200_000;
/// Longest span (bytes) kept in the span cache. Words that recur are short; without a bound the
/// cache, which lives as long as the thread, could hold `CACHE_LIMIT` copies of huge spans.
const CACHE_MAX_SPAN: usize = 256;

thread_local! {
    // Like spaCy's own cache: a span always tokenizes the same way, so results are reused.
    static SPAN_CACHE: RefCell<(u64, HashMap<Box<str>, CachedSpan>)> = RefCell::new((0, HashMap::new()));
}

/// Python's `str.isspace` for one character.
pub fn py_isspace(c: char) -> bool {
    crate::pychar::isspace(c)
}
fn compile(name: &str, v: Option<&Value>, windowed: bool) -> Result<Option<Pattern>, NlpError> {
    v.and_then(key_str)
        .map(|p| Pattern::compile(name, p, windowed))
        .transpose()
}

fn int_key(k: &Value) -> Option<u64> {
    k.as_u64()
        .or_else(|| key_str(k).and_then(|s| s.parse().ok()))
}

const ORTH: u64 = 65;
const NORM: u64 = 67;

impl Tokenizer {
    /// Loads the `tokenizer` file of a pipeline directory.
    pub fn load(path: &Path) -> Result<Self, NlpError> {
        let root = crate::error::read_msgpack(path)?;
        let patterns = Patterns {
            prefix: compile("prefix_search", map_get(&root, "prefix_search"), true)?,
            suffix: compile("suffix_search", map_get(&root, "suffix_search"), true)?,
            infix: compile("infix_finditer", map_get(&root, "infix_finditer"), true)?,
            token_match: compile("token_match", map_get(&root, "token_match"), false)?,
            url_match: compile("url_match", map_get(&root, "url_match"), false)?,
        };
        // Load-time matching runs on a throwaway clone so that the patterns' pools are owned
        // by whichever thread tokenizes first.
        let p = patterns.clone();
        let mut tok = Tokenizer {
            patterns,
            specials: HashMap::new(),
            longest_special: 0,
            matcher: HashMap::new(),
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
        };
        let faster = map_get(&root, "faster_heuristics")
            .and_then(Value::as_bool)
            .unwrap_or(true);
        if let Some(ex) = map_get(&root, "exceptions").and_then(Value::as_map) {
            for (k, v) in ex {
                let Some(key) = key_str(k) else { continue };
                let mut pieces = Vec::new();
                for piece in v.as_array().map(Vec::as_slice).unwrap_or(&[]) {
                    let mut orth = None;
                    let mut norm = None;
                    for (a, val) in piece.as_map().map(Vec::as_slice).unwrap_or(&[]) {
                        match int_key(a) {
                            Some(ORTH) => orth = key_str(val).map(str::to_string),
                            Some(NORM) => norm = key_str(val).map(Arc::from),
                            _ => {}
                        }
                    }
                    pieces.push((orth.unwrap_or_default(), norm));
                }
                tok.longest_special = tok.longest_special.max(key.len());
                tok.specials.insert(key.to_string(), Special { pieces });
            }
        }
        // Special cases that contain affixes are re-applied after tokenization by a phrase
        // matcher over the tokens the affix rules produce (spaCy's `_special_matcher`).
        let keys: Vec<String> = tok.specials.keys().cloned().collect();
        for key in keys {
            let affixy = !faster
                || find_prefix(&p, &key) > 0
                || find_suffix(&p, &key) > 0
                || has_infix(&p, &key)
                || key.contains(' ');
            if !affixy {
                continue;
            }
            let toks = tok.tokenize_with(&p, &key, false);
            let orths: Vec<String> = toks
                .iter()
                .map(|t| key[t.start..t.end].to_string())
                .collect();
            if let Some(first) = orths.first().cloned() {
                tok.matcher.entry(first).or_default().push((orths, key));
            }
        }
        Ok(tok)
    }

    fn patterns(&self) -> Rc<Patterns> {
        THREAD_PATTERNS.with(|t| {
            let mut t = t.borrow_mut();
            match &*t {
                Some((id, p)) if *id == self.id => p.clone(),
                _ => {
                    let p = Rc::new(self.patterns.clone());
                    *t = Some((self.id, p.clone()));
                    p
                }
            }
        })
    }
}

fn find_prefix(p: &Patterns, s: &str) -> usize {
    p.prefix
        .as_ref()
        .and_then(|re| re.find_at(s, 0))
        .map_or(0, |(start, end)| end - start)
}

fn find_suffix(p: &Patterns, s: &str) -> usize {
    p.suffix
        .as_ref()
        .and_then(|re| re.find_at(s, 0))
        .map_or(0, |(start, end)| end - start)
}

fn has_infix(p: &Patterns, s: &str) -> bool {
    p.infix
        .as_ref()
        .is_some_and(|re| re.find_at(s, 0).is_some())
}

fn full_match(re: &Option<Pattern>, s: &str) -> bool {
    // Python's `re.match` anchors at the start only; spaCy's patterns end in `$`.
    re.as_ref().is_some_and(|re| re.matches_at_start(s))
}

impl Tokenizer {
    /// Tokenizes `text`.
    pub fn tokenize(&self, text: &str) -> Vec<RawToken> {
        let p = self.patterns();
        let mut toks = self.tokenize_with(&p, text, true);
        self.apply_special_matcher(text, &mut toks);
        toks
    }

    fn tokenize_with(&self, p: &Patterns, text: &str, specials: bool) -> Vec<RawToken> {
        let mut out = Vec::new();
        let Some(first) = text.chars().next() else {
            return out;
        };
        let mut in_ws = py_isspace(first);
        let mut start = 0;
        for (i, c) in text.char_indices() {
            if py_isspace(c) != in_ws {
                if start < i {
                    self.tokenize_span(p, text, start, i, specials, &mut out);
                }
                if c == ' ' {
                    if let Some(last) = out.last_mut() {
                        last.spacy = true;
                    }
                    start = i + 1;
                } else {
                    start = i;
                }
                in_ws = !in_ws;
            }
        }
        if start < text.len() {
            self.tokenize_span(p, text, start, text.len(), specials, &mut out);
            if let Some(last) = out.last_mut() {
                last.spacy = text.ends_with(' ') && !in_ws;
            }
        }
        out
    }

    fn push_special(&self, sp: &Special, mut at: usize, out: &mut Vec<RawToken>) {
        for (orth, norm) in &sp.pieces {
            out.push(RawToken {
                start: at,
                end: at + orth.len(),
                spacy: false,
                norm: norm.clone(),
            });
            at += orth.len();
        }
    }

    fn plain(start: usize, end: usize) -> RawToken {
        RawToken {
            start,
            end,
            spacy: false,
            norm: None,
        }
    }

    fn tokenize_span(
        &self,
        p: &Patterns,
        text: &str,
        s0: usize,
        e0: usize,
        specials: bool,
        out: &mut Vec<RawToken>,
    ) {
        if !specials {
            return self.tokenize_span_uncached(p, text, s0, e0, specials, out);
        }
        let span = &text[s0..e0];
        SPAN_CACHE.with(|c| {
            let mut c = c.borrow_mut();
            if c.0 != self.id || c.1.len() > CACHE_LIMIT {
                c.1.clear();
                c.0 = self.id;
            }
            if span.len() > CACHE_MAX_SPAN {
                return self.tokenize_span_uncached(p, text, s0, e0, specials, out);
            }
            if let Some(toks) = c.1.get(span) {
                out.extend(toks.iter().map(|(a, b, n)| RawToken {
                    start: s0 + *a as usize,
                    end: s0 + *b as usize,
                    spacy: false,
                    norm: n.clone(),
                }));
                return;
            }
            let first = out.len();
            self.tokenize_span_uncached(p, text, s0, e0, specials, out);
            let rel: CachedSpan = out[first..]
                .iter()
                .map(|t| ((t.start - s0) as u32, (t.end - s0) as u32, t.norm.clone()))
                .collect();
            c.1.insert(span.into(), rel);
        })
    }

    fn tokenize_span_uncached(
        &self,
        p: &Patterns,
        text: &str,
        s0: usize,
        e0: usize,
        specials: bool,
        out: &mut Vec<RawToken>,
    ) {
        let special = |s: &str| {
            (specials && s.len() <= self.longest_special)
                .then(|| self.specials.get(s))
                .flatten()
        };
        if let Some(sp) = special(&text[s0..e0]) {
            self.push_special(sp, s0, out);
            return;
        }
        let is_special = |s: &str| special(s).is_some();
        let (mut s, mut e) = (s0, e0);
        let mut prefixes: Vec<(usize, usize)> = Vec::new();
        let mut suffixes: Vec<(usize, usize)> = Vec::new();
        let mut last_size = 0usize;
        while s < e && e - s != last_size {
            let cur = &text[s..e];
            if full_match(&p.token_match, cur) || is_special(cur) {
                break;
            }
            last_size = e - s;
            let pre_len = find_prefix(p, cur);
            if pre_len != 0 {
                let minus_pre = &text[s + pre_len..e];
                if !minus_pre.is_empty() && is_special(minus_pre) {
                    prefixes.push((s, s + pre_len));
                    s += pre_len;
                    break;
                }
            }
            let suf_len = find_suffix(p, &text[s + pre_len..e]);
            if suf_len != 0 {
                let minus_suf = &text[s..e - suf_len];
                if !minus_suf.is_empty() && is_special(minus_suf) {
                    suffixes.push((e - suf_len, e));
                    e -= suf_len;
                    break;
                }
            }
            if pre_len != 0 && suf_len != 0 && pre_len + suf_len <= e - s {
                prefixes.push((s, s + pre_len));
                suffixes.push((e - suf_len, e));
                s += pre_len;
                e -= suf_len;
            } else if pre_len != 0 {
                prefixes.push((s, s + pre_len));
                s += pre_len;
            } else if suf_len != 0 {
                suffixes.push((e - suf_len, e));
                e -= suf_len;
            }
        }
        for &(a, b) in &prefixes {
            out.push(Self::plain(a, b));
        }
        if s < e {
            let core = &text[s..e];
            if let Some(sp) = special(core) {
                self.push_special(sp, s, out);
            } else if full_match(&p.token_match, core) || full_match(&p.url_match, core) {
                out.push(Self::plain(s, e));
            } else {
                let mut start = 0usize;
                let mut any = false;
                if let Some(re) = &p.infix {
                    for (is, ie) in re.find_all(core) {
                        any = true;
                        // An infix at the very start of the span is not split off.
                        if is == 0 {
                            continue;
                        }
                        if is != start {
                            out.push(Self::plain(s + start, s + is));
                        }
                        if is != ie {
                            out.push(Self::plain(s + is, s + ie));
                        }
                        start = ie;
                    }
                }
                if !any {
                    out.push(Self::plain(s, e));
                } else if start < core.len() {
                    out.push(Self::plain(s + start, e));
                }
            }
        }
        for &(a, b) in suffixes.iter().rev() {
            out.push(Self::plain(a, b));
        }
    }

    /// spaCy's `_apply_special_cases`: special cases whose text the affix rules split are
    /// found as token sequences and re-tokenized, longest match first.
    fn apply_special_matcher(&self, text: &str, toks: &mut Vec<RawToken>) {
        if self.matcher.is_empty() || toks.is_empty() {
            return;
        }
        let mut found: Vec<(usize, usize)> = Vec::new();
        for i in 0..toks.len() {
            let Some(cands) = self.matcher.get(&text[toks[i].start..toks[i].end]) else {
                continue;
            };
            for (orths, _) in cands {
                let n = orths.len();
                if i + n <= toks.len()
                    && orths
                        .iter()
                        .zip(&toks[i..i + n])
                        .all(|(o, t)| &text[t.start..t.end] == o)
                {
                    found.push((i, i + n));
                }
            }
        }
        if found.is_empty() {
            return;
        }
        // Longest first; among equal lengths the earliest first.
        found.sort_by(|a, b| (b.1 - b.0).cmp(&(a.1 - a.0)).then(a.0.cmp(&b.0)));
        found.dedup();
        let mut seen = vec![false; toks.len()];
        let mut keep = Vec::new();
        for (a, b) in found {
            if !seen[a] && !seen[b - 1] {
                keep.push((a, b));
            }
            for s in &mut seen[a..b] {
                *s = true;
            }
        }
        keep.sort();
        let mut out = Vec::with_capacity(toks.len());
        let mut i = 0;
        let mut k = 0;
        while i < toks.len() {
            if k < keep.len() && keep[k].0 == i {
                let (a, b) = keep[k];
                k += 1;
                let span = &text[toks[a].start..toks[b - 1].end];
                if let Some(sp) = self.specials.get(span) {
                    let final_spacy = toks[b - 1].spacy;
                    self.push_special(sp, toks[a].start, &mut out);
                    if let Some(last) = out.last_mut() {
                        last.spacy = final_spacy;
                    }
                } else {
                    out.extend_from_slice(&toks[a..b]);
                }
                i = b;
            } else {
                out.push(toks[i].clone());
                i += 1;
            }
        }
        *toks = out;
    }
}
