//! Exact and near-duplicate detection for news articles.
//!
//! Wire stories are reprinted with a new headline, a trimmed paragraph or an edited sentence; a
//! reader wants them linked to the first copy and not counted (or analysed) twice. Two measures:
//!
//! - an **exact fingerprint**: a hash of the text with case, punctuation and spacing normalised
//!   away, so the same article pasted twice matches;
//! - a **MinHash signature** over hashed word shingles, whose agreement estimates the Jaccard
//!   similarity of two texts, indexed by **LSH bands** so candidates are found without comparing
//!   against every stored document. The bands are plain integers: the store keeps them in an
//!   indexed table, so the index lives on disk and memory does not grow with the corpus.
//!
//! The MinHash here is small and self-contained on purpose: it must be bit-for-bit stable across
//! versions because signatures are persisted, and it needs nothing but a fast hash.

use std::collections::HashMap;

use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

/// Number of MinHash functions in a signature.
pub const NUM_HASHES: usize = 128;
/// LSH bands; `NUM_HASHES / BANDS` rows each. 32 bands of 4 rows find pairs at Jaccard 0.7 with
/// probability > 0.999 and pairs at 0.3 only 23% of the time (then rejected on the full estimate).
pub const BANDS: usize = 32;
const ROWS: usize = NUM_HASHES / BANDS;
/// Words per shingle.
const SHINGLE: usize = 4;
/// Estimated Jaccard similarity from which two texts are the same article.
pub const NEAR_THRESHOLD: f64 = 0.7;
/// Texts with fewer shingles than this are matched exactly only: a short text's estimate is noise.
const MIN_SHINGLES: usize = 8;

/// Everything needed to compare one text against others.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    /// Hash of the normalised text.
    pub exact: u64,
    /// MinHash signature, or `None` for texts too short to compare approximately.
    pub minhash: Option<Vec<u32>>,
}

impl Fingerprint {
    pub fn of(text: &str) -> Self {
        let words = normalised_words(text);
        let exact = xxh3_64(words.join(" ").as_bytes());
        let minhash = (words.len() >= SHINGLE + MIN_SHINGLES - 1).then(|| minhash(&words));
        Fingerprint { exact, minhash }
    }

    /// LSH band keys: one integer per band, mixing the band number in so bands never collide.
    pub fn bands(&self) -> Vec<i64> {
        let Some(sig) = &self.minhash else {
            return Vec::new();
        };
        sig.chunks(ROWS)
            .enumerate()
            .map(|(b, rows)| {
                let mut bytes = Vec::with_capacity(4 * ROWS + 1);
                bytes.push(b as u8);
                for r in rows {
                    bytes.extend_from_slice(&r.to_le_bytes());
                }
                xxh3_64(&bytes) as i64
            })
            .collect()
    }

    /// The signature as bytes, for storage.
    pub fn minhash_bytes(&self) -> Option<Vec<u8>> {
        self.minhash
            .as_ref()
            .map(|s| s.iter().flat_map(|v| v.to_le_bytes()).collect())
    }

    pub fn minhash_from_bytes(bytes: &[u8]) -> Option<Vec<u32>> {
        (bytes.len() == NUM_HASHES * 4).then(|| {
            bytes
                .chunks_exact(4)
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect()
        })
    }
}

/// Estimated Jaccard similarity of two signatures.
pub fn similarity(a: &[u32], b: &[u32]) -> f64 {
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
    same as f64 / NUM_HASHES as f64
}

fn normalised_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

fn minhash(words: &[String]) -> Vec<u32> {
    let mut sig = vec![u32::MAX; NUM_HASHES];
    let mut buf = String::new();
    for window in words.windows(SHINGLE) {
        buf.clear();
        for w in window {
            buf.push_str(w);
            buf.push(' ');
        }
        let base = xxh3_64(buf.as_bytes());
        for (i, slot) in sig.iter_mut().enumerate() {
            // one seeded re-hash of the shingle hash per function
            let h = xxh3_64_with_seed(&base.to_le_bytes(), i as u64) as u32;
            if h < *slot {
                *slot = h;
            }
        }
    }
    sig
}

