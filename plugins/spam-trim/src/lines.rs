//! Cleaning text line by line: boilerplate (lexicon phrases in short lines, copyright
//! and policy paragraphs), breadcrumbs, source crumbs, junk digit runs, and SEO spam
//! lists, before, after or inside the article. Article text is kept whole: a line is
//! removed only when it matches one of these shapes, and a sentence that mentions a
//! spam term is kept.

use crate::lexicon::{Lexicon, SHORT_MAX};

/// Why a line was removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Removed {
    Boilerplate,
    Breadcrumb,
    Digits,
    Spam,
    Filler,
}

impl Removed {
    /// The rule's name as `explain` shows it.
    pub fn rule(self) -> &'static str {
        match self {
            Removed::Boilerplate => "boilerplate",
            Removed::Breadcrumb => "breadcrumb",
            Removed::Digits => "digits",
            Removed::Spam => "spam",
            Removed::Filler => "filler",
        }
    }
}

/// The cleaned text and what was removed.
#[derive(Debug, Default)]
pub struct Cleaned {
    pub text: String,
    pub removed_lines: usize,
    /// Characters of the input that were SEO spam.
    pub spam_chars: usize,
    pub total_chars: usize,
    /// Each removed line (or spam span of a kept line) and the rule that removed it:
    /// `source`, `spam`, `boilerplate`, `breadcrumb`, `digits`, `filler` or `dateline`.
    pub removed: Vec<(String, &'static str)>,
    /// The lines of the code blocks in `text` (trimmed, each once): the corpus rules
    /// leave them be (`return;`, `}` are in every program, not a site's boilerplate).
    pub code_lines: Vec<String>,
    /// The text of the headings among the blocks written (trimmed): a heading left last
    /// by a cut goes with the text it headed ([`crate::record::without_last_headings`]).
    pub heading_lines: Vec<String>,
}

pub(crate) fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

fn sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '…' | '；')
}

/// Whether `line` ends a sentence (closing quotes and brackets after its mark allowed).
pub(crate) fn ends_sentence(line: &str) -> bool {
    line.trim_end_matches(['”', '」', '』', '"', '’', '）', ')'])
        .ends_with(|c: char| sentence_end(c) || matches!(c, '.' | '!' | '?'))
}

/// Strip list markers, brackets and bullets (and the quotation marks around a whole line)
/// before matching phrases.
fn core(line: &str) -> &str {
    let t = line.trim();
    // A whole line in one pair of quotation marks (`“投稿联系方式：…”`; not dialogue,
    // `“长按二维码，”他说，“就能关注我们。”`).
    let t = t
        .strip_prefix('“')
        .and_then(|r| r.strip_suffix('”'))
        .filter(|r| !r.contains(['“', '”']))
        .map_or(t, str::trim);
    // A form's check box before its label (`[ ]  Save my name, email, and website…`).
    let t = ["[ ]", "[x]", "[X]"]
        .iter()
        .find_map(|b| t.strip_prefix(b))
        .map_or(t, str::trim_start);
    let t = t.trim_start_matches(|c: char| c.is_ascii_digit());
    let t = t
        .strip_prefix(". ")
        .or_else(|| t.strip_prefix('.'))
        .unwrap_or(t);
    t.trim_start_matches(|c: char| {
        matches!(
            c,
            '(' | '（' | '【' | '[' | '「' | '·' | '•' | '*' | '-' | ' ' | '\u{a0}' | '\u{3000}'
        ) || icon(c)
            || pictograph(c)
    })
    .trim_end_matches(|c: char| {
        matches!(c, ')' | '）' | '】' | ']' | '」') || icon(c) || c.is_whitespace()
    })
}

/// A pictograph that points at or decorates a line (`👉 扫码立即加入`, `👇立即扫码进群`,
/// `🔥`, `✅`, `➡️`): emoji, the dingbats and arrows, and the selector and joiner that
/// build emoji sequences.
pub fn pictograph(c: char) -> bool {
    matches!(c as u32,
        0x1F300..=0x1FAFF | 0x2190..=0x21FF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0xFE0F | 0x200D)
}

/// A character of the Private Use Area, where icon fonts put their glyphs (a calendar, a
/// person, a share button): a page saved as text keeps them (`SHARE \u{f09a}\u{f099}`). Inside
/// Han text the area holds characters of Hong Kong's legacy encodings, which stay. Its
/// last character marks code blocks while lines are cleaned ([`crate::CODE_MARK`]).
pub fn icon(c: char) -> bool {
    ('\u{e000}'..='\u{f8ff}').contains(&c) && c != crate::CODE_MARK
}

/// Most characters of a [`reply_menu_line`].
const REPLY_MENU_MAX: usize = 40;

/// Labels of a Chinese article's staff credits, Simplified and Traditional, that credit
/// the staff who produced the page; the labels that also attribute the text are
/// [`LABELS_ALONE_KEPT`], and both are credit labels ([`credit_label`]).
const STAFF_LABELS: &[&str] = &[
    "插图",
    "插圖",
    "摄影",
    "攝影",
    "编辑",
    "編輯",
    "责编",
    "責編",
    "责任编辑",
    "責任編輯",
    "主编",
    "主編",
    "校对",
    "校對",
    "审核",
    "審核",
    "审校",
    "審校",
    "初审",
    "初審",
    "复审",
    "複審",
    "终审",
    "終審",
    "编审",
    "編審",
    "统筹",
    "統籌",
    "排版",
    "美编",
    "美編",
    "策划",
    "策劃",
    "剪辑",
    "剪輯",
    "制图",
    "製圖",
    "校稿",
];

/// Labels that alone make no line of credits: those that attribute the text (its author,
/// reporter, translator or source) rather than credit the staff who produced the page,
/// `图`, which leads a caption (`图：变装术`) as well as a credit (`图：美联社`), and those
/// that also head a product's or a film's facts (`视频：4K`, `出品：华纳兄弟`, `运营：腾讯游戏`).
const LABELS_ALONE_KEPT: &[&str] = &[
    "文",
    "文字",
    "撰文",
    "撰稿",
    "记者",
    "記者",
    "通讯员",
    "通訊員",
    "实习生",
    "實習生",
    "作者",
    "翻译",
    "翻譯",
    "来源",
    "來源",
    "图",
    "圖",
    "图片",
    "圖片",
    "视频",
    "視頻",
    "设计",
    "設計",
    "制作",
    "製作",
    "出品",
    "监制",
    "監製",
    "运营",
    "運營",
];

/// Longest line of staff credits, in characters.
const CREDITS_MAX: usize = 60;

/// Whether `w` is a label of staff credits ([`STAFF_LABELS`], [`LABELS_ALONE_KEPT`]).
fn credit_label(w: &str) -> bool {
    STAFF_LABELS.contains(&w) || LABELS_ALONE_KEPT.contains(&w)
}

/// A line of staff credits and nothing else (`编辑 刘晓阳 校对 李铭`, `记者|曹蓓 编辑|王毕强`,
/// `摄影 杨文彬 | 撰文 郄艺 | 编辑 贾如`, `记者：王珊 张从志`, `图：cloudyup`): labels
/// ([`credit_label`]), each followed by one or more names — at most four Han characters,
/// or one Latin word without digits; names may be joined by `、` — split by spaces, bars,
/// slashes or colons; two labels or more, or one followed by a colon or a bar that is not
/// among [`LABELS_ALONE_KEPT`] (`作者：Paul Graham` over an essay a digest quotes and
/// `记者：王珊 张从志` say whose the text is, and stay). A department's credit
/// (`市委宣传部供稿`, `新华社供图`) is a label with its name. An interviewer's question
/// (`记者：这些改革从百年校庆之后陆续推进…`) or a name with more to it (`记者：罗恩惠（罗）`)
/// is no credit; at most [`CREDITS_MAX`] characters.
fn staff_credits(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() || t.chars().count() > CREDITS_MAX {
        return false;
    }
    // Tokens, each with whether a colon, bar or slash follows it.
    let mut tokens: Vec<(&str, bool)> = Vec::new();
    let mut start = None;
    for (i, ch) in t.char_indices() {
        let mark = matches!(ch, '：' | ':' | '|' | '｜' | '丨' | '/' | '\\');
        if ch.is_whitespace() || ch == '、' || mark {
            if let Some(s) = start.take() {
                tokens.push((&t[s..i], false));
            }
            if mark {
                if let Some(last) = tokens.last_mut() {
                    last.1 = true;
                }
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        tokens.push((&t[s..], false));
    }
    let name = |w: &str| {
        let han = w.chars().all(is_han) && w.chars().count() <= 4;
        let latin = w.len() <= 20
            && w.chars().any(|c| c.is_ascii_alphabetic())
            && w.chars()
                .all(|c| c.is_ascii_alphabetic() || matches!(c, '.' | '-' | '·'));
        han || latin
    };
    let (mut labels, mut marked, mut named) = (0, false, true);
    for (k, (w, mark)) in tokens.iter().enumerate() {
        // A department's credit, label and name in one (`市委宣传部供稿`, `新华社供图`).
        if named
            && (w.ends_with("供稿") || w.ends_with("供图") || w.ends_with("供圖"))
            && w.chars().count() <= 12
            && w.chars().all(is_han)
        {
            labels += 1;
            marked = true;
            continue;
        }
        // A name and the next label written as one (`作者 | 周永亮编辑| 郑玄`: where two
        // bold spans met), a colon or bar after the label; not a label that also heads
        // other facts (`记者：关于视频：谁负责` is a question).
        let glued = k > 0
            && *mark
            && STAFF_LABELS.iter().any(|l| {
                l.chars().count() >= 2
                    && w.len() > l.len()
                    && w.ends_with(*l)
                    && name(&w[..w.len() - l.len()])
            });
        if glued {
            labels += 1;
            marked = true;
            named = false;
            continue;
        }
        if credit_label(w) {
            if !named {
                return false;
            }
            labels += 1;
            marked |= *mark && STAFF_LABELS.contains(w);
            named = false;
        } else if k == 0 || !name(w) {
            return false;
        } else {
            named = true;
        }
    }
    named && (labels >= 2 || (labels == 1 && marked))
}

/// A line of a WeChat account's keyword menu (`1、回复【公租房】查看最新消息`, `回复【垃圾分类】
/// 查看投放指南`): perhaps numbered, then `回复【KEYWORD】` and what it gets, at most
/// [`REPLY_MENU_MAX`] characters.
fn reply_menu_line(line: &str) -> bool {
    let t = line.trim();
    let t = t.trim_start_matches(|c: char| c.is_ascii_digit());
    let t = t.trim_start_matches(['、', '.', '．', ' ']);
    t.chars().count() <= REPLY_MENU_MAX
        && ["回复【", "回覆【"].iter().any(|p| {
            t.strip_prefix(p)
                .is_some_and(|rest| rest.find('】').is_some_and(|at| at > 0))
        })
}

/// Most characters of an [`icon_meta_line`].
const ICON_META_MAX: usize = 120;

/// A post's meta line written with icons (`\u{e802}Mar 17, 2023\u{e804}Ravie
/// Lakshmanan Cyber Attack / Cyber Espionage`: a calendar, the date, a person, the author
/// and the tags): a line of at most [`ICON_META_MAX`] characters, without a sentence's
/// end, whose first field (before the second icon, the first one perhaps opening the
/// line) is a date — a year or a time in at most four words, no Han — and more after it.
fn icon_meta_line(line: &str) -> bool {
    let t = line.trim();
    if !t.chars().any(icon) || t.chars().count() > ICON_META_MAX || ends_sentence(t) {
        return false;
    }
    let rest = t.trim_start_matches(|c: char| icon(c) || c.is_whitespace());
    let Some((first, others)) = rest.split_once(icon) else {
        return false;
    };
    let first = first.trim();
    dated(first)
        && first.split_whitespace().count() <= 4
        && !first.chars().any(crate::block::is_cjk)
        && others.chars().any(char::is_alphanumeric)
}

/// Most characters of a QR-code call ([`qr_call`]).
const QR_CALL_MAX: usize = 160;

/// A call to scan a QR code for something (`微信扫描下方二维码，加入前端学习群，回复“小程序”
/// 就可获得1元体验券`, `点击这里或者手机扫描下面二维码，微信添加课程助理，就可以免费领取`,
/// `扫描下方二维码即可报名↓`): at most [`QR_CALL_MAX`] characters, a QR code named, and the
/// reader told to scan it — the line starts with the scanning verb (after `微信`, `手机`,
/// `请`, `点击这里或者`) — for something to get, join or learn. A report that tells of
/// scanning (`骗子诱导受害人扫描二维码`, `市民可扫描二维码登记`) says who scans first and
/// stays.
pub(crate) fn qr_call(line: &str) -> bool {
    const QR: [&str; 4] = ["二维码", "二維碼", "扫码", "掃碼"];
    const SCAN: [&str; 8] = [
        "扫描",
        "掃描",
        "扫码",
        "掃碼",
        "长按",
        "長按",
        "扫二维码",
        "掃二維碼",
    ];
    const FOR: [&str; 32] = [
        "领取", "領取", "关注", "關注", "加入", "报名", "報名", "添加", "获取", "獲取", "了解",
        "订阅", "訂閱", "购买", "購買", "听课", "聽課", "入群", "进群", "進群", "咨询", "諮詢",
        "下载", "下載", "参与", "參與", "预约", "預約", "体验", "體驗", "解锁", "解鎖",
    ];
    let mut t = line.trim();
    if t.chars().count() > QR_CALL_MAX || !QR.iter().any(|q| t.contains(q)) {
        return false;
    }
    for lead in [
        "点击这里或者",
        "點擊這裡或者",
        "或者",
        "请",
        "請",
        "用",
        "打开",
        "打開",
        "微信",
        "手机",
        "手機",
    ] {
        t = t.strip_prefix(lead).unwrap_or(t);
    }
    SCAN.iter().any(|v| t.starts_with(v)) && FOR.iter().any(|f| t.contains(f))
}

/// Labels of a page's publication or update date, in several languages.
const DATE_LABELS: &[&str] = &[
    "published",
    "updated",
    "last updated",
    "last modified",
    "posted on",
    "posted:",
    "release date",
    "veröffentlicht",
    "aktualisiert",
    "zuletzt aktualisiert",
    "erstellt am",
    "stand:",
    "publié",
    "mis à jour",
    "publicado",
    "actualizado",
    "pubblicato",
    "aggiornato",
    "ultima modifica",
    "publikacja",
    "aktualizacja",
    "opublikowano",
    "gepubliceerd",
    "bijgewerkt",
];

/// A line that only dates the page (`Aktualisiert: 03.04.2020, 19:41 Uhr`, `Publikacja:
/// 16.12.2020 21:56`, `Updated on: November 19, 2019 / 10:07 AM / CBS News`, `Last
/// Modified: 2007-01-19`): a date label ([`DATE_LABELS`]) and a word's end right after
/// it, a year or a time after it ([`dated`]), at most [`DATE_LINE_MAX`] characters and no
/// sentence's end (with a second date label, SANS's `Published: … Last Updated: … by
/// NAME (Version: 1)`, up to twice as long and 16 words). `Published research from 2019 shows that mice sleep longer.` is a
/// sentence; `Updated Linux Kernel 5.15` names no date; `Published at 2022-12-11 译者序本文…`
/// has a text's first sentence glued to it.
fn dated_line(c: &str) -> bool {
    if c.chars().count() > 2 * DATE_LINE_MAX || ends_sentence(c) {
        return false;
    }
    let long = c.chars().count() > DATE_LINE_MAX;
    let lower = c.to_lowercase();
    DATE_LABELS.iter().any(|l| {
        lower.strip_prefix(l).is_some_and(|rest| {
            (l.ends_with(':') || rest.starts_with([' ', ':']))
                && dated(rest)
                && ((!long && rest.split_whitespace().count() <= 10)
                    // Two dates (`Published: 2023-02-26. Last Updated: 2023-02-26
                    // 18:29:54 UTC by Didier Stevens (Version: 1)`).
                    || (rest.split_whitespace().count() <= 16 && second_date(rest)))
                && !rest.chars().any(|ch| {
                    crate::block::is_cjk(ch) && !matches!(ch, '年' | '月' | '日' | '时' | '分')
                })
        })
    })
}

/// Whether the rest of a [`dated_line`] after its label holds a second date under a label
/// of its own: a word's start, the label, `:` or ` on`, and a date (`… Last Updated:
/// 2023-02-26 18:29:54 UTC`, `…, Last modified on 05/22/2025 by …`).
fn second_date(rest: &str) -> bool {
    DATE_LABELS.iter().any(|m| {
        let m = m.trim_end_matches(':');
        rest.match_indices(m).any(|(at, _)| {
            let after = &rest[at + m.len()..];
            rest[..at].ends_with([' ', '.', ',', '|', '/'])
                && (after.starts_with(':') || after.starts_with(" on "))
                && dated(after)
        })
    })
}

/// Whether text holds a year (a run of four digits, 19xx or 20xx) or a time (`6:55`).
/// `Updated Linux Kernel 5.15` names no date.
fn dated(t: &str) -> bool {
    let b = t.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        let run = &b[start..i];
        if run.len() == 4 && (run.starts_with(b"19") || run.starts_with(b"20")) {
            return true;
        }
        if (1..=2).contains(&run.len())
            && b.get(i) == Some(&b':')
            && b.get(i + 1..i + 3)
                .is_some_and(|m| m.iter().all(u8::is_ascii_digit))
        {
            return true;
        }
    }
    false
}

/// Longest [`dated_line`].
const DATE_LINE_MAX: usize = 80;

/// A short header line that credits a source (`2022-03-20 15:53:27 來源: 人民日報`,
/// `圖片來源：美聯社`). A caption or a sentence before the label (`極氪站台 | 图片来源：极氪`,
/// more than [`SOURCE_PREFIX_MAX_HAN`] Han characters) makes it article text.
fn source_line(c: &str) -> bool {
    if c.chars().count() > SHORT_MAX || c.chars().any(sentence_end) {
        return false;
    }
    ["来源:", "來源:", "来源：", "來源："].iter().any(|p| {
        c.find(p).is_some_and(|at| {
            let han: String = c[..at].chars().filter(|ch| is_han(*ch)).collect();
            // A credit in brackets after a figure's description is the caption's
            // (`图4. 欺诈投资网站（来源：Confiant）`), not a line of its own.
            let before = c[..at].trim_end();
            let said = before.trim_end_matches(['（', '(']).trim_end();
            let described = before.ends_with(['（', '('])
                && !PICTURE_NAMES.iter().any(|w| said.ends_with(w))
                && han.trim_start_matches(['图', '圖', '表']).chars().count()
                    >= CAPTION_BEFORE_CREDIT_MIN_HAN;
            han.chars().count() <= SOURCE_PREFIX_MAX_HAN
                && !han.contains(SOURCE_PHRASE_CHARS)
                && !described
        })
    })
}

/// Where the address labelled by `t` stands among the lines after it, if `t` is a source
/// label alone ([`source_line`], ending in its colon: `**文章来源：**`, `原文来源：`) and the
/// next non-blank line is a web address alone, perhaps quoted or bracketed
/// (`> https://www.darkreading.com/…`, `<https://…>`): its index in `after`.
fn source_address_after(t: &str, after: &[&str]) -> Option<usize> {
    let bare = t.trim_matches('*').trim();
    let label = bare.strip_suffix([':', '：'])?.trim_end_matches('*').trim();
    if !(label.ends_with("来源") || label.ends_with("來源"))
        || label.chars().count() > 6
        || !label.chars().all(is_han)
        || !source_line(bare)
    {
        return None;
    }
    let next = after.iter().position(|l| !l.trim().is_empty())?;
    let v = after[next].trim().trim_start_matches('>').trim();
    address_alone(v).filter(|v| v.contains('.')).map(|_| next)
}

/// Labels of a post's keywords ([`keyword_after`]).
const KEYWORD_LABELS: &[&str] = &["关键词", "關鍵詞", "关键字", "關鍵字"];

/// Most characters of the keyword under a keyword label ([`keyword_after`]).
const KEYWORD_MAX_CHARS: usize = 12;

/// Where the keyword labelled by `t` stands among the lines after it, if `t` is a
/// keyword label alone (`**关键词**`, `关键字：`) and the next non-blank line is short
/// ([`KEYWORD_MAX_CHARS`]) without a sentence's punctuation (`黑客`, `勒索软件`): its
/// index in `after`. A label over a sentence, or over nothing, is left to the lexicon.
fn keyword_after(t: &str, after: &[&str]) -> Option<usize> {
    let label = t.trim_matches('*').trim();
    let label = label.strip_suffix([':', '：']).unwrap_or(label);
    if !KEYWORD_LABELS.contains(&label.trim_matches('*').trim()) {
        return None;
    }
    let next = after.iter().position(|l| !l.trim().is_empty())?;
    let v = after[next].trim();
    let sentence = |v: &str| {
        v.chars()
            .any(|c| sentence_end(c) || matches!(c, '，' | ',' | '；'))
    };
    let item = crate::corpus::item_or_row(v);
    // The article goes on under it: a sentence (a section's heading or a list of terms
    // under a `关键词` heading is no news account's tag).
    let then = after[next + 1..]
        .iter()
        .map(|l| l.trim())
        .find(|l| !l.is_empty())
        .is_some_and(|l| !l.starts_with('#') && sentence(l));
    (v.chars().count() <= KEYWORD_MAX_CHARS
        && !sentence(v)
        && !item
        && !v.starts_with('#')
        && !v.contains(['|', crate::CODE_MARK])
        && v.chars().any(char::is_alphanumeric)
        && then)
        .then_some(next)
}

/// Words for a picture that a credit names before its bracket (`本文图片（来源：网络）`,
/// `封面图片（来源：网络）`): no description.
const PICTURE_NAMES: &[&str] = &[
    "图片", "圖片", "照片", "配图", "配圖", "头图", "頭圖", "题图", "插图", "图源", "封面",
];

/// Fewest Han characters of a description before a bracketed credit (`（来源：…）`) for
/// the line to be a caption with its credit (`图4. 欺诈投资网站（来源：Confiant）`) rather
/// than a credit (`图片（来源：新华社）`).
const CAPTION_BEFORE_CREDIT_MIN_HAN: usize = 4;

/// Characters that make the words before a source line's `来源` a phrase about sources
/// rather than a label for one (`贫富分化的两个来源：财富的创造与积累`, `三种来源`), where a
/// label is a word (`图片来源`, `试题来源`, `参考及来源`).
const SOURCE_PHRASE_CHARS: &[char] = &['的', '个', '個', '种', '種'];

/// Han characters a source line may hold before its `来源` label (`图片`, `資料`, `新聞`).
const SOURCE_PREFIX_MAX_HAN: usize = 8;

/// Most characters of the site's name in a [`back_link_at`].
const BACK_LINK_SITE_MAX: usize = 8;

/// Where a line's link back to a portal begins, if it ends in one: `返回` (back to), a
/// site's name of at most [`BACK_LINK_SITE_MAX`] characters, and `首页>>` or `，查看更多`
/// (`返回腾讯网首页>>`, `返回搜狐，查看更多` — the link a syndicating portal puts under
/// every article).
pub fn back_link_at(line: &str) -> Option<usize> {
    let t = line.trim_end();
    let head = [
        "首页>>",
        "首页 >>",
        "首頁>>",
        "首页》",
        "，查看更多",
        ",查看更多",
    ]
    .iter()
    .find_map(|e| t.strip_suffix(e))?;
    let at = head.rfind("返回")?;
    let site = &head[at + "返回".len()..];
    (site.chars().count() <= BACK_LINK_SITE_MAX && !site.contains(['，', '。', ' '])).then_some(at)
}

/// Where a line's tail of some kind begins ([`back_link_at`], [`read_more_at`]).
type TailAt = fn(&str) -> Option<usize>;

/// Most characters of a [`read_more_at`] label, brackets included.
const READ_MORE_MAX: usize = 16;

/// Where a line's "read the original" link label begins, if it ends in one: a label in
/// brackets (`[]`, `【】`) of at most [`READ_MORE_MAX`] characters that says `阅读原文`,
/// `查看原文` or `阅读全文`, after the text of the line (`…7.7 万名客户个人信息遭到泄露。
/// 【阅读原文】`, `【外刊-阅读原文】`, `[点击“阅读原文”查看详情]` — a digest's link to each
/// item's source, its target gone), or alone on its line.
pub fn read_more_at(line: &str) -> Option<usize> {
    let t = line.trim_end();
    let (at, inner, open, close) = bracketed_tail(t, &[('【', '】'), ('[', ']')])?;
    let label = &t[at..];
    let says = ["阅读原文", "查看原文", "阅读全文", "閱讀原文", "閱讀全文"]
        .iter()
        .any(|w| inner.contains(w));
    // Set off from the text: after a sentence's end or a space, or alone (`公众号文章底部有
    // 一个按钮【阅读原文】` names the button).
    let before = &t[..at];
    let apart = before.trim().is_empty()
        || before.ends_with(char::is_whitespace)
        || before
            .trim_end()
            .ends_with(['。', '！', '？', '.', '!', '?', '；', '…', '”', '）', ')']);
    (says && apart && label.chars().count() <= READ_MORE_MAX && !inner.contains([open, close]))
        .then_some(at)
}

/// The bracketed part `t` ends with, for the first of `pairs` whose closing bracket ends
/// it: where it opens, the text inside, and the pair.
fn bracketed_tail<'a>(t: &'a str, pairs: &[(char, char)]) -> Option<(usize, &'a str, char, char)> {
    let &(open, close) = pairs.iter().find(|(_, c)| t.ends_with(*c))?;
    let at = t.rfind(open)?;
    Some((
        at,
        &t[at + open.len_utf8()..t.len() - close.len_utf8()],
        open,
        close,
    ))
}

/// Fewest times a [`filler`] line says its word.
pub const FILLER_MIN_REPEATS: usize = 10;

