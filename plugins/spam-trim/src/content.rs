//! The article among a Markdown document's blocks (pages saved as Markdown keep their
//! menus, link lists and footers as lists and paragraphs of links).
//!
//! Each block is prose (no more than half links, and long or a sentence; a Chinese list
//! item of 10 characters and more without links is a sentence without its full stop),
//! navigation (short, and a list item at least half links or a paragraph at least 80%
//! links) or neither (headings, bylines, captions, code, table rows). A document without
//! navigation is all article. Otherwise the article is the run of blocks with the highest
//! score — prose counts its weight, neither a third of it, navigation costs its link
//! weight and a little more, a boilerplate line of the lexicon (a site's interface text)
//! nothing — so menus before it and link lists after it fall outside; navigation blocks
//! inside the run go too. A table of contents (list items linking to the anchors of
//! their own words, `[Section two](#section_two)`) is navigation that weighs nothing,
//! wherever it stands: the article goes on after it, and a short line over it (`本文代码
//! 见 github。` between a post's date and its contents) is not cut off; so is a
//! reference list after the article's first paragraph (entries linking by full address
//! to a site each, or nearly: a podcast's episode links), which stays as the article's. A document that links to many sites with little prose beside
//! the links is a digest and is kept whole, and so is one of nothing but headings and
//! lists whose links all go to other sites by full address; a document without prose
//! whose links go to a few sites is menus, and only what is not navigation is kept.

use crate::block::{Block, Kind};
use crate::lexicon::Lexicon;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    Prose,
    Navigation,
    Neither,
}

fn sentence_end(s: &str) -> bool {
    s.trim_end().ends_with([
        '.', '!', '?', '。', '！', '？', '…', '”', '"', '；', ';', ':', '：', ')', '）',
    ])
}

/// Whether `s` holds at least 10 CJK characters.
fn cjk_text(s: &str) -> bool {
    s.chars()
        .filter(|c| crate::block::char_weight(*c) == 2)
        .nth(9)
        .is_some()
}

/// The words a menu's card ends with, linking to what it describes.
const CARD_CALLS: [&str; 7] = [
    "Learn more",
    "Read more",
    "Find out more",
    "了解更多",
    "查看更多",
    "了解详情",
    "阅读更多",
];

/// Whether a code block's text is prose set as code (a post written in code fences):
/// at least half of its characters, spaces left out, Han, and a sentence's mark in it.
/// Code with comments in Chinese is mostly code.
fn prose_in_code(text: &str) -> bool {
    let (mut han, mut all) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        all += 1;
        han += usize::from(crate::lines::is_han(c));
    }
    han * 2 >= all && text.contains(['。', '！', '？', '，'])
}

/// Whether a block is a blog's archive of months, a menu however long its text
/// (`Select Month October 2025 (1) September 2025 (2) …`, `2025年10月 (1) …`): at
/// least [`ARCHIVE_MONTHS_MIN`] months with their year, and four in five of its words
/// months, years and counts.
fn archive_months(text: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let year = |w: &str| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit());
    let count = |w: &str| {
        w.strip_prefix('(')
            .and_then(|w| w.strip_suffix(')'))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    };
    let han_month = |w: &str| {
        w.split_once('年').is_some_and(|(y, m)| {
            year(y)
                && m.strip_suffix('月').is_some_and(|m| {
                    (1..=2).contains(&m.len()) && m.bytes().all(|b| b.is_ascii_digit())
                })
        })
    };
    let words: Vec<&str> = text.split_whitespace().collect();
    let (mut months, mut covered, mut i) = (0usize, 0usize, 0usize);
    while i < words.len() {
        let n = if MONTHS.contains(&words[i]) && words.get(i + 1).is_some_and(|w| year(w)) {
            2
        } else if han_month(words[i]) {
            1
        } else {
            i += 1;
            continue;
        };
        months += 1;
        covered += n;
        i += n;
        if words.get(i).is_some_and(|w| count(w)) {
            covered += 1;
            i += 1;
        }
    }
    months >= ARCHIVE_MONTHS_MIN && covered * 5 >= words.len() * 4
}

/// Months an archive of months lists at least ([`archive_months`]).
const ARCHIVE_MONTHS_MIN: usize = 6;

/// Least weight of a heading that ends with a full stop for [`classify`] to read it as a
/// sentence: a headline is shorter, or ends without a stop.
const HEADING_SENTENCE_WEIGHT: usize = 80;

/// Most share of a Chinese list item's weight its links may hold for [`classify`] to read
/// it as a sentence, when its clauses are a sentence's (a `，` between them).
const CJK_ITEM_LINK_SHARE: f64 = 0.25;

fn classify(b: &Block) -> Class {
    let w = b.weight();
    let ld = b.link_density();
    if b.kind == Kind::Code {
        return match prose_in_code(&b.text) && w >= 80 {
            true => Class::Prose,
            false => Class::Neither,
        };
    }
    if archive_months(&b.text) {
        return Class::Navigation;
    }
    // A card of a site's product menu: a list item describing a page, closed by its link
    // (`Container Security Simplify security for your cloud-native applications Learn
    // more`), is navigation however long its description.
    if matches!(b.kind, Kind::Item { .. })
        && b.link_weight > 0
        && CARD_CALLS.iter().any(|c| b.text.trim_end().ends_with(c))
    {
        return Class::Navigation;
    }
    if menu_entry(b) {
        return Class::Navigation;
    }
    if labelled_address(b) {
        return Class::Neither;
    }
    // A list item mostly of links, or a paragraph that is (nearly) all link: a sentence
    // with a long linked phrase in it is still prose.
    let link_share = if matches!(b.kind, Kind::Item { .. }) {
        0.5
    } else {
        0.8
    };
    // A heading linked to its own anchor (`## [Abstract](#abstract)`, a site's
    // permalink to the section) is a heading, not a menu's link.
    let own_anchor = matches!(b.kind, Kind::Heading(_)) && jumps_to_own_anchor(b);
    if b.link_weight > 0
        && ld >= link_share
        && (w < 400 || ld >= 0.9)
        && !own_anchor
        && !said_address(b)
        && !numbered_section(b)
    {
        return Class::Navigation;
    }
    if matches!(b.kind, Kind::Heading(_)) {
        // A sentence set as a heading (a text file's `# STATUS: The vulnerability was
        // reported … .` comments, which Markdown reads as headings) is prose.
        let t = b.text.trim_end();
        return match w >= HEADING_SENTENCE_WEIGHT
            && ld < 0.5
            && t.ends_with(['.', '。'])
            && !t.ends_with("...")
        {
            true => Class::Prose,
            false => Class::Neither,
        };
    }
    if ld < 0.5 && (w >= 80 || (w >= 30 && sentence_end(&b.text))) {
        Class::Prose
    } else if matches!(b.kind, Kind::Item { .. })
        && (ld < 0.1 || (ld < CJK_ITEM_LINK_SHARE && b.text.contains('，')))
        && w >= 30
        && cjk_text(&b.text)
    {
        // A Chinese list item is a sentence without its full stop (release notes,
        // feature lists; a sentence of clauses may thank a contributor by a link:
        // `增加 TG 机器人推送支持，感谢 [@moonD4rk](…) 贡献`); a menu's items are links,
        // a file's card its fields (`时间: … 大小: 1.97 M 下载: 103 [登录下载](…)`).
        Class::Prose
    } else {
        Class::Neither
    }
}

/// Whether `b` is a heading numbered as a section (`## 3. [Go到私有仓库的请求认证](…)`,
/// `### 2.1. …`): its title linked to where it comes from is still a section's title; a
/// menu does not number its entries as headings.
fn numbered_section(b: &Block) -> bool {
    if !matches!(b.kind, Kind::Heading(_)) {
        return false;
    }
    // (`3.`, `2.1`, `2.1.`, `3、`, `3.背景`, `3、背景`: a figure alone is a title's count,
    // `4 Steps to…`, and so is a figure run into a Latin word, `3.5x faster`, `2.x guide`.)
    let t = b.text.trim_start();
    let (word, rest) = t.split_at(
        t.bytes()
            .take_while(|c| c.is_ascii_digit() || *c == b'.')
            .count(),
    );
    let number = word.trim_end_matches('.');
    (rest.starts_with('、')
        || word.ends_with('.') && rest.starts_with(|c: char| !c.is_ascii() || c == '[')
        || word.contains('.') && rest.starts_with(' '))
        && !number.is_empty()
        && number.len() <= 8
        && number
            .split('.')
            .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|c| c.is_ascii_digit()))
}

/// Longest link text (in characters) of a menu's entry ([`menu_entry`]).
const MENU_ENTRY_MAX: usize = 40;

/// Whether a list item is an entry of a site's drop-down menu: its link alone on its
/// line, then a line of the link's words again and a short line of what the page behind
/// it offers, nothing more (`* [For business](//www.avast.com/
/// business)` / `For business` / `Protect your business with Avast`).
fn menu_entry(b: &Block) -> bool {
    if !matches!(b.kind, Kind::Item { .. }) {
        return false;
    }
    let m = b.markdown.trim_start();
    let m = m.strip_prefix(['*', '-', '+']).unwrap_or(m).trim_start();
    let Some(rest) = m.strip_prefix('[') else {
        return false;
    };
    let Some((words, after)) = rest.split_once("](") else {
        return false;
    };
    let Some((_, after)) = after.split_once(')') else {
        return false;
    };
    let words = words.trim();
    !words.is_empty()
        && words.chars().count() <= MENU_ENTRY_MAX
        && !words.contains(['[', ']', '!'])
        && after.trim_start_matches(' ').starts_with('\n')
        && {
            let mut lines = after.lines().map(str::trim).filter(|l| !l.is_empty());
            lines.next() == Some(words)
                && lines
                    .next()
                    .is_some_and(|l| l.chars().count() <= MENU_ENTRY_MAX * 2)
                && lines.next().is_none()
        }
}

/// Least weight of a list item's own text beside the addresses it writes out for
/// [`said_address`].
const SAID_ADDRESS_OWN_WEIGHT: usize = 8;

/// Whether a list item writes out an address and says what it is (`* <http://192.168.56.22/
/// Default.aspx> 可以上传文件`): its links all autolinks (`<…>`, the address its own
/// text), its own text beside them at least [`SAID_ADDRESS_OWN_WEIGHT`]. A menu's or a
/// list of articles' links have titles.
fn said_address(b: &Block) -> bool {
    matches!(b.kind, Kind::Item { .. })
        && b.markdown.contains("<http")
        && !b.markdown.contains("](")
        && b.weight().saturating_sub(b.link_weight) >= SAID_ADDRESS_OWN_WEIGHT
}

/// Whether a block gives an address under its label (`地址：[https://clipdrop.co/stable-doodle](…)`,
/// `项目主页: [https://…](…)`, `### AI 图像生成器：[https://raphael.app/zh](…)`): a label of
/// at most [`ADDRESS_LABEL_MAX`] characters and a colon, then one address written out
/// as the link's text, nothing after it. What the article points its reader at is its
/// own text, not a menu's link; a label that credits a source, links the post itself
/// or the site's domain, or offers another copy (`原文地址`, `本文链接`, `最新域名`,
/// `Source`, `Permalink`, `Read for free`: [`SOURCE_LABEL_WORDS`],
/// [`SOURCE_LABEL_ENGLISH`]) is left to the rules that drop such lines, as is a block
/// with more after its address or more than one link.
fn labelled_address(b: &Block) -> bool {
    if b.kind == Kind::Code || b.kind == Kind::Caption || b.markdown.matches("](").count() != 1 {
        return false;
    }
    let t = b.text.trim();
    let Some((label, _, address)) = crate::markdown::label_split(t) else {
        return false;
    };
    let (label, address) = (label.trim(), address.trim());
    let lower = label.to_lowercase();
    // (`Source code:` points at the article's own program.)
    let credits = SOURCE_LABEL_WORDS.iter().any(|w| lower.contains(w))
        || lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| SOURCE_LABEL_ENGLISH.contains(&w) && !lower.starts_with("source code"));
    (1..=ADDRESS_LABEL_MAX).contains(&label.chars().count())
        && !crate::lines::ends_sentence(label)
        && !credits
        && (address.starts_with("http://")
            || address.starts_with("https://")
            || address.starts_with("www."))
        && address.chars().all(|c| c.is_ascii_graphic() && c != '(')
        && (b.markdown.contains("[http") || b.markdown.contains("[www."))
}

/// Most characters of the label over an address ([`labelled_address`]).
const ADDRESS_LABEL_MAX: usize = 16;

/// Words of a label that credits a source, links the post itself or the site, or offers
/// another copy, rather than points at what the article is about ([`labelled_address`]).
const SOURCE_LABEL_WORDS: [&str; 22] = [
    "原文",
    "来源",
    "來源",
    "出处",
    "出處",
    "转载",
    "轉載",
    "转自",
    "轉自",
    "参考",
    "參考",
    "阅读",
    "閱讀",
    "本文",
    "永久",
    "分享",
    "域名",
    "发布页",
    "發布頁",
    "short url",
    "read for",
    "read more",
];

/// English words of such a label, matched as words ([`labelled_address`]).
const SOURCE_LABEL_ENGLISH: [&str; 8] = [
    "source",
    "author",
    "original",
    "via",
    "credit",
    "permalink",
    "share",
    "read",
];

/// Whether `b` is an entry of the page's table of contents: a list item whose every link
/// jumps within the page, to the anchor made of the entry's own words
/// (`[Other conditions](#other_conditions)`), or of its first word and others
/// (`[Weak passwords and usernames](#weak-passwords)`); a file list's `#diff-9a3f…` is
/// not one.
fn in_page_entry(b: &Block) -> bool {
    matches!(b.kind, Kind::Item { .. }) && jumps_to_own_anchor(b)
}

/// Whether `b` holds links, every one of them jumps to an anchor of one page (`#…`, or the
/// page's address and `#…`), and the first one's anchor is made of `b`'s own words (see
/// [`in_page_entry`]).
fn jumps_to_own_anchor(b: &Block) -> bool {
    use crate::block::letters;
    if b.link_weight == 0 {
        return false;
    }
    let md = &b.markdown;
    // A target's page and anchor (`#intro`: this page; `https://blog.example/post/#intro`,
    // a table of contents written with the page's full address).
    let anchor = |t: &'_ str| -> Option<(String, String)> {
        let t = t.split([')', ' ']).next()?;
        let (page, fragment) = t.split_once('#')?;
        Some((page.to_string(), fragment.to_string()))
    };
    let mut targets = md.match_indices("](").map(|(i, _)| &md[i + 2..]);
    let Some((page, fragment)) = targets.next().and_then(anchor) else {
        return false;
    };
    if !targets.all(|t| anchor(t).is_some_and(|(p, _)| p == page)) {
        return false;
    }
    let fragment = percent_decoded(&fragment);
    // An anchor named by the entry's first word and a word of its own
    // (`[Weak passwords and usernames](#weak-passwords)`).
    let first_word = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())
            .map(str::to_lowercase)
    };
    let anchor_word = first_word(&fragment);
    let named = fragment.contains(['-', '_'])
        && anchor_word.as_ref().is_some_and(|w| w.chars().count() >= 3)
        && anchor_word == first_word(&b.text);
    let fragment = letters(&fragment);
    let words = letters(&b.text);
    !words.is_empty()
        && !fragment.is_empty()
        && (named
            || fragment.contains(&words)
            || words.contains(&fragment) && fragment.chars().count() * 2 >= words.chars().count())
}

/// Letters a reference list's entry weighs at least (see `reference_lists`): a headline,
/// not a share button (`Facebook`, `Share on X`).
pub const REFERENCE_MIN_WEIGHT: usize = 24;

/// Rows without links a table needs to be kept among a write-up's last steps after its
/// last paragraph.
const TABLE_STEP_MIN_ROWS: usize = 3;

/// Entries a list needs, and sites its entries link to, to be a reference list.
pub const REFERENCE_MIN_ENTRIES: usize = 4;

/// Most blocks between an article's last paragraph and a reference list under it that
/// is kept with it (headings, labels ending with a colon, short paragraphs and link
/// paragraphs: a podcast's hosts and their handles).
const REFERENCE_LEAD_MAX: usize = 8;

/// Most such blocks over a list under a heading that names references
/// ([`named_reference_lists`]).
const NAMED_REFERENCE_LEAD_MAX: usize = 16;

/// Most link text of a link paragraph among those [`REFERENCE_LEAD_MAX`] blocks (a host's
/// handles); half of it, most characters of another paragraph among them that is no
/// label.
const REFERENCE_LEAD_LINK_MAX: usize = 80;

/// Headings that name the text's references without a colon, over a reference list
/// after the last paragraph (`## References`, `参考资料`), and wherever it stands
/// ([`named_reference_lists`]). `Links` names them only after the last paragraph (a
/// blog's sidebar of other blogs is so named: [`LINKS_LABEL`]).
const REFERENCE_LABELS: [&str; 8] = [
    "References",
    "Sources",
    "Episode links",
    "参考",
    "参考资料",
    "参考链接",
    "参考文献",
    "引用",
];

/// A heading of the text's references after its last paragraph ([`REFERENCE_LABELS`]).
const LINKS_LABEL: &str = "Links";

