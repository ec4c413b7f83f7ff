//! Quotations in news text: who said what, with the speaker and the speech verb.
//!
//! [`extract`] reads a document the NLP core has already annotated (tokens with tags, lemmas and
//! a dependency parse, sentences, entity mentions) and returns its quotations as stand-off
//! [`Quote`]s (byte offsets):
//!
//! - **Direct quotations**: text between quotation marks of any style (see [`marks`]: straight,
//!   curly, single curly, straight single where unambiguous, guillemets, ``` ``…'' ```),
//!   attributed to a speech verb in the same or a neighbouring sentence. A quotation split by its
//!   attribution (`"…," he said. "…"`) is one quote; a short one needs its cue right beside it
//!   (`'No,' he said.`). Scare quotes, names and terms in marks are not quotes: short marked
//!   spans with no speech verb nearby, title-case names, marks after a word that introduces a
//!   term (`a so-called "reset"`, `what officials call "strategic patience"`) and short marked
//!   modifiers or names inside a noun phrase (`the "Five Eyes" alliance`, `hopes of a "grand
//!   bargain"`). The false-positive rate is measured in `tests/marks_fp.rs`.
//! - **Reported speech**: the clausal complement of a reporting verb (`X said (that) …`,
//!   `…, X said.`, `X told reporters …`, `X was quoted as saying …`) and the clause around
//!   `according to X`. A reported clause that contains a quoted fragment is one quote, flagged
//!   direct because it carries the speaker's own words.
//! - **Other attributions** in the PolNeAR sense: the object of a verb of public stance
//!   (`endorsed the plan`, `called for a recount`), the clause of a noun of saying (`his claim
//!   that …`), and interview transcript turns (`SMITH: …`).
//!
//! - **Headlines**: [`extract_title`] reads quotations in a document's title (`Doc.title`, not
//!   part of the analysed text) from the title's text alone: `Araqchi: "…"`, `'…': E3 rebuke
//!   Tehran`, `"…," says Zarif`, `Iran says … was 'nuclear terrorism'`; spans point into the title.
//!
//! The speaker is the subject of the cue verb (climbing from `saying` to the verb it hangs on), or
//! the object of `according to`; its span is the noun phrase as written, pronouns included, so
//! that every fact points at its own sentence. [`antecedent`] finds the PERSON mention a pronoun
//! speaker most likely refers to, for entity linking downstream.

mod lexicon;
pub mod marks;
mod title;

pub use title::extract_title;

use dossier_model::{Doc, Quote, Span, Speaker, Token};

/// Marked spans with fewer words than this need a speech verb nearby to count as quotations;
/// longer ones are quotations even without one (a continued quotation, a quoted headline).
const MIN_FREE_WORDS: usize = 6;
/// Marked spans with fewer words than this are scare quotes or names unless a speech verb governs
/// them directly.
const MIN_CUED_WORDS: usize = 3;

/// Finds direct and reported quotations in an annotated document and returns them in text order.
/// A document without tokens yields nothing.
pub fn extract(doc: &Doc) -> Vec<Quote> {
    if doc.tokens.is_empty() {
        return Vec::new();
    }
    let g = Graph::new(doc);
    let marked = marks::find(&doc.text);
    let mut cands = reported(&g);
    cands.extend(according_to(&g));
    cands.extend(transcript_turns(&g));
    // The parser can join paragraphs into one sentence; reported content never leaves the
    // paragraph of its verb.
    cands.retain_mut(|c| {
        let Some(v) = c.cue else { return true };
        let vs = g.toks[v].span;
        let para_start = doc.text[..vs.start].rfind('\n').map_or(0, |k| k + 1);
        let para_end = doc.text[vs.end..]
            .find('\n')
            .map_or(doc.text.len(), |k| vs.end + k);
        let (a, b) = (c.span.start.max(para_start), c.span.end.min(para_end));
        if a >= b {
            return false;
        }
        let trimmed = doc.text[a..b].trim();
        if trimmed.is_empty() {
            return false;
        }
        let lead = doc.text[a..b].len() - doc.text[a..b].trim_start().len();
        c.span = Span::new(a + lead, a + lead + trimmed.len());
        true
    });
    // A verb inside quotation marks is part of what the speaker said, never its attribution:
    // in `"I don't think it will pass," she said` the quote belongs to `said`, not `think`.
    cands.retain(|c| {
        let Some(v) = c.cue else { return true };
        let vs = g.toks[v].span;
        !marked
            .iter()
            .any(|m| m.inner.contains(&vs) && words(&g, m.inner) >= 2)
    });
    direct(&g, &marked, &mut cands);
    // A cue found from a byte offset past the last token (text the NLP core did not cover)
    // is no cue.
    for c in &mut cands {
        c.cue = c.cue.filter(|&v| v < g.toks.len());
    }
    finish(&g, cands)
}

/// The PERSON mention before `speaker` that a pronoun speaker most likely refers to: the nearest
/// one, preferring the current paragraph. `None` when `speaker` is not a personal pronoun or no
/// PERSON precedes it.
pub fn antecedent(doc: &Doc, speaker: Span) -> Option<Span> {
    let word = speaker.text(&doc.text).to_lowercase();
    if !matches!(word.as_str(), "he" | "she" | "i" | "him" | "her") {
        return None;
    }
    doc.mentions
        .iter()
        .filter(|m| m.label == "PERSON" && m.span.end <= speaker.start)
        .max_by_key(|m| m.span.end)
        .map(|m| m.span)
}

