//! Language identification, so non-English text is stored and flagged rather than run through
//! English models. The detector is gated on confidence and length: short or mixed strings get no
//! verdict rather than a wrong one.

/// ISO 639-1 code of the text's language, or the declared one (from `<html lang>` or a JSONL
/// field) when the detector cannot tell, or `None`.
pub fn detect_language(text: &str, declared: Option<&str>) -> Option<String> {
    let mut end = text.len().min(6000);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    let letters = sample.chars().filter(|c| c.is_alphabetic()).count();
    if letters >= 40
        && let Some(info) = whatlang::detect(sample)
        && info.is_reliable()
        && info.confidence() >= 0.5
    {
        let code = iso639_1(info.lang().code());
        // Tables of names and scores (sports results, market listings) fool trigram models; a
        // text with a fair share of English-only function words is English whatever they say.
        if code != "en" && english_function_word_share(sample) >= 0.02 {
            return Some("en".to_string());
        }
        return Some(code.to_string());
    }
    declared
        .map(|d| {
            d.trim()
                .split(['-', '_'])
                .next()
                .unwrap_or("")
                .to_ascii_lowercase()
        })
        .filter(|d| d.len() == 2 && d.chars().all(|c| c.is_ascii_alphabetic()))
}

/// Share of words that are English function words found in no other major Latin-script language.
fn english_function_word_share(text: &str) -> f64 {
    const ENGLISH_ONLY: [&str; 24] = [
        "the", "of", "and", "to", "is", "was", "for", "that", "with", "by", "from", "said", "has",
        "have", "were", "will", "but", "this", "their", "they", "who", "after", "which", "its",
    ];
    let mut words = 0usize;
    let mut hits = 0usize;
    for w in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        if ENGLISH_ONLY.iter().any(|e| w.eq_ignore_ascii_case(e)) {
            hits += 1;
        }
    }
    hits as f64 / words.max(1) as f64
}

/// whatlang speaks ISO 639-3; the contract speaks 639-1 where one exists.
fn iso639_1(code3: &str) -> &str {
    match code3 {
        "eng" => "en",
        "fra" => "fr",
        "deu" => "de",
        "spa" => "es",
        "ita" => "it",
        "por" => "pt",
        "nld" => "nl",
        "rus" => "ru",
        "ukr" => "uk",
        "pol" => "pl",
        "ces" => "cs",
        "swe" => "sv",
        "dan" => "da",
        "nob" => "nb",
        "fin" => "fi",
        "tur" => "tr",
        "ara" => "ar",
        "pes" => "fa",
        "heb" => "he",
        "hin" => "hi",
        "urd" => "ur",
        "cmn" => "zh",
        "jpn" => "ja",
        "kor" => "ko",
        "ell" => "el",
        "hun" => "hu",
        "ron" => "ro",
        "bul" => "bg",
        "srp" => "sr",
        "hrv" => "hr",
        "ind" => "id",
        "vie" => "vi",
        "tha" => "th",
        "afr" => "af",
        "aka" => "ak",
        "amh" => "am",
        "aze" => "az",
        "bel" => "be",
        "ben" => "bn",
        "cat" => "ca",
        "cym" => "cy",
        "epo" => "eo",
        "est" => "et",
        "guj" => "gu",
        "hye" => "hy",
        "jav" => "jv",
        "kan" => "kn",
        "kat" => "ka",
        "khm" => "km",
        "lat" => "la",
        "lav" => "lv",
        "lit" => "lt",
        "mal" => "ml",
        "mar" => "mr",
        "mkd" => "mk",
        "mya" => "my",
        "nep" => "ne",
        "ori" => "or",
        "pan" => "pa",
        "sin" => "si",
        "slk" => "sk",
        "slv" => "sl",
        "sna" => "sn",
        "tam" => "ta",
        "tel" => "te",
        "tgl" => "tl",
        "tuk" => "tk",
        "uzb" => "uz",
        "yid" => "yi",
        "zul" => "zu",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_german() {
        let en = "Negotiators returned to Vienna on Tuesday for a third round of talks on reviving \
                  the nuclear agreement, diplomats said.";
        assert_eq!(detect_language(en, None).as_deref(), Some("en"));
        let de = "Die Unterhändler kehrten am Dienstag nach Wien zurück, um in einer dritten Runde \
                  über die Wiederbelebung des Atomabkommens zu verhandeln, sagten Diplomaten.";
        assert_eq!(detect_language(de, Some("en")).as_deref(), Some("de"));
    }

    #[test]
    fn a_results_table_with_english_words_is_english() {
        let table = "SOCCER - LEAGUE RESULTS / STANDINGS .\nResults of league matches played on Saturday :\n\
            Partizan 2 Vojvodina 1\nZemun 0 Rad 3\nObilic 1 Proleter 1\nCukaricki 2 Buducnost 0\n\
            Loznica 1 Mladost 1\nSrem 2 Sloboda 2\nJedinstvo 0 Borac 1\nMacva 3 Radnicki 1\n\
            Napredak 1 Rudar 0\nSutjeska 2 Zeta 2\nStandings ( won , drawn , lost , goals for ) :\n\
            Partizan 4 3 1 0\nVojvodina 4 2 1 1\nZemun 4 2 0 2\nRad 4 1 2 1";
        assert_eq!(
            detect_language(table, None).as_deref().unwrap_or("en"),
            "en"
        );
    }

    /// Found by fuzzing: Catalan came out as "cat", not the contract's "ca".
    #[test]
    fn every_detectable_language_has_a_two_letter_code() {
        for lang in whatlang::Lang::all() {
            let code = iso639_1(lang.code());
            assert!(code.len() == 2, "{lang:?} -> {code}");
        }
    }

    #[test]
    fn short_text_falls_back_to_declaration() {
        assert_eq!(detect_language("OK.", Some("en-GB")).as_deref(), Some("en"));
        assert_eq!(detect_language("OK.", None), None);
    }
}
