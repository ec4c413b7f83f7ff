//! Behaviour pinned with sentences written for these tests. Publication date 2021-03-02 (a
//! Tuesday, ISO week 9) unless a test says otherwise.

use chrono::NaiveDate;
use dossier_model::{Timex, TimexType};
use dossier_timex::extract;

fn dct() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2021, 3, 2)
}

fn run(text: &str, published: Option<NaiveDate>) -> Vec<(String, TimexType, String)> {
    extract(text, published)
        .into_iter()
        .map(|t: Timex| {
            (
                t.span.text(text).to_string(),
                t.kind,
                t.value.unwrap_or_default(),
            )
        })
        .collect()
}

/// The one expression found in `text`, as (span text, value).
fn one(text: &str, published: Option<NaiveDate>) -> (String, String) {
    let all = run(text, published);
    assert_eq!(all.len(), 1, "expected one timex in {text:?}, got {all:?}");
    let (s, _, v) = all.into_iter().next().unwrap();
    (s, v)
}

fn check(text: &str, span: &str, value: &str) {
    assert_eq!(
        one(text, dct()),
        (span.to_string(), value.to_string()),
        "in {text:?}"
    );
}

#[test]
fn absolute_dates_in_common_formats() {
    check(
        "The treaty was signed on March 5, 2009, in Prague.",
        "March 5, 2009",
        "2009-03-05",
    );
    check(
        "Talks opened on 5 March 2009 in Prague.",
        "5 March 2009",
        "2009-03-05",
    );
    check(
        "The deadline is Sept. 30, 2019, officials say.",
        "Sept. 30, 2019",
        "2019-09-30",
    );
    check(
        "Filed 2019-11-04 with the court.",
        "2019-11-04",
        "2019-11-04",
    );
    check(
        "The form dated 11/04/2019 was lost.",
        "11/04/2019",
        "2019-11-04",
    );
    check(
        "Elections were held in October 2019.",
        "October 2019",
        "2019-10",
    );
    check("He first visited the region in 2009.", "2009", "2009");
    check(
        "On Friday, Oct. 23, 2015, the council met.",
        "Friday, Oct. 23, 2015",
        "2015-10-23",
    );
}

#[test]
fn an_old_event_keeps_its_own_date() {
    check(
        "In the spring of 2015 the two leaders met in secret.",
        "the spring of 2015",
        "2015-SP",
    );
    check("Growth was slow throughout the 1990s.", "the 1990s", "199");
    check(
        "Revenue fell in the third quarter of 1999.",
        "the third quarter of 1999",
        "1999-Q3",
    );
    check(
        "It was built in the 19th century.",
        "the 19th century",
        "18",
    );
    check(
        "Profits doubled in fiscal 1998, the filing shows.",
        "fiscal 1998",
        "1998",
    );
}

#[test]
fn relative_to_publication_date() {
    check("The envoy will return next week.", "next week", "2021-W10");
    check("The envoy arrived last week.", "last week", "2021-W08");
    check("Prices rose this week.", "this week", "2021-W09");
    check("Exports fell last month.", "last month", "2021-02");
    check(
        "The minister resigned yesterday.",
        "yesterday",
        "2021-03-01",
    );
    check("The vote is due tomorrow.", "tomorrow", "2021-03-03");
    check("Sales rose sharply last year.", "last year", "2020");
    check(
        "The plant will close at the end of the year.",
        "the end of the year",
        "2021",
    );
    check(
        "The bank raised rates earlier this year.",
        "earlier this year",
        "2021",
    );
    check("He left the party two years ago.", "two years ago", "2019");
    check(
        "The first case was reported three days ago.",
        "three days ago",
        "2021-02-27",
    );
    check("Output has grown since March.", "March", "2021-03");
}

#[test]
fn vague_past_and_future_become_references() {
    check(
        "Officials met a few weeks ago.",
        "a few weeks ago",
        "PAST_REF",
    );
    check("The crisis is worse now.", "now", "PRESENT_REF");
    check("Prices have risen recently.", "recently", "PAST_REF");
    check("Nobody can predict the future.", "the future", "FUTURE_REF");
}