/// A quotation being assembled.
#[derive(Debug, Clone)]
struct Cand {
    span: Span,
    cue: Option<usize>,
    speaker: Option<Span>,
    /// From quotation marks rather than from the parse alone.
    marked: bool,
}

/// The document's tokens with the derived structure the rules need.
struct Graph<'a> {
    doc: &'a Doc,
    toks: &'a [Token],
    children: Vec<Vec<usize>>,
    /// Leftmost and rightmost token of each token's subtree (projective parses keep it contiguous).
    left: Vec<usize>,
    right: Vec<usize>,
    sent_of: Vec<usize>,
}

impl<'a> Graph<'a> {
    fn new(doc: &'a Doc) -> Self {
        let toks = &doc.tokens[..];
        let n = toks.len();
        let mut children = vec![Vec::new(); n];
        for (i, t) in toks.iter().enumerate() {
            if t.head != i && t.head < n {
                children[t.head].push(i);
            }
        }
        let mut left: Vec<usize> = (0..n).collect();
        let mut right: Vec<usize> = (0..n).collect();
        for i in 0..n {
            let mut h = i;
            // Bounded walk: a malformed parse with a cycle must not hang the stage.
            for _ in 0..n {
                let up = toks[h].head;
                if up == h || up >= n {
                    break;
                }
                h = up;
                left[h] = left[h].min(i);
                right[h] = right[h].max(i);
            }
        }
        let mut sent_of = vec![0; n];
        let mut s = 0;
        for (i, t) in toks.iter().enumerate() {
            while s + 1 < doc.sentences.len() && doc.sentences[s].end <= t.span.start {
                s += 1;
            }
            sent_of[i] = s;
        }
        Graph {
            doc,
            toks,
            children,
            left,
            right,
            sent_of,
        }
    }

    fn text(&self, i: usize) -> &str {
        self.toks[i].span.text(&self.doc.text)
    }

    fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.toks[a].span.start, self.toks[b].span.end)
    }

    fn child(&self, i: usize, deps: &[&str]) -> Option<usize> {
        self.children[i]
            .iter()
            .copied()
            .find(|&c| deps.contains(&self.toks[c].dep.as_str()))
    }

    /// First token whose end lies after `byte`.
    fn token_at(&self, byte: usize) -> usize {
        self.toks.partition_point(|t| t.span.end <= byte)
    }

    fn is_punct(&self, i: usize) -> bool {
        self.toks[i].pos == "PUNCT"
    }

    /// Token range of the subtree of `i`, trimmed of punctuation at both ends.
    fn subtree(&self, i: usize) -> Option<(usize, usize)> {
        // `said the plan would fail and called it a waste`: the parser often hangs the second
        // predicate of the speaker on the reported clause; a conjoined verb of saying ends the
        // content.
        let mut end = self.right[i];
        for &c in &self.children[i] {
            let t = &self.toks[c];
            if c > i
                && t.dep == "conj"
                && t.pos == "VERB"
                && (lexicon::is_reporting(&t.lemma)
                    || lexicon::is_stance(&t.lemma)
                    || lexicon::is_naming(&t.lemma))
            {
                end = end.min(self.left[c].saturating_sub(1));
            }
        }
        let (a, mut b) = trim(self, self.left[i], end.max(i))?;
        while b > a && matches!(self.toks[b].dep.as_str(), "cc" | "punct") && self.toks[b].head == i
        {
            b -= 1;
        }
        trim(self, a, b)
    }

    /// The speaker's noun phrase: the subtree of `i` cut before a relative clause or an
    /// apposition set off by a comma, so that `Smith, who chairs the panel,` is `Smith`.
    fn noun_phrase(&self, i: usize) -> Span {
        let mut end = self.right[i];
        for &c in &self.children[i] {
            if c > i
                && matches!(
                    self.toks[c].dep.as_str(),
                    "relcl" | "appos" | "punct" | "acl"
                )
            {
                end = end.min(self.left[c].saturating_sub(1)).max(i);
            }
        }
        let (a, b) = trim(self, self.left[i], end).unwrap_or((i, i));
        let s = self.span(a, b);
        // A parse that runs across a paragraph break (a dateline or timestamp line before the
        // sentence) must not drag the previous line into the speaker.
        let cut = s.text(&self.doc.text).rfind(['\n', '—', '―']).map(|k| {
            k + s.text(&self.doc.text)[k..]
                .chars()
                .next()
                .map_or(1, char::len_utf8)
                - 1
        });
        match cut {
            Some(k) if s.start + k < self.toks[i].span.start => {
                let mut from = self.token_at(s.start + k + 1);
                while from < i && matches!(self.toks[from].pos.as_str(), "SPACE" | "PUNCT") {
                    from += 1;
                }
                self.span(from, b)
            }
            _ => s,
        }
    }

    /// The subject of a speech verb: its own, or that of the verb it depends on (`…, saying`,
    /// `was quoted as saying`, `went on to say`).
    fn speaker_of(&self, v: usize) -> Option<Span> {
        let mut cur = v;
        for _ in 0..4 {
            // `Le Monde quoted the general as saying …`: the one quoted is the speaker.
            if cur != v
                && self.toks[cur].lemma == "quote"
                && self.toks[v].head != v
                && let Some(o) = self.child(cur, &["dobj"])
            {
                return Some(self.noun_phrase(o));
            }
            // `the senator, who said …` keeps `who`: the speaker is named where the verb is, and
            // the relative pronoun's antecedent is the parse's business, not a guess here.
            // A closing mark the parser took for a subject (`«…,» said the chief`, sometimes
            // tagged a proper noun) is not one.
            if let Some(s) = self.children[cur].iter().copied().find(|&c| {
                matches!(self.toks[c].dep.as_str(), "nsubj" | "nsubjpass")
                    && self.text(c).chars().any(char::is_alphanumeric)
            }) {
                return Some(self.noun_phrase(s));
            }
            let dep = self.toks[cur].dep.as_str();
            let h = self.toks[cur].head;
            // `footage of the senator saying …`: the verb modifies its speaker.
            if dep == "acl" && h != cur && matches!(self.toks[h].pos.as_str(), "PROPN" | "NOUN") {
                return Some(self.noun_phrase(h));
            }
            if !matches!(dep, "advcl" | "xcomp" | "conj" | "pcomp" | "prep") || h == cur {
                return None;
            }
            // A verb of saying conjoined to a reported clause belongs to the reporter (the
            // misattachment `subtree` cuts): its subject is the reporting verb's.
            if dep == "conj" && self.toks[h].dep == "ccomp" && self.toks[h].head != h {
                cur = self.toks[h].head;
                continue;
            }
            cur = h;
        }
        None
    }

    /// `span` without the part that overlaps `avoid` (a speaker's subtree can swallow the closing
    /// mark of the quotation before it); `None` when nothing is left outside it.
    fn clip(&self, span: Span, avoid: Span) -> Option<Span> {
        if !span.overlaps(&avoid) {
            return Some(span);
        }
        let mut a = self.token_at(span.start);
        let mut b = self.token_at(span.end.saturating_sub(1));
        if span.end > avoid.end {
            a = self.token_at(avoid.end);
        } else if span.start < avoid.start {
            b = self.token_at(avoid.start).checked_sub(1)?;
        } else {
            return None;
        }
        while a <= b && self.is_punct(a) {
            a += 1;
        }
        while b > a && self.is_punct(b) {
            b -= 1;
        }
        (a <= b && b < self.toks.len()).then(|| self.span(a, b))
    }

    /// When the parse gives a speech verb no subject outside the quotation (`"…," campaign
    /// manager Nora Blake said` parsed as a conjunct of the quoted clause), the words between the
    /// quotation and the verb, or the noun phrase right after the verb (`said Nora Blake`).
    fn beside(&self, v: usize, quote: Span) -> Option<Span> {
        let vs = self.toks[v].span;
        let nominal = |i: usize| {
            matches!(
                self.toks[i].pos.as_str(),
                "PROPN" | "NOUN" | "PRON" | "DET" | "ADJ" | "NUM"
            ) || self.toks[i].dep == "compound"
        };
        // Inside a name with its description (`Gene Roe, a senior adviser,`): commas,
        // prepositions and brackets, but no verbs.
        let descriptive = |i: usize| {
            nominal(i)
                || matches!(
                    self.toks[i].pos.as_str(),
                    "PUNCT" | "ADP" | "CCONJ" | "PART"
                ) && !self.text(i).contains(['"', '“', '”', '«', '»'])
        };
        let (mut x, mut y) = if vs.start >= quote.end {
            let a = self.token_at(quote.end);
            if a < v {
                (a, v - 1)
            } else {
                let mut b = v + 1;
                while b < self.toks.len() && nominal(b) {
                    b += 1;
                }
                (v + 1, b.checked_sub(1)?)
            }
        } else if vs.end <= quote.start {
            // `Gowdy added, "…"`: the nominal words right before the verb.
            let mut a = v;
            while a > 0 && nominal(a - 1) && v - a < 8 {
                a -= 1;
            }
            (a, v.checked_sub(1)?)
        } else {
            return None;
        };
        while x <= y && x < self.toks.len() && self.is_punct(x) {
            x += 1;
        }
        while y > x && self.is_punct(y) {
            y -= 1;
        }
        // Only a short run of words naming someone; anything longer is another clause.
        if x > y || y >= self.toks.len() || y - x > 16 || !(x..=y).all(descriptive) {
            return None;
        }
        if !(x..=y).any(|i| matches!(self.toks[i].pos.as_str(), "PROPN" | "NOUN" | "PRON")) {
            return None;
        }
        Some(self.span(x, y))
    }

    /// The cue span of a speech verb: the verb with the auxiliaries right before it (`has said`).
    fn cue_span(&self, v: usize) -> Span {
        let mut a = v;
        while a > 0
            && self.toks[a - 1].head == v
            && matches!(self.toks[a - 1].dep.as_str(), "aux" | "auxpass" | "neg")
        {
            a -= 1;
        }
        self.span(a, v)
    }
}

/// Shrinks a token range past punctuation at either end, keeping quotation marks (they belong to
/// a direct quotation's span).
fn trim(g: &Graph, mut a: usize, mut b: usize) -> Option<(usize, usize)> {
    let keep = |i: usize| {
        let t = g.text(i);
        t.contains(['"', '“', '”', '«', '»', '\'', '‘', '’', '`'])
    };
    while a <= b && g.is_punct(a) && !keep(a) {
        a += 1;
    }
    while b > a && g.is_punct(b) && !keep(b) {
        b -= 1;
    }
    (a <= b).then_some((a, b))
}