/// Whether a line is nothing but the name of a picture's file (`image.png`,
/// `92883-rn4n90qpxcd.png`), without spaces.
pub fn picture_file_name(line: &str) -> bool {
    let t = line.trim();
    let Some((stem, ext)) = t.rsplit_once('.') else {
        return false;
    };
    ["png", "jpg", "jpeg", "gif", "webp", "bmp"]
        .iter()
        .any(|e| ext.eq_ignore_ascii_case(e))
        && !stem.is_empty()
        && stem
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// Whether a line is one word said over and over (`网络配图网络配图…` ninety times: text a
/// page hides off screen for search engines): a unit of two to eight characters, at
/// least two of them different and one a letter, repeated at least
/// [`FILLER_MIN_REPEATS`] times and nothing else (spaces aside).
pub fn filler(line: &str) -> bool {
    let chars: Vec<char> = line.chars().filter(|c| !c.is_whitespace()).collect();
    let n = chars.len();
    if n < 2 * FILLER_MIN_REPEATS {
        return false;
    }
    (2..=8).any(|unit| {
        let u = &chars[..unit];
        n.is_multiple_of(unit)
            && n / unit >= FILLER_MIN_REPEATS
            && u.iter().any(|c| c.is_alphabetic())
            && u.iter().any(|c| *c != u[0])
            && chars.chunks(unit).all(|c| c == u)
    })
}

/// Most characters of the source links a line ends with (see [`source_links_at`]).
pub const SOURCE_LINKS_MAX: usize = 300;

/// Most characters of a source's title before its address among the source links
/// ([`source_links_at`]).
const SOURCE_TITLE_MAX: usize = 120;

/// Whether a word is a web address (`https://…`, `doi.org/10.1038/…`, `www.x.com/a`):
/// a scheme, or a dotted host followed by a path, without Han characters.
pub(crate) fn web_address(w: &str) -> bool {
    if w.starts_with("http://") || w.starts_with("https://") {
        return true;
    }
    let Some((host, _)) = w.split_once('/') else {
        return false;
    };
    host.contains('.')
        && host
            .split('.')
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        && host
            .rsplit('.')
            .next()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()))
}

/// Where a line's *source links* begin, if it ends in them: after a Chinese sentence's
/// end and a space, web addresses and what names them (`…的风险会更高。 doi.org/10.1038/
/// s41558-025-02398-8 中国科学报 气温越高 吃糖越多`, `…投奔 RISC-V 阵营。 mips.com/press-releases/
/// gf-mips/ https://www.solidot.org/story?sid=67144`, or a title in Latin letters before
/// the address, `…的来源。 NASA Data Has Clues iopscience.iop.org/…`: a digest's sources,
/// written on lines of their own that Markdown joins to the paragraph), at most
/// [`SOURCE_LINKS_MAX`]
/// characters without a sentence's end; the text stays with its full stop (and the
/// closing quotation marks after it: `…的领导力。” https://www.nature.com/…`; not an
/// ASCII `"`, which closes a string in code as often: `-d "text=部署成功！" https://…`).
pub fn source_links_at(line: &str) -> Option<usize> {
    let t = line.trim_end();
    let mut from = 0;
    while let Some(i) = t[from..].find(['。', '！', '？']).map(|i| from + i) {
        let stop = i + '。'.len_utf8();
        let quotes = t[stop..]
            .chars()
            .take_while(|c| matches!(c, '”' | '’' | '」' | '』'))
            .map(char::len_utf8)
            .sum::<usize>();
        let end = stop + quotes;
        let rest = &t[end..];
        from = end;
        let Some(words) = rest.strip_prefix(' ') else {
            continue;
        };
        let first = words.split(' ').next().unwrap_or("");
        // Or a source's title in Latin letters over its address (`NASA Where Does Gold
        // Come From? NASA Data Has Clues iopscience.iop.org/article/…`): its words
        // capitalised, most of them, no label's colon (`GitHub: https://…`), no command
        // (`git clone https://…`) or sentence (`The patch is at https://x.com/a.`).
        let titled = || {
            let last = words.rsplit(' ').next().unwrap_or("");
            let named = words.split(' ').position(web_address).map_or(words, |k| {
                let n: usize = words.split(' ').take(k).map(|w| w.len() + 1).sum();
                &words[..n]
            });
            let title_words: Vec<&str> = named.split_whitespace().collect();
            let capitalised = title_words
                .iter()
                .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
                .count();
            web_address(last)
                && !last.ends_with(['.', ','])
                && title_words
                    .first()
                    .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()))
                && capitalised * 2 > title_words.len()
                && !named.contains(':')
                && named.chars().count() <= SOURCE_TITLE_MAX
                && !named.chars().any(|c| crate::block::char_weight(c) == 2)
        };
        if (web_address(first) || titled())
            && rest.chars().count() <= SOURCE_LINKS_MAX
            && !rest.contains(['。', '！', '？'])
        {
            return Some(end);
        }
    }
    None
}

/// `text` without the source links its lines end with ([`source_links_at`]), and what
/// went. The plugin cuts them after the corpus statistics have judged the lines, which
/// know a line with its links (a column's bio repeated under every column).
pub fn without_source_links(text: &str) -> (String, Vec<String>) {
    let mut gone = Vec::new();
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let (body, nl) = match line.strip_suffix('\n') {
            Some(b) => (b, "\n"),
            None => (line, ""),
        };
        match source_links_at(body) {
            Some(at) => {
                gone.push(body[at..].trim().to_string());
                out.push_str(&body[..at]);
            }
            None => out.push_str(body),
        }
        out.push_str(nl);
    }
    (out, gone)
}

/// `text` without its last line when that line is a web address alone (`https://about.fb.com/
/// news/2023/01/trump-…/`, or `<…>` in Markdown) under a paragraph of at least
/// [`SOURCE_STORY_MIN`] Han characters that ends its sentence: the source a news digest
/// names under its story, on a line of its own (a copy of the story elsewhere; the
/// digest's own page glues it to the paragraph, [`source_links_at`]). An address under a
/// line that announces it (`项目地址：`, `…访问下面的地址即可执行。`), a file, a
/// repository, a machine, a site's home, and an address in a text with other such lines
/// stay. The text and the line that went.
pub fn without_source_address_end(text: &str) -> Option<(String, String)> {
    let body = text.trim_end();
    let (before, last) = body.rsplit_once('\n')?;
    let address = last.trim();
    let bare = address_alone(address)?;
    let after_scheme = bare.split_once("://").map_or(bare, |(_, rest)| rest);
    let (host, path) = after_scheme.split_once('/').unwrap_or((after_scheme, ""));
    // (A file to download is the text's, not its source: `…和3个脚本例子。大家可以参考一下。` /
    // `http://www.acunetix.com/download/tools/WVSSDK.zip`.)
    let name = path
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .trim_end_matches('/');
    let name = name.rsplit('/').next().unwrap_or("").to_ascii_lowercase();
    let file = DOWNLOAD_SUFFIXES.iter().any(|x| name.ends_with(x));
    // (Nor is a site's home, `gfycat.com/`, a repository (`https://github.com/user/tool`
    // under `…欢迎大家试用！`), or a machine's address (`http://192.168.1.10/upload/
    // shell.php?cmd=id`, a port); and where the text's other lines stand alone as
    // addresses too, each item of a digest names its own: the last is no different.)
    let host = host.to_ascii_lowercase();
    let code_host = CODE_HOSTS
        .iter()
        .any(|h| host == *h || host.ends_with(&format!(".{h}")));
    let machine = ip_address(&host) || host.contains(':') || host.starts_with("localhost");
    if file
        || path.trim_end_matches('/').is_empty()
        || code_host
        || machine
        || before.lines().any(|l| address_alone(l.trim()).is_some())
    {
        return None;
    }
    // The paragraph over it is a story of Chinese text that ends its sentence, and does
    // not point to the address (`直接访问下面的地址即可…`, `项目地址如下。`).
    let over = before.trim_end().rsplit('\n').next().unwrap_or("").trim();
    let ended = over
        .trim_end_matches(['”', '’', '」', '』'])
        .ends_with(['。', '！', '？']);
    let han = over.chars().filter(|&c| is_han(c)).count();
    if !ended || han < SOURCE_STORY_MIN || POINTING_WORDS.iter().any(|w| over.contains(w)) {
        return None;
    }
    let mut out = before.trim_end().to_string();
    out.push_str(&text[body.len()..]);
    Some((out, address.to_string()))
}

/// A line that is a web address and nothing else, perhaps in Markdown's angle brackets
/// (`<https://…>`): the address.
fn address_alone(l: &str) -> Option<&str> {
    let a = l
        .strip_prefix('<')
        .and_then(|a| a.strip_suffix('>'))
        .unwrap_or(l);
    (web_address(a) && !a.contains(char::is_whitespace)).then_some(a)
}

/// Han characters the paragraph over a story's source holds at least
/// ([`without_source_address_end`]): a story, not a line about a link.
const SOURCE_STORY_MIN: usize = 40;

/// Endings of an address that names a file to download (an archive, a program, a
/// document): [`without_source_address_end`] keeps it.
const DOWNLOAD_SUFFIXES: [&str; 21] = [
    ".zip", ".rar", ".7z", ".gz", ".tgz", ".xz", ".bz2", ".exe", ".msi", ".apk", ".ipa", ".dmg",
    ".deb", ".rpm", ".pdf", ".doc", ".docx", ".xlsx", ".pptx", ".jar", ".iso",
];

/// Hosts of code ([`without_source_address_end`]): a repository's address under the text
/// that presents it is the text's.
const CODE_HOSTS: [&str; 5] = [
    "github.com",
    "gitee.com",
    "gitlab.com",
    "github.io",
    "bitbucket.org",
];

/// Words of a paragraph that points to the address under it ([`without_source_address_end`]).
const POINTING_WORDS: [&str; 6] = ["下面", "下方", "如下", "以下", "下列", "见下"];

/// Most characters inside an account's plug (see [`account_plug_at`]).
pub const ACCOUNT_PLUG_MAX: usize = 40;

/// Where a line's *account plug* begins, if it ends in one: a parenthesis of at most
/// [`ACCOUNT_PLUG_MAX`] characters, without a sentence's end, that asks the reader to
/// add, follow or search for a WeChat account (`（您身边的防传管家：添加【反传联盟】微信公众号
/// fcx114-com）` at the end of an article's paragraphs). A parenthesis that names an
/// account without asking stays (`（据其微信公众号消息）`).
pub fn account_plug_at(line: &str) -> Option<usize> {
    let t = line.trim_end();
    let (at, inner, open, close) = bracketed_tail(t, &[('（', '）'), ('(', ')')])?;
    if inner.contains([open, close, '。', '！', '？']) || inner.chars().count() > ACCOUNT_PLUG_MAX
    {
        return None;
    }
    let account = ["公众号", "微信号", "公眾號"]
        .iter()
        .filter_map(|a| inner.find(a))
        .min()?;
    ["添加", "关注", "搜索", "關注"]
        .iter()
        .any(|v| inner[..account].contains(v))
        .then_some(at)
}

/// Most characters of the source an [`image_credit_at`] names.
pub const IMAGE_CREDIT_MAX: usize = 24;
/// The same in parentheses, which bound the credit (`（图｜人民视觉；摄影｜陈浩）`).
pub const IMAGE_CREDIT_INSIDE_MAX: usize = 40;

/// Labels that say where a picture came from, longest first (a longer label holding a
/// shorter one is found whole: `资料照片来源`, not `照片来源` after `资料`).
const IMAGE_CREDIT_LABELS: &[&str] = &[
    "资料照片来源",
    "資料照片來源",
    "资料相片来源",
    "資料相片來源",
    "图片来源于",
    "圖片來源於",
    "图片来源",
    "圖片來源",
    "照片来源",
    "照片來源",
    "相片来源",
    "相片來源",
    "图片提供",
    "圖片提供",
    "图源",
    "圖源",
    "摄影",
    "攝影",
    "图片",
    "圖片",
];

/// What may stand between a caption and the credit glued to it (`…纽约地标 | 图片来源：极氪`,
/// `姑婆山\图源网络`).
const CREDIT_SEPARATORS: &[char] = &[' ', '\u{3000}', '|', '｜', '\\', '/', '／', '丨'];

/// Where a line's *image credit* begins, if it ends in one: after a caption's text, a
/// label that says where the picture came from ([`IMAGE_CREDIT_LABELS`]: `照片来源︰youtube截图`,
/// `图片来源/受访者供图`, `摄影/张旭`, `图源网络`) and a source of at most
/// [`IMAGE_CREDIT_MAX`] characters without a sentence's end or a comma, perhaps in
/// parentheses (`（图源：视频截图）`, `（图｜人民视觉；摄影｜陈浩）`, `（图片来源于网络）`); or a
/// [`picture_credit`] after the caption's end, a space or in parentheses
/// (`荃湾公园清洁工。周满铿摄`, `（资料图片）`). (A plain `来源：` after a caption is
/// [`spaced_source_at`]'s.) The label must start the credit: after the caption's
/// end (`。`, a closing bracket), a space or a separator ([`CREDIT_SEPARATORS`]), not
/// inside a word (`…李智智摄影：邓颖韬` stays). A source cited in parentheses (`（来源：
/// cnBeta）`, `（来源：《羊城晚报》）`) and a chart's data source (`资料来源：运输署`) stay:
/// they credit text and figures, not a picture. The caption stays; a line that is only
/// a credit is another rule's.
pub fn image_credit_at(line: &str) -> Option<usize> {
    let t = line.trim_end();
    let colon = |c: char| matches!(c, '：' | ':' | '︰');
    let source_ok = |s: &str, max: usize, inside: bool| {
        let s = s.trim();
        // At most `max` characters, counted no further (this runs at every place of a
        // line: a count of the whole rest made a long line's cleaning quadratic).
        if s.is_empty() || s.chars().nth(max).is_some() {
            return false;
        }
        // Brackets balanced: the credit is not the end of a bracketed line of credits
        // (`【撰文：陈零／摄影：壹一】`).
        let balanced = [
            ('【', '】'),
            ('（', '）'),
            ('(', ')'),
            ('「', '」'),
            ('[', ']'),
            ('《', '》'),
        ]
        .iter()
        .all(|&(o, c)| s.matches(o).count() == s.matches(c).count());
        balanced
            && !s.chars().any(|c| {
                matches!(c, '。' | '！' | '？' | '，' | ',' | '…')
                    || (!inside && matches!(c, '；' | ';'))
            })
    };
    // The label at the start of `s` and what follows it, if `s` is a credit.
    let credit = |s: &str, inside: bool| -> bool {
        let Some(label) = IMAGE_CREDIT_LABELS.iter().find(|l| s.starts_with(*l)) else {
            // `图｜人民视觉`, `图/新华社` in parentheses only: `图` alone starts words.
            return inside
                && ["图", "圖"].iter().any(|l| {
                    s.strip_prefix(l).is_some_and(|r| {
                        r.starts_with(['｜', '|', '/', '／', '丨', '：', ':'])
                            && source_ok(
                                &r[r.chars().next().map_or(0, char::len_utf8)..],
                                IMAGE_CREDIT_INSIDE_MAX,
                                true,
                            )
                    })
                });
        };
        let rest = &s[label.len()..];
        let sep = rest.chars().next();
        let after = match sep {
            Some(c) if colon(c) || matches!(c, '/' | '／' | '｜' | '|' | '丨') => {
                &rest[c.len_utf8()..]
            }
            // `图源网络`, `图片来源于网络`, `图源见水印`: no mark after the source labels.
            Some(_) if !matches!(*label, "摄影" | "攝影" | "图片" | "圖片") => rest,
            _ => return false,
        };
        let max = if inside {
            IMAGE_CREDIT_INSIDE_MAX
        } else {
            IMAGE_CREDIT_MAX
        };
        source_ok(after, max, inside)
    };
    let boundary = |before: &str| {
        before.ends_with(CREDIT_SEPARATORS)
            || before.ends_with(['。', '！', '？', '）', ')', '」', '”', '】', '；'])
    };
    // In parentheses at the end.
    if let Some((at, inner, _, _)) = bracketed_tail(t, &[('（', '）'), ('(', ')')]) {
        if at > 0 && (credit(inner.trim_start(), true) || picture_credit(inner)) {
            return cut_before(t, at);
        }
    }
    // A credit phrase after the caption's end or a space (`荃湾公园清洁工。周满铿摄`,
    // `旧式游乐场设施。网路照片`, `年轻时的邓世平  龚菁琦 摄`).
    if let Some(at) = t
        .char_indices()
        .filter(|&(i, c)| {
            i > 0 && matches!(c, '。' | '）' | ')' | ' ' | '\u{3000}') && i + c.len_utf8() < t.len()
        })
        .map(|(i, c)| i + c.len_utf8())
        .find(|&i| {
            let rest = &t[i..];
            !rest.starts_with([' ', '\u{3000}']) && picture_credit(rest)
        })
    {
        return cut_before(t, at);
    }
    // Bare: the last place a label starts after a boundary.
    let at = IMAGE_CREDIT_LABELS
        .iter()
        .flat_map(|l| t.match_indices(l).map(|(i, _)| i))
        .filter(|&i| i > 0 && boundary(&t[..i]) && credit(&t[i..], false))
        .min()?;
    cut_before(t, at)
}

/// Where a credit that starts at `at` takes the line from: the separators before it go
/// with it; `None` when no caption is left before it.
fn cut_before(t: &str, at: usize) -> Option<usize> {
    let head = t[..at].trim_end_matches(CREDIT_SEPARATORS);
    (head.chars().filter(|c| c.is_alphanumeric()).count() >= 2).then_some(head.len())
}

/// Where a plain source credit set off by a space begins (`农民自己搭建的窝棚 来源：南风窗`,
/// `…的住房　來源：南風窗`): after a caption that ends no sentence, `来源：` and a source of
/// at most [`SOURCE_CREDIT_MAX`] characters.
pub fn spaced_source_at(line: &str) -> Option<usize> {
    let t = line.trim_end();
    let at = ["来源", "來源"].iter().filter_map(|l| t.rfind(l)).max()?;
    let before = &t[..at];
    if !before.ends_with([' ', '\u{3000}']) || ends_sentence(before.trim_end()) {
        return None;
    }
    let rest = &t[at + "来源".len()..];
    let src = rest.strip_prefix(['：', ':', '︰'])?.trim();
    (!src.is_empty()
        && src.chars().count() <= SOURCE_CREDIT_MAX
        && !src
            .chars()
            .any(|c| sentence_end(c) || matches!(c, '，' | ',' | ' ')))
    .then(|| cut_before(t, at))
    .flatten()
}

/// Most characters of the source a [`spaced_source_at`] names.
pub const SOURCE_CREDIT_MAX: usize = 12;

/// Words that end a picture's credit after its source (`网络照片`, `美联社图片`, `众新闻制图`).
const PICTURE_WORDS: &[&str] = &[
    "资料照片",
    "資料照片",
    "资料图片",
    "資料圖片",
    "资料相片",
    "資料相片",
    "照片",
    "图片",
    "圖片",
    "相片",
    "插图",
    "插圖",
    "资料图",
    "資料圖",
];

/// Roles written before a photographer's name in a credit (`实习生 梁素雅 摄`).
const PHOTO_ROLES: &[&str] = &[
    "实习生",
    "實習生",
    "通讯员",
    "通訊員",
    "摄影",
    "攝影",
    "摄影记者",
];

/// Sources a picture is credited to without a name (`网络照片`, `资料图片`).
const PICTURE_SOURCES: &[&str] = &[
    "网络",
    "網絡",
    "网路",
    "網路",
    "网上",
    "網上",
    "互联网",
    "互聯網",
    "档案",
    "檔案",
];

/// Endings of an organisation's name that a picture is credited to (`美联社`, `《苹果日报》`,
/// `众新闻`, `天文台网页`).
const PICTURE_ORG_ENDS: &[&str] = &[
    "社",
    "报",
    "報",
    "新闻",
    "新聞",
    "网",
    "網",
    "网页",
    "網頁",
    "电视台",
    "電視台",
    "台",
];

/// Whether a word is an organisation's name a picture may be credited to: a name ending as
/// [`PICTURE_ORG_ENDS`] says (in `《》` or not), or one Latin word in capitals
/// (`EYEPRESS`, `AFP`).
fn picture_org(s: &str) -> bool {
    let s = s
        .strip_prefix('《')
        .and_then(|x| x.strip_suffix('》'))
        .unwrap_or(s);
    let n = s.chars().count();
    (1..=10).contains(&n)
        && ((s.chars().all(is_han) && PICTURE_ORG_ENDS.iter().any(|e| s.ends_with(e)) && n >= 2)
            || (n >= 2 && s.chars().all(|c| c.is_ascii_uppercase())))
}

/// Whether `s` is a picture's credit and nothing else: a source and a picture word
/// (`网络照片`, `美联社资料照片`, `《众新闻》制图` — `制图` after any short name —,
/// `EYEPRESS图片`, `网图`), a provider (`受访者供图`, `照片由笔者提供`), or a
/// photographer's name before `摄` (`周满铿摄`, `蔡小川 摄`, `Chris Wong摄`, `新华社记者
/// 李某 摄`); several joined by `，` or `／` (`网络图片，作者制图`). A caption of what a
/// picture shows (`四位评论者照片`, `王振华公开资料图片`) and the words of shooting
/// (`禁止拍摄`) are none.
pub fn picture_credit(s: &str) -> bool {
    let s = s.trim();
    // More than 24 characters, counted no further (see `image_credit_at`).
    if s.is_empty() || s.chars().nth(24).is_some() {
        return false;
    }
    s.split(['，', '／', '、'])
        .all(|part| picture_credit_part(part.trim()))
}

/// Stock-photo libraries (lower-cased), whose name or address alone on a line credits
/// the picture above it.
pub(crate) const STOCK_PHOTO_SITES: &[&str] = &[
    "pixabay",
    "unsplash",
    "pexels",
    "shutterstock",
    "istock",
    "istockphoto",
    "adobe stock",
    "freepik",
    "depositphotos",
    "dreamstime",
    "123rf",
];

/// Words that lead a stock photo's credit line (`Photo by NAME on Unsplash`, `Foto di
/// NAME da Pixabay`, `Bild von NAME auf Pixabay`).
const STOCK_CREDIT_LEADS: &[&str] = &[
    "photo by ",
    "image by ",
    "picture by ",
    "foto di ",
    "immagine di ",
    "foto de ",
    "imagen de ",
    "photo de ",
    "image de ",
    "bild von ",
    "foto von ",
];

/// Most words of a stock photo's credit line ([`stock_photo_credit`]).
const STOCK_CREDIT_MAX_WORDS: usize = 10;

/// Whether a line only credits a stock photo: a library's name ([`STOCK_PHOTO_SITES`]:
/// `Pixabay`), an address on its site and nothing else (`https://unsplash.com/@impelling`),
/// or a credit line naming the photographer and the library (`Photo by Jane Doe on
/// Unsplash`). A sentence about a library (`Pixabay hosts free images.`) is none.
pub fn stock_photo_credit(line: &str) -> bool {
    let lower = line.trim().to_lowercase();
    if STOCK_PHOTO_SITES.contains(&lower.as_str()) {
        return true;
    }
    let site = |host: &str| {
        let host = host.strip_prefix("www.").unwrap_or(host);
        STOCK_PHOTO_SITES
            .iter()
            .any(|s| host.strip_prefix(s).is_some_and(|d| d == ".com"))
    };
    if let Some(rest) = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
    {
        return !rest.contains(char::is_whitespace) && site(rest.split('/').next().unwrap_or(""));
    }
    let words: Vec<&str> = lower.split_whitespace().collect();
    words.len() <= STOCK_CREDIT_MAX_WORDS
        && STOCK_CREDIT_LEADS.iter().any(|l| lower.starts_with(l))
        && words.len() >= 4
        && matches!(
            words[words.len() - 2],
            "on" | "from" | "da" | "su" | "de" | "auf" | "von" | "sur" | "via"
        )
        && STOCK_PHOTO_SITES.contains(&words[words.len() - 1].trim_end_matches('.'))
}

/// News agencies whose name alone under a picture is its credit.
const PHOTO_AGENCIES: &[&str] = &[
    "美联社",
    "美聯社",
    "路透社",
    "法新社",
    "欧新社",
    "歐新社",
    "彭博社",
    "美联社图片",
    "美聯社圖片",
];

fn picture_credit_part(s: &str) -> bool {
    if s.is_empty() {
        return false;
    }
    if s == "网图" || s == "網圖" {
        return true;
    }
    // A news agency alone: a photo's credit whose caption said nothing else
    // (`<figcaption>美聯社</figcaption>`).
    if PHOTO_AGENCIES.contains(&s) {
        return true;
    }
    // `…制图`: a chart's maker.
    for w in ["制图", "製圖"] {
        if let Some(who) = s.strip_suffix(w) {
            let n = who.trim().chars().count();
            return (1..=10).contains(&n) && !who.contains(['。', '！', '？', '，']);
        }
    }
    // A provider: `受访者供图`, `照片由笔者提供`.
    for w in ["供图", "供圖"] {
        if let Some(who) = s.strip_suffix(w) {
            let n = who.trim().chars().count();
            return (1..=10).contains(&n) && who.chars().all(|c| !sentence_end(c));
        }
    }
    for w in ["提供"] {
        if let Some(head) = s.strip_suffix(w) {
            return ["照片由", "图片由", "圖片由", "相片由"].iter().any(|p| {
                head.strip_prefix(p)
                    .is_some_and(|who| (1..=10).contains(&who.chars().count()))
            });
        }
    }
    // A photographer: a name of two to four Han characters or of Latin words, perhaps
    // after `记者` and an agency, then `摄`.
    for w in ["摄", "攝"] {
        if let Some(who) = s.strip_suffix(w) {
            let who = who.trim_end();
            if who.ends_with(['拍', '偷', '航', '统', '統', '兼', '总', '總']) {
                return false;
            }
            let han_name = |t: &str| (2..=4).contains(&t.chars().count()) && t.chars().all(is_han);
            let n = who.chars().count();
            let latin_name = (2..=24).contains(&n)
                && who
                    .chars()
                    .all(|c| c.is_ascii_alphabetic() || c == ' ' || c == '.')
                && who.starts_with(|c: char| c.is_ascii_uppercase());
            // Names, perhaps after their roles (`新华社记者 李某`, `南都记者 黎湛均 实习生
            // 梁素雅`, `记者张帅`).
            let mut names = 0;
            let credits = who
                .split([' ', '\u{3000}', '、'])
                .filter(|t| !t.is_empty())
                .all(|t| {
                    let role = ["记者", "記者"]
                        .iter()
                        .find_map(|r| t.find(r).map(|i| (&t[..i], &t[i + r.len()..])));
                    match role {
                        // `X记者` (an agency's), perhaps with the name glued after it.
                        Some((org, rest)) => {
                            org.chars().count() <= 6
                                && (rest.is_empty() || {
                                    names += 1;
                                    han_name(rest)
                                })
                        }
                        None if PHOTO_ROLES.contains(&t) => true,
                        None => {
                            names += 1;
                            han_name(t)
                        }
                    }
                });
            return latin_name || (credits && names >= 1);
        }
    }
    // A source and a picture word.
    let Some(word) = PICTURE_WORDS.iter().find(|w| s.ends_with(*w)) else {
        return false;
    };
    let src = &s[..s.len() - word.len()];
    let archive = word.starts_with("资料") || word.starts_with("資料");
    src.is_empty() && archive
        || PICTURE_SOURCES.contains(&src)
        || picture_org(src)
        || ["资料", "資料"].iter().any(|a| {
            src.strip_suffix(a)
                .is_some_and(|o| o.is_empty() || picture_org(o))
        })
}

