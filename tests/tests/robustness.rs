//! Property tests of every filter's transform and every parser on arbitrary input (no
//! panic, valid UTF-8 out), and the kept regression inputs (tests/data/fuzz-regressions:
//! adversarial shapes — megabytes of nested tags, tens of thousands of parentheses — that
//! must finish and keep the properties). The same functions are the cargo-fuzz targets
//! in `fuzz/`.

use proptest::prelude::*;
use wenku_encoding_repair::EncodingRepair;
use wenku_plugin::{Config, Filter, Meta, Output, Verdict};
use wenku_script_convert::ScriptConvert;
use wenku_spam_trim::SpamTrim;

/// A filter's transform, boxed.
type Transform = Box<dyn Fn(&[u8], &Meta) -> Result<Output, String>>;

fn filters() -> Vec<(&'static str, Transform)> {
    let er = EncodingRepair::new(&Config::default()).unwrap();
    let st = SpamTrim::new(&Config::default()).unwrap();
    let sc = ScriptConvert::new(&Config::from_pairs([(
        "config".to_string(),
        "s2twp".to_string(),
    )]))
    .unwrap();
    vec![
        (
            "encoding-repair",
            Box::new(move |i: &[u8], m: &Meta| er.transform(i, m)),
        ),
        (
            "spam-trim",
            Box::new(move |i: &[u8], m: &Meta| st.transform(i, m)),
        ),
        (
            "script-convert",
            Box::new(move |i: &[u8], m: &Meta| sc.transform(i, m)),
        ),
    ]
}

/// The properties every filter keeps on any input.
fn check_filters(input: &[u8]) {
    for media in ["text/plain", "text/html", "text/markdown"] {
        let meta = Meta::new(vec![("media_type", media)]);
        for (name, f) in filters() {
            match f(input, &meta) {
                Ok(o) => {
                    if let Verdict::Keep(b) = &o.verdict {
                        assert!(
                            std::str::from_utf8(b).is_ok(),
                            "{name} returned invalid UTF-8"
                        );
                    }
                }
                // Refusing input that is not UTF-8 is allowed (with a message).
                Err(e) => assert!(!e.is_empty(), "{name} failed without a message"),
            }
        }
    }
}

fn check_parsers(input: &[u8]) {
    let _ = wenku_core::sniff::sniff(input, "x.html");
    let mut sink = |_r| {};
    let _ = wenku_core::exchange::jsonl::read(&mut &input[..], "x", &mut sink);
    let _ = wenku_core::exchange::warc::read(&mut &input[..], "x", &mut sink);
    let _ = wenku_core::records::decode::<wenku_core::records::BlobRecord>(input, "x");
    let _ = wenku_core::records::decode::<wenku_core::records::VersionRecord>(input, "x");
    if let Ok(s) = std::str::from_utf8(input) {
        let _ = wenku_spam_trim::markdown::front_matter(s);
        let _ = wenku_spam_trim::html::extract(s);
        let _ = wenku_core::outpath::relative(s);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn filters_never_panic_on_bytes(input in proptest::collection::vec(any::<u8>(), 0..2048)) {
        check_filters(&input);
        check_parsers(&input);
    }

    #[test]
    fn filters_never_panic_on_text(input in "\\PC{0,600}") {
        check_filters(input.as_bytes());
        check_parsers(input.as_bytes());
    }

    #[test]
    fn filters_never_panic_on_markup(parts in proptest::collection::vec(prop_oneof![
        Just("<div>".to_string()), Just("</div>".to_string()), Just("<p class=\"nav\">".to_string()), Just("<script>".to_string()),
        Just("</script>".to_string()), Just("(".to_string()), Just(")".to_string()), Just("(wù)".to_string()), Just("會".to_string()),
        Just("---\n".to_string()), Just("無碼|".to_string()), Just("Ã©".to_string()), Just("&amp;".to_string()), Just("\r\n".to_string()),
        "\\PC{0,8}",
    ], 0..200)) {
        let s: String = parts.concat();
        check_filters(s.as_bytes());
        check_parsers(s.as_bytes());
    }
}

#[test]
fn regression_inputs_keep_the_properties() {
    let dir = wenku_tests::data_dir().join("fuzz-regressions");
    let mut n = 0;
    for e in std::fs::read_dir(&dir).unwrap().flatten() {
        let input = std::fs::read(e.path()).unwrap();
        check_filters(&input);
        check_parsers(&input);
        n += 1;
    }
    assert!(n >= 8, "{n} regression inputs");
}
