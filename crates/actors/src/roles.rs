//! Roles and titles the text gives the people it names, read from the dependency parse.
//!
//! Three shapes carry nearly all of them in news:
//! - a title before the name, the words the parse hangs on the name: "Foreign Ministry
//!   spokeswoman Hua Chunying", "U.S. Secretary of State Antony Blinken", "then-Chancellor Gerhard
//!   Schröder";
//! - an appositive after the name: "Ian Bremmer, president of the Eurasia Group, said";
//! - an appositive before it: "The EU's foreign policy chief, Josep Borrell, said".
//!
//! A role's span holds the role's words only: no name, no leading article ("the EU's foreign
//! policy chief" is "EU's foreign policy chief"), no trailing comma. A possessive that says whose
//! role it is stays in it: "Russia's ambassador" and "EU's foreign policy chief" mean more than
//! "ambassador" and "foreign policy chief", and the owner is part of what the text says.
//!
//! Not roles: honorifics alone ("Mr", "Dr."), and words that only say where a person is from or
//! whose they are ("Iranian Zarif", "CNN's Jake Tapper"): a role needs a noun of its own, outside
//! any name, that is not an honorific. A role describes the mention it is attached to; the actors
//! stage copies it to the whole actor.

use dossier_model::{Doc, Role, Span, Token};

/// Courtesy titles: they say how to address a person, not what the person does.
const HONORIFICS: &[&str] = &[
    "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "madam", "mx", "messrs", "mme", "m",
];

/// Words that make a capitalised word before a name a title ("President Joe Biden", "Deputy
/// Foreign Minister"), where the tagger calls them proper nouns. A common noun is a role word
/// without a list ("spokesman", "envoy"); a proper noun that is none of these is taken for part of
/// a name the model cut short ("Jae-won Kim" with the mention on "Kim").
const TITLE_WORDS: &[&str] = &[
    "president",
    "minister",
    "secretary",
    "chancellor",
    "premier",
    "leader",
    "director",
    "general",
    "deputy",
    "vice",
    "chief",
    "head",
    "chairman",
    "chairwoman",
    "chair",
    "commissioner",
    "ambassador",
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "governor",
    "mayor",
    "senator",
    "sen.",
    "rep.",
    "representative",
    "congressman",
    "congresswoman",
    "speaker",
    "king",
    "queen",
    "prince",
    "princess",
    "emperor",
    "sheikh",
    "emir",
    "sultan",
    "pope",
    "cardinal",
    "archbishop",
    "bishop",
    "ayatollah",
    "imam",
    "rabbi",
    "judge",
    "justice",
    "attorney",
    "prosecutor",
    "general",
    "gen.",
    "admiral",
    "adm.",
    "colonel",
    "col.",
    "major",
    "maj.",
    "captain",
    "capt.",
    "lieutenant",
    "lt.",
    "sergeant",
    "sgt.",
    "commander",
    "marshal",
    "officer",
    "inspector",
    "superintendent",
    "coach",
    "manager",
    "captain",
    "founder",
    "ceo",
    "cfo",
    "executive",
    "professor",
    "prof.",
    "lawmaker",
    "legislator",
    "mp",
    "mep",
    "councillor",
    "councilor",
    "treasurer",
    "auditor",
    "counsel",
    "adviser",
    "advisor",
    "negotiator",
    "coordinator",
    "administrator",
    "chancellor",
    "consul",
    "delegate",
    "official",
    "president-elect",
];

fn is_honorific(word: &str) -> bool {
    HONORIFICS.contains(&word.trim_end_matches('.').to_lowercase().as_str())
}

/// The longest title before a name, in tokens ("the EU's foreign policy chief" is 6): a bound
/// that keeps a table the parser reads as one long sentence from costing quadratic time.
const MAX_TITLE: usize = 12;

/// Dependencies by which a clause, not a description, hangs on a noun: "a lawyer who represents
/// him" is a lawyer; the clause is left out.
const CLAUSES: &[&str] = &["relcl", "acl", "advcl", "ccomp", "conj", "cc", "parataxis"];

/// The token index range `[first, last)` a mention covers.
fn token_range(doc: &Doc, span: Span) -> (usize, usize) {
    let first = doc.tokens.partition_point(|t| t.span.end <= span.start);
    let last = doc.tokens.partition_point(|t| t.span.start < span.end);
    (first, last.max(first))
}

/// The syntactic head of tokens `[a, b)`: the token whose head lies outside the range (or is
/// itself), the last such one when several do.
fn head_of(tokens: &[Token], a: usize, b: usize) -> usize {
    (a..b)
        .rev()
        .find(|&i| {
            let h = tokens[i].head;
            h == i || h < a || h >= b
        })
        .unwrap_or(b.saturating_sub(1))
}

