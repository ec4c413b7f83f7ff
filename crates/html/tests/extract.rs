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
        "Share on Facebook",
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
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ",
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
    let body = "<p>NORTHTOWN, Dec 20, 2025 (Wire) - Farmers in the northern district have doubled their winter \
        vegetable output this year, officials said on Saturday, after a training scheme reached more villages.</p>"
        .to_string()
        + &"<p>The scheme, run by the agriculture office, teaches composting and drip irrigation to small farmers who \
        had relied on rain alone, and lends them seed for the first season.</p>"
            .repeat(4);
    let html = format!("<html><body><h1>Winter harvest doubles</h1>{body}</body></html>");
    let a = extract(&html, None).expect("article");
    assert_eq!(a.published.as_deref(), Some("2025-12-20"));
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
           <div class="slot">Advertisement - Scroll to continue reading</div>
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
           <p class="trust">Our Standards: The River Courier Trust Principles.</p></article></body></html>"#,
        prose(3)
    );
    let a = extract(&html, None).expect("article");
    assert!(!a.text.contains("Trust Principles"), "{}", a.text);
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

#[test]
fn restamped_publication_date_yields_to_the_byline() {
    // The CMS re-stamped datePublished on the last edit (it equals dateModified); the byline
    // still shows the original day.
    let html = page_with(
        r#"<meta property="article:published_time" content="2025-06-24T10:00:00Z">
           <meta property="article:modified_time" content="2025-06-24T10:00:00Z">"#,
        r#"<div class="post-date">August 25, 2024</div>"#,
    );
    let a = extract(&html, None).expect("article");
    assert_eq!(a.published.as_deref(), Some("2024-08-25"));
    // A byline days before the declared date wins without the re-stamp too: a piece is not
    // shown as published before it was, while migrations re-stamp the declared value.
    let html = page_with(
        r#"<meta property="article:published_time" content="2025-06-24T10:00:00Z">
           <meta property="article:modified_time" content="2025-07-01T10:00:00Z">"#,
        r#"<div class="post-date">August 25, 2024</div>"#,
    );
    let a = extract(&html, None).expect("article");
    assert_eq!(a.published.as_deref(), Some("2024-08-25"));
    // One day earlier is the same moment in another time zone: the declared date stands.
    let html = page_with(
        r#"<meta property="article:published_time" content="2025-06-24T01:00:00Z">
           <meta property="article:modified_time" content="2025-07-01T10:00:00Z">"#,
        r#"<div class="post-date">June 23, 2025</div>"#,
    );
    let a = extract(&html, None).expect("article");
    assert_eq!(a.published.as_deref(), Some("2025-06-24T01:00:00Z"));
    // A byline later than the declared date does not win: that is usually an update.
    let html = page_with(
        r#"<meta property="article:published_time" content="2025-06-24T10:00:00Z">"#,
        r#"<div class="post-date">August 25, 2025</div>"#,
    );
    let a = extract(&html, None).expect("article");
    assert_eq!(a.published.as_deref(), Some("2025-06-24T10:00:00Z"));
}

#[test]
fn one_moment_declared_in_two_time_zones_keeps_the_first_form() {
    // The meta tag says UTC, the byline's <time> says local time: the same moment, on two
    // dates. The first declared form is the publisher's primary statement.
    let html = page_with(
        r#"<meta property="article:published_time" content="2025-07-05T00:04:00+00:00">"#,
        r#"<div class="byline"><time class="entry-date published" datetime="2025-07-04T20:04:00-04:00">July 4, 2025</time></div>"#,
    );
    let a = extract(&html, None).expect("article");
    assert_eq!(a.published.as_deref(), Some("2025-07-05T00:04:00+00:00"));
}

#[test]
fn script_state_publication_date_before_creation_date() {
    let html = page_with(
        r#"<script>window.__STATE__ = {"page": {"dateCreated": "2019-01-25T12:51:59-08:00", "datePublished": "2022-10-05T12:53:00-07:00"}};</script>"#,
        "",
    );
    let a = extract(&html, None).expect("article");
    assert_eq!(a.published.as_deref(), Some("2022-10-05T12:53:00-07:00"));
}

