//! spaCy's tokenizer patterns (Python `re` alternations read from the model) compiled so that a
//! search costs about what its match costs, not what the text costs.
//!
//! fancy-regex runs any pattern with a look-around through a backtracking VM that tries every
//! branch at every position: about 3 µs a position for the suffix pattern, whose 82 branches
//! include six look-behinds. The affix loop searches the rest of a word once per affix it
//! removes, so a word of 3,000 `(` took 2.3 s and one of 100,000 letters over 30 s (and
//! `find_iter` never ended once the VM hit its backtrack limit). Here the top-level branches are
//! compiled in runs, in order: branches without look-around by `regex`, whose automata search
//! in linear time and need only the match's length when the pattern is anchored at the start or
//! the end (all prefix and suffix branches are); branches with look-around by fancy-regex, which
//! is entered only where a prefilter (the same branches with their look-arounds removed, so a
//! superset) can match, and only over a window of [`LOOK_WINDOW`] bytes. The leftmost match of
//! the alternation is the leftmost over the runs, ties going to the earlier run: what the
//! alternation itself would pick, so the tokens are spaCy's.

use crate::error::NlpError;

/// How many bytes past a candidate position the look-around VM searches. Every look-around branch
/// of spaCy's patterns matches a few characters (a unit after a number, a hyphen between letters)
/// with a look-around of one or two, so a window this size finds all of them, while bounding what
/// one search can cost on a hostile word. A match ending within [`LOOK_MARGIN`] of the window's
/// edge may depend on what lies beyond it (a look-ahead, a `$`) and is searched again without the
/// window; a look-around match longer than `LOOK_WINDOW - LOOK_MARGIN` bytes would be missed.
pub(crate) const LOOK_WINDOW: usize = 64;
/// See [`LOOK_WINDOW`].
pub(crate) const LOOK_MARGIN: usize = 16;

/// A compiled tokenizer pattern.
#[derive(Debug, Clone)]
pub(crate) struct Pattern {
    runs: Vec<Run>,
    /// Whether look-around runs are searched in windows of [`LOOK_WINDOW`] bytes: for the affix
    /// and infix patterns, whose look-around matches are short; not for `url_match`, whose
    /// matches are whole words.
    windowed: bool,
}

/// Consecutive top-level branches of one kind.
#[derive(Debug, Clone)]
enum Run {
    /// Branches the `regex` crate compiles.
    Plain(regex::Regex),
    /// Branches with look-around (or other syntax only fancy-regex has), entered where
    /// `prefilter` matches.
    LookAround {
        re: fancy_regex::Regex,
        prefilter: Option<regex::Regex>,
    },
}

impl Pattern {
    /// Compiles a Python pattern; `name` is the model's name for it, for errors.
    pub(crate) fn compile(name: &str, python: &str, windowed: bool) -> Result<Pattern, NlpError> {
        let error = |detail: String| NlpError::Pattern {
            name: name.to_string(),
            detail,
        };
        // A leading `(?flags)` applies to the whole pattern in Python: give it to every run.
        let (flags, body) = match python.strip_prefix("(?").and_then(|r| r.split_once(')')) {
            Some((f, rest)) if !f.is_empty() && f.chars().all(|c| c.is_ascii_alphabetic()) => {
                (format!("(?{f})"), rest)
            }
            _ => (String::new(), python),
        };
        // (plain, Python branches) for each run.
        let mut runs: Vec<(bool, Vec<&str>)> = Vec::new();
        for branch in split_branches(body) {
            let plain = regex::Regex::new(&format!("{flags}{}", translate_pattern(branch))).is_ok();
            match runs.last_mut() {
                Some((kind, branches)) if *kind == plain => branches.push(branch),
                _ => runs.push((plain, vec![branch])),
            }
        }
        let runs = runs
            .into_iter()
            .map(|(plain, branches)| {
                let python = branches.join("|");
                let translated = format!("{flags}{}", translate_pattern(&python));
                if plain {
                    regex::Regex::new(&translated)
                        .map(Run::Plain)
                        .map_err(|e| error(e.to_string()))
                } else {
                    let re =
                        fancy_regex::Regex::new(&translated).map_err(|e| error(e.to_string()))?;
                    let stripped = translate_pattern(&strip_look_around(&python));
                    let prefilter = regex::Regex::new(&format!("{flags}{stripped}")).ok();
                    Ok(Run::LookAround { re, prefilter })
                }
            })
            .collect::<Result<_, _>>()?;
        Ok(Pattern { runs, windowed })
    }

