//! encoding-repair through the real `wenku` binary and plugin library: the seeds, and
//! damage generated here (legacy encodings, mojibake, pinyin artifacts, hygiene), with
//! the cases that must stay untouched.

use std::path::Path;

use wenku_tests::{data_dir, run, seed_names, seeds_dir, wenku};

fn repair(input: &[u8], settings: &[&str]) -> wenku_tests::Run {
    let mut c = wenku(Path::new("/nonexistent/archive"));
    c.args(["filter", "--with", "encoding-repair"]);
    for s in settings {
        c.args(["--set", &format!("encoding-repair.{s}")]);
    }
    run(c, input)
}

fn repaired(input: &[u8]) -> String {
    let r = repair(input, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    String::from_utf8(r.stdout).expect("UTF-8 out")
}

#[test]
fn seeds_come_out_as_expected() {
    for name in seed_names() {
        let input = std::fs::read(seeds_dir().join(&name)).unwrap();
        let expected =
            std::fs::read(data_dir().join(format!("expected/encoding-repair/{}.txt", &name[..3])))
                .unwrap();
        let out = repaired(&input);
        assert!(out.as_bytes() == expected, "{name}");
        // No pinyin artifact is left in the mirrored copies.
        for art in ["(wù)", "(huì)", "(wǎng)", "(shí)", "(kāi)"] {
            assert!(!out.contains(art), "{name} still has {art}");
        }
    }
    // 003 is clean: unchanged; 000 too; 002 only gains full-width punctuation.
    let same = |n: &str| {
        std::fs::read(seeds_dir().join(n)).unwrap()
            == std::fs::read(data_dir().join(format!("expected/encoding-repair/{}.txt", &n[..3])))
                .unwrap()
    };
    assert!(same("003_4c023f02afb06f96.txt"));
    assert!(same("000_494a2534e3f5ba18.txt"));
    let s002 =
        String::from_utf8(std::fs::read(seeds_dir().join("002_d66d1dd5df9fb961.txt")).unwrap())
            .unwrap();
    let e002 = String::from_utf8(
        std::fs::read(data_dir().join("expected/encoding-repair/002.txt")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        e002.chars().count(),
        s002.chars().count(),
        "002 loses nothing"
    );
    assert_eq!(e002.replace('，', ",").replace('；', ";"), s002);
    // The 004 expectation: no change but pinyin removal and punctuation.
    let s004 =
        String::from_utf8(std::fs::read(seeds_dir().join("004_3dc92560bcc8998f.txt")).unwrap())
            .unwrap();
    let e004 = String::from_utf8(
        std::fs::read(data_dir().join("expected/encoding-repair/004.txt")).unwrap(),
    )
    .unwrap();
    assert!(e004.contains("中國西藏網\u{a0}>\u{a0}即時新聞\u{a0}>\u{a0}地方"));
    assert!(e004.contains("(徐補生)"));
    assert!(s004.len() > e004.len());
}

#[test]
fn legacy_encodings_become_utf8() {
    let text = "中共中央政治局常务委员会召开会议，分析新冠肺炎疫情形势，部署从严抓好疫情防控工作。";
    let trad = "中共中央政治局常務委員會召開會議，分析新冠肺炎疫情形勢，部署從嚴抓好疫情防控工作。";
    assert_eq!(repaired(&encoding_rs::GBK.encode(text).0), text);
    assert_eq!(repaired(&encoding_rs::GB18030.encode(text).0), text);
    assert_eq!(repaired(&encoding_rs::BIG5.encode(trad).0), trad);
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
    assert_eq!(repaired(&utf16), text);
    let mut utf16be = vec![0xFE, 0xFF];
    utf16be.extend(text.encode_utf16().flat_map(|u| u.to_be_bytes()));
    assert_eq!(repaired(&utf16be), text);
    let sjis = "日本語のテキストです。東京都の天気は晴れ。";
    assert_eq!(repaired(&encoding_rs::SHIFT_JIS.encode(sjis).0), sjis);
    let western = "Grüße aus Köln – déjà vu, naïve café.";
    assert_eq!(
        repaired(&encoding_rs::WINDOWS_1252.encode(western).0),
        western
    );
}

#[test]
fn mojibake_is_undone_and_lossy_damage_left() {
    let text = "中国西藏网 即时新闻：进一步强化常态化精准防控";
    let cp1252 = encoding_rs::WINDOWS_1252
        .decode_without_bom_handling(text.as_bytes())
        .0
        .into_owned();
    assert_eq!(repaired(cp1252.as_bytes()), text);
    let latin1: String = text.as_bytes().iter().map(|&b| b as char).collect();
    assert_eq!(repaired(latin1.as_bytes()), text);
    let gbk_latin1: String = encoding_rs::GBK
        .encode(text)
        .0
        .iter()
        .map(|&b| b as char)
        .collect();
    assert_eq!(repaired(gbk_latin1.as_bytes()), text);
    assert_eq!(repaired("ÖÐ¹ú".as_bytes()), "中国");
    let partly = format!(
        "开头正常，{}结尾正常。",
        encoding_rs::WINDOWS_1252
            .decode_without_bom_handling("中间损坏".as_bytes())
            .0
    );
    assert_eq!(repaired(partly.as_bytes()), "开头正常，中间损坏结尾正常。");
    // Lossy damage stays as it is.
    assert_eq!(
        repaired("锟斤拷锟斤拷 标题".as_bytes()),
        "锟斤拷锟斤拷 标题"
    );
}

#[test]
fn utf8_read_as_latin1_then_as_gbk_is_undone() {
    // A blog whose UTF-8 was read as Latin-1, written out as UTF-8 and read again as GBK:
    // every byte became a Han character (`我们` is `忙聢聭盲禄卢`), quotes and full-width
    // punctuation too; ASCII between stayed.
    let text = "# PHP CGI Windows平台远程代码执行漏洞（CVE-2024-4577）分析与复现\n\n“Beichendream”说，我们已经修复。\n";
    let twice = |s: &str| -> String {
        let latin1: String = s.as_bytes().iter().map(|&b| b as char).collect();
        encoding_rs::GBK
            .decode_without_bom_handling(latin1.as_bytes())
            .0
            .into_owned()
    };
    let damaged = twice(text);
    assert!(damaged.contains("氓鹿鲁氓聫掳"), "{damaged}");
    let r = repair(damaged.as_bytes(), &[]);
    assert_eq!((r.code, r.stdout_str().as_str()), (0, text));
    // Chinese that happens to hold characters of those rows (`忙`, `猫`, `盲`) stays, and
    // so does an article that quotes the mix-up.
    let plain = "我很忙，猫在睡觉，盲人按摩店开门了。茅台酒。\n";
    assert_eq!(repaired(plain.as_bytes()), plain);
    let quoted = format!(
        "这种乱码很常见：把网页的编码弄错两次，“{}”就是“中文”。读者遇到时，先别急着重新下载整个页面。\n",
        twice("中文")
    );
    assert_eq!(repaired(quoted.as_bytes()), quoted);
}

#[test]
fn hygiene_and_its_settings() {
    assert_eq!(
        repaired("&ldquo;新闻&rdquo;&#12290; A&amp;B\r\n第二\u{0}行,好".as_bytes()),
        "“新闻”。 A&B\n第二行，好"
    );
    // Never folds full-width punctuation or uncurls quotes.
    assert_eq!(
        repaired("（括号）：冒号；“引号”‘单引号’".as_bytes()),
        "（括号）：冒号；“引号”‘单引号’"
    );
    let r = repair("命令,防控".as_bytes(), &["punctuation=keep"]);
    assert_eq!(r.stdout, "命令,防控".as_bytes());
    let r = repair("常務(wù)委員".as_bytes(), &["pinyin=false"]);
    assert_eq!(r.stdout, "常務(wù)委員".as_bytes());
    let r = repair(b"x", &["colour=red"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("plugin encoding-repair has no setting \"colour\""),
        "{}",
        r.stderr
    );
}

#[test]
fn pinyin_artifacts_go_and_legitimate_parentheses_stay() {
    assert_eq!(
        repaired("中共中央政治局常務(wù)委員會(huì)3月17日召開(kāi)會議".as_bytes()),
        "中共中央政治局常務委員會3月17日召開會議"
    );
    for keep in [
        "(徐補生)",
        "(顧輝 明庭舒)",
        "他說：“会 (huì) 字怎么读？”",
        "兔(tù)子(zi)的(de)尾(wěi)巴(ba)",
    ] {
        assert_eq!(repaired(keep.as_bytes()), keep);
    }
    assert_eq!(repaired("村(社區)的".as_bytes()), "村（社區）的");
}

/// `text` as UTF-8 bytes read through `enc`.
fn misread(text: &str, enc: &'static encoding_rs::Encoding) -> String {
    enc.decode_without_bom_handling(text.as_bytes())
        .0
        .into_owned()
}

#[test]
fn every_kind_of_mixup_is_undone() {
    let zh = "中共中央政治局常务委员会";
    let gbk: String = encoding_rs::GBK
        .encode("中共中央政治局常务委员会3月17日召开会议")
        .0
        .iter()
        .map(|&b| b as char)
        .collect();
    let big5: String = encoding_rs::BIG5
        .encode("香港新聞2022年3月17日報道")
        .0
        .iter()
        .map(|&b| b as char)
        .collect();
    let twice = misread(
        &misread("doesn’t “quote” 中文测试", encoding_rs::WINDOWS_1252),
        encoding_rs::WINDOWS_1252,
    );
    let cases: Vec<(String, &str)> = vec![
        (gbk, "中共中央政治局常务委员会3月17日召开会议"),
        (big5, "香港新聞2022年3月17日報道"),
        ("дёӯе…ұдёӯеӨ®".into(), "中共中央"),
        ("[зҷ»еҪ•](/login)".into(), "[登录](/login)"),
        (misread(zh, encoding_rs::WINDOWS_1251), zh),
        (misread(zh, encoding_rs::KOI8_R), zh),
        (misread(zh, encoding_rs::KOI8_U), zh),
        (misread(zh, encoding_rs::IBM866), zh),
        (misread(zh, encoding_rs::WINDOWS_1252), zh),
        ("[ç™»ه½•]".into(), "[登录]"),
        (
            misread("Mám dost třetího tisíciletí", encoding_rs::ISO_8859_2),
            "Mám dost třetího tisíciletí",
        ),
        (
            misread("Liège Avenue de l'Hôpital", encoding_rs::WINDOWS_1250),
            "Liège Avenue de l'Hôpital",
        ),
        (
            misread("Šveices baņķieri", encoding_rs::WINDOWS_1257),
            "Šveices baņķieri",
        ),
        (
            misread("régime équilibré", encoding_rs::MACINTOSH),
            "régime équilibré",
        ),
        ("─îe┼ítina".into(), "Čeština"),
        (twice, "doesn’t “quote” 中文测试"),
        ("Hi guys í\u{a0}½í¸\u{8d}".into(), "Hi guys 😍"),
        (
            "beaucoup parlé\u{85} Tu sais".into(),
            "beaucoup parlé… Tu sais",
        ),
        ("voilÃ le travail".into(), "voilà le travail"),
        ("10Î&frac14;s".into(), "10μs"),
        (
            format!(
                "正常的开头，{}，正常的结尾。",
                misread("损坏的中间", encoding_rs::WINDOWS_1252)
            ),
            "正常的开头，损坏的中间，正常的结尾。",
        ),
    ];
    for (damaged, expected) in cases {
        assert_eq!(repaired(damaged.as_bytes()), expected, "{damaged}");
    }
}

#[test]
fn text_that_only_looks_like_mojibake_stays_byte_identical() {
    for text in [
        "打造“数据要素×”行动计划",
        "NESTLÉ® requiere contratar personal",
        "4288×…",
        "I'm not such a fan of Charlotte Brontë…”",
        "SELKÄ\u{a0}EDELLÄ\u{a0}MAAHAN via @YouTube",
        "MISUTÂ\u{a0}AJIKKO",
        "Привет, как дела? Всё хорошо — ёлка «зелёная».",
        "受傷······」語畢",
        "Größe und Maße, naïve façade, ÀÉÎÕÜ ÄÄNESTÄÄ",
        "(-1/2)! = √π",
        // Valid Russian whose letters, read back as cp866 bytes, are valid UTF-8 with
        // common Han characters among them (a line of a Russian page of the English
        // article-extraction benchmark).
        "<p><u>Диета противопоказана</u>: при беременности - может неблагоприятно сказаться на ребенке, при кормлении грудью - та же причина, имеются почечная недостаточность - колебания уровня сахара и ряд других.</p>\n<title>Диета Аткинса (14 дней) - потеря веса до 10 кг. Отзывы</title>",
        "Москва (Moscow, 莫斯科) и Пекин (Beijing, 北京); Ελληνικά; Україні, її; Қазақстан.",
        // German and French hyphenated with soft hyphens (pages of trafilatura's
        // evaluation set): the hyphen and the letter after or before it are a Big5 pair,
        // and came out as Han characters (`Ge趴alt計r鉽ven負i觔n`, `zu苯鄟衍ig`).
        "Op\u{AD}fer\u{AD}hil\u{AD}fe und Ge\u{AD}walt\u{AD}prä\u{AD}ven\u{AD}ti\u{AD}on",
        "Zu den häu\u{AD}figs\u{AD}ten Werk\u{AD}zeu\u{AD}gen des Mit\u{AD}tel\u{AD}pa\u{AD}läo\u{AD}li\u{AD}thi\u{AD}kums ge\u{AD}hö\u{AD}ren die Scha\u{AD}ber.",
        "ver\u{AD}mu\u{AD}ten, dass es sich um zu\u{AD}fäl\u{AD}lig en\u{AD}stan\u{AD}dene For\u{AD}men han\u{AD}delt; Stü\u{AD}cke",
        "frü\u{AD}hen 1980er-Jah\u{AD}ren. Die ´Har\u{AD}vard Medi\u{AD}cal School´ rekru\u{AD}tierte",
        "de l’é\u{AD}va\u{AD}lua\u{AD}tion de la recherche et de l’en\u{AD}sei\u{AD}gne\u{AD}ment supé\u{AD}rieur",
        // An advisory's code listing windows-1252's upper half in code-point order: read
        // as GBK it became `媚牌侨墒颂臀闲岩釉罩`, its `×Ø` read as windows-1257 `ר`.
        "   CHAR szANSI[] = \"€\"; // or one of the following other 122 characters\n                        // ÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ\n",
    ] {
        assert_eq!(repaired(text.as_bytes()), text);
    }
}

#[test]
fn cyrillic_code_pages_read_as_latin_1_are_cyrillic_again() {
    // A Russian forum post saved in windows-1251 and shown as Latin-1, a line of KOI8-R
    // the same way, and a Ukrainian line: the bytes were valid GBK too, and two of the
    // words came out as Han characters (`ìèð` → `扈ð`). Latin text with accents, and a
    // line of one such word, stay.
    let input = "Ïðèâåò, ìèð! Êàê äåëà?\nðÒÉ×ÅÔ, ÍÉÒ! ëÁË ÄÅÌÁ?\nÏðèâ³ò, ÿê ñïðàâè ó Êèºâ³?\nCafé naïve — résumé, déjà vu; SÃO PAULO é a maior cidade do país.\n2023 ãîä: Windows 11\n";
    let r = repair(input.as_bytes(), &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        String::from_utf8(r.stdout).unwrap(),
        "Привет, мир! Как дела?\nПривет, мир! Как дела?\nПривіт, як справи у Києві?\nCafé naïve — résumé, déjà vu; SÃO PAULO é a maior cidade do país.\n2023 ãîä: Windows 11\n"
    );
}

#[test]
fn korean_greek_arabic_and_hebrew_code_pages_read_as_latin_1_are_their_scripts_again() {
    // Korean (EUC-KR), Greek (windows-1253), Arabic (windows-1256) and Hebrew
    // (windows-1255) read as Latin-1; the first three had come out as Han characters
    // (`救崇窍技夸`), then were left as they were. Lower-case Russian without `ы ь э ю я`
    // is Hebrew's bytes alone, its words no Hebrew words: Russian (it was left as it
    // was); Hebrew saved in visual order (final forms first) stays, as do Chinese lines
    // in GBK read as Latin-1 that could pass for Korean (a login link, a table's row) —
    // those are Chinese again.
    let input = "¾È³çÇÏ¼¼¿ä, ¼¼°è. ¿À´ÃÀº ³¯¾¾°¡ ÁÁ³×¿ä.\nÃåéÜ óïõ Êüóìå, ôé êÜíåéò óÞìåñá;\nãÑÍÈÇ ÈÇáÚÇáã ßíÝ ÍÇáß Çáíæã\nùìåí òåìí, îä ùìåîê äéåí?\nïðèâåò êàê äåëà\níìåò íåìù\n[µÇÂ¼](/login) µÇÂ¼\n| 96-97 | ²¹Ï°°à | 16ÈË | 151ÈË |\n";
    let r = repair(input.as_bytes(), &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        String::from_utf8(r.stdout).unwrap(),
        "안녕하세요, 세계. 오늘은 날씨가 좋네요.\nΓειά σου Κόσμε, τι κάνεις σήμερα;\nمرحبا بالعالم كيف حالك اليوم\nשלום עולם, מה שלומך היום?\nпривет как дела\níìåò íåìù\n[登录](/login) 登录\n| 96-97 | 补习班 | 16人 | 151人 |\n"
    );
}

#[test]
fn an_html_page_s_scripts_leave_its_text_alone() {
    // A form's script lists accented letters for a name's pattern (a German legal news
    // page of trafilatura's evaluation set): they pair up as common GBK characters, the
    // page counted as holding GBK read as Latin-1, and every `äß` of its text became
    // `溥` (`rechtm溥ig`). Scripts and style sheets are no evidence now, and left alone.
    let page = "<!DOCTYPE html>\n<html><head><title>Maskenpflicht</title>\n<script>\nvar rules = { lastName: /([a-zA-Z0-9ÀÈÌÒÙàèìòùÁÉÍÓÚÝáéíóúýÂÊÎÔÛâêîôû]{2,30})/ };\n</script></head>\n<body><h1>Maskenpflicht auf Norderney rechtmäßig angeordnet</h1>\n<p>Auch das verhängte Ordnungsgeld bewertete der Senat als rechtmäßig, gemäß § 176 Abs. 1 GVG.</p>\n</body></html>\n";
    assert_eq!(repaired(page.as_bytes()), page);
}

#[test]
fn markdown_code_blocks_leave_its_text_alone() {
    // The same pattern in a Markdown page's code block made the page count as holding
    // GBK, and its text's `äß` became `溥`; a code block is no evidence now.
    let page = "---\ntitle: Formular\n---\n# Formular\n\nDie Maskenpflicht war rechtmäßig, gemäß § 176 GVG.\n\n```js\nvar name = /[ÀÈÌÒÙàèìòùÁÉÍÓÚÝáéíóúý]/;\n```\n\nDas Ordnungsgeld war rechtmäßig.\n";
    assert_eq!(repaired(page.as_bytes()), page);
}

#[test]
fn big5_hkscs_read_as_latin_1_is_chinese_again() {
    // A Hong Kong page in Big5-HKSCS shown as Latin-1: `着` (0xFED3, `þÓ`) and the
    // Cantonese `哋` `咗` `嘅` (lead bytes 0x92 and 0x9D, C1 controls) are characters
    // Big5 has not; such lines were left whole as they were.
    let big5: Vec<u8> = [
        &[
            0xA5, 0x4C, 0xAE, 0xB3, 0xFE, 0xD3, 0xA4, 0x40, 0xA5, 0xBB, 0xAE, 0xD1,
        ][..],
        &[
            0xA8, 0xAB, 0xB6, 0x69, 0xB1, 0xD0, 0xAB, 0xC7, 0xA1, 0x43, b'\n',
        ],
        &[
            0xA7, 0xDA, 0x92, 0x5D, 0xA4, 0xB5, 0xA4, 0xE9, 0xA5, 0x68, 0x9D, 0xF7, 0xB5,
        ],
        &[
            0xF3, 0xA1, 0x41, 0xCA, 0x5C, 0xB8, 0xDC, 0xA6, 0x6E, 0x9D, 0xEF, 0xA1, 0x43, b'\n',
        ],
    ]
    .concat();
    let latin1: String = big5.iter().map(|&b| b as char).collect();
    assert_eq!(
        repaired(latin1.as_bytes()),
        "他拿着一本書走進教室。\n我哋今日去咗街，佢話好嘅。\n"
    );
    // Windows-1252 quotes and Icelandic letters, the bytes Big5-HKSCS adds as leads,
    // stay what they are in Latin text.
    let latin = "It’s Sú’s café — “ok”; Ýû þú‘x.\n";
    assert_eq!(repaired(latin.as_bytes()), latin);
}

#[test]
fn entities_inside_markdown_code_stay_as_written() {
    // An article on HTML injection shows its payloads with their entities: in a code span
    // or block Markdown shows them as written, so they stay; outside code they are decoded.
    let page = "---\ntitle: Stored XSS\nurl: https://medium.com/a\n---\n\n# Stored XSS\n\nThe payload `/?&apos;&quot;&gt;` closes the attribute &ndash; and the page shows &ldquo;it&rdquo;.\n\n```\n/?&apos;-top[`alert`](1)-&apos;\n```\n";
    assert_eq!(
        repaired(page.as_bytes()),
        "---\ntitle: Stored XSS\nurl: https://medium.com/a\n---\n\n# Stored XSS\n\nThe payload `/?&apos;&quot;&gt;` closes the attribute – and the page shows “it”.\n\n```\n/?&apos;-top[`alert`](1)-&apos;\n```\n"
    );
}

#[test]
fn radicals_written_for_characters_become_those_characters() {
    // A PDF's text layer copied into a post: Kangxi radicals (`⽤`, `⽅`, `⽹`) and a
    // supplementary one (`⻥`) for the characters they look like; one named as a radical
    // stays, and so does everything with the step off.
    let text =
        "实战中的WebService利⽤⽅法：钓⻥⽹站于2021年7⽉31⽇上线。这几个字都由“⾔”作部首。\n";
    assert_eq!(
        repaired(text.as_bytes()),
        "实战中的WebService利用方法：钓鱼网站于2021年7月31日上线。这几个字都由“⾔”作部首。\n"
    );
    let r = repair(text.as_bytes(), &["radicals=false"]);
    assert_eq!(r.stdout, text.as_bytes());
}

#[test]
fn utf8_read_through_windows_1256_is_repaired_whole() {
    // Chinese UTF-8 read as windows-1256 holds Arabic letters between Latin-1 ones
    // (`ه؛¦ç©؛` for `度空`); the Latin-1 pieces alone also read as GBK, which made a mix of
    // both. The line is one code page's mojibake and comes back whole.
    let text = "è‹¹و\u{200d}œç´§و€¥ن»ژهچ°ه؛¦ç©؛è؟گ iPhone ن»¥éپ؟ه¼€هچ³ه°†ç”ںو•ˆçڑ„ه…³ç¨ژم€‚م€ٹهچ°ه؛¦و—¶وٹ¥م€‹ه‘¨ن¸€وٹ¥éپ“ï¼Œè‹¹و\u{200d}œهœ¨ن¸‰ه¤©ه†…ن»ژهچ°ه؛¦هگ‘ç¾ژه›½ç´§و€¥ç©؛è؟گن؛†ن؛”و\u{200d}¶ iPhoneï¼Œن»¥éپ؟ه¼€ç‰¹وœ—و™®و”؟ه؛œه®\u{200d}و–½çڑ„و–°ه…³ç¨ژم€‚\n";
    assert_eq!(repaired(text.as_bytes()), "苹果紧急从印度空运 iPhone 以避开即将生效的关税。《印度时报》周一报道，苹果在三天内从印度向美国紧急空运了五架 iPhone，以避开特朗普政府实施的新关税。\n");
}
