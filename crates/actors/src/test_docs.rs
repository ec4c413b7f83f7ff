//! Documents built by hand for the unit tests: whitespace tokens tagged by a function the test
//! chooses, and mentions given as (text, label) pairs found in order.

use dossier_model::{Doc, InputKind, Mention, Span, Token};

/// How a test tags one whitespace word: the part of it that is the token (a prefix), its
/// fine-grained tag and its coarse part of speech.
pub(crate) type Tagger = fn(&str) -> (&str, &'static str, &'static str);

/// A one-sentence document of `text` with `mentions`, tokens tagged by `tag`.
pub(crate) fn doc(text: &str, mentions: &[(&str, &str)], tag: Tagger) -> Doc {
    let mut d = Doc::new("t".into(), "t".into(), InputKind::Text, text.into());
    let mut pos = 0;
    for w in text.split_whitespace() {
        let start = pos + text[pos..].find(w).expect("word in text");
        pos = start + w.len();
        let (token, tag, coarse) = tag(w);
        d.tokens.push(Token {
            span: Span::new(start, start + token.len()),
            tag: tag.into(),
            pos: coarse.into(),
            lemma: token.to_lowercase(),
            dep: String::new(),
            head: 0,
            space_after: true,
        });
    }
    d.sentences.push(Span::new(0, text.len()));
    let mut from = 0;
    for (m, label) in mentions {
        let start = from + text[from..].find(m).expect("mention in text");
        from = start + m.len();
        d.mentions.push(Mention {
            span: Span::new(start, from),
            label: (*label).into(),
            entity: None,
        });
    }
    d
}

/// Capitalised words are proper nouns, the rest common nouns, as a tagger would say of names;
/// trailing punctuation and a possessive are not part of the token.
pub(crate) fn by_case(w: &str) -> (&str, &'static str, &'static str) {
    let w = w.trim_end_matches(['.', ',', ';']);
    let w = w.strip_suffix("'s").unwrap_or(w);
    if w.chars().next().is_some_and(char::is_uppercase) {
        (w, "NNP", "PROPN")
    } else {
        (w, "NN", "NOUN")
    }
}

/// Each mention's text and label.
pub(crate) fn labels(d: &Doc) -> Vec<(&str, &str)> {
    d.mentions
        .iter()
        .map(|m| (m.span.text(&d.text), m.label.as_str()))
        .collect()
}
