//! Absolute calendar dates as news inputs write them: the one place that reads a written date.
//!
//! Every stage that meets a date written out — a feed's `pubDate`, a JSONL record's
//! `published`, a page's meta tags, script state, byline and URL, a pasted page's date line, a
//! time expression in the text, a command's `--since` — reads it here, so that calendar
//! validity, the plausible range of a publication date, month names and the order of day and
//! month are decided once:
//!
//! * [`parse_timestamp`]: machine-written dates (ISO 8601 and RFC 3339 with their common
//!   variants, RFC 2822 with time-zone abbreviations, compact `YYYYMMDD`, Unix seconds or
//!   milliseconds, citation metadata's "2023 Jan 7");
//! * [`find_all`] and [`find`]: dates written in running text ("March 2, 2021", "2nd March
//!   2021", "2 mars 2021", "02.03.2021", "03/02/2021", "2021年3月2日"), with where they are;
//! * [`parse`]: either, for a field that should hold a date;
//! * [`in_url`]: a date in a URL path (`/2021/03/02/`, `/2021-03-02-slug`, `/2021/march/02/`);
//! * [`published_day`]: the calendar day of a stored ISO publication value;
//! * the pieces the time-expression grammar builds on: [`ymd`], [`month`], [`day_and_month`].
//!
//! Digits of other scripts (Arabic-Indic, Devanagari, full-width and the other decimal digits
//! news is written in) are read as the digits they are: "٢٠٢١-٠٣-٠٢" is 2 March 2021. Patterns
//! here match ASCII `[0-9]` only, after that folding: a regex `\d` matches every script's
//! digits while `str::parse` reads ASCII alone, which is how such dates used to panic.
//!
//! Nothing here decides which of a page's dates is its publication date; that is the HTML
//! stage's cascade. This crate answers "what date does this say".
//!
//! ```
//! use dossier_dates::{Order, find, parse_timestamp};
//! assert_eq!(parse_timestamp("2021-03-02T10:04:00+01:00").unwrap().iso, "2021-03-02T10:04:00+01:00");
//! let f = find("Published 03/02/2021, 9:00", Order::DayFirst).unwrap();
//! assert_eq!((f.iso.as_str(), f.range), ("2021-02-03", 10..20));
//! ```

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use regex::Regex;

/// Publication dates before this year are placeholders (0001-01-01, 1970-01-01 from a zero
/// timestamp) or archive noise, not when a news article appeared online.
pub const EARLIEST_PUBLICATION_YEAR: i32 = 1990;

/// How to read a numeric date whose first two numbers could both be the month ("03/02/2021").
/// Dotted dates (02.03.2021) are day-first wherever they are written, and a number over 12
/// settles it either way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    MonthFirst,
    DayFirst,
}

impl Order {
    /// The order a page's or record's language implies: month first for US English, for bare
    /// `en` and when no language is stated (most English news online is American); day first
    /// for every other English (en-GB, en-IN, en-AU, ...) and every other language.
    pub fn for_language(lang: Option<&str>) -> Order {
        match lang.map(str::to_ascii_lowercase).as_deref() {
            None | Some("en") => Order::MonthFirst,
            Some(l) if l.starts_with("en-us") || l.starts_with("en_us") => Order::MonthFirst,
            Some(_) => Order::DayFirst,
        }
    }
}

/// A date read from a string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub date: NaiveDate,
    /// ISO 8601: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS` with the offset (`Z`, `+01:00`) when
    /// the source gave a time and a zone.
    pub iso: String,
    /// Where it is written in the string read, in bytes.
    pub range: Range<usize>,
}

impl Found {
    fn day(date: NaiveDate, range: Range<usize>) -> Found {
        Found {
            date,
            iso: date.format("%Y-%m-%d").to_string(),
            range,
        }
    }

    /// The moment this names, in UTC: the time and offset when it has them, a time without a
    /// zone read as UTC, a bare date at midnight UTC.
    pub fn to_utc(&self) -> DateTime<Utc> {
        if let Ok(t) = DateTime::parse_from_rfc3339(&self.iso) {
            return t.with_timezone(&Utc);
        }
        if let Ok(t) = chrono::NaiveDateTime::parse_from_str(&self.iso, "%Y-%m-%dT%H:%M:%S") {
            return t.and_utc();
        }
        self.date.and_time(chrono::NaiveTime::MIN).and_utc()
    }
}

