//! Cleaning of copy-pasted articles (plain text and Markdown).
//!
//! People save articles by selecting a page and pasting it: the headline comes first, then a
//! date line or a byline, the body, and around it whatever the site printed — "Skip to main
//! content", share buttons, newsletter boxes, "Read more:" links, comment counts, breadcrumbs,
//! copyright and photo credits. This module drops that furniture from the analysed text and keeps
//! what it said as metadata (title, date, authors, outlet, dateline). Each rule is a whole-line
//! decision: a line is either furniture or article text, so article sentences are never cut.

use std::sync::OnceLock;

use regex::{Regex, RegexSet};

/// What cleaning found: the body to analyse and the metadata the furniture carried.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cleaned {
    pub title: Option<String>,
    pub published: Option<String>,
    pub authors: Vec<String>,
    pub outlet: Option<String>,
    pub dateline: Option<String>,
    /// Paragraphs separated by a blank line.
    pub body: String,
}

struct Rules {
    furniture: RegexSet,
    end: RegexSet,
    md_image: Regex,
    credit: Regex,
    byline: Regex,
    published_by: Regex,
    copyright: Regex,
    dateline: Regex,
    date_words: Regex,
    md_link: Regex,
    md_emphasis: Regex,
}

fn rules() -> &'static Rules {
    static R: OnceLock<Rules> = OnceLock::new();
    R.get_or_init(|| Rules {
        // Each pattern matches a whole trimmed line, case-insensitively.
        furniture: RegexSet::new([
            r"(?i)^(skip|jump) to (the )?(main )?(content|navigation|article)\b.*$",
            r"(?i)^skip navigation$",
            r"(?i)^((share|tweet|email|e-mail|print|save|copy link|facebook|twitter|x|whatsapp|linkedin|reddit|telegram|pinterest|flipboard)(\s+(this|the)\s+(article|story|page))?\s*[|•·,/]?\s*)+$",
            r"(?i)^share (this|the) (article|story|page|on \w+).{0,40}$",
            r"(?i)^(sign up|subscribe|register)\b.{0,140}$",
            r"(?i)^.{0,80}\bnewsletters?\b.{0,80}$",
            r"(?i)^(read more|read also|also read|see also|related( articles| stories| coverage)?|more on this( story)?|recommended( for you)?|most (read|popular|viewed)|trending( now)?|you may also like|further reading|watch|listen)\s*(:|\||-|–|—|$).{0,200}$",
            r"(?i)^(advertisement|advert|sponsored( content)?|ad|promoted|paid content|story continues below( advertisement)?|continue reading( below)?|scroll to continue.*)$",
            r"(?i)^.{0,100}\bin your inbox\b.{0,80}$",
            r"(?i)^(follow us|like us|download (our|the) app|get the app|listen to (this|the) (article|story)|[0-9]+\s*(min|minute)s?\s+read|reading time\b.*|back to top|print this (page|article)|click here\b.*|open in app|log ?in|sign ?in|menu|search|close|cookies?\b.{0,120}|we use cookies\b.*|accept( all)?( cookies)?)$",
            r"(?i)^(all rights reserved)\.?$",
        ])
        .unwrap(),
        // Lines that only ever follow an article: the body is over.
        end: RegexSet::new([
            r"(?i)^([0-9]+|no)\s+comments?$",
            r"(?i)^(view|show|load|read|see|join|post|add|leave) ([0-9]+ |all |the )?(a )?(comments?|replies|conversation|discussion)\b.{0,60}$",
            r"(?i)^comments?(\s*\([0-9]+\))?$",
            r"(?i)^(most (read|popular|viewed|shared)|trending( now)?|more (from|on|in) .{1,40}|related (articles|stories|coverage)|you may also like|recommended( for you)?|next article|previous article|up next)\b.{0,10}$",
            r"(?i)^(tags?|topics?|filed under|categories|category)\s*:.{0,200}$",
            r"(?i)^about us\b.{0,120}$",
        ])
        .unwrap(),
        md_image: Regex::new(r"!\[[^\]]*\]\([^)]*\)").unwrap(),
        credit: Regex::new(r"(?i)^(\(?\s*(photo|image|picture|photograph|file photo|illustration|video|graphic)s?\s*(credit|source|caption)?\s*(:|by\b|©)|image (caption|source)\b|credit\s*:).{0,200}$|^.{0,160}\((photo|image)s?\s*(by|:)?[^)]*/[^)]*\)$|^.{0,160}/\s*(AFP|Reuters|AP|Getty Images|EPA|Anadolu|Xinhua|Bloomberg)( via Getty Images)?\)?$").unwrap(),
        byline: Regex::new(r"^(?i:by|written by|words by)\s+(.{2,160})$").unwrap(),
        published_by: Regex::new(r"(?i)^(published|posted|first published|last updated|updated|source)\s*(by|on|in|:|at)?\s*(.*)$").unwrap(),
        copyright: Regex::new(r"(?i)^(©|\(c\)|copyright\b)\s*(©)?\s*([0-9]{4}(\s*[-–]\s*[0-9]{4})?)?\s*(.*?)\s*(\.?\s*all rights reserved\.?)?$").unwrap(),
        dateline: Regex::new(r"^([A-Z][A-Z.'’\- ]{1,40}(?:,\s*[A-Z][A-Za-z.'’\- ]{1,40})?)\s*(?:\([^)]{1,40}\))?\s*(?:—|–|--|-)\s*").unwrap(),
        date_words: Regex::new(r"(?i)\b(published|posted|updated|last|first|on|at|mon(day)?|tue(s(day)?)?|wed(nesday)?|thu(r(s(day)?)?)?|fri(day)?|sat(urday)?|sun(day)?|gmt|utc|bst|est|edt|cet|cest|pst|pdt|am|pm|a\.m\.|p\.m\.|[0-9]{1,2}[:.][0-9]{2}|[0-9]+)\b|[|,:\-–—•·()]").unwrap(),
        md_link: Regex::new(r"!?\[([^\]]*)\]\([^)]*\)").unwrap(),
        md_emphasis: Regex::new(r"(\*\*|__)(.+?)(\*\*|__)").unwrap(),
    })
}

