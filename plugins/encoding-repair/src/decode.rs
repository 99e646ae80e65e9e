//! Bytes to text: byte-order marks, a declared charset checked against the bytes, or
//! detection (chardetng), then decoding (encoding_rs).

use encoding_rs::Encoding;

/// Text decoded from bytes, and how the charset was found.
pub struct Decoded {
    pub text: String,
    /// Lowercase charset name (`utf-8`, `gbk`, `big5`, `utf-16le`, …).
    pub charset: String,
    /// `bom`, `utf-8` (the bytes are valid UTF-8), `declared`, or `detected`.
    pub source: &'static str,
    /// The declared charset, when the bytes contradicted it.
    pub declared_mismatch: Option<String>,
    /// Malformed sequences replaced by U+FFFD while decoding.
    pub malformed: bool,
}

fn name(enc: &'static Encoding) -> String {
    enc.name().to_ascii_lowercase()
}

fn decode_utf32(bytes: &[u8], little: bool) -> (String, bool) {
    let mut out = String::with_capacity(bytes.len() / 2);
    let mut bad = !bytes.len().is_multiple_of(4);
    for q in bytes.chunks_exact(4) {
        let arr = [q[0], q[1], q[2], q[3]];
        let v = if little {
            u32::from_le_bytes(arr)
        } else {
            u32::from_be_bytes(arr)
        };
        match char::from_u32(v) {
            Some(c) => out.push(c),
            None => {
                out.push('\u{FFFD}');
                bad = true;
            }
        }
    }
    (out, bad)
}

/// Decode `bytes`; `declared` is a charset label found by the host (HTTP header, `<meta>`,
/// XML declaration) if any. Returns `None` when the bytes are valid UTF-8 without BOM
/// (the caller keeps them as they are).
pub fn decode(bytes: &[u8], declared: Option<&str>) -> Option<Decoded> {
    // Byte-order marks decide.
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        let little = bytes[0] == 0xFF;
        let (text, malformed) = decode_utf32(&bytes[4..], little);
        let charset = if little { "utf-32le" } else { "utf-32be" }.to_string();
        return Some(Decoded {
            text,
            charset,
            source: "bom",
            declared_mismatch: None,
            malformed,
        });
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, malformed) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return Some(Decoded {
            text: text.into_owned(),
            charset: name(enc),
            source: "bom",
            declared_mismatch: None,
            malformed,
        });
    }
    if std::str::from_utf8(bytes).is_ok() {
        return None;
    }
    let mut det = chardetng::EncodingDetector::new();
    det.feed(bytes, true);
    let guess = det.guess(None, false);
    // A declared charset is used when the bytes decode without error in it — unless it
    // is a single-byte charset (which decodes anything) and the detector finds a
    // multi-byte one that also decodes without error.
    let declared_enc = declared.and_then(|d| Encoding::for_label(d.trim().as_bytes()));
    let mut mismatch = None;
    if let Some(enc) = declared_enc {
        if enc != encoding_rs::UTF_8 && enc.output_encoding() == enc {
            if let Some(text) = enc.decode_without_bom_handling_and_without_replacement(bytes) {
                let detector_wins = enc.is_single_byte()
                    && !guess.is_single_byte()
                    && guess
                        .decode_without_bom_handling_and_without_replacement(bytes)
                        .is_some();
                if !detector_wins {
                    return Some(Decoded {
                        text: text.into_owned(),
                        charset: name(enc),
                        source: "declared",
                        declared_mismatch: None,
                        malformed: false,
                    });
                }
            }
        }
        mismatch = declared.map(str::to_string);
    }
    let (text, malformed) = guess.decode_without_bom_handling(bytes);
    Some(Decoded {
        text: text.into_owned(),
        charset: name(guess),
        source: "detected",
        declared_mismatch: mismatch,
        malformed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legacy_encodings_are_detected_and_decoded() {
        let text =
            "中共中央政治局常务委员会召开会议，分析新冠肺炎疫情形势，部署从严抓好疫情防控工作。";
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        let d = decode(&gbk, None).unwrap();
        assert_eq!(
            (d.text.as_str(), d.charset.as_str(), d.source),
            (text, "gbk", "detected")
        );
        let trad =
            "中共中央政治局常務委員會召開會議，分析新冠肺炎疫情形勢，部署從嚴抓好疫情防控工作。";
        let (big5, _, _) = encoding_rs::BIG5.encode(trad);
        let d = decode(&big5, None).unwrap();
        assert_eq!((d.text.as_str(), d.charset.as_str()), (trad, "big5"));
    }

    #[test]
    fn boms_decide() {
        let mut le = vec![0xFF, 0xFE];
        for u in "中文 text".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&le, Some("gbk")).unwrap();
        assert_eq!(
            (d.text.as_str(), d.charset.as_str(), d.source),
            ("中文 text", "utf-16le", "bom")
        );
        let mut be32 = vec![0, 0, 0xFE, 0xFF];
        for c in "文字".chars() {
            be32.extend_from_slice(&(c as u32).to_be_bytes());
        }
        assert_eq!(decode(&be32, None).unwrap().text, "文字");
        let d = decode(b"\xEF\xBB\xBFabc", None).unwrap();
        assert_eq!((d.text.as_str(), d.charset.as_str()), ("abc", "utf-8"));
    }

    #[test]
    fn a_declared_charset_is_checked_against_the_bytes() {
        let (gbk, _, _) = encoding_rs::GBK.encode("新闻报道的内容");
        let d = decode(&gbk, Some("gb2312")).unwrap();
        assert_eq!((d.charset.as_str(), d.source), ("gbk", "declared"));
        // Declared Latin-1, which decodes any bytes, but the bytes are GBK: detection wins.
        let d = decode(&gbk, Some("iso-8859-1")).unwrap();
        assert_eq!(
            (d.text.as_str(), d.charset.as_str(), d.source),
            ("新闻报道的内容", "gbk", "detected")
        );
        assert_eq!(d.declared_mismatch.as_deref(), Some("iso-8859-1"));
    }

    #[test]
    fn valid_utf8_is_left_to_the_caller() {
        assert!(decode("中文".as_bytes(), Some("gbk")).is_none());
    }
}