/// The sites the `entries` (blocks' indices) link to, each once.
fn entries_sites<'a>(blocks: &'a [Block], entries: &[usize]) -> Vec<&'a str> {
    let mut sites: Vec<&str> = entries
        .iter()
        .flat_map(|&i| linked_sites(&blocks[i].markdown))
        .collect();
    sites.sort_unstable();
    sites.dedup();
    sites
}

/// The sites (see [`site`]) the full `http(s)` addresses of a Markdown text link to.
fn linked_sites(md: &str) -> Vec<&str> {
    md.match_indices("](http")
        .map(|(i, _)| {
            let rest = &md[i + 2..];
            let after = rest
                .strip_prefix("https://")
                .or_else(|| rest.strip_prefix("http://"))
                .unwrap_or(rest);
            site(after.split(['/', ')', '?', '#', ' ']).next().unwrap_or(""))
        })
        .collect()
}

/// Whether a block is an entry of a reference list: a list item of at least
/// [`REFERENCE_MIN_WEIGHT`] letters that links by full address.
fn reference_entry(b: &Block) -> bool {
    matches!(b.kind, Kind::Item { .. })
        && b.link_weight > 0
        && b.weight() >= REFERENCE_MIN_WEIGHT
        && !linked_sites(&b.markdown).is_empty()
}

/// Entries a list under a heading that names the text's references
/// ([`REFERENCE_LABELS`]) needs, and sites they link to (not a site's own box of its
/// pages under `### Sources`).
const NAMED_REFERENCE_MIN_ENTRIES: usize = 2;
const NAMED_REFERENCE_MIN_SITES: usize = 2;

/// Which blocks are entries of a list under a heading (or a label) that names the
/// text's references ([`REFERENCE_LABELS`]: `### References`), when
/// [`NAMED_REFERENCE_MIN_ENTRIES`] of its entries at least are [`reference_entry`]s
/// linking to [`NAMED_REFERENCE_MIN_SITES`] sites or more, however few, and then all its
/// entries (a weekly update's tweets it speaks of, each with a word after its link, and
/// a page of another site; its sponsor's entry, `Sponsored by: …`, goes as boilerplate;
/// a podcast's episode links, a short one among them). A site's menus are not so named.
fn named_reference_lists(blocks: &[Block]) -> Vec<bool> {
    let mut out = vec![false; blocks.len()];
    for i in 1..blocks.len() {
        let Kind::Item { list } = blocks[i].kind else {
            continue;
        };
        let label = &blocks[i - 1];
        let named = label.text.trim().trim_end_matches([':', '：']).trim();
        if !matches!(label.kind, Kind::Heading(_) | Kind::Paragraph)
            || !REFERENCE_LABELS
                .iter()
                .any(|r| named.eq_ignore_ascii_case(r))
        {
            continue;
        }
        let entries: Vec<usize> = (i..blocks.len())
            .take_while(|&j| blocks[j].kind == Kind::Item { list })
            .filter(|&j| reference_entry(&blocks[j]))
            .collect();
        let sites = entries_sites(blocks, &entries);
        // (Then all its entries are the list's, a short one too: `[“La Cabina”](…) –
        // YouTube.`.)
        if entries.len() >= NAMED_REFERENCE_MIN_ENTRIES && sites.len() >= NAMED_REFERENCE_MIN_SITES
        {
            for j in (i..blocks.len()).take_while(|&j| blocks[j].kind == Kind::Item { list }) {
                out[j] = true;
            }
        }
    }
    out
}

/// Which navigation blocks are entries of a reference list: a list whose entries of at
/// least [`REFERENCE_MIN_WEIGHT`] letters link by full address, at least
/// [`REFERENCE_MIN_ENTRIES`] of them, to at least as many sites, a site for every two
/// entries (a podcast's episode links, `[Common Bail Bond Scams…](https://usattorneys.com/…)
/// – US Attorneys.`). A site's menus and "related" lists link to the site itself.
fn reference_lists(blocks: &[Block], classes: &[Class]) -> Vec<bool> {
    // Entries that say enough after their link to read as prose count among the list's
    // entries and sites too (a weekly update's `1. [Scott joined us in Oslo](https://
    // twitter.com/…) (a very special occasion…)`), though only navigation needs keeping.
    let entry = |i: usize| reference_entry(&blocks[i]);
    let mut out = vec![false; blocks.len()];
    let mut lists: std::collections::HashMap<u32, Vec<usize>> = std::collections::HashMap::new();
    for (i, b) in blocks.iter().enumerate() {
        if let Kind::Item { list } = b.kind {
            if entry(i) {
                lists.entry(list).or_default().push(i);
            }
        }
    }
    for entries in lists.values() {
        let sites = entries_sites(blocks, entries);
        if entries.len() >= REFERENCE_MIN_ENTRIES
            && sites.len() >= REFERENCE_MIN_ENTRIES
            && sites.len() * 2 >= entries.len()
        {
            for &i in entries {
                out[i] = classes[i] == Class::Navigation;
            }
        }
    }
    out
}

/// Words with which a paragraph announces the list under it (`主要有下面这些。`, `如下：`,
/// `the following`).
const LIST_INTRODUCTIONS: [&str; 6] = ["下面", "以下", "如下", "下列", "following", "below"];

/// Characters at the end of a paragraph in which an English word of
/// [`LIST_INTRODUCTIONS`] announces the list under it.
const ANNOUNCE_WITHIN: usize = 12;

/// Labels of a box of links to other pages, or of a table of contents, which introduce
/// no list of the article's ([`introduced_lists`]).
const BOX_LABELS: &[&str] = &[
    "延伸阅读",
    "延伸閱讀",
    "相关阅读",
    "相關閱讀",
    "推荐阅读",
    "推薦閱讀",
    "相关文章",
    "相關文章",
    "更多阅读",
    "阅读更多",
    "往期回顾",
    "往期推荐",
    "Related",
    "Related posts",
    "Related articles",
    "Related stories",
    "Read more",
    "Read also",
    "See also",
    "More",
    "More stories",
    "Further reading",
    "Recommended",
    "Contents",
    "Table of contents",
    "In this article",
    "On this page",
    "目录",
    "目錄",
];

/// Longest label (a paragraph ending with a colon) that introduces the list of links under
/// it ([`introduced_lists`]).
const INTRODUCING_LABEL_MAX_CHARS: usize = 30;

/// Share of an introduced list's item that is link text ([`introduced_lists`]).
const INTRODUCED_LINK_DENSITY: f64 = 0.9;

/// Least weight of an introduced list's item outside its links for the item to say
/// something of its own ([`introduced_lists`]): `` `Container` is a CLI tool, which works
/// with [Containerization](…). This is [what end-users interact with](…). `` is the
/// text's, however much of it is linked; a menu's `[Blog](…) (3)` is not.
const INTRODUCED_OWN_WEIGHT: usize = 12;

/// Least weight of a paragraph that introduces the linked paragraphs after it
/// ([`introduced_lists`]): ten Han characters or twenty letters, more than a box's label.
const INTRODUCED_PARAGRAPHS_INTRO_WEIGHT: usize = 20;

/// Whether a list item's Markdown starts with a link, after its marker (`- [Signal](…)`,
/// `1. [GPTsHunter](…)（…）`).
fn starts_with_link(markdown: &str) -> bool {
    let t = markdown.trim_start();
    let t = t
        .strip_prefix(['-', '*', '+'])
        .unwrap_or_else(|| t.trim_start_matches(|c: char| c.is_ascii_digit()))
        .trim_start_matches(['.', ')'])
        .trim_start();
    t.starts_with('[') && !t.starts_with("[!")
}

/// Which list items (or paragraphs of one link each, after a sentence of at least
/// [`INTRODUCED_PARAGRAPHS_INTRO_WEIGHT`] ending with a colon) belong to a list the text
/// introduces: items that are links and
/// nothing else ([`INTRODUCED_LINK_DENSITY`]), that start with their link and say
/// something of it after (`[GPTsHunter](…)（@airyland 投稿）`), or that say something of
/// their own beside their links ([`INTRODUCED_OWN_WEIGHT`]), in a list right after a
/// paragraph of prose that ends with a colon (or a dash standing for one) or announces
/// it ([`LIST_INTRODUCTIONS`]) and ends, or right
/// under a heading or a short label ([`INTRODUCING_LABEL_MAX_CHARS`]; not a box's label,
/// [`BOX_LABELS`], nor over a table of contents) that ends with a colon (`## What you
/// need:`, `**Slides**:`):
/// `目前，支持端对端加密的通信软件，主要有下面这些。` over `- [Signal](…)` / `- [WhatsApp](…)`.
/// They name what the text speaks of, not the site's menu (which the run of the article
/// does not hold anyway: this only keeps such a list inside the run). Each item is
/// judged alone: one that says enough of its own is the text's however much of it is
/// linked (`2. Adapt SAP-delivered content to your needs (Advanced Scenario - …)`), one
/// that says little beside its links is not (`See [the guide](…) and [the FAQ](…)`).
/// A label before a link (`新增Paypal帳戶： [paypal.hkcnews.com](…)`) says enough too, so
/// a site's appeal for donations that the run holds keeps that way to give with its
/// others.
fn introduced_lists(blocks: &[Block], classes: &[Class], boiler: &[bool]) -> Vec<bool> {
    let mut out = vec![false; blocks.len()];
    let mut i = 1;
    let linked = |b: &Block| {
        b.kind == Kind::Paragraph
            && b.link_weight > 0
            && b.link_density() >= INTRODUCED_LINK_DENSITY
    };
    while i < blocks.len() {
        // Paragraphs of a link each after a sentence that ends with a colon and says what
        // they are (`譚得志的五次涉案街站依控罪順序為：` over five linked videos, each its
        // date and place); a box's short label (`延伸阅读：`) does not.
        if linked(&blocks[i]) {
            let end = (i..blocks.len())
                .find(|&j| !linked(&blocks[j]))
                .unwrap_or(blocks.len());
            let intro = &blocks[i - 1];
            if intro.kind == Kind::Paragraph
                && classes[i - 1] == Class::Prose
                && !boiler[i - 1]
                && intro.text.trim().ends_with([':', '：'])
                && intro.weight() >= INTRODUCED_PARAGRAPHS_INTRO_WEIGHT
            {
                out[i..end].iter_mut().for_each(|o| *o = true);
            }
            i = end;
            continue;
        }
        let Kind::Item { .. } = blocks[i].kind else {
            i += 1;
            continue;
        };
        let end = run_end(blocks, i);
        let intro = &blocks[i - 1];
        let t = intro.text.trim();
        // An English announcing word in the paragraph's last words (`The following year
        // he moved.` announces nothing); a Chinese one anywhere (`下面是其它一些今年摄影
        // 大赛的获奖结果。`).
        let tail_at = t
            .char_indices()
            .rev()
            .nth(ANNOUNCE_WITHIN)
            .map_or(0, |(at, _)| at);
        // (A dash stands for the colon too: `… attributed to six broad threat activity
        // clusters -`.)
        let dashed = [" -", " –", " —", "——"].iter().any(|d| t.ends_with(d));
        let announces = t.ends_with([':', '：'])
            || dashed
            || (sentence_end(t)
                && LIST_INTRODUCTIONS.iter().any(|w| match w.is_ascii() {
                    true => t[tail_at..].contains(w),
                    false => t.contains(w),
                }));
        // A heading of the article's that ends with a colon introduces its list too
        // (`## What you need:` over `* [node.js](…) (>= 16.18)` / `* [npm](…)`).
        // So does a short label of the article's that ends with one (`**Slides**:` over
        // the talk's slides, `**Videos**:` over its recordings) — not a box's label
        // (`延伸阅读：`, `Related:`) nor a table of contents (links within the page).
        let label = t.trim_end_matches([':', '：']).trim();
        let within = blocks[i..end].iter().any(|b| b.markdown.contains("](#"));
        let labelled = (matches!(intro.kind, Kind::Heading(_))
            || (intro.kind == Kind::Paragraph
                && classes[i - 1] != Class::Navigation
                && t.chars().count() <= INTRODUCING_LABEL_MAX_CHARS
                && !within))
            && t.ends_with([':', '：'])
            && !boiler[i - 1]
            && !BOX_LABELS.iter().any(|b| label.eq_ignore_ascii_case(b));
        if (intro.kind == Kind::Paragraph && classes[i - 1] == Class::Prose && announces)
            || labelled
        {
            for (j, o) in out.iter_mut().enumerate().take(end).skip(i) {
                let b = &blocks[j];
                *o = b.link_density() >= INTRODUCED_LINK_DENSITY
                    || starts_with_link(&b.markdown)
                    || b.weight().saturating_sub(b.link_weight) >= INTRODUCED_OWN_WEIGHT;
            }
        }
        i = end;
    }
    out
}

/// Sections of headlines a document needs to be a digest (see [`digest_sections`]).
pub const DIGEST_SECTIONS_MIN: usize = 3;
/// Letters a digest's headlines weigh at least on average (see [`digest_sections`]): a
/// site's footer menus under their headings (`Products`, `Company`) are shorter.
pub const DIGEST_MEAN_WEIGHT: usize = 24;

