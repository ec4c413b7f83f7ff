//! Page metadata: title, outlet, authors, canonical URL, language, description, and (through
//! [`crate::date`]) the publication date.
//!
//! Every field has several possible sources of different reliability; each getter states its
//! precedence. Structured sources (JSON-LD, OpenGraph and other meta tags) come first because
//! they are written for machines, visible markup (headings, bylines) second, the URL last.

use chrono::NaiveDate;
use dom_query::Document;
use serde_json::Value;

/// Metadata read from a parsed page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    pub title: Option<String>,
    pub site_name: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    pub description: Option<String>,
}

/// What the metadata getters share: the meta tags and JSON-LD objects of one page, read once.
pub struct Page<'a> {
    pub doc: &'a Document,
    /// `(key, content)` of every `<meta>` with content, key lower-cased from `property`, `name`,
    /// `itemprop` or `http-equiv`, in document order.
    pub metas: Vec<(String, String)>,
    /// Every JSON-LD object on the page, flattened out of arrays and `@graph`s, in document order.
    pub ld: Vec<Value>,
    pub url: Option<&'a str>,
    heading_text: std::cell::OnceCell<Option<(String, usize)>>,
    canonical: std::cell::OnceCell<Option<String>>,
    /// `<html lang>` (or `xml:lang`), lower case.
    pub html_lang: Option<String>,
}

/// JSON-LD types whose dates, authors and headline describe the article itself.
const ARTICLE_TYPES: &[&str] = &[
    "article",
    "newsarticle",
    "blogposting",
    "reportagenews",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "askpublicnewsarticle",
    "techarticle",
    "scholarlyarticle",
    "report",
    "liveblogposting",
    "socialmediaposting",
    "posting",
    "advertisercontentarticle",
    "satiricalarticle",
    "medicalscholarlyarticle",
    "review",
    "recipe",
    "howto",
    "videoobject",
    "podcastepisode",
    "creativework",
    "discussionforumposting",
];

impl<'a> Page<'a> {
    pub fn new(doc: &'a Document, url: Option<&'a str>) -> Self {
        let mut metas = Vec::new();
        for node in doc.select("meta").nodes() {
            let Some(content) = node.attr("content") else {
                continue;
            };
            let content = content.trim();
            if content.is_empty() {
                continue;
            }
            for key_attr in ["property", "name", "itemprop", "http-equiv"] {
                if let Some(k) = node.attr(key_attr) {
                    let k = k.trim().to_ascii_lowercase();
                    if !k.is_empty() {
                        metas.push((k, content.to_string()));
                    }
                }
            }
        }
        let mut ld = Vec::new();
        for node in doc.select(r#"script[type*="ld+json" i]"#).nodes() {
            if let Some(v) = parse_json_ld(&node.text()) {
                flatten_ld(v, &mut ld, 0);
            }
        }
        // Some head managers emit JSON-LD as a meta tag (`<meta name="script:ld+json"
        // content="{...}">`) for a script to inject later.
        for (k, v) in &metas {
            if k.contains("ld+json")
                && let Some(v) = parse_json_ld(v)
            {
                flatten_ld(v, &mut ld, 0);
            }
        }
        let html_lang = doc
            .root()
            .descendants_it()
            .find(|n| n.is_element())
            .filter(|n| n.node_name().as_deref() == Some("html"))
            .and_then(|n| n.attr("lang").or_else(|| n.attr("xml:lang")))
            .map(|s| s.trim().to_ascii_lowercase());
        Page {
            doc,
            metas,
            ld,
            url,
            heading_text: std::cell::OnceCell::new(),
            canonical: std::cell::OnceCell::new(),
            html_lang,
        }
    }

    /// Content of the first meta tag whose key is one of `keys` (lower case), in the order of `keys`.
    pub fn meta(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|k| {
            self.metas
                .iter()
                .find(|(mk, _)| mk == k)
                .map(|(_, v)| v.as_str())
        })
    }

    /// Contents of all meta tags with one of `keys`, in `keys` order.
    pub fn meta_all<'s>(&'s self, keys: &'s [&str]) -> impl Iterator<Item = &'s str> + 's {
        keys.iter().flat_map(move |k| {
            self.metas
                .iter()
                .filter(move |(mk, _)| mk == k)
                .map(|(_, v)| v.as_str())
        })
    }

    /// The page's visible text from its start to a little past the main heading, and the byte
    /// offset where the heading starts in it: where bylines and datelines live on pages that do
    /// not mark them up. `None` when the page has no `<h1>`.
    pub fn heading_text(&self) -> Option<&(String, usize)> {
        const AFTER: usize = 1200;
        self.heading_text
            .get_or_init(|| {
                let h1 = self.headline_node()?;
                let body = self.doc.body()?;
                let mut text = String::new();
                let mut mark = None;
                for n in body.descendants_it() {
                    if n.id == h1 {
                        mark = Some(text.len());
                    }
                    if !n.is_text() {
                        continue;
                    }
                    let parent = n.parent().and_then(|p| p.node_name()).unwrap_or_default();
                    if matches!(
                        &*parent,
                        "script" | "style" | "noscript" | "template" | "svg"
                    ) {
                        continue;
                    }
                    text.push_str(&n.text());
                    text.push(' ');
                    if mark.is_some_and(|m| text.len() > m + AFTER) {
                        break;
                    }
                }
                Some((text, mark?))
            })
            .as_ref()
    }

    /// The element holding the headline: the first non-empty `<h1>`, else the first `<h2>` or
    /// `<h3>` that shares most of its words with `<title>` (pages built with site builders often
    /// have no `<h1>`).
    pub(crate) fn headline_node(&self) -> Option<dom_query::NodeId> {
        if let Some(n) = self
            .doc
            .select("h1")
            .nodes()
            .iter()
            .find(|n| !n.text().trim().is_empty())
        {
            return Some(n.id);
        }
        let title = self
            .doc
            .select("title")
            .nodes()
            .first()
            .map(|n| n.text().to_string())?;
        self.doc
            .select("h2, h3")
            .nodes()
            .iter()
            .take(20)
            .find(|n| {
                let t = n.text();
                !t.trim().is_empty() && word_overlap(&t, &title) >= 0.6
            })
            .map(|n| n.id)
    }

    /// JSON-LD objects describing the article (by `@type`), first.
    pub fn ld_articles(&self) -> impl Iterator<Item = &Value> {
        self.ld.iter().filter(|v| ld_is(v, ARTICLE_TYPES))
    }
}

