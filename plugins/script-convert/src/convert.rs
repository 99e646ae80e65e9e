//! OpenCC configs and conversion, step for step as OpenCC 1.4.1 converts:
//! 1. normalization: the config's normalization chain over the whole text;
//! 2. segmentation (when the config has one): greedy longest match with the
//!    segmentation dictionary; matched keys are segments of their own, and runs of
//!    unmatched characters form one segment;
//! 3. the conversion chain, each conversion in order, over each segment (or the whole
//!    text): greedy longest match; a matched key is replaced by its value, an
//!    unmatched character (or ideographic description sequence) is copied.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use serde_json::Value;

use crate::dict;
use crate::matcher::{DictTree, Matcher, Policy, Root};

/// The configs OpenCC 1.4.1 ships, with their files.
pub const CONFIGS: &[(&str, &str)] = &[
    ("s2t", include_str!("../data/opencc/config/s2t.json")),
    ("t2s", include_str!("../data/opencc/config/t2s.json")),
    ("s2tw", include_str!("../data/opencc/config/s2tw.json")),
    ("tw2s", include_str!("../data/opencc/config/tw2s.json")),
    ("s2twp", include_str!("../data/opencc/config/s2twp.json")),
    ("tw2sp", include_str!("../data/opencc/config/tw2sp.json")),
    ("s2hk", include_str!("../data/opencc/config/s2hk.json")),
    ("hk2s", include_str!("../data/opencc/config/hk2s.json")),
    ("s2hkp", include_str!("../data/opencc/config/s2hkp.json")),
    ("hk2sp", include_str!("../data/opencc/config/hk2sp.json")),
    ("t2tw", include_str!("../data/opencc/config/t2tw.json")),
    ("tw2t", include_str!("../data/opencc/config/tw2t.json")),
    ("t2hk", include_str!("../data/opencc/config/t2hk.json")),
    ("hk2t", include_str!("../data/opencc/config/hk2t.json")),
    ("t2jp", include_str!("../data/opencc/config/t2jp.json")),
    ("jp2t", include_str!("../data/opencc/config/jp2t.json")),
];

/// A compiled config.
pub struct Converter {
    normalization: Vec<Matcher>,
    segmentation: Option<Matcher>,
    chain: Vec<Matcher>,
}

fn tree(doc: &Value, leaves: &mut Vec<&'static dict::Dict>) -> Result<DictTree, String> {
    let kind = doc
        .get("type")
        .and_then(Value::as_str)
        .ok_or("dictionary without a type")?;
    if kind == "group" {
        let policy = match doc.get("match_policy").and_then(Value::as_str) {
            None | Some("short_circuit") => Policy::ShortCircuit,
            Some("union") => Policy::Union,
            Some(p) => return Err(format!("unknown match_policy {p:?}")),
        };
        let kids = doc
            .get("dicts")
            .and_then(Value::as_array)
            .ok_or("group without dicts")?;
        let kids = kids
            .iter()
            .map(|k| tree(k, leaves))
            .collect::<Result<Vec<_>, _>>()?;
        return Ok(DictTree::Group(policy, kids));
    }
    let file = doc
        .get("file")
        .and_then(Value::as_str)
        .ok_or("dictionary without a file")?;
    let d = dict::get(file).ok_or_else(|| format!("dictionary {file} is not shipped"))?;
    leaves.push(d);
    Ok(DictTree::Leaf(leaves.len() - 1))
}

fn matcher(doc: &Value) -> Result<Matcher, String> {
    let mut leaves = Vec::new();
    let t = tree(doc, &mut leaves)?;
    Matcher::new(&leaves, t)
}

fn chain(doc: Option<&Value>) -> Result<Vec<Matcher>, String> {
    let Some(steps) = doc.and_then(Value::as_array) else {
        return Ok(Vec::new());
    };
    steps
        .iter()
        .map(|s| matcher(s.get("dict").ok_or("chain step without a dict")?))
        .collect()
}

impl Converter {
    /// Compile an OpenCC config file's JSON.
    pub fn from_json(json: &str) -> Result<Converter, String> {
        let doc: Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
        let segmentation = match doc.get("segmentation") {
            Some(s) => {
                if s.get("type").and_then(Value::as_str) != Some("mmseg") {
                    return Err("only mmseg segmentation is supported".into());
                }
                Some(matcher(
                    s.get("dict").ok_or("segmentation without a dict")?,
                )?)
            }
            None => None,
        };
        Ok(Converter {
            normalization: chain(doc.get("normalization"))?,
            segmentation,
            chain: chain(doc.get("conversion_chain"))?,
        })
    }