/// Reported speech from the parse: the clausal complement of a reporting verb, or for
/// `The plan, he said, is sound.` the clause the verb interrupts.
fn reported(g: &Graph) -> Vec<Cand> {
    let mut out = Vec::new();
    for (v, t) in g.toks.iter().enumerate() {
        // `Trump's claim that …`, `her promise to …`: a noun of saying with its clause; the
        // possessor, when there is one, is the speaker.
        if t.pos == "NOUN"
            && lexicon::is_speech_noun(&t.lemma)
            && let Some(c) = g.child(v, &["acl", "ccomp", "relcl"]).filter(|&c| c > v)
            && matches!(g.toks[c].pos.as_str(), "VERB" | "AUX")
            && let Some((a, b)) = g.subtree(c)
            && b > a
        {
            out.push(Cand {
                span: g.span(a, b),
                cue: Some(v),
                speaker: g.child(v, &["poss"]).map(|p| g.noun_phrase(p)),
                marked: false,
            });
            continue;
        }
        if t.pos != "VERB" {
            continue;
        }
        // `She endorsed the plan`, `he vowed to appeal`: a stance taken in public, whose object
        // is what is attributed. `called for a recount`, `pushed for reform`: the object of the preposition right after
        // the verb is the object of the stance.
        let object = g.child(v, &["dobj", "xcomp"]).or_else(|| {
            let p = v + 1;
            (p < g.toks.len()
                && g.toks[p].head == v
                && g.toks[p].dep == "prep"
                && matches!(g.text(p), "for" | "against" | "to" | "about"))
            .then(|| g.child(p, &["pobj"]))
            .flatten()
        });
        if lexicon::is_stance(&t.lemma)
            && g.child(v, &["ccomp"]).is_none()
            && let Some(o) = object
            && let Some((a, b)) = g.subtree(o)
            && let Some(speaker) = g.speaker_of(v)
        {
            out.push(Cand {
                span: g.span(a, b),
                cue: Some(v),
                speaker: Some(speaker),
                marked: false,
            });
            continue;
        }
        if !lexicon::is_reporting(&t.lemma) {
            // Any other verb with a finite clausal complement and a subject (`she worries
            // that …`, `he is convinced that …`) attributes that clause to its subject.
            if let Some(c) = g.child(v, &["ccomp"])
                && g.child(c, &["nsubj", "nsubjpass"]).is_some()
                && let Some((a, b)) = g.subtree(c)
                && b > a
                && let Some(speaker) = g.speaker_of(v)
            {
                out.push(Cand {
                    span: g.span(a, b),
                    cue: Some(v),
                    speaker: Some(speaker),
                    marked: false,
                });
            }
            continue;
        }
        let speaker = g.speaker_of(v);
        if let Some(c) = g.child(v, &["ccomp"]) {
            if let Some((a, b)) = g.subtree(c) {
                // A complement made only of a pronoun or a single word is not content.
                if b > a {
                    out.push(Cand {
                        span: g.span(a, b),
                        cue: Some(v),
                        speaker,
                        marked: false,
                    });
                }
            }
            continue;
        }
        // `…, he said, …`: the speech verb hangs off the clause it reports.
        let h = t.head;
        if h != v
            && matches!(t.dep.as_str(), "parataxis" | "ccomp")
            && lexicon::is_speech(&t.lemma)
            && g.child(v, &["nsubj"]).is_some()
        {
            let (a, b) = (g.left[h], g.right[h]);
            let (sa, sb) = (g.left[v], g.right[v]);
            let range = if sa > a { trim(g, a, sa - 1) } else { None };
            let range = range.map(|(x, y)| {
                // Keep the rest of the clause after the interruption.
                if sb < b { (x, b) } else { (x, y) }
            });
            if let Some((x, y)) = range.and_then(|(x, y)| trim(g, x, y))
                && y > x
            {
                out.push(Cand {
                    span: g.span(x, y),
                    cue: Some(v),
                    speaker,
                    marked: false,
                });
            }
        }
    }
    out
}

/// `According to X, …` and `…, according to X.`: the sentence without the attribution phrase.
fn according_to(g: &Graph) -> Vec<Cand> {
    let mut out = Vec::new();
    for i in 0..g.toks.len() {
        // The cue is `according to`, two tokens: kept as the first and widened in `cue_of`.
        if !g.text(i).eq_ignore_ascii_case("according") {
            continue;
        }
        let Some(to) = g.child(i, &["prep"]).filter(|&c| g.text(c) == "to") else {
            continue;
        };
        let speaker = g.child(to, &["pobj"]).map(|p| g.noun_phrase(p));
        let s = g.doc.sentences[g.sent_of[i]];
        let (sa, sb) = (g.token_at(s.start), g.token_at(s.end.saturating_sub(1)));
        let (pa, pb) = (g.left[i], g.right[i]);
        let range = if pa > sa + 1 {
            trim(g, sa, pa - 1)
        } else {
            trim(g, pb + 1, sb)
        };
        if let Some((a, b)) = range.filter(|(a, b)| b > a) {
            out.push(Cand {
                span: g.span(a, b),
                cue: Some(i),
                speaker,
                marked: false,
            });
        }
    }
    out
}

