//! Lenient parsing of the publication dates found in date lines, bylines and feeds.
//!
//! Feeds and copy-pasted pages carry dates in many shapes (`Wed, 07 Apr 2021 10:00:00 EST`,
//! `April 7, 2021`, `7 April 2021 | 10:32 GMT`, `2021-04-07T10:00:00Z`). Everything here returns
//! ISO 8601 and refuses implausible values (before 1990 or after 2100) rather than guess.

use std::sync::OnceLock;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, Utc};
use regex::Regex;

const MONTHS: &str = r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

fn month_number(name: &str) -> Option<u32> {
    let m = name.to_ascii_lowercase();
    let idx = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    .iter()
    .position(|p| m.starts_with(p))?;
    Some(idx as u32 + 1)
}

struct Patterns {
    iso: Regex,
    month_first: Regex,
    day_first: Regex,
    slash_ymd: Regex,
    slash_mdy: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| Patterns {
        iso: Regex::new(r"\b([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?(?:\.[0-9]+)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?").unwrap(),
        month_first: Regex::new(&format!(r"\b({MONTHS})\.?\s+([0-9]{{1,2}})(?:st|nd|rd|th)?,?\s+([0-9]{{4}})\b")).unwrap(),
        day_first: Regex::new(&format!(r"\b([0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTHS})\.?,?\s+([0-9]{{4}})\b")).unwrap(),
        slash_ymd: Regex::new(r"\b([0-9]{4})[/.]([0-9]{1,2})[/.]([0-9]{1,2})\b").unwrap(),
        slash_mdy: Regex::new(r"\b([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})\b").unwrap(),
    })
}

fn plausible(d: NaiveDate) -> Option<NaiveDate> {
    use chrono::Datelike;
    (1990..=2100).contains(&d.year()).then_some(d)
}

/// The first date in `s`, with the byte range it occupies.
pub fn find_date(s: &str) -> Option<(NaiveDate, std::ops::Range<usize>)> {
    let p = patterns();
    let mut best: Option<(NaiveDate, std::ops::Range<usize>)> = None;
    let mut consider = |d: Option<NaiveDate>, r: std::ops::Range<usize>| {
        if let Some(d) = d.and_then(plausible)
            && best.as_ref().is_none_or(|(_, b)| r.start < b.start)
        {
            best = Some((d, r));
        }
    };
    let num = |m: Option<regex::Match>| m.and_then(|m| m.as_str().parse::<u32>().ok());
    if let Some(c) = p.iso.captures(s) {
        let d = NaiveDate::from_ymd_opt(
            num(c.get(1)).unwrap() as i32,
            num(c.get(2)).unwrap(),
            num(c.get(3)).unwrap(),
        );
        consider(d, c.get(0).unwrap().range());
    }
    if let Some(c) = p.month_first.captures(s) {
        let d = month_number(&c[1]).and_then(|m| {
            NaiveDate::from_ymd_opt(num(c.get(3)).unwrap() as i32, m, num(c.get(2)).unwrap())
        });
        consider(d, c.get(0).unwrap().range());
    }
    if let Some(c) = p.day_first.captures(s) {
        let d = month_number(&c[2]).and_then(|m| {
            NaiveDate::from_ymd_opt(num(c.get(3)).unwrap() as i32, m, num(c.get(1)).unwrap())
        });
        consider(d, c.get(0).unwrap().range());
    }
    if let Some(c) = p.slash_ymd.captures(s) {
        let d = NaiveDate::from_ymd_opt(
            num(c.get(1)).unwrap() as i32,
            num(c.get(2)).unwrap(),
            num(c.get(3)).unwrap(),
        );
        consider(d, c.get(0).unwrap().range());
    }
    if let Some(c) = p.slash_mdy.captures(s) {
        let (a, b, y) = (
            num(c.get(1)).unwrap(),
            num(c.get(2)).unwrap(),
            num(c.get(3)).unwrap() as i32,
        );
        // US order unless the first number cannot be a month.
        let d = if a > 12 {
            NaiveDate::from_ymd_opt(y, b, a)
        } else {
            NaiveDate::from_ymd_opt(y, a, b)
        };
        consider(d, c.get(0).unwrap().range());
    }
    best
}

