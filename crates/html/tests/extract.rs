//! End-to-end tests of `extract` and `decode` on pages written for these tests.

use dossier_html::{HtmlError, Limits, decode, extract, extract_with};
use std::time::{Duration, Instant};

const NEWS: &str = include_str!("fixtures/news.html");
const BLOG: &str = include_str!("fixtures/blog_byline.html");

#[test]
fn news_page_text_has_the_story_and_none_of_the_furniture() {
    let a = extract(
        NEWS,
        Some("https://ledger.example/news/2021/03/02/harbour-bridge-reopens"),
    )
    .expect("article");
    assert!(
        a.text
            .contains("The harbour bridge reopened to traffic on Tuesday morning"),
        "{}",
        a.text
    );
    assert!(a.text.contains("Heavy lorries remain banned"), "{}", a.text);
    for furniture in [
        "Accept all",
        "Post to Facebook",
        "Sign up for our newsletter",
        "Related stories",
        "Council approves new cycle lanes",
        "All rights reserved",
        "Terms of use",
        "Sport",
    ] {
        assert!(
            !a.text.contains(furniture),
            "{furniture:?} leaked into {:?}",
            a.text
        );
    }
    // Paragraphs are separated by one blank line, with no stray whitespace.
    assert!(
        a.text
            .contains("north bank said the closure had cut their trade by a third, as visitors")
    );
    assert!(a.text.split("\n\n").count() >= 5, "{:?}", a.text);
    assert!(
        a.text
            .split("\n\n")
            .all(|p| p == p.trim() && !p.is_empty() && !p.contains('\n'))
    );
}

#[test]
fn news_page_metadata() {
    let a = extract(
        NEWS,
        Some("https://ledger.example/news/2021/03/02/harbour-bridge-reopens?utm=x"),
    )
    .expect("article");
    assert_eq!(
        a.title.as_deref(),
        Some("Harbour bridge reopens after two-year repair")
    );
    assert_eq!(a.site_name.as_deref(), Some("The Coastal Ledger"));
    assert_eq!(a.authors, vec!["Maria Okafor", "Tom Reyes"]);
    // Published, not modified, and with the page's own time.
    assert_eq!(a.published.as_deref(), Some("2021-03-02T09:15:00+00:00"));
    // The relative canonical link is resolved against the page URL.
    assert_eq!(
        a.url.as_deref(),
        Some("https://ledger.example/news/2021/03/02/harbour-bridge-reopens")
    );
    assert_eq!(a.language.as_deref(), Some("en"));
    assert_eq!(
        a.description.as_deref(),
        Some("The town's harbour bridge reopened to traffic on Tuesday.")
    );
}

#[test]
fn blog_metadata_from_visible_byline() {
    let a = extract(BLOG, Some("https://www.greenfingers.example/2021/notes")).expect("article");
    assert_eq!(a.title.as_deref(), Some("Notes from the allotment"));
    // No og:site_name or JSON-LD: the <title> suffix names the outlet, and the host confirms it.
    assert_eq!(a.site_name.as_deref(), Some("Greenfingers Blog"));
    assert_eq!(a.authors, vec!["Jane Whitfield"]);
    // The posted date, not the update and not the comment's date.
    assert_eq!(a.published.as_deref(), Some("2021-03-02"));
    assert!(
        a.text
            .contains("The first broad beans went in this weekend")
    );
    assert!(!a.text.contains("Lovely post"), "{}", a.text);
}

fn page_with(head: &str, body_extra: &str) -> String {
    let para = "<p>The committee met for six hours on Thursday and agreed a draft budget that \
        shifts money from roads to schools, a change the opposition called reckless and the \
        finance minister called overdue. Details will be published next week.</p>";
    format!(
        "<html><head>{head}</head><body><h1>Budget agreed after long session</h1>{body_extra}{}</body></html>",
        para.repeat(4)
    )
}

#[test]
fn bogus_and_future_dates_are_rejected() {
    let html = page_with(
        r#"<meta property="article:published_time" content="0001-01-01T00:00:00Z">
           <meta name="date" content="2999-05-01">"#,
        "",
    );
    let a = extract(
        &html,
        Some("https://news.example/politics/2019/11/05/budget"),
    )
    .expect("article");
    // Both declared dates are impossible; the URL's date is the best evidence left.
    assert_eq!(a.published.as_deref(), Some("2019-11-05"));
    let a = extract(&html, None).expect("article");
    assert_eq!(a.published, None);
}

#[test]
fn published_preferred_over_modified_and_update_label() {
    let html = page_with(
        r#"<meta property="article:modified_time" content="2022-06-10T12:00:00Z">"#,
        r#"<div class="article-meta"><span>Updated June 10, 2022</span></div><p class="dateline">Published 14 May 2022</p>"#,
    );
    let a = extract(&html, None).expect("article");
    assert_eq!(a.published.as_deref(), Some("2022-05-14"));
}

