//! spaCy's transition-based parser model (`TransitionBasedParser.v2`) and its two
//! transition systems: arc-eager dependency parsing and BILUO named entities, decoded
//! greedily exactly as `transition_parser.pyx` does.

use crate::error::NlpError;
use crate::nn::{Linear, Tok2Vec, gemm_xwt};
use crate::thinc::ThincModel;
use std::path::Path;

/// The lower ("precomputable affine") and upper layers of a parser model.
#[derive(Debug, Clone)]
pub struct StepModel {
    /// A tok2vec of the component's own (NER in the small English pipeline).
    pub tok2vec: Option<Tok2Vec>,
    proj: Linear,
    n_feats: usize,
    n_hidden: usize,
    n_pieces: usize,
    /// `(n_feats·n_hidden·n_pieces) × n_in`.
    lower_w: Vec<f32>,
    lower_b: Vec<f32>,
    /// Used for a missing feature token: `n_feats × n_hidden·n_pieces`.
    lower_pad: Vec<f32>,
    upper: Linear,
}

impl StepModel {
    pub fn load(path: &Path) -> Result<Self, NlpError> {
        let m = ThincModel::load(path)?;
        let tok2vec = if m.named("hashembed").next().is_some() {
            Some(Tok2Vec::from_model(&m)?)
        } else {
            None
        };
        let lower = m
            .named("precomputable_affine")
            .next()
            .ok_or_else(|| NlpError::model("parser", "no precomputable_affine"))?;
        let w = lower.param("W")?;
        if w.shape.len() != 4 {
            return Err(NlpError::model("parser", "lower W is not 4-d"));
        }
        let (n_feats, n_hidden, n_pieces) = (w.shape[0], w.shape[1], w.shape[2]);
        let linears: Vec<Linear> = m
            .named("linear")
            .map(Linear::from_node)
            .collect::<Result<_, _>>()?;
        // The projection feeds the lower layer; the upper reads the hidden layer.
        let proj = linears
            .iter()
            .find(|l| l.n_out == w.shape[3] && l.n_in != n_hidden)
            .or_else(|| linears.iter().find(|l| l.n_out == w.shape[3]))
            .cloned()
            .ok_or_else(|| NlpError::model("parser", "no tok2vec projection"))?;
        let upper = linears
            .iter()
            .find(|l| l.n_in == n_hidden && l.n_out != w.shape[3])
            .cloned()
            .ok_or_else(|| NlpError::model("parser", "no upper layer"))?;
        Ok(StepModel {
            tok2vec,
            proj,
            n_feats,
            n_hidden,
            n_pieces,
            lower_w: w.data.clone(),
            lower_b: lower.param("b")?.data.clone(),
            lower_pad: lower.param("pad")?.data.clone(),
            upper,
        })
    }

    pub fn n_classes(&self) -> usize {
        self.upper.n_out
    }

    /// Projects token vectors and precomputes every token's contribution to every feature
    /// slot: `n × (n_feats·n_hidden·n_pieces)`.
    pub fn precompute(&self, tokvecs: &[f32], n: usize) -> Vec<f32> {
        let mut x = Vec::new();
        self.proj.forward(tokvecs, n, &mut x);
        let width = self.n_feats * self.n_hidden * self.n_pieces;
        let mut cached = vec![0f32; n * width];
        gemm_xwt(&x, n, self.proj.n_out, &self.lower_w, width, &mut cached);
        cached
    }

