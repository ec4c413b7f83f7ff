//! One JSONL file of records (verbatim text, metadata, lenient dates), read by `dossier_ingest::read_from`: every document it yields must be well-formed
//! (`dossier_fuzz::check_ingested`) and every error must name the input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    dossier_fuzz::read("fuzz.jsonl", data);
});
