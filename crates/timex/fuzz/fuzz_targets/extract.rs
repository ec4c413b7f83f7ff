//! Date text is attacker input: `extract` must not panic, must return spans on character
//! boundaries inside the text, and values must be well-formed TIMEX3.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for published in [None, NaiveDate::from_ymd_opt(2021, 3, 2)] {
        for t in dossier_timex::extract(text, published) {
            assert!(t.span.start < t.span.end && t.span.end <= text.len());
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
            if let Some(v) = &t.value {
                assert!(dossier_timex::is_well_formed_value(v), "bad value {v:?}");
            }
        }
    }
});