/// A match against an earlier document.
#[derive(Debug, Clone, PartialEq)]
pub struct Duplicate {
    pub of: String,
    pub similarity: f64,
    pub exact: bool,
}

/// An in-memory index, for stateless runs (`dossier analyze`) and for the documents of a batch
/// not yet in the store.
#[derive(Default)]
pub struct MemoryIndex {
    exact: HashMap<u64, String>,
    bands: HashMap<i64, Vec<usize>>,
    docs: Vec<(String, Vec<u32>)>,
}

impl MemoryIndex {
    pub fn new() -> Self {
        Self::default()
    }

    /// The earliest inserted document this fingerprint duplicates, if any.
    pub fn find(&self, fp: &Fingerprint) -> Option<Duplicate> {
        if let Some(id) = self.exact.get(&fp.exact) {
            return Some(Duplicate {
                of: id.clone(),
                similarity: 1.0,
                exact: true,
            });
        }
        let sig = fp.minhash.as_ref()?;
        let mut best: Option<(usize, f64)> = None;
        for band in fp.bands() {
            for &i in self.bands.get(&band).into_iter().flatten() {
                let s = similarity(sig, &self.docs[i].1);
                if s >= NEAR_THRESHOLD && best.is_none_or(|(j, _)| i < j) {
                    best = Some((i, s));
                }
            }
        }
        best.map(|(i, s)| Duplicate {
            of: self.docs[i].0.clone(),
            similarity: s,
            exact: false,
        })
    }

    pub fn insert(&mut self, id: &str, fp: &Fingerprint) {
        self.exact.entry(fp.exact).or_insert_with(|| id.to_string());
        if let Some(sig) = &fp.minhash {
            let i = self.docs.len();
            self.docs.push((id.to_string(), sig.clone()));
            for band in fp.bands() {
                self.bands.entry(band).or_default().push(i);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIRE: &str = "Negotiators from Iran and the remaining parties to the 2015 nuclear agreement \
        met in Vienna on Tuesday for a second day of talks aimed at bringing the United States back \
        into the deal. European officials shuttled between the delegations because Iran refuses to \
        meet American envoys directly. A senior diplomat said the atmosphere was constructive but \
        warned that the hardest questions, which sanctions Washington would lift and in what order \
        Tehran would return to its commitments, had barely been touched. The talks are expected to \
        continue next week at the level of experts.";

    #[test]
    fn exact_copy_with_different_spacing_and_case() {
        let a = Fingerprint::of(WIRE);
        let b = Fingerprint::of(&WIRE.to_uppercase().replace(' ', "  "));
        assert_eq!(a.exact, b.exact);
    }

    #[test]
    fn reprint_with_an_edited_sentence_is_near() {
        let reprint = WIRE.replace(
            "A senior diplomat said the atmosphere was constructive",
            "One senior European diplomat described the mood as businesslike",
        );
        let mut idx = MemoryIndex::new();
        idx.insert("wire", &Fingerprint::of(WIRE));
        let d = idx.find(&Fingerprint::of(&reprint)).expect("reprint found");
        assert_eq!(d.of, "wire");
        assert!(!d.exact);
        assert!(d.similarity >= NEAR_THRESHOLD, "{}", d.similarity);
    }

    #[test]
    fn a_different_article_on_the_same_story_is_not() {
        let other = "Iran's top negotiator said on Tuesday that Tehran would not accept a step by \
            step approach and demanded that Washington lift all sanctions imposed since 2018 before \
            any return to full compliance. He spoke to state television after a meeting with the \
            European coordinator in Vienna, where diplomats from Britain, France, Germany, Russia and \
            China are also taking part in the talks this week.";
        let mut idx = MemoryIndex::new();
        idx.insert("wire", &Fingerprint::of(WIRE));
        assert_eq!(idx.find(&Fingerprint::of(other)), None);
    }

    #[test]
    fn signatures_round_trip_through_bytes() {
        let fp = Fingerprint::of(WIRE);
        let bytes = fp.minhash_bytes().unwrap();
        assert_eq!(Fingerprint::minhash_from_bytes(&bytes), fp.minhash);
        assert_eq!(fp.bands().len(), BANDS);
    }
}
