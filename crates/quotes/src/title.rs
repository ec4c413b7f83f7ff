//! Quotations in a headline (`Doc.title`), read from its text alone.
//!
//! Headlines are metadata, not part of the analysed text, and the NLP core does not parse them;
//! they follow a few fixed forms, which are read here with the same marks ([`crate::marks`]) and
//! word lists as the text:
//!
//! - `Araqchi: “No step-by-step, sanctions must go at once”`: a name, a colon and a quotation
//!   that runs to the end of the headline; the name is the speaker, the colon the cue;
//! - `‘Grave concern’: E3 rebuke Tehran`: a quotation that opens the headline, then a colon; no
//!   speaker and no cue;
//! - `“We will not negotiate under pressure,” says Zarif`, `“…,” Zarif says`, `“…” — Zarif`: a
//!   quotation followed by its attribution;
//! - `Iran says Natanz power failure was 'nuclear terrorism'`, `Trump calls deal 'a disaster'`: a
//!   verb of saying or naming before the marks; the quoted words are a fragment of the subject's;
//! - a quotation of six words or more is one even with no attribution.
//!
//! Scare quotes, names and terms are not quotations here either: marks after a word that
//! introduces a term (`so-called`, `known as`), around a name in title case (in a headline that
//! is not itself in title case), around a modifier of the next word (`'nuclear terrorism' fears
//! grow`) or after a determiner (`talks on a 'grand bargain' stall`), unless a verb of naming
//! governs them.

use dossier_model::{Quote, Span, Speaker};

use crate::{lexicon, marks};

/// Words that end a speaker's name after the verb (`says Zarif in Vienna`).
const STOP_AFTER: &[&str] = &[
    "after", "ahead", "amid", "as", "at", "before", "during", "in", "on", "over", "while", "with",
];
/// Words that make the next word a noun (`Iran's claims`, `the calls`), not a verb.
const DETERMINERS: &[&str] = &[
    "a", "an", "her", "his", "its", "my", "our", "the", "their", "these", "this", "those", "your",
];
/// Lower-case words that may follow a quotation without being the noun it modifies.
const FUNCTION: &[&str] = &[
    "after", "again", "ahead", "amid", "and", "are", "as", "at", "be", "before", "but", "by",
    "could", "during", "for", "from", "has", "have", "in", "into", "is", "may", "might", "not",
    "of", "on", "or", "over", "says", "said", "should", "than", "that", "to", "under", "was",
    "were", "while", "will", "with", "would",
];
/// Words that introduce a term rather than anyone's words.
const INTRODUCERS: &[&str] = &[
    "so-called",
    "so called",
    "known as",
    "nicknamed",
    "code-named",
    "codenamed",
    "named",
    "titled",
    "entitled",
    "dubbed",
    "the word",
    "the term",
    "the phrase",
    "the slogan",
];

/// A word of the headline with its byte span.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    span: Span,
    text: &'a str,
}

/// The words of `title[from..to]`, split at whitespace, with punctuation at either end trimmed.
fn words(title: &str, from: usize, to: usize) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let piece = &title[from..to];
    let mut at = 0;
    for w in piece.split_whitespace() {
        let start = at + piece[at..].find(w).unwrap_or(0);
        at = start + w.len();
        let trimmed = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
        let trimmed = trimmed.trim_matches(['\'', '’']);
        if trimmed.is_empty() {
            continue;
        }
        let lead = w.find(trimmed).unwrap_or(0);
        let s = from + start + lead;
        out.push(Word {
            span: Span::new(s, s + trimmed.len()),
            text: trimmed,
        });
    }
    out
}