/// A calendar-valid date (2021-02-30 is none).
pub fn ymd(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Whether a date can be a news article's publication date: not before
/// [`EARLIEST_PUBLICATION_YEAR`], not after `latest` (tomorrow, for a page read today).
pub fn is_plausible_publication(date: NaiveDate, latest: NaiveDate) -> bool {
    date.year() >= EARLIEST_PUBLICATION_YEAR && date <= latest
}

/// The latest believable publication date for something read now: tomorrow (UTC), since a
/// page dated in its own time zone can be a day ahead.
pub fn latest_publication_today() -> NaiveDate {
    Utc::now().date_naive() + chrono::Days::new(1)
}

/// Month names and abbreviations: English, then German, French, Spanish, Italian, Dutch and
/// Portuguese, the commonest other languages of news. Lower case.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    ("januar", 1),
    ("februar", 2),
    ("märz", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    ("janvier", 1),
    ("février", 2),
    ("mars", 3),
    ("avril", 4),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("ago", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("augustus", 8),
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("novembro", 11),
    ("dezembro", 12),
];

/// The month number (1-12) of a month name or abbreviation in any case, with or without a
/// closing full stop ("Sept.", "MARCH", "März").
pub fn month(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(m, _)| *m == n).map(|&(_, v)| v)
}

/// A regular-expression alternation of every name [`month`] reads (match it case-insensitively).
pub const MONTH_PATTERN: &str = r"jan(?:uary|uar|vier|uari)?|feb(?:ruary|ruar|ruari)?|février|mar(?:ch|s|zo|ço)?|märz|maart|apr(?:il|ile)?|avril|abril|may|mayo|mai|maggio|maio|june?|juni|juin|junio|giugno|junho|july?|juli|juillet|julio|luglio|julho|aug(?:ust|ustus)?|août|agosto|ago|sep(?:t(?:ember)?)?|septembre|septiembre|setiembre|settembre|setembro|oct(?:ober)?|oktober|octobre|octubre|ottobre|outubro|nov(?:ember)?|novembre|noviembre|novembro|dec(?:ember)?|dezember|décembre|diciembre|dicembre|dezembro|enero|febrero|gennaio|febbraio|januari|februari|janeiro|fevereiro|janvier";

/// The (month, day) of a numeric date written `first/second/year` (or with `-` or `.`), read
/// in `order` when both could be the month; `dotted` when the separator was a full stop.
pub fn day_and_month(first: u32, second: u32, order: Order, dotted: bool) -> (u32, u32) {
    let month_first = if first > 12 {
        false
    } else if second > 12 {
        true
    } else {
        order == Order::MonthFirst && !dotted
    };
    if month_first {
        (first, second)
    } else {
        (second, first)
    }
}

/// The first code point of each run of ten decimal digits outside ASCII that news is written
/// in: Arabic-Indic, Extended Arabic-Indic (Persian, Urdu), N'Ko, the Indic scripts, Sinhala,
/// Thai, Lao, Tibetan, Myanmar, Khmer, Mongolian, and full-width digits (CJK text).
const DIGIT_ZEROS: &[u32] = &[
    0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66,
    0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x17E0, 0x1810, 0xFF10,
];

fn ascii_digit(c: char) -> Option<char> {
    let cp = c as u32;
    let zero = DIGIT_ZEROS.iter().find(|&&z| (z..z + 10).contains(&cp))?;
    char::from_digit(cp - zero, 10)
}

/// `s` with every decimal digit of another script written as its ASCII digit, and for each
/// byte of the result the offset in `s` it came from (plus one for the end), when anything was
/// changed.
fn fold_digits(s: &str) -> (Cow<'_, str>, Option<Vec<usize>>) {
    if s.is_ascii() || !s.chars().any(|c| ascii_digit(c).is_some()) {
        return (Cow::Borrowed(s), None);
    }
    let mut out = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len() + 1);
    for (at, c) in s.char_indices() {
        let c = ascii_digit(c).unwrap_or(c);
        for _ in 0..c.len_utf8() {
            map.push(at);
        }
        out.push(c);
    }
    map.push(s.len());
    (Cow::Owned(out), Some(map))
}

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^\s*([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})
        (?:[T\s]+([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:[.,][0-9]+)?)?\s*(Z|UTC|GMT|[+-][0-9]{2}:?[0-9]{2})?)?",
    )
    .expect("valid regex")
});
static COMPACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*((?:19|20)[0-9]{2})([0-9]{2})([0-9]{2})(?:[^0-9]|$)").expect("valid regex")
});
static EPOCH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*([0-9]{10})([0-9]{3})?\s*$").expect("valid regex"));
// "2023 Jan 7": the form of scholarly citation metadata (Highwire Press, PubMed).
static YEAR_MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^\s*((?:19|20)[0-9]{{2}})\s+({MONTH_PATTERN})\.?\s+([0-9]{{1,2}})\s*$"
    ))
    .expect("valid regex")
});

