//! Archive-aware cleaning through the real binary and plugin libraries: boilerplate
//! learned from the archive's statistics, stub pages, platform interface text, pinned
//! statistics in snapshots, metadata converted with the text, ABI 1.0 plugins, programs
//! whose common lines stay.

use std::path::Path;

use wenku_tests::{fixture_dir, wk};

/// Document `i` of a generated site: a title, two unique paragraphs, an appeal line
/// every page carries, a sentence that quotes the appeal in a third of the pages, and
/// the site's slogan at the end.
fn site_doc(i: usize) -> String {
    let quote = if i.is_multiple_of(3) {
        format!(
            "第{i}篇的评论员说：“请订阅我们的通讯，支持独立新闻。”这句话在句子里面，不能删。\n\n"
        )
    } else {
        String::new()
    };
    format!(
        "第{i}篇文章的标题：某地发生的第{i}件新闻事件引起关注\n\n\
         这是第{i}篇文章的第一段，记者报道了当天发生的事情，内容与别篇各不相同。\n\n\
         请订阅我们的通讯，支持独立新闻。\n\n\
         {quote}这是第{i}篇文章的第二段，说明事件的后续发展和各方的回应。\n\n\
         王小明的新闻小站，每日更新\n"
    )
}

fn write(dir: &Path, name: &str, text: &str) {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

fn enable(a: &Path, plugins: &[&str]) {
    for p in plugins {
        let r = wk(a, &["plugin", "enable", p]);
        assert_eq!(r.code, 0, "{}", r.stderr);
    }
}

#[test]
fn lines_repeated_across_a_source_go_and_phrases_inside_sentences_stay() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    for i in 0..40 {
        write(&input, &format!("site/{i:02}.txt"), &site_doc(i));
    }
    let a = tmp.path().join("a");
    assert_eq!(wk(&a, &["import", input.to_str().unwrap()]).code, 0);
    enable(&a, &["spam-trim"]);
    let r = wk(&a, &["cat", "site/03.txt"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout_str(),
        "第3篇文章的标题：某地发生的第3件新闻事件引起关注\n\n\
         这是第3篇文章的第一段，记者报道了当天发生的事情，内容与别篇各不相同。\n\n\
         第3篇的评论员说：“请订阅我们的通讯，支持独立新闻。”这句话在句子里面，不能删。\n\n\
         这是第3篇文章的第二段，说明事件的后续发展和各方的回应。\n"
    );
    // Without the statistics (a record from stdin), the same text keeps its boilerplate.
    let mut c = wenku_tests::wenku(&a);
    c.args(["filter", "--with", "spam-trim"]);
    let r = wenku_tests::run(c, site_doc(3).as_bytes());
    assert!(r
        .stdout_str()
        .contains("\n请订阅我们的通讯，支持独立新闻。\n"));
    // The export names each record's source and counts what went.
    let first = &wenku_tests::export_jsonl(&a, tmp.path(), &[])[0];
    assert_eq!(first["metadata"]["corpus_source"], "site");
    assert_eq!(first["metadata"]["repeated_lines"], "2");
    // The settings turn it off.
    let r = wk(
        &a,
        &[
            "plugin",
            "enable",
            "spam-trim",
            "--set",
            "repeated_lines=false",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(wk(&a, &["cat", "site/03.txt"])
        .stdout_str()
        .ends_with("后续发展和各方的回应。\n\n王小明的新闻小站，每日更新\n"));
}

/// A column's bio, under each of its articles (15 documents of the source: fewer than
/// the 20 that make a line boilerplate anywhere).
const BIO: &str =
    "【老王・周末杂谈】作者是资深新闻工作者，曾任多家报馆编辑，每周末在此专栏谈谈时事与生活。";

/// The paragraphs three versions of one report share.
const SHARED: [&str; 3] = [
    "台风昨晚在本市东南沿海登陆，最高风速每小时一百五十公里，全市停课停工，多区出现水浸和塌树，消防处接获数百宗报告。",
    "天文台表示，台风登陆后会逐渐减弱，但未来两天仍有大雨，市民应留在安全地方，避免前往海边和低洼地区，注意最新的天气消息。",
    "政府发言人说，各部门已经启动紧急应变机制，临时庇护中心开放予有需要的市民，至今有约三百人入住，暂时未有人命伤亡的报告。",
];

/// Document `i` of a column (`i` < 12) or version `i - 12` of one report (`i` in
/// 12..15), each with the bio at its end; documents 15.. are news without it.
fn column_doc(i: usize) -> String {
    match i {
        0..12 => format!(
            "第{i}篇专栏：周末谈谈这个星期看到的第{i}个新闻话题和想法\n\n\
             这是第{i}篇专栏的第一段，作者谈到这个星期看到的新闻和自己的想法，每篇内容各不相同。\n\n\
             这是第{i}篇专栏的第二段，作者回忆起以前在报馆工作时遇到的人和事，也和读者分享心得。\n\n{BIO}\n"
        ),
        12..15 => format!(
            "台风登陆本市　全市停课停工\n\n{}\n\n\
             第{}次更新：记者在现场看到，东区有大树倒塌压毁多辆私家车，警方封锁附近道路，清理工作仍在进行。\n\n{}\n\n{}\n\n{BIO}\n",
            SHARED[0],
            i - 11,
            SHARED[1],
            SHARED[2]
        ),
        _ => format!(
            "第{i}则新闻的标题\n\n第{i}则新闻的内容，记者报道了当天发生的事情，与其他新闻各不相同，没有专栏作者的简介。\n"
        ),
    }
}

#[test]
fn bios_go_and_the_paragraphs_versions_of_a_report_share_stay() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    for i in 0..25 {
        write(&input, &format!("news/{i:02}.txt"), &column_doc(i));
    }
    let a = tmp.path().join("a");
    assert_eq!(wk(&a, &["import", input.to_str().unwrap()]).code, 0);
    enable(&a, &["spam-trim"]);
    let r = wk(&a, &["cat", "news/03.txt"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout_str(),
        "第3篇专栏：周末谈谈这个星期看到的第3个新闻话题和想法\n\n\
         这是第3篇专栏的第一段，作者谈到这个星期看到的新闻和自己的想法，每篇内容各不相同。\n\n\
         这是第3篇专栏的第二段，作者回忆起以前在报馆工作时遇到的人和事，也和读者分享心得。\n"
    );
    // The second version: the heading and paragraphs three documents hold are the
    // report's own text (its copies hold them), the bio is not.
    let r = wk(&a, &["cat", "news/13.txt"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout_str(),
        format!(
            "台风登陆本市　全市停课停工\n\n{}\n\n\
             第2次更新：记者在现场看到，东区有大树倒塌压毁多辆私家车，警方封锁附近道路，清理工作仍在进行。\n\n{}\n\n{}\n",
            SHARED[0], SHARED[1], SHARED[2]
        )
    );
}

/// What every page of the live-report site carries at its end.
const FOOTER: &str = "本站所有文章版权所有，转载请注明出处，欢迎订阅我们的每周通讯。";

/// The older entries of a live report, which its three versions all hold: one between
/// entries of each version's own, one (with its photo's caption) at the end.
const ENTRY_B: &str = "十二时二十五分，律政司覆核失败，法官批准第二名申请人按原有条件保释，他须每周四次到警署报到，不得离港并交出所有旅游证件。";
const ENTRY_A: &str = "十时正开庭，高院先处理律政司就第一名申请人提出的保释覆核，申请人由资深大律师代表，开庭前他不时望向旁听席，约有二十名公众人士旁听。";
const CAPTION: &str = "法院外停泊约十辆警车。记者摄";

/// A paragraph of document `i`'s own.
fn own_paragraph(i: usize, k: usize) -> String {
    format!("第{i}篇的第{k}段，记者在现场看到的情况，说了很多很多的事情，这一段是这篇文章自己的内容，别的文章都没有；记者又访问了在场的市民，他们各有各的看法。")
}

/// Document `i` of a site: a column with its columnist's bio under the site's footer
/// (`i` < 12), version `i - 11` of a live report (`i` in 12..15), news of its own.
fn live_site_doc(i: usize) -> String {
    let own = |ks: std::ops::Range<usize>| {
        ks.map(|k| own_paragraph(i, k))
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    match i {
        0..12 => format!(
            "第{i}篇专栏：周末谈谈这个星期在法庭里看到的第{i}宗案件\n\n{}\n\n{FOOTER}\n\n【小李・法庭内外】作者是资深法庭记者，每周在此专栏谈谈法庭内外的人和事。\n",
            own(1..4)
        ),
        12..15 => format!(
            "保释覆核文字直播：律政司就三名申请人的保释提出覆核（第{}次更新）\n\n{}\n\n{ENTRY_B}\n\n{}\n\n{ENTRY_A}\n\n{CAPTION}\n\n{FOOTER}\n",
            i - 11,
            own(1..4),
            own(4..7)
        ),
        _ => format!("第{i}则新闻：某地发生的第{i}件新闻事件引起关注\n\n{}\n\n{FOOTER}\n", own(1..3)),
    }
}

#[test]
fn a_live_reports_older_entries_stay_at_its_end_and_a_bio_goes() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    for i in 0..25 {
        write(&input, &format!("live/{i:02}.txt"), &live_site_doc(i));
    }
    let a = tmp.path().join("a");
    assert_eq!(wk(&a, &["import", input.to_str().unwrap()]).code, 0);
    enable(&a, &["spam-trim"]);
    let r = wk(&a, &["cat", "live/05.txt"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout_str(),
        format!(
            "第5篇专栏：周末谈谈这个星期在法庭里看到的第5宗案件\n\n{}\n\n{}\n\n{}\n",
            own_paragraph(5, 1),
            own_paragraph(5, 2),
            own_paragraph(5, 3)
        )
    );
    // The newest version: the older entries at its end are held by three documents,
    // as the bio is by twelve, but a paragraph inside it is held by as many: they are
    // the report's text; the footer goes.
    let r = wk(&a, &["cat", "live/14.txt"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let own: Vec<String> = (1..7).map(|k| own_paragraph(14, k)).collect();
    assert_eq!(
        r.stdout_str(),
        format!(
            "保释覆核文字直播：律政司就三名申请人的保释提出覆核（第3次更新）\n\n{}\n\n{ENTRY_B}\n\n{}\n\n{ENTRY_A}\n\n{CAPTION}\n",
            own[..3].join("\n\n"),
            own[3..].join("\n\n")
        )
    );
}

const WECHAT_FRONT: &str =
    "---\ntitle: 标题\nurl: https://mp.weixin.qq.com/s?__biz=MzA5&mid=1\nsource: 某公众号\n---\n\n";

#[test]
fn a_page_of_its_title_and_the_sites_boilerplate_is_dropped() {
    // A test page of the site: its title, then the appeal and the slogan every page has.
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    for i in 0..40 {
        write(&input, &format!("site/{i:02}.txt"), &site_doc(i));
    }
    write(
        &input,
        "site/demo.md",
        "---\ntitle: adbox demo\n---\n\n# adbox demo\n\n请订阅我们的通讯，支持独立新闻。\n\n王小明的新闻小站，每日更新\n",
    );
    assert_eq!(
        dropped(tmp.path(), &input, "site/demo.md"),
        "site/demo.md@1: dropped by spam-trim: no article text: 1 short line, not a sentence (title, menus or interface)"
    );
}

/// The files under `input` imported into an archive in `tmp` with spam-trim enabled:
/// what `cat KEY` says on stderr, the document being dropped (nothing on stdout).
fn dropped(tmp: &Path, input: &Path, key: &str) -> String {
    let a = tmp.join("a");
    assert_eq!(wk(&a, &["import", input.to_str().unwrap()]).code, 0);
    enable(&a, &["spam-trim"]);
    let r = wk(&a, &["cat", key]);
    assert_eq!((r.code, r.stdout_str()), (0, String::new()), "{key}");
    r.stderr.trim_end().to_string()
}

#[test]
fn stub_pages_are_dropped_with_their_reason() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    let stubs = [
        ("captcha.md", format!("{WECHAT_FRONT}## 环境异常\n\n当前环境异常，完成验证后即可继续访问。\n\n去验证\n\n：\n，\n。\n\n视频\n小程序\n赞\n，轻点两下取消赞\n在看\n，轻点两下取消在看\n")),
        ("deleted.md", format!("{WECHAT_FRONT}该内容已被发布者删除\n\n[微信公众平台运营中心](https://mp.weixin.qq.com/webpoc/ruleCenter?type=oa)\n")),
        ("interface.md", format!("{WECHAT_FRONT}：\n，\n。\n\n视频\n小程序\n赞\n，轻点两下取消赞\n在看\n，轻点两下取消在看\n")),
        ("x.md", "---\ntitle: A post\nurl: https://twitter.com/someone/status/1\n---\n\n# JavaScript 不可用。\n\nWe’ve detected that JavaScript is disabled in this browser. Please enable JavaScript or switch to a supported browser to continue using x.com.\n\nSomething went wrong, but don’t fret — let’s give it another shot.\n\nTry again\n".to_string()),
        ("loader.html", "<html><head><title>请稍候</title></head><body><p>正在验证您的请求，请稍候……</p></body></html>".to_string()),
        ("xianzhi.md", "---\ntitle: house of huck 心得体会\nurl: https://xz.aliyun.com/t/12304\nsource: 先知安全技术社区\n---\n\n# house of huck 心得体会\n\n{\"l1\":\"var arg1='5fcda37ccaeb75435ab93690bbf4181d020241ea06ee9b9520';\"}\n".to_string()),
        // A post behind a password (cnblogs).
        ("locked.md", "---\ntitle: 记一次某省HW渗透测试经历 - 渗透测试中心\nurl: https://www.cnblogs.com/backlion/p/18185910\n---\n\n# 记一次某省HW渗透测试经历 - 渗透测试中心\n\n[博客园](https://www.cnblogs.com/)：当前访问的博文已被密码保护\n\n请输入阅读密码:\n".to_string()),
    ];
    for (name, text) in &stubs {
        write(&input, name, text);
    }
    let a = tmp.path().join("a");
    assert_eq!(wk(&a, &["import", input.to_str().unwrap()]).code, 0);
    enable(&a, &["spam-trim"]);
    let mut reasons = Vec::new();
    for (name, _) in &stubs {
        let r = wk(&a, &["cat", name]);
        assert_eq!((r.code, r.stdout_str()), (0, String::new()), "{name}");
        reasons.push(r.stderr.trim_end().to_string());
    }
    assert_eq!(
        reasons,
        [
            "captcha.md@1: dropped by spam-trim: stub page (captcha): 当前环境异常，完成验证后即可继续访问",
            "deleted.md@1: dropped by spam-trim: stub page (deleted): 该内容已被发布者删除",
            "interface.md@1: dropped by spam-trim: stub page (interface only): nothing but wechat interface text",
            "x.md@1: dropped by spam-trim: stub page (javascript): JavaScript 不可用",
            "loader.html@1: dropped by spam-trim: stub page (loader): 正在验证您的请求",
            "xianzhi.md@1: dropped by spam-trim: stub page (loader): {\"l1\":\"var arg1='",
            "locked.md@1: dropped by spam-trim: stub page (login): 当前访问的博文已被密码保护",
        ]
    );
}

#[test]
fn platform_interface_text_is_removed_inside_an_article() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    let article = format!(
        "{WECHAT_FRONT}原创\n\n轻触查看原文\n\n\
         第一段：研究人员披露了一个新的漏洞，影响多个版本的软件。\n\n\
         视频\n小程序\n赞\n，轻点两下取消赞\n在看\n，轻点两下取消在看\n\n\
         第二段：厂商已经发布了补丁，建议用户尽快升级。\n\n\
         预览时标签不可点\n\n微信扫一扫\n关注该公众号\n\n继续滑动看下一个\n\n轻触阅读原文\n\n知道了\n"
    );
    write(&input, "wx/article.md", &article);
    let a = tmp.path().join("a");
    assert_eq!(wk(&a, &["import", input.to_str().unwrap()]).code, 0);
    enable(&a, &["spam-trim"]);
    let r = wk(&a, &["cat", "wx/article.md"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout_str(),
        "第一段：研究人员披露了一个新的漏洞，影响多个版本的软件。\n\n第二段：厂商已经发布了补丁，建议用户尽快升级。\n"
    );
}

/// Document `i` of a source, with the site's repeated line when `notice`.
fn grow_doc(i: usize, notice: bool) -> String {
    format!(
        "第{i}篇报道的正文，讲述了这一天里发生的一件与众不同的事情。\n\n{}这是第{i}篇报道的结尾段落，记者在现场看到的情况各不相同。\n",
        if notice { "本站每日更新，欢迎常来看看。\n\n" } else { "" }
    )
}

#[test]
fn a_snapshot_exports_the_same_bytes_after_new_imports_change_the_statistics() {
    let tmp = tempfile::tempdir().unwrap();
    let first = tmp.path().join("first");
    for i in 0..25 {
        write(&first, &format!("grow/{i:02}.txt"), &grow_doc(i, i < 12));
    }
    let a = tmp.path().join("a");
    assert_eq!(wk(&a, &["import", first.to_str().unwrap()]).code, 0);
    enable(&a, &["spam-trim"]);
    assert_eq!(wk(&a, &["snapshot", "create", "s1"]).code, 0);
    let export = |name: &str, snapshot: bool| {
        let out = tmp.path().join(name);
        let mut args = vec!["export", "--out", out.to_str().unwrap()];
        if snapshot {
            args.extend(["--snapshot", "s1"]);
        }
        let r = wk(&a, &args);
        assert_eq!(r.code, 0, "{}", r.stderr);
        out
    };
    let before = export("before", true);
    // 12 of 25 documents hold the notice: under the threshold of 20, it stays.
    assert_eq!(
        std::fs::read_to_string(before.join("grow/00.txt")).unwrap(),
        grow_doc(0, true)
    );
    // 25 more documents of the same source, all with the notice: now 37 hold it.
    let second = tmp.path().join("second");
    for i in 25..50 {
        write(&second, &format!("grow/{i:02}.txt"), &grow_doc(i, true));
    }
    assert_eq!(wk(&a, &["import", second.to_str().unwrap()]).code, 0);
    let live = export("live", false);
    assert_eq!(
        std::fs::read_to_string(live.join("grow/00.txt")).unwrap(),
        grow_doc(0, false)
    );
    let after = export("after", true);
    for i in 0..25 {
        let name = format!("grow/{i:02}.txt");
        assert_eq!(
            std::fs::read(before.join(&name)).unwrap(),
            std::fs::read(after.join(&name)).unwrap(),
            "{name}"
        );
    }
    assert!(!after.join("grow/30.txt").exists());
}

#[test]
fn script_convert_converts_metadata_with_the_text() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    write(
        &input,
        "a.md",
        "---\ntitle: \"國安法騙案\"\ntags:\n  - \"網絡騙案\"\n  - \"電話騙案\"\ncategory: \"眾聞\"\n---\n\n婦人被指洗黑錢，損失逾百萬元。\n",
    );
    let a = tmp.path().join("a");
    assert_eq!(wk(&a, &["import", input.to_str().unwrap()]).code, 0);
    enable(&a, &["spam-trim", "script-convert"]);
    let rec = &wenku_tests::export_jsonl(&a, tmp.path(), &[])[0];
    assert_eq!(rec["text"], "妇人被指洗黑钱，损失逾百万元。\n");
    let m = &rec["metadata"];
    assert_eq!(
        (
            m["title"].as_str(),
            m["category"].as_str(),
            m["script"].as_str(),
            m["script_input"].as_str()
        ),
        (Some("国安法骗案"), Some("众闻"), Some("Hans"), Some("Hant"))
    );
    assert!(m["tags"].as_str().unwrap().contains("网络骗案"), "{m}");
}

#[test]
fn an_abi_1_0_plugin_still_loads_beside_1_1_plugins() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a");
    let dir = fixture_dir().to_str().unwrap().to_string();
    let mut c = wenku_tests::wenku(&a);
    c.args(["--plugin-dir", &dir, "--json", "plugin", "info", "c-upper"]);
    let r = wenku_tests::run(c, b"");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.json()["abi"], "1.0");
    let mut c = wenku_tests::wenku(&a);
    c.args([
        "--plugin-dir",
        &dir,
        "filter",
        "--with",
        "spam-trim,c-upper",
    ]);
    let r = wenku_tests::run(c, "hello 世界\n".as_bytes());
    assert_eq!(
        (r.code, r.stdout_str()),
        (0, "HELLO 世界\n".to_string()),
        "{}",
        r.stderr
    );
    let mut c = wenku_tests::wenku(&a);
    c.args(["--json", "plugin", "info", "spam-trim"]);
    assert_eq!(wenku_tests::run(c, b"").json()["abi"], "1.1");
}

/// Document `i` of a site whose menu is written one item a line (Markdown joins the
/// items into one line) and whose first paragraph is hard-wrapped, with the site's
/// appeal as its middle line.
fn menu_doc(i: usize) -> String {
    format!(
        "第{i}篇文章的标题：某地发生的第{i}件新闻事件引起关注\n\n\
         首页\n新闻\n专栏\n关于我们\n\n\
         这是第{i}篇文章的第一段，记者报道了当天发生的事情，内容与别篇各不相同，\n\
         请订阅我们的通讯，支持独立新闻\n\
         这一行是第{i}篇文章自己的文字，句子到这里才结束。\n\n\
         这是第{i}篇文章的第二段，说明事件的后续发展和各方的回应。\n"
    )
}

#[test]
fn a_menu_markdown_joins_goes_and_a_wrapped_paragraph_stays_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    for i in 0..40 {
        write(&input, &format!("menu/{i:02}.md"), &menu_doc(i));
    }
    let a = tmp.path().join("a");
    assert_eq!(wk(&a, &["import", input.to_str().unwrap()]).code, 0);
    enable(&a, &["spam-trim"]);
    let r = wk(&a, &["cat", "menu/03.md"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout_str(),
        "第3篇文章的标题：某地发生的第3件新闻事件引起关注\n\n\
         这是第3篇文章的第一段，记者报道了当天发生的事情，内容与别篇各不相同，\
         请订阅我们的通讯，支持独立新闻\
         这一行是第3篇文章自己的文字，句子到这里才结束。\n\n\
         这是第3篇文章的第二段，说明事件的后续发展和各方的回应。\n"
    );
    // Without the statistics (a record from stdin), the menu stays.
    let mut c = wenku_tests::wenku(&a);
    c.args(["filter", "--with", "spam-trim"]);
    let r = wenku_tests::run(c, menu_doc(3).as_bytes());
    let out = r.stdout_str();
    let lines: Vec<&str> = out.lines().skip(2).take(4).collect();
    assert_eq!(lines, ["首页", "新闻", "专栏", "关于我们"]);
}

#[test]
fn a_packet_storm_lockout_page_is_dropped_as_a_stub() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    write(
        &input,
        "ps/lockout.md",
        "---\ntitle: Nexxt Router Firmware 42.103.1.5095 Remote Code Execution\n\
         url: https://packetstormsecurity.com/files/170366/CVE-2022-44149.py.txt\n---\n\n\
         # Nexxt Router Firmware 42.103.1.5095 Remote Code Execution\n\n\
         [![](/logos/smalllogobeta.webp)](/)\n\n* files\n* news\n* users\n* cve\n\n\
         LOCKED OUT\n\n⛔ 24 hour lockout initiated\n\n\
         hi. we regret to inform you that a condition has occurred that has resulted in a 24 hour lockout. \
         this occurs when rate limiting controls are exceeded or when someone attempts to hack the system \
         but fails too many times. we wish you luck in your future attempts tomorrow.\n",
    );
    assert_eq!(
        dropped(tmp.path(), &input, "ps/lockout.md"),
        "ps/lockout.md@1: dropped by spam-trim: stub page (blocked): 24 hour lockout initiated"
    );
}

/// Page `i` of a programming blog: its own paragraph and program, whose lines `}`,
/// `return;` and `} else {` every page's program holds, and the blog's appeal.
fn code_doc(i: usize) -> String {
    format!(
        "<html><head><title>Tip {i}: early returns</title></head><body><article><h1>Tip {i}: early returns</h1>\n\
         <p>Tip number {i} shows how an early return keeps the function number {i} flat and easy to read for everyone.</p>\n\
         <pre><code>fn check_{i}(x: u32) {{\n    if x == {i} {{\n        return;\n    }} else {{\n        println!(\"{i}\");\n    }}\n}}\n</code></pre>\n\
         <p>Subscribe to the newsletter for a new tip every week.</p></article></body></html>\n"
    )
}

#[test]
fn a_programs_lines_that_every_page_holds_stay_and_the_sites_appeal_goes() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    for i in 0..40 {
        write(&input, &format!("blog/{i:02}.html"), &code_doc(i));
    }
    let a = tmp.path().join("a");
    assert_eq!(wk(&a, &["import", input.to_str().unwrap()]).code, 0);
    enable(&a, &["spam-trim"]);
    let r = wk(&a, &["cat", "blog/07.html"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout_str(),
        "Tip 7: early returns\n\n\
         Tip number 7 shows how an early return keeps the function number 7 flat and easy to read for everyone.\n\n\
         fn check_7(x: u32) {\n    if x == 7 {\n        return;\n    } else {\n        println!(\"7\");\n    }\n}\n"
    );
}

/// Page `i` of a small site whose sidebar (a blurb and its latest headline) stands in the
/// middle of every page, between the page's own paragraphs.
fn small_site_doc(i: usize) -> String {
    format!(
        "---\ntitle: 第{i}期安全资讯汇总\n---\n\n# 第{i}期安全资讯汇总\n\n\
         这是第{i}期的第一段，编辑介绍了本期收录的文章和它们的作者，内容与别期各不相同。\n\n\
         安全沙漏是一个专注安全领域的数据交流平台，安全研究人员可以基于此平台分享各类科研数据。\n\n\
         2025-09-26输入法云控下发恶意模块分析 ourren || discuss\n\n\
         **Author:**\n\n\
         这是第{i}期的第二段，编辑点评了第{i}期里最值得一读的一篇文章。\n"
    )
}

#[test]
fn a_line_every_page_of_a_small_source_holds_goes_from_five_pages_on() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    for i in 0..7 {
        write(&input, &format!("small/{i:02}.md"), &small_site_doc(i));
    }
    let a = tmp.path().join("a");
    assert_eq!(wk(&a, &["import", input.to_str().unwrap()]).code, 0);
    enable(&a, &["spam-trim"]);
    let r = wk(&a, &["cat", "small/03.md"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // The label stays (its emphasis too): a page's own data follows it as often as not.
    assert_eq!(
        r.stdout_str(),
        "第3期安全资讯汇总\n\n\
         这是第3期的第一段，编辑介绍了本期收录的文章和它们的作者，内容与别期各不相同。\n\n\
         Author:\n\n\
         这是第3期的第二段，编辑点评了第3期里最值得一读的一篇文章。\n"
    );
    // Four pages are too few to tell the site's lines from what its pages share.
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    for i in 0..4 {
        write(&input, &format!("small/{i:02}.md"), &small_site_doc(i));
    }
    let a = tmp.path().join("a");
    assert_eq!(wk(&a, &["import", input.to_str().unwrap()]).code, 0);
    enable(&a, &["spam-trim"]);
    let r = wk(&a, &["cat", "small/03.md"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout_str(),
        "第3期安全资讯汇总\n\n\
         这是第3期的第一段，编辑介绍了本期收录的文章和它们的作者，内容与别期各不相同。\n\n\
         安全沙漏是一个专注安全领域的数据交流平台，安全研究人员可以基于此平台分享各类科研数据。\n\n\
         2025-09-26输入法云控下发恶意模块分析 ourren || discuss\n\n\
         Author:\n\n\
         这是第3期的第二段，编辑点评了第3期里最值得一读的一篇文章。\n"
    );
}

/// Post `i` of a security blog: the site's menu of products (a line describing each),
/// the post's banner image, a category link, the title and three paragraphs.
fn blog_post(i: usize) -> String {
    format!(
        "---\ntitle: Case {i} recovered from a business email compromise attack\n---\n\n\
         # Case {i} recovered from a business email compromise attack\n\n\
         * Personal\n\n  [**Explore all free tools**](https://s.example.com/free-tools)\n\n  \
         Find the right cyberprotection for you\n\n  [**Compare plans and pricing**](https://s.example.com/pricing)\n\
         * Business\n\n  **[Teams](https://s.example.com/teams)**\n\n  \
         Protect small and home offices with no IT expertise needed\n\n  \
         **[ThreatDown](https://s.example.com/threatdown)**\n\n  \
         Award-winning endpoint security for small and medium businesses\n\n\
         ![A computer mouse and fishing hook number {i}](https://s.example.com/uploads/{i}.jpg?w=736)\n\n\
         [News](https://s.example.com/blog/category/news)\n\n\
         # Case {i} recovered from a business email compromise attack\n\n\
         We continue to see the damage of business email compromise in case {i}, across the US and elsewhere.\n\n\
         The local paper reports that the police seized {i} thousand dollars that scammers had taken from a school district.\n\n\
         An email sent to district {i} asked for the money to go to a new bank account, and it did.\n"
    )
}

#[test]
fn a_banners_alt_text_over_the_title_goes_once_the_menus_are_learned() {
    // The menus go as lines the archive repeats; the banner's alt text, which no other
    // post shares, opened the cleaned post over its title.
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    for i in 0..20 {
        write(&input, &format!("blog/{i:02}.md"), &blog_post(i));
    }
    let a = tmp.path().join("a");
    assert_eq!(wk(&a, &["import", input.to_str().unwrap()]).code, 0);
    enable(&a, &["spam-trim"]);
    let r = wk(&a, &["cat", "blog/07.md"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout_str(),
        "Case 7 recovered from a business email compromise attack\n\n\
         We continue to see the damage of business email compromise in case 7, across the US and elsewhere.\n\n\
         The local paper reports that the police seized 7 thousand dollars that scammers had taken from a school district.\n\n\
         An email sent to district 7 asked for the money to go to a new bank account, and it did.\n"
    );
}