    /// The leftmost match starting at or after `pos` (byte offsets into `text`).
    pub(crate) fn find_at(&self, text: &str, pos: usize) -> Option<(usize, usize)> {
        let mut best: Option<(usize, usize)> = None;
        for run in &self.runs {
            if let Some(m) = run.find_at(text, pos, self.windowed)
                && best.is_none_or(|b| m.0 < b.0)
            {
                best = Some(m);
            }
        }
        best
    }

    /// Whether the pattern matches at the very start of `text` (Python's `re.match`).
    pub(crate) fn matches_at_start(&self, text: &str) -> bool {
        self.find_at(text, 0).is_some_and(|(s, _)| s == 0)
    }

    /// Every match, left to right, as Python's `finditer` gives them (an empty match right after
    /// a match is skipped). Linear: each run's next match is kept until the search passes it.
    pub(crate) fn find_all(&self, text: &str) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        let mut next: Vec<Option<Option<(usize, usize)>>> = vec![None; self.runs.len()];
        let mut pos = 0;
        let mut last_end = None;
        while pos <= text.len() {
            let mut best: Option<(usize, usize)> = None;
            for (run, cached) in self.runs.iter().zip(&mut next) {
                let m = match *cached {
                    Some(m) if m.is_none_or(|(s, _)| s >= pos) => m,
                    _ => *cached.insert(run.find_at(text, pos, self.windowed)),
                };
                if let Some(m) = m
                    && best.is_none_or(|b| m.0 < b.0)
                {
                    best = Some(m);
                }
            }
            let Some((s, e)) = best else { break };
            if s == e {
                pos = e + text[e..].chars().next().map_or(1, char::len_utf8);
                if last_end == Some(e) {
                    continue;
                }
            } else {
                pos = e;
            }
            last_end = Some(e);
            found.push((s, e));
        }
        found
    }
}

impl Run {
    fn find_at(&self, text: &str, pos: usize, windowed: bool) -> Option<(usize, usize)> {
        match self {
            Run::Plain(re) => re.find_at(text, pos).map(|m| (m.start(), m.end())),
            Run::LookAround { re, prefilter } if !windowed => {
                let start = match prefilter {
                    Some(p) => p.find_at(text, pos)?.start(),
                    None => pos,
                };
                let m = re.find_from_pos(text, start).ok().flatten()?;
                Some((m.start(), m.end()))
            }
            Run::LookAround { re, prefilter } => {
                let mut from = pos;
                loop {
                    let start = match prefilter {
                        Some(p) => p.find_at(text, from)?.start(),
                        None => from,
                    };
                    let limit = floor_boundary(text, start.saturating_add(LOOK_WINDOW));
                    let found = re.find_from_pos(&text[..limit], start).ok().flatten();
                    match found {
                        Some(m) if limit == text.len() || m.end() + LOOK_MARGIN <= limit => {
                            return Some((m.start(), m.end()));
                        }
                        // Near the window's edge: what lies beyond may decide.
                        Some(_) => {
                            let m = re.find_from_pos(text, start).ok().flatten()?;
                            return Some((m.start(), m.end()));
                        }
                        None if limit == text.len() => return None,
                        None => {
                            let step = text[start..].chars().next().map_or(1, char::len_utf8);
                            from = floor_boundary(text, limit - LOOK_MARGIN).max(start + step);
                        }
                    }
                }
            }
        }
    }
}

