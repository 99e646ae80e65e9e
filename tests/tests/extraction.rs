//! Main-content extraction through the real `wenku` binary and spam-trim library: pages
//! without an article dropped with their reason, titles said once, gallery captions kept
//! once without their credits, digests kept whole, other articles' excerpts left out, a
//! title heading outside the article's run said once, release notes of a GitHub page, an
//! aggregator's excerpt and dateline before the text they repeat, a README of one
//! sentence that keeps its page, a page's menu lines before its title and the article
//! after its table of contents, a podcast's description and episode links around its
//! reference list, an exploit over the site's dialogs, a page's one `h1` as its headline
//! and the deck under it, a forum thread read from its `<noscript>`, and folded answers
//! and streamed parts of a page kept, and a forum's posts kept where its page names
//! their box for comments or makes each an `article`.

use std::path::Path;

use wenku_tests::{run, wenku};

fn filter(input: &str, settings: &[&str]) -> wenku_tests::Run {
    let mut c = wenku(Path::new("/nonexistent/archive"));
    c.args(["filter", "--with", "spam-trim"]);
    for s in settings {
        c.args(["--set", s]);
    }
    run(c, input.as_bytes())
}

fn trimmed(input: &str) -> String {
    let r = filter(input, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr, "");
    r.stdout_str()
}

/// A GitHub release page saved as its chrome only.
const GITHUB_CHROME: &str = r#"<!DOCTYPE html><html><head><title>Release v1.1.0 · zema1/watchvuln · GitHub</title></head><body>
<header><nav><a href="/features">Platform</a> <a href="/solutions">Solutions</a> <a href="/login">Sign in</a></nav></header>
<div class="application-main">
<div class="feedback"><h2>Provide feedback</h2><p>We read every piece of feedback, and take your input very seriously.</p><p>Cancel Submit feedback</p></div>
<div><p>You signed in with another tab or window. Reload to refresh your session. You signed out in another tab or window. Reload to refresh your session. You switched accounts on another tab or window. Reload to refresh your session.</p></div>
<div><strong><a href="/zema1">zema1</a> / <a href="/zema1/watchvuln">watchvuln</a></strong> <span>Public</span></div>
<ul class="tabs"><li><a href="/zema1/watchvuln">Code</a></li><li><a href="/zema1/watchvuln/issues">Issues</a></li></ul>
<p>Join the discussion today!</p>
</div>
<footer><p>© 2024 GitHub, Inc.</p><a href="/terms">Terms</a> <a href="/privacy">Privacy</a></footer>
</body></html>
"#;

/// A vendor's category page saved as Markdown: menus and two headings.
const VENDOR_MENU: &str = r#"---
title: Products
url: https://vendor.example/products/
---

