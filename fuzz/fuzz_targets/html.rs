//! One HTML page, as raw bytes, through charset decoding and extraction (text, metadata, dates).
//! A first line starting with "http" is taken as the page's URL, so URL dates are fuzzed too.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (url, page) = match data.iter().position(|&b| b == b'\n') {
        Some(i) if data.starts_with(b"http") => {
            (std::str::from_utf8(&data[..i]).ok(), &data[i + 1..])
        }
        _ => (None, data),
    };
    let (html, _charset) = dossier_html::decode(page, None);
    let Ok(article) = dossier_html::extract(&html, url) else {
        return;
    };
    if let Some(p) = &article.published {
        assert!(
            dossier_fuzz::is_iso_date(p),
            "published {p:?} is not ISO 8601"
        );
    }
    if let Some(l) = &article.language {
        assert!(
            !l.is_empty() && l.bytes().all(|b| b.is_ascii_lowercase()),
            "language {l:?} is not a lower-case primary subtag"
        );
    }
    for a in &article.authors {
        assert!(
            !a.trim().is_empty(),
            "blank author in {:?}",
            article.authors
        );
    }
});
