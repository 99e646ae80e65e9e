//! Similarity of documents: a MinHash signature of each document's newest version and an
//! LSH index over the signatures, kept in the engine (trees `Signatures` and `Bands`,
//! see FORMAT.md) and rebuilt by `repair` from the documents' bytes.
//!
//! The signature is taken over the document's text as the corpus statistics normalise it
//! ([`crate::corpus::normalize_text`]: letters and digits, lower-cased, markup, entities
//! and URLs left out), cut into overlapping shingles of [`SHINGLE`] characters. Each
//! shingle's hash falls into one of [`HASHES`] bins, whose minimum it may be (a
//! one-permutation MinHash; an empty bin borrows from the next filled one);
//! the share of equal minimums between two signatures estimates the Jaccard similarity of
//! their shingle sets. LSH groups the minimums into [`BANDS`] bands of [`ROWS`]: two
//! documents whose Jaccard similarity is `s` share at least one band with probability
//! `1 - (1 - s^ROWS)^BANDS` (0.9998 at 0.8, 0.64 at 0.5), and only documents that share a
//! band are compared.

use crate::error::{Error, Result};
use crate::store::engine::{Engine, TreeName, Write};

/// Characters per shingle.
pub const SHINGLE: usize = 5;
/// Hash functions (minimums) per signature.
pub const HASHES: usize = 64;
/// LSH bands, of [`ROWS`] minimums each.
pub const BANDS: usize = 16;
pub const ROWS: usize = HASHES / BANDS;

/// Documents compared per LSH band when looking for the most similar one.
pub const BAND_CANDIDATES: usize = 4;

/// Version byte of an encoded [`Signature`].
const SIGNATURE_VERSION: u8 = 1;

/// The MinHash signature of a document's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    /// The first 8 bytes (little-endian) of the BLAKE3 of the normalised text: equal
    /// values are the same text (exact duplicates).
    pub text: u64,
    pub mins: [u16; HASHES],
}