/// True when token `i` reaches a token in `[a, b)` by following heads, through tokens in
/// `[lo, b)` only.
fn reaches(tokens: &[Token], i: usize, lo: usize, a: usize, b: usize) -> bool {
    let mut k = i;
    for _ in 0..tokens.len() {
        if (a..b).contains(&k) {
            return true;
        }
        let h = tokens[k].head;
        if h == k || h < lo || h >= b {
            return false;
        }
        k = h;
    }
    false
}

/// The children of every token, in order.
fn children(tokens: &[Token]) -> Vec<Vec<usize>> {
    let mut ch = vec![Vec::new(); tokens.len()];
    for (i, t) in tokens.iter().enumerate() {
        if t.head != i && t.head < tokens.len() {
            ch[t.head].push(i);
        }
    }
    ch
}

/// Token `i` and its descendants, leaving out clauses and the tokens in `skip`.
fn subtree(ch: &[Vec<usize>], tokens: &[Token], i: usize, skip: (usize, usize)) -> Vec<usize> {
    let mut out = vec![i];
    let mut stack = vec![i];
    while let Some(k) = stack.pop() {
        for &c in &ch[k] {
            if (skip.0..skip.1).contains(&c) || CLAUSES.contains(&tokens[c].dep.as_str()) {
                continue;
            }
            out.push(c);
            stack.push(c);
        }
    }
    out.sort_unstable();
    out
}

fn is_punct(doc: &Doc, t: &Token) -> bool {
    t.span.text(&doc.text).chars().all(|c| !c.is_alphanumeric())
}

/// The role the tokens `[a, b)` spell, cut to its words: leading articles and punctuation and
/// trailing punctuation off. `None` when what is left is not a role: no noun of its own outside
/// the names (`inside_name` says which tokens are in a name mention), or only honorifics.
fn role_span(doc: &Doc, a: usize, b: usize, head: usize, inside_name: &[bool]) -> Option<Span> {
    let toks = &doc.tokens;
    // One person holds a role in the singular: "several hundred guests, Scott" and "my parents,
    // James and Olive" are not roles of one name, and a plural head is more often a parse that
    // took the next item of a list for an appositive.
    if matches!(toks[head].tag.as_str(), "NNS" | "NNPS") {
        return None;
    }
    let (mut a, mut b) = (a, b);
    while a < b && (toks[a].tag == "DT" || toks[a].tag == "PRP$" || is_punct(doc, &toks[a])) {
        a += 1;
    }
    // A bracket the role opens and does not close ends it: "advisor to Vice President
    // (then-Senator".
    let text = |i: usize| toks[i].span.text(&doc.text);
    if let Some(o) = (a..b).rev().find(|&i| text(i) == "(")
        && !(o..b).any(|i| text(i) == ")")
    {
        b = o;
    }
    while b > a && (is_punct(doc, &toks[b - 1]) || toks[b - 1].tag == "DT") {
        b -= 1;
    }
    if a == b {
        return None;
    }
    let own_noun = (a..b).any(|i| {
        let t = &toks[i];
        let w = t.span.text(&doc.text);
        let title = t.pos == "NOUN"
            || (t.pos == "PROPN" && TITLE_WORDS.contains(&w.to_lowercase().as_str()));
        // An age is not a role: "68-year-old Hillary Clinton" ("year" is a measure there).
        let age = w.chars().any(|c| c.is_ascii_digit()) || t.dep == "npadvmod";
        let word = w.chars().next().is_some_and(char::is_alphanumeric);
        title && word && !age && !inside_name[i] && !is_honorific(w)
    });
    if !own_noun {
        return None;
    }
    // A role does not run over a line break: a heading or a byline ends there.
    let span = Span::new(toks[a].span.start, toks[b - 1].span.end);
    if span.text(&doc.text).contains('\n') {
        return None;
    }
    Some(span)
}

