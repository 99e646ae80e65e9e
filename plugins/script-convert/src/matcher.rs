//! Longest-prefix matching over a group of dictionaries, exactly as OpenCC matches:
//! - a leaf dictionary matches its longest key that is a prefix of the text;
//! - a `short_circuit` group takes the match of its first member that has one;
//! - a `union` group takes the longest match of its members (the first on a tie).
//!
//! All leaf dictionaries of a group are merged into one trie whose nodes record which
//! leaves end there, so one walk along the text finds every leaf's longest match, and
//! the group's policy then picks among them.

use std::collections::HashMap;

use crate::dict::Dict;

/// How a group picks among its members.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Policy {
    ShortCircuit,
    Union,
}

/// A dictionary or a group of them, as a config describes it.
#[derive(Debug, Clone)]
pub enum DictTree {
    /// Index into the leaves given to [`Matcher::new`].
    Leaf(usize),
    Group(Policy, Vec<DictTree>),
}

#[derive(Clone, Copy)]
struct Node {
    /// Bit `bloom(c)` is set for every child character `c`: a clear bit proves there
    /// is no such child without a lookup.
    mask: u64,
    child_start: u32,
    child_len: u32,
    /// Value of the best key ending here (`NONE` if none), and its rank.
    value: u32,
    rank: u32,
}

const NONE: u32 = u32::MAX;
/// A root entry with this bit set is the value index of a one-character key that no
/// longer key extends (no node to visit).
const DIRECT: u32 = 1 << 31;

/// A multiplicative hasher for the integer keys of the trie builder.
#[derive(Default)]
struct MulHasher(u64);

impl std::hash::Hasher for MulHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ b as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = (v ^ (v >> 29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// Nodes with more children than this look them up in the hash table.
const WIDE: usize = 32;

#[inline(always)]
fn bloom(c: u32) -> u64 {
    1u64 << ((c.wrapping_mul(0x9E37_79B9) >> 26) & 63)
}

#[inline(always)]
fn wide_key(node: u32, c: u32) -> u64 {
    ((node as u64) << 32) | c as u64
}

#[inline(always)]
fn wide_hash(key: u64, shift: u32) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift) as usize
}

/// What the root table says about a character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Root {
    /// No key starts with it.
    None,
    /// It is a key and no longer key starts with it: its value.
    Direct(&'static str),
    /// Walk from this node.
    Node(u32),
}

/// A compiled dictionary tree.
///
/// Every tree OpenCC configs use is a leaf, a union of leaves, or a short-circuit
/// group whose members are leaves or unions of leaves. Each leaf then gets a *rank*:
/// its member's position in the short-circuit group (0 otherwise). The group's match is
/// the longest match among the leaves of the lowest rank that matches at all, and among
/// keys of equal length the earlier leaf wins — so each trie node keeps only its best
/// (lowest rank, earliest leaf) key, and one walk finds the answer.
pub struct Matcher {
    /// Node of each BMP code point at the root (`NONE` if no key starts with it).
    root_bmp: Vec<u32>,
    root_astral: HashMap<u32, u32>,
    nodes: Vec<Node>,
    child_char: Vec<u32>,
    child_node: Vec<u32>,
    /// Children of nodes with many children: open addressing on (node, char).
    wide: Vec<(u64, u32)>,
    wide_shift: u32,
    values: Vec<&'static str>,
    /// ASCII characters that start some key.
    ascii_starts: [bool; 128],
    /// One bit per BMP code point that starts a key (8 KiB, cache-friendly); astral
    /// characters all set `astral_keys`.
    starts_bmp: Vec<u64>,
    astral_keys: bool,
}

/// A match: the key's length in bytes and its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub len: usize,
    pub value: &'static str,
}

/// Leaves of a union-only tree, in order.
fn union_leaves(t: &DictTree, out: &mut Vec<usize>) -> bool {
    match t {
        DictTree::Leaf(i) => {
            out.push(*i);
            true
        }
        DictTree::Group(Policy::Union, kids) => kids.iter().all(|k| union_leaves(k, out)),
        DictTree::Group(Policy::ShortCircuit, kids) => {
            kids.len() == 1 && union_leaves(&kids[0], out)
        }
    }
}

