//! The recognition rules: each is a named regular expression plus a function that reads its
//! captures into a [`Sem`], the meaning of the expression before it is anchored to a date.
//!
//! Rules are ours, written from the TimeML/TIMEX3 annotation guidelines. All rules run over
//! the text; where matches overlap the longest wins (see `lib.rs`). A rule may also decline a
//! match after looking at its neighbours, e.g. "fall" as a verb.

use crate::lexicon::{self, MONTH_ALONE_RE, MONTH_RE, NUM_RE, Quantity, UNIT_RE, Unit, WEEKDAY_RE};
use dossier_model::TimexType;
use regex::{Captures, Regex};

/// Which year an expression without one ("the third quarter", "in June") falls in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum YearRef {
    Abs(i32),
    /// Offset from the anchor's year ("last year's third quarter").
    Rel(i32),
    /// Chosen by tense and context.
    Context,
}

/// What an expression means, before anchoring.
#[derive(Debug, Clone, PartialEq)]
pub enum Sem {
    /// A value that needs no anchor: durations, sets, PAST_REF...
    Fixed(String),
    /// A fully specified calendar point ("March 2, 2021", "the 1990s").
    Abs(crate::calendar::Point),
    MonthDay {
        month: u32,
        day: u32,
        rel: Option<i32>,
    },
    Month {
        month: u32,
        rel: Option<i32>,
    },
    MonthOfYear {
        month: u32,
        year: YearRef,
    },
    Weekday {
        wd: u32,
        rel: Option<i32>,
    },
    Quarter {
        q: u32,
        year: YearRef,
    },
    Half {
        h: u32,
        year: YearRef,
    },
    Season {
        s: u32,
        year: YearRef,
    },
    Holiday {
        name: Holiday,
        year: YearRef,
    },
    /// `n` units from the anchor, named at the unit's granularity ("last week", "two years
    /// ago"). `from_ref` anchors on the nearest earlier date in the text rather than the
    /// publication date ("the following day", "a year earlier").
    Offset {
        unit: Unit,
        n: f64,
        from_ref: bool,
    },
    /// "a year ago", "two years earlier": like `Offset`, but beside a quarter in an earnings
    /// report it names that quarter a year before.
    Ago {
        unit: Unit,
        n: f64,
        from_ref: bool,
    },
    Weekend {
        rel: Option<i32>,
    },
    /// The quarter being reported on: the last one named, else the last one completed.
    ReportQuarter {
        shift: i64,
        latest: bool,
    },
    /// "the 1988 quarter": the reported quarter of that year.
    /// A day listed after a month-day ("25" in "April 24 and 25"): the year of that one.
    ListDay {
        month: u32,
        day: u32,
    },
    /// The day the story is at: the last day named in the text, else the publication date
    /// ("at 6 a.m." after "on Oct. 13").
    StoryDay,
    ReportQuarterOfYear {
        year: i32,
    },
    /// A day plus a time of day or clock time suffix ("TMO", "T15:00").
    WithTime {
        day: Box<Sem>,
        time: String,
    },
}

/// Holidays whose date follows from the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holiday {
    Fixed(u32, u32),
    Thanksgiving,
    LaborDay,
    MemorialDay,
    ElectionDay,
    Easter,
    GoodFriday,
    MlkDay,
}

/// Where a candidate match sits, so a rule can look at its neighbours.
pub struct Site<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    /// Set by a rule to drop a leading part of its match from the span ("the" before an
    /// adjective: "the third-quarter results" is annotated "third-quarter").
    pub new_start: std::cell::Cell<Option<usize>>,
    /// Likewise for the end ("three days later" is annotated "three days").
    pub new_end: std::cell::Cell<Option<usize>>,
}

impl Site<'_> {
    /// The word just before the match, lower-cased ("" at the start).
    pub fn prev_word(&self) -> String {
        let before = self.text[..self.start].trim_end();
        let w: String = before
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric() || *c == '$' || *c == '%')
            .collect();
        w.chars().rev().collect::<String>().to_lowercase()
    }

    /// The word just after the match, lower-cased.
    pub fn next_word(&self) -> String {
        self.text[self.end..]
            .trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '%' || *c == '\'')
            .collect::<String>()
            .to_lowercase()
    }

    /// The character right after the match, if any.
    pub fn next_char(&self) -> Option<char> {
        self.text[self.end..].chars().next()
    }

    pub fn prev_char(&self) -> Option<char> {
        self.text[..self.start].chars().next_back()
    }
}

pub type Build = fn(&Captures, &Site) -> Option<(TimexType, Sem)>;

pub struct Rule {
    pub name: &'static str,
    pub re: Regex,
    pub build: Build,
}

fn g<'a>(c: &Captures<'a>, name: &str) -> Option<&'a str> {
    c.name(name).map(|m| m.as_str())
}

fn num(s: &str) -> Option<i32> {
    s.parse().ok()
}

/// Prepositions and determiners that make a bare month or season name temporal.
const TEMPORAL_LEAD: &[&str] = &[
    "in",
    "during",
    "since",
    "until",
    "till",
    "by",
    "from",
    "to",
    "through",
    "before",
    "after",
    "early",
    "late",
    "mid",
    "of",
    "last",
    "this",
    "next",
    "that",
    "each",
    "every",
    "around",
    "between",
    "and",
    "or",
    "for",
    "on",
    "throughout",
    "into",
    "as",
    "past",
];

fn rel_word(w: &str) -> Option<i32> {
    match w.to_ascii_lowercase().as_str() {
        "last" | "past" | "previous" | "prior" => Some(-1),
        "this" | "current" | "present" => Some(0),
        "next" | "coming" | "upcoming" | "following" => Some(1),
        _ => None,
    }
}

/// TIMEX3 duration value for `q` units, fractions carried into the next smaller unit.
pub fn duration_value(q: Quantity, unit: Unit) -> String {
    let (time, letter, mul) = match unit {
        Unit::Second => (true, "S", 1.0),
        Unit::Minute => (true, "M", 1.0),
        Unit::Hour => (true, "H", 1.0),
        Unit::Day => (false, "D", 1.0),
        Unit::Weekend => (false, "WE", 1.0),
        Unit::Week => (false, "W", 1.0),
        Unit::Fortnight => (false, "W", 2.0),
        Unit::Month => (false, "M", 1.0),
        Unit::Quarter => (false, "Q", 1.0),
        Unit::Half => (false, "M", 6.0),
        Unit::Year => (false, "Y", 1.0),
        Unit::Decade => (false, "Y", 10.0),
        Unit::Century => (false, "Y", 100.0),
    };
    let t = if time { "T" } else { "" };
    let n = match q {
        Quantity::Vague => {
            let letter = match unit {
                Unit::Decade => "Y",
                Unit::Century => "C",
                _ => letter,
            };
            return format!("P{t}X{letter}");
        }
        Quantity::Exact(n) => n * mul,
    };
    let whole = n.trunc();
    let frac = n - whole;
    if frac.abs() < 1e-9 {
        return format!("P{t}{}{letter}", whole as u64);
    }
    // Carry the fraction into the next smaller unit when it comes out whole.
    let smaller = match unit {
        Unit::Year | Unit::Decade | Unit::Century => Some((false, "M", 12.0)),
        Unit::Day => Some((true, "H", 24.0)),
        Unit::Hour => Some((true, "M", 60.0)),
        Unit::Minute => Some((true, "S", 60.0)),
        Unit::Week => Some((false, "D", 7.0)),
        _ => None,
    };
    if let Some((stime, sletter, factor)) = smaller {
        let sub = frac * factor;
        if (sub - sub.round()).abs() < 1e-9 {
            let sub = sub.round() as u64;
            let head = if whole > 0.0 {
                format!("{}{letter}", whole as u64)
            } else {
                String::new()
            };
            let sep = if stime && !time { "T" } else { "" };
            return format!("P{t}{head}{sep}{sub}{sletter}");
        }
    }
    format!("P{t}{n}{letter}")
}