impl Metadata {
    /// Reads all metadata. `latest` is the latest publication date believed (normally tomorrow).
    pub fn read(doc: &Document, url: Option<&str>, latest: NaiveDate) -> Metadata {
        let page = Page::new(doc, url);
        let site_name = site_name(&page);
        Metadata {
            title: title(&page, site_name.as_deref()),
            authors: crate::meta::authors(&page, site_name.as_deref()),
            published: crate::date::published(&page, latest),
            url: canonical_url(&page),
            language: language(&page),
            description: description(&page),
            site_name,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// JSON-LD

fn parse_json_ld(raw: &str) -> Option<Value> {
    let s = raw.trim();
    let s = s.trim_start_matches("<!--").trim_end_matches("-->").trim();
    let s = s
        .trim_start_matches("//<![CDATA[")
        .trim_end_matches("//]]>")
        .trim();
    let s = s
        .trim_start_matches("<![CDATA[")
        .trim_end_matches("]]>")
        .trim();
    if let Ok(v) = serde_json::from_str(s) {
        return Some(v);
    }
    // Hand-written JSON-LD often has raw newlines or tabs inside strings, which JSON forbids.
    let cleaned: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if let Ok(v) = serde_json::from_str(&cleaned) {
        return Some(v);
    }
    // Trailing commas and a trailing semicolon are the other frequent faults.
    let cleaned = cleaned.trim_end_matches(';').to_string();
    let re = regex_lite_trailing_commas(&cleaned);
    serde_json::from_str(&re).ok()
}

fn regex_lite_trailing_commas(s: &str) -> String {
    use regex::Regex;
    use std::sync::LazyLock;
    static RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r",\s*([}\]])").expect("valid regex"));
    RE.replace_all(s, "$1").into_owned()
}

fn flatten_ld(v: Value, out: &mut Vec<Value>, depth: usize) {
    if depth > 4 {
        return;
    }
    match v {
        Value::Array(items) => items
            .into_iter()
            .for_each(|i| flatten_ld(i, out, depth + 1)),
        Value::Object(mut map) => {
            let graph = map.remove("@graph");
            // An article is sometimes wrapped as the mainEntity of a WebPage.
            let main = map
                .get("mainEntity")
                .filter(|m| m.is_object() && ld_is(m, ARTICLE_TYPES))
                .cloned();
            out.push(Value::Object(map));
            if let Some(g) = graph {
                flatten_ld(g, out, depth + 1);
            }
            if let Some(m) = main {
                flatten_ld(m, out, depth + 1);
            }
        }
        _ => {}
    }
}

/// Whether a JSON-LD object's `@type` (a string or an array) is one of `types` (lower case).
pub fn ld_is(v: &Value, types: &[&str]) -> bool {
    let norm = |t: &str| {
        let t = t
            .rsplit(['/', ':'])
            .next()
            .unwrap_or(t)
            .to_ascii_lowercase();
        types.contains(&t.as_str())
    };
    match v.get("@type") {
        Some(Value::String(t)) => norm(t),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(norm),
        _ => false,
    }
}

/// A string field of a JSON-LD object; `{"@value": ...}` and one-element arrays are unwrapped.
pub fn ld_str<'v>(v: &'v Value, key: &str) -> Option<&'v str> {
    let f = v.get(key)?;
    let s = match f {
        Value::String(s) => s.as_str(),
        Value::Array(a) => a
            .first()
            .and_then(|x| x.as_str().or_else(|| x.get("@value")?.as_str()))?,
        Value::Object(_) => f.get("@value")?.as_str()?,
        _ => return None,
    };
    let s = s.trim();
    (!s.is_empty()).then_some(s)
}

// ---------------------------------------------------------------------------------------------
// Text helpers

