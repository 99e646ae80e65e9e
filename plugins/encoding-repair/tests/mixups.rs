//! Every kind of mix-up encoding-repair undoes, with the exact text and metadata it
//! gives, and the text it must leave byte for byte as it is.

use encoding_rs::Encoding;
use wenku_encoding_repair::codepage::{CodePage, CP437, KZ_1048, PTCP154};
use wenku_encoding_repair::EncodingRepair;
use wenku_plugin::{Config, Filter};

fn filter() -> EncodingRepair {
    EncodingRepair::new(&Config::default()).expect("default config")
}

/// The repaired text and the `mojibake` and `damage` metadata.
fn run(input: &str) -> (String, Option<String>, Option<String>) {
    let r = filter()
        .repair(input.as_bytes(), Some("text/plain"), None)
        .expect("repairs");
    let get = |k: &str| r.meta.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    (r.text.into_owned(), get("mojibake"), get("damage"))
}

fn repaired(input: &str) -> String {
    run(input).0
}

/// `text` as UTF-8 bytes read through `enc`.
fn misread(text: &str, enc: &'static Encoding) -> String {
    enc.decode_without_bom_handling(text.as_bytes())
        .0
        .into_owned()
}

/// `text` as UTF-8 bytes read through one of the plugin's code pages.
fn misread_cp(text: &str, cp: &CodePage) -> String {
    text.bytes()
        .map(|b| cp.decode_byte(b).expect("byte defined"))
        .collect()
}

/// `text` encoded in `enc`, the bytes read as Latin-1.
fn as_latin1(text: &str, enc: &'static Encoding) -> String {
    let (bytes, _, bad) = enc.encode(text);
    assert!(!bad, "{text} in {}", enc.name());
    bytes.iter().map(|&b| b as char).collect()
}

#[test]
fn gbk_and_big5_read_as_latin1_across_digits_and_letters() {
    let text = "中共中央政治局常务委员会3月17日召开会议";
    let damaged = as_latin1(text, encoding_rs::GBK);
    assert_eq!(damaged, "ÖÐ¹²ÖÐÑëÕþÖÎ¾Ö³£ÎñÎ¯Ô±»á3ÔÂ17ÈÕÕÙ¿ª»áÒé");
    assert_eq!(
        run(&damaged),
        (
            text.to_string(),
            Some("gbk read as latin-1: 1".into()),
            None
        )
    );
    // Inside good text, with ASCII letters between.
    assert_eq!(
        repaired(&format!(
            "标题：{}。",
            as_latin1("我的iPhone手机", encoding_rs::GBK)
        )),
        "标题：我的iPhone手机。"
    );
    let trad = "香港新聞2022年3月17日報道";
    assert_eq!(repaired(&as_latin1(trad, encoding_rs::BIG5)), trad);
}

#[test]
fn a_whole_gbk_document_read_as_latin1() {
    let doc = "新华社北京3月17日电\n中共中央政治局常务委员会召开会议，分析疫情形势。\n会议指出，要坚持科学精准、动态清零。\n";
    let damaged = as_latin1(doc, encoding_rs::GBK);
    let (text, kinds, _) = run(&damaged);
    assert_eq!(text, doc);
    assert_eq!(kinds.as_deref(), Some("gbk read as latin-1: 3"));
}

