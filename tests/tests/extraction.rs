//! Main-content extraction through the real `wenku` binary and spam-trim library: pages
//! without an article dropped with their reason, titles said once, gallery captions kept
//! once without their credits, digests kept whole, other articles' excerpts left out.

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

/// A WeChat article saved as Markdown: its title over the cover image, then again.
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
        "Kernel PWN从入门到提升\n\nkotoriseed\n\n看雪学苑\n\n本文为看雪论坛精华文章，作者用一道例题详细讲解内核漏洞利用从入门过渡到较高难度的部分。\n\n在开始看这篇文章之前，我希望小伙伴们已经掌握了kernel pwn一些最基本的操作，例如装好所需要的前置环境。\n"
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
    assert_eq!(
        trimmed(WITH_EXCERPTS),
        "BUFFALO, N.Y. — Hours before Zach Parise’s two-goal performance Tuesday, Wild coach Bruce Boudreau expressed confidence in the veteran winger, saying he always finds a way to start scoring.

“It takes a little longer now, but he’s playing well now, he’s getting a little bit of confidence back,” Boudreau said before the Wild’s 4-1 win over the Sabres.

Right now, having scored four times during a three-game streak, Parise is brimming with confidence.

Parise opened the scoring by stripping Sabres center Casey Mittelstadt in the neutral zone and burying Joel Eriksson Ek’s feed on a two-on-one.
"
    );
}