    /// Scores of every class for each state's feature tokens (`-1` = missing); state `s`
    /// reads its document's precomputed table `cached[s]`.
    pub fn scores(
        &self,
        cached: &[&[f32]],
        ids: &[i32],
        hidden: &mut Vec<f32>,
        out: &mut Vec<f32>,
    ) {
        let n_states = cached.len();
        let hp = self.n_hidden * self.n_pieces;
        let width = self.n_feats * hp;
        let mut unmaxed = vec![0f32; hp];
        hidden.clear();
        hidden.resize(n_states * self.n_hidden, 0.0);
        for s in 0..n_states {
            unmaxed.fill(0.0);
            for f in 0..self.n_feats {
                let id = ids[s * self.n_feats + f];
                let src = if id < 0 {
                    &self.lower_pad[f * hp..(f + 1) * hp]
                } else {
                    let base = id as usize * width + f * hp;
                    &cached[s][base..base + hp]
                };
                for (u, v) in unmaxed.iter_mut().zip(src) {
                    *u += v;
                }
            }
            for (u, b) in unmaxed.iter_mut().zip(&self.lower_b) {
                *u += b;
            }
            let h = &mut hidden[s * self.n_hidden..(s + 1) * self.n_hidden];
            for (j, hj) in h.iter_mut().enumerate() {
                let pieces = &unmaxed[j * self.n_pieces..(j + 1) * self.n_pieces];
                let mut best = pieces[0];
                for &p in &pieces[1..] {
                    if p > best {
                        best = p;
                    }
                }
                *hj = best;
            }
        }
        self.upper.forward(hidden, n_states, out);
    }
}

/// The first valid class with the highest score, as `arg_max_if_valid`.
fn arg_max_if_valid(scores: &[f32], valid: &[bool]) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (i, (&s, &v)) in scores.iter().zip(valid).enumerate() {
        if v && best.is_none_or(|b| s > scores[b]) {
            best = Some(i);
        }
    }
    best
}