#[test]
fn utf8_read_through_cyrillic_code_pages() {
    let text = "中共中央政治局常务委员会";
    for enc in [
        encoding_rs::WINDOWS_1251,
        encoding_rs::KOI8_R,
        encoding_rs::KOI8_U,
        encoding_rs::IBM866,
    ] {
        let damaged = misread(text, enc);
        assert_eq!(repaired(&damaged), text, "{}: {damaged}", enc.name());
    }
    assert_eq!(misread("中", encoding_rs::IBM866), "ф╕н");
    // PTCP154 and KZ-1048, which encoding_rs lacks.
    for cp in [&PTCP154, &KZ_1048] {
        let damaged = misread_cp(text, cp);
        assert_eq!(repaired(&damaged), text, "{}: {damaged}", cp.name);
    }
    assert_eq!(
        run("дёӯе…ұдёӯеӨ®"),
        (
            "中共中央".into(),
            Some("utf-8 read as ptcp154: 1".into()),
            None
        )
    );
    assert_eq!(repaired("[зҷ»еҪ•](/login)"), "[登录](/login)");
    // Once the document is known to hold the mix-up: single characters between digits,
    // symbols, and a 0xA0 byte dropped by a converter (章 is E7 AB A0).
    assert_eq!(
        repaired("[зҷ»еҪ•](/login)\n2023е№ҙ03жңҲ В© ж–Үз«](/a)"),
        "[登录](/login)\n2023年03月 © 文章](/a)"
    );
}

#[test]
fn utf8_read_through_western_and_other_code_pages() {
    let cases = [
        ("Mám dost třetího tisíciletí", encoding_rs::ISO_8859_2),
        ("Liège Avenue de l'Hôpital", encoding_rs::WINDOWS_1250),
        (
            "Šveices baņķieri gaida konkrētus",
            encoding_rs::WINDOWS_1257,
        ),
        ("Le régime équilibré, des gâteaux", encoding_rs::MACINTOSH),
        ("Ελληνικά και Ρωσικά", encoding_rs::WINDOWS_1252),
        ("中国西藏网 即时新闻", encoding_rs::WINDOWS_1252),
    ];
    for (text, enc) in cases {
        let damaged = misread(text, enc);
        assert_ne!(damaged, text);
        assert_eq!(repaired(&damaged), text, "{}: {damaged}", enc.name());
    }
    let damaged = misread_cp("Čeština, правильное питание", &CP437);
    assert_eq!(repaired(&damaged), "Čeština, правильное питание");
    // Partly through windows-1252, partly through windows-1256.
    assert_eq!(repaired("[ç™»ه½•]"), "[登录]");
}

#[test]
fn layered_mixups() {
    let once = misread("doesn’t “quote” 中文测试", encoding_rs::WINDOWS_1252);
    let twice = misread(&once, encoding_rs::WINDOWS_1252);
    let thrice = misread(&twice, encoding_rs::WINDOWS_1252);
    assert_eq!(repaired(&twice), "doesn’t “quote” 中文测试");
    assert_eq!(repaired(&thrice), "doesn’t “quote” 中文测试");
    // windows-1252 then windows-1251.
    assert_eq!(
        repaired(&misread(
            &misread("£5.8bn", encoding_rs::WINDOWS_1252),
            encoding_rs::WINDOWS_1251
        )),
        "£5.8bn"
    );
}

#[test]
fn short_runs_inside_good_text() {
    let damaged = format!(
        "正常的开头，{}，正常的结尾。Ein {} Satz.",
        misread("损坏的中间", encoding_rs::WINDOWS_1252),
        misread("schöner", encoding_rs::WINDOWS_1252)
    );
    assert_eq!(
        repaired(&damaged),
        "正常的开头，损坏的中间，正常的结尾。Ein schöner Satz."
    );
}

#[test]
fn cesu8_c1_controls_swallowed_spaces_and_entities() {
    assert_eq!(repaired("Hi guys í\u{a0}½í¸\u{8d}"), "Hi guys 😍");
    assert_eq!(
        run("beaucoup parlé\u{85} Tu sais"),
        (
            "beaucoup parlé… Tu sais".into(),
            Some("latin-1 read as windows-1252: 1".into()),
            None
        )
    );
    assert_eq!(repaired("voilÃ le travail"), "voilà le travail");
    assert_eq!(repaired("10Î&frac14;s"), "10μs");
}