#[test]
fn an_updated_byline_is_not_outvoted_by_teaser_dates() {
    // The byline shows only "Updated"; the dates on teaser cards further down are other
    // articles' and must not be taken for this one's.
    let html = page_with(
        r#"<meta property="article:published_time" content="2020-12-16T11:36:18Z">
           <meta property="article:modified_time" content="2026-02-27T08:05:25Z">"#,
        r#"<header class="entry-header"><div class="byline-wrap"><div class="byline"><span class="byline-name">Sam Carter</span>
           <span class="byline-date">Updated Feb 27, 2026</span></div></div></header>
           <section class="more-stories"><div class="grid"><a class="card" href="/b"><h3>Another story</h3>
           <span class="card-date">Feb 27, 2026</span></a></div></section>"#,
    );
    let a = extract(&html, Some("https://x.example/a")).expect("article");
    assert_eq!(a.published.as_deref(), Some("2020-12-16T11:36:18Z"));
    // hAtom marks the modification date with class "updated" inside a date container.
    let html = page_with(
        r#"<meta property="article:published_time" content="2022-01-03T16:52:00Z">
           <meta property="article:modified_time" content="2025-11-03T06:10:53Z">"#,
        r#"<div class="entry-meta"><span class="meta-date"><span class="updated">2025-11-03</span></span></div>"#,
    );
    let a = extract(&html, Some("https://x.example/a")).expect("article");
    assert_eq!(a.published.as_deref(), Some("2022-01-03T16:52:00Z"));
}

#[test]
fn dates_in_related_and_recent_posts_are_other_pages() {
    let html = format!(
        r#"<html><body><div class="recent-posts"><a href="/b">Another story</a><span class="post-date">December 2, 2025</span></div>
           <h1>Budget agreed after long session</h1><p>Dec 12, 2025 · 4 min read</p>{}
           <div class="related-articles"><div class="card"><span class="byline__date">January 31, 2025</span></div></div></body></html>"#,
        article_body()
    );
    let a = extract(&html, None).expect("article");
    assert_eq!(a.published.as_deref(), Some("2025-12-12"));
}

#[test]
fn the_dateline_next_to_the_headline_beats_menu_dates_and_the_date_of_today() {
    // A menu listing the latest news comes first in the markup; the article's own <time>
    // sits under its headline.
    let html = format!(
        r#"<html><body><header><div class="view-menu"><div class="views-row"><a href="/b">Another story</a>
           <div class="meta"><time datetime="2025-01-31T12:00:00Z">01/31/2025</time></div></div></div></header>
           <main><article><div class="node__content"><h1>Budget agreed after long session</h1>
           <div class="node__meta"><time datetime="2017-03-01T12:00:00Z">03/01/2017</time> by Sam Carter</div>
           {}</div></article></main></body></html>"#,
        article_body()
    );
    let a = extract(&html, None).expect("article");
    assert_eq!(a.published.as_deref(), Some("2017-03-01T12:00:00Z"));
    // A "date" block in the site header that shows today's date is not the article's.
    let html = format!(
        r#"<html><body><div id="block-date"><p id="todays-date-custom"><b>Friday</b>, December 19, 2025</p></div>
           <h1>Budget agreed after long session</h1><div class="article-date">12.12.2025</div>{}</body></html>"#,
        article_body()
    );
    let a = extract(&html, None).expect("article");
    assert_eq!(a.published.as_deref(), Some("2025-12-12"));
}

