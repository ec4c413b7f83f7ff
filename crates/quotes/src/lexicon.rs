//! Words that introduce speech, as lemmas.

/// Verbs that report what someone said, wrote or publicly held. A clausal complement of one of
/// these is reported speech; a quotation near one of these is attributed to its subject.
const SPEECH: &[&str] = &[
    "accuse",
    "acknowledge",
    "add",
    "admit",
    "advise",
    "agree",
    "allege",
    "announce",
    "answer",
    "argue",
    "ask",
    "assert",
    "assure",
    "boast",
    "brag",
    "caution",
    "charge",
    "claim",
    "comment",
    "complain",
    "concede",
    "conclude",
    "confirm",
    "contend",
    "counter",
    "cry",
    "declare",
    "deny",
    "describe",
    "echo",
    "emphasise",
    "emphasize",
    "estimate",
    "exclaim",
    "explain",
    "forecast",
    "grumble",
    "hint",
    "indicate",
    "insist",
    "joke",
    "maintain",
    "mention",
    "note",
    "object",
    "observe",
    "predict",
    "proclaim",
    "promise",
    "protest",
    "recall",
    "remark",
    "remind",
    "reply",
    "report",
    "respond",
    "retort",
    "reveal",
    "say",
    "scream",
    "shout",
    "signal",
    "speculate",
    "state",
    "stress",
    "suggest",
    "swear",
    "tell",
    "testify",
    "tweet",
    "urge",
    "vow",
    "warn",
    "whisper",
    "write",
    "yell",
];

/// Verbs of belief, finding and showing that PolNeAR-style attribution also counts when they take
/// a clausal complement (`polls show that …`, `she believes that …`), but that are too common to
/// pull a free-standing quotation towards them.
const REPORTING_ONLY: &[&str] = &[
    "believe",
    "conclude",
    "demonstrate",
    "determine",
    "expect",
    "fear",
    "feel",
    "find",
    "hope",
    "know",
    "learn",
    "pledge",
    "prove",
    "show",
    "think",
    "worry",
];

/// Verbs that attribute a quotation only right beside it (`"…," she continued`, `as the memo put
/// it`, `the headline read`): elsewhere they mean something else.
const ADJACENT: &[&str] = &[
    "begin", "chant", "conclude", "continue", "offer", "post", "put", "quip", "read", "sing",
];

/// A verb that attributes a quotation right beside it.
pub fn is_adjacent_speech(lemma: &str) -> bool {
    ADJACENT.binary_search(&lemma).is_ok()
}

/// Verbs that name or judge something in the speaker's words (`called it "a disaster"`).
const NAMING: &[&str] = &[
    "brand",
    "call",
    "cast",
    "characterize",
    "deem",
    "describe",
    "dismiss",
    "dub",
    "label",
    "slam",
    "term",
];

/// A verb of naming: a quoted word in its object is the subject's judgement.
pub fn is_naming(lemma: &str) -> bool {
    NAMING.binary_search(&lemma).is_ok()
}

/// Verbs of public stance whose object PolNeAR-style attribution counts as content
/// (`endorsed Clinton`, `criticized the ruling`, `vowed to appeal`).
const STANCE: &[&str] = &[
    "accuse",
    "acknowledge",
    "admit",
    "advocate",
    "agree",
    "announce",
    "appear",
    "applaud",
    "argue",
    "ask",
    "attack",
    "back",
    "blame",
    "blast",
    "call",
    "challenge",
    "champion",
    "cite",
    "claim",
    "condemn",
    "confirm",
    "consider",
    "criticize",
    "decline",
    "defend",
    "demand",
    "deny",
    "describe",
    "dismiss",
    "dispute",
    "embrace",
    "emphasize",
    "endorse",
    "expect",
    "favor",
    "fear",
    "find",
    "highlight",
    "hope",
    "insist",
    "intend",
    "mention",
    "note",
    "oppose",
    "plan",
    "pledge",
    "praise",
    "predict",
    "prefer",
    "promise",
    "propose",
    "push",
    "question",
    "recognize",
    "recommend",
    "refer",
    "reference",
    "refuse",
    "reject",
    "report",
    "reveal",
    "see",
    "seek",
    "seem",
    "show",
    "slam",
    "stress",
    "suggest",
    "support",
    "threaten",
    "tout",
    "urge",
    "view",
    "vow",
    "want",
    "warn",
    "welcome",
];

/// A verb of public stance: its object is attributed content.
pub fn is_stance(lemma: &str) -> bool {
    STANCE.binary_search(&lemma).is_ok()
}

/// Nouns of saying and believing that take a clause (`the claim that …`, `a pledge to …`).
const SPEECH_NOUNS: &[&str] = &[
    "accusation",
    "allegation",
    "argument",
    "assertion",
    "belief",
    "call",
    "claim",
    "comment",
    "criticism",
    "demand",
    "insistence",
    "pledge",
    "promise",
    "proposal",
    "remark",
    "statement",
    "suggestion",
    "view",
    "vow",
    "warning",
];

/// A noun of saying: the clause it takes is attributed content.
pub fn is_speech_noun(lemma: &str) -> bool {
    SPEECH_NOUNS.binary_search(&lemma).is_ok()
}

/// A verb that may attribute a nearby quotation to its subject.
pub fn is_speech(lemma: &str) -> bool {
    SPEECH.binary_search(&lemma).is_ok()
}

/// A verb whose clausal complement is reported content.
pub fn is_reporting(lemma: &str) -> bool {
    is_speech(lemma) || REPORTING_ONLY.binary_search(&lemma).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_for_binary_search() {
        assert!(SPEECH.windows(2).all(|w| w[0] < w[1]));
        assert!(REPORTING_ONLY.windows(2).all(|w| w[0] < w[1]));
        assert!(ADJACENT.windows(2).all(|w| w[0] < w[1]));
        assert!(NAMING.windows(2).all(|w| w[0] < w[1]));
        assert!(STANCE.windows(2).all(|w| w[0] < w[1]));
        assert!(SPEECH_NOUNS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn lookups() {
        assert!(is_speech("say"));
        assert!(!is_speech("think"));
        assert!(is_reporting("think"));
        assert!(!is_reporting("eat"));
    }
}