    /// The converter of a shipped config, compiled once per process and shared.
    pub fn shared(name: &str) -> Result<Arc<Converter>, String> {
        static CACHE: OnceLock<Mutex<HashMap<String, Arc<Converter>>>> = OnceLock::new();
        let json = CONFIGS
            .iter()
            .find(|(n, _)| *n == name.strip_suffix(".json").unwrap_or(name))
            .map(|(_, j)| *j);
        let Some(json) = json else {
            let names: Vec<&str> = CONFIGS.iter().map(|(n, _)| *n).collect();
            return Err(format!(
                "unknown config {name:?}; valid configs: {}",
                names.join(", ")
            ));
        };
        let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
        let mut map = cache.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(c) = map.get(name) {
            return Ok(c.clone());
        }
        let c = Arc::new(Converter::from_json(json)?);
        map.insert(name.to_string(), c.clone());
        Ok(c)
    }

    /// Convert `text`.
    pub fn convert(&self, text: &str) -> String {
        let mut cur = String::new();
        let mut next = String::with_capacity(text.len() + text.len() / 5);
        let mut src: &str = text;
        for m in &self.normalization {
            if !needs(m, src) {
                continue;
            }
            next.clear();
            convert_into(m, src, &mut next);
            std::mem::swap(&mut cur, &mut next);
            src = &cur;
        }
        let mut out = String::with_capacity(src.len() + src.len() / 5);
        let mut scratch = (String::new(), String::new());
        match &self.segmentation {
            None => self.convert_segment(src, &mut out, &mut scratch),
            Some(seg) => {
                // Matched keys are segments of their own; the text between them is one.
                let mut run_start = 0;
                scan_matches(seg, src, |pos, len, _| {
                    if run_start < pos {
                        self.convert_segment(&src[run_start..pos], &mut out, &mut scratch);
                    }
                    self.convert_segment(&src[pos..pos + len], &mut out, &mut scratch);
                    run_start = pos + len;
                });
                if run_start < src.len() {
                    self.convert_segment(&src[run_start..], &mut out, &mut scratch);
                }
            }
        }
        out
    }

    /// Run the chain over one segment; `scratch` holds the intermediate texts (reused
    /// across segments, so a segmented conversion does not allocate per segment).
    fn convert_segment(&self, segment: &str, out: &mut String, scratch: &mut (String, String)) {
        match self.chain.as_slice() {
            [] => out.push_str(segment),
            [only] => convert_into(only, segment, out),
            [first, rest @ ..] => {
                let (a, b) = scratch;
                a.clear();
                convert_into(first, segment, a);
                for (i, m) in rest.iter().enumerate() {
                    if i + 1 == rest.len() {
                        convert_into(m, a, out);
                    } else {
                        b.clear();
                        convert_into(m, a, b);
                        std::mem::swap(a, b);
                    }
                }
            }
        }
    }
}

/// Whether any character of `text` starts a key of `m`.
fn needs(m: &Matcher, text: &str) -> bool {
    let bytes = text.as_bytes();
    let starts = m.ascii_starts();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] < 0x80 {
            if starts[bytes[i] as usize] {
                return true;
            }
            i += 1;
            continue;
        }
        let (c, width) = decode(bytes, i);
        if m.may_start_key(c) {
            return true;
        }
        i += width;
    }
    false
}

/// One conversion over `text`, appended to `out`.
pub fn convert_into(m: &Matcher, text: &str, out: &mut String) {
    let mut copy_from = 0;
    scan_matches(m, text, |pos, len, value| {
        if copy_from < pos {
            out.push_str(&text[copy_from..pos]);
        }
        out.push_str(value);
        copy_from = pos + len;
    });
    out.push_str(&text[copy_from..]);
}

