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
    values: Vec<&'static str>,
    /// ASCII characters that start some key.
    ascii_starts: [bool; 128],
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
        let mut kids: Vec<HashMap<u32, u32>> = vec![HashMap::new()];
        // Best (priority, value) per node; priority = position in `order`.
        let mut best: Vec<Option<(usize, u32, u32)>> = vec![None];
        let mut values: Vec<&'static str> = Vec::new();
        for (priority, &(leaf, rank)) in order.iter().enumerate() {
            for (key, value) in &leaves[leaf].entries {
                let mut node = 0u32;
                for c in key.chars() {
                    let next = kids.len() as u32;
                    let n = *kids[node as usize].entry(c as u32).or_insert(next);
                    if n == next {
                        kids.push(HashMap::new());
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
        let mut m = Matcher {
            root_bmp: vec![NONE; 0x10000],
            root_astral: HashMap::new(),
            nodes: Vec::with_capacity(kids.len()),
            child_char: Vec::new(),
            child_node: Vec::new(),
            values,
            ascii_starts: std::array::from_fn(|b| kids[0].contains_key(&(b as u32))),
        };
        for (c, n) in &kids[0] {
            let entry = match best[*n as usize] {
                Some((_, _, v)) if kids[*n as usize].is_empty() => DIRECT | v,
                _ => *n,
            };
            if *c < 0x10000 {
                m.root_bmp[*c as usize] = entry;
            } else {
                m.root_astral.insert(*c, entry);
            }
        }
        for (i, k) in kids.iter().enumerate() {
            let mut sorted: Vec<(u32, u32)> = if i == 0 {
                Vec::new()
            } else {
                k.iter().map(|(c, n)| (*c, *n)).collect()
            };
            sorted.sort_unstable();
            let (value, rank) = best[i].map_or((NONE, NONE), |(_, r, v)| (v, r));
            m.nodes.push(Node {
                child_start: m.child_char.len() as u32,
                child_len: sorted.len() as u32,
                value,
                rank,
            });
            for (c, n) in sorted {
                m.child_char.push(c);
                m.child_node.push(n);
            }
        }
        Ok(m)
    }

    #[inline]
    fn child(&self, node: &Node, c: u32) -> u32 {
        let (s, l) = (node.child_start as usize, node.child_len as usize);
        let chars = &self.child_char[s..s + l];
        if l <= 8 {
            for (i, &k) in chars.iter().enumerate() {
                if k == c {
                    return self.child_node[s + i];
                }
            }
            NONE
        } else {
            match chars.binary_search(&c) {
                Ok(i) => self.child_node[s + i],
                Err(_) => NONE,
            }
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
            let id = self.child(node, c as u32);
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
