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
            dossier_fuzz::check_span(text, t.span, "time expression");
            assert!(!t.span.is_empty(), "empty time expression");
            if let Some(v) = &t.value {
                assert!(dossier_timex::is_well_formed_value(v), "bad value {v:?}");
            }
            if let Some(a) = &t.anchor {
                assert!(
                    a == "published" || dossier_timex::is_well_formed_value(a),
                    "bad anchor {a:?}"
                );
            }
        }
    }
});