/// Which navigation blocks are headlines of a digest's sections: lists whose entries
/// link by full address, each list under a heading of the document's own (not a line of
/// the boilerplate lexicon), perhaps after up to two paragraphs introducing it, in at
/// least [`DIGEST_SECTIONS_MIN`] sections, the entries weighing at least
/// [`DIGEST_MEAN_WEIGHT`] letters on average: a newsletter's `### 寿光水灾` / `不知道几分
/// 天灾，几分人祸。` / `* [寿光水灾六日图景](https://…)`. A page's related list comes once,
/// under one heading ([`choose`] also asks the headlines to outweigh the prose).
fn digest_sections(blocks: &[Block], classes: &[Class], lex: &Lexicon) -> Vec<bool> {
    let n = blocks.len();
    let mut sections: Vec<Vec<usize>> = Vec::new();
    let mut i = 0;
    while i < n {
        let own_heading = matches!(blocks[i].kind, Kind::Heading(_))
            && !crate::lines::boilerplate(blocks[i].text.trim(), lex);
        if !own_heading {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut intro = 0;
        while j < n
            && intro < 2
            && blocks[j].kind == Kind::Paragraph
            && classes[j] != Class::Navigation
        {
            j += 1;
            intro += 1;
        }
        let mut entries = Vec::new();
        if let Some(Kind::Item { list }) = blocks.get(j).map(|b| b.kind) {
            while j < n && blocks[j].kind == (Kind::Item { list }) {
                if classes[j] == Class::Navigation && !linked_sites(&blocks[j].markdown).is_empty()
                {
                    entries.push(j);
                }
                j += 1;
            }
        }
        if !entries.is_empty() {
            sections.push(entries);
        }
        i = j.max(i + 1);
    }
    let entries: Vec<usize> = sections.iter().flatten().copied().collect();
    let weight: usize = entries.iter().map(|&i| blocks[i].weight()).sum();
    let mut out = vec![false; n];
    if sections.len() >= DIGEST_SECTIONS_MIN && weight >= DIGEST_MEAN_WEIGHT * entries.len() {
        for i in entries {
            out[i] = true;
        }
    }
    out
}

/// `s` with its `%XX` escapes decoded (as UTF-8, lossily).
pub(crate) fn percent_decoded(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        match (
            b[i],
            b.get(i + 1).copied().and_then(hex),
            b.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The site a `host` belongs to: its last two labels, or three under a country's
/// second-level domain (`blog.qualys.com` and `success.qualys.com` are one site,
/// `news.bbc.co.uk` is `bbc.co.uk`).
fn site(host: &str) -> &str {
    let host = host.split(':').next().unwrap_or(host);
    let dots: Vec<usize> = host.match_indices('.').map(|(i, _)| i).collect();
    let labels = |n: usize| -> &str {
        if dots.len() < n {
            host
        } else {
            &host[dots[dots.len() - n] + 1..]
        }
    };
    let two = labels(2);
    let second = two.split('.').next().unwrap_or("");
    let tld = labels(1);
    if tld.len() == 2
        && matches!(
            second,
            "co" | "com" | "net" | "org" | "gov" | "edu" | "ac" | "or" | "ne" | "go"
        )
    {
        labels(3)
    } else {
        two
    }
}

/// Social platforms, where a site's row of icons links to its accounts: a link there
/// counts, to no further site ([`digest`]).
const SOCIAL_SITES: [&str; 15] = [
    "facebook.com",
    "twitter.com",
    "x.com",
    "t.me",
    "telegram.me",
    "linkedin.com",
    "reddit.com",
    "instagram.com",
    "youtube.com",
    "weibo.com",
    "tiktok.com",
    "pinterest.com",
    "bsky.app",
    "threads.net",
    "mastodon.social",
];

/// Whether the Markdown `source` links to many sites: at least five absolute links, to
/// at least four sites ([`site`]), one for every five links at least — or, in a long
/// digest, to at least eight hosts, one for every ten links (menus link to their own site
/// and a few others). A link by path (`](/data/port.html)`) or to a social platform
/// ([`SOCIAL_SITES`]) counts as a link, to no further site: a site's menus of forty such
/// links and its seven social accounts are no digest.
fn digest(source: &str) -> bool {
    let mut hosts: Vec<&str> = Vec::new();
    let mut links = 0;
    let mut absolute = 0;
    for (i, _) in source.match_indices("](") {
        let rest = &source[i + 2..];
        match rest
            .strip_prefix("https://")
            .or_else(|| rest.strip_prefix("http://"))
        {
            Some(after) => {
                absolute += 1;
                let to = site(after.split(['/', ')', '?', '#', ' ']).next().unwrap_or(""));
                if !SOCIAL_SITES.contains(&to) {
                    hosts.push(to);
                }
            }
            // To the page's own site: a link, and no further site.
            None if rest.starts_with('/') && !rest.starts_with("//") => {}
            None => continue,
        }
        links += 1;
    }
    hosts.sort_unstable();
    hosts.dedup();
    absolute >= 5
        && ((hosts.len() >= 4 && hosts.len() * 5 >= links)
            || (hosts.len() >= 8 && hosts.len() * 10 >= links))
}

/// Whether every link of the Markdown `source` is a full `http(s)` address, to two hosts
/// or more (a site's own menus link by path or anchor, or to itself).
fn absolute_links_only(source: &str) -> bool {
    let mut hosts: Vec<&str> = Vec::new();
    for (i, _) in source.match_indices("](") {
        let rest = &source[i + 2..];
        let Some(after) = rest
            .strip_prefix("https://")
            .or_else(|| rest.strip_prefix("http://"))
        else {
            return false;
        };
        hosts.push(after.split(['/', ')', '?', '#', ' ']).next().unwrap_or(""));
    }
    hosts.sort_unstable();
    hosts.dedup();
    hosts.len() >= 2
}

/// Whether the navigation block `i` is the linked title of a numbered item of the
/// article, or the linked source of a quote: a paragraph (or an ordered list's only item)
/// holding one link and no image, outside a run of navigation, numbered and over prose (a
/// digest's `1、[Title](https://…)（英文）` over the paragraph that describes it, images
/// between) — or starting with a dash and under prose (`-- [《Title》](https://…)` under
/// the quote it credits). A menu's or a related list's links follow each other, and a
/// news page's links to related reports inside its text (`相关报道：[…](…)`) are not
/// numbered.
fn item_title(blocks: &[Block], classes: &[Class], i: usize) -> bool {
    let b = &blocks[i];
    let t = b.text.trim_start();
    let numbered = match b.kind {
        Kind::Paragraph => {
            let rest = t.trim_start_matches(|c: char| c.is_ascii_digit());
            rest.len() < t.len() && rest.starts_with(['、', '.', '．', ')', '）'])
        }
        Kind::Item { list } => {
            let same = |j: usize| blocks[j].kind == Kind::Item { list };
            b.number.is_some() && !(i > 0 && same(i - 1)) && !(i + 1 < blocks.len() && same(i + 1))
        }
        _ => false,
    };
    let source = b.kind == Kind::Paragraph
        && (t.starts_with("--") || t.starts_with("－－") || t.starts_with(['—', '―']));
    if !(numbered || source) || b.markdown.matches("](").count() != 1 || b.markdown.contains("![") {
        return false;
    }
    let text = |j: usize| blocks[j].kind != Kind::Caption;
    let before = (0..i).rev().find(|&j| text(j));
    let after = (i + 1..blocks.len()).find(|&j| text(j));
    // Prose, or a short sentence without links (`本文介绍远程复制 SQLite 的方法。`).
    let said = |j: usize| {
        classes[j] == Class::Prose
            || (blocks[j].kind == Kind::Paragraph
                && blocks[j].link_weight == 0
                && blocks[j].weight() >= 10
                && sentence_end(&blocks[j].text))
    };
    if source {
        before.is_some_and(said)
    } else {
        after.is_some_and(said) && before.is_none_or(|j| classes[j] != Class::Navigation)
    }
}

/// Link texts that say nothing but that they are links (`## Reproduce:` over
/// `[href](https://…)`): no label's value.
const GENERIC_LINK_TEXTS: &[&str] = &[
    "href",
    "link",
    "links",
    "url",
    "here",
    "click here",
    "this",
    "download",
    "more",
    "链接",
    "这里",
    "點擊這裡",
    "点击这里",
    "連結",
];

/// Whether the navigation block `i` is the value of the label right above it: a
/// heading or paragraph of one link and no image, at most
/// [`crate::lines::LABEL_MAX_CHARS`] characters, not a link's mere name
/// ([`GENERIC_LINK_TEXTS`]), under a heading or paragraph that is a label
/// ([`crate::lines::label_line`]) and no navigation, and not followed by another link of
/// its kind (a menu's entries follow each other): an exploit page's `#### Author:` over
/// `###### [Team Syslifters](/?author=11909)`. Without it the label would stand alone.
fn label_value(blocks: &[Block], classes: &[Class], i: usize, lex: &Lexicon) -> bool {
    let b = &blocks[i];
    let own = |b: &Block| matches!(b.kind, Kind::Paragraph | Kind::Heading(_));
    if !own(b)
        || b.text.trim().chars().count() > crate::lines::LABEL_MAX_CHARS
        || b.markdown.matches("](").count() != 1
        || b.markdown.contains("![")
    {
        return false;
    }
    let Some(l) = i.checked_sub(1).map(|j| &blocks[j]) else {
        return false;
    };
    let label =
        own(l) && classes[i - 1] != Class::Navigation && crate::lines::label_line(&l.text, lex);
    let menu_next = blocks
        .get(i + 1)
        .is_some_and(|n| n.kind == b.kind && classes[i + 1] == Class::Navigation);
    label && !menu_next && !GENERIC_LINK_TEXTS.contains(&b.text.trim().to_lowercase().as_str())
}

/// The number a paragraph starts with (`3、…`, `3. …`, `3）…`).
fn paragraph_number(b: &Block) -> Option<u32> {
    if b.kind != Kind::Paragraph {
        return None;
    }
    let t = b.text.trim_start();
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    let rest = &t[digits..];
    if digits == 0 || digits > 4 || !rest.starts_with(['、', '.', '．', ')', '）']) {
        return None;
    }
    t[..digits].parse().ok()
}

/// Whether a block's text is a number and nothing else (`8080`, `2023`).
fn plain_number(text: &str) -> bool {
    crate::lines::plain_number(text).is_some()
}

/// Blocks of links that may stand between a paragraph and the code it introduces, for
/// the code to be the article's ([`choose`]).
const LINKS_OVER_CODE_MAX: usize = 2;

/// List items of figures that make the headed lists after an article's last paragraph
/// its own ([`choose`]).
const FIGURES_MIN: usize = 4;

/// Weight a paragraph of a closing remark without Chinese text has at least (eight
/// words or so).
const REMARK_WEIGHT_MIN: usize = 40;

/// Characters a short paragraph between a write-up's closing remarks has at least to be
/// theirs ([`choose`]).
const REMARK_SHORT_MIN: usize = 2;

/// Words of a heading over an author's box or comments (`作者简介`, `网友评论`, `About
/// the author`): short paragraphs under it are names and replies, no remark's
/// ([`choose`]).
const REMARK_BOX_WORDS: [&str; 8] = [
    "作者", "评论", "評論", "留言", "关于", "關於", "comment", "author",
];

/// The heading GitHub puts over a repository's README, under the repository's menus,
/// description, counters and file table.
const README_HEADING: &str = "Repository files navigation";

/// The names of the tabs over a README on GitHub (the README, its license, code of
/// conduct, contributing guide and security policy), in lower case; a license's tab may
/// carry its name (`MIT license`).
const README_TABS: [&str; 6] = [
    "readme",
    "license",
    "code of conduct",
    "contributing",
    "security",
    "security policy",
];

/// The notes of a release page on GitHub: the blocks between the release's header
/// (`oiweiwei released this 18 Sep 17:54`, its tag and commit links, the commit's
/// signature box down to `Learn about vigilant mode.`) and its `Assets` list (or the
/// page's end, on a page saved cut short), without
/// the list of contributors GitHub adds under them (`### Contributors` over avatars and
/// `bryanmcnulty and oiweiwei`). `None` for another page.
fn release_notes(blocks: &[Block]) -> Option<std::ops::Range<usize>> {
    // The header is a paragraph of the name, `released this` and a date alone (`18 Sep
    // 17:54`, `Mar 6, 2024`): no sentence (`Microsoft released this month's updates`).
    let header = blocks.iter().position(|b| {
        let t = b.text.trim();
        b.kind == Kind::Paragraph
            && t.split_once(" released this").is_some_and(|(who, date)| {
                !who.is_empty()
                    && !who.contains(char::is_whitespace)
                    && date.split_whitespace().count() <= 4
                    && date.chars().any(|c| c.is_ascii_digit())
                    && date
                        .chars()
                        .all(|c| c.is_alphanumeric() || " :,".contains(c))
            })
    })?;
    // A page saved cut short holds no `Assets`: its notes run to its end.
    let assets = (header + 1..blocks.len())
        .find(|&i| {
            let t = blocks[i].text.trim();
            blocks[i].kind == Kind::Paragraph
                && t.strip_prefix("Assets")
                    .is_some_and(|n| n.trim().chars().all(|c| c.is_ascii_digit()))
        })
        .unwrap_or(blocks.len());
    // The header's own blocks: the commits since the release, the tag's and the
    // commit's links, the signature box.
    // The release's commit, linked under it, is GitHub's mark: none, no release page.
    let mut start = header + 1;
    let commit_link = |b: &Block| b.markdown.contains("/commit/") && b.link_density() >= 0.9;
    let c = (start..assets)
        .take(RELEASE_HEADER_MAX_BLOCKS)
        .position(|i| commit_link(&blocks[i]))?;
    start += c + 1;
    if let Some(v) = (start..assets)
        .take(RELEASE_HEADER_MAX_BLOCKS)
        .position(|i| {
            blocks[i]
                .text
                .trim()
                .starts_with("Learn about vigilant mode")
        })
    {
        start += v + 1;
    }
    let end = (start..assets)
        .find(|&i| {
            matches!(blocks[i].kind, Kind::Heading(_)) && blocks[i].text.trim() == "Contributors"
        })
        .unwrap_or(assets);
    (start < end).then_some(start..end)
}

/// Most blocks of a release's header after its `released this` line ([`release_notes`]):
/// the commits since it, its tag, its commit, a signature box of six.
const RELEASE_HEADER_MAX_BLOCKS: usize = 12;

/// [`choose`] for a release page on GitHub: the release's notes ([`release_notes`]),
/// every block of them — their author wrote them, links and all (`Fix
/// [RUSTSEC-2024-0346](…)` under `Update dependencies`); nothing around them (the
/// repository's menus, the tag picker, the assets) is the page's text. `None` for
/// another page.
pub fn choose_release(blocks: &[Block]) -> Option<Vec<bool>> {
    let notes = release_notes(blocks)?;
    Some((0..blocks.len()).map(|i| notes.contains(&i)).collect())
}

/// Where a repository page's README starts: the first block after GitHub's
/// [`README_HEADING`] and the list of tabs under it (`README`, `License`, `MIT license`).
/// The README is the page's article; the repository's menus, counters and file table
/// above it are not, and the description there is one line that outweighed a short
/// README's paragraphs in the choice (a README of steps and code was left out whole).
fn readme_start(blocks: &[Block]) -> Option<usize> {
    let at = readme_tabs(blocks)?.end;
    (at < blocks.len()).then_some(at)
}

/// GitHub's [`README_HEADING`] and the list of tabs under it, as a range of blocks.
fn readme_tabs(blocks: &[Block]) -> Option<std::ops::Range<usize>> {
    let heading = blocks
        .iter()
        .position(|b| matches!(b.kind, Kind::Heading(_)) && b.text.trim() == README_HEADING)?;
    let mut at = heading + 1;
    while let Some(b) = blocks.get(at) {
        let tab = b.text.trim().to_lowercase();
        let is_tab = matches!(b.kind, Kind::Item { .. })
            && (README_TABS.contains(&tab.as_str()) || tab.ends_with(" license"));
        if !is_tab {
            break;
        }
        at += 1;
    }
    Some(heading..at)
}

/// Blocks under a repository header's name where its license is looked for
/// ([`header_license`]).
const HEADER_BLOCKS: usize = 12;

/// The blocks of a repository page's header that name its license, among the
/// [`HEADER_BLOCKS`] under its name (at `name`) and above `end`: a level-3 heading
/// `License` (`Licenses found`) over the license's link (`[GPL-3.0 license](/o/r/blob/
/// main/LICENSE)`, `[View license](…)`) or the line of licenses found (`Apache-2.0, MIT
/// licenses found`). A README's own `### License` section is not looked at.
fn header_license(blocks: &[Block], name: usize, end: usize) -> Vec<usize> {
    let end = end.min(name + 1 + HEADER_BLOCKS);
    let mut found = Vec::new();
    for (i, b) in blocks.iter().enumerate().take(end).skip(name + 1) {
        if b.kind != Kind::Heading(3) || !matches!(b.text.trim(), "License" | "Licenses found") {
            continue;
        }
        let names: Vec<usize> = (i + 1..end)
            .take_while(|&j| {
                let t = blocks[j].text.trim().to_lowercase();
                blocks[j].kind == Kind::Paragraph
                    && t.len() <= 80
                    && ((blocks[j].link_weight > 0 && t.ends_with(" license"))
                        || t.ends_with(" licenses found"))
            })
            .collect();
        if !names.is_empty() {
            found.push(i);
            found.extend(names);
        }
    }
    found
}

/// Least weight of the text (headings and code left out) of the README chosen as a
/// repository page's article ([`choose_readme`]): some 50 Chinese characters or 20 words.
const README_MIN_WEIGHT: usize = 100;

/// [`choose`] for a repository page on GitHub: the article chosen among the README's
/// blocks ([`readme_start`]) up to GitHub's side bar ([`sidebar_start`]), with what the
/// choice over the page above the side bar kept above the README (the repository's
/// description) but for a paragraph the README says again ([`said_in_readme`]). For a
/// page saved cut short under the README's start (no side bar), whose README holds less
/// than [`README_MIN_WEIGHT`] of text (a banner of code, a badge, a line cut off), the
/// choice over the whole page: the description above it is then the text. Either way
/// mended by [`with_header`]. `None` for another page.
pub fn choose_readme(blocks: &[Block], source: &str, lex: &Lexicon) -> Option<Vec<bool>> {
    let at = readme_start(blocks)?;
    // GitHub's side bar under the README (`## About`, the description again, `###
    // Resources`, the counters) is none of it.
    let end = sidebar_start(blocks, at).unwrap_or(blocks.len());
    let mut keep = vec![false; at];
    keep.extend(choose(&blocks[at..end], source, lex));
    keep.resize(blocks.len(), false);
    let text: usize = blocks
        .iter()
        .zip(&keep)
        .filter(|(b, k)| **k && !matches!(b.kind, Kind::Heading(_) | Kind::Code))
        .map(|(b, _)| b.weight())
        .sum();
    // A README of a line on a page saved cut short (no side bar): the choice over the
    // whole page.
    if text < README_MIN_WEIGHT && end == blocks.len() {
        return Some(with_header(blocks, choose(blocks, source, lex)));
    }
    // What the choice over the page kept above the README stays with it (the
    // repository's description), but for what the README says again.
    let whole = choose(&blocks[..end], source, lex);
    for (k, w) in keep.iter_mut().zip(whole).take(at) {
        *k = w;
    }
    Some(said_in_readme(blocks, at, with_header(blocks, keep)))
}

/// `keep` mended where a page is a GitHub repository's: without GitHub's words over the
/// README, which a choice over the page takes with the description — the tabs
/// (`README`, `GPL-3.0 license`), the header's name (`owner / repo Public`) and license
/// ([`header_license`]) — and with the repository's description ([`header_description`]),
/// which it may leave out as a line among menus: on a page saved cut short above the
/// README, the one line of text. Another page's `keep` is returned as it is.
pub fn with_header(blocks: &[Block], mut keep: Vec<bool>) -> Vec<bool> {
    let tabs = readme_tabs(blocks);
    let end = tabs.as_ref().map_or(blocks.len(), |r| r.start);
    let header = header_description(blocks, end);
    let mut chrome: Vec<usize> = tabs.map(|r| r.collect()).unwrap_or_default();
    if let Some((name, _)) = header {
        chrome.push(name);
        chrome.extend(header_license(blocks, name, end));
    }
    for i in chrome {
        keep[i] = false;
    }
    if let Some((_, Some(i))) = header {
        keep[i] = true;
    }
    keep
}

/// The repository's description in a GitHub page's header above its README (before
/// `end`): the first paragraph without links after the header's name
/// (`[owner](/owner)` `/` `**[repo](/owner/repo)**`, perhaps `Public`), past its buttons
/// and the line it was forked from, and before its license, counters or menus (a
/// heading, the star button, the stars' link). The buttons may be gone already (the
/// corpus statistics take the lines every repository's page shares). The name's block
/// and the description's, `None` without a header's name (another page), `Some((name,
/// None))` for a repository without a description.
fn header_description(blocks: &[Block], end: usize) -> Option<(usize, Option<usize>)> {
    let name = (0..end).find(|&i| {
        let b = &blocks[i];
        let words: Vec<&str> = b.text.split_whitespace().collect();
        let (owner, repo) = match words.as_slice() {
            [o, "/", r] | [o, "/", r, "Public"] | [o, "/", r, "Public", "archive" | "template"] => {
                (o, r)
            }
            _ => return false,
        };
        b.kind == Kind::Paragraph
            && (b.markdown.contains(&format!("](/{owner}/{repo})"))
                || b.markdown
                    .contains(&format!("](https://github.com/{owner}/{repo})")))
    })?;
    for (i, b) in blocks.iter().enumerate().take(end).skip(name + 1).take(6) {
        let md = b.markdown.trim_start();
        if matches!(b.kind, Kind::Heading(_))
            || md.starts_with("[Star](")
            || md.contains("/stargazers)")
        {
            break;
        }
        if b.kind == Kind::Paragraph && b.link_weight == 0 {
            let text = b.text.trim();
            if matches!(text, "" | "Public" | "Public archive" | "Public template") {
                continue;
            }
            return Some((name, Some(i)));
        }
    }
    Some((name, None))
}

/// `keep` without the paragraphs above a README (from `at`) that a paragraph it keeps
/// says again: a repository's description over a README that is that description.
fn said_in_readme(blocks: &[Block], at: usize, mut keep: Vec<bool>) -> Vec<bool> {
    let said: std::collections::HashSet<&str> = (at..blocks.len())
        .filter(|&j| keep[j] && blocks[j].kind == Kind::Paragraph)
        .map(|j| blocks[j].text.trim())
        .collect();
    for i in 0..at.min(keep.len()) {
        if keep[i] && blocks[i].kind == Kind::Paragraph && said.contains(blocks[i].text.trim()) {
            keep[i] = false;
        }
    }
    keep
}

/// Where GitHub's side bar starts after a README that starts at `at`: a level-2 heading
/// `About` with a level-3 heading of the side bar's (`Resources`, `Topics`, `Stars`,
/// `License`) among the blocks right under it. A README's own `## About` has its text
/// under it.
fn sidebar_start(blocks: &[Block], at: usize) -> Option<usize> {
    (at..blocks.len()).rev().find(|&i| {
        blocks[i].kind == Kind::Heading(2)
            && blocks[i].text.trim() == "About"
            && blocks[i + 1..].iter().take(SIDEBAR_HEAD_BLOCKS).any(|b| {
                b.kind == Kind::Heading(3)
                    && ["Resources", "Topics", "Stars", "License"].contains(&b.text.trim())
            })
            // and the side bar's own links (the README's anchor, the counters').
            && blocks[i + 1..].iter().take(SIDEBAR_BLOCKS).any(|b| {
                ["#readme-ov-file", "/stargazers", "/watchers", "/activity"]
                    .iter()
                    .any(|l| b.markdown.contains(l))
            })
    })
}

/// Blocks under the side bar's `## About` among which its links stand.
const SIDEBAR_BLOCKS: usize = 16;

/// Blocks under the side bar's `## About` where its first level-3 heading stands (the
/// description and the site's address above it).
const SIDEBAR_HEAD_BLOCKS: usize = 4;

/// Which blocks of a Markdown document (`source`) are the article. A block that is a
/// boilerplate line of `lex` (a site's interface text: GitHub's feedback form and session
/// notices) weighs nothing in the choice.
pub fn choose(blocks: &[Block], source: &str, lex: &Lexicon) -> Vec<bool> {
    let mut classes: Vec<Class> = blocks.iter().map(classify).collect();
    rows_in_tables(blocks, &mut classes);
    if !classes.contains(&Class::Navigation) {
        return vec![true; blocks.len()];
    }
    // No prose at all: links to many sites are the content (a digest); links to one
    // site are its menus, and what is not navigation is the text.
    // A digest: links to many sites and little prose beside them (a daily list of
    // articles with a few descriptions); or a document of nothing but headings and list
    // items whose links all leave by full address (a short digest).
    let weight_of = |class: Class, f: fn(&Block) -> usize| -> usize {
        blocks
            .iter()
            .zip(&classes)
            .filter(|(_, c)| **c == class)
            .map(|(b, _)| f(b))
            .sum()
    };
    let prose = weight_of(Class::Prose, Block::weight);
    let navigation = weight_of(Class::Navigation, |b| b.link_weight);
    let list = blocks
        .iter()
        .all(|b| matches!(b.kind, Kind::Heading(_) | Kind::Item { .. }));
    if (digest(source) && prose * 4 < navigation) || (list && absolute_links_only(source)) {
        return vec![true; blocks.len()];
    }
    // A label's linked value is the label's (see [`label_value`]).
    let values: Vec<usize> = (0..blocks.len())
        .filter(|&i| classes[i] == Class::Navigation && label_value(blocks, &classes, i, lex))
        .collect();
    for i in values {
        classes[i] = Class::Neither;
    }
    if !classes.contains(&Class::Prose) {
        return classes.iter().map(|c| *c != Class::Navigation).collect();
    }
    // An item's linked title, or a quote's linked source, is the article's (see
    // [`item_title`]).
    let titles: Vec<usize> = (0..blocks.len())
        .filter(|&i| classes[i] == Class::Navigation && item_title(blocks, &classes, i))
        .collect();
    for i in titles {
        classes[i] = Class::Neither;
    }
    // A numbered linked title whose number follows that of the last numbered paragraph
    // the article keeps (an item's title or text: `1、[文章] [A](…)` over its note, then
    // `2、[教程] [B](…)` without one, `3、[文章] [C](…)` over its note) is the article's
    // too.
    let mut last: Option<u32> = None;
    for i in 0..blocks.len() {
        let Some(n) = paragraph_number(&blocks[i]) else {
            continue;
        };
        let single_link =
            blocks[i].markdown.matches("](").count() == 1 && !blocks[i].markdown.contains("![");
        if classes[i] == Class::Navigation && single_link && last.is_some_and(|l| l + 1 == n) {
            classes[i] = Class::Neither;
        }
        last = (classes[i] != Class::Navigation).then_some(n);
    }
    // Boilerplate weighs nothing and ends no run, when the page has other prose (a page
    // of nothing but interface text is judged as it was).
    let boiler: Vec<bool> = blocks
        .iter()
        .zip(&classes)
        .map(|(b, c)| *c != Class::Navigation && crate::lines::boilerplate(b.text.trim(), lex))
        .collect();
    let real_prose = classes
        .iter()
        .zip(&boiler)
        .any(|(c, b)| *c == Class::Prose && !b);
    // A reference list after the first paragraph of prose sits inside the article.
    let first_prose = (0..blocks.len())
        .find(|&i| classes[i] == Class::Prose && !(boiler[i] && real_prose))
        .unwrap_or(blocks.len());
    let mut reference = reference_lists(blocks, &classes);
    let named_reference = named_reference_lists(blocks);
    for (r, n) in reference.iter_mut().zip(&named_reference) {
        *r |= *n;
    }
    // A digest is mostly its headlines: an article's sidebars of headed lists (`你可能感兴
    // 趣的`, `相关热文`) weigh less than the article.
    let mut headlines = digest_sections(blocks, &classes, lex);
    let headline_weight: usize = (0..blocks.len())
        .filter(|&i| headlines[i])
        .map(|i| blocks[i].weight())
        .sum();
    if headline_weight < prose {
        headlines.iter_mut().for_each(|h| *h = false);
    }
    for (r, h) in reference.iter_mut().zip(&headlines) {
        *r |= *h;
    }
    let score = |i: usize| -> f64 {
        let b = &blocks[i];
        match classes[i] {
            _ if boiler[i] && real_prose => 0.0,
            Class::Navigation if in_page_entry(b) || (i > first_prose && reference[i]) => 0.0,
            Class::Prose => b.weight() as f64,
            Class::Neither => b.weight() as f64 / 3.0,
            Class::Navigation => -(b.link_weight as f64) - 10.0,
        }
    };
    // The run with the highest score (Kadane).
    let (mut best, mut best_range) = (f64::MIN, (0, 0));
    let (mut run, mut start) = (0.0, 0);
    for (i, class) in classes.iter().enumerate() {
        if run <= 0.0 {
            run = 0.0;
            start = i;
        }
        run += score(i);
        if run > best && *class == Class::Prose && (!boiler[i] || !real_prose) {
            best = run;
            best_range = (start, i);
        }
    }
    let (s, mut e) = best_range;
    // Bylines, captions and code after the last paragraph, up to a heading or navigation.
    let after = |e: usize, through_boiler: bool| {
        (e + 1..blocks.len())
            .take_while(|&i| {
                (classes[i] == Class::Neither || through_boiler && boiler[i] && real_prose)
                    && !matches!(blocks[i].kind, Kind::Heading(_))
            })
            .last()
            .unwrap_or(e)
    };
    // Boilerplate weighs nothing here either.
    let weight = |i: usize| {
        if boiler[i] && real_prose {
            0
        } else {
            blocks[i].weight()
        }
    };
    let chosen_weight: usize = (s..=e).map(weight).sum();
    let through = after(e, true);
    // Boilerplate between them ends nothing when what follows outweighs what was chosen
    // (a blog's copyright notice over a post of commands and their comments, none of
    // them a sentence, under a dateline): an article's footer after its text still ends
    // it.
    let beyond: usize = (e + 1..=through).map(weight).sum();
    e = if beyond > chosen_weight {
        through
    } else {
        after(e, false)
    };
    // A reference list after the last paragraph, under headings, labels and a few short
    // links (a podcast's `### Hosts:`, its hosts' handles and `### Episode links:` over
    // its links, nothing of prose after them to carry the run there): the article's too,
    // all its entries, when the heading or label right over it says it is the text's
    // links (it ends with a colon, or names references: [`REFERENCE_LABELS`]; not a box's
    // label, [`BOX_LABELS`]).
    let list = |i: usize| match blocks[i].kind {
        Kind::Item { list } => Some(list),
        _ => None,
    };
    let lead = |i: usize| {
        let b = &blocks[i];
        let t = b.text.trim();
        !(boiler[i] && real_prose)
            && match (classes[i], &b.kind) {
                (_, Kind::Heading(_)) => true,
                (Class::Neither, Kind::Paragraph) => {
                    t.ends_with([':', '：']) || t.chars().count() <= REFERENCE_LEAD_LINK_MAX / 2
                }
                (Class::Navigation, Kind::Paragraph) => b.link_weight <= REFERENCE_LEAD_LINK_MAX,
                _ => false,
            }
    };
    // The rest of a reference list the run ended in: its entries that link without a
    // word after them (a tweet a weekly update names) after those that read as prose.
    if let Some(l) = list(e) {
        while e + 1 < blocks.len()
            && list(e + 1) == Some(l)
            && reference[e + 1]
            && !(boiler[e + 1] && real_prose)
        {
            e += 1;
        }
    }
    // (A whole list under the last paragraph, after one lead block at least, not the rest
    // of one it ended in: a sponsor's entry after the entries that read as prose.)
    // (Over a list its heading names, more of them: a podcast's hosts, each with a
    // handle or two, and its guests.)
    let over = (e + 1..blocks.len())
        .take(NAMED_REFERENCE_LEAD_MAX + 1)
        .find(|&i| !lead(i))
        .filter(|&at| at > e + 1 && e >= first_prose && list(at).is_some())
        .filter(|&at| {
            at - e - 1 <= REFERENCE_LEAD_MAX
                || (at..blocks.len())
                    .take_while(|&i| list(i) == list(at))
                    .any(|i| named_reference[i])
        });
    if let Some(at) = over {
        let label = blocks[at - 1].text.trim();
        let named = label.trim_end_matches([':', '：']).trim();
        let says_links = !BOX_LABELS.iter().any(|b| named.eq_ignore_ascii_case(b))
            && (label.ends_with([':', '：'])
                || named.eq_ignore_ascii_case(LINKS_LABEL)
                || REFERENCE_LABELS
                    .iter()
                    .any(|r| named.eq_ignore_ascii_case(r)));
        let first = list(at);
        // (After an article of one paragraph, only a list its heading names: a teaser's
        // links are no references.)
        let referenced = says_links
            && (e > first_prose
                || (at..blocks.len())
                    .take_while(|&i| list(i) == first)
                    .any(|i| named_reference[i]))
            && (at..blocks.len())
                .take_while(|&i| list(i) == first)
                .any(|i| reference[i] && !headlines[i]);
        if referenced && !(boiler[at] && real_prose) {
            // A linked heading among them is the episode's title again, linked to the
            // show's page: it goes, as links in the article do.
            for i in e + 1..at {
                if matches!(blocks[i].kind, Kind::Heading(_)) && blocks[i].link_weight > 0 {
                    classes[i] = Class::Navigation;
                }
            }
            e = (at..blocks.len())
                .take_while(|&i| list(i) == first)
                .last()
                .unwrap_or(e);
        }
    }
    // A write-up's last steps after its last paragraph: headings over code, captions and
    // other blocks that are neither prose nor navigation (`### PE` over a code block), up
    // to navigation or boilerplate; kept when they hold code, up to their last block that
    // is no heading. (Without code
    // they are as often a box of other articles' titles over the site's footer as a
    // closing remark under a `## PS`: both go.)
    let step = |i: usize| classes[i] == Class::Neither && !(boiler[i] && real_prose);
    let mut steps: Vec<usize> = (e + 1..blocks.len()).take_while(|&i| step(i)).collect();
    // The sources a paragraph names over its code, as links between them (`注册代码参考msdn和
    // stackoverflow上的代码：` over a quote of two addresses, then the program): a block or
    // two of links right after a block that ends with a colon, or in a section the steps
    // head (`## PS：安装VPS开源MW控制面板` over the panel's link and its install
    // commands), followed by code, are steps too.
    loop {
        let at = steps.last().map_or(e + 1, |&l| l + 1);
        let links = (at..blocks.len())
            .take_while(|&i| classes[i] == Class::Navigation)
            .take(LINKS_OVER_CODE_MAX + 1)
            .count();
        let colon = blocks[at - 1].text.trim_end().ends_with([':', '：']);
        let headed = steps
            .iter()
            .any(|&i| matches!(blocks[i].kind, Kind::Heading(_)));
        let code = blocks.get(at + links).is_some_and(|b| b.kind == Kind::Code);
        if !(1..=LINKS_OVER_CODE_MAX).contains(&links) || !(colon || headed) || !code {
            break;
        }
        steps.extend(at..at + links);
        steps.extend((at + links..blocks.len()).take_while(|&i| step(i)));
    }
    // So are headed lists of figures and nothing else (`## HTTP` over `* 80`, `* 8080`,
    // `* 8880`, `* 2052`: the ports a page lists after saying it will): no box of titles.
    let figures = steps
        .iter()
        .filter(|&&i| matches!(blocks[i].kind, Kind::Item { .. }) && plain_number(&blocks[i].text))
        .count();
    let only_figures = steps.iter().all(|&i| match blocks[i].kind {
        Kind::Heading(_) => true,
        Kind::Item { .. } => plain_number(&blocks[i].text),
        _ => false,
    });
    // A closing remark under its heading (`## PS` over `是一台挺简单的靶机比较考验对目标的
    // 优先级排序`: Chinese text without its full stop): headings, then paragraphs without
    // links of Chinese text ([`cjk_text`]) or of prose's weight, kept up to the last
    // such paragraph. A box of other articles' titles is links, or under a heading of
    // the site's boilerplate, which ends the steps.
    let remark = |i: usize| {
        let b = &blocks[i];
        (b.kind == Kind::Paragraph
            && b.link_weight == 0
            && !b.markdown.contains("](")
            && (cjk_text(&b.text) || b.weight() >= REMARK_WEIGHT_MIN))
            || labelled_address(b)
    };
    // (A short paragraph without links between them is the remark's too: `发现加密处理在so
    // 层中` between two steps of a write-up told in such paragraphs, `二、工具` over a
    // course's items, at least [`REMARK_SHORT_MIN`] characters; it does not end them, nor
    // is it kept after the last. Not under a box's heading: a name over a bio under
    // `作者简介`, replies under `评论`.)
    let boxed = steps.iter().any(|&i| {
        let t = blocks[i].text.to_lowercase();
        matches!(blocks[i].kind, Kind::Heading(_))
            && (box_heading(&t) || REMARK_BOX_WORDS.iter().any(|w| t.contains(w)))
    });
    let plain = |i: usize| {
        let b = &blocks[i];
        !boxed
            && b.kind == Kind::Paragraph
            && b.link_weight == 0
            && !b.markdown.contains("](")
            && b.text.trim().chars().count() >= REMARK_SHORT_MIN
    };
    // So is a table of the text's, rows without links (a tool's `Tools Used` table of
    // names under its README's last paragraph); not a form's fields (`Nick:`, `Math
    // captcha: 9 ∗ 3 ＋ 9 =`).
    let rows = steps
        .iter()
        .filter(|&&i| {
            matches!(blocks[i].kind, Kind::Row { .. })
                && blocks[i].link_weight == 0
                && !blocks[i].text.trim().ends_with([':', '：', '='])
        })
        .count();
    if steps.iter().any(|&i| blocks[i].kind == Kind::Code)
        || (figures >= FIGURES_MIN && only_figures)
        || rows >= TABLE_STEP_MIN_ROWS
    {
        if let Some(&last) = steps
            .iter()
            .rev()
            .find(|&&i| !matches!(blocks[i].kind, Kind::Heading(_)))
        {
            e = last;
        }
    } else if let Some(&last) = steps
        .iter()
        .take_while(|&&i| matches!(blocks[i].kind, Kind::Heading(_)) || remark(i) || plain(i))
        .filter(|&&i| remark(i))
        .last()
        .filter(|_| {
            steps
                .first()
                .is_some_and(|&i| matches!(blocks[i].kind, Kind::Heading(_)))
        })
    {
        e = last;
    } else if let Some(last) = outline_end(blocks, s..=e, &steps) {
        e = last;
    }
    // A digest's last sections after its last paragraph: their headings, introductions
    // and headlines, when no other navigation stands between.
    if let Some(last) = headlines.iter().rposition(|&h| h) {
        if last > e && (e + 1..=last).all(|i| headlines[i] || classes[i] != Class::Navigation) {
            e = last;
        }
    }
    // Navigation inside the run goes, but for a reference list and a list the text
    // introduces, which are the article's.
    let introduced = introduced_lists(blocks, &classes, &boiler);
    let goes = |i: usize| classes[i] == Class::Navigation && !reference[i] && !introduced[i];
    // So does a box's label over the links that go (`课程精选` over other courses, `目录表`
    // over the contents): a short paragraph or heading that names a box
    // ([`box_heading`]), the block after it navigation that goes.
    let label = |i: usize| {
        let b = &blocks[i];
        let t = b.text.trim();
        matches!(b.kind, Kind::Paragraph | Kind::Heading(_))
            && classes[i] != Class::Prose
            && t.chars().count() <= BOX_LABEL_MAX_CHARS
            && (box_heading(t) || BOX_LABELS.iter().any(|l| t.starts_with(l)))
            && i + 1 < blocks.len()
            && goes(i + 1)
    };
    (0..blocks.len())
        .map(|i| i >= s && i <= e && !goes(i) && !label(i))
        .collect()
}

/// Characters a box's label has at most ([`choose`]).
const BOX_LABEL_MAX_CHARS: usize = 12;

/// Where an outline's last sections end when they follow its last paragraph: the steps
/// after the chosen run ([`choose`]) that are headings no higher than the run's own
/// highest section, each over items without links (`### Predator演进` over `#### 第一代
/// （2021）` over `* 一键点击攻击`, then `## 技术趋势分析` and more such sections; a
/// tool's `Features` over its list; a release's `Bugfixes` over `libcurl` over its
/// fixes: no sentence among them to carry the run). At least [`OUTLINE_HEADINGS_MIN`]
/// heading over at least [`OUTLINE_ITEMS_MIN`] items; the last such item ends them. A
/// box of other articles' titles is links, or paragraphs, or under a box's heading
/// ([`box_heading`]), and ends them, as does boilerplate.
fn outline_end(
    blocks: &[Block],
    run: std::ops::RangeInclusive<usize>,
    steps: &[usize],
) -> Option<usize> {
    let heading = |i: usize| match blocks[i].kind {
        Kind::Heading(level) => Some(level),
        _ => None,
    };
    let unlinked_item = |i: usize| {
        matches!(blocks[i].kind, Kind::Item { .. })
            && blocks[i].link_weight == 0
            && !blocks[i].markdown.contains("](")
    };
    let top = run.clone().filter_map(heading).min().unwrap_or(1);
    let shaped: Vec<usize> = steps
        .iter()
        .copied()
        .take_while(|&i| {
            heading(i).is_some_and(|l| l >= top && !box_heading(&blocks[i].text))
                || unlinked_item(i)
        })
        .collect();
    // (Headings after the last item count for nothing.)
    let last = shaped.iter().copied().rfind(|&i| unlinked_item(i))?;
    let headings = shaped
        .iter()
        .filter(|&&i| i < last && heading(i).is_some())
        .count();
    let items = shaped.iter().filter(|&&i| unlinked_item(i)).count();
    (headings >= OUTLINE_HEADINGS_MIN && items >= OUTLINE_ITEMS_MIN).then_some(last)
}

/// Whether a heading names a box of other pages' titles or of the site's (`热门文章`,
/// `最新文章`, `Popular posts`, `Tags`, [`BOX_LABELS`]), which ends an outline's last
/// sections ([`outline_end`]).
fn box_heading(text: &str) -> bool {
    const WORDS: [&str; 21] = [
        "热门", "熱門", "最新", "推荐", "推薦", "相关", "相關", "标签", "標籤", "分类", "分類",
        "归档", "精选", "精選", "popular", "recent", "latest", "tags", "categor", "archive",
        "trending",
    ];
    let t = text.trim().to_lowercase();
    WORDS.iter().any(|w| t.contains(w)) || BOX_LABELS.iter().any(|b| t == b.to_lowercase())
}

/// Fewest headings of an outline's last sections ([`outline_end`]), before their last
/// item.
const OUTLINE_HEADINGS_MIN: usize = 1;

/// Fewest items of an outline's last sections ([`outline_end`]).
const OUTLINE_ITEMS_MIN: usize = 6;

/// Where the run of blocks of `blocks[i]`'s kind (one list's items, one table's rows)
/// that starts at `i` ends.
fn run_end(blocks: &[Block], i: usize) -> usize {
    let kind = blocks[i].kind;
    (i..blocks.len())
        .find(|&j| blocks[j].kind != kind)
        .unwrap_or(blocks.len())
}

/// A table's rows that link are no navigation when fewer than half of its rows (its head
/// among them) are navigation by [`classify`] and they hold more than links
/// ([`links_only`]): a diff's line that links (`` `1` | `+ ###
/// [CVE-2017-13315](…)` ``), a talk's row beside its date and conference. A table of
/// links (a sidebar laid out as one, a repository's files) stays navigation.
fn rows_in_tables(blocks: &[Block], classes: &mut [Class]) {
    let mut i = 0;
    while i < blocks.len() {
        let Kind::Row { .. } = blocks[i].kind else {
            i += 1;
            continue;
        };
        let end = run_end(blocks, i);
        let links = (i..end)
            .filter(|&j| classes[j] == Class::Navigation)
            .count();
        if links * 2 < end - i {
            for j in i..end {
                if classes[j] == Class::Navigation && !links_only(&blocks[j]) {
                    classes[j] = Class::Neither;
                }
            }
        }
        i = end;
    }
}

/// Whether every cell of a table's row that holds something is a link or an image
/// (`| [Scripts](/o/r/tree/main/Scripts) |  | [Scripts](…) |`, a repository's file
/// table): a row of links, no row of the text.
fn links_only(b: &Block) -> bool {
    // A header row's Markdown holds the delimiter row under it (`| --- | --- |`).
    b.markdown
        .lines()
        .flat_map(|l| l.trim().trim_matches('|').split('|'))
        .map(str::trim)
        .filter(|c| !c.is_empty() && !c.chars().all(|ch| matches!(ch, '-' | ':')))
        .all(|c| (c.starts_with('[') || c.starts_with("![")) && c.ends_with(')'))
}

/// The article chosen by [`choose`] (`keep`), started at the page's title: when a block
/// saying the record's `title` follows the first block kept, with little prose before it
/// (at most two paragraphs and half the article's prose), the lines before it that are
/// neither prose nor a caption are the site's header (menus written as plain lines, a
/// kicker, buttons) and go, and so do an image's alt text alone (a banner described)
/// and prose whose words the article hardly uses
/// ([`OFF_TOPIC_SHARE_TENTHS`]); an editor's note or a lead before the title stays.
/// The last such block counts (a page says its title in its header, then over its article).
pub fn from_title(blocks: &[Block], mut keep: Vec<bool>, title: Option<&str>) -> Vec<bool> {
    let Some(t) = title.map(crate::block::letters).filter(|t| !t.is_empty()) else {
        return keep;
    };
    let Some(first) = keep.iter().position(|k| *k) else {
        return keep;
    };
    let last = keep.iter().rposition(|k| *k).unwrap_or(first);
    let prose = |i: usize| -> usize {
        if keep[i] && classify(&blocks[i]) == Class::Prose {
            blocks[i].weight()
        } else {
            0
        }
    };
    let total: usize = (first..=last).map(prose).sum();
    let (mut before, mut paragraphs, mut start) = (0usize, 0usize, None);
    for (i, b) in blocks.iter().enumerate().take(last + 1).skip(first) {
        if i > first && crate::block::letters(&b.text) == t {
            start = Some(i);
        }
        let w = prose(i);
        before += w;
        paragraphs += usize::from(w > 0);
        if paragraphs > 2 || before * 2 > total {
            break;
        }
    }
    if let Some(s) = start {
        // A paragraph above the title whose words the article hardly uses is the site's
        // (its tagline, a banner, a cookie notice, the author's bio), not a lead.
        let article: std::collections::HashSet<String> = (s..=last)
            .filter(|&i| keep[i])
            .flat_map(|i| topic_words(&blocks[i].text))
            .collect();
        let off_topic = |b: &Block| {
            if editors_note(&b.text) || b.markdown.contains("<figcaption") {
                return false;
            }
            let words = topic_words(&b.text);
            let shared = words.iter().filter(|w| article.contains(*w)).count();
            words.len() >= OFF_TOPIC_MIN_WORDS && shared * 10 < words.len() * OFF_TOPIC_SHARE_TENTHS
        };
        // A caption above the title stays, but an image's alt text alone there is the
        // page's banner described (`A computer mouse and a fishing hook` over a post on
        // phishing), not a line of the article.
        for (k, b) in keep[..s].iter_mut().zip(blocks) {
            *k = *k
                && ((b.kind == Kind::Caption && !crate::block::alt_text_only(b))
                    || (classify(b) == Class::Prose && !off_topic(b)));
        }
    }
    keep
}

/// Fewest words ([`topic_words`]) of a paragraph above the title for [`from_title`] to
/// judge whether the article is about what it says.
const OFF_TOPIC_MIN_WORDS: usize = 6;
/// The share of those words, in tenths, that the article below the title must use for
/// the paragraph to be its lead (`In this article, we'll explore…` uses them all; the
/// site's `Independent Contractor. Bitcoin: 15Zvie…` none).
const OFF_TOPIC_SHARE_TENTHS: usize = 3;

/// Whether a paragraph is an editor's or author's note (`【2018按：…】`, `編者按：…`,
/// `Editor's note: …`, `Update: …`): a note about the article, whatever its words.
fn editors_note(text: &str) -> bool {
    let t = text.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '*' | '_' | '【' | '[' | '(' | '（' | '「')
    });
    let head: String = t.chars().take(NOTE_MARK_WITHIN).collect();
    if head.contains("按：") || head.contains("按:") {
        return true;
    }
    let lower: String = t
        .chars()
        .take(NOTE_LEAD_WITHIN)
        .collect::<String>()
        .to_lowercase();
    // A mark that says so in its own words, in English, German, French, Spanish,
    // Italian and Russian.
    const MARKS: [&str; 10] = [
        "note:",
        "ndlr",
        "anmerkung der redaktion",
        "note de la rédaction",
        "note de l'éditeur",
        "nota del editor",
        "nota de la redacción",
        "nota della redazione",
        "от редакции",
        "примечание редакции",
    ];
    // An update or a note, with its colon close behind (`Update (May 3):`, `Editor's
    // note:`, `更新：`): a banner may start with the word too (`Updates to our terms…`).
    let colon_within = |rest: &str| {
        rest.chars()
            .take(NOTE_COLON_WITHIN)
            .any(|c| matches!(c, ':' | '：'))
    };
    MARKS.iter().any(|m| lower.starts_with(m))
        || ["editor", "update", "更新"].iter().any(|m| {
            lower
                .strip_prefix(m)
                .is_some_and(|rest| colon_within(rest) || (*m == "editor" && rest.contains("note")))
        })
}