#[test]
fn lossy_damage_is_flagged_never_guessed() {
    assert_eq!(
        run("锟斤拷锟斤拷 标题"),
        (
            "锟斤拷锟斤拷 标题".into(),
            None,
            Some("2× 锟斤拷 (bytes lost to a replacement character, then read as GBK)".into())
        )
    );
    // A byte lost to U+FFFD (or `?`) inside mojibake: the rest is repaired, the lost
    // character stays U+FFFD and is flagged.
    assert_eq!(
        run("â€œlossy decodingâ€\u{FFFD}"),
        (
            "“lossy decoding\u{FFFD}".into(),
            Some("utf-8 read as windows-1252: 1".into()),
            Some("1 run(s) of U+FFFD replacement characters".into())
        )
    );
    // `?` for bytes lost when UTF-8 was read as GBK: counted, the text left as it is.
    let gbk_q = "涓?鍗庝汉姘戝叡鍜屽浗鐨勯?栭兘鏄?鍖椾含";
    assert_eq!(
        run(gbk_q),
        (
            gbk_q.into(),
            None,
            Some("3× `?` for bytes lost when UTF-8 was read as GBK".into())
        )
    );
    assert_eq!(
        repaired("upgraded to â€œbb+â€? from"),
        "upgraded to “bb+\u{FFFD} from"
    );
}

#[test]
fn pangrams_stay_byte_identical() {
    for text in [
        "Tiếng Việt có dấu: Tại sao giá hạt sầu riêng lại lên giá?",
        "Pijamalı hasta yağız şoföre çabucak güvendi; İstanbul'da ğüşıöç.",
        "Zażółć gęślą jaźń. Příliš žluťoučký kůň úpěl ďábelské ódy.",
        "Árvíztűrő tükörfúrógép. Šveices baņķieri gaida konkrētus projektus.",
        "Ξεσκεπάζω την ψυχοφθόρα βδελυγμία. Ελληνικά!",
        "Съешь же ещё этих мягких французских булок, да выпей чаю.",
        "Чуєш їх, доцю, га? Кумедна ж ти, прощайся без ґольфів!",
        "Қазақстан Республикасы — Ұлттық банк, өңір, үй, һәм іс.",
        "דג סקרן שט בים מאוכזב ולפתע מצא חברה",
        "نص حكيم له سر قاطع وذو شأن عظيم مكتوب على ثوب أخضر",
        "Voix ambiguë d'un cœur qui, au zéphyr, préfère les jattes de kiwis.",
        "Falsches Üben von Xylophonmusik quält jeden größeren Zwerg.",
        "El pingüino Wenceslao hizo kilómetros bajo exhaustiva lluvia y frío, añoraba.",
        "Kæmi ný öxi hér ykist þjófum nú bæði víl og ádrepa.",
        "いろはにほへと ちりぬるを、다람쥐 헌 쳇바퀴에 타고파。",
        "Ein Ångström (Å) sind 0,1 nm; 25 °C ± 0,5 °C; 5 × 3 ≈ 15; ½ + ¼ = ¾.",
        "中文·测试：“引号”——破折号…… 省略号、顿号；×÷±",
    ] {
        let r = filter()
            .repair(text.as_bytes(), Some("text/plain"), None)
            .expect("repairs");
        assert_eq!(r.text, text, "{text}");
    }
}

