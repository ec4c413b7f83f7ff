//! One WARC file (records, HTTP responses, chunked and encoded payloads; gzip when the bytes are gzip), read by `dossier_ingest::read_from`: every document it yields must be well-formed
//! (`dossier_fuzz::check_ingested`) and every error must name the input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    dossier_fuzz::read("fuzz.warc", data);
});
