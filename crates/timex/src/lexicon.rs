//! Word tables and the small parsers over them: weekday, season and unit names, and
//! English number words. Kept apart from the patterns so both read as data.

/// Weekday names, Monday first (ISO 8601 numbering is index + 1).
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Regex alternation of month names and their news abbreviations. Names are matched with their
/// capital letter: lower-case "may" and "march" are far more often a verb than a month.
pub const MONTH_RE: &str = "(?:January|February|March|April|May|June|July|August|September|October|November|December|JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?)";

/// Month names that can stand alone, without a day or year beside them.
pub const MONTH_ALONE_RE: &str = "(?:January|February|March|April|May|June|July|August|September|October|November|December|Sept\\.|Jan\\.|Feb\\.|Aug\\.|Oct\\.|Nov\\.|Dec\\.)";

/// Weekday names, capitalised (see [`MONTH_RE`] for why).
pub const WEEKDAY_RE: &str = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)";

/// Cardinal numbers as news writes them: digits, fractions, words, and vague quantities.
/// Longer alternatives come first because the regex engine takes the leftmost alternative.
pub const NUM_RE: &str = "(?:[0-9]+(?:\\.[0-9]+)?(?:\\s+[0-9]/[0-9])?|[0-9]/[0-9]|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](?:one|two|three|four|five|six|seven|eight|nine)|one\\s+and\\s+a\\s+half|a\\s+couple\\s+of|a\\s+couple|couple\\s+of|a\\s+few|a\\s+dozen|a\\s+hundred|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|several|few|many|some|dozens\\s+of|hundreds\\s+of|half\\s+an?|an?)";

/// Calendar and clock units, singular or plural.
pub const UNIT_RE: &str = "(?:seconds?|minutes?|hours?|days?|weeks?|weekends?|fortnights?|months?|quarters?|years?|decades?|century|centuries)";

/// A calendar or clock unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Weekend,
    Week,
    Fortnight,
    Month,
    Quarter,
    Half,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// Parses a unit word, singular or plural, any case.
    pub fn parse(word: &str) -> Option<Unit> {
        let w = word.to_ascii_lowercase();
        let w = w.trim_end_matches('s');
        Some(match w {
            "second" => Unit::Second,
            "minute" => Unit::Minute,
            "hour" => Unit::Hour,
            "day" => Unit::Day,
            "weekend" => Unit::Weekend,
            "week" => Unit::Week,
            "fortnight" => Unit::Fortnight,
            "month" => Unit::Month,
            "quarter" => Unit::Quarter,
            "half" => Unit::Half,
            "year" => Unit::Year,
            "decade" => Unit::Decade,
            "century" | "centurie" => Unit::Century,
            _ => return None,
        })
    }

    /// Whether the surface form was plural ("years"), which makes a bare unit vague.
    pub fn is_plural(word: &str) -> bool {
        let w = word.to_ascii_lowercase();
        w.ends_with('s') || w == "centuries"
    }
}

/// A parsed quantity: exact, or vague ("several", "a few") which TIMEX3 writes as `X`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Quantity {
    Exact(f64),
    Vague,
}

fn small_number(w: &str) -> Option<u32> {
    const ONES: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(i) = ONES.iter().position(|x| *x == w) {
        return Some(i as u32);
    }
    if let Some(i) = TENS.iter().position(|x| *x == w) {
        return Some(20 + 10 * i as u32);
    }
    if w == "hundred" {
        return Some(100);
    }
    None
}

/// Parses a number phrase matched by [`NUM_RE`]. Digits beyond a sane range give `None`, so that
/// hostile input ("999999999999 years ago") cannot push date arithmetic out of range.
pub fn parse_quantity(s: &str) -> Option<Quantity> {
    let lower = s.to_ascii_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect();
    let joined = words.join(" ");
    let exact = |v: f64| Some(Quantity::Exact(v));
    match joined.as_str() {
        "a" | "an" => return exact(1.0),
        "a couple" | "a couple of" | "couple of" => return exact(2.0),
        "a dozen" => return exact(12.0),
        "a hundred" => return exact(100.0),
        "half a" | "half an" => return exact(0.5),
        "one and a half" => return exact(1.5),
        "a few" | "several" | "few" | "many" | "some" | "dozens of" | "hundreds of" => {
            return Some(Quantity::Vague);
        }
        _ => {}
    }
    if words.first()?.starts_with(|c: char| c.is_ascii_digit()) {
        // "5 1/2", "2.5", "1/2"
        let mut total = 0.0;
        for w in &words {
            if let Some((a, b)) = w.split_once('/') {
                let a: f64 = a.parse().ok()?;
                let b: f64 = b.parse().ok()?;
                if b == 0.0 {
                    return None;
                }
                total += a / b;
            } else {
                total += w.parse::<f64>().ok()?;
            }
        }
        return if (0.0..=100_000.0).contains(&total) {
            exact(total)
        } else {
            None
        };
    }
    let mut total = 0;
    for w in &words {
        total += small_number(w)?;
    }
    exact(total as f64)
}

/// ISO weekday number (Monday 1 .. Sunday 7).
pub fn weekday_number(s: &str) -> Option<u32> {
    let w = s.to_ascii_lowercase();
    let w = w.trim_end_matches('s');
    WEEKDAYS.iter().position(|d| *d == w).map(|i| i as u32 + 1)
}

/// Ordinal words and numerals up to 31 ("third", "3rd", "twenty-first").
pub fn ordinal_number(s: &str) -> Option<u32> {
    let w = s.to_ascii_lowercase();
    let digits: String = w.chars().take_while(|c| c.is_ascii_digit()).collect();
    if !digits.is_empty() {
        return digits.parse().ok();
    }
    const ORD: [&str; 20] = [
        "zeroth",
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
    ];
    if let Some(i) = ORD.iter().position(|o| *o == w) {
        return Some(i as u32);
    }
    match w.as_str() {
        "twentieth" => return Some(20),
        "thirtieth" => return Some(30),
        "last" | "final" => return Some(4),
        _ => {}
    }
    let (tens, ones) = w.split_once(['-', ' '])?;
    let t = small_number(tens)?;
    let o = ORD.iter().position(|o| *o == ones)? as u32;
    Some(t + o)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities() {
        assert_eq!(parse_quantity("two"), Some(Quantity::Exact(2.0)));
        assert_eq!(parse_quantity("twenty-five"), Some(Quantity::Exact(25.0)));
        assert_eq!(parse_quantity("5 1/2"), Some(Quantity::Exact(5.5)));
        assert_eq!(parse_quantity("a few"), Some(Quantity::Vague));
        assert_eq!(parse_quantity("An"), Some(Quantity::Exact(1.0)));
        assert_eq!(parse_quantity("99999999999"), None);
    }

    #[test]
    fn names() {
        assert_eq!(weekday_number("Sundays"), Some(7));
        assert_eq!(ordinal_number("twenty-first"), Some(21));
        assert_eq!(ordinal_number("3rd"), Some(3));
    }
}