/// Interview transcripts: a paragraph opening with a name and a colon (`SMITH: We will…`,
/// `Jane Roe: …`) is that speaker's turn. The content is the rest of the paragraph, the cue the
/// colon.
fn transcript_turns(g: &Graph) -> Vec<Cand> {
    let text = &g.doc.text;
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let end = text[start..].find('\n').map_or(text.len(), |k| start + k);
        let para = &text[start..end];
        if let Some(colon) = para.find(':').filter(|&c| c > 0 && c <= 40) {
            let name = para[..colon].trim();
            let words: Vec<&str> = name.split_whitespace().collect();
            let rest = para[colon + 1..].trim();
            let named = !words.is_empty()
                && words.len() <= 4
                && words
                    .iter()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase));
            // A heading (`Update:`), a time (`10:30`) or a short label is not a turn: the reply
            // must be a sentence of its own.
            if named && rest.split_whitespace().count() >= 4 && !name.contains(char::is_numeric) {
                let lead = para.len() - para.trim_start().len();
                let name_start = start + lead;
                let content_start = end - para[colon + 1..].trim_start().len();
                let content_end = content_start + rest.len();
                let colon = g.token_at(start + colon);
                if colon >= g.toks.len() {
                    // Text the NLP core did not cover: no token to be the cue.
                    break;
                }
                out.push(Cand {
                    span: Span::new(content_start, content_end),
                    cue: Some(colon),
                    speaker: Some(Span::new(name_start, name_start + name.len())),
                    marked: false,
                });
            }
        }
        start = end + 1;
    }
    out
}

/// A short marked span in title case (`"Fox News Sunday,"`, `"The Art of the Deal"`) names a
/// programme, book or slogan; it is not speech even beside a speech verb.
fn is_title(g: &Graph, inner: Span) -> bool {
    looks_like_title(inner.text(&g.doc.text))
}

/// The text test of [`is_title`]: two to six words, each capitalised but for small words.
fn looks_like_title(text: &str) -> bool {
    const SMALL: &[&str] = &[
        "a", "an", "and", "at", "for", "in", "of", "on", "the", "to", "with",
    ];
    let text = text.trim_end_matches([',', '.', ' ']);
    let words: Vec<&str> = text.split_whitespace().collect();
    // One capitalised word (`"Probably."`) is as likely an answer as a name.
    words.len() >= 2
        && words.len() <= 6
        && !text.contains(['!', '?'])
        && words.iter().enumerate().all(|(k, w)| {
            let first = w.chars().find(|c| c.is_alphanumeric());
            first.is_some_and(|c| c.is_uppercase() || c.is_numeric())
                || (k > 0 && SMALL.contains(&w.to_lowercase().as_str()))
        })
}

/// Whether a marked span of one or two words is a quotation attributed by the speech verb `v`
/// (`"No," he said.`, `Asked about it, Smith said, "Probably."`): `v` right before the marks
/// with a comma or colon between (or the quotation ending in punctuation), or the quotation
/// closed by a comma, question or exclamation mark and followed by a few words of attribution
/// ending in `v`. A quoted word run into its sentence (`sang 'Katyusha'`, `signs reading
/// "closed"`) is a name.
fn short_quote(g: &Graph, m: &marks::Marked, v: usize) -> bool {
    let text = &g.doc.text;
    let vs = g.toks[v].span;
    let inner = m.inner.text(text).trim_end();
    let ends_clause = inner.ends_with([',', '.', '!', '?', '…']);
    if vs.end <= m.span.start {
        let gap = &text[vs.end..m.span.start];
        return gap
            .chars()
            .all(|c| c.is_whitespace() || c == ',' || c == ':')
            && (gap.contains([',', ':']) || ends_clause);
    }
    let gap = &text[m.span.end..vs.start];
    let closes = inner.ends_with([',', '!', '?']) || gap.trim_start().starts_with(',');
    closes
        && !gap.contains(['\n', '.', ';', '"', '“', '”', '«', '»'])
        && gap.split_whitespace().count() <= 6
}

