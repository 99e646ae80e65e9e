//! Import sniffers and parsers (front matter, JSONL, WARC) and archive record decoding
//! on arbitrary bytes: no panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = wenku_core::sniff::sniff(data, "x.html");
    let mut sink = |_r| {};
    let _ = wenku_core::exchange::jsonl::read(&mut &data[..], "x", &mut sink);
    let _ = wenku_core::exchange::warc::read(&mut &data[..], "x", &mut sink);
    let _ = wenku_core::records::decode::<wenku_core::records::BlobRecord>(data, "x");
    let _ = wenku_core::records::decode::<wenku_core::records::VersionRecord>(data, "x");
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = wenku_spam_trim::markdown::front_matter(s);
        let _ = wenku_spam_trim::html::extract(s);
        let _ = wenku_core::outpath::relative(s);
    }
});