/// OpenCC's greedy scan: at each position the longest match of `m` is taken (reported
/// as start, length, value) and the scan goes on after it; where nothing matches, one
/// unit (a character, or a whole ideographic description sequence) is passed over.
#[inline(always)]
fn scan_matches(m: &Matcher, text: &str, mut on_match: impl FnMut(usize, usize, &'static str)) {
    let bytes = text.as_bytes();
    let starts = m.ascii_starts();
    let any_ascii = starts.contains(&true);
    let mut pos = 0;
    while pos < bytes.len() {
        if bytes[pos] < 0x80 && !starts[bytes[pos] as usize] {
            pos += ascii_run(&bytes[pos..], starts, any_ascii);
            continue;
        }
        let (c, width) = decode(bytes, pos);
        let found = match m.root_entry(c) {
            Root::None => None,
            Root::Direct(value) => Some((width, value)),
            Root::Node(node) => m.walk(node, &text[pos..], width).map(|f| (f.len, f.value)),
        };
        match found {
            Some((len, value)) => {
                on_match(pos, len, value);
                pos += len;
            }
            None if (0x2FF0..=0x2FFF).contains(&c) => pos += unit_len(&text[pos..]),
            None => pos += width,
        }
    }
}

/// Length of the run of ASCII bytes that start no key at the start of `b` (eight bytes
/// at a time when no ASCII byte starts a key).
#[inline]
fn ascii_run(b: &[u8], starts: &[bool; 128], any_ascii: bool) -> usize {
    let mut i = 0;
    if any_ascii {
        while i < b.len() && b[i] < 0x80 && !starts[b[i] as usize] {
            i += 1;
        }
        return i;
    }
    while i + 8 <= b.len() {
        let w = u64::from_le_bytes([
            b[i],
            b[i + 1],
            b[i + 2],
            b[i + 3],
            b[i + 4],
            b[i + 5],
            b[i + 6],
            b[i + 7],
        ]);
        let high = w & 0x8080_8080_8080_8080;
        if high != 0 {
            return i + (high.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < b.len() && b[i] < 0x80 {
        i += 1;
    }
    i
}

/// The code point at `pos` of valid UTF-8 and its width.
#[inline(always)]
fn decode(b: &[u8], pos: usize) -> (u32, usize) {
    let b0 = b[pos] as u32;
    if b0 < 0x80 {
        (b0, 1)
    } else if b0 < 0xE0 {
        (((b0 & 0x1F) << 6) | (b[pos + 1] as u32 & 0x3F), 2)
    } else if b0 < 0xF0 {
        (
            ((b0 & 0x0F) << 12) | ((b[pos + 1] as u32 & 0x3F) << 6) | (b[pos + 2] as u32 & 0x3F),
            3,
        )
    } else {
        (
            ((b0 & 0x07) << 18)
                | ((b[pos + 1] as u32 & 0x3F) << 12)
                | ((b[pos + 2] as u32 & 0x3F) << 6)
                | (b[pos + 3] as u32 & 0x3F),
            4,
        )
    }
}

/// Length of the unit copied when nothing matches: a whole ideographic description
/// sequence when one starts here, else one character.
fn unit_len(text: &str) -> usize {
    let Some(c) = text.chars().next() else {
        return 1;
    };
    if arity(c) == 0 {
        return c.len_utf8();
    }
    ids_len(text, 16, &mut 0).unwrap_or(c.len_utf8())
}

fn arity(c: char) -> usize {
    match c as u32 {
        0x2FF2 | 0x2FF3 => 3,
        0x2FFE | 0x2FFF => 1,
        0x2FF0 | 0x2FF1 | 0x2FF4..=0x2FFD => 2,
        _ => 0,
    }
}

/// Length of a complete ideographic description sequence at the start of `text`
/// (OpenCC: depth at most 16, at most 64 code points).
fn ids_len(text: &str, depth: usize, code_points: &mut usize) -> Option<usize> {
    if depth == 0 || *code_points >= 64 {
        return None;
    }
    let c = text.chars().next()?;
    *code_points += 1;
    let mut offset = c.len_utf8();
    for _ in 0..arity(c) {
        offset += ids_len(&text[offset..], depth - 1, code_points)?;
    }
    Some(offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_sequences_are_one_unit() {
        assert_eq!(unit_len("⿰氵青x"), "⿰氵青".len());
        assert_eq!(
            unit_len("⿰氵"),
            "⿰".len(),
            "an incomplete sequence is one character"
        );
        assert_eq!(unit_len("中文"), "中".len());
    }

    #[test]
    fn unknown_config_lists_the_valid_ones() {
        let e = Converter::shared("x2y").err().unwrap();
        assert!(
            e.starts_with("unknown config \"x2y\"; valid configs: s2t, t2s, s2tw,"),
            "{e}"
        );
    }

    #[test]
    fn basic_conversions() {
        let t2s = Converter::shared("t2s").unwrap();
        assert_eq!(t2s.convert("中國西藏網 發布時間"), "中国西藏网 发布时间");
        let s2t = Converter::shared("s2t").unwrap();
        assert_eq!(s2t.convert("中国西藏网"), "中國西藏網");
    }
}
