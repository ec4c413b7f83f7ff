//! Quotation marks in raw text, paired into marked spans.
//!
//! Works on the text alone (no tokens) so that every mark style is handled the same way:
//! straight `"`, curly `“ ”`, low `„`, guillemets `« »`, the TeX/NYT digraphs ``` `` ``` and `''`,
//! and single curly marks `‘ ’`. A quotation that runs over several paragraphs reopens its mark
//! at the start of each paragraph without closing the previous one; such paragraphs are joined
//! into one marked span.

use dossier_model::Span;

/// A stretch of text between an opening and a closing mark, marks included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marked {
    pub span: Span,
    /// The text between the marks.
    pub inner: Span,
    /// Double marks (`"`, `“”`, `«»`, ``` `` ''```) rather than single ones (`‘’`).
    pub double: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// A straight mark whose role depends on what surrounds it.
    Either,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    start: usize,
    end: usize,
    role: Role,
    double: bool,
    /// A straight single mark (`'`), which never pairs across a paragraph break it did not
    /// reopen: an unclosed one must not swallow a later possessive (`the ministers'`).
    straight_single: bool,
}

fn is_word(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

/// Every quotation mark in `text`, with the role its surroundings give it.
fn scan(text: &str) -> Vec<Mark> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        let prev = i.checked_sub(1).map(|j| chars[j].1);
        let mut push = |len_chars: usize, role: Role, double: bool| {
            let end = chars.get(i + len_chars).map_or(text.len(), |x| x.0);
            out.push(Mark {
                start: at,
                end,
                role,
                double,
                straight_single: c == '\'' && !double,
            });
        };
        // Which way a mark faces by its surroundings: after a space and before a word it opens,
        // after a word or punctuation and before a space it closes. Curly marks normally say
        // which way they face, but typists get them wrong (`”Mr. Smith…`), so context wins when it
        // is unambiguous; straight marks and the `''` digraph (NYT uses it both ways) rely on it.
        let next = chars.get(i + 1).map(|x| x.1);
        let after = |k: usize| chars.get(i + k).map(|x| x.1);
        let facing = |after: Option<char>| {
            let before_ok = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p));
            let after_ok = after.is_none_or(|n| n.is_whitespace() || ".,;:!?)]}—–-".contains(n));
            match (before_ok, after_ok) {
                (true, false) => Role::Open,
                (false, true) => Role::Close,
                _ => Role::Either,
            }
        };
        match c {
            '“' | '„' | '‟' | '«' => {
                let role = if facing(next) == Role::Close {
                    Role::Close
                } else {
                    Role::Open
                };
                push(1, role, true)
            }
            '”' | '»' => {
                let role = if facing(next) == Role::Open {
                    Role::Open
                } else {
                    Role::Close
                };
                push(1, role, true)
            }
            '`' if next == Some('`') => {
                push(2, Role::Open, true);
                i += 1;
            }
            '\'' if next == Some('\'') => {
                push(2, facing(after(2)), true);
                i += 1;
            }
            '"' => push(1, facing(next), true),
            '\'' => {
                if let Some(role) = straight_single(&chars, i) {
                    push(1, role, false)
                }
            }
            // A left single mark is always a mark; a right one only when it is not an apostrophe
            // inside or at the end of a word (don’t, Jones’).
            '‘' if !is_word(prev) => push(1, Role::Open, false),
            '’' if !is_word(next) && prev.is_some_and(|p| !p.is_whitespace()) => {
                push(1, Role::Close, false)
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// The role of the straight single mark at `chars[i]`, or `None` when it is an apostrophe. It
/// opens only after a space, a line start, a bracket, a dash or a double mark and before a letter
/// or digit; it closes only after a non-space and before a space, punctuation or the end. Inside a
/// word (`don't`), before an elided word (`'90s`, `rock 'n' roll`) and after a plural ending
/// before a lower-case word (`the ministers' meeting`) it is an apostrophe.
fn straight_single(chars: &[(usize, char)], i: usize) -> Option<Role> {
    let at = |k: usize| chars.get(k).map(|x| x.1);
    let prev = i.checked_sub(1).and_then(at);
    let next = at(i + 1);
    if is_word(prev) && is_word(next) {
        return None;
    }
    let opens = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/\"“".contains(p));
    if opens && is_word(next) {
        // The word after the mark: an elision rather than a quotation?
        let word: String = chars[i + 1..]
            .iter()
            .map(|x| x.1)
            .take_while(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        let elided = matches!(
            word.as_str(),
            "tis" | "twas" | "em" | "n" | "cause" | "til" | "bout" | "round"
        ) || (word.len() >= 2
            && word.ends_with('s')
            && word[..word.len() - 1].chars().all(|c| c.is_ascii_digit()))
            || (word.len() == 2 && word.chars().all(|c| c.is_ascii_digit()));
        return (!elided).then_some(Role::Open);
    }
    let closes = prev.is_some_and(|p| !p.is_whitespace())
        && next.is_none_or(|n| n.is_whitespace() || ".,;:!?)]}—–-\"”".contains(n));
    if !closes {
        return None;
    }
    if prev == Some('s') && next == Some(' ') && at(i + 2).is_some_and(char::is_lowercase) {
        return None;
    }
    Some(Role::Close)
}

/// Paired marked spans, in text order, not nested (an inner quotation stays inside its outer one).
pub fn find(text: &str) -> Vec<Marked> {
    let marks = scan(text);
    let mut out = Vec::new();
    // Double and single marks are paired separately; single pairs that fall inside a double pair
    // are quotations within quotations and are dropped.
    let doubles = pair(text, marks.iter().copied().filter(|m| m.double));
    let singles = pair(text, marks.iter().copied().filter(|m| !m.double));
    for s in singles {
        if !doubles.iter().any(|d| d.span.overlaps(&s.span)) {
            out.push(s);
        }
    }
    out.extend(doubles);
    out.sort_by_key(|m| m.span.start);
    out
}

fn pair(text: &str, marks: impl Iterator<Item = Mark>) -> Vec<Marked> {
    let mut out = Vec::new();
    let mut open: Option<Mark> = None;
    // Where the open quotation was last (re)opened.
    let mut reopened = 0;
    // The end of the last paragraph that ended while a quotation was open: a reopening mark at the
    // start of the next paragraph continues the same quotation.
    for m in marks {
        match open {
            None => {
                if m.role != Role::Close {
                    open = Some(m);
                    reopened = m.end;
                }
            }
            Some(o) => {
                let between = &text[o.end..m.start];
                let crosses_paragraph = between.contains('\n');
                if m.role == Role::Open || (m.role == Role::Either && crosses_paragraph) {
                    // An opening mark while a quotation is open: a continued paragraph when the
                    // new mark starts its paragraph, otherwise the first mark was stray.
                    let line_start = text[..m.start]
                        .trim_end_matches([' ', '\t'])
                        .ends_with('\n');
                    if !(crosses_paragraph && line_start) {
                        open = Some(m);
                    }
                    reopened = m.end;
                    continue;
                }
                if (o.straight_single || m.straight_single)
                    && text[reopened.max(o.end)..m.start].contains('\n')
                {
                    // A straight single mark left open at the end of its paragraph was an
                    // apostrophe or a stray; the closing one starts nothing either.
                    open = None;
                    continue;
                }
                out.push(Marked {
                    span: Span::new(o.start, m.end),
                    inner: Span::new(o.end, m.start),
                    double: m.double,
                });
                open = None;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<&str> {
        find(t).iter().map(|m| m.span.text(t)).collect()
    }

    #[test]
    fn every_mark_style_pairs() {
        assert_eq!(texts(r#"He said "go home" today."#), [r#""go home""#]);
        assert_eq!(texts("She said “stay” and «leave»."), ["“stay”", "«leave»"]);
        assert_eq!(texts("``We won,'' he said."), ["``We won,''"]);
        assert_eq!(
            texts("‘We will not bow,’ the mayor’s aide said."),
            ["‘We will not bow,’"]
        );
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert!(texts("The farmers’ union didn’t say.").is_empty());
    }

    #[test]
    fn straight_single_marks_pair_when_unambiguous() {
        assert_eq!(texts("'No,' he said."), ["'No,'"]);
        assert_eq!(
            texts("Iran says the outage was 'nuclear terrorism' and vows revenge"),
            ["'nuclear terrorism'"]
        );
        assert_eq!(
            texts("He said - 'we will stay' - and left."),
            ["'we will stay'"]
        );
        assert_eq!(
            texts("'We won't go,' the ministers' spokesman said, 'not today.'"),
            ["'We won't go,'", "'not today.'"]
        );
    }

    #[test]
    fn straight_apostrophes_are_not_marks() {
        assert!(texts("The ministers' meeting didn't start until the '90s ended.").is_empty());
        assert!(texts("Rock 'n' roll was the farmers' music, o' course.").is_empty());
        assert!(
            texts("It was 'unclosed at the end of a line\nand the unions' reply came.").is_empty()
        );
        assert!(texts("The Joneses' house, the Smiths' car.").is_empty());
    }

    #[test]
    fn straight_single_quotes_reopen_paragraphs() {
        let t = "'First part of it.\n\n'Second part,' she said.";
        assert_eq!(texts(t), ["'First part of it.\n\n'Second part,'"]);
    }

    #[test]
    fn reopened_paragraphs_join() {
        let t = "“First part.\n\n“Second part,” she said.";
        assert_eq!(texts(t), [t.trim_end_matches(" she said.")]);
    }

    #[test]
    fn nested_single_marks_stay_inside() {
        let t = "“They called it ‘madness,’ frankly,” he said.";
        assert_eq!(texts(t).len(), 1);
    }
}
