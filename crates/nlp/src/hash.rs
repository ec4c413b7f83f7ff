//! The two MurmurHash variants spaCy and thinc rely on.
//!
//! spaCy's string store keys every string by MurmurHash64A of its UTF-8 bytes (seed 1);
//! thinc's `HashEmbed` maps each 64-bit feature to four table rows with MurmurHash3
//! x64_128 (seeded per layer). Both are reimplemented from the published algorithms.

use std::collections::HashMap;
use std::sync::OnceLock;

/// MurmurHash64A (Austin Appleby), as `murmurhash.hash64`.
pub fn murmur64a(key: &[u8], seed: u64) -> u64 {
    const M: u64 = 0xc6a4_a793_5bd1_e995;
    const R: u32 = 47;
    let len = key.len();
    let mut h: u64 = seed ^ (len as u64).wrapping_mul(M);
    let mut chunks = key.chunks_exact(8);
    for c in &mut chunks {
        let mut k = u64::from_le_bytes(c.try_into().expect("8 bytes"));
        k = k.wrapping_mul(M);
        k ^= k >> R;
        k = k.wrapping_mul(M);
        h ^= k;
        h = h.wrapping_mul(M);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        for (i, &b) in rest.iter().enumerate() {
            h ^= (b as u64) << (8 * i);
        }
        h = h.wrapping_mul(M);
    }
    h ^= h >> R;
    h = h.wrapping_mul(M);
    h ^= h >> R;
    h
}

/// The ID a string has in spaCy's `StringStore`: its reserved symbol number for the few
/// hundred symbol names (attribute, POS, label names such as "X" or "PERSON"), otherwise
/// its hash.
pub fn string_id(s: &str) -> u64 {
    static TABLE: OnceLock<HashMap<&'static str, u64>> = OnceLock::new();
    let table = TABLE.get_or_init(|| crate::symbols::SYMBOLS.iter().copied().collect());
    match table.get(s) {
        Some(&id) => id,
        None => hash_string(s),
    }
}

/// spaCy's string hash (`hash_string`): MurmurHash64A of the UTF-8 bytes, seed 1.
pub fn hash_string(s: &str) -> u64 {
    if s.is_empty() {
        // The string store reserves 0 for the empty string.
        return 0;
    }
    murmur64a(s.as_bytes(), 1)
}

#[inline]
fn fmix64(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
    k ^= k >> 33;
    k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    k ^= k >> 33;
    k
}

/// MurmurHash3 x64_128 of one u64 key (an 8-byte tail, no full block), split into four
/// u32 as thinc's `NumpyOps.hash` returns them.
pub fn murmur3_u64(key: u64, seed: u32) -> [u32; 4] {
    let mut h1 = key.wrapping_mul(0x87c3_7b91_1142_53d5);
    h1 = h1.rotate_left(31);
    h1 = h1.wrapping_mul(0x4cf5_ad43_2745_937f);
    h1 ^= seed as u64;
    h1 ^= 8;
    let mut h2 = (seed as u64) ^ 8;
    h1 = h1.wrapping_add(h2);
    h2 = h2.wrapping_add(h1);
    h1 = fmix64(h1);
    h2 = fmix64(h2);
    h1 = h1.wrapping_add(h2);
    h2 = h2.wrapping_add(h1);
    [h1 as u32, (h1 >> 32) as u32, h2 as u32, (h2 >> 32) as u32]
}

#[cfg(test)]
mod tests {
    use super::*;

    // Reference values computed with spaCy 3.8 / thinc 8 in Python.
    #[test]
    fn spacy_string_hashes() {
        assert_eq!(hash_string("apple"), 8566208034543834098);
        assert_eq!(hash_string(""), 0);
        assert_eq!(hash_string("Whitby"), 7333833443000486030);
        assert_eq!(hash_string("héllo wörld, long string"), 4527420780638910591);
    }

    #[test]
    fn symbols_keep_their_reserved_ids() {
        // "X" is the POS symbol, so a one-capital word's shape is not hashed.
        assert_eq!(string_id("X"), 101);
        assert_eq!(string_id(""), 0);
        assert_eq!(string_id("Xx"), 12204527652707022206);
    }

    #[test]
    fn thinc_feature_hashes() {
        assert_eq!(
            murmur3_u64(8566208034543834098, 8),
            [2653853934, 3922826080, 3980780901, 3736755472]
        );
        assert_eq!(
            murmur3_u64(1, 8),
            [1161550108, 2247783286, 1742325162, 1224191281]
        );
        assert_eq!(murmur3_u64(0, 8), [0, 0, 0, 0]);
    }
}