/// Most characters a dateline (see [`dateline_at`]) holds.
pub const DATELINE_MAX: usize = 100;

/// Where a line's *dateline* begins, if it ends in one: a date (`2023-1-7`, `2023/01/07`,
/// `2023.1.7`, `2023年1月7日`), perhaps a time, and a byline ending in the link word
/// `查看原文` ("view the original"), at most [`DATELINE_MAX`] characters in all, without
/// a sentence's end — how aggregators that repost articles credit the original under
/// its excerpt (`*2023-1-7 17:49:18 Author: www.solidot.org(查看原文)`). The `*` of an
/// emphasis left open and the spaces before the date belong to the dateline.
pub fn dateline_at(line: &str) -> Option<usize> {
    let end = line
        .trim_end()
        .trim_end_matches(['*', ')', '）', ']', ' ', '\u{3000}']);
    if !end.ends_with("查看原文") {
        return None;
    }
    let date_at = |rest: &str| -> bool {
        let b = rest.as_bytes();
        if b.len() < 8 || !b[..4].iter().all(u8::is_ascii_digit) {
            return false;
        }
        let mut it = rest[4..].chars();
        let sep1 = it.next();
        if !matches!(sep1, Some('-' | '/' | '.' | '年')) {
            return false;
        }
        let month: String = it.clone().take_while(char::is_ascii_digit).collect();
        if month.is_empty() || month.len() > 2 {
            return false;
        }
        let mut it = it.skip(month.len());
        let sep2 = it.next();
        let same = match sep1 {
            Some('年') => sep2 == Some('月'),
            _ => sep2 == sep1,
        };
        same && it.next().is_some_and(|c| c.is_ascii_digit())
    };
    let start = line
        .char_indices()
        .filter(|(i, c)| {
            c.is_ascii_digit()
                && (*i == 0 || !line[..*i].ends_with(|p: char| p.is_ascii_alphanumeric()))
        })
        .map(|(i, _)| i)
        .filter(|&i| date_at(&line[i..]))
        .find(|&i| line[i..].chars().count() <= DATELINE_MAX)?;
    if line[start..]
        .chars()
        .any(|c| matches!(c, '。' | '！' | '？'))
    {
        return None;
    }
    let head = line[..start].trim_end_matches([' ', '\t', '*', '\u{3000}']);
    Some(head.len())
}

/// Platforms a [`social_link_line`] names.
const SOCIAL: [&str; 14] = [
    "facebook",
    "youtube",
    "twitter",
    "x",
    "instagram",
    "telegram",
    "linkedin",
    "tiktok",
    "threads",
    "mastodon",
    "weibo",
    "微博",
    "微信",
    "whatsapp",
];

/// A line that is a social platform's name, a colon and one address (`Facebook:
/// http://bit.ly/facebook-64-follow`, `YouTube: http://bit.ly/youtube-64-subscribe`).
fn social_link_line(t: &str) -> bool {
    let Some((name, rest)) = t.split_once([':', '：']) else {
        return false;
    };
    let rest = rest.trim();
    SOCIAL.contains(&name.trim().to_lowercase().as_str())
        && (rest.starts_with("http://") || rest.starts_with("https://"))
        && !rest.contains(char::is_whitespace)
}

/// Longest post meta line ([`post_meta_line`]), in characters.
const POST_META_MAX: usize = 100;

/// Longest entry meta line ([`entry_meta_line`]), in characters.
const ENTRY_META_MAX: usize = 200;

/// A blog theme's entry meta line, its parts run together once their links are gone:
/// `Posted by` first and `Posted in` after it (the author, the dates, the categories, the
/// tags: `Posted byericlaw2023-08-252025-08-20Posted inlife, storytellingTags:ProjectK`),
/// at most [`ENTRY_META_MAX`] characters, no sentence's end. Or a blog's byline longer
/// than a short line (the lexicon's `Posted by` takes those): `Posted by Erik Hjelmvik on
/// Wednesday, 02 October 2024 07:10:00 (UTC/GMT)`, `Posted by Oliver Chang, Dongge Liu and
/// Jonathan Metzman, Google Open Source Security Team`, at most [`BYLINE_MAX`]
/// characters, a name after it and no sentence's end (`Posted by a resident on social
/// media, the video shows smoke` stays).
fn entry_meta_line(c: &str) -> bool {
    let n = c.chars().count();
    c.starts_with("Posted by")
        && (c["Posted by".len()..].contains("Posted in") && n <= ENTRY_META_MAX
            || c.strip_prefix("Posted by ")
                .is_some_and(|name| name.starts_with(char::is_uppercase))
                && n <= BYLINE_MAX)
        && !ends_sentence(c)
}

/// Longest byline `Posted by …` read as one ([`entry_meta_line`]), in characters.
const BYLINE_MAX: usize = 120;

/// A post's meta line: at most [`POST_META_MAX`] characters, an ISO date first
/// (`2025-01-20`), then a reading time and a count of comments, or a reading time said as
/// one (`5 min read`), and no sentence's end: `2025-01-20  Add-Ons/Security/Google  23
/// mins  11 comments`. A timeline's line (`2023-06-14 09:12 UTC failover took 12
/// minutes`) says one duration and stays.
fn post_meta_line(c: &str) -> bool {
    let b = c.as_bytes();
    let iso = b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit);
    if !iso || c.chars().count() > POST_META_MAX || ends_sentence(c) {
        return false;
    }
    let words: Vec<String> = c[10..]
        .split_whitespace()
        .map(|w| w.trim_end_matches([',', '·', '|']).to_ascii_lowercase())
        .collect();
    let number = |w: &str| !w.is_empty() && w.chars().all(|ch| ch.is_ascii_digit());
    let (mut time, mut comments, mut read) = (false, false, false);
    for (k, w) in words.windows(2).enumerate() {
        if !number(&w[0]) {
            continue;
        }
        match w[1].as_str() {
            "min" | "mins" | "minute" | "minutes" => {
                time = true;
                read |= words.get(k + 2).is_some_and(|r| r == "read");
            }
            "comment" | "comments" => comments = true,
            _ => {}
        }
    }
    time && (comments || read)
}

/// Longest reading-time line ([`reading_time_line`]), in characters.
const READING_TIME_MAX: usize = 100;
/// Most words of a reading-time line besides its reading time (a date, `Written By`, a
/// byline's name).
const READING_TIME_OTHER_WORDS: usize = 10;

/// A text's reading time said on a line of its own, perhaps with its date or byline
/// (`5 min read`, `·Nov 7, 2025·11 min read`, `Written By Feb 11, 2019 · 3 min read`,
/// `Reading Time: 6 minutes`, `Lesezeit: 4 Minuten`, `阅读时间: 3min`, a range, `阅读时长：
/// 4～6min`): at most [`READING_TIME_MAX`] characters, at most
/// [`READING_TIME_OTHER_WORDS`] words besides the reading time, no sentence's end. A sentence that names a duration (`Understand
/// Docusaurus in 5 minutes by playing!`, `Total Time: 20 minutes`) says no reading.
fn reading_time_line(c: &str) -> bool {
    static RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        let minutes =
            r"(?:[~～\-–]\s*\d+\s*)?(?:mins?\.?|minutes?|minuten|minutos|minuti|minut|分钟|分鐘)";
        regex::Regex::new(&ascii_boundaries(&format!(
            r"(?i)\d+\s*{minutes}\s*(?:read|reading)\b|(?:reading time|read time|time to read|lesezeit|lesedauer|temps de lecture|tiempo de lectura|tempo di lettura|czas czytania|przeczytanie zajmie|阅读时间|閱讀時間|阅读时长|閱讀時長|预计阅读|預計閱讀)\s*[:：]?\s*(?:约|約|ca\.?|approx\.?)?\s*\d+\s*{minutes}"
        )))
        .unwrap_or_else(|e| panic!("the reading time pattern: {e}"))
    });
    if c.chars().count() > READING_TIME_MAX || ends_sentence(c) {
        return false;
    }
    let Some(m) = RE.find(c) else {
        return false;
    };
    let other = format!("{} {}", &c[..m.start()], &c[m.end()..]);
    other
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count()
        <= READING_TIME_OTHER_WORDS
}

/// A WordPress view counter's line under a post (`(Visited 325 times, 2 visits today)`,
/// `Visited 1,902 times`), or a count alone on its line (`Views: 443`, `Post Views: 13,833`,
/// `阅读： 702`, `阅读次数: 8,589 次`, `浏览量：1.2万`): the count of readers, no line of the
/// text; the count of the text's characters (`本文字数：3706`, `字数：2.3k`); and a blog's like
/// button with its count (`点赞(3)`).
fn view_counter_line(c: &str) -> bool {
    static RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"^(?:\(?\s*Visited [0-9][0-9,.]* times?(?:,\s*[0-9][0-9,.]* visits? today)?\s*\)?|(?:Post |Page |Total )?Views\s*:\s*[0-9][0-9,.]*|(?:阅读|閱讀|浏览|瀏覽)(?:量|数|數|次数|次數)?\s*[:：]\s*[0-9][0-9,.]*\s*(?:[万萬]\+?)?\s*次?|(?:本文|全文)?(?:字数|字數)\s*[:：]\s*[0-9][0-9,.]*\s*[kK千万萬]?\s*字?|(?:点赞|點讚|點贊)\s*[(（]\s*[0-9][0-9,.]*\s*[)）])$",
        )
        .unwrap_or_else(|e| panic!("the view counter pattern: {e}"))
    });
    c.len() <= 80 && RE.is_match(c)
}

/// A WeChat article's call to tap the button under it (`请点击文末「阅读原文」`,
/// `规范详情请点击文章下方“阅读原文”查看。`, `有意向者可点击文末【阅读原文】投递简历~`,
/// `👇 点击左下方 阅读原文直抵赛场 👇`): the button is not in the text, and a line of at
/// most [`READ_ORIGINAL_CALL_MAX`] characters that asks to tap it says nothing else.
fn read_original_call(c: &str) -> bool {
    static RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?:点击|點擊|戳|轻触|輕觸)[^，。！？；,!?;]{0,8}?(?:阅读原文|閱讀原文)")
            .unwrap_or_else(|e| panic!("the read-the-original call pattern: {e}"))
    });
    // (A call quoted is reported, not made: `他在文中写道：“请点击【阅读原文】”，然后离开。`; a
    // line that also announces what follows stays with it: `报告的链接如下，也可直接点击阅读原文
    // 跳转` over the report's addresses.)
    c.chars().count() <= READ_ORIGINAL_CALL_MAX
        && !["如下", "以下", "下列"].iter().any(|w| c.contains(w))
        && RE
            .find(c)
            .is_some_and(|m| !c[..m.start()].contains(['“', '"', '「', '‘']))
}

/// Most characters of a [`read_original_call`] line.
const READ_ORIGINAL_CALL_MAX: usize = 40;

/// Names of languages (or their countries) in their own tongue, as pages' language
/// pickers write them (`Tiếng Việt` and `Bahasa Indonesia` by either word).
const LANGUAGE_NAMES: &[&str] = &[
    "English",
    "Deutsch",
    "Español",
    "Français",
    "Italiano",
    "Português",
    "Nederlands",
    "Polski",
    "Русский",
    "Українська",
    "Türkçe",
    "Svenska",
    "Norsk",
    "Dansk",
    "Suomi",
    "Čeština",
    "Český",
    "Magyar",
    "Română",
    "Ελληνικά",
    "Български",
    "Hrvatski",
    "Slovenčina",
    "Slovenski",
    "Српски",
    "Lietuvių",
    "Latviešu",
    "Eesti",
    "Català",
    "Galego",
    "Euskara",
    "العربية",
    "فارسی",
    "עברית",
    "हिन्दी",
    "ไทย",
    "Tiếng",
    "Việt",
    "Indonesia",
    "Melayu",
    "Filipino",
    "Swahili",
    "Afrikaans",
    "日本語",
    "日本",
    "한국어",
    "中文",
    "简体中文",
    "繁體中文",
    "Bahasa",
    "Gaeilge",
    "Malti",
];

/// Fewest language names ([`LANGUAGE_NAMES`]) of a language picker's line.
const LANGUAGE_PICKER_MIN_NAMES: usize = 8;

/// A page's language picker written out as a line (`Choose a language English Afrikaans
/// العربية … 中文 (简体字)`): at least [`LANGUAGE_PICKER_MIN_NAMES`] names of languages
/// in their own tongue and no comma, stop or table cell's bar (a sentence that lists
/// languages has them, and so does a table's row of them).
fn language_picker_line(c: &str) -> bool {
    if c.contains([',', '，', '、', '.', '。', ';', '；', '|']) {
        return false;
    }
    c.split_whitespace()
        .filter(|w| LANGUAGE_NAMES.contains(&w.trim_matches(['(', ')'])))
        .count()
        >= LANGUAGE_PICKER_MIN_NAMES
}

/// A pattern with ASCII word boundaries: a Unicode `\b` makes the regex crate's fast
/// engine give up on any line with a non-ASCII character (every line of a Chinese page),
/// and these patterns' boundaries all sit beside ASCII letters.
fn ascii_boundaries(pattern: &str) -> String {
    pattern.replace(r"\b", r"(?-u:\b)")
}

/// Longest [`affiliate_disclosure`], in characters.
const AFFILIATE_DISCLOSURE_MAX: usize = 400;

/// A page's notice that it earns from the links it holds (`This post may contain
/// affiliate links.`, `We may earn commission on some of the items you choose to buy.`,
/// `As an Amazon Associate we earn from qualifying purchases.`, `Für Links auf dieser
/// Seite erhält CHIP ggf. eine Provision vom Händler`, `Anzeige, enthält Affiliate
/// Links`): the site speaking of itself (`we`, `I`, `this post`), at most
/// [`AFFILIATE_DISCLOSURE_MAX`] characters. Text about affiliate marketing (`Streamers
/// earn a commission when viewers buy games via affiliate links.`) and a denial (`This
/// post does NOT contain any affiliate links`) are none.
fn affiliate_disclosure(c: &str) -> bool {
    static RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        let patterns = [
            r"\bas an amazon associate\b",
            r"\bals amazon[- ]partner\b",
            r"\b(?:we|i)\b(?:\s+\w+){0,4}?\s+(?:earn|receive|get|make)\b[^.!?]{0,60}?\b(?:commissions?|compensation|kick ?back|qualifying purchases)",
            r"\bmay (?:earn|receive|get) (?:an? )?(?:small )?(?:affiliate )?(?:commissions?|compensation)\b",
            r"\b(?:this|the following|our)\s+(?:post|article|page|content|guide|review|site|blog|story|website|video|newsletter)\b[^.!?]{0,40}?\b(?:contains?|includes?|uses?|has|features?)\b[^.!?]{0,30}?\baffiliate\b",
            r"\b(?:we|i)\b(?:\s+\w+){0,3}?\s+(?:use|uses|include|contain|participate)\b[^.!?]{0,30}?\baffiliate (?:links?|programs?|marketing)",
            // (`ggf.`, `z.B.`: a German notice's abbreviations end no sentence.)
            r"\b(?:erhält|erhalten|bekommt|bekommen|verdient|verdienen)\b[^!?]{0,60}?\bprovision\b",
            r"\b(?:enthält|enthalten|beinhaltet)\s+(?:\w+\s+)?(?:affiliate|partner)[- ]?links\b",
            r"\b(?:contient|contiennent|peut contenir|contiene|contienen|puede contener|può contenere|contengono)\s+(?:des\s+|de\s+)?(?:liens?|enlaces|link)\s+(?:d'affiliation|affiliés?|de afiliados?|afiliados|affiliati|di affiliazione)",
        ];
        let joined: Vec<String> = patterns.iter().map(|p| format!("(?:{p})")).collect();
        regex::Regex::new(&ascii_boundaries(&format!("(?i){}", joined.join("|"))))
            .unwrap_or_else(|e| panic!("the affiliate disclosure pattern: {e}"))
    });
    static DENIAL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(&ascii_boundaries(
            r"(?i)\bnot\b|n't\b|\bnicht\b|\bkeine?\b|\bpas\b|\bno\b",
        ))
        .unwrap_or_else(|e| panic!("the denial pattern: {e}"))
    });
    c.chars().count() <= AFFILIATE_DISCLOSURE_MAX
        && RE.find(c).is_some_and(|m| !DENIAL.is_match(m.as_str()))
}

/// Longest [`newsletter_call`], in characters.
const NEWSLETTER_CALL_MAX: usize = 250;

/// A call to subscribe to the site's newsletter or follow it (`Subscribe to our best
/// newsletters`, `Join Our Email List`, `Want exclusive marketing tips sent straight to
/// your inbox? Join 1000+ fellow businesses and subscribe to our monthly newsletter!`,
/// `Follow us on Telegram, Facebook, Instagram, YouTube and X for the latest news`, `…
/// Sign up here.`): at most [`NEWSLETTER_CALL_MAX`] characters, a call to subscribe,
/// sign up or join a newsletter, the site's emails or updates that starts the line as a
/// call does (`Subscribe`, `Sign up`, `Join`, `Get`, `Want…`, `Never miss…`, `Stay…`), or
/// a line that ends with `Sign up here.` A sentence about newsletters (`Brands that send
/// a weekly newsletter keep more customers.`) and a step of a how-to (`Sign up for the
/// bundle using the same email as your account`) are none.
fn newsletter_call(c: &str) -> bool {
    static CALL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(&ascii_boundaries(
            r"(?i)\b(?:subscribe|sign(?:ing)? up|join|register)\b[^.!?]{0,40}?\b(?:newsletters?|(?:our|regular|weekly|daily|monthly) e-?mails?|e-?mail list|mailing list|inbox|updates)\b|\b(?:sign up|subscribe) here\b|^follow us (?:on|for)\b",
        ))
        .unwrap_or_else(|e| panic!("the newsletter call pattern: {e}"))
    });
    static START: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(&ascii_boundaries(
            r"(?i)^\W*(?:subscribe|sign up|join|follow us|get|want|never miss|don'?t miss|stay|be the first|like what|enjoyed|love|receive|interested)\b|\b(?:sign up|subscribe) here\W*$",
        ))
        .unwrap_or_else(|e| panic!("the newsletter call's start pattern: {e}"))
    });
    c.chars().count() <= NEWSLETTER_CALL_MAX && CALL.is_match(c) && START.is_match(c)
}

/// Longest [`follow_call`], in characters.
const FOLLOW_CALL_MAX: usize = 250;

/// A call to follow the site on social media, get its app or subscribe to read on
/// (`Follow us on Telegram, Facebook, Instagram, YouTube and X for the latest news`,
/// `Follow The Gleaner on Twitter and Instagram`, `Siguenos en Telegram, Instagram,
/// Facebook y Twitter…`, `Folgen Sie uns auf Twitter`, `Get the Hindustan Times app!`,
/// `For the latest stories download the Nationnews apps for iOS and Android.`, `To view
/// the full story, please subscribe to The Haitian Times.`, `… you're already a
/// subscriber, you can log in…`): at most [`FOLLOW_CALL_MAX`] characters. A sentence
/// that names a platform without the call (`Follow these steps shared on Twitter to…`:
/// no one followed; `You download apps from the App Store`: not the site's app;
/// `thank you for taking the time to read this article`) is none.
fn follow_call(c: &str) -> bool {
    static RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        let platform = r"(?:twitter|facebook|instagram|telegram|youtube|linkedin|tiktok|whatsapp|pinterest|threads|bluesky|mastodon|google news|flipboard|snapchat|reddit|wechat|weibo|x)";
        let verb = r"(?:(?i:follow|join|like|connect with|find)\s+(?:us|me|him|her|them|our|[A-Z@])|(?i:síguenos|siguenos|sígenos|síganos|únete|unete|suscríbete|suscribete|folge mir|folge uns|folgen sie uns|abonniere|suivez-nous|suivez|rejoignez-nous|abonnez-vous|seguici|seguiteci|iscriviti|obserwuj nas|dołącz))";
        let patterns = [
            format!(r"(?:^|[.!?¿¡]\s*|[—–-]\s+){verb}[^.!?]{{0,120}}?\b(?i:{platform})\b"),
            r"\b(?i:download|get|install|descarga|descargue|téléchargez)\s+(?:(?i:our)|(?i:the)\s+[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)*)\s+(?i:apps?)\b".to_string(),
            r"\b(?i:straight to your phone with)\b[^.!?]{0,40}\b(?i:app)\b".to_string(),
            r"(?i)\b(?:to (?:view|read|continue reading|access|unlock) (?:the |this )?(?:full|entire|rest of (?:the|this)) ?(?:story|article|content)\b|for the full (?:story|article)\b|(?:already|existing) (?:a )?subscriber\b|subscribe (?:now )?to (?:read|continue|view|unlock)\b)".to_string(),
        ];
        let joined: Vec<String> = patterns.iter().map(|p| format!("(?:{p})")).collect();
        regex::Regex::new(&ascii_boundaries(&joined.join("|")))
            .unwrap_or_else(|e| panic!("the follow call pattern: {e}"))
    });
    c.chars().count() <= FOLLOW_CALL_MAX && RE.is_match(c)
}

/// Longest [`entry_footer_line`], in characters.
const ENTRY_FOOTER_MAX: usize = 200;

/// A blog post's meta line as WordPress's default themes write it, its labels for screen
/// readers run into their values once saved as text: `Author Erik PistelliPosted on March
/// 20, 2023March 20, 2023Categories PackageTags Deobfuscation, Powershell`. It starts with
/// `Author `, `Posted on ` or `By `, holds two or more of the labels `Posted on`,
/// `Categories`, `Tags` glued to the letter or digit before them, is at most
/// [`ENTRY_FOOTER_MAX`] characters and ends no sentence. (A sentence that names them, `The
/// post has Tags and Categories`, has them after spaces.)
fn entry_footer_line(c: &str) -> bool {
    if c.chars().count() > ENTRY_FOOTER_MAX
        || ends_sentence(c)
        || !["Author ", "Posted on ", "By "]
            .iter()
            .any(|p| c.starts_with(p))
    {
        return false;
    }
    let glued = ["Posted on ", "Categories ", "Tags "]
        .iter()
        .filter(|label| {
            c.match_indices(**label).any(|(i, _)| {
                c[..i]
                    .chars()
                    .next_back()
                    .is_some_and(|p| p.is_alphanumeric())
            })
        })
        .count();
    glued >= 2
}

/// Longest tag of a [`tag_row`], in characters.
const TAG_MAX: usize = 20;

/// A post's tags as a CMS writes them, each after a `#` (`# web安全 # 企业安全`, read as a
/// heading `web安全 # 企业安全`; `linux # 系统安全 # 安卓安全`): two tags or more between
/// ` # `, each one word of at most [`TAG_MAX`] characters, no sentence and nothing of code
/// or a command (`=`, brackets, `-`, `.`, `/`, `$`…: `(replace # with @)`, `npm run build
/// # 打包` and `make -j4 # 编译` stay).
fn tag_row(c: &str) -> bool {
    let c = c.trim_start_matches(['#', ' ']);
    let tags: Vec<&str> = c.split(" # ").map(str::trim).collect();
    tags.len() >= 2
        && tags.iter().all(|t| {
            !t.is_empty()
                && t.chars().count() <= TAG_MAX
                && !t.chars().any(|x| {
                    sentence_end(x) || x.is_whitespace() || "=()（）#,，@-./$>_~:|".contains(x)
                })
        })
}

/// Labels of the IP location a Chinese platform shows beside a post (`所属地 上海`,
/// `IP属地：广东`).
const IP_LOCATION: [&str; 5] = ["IP属地", "IP 属地", "IP屬地", "所属地", "所屬地"];

/// A line that is an IP location label and a place alone: the place at most 16
/// characters of letters (Han or Latin) and single spaces (`中国香港`, `United States`),
/// after a colon or a space (`所属地区：华东` is a word of the text, not the label).
fn ip_location_line(c: &str) -> bool {
    let Some(rest) = IP_LOCATION.iter().find_map(|l| {
        c.get(..l.len())
            .filter(|h| h.eq_ignore_ascii_case(l))
            .map(|_| &c[l.len()..])
    }) else {
        return false;
    };
    let place = rest.trim_start_matches([':', '：', ' ', '\u{3000}']);
    let n = place.trim_end().chars().count();
    (1..=16).contains(&n)
        && place.len() < rest.len()
        && place.chars().all(|ch| ch.is_alphabetic() || ch == ' ')
        && !place.contains("  ")
}

/// Phrases that open a repost's line of origin: where the text was first published, by
/// whom, under what title (`原文来自微信公众号「捎话」，作者夏显虎：潘福仁受审记`, `文本源自
/// 「端传媒」：早报：…`, `本文转载自…`), which names its source ([`ORIGIN_MARKS`]).
const REPOST_ORIGIN: [&str; 7] = [
    "原文来自",
    "原文來自",
    "文本源自",
    "本文转载自",
    "本文轉載自",
    "原文载于",
    "原文載於",
];

/// What a repost's line of origin names its source with: a name in brackets or quotes, a
/// colon before the title, an account, a site, a page ([`REPOST_ORIGIN`]). `原文来自一位读者
/// 的来信，他说这件事让他想了很久。` names none and is the text's.
const ORIGIN_MARKS: [&str; 19] = [
    "「",
    "《",
    "“",
    "\"",
    "：",
    ":",
    "公众号",
    "公眾號",
    "微信",
    "微博",
    "网站",
    "網站",
    "Facebook",
    "facebook",
    "http",
    "授权",
    "授權",
    "转载",
    "轉載",
];

/// Whether what follows a repost's phrase of origin is a name only (`原文来自南方周末`,
/// `原文来自 中青报深度`): at most [`ORIGIN_NAME_MAX`] characters, no comma and no
/// sentence's end.
fn origin_name_only(rest: &str) -> bool {
    let rest = rest.trim();
    (1..=ORIGIN_NAME_MAX).contains(&rest.chars().count())
        && !rest.contains(['，', ',', '、'])
        && !rest.chars().any(sentence_end)
}

/// Most characters of the name in [`origin_name_only`].
const ORIGIN_NAME_MAX: usize = 16;

/// Longest repost's line of origin ([`REPOST_ORIGIN`]), in characters: one sentence.
const REPOST_ORIGIN_MAX: usize = 100;

/// Longest line of origin (`本文由…原创发布`), in characters.
const ORIGIN_MAX: usize = 40;

/// Labels a picture's credit or caption starts with (`图丨视觉中国`, `图｜人民视觉`).
const PICTURE_LABELS: &[&str] = &["图丨", "圖丨", "图｜", "圖｜", "图|", "圖|", "图/", "圖/"];

/// Fewest Han characters that make what follows a picture's label a caption.
const CAPTION_HAN_MIN: usize = 10;

