//! The publication date of a page.
//!
//! Three kinds of evidence are gathered, each validated (a real calendar date, not before 1990,
//! since placeholders such as 0001-01-01 and 1970-01-01 are common, and not after the latest
//! believable date):
//!
//! * **declared publication dates**, most trusted first: JSON-LD `datePublished` /
//!   `dateCreated` of the article object (also inside `@graph`, arrays and `mainEntity`);
//!   publication meta tags (`article:published_time`, `og:published_time`, `pubdate`,
//!   `DC.date.issued`, `sailthru.date`, `parsely-pub-date`, `citation_publication_date` and
//!   some forty more, plus any meta key that speaks of publishing); `itemprop=datePublished`
//!   and `<time pubdate>`; publication dates named in inline script state (creation dates
//!   there after publication dates);
//! * **declared modification dates** (`dateModified`, `article:modified_time`, ...);
//! * **the date shown to the reader**: `<time>` elements in bylines and headers, elements
//!   whose class speaks of dates or bylines ("Published March 2, 2021", "2 March 2021",
//!   "03/02/2021", read day- or month-first by the page's language), else the text around the
//!   headline (the first date after it, or one right above it when that first date lies deep
//!   in the body), each flagged when the page labels it "Updated" (in words, by the element's
//!   class, or by hAtom's `updated` class on the part holding the date). Once the byline has
//!   shown an "Updated" date, unlabelled dates far from it (teaser cards) are not taken, and
//!   dates inside blocks that list other pages (related, recent, popular posts, sidebars,
//!   comments) or inside a today's-date widget never are; `<time>`s next to the headline come
//!   before those elsewhere (menus listing the latest news).
//!
//! First of all, a short note saying when the piece was "originally published" or "first
//! posted" answers the question. Then the decision, in order:
//!
//! 1. A shown date (not labelled as an update; the dated element first, then the text under
//!    the headline, which can confirm only a publication date) that a declared date confirms,
//!    in the declared form (it carries the time; when the first declared date is the same
//!    moment written in another time zone, that first form). A modification date confirms it
//!    only when the element is not the byline's "published" slot; and one day after a timed
//!    publication it is that publication seen from another time zone.
//! 2. A shown date earlier than the declared publication date, when it is at least two days
//!    earlier or the declared date merely repeats the modification date (the CMS re-stamped it
//!    on an edit or a migration: a piece is not shown as published before it was), unless it
//!    was found deep in the body text.
//! 3. A shown date over declared dates found only in script state (which also holds related
//!    posts and comments).
//! 4. The first declared publication date (the URL's date instead when they differ by one day,
//!    a UTC artefact).
//! 5. The shown date (read the other way round when the URL's date says so: "07/11/2022" under
//!    `/2022/november/07/`); then the first `<time datetime>`, JSON-LD dates of other objects
//!    (`WebPage`), the URL (`/2021/03/02/`, `/2021-03-02-`, `/2021/march/02/`), modification
//!    dates (equal to the publication date on never-edited pages), and finally the first full
//!    date in the page text.
//!
//! Published is preferred over modified throughout. A date-time keeps its own offset.

use crate::meta::{Page, ld_is, ld_str};
use chrono::{Datelike, NaiveDate};
use dossier_dates::Order;
use regex::Regex;
use std::sync::LazyLock;