/// Whitespace collapsed, HTML entities left by double-escaping decoded, trimmed.
pub fn clean_text(s: &str) -> String {
    let s = if s.contains('&') {
        unescape_basic(s)
    } else {
        s.to_string()
    };
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn unescape_basic(s: &str) -> String {
    s.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#039;", "'")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#8217;", "\u{2019}")
        .replace("&#8216;", "\u{2018}")
        .replace("&#8220;", "\u{201c}")
        .replace("&#8221;", "\u{201d}")
        .replace("&#8211;", "\u{2013}")
        .replace("&#8212;", "\u{2014}")
        .replace("&nbsp;", " ")
}

/// Lower-case letters and digits only: for comparing names that differ in spacing and punctuation.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The host of an absolute URL, without "www." and port.
pub fn host(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let h = rest.split(['/', '?', '#']).next()?;
    let h = h.rsplit('@').next()?.split(':').next()?;
    let h = h.strip_prefix("www.").unwrap_or(h);
    (!h.is_empty() && h.contains('.')).then_some(h)
}

// ---------------------------------------------------------------------------------------------
// Site name

/// `og:site_name`, then the article's JSON-LD publisher, a JSON-LD WebSite or Organization name,
/// `application-name` and friends, else the URL's host.
fn site_name(page: &Page) -> Option<String> {
    if let Some(s) = page.meta(&["og:site_name", "og:sitename", "twitter:app:name:iphone"]) {
        return Some(clean_text(s));
    }
    for a in page.ld_articles() {
        if let Some(p) = a.get("publisher") {
            let p = if let Value::Array(ps) = p {
                ps.first().unwrap_or(p)
            } else {
                p
            };
            if let Some(n) = ld_str(p, "name") {
                return Some(clean_text(n));
            }
        }
    }
    for v in &page.ld {
        if ld_is(v, &["website", "newsmediaorganization", "organization"])
            && let Some(n) = ld_str(v, "name")
        {
            return Some(clean_text(n));
        }
    }
    if let Some(s) = page.meta(&[
        "application-name",
        "apple-mobile-web-app-title",
        "publisher",
        "dc.publisher",
    ]) {
        return Some(clean_text(s));
    }
    let host_name = canonical_url(page)
        .as_deref()
        .and_then(host)
        .or_else(|| page.url.and_then(host))
        .map(str::to_string);
    title_site(page, host_name.as_deref()).or(host_name)
}

/// Section names that follow a headline in `<title>` as often as a site name does.
const SECTION_WORDS: &[&str] = &[
    "news",
    "world",
    "politics",
    "opinion",
    "business",
    "sport",
    "sports",
    "home",
    "blog",
    "local",
    "national",
    "international",
    "economy",
    "markets",
    "technology",
    "tech",
    "culture",
    "entertainment",
    "lifestyle",
    "health",
    "science",
    "travel",
    "video",
    "videos",
    "photos",
    "analysis",
    "commentary",
    "editorial",
    "article",
    "news article",
    "latest news",
    "breaking news",
];

/// The site's name from the `<title>`, for pages that name it nowhere else: the segment after the
/// last " | ", " - ", " – " or " — " (or before the first), when the rest of the title is the
/// page's headline or the segment matches the URL's host ("Oil slips | Continental Ledger" on
/// continentalledger.example). Without either check a trailing segment is as likely a section or
/// a kicker. A segment of more than five words, or a common section name, is not taken.
fn title_site(page: &Page, host_name: Option<&str>) -> Option<String> {
    const SEPS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " • "];
    let tag = page
        .doc
        .select("head title, title")
        .nodes()
        .first()
        .map(|n| clean_text(&n.text()))?;
    let host_label = host_name.map(host_label);
    let h1 = page
        .doc
        .select("h1")
        .nodes()
        .iter()
        .map(|n| clean_text(&n.text()))
        .find(|t| !t.is_empty());
    let plausible = |seg: &str| {
        let words = seg.split_whitespace().count();
        (1..=5).contains(&words)
            && !SECTION_WORDS.contains(&seg.to_lowercase().as_str())
            && seg.chars().next().is_some_and(|c| !c.is_lowercase())
    };
    let confirmed = |seg: &str, rest: &str| {
        let by_host = host_label.is_some_and(|h| {
            let (s, h) = (squash(seg), squash(h));
            h.len() >= 3 && (s == h || s.contains(&h) || (s.len() >= 4 && h.contains(&s)))
        });
        let by_heading = h1
            .as_deref()
            .is_some_and(|h| squash(h) == squash(rest) && squash(h) != squash(seg));
        by_host || by_heading
    };
    let last = SEPS
        .iter()
        .filter_map(|sep| tag.rfind(sep).map(|i| (i, sep.len())))
        .max_by_key(|(i, _)| *i);
    if let Some((i, len)) = last {
        let (rest, seg) = (tag[..i].trim(), tag[i + len..].trim());
        if plausible(seg) && confirmed(seg, rest) {
            return Some(seg.to_string());
        }
    }
    let first = SEPS
        .iter()
        .filter_map(|sep| tag.find(sep).map(|i| (i, sep.len())))
        .min_by_key(|(i, _)| *i);
    if let Some((i, len)) = first {
        let (seg, rest) = (tag[..i].trim(), tag[i + len..].trim());
        if plausible(seg) && confirmed(seg, rest) {
            return Some(seg.to_string());
        }
    }
    None
}

/// The name-bearing label of a host: "example" of "example.com" and, for two-letter country
/// domains under a short second level, of "example.co.uk" too.
fn host_label(h: &str) -> &str {
    let parts: Vec<&str> = h.split('.').collect();
    match parts.len() {
        0 | 1 => h,
        2 => parts[0],
        n if parts[n - 1].len() == 2 && parts[n - 2].len() <= 3 => parts[n - 3],
        n => parts[n - 2],
    }
}

// ---------------------------------------------------------------------------------------------
// Title

const SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " · ", " • ", " « ", " » ", " // ", " ~ ", " : ",
];

