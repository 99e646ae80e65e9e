//! wenku plugin `script-convert`: Traditional ↔ Simplified Chinese conversion that
//! gives OpenCC 1.4.1's exact output (but for one guard, below), with OpenCC's own
//! dictionaries and configs
//! (`data/opencc`, Apache-2.0). Settings: `config` (default `t2s`), `metadata` (default
//! `true`: the record's text metadata — [`TEXT_METADATA`] — is converted with the text).
//! Every record gets the metadata `script`: `Hans`, `Hant`, `mixed`, or `none` (no
//! character that differs between the scripts) as found in the *output*, and
//! `script_input`, the same for the input. Japanese text ([`japanese`]: kana are a tenth
//! of its kana and Han characters, and ten or more) is left as it is under the Chinese
//! configs, with `script` `Jpan` — OpenCC's Chinese tables would turn its kanji into
//! Chinese forms (`開催` → `开催`); the `t2jp` and `jp2t` configs convert it. Under
//! `t2s`, a text that is already Simplified keeps its Simplified-only characters
//! ([`ScriptConvert::convert_text`]: `打坏` stays, where OpenCC's phrase for
//! Traditional text makes `打坯`).

pub mod convert;
pub mod dict;
pub mod matcher;

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use wenku_plugin::{Config, Filter, Meta, Output};

pub use convert::{Converter, CONFIGS};

/// Metadata fields that hold text and are converted with the record.
pub const TEXT_METADATA: [&str; 9] = [
    "title",
    "subtitle",
    "tags",
    "categories",
    "category",
    "author",
    "description",
    "summary",
    "keywords",
];

/// The filter: one shared compiled config.
pub struct ScriptConvert {
    converter: Arc<Converter>,
    metadata: bool,
    /// A Chinese config (not `t2jp`/`jp2t`): Japanese text is left as it is.
    chinese: bool,
    /// The `t2s` config: a Simplified text keeps what both scripts write
    /// ([`ScriptConvert::convert_text`]).
    guard_simplified: bool,
    /// `t2s`, `hk2s`, `hk2sp`: the particle `著` of a Traditional text is `着`
    /// ([`zhe_particle`]).
    zhe: bool,
    /// The `astral` setting: write characters beyond the Basic Multilingual Plane where
    /// OpenCC's tables give them ([`keep_bmp`] when off).
    astral: bool,
}

/// OpenCC test expectations this plugin meets otherwise, on purpose (config, input,
/// this plugin's output): the particle `著` of a Traditional text is `着` under `t2s`
/// and `hk2s` ([`zhe_particle`]); `樠`, `潕`, `殢` and `圞` stay where OpenCC's character
/// tables give `𣗊`, `𣲘`, `𣨼` and `𪢮`, beyond the Basic Multilingual Plane
/// ([`keep_bmp`]).
pub const OPENCC_DIFFERENCES: &[(&str, &str, &str)] = &[
    ("t2s", "綦谿利跂 谿工 玉谿生 勃谿 棠谿 谿子 谿州 樠谿 潕谿 後谿 太谿 解谿 陽谿；綦溪利跂 谿工 玉溪生 勃溪 棠溪 溪子 溪州 𣗊溪 𣲘溪 后溪 后溪穴 太溪 太溪穴 解溪 解溪穴 阳溪 阳溪穴", "綦溪利跂 谿工 玉溪生 勃溪 棠溪 溪子 溪州 樠溪 潕溪 后溪 太溪 解溪 阳溪；綦溪利跂 谿工 玉溪生 勃溪 棠溪 溪子 溪州 𣗊溪 𣲘溪 后溪 后溪穴 太溪 太溪穴 解溪 解溪穴 阳溪 阳溪穴"),
    ("t2s", "殢 殢云尤雨 𣨼 𣨼云尤雨", "殢 殢云尤雨 𣨼 𣨼云尤雨"),
    ("t2s", "剔团𪢮月儿初淡 剔團圞月兒初淡", "剔团𪢮月儿初淡 剔团圞月儿初淡"),
    (
        "t2s",
        "慰藉著受傷的心靈 慰藉着受伤的心灵",
        "慰藉着受伤的心灵 慰藉着受伤的心灵",
    ),
    (
        "hk2s",
        "慰藉著受傷的心靈 慰藉着受伤的心灵",
        "慰藉着受伤的心灵 慰藉着受伤的心灵",
    ),
];

