//! Near-copies as edits of their base: the stretches of lines that differ, each cut down
//! to the bytes that differ, the rest taken from the base. A mirror or repost with a line
//! changed costs a few bytes this way, where a zstd frame costs some thirty; and unlike a
//! zstd frame, the inserted bytes stay plain, so the compressed pack entry that holds many
//! such records shares what they have in common.
//!
//! ```text
//! splice  = 0x01 ‖ { varint keep ‖ varint drop ‖ varint add ‖ add bytes }*
//! ```
//! Read from the start of the base: copy `keep` bytes, skip `drop` bytes, write the `add`
//! bytes; after the last edit, copy the rest of the base. A zstd frame starts with 0x28,
//! so a record's data says which of the two it is.

use std::ops::Range;

/// First byte of a splice.
pub const SPLICE_TAG: u8 = 0x01;

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn varint(bytes: &[u8], at: &mut usize) -> Option<usize> {
    let mut v = 0u64;
    for shift in (0..64).step_by(7) {
        let b = *bytes.get(*at)?;
        *at += 1;
        v |= u64::from(b & 0x7f) << shift;
        if b < 0x80 {
            return usize::try_from(v).ok();
        }
    }
    None
}

/// Lines with their `\n`, and the offset where each starts (plus the end).
fn lines(bytes: &[u8]) -> (Vec<&[u8]>, Vec<usize>) {
    let lines: Vec<&[u8]> = bytes.split_inclusive(|&b| b == b'\n').collect();
    let mut starts = Vec::with_capacity(lines.len() + 1);
    let mut at = 0;
    for l in &lines {
        starts.push(at);
        at += l.len();
    }
    starts.push(at);
    (lines, starts)
}

/// Most line edits a splice is sought with (an insertion or deletion of one line each).
/// The search costs O((N+M)·D) for D edits: bounded, it stays cheap on any input, and a
/// document that needs more edits is no near-copy worth a splice.
pub const MAX_EDITS: usize = 256;

/// The stretches of lines that differ between `a` and `b`, as (old range, new range) in
/// order: Myers' greedy shortest edit script, given up past [`MAX_EDITS`] edits (`None`).
fn hunks(a: &[&[u8]], b: &[&[u8]]) -> Option<Vec<(Range<usize>, Range<usize>)>> {
    // Common lines at both ends are no edit: trim them before the search.
    let head = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let room = a.len().min(b.len()) - head;
    let tail = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(room)
        .take_while(|(x, y)| x == y)
        .count();
    let (a_mid, b_mid) = (&a[head..a.len() - tail], &b[head..b.len() - tail]);
    let (n, m) = (a_mid.len() as isize, b_mid.len() as isize);
    let max = (MAX_EDITS as isize).min(n + m);
    let off = max + 1;
    let at = |k: isize| (off + k) as usize;
    let mut v = vec![0isize; (2 * max + 3) as usize];
    let mut trace: Vec<Vec<isize>> = Vec::new();
    let mut done = false;
    for d in 0..=max {
        trace.push(v.clone());
        let mut k = -d;
        while k <= d {
            let mut x = if k == -d || (k != d && v[at(k - 1)] < v[at(k + 1)]) {
                v[at(k + 1)]
            } else {
                v[at(k - 1)] + 1
            };
            let mut y = x - k;
            while x < n && y < m && a_mid[x as usize] == b_mid[y as usize] {
                x += 1;
                y += 1;
            }
            v[at(k)] = x;
            if x >= n && y >= m {
                done = true;
                break;
            }
            k += 2;
        }
        if done {
            break;
        }
    }
    if !done {
        return None;
    }
    // Walk back from the end: each step of the script is one line deleted or inserted.
    let mut steps: Vec<((isize, isize), (isize, isize))> = Vec::new();
    let (mut x, mut y) = (n, m);
    for d in (0..trace.len() as isize).rev() {
        let v = &trace[d as usize];
        let k = x - y;
        let prev_k = if k == -d || (k != d && v[at(k - 1)] < v[at(k + 1)]) {
            k + 1
        } else {
            k - 1
        };
        let px = v[at(prev_k)];
        let py = px - prev_k;
        while x > px && y > py {
            x -= 1;
            y -= 1;
        }
        if d > 0 {
            steps.push(((px, py), (x, y)));
        }
        x = px;
        y = py;
    }
    steps.reverse();
    let mut out: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    for ((x0, y0), (x1, y1)) in steps {
        let (x0, y0, x1, y1) = (
            x0 as usize + head,
            y0 as usize + head,
            x1 as usize + head,
            y1 as usize + head,
        );
        match out.last_mut() {
            Some((o, n)) if o.end == x0 && n.end == y0 => {
                o.end = x1;
                n.end = y1;
            }
            _ => out.push((x0..x1, y0..y1)),
        }
    }
    Some(out)
}