/// The first plausible publication date written in a line, with where it is. Pasted pages say
/// nothing of their language, so numeric dates are read month first.
fn find_date(line: &str) -> Option<(chrono::NaiveDate, std::ops::Range<usize>)> {
    let latest = dossier_dates::latest_publication_today();
    dossier_dates::find_all(line, dossier_dates::Order::MonthFirst)
        .find(|f| dossier_dates::is_plausible_publication(f.date, latest))
        .map(|f| (f.date, f.range))
}

/// What one line of a pasted page is.
enum Line {
    /// Article text (or a header line that may be the headline).
    Content(String),
    /// Metadata or furniture: already recorded, not text.
    Dropped,
    /// Furniture that only follows an article (comments, "Most read", copyright, tags): the body
    /// has ended.
    End,
}

/// Cleans one copy-pasted article.
///
/// A pasted page has three zones: a header (masthead, menus, headline, byline, date), the body,
/// and a footer (comments, newsletter boxes, "Most read", copyright). The body starts at the
/// first line of prose and ends at the first line that only ever follows an article; furniture
/// inside the body (an "Advertisement" line, a "Read more:" link) is dropped line by line.
pub fn clean(text: &str, markdown: bool) -> Cleaned {
    let r = rules();
    let mut out = Cleaned::default();
    let normalised = text.replace("\r\n", "\n").replace('\r', "\n");
    // (line, blank line before it)
    let mut lines: Vec<(Line, bool)> = Vec::new();
    let mut gap = false;
    let mut md_title = None;
    for raw in normalised.lines() {
        let mut line = raw.trim().replace('\u{a0}', " ");
        if markdown {
            if let Some(h) = line.strip_prefix('#') {
                let h = h.trim_start_matches('#').trim().to_string();
                if md_title.is_none() && lines.iter().all(|(l, _)| !matches!(l, Line::Content(_))) {
                    md_title = Some(h);
                    continue;
                }
                line = h;
            }
            line = line.trim_start_matches('>').trim().to_string();
            line = r.md_image.replace_all(&line, "").into_owned();
            line = r.md_link.replace_all(&line, "$1").into_owned();
            line = r.md_emphasis.replace_all(&line, "$2").into_owned();
            if let Some(inner) = line.strip_prefix('*').and_then(|l| l.strip_suffix('*')) {
                line = inner.trim().to_string();
            }
            if line.chars().all(|c| matches!(c, '-' | '*' | '_' | ' ')) {
                line.clear();
            }
        }
        if line.is_empty() {
            gap = true;
            continue;
        }
        let kind = classify(&line, &mut out);
        lines.push((kind, gap));
        gap = false;
    }

    // The body starts at the first prose line and ends at the first end-of-article line after it.
    let first_prose = lines
        .iter()
        .position(|(l, _)| matches!(l, Line::Content(c) if is_prose(c)));
    // Without a line of prose, a short text is still an article if it has a sentence ("The
    // talks resumed on Tuesday."); menus, headline lists and link labels never end like one,
    // so a page of nothing but furniture keeps no body and is refused by the caller.
    let has_sentence = lines
        .iter()
        .any(|(l, _)| matches!(l, Line::Content(c) if is_sentence(c)));
    let body_start = first_prose
        .or_else(|| {
            lines
                .iter()
                .position(|(l, _)| matches!(l, Line::Content(_)))
                .filter(|_| has_sentence)
        })
        .unwrap_or(lines.len());
    let body_end = lines[body_start..]
        .iter()
        .position(|(l, _)| matches!(l, Line::End))
        .map_or(lines.len(), |i| body_start + i);

    // The headline: a Markdown heading, else the longest plausible header line.
    out.title = md_title.or_else(|| {
        lines[..body_start]
            .iter()
            .filter_map(|(l, _)| match l {
                Line::Content(c) if looks_like_headline(c) => Some(c),
                _ => None,
            })
            .max_by_key(|c| (c.split_whitespace().count(), std::cmp::Reverse(c.len())))
            .cloned()
    });

    let mut body_lines: Vec<(&str, bool)> = lines[body_start..body_end]
        .iter()
        .filter_map(|(l, gap)| match l {
            Line::Content(c) => Some((c.as_str(), *gap)),
            _ => None,
        })
        .collect();
    // No prose and no header: a single short line is its own body rather than its title.
    if body_lines.is_empty() && first_prose.is_none() {
        out.title = None;
    }

    // A dateline on a line of its own is dropped; one that opens the first paragraph is kept in
    // the text (it is part of the sentence) and recorded.
    if let Some((line, _)) = body_lines.first()
        && let Some(c) = r.dateline.captures(line)
    {
        let place = c[1].trim().trim_end_matches(',').to_string();
        if place.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
            out.dateline = Some(place);
            if c.get(0).unwrap().end() == line.len() {
                body_lines.remove(0);
            }
        }
    }

    let mut body = String::new();
    let mut prev_len = 0usize;
    for (i, (line, gap_before)) in body_lines.iter().enumerate() {
        if i > 0 {
            // Hard-wrapped paragraphs: a long line without closing punctuation goes on.
            let wrapped = !gap_before && prev_len >= 50 && !ends_sentence(&body);
            body.push_str(if wrapped { " " } else { "\n\n" });
        }
        body.push_str(line);
        prev_len = line.len();
    }
    out.body = body;
    out
}

