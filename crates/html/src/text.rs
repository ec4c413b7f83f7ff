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
    description: Option<&str>,
) -> Option<String> {
    let cfg = Config {
        text_mode: TextMode::Formatted,
        max_elements_to_parse: max_elements,
        ..Config::default()
    };
    strip_boilerplate(&doc);
    strip_dek(&doc, description);
    strip_teaser_links(&doc);
    // dom_smoothie refuses relative URLs; the URL only resolves links, which we do not keep.
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let mut r = Readability::with_document(doc, url, Some(cfg)).ok()?;
    let article = r.parse().ok()?;
    let text = normalise(&article.text_content);
    (!text.is_empty()).then_some(text)
}

static BOILERPLATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|[\s_-])(?:newsletter|subscri(?:be|ption)|sign-?up|share|sharing|social|cookie|consent|gdpr|related|recommended|promo|advert|ads?|sponsor|popup|modal|breadcrumbs?|comments?|outbrain|taboola|sidebar|mpu|bio|bios|authorbio|about-the-author|about-author)(?:$|[\s_-])",
    )
    .expect("valid regex")
});

/// Removes elements that name themselves as site furniture (newsletter boxes, share bars, cookie
/// banners, related links, ads including "mpu" ad slots, comments, sidebars, author bio boxes)
/// before scoring: Readability-style scoring
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

/// Class or id parts that name a standfirst (the summary set under a headline).
static DEK_NAMED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|[\s_-])(?:dek|standfirst|stand-first|subtitle|sub-title|subheadline|sub-headline|subhead|strapline|sapo|chapo|chapeau)(?:$|[\s_-])",
    )
    .expect("valid regex")
});

/// Class or id parts that name a standfirst on some sites and the first body paragraph on others.
static DEK_MAYBE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|[\s_-])(?:lead|lede|intro|summary|excerpt|teaser|description|abstract|synopsis)(?:$|[\s_-])",
    )
    .expect("valid regex")
});

/// Removes the standfirst (dek): the one- or two-sentence summary between headline and body.
/// It restates the article and is not part of its text; dom_smoothie keeps it when it sits in
/// the article container. A standfirst is recognised by its name (`dek`, `standfirst`,
/// `subtitle`, `itemprop=alternativeHeadline`...), or by an ambiguous name (`lead`, `intro`,
/// `summary`...) together with the page's own description repeating it. Either way it must be
/// short and stand apart from the body: an element whose parent holds two or more other
/// paragraphs is one of the body's paragraphs (sites mark their first paragraph "lead" too),
/// and an in-body subheading named "subtitle" is kept by the same test.
fn strip_dek(doc: &dom_query::Document, description: Option<&str>) {
    let desc = description.map(squash).filter(|d| d.len() >= 20);
    let mut doomed = Vec::new();
    for n in doc.select("[class], [id], [itemprop]").nodes() {
        if matches!(
            n.node_name().as_deref(),
            Some("html" | "body" | "main" | "article" | "section" | "meta" | "img")
        ) {
            continue;
        }
        let label = format!(
            "{} {}",
            n.attr("class").unwrap_or_default(),
            n.attr("id").unwrap_or_default()
        );
        let itemprop = n.attr("itemprop").unwrap_or_default().to_ascii_lowercase();
        let named = DEK_NAMED.is_match(&label) || itemprop == "alternativeheadline";
        let maybe = !named && (DEK_MAYBE.is_match(&label) || itemprop == "description");
        if !named && !maybe {
            continue;
        }
        let text = n.text();
        let words = text.split_whitespace().count();
        if words == 0 || words > 80 {
            continue;
        }
        // A container of paragraphs is a body, however it is named.
        if dom_query::Selection::from(*n).select("p").length() >= 2 {
            continue;
        }
        if maybe {
            let t = squash(&text);
            let repeats = desc
                .as_deref()
                .is_some_and(|d| t.len() >= 20 && (d.starts_with(&t) || t.starts_with(d)));
            if !repeats {
                continue;
            }
        }
        let among_paragraphs = n.parent().is_some_and(|p| {
            p.element_children()
                .iter()
                .filter(|c| {
                    c.id != n.id
                        && c.node_name().as_deref() == Some("p")
                        && c.text().split_whitespace().count() >= 8
                })
                .count()
                >= 2
        });
        if among_paragraphs {
            continue;
        }
        doomed.push(*n);
    }
    for n in doomed {
        n.remove_from_parent();
    }
}

