//! The plugin's own behaviour: metadata, errors, schema, and the generated dictionary.

use wenku_plugin::{Config, Filter, Meta, Verdict};
use wenku_script_convert::{detect_script, Converter, ScriptConvert, CONFIGS};

fn run(config: &str, input: &str) -> (Verdict, Vec<(String, String)>) {
    let f = ScriptConvert::new(&Config::from_pairs([(
        "config".to_string(),
        config.to_string(),
    )]))
    .unwrap();
    let o = f.transform(input.as_bytes(), &Meta::new(vec![])).unwrap();
    (o.verdict, o.meta)
}

#[test]
fn the_script_found_is_annotated() {
    let pairs = |a: &str, b: &str| {
        vec![
            ("script".to_string(), a.to_string()),
            ("script_input".to_string(), b.to_string()),
        ]
    };
    assert_eq!(run("t2s", "中國西藏網").1, pairs("Hans", "Hant"));
    assert_eq!(run("t2s", "中国西藏网").1, pairs("Hans", "Hans"));
    assert_eq!(run("s2t", "中国西藏网").1, pairs("Hant", "Hans"));
    assert_eq!(detect_script("中國西藏網 中国西藏网"), "mixed");
    assert_eq!(detect_script("plain ASCII 123"), "none");
}

#[test]
fn text_metadata_is_converted_with_the_text_unless_turned_off() {
    let meta = Meta::new(vec![
        ("title", "國安法騙案"),
        ("tags", "網絡騙案, 電話騙案"),
        ("key", "文章/國.md"),
        ("author", "實習記者"),
    ]);
    let f = ScriptConvert::new(&Config::default()).unwrap();
    let o = f.transform("內容".as_bytes(), &meta).unwrap();
    assert_eq!(o.verdict, Verdict::Keep("内容".as_bytes().to_vec()));
    assert_eq!(
        o.meta,
        vec![
            ("script".to_string(), "Hans".to_string()),
            ("script_input".to_string(), "Hant".to_string()),
            ("title".to_string(), "国安法骗案".to_string()),
            ("tags".to_string(), "网络骗案, 电话骗案".to_string()),
            ("author".to_string(), "实习记者".to_string()),
        ]
    );
    let off = ScriptConvert::new(&Config::from_pairs([(
        "metadata".to_string(),
        "false".to_string(),
    )]))
    .unwrap();
    assert_eq!(
        off.transform("內容".as_bytes(), &meta).unwrap().meta.len(),
        2
    );
}

#[test]
fn unchanged_text_is_not_copied() {
    assert_eq!(run("t2s", "abc 中文").0, Verdict::Unchanged);
    assert_eq!(run("t2s", "發").0, Verdict::Keep("发".as_bytes().to_vec()));
}

#[test]
fn default_config_is_t2s_and_unknown_settings_are_refused() {
    let f = ScriptConvert::new(&Config::default()).unwrap();
    assert_eq!(
        f.transform("國".as_bytes(), &Meta::new(vec![]))
            .unwrap()
            .verdict,
        Verdict::Keep("国".as_bytes().to_vec())
    );
    let e = ScriptConvert::new(&Config::from_pairs([("mode".to_string(), "x".to_string())]))
        .err()
        .unwrap();
    assert_eq!(
        e,
        "unknown setting \"mode\"; known settings: config, metadata, astral"
    );
}