/// The lemma of a verb form of saying or naming as headlines write it (`says`, `warned`,
/// `told`, `calls`), or `None`.
fn speech_lemma(word: &str) -> Option<String> {
    let w = word.to_lowercase();
    let irregular = match w.as_str() {
        "said" => Some("say"),
        "told" => Some("tell"),
        "wrote" => Some("write"),
        "swore" => Some("swear"),
        _ => None,
    };
    if let Some(l) = irregular {
        return Some(l.to_string());
    }
    // The bare form only for `say` (`Iran, EU say …`): others are as often nouns.
    if w == "say" {
        return Some(w);
    }
    let mut cands = Vec::new();
    if let Some(s) = w.strip_suffix("ies") {
        cands.push(format!("{s}y"));
    }
    if let Some(s) = w.strip_suffix("es") {
        cands.push(s.to_string());
    }
    if let Some(s) = w.strip_suffix('s') {
        cands.push(s.to_string());
    }
    if let Some(s) = w.strip_suffix("ied") {
        cands.push(format!("{s}y"));
    }
    if let Some(s) = w.strip_suffix("ed") {
        cands.push(s.to_string());
    }
    if let Some(s) = w.strip_suffix('d') {
        cands.push(s.to_string());
    }
    // `state` is far more often `state media` than a verb in a headline.
    cands
        .into_iter()
        .find(|l| l != "state" && (lexicon::is_speech(l) || lexicon::is_naming(l)))
}

/// Whether the words before index `i` make `words[i]` a noun (`Iran's claims`, `the calls`).
fn noun_position(ws: &[Word], i: usize) -> bool {
    let Some(p) = i.checked_sub(1).map(|k| ws[k].text.to_lowercase()) else {
        return true;
    };
    DETERMINERS.contains(&p.as_str()) || p.ends_with("'s") || p.ends_with("’s")
}

/// Whether most words of the headline are capitalised (`Okafor Says Museum Will Tell …`), in
/// which case case says nothing about names.
fn headline_case(title: &str) -> bool {
    let ws: Vec<&str> = title.split_whitespace().collect();
    let caps = ws
        .iter()
        .filter(|w| {
            w.chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
        })
        .count();
    ws.len() >= 4 && caps * 4 >= ws.len() * 3
}

/// Finds the quotations in a headline. Spans are byte offsets into `title`. Every quotation
/// found is direct (it is marked); see the module documentation for the forms read.
pub fn extract_title(title: &str) -> Vec<Quote> {
    let marked = marks::find(title);
    let title_case = headline_case(title);
    let mut out = Vec::new();
    for m in &marked {
        let inner = m.inner.text(title);
        let n = inner.split_whitespace().count();
        if n == 0 {
            continue;
        }
        let before = &title[..m.span.start];
        let after = &title[m.span.end..];
        let quote = |cue: Option<Span>, speaker: Option<Span>| Quote {
            span: m.span,
            direct: true,
            cue,
            speaker: speaker.map(|span| Speaker {
                span,
                entity: None,
                role: None,
            }),
        };
        // `Name: “…”` with the quotation running to the end of the headline.
        if let Some(q) = colon_speaker(title, m) {
            out.push(q);
            continue;
        }
        let lower_before = before.trim_end().to_lowercase();
        if INTRODUCERS.iter().any(|w| lower_before.ends_with(w)) {
            continue;
        }
        let is_name = !title_case && crate::looks_like_title(inner);
        // `‘Grave concern’: E3 rebuke Tehran`.
        if before.trim().is_empty() && after.trim_start().starts_with(':') && !is_name {
            out.push(quote(None, None));
            continue;
        }
        // `“…,” says Zarif`, `“…,” Zarif says`, `“…” — Zarif`.
        if let Some((cue, speaker)) = attribution_after(title, m) {
            out.push(quote(cue, Some(speaker)));
            continue;
        }
        // `Iran says … 'nuclear terrorism'`: the nearest verb of saying or naming before it.
        let ws = words(title, 0, m.span.start);
        let verb = (0..ws.len()).rev().find_map(|i| {
            let lemma = speech_lemma(ws[i].text)?;
            (!noun_position(&ws, i)).then_some((i, lemma))
        });
        if let Some((i, lemma)) = verb {
            let naming = lexicon::is_naming(&lemma);
            if !naming && (is_name || modifier(title, m, n, title_case)) {
                continue;
            }
            let from = segment_start(title, ws[i].span.start);
            let subject: Vec<&Word> = ws[..i].iter().filter(|w| w.span.start >= from).collect();
            let speaker = match (subject.first(), subject.last()) {
                (Some(a), Some(b)) if subject.len() <= 8 => {
                    Some(Span::new(a.span.start, b.span.end))
                }
                _ => None,
            };
            out.push(quote(Some(ws[i].span), speaker));
            continue;
        }
        // `Okafor: Council needs to 'stop hiding the figures'`: the name before the colon.
        if n >= crate::MIN_CUED_WORDS
            && !is_name
            && let Some((cue, name)) = colon_before(title, m)
        {
            out.push(quote(Some(cue), Some(name)));
            continue;
        }
        if n >= crate::MIN_FREE_WORDS && !is_name {
            out.push(quote(None, None));
        }
    }
    out
}