/// Characters at a paragraph's start within which an editor's note says it is one
/// ([`editors_note`]: `2018按：`).
const NOTE_MARK_WITHIN: usize = 8;
/// Characters at a paragraph's start read for a note's mark in words ([`editors_note`]).
const NOTE_LEAD_WITHIN: usize = 40;
/// Most characters between `Update`, `Editor…` or `更新` and the colon of a note.
const NOTE_COLON_WITHIN: usize = 20;

/// Letters of a stem compared for [`topic_words`] (`vulnerability`, `vulnerabilities`).
const TOPIC_STEM_CHARS: usize = 5;

/// The words that say what a text is about, lower-cased: the stems (first
/// [`TOPIC_STEM_CHARS`] letters) of words of four letters or more in a script that puts
/// spaces between words (Latin, Greek, Cyrillic, Armenian), and pairs of Han ideographs
/// in a row. Text in other scripts (Thai, kana, Hangul) gives none, and so is not judged.
fn topic_words(text: &str) -> std::collections::HashSet<String> {
    let words = crate::block::words_of(text);
    let mut out = std::collections::HashSet::new();
    let han = |w: &str| w.chars().next().is_some_and(crate::lines::is_han);
    let spaced = |c: char| (c as u32) < 0x0590 || matches!(c as u32, 0x1E00..=0x1FFF);
    for (i, w) in words.iter().enumerate() {
        if han(w) {
            if let Some(n) = words.get(i + 1).filter(|n| han(n)) {
                out.insert(format!("{w}{n}"));
            }
        } else if w.chars().count() >= 4
            && w.chars().any(char::is_alphabetic)
            && w.chars().all(spaced)
        {
            out.insert(w.chars().take(TOPIC_STEM_CHARS).collect());
        }
    }
    out
}

