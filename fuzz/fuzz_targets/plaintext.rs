//! The plain-text and Markdown cleaner on any text: metadata must be well-formed and the body
//! must be paragraphs of text separated by one blank line.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for markdown in [false, true] {
        let c = dossier_ingest::plaintext::clean(&text, markdown);
        if let Some(p) = &c.published {
            assert!(
                dossier_fuzz::is_iso_date(p),
                "published {p:?} is not ISO 8601"
            );
        }
        if !c.body.is_empty() {
            for para in c.body.split("\n\n") {
                assert!(!para.trim().is_empty(), "blank paragraph in {:?}", c.body);
            }
        }
        for field in [&c.title, &c.outlet, &c.dateline].into_iter().flatten() {
            assert!(!field.trim().is_empty(), "blank metadata field in {c:?}");
        }
    }
});
