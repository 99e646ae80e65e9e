//! Every filter's transform on arbitrary bytes: no panic, UTF-8 out.
#![no_main]
use libfuzzer_sys::fuzz_target;
use wenku_plugin::{Config, Filter, Meta, Verdict};

fuzz_target!(|data: &[u8]| {
    let meta = Meta::new(vec![("media_type", "text/html")]);
    let er = wenku_encoding_repair::EncodingRepair::new(&Config::default()).unwrap();
    let st = wenku_spam_trim::SpamTrim::new(&Config::default()).unwrap();
    let sc = wenku_script_convert::ScriptConvert::new(&Config::default()).unwrap();
    for out in [er.transform(data, &meta), st.transform(data, &meta), sc.transform(data, &meta)] {
        if let Ok(o) = out {
            if let Verdict::Keep(b) = o.verdict {
                assert!(std::str::from_utf8(&b).is_ok());
            }
        }
    }
});