/// A publication date as ISO 8601: the full timestamp when `s` is RFC 3339 or RFC 2822 (time
/// zone abbreviations included), else the calendar date of the first date found.
pub fn parse_date(s: &str) -> Option<String> {
    let s = s.trim();
    if let Some(dt) = parse_full_timestamp(s) {
        return Some(dt.to_rfc3339());
    }
    find_date(s).map(|(d, _)| d.format("%Y-%m-%d").to_string())
}

fn parse_full_timestamp(s: &str) -> Option<DateTime<Utc>> {
    let dt = DateTime::parse_from_rfc3339(s)
        .or_else(|_| DateTime::parse_from_rfc2822(s))
        .ok()
        .or_else(|| DateTime::parse_from_rfc2822(&replace_zone_abbreviation(s)?).ok())?;
    plausible(dt.date_naive()).map(|_| dt.with_timezone(&Utc))
}

/// A full timestamp, for feeds: RFC 3339, RFC 2822 with common North American and European zone
/// abbreviations, or a bare date at midnight UTC.
pub fn parse_timestamp(s: &str) -> Option<DateTime<Utc>> {
    let s = s.trim();
    if let Some(dt) = parse_full_timestamp(s) {
        return Some(dt);
    }
    let (d, _) = find_date(s)?;
    let offset = FixedOffset::east_opt(0)?;
    Some(
        d.and_time(NaiveTime::MIN)
            .and_local_timezone(offset)
            .single()?
            .with_timezone(&Utc),
    )
}

fn replace_zone_abbreviation(s: &str) -> Option<String> {
    const ZONES: [(&str, &str); 12] = [
        ("EST", "-0500"),
        ("EDT", "-0400"),
        ("CST", "-0600"),
        ("CDT", "-0500"),
        ("MST", "-0700"),
        ("MDT", "-0600"),
        ("PST", "-0800"),
        ("PDT", "-0700"),
        ("BST", "+0100"),
        ("CET", "+0100"),
        ("CEST", "+0200"),
        ("UTC", "+0000"),
    ];
    let (head, last) = s.rsplit_once(' ')?;
    let zone = ZONES.iter().find(|(abbr, _)| *abbr == last)?;
    Some(format!("{head} {}", zone.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_formats() {
        assert_eq!(parse_date("April 7, 2021").as_deref(), Some("2021-04-07"));
        assert_eq!(
            parse_date("Wednesday, 7 April 2021 | 10:32 GMT").as_deref(),
            Some("2021-04-07")
        );
        assert_eq!(parse_date("Apr. 7th, 2021").as_deref(), Some("2021-04-07"));
        assert_eq!(
            parse_date("Published 2021/04/07").as_deref(),
            Some("2021-04-07")
        );
        assert_eq!(parse_date("4/7/2021").as_deref(), Some("2021-04-07"));
        assert_eq!(parse_date("31/3/2021").as_deref(), Some("2021-03-31"));
        assert_eq!(
            parse_date("2021-04-07T10:00:00Z").as_deref(),
            Some("2021-04-07T10:00:00+00:00")
        );
    }

    #[test]
    fn feed_timestamps_with_zone_names() {
        let t = parse_timestamp("Wed, 07 Apr 2021 10:00:00 EST").unwrap();
        assert_eq!(t.to_rfc3339(), "2021-04-07T15:00:00+00:00");
    }

    #[test]
    fn digits_of_other_scripts_never_panic() {
        for s in [
            "Wed, ٠٧ Apr ٢٠٢١ 10:00:00 EST",
            "Wed, 07 Apr 2021 １０:００:００ GMT",
            "٧ April ٢٠٢١",
            "April ７, ２０２１",
            "٤/٧/٢٠٢١",
            "2021年4月7日",
        ] {
            let _ = parse_date(s);
            let _ = parse_timestamp(s);
        }
    }

    #[test]
    fn implausible_dates_are_refused() {
        assert_eq!(parse_date("0001-01-01"), None);
        assert_eq!(parse_date("February 30, 2021"), None);
        assert_eq!(parse_date("no date here"), None);
    }
}
