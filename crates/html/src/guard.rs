//! A cheap scan of the raw markup before any DOM is built.
//!
//! The DOM parser and dom_smoothie's scoring are fine on ordinary pages but their cost grows with
//! nesting depth (quadratically in dom_smoothie: 5,000 nested `<div>`s take about a second, 20,000
//! about twenty). A hostile or broken page must not stall a batch, so the depth and element count
//! are estimated here in one linear pass over the bytes, and the page is refused if they exceed the
//! limits. The estimate follows what an HTML tree builder does closely enough: void elements and
//! elements whose end tag is optional (`p`, `li`, `td`, ...) do not deepen the tree, raw-text
//! elements (`script`, `style`, ...) and comments are skipped.

/// What the scan found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    /// Largest number of open elements seen at once (estimate).
    pub max_depth: usize,
    /// Number of start tags.
    pub elements: usize,
    /// Most attributes on one start tag (estimate). The tree builder checks each new attribute
    /// against the tag's earlier ones, so its time grows with the square of this number.
    pub max_attributes: usize,
}

const VOID: &[&[u8]] = &[
    b"area",
    b"base",
    b"br",
    b"col",
    b"embed",
    b"hr",
    b"img",
    b"input",
    b"link",
    b"meta",
    b"param",
    b"source",
    b"track",
    b"wbr",
    b"keygen",
    b"command",
    b"basefont",
    b"frame",
    b"isindex",
];
// End tag optional, or closed implicitly by the tree builder when a sibling starts.
const IMPLIED_END: &[&[u8]] = &[
    b"p",
    b"li",
    b"dt",
    b"dd",
    b"tr",
    b"td",
    b"th",
    b"option",
    b"optgroup",
    b"rb",
    b"rt",
    b"rtc",
    b"rp",
    b"thead",
    b"tbody",
    b"tfoot",
    b"colgroup",
    b"caption",
    b"html",
    b"head",
    b"body",
];
const RAW_TEXT: &[&[u8]] = &[
    b"script",
    b"style",
    b"textarea",
    b"title",
    b"xmp",
    b"iframe",
    b"noembed",
    b"noframes",
    b"plaintext",
    b"noscript",
];

/// Scans `html` and returns its estimated shape. Stops early (returning what it has) as soon as
/// `stop_depth` or `stop_elements` is passed, since the caller only needs to know that.
pub fn scan(html: &str, stop_depth: usize, stop_elements: usize) -> Shape {
    scan_with(html, stop_depth, stop_elements, usize::MAX)
}