/// For each PERSON mention, the roles the text gives it (each distinct role once per mention),
/// in text order.
pub fn roles(doc: &Doc) -> Vec<Role> {
    let toks = &doc.tokens;
    if toks.is_empty() {
        return Vec::new();
    }
    let ch = children(toks);
    // Tokens inside mentions: a role needs a noun of its own besides them.
    let mut inside_name = vec![false; toks.len()];
    for m in &doc.mentions {
        // An ORG mention may be a title the model took for a body ("Supreme Leader"), so its
        // title words still count, and so do numbers ("one of the president's closest aides",
        // "first lady"). Every other mention is no role word: a name, a nationality, a time or
        // a measure ("1:21 p.m. Donald Trump", "Gary Johnson 3 percent").
        if !matches!(m.label.as_str(), "ORG" | "CARDINAL" | "ORDINAL") {
            let (a, b) = token_range(doc, m.span);
            inside_name[a..b].iter_mut().for_each(|x| *x = true);
        }
    }
    let mut person = vec![false; toks.len()];
    for m in doc.mentions.iter().filter(|m| m.label == "PERSON") {
        let (a, b) = token_range(doc, m.span);
        person[a..b].iter_mut().for_each(|x| *x = true);
    }
    let mut out: Vec<Role> = Vec::new();
    let push = |mention: usize, span: Option<Span>, out: &mut Vec<Role>| {
        if let Some(span) = span
            && !out
                .iter()
                .any(|r| r.mention == mention && r.span.text(&doc.text) == span.text(&doc.text))
        {
            out.push(Role { mention, span });
        }
    };
    for (mi, m) in doc.mentions.iter().enumerate() {
        if m.label != "PERSON" {
            continue;
        }
        let (a, b) = token_range(doc, m.span);
        if a == b {
            continue;
        }
        let head = head_of(toks, a, b);
        // Sentences are in text order: the last one starting at or before the mention.
        let sentence = doc
            .sentences
            .partition_point(|s| s.start <= m.span.start)
            .checked_sub(1)
            .map(|k| doc.sentences[k])
            .filter(|s| m.span.start < s.end)
            .unwrap_or(Span::new(0, doc.text.len()));
        let lo = toks.partition_point(|t| t.span.start < sentence.start);

        // 1. Title before the name: the run of words just before it that the parse hangs on it.
        // The run may hang on the name through a word to its left ("U.S. Secretary of State":
        // "State" hangs on "of", "of" on "Secretary"), so a start is good when every word from
        // it to the name reaches the name without leaving that stretch.
        let mut start = a;
        for s in (lo.max(a.saturating_sub(MAX_TITLE))..a).rev() {
            let w = toks[s].span.text(&doc.text);
            // A quotation mark ends the run too: "she added the words, ''Hillary Clinton''" is
            // a name quoted, not a person described.
            let quote = matches!(toks[s].tag.as_str(), "``" | "''");
            let line_break = doc.text[toks[s].span.end..toks[s + 1].span.start].contains('\n');
            // "Trump and Democratic rival Hillary Clinton": a conjunction after another
            // person's name joins two people, the title is only what follows it.
            let joins_people = toks[s].tag == "CC" && s > 0 && person[s - 1];
            if w == ","
                || quote
                || line_break
                || joins_people
                || w.contains('\n')
                || w.trim().is_empty()
                || !reaches(toks, s, lo, a, b)
            {
                break;
            }
            if (s..a).all(|i| reaches(toks, i, s, a, b)) {
                start = s;
            }
        }
        if start < a {
            // The run's head: its word that hangs on the name itself.
            let run_head = (start..a)
                .rev()
                .find(|&i| (a..b).contains(&toks[i].head))
                .unwrap_or(a - 1);
            push(
                mi,
                role_span(doc, start, a, run_head, &inside_name),
                &mut out,
            );
        }

        // 2. Appositive after the name: "Ian Bremmer, president of the Eurasia Group,".
        // Only the first that is a role: a second one after it describes the first one's last
        // noun ("a founder of Tidewell, a firm outside Baltimore") or is the next item of a list.
        // One that is no role ("(D-N.C.)") does not count.
        let appositives = ch[head]
            .iter()
            .copied()
            .filter(|&c| c >= b && toks[c].dep == "appos" && !inside_name[c]);
        for c in appositives {
            let sub = subtree(&ch, toks, c, (a, b));
            // The appositive ends at its first comma after its head: "a lawyer, 45,".
            let end = sub
                .iter()
                .copied()
                .take_while(|&k| k <= c || toks[k].span.text(&doc.text) != ",")
                .last()
                .unwrap_or(c);
            let first = sub[0].max(b);
            if let Some(span) = role_span(doc, first, end + 1, c, &inside_name) {
                push(mi, Some(span), &mut out);
                break;
            }
        }

        // 3. Appositive before: "The EU's foreign policy chief, Josep Borrell, said".
        let mut h = toks[head].head;
        // A person is not in apposition to a place: where the parse hangs the name on the last
        // word of a prepositional phrase ("Russia's envoy to the international organisations in
        // Vienna, Mikhail Ulyanov"), the noun the phrase describes is the role.
        if toks[head].dep == "appos" && h < a && inside_name[h] {
            while matches!(toks[h].dep.as_str(), "pobj" | "prep")
                && toks[h].head != h
                && toks[h].head < toks.len()
            {
                h = toks[h].head;
            }
        }
        if toks[head].dep == "appos"
            && h < a
            && h >= lo
            && !inside_name[h]
            && matches!(toks[h].pos.as_str(), "NOUN" | "PROPN")
        {
            let sub = subtree(&ch, toks, h, (a, b));
            let first = sub[0];
            let last = sub.iter().copied().filter(|&k| k < a).max().unwrap_or(h);
            // Only the words before the name, and only if they are one stretch up to it.
            // A title of the name's own may sit between: "Iran's chief negotiator, Deputy
            // Foreign Minister Abbas Araghchi".
            let between = &doc.text[toks[last].span.end..toks[start].span.start];
            if between.trim() == "," || between.trim().is_empty() {
                push(
                    mi,
                    role_span(doc, first, last + 1, h, &inside_name),
                    &mut out,
                );
            }
        }
    }
    out.sort_by_key(|r| (r.span.start, r.mention));
    out
}