/// Decides what a line is, recording any metadata it carries.
fn classify(line: &str, out: &mut Cleaned) -> Line {
    let r = rules();
    if r.end.is_match(line) {
        return Line::End;
    }
    if let Some(c) = r.copyright.captures(line) {
        if out.outlet.is_none() {
            let owner = c
                .get(5)
                .map_or("", |m| m.as_str())
                .trim_end_matches('.')
                .trim();
            let owner = owner
                .strip_suffix(" LLC")
                .or_else(|| owner.strip_suffix(" Ltd"))
                .unwrap_or(owner);
            if !owner.is_empty() && owner.len() < 80 {
                out.outlet = Some(owner.to_string());
            }
        }
        return Line::End;
    }
    if r.furniture.is_match(line) || r.credit.is_match(line) || is_navigation(line) {
        return Line::Dropped;
    }
    if line.len() <= 120
        && let Some(c) = r.published_by.captures(line)
    {
        let by = c
            .get(2)
            .is_some_and(|m| m.as_str().eq_ignore_ascii_case("by"));
        let rest = c.get(3).map_or("", |m| m.as_str()).trim();
        let date = find_date(rest);
        if by || date.is_some() {
            if let Some((d, _)) = &date
                && out.published.is_none()
            {
                out.published = Some(d.format("%Y-%m-%d").to_string());
            }
            // "Published by The Daily Bulwark on April 7, 2021 at 6:05 p.m. ET"
            let name = rest.split([',', '|']).next().unwrap_or("");
            let name = [" on ", " at ", " in "]
                .iter()
                .filter_map(|sep| name.find(sep))
                .min()
                .map_or(name, |i| &name[..i])
                .trim()
                .trim_end_matches('.');
            if by
                && out.outlet.is_none()
                && name.len() > 1
                && name.len() < 80
                && find_date(name).is_none()
            {
                out.outlet = Some(name.to_string());
            }
            return Line::Dropped;
        }
    }
    if is_date_line(line) {
        if out.published.is_none()
            && let Some((d, _)) = find_date(line)
        {
            out.published = Some(d.format("%Y-%m-%d").to_string());
        }
        return Line::Dropped;
    }
    if let Some(c) = r.byline.captures(line)
        && let Some(names) = parse_byline(&c[1])
    {
        out.authors.extend(names);
        return Line::Dropped;
    }
    Line::Content(line.to_string())
}

