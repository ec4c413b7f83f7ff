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
        return Some(iso639_1(info.lang().code()).to_string());
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
    fn short_text_falls_back_to_declaration() {
        assert_eq!(detect_language("OK.", Some("en-GB")).as_deref(), Some("en"));
        assert_eq!(detect_language("OK.", None), None);
    }
}