/// Marks that set off a term or a name rather than anyone's words, by the word that
/// introduces them: `so-called "reset"`, `known as`, `nicknamed`, `the word`, and for up to
/// three words `what officials call "strategic patience"` (present tense: `what he called a
/// "brazen breach"` quotes one occasion).
fn is_introduced(g: &Graph, m: &marks::Marked, n: usize) -> bool {
    const INTRODUCERS: &[&str] = &[
        "so-called",
        "so called",
        "known as",
        "nicknamed",
        "code-named",
        "codenamed",
        "code named",
        "named",
        "titled",
        "entitled",
        "dubbed",
        "the word",
        "the words",
        "the term",
        "the phrase",
        "the label",
        "the slogan",
        "the hashtag",
        "the acronym",
        "the letters",
        "the name",
        "marked",
        "labelled",
        "labeled",
    ];
    const WHAT_VERBS: &[&str] = &[
        "call",
        "calls",
        "dub",
        "dubs",
        "dubbed",
        "term",
        "terms",
        "termed",
        "describe as",
        "describes as",
        "refer to as",
        "refers to as",
    ];
    // The words right before the mark are enough, and lowercasing the whole text before every
    // mark would make a long document quadratic.
    let mut from = m.span.start.saturating_sub(64);
    while !g.doc.text.is_char_boundary(from) {
        from -= 1;
    }
    let before = g.doc.text[from..m.span.start].trim_end().to_lowercase();
    let before = before
        .strip_suffix(" a")
        .or_else(|| before.strip_suffix(" an"))
        .or_else(|| before.strip_suffix(" the"))
        .unwrap_or(&before);
    let ends_with_word = |w: &str| {
        before.ends_with(w)
            && before[..before.len() - w.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
    };
    if INTRODUCERS.iter().any(|w| ends_with_word(w)) {
        return true;
    }
    n <= 3
        && WHAT_VERBS.iter().any(|w| {
            ends_with_word(w)
                && before[..before.len() - w.len()]
                    .split_whitespace()
                    .rev()
                    .take(5)
                    .any(|x| x == "what")
        })
}

/// Up to three marked words that are a modifier or a name inside a noun phrase rather than
/// anyone's words: marks around a word that modifies the noun after them (`the "voluntary"
/// code`, `'gig' workers`), around a name after the common noun it names (`the film
/// "Oppenheimer"`, `the letters "NK"`), and, when `loose`, around a noun phrase whose
/// determiner or possessive stands before the marks (`hopes of a "grand bargain"`, `the
/// "strategic reserve"`). A quoted predicate (`was "painful but necessary"`) or judgement
/// (`called the evidence 'thin'`) is neither.
///
/// Inside a reported clause only the strict forms apply: PolNeAR, like much news, quotes a
/// speaker's own phrase in a noun phrase (`her "sex tape"`, `a "brazen breach"`), and such a
/// clause carries the speaker's words.
fn is_modifier(g: &Graph, m: &marks::Marked, n: usize, loose: bool) -> bool {
    if n > 3 {
        return false;
    }
    // The marked words' tokens and the root among them.
    let a = g.token_at(m.inner.start);
    let b = g.token_at(m.inner.end.saturating_sub(1));
    if a >= g.toks.len() || b >= g.toks.len() || a > b {
        return false;
    }
    let Some(root) = (a..=b).find(|&i| g.toks[i].head < a || g.toks[i].head > b) else {
        return false;
    };
    let open = g.token_at(m.span.start);
    let close = g.token_at(m.span.end.saturating_sub(1));
    let prev = open
        .checked_sub(1)
        .filter(|&i| g.toks[i].span.end <= m.span.start);
    let next = Some(close + 1).filter(|&i| i < g.toks.len() && g.toks[i].span.start >= m.span.end);
    let nominal = |i: usize| matches!(g.toks[i].pos.as_str(), "NOUN" | "PROPN");
    let attached = |i: usize| g.toks[i].head == root || g.toks[root].head == i;
    // Inside a reported clause, only one or two plain words (not `North Korea's "reckless,
    // provocative, dangerous" actions`).
    if !loose && (n > 2 || m.inner.text(&g.doc.text).contains(',')) {
        return false;
    }
    if next.is_some_and(|q| nominal(q) && g.toks[root].head == q) {
        return true;
    }
    // `the film "Oppenheimer"`, but not `calls people "losers"`.
    if nominal(root)
        && prev.is_some_and(|p| {
            g.toks[p].pos == "NOUN"
                && attached(p)
                && g.children[p].iter().any(|&c| g.toks[c].pos == "DET")
        })
    {
        return true;
    }
    loose
        && prev.is_some_and(|p| {
            (g.toks[p].pos == "DET" || g.toks[p].tag == "PRP$")
                && g.toks[p].dep != "nsubj"
                && (attached(p) || next.is_some_and(|q| nominal(q) && g.toks[p].head == q))
        })
}

/// Words (non-punctuation tokens) inside a byte span.
fn words(g: &Graph, s: Span) -> usize {
    let a = g.token_at(s.start);
    g.toks[a..]
        .iter()
        .take_while(|t| t.span.start < s.end)
        .filter(|t| t.pos != "PUNCT")
        .count()
}

/// A speech verb that attributes the marked span `m`: in the sentences the span touches, outside
/// it, nearest first; else at the end of the sentence before (`He said:`).
fn cue_for(g: &Graph, m: Span, taken: &[Span]) -> Option<usize> {
    debug_assert!(taken.is_sorted_by_key(|q| q.start));
    let first = g.token_at(m.start);
    if first >= g.toks.len() {
        // Marks after the last token: text the NLP core did not cover.
        return None;
    }
    let last = g.token_at(m.end.saturating_sub(1)).min(g.toks.len() - 1);
    let (s0, s1) = (g.sent_of[first], g.sent_of[last]);
    let inside = |i: usize| g.toks[i].span.start >= m.start && g.toks[i].span.end <= m.end;
    let blocked = |i: usize| {
        // Another quotation between the verb and this one claims the verb first. `taken` is in
        // text order, so the first quotation starting after the gap opens is the only candidate.
        let ts = g.toks[i].span;
        let (from, to) = if ts.end <= m.start {
            (ts.end, m.start)
        } else {
            (m.end, ts.start)
        };
        let k = taken.partition_point(|q| q.start < from);
        taken.get(k).is_some_and(|q| q.end <= to && *q != m)
    };
    let mut best: Option<(usize, usize)> = None;
    // Only the tokens of the sentences the quotation touches: linear in the document overall.
    let lo = g.sent_of.partition_point(|&s| s < s0);
    let hi = g.sent_of.partition_point(|&s| s <= s1);
    for i in lo..hi {
        let s = g.sent_of[i];
        if s < s0 || s > s1 || inside(i) {
            continue;
        }
        let t = &g.toks[i];
        if t.pos != "VERB" || blocked(i) {
            continue;
        }
        let d = if t.span.end <= m.start {
            m.start - t.span.end
        } else {
            t.span.start.saturating_sub(m.end)
        };
        // The parser can run a sentence over a paragraph break; attribution never does.
        let gap = if t.span.end <= m.start {
            &g.doc.text[t.span.end..m.start]
        } else {
            &g.doc.text[m.end.min(t.span.start)..t.span.start]
        };
        if gap.contains('\n') {
            continue;
        }
        let speech =
            lexicon::is_speech(&t.lemma) || (lexicon::is_adjacent_speech(&t.lemma) && d < 40);
        if !speech {
            continue;
        }
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, i));
        }
    }
    if let Some((_, i)) = best {
        return Some(i);
    }
    // `"…?" Trump said.`: a question or exclamation mark inside the quotation can end the
    // sentence for the parser, leaving the attribution as the next sentence's first words.
    if let Some(next) = g.doc.sentences.get(s1 + 1)
        && next.start >= m.end
        && g.doc.text[m.end..next.start]
            .chars()
            .all(|c| c == ' ' || c == '\t')
    {
        let a = g.token_at(next.start);
        if let Some(i) = (a..(a + 8).min(g.toks.len()))
            .take_while(|&i| g.sent_of[i] == s1 + 1)
            .find(|&i| {
                let t = &g.toks[i];
                t.pos == "VERB"
                    && (lexicon::is_speech(&t.lemma) || lexicon::is_adjacent_speech(&t.lemma))
            })
        {
            return Some(i);
        }
    }
    // `Schumer tweeted: "…"`, `Trump went further: "…"`: the clause before a colon introduces
    // the quotation whatever its verb.
    let before = g.doc.text[..m.start].trim_end_matches([' ', '\t']);
    if before.ends_with(':') && first > 0 {
        let mut cur = g.token_at(before.len() - 1);
        for _ in 0..3 {
            if g.toks[cur].pos == "VERB" && g.toks[cur].span.end <= m.start {
                return Some(cur);
            }
            let h = g.toks[cur].head;
            if h == cur {
                break;
            }
            cur = h;
        }
    }
    // `She said:` closing the previous sentence, or a paragraph that ends with one.
    if s0 > 0 {
        let prev = g.doc.sentences[s0 - 1];
        let between = &g.doc.text[prev.end..m.start];
        if prev.text(&g.doc.text).trim_end().ends_with(':') && !between.contains("\n\n") {
            let a = g.token_at(prev.start);
            return (a..first)
                .rev()
                .find(|&i| g.toks[i].pos == "VERB" && lexicon::is_speech(&g.toks[i].lemma));
        }
    }
    None
}