#[test]
fn the_schema_lists_every_config() {
    let schema: serde_json::Value = serde_json::from_str(ScriptConvert::CONFIG_SCHEMA).unwrap();
    let listed: Vec<&str> = schema["properties"]["config"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let shipped: Vec<&str> = CONFIGS.iter().map(|(n, _)| *n).collect();
    assert_eq!(listed, shipped);
}

#[test]
fn the_generated_st_phrases_are_what_t2s_makes_of_the_regional_phrases() {
    // OpenCC's generate_st_phrases_from_regional_phrases.py, re-done with this crate's t2s.
    let t2s = Converter::shared("t2s").unwrap();
    let mut generated: std::collections::BTreeMap<String, String> = Default::default();
    for file in ["HKPhrases", "TWPhrases"] {
        for (key, _) in &wenku_script_convert::dict::get(file).unwrap().entries {
            let converted = t2s.convert(key);
            if converted.chars().count() >= 3 {
                generated
                    .entry(converted)
                    .or_insert_with(|| key.to_string());
            }
        }
    }
    let shipped: std::collections::BTreeMap<String, String> =
        wenku_script_convert::dict::get("STPhrases_GeneratedFromRegionalPhrases")
            .unwrap()
            .entries
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
    assert_eq!(generated, shipped);
}

#[test]
fn a_text_already_in_the_target_script_keeps_what_both_scripts_write() {
    // `坏` is Simplified for "bad" and a Traditional form of `坯`: OpenCC's t2s turns
    // `打坏` into `打坯`. A Simplified text keeps it; its borrowed Traditional word
    // (`答覆`) and its quote (`國家`) convert.
    let text = "他们说这个问题很严重，才知道自己的脑子是被打坏了，没有得到答覆。\n他引用了一句：「國家安全」。\n";
    assert_eq!(
        Converter::shared("t2s").unwrap().convert(text),
        "他们说这个问题很严重，才知道自己的脑子是被打坯了，没有得到答复。\n他引用了一句：「国家安全」。\n"
    );
    let (verdict, meta) = run("t2s", text);
    assert_eq!(
        verdict,
        Verdict::Keep(
            "他们说这个问题很严重，才知道自己的脑子是被打坏了，没有得到答复。\n他引用了一句：「国家安全」。\n"
                .into()
        )
    );
    assert_eq!(meta[1], ("script_input".to_string(), "Hans".to_string()));
    // A Traditional text is converted whole, as OpenCC converts it.
    assert_eq!(
        run("t2s", "才知道自己的腦子是被打壞了。\n").0,
        Verdict::Keep("才知道自己的脑子是被打坏了。\n".into())
    );
}

#[test]
fn names_written_with_sheng_keep_it() {
    // 昇 is Simplified too (in names); OpenCC's character table makes it 升, which
    // renamed Huawei's 昇腾 and 昇思 in Simplified news. Elsewhere it still becomes 升.
    for (input, want) in [
        (
            "华为昇腾910B与昇思MindSpore，股价上昇。\n",
            "华为昇腾910B与昇思MindSpore，股价上升。\n",
        ),
        (
            "華為昇騰處理器，旭日東昇。\n",
            "华为昇腾处理器，旭日东升。\n",
        ),
    ] {
        assert_eq!(Converter::shared("t2s").unwrap().convert(input), want);
        assert_eq!(run("t2s", input).0, Verdict::Keep(want.into()));
    }
}

#[test]
fn a_traditional_texts_particle_zhu_is_written_zhe() {
    // Hong Kong and Taiwan write 著 for the particle and for zhù; Simplified writes 着
    // for the first. OpenCC's t2s keeps every 著.
    let text = "他拿著紅色桶，隨著人群走，睡不著；執著於衣著。這本著名的名著是他所著，顯著的成果，土著，著有三本書。\n";
    assert_eq!(
        Converter::shared("t2s").unwrap().convert(text),
        "他拿著红色桶，随著人群走，睡不著；执著于衣著。这本著名的名著是他所著，显著的成果，土著，著有三本书。\n"
    );
    let ours = "他拿着红色桶，随着人群走，睡不着；执着于衣着。这本著名的名著是他所著，显著的成果，土著，著有三本书。\n";
    for config in ["t2s", "hk2s", "hk2sp"] {
        assert_eq!(run(config, text).0, Verdict::Keep(ours.into()), "{config}");
    }
    // A Simplified text's 著 is zhù (its particle is 着), and the other configs are
    // OpenCC's.
    assert_eq!(
        run("t2s", "这是显著的进步，也是一部著作。\n").0,
        Verdict::Unchanged
    );
    assert_eq!(run("t2tw", "他拿著紅色桶。\n").0, Verdict::Unchanged);
}

#[test]
fn no_character_becomes_one_beyond_the_bmp_unless_astral_is_set() {
    // OpenCC's character table simplifies 嗰, 餸 and 鱲 into characters of CJK
    // Extension B and later; a phrase's own choice (戴奧辛 → 二𫫇英) stays.
    let text = "佢哋喺赤鱲角買餸，嗰個人話。唓！\n";
    assert_eq!(
        Converter::shared("t2s").unwrap().convert(text),
        "佢哋喺赤𫚭角买𩠌，𠮶个人话。𪠳！\n"
    );
    assert_eq!(
        run("t2s", text).0,
        Verdict::Keep("佢哋喺赤鱲角买餸，嗰个人话。唓！\n".into())
    );
    let filter = ScriptConvert::new(&Config::from_pairs([
        ("config".to_string(), "t2s".to_string()),
        ("astral".to_string(), "true".to_string()),
    ]))
    .unwrap();
    let out = filter
        .transform(text.as_bytes(), &Meta::new(vec![]))
        .unwrap();
    assert_eq!(
        out.verdict,
        Verdict::Keep("佢哋喺赤𫚭角买𩠌，𠮶个人话。𪠳！\n".into())
    );
    assert_eq!(
        run("tw2sp", "戴奧辛是一類公認的劇毒\n").0,
        Verdict::Keep("二𫫇英是一类公认的剧毒\n".into())
    );
}

#[test]
fn the_preposition_yu_before_a_word_is_written_yu() {
    // OpenCC's longest match takes 於單, 於倫, 於潛 and 於戲 for names.
    let text = "他居於單位內，畢業於倫敦大學，於潛伏期發病，首套於戲院上映的電影，注射到處於單細胞階段的胚胎。於單，人名。於潛鎮在臨安。\n";
    assert_eq!(
        run("t2s", text).0,
        Verdict::Keep(
            "他居于单位内，毕业于伦敦大学，于潜伏期发病，首套于戏院上映的电影，注射到处于单细胞阶段的胚胎。於单，人名。於潜镇在临安。\n"
                .into()
        )
    );
}