/// Removes a teaser for another page set as a paragraph of its own: a short line of the form
/// "Label: headline" whose headline is a link and whose label is one newsrooms use for teasers
/// ("Explainer: how a flood gate works", "Read more: What we know about ...", "Watch: ..."). Readability
/// keeps it because a short line ending in punctuation looks like prose. Linked lines with other
/// labels ("Pictured: ...", "Tested: ...") or none are kept: on real pages they are as often part
/// of the article (a caption, a source, a list of items). Teasers in a run of adjacent
/// paragraphs or inside list items are a list the article presents, and are kept too.
fn strip_teaser_links(doc: &dom_query::Document) {
    static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*(?:explainer|factbox|fact ?check|analysis|opinion|comment|interview|timeline|live|watch|listen|video|podcast|gallery|photos|related|see also|also read|read|read more|read also|more|more on this|recommended|don'?t miss|in depth|q ?& ?a)\s*:\s+(\S.*)$")
            .expect("valid regex")
    });
    let teaser = |n: &dom_query::NodeRef| {
        let text = n.text();
        if text.split_whitespace().count() > 15 {
            return false;
        }
        let Some(c) = LABEL.captures(&text) else {
            return false;
        };
        let after = squash(&c[1]);
        let linked: String = dom_query::Selection::from(*n)
            .select("a[href]")
            .nodes()
            .iter()
            .map(|a| squash(&a.text()))
            .collect();
        !after.is_empty() && linked.ends_with(&after)
    };
    let mut doomed = Vec::new();
    for n in doc.select("p").nodes() {
        if !teaser(n)
            || n.ancestors_it(Some(4))
                .any(|a| a.node_name().as_deref() == Some("li"))
        {
            continue;
        }
        let in_run = [n.prev_element_sibling(), n.next_element_sibling()]
            .into_iter()
            .flatten()
            .any(|s| s.node_name().as_deref() == Some("p") && teaser(&s));
        if !in_run {
            doomed.push(*n);
        }
    }
    for n in doomed {
        n.remove_from_parent();
    }
}

/// Lower-case letters and digits only, for comparing texts that differ in spacing and quotes.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Ad labels, left behind as paragraphs of their own when the ad itself is an iframe or a script.
const AD_WORDS: &[&str] = &[
    "advertisement",
    "advertising",
    "ad",
    "ads",
    "anzeige",
    "werbung",
    "publicité",
    "publicidad",
    "pubblicità",
    "sponsored",
];
/// Words that may accompany an ad label ("Advertisement - Continue reading the story below").
const AD_FILLER: &[&str] = &[
    "scroll", "to", "continue", "with", "content", "reading", "story", "below", "the",
];

fn is_ad_label(para: &str) -> bool {
    let words: Vec<String> = para
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.iter().any(|w| AD_WORDS.contains(&w.as_str()))
        && words
            .iter()
            .all(|w| AD_WORDS.contains(&w.as_str()) || AD_FILLER.contains(&w.as_str()))
}

/// Verbs that make a short closing line naming the outlet a sentence of the story ("..., he told
/// the Courier.") rather than a sign-off.
const REPORTING: &[&str] = &[
    "told",
    "tell",
    "tells",
    "said",
    "say",
    "says",
    "according",
    "reported",
    "reports",
    "wrote",
    "writes",
    "asked",
    "interview",
];

/// Drops paragraphs of the extracted text that are not article: zero-width spacers, ad labels
/// ("Advertisement", "Anzeige / Advertisement"), and short lines at the end that name the outlet
/// itself ("Our code: how X checks its reporting", "Follow X on Twitter", "© X 2021"), which
/// sites append to every article. The outlet's name in the article's own closing sentence is
/// prose ("..., she told The Daily Planet."), so only short trailing lines without a reporting
/// verb go.
pub(crate) fn tidy(text: &str, site: Option<&str>) -> String {
    // Paragraphs of nothing but zero-width characters are spacers left by page builders.
    let invisible = |p: &str| {
        p.chars().all(|c| {
            matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}') || c.is_whitespace()
        })
    };
    let mut paras: Vec<&str> = text
        .split("\n\n")
        .filter(|p| !is_ad_label(p) && !invisible(p))
        .collect();
    let site = site.map(squash).filter(|s| s.len() >= 4);
    if let Some(site) = site {
        while paras.len() > 1 {
            let last = paras[paras.len() - 1];
            let reported = last.split_whitespace().any(|w| {
                REPORTING.contains(
                    &w.trim_matches(|c: char| !c.is_alphabetic())
                        .to_lowercase()
                        .as_str(),
                )
            });
            if last.split_whitespace().count() <= 12 && !reported && squash(last).contains(&site) {
                paras.pop();
            } else {
                break;
            }
        }
    }
    paras.join("\n\n")
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
    use super::{is_ad_label, normalise, tidy};

    #[test]
    fn ad_labels() {
        for label in [
            "Advertisement",
            "ADVERTISEMENT",
            "Anzeige / Advertisement",
            "Advertisement · Scroll to continue with content",
            "Sponsored",
        ] {
            assert!(is_ad_label(label), "{label}");
        }
        for prose in ["The ad was pulled.", "Continue to the content", ""] {
            assert!(!is_ad_label(prose), "{prose}");
        }
    }

    #[test]
    fn closing_lines_naming_the_outlet() {
        let text = "First paragraph.\n\nShe told the River Courier on Monday that the gates worked.\n\nFollow the River Courier on Mastodon.";
        assert_eq!(
            tidy(text, Some("River Courier")),
            "First paragraph.\n\nShe told the River Courier on Monday that the gates worked."
        );
        // A text that is nothing but such a line is left alone, and so is one without a site.
        assert_eq!(
            tidy("River Courier", Some("River Courier")),
            "River Courier"
        );
        assert_eq!(tidy(text, None), text);
        assert_eq!(tidy("One.\n\n\u{200d}\n\nTwo.", None), "One.\n\nTwo.");
    }

    #[test]
    fn paragraphs_and_spaces() {
        assert_eq!(
            normalise("  One  two\n\n\n\tThree\u{a0} four \n  \nfive"),
            "One two\n\nThree four\n\nfive"
        );
    }
}