/// `"…" ― Jane Roe`: a quotation signed with a dash and a name at the end of its line, as in
/// collected reader comments or epigraphs. Returns the dash token and the name.
fn dash_attribution(g: &Graph, m: Span) -> Option<(usize, Span)> {
    let rest = &g.doc.text[m.end..];
    let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
    let after = line.trim_start();
    let dash_at = m.end + (line.len() - after.len());
    let first = after.chars().next()?;
    if !matches!(first, '―' | '—' | '–') {
        return None;
    }
    let name = after[first.len_utf8()..].trim().trim_end_matches('.');
    let words: Vec<&str> = name.split_whitespace().collect();
    // A name: one to six capitalised words and nothing else on the line.
    if words.is_empty()
        || words.len() > 6
        || !words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    {
        return None;
    }
    let start = dash_at
        + first.len_utf8()
        + (after[first.len_utf8()..].len() - after[first.len_utf8()..].trim_start().len());
    Some((g.token_at(dash_at), Span::new(start, start + name.len())))
}

/// `Smith called the plan "a disaster"`: a short marked span that a verb of naming governs is
/// the named judgement, quoted; the content runs from after the verb to the closing mark.
fn naming(g: &Graph, m: &marks::Marked) -> Option<(usize, Span)> {
    let first = g.token_at(m.inner.start);
    if first >= g.toks.len() || g.toks[first].span.start >= m.inner.end {
        return None;
    }
    let mut cur = first;
    for _ in 0..4 {
        let h = g.toks[cur].head;
        if h == cur {
            return None;
        }
        cur = h;
        let t = &g.toks[cur];
        if t.span.end > m.span.start {
            // Still inside the quotation, or past it.
            if t.span.start >= m.span.end {
                return None;
            }
            continue;
        }
        if t.pos == "VERB" {
            if !lexicon::is_naming(&t.lemma) {
                return None;
            }
            let mut a = cur + 1;
            while a < first && matches!(g.toks[a].dep.as_str(), "prt" | "punct" | "advmod") {
                a += 1;
            }
            return Some((
                cur,
                Span::new(g.toks[a].span.start.min(m.span.start), m.span.end),
            ));
        }
    }
    None
}