#[test]
fn good_text_stays_byte_identical() {
    for text in [
        "“数据要素×”",
        "打造“数据要素×”行动计划",
        "NESTLÉ® requiere contratar personal",
        "4288×…",
        "I'm not such a fan of Charlotte Brontë…”",
        "SELKÄ\u{a0}EDELLÄ\u{a0}MAAHAN via @YouTube",
        "MISUTÂ\u{a0}AJIKKO",
        "Offering 5×£35 pin ups",
        "Connect with Āø on Facebook",
        "ПоздравЂаво",
        "SENSЕ - Oleg Tsedryk",
        "Модель iPhoneX и Pixelбук: мixed wоrds",
        "Привет, как дела? Всё хорошо — ёлка «зелёная».",
        "Ελληνικά: η ¨ανατροφή¨",
        "受傷······」語畢",
        "中國西藏網\u{a0}>\u{a0}即時新聞·地方",
        "Größe und Maße, naïve façade, ÀÉÎÕÜ",
        "ÄÄNESTÄÄ",
        "50 µm ± 2 °C",
        "(-1/2)! = √π",
        "├┤a┼┐a┼┐a",
        "These control characters are intentional \u{81}",
    ] {
        let r = filter()
            .repair(text.as_bytes(), Some("text/plain"), None)
            .expect("repairs");
        assert_eq!(r.text, text, "{text}");
        assert!(
            r.meta.iter().all(|(k, _)| k != "repairs"),
            "{text}: {:?}",
            r.meta
        );
    }
}