/// North American and European zone abbreviations as RFC 2822 offsets (chrono reads only
/// GMT, UT and the US ones RFC 822 names, and news feeds write CET and BST too).
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

fn rfc2822(s: &str) -> Option<DateTime<chrono::FixedOffset>> {
    let s = s.trim();
    DateTime::parse_from_rfc2822(s).ok().or_else(|| {
        let (head, last) = s.rsplit_once(' ')?;
        let zone = ZONES.iter().find(|(abbr, _)| *abbr == last)?;
        DateTime::parse_from_rfc2822(&format!("{head} {}", zone.1)).ok()
    })
}

/// A machine-written date or date-time (a meta tag's `content`, JSON-LD, a `datetime`
/// attribute, a feed's `pubDate`): ISO 8601 and its common variants (`2021-03-02 10:04:00
/// +0100`, `2021/3/2`), RFC 2822 with zone abbreviations, compact `YYYYMMDD`, Unix seconds or
/// milliseconds, "2023 Jan 7". The date is calendar-valid; its plausibility is the caller's
/// question ([`is_plausible_publication`]). The range covers the whole string.
pub fn parse_timestamp(s: &str) -> Option<Found> {
    let (folded, _) = fold_digits(s);
    let t = folded.as_ref();
    let all = 0..s.len();
    if let Some(c) = ISO.captures(t) {
        let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        let date = ymd(num(1)? as i32, num(2)?, num(3)?)?;
        let mut iso = date.format("%Y-%m-%d").to_string();
        // A zone offset is `[+-][0-9]{2}:?[0-9]{2}` (a sign and four ASCII digits); real ones
        // lie within ±14:00. A time with an impossible offset names no moment: the date alone
        // is kept.
        let offset = c.get(7).map(|m| m.as_str()).map(|off| match off {
            "Z" | "UTC" | "GMT" => Some("Z".to_string()),
            _ => {
                let digits: String = off.chars().filter(char::is_ascii_digit).collect();
                let (h, m): (u32, u32) = (digits[..2].parse().ok()?, digits[2..].parse().ok()?);
                (h <= 14 && m < 60).then(|| format!("{}{h:02}:{m:02}", &off[..1]))
            }
        });
        if let (Some(h), Some(mi)) = (num(4), num(5))
            && h < 24
            && mi < 60
            && offset.as_ref().is_none_or(Option::is_some)
        {
            let sec = num(6).unwrap_or(0).min(59);
            iso.push_str(&format!("T{h:02}:{mi:02}:{sec:02}"));
            if let Some(Some(off)) = offset {
                iso.push_str(&off);
            }
        }
        return Some(Found {
            date,
            iso,
            range: all,
        });
    }
    if let Some(dt) = rfc2822(t) {
        return Some(Found {
            date: dt.date_naive(),
            iso: dt.format("%Y-%m-%dT%H:%M:%S%:z").to_string(),
            range: all,
        });
    }
    if let Some(c) = COMPACT.captures(t) {
        let date = ymd(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)?;
        return Some(Found::day(date, all));
    }
    if let Some(c) = EPOCH.captures(t) {
        let secs: i64 = c[1].parse().ok()?;
        let dt = DateTime::from_timestamp(secs, 0)?;
        return Some(Found {
            date: dt.date_naive(),
            iso: dt.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            range: all,
        });
    }
    if let Some(c) = YEAR_MONTH_DAY.captures(t) {
        let date = ymd(c[1].parse().ok()?, month(&c[2])?, c[3].parse().ok()?)?;
        return Some(Found::day(date, all));
    }
    None
}

