//! Bytes to text. Pages arrive as bytes from files, WARC records and feeds; the charset may be
//! declared by HTTP, by the page, by both (disagreeing) or not at all.

use encoding_rs::{Encoding, UTF_8};
use regex::bytes::Regex;
use std::sync::LazyLock;

/// How far into the page the `<meta charset>` prescan looks. The HTML standard says 1024 bytes;
/// real pages put long `<script>` or comment blocks first, so we look further.
const PRESCAN_BYTES: usize = 8192;

static META_CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i-u)<meta\s[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.+-]+)"#).expect("valid regex")
});

/// Decodes the raw bytes of a page into text and names the encoding used.
///
/// Order: a byte-order mark wins; then `declared_charset` (an HTTP `Content-Type` charset or
/// similar); then a `<meta charset>` / `<meta http-equiv>` declaration near the top of the page;
/// then detection with `chardetng`. A declaration of UTF-8 over bytes that are not valid UTF-8 is
/// not believed (pages saved by old tools often claim UTF-8 and hold Windows-1252); detection
/// decides instead. Labels follow the WHATWG Encoding Standard, so `iso-8859-1` and `ascii` decode
/// as Windows-1252, as browsers do. Malformed sequences become U+FFFD; decoding never fails.
pub fn decode(bytes: &[u8], declared_charset: Option<&str>) -> (String, &'static str) {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return (text.into_owned(), enc.name());
    }
    let declared = declared_charset
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        .or_else(|| prescan_meta(bytes));
    let valid_utf8 = std::str::from_utf8(bytes).is_ok();
    let enc = match declared {
        // UTF-16 cannot be declared inside the page itself; a label saying so is a lie.
        Some(enc) if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE => UTF_8,
        Some(enc) if enc == UTF_8 && !valid_utf8 => detect(bytes),
        Some(enc) => enc,
        None if valid_utf8 => UTF_8,
        None => detect(bytes),
    };
    let (text, _) = enc.decode_without_bom_handling(bytes);
    (text.into_owned(), enc.name())
}

fn prescan_meta(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let caps = META_CHARSET.captures(head)?;
    Encoding::for_label(caps.get(1)?.as_bytes())
}

fn detect(bytes: &[u8]) -> &'static Encoding {
    let mut det = chardetng::EncodingDetector::new();
    det.feed(bytes, true);
    det.guess(None, true)
}

