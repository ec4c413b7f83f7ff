//! Arbitrary text must never make the pipeline panic, and its tokens must tile the text:
//! in order, on character boundaries, covering every non-whitespace character once.

use dossier_nlp::Pipeline;
use std::path::PathBuf;

fn model_dir() -> Option<PathBuf> {
    dossier_testkit::model()
}

/// A small deterministic generator (no dependency needed for this).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

const PIECES: &[&str] = &[
    "the",
    "U.S.",
    "Dr.",
    "'s",
    "n't",
    "—",
    "–",
    "-",
    "…",
    "...",
    "“",
    "”",
    "\"",
    "'",
    "(",
    ")",
    "[",
    "]",
    "$",
    "£",
    "3.5bn",
    "1,000",
    "10am",
    "e.g.",
    ":)",
    "http://x.io/a?b=c",
    "a@b.com",
    "@user",
    "#tag",
    "😀",
    "🇬🇧",
    "İ",
    "ǅ",
    "½",
    "²",
    "km²",
    "Москва",
    "日本",
    "\u{200b}",
    "\u{a0}",
    "\t",
    "\n",
    "\r\n",
    "  ",
    " ",
    " ",
    " ",
    ".",
    ",",
    "?",
    "!",
    ";",
    ":",
    "/",
    "&",
    "%",
    "+",
    "=",
    "*",
    "_",
    "~",
    "`",
    "´",
    "Ms",
    "O'Neill",
    "Ban",
    "Ki-moon",
    "UK",
    "EU",
];

#[test]
fn random_texts_tile_and_never_panic() {
    let Some(dir) = model_dir() else { return };
    let nlp = Pipeline::load(&dir).expect("load");
    let mut rng = Lcg(7);
    let mut texts = Vec::new();
    for _ in 0..300 {
        let len = rng.next() % 60;
        let mut t = String::new();
        for _ in 0..len {
            t.push_str(PIECES[(rng.next() as usize) % PIECES.len()]);
            if rng.next().is_multiple_of(3) {
                t.push(' ');
            }
        }
        texts.push(t);
    }
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    for a in nlp.process_batch(&refs) {
        let text = &a.text;
        let mut pos = 0;
        for t in &a.tokens {
            assert!(
                text.is_char_boundary(t.start) && text.is_char_boundary(t.end),
                "{text:?}"
            );
            assert!(t.start < t.end, "empty token in {text:?}");
            // Only whitespace may lie between tokens (the single space a token owns).
            assert!(
                text[pos..t.start].chars().all(char::is_whitespace),
                "gap before {t:?} in {text:?}"
            );
            pos = t.end + usize::from(t.whitespace);
            assert!(t.head < a.tokens.len());
        }
        assert!(
            text[pos.min(text.len())..].chars().all(char::is_whitespace),
            "tail of {text:?}"
        );
        for e in &a.ents {
            assert!(e.start < e.end && e.end <= a.tokens.len());
        }
        let covered: usize = a.sents.iter().map(|(s, e)| e - s).sum();
        assert_eq!(
            covered,
            a.tokens.len(),
            "sentences must partition the tokens of {text:?}"
        );
        let _ = a.to_json();
    }
}

/// A text longer than one piece is analysed in pieces: the result must read as one analysis of
/// the whole text (tokens tiling it, heads and entities inside it, sentences partitioning it),
/// with the same tokens as the pieces analysed one by one.
#[test]
fn long_texts_are_analysed_whole() {
    let Some(dir) = model_dir() else { return };
    let nlp = Pipeline::load(&dir).expect("load");
    let para = "Foreign ministers from Norway and Chile met in Lisbon on Tuesday. \
                \"We have a text,\" said Ana Ribeiro, who chairs the talks.\n\n";
    let text = para.repeat(dossier_nlp::MAX_PIECE_BYTES / para.len() * 3);
    let whole = nlp.process(&text);
    assert_eq!(whole.text, text);
    let mut pos = 0;
    for t in &whole.tokens {
        assert!(text[pos..t.start].chars().all(char::is_whitespace));
        assert!(t.head < whole.tokens.len());
        pos = t.end + usize::from(t.whitespace);
    }
    let covered: usize = whole.sents.iter().map(|(s, e)| e - s).sum();
    assert_eq!(covered, whole.tokens.len());
    // Every paragraph is the same, so every one has the same entities.
    let paragraphs = text.matches("\n\n").count();
    let per_para = nlp.process(para).ents.len();
    assert_eq!(whole.ents.len(), per_para * paragraphs);
    assert!(whole.ents.iter().all(|e| e.end <= whole.tokens.len()));
}

/// The tokens of `text` as strings.
fn token_texts<'a>(tok: &dossier_nlp::tokenizer::Tokenizer, text: &'a str) -> Vec<&'a str> {
    tok.tokenize(text)
        .iter()
        .map(|t| &text[t.start..t.end])
        .collect()
}

/// Found by fuzzing: on one word of some 75,000 letters or more, fancy-regex gave up on the infix
/// pattern (its backtrack limit covers a whole search) and the infix loop retried the same
/// position forever; below that the affix searches took time quadratic in the word. Past the
/// limit the old code also lost affixes spaCy splits off (a ")" after a long blob).
#[test]
fn huge_words_keep_spacys_affixes() {
    let Some(dir) = model_dir() else { return };
    let tok = dossier_nlp::tokenizer::Tokenizer::load(&dir.join("tokenizer")).expect("load");
    let word = "a".repeat(100_000);
    assert_eq!(token_texts(&tok, &word), [word.as_str()]);
    let wrapped = format!("(\"{word}\").");
    assert_eq!(
        token_texts(&tok, &wrapped),
        ["(", "\"", word.as_str(), "\"", ")", "."]
    );
    let brackets = "(".repeat(5_000);
    assert_eq!(tok.tokenize(&brackets).len(), 5_000);
    let blob = format!("src=\"data:image/png;base64,{}==\"/>", "Qk".repeat(40_000));
    let toks = token_texts(&tok, &blob);
    assert_eq!(
        toks.last(),
        Some(&">"),
        "the suffix after a long blob is split off"
    );
    assert!(toks[toks.len() - 2].ends_with("==\"/"));
}