/// The largest character boundary of `text` at or before `i` (clamped to its length).
fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Calls `f(i, c, in_class)` for each character of a Python pattern that is not escaped,
/// telling whether it stands inside a character class; escapes are passed as `'\\'`, with the
/// escaped character skipped.
fn scan(p: &str, mut f: impl FnMut(usize, char, bool)) {
    let mut in_class = false;
    let mut class_start = false;
    let mut chars = p.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\\' {
            f(i, c, in_class);
            chars.next();
            class_start = false;
            continue;
        }
        f(i, c, in_class);
        if in_class {
            // A ']' right after '[' (or '[^') is literal in Python.
            if c == ']' && !class_start {
                in_class = false;
            }
            class_start = c == '^' && class_start;
        } else if c == '[' {
            in_class = true;
            class_start = true;
        }
    }
}

/// The top-level branches of a Python pattern (`a|(b|c)|d` → `a`, `(b|c)`, `d`).
fn split_branches(p: &str) -> Vec<&str> {
    let mut branches = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    scan(p, |i, c, in_class| match c {
        _ if in_class => {}
        '(' => depth += 1,
        ')' => depth = depth.saturating_sub(1),
        '|' if depth == 0 => {
            branches.push(&p[start..i]);
            start = i + 1;
        }
        _ => {}
    });
    branches.push(&p[start..]);
    branches
}