/// Orders the (action, label) classes as `TransitionSystem.initialize_actions` does from the
/// `moves` file: actions ascending, labels by descending frequency (ties by descending
/// label), negative-frequency labels afterwards.
fn ordered_classes(
    dir: &Path,
    skip: impl Fn(u32, &str) -> bool,
) -> Result<Vec<(u32, String)>, NlpError> {
    let path = dir.join("moves");
    let root = crate::error::read_msgpack(&path)?;
    let moves = crate::thinc::map_get(&root, "moves")
        .and_then(crate::thinc::key_str)
        .ok_or_else(|| NlpError::model("moves", "no moves"))?;
    let parsed: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(moves).map_err(|source| NlpError::Json {
            path: path.clone(),
            source,
        })?;
    let mut actions: Vec<(String, &serde_json::Map<String, serde_json::Value>)> = parsed
        .iter()
        .filter_map(|(k, v)| v.as_object().map(|o| (k.clone(), o)))
        .collect();
    actions.sort_by(|a, b| a.0.cmp(&b.0));
    let mut out = Vec::new();
    let mut added: Vec<(i64, String, u32)> = Vec::new();
    for (action, labels) in actions {
        let action: u32 = action
            .parse()
            .map_err(|_| NlpError::model("moves", "action id"))?;
        let mut sorted: Vec<(i64, String)> = labels
            .iter()
            .map(|(l, f)| (f.as_i64().unwrap_or(0), l.clone()))
            .collect();
        sorted.sort();
        sorted.reverse();
        for (freq, label) in sorted {
            if freq < 0 {
                added.push((freq, label, action));
            } else if !skip(action, &label) {
                out.push((action, label));
            }
        }
    }
    added.sort_by(|a, b| b.cmp(a));
    for (_, label, action) in added {
        if !skip(action, &label) && !out.contains(&(action, label.clone())) {
            out.push((action, label));
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// Named entities (BILUO)

const B: u32 = 1;
const I: u32 = 2;
const L: u32 = 3;
const U: u32 = 4;
const O: u32 = 5;

/// The NER component.
#[derive(Debug, Clone)]
pub struct Ner {
    pub model: StepModel,
    /// (move, label index into `labels`; `usize::MAX` for none).
    classes: Vec<(u32, usize)>,
    pub labels: Vec<String>,
}

/// What the NER reads about each token.
pub struct NerToken {
    pub is_space: bool,
    pub sent_start: bool,
}

impl Ner {
    pub fn load(dir: &Path) -> Result<Self, NlpError> {
        let model = StepModel::load(&dir.join("model"))?;
        let raw = ordered_classes(dir, |a, l| a == 0 || (a == O && !l.is_empty()))?;
        let mut labels: Vec<String> = Vec::new();
        let mut classes = Vec::new();
        for (a, l) in raw {
            let li = if l.is_empty() {
                usize::MAX
            } else if let Some(p) = labels.iter().position(|x| *x == l) {
                p
            } else {
                labels.push(l);
                labels.len() - 1
            };
            classes.push((a, li));
        }
        if classes.len() != model.n_classes() {
            return Err(NlpError::model(
                "ner",
                format!("{} moves, {} outputs", classes.len(), model.n_classes()),
            ));
        }
        Ok(Ner {
            model,
            classes,
            labels,
        })
    }

    pub fn class_names(&self) -> Vec<String> {
        let names = ["", "B", "I", "L", "U", "O"];
        self.classes
            .iter()
            .map(|&(a, l)| {
                let n = names[a as usize];
                if l == usize::MAX {
                    if a == O {
                        n.to_string()
                    } else {
                        format!("{n}-")
                    }
                } else {
                    format!("{n}-{}", self.labels[l])
                }
            })
            .collect()
    }

    /// Greedy BILUO decoding of a batch of documents in lockstep (one matrix product per
    /// step for all unfinished documents); per document (start, end, label index) in tokens.
    pub fn predict_batch(&self, docs: &[(&[f32], &[NerToken])]) -> Vec<Vec<(usize, usize, usize)>> {
        struct St {
            cached: Vec<f32>,
            b: usize,
            open: Option<(usize, usize)>,
            ents: Vec<(usize, usize, usize)>,
        }
        let mut states: Vec<St> = docs
            .iter()
            .map(|(vecs, toks)| St {
                cached: self.model.precompute(vecs, toks.len()),
                b: 0,
                open: None,
                ents: Vec::new(),
            })
            .collect();
        let mut active: Vec<usize> = (0..docs.len()).filter(|&d| !docs[d].1.is_empty()).collect();
        let mut valid = vec![false; self.classes.len()];
        let (mut hidden, mut scores, mut ids) = (Vec::new(), Vec::new(), Vec::new());
        let nc = self.classes.len();
        while !active.is_empty() {
            ids.clear();
            for &d in &active {
                let st = &states[d];
                let e0 = st.open.map_or(-1, |(s, _)| s as i32);
                ids.extend_from_slice(&[
                    st.b as i32,
                    e0,
                    if e0 >= 0 { st.b as i32 - 1 } else { -1 },
                ]);
            }
            let cached: Vec<&[f32]> = active
                .iter()
                .map(|&d| states[d].cached.as_slice())
                .collect();
            self.model.scores(&cached, &ids, &mut hidden, &mut scores);
            for (k, &d) in active.iter().enumerate() {
                let toks = docs[d].1;
                let n = toks.len();
                let st = &mut states[d];
                let b = st.b;
                let open = st.open;
                let buffer_len = n - b;
                let next_sent_start = b + 1 < n && toks[b + 1].sent_start;
                for (v, &(a, l)) in valid.iter_mut().zip(&self.classes) {
                    let has_label = l != usize::MAX;
                    *v = match a {
                        B => {
                            open.is_none()
                                && buffer_len >= 2
                                && has_label
                                && !next_sent_start
                                && !toks[b].is_space
                        }
                        I => match open {
                            Some((_, ol)) => {
                                buffer_len >= 2 && has_label && ol == l && !next_sent_start
                            }
                            None => false,
                        },
                        L => has_label && open.is_some_and(|(_, ol)| ol == l),
                        U => has_label && open.is_none() && !toks[b].is_space,
                        O => open.is_none(),
                        _ => false,
                    };
                }
                let Some(guess) = arg_max_if_valid(&scores[k * nc..(k + 1) * nc], &valid) else {
                    st.b = n;
                    continue;
                };
                let (a, l) = self.classes[guess];
                match a {
                    B => st.open = Some((b, l)),
                    L => {
                        if let Some((s, ol)) = st.open.take() {
                            st.ents.push((s, b + 1, ol));
                        }
                    }
                    U => st.ents.push((b, b + 1, l)),
                    _ => {}
                }
                st.b += 1;
            }
            active.retain(|&d| states[d].b < docs[d].1.len());
        }
        states.into_iter().map(|s| s.ents).collect()
    }
}

// ---------------------------------------------------------------------------------------
// Dependencies (arc-eager)

const SHIFT: u32 = 0;
const REDUCE: u32 = 1;
const LEFT: u32 = 2;
const RIGHT: u32 = 3;
const BREAK: u32 = 4;

/// The dependency parser component.
#[derive(Debug, Clone)]
pub struct Parser {
    pub model: StepModel,
    classes: Vec<(u32, usize)>,
    pub labels: Vec<String>,
}

/// A parse: head index and label index for every token, plus sentence starts.
#[derive(Debug, Clone, Default)]
pub struct Parse {
    pub heads: Vec<usize>,
    pub deps: Vec<String>,
    pub sent_starts: Vec<bool>,
}

struct ArcState {
    n: usize,
    stack: Vec<usize>,
    rebuffer: Vec<usize>,
    b_i: usize,
    heads: Vec<i32>,
    labels: Vec<usize>,
    // Children per head in the order their arcs were added (spaCy keeps a per-head vector).
    left_arcs: Vec<Vec<usize>>,
    right_arcs: Vec<Vec<usize>>,
    unshiftable: Vec<bool>,
    sent_starts: Vec<bool>,
}

impl ArcState {
    fn s(&self, i: usize) -> i32 {
        if i >= self.stack.len() {
            -1
        } else {
            self.stack[self.stack.len() - 1 - i] as i32
        }
    }
    fn b(&self, i: usize) -> i32 {
        if i < self.rebuffer.len() {
            return self.rebuffer[self.rebuffer.len() - 1 - i] as i32;
        }
        let bi = self.b_i + (i - self.rebuffer.len());
        if bi >= self.n { -1 } else { bi as i32 }
    }
    fn buffer_length(&self) -> usize {
        (self.n - self.b_i) + self.rebuffer.len()
    }
    fn is_sent_start(&self, w: i32) -> bool {
        w >= 0 && (w as usize) < self.n && self.sent_starts[w as usize]
    }
    fn child(arcs: &[Vec<usize>], head: i32) -> i32 {
        if head < 0 {
            return -1;
        }
        arcs[head as usize].last().map_or(-1, |&c| c as i32)
    }
    fn push(&mut self) {
        let b0 = if let Some(b) = self.rebuffer.pop() {
            b
        } else {
            self.b_i += 1;
            self.b_i - 1
        };
        self.stack.push(b0);
    }
    fn add_arc(&mut self, head: usize, child: usize, label: usize) {
        if self.heads[child] >= 0 {
            let old = self.heads[child] as usize;
            let arcs = if old > child {
                &mut self.left_arcs[old]
            } else {
                &mut self.right_arcs[old]
            };
            // spaCy only ever removes the most recent arc; an older one stays listed.
            if arcs.last() == Some(&child) {
                arcs.pop();
            }
        }
        if head > child {
            self.left_arcs[head].push(child);
        } else {
            self.right_arcs[head].push(child);
        }
        self.heads[child] = head as i32;
        self.labels[child] = label;
    }
}

impl Parser {
    pub fn load(dir: &Path) -> Result<Self, NlpError> {
        let model = StepModel::load(&dir.join("model"))?;
        let raw = ordered_classes(dir, |_, _| false)?;
        let mut labels: Vec<String> = Vec::new();
        let mut classes = Vec::new();
        for (a, l) in raw {
            let li = if let Some(p) = labels.iter().position(|x| *x == l) {
                p
            } else {
                labels.push(l);
                labels.len() - 1
            };
            classes.push((a, li));
        }
        if classes.len() != model.n_classes() {
            return Err(NlpError::model(
                "parser",
                format!("{} moves, {} outputs", classes.len(), model.n_classes()),
            ));
        }
        Ok(Parser {
            model,
            classes,
            labels,
        })
    }

    pub fn class_names(&self) -> Vec<String> {
        let names = ["S", "D", "L", "R", "B"];
        self.classes
            .iter()
            .map(|&(a, l)| {
                let lab = &self.labels[l];
                if lab.is_empty() {
                    names[a as usize].to_string()
                } else {
                    format!("{}-{}", names[a as usize], lab)
                }
            })
            .collect()
    }

    /// Greedy arc-eager parses of a batch of documents in lockstep, then spaCy's
    /// post-processing (roots labelled ROOT, pseudo-projective labels undone, sentence
    /// starts from the tree).
    pub fn predict_batch(&self, docs: &[(&[f32], &[bool])]) -> Vec<Parse> {
        let mut states: Vec<ArcState> = docs
            .iter()
            .map(|(_, sp)| {
                let n = sp.len();
                ArcState {
                    n,
                    stack: Vec::new(),
                    rebuffer: Vec::new(),
                    b_i: 0,
                    heads: vec![-1; n],
                    labels: vec![usize::MAX; n],
                    left_arcs: vec![Vec::new(); n],
                    right_arcs: vec![Vec::new(); n],
                    unshiftable: vec![false; n],
                    sent_starts: vec![false; n],
                }
            })
            .collect();
        let caches: Vec<Vec<f32>> = docs
            .iter()
            .map(|(v, sp)| self.model.precompute(v, sp.len()))
            .collect();
        let mut active: Vec<usize> = (0..docs.len()).filter(|&d| states[d].n > 0).collect();
        let (mut hidden, mut scores, mut ids) = (Vec::new(), Vec::new(), Vec::new());
        let mut valid = vec![false; self.classes.len()];
        let nc = self.classes.len();
        while !active.is_empty() {
            ids.clear();
            for &d in &active {
                let st = &states[d];
                let (b0, s0) = (st.b(0), st.s(0));
                ids.extend_from_slice(&[
                    b0,
                    st.b(1),
                    s0,
                    st.s(1),
                    st.s(2),
                    ArcState::child(&st.left_arcs, b0),
                    ArcState::child(&st.left_arcs, s0),
                    ArcState::child(&st.right_arcs, s0),
                ]);
            }
            let cached: Vec<&[f32]> = active.iter().map(|&d| caches[d].as_slice()).collect();
            self.model.scores(&cached, &ids, &mut hidden, &mut scores);
            for (k, &d) in active.iter().enumerate() {
                let st = &mut states[d];
                let (b0, _) = (st.b(0), st.s(0));
                let depth = st.stack.len();
                let blen = st.buffer_length();
                let shift = depth == 0
                    || !(blen < 2
                        || st.is_sent_start(b0)
                        || (b0 >= 0 && st.unshiftable[b0 as usize]));
                let reduce = depth > 0;
                let arc = depth > 0 && blen > 0 && !st.is_sent_start(b0);
                let brk = blen >= 2 && st.b(1) == b0 + 1 && !st.is_sent_start(st.b(1));
                for (v, &(a, _)) in valid.iter_mut().zip(&self.classes) {
                    *v = match a {
                        SHIFT => shift,
                        REDUCE => reduce,
                        LEFT | RIGHT => arc,
                        BREAK => brk,
                        _ => false,
                    };
                }
                let Some(guess) = arg_max_if_valid(&scores[k * nc..(k + 1) * nc], &valid) else {
                    // spaCy forces the state final when nothing is valid.
                    st.stack.clear();
                    st.rebuffer.clear();
                    st.b_i = st.n;
                    continue;
                };
                let (a, l) = self.classes[guess];
                match a {
                    SHIFT => st.push(),
                    REDUCE => {
                        let s0 = st.s(0) as usize;
                        if st.heads[s0] >= 0 || st.stack.len() == 1 {
                            st.stack.pop();
                        } else {
                            st.unshiftable[s0] = true;
                            st.stack.pop();
                            st.rebuffer.push(s0);
                        }
                    }
                    LEFT => {
                        let (b0, s0) = (st.b(0) as usize, st.s(0) as usize);
                        st.add_arc(b0, s0, l);
                        st.unshiftable[b0] = false;
                        st.stack.pop();
                    }
                    RIGHT => {
                        let (b0, s0) = (st.b(0) as usize, st.s(0) as usize);
                        st.add_arc(s0, b0, l);
                        st.push();
                    }
                    BREAK => {
                        let b1 = st.b(1) as usize;
                        st.sent_starts[b1] = true;
                    }
                    _ => {}
                }
            }
            active.retain(|&d| !(states[d].stack.is_empty() && states[d].buffer_length() == 0));
        }
        states
            .iter()
            .zip(docs)
            .map(|(st, (_, sp))| self.finish(st, sp))
            .collect()
    }

    fn finish(&self, st: &ArcState, is_space: &[bool]) -> Parse {
        let n = st.n;
        // Relative heads as the Doc stores them; unattached tokens are roots.
        let mut head: Vec<usize> = (0..n)
            .map(|i| {
                if st.heads[i] >= 0 {
                    st.heads[i] as usize
                } else {
                    i
                }
            })
            .collect();
        let mut deps: Vec<String> = (0..n)
            .map(|i| {
                if head[i] == i || st.labels[i] == usize::MAX {
                    "ROOT".to_string()
                } else {
                    self.labels[st.labels[i]].clone()
                }
            })
            .collect();
        let (l_edge, r_edge, _) = children_and_edges(&head);
        // Undo the pseudo-projective decoration X||Y: reattach to the first Y found
        // breadth-first below the current head (spaCy's `deprojectivize`).
        for i in 0..n {
            let Some((new_label, head_label)) = deps[i]
                .split_once("||")
                .map(|(a, b)| (a.to_string(), b.to_string()))
            else {
                continue;
            };
            let mut new_head = head[i];
            let mut queue = vec![head[i]];
            'search: while !queue.is_empty() {
                let mut next = Vec::new();
                for &q in &queue {
                    for c in children(&head, &l_edge, &r_edge, q) {
                        if is_space[c] || c == i {
                            continue;
                        }
                        if deps[c] == head_label {
                            new_head = c;
                            break 'search;
                        }
                        next.push(c);
                    }
                }
                queue = next;
            }
            head[i] = new_head;
            deps[i] = new_label;
        }
        let (_, _, sent_starts) = children_and_edges(&head);
        Parse {
            heads: head,
            deps,
            sent_starts,
        }
    }
}

/// Children of `h` as `Token.children` lists them, from the (possibly stale) edges.
fn children(head: &[usize], l_edge: &[usize], r_edge: &[usize], h: usize) -> Vec<usize> {
    let mut out = Vec::new();
    for c in l_edge[h]..h {
        if head[c] == h && c != h {
            out.push(c);
        }
    }
    for c in h + 1..=r_edge[h].min(head.len() - 1) {
        if head[c] == h {
            out.push(c);
        }
    }
    out
}

/// spaCy's `set_children_from_heads`: left/right edges (iterated for non-projective trees)
/// and sentence starts at the left edge of every root.
fn children_and_edges(head: &[usize]) -> (Vec<usize>, Vec<usize>, Vec<bool>) {
    let n = head.len();
    let mut l_edge: Vec<usize> = (0..n).collect();
    let mut r_edge: Vec<usize> = (0..n).collect();
    let mut loops = 0;
    loop {
        for i in 0..n {
            let h = head[i];
            if l_edge[i] < l_edge[h] {
                l_edge[h] = l_edge[i];
            }
            if r_edge[i] > r_edge[h] {
                r_edge[h] = r_edge[i];
            }
        }
        for i in (0..n).rev() {
            let h = head[i];
            if r_edge[i] > r_edge[h] {
                r_edge[h] = r_edge[i];
            }
            if l_edge[i] < l_edge[h] {
                l_edge[h] = l_edge[i];
            }
        }
        let starts: std::collections::HashSet<usize> = (0..n)
            .filter(|&i| head[i] == i)
            .map(|i| l_edge[i])
            .collect();
        let mut ok = true;
        let mut cur_start = 0;
        'check: for i in 0..n {
            if (i > 0 && starts.contains(&i)) || i == n - 1 {
                let cur_end = i;
                for j in cur_start..cur_end {
                    if head[j] < cur_start || head[j] > cur_end {
                        ok = false;
                        break 'check;
                    }
                }
                cur_start = i;
            }
        }
        if ok || loops > 10 {
            break;
        }
        loops += 1;
    }
    let mut sent = vec![false; n];
    for i in 0..n {
        if head[i] == i {
            sent[l_edge[i]] = true;
        }
    }
    (l_edge, r_edge, sent)
}