#[test]
fn the_date_under_the_headline_confirms_the_declared_one() {
    // A date-classed block elsewhere shows another day; the line under the headline shows the
    // declared publication date, which therefore stands (even though it repeats the
    // modification date, which alone would make an earlier shown date win).
    let html = format!(
        r#"<html><head><meta property="article:published_time" content="2025-09-12T12:00:00Z">
           <meta property="article:modified_time" content="2025-09-12T12:00:00Z"></head>
           <body><div class="promo-date">May 8, 2024</div><h1>Budget agreed after long session</h1>
           <p>Sep 12, 2025 · 5 min read</p>{}</body></html>"#,
        article_body()
    );
    let a = extract(&html, None).expect("article");
    assert_eq!(a.published.as_deref(), Some("2025-09-12T12:00:00Z"));
}

#[test]
fn a_date_right_above_the_headline_beats_one_deep_in_the_body() {
    let para = "<p>The committee met for six hours on Thursday and agreed a draft budget that \
        shifts money from roads to schools, a change the opposition called reckless.</p>";
    let html = format!(
        r#"<html><body><div class="flex gap-2">Dec 12, 2025</div><h1>Budget agreed after long session</h1>
           {}<p>The last budget passed on 30 October 2024 after a similar session.</p>{}</body></html>"#,
        para.repeat(3),
        article_body()
    );
    let a = extract(&html, None).expect("article");
    assert_eq!(a.published.as_deref(), Some("2025-12-12"));
    // "Last updated" above the headline is not taken for the publication date that way.
    let html = html.replace("Dec 12, 2025", "Last updated: Dec 12, 2025");
    let a = extract(&html, None).expect("article");
    assert_eq!(a.published.as_deref(), Some("2024-10-30"));
}

#[test]
fn a_date_only_in_script_state_yields_to_the_byline() {
    // The framework state names a related post's publication date; nothing else declares one.
    let html = page_with(
        r#"<script>window.__APOLLO__ = {"related": {"postedAt": "x", "publishedAt": "2020-07-30T22:00:37Z"}};</script>"#,
        r#"<div class="post-meta"><span class="date">18th Dec 2025</span></div>"#,
    );
    let a = extract(&html, None).expect("article");
    assert_eq!(a.published.as_deref(), Some("2025-12-18"));
}

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
            "<title>Weekend Coding Agent | Labs</title>",
            "WEEKEND<br>CODING<br><span>AGENT</span>",
        ),
        None,
    )
    .expect("article");
    // ... and a heading set in capitals takes the declared title's case.
    assert_eq!(a.title.as_deref(), Some("Weekend Coding Agent"));
    // So does one whose declared title has the same words but one.
    let a = extract(
        &page(
            r#"<meta property="og:title" content="Best Drip Coffee Maker 2026: Buying Tips">"#,
            "BEST DRIP COFFEE MAKER IN 2026: BUYING TIPS",
        ),
        None,
    )
    .expect("article");
    assert_eq!(
        a.title.as_deref(),
        Some("Best Drip Coffee Maker 2026: Buying Tips")
    );
    // An aggregator's source and comment count after the headline are not part of it.
    let a = extract(
        &page(
            r#"<meta property="og:title" content="Grads Find Their Degrees No Longer Open Doors - Aggregator">
               <meta property="og:site_name" content="Aggregator">"#,
            "Grads Find Their Degrees No Longer Open Doors (latimes.com) 87",
        ),
        None,
    )
    .expect("article");
    assert_eq!(
        a.title.as_deref(),
        Some("Grads Find Their Degrees No Longer Open Doors")
    );
    // A heading naming the site, run into the <title> without a separator, is cut from it.
    let a = extract(
        &page(
            "<title>plainsite.example Vibe Coding</title>",
            "plainsite.example",
        ),
        Some("https://plainsite.example/archives/2025/12/16/vibe.html"),
    )
    .expect("article");
    assert_eq!(a.title.as_deref(), Some("Vibe Coding"));
    // The site's name after a dash in the heading is not part of the headline.
    let a = extract(
        &page(
            r#"<meta property="og:site_name" content="Artlyst">"#,
            "Critics’ Choice: Best UK Art Exhibitions – Artlyst",
        ),
        None,
    )
    .expect("article");
    assert_eq!(
        a.title.as_deref(),
        Some("Critics’ Choice: Best UK Art Exhibitions")
    );
    // A date or a section label before the declared title is a lead-in; "The" is not.
    for (h1, want) in [
        (
            "Dec 18 2025 Preparing a transition",
            "Preparing a transition",
        ),
        ("Blog: Preparing a transition", "Preparing a transition"),
        ("The Preparing a transition", "The Preparing a transition"),
    ] {
        let a = extract(
            &page(
                r#"<meta property="og:title" content="Preparing a transition">"#,
                h1,
            ),
            None,
        )
        .expect("article");
        assert_eq!(a.title.as_deref(), Some(want), "{h1}");
    }
}

