//! Shards: a partition of an archive's keys into N disjoint parts by a stable hash of the
//! key, so N workers (processes, machines) each export or read one part and together
//! cover every key exactly once.
//!
//! The hash (a contract: shard sets written by one build are read by every other):
//! the first 8 bytes of the BLAKE3 hash of the key's UTF-8 bytes, read as a
//! little-endian unsigned 64-bit integer, modulo N. Key `k` is in shard `I/N` exactly
//! when `u64::from_le_bytes(blake3(k)[0..8]) % N == I`. In Python:
//! `int.from_bytes(blake3.blake3(k.encode()).digest()[:8], "little") % n`.
//! It depends on the key only (not on the archive, the version, the machine or the
//! number of documents), so a key stays in its shard as the archive grows.

use crate::error::{Error, Result};

/// Part `index` of `count` (`index < count`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    index: u64,
    count: u64,
}

impl Shard {
    /// Shard `index` of `count`; a usage error unless `index < count`.
    pub fn new(index: u64, count: u64) -> Result<Shard> {
        if count == 0 || index >= count {
            return Err(Error::Usage(format!(
                "shard {index}/{count} does not exist: give I/N with 0 <= I < N (for example 0/4 to 3/4)"
            )));
        }
        Ok(Shard { index, count })
    }

    /// Parse `I/N`.
    pub fn parse(text: &str) -> Result<Shard> {
        let parsed = text
            .split_once('/')
            .and_then(|(i, n)| Some((i.trim().parse().ok()?, n.trim().parse().ok()?)));
        match parsed {
            Some((i, n)) => Shard::new(i, n),
            None => Err(Error::Usage(format!(
                "shard {text:?} is not I/N (two whole numbers, for example 0/4)"
            ))),
        }
    }

    pub fn index(&self) -> u64 {
        self.index
    }

    pub fn count(&self) -> u64 {
        self.count
    }

    /// Whether `key` belongs to this shard.
    pub fn contains(&self, key: &str) -> bool {
        of(key, self.count) == self.index
    }
}

impl std::fmt::Display for Shard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

/// The shard of `count` that `key` falls in.
pub fn of(key: &str, count: u64) -> u64 {
    let h = blake3::hash(key.as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&h.as_bytes()[..8]);
    u64::from_le_bytes(first) % count.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_is_the_documented_one() {
        // blake3("a") starts 17 76 2f dd d9 69 a4 53 (hex), little-endian 0x53a469d9dd2f7617.
        assert_eq!(&blake3::hash(b"a").to_hex()[..16], "17762fddd969a453");
        assert_eq!(of("a", 1 << 63), 0x53a4_69d9_dd2f_7617);
        assert_eq!(of("a", 4), 0x53a4_69d9_dd2f_7617 % 4);
    }

    #[test]
    fn shards_partition_the_keys() {
        let keys: Vec<String> = (0..1000).map(|i| format!("k/{i}")).collect();
        let mut seen = vec![0u32; keys.len()];
        for i in 0..4 {
            let s = Shard::new(i, 4).unwrap();
            for (n, k) in keys.iter().enumerate() {
                if s.contains(k) {
                    seen[n] += 1;
                }
            }
        }
        assert!(seen.iter().all(|&c| c == 1));
    }

    #[test]
    fn bad_shards_are_refused_with_the_form_to_use() {
        assert_eq!(
            Shard::parse("4/4").unwrap_err().to_string(),
            "shard 4/4 does not exist: give I/N with 0 <= I < N (for example 0/4 to 3/4)"
        );
        assert_eq!(
            Shard::parse("x").unwrap_err().to_string(),
            "shard \"x\" is not I/N (two whole numbers, for example 0/4)"
        );
        assert_eq!(Shard::parse(" 1/3").unwrap(), Shard::new(1, 3).unwrap());
    }
}