#[test]
fn weekdays_follow_tense() {
    // 2021-03-02 is a Tuesday.
    check("The talks collapsed on Friday.", "Friday", "2021-02-26");
    check("The talks will resume on Friday.", "Friday", "2021-03-05");
    check(
        "Rebels attacked the town on Tuesday.",
        "Tuesday",
        "2021-03-02",
    );
    check("The court ruled last Monday.", "last Monday", "2021-03-01");
    check(
        "She will speak next Thursday.",
        "next Thursday",
        "2021-03-04",
    );
    check(
        "The talks are set to resume on Monday.",
        "Monday",
        "2021-03-08",
    );
    check(
        "Troops could arrive as early as Friday.",
        "Friday",
        "2021-03-05",
    );
}

#[test]
fn months_follow_tense() {
    check("The factory opened in June.", "June", "2020-06");
    check("The factory will open in June.", "June", "2021-06");
    check("He was arrested on Dec. 12.", "Dec. 12", "2020-12-12");
    check(
        "The summit will take place on April 20.",
        "April 20",
        "2021-04-20",
    );
    check("Inflation eased last November.", "last November", "2020-11");
}

#[test]
fn durations() {
    check("Prices fell over the past year.", "the past year", "P1Y");
    check("The war lasted two decades.", "two decades", "P20Y");
    check("He was held for three years.", "three years", "P3Y");
    check(
        "Shares rose in the past three months.",
        "the past three months",
        "P3M",
    );
    check("The meeting ran for 5 1/2 hours.", "5 1/2 hours", "PT5H30M");
    check("A two-year study found little change.", "two-year", "P2Y");
    check(
        "Talks dragged on for several weeks.",
        "several weeks",
        "PXW",
    );
    check(
        "The strike lasted more than four months.",
        "more than four months",
        "P4M",
    );
}

#[test]
fn sets() {
    check(
        "The committee meets every Monday.",
        "every Monday",
        "XXXX-WXX-1",
    );
    check("Inspectors visit daily.", "daily", "P1D");
    check("The index is published weekly.", "weekly", "P1W");
    check("Each year the festival draws crowds.", "Each year", "P1Y");
    let all = run("Shops close on Sundays.", dct());
    assert_eq!(all[0].1, TimexType::Set);
    assert_eq!(all[0].2, "XXXX-WXX-7");
}

#[test]
fn seasons_and_quarters() {
    check("The offensive began last summer.", "last summer", "2020-SU");
    check(
        "Elections are expected this autumn.",
        "this autumn",
        "2021-FA",
    );
    check(
        "Profit rose in the fourth quarter.",
        "the fourth quarter",
        "2020-Q4",
    );
    check("Revenue in Q3 2020 beat forecasts.", "Q3 2020", "2020-Q3");
    check(
        "Growth slowed in the first half of 2019.",
        "the first half of 2019",
        "2019-H1",
    );
}

#[test]
fn times_of_day() {
    let all = run("The blast happened at 3 p.m. near the station.", dct());
    assert_eq!(
        all,
        vec![("3 p.m.".into(), TimexType::Time, "2021-03-02T15:00".into())]
    );
    let all = run("Police arrived this morning.", dct());
    assert_eq!(
        all,
        vec![(
            "this morning".into(),
            TimexType::Time,
            "2021-03-02TMO".into()
        )]
    );
    let all = run("Shelling resumed last night.", dct());
    assert_eq!(
        all,
        vec![("last night".into(), TimexType::Time, "2021-03-01TNI".into())]
    );
}

#[test]
fn without_publication_date_unknowns_stay_placeholders() {
    assert_eq!(one("Exports fell in March.", None).1, "XXXX-03");
    assert_eq!(one("The talks collapsed on Friday.", None).1, "XXXX-WXX-5");
    assert_eq!(one("The envoy will return next week.", None).1, "XXXX-WXX");
    assert_eq!(one("He was arrested on Dec. 12.", None).1, "XXXX-12-12");
    assert_eq!(one("Sales rose last year.", None).1, "XXXX");
    // Absolute expressions do not need the publication date.
    assert_eq!(one("In the spring of 2015 they met.", None).1, "2015-SP");
}

