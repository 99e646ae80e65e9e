//! A plugin's configuration: the flat JSON object the host passes to `create`
//! (`{"config":"s2t","punctuation":"keep"}`). Values may be strings, numbers or
//! booleans; they are kept as text. Nested values are refused.

/// Settings by name, in the order given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    pairs: Vec<(String, String)>,
}

impl Config {
    /// Parse a flat JSON object; empty input is an empty config.
    pub fn parse(json: &str) -> Result<Config, String> {
        let mut p = Parser {
            s: json.as_bytes(),
            i: 0,
        };
        p.ws();
        if p.i == p.s.len() {
            return Ok(Config::default());
        }
        p.expect(b'{')?;
        let mut pairs: Vec<(String, String)> = Vec::new();
        p.ws();
        if p.peek() == Some(b'}') {
            p.i += 1;
        } else {
            loop {
                p.ws();
                let k = p.string()?;
                p.ws();
                p.expect(b':')?;
                p.ws();
                let v = match p.peek() {
                    Some(b'"') => p.string()?,
                    Some(b'{') | Some(b'[') => {
                        return Err(format!(
                            "setting {k:?}: only strings, numbers and booleans are allowed"
                        ))
                    }
                    _ => p.scalar()?,
                };
                pairs.retain(|(pk, _)| *pk != k);
                pairs.push((k, v));
                p.ws();
                match p.next() {
                    Some(b',') => continue,
                    Some(b'}') => break,
                    _ => return Err(format!("expected ',' or '}}' at byte {}", p.i)),
                }
            }
        }
        p.ws();
        if p.i != p.s.len() {
            return Err(format!("unexpected text after the object at byte {}", p.i));
        }
        Ok(Config { pairs })
    }

    /// The value of a setting.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// All settings, in the order given.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// Refuse settings not in `known`, naming them and the known ones.
    pub fn only(&self, known: &[&str]) -> Result<(), String> {
        for (k, _) in self.iter() {
            if !known.contains(&k) {
                return Err(format!(
                    "unknown setting {k:?}; known settings: {}",
                    known.join(", ")
                ));
            }
        }
        Ok(())
    }

    /// A boolean setting (`true/false/yes/no/on/off/1/0`), `default` if absent.
    pub fn flag(&self, key: &str, default: bool) -> Result<bool, String> {
        match self.get(key) {
            None => Ok(default),
            Some("true" | "yes" | "on" | "1") => Ok(true),
            Some("false" | "no" | "off" | "0") => Ok(false),
            Some(v) => Err(format!("setting {key:?} must be true or false, not {v:?}")),
        }
    }

    /// Serialize back to a JSON object of strings.
    pub fn to_json(&self) -> String {
        let body: Vec<String> = self
            .pairs
            .iter()
            .map(|(k, v)| format!("{}:{}", quote(k), quote(v)))
            .collect();
        format!("{{{}}}", body.join(","))
    }

    pub fn from_pairs<I: IntoIterator<Item = (String, String)>>(pairs: I) -> Config {
        let mut c = Config::default();
        for (k, v) in pairs {
            c.pairs.retain(|(pk, _)| *pk != k);
            c.pairs.push((k, v));
        }
        c
    }
}

/// A JSON string literal.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }
    fn next(&mut self) -> Option<u8> {
        let b = self.peek();
        self.i += 1;
        b
    }
    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }
    fn expect(&mut self, b: u8) -> Result<(), String> {
        if self.next() == Some(b) {
            Ok(())
        } else {
            Err(format!(
                "expected '{}' at byte {}",
                b as char,
                self.i.saturating_sub(1)
            ))
        }
    }
    fn scalar(&mut self) -> Result<String, String> {
        let start = self.i;
        while matches!(self.peek(), Some(b) if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'+' | b'.'))
        {
            self.i += 1;
        }
        let v = std::str::from_utf8(&self.s[start..self.i]).map_err(|e| e.to_string())?;
        let ok = matches!(v, "true" | "false") || (!v.is_empty() && v.parse::<f64>().is_ok());
        if ok {
            Ok(v.to_string())
        } else {
            Err(format!(
                "expected a string, number or boolean at byte {start}"
            ))
        }
    }
    fn string(&mut self) -> Result<String, String> {
        self.expect(b'"')?;
        let mut out = Vec::new();
        loop {
            match self.next() {
                None => return Err("unterminated string".into()),
                Some(b'"') => break,
                Some(b'\\') => match self.next() {
                    Some(b'"') => out.push(b'"'),
                    Some(b'\\') => out.push(b'\\'),
                    Some(b'/') => out.push(b'/'),
                    Some(b'n') => out.push(b'\n'),
                    Some(b'r') => out.push(b'\r'),
                    Some(b't') => out.push(b'\t'),
                    Some(b'b') => out.push(8),
                    Some(b'f') => out.push(12),
                    Some(b'u') => {
                        let cp = self.hex4()?;
                        let c = if (0xD800..0xDC00).contains(&cp) {
                            if self.next() != Some(b'\\') || self.next() != Some(b'u') {
                                return Err("unpaired surrogate in string".into());
                            }
                            let lo = self.hex4()?;
                            char::from_u32(
                                0x10000 + ((cp - 0xD800) << 10) + (lo.wrapping_sub(0xDC00) & 0x3FF),
                            )
                        } else {
                            char::from_u32(cp)
                        };
                        let c = c.ok_or("invalid \\u escape")?;
                        out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                    }
                    _ => return Err(format!("bad escape at byte {}", self.i)),
                },
                Some(b) => out.push(b),
            }
        }
        String::from_utf8(out).map_err(|_| "string is not UTF-8".to_string())
    }
    fn hex4(&mut self) -> Result<u32, String> {
        let h = self
            .s
            .get(self.i..self.i + 4)
            .ok_or("truncated \\u escape")?;
        self.i += 4;
        u32::from_str_radix(std::str::from_utf8(h).map_err(|e| e.to_string())?, 16)
            .map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_flat_objects() {
        let c =
            Config::parse(r#" {"config": "s2t", "n": 3, "on": true, "q": "a\"b\u4e2d"} "#).unwrap();
        assert_eq!(c.get("config"), Some("s2t"));
        assert_eq!(c.get("n"), Some("3"));
        assert_eq!(c.flag("on", false), Ok(true));
        assert_eq!(c.get("q"), Some("a\"b中"));
        assert_eq!(Config::parse("").unwrap(), Config::default());
        assert_eq!(Config::parse("{}").unwrap(), Config::default());
    }

    #[test]
    fn round_trips_through_json() {
        let c = Config::from_pairs([("a".to_string(), "x\n\"y\"".to_string())]);
        assert_eq!(Config::parse(&c.to_json()).unwrap(), c);
    }

    #[test]
    fn refuses_nested_and_malformed() {
        assert!(Config::parse(r#"{"a":{"b":1}}"#)
            .unwrap_err()
            .contains("only strings"));
        assert!(Config::parse(r#"{"a":1"#).is_err());
        assert!(Config::parse(r#"{"a":nope}"#).is_err());
        assert!(Config::parse(r#"{"a":1} x"#).is_err());
        let c = Config::parse(r#"{"a":"1"}"#).unwrap();
        assert_eq!(
            c.only(&["b"]).unwrap_err(),
            "unknown setting \"a\"; known settings: b"
        );
    }
}
