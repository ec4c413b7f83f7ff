//! Main text through dom_smoothie, normalised to the crate's paragraph convention.

use dom_smoothie::{Config, Readability, TextMode};

/// The main text of `doc`, or `None` when nothing article-like is found. Consumes the document:
/// dom_smoothie rewrites it while scoring.
pub(crate) fn main_text(
    doc: dom_query::Document,
    url: Option<&str>,
    max_elements: usize,
) -> Option<String> {
    let cfg = Config {
        text_mode: TextMode::Formatted,
        max_elements_to_parse: max_elements,
        ..Config::default()
    };
    // dom_smoothie refuses relative URLs; the URL only resolves links, which we do not keep.
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let mut r = Readability::with_document(doc, url, Some(cfg)).ok()?;
    let article = r.parse().ok()?;
    let text = normalise(&article.text_content);
    (!text.is_empty()).then_some(text)
}

/// Collapses runs of spaces inside lines and makes every non-empty line a paragraph separated by
/// one blank line. dom_smoothie's formatted text separates blocks by newlines of varying count
/// and keeps some indentation.
pub(crate) fn normalise(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for line in raw.lines() {
        let mut first = true;
        let mut any = false;
        for word in line.split_whitespace() {
            if first {
                if !out.is_empty() {
                    out.push_str("\n\n");
                }
                first = false;
            } else {
                out.push(' ');
            }
            out.push_str(word);
            any = true;
        }
        let _ = any;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::normalise;

    #[test]
    fn paragraphs_and_spaces() {
        assert_eq!(
            normalise("  One  two\n\n\n\tThree\u{a0} four \n  \nfive"),
            "One two\n\nThree four\n\nfive"
        );
    }
}