#[test]
fn the_url_settles_an_ambiguous_numeric_date() {
    let html = page_with("", r#"<div class="post-date">03/10/2023</div>"#);
    let a = extract(
        &html,
        Some("https://x.example/blog/2023/october/03/wine-styles"),
    )
    .expect("article");
    assert_eq!(a.published.as_deref(), Some("2023-10-03"));
    // Without a URL date, an American page reads it month first.
    let a = extract(&html, Some("https://x.example/blog/wine-styles")).expect("article");
    assert_eq!(a.published.as_deref(), Some("2023-03-10"));
}

#[test]
fn date_followed_by_an_element_without_a_space() {
    // "April 13, 2023" and "Tags:" are separate elements with no space between them.
    let html = page_with(
        "",
        r#"<div class="meta date-section-header"><span>Posted on April 13, 2023</span><div class="tags"><span>Tags:</span><a href="/t/x">indexing</a></div></div>"#,
    );
    let a = extract(&html, None).expect("article");
    assert_eq!(a.published.as_deref(), Some("2023-04-13"));
}

#[test]
fn json_ld_carried_in_a_meta_tag() {
    let html = page_with(
        r#"<meta name="script:ld+json" content="{&quot;@type&quot;:&quot;Article&quot;,&quot;datePublished&quot;:&quot;2025-11-17T09:00:00-05:00&quot;,&quot;author&quot;:{&quot;@type&quot;:&quot;Person&quot;,&quot;name&quot;:&quot;Ines Duarte&quot;}}">"#,
        "",
    );
    let a = extract(&html, None).expect("article");
    assert_eq!(a.published.as_deref(), Some("2025-11-17T09:00:00-05:00"));
    assert_eq!(a.authors, vec!["Ines Duarte"]);
}

#[test]
fn todays_date_in_the_masthead_is_not_the_articles() {
    let html = format!(
        r#"<html><body><div class="masthead"><span class="todays-date">Friday, December 19, 2025</span></div>
           <h1>Budget agreed after long session</h1><div class="byline">By Sam Carter, 12.12.2025</div>{}</body></html>"#,
        article_body()
    );
    let a = extract(&html, None).expect("article");
    assert_eq!(a.published.as_deref(), Some("2025-12-12"));
}

fn published_of(head: &str, body_extra: &str, url: Option<&str>) -> Option<String> {
    extract(&page_with(head, body_extra), url)
        .expect("article")
        .published
}

#[test]
fn scholarly_citation_dates_and_hyphenated_dates() {
    // Highwire/PubMed metadata writes "2023 Jan 7".
    assert_eq!(
        published_of(
            r#"<meta name="citation_publication_date" content="2023 Jan 7">"#,
            "",
            None
        )
        .as_deref(),
        Some("2023-01-07")
    );
    // A forum footer's "04-ago-2021" (Spanish, Portuguese and Italian abbreviate August so).
    assert_eq!(
        published_of(
            "",
            r#"<div class="post-date">on 04-ago-2021 5:11:10</div>"#,
            None
        )
        .as_deref(),
        Some("2021-08-04")
    );
    assert_eq!(
        published_of(
            "",
            r#"<div class="post-date">Posted 17-Mar-2020</div>"#,
            None
        )
        .as_deref(),
        Some("2020-03-17")
    );
}

#[test]
fn an_originally_published_note_beats_restamped_metadata() {
    let got = published_of(
        r#"<meta property="article:published_time" content="2022-09-30T08:00:00+10:00">"#,
        r#"<p class="disclaimer">This article was originally published on 26 Sep 2019 and has been updated since.</p>"#,
        None,
    );
    assert_eq!(got.as_deref(), Some("2019-09-26"));
    // A story that merely mentions first publication elsewhere in a long paragraph is not a note.
    let long = format!(
        "<p>{} The novel was first published on 3 May 1999 in Paris.</p>",
        "The festival opened with a reading from a book the author wrote in exile. ".repeat(8)
    );
    let got = published_of(
        r#"<meta property="article:published_time" content="2022-09-30T08:00:00+10:00">"#,
        &long,
        None,
    );
    assert_eq!(got.as_deref(), Some("2022-09-30T08:00:00+10:00"));
}

#[test]
fn the_script_record_of_this_page_gives_its_date() {
    let head = r#"<script>window.__STATE__={"posts":[{"slug":"a-different-story-about-roads","date":"2020-01-02T10:00:00"},{"id":7,"slug":"budget-agreed-after-long-session","title":"Budget agreed","date":"2024-04-08T06:59:34","status":"publish"}]}</script>"#;
    let got = published_of(
        head,
        "",
        Some("https://news.example/blog/budget-agreed-after-long-session/"),
    );
    assert_eq!(got.as_deref(), Some("2024-04-08T06:59:34"));
}

#[test]
fn a_publication_shown_in_the_readers_time_zone_is_not_the_edit() {
    // Published 23:00 UTC on the 2nd, shown as the 3rd in Sydney; edited later on the 3rd.
    let got = published_of(
        r#"<meta property="article:published_time" content="2025-12-02T23:00:55+00:00">
           <meta property="article:modified_time" content="2025-12-03T21:31:05+00:00">"#,
        r#"<div class="entry-meta"><span class="post-date">3 December 2025</span></div>"#,
        None,
    );
    assert_eq!(got.as_deref(), Some("2025-12-02T23:00:55+00:00"));
}

#[test]
fn midnight_placeholder_gives_way_to_a_timed_declaration() {
    let got = published_of(
        r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Budget agreed","datePublished":"2023-05-17T00:00:00+0000"}</script>
           <meta property="article:published_time" content="2023-05-18T04:39:05+00:00">"#,
        "",
        None,
    );
    assert_eq!(got.as_deref(), Some("2023-05-18T04:39:05+00:00"));
}

#[test]
fn byline_release_date_beats_a_stale_declaration() {
    let got = published_of(
        r#"<meta property="article:published_time" content="2013-03-11T11:11:07-07:00">"#,
        r#"<section class="byline"><span class="byline__release-date"><time datetime="2023-03-20T00:00:00-07:00">March 20, 2023</time></span></section>"#,
        None,
    );
    assert_eq!(got.as_deref(), Some("2023-03-20T00:00:00-07:00"));
}

#[test]
fn a_published_slot_printing_the_last_edit_does_not_confirm_it() {
    let head = r#"<meta property="article:published_time" content="2024-02-21T11:54:45+00:00">
        <meta property="article:modified_time" content="2025-10-26T18:41:45+00:00">"#;
    let got = published_of(
        head,
        r#"<div class="article-info"><div class="date-published">October 26, 2025</div><span>Analytics</span></div>"#,
        None,
    );
    assert_eq!(got.as_deref(), Some("2024-02-21T11:54:45+00:00"));
    // Without the "published" mark the shown date confirms the modification date (a byline
    // that shows only the last edit, the more common case on WCXB dev).
    let got = published_of(
        head,
        r#"<div class="article-info"><div class="date">October 26, 2025</div><span>Analytics</span></div>"#,
        None,
    );
    assert_eq!(got.as_deref(), Some("2025-10-26T18:41:45+00:00"));
}
