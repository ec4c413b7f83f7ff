#!/usr/bin/env python3
"""Render the invented articles in articles.py into every input form of the example corpus,
and write truth.json.  Stdlib only.  Run from anywhere:

    python3 examples/make_corpus.py && python3 examples/make_warc.py

All text is fiction written for testing dossier (see README.md).
"""
import html
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)
from articles import A, R1, R2, OUTLETS  # noqa: E402

CORPUS = os.path.join(HERE, "corpus")
TRUTH = []


def out(rel, data, encoding="utf-8"):
    path = os.path.join(HERE, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    mode = "wb"
    if isinstance(data, str):
        data = data.encode(encoding)
    with open(path, mode) as f:
        f.write(data)
    return rel


def esc(s):
    return html.escape(s, quote=False)


def attr(s):
    return html.escape(s, quote=True)


def words(paras):
    w = " ".join(paras).split()
    return w[:8], w[-8:]


def truth(rel, art, key, form, reprint_of=None, duplicate_of=None, **extra):
    first, last = words(art["paras"])
    t = {
        "path": rel,
        "form": form,
        "key": key,
        "title": art["title"],
        "outlet": art["outlet"],
        "published": art["published"],
        "authors": list(art["authors"]),
        "dateline": art["dateline"],
        "first_8_words": " ".join(first),
        "last_8_words": " ".join(last),
        "paragraphs": len(art["paras"]),
        "words": len(" ".join(art["paras"]).split()),
        "reprint_of": reprint_of,
        "duplicate_of": duplicate_of,
    }
    if "byline" in art:
        t["byline"] = art["byline"]
    t.update(extra)
    TRUTH.append(t)


def ps(paras, indent="        ", inserts=None):
    """Paragraphs as <p> elements; inserts maps a paragraph index to markup placed after it."""
    inserts = inserts or {}
    lines = []
    for i, p in enumerate(paras):
        lines.append(f"{indent}<p>{esc(p)}</p>")
        if i in inserts:
            lines.append(inserts[i])
    return "\n".join(lines)


# =============================================================================== TXT / MD
def txt_r1():
    a = R1
    body = []
    for i, p in enumerate(a["paras"]):
        body.append(p)
        if i == 2:
            body.append("Advertisement")
        if i == 4:
            body.append("Read more: Gulf states want a seat at the table as Iran raises the stakes")
    text = "\n".join([
        "Skip to main content",
        "The Arabian Compass",
        "Home | Gulf | World | Business | Opinion | Video | Podcasts",
        "World",
        a["title"],
        a["byline"],
        "April 6, 2021",
        "Share this article",
        "Facebook  Twitter  WhatsApp  Email",
        "Photo: Delegates arrive at the Grand Hotel in Vienna on Tuesday. / Danube Press Agency",
        "",
    ]) + "\n" + "\n\n".join(body) + "\n\n" + "\n".join([
        "Share this article",
        "Sign up for our newsletter",
        "Get the Compass Morning Brief in your inbox every weekday.",
        "12 comments",
        "Most read",
        "1. Gulf states want a seat at the table as Iran raises the stakes",
        "2. Dubai property prices edge up for first time in a year",
        "About us | Contact | Terms of use | Privacy",
        "\u00a9 2021 The Arabian Compass. All rights reserved.",
        "",
    ])
    rel = out("corpus/txt/arabiancompass-2021-04-06-us-iran-separate-hotels.txt", text)
    truth(rel, a, "r1", "txt", reprint_of="corpus/html/meridianwire-2021-04-06-vienna-talks-open.html",
          must_not_contain=["Skip to main content", "Advertisement", "Read more:", "Share this article",
                            "Sign up for our newsletter", "12 comments", "\u00a9 2021", "Danube Press Agency",
                            "Home | Gulf"],
          note="Near-duplicate of the Meridian Wire article of 6 April: new headline and byline line, "
               "first sentence edited, one sentence added at the end.")


def txt_a08():
    a = A["a08"]
    body = []
    for i, p in enumerate(a["paras"]):
        body.append(p)
        if i == 3:
            body += ["Advertisement", ""]
        if i == 5:
            body.append("Read more: Biden's Vienna gamble hands Tehran the win it could not earn")
    text = "\n".join([
        a["title"],
        "THE DAILY BULWARK | OPINION",
        "News  Opinion  Politics  World  Video  Shop",
        "By Margaret Ellison",
        "Published by The Daily Bulwark on April 12, 2021 at 6:05 p.m. ET",
        "Share this article",
        "248 Comments",
        "Photo: The Natanz enrichment site in central Iran, in a file image. / Orbis Imaging via Lantern Photo",
        "",
    ]) + "\n" + "\n\n".join(body) + "\n\n" + "\n".join([
        "Comments (248)",
        "Join the conversation. Log in or register to comment.",
        "Sign up for our newsletter",
        "The Bulwark Brief: what the establishment won't tell you, every weekday.",
        "Next article \u203a",
        "Copyright \u00a9 2021 The Daily Bulwark LLC. All rights reserved.",
        "",
    ])
    rel = out("corpus/txt/dailybulwark-2021-04-12-israel-bought-time.txt", text)
    truth(rel, a, "a08", "txt",
          must_not_contain=["Advertisement", "Read more:", "Share this article", "248 Comments",
                            "Comments (248)", "Sign up for our newsletter", "Copyright", "Lantern Photo",
                            "Published by"])


def md_a07():
    a = A["a07"]
    body = []
    for i, p in enumerate(a["paras"]):
        body.append(p)
        if i == 4:
            body.append("> **Read more:** [Araqchi: \u201cNo step-by-step, sanctions must go at once\u201d]"
                        "(https://alborztimes.example/politics/2021/04/08/araqchi-no-step-by-step)")
    text = "\n\n".join([
        "# " + a["title"],
        "[Skip to main content](#content)",
        "[Home](https://alborztimes.example/) \u203a [Politics](https://alborztimes.example/politics) \u203a Nuclear",
        "*By Narges Tavakoli, Tehran*",
        "**April 12, 2021**",
        "![Foreign Minister Mohammad Javad Zarif](https://alborztimes.example/img/zarif-0412.jpg)\n"
        "*Photo: Foreign Minister Mohammad Javad Zarif speaks to reporters in Tehran. / Pars Lens Agency*",
    ] + body + [
        "---",
        "Share this article: [Telegram](https://t.me/share/url?url=https://alborztimes.example/n/81234) \u00b7 "
        "[Twitter](https://twitter.com/intent/tweet?url=https://alborztimes.example/n/81234) \u00b7 [Email](mailto:?)",
        "**Sign up for our newsletter** \u2014 the Alborz Times daily digest.",
        "Tags: Natanz, Zarif, JCPOA, Vienna talks",
        "\u00a9 2021 Alborz Times. All rights reserved.",
    ]) + "\n"
    rel = out("corpus/txt/alborztimes-2021-04-12-zarif-revenge.md", text)
    truth(rel, a, "a07", "md",
          must_not_contain=["Skip to main content", "Read more", "Share this article", "Sign up for our newsletter",
                            "Pars Lens Agency", "\u00a9 2021", "Tags:", "](http"],
          note="Markdown: headline as '# ' heading, byline in *italics*, date in **bold**; markup should not "
               "leak into the text.")


def txt_a17():
    a = A["a17"]
    body = []
    for i, p in enumerate(a["paras"]):
        body.append(p)
        if i == 2:
            body += ["Advertisement", ""]
        if i == 4:
            body.append("Read more: Israel just bought the West time. Biden should use it")
    text = "\n".join([
        a["title"],
        "THE DAILY BULWARK | OPINION",
        "News  Opinion  Politics  World  Video  Shop",
        "By Robert Hale",
        "Published by The Daily Bulwark on April 26, 2021 at 7:40 a.m. ET",
        "Share this article",
        "97 Comments",
        "",
    ]) + "\n" + "\n\n".join(body) + "\n\n" + "\n".join([
        "Comments (97)",
        "Join the conversation. Log in or register to comment.",
        "Sign up for our newsletter",
        "The Bulwark Brief: what the establishment won't tell you, every weekday.",
        "Copyright \u00a9 2021 The Daily Bulwark LLC. All rights reserved.",
        "",
    ])
    rel = out("corpus/txt/dailybulwark-2021-04-26-negotiating-with-itself.txt", text)
    truth(rel, a, "a17", "txt",
          must_not_contain=["Advertisement", "Read more:", "Share this article", "97 Comments",
                            "Comments (97)", "Sign up for our newsletter", "Copyright", "Published by"],
          note="Actor-merging traps: two Sullivans (Jake, Dan) and a bare 'Sullivan'; Kim Jong Un vs Helen Kim "
               "and a bare 'Kim'; Ned Price vs 'the price'; Washington the city vs Washington the government; "
               "E.U./European Union, UK/Britain, United States/America.")


# =============================================================================== HTML
COOKIE = """  <div id="cookie-banner" class="cookie-consent" role="dialog">
    <p>We use cookies to improve your experience and to show you personalised advertising. By continuing to browse you agree to our use of cookies.</p>
    <button class="accept">Accept all</button> <button class="reject">Manage settings</button>
  </div>"""


def share(url):
    u = attr(url)
    return f"""        <ul class="share-buttons" aria-label="Share this article">
          <li><a href="https://www.facebook.com/sharer/sharer.php?u={u}">Facebook</a></li>
          <li><a href="https://twitter.com/intent/tweet?url={u}">Twitter</a></li>
          <li><a href="https://www.linkedin.com/shareArticle?url={u}">LinkedIn</a></li>
          <li><a href="mailto:?subject=&amp;body={u}">Email</a></li>
        </ul>"""


def meridian_page(a, url, extra_head, time_html, inserts=None):
    t = esc(a["title"])
    byline = " and ".join(a["authors"])
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{t} | Meridian Wire</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="canonical" href="{attr(url)}">
{extra_head}
  <link rel="stylesheet" href="/static/mw.css">
  <script src="/static/analytics.js" async></script>
</head>
<body>
{COOKIE}
  <header class="site-header">
    <a class="logo" href="/">MERIDIAN WIRE</a>
    <nav class="main-nav">
      <ul><li><a href="/world">World</a></li><li><a href="/business">Business</a></li><li><a href="/markets">Markets</a></li><li><a href="/technology">Technology</a></li><li><a href="/about">About</a></li></ul>
    </nav>
    <form class="search" action="/search"><input name="q" placeholder="Search Meridian Wire"></form>
  </header>
  <main id="content">
    <article class="story">
      <div class="kicker"><a href="/world/middle-east">Middle East</a></div>
      <h1 class="headline">{t}</h1>
      <div class="byline">By {esc(byline)}</div>
      {time_html}
{share(url)}
      <figure class="lead-image">
        <img src="/img/{attr(a['published'])}-lead.jpg" alt="">
        <figcaption>File photo. Credit: Meridian Wire / Danube Press Agency</figcaption>
      </figure>
      <div class="article-body">
{ps(a["paras"], inserts=inserts)}
      </div>
      <p class="trust">Our Standards: The Meridian Wire Trust Principles.</p>
    </article>
    <aside class="related">
      <h2>Related coverage</h2>
      <ul>
        <li><a href="/world/2021/04/02/iran-world-powers-vienna">Iran and world powers to meet in Vienna on Tuesday</a></li>
        <li><a href="/markets/2021/04/09/oil-weekly">Oil heads for weekly loss on demand worries</a></li>
        <li><a href="/world/2021/04/05/jordan-palace">Jordan's king appears in public after palace rift</a></li>
      </ul>
    </aside>
    <section class="newsletter">
      <h2>Sign up for our newsletter</h2>
      <p>The Daily Briefing from Meridian Wire: the day's top stories, every morning.</p>
      <form><input type="email" placeholder="Your email"><button>Subscribe</button></form>
    </section>
  </main>
  <footer class="site-footer">
    <p>All quotes delayed a minimum of 15 minutes.</p>
    <ul><li><a href="/terms">Terms of use</a></li><li><a href="/privacy">Privacy</a></li><li><a href="/contact">Contact us</a></li></ul>
    <p>&copy; 2021 Meridian Wire. All rights reserved.</p>
  </footer>
</body>
</html>
"""


def html_a15():
    a = A["a15"]
    url = "https://meridianwire.example/world/2021/04/22/vienna-talks-sequencing-third-round"
    ld = {
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"],
        "datePublished": "2021-04-22T16:05:00Z",
        "author": [{"@type": "Person", "name": n} for n in a["authors"]],
        "publisher": {"@type": "Organization", "name": "Meridian Wire"},
        "mainEntityOfPage": url, "articleSection": "World",
    }
    head = ('  <script type="application/ld+json">\n' + json.dumps(ld, indent=2, ensure_ascii=False)
            + "\n  </script>")
    time_html = '<div class="dateline">April 22, 2021 4:05 PM UTC</div>'
    ins = {3: '        <div class="ad-slot" aria-hidden="true">Advertisement &middot; Scroll to continue with content</div>'}
    page = meridian_page(a, url, head, time_html, ins)
    rel = out("corpus/html/meridianwire-2021-04-22-vienna-sequencing.html", page)
    truth(rel, a, "a15", "html", url=url, metadata="JSON-LD NewsArticle (datePublished, author array)",
          must_not_contain=["cookies", "Advertisement", "Related coverage", "Sign up for our newsletter",
                            "All rights reserved", "Trust Principles", "Danube Press Agency"],
          note="Actor-merging traps: Robert Malley (envoy) and the invented analyst Sarah Malley, each also "
               "as a bare 'Malley'; Ali Vaez vs Ali Khamenei; Tehran acting vs 'flew back to Tehran'; "
               "Washington acting vs 'returned to Washington'; Vienna the venue vs Austria the host state.")


def html_a02():
    a = A["a02"]
    url = "https://meridianwire.example/world/2021/04/06/iran-talks-open-vienna-separate-hotels"
    ld = {
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"],
        "datePublished": "2021-04-06T14:32:00Z", "dateModified": "2021-04-06T18:05:00Z",
        "author": [{"@type": "Person", "name": n} for n in a["authors"]],
        "publisher": {"@type": "Organization", "name": "Meridian Wire",
                      "logo": {"@type": "ImageObject", "url": "https://meridianwire.example/static/logo.png"}},
        "mainEntityOfPage": url, "articleSection": "World",
    }
    head = ('  <script type="application/ld+json">\n' + json.dumps(ld, indent=2, ensure_ascii=False)
            + "\n  </script>")
    time_html = '<div class="dateline">April 6, 2021 2:32 PM UTC &middot; Updated 4 hours ago</div>'
    ins = {3: '        <div class="ad-slot" aria-hidden="true">Advertisement &middot; Scroll to continue with content</div>'}
    page = meridian_page(a, url, head, time_html, ins)
    rel = out("corpus/html/meridianwire-2021-04-06-vienna-talks-open.html", page)
    truth(rel, a, "a02", "html", url=url, metadata="JSON-LD NewsArticle (datePublished, author array, publisher)",
          must_not_contain=["cookies", "Advertisement", "Related coverage", "Sign up for our newsletter",
                            "All rights reserved", "Trust Principles", "Danube Press Agency"])


def html_a03():
    a = A["a03"]
    url = "https://dailybulwark.example/opinion/bidens-vienna-gamble-hands-tehran-the-win"
    head = f"""  <meta name="author" content="Robert Hale">
  <meta name="description" content="Diplomacy by hotel corridor: the administration is paying Iran to return to a deal it broke.">
  <meta property="og:type" content="article">
  <meta property="og:title" content="{attr(a['title'])}">
  <meta property="og:site_name" content="The Daily Bulwark">
  <meta property="og:url" content="{url}">
  <meta property="og:image" content="https://dailybulwark.example/img/vienna-hotel.jpg">
  <meta property="article:published_time" content="2021-04-07T21:15:00-04:00">
  <meta property="article:section" content="Opinion">
  <meta name="twitter:card" content="summary_large_image">"""
    paras = ps(a["paras"], inserts={
        2: '        <div class="inline-ad">ADVERTISEMENT</div>',
        5: '        <div class="read-more"><strong>Read more:</strong> <a href="/news/iran-natanz">What we know about Iran\'s nuclear sites</a></div>',
    })
    page = f"""<!doctype html>
<html lang="en-US">
<head>
  <meta charset="UTF-8">
  <title>{esc(a['title'])} - The Daily Bulwark</title>
{head}
</head>
<body class="single opinion">
  <div class="top-bar"><a href="/subscribe">SUBSCRIBE: $1 for 3 months</a> | <a href="/login">Log in</a></div>
  <header>
    <div class="masthead"><a href="/">THE DAILY BULWARK</a><span class="tagline">Unafraid. Unapologetic.</span></div>
    <nav><a href="/news">News</a> <a href="/opinion">Opinion</a> <a href="/politics">Politics</a> <a href="/world">World</a> <a href="/video">Video</a> <a href="/shop">Shop</a></nav>
  </header>
{COOKIE}
  <div class="breaking">BREAKING: Senate returns from recess next week</div>
  <main>
    <article>
      <span class="section-label">OPINION</span>
      <h1>{esc(a['title'])}</h1>
      <p class="dek">Diplomacy by hotel corridor: the administration is paying Iran to return to a deal it broke.</p>
      <div class="author-box"><a rel="author" href="/author/robert-hale">Robert Hale</a> <span class="date">April 7, 2021 9:15 p.m. ET</span></div>
{share(url)}
      <div class="entry-content">
{paras}
      </div>
      <div class="author-bio">Robert Hale is The Daily Bulwark's national security columnist. Follow him on Twitter @RHaleBulwark.</div>
    </article>
    <section id="comments">
      <h3>1,032 Comments</h3>
      <div class="comment"><b>PatriotMom76</b><p>Same mistake as 2015. When will they learn?</p></div>
      <div class="comment"><b>realist_in_ohio</b><p>At least they're talking. The alternative is another war.</p></div>
      <a href="#comments">Load more comments</a>
    </section>
    <aside class="trending"><h3>Trending</h3><ol><li><a href="/a/1">Border crossings hit new high</a></li><li><a href="/a/2">The woke war on gas stoves</a></li><li><a href="/a/3">Ten questions for the Pentagon</a></li></ol></aside>
    <div class="newsletter-signup"><h3>Sign up for our newsletter</h3><p>Get The Bulwark Brief delivered every weekday.</p><input type="email"><button>Sign me up</button></div>
  </main>
  <footer><p>Copyright &copy; 2021 The Daily Bulwark LLC. All rights reserved.</p><p><a href="/privacy">Privacy Policy</a> | <a href="/terms">Terms</a> | <a href="/ads">Advertise</a></p></footer>
</body>
</html>
"""
    rel = out("corpus/html/dailybulwark-2021-04-07-vienna-gamble.html", page)
    truth(rel, a, "a03", "html", url=url,
          dek="Diplomacy by hotel corridor: the administration is paying Iran to return to a deal it broke.",
          metadata="OpenGraph og:title/og:site_name, article:published_time 2021-04-07T21:15:00-04:00 "
                   "(local date 2021-04-07; converting to UTC would give 2021-04-08), meta name=author",
          must_not_contain=["cookies", "ADVERTISEMENT", "Read more", "Comments", "PatriotMom76", "Trending",
                            "Sign up for our newsletter", "national security columnist", "SUBSCRIBE",
                            "BREAKING"])


def html_a04():
    a = A["a04"]
    url = "https://alborztimes.example/politics/2021/04/08/araqchi-no-step-by-step"
    ld = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "@id": "https://alborztimes.example/#website", "name": "Alborz Times",
         "url": "https://alborztimes.example/"},
        {"@type": "BreadcrumbList", "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": "Home", "item": "https://alborztimes.example/"},
            {"@type": "ListItem", "position": 2, "name": "Politics", "item": "https://alborztimes.example/politics"}]},
        {"@type": "NewsArticle", "@id": url + "#article", "headline": a["title"],
         "datePublished": "2021-04-08T10:20:00+04:30", "dateModified": "2021-04-08T11:02:00+04:30",
         "author": {"@type": "Person", "name": "Mehdi Sadeghi"},
         "publisher": {"@id": "https://alborztimes.example/#website"}, "inLanguage": "en"},
    ]}
    paras = ps(a["paras"], inserts={
        3: '          <div class="related-inline">Related: <a href="/politics/2021/04/06/vienna-round">Vienna round opens with Iran\u2019s terms on the table</a></div>'})
    page = f"""<!DOCTYPE html>
<html dir="ltr" lang="en">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>Alborz Times - {esc(a['title'])}</title>
<meta property="og:site_name" content="Alborz Times">
<meta property="og:title" content="{attr(a['title'])}">
<meta property="og:description" content="Iran will not accept a step-by-step return to the JCPOA, its chief negotiator says.">
<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>
</head>
<body>
<div class="wrapper">
  <div class="header">
    <div class="date-today">Thursday, 8 April 2021 &ndash; 19 Farvardin 1400</div>
    <a href="/"><img src="/logo.png" alt="Alborz Times"></a>
    <ul class="menu"><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li><li><a href="/economy">Economy</a></li><li><a href="/world">World</a></li><li><a href="/culture">Culture</a></li><li><a href="/sport">Sport</a></li></ul>
  </div>
  <div class="content">
    <div class="news-body">
      <div class="breadcrumb"><a href="/">Home</a> &raquo; <a href="/politics">Politics</a></div>
      <h1 class="title">{esc(a['title'])}</h1>
      <div class="lead">Iran will not accept a step-by-step return to the JCPOA, its chief negotiator says.</div>
      <div class="info"><span class="author">Mehdi Sadeghi</span> &ndash; <span class="news-id">News ID: 80917</span></div>
      <div class="body">
{paras}
      </div>
      <div class="tags">Tags: <a href="/tag/jcpoa">JCPOA</a> <a href="/tag/araqchi">Araqchi</a> <a href="/tag/vienna">Vienna</a></div>
      <div class="share">Share this article: <a href="https://t.me/share/url?url={attr(url)}">Telegram</a> <a href="https://twitter.com/intent/tweet?url={attr(url)}">Twitter</a> <a href="#" onclick="window.print()">Print</a></div>
    </div>
    <div class="sidebar">
      <h4>Most viewed</h4>
      <ul><li><a href="/n/80870">Rial firms as Vienna talks begin</a></li><li><a href="/n/80801">Persian Gulf security must be ensured by regional countries</a></li><li><a href="/n/80766">Nowruz travel down 40% amid pandemic</a></li></ul>
      <div class="newsletter"><b>Sign up for our newsletter</b><input type="text" placeholder="Email"><input type="submit" value="OK"></div>
    </div>
  </div>
  <div class="footer">All content by Alborz Times is licensed under Creative Commons Attribution 4.0 International License. &copy; 2021 Alborz Times</div>
</div>
</body>
</html>
"""
    rel = out("corpus/html/alborztimes-2021-04-08-araqchi-no-step-by-step.html", page)
    truth(rel, a, "a04", "html", url=url,
          dek="Iran will not accept a step-by-step return to the JCPOA, its chief negotiator says.",
          metadata="JSON-LD in @graph form (NewsArticle with author object, datePublished +04:30), og:site_name, og:title",
          must_not_contain=["Related:", "Tags:", "Share this article", "Most viewed", "Sign up for our newsletter",
                            "Creative Commons", "Farvardin", "News ID"],
          note="Headline contains a quotation in curly marks, attributed by the 'Araqchi:' prefix.")


def html_a05():
    a = A["a05"]
    url = "https://continentalledger.example/markets/commodities/oil-slips-vienna-talks-iranian-barrels"
    paras = ps(a["paras"], indent="      ", inserts={
        2: '      <div class="mpu">Anzeige / Advertisement</div>',
        5: '      <p class="further"><a href="/markets/instex-explainer">Explainer: what is Instex?</a></p>'})
    page = f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="windows-1252">
<title>Oil slips as Vienna talks raise prospect of Iranian barrels \u2013 Continental Ledger</title>
<meta name="description" content="Brent falls as traders weigh a return of Iranian crude; European exporters wary.">
</head>
<body>
<div id="consent">This site uses cookies. <a href="/privacy">Privacy notice</a> <button>OK</button></div>
<div class="ticker">DAX 15,234.16 +0.2% \u00b7 EURO STOXX 50 3,978.86 +0.3% \u00b7 BRENT $62.90 \u22120.5% \u00b7 EUR/USD 1.1898</div>
<header><div class="brand">Continental Ledger</div><div class="claim">Europe\u2019s business daily</div>
<nav><a href="/">Home</a> \u00b7 <a href="/markets">Markets</a> \u00b7 <a href="/companies">Companies</a> \u00b7 <a href="/economy">Economy</a> \u00b7 <a href="/brussels">Brussels</a> \u00b7 <a href="/opinion">Opinion</a></nav></header>
<div class="page">
  <div class="story">
    <div class="rubric">Commodities</div>
    <h1>{esc(a['title'])}</h1>
    <h2 class="standfirst">Brent falls as traders weigh a return of Iranian crude; European exporters wary</h2>
    <div class="meta">By Anna Becker and Luca Moretti &middot; <time datetime="2021-04-09T11:48:00+02:00">9 April 2021, 11:48 CEST</time></div>
    <div class="text">
{paras}
    </div>
    <div class="sharebar">Share: <a href="#">LinkedIn</a> <a href="#">Xing</a> <a href="#">Twitter</a> <a href="#">E-Mail</a></div>
  </div>
  <div class="rail">
    <div class="box"><h3>Sign up for our newsletter</h3><p>Ledger Morning: markets before the opening bell.</p></div>
    <div class="box"><h3>Latest</h3><ul><li>Daimler lifts outlook on China demand</li><li>ECB\u2019s Lagarde: recovery \u201cstill fragile\u201d</li><li>Caf\u00e9 chains brace for third lockdown in Vienna</li></ul></div>
  </div>
</div>
<footer>\u00a9 Continental Ledger GmbH 2021 \u00b7 Impressum \u00b7 Datenschutz \u00b7 Terms</footer>
</body>
</html>
"""
    # \u2212 (minus) is not in windows-1252: use a hyphen in the ticker.
    page = page.replace("\u2212", "-")
    rel = out("corpus/html/continentalledger-2021-04-09-oil-slips.html", page, encoding="cp1252")
    truth(rel, a, "a05", "html", url=None, encoding="windows-1252",
          dek="Brent falls as traders weigh a return of Iranian crude; European exporters wary",
          metadata="<time datetime> in the visible byline; no JSON-LD, no OpenGraph; encoded windows-1252 "
                   "(curly quotes 0x93/0x94, apostrophe 0x92, em dash 0x97, euro sign 0x80, \u00df 0xDF, \u00fc 0xFC, \u00e9 0xE9)",
          must_not_contain=["cookies", "DAX", "Anzeige", "Explainer:", "Share:", "Sign up for our newsletter",
                            "Daimler", "Impressum"],
          must_contain=["\u20ac1.4 billion", "J\u00fcrgen Wei\u00df", "communiqu\u00e9", "Ringstra\u00dfe", "\u201cThe market"])


def html_a10():
    a = A["a10"]
    url = "https://arabiancompass.example/gulf/gulf-states-want-a-seat-at-the-table"
    paras = ps(a["paras"], indent="\t\t\t", inserts={
        4: '\t\t\t<div class="adbox"><span>Advertisement</span><iframe src="/ads/slot2"></iframe></div>'})
    page = f"""<html>
<head>
<meta charset="utf-8">
<title>{esc(a['title'])} - The Arabian Compass</title>
</head>
<body>
<div id="header"><a href="/"><img src="/compass.svg" alt="The Arabian Compass"></a>
<ul id="nav"><li><a href="/gulf">Gulf</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li><li><a href="/opinion">Opinion</a></li><li><a href="/lifestyle">Lifestyle</a></li></ul>
<div class="weather">Dubai 31&deg;C &middot; Riyadh 33&deg;C &middot; Doha 30&deg;C</div></div>
<div id="main">
\t<div class="post">
\t\t<h1 class="post-title">{esc(a['title'])}</h1>
\t\t<p class="post-byline">By Faisal Al-Mansoori | Dubai | Wednesday 14 April 2021</p>
\t\t<div class="share">Share this article <a href="#">f</a> <a href="#">t</a> <a href="#">in</a> <a href="#">wa</a></div>
\t\t<div class="post-body">
{paras}
\t\t</div>
\t\t<div class="post-related"><h3>Read more</h3><ul><li><a href="/world/us-iran-separate-hotels">U.S., Iran hold talks in Vienna \u2014 in separate hotels</a></li><li><a href="/gulf/houthi-drones-jazan">Coalition intercepts Houthi drones over Jazan</a></li></ul></div>
\t\t<div class="comments"><h3>Comments (3)</h3><p>Ahmed K.: Finally someone says it.</p><p>Sara: Oman is right, give it time.</p><p>J.M.: The region must be heard.</p></div>
\t</div>
</div>
<div id="footer"><div class="newsletter">Sign up for our newsletter &mdash; the Compass Morning Brief</div><p>&copy; 2021 The Arabian Compass. All rights reserved.</p></div>
</body>
</html>
"""
    rel = out("corpus/html/arabiancompass-2021-04-14-gulf-seat-at-table.html", page)
    truth(rel, a, "a10", "html", url=None,
          metadata="no metadata at all: the date is only in the visible byline 'By Faisal Al-Mansoori | Dubai | Wednesday 14 April 2021'",
          must_not_contain=["31\u00b0C", "Advertisement", "Read more", "Comments (3)", "Finally someone",
                            "Sign up for our newsletter", "All rights reserved", "Share this article"],
          note="Contains a two-paragraph quotation: the first paragraph opens with \u201c and does not close; "
               "the second reopens with \u201c and closes. Speaker: Layla Al-Harthy.")


# =============================================================================== WARC sources
def warc_src():
    # record 1: Meridian, 11 April (og + article:published_time)
    a = A["a06"]
    url6 = "https://meridianwire.example/world/2021/04/11/iran-natanz-nuclear-terrorism"
    head = f"""  <meta property="og:title" content="{attr(a['title'])}">
  <meta property="og:site_name" content="Meridian Wire">
  <meta property="og:type" content="article">
  <meta property="article:published_time" content="2021-04-11T13:07:00Z">
  <meta property="article:author" content="Samira Haddad">"""
    page = meridian_page(a, url6, head, '<div class="dateline">April 11, 2021</div>',
                         {4: '        <div class="ad-slot">Advertisement &middot; Scroll to continue with content</div>'})
    out("warc-src/meridianwire-2021-04-11-natanz.html", page)

    # record 2: Meridian, 13 April (JSON-LD)  -- served with Transfer-Encoding: chunked
    a = A["a09"]
    url9 = "https://meridianwire.example/world/2021/04/13/iran-enrich-60-percent-natanz"
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"],
          "datePublished": "2021-04-13T15:51:00Z", "author": {"@type": "Person", "name": "Clara Lindqvist"},
          "publisher": {"@type": "Organization", "name": "Meridian Wire"}}
    head = '  <script type="application/ld+json">' + json.dumps(ld) + "</script>"
    page = meridian_page(a, url9, head, '<div class="dateline">April 13, 2021</div>')
    out("warc-src/meridianwire-2021-04-13-sixty-percent.html", page)

    # record 3: Continental Ledger reprint of the 11 April wire story, 12 April
    a = R2
    url_r2 = "https://continentalledger.example/world/natanz-blackout-tehran-nuclear-terrorism"
    page = f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>{esc(a['title'])} \u2013 Continental Ledger</title>