/// Up to three marked words that modify the word after them (`'nuclear terrorism' fears`) or
/// follow a determiner (`a 'grand bargain'`). Case tells nothing in a title-case headline, so
/// only the determiner counts there.
fn modifier(title: &str, m: &marks::Marked, n: usize, title_case: bool) -> bool {
    if n > 3 {
        return false;
    }
    let prev = title[..m.span.start]
        .split_whitespace()
        .next_back()
        .map(str::to_lowercase);
    if prev.is_some_and(|p| DETERMINERS.contains(&p.as_str())) {
        return true;
    }
    if title_case {
        return false;
    }
    let next = title[m.span.end..].split_whitespace().next();
    next.is_some_and(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.chars().next().is_some_and(char::is_lowercase)
            && !FUNCTION.contains(&w.to_lowercase().as_str())
            && speech_lemma(w).is_none()
    })
}

/// Where the clause holding byte `at` starts: after the last colon, bar, semicolon or spaced
/// dash before it.
fn segment_start(title: &str, at: usize) -> usize {
    let head = &title[..at];
    [": ", "| ", "; ", " - ", " – ", " — "]
        .iter()
        .filter_map(|sep| head.rfind(sep).map(|k| k + sep.len()))
        .max()
        .unwrap_or(0)
}

/// `Araqchi: “…”`: a short name and a colon right before a quotation that ends the headline.
fn colon_speaker(title: &str, m: &marks::Marked) -> Option<Quote> {
    let before = title[..m.span.start].trim_end();
    let colon = before.strip_suffix(':')?;
    let rest = title[m.span.end..].trim();
    // The quotation ends the headline (an outlet suffix may follow).
    if !(rest.is_empty()
        || rest.chars().all(|c| !c.is_alphanumeric())
        || ["| ", "- ", "– ", "— "].iter().any(|s| rest.starts_with(s)))
    {
        return None;
    }
    let from = segment_start(title, colon.len());
    let ws = words(title, from, colon.len());
    // `Senator Hammers Bank Chief: 'You Should Be Investigated'`: a clause, not a name, before
    // the colon; a quotation of three words or more still, with no speaker.
    let speaker = colon_name(&ws);
    if speaker.is_none() && m.inner.text(title).split_whitespace().count() < crate::MIN_CUED_WORDS {
        return None;
    }
    Some(Quote {
        span: m.span,
        direct: true,
        cue: Some(Span::new(colon.len(), colon.len() + 1)),
        speaker: speaker.map(|span| Speaker {
            span,
            entity: None,
            role: None,
        }),
    })
}

/// The words before a headline's colon as a speaker's name: one to five words, the first
/// capitalised and not an article (`A lesson from …:` is a label, not a name).
fn colon_name(ws: &[Word]) -> Option<Span> {
    let (first, last) = (ws.first()?, ws.last()?);
    let named = ws.len() <= 5
        && first.text.chars().next().is_some_and(char::is_uppercase)
        && !matches!(first.text, "A" | "An" | "The");
    named.then(|| Span::new(first.span.start, last.span.end))
}

/// `Okafor: Council needs to 'stop hiding …' on housing`: the name before the colon of the
/// clause holding the marks, with the colon's span.
fn colon_before(title: &str, m: &marks::Marked) -> Option<(Span, Span)> {
    let head = &title[..m.span.start];
    let colon = head.rfind(": ")?;
    let from = segment_start(title, colon);
    let name = colon_name(&words(title, from, colon))?;
    Some((Span::new(colon, colon + 1), name))
}