/// `new` as a splice of `base`; `None` when they differ in more than [`MAX_EDITS`]
/// lines (or, never expected and checked, when the splice would not read back as `new`).
pub fn encode(base: &[u8], new: &[u8]) -> Option<Vec<u8>> {
    let (old_lines, old_at) = lines(base);
    let (new_lines, new_at) = lines(new);
    let mut out = vec![SPLICE_TAG];
    let mut pos = 0usize;
    for (o, n) in hunks(&old_lines, &new_lines)? {
        let old = &base[old_at[o.start]..old_at[o.end]];
        let fresh = &new[new_at[n.start]..new_at[n.end]];
        let head = old.iter().zip(fresh).take_while(|(a, b)| a == b).count();
        let room = old.len().min(fresh.len()) - head;
        let tail = old
            .iter()
            .rev()
            .zip(fresh.iter().rev())
            .take(room)
            .take_while(|(a, b)| a == b)
            .count();
        let start = old_at[o.start] + head;
        put_varint(&mut out, (start - pos) as u64);
        put_varint(&mut out, (old.len() - head - tail) as u64);
        let add = &fresh[head..fresh.len() - tail];
        put_varint(&mut out, add.len() as u64);
        out.extend_from_slice(add);
        pos = old_at[o.end] - tail;
    }
    (decode(base, &out).as_deref() == Some(new)).then_some(out)
}

/// The bytes a splice makes of `base` (`None`: not a splice of it).
pub fn decode(base: &[u8], data: &[u8]) -> Option<Vec<u8>> {
    let (&SPLICE_TAG, _) = data.split_first()? else {
        return None;
    };
    let mut out = Vec::with_capacity(base.len() + data.len());
    let (mut at, mut pos) = (1usize, 0usize);
    while at < data.len() {
        let keep = varint(data, &mut at)?;
        let drop = varint(data, &mut at)?;
        let add = varint(data, &mut at)?;
        let end = pos.checked_add(keep)?;
        out.extend_from_slice(base.get(pos..end)?);
        pos = end.checked_add(drop)?;
        if pos > base.len() {
            return None;
        }
        out.extend_from_slice(data.get(at..at.checked_add(add)?)?);
        at += add;
    }
    out.extend_from_slice(base.get(pos..)?);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_changed_line_costs_its_changed_bytes() {
        let base = b"title\nfirst line\nsecond line\nthird line\n";
        let new = b"title\nfirst line\nsecond line [copy 3]\nthird line\n";
        let s = encode(base, new).unwrap();
        // tag, keep 28, drop 0, add 9, " [copy 3]"
        assert_eq!(s, b"\x01\x1c\x00\x09 [copy 3]".to_vec());
        assert_eq!(decode(base, &s).unwrap(), new.to_vec());
    }

    #[test]
    fn two_stretches_two_edits() {
        let base = b"a [copy 0]\nb\nc\nd\ne\n";
        let new = b"a\nb\nc\nd [copy 1]\ne\n";
        let s = encode(base, new).unwrap();
        // keep 1, drop 9 (" [copy 0]"); keep 6 ("\nb\nc\nd"), add " [copy 1]"
        assert_eq!(s, b"\x01\x01\x09\x00\x06\x00\x09 [copy 1]".to_vec());
        assert_eq!(decode(base, &s).unwrap(), new.to_vec());
    }

    #[test]
    fn any_pair_reads_back() {
        let cases: [(&[u8], &[u8]); 6] = [
            (b"", b""),
            (b"", b"x\ny"),
            (b"x\ny", b""),
            (b"same\n", b"same\n"),
            (b"no newline at the end", b"no newline at all"),
            (b"a\nb\nc\n", b"c\nb\na\nd"),
        ];
        for (base, new) in cases {
            let s = encode(base, new).unwrap();
            assert_eq!(decode(base, &s).unwrap(), new.to_vec());
        }
    }

    #[test]
    fn documents_far_apart_are_no_splice() {
        // Every line differs: more edits than a splice is sought with, and quickly so.
        let base: Vec<u8> = (0..5000)
            .flat_map(|i| format!("a{i}\n").into_bytes())
            .collect();
        let new: Vec<u8> = (0..5000)
            .flat_map(|i| format!("b{i}\n").into_bytes())
            .collect();
        assert_eq!(encode(&base, &new), None);
        // Two halves swapped: 2,000 lines moved, too many edits as well.
        let half = base.len() / 2;
        let swapped = [&base[half..], &base[..half]].concat();
        assert_eq!(encode(&base, &swapped), None);
        // 125 lines changed, 250 edits (a deletion and an insertion each): a splice.
        let some: Vec<u8> = (0..5000)
            .flat_map(|i| format!("{}{i}\n", if i % 40 == 0 { "c" } else { "a" }).into_bytes())
            .collect();
        let s = encode(&base, &some).unwrap();
        assert_eq!(decode(&base, &s).unwrap(), some);
    }

    #[test]
    fn damaged_splices_are_refused() {
        let base = b"abc";
        assert_eq!(decode(base, b"\x01\x05\x00\x00"), None); // keeps past the end
        assert_eq!(decode(base, b"\x01\x00\x09\x00"), None); // drops past the end
        assert_eq!(decode(base, b"\x01\x00\x00\x05ab"), None); // adds past the data
        assert_eq!(decode(base, b"\x28\xb5\x2f\xfd"), None); // a zstd frame
        assert_eq!(decode(base, b"\x01\x80"), None); // a cut varint
    }

    proptest::proptest! {
        #[test]
        fn an_edited_copy_reads_back(
            base in proptest::collection::vec(proptest::prop_oneof![proptest::prelude::Just(b'\n'), 0u8..4], 0..300),
            edits in proptest::collection::vec((0usize..300, 0usize..5, proptest::collection::vec(0u8..4, 0..6)), 0..4),
        ) {
            let mut new = base.clone();
            for (at, drop, add) in edits {
                let at = at.min(new.len());
                let end = (at + drop).min(new.len());
                new.splice(at..end, add);
            }
            let s = encode(&base, &new).unwrap();
            proptest::prop_assert_eq!(decode(&base, &s), Some(new));
        }
    }
}