<meta name="author" content="Meridian Wire">
</head>
<body>
<div id="consent">This site uses cookies. <a href="/privacy">Privacy notice</a> <button>OK</button></div>
<header><div class="brand">Continental Ledger</div>
<nav><a href="/">Home</a> \u00b7 <a href="/markets">Markets</a> \u00b7 <a href="/companies">Companies</a> \u00b7 <a href="/world">World</a></nav></header>
<div class="page">
  <div class="story">
    <div class="rubric">World</div>
    <h1>{esc(a['title'])}</h1>
    <div class="meta">{esc(a['byline'])} &middot; <time datetime="2021-04-12T07:30:00+02:00">12 April 2021, 07:30 CEST</time></div>
    <div class="text">
{ps(a["paras"], indent="      ")}
    </div>
    <div class="sharebar">Share: <a href="#">LinkedIn</a> <a href="#">Xing</a> <a href="#">Twitter</a></div>
  </div>
  <div class="rail"><div class="box"><h3>Sign up for our newsletter</h3><p>Ledger Morning.</p></div></div>
</div>
<footer>\u00a9 Continental Ledger GmbH 2021 \u00b7 Impressum \u00b7 Datenschutz</footer>
</body>
</html>
"""
    out("warc-src/continentalledger-2021-04-12-natanz-reprint.html", page)

    wpath = "corpus/warc/cc-news-sample.warc.gz"
    truth(wpath, A["a06"], "a06", "warc", record_index=1, response_index=0, url=url6,
          warc_date="2021-04-11T14:02:11Z", source_html="warc-src/meridianwire-2021-04-11-natanz.html",
          metadata="og:title, og:site_name, article:published_time, article:author",
          must_not_contain=["cookies", "Advertisement", "Related coverage", "Sign up for our newsletter", "All rights reserved", "Trust Principles"])
    truth(wpath, A["a09"], "a09", "warc", record_index=2, response_index=1, url=url9,
          warc_date="2021-04-13T16:40:52Z", source_html="warc-src/meridianwire-2021-04-13-sixty-percent.html",
          transfer_encoding="chunked", metadata="JSON-LD NewsArticle",
          must_not_contain=["cookies", "Advertisement", "Related coverage", "Sign up for our newsletter", "All rights reserved", "Trust Principles"])
    truth(wpath, R2, "r2", "warc", record_index=3, response_index=2, url=url_r2,
          warc_date="2021-04-12T06:15:37Z", source_html="warc-src/continentalledger-2021-04-12-natanz-reprint.html",
          reprint_of=wpath + "#record=1",
          metadata="<time datetime> and meta author 'Meridian Wire' (an outlet, not a person)",
          must_not_contain=["cookies", "Sign up for our newsletter", "Share:", "Impressum"],
          note="Near-duplicate of record 1: new headline and byline line, last sentence of the Netanyahu "
               "paragraph removed, one market sentence added at the end.")


# =============================================================================== FEEDS
def rss():
    a1, a12 = A["a01"], A["a12"]
    u1 = "https://meridianwire.example/world/2021/04/02/iran-world-powers-vienna"
    u12 = "https://meridianwire.example/world/2021/04/17/iaea-confirms-iran-60-percent"
    body1 = "".join(f"<p>{esc(p)}</p>" for p in a1["paras"])
    body12 = "".join(f"<p>{esc(p)}</p>" for p in a12["paras"])
    feed = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"
     xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>Meridian Wire - World News</title>
    <link>https://meridianwire.example/world</link>
    <atom:link href="https://meridianwire.example/world/rss.xml" rel="self" type="application/rss+xml"/>
    <description>Top world news from Meridian Wire.</description>
    <language>en-us</language>
    <copyright>Copyright 2021 Meridian Wire</copyright>
    <lastBuildDate>Sat, 17 Apr 2021 16:20:00 GMT</lastBuildDate>
    <item>
      <title>{esc(a12['title'])}</title>
      <link>{u12}</link>
      <guid isPermaLink="true">{u12}</guid>
      <pubDate>Sat, 17 Apr 2021 15:58:00 GMT</pubDate>
      <author>newsdesk@meridianwire.example (Tomasz Wierzbicki)</author>
      <category>World</category>
      <description>{esc(body12)}</description>
    </item>
    <item>
      <title>{esc(a1['title'])}</title>
      <link>{u1}</link>
      <guid isPermaLink="false">mw-20210402-1742-iran-vienna</guid>
      <pubDate>Fri, 02 Apr 2021 17:42:00 GMT</pubDate>
      <dc:creator>Clara Lindqvist</dc:creator>
      <category>World</category>
      <category>Middle East</category>
      <description>Iran and the remaining parties to the 2015 nuclear deal will meet in Vienna next week; the United States will take part only indirectly.</description>
      <content:encoded><![CDATA[{body1}<p class="feedflare"><a href="https://meridianwire.example/world">More world news</a></p>]]></content:encoded>
    </item>
  </channel>
</rss>
"""
    rel = out("corpus/feed/meridianwire-world.rss.xml", feed)
    truth(rel, a12, "a12", "rss", item_index=0, guid=u12, url=u12,
          note="Full text as entity-escaped HTML in <description>; author in RSS <author> form 'email (Name)'.")
    truth(rel, a1, "a01", "rss", item_index=1, guid="mw-20210402-1742-iran-vienna", url=u1,
          must_not_contain=["More world news"],
          note="Full text in content:encoded (CDATA); <description> holds only a one-sentence summary; "
               "author in dc:creator. The trailing 'More world news' feed link is furniture.")


