//! Sets of the crate's own words, looked up many times per sentence.
//!
//! The standard hasher (SipHash) guards maps that grow from untrusted keys; these
//! sets are fixed word lists built once, so a few multiply-rotate steps per eight
//! bytes do: a lookup costs a fraction of SipHash's, and a crafted word can at
//! worst land in a bucket the list itself fills.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A fixed set of words with a fast hash.
pub(crate) type WordSet = HashSet<&'static str, BuildHasherDefault<WordHasher>>;

/// A fixed map from words to values with the same fast hash.
pub(crate) type WordMap<V> = HashMap<&'static str, V, BuildHasherDefault<WordHasher>>;

/// Builds a [`WordSet`] from word lists.
pub(crate) fn word_set<'a>(lists: impl IntoIterator<Item = &'a [&'static str]>) -> WordSet {
    lists.into_iter().flatten().copied().collect()
}

/// Multiply-rotate hashing of short byte strings (the scheme of Firefox's and
/// rustc's "Fx" hash, written here).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct WordHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl WordHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 59));
        }
    }

    #[inline]
    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_it_holds_and_nothing_else() {
        let set = word_set([
            &["chairman", "of", "vice-premier", ""][..],
            &["secretary-general"],
        ]);
        for w in ["chairman", "of", "vice-premier", "", "secretary-general"] {
            assert!(set.contains(w), "{w}");
        }
        for w in [
            "chairma",
            "chairmen",
            "o",
            "f",
            "vice-premie",
            "secretary-genera",
            " ",
        ] {
            assert!(!set.contains(w), "{w}");
        }
    }

    #[test]
    fn trailing_zero_bytes_change_the_hash() {
        let h = |b: &[u8]| {
            let mut s = WordHasher::default();
            s.write(b);
            s.finish()
        };
        assert_ne!(h(b"ab"), h(b"ab\0"));
        assert_ne!(h(b"abcdefgh"), h(b"abcdefgh\0"));
    }
}