macro_rules! rule {
    ($name:literal, $pat:expr, $build:expr) => {
        Rule {
            name: $name,
            re: Regex::new(&$pat).expect(concat!("rule ", $name, " compiles")),
            build: $build,
        }
    };
}

use crate::calendar::Point;
use TimexType::{Date, Duration as Dur, Set, Time};

const DATE_REF: &str = "(?i:today|yesterday|tomorrow|tonight)";
const TZ: &str = "(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|ET|PT|CT)";

/// A month and a day in either order ("March 2", "2 March"), with a year when written; without
/// one, resolution picks the year (and "last"/"next" may say which way).
fn month_and_day(c: &Captures) -> Option<(TimexType, Sem)> {
    let month = dossier_dates::month(g(c, "mon")?)?;
    let day: u32 = g(c, "d")?.parse().ok().filter(|d| (1..=31).contains(d))?;
    match g(c, "y").and_then(num) {
        Some(y) => Some((
            Date,
            Sem::Abs(Point::Day(dossier_dates::ymd(y, month, day)?)),
        )),
        None => Some((
            Date,
            Sem::MonthDay {
                month,
                day,
                rel: g(c, "rel").and_then(rel_word),
            },
        )),
    }
}

fn fixed(kind: TimexType, v: &str) -> Option<(TimexType, Sem)> {
    Some((kind, Sem::Fixed(v.to_string())))
}

/// The day named by a "today"-like word, as an offset from the anchor in days.
fn deictic_offset(w: &str) -> Option<f64> {
    match w.to_ascii_lowercase().as_str() {
        "today" | "tonight" => Some(0.0),
        "yesterday" => Some(-1.0),
        "tomorrow" => Some(1.0),
        _ => None,
    }
}

fn part_of_day(w: &str) -> Option<&'static str> {
    Some(match w.to_ascii_lowercase().as_str() {
        "morning" => "TMO",
        "afternoon" => "TAF",
        "evening" => "TEV",
        "night" | "overnight" | "tonight" => "TNI",
        _ => return None,
    })
}

/// A day named in a clock-time expression ("5 p.m. Tuesday", "noon yesterday").
fn day_of(c: &Captures) -> Option<Sem> {
    if let Some(w) = g(c, "dref") {
        return Some(Sem::Offset {
            unit: Unit::Day,
            n: deictic_offset(w)?,
            from_ref: false,
        });
    }
    if let Some(w) = g(c, "dwd") {
        return Some(Sem::Weekday {
            wd: lexicon::weekday_number(w)?,
            rel: None,
        });
    }
    if let (Some(m), Some(d)) = (g(c, "dmon"), g(c, "dday")) {
        return Some(Sem::MonthDay {
            month: dossier_dates::month(m)?,
            day: d.parse().ok().filter(|d| (1..=31).contains(d))?,
            rel: None,
        });
    }
    None
}

fn year_ref(c: &Captures, name: &str) -> YearRef {
    match g(c, name).and_then(num) {
        Some(y) => YearRef::Abs(y),
        None => YearRef::Context,
    }
}

fn season_number(w: &str) -> Option<u32> {
    Some(match w.to_ascii_lowercase().as_str() {
        "spring" => 0,
        "summer" => 1,
        "fall" | "autumn" => 2,
        "winter" => 3,
        _ => return None,
    })
}

fn holiday(name: &str) -> Option<Holiday> {
    let n = name.to_ascii_lowercase().replace(['\'', '’'], "");
    let n: Vec<&str> = n.split_whitespace().collect();
    let first = *n.first()?;
    let last = *n.last()?;
    Some(match (first, last) {
        ("christmas", "eve") => Holiday::Fixed(12, 24),
        ("christmas", _) => Holiday::Fixed(12, 25),
        ("new", "eve") => Holiday::Fixed(12, 31),
        ("new", _) => Holiday::Fixed(1, 1),
        ("thanksgiving", _) => Holiday::Thanksgiving,
        ("independence", _) => Holiday::Fixed(7, 4),
        ("halloween", _) => Holiday::Fixed(10, 31),
        ("valentines", _) => Holiday::Fixed(2, 14),
        ("labor", _) => Holiday::LaborDay,
        ("memorial", _) => Holiday::MemorialDay,
        ("veterans", _) => Holiday::Fixed(11, 11),
        ("boxing", _) => Holiday::Fixed(12, 26),
        ("election", _) => Holiday::ElectionDay,
        ("easter", _) => Holiday::Easter,
        ("good", _) => Holiday::GoodFriday,
        ("martin", _) => Holiday::MlkDay,
        _ => return None,
    })
}