def atom():
    a = A["a11"]
    u = "https://continentalledger.example/brussels/e3-grave-concern-vienna-talks-resume"
    body = "".join(f"<p>{esc(p)}</p>" for p in a["paras"])
    feed = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>Continental Ledger \u2013 Brussels</title>
  <subtitle>EU policy, trade and the single market</subtitle>
  <link rel="self" href="https://continentalledger.example/brussels/atom.xml"/>
  <link rel="alternate" href="https://continentalledger.example/brussels"/>
  <id>tag:continentalledger.example,2021:brussels</id>
  <updated>2021-04-15T10:12:00+02:00</updated>
  <entry>
    <title type="html">{esc(esc(a['title']))}</title>
    <link rel="alternate" type="text/html" href="{u}"/>
    <id>tag:continentalledger.example,2021-04-15:/brussels/e3-grave-concern</id>
    <published>2021-04-15T09:30:00+02:00</published>
    <updated>2021-04-15T10:12:00+02:00</updated>
    <author><name>Luca Moretti</name></author>
    <category term="Iran"/>
    <summary>France, Germany and Britain voice grave concern over Iran\u2019s 60% enrichment plan as talks resume.</summary>
    <content type="html">{esc(body)}</content>
  </entry>
</feed>
"""
    rel = out("corpus/feed/continentalledger-brussels.atom.xml", feed)
    truth(rel, a, "a11", "atom", item_index=0, url=u,
          guid="tag:continentalledger.example,2021-04-15:/brussels/e3-grave-concern",
          note="Atom entry with <content type=\"html\"> (escaped HTML) and a <summary>; title is type=\"html\" "
               "(escaped twice in the XML source).")


# =============================================================================== JSONL
def jsonl():
    a13, a12, a14 = A["a13"], A["a12"], A["a14"]
    u14 = "https://meridianwire.example/world/2021/04/20/vienna-talks-break-consultations"
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a14["title"],
          "datePublished": "2021-04-20T17:25:00Z",
          "author": [{"@type": "Person", "name": n} for n in a14["authors"]],
          "publisher": {"@type": "Organization", "name": "Meridian Wire"}}
    head = '  <script type="application/ld+json">' + json.dumps(ld) + "</script>"
    page14 = meridian_page(a14, u14, head, '<div class="dateline">April 20, 2021</div>')
    rows = [
        {"id": "alborz-20210418-leader-attritional", "title": a13["title"], "outlet": a13["outlet"],
         "published": a13["published"], "text": "\n\n".join(a13["paras"])},
        {"id": "meridian-20210417-iaea-60", "title": a12["title"], "outlet": a12["outlet"],
         "published": a12["published"], "text": "\n\n".join(a12["paras"])},
        {"id": "meridian-20210420-vienna-break", "title": a14["title"], "outlet": a14["outlet"],
         "published": a14["published"], "url": u14, "html": page14},
        {"id": "alborz-20210424-majlis-hold-firm", "title": A["a16"]["title"], "outlet": A["a16"]["outlet"],
         "published": A["a16"]["published"], "text": "\n\n".join(A["a16"]["paras"])},
        {"id": "ledger-20210427-vienna-long-negotiation", "title": A["a18"]["title"], "outlet": A["a18"]["outlet"],
         "published": A["a18"]["published"], "text": "\n\n".join(A["a18"]["paras"])},
    ]
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    rel = out("corpus/jsonl/articles.jsonl", text)
    truth(rel, a13, "a13", "jsonl", line=1, id=rows[0]["id"],
          note="JSONL text is analysed verbatim. Two-paragraph quotation (reopened \u201c) from Khamene\u2019i, "
               "introduced by a paragraph ending in 'said:'.")
    truth(rel, a12, "a12", "jsonl", line=2, id=rows[1]["id"],
          duplicate_of="corpus/feed/meridianwire-world.rss.xml#item=0",
          note="Exact duplicate: the same article as RSS item 0; the text equals the feed item's paragraphs joined by blank lines.")
    truth(rel, a14, "a14", "jsonl-html", line=3, id=rows[2]["id"], url=u14,
          metadata="JSON-LD NewsArticle inside the html field",
          must_not_contain=["cookies", "Related coverage", "Sign up for our newsletter", "All rights reserved", "Trust Principles"])
    truth(rel, A["a16"], "a16", "jsonl", line=4, id=rows[3]["id"],
          note="Actor-merging traps: Mohammad-Javad Zarif (hyphen) vs Mohammad Javad Zarif elsewhere; the invented "
               "MP Mohammad Reza Nazari (same first name); Mohammad-Baqer Qalibaf = Mohammad Bagher Ghalibaf (a12); "
               "Ali-Akbar Salehi = Ali Akbar Salehi (a06); Reza Mousavi vs Mir-Hossein Mousavi in one paragraph, "
               "bare 'Mousavi' = Reza; Ulianov, Araqchi, Khamene\u2019i, Rohani; United Nations / UN; "
               "'Lawmakers in Tehran' (city) vs 'Tehran has made clear' (the state).")
    truth(rel, A["a18"], "a18", "jsonl", line=5, id=rows[4]["id"],
          note="Actor-merging traps: Sarah Malley alone, so the bare 'Malley' is her (elsewhere mostly Robert Malley); "
               "J\u00fcrgen Weiss = J\u00fcrgen Wei\u00df (a05); Vienna (city) vs Austria (state); EU / European Union; "
               "UK / Britain / United Kingdom; US / United States / 'waiting for Washington'; IAEA / International "
               "Atomic Energy Agency; UN.")


# =============================================================================== BAD INPUTS
def bad():
    out("bad/empty.txt", b"")
    # deterministic pseudo-random bytes with NULs, a PNG-like signature and invalid UTF-8
    x, buf = 2021, bytearray(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    for _ in range(4096):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        buf.append((x >> 16) & 0xFF)
    out("bad/binary.bin", bytes(buf))
    good1 = {"id": "bad-ok-1", "title": "Talks resume in Vienna", "outlet": "Meridian Wire",
             "published": "2021-04-15", "text": "VIENNA (Meridian Wire) - Talks resumed in Vienna on Thursday."}
    good2 = {"id": "bad-ok-2", "title": "Araghchi upbeat", "outlet": "Meridian Wire",
             "published": "2021-04-17", "text": "Abbas Araghchi said a new understanding was emerging."}
    broken = '{"id": "bad-broken", "title": "Unterminated, "outlet": "Meridian Wire", "text": "Iran said'
    out("bad/malformed.jsonl", json.dumps(good1) + "\n" + broken + "\n" + json.dumps(good2) + "\n")
    latin1 = ("Caf\u00e9 diplomacy on the Ring\n\n"
              "April 16, 2021\n\n"
              "VIENNA - Between sessions at the Grand Hotel, delegates retreat to the Caf\u00e9 Landtmann, "
              "where the waiters call everyone \u00abHerr Doktor\u00bb. A British delegate, paying \u00a312 for "
              "coffee and Sachertorte, said the talks were going \u00abbetter than the caf\u00e9 prices\u00bb. "
              "The Au\u00dfenministerium expects the Gespr\u00e4che to continue in May.\n")
    out("bad/latin1-no-declaration.txt", latin1, encoding="latin-1")
    out("bad/broken.html",
        "<html><head><title>Broken page<title><meta charset=utf-8\n<body><div><div><p>VIENNA - Iran and"
        "<b><i>the E3 met on Tuesday <table><tr><td>cell<p>unclosed paragraph <a href='x>link\n"
        "\x00\x01garbage\ufffd\ufffd <<<>>> </span></div></div></div></div> &nbsp &amp; &bogus; "
        "<script>var x = '</p>'; while(1){}</script><p>Talks in Vienna resumed.<div")
    # bad/truncated.warc.gz is written by make_warc.py


def main():
    txt_r1(); txt_a08(); md_a07(); txt_a17()
    html_a02(); html_a03(); html_a04(); html_a05(); html_a10(); html_a15()
    warc_src(); rss(); atom(); jsonl(); bad()
    doc = {
        "about": "Ground truth for the dossier example corpus. All articles are invented fiction written for "
                 "testing; see README.md. first_8_words/last_8_words are whitespace-split words of the article "
                 "body after boilerplate removal (headline, standfirst/dek (given as `dek` where present), byline, date line, author bio and furniture excluded; an inline "
                 "dateline such as 'VIENNA (Meridian Wire) -' is part of the first paragraph and so of the body). "
                 "Words are counted across paragraph breaks (paragraphs joined by whitespace). For feeds, WARC and JSONL, item_index / record_index / line locate the item; record_index counts "
                 "all WARC records from 0 (0 = warcinfo), response_index counts response records only; line is 1-based.",
        "outlets": {k: v for k, v in OUTLETS.items()},
        "articles": TRUTH,
    }
    out("truth.json", json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    print(f"wrote {len(TRUTH)} truth entries")


if __name__ == "__main__":
    main()