/// Characters before `著` that make it zhù (`显著`, `名著`, `原著`, `土著`, `所著`…).
pub const ZHU_BEFORE: &str = "显顯名原专專编編论論巨鉅土卓昭合遗遺译譯拙所撰";
/// Characters after `著` that make it zhù (`著名`, `著作`, `著称`, `著有`…).
pub const ZHU_AFTER: &str = "名作称稱述录錄书書者有";

/// `text` (converted to Simplified) with the particle and verb `著` written `着`, as
/// Simplified writes them: Hong Kong and Taiwan write `著` for both zhe/zháo/zhuó
/// (`拿著`, `隨著`, `睡不著`, `執著`, `衣著`) and zhù (`著名`, `顯著`), and OpenCC's `t2s` and
/// `hk2s` leave every `著` as it is (its own Traditional standard writes the particle
/// `着`). A `著` after or before a character of a zhù word ([`ZHU_BEFORE`],
/// [`ZHU_AFTER`]) stays.
pub fn zhe_particle(text: String) -> String {
    replace_char(text, '著', '着', |before, mut after| {
        !(before.is_some_and(|c| ZHU_BEFORE.contains(c))
            || after.next().is_some_and(|c| ZHU_AFTER.contains(c)))
    })
}

/// `text` with each `from` for which `replace(the character before, the characters
/// after)` says so written `to`, a character of the same UTF-8 length.
fn replace_char(
    mut text: String,
    from: char,
    to: char,
    replace: impl Fn(Option<char>, std::str::Chars<'_>) -> bool,
) -> String {
    let (mut f, mut t) = ([0u8; 4], [0u8; 4]);
    let (from, to) = (
        from.encode_utf8(&mut f).as_bytes(),
        to.encode_utf8(&mut t).as_bytes(),
    );
    debug_assert_eq!(
        from.len(),
        to.len(),
        "replace_char: characters of one length"
    );
    let found: Vec<usize> = memchr::memmem::find_iter(text.as_bytes(), from)
        .filter(|&i| {
            replace(
                text[..i].chars().next_back(),
                text[i + from.len()..].chars(),
            )
        })
        .collect();
    // SAFETY: each write replaces the bytes of one whole character with those of another
    // of the same length: the text stays UTF-8.
    let bytes = unsafe { text.as_mut_vec() };
    for i in found {
        bytes[i..i + to.len()].copy_from_slice(to);
    }
    text
}

/// `converted` (the conversion of `text`, line for line) with each character put back as
/// `text` has it where `keep(original, converted)` says so, in the lines whose conversion
/// kept their length (a line that changed its length is left converted).
fn per_char(text: &str, converted: String, keep: impl Fn(char, char) -> bool) -> String {
    let mut out = String::with_capacity(converted.len());
    let mut lines = converted.split_inclusive('\n');
    for a in text.split_inclusive('\n') {
        let Some(b) = lines.next() else {
            return converted;
        };
        if a == b || a.chars().count() != b.chars().count() {
            out.push_str(b);
            continue;
        }
        out.extend(
            a.chars()
                .zip(b.chars())
                .map(|(x, y)| if keep(x, y) { x } else { y }),
        );
    }
    out.extend(lines);
    out
}

/// `converted` (the conversion of `text`) with every character that OpenCC's character
/// tables turn into one beyond the Basic Multilingual Plane put back as `text` has it:
/// `t2s` simplifies the components of 816 Traditional characters into characters of CJK
/// Extension B and later (`嗰` → `𠮶`, `餸` → `𩠌`, `鱲` → `𫚭`), which few fonts draw and
/// tokenizers split into bytes, where Simplified text itself keeps the Traditional
/// character (`赤鱲角`). A phrase's own choice stays (`戴奧辛` → `二𫫇英` under `tw2sp`:
/// the character alone would give `奥`, and `二奧英` is no word). Lines are matched
/// character by character; a line whose conversion changed its length is left converted.
pub fn keep_bmp(text: &str, converted: String) -> String {
    if !converted.bytes().any(|b| b >= 0xF0) {
        return converted;
    }
    let astral = astral_table();
    per_char(text, converted, |x, y| astral.get(&x) == Some(&y))
}

/// The character tables' conversions of a character within the Basic Multilingual
/// Plane into one beyond it (`TSCharactersExt`, which `t2s` reads first, `TSCharacters`,
/// `STCharacters`).
fn astral_table() -> &'static HashMap<char, char> {
    static TABLE: OnceLock<HashMap<char, char>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = HashMap::new();
        for file in ["TSCharactersExt", "TSCharacters", "STCharacters"] {
            for (k, v) in dict::get(file)
                .map(|d| d.entries.as_slice())
                .unwrap_or_default()
            {
                let (mut ks, mut vs) = (k.chars(), v.chars());
                if let (Some(x), None, Some(y), None) = (ks.next(), ks.next(), vs.next(), vs.next())
                {
                    if (x as u32) <= 0xFFFF && (y as u32) > 0xFFFF {
                        t.insert(x, y);
                    }
                }
            }
        }
        t
    })
}