/// Splits a title at site-suffix separators into segments (the separators are kept out).
fn segments(s: &str) -> Vec<&str> {
    let mut parts = vec![s];
    for sep in SEPARATORS {
        parts = parts.into_iter().flat_map(|p| p.split(sep)).collect();
    }
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// Whether a title segment names the site (compared with the outlet name and the URL's host).
fn names_site(seg: &str, site: Option<&str>, host_label: Option<&str>) -> bool {
    let s = squash(seg);
    if s.is_empty() {
        return true;
    }
    // Equal, or one contains the other with little to spare ("The Verge" / "theverge.com").
    let close = |t: &str| {
        !t.is_empty()
            && (s == t
                || (t.len() >= 4 && s.contains(t) && s.len() <= t.len() + 12)
                || (s.len() >= 4 && t.contains(&s)))
    };
    site.is_some_and(|site| close(&squash(site))) || host_label.is_some_and(|h| close(&squash(h)))
}

/// Removes leading and trailing segments naming the site: "Title | Site", "Site: Title".
fn strip_site(title: &str, site: Option<&str>, host_label: Option<&str>) -> String {
    let segs = segments(title);
    if segs.len() < 2 {
        return title.to_string();
    }
    let mut lo = 0;
    let mut hi = segs.len();
    while hi - lo > 1 && names_site(segs[hi - 1], site, host_label) {
        hi -= 1;
    }
    while hi - lo > 1 && names_site(segs[lo], site, host_label) {
        lo += 1;
    }
    if lo == 0 && hi == segs.len() {
        return title.to_string();
    }
    // Cut the original string so separators inside the kept part survive.
    let start = title.find(segs[lo]).unwrap_or(0);
    let last = segs[hi - 1];
    let end = title[start..]
        .rfind(last)
        .map_or(title.len(), |p| start + p + last.len());
    title[start..end].trim().to_string()
}

/// The headline without a trailing kicker or site after a spaced pipe or dash:
/// "Best Coastal Ferries 2024 | Top 12 Routes" -> "Best Coastal Ferries 2024". Kept whole when
/// the head would be a single word.
fn cut_kicker(t: &str) -> String {
    cut_at(t, &[" | ", " – ", " - ", " :: ", " // "])
}

/// Headings are cut only at a pipe or a spaced hyphen: an en or em dash inside a visible
/// headline is usually part of it ("X — and why it matters").
fn cut_heading(t: &str) -> String {
    cut_at(t, &[" | ", " - "])
}

/// Cuts at the first separator. A single word after a dash is kept: news headlines attribute
/// a claim that way ("Choose hope over fear - Kennedy"), while kickers and subtitles run longer.
fn cut_at(t: &str, seps: &[&str]) -> String {
    let cut = seps
        .iter()
        .filter_map(|sep| t.find(sep).map(|i| (i, *sep)))
        .filter(|(i, sep)| {
            let tail = &t[i + sep.len()..];
            !sep.contains(['-', '–']) || tail.split_whitespace().count() >= 2
        })
        .min_by_key(|(i, _)| *i);
    match cut {
        Some((i, _)) if t[..i].split_whitespace().count() >= 2 => t[..i].trim().to_string(),
        _ => t.to_string(),
    }
}

/// Share of `a`'s words (lower case, alphanumeric) that also occur in `b`.
fn word_overlap(a: &str, b: &str) -> f32 {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    if wa.is_empty() {
        return 0.0;
    }
    wa.iter().filter(|w| wb.contains(w)).count() as f32 / wa.len() as f32
}

/// `h` equals `other`, or `other` is `h` followed by more segments ("Headline | Site",
/// "Headline - Kicker"), or the site's name followed by `h` ("Site: Headline").
fn title_agrees(h: &str, other: &str, site: Option<&str>, host_label: Option<&str>) -> bool {
    let (h, o) = (squash(h), squash(other));
    if h.is_empty() || o.is_empty() {
        return false;
    }
    if h == o {
        return true;
    }
    // `other` = h + separator + more, or more + separator + h.
    let segs = segments(other);
    (1..segs.len()).any(|i| {
        squash(&segs[..i].join(" ")) == h
            || (squash(&segs[i..].join(" ")) == h
                && segs[..i].iter().all(|s| names_site(s, site, host_label)))
    })
}

/// What aggregators append to a headline: a source domain in parentheses, then perhaps a
/// comment count.
static COUNTER_TAIL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^\s*\([\w-]+(?:\.[\w-]+)+\)\s*[0-9]*\s*$").expect("valid regex")
});

/// Whether `s` has letters and none of them is lower case.
fn all_caps(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

/// The text of an element with a space for each `<br>` and around block elements inside it:
/// headings break lines that way ("HARBOUR<br>LIGHTS", "Title<div>Subtitle</div>"), and the
/// words must not run together.
fn element_text(n: &dom_query::NodeRef) -> String {
    let mut out = String::new();
    for d in n.descendants_it() {
        if d.is_text() {
            out.push_str(&d.text());
        } else if matches!(
            d.node_name().as_deref(),
            Some("br" | "div" | "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li")
        ) {
            out.push(' ');
        }
    }
    out
}

/// The first `<h1>`s: those inside `<article>`/`<main>` first, then the rest.
fn headings(page: &Page) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for sel in [
        "article h1, main h1, [itemprop=headline], .entry-title, .post-title",
        "h1",
    ] {
        for n in page.doc.select(sel).nodes().iter().take(4) {
            let t = clean_text(&element_text(n));
            let words = t.split_whitespace().count();
            if (1..=40).contains(&words) && !out.contains(&t) {
                out.push(t);
            }
        }
    }
    out
}