#[test]
fn pangrams_misread_come_back() {
    let mut failed = Vec::new();
    for text in [
        "Tiếng Việt có dấu: Tại sao giá hạt sầu riêng lại lên giá?",
        "Pijamalı hasta yağız şoföre çabucak güvendi; İstanbul'da ğüşıöç.",
        "Zażółć gęślą jaźń. Příliš žluťoučký kůň úpěl ďábelské ódy.",
        "Ξεσκεπάζω την ψυχοφθόρα βδελυγμία. Ελληνικά!",
        "Съешь же ещё этих мягких французских булок, да выпей чаю.",
        "Чуєш їх, доцю, га? Кумедна ж ти, прощайся без ґольфів!",
        "דג סקרן שט בים מאוכזב ולפתע מצא חברה",
        "نص حكيم له سر قاطع وذو شأن عظيم مكتوب على ثوب أخضر",
        "Voix ambiguë d'un cœur qui, au zéphyr, préfère les jattes de kiwis.",
        "いろはにほへと ちりぬるを、다람쥐 헌 쳇바퀴에 타고파。",
    ] {
        for enc in [
            encoding_rs::WINDOWS_1252,
            encoding_rs::WINDOWS_1251,
            encoding_rs::WINDOWS_1250,
        ] {
            let d = misread(text, enc);
            let got = repaired(&d);
            if got != text {
                failed.push(format!("{}: {d} -> {got}", enc.name()));
            }
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// Lines of two Russian pages of the English article-extraction benchmark
/// (scrapinghub/article-extraction-benchmark, `3c6d3381…` and `ff0f958a…`) that an
/// earlier release garbled: read back as cp866 bytes, `почечная` holds `че`+0xA0 and
/// `чн`+0xA0 (祠筠), which made the page look like Chinese UTF-8 read through cp866, and
/// every word that decoded was then "repaired" (`Аткинса` → `А⪨нса`).
const RUSSIAN_PAGE_LINES: [&str; 8] = [
    "<p><u>Диета противопоказана</u>: при беременности - может неблагоприятно сказаться на ребенке, при кормлении грудью - та же причина, имеются почечная недостаточность - колебания уровня сахара и ряд других.</p>",
    "<title>Диета Аткинса (14 дней) - потеря веса до 10 кг. Отзывы</title>",
    "Средняя суточная калорийность 1694 Ккал.",
    "// Указываем браузеру, что мы сами можем управлять скроллом своего проекта.",
    "<!---->условия пользовательского соглашения</a></span></form></div>",
    "<title>Самые популярные кулинарные блоги и фудблогеры в Инстаграм по версии Wday.ru: список — www.wday.ru</title>",
    "Читайте, знакомьтесь, вдохновляйтесь и… голосуйте за понравившегося участника на последней странице!",
    "Какую кухню любите сами? Есть ли какие-то предпочтения, а может, наоборот, есть блюда или продукты, которые вам не нравятся?",
];

/// Valid text in the scripts whose letters single-byte code pages hold, alone and mixed
/// with Latin and CJK on one line.
const VALID_LINES: [&str; 12] = [
    "Москва\u{a0}— столица России; в\u{a0}2024\u{a0}году №\u{a0}1 по\u{a0}числу жителей.",
    "ВКонтакте, МГУ, НИИ, СССР и ООО «Ромашка» — шкаф, шкатулка, чашка, щука, фуражка.",
    "Україні, історії, Росії, її, моєї, ґанок, їжак, Євген.",
    "Българският език и српски језик: ђак, љубав, њива, ћерка, џеп, Ђорђе.",
    "Қазақстан Республикасы — Ұлттық банк, өңір, үй, һәм іс; Ғылым, Қала, Өнер.",
    "Ελληνικά: η Αθήνα, ο Άρης, Έλληνες, Ήλιος, Ίδρυμα, Όμηρος, Ύδρα, Ώρα, ΐ, ΰ.",
    "Беларуская мова: ўсё, Ўладзімір, дзяўчына.",
    "فارسی: کتاب، گفتگو، پژوهش، چگونه؛ اردو: ہم، ٹیکسٹ، ڈاک، ے.",
    "Москва (Moscow, 莫斯科) и Пекин (Beijing, 北京): 中文 и русский, 日本語 и English.",
    "Статья «Диета Аткинса» 2024年3月17日 — 作者 Иван Петров, iPhone 15 Pro за 99 990 ₽.",
    "Ξεσκεπάζω την ψυχοφθόρα βδελυγμία — 希腊语 and Ελληνικά in one line.",
    "шкаф шкатулка шкала фуражка чашка щука цапля хорошо ходил цитата чугун",
];

#[test]
fn valid_russian_greek_and_mixed_text_stays_byte_identical() {
    // Each line alone, and the lines of each group as one document (what a document is
    // known to hold is shared among its lines).
    let docs = RUSSIAN_PAGE_LINES
        .iter()
        .chain(VALID_LINES.iter())
        .map(|l| l.to_string())
        .chain([RUSSIAN_PAGE_LINES.join("\n"), VALID_LINES.join("\n")])
        // With no-break spaces between the words: one run of cp866 characters (0xFF),
        // judged word by word.
        .chain([RUSSIAN_PAGE_LINES.join("\n").replace(' ', "\u{a0}")])
        .chain([format!(
            "{}\n{}\n",
            RUSSIAN_PAGE_LINES.join("\n"),
            VALID_LINES.join("\n")
        )]);
    for text in docs {
        let r = filter()
            .repair(text.as_bytes(), Some("text/plain"), None)
            .expect("repairs");
        assert_eq!(r.text, text);
        assert!(
            r.meta.iter().all(|(k, _)| k != "mojibake"),
            "{text}: {:?}",
            r.meta
        );
    }
}

#[test]
fn cyrillic_mojibake_is_repaired_beside_valid_russian() {
    // Chinese UTF-8 read through PTCP154 and through cp866, with single characters that
    // read as plain lowercase words (`иөһ` is 赞, `пјү` is `）`, `дёә` is 为), a lone `В`
    // before a line end (0xC2 whose 0xA0 was dropped), and valid Russian lines around.
    let russian = RUSSIAN_PAGE_LINES[0];
    let text = "中共中央政治局常务委员会";
    let cp866 = misread(text, encoding_rs::IBM866);
    let input = format!(
        "{russian}\nдёӯе…ұдёӯеӨ® жҳҹжңҹеӣӣ\n**+1**0иөһ\nпјҲCVSS 评分пјү\n[WhatsApp дёә iPhone]\nВ\n{cp866}\n{russian}\n"
    );
    assert_eq!(
        run(&input),
        (
            format!(
                "{russian}\n中共中央 星期四\n**+1**0赞\n（CVSS 评分）\n[WhatsApp 为 iPhone]\n\u{a0}\n{text}\n{russian}\n"
            ),
            Some("utf-8 read as ptcp154: 7; utf-8 read as cp866: 1".into()),
            None
        )
    );
}