/// A field that should hold a date: [`parse_timestamp`], else the first date written in it
/// ([`find`]).
pub fn parse(s: &str, order: Order) -> Option<Found> {
    parse_timestamp(s).or_else(|| find(s, order))
}

// ASCII word boundaries: a Unicode `\b` keeps the regex engine off its fast DFA, and these
// patterns run over whole page texts.
static TEXT_DATE: LazyLock<Regex> = LazyLock::new(|| {
    let m1 = format!("(?P<m1>{MONTH_PATTERN})");
    let m2 = format!("(?P<m2>{MONTH_PATTERN})");
    let pat = format!(
        r"(?xi)
        (?-u:\b)(?P<d1>[0-9]{{1,2}})(?:st|nd|rd|th|er|º)?\.?(?:\s*|-)(?:of\s+|de\s+)?{m1}\.?,?(?:\s*|-)(?:de\s+)?(?P<y1>(?:19|20)[0-9]{{2}})(?-u:\b)
      | (?-u:\b){m2}\.?\s+(?P<d2>[0-9]{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>(?:19|20)[0-9]{{2}})(?-u:\b)
      | (?-u:\b)(?P<y3>(?:19|20)[0-9]{{2}})[-/.](?P<m3>[0-9]{{1,2}})[-/.](?P<d3>[0-9]{{1,2}})(?:(?-u:\b)|T)
      | (?-u:\b)(?P<a4>[0-9]{{1,2}})(?P<s4>[-/.])(?P<b4>[0-9]{{1,2}})[-/.](?P<y4>(?:19|20)[0-9]{{2}})(?-u:\b)
      | (?P<y5>(?:19|20)[0-9]{{2}})\s*[年년]\s*(?P<m5>[0-9]{{1,2}})\s*[月월]\s*(?P<d5>[0-9]{{1,2}})\s*[日일]?",
    );
    Regex::new(&pat).expect("valid regex")
});

fn captured_date(c: &regex::Captures, order: Order) -> Option<NaiveDate> {
    let num = |n: &str| c.name(n).and_then(|m| m.as_str().parse::<u32>().ok());
    if let (Some(m), Some(y)) = (c.name("m1"), num("y1")) {
        return ymd(y as i32, month(m.as_str())?, num("d1")?);
    }
    if let (Some(m), Some(y)) = (c.name("m2"), num("y2")) {
        return ymd(y as i32, month(m.as_str())?, num("d2")?);
    }
    if let Some(y) = num("y3") {
        return ymd(y as i32, num("m3")?, num("d3")?);
    }
    if let Some(y) = num("y4") {
        let dotted = c.name("s4").is_some_and(|s| s.as_str() == ".");
        let (m, d) = day_and_month(num("a4")?, num("b4")?, order, dotted);
        return ymd(y as i32, m, d);
    }
    if let Some(y) = num("y5") {
        return ymd(y as i32, num("m5")?, num("d5")?);
    }
    None
}

/// Every full date (day, month and year) written in running text, in order, with where each
/// is. `order` reads numeric dates whose day and month could be swapped.
pub fn find_all(s: &str, order: Order) -> impl Iterator<Item = Found> + '_ {
    let (folded, map) = fold_digits(s);
    let found: Vec<Found> = TEXT_DATE
        .captures_iter(folded.as_ref())
        .filter_map(|c| {
            let date = captured_date(&c, order)?;
            let whole = c.get(0)?.range();
            let range = match &map {
                Some(map) => map[whole.start]..map[whole.end],
                None => whole,
            };
            Some(Found::day(date, range))
        })
        .collect();
    found.into_iter()
}

/// The first full date written in running text ([`find_all`]).
pub fn find(s: &str, order: Order) -> Option<Found> {
    find_all(s, order).next()
}

static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"/((?:19|20)[0-9]{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12][0-9]|3[01])(?:[/_.+-]|$)",
    )
    .expect("valid regex")
});
static URL_DATE_NAMED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)/((?:19|20)[0-9]{2})/([a-z]{3,9})/(0?[1-9]|[12][0-9]|3[01])(?:[/_.+-]|$)")
        .expect("valid regex")
});