/// The prose under the page's title, kept with the article chosen elsewhere: when the
/// last block saying the record's `title` before the first block kept is followed by
/// prose (up to the first navigation block or heading), not kept, the
/// choice went past the post to something longer further down (a short post under its
/// title, then the blog's footer and a long "about the author" box), and the post is
/// kept too. Losing a post's text costs more than keeping a sidebar's, which the corpus
/// statistics remove when the site has enough pages.
pub fn with_title_lead(blocks: &[Block], mut keep: Vec<bool>, title: Option<&str>) -> Vec<bool> {
    let Some(t) = title.map(crate::block::letters).filter(|t| !t.is_empty()) else {
        return keep;
    };
    let Some(first) = keep.iter().position(|k| *k) else {
        return keep;
    };
    let Some(h) = (0..first)
        .rev()
        .find(|&i| crate::block::letters(&blocks[i].text) == t)
    else {
        return keep;
    };
    let end = (h + 1..first)
        .find(|&i| {
            matches!(blocks[i].kind, Kind::Heading(_)) || classify(&blocks[i]) == Class::Navigation
        })
        .unwrap_or(first);
    for i in h + 1..end {
        // Only its prose: the lines around it under a title are a header's (a byline, a
        // reading count, an account's name and slogan), and so are the title said again
        // with the site's name and a banner closed by its link (`… Learn More`).
        let text = blocks[i].text.trim_end();
        let lower = text.to_lowercase();
        let banner = CARD_CALLS
            .iter()
            .any(|c| lower.ends_with(&c.to_lowercase()));
        let title_bar = crate::block::letters(text).starts_with(&t);
        if classify(&blocks[i]) == Class::Prose && !banner && !title_bar {
            keep[i] = true;
        }
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::block::{render, Output};

    #[test]
    fn an_archive_of_months_is_told_from_text_with_dates() {
        assert!(archive_months(
            "Select Month October 2025 (1) September 2025 (2) August 2025 (2) July 2025 (2) June 2025 (3) May 2025 (7)"
        ));
        assert!(archive_months(
            "2025年10月 (1) 2025年9月 (2) 2025年8月 (2) 2025年7月 (2) 2025年6月 (3) 2025年5月 (7)"
        ));
        // Five months are too few; a sentence that names six months says more than them.
        assert!(!archive_months(
            "October 2025 (1) September 2025 (2) August 2025 (2) July 2025 (2) June 2025 (3)"
        ));
        assert!(!archive_months(
            "The releases of January 2024 and March 2024 and May 2024 and July 2024 and September 2024 and November 2024 each fixed one of the bugs the audit had found."
        ));
    }
    use crate::markdown::blocks;

    #[test]
    fn a_chinese_item_thanking_by_a_link_is_a_sentence_a_files_card_is_not() {
        let items = blocks(
            "* 增加 TG 机器人推送支持，详见文档说明，感谢 [@moonD4rk](https://github.com/moonD4rk) 贡献\n* 时间:  2023-04-29T14:44:08Z\n  大小:\n  1.97 M\n  下载:  103\n  [登录下载](/auth/login)\n* [上一篇：漏洞分析之堆溢出的利用方法](https://s.com/1)\n",
        );
        let classes: Vec<Class> = items.iter().map(classify).collect();
        assert_eq!(classes, [Class::Prose, Class::Neither, Class::Navigation]);
    }

    /// The classes of a Markdown text's blocks.
    fn classified(md: &str) -> Vec<Class> {
        blocks(md).iter().map(classify).collect()
    }

    #[test]
    fn a_numbered_section_and_a_written_out_address_are_no_links() {
        let classes = classified(
            "## 3. [Go到私有仓库的请求认证](https://docs.gitlab.com/ee/a.html#b)\n\n### 2.1 [Setup](https://example.com/setup)\n\n# [4 Steps to Creating a Powerful Research Lab](https://thehackernews.com/a.html)\n\n* <http://192.168.56.22/Default.aspx> 可以上传文件\n\n- <https://github.com/o/r>\n",
        );
        assert_eq!(
            classes,
            [
                Class::Neither,
                Class::Neither,
                Class::Navigation,
                Class::Neither,
                Class::Neither
            ]
        );
        // (A bare address alone, `- <https://github.com/o/r>`, is left to the rules of
        // reference lists.)
        // A number written without a space after it; a figure run into a word.
        let classes = classified(
            "## 3、[背景](https://example.com/a)\n\n## 4.[复现](https://example.com/b)\n\n## [3.5x faster builds](https://example.com/c)\n\n## [2.x migration guide](https://example.com/d)\n",
        );
        assert_eq!(
            classes,
            [
                Class::Neither,
                Class::Neither,
                Class::Navigation,
                Class::Navigation
            ]
        );
    }

    #[test]
    fn a_drop_down_menus_entries_are_navigation() {
        let classes = classified(
            "* [For business](//www.avast.com/business)\n  For business\n  Protect your business with Avast\n* [About us](//www.avast.com/about)\n  About us\n  Careers, investors, media, contact\n\n* [Nmap](https://nmap.org) Nmap scans the hosts of a network and lists their open ports.\n* [Burp](https://portswigger.net) is a proxy that records every request the browser sends.\n\n- [Ghidra](https://ghidra-sre.org)\n  Ghidra decompiled the loader and showed the XOR key that the dropper uses.\n- [Go](https://go.dev)\n  Google's language built the second stage.\n",
        );
        // An entry that says its tool's name again in a sentence, on its line or under
        // it, is the text's.
        assert_eq!(
            classes,
            [
                Class::Navigation,
                Class::Navigation,
                Class::Prose,
                Class::Prose,
                Class::Prose,
                Class::Prose
            ]
        );
    }

    #[test]
    fn a_tables_row_that_links_is_text_a_row_of_links_is_not() {
        let md = "| Name | | Name | Last commit message |\n| --- | --- | --- | --- |\n| Latest commit History[4 Commits](/o/r/commits/master/) | | |\n| [Scripts](/o/r/tree/master/Scripts \"Scripts\") | | [Scripts](/o/r/tree/master/Scripts \"Scripts\") |  |\n| `1` | `+ ### [CVE-2005-4875](https://cve.mitre.org/cgi-bin/cvename.cgi?name=CVE-2005-4875)` | | |\n| `2` | `+ ### Description` | | |\n| View all files | | |\n";
        let b = blocks(md);
        let mut classes: Vec<Class> = b.iter().map(classify).collect();
        assert_eq!(classes[2..4], [Class::Navigation, Class::Navigation]);
        rows_in_tables(&b, &mut classes);
        assert_eq!(classes[2..4], [Class::Navigation, Class::Neither]);
        // A table mostly of links stays navigation, row by row.
        let menu = "| [Home](/) | [News](/news) |\n| --- | --- |\n| [About](/about) | [CVE-2005-4875 and others](/cve) 2005 |\n";
        let b = blocks(menu);
        let mut classes: Vec<Class> = b.iter().map(classify).collect();
        let before = classes.clone();
        rows_in_tables(&b, &mut classes);
        assert_eq!(classes, before);
    }

    #[test]
    fn a_readme_ends_at_githubs_side_bar_and_says_the_description_once() {
        let page = "* [Code](/o/r)\n* [Issues](/o/r/issues)\n* [Pull requests](/o/r/pulls)\n\nUnauthenticated start EFS service on remote Windows host\n\n## Repository files navigation\n\n* README\n\n# rpc2efs\n\nUnauthenticated start EFS service on remote Windows host\n\nThe tool calls the EfsRpcOpenFileRaw function of a host that has not started its EFS service yet, which starts it, so that the coercion works again.\n\n## About\n\nUnauthenticated start EFS service on remote Windows host\n\n### Resources\n\n[Readme](#readme-ov-file)\n\n### Stars\n\n[**97** stars](/o/r/stargazers)\n";
        let b = blocks(page);
        let keep = choose_readme(&b, page, &Lexicon::builtin()).unwrap_or_default();
        let gone: Vec<bool> = keep.iter().map(|k| !k).collect();
        // GitHub's words over the README go with its tabs.
        assert_eq!(
            render(&crate::block::without(b, &gone), Output::Text),
            "rpc2efs\n\nUnauthenticated start EFS service on remote Windows host\n\nThe tool calls the EfsRpcOpenFileRaw function of a host that has not started its EFS service yet, which starts it, so that the coercion works again.\n"
        );
        // A README's own `## About` section stays, also over a `### License` of its own.
        let own = "## About\n\nThis project started as a weekend experiment and grew into the tool the team uses every day.\n\n### License\n\nMIT.\n\n## Usage\n\nRun it.\n";
        assert_eq!(sidebar_start(&blocks(own), 0), None);
        assert_eq!(sidebar_start(&blocks(page), 0), Some(9));
    }

    #[test]
    fn a_repositorys_header_gives_its_description_not_its_name_or_license() {
        let kept = |md: &str| -> String {
            let b = blocks(md);
            let keep = with_header(&b, vec![true; b.len()]);
            let gone: Vec<bool> = keep.iter().map(|k| !k).collect();
            render(&crate::block::without(b, &gone), Output::Text)
        };
        // The buttons between the name and the description, as saved; a fork's line.
        let page = "[o](/o)\n/\n**[r\\_x](/o/r_x)**\nPublic\n\nforked from [a/r\\_x](/a/r_x)\n\n* [Fork\n  3](/login?return_to=%2Fo%2Fr_x)\n* [Star\n   9](/login?return_to=%2Fo%2Fr_x)\n\nA tool of one line\n\n### License\n\n[MIT license](/o/r_x/blob/main/LICENSE)\n\n[9\nstars](/o/r_x/stargazers)\n\nAdditional navigation options\n";
        assert_eq!(
            kept(page),
            "forked from a/r_x\n\nFork 3\nStar 9\n\nA tool of one line\n\n9 stars\n\nAdditional navigation options\n"
        );
        // The buttons and `Public` taken by the corpus statistics; licenses found.
        let page = "[o](/o)\n/\n**[r](/o/r)**\n\n一个基于规则的加解密工具\n\n### Licenses found\n\nApache-2.0, MIT licenses found\n\n[Star](/login?return_to=%2Fo%2Fr)\n";
        assert_eq!(kept(page), "一个基于规则的加解密工具\n\nStar\n");
        // A license named in a sentence, not linked, stays.
        let page = "[o](/o)\n/\n**[r](/o/r)**\n\nA tool.\n\n### License\n\nReleased under the MIT license\n";
        let b = blocks(page);
        let keep = with_header(&b, vec![true; b.len()]);
        assert_eq!(keep, [false, true, true, true]);
        // A README's own license section far under the name stays.
        let page = format!(
            "[o](/o)\n/\n**[r](/o/r)**\n\nA tool.\n\n{}### License\n\n[MIT license](LICENSE)\n",
            "* [Code](/o/r)\n\nWords of the README.\n\n".repeat(7)
        );
        let b = blocks(&page);
        let keep = with_header(&b, vec![true; b.len()]);
        assert_eq!(keep.iter().filter(|k| !**k).count(), 1);
        assert!(!keep[0]);
        // No description: the paragraph after the counters is not taken for one.
        let page = "[o](/o)\n/\n**[r](/o/r)**\n\n[9\nstars](/o/r/stargazers)\n\nAdditional navigation options\n";
        let b = blocks(page);
        assert_eq!(header_description(&b, b.len()), Some((0, None)));
        // A breadcrumb of another site is no repository's name, nor is a name whose
        // link goes elsewhere; a README's own license section stays.
        for page in [
            "[Home](/) / [Blog](/blog)\n\nA post of one line\n\n### License\n\n[MIT license](/LICENSE)\n",
            "[o](/o)\n/\n**[r](/x/y)**\n\nA line\n\n### License\n\n[MIT license](/LICENSE)\n",
        ] {
            let b = blocks(page);
            assert_eq!(with_header(&b, vec![false; b.len()]), vec![false; b.len()]);
            assert_eq!(with_header(&b, vec![true; b.len()]), vec![true; b.len()]);
        }
    }

    #[test]
    fn a_release_pages_notes_are_its_article() {
        let header = "[View all tags](/o/r/tags)\n\n[oiweiwei](/oiweiwei)\nreleased this\n18 Sep 17:54\n\n·\n[3 commits](/o/r/compare/v1.2.8...main)\nto main\nsince this release\n\n[v1.2.8](/o/r/tree/v1.2.8)\n\n[`ca8159b`](/o/r/commit/ca8159b88f6ee6ffa1749c926f6decc8c202e780)\n\n";
        let notes = "## What's Changed\n\n* Add dcom/urlmon interfaces by [@bryanmcnulty](https://github.com/bryanmcnulty) in [#67](https://github.com/o/r/pull/67)\n\n";
        let tail = "### Contributors\n\n* [![@bryanmcnulty](https://avatars.githubusercontent.com/u/99415703?s=64&v=4)](https://github.com/bryanmcnulty)\n\nbryanmcnulty and oiweiwei\n\nAssets\n2\n\nLoading\n\n## Footer\n";
        let kept = |md: &str| -> Option<String> {
            let b = blocks(md);
            let keep = choose_release(&b)?;
            let gone: Vec<bool> = keep.iter().map(|k| !k).collect();
            Some(render(&crate::block::without(b, &gone), Output::Text))
        };
        let page = format!("{header}{notes}{tail}");
        assert_eq!(
            kept(&page).as_deref(),
            Some("What's Changed\n\nAdd dcom/urlmon interfaces by @bryanmcnulty in #67\n")
        );
        // Saved cut short (no assets): the notes run to the page's end.
        let cut = format!("{header}{notes}* Fix the null terminator of a str...");
        assert_eq!(
            kept(&cut).as_deref(),
            Some("What's Changed\n\nAdd dcom/urlmon interfaces by @bryanmcnulty in #67\nFix the null terminator of a str...\n")
        );
        // A page that says `released this` in a sentence, or no release's header: none.
        assert_eq!(
            kept("The team released this fix on Monday.\n\nAssets\n\nMore.\n"),
            None
        );
        assert_eq!(
            kept("Microsoft released this month's updates, fixing 72 flaws.\n\n[Privacy](/privacy)\n"),
            None
        );
        // A header without the release's commit under it: none.
        assert_eq!(
            kept("[x](/x)\nreleased this\n18 Sep 17:54\n\nNotes.\n"),
            None
        );
        assert_eq!(kept(notes), None);
    }

    fn kept_text(md: &str) -> String {
        let b = blocks(md);
        let keep = choose(&b, md, &Lexicon::builtin());
        let gone: Vec<bool> = keep.iter().map(|k| !k).collect();
        let kept = crate::block::without(b, &gone);
        render(&kept, Output::Text)
    }

    #[test]
    fn a_digests_headed_lists_of_headlines_stay_an_articles_headed_sidebars_go() {
        let sections = "## 收录的新闻\n\n### 寿光水灾\n\n不知道几分天灾，几分人祸，反正不许说。\n\n* [寿光防洪漏洞存在多年，防汛文件形似复制粘贴](https://m.github.io/a.html)\n* [寿光村民雨中自杀，贷款大棚、院墙垮塌](https://m.github.io/b.html)\n\n### 湖南耒阳教育分流\n\n* [昨天，湖南耒阳，令人揪心的开学第一课](https://m.github.io/c.html)\n\n### 其他\n\n* [梁文道：隔离打工子女的这堵墙，也隔开了教育的公平](https://m.github.io/d.html)\n* [孙志刚父亲打来电话没几天，聂树斌的父亲就去世了](https://m.github.io/e.html)\n";
        let digest = format!("两周一期，第三期又跳票了，因为端点星缺人呀。\n\n{sections}");
        assert_eq!(
            kept_text(&digest),
            "两周一期，第三期又跳票了，因为端点星缺人呀。\n\n收录的新闻\n\n寿光水灾\n\n不知道几分天灾，几分人祸，反正不许说。\n\n寿光防洪漏洞存在多年，防汛文件形似复制粘贴\n寿光村民雨中自杀，贷款大棚、院墙垮塌\n\n湖南耒阳教育分流\n\n昨天，湖南耒阳，令人揪心的开学第一课\n\n其他\n\n梁文道：隔离打工子女的这堵墙，也隔开了教育的公平\n孙志刚父亲打来电话没几天，聂树斌的父亲就去世了\n"
        );
        // The same lists beside an article that outweighs them are its sidebars (the
        // headings and the paragraph up to the last prose stay, as ever).
        let paragraph = "勒索软件团伙利用邮件网关的漏洞进入企业内网，研究人员在报告中说，攻击者随后加密了服务器上的数据并索要赎金。";
        let article =
            format!("{paragraph}\n\n{paragraph}\n\n{paragraph}\n\n{paragraph}\n\n{sections}");
        assert_eq!(
            kept_text(&article),
            format!("{paragraph}\n\n{paragraph}\n\n{paragraph}\n\n{paragraph}\n\n收录的新闻\n\n寿光水灾\n\n不知道几分天灾，几分人祸，反正不许说。\n")
        );
    }

    #[test]
    fn numbered_linked_titles_that_go_on_an_articles_numbering_stay() {
        let md = "* [首页](https://s.com/)\n* [归档](https://s.com/archive)\n\n## 工具\n\n1、[文章] [Meet the New Dialog Element](https://a.com/dialog)\n\nHTML 5.2 新增了 dialog 元素，这个元素将来一定会广泛使用，因为它提供了原生的对话框。\n\n2、[教程] [Android 开发工程师面试指南](https://github.com/x/android-interview)\n\n3、[文章] [Active Record 与 Data Mapper 的差异](http://www.culttt.com/ar)\n\n关系型数据库的操作通常采用 ORM 库，将表格转换成对象，主要分成两种类型。\n\n* [关于](https://s.com/about)\n";
        assert_eq!(
            kept_text(md),
            "工具\n\n1、[文章] Meet the New Dialog Element\n\nHTML 5.2 新增了 dialog 元素，这个元素将来一定会广泛使用，因为它提供了原生的对话框。\n\n2、[教程] Android 开发工程师面试指南\n\n3、[文章] Active Record 与 Data Mapper 的差异\n\n关系型数据库的操作通常采用 ORM 库，将表格转换成对象，主要分成两种类型。\n"
        );
    }

    #[test]
    fn lines_after_a_notice_stay_when_they_outweigh_what_was_chosen() {
        let notice = "版权声明：本文为博主原创文章，遵循 CC 4.0 BY-SA 版权协议，转载请附上原文出处链接和本声明。";
        let post = format!("[Rss](/rss.xml)\n\n记录几条常用的 adb 命令，用来在测试手机上调整屏幕亮度、休眠时间和网络时间，以备以后查阅和使用。\n\n{notice}\n\n#获取当前亮度值\n\nadb shell settings get system screen_brightness\n\n#更改亮度值(亮度值在0—255之间)\n\nadb shell settings put system screen_brightness\n");
        assert_eq!(
            kept_text(&post),
            format!("记录几条常用的 adb 命令，用来在测试手机上调整屏幕亮度、休眠时间和网络时间，以备以后查阅和使用。\n\n{notice}\n\n#获取当前亮度值\n\nadb shell settings get system screen_brightness\n\n#更改亮度值(亮度值在0—255之间)\n\nadb shell settings put system screen_brightness\n")
        );
        // Under an article, even a short one, the notice ends it: what follows is its
        // footer.
        let paragraph = "勒索软件团伙利用邮件网关的漏洞进入企业内网，研究人员在报告中说，攻击者随后加密了服务器上的数据并索要赎金。";
        let article = format!("[Rss](/rss.xml)\n\n{paragraph}\n\n{paragraph}\n\n{notice}\n\n打赏请扫码\n\n本文打赏均用于支持小组日常运营\n");
        assert_eq!(kept_text(&article), format!("{paragraph}\n\n{paragraph}\n"));
        let short = format!("[Rss](/rss.xml)\n\n{paragraph}\n\n{notice}\n\n打赏请扫码\n\n本文打赏均用于支持小组日常运营\n");
        assert_eq!(kept_text(&short), format!("{paragraph}\n"));
    }

    #[test]
    fn a_write_ups_last_steps_after_its_last_paragraph_stay() {
        let paragraph = "攻击者利用框架的漏洞拿到了服务器的权限，随后我们检查了系统里的日志服务和定时任务，找到了提权的线索。";
        let md = format!("* [首页](https://s.com/)\n\n{paragraph}\n\n## audit\n\n### cry0l1t3 to mrb3n\n\n`$ aureport --tty`\n\n### PE\n\n```\nTF=$(mktemp -d)\nsudo composer --working-dir=$TF run-script x\n```\n\n## Root.txt\n\n> f44c2b56ff571a21b8e1fa983be91be3\n\n# CTF\n\n免责声明\n\n* [关于](https://s.com/about)\n");
        assert_eq!(
            kept_text(&md),
            format!("{paragraph}\n\naudit\n\ncry0l1t3 to mrb3n\n\n$ aureport --tty\n\nPE\n\nTF=$(mktemp -d)\nsudo composer --working-dir=$TF run-script x\n\nRoot.txt\n\nf44c2b56ff571a21b8e1fa983be91be3\n")
        );
        // Headings over short lines without code after the text are what the page left
        // out (a related box's titles).
        let related = format!("* [首页](https://s.com/)\n\n{paragraph}\n\n## 相关阅读\n\n漏洞分析之一\n\n漏洞分析之二\n\n* [关于](https://s.com/about)\n");
        assert_eq!(kept_text(&related), format!("{paragraph}\n"));
    }

    #[test]
    fn a_closing_remark_under_its_heading_stays() {
        // A write-up's `## PS`: one line of Chinese text without its full stop, then the
        // post's tags as a heading, its disclaimer and the site's menu.
        let paragraph = "这里去看了一下发现是 /bin/sh 于是把最后的那一点改成 /bin/sh 再次写入后登录，提权成功（flag 就不找了）";
        let remark = "是一台挺简单的靶机比较考验对目标的优先级排序";
        let md = format!("* [首页](https://s.com/)\n\n{paragraph}\n\n## PS\n\n{remark}\n\n# vulnhub靶机 # OSCP\n\n* [关于](https://s.com/about)\n");
        assert_eq!(kept_text(&md), format!("{paragraph}\n\nPS\n\n{remark}\n"));
        // Titles of other articles under a heading are links, or too short to be text.
        let related = format!("* [首页](https://s.com/)\n\n{paragraph}\n\n## 相关阅读\n\n[靶机渗透测试之信息搜集篇的完整记录](https://s.com/1)\n\n[靶机渗透测试之提权篇的完整记录](https://s.com/2)\n\n* [关于](https://s.com/about)\n");
        assert_eq!(kept_text(&related), format!("{paragraph}\n"));
    }

    #[test]
    fn a_short_paragraph_between_closing_remarks_stays_with_them() {
        // A write-up's last case, told in paragraphs of Chinese text without their full
        // stops under its heading; one of them too short to be text on its own.
        let paragraph = "Java 将参数构造好后传给native函数com.xxxx.x.x.c，带了native关键字的说明java的作用范围达不到了，会去调用底层C语言的代码。";
        let steps = [
            "测试某APP发现请求包和返回包内容均进行了加密",
            "对APP进行脱壳并分析代码，由于iv是固定的，尝试直接搜索iv找到加密的地方，跟踪m6560CL",
            "发现加密处理在so层中",
            "hook genRandomKey方法发现返回值就是AES对应的密钥",
        ];
        let md = format!("* [首页](https://s.com/)\n\n{paragraph}\n\n### 案例四：app使用动态密钥\n\n{}\n\n* [关于](https://s.com/about)\n", steps.join("\n\n"));
        assert_eq!(
            kept_text(&md),
            format!(
                "{paragraph}\n\n案例四：app使用动态密钥\n\n{}\n",
                steps.join("\n\n")
            )
        );
        // A short paragraph after the last remark is not kept for it.
        let tail = format!("* [首页](https://s.com/)\n\n{paragraph}\n\n### 案例四：app使用动态密钥\n\n{}\n\n补充一下，仅供参考\n\n* [关于](https://s.com/about)\n", steps.join("\n\n"));
        assert_eq!(
            kept_text(&tail),
            format!(
                "{paragraph}\n\n案例四：app使用动态密钥\n\n{}\n",
                steps.join("\n\n")
            )
        );
        // A name over a bio, or under a box's heading a reply between remarks, is no
        // remark's: the box goes as before.
        for md in [
            format!("* [首页](https://s.com/)\n\n{paragraph}\n\n### 作者简介\n\n张三\n\n某安全公司高级研究员，专注于二进制漏洞挖掘\n\n* [关于](https://s.com/about)\n"),
            format!("* [首页](https://s.com/)\n\n{paragraph}\n\n### 网友评论\n\n写得很好，学习了学习了\n\n感谢分享这么详细的分析过程啊\n\n* [关于](https://s.com/about)\n"),
        ] {
            assert_eq!(kept_text(&md), format!("{paragraph}\n"), "{md}");
        }
        // Without a remark after it, a short paragraph does not carry the run.
        let short = format!("* [首页](https://s.com/)\n\n{paragraph}\n\n### 联系方式\n\n发现加密处理在so层中\n\n* [关于](https://s.com/about)\n");
        assert_eq!(kept_text(&short), format!("{paragraph}\n"));
    }

    #[test]
    fn a_boxs_label_goes_with_the_links_under_it() {
        let paragraph = "报名后请添加工作人员微信，发送订单截图，进入课程交流群，课程从下周一开始，每周两次直播，全程回放可看。";
        // A course list's label at the end, a contents list's label at the start.
        let md = format!("* [首页](https://s.com/)\n\n目录表\n\n* [前言](https://s.com/a#1)\n* [正文](https://s.com/a#2)\n\n{paragraph}\n\n课程精选\n\n* [《LLVM与代码混淆技术》](https://s.com/1)\n* [重磅新课！《VMProtect分析与还原》](https://s.com/2)\n");
        assert_eq!(kept_text(&md), format!("{paragraph}\n"));
        // A label over a list the text keeps, or over text, stays.
        let kept = format!("* [首页](https://s.com/)\n\n{paragraph}\n\n相关工具：\n\n* [nmap](https://nmap.org/) 端口扫描工具，用来发现开放的端口和服务\n\n最新进展\n\n{paragraph}\n\n* [关于](https://s.com/about)\n");
        let out = kept_text(&kept);
        assert!(out.contains("最新进展\n"), "{out}");
    }

    #[test]
    fn an_outlines_last_sections_after_its_last_paragraph_stay() {
        // Sections of items of a few words after the last sentence, under headings no
        // higher than the article's own, up to the site's menu.
        let paragraph = "本文回顾了商业间谍软件在iOS平台上的演进过程，并总结了检测技术的现状与未来发展趋势，供防守方参考。";
        let md = format!("* [首页](https://s.com/)\n\n## 概述\n\n{paragraph}\n\n## Predator演进\n\n### 第一代\n\n* 一键点击攻击\n* 基于Python开发\n* 同时支持Android和iOS\n\n### 第二代\n\n* 完全用Objective-C重写\n* 使用WebKit零点击攻击\n* 增强的验证和清理步骤\n\n* [关于](https://s.com/about)\n");
        assert_eq!(
            kept_text(&md),
            format!("概述\n\n{paragraph}\n\nPredator演进\n\n第一代\n\n一键点击攻击\n基于Python开发\n同时支持Android和iOS\n\n第二代\n\n完全用Objective-C重写\n使用WebKit零点击攻击\n增强的验证和清理步骤\n")
        );
        // A heading above the article's own (`#` under `##` sections) ends them; boxes of
        // titles under the site's labels, and linked titles, go.
        let higher = format!("* [首页](https://s.com/)\n\n## 概述\n\n{paragraph}\n\n# 标签\n\n## 安全\n\n* 漏洞\n* 攻防\n* 情报\n\n## 技术\n\n* 逆向\n* 取证\n* 开发\n\n* [关于](https://s.com/about)\n");
        assert_eq!(kept_text(&higher), format!("概述\n\n{paragraph}\n"));
        let boxes = format!("{paragraph}\n\n## 相关阅读\n\n* 端口转发的三种方法\n* 免费证书怎样续期\n* 自建邮局的坑\n\n## 推荐阅读\n\n* 二零二三年总结\n* 自建网盘的经验\n* 家用NAS选购\n\n* [关于](https://s.com/about)\n");
        assert_eq!(kept_text(&boxes), format!("{paragraph}\n"));
        let popular = format!("{paragraph}\n\n## 热门文章\n\n* 端口转发的三种方法\n* 免费证书怎样续期\n* 自建邮局的坑\n* 二零二三年总结\n* 自建网盘的经验\n* 家用NAS选购\n\n* [关于](https://s.com/about)\n");
        assert_eq!(kept_text(&popular), format!("{paragraph}\n"));
        let linked = format!("{paragraph}\n\n## 安全\n\n* [端口转发](https://s.com/1)\n* [免费证书](https://s.com/2)\n* [自建邮局](https://s.com/3)\n\n## 生活\n\n* [年度总结](https://s.com/4)\n* [自建网盘](https://s.com/5)\n* [选购NAS](https://s.com/6)\n");
        assert_eq!(kept_text(&linked), format!("{paragraph}\n"));
    }

    #[test]
    fn an_address_under_its_label_stays_a_sources_goes() {
        let paragraph = "STABLE DOODLE是一款手绘草图转真实图像的工具，通过文本提示和草图就能生成高精准的真实图片，节省宝贵的时间。";
        let md = format!("{paragraph}\n\n## 工具网站\n\n地址：[https://clipdrop.co/stable-doodle](https://s.com/go/aHR0)\n\n原文地址：[https://a.com/b](https://a.com/b)\n\n* [关于](https://s.com/about)\n");
        assert_eq!(
            kept_text(&md),
            format!("{paragraph}\n\n工具网站\n\n地址：https://clipdrop.co/stable-doodle\n")
        );
        let labelled = |md: &str| blocks(md).iter().any(labelled_address);
        assert!(labelled(
            "项目主页: [https://github.com/x/y](https://s.com/go/1)\n"
        ));
        assert!(labelled(
            "### AI 图像生成器：[https://raphael.app/zh](https://s.com/go/2)\n"
        ));
        assert!(labelled(
            "Source code: [https://github.com/a/b](https://github.com/a/b)\n"
        ));
        for md in [
            "Author: [www.kitploit.com(查看原文)](/jump-155138.htm)\n",
            "Read for free: [https://medium.com/@a/b](https://medium.com/@a/b)\n",
            "原文链接：[https://a.com/b](https://a.com/b)\n",
            "这是一句说明了很多事情的很长的引导语：[https://a.com](https://a.com)\n",
            "地址：[https://a.com](https://a.com) 和 [https://b.com](https://b.com)\n",
            "官网：[点这里](https://a.com)\n",
            "本文链接：[https://blog.x.com/p/123](https://blog.x.com/p/123)\n",
            "最新域名：[https://www.site.cc](https://www.site.cc)\n",
            "Permalink: [https://blog.x.com/p/1](https://blog.x.com/p/1)\n",
            "Source: [https://a.com/b](https://a.com/b)\n",
            "项目地址：[https://github.com/x/y](https://s.com/go/3)，欢迎star\n",
        ] {
            assert!(!labelled(md), "{md}");
        }
    }

    #[test]
    fn headed_lists_of_figures_after_the_last_paragraph_stay() {
        // The ports a page lists under two headings after its one paragraph, then its
        // reference link and the site's menu; a headed list of titles there goes.
        let paragraph = "其实不然，CloudFlare有一些端口是允许HTTP/HTTPS流量走CDN的。下面就来介绍下CF的CDN支持的端口列表";
        let tail = "参考资料：[https://developers.cloudflare.com/network-ports/](https://s.com/go/aHR0)\n\n* [关于](https://s.com/about)\n";
        let md = format!("{paragraph}\n\n## HTTP\n\n* 80\n* 8080\n* 8880\n* 2052\n\n## HTTPS\n\n* 443\n* 2053\n\n{tail}");
        assert_eq!(
            kept_text(&md),
            format!("{paragraph}\n\nHTTP\n\n80\n8080\n8880\n2052\n\nHTTPS\n\n443\n2053\n")
        );
        let titles = format!("{paragraph}\n\n## 热门文章\n\n* 端口转发的三种方法\n* 免费证书怎样续期\n* 自建邮局的坑\n* 二零二三年总结\n\n{tail}");
        assert_eq!(kept_text(&titles), format!("{paragraph}\n"));
    }

    #[test]
    fn prose_set_as_code_is_prose() {
        // A post written in code fences, under a site's header whose one sentence would
        // else be the only prose of the page, and the article (the corpus statistics
        // take the header's sentence out).
        let md = "FreeBuf.COM网络安全行业门户，每日发布专业的安全资讯、技术剖析。\n\n* [首页](https://s.com/)\n* [分类](https://s.com/c)\n\n## 一.引子\n\n```\n大家好，又是鄙人小雷，这次为大家带来的分享是nday产生0day第一篇，没错你没看错是第一篇，也就是后续还会更新一系列如何利用nday去挖掘属于自己的0day。\n```\n\n## 二.初遇\n\n```\n又是一个悠闲的周末，窗外乌云密布，为了不让自己的小脑壳生锈，小雷决定去挖点0day，于是便有了本文。\n```\n\n* [关于](https://s.com/about)\n";
        assert_eq!(
            kept_text(md),
            "FreeBuf.COM网络安全行业门户，每日发布专业的安全资讯、技术剖析。\n\n一.引子\n\n大家好，又是鄙人小雷，这次为大家带来的分享是nday产生0day第一篇，没错你没看错是第一篇，也就是后续还会更新一系列如何利用nday去挖掘属于自己的0day。\n\n二.初遇\n\n又是一个悠闲的周末，窗外乌云密布，为了不让自己的小脑壳生锈，小雷决定去挖点0day，于是便有了本文。\n"
        );
        // Code with comments in Chinese is code.
        assert!(!prose_in_code("// 获取当前亮度值，然后写回。\nlet brightness = settings.get(\"screen_brightness\")?;\nsettings.put(\"screen_brightness\", brightness + 10)?;\n"));
    }

    #[test]
    fn a_list_the_text_introduces_stays_inside_the_article() {
        let paragraph = "端对端加密指的是，只有对话双方能够看到通信内容，服务器和中间人都无法解密，这对隐私保护非常重要。";
        let md = format!("* [首页](https://s.com/)\n\n{paragraph}\n\n目前，支持端对端加密的通信软件，主要有下面这些。\n\n- [Signal](https://signal.org/)\n- [WhatsApp](https://www.whatsapp.com/)\n- [Wire](https://wire.com/en/)\n\nTelegram 默认没有启用端对端加密，只有打开“秘密对话”功能才会启用，这一点需要注意。\n\n* [关于](https://s.com/about)\n");
        assert_eq!(
            kept_text(&md),
            format!("{paragraph}\n\n目前，支持端对端加密的通信软件，主要有下面这些。\n\nSignal\nWhatsApp\nWire\n\nTelegram 默认没有启用端对端加密，只有打开“秘密对话”功能才会启用，这一点需要注意。\n")
        );
        // Links after a paragraph that announces nothing are a menu inside the text.
        let menu = md.replace("主要有下面这些。", "各有各的用户群。");
        assert_eq!(
            kept_text(&menu),
            format!("{paragraph}\n\n目前，支持端对端加密的通信软件，各有各的用户群。\n\nTelegram 默认没有启用端对端加密，只有打开“秘密对话”功能才会启用，这一点需要注意。\n")
        );
        // An English word of announcement far from the paragraph's end announces nothing.
        let far = md.replace(
            "目前，支持端对端加密的通信软件，主要有下面这些。",
            "The following year the messenger added encryption to all of its chats by default.",
        );
        assert_eq!(
            kept_text(&far),
            format!("{paragraph}\n\nThe following year the messenger added encryption to all of its chats by default.\n\nTelegram 默认没有启用端对端加密，只有打开“秘密对话”功能才会启用，这一点需要注意。\n")
        );
    }

    #[test]
    fn the_article_starts_at_its_title() {
        let md = "# Malware steals data from cloud accounts\n\n[![Site](/logo.png)](/)\n\nHome\n\nCloud security\n\nAI security\n\nEndpoint security\n\nThe security portal of the industry, publishing news and analysis every day.\n\nMalware steals data from cloud accounts\n\n* [News](https://s.com/news)\n\nMalware steals data from cloud accounts\n\n2025-01-20 10:40:16\n\nA new strain of malware steals data and source code from cloud accounts, researchers said this week.\n\nThe attackers use stolen keys to reach the storage of their victims.\n\n* [About](https://s.com/about)\n* [Contact](https://s.com/contact)\n";
        let b = blocks(md);
        let keep = choose(&b, md, &Lexicon::builtin());
        let keep = from_title(&b, keep, Some("Malware steals data from cloud accounts"));
        let gone: Vec<bool> = keep.iter().map(|k| !k).collect();
        let kept = crate::block::without(b, &gone);
        // The site's tagline is prose, but the article uses none of its words.
        assert_eq!(
            render(&kept, Output::Text),
            "Malware steals data from cloud accounts\n\n2025-01-20 10:40:16\n\nA new strain of malware steals data and source code from cloud accounts, researchers said this week.\n\nThe attackers use stolen keys to reach the storage of their victims.\n"
        );
        // Said over the article's second half, the title cuts nothing.
        let late = "# A title\n\nThe first paragraph of the article is long enough to count as prose here.\n\nThe second paragraph of the article is long enough to count as prose too.\n\nThe third paragraph of the article is long enough to count as prose again.\n\nA title\n\n* [About](https://s.com/about)\n";
        let b = blocks(late);
        let keep = choose(&b, late, &Lexicon::builtin());
        assert_eq!(from_title(&b, keep.clone(), Some("A title")), keep);
    }

    #[test]
    fn a_short_post_under_its_title_is_kept_beside_a_longer_box() {
        let bio = "I am a public-interest technologist, working at the intersection of security, technology, and people. I have been writing about security issues on my blog since 2004, and in my monthly newsletter since 1998. I am a fellow and lecturer at a school of government and a board member of a foundation.";
        let md = format!("# Squid news\n\n* [Blog](https://s.com)\n* [Books](https://s.com/books/)\n* [Essays](https://s.com/essays/)\n\n## Squid news\n\nA new vampire squid species [was](https://a.com/x) [discovered](https://b.com/y) in the South China Sea.\n\n[Blog moderation policy.](https://s.com/policy)\n\n[Posted on July 5, 2024](https://s.com/post)\n\n[Powered by WordPress](https://wordpress.com/)\n\n### About the author\n\n{bio}\n");
        let b = blocks(&md);
        let keep = choose(&b, &md, &Lexicon::builtin());
        let keep = from_title(&b, keep, Some("Squid news"));
        let keep = with_title_lead(&b, keep, Some("Squid news"));
        let gone: Vec<bool> = keep.iter().map(|k| !k).collect();
        assert_eq!(
            render(&crate::block::without(b, &gone), Output::Text),
            format!(
                "A new vampire squid species was discovered in the South China Sea.\n\nAbout the author\n\n{bio}\n"
            )
        );
        // A post the choice takes already is left as it is.
        let long = format!("# Squid news\n\n* [Blog](https://s.com)\n* [Books](https://s.com/books/)\n\n## Squid news\n\n{bio}\n\n* [About](https://s.com/about)\n");
        let b = blocks(&long);
        let keep = choose(&b, &long, &Lexicon::builtin());
        assert_eq!(with_title_lead(&b, keep.clone(), Some("Squid news")), keep);
    }

    #[test]
    fn a_menu_of_cards_is_navigation() {
        let card = |name: &str, what: &str| {
            format!("* [{name}](/p/{name}.html)\n\n  - {name}\n\n    {what}\n\n    [Learn more](/p/{name}.html)\n")
        };
        let md = format!(
            "# Rogue AI\n\n{}{}{}",
            card("Workload", "Secure your data center, cloud, and containers without compromising performance by leveraging a cloud security platform."),
            card("Container", "Simplify security for your cloud-native applications with advanced container image scanning and policy-based admission control."),
            card("Files", "Protect application workflow and cloud storage against advanced threats, with scanning that fits every pipeline you run.")
        );
        assert_eq!(kept_text(&md), "Rogue AI\n");
    }

    #[test]
    fn hosts_of_one_site_are_one_site() {
        assert_eq!(site("blog.qualys.com"), "qualys.com");
        assert_eq!(site("qualys.com"), "qualys.com");
        assert_eq!(site("news.bbc.co.uk"), "bbc.co.uk");
        assert_eq!(site("www.sina.com.cn:8080"), "sina.com.cn");
        assert_eq!(site("localhost"), "localhost");
        // A site's menus over its subdomains are not a digest.
        let menus: String = [
            "www",
            "blog",
            "success",
            "community",
            "docs",
            "training",
            "trust",
            "status",
        ]
        .iter()
        .map(|h| format!("* [{h} home](https://{h}.qualys.com/)\n"))
        .collect();
        assert!(!digest(&menus));
        let digest_md: String = ["a.org", "b.net", "c.com", "d.io", "e.dev"]
            .iter()
            .map(|h| format!("* [A story on {h}](https://{h}/story)\n"))
            .collect();
        assert!(digest(&digest_md));
        // Links to six sites beside forty by path to the page's own: its menus.
        let social = [
            "sans.org",
            "infosec.exchange",
            "bsky.app",
            "twitter.com",
            "creativecommons.org",
        ]
        .iter()
        .map(|h| format!("[{h}](https://{h}/sans_isc)\n\n"))
        .collect::<String>();
        let own: String = (0..40)
            .map(|i| format!("* [Page {i}](/data/{i}.html)\n"))
            .collect();
        assert!(digest(&format!("{digest_md}\n{social}")));
        assert!(!digest(&format!("{social}\n{own}")));
    }

    #[test]
    fn the_article_goes_on_after_its_episode_links() {
        let md = "* [Speaking](/)\n* [Writing](/writing/)\n* [Podcasts](/podcasts/)\n\n# Smashing Security podcast #425\n\nIn episode 425 of the podcast, Graham reveals how an old game has been weaponised, allowing hackers to hijack your PC.\n\nAll this and more is discussed in the latest edition of the podcast by two veterans.\n\n### Episode links:\n\n* [Call of Duty: WWII trailer](https://www.youtube.com/watch?v=D4Q) – YouTube.\n* [2017 Wichita swatting](https://en.wikipedia.org/wiki/2017_Wichita_swatting) – Wikipedia.\n* [Common Bail Bond Scams and How to Avoid Them](https://usattorneys.com/common-bail-bond-scams/) – US Attorneys.\n* [Can I Check out Another Person’s Criminal Record?](https://www.nolo.com/legal-encyclopedia/q) – Nolo.\n\n### Sponsored by:\n\nVanta – Expand the scope of your security program with market-leading compliance automation, while saving time and money.\n\n* [Share on X](https://x.com/intent/tweet)\n* [Share on Facebook](https://facebook.com/sharer)\n* [Share on LinkedIn](https://linkedin.com/share)\n* [Share on Reddit](https://reddit.com/submit)\n";
        assert_eq!(
            kept_text(md),
            "Smashing Security podcast #425\n\nIn episode 425 of the podcast, Graham reveals how an old game has been weaponised, allowing hackers to hijack your PC.\n\nAll this and more is discussed in the latest edition of the podcast by two veterans.\n\nEpisode links:\n\nCall of Duty: WWII trailer – YouTube.\n2017 Wichita swatting – Wikipedia.\nCommon Bail Bond Scams and How to Avoid Them – US Attorneys.\nCan I Check out Another Person’s Criminal Record? – Nolo.\n\nSponsored by:\n\nVanta – Expand the scope of your security program with market-leading compliance automation, while saving time and money.\n"
        );
        // A site's menu links to the site; share buttons are short.
        let b = blocks(md);
        let classes: Vec<Class> = b.iter().map(classify).collect();
        let reference = reference_lists(&b, &classes);
        assert_eq!(reference.iter().filter(|r| **r).count(), 4);
    }

    #[test]
    fn a_list_under_a_references_heading_stays_whatever_sites_it_links() {
        // A weekly update of one paragraph, its podcast's badges, then its references:
        // tweets of one site, each with a word after its link, and entries that are
        // links alone; the share buttons after them go.
        let md = "* [Home](https://www.troyhunt.com/)\n* [Blog](https://www.troyhunt.com/blog/)\n\n# Weekly Update 356\n\nToday was a bit back-to-back having just wrapped up the webinar with Scott, which went really well.\n\n[![Listen on Apple Podcasts](https://x.com/a.svg)](https://itunes.apple.com/au/podcast/1)\n\n[![Download via RSS](https://x.com/b.svg)](https://omny.fm/shows/1.rss)\n\n### References\n\n1. [Scott Helme and I did a Report URI webinar just before this video](https://report-uri.com/webinar/1)\n2. [The renos have been very trying on my patience](https://twitter.com/troyhunt/status/1) (but the garage is looking totally epic)\n3. [I finally fixed this hum when the camera was on](https://twitter.com/troyhunt/status/2)\n4. [“La Cabina”](https://www.youtube.com/watch?v=1) – YouTube.\n\n[Tweet](https://twitter.com/share?text=1)\n [Post](https://www.facebook.com/sharer/sharer.php?u=1)\n";
        assert_eq!(
            kept_text(md),
            "Weekly Update 356\n\nToday was a bit back-to-back having just wrapped up the webinar with Scott, which went really well.\n\nReferences\n\n1. Scott Helme and I did a Report URI webinar just before this video\n2. The renos have been very trying on my patience (but the garage is looking totally epic)\n3. I finally fixed this hum when the camera was on\n4. “La Cabina” – YouTube.\n"
        );
        // Under another heading (`Links`, a blog's list of other blogs), with one entry,
        // or all to one site (a site's box of its own pages under `### Sources`), the
        // list is the site's.
        for other in [
            md.replace("https://report-uri.com/webinar/1", "https://twitter.com/troyhunt/status/3"),
            md.replace("### References", "### Links"),
            md.replace("2. [The renos have been very trying on my patience](https://twitter.com/troyhunt/status/1) (but the garage is looking totally epic)\n3. [I finally fixed this hum when the camera was on](https://twitter.com/troyhunt/status/2)\n", ""),
        ] {
            assert!(!kept_text(&other).contains("Report URI webinar"), "{other}");
        }
    }

    #[test]
    fn the_article_goes_on_after_its_table_of_contents() {
        let md = "* [Home](https://s.it/)\n* [Legal](https://s.it/legal/)\n* [Privacy](https://s.it/privacy/)\n\n# Supplier checks under the new decree\n\nSupplier management is an essential duty for the security of critical supply chains, and it does not end with the first check.\n\nContents\n\n* [Scoring](#scoring)\n* [Other conditions for the assessment](#other_conditions_for_the_assessment)\n* [Assessment after critical events](#assessment_after_critical_events)\n* [Assessment after indicators](#assessment_after_indicators)\n* [The output of the assessment of the supplier](#the_output_of_the_assessment_of_the_supplier)\n* [Procedures for the first and the ongoing assessment](#procedures_for_the_first_and_the_ongoing_assessment)\n\n## Scoring\n\nAfter the first qualification of suppliers, criteria for the ongoing one are needed.\n\nThe decree requires the assessment of the [security practices](https://s.it/legal/practices/) of every direct supplier.\n\n* [Newsletter](https://s.it/newsletter/)\n* [About us](https://s.it/about/)\n";
        let files = "[![Site](logo.png)](https://s.it/)\n\n# Update the list\n\n1 parent 2216b64 commit 6fa1295\n\nCopy full SHA for 6fa1295\n\nFile tree\n\n* [CVE-2020-23710.md](#diff-23257ac0913b5bc739fcc61c686f030f26f71dba7566ae0160929e848d3796c5)\n* [CVE-2022-1325.md](#diff-aee51f60ebf3917c2b8dedb3cdf3005b51b8c833c77ff4535348a27001bea672)\n* [references.txt](#diff-94ef79d08bbb44a1d0feaa1a15dba07c2c6bc420733ceb2abefc38299aa57619)\n\nCross Site Scripting (XSS) vulnerability in LimeSurvey 4.2.5 on textbox via the Notifications feature.\n";
        assert_eq!(
            kept_text(files),
            "Cross Site Scripting (XSS) vulnerability in LimeSurvey 4.2.5 on textbox via the Notifications feature.\n"
        );
        assert!(in_page_entry(
            &blocks("* [一、背景概述](#%E4%B8%80%E3%80%81%E8%83%8C%E6%99%AF%E6%A6%82%E8%BF%B0)\n")
                [0]
        ));
        // (The contents' label goes with its entries.)
        assert_eq!(
            kept_text(md),
            "Supplier checks under the new decree\n\nSupplier management is an essential duty for the security of critical supply chains, and it does not end with the first check.\n\nScoring\n\nAfter the first qualification of suppliers, criteria for the ongoing one are needed.\n\nThe decree requires the assessment of the security practices of every direct supplier.\n"
        );
    }

    #[test]
    fn a_heading_linked_to_its_own_anchor_is_a_heading() {
        let md = "[SECRET CLUB](/) [HOME](/) [ABOUT](/about)\n\n# Raging against the machine\n\n## [Abstract](#abstract)\n\nIn recent years the interest in obfuscation has increased, mainly because people want to protect their property.\n\n## [0x01 UTF-8编码原理](#0x01-utf-8)\n\nUTF-8 是一种变长的编码方式，一个字符可以由一到四个字节表示，兼容 ASCII 编码。\n\n## [Related posts](/posts)\n";
        assert_eq!(
            kept_text(md),
            "Raging against the machine\n\nAbstract\n\nIn recent years the interest in obfuscation has increased, mainly because people want to protect their property.\n\n0x01 UTF-8编码原理\n\nUTF-8 是一种变长的编码方式，一个字符可以由一到四个字节表示，兼容 ASCII 编码。\n"
        );
    }

    #[test]
    fn a_digest_keeps_its_items_linked_titles_and_its_quotes_sources() {
        // Each item's title is a link over the paragraph that describes it (an image
        // between); a quote's source is a link under it. The menu and the list of past
        // issues, links one after another, go.
        let md = "* [Home](https://w.org/)\n* [Archive](https://w.org/a)\n\n# Weekly 300\n\n## Tools\n\n1、[GitUI](https://github.com/extrawurst/gitui)\n\n![](https://img.org/1.webp)\n\n一个终端里的 Git 图形界面，用 Rust 语言写成，速度很快。\n\n2、[Outline](https://github.com/outline/outline)（英文）\n\n一个开源的团队知识库，可以自己架设服务，支持 Markdown 写作。\n\n3、[SQLite](https://alexwlchan.net/2025/copying-sqlite-databases/)（英文）\n\n本文介绍远程复制 SQLite 的方法。\n\n## Quotes\n\n1、\n\n吃掉大象只有一种方法：一口一口地吃。\n\n-- [南非主教图图](https://www.huddleupgroup.com/post/one-bite-at-a-time)\n\n## Past issues\n\n[训练材料用完之日](https://w.org/253)（2023 #253）\n\n[信息的半衰期](https://w.org/103)（2020 #103）\n";
        assert_eq!(
            kept_text(md),
            "Weekly 300\n\nTools\n\n1、GitUI\n\n一个终端里的 Git 图形界面，用 Rust 语言写成，速度很快。\n\n2、Outline（英文）\n\n一个开源的团队知识库，可以自己架设服务，支持 Markdown 写作。\n\n3、SQLite（英文）\n\n本文介绍远程复制 SQLite 的方法。\n\nQuotes\n\n1、\n\n吃掉大象只有一种方法：一口一口地吃。\n\n-- 南非主教图图\n"
        );
    }

    #[test]
    fn menus_and_link_lists_around_the_article_go() {
        let md = "[![Site](logo.png)](https://s.org/)\n\n* [News](https://s.org/n)\n* [Tutorials](https://s.org/t)\n* [Deals](https://s.org/d)\n\n# A bootkit bypasses Secure Boot\n\nBy Jane Doe\n\nA new bootkit can bypass Secure Boot on fully patched systems, researchers said on Wednesday in a report.\n\nThe malware is sold on hacking forums for five thousand dollars.\n\n## Related Articles:\n\n[Another story about malware](https://s.org/a)\n\n[Yet another story about ransomware](https://s.org/b)\n\n* [Sign in](https://s.org/login)\n";
        let b = blocks(md);
        let keep = choose(&b, md, &Lexicon::builtin());
        let gone: Vec<bool> = keep.iter().map(|k| !k).collect();
        let kept = crate::block::without(b, &gone);
        assert_eq!(
            render(&kept, Output::Text),
            "A bootkit bypasses Secure Boot\n\nBy Jane Doe\n\nA new bootkit can bypass Secure Boot on fully patched systems, researchers said on Wednesday in a report.\n\nThe malware is sold on hacking forums for five thousand dollars.\n"
        );
    }

    #[test]
    fn an_editors_note_says_so_at_its_start() {
        for note in [
            "【2018按：本文写于三年前】",
            "編者按：本文由作者授权转载。",
            "Editor's note: this story was updated on Friday.",
            "Editor’s Note — the figures below are from May.",
            "Update (May 3): the vendor has released a patch.",
            "**Update:** the vendor replied.",
            "NDLR : cet article a été mis à jour.",
            "Anmerkung der Redaktion: Der Artikel wurde ergänzt.",
            "Nota del editor: este artículo se actualizó.",
            "От редакции: статья дополнена.",
            "更新：厂商已发布补丁。",
        ] {
            assert!(editors_note(note), "{note}");
        }
        for line in [
            "Updates to our privacy policy take effect on 1 June. Read them now.",
            "Editorial calendar and newsletter signup for our readers.",
            "更新日志里没有提到这个漏洞，厂商也没有回应。",
        ] {
            assert!(!editors_note(line), "{line}");
        }
    }

    #[test]
    fn topic_words_are_stems_of_spaced_scripts_and_pairs_of_han() {
        let words = |t: &str| {
            let mut w: Vec<String> = topic_words(t).into_iter().collect();
            w.sort();
            w
        };
        // A word's forms share a stem; short words and figures count for nothing.
        assert_eq!(
            words("Vulnerability vulnerabilities in the 2025 kernel"),
            ["kerne", "vulne"]
        );
        // Han pairs, not punctuation or kana.
        assert_eq!(words("漏洞。分析"), ["分析", "漏洞"]);
        assert_eq!(words("これはテスト"), Vec::<String>::new());
        // A script without spaces between words gives none.
        assert_eq!(words("ภาษาไทย เป็นภาษาที่ ไม่มีช่องว่าง"), Vec::<String>::new());
    }
}