/// (leaf, rank) in priority order, or an error for trees no shipped config has.
fn ranks(t: &DictTree) -> Result<Vec<(usize, u32)>, String> {
    let mut leaves = Vec::new();
    if union_leaves(t, &mut leaves) {
        return Ok(leaves.into_iter().map(|l| (l, 0)).collect());
    }
    let DictTree::Group(Policy::ShortCircuit, kids) = t else {
        return Err("unsupported dictionary group nesting".into());
    };
    let mut out = Vec::new();
    for (rank, k) in kids.iter().enumerate() {
        let mut leaves = Vec::new();
        if !union_leaves(k, &mut leaves) {
            return Err("unsupported dictionary group nesting".into());
        }
        out.extend(leaves.into_iter().map(|l| (l, rank as u32)));
    }
    Ok(out)
}

impl Matcher {
    /// Compile `tree` over `leaves`.
    pub fn new(leaves: &[&'static Dict], tree: DictTree) -> Result<Matcher, String> {
        let order = ranks(&tree)?;
        // Edges (parent, char) -> child, hashed with a multiplicative hash (the keys are
        // small integers; SipHash would dominate the build time).
        let mut edges: HashMap<u64, u32, std::hash::BuildHasherDefault<MulHasher>> =
            HashMap::default();
        // Best (priority, rank, value) per node; priority = position in `order`.
        let mut best: Vec<Option<(usize, u32, u32)>> = vec![None];
        let mut values: Vec<&'static str> = Vec::new();
        for (priority, &(leaf, rank)) in order.iter().enumerate() {
            for (key, value) in &leaves[leaf].entries {
                let mut node = 0u32;
                for c in key.chars() {
                    let next = best.len() as u32;
                    let n = *edges.entry(wide_key(node, c as u32)).or_insert(next);
                    if n == next {
                        best.push(None);
                    }
                    node = n;
                }
                if best[node as usize].is_none() {
                    best[node as usize] = Some((priority, rank, values.len() as u32));
                    values.push(value);
                }
            }
        }
        // Number the nodes breadth-first, so the nodes of first characters (visited at
        // almost every position) lie together in memory.
        let mut by_parent: Vec<(u64, u32)> = edges.into_iter().collect();
        by_parent.sort_unstable();
        let mut first_edge = vec![usize::MAX; best.len()];
        for (i, (k, _)) in by_parent.iter().enumerate().rev() {
            first_edge[(k >> 32) as usize] = i;
        }
        let mut new_id = vec![u32::MAX; best.len()];
        let mut queue = std::collections::VecDeque::from([0u32]);
        new_id[0] = 0;
        let mut next = 1u32;
        while let Some(old) = queue.pop_front() {
            let mut e = first_edge[old as usize];
            while e < by_parent.len() && (by_parent[e].0 >> 32) as u32 == old {
                let child = by_parent[e].1;
                new_id[child as usize] = next;
                next += 1;
                queue.push_back(child);
                e += 1;
            }
        }
        let mut renumbered_best = vec![None; best.len()];
        for (old, b) in best.into_iter().enumerate() {
            renumbered_best[new_id[old] as usize] = b;
        }
        let best = renumbered_best;
        let mut sorted: Vec<(u64, u32)> = by_parent
            .into_iter()
            .map(|(k, child)| {
                (
                    wide_key(new_id[(k >> 32) as usize], k as u32),
                    new_id[child as usize],
                )
            })
            .collect();
        sorted.sort_unstable();
        // Children of each node: a range of `sorted` (parents are sorted).
        let mut ranges = vec![(0usize, 0usize); best.len()];
        let mut i = 0;
        while i < sorted.len() {
            let parent = (sorted[i].0 >> 32) as usize;
            let start = i;
            while i < sorted.len() && (sorted[i].0 >> 32) as usize == parent {
                i += 1;
            }
            ranges[parent] = (start, i);
        }
        let root_kids = &sorted[ranges[0].0..ranges[0].1];
        let mut m = Matcher {
            root_bmp: vec![NONE; 0x10000],
            root_astral: HashMap::new(),
            nodes: Vec::with_capacity(best.len()),
            child_char: Vec::with_capacity(sorted.len()),
            child_node: Vec::with_capacity(sorted.len()),
            wide: Vec::new(),
            wide_shift: 64,
            values,
            ascii_starts: [false; 128],
            starts_bmp: vec![0; 0x10000 / 64],
            astral_keys: false,
        };
        for &(k, n) in root_kids {
            let c = k as u32;
            if c < 0x80 {
                m.ascii_starts[c as usize] = true;
            }
            if c < 0x10000 {
                m.starts_bmp[(c >> 6) as usize] |= 1 << (c & 63);
            } else {
                m.astral_keys = true;
            }
            let (s, e) = ranges[n as usize];
            let entry = match best[n as usize] {
                Some((_, _, v)) if s == e => DIRECT | v,
                _ => n,
            };
            if c < 0x10000 {
                m.root_bmp[c as usize] = entry;
            } else {
                m.root_astral.insert(c, entry);
            }
        }
        for (i, &(s, e)) in ranges.iter().enumerate() {
            let kids: &[(u64, u32)] = if i == 0 { &[] } else { &sorted[s..e] };
            let (value, rank) = best[i].map_or((NONE, NONE), |(_, r, v)| (v, r));
            let mask = kids.iter().fold(0u64, |m, (k, _)| m | bloom(*k as u32));
            m.nodes.push(Node {
                mask,
                child_start: m.child_char.len() as u32,
                child_len: kids.len() as u32,
                value,
                rank,
            });
            for &(k, n) in kids {
                m.child_char.push(k as u32);
                m.child_node.push(n);
            }
        }
        // Nodes with more than WIDE children are looked up by hash instead of a search.
        let wide: Vec<(u64, u32)> = (1..m.nodes.len())
            .filter(|&i| m.nodes[i].child_len as usize > WIDE)
            .flat_map(|i| {
                let n = m.nodes[i];
                let (s, l) = (n.child_start as usize, n.child_len as usize);
                (s..s + l).map(move |j| (i, j))
            })
            .map(|(i, j)| (wide_key(i as u32, m.child_char[j]), m.child_node[j]))
            .collect();
        if !wide.is_empty() {
            let bits = (wide.len() * 2).next_power_of_two().trailing_zeros().max(1);
            m.wide_shift = 64 - bits;
            m.wide = vec![(u64::MAX, NONE); 1 << bits];
            for (k, v) in wide {
                let mut slot = wide_hash(k, m.wide_shift);
                while m.wide[slot].0 != u64::MAX {
                    slot = (slot + 1) & (m.wide.len() - 1);
                }
                m.wide[slot] = (k, v);
            }
        }
        Ok(m)
    }

    #[inline]
    fn child(&self, id: u32, node: &Node, c: u32) -> u32 {
        if node.mask & bloom(c) == 0 {
            return NONE;
        }
        let (s, l) = (node.child_start as usize, node.child_len as usize);
        if l <= WIDE {
            let chars = &self.child_char[s..s + l];
            for (i, &k) in chars.iter().enumerate() {
                if k == c {
                    return self.child_node[s + i];
                }
            }
            return NONE;
        }
        let key = wide_key(id, c);
        let mut slot = wide_hash(key, self.wide_shift);
        loop {
            let (k, v) = self.wide[slot];
            if k == key {
                return v;
            }
            if k == u64::MAX {
                return NONE;
            }
            slot = (slot + 1) & (self.wide.len() - 1);
        }
    }

    #[inline]
    fn root(&self, c: u32) -> u32 {
        if c < 0x10000 {
            self.root_bmp[c as usize]
        } else {
            self.root_astral.get(&c).copied().unwrap_or(NONE)
        }
    }

    /// Whether some key starts with `c`.
    #[inline]
    pub fn starts_key(&self, c: char) -> bool {
        self.root(c as u32) != NONE
    }

    /// The match at the start of `text`, if any.
    #[inline]
    pub fn match_prefix(&self, text: &str) -> Option<Match> {
        let first = text.chars().next()?;
        match self.root_entry(first as u32) {
            Root::None => None,
            Root::Direct(value) => Some(Match {
                len: first.len_utf8(),
                value,
            }),
            Root::Node(id) => self.walk(id, text, first.len_utf8()),
        }
    }

    /// False only if no key starts with code point `c` (a cheap pre-check).
    #[inline]
    pub fn may_start_key(&self, c: u32) -> bool {
        if c < 0x10000 {
            self.starts_bmp[(c >> 6) as usize] & (1 << (c & 63)) != 0
        } else {
            self.astral_keys
        }
    }

    /// Which ASCII characters start some key (the others are skipped without lookups).
    #[inline]
    pub fn ascii_starts(&self) -> &[bool; 128] {
        &self.ascii_starts
    }

    /// What the root table holds for code point `c`.
    #[inline(always)]
    pub fn root_entry(&self, c: u32) -> Root {
        let e = self.root(c);
        if e == NONE {
            Root::None
        } else if e & DIRECT != 0 {
            Root::Direct(self.values[(e & !DIRECT) as usize])
        } else {
            Root::Node(e)
        }
    }

    /// Continue a match from root node `id`, whose character ends at byte `end` of
    /// `text`.
    #[inline(always)]
    pub fn walk(&self, id: u32, text: &str, mut end: usize) -> Option<Match> {
        let mut id = id;
        let mut node = &self.nodes[id as usize];
        if node.child_len == 0 {
            return (node.value != NONE).then(|| Match {
                len: end,
                value: self.values[node.value as usize],
            });
        }
        let mut best: Option<(u32, usize, u32)> = None;
        let mut chars = text[end..].chars();
        loop {
            if node.value != NONE && best.is_none_or(|(r, _, _)| node.rank <= r) {
                best = Some((node.rank, end, node.value));
            }
            if node.child_len == 0 {
                break;
            }
            let Some(c) = chars.next() else { break };
            id = self.child(id, node, c as u32);
            if id == NONE {
                break;
            }
            node = &self.nodes[id as usize];
            end += c.len_utf8();
        }
        best.map(|(_, len, v)| Match {
            len,
            value: self.values[v as usize],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dict::parse;

    fn leak(s: &str) -> &'static Dict {
        Box::leak(Box::new(parse(Box::leak(s.to_string().into_boxed_str()))))
    }

    #[test]
    fn leaf_takes_the_longest_key() {
        let d = leak("a\tA\nab\tAB\nabc\tABC\n");
        let m = Matcher::new(&[d], DictTree::Leaf(0)).unwrap();
        assert_eq!(
            m.match_prefix("abx"),
            Some(Match {
                len: 2,
                value: "AB"
            })
        );
        assert_eq!(
            m.match_prefix("abcd"),
            Some(Match {
                len: 3,
                value: "ABC"
            })
        );
        assert_eq!(m.match_prefix("x"), None);
    }

    #[test]
    fn short_circuit_takes_the_first_member_with_a_match() {
        let phrases = leak("ab\tP\n");
        let chars = leak("a\tC\nabc\tL\n");
        let m = Matcher::new(
            &[phrases, chars],
            DictTree::Group(
                Policy::ShortCircuit,
                vec![DictTree::Leaf(0), DictTree::Leaf(1)],
            ),
        )
        .unwrap();
        // The second member has a longer match, but the first one matches.
        assert_eq!(m.match_prefix("abc"), Some(Match { len: 2, value: "P" }));
        assert_eq!(m.match_prefix("ax"), Some(Match { len: 1, value: "C" }));
    }

    #[test]
    fn union_takes_the_longest_and_the_first_on_ties() {
        let a = leak("ab\tA2\nx\tAX\n");
        let b = leak("abc\tB3\nx\tBX\n");
        let m = Matcher::new(
            &[a, b],
            DictTree::Group(Policy::Union, vec![DictTree::Leaf(0), DictTree::Leaf(1)]),
        )
        .unwrap();
        assert_eq!(
            m.match_prefix("abcd"),
            Some(Match {
                len: 3,
                value: "B3"
            })
        );
        assert_eq!(
            m.match_prefix("x"),
            Some(Match {
                len: 1,
                value: "AX"
            })
        );
    }
}