/// A full date in a URL's path: `/2021/03/02/`, `/2021-03-02-slug`, `/20210302/`,
/// `/2023/october/03/`. The range is into the path.
pub fn in_url(url: &str) -> Option<Found> {
    let path = url
        .split_once("://")
        .map_or(url, |(_, r)| r.find('/').map_or("", |i| &r[i..]));
    if let Some(c) = URL_DATE.captures(path) {
        let date = ymd(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)?;
        return Some(Found::day(date, c.get(0)?.range()));
    }
    let c = URL_DATE_NAMED.captures(path)?;
    let date = ymd(c[1].parse().ok()?, month(&c[2])?, c[3].parse().ok()?)?;
    Some(Found::day(date, c.get(0)?.range()))
}

/// The calendar day of a publication value as dossier stores it (`2021-03-02`,
/// `2021-03-02T10:00:00Z`) or as archives write it (`20210302`).
pub fn published_day(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Some(d) = s.get(..10).and_then(iso_day) {
        return Some(d);
    }
    let head = s.get(..8)?;
    if !head.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    ymd(
        head[..4].parse().ok()?,
        head[4..6].parse().ok()?,
        head[6..].parse().ok()?,
    )
}

/// Exactly `YYYY-MM-DD`, a valid date: what a command-line option or a stored value holds.
pub fn iso_day(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return None;
    }
    ymd(
        s[..4].parse().ok()?,
        s[5..7].parse().ok()?,
        s[8..].parse().ok()?,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: &str) -> String {
        parse_timestamp(s).map(|f| f.iso).unwrap_or_default()
    }

    fn text(s: &str, order: Order) -> String {
        find(s, order).map(|f| f.iso).unwrap_or_default()
    }

    #[test]
    fn machine_forms() {
        assert_eq!(ts("2021-03-02T10:04:00+01:00"), "2021-03-02T10:04:00+01:00");
        assert_eq!(ts("2021-03-02T10:04:00.000Z"), "2021-03-02T10:04:00Z");
        assert_eq!(ts("2021-03-02 10:04:00 +0100"), "2021-03-02T10:04:00+01:00");
        assert_eq!(ts("2021/3/2"), "2021-03-02");
        assert_eq!(ts("20210302"), "2021-03-02");
        assert_eq!(ts("1614680000"), "2021-03-02T10:13:20Z");
        assert_eq!(
            ts("Tue, 02 Mar 2021 10:00:00 GMT"),
            "2021-03-02T10:00:00+00:00"
        );
        assert_eq!(
            ts("Wed, 07 Apr 2021 10:00:00 EST"),
            "2021-04-07T10:00:00-05:00"
        );
        assert_eq!(ts("2023 Jan 7"), "2023-01-07");
        assert_eq!(ts("2021-02-30"), "");
        // An impossible zone offset: the date alone.
        assert_eq!(ts("2021-04-12T07:30:00+02:60"), "2021-04-12");
        assert_eq!(ts("2021-04-12T07:30:00-15:00"), "2021-04-12");
        assert_eq!(ts("2021-04-12T07:30:00+14:00"), "2021-04-12T07:30:00+14:00");
        assert_eq!(ts("next Tuesday"), "");
    }

    #[test]
    fn moments_in_utc() {
        let utc = |s: &str| parse_timestamp(s).unwrap().to_utc().to_rfc3339();
        assert_eq!(
            utc("Wed, 07 Apr 2021 10:00:00 EST"),
            "2021-04-07T15:00:00+00:00"
        );
        assert_eq!(utc("2021-04-07"), "2021-04-07T00:00:00+00:00");
        assert_eq!(utc("2021-04-07 08:30"), "2021-04-07T08:30:00+00:00");
    }

    #[test]
    fn running_text_forms() {
        let us = Order::MonthFirst;
        assert_eq!(text("Published March 2, 2021 at 9:00", us), "2021-03-02");
        assert_eq!(text("By Jane Doe · 2nd March 2021", us), "2021-03-02");
        assert_eq!(text("Sept. 14, 2020", us), "2020-09-14");
        assert_eq!(text("Apr. 7th, 2021", us), "2021-04-07");
        assert_eq!(text("03/02/2021", us), "2021-03-02");
        assert_eq!(text("03/02/2021", Order::DayFirst), "2021-02-03");
        assert_eq!(text("25/12/2020", us), "2020-12-25");
        assert_eq!(text("02.03.2021", us), "2021-03-02");
        assert_eq!(text("le 2 mars 2021", Order::DayFirst), "2021-03-02");
        assert_eq!(text("04-ago-2021", Order::DayFirst), "2021-08-04");
        assert_eq!(text("2021年3月2日", us), "2021-03-02");
        assert_eq!(text("2021년 3월 2일", us), "2021-03-02");
        assert_eq!(text("February 30, 2021", us), "");
        assert_eq!(text("no date here 12 apples 2021", us), "");
    }

    #[test]
    fn every_script_s_digits_are_digits() {
        assert_eq!(ts("٢٠٢١-٠٣-٠٢"), "2021-03-02");
        assert_eq!(ts("۲۰۲۱-۰۳-۰۲T10:00:00Z"), "2021-03-02T10:00:00Z");
        assert_eq!(ts("２０２１-０３-０２"), "2021-03-02");
        assert_eq!(ts("2021-03-02T10:04:00+٠١:٠٠"), "2021-03-02T10:04:00+01:00");
        assert_eq!(ts("२०२१-०३-०२"), "2021-03-02");
        assert_eq!(text("२ March २०२१", Order::DayFirst), "2021-03-02");
        assert_eq!(text("２０２１年３月２日", Order::DayFirst), "2021-03-02");
        // The range is into the string as written, not the folded one.
        let s = "تاريخ ٢٠٢١/٠٣/٠٢ م";
        let f = find(s, Order::DayFirst).unwrap();
        assert_eq!(&s[f.range], "٢٠٢١/٠٣/٠٢");
        // Other characters that are numbers but not decimal digits are not read as digits.
        assert_eq!(ts("²⁰²¹-⁰³-⁰²"), "");
    }

    #[test]
    fn ranges_locate_the_date() {
        let s = "Updated: May 5, 2022. Published April 1, 2022";
        let all: Vec<Found> = find_all(s, Order::MonthFirst).collect();
        assert_eq!(all.len(), 2);
        assert_eq!(&s[all[0].range.clone()], "May 5, 2022");
        assert_eq!(&s[all[1].range.clone()], "April 1, 2022");
    }

    #[test]
    fn order_from_language() {
        assert_eq!(Order::for_language(None), Order::MonthFirst);
        assert_eq!(Order::for_language(Some("en-US")), Order::MonthFirst);
        assert_eq!(Order::for_language(Some("en")), Order::MonthFirst);
        assert_eq!(Order::for_language(Some("en-GB")), Order::DayFirst);
        assert_eq!(Order::for_language(Some("de")), Order::DayFirst);
    }

    #[test]
    fn urls() {
        let u = |s: &str| in_url(s).map(|f| f.iso).unwrap_or_default();
        assert_eq!(u("https://ex.com/2021/03/02/storm-hits/"), "2021-03-02");
        assert_eq!(u("https://ex.com/news/2021-03-02-storm"), "2021-03-02");
        assert_eq!(u("https://ex.com/news/20210302/storm"), "2021-03-02");
        assert_eq!(u("https://ex.com/2021/03/storm"), "");
        assert_eq!(u("https://ex.com/blog/2023/october/03/wine"), "2023-10-03");
        assert_eq!(u("https://ex.com/item/12345678"), "");
    }

    #[test]
    fn stored_values_and_options() {
        let d = ymd(2021, 3, 2);
        assert_eq!(published_day("2021-03-02"), d);
        assert_eq!(published_day("2021-03-02T10:00:00Z"), d);
        assert_eq!(published_day("20210302"), d);
        assert_eq!(published_day("2021年3月2日"), None);
        assert_eq!(published_day("é"), None);
        assert_eq!(iso_day("2021-03-02"), d);
        assert_eq!(iso_day("2021-3-2"), None);
        assert_eq!(iso_day("April"), None);
        assert_eq!(iso_day("２０２１-03-02"), None);
    }

    #[test]
    fn plausible_publications() {
        let latest = ymd(2024, 6, 1).unwrap();
        assert!(is_plausible_publication(ymd(2021, 3, 2).unwrap(), latest));
        assert!(!is_plausible_publication(ymd(1970, 1, 1).unwrap(), latest));
        assert!(!is_plausible_publication(ymd(2024, 6, 2).unwrap(), latest));
    }
}