/// The article's headline. A visible heading that one of the declared titles (`og:title`,
/// JSON-LD `headline`, `twitter:title`, `<title>`) confirms is best: it is what the reader sees
/// and the confirmation keeps logos and section names out. Next, the heading closest to the
/// declared titles, if it shares enough words with them. Otherwise a declared title with the
/// site name and any kicker stripped (OpenGraph and JSON-LD first, `<title>` last), else the
/// first heading. Headings that merely name the site are never used.
fn title(page: &Page, site: Option<&str>) -> Option<String> {
    let host_name = canonical_url(page)
        .as_deref()
        .and_then(host)
        .map(str::to_string)
        .or_else(|| page.url.and_then(host).map(str::to_string));
    let host_label = host_name.as_deref().map(|h| {
        let parts: Vec<&str> = h.split('.').collect();
        if parts.len() >= 2 {
            parts[parts.len() - 2]
        } else {
            h
        }
    });
    let og = page
        .meta(&["og:title", "twitter:title", "dc.title", "headline"])
        .map(clean_text);
    let ld = page
        .ld_articles()
        .find_map(|a| ld_str(a, "headline").or_else(|| ld_str(a, "name")))
        .map(clean_text);
    let tag = page
        .doc
        .select("head title, title")
        .nodes()
        .first()
        .map(|n| clean_text(&n.text()));
    let declared: Vec<&String> = [&og, &ld, &tag]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect();
    let h1s = headings(page);
    let is_site = |h: &str| {
        let q = squash(h);
        site.is_some_and(|s| squash(s) == q) || host_label.is_some_and(|l| squash(l) == q)
    };
    for h in h1s.iter().filter(|h| !is_site(h)) {
        if declared
            .iter()
            .any(|d| title_agrees(h, d, site, host_label))
        {
            let out = cut_heading(&strip_site(h, site, host_label));
            // A heading set in capitals is a style; the declared title has the real case.
            if all_caps(&out)
                && let Some(d) = declared
                    .iter()
                    .map(|d| cut_kicker(&strip_site(d, site, host_label)))
                    .find(|d| d.to_lowercase() == out.to_lowercase() && !all_caps(d))
            {
                return Some(d);
            }
            return Some(out);
        }
        // A heading that is a declared title with a short lead-in: a date, a section label
        // ("Mar 3 2024 Rebuilding the sea wall", "Blog: Best agencies"). The declared title
        // is the headline without it.
        for d in &declared {
            let d = cut_kicker(&strip_site(d, site, host_label));
            let (hs, ds) = (squash(h), squash(&d));
            if ds.len() < 12 || hs.len() <= ds.len() || !hs.ends_with(&ds) {
                continue;
            }
            // The lead-in: the heading's words before the declared title's. One word is part
            // of the headline ("The", "2025") unless a colon marks it as a label.
            let lead = h
                .split_whitespace()
                .count()
                .saturating_sub(d.split_whitespace().count());
            let first = h.split_whitespace().next().unwrap_or_default();
            if (2..=4).contains(&lead) || (lead == 1 && first.ends_with(':')) {
                return Some(d);
            }
        }
        // A declared title followed by its source in brackets, perhaps with a count: link
        // aggregators print a link's domain after its title ("Tidal power trial lights a
        // village (coastwatch.example.org) 142").
        for d in &declared {
            let d = cut_kicker(&strip_site(d, site, host_label));
            if d.split_whitespace().count() >= 3
                && let Some(tail) = h.strip_prefix(d.as_str())
                && COUNTER_TAIL.is_match(tail)
            {
                return Some(d);
            }
        }
    }
    // An unconfirmed heading still beats the declared titles: on real pages the visible
    // headline is the title far more often than og:title (often an SEO variant), even when
    // og:title and <title> agree with each other (measured on WCXB dev).
    // A heading sharing no words with any declared title is a widget, not the headline.
    let related =
        |h: &str| declared.is_empty() || declared.iter().any(|d| word_overlap(h, d) >= 0.3);
    // Of several such headings, the one closest to the declared titles.
    let closeness = |h: &str| {
        declared
            .iter()
            .map(|d| word_overlap(h, d))
            .fold(0.0f32, f32::max)
    };
    let mut best: Option<(&String, f32)> = None;
    for h in h1s
        .iter()
        .filter(|h| !is_site(h) && h.split_whitespace().count() >= 2 && related(h))
    {
        let c = closeness(h);
        if best.is_none_or(|(_, b)| c > b + 0.2) {
            best = Some((h, c));
        }
    }
    if let Some((h, _)) = best {
        return Some(cut_heading(&strip_site(h, site, host_label)));
    }
    for d in [&og, &ld] {
        if let Some(d) = d.as_deref().filter(|d| !d.is_empty()) {
            return Some(cut_kicker(&strip_site(d, site, host_label)));
        }
    }
    if let Some(t) = tag.as_deref().filter(|t| !t.is_empty()) {
        let stripped = strip_site(t, site, host_label);
        if stripped != t {
            return Some(cut_kicker(&stripped));
        }
        if let Some(h) = h1s.iter().find(|h| !is_site(h)) {
            return Some(cut_kicker(h));
        }
        return Some(cut_kicker(&stripped));
    }
    h1s.into_iter().next()
}

// ---------------------------------------------------------------------------------------------
// Authors

const BYLINE_SELECTORS: &str = "[itemprop=author], [rel=author], [class*=byline], [class*=author-name], \
    [class*=author_name], [class*=authorname], [class*=article-author], [class*=post-author], \
    [class*=entry-author], [class*=meta-author], [class*=contributor], [data-testid*=author], [class*=author], a[href*='/author/'], a[href*='/authors/']";