/// A line of running text rather than a heading, label or menu.
fn is_prose(line: &str) -> bool {
    let words = line.split_whitespace().count();
    words >= 14 || (words >= 8 && ends_sentence(line) && !line.ends_with(':'))
}

/// A short line that reads as a sentence: several words, some in lower case, and a sentence's
/// closing punctuation (a headline or a menu item has none).
fn is_sentence(line: &str) -> bool {
    line.split_whitespace().count() >= 4
        && line.chars().any(char::is_lowercase)
        && line.trim_end().ends_with(['.', '!', '?', '"', '”', '’'])
}

/// Breadcrumbs and menus: short segments joined by separators ("Home | World | Middle East",
/// "News › Politics", "News  Opinion  Politics  World"), with no sentence punctuation.
fn is_navigation(line: &str) -> bool {
    let by_marks: Vec<&str> = line
        .split(['|', '›', '»', '>', '•', '·'])
        .map(str::trim)
        .collect();
    let by_gaps: Vec<&str> = line
        .split("  ")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    [by_marks, by_gaps].iter().any(|segments| {
        segments.len() >= 3
            && line.len() <= 160
            && segments
                .iter()
                .all(|s| s.split_whitespace().count() <= 4 && !s.ends_with(['.', '?', '!']))
    })
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end()
        .ends_with(['.', '!', '?', ':', '"', '”', '’', '\'', ')', ']'])
}

fn looks_like_headline(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (2..=30).contains(&words) && line.len() <= 220 && !line.ends_with(['.', ',', ';'])
}

/// A line that is only a date (with weekday, time, zone and labels around it).
fn is_date_line(line: &str) -> bool {
    if line.len() > 100 {
        return false;
    }
    let Some((_, range)) = find_date(line) else {
        return false;
    };
    let rest = format!("{} {}", &line[..range.start], &line[range.end..]);
    let rest = rules().date_words.replace_all(&rest, " ");
    rest.split_whitespace().count() == 0
}