/// [`scan`], also stopping once one tag has more than `stop_attributes` attributes.
pub fn scan_with(
    html: &str,
    stop_depth: usize,
    stop_elements: usize,
    stop_attributes: usize,
) -> Shape {
    let b = html.as_bytes();
    let n = b.len();
    let mut i = 0;
    let mut depth = 0usize;
    let mut shape = Shape {
        max_depth: 0,
        elements: 0,
        max_attributes: 0,
    };
    while i < n {
        let Some(off) = memchr(b'<', &b[i..]) else {
            break;
        };
        i += off + 1;
        if i >= n {
            break;
        }
        if b[i..].starts_with(b"!--") {
            i = find(&b[i + 3..], b"-->").map_or(n, |p| i + 3 + p + 3);
            continue;
        }
        if b[i] == b'!' || b[i] == b'?' {
            i = memchr(b'>', &b[i..]).map_or(n, |p| i + p + 1);
            continue;
        }
        let closing = b[i] == b'/';
        if closing {
            i += 1;
        }
        let start = i;
        while i < n && (b[i].is_ascii_alphanumeric() || b[i] == b'-' || b[i] == b':') {
            i += 1;
        }
        if i == start {
            continue; // a stray '<' in text
        }
        let name = b[start..i].to_ascii_lowercase();
        let (end, self_closing, attributes) = tag_end(b, i);
        i = end;
        shape.max_attributes = shape.max_attributes.max(attributes);
        if attributes > stop_attributes {
            break;
        }
        if closing {
            if !is_in(&name, VOID) && !is_in(&name, IMPLIED_END) {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        shape.elements += 1;
        if is_in(&name, RAW_TEXT) {
            // Skip to the matching end tag: its content is text, not markup.
            let mut close = Vec::with_capacity(name.len() + 2);
            close.extend_from_slice(b"</");
            close.extend_from_slice(&name);
            i = find_ci(&b[i..], &close).map_or(n, |p| i + p);
            continue;
        }
        if !self_closing && !is_in(&name, VOID) && !is_in(&name, IMPLIED_END) {
            depth += 1;
            shape.max_depth = shape.max_depth.max(depth);
        }
        if shape.max_depth > stop_depth || shape.elements > stop_elements {
            break;
        }
    }
    shape
}

/// Index just past the tag's closing '>', honouring quoted attribute values, whether the tag
/// ended with "/>" (only meaningful for foreign content, but harmless to honour), and how many
/// attributes it has (names starting after whitespace, values not counted).
fn tag_end(b: &[u8], mut i: usize) -> (usize, bool, usize) {
    let mut quote = 0u8;
    let mut prev = 0u8;
    let mut after_space = false;
    let mut attributes = 0;
    while i < b.len() {
        let c = b[i];
        if quote != 0 {
            if c == quote {
                quote = 0;
            }
        } else if c == b'"' || c == b'\'' {
            // Only a quote right after '=' (possibly spaced) opens a value.
            if prev == b'=' {
                quote = c;
            }
        } else if c == b'>' {
            return (i + 1, prev == b'/', attributes);
        } else if after_space && c != b'=' && c != b'/' && prev != b'=' {
            attributes += 1;
        }
        after_space = c.is_ascii_whitespace();
        if !after_space {
            prev = c;
        }
        i += 1;
    }
    (b.len(), false, attributes)
}

fn is_in(name: &[u8], set: &[&[u8]]) -> bool {
    set.contains(&name)
}

fn memchr(c: u8, hay: &[u8]) -> Option<usize> {
    memchr::memchr(c, hay)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

/// First case-insensitive occurrence of `needle` (which starts with "</").
fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(p) = memchr::memmem::find(&hay[from..], b"</") {
        let at = from + p;
        if hay.len() - at >= needle.len() && hay[at..at + needle.len()].eq_ignore_ascii_case(needle)
        {
            return Some(at);
        }
        from = at + 2;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_nesting_not_siblings() {
        let s = scan(
            "<html><body><div><div><p>a<p>b</div><div><span>x</span></div></div>",
            1000,
            1000,
        );
        assert_eq!(s.max_depth, 3);
        assert_eq!(s.elements, 8);
    }

    #[test]
    fn skips_scripts_comments_and_quoted_gt() {
        let html = r#"<div title="a > b"><script>for(i=0;i<9;i++){document.write("<div><div>")}</script><!-- <div><div><div> --><br/><img src=x></div>"#;
        let s = scan(html, 1000, 1000);
        assert_eq!(s.max_depth, 1);
    }

    #[test]
    fn counts_attributes_not_values() {
        let html =
            r#"<div id="a b c" class=x data-x = "1 2" hidden><p title='one two'>t</p></div>"#;
        assert_eq!(scan(html, 1000, 1000).max_attributes, 4);
        let many = format!("<div {}>x</div>", "a=1 ".repeat(5_000));
        let s = scan_with(&many, 1000, 1000, 1000);
        assert_eq!(s.max_attributes, 5_000);
    }

    #[test]
    fn deep_page_stops_early() {
        let html = "<div>".repeat(50_000);
        let s = scan(&html, 1000, usize::MAX);
        assert_eq!(s.max_depth, 1001);
        assert!(s.elements < 2000);
    }
}