/// Attributes marked spans: merges them into reported clauses they overlap, gives the rest a cue
/// and speaker from nearby speech verbs, joins split quotations, and drops scare quotes.
fn direct(g: &Graph, marked: &[marks::Marked], cands: &mut Vec<Cand>) {
    let spans: Vec<Span> = marked.iter().map(|m| m.span).collect();
    let mut last_direct: Option<usize> = None;
    for m in marked {
        let n = words(g, m.inner);
        if n == 0 {
            continue;
        }
        let introduced = is_introduced(g, m, n);
        // Already inside (or the whole of) a reported clause: that clause is the quote, direct
        // unless the marks only set off a name or a term (`said the so-called "reset" failed`).
        if let Some(ci) = cands.iter().position(|c| c.span.overlaps(&m.span)) {
            if introduced || is_modifier(g, m, n, false) {
                let c = &mut cands[ci];
                c.span = Span::new(c.span.start.min(m.span.start), c.span.end.max(m.span.end));
                continue;
            }
            let c = &mut cands[ci];
            c.span = Span::new(c.span.start.min(m.span.start), c.span.end.max(m.span.end));
            c.marked = true;
            // `"…," Scott said, "…"` where the parse made the second half the verb's complement:
            // stretch the first half over it so that the two become one quote in `finish`.
            let (cue, end) = (c.cue, c.span.end);
            if let Some(pi) = last_direct
                && pi != ci
                && cands[pi].marked
                && cands[pi].cue == cue
                && cands[pi].span.end <= m.span.start
                && !g.doc.text[cands[pi].span.end..m.span.start].contains('\n')
            {
                cands[pi].span = Span::new(cands[pi].span.start, end);
            }
            last_direct = Some(ci);
            continue;
        }
        if introduced || is_title(g, m.inner) {
            continue;
        }
        if let Some((dash, name)) = dash_attribution(g, m.span) {
            cands.push(Cand {
                span: m.span,
                cue: Some(dash),
                speaker: Some(name),
                marked: true,
            });
            last_direct = None;
            continue;
        }
        if let Some((v, span)) = naming(g, m) {
            let speaker = g.speaker_of(v).and_then(|s| g.clip(s, m.span));
            // `The satellite, dubbed "Aurora",`: naming with no one doing it is a name.
            if speaker.is_none() && g.toks[v].tag == "VBN" && n < MIN_FREE_WORDS {
                continue;
            }
            cands.push(Cand {
                span,
                cue: Some(v),
                speaker,
                marked: true,
            });
            last_direct = None;
            continue;
        }
        let cue = cue_for(g, m.span, &spans);
        // A quotation continued in the same paragraph (`"…," she said, a long description. "…"`),
        // with no attribution of its own or the same one, is the same quotation.
        if let Some(pi) = last_direct {
            let p = &cands[pi];
            if p.marked
                && p.span.end <= m.span.start
                && !g.doc.text[p.span.end..m.span.start].contains('\n')
                && (cue == p.cue || (cue.is_none() && n >= MIN_CUED_WORDS))
            {
                let c = &mut cands[pi];
                c.span = Span::new(c.span.start, m.span.end);
                continue;
            }
        }
        let keep = match cue {
            Some(v) => (n >= MIN_CUED_WORDS || short_quote(g, m, v)) && !is_modifier(g, m, n, true),
            None => n >= MIN_FREE_WORDS,
        };
        if !keep {
            continue;
        }
        // A subject inside the quotation, or inside another one, is a quoted sentence's own
        // subject, not the speaker.
        let speaker = match cue {
            Some(v) => g
                .speaker_of(v)
                .and_then(|s| g.clip(s, m.span))
                .filter(|s| !spans.iter().any(|q| q.contains(s)))
                .or_else(|| g.beside(v, m.span)),
            // A quotation standing alone in its paragraph continues the previous speaker.
            None => last_direct.and_then(|pi| cands[pi].speaker),
        };
        cands.push(Cand {
            span: m.span,
            cue,
            speaker,
            marked: true,
        });
        last_direct = Some(cands.len() - 1);
    }
}

/// Merges overlapping candidates and builds the quotes.
fn finish(g: &Graph, mut cands: Vec<Cand>) -> Vec<Quote> {
    cands.sort_by_key(|c| (c.span.start, std::cmp::Reverse(c.span.end)));
    let mut merged: Vec<Cand> = Vec::new();
    for c in cands {
        // Overlapping quotations are one. Nested attributions by different verbs (`rejected the
        // mayor's claim that …`) are merged too: kept apart they cost more precision (measured
        // on PolNeAR dev, all F1 0.76 → 0.72) than they gain recall.
        if let Some(p) = merged.last_mut()
            && p.span.overlaps(&c.span)
        {
            p.span = Span::new(p.span.start, p.span.end.max(c.span.end));
            p.marked |= c.marked;
            if p.cue.is_none() {
                p.cue = c.cue;
                p.speaker = c.speaker;
            }
            continue;
        }
        merged.push(c);
    }
    merged
        .into_iter()
        .map(|c| Quote {
            span: c.span,
            direct: c.marked,
            cue: c.cue.map(|v| cue_of(g, v)),
            speaker: c.speaker.map(|span| Speaker {
                span,
                entity: None,
                role: None,
            }),
        })
        .collect()
}

/// The cue span for a cue token: `according to` as one span, a verb with its auxiliaries.
fn cue_of(g: &Graph, v: usize) -> Span {
    if g.text(v).eq_ignore_ascii_case("according")
        && let Some(to) = g.child(v, &["prep"])
    {
        return g.span(v, to);
    }
    g.cue_span(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_model::InputKind;

    fn tok(start: usize, end: usize, pos: &str, dep: &str, head: usize) -> Token {
        Token {
            span: Span::new(start, end),
            tag: String::new(),
            pos: pos.into(),
            lemma: String::new(),
            dep: dep.into(),
            head,
            space_after: true,
        }
    }

    /// Tokens that cover only the start of the text (a stage that gave up part-way) must not
    /// make the extractor index past them.
    #[test]
    fn partial_token_coverage_does_not_panic() {
        let text = "Hi. \"The rest of this text was never tokenised at all,\" he said. ― Ann Lee\n\
                    ANN LEE: And neither was this answer of mine, as it happens.";
        let mut d = Doc::new("t".into(), "t".into(), InputKind::Text, text.into());
        d.tokens = vec![tok(0, 2, "INTJ", "ROOT", 0), tok(2, 3, "PUNCT", "punct", 0)];
        d.sentences = vec![Span::new(0, 3)];
        for q in extract(&d) {
            assert!(q.span.end <= text.len());
        }
    }
}
