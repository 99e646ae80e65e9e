//! script-convert through the real `wenku` binary and the real plugin library: whole
//! seed documents against OpenCC's output (kept in tests/data/expected/script-convert,
//! made with the opencc 1.4.2 Python package), OpenCC's own test cases, and errors.

use std::path::Path;

use wenku_tests::{data_dir, run, seeds_dir, wenku};

fn filter(config: &str, input: &[u8]) -> wenku_tests::Run {
    let mut c = wenku(Path::new("/nonexistent/archive"));
    c.args([
        "filter",
        "--with",
        "script-convert",
        "--set",
        &format!("script-convert.config={config}"),
    ]);
    run(c, input)
}

#[test]
fn seed_documents_come_out_identical_to_opencc() {
    for (seed, config) in [
        ("000_494a2534e3f5ba18.txt", "s2t"),
        ("001_bc63e35d409cf408.txt", "t2s"),
        ("002_d66d1dd5df9fb961.txt", "t2s"),
        ("003_4c023f02afb06f96.txt", "s2t"),
        ("003_4c023f02afb06f96.txt", "s2twp"),
        ("004_3dc92560bcc8998f.txt", "t2s"),
    ] {
        let input = std::fs::read(seeds_dir().join(seed)).unwrap();
        let expected = std::fs::read(data_dir().join(format!(
            "expected/script-convert/{}.{config}.txt",
            &seed[..3]
        )))
        .unwrap();
        let r = filter(config, &input);
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(
            r.stdout == expected,
            "{seed} with {config} differs from OpenCC"
        );
    }
}

#[test]
fn japanese_text_is_left_as_it_is_by_the_chinese_configs() {
    let ja = "先日、皆さんおなじみのTSG LIVE!が開催されました。本来山登りの途中で参加する予定でしたが、人間が多いようだったのでキャンセルしました。\n";
    let r = filter("t2s", ja.as_bytes());
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, ja.as_bytes());
    // The Japanese configs still convert it (Kyūjitai to Shinjitai and back).
    let r = filter(
        "t2jp",
        "舊字體の說明です。ひらがなとカタカナがあります。".as_bytes(),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        String::from_utf8_lossy(&r.stdout),
        "旧字体の説明です。ひらがなとカタカナがあります。"
    );
    // A Chinese text quoting a Japanese name keeps being converted.
    let zh = "他在東京參觀了「千と千尋の神隠し」的展覽，這是宮崎駿的作品。\n";
    let r = filter("t2s", zh.as_bytes());
    assert_eq!(
        String::from_utf8_lossy(&r.stdout),
        "他在东京参观了「千と千寻の神隠し」的展览，这是宫崎骏的作品。\n"
    );
}

#[test]
fn opencc_test_cases_pass_through_the_binary() {
    // One process per config, the inputs joined by newlines (no OpenCC key spans a
    // newline, so each line converts as it would alone).
    let text = std::fs::read_to_string(
        wenku_tests::workspace_root()
            .join("plugins/script-convert/tests/data/opencc-testcases.json"),
    )
    .unwrap();
    let cleaned = text
        .replace(",\n  ]", "\n  ]")
        .replace(",\n    }", "\n    }")
        .replace(",\n      }", "\n      }");
    let doc: serde_json::Value = serde_json::from_str(&cleaned).expect("testcases.json");
    let mut by_config: std::collections::BTreeMap<String, Vec<(String, String)>> =
        Default::default();
    for case in doc["cases"].as_array().unwrap() {
        for (config, expected) in case["expected"].as_object().unwrap() {
            by_config.entry(config.clone()).or_default().push((
                case["input"].as_str().unwrap().to_string(),
                expected.as_str().unwrap().to_string(),
            ));
        }
    }
    assert_eq!(by_config.values().map(Vec::len).sum::<usize>(), 556);
    for (config, cases) in &by_config {
        let input: Vec<&str> = cases.iter().map(|(i, _)| i.as_str()).collect();
        let expected: Vec<&str> = cases.iter().map(|(_, e)| e.as_str()).collect();
        let r = filter(config, input.join("\n").as_bytes());
        assert_eq!(r.code, 0, "{config}: {}", r.stderr);
        let got = r.stdout_str();
        for ((i, e), g) in input.iter().zip(&expected).zip(got.split('\n')) {
            // The particle `著` written `着`, and a character kept within the BMP:
            // script-convert's documented differences.
            let e = wenku_script_convert::OPENCC_DIFFERENCES
                .iter()
                .find(|(c, input, _)| c == config && input == i)
                .map_or(*e, |(_, _, ours)| ours);
            assert_eq!(g, e, "{config}: {i}");
        }
    }
}

#[test]
fn bad_input_and_bad_config_are_explained() {
    let r = filter("t2s", b"\xe4\xb8\xad\xff\xfe");
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr,
        "failed: stdin: plugin script-convert cannot process this input: input is not UTF-8 (invalid byte at offset 3); enable encoding-repair before script-convert\n"
    );
    let r = filter("x2y", b"abc");
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.starts_with("wenku: error: plugin script-convert: setting config=\"x2y\" is not allowed; choose one of: s2t, t2s, s2tw, tw2s, s2twp, tw2sp, s2hk, hk2s, s2hkp, hk2sp, t2tw, tw2t, t2hk, hk2t, t2jp, jp2t"),
        "{}",
        r.stderr
    );
}