#[test]
fn day_month_order_follows_the_page_language() {
    let us = page_with("", r#"<div class="post-date">03/02/2021</div>"#)
        .replace("<html>", r#"<html lang="en-US">"#);
    let gb = us.replace(r#"lang="en-US""#, r#"lang="en-GB""#);
    assert_eq!(
        extract(&us, None).expect("article").published.as_deref(),
        Some("2021-03-02")
    );
    assert_eq!(
        extract(&gb, None).expect("article").published.as_deref(),
        Some("2021-02-03")
    );
}

#[test]
fn title_drops_site_suffix_without_heading() {
    let html = "<html><head><title>Budget agreed after long session - Daily Planet</title>\
        <meta property=\"og:site_name\" content=\"Daily Planet\"></head><body>"
        .to_string()
        + &"<p>The committee met for six hours on Thursday and agreed a draft budget that shifts money from roads to schools.</p>".repeat(6)
        + "</body></html>";
    let a = extract(&html, None).expect("article");
    assert_eq!(a.title.as_deref(), Some("Budget agreed after long session"));
}

#[test]
fn windows_1252_page_without_declaration() {
    let mut bytes =
        b"<html><head><title>Caf\xe9 society</title></head><body><h1>Caf\xe9 society</h1>".to_vec();
    for _ in 0..5 {
        bytes.extend_from_slice(
            b"<p>The \x93new\x94 caf\xe9 on the square serves cr\xe8me br\xfbl\xe9e and a na\xefve but charming \
              r\xe9sum\xe9 of the chef\x92s travels \x96 all for \xa38.</p>",
        );
    }
    bytes.extend_from_slice(b"</body></html>");
    let (html, enc) = decode(&bytes, None);
    assert_eq!(enc, "windows-1252");
    let a = extract(&html, None).expect("article");
    assert_eq!(a.title.as_deref(), Some("Café society"));
    assert!(
        a.text
            .contains("The “new” café on the square serves crème brûlée"),
        "{}",
        a.text
    );
    assert!(
        a.text.contains("chef’s travels – all for £8."),
        "{}",
        a.text
    );
}

#[test]
fn broken_unclosed_markup_still_yields_text() {
    let html = "<html><body><div class=content><h1>Storm closes schools<p>Schools across the county closed on Monday as the storm brought down power lines and flooded roads near the river.\
        <p>The council said buses would not run until engineers had checked every bridge on the routes, which could take until Wednesday.\
        <p>Parents were told to check the council website for updates each morning before seven o'clock, and to keep children away from the flooded fields.\
        <div><span>Emergency crews worked through the night <b>to clear fallen trees<i> from the main road";
    let a = extract(html, None).expect("article");
    assert!(
        a.text
            .contains("Schools across the county closed on Monday"),
        "{}",
        a.text
    );
    assert!(
        a.text
            .contains("keep children away from the flooded fields"),
        "{}",
        a.text
    );
}

#[test]
fn empty_pages_are_errors() {
    assert_eq!(extract("", None), Err(HtmlError::Empty));
    assert_eq!(extract(" \n\t ", None), Err(HtmlError::Empty));
    assert_eq!(
        extract("<html><head></head><body></body></html>", None),
        Err(HtmlError::NoText)
    );
}

#[test]
fn deeply_nested_page_is_refused_quickly() {
    let depth = 50_000;
    let html = format!(
        "<html><body>{}<p>deep text</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let t0 = Instant::now();
    let err = extract(&html, None).expect_err("refused");
    assert_eq!(
        err,
        HtmlError::TooDeep {
            limit: Limits::default().max_depth
        }
    );
    assert!(
        t0.elapsed() < Duration::from_secs(1),
        "took {:?}",
        t0.elapsed()
    );
}

#[test]
fn moderately_nested_page_within_limits_is_processed() {
    let depth = 200;
    let para = "<p>Text deep inside a page that nests its layout in many wrappers, as some site builders do, and still has an article worth reading.</p>".repeat(5);
    let html = format!(
        "<html><body>{}<h1>Wrapped</h1>{para}{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let a = extract(&html, None).expect("article");
    assert!(a.text.contains("still has an article worth reading"));
}

#[test]
fn size_and_element_limits() {
    let limits = Limits {
        max_bytes: 1000,
        ..Limits::default()
    };
    let big = "<p>x</p>".repeat(200);
    assert_eq!(
        extract_with(&big, None, &limits),
        Err(HtmlError::TooLarge {
            size: big.len(),
            limit: 1000
        })
    );
    let limits = Limits {
        max_elements: 50,
        ..Limits::default()
    };
    let many = "<span>x</span>".repeat(100);
    assert_eq!(
        extract_with(&many, None, &limits),
        Err(HtmlError::TooManyElements { limit: 50 })
    );
}

#[test]
fn zero_time_budget_gives_up_with_an_error() {
    let limits = Limits {
        time_budget: Duration::ZERO,
        ..Limits::default()
    };
    assert!(matches!(
        extract_with(NEWS, None, &limits),
        Err(HtmlError::TimeBudget { .. })
    ));
}

/// A small deterministic generator of messy pages: random tags, attributes, entities, dates and
/// multi-byte text, unclosed and misnested. `extract` must never panic on any of them.
#[test]
fn random_messy_pages_never_panic() {
    let pieces = [
        "<div class=\"byline\">",
        "</div>",
        "<p>",
        "</p>",
        "<span class=post-date>",
        "</span>",
        "<h1>",
        "</h1>",
        "<time datetime=\"2021-03-02T10:00:00+01:00\">",
        "</time>",
        "<a rel=author>",
        "</a>",
        "<script>var x = '<div>';</script>",
        "<!-- <div> -->",
        "<meta name=author content=\"Ann Lee\">",
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2020-01-0",
        "}</script>",
        "Published 2 March 2021",
        "Updated: 3 März 2021",
        "By Zoë Ñúñez",
        "“quoted” — ",
        "日本語のテキスト。",
        "2021年3月2日",
        "&amp;",
        "&#x1F600;",
        "<b><i>",
        "</b>",
        "<br>",
        "é",
        "\u{a0}",
        "<title>Héadline | Sité</title>",
        "<h2>Sub — head</h2>",
        "03/02/2021",
        "<li>",
        "<table><tr><td>",
        "The ferry ran late again, and nobody on the quay was surprised. ",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..300 {
        let n = 20 + (next() % 200) as usize;
        let page: String = (0..n)
            .map(|_| pieces[(next() % pieces.len() as u64) as usize])
            .collect();
        let _ = extract(&page, Some("https://ex.example/2021/03/02/x"));
        let _ = extract(&page, None);
    }
}

#[test]
fn agency_dateline_is_the_last_resort() {
    let body = "<p>NORTHTOWN, Mar 3, 2024 (Wire) - Farmers in the northern district have doubled their winter \
        vegetable output this year, officials said on Saturday, after a training scheme reached more villages.</p>"
        .to_string()
        + &"<p>The scheme, run by the agriculture office, teaches composting and drip irrigation to small farmers who \
        had relied on rain alone, and lends them seed for the first season.</p>"
            .repeat(4);
    let html = format!("<html><body><h1>Winter harvest doubles</h1>{body}</body></html>");
    let a = extract(&html, None).expect("article");
    assert_eq!(a.published.as_deref(), Some("2024-03-03"));
}

fn article_body() -> String {
    "<p>The committee met for six hours on Thursday and agreed a draft budget that shifts money \
     from roads to schools, a change the opposition called reckless and the finance minister \
     called overdue. Details will be published next week.</p>"
        .repeat(4)
}

#[test]
fn json_ld_author_forms_and_publisher() {
    // A bare string author inside an array of objects, a string publisher-less page whose outlet
    // comes from a JSON-LD Organization, and dateCreated when datePublished is absent.
    let html = format!(
        r#"<html><head><script type="application/ld+json">[
            {{"@type":"Organization","name":"Northern Courier"}},
            {{"@type":["NewsArticle"],"headline":"Budget agreed","dateCreated":"2020-06-01",
              "author":"Priya Natarajan"}}]</script></head>
           <body><h1>Budget agreed</h1>{}</body></html>"#,
        article_body()
    );
    let a = extract(&html, None).expect("article");
    assert_eq!(a.authors, vec!["Priya Natarajan"]);
    assert_eq!(a.site_name.as_deref(), Some("Northern Courier"));
    assert_eq!(a.published.as_deref(), Some("2020-06-01"));
}

#[test]
fn rel_author_and_meta_fallbacks() {
    let html = format!(
        r#"<html><head><meta property="og:locale" content="fr_FR"><meta property="og:url" content="https://courrier.example/a/1"></head>
           <body><h1>Budget adopté</h1><div class="post-meta">Par <a rel="author" href="/auteurs/luc">Luc Moreau</a></div>{}</body></html>"#,
        article_body()
    );
    let a = extract(&html, Some("https://courrier.example/a/1?ref=rss")).expect("article");
    assert_eq!(a.authors, vec!["Luc Moreau"]);
    assert_eq!(a.language.as_deref(), Some("fr"));
    assert_eq!(a.url.as_deref(), Some("https://courrier.example/a/1"));
    assert_eq!(a.site_name.as_deref(), Some("courrier.example"));
}

#[test]
fn http_charset_overrides_meta_and_utf8_is_kept() {
    // The server says windows-1252, the page claims ISO-8859-2: the transport wins.
    let bytes = b"<meta charset=\"iso-8859-2\"><p>na\xefve caf\xe9</p>";
    let (text, enc) = decode(bytes, Some("windows-1252"));
    assert_eq!(enc, "windows-1252");
    assert!(text.contains("naïve café"));
    let (text, enc) = decode("<p>naïve café 東京</p>".as_bytes(), Some("utf-8"));
    assert_eq!(enc, "UTF-8");
    assert!(text.contains("東京"));
}

#[test]
fn extract_bytes_decodes_first() {
    let bytes = NEWS
        .replace("Engineers will inspect", "Ingénieurs will inspect")
        .replace("<meta charset=\"utf-8\">", "");
    let (latin, _, _) = encoding_rs::WINDOWS_1252.encode(&bytes);
    let a = dossier_html::extract_bytes(&latin, Some("iso-8859-1"), None).expect("article");
    assert!(a.text.contains("Ingénieurs will inspect"), "{}", a.text);
}

/// Prose paragraphs for the furniture tests: long enough for Readability to pick the container.
fn prose(n: usize) -> String {
    [
        "<p>The river authority opened the new flood gates on Monday after three years of work, \
         and said the town centre would no longer flood in an ordinary spring.</p>",
        "<p>Shop owners on the quay, who lost stock in four of the last six winters, said they \
         would believe it when the water stayed out, but welcomed the reopening of the towpath.</p>",
        "<p>The gates cost more than twice the first estimate, mostly because the old quay wall \
         had to be rebuilt before anything could be fixed to it, the authority's engineer said.</p>",
        "<p>A second set of gates downstream is planned for next year, if the regional council \
         agrees to pay its share of the cost at its meeting in the autumn.</p>",
    ]
    .iter()
    .cycle()
    .take(n)
    .cloned()
    .collect()
}

#[test]
fn standfirst_is_not_body_but_subheadings_are() {
    // Named standfirsts above the body go, whatever the element.
    for dek in [
        r#"<p class="dek">Three years late, the gates are finally shut against the river.</p>"#,
        r#"<h2 class="article-standfirst">Three years late, the gates are finally shut against the river.</h2>"#,
        r#"<div itemprop="alternativeHeadline">Three years late, the gates are finally shut against the river.</div>"#,
    ] {
        let html = format!(
            "<html><body><article><h1>Flood gates open</h1>{dek}<div class=\"body\">{}</div></article></body></html>",
            prose(4)
        );
        let a = extract(&html, None).expect("article");
        assert!(!a.text.contains("Three years late"), "{dek}: {}", a.text);
        assert!(a.text.starts_with("The river authority"), "{}", a.text);
    }
    // A heading named "subtitle" among the body's paragraphs is a subheading of the article.
    let html = format!(
        "<html><body><article><h1>Flood gates open</h1><div class=\"body\">{}<h2 class=\"subtitle\">What comes next</h2>{}</div></article></body></html>",
        prose(2),
        prose(2)
    );
    let a = extract(&html, None).expect("article");
    assert!(a.text.contains("What comes next"), "{}", a.text);
}

#[test]
fn lead_is_a_standfirst_only_when_the_description_repeats_it() {
    let desc = "The town's new flood gates opened on Monday, three years late.";
    // A "lead" block under the headline that the page's description repeats: a standfirst.
    let html = format!(
        r#"<html><head><meta property="og:description" content="{desc}"></head><body><h1>Flood gates open</h1>
           <div class="lead">{desc}</div><div class="body">{}</div></body></html>"#,
        prose(4)
    );
    let a = extract(&html, None).expect("article");
    assert!(!a.text.contains("three years late"), "{}", a.text);
    // The same words marked "lead" as the first of the body's paragraphs: the article's lede.
    let html = format!(
        r#"<html><head><meta name="description" content="{desc}"></head><body><h1>Flood gates open</h1>
           <div class="body"><p class="lead">{desc}</p>{}</div></body></html>"#,
        prose(4)
    );
    let a = extract(&html, None).expect("article");
    assert!(a.text.starts_with(desc), "{}", a.text);
    // A "summary" that says something else than the description stays.
    let html = format!(
        r#"<html><head><meta name="description" content="{desc}"></head><body><h1>Flood gates open</h1>
           <div class="body"><div class="summary">Engineers first proposed gates on this stretch of the river in 1953, after the great flood.</div>{}</div></body></html>"#,
        prose(4)
    );
    let a = extract(&html, None).expect("article");
    assert!(a.text.contains("first proposed gates"), "{}", a.text);
}

#[test]
fn author_bio_ad_labels_and_teasers_are_furniture() {
    let html = format!(
        r#"<html><body><article><h1>Flood gates open</h1><div class="article-text">{}
           <div class="mpu">Anzeige / Advertisement</div>
           <div class="slot">Advertisement - Continue reading the story below</div>
           {}
           <p class="more"><a href="/explainers/gates">Explainer: how a flood gate works</a></p>
           {}
           <p><strong>Read more:</strong> <a href="/2020/floods">Four winters under water</a></p>
           {}</div>
           <div class="author-bio">Sam Carter is our environment correspondent. Follow her on Mastodon.</div>
           </article></body></html>"#,
        prose(1),
        prose(2),
        prose(1),
        prose(1)
    );
    let a = extract(&html, None).expect("article");
    for furniture in [
        "Advertisement",
        "Anzeige",
        "Explainer",
        "how a flood gate works",
        "Read more",
        "Four winters",
        "environment correspondent",
    ] {
        assert!(!a.text.contains(furniture), "{furniture:?} in {}", a.text);
    }
    assert!(a.text.ends_with("in an ordinary spring."), "{}", a.text);
    // A linked line with another label, and ordinary words like "ad hoc", stay.
    let html = format!(
        r#"<html><body><h1>Flood gates open</h1><div>{}<p><a href="/img/1">Pictured: the east gate at dawn</a></p>
           {}<p>The committee met ad hoc.</p></div></body></html>"#,
        prose(2),
        prose(2)
    );
    let a = extract(&html, None).expect("article");
    assert!(a.text.contains("Pictured: the east gate"), "{}", a.text);
    assert!(a.text.contains("ad hoc"), "{}", a.text);
}

#[test]
fn short_closing_lines_naming_the_outlet_are_furniture() {
    let html = format!(
        r#"<html><head><meta property="og:site_name" content="River Courier"></head><body><article><h1>Flood gates open</h1>
           <div class="text">{}<p>"It works," the engineer told the River Courier on Monday, standing on the new wall above the quay.</p></div>
           <p class="trust">Our code: how the River Courier checks its reporting.</p></article></body></html>"#,
        prose(3)
    );
    let a = extract(&html, None).expect("article");
    assert!(!a.text.contains("checks its reporting"), "{}", a.text);
    // The outlet's name in the article's own last paragraph is prose.
    assert!(
        a.text.ends_with("standing on the new wall above the quay."),
        "{}",
        a.text
    );
}

#[test]
fn outlet_from_the_title_suffix() {
    // No metadata names the site, and there is no URL: the <title> is "headline – site".
    let html = format!(
        "<html><head><title>Flood gates open – River Courier</title></head><body><h1>Flood gates open</h1>{}</body></html>",
        prose(4)
    );
    let a = extract(&html, None).expect("article");
    assert_eq!(a.site_name.as_deref(), Some("River Courier"));
    // The host confirms a suffix even when the headline differs from the title.
    let html = format!(
        "<html><head><title>Gates open at last | The River Courier</title></head><body><h1>Flood gates open</h1>{}</body></html>",
        prose(4)
    );
    let a = extract(&html, Some("https://www.rivercourier.example/2021/gates")).expect("article");
    assert_eq!(a.site_name.as_deref(), Some("The River Courier"));
    // A section name, or a suffix nothing confirms, is not the outlet: the host is.
    for title in [
        "Flood gates open - Politics",
        "Gates open at last | Evening Edition",
    ] {
        let html = format!(
            "<html><head><title>{title}</title></head><body><h1>Flood gates open</h1>{}</body></html>",
            prose(4)
        );
        let a = extract(&html, Some("https://rivercourier.example/a")).expect("article");
        assert_eq!(
            a.site_name.as_deref(),
            Some("rivercourier.example"),
            "{title}"
        );
    }
}

#[test]
fn bylines_stop_at_places_and_drop_organisations() {
    let page = |byline: &str, head: &str| {
        format!(
            "<html><head>{head}</head><body><h1>Flood gates open</h1>{byline}{}</body></html>",
            prose(4)
        )
    };
    // A place and a date after the name are not authors.
    let a = extract(
        &page(
            r#"<p class="post-byline">By Sam Carter | Riverton | Wednesday 14 April 2021</p>"#,
            "",
        ),
        None,
    )
    .expect("article");
    assert_eq!(a.authors, vec!["Sam Carter"]);
    // Two names joined by "and" in a byline without markup.
    let a = extract(
        &page(
            r#"<div class="meta">By Sam Carter and Ines Duarte &middot; <time datetime="2021-04-09">9 April 2021</time></div>"#,
            "",
        ),
        None,
    )
    .expect("article");
    assert_eq!(a.authors, vec!["Sam Carter", "Ines Duarte"]);
    // An agency or another outlet credited as author is not a person.
    for org in ["Meridian Wire", "Reuters", "The Associated Press"] {
        let a = extract(
            &page("", &format!(r#"<meta name="author" content="{org}">"#)),
            None,
        )
        .expect("article");
        assert!(a.authors.is_empty(), "{org}: {:?}", a.authors);
    }
    // Nor is a name the text credits as its source in the dateline.
    let html = format!(
        r#"<html><head><meta name="author" content="Harbour Desk"></head><body><h1>Flood gates open</h1>
           <p>RIVERTON (Harbour Desk) - The river authority opened the new flood gates on Monday after three years of work.</p>{}</body></html>"#,
        prose(4)
    );
    let a = extract(&html, None).expect("article");
    assert!(a.authors.is_empty(), "{:?}", a.authors);
}

// ---------------------------------------------------------------------------------------------
// Publication-date rules. Each rule is shown on pages of two (or more) invented sites that
// follow the convention it encodes; none of the markup, names or timestamps comes from a
// benchmark page.

/// A page of an invented site: `head` inside `<head>`, `before` between `<body>` and the
/// headline, `after` right under the headline, then four paragraphs of story.
fn site_page(head: &str, before: &str, headline: &str, after: &str) -> String {
    format!(
        "<html><head>{head}</head><body>{before}<h1>{headline}</h1>{after}{}</body></html>",
        article_body()
    )
}

fn published_in(html: &str, url: Option<&str>) -> Option<String> {
    extract(html, url).expect("article").published
}

#[test]
fn restamped_publication_date_yields_to_the_byline() {
    // Larchmont Weekly's CMS re-stamps the declared publication on every edit (it equals the
    // modification); the byline still shows the original day.
    let html = site_page(
        r#"<meta property="article:published_time" content="2024-11-05T13:20:44Z">
           <meta property="article:modified_time" content="2024-11-05T13:20:44Z">"#,
        "",
        "Library opening hours cut",
        r#"<p class="posted-on">March 9, 2023</p>"#,
    );
    assert_eq!(published_in(&html, None).as_deref(), Some("2023-03-09"));
    // Ferris Valley Post moved to a new CMS, which declared every old piece published on the
    // migration day; the byline keeps the day the story ran. A piece is not shown as published
    // before it was.
    let html = site_page(
        r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Mill to close",
           "datePublished":"2022-01-17T00:00:00+00:00","dateModified":"2022-02-03T09:41:12+00:00"}</script>"#,
        "",
        "Mill to close after ninety years",
        r#"<div class="article-byline">By Petra Lind <span class="entry-date">14 October 2019</span></div>"#,
    );
    assert_eq!(published_in(&html, None).as_deref(), Some("2019-10-14"));
    // One day earlier is the same moment in another time zone: the declared date stands.
    let html = site_page(
        r#"<meta property="article:published_time" content="2024-11-05T01:20:44Z">
           <meta property="article:modified_time" content="2024-11-12T08:02:19Z">"#,
        "",
        "Library opening hours cut",
        r#"<p class="posted-on">November 4, 2024</p>"#,
    );
    assert_eq!(
        published_in(&html, None).as_deref(),
        Some("2024-11-05T01:20:44Z")
    );
    // A byline later than the declared date does not win: that is usually an update.
    let html = site_page(
        r#"<meta property="article:published_time" content="2024-11-05T13:20:44Z">"#,
        "",
        "Library opening hours cut",
        r#"<p class="posted-on">January 20, 2025</p>"#,
    );
    assert_eq!(
        published_in(&html, None).as_deref(),
        Some("2024-11-05T13:20:44Z")
    );
}

#[test]
fn one_moment_declared_in_two_time_zones_keeps_the_first_form() {
    // Orchard Street Journal declares in UTC in its meta tags and again, in New York time, on
    // the byline's microdata: one moment on two dates. The first declared form is kept.
    let html = site_page(
        r#"<meta property="article:published_time" content="2024-10-12T02:41:09+00:00">"#,
        "",
        "Night market returns to the pier",
        r#"<div class="byline">By Ruth Adeyemi · <time itemprop="datePublished" datetime="2024-10-11T22:41:09-04:00">October 11, 2024</time></div>"#,
    );
    assert_eq!(
        published_in(&html, None).as_deref(),
        Some("2024-10-12T02:41:09+00:00")
    );
    // Hokuriku Evening News: JSON-LD in UTC, the byline's microdata in Tokyo time.
    let html = site_page(
        r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"雪","datePublished":"2023-06-30T23:18:52+00:00"}</script>"#,
        "",
        "Snow fences go up early",
        r#"<div class="byline"><time itemprop="datePublished" datetime="2023-07-01T08:18:52+09:00">2023年7月1日</time></div>"#,
    );
    assert_eq!(
        published_in(&html, None).as_deref(),
        Some("2023-06-30T23:18:52+00:00")
    );
}

#[test]
fn script_state_publication_date_before_creation_date() {
    // A Strapi-style record (Pinewood Gazette): created when the draft was started.
    let html = site_page(
        r#"<script>window.__NUXT__={"article":{"createdAt":"2023-02-14T16:22:41.118Z","updatedAt":"2023-03-01T09:12:05.004Z","publishedAt":"2023-02-20T07:30:19.552Z"}}</script>"#,
        "",
        "School roof repairs finished",
        "",
    );
    assert_eq!(
        published_in(&html, None).as_deref(),
        Some("2023-02-20T07:30:19Z")
    );
    // A Ghost-style record (Hollow Creek Review), the keys in snake case.
    let html = site_page(
        r#"<script>var post = {"created_at": "2022-08-30T21:04:13.000+02:00", "published_at": "2022-09-06T06:15:27.000+02:00"};</script>"#,
        "",
        "Orchard harvest comes early",
        "",
    );
    assert_eq!(
        published_in(&html, None).as_deref(),
        Some("2022-09-06T06:15:27+02:00")
    );
}

#[test]
fn an_updated_byline_is_not_outvoted_by_teaser_dates() {
    // The byline shows only "Updated"; the dates on teaser cards further down are other
    // articles' and must not be taken for this one's.
    let html = site_page(
        r#"<meta property="article:published_time" content="2021-05-11T07:52:31Z">
           <meta property="article:modified_time" content="2024-09-02T16:19:48Z">"#,
        "",
        "How the tide tables are made",
        r#"<header class="entry-header"><div class="meta-wrap"><div class="byline"><span class="byline-name">Nell Okoro</span>
           <span class="byline-date">Updated Sep 2, 2024</span></div></div></header>
           <section class="more-stories"><a class="card" href="/b"><h3>Another story</h3>
           <span class="card-date">Sep 2, 2024</span></a></section>"#,
    );
    assert_eq!(
        published_in(&html, Some("https://tides.example/a")).as_deref(),
        Some("2021-05-11T07:52:31Z")
    );
    // hAtom marks the modification date with class "updated" inside a date container.
    let html = site_page(
        r#"<meta property="article:published_time" content="2020-02-18T10:27:03Z">
           <meta property="article:modified_time" content="2023-07-22T05:44:16Z">"#,
        "",
        "How the tide tables are made",
        r#"<div class="entry-meta"><span class="meta-date"><span class="updated">2023-07-22</span></span></div>"#,
    );
    assert_eq!(
        published_in(&html, Some("https://tides.example/a")).as_deref(),
        Some("2020-02-18T10:27:03Z")
    );
}

#[test]
fn dates_in_related_and_recent_posts_are_other_pages() {
    let html = format!(
        r#"<html><body><div class="recent-posts"><a href="/b">Another story</a><span class="post-date">April 19, 2024</span></div>
           <h1>Budget agreed after long session</h1><p>Apr 26, 2024 · 4 min read</p>{}
           <div class="related-articles"><div class="card"><span class="byline__date">February 7, 2024</span></div></div></body></html>"#,
        article_body()
    );
    let a = extract(&html, None).expect("article");
    assert_eq!(a.published.as_deref(), Some("2024-04-26"));
}

#[test]
fn the_dateline_next_to_the_headline_beats_menu_dates() {
    // A news ticker in the site header comes first in the markup; the article's own <time>
    // sits under its headline (Saltmarsh Herald).
    let html = site_page(
        "",
        r#"<header><ul class="ticker"><li><span class="meta"><time datetime="2024-05-30T17:45:00Z">30 May</time></span> Ferry fares rise</li></ul></header>"#,
        "Harbour dredging to start in June",
        r#"<p class="meta">By Colm Ferrity · <time datetime="2024-05-21T08:10:33Z">21 May 2024</time></p>"#,
    );
    assert_eq!(
        published_in(&html, None).as_deref(),
        Some("2024-05-21T08:10:33Z")
    );
    // A "breaking" bar of latest items at the top of the page (Rheinufer Bote).
    let html = format!(
        r#"<html lang="de"><body><div class="site-top"><div class="breaking-bar"><div class="item-meta"><time datetime="2023-12-01T06:00:00+01:00">06:00</time> Fähre fällt aus</div></div></div>
           <main><article><h1>Neue Brücke für Radfahrer</h1><div class="dateline"><time datetime="2023-11-28T15:02:47+01:00">28.11.2023</time></div>
           {}</article></main></body></html>"#,
        article_body()
    );
    assert_eq!(
        published_in(&html, None).as_deref(),
        Some("2023-11-28T15:02:47+01:00")
    );
}

#[test]
fn a_todays_date_widget_is_not_the_articles_date() {
    // A date block in the site header holding today's date (Lakeview Echo) ...
    let html = site_page(
        "",
        r#"<div id="masthead-date"><span id="current-date">Thursday, 11 April 2024</span></div>"#,
        "Rowing club wins its first regatta",
        r#"<p class="story-date">Published 2 April 2024</p>"#,
    );
    assert_eq!(published_in(&html, None).as_deref(), Some("2024-04-02"));
    // ... or a date bar with the weather (Dalby Courant).
    let html = format!(
        r#"<html lang="en-GB"><body><div class="date-bar"><span class="today">Mon 3 March 2025</span> · 14°C</div>
           <h1>Bypass plans go on show</h1><div class="byline">By Anouk Vermeer, 27.02.2025</div>{}</body></html>"#,
        article_body()
    );
    assert_eq!(published_in(&html, None).as_deref(), Some("2025-02-27"));
    // A masthead's "today" element on its own.
    let html = format!(
        r#"<html><body><div class="masthead"><span class="masthead-today">Friday, June 14, 2024</span></div>
           <h1>Budget agreed after long session</h1><div class="byline">By Sam Carter, 10.06.2024</div>{}</body></html>"#,
        article_body()
    );
    assert_eq!(published_in(&html, None).as_deref(), Some("2024-06-10"));
}

#[test]
fn the_date_under_the_headline_confirms_the_declared_one() {
    // A date-classed element elsewhere (a shop's sale banner, Osprey Outdoors) shows another
    // day; the line under the headline shows the declared publication date, which stands.
    let html = site_page(
        r#"<meta property="article:published_time" content="2024-09-03T11:47:26+01:00">"#,
        r#"<div class="deal-date">Sale ends 30 June 2024</div>"#,
        "Six light tents for wet weekends",
        "<p>3 September 2024 · 6 min read</p>",
    );
    assert_eq!(
        published_in(&html, None).as_deref(),
        Some("2024-09-03T11:47:26+01:00")
    );
    // A member's "since" date in the login bar (Quayside Tech); the line under the headline
    // repeats the declared date, though it also equals the modification date.
    let html = site_page(
        r#"<script type="application/ld+json">{"@type":"BlogPosting","headline":"x","datePublished":"2022-05-16T14:05:38-07:00","dateModified":"2022-05-16T14:05:38-07:00"}</script>"#,
        r#"<div class="member-since-date">Member since 12 Jan 2019</div>"#,
        "Soldering without the fumes",
        "<div>May 16, 2022</div>",
    );
    assert_eq!(
        published_in(&html, None).as_deref(),
        Some("2022-05-16T14:05:38-07:00")
    );
}

#[test]
fn a_date_right_above_the_headline_beats_one_deep_in_the_body() {
    let para = "<p>The committee met for six hours on Thursday and agreed a draft budget that \
        shifts money from roads to schools, a change the opposition called reckless.</p>";
    // A kicker line above the headline (Thornbury Letters) ...
    let html = format!(
        r#"<html><body><div class="kicker">ESSAY · 9 February 2024</div><h1>On keeping a commonplace book</h1>
           {}<p>The last such book was sold on 2 March 2019 at a country auction.</p>{}</body></html>"#,
        para.repeat(3),
        article_body()
    );
    assert_eq!(published_in(&html, None).as_deref(), Some("2024-02-09"));
    // ... or an eyebrow with the series name (Gull and Tern Notes).
    let html = format!(
        r#"<html><body><p class="eyebrow">Field notes — Aug 22, 2023</p><h1>Terns back on the shingle</h1>
           {}<p>The colony was last counted on 4 June 2011 by the county society.</p>{}</body></html>"#,
        para.repeat(3),
        article_body()
    );
    assert_eq!(published_in(&html, None).as_deref(), Some("2023-08-22"));
    // "Last updated" above the headline is not taken for the publication date that way.
    let html = html.replace("Field notes — Aug 22, 2023", "Last updated: Aug 22, 2023");
    assert_eq!(published_in(&html, None).as_deref(), Some("2011-06-04"));
}

#[test]
fn a_date_only_in_script_state_yields_to_the_byline() {
    // The framework state names a related post's publication date (Brightwater Beat) ...
    let html = site_page(
        r#"<script>window.__APP_STATE__ = {"relatedPosts": [{"title": "x", "publishedAt": "2021-04-27T10:11:12Z"}]};</script>"#,
        "",
        "Pier lights switched on",
        r#"<div class="post-meta"><span class="date">3rd Feb 2024</span></div>"#,
    );
    assert_eq!(published_in(&html, None).as_deref(), Some("2024-02-03"));
    // ... or the author's profile, created years before (Ridgeway Runner, a Next.js page).
    let html = site_page(
        r#"<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"author":{"name":"x","createdAt":"2019-03-08T11:20:45Z"}}}}</script>"#,
        "",
        "Fell race record falls",
        r#"<p class="byline-date">July 2, 2024</p>"#,
    );
    assert_eq!(published_in(&html, None).as_deref(), Some("2024-07-02"));
}

fn published_of(head: &str, body_extra: &str, url: Option<&str>) -> Option<String> {
    published_in(&page_with(head, body_extra), url)
}

#[test]
fn scholarly_citation_dates() {
    // Highwire Press tags as PubMed writes the date: "YYYY Mon D" (two journals).
    assert_eq!(
        published_of(
            r#"<meta name="citation_title" content="Tidal mixing in a shallow estuary">
               <meta name="citation_publication_date" content="2019 Mar 4">"#,
            "",
            None
        )
        .as_deref(),
        Some("2019-03-04")
    );
    assert_eq!(
        published_of(
            r#"<meta name="citation_online_date" content="2020 Sept 28">"#,
            "",
            None
        )
        .as_deref(),
        Some("2020-09-28")
    );
}

#[test]
fn hyphenated_day_month_year_and_romance_month_abbreviations() {
    // "12-ago-2022" on a Spanish news site; Spanish, Italian and Portuguese abbreviate agosto
    // "ago".
    assert_eq!(
        published_of(
            "",
            r#"<div class="fecha">Publicado el 12-ago-2022</div>"#,
            None
        )
        .as_deref(),
        Some("2022-08-12")
    );
    // An Italian forum post.
    assert_eq!(
        published_of(
            "",
            r#"<span class="post-date">inviato il 15 ago 2020 alle 21:07</span>"#,
            None
        )
        .as_deref(),
        Some("2020-08-15")
    );
    // "DD-Mon-YYYY", the form of many forums and mailing-list archives.
    assert_eq!(
        published_of(
            "",
            r#"<div class="post-date">Posted 23-Sep-2019</div>"#,
            None
        )
        .as_deref(),
        Some("2019-09-23")
    );
}

#[test]
fn an_originally_published_note_beats_restamped_metadata() {
    // A republished page: the byline shows the day of republication, which the metadata
    // declares too; a note at the end says when the piece first appeared.
    let republished = |head: &str, byline: &str, note: &str| {
        format!(
            "<html><head>{head}</head><body><h1>Budget agreed after long session</h1>{byline}{}{note}</body></html>",
            article_body()
        )
    };
    // Fernhill Courier republishes a partner's story ...
    let html = republished(
        r#"<meta property="article:published_time" content="2023-05-02T06:00:00+10:00">"#,
        r#"<div class="byline">By Dana Quill · 2 May 2023</div>"#,
        r#"<p class="republish-note">This story was originally published on 14 March 2021 by the Tidewater Times.</p>"#,
    );
    assert_eq!(published_in(&html, None).as_deref(), Some("2021-03-14"));
    // ... and Marlow Street Notes re-dates a revised post.
    let html = republished(
        r#"<script type="application/ld+json">{"@type":"BlogPosting","headline":"x","datePublished":"2022-11-21T09:30:00Z"}</script>"#,
        r#"<p class="post-meta">November 21, 2022</p>"#,
        r#"<p class="note">First posted November 8, 2022; this version adds the council's reply.</p>"#,
    );
    assert_eq!(published_in(&html, None).as_deref(), Some("2022-11-08"));
    // A story that merely mentions first publication in a long paragraph is not a note.
    let long = format!(
        "<p>{} The novel was first published on 3 May 1999 in Paris.</p>",
        "The festival opened with a reading from a book the author wrote in exile. ".repeat(8)
    );
    let html = republished(
        r#"<meta property="article:published_time" content="2023-05-02T06:00:00+10:00">"#,
        r#"<div class="byline">By Dana Quill · 2 May 2023</div>"#,
        &long,
    );
    assert_eq!(
        published_in(&html, None).as_deref(),
        Some("2023-05-02T06:00:00+10:00")
    );
}

#[test]
fn the_script_record_of_this_page_gives_its_date() {
    // WordPress REST records (a headless WordPress front end, Cobble Lane Weekly): "date"
    // comes before "slug", and the next record follows with its own.
    let head = r#"<script id="__STATE__" type="application/json">{"posts":[{"id":4121,"date":"2023-10-04T18:22:07","date_gmt":"2023-10-04T17:22:07","slug":"winter-ferry-timetable-explained","title":{"rendered":"Winter ferry timetable"}},{"id":4099,"date":"2023-09-12T08:00:00","slug":"ferry-fares-rise-again"}]}</script>"#;
    let got = published_of(
        head,
        "",
        Some("https://cobblelane.example/news/winter-ferry-timetable-explained/"),
    );
    assert_eq!(got.as_deref(), Some("2023-10-04T18:22:07"));
    // A headless CMS (Fenland Digest) writes "date" after "slug", and this page's record is
    // the second of the list.
    let head = r#"<script>window.__DATA__={"items":[{"slug":"new-sluice-gates-for-the-drain","date":"2021-02-11T12:00:41"},{"id":88,"slug":"drainage-board-elections-called","title":"Elections","date":"2021-03-29T07:14:58","status":"live"}]}</script>"#;
    let got = published_of(
        head,
        "",
        Some("https://fenland.example/stories/drainage-board-elections-called"),
    );
    assert_eq!(got.as_deref(), Some("2021-03-29T07:14:58"));
}

#[test]
fn a_publication_shown_in_the_readers_time_zone_is_not_the_edit() {
    // Published 22:12 UTC on the 14th, shown as the 15th in Sydney (Southern Cross Daily);
    // edited later on the 15th.
    let got = published_of(
        r#"<meta property="article:published_time" content="2024-08-14T22:12:40+00:00">
           <meta property="article:modified_time" content="2024-08-15T05:47:13+00:00">"#,
        r#"<div class="entry-meta"><span class="post-date">15 August 2024</span></div>"#,
        None,
    );
    assert_eq!(got.as_deref(), Some("2024-08-14T22:12:40+00:00"));
    // The same in Auckland (Kiwi Coast News), declared in JSON-LD.
    let got = published_of(
        r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"x","datePublished":"2023-03-02T19:40:02Z","dateModified":"2023-03-03T01:05:59Z"}</script>"#,
        r#"<div class="byline">By Hemi Walker · 3 March 2023</div>"#,
        None,
    );
    assert_eq!(got.as_deref(), Some("2023-03-02T19:40:02Z"));
}

#[test]
fn a_published_slot_printing_the_last_edit_does_not_confirm_it() {
    // A WordPress theme whose "posted on" slot is filtered to print the last edit (the
    // "show the updated date" snippets and plugins do this), Alder Row Kitchen ...
    let head = r#"<meta property="article:published_time" content="2022-04-07T10:03:51+00:00">
        <meta property="article:modified_time" content="2024-01-19T15:26:08+00:00">"#;
    let got = published_of(
        head,
        r#"<span class="posted-on">Posted on <time class="entry-date published" datetime="2024-01-19T15:26:08+00:00">January 19, 2024</time></span>"#,
        None,
    );
    assert_eq!(got.as_deref(), Some("2022-04-07T10:03:51+00:00"));
    // ... and another CMS's "published" field showing the edit (Northgate Review).
    let got = published_of(
        r#"<script type="application/ld+json">{"@type":"Article","headline":"x","datePublished":"2021-06-11T08:19:30+01:00","dateModified":"2023-12-05T13:02:44+00:00"}</script>"#,
        r#"<div class="article-info"><p class="article__published">Published: 5 Dec 2023</p></div>"#,
        None,
    );
    assert_eq!(got.as_deref(), Some("2021-06-11T08:19:30+01:00"));
    // Without the "published" mark the shown date confirms the modification date: a byline
    // that shows only the last edit.
    let got = published_of(
        head,
        r#"<div class="article-info"><div class="date">January 19, 2024</div><span>Kitchen notes</span></div>"#,
        None,
    );
    assert_eq!(got.as_deref(), Some("2024-01-19T15:26:08+00:00"));
}

#[test]
fn the_url_settles_an_ambiguous_numeric_date() {
    let html = page_with("", r#"<div class="post-date">07/11/2022</div>"#);
    let a = extract(
        &html,
        Some("https://x.example/blog/2022/november/07/tide-tables"),
    )
    .expect("article");
    assert_eq!(a.published.as_deref(), Some("2022-11-07"));
    // Without a URL date, an American page reads it month first.
    let a = extract(&html, Some("https://x.example/blog/tide-tables")).expect("article");
    assert_eq!(a.published.as_deref(), Some("2022-07-11"));
}

#[test]
fn date_followed_by_an_element_without_a_space() {
    // "June 18, 2021" and "Filed under:" are separate elements with no space between them.
    let html = page_with(
        "",
        r#"<div class="meta post-details"><span>Posted on June 18, 2021</span><div class="tags"><span>Filed under:</span><a href="/t/x">gardening</a></div></div>"#,
    );
    let a = extract(&html, None).expect("article");
    assert_eq!(a.published.as_deref(), Some("2021-06-18"));
}

#[test]
fn json_ld_carried_in_a_meta_tag() {
    let html = page_with(
        r#"<meta name="script:ld+json" content="{&quot;@type&quot;:&quot;Article&quot;,&quot;datePublished&quot;:&quot;2024-02-29T17:05:41-05:00&quot;,&quot;author&quot;:{&quot;@type&quot;:&quot;Person&quot;,&quot;name&quot;:&quot;Tomasz Wren&quot;}}">"#,
        "",
    );
    let a = extract(&html, None).expect("article");
    assert_eq!(a.published.as_deref(), Some("2024-02-29T17:05:41-05:00"));
    assert_eq!(a.authors, vec!["Tomasz Wren"]);
}

// ---------------------------------------------------------------------------------------------
// Titles

#[test]
fn headline_forms() {
    let page = |head: &str, h1: &str| {
        format!(
            "<html><head>{head}</head><body><h1>{h1}</h1>{}</body></html>",
            article_body()
        )
    };
    // Line breaks inside the heading separate words ...
    let a = extract(
        &page(
            "<title>Harbour Lights Festival | Quay Arts</title>",
            "HARBOUR<br>LIGHTS<br><span>FESTIVAL</span>",
        ),
        None,
    )
    .expect("article");
    // ... and a heading set in capitals takes the declared title's case.
    assert_eq!(a.title.as_deref(), Some("Harbour Lights Festival"));
    // A declared title with other words is not a case for a heading in capitals.
    let a = extract(
        &page(
            r#"<meta property="og:title" content="Harbour Lights Festival 2024: What to See">"#,
            "HARBOUR LIGHTS FESTIVAL IN 2024: WHAT TO SEE",
        ),
        None,
    )
    .expect("article");
    assert_eq!(
        a.title.as_deref(),
        Some("HARBOUR LIGHTS FESTIVAL IN 2024: WHAT TO SEE")
    );
    // The site's name after a dash in the heading is not part of the headline.
    let a = extract(
        &page(
            r#"<meta property="og:site_name" content="Loomworks">"#,
            "Autumn’s Best Textile Shows – Loomworks",
        ),
        None,
    )
    .expect("article");
    assert_eq!(a.title.as_deref(), Some("Autumn’s Best Textile Shows"));
    // A date or a section label before the declared title is a lead-in; "The" is not.
    for (h1, want) in [
        (
            "Mar 3 2024 Rebuilding the sea wall",
            "Rebuilding the sea wall",
        ),
        ("Notes: Rebuilding the sea wall", "Rebuilding the sea wall"),
        ("The Rebuilding the sea wall", "The Rebuilding the sea wall"),
    ] {
        let a = extract(
            &page(
                r#"<meta property="og:title" content="Rebuilding the sea wall">"#,
                h1,
            ),
            None,
        )
        .expect("article");
        assert_eq!(a.title.as_deref(), Some(want), "{h1}");
    }
}

#[test]
fn an_aggregators_source_and_count_are_not_part_of_the_headline() {
    let page = |head: &str, h1: &str| {
        format!(
            "<html><head>{head}</head><body><h1>{h1}</h1>{}</body></html>",
            article_body()
        )
    };
    // Link aggregators print the linked page's domain after its title, here with the number
    // of comments (Tidepool Links) ...
    let a = extract(
        &page(
            r#"<meta property="og:title" content="Tidal power trial lights a whole village">
               <meta property="og:site_name" content="Tidepool Links">"#,
            "Tidal power trial lights a whole village (coastwatch.example.org) 142",
        ),
        None,
    )
    .expect("article");
    assert_eq!(
        a.title.as_deref(),
        Some("Tidal power trial lights a whole village")
    );
    // ... or alone (LinkPile).
    let a = extract(
        &page(
            "<title>Rail strike talks collapse again | LinkPile</title>",
            "Rail strike talks collapse again (transit-news.example)",
        ),
        Some("https://linkpile.example/item/8812"),
    )
    .expect("article");
    assert_eq!(a.title.as_deref(), Some("Rail strike talks collapse again"));
    // Words in brackets that are no domain stay.
    let a = extract(
        &page(
            r#"<meta property="og:title" content="Rail strike talks collapse again">"#,
            "Rail strike talks collapse again (updated)",
        ),
        None,
    )
    .expect("article");
    assert_eq!(
        a.title.as_deref(),
        Some("Rail strike talks collapse again (updated)")
    );
}
