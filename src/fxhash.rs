//! A fast, non-cryptographic hash (FxHash, as rustc uses) for in-memory tables (the extractor's,
//! the ledger's interned names), keyed by short words and ids, never by attacker-chosen keys at scale.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// The FxHash state.
#[derive(Debug, Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // The rest as a little-endian integer, byte by byte (a copy of a variable length
            // would be a call to memcpy).
            let last = rest.iter().rev().fold(0u64, |packed, &b| packed << 8 | u64::from(b));
            self.add(last ^ rest.len() as u64);
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

/// Builds [`FxHasher`]s.
pub type FxBuild = BuildHasherDefault<FxHasher>;
/// A `HashMap` with [`FxHasher`].
pub type FxMap<K, V> = HashMap<K, V, FxBuild>;
/// A `HashSet` with [`FxHasher`].
pub type FxSet<K> = HashSet<K, FxBuild>;

/// FxHash with its well-mixed high bits rotated into the low ones on `finish` (as rustc-hash 2
/// does): `HashMap` picks buckets by the low bits, which plain FxHash leaves poorly mixed for
/// many similar keys (`gen000001.txt`, `gen000002.txt`, …), so such tables would collide.
#[derive(Debug, Default, Clone, Copy)]
pub struct SpreadHasher(FxHasher);

impl Hasher for SpreadHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0.write(bytes);
    }

    fn write_u8(&mut self, n: u8) {
        self.0.write_u8(n);
    }

    fn write_u32(&mut self, n: u32) {
        self.0.write_u32(n);
    }

    fn write_u64(&mut self, n: u64) {
        self.0.write_u64(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.0.write_usize(n);
    }

    fn finish(&self) -> u64 {
        self.0.finish().rotate_left(26)
    }
}

/// A `HashMap` with [`SpreadHasher`], for tables of many similar keys.
pub type SpreadMap<K, V> = HashMap<K, V, BuildHasherDefault<SpreadHasher>>;
/// A `HashSet` with [`SpreadHasher`].
pub type SpreadSet<K> = HashSet<K, BuildHasherDefault<SpreadHasher>>;