/// A caption after a picture's label (`图丨人的性别远非只有男、女这么简单`,
/// `图丨XY 染色体定义了男性，但 Enh13 让胚胎真正成为男性`), which the lexicon's credit
/// phrases would take: what follows the label holds a comma or an enumeration's `、`, or
/// at least [`CAPTION_HAN_MIN`] Han characters before a bracket or a bar — a
/// description, where a credit is a name (`图丨视觉中国`, `图|Pixabay 撰文 | 宋文法`).
fn picture_caption(c: &str) -> bool {
    let Some(rest) = PICTURE_LABELS.iter().find_map(|l| c.strip_prefix(l)) else {
        return false;
    };
    let head = rest
        .split(['（', '(', '|', '｜', '丨', '；', ';'])
        .next()
        .unwrap_or("");
    head.contains(['，', ',', '、'])
        || head.chars().filter(|&ch| is_han(ch)).count() >= CAPTION_HAN_MIN
}

/// Whether `line` is a boilerplate line of the lexicon (or a source line).
pub(crate) fn boilerplate(line: &str, lex: &Lexicon) -> bool {
    let c = core(line);
    let n = c.chars().count();
    if n == 0 {
        return false;
    }
    if picture_caption(c) {
        return false;
    }
    if source_line(c)
        || qr_call(c)
        || dated_line(c)
        || icon_meta_line(line)
        || reply_menu_line(line)
        // A byline's empty strong spans may leave stars at its end (`作者 | 美漪编辑| 靖宇****`),
        // which elsewhere mask a value and stay.
        || staff_credits(c.trim_end_matches('*'))
        || post_meta_line(line.trim())
        || entry_meta_line(c)
        || reading_time_line(line.trim())
        || view_counter_line(line.trim())
        || read_original_call(c)
        || language_picker_line(c)
        || affiliate_disclosure(c)
        || newsletter_call(c)
        || follow_call(c)
        || entry_footer_line(c)
        || social_link_line(line.trim())
        || ip_location_line(c)
        || tag_row(line.trim())
    {
        return true;
    }
    if lex.is_exact(c)
        || lex.starts_phrase(c, n, false)
        || lex.is_notice(c, n)
        || lex.cut_short_phrase(c)
    {
        return true;
    }
    // A repost's line of origin (`原文来自微信公众号「捎话」，作者夏显虎：潘福仁受审记`).
    if n <= REPOST_ORIGIN_MAX
        && !c.trim_end_matches(['。', '.']).chars().any(sentence_end)
        && REPOST_ORIGIN
            .iter()
            .find_map(|p| c.strip_prefix(p))
            .is_some_and(|rest| {
                ORIGIN_MARKS.iter().any(|m| c.contains(m)) || origin_name_only(rest)
            })
    {
        return true;
    }
    // A platform's line of origin (`本文由雷石安全实验室原创发布`).
    if n <= ORIGIN_MAX
        && c.starts_with("本文由")
        && c.trim_end_matches(['。', '.', ' ', '）', ')'])
            .ends_with("原创发布")
    {
        return true;
    }
    // An exact line between rules of dashes, stars or dots, or in brackets (`-END-`,
    // `**  END **`, `— 【 THE END 】—`, `· END ·`), its spaces perhaps no-break ones
    // (`THE\u{a0}END`).
    let bare = c.trim_matches(|ch: char| "-*—_ \u{a0}\u{3000}【】[]「」·•".contains(ch));
    if (bare != c || bare.contains('\u{a0}')) && lex.is_exact(&bare.replace('\u{a0}', " ")) {
        return true;
    }
    // The same without spaces (`責任編輯 : 王`), for exact lines and `[short]` phrases.
    if c.contains(char::is_whitespace) {
        let c_nospace: String = c.chars().filter(|ch| !ch.is_whitespace()).collect();
        return lex.is_exact(&c_nospace)
            || (n <= SHORT_MAX && lex.starts_phrase(&c_nospace, n, true));
    }
    false
}

/// `首页 > 新闻 > 地方`: short segments between `>`, `»`, `›` (at most 16 characters) or
/// `/` (at most 10: `没有 /bin/bash 这个文件` is a sentence). A segment holding a table's
/// `|` is no crumb (`言/行/政策 | 原因`), nor one without letters (`Date: 03/18/2021`), nor
/// are steps joined by arrows (`目录探测 --> js文件爆破 --> api提取`: a method's steps,
/// not a site's sections); slashes join a path only after a label of place or from a home
/// word on ([`slash_path`]: `主演：黄渤 / 王宝强 / 刘昊然` is a field of the text).
fn breadcrumb(line: &str) -> bool {
    let c = core(line);
    if c.chars().count() > 80 {
        return false;
    }
    let arrows = c.contains("->") || c.contains("=>");
    for (sep, max) in [('>', 16), ('»', 16), ('›', 16), ('/', 10)] {
        if sep == '>' && arrows {
            continue;
        }
        let parts: Vec<&str> = c
            .split(sep)
            .map(|p| p.trim_matches(|x: char| x.is_whitespace()))
            .collect();
        if parts.len() >= 3
            && (sep != '/' || slash_path(c))
            && parts.iter().all(|p| {
                !p.is_empty()
                    && p.chars().count() <= max
                    && p.chars().any(char::is_alphabetic)
                    && !p.chars().any(|x| sentence_end(x) || x == '|' || x == '｜')
            })
        {
            return true;
        }
    }
    false
}

/// Whether a line is the first of numbered steps, the next line the second (a path the
/// reader follows, `1. Settings > General > Software Update` / `2. Select Automatic
/// Updates…`), not a [`breadcrumb`] of the page's place (`1. 中國西藏網 > 即時新聞 >
/// 地方` over the text).
fn first_step(line: &str, next: Option<&str>) -> bool {
    line.trim_start().starts_with("1. ") && next.is_some_and(|n| n.trim_start().starts_with("2. "))
}

/// Words a site's path starts with (`首页/新闻/国际新闻`).
const HOME_WORDS: &[&str] = &[
    "首页",
    "首頁",
    "主页",
    "主頁",
    "网站首页",
    "網站首頁",
    "返回首页",
    "Home",
    "home",
    "HOME",
];

/// Labels that say where a page is, or where a site files it (`当前位置：首页/新闻`,
/// `分类：新闻/国际`), matched anywhere in the label.
const PLACE_LABELS: &[&str] = &[
    "位置",
    "导航",
    "導航",
    "路径",
    "路徑",
    "分类",
    "分類",
    "栏目",
    "欄目",
    "类别",
    "類別",
    "频道",
    "頻道",
    "Location",
    "location",
    "You are here",
    "Category",
    "Categories",
    "Tags",
];

/// Whether a line of `/`-joined parts is a site's path: after a label that says where the
/// page is ([`PLACE_LABELS`]), or from a home word on ([`HOME_WORDS`]). A field's values
/// after any other label (`主演：黄渤 / 王宝强 / 刘昊然`, `制片国家/地区：英国 / 德国`,
/// `译者：黄锦炎/沈国正/陈泉`) and words joined by slashes without either
/// (`漏洞挖掘/分析/利用职业规划`, a syllabus line) are the text's.
fn slash_path(c: &str) -> bool {
    let labelled = c
        .split_once(['：', ':'])
        .filter(|(label, rest)| !rest.starts_with("//") && label.trim().chars().count() <= 12);
    match labelled {
        Some((label, _)) => PLACE_LABELS.iter().any(|p| label.contains(p)),
        None => {
            let first = c.split('/').next().unwrap_or("").trim();
            HOME_WORDS.contains(&first)
        }
    }
}

/// The number of a line that is a bare number of at most three digits (`1`, `01`,
/// `**5**`, `01.`, `（1）`, `1，`): perhaps a section's number ([`section_numbers`]).
fn bare_number(line: &str) -> Option<u32> {
    let mut t = line.trim().trim_matches(['*', '_']).trim();
    // Set between dashes (`- 1 -`, `-01-`, `— 2 —`: WeChat's section marks).
    for d in ['-', '—', '–'] {
        if let Some(inner) = t.strip_prefix(d).and_then(|r| r.strip_suffix(d)) {
            t = inner.trim();
            break;
        }
    }
    // In brackets (`（1）`, `(2)`), or with the mark a list writes after it (`01.`, `1、`,
    // `1，`).
    for (o, c) in [('（', '）'), ('(', ')')] {
        if let Some(inner) = t.strip_prefix(o).and_then(|r| r.strip_suffix(c)) {
            t = inner.trim();
            break;
        }
    }
    let t = t.strip_suffix(['.', '．', '、', '，', ',']).unwrap_or(t);
    (!t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit()))
        .then(|| t.parse().ok())
        .flatten()
}

/// Which of `lines` number an article's sections (`<p>1</p>` over the first part, `01`
/// over the next): a bare number ([`bare_number`]) with text lines before and after it
/// — no bare number next to it, as a pager's `1` `2` `3` are — whose neighbour in the
/// count numbers another section of the same text in order (one less before it or one
/// more after it: a digest's comment counts `32` … `31` … `30` count down, and go).
fn section_numbers(lines: &[&str]) -> Vec<bool> {
    let non_blank: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].trim().is_empty())
        .collect();
    let alone: Vec<(usize, u32)> = non_blank
        .iter()
        .enumerate()
        .filter_map(|(k, &i)| {
            let n = bare_number(lines[i])?;
            let text_at = |j: Option<&usize>| j.is_some_and(|&j| bare_number(lines[j]).is_none());
            let before = k.checked_sub(1).and_then(|p| non_blank.get(p));
            // The first line may be a number: the headline over it is not among `lines`.
            ((k == 0 || text_at(before)) && text_at(non_blank.get(k + 1))).then_some((i, n))
        })
        .collect();
    let mut out = vec![false; lines.len()];
    for &(i, n) in &alone {
        out[i] = alone
            .iter()
            .any(|&(j, m)| (j > i && m == n + 1) || (j < i && m + 1 == n));
    }
    out
}

/// Which of `lines` belong to a list of figures: at least [`FIGURE_LIST_MIN`] lines in a
/// row (no blank line between), each a plain number, all different, most of two digits
/// or more, and not counting up or down by one (a pager's `1` `2` `3` `4`, a list of
/// years to browse). A page's list of port numbers (`80` `8080` `8880` `2052`), of amounts
/// or of versions is its content; a counter stands alone or beside one or two others.
fn figure_lists(lines: &[&str]) -> Vec<bool> {
    let mut out = vec![false; lines.len()];
    let mut i = 0;
    while i < lines.len() {
        let start = i;
        let mut values = Vec::new();
        while let Some(n) = lines.get(i).and_then(|l| plain_number(l)) {
            values.push((n, lines[i].trim().len()));
            i += 1;
        }
        if values.is_empty() {
            i += 1;
            continue;
        }
        let distinct = values
            .iter()
            .enumerate()
            .all(|(k, v)| values[..k].iter().all(|w| w.0 != v.0));
        let counting = values
            .windows(2)
            .all(|w| w[1].0 == w[0].0 + 1 || w[0].0 == w[1].0 + 1);
        let wide = values.iter().filter(|v| v.1 >= 2).count() * 2 >= values.len();
        if values.len() >= FIGURE_LIST_MIN && distinct && !counting && wide {
            out[start..i].iter_mut().for_each(|f| *f = true);
        }
    }
    out
}

/// Which of `lines` belong to a share menu whose links went, its targets left as plain
/// lines: at least [`SHARE_MENU_MIN`] lines in a row (no blank line between), each a
/// share target's name ([`SHARE_TARGETS`]: Blogger's `Get link` / `Facebook` / `X` /
/// `Pinterest` / `Email` / `Other Apps`), two of them or more different. A sentence
/// that names a platform is no such line; nor is one platform's name alone.
fn share_menus(lines: &[&str]) -> Vec<bool> {
    // Each line's share target, when it names one (bullets and brackets aside).
    let targets: Vec<Option<String>> = lines
        .iter()
        .map(|l| {
            let name = core(l).to_lowercase();
            (SHARE_TARGETS.contains(&name.as_str()) || SOCIAL.contains(&name.as_str()))
                .then_some(name)
        })
        .collect();
    let mut out = vec![false; lines.len()];
    let mut i = 0;
    while i < lines.len() {
        let end = (i..lines.len())
            .find(|&j| targets[j].is_none())
            .unwrap_or(lines.len());
        let distinct: std::collections::BTreeSet<_> = targets[i..end].iter().collect();
        if end - i >= SHARE_MENU_MIN && distinct.len() >= 2 {
            out[i..end].iter_mut().for_each(|s| *s = true);
        }
        i = end + 1;
    }
    out
}

/// Lines a share menu has at least ([`share_menus`]).
const SHARE_MENU_MIN: usize = 3;

/// Share targets besides the platforms of [`SOCIAL`], as a share menu's lines name them.
const SHARE_TARGETS: [&str; 12] = [
    "get link",
    "copy link",
    "other apps",
    "email",
    "e-mail",
    "print",
    "pinterest",
    "reddit",
    "tumblr",
    "pocket",
    "hacker news",
    "share",
];

/// The number a line is and nothing else (`8080`, `2023`; at most 12 digits).
pub(crate) fn plain_number(line: &str) -> Option<u64> {
    let t = line.trim();
    (!t.is_empty() && t.len() <= 12 && t.bytes().all(|b| b.is_ascii_digit()))
        .then(|| t.parse().ok())
        .flatten()
}

/// Lines a list of figures has at least ([`figure_lists`]).
const FIGURE_LIST_MIN: usize = 4;

/// A line without letters: digit runs, counters (`+1`), lone punctuation. A date alone
/// ([`date_line`]) is no counter: a letter's date under its signature; nor is a table's
/// row of figures ([`figures_row`]), nor a line of a list of figures ([`figure_lists`],
/// asked by the caller), nor code's closing brackets ([`code_brackets`]).
fn digits(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty()
        && !t.chars().any(|c| c.is_alphabetic())
        && !code_brackets(t)
        && !table_delimiter(t)
        && !date_line(t)
        && !figures_row(t)
        && !formula(t)
        && !ip_address(t)
}

/// A line of code's brackets alone — a brace (`{`, `}`, `})`, `},`) or a call's end
/// (`);`, `];`): a gist's code written as a table's rows keeps them as lines of their
/// own, and without them the code does not close. A lone `[` or `(` is a link's or a
/// counter's remains, no code.
fn code_brackets(t: &str) -> bool {
    t.chars().count() <= 6
        && (t.contains(['{', '}']) || (t.ends_with(';') && t.contains([')', ']'])))
        && t.chars()
            .all(|c| matches!(c, '{' | '}' | '(' | ')' | '[' | ']' | ';' | ',' | ' '))
}

/// A network address alone (`10.10.11.194`, `192.168.1.0/24`, `10.0.0.1:8080`): the
/// heading of a write-up's target, a line of an indicator list; no counter.
fn ip_address(t: &str) -> bool {
    let host = t.split(['/', ':']).next().unwrap_or(t);
    let parts: Vec<&str> = host.split('.').collect();
    parts.len() == 4
        && parts
            .iter()
            .all(|p| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
        && t[host.len()..]
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'/' || b == b':')
}

/// A line of arithmetic: numbers joined by at least two operators, one of them not a
/// sign (`（168 * 0.0008 + 622 * 0.0020）/ 1000`, `3 × 4 = 12`); a counter (`+1`, `-`)
/// is none.
fn formula(t: &str) -> bool {
    let operators = t
        .chars()
        .filter(|c| matches!(c, '*' | '/' | '×' | '÷' | '=' | '+'))
        .count();
    let numbers = t
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .filter(|p| p.bytes().any(|b| b.is_ascii_digit()))
        .count();
    operators >= 2 && numbers >= 3 && t.contains(['*', '/', '×', '÷', '='])
}

/// The text of a line that says it twice, joined by a space (`AsyncRAT figura 1
/// AsyncRAT figura 1`, an image's alt text and title): each half of two words or more,
/// or of four Han characters or more, with a letter; `None` otherwise (`bye bye`).
pub(crate) fn said_twice(t: &str) -> Option<&str> {
    let m = t.len() / 2;
    if t.len().is_multiple_of(2) || !t.is_char_boundary(m) || t.as_bytes()[m] != b' ' {
        return None;
    }
    let (a, b) = (&t[..m], &t[m + 1..]);
    let words = a.split_whitespace().count() >= 2
        || a.chars().filter(|&c| crate::block::is_cjk(c)).count() >= 4;
    (a == b && words && a.chars().any(char::is_alphabetic)).then_some(a)
}

/// Most characters of a label ([`colon_label`]), and of a linked value under it.
pub const LABEL_MAX_CHARS: usize = 40;

/// Whether `t` (trimmed) is a phrase that labels what follows: at most
/// [`LABEL_MAX_CHARS`] characters ending with a colon, without a comma or a full stop
/// (`Author:`, `Read more:`, `难得君原创文章：`; not a sentence that introduces a list).
pub fn colon_label(t: &str) -> bool {
    t.ends_with([':', '：'])
        && t.chars().count() <= LABEL_MAX_CHARS
        && !t.contains([',', '，', '。', '；'])
}

/// Whether `t` is a label whose value stands on the next line: a [`colon_label`] (stars
/// around it aside) with a letter or digit, not a line of the boilerplate lexicon
/// (`Author:`, `EDB-ID:`, `案件編號：`; not `Tags:` or `Share:`).
pub fn label_line(t: &str, lex: &Lexicon) -> bool {
    let t = t.trim().trim_matches('*').trim();
    colon_label(t)
        && t.chars().any(char::is_alphanumeric)
        && !boilerplate(t, lex)
        && !boilerplate(t.trim_end_matches([':', '：']), lex)
}

/// Whether the line after `before` (a number, for the caller) is a label's value: the
/// last non-blank line before it is a label ([`label_line`]) that was kept (the last
/// non-blank line of `kept`): a number under `#### EDB-ID:` is the page's, a counter
/// under a label that went goes.
fn labelled(before: &[&str], kept: &[String], lex: &Lexicon) -> bool {
    let last = before
        .iter()
        .rev()
        .map(|l| l.trim())
        .find(|l| !l.is_empty());
    let kept = kept.iter().rev().map(|l| l.trim()).find(|l| !l.is_empty());
    match (last, kept) {
        (Some(l), Some(k)) => {
            l.trim_start_matches('#').trim() == k.trim_start_matches('#').trim()
                && label_line(k, lex)
        }
        _ => false,
    }
}

/// Whether `t`, a line without letters, is a number under a label ([`labelled`]).
fn labelled_number(t: &str, before: &[&str], kept: &[String], lex: &Lexicon) -> bool {
    t.chars().any(|c| c.is_ascii_digit()) && labelled(before, kept, lex)
}

/// Whether `line` is a case's or file's number under its label: a label of at most 8
/// characters, a colon, and a code of Latin capitals and digits (`案件編號：ESCC345/2021`,
/// `案件編號：DCCC1073、1074/2020`). The statistics fold its digits, so many documents
/// seem to hold it; it is the document's own.
pub fn identifier_line(line: &str) -> bool {
    let t = line.trim().trim_matches('*');
    let Some((label, code)) = t.split_once(['：', ':']) else {
        return false;
    };
    let code = code.trim();
    let label_chars = label.trim().chars().count();
    (1..=8).contains(&label_chars)
        && label.chars().all(|c| c.is_alphanumeric() || c == ' ')
        && code.chars().count() <= 40
        && code.chars().take_while(|c| c.is_ascii_uppercase()).count() >= 2
        && code.chars().filter(char::is_ascii_digit).count() >= 2
        && code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/-.、, ".contains(c))
}

/// Whether `line` says a date and nothing else: a year of four digits (19xx, 20xx), then
/// a month and perhaps a day or a range of days, joined by `.`, `-`, `/` or written with
/// `年 月 日`, perhaps emphasised or bulleted (`2018.9.6`, `**2019 年 2 月 12 日**`,
/// `●2017年12月19日`, `2000 年 5 月 27-28 日`). A time (`2018-04-26 23:33`) makes it a
/// timestamp, not a date.
pub fn date_line(line: &str) -> bool {
    let t: String = line
        .trim()
        .trim_matches(|c: char| matches!(c, '*' | '_' | '●' | '•' | '·' | '-' | '#' | '>'))
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let n = t.chars().count();
    if !(6..=16).contains(&n) || !(t.starts_with("19") || t.starts_with("20")) {
        return false;
    }
    // year, separator, month (1–12), then perhaps a separator and a day (1–31) or a
    // range of days, and `日`/`号`.
    let mut rest = t.as_str();
    let number = |s: &mut &str| -> Option<u32> {
        let n = s.chars().take_while(char::is_ascii_digit).count();
        let v = s[..n].parse().ok()?;
        *s = &s[n..];
        (1..=2).contains(&n).then_some(v)
    };
    let year = rest.chars().take_while(char::is_ascii_digit).count();
    if year != 4 {
        return false;
    }
    rest = &rest[4..];
    let Some(sep) = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '.' | '-' | '/' | '年'))
    else {
        return false;
    };
    rest = &rest[sep.len_utf8()..];
    if !number(&mut rest).is_some_and(|m| (1..=12).contains(&m)) {
        return false;
    }
    if sep == '年' {
        rest = rest.strip_prefix('月').unwrap_or("?");
    } else if !rest.is_empty() {
        rest = rest.strip_prefix(sep).unwrap_or("?");
    }
    if !rest.is_empty() {
        if !number(&mut rest).is_some_and(|d| (1..=31).contains(&d)) {
            return false;
        }
        if let Some(r) = rest.strip_prefix('-') {
            rest = r;
            if !number(&mut rest).is_some_and(|d| (1..=31).contains(&d)) {
                return false;
            }
        }
    }
    matches!(rest, "" | "日" | "号" | "號")
}

/// A table's row of figures as text writes it, cells between ` | ` (`45 | 30%`, `0-13 |
/// 90%`, `| 2019 | 1,024 |`): at least two cells, each with a digit.
fn figures_row(t: &str) -> bool {
    let cells: Vec<&str> = t.trim_matches('|').split('|').map(str::trim).collect();
    t.contains(" | ")
        && cells.len() >= 2
        && cells
            .iter()
            .all(|c| c.chars().any(|ch| ch.is_ascii_digit()))
}

/// The `|---|:--:|` line under a Markdown table's head.
fn table_delimiter(t: &str) -> bool {
    t.contains('|') && t.contains('-') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

const SEPARATORS: &[char] = &[
    '|', '｜', ',', '，', '、', '-', '—', '_', '/', ';', '；', '·',
];

/// Items of a keyword list: split at separators and runs of spaces, with their byte
/// ranges in `line`.
fn items(line: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices() {
        if SEPARATORS.contains(&c) || c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push((s, i));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push((s, line.len()));
    }
    out
}

fn spam_term(item: &str, lex: &Lexicon) -> bool {
    lex.spam_hits(item) > 0
}

/// A run of list items is spam when it has at least 4 items, at least 2 of them (and
/// 30%) hold spam terms, two different terms at least, its items are short (at most 24 characters) and none ends a
/// sentence.
fn spam_run(line: &str, run: &[(usize, usize)], lex: &Lexicon) -> bool {
    if run.len() < 4 {
        return false;
    }
    let hits = run
        .iter()
        .filter(|(s, e)| spam_term(&line[*s..*e], lex))
        .count();
    // Keyword lists mix terms: one word said twice (`影片` in a report) is no list.
    let mut terms: Vec<usize> = run
        .iter()
        .flat_map(|(s, e)| lex.spam_terms(&line[*s..*e]))
        .collect();
    terms.sort_unstable();
    terms.dedup();
    hits >= 2
        && terms.len() >= 2
        && hits * 10 >= run.len() * 3
        && run.iter().all(|(s, e)| {
            line[*s..*e].chars().count() <= 24 && !line[*s..*e].chars().any(sentence_end)
        })
}

/// The byte range of `line` that is a spam list (the whole line, a run of items before
/// the article text, or one after it), if any.
fn spam_span(line: &str, lex: &Lexicon) -> Option<(usize, usize)> {
    // Fewer than two spam terms in the whole line: no spam list.
    if lex.spam_hits(line) < 2 {
        return None;
    }
    let its = items(line);
    if its.len() < 4 {
        return None;
    }
    if spam_run(line, &its, lex) {
        return Some((0, line.len()));
    }
    // A spam run at the start or at the end, the rest being article text.
    let short = |&(s, e): &(usize, usize)| {
        line[s..e].chars().count() <= 24 && !line[s..e].chars().any(sentence_end)
    };
    // The run ends at its last item with a spam term (items after it are article text).
    let is_spam = |&(s, e): &(usize, usize)| spam_term(&line[s..e], lex);
    let mut head = its.iter().take_while(|i| short(i)).count();
    while head > 0 && !is_spam(&its[head - 1]) {
        head -= 1;
    }
    // A run glued to article text is a keyword list only when its items are joined the
    // way lists are (`|`, `-`, spaces…): clauses joined by `，` or `、` are the sentence
    // itself (`黑帽 SEO 经常会推广中文的赌博、体育彩票类网站，研究人员发现…`).
    let listed = |s: usize, e: usize| !line[s..e].contains(['，', '、']);
    if head >= 4 && spam_run(line, &its[..head], lex) && listed(0, its[head - 1].1) {
        return Some((0, its[head - 1].1));
    }
    let mut tail = its.iter().rev().take_while(|i| short(i)).count();
    while tail > 0 && !is_spam(&its[its.len() - tail]) {
        tail -= 1;
    }
    if tail >= 4
        && spam_run(line, &its[its.len() - tail..], lex)
        && listed(its[its.len() - tail].0, line.len())
    {
        return Some((its[its.len() - tail].0, line.len()));
    }
    None
}

/// `line` (of text output) without the emphasis markers the parser left as text at its
/// edges: a run of two to four `*` opening or closing the line, the only such run in it
/// (a bold span the source opened in one paragraph and closed in another:
/// `**【编者按】…`, `…喊得激昂。 **`), or a pair of runs around the whole line that spaces
/// kept from being a span (`***旧文重温 〈草原狼与看门狗〉 ***`). A closing run right after
/// a letter, a digit or a colon is a mask (`密码是****`, `sk-kq****`), a run before a small
/// Latin letter opens a word (`**kwargs`), and a line with other runs is left as it is
/// (`**重要**，另见 **下文`).
fn without_stray_stars(line: &str) -> std::borrow::Cow<'_, str> {
    let runs: Vec<(usize, usize)> = {
        let b = line.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < b.len() {
            if b[i] == b'*' {
                let start = i;
                while i < b.len() && b[i] == b'*' {
                    i += 1;
                }
                out.push((start, i));
            } else {
                i += 1;
            }
        }
        out.into_iter().filter(|(s, e)| e - s >= 2).collect()
    };
    let lead = line.len() - line.trim_start().len();
    let opening = runs
        .first()
        .filter(|(s, e)| *s == lead && e - s <= 4 && *e < line.len());
    let closing = runs.last().filter(|(s, e)| {
        *e == line.len()
            && e - s <= 4
            && *s > lead
            && line[..*s]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_whitespace() || "。！？」』）)”".contains(c))
    });
    // A run before a small Latin letter opens a word (`**kwargs`); one before a capital
    // opens a sentence (`**Listen up—…`).
    let opening =
        opening.filter(|(_, e)| !line[*e..].starts_with(|c: char| c.is_ascii_lowercase()));
    let (mut from, mut to) = (0, line.len());
    match (opening, closing) {
        (Some(&(_, e)), Some(&(s, _))) if runs.len() == 2 => (from, to) = (e, s),
        (Some(&(_, e)), _) if runs.len() == 1 => from = e,
        (_, Some(&(s, _))) if runs.len() == 1 => to = s,
        _ => return std::borrow::Cow::Borrowed(line),
    }
    std::borrow::Cow::Owned(format!("{}{}", &line[..lead], line[from..to].trim()))
}