[![Vendor](https://vendor.example/logo.png)](https://vendor.example/)

* [Home](https://vendor.example/)
* [Solutions](https://vendor.example/solutions/)
* [Partners](https://vendor.example/partners/)
* [Contact](https://vendor.example/contact/)

# Products

## Endpoint protection

## Cloud workload security

Change Region

* [Privacy](https://vendor.example/privacy/)
* [Terms](https://vendor.example/terms/)
"#;

/// A short notice on a page with navigation: one sentence, a real article.
const SHORT_NOTICE: &str = r#"<!DOCTYPE html><html><head><title>Hall closed</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/events">Events</a></nav>
<main><h1>Hall closed</h1><p>The meeting moves to Friday because the hall is closed for repairs.</p></main>
<footer><a href="/contact">Contact</a></footer></body></html>
"#;

#[test]
fn a_page_without_an_article_is_dropped_with_its_reason() {
    let r = filter(GITHUB_CHROME, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout_str(), "");
    assert_eq!(
        r.stderr,
        "stdin: dropped by spam-trim: no article text: 1 short line, not a sentence (title, menus or interface)\n"
    );
    let r = filter(VENDOR_MENU, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout_str(), "");
    assert_eq!(
        r.stderr,
        "stdin: dropped by spam-trim: no article text: 3 short lines, none a sentence (title, menus or interface)\n"
    );
    // The setting keeps them, as the lines they are.
    let r = filter(VENDOR_MENU, &["spam-trim.drop_article_less=false"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout_str(),
        "Products\n\nEndpoint protection\n\nCloud workload security\n"
    );
    // One sentence is an article.
    assert_eq!(
        trimmed(SHORT_NOTICE),
        "Hall closed\n\nThe meeting moves to Friday because the hall is closed for repairs.\n"
    );
}

/// A WeChat article saved as Markdown: its title over the cover image, then again, then
/// its author and the account (the record's `source`), which go.
const WECHAT: &str = r#"---
title: Kernel PWN从入门到提升
url: https://mp.weixin.qq.com/s?__biz=MjM5NTc2MDYxMw==&mid=2458499012&idx=1
source: 看雪学苑
date: 2023-03-23
---

# Kernel PWN从入门到提升

![cover_image](https://mmbiz.qpic.cn/sz_mmbiz_jpg/1UG7/0?wx_fmt=jpeg)

# Kernel PWN从入门到提升

kotoriseed

看雪学苑

![](https://mmbiz.qpic.cn/sz_mmbiz_jpg/1UG7/640?wx_fmt=jpeg)

本文为看雪论坛精华文章，作者用一道例题详细讲解内核漏洞利用从入门过渡到较高难度的部分。

在开始看这篇文章之前，我希望小伙伴们已经掌握了kernel pwn一些最基本的操作，例如装好所需要的前置环境。
"#;

#[test]
fn a_wechat_page_says_its_title_once() {
    assert_eq!(
        trimmed(WECHAT),
        "Kernel PWN从入门到提升\n\n本文为看雪论坛精华文章，作者用一道例题详细讲解内核漏洞利用从入门过渡到较高难度的部分。\n\n在开始看这篇文章之前，我希望小伙伴们已经掌握了kernel pwn一些最基本的操作，例如装好所需要的前置环境。\n"
    );
}

/// A news page as Chinese portals write one: the headline in `h1.main-title` above the
/// article's container, the date beside it; under the text a video player's notice
/// (`txpdiv`), a proofreader's credit, a keyword menu, a call to scan a code and a
/// platform's disclaimer; beside it a box of recommended teasers (`div.tuijian`) and a
/// "not interested" feedback box.
const CHINESE_NEWS: &str = r#"<!DOCTYPE html><html><head><meta charset="utf-8"><title>债券市场是否存在泡沫？世界知名首席投资官们这么说_新浪财经_新浪网</title></head><body>
<div class="top-nav"><a href="/">首页</a> <a href="/finance">财经</a></div>
<div class="wrap"><h1 class="main-title">债券市场是否存在泡沫？世界知名首席投资官们这么说</h1>
<div class="date-source"><span class="date">2019年09月26日 12:11</span></div>
<div class="article" id="artibody">
<p>全球债券收益率在今年大幅下降，负收益率债券的规模一度超过了17万亿美元，投资者开始担心债券市场是否已经出现泡沫。</p>
<p>多位首席投资官表示，央行的宽松政策仍将支撑债券价格，但是投资者需要警惕流动性风险和通胀预期的变化。</p>
<txpdiv class="txp_ad">进入广告广告被拦截插件误伤啦，1秒后播放关闭拦截插件恢复正常</txpdiv>
<p>校对|黄慧敏</p>
<p>1、回复【公租房】查看最新消息</p>
<p>扫描下方二维码解锁更多技能</p>
<p>特别声明：以上内容为自媒体平台用户上传并发布，本平台仅提供信息存储服务。</p>
</div>
<div class="tuijian"><h2>为你推荐</h2><dl><dd class="exp">十一国庆假期前，金融委召开会议，部署了一系列金融领域下一步的重点工作，鼓励境外资金进入境内金融市场。</dd></dl></div>
<div id="uninterested"><h4>不感兴趣</h4><ul><li>广告软文</li><li>重复、旧闻</li></ul></div>
</div></body></html>
"#;

#[test]
fn a_chinese_news_pages_widgets_credits_and_notices_go() {
    assert_eq!(
        trimmed(CHINESE_NEWS),
        "债券市场是否存在泡沫？世界知名首席投资官们这么说\n\n全球债券收益率在今年大幅下降，负收益率债券的规模一度超过了17万亿美元，投资者开始担心债券市场是否已经出现泡沫。\n\n多位首席投资官表示，央行的宽松政策仍将支撑债券价格，但是投资者需要警惕流动性风险和通胀预期的变化。\n"
    );
}

/// A WeChat article saved as HTML, through the real binary: its title, then its text;
/// the line under the title (`div#meta_content`: the account's name and `昨天`,
/// "yesterday") is not in the text. (The chooser leaves that line out of this page
/// anyway; the rule that skips it on the real pages is tested in the HTML reader's
/// unit tests, `a_wechat_articles_meta_line_is_no_text`.)
const WECHAT_HTML: &str = r#"<html><head><title>三星 Galaxy S20 系列手机正式发布</title></head><body id="activity-detail" class="zh_CN appmsg_skin_default"><div id="js_article" class="rich_media"><div class="rich_media_inner"><div id="page-content" class="rich_media_area_primary"><div class="rich_media_area_primary_inner"><div id="img-content" class="rich_media_wrp">
<h2 class="rich_media_title" id="activity-name">三星 Galaxy S20 系列手机正式发布</h2>
<div id="meta_content" class="rich_media_meta_list"><span class="rich_media_meta rich_media_meta_nickname" id="profileBt"><a href="javascript:void(0);" id="js_name">爱否科技</a><div id="js_profile_qrcode" class="profile_container" style="display:none;"><strong class="profile_nickname">爱否科技</strong></div></span>
<em id="publish_time" class="rich_media_meta rich_media_meta_text">昨天</em></div>
<div class="rich_media_content" id="js_content"><section><span>今天凌晨，三星在美国旧金山举行发布会，正式发布旗下新一代旗舰手机 Galaxy S20 系列机型，包括三款新机。</span></section>
<section><span>此次发布的三款手机配置十分出色，处理器采用高通骁龙 865 与三星自研 Exynos 990 两种方案。</span></section></div>
</div></div></div></div></div></body></html>
"#;

#[test]
fn a_wechat_articles_meta_line_goes() {
    assert_eq!(
        trimmed(WECHAT_HTML),
        "三星 Galaxy S20 系列手机正式发布\n\n今天凌晨，三星在美国旧金山举行发布会，正式发布旗下新一代旗舰手机 Galaxy S20 系列机型，包括三款新机。\n\n此次发布的三款手机配置十分出色，处理器采用高通骁龙 865 与三星自研 Exynos 990 两种方案。\n"
    );
}

/// A news page with a photo gallery: each caption in a full (`less`) and a truncated
/// (`… more`) version, again in the gallery's control panel, credits beside them, the
/// title again in the gallery; a figure caption ending in its credit; a credit line.
const GALLERY: &str = r#"<html><head><title>Esper accuses China - The News</title></head><body><article>
<h1>Esper accuses China of intimidating smaller Asian nations</h1>
<div class="gallery"><ul><li><img src="a.jpg" alt=""><div class="caption"><div class="caption-full">U.S. Defense Secretary Mark Esper, left, shakes hands with Vietnamese Defense Minister Ngo Xuan Lich in Hanoi. less</div><div class="caption-truncated">U.S. Defense Secretary Mark Esper, left, shakes hands ... more</div><span class="credit">Photo: Hau Dinh, AP</span></div></li></ul>
<div class="caption-remote"><div class="caption-full">U.S. Defense Secretary Mark Esper, left, shakes hands with Vietnamese Defense Minister Ngo Xuan Lich in Hanoi. less</div><span class="credit">Photo: Hau Dinh, AP</span></div>
<h2>Esper accuses China of intimidating smaller Asian nations</h2></div>
<p>HANOI, Vietnam (AP) — U.S. Defense Secretary Mark Esper on Wednesday accused China of using coercion and intimidation against smaller Asian nations to impose its will in the South China Sea.</p>
<p>“We will not accept attempts to assert unlawful maritime claims,” Esper said in a speech to the Diplomatic Academy of Vietnam, a government university.</p>
<figure><img src="b.jpg"><figcaption>Esper speaks at the academy on Wednesday. (AP Photo/Hau Dinh)</figcaption></figure>
<p>Vietnam is one of the region’s most vocal critics of China’s sweeping territorial claims in the South China Sea.</p>
<p>Natalie Naccache | Bloomberg | Getty Images</p>
</article></body></html>
"#;

#[test]
fn gallery_captions_are_kept_once_without_credits() {
    assert_eq!(
        trimmed(GALLERY),
        "Esper accuses China of intimidating smaller Asian nations

U.S. Defense Secretary Mark Esper, left, shakes hands with Vietnamese Defense Minister Ngo Xuan Lich in Hanoi.

HANOI, Vietnam (AP) — U.S. Defense Secretary Mark Esper on Wednesday accused China of using coercion and intimidation against smaller Asian nations to impose its will in the South China Sea.

“We will not accept attempts to assert unlawful maritime claims,” Esper said in a speech to the Diplomatic Academy of Vietnam, a government university.

Esper speaks at the academy on Wednesday.

Vietnam is one of the region’s most vocal critics of China’s sweeping territorial claims in the South China Sea.
"
    );
}

/// A daily digest saved as Markdown: lists of links to many sites, one long description.
const DIGEST: &str = r#"# 每日安全资讯（2024-07-06）

- paper - Last paper
  - [关于 CVE-2024-2961 glibc iconv exploitation (part 2) 注解](https://paper.seebug.org/3191/)
  - [不只是黑产？疑似筹划 APT 攻击的”银狐”团伙攻击活动分析](https://paper.seebug.org/3192/)
- 嘶吼 RoarTalk – 网络安全行业综合服务平台,4hou.com，每天发布安全行业新闻、漏洞分析、攻防技术与产业观察的综合性平台。
  - [勒索软件攻击下的利益链分析](https://www.4hou.com/posts/rqy4)
- Recent Commits to cve:main
  - [Update Fri Jul  5 22:33:40 UTC 2024](https://github.com/trickest/cve/commit/b688e70)
- Doonsec's feed
  - [每周文章分享-167](https://mp.weixin.qq.com/s?__biz=MzI1MTQwMjYwNA==&mid=2247500319)
  - [Exploiting a blind SSRF in a mail client](https://blog.example.net/ssrf)
- The Hacker News
  - [New botnet targets routers](https://thehackernews.com/2024/07/botnet.html)
  - [Patch now: OpenSSH flaw](https://www.securityweek.com/openssh)
"#;

#[test]
fn a_digest_of_links_is_kept_whole() {
    assert_eq!(
        trimmed(DIGEST),
        "每日安全资讯（2024-07-06）

paper - Last paper
关于 CVE-2024-2961 glibc iconv exploitation (part 2) 注解
不只是黑产？疑似筹划 APT 攻击的”银狐”团伙攻击活动分析
嘶吼 RoarTalk – 网络安全行业综合服务平台,4hou.com，每天发布安全行业新闻、漏洞分析、攻防技术与产业观察的综合性平台。
勒索软件攻击下的利益链分析
Recent Commits to cve:main
Update Fri Jul  5 22:33:40 UTC 2024
Doonsec's feed
每周文章分享-167
Exploiting a blind SSRF in a mail client
The Hacker News
New botnet targets routers
Patch now: OpenSSH flaw
"
    );
}

/// An article followed, in the same container, by a list of other articles with their
/// excerpts (each in its own `article` element).
const WITH_EXCERPTS: &str = r#"<!DOCTYPE html><html><head><title>Parise finds his touch</title></head><body><div class="site"><div id="content"><main><article class="post"><h1>Parise finds his touch</h1><div class="entry">
<p>BUFFALO, N.Y. — Hours before Zach Parise’s two-goal performance Tuesday, Wild coach Bruce Boudreau expressed confidence in the veteran winger, saying he always finds a way to start scoring.</p>
<p>“It takes a little longer now, but he’s playing well now, he’s getting a little bit of confidence back,” Boudreau said before the Wild’s 4-1 win over the Sabres.</p>
<p>Right now, having scored four times during a three-game streak, Parise is brimming with confidence.</p>
<p>Parise opened the scoring by stripping Sabres center Casey Mittelstadt in the neutral zone and burying Joel Eriksson Ek’s feed on a two-on-one.</p></div></article></main><div class="more-news"><h2>More news</h2><ul>
<li><article class="post"><h3><a href="/0">Mittelstadt returns home</a></h3><div class="excerpt">About three years ago, a 17-year-old NHL Draft prospect started working out with some veterans at Saint Thomas Academy, and the workouts changed how he saw the game, his coaches and his own future in hockey.</div></article></li>
<li><article class="post"><h3><a href="/1">A personal GEEK Squad</a></h3><div class="excerpt">Maybe the Wild have found their own personal GEEK Squad to fix their problems. Not to be confused with the techies that work for Best Buy, three forwards are helping the team win again after a slow start.</div></article></li>
<li><article class="post"><h3><a href="/2">Diggs smells blood</a></h3><div class="excerpt">Akin to the shark tattoo behind his left ear, star wide receiver Stefon Diggs sensed blood in the water on Sunday afternoon and promptly went in for the kill with three long touchdown catches.</div></article></li>
</ul></div></div></div></body></html>
"#;

#[test]
fn other_articles_excerpts_stay_out() {
    // The headline, outside the container the article was found in, goes first; not
    // with `headline=false` (as the extraction benchmarks' texts are written).
    let r = filter(WITH_EXCERPTS, &["spam-trim.headline=false"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout_str().starts_with("BUFFALO, N.Y."),
        "{}",
        r.stdout_str()
    );
    assert_eq!(
        trimmed(WITH_EXCERPTS),
        "Parise finds his touch

BUFFALO, N.Y. — Hours before Zach Parise’s two-goal performance Tuesday, Wild coach Bruce Boudreau expressed confidence in the veteran winger, saying he always finds a way to start scoring.

“It takes a little longer now, but he’s playing well now, he’s getting a little bit of confidence back,” Boudreau said before the Wild’s 4-1 win over the Sabres.

Right now, having scored four times during a three-game streak, Parise is brimming with confidence.

Parise opened the scoring by stripping Sabres center Casey Mittelstadt in the neutral zone and burying Joel Eriksson Ek’s feed on a two-on-one.
"
    );
}

/// A news page saved as Markdown: its title heading, then a view count, a notice heading
/// and a source link between it and the text (the link breaks the article's run).
const TITLE_APART: &str = r#"---
title: 多款嵌入式处理器现安全隐患，官方建议升级固件防范
url: https://news.example.cn/post/1
---

# 多款嵌入式处理器现安全隐患，官方建议升级固件防范

* [安全资讯](https://news.example.cn/news)
* [安全知识](https://news.example.cn/knowledge)
* [安全工具](https://news.example.cn/tool)

# 多款嵌入式处理器现安全隐患，官方建议升级固件防范

阅读量**67123**

##### 译文声明

原文地址：<https://source.example.com/embedded-processors-vulnerabilities/>

厂商已发布安全更新，以修复其嵌入式处理器中的多个漏洞，其中一些漏洞可能导致任意代码执行、内存损坏或权限提升。

最严重的问题源于系统管理模式处理程序中不当的输入验证，可能使具有特权的攻击者覆盖系统管理内存。

* [首页](https://news.example.cn/)
* [关于我们](https://news.example.cn/about)
"#;

#[test]
fn a_title_heading_left_outside_the_article_is_said_once() {
    assert_eq!(
        trimmed(TITLE_APART),
        "多款嵌入式处理器现安全隐患，官方建议升级固件防范\n\n厂商已发布安全更新，以修复其嵌入式处理器中的多个漏洞，其中一些漏洞可能导致任意代码执行、内存损坏或权限提升。\n\n最严重的问题源于系统管理模式处理程序中不当的输入验证，可能使具有特权的攻击者覆盖系统管理内存。\n"
    );
}

/// A GitHub release page saved as Markdown: the site's feedback form and session
/// notices, menus, then release notes in Chinese list items without full stops.
const GITHUB_RELEASE: &str = r#"---
title: zema1 released Watchvuln v1.1.0 发布 at zema1/watchvuln
url: https://github.com/zema1/watchvuln/releases/tag/v1.1.0
---

# zema1 released Watchvuln v1.1.0 发布 at zema1/watchvuln

[Skip to content](#start-of-content)

# Provide feedback

We read every piece of feedback, and take your input very seriously.

Cancel
 Submit feedback

You signed in with another tab or window. Reload to refresh your session.
You signed out in another tab or window. Reload to refresh your session.
You switched accounts on another tab or window. Reload to refresh your session.

* [Code](/zema1/watchvuln/tree/v1.1.0)
* [Issues](/zema1/watchvuln/issues)
* [Pull requests](/zema1/watchvuln/pulls)
* [Actions](/zema1/watchvuln/actions)
* [Projects](/zema1/watchvuln/projects)
* [Security](/zema1/watchvuln/security)
* [Insights](/zema1/watchvuln/pulse)

1. [Releases](/zema1/watchvuln/releases)
2. [v1.1.0](/zema1/watchvuln/releases/tag/v1.1.0)

# Watchvuln v1.1.0 发布

[View all tags](/zema1/watchvuln/tags)

> 所有二进制由 Github Action 自动构建并自动上传，请放心使用

### 新增

* 增加开源检索信息，CVE 漏洞推送时自动搜索 Github 仓库和 Nuclei 模板相关连接 [#38](https://github.com/zema1/watchvuln/issues/38)
* 增加漏洞修复方案的抓取和推送逻辑
* 重构控制器逻辑, 优化代码结构

### Uh oh!

There was an error while loading. Please reload this page.

* [Terms](https://docs.github.com/site-policy/github-terms/github-terms-of-service)
* [Privacy](https://docs.github.com/site-policy/privacy-policies/github-privacy-statement)

You can’t perform that action at this time.
"#;

/// A GitHub release page without notes: its long title and the site's interface text.
const GITHUB_NO_NOTES: &str = r#"---
title: TideSec released v2.5.1 增加自动更新 at TideSec/TscanPlus
url: https://github.com/TideSec/TscanPlus/releases/tag/v2.5.1
---

# TideSec released v2.5.1 增加自动更新 at TideSec/TscanPlus

# Provide feedback

We read every piece of feedback, and take your input very seriously.

Cancel
 Submit feedback

You signed in with another tab or window. Reload to refresh your session.
You signed out in another tab or window. Reload to refresh your session.
You switched accounts on another tab or window. Reload to refresh your session.

[TideSec](/TideSec)
/
**[TscanPlus](/TideSec/TscanPlus)**
Public

* [Code](/TideSec/TscanPlus/tree/v2.5.1)
* [Issues](/TideSec/TscanPlus/issues)
* [Pull requests](/TideSec/TscanPlus/pulls)

### Uh oh!

There was an error while loading. Please reload this page.

You can’t perform that action at this time.
"#;

#[test]
fn release_notes_are_the_article_of_a_github_page() {
    assert_eq!(
        trimmed(GITHUB_RELEASE),
        "zema1 released Watchvuln v1.1.0 发布 at zema1/watchvuln\n\n所有二进制由 Github Action 自动构建并自动上传，请放心使用\n\n新增\n\n增加开源检索信息，CVE 漏洞推送时自动搜索 Github 仓库和 Nuclei 模板相关连接 #38\n增加漏洞修复方案的抓取和推送逻辑\n重构控制器逻辑, 优化代码结构\n"
    );
    // No notes: the title and the repository's name in the header were the page's two
    // short lines; the name goes with GitHub's header now, and nothing but GitHub's
    // interface is left.
    let r = filter(GITHUB_NO_NOTES, &[]);
    assert_eq!(
        (r.code, r.stdout_str(), r.stderr.as_str()),
        (
            0,
            String::new(),
            "stdin: dropped by spam-trim: stub page (interface only): nothing but github interface text\n"
        )
    );
}

/// An aggregator's copy of an article saved as Markdown: its menu, the excerpt of the
/// text with a dateline that credits the original, the full text, an appeal to join a
/// paid group and a share button's image.
const AGGREGATOR_COPY: &str = r#"---
title: 网易邮箱新增邮件追踪功能
url: https://buaq.net/go-173795.html
---

# 网易邮箱新增邮件追踪功能

* [首页](https://unsafe.example/)
* [我的收藏](https://unsafe.example/user/collects)
* [今日热榜](https://unsafe.example/?hot=true)

网易邮箱新增邮件追踪功能

据蓝点网网友投稿，网易邮箱日前新增邮件追踪功能，这个功能通过网络信标探测收件人是否已经阅读邮件。与传统电子邮件的发送回执不同，网易邮箱的邮件追踪功能是个强制性的，收件人无法阻止自己被悄
*2023-8-6 21:21:17
Author: [www.landiannews.com(查看原文)](/jump-173795.htm)

---

据蓝点网网友投稿，网易邮箱日前新增邮件追踪功能，这个功能通过网络信标探测收件人是否已经阅读邮件。

与传统电子邮件的发送回执不同，网易邮箱的邮件追踪功能是个强制性的，**收件人无法阻止自己被悄悄追踪。**

当然这个功能对发件人来说确实有好处，因为可以轻松探测已读不回，这也可以衡量部分邮件的营销效果等。

长按识别下面的二维码可加入星球

![取消](https://unsafe.example/images/close.jpg)

* [关于我们](https://unsafe.example/about)
* [联系我们](https://unsafe.example/contact)
"#;

#[test]
fn an_excerpt_its_dateline_and_an_appeal_go() {
    assert_eq!(
        trimmed(AGGREGATOR_COPY),
        "网易邮箱新增邮件追踪功能

据蓝点网网友投稿，网易邮箱日前新增邮件追踪功能，这个功能通过网络信标探测收件人是否已经阅读邮件。

与传统电子邮件的发送回执不同，网易邮箱的邮件追踪功能是个强制性的，收件人无法阻止自己被悄悄追踪。

当然这个功能对发件人来说确实有好处，因为可以轻松探测已读不回，这也可以衡量部分邮件的营销效果等。
"
    );
}

/// A repository page saved as Markdown whose README is its title and one sentence
/// written as a link the page cut short.
const README_OF_ONE_SENTENCE: &str = r#"---
title: gh0stkey starred easychen/lean-side-bussiness
url: https://github.com/easychen/lean-side-bussiness
---

# gh0stkey starred easychen/lean-side-bussiness

* [Platform](https://github.com/features)
* [Solutions](https://github.com/solutions)
* [Pricing](https://github.com/pricing)

[Sign in](/login)

* [Code](/easychen/lean-side-bussiness)
* [Pull requests](/easychen/lean-side-bussiness/pulls)
* [Actions](/easychen/lean-side-bussiness/actions)

# 精益副业：程序员如何优雅地做副业

UPDATE：🎈 [《一人企业方法论2.0》已在CC-BY-NC-SA协议下发布，建议先读完后继续阅读本书](https://github.com/easychen/o...
"#;

#[test]
fn a_sentence_of_prose_the_chooser_left_out_keeps_the_page() {
    assert_eq!(
        trimmed(README_OF_ONE_SENTENCE),
        "gh0stkey starred easychen/lean-side-bussiness

精益副业：程序员如何优雅地做副业

UPDATE：🎈 《一人企业方法论2.0》已在CC-BY-NC-SA协议下发布，建议先读完后继续阅读本书
"
    );
}

/// A portal page saved as Markdown: its menu written as plain lines, the site's motto,
/// the title said three times, an article with a table of contents, the footer menus.
const PORTAL_WITH_CONTENTS: &str = r#"---
title: Supplier checks under the new decree
url: https://portal.example/legal/supplier-checks/
---

# Supplier checks under the new decree

[![Portal](/images/logo.png)](/)

Home

Categories

Cloud security

AI security

Endpoint security

The security portal of the industry, publishing news and analysis every day.

Supplier checks under the new decree

* [Legal](https://portal.example/legal/)
* [Privacy](https://portal.example/privacy/)
* [Newsletter](https://portal.example/newsletter/)

Supplier checks under the new decree

Supplier management is an essential duty for the security of critical supply chains, and it does not end with the first check.

Contents

* [Scoring](#scoring)
* [Other conditions for the assessment](#other_conditions_for_the_assessment)
* [Assessment after critical events](#assessment_after_critical_events)
* [Assessment after indicators](#assessment_after_indicators)
* [The output of the assessment of the supplier](#the_output_of_the_assessment_of_the_supplier)
* [Procedures for the first and the ongoing assessment](#procedures_for_the_first_and_the_ongoing_assessment)

## Scoring

After the first qualification of suppliers, criteria for the ongoing one are needed.

The decree requires the assessment of the [security practices](https://portal.example/legal/practices/) of every direct supplier.

* [About us](https://portal.example/about/)
* [Contact](https://portal.example/contact/)
* [Careers](https://portal.example/careers/)
"#;

/// The table of contents' links go, and its heading alone with them; the site's
/// tagline above the title, whose words the article does not use, goes too.
#[test]
fn the_article_starts_at_its_title_and_goes_on_after_its_contents() {
    assert_eq!(
        trimmed(PORTAL_WITH_CONTENTS),
        "Supplier checks under the new decree\n\nSupplier management is an essential duty for the security of critical supply chains, and it does not end with the first check.\n\nScoring\n\nAfter the first qualification of suppliers, criteria for the ongoing one are needed.\n\nThe decree requires the assessment of the security practices of every direct supplier.\n"
    );
}

#[test]
fn a_podcasts_episode_links_are_its_article() {
    // The host's label keeps its value (a linked handle), as labels' values stay; the
    // sponsors' advertisements go with the trailer.
    let page = "---\ntitle: Smashing Security podcast #425\nurl: https://grahamcluley.com/smashing-security-podcast-425/\n---\n\n# Smashing Security podcast #425\n\n[Speaking](/) · [Writing](/writing/) · [Podcasts](/podcasts/) · [Video](/video/)\n\n# Smashing Security podcast #425\n\nIn episode 425 of the podcast, Graham reveals how an old game has been weaponised, allowing hackers to hijack your entire PC during online play.\n\nAll this and more is discussed in the latest edition of the podcast by cybersecurity veterans Graham Cluley and Carole Theriault.\n\n### Hosts:\n\nGraham Cluley:\n\n[@grahamcluley.com](https://bsky.app/profile/grahamcluley.com \"Bluesky link\")\n\n### Episode links:\n\n* [Call of Duty: WWII trailer](https://www.youtube.com/watch?v=D4Q_XYVescc) – YouTube.\n* [2017 Wichita swatting](https://en.wikipedia.org/wiki/2017_Wichita_swatting) – Wikipedia.\n* [Common Bail Bond Scams and How to Avoid Them](https://usattorneys.com/common-bail-bond-scams/) – US Attorneys.\n* [Can I Check out Another Person’s Criminal Record?](https://www.nolo.com/legal-encyclopedia/question) – Nolo.\n* [Latest scam targets NJ families of those who were recently arrested](https://nj1015.com/nj-bail-scam/) – New Jersey 1050.\n\n### Sponsored by:\n\n* [Vanta](https://www.vanta.com/) – Expand the scope of your security program with market-leading compliance automation, while saving time and money.\n\n* [Home](/)\n* [About](/about/)\n* [Contact](/contact/)\n";
    assert_eq!(
        trimmed(page),
        "Smashing Security podcast #425\n\nIn episode 425 of the podcast, Graham reveals how an old game has been weaponised, allowing hackers to hijack your entire PC during online play.\n\nAll this and more is discussed in the latest edition of the podcast by cybersecurity veterans Graham Cluley and Carole Theriault.\n\nHosts:\n\nGraham Cluley:\n\n@grahamcluley.com\n\nEpisode links:\n\nCall of Duty: WWII trailer – YouTube.\n2017 Wichita swatting – Wikipedia.\nCommon Bail Bond Scams and How to Avoid Them – US Attorneys.\nCan I Check out Another Person’s Criminal Record? – Nolo.\nLatest scam targets NJ families of those who were recently arrested – New Jersey 1050.\n"
    );
}

#[test]
fn an_exploit_is_the_article_not_the_sites_dialogs() {
    let page = "---\ntitle: \"[webapps] Plane 0.23.1 - Server side request forgery (SSRF)\"\nurl: https://www.exploit-db.com/exploits/52211\n---\n\n* [Exploits](/)\n* [GHDB](/google-hacking-database)\n* [Papers](/papers)\n\n# Plane 0.23.1 - Server side request forgery (SSRF)\n\n```\n# Exploit Title: Plane - Server side request forgery (SSRF)\nDescription:\nA Server-Side Request Forgery (SSRF) vulnerability has been identified in the password recovery functionality.\n```\n\n* [Terms](/terms)\n* [Privacy](/privacy)\n\n##### About The Exploit Database\n\nThe Exploit Database is maintained by [OffSec](https://www.offsec.com/), an information security training company that provides various Information Security Certifications as well as high end penetration testing services.\n\nThe Exploit Database is a CVE compliant archive of public exploits and corresponding vulnerable software, developed for use by penetration testers and vulnerability researchers.\n";
    assert_eq!(
        trimmed(page),
        "Plane 0.23.1 - Server side request forgery (SSRF)\n\n# Exploit Title: Plane - Server side request forgery (SSRF)\nDescription:\nA Server-Side Request Forgery (SSRF) vulnerability has been identified in the password recovery functionality.\n"
    );
}

#[test]
fn a_wechat_reprint_card_goes() {
    let page = "---\ntitle: 网络危机管理挑战分析\nurl: https://mp.weixin.qq.com/s/abc\n---\n\n# 网络危机管理挑战分析\n\n以下文章来源于信息安全与通信保密杂志社\n，作者Cismag\n\n![](http://wx.qlogo.cn/mmhead/Q3au/0)\n\n**信息安全与通信保密杂志社**\n\n.\n\n网络强国建设的思想库、安全产业发展的情报站、创新企业腾飞的动力源\n\n**摘要：**互联网的诞生给人类带来了翻天覆地的变化，深刻地改变着人类的生产方式和生活方式。\n\n网络危机管理是国家治理的重要组成部分，需要政府、企业和公众共同参与。\n";
    assert_eq!(
        trimmed(page),
        "网络危机管理挑战分析\n\n摘要：互联网的诞生给人类带来了翻天覆地的变化，深刻地改变着人类的生产方式和生活方式。\n\n网络危机管理是国家治理的重要组成部分，需要政府、企业和公众共同参与。\n"
    );
}

#[test]
fn a_headline_linked_to_its_page_or_reworded_from_the_title_goes_first() {
    // A tabloid's headline is a link to the story's own page, in the article's header
    // outside the container of its paragraphs.
    let linked = r#"<html><head><title>Drunk Frenchmen steal llama, take it joyriding | New York Post</title></head><body>
<div class="article-header"><p class="section-tag"><a href="/news/">News</a></p>
<h1><a href="https://nypost.com/2013/11/04/drunk-frenchmen-steal-llama-take-it-joyriding/">Drunk Frenchmen steal llama, take it&nbsp;joyriding</a></h1></div>
<div class="entry-content"><p>There’s drunk — and then there’s llama-stealing-joyride drunk, the police in the south of France said on Monday.</p>
<p>Two men took the animal from a circus and drove it around town in their car until the police stopped them.</p></div></body></html>"#;
    assert_eq!(
        trimmed(linked),
        "Drunk Frenchmen steal llama, take it\u{a0}joyriding\n\nThere’s drunk — and then there’s llama-stealing-joyride drunk, the police in the south of France said on Monday.\n\nTwo men took the animal from a circus and drove it around town in their car until the police stopped them.\n"
    );
    // The headline says the title in other words; a heading of the article that shares
    // a few words with the title is no headline of it.
    let reworded = r#"<html><head><title>Bannon and Priebus Are Reportedly on Trump’s Chopping Block</title></head><body>
<header><h1 class="headline-primary" itemprop="headline">Both Bannon and Priebus Are Reportedly on Trump’s Chopping Block</h1></header>
<div class="article-content"><p>The president is said to be weighing a shake-up of his senior staff after a turbulent first months in office.</p>
<h2>Who might go first and why the chopping block</h2>
<p>People close to the White House say the two advisers have clashed over strategy, hiring and the agenda for the spring.</p></div></body></html>"#;
    assert_eq!(
        trimmed(reworded),
        "Both Bannon and Priebus Are Reportedly on Trump’s Chopping Block\n\nThe president is said to be weighing a shake-up of his senior staff after a turbulent first months in office.\n\nWho might go first and why the chopping block\n\nPeople close to the White House say the two advisers have clashed over strategy, hiring and the agenda for the spring.\n"
    );
}

#[test]
fn a_pages_one_h1_beside_an_seo_title_under_a_site_name_or_over_a_credited_caption_goes_first() {
    // An editor's headline under a title written for search engines: the page's one
    // `h1`, in the article's part of the page, sharing words with the title.
    let seo = r#"<html><head><title>Is Coca-Cola dangerous mixed with vitamin C? - CNN.com</title></head><body>
<div class="nav"><a href="/">Home</a> <a href="/africa">Africa</a></div>
<article class="pg-rail-tall"><div class="l-container"><h1 class="pg-headline">Nigerians boycott Coca-Cola drinks after court rules them 'poisonous'</h1>
<div class="metadata"><p class="metadata__byline">Paul Adepoju and Kieron Monks, CNN</p>
<ul class="m-share"><li><a href="/s/fb">Share on Facebook</a></li><li><a href="/s/tw">Share on Twitter</a></li></ul></div></div>
<aside class="read-next"><p>Read next</p><p><a href="/2017/03/27/africa/sprite-fanta">Sprite and Fanta to carry warnings</a></p></aside>
<section id="body-text"><div class="l-container"><div class="zn-body__paragraph">Consumers of Sprite and Fanta have more to worry about than rotting teeth, according to a Lagos High Court judge who ruled on the drinks.</div>
<div class="zn-body__paragraph">The judge ordered the company to put health warnings on the bottles within ninety days of the ruling, and awarded damages to the businessman who brought the case after a shipment was seized.</div>
<div class="zn-body__paragraph">The company said its products comply with the regulations of the country and that it would appeal against the judgment in the higher court.</div></div></section></article></body></html>"#;
    assert_eq!(
        trimmed(seo),
        "Nigerians boycott Coca-Cola drinks after court rules them 'poisonous'\n\nConsumers of Sprite and Fanta have more to worry about than rotting teeth, according to a Lagos High Court judge who ruled on the drinks.\n\nThe judge ordered the company to put health warnings on the bottles within ninety days of the ruling, and awarded damages to the businessman who brought the case after a shipment was seized.\n\nThe company said its products comply with the regulations of the country and that it would appeal against the judgment in the higher court.\n"
    );
    // A short headline under a long site name: the title's first part.
    let short = r#"<html><head><title>Smear tactics - Los Angeles Times</title></head><body><table><tr><td>
<h2><a href="/">latimes.com</a> : <a href="/travel">Travel</a> : <a href="/travel/outdoors">Outdoors</a></h2>
<div><a href="/email">E-mail story</a> <a href="/print">Print</a> <a href="/most">Most E-mailed</a></div><div>ENVIRONMENT</div><h1>Smear tactics</h1>
<div class="story"><p>Graffiti is a growing part of the landscape as taggers deface parks and canyons across the county.</p>
<p>THE sound of crashing water grows louder as a narrow dirt trail winds through Eaton Canyon above Pasadena, and the graffiti with it.</p></div>
<ul><li><a href="/a">Hiking trails reopen after the fires</a></li><li><a href="/b">Beaches: the summer guide</a></li></ul>
</td></tr></table></body></html>"#;
    assert_eq!(
        trimmed(short),
        "Smear tactics\n\nGraffiti is a growing part of the landscape as taggers deface parks and canyons across the county.\n\nTHE sound of crashing water grows louder as a narrow dirt trail winds through Eaton Canyon above Pasadena, and the graffiti with it.\n"
    );
    // The article opens with a picture whose caption lost its credit: the headline above
    // it is still found.
    let credited = r#"<html><head><title>Robots Are Already Replacing Human Workers at an Alarming Rate</title></head><body>
<article><header><h1>Robots Are Already Replacing Human Workers at an Alarming Rate</h1><div class="author"><a href="/u/george">George Dvorsky</a></div>
<div class="tags">Filed to: <ul><li><a href="/t/robots">robots</a></li><li><a href="/t/unemployment">unemployment</a></li><li><a href="/t/wages">wages</a></li></ul></div>
<ul class="share-tools"><li><a href="/share">Share to Kinja</a></li><li><a href="/c">Toggle Conversation tools</a></li><li><a href="/p">Go to permalink</a></li></ul></header>
<div><figure><img src="k.jpg"><figcaption>Kuka robots work on Tesla Model S cars in the Tesla factory in Fremont, California. (Image: AP)</figcaption></figure>
<p>We all know, or at least suspect, that robots are taking people’s jobs, and a new study now shows how much of it is happening.</p>
<p>Each additional robot in the US economy reduces employment by about six workers, the economists found in their study.</p></div></article></body></html>"#;
    assert_eq!(
        trimmed(credited),
        "Robots Are Already Replacing Human Workers at an Alarming Rate\n\nKuka robots work on Tesla Model S cars in the Tesla factory in Fremont, California.\n\nWe all know, or at least suspect, that robots are taking people’s jobs, and a new study now shows how much of it is happening.\n\nEach additional robot in the US economy reduces employment by about six workers, the economists found in their study.\n"
    );
    // A site's name in the `h1` of the page's header is no headline: it sits beside the
    // article's part of the page, and it is the title's last part.
    let logo = r#"<html><head><title>Smear tactics on the canyon walls - Los Angeles Times</title></head><body>
<header id="masthead"><h1><a href="/">Los Angeles Times</a></h1></header>
<main><div class="story"><p>Graffiti is a growing part of the landscape as taggers deface parks and canyons across the county.</p>
<p>THE sound of crashing water grows louder as a narrow dirt trail winds through Eaton Canyon above Pasadena, and the graffiti with it.</p></div></main></body></html>"#;
    assert_eq!(
        trimmed(logo),
        "Graffiti is a growing part of the landscape as taggers deface parks and canyons across the county.\n\nTHE sound of crashing water grows louder as a narrow dirt trail winds through Eaton Canyon above Pasadena, and the graffiti with it.\n"
    );
}

#[test]
fn a_deck_under_the_headline_or_a_standfirst_by_its_class_stays_and_a_credit_by_its_class_goes() {
    // A deck as a sub-heading right under the headline, in the article's header outside
    // the container of its paragraphs; a picture's credit in its own element.
    let deck = r#"<html><head><title>Early galaxy looks like a cosmic pinwheel | Ars Technica</title></head><body>
<nav><ul><li><a href="/science">Science</a></li><li><a href="/gaming">Gaming</a></li></ul></nav>
<article><header class="article-header"><h1>Early galaxy looks like a cosmic pinwheel</h1><h2>This could be what all galaxies used to look like.</h2>
<p class="byline">by <a href="/author/john-timmer/">John Timmer</a> - Mar 27, 2017</p>
<ul class="share-links"><li><a href="/s/fb">Share on Facebook</a></li><li><a href="/s/tw">Share on Twitter</a></li><li><a href="/c">143 comments</a></li></ul></header>
<section class="article-guts"><figure><img src="g.jpg"><figcaption class="caption"><div class="caption-text">An artist's view of the young galaxy.</div><div class="caption-credit">A. Angelich (NRAO/AUI/NSF)</div></figcaption></figure>
<p>Astronomers have spotted a galaxy whose spiral arms formed only a billion years after the Big Bang.</p>
<p>Its disk is cold and thin, which models of the early universe did not expect to find so soon.</p></section></article></body></html>"#;
    assert_eq!(
        trimmed(deck),
        "Early galaxy looks like a cosmic pinwheel\n\nThis could be what all galaxies used to look like.\n\nAn artist's view of the young galaxy.\n\nAstronomers have spotted a galaxy whose spiral arms formed only a billion years after the Big Bang.\n\nIts disk is cold and thin, which models of the early universe did not expect to find so soon.\n"
    );
    // A standfirst its class names, though it ends no sentence.
    let standfirst = r#"<html><head><title>Nintendo Switch goes on sale | Financial Times</title></head><body>
<article><div class="o-grid-row"><header class="article__header"><h1>Nintendo Switch goes on sale</h1>
<p class="article__stand-first">New console arrives after Pokémon Go dragged children off the sofa</p>
<p class="article__byline"><a href="/stream/leo-lewis">Leo Lewis</a> in Tokyo</p>
<ul class="article__toolbar"><li><a href="/save">Save to myFT</a></li><li><a href="/share">Share on Twitter</a></li><li><a href="/print">Print this page</a></li></ul></header></div>
<aside class="read-next"><p>Read next</p><p><a href="/content/nintendo-puts-hope">Nintendo puts hope in Switch console</a></p></aside>
<div class="article__content"><div class="article__content-body"><p>Nintendo began selling its new console on Friday, betting that a machine for both the living room and the train will win back players.</p>
<p>Shares in the company have risen by a third since the console was first shown to investors in the autumn, though analysts warn that the launch line-up of games is thin and that the price is high for a family machine.</p>
<p>The company expects to sell two million units in the first month, most of them in Japan and the US, and has doubled the orders it placed with its suppliers in China since January to meet the demand it now sees.</p></div></div></article></body></html>"#;
    assert_eq!(
        trimmed(standfirst),
        "Nintendo Switch goes on sale\n\nNew console arrives after Pokémon Go dragged children off the sofa\n\nNintendo began selling its new console on Friday, betting that a machine for both the living room and the train will win back players.\n\nShares in the company have risen by a third since the console was first shown to investors in the autumn, though analysts warn that the launch line-up of games is thin and that the price is high for a family machine.\n\nThe company expects to sell two million units in the first month, most of them in Japan and the US, and has doubled the orders it placed with its suppliers in China since January to meet the demand it now sees.\n"
    );
}

/// A service's landing page: a headline, a section of two paragraphs, and short
/// sections of one paragraph each in boxes of their own; a note said three times,
/// customers' cards, a wall of logos under a heading and a blog post's teaser.
const LANDING: &str = r#"<!DOCTYPE html><html><head><title>Serverless Functions - Cloudy</title><meta property="og:type" content="website"></head><body>
<header><nav><a href="/">Home</a> <a href="/products/">Products</a> <a href="/pricing/">Pricing</a> <a href="/login/">Sign in</a></nav></header>
<main><div class="page">
<section class="hero"><div class="container"><div class="row"><div class="col"><div class="inner"><h1>Serverless Functions</h1><div class="text"><p>Run code without thinking about servers: pay only for the time it runs.</p></div></div></div></div></div></section>
<section class="why"><div class="container"><div class="row"><div class="col"><div class="inner"><h2>Why Cloudy Functions?</h2><div class="text"><p>Leave the provisioning, patching and scaling of servers to the platform, which runs your functions in every region and keeps them available when a data centre fails.</p><p>Write functions in the language you know, with the libraries you already use, and deploy them with one command from your laptop or from your build pipeline.</p></div></div></div></div></div></section>
<section class="logos"><div class="container"><div class="row"><div class="col"><div class="inner"><h2>Trusted by teams everywhere</h2><div class="wall"><img src="/logos/initech.svg" alt=""><img src="/logos/umbrella.svg" alt=""><img src="/logos/hooli.svg" alt=""></div></div></div></div></div></section><section class="uses"><div class="container"><div class="row"><div class="col"><div class="inner"><h2>Web and mobile backends</h2><div class="text"><p>Backends with sign-in, messages and storage that scale on their own.</p></div></div></div></div></div></section><section class="uses"><div class="container"><div class="row"><div class="col"><div class="inner"><h2>Batch processing</h2><div class="text"><p>Records processed in parallel, with no servers left running after.</p><p>Available in 30 regions, with a free tier of 1000000 requests.</p></div></div></div></div></div></section><section class="uses"><div class="container"><div class="row"><div class="col"><div class="inner"><h2>Real-time streams</h2><div class="text"><p>Each event of a stream handled within milliseconds of its arrival.</p><p>Available in 30 regions, with a free tier of 1000000 requests.</p></div></div></div></div></div></section><section class="uses"><div class="container"><div class="row"><div class="col"><div class="inner"><h2>Scheduled jobs</h2><div class="text"><p>Reports and clean-ups run on a schedule, billed for their minutes.</p><p>Available in 12 regions, with a free tier of 500000 requests.</p></div></div></div></div></div></section><section class="customers"><div class="container"><div class="row"><div class="col"><div class="inner"><h2>Customers</h2><ul class="cards"><li><a href="/customers/acme/">Acme Logistics cut its delivery costs by a third</a><p>How its nightly jobs moved to functions.</p></li><li><a href="/customers/globex/">Globex Retail serves its checkout in nine regions</a><p>How a shop went from servers to functions.</p></li></ul></div></div></div></div></section><section class="news"><div class="container"><article class="post-card"><h3><a href="/blog/cold-starts/">Cold starts, measured</a></h3><p>We timed a million cold starts across four runtimes, and the slowest was not the one we expected to be.</p></article></div></section></div></main>
<footer><p>© 2025 Cloudy, Inc. All rights reserved.</p><a href="/privacy/">Privacy</a> <a href="/terms/">Terms</a></footer>
</body></html>"#;

#[test]
fn a_landing_pages_sections_are_its_text_but_not_its_cards_teasers_or_repeated_notes() {
    // The part found (the section of two paragraphs) holds less than 70% of the page's
    // prose: the element above it that holds the sections is the text, without the
    // cards (a list of links), the note the page says three times (its figures aside),
    // the heading over the logos (no prose under it) and the teaser (an `article` of its
    // own).
    assert_eq!(
        trimmed(LANDING),
        "Serverless Functions\n\nRun code without thinking about servers: pay only for the time it runs.\n\nWhy Cloudy Functions?\n\nLeave the provisioning, patching and scaling of servers to the platform, which runs your functions in every region and keeps them available when a data centre fails.\n\nWrite functions in the language you know, with the libraries you already use, and deploy them with one command from your laptop or from your build pipeline.\n\nWeb and mobile backends\n\nBackends with sign-in, messages and storage that scale on their own.\n\nBatch processing\n\nRecords processed in parallel, with no servers left running after.\n\nReal-time streams\n\nEach event of a stream handled within milliseconds of its arrival.\n\nScheduled jobs\n\nReports and clean-ups run on a schedule, billed for their minutes.\n"
    );
    // A page that says it is an article (its Open Graph type, or its JSON-LD), or whose
    // part found is inside an `article`, keeps the part found: a news page's teasers of
    // other stories sit in boxes of their own too.
    let one_section = "Serverless Functions\n\nRun code without thinking about servers: pay only for the time it runs.\n\nLeave the provisioning, patching and scaling of servers to the platform, which runs your functions in every region and keeps them available when a data centre fails.\n\nWrite functions in the language you know, with the libraries you already use, and deploy them with one command from your laptop or from your build pipeline.\n";
    assert_eq!(
        trimmed(&LANDING.replace("content=\"website\"", "content=\"article\"")),
        one_section
    );
    assert_eq!(
        trimmed(&LANDING.replace(
            "<title>",
            r#"<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Serverless Functions"}</script><title>"#
        )),
        one_section
    );
    assert_eq!(
        trimmed(
            &LANDING
                .replace(
                    "<main><div class=\"page\">",
                    "<main><article class=\"page\">"
                )
                .replace("</div></main>", "</article></main>")
        ),
        one_section
    );
}

#[test]
fn a_discourse_notice_posted_by_its_system_user_is_no_post() {
    // Discourse's page for readers without a script: each post marks its text, and the
    // forum closes the thread with a post of its own `system` user.
    let page = r#"<html><head><title>YouTube auto dubbed - Support</title></head><body><div id="main-outlet"><h1>YouTube auto dubbed</h1><div itemscope itemtype="http://schema.org/DiscussionForumPosting"><div id="post_1" itemprop="comment" itemscope itemtype="http://schema.org/Comment" class="topic-body crawler-post"><div class="crawler-post-meta"><span class="creator" itemprop="author" itemscope itemtype="http://schema.org/Person"><a itemprop="url" href="https://forum.example.org/u/Unofficial"><span itemprop="name">Unofficial</span></a></span> <span class="crawler-post-infos"><time itemprop="datePublished">May 6, 2025, 6:30pm</time> <span itemprop="position">1</span></span></div><div class="post" itemprop="text"><p>Whenever I watch YouTube videos using the mobile browser, the audio plays in a dubbed version instead of the original, and the audio track option is missing.</p></div></div><div id="post_2" itemprop="comment" itemscope itemtype="http://schema.org/Comment" class="topic-body crawler-post"><div class="crawler-post-meta"><span class="creator" itemprop="author" itemscope itemtype="http://schema.org/Person"><a itemprop="url" href="https://forum.example.org/u/Onimir"><span itemprop="name">Onimir</span></a></span> <span class="crawler-post-infos"><time itemprop="datePublished">May 6, 2025, 6:30pm</time> <span itemprop="position">2</span></span></div><div class="post" itemprop="text"><p>It’s so annoying, I hope the team solves it soon.</p></div></div><div id="post_3" itemprop="comment" itemscope itemtype="http://schema.org/Comment" class="topic-body crawler-post"><div class="crawler-post-meta"><span class="creator" itemprop="author" itemscope itemtype="http://schema.org/Person"><a itemprop="url" href="https://forum.example.org/u/fanboynz"><span itemprop="name">fanboynz</span></a></span> <span class="crawler-post-infos"><time itemprop="datePublished">May 6, 2025, 6:30pm</time> <span itemprop="position">3</span></span></div><div class="post" itemprop="text"><p>Probably only solvable with an extension at the moment; the site decides the track.</p></div></div><div id="post_4" itemprop="comment" itemscope itemtype="http://schema.org/Comment" class="topic-body crawler-post"><div class="crawler-post-meta"><span class="creator" itemprop="author" itemscope itemtype="http://schema.org/Person"><a itemprop="url" href="https://forum.example.org/u/system"><span itemprop="name">system</span></a></span> <span class="crawler-post-infos"><time itemprop="datePublished">May 6, 2025, 6:30pm</time> <span itemprop="position">4</span></span></div><div class="post" itemprop="text"><p>This topic was automatically closed 60 days after the last reply. New replies are no longer allowed.</p></div></div></div></div></body></html>"#;
    assert_eq!(
        trimmed(page),
        "YouTube auto dubbed\n\nWhenever I watch YouTube videos using the mobile browser, the audio plays in a dubbed version instead of the original, and the audio track option is missing.\n\nIt’s so annoying, I hope the team solves it soon.\n\nProbably only solvable with an extension at the moment; the site decides the track.\n"
    );
}

#[test]
fn a_forum_thread_a_script_would_render_is_read_from_its_noscript() {
    // A Discourse thread: the page a script fills, the thread in a `<noscript>` for
    // readers and crawlers without scripts; a short `<noscript>` note stays out, and so
    // does a post's count of likes, and each post's line of its poster and time
    // (`div.crawler-post-meta`, a post's details by its class) on a page that does not
    // say it is a forum's thread.
    let page = r#"<html><head><title>Teams update broke document reviews - Bugs - Community Forum</title></head><body>
<noscript><p>This site works best with JavaScript enabled.</p></noscript>
<section id="main"></section>
<noscript data-path="/t/teams-update-broke-document-reviews/93421">
<header class="d-header"><a href="/">Community Forum</a></header>
<div id="main-outlet" class="wrap" role="main"><div id="topic-title"><h1><a href="/t/teams-update-broke-document-reviews/93421">Teams update broke document reviews</a></h1></div>
<div id="post_1" class="topic-body crawler-post"><div class="crawler-post-meta"><span class="creator" itemprop="author"><a href="/u/DaleJack"><span itemprop="name">DaleJack</span></a></span> <time class="post-time" datetime="2024-09-05T23:15:12Z">September 5, 2024, 11:15pm</time> <span itemprop="position">1</span></div>
<div class="post" itemprop="text"><p>We are on Teams and the version released last night is broken: document reviews fail, and the grammar checks no longer run at all.</p>
<p>I have not checked all the rest we do yet, but I will post more here as we see it over the next days.</p></div></div>
<div id="post_2" class="topic-body crawler-post"><div class="crawler-post-meta"><span class="creator" itemprop="author"><a href="/u/Maria2"><span itemprop="name">Maria2</span></a></span> <time class="post-time" datetime="2024-09-06T08:02:40Z">September 6, 2024, 8:02am</time> <span itemprop="position">2</span></div>
<div class="post" itemprop="text"><p>Same here since yesterday: reviews of long documents stop halfway, and asking again gives the same broken answer.</p></div>
<div itemprop="interactionStatistic" itemscope itemtype="http://schema.org/InteractionCounter"><meta itemprop="userInteractionCount" content="3" /><span class='post-likes'>3 Likes</span></div></div>
</div>
<footer class="noscript-footer-nav"><a href="/about">About</a> <a href="/faq">FAQ</a></footer>
</noscript></body></html>"#;
    assert_eq!(
        trimmed(page),
        "Teams update broke document reviews\n\nWe are on Teams and the version released last night is broken: document reviews fail, and the grammar checks no longer run at all.\n\nI have not checked all the rest we do yet, but I will post more here as we see it over the next days.\n\nSame here since yesterday: reviews of long documents stop halfway, and asking again gives the same broken answer.\n"
    );
}

#[test]
fn a_forum_thread_keeps_its_posts_where_they_sit_in_a_comments_box_or_in_articles() {
    // An Invision Community thread: the page calls itself a `DiscussionForumPosting`
    // (schema.org, in JSON-LD) and its posts sit in `div#comments`. Under an article
    // that box holds the readers' comments and stays out; here it is the thread. The
    // posters' names, levels and counts stay out.
    let invision = r#"<!DOCTYPE html><html><head><title>New UI 2024 - General Discussions - User Forum</title>
<script type="application/ld+json">{"@context":"http://schema.org","@type":"DiscussionForumPosting","name":"New UI 2024","headline":"New UI 2024","text":"I don't like this new look.","author":{"@type":"Person","name":"Payam"}}</script></head><body>
<div id="ipsLayout_header"><nav><a href="/">Home</a> <a href="/forum/">Forums</a> <a href="/login/">Sign In</a></nav></div>
<main id="ipsLayout_body" class="ipsLayout_container"><div id="ipsLayout_contentArea">
<div class="ipsPageHeader ipsBox"><h1 class="ipsType_pageTitle ipsContained_container"><span class="ipsType_break ipsContained">New UI 2024</span></h1></div>
<div id="comments" class="cTopic ipsClear ipsSpacer_top">
<article id="elComment_101" class="cPost ipsBox ipsResponsive_pull ipsComment ipsComment_parent ipsClearfix ipsClear ipsColumns">
<aside class="ipsComment_author cAuthorPane ipsColumn ipsColumn_medium"><h3 class="ipsType_sectionHead cAuthorPane_author"><strong><a href="/profile/1-payam/">Payam</a></strong></h3><ul class="cAuthorPane_info ipsList_reset"><li class="ipsType_light">Level 1*</li><li>7 posts</li></ul></aside>
<div class="ipsColumn ipsColumn_fluid"><div id="comment-101_wrap" class="ipsComment_content ipsType_medium"><div class="ipsComment_meta ipsType_light"><p><a href="/topic/1-new-ui/?do=findComment&amp;comment=101"><time datetime="2024-03-02T10:00:00Z">March 2, 2024</time></a></p></div>
<div class="cPost_contentWrap"><div data-role="commentContent" class="ipsType_normal ipsType_richText ipsPadding_bottom ipsContained"><p>I don't like this new look; not that it's bad at all, but the previous one was more sophisticated and still very easy to use.</p><p>I just wish it goes back to the previous look, or at least that we have the option to choose.</p>
<span class="ipsType_reset ipsType_medium ipsType_light" data-excludequote=""><strong>Edited <time datetime="2024-03-02T11:00:00Z">March 2</time> by Payam</strong> <a href="/topic/1-new-ui/?do=editlogComment&amp;comment=101" title="see edit history">(see edit history)</a></span></div></div>
<div data-role="memberSignature" class="ipsEntry__signature"><p>Design should be simple. Communication should be honest. I advocate for both, on behalf of everyone.</p></div></div></div>
</article>
<article id="elComment_102" class="cPost ipsBox ipsResponsive_pull ipsComment ipsComment_parent ipsClearfix ipsClear ipsColumns">
<aside class="ipsComment_author cAuthorPane ipsColumn ipsColumn_medium"><h3 class="ipsType_sectionHead cAuthorPane_author"><strong><a href="/profile/2-soapm/">Soapm</a></strong></h3><ul class="cAuthorPane_info ipsList_reset"><li class="ipsType_light">Level 3*</li><li>540 posts</li></ul></aside>
<div class="ipsColumn ipsColumn_fluid"><div id="comment-102_wrap" class="ipsComment_content ipsType_medium"><div class="ipsComment_meta ipsType_light"><p><a href="/topic/1-new-ui/?do=findComment&amp;comment=102"><time datetime="2024-03-03T10:00:00Z">March 3, 2024</time></a></p></div>
<div class="cPost_contentWrap"><div data-role="commentContent" class="ipsType_normal ipsType_richText ipsPadding_bottom ipsContained"><p>I agree with you: I came to this application years ago because it was trim and intuitive, and now I can't find anything.</p></div></div></div></div>
</article>
</div>
<div class="cTopicPostArea ipsBox" id="replyArea"><p>Create an account or sign in to comment</p></div>
</div></main>
<footer id="ipsLayout_footer"><a href="/privacy/">Privacy Policy</a> <a href="/guidelines/">Guidelines</a></footer>
</body></html>"#;
    assert_eq!(
        trimmed(invision),
        "New UI 2024\n\nI don't like this new look; not that it's bad at all, but the previous one was more sophisticated and still very easy to use.\n\nI just wish it goes back to the previous look, or at least that we have the option to choose.\n\nI agree with you: I came to this application years ago because it was trim and intuitive, and now I can't find anything.\n"
    );
    // The same page calling itself an article is an article with its readers'
    // comments: nothing of it is the article's.
    let r = filter(&invision.replace("DiscussionForumPosting", "Article"), &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stderr,
        "stdin: dropped by spam-trim: no article text: 2 short lines, none a sentence (title, menus or interface)\n"
    );
    // A XenForo thread: each post an `article`, its text nine levels down, the replies'
    // text marked `itemprop="text"` (the opening post only in the JSON-LD). Every post
    // is kept, however short, without the posters' join dates and message counts, the
    // note of a post's last edit and the poster's signature.
    let xenforo = r#"<!DOCTYPE html><html><head><title>Early ALS symptoms? | ALS Forums</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"DiscussionForumPosting","headline":"Early ALS symptoms?","articleBody":"Hi and thank you to anyone who takes the time to reply to me.","author":{"@type":"Person","name":"lulug30"}}</script></head><body>
<header class="p-header"><nav><a href="/">Forums</a> <a href="/whats-new/">What's new</a> <a href="/login/">Log in</a></nav></header>
<div class="p-body"><div class="p-title"><h1 class="p-title-value">Early ALS symptoms?</h1></div>
<div class="block block--messages"><div class="block-body js-replyNewMessageContainer">
<article class="message message--post js-post js-inlineModContainer" data-author="lulug30" id="js-post-1">
<div class="message-inner"><div class="message-cell message-cell--user"><section class="message-user"><h4 class="message-name"><a href="/members/lulug30.1/" class="username">lulug30</a></h4><h5 class="userTitle message-userTitle">New member</h5>
<div class="message-userExtras"><dl class="pairs pairs--justified"><dt>Joined</dt><dd>Apr 12, 2024</dd></dl><dl class="pairs pairs--justified"><dt>Messages</dt><dd>3</dd></dl></div></section></div>
<div class="message-cell message-cell--main"><div class="message-main"><header class="message-attribution"><a href="/threads/early-als-symptoms.1/post-1"><time>Apr 12, 2024</time></a> <a href="/threads/early-als-symptoms.1/post-1">#1</a></header>
<div class="message-content"><div class="message-userContent lbContainer"><article class="message-body js-selectToQuote"><div class="bbWrapper">Hi and thank you to anyone who takes the time to reply to me. I'm just looking for a bit of reassurance, please.<br /><br />Three weeks ago my right upper eyelid started twitching, and now I have twitching in my arms, legs and calves as well. Does this sound like early symptoms, or could it be the stress of the last months?</div></article></div></div>
<footer class="message-footer"><a href="/posts/1/react" class="reaction">Like</a> <a href="/threads/early-als-symptoms.1/reply?quote=1">Reply</a></footer></div></div></div></article>
<article class="message message--post js-post js-inlineModContainer" data-author="ShiftKicker" id="js-post-2">
<div class="message-inner"><div class="message-cell message-cell--user"><section class="message-user"><h4 class="message-name"><a href="/members/shiftkicker.2/" class="username">ShiftKicker</a></h4><h5 class="userTitle message-userTitle">Moderator</h5>
<div class="message-userExtras"><dl class="pairs pairs--justified"><dt>Joined</dt><dd>Mar 16, 2015</dd></dl><dl class="pairs pairs--justified"><dt>Messages</dt><dd>9,512</dd></dl><dl class="pairs pairs--justified"><dt>Country</dt><dd>CA</dd></dl></div></section></div>
<div class="message-cell message-cell--main"><div class="message-main"><header class="message-attribution"><a href="/threads/early-als-symptoms.1/post-2"><time>Apr 12, 2024</time></a> <a href="/threads/early-als-symptoms.1/post-2">#2</a></header>
<div class="message-content"><div class="message-userContent lbContainer"><article class="message-body js-selectToQuote"><div itemprop="text"><div class="bbWrapper">Hello, and have a read of the pinned post first. Twitching without clinical weakness, and sensations that come and go, point in a different direction.<br /><br />Frustrating for you not to have answers yet, but that is good news.</div></div></article><div class="message-lastEdit">Last edited: Apr 12, 2024</div>
<aside class="message-signature"><div class="bbWrapper">Diagnosed in 2015. Still here, still posting, and still reading every new thread that comes in.</div></aside></div></div>
<footer class="message-footer"><a href="/posts/2/react" class="reaction">Like</a> <a href="/threads/early-als-symptoms.1/reply?quote=2">Reply</a></footer></div></div></div></article>
<article class="message message--post js-post js-inlineModContainer" data-author="lulug30" id="js-post-3">
<div class="message-inner"><div class="message-cell message-cell--user"><section class="message-user"><h4 class="message-name"><a href="/members/lulug30.1/" class="username">lulug30</a></h4><h5 class="userTitle message-userTitle">New member</h5>
<div class="message-userExtras"><dl class="pairs pairs--justified"><dt>Joined</dt><dd>Apr 12, 2024</dd></dl><dl class="pairs pairs--justified"><dt>Messages</dt><dd>3</dd></dl></div></section></div>
<div class="message-cell message-cell--main"><div class="message-main"><header class="message-attribution"><a href="/threads/early-als-symptoms.1/post-3"><time>Apr 13, 2024</time></a> <a href="/threads/early-als-symptoms.1/post-3">#3</a></header>
<div class="message-content"><div class="message-userContent lbContainer"><article class="message-body js-selectToQuote"><div itemprop="text"><div class="bbWrapper">Thank you for replying.</div></div></article></div></div>
<footer class="message-footer"><a href="/posts/3/react" class="reaction">Like</a> <a href="/threads/early-als-symptoms.1/reply?quote=3">Reply</a></footer></div></div></div></article>
</div></div>
<form class="block js-quickReply"><div class="block-container"><p>You must log in or register to reply here.</p></div></form>
</div>
<footer class="p-footer"><a href="/help/terms/">Terms and rules</a> <a href="/help/privacy-policy/">Privacy policy</a></footer>
</body></html>"#;
    assert_eq!(
        trimmed(xenforo),
        "Early ALS symptoms?\n\nHi and thank you to anyone who takes the time to reply to me. I'm just looking for a bit of reassurance, please.\n\nThree weeks ago my right upper eyelid started twitching, and now I have twitching in my arms, legs and calves as well. Does this sound like early symptoms, or could it be the stress of the last months?\n\nHello, and have a read of the pinned post first. Twitching without clinical weakness, and sensations that come and go, point in a different direction.\n\nFrustrating for you not to have answers yet, but that is good news.\n\nThank you for replying.\n"
    );
    // The same thread from a forum that marks no post's text: every post is found by
    // its place (a moderator's post, `message--mod`, too) and read from where the
    // first post has its text.
    let unmarked = xenforo
        .replace(
            "<div itemprop=\"text\"><div class=\"bbWrapper\">",
            "<div class=\"bbWrapper\">",
        )
        .replace("</div></div></article>", "</div></article>")
        .replace(
            "message--post js-post js-inlineModContainer\" data-author=\"ShiftKicker\"",
            "message--post message--mod js-post js-inlineModContainer\" data-author=\"ShiftKicker\"",
        );
    assert_eq!(trimmed(&unmarked), trimmed(xenforo));
    // An opening post of one line, unmarked, beside marked replies: kept.
    let short = xenforo.replace("Hi and thank you to anyone who takes the time to reply to me. I'm just looking for a bit of reassurance, please.<br /><br />Three weeks ago my right upper eyelid started twitching, and now I have twitching in my arms, legs and calves as well. Does this sound like early symptoms, or could it be the stress of the last months?", "Does twitching mean early symptoms?");
    assert_eq!(
        trimmed(&short),
        "Early ALS symptoms?\n\nDoes twitching mean early symptoms?\n\nHello, and have a read of the pinned post first. Twitching without clinical weakness, and sensations that come and go, point in a different direction.\n\nFrustrating for you not to have answers yet, but that is good news.\n\nThank you for replying.\n"
    );
}

#[test]
fn folded_answers_and_streamed_parts_are_text_and_a_closed_dialog_is_not() {
    // An FAQ's answers shown by a click (`display: none`) are the page's text; a hidden
    // dialog is not.
    let faq = r#"<html><head><title>Online certificate programs explained</title></head><body>
<main><article><h1>Online certificate programs explained</h1>
<p>An online certificate program is postsecondary training that takes weeks rather than years, and many of them are free to start and finish.</p>
<div class="in-page-faq"><h3>Who should take a certificate program?</h3>
<div class="faq__answer" style="display: none"><p>People who want to learn one skill for their job, change careers, or show an employer what they know, without the time and cost of a degree.</p></div>
<h3>How long does a certificate take?</h3>
<div class="faq__answer" style="display: none"><p>Most take between two and six hours of study a week for a month or two, and the learner sets the pace for each module.</p></div></div>
</article></main>
<div class="modal" role="dialog" hidden><p>Sign up for our newsletter and get a discount on your first paid course today.</p></div>
</body></html>"#;
    assert_eq!(
        trimmed(faq),
        "Online certificate programs explained\n\nAn online certificate program is postsecondary training that takes weeks rather than years, and many of them are free to start and finish.\n\nWho should take a certificate program?\n\nPeople who want to learn one skill for their job, change careers, or show an employer what they know, without the time and cost of a degree.\n\nHow long does a certificate take?\n\nMost take between two and six hours of study a week for a month or two, and the learner sets the pace for each module.\n"
    );
    // The rest of an article a script streams in (`<div hidden id="S:0">`, moved into
    // place when it arrives).
    let streamed = r#"<html><head><title>Salesforce and Microsoft compete for the office | The Daily Fool</title></head><body>
<main><article><h1>Salesforce and Microsoft compete for the office</h1>
<p>When talking about cloud computing, Salesforce needs to be part of the conversation, and its purchase of Slack made the contest with Microsoft plain.</p>
<template id="B:0"></template><p>Loading...</p></article></main>
<div hidden id="S:0"><p>Salesforce's takeover of the collaboration tool Slack put it on a collision course with Microsoft's Teams suite, which comes free with many Office plans.</p><p>Investors will watch whether Slack keeps growing inside the larger company, or whether bundling gives Teams the edge with big customers.</p></div>
</body></html>"#;
    assert_eq!(
        trimmed(streamed),
        "Salesforce and Microsoft compete for the office\n\nWhen talking about cloud computing, Salesforce needs to be part of the conversation, and its purchase of Slack made the contest with Microsoft plain.\n\nSalesforce's takeover of the collaboration tool Slack put it on a collision course with Microsoft's Teams suite, which comes free with many Office plans.\n\nInvestors will watch whether Slack keeps growing inside the larger company, or whether bundling gives Teams the edge with big customers.\n"
    );
}

#[test]
fn a_lead_after_a_box_inside_font_in_a_layout_tables_cell_is_the_articles() {
    // A news page of 2005: the article in a layout table's cell inside `<font>`, the lead
    // in bold after a picture's box and before the article's `<p>`: the lead is the
    // `font`'s text, as the paragraph is, not the outer table row's.
    let page = r#"<html><head><title>BBC NEWS | Technology | Apple iPod sets sights on video</title></head><body><table><tr><td><div class="mxb"><h1>Apple iPod sets sights on video</h1></div><font size="2">
<div class="o"><img alt="" src="o.gif"/></div>
<b>Apple has set its sights on conquering the world of portable video with the launch of a sound and vision version of its iconic iPod.</b>
<p>
It is looking to build on the success of its digital music player, having sold 28 million music-playing iPods since 2001.
But the computer maker is coming late to the world of video on the go. There are several media players available from Microsoft and its hardware partners, as well as gadgets from rivals Creative and Archos.
And the Japanese electronic giant Sony recently entered the fray with its PlayStation Portable (PSP), which sports a large screen to play films on its UMD discs.
"Sony has the design skills to match its devices and, the PSP, with its added gaming appeal, could rival Apple," said Salman Momen, technology analyst at Capgemini.
</font></td></tr></table></body></html>"#;
    assert_eq!(
        trimmed(page),
        "Apple iPod sets sights on video\n\nApple has set its sights on conquering the world of portable video with the launch of a sound and vision version of its iconic iPod.\n\nIt is looking to build on the success of its digital music player, having sold 28 million music-playing iPods since 2001. But the computer maker is coming late to the world of video on the go. There are several media players available from Microsoft and its hardware partners, as well as gadgets from rivals Creative and Archos. And the Japanese electronic giant Sony recently entered the fray with its PlayStation Portable (PSP), which sports a large screen to play films on its UMD discs. \"Sony has the design skills to match its devices and, the PSP, with its added gaming appeal, could rival Apple,\" said Salman Momen, technology analyst at Capgemini.\n"
    );
}

#[test]
fn a_link_aggregators_thread_is_its_comments_without_their_posters_lines() {
    // A Lobsters thread: a submission's title and link (no headline of the page's own),
    // then the comments, each under a line naming its poster and how long ago. Read as
    // an article, the page says one line and was dropped.
    let comments = [
        "Very interested in the ergonomic reference counting goal. I work with a lot of asynchronous tasks, so I am cloning shared pointers everywhere and it clutters every spawn.",
        "So do I, and I do not think eliding the clones would help much: the explicit clone tells the reader that a task gets its own handle, which is exactly what I want to see in review.",
        "That is my concern as well. I have never felt the pain of cloning to be a burden large enough to justify a new trait for lightweight clones, with all the rules it would bring along.",
        "I was against implicit clones at first, but I have come around: people who are new to the language hit this wall on their first day, and the noise does not teach them anything useful.",
        "Am I using async differently from everyone else? The need for explicit clones rarely comes up in my code, because most of my tasks borrow from a scope that outlives them anyway.",
        "Scoped tasks help, but the moment you hand work to a pool that wants static lifetimes you are back to cloning before every move, and that is most of the servers I have worked on.",
        "The goal that interests me more is the one about stabilising the remaining pieces of async closures, which would remove half of the clones in my code without any new rule at all.",
        "Whatever they choose, I hope the error messages keep pointing at the clone that is missing, because those messages are what made the current rules bearable for my whole team.",
        "Implicit or not, a clone of a shared pointer is one atomic increment, so the cost argument is weak; the argument that matters is whether a reader can still see ownership at a glance.",
    ];
    // (Each said twice: a long thread.)
    let tree: String = comments
        .iter()
        .chain(&comments)
        .enumerate()
        .map(|(i, c)| format!("<li class=\"comments_subtree\"><div class=\"comment\"><div class=\"details\"><div class=\"byline\"><a href=\"/~user{i}\">user{i}</a> {} hours ago | <a href=\"/c/{i}\">link</a></div><div class=\"comment_text\"><p>{c}</p></div></div></div></li>", i + 1))
        .collect();
    let page = format!("<html><head><title>Rust project goals for 2024 | Lobsters</title></head><body><header><nav><a href=\"/active\">Active</a> <a href=\"/recent\">Recent</a> <a href=\"/login\">Login</a></nav></header><div id=\"inside\"><ol class=\"stories list\"><li class=\"story\"><div class=\"details\"><span class=\"link\"><a class=\"u-url\" href=\"https://blog.example.org/2024/goals.html\">Rust project goals for 2024</a></span> <a class=\"domain\" href=\"/origin/blog.example.org\">blog.example.org</a><div class=\"byline\">via <a href=\"/~scvalex\">scvalex</a> 1 year ago | <a href=\"/t/rust\">rust</a> | <a href=\"/s/dwip3v\">9 comments</a></div></div></li></ol><ol class=\"comments comments1\">{tree}</ol></div><footer><a href=\"/about\">About</a></footer></body></html>");
    let expected: String = comments
        .iter()
        .chain(&comments)
        .map(|c| format!("{c}\n\n"))
        .collect();
    assert_eq!(trimmed(&page), expected.trim_end().to_string() + "\n");
}

#[test]
fn a_post_that_its_theme_wraps_in_a_widget_is_the_text_not_the_teasers_beside_it() {
    // A news site's theme puts every box of the page in a `section.widget`: the post,
    // two boxes of other stories' teasers (together more prose than the post), a
    // newsletter box. The whole page was the text: the post, then every teaser.
    let teaser = |n: u32, title: &str, text: &str| {
        format!("<article id=\"post-{n}\" class=\"article\"><div class=\"title\">{title}</div><div class=\"categories\">Front Page</div><div class=\"author\">Webmaster</div><div class=\"body\">{text}...</div></article>")
    };
    let page = format!(
        "<html><head><title>Enrolment opens for evening language classes - Searchlight</title></head><body><section id=\"posts_slot-1\" class=\"widget widget_posts_slot\"><article id=\"post-7\" class=\"article Single-Post\"><h1>Enrolment opens for evening language classes</h1><div class=\"body\"><p>The institute has begun enrolment for new students who want to join its evening language courses in the new year, it said on Monday.</p><p>The enrolment period runs until the sixth of January, and classes begin the following week in the institute's rooms on the main street.</p><p>Prospective students complete their registration through a form on the institute's website, where the timetable is also published.</p></div></article></section><section id=\"posts_slot-2\" class=\"widget widget_posts_slot\"><div class=\"mainColumnLabel\">ALSO IN THE NEWS</div>{}{}</section><section id=\"posts_slot-3\" class=\"widget widget_posts_slot\"><div class=\"mainColumnLabel\">News</div>{}{}</section><section id=\"custom_html-15\" class=\"widget widget_text\"><p>Subscribe Now</p></section></body></html>",
        teaser(8, "Hampers for 1,500 families", "THE SALVATION ARMY continued its long-standing tradition of community outreach with the distribution of 1,500 Christmas hampers on Tuesday, December 1"),
        teaser(9, "Clerk recalled to the House", "THE CLERK who served the House of Assembly for twenty-five years has been called out of retirement for active service, a notice dated December 1 says, and"),
        teaser(10, "Festival launched with a parade", "THE national Christmas festival was launched on Sunday with a colourful parade through the streets of the capital, watched by crowds along the way and then"),
        teaser(11, "Police mount an exhibition", "THE POLICE FORCE mounted an exhibition on Wednesday as part of its annual crime prevention week, with stands on road safety, fraud and the ways to report"),
    );
    assert_eq!(
        trimmed(&page),
        "Enrolment opens for evening language classes\n\nThe institute has begun enrolment for new students who want to join its evening language courses in the new year, it said on Monday.\n\nThe enrolment period runs until the sixth of January, and classes begin the following week in the institute's rooms on the main street.\n\nProspective students complete their registration through a form on the institute's website, where the timetable is also published.\n"
    );
}
