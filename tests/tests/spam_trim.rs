//! spam-trim through the real `wenku` binary and plugin libraries, on the seeds (expected
//! outputs in tests/data/expected/spam-trim) and on spam shapes built here.

use std::path::Path;

use wenku_tests::{data_dir, run, seeds_dir, wenku};

fn filter(with: &str, input: &[u8]) -> wenku_tests::Run {
    let mut c = wenku(Path::new("/nonexistent/archive"));
    c.args(["filter", "--with", with]);
    run(c, input)
}

fn seed(n: &str) -> Vec<u8> {
    std::fs::read(seeds_dir().join(n)).unwrap()
}

fn expected(n: &str) -> String {
    std::fs::read_to_string(data_dir().join(format!("expected/spam-trim/{n}"))).unwrap()
}

fn trimmed(with: &str, input: &[u8]) -> String {
    let r = filter(with, input);
    assert_eq!(r.code, 0, "{}", r.stderr);
    String::from_utf8(r.stdout).unwrap()
}

#[test]
fn seed_000_gives_every_paragraph_and_both_captions() {
    let out = trimmed("spam-trim", &seed("000_494a2534e3f5ba18.txt"));
    assert_eq!(out, expected("000.only.txt"));
    assert!(
        !out.contains('<') && !out.contains("title:") && !out.contains("---"),
        "markup or front matter left"
    );
    assert!(out.starts_with("近期全国本土聚集性疫情呈现点多、面广、频发的特点。"));
    assert!(out.contains("\n2022 年 3 月 7 日，上海，社区内，医护人员给市民做核酸检测采样。\n"));
    assert!(out.contains("\n2022 年 3 月 16 日，甘肃省陇西县党员干部群众主动请缨"));
    assert!(out.ends_with("（中央广播电视总台央视网）\n"));
    assert_eq!(out.matches("\n要").count(), 13, "every 要… paragraph");
}

#[test]
fn seed_002_gives_the_title_through_the_byline_and_no_junk() {
    let out = trimmed("spam-trim", &seed("002_d66d1dd5df9fb961.txt"));
    assert_eq!(out, expected("002.only.txt"));
    assert!(out.starts_with("切實做到守土有責守土盡責\n\n  疫情就是命令,防控就是責任。"));
    assert!(out.ends_with("最大限度減少疫情對經濟社會發展的影響。(仲音)\n"));
    for junk in [
        "責任編輯",
        "關鍵詞",
        "+1",
        "新聞評論",
        "為你推薦",
        "加載更多",
        "0200200301",
        "无码",
        "閱讀正文",
        "來源:",
    ] {
        assert!(!out.contains(junk), "002 still has {junk}");
    }
}

#[test]
fn seed_003_keeps_its_articles() {
    let input = String::from_utf8(seed("003_4c023f02afb06f96.txt")).unwrap();
    let out = trimmed("spam-trim", input.as_bytes());
    assert_eq!(out, expected("003.only.txt"));
    let kept = out.chars().filter(|c| !c.is_whitespace()).count() as f64;
    let all = input.chars().filter(|c| !c.is_whitespace()).count() as f64;
    assert!(kept / all >= 0.97, "kept {:.1}%", kept / all * 100.0);
    for byline in ["据新华社", "(顾辉 明庭舒)", "(王拓 崔骏)", "(记者 胡建伟)"] {
        assert!(out.contains(byline), "{byline}");
    }
}

#[test]
fn seed_004_after_encoding_repair_gives_title_and_body() {
    let out = trimmed(
        "encoding-repair,spam-trim",
        &seed("004_3dc92560bcc8998f.txt"),
    );
    assert_eq!(out, expected("004.txt"));
    assert!(out.starts_with("進一步強化常態化精準防控\n\n疫情散發敲響警鐘，強化防控刻不容緩。"));
    assert!(out.ends_with("奠定堅實基礎。(徐補生)\n"));
    for junk in [
        "<",
        "utfaj",
        "中國西藏網\u{a0}>",
        "發布時間",
        "責編",
        "版權聲明",
        "国产精品",
        "(shí)",
    ] {
        assert!(!out.contains(junk), "004 still has {junk}");
    }
}

#[test]
fn spam_is_judged_by_evidence() {
    let article = "警方近日查处了一批涉及色情和赌博的网站，依法严惩相关人员。\n";
    assert_eq!(
        trimmed("spam-trim", article.as_bytes()),
        article,
        "a sentence that mentions spam words stays"
    );
    let before = format!("无码人妻,中文字幕,国产精品,亚洲欧美,久久久久\n{article}");
    assert_eq!(trimmed("spam-trim", before.as_bytes()), article);
    let inline =
        "日韩精品-无码专区-人妻系列-国产自拍-在线视频 本公司成立于二〇〇八年，专业生产五金配件。\n";
    assert_eq!(
        trimmed("spam-trim", inline.as_bytes()),
        "本公司成立于二〇〇八年，专业生产五金配件。\n"
    );
}

#[test]
fn a_spam_only_record_is_dropped_with_a_reason() {
    let page = "日韩精品人妻系列无码专区 | 欧美日韩中文字幕| 亚洲美日韩Av中文字幕无码久久久妻妇| 久久午夜无码鲁丝片秋霞| 国产成人A人亚洲精品无码|\n";
    let r = filter("spam-trim", page.as_bytes());
    assert_eq!(r.code, 0);
    assert_eq!(r.stdout, b"");
    assert!(
        r.stderr
            .starts_with("stdin: dropped by spam-trim: SEO spam only ("),
        "{}",
        r.stderr
    );
}

#[test]
fn html_pages_lose_their_template() {
    let html = "<!DOCTYPE html><html><head><title>新闻标题 - 某网</title><script>var a = '<p>不要</p>';</script></head><body>\
<div class=\"nav\"><a href=\"/\">首页</a><a href=\"/a\">国内</a><a href=\"/b\">国际</a></div>\
<div class=\"breadcrumb\">首页 &gt; 新闻 &gt; 国内</div>\
<div id=\"content\"><h1>新闻标题</h1><p>第一段新闻内容，记者报道。</p><figure><img src=\"x.jpg\" alt=\"现场照片显示救援人员\"><figcaption>图为救援现场。</figcaption></figure>\
<p>第二段&ldquo;引用&rdquo;内容。</p><p>（记者 张三）</p></div>\
<div class=\"share\">分享到：微信 微博</div><div class=\"footer\">Copyright © 2022 某网 版权所有</div></body></html>";
    let out = trimmed("spam-trim", html.as_bytes());
    assert_eq!(out, "新闻标题\n\n第一段新闻内容，记者报道。\n\n现场照片显示救援人员\n\n图为救援现场。\n\n第二段“引用”内容。\n\n（记者 张三）\n");
}
