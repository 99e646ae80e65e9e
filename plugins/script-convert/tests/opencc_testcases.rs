//! OpenCC 1.4.1's own test suite (`OpenCC/test/testcases/testcases.json`, Apache-2.0,
//! from the crates.io package opencc-sys 0.5.2+1.4.1), run through the plugin's
//! `Filter` implementation. Every expectation must hold.

use wenku_plugin::{Config, Filter, Meta, Verdict};
use wenku_script_convert::ScriptConvert;

/// The cases: (id, input, config, expected).
fn cases() -> Vec<(String, String, String, String)> {
    let text = include_str!("data/opencc-testcases.json");
    // The file has trailing commas, which JSON does not allow.
    let mut cleaned = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let mut in_string = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if in_string {
            cleaned.push(c);
            if c == '\\' {
                cleaned.push(chars[i + 1]);
                i += 1;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            cleaned.push(c);
        } else if c == ','
            && chars[i + 1..]
                .iter()
                .find(|c| !c.is_whitespace())
                .is_some_and(|n| *n == ']' || *n == '}')
        {
            // drop the trailing comma
        } else {
            cleaned.push(c);
        }
        i += 1;
    }
    let doc: serde_json::Value = serde_json::from_str(&cleaned).expect("testcases.json parses");
    let mut out = Vec::new();
    for case in doc["cases"].as_array().expect("cases") {
        let id = case["id"].as_str().unwrap_or("").to_string();
        let input = case["input"].as_str().expect("input").to_string();
        for (config, expected) in case["expected"].as_object().expect("expected") {
            out.push((
                id.clone(),
                input.clone(),
                config.clone(),
                expected.as_str().expect("text").to_string(),
            ));
        }
    }
    out
}

/// Where script-convert writes otherwise than OpenCC, on purpose (see the README): the
/// particle `著` of a Traditional text is `着` in Simplified, under `t2s` and `hk2s`;
/// a character the character tables turn into one beyond the Basic Multilingual Plane
/// keeps its form (`樠`, `潕`, `殢`, `圞`, not `𣗊`, `𣲘`, `𣨼`, `𪢮`).
const DELIBERATE: &[(&str, &str, &str)] = &[
    ("BYVoid_OpenCC_PR_464_xi_vs_xi", "t2s", "綦溪利跂 谿工 玉溪生 勃溪 棠溪 溪子 溪州 樠溪 潕溪 后溪 太溪 解溪 阳溪；綦溪利跂 谿工 玉溪生 勃溪 棠溪 溪子 溪州 𣗊溪 𣲘溪 后溪 后溪穴 太溪 太溪穴 解溪 解溪穴 阳溪 阳溪穴"),
    ("BYVoid_OpenCC_PR_1228_existing_behaviors", "t2s", "殢 殢云尤雨 𣨼 𣨼云尤雨"),
    ("BYVoid_OpenCC_PR_1229_existing_behaviors", "t2s", "剔团𪢮月儿初淡 剔团圞月儿初淡"),
    (
        "BYVoid_OpenCC_Issue_767_solace",
        "t2s",
        "慰藉着受伤的心灵 慰藉着受伤的心灵",
    ),
    (
        "BYVoid_OpenCC_Issue_767_solace",
        "hk2s",
        "慰藉着受伤的心灵 慰藉着受伤的心灵",
    ),
];

#[test]
fn all_556_opencc_expectations_hold() {
    let cases = cases();
    assert_eq!(cases.len(), 556);
    let mut failures = Vec::new();
    let mut deliberate = 0;
    for (id, input, config, expected) in &cases {
        let expected = match DELIBERATE.iter().find(|(i, c, _)| i == id && c == config) {
            Some((_, _, ours)) => {
                deliberate += 1;
                ours.to_string()
            }
            None => expected.clone(),
        };
        let expected = &expected;
        let filter = ScriptConvert::new(&Config::from_pairs([(
            "config".to_string(),
            config.clone(),
        )]))
        .unwrap();
        let out = filter
            .transform(input.as_bytes(), &Meta::new(vec![]))
            .unwrap();
        let got = match out.verdict {
            Verdict::Keep(b) => String::from_utf8(b).unwrap(),
            Verdict::Unchanged => input.clone(),
            Verdict::Drop(r) => panic!("dropped: {r}"),
        };
        if &got != expected {
            failures.push(format!(
                "{id} {config}: {input} → {got} (expected {expected})"
            ));
        }
    }
    assert_eq!(deliberate, DELIBERATE.len());
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