/// All rules, in priority order for equally long matches.
pub fn rules() -> Vec<Rule> {
    let month = MONTH_RE;
    let wd = WEEKDAY_RE;
    let n = NUM_RE;
    let unit = UNIT_RE;
    // Years from 1200: smaller four-digit numbers are rarely years in news.
    let year = "(?:1[2-9][0-9][0-9]|20[0-9][0-9])";
    vec![
        rule!(
            "iso_date",
            format!(
                "(?P<y>[0-9]{{4}})(?:-(?P<m>[0-9]{{2}})-(?P<d>[0-9]{{2}})|/(?P<m2>[0-9]{{1,2}})/(?P<d2>[0-9]{{1,2}}))(?:T(?P<h>[0-9]{{2}}):(?P<mi>[0-9]{{2}}))?"
            ),
            |c, _| {
                let d = dossier_dates::ymd(
                    num(g(c, "y")?)?,
                    g(c, "m").or(g(c, "m2"))?.parse().ok()?,
                    g(c, "d").or(g(c, "d2"))?.parse().ok()?,
                )?;
                match (g(c, "h"), g(c, "mi")) {
                    (Some(h), Some(mi)) => Some((
                        Time,
                        Sem::WithTime {
                            day: Box::new(Sem::Abs(Point::Day(d))),
                            time: format!("T{h}:{mi}"),
                        },
                    )),
                    _ => Some((Date, Sem::Abs(Point::Day(d)))),
                }
            }
        ),
        rule!(
            "numeric_date",
            "(?P<m>[0-9]{1,2})/(?P<d>[0-9]{1,2})/(?P<y>[0-9]{4}|[0-9]{2})",
            |c, s| {
                // A fraction or a score ("3/4/5") is not a date; month first unless the first number
                // cannot be a month (the text's language is English, its variety unknown).
                if s.next_char() == Some('/') || s.prev_char() == Some('/') {
                    return None;
                }
                let mut y = num(g(c, "y")?)?;
                if y < 100 {
                    y += if y < 50 { 2000 } else { 1900 };
                }
                let (m, d) = dossier_dates::day_and_month(
                    g(c, "m")?.parse().ok()?,
                    g(c, "d")?.parse().ok()?,
                    dossier_dates::Order::MonthFirst,
                    false,
                );
                let d = dossier_dates::ymd(y, m, d)?;
                Some((Date, Sem::Abs(Point::Day(d))))
            }
        ),
        rule!(
            "month_day",
            format!(
                "(?:(?P<wd>{wd}),?\\s+)?(?:(?P<rel>(?i:last|this|next))\\s+)?(?P<mon>{month})\\s+(?P<d>[0-9]{{1,2}})(?i:st|nd|rd|th)?(?:,?\\s+(?P<y>{year}))?"
            ),
            |c, _| month_and_day(c)
        ),
        rule!(
            "day_month",
            format!(
                "(?:(?P<wd>{wd}),?\\s+)?(?:(?i:the)\\s+)?(?P<d>[0-9]{{1,2}})(?i:st|nd|rd|th)?\\s+(?:(?i:of)\\s+)?(?P<mon>{month})(?:,?\\s+(?P<y>{year}))?"
            ),
            |c, _| month_and_day(c)
        ),
        rule!(
            "month_day_list",
            "(?i:and|or|through|to|until)\\s+(?P<d>[0-9]{1,2})(?i:st|nd|rd|th)?",
            |c, s| {
                // "April 24 and 25": the second day borrows the month of the first.
                static BEFORE: std::sync::OnceLock<Regex> = std::sync::OnceLock::new();
                let before = BEFORE.get_or_init(|| {
                    Regex::new(&format!(
                        "(?P<mon>{MONTH_RE})\\s+[0-9]{{1,2}}(?i:st|nd|rd|th)?,?\\s*$"
                    ))
                    .expect("month-day tail compiles")
                });
                let mut lo = s.start.saturating_sub(24);
                while !s.text.is_char_boundary(lo) {
                    lo -= 1;
                }
                let month = dossier_dates::month(
                    before.captures(&s.text[lo..s.start])?.name("mon")?.as_str(),
                )?;
                // Not "April 24 to 25 percent" or a year ("and 2021").
                if s.next_char().is_some_and(|ch| ch == '%') || s.next_word() == "percent" {
                    return None;
                }
                let d = c.name("d")?;
                let day: u32 = d.as_str().parse().ok().filter(|d| (1..=31).contains(d))?;
                s.new_start.set(Some(d.start()));
                Some((Date, Sem::ListDay { month, day }))
            }
        ),
        rule!(
            "month_rel_year",
            format!("(?P<mon>{month}),?\\s+(?P<rel>(?i:this|last|next))\\s+(?i:year)"),
            |c, _| {
                let month = dossier_dates::month(g(c, "mon")?)?;
                let r = rel_word(g(c, "rel")?)?;
                Some((
                    Date,
                    Sem::MonthOfYear {
                        month,
                        year: YearRef::Rel(r),
                    },
                ))
            }
        ),
        rule!(
            "month_year",
            format!("(?P<mon>{month}),?\\s+(?:(?i:of)\\s+)?(?P<y>{year})"),
            |c, _| {
                let m = dossier_dates::month(g(c, "mon")?)?;
                Some((Date, Sem::Abs(Point::Month(num(g(c, "y")?)?, m))))
            }
        ),
        rule!(
            "month",
            format!(
                "(?:(?i:(?P<rel>last|this|next|past|coming|the\\s+month\\s+of))\\s+)?(?P<mon>{MONTH_ALONE_RE})"
            ),
            |c, s| {
                let name = g(c, "mon")?;
                let rel = g(c, "rel").and_then(rel_word);
                // "May" is a modal verb as often as a month: insist on a temporal lead word.
                if name == "May" && g(c, "rel").is_none() {
                    let prev = s.prev_word();
                    if !TEMPORAL_LEAD.contains(&prev.as_str()) {
                        return None;
                    }
                    // "Cameron and May": only a month list ("April and May") makes it a month.
                    if matches!(prev.as_str(), "and" | "or" | "to" | "as" | "for" | "on") {
                        let mut lo = s.start.saturating_sub(24);
                        while !s.text.is_char_boundary(lo) {
                            lo -= 1;
                        }
                        let before = &s.text[lo..s.start];
                        let another_month = before
                            .split(|c: char| !c.is_alphabetic())
                            .any(|w| dossier_dates::month(w).is_some_and(|m| m != 5));
                        if !another_month {
                            return None;
                        }
                    }
                }
                Some((
                    Date,
                    Sem::Month {
                        month: dossier_dates::month(name)?,
                        rel,
                    },
                ))
            }
        ),
        rule!(
            "year",
            format!(
                "(?:(?i:(?P<lead>fiscal(?:\\s+year)?|calendar(?:\\s+year)?|the\\s+year|FY))\\s*)?(?P<y>{year})(?:(?P<range>-|/)(?P<y2>[0-9][0-9]))?"
            ),
            |c, s| {
                let y = num(g(c, "y")?)?;
                // Money, counts and percentages are not years.
                // A phone number or code ("555-2020") is not a year either.
                let after_digit_dash = s.text[..s.start].ends_with('-')
                    && s.text[..s.start.saturating_sub(1)]
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_ascii_digit());
                if after_digit_dash
                    || matches!(s.prev_char(), Some('$' | '#' | '€' | '£' | ',' | '.' | '+'))
                    || matches!(s.next_char(), Some('%' | ',' | '.'))
                        && s.text[s.end..]
                            .chars()
                            .nth(1)
                            .is_some_and(|c| c.is_ascii_digit())
                {
                    return None;
                }
                let next = s.next_word();
                const NOT_AFTER_YEAR: &[&str] = &[
                    "percent",
                    "people",
                    "troops",
                    "soldiers",
                    "workers",
                    "employees",
                    "shares",
                    "members",
                    "jobs",
                    "acres",
                    "miles",
                    "kilometers",
                    "feet",
                    "meters",
                    "tons",
                    "dollars",
                    "yen",
                    "marks",
                    "francs",
                    "pounds",
                    "euros",
                    "points",
                    "cars",
                    "units",
                    "students",
                    "homes",
                    "houses",
                    "residents",
                    "police",
                    "officers",
                    "delegates",
                    "votes",
                    "children",
                    "men",
                    "women",
                    "refugees",
                    "prisoners",
                    "cases",
                    "deaths",
                    "hours",
                    "days",
                    "times",
                    "barrels",
                    "pages",
                ];
                if g(c, "lead").is_none()
                    && g(c, "y2").is_none()
                    && NOT_AFTER_YEAR.contains(&next.as_str())
                {
                    return None;
                }
                // Labels and addresses: "Room 1950", "Flight 1549", "1600 Main Street".
                const LABELS: &[&str] = &[
                    "about",
                    "room",
                    "route",
                    "flight",
                    "no",
                    "number",
                    "highway",
                    "interstate",
                    "page",
                    "article",
                    "section",
                    "model",
                    "apollo",
                    "windows",
                    "suite",
                    "unit",
                    "bus",
                    "train",
                    "gate",
                    "resolution",
                    "code",
                    "box",
                    "platform",
                    "exit",
                ];
                const STREETS: &[&str] = &[
                    "street",
                    "st",
                    "avenue",
                    "ave",
                    "road",
                    "rd",
                    "boulevard",
                    "blvd",
                    "lane",
                    "drive",
                    "way",
                    "place",
                    "square",
                ];
                if g(c, "lead").is_none()
                    && (LABELS.contains(&s.prev_word().as_str())
                        || STREETS.contains(
                            &s.text[s.end..]
                                .split_whitespace()
                                .nth(1)
                                .unwrap_or("")
                                .trim_end_matches(['.', ','])
                                .to_ascii_lowercase()
                                .as_str(),
                        ))
                {
                    return None;
                }
                Some((Date, Sem::Abs(Point::Year(y))))
            }
        ),
        rule!(
            "spelled_year",
            "(?i:(?P<the>the\\s+year\\s+)?(?P<c>nineteen|twenty)[\\s-]+(?P<rest>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|oh[\\s-](?:one|two|three|four|five|six|seven|eight|nine)|hundred)|the\\s+year\\s+two\\s+thousand(?:\\s+(?:and\\s+)?(?P<k>one|two|three|four|five|six|seven|eight|nine|ten))?)",
            |c, s| {
                // Transcripts spell years out: "nineteen ninety-six", "the year two thousand".
                let y = if let Some(cw) = g(c, "c") {
                    let century = if cw.eq_ignore_ascii_case("nineteen") {
                        1900
                    } else {
                        2000
                    };
                    let rest = g(c, "rest")?.to_ascii_lowercase().replace("oh", "");
                    let n = if rest == "hundred" {
                        0.0
                    } else {
                        match lexicon::parse_quantity(
                            rest.trim_matches(|ch: char| ch == ' ' || ch == '-'),
                        )? {
                            Quantity::Exact(x) => x,
                            Quantity::Vague => return None,
                        }
                    };
                    century + n as i32
                } else {
                    let k = match g(c, "k") {
                        Some(k) => match lexicon::parse_quantity(k)? {
                            Quantity::Exact(x) => x as i32,
                            Quantity::Vague => return None,
                        },
                        None => 0,
                    };
                    2000 + k
                };
                // "nineteen twenty-five people" is a count.
                if g(c, "the").is_none() && g(c, "c").is_some() {
                    let next = s.next_word();
                    if matches!(
                        next.as_str(),
                        "people" | "percent" | "dollars" | "men" | "women" | "years" | "of"
                    ) {
                        return None;
                    }
                }
                Some((Date, Sem::Abs(Point::Year(y))))
            }
        ),
        rule!(
            "decade",
            "(?:(?i:the)\\s+)?(?:(?i:early|mid|late)[-‐‑– ]?)?(?:(?P<c>1[0-9]|20)(?P<d>[0-9])0['’]?s|['’](?P<d2>[0-9])0s|(?i:the\\s+)(?P<d3>[2-9])0s|(?i:the\\s+)(?P<w>(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)))",
            |c, _| {
                let d = if let (Some(cc), Some(d)) = (g(c, "c"), g(c, "d")) {
                    num(cc)? * 10 + num(d)?
                } else if let Some(d) = g(c, "d2").or(g(c, "d3")) {
                    190 + num(d)?
                } else {
                    let w = g(c, "w")?.to_ascii_lowercase();
                    let i = [
                        "twenties",
                        "thirties",
                        "forties",
                        "fifties",
                        "sixties",
                        "seventies",
                        "eighties",
                        "nineties",
                    ]
                    .iter()
                    .position(|x| *x == w)? as i32;
                    192 + i
                };
                Some((Date, Sem::Abs(Point::Decade(d))))
            }
        ),
        rule!(
            "century",
            "(?:(?i:the)\\s+)?(?P<o>[0-9]{1,2}(?i:st|nd|rd|th)|(?i:(?:twenty|thirty)-(?:first|second|third)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth))[\\s-]+(?i:century)",
            |c, _| {
                let o = lexicon::ordinal_number(g(c, "o")?)?;
                Some((Date, Sem::Abs(Point::Century(o.checked_sub(1)? as i32))))
            }
        ),
        rule!(
            "season",
            format!(
                "(?:(?i:(?P<rel>this\\s+past|last|this|next|past|coming|the|early|late|mid))[\\s-]+)?(?P<s>(?i:spring|summer|autumn|fall|winter))(?:,?\\s+(?:(?i:of)\\s+)?(?P<y>{year}))?"
            ),
            |c, s| {
                let season = season_number(g(c, "s")?)?;
                // "this past spring" is last spring.
                let rel = g(c, "rel").map(|r| match r.split_whitespace().count() {
                    1 => r.to_ascii_lowercase(),
                    _ => "last".to_string(),
                });
                let y = g(c, "y").and_then(num);
                if y.is_none() {
                    // "the fall of the Berlin Wall", "prices fall": not seasons.
                    if s.next_word() == "of" {
                        return None;
                    }
                    let lead_ok = match rel.as_deref() {
                        Some("the") | None => TEMPORAL_LEAD.contains(&s.prev_word().as_str()),
                        Some(_) => true,
                    };
                    // "expected to fall": a verb.
                    if !lead_ok || (season == 2 && s.prev_word() == "to") {
                        return None;
                    }
                }
                // "in winter", with neither article nor year, is the season in general.
                if y.is_none() && rel.is_none() {
                    let v = Point::Season(2000, season).value()?;
                    return fixed(Date, &format!("XXXX{}", &v[4..]));
                }
                let year = match (y, rel.as_deref().and_then(rel_word)) {
                    (Some(y), _) => YearRef::Abs(y),
                    (None, Some(r)) => YearRef::Rel(r),
                    (None, None) => YearRef::Context,
                };
                Some((Date, Sem::Season { s: season, year }))
            }
        ),
        rule!(
            "quarter",
            format!(
                "(?:(?i:the)\\s+)?(?:(?i:(?P<yrel>this|last|next)\\s+year['’]?s)\\s+)?(?:(?P<y0>{year})['’]?s?\\s+)?(?:(?i:fiscal|calendar)[\\s-]+)?(?P<q>(?i:first|second|third|fourth|1st|2nd|3rd|4th|final|last|latter))[\\s-]+(?:(?i:fiscal)[\\s-]+)?(?P<u>(?i:quarter|half))(?:,?\\s+(?i:of\\s+)?(?:(?i:fiscal|calendar)\\s+)?(?P<y>{year})|\\s+(?i:of\\s+(?:the|this)\\s+year|of\\s+(?P<yrel2>last|next)\\s+year)(?P<ythis>))?"
            ),
            |c, s| {
                let q_word = g(c, "q")?.to_ascii_lowercase();
                let whole = c.get(0)?.as_str().to_ascii_lowercase();
                // "last quarter" is the previous quarter, not the fourth.
                if q_word == "last" && !whole.starts_with("the") {
                    return None;
                }
                let is_half = g(c, "u")?.eq_ignore_ascii_case("half");
                // "the third-quarter results": the article belongs to the noun.
                if let Some(u) = c.name("u")
                    && whole.starts_with("the")
                    && g(c, "yrel").is_none()
                    && s.text[..u.start()].ends_with('-')
                    && g(c, "y").is_none()
                {
                    let first = c.get(0)?.start();
                    let skip = whole[3..].len() - whole[3..].trim_start().len();
                    s.new_start.set(Some(first + 3 + skip));
                }
                let q = match q_word.as_str() {
                    "final" | "last" | "latter" => {
                        if is_half {
                            2
                        } else {
                            4
                        }
                    }
                    w => lexicon::ordinal_number(w)?,
                };
                if (is_half && q > 2) || q > 4 || q == 0 {
                    return None;
                }
                // "the second half" of a match is not a calendar half.
                if is_half
                    && g(c, "y").is_none()
                    && g(c, "y0").is_none()
                    && g(c, "yrel").is_none()
                    && g(c, "ythis").is_none()
                {
                    return None;
                }
                let year = match (
                    g(c, "y").or(g(c, "y0")).and_then(num),
                    g(c, "yrel").or(g(c, "yrel2")),
                ) {
                    (Some(y), _) => YearRef::Abs(y),
                    (None, None) if g(c, "ythis").is_some() => YearRef::Rel(0),
                    (None, Some(r)) => YearRef::Rel(rel_word(r)?),
                    _ => YearRef::Context,
                };
                Some((
                    Date,
                    if is_half {
                        Sem::Half { h: q, year }
                    } else {
                        Sem::Quarter { q, year }
                    },
                ))
            }
        ),
        rule!(
            "quarter_code",
            format!("(?P<u>[QH])(?P<q>[1-4])(?:\\s+(?P<y>{year}))?"),
            |c, _| {
                if g(c, "u")? == "H" {
                    let h = num(g(c, "q")?)? as u32;
                    // "H3" is not a half; "H1" alone is as often a heading as a half-year.
                    if h > 2 || g(c, "y").is_none() {
                        return None;
                    }
                    return Some((
                        Date,
                        Sem::Half {
                            h,
                            year: year_ref(c, "y"),
                        },
                    ));
                }
                Some((
                    Date,
                    Sem::Quarter {
                        q: num(g(c, "q")?)? as u32,
                        year: year_ref(c, "y"),
                    },
                ))
            }
        ),
        rule!(
            "report_quarter",
            "(?i:the\\s+(?P<q>latest|current|previous|prior|past|recent|most\\s+recent|year-earlier|year-ago|just-ended|just\\s+ended|same)?\\s*(?:fiscal\\s+)?(?P<u>quarter|period))",
            |c, _| {
                let q = g(c, "q").map(|q| q.to_ascii_lowercase());
                let is_period = g(c, "u")?.eq_ignore_ascii_case("period");
                let shift = match q.as_deref() {
                    None if is_period => return None,
                    Some("same") if !is_period => 0,
                    Some("same") => return None,
                    None
                    | Some("latest" | "recent" | "most recent" | "just-ended" | "just ended") => 0,
                    Some("current") if !is_period => {
                        return Some((
                            Date,
                            Sem::Offset {
                                unit: Unit::Quarter,
                                n: 0.0,
                                from_ref: false,
                            },
                        ));
                    }
                    Some("previous" | "prior" | "past") => -1,
                    Some("year-earlier" | "year-ago") => -4,
                    _ => return None,
                };
                let latest = matches!(
                    q.as_deref(),
                    Some("latest" | "most recent" | "just-ended" | "just ended")
                );
                Some((Date, Sem::ReportQuarter { shift, latest }))
            }
        ),
        rule!(
            "year_period",
            format!("(?i:the)\\s+(?P<y>{year})\\s+(?i:(?:fiscal\\s+)?(?:quarter|period))"),
            |c, _| {
                Some((
                    Date,
                    Sem::ReportQuarterOfYear {
                        year: num(g(c, "y")?)?,
                    },
                ))
            }
        ),
        rule!("year_ago_adj", "(?i:year-(?:earlier|ago))", |_, _| {
            // An adjective ("year-earlier profit"): the reported quarter a year before.
            Some((
                Date,
                Sem::ReportQuarter {
                    shift: -4,
                    latest: false,
                },
            ))
        }),
        rule!(
            "relative_unit",
            "(?i:(?:(?P<the>the)\\s+)?(?P<rel>this\\s+past|last|this|next|past|coming|current|previous|prior|following|same|upcoming|present|that)\\s+(?:(?:fiscal|calendar)\\s+)?(?P<u>day|week|weekend|month|quarter|year|decade|century))",
            |c, _| {
                let rel = g(c, "rel")?.to_ascii_lowercase();
                // "this past week" is last week.
                let rel = match rel.split_whitespace().count() {
                    1 => rel,
                    _ => "last".to_string(),
                };
                let u = g(c, "u")?;
                let unit = Unit::parse(u)?;
                let the = g(c, "the").is_some();
                if unit == Unit::Weekend {
                    let r = match rel.as_str() {
                        "last" | "previous" | "prior" | "past" => Some(-1),
                        "next" | "coming" | "upcoming" | "following" => Some(1),
                        "this" | "current" | "that" | "same" => Some(0),
                        _ => None,
                    };
                    return Some((Date, Sem::Weekend { rel: r }));
                }
                if rel == "past" {
                    // "the past year": the twelve months up to now (a duration).
                    return fixed(Dur, &duration_value(Quantity::Exact(1.0), unit));
                }
                let (n, from_ref) = match rel.as_str() {
                    "last" if unit == Unit::Day => return None,
                    "this" if unit == Unit::Day => return None,
                    "last" => (-1.0, false),
                    "this" | "current" | "present" => (0.0, false),
                    "next" if the => (1.0, true),
                    "next" | "coming" | "upcoming" => (1.0, false),
                    "previous" | "prior" => (-1.0, true),
                    "following" => (1.0, true),
                    "same" | "that" => (0.0, true),
                    _ => return None,
                };
                Some((Date, Sem::Offset { unit, n, from_ref }))
            }
        ),
        rule!(
            "reporting_year",
            "(?i:the\\s+(?P<k>full|fiscal)\\s+year)",
            |c, _| {
                // Earnings reports: "sales for the full year" names the year reported on;
                // "throughout the fiscal year" its length.
                if g(c, "k")?.eq_ignore_ascii_case("fiscal") {
                    return fixed(Dur, "P1Y");
                }
                Some((
                    Date,
                    Sem::Offset {
                        unit: Unit::Year,
                        n: 0.0,
                        from_ref: false,
                    },
                ))
            }
        ),
        rule!("the_weekend", "(?i:the\\s+weekend)", |_, _| Some((
            Date,
            Sem::Weekend { rel: None }
        ))),
        rule!(
            "end_of_unit",
            "(?i:(?:the\\s+)?(?:end|beginning|start|middle|close|turn|rest|remainder|balance)\\s+of\\s+the\\s+(?P<u>year|month|week|decade|century|quarter))",
            |c, _| {
                let unit = Unit::parse(g(c, "u")?)?;
                Some((
                    Date,
                    Sem::Offset {
                        unit,
                        n: 0.0,
                        from_ref: false,
                    },
                ))
            }
        ),
        rule!(
            "unit_end",
            "(?i:(?:the\\s+)?(?P<u>year|month)(?:(?:-|\\s+)?end|['’]s\\s+end)|(?:earlier|later)\\s+in\\s+the\\s+(?P<u2>year|month|week))",
            |c, _| {
                Some((
                    Date,
                    Sem::Offset {
                        unit: Unit::parse(g(c, "u").or(g(c, "u2"))?)?,
                        n: 0.0,
                        from_ref: false,
                    },
                ))
            }
        ),
        rule!(
            "weekday",
            format!(
                "(?:(?i:(?P<rel>last|this|next|coming|past))\\s+)?(?P<wd>{wd})(?P<pl>s)?(?:\\s+(?i:(?P<part>morning|afternoon|evening|night)(?P<ppl>s)?))?"
            ),
            |c, _| {
                let wd = lexicon::weekday_number(g(c, "wd")?)?;
                let part = g(c, "part").and_then(part_of_day);
                if g(c, "pl").is_some() || g(c, "ppl").is_some() {
                    let v = format!("XXXX-WXX-{wd}{}", part.unwrap_or(""));
                    return fixed(Set, &v);
                }
                let day = Sem::Weekday {
                    wd,
                    rel: g(c, "rel").and_then(rel_word),
                };
                Some(match part {
                    Some(p) => (
                        Time,
                        Sem::WithTime {
                            day: Box::new(day),
                            time: p.into(),
                        },
                    ),
                    None => (Date, day),
                })
            }
        ),
        rule!(
            "deictic_day",
            format!(
                "(?i:(?P<pre>the\\s+day\\s+(?:before|after)\\s+)?(?P<w>today|yesterday|tomorrow|tonight)(?:\\s+(?P<part>morning|afternoon|evening|night))?)"
            ),
            |c, _| {
                let w = g(c, "w")?;
                let mut n = deictic_offset(w)?;
                if let Some(pre) = g(c, "pre") {
                    n += if pre.to_ascii_lowercase().contains("before") {
                        -1.0
                    } else {
                        1.0
                    };
                }
                let day = Sem::Offset {
                    unit: Unit::Day,
                    n,
                    from_ref: false,
                };
                Some(match g(c, "part").and_then(part_of_day) {
                    Some(p) => (
                        Time,
                        Sem::WithTime {
                            day: Box::new(day),
                            time: p.into(),
                        },
                    ),
                    None => (Date, day),
                })
            }
        ),
        rule!(
            "part_of_day",
            "(?i:(?P<rel>this|last|early\\s+this|late\\s+last|that|the\\s+next|the\\s+following|the\\s+same|the\\s+previous)\\s+(?P<part>morning|afternoon|evening|night)|(?P<over>overnight))",
            |c, _| {
                let mut from_ref = false;
                let (n, p) = if g(c, "over").is_some() {
                    (0.0, "TNI")
                } else {
                    let rel = g(c, "rel")?.to_ascii_lowercase();
                    let p = part_of_day(g(c, "part")?)?;
                    // "that night", "the next morning": the day of the story so far.
                    if rel == "that" || rel.starts_with("the") {
                        from_ref = true;
                    }
                    let n = if rel.ends_with("next") || rel.ends_with("following") {
                        1.0
                    } else if rel.ends_with("previous") {
                        -1.0
                    } else if rel.ends_with("last") {
                        if p != "TNI" {
                            return None;
                        }
                        -1.0
                    } else {
                        0.0
                    };
                    (n, p)
                };
                Some((
                    Time,
                    Sem::WithTime {
                        day: Box::new(Sem::Offset {
                            unit: Unit::Day,
                            n,
                            from_ref,
                        }),
                        time: p.into(),
                    },
                ))
            }
        ),
        rule!(
            "clock",
            format!(
                "(?:(?P<h>[0-9]{{1,2}})(?:[:.](?P<mi>[0-9]{{2}}))?\\s*(?P<ap>(?i:a\\.m\\.?|p\\.m\\.?|am|pm))|(?P<named>(?i:noon|midnight|midday))|(?P<h24>[0-9]{{1,2}}):?(?P<mi24>[0-9]{{2}})\\s+(?:{TZ}))(?:\\s+{TZ})?(?:,?\\s+(?:(?P<dref>{DATE_REF})|(?P<dwd>{wd})|(?P<dmon>{month})\\s+(?P<dday>[0-9]{{1,2}})))?"
            ),
            |c, s| {
                let (h, mi) = if let Some(named) = g(c, "named") {
                    match named.to_ascii_lowercase().as_str() {
                        "midnight" => (24, 0),
                        _ => (12, 0),
                    }
                } else if let Some(h) = g(c, "h24") {
                    (h.parse().ok()?, g(c, "mi24")?.parse().ok()?)
                } else {
                    let mut h: u32 = g(c, "h")?.parse().ok()?;
                    let mi: u32 = g(c, "mi").map_or(Some(0), |m| m.parse().ok())?;
                    if h == 0 || h > 12 {
                        return None;
                    }
                    let pm = g(c, "ap")?.to_ascii_lowercase().starts_with('p');
                    if pm && h < 12 {
                        h += 12;
                    } else if !pm && h == 12 {
                        h = 0;
                    }
                    (h, mi)
                };
                if h > 24 || mi > 59 {
                    return None;
                }
                // "am" as a word ("I am") only counts right after digits.
                if let Some(ap) = g(c, "ap")
                    && ap.len() == 2
                    && s.next_char().is_some_and(|ch| ch.is_alphanumeric())
                {
                    return None;
                }
                let day = day_of(c).unwrap_or(Sem::StoryDay);
                Some((
                    Time,
                    Sem::WithTime {
                        day: Box::new(day),
                        time: format!("T{h:02}:{mi:02}"),
                    },
                ))
            }
        ),
        rule!(
            "ago",
            format!(
                "(?i:(?:(?P<n>{n})\\s+)?(?P<u>{unit})\\s+(?:and\\s+a\\s+half\\s+)?(?:or\\s+so\\s+)?(?P<dir>ago|earlier|later|from\\s+now|hence|before|after))"
            ),
            |c, s| {
                let dir = g(c, "dir")?.to_ascii_lowercase();
                if matches!(dir.as_str(), "before" | "after") {
                    // "two days before the vote" is a duration plus a signal.
                    let next = s.next_word();
                    if !next.is_empty() && !matches!(next.as_str(), "that" | "and" | "but") {
                        return None;
                    }
                }
                if s.next_word() == "than" {
                    return None;
                }
                let u = g(c, "u")?;
                let unit = Unit::parse(u)?;
                let back = matches!(dir.as_str(), "ago" | "earlier" | "before");
                let q = match g(c, "n") {
                    Some(n) => lexicon::parse_quantity(n)?,
                    None if Unit::is_plural(u) => Quantity::Vague,
                    None => return None,
                };
                let half = c.get(0)?.as_str().to_ascii_lowercase().contains("half");
                // "three days later" is annotated as the duration "three days"; the anchor is
                // some event, rarely a date in the text.
                if dir == "later" {
                    let before_dir = c.name("dir")?.start();
                    s.new_end.set(Some(s.text[..before_dir].trim_end().len()));
                    return Some((
                        Dur,
                        Sem::Fixed(duration_value(
                            match q {
                                Quantity::Exact(x) if half => Quantity::Exact(x + 0.5),
                                q => q,
                            },
                            unit,
                        )),
                    ));
                }
                match q {
                    Quantity::Vague => fixed(Date, if back { "PAST_REF" } else { "FUTURE_REF" }),
                    Quantity::Exact(x) => {
                        let x = if half { x + 0.5 } else { x };
                        // "a decade ago" names a year, not a decade.
                        let (unit, x) = match unit {
                            Unit::Decade => (Unit::Year, x * 10.0),
                            Unit::Century => (Unit::Year, x * 100.0),
                            u => (u, x),
                        };
                        Some((
                            Date,
                            Sem::Ago {
                                unit,
                                n: if back { -x } else { x },
                                from_ref: !matches!(dir.as_str(), "ago" | "from now" | "hence"),
                            },
                        ))
                    }
                }
            }
        ),
        rule!(
            "duration",
            format!(
                "(?i:(?:the\\s+)?(?:(?P<rel>past|last|next|first|final|coming|previous|following|remaining|initial|latest|other|entire|whole|full)\\s+)?(?P<n>{n})\\s+(?:(?:more|additional|full|straight|consecutive|long|short|extra|successive|whole|entire)\\s+)?(?P<u>{unit})(?P<half>\\s+and\\s+a\\s+half)?(?:\\s+or\\s+so)?)"
            ),
            |c, s| {
                let u = g(c, "u")?;
                let unit = Unit::parse(u)?;
                let nw = g(c, "n")?;
                // "the 1988 quarter" names a year, not 1988 quarters.
                if nw.len() == 4 && nw.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                let q = lexicon::parse_quantity(nw)?;
                let q = match (q, g(c, "half")) {
                    (Quantity::Exact(x), Some(_)) => Quantity::Exact(x + 0.5),
                    (q, _) => q,
                };
                let lower = nw.to_ascii_lowercase();
                // "$5 a year", "twice a week", "once a month": a frequency.
                if matches!(lower.as_str(), "a" | "an") && g(c, "rel").is_none() {
                    let prev = s.prev_word();
                    let before = s.text[..s.start].trim_end();
                    if matches!(prev.as_str(), "twice" | "once" | "times" | "thrice")
                        || prev.chars().next().is_some_and(|ch| ch.is_ascii_digit())
                        || before.ends_with(['%', '$'])
                        || matches!(
                            prev.as_str(),
                            "million" | "billion" | "percent" | "dollars" | "cents" | "miles"
                        )
                    {
                        // A rate: news corpora leave these unannotated.
                        return None;
                    }
                    // "a day" as in "one day" is rarely a span of time; "a year" is.
                    if unit == Unit::Day && s.prev_word() == "one" {
                        return None;
                    }
                }
                // "a second time", "a second term": an ordinal, not a unit.
                if unit == Unit::Second
                    && matches!(lower.as_str(), "a" | "the")
                    && s.next_char() == Some(' ')
                    && s.next_word()
                        .chars()
                        .next()
                        .is_some_and(char::is_alphabetic)
                    && !matches!(
                        s.next_word().as_str(),
                        "ago" | "later" | "earlier" | "or" | "and"
                    )
                {
                    return None;
                }
                // "one day he left": an indefinite date, not a duration.
                if lower == "one" && unit == Unit::Day && s.start == 0 {
                    return None;
                }
                if s.next_word() == "old" {
                    return None;
                }
                Some((Dur, Sem::Fixed(duration_value(q, unit))))
            }
        ),
        rule!(
            "duration_adjective",
            "(?i:(?P<n>[0-9]+(?:\\.[0-9]+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|four|five|six|seven|eight|nine)|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|half|several|multi|many)-(?P<u>second|minute|hour|day|week|month|quarter|year|decade|century)(?:-(?:long|old))?|(?P<bare>day|week|month|year|decade|century|hour|days|weeks|months|years|decades|centuries|hours)-long)",
            |c, _| {
                // Ages ("a 6-year-old boy") are not annotated as durations in news corpora.
                if c.get(0)?.as_str().to_ascii_lowercase().ends_with("-old") {
                    return None;
                }
                if let Some(b) = g(c, "bare") {
                    let unit = Unit::parse(b)?;
                    let q = if Unit::is_plural(b) {
                        Quantity::Vague
                    } else {
                        Quantity::Exact(1.0)
                    };
                    return fixed(Dur, &duration_value(q, unit));
                }
                let nw = g(c, "n")?;
                let q = if nw.eq_ignore_ascii_case("half") {
                    Quantity::Exact(0.5)
                } else if ["several", "multi", "many"]
                    .iter()
                    .any(|w| nw.eq_ignore_ascii_case(w))
                {
                    Quantity::Vague
                } else {
                    lexicon::parse_quantity(nw)?
                };
                fixed(Dur, &duration_value(q, Unit::parse(g(c, "u")?)?))
            }
        ),
        rule!(
            "vague_plural",
            "(?i:(?:the\\s+)?(?P<rel>recent|coming|past|next|last|previous|following|future|ensuing)\\s+(?P<u>days|weeks|months|years|decades|quarters))",
            |c, _| {
                let rel = g(c, "rel")?.to_ascii_lowercase();
                let unit = Unit::parse(g(c, "u")?)?;
                if rel == "recent" && unit == Unit::Year {
                    return fixed(Date, "PAST_REF");
                }
                if rel == "future" {
                    return fixed(Date, "FUTURE_REF");
                }
                fixed(Dur, &duration_value(Quantity::Vague, unit))
            }
        ),
        rule!(
            "bare_plural",
            "(?i:years|decades|months|weeks|days|hours|minutes|centuries)",
            |c, s| {
                let prev = s.prev_word();
                let next = s.next_word();
                if !matches!(prev.as_str(), "for" | "in" | "over" | "within")
                    || matches!(next.as_str(), "of" | "old" | "ago" | "later" | "earlier")
                {
                    return None;
                }
                fixed(
                    Dur,
                    &duration_value(Quantity::Vague, Unit::parse(c.get(0)?.as_str())?),
                )
            }
        ),
        rule!(
            "reference",
            "(?i:(?P<w>now|currently|recently|the\\s+past|the\\s+future|nowadays|these\\s+days|at\\s+present|presently|lately|the\\s+time\\s+being|as\\s+soon\\s+as\\s+possible|the\\s+near\\s+future|the\\s+near\\s+term|the\\s+short\\s+term|the\\s+long\\s+term|current))",
            |c, s| {
                let w = g(c, "w")?.to_ascii_lowercase();
                let w = w.split_whitespace().collect::<Vec<_>>().join(" ");
                let v = match w.as_str() {
                    "now" | "current" | "currently" | "nowadays" | "these days" | "at present"
                    | "presently" | "the time being" => "PRESENT_REF",
                    "recently" | "the past" | "lately" => "PAST_REF",
                    "the future"
                    | "as soon as possible"
                    | "the near future"
                    | "the near term"
                    | "the short term"
                    | "the long term" => "FUTURE_REF",
                    _ => return None,
                };
                // "Now, he says..." opening a sentence is a discourse marker.
                if c.get(0)?.as_str() == "Now" && s.next_char() == Some(',') {
                    return None;
                }
                // "the current account", "electric current": not the present.
                if w == "current"
                    && matches!(
                        s.next_word().as_str(),
                        "account" | "accounts" | "affairs" | "flow" | "flows" | "density"
                    )
                {
                    return None;
                }
                fixed(Date, v)
            }
        ),
        rule!(
            "set_every",
            format!(
                "(?i:(?:every|each|per)\\s+(?P<other>other\\s+)?(?:(?P<n>{n})\\s+)?(?P<u>second|minute|hour|day|week|weekend|month|quarter|year|decade|seconds|minutes|hours|days|weeks|months|quarters|years|decades|(?P<part>morning|afternoon|evening|night)))|(?i:every|each)\\s+(?:(?P<wd>{wd})|(?P<mon>{MONTH_ALONE_RE})|(?P<sea>(?i:spring|summer|autumn|fall|winter)))"
            ),
            |c, _| {
                if let Some(m) = g(c, "mon") {
                    return fixed(Set, &format!("XXXX-{:02}", dossier_dates::month(m)?));
                }
                if let Some(w) = g(c, "sea") {
                    let v = Point::Season(2000, season_number(w)?).value()?;
                    return fixed(Set, &format!("XXXX{}", &v[4..]));
                }
                if let Some(w) = g(c, "wd") {
                    return fixed(Set, &format!("XXXX-WXX-{}", lexicon::weekday_number(w)?));
                }
                if let Some(p) = g(c, "part") {
                    return fixed(Set, &format!("XXXX-XX-XX{}", part_of_day(p)?));
                }
                let unit = Unit::parse(g(c, "u")?)?;
                let mut q = match g(c, "n") {
                    Some(n) => lexicon::parse_quantity(n)?,
                    None => Quantity::Exact(1.0),
                };
                if g(c, "other").is_some()
                    && let Quantity::Exact(x) = q
                {
                    q = Quantity::Exact(x * 2.0);
                }
                fixed(Set, &duration_value(q, unit))
            }
        ),
        rule!(
            "set_adverb",
            "(?i:daily|weekly|monthly|yearly|hourly|nightly|biweekly|semiannually|twice\\s+a\\s+(?:day|week|month|year))",
            |c, _| {
                let w = c.get(0)?.as_str().to_ascii_lowercase();
                let v = match w.as_str() {
                    "daily" | "nightly" => "P1D",
                    "weekly" => "P1W",
                    "biweekly" => "P2W",
                    "monthly" => "P1M",
                    "yearly" | "annually" => "P1Y",
                    "semiannually" => "P6M",
                    "hourly" => "PT1H",
                    w if w.ends_with("day") => "P1D",
                    w if w.ends_with("week") => "P1W",
                    w if w.ends_with("month") => "P1M",
                    _ => "P1Y",
                };
                fixed(Set, v)
            }
        ),
        rule!(
            "holiday",
            format!(
                "(?:(?i:(?P<rel>last|this|next))\\s+)?(?P<h>Christmas\\s+Eve|Christmas(?:\\s+Day)?|New\\s+Year['’]?s\\s+Eve|New\\s+Year['’]?s(?:\\s+Day)?|Thanksgiving(?:\\s+Day)?|Independence\\s+Day|Halloween|Valentine['’]?s\\s+Day|Labor\\s+Day|Memorial\\s+Day|Veterans\\s+Day|Boxing\\s+Day|Election\\s+Day|Easter(?:\\s+Sunday)?|Good\\s+Friday|Martin\\s+Luther\\s+King\\s+(?:Jr\\.\\s+)?Day)(?:,?\\s+(?P<y>{year}))?"
            ),
            |c, _| {
                let name = holiday(g(c, "h")?)?;
                let year = match (g(c, "y").and_then(num), g(c, "rel").and_then(rel_word)) {
                    (Some(y), _) => YearRef::Abs(y),
                    (None, Some(r)) => YearRef::Rel(r),
                    _ => YearRef::Context,
                };
                Some((Date, Sem::Holiday { name, year }))
            }
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_spelled() {
        assert_eq!(duration_value(Quantity::Exact(3.0), Unit::Year), "P3Y");
        assert_eq!(duration_value(Quantity::Exact(2.5), Unit::Year), "P2Y6M");
        assert_eq!(duration_value(Quantity::Exact(5.5), Unit::Hour), "PT5H30M");
        assert_eq!(duration_value(Quantity::Exact(0.5), Unit::Hour), "PT30M");
        assert_eq!(duration_value(Quantity::Exact(2.0), Unit::Decade), "P20Y");
        assert_eq!(duration_value(Quantity::Vague, Unit::Week), "PXW");
        assert_eq!(duration_value(Quantity::Exact(1.5), Unit::Day), "P1DT12H");
    }

    #[test]
    fn all_rules_compile() {
        assert!(rules().len() > 20);
    }
}