#[test]
fn a_nearer_date_in_the_text_anchors_anaphora() {
    let text =
        "The rebels entered the city on June 3, 2014. The following day they seized the airport.";
    let all = run(text, dct());
    assert_eq!(all[1].0, "The following day");
    assert_eq!(all[1].2, "2014-06-04");
    let t = &extract(text, dct())[1];
    assert_eq!(t.anchor.as_deref(), Some("2014-06-03"));
    assert_eq!(t.rule, "relative_unit");
}

#[test]
fn anchors_and_rules_are_recorded() {
    let t = &extract("The envoy will return next week.", dct())[0];
    assert_eq!(t.anchor.as_deref(), Some("published"));
    assert_eq!(t.rule, "relative_unit");
    let t = &extract("It happened on March 5, 2009.", dct())[0];
    assert_eq!(t.anchor, None);
}

#[test]
fn not_temporal() {
    for text in [
        "Prices fall when supply rises.",
        "The Mayor spoke to 2000 people.",
        "The company paid $1990 in fees.",
        "A 6-year-old boy was rescued.",
        "May I ask a question?",
    ] {
        assert!(
            run(text, dct()).is_empty(),
            "{text:?} gave {:?}",
            run(text, dct())
        );
    }
}

#[test]
fn spans_are_on_char_boundaries_with_unicode_around() {
    let text = "Ça s’est passé «last week» — 2019 était différent.";
    for t in extract(text, dct()) {
        assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        assert!(dossier_timex::is_well_formed_value(
            t.value.as_deref().unwrap()
        ));
    }
}

#[test]
fn later_is_a_duration_ago_is_a_date() {
    let all = run("Three days later the rebels withdrew.", dct());
    assert_eq!(
        all,
        vec![("Three days".into(), TimexType::Duration, "P3D".into())]
    );
    check(
        "The rebels withdrew three days ago.",
        "three days ago",
        "2021-02-27",
    );
}

#[test]
fn clock_times_fall_on_the_story_day() {
    let text = "The attack began on Feb. 12. Shelling stopped at 6 a.m. and the town fell.";
    let all = run(text, dct());
    assert_eq!(all[1].0, "6 a.m.");
    assert_eq!(all[1].2, "2021-02-12T06:00");
    let text = "The convoy left at 10:30 p.m. Tuesday.";
    assert_eq!(run(text, dct())[0].2, "2021-03-02T22:30");
}

#[test]
fn anaphoric_parts_of_day() {
    let text = "They were detained on June 3, 2014. The next morning they were freed.";
    let all = run(text, dct());
    assert_eq!(all[1].0, "The next morning");
    assert_eq!(all[1].2, "2014-06-04TMO");
}

#[test]
fn earnings_reports_compare_quarters() {
    // Published 2021-03-02: the quarter being reported is 2020-Q4.
    let text = "Profit rose 8% in the fourth quarter, compared with a loss a year earlier.";
    let all = run(text, dct());
    assert_eq!(all[0].2, "2020-Q4");
    assert_eq!(all[1].0, "a year earlier");
    assert_eq!(all[1].2, "2019-Q4");
}

#[test]
fn spelled_out_years() {
    check(
        "It began in nineteen ninety-six.",
        "nineteen ninety-six",
        "1996",
    );
    check(
        "Plans for the year two thousand were set.",
        "the year two thousand",
        "2000",
    );
}

#[test]
fn seasons_around_new_year() {
    // In January, "last fall" is the autumn of the year before.
    let jan = NaiveDate::from_ymd_opt(2021, 1, 20);
    assert_eq!(one("Sales slumped last fall.", jan).1, "2020-FA");
}

#[test]
fn more_non_temporal_uses() {
    for text in [
        "The current account deficit widened.",
        "She won a second term in office.",
        "Call 555-2020 for details.",
    ] {
        assert!(
            run(text, dct()).is_empty(),
            "{text:?} gave {:?}",
            run(text, dct())
        );
    }
}