/// Characters after which OpenCC's phrases keep `於` as a name's (`於單`, `於潛`, `於倫`,
/// `於戲`), in their Simplified forms.
const YU_NAMES: &str = "单潜伦戏";

/// What follows `於潜` when it names the place (`於潜镇`, `於潜县`).
const YU_PLACE: [&str; 2] = ["潜镇", "潜县"];

/// `text` (converted to Simplified) with the preposition `於` written `于` where
/// OpenCC's longest match took it for the start of a name: a name of [`YU_NAMES`]
/// followed by another Han character is the preposition before a word (`居於單位` →
/// `居于单位`, `處於單細胞` → `处于单细胞`, `畢業於倫敦` → `毕业于伦敦`, `於潛伏期` →
/// `于潜伏期`); the names alone stay (`於單，`), and so does the place (`於潛鎮`,
/// [`YU_PLACE`]). A classical text's name before another character (`於單亡降漢`) is
/// taken for the preposition too: modern text says `於單` and `於潛` far more often as
/// `于` before a word.
pub fn yu_preposition(text: String) -> String {
    let han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    replace_char(text, '於', '于', |_, after| {
        let rest = after.as_str();
        let mut next = after;
        next.next().is_some_and(|c| YU_NAMES.contains(c))
            && next.next().is_some_and(han)
            && !YU_PLACE.iter().any(|p| rest.starts_with(p))
    })
}

/// Which characters only one script uses: keys of OpenCC's character tables that
/// convert to something else. Two bits per BMP code point (bit 0 Traditional-only,
/// bit 1 Simplified-only); astral characters count as neither.
fn script_table() -> &'static [u8] {
    static TABLE: OnceLock<Vec<u8>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = vec![0u8; 0x10000];
        for (file, bit) in [("TSCharacters", 1u8), ("STCharacters", 2u8)] {
            for (k, v) in dict::get(file)
                .map(|d| d.entries.as_slice())
                .unwrap_or_default()
            {
                let mut chars = k.chars();
                if let (Some(c), None) = (chars.next(), chars.next()) {
                    if k != v && (c as u32) < 0x10000 {
                        t[c as usize] |= bit;
                    }
                }
            }
        }
        t
    })
}

/// Texts longer than this are judged on 16 evenly spaced windows of 64 KiB.
const DETECT_FULL: usize = 1 << 20;

/// `Hans`, `Hant`, `mixed` or `none`: which script's own characters `text` uses (90% of
/// the script-specific characters decide). Texts over 1 MiB are sampled.
pub fn detect_script(text: &str) -> &'static str {
    let table = script_table();
    let mut counts = [0usize; 4];
    let mut count = |part: &str| {
        for c in part.chars() {
            if let Some(&k) = table.get(c as usize) {
                counts[k as usize] += 1;
            }
        }
    };
    if text.len() <= DETECT_FULL {
        count(text);
    } else {
        let step = text.len() / 16;
        for i in 0..16 {
            let mut start = i * step;
            while !text.is_char_boundary(start) {
                start += 1;
            }
            let mut end = (start + (1 << 16)).min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            count(&text[start..end]);
        }
    }
    let (t, s) = (counts[1], counts[2]);
    match (t, s) {
        (0, 0) => "none",
        _ if t * 10 >= (t + s) * 9 => "Hant",
        _ if s * 10 >= (t + s) * 9 => "Hans",
        _ => "mixed",
    }
}

/// Whether `text` is Japanese: at least ten kana, and kana at least a tenth of its kana
/// and Han characters together (a Chinese text quoting a name with `の` is not).
pub fn japanese(text: &str) -> bool {
    let (mut kana, mut han) = (0usize, 0usize);
    for c in text.chars() {
        match c {
            '\u{3041}'..='\u{3096}' | '\u{30A1}'..='\u{30FA}' | '\u{30FC}' => kana += 1,
            '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' => han += 1,
            _ => {}
        }
    }
    kana >= 10 && kana * 10 >= kana + han
}

