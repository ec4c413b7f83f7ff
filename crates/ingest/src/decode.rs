//! Bytes to text, and refusing what is not text. Undeclared legacy encodings (Windows-1252,
//! Latin-1), which copy-pasted articles still arrive in, are guessed by `dossier-html`'s decoder.

/// True for data that is clearly not text: many NUL or control bytes near the start. A stray
/// NUL in an otherwise readable page does not make it binary.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if has_utf16_bom(head) {
        return false;
    }
    let nuls = head.iter().filter(|&&b| b == 0).count();
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    nuls * 100 > head.len() || controls * 20 > head.len()
}

fn has_utf16_bom(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF])
}

/// Decodes a text file whose encoding nobody declared: BOM, then UTF-8, then a statistical guess
/// (shared with HTML decoding in `dossier-html`). Errors name what was wrong.
pub fn decode_text(bytes: &[u8]) -> Result<String, String> {
    if bytes.is_empty() {
        return Err("empty input".into());
    }
    if looks_binary(bytes) {
        return Err("binary data, not text".into());
    }
    Ok(dossier_html::decode(bytes, None).0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_without_declaration() {
        // “Schröder” said — in Windows-1252
        let bytes = b"\x93Schr\xf6der\x94 said \x97 the talks were \x93constructive.\x94";
        let text = decode_text(bytes).unwrap();
        assert_eq!(text, "“Schröder” said — the talks were “constructive.”");
    }

    #[test]
    fn utf8_bom_is_dropped() {
        assert_eq!(decode_text(b"\xEF\xBB\xBFhello").unwrap(), "hello");
    }

    #[test]
    fn binary_is_refused() {
        assert!(decode_text(b"\x00\x01\x02\x03PK\x03\x04").is_err());
        assert!(decode_text(b"").is_err());
    }

    #[test]
    fn a_stray_nul_in_a_page_is_not_binary() {
        let mut page = b"<html><body><p>Talks resumed in Vienna on Tuesday.</p>".repeat(4);
        page.push(0);
        page.extend_from_slice(b"</body></html>");
        assert!(!looks_binary(&page));
    }
}