/// Names from the article's JSON-LD `author` (Person before Organization), then author meta tags,
/// then microdata, `rel=author` links and byline elements.
fn authors(page: &Page, site: Option<&str>) -> Vec<String> {
    let mut persons = Vec::new();
    let mut orgs = Vec::new();
    for a in page.ld_articles() {
        if let Some(au) = a.get("author").or_else(|| a.get("creator")) {
            ld_names(au, &mut persons, &mut orgs);
        }
        if !persons.is_empty() {
            break;
        }
    }
    let out = clean_names(persons.iter().map(String::as_str), site, false);
    if !out.is_empty() {
        return out;
    }
    // Scholarly tags write one author per tag as "Last, First".
    let mut metas: Vec<String> = page
        .meta_all(&["citation_author", "dc.creator", "dcterms.creator"])
        .map(|v| match v.split_once(',') {
            Some((last, first)) if !first.contains(',') && !last.trim().contains(' ') => {
                format!("{} {}", first.trim(), last.trim())
            }
            _ => v.to_string(),
        })
        .collect();
    if metas.is_empty() {
        metas = page
            .meta_all(&[
                "author",
                "article:author",
                "parsely-author",
                "sailthru.author",
                "byl",
                "twitter:data1",
                "cxenseparse:author",
                "og:article:author",
            ])
            .filter(|v| !v.starts_with("http") && !v.contains("facebook.com"))
            .map(str::to_string)
            .collect();
    }
    let out = clean_names(metas.iter().map(String::as_str), site, false);
    if !out.is_empty() {
        return out;
    }
    // Visible bylines: the first element that holds a name wins. Its text is read node by node
    // because name, role and "View profile" links sit in sibling elements.
    for n in page.doc.select(BYLINE_SELECTORS).nodes().iter().take(16) {
        let in_comments = n.ancestors_it(Some(12)).any(|a| {
            let label = format!(
                "{} {}",
                a.attr("class").unwrap_or_default(),
                a.attr("id").unwrap_or_default()
            );
            label.to_ascii_lowercase().contains("comment")
        });
        if in_comments {
            continue;
        }
        let mut chunks: Vec<String> = Vec::new();
        if let Some(c) = n.attr("content") {
            chunks.push(c.to_string());
        } else if let Some(c) = dom_query::Selection::from(*n)
            .select("[itemprop=name]")
            .nodes()
            .first()
        {
            chunks.push(c.text().to_string());
        } else {
            chunks.extend(
                n.descendants_it()
                    .filter(|d| d.is_text())
                    .map(|d| clean_text(&d.text()))
                    .filter(|t| !t.is_empty())
                    .take(8),
            );
        }
        // A lone "By" chunk introduces the next one.
        for c in &chunks {
            if c.len() > 120 || REVIEWER.is_match(c) {
                continue;
            }
            let names = clean_names(std::iter::once(c.as_str()), site, true);
            if !names.is_empty() {
                return names;
            }
        }
    }
    let out = byline_near_heading(page, site);
    if !out.is_empty() {
        return out;
    }
    clean_names(orgs.iter().map(String::as_str), None, false)
}

static REVIEWER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?i)^\s*(?:medically\s+|fact[- ]checked\s+|reviewed\s+|edited\s+|illustrat\w*\s+|photo\w*\s+)(?:and\s+\w+\s+)?by\b")
        .expect("valid regex")
});

/// "By Jane Doe", "Written by Jane Doe" in the text around the main heading.
fn byline_near_heading(page: &Page, site: Option<&str>) -> Vec<String> {
    use regex::Regex;
    use std::sync::LazyLock;
    static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
        // "By A and B", "By A, B and C": names joined by commas, "and" or "&".
        const NAME: &str = r"\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|van|von|de|der|da|del|la|le|bin|al)){0,4}";
        Regex::new(&format!(r"(?:\b(?:[Ww]ritten|[Pp]osted|[Rr]eported|[Ww]ords)\s+[Bb]y|\bBy|\bBY|\bAuthor:)\s*:?\s+({NAME}(?:(?:\s*,\s*|\s+and\s+|\s*&\s*){NAME}){{0,3}})"))
            .expect("valid regex")
    });
    let Some((text, m)) = page.heading_text() else {
        return Vec::new();
    };
    let start = text[..*m]
        .char_indices()
        .rev()
        .nth(300)
        .map_or(0, |(i, _)| i);
    let window = &text[start..];
    BYLINE
        .captures(window)
        .map(|c| clean_names(std::iter::once(&c[1]), site, true))
        .unwrap_or_default()
}

fn ld_names(v: &Value, persons: &mut Vec<String>, orgs: &mut Vec<String>) {
    match v {
        Value::String(s) => persons.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|i| ld_names(i, persons, orgs)),
        Value::Object(_) => {
            if let Some(n) = ld_str(v, "name") {
                if ld_is(v, &["organization", "newsmediaorganization", "corporation"]) {
                    orgs.push(n.to_string());
                } else {
                    persons.push(n.to_string());
                }
            }
        }
        _ => {}
    }
}

/// Cleans byline strings into names: drops "By", roles after a comma or dash, dates, e-mail
/// addresses; splits "A and B", "A, B & C"; rejects what does not look like a name.
/// Words that end a name when text runs on past it: "Jane Doe December 9, 2025",
/// "Jane Doe Edited by ...", "Jane Doe View profile".
const NAME_STOP: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "updated",
    "published",
    "posted",
    "edited",
    "reviewed",
    "view",
    "table",
    "share",
    "follow",
    "read",
    "last",
    "on",
    "in",
    "at",
    "is",
    "was",
    "says",
    "said",
];

/// Cuts a candidate name at the first stop word and collapses a name repeated twice in a row
/// (screen-reader text plus visible text: "Jane Doe Jane Doe", "JaneJane").
fn tidy_name(part: &str) -> String {
    let words: Vec<&str> = part.split_whitespace().collect();
    let end = words
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, w)| {
            NAME_STOP.contains(
                &w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
                    .as_str(),
            )
        })
        .map_or(words.len(), |(i, _)| i);
    let words = &words[..end];
    let half = words.len() / 2;
    if words.len() >= 2 && words.len().is_multiple_of(2) && words[..half] == words[half..] {
        return words[..half].join(" ");
    }
    let joined = words.join(" ");
    let n = joined.len();
    if words.len() == 1
        && n >= 4
        && n.is_multiple_of(2)
        && joined.is_char_boundary(n / 2)
        && joined[..n / 2] == joined[n / 2..]
    {
        return joined[..n / 2].to_string();
    }
    joined
}