/// U+FFFC, which stands for an embedded object in rich text.
const OBJECT_REPLACEMENT: char = '\u{FFFC}';

/// Most lines of a mailing list's footer under its rule ([`mailing_list_footer`]).
const LIST_FOOTER_MAX_LINES: usize = 6;

/// Whether `line` is a line of a mailing list's footer: the list named (`Sent through
/// the Full Disclosure mailing list`, `Python-Dev mailing list`), its pages
/// (`https://nmap.org/mailman/listinfo/fulldisclosure`, `Web Archives & RSS: …`,
/// `Unsubscribe: …`) or its address alone; `Some(true)` when it names the list or its
/// `listinfo` page.
fn list_footer_line(t: &str) -> Option<bool> {
    let lower = t.to_lowercase();
    let address = !t.contains(' ') && t.contains('@') && t.contains('.');
    let named = lower.contains("mailing list") || lower.contains("listinfo");
    let footer = t.chars().count() <= 150
        && (named
            || lower.contains("mailman/")
            || [
                "unsubscribe",
                "to unsubscribe",
                "web archives",
                "archives:",
                "list archive",
            ]
            .iter()
            .any(|p| lower.starts_with(p))
            || address);
    footer.then_some(named)
}

/// Where the footer a mailing list puts under each message begins, when `text` ends with
/// one: a rule of underscores (`_______________________________________________`), then
/// at most [`LIST_FOOTER_MAX_LINES`] lines each naming the list, its pages or its
/// address, one of them the list or its `mailman`/`listinfo` page. An archive's page
/// keeps the message in its `<pre>`, so the footer ends the message's code block. The
/// byte offset of the rule's line.
pub fn mailing_list_footer(text: &str) -> Option<usize> {
    let body = text.trim_end();
    let mut at = body.len();
    let mut lines = 0;
    let mut named = false;
    for line in body.rsplit('\n') {
        let start = at - line.len();
        at = start.saturating_sub(1);
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if t.len() >= 20 && t.bytes().all(|b| b == b'_') {
            return (lines > 0 && named).then_some(start);
        }
        lines += 1;
        if lines > LIST_FOOTER_MAX_LINES {
            return None;
        }
        named |= list_footer_line(t)?;
    }
    None
}

/// Clean `text` (text output) line by line.
pub fn clean(text: &str, lex: &Lexicon) -> Cleaned {
    clean_lines(text, lex, true)
}

/// Clean Markdown output line by line: as [`clean`], but its emphasis markers are its own.
pub fn clean_markdown(text: &str, lex: &Lexicon) -> Cleaned {
    clean_lines(text, lex, false)
}

fn clean_lines(text: &str, lex: &Lexicon, unstar: bool) -> Cleaned {
    let mut out = Cleaned {
        total_chars: text.chars().count(),
        ..Cleaned::default()
    };
    // The object replacement character an editor leaves where an embedded object stood
    // (`城市暴动￼￼￼`): no text of the page's.
    let placeholders;
    let text = match text.contains(OBJECT_REPLACEMENT) {
        true => {
            placeholders = text.replace(OBJECT_REPLACEMENT, "");
            out.removed
                .push((OBJECT_REPLACEMENT.to_string(), "placeholder"));
            placeholders.as_str()
        }
        false => text,
    };
    let unstarred: Vec<std::borrow::Cow<'_, str>> = text
        .lines()
        .map(|l| match unstar {
            true => without_stray_stars(l),
            false => std::borrow::Cow::Borrowed(l),
        })
        .collect();
    let lines: Vec<&str> = unstarred.iter().map(|l| l.as_ref()).collect();
    let sections = section_numbers(&lines);
    let figures = figure_lists(&lines);
    let shares = share_menus(&lines);
    let mut kept: Vec<String> = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let mut line = lines[i];
        let mut t = line.trim();
        if t.is_empty() {
            kept.push(String::new());
            i += 1;
            continue;
        }
        if shares[i] {
            out.removed.push((t.to_string(), "share menu"));
            i += 1;
            continue;
        }
        // A source link's word left at a line's end (`…上图是长城。（via）`, its link
        // unwrapped) goes.
        if let Some(head) = ["（via）", "(via)", "（Via）", "(Via)"]
            .iter()
            .find_map(|v| t.strip_suffix(v))
            .filter(|h| !h.trim().is_empty())
        {
            out.removed.push((t[head.len()..].to_string(), "via"));
            line = head.trim_end();
            t = line.trim();
        }
        // A caption said twice on one line (an image's alt text and its title, joined:
        // `AsyncRAT figura 1 AsyncRAT figura 1`): once.
        // (A word said over and over is filler, below, not a caption said twice.)
        if let Some(once) = said_twice(t).filter(|_| !filler(t)) {
            out.removed.push((once.to_string(), "said twice"));
            line = once;
            t = once;
        }
        // A portal's link back to its front page glued to a line's end (`…整顿仍将持续。
        // 返回腾讯网首页>>`, `作者：余毅菁返回搜狐，查看更多`), and a digest's "read the
        // original" label at an item's end (`…遭到泄露。【阅读原文】`) go; the text before
        // them stays.
        let tails: [(TailAt, &str); 5] = [
            (back_link_at, "back link"),
            (read_more_at, "read more"),
            (account_plug_at, "account plug"),
            (image_credit_at, "image credit"),
            (spaced_source_at, "source"),
        ];
        for (at, rule) in tails {
            if let Some(at) = at(t) {
                out.removed.push((t[at..].to_string(), rule));
                line = t[..at].trim_end();
                t = line;
            }
        }
        // (A line that is a notice as a whole, naming no address, goes whole below:
        // `本文为X原创稿件，授权嘶吼独家发布，如若转载，请注明原文地址`.)
        if let Some(at) = lex
            .exact_tail_at(t)
            .filter(|_| t.contains("://") || !lex.is_notice(core(t), core(t).chars().count()))
        {
            out.removed.push((t[at..].to_string(), "boilerplate tail"));
            line = t[..at].trim_end();
            t = line;
        }
        if t.is_empty() {
            out.removed_lines += 1;
            i += 1;
            continue;
        }
        // A picture's credit alone on its line (`众新闻制图`, `网络照片`, `周满铿摄`,
        // `Pixabay`). A stock library's credit stands alone in its paragraph, after a
        // blank line or the picture, as it was written: an item of a list of libraries
        // (`* Pexels`, or a line of such a list in text) is no credit.
        let alone = (i == 0 || {
            let above = lines[i - 1].trim();
            above.is_empty() || above.starts_with("![")
        }) && lines.get(i + 1).is_none_or(|l| l.trim().is_empty());
        if picture_credit(core(t).trim_end_matches('。')) || (alone && stock_photo_credit(t)) {
            out.removed_lines += 1;
            out.removed.push((t.to_string(), "image credit"));
            i += 1;
            continue;
        }
        // A dateline that credits the original goes; the text before it stays.
        if let Some(at) = dateline_at(line) {
            out.removed
                .push((line[at..].trim().to_string(), "dateline"));
            line = &line[..at];
            t = line.trim();
            if t.is_empty() {
                out.removed_lines += 1;
                i += 1;
                continue;
            }
        }
        // A source label alone (`**文章来源：**`, `原文来源：`, `来源：`) and
        // the address it labels, alone in the next paragraph (`> https://www.bleeping…`):
        // the address goes with its label.
        if let Some(next) = source_address_after(t, &lines[i + 1..]) {
            out.removed_lines += 1;
            out.removed.push((t.to_string(), "source"));
            out.removed_lines += 1;
            out.removed
                .push((lines[i + 1 + next].trim().to_string(), "source"));
            i += next + 2;
            continue;
        }
        // A keyword label alone (`**关键词**`, `关键字：`) and its keyword, short, on the
        // next non-blank line (`黑客`, `安全漏洞`): a news account's tag over its article.
        if let Some(next) = keyword_after(t, &lines[i + 1..]) {
            out.removed_lines += 2;
            out.removed.push((t.to_string(), "label"));
            out.removed
                .push((lines[i + 1 + next].trim().to_string(), "label"));
            i += next + 2;
            continue;
        }
        // A source label alone (`來源:`) and the short source name on the next line.
        let label = core(t).trim_end_matches([':', '：']);
        if (label == "来源" || label == "來源") && t.ends_with([':', '：']) {
            out.removed_lines += 1;
            out.removed.push((t.to_string(), "source"));
            i += 1;
            if let Some(next) = lines.get(i).map(|l| l.trim()) {
                if !next.is_empty() && next.chars().count() <= 12 && !next.chars().any(sentence_end)
                {
                    out.removed_lines += 1;
                    out.removed.push((next.to_string(), "source"));
                    i += 1;
                }
            }
            continue;
        }
        let removed = if let Some((s, e)) = spam_span(t, lex) {
            out.spam_chars += t[s..e].chars().count();
            if s == 0 && e == t.len() {
                Some(Removed::Spam)
            } else {
                out.removed.push((t[s..e].to_string(), "spam"));
                let rest = format!("{}{}", &t[..s], &t[e..]);
                kept.push(
                    rest.trim_matches(|c: char| c.is_whitespace() || SEPARATORS.contains(&c))
                        .to_string(),
                );
                i += 1;
                continue;
            }
        } else if boilerplate(t, lex) {
            Some(Removed::Boilerplate)
        } else if breadcrumb(t) && !first_step(t, lines.get(i + 1).copied()) {
            Some(Removed::Breadcrumb)
        } else if digits(t)
            && !sections[i]
            && !figures[i]
            && !labelled_number(t, &lines[..i], &kept, lex)
        {
            Some(Removed::Digits)
        } else if filler(t) {
            Some(Removed::Filler)
        } else {
            None
        };
        match removed {
            Some(why) => {
                out.removed_lines += 1;
                out.removed.push((t.to_string(), why.rule()));
            }
            None => kept.push(line.trim_end().to_string()),
        }
        i += 1;
    }
    // A list of other articles at the end: titles, each with its date on the line under
    // it.
    let tail = dated_list_tail(&kept);
    for k in &mut kept[tail..] {
        if !k.trim().is_empty() {
            out.removed_lines += 1;
            out.removed.push((k.trim().to_string(), "dated list"));
            k.clear();
        }
    }
    // A date or a byline with its date between the title and the text (read after the
    // list above, whose first date is none).
    for i in header_datelines(&kept).into_iter().rev() {
        out.removed_lines += 1;
        out.removed
            .push((kept.remove(i).trim().to_string(), "dateline"));
    }
    // The title said again under a label right under the title, once the datelines
    // between them are gone (嘶吼's `导语：` field over each article, most often the
    // title itself).
    if let Some(i) = labelled_title(&kept) {
        out.removed_lines += 1;
        out.removed.push((
            std::mem::take(&mut kept[i]).trim().to_string(),
            "title again",
        ));
    }
    // Collapse the blank lines left behind: at most one between paragraphs, none at the
    // ends.
    let mut text = String::with_capacity(text.len());
    let mut blank = false;
    for k in kept {
        if k.trim().is_empty() {
            blank = !text.is_empty();
            continue;
        }
        if blank {
            text.push('\n');
            blank = false;
        }
        text.push_str(&k);
        text.push('\n');
    }
    out.text = text;
    out
}

/// Fewest titles of a [`dated_list_tail`].
const DATED_LIST_MIN: usize = 3;
/// Most characters of a title in a [`dated_list_tail`].
const DATED_TITLE_MAX: usize = 80;

/// Where the list of other articles that ends a text begins (`lines.len()`: none): at
/// least [`DATED_LIST_MIN`] titles, each of at most [`DATED_TITLE_MAX`] characters and no
/// date itself, with a date alone on the line under it (`【深度】越南拒用中国5G，原因和后果
/// 是...大参考` / `2019-09-08`, three times: a box of a site's columns under the article).
/// A letter's or diary's closing date under one line is no list.
fn dated_list_tail(lines: &[String]) -> usize {
    let non_blank: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].trim().is_empty())
        .collect();
    let mut pairs = 0;
    let mut start = lines.len();
    let mut k = non_blank.len();
    while k >= 2 {
        let (title, date) = (
            lines[non_blank[k - 2]].trim(),
            lines[non_blank[k - 1]].trim(),
        );
        if !date_line(date) || date_line(title) || title.chars().count() > DATED_TITLE_MAX {
            break;
        }
        pairs += 1;
        start = non_blank[k - 2];
        k -= 2;
    }
    if pairs >= DATED_LIST_MIN && k > 0 {
        start
    } else {
        lines.len()
    }
}

/// Non-blank lines at a text's start looked at for a date under the title
/// ([`header_datelines`]), the title's line among them.
const HEADER_LINES: usize = 4;
/// Most characters of the name before a timestamp in a byline ([`header_datelines`]).
const STAMP_NAME_MAX: usize = 20;
/// Most characters of the title over a dateline ([`header_datelines`]).
const TITLE_MAX_CHARS: usize = 150;

/// A date as pages print one: `2023-05-26`, `2023/5/26`, `26.05.2023`, `05/26/2023`,
/// `2023年5月26日`, `May 26, 2023`, `26 May 2023`, `Dec. 19, 2025`, `26. Mai 2023`,
/// perhaps after a weekday (`Thursday, November 9, 2023`, `Sat Feb 24, 2024`), perhaps
/// with a time (`09:53:03`, `7:35AM`, `, 05:00 Uhr`, `02:32 PM IST`); the named groups
/// `time` and `rest` tell whether a time follows and what follows the date.
fn stamp_pattern() -> &'static regex::Regex {
    static RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        let month = r"(?:jan(?:uary|uar)?|feb(?:ruary|ruar)?|mar(?:ch)?|märz|apr(?:il)?|ma[iy]|june?|juni|july?|juli|aug(?:ust)?|sep(?:t(?:ember)?)?|o[ck]t(?:ober)?|nov(?:ember)?|de[cz](?:ember)?)\.?";
        let weekday = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag),?\s+";
        let year = r"(?:19|20)\d\d";
        let date = format!(
            r"(?:{weekday})?(?:{year}[-/.]\d{{1,2}}[-/.]\d{{1,2}}|\d{{1,2}}[-/.]\d{{1,2}}[-/.]{year}|{year}\s?年\s?\d{{1,2}}\s?月\s?\d{{1,2}}\s?[日号]|{month}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{year}|\d{{1,2}}\.?\s+{month},?\s+{year})"
        );
        let time = r"(?P<time>,?\s*(?:at\s+|um\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*(?:uhr|utc|gmt|[a-z]{2,4}t))?)";
        regex::Regex::new(&format!(r"(?i)(?P<date>{date}){time}?(?P<rest>.*)$"))
            .unwrap_or_else(|e| panic!("the date pattern: {e}"))
    });
    &RE
}

/// Separators between a byline's parts (`by whova | Apr 21, 2025`, `longshot · 03/03/2026
/// 19:44`, `By Haley Hoekstra • March 12, 2025`).
const BYLINE_SEPARATORS: &[char] = &[
    ' ', '|', '·', '•', '⋅', '»', '—', '–', '-', ',', '/', '\u{a0}',
];

/// The lines of a text's head that only date it, between its first line (the title) and
/// its first sentence, among its first [`HEADER_LINES`] non-blank lines (the first a
/// title, a sentence after them): a date alone,
/// perhaps with a time (`March 12, 2024`, `Thursday, November 9, 2023 7:35AM`,
/// `2023-05-05`); a byline and its date (`By Sofia Gonzalez December 2, 2025`, `by whova
/// | Apr 21, 2025`); a name of at most [`STAMP_NAME_MAX`] characters before a date and
/// a time (`山卡拉活动专区 2023-05-26 09:53:03`, `longshot · 03/03/2026 19:44`). A date
/// under a paragraph is the text's (a diary's day), and a line naming something before a
/// date without a time (`Lemmy Development Update 2024-10-04`) a heading. Also a date
/// alone under the title or a subtitle among the first [`HEAD_DATE_LINES`] (below).
fn header_datelines(lines: &[String]) -> Vec<usize> {
    let bare = |i: usize| {
        lines[i]
            .trim()
            .trim_matches(|c: char| matches!(c, '*' | '_' | '#' | '>' | '[' | ']'))
            .trim()
    };
    let mut out = bylines_under_title(lines, bare);
    // A mailing list archive's message head under its subject (`From: Andrey Stoykov
    // <mwebsec () gmail com>` over `Date: Mon, 28 Oct 2024 13:11:12 +0000`): the sender,
    // the address written with ` () ` for its `@`, and the message's date.
    let first: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].trim().is_empty())
        .take(HEAD_DATE_LINES)
        .collect();
    for pair in first.windows(2) {
        if mail_sender(bare(pair[0])) && mail_date(bare(pair[1])) {
            out.extend([pair[0], pair[1]]);
        }
    }
    // A date alone under the title (`Cache Me Outside…` / `Jul 27, 2025` / `Free Link
    // 🎈`), under the title said again, or under a subtitle, a line that ends no sentence
    // of [`SUBTITLE_WORDS`] words or more right under the title (`Some napkin comments on
    // how…` / `May 30, 2025`) or of three or more over the text's first sentence (`The
    // first version of a public API endpoint…` / `August 1, 2025` / `I have been
    // thinking…`); the rule above, [`bylines_under_title`], takes a date between the title
    // and its first sentence whatever stands over it. Of this rule's dates, not a
    // letter's date at its end, nor one of two dates one under the other, nor one of a
    // list of dated entries (`第一篇` / `2019-09-07` / `第二篇` / `2019-09-08`), nor a
    // value under its label (`Last updated` / `2024-04-18`) or a version's date (`## v1.4.0`
    // / `2024-05-01`).
    let head: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].trim().is_empty())
        .take(HEAD_DATE_LINES + 2)
        .collect();
    let title = head.first().map_or("", |&i| bare(i));
    for k in 1..head.len().min(HEAD_DATE_LINES) {
        let (above, t) = (bare(head[k - 1]), bare(head[k]));
        let Some(below) = head.get(k + 1).map(|&i| bare(i)) else {
            break;
        };
        let listed = head.get(k + 2).is_some_and(|&i| date_alone(bare(i)))
            || (k >= 2 && date_alone(bare(head[k - 2])));
        let under_title = k == 1 || title_again(title, above);
        let words = above.split_whitespace().count();
        let subtitle = (k == 2 && words >= SUBTITLE_WORDS)
            || (words >= 3 && (crate::record::sentence_like(below) || below.chars().count() > 100));
        if date_alone(t)
            && !date_alone(above)
            && !date_alone(below)
            && !listed
            && (under_title || subtitle)
            && !above.contains(crate::CODE_MARK)
            && !ends_sentence(above)
            && !above.ends_with([':', '：', ';', '；', ','])
            && !out.contains(&head[k])
        {
            out.push(head[k]);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The line right under a text's first (its title) when it says the title again after a
/// label of at most [`TITLE_LABEL_MAX`] letters and a colon (`导语：2023数字安全发展与高峰
/// 论坛召开…` under that title): the same letters and digits, whatever the punctuation
/// and spacing. A summary that says more than the title stays, as does an interview's
/// question (`问：…`, [`crate::markdown::DIALOG_LABELS`]).
fn labelled_title(lines: &[String]) -> Option<usize> {
    let mut head = (0..lines.len()).filter(|&i| !lines[i].trim().is_empty());
    let (first, i) = (head.next()?, head.next()?);
    let title = crate::block::letters(lines[first].trim());
    if title.chars().count() < TITLE_AGAIN_MIN {
        return None;
    }
    let t = lines[i].trim();
    let (label, _, value) = crate::markdown::label_split(t)?;
    let label = label.trim();
    ((1..=TITLE_LABEL_MAX).contains(&label.chars().count())
        && label.chars().all(char::is_alphabetic)
        && !crate::markdown::DIALOG_LABELS
            .iter()
            .any(|d| t.starts_with(d))
        && crate::block::letters(value) == title)
        .then_some(i)
}

/// Most characters of the label before a title said again ([`labelled_title`]).
const TITLE_LABEL_MAX: usize = 4;

/// Fewest letters and digits of a title said again under a label ([`labelled_title`]).
const TITLE_AGAIN_MIN: usize = 6;

/// Whether a line is a mailing list archive's sender (`From: Andrey Stoykov <mwebsec ()
/// gmail com>`, [`header_datelines`]).
fn mail_sender(t: &str) -> bool {
    mail_field(t, "From").is_some_and(|r| {
        // (Its closing `>` trimmed with the line's marks.)
        r.contains(" <") && r.contains(" () ") && r.chars().count() <= MAIL_SENDER_MAX
    })
}

/// The value of a message's header field `label` (`From: …`, the label perhaps in
/// emphasis as the archive writes it, `*From*: …`).
fn mail_field<'a>(t: &'a str, label: &str) -> Option<&'a str> {
    t.trim_start_matches(['*', '_'])
        .strip_prefix(label)?
        .trim_start_matches(['*', '_'])
        .strip_prefix(": ")
}

/// Most characters of a mailing list archive's sender after its label ([`mail_sender`]).
const MAIL_SENDER_MAX: usize = 100;

/// Whether a line is a message's date (`Date: Mon, 28 Oct 2024 13:11:12 +0000`): a date
/// and its time, perhaps an offset after them, and a zone's name after that (`-0700
/// (PDT)`; [`header_datelines`]).
fn mail_date(t: &str) -> bool {
    let Some(value) = mail_field(t, "Date") else {
        return false;
    };
    stamp_pattern().captures(value).is_some_and(|c| {
        // (A zone's name may follow the offset: `-0700 (PDT)`.)
        let rest = c.name("rest").map_or("", |r| r.as_str().trim());
        let zone = match rest.split_once(' ') {
            Some((offset, name)) if name.starts_with('(') && name.ends_with(')') => offset,
            _ => rest,
        };
        let offset = zone.len() == 5
            && zone.starts_with(['+', '-'])
            && zone[1..].bytes().all(|b| b.is_ascii_digit());
        c.name("date").is_some_and(|d| d.start() == 0)
            && c.name("time").is_some()
            && (zone.is_empty() || offset)
    })
}

/// Words from which the line under the title is a subtitle over a date alone, whatever
/// follows the date ([`header_datelines`]): not a label (`Last updated`), a version
/// (`Version 2.3`) or a name.
const SUBTITLE_WORDS: usize = 4;

/// Whether a line is the title said again: the same, or the full form of a title cut
/// short (`…Unauthenticated Access to…` over `…Unauthenticated Access to Paid Content`:
/// the page's title over its heading).
fn title_again(title: &str, line: &str) -> bool {
    let stem = title
        .strip_suffix('…')
        .or_else(|| title.strip_suffix("..."))
        .map(str::trim_end);
    line == title
        || stem.is_some_and(|stem| {
            !stem.is_empty()
                && line.starts_with(stem)
                && line.chars().count() <= TITLE_MAX_CHARS
                && !line.ends_with(['.', '。'])
        })
}

/// Non-blank lines at a text's start among which a date alone goes under the title, the
/// title said again or a subtitle, a line that is no date following it
/// ([`header_datelines`]).
const HEAD_DATE_LINES: usize = 6;

/// Whether a line is a date alone, perhaps with a weekday and a time (`Dec 6, 2024`,
/// `2023年5月26日 09:53`), nothing else.
fn date_alone(t: &str) -> bool {
    t.chars().count() <= 60
        && stamp_pattern().captures(t).is_some_and(|c| {
            c.name("date").is_some_and(|d| d.start() == 0)
                && c.name("rest")
                    .is_some_and(|r| r.as_str().trim_matches(BYLINE_SEPARATORS).is_empty())
        })
}

/// The datelines of [`header_datelines`] between a title and the text's first sentence
/// (a title said again under it, a cut copy's full form, passed over).
fn bylines_under_title<'a>(lines: &'a [String], bare: impl Fn(usize) -> &'a str) -> Vec<usize> {
    let non_blank: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].trim().is_empty())
        .take(HEADER_LINES)
        .collect();
    let prose = |t: &str| crate::record::sentence_like(t) || t.chars().count() > 100;
    // A title: no full stop in it or at its end, at most [`TITLE_MAX_CHARS`] characters
    // (a title may be as long as a sentence: `共对新威胁 共议新安全 2023网络安全运营与实战
    // 大会在京开幕`).
    let title = |t: &str| {
        t.chars().count() <= TITLE_MAX_CHARS
            && !t.contains('。')
            && (!t.ends_with('.') || t.ends_with(".."))
    };
    let mut out = Vec::new();
    let first = match non_blank.first() {
        Some(&first) if title(bare(first)) => bare(first),
        _ => return out,
    };
    for &i in non_blank.iter().skip(1) {
        let t = bare(i);
        if t.contains(crate::CODE_MARK) {
            break;
        }
        if title_again(first, t) {
            continue;
        }
        if dateline(t) {
            // A date over its byline that more lines of the text have is an entry's of a
            // list (a timeline's `October 7, 2024 by Andy Maxwell` over each entry).
            let entry =
                date_then_byline(t) && (i + 1..lines.len()).any(|j| date_then_byline(bare(j)));
            if !entry {
                out.push(i);
            }
        } else if prose(t) {
            // The text starts here: the dates above were its head's.
            return out;
        }
    }
    Vec::new()
}

/// Whether a line is a date, then its byline (`October 7, 2024 by Andy Maxwell`,
/// [`dateline`]).
fn date_then_byline(t: &str) -> bool {
    dateline(t)
        && !date_alone(t)
        && stamp_pattern()
            .captures(t)
            .and_then(|c| c.name("date"))
            .is_some_and(|d| d.start() == 0)
}