/// The attribution after a quotation: `, says Zarif`, `, Zarif says`, `— Zarif`. Returns the
/// cue (none for a dash) and the speaker.
fn attribution_after(title: &str, m: &marks::Marked) -> Option<(Option<Span>, Span)> {
    let rest = &title[m.span.end..];
    let lead = rest.len() - rest.trim_start_matches([',', ' ', '\t']).len();
    let from = m.span.end + lead;
    // The attribution runs to the end of its clause.
    let tail = &title[from..];
    let end = from
        + [" | ", "; ", ": ", " - ", " – "]
            .iter()
            .filter_map(|s| tail.find(s))
            .min()
            .unwrap_or(tail.len());
    if let Some(dash) = tail.strip_prefix(['—', '―', '–']) {
        let skip = tail.len() - dash.len();
        let ws = words(title, from + skip, end);
        // A name or a description that starts like one (`— Iranian negotiator`).
        let capitalised = ws
            .first()
            .is_some_and(|w| w.text.chars().next().is_some_and(char::is_uppercase));
        return (!ws.is_empty() && ws.len() <= 6 && capitalised)
            .then(|| (None, Span::new(ws[0].span.start, ws[ws.len() - 1].span.end)));
    }
    let ws = words(title, from, end);
    let first = ws.first()?;
    if speech_lemma(first.text).is_some() {
        // `says Zarif in Vienna`: the name stops at a preposition.
        let name: Vec<&Word> = ws[1..]
            .iter()
            .take_while(|w| !STOP_AFTER.contains(&w.text.to_lowercase().as_str()))
            .collect();
        let (a, b) = (name.first()?, name.last()?);
        return (name.len() <= 8).then(|| (Some(first.span), Span::new(a.span.start, b.span.end)));
    }
    // `“…,” Iran's foreign minister says in Vienna`: a comma after the quotation, a few words,
    // then the verb, and nothing after it but a place or time.
    let comma = m.inner.text(title).trim_end().ends_with([',', '!', '?'])
        || title[m.span.end..].trim_start().starts_with(',');
    if !comma {
        return None;
    }
    let i = (1..ws.len().min(9))
        .find(|&i| speech_lemma(ws[i].text).is_some() && !noun_position(&ws, i))?;
    let ends = ws
        .get(i + 1)
        .is_none_or(|w| STOP_AFTER.contains(&w.text.to_lowercase().as_str()));
    let speaker = Span::new(ws[0].span.start, ws[i - 1].span.end);
    (ends && !speaker.text(title).contains(',')).then_some((Some(ws[i].span), speaker))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (quote, cue, speaker) as strings.
    fn show(title: &str) -> Vec<(String, Option<String>, Option<String>)> {
        extract_title(title)
            .iter()
            .map(|q| {
                assert!(q.direct);
                (
                    q.span.text(title).to_string(),
                    q.cue.map(|c| c.text(title).to_string()),
                    q.speaker.as_ref().map(|s| s.span.text(title).to_string()),
                )
            })
            .collect()
    }

    fn one(title: &str) -> (String, Option<String>, Option<String>) {
        let q = show(title);
        assert_eq!(q.len(), 1, "{title}: {q:?}");
        q.into_iter().next().unwrap()
    }

    #[test]
    fn speaker_before_a_colon() {
        let (q, cue, who) = one("Araqchi: “No step-by-step, sanctions must go at once”");
        assert_eq!(q, "“No step-by-step, sanctions must go at once”");
        assert_eq!(cue.as_deref(), Some(":"));
        assert_eq!(who.as_deref(), Some("Araqchi"));
        let (_, _, who) = one("Live updates | EU foreign policy chief: 'We are close to a deal'");
        assert_eq!(who.as_deref(), Some("EU foreign policy chief"));
    }

    #[test]
    fn quotation_then_colon_has_no_speaker() {
        let (q, cue, who) = one("‘Grave concern’: E3 rebuke Tehran over enrichment");
        assert_eq!(q, "‘Grave concern’");
        assert_eq!((cue, who), (None, None));
    }

    #[test]
    fn verb_in_the_headline_attributes_a_fragment() {
        let t = "Iran says Natanz power failure was 'nuclear terrorism'";
        let (q, cue, who) = one(t);
        assert_eq!(q, "'nuclear terrorism'");
        assert_eq!(cue.as_deref(), Some("says"));
        assert_eq!(who.as_deref(), Some("Iran"));
        let (_, cue, who) = one("Top EU diplomat warns nuclear deal is “on life support”");
        assert_eq!(cue.as_deref(), Some("warns"));
        assert_eq!(who.as_deref(), Some("Top EU diplomat"));
        let (_, cue, who) = one("Trump calls the agreement a “disaster” for American workers");
        assert_eq!(cue.as_deref(), Some("calls"));
        assert_eq!(who.as_deref(), Some("Trump"));
        let (_, _, who) = one("Okafor Says Harbour Museum Will Tell of 'Storms and Survival'");
        assert_eq!(who.as_deref(), Some("Okafor"));
    }

    #[test]
    fn attribution_after_the_quotation() {
        let (q, cue, who) = one("“We will not negotiate under pressure,” says Zarif");
        assert_eq!(q, "“We will not negotiate under pressure,”");
        assert_eq!(cue.as_deref(), Some("says"));
        assert_eq!(who.as_deref(), Some("Zarif"));
        let (_, cue, who) = one("'We are ready,' Iran's foreign minister says in Vienna");
        assert_eq!(cue.as_deref(), Some("says"));
        assert_eq!(who.as_deref(), Some("Iran's foreign minister"));
        let (_, cue, who) = one("«Nous resterons» — Emmanuel Macron");
        assert_eq!(cue, None);
        assert_eq!(who.as_deref(), Some("Emmanuel Macron"));
        let (_, _, who) = one("\"It was a mistake,\" says minister after vote | The Daily Post");
        assert_eq!(who.as_deref(), Some("minister"));
    }

    #[test]
    fn attributions_that_are_not_what_they_seem() {
        // A clause before the colon is not a name; a long quotation stays, without a speaker.
        let (_, cue, who) = one("A word from the harbour master: 'Stay off the ice this week'");
        assert_eq!((cue.as_deref(), who), (Some(":"), None));
        let (_, _, who) =
            one("Senator Grills Bank Chief Over Fees: ‘You Owe Customers an Apology’");
        assert_eq!(who, None);
        let (_, cue, who) = one("Senator Mills: Party must 'stop all this infighting' by summer");
        assert_eq!(cue.as_deref(), Some(":"));
        assert_eq!(who.as_deref(), Some("Senator Mills"));
        // The verb after the marks ends a clause of its own, or it is not the attribution.
        let (_, cue, who) = one("Mayor Calls Bridge Plan ‘A Fiasco’ Over Cost Overrun Comments");
        assert_eq!(cue.as_deref(), Some("Calls"));
        assert_eq!(who.as_deref(), Some("Mayor"));
        assert!(show("Governor ‘The Builder’ Could Fix Roads, Party Chair Says").is_empty());
    }

    #[test]
    fn long_quotation_without_attribution() {
        let (q, cue, who) = one("“We will rebuild every house in this town” - Daily Post");
        assert!(q.starts_with('“'));
        assert_eq!((cue, who), (None, None));
    }

    #[test]
    fn scare_quotes_names_and_terms_are_not_quotations() {
        for t in [
            "Biden's so-called 'reset' with Moscow falters",
            "The “Five Eyes” alliance meets in Ottawa",
            "Hopes of a “grand bargain” fade in Vienna",
            "Ship named “Ever Given” refloated after six days",
            "Natanz blackout: 'nuclear terrorism' fears grow in Tehran",
            "Review: “Oppenheimer” is a long film about a short moment",
            "Europe’s “gas crunch” deepens as winter nears",
            "Analysts say talks on a 'grand bargain' have stalled",
            "Officials say the 'temporary' levy will stay",
            "How a 'temporary' tax became permanent",
            "State media: 'Five Eyes' spying on Tehran",
            "Iran's claims of 'sabotage' draw scepticism",
        ] {
            assert!(show(t).is_empty(), "{t}: {:?}", show(t));
        }
    }
}