/// News agencies and the like, which bylines credit the way they credit people.
const AGENCIES: &[&str] = &[
    "reuters",
    "ap",
    "afp",
    "associated press",
    "the associated press",
    "agence france-presse",
    "agence france presse",
    "dpa",
    "upi",
    "xinhua",
    "efe",
    "ansa",
    "kyodo",
    "yonhap",
    "tass",
    "ani",
    "pti",
    "ians",
    "press association",
    "pa media",
    "bloomberg",
    "bloomberg news",
];

/// Whether a byline name is a news organisation rather than a person: a known agency, or a name
/// whose last words no person's name ends with ("Meridian Wire", "Gulf News Agency",
/// "Associated Press"). Teams and desks ("Editorial Team") are left alone: sites credit them as
/// the author and readers treat them so.
pub fn is_news_org(name: &str) -> bool {
    let lower = name.trim().to_lowercase();
    if AGENCIES.contains(&lower.as_str()) {
        return true;
    }
    let words: Vec<&str> = lower.split_whitespace().collect();
    let n = words.len();
    // "Agency" alone is not enough: marketing agencies sign their own blogs.
    n >= 2
        && (matches!(words[n - 1], "wire" | "newswire" | "news" | "press")
            || (n >= 3
                && matches!(words[n - 1], "agency" | "agencies")
                && matches!(words[n - 2], "news" | "press")))
}

/// Removes from `authors` a name the text credits as its source in the dateline, the way wire
/// copy does: "DUBAI (Meridian Wire) - ...", "(Reuters) - ...". A reprint's byline often names
/// the agency, which is an organisation, not an author.
pub fn drop_agency_credit(mut authors: Vec<String>, text: &str) -> Vec<String> {
    let head: String = text.chars().take(200).collect();
    authors.retain(|a| !head.contains(&format!("({a})")));
    authors
}