/// Whether a line of a text's head only dates it ([`header_datelines`]).
fn dateline(t: &str) -> bool {
    if t.chars().count() > 100 || t.contains(['。', '！', '？', '!', '?']) {
        return false;
    }
    // The line's first date ends it, followed by a time at most.
    let Some(c) = stamp_pattern().captures(t) else {
        return false;
    };
    let (Some(date), Some(rest)) = (c.name("date"), c.name("rest")) else {
        return false;
    };
    const BY: [&str; 10] = [
        "By ", "by ", "Von ", "von ", "Par ", "par ", "Por ", "por ", "Door ", "door ",
    ];
    let head = t[..date.start()].trim_end_matches(BYLINE_SEPARATORS);
    let rest = rest.as_str().trim_matches(BYLINE_SEPARATORS);
    if !rest.is_empty() {
        // A date, then its byline (`October 7, 2024 by Andy Maxwell`): a name of at most
        // five words, capitalised, without a stop or a comma.
        return head.is_empty()
            && BY.iter().any(|lead| {
                rest.strip_prefix(lead).is_some_and(|name| {
                    name.starts_with(char::is_uppercase)
                        && name.split_whitespace().count() <= 5
                        && !name.contains(['.', ',', ';', ':', '|'])
                })
            });
    }
    if head.is_empty() {
        return true;
    }
    let by = BY.iter().any(|lead| {
        head.strip_prefix(lead)
            .and_then(|name| name.chars().next())
            .is_some_and(char::is_alphabetic)
    });
    let named = c.name("time").is_some()
        && head.chars().count() <= STAMP_NAME_MAX
        && !head.contains(['.', ',', ':', '，', '：', '、']);
    (by && !head.contains(['.', ';']) && head.chars().count() <= 60) || named
}