impl Filter for ScriptConvert {
    const NAME: &'static str = "script-convert";
    const VERSION: &'static str = concat!(env!("CARGO_PKG_VERSION"), "+opencc-1.4.1");
    const DESCRIPTION: &'static str =
        "Traditional ↔ Simplified Chinese conversion identical to OpenCC 1.4.1 (its dictionaries and configs), except that t2s leaves a Simplified text's own words as they are, t2s/hk2s write a Traditional text's particle 著 as 着 and 於 before a word as 于, and no character table turns a character into one beyond the BMP unless astral is set; annotates the script found.";
    const CONFIG_SCHEMA: &'static str = r#"{"type":"object","properties":{"config":{"type":"string","enum":["s2t","t2s","s2tw","tw2s","s2twp","tw2sp","s2hk","hk2s","s2hkp","hk2sp","t2tw","tw2t","t2hk","hk2t","t2jp","jp2t"],"default":"t2s","description":"OpenCC 1.4.1 config"},"metadata":{"type":"boolean","default":true,"description":"convert the text metadata (title, tags, categories, author, …) with the text"},"astral":{"type":"boolean","default":false,"description":"write characters beyond the Basic Multilingual Plane (CJK Extension B and later) where OpenCC's tables give them (嗰 → 𠮶); off: such a character keeps the input's form"}},"additionalProperties":false}"#;

    fn new(config: &Config) -> Result<Self, String> {
        config.only(&["config", "metadata", "astral"])?;
        let name = config.get("config").unwrap_or("t2s");
        Ok(ScriptConvert {
            converter: Converter::shared(name)?,
            metadata: config.flag("metadata", true)?,
            chinese: !matches!(name, "t2jp" | "jp2t"),
            guard_simplified: name == "t2s",
            zhe: matches!(name, "t2s" | "hk2s" | "hk2sp"),
            astral: config.flag("astral", false)?,
        })
    }

    fn transform(&self, input: &[u8], meta: &Meta) -> Result<Output, String> {
        let text = simdutf8::compat::from_utf8(input).map_err(|e| {
            format!(
                "input is not UTF-8 (invalid byte at offset {}); enable encoding-repair before script-convert",
                e.valid_up_to()
            )
        })?;
        if self.chinese && japanese(text) {
            return Ok(Output::unchanged()
                .with_meta("script", "Jpan")
                .with_meta("script_input", "Jpan"));
        }
        let script_input = detect_script(text);
        let out = self.convert_text(text, script_input);
        let script = detect_script(&out);
        let mut result = Output::keep_if_changed(input, out)
            .with_meta("script", script)
            .with_meta("script_input", script_input);
        if self.metadata {
            for key in TEXT_METADATA {
                if let Some(value) = meta.get(key) {
                    let converted = self.convert_text(value, detect_script(value));
                    if converted != value {
                        result.meta.push((key.to_string(), converted));
                    }
                }
            }
        }
        Ok(result)
    }
}

impl ScriptConvert {
    /// `text` converted. Under `t2s`, in a text already Simplified (`script_input`), a
    /// Simplified-only character (one that `s2t` would write otherwise and `t2s` leaves)
    /// stays as the text has it: OpenCC's phrase `打坏` → `打坯` is right for a
    /// Traditional text (to make adobe bricks) and wrong for a Simplified one, whose `坏`
    /// is `壞` ("broke"). Everything else converts as in OpenCC: a quoted `國家` →
    /// `国家`, and Traditional words a Simplified text borrows, `答覆` → `答复`, `藉此` →
    /// `借此`. A line whose conversion changes its length is taken as converted.
    ///
    /// Under `t2s`, `hk2s` and `hk2sp`, in a text not already Simplified, the particle
    /// `著` becomes `着` ([`zhe_particle`]; OpenCC keeps it) and the preposition `於` before
    /// a word that a name's phrase took `于` ([`yu_preposition`]). Unless the `astral`
    /// setting is on, a character the character tables turn into one beyond the BMP
    /// keeps the input's form ([`keep_bmp`]).
    pub fn convert_text(&self, text: &str, script_input: &str) -> String {
        let converted = self.converter.convert(text);
        let converted = match self.astral {
            true => converted,
            false => keep_bmp(text, converted),
        };
        if self.zhe && script_input != "Hans" {
            return yu_preposition(zhe_particle(converted));
        }
        if !self.guard_simplified || script_input != "Hans" || converted == text {
            return converted;
        }
        // Simplified-only: `s2t` would give it another form, `t2s` gives no other.
        let table = script_table();
        per_char(text, converted, |x, _| {
            table.get(x as usize).is_some_and(|k| *k == 2)
        })
    }
}

wenku_plugin::export_plugin!(ScriptConvert);