/// Random soups of date words, digits, punctuation and multi-byte characters: no panic, spans
/// in bounds and on character boundaries, sorted and disjoint, values well-formed. (The fuzz
/// target under `fuzz/` does the same with coverage guidance.)
#[test]
fn random_date_soup_keeps_invariants() {
    const PIECES: &[&str] = &[
        "the",
        "last",
        "next",
        "this",
        "ago",
        "earlier",
        "later",
        "March",
        "May",
        "Sept.",
        "Friday",
        "Fridays",
        "week",
        "weeks",
        "year",
        "years",
        "quarter",
        "third",
        "fiscal",
        "1999",
        "2021",
        "99999999999",
        "'80s",
        "1990s",
        "12",
        "31",
        "5 1/2",
        "a",
        "few",
        "every",
        "p.m.",
        "noon",
        "spring",
        "of",
        "mid-",
        "early",
        "end",
        "morning",
        "night",
        "-",
        "/",
        ",",
        ".",
        " ",
        "\n",
        "é",
        "日本",
        "—",
        "ß",
        "0/0",
        "00:99",
        "Q4",
        "half",
        "century",
        "21st",
        "today",
        "yesterday",
        "nineteen",
        "ninety-six",
        "two",
        "thousand",
        "Christmas",
        "decades-long",
        "6-year-old",
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for round in 0..3000 {
        let len = (next() % 24) as usize;
        let mut text = String::new();
        for _ in 0..len {
            text.push_str(PIECES[(next() % PIECES.len() as u64) as usize]);
            if next() % 3 != 0 {
                text.push(' ');
            }
        }
        let published = if round % 2 == 0 { dct() } else { None };
        let found = extract(&text, published);
        let mut last_end = 0;
        for t in &found {
            assert!(
                t.span.start < t.span.end && t.span.end <= text.len(),
                "{text:?}"
            );
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
            assert!(
                t.span.start >= last_end,
                "overlapping spans in {text:?}: {found:?}"
            );
            last_end = t.span.end;
            if let Some(v) = &t.value {
                assert!(
                    dossier_timex::is_well_formed_value(v),
                    "bad value {v:?} in {text:?}"
                );
            }
        }
    }
}

#[test]
fn halves_need_a_year() {
    check(
        "Growth should pick up in the second half of the year.",
        "the second half of the year",
        "2021-H2",
    );
    // A match half is not a calendar half.
    assert!(run("They scored twice in the second half.", dct()).is_empty());
}

#[test]
fn informal_forms() {
    check(
        "Markets rallied this past week.",
        "this past week",
        "2021-W08",
    );
    check("Disco ruled the 70s.", "the 70s", "197");
    check("Sales in H1 2020 fell.", "H1 2020", "2020-H1");
    check(
        "Results improved later in the year.",
        "later in the year",
        "2021",
    );
    check(
        "Prices rose this past spring.",
        "this past spring",
        "2020-SP",
    );
}

#[test]
fn seasons_and_holidays_in_january() {
    let jan = NaiveDate::from_ymd_opt(2018, 1, 21);
    assert_eq!(
        one("Elections are scheduled for this spring.", jan).1,
        "2018-SP"
    );
    assert_eq!(one("Christmas passed quietly.", jan).1, "2017-12-25");
    assert_eq!(one("Christmas passed quietly.", None).1, "XXXX-12-25");
}

#[test]
fn wire_service_clock_times() {
    let all = run("Shares gained 1.2% by 1030 GMT.", dct());
    assert_eq!(
        all,
        vec![(
            "1030 GMT".into(),
            TimexType::Time,
            "2021-03-02T10:30".into()
        )]
    );
    // A day named two sentences earlier no longer sets the day of a bare clock time.
    let text = "The period ended on Dec. 31. Many left. Others stayed. He spoke at 5pm.";
    assert_eq!(run(text, dct()).last().unwrap().2, "2021-03-02T17:00");
}

#[test]
fn numbers_that_are_labels_not_years() {
    for text in [
        "She lives at 1600 Main Street.",
        "Room 1950 was booked.",
        "Flight 1549 landed safely.",
    ] {
        assert!(
            run(text, dct()).is_empty(),
            "{text:?} gave {:?}",
            run(text, dct())
        );
    }
}

#[test]
fn recurring_months_and_seasons() {
    let all = run("The fair opens each July.", dct());
    assert_eq!(
        all,
        vec![("each July".into(), TimexType::Set, "XXXX-07".into())]
    );
    assert_eq!(one("Floods return every spring.", dct()).1, "XXXX-SP");
}

#[test]
fn a_season_in_general() {
    assert_eq!(one("Roads close in winter.", dct()).1, "XXXX-WI");
    assert_eq!(one("Roads closed in the winter.", dct()).1, "2020-WI");
}

#[test]
fn approximations_stay_in_the_span() {
    check(
        "They met about two years ago.",
        "about two years ago",
        "2019",
    );
    check("He waited for over an hour.", "over an hour", "PT1H");
    check("Prices rose over the past year.", "the past year", "P1Y");
    check(
        "It happened a week or so ago.",
        "a week or so ago",
        "2021-W08",
    );
    check(
        "The vote is expected around Nov. 1.",
        "around Nov. 1",
        "2021-11-01",
    );
}

#[test]
fn lists_of_days_share_their_month() {
    let all = run("The summit will be held on April 24 and 25.", dct());
    assert_eq!(
        all,
        vec![
            ("April 24".into(), TimexType::Date, "2021-04-24".into()),
            ("25".into(), TimexType::Date, "2021-04-25".into()),
        ]
    );
}

#[test]
fn a_weekday_without_any_tense_cue_is_the_nearest() {
    // Tuesday 2021-03-02: a bare "Thursday" is two days ahead, a bare "Sunday" two days back.
    assert_eq!(one("Vote on Thursday.", dct()).1, "2021-03-04");
    assert_eq!(one("Vote on Sunday.", dct()).1, "2021-02-28");
}

#[test]
fn may_the_person_is_not_may_the_month() {
    assert!(run("Talks between Cameron and May broke down.", dct()).is_empty());
    let both = run("Prices rose in January and May.", dct());
    assert_eq!(both.len(), 2);
    assert_eq!(
        (both[0].2.as_str(), both[1].2.as_str()),
        ("2021-01", "2020-05")
    );
    assert_eq!(one("It opened in May.", dct()).1, "2020-05");
}

#[test]
fn numbers_with_decimal_points_do_not_hide_the_verb() {
    let oct = NaiveDate::from_ymd_opt(2021, 10, 26);
    let text =
        "The bakery chain said it lost $3.8 million in the first quarter, after a mild winter.";
    assert_eq!(one(text, oct).1, "2021-Q1");
}

#[test]
fn irregular_verbs_and_schedules() {
    check(
        "The justices heard arguments in October.",
        "October",
        "2020-10",
    );
    check("The season opener is Oct. 19.", "Oct. 19", "2021-10-19");
    check("The case is heard in May.", "May", "2021-05");
}

#[test]
fn slashed_iso_dates() {
    check("Posted 2019/11/04 online.", "2019/11/04", "2019-11-04");
}

#[test]
fn typographic_apostrophes_and_dashes() {
    check("Rates peaked in the ’80s.", "the ’80s", "198");
    check(
        "The shop will close on New Year’s Eve.",
        "New Year’s Eve",
        "2021-12-31",
    );
    check("Growth resumed in mid‑2020.", "mid‑2020", "2020");
    check("They’ll meet on Friday.", "Friday", "2021-03-05");
}

#[test]
fn extreme_publication_dates_do_not_panic() {
    let text = "Next year, next week, tomorrow, two centuries ago, the 1990s, this spring, \
                every Monday, Q4, Christmas, 3 p.m. Friday and the following day.";
    for published in [
        NaiveDate::from_ymd_opt(9999, 12, 31),
        NaiveDate::from_ymd_opt(1, 1, 1),
        NaiveDate::MAX.into(),
        NaiveDate::MIN.into(),
    ] {
        for t in extract(text, published) {
            if let Some(v) = &t.value {
                assert!(dossier_timex::is_well_formed_value(v), "{v:?}");
            }
        }
    }
}

#[test]
fn well_formed_values_have_ascii_digits() {
    assert!(dossier_timex::is_well_formed_value("2021-03-02"));
    assert!(dossier_timex::is_well_formed_value("P3Y"));
    assert!(!dossier_timex::is_well_formed_value("٢٠٢١-03-02"));
    assert!(!dossier_timex::is_well_formed_value("P٣Y"));
}
