//! Main text through dom_smoothie, normalised to the crate's paragraph convention, with a
//! block-text fallback.

use dom_smoothie::{Config, Readability, TextMode};
use regex::Regex;
use std::sync::LazyLock;

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
    strip_boilerplate(&doc);
    // dom_smoothie refuses relative URLs; the URL only resolves links, which we do not keep.
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let mut r = Readability::with_document(doc, url, Some(cfg)).ok()?;
    let article = r.parse().ok()?;
    let text = normalise(&article.text_content);
    (!text.is_empty()).then_some(text)
}

static BOILERPLATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|[\s_-])(?:newsletter|subscri(?:be|ption)|sign-?up|share|sharing|social|cookie|consent|gdpr|related|recommended|promo|advert|ads?|sponsor|popup|modal|breadcrumbs?|comments?|outbrain|taboola|sidebar)(?:$|[\s_-])",
    )
    .expect("valid regex")
});

/// Removes elements that name themselves as site furniture (newsletter boxes, share bars, cookie
/// banners, related links, ads, comments, sidebars) before scoring: Readability-style scoring
/// keeps a box that sits inside the article container. An element holding much text is kept
/// whatever its name, since some themes put "share" or "related" in the class of the whole
/// article wrapper. Names are matched as whole words or hyphen/underscore parts, and generic
/// builder names ("widget", "menu") are left alone: page builders put them on content blocks.
fn strip_boilerplate(doc: &dom_query::Document) {
    let mut doomed = Vec::new();
    for n in doc.select("[class], [id]").nodes() {
        let label = format!(
            "{} {}",
            n.attr("class").unwrap_or_default(),
            n.attr("id").unwrap_or_default()
        );
        if !BOILERPLATE.is_match(&label) {
            continue;
        }
        if matches!(
            n.node_name().as_deref(),
            Some("html" | "body" | "main" | "article")
        ) {
            continue;
        }
        if n.descendants_it().take(400).count() == 400 || n.text().len() > 1500 {
            continue;
        }
        doomed.push(*n);
    }
    for n in doomed {
        n.remove_from_parent();
    }
}

/// Block text of the page outside navigation, headers, footers, asides and forms: the fallback
/// when dom_smoothie finds no candidate (short pages, unusual markup). Worse than a scored
/// extraction, far better than losing the page.
pub(crate) fn block_text(html: &str) -> Option<String> {
    let doc = dom_query::Document::from(html);
    doc.select(
        "script, style, noscript, template, svg, nav, header, footer, aside, form, \
         [role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true]",
    )
    .remove();
    let mut out = String::new();
    for n in doc
        .select("p, h1, h2, h3, h4, h5, h6, li, pre, blockquote, td")
        .nodes()
    {
        let nested = n.ancestors_it(Some(8)).any(|a| {
            matches!(
                a.node_name().as_deref(),
                Some(
                    "p" | "li"
                        | "pre"
                        | "blockquote"
                        | "td"
                        | "h1"
                        | "h2"
                        | "h3"
                        | "h4"
                        | "h5"
                        | "h6"
                )
            )
        });
        if nested {
            continue;
        }
        let para = n.text().split_whitespace().collect::<Vec<_>>().join(" ");
        if para.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&para);
    }
    (!out.is_empty()).then_some(out)
}

/// Collapses runs of spaces inside lines and makes every non-empty line a paragraph separated by
/// one blank line. dom_smoothie's formatted text separates blocks by newlines of varying count
/// and keeps some indentation.
pub(crate) fn normalise(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for line in raw.lines() {
        let mut first = true;
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
        }
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