/// Names from a byline ("Jane Doe and John Roe, Vienna correspondent"): runs of two to four
/// capitalised words; roles, places and outlets after them are dropped. A byline that names only
/// an organisation ("By Meridian Wire") gives no authors but is still a byline.
fn parse_byline(s: &str) -> Option<Vec<String>> {
    const ORGANISATION: [&str; 16] = [
        "Wire",
        "News",
        "Staff",
        "Agency",
        "Press",
        "Service",
        "Desk",
        "Reporters",
        "Times",
        "Post",
        "Bureau",
        "Media",
        "Network",
        "Team",
        "Editors",
        "Editorial",
    ];
    let main = s.split(['|', '—', '–']).next()?.trim();
    let mut names = Vec::new();
    for (i, part) in main
        .split(" and ")
        .flat_map(|p| p.split(" & "))
        .flat_map(|p| p.split(", "))
        .enumerate()
    {
        let part = part.trim().trim_end_matches('.');
        let words: Vec<&str> = part.split_whitespace().collect();
        let capitalised = !words.is_empty()
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()));
        if i == 0 && !capitalised {
            return None;
        }
        if capitalised
            && (2..=4).contains(&words.len())
            && !words.iter().any(|w| ORGANISATION.contains(w))
        {
            names.push(part.to_string());
        } else if i > 0 {
            break; // a role, a place or an outlet follows the names
        }
    }
    Some(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "Skip to main content
Home | World | Middle East

Envoys report progress at Vienna nuclear talks

By Anna Lindqvist and Karim Haddad, Vienna correspondents
April 7, 2021

Share this article

VIENNA — Diplomats said on Wednesday that talks on reviving the 2015 nuclear agreement had made
progress, though major gaps remained.

Sign up for our Morning Briefing newsletter

\"We are on the right track,\" one envoy told reporters.
Read more: What the 2015 deal promised
Advertisement
Photo: Maria Keller / AFP

The talks resume next week.

12 comments
© 2021 The Danube Ledger. All rights reserved.
";

    #[test]
    fn furniture_is_dropped_and_metadata_kept() {
        let c = clean(PAGE, false);
        assert_eq!(
            c.title.as_deref(),
            Some("Envoys report progress at Vienna nuclear talks")
        );
        assert_eq!(c.published.as_deref(), Some("2021-04-07"));
        assert_eq!(c.authors, vec!["Anna Lindqvist", "Karim Haddad"]);
        assert_eq!(c.outlet.as_deref(), Some("The Danube Ledger"));
        assert_eq!(c.dateline.as_deref(), Some("VIENNA"));
        assert_eq!(
            c.body,
            "VIENNA — Diplomats said on Wednesday that talks on reviving the 2015 nuclear agreement had made progress, though major gaps remained.\n\n\"We are on the right track,\" one envoy told reporters.\n\nThe talks resume next week."
        );
    }

    #[test]
    fn breadcrumbs_survive_only_when_they_are_prose() {
        let c = clean(
            "Title of the story here\n\nShare prices fell 3% on Tuesday after the talks stalled.\n",
            false,
        );
        assert_eq!(
            c.body,
            "Share prices fell 3% on Tuesday after the talks stalled."
        );
    }

    #[test]
    fn markdown_heading_and_links() {
        let c = clean(
            "# Talks stall in Vienna\n\nPublished by Gulf Monitor on 9 April 2021 at 6:05 p.m. ET\n\nThe [IAEA](https://example.org) said **nothing** new.\n",
            true,
        );
        assert_eq!(c.title.as_deref(), Some("Talks stall in Vienna"));
        assert_eq!(c.published.as_deref(), Some("2021-04-09"));
        assert_eq!(c.outlet.as_deref(), Some("Gulf Monitor"));
        assert_eq!(c.body, "The IAEA said nothing new.");
    }

    #[test]
    fn a_page_of_nothing_but_furniture_keeps_no_body() {
        // A section front pasted whole: masthead, menu, a list of headlines with their ages.
        let front = "THE HARBOUR GAZETTE\nHome\nLocal\nBusiness\nSport\nSearch\nLatest\n\
                     Ferry fares to rise in spring\n3 hours ago\nNew library opens on Quay Street\n\
                     Yesterday\nLoad more\nFollow us on Instagram\nContact us\n\
                     © 2024 Harbour Gazette Ltd\n";
        assert_eq!(clean(front, false).body, "");
        // A consent wall and account menu from another imagined site, in Markdown.
        let wall = "# Valley Radio News\n\n* Account\n* Podcasts\n* Schedule\n\n\
                    World | Region | Weather\n\nManage preferences\n\nAdvertise with us\n";
        assert_eq!(clean(wall, true).body, "");
        // A two-line brief is still an article.
        let brief = "Bridge reopens\n\nThe old bridge reopened to traffic on Monday.\n";
        assert_eq!(
            clean(brief, false).body,
            "The old bridge reopened to traffic on Monday."
        );
    }

    #[test]
    fn a_first_line_that_is_a_sentence_is_not_a_title() {
        let c = clean(
            "The talks resumed on Tuesday.\n\nNo deal is expected.\n",
            false,
        );
        assert_eq!(c.title, None);
        assert_eq!(
            c.body,
            "The talks resumed on Tuesday.\n\nNo deal is expected."
        );
    }
}