/// A validated date, with the ISO 8601 form to report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub date: NaiveDate,
    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS` plus the offset when the source gave one.
    pub iso: String,
}

const PUBLISHED_META: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "article:published",
    "og:article:published_time",
    "published_time",
    "article.published",
    "datepublished",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "pub_date",
    "publication_date",
    "publicationdate",
    "published-date",
    "sailthru.date",
    "parsely-pub-date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "citation_publication_date",
    "citation_date",
    "citation_online_date",
    "prism.publicationdate",
    "rnews:datepublished",
    "article_date_original",
    "original-publish-date",
    "cxenseparse:recs:publishtime",
    "article:post_date",
    "bt:pubdate",
    "eomportal-lastupdate",
    "date_published",
    "live_date",
    "release_date",
    "created",
    "creation_date",
    "og:pubdate",
    "date",
    "dc.date",
    "dcterms.date",
    "dc:date",
    "dc.date.available",
    "datecreated",
    "timestamp",
];
const MODIFIED_META: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "article:modified",
    "datemodified",
    "dc.date.modified",
    "dcterms.modified",
    "last-modified",
    "lastmod",
    "revised",
    "modified",
];

/// Finds the publication date of the page (see the module docs for the order).
pub fn published(page: &Page, latest: NaiveDate) -> Option<String> {
    let ok = |f: Option<Found>| f.filter(|f| valid(f.date, latest));
    let doc = page.doc;
    let mdy = mdy_default(page);
    let url_date = page
        .url
        .and_then(date_in_url)
        .filter(|d| valid(d.date, latest));

    // A page that says when the piece first appeared ("This article was originally published
    // on 14 March 2021") has answered the question, whatever its re-stamped metadata says.
    if let Some(f) = originally_published(page, mdy, latest) {
        return Some(f.iso);
    }

    // Declared publication dates, most trusted first. Only machine-readable values count here;
    // text inside a marked-up element is sometimes filled by a script with today's date.
    let mut declared: Vec<Found> = Vec::new();
    let mut marked_text: Vec<Found> = Vec::new();
    for a in page.ld_articles() {
        for key in ["datePublished", "dateCreated", "uploadDate"] {
            declared.extend(ok(ld_str(a, key).and_then(parse_structured)));
        }
    }
    for v in page.meta_all(PUBLISHED_META) {
        declared.extend(ok(parse_structured(v)));
    }
    for (k, v) in &page.metas {
        if GENERIC_PUBLISHED_KEY.is_match(k)
            && !UPDATE_WORD.is_match(k)
            && !PUBLISHED_META.contains(&k.as_str())
        {
            declared.extend(ok(parse_structured(v)));
        }
    }
    for n in doc
        .select("[itemprop=datePublished], time[pubdate]")
        .nodes()
        .iter()
        .take(5)
    {
        let attr = n
            .attr("datetime")
            .or_else(|| n.attr("content"))
            .map(|s| s.to_string());
        declared.extend(ok(attr.as_deref().and_then(parse_structured)));
        if attr.is_none() {
            marked_text.extend(ok(find_in_text(&n.text(), mdy)));
        }
    }
    // Declared modification dates.
    let mut modified: Vec<Found> = Vec::new();
    for a in page.ld_articles().chain(page.ld.iter()) {
        modified.extend(ok(ld_str(a, "dateModified").and_then(parse_structured)));
    }
    for v in page.meta_all(MODIFIED_META) {
        modified.extend(ok(parse_structured(v)));
    }
    for n in doc.select("[itemprop=dateModified]").nodes().iter().take(3) {
        let attr = n
            .attr("datetime")
            .or_else(|| n.attr("content"))
            .map(|s| s.to_string());
        modified.extend(ok(attr.as_deref().and_then(parse_structured)));
    }

    // Publication dates in the page's own scripts (framework state, analytics variables).
    let scripted = script_dates(page, latest);
    // Script state often holds other records too (comments, related posts, the author's
    // profile): a date found only there is weaker than the one shown in the byline.
    let only_scripted = declared.is_empty() && !scripted.is_empty();
    declared.extend(scripted);

    // What the reader sees next to the headline or byline.
    let visible = visible_date(page, latest).or_else(|| near_headline(page, latest));
    // The text under the headline is a second witness when the dated element found is not
    // confirmed (a date-classed element elsewhere on the page).
    // It confirms publication dates only: dates under the headline also say "Updated".
    let second = || near_headline(page, latest).map(|v| (v, false));
    let shown = visible
        .iter()
        .cloned()
        .map(|v| (v, true))
        .chain(std::iter::once_with(second).flatten())
        .filter(|(v, _)| !v.update);
    for (v, first_witness) in shown {
        // Shown as the date of the piece and declared: the strongest evidence. Keep the declared
        // form, which has the time.
        // A date in the byline's "published" slot that only the modification date matches is
        // a theme printing the last edit there; it does not confirm an edit as the publication.
        let also_modified = modified
            .iter()
            .filter(|_| first_witness && !v.marked_published && !v.published_inside);
        if let Some(d) = declared
            .iter()
            .chain(also_modified)
            .find(|d| d.date == v.found.date)
        {
            // Shown as the modification date and a day after the declared publication: the
            // publication moment in the reader's time zone ("23:00 UTC" shown the next
            // morning), edited later that day. The publication is the answer.
            if !declared.iter().any(|p| p.date == d.date)
                && let Some(p) = declared
                    .iter()
                    .find(|p| p.iso.len() > 10 && one_day_apart(p.date, v.found.date))
            {
                return Some(p.iso.clone());
            }
            // The same moment declared twice, in UTC and in local time, falls on two dates near
            // midnight; the first declared form is the publisher's primary statement.
            if let Some(first) = declared
                .first()
                .filter(|f| f.date != d.date && same_instant(f, d))
            {
                return Some(first.iso.clone());
            }
            return Some(d.iso.clone());
        }
    }
    if let (Some(v), Some(d)) = (
        visible.as_ref().filter(|v| !v.update && !v.deep_in_body),
        declared.first(),
    ) {
        // A declared publication date equal to the modification date was rewritten by the last
        // edit (CMSs that re-stamp on update do this); an earlier date shown in the byline is
        // then the original publication. So is one shown days before the declared date: a piece
        // cannot be shown as published before it was, while migrations and republishing
        // re-stamp the declared value. (One day apart is a time-zone difference.)
        let days_before = (d.date - v.found.date).num_days();
        if days_before >= 2 || (days_before > 0 && modified.iter().any(|m| m.date == d.date)) {
            return Some(v.found.iso.clone());
        }
    }
    if only_scripted && let Some(v) = visible.as_ref().filter(|v| !v.update) {
        return Some(v.found.iso.clone());
    }
    if let Some(d) = declared.first() {
        if let Some(u) = url_date
            .as_ref()
            .filter(|u| d.iso.len() > 10 && one_day_apart(d.date, u.date))
        {
            return Some(u.iso.clone());
        }
        return Some(d.iso.clone());
    }
    if let Some(d) = marked_text.first() {
        return Some(d.iso.clone());
    }
    if let Some(v) = visible {
        // "07/11/2022" read month-first when the URL says /2022/november/07/: the URL settles
        // which reading the page meant.
        if let Some(u) = url_date.as_ref().filter(|u| {
            v.found.date.day() <= 12
                && dossier_dates::ymd(
                    v.found.date.year(),
                    v.found.date.day(),
                    v.found.date.month(),
                ) == Some(u.date)
        }) {
            return Some(u.iso.clone());
        }
        return Some(v.found.iso);
    }
    for n in doc.select("time[datetime]").nodes().iter().take(5) {
        if let Some(f) = ok(n.attr("datetime").as_deref().and_then(parse_structured)) {
            return Some(f.iso);
        }
    }
    for v in &page.ld {
        if ld_is(
            v,
            &[
                "webpage",
                "itempage",
                "collectionpage",
                "aboutpage",
                "faqpage",
                "qapage",
            ],
        ) || v.get("@type").is_none()
        {
            for key in ["datePublished", "dateCreated"] {
                if let Some(f) = ok(ld_str(v, key).and_then(parse_structured)) {
                    return Some(f.iso);
                }
            }
        }
    }
    if let Some(f) = url_date {
        return Some(f.iso);
    }
    if let Some(m) = modified.into_iter().next() {
        return Some(m.iso);
    }
    page_text_date(page, latest)
}

static ORIGINALLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:originally|first)\s+(?:published|posted|appeared)\W*(?:on|in)?\W*$")
        .expect("valid regex")
});

/// A date the page introduces as the first publication: "originally published on …",
/// "first posted …". Looked for in short text blocks only (a note, not the body of a story
/// that quotes such a phrase).
fn originally_published(page: &Page, mdy: Order, latest: NaiveDate) -> Option<Found> {
    let body = page.doc.body()?;
    for n in body.descendants_it().filter(|n| n.is_text()) {
        let t = n.text();
        if !(t.contains("riginally") || t.contains("irst p") || t.contains("irst a")) {
            continue;
        }
        let Some(p) = n.parent() else { continue };
        let text = spaced_text(&p);
        if text.len() > 400 {
            continue;
        }
        for f in dossier_dates::find_all(&text, mdy) {
            if valid(f.date, latest) && ORIGINALLY.is_match(lead_in(&text, f.range.start)) {
                return Some(Found::from(f));
            }
        }
    }
    None
}

/// Last resort: the first full date anywhere in the page's visible text. Right about half the
/// time on pages that reach this point, which beats no date for a timeline.
fn page_text_date(page: &Page, latest: NaiveDate) -> Option<String> {
    let body = page.doc.body()?;
    let mut text = String::new();
    for n in body.descendants_it().filter(|n| n.is_text()) {
        let parent = n.parent().and_then(|p| p.node_name()).unwrap_or_default();
        if matches!(
            &*parent,
            "script" | "style" | "noscript" | "template" | "svg"
        ) {
            continue;
        }
        text.push_str(&n.text());
        text.push(' ');
        if text.len() > 20_000 {
            break;
        }
    }
    find_in_text_labelled(&text, mdy_default(page))
        .filter(|(f, _)| valid(f.date, latest))
        .map(|(f, _)| f.iso)
}

/// A date in the opening of the article text, where agency copy puts its dateline
/// ("NORTHTOWN, Mar 3, 2024 (Wire) - ..."): the last resort when the page declares nothing.
pub fn dateline(text: &str, latest: NaiveDate) -> Option<String> {
    let mut end = text.len().min(200);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    find_in_text_labelled(&text[..end], Order::MonthFirst)
        .filter(|(f, update)| !update && valid(f.date, latest))
        .map(|(f, _)| f.iso)
}

/// Whether two date-times with offsets name the same moment.
fn same_instant(a: &Found, b: &Found) -> bool {
    let t = |f: &Found| chrono::DateTime::parse_from_rfc3339(&f.iso).ok();
    matches!((t(a), t(b)), (Some(x), Some(y)) if x == y)
}

fn one_day_apart(a: NaiveDate, b: NaiveDate) -> bool {
    (a - b).num_days().abs() == 1
}

fn valid(d: NaiveDate, latest: NaiveDate) -> bool {
    dossier_dates::is_plausible_publication(d, latest)
}

/// How ambiguous numeric dates (03/02/2021) read on this page: by its declared language.
fn mdy_default(page: &Page) -> Order {
    Order::for_language(page.html_lang.as_deref())
}

static DATE_CLASS: LazyLock<Regex> = LazyLock::new(|| {
    // Matched at the start of a class word or of a hyphen/underscore part of one, so that
    // "post-date" and "publishedAt" count but "validate" and "sometimes" do not.
    Regex::new(r"(?i)(?:^|[\s_-])(?:date|time|publi|posted|byline|dateline|meta|entry-info|post-info|article-info|submitted|datum|fecha)|(?-i:[a-z](?:Date|Time))")
        .expect("valid regex")
});
static NOT_PUBLISHED_CLASS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)update|modif|today|current-?date|comment|reply|related|widget|sidebar|footer|copyright|event|expire|deadline|calendar|archive|metadata-?list|runtime|read-?time|reading|times?tamp-?ago|weather|clock")
        .expect("valid regex")
});

static GENERIC_PUBLISHED_KEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)publish|pub_?date|posted|release_?date|created").expect("valid regex")
});

static SCRIPT_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(datePublished|publishedDate|publishDate|published_at|publishedAt|publicationDate|publication_date|firstPublished|first_published_at|pubDate|publish_date|published_date|date_published|content_publication_date|createdAt|created_at|dateCreated)\\?["']\s*:\s*\\?["'](?P<v>[^"'\\]{6,40})"#,
    )
    .expect("valid regex")
});

/// Publication dates named in inline scripts: pages built by JavaScript frameworks carry their
/// article record as JSON state, analytics snippets name the publication date.
fn script_dates(page: &Page, latest: NaiveDate) -> Vec<Found> {
    let mut out = Vec::new();
    let slug = page.url.and_then(url_slug);
    for n in page.doc.select("script:not([src])").nodes() {
        let t = n.text();
        // The record of this very page (its slug is the URL's last segment): WordPress and
        // headless-CMS state name its publication simply "date".
        if let Some(f) = slug
            .and_then(|slug| own_record_date(&t, slug))
            .filter(|f| valid(f.date, latest))
        {
            out.insert(0, (false, f));
        }
        for c in SCRIPT_DATE.captures_iter(&t).take(3) {
            if let Some(f) = parse_structured(&c["v"]).filter(|f| valid(f.date, latest)) {
                // A record's creation date is weaker than its publication date, wherever the
                // two appear in the script ("dateCreated" often precedes "datePublished").
                let created = c[1].to_ascii_lowercase().contains("creat");
                out.push((created, f));
            }
        }
        if out.len() >= 3 {
            break;
        }
    }
    out.sort_by_key(|(created, _)| *created);
    out.into_iter().map(|(_, f)| f).collect()
}

static RECORD_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"\\?"date(?:_gmt)?\\?"\s*:\s*\\?"(?P<v>[^"\\]{10,40})"#).expect("valid regex")
});

/// The last path segment of a URL when it reads like a slug ("winter-ferry-timetable"), not an id.
fn url_slug(url: &str) -> Option<&str> {
    let path = url.split(['?', '#']).next()?;
    let last = path.trim_end_matches('/').rsplit('/').next()?;
    let last = last.split('.').next()?;
    (last.len() >= 12 && last.matches('-').count() >= 2).then_some(last)
}

/// The "date" of the script record whose slug is `slug`: the JSON object holding the slug,
/// read back to its opening brace and on to its closing one (each at most `REACH` bytes away),
/// and its own "date" key, not one of an object nested in it. The record's keys come in any
/// order: the WordPress REST API writes "date" before "slug", other CMSs after it.
fn own_record_date(script: &str, slug: &str) -> Option<Found> {
    const REACH: usize = 4000;
    let bytes = script.as_bytes();
    for (at, _) in script.match_indices(slug) {
        let mut key = at.saturating_sub(12);
        while !script.is_char_boundary(key) {
            key -= 1;
        }
        if !script[key..at].contains("slug") {
            continue;
        }
        // Braces are ASCII, so the positions found are character boundaries.
        let mut depth = 0usize;
        let open = (at.saturating_sub(REACH)..key)
            .rev()
            .find(|&i| match bytes[i] {
                b'}' => {
                    depth += 1;
                    false
                }
                b'{' if depth == 0 => true,
                b'{' => {
                    depth -= 1;
                    false
                }
                _ => false,
            });
        let Some(open) = open else { continue };
        let mut depth = 0usize;
        let close = (at..(at + REACH).min(script.len()))
            .find(|&i| match bytes[i] {
                b'{' => {
                    depth += 1;
                    false
                }
                b'}' if depth == 0 => true,
                b'}' => {
                    depth -= 1;
                    false
                }
                _ => false,
            })
            .unwrap_or_else(|| {
                let mut end = (at + REACH).min(script.len());
                while !script.is_char_boundary(end) {
                    end -= 1;
                }
                end
            });
        let record = &script[open + 1..close];
        let own = |start: usize| {
            let inner = record[..start].bytes().fold(0i64, |d, b| match b {
                b'{' => d + 1,
                b'}' => d - 1,
                _ => d,
            });
            inner == 0
        };
        if let Some(f) = RECORD_DATE
            .captures_iter(record)
            .filter(|c| c.get(0).is_some_and(|m| own(m.start())))
            .find_map(|c| parse_structured(&c["v"]))
        {
            return Some(f);
        }
    }
    None
}

/// A date written in the text just after (or just before) the page's main heading, where
/// pages without date markup put "May 16, 2022" or "By X - 16 May 2022".
fn near_headline(page: &Page, latest: NaiveDate) -> Option<Shown> {
    const AFTER: usize = 1200;
    const BEFORE: usize = 300;
    let (text, m) = page.heading_text()?;
    let (text, m) = (text.as_str(), *m);
    let floor = |mut i: usize| {
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let end = floor(text.len().min(m + AFTER));
    let mdy = mdy_default(page);
    let ok = |x: Option<(Found, bool)>| x.filter(|(f, _)| valid(f.date, latest));
    let after_text = &text[m..end];
    let after = ok(find_in_text_labelled(after_text, mdy));
    // The date closest to the headline on its left, when the first one after it lies deep in
    // the body: a kicker line ("ESSAY · 9 February 2024") right above the headline.
    let before_text = &text[floor(m.saturating_sub(BEFORE))..m];
    let close_before = || {
        let f = dossier_dates::find_all(before_text, mdy).last()?;
        let labelled = UPDATED_BEFORE.is_match(lead_in(before_text, f.range.start));
        (valid(f.date, latest) && before_text.len() - f.range.end < 100 && !labelled)
            .then(|| Found::from(f))
    };
    let far = |f: &Found| {
        dossier_dates::find_all(after_text, mdy)
            .find(|g| g.date == f.date)
            .is_some_and(|g| g.range.start > 300)
    };
    match after {
        Some((found, update)) if !far(&found) => Some(Shown::plain(found, update)),
        Some((found, update)) => Some(
            close_before()
                .map(|found| Shown::plain(found, false))
                .unwrap_or(Shown {
                    deep_in_body: true,
                    ..Shown::plain(found, update)
                }),
        ),
        None => ok(find_in_text_labelled(before_text, mdy))
            .map(|(found, update)| Shown::plain(found, update)),
    }
}

/// Whether the text just before `n` inside its parent (or grandparent) says "Updated": the
/// label and the `<time>` are often siblings.
fn labelled_update_by_parent(n: &dom_query::NodeRef, own: &str) -> bool {
    let own = own.trim();
    let mut cur = n.parent();
    for _ in 0..2 {
        let Some(p) = cur else { return false };
        let t = p.text();
        if t.len() > 300 {
            return false;
        }
        let before = if own.is_empty() {
            &t[..]
        } else {
            t.find(own).map_or(&t[..], |i| &t[..i])
        };
        if UPDATED_BEFORE.is_match(before) {
            return true;
        }
        if before.trim().len() > 3 {
            return false;
        }
        cur = p.parent();
    }
    false
}

/// A date shown to the reader, and whether the page labels it as an update.
#[derive(Debug, Clone)]
struct Shown {
    found: Found,
    update: bool,
    /// The element's own class or its parent's says "published" or "release".
    marked_published: bool,
    /// The date is the text of a descendant so marked.
    published_inside: bool,
    /// Found in the body text well below the headline, with nothing closer: a date the story
    /// mentions as often as its own.
    deep_in_body: bool,
}

impl Shown {
    /// A shown date with no marks beyond the update label.
    fn plain(found: Found, update: bool) -> Self {
        Shown {
            found,
            update,
            marked_published: false,
            published_inside: false,
            deep_in_body: false,
        }
    }
}

static UPDATE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)updat|modif|revis|aktualisiert|actualiz|mis à jour").expect("valid regex")
});

/// The first date shown near the byline that is not labelled as an update, else the first one
/// that is: `<time>` elements in bylines and headers, then elements whose class or id speaks of
/// dates, publishing or bylines, in document order.
fn visible_date(page: &Page, latest: NaiveDate) -> Option<Shown> {
    let mdy = mdy_default(page);
    let ok = |f: Option<Found>| f.filter(|f| valid(f.date, latest));
    let mut update: Option<Shown> = None;
    let label_of = |n: &dom_query::NodeRef| {
        let own = format!(
            "{} {}",
            n.attr("class").unwrap_or_default(),
            n.attr("id").unwrap_or_default()
        );
        let parent = n
            .parent()
            .map(|p| p.attr("class").unwrap_or_default().to_string())
            .unwrap_or_default();
        format!("{own} {parent}")
    };
    // The dateline sits next to the headline: `<time>`s there come first, whatever the markup
    // placed earlier in the document (menus listing the latest news).
    let headline = page.headline_node().and_then(|id| page.doc.tree.get(&id));
    for sel in [
        "time[class*=publish], time[class*=post-date], time[class*=entry-date], time[class*=posted]",
        "[class*=publish] time, [class*=post-date] time, [class*=dateline] time, [class*=byline] time, \
         [class*=article-date] time, [class*=meta] time, header time, article time",
    ] {
        let found = page.doc.select(sel).nodes().to_vec();
        let mut cands: Vec<&dom_query::NodeRef> =
            found.iter().filter(|n| !in_other_content(n)).collect();
        if let Some(h) = &headline {
            cands.sort_by_key(|n| !near(n, h));
        }
        for n in cands.into_iter().take(4) {
            let text = n.text();
            let label = label_of(n);
            let in_text = if text.len() < 200 {
                ok(find_in_text(&text, mdy))
            } else {
                None
            };
            let attr = ok(n.attr("datetime").as_deref().and_then(parse_structured));
            let Some(found) = attr.or(in_text) else {
                continue;
            };
            let is_update = UPDATE_WORD.is_match(&label)
                || UPDATED_BEFORE_ANY.is_match(&text)
                || labelled_update_by_parent(n, &text);
            if !is_update {
                return Some(Shown {
                    marked_published: PUBLISHED_LABEL.is_match(&label),
                    ..Shown::plain(found, false)
                });
            }
            update.get_or_insert(Shown::plain(found, true));
        }
    }
    let mut seen = 0;
    let mut update_at: Option<dom_query::NodeId> = None;
    for n in page.doc.select("[class], [id]").nodes() {
        let class = n.attr("class").map(|s| s.to_string()).unwrap_or_default();
        let id = n.attr("id").map(|s| s.to_string()).unwrap_or_default();
        let label = format!("{class} {id}");
        if !DATE_CLASS.is_match(&label) || NOT_PUBLISHED_CLASS.is_match(&label) {
            continue;
        }
        let name = n.node_name().map(|s| s.to_string()).unwrap_or_default();
        if matches!(
            name.as_str(),
            "script" | "style" | "body" | "html" | "main" | "article"
        ) {
            continue;
        }
        if in_other_content(n) {
            continue;
        }
        seen += 1;
        if seen > 150 {
            break;
        }
        // A container of the whole article is not a dateline; checking its size by counting a
        // bounded number of descendants avoids copying its text.
        if n.descendants_it().take(400).count() == 400 {
            continue;
        }
        // A long element is a container (meta bar with tags and share links): its date, if
        // any, comes first. Text nodes are joined with a space: "April 13, 2023" followed by
        // a "Tags:" element must not read as "2023Tags".
        let t = spaced_text(n);
        let t = if t.len() > 400 {
            let mut cut = 300;
            while !t.is_char_boundary(cut) {
                cut -= 1;
            }
            &t[..cut]
        } else {
            &t[..]
        };
        if let Some((found, is_update)) =
            find_in_text_labelled(t, mdy).filter(|(f, _)| valid(f.date, latest))
        {
            // A "date" block in the site header holding a today's-date widget.
            if marked_inside(n, found.date, mdy, &TODAY_CLASS) {
                continue;
            }
            let is_update = is_update || marked_updated_inside(n, found.date, mdy);
            if !is_update {
                // Once the byline has shown an "Updated" date, an unlabelled date elsewhere on
                // the page (a teaser card, a comment) is not the article's; one next to it is
                // ("Updated X · Published Y").
                if update_at.is_some_and(|u| page.doc.tree.get(&u).is_some_and(|u| !near(n, &u))) {
                    continue;
                }
                let published_inside = marked_inside(n, found.date, mdy, &PUBLISHED_LABEL);
                return Some(Shown {
                    marked_published: PUBLISHED_LABEL.is_match(&label),
                    published_inside,
                    ..Shown::plain(found, false)
                });
            }
            if update.is_none() {
                update_at = Some(n.id);
            }
            update.get_or_insert(Shown::plain(found, true));
        }
    }
    update
}

static PUBLISHED_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)publi|release|posted").expect("valid regex"));

static TODAY_CLASS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)today|current-?(?:date|time)|clock|weather").expect("valid regex")
});

/// Whether the date in `n` is the text of a descendant whose class or id matches `label`.
fn marked_inside(n: &dom_query::NodeRef, date: NaiveDate, mdy: Order, label: &Regex) -> bool {
    dom_query::Selection::from(*n)
        .select("[class], [id]")
        .nodes()
        .iter()
        .take(40)
        .any(|c| {
            let l = format!(
                "{} {}",
                c.attr("class").unwrap_or_default(),
                c.attr("id").unwrap_or_default()
            );
            label.is_match(&l) && find_in_text(&c.text(), mdy).is_some_and(|f| f.date == date)
        })
}

/// Whether the date in `n` is the text of a descendant whose class marks a modification date
/// (hAtom's `updated`, "modified-date"), not also a publication date ("published updated").
fn marked_updated_inside(n: &dom_query::NodeRef, date: NaiveDate, mdy: Order) -> bool {
    dom_query::Selection::from(*n)
        .select("[class]")
        .nodes()
        .iter()
        .take(40)
        .any(|c| {
            let class = c.attr("class").unwrap_or_default();
            UPDATE_WORD.is_match(&class)
                && !class.to_ascii_lowercase().contains("publi")
                && find_in_text(&c.text(), mdy).is_some_and(|f| f.date == date)
        })
}

static OTHER_CONTENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[\s_-])(?:related|recent|recommended|popular|trending|more-(?:stories|posts|articles|news)|read-?next|sidebar|footer|comments?)(?:$|[\s_-])")
        .expect("valid regex")
});

/// The text of `n` with a space between its text nodes.
fn spaced_text(n: &dom_query::NodeRef) -> String {
    let mut out = String::new();
    for d in n.descendants_it().filter(|d| d.is_text()).take(200) {
        out.push_str(&d.text());
        out.push(' ');
    }
    out
}

/// Whether `n` sits in a block that lists other pages (related, recent or popular posts, a
/// sidebar, comments): the dates there belong to those pages. The page-level elements
/// are not asked: themes put "has-sidebar" or "menu-open" on `<body>`. "Widget" is not a
/// sign either: page builders wrap every block in one.
fn in_other_content(n: &dom_query::NodeRef) -> bool {
    n.ancestors_it(Some(15)).any(|a| {
        if matches!(
            a.node_name().as_deref(),
            Some("html" | "body" | "main" | "article")
        ) {
            return false;
        }
        let label = format!(
            "{} {}",
            a.attr("class").unwrap_or_default(),
            a.attr("id").unwrap_or_default()
        );
        label.len() > 1 && OTHER_CONTENT.is_match(&label)
    })
}

/// Whether two elements share an ancestor at most three levels above each.
fn near(a: &dom_query::NodeRef, b: &dom_query::NodeRef) -> bool {
    let up = |n: &dom_query::NodeRef| {
        std::iter::once(n.id)
            .chain(n.ancestors_it(Some(3)).map(|x| x.id))
            .collect::<Vec<_>>()
    };
    let ua = up(a);
    up(b).iter().any(|id| ua.contains(id))
}

// ---------------------------------------------------------------------------------------------
// Reading dates: the written forms are read by `dossier-dates`; what is decided here is which of
// them a page means.

impl From<dossier_dates::Found> for Found {
    fn from(f: dossier_dates::Found) -> Found {
        Found {
            date: f.date,
            iso: f.iso,
        }
    }
}

/// A machine-written date (meta content, JSON-LD, `datetime` attribute), else the first date
/// written in the value ([`dossier_dates::parse`]; numeric dates month first, as such values
/// are written by software more often than by people).
pub fn parse_structured(s: &str) -> Option<Found> {
    dossier_dates::parse(s, Order::MonthFirst).map(Found::from)
}

static UPDATED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:updated?|modified|edited|revised|aktualisiert|mis à jour|actualizado|last reviewed|reviewed)\W*(?:on|at|:)?\W*$")
        .expect("valid regex")
});

/// The first date written in running text, preferring one that is not introduced as an update.
/// `order` says how to read ambiguous numeric dates such as 03/02/2021.
pub fn find_in_text(s: &str, order: Order) -> Option<Found> {
    find_in_text_labelled(s, order).map(|(f, _)| f)
}

static UPDATED_BEFORE_ANY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:last\s+)?(?:updated?|modified|edited|revised|aktualisiert|mis à jour|actualizado|reviewed)")
        .expect("valid regex")
});

/// [`find_in_text`], also saying whether the date found is introduced as an update.
fn find_in_text_labelled(s: &str, order: Order) -> Option<(Found, bool)> {
    let mut fallback = None;
    for f in dossier_dates::find_all(s, order) {
        let start = f.range.start;
        if UPDATED_BEFORE.is_match(lead_in(s, start)) {
            fallback.get_or_insert((Found::from(f), true));
            continue;
        }
        return Some((Found::from(f), false));
    }
    fallback
}

/// The 40 bytes of `s` before `start`, widened to a character boundary: where a label such as
/// "Updated" or "originally published" introduces the date that starts there.
fn lead_in(s: &str, start: usize) -> &str {
    let mut from = start.saturating_sub(40);
    while !s.is_char_boundary(from) {
        from -= 1;
    }
    &s[from..start]
}

/// A full date in the URL path: /2021/03/02/, /2021-03-02-slug, /20210302/.
pub fn date_in_url(url: &str) -> Option<Found> {
    dossier_dates::in_url(url).map(Found::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    // The written forms themselves are tested in `dossier-dates`; these are what this module
    // adds: update labels, and lead-ins read on character boundaries.
    #[test]
    fn dates_introduced_as_updates_come_last() {
        let t = |s: &str, o: Order| find_in_text(s, o).map(|f| f.iso).unwrap_or_default();
        let us = Order::MonthFirst;
        assert_eq!(
            t("Updated: May 5, 2022. Published April 1, 2022", us),
            "2022-04-01"
        );
        assert_eq!(t("Updated May 5, 2022", us), "2022-05-05");
        // Multi-byte text right before the date must not split a character.
        assert_eq!(
            t(
                "Aktualisiert am — “ÜÖÄ” ééééééééééééééééééé 2. März 2021",
                Order::DayFirst
            ),
            "2021-03-02"
        );
        assert_eq!(
            t("ééééééééééééééééééééééééééééééé 2 March 2021", us),
            "2021-03-02"
        );
    }

    #[test]
    fn structured_values_fall_back_on_written_dates() {
        let d = |s: &str| parse_structured(s).map(|f| f.iso).unwrap_or_default();
        assert_eq!(d("2021-03-02T10:04:00+٠١:٠٠"), "2021-03-02T10:04:00+01:00");
        assert_eq!(d("Tuesday, March 2, 2021"), "2021-03-02");
        assert_eq!(d("unknown"), "");
    }
}
