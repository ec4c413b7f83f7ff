//! The NLP core's tokenizer (spaCy's rules, from the model's `tokenizer` file) on any text:
//! tokens are non-empty, in order, on character boundaries, and the tokens with their trailing
//! spaces give back the text exactly, as spaCy's do.
#![no_main]

use std::sync::OnceLock;

use dossier_nlp::tokenizer::Tokenizer;
use libfuzzer_sys::fuzz_target;

fn tokenizer() -> &'static Tokenizer {
    static TOKENIZER: OnceLock<Tokenizer> = OnceLock::new();
    TOKENIZER.get_or_init(|| {
        let path = dossier_fuzz::model_dir().join("tokenizer");
        Tokenizer::load(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    })
}

fuzz_target!(init: { tokenizer(); }, |data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut rebuilt = String::with_capacity(text.len());
    for t in tokenizer().tokenize(text) {
        let span = dossier_model::Span { start: t.start, end: t.end };
        dossier_fuzz::check_span(text, span, "token");
        assert!(t.start < t.end, "empty token at {}", t.start);
        assert_eq!(t.start, rebuilt.len(), "tokens out of order or overlapping");
        rebuilt.push_str(&text[t.start..t.end]);
        if t.spacy {
            rebuilt.push(' ');
        }
    }
    assert_eq!(rebuilt, text, "tokens and spaces do not give back the text");
});