/// Repairs UTF-8 that was decoded as Windows-1252 or Latin-1 somewhere upstream and re-encoded
/// ("Investorâ€™s", "Investor\u{e2}\u{80}\u{99}s" for "Investor’s"): the page's own bytes are valid
/// UTF-8, so no charset choice here can undo it. Each run of non-ASCII characters that all map
/// to single bytes in those charsets is re-read as UTF-8 and replaced when that succeeds. Real
/// text almost never passes: an accented letter alone is not valid UTF-8 as a byte, and scripts
/// outside Latin-1 do not map. `None` when nothing changed.
pub(crate) fn repair_mojibake(s: &str) -> Option<String> {
    // A UTF-8 lead byte read as Latin-1/Windows-1252 is one of U+00C2..U+00F4.
    if !s.chars().any(|c| ('\u{c2}'..='\u{f4}').contains(&c)) {
        return None;
    }
    let byte_of = |c: char| -> Option<u8> {
        let u = c as u32;
        match u {
            0x80..=0x9f => Some(u as u8),
            0xa0..=0xff => Some(u as u8),
            _ => {
                let mut buf = [0u8; 4];
                let (bytes, _, bad) = encoding_rs::WINDOWS_1252.encode(c.encode_utf8(&mut buf));
                (!bad && bytes.len() == 1 && bytes[0] >= 0x80).then(|| bytes[0])
            }
        }
    };
    let mut out = String::with_capacity(s.len());
    let mut changed = false;
    let mut run: Vec<(char, u8)> = Vec::new();
    let mut flush = |run: &mut Vec<(char, u8)>, out: &mut String| {
        if run.len() >= 2 {
            let bytes: Vec<u8> = run.iter().map(|(_, b)| *b).collect();
            if let Ok(fixed) = std::str::from_utf8(&bytes) {
                out.push_str(fixed);
                changed = true;
                run.clear();
                return;
            }
        }
        out.extend(run.iter().map(|(c, _)| *c));
        run.clear();
    };
    for c in s.chars() {
        match (c.is_ascii(), byte_of(c)) {
            (false, Some(b)) => run.push((c, b)),
            _ => {
                flush(&mut run, &mut out);
                out.push(c);
            }
        }
    }
    flush(&mut run, &mut out);
    changed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mojibake_is_repaired_and_real_text_left_alone() {
        assert_eq!(
            repair_mojibake("A DIY Investor\u{e2}\u{80}\u{99}s Guide").as_deref(),
            Some("A DIY Investor’s Guide")
        );
        assert_eq!(
            repair_mojibake("Caf\u{c3}\u{a9} \u{e2}\u{80}\u{9c}noir\u{e2}\u{80}\u{9d}").as_deref(),
            Some("Café “noir”")
        );
        // Windows-1252's reading of the same bytes.
        assert_eq!(
            repair_mojibake("Investorâ€™s").as_deref(),
            Some("Investor’s")
        );
        for fine in [
            "Café crème à la carte",
            "naïve Ölçek",
            "Москва",
            "Zürich – Genève",
            "ÂÂ",
        ] {
            assert_eq!(repair_mojibake(fine), None, "{fine}");
        }
    }

    #[test]
    fn undeclared_windows_1252_is_detected() {
        // "Café déjà vu – naïve" in Windows-1252, with an en dash (0x96) that Latin-1 lacks.
        let bytes = b"<html><body><p>Caf\xe9 d\xe9j\xe0 vu \x96 na\xefve r\xe9sum\xe9 of the \xe9lite.</p></body></html>";
        let (text, name) = decode(bytes, None);
        assert_eq!(name, "windows-1252");
        assert!(text.contains("Café déjà vu – naïve"), "{text}");
    }

    #[test]
    fn latin1_label_means_windows_1252() {
        let (text, name) = decode(b"<p>\x93quoted\x94 \xa3100</p>", Some("ISO-8859-1"));
        assert_eq!(name, "windows-1252");
        assert_eq!(text, "<p>\u{201c}quoted\u{201d} £100</p>");
    }

    #[test]
    fn meta_charset_prescan() {
        let page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"></head><body>\xcf\xf0\xe8\xe2\xe5\xf2</body></html>";
        let (text, name) = decode(page, None);
        assert_eq!(name, "windows-1251");
        assert!(text.contains("Привет"));
    }

    #[test]
    fn bom_wins_over_declaration() {
        let mut page = vec![0xEF, 0xBB, 0xBF];
        page.extend_from_slice("<meta charset=\"iso-8859-1\"><p>é</p>".as_bytes());
        let (text, name) = decode(&page, Some("windows-1252"));
        assert_eq!(name, "UTF-8");
        assert!(text.ends_with("<p>é</p>"));
    }

    #[test]
    fn false_utf8_declaration_is_not_believed() {
        let (text, name) = decode(
            b"<meta charset=utf-8><p>Ren\xe9e na\xefve caf\xe9 cr\xe8me br\xfbl\xe9e</p>",
            None,
        );
        assert_eq!(name, "windows-1252");
        assert!(text.contains("Renée naïve café crème brûlée"));
    }

    #[test]
    fn plain_utf8() {
        let (text, name) = decode("<p>Zürich – “quoted”</p>".as_bytes(), None);
        assert_eq!(name, "UTF-8");
        assert_eq!(text, "<p>Zürich – “quoted”</p>");
    }
}