/// `strict` (for names scraped from visible markup) also requires a capital initial.
fn clean_names<'s>(
    raw: impl Iterator<Item = &'s str>,
    site: Option<&str>,
    strict: bool,
) -> Vec<String> {
    use regex::Regex;
    use std::sync::LazyLock;
    static PREFIX: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*(?:(?:written|authored|posted|reported|published|compiled|edited|words|photos?|story|text|recipe|updated|insights)\s+(?:and\s+\w+\s+)?(?:by|from)|by|from|author|authors|autor|von|par|por|di|door)\s*[:\-]?(?:\s+|$)")
            .expect("valid regex")
    });
    static SPLIT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\s+(?:and|&|und|et|y|e)\s+|\s*[,;/&]\s*|\s+[-–—]\s+|\n")
            .expect("valid regex")
    });
    static BAD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)https?:|www\.|\.com\b|@|[0-9]|\b(?:update\w*|published|posted|min read|read more|minutes?|share|follow|comments?|staff writer|contributor|editor|reporter|correspondent|view all|posts? by|more from|articles?|menu|subscribe|login|sign in|about the author|the author|author|admin|mon|tue|wed|thu|fri|sat|sun)\b")
            .expect("valid regex")
    });
    static FIELDS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s*[|·•]\s*").expect("valid regex"));
    let site_sq = site.map(squash);
    let mut out: Vec<String> = Vec::new();
    for r in raw {
        let r = clean_text(r);
        // A profile link is not a name, and splitting it at '/' would make one up.
        if r.contains("://") || r.starts_with("www.") {
            continue;
        }
        let r = PREFIX.replace(&r, "");
        // A byline's fields after a pipe or a middle dot are place, date or role ("By Jane Doe |
        // Dubai | 14 April 2021"): names come from the first field that has any.
        let before = out.len();
        for field in FIELDS.split(&r) {
            if out.len() > before {
                break;
            }
            for part in SPLIT.split(field) {
                let part = PREFIX.replace(part.trim(), "");
                let part = part.trim().trim_matches(|c: char| {
                    !c.is_alphanumeric() && c != '.' && c != '\'' && c != ')'
                });
                let part = tidy_name(part);
                let part = part.as_str();
                if part.is_empty() || BAD.is_match(part) || is_news_org(part) {
                    continue;
                }
                let words = part.split_whitespace().count();
                if !(1..=5).contains(&words) || part.chars().count() > 50 {
                    continue;
                }
                // A lone lower-case word is a role or a verb, not a name.
                // Initials alone ("CM") are avatars, not bylines.
                if words == 1 && part.chars().count() <= 3 && part.chars().all(char::is_uppercase) {
                    continue;
                }
                if strict && !part.chars().next().is_some_and(char::is_uppercase) {
                    continue;
                }
                if site_sq.as_deref().is_some_and(|s| s == squash(part)) && words == 1 {
                    continue;
                }
                if !out.iter().any(|o| o.eq_ignore_ascii_case(part)) {
                    out.push(part.to_string());
                }
            }
        }
        if out.len() >= 8 {
            break;
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// URL, language, description

/// `<link rel=canonical>`, then `og:url`, resolved against the page URL; else the page URL.
fn canonical_url(page: &Page) -> Option<String> {
    page.canonical
        .get_or_init(|| find_canonical_url(page))
        .clone()
}

fn find_canonical_url(page: &Page) -> Option<String> {
    let link = page
        .doc
        .select(r#"link[rel~="canonical" i]"#)
        .nodes()
        .first()
        .and_then(|n| n.attr("href"));
    let cand = link
        .map(|s| s.trim().to_string())
        .or_else(|| page.meta(&["og:url"]).map(str::to_string));
    if let Some(c) = cand.filter(|c| !c.is_empty()) {
        if c.starts_with("http://") || c.starts_with("https://") {
            return Some(c);
        }
        if let Some(base) = page.url {
            if let Some(rest) = c.strip_prefix("//") {
                let scheme = base.split("://").next().unwrap_or("https");
                return Some(format!("{scheme}://{rest}"));
            }
            if c.starts_with('/')
                && let Some((scheme, rest)) = base.split_once("://")
            {
                let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
                return Some(format!("{scheme}://{authority}{c}"));
            }
        }
    }
    page.url.map(str::to_string)
}

/// `<html lang>`, then Content-Language and language meta tags, then `og:locale`.
fn language(page: &Page) -> Option<String> {
    let cands = page
        .html_lang
        .clone()
        .into_iter()
        .chain(
            page.meta_all(&[
                "content-language",
                "language",
                "dc.language",
                "og:locale",
                "inlanguage",
            ])
            .map(str::to_string),
        )
        .chain(
            page.ld_articles()
                .filter_map(|a| ld_str(a, "inLanguage"))
                .map(str::to_string),
        );
    for c in cands {
        let primary = c
            .trim()
            .split(['-', '_', ',', ' '])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_lowercase()) {
            return Some(primary);
        }
    }
    None
}

fn description(page: &Page) -> Option<String> {
    page.meta(&[
        "description",
        "og:description",
        "twitter:description",
        "dc.description",
    ])
    .map(clean_text)
    .or_else(|| {
        page.ld_articles()
            .find_map(|a| ld_str(a, "description"))
            .map(clean_text)
    })
    .filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_site_suffix_and_prefix() {
        assert_eq!(
            strip_site(
                "Storm hits coast | The Daily Planet",
                Some("The Daily Planet"),
                None
            ),
            "Storm hits coast"
        );
        assert_eq!(
            strip_site(
                "Daily Planet | Storm hits coast - Local",
                None,
                Some("dailyplanet")
            ),
            "Storm hits coast - Local"
        );
        assert_eq!(
            cut_kicker("Choose hope over fear - Kennedy"),
            "Choose hope over fear - Kennedy"
        );
        assert_eq!(
            cut_kicker("Best coastal ferries 2024 | Top 12 Routes"),
            "Best coastal ferries 2024"
        );
        assert_eq!(
            cut_heading("Wedding planning tools - caterer comparison sheet"),
            "Wedding planning tools"
        );
        assert_eq!(
            strip_site("Storm - the aftermath", Some("Daily Planet"), None),
            "Storm - the aftermath"
        );
    }

    #[test]
    fn names_are_cleaned_and_split() {
        let names = ["By Jane Doe and John Smith", "Jane Doe", "Staff Writer"];
        assert_eq!(
            clean_names(names.into_iter(), None, true),
            vec!["Jane Doe", "John Smith"]
        );
        let junk = [
            "https://facebook.com/jd",
            "Updated 3 min ago",
            "By",
            "CM",
            "Written by",
        ];
        for j in junk {
            assert!(clean_names([j].into_iter(), None, false).is_empty(), "{j}");
        }
        // Usernames are fine from structured data, not from visible markup.
        assert_eq!(
            clean_names(["orla fennick"].into_iter(), None, false),
            vec!["orla fennick"]
        );
        assert!(clean_names(["orla fennick"].into_iter(), None, true).is_empty());
        assert_eq!(tidy_name("Ilse Brandauer December 9"), "Ilse Brandauer");
        assert_eq!(tidy_name("Tobin Hale Tobin Hale"), "Tobin Hale");
        assert_eq!(tidy_name("OrlaOrla"), "Orla");
        assert_eq!(tidy_name("Ann Marie"), "Ann Marie");
    }

    #[test]
    fn json_ld_with_raw_newlines_and_trailing_comma() {
        let v =
            parse_json_ld("{\"@type\": \"NewsArticle\", \"headline\": \"A\nB\",}").expect("parsed");
        assert_eq!(v["headline"], "A B");
    }

    #[test]
    fn news_organisations_are_not_people() {
        for org in [
            "Reuters",
            "AFP",
            "Meridian Wire",
            "Gulf News Agency",
            "Bloomberg News",
        ] {
            assert!(is_news_org(org), "{org}");
        }
        // Teams and desks are credited as authors by their sites; people named like words stay.
        for name in [
            "Editorial Team",
            "News Desk",
            "Lantern Agency",
            "Jane Press Smith",
            "Press",
        ] {
            assert!(!is_news_org(name), "{name}");
        }
        assert_eq!(
            drop_agency_credit(
                vec!["Meridian Wire".into(), "Sam Carter".into()],
                "DUBAI (Meridian Wire) - Iran said on Sunday"
            ),
            vec!["Sam Carter"]
        );
    }

    #[test]
    fn byline_fields_after_a_pipe_are_not_names() {
        assert_eq!(
            clean_names(
                ["By Faisal Haddad | Dubai | Wednesday 14 April 2021"].into_iter(),
                None,
                true
            ),
            vec!["Faisal Haddad"]
        );
        // The first field without a name does not end the search.
        assert_eq!(
            clean_names(
                ["Updated 3 April 2021 · By Ana Ruiz and Li Wei"].into_iter(),
                None,
                true
            ),
            vec!["Ana Ruiz", "Li Wei"]
        );
    }

    #[test]
    fn host_labels() {
        assert_eq!(host_label("example.com"), "example");
        assert_eq!(host_label("news.example.co.uk"), "example");
        assert_eq!(host_label("blog.example.org"), "example");
    }

    #[test]
    fn host_of_url() {
        assert_eq!(
            host("https://www.example.co.uk:8080/a/b?c"),
            Some("example.co.uk")
        );
        assert_eq!(host("not a url"), None);
    }
}
