//! OpenCC text dictionaries: `key<TAB>value[ value…]` lines, `#` comments. The first
//! value is the conversion (OpenCC's default candidate).

use std::collections::HashMap;
use std::sync::OnceLock;

/// The embedded dictionary files, by OpenCC file stem.
const FILES: &[(&str, &str)] = &[
    (
        "CJK_Compatibility_Ideographs",
        include_str!("../data/opencc/dictionary/CJK_Compatibility_Ideographs.txt"),
    ),
    (
        "HKPhrases",
        include_str!("../data/opencc/dictionary/HKPhrases.txt"),
    ),
    (
        "HKPhrasesRev",
        include_str!("../data/opencc/dictionary/HKPhrasesRev.txt"),
    ),
    (
        "HKVariants",
        include_str!("../data/opencc/dictionary/HKVariants.txt"),
    ),
    (
        "HKVariantsPhrases",
        include_str!("../data/opencc/dictionary/HKVariantsPhrases.txt"),
    ),
    (
        "HKVariantsRev",
        include_str!("../data/opencc/dictionary/HKVariantsRev.txt"),
    ),
    (
        "HKVariantsRevPhrases",
        include_str!("../data/opencc/dictionary/HKVariantsRevPhrases.txt"),
    ),
    (
        "JPShinjitaiCharacters",
        include_str!("../data/opencc/dictionary/JPShinjitaiCharacters.txt"),
    ),
    (
        "JPShinjitaiCharactersRev",
        include_str!("../data/opencc/dictionary/JPShinjitaiCharactersRev.txt"),
    ),
    (
        "JPShinjitaiPhrases",
        include_str!("../data/opencc/dictionary/JPShinjitaiPhrases.txt"),
    ),
    (
        "STCharacters",
        include_str!("../data/opencc/dictionary/STCharacters.txt"),
    ),
    (
        "STPhrases",
        include_str!("../data/opencc/dictionary/STPhrases.txt"),
    ),
    (
        "STPhrases_GeneratedFromRegionalPhrases",
        include_str!("../data/opencc/dictionary/STPhrases_GeneratedFromRegionalPhrases.txt"),
    ),
    (
        "TSCharacters",
        include_str!("../data/opencc/dictionary/TSCharacters.txt"),
    ),
    (
        "TSCharactersExt",
        include_str!("../data/opencc/dictionary/TSCharactersExt.txt"),
    ),
    (
        "TSPhrases",
        include_str!("../data/opencc/dictionary/TSPhrases.txt"),
    ),
    (
        "TWPhrases",
        include_str!("../data/opencc/dictionary/TWPhrases.txt"),
    ),
    (
        "TWPhrasesRev",
        include_str!("../data/opencc/dictionary/TWPhrasesRev.txt"),
    ),
    (
        "TWVariants",
        include_str!("../data/opencc/dictionary/TWVariants.txt"),
    ),
    (
        "TWVariantsPhrases",
        include_str!("../data/opencc/dictionary/TWVariantsPhrases.txt"),
    ),
    (
        "TWVariantsRev",
        include_str!("../data/opencc/dictionary/TWVariantsRev.txt"),
    ),
    (
        "TWVariantsRevPhrases",
        include_str!("../data/opencc/dictionary/TWVariantsRevPhrases.txt"),
    ),
];

/// The project's own entries added to an OpenCC file (`data/wenku/`), by stem.
const OURS: &[(&str, &str)] = &[("TSPhrases", include_str!("../data/wenku/TSPhrases.txt"))];

/// A parsed dictionary: (key, first value) pairs, borrowed from the embedded text.
pub struct Dict {
    pub entries: Vec<(&'static str, &'static str)>,
}

/// Parse dictionary text. Duplicate keys keep the first entry (OpenCC refuses them;
/// the shipped files have none).
pub fn parse(text: &'static str) -> Dict {
    let mut entries = Vec::new();
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let Some((key, values)) = line.split_once('\t') else {
            continue;
        };
        let value = values.split(' ').next().unwrap_or(values);
        if !key.is_empty() {
            entries.push((key, value));
        }
    }
    Dict { entries }
}

/// The dictionary of an OpenCC file name (`STPhrases.ocd2`, `STPhrases.txt` or the
/// stem), parsed once per process.
pub fn get(file: &str) -> Option<&'static Dict> {
    static CACHE: OnceLock<HashMap<&'static str, OnceLock<Dict>>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| FILES.iter().map(|(k, _)| (*k, OnceLock::new())).collect());
    let stem = file.rsplit('/').next().unwrap_or(file);
    let stem = stem
        .strip_suffix(".ocd2")
        .or_else(|| stem.strip_suffix(".txt"))
        .or_else(|| stem.strip_suffix(".ocd"))
        .unwrap_or(stem);
    let (name, text) = FILES.iter().find(|(k, _)| *k == stem)?;
    Some(cache.get(name)?.get_or_init(|| {
        let mut d = parse(text);
        if let Some((_, ours)) = OURS.iter().find(|(k, _)| k == name) {
            // Ours first: a duplicate key keeps the first entry.
            let mut entries = parse(ours).entries;
            entries.append(&mut d.entries);
            d.entries = entries;
        }
        d
    }))
}
