//! A cheap guess at the tense around an expression, which decides whether a bare "Friday" or
//! "in June" points back or forward from the publication date. News reports mostly look back, so
//! the past wins unless a future cue sits close to the expression.

/// What the clause around an expression says about its direction in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Present,
    Future,
    Unknown,
}

const FUTURE: &[&str] = &[
    "will",
    "'ll",
    "shall",
    "wo",
    "going",
    "scheduled",
    "expected",
    "expects",
    "plans",
    "planning",
    "upcoming",
    "next",
    "effective",
    "would",
    "could",
    "might",
    "soon",
];

const PAST: &[&str] = &[
    "said",
    "was",
    "were",
    "had",
    "did",
    "ago",
    "last",
    "met",
    "went",
    "came",
    "took",
    "made",
    "told",
    "gave",
    "left",
    "began",
    "saw",
    "got",
    "held",
    "won",
    "lost",
    "fell",
    "rose",
    "sold",
    "bought",
    "paid",
    "sent",
    "spent",
    "led",
    "hit",
    "ran",
    "struck",
    "found",
    "became",
    "knew",
    "brought",
    "kept",
    "since",
    "earlier",
    "killed",
    "died",
    "wrote",
    "spoke",
    "quit",
    "shot",
    "been",
    "flew",
    "drove",
    "stood",
    "cut",
    "put",
    "heard",
    "thought",
    "caught",
    "taught",
    "fought",
    "sought",
    "built",
    "meant",
    "felt",
    "broke",
    "chose",
    "ate",
    "forgot",
    "froze",
    "grew",
    "hid",
    "laid",
    "rode",
    "shook",
    "slept",
    "stole",
    "swore",
    "threw",
    "understood",
    "woke",
    "wore",
    "withdrew",
    "sank",
    "sang",
    "sat",
    "fled",
    "spun",
    "overtook",
    "undertook",
    "drew",
    "blew",
    "dealt",
    "fed",
    "bore",
    "arose",
    "forbade",
    "bled",
    "bent",
    "lit",
    "wept",
];

const PRESENT: &[&str] = &["is", "are", "says", "say", "am", "'s"];

/// Words ending in "-ed" that are not past participles.
const NOT_PAST: &[&str] = &[
    "need",
    "speed",
    "proceed",
    "exceed",
    "succeed",
    "feed",
    "seed",
    "bed",
    "red",
    "shed",
    "ned",
    "fred",
    "ted",
    "indeed",
    "breed",
    "united",
    "expected",
    "scheduled",
    "hundred",
];

fn classify(word: &str) -> Option<Tense> {
    if FUTURE.contains(&word) {
        return Some(Tense::Future);
    }
    if PAST.contains(&word) {
        return Some(Tense::Past);
    }
    if word.len() > 4 && word.ends_with("ed") && !NOT_PAST.contains(&word) {
        return Some(Tense::Past);
    }
    if PRESENT.contains(&word) {
        return Some(Tense::Present);
    }
    None
}

/// Splits into lower-case words, keeping a leading apostrophe ("'ll") as part of a word.
fn words(s: &str) -> impl DoubleEndedIterator<Item = String> + '_ {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .flat_map(|w| {
            // "he'll" -> "he", "'ll"
            match w.find(['\'', '’']) {
                Some(i) if i > 0 => vec![&w[..i], &w[i..]],
                _ => vec![w],
            }
        })
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().replace('’', "'"))
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Byte offsets of sentence-ending marks in `s`: a stop, "!", "?" or ";" followed by white
/// space (so "$5.2 million" does not end a sentence), or a line break. An abbreviation point
/// ("Oct. 5") still counts; it is rarely followed by a cue-bearing clause anyway.
fn sentence_ends(s: &str) -> impl DoubleEndedIterator<Item = usize> + '_ {
    let b = s.as_bytes();
    (0..b.len()).filter(move |&i| match b[i] {
        b'\n' => true,
        b'.' | b'!' | b'?' | b';' => b.get(i + 1).is_none_or(|c| c.is_ascii_whitespace()),
        _ => false,
    })
}

/// The tense of the clause around `text[start..end]`: the nearest cue to the left within the
/// sentence, else the nearest to the right.
pub fn tense_at(text: &str, start: usize, end: usize) -> Tense {
    let lo = floor_boundary(text, start.saturating_sub(160));
    let left = &text[lo..start];
    let left = match sentence_ends(left).last() {
        Some(i) => &left[i + 1..],
        None => left,
    };
    let mut found_present = false;
    let tail = left.trim_end().to_lowercase();
    if ["as early as", "as soon as", "as late as", "no later than"]
        .iter()
        .any(|p| tail.ends_with(p))
    {
        return Tense::Future;
    }
    // "set to resume Monday", "is to meet on Friday": an arrangement, so the future.
    static ARRANGED: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let arranged = ARRANGED.get_or_init(|| {
        regex::Regex::new(
            r"\b(?:set|due|is|are|poised|ready|plans?|planning|hopes?|intends?|agreed|aims?)\s+to\s+[a-z]+(?:\s+[a-z]+){0,3}\s*$",
        )
        .expect("arrangement pattern compiles")
    });
    if arranged.is_match(&tail) {
        return Tense::Future;
    }
    // The nearest cue to the left decides: "the dividend is payable Jan. 2" is present even
    // though "reduced" came earlier. A participle after "be" ("will be named") is no past.
    let left_words: Vec<String> = words(left).rev().take(11).collect();
    for (i, w) in left_words.iter().enumerate().take(10) {
        let Some(t) = classify(w) else { continue };
        // A participle after "be" ("will be named") or used as an adjective ("a still
        // unspecified date") says nothing about tense.
        let prev = left_words.get(i + 1).map(String::as_str).unwrap_or("");
        let passive = matches!(
            prev,
            "be" | "being" | "is" | "are" | "was" | "were" | "been"
        );
        let adjectival = matches!(
            prev,
            "a" | "an"
                | "the"
                | "still"
                | "very"
                | "so"
                | "too"
                | "more"
                | "most"
                | "newly"
                | "its"
                | "their"
                | "his"
                | "her"
                | "our"
        ) && !PAST.contains(&w.as_str());
        if t == Tense::Past && (passive || adjectival) {
            continue;
        }
        return t;
    }
    let hi = floor_boundary(text, (end + 80).min(text.len()));
    let right = &text[end..hi];
    let right = match sentence_ends(right).next() {
        Some(i) => &right[..i],
        None => right,
    };
    for w in words(right).take(10) {
        match classify(&w) {
            Some(Tense::Present) => found_present = true,
            Some(t) => return t,
            None => {}
        }
    }
    if found_present {
        Tense::Present
    } else {
        Tense::Unknown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str, needle: &str) -> Tense {
        let i = s.find(needle).unwrap();
        tense_at(s, i, i + needle.len())
    }

    #[test]
    fn cues() {
        assert_eq!(
            at("The minister will travel on Friday.", "Friday"),
            Tense::Future
        );
        assert_eq!(
            at("The minister travelled on Friday.", "Friday"),
            Tense::Past
        );
        assert_eq!(at("She said Friday that she'll go.", "Friday"), Tense::Past);
        assert_eq!(
            at("They'll meet Friday, she said.", "Friday"),
            Tense::Future
        );
        assert_eq!(at("Friday.", "Friday"), Tense::Unknown);
    }
}