/// A Python pattern with its look-around groups removed: it matches wherever
/// the pattern does, at least, which is what a prefilter needs.
fn strip_look_around(p: &str) -> String {
    let mut out = String::with_capacity(p.len());
    // Depth of each open group, and the depth at which a look-around being dropped opened.
    let mut depth = 0usize;
    let mut dropping: Option<usize> = None;
    let mut kept_to = 0;
    scan(p, |i, c, in_class| {
        if in_class {
            return;
        }
        match c {
            '(' => {
                depth += 1;
                let rest = &p[i..];
                let look = ["(?=", "(?!", "(?<=", "(?<!"]
                    .iter()
                    .any(|l| rest.starts_with(l));
                if look && dropping.is_none() {
                    out.push_str(&p[kept_to..i]);
                    dropping = Some(depth);
                }
            }
            ')' => {
                if dropping == Some(depth) {
                    dropping = None;
                    kept_to = i + 1;
                }
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
    });
    if dropping.is_none() {
        out.push_str(&p[kept_to..]);
    }
    out
}

/// Rewrites a Python `re` pattern into fancy-regex syntax: `\uXXXX`/`\UXXXXXXXX` escapes
/// become `\x{…}`, `\w`/`\s` and their negations take Python's Unicode definitions, and characters that Rust's class syntax treats as operators (`[`, `&`,
/// `~`, a second `-`) are escaped inside classes, where Python reads them literally.
fn translate_pattern(p: &str) -> String {
    let chars: Vec<char> = p.chars().collect();
    let mut out = String::with_capacity(p.len() + 16);
    let mut i = 0;
    let mut in_class = false;
    let mut class_start = false;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' && i + 1 < chars.len() {
            let n = chars[i + 1];
            let hex_len = match n {
                'u' => 4,
                'U' => 8,
                _ => 0,
            };
            if hex_len > 0 && i + 2 + hex_len <= chars.len() {
                let hex: String = chars[i + 2..i + 2 + hex_len].iter().collect();
                if hex.chars().all(|h| h.is_ascii_hexdigit()) {
                    out.push_str("\\x{");
                    out.push_str(&hex);
                    out.push('}');
                    i += 2 + hex_len;
                    class_start = false;
                    continue;
                }
            }
            // Python's `\w` is `str.isalnum()` or `_` (every letter and number category);
            // its `\s` is `str.isspace()`, which adds U+001C..U+001F to White_Space.
            let class = match n {
                'w' => Some((false, r"\p{L}\p{N}_")),
                'W' => Some((true, r"\p{L}\p{N}_")),
                's' => Some((false, r"\s\x1C-\x1F")),
                'S' => Some((true, r"\s\x1C-\x1F")),
                _ => None,
            };
            if let Some((negated, body)) = class {
                if in_class && !negated {
                    out.push_str(body);
                } else {
                    out.push_str(if negated { "[^" } else { "[" });
                    out.push_str(body);
                    out.push(']');
                }
                i += 2;
                class_start = false;
                continue;
            }
            out.push(c);
            out.push(n);
            i += 2;
            class_start = false;
            continue;
        }
        if in_class {
            match c {
                ']' if !class_start => {
                    in_class = false;
                    out.push(c);
                }
                '[' | '&' | '~' => {
                    out.push('\\');
                    out.push(c);
                }
                '-' if i + 1 < chars.len() && chars[i + 1] == '-' => {
                    out.push_str("\\-");
                }
                '^' if class_start => out.push(c),
                _ => out.push(c),
            }
            // A ']' or '^' right after '[' (or '[^') is literal in Python.
            class_start = c == '^' && class_start;
        } else {
            if c == '[' {
                in_class = true;
                class_start = true;
                out.push(c);
                i += 1;
                continue;
            }
            out.push(c);
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_top_level_branches_only() {
        assert_eq!(
            split_branches(r"^a|(b|c)|[|]|\||d"),
            ["^a", "(b|c)", "[|]", r"\|", "d"]
        );
        assert_eq!(split_branches(r"[]|]x|y"), ["[]|]x", "y"]);
    }

    #[test]
    fn strips_look_arounds() {
        assert_eq!(strip_look_around(r"(?<=[0-9])km$"), "km$");
        assert_eq!(strip_look_around(r"^\+(?![0-9])"), r"^\+");
        assert_eq!(strip_look_around(r"(?<=[a-z(])\.(?=[a-z])|x"), r"\.|x");
        assert_eq!(strip_look_around(r"a(?=(b|c))d"), "ad");
    }

    /// The runs give what one fancy-regex over the whole alternation gives.
    #[test]
    fn runs_find_what_the_whole_alternation_finds() {
        let python = r"(?<=[0-9])km$|\.\.+$|(?<=[a-z])\.$|m$|\)$|'s$";
        let runs = Pattern::compile("t", python, true).unwrap();
        let whole = fancy_regex::Regex::new(&translate_pattern(python)).unwrap();
        let long = format!("{}km", "9".repeat(200));
        for s in [
            "3km",
            "km",
            "a.",
            "...",
            "b....",
            "x)",
            "John's",
            "1.",
            "rum",
            long.as_str(),
        ] {
            let want = whole.find(s).unwrap().map(|m| (m.start(), m.end()));
            assert_eq!(runs.find_at(s, 0), want, "{s:?}");
        }
        let infix = r"\.\.+|(?<=[a-z])[,!?](?=[a-z])|(?<=[0-9])[+\-*^](?=[0-9-])";
        let runs = Pattern::compile("i", infix, true).unwrap();
        let whole = fancy_regex::Regex::new(&translate_pattern(infix)).unwrap();
        let long = format!("a,b{}1-2..c,d", "x".repeat(300));
        for s in ["a,b", "1-2-3", "a..b,c", "x", long.as_str()] {
            let want: Vec<_> = whole
                .find_iter(s)
                .flatten()
                .map(|m| (m.start(), m.end()))
                .collect();
            assert_eq!(runs.find_all(s), want, "{s:?}");
        }
    }

    #[test]
    fn translates_python_escapes_and_class_literals() {
        assert_eq!(
            translate_pattern(r"[\u00C0-\u00D6]"),
            r"[\x{00C0}-\x{00D6}]"
        );
        assert_eq!(translate_pattern(r"\U0001F200"), r"\x{0001F200}");
        assert_eq!(translate_pattern(r"[[&~]x"), r"[\[\&\~]x");
        assert_eq!(translate_pattern(r"[]a]"), r"[]a]");
        assert_eq!(translate_pattern(r"[\w\-]{2,}"), r"[\p{L}\p{N}_\-]{2,}");
        assert_eq!(translate_pattern(r"\S+"), r"[^\s\x1C-\x1F]+");
        assert_eq!(translate_pattern(r"[^\S]"), r"[^[^\s\x1C-\x1F]]");
    }
}