/// A 64-bit hash of one shingle (its characters' code points).
fn shingle_hash(chars: &[char]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &c in chars {
        h = (h ^ c as u64).wrapping_mul(0x0000_0100_0000_01b3);
        h ^= h >> 29;
    }
    h.wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// The signature of a document's bytes (read as UTF-8, invalid sequences replaced), or
/// `None` when its normalised text is shorter than one shingle.
pub fn signature(bytes: &[u8]) -> Option<Signature> {
    let text = crate::corpus::normalize_text(&String::from_utf8_lossy(bytes));
    let chars: Vec<char> = text.chars().collect();
    if chars.len() < SHINGLE {
        return None;
    }
    // One permutation: the top 6 bits of a shingle's hash choose its bin, the 16
    // bits below them compete for the bin's minimum (one hash per shingle, not one per minimum).
    let mut mins = [u16::MAX; HASHES];
    for w in chars.windows(SHINGLE) {
        let h = shingle_hash(w);
        let bin = (h >> 58) as usize;
        let v = (h >> 42) as u16;
        if v < mins[bin] {
            mins[bin] = v;
        }
    }
    // An empty bin takes the minimum of the next filled bin (circularly), shifted by
    // the distance, so that two documents agree on it exactly when they agree there.
    let filled = mins;
    for (i, m) in mins.iter_mut().enumerate() {
        if filled[i] != u16::MAX {
            continue;
        }
        for d in 1..HASHES {
            let f = filled[(i + d) % HASHES];
            if f != u16::MAX {
                *m = f.wrapping_add((d as u16).wrapping_mul(0x9e37));
                break;
            }
        }
    }
    let h = blake3::hash(text.as_bytes());
    let mut t = [0u8; 8];
    t.copy_from_slice(&h.as_bytes()[..8]);
    Some(Signature {
        text: u64::from_le_bytes(t),
        mins,
    })
}

impl Signature {
    /// The estimated Jaccard similarity of two documents' shingle sets (1.0 for the same
    /// normalised text).
    pub fn similarity(&self, other: &Signature) -> f64 {
        if self.text == other.text {
            return 1.0;
        }
        let same = self
            .mins
            .iter()
            .zip(other.mins.iter())
            .filter(|(a, b)| a == b)
            .count();
        same as f64 / HASHES as f64
    }

    /// The hash of band `band` (its [`ROWS`] minimums).
    pub fn band(&self, band: usize) -> u64 {
        let mut h: u64 = band as u64 ^ 0x6c62_272e_07bb_0142;
        for m in &self.mins[band * ROWS..(band + 1) * ROWS] {
            h = (h ^ u64::from(*m)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
            h ^= h >> 32;
        }
        h
    }

    /// `1` ‖ text (u64 LE) ‖ minimums (u16 LE each) ‖ the document key (UTF-8).
    pub fn encode(&self, key: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(9 + 2 * HASHES + key.len());
        out.push(SIGNATURE_VERSION);
        out.extend_from_slice(&self.text.to_le_bytes());
        for m in &self.mins {
            out.extend_from_slice(&m.to_le_bytes());
        }
        out.extend_from_slice(key.as_bytes());
        out
    }

    /// The signature and document key of an encoded value.
    pub fn decode(bytes: &[u8]) -> std::result::Result<(Signature, String), String> {
        let fixed = 9 + 2 * HASHES;
        if bytes.len() < fixed || bytes[0] != SIGNATURE_VERSION {
            return Err(format!(
                "a signature record of {} bytes, version {:?}",
                bytes.len(),
                bytes.first()
            ));
        }
        let mut t = [0u8; 8];
        t.copy_from_slice(&bytes[1..9]);
        let mut mins = [0u16; HASHES];
        for (i, m) in mins.iter_mut().enumerate() {
            let at = 9 + 2 * i;
            *m = u16::from_le_bytes([bytes[at], bytes[at + 1]]);
        }
        let key = String::from_utf8(bytes[fixed..].to_vec()).map_err(|e| e.to_string())?;
        Ok((
            Signature {
                text: u64::from_le_bytes(t),
                mins,
            },
            key,
        ))
    }
}

/// The `Bands` key of document `id` in band `band`.
fn band_key(band: usize, hash: u64, id: u64) -> Vec<u8> {
    let mut k = Vec::with_capacity(17);
    k.push(band as u8);
    k.extend_from_slice(&hash.to_be_bytes());
    k.extend_from_slice(&id.to_be_bytes());
    k
}

/// The writes that make `sig` the signature of document `id` (`key`), replacing `old`
/// (its previous signature, whose bands are removed). `sig` `None`: the document has no
/// text to compare, only the old entries go.
pub fn writes(id: u64, key: &str, old: Option<&Signature>, sig: Option<&Signature>) -> Vec<Write> {
    let mut out = Vec::new();
    if old == sig {
        return out;
    }
    if let Some(old) = old {
        for b in 0..BANDS {
            out.push((TreeName::Bands, band_key(b, old.band(b), id), None));
        }
    }
    match sig {
        Some(sig) => {
            out.push((
                TreeName::Signatures,
                id.to_be_bytes().to_vec(),
                Some(sig.encode(key)),
            ));
            for b in 0..BANDS {
                out.push((
                    TreeName::Bands,
                    band_key(b, sig.band(b), id),
                    Some(Vec::new()),
                ));
            }
        }
        None if old.is_some() => out.push((TreeName::Signatures, id.to_be_bytes().to_vec(), None)),
        None => {}
    }
    out
}

/// The stored signature of document `id`, with its key.
pub fn stored(engine: &dyn Engine, id: u64) -> Result<Option<(Signature, String)>> {
    match engine.get(TreeName::Signatures, &id.to_be_bytes())? {
        Some(v) => Signature::decode(&v)
            .map(Some)
            .map_err(|e| Error::corrupt(format!("signature of document {id}"), e)),
        None => Ok(None),
    }
}

/// Every stored signature: (document id, key, signature), in id order.
pub fn all(engine: &dyn Engine) -> Result<Vec<(u64, String, Signature)>> {
    engine
        .scan_prefix(TreeName::Signatures, b"")
        .map(|r| {
            let (k, v) = r?;
            let id = k
                .as_slice()
                .try_into()
                .map(u64::from_be_bytes)
                .map_err(|_| Error::corrupt("a signature key", "not 8 bytes"))?;
            let (sig, key) = Signature::decode(&v)
                .map_err(|e| Error::corrupt(format!("signature of document {id}"), e))?;
            Ok((id, key, sig))
        })
        .collect()
}

/// The stored document most similar to `sig` (at least `min` estimated similarity):
/// its key and similarity. Only documents sharing an LSH band are compared; `skip` is
/// left out (the document itself).
pub fn most_similar(
    engine: &dyn Engine,
    sig: &Signature,
    min: f64,
    skip: Option<&str>,
) -> Result<Option<(String, f64)>> {
    let mut seen = std::collections::HashSet::new();
    let mut best: Option<(String, f64)> = None;
    for b in 0..BANDS {
        let mut prefix = Vec::with_capacity(9);
        prefix.push(b as u8);
        prefix.extend_from_slice(&sig.band(b).to_be_bytes());
        // Pages of one template share bands with hundreds of others: a bounded number
        // of candidates per band (the oldest documents) keeps an import linear.
        for r in engine
            .scan_prefix(TreeName::Bands, &prefix)
            .take(BAND_CANDIDATES)
        {
            let (k, _) = r?;
            let Some(id) = k
                .get(9..17)
                .and_then(|s| s.try_into().ok())
                .map(u64::from_be_bytes)
            else {
                continue;
            };
            if !seen.insert(id) {
                continue;
            }
            let Some((other, key)) = stored(engine, id)? else {
                continue;
            };
            if skip == Some(key.as_str()) {
                continue;
            }
            let s = sig.similarity(&other);
            let better = match &best {
                None => true,
                Some((bk, bs)) => s > *bs || (s == *bs && key < *bk),
            };
            if s >= min && better {
                best = Some((key, s));
            }
        }
    }
    Ok(best)
}

/// The signatures and LSH buckets of an archive's documents held in memory, for an
/// import's look-ups (one engine scan at its start instead of sled reads per document).
#[derive(Default)]
pub struct MemoryIndex {
    docs: Vec<(String, Signature)>,
    buckets: std::collections::HashMap<(u8, u64), Vec<u32>>,
}

impl MemoryIndex {
    /// Every stored signature of `engine`.
    pub fn load(engine: &dyn Engine) -> Result<MemoryIndex> {
        let mut index = MemoryIndex::default();
        for (_, key, sig) in all(engine)? {
            let at = index.docs.len() as u32;
            for b in 0..BANDS {
                let e = index.buckets.entry((b as u8, sig.band(b))).or_default();
                if e.len() < BAND_CANDIDATES {
                    e.push(at);
                }
            }
            index.docs.push((key, sig));
        }
        Ok(index)
    }

    /// The document most similar to `sig` (at least `min`), as [`most_similar`]; `skip`
    /// is left out.
    pub fn most_similar(
        &self,
        sig: &Signature,
        min: f64,
        skip: Option<&str>,
    ) -> Option<(String, f64)> {
        let mut best: Option<(&str, f64)> = None;
        for b in 0..BANDS {
            let Some(ids) = self.buckets.get(&(b as u8, sig.band(b))) else {
                continue;
            };
            for &i in ids {
                let (key, other) = &self.docs[i as usize];
                if skip == Some(key.as_str()) {
                    continue;
                }
                let s = sig.similarity(other);
                let better = match best {
                    None => true,
                    Some((bk, bs)) => s > bs || (s == bs && key.as_str() < bk),
                };
                if s >= min && better {
                    best = Some((key, s));
                }
            }
        }
        best.map(|(k, s)| (k.to_string(), s))
    }
}

/// Pairs of documents (indices into `sigs`) whose signatures share an LSH band, each
/// pair once, in ascending order.
pub fn candidate_pairs(sigs: &[&Signature]) -> Vec<(usize, usize)> {
    let mut buckets: std::collections::HashMap<(usize, u64), Vec<usize>> =
        std::collections::HashMap::new();
    for (i, s) in sigs.iter().enumerate() {
        for b in 0..BANDS {
            buckets.entry((b, s.band(b))).or_default().push(i);
        }
    }
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for members in buckets.values() {
        for (x, &i) in members.iter().enumerate() {
            for &j in &members[x + 1..] {
                pairs.push((i.min(j), i.max(j)));
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similar_texts_have_similar_signatures() {
        let a = "今天上午，国务院新闻办公室举行新闻发布会，介绍经济运行情况。记者从发布会上获悉，前三季度经济稳中有进。".repeat(3);
        let b = a.replace("记者", "本报记者");
        let c = "完全不同的一篇文章，讲的是天气和体育比赛的结果，与经济没有任何关系。".repeat(3);
        let (sa, sb, sc) = (
            signature(a.as_bytes()).unwrap(),
            signature(b.as_bytes()).unwrap(),
            signature(c.as_bytes()).unwrap(),
        );
        assert!(sa.similarity(&sb) > 0.6, "{}", sa.similarity(&sb));
        assert!(sa.similarity(&sc) < 0.2, "{}", sa.similarity(&sc));
        // Markup and case are not text.
        let html = format!("<p>{}</p>", a.to_uppercase());
        assert_eq!(signature(html.as_bytes()).unwrap(), sa);
        assert_eq!(signature(b"abc"), None);
    }

    #[test]
    fn signatures_encode_and_decode() {
        let s = signature("一篇文章的正文内容".as_bytes()).unwrap();
        let bytes = s.encode("news/a.html");
        assert_eq!(
            Signature::decode(&bytes),
            Ok((s, "news/a.html".to_string()))
        );
        assert!(Signature::decode(&bytes[..20]).is_err());
    }
}
