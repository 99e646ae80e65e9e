//! Property test: any sequence of edits imported as successive versions reads back
//! byte-exact, version by version — through dictionaries, deltas, chains at their cap,
//! and after `compact` rewrites them.

use proptest::prelude::*;
use wenku_core::compact::{compact, CompactOptions};
use wenku_core::import::{import_paths, ImportOptions, NoProgress};
use wenku_core::Archive;

#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, String),
    Delete(usize, usize),
    Replace(usize, String),
}

fn apply(text: &mut Vec<u8>, e: &Edit) {
    let at = |p: usize, t: &Vec<u8>| if t.is_empty() { 0 } else { p % (t.len() + 1) };
    match e {
        Edit::Insert(p, s) => {
            let i = at(*p, text);
            text.splice(i..i, s.bytes());
        }
        Edit::Delete(p, n) => {
            let i = at(*p, text);
            let j = (i + n).min(text.len());
            text.drain(i..j);
        }
        Edit::Replace(p, s) => {
            let i = at(*p, text);
            let j = (i + s.len()).min(text.len());
            text.splice(i..j, s.bytes());
        }
    }
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), "\\PC{1,40}").prop_map(|(p, s)| Edit::Insert(p, s)),
        (any::<usize>(), 1usize..200).prop_map(|(p, n)| Edit::Delete(p, n)),
        (any::<usize>(), "[a-z中文，。]{1,20}").prop_map(|(p, s)| Edit::Replace(p, s)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, .. ProptestConfig::default() })]

    #[test]
    fn every_version_of_an_edit_sequence_reads_back(edits in proptest::collection::vec(edit(), 1..12)) {
        let tmp = tempfile::tempdir().unwrap();
        let archive = Archive::open_or_create(&tmp.path().join("a")).unwrap();
        let file = tmp.path().join("doc.txt");
        let mut text = std::fs::read("../tests/data/seeds/003_4c023f02afb06f96.txt").unwrap();
        let mut versions = Vec::new();
        let opts = ImportOptions::default();
        for e in std::iter::once(None).chain(edits.iter().map(Some)) {
            if let Some(e) = e {
                apply(&mut text, e);
            }
            std::fs::write(&file, &text).unwrap();
            import_paths(&archive, std::slice::from_ref(&file), &opts, &NoProgress).unwrap();
            if versions.last() != Some(&text) {
                versions.push(text.clone());
            }
        }
        let check = |a: &Archive| {
            let head = a.head("doc.txt").unwrap().unwrap();
            prop_assert_eq!(head.latest as usize, versions.len());
            for (i, v) in versions.iter().enumerate() {
                let doc = a.read("doc.txt", Some(i as u32 + 1)).unwrap();
                prop_assert_eq!(&doc.bytes, v, "version {}", i + 1);
            }
            prop_assert!(a.verify().unwrap().is_clean());
            Ok(())
        };
        check(&archive)?;
        compact(&archive, &CompactOptions { level: 5 }, &NoProgress).unwrap();
        check(&archive)?;
    }
}
