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

use similar::{capture_diff_slices, Algorithm, DiffOp};

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

/// `new` as a splice of `base`. The line diff is Myers' (O((N+M)·D)): call it for
/// documents already known to be near-copies (a small zstd delta), where D is small.
/// `None` when the splice would not read back as `new` (never expected; checked).
pub fn encode(base: &[u8], new: &[u8]) -> Option<Vec<u8>> {
    let (old_lines, old_at) = lines(base);
    let (new_lines, new_at) = lines(new);
    let ops = capture_diff_slices(Algorithm::Myers, &old_lines, &new_lines);
    let mut out = vec![SPLICE_TAG];
    let mut pos = 0usize;
    // A hunk: consecutive ops other than Equal, as line ranges of both sides.
    let mut hunk: Option<(usize, usize, usize, usize)> = None;
    let flush = |h: (usize, usize, usize, usize), out: &mut Vec<u8>, pos: &mut usize| {
        let (oa, ob, na, nb) = h;
        let old = &base[old_at[oa]..old_at[ob]];
        let fresh = &new[new_at[na]..new_at[nb]];
        let head = old.iter().zip(fresh).take_while(|(a, b)| a == b).count();
        let room = old.len().min(fresh.len()) - head;
        let tail = old
            .iter()
            .rev()
            .zip(fresh.iter().rev())
            .take(room)
            .take_while(|(a, b)| a == b)
            .count();
        let start = old_at[oa] + head;
        put_varint(out, (start - *pos) as u64);
        put_varint(out, (old.len() - head - tail) as u64);
        let add = &fresh[head..fresh.len() - tail];
        put_varint(out, add.len() as u64);
        out.extend_from_slice(add);
        *pos = old_at[ob] - tail;
    };
    for op in &ops {
        let (o, n) = (op.old_range(), op.new_range());
        if let DiffOp::Equal { .. } = op {
            if let Some(h) = hunk.take() {
                flush(h, &mut out, &mut pos);
            }
            continue;
        }
        hunk = Some(match hunk {
            Some((oa, _, na, _)) => (oa, o.end, na, n.end),
            None => (o.start, o.end, n.start, n.end),
        });
    }
    if let Some(h) = hunk.take() {
        flush(h, &mut out, &mut pos);
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