/// Whether a text has any Han or Latin letters (a record without any is empty).
pub fn has_words(text: &str) -> bool {
    text.chars().any(|c| is_han(c) || c.is_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> Lexicon {
        Lexicon::builtin()
    }

    #[test]
    fn a_mail_archives_head_and_a_title_said_again_under_a_label_go() {
        let body = "The scheduler's return parameter sends a signed-in user to any address, which makes an open redirect.";
        let text = format!("Open Redirect in booked-scheduler\n\nFrom: Andrey Stoykov <mwebsec () gmail com>\nDate: Mon, 28 Oct 2024 13:11:12 +0000\n\n{body}\n");
        assert_eq!(
            clean(&text, &lex()).text,
            format!("Open Redirect in booked-scheduler\n\n{body}\n")
        );
        let zoned = format!("Open Redirect in booked-scheduler\n\nFrom: Arik Seils <Arik () Seils info>\nDate: Fri, 17 Mar 2023 08:18:03 +0100 (GMT+01:00)\n\n{body}\n");
        assert_eq!(
            clean(&zoned, &lex()).text,
            format!("Open Redirect in booked-scheduler\n\n{body}\n")
        );
        // Not a sender without an archive's address, a response's date alone, nor a
        // message head under the text.
        for text in [
            format!("Open Redirect in booked-scheduler\n\nFrom: the editor\nDate: Mon, 28 Oct 2024 13:11:12 +0000\n\n{body}\n"),
            format!("Open Redirect in booked-scheduler\n\n{body}\n\nHTTP/1.1 302 Found\nDate: Mon, 28 Oct 2024 13:11:12 GMT\n"),
            format!("Open Redirect in booked-scheduler\n\n{body}\n\n{body}\n\n{body}\n\n{body}\n\n{body}\n\nFrom: A B <a () b c>\nDate: Mon, 28 Oct 2024 13:11:12 +0000\n"),
        ] {
            assert_eq!(clean(&text, &lex()).text, text);
        }
        let lead = "近日，盛邦安全正式推出基于威胁情报的安全运营云管家，帮助中小企业以更低成本获得持续的安全运营能力。";
        let text =
            format!("盛邦安全推出安全运营云管家\n\n导语：盛邦安全推出“安全运营云管家”\n\n{lead}\n");
        assert_eq!(
            clean(&text, &lex()).text,
            format!("盛邦安全推出安全运营云管家\n\n{lead}\n")
        );
        // A summary that says more stays, as does a short title's.
        for text in [
            format!("盛邦安全推出安全运营云管家\n\n导语：盛邦安全推出安全运营云管家，首月免费\n\n{lead}\n"),
            format!("云管家\n\n名称：云管家\n\n{lead}\n"),
            format!("什么是SQL注入攻击\n\n问：什么是SQL注入攻击？\n\n{lead}\n"),
            format!("盛邦安全推出安全运营云管家\n\n{lead}\n\n导语：盛邦安全推出安全运营云管家\n"),
        ] {
            assert_eq!(clean(&text, &lex()).text, text);
        }
    }

    #[test]
    fn wechat_calls_to_long_press_and_copyright_notes_go() {
        let text = "正文第一段，記者報道。\n👉 扫码立即加入，精彩不容错过！\n👇立即扫码进群，预约直播，赢取精美礼品！\n往期推荐\n👉 这一步完成后，服务就会重启。\n长按关注汉尊\n长按识别下方二维码报名：\n投稿邮箱：hanzunwenhua@126.com\n本文版权归“棱镜”公众号所有，如需转载请在文后留言，经允许后方可转载，并在文首注明来源、作者及编辑。\n國安法首案因律政司司長按《國安法》發出的指示，將不設陪審團。\n";
        assert_eq!(
            clean(text, &lex()).text,
            "正文第一段，記者報道。\n👉 这一步完成后，服务就会重启。\n國安法首案因律政司司長按《國安法》發出的指示，將不設陪審團。\n"
        );
    }

    #[test]
    fn an_exact_boilerplate_line_glued_to_a_lines_end_goes() {
        // After an address, after a space, or a notice of two sentences after any text.
        let text = "本文翻译自：https://gbhackers.com/bandit-malware/如若转载，请注明原文地址\n* 本文为闫志坤编译，图片均来源于网络，无法联系到版权持有者。如有侵权，请与后台联系，做删除处理。\nLadon GUI 使用http访问查看图片\n";
        assert_eq!(
            clean(text, &lex()).text,
            "本文翻译自：https://gbhackers.com/bandit-malware/\n* 本文为闫志坤编译\nLadon GUI\n"
        );
        // Not a name after its label, nor a phrase inside a sentence, nor an English word
        // (`Screenshot`); a line that is a notice as a whole goes whole.
        let text = "主论坛：全球最新网络攻击技术\n分论坛一 全球最新网络攻击技术\n报告全文见https://x.org/r.pdf，其中第三章介绍了全球最新网络攻击技术\n本文作者来自绿盟科技蓝军技术研究战队\n他说：如若转载，请注明原文地址，这是站方的要求。\n法院认为，如若转载他人作品而未注明出处，即构成侵权。\n服务器的截图 Screenshot\n本文由某某原创，如若转载，请注明原文地址\n";
        assert_eq!(
            clean(text, &lex()).text,
            "主论坛：全球最新网络攻击技术\n分论坛一 全球最新网络攻击技术\n报告全文见https://x.org/r.pdf，其中第三章介绍了全球最新网络攻击技术\n本文作者来自绿盟科技蓝军技术研究战队\n他说：如若转载，请注明原文地址，这是站方的要求。\n法院认为，如若转载他人作品而未注明出处，即构成侵权。\n服务器的截图 Screenshot\n"
        );
    }

    #[test]
    fn a_word_said_over_and_over_goes() {
        let filler = "网络配图".repeat(90);
        let text = format!("正文第一段，記者報道。\n{filler}\n哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈\n{}\n加油加油加油加油加油！\n", "ab ".repeat(12));
        assert_eq!(
            clean(&text, &lex()).text,
            "正文第一段，記者報道。\n哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈\n加油加油加油加油加油！\n"
        );
    }

    #[test]
    fn a_storys_source_on_its_own_line_under_its_last_paragraph_goes() {
        let story = "Facebook 母公司 Meta 宣布将恢复前总统特朗普在 FB 和 Instagram 的账户。Meta 就其决定称，公众需要能听到政客的意见，才能获得充分信息做出选择。";
        let text = format!("Meta 将恢复特朗普的账号\n\n{story}\n\nhttps://about.fb.com/news/2023/01/trump-facebook-instagram-account-suspension/\n");
        assert_eq!(
            without_source_address_end(&text),
            Some((
                format!("Meta 将恢复特朗普的账号\n\n{story}\n"),
                "https://about.fb.com/news/2023/01/trump-facebook-instagram-account-suspension/"
                    .to_string()
            ))
        );
        // Markdown's autolink too.
        assert!(without_source_address_end(&format!("{story}\n\n<https://x.com/a/b>\n")).is_some());
        // A file to download, a site's home, an address under a line that announces it
        // or under a short line, a digest whose items all end with their addresses, an
        // address with words after it: all stay.
        for text in [
            format!("{story}\n\nhttp://www.acunetix.com/download/tools/WVSSDK.zip\n"),
            format!("{story}\n\nhttps://gfycat.com/\n"),
            "项目地址：\n\nhttps://github.com/x/y\n".to_string(),
            "大家可以参考一下。\n\nhttps://x.com/a/b\n".to_string(),
            format!("{story}\n\nhttps://x.com/a/1\n\n{story}\n\nhttps://x.com/a/2\n"),
            format!("{story}\n\nhttps://x.com/a/b 另见说明\n"),
            "The story ends here.\n\nhttps://x.com/a/b\n".to_string(),
            format!("{story}\n\nhttps://github.com/user/tool\n"),
            format!("{story}\n\nhttp://192.168.1.10/upload/shell.php?cmd=id\n"),
            format!("{story}\n\nhttps://x.com/tool.zip?raw=1\n"),
            format!("{story}直接访问下面的地址即可。\n\nhttps://x.com/a/b\n"),
        ] {
            assert_eq!(without_source_address_end(&text), None, "{text}");
        }
    }

    #[test]
    fn a_blogs_longer_bylines_go_a_sentence_stays() {
        for line in [
            "Posted by Erik Hjelmvik on Wednesday, 02 October 2024 07:10:00 (UTC/GMT)",
            "Posted by Oliver Chang, Dongge Liu and Jonathan Metzman, Google Open Source Security Team",
        ] {
            assert!(entry_meta_line(line), "{line}");
        }
        for line in [
            "Posted by a user on Reddit on Monday, the clip went viral within hours of its upload.",
            "Posted by a resident on social media, the video shows smoke rising over the port",
            "Posted byline",
        ] {
            assert!(!entry_meta_line(line), "{line}");
        }
    }

    #[test]
    fn source_links_glued_to_a_paragraph_go() {
        let text = "作者还预计，特定人群的风险会更高。 doi.org/10.1038/s41558-025-02398-8 中国科学报 气温越高 吃糖越多\nMIPS 将投奔 RISC-V 阵营。 mips.com/press-releases/gf-mips/ https://www.solidot.org/story?sid=67144\n详情见官网。 https://example.com/a 另见说明。\n他说：这是 www.example.com 的问题。 请注意 a.b/c\n他说：“这是领导力。” https://www.nature.com/articles/d41586-024-03078-x\n可以在这里听到，祝大家圣诞快乐！） https://spoti.fi/2R8KTHh\n他写道：「已经修复。」 www.example.com/fix\ncurl -d \"text=部署成功！\" https://hooks.example.com/T000\n金可能的来源。 NASA Where Does Gold Come From? NASA Data Has Clues iopscience.iop.org/article/10.3847/2041-8213/adc9b0\n他说。 See the notes at https://example.com/a for more\n他说。 Linux 内核 https://kernel.org/a\n运行即可。 git clone https://github.com/x/y\n见官网。 GitHub: https://github.com/x/y\n已修复。 The patch is at https://x.com/a.\n";
        let (out, gone) = without_source_links(text);
        // A sentence ended inside a quotation ends with its closing mark; a bracket
        // closed after it is no sentence's end (its link may be what it speaks of), nor
        // is an ASCII quote (a string closed in a line of code).
        assert_eq!(
            out,
            "作者还预计，特定人群的风险会更高。\nMIPS 将投奔 RISC-V 阵营。\n详情见官网。 https://example.com/a 另见说明。\n他说：这是 www.example.com 的问题。 请注意 a.b/c\n他说：“这是领导力。”\n可以在这里听到，祝大家圣诞快乐！） https://spoti.fi/2R8KTHh\n他写道：「已经修复。」\ncurl -d \"text=部署成功！\" https://hooks.example.com/T000\n金可能的来源。\n他说。 See the notes at https://example.com/a for more\n他说。 Linux 内核 https://kernel.org/a\n运行即可。 git clone https://github.com/x/y\n见官网。 GitHub: https://github.com/x/y\n已修复。 The patch is at https://x.com/a.\n"
        );
        assert_eq!(
            gone,
            [
                "doi.org/10.1038/s41558-025-02398-8 中国科学报 气温越高 吃糖越多",
                "mips.com/press-releases/gf-mips/ https://www.solidot.org/story?sid=67144",
                "https://www.nature.com/articles/d41586-024-03078-x",
                "www.example.com/fix",
                "NASA Where Does Gold Come From? NASA Data Has Clues iopscience.iop.org/article/10.3847/2041-8213/adc9b0"
            ]
        );
    }

    #[test]
    fn an_accounts_plug_at_a_paragraphs_end_goes() {
        let text = "那么企惠壹号在当下所推行的奖金制度是怎样的呢？（您身边的防传管家：添加【反传联盟】微信公众号fcx114-com）\n（您身边的防传管家：添加【反传联盟】微信公众号fcx114-com）\n消息发布后引起关注（据其微信公众号消息）\n他说（请关注微信公众号）。\n";
        assert_eq!(
            clean(text, &lex()).text,
            "那么企惠壹号在当下所推行的奖金制度是怎样的呢？\n消息发布后引起关注（据其微信公众号消息）\n他说（请关注微信公众号）。\n"
        );
    }

    #[test]
    fn a_news_agency_alone_under_a_picture_and_a_placeholder_caption_go() {
        // A caption that said nothing but its credit, and one the editor never filled
        // in; a sentence naming the agency stays.
        let text = "一百万人上街，由白天行到夜晚。\n美联社\n路透社，美联社\n請在這輸入 Captain。如不需要captain, 請將此行文字移除\n美联社报道，示威持续到深夜。\n";
        assert_eq!(
            clean(text, &lex()).text,
            "一百万人上街，由白天行到夜晚。\n美联社报道，示威持续到深夜。\n"
        );
    }

    #[test]
    fn an_image_credit_glued_to_its_caption_goes() {
        let text = "1949-1956年的匈牙利国旗。圖片來源：維基百科\n日本农业老龄化严重。照片来源︰youtube截图\n在香港，凹凸不平的路面司空见惯。资料照片来源：高登讨论区\n极氪携各车型集体打卡纽约地标 | 图片来源：极氪\n姑婆山\\图源网络\n事故现场图（图源：视频截图）\n佑安医院门口，市民排队进行核酸检测。（图｜人民视觉；摄影｜陈浩）\n【撰文：陈零／摄影：壹一】\n新发地批发市场暂时休市。摄影/张旭\n皮村当天更换新的通知（图片来源于网络）\n农民自己搭建的窝棚 来源：南风窗\n公司倾向于在香港上市。（来源：新浪财经）\n收费为15元。资料来源：运输署\n▲疑似被强拆（受访者供图）\n他喜欢摄影，也喜欢图片来源的故事。\n这是事实 来源：新华社。\n众新闻制图\n网络照片\n《苹果日报》照片\nEYEPRESS图片\n网络图片，作者制图\n照片由笔者提供\n周满铿摄\n荃湾公园清洁工。周满铿摄\n旧式游乐场设施。网路照片\n年轻时的邓世平  龚菁琦 摄\n一张鉴黄标准粘贴在电脑屏幕前。南都记者 黎湛均 实习生 梁素雅 摄\n交易会高峰论坛 (记者张帅摄)\n社会学家李银河（蔡小川 摄）\n万国兰（资料图片）\n四位评论者照片\n王振华公开资料图片\n禁止拍摄\n";
        assert_eq!(
            clean(text, &lex()).text,
            "1949-1956年的匈牙利国旗。\n日本农业老龄化严重。\n在香港，凹凸不平的路面司空见惯。\n极氪携各车型集体打卡纽约地标\n姑婆山\n事故现场图\n佑安医院门口，市民排队进行核酸检测。\n【撰文：陈零／摄影：壹一】\n新发地批发市场暂时休市。\n皮村当天更换新的通知\n农民自己搭建的窝棚\n公司倾向于在香港上市。（来源：新浪财经）\n收费为15元。资料来源：运输署\n▲疑似被强拆\n他喜欢摄影，也喜欢图片来源的故事。\n这是事实 来源：新华社。\n荃湾公园清洁工。\n旧式游乐场设施。\n年轻时的邓世平\n一张鉴黄标准粘贴在电脑屏幕前。\n交易会高峰论坛\n社会学家李银河\n万国兰\n四位评论者照片\n王振华公开资料图片\n禁止拍摄\n"
        );
    }

    #[test]
    fn end_marks_credits_and_converter_notes_go() {
        let text = "正文第一段，記者報道。\n-END-\n**  END  **\n— END —\n—\u{a0}【 THE END 】—\n· END ·\nTHE\u{a0}END\n编辑 | 唐糖\n编辑｜赵涵漠\n运营编辑：范晟男\n图｜网络\n本文由简悦 SimpRead 转码，原文来自 mp.weixin.qq.com\n（完）\n-完-\n（全文完）\n完成了这项工作。\nEND of the story, he said, was near.\n";
        assert_eq!(
            clean(text, &lex()).text,
            "正文第一段，記者報道。\n完成了这项工作。\nEND of the story, he said, was near.\n"
        );
    }

    #[test]
    fn lines_of_staff_credits_go_an_interviewers_questions_stay() {
        let text = "正文第一段，記者報道。\n编辑 刘晓阳 校对 李铭\n记者|曹蓓 编辑|王毕强\n文|王一然 编辑|王珊\n撰文 朱南柔  编辑 杜藤\n摄影 杨文彬 | 撰文 郄艺 | 编辑 贾如\n摄影：Andrew S.T. Wong\n市委宣传部供稿  摄影/张艳  编辑/苏芳\n新华社供图\n▲疑似被强拆（受访者供图）\n图：cloudyup\n美编 | 黄山\n插图/ 老牛\n记者：王珊 张从志\n记者：郑启智、张凯杰\n作者：Paul Graham\n文｜巴芮\n记者：罗恩惠（罗）\n记者：现在北大对于改革的态度有变化吗？\n记者：？\n图 1 设计 流程\n编辑 张三\n设计 师傅\n视频：4K\n出品：华纳兄弟\n作者 | 周永亮编辑| 郑玄\n作者 | 曹思颀、张勇毅编辑| 靖宇\n作者 | 周永亮编辑\n撰稿 | Jesse编辑| 靖宇\n记者：关于视频：谁负责\n";
        assert_eq!(
            clean(text, &lex()).text,
            "正文第一段，記者報道。\n▲疑似被强拆\n图：cloudyup\n记者：王珊 张从志\n记者：郑启智、张凯杰\n作者：Paul Graham\n文｜巴芮\n记者：罗恩惠（罗）\n记者：现在北大对于改革的态度有变化吗？\n记者：？\n图 1 设计 流程\n编辑 张三\n设计 师傅\n视频：4K\n出品：华纳兄弟\n作者 | 周永亮编辑\n记者：关于视频：谁负责\n"
        );
    }

    #[test]
    fn social_links_a_placeholder_caption_and_a_contact_line_go() {
        let text = "正文第一段，記者報道。\nMy article is open to everyone; non-member readers can click this link to read the full text.\nNot a Medium member? Read this story for free here.\nFree Link\nFacebook: http://bit.ly/facebook-64-follow\nYouTube: http://bit.ly/youtube-64-subscribe\n请在这输入 Caption。如不需要caption, 请将此行文字移除\n合作及投稿邮箱：eeobook@sina.com\nIndice degli argomenti\nFacebook: the company said on Monday that it would appeal.\n";
        assert_eq!(
            clean(text, &lex()).text,
            "正文第一段，記者報道。\nFacebook: the company said on Monday that it would appeal.\n"
        );
    }

    #[test]
    fn a_posts_meta_line_and_a_lone_contents_heading_go() {
        let text = "正文第一段，記者報道。\n2025-01-20  Add-Ons/Security/Google  23 mins  11 comments\n2024-03-02 · 5 min read\nContents\n目录\n2025-01-20 was the day 11 comments were posted.\nContents of the box were stolen.\n2023-06-14 09:12 UTC failover took 12 minutes\n";
        assert_eq!(
            clean(text, &lex()).text,
            "正文第一段，記者報道。\n2025-01-20 was the day 11 comments were posted.\nContents of the box were stolen.\n2023-06-14 09:12 UTC failover took 12 minutes\n"
        );
    }

    #[test]
    fn an_entry_meta_line_run_together_goes() {
        let text = "正文第一段，記者報道。\nPosted byericlaw2023-08-252025-08-20Posted inlife, storytellingTags:ProjectK\nPosted by the vendor in March, the advisory was posted in full later.\nPosted by the admin team, Posted in the news section: the notice explains the outage in detail.\n";
        assert_eq!(
            clean(text, &lex()).text,
            "正文第一段，記者報道。\nPosted by the vendor in March, the advisory was posted in full later.\nPosted by the admin team, Posted in the news section: the notice explains the outage in detail.\n"
        );
    }

    #[test]
    fn a_reading_time_line_goes() {
        let text = "正文第一段，記者報道。\n·Nov 7, 2025·11 min read\nWritten By Feb 11, 2019 · 3 min read\nBy Amelie Marie Nishizawa Feb 14, 2020 5 min read\nReading Time:   6 minutes\n22. Januar 2020 @ 18:13 // Autor: c1ph4 // ~ Lesezeit: 1 Minute\n阅读时间:    3min\n阅读时长：4～6min\n11 Minute Read\nUnderstand Docusaurus in 5 minutes by playing!\nTotal Time: 20 minutes\nMost readers need 5 min to read it, and the 3 min read below is optional.\n";
        assert_eq!(
            clean(text, &lex()).text,
            "正文第一段，記者報道。\nUnderstand Docusaurus in 5 minutes by playing!\nTotal Time: 20 minutes\nMost readers need 5 min to read it, and the 3 min read below is optional.\n"
        );
    }

    #[test]
    fn stray_emphasis_markers_at_a_lines_edges_go_masks_stay() {
        let text = "**【编者按】戴耀廷在台湾发表「民主自决」论，引起讨论。\n黄浩铭却依然喊得激昂。 **\n**** 我当然知悉法院现时需要处理大量案件。\n***旧文重温 〈草原狼与看门狗〉 ***\n密码是****\n账号 sk-kq**** 和 **粗体** 都在。\n**重要**，另见 **下文\n**kwargs: 关键字参数\n**Listen up—Malwarebytes doesn’t just talk\n";
        assert_eq!(
            clean(text, &lex()).text,
            "【编者按】戴耀廷在台湾发表「民主自决」论，引起讨论。\n黄浩铭却依然喊得激昂。\n我当然知悉法院现时需要处理大量案件。\n旧文重温 〈草原狼与看门狗〉\n密码是****\n账号 sk-kq**** 和 **粗体** 都在。\n**重要**，另见 **下文\n**kwargs: 关键字参数\nListen up—Malwarebytes doesn’t just talk\n"
        );
    }

    #[test]
    fn a_related_label_with_its_title_and_calls_to_like_or_share_go() {
        let text = "正文第一段，記者報道。\n相关文章： 追踪何志平涉贿非洲政要\n相关报道：\n2019年的本周（第 64 期）：新人如何进入互联网行业？\n去年的本周：《周刊第 38 期：阅读 APP 的可能性》\n欢迎点赞【 海上闲话：只负责一面之词 】专页\n欢迎转发朋友圈，留言理性探讨\n相关报道指出，这家公司去年的营收增长了三成。\n";
        assert_eq!(
            clean(text, &lex()).text,
            "正文第一段，記者報道。\n相关报道指出，这家公司去年的营收增长了三成。\n"
        );
    }

    #[test]
    fn object_replacement_characters_go() {
        assert_eq!(
            clean(
                "城市暴动\u{FFFC}\u{FFFC}\u{FFFC}\n\u{FFFC}\n正文。\n",
                &lex()
            )
            .text,
            "城市暴动\n\n正文。\n"
        );
    }

    #[test]
    fn a_posts_tag_row_share_labels_and_numbered_disclaimer_go() {
        let text = "正文第一段，記者報道。\nweb安全 # 企业安全\n1.一般免责声明：本文所提供的技术信息仅供参考，不构成任何专业建议。\n2. 适用性声明：文中技术内容可能不适用于所有情况或系统。\n3. 更新声明：技术发展迅速，文章内容可能存在滞后性。\n适用性声明（SoA）是ISO 27001体系的核心文件，列出组织选用的控制措施。\nShare URL\nShare this:\nShare on Facebook\nlinux # 系统安全 # 安卓安全 # 内核\nalabaster==0.7.12 # Installed as dependency\nC # 是一门语言。\n(replace # with @)\nnpm run build # 打包\nmake -j4 # 编译\nsudo reboot # 重启\n";
        assert_eq!(
            clean(text, &lex()).text,
            "正文第一段，記者報道。\n适用性声明（SoA）是ISO 27001体系的核心文件，列出组织选用的控制措施。\nalabaster==0.7.12 # Installed as dependency\nC # 是一门语言。\n(replace # with @)\nnpm run build # 打包\nmake -j4 # 编译\nsudo reboot # 重启\n"
        );
    }

    #[test]
    fn a_reposts_line_of_origin_and_a_call_to_comment_go() {
        let text = "原文来自微信公众号「捎话」，作者夏显虎：[潘福仁受审记](https://archive.li/Gsdcn)\n文本源自「端传媒」：早报：香港\n原文载于 作者Facebook专页\n原文来自南方周末\n原文来自 中青报深度\n原文载于作者fb Daniel Kin 众新闻获授权转载\n正文第一段，記者報道。\n欢迎留言分享，留言将会选刊在本周末的书评周刊上喔~\n原文来自一位读者的来信。他写道，这件事让他想了很久。\n原文来自一位读者的来信，他说这件事让他想了很久。\n转载自己的文章也要注明出处\n";
        assert_eq!(
            clean(text, &lex()).text,
            "正文第一段，記者報道。\n原文来自一位读者的来信。他写道，这件事让他想了很久。\n原文来自一位读者的来信，他说这件事让他想了很久。\n转载自己的文章也要注明出处\n"
        );
    }

    #[test]
    fn an_ip_location_line_goes_anywhere() {
        let text = "正文第一段，記者報道。\n所属地 上海\nIP属地：中国香港\nip属地: United States\n所属地区：华东\n所属地 上海市浦东新区张江高科技园区的一家公司\nIP属地：上海。\n";
        assert_eq!(
            clean(text, &lex()).text,
            "正文第一段，記者報道。\n所属地区：华东\n所属地 上海市浦东新区张江高科技园区的一家公司\nIP属地：上海。\n"
        );
    }

    #[test]
    fn an_accounts_call_to_follow_and_its_name_go() {
        let text = "正文第一段，記者報道。\n关注我们，获取更多安全资讯和技术分析！\n微信公众号: 黑伞安全\n微信公众号是腾讯在二〇一二年推出的服务，让个人和机构向订阅者推送文章，也成了许多媒体的主要渠道。\n微信公众号：这种由腾讯在二〇一二年推出的服务让个人和机构向订阅者推送文章，后来成了许多媒体和政府机构最主要的发布渠道之一，至今仍然如此。\n";
        assert_eq!(
            clean(text, &lex()).text,
            "正文第一段，記者報道。\n微信公众号是腾讯在二〇一二年推出的服务，让个人和机构向订阅者推送文章，也成了许多媒体的主要渠道。\n微信公众号：这种由腾讯在二〇一二年推出的服务让个人和机构向订阅者推送文章，后来成了许多媒体和政府机构最主要的发布渠道之一，至今仍然如此。\n"
        );
    }

    #[test]
    fn reprint_notices_and_lines_of_origin_go_reports_of_a_ban_stay() {
        let text = "正文第一段，記者報道。\n本文为极客公园原创文章，转载请联系极客君微信 geekparkGO\n版权归作者所有，任何形式转载请联系作者。\n（本文由腾讯新闻出品。未经允许禁止转载。）\n转载请注明出处和本文链接\n本文由雷石安全实验室原创发布\n本文為新媒體女性原創稿件，轉載請聯繫授權\n法院判决被告禁止转载原告作品。\n本文由记者在现场采访后原创发布于周一，此后多家媒体转引了其中的数据和说法，引起了广泛的讨论和关注。\n法院认为，被告未经作者同意转载原告文章，违反了“禁止转载”的声明。\n今天复现了这个漏洞，过程如下文所述。转载请注明出处。\n本文由本报记者在事发现场连续采访了多位当事人和目击者并查阅了大量的资料之后才原创发布\n轉載請註明出處\n";
        assert_eq!(
            clean(text, &lex()).text,
            "正文第一段，記者報道。\n法院判决被告禁止转载原告作品。\n本文由记者在现场采访后原创发布于周一，此后多家媒体转引了其中的数据和说法，引起了广泛的讨论和关注。\n法院认为，被告未经作者同意转载原告文章，违反了“禁止转载”的声明。\n今天复现了这个漏洞，过程如下文所述。转载请注明出处。\n本文由本报记者在事发现场连续采访了多位当事人和目击者并查阅了大量的资料之后才原创发布\n"
        );
    }

    #[test]
    fn a_read_the_original_label_at_an_items_end_goes() {
        let text = "跨国金融公司富达投资向美国监管机构通报遭到黑客攻击，约 7.7 万名客户个人信息遭到泄露。 【阅读原文】\n该漏洞影响了 FortiOS 的多个版本。 【外刊-阅读原文】\n这包括 Sliver 后期开发框架和 Gh0st RAT。[点击“阅读原文”查看详情]\n青少年最初是如何加入世界上最大的网络团伙的？【阅读原文】\n他在文中写道：“请点击【阅读原文】”，然后离开。\n【阅读原文】\n引用的标准见[RFC 9110]\n公众号文章底部有一个按钮【阅读原文】\n";
        assert_eq!(
            clean(text, &lex()).text,
            "跨国金融公司富达投资向美国监管机构通报遭到黑客攻击，约 7.7 万名客户个人信息遭到泄露。\n该漏洞影响了 FortiOS 的多个版本。\n这包括 Sliver 后期开发框架和 Gh0st RAT。\n青少年最初是如何加入世界上最大的网络团伙的？\n他在文中写道：“请点击【阅读原文】”，然后离开。\n引用的标准见[RFC 9110]\n公众号文章底部有一个按钮【阅读原文】\n"
        );
    }

    #[test]
    fn a_source_links_word_at_a_lines_end_goes() {
        let text =
            "本周，太阳活动剧烈，上图是长城。（via）\nThe photo (via) a friend stays.\n（via）\n";
        let c = clean(text, &lex());
        assert_eq!(
            c.text,
            "本周，太阳活动剧烈，上图是长城。\nThe photo (via) a friend stays.\n（via）\n"
        );
    }

    #[test]
    fn calls_to_scan_a_qr_code_go_reports_of_scanning_stay() {
        let text = "正文第一段，讲述了这门课程的内容。\n微信扫描下方二维码，加入职坐标 Web 前端学习群，回复“小程序”就可获得1元体验券。\n点击这里或者手机扫描下面二维码，微信添加课程助理，就可以免费领取，只有 50 个名额。\n扫描下方二维码即可报名↓\n骗子诱导受害人扫描二维码，添加所谓客服后领取“退款”。\n市民可扫描二维码了解详情，警方提醒不要轻信。\n";
        assert_eq!(
            clean(text, &lex()).text,
            "正文第一段，讲述了这门课程的内容。\n骗子诱导受害人扫描二维码，添加所谓客服后领取“退款”。\n市民可扫描二维码了解详情，警方提醒不要轻信。\n"
        );
    }

    #[test]
    fn a_date_alone_is_no_counter() {
        for d in [
            "2018.9.6",
            "2009-6-11",
            "**2019 年 2 月 12 日**",
            "●2017年12月19日",
            "2000 年 5 月 27-28 日",
            "_2018-05-14_",
        ] {
            assert!(date_line(d), "{d}");
        }
        for d in [
            "2018-04-26 23:33",
            "52203",
            "2024-50857",
            "20181",
            "1234.5678",
            "第2018年",
        ] {
            assert!(!date_line(d), "{d}");
        }
        let text = "不孝女：倩 绝笔\n2018.9.6\n+1\n52203\n2018-04-26 23:33\n";
        assert_eq!(clean(text, &lex()).text, "不孝女：倩 绝笔\n2018.9.6\n");
    }

    #[test]
    fn boilerplate_lines_go_article_lines_stay() {
        let text = "來源:\n人民日報\n閱讀正文\n\n標題在這裏\n\n正文第一段，記者報道。\n責任編輯: 王曉娟\n關鍵詞:\n+1\n為你推薦\n\n加載更多新聞\n020020030100000000000000011100001211615065\n(責編: 李文治)\n版權聲明:凡注明“來源:中國西藏網”的所有作品,版權歸高原文化傳播有限公司。\n";
        let c = clean(text, &lex());
        assert_eq!(c.text, "標題在這裏\n\n正文第一段，記者報道。\n");
    }

    #[test]
    fn a_caption_said_twice_on_one_line_is_said_once() {
        let text = "AsyncRAT figura 1 AsyncRAT figura 1\nbye bye\n俄乌战争前线 俄乌战争前线\n== ==\nThe end. The end.\n";
        assert_eq!(
            clean(text, &lex()).text,
            "AsyncRAT figura 1\nbye bye\n俄乌战争前线\nThe end.\n"
        );
    }

    #[test]
    fn a_posts_rating_box_and_a_bylines_bare_label_go() {
        // The byline's name and the related list were links and went as menus; what they
        // left, and the rating box, go too. A sentence that begins with the same words
        // stays.
        let text = "Pubblicato\nBy\nTweet\nThe attack was aimed at a European network infrastructure company.\nBy the end of the week the botnet was gone.\ntags\nRelated Posts:\nRate this post\nFound this helpful?\nIf this article helped you, please share it with others who might benefit.\n";
        let c = clean(text, &lex());
        assert_eq!(
            c.text,
            "The attack was aimed at a European network infrastructure company.\nBy the end of the week the botnet was gone.\n"
        );
    }

    #[test]
    fn icon_glyphs_mark_a_meta_line_and_a_share_button_han_text_keeps_its_own() {
        // Icon fonts' glyphs, saved with the page: a calendar and a person before the
        // date and the author; share buttons after `SHARE`. Inside Han text the same
        // area holds a Hong Kong character (`在\u{e3d4}口`), which stays.
        let text = "\u{e802}Mar 17, 2023\u{e804}Ravie LakshmananCyber Attack / Cyber Espionage\nSHARE \u{f09a}\u{f099}\u{f0e1}\n\u{f1e0} Share this article\n正文第一段，記者在\u{e3d4}口報道。\n\u{e802}2023 was a year of records\u{e804} for ransomware, the report says.\n\u{e802}Mar 17, 2023\n";
        let c = clean(text, &lex());
        assert_eq!(
            c.text,
            "正文第一段，記者在\u{e3d4}口報道。\n\u{e802}2023 was a year of records\u{e804} for ransomware, the report says.\n\u{e802}Mar 17, 2023\n"
        );
    }

    #[test]
    fn credits_menus_and_notices_under_a_chinese_article_go() {
        let text = "正文第一段，記者報道。\n校对：朱逸蕾、张梦圆、胡越\n来源｜南方周末\n点击菜单栏【便民服务】解锁更多服务！\n看都看完了，点【在看】试试\n2、回复【福利】查看各种政策福利\n阅读数(15878）\n特别声明：以上内容为自媒体平台用户上传并发布。\n（声明：我绝无性别歧视，只不过谚语之后循例系要咁解。）\n安装新浪财经客户端第一时间接收最全面的市场资讯→【下载地址】\n(本文来自澎湃新闻，更多原创资讯请下载“澎湃新闻”APP)\n校对工作由编辑部完成，读者来信请寄本社。\n回复他的人很多，【注】见下文。\n";
        let c = clean(text, &lex());
        assert_eq!(
            c.text,
            "正文第一段，記者報道。\n（声明：我绝无性别歧视，只不过谚语之后循例系要咁解。）\n校对工作由编辑部完成，读者来信请寄本社。\n回复他的人很多，【注】见下文。\n"
        );
    }

    #[test]
    fn a_portals_back_link_glued_to_a_line_goes() {
        let text = "網信辦表示，整顿仍将持续。返回腾讯网首页>>\n作者：余毅菁 向雪妮返回搜狐，查看更多\n返回搜狐，查看更多\n他说要返回首页>>\n点击返回，查看更多内容。\n";
        let c = clean(text, &lex());
        assert_eq!(
            c.text,
            "網信辦表示，整顿仍将持续。\n作者：余毅菁 向雪妮\n他说要\n点击返回，查看更多内容。\n"
        );
    }

    #[test]
    fn section_numbers_stay_a_pager_and_a_lone_number_go() {
        let text = "01.\n\n开头一段。\n\n02.\n\n第二段。\n\n（1）\n\n一项。\n\n（2）\n\n二项。\n\n导语一段。\n\n01\n\n相关路段强制分流，请绕行。\n\n02\n\n提前规划出行路线。\n\n1\n2\n3\n\n正文最后一段。\n\n+1\n\n7\n\n结尾。\n\n32\n\n另一条。\n\n31\n\n又一条。\n\n- 1 -\n\n圈子很小。\n\n- 2 -\n\n出路不多。\n\n-01-\n\n第一节。\n\n-02-\n\n第二节。\n\n- 5\n";
        let c = clean(text, &lex());
        assert_eq!(
            c.text,
            "01.\n\n开头一段。\n\n02.\n\n第二段。\n\n（1）\n\n一项。\n\n（2）\n\n二项。\n\n导语一段。\n\n01\n\n相关路段强制分流，请绕行。\n\n02\n\n提前规划出行路线。\n\n正文最后一段。\n\n结尾。\n\n另一条。\n\n又一条。\n\n- 1 -\n\n圈子很小。\n\n- 2 -\n\n出路不多。\n\n-01-\n\n第一节。\n\n-02-\n\n第二节。\n"
        );
    }

    #[test]
    fn a_call_for_submissions_in_quotation_marks_goes() {
        // The contact line a WeChat account closes its reposts with, quoted whole; a quote
        // that only begins with such words, and a sentence that does, stay.
        let text = "正文最后一段，明确了车企的责任和义务。\n“投稿联系方式：孙中豪 010-82992251   sunzhonghao@cert.org.cn”\n“投稿联系方式”这几个字印在封底。\n“长按二维码，”他说，“就能关注我们。”\n";
        let c = clean(text, &lex());
        assert_eq!(
            c.text,
            "正文最后一段，明确了车企的责任和义务。\n“投稿联系方式”这几个字印在封底。\n“长按二维码，”他说，“就能关注我们。”\n"
        );
    }

    #[test]
    fn a_list_of_figures_stays_pagers_and_counters_go() {
        let text = "支持HTTP的端口如下。\n80\n8080\n8880\n2052\n2082\n翻页。\n1\n2\n3\n4\n按年份。\n2024\n2023\n2022\n2021\n分享。\n0\n0\n0\n0\n点赞。\n12\n345\n6\n结尾。\n";
        let c = clean(text, &lex());
        assert_eq!(
            c.text,
            "支持HTTP的端口如下。\n80\n8080\n8880\n2052\n2082\n翻页。\n按年份。\n分享。\n点赞。\n结尾。\n"
        );
    }

    #[test]
    fn a_list_of_dated_titles_at_the_end_goes() {
        let text = "中美贸易战进入持久战，中国人的斗志被激发，这是文章的最后一段。\n\n【眉山剑客】拖长贸易战使中国化被动为主动大参考\n\n2019-09-07\n\n美国梦早已跌下神坛，美国能挣扎向前吗？大参考\n\n2019-09-07\n\n【新闻晨信】印度无人登月惨遭失败大参考\n\n2019-09-07\n";
        let c = clean(text, &lex());
        assert_eq!(
            c.text,
            "中美贸易战进入持久战，中国人的斗志被激发，这是文章的最后一段。\n"
        );
        // Two such pairs, or a diary's dated entries that are the whole text, stay.
        let two = "这是文章的最后一段，作者写于家中。\n\n第一篇\n2019-09-07\n第二篇\n2019-09-08\n";
        assert_eq!(clean(two, &lex()).text, two);
        let diary = "晴\n2019-09-06\n雨\n2019-09-07\n阴\n2019-09-08\n";
        assert_eq!(clean(diary, &lex()).text, diary);
    }

    #[test]
    fn an_appeal_to_follow_the_site_goes() {
        let text = "The flaw was patched in March.\nFound this article interesting? Follow us on Google News, Twitter and LinkedIn to read more exclusive content we post.\nFound this article interesting, the researchers wrote a second one.\n";
        let c = clean(text, &lex());
        assert_eq!(
            c.text,
            "The flaw was patched in March.\nFound this article interesting, the researchers wrote a second one.\n"
        );
    }

    #[test]
    fn a_browser_notice_a_reprint_note_and_a_sign_up_consent_go() {
        let text = "Home Depot reported higher sales in the third quarter.\nWe've detected you are on Internet Explorer. For the best Barrons.com experience, please update to a modern browser.\nThis copy is for your personal, non-commercial use only. To order presentation-ready copies for distribution to your colleagues, clients or customers visit http://www.djreprints.com.\nBy signing up, you agree to receive email marketing.\nGet editor selected deals texted right to your phone!\nBy signing up for the loyalty card, shoppers agreed to nothing new.\n";
        assert_eq!(
            clean(text, &lex()).text,
            "Home Depot reported higher sales in the third quarter.\nBy signing up for the loyalty card, shoppers agreed to nothing new.\n"
        );
    }

    #[test]
    fn a_label_goes_a_sentence_that_starts_with_its_word_stays() {
        let text = "正文第一段，記者報道。\n下一篇：朱令案始末\n上一篇 [標題](https://example.com/1)\n发布时间2019-11-30\n关键词\n下一篇会把物化2班31个人的不同阵营列出来供大家参考。\n关键词是“真名”，其余都取化名。\n上一篇《那是良心的价格》\n上一篇《那是良心的价格》引起众议，当事人都回应了。\n";
        let c = clean(text, &lex());
        assert_eq!(
            c.text,
            "正文第一段，記者報道。\n下一篇会把物化2班31个人的不同阵营列出来供大家参考。\n关键词是“真名”，其余都取化名。\n上一篇《那是良心的价格》引起众议，当事人都回应了。\n"
        );
    }

    #[test]
    fn a_network_address_alone_is_no_counter() {
        let text =
            "目标机器\n10.10.11.194\n开放端口如下。\n192.168.1.0/24\n10.0.0.1:8080\n1024\n1.2.3\n";
        let c = clean(text, &lex());
        assert_eq!(
            c.text,
            "目标机器\n10.10.11.194\n开放端口如下。\n192.168.1.0/24\n10.0.0.1:8080\n"
        );
    }

    #[test]
    fn a_columns_footer_goes_a_sentence_about_a_columnist_stays() {
        let text = "对此，保留一个疑问。\n\nVideos by VICE\n\n专栏作家\n\n题图来自Pixabay，基于 CC0 协议.\n\n该文观点仅代表作者本人，人人都是产品经理平台仅提供信息存储空间服务。\n\n专栏作家李华认为，这一决策是正确的。\n";
        assert_eq!(
            clean_markdown(text, &lex()).text.trim_end(),
            "对此，保留一个疑问。\n\n专栏作家李华认为，这一决策是正确的。"
        );
    }

    #[test]
    fn a_keyword_label_goes_with_its_keyword() {
        for (text, cleaned) in [
            (
                "**关键词**\n\n黑客\n\n据中国青年报报道，检察院近期公布了一起案件。\n",
                "据中国青年报报道，检察院近期公布了一起案件。\n",
            ),
            (
                "关键字：\n安全漏洞\n据报道，该漏洞已被利用。\n",
                "据报道，该漏洞已被利用。\n",
            ),
            (
                "**关键词**\n\n**勒索软件**\n\n据报道，该漏洞已被利用。\n",
                "据报道，该漏洞已被利用。\n",
            ),
        ] {
            let c = clean_markdown(text, &lex());
            assert_eq!(c.text.trim_start(), cleaned, "{text}");
        }
        // A sentence under the label stays (the label alone goes, as before); so do a
        // heading, a list's item, a table's row and code under it, and a term over
        // another heading.
        let c = clean_markdown("**关键词**\n\n黑客利用漏洞窃取了数据。\n", &lex());
        assert_eq!(c.text.trim_start(), "黑客利用漏洞窃取了数据。\n");
        for kept in [
            "## 关键词\n\n### 长尾关键词\n\n长尾关键词是指搜索量较小的词。\n",
            "**关键词**\n\n* 黑客\n* 勒索软件\n\n据报道，该漏洞已被利用。\n",
            "关键字\n\n关键字 | 说明\n--- | ---\nas | 别名\n",
            "**关键字**\n\n长尾词\n\n### 第二节\n",
        ] {
            let c = clean_markdown(kept, &lex());
            let last_word = kept.trim_end().rsplit(['\n', ' ']).next().unwrap_or("");
            assert!(c.text.contains(last_word), "{kept} -> {}", c.text);
            assert!(
                !kept.contains("长尾") || c.text.contains("长尾"),
                "{kept} -> {}",
                c.text
            );
            assert!(
                !kept.contains("* 黑客") || c.text.contains("黑客"),
                "{kept} -> {}",
                c.text
            );
        }
        let code = "**关键字**\n\n```\nFalse None True and as\n```\n\n这些是 Python 的关键字。\n";
        assert!(clean_markdown(code, &lex())
            .text
            .contains("False None True"));
    }

    #[test]
    fn a_source_label_goes_with_the_address_it_labels() {
        for (text, cleaned) in [
            (
                "欧洲刑警组织表示已逮捕多人。\n\n**文章来源：**\n\n> https://www.bleepingcomputer.com/news/security/encrochat/\n",
                "欧洲刑警组织表示已逮捕多人。\n",
            ),
            (
                "目前已修复。\n\n文章来源：\n\nhttps://www.darkreading.com/vulnerabilities-threats/macos-safari\n\n下一段正文。\n",
                "目前已修复。\n\n下一段正文。\n",
            ),
            (
                "目前已修复。\n原文来源：\n<https://securityaffairs.com/167862/hacking/a.html>\n",
                "目前已修复。\n",
            ),
            (
                "目前已修复。\n\n来源：\n\nhttps://www.bleepingcomputer.com/news/security/x/\n",
                "目前已修复。\n",
            ),
        ] {
            let c = clean_markdown(text, &lex());
            assert_eq!(c.text.trim_end(), cleaned.trim_end(), "{text}");
        }
        // The label's text when it is no label alone, or when a sentence follows it, and
        // a sentence that names the sources: kept.
        for kept in [
            "目前已修复。\n\n文章来源：\n\n本文编译自多家媒体的报道。\n",
            "我们的数据有两个来源：\n\nhttps://data.example.org/a\n",
        ] {
            let c = clean_markdown(kept, &lex());
            assert!(
                c.text.contains(kept.lines().last().unwrap_or("")),
                "{kept}\n{}",
                c.text
            );
        }
    }

    #[test]
    fn every_removed_line_is_listed_with_its_rule() {
        let text = "來源:\n人民日報\n標題\n\n正文第一段，記者報道。\n責任編輯: 王曉娟\n+1\n";
        let c = clean(text, &lex());
        assert_eq!(c.text, "標題\n\n正文第一段，記者報道。\n");
        assert_eq!(
            c.removed,
            [
                ("來源:".to_string(), "source"),
                ("人民日報".to_string(), "source"),
                ("責任編輯: 王曉娟".to_string(), "boilerplate"),
                ("+1".to_string(), "digits"),
            ]
        );
        assert_eq!(c.removed_lines, c.removed.len());
    }

    #[test]
    fn github_and_italian_interface_lines_go() {
        let text = "HuYlllc pushed to dev in chainreactors/malice-network\n\nComparing changes\n\nChoose two branches to see what’s changed or to start a new pull request. If you need to, you can also  compare across forks or learn more about diff comparisons.\n\nOpen a pull request\n\nbase repository: chainreactors/malice-network\n\nFailed to load repositories. Confirm that selected base ref is valid, then try again.\n\nCould not load branches\n\nNothing to show\n\nPinned Loading\n\nThis repository was archived by the owner on Feb 7, 2022. It is now read-only.\n\nThis commit was created on GitHub.com and signed with GitHub’s verified signature. The key has expired.\n\nIndirizzo copiato\n\nLa tua opinione è importante per noi!\n\nINVIA\n\nNothing to show for this query, the search said, so we tried another one.\n";
        assert_eq!(
            clean(text, &lex()).text,
            "HuYlllc pushed to dev in chainreactors/malice-network\n\nNothing to show for this query, the search said, so we tried another one.\n"
        );
    }

    #[test]
    fn a_language_picker_goes_a_sentence_naming_languages_stays() {
        let picker = "Choose a language English Afrikaans العربية Azərbaycan Беларуская Български Català Český Cymraeg Danske Deutsch Ελληνικά Euskal Español Eesti فارسی Suomalainen Français Gaeilge Galego हिन्दी Hrvatski Magyar 日本 한국어 Polski Português Română Русский Svenska ไทย Filipino 中文 (简体字) 中文 (正体字)";
        assert!(boilerplate(picker, &lex()));
        for kept in [
            "The app speaks English, Deutsch, Español, Français, Italiano, Português, Русский and 日本語.",
            "English Deutsch Español Français",
            "English Deutsch Español Français Italiano Português Polski",
            "| Vendor | English | Deutsch | Español | Français | Italiano | Português | Polski | Русский |",
        ] {
            assert!(!boilerplate(kept, &lex()), "{kept}");
        }
    }

    #[test]
    fn code_brackets_alone_stay_counters_go() {
        for kept in ["}", "{", ");", "})", "];", "} }"] {
            assert!(!digits(kept), "{kept}");
        }
        for gone in ["+1", "12", "·", "|", "(2)", "[", "[ ]", "(", ")"] {
            assert!(digits(gone), "{gone}");
        }
    }

    #[test]
    fn a_view_counter_goes() {
        for line in [
            "(Visited 325 times, 2 visits today)",
            "(Visited 1,902 times, 364 visits today)",
            "Visited 1 time, 1 visit today",
            "(Visited 58 times)",
            "Views: 443",
            "Post Views: 13,833",
            "阅读： 702",
            "阅读次数: 8,589 次",
            "浏览量：1.2万",
            "閱讀:34",
            "本文字数：3706",
            "本文字数： 2.3k",
            "字数：552",
            "点赞(3)",
            "点赞 (0)",
            "點讚（12）",
        ] {
            assert!(view_counter_line(line), "{line}");
            assert!(boilerplate(line, &lex()), "{line}");
        }
        for kept in [
            "Visited 3 times by the inspectors, the plant was closed in May.",
            "We visited 325 sites, 2 of them today.",
            "(Visited the museum twice)",
            "Views: the board's, not ours",
            "Reads: 3 of 4 succeed",
            // A cache's statistics, a line each.
            "Hits: 1,024",
            "Reads: 3400",
            // An exam's parts and their marks; a count said in a sentence.
            "阅读：30分",
            "阅读：第 3 章",
            "阅读量：2023 年增长了 30%",
            "字数：不少于 800 字",
            // A count of likes said in a sentence, a vote's tally.
            "点赞(3)次以上的评论会置顶。",
            "点赞：支持",
        ] {
            assert!(!view_counter_line(kept), "{kept}");
        }
    }

    #[test]
    fn a_call_to_tap_read_the_original_goes() {
        for line in [
            "请点击文末「阅读原文」",
            "规范详情请点击文章下方“阅读原文”查看。",
            "有意向者可点击文末【阅读原文】投递简历~",
            "👇 点击左下方 阅读原文直抵赛场 👇",
            "议题报名通道：点击阅读原文或扫描下方二维码",
            "戳“阅读原文”一起来充电吧！",
        ] {
            assert!(read_original_call(line), "{line}");
            assert!(boilerplate(line, &lex()), "{line}");
        }
        for kept in [
            // The button named, not tapped; a long sentence about it; a tap elsewhere.
            "公众号文章底部有一个按钮叫阅读原文",
            "用户点击之后，页面会跳转到攻击者控制的域名，而不是公众号文章的阅读原文链接所指向的地址，这正是漏洞所在。",
            "点击确定后，阅读原文件内容",
            "报告的链接如下，也可直接点击阅读原文跳转，欢迎阅读并分享 :)",
        ] {
            assert!(!read_original_call(kept), "{kept}");
        }
    }

    #[test]
    fn a_wordpress_entry_footer_goes() {
        assert!(entry_footer_line(
            "Author Erik PistelliPosted on March 20, 2023March 20, 2023Categories PackageTags Deobfuscation, Powershell"
        ));
        assert!(entry_footer_line(
            "Posted on May 2, 2024Categories SecurityTags malware, ransomware"
        ));
        for kept in [
            "Author Erik Pistelli wrote the package; it has Tags and Categories of its own.",
            "By default the page lists Categories and Tags beside each post",
            "Posted on March 20, 2023",
            "Tags DeobfuscationCategories Package",
        ] {
            assert!(!entry_footer_line(kept), "{kept}");
        }
    }

    #[test]
    fn date_lines_go_sentences_that_start_with_their_words_stay() {
        let text = "Aktualisiert: 03.04.2020, 19:41 Uhr\nPublikacja: 16.12.2020 21:56\nUpdated on: November 19, 2019 / 10:07 AM / CBS News\nLast Modified: 2007-01-19\nErstellt am Dienstag 6. Mai 2014\nPublished research from 2019 shows that mice sleep longer.\nVeröffentlicht wurden 2019 zwei Bücher von ihr, beide bei Hanser und beide mit Erfolg\nUpdated\nUpdated Linux Kernel 5.15\nUpdated Nov 19, 6:55 AM\nPublished at 2022-12-11 | Last Update 2022-12-11 译者序本文组合翻译几篇分享\nPublished: 2023-02-26. Last Updated: 2023-02-26 18:29:54 UTC by Didier Stevens (Version: 1)\nPublished on 2023-02-26 by the team, who found that the breach had been going on for seven years.\nUpdated 2024 standard library APIs for async Rust and their migration path\nUpdated 2023 guidance on vaccines published by the CDC for all adults over 65\nPosted on 05/22/2025 , Last modified on 05/22/2025 by Ein Verne | View revision\nPosted: May 20, 2024 by Malwarebytes Labs\nPosted: the letters reached us in 2019, none of them answered.\nKeywords: msi oledump\nTags: squid\nLabels: Luna, spazio\nFiled under: My Software,Update — Didier Stevens @ 0:00\n";
        assert_eq!(
            clean(text, &lex()).text,
            "Published research from 2019 shows that mice sleep longer.\nVeröffentlicht wurden 2019 zwei Bücher von ihr, beide bei Hanser und beide mit Erfolg\nUpdated\nUpdated Linux Kernel 5.15\nPublished at 2022-12-11 | Last Update 2022-12-11 译者序本文组合翻译几篇分享\nPublished on 2023-02-26 by the team, who found that the breach had been going on for seven years.\nUpdated 2024 standard library APIs for async Rust and their migration path\nUpdated 2023 guidance on vaccines published by the CDC for all adults over 65\nPosted: the letters reached us in 2019, none of them answered.\n"
        );
    }

    #[test]
    fn a_date_alone_under_a_line_that_ends_no_sentence_goes() {
        for (text, kept) in [
            (
                "A01: Broken Access Control and A05: Security Misconfiguration Leads to Unauthenticated Access to…\nA01: Broken Access Control and A05: Security Misconfiguration Leads to Unauthenticated Access to Paid Content\nDec 6, 2024\nWhile using a service that I recently paid for, there was a slight hiccup.\n",
                "A01: Broken Access Control and A05: Security Misconfiguration Leads to Unauthenticated Access to…\nA01: Broken Access Control and A05: Security Misconfiguration Leads to Unauthenticated Access to Paid Content\nWhile using a service that I recently paid for, there was a slight hiccup.\n",
            ),
            (
                "Launching Daemon: A Personal API\nBuilding a Personal API\nThe first version of a public API endpoint for describing who you are\nAugust 1, 2025\nI have been thinking about this for years, and it is live now.\n",
                "Launching Daemon: A Personal API\nBuilding a Personal API\nThe first version of a public API endpoint for describing who you are\nI have been thinking about this for years, and it is live now.\n",
            ),
            (
                "Cache Me Outside\nJul 27, 2025\nHey there\nImage by AI\n",
                "Cache Me Outside\nHey there\nImage by AI\n",
            ),
            (
                "AI Job Replacement: Slow Then Fast\nSome napkin comments on how job replacement might play out\nMay 30, 2025\nAll Human Work Replaced by AI\n",
                "AI Job Replacement: Slow Then Fast\nSome napkin comments on how job replacement might play out\nAll Human Work Replaced by AI\n",
            ),
            (
                "Premier League’s Priority IPTV Piracy Threats Reported to U.S. Government\nOctober 7, 2024 by Andy Maxwell\nIn response to a call from the United States Trade Representative, the league has filed.\n",
                "Premier League’s Priority IPTV Piracy Threats Reported to U.S. Government\nIn response to a call from the United States Trade Representative, the league has filed.\n",
            ),
        ] {
            assert_eq!(clean(text, &lex()).text, kept, "{text}");
        }
        // Kept: a date under a sentence, under a label's colon, under another date, and
        // below the text's first six lines.
        for text in [
            "Diary\nWe walked along the harbour until the ferry left.\nMarch 3, 2024\nThe second day began with rain.\n",
            "Title\nThe notice went out on this day:\nMay 5, 2024\nIt was read by few.\n",
            "Rostock\nAugust 16, 2019\nAugust 17, 2019\nThe harbour festival returns.\n",
            "Title\nOne\nTwo\nThree\nFour\nFive\nMay 5, 2024\nThe festival returns.\n",
            "Upcoming talks\nRust in embedded systems\nJune 5, 2024\nAsync Go at scale\nJune 12, 2024\nAll talks are held in room 101 at the community centre.\n",
            "CVE-2024-31497: PuTTY key recovery\nPublished\n2024-04-15\nLast updated\n2024-04-18\nSeverity\nCritical\n",
            "Release notes\nWe ship a release each month.\nVersion 2.3\n2023-05-26\nVersion 2.2\nWe fixed a crash.\n",
            "Changelog\nAll notable changes to this project are listed in this file.\nv1.4.0\n2024-05-01\nAdded support for reading the new archive format from disk.\n",
            "Diary\nDiary entries from my trip to Japan, written each night in the hotel.\nMarch 3, 2024\nThe second day began with rain, and the market was closed.\n",
            "Dear friends\nWe had a lovely week at the lake and thought of you all.\nLove, Mom\nMarch 3, 2024\nP.S. Call me when you get home tonight, please.\n",
            "小诗两首\n春夜\n窗外的雨一直下\n灯下的人没有说话\n2021年3月14日\n秋晨\n",
            "Project timeline\nOctober 7, 2024 by Andy Maxwell\nThe first draft was written and sent to the editors for review.\nOctober 9, 2024 by Jane Doe\nThe editors sent the draft back with their notes.\n",
            "Two short poems\nWinter\nThe woods are lovely dark and deep\nBut I have promises to keep\nMarch 3, 2024\nSpring\n",
            "Title\nOctober 7, 2024 by the river we met, and it rained.\nThe festival returns.\n",
            "Title\nOctober 7, 2024 by Andy Maxwell, with notes from the team\nThe festival returns.\n",
        ] {
            assert_eq!(clean(text, &lex()).text, text);
        }
    }

    #[test]
    fn a_date_or_byline_under_the_title_goes_one_under_a_paragraph_stays() {
        for (text, kept) in [
            (
                "共对新威胁 共议新安全 2023网络安全运营与实战大会在京开幕\n\n山卡拉活动专区 2023-05-26 09:53:03\n\n5月25日，2023网络安全运营与实战大会在北京拉开序幕。\n",
                "共对新威胁 共议新安全 2023网络安全运营与实战大会在京开幕\n\n5月25日，2023网络安全运营与实战大会在北京拉开序幕。\n",
            ),
            (
                "New restaurants in Houston\nBy Sofia Gonzalez December 2, 2025\nThursday, November 9, 2023 7:35AM\nThe city opened more restaurants this year than in any year before.\n",
                "New restaurants in Houston\nThe city opened more restaurants this year than in any year before.\n",
            ),
            (
                "Survival Guide to SysV Init\nby Jon Foster - 2025-09-13\n**March 12, 2024**\nThe init system starts every service in order.\n",
                "Survival Guide to SysV Init\nThe init system starts every service in order.\n",
            ),
            (
                "Bypassing email verification of a high-profile tech company through its sign-up flow\nJul 29, 2023\nHi guys, after almost a year, I thought I should come back with a write-up.\n",
                "Bypassing email verification of a high-profile tech company through its sign-up flow\nHi guys, after almost a year, I thought I should come back with a write-up.\n",
            ),
            (
                "Graffiti am Bahnhof\nBettina Kugler 19.10.2019, 05:00 Uhr\nlongshot · 03/03/2026 19:44\nDie Stadt lässt die Wände am Bahnhof reinigen, sagte ein Sprecher am Montag.\n",
                "Graffiti am Bahnhof\nDie Stadt lässt die Wände am Bahnhof reinigen, sagte ein Sprecher am Montag.\n",
            ),
        ] {
            assert_eq!(clean(text, &lex()).text, kept, "{text}");
        }
        // Kept: a date under a paragraph (a diary's day), the first line, a heading
        // naming a date without a time, two dates, a date inside a sentence.
        for text in [
            "笔者见证\n编按：原文刊载于笔者Facebook，陈清华是最后一批上京支援北京学生的学联成员。\n1989年5月27日\n清晨，广场上的学生不多。\n",
            "March 12, 2024\nThe city opened more restaurants this year than in any year before.\n",
            "Updates\nLemmy Development Update 2024-10-04\nThe release brings moderation tools.\n",
            "Rostock\nAugust 16, 2019 - Updated July 9, 2025\nThe harbour festival returns.\n",
            "Title\nThe festival was held on May 5, 2024\nIt returns next year.\n",
        ] {
            assert_eq!(clean(text, &lex()).text, text);
        }
    }

    #[test]
    fn a_tables_row_of_figures_and_a_formula_are_no_counters() {
        let text = "Zeitpunkt | Gebühr\n45 | 30%\n0-13 | 90%\n+1\n12345\n| 2019 | 1,024 |\n（168 * 0.0008 + 622 * 0.0020）/ 1000\n3 × 4 = 12\n1 / 10\n+1 +2 +3\n";
        assert_eq!(
            clean(text, &lex()).text,
            "Zeitpunkt | Gebühr\n45 | 30%\n0-13 | 90%\n| 2019 | 1,024 |\n（168 * 0.0008 + 622 * 0.0020）/ 1000\n3 × 4 = 12\n"
        );
    }

    #[test]
    fn european_interface_lines_go_and_sentences_with_their_words_stay() {
        let text = "- Anzeige -\n\nDer Stadtrat hat am Dienstag beschlossen, die Brücke bis 2025 zu sanieren.\n\nMehr zum Thema\n\nDrucken\n\nLire aussi\n\nCzytaj także:\n\nCondividi\n\nLeer más\n\nLeave a Reply\n\nSchreibe einen Kommentar\n\nComments are closed.\n\nWer den Artikel drucken will, findet den Knopf Drucken unten.\n";
        assert_eq!(
            clean(text, &lex()).text,
            "Der Stadtrat hat am Dienstag beschlossen, die Brücke bis 2025 zu sanieren.\n\nWer den Artikel drucken will, findet den Knopf Drucken unten.\n"
        );
    }

    #[test]
    fn a_mailing_lists_footer_is_found_where_it_ends_the_text() {
        let message = "Install a fixed version.\n_______________________________________________\nSent through the Full Disclosure mailing list\nhttps://nmap.org/mailman/listinfo/fulldisclosure\nWeb Archives & RSS: https://seclists.org/fulldisclosure/\n";
        assert_eq!(mailing_list_footer(message), Some(25));
        let mailman = "Thanks.\n\n_______________________________________________\nPython-Dev mailing list\nPython-Dev@python.org\nhttps://mail.python.org/mailman/listinfo/python-dev\nUnsubscribe: https://mail.python.org/mailman/options/python-dev/x\n\n";
        assert_eq!(mailing_list_footer(mailman), Some(9));
        // A rule over the signature, a footer that names no list, text after the footer.
        for text in [
            "Install a fixed version.\n_______________________________________________\nJane Roe, Example Security\n",
            "Install a fixed version.\n_______________________________________________\nhttps://example.org/advisories/\n",
            "Install a fixed version.\n_______________________________________________\nSent through the Full Disclosure mailing list\nThe fix is in 2.3.21.1 and later.\n",
            "Sent through the Full Disclosure mailing list\n",
        ] {
            assert_eq!(mailing_list_footer(text), None, "{text}");
        }
    }

    #[test]
    fn a_posts_filing_line_a_call_to_sign_in_and_a_translations_credit_go() {
        let text = "The kettle boiled in under three minutes, and nobody on the team had expected that of it.\n\nThis entry was posted in Kitchen and tagged kettles by Anna. Bookmark the permalink.\n\nDieser Eintrag wurde veröffentlicht in Podcast von Simon. Permanentlink.\n\nYou must be logged in to post a comment.\n\nDu musst angemeldet sein, um einen Kommentar abzugeben.\n\n本文是翻译文章，文章原作者 Ravie Lakshmanan，文章来源：The Hacker News\n\nAs the editor's note says, this entry was posted in a hurry, and it shows in the second paragraph.\n";
        assert_eq!(
            clean(text, &lex()).text,
            "The kettle boiled in under three minutes, and nobody on the team had expected that of it.\n\nAs the editor's note says, this entry was posted in a hurry, and it shows in the second paragraph.\n"
        );
    }

    #[test]
    fn prompts_buttons_and_appeals_of_european_pages_go() {
        let text = "Zitronenkuchen ist in einer Stunde fertig, wenn der Ofen schon vorgeheizt ist.\n\nRezept drucken Bei Pinterest speichern\n\nMöchten Sie den Artikel teilen?\n\nVideo verfügbar bis 28.02.2021\n\nPour lire la suite\n\nAdvertisement:\n\n(Noch keine Bewertungen)\n\nZum Shop\n\nSie müssen sich einloggen, um sich an einer Diskussion beteiligen zu können.\n\nWe want to hear what you think about this article. Submit a letter to the editor or write to letters@theatlantic.com.\n\nIf you enjoyed reading this post – would you consider supporting our work? Just click here. Thanks!\n\nDas Rezept drucken wir nächste Woche in der Zeitung ab, zusammen mit dem Video.\n\nZum Shop gehören auch zwei Cafés in der Altstadt, die sonntags geöffnet haben.\n";
        assert_eq!(
            clean(text, &lex()).text,
            "Zitronenkuchen ist in einer Stunde fertig, wenn der Ofen schon vorgeheizt ist.\n\nDas Rezept drucken wir nächste Woche in der Zeitung ab, zusammen mit dem Video.\n\nZum Shop gehören auch zwei Cafés in der Altstadt, die sonntags geöffnet haben.\n"
        );
    }

    #[test]
    fn a_pages_notice_of_its_affiliate_links_goes() {
        let text = "This post may contain affiliate links. Read more about this in my About Me page!\n\nEvery item on this page was chosen by an editor. We may earn commission on some of the items you choose to buy.\n\nAs an Amazon Associate we earn from qualifying purchases.\n\nFür Links auf dieser Seite erhält CHIP ggf. eine Provision vom Händler, z.B. für solche mit -Symbol.\n\nAnzeige, enthält Affiliate Links\n\nAffiliate programs: Streamers earn a commission when viewers buy games, gear, or software via affiliate links.\n\nThis post does NOT contain any affiliate links, and every host below was paid for with my own money.\n";
        assert_eq!(
            clean(text, &lex()).text,
            "Affiliate programs: Streamers earn a commission when viewers buy games, gear, or software via affiliate links.\n\nThis post does NOT contain any affiliate links, and every host below was paid for with my own money.\n"
        );
    }

    #[test]
    fn a_call_to_subscribe_goes_and_a_sentence_on_newsletters_stays() {
        let text = "Subscribe to our best newsletters\n\nJoin Our Email List\n\nWant exclusive marketing tips and tricks sent straight to your inbox? Join 1000+ fellow businesses and subscribe to our monthly newsletter!\n\nFollow us on Telegram, Facebook, Instagram, YouTube and X for the latest news and updates.\n\nDo you want to be informed of our actions? Sign up here\n\nSign up for the Disney+ bundle using the same email as your Hulu account\n\nBrands that send a weekly newsletter keep more customers, and those that ask readers to subscribe to updates keep the most.\n";
        assert_eq!(
            clean(text, &lex()).text,
            "Sign up for the Disney+ bundle using the same email as your Hulu account\n\nBrands that send a weekly newsletter keep more customers, and those that ask readers to subscribe to updates keep the most.\n"
        );
    }

    #[test]
    fn a_call_to_follow_the_site_or_get_its_app_goes_and_a_step_naming_a_platform_stays() {
        let text = "Follow us on Telegram, Facebook, Instagram, YouTube and X for the latest news and updates.\n\nFollow The Gleaner on Twitter and Instagram @JamaicaGleaner and on Facebook @GleanerJamaica.\n\nSiguenos en Telegram, Instagram, Facebook y Twitter para recibir en directo todas nuestras actualizaciones\n\nFolgen Sie uns auf Twitter\n\nGet the Hindustan Times app!\n\nTo view the full story, please subscribe to The Haitian Times.\n\nFollow these steps shared on Twitter to safely stop a groper on a train.\n\nYou download apps from the Apple App Store while using your phone.\n\nAs always, thank you for taking the time to read this article.\n";
        assert_eq!(
            clean(text, &lex()).text,
            "Follow these steps shared on Twitter to safely stop a groper on a train.\n\nYou download apps from the Apple App Store while using your phone.\n\nAs always, thank you for taking the time to read this article.\n"
        );
    }

    #[test]
    fn bylines_and_mentions_stay() {
        let text = "据新华社\n(顾辉 明庭舒)\n(仲音)\n警方查处了一批涉及色情和赌博的网站，依法严惩。\n市领导陈可可、张娟、潘早云、周文娟参加。\n";
        assert_eq!(clean(text, &lex()).text, text);
    }

    #[test]
    fn sentences_whose_clauses_hold_spam_terms_stay() {
        let t = "黑帽 SEO 经常会推广中文的赌博、体育彩票类网站，研究人员发现此类攻击已经产生了巨大的影响。\n「尊貴美食館」共有70家展商，今年有四大主題，「亞洲．料理」、「歐美．戀饌」、「甜藝．閒情」及「綠色．味力」，分別代表亞洲美食、歐美料理、甜品及有機綠色食品。\n";
        let c = clean(t, &lex());
        assert_eq!((c.text.as_str(), c.spam_chars), (t, 0));
    }

    #[test]
    fn a_latin_term_inside_a_word_is_no_spam_term() {
        // `av` inside `JavaScript`, with `视频` and `字幕`, made the words before the first
        // comma a keyword list.
        let t = "一个 JavaScript 写的 HTML5 视频播放器，可以在网页上播放视频。特点是功能较全，支持外挂字幕文件。\n";
        let c = clean(t, &lex());
        assert_eq!((c.text.as_str(), c.spam_chars), (t, 0));
        let list =
            "- 亚洲AV无码久久精品成人,国产中文字幕在线视频,免费无码一区二区三区,中文字幕日韩欧美\n";
        assert_eq!(clean(list, &lex()).text, "");
    }

    #[test]
    fn one_term_said_twice_is_no_list() {
        let t = "控方又指，如果手機內有盧建民身處人群大後方的影片，便是支持其說法的重要證據，但盧發現影片違失後沒有尋求專業人士協助，研究能否取回消失的片段。\n";
        assert_eq!(clean(t, &lex()).text, t);
    }

    #[test]
    fn a_dateline_that_credits_the_original_goes() {
        let text = "据蓝点网网友投稿，网易邮箱日前新增邮件追踪功能，这个功能通过网络信标探测收件人是否已经阅读邮件。与传统电子邮件的发送回执不同 *2023-8-6 21:21:17 Author: www.landiannews.com(查看原文)\n\nLoading... *2023-8-3 21:0:33 Author: blog.cloudflare.com(查看原文)\n\n*2023-1-7 17:49:18 Author: www.solidot.org(查看原文)\n\n2023年1月7日，记者在现场查看原文件。\n";
        let c = clean(text, &lex());
        assert_eq!(
            c.text,
            "据蓝点网网友投稿，网易邮箱日前新增邮件追踪功能，这个功能通过网络信标探测收件人是否已经阅读邮件。与传统电子邮件的发送回执不同\n\n2023年1月7日，记者在现场查看原文件。\n"
        );
        assert_eq!(
            c.removed,
            [
                (
                    "*2023-8-6 21:21:17 Author: www.landiannews.com(查看原文)".to_string(),
                    "dateline"
                ),
                (
                    "*2023-8-3 21:0:33 Author: blog.cloudflare.com(查看原文)".to_string(),
                    "dateline"
                ),
                ("Loading...".to_string(), "boilerplate"),
                (
                    "*2023-1-7 17:49:18 Author: www.solidot.org(查看原文)".to_string(),
                    "dateline"
                ),
            ]
        );
        // A sentence that ends before the link word is no dateline; nor is a line
        // without a date.
        assert_eq!(dateline_at("该文于2023年1月7日发布。请点击查看原文"), None);
        assert_eq!(dateline_at("作者：www.solidot.org(查看原文)"), None);
        assert_eq!(dateline_at("2023/1/7 作者 (查看原文)"), Some(0));
    }

    #[test]
    fn breadcrumbs_go() {
        assert_eq!(
            clean("1. 中國西藏網 > 即時新聞 > 地方\n正文。\n", &lex()).text,
            "正文。\n"
        );
        assert_eq!(
            clean("首页/新闻/国际新闻/亚太\n正文。\n", &lex()).text,
            "正文。\n"
        );
        // Numbered steps are the article's, and so are steps joined by arrows.
        let steps = "To update:\n1. Settings > General > Software Update\n2. Select Automatic Updates and turn it on.\n";
        assert_eq!(clean(steps, &lex()).text, steps);
        let steps = "**目录探测 --> js文件爆破 --> api提取 --> 参数fuzz --> 发现漏洞 --> 获得赏金**\n正文。\n";
        assert_eq!(clean(steps, &lex()).text, steps);
        assert_eq!(clean("a => b => c\n", &lex()).text, "a => b => c\n");
        // A date is no crumb, nor are a text's translators.
        let date = "# Date: 03/18/2021\n正文。\n";
        assert_eq!(clean(date, &lex()).text, date);
        let names = "《大国的兴衰》\n译者：黄锦炎/沈国正/陈泉\n作者：傅雷/朱梅馥/傅聪\n";
        assert_eq!(clean(names, &lex()).text, names);
        assert_eq!(
            clean("当前位置：首页/新闻/国际新闻\n正文。\n", &lex()).text,
            "正文。\n"
        );
        assert_eq!(
            clean("分类：新闻/国际/亚太\n正文。\n", &lex()).text,
            "正文。\n"
        );
        // A field's values after any other label, words a syllabus joins, a formula.
        let fields = "主演：特洛伊·格雷提 / 李·佩斯 / 安德鲁·布劳尔\n制片国家/地区：英国 / 德国 / 奥地利\n漏洞挖掘/分析/利用职业规划\nα = MPL(L/Y) = (wL)/Y\n";
        assert_eq!(clean(fields, &lex()).text, fields);
    }

    #[test]
    fn a_caption_after_a_pictures_label_stays_and_a_credit_goes() {
        let text = "图丨人的性别远非只有男、女这么简单\n图丨视觉中国\n图|全球各地可爱的双胞胎（来源：pixabay）\n图|Pixabay 撰文 | 宋文法\n制图：孙绿 / 校稿：猫斯图 / 编辑：养乐多\n正文。\n";
        assert_eq!(
            clean(text, &lex()).text,
            "图丨人的性别远非只有男、女这么简单\n图|全球各地可爱的双胞胎（来源：pixabay）\n正文。\n"
        );
    }

    #[test]
    fn paths_table_rows_and_captions_with_a_credit_stay() {
        let text = "尝试去登录但发现系统提示我们没有 /bin/bash 这个文件\n习近平的言/行/政策 | 造成「亚文革」的原因\n极氪携各车型集体打卡纽约地标 | 图片来源：极氪\n在本地新建了一个过代理检测的通杀脚本（来源：阿呆攻防）\n";
        // The caption stays; its credit goes (`image_credit_at`).
        assert_eq!(
            clean(text, &lex()).text,
            text.replace(" | 图片来源：极氪", "")
        );
        assert_eq!(
            clean(
                "图片来源：美联社\n2022-03-20 15:53:27 來源: 人民日報\n新聞來源：中央社\n贫富分化的两个来源：财富的创造与积累\n正文。\n",
                &lex()
            )
            .text,
            "贫富分化的两个来源：财富的创造与积累\n正文。\n"
        );
        // A figure's short description with its credit in brackets is a caption; a
        // label with a credit in brackets is a credit.
        assert_eq!(
            clean(
                "图4. 欺诈投资网站（来源：Confiant）\n图片（来源：新华社）\n本文图片（来源：网络）\n封面图片（来源：网络）\n正文。\n",
                &lex()
            )
            .text,
            "图4. 欺诈投资网站（来源：Confiant）\n正文。\n"
        );
    }

    #[test]
    fn spam_lists_go_before_after_and_alone() {
        let spam = "日韩精品人妻系列无码专区 | 欧美日韩中文字幕| 亚洲美日韩Av中文字幕无码久久久妻妇| 久久午夜无码鲁丝片秋霞| 国产成人A人亚洲精品无码|";
        let c = clean(&format!("正文一段。\n{spam}\n"), &lex());
        assert_eq!(c.text, "正文一段。\n");
        assert!(c.spam_chars > 50);
        let comma = "国产精品福利在线无码卡一,亚洲欧洲无码中文字幕,高清人人天天夜夜狠狠狠狠狠,中文字幕久久精品一二三区 不卡精品视频福利 精品国产国产自在线观看";
        assert_eq!(
            clean(
                &format!("{comma}\n公司简介：我们是一家生产机械的企业。\n"),
                &lex()
            )
            .text,
            "公司简介：我们是一家生产机械的企业。\n"
        );
        let before = "无码人妻-中文字幕-国产精品-亚洲欧美-久久久久 本公司成立于二〇〇八年，专业生产五金配件。";
        assert_eq!(
            clean(before, &lex()).text,
            "本公司成立于二〇〇八年，专业生产五金配件。\n"
        );
    }

    #[test]
    fn a_stock_photo_credit_alone_goes_and_a_sentence_about_the_library_stays() {
        for credit in [
            "Pixabay",
            "Unsplash",
            "https://unsplash.com/@impelling",
            "https://www.pexels.com/photo/laptop-123/",
            "Photo by Jane Doe on Unsplash",
            "Foto di Gerd Altmann da Pixabay",
        ] {
            assert!(stock_photo_credit(credit), "{credit}");
        }
        for line in [
            "Pixabay hosts free images.",
            "https://example.com/unsplash.com",
            "Photo by Jane Doe on a beach",
            "Unsplash and Pixabay",
        ] {
            assert!(!stock_photo_credit(line), "{line}");
        }
        let c = clean(
            "Il testo dell’articolo.\n\nPixabay\n\nhttps://unsplash.com/@impelling\n\nAltro testo.\n",
            &lex(),
        );
        assert_eq!(c.text, "Il testo dell’articolo.\n\nAltro testo.\n");
        // A list of libraries, in Markdown or in text, is no credit.
        let list = "Free pictures:\n\n* Unsplash\n* Pexels\n\n1. Pixabay\n\nUnsplash\nPexels\n";
        assert_eq!(clean_markdown(list, &lex()).text, list);
        assert_eq!(clean(list, &lex()).text, list);
    }
}
