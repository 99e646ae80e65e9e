//! HTML to blocks with a real tokenizer (html5gum, WHATWG-conformant, entities decoded),
//! and the choice of the article among them.
//!
//! Parsing builds a light element tree (tag, parent, class and id words) beside the
//! blocks: `script`, `style`, `template`, `svg` and other non-text elements are skipped;
//! whitespace is what a browser shows (a run of HTML whitespace is one space, a line break
//! between two CJK characters is nothing, U+3000 and no-break spaces are text), `pre` is
//! kept verbatim; block elements end blocks; table cells are joined into their row; an
//! image's alt text that reads as a caption is a block of its own.
//!
//! The article ([`Page::article`]) is chosen the way readability-style extractors do,
//! with the measures made for any script: paragraphs score their ancestors (by length
//! in letters, CJK characters counting double, and by commas, ASCII or CJK); an element's
//! score is damped by its link density and moved by the words of its class and id
//! (`article`, `content`, `post`, `正文`-style `zw`, `TRS_Editor`… up; `comment`, `share`,
//! `sidebar`, `footer`… down); the best element, its parent when that scores higher, and
//! the siblings that score close to it are the article. Inside it, navigation, menus,
//! share and comment widgets (by element, role, class or id), hidden elements, and
//! containers or blocks that are mostly links go — unless they hold a large part of the
//! page's prose, so a page wrapped in one `<form>` or a `class="page sidebar-open"` keeps
//! its text. When the chosen element holds little of the page's prose, every block that
//! is not navigation is the article instead.

use html5gum::{Token, Tokenizer};

use crate::block::{is_cjk, meaningful_image, weight, Block, Kind};
use crate::formula::{self, Formula};

/// Elements whose content is never text.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "noembed", "noframes", "template", "select", "button",
    "textarea", "iframe", "svg", "canvas", "object", "embed", "video", "audio", "map", "math",
    "option", "datalist",
    // A ruby's reading (furigana, pinyin) and the brackets around it: the base text is the
    // text.
    "rt", "rp",
    // Tencent Video's player (`<txpdiv class="txp_…">`): its ad notice, its playlist.
    "txpdiv",
];
/// Elements that end a block.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "tr",
    "thead",
    "tbody",
    "tfoot",
    "caption",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "nav",
    "aside",
    "form",
    "menu",
    "dialog",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "address",
    "hr",
    "br",
    "center",
    "fieldset",
    "legend",
    "details",
    "summary",
    "body",
    "html",
];
/// Elements without content or closing tag.
pub(crate) const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];
/// Inline elements: text inside them belongs to the enclosing block's element.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "dfn", "em", "font", "i", "kbd",
    "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u",
    "var", "del", "ins", "label", "nobr", "td", "th",
];
/// Elements that are page chrome, not article.
const CHROME_TAGS: &[&str] = &["nav", "footer", "aside", "form", "menu", "dialog"];
/// ARIA roles of page chrome.
const CHROME_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "dialog",
    "alertdialog",
    "menu",
    "menubar",
    "toolbar",
    "tablist",
];
/// Class or id words of page chrome (whole words of the attribute).
const CHROME_WORDS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "menubar",
    "submenu",
    "breadcrumb",
    "breadcrumbs",
    "crumb",
    "crumbs",
    "sidebar",
    "footer",
    "foot",
    "comment",
    "comments",
    "share",
    "sharing",
    "social",
    "related",
    "recommend",
    "recommended",
    "advert",
    "advertisement",
    "ads",
    "ad",
    "banner",
    "toolbar",
    "copyright",
    "pagination",
    "pager",
    "subscribe",
    "subscription",
    "newsletter",
    "login",
    "signin",
    "signup",
    "register",
    "popup",
    "modal",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "widget",
    "sponsor",
    "sponsored",
    "promo",
    "masthead",
    "topbar",
    "skip",
    "sronly",
    "outbrain",
    "taboola",
    "disqus",
    "prevnext",
    "postnav",
    "locale",
    "tags",
    "tagcloud",
    "rss",
    "follow",
    "toc",
    "teaser",
    "teasers",
    "rail",
    "swiper",
    "carousel",
    "trending",
    "popular",
    "mostread",
    "mostpopular",
    "readnext",
    "upnext",
    "recirc",
    "promoted",
    // The account's name over a WeChat article (`span.rich_media_meta_nickname`).
    // (Not `publish`: WordPress marks every published post `status-publish`.)
    "nickname",
    // A box of the author's avatar, name, bio and follow button beside the headline
    // (Zhihu's `div.AuthorInfo`, `author-info`, `author_info`).
    "authorinfo",
    // (More of the author's boxes and a post's details: [`ABOUT_WORDS`].)
    // A player's box with the code to embed it elsewhere (NPR's `div.audio-embed-overlay`
    // holding `Embed <iframe src=…>`).
    "embedoverlay",
    "embedlabel",
    "embedurl",
    "embedcode",
    // Chinese sites name their boxes in pinyin or its initials: recommendations
    // (`div.tuijian`, `xgtj`, `rwb_tjyd` 推荐阅读, `xgyd` 相关阅读, `xgxw` 相关新闻, `xgwz`
    // 相关文章), sharing, comments; and WeChat follow boxes, "not interested" feedback.
    "tuijian",
    "xgtj",
    "tjyd",
    "xgyd",
    "xgxw",
    "xgwz",
    "fenxiang",
    "pinglun",
    "wxfollow",
    "uninterested",
    "feedback",
];
/// Class or id words of the parts of a forum's post that are no text of it (on a page
/// that is a thread): its last edit's note (XenForo's `div.message-lastEdit`), and the
/// poster's title, banner, join date and counts (XenForo's `h5.userTitle`,
/// `div.userBanner`, `div.message-userExtras`).
const POSTER_WORDS: &[&str] = &["sig", "lastedit", "usertitle", "userbanner", "userextras"];
/// Prefixes of class or id words of a box asking for consent to cookies
/// ([`Node::consent`]): `cookie-banner`, `consentDescription`, OneTrust's
/// `onetrust-consent-sdk`, Cookiebot's `CybotCookiebotDialog`, Didomi, Usercentrics.
const CONSENT_PREFIXES: &[&str] = &[
    "cookie",
    "consent",
    "gdpr",
    "onetrust",
    "cybotcookiebot",
    "didomi",
    "usercentrics",
];
/// Class or id words of a dialog over the page ([`Node::dialog`]): `div.modal`,
/// `popupContainer`, `popup-newsletter`. (Not a newsletter or a subscription by its
/// name: a newsletter's own page holds its issue in `article.newsletter-content`.)
const DIALOG_WORDS: &[&str] = &["modal"];
const DIALOG_PREFIXES: &[&str] = &["popup"];
/// Labels of a poster's details beside each post of a forum's thread, as a line of its
/// own (vBulletin's `Join Date: Aug 2008`, `Posts: 1,077`; FluxBB's `Registered:
/// 2024-01-27`): [`poster_detail`].
const POSTER_LABELS: &[&str] = &[
    "join date",
    "joined",
    "registered",
    "member since",
    "posts",
    "total posts",
    "messages",
    "location",
    "reputation",
    "reaction score",
    "points",
];
/// Of [`POSTER_LABELS`], those of a poster's count of posts and of the day they joined:
/// a page with two or more of each is a thread with its posters' details.
const POSTER_COUNT_LABELS: &[&str] = &["posts", "total posts", "messages"];
const POSTER_JOIN_LABELS: &[&str] = &["join date", "joined", "registered", "member since"];
/// Longest line of a poster's detail, in characters.
const POSTER_DETAIL_MAX: usize = 48;
/// Prefixes of class or id words of page chrome (`commentlist`, `sharebar`…).
const CHROME_PREFIXES: &[&str] = &[
    "comment",
    "share",
    "social",
    "related",
    "sidebar",
    "footer",
    "navbar",
    "breadcrumb",
    "newsletter",
    "subscri",
    "advert",
    "sponsor",
    "cookie",
    "popup",
    "disqus",
    "recommend",
    "relate",
];
/// Classes of text only screen readers read (`Image caption` before a caption, `Skip to
/// content`, `(opens in a new window)`): hidden on the page.
const SCREEN_READER_CLASSES: &[&str] = &[
    "sr-only",
    "sr-only-focusable",
    "visually-hidden",
    "visuallyhidden",
    "screen-reader-text",
    "screen-reader-only",
    "off-screen",
    "offscreen",
    "element-invisible",
    "assistive-text",
    "a11y-hidden",
];

/// Classes of a media player's text: WeChat's audio player (`span.audio_card`: the clip's
/// title, `From` and its account, its time `00:00 04:59`), written with inline elements
/// inside the article's paragraph, so left out like a script rather than as chrome.
const PLAYER_CLASSES: &[&str] = &["audio_card"];

/// Ids of the line under a WeChat article's title (`div#meta_content`: `原创`, the
/// author, the account, the publication time `昨天`): left out like a script.
const META_IDS: &[&str] = &["meta_content"];

/// Class or id words of article containers.
const ARTICLE_WORDS: &[&str] = &[
    "article", "articles", "body", "content", "contents", "entry", "hentry", "main", "page",
    "post", "text", "blog", "story", "detail", "details", "zw", "zhengwen", "trs", "artibody",
    "endtext", "newstext", "txt", "con", "cont", "rich", "prose", "markdown",
];
/// Chrome words of a box about the text rather than of it ([`Node::about_box`]): the
/// author's box under a post (Zhihu's `div.AuthorInfo`, WordPress themes' `div.author-bio`,
/// `author-box`, `about-the-author`, `div#author-description`, Forbes' `div.short-bio`
/// beside a contributor's name), and the post's line of
/// categories, tags and permalink (`p.postmetadata`, `div.entry-utility`, `entry-meta`,
/// `post-meta`, `entry-footer`).
const ABOUT_WORDS: &[&str] = &[
    "authorinfo",
    "authorbio",
    "shortbio",
    "authorbox",
    "aboutauthor",
    "abouttheauthor",
    "authordescription",
    "postmetadata",
    "postmeta",
    "entrymeta",
    "entryutility",
    "entryfooter",
];
/// Chrome words that name an ad ([`Node::ad_box`]).
const AD_WORDS: &[&str] = &["ad", "ads", "advert", "advertisement"];

/// Class or id words that lower a container's score without removing it.
const NEGATIVE_WORDS: &[&str] = &[
    "meta",
    "media",
    "contact",
    "footnote",
    "shoutbox",
    "skyscraper",
    "shopping",
    "tool",
    "byline",
    "author",
    "date",
    "info",
    "header",
    "head",
    "top",
    "list",
    "links",
    "card",
    "teaser",
];

/// Which of the lists above a tag name is in, looked up once per tag.
#[derive(Clone, Copy, Default)]
struct TagSets {
    skip: bool,
    block: bool,
    void: bool,
    inline: bool,
    chrome: bool,
}

fn tag_sets(name: &str) -> TagSets {
    use std::collections::HashMap;
    use std::sync::OnceLock;
    static SETS: OnceLock<HashMap<&'static str, TagSets>> = OnceLock::new();
    let sets = SETS.get_or_init(|| {
        let mut m: HashMap<&'static str, TagSets> = HashMap::new();
        for (list, f) in [
            (SKIP, 0),
            (BLOCK, 1),
            (VOID, 2),
            (INLINE, 3),
            (CHROME_TAGS, 4),
        ] {
            for t in list {
                let e = m.entry(t).or_default();
                match f {
                    0 => e.skip = true,
                    1 => e.block = true,
                    2 => e.void = true,
                    3 => e.inline = true,
                    _ => e.chrome = true,
                }
            }
        }
        m
    });
    sets.get(name).copied().unwrap_or_default()
}

/// Most elements open at once (deeper ones are treated as text of the deepest).
const MAX_DEPTH: usize = 512;

fn words(value: &str) -> impl Iterator<Item = String> + '_ {
    value
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_ascii_lowercase())
}

/// Classes of a code block's line numbers, written beside or after its lines: Pygments'
/// `td.linenos` and `span.linenos`, Rouge's `td.rouge-gutter` and `pre.lineno`, CSDN's
/// `ul.pre-numbering`, highlight.js's and Prism's line-number plugins.
const LINE_NUMBER_CLASSES: &[&str] = &[
    "linenos",
    "lineno",
    "linenodiv",
    "rouge-gutter",
    "pre-numbering",
    "hljs-ln-numbers",
    "line-numbers-rows",
];

/// Class names that wrap a code block and say so, whatever their words: Prism's
/// `div.code-toolbar` (its copy button beside the code) is no toolbar.
const CODE_WRAPPER_CLASSES: &[&str] = &["code-toolbar"];

/// Prefixes of class names that say what an element is tagged with or what state it is
/// in, not what it is: a WordPress post carries `category-NAME` and `tag-NAME` for its
/// categories and tags (`category-no-newsletter-rss`), themes mark a wrapper
/// `has-sidebar` or `no-ads`.
const STATE_PREFIXES: &[&str] = &[
    "category-",
    "tag-",
    "tags-",
    "post_tag-",
    "format-",
    "has-",
    "is-",
    "no-",
];

/// How far up two parts of an article of one tag and class may meet where every element
/// between is of one tag and class on either side.
const MIRRORED_MAX_LEVELS: usize = 12;

/// The words of a `class` or `id` value that say what its element is. Of a BEM name only
/// the block and element count, not the modifier (`o-section--has-ads` is a section,
/// `node--promoted` a node); a state or taxonomy class ([`STATE_PREFIXES`]) says nothing.
/// A camelCase name stays one word: read as its words, `NavFrame` (a box that folds)
/// would be navigation and `MtnComment` (a forum's post) a comment.
/// A name's words joined count too when they make a chrome word (`most_read`,
/// `side-bar`, `nav-bar`: `mostread`, `sidebar`, `navbar`), all of them or two side by
/// side (`entry-author-info`: `authorinfo`).
fn class_words(value: &str) -> impl Iterator<Item = String> + '_ {
    value
        .split_ascii_whitespace()
        .filter(|t| {
            !CODE_WRAPPER_CLASSES
                .iter()
                .any(|w| t.eq_ignore_ascii_case(w))
        })
        // A utility class with a variant or an arbitrary value (Tailwind's
        // `lg:first:has-[>[data-slot=banner]]:pt-0`, `peer-[.active]:block`) styles the
        // element under a condition: the words inside name other elements.
        .filter(|t| !t.contains([':', '[', '(', '=']))
        .filter(|t| {
            !STATE_PREFIXES.iter().any(|p| {
                t.len() > p.len() && t.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p))
            })
        })
        .flat_map(|t| {
            let name = t.split("--").next().unwrap_or(t);
            // Elementor calls every element a widget (`elementor-widget-container` around
            // each paragraph of an article): what it is, is the rest of the name
            // (`elementor-widget-nav-menu`, `elementor-widget-theme-post-content`).
            let name = name.strip_prefix("elementor-widget").unwrap_or(name);
            let parts: Vec<String> = words(name).collect();
            let chrome = |j: &String| word_lists().get(j.as_str()) == Some(&Word::Chrome);
            let joined = (parts.len() > 1).then(|| parts.concat()).filter(chrome);
            let pairs: Vec<String> = if parts.len() > 2 {
                parts
                    .windows(2)
                    .map(|w| w.concat())
                    .filter(chrome)
                    .collect()
            } else {
                Vec::new()
            };
            parts.into_iter().chain(joined).chain(pairs)
        })
}

/// See [`Node::class_key`]: the sum of the words' FNV-1a hashes (case folded), without
/// an allocation (every element with a class gets one); and the first word's hash
/// ([`Node::class_first`]).
fn class_key(class: Option<&str>) -> (u64, u64) {
    let Some(class) = class else {
        return (0, 0);
    };
    let mut key = 0u64;
    let mut first = 0u64;
    for word in class.split(|c: char| !c.is_ascii_alphanumeric()) {
        if word.is_empty() || word.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in word.bytes() {
            h ^= u64::from(b.to_ascii_lowercase());
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        if first == 0 {
            first = h;
        }
        key = key.wrapping_add(h);
    }
    (key, first)
}

/// Words of a phrase that no class name holds.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "with", "of", "to", "for", "in", "on", "and", "or", "is", "are", "how",
    "what", "why", "when", "your", "you", "our", "we", "from", "by", "into", "about",
];

/// Whether an `id` is a heading's words made an anchor (documentation generators and
/// blogs write `id="sharing-with-a-single-developer"` on a section): five words or more,
/// or a function word among them. Such an id says nothing of its element; its words
/// are the heading's (`sharing` there is no share button).
///
/// So is an anchor a table of contents links to, numbered (Healthline's
/// `div.content_body#TOC_TITLE_1` around each section of the article, `toc-3`): the
/// section, not the table.
fn heading_slug(id: &str) -> bool {
    let words: Vec<String> = words(id).collect();
    words.len() >= 5
        || (words.len() >= 3 && words.iter().any(|w| FUNCTION_WORDS.contains(&w.as_str())))
        || (words.len() >= 2
            && words.iter().any(|w| w == "toc")
            && words
                .last()
                .is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit())))
}

/// What a class or id word says of its element.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Word {
    Chrome,
    Article,
    Negative,
    Other,
}

/// The lists above as one lookup (class words are the most frequent strings of a page).
fn word_lists() -> &'static std::collections::HashMap<&'static str, Word> {
    use std::collections::HashMap;
    use std::sync::OnceLock;
    static WORDS: OnceLock<HashMap<&'static str, Word>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut m = HashMap::new();
        // Earlier lists win: a chrome word is chrome whatever else it is.
        for (list, word) in [
            (NEGATIVE_WORDS, Word::Negative),
            (ARTICLE_WORDS, Word::Article),
            (CHROME_WORDS, Word::Chrome),
            (ABOUT_WORDS, Word::Chrome),
        ] {
            for w in list {
                m.insert(*w, word);
            }
        }
        m
    })
}

/// What a class or id word says of its element ([`word_lists`], then the chrome
/// prefixes).
fn class_word(w: &str) -> Word {
    let words = word_lists();
    if matches!(w, "commentary" | "commentaries") {
        // An opinion piece, not the readers' comments.
        return Word::Other;
    }
    if w.starts_with("subscriber") {
        // A gate on the article's text (`div.subscriber-only`, `subscriber-premium`
        // around each paragraph), not a call to subscribe.
        return Word::Other;
    }
    match words.get(w) {
        Some(Word::Chrome) => Word::Chrome,
        _ if CHROME_PREFIXES.iter().any(|p| w.starts_with(p)) => Word::Chrome,
        Some(word) => *word,
        None => Word::Other,
    }
}

/// One element of the tree.
#[derive(Debug, Clone)]
pub struct Node {
    pub tag: String,
    pub parent: u32,
    /// The element is page chrome by itself (tag, role, class, id, hidden).
    pub chrome: bool,
    /// The element is hidden (`hidden`, `aria-hidden="true"`, `display: none`): chrome
    /// however much of the page's prose it holds (a closed dialog holding a page's worth
    /// of text is still closed).
    pub hidden: bool,
    /// Class and id evidence: + article words, − chrome and negative words.
    pub class_weight: i32,
    /// Images directly inside.
    pub images: u32,
    /// A class or id word says the element holds an image caption (`caption`,
    /// `wp-caption-text`, `figcaption`).
    pub caption: bool,
    /// A class or id word says the element holds comments (`Comments-container`,
    /// `comment-list`).
    pub comments: bool,
    /// A class or id word says the element asks for consent to cookies (`div#onetrust-
    /// consent-sdk`, `cookie-banner`, `gdpr`): chrome however much it says.
    pub consent: bool,
    /// The element is a dialog shown over the page (`<dialog>`, `role="dialog"`,
    /// `aria-modal="true"`, [`DIALOG_WORDS`]: a shop's `div#overlayModal > div.modal`
    /// asking for an email address): chrome however much it says, like a consent
    /// dialog.
    pub dialog: bool,
    /// A class or id word says the element is a standfirst, deck or summary
    /// ([`LEAD_WORDS`]: `p.article__stand-first`, `h2.c-entry-summary.p-dek`).
    pub lead: bool,
    /// A class or id word says it is a summary, intro or lead ([`LOOSE_LEAD_WORDS`]):
    /// a lead when it reads like one.
    pub loose_lead: bool,
    /// A class or id word says the element credits a picture (`div.caption-credit`,
    /// `span.credit`): inside a caption, no text of it ([`Page::article`]).
    pub credit: bool,
    /// A forum post's text by schema.org microdata (`itemprop="text"`, which XenForo,
    /// Invision and NodeBB write on each post of a thread).
    pub post_text: bool,
    /// Chrome only by its class, and only by words that name an ad (`div.section-and-ad`):
    /// a box an article's paragraph may sit in, beside an ad ([`Page::choose`]).
    pub ad_box: bool,
    /// Chrome only by its class, and only by the word `widget` (`div.c-product-widget`):
    /// a component of the page, which may be the article's own (a buying guide's
    /// reviews, one box each) ([`Page::choose`]).
    pub widget_box: bool,
    /// Chrome only by its class, and only by the word `toc`: a section a table of
    /// contents links to (a state agency's `section.toc-para`, one per section of the
    /// article), not the table, which is links ([`Page::choose`]).
    pub toc_box: bool,
    /// A utility class hides the element (`div.hidden`, `d-none`), no other class
    /// showing it again on some screens: a script may still show it.
    pub class_hidden: bool,
    /// A box about the text rather than of it: a `footer` (a post's categories, tags and
    /// permalink, its author's box), an author's box or a line of the post's details by
    /// its class ([`ABOUT_WORDS`]). Chrome however much it says where prose sits beside
    /// it (a podcast's two-sentence notes above its author's long bio) ([`Page::choose`]).
    pub about_box: bool,
    /// Chrome only by its class or id words (`section.widget`), not by its tag, role or
    /// hiddenness: read as chrome, except where nothing outside chrome holds any text and
    /// the element holds the page's `h1` ([`Page::choose`]).
    pub class_chrome: bool,
    /// The words of its `class` but numbers, in any order, as one key (0: no class): the
    /// parts of an article split by ads (`story-body story-body-1`, `story-body
    /// story-body-2`) share it.
    pub class_key: u64,
    /// The hash of its `class`'s first word (0: no class): a forum's posts share it
    /// (`message message--post` and a moderator's `message message--post
    /// message--mod`).
    pub class_first: u64,
}

/// A parsed page: its element tree, its blocks in document order, its title.
#[derive(Debug, Default)]
pub struct Page {
    pub nodes: Vec<Node>,
    pub blocks: Vec<Block>,
    pub title: Option<String>,
    /// The page is a forum's thread ([`forum_thread`]).
    pub forum: bool,
    /// The page says it is one article or one product (its Open Graph type, or its
    /// schema.org type: [`declared_item`]).
    pub item: bool,
}

/// Paragraphs of text and the page title (the article's blocks as text).
#[derive(Debug, Default)]
pub struct Extracted {
    pub paragraphs: Vec<String>,
    pub title: Option<String>,
}

/// Below this share of a page's prose outside chrome, the part of it chosen as the text
/// is widened to an element above it that holds [`WIDEN_TO`] of that prose
/// ([`Page::choose`]).
const WIDEN_BELOW: f64 = 0.7;
/// See [`WIDEN_BELOW`].
const WIDEN_TO: f64 = 0.6;

/// A discussion page (a link aggregator's thread) says less than this much strong prose
/// outside its comments ([`Page::choose`])…
const DISCUSSION_TEXT_MAX: usize = 400;
/// …and its comments at least this much, and this share of all the text it shows (a
/// list of books with its readers' comments under it is a list).
const DISCUSSION_MIN: usize = 1500;
/// See [`DISCUSSION_MIN`].
const DISCUSSION_SHARE: f64 = 0.4;

/// schema.org types of a page that is one article or one product.
const ITEM_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "BlogPosting",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "Product",
    "ProductGroup",
];

/// Whether a page says in schema.org's terms (JSON-LD `"@type": "NewsArticle"`, or an
/// `itemtype`) that it is one article or one product ([`ITEM_TYPES`]); an `Organization`
/// or a `WebPage` says nothing of the kind.
pub fn declared_item(html: &str) -> bool {
    let typed = |rest: &str| {
        let rest = rest
            .trim_start()
            .strip_prefix(':')
            .unwrap_or("")
            .trim_start();
        let rest = rest.strip_prefix('[').unwrap_or(rest).trim_start();
        rest.strip_prefix('"').is_some_and(|r| {
            let name = r.split('"').next().unwrap_or("");
            ITEM_TYPES.contains(&name)
        })
    };
    html.match_indices("\"@type\"")
        .any(|(i, m)| typed(&html[i + m.len()..]))
        || html.match_indices("schema.org/").any(|(i, m)| {
            let name: String = html[i + m.len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            ITEM_TYPES.contains(&name.as_str())
                && html.as_bytes()[i.saturating_sub(24)..i]
                    .windows(8)
                    .any(|w| w.eq_ignore_ascii_case(b"itemtype"))
        })
}

/// Whether a page calls itself a forum's thread: schema.org's `DiscussionForumPosting`
/// (in JSON-LD or as an `itemtype`), which Invision, XenForo, Discourse, NodeBB and
/// vBulletin write on a thread's page. Its posts are then its text, also where their
/// box is named for comments; an article with readers' comments is an `Article`,
/// `NewsArticle` or `BlogPosting`. (Forum software that writes no schema.org on a
/// thread is known while the page is read, by its thread view's markup: see
/// [`thread_view`].)
pub fn forum_thread(html: &str) -> bool {
    html.contains("DiscussionForumPosting")
}

/// Whether an element is a post's text as forum software without schema.org marks it:
/// Invision's `div[data-role=commentContent]`, Vanilla's `div.Message.userContent`.
fn engine_post_text(tag: &str, class: &str, role: Option<&str>) -> bool {
    tag == "div"
        && (role == Some("commentContent") || {
            let mut words = class.split_ascii_whitespace();
            words.clone().any(|w| w == "Message") && words.any(|w| w == "userContent")
        })
}

/// Whether an element is the thread view of forum software that writes no schema.org
/// on a thread: Invision's topic (`div#comments.cTopic` around the posts, which are
/// `article.ipsComment`; its list of topics is `cTopicList`) or Vanilla's discussion
/// (`<body class="Vanilla Discussion …">`, its replies `li.ItemComment`; its lists are
/// `Discussions`). Both come before the posts they hold.
fn thread_view<'a>(tag: &str, mut class_words: impl Iterator<Item = &'a str> + Clone) -> bool {
    class_words.clone().any(|w| w == "cTopic")
        || (tag == "body"
            && class_words.clone().any(|w| w == "Vanilla")
            && class_words.any(|w| w == "Discussion"))
}

/// Extract the article text of an HTML document.
pub fn extract(html: &str) -> Extracted {
    let page = Page::parse(html);
    let paragraphs = page.article().into_iter().map(|b| b.text).collect();
    Extracted {
        paragraphs,
        title: page.title,
    }
}

/// Blocks of an HTML fragment (inside Markdown): everything that is text, no choice.
pub fn fragment_blocks(html: &str) -> Vec<Block> {
    Page::parse(html).blocks
}

/// Bytes of the tokenizer as text (they come from a `&str`, so they are UTF-8 but at a
/// cut inside a character, which does not happen; checked with SIMD, lossy if not).
fn utf8(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    match simdutf8::basic::from_utf8(bytes) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

/// `text` with its character references decoded (`oledump &#x26; MSI Files` → `oledump &
/// MSI Files`) and nothing else (`Box<dyn Error>` stays as it is).
pub fn decode_entities(text: &str) -> String {
    html_escape::decode_html_entities(text).into_owned()
}

/// The default emitter without parse errors: nothing reads them, and checking every
/// character for them took a sixth of the parse. Its second field: whether the start tag
/// being read closes itself.
struct Quiet(html5gum::DefaultEmitter, bool);

impl Quiet {
    fn new(emitter: html5gum::DefaultEmitter) -> Quiet {
        Quiet(emitter, false)
    }
}

impl html5gum::ForwardingEmitter for Quiet {
    type Token = Token;

    fn inner(&mut self) -> &mut impl html5gum::Emitter<Token = Token> {
        &mut self.0
    }

    #[inline]
    fn should_emit_errors(&mut self) -> bool {
        false
    }

    fn init_start_tag(&mut self) {
        self.1 = false;
        self.0.init_start_tag();
    }

    fn set_self_closing(&mut self) {
        self.1 = true;
        self.0.set_self_closing();
    }

    /// A `<title/>` or `<textarea/>` that closes itself is an icon's in an inline SVG
    /// (`<svg><title/><path d="…"/></svg>`, where it is an SVG element): its text does
    /// not run on to a `</title>` the page never writes, which took the rest of the page
    /// for the title's text.
    fn emit_current_tag(&mut self) -> Option<html5gum::State> {
        let next = self.0.emit_current_tag();
        match (self.1, next) {
            (true, Some(html5gum::State::RcData)) => None,
            _ => next,
        }
    }
}

struct Open {
    name: String,
    inline: bool,
    /// An inline element with a block element inside (`<font><p>…</p></font>`): it
    /// holds blocks as a block element does ([`Parser::owner`]).
    holds_blocks: bool,
    node: u32,
    skip: bool,
    link: Option<usize>,
    href: String,
    pre: bool,
    mark: &'static str,
    /// The block (`Cur::serial`) the element's Markdown marks were opened in.
    serial: u64,
    /// On a forum's thread, the element is a post as schema.org marks it
    /// (`itemtype=".../DiscussionForumPosting"` or `".../Comment"`).
    post: bool,
    /// A `sup`, or a link within the page: the lengths of the block's text and Markdown
    /// where it began, to take a reference mark ([`reference_mark`]) or a note's link back
    /// to its mark ([`back_reference`]) out again.
    marked: Option<(usize, usize)>,
}

/// The block being collected.
struct Cur {
    block: Block,
    /// Whitespace seen since the last character: 0 none, 1 space, 2 with a line break.
    pending: u8,
    /// Cells started in the current row.
    cells: usize,
    serial: u64,
    /// Line breaks in the whitespace since the last character.
    breaks: u8,
}

impl Cur {
    fn new(kind: Kind, serial: u64) -> Cur {
        Cur {
            block: Block::new(kind),
            pending: 0,
            cells: 0,
            serial,
            breaks: 0,
        }
    }
}

struct Parser {
    nodes: Vec<Node>,
    blocks: Vec<Block>,
    stack: Vec<Open>,
    cur: Cur,
    skip_depth: usize,
    link_depth: usize,
    pre_depth: usize,
    article_depth: usize,
    lists: Vec<u32>,
    /// For each open list, the number its next item gets when it is an `ol`.
    numbers: Vec<Option<u64>>,
    /// The number of the `li` just opened in an `ol` (`3. `), for its first block.
    item_number: Option<String>,
    tables: Vec<(u32, usize)>,
    counter: u32,
    heading: u8,
    quote_depth: usize,
    /// The page is a forum's thread ([`forum_thread`]): boxes named for comments hold
    /// its posts.
    forum: bool,
    /// The formula being read ([`formula`]): MathML or MathJax's TeX.
    math: Option<Formula>,
}

impl Parser {
    /// A new line of the code being read: always for a `<br>`, else when the code's last
    /// line has text.
    fn code_line(&mut self, always: bool) {
        let b = &mut self.cur.block;
        if always || (!b.text.is_empty() && !b.text.ends_with('\n')) {
            if b.text.is_empty() && b.node == 0 {
                // (The block is begun as [`Parser::text`] begins it.)
                self.text("\n");
                return;
            }
            b.text.push('\n');
            b.markdown.push('\n');
        }
    }

    /// After an end tag: the formula being read has its elements closed, or ends and is
    /// written into the text.
    fn formula_closed(&mut self) {
        let len = self.stack.len();
        match self.math.take() {
            Some(f) if len <= f.depth => {
                let text = f.finish();
                self.text(&text);
            }
            Some(mut f) => {
                f.closed_to(len);
                self.math = Some(f);
            }
            None => {}
        }
    }

    /// The element a block of text belongs to: the innermost open element that is no
    /// inline one, an inline one that holds blocks, or a table's cell. Cells are inline
    /// so that a row's cells make one block, and `font` is inline; but BBC's lead, set
    /// in a layout table's cell inside `<font>` after a box nested there and before the
    /// article's `<p>`s, is the `font`'s as they are, not the outer row's.
    fn owner(&self) -> u32 {
        self.stack
            .iter()
            .rev()
            .find(|o| !o.inline || o.holds_blocks || o.name == "td" || o.name == "th")
            .map_or(0, |o| o.node)
    }

    fn kind_here(&self) -> Kind {
        if self.pre_depth > 0 {
            return Kind::Code;
        }
        if self.heading > 0 {
            return Kind::Heading(self.heading);
        }
        for o in self.stack.iter().rev() {
            match o.name.as_str() {
                "li" | "dd" | "dt" => {
                    return Kind::Item {
                        list: self.lists.last().copied().unwrap_or(0),
                    }
                }
                "tr" => {
                    return Kind::Row {
                        table: self.tables.last().map_or(0, |t| t.0),
                    }
                }
                "figcaption" | "caption" => return Kind::Caption,
                "p" | "div" | "section" | "article" | "blockquote" => break,
                _ => {}
            }
        }
        Kind::Paragraph
    }

    fn flush(&mut self) {
        let serial = self.cur.serial + 1;
        let mut cur = std::mem::replace(&mut self.cur, Cur::new(Kind::Paragraph, serial));
        let text_empty = cur.block.text.trim().is_empty();
        if text_empty {
            return;
        }
        let b = &mut cur.block;
        // Text of one cell alone (a layout table, or a cell's paragraphs) is a paragraph.
        if matches!(b.kind, Kind::Row { .. }) && cur.cells <= 1 {
            b.kind = Kind::Paragraph;
        }
        if b.kind != Kind::Code {
            let t = trim_edge_space(&b.text).to_string();
            b.text = t;
        }
        let md_body = trim_edge_space(&b.markdown).to_string();
        b.markdown = match b.kind {
            Kind::Heading(l) => format!("{} {md_body}", "#".repeat(l.clamp(1, 6) as usize)),
            Kind::Item { .. } => format!("- {md_body}"),
            Kind::Code => format!("```\n{}\n```", b.text.trim_end_matches('\n')),
            Kind::Row { .. } => {
                let first = match self.tables.last_mut() {
                    Some((_, rows)) => {
                        *rows += 1;
                        *rows == 1
                    }
                    None => false,
                };
                let row = format!("| {md_body} |");
                if first {
                    let sep = "|---".repeat(cur.cells.max(1)) + "|";
                    format!("{row}\n{sep}")
                } else {
                    row
                }
            }
            _ if self.quote_depth > 0 => format!("> {md_body}"),
            _ => md_body,
        };
        if b.node == 0 {
            b.node = self.owner();
        }
        self.blocks.push(cur.block);
    }

    /// Append text as a browser shows it.
    fn text(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        let link = self.link_depth > 0;
        if self.cur.block.text.is_empty() && self.cur.block.node == 0 {
            self.cur.block.kind = self.kind_here();
            self.cur.block.node = self.owner();
            // The item's first block, an `li`'s text or a paragraph inside it.
            if self.item_number.is_some() && self.pre_depth == 0 {
                self.cur.block.number = self.item_number.take();
            }
        }
        if self.pre_depth > 0 {
            let b = &mut self.cur.block;
            let s = if b.text.is_empty() {
                s.strip_prefix('\n').unwrap_or(s)
            } else {
                s
            };
            b.text.push_str(s);
            b.markdown.push_str(s);
            if link {
                b.link_weight += weight(s);
            }
            return;
        }
        let space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0c);
        let mut rest = s;
        while !rest.is_empty() {
            // Whitespace (ASCII): remembered, written before the next word.
            let end = rest.bytes().position(|b| !space(b)).unwrap_or(rest.len());
            for b in rest[..end].bytes() {
                let nl = if matches!(b, b'\n' | b'\r') { 2 } else { 1 };
                self.cur.pending = self.cur.pending.max(nl);
                if b == b'\n' {
                    self.cur.breaks = self.cur.breaks.saturating_add(1);
                }
            }
            rest = &rest[end..];
            let end = rest.bytes().position(space).unwrap_or(rest.len());
            let word = &rest[..end];
            rest = &rest[end..];
            let Some(c) = word.chars().next() else {
                break;
            };
            // A blank line in text outside any block element: text written as paragraphs.
            if self.cur.breaks >= 2
                && !self.cur.block.text.is_empty()
                && matches!(
                    self.nodes[self.cur.block.node as usize].tag.as_str(),
                    "" | "body" | "html"
                )
            {
                let (kind, node) = (self.cur.block.kind, self.cur.block.node);
                self.flush();
                self.cur.block.kind = kind;
                self.cur.block.node = node;
            }
            self.cur.breaks = 0;
            let b = &mut self.cur.block;
            if self.cur.pending > 0 && !b.text.is_empty() && !b.text.ends_with(' ') {
                let last = b.text.chars().next_back().unwrap_or(' ');
                if !(self.cur.pending == 2 && is_cjk(last) && is_cjk(c)) {
                    b.text.push(' ');
                    b.markdown.push(' ');
                }
            }
            self.cur.pending = 0;
            b.text.push_str(word);
            b.markdown.push_str(word);
            if link {
                b.link_weight += weight(word);
            }
        }
    }

    fn close(&mut self, pos: usize) {
        let drained: Vec<Open> = self.stack.drain(pos..).rev().collect();
        for o in drained {
            if o.skip {
                self.skip_depth -= 1;
            }
            let same_block = o.serial == self.cur.serial;
            if let Some((text, md)) = o.marked.filter(|_| same_block) {
                let b = &mut self.cur.block;
                let gone = if o.name == "sup" {
                    b.text.get(text..).is_some_and(reference_mark)
                        || b.markdown.get(md..).is_some_and(note_link)
                } else {
                    let heading = matches!(b.kind, Kind::Heading(_));
                    b.text
                        .get(text..)
                        .is_some_and(|t| back_reference(t) || heading && permalink_mark(t))
                };
                if gone && md <= b.markdown.len() {
                    b.text.truncate(text);
                    b.markdown.truncate(md);
                }
            }
            if let Some(start) = o.link {
                self.link_depth = self.link_depth.saturating_sub(1);
                let md = &mut self.cur.block.markdown;
                if let Some(inner) = md.get(start..).filter(|_| same_block && start > 0) {
                    let inner = inner.to_string();
                    if inner.trim().is_empty() || o.href.is_empty() {
                        // `[` … nothing: the link had no text (an image link); drop it.
                        md.replace_range(start.saturating_sub(1)..start, "");
                    } else {
                        md.push_str("](");
                        md.push_str(&o.href);
                        md.push(')');
                    }
                }
            }
            if !o.mark.is_empty() && self.skip_depth == 0 && same_block {
                let md = &mut self.cur.block.markdown;
                if md.ends_with(o.mark) {
                    md.truncate(md.len() - o.mark.len());
                } else {
                    md.push_str(o.mark);
                }
            }
            if o.pre {
                self.pre_depth -= 1;
            }
            match o.name.as_str() {
                "article" | "main" => self.article_depth = self.article_depth.saturating_sub(1),
                "ul" | "ol" | "dl" | "menu" => {
                    self.lists.pop();
                    self.numbers.pop();
                }
                "li" => self.item_number = None,
                "table" => {
                    self.tables.pop();
                }
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => self.heading = 0,
                "blockquote" => self.quote_depth = self.quote_depth.saturating_sub(1),
                _ => {}
            }
        }
    }

    /// Close an open `name` up to the nearest of `scope`, as an implied end tag.
    fn implied_close(&mut self, names: &[&str], scope: &[&str]) {
        for (i, o) in self.stack.iter().enumerate().rev() {
            if names.contains(&o.name.as_str()) {
                self.close(i);
                return;
            }
            if scope.contains(&o.name.as_str()) {
                return;
            }
        }
    }
}

impl Page {
    /// Parse an HTML document or fragment.
    pub fn parse(html: &str) -> Page {
        let mut p = Parser {
            nodes: vec![Node {
                tag: String::new(),
                parent: 0,
                chrome: false,
                hidden: false,
                class_weight: 0,
                images: 0,
                caption: false,
                lead: false,
                loose_lead: false,
                credit: false,
                comments: false,
                consent: false,
                dialog: false,
                post_text: false,
                ad_box: false,
                widget_box: false,
                toc_box: false,
                class_hidden: false,
                about_box: false,
                class_chrome: false,
                class_key: 0,
                class_first: 0,
            }],
            blocks: Vec::new(),
            stack: Vec::new(),
            cur: Cur::new(Kind::Paragraph, 0),
            skip_depth: 0,
            link_depth: 0,
            pre_depth: 0,
            article_depth: 0,
            lists: Vec::new(),
            numbers: Vec::new(),
            item_number: None,
            tables: Vec::new(),
            counter: 0,
            heading: 0,
            quote_depth: 0,
            forum: forum_thread(html),
            math: None,
        };
        let mut in_title = false;
        // Whether a thread view's markup was seen on a page that declares itself an
        // article ([`thread_view`]): the page's word for itself goes before its markup.
        let mut view_refused = false;
        let mut title = String::new();
        let mut og_title: Option<String> = None;
        let mut og_item = false;
        let mut emitter = html5gum::DefaultEmitter::default();
        // script, style and friends hold raw text, not markup.
        emitter.naively_switch_states(true);
        for Ok(token) in Tokenizer::new_with_emitter(html, Quiet::new(emitter)) {
            match token {
                // Tag names come lower-cased from the tokenizer.
                Token::StartTag(tag) => {
                    let name = utf8(&tag.name).into_owned();
                    let sets = tag_sets(&name);
                    // `<script src=… />` is no empty script: as in a browser, the text up
                    // to `</script>` is its (the tokenizer reads it as script text), and
                    // so for the other elements of raw text.
                    let raw_text = matches!(
                        name.as_str(),
                        "script" | "style" | "xmp" | "iframe" | "noembed" | "noframes" | "textarea"
                    );
                    let void = sets.void || (tag.self_closing && !raw_text);
                    if name == "title" && !void {
                        // The page's first title; an icon's (`<svg><title>Facebook
                        // icon</title>`) or a second one names no page.
                        in_title = p.skip_depth == 0 && title.is_empty();
                        continue;
                    }
                    let attr = |k: &str| {
                        tag.attributes
                            .get(k.as_bytes())
                            .map(|v| utf8(&v.0).into_owned())
                    };
                    // A page saved without its `<title>` (WeChat's) names itself in its
                    // Open Graph title.
                    if name == "meta" && og_title.is_none() {
                        let prop = attr("property").or_else(|| attr("name"));
                        if prop.is_some_and(|v| v.eq_ignore_ascii_case("og:title")) {
                            og_title = attr("content");
                        }
                    }
                    if name == "meta"
                        && attr("property")
                            .or_else(|| attr("name"))
                            .is_some_and(|v| v.eq_ignore_ascii_case("og:type"))
                    {
                        og_item |= attr("content").is_some_and(|t| {
                            let t = t.to_ascii_lowercase();
                            t.contains("article") || t.contains("product")
                        });
                    }
                    if p.skip_depth > 0 {
                        if !void && p.stack.len() < MAX_DEPTH {
                            if let Some(f) = p.math.as_mut() {
                                let tex = attr("encoding").is_some_and(|e| {
                                    let e = e.trim().to_ascii_lowercase();
                                    e == "application/x-tex" || e == "tex"
                                });
                                f.open(&name, tex);
                            }
                            p.stack.push(Open {
                                inline: tag_sets(&name).inline,
                                holds_blocks: false,
                                name,
                                node: 0,
                                skip: false,
                                link: None,
                                href: String::new(),
                                pre: false,
                                mark: "",
                                serial: 0,
                                post: false,
                                marked: None,
                            });
                        }
                        continue;
                    }
                    // Implied end tags.
                    match name.as_str() {
                        "li" => p.implied_close(&["li"], &["ul", "ol", "menu", "table"]),
                        "dt" | "dd" => p.implied_close(&["dt", "dd"], &["dl", "table"]),
                        "tr" => p.implied_close(&["tr"], &["table"]),
                        "td" | "th" => p.implied_close(&["td", "th"], &["tr", "table"]),
                        "p" | "div" | "ul" | "ol" | "table" | "h1" | "h2" | "h3" | "h4" | "h5"
                        | "h6" | "pre" | "blockquote" | "section" | "figure" | "dl"
                            if p.stack.last().is_some_and(|o| o.name == "p") =>
                        {
                            let i = p.stack.len() - 1;
                            p.close(i);
                        }
                        _ => {}
                    }
                    let block = sets.block;
                    if block && p.pre_depth > 0 && name != "pre" {
                        // Inside code a line break, or an element per line (highlight.js's
                        // line numbers plugin, `div.hljs-ln-line`), is a new line of the
                        // code, not a new block.
                        p.code_line(name == "br");
                    } else if block {
                        p.flush();
                    }
                    let parent = p.stack.last().map_or(0, |o| o.node);
                    if name == "img" {
                        if let Some(n) = p.nodes.get_mut(parent as usize) {
                            n.images += 1;
                        }
                        // Wikipedia's picture of a formula, its alt text the TeX its MathML
                        // said ([`formula`]).
                        if attr("class").is_some_and(|c| c.contains("mwe-math-fallback-image")) {
                            continue;
                        }
                        let alt = attr("alt").unwrap_or_default();
                        let src = attr("src").unwrap_or_default();
                        // A formula drawn as a picture by a TeX service (WordPress's
                        // `img.latex`, CodeCogs): its alt text is the TeX, a word of the text.
                        if formula::tex_image(attr("class").as_deref(), &src)
                            && !alt.trim().is_empty()
                        {
                            p.text(&format!(
                                "${}$",
                                alt.split_whitespace().collect::<Vec<_>>().join(" ")
                            ));
                            continue;
                        }
                        // An emoji drawn as an image (WordPress's `img.wp-smiley`, `alt="🙏"`)
                        // is a character of the text.
                        if inline_emoji(&alt, &src, attr("class").as_deref()) {
                            p.text(alt.trim());
                            continue;
                        }
                        if meaningful_image(&alt, &src) && p.link_depth == 0 {
                            p.flush();
                            let mut b = Block::new(Kind::Caption);
                            b.text = alt.split_whitespace().collect::<Vec<_>>().join(" ");
                            b.markdown = format!("![{}]({src})", b.text);
                            b.node = parent;
                            p.blocks.push(b);
                        }
                        continue;
                    }
                    if name == "br" {
                        continue;
                    }
                    if (name == "td" || name == "th") && p.pre_depth == 0 {
                        p.cur.cells += 1;
                        if !p.cur.block.text.is_empty() {
                            p.cur.block.text.push_str(" | ");
                            p.cur.block.markdown.push_str(" | ");
                            p.cur.pending = 0;
                        }
                    }
                    if void {
                        continue;
                    }
                    // The class attribute as written, read once for the checks on its
                    // names below.
                    let class_attr = attr("class");
                    let class_names =
                        || class_attr.as_deref().unwrap_or("").split_ascii_whitespace();
                    if !p.forum && !view_refused && thread_view(&name, class_names()) {
                        if declared_item(html) {
                            view_refused = true;
                        } else {
                            p.forum = true;
                        }
                    }
                    let class = [attr("class"), attr("id").filter(|id| !heading_slug(id))]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(" ");
                    let mut class_weight = 0i32;
                    let mut chrome_class = false;
                    // Whether every chrome word of the class names an ad.
                    let mut ad_words = true;
                    // Whether every chrome word of the class is `widget`; `toc`.
                    let mut widget_words = true;
                    let mut toc_words = true;
                    let mut about_words = false;
                    let mut caption = false;
                    let mut comments = false;
                    let mut consent = false;
                    let mut dialog = false;
                    let mut credit = false;
                    let mut folded = false;
                    let mut loose_lead = false;
                    let mut lead = {
                        let c = class.to_ascii_lowercase();
                        ["standfirst", "stand-first", "stand_first"]
                            .iter()
                            .any(|w| c.contains(w))
                    };
                    let list_element = matches!(name.as_str(), "ul" | "ol" | "dl" | "li");
                    for w in class_words(&class) {
                        caption |= matches!(w.as_str(), "caption" | "figcaption");
                        lead |= LEAD_WORDS.contains(&w.as_str());
                        loose_lead |= LOOSE_LEAD_WORDS.contains(&w.as_str());
                        credit |= matches!(w.as_str(), "credit" | "credits");
                        folded |= FOLDED_WORDS.contains(&w.as_str());
                        let comment_word = w.starts_with("comment") && !w.starts_with("commentary");
                        if comment_word && p.forum {
                            // A forum's posts (Invision's `div#comments.cTopic`, Vanilla's
                            // `CommentsWrap`) are the page's text.
                            continue;
                        }
                        comments |= comment_word;
                        consent |= CONSENT_PREFIXES.iter().any(|c| w.starts_with(c));
                        dialog |= DIALOG_WORDS.contains(&w.as_str())
                            || DIALOG_PREFIXES.iter().any(|c| w.starts_with(c));
                        if list_element && matches!(w.as_str(), "list" | "lists") {
                            // A list called a list says nothing about what it lists.
                            continue;
                        }
                        match class_word(&w) {
                            Word::Chrome => {
                                chrome_class = true;
                                ad_words &= AD_WORDS.contains(&w.as_str());
                                widget_words &= w == "widget";
                                toc_words &= w == "toc";
                                about_words |= ABOUT_WORDS.contains(&w.as_str());
                                class_weight -= 25;
                            }
                            Word::Article => class_weight += 25,
                            Word::Negative => class_weight -= 10,
                            Word::Other => {}
                        }
                    }
                    let class_weight = class_weight.clamp(-50, 50);
                    // A caption written as an inline element inside a paragraph (`<p><span
                    // class="caption">…</span> Text…`) is a block of its own.
                    if caption && !block && p.link_depth == 0 && p.pre_depth == 0 {
                        p.flush();
                    }
                    let role = attr("role").unwrap_or_default().to_ascii_lowercase();
                    // (HTML's `popover` attribute: shown over the page when called, as
                    // a forum's prompt to turn on notifications, `<i-card popover>`.)
                    dialog |= name == "dialog"
                        || matches!(role.as_str(), "dialog" | "alertdialog")
                        || attr("aria-modal").is_some_and(|v| v.eq_ignore_ascii_case("true"))
                        || tag.attributes.contains_key(b"popover".as_slice());
                    let style = attr("style").unwrap_or_default().to_ascii_lowercase();
                    // A folded answer or section (`div.faq__answer` shown by a click,
                    // `div.panel-collapse`), and a part of the page a script streams in
                    // and moves into place (React's `<div hidden id="S:3">`), are the
                    // page's text, only not shown yet.
                    let streamed = attr("id").is_some_and(|id| {
                        id.strip_prefix("S:")
                            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
                    });
                    // Wikipedia's MathML, hidden behind its picture of the formula
                    // (`div.mwe-math-mathml-display` with `display: none`), is the
                    // formula's text ([`formula`]).
                    let formula_copy = class_names().any(|w| w.starts_with("mwe-math-mathml"));
                    // A utility class that hides the element (`div.hidden`, Bootstrap's
                    // `d-none`), unless another class shows it again on some screens
                    // (Tailwind's `hidden md:block`, Bootstrap's `d-none d-lg-flex`). A
                    // script often shows such an element (a tab's list, data for a
                    // carousel), so it hides only a forum post's text inside it: a copy of
                    // the opening post for schema.org (XenForo themes' `div.hidden >
                    // article[itemprop=text]`), the same post shown again below.
                    let class_hidden = class_names().any(|c| {
                        ["hidden", "d-none", "is-hidden"]
                            .iter()
                            .any(|h| c.eq_ignore_ascii_case(h))
                    }) && !class_names().any(|c| {
                        let c = c.as_bytes();
                        c.contains(&b':')
                            || (c.len() >= 2
                                && c[..2].eq_ignore_ascii_case(b"d-")
                                && !c.eq_ignore_ascii_case(b"d-none"))
                            || (c.len() >= 7 && c[..7].eq_ignore_ascii_case(b"visible"))
                    });
                    // A tab's panel not shown yet (`div[role=tabpanel][hidden]`: a
                    // guide's code in another language, a product's specifications) is
                    // folded as an accordion's is.
                    let folded = folded || role == "tabpanel";
                    let hidden = !folded
                        && !streamed
                        && !formula_copy
                        && (tag.attributes.contains_key(b"hidden".as_slice())
                            || (p.forum
                                && attr("itemprop").is_some_and(|v| v == "text")
                                && p.stack
                                    .iter()
                                    .any(|o| p.nodes[o.node as usize].class_hidden))
                            || attr("aria-hidden").is_some_and(|v| v == "true")
                            || style.replace(' ', "").contains("display:none"));
                    // Text for screen readers is read by nobody else: left out like a script.
                    // A CSS module's name keeps the word inside
                    // (`utilities_visuallyhidden__5vJWI`).
                    let screen_reader = attr("class").is_some_and(|c| {
                        c.split_ascii_whitespace().any(|c| {
                            let c = c.to_ascii_lowercase();
                            SCREEN_READER_CLASSES.contains(&c.as_str())
                                || PLAYER_CLASSES.contains(&c.as_str())
                                || (c.contains("visuallyhidden") && !c.contains("not"))
                        })
                    });
                    // The page's main content is what `main` says it is, whatever its
                    // class or id (`main#skip-main` is the target of a skip link).
                    let main = name == "main" || role == "main";
                    // A post's counts of likes or shares as schema.org marks them
                    // (`div[itemprop=interactionStatistic] > span.post-likes`: `3 Likes`).
                    let counter = attr("itemprop").is_some_and(|v| v == "interactionStatistic");
                    // Of a forum's post, the poster's signature (`aside.message-signature`,
                    // `div.signature`, Invision's `data-role="memberSignature"`), details
                    // and the note of its last edit ([`POSTER_WORDS`]; Invision's `<span
                    // data-excludequote>Edited January 29 by …`, kept out of quotes) are no
                    // text of it.
                    let post_chrome = p.forum
                        && (class_words(&class).any(|w| {
                            w.starts_with("signature") || POSTER_WORDS.contains(&w.as_str())
                        }) || attr("data-role").is_some_and(|r| r == "memberSignature")
                            || tag.attributes.contains_key(b"data-excludequote".as_slice()));
                    // (On a forum's thread the posts sit in a moderation `form`.)
                    // A poster's signature under a post, on any forum's page
                    // (`blockquote.signature`, `div.signaturecontainer`; by its class: an
                    // `h2#model-signature` is a heading).
                    // (The class's words are read again only where it says `signature`:
                    // this runs for every element of every page.)
                    let signature = attr("class").is_some_and(|c| {
                        c.as_bytes()
                            .windows(9)
                            .any(|w| w.eq_ignore_ascii_case(b"signature"))
                            && class_words(&c).any(|w| w.starts_with("signature"))
                    });
                    // Chrome by its markup (tag, role, hiddenness), not by class words.
                    let by_markup = (sets.chrome && !(p.forum && name == "form"))
                        || signature
                        || (name == "header" && p.article_depth == 0)
                        || CHROME_ROLES.contains(&role.as_str())
                        || hidden
                        || counter;
                    let chrome = by_markup || (chrome_class && !main);
                    // A button inside a heading that opens a panel is an accordion's label
                    // (the ARIA pattern `<h3><button aria-expanded="false">How long does it
                    // take?</button></h3>`, its answer in a panel beside; or a button its
                    // class calls an accordion's): the heading's text. (A recipe's `1x` `2x`
                    // buttons in its heading are not.)
                    let heading_button = name == "button"
                        && p.heading > 0
                        && (folded
                            || attr("aria-expanded").is_some()
                            || attr("aria-controls").is_some());
                    // A formula's rendering for the eye is left out; the formula is read from
                    // its TeX or MathML ([`formula`]).
                    let skip = (sets.skip && !heading_button)
                        || post_chrome
                        || screen_reader
                        || formula::rendered(&name, class_attr.as_deref())
                        || class_names().any(|w| {
                            // A code block's line numbers (Hexo's `td.gutter`, Pygments'
                            // `linenos`, Rouge's `rouge-gutter`, CSDN's `ul.pre-numbering`),
                            // and a wiki's link to edit the section, in its heading:
                            // `History[edit]`.
                            LINE_NUMBER_CLASSES.contains(&w)
                                || (w == "gutter" && name == "td")
                                || w == "mw-editsection"
                                || w == "editsection"
                        })
                        || attr("id").is_some_and(|id| META_IDS.contains(&id.as_str()));
                    let formula_start = match name.as_str() {
                        "math" if skip => Some(Formula::math(
                            0,
                            attr("display").is_some_and(|d| d.trim().eq_ignore_ascii_case("block")),
                            attr("alttext"),
                        )),
                        "script" => attr("type")
                            .and_then(|t| formula::tex_script(&t))
                            .map(|display| Formula::script(0, display)),
                        _ => None,
                    };
                    let node = p.nodes.len() as u32;
                    let keys = class_key(class_attr.as_deref());
                    p.nodes.push(Node {
                        tag: name.clone(),
                        parent,
                        chrome,
                        hidden,
                        class_weight,
                        images: 0,
                        caption,
                        comments,
                        consent,
                        dialog,
                        lead,
                        loose_lead,
                        credit,
                        post_text: p.forum
                            && (attr("itemprop").is_some_and(|v| v == "text")
                                || engine_post_text(
                                    &name,
                                    class_attr.as_deref().unwrap_or(""),
                                    attr("data-role").as_deref(),
                                )),
                        ad_box: chrome_class
                            && ad_words
                            && !sets.chrome
                            && !CHROME_ROLES.contains(&role.as_str())
                            && !hidden,
                        widget_box: chrome_class
                            && widget_words
                            && !sets.chrome
                            && !CHROME_ROLES.contains(&role.as_str())
                            && !hidden,
                        toc_box: chrome_class
                            && toc_words
                            && !sets.chrome
                            && !CHROME_ROLES.contains(&role.as_str())
                            && !hidden,
                        class_hidden,
                        about_box: (name == "footer" || (chrome_class && about_words)) && !main,
                        class_chrome: chrome_class && !main && !by_markup,
                        class_key: keys.0,
                        class_first: keys.1,
                    });
                    let mut link = None;
                    let mut href = String::new();
                    // A keyword the site links to its search (Zhihu's
                    // `a.RichContent-EntityWord`, put on words of the text by the site,
                    // not the author) is text, not a link: a sentence with three of them
                    // is no link list.
                    let keyword = name == "a" && class_words(&class).any(|w| w == "entityword");
                    if name == "a" && !keyword {
                        p.link_depth += 1;
                        href = attr("href").unwrap_or_default();
                        if href.starts_with("javascript:") {
                            href.clear();
                        }
                        // A post by Discourse's own `system` user (its author linked to
                        // `/u/system`) is the forum's notice, not a post: `This topic was
                        // automatically closed 30 days after the last reply. New replies
                        // are no longer allowed.`
                        if p.forum && href.ends_with("/u/system") {
                            if let Some(post) = p.stack.iter().rev().find(|o| o.post) {
                                p.nodes[post.node as usize].chrome = true;
                            }
                        }
                        p.cur.block.markdown.push('[');
                        link = Some(p.cur.block.markdown.len());
                    }
                    let mark = match name.as_str() {
                        "strong" | "b" => "**",
                        "em" | "i" => "*",
                        "code" if p.pre_depth == 0 => "`",
                        _ => "",
                    };
                    if !mark.is_empty() {
                        p.cur.block.markdown.push_str(mark);
                    }
                    match name.as_str() {
                        "article" | "main" => p.article_depth += 1,
                        "ul" | "ol" | "dl" | "menu" => {
                            p.counter += 1;
                            p.lists.push(p.counter);
                            // An ordered list numbers its items from `start` (1), as a
                            // browser shows them; `type` letters and roman numerals too
                            // are written as digits.
                            p.numbers.push((name == "ol").then(|| {
                                attr("start")
                                    .and_then(|v| v.trim().parse::<u64>().ok())
                                    .unwrap_or(1)
                            }));
                        }
                        "li" => {
                            p.item_number = match p.numbers.last_mut() {
                                Some(Some(n)) => {
                                    let value = attr("value")
                                        .and_then(|v| v.trim().parse::<u64>().ok())
                                        .unwrap_or(*n);
                                    *n = value + 1;
                                    Some(format!("{value}. "))
                                }
                                _ => None,
                            };
                        }
                        "table" => {
                            p.counter += 1;
                            p.tables.push((p.counter, 0));
                        }
                        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                            p.heading = name.as_bytes()[1] - b'0';
                        }
                        "blockquote" => p.quote_depth += 1,
                        _ => {}
                    }
                    let pre = name == "pre" || name == "listing" || name == "xmp";
                    if pre {
                        p.pre_depth += 1;
                    }
                    if p.stack.len() < MAX_DEPTH {
                        // (A form or a box of chrome inside a `span` makes it no
                        // container of text: Yahoo's search box inside a linked name.)
                        if block && !skip && !CHROME_TAGS.contains(&name.as_str()) {
                            for o in p.stack.iter_mut().rev().take_while(|o| o.inline) {
                                o.holds_blocks = true;
                            }
                        }
                        let marked = if name == "sup" {
                            Some((p.cur.block.text.len(), p.cur.block.markdown.len()))
                        } else if href.starts_with('#') {
                            // (Before the link's `[`.)
                            link.map(|start| (p.cur.block.text.len(), start.saturating_sub(1)))
                        } else {
                            None
                        };
                        p.stack.push(Open {
                            // (An accordion's label is the heading's text, in its block.)
                            inline: sets.inline || heading_button,
                            holds_blocks: false,
                            name,
                            node,
                            skip,
                            link,
                            href,
                            pre,
                            mark,
                            serial: p.cur.serial,
                            post: p.forum
                                && attr("itemtype").is_some_and(|t| {
                                    t.ends_with("/DiscussionForumPosting")
                                        || t.ends_with("/Comment")
                                }),
                            marked,
                        });
                        if skip {
                            p.skip_depth += 1;
                        }
                        if let Some(mut f) = formula_start {
                            f.depth = p.stack.len() - 1;
                            p.math = Some(f);
                        }
                    } else if link.is_some() {
                        p.link_depth -= 1;
                    }
                }
                Token::EndTag(tag) => {
                    let name = utf8(&tag.name).into_owned();
                    if name == "title" {
                        in_title = false;
                        continue;
                    }
                    let block = tag_sets(&name).block;
                    if let Some(pos) = p.stack.iter().rposition(|o| o.name == name) {
                        let was_skipping = p.skip_depth > 0;
                        let caption = p.nodes[p.stack[pos].node as usize].caption
                            && p.link_depth == 0
                            && p.pre_depth == 0;
                        if block && !was_skipping && p.pre_depth > 0 && name != "pre" {
                            p.code_line(false);
                        } else if (block || caption) && !was_skipping {
                            p.flush();
                        }
                        p.close(pos);
                        p.formula_closed();
                    } else if block && p.skip_depth == 0 {
                        p.flush();
                    }
                }
                Token::String(s) => {
                    let text = utf8(&s);
                    if in_title {
                        title.push_str(&text);
                        continue;
                    }
                    if p.skip_depth > 0 {
                        if let Some(f) = p.math.as_mut() {
                            f.text(&text);
                        }
                        continue;
                    }
                    // A soft hyphen is where a line may break, not a letter of the word.
                    if text.contains('\u{AD}') {
                        p.text(&text.replace('\u{AD}', ""));
                        continue;
                    }
                    p.text(&text);
                }
                _ => {}
            }
        }
        // A formula the page left open ends with it.
        if let Some(depth) = p.math.as_ref().map(|f| f.depth) {
            p.close(depth.min(p.stack.len()));
            p.formula_closed();
        }
        p.flush();
        let mut t: String = title.split_whitespace().collect::<Vec<_>>().join(" ");
        t = without_notice_count(&t).to_string();
        if t.is_empty() {
            if let Some(og) = og_title {
                t = og.split_whitespace().collect::<Vec<_>>().join(" ");
            }
        }
        Page {
            nodes: p.nodes,
            blocks: p.blocks,
            title: (!t.is_empty()).then_some(t),
            forum: p.forum,
            item: og_item || declared_item(html),
        }
    }

    /// The article's blocks, in document order.
    ///
    /// Text in a small element whose class says caption is a caption. Lines that only
    /// credit an image (`Photo: Hau Dinh, AP`, `Getty Images`) go, and so does a credit at
    /// the end of a caption. A caption said again — the same text, or a shorter copy of
    /// it (a gallery's truncated `… more` and full `less` versions) — is kept once, the
    /// longest, without its expand button's word. An image's alt text that its caption
    /// says again goes; a block that is only an address goes.
    pub fn article(&self) -> Vec<Block> {
        let keep = self.choose();
        let in_caption = self.caption_nodes();
        let seo = self.seo_alts();
        let quoted = self.quote_nodes();
        let any_quote = quoted.contains(&true);
        // The text of each block kept so far, whitespace made single spaces: a quote
        // that says one again goes ([`QUOTED_COPY_MIN_CHARS`]; on a page that is no
        // forum's thread, [`QUOTED_PROSE_COPY_MIN_CHARS`]: a note or a step said twice on
        // purpose is short).
        let mut said: std::collections::HashSet<String> = std::collections::HashSet::new();
        let copy_min = if self.forum {
            QUOTED_COPY_MIN_CHARS
        } else {
            QUOTED_PROSE_COPY_MIN_CHARS
        };
        // A forum thread's posters' details, a line each beside every post (`Join Date:
        // Aug 2008`, `Location: SIN`, `Posts: 1,077`): on a page with two or more counts
        // of posts and two or more days joined, every detail whose label the page shows
        // twice or more is no text (a thread whose forum does not mark its posts).
        let mut details: std::collections::HashMap<&str, usize> = Default::default();
        for b in &self.blocks {
            if let Some(label) = poster_detail(b.text.trim()) {
                *details.entry(label).or_default() += 1;
            }
        }
        let shown = |labels: &[&str]| -> usize {
            labels
                .iter()
                .map(|l| details.get(l).copied().unwrap_or(0))
                .sum()
        };
        let posters = shown(POSTER_COUNT_LABELS) >= 2 && shown(POSTER_JOIN_LABELS) >= 2;
        let mut out: Vec<Option<Block>> = Vec::new();
        // Captions kept so far: their text without `… more` / `less`, and their place.
        let mut captions: Vec<(String, usize)> = Vec::new();
        // Places of captions that had copies.
        let mut copied: Vec<usize> = Vec::new();
        for (b, k) in self.blocks.iter().zip(keep) {
            if !k {
                continue;
            }
            let t = b.text.trim();
            if !t.contains(' ') && (t.starts_with("http://") || t.starts_with("https://")) {
                continue;
            }
            if posters && poster_detail(t).is_some_and(|l| details.get(l).is_some_and(|n| *n >= 2))
            {
                continue;
            }
            let mut b = b.clone();
            if b.kind == Kind::Paragraph && in_caption[b.node as usize] {
                b.kind = Kind::Caption;
            }
            if matches!(b.kind, Kind::Caption | Kind::Paragraph) && credit_line(t) {
                continue;
            }
            // A caption's credit by its class (`figcaption > div.caption-credit`: `Nissan`).
            if b.kind == Kind::Caption && self.nodes[b.node as usize].credit {
                continue;
            }
            if b.kind == Kind::Caption && (gallery_counter(t) || seo.contains(&b.text)) {
                continue;
            }
            if b.kind == Kind::Caption {
                if let Some(cut) = credit_tail(&b.text) {
                    // (And the bar, dash, slash or comma it stood behind: `… gesegnet. | ©
                    // Getty Images`, `… Becken, Foto: EnBW`.)
                    let text = b.text[..cut]
                        .trim_end_matches(|c: char| {
                            c.is_whitespace() || matches!(c, '|' | '–' | '—' | '-' | '/' | ',')
                        })
                        .to_string();
                    let credit = b.text[cut..].to_string();
                    let markdown = b.markdown.replacen(&credit, "", 1).trim_end().to_string();
                    b.set_text(text, markdown);
                }
                let key = caption_key(&b.text).to_string();
                if key.is_empty() {
                    // Only a button's word.
                    continue;
                }
                if let Some((_, at)) = captions.iter().find(|(k, _)| copy_of(&key, k)) {
                    copied.push(*at);
                    continue;
                }
                let mut copy = false;
                for (k, at) in &captions {
                    if copy_of(k, &key) {
                        out[*at] = None;
                        copy = true;
                    }
                }
                captions.retain(|(k, _)| !copy_of(k, &key));
                if copy {
                    copied.push(out.len());
                }
                captions.push((key, out.len()));
            }
            // A quote of a block kept above it (a forum's reply quoting an earlier post,
            // a pull quote of the article's sentence): the text said once is enough.
            if any_quote && b.kind != Kind::Code {
                let flat = t.split_whitespace().collect::<Vec<_>>().join(" ");
                let chars = flat.chars().count();
                if chars >= QUOTED_COPY_MIN_CHARS {
                    if quoted[b.node as usize] && chars >= copy_min && said.contains(&flat) {
                        continue;
                    }
                    said.insert(flat);
                }
            }
            // An alt text that the next block (its caption) says again.
            if let Some(Some(prev)) = out.last() {
                if prev.kind == Kind::Caption
                    && !prev.text.is_empty()
                    && b.text.contains(prev.text.as_str())
                {
                    out.pop();
                    captions.retain(|(_, at)| *at < out.len());
                }
            }
            out.push(Some(b));
        }
        // A caption kept over its copies loses its expand button's word (`less`).
        for at in copied {
            if let Some(Some(b)) = out.get_mut(at) {
                let text = b.text.trim();
                let key = caption_key(text);
                if key.len() < text.len() {
                    let button = &text[key.len()..];
                    let markdown = b.markdown.trim_end();
                    let markdown = markdown.strip_suffix(button).unwrap_or(markdown).trim_end();
                    b.set_text(key.to_string(), markdown.to_string());
                }
            }
        }
        out.into_iter().flatten().collect()
    }

    /// Per element: whether it is, or is inside, an element whose class says caption and
    /// that holds little text (a class word on a whole article is not a caption).
    /// Alt texts written for search engines, not readers: those that name the site
    /// ([`site_name`] of the page's title) when at least [`SEO_ALTS_MIN`] of the page's
    /// images' alt texts do (`Montauk Long Island USA Reiseblog BeFifty` on a page titled
    /// `BeFifty - Der Blog für Frauen über 40 und über 50`). A caption seldom names the
    /// site it is on, and never image after image.
    fn seo_alts(&self) -> Vec<String> {
        let Some(site) = self.title.as_deref().and_then(site_name) else {
            return Vec::new();
        };
        let site = site.to_lowercase();
        let naming: Vec<String> = self
            .blocks
            .iter()
            .filter(|b| b.kind == Kind::Caption && b.markdown.starts_with("!["))
            .filter(|b| contains_words(&b.text.to_lowercase(), &site))
            .map(|b| b.text.clone())
            .collect();
        if naming.len() >= SEO_ALTS_MIN {
            naming
        } else {
            Vec::new()
        }
    }

    /// Per element: whether it is, or is inside, a quotation (`blockquote`, `q`).
    fn quote_nodes(&self) -> Vec<bool> {
        let n = self.nodes.len();
        let mut inside = vec![false; n];
        for i in 1..n {
            let node = &self.nodes[i];
            inside[i] =
                inside[node.parent as usize] || matches!(node.tag.as_str(), "blockquote" | "q");
        }
        inside
    }

    fn caption_nodes(&self) -> Vec<bool> {
        let n = self.nodes.len();
        let mut inside = vec![false; n];
        if !self.nodes.iter().any(|x| x.caption) {
            return inside;
        }
        let mut w = vec![0usize; n];
        for b in &self.blocks {
            for a in self.ancestors(b.node) {
                w[a as usize] += b.weight();
            }
        }
        for i in 1..n {
            let node = &self.nodes[i];
            inside[i] = inside[node.parent as usize] || (node.caption && w[i] <= 600);
        }
        inside
    }

    /// The page's one level-1 heading (the only `h1` with text) when it shares a part of
    /// the page with the element `node` (the article's first block): the nearest element
    /// holding both is neither `html` nor `body` — a site's name in an `h1` of the page's
    /// header sits beside the article, not in its part. The index of its block.
    pub fn sole_headline_near(&self, node: u32) -> Option<usize> {
        let mut h1 = self
            .blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| b.kind == Kind::Heading(1) && !b.text.trim().is_empty());
        let (i, h) = h1.next()?;
        if h1.next().is_some() {
            return None;
        }
        let up: Vec<u32> = self.ancestors(node).collect();
        let common = self.ancestors(h.node).find(|a| up.contains(a))?;
        let tag = self.nodes.get(common as usize).map(|n| n.tag.as_str());
        (common != 0 && !matches!(tag, Some("html" | "body"))).then_some(i)
    }

    /// Each element's first and last block (indices into `blocks`), if it holds any.
    fn block_spans(&self, blocks: &[Block]) -> Vec<Option<(usize, usize)>> {
        let mut span: Vec<Option<(usize, usize)>> = vec![None; self.nodes.len()];
        for (k, b) in blocks.iter().enumerate() {
            for a in self.ancestors(b.node) {
                let e = span[a as usize].get_or_insert((k, k));
                e.1 = k;
            }
        }
        span
    }

    /// The elements of the lists a sentence of the text introduces, and inside them:
    /// a list right after a paragraph that is a sentence ending with a colon (`Here's what
    /// has been done during the past months:`), of at least two items, two in three of
    /// which say something (at least [`INTRODUCED_ITEM_MIN_WORDS`] words or twice as many
    /// CJK characters), with the elements around it that hold nothing else. Such a list is
    /// the text's, however much of it is links (a report's pull requests, a post's
    /// sources); a menu or a list of other articles is introduced by a label
    /// (`Related posts:`) or a sentence offering more reading ([`MORE_READING`]).
    fn introduced_lists(&self, blocks: &[Block], span: &[Option<(usize, usize)>]) -> Vec<bool> {
        let n = self.nodes.len();
        let mut introduced = vec![false; n];
        let says_something = |t: &str| {
            let words = t
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric));
            let cjk = t.chars().filter(|&c| is_cjk(c)).count();
            words.count() >= INTRODUCED_ITEM_MIN_WORDS || cjk >= 2 * INTRODUCED_ITEM_MIN_WORDS
        };
        for i in 1..n {
            if !matches!(self.nodes[i].tag.as_str(), "ul" | "ol") {
                continue;
            }
            let Some((first, last)) = span[i] else {
                continue;
            };
            let Some(intro) = first.checked_sub(1).map(|k| &blocks[k]) else {
                continue;
            };
            let text = intro.text.trim_end();
            let items = &blocks[first..=last];
            if intro.kind != Kind::Paragraph
                || intro.link_density() >= 0.5
                || !text.ends_with([':', '：'])
                || !crate::record::sentence_like(text)
                || more_reading(text)
                || items.len() < 2
                || !items
                    .iter()
                    .all(|b| matches!(b.kind, Kind::Item { .. } | Kind::Paragraph))
                || items.iter().filter(|b| says_something(&b.text)).count() * 3 < items.len() * 2
            {
                continue;
            }
            // The list, and the elements around it that hold nothing but it.
            for a in self.ancestors(i as u32) {
                if span[a as usize] != Some((first, last)) {
                    break;
                }
                introduced[a as usize] = true;
            }
        }
        // And everything inside them.
        for i in 1..n {
            introduced[i] |= introduced[self.nodes[i].parent as usize];
        }
        introduced
    }

    fn ancestors(&self, mut n: u32) -> impl Iterator<Item = u32> + '_ {
        let mut first = true;
        std::iter::from_fn(move || {
            if first {
                first = false;
                return Some(n);
            }
            if n == 0 {
                return None;
            }
            n = self.nodes[n as usize].parent;
            Some(n)
        })
    }

    /// Which blocks are the article.
    pub fn choose(&self) -> Vec<bool> {
        let n = self.nodes.len();
        let blocks = &self.blocks;
        if blocks.is_empty() {
            return Vec::new();
        }
        // Per element: text weight, link weight, prose weight, commas, paragraphs, items.
        let mut w = vec![0usize; n];
        let mut lw = vec![0usize; n];
        let mut prose = vec![0f64; n];
        let mut paras = vec![0usize; n];
        let mut items = vec![0usize; n];
        let mut commas = vec![0usize; n];
        let mut strong = vec![0usize; n];
        // Strong prose but for images' alt texts and captions; headings that are links.
        let mut strong_text = vec![0usize; n];
        let mut linked_heads = vec![0usize; n];
        let mut heads = vec![0usize; n];
        let mut imgs = vec![0u32; n];
        for (i, node) in self.nodes.iter().enumerate().rev() {
            imgs[i] += node.images;
            if i > 0 {
                let p = node.parent as usize;
                imgs[p] += imgs[i];
            }
        }
        for b in blocks {
            let bw = b.weight();
            let bp = bw as f64 * (1.0 - b.link_density());
            let bc = count_commas(&b.text);
            let bs = if bw >= 80 && b.link_density() < 0.3 {
                bw
            } else {
                0
            };
            for a in self.ancestors(b.node) {
                let a = a as usize;
                w[a] += bw;
                lw[a] += b.link_weight;
                prose[a] += bp;
                commas[a] += bc;
                strong[a] += bs;
                if b.kind != Kind::Caption {
                    strong_text[a] += bs;
                }
                if matches!(b.kind, Kind::Heading(_)) {
                    if b.link_density() > 0.5 {
                        linked_heads[a] += 1;
                    } else {
                        heads[a] += 1;
                    }
                }
                match b.kind {
                    Kind::Item { .. } => items[a] += 1,
                    Kind::Paragraph => paras[a] += 1,
                    _ => {}
                }
            }
        }
        // Chrome, unless it holds most of the page's paragraphs — but for a box of
        // comments beside the headline, however much they say (a short article under
        // a long comment: the comment is still no part of it).
        let mut headline = vec![false; n];
        for (i, node) in self.nodes.iter().enumerate().skip(1) {
            if node.tag == "h1" {
                let mut a = i;
                while a != 0 && !headline[a] {
                    headline[a] = true;
                    a = self.nodes[a].parent as usize;
                }
            }
        }
        let any_headline = headline.iter().any(|h| *h);
        // A box asking for consent to cookies, however much its policy says (a consent
        // manager's dialog often holds more prose than a product page or a list of
        // recipes); a dialog over the page, however much it promises (a shop's newsletter
        // offer over a product's short text).
        let consent: Vec<bool> = (0..n)
            .map(|i| {
                let node = &self.nodes[i];
                i > 0
                    && (node.consent || node.dialog)
                    && !headline[i]
                    && !matches!(node.tag.as_str(), "body" | "html")
            })
            .collect();
        let total_strong = strong[0];
        // Boxes of one tag and class, chrome only by an ad's name, that each hold a
        // paragraph or two of prose and together most of the page's (each of an
        // article's paragraphs in a `div.section-and-ad`): the article, cut in pieces
        // between ads. So are boxes of one tag and class, chrome only by the word
        // `widget`, however many paragraphs each holds, inside an element with prose of
        // its own outside them (a buying guide's reviews, each in a
        // `div.c-product-widget`, beside its intro; together more than a third of the
        // page's prose, since the guide around them may say as much), and boxes chrome
        // only by the word `toc`, however much each holds (the sections a table of
        // contents links to, a state agency's `section.toc-para`: the table itself is
        // links); so are boxes chrome by any other class word alone (not comments,
        // consent, a dialog or an author's box), each under a heading of its own that is
        // no link, mostly prose and inside no chrome (a guide's sections, each a
        // `div.skip-item` or a `div.content-nav-section`; a promotion bar's notices have no headings, other
        // stories' teasers link theirs). Items of a list (other articles' teasers,
        // several paragraphs each), a sidebar's widgets and boxes inside chrome are none.
        // Prose of each element outside the widgets in it: a buying guide's reviews sit
        // in its text, beside its intro; a page of nothing but widgets (other stories'
        // excerpts, each in a `section.widget`) has no text of its own around them.
        let mut in_widget = vec![false; n];
        for i in 1..n {
            in_widget[i] = in_widget[self.nodes[i].parent as usize] || self.nodes[i].widget_box;
        }
        let mut unwidgeted = vec![0usize; n];
        for b in blocks {
            if b.weight() < 80 || b.link_density() >= 0.3 || in_widget[b.node as usize] {
                continue;
            }
            for a in self.ancestors(b.node) {
                unwidgeted[a as usize] += b.weight();
            }
        }
        let in_text = |i: usize| {
            self.ancestors(i as u32).skip(1).any(|a| {
                let tag = self.nodes[a as usize].tag.as_str();
                a != 0 && !matches!(tag, "body" | "html") && unwidgeted[a as usize] > 0
            })
        };
        let is_piece: Vec<bool> = (0..n)
            .map(|i| {
                let node = &self.nodes[i];
                node.chrome
                    && ((node.ad_box && paras[i] <= 2)
                        || (node.widget_box && in_text(i))
                        || node.toc_box
                        || (node.class_chrome
                            && !node.comments
                            && !node.consent
                            && !node.dialog
                            && !node.about_box
                            && linked_heads[i] == 0
                            && heads[i] > 0
                            && lw[i] * 10 < w[i] * 3
                            && !self
                                .ancestors(i as u32)
                                .skip(1)
                                .any(|a| self.nodes[a as usize].chrome)))
                    && node.class_key != 0
                    && strong[i] > 0
                    && matches!(node.tag.as_str(), "div" | "section" | "span" | "p")
                    // Not inside chrome that holds less than half the page's prose (a
                    // widget inside a widget is judged as the outer one is).
                    && !self.ancestors(i as u32).skip(1).any(|a| {
                        let node = &self.nodes[a as usize];
                        node.chrome && !node.widget_box && strong[a as usize] * 2 <= total_strong
                    })
            })
            .collect();
        let mut strong_by_class: std::collections::HashMap<(&str, u64), (usize, usize)> =
            std::collections::HashMap::new();
        for i in (1..n).filter(|&i| is_piece[i]) {
            let node = &self.nodes[i];
            let e = strong_by_class
                .entry((node.tag.as_str(), node.class_key))
                .or_default();
            e.0 += strong[i];
            e.1 += 1;
        }
        let pieces = |i: usize| {
            let node = &self.nodes[i];
            is_piece[i]
                && strong_by_class
                    .get(&(node.tag.as_str(), node.class_key))
                    .is_some_and(|&(sum, count)| {
                        let share = if node.widget_box { 3 } else { 2 };
                        count >= 2 && sum * share > total_strong
                    })
        };
        // The pieces, and inside a widget that is one, each widget (its name, its
        // label): the article's too; so is a widget around a piece that holds no other
        // strong prose (`div.c-product-widget` around each
        // `div.c-product-widget__product`, the outer ones of two classes: `--big` and
        // `--small`).
        let mut wraps = vec![false; n];
        for i in (1..n).filter(|&i| self.nodes[i].widget_box && pieces(i)) {
            for a in self.ancestors(i as u32).skip(1) {
                let a = a as usize;
                if !(self.nodes[a].widget_box && is_piece[a] && strong[a] == strong[i]) {
                    break;
                }
                wraps[a] = true;
            }
        }
        let mut piece = vec![false; n];
        let mut in_widget_piece = vec![false; n];
        for i in 1..n {
            let node = &self.nodes[i];
            let p = node.parent as usize;
            piece[i] = pieces(i) || wraps[i] || (node.widget_box && in_widget_piece[p]);
            in_widget_piece[i] = in_widget_piece[p] || (node.widget_box && piece[i]);
        }
        // A box about the text (a post's footer, its author's box) inside an element
        // with prose beside the box: chrome however much of the page's prose it holds
        // (a podcast's two sentences of notes above its author's longer bio).
        // A box named an author's that sits between paragraphs of the text, its parent's
        // prose going on after it (a writer's note `Getestet und geliebt!` in an
        // `div.author-box` inside the article): the text's, not chrome by that name.
        let span = self.block_spans(blocks);
        let mut about_in_text = vec![false; n];
        let mut inside_chrome = vec![false; n];
        for i in 1..n {
            let node = &self.nodes[i];
            inside_chrome[i] =
                inside_chrome[node.parent as usize] || (node.chrome && !node.about_box);
        }
        for (i, in_text) in about_in_text.iter_mut().enumerate().skip(1) {
            let node = &self.nodes[i];
            if !(node.about_box && node.tag != "footer" && node.class_chrome) {
                continue;
            }
            let Some((_, last)) = span[i] else {
                continue;
            };
            let parent = node.parent;
            *in_text = blocks[last + 1..].iter().any(|b| {
                b.weight() >= 80
                    && b.link_density() < 0.3
                    && !inside_chrome[b.node as usize]
                    && self.ancestors(b.node).any(|a| a == parent)
            });
        }
        let about_beside_prose: Vec<bool> = (0..n)
            .map(|i| {
                let node = &self.nodes[i];
                i > 0
                    && node.chrome
                    && node.about_box
                    && !headline[i]
                    && self.ancestors(i as u32).skip(1).any(|a| {
                        let tag = self.nodes[a as usize].tag.as_str();
                        a != 0 && !matches!(tag, "body" | "html") && strong[a as usize] > strong[i]
                    })
            })
            .collect();
        // A page's `footer` (by its tag, not inside an `article`), where a paragraph of
        // strong prose stands outside all chrome: chrome however much of the page's
        // prose it holds (an insurer's legal disclaimer, longer than the short article
        // above it).
        let strong_outside_chrome = blocks.iter().any(|b| {
            b.weight() >= 80
                && b.link_density() < 0.3
                && !self
                    .ancestors(b.node)
                    .any(|a| self.nodes[a as usize].chrome)
        });
        let page_footer: Vec<bool> = (0..n)
            .map(|i| {
                let node = &self.nodes[i];
                i > 0
                    && node.tag == "footer"
                    && node.chrome
                    && !headline[i]
                    && strong_outside_chrome
                    && !self
                        .ancestors(i as u32)
                        .any(|a| self.nodes[a as usize].tag == "article")
            })
            .collect();
        // `relax`: an element that holds the page's `h1` and is chrome only by its class
        // words (not its tag, role or hiddenness) is not ([`Node::class_chrome`]).
        let chrome_with = |relax: bool| -> Vec<bool> {
            let mut chrome = vec![false; n];
            for i in 1..n {
                let node = &self.nodes[i];
                let p = node.parent as usize;
                let comments = node.comments
                    && any_headline
                    && !headline[i]
                    && !matches!(node.tag.as_str(), "body" | "html");
                let piece = piece[i];
                chrome[i] = chrome[p]
                    || node.hidden
                    || consent[i]
                    || (node.chrome
                        && !about_in_text[i]
                        && !(relax && node.class_chrome && headline[i])
                        && (comments
                            || about_beside_prose[i]
                            || page_footer[i]
                            || ((strong[i] * 2 <= total_strong || strong[i] == 0) && !piece)));
            }
            chrome
        };
        let mut chrome = chrome_with(false);
        let ld = |i: usize| {
            if w[i] == 0 {
                0.0
            } else {
                (lw[i] as f64 / w[i] as f64).min(1.0)
            }
        };
        // Elements with a block element inside (a line break or rule is none).
        let mut with_blocks = vec![false; n];
        for node in &self.nodes[1..] {
            let tag = node.tag.as_str();
            if !matches!(tag, "br" | "hr") && tag_sets(tag).block {
                with_blocks[node.parent as usize] = true;
            }
        }
        // Score elements from their paragraphs.
        let score_with = |chrome: &[bool]| -> (Vec<f64>, Vec<bool>) {
            let mut score = vec![0f64; n];
            let mut scored = vec![false; n];
            for b in blocks {
                if chrome[b.node as usize] || matches!(b.kind, Kind::Heading(_)) {
                    continue;
                }
                let bw = b.weight();
                if bw < 25 || b.link_density() > 0.5 {
                    continue;
                }
                let s = 1.0 + count_commas(&b.text) as f64 + (bw as f64 / 100.0).floor().min(3.0);
                // A paragraph's container is its parent; text written straight into a
                // `div` beside block elements (`<div class="txt_con">证券时报e公司讯，…<p></p>
                // </div>`) is a paragraph that `div` contains, as Readability wraps such text
                // in a `p` of its own. A `div` of nothing but text is a paragraph itself.
                // A cell's text counts for its table, as a row's does ([`Parser::owner`]).
                let own = match self.nodes[b.node as usize].tag.as_str() {
                    "div" | "section" | "article" | "main" if with_blocks[b.node as usize] => 0,
                    "td" | "th" => 2,
                    _ => 1,
                };
                for (level, a) in self.ancestors(b.node).skip(own).take(5).enumerate() {
                    let a = a as usize;
                    if a == 0 {
                        break;
                    }
                    if !scored[a] {
                        scored[a] = true;
                        score[a] += self.initial_score(a);
                    }
                    let div = match level {
                        0 => 1.0,
                        1 => 2.0,
                        l => l as f64 * 3.0,
                    };
                    score[a] += s / div;
                }
            }
            (score, scored)
        };
        let top_of = |score: &[f64], scored: &[bool], chrome: &[bool]| -> Option<usize> {
            let fin = |i: usize| score[i] * (1.0 - ld(i));
            let mut top: Option<usize> = None;
            for i in 1..n {
                if scored[i] && !chrome[i] && top.is_none_or(|t| fin(i) > fin(t)) {
                    top = Some(i);
                }
            }
            top
        };
        let (mut score, mut scored) = score_with(&chrome);
        let mut top = top_of(&score, &scored, &chrome);
        // Nothing to score outside chrome, because every box of the page is chrome by
        // its class (a theme that wraps each of its boxes — the post too — in a
        // `section.widget`, the post beside boxes of other stories' teasers): the page
        // read again with those class words set aside for the boxes that hold its
        // headline, so that the post is found, not every box of the page given as its text — where what is found holds a
        // paragraph of prose and sits under the page's `h1` (a page of menus and a
        // footer, or a box of related posts beside a post that is not in a widget, stays
        // as it was).
        if top.is_none() {
            let relaxed = chrome_with(true);
            if relaxed != chrome {
                let (s, sc) = score_with(&relaxed);
                let headed = |t: usize| {
                    self.ancestors(t as u32).take(4).any(|a| {
                        let a = a as usize;
                        headline[a] && !matches!(self.nodes[a].tag.as_str(), "body" | "html")
                    })
                };
                let found = top_of(&s, &sc, &relaxed).filter(|&t| strong[t] > 0 && headed(t));
                if let Some(t) = found {
                    (chrome, score, scored, top) = (relaxed, s, sc, Some(t));
                }
            }
        }
        let fin = |i: usize| score[i] * (1.0 - ld(i));
        let fallback = || -> Vec<bool> {
            blocks
                .iter()
                .map(|b| !chrome[b.node as usize] && !navigation_block(b))
                .collect()
        };
        // A discussion page (a link aggregator's thread: Hacker News, Lobsters; a match's
        // live commentary) is its comments: where what was chosen outside them says next
        // to nothing (less than [`DISCUSSION_TEXT_MAX`] of strong prose: a submission's
        // title and link, an `Ask HN` question), the page shows no headline of its own outside
        // chrome (an article's comments are not its text, however short it is) and the
        // comments hold at least [`DISCUSSION_MIN`], four times as much and
        // [`DISCUSSION_SHARE`] of the text shown, their prose is the text too — each
        // comment's paragraphs, not its poster's line (`caprock on Dec 27, 2023 | next
        // [–]`: mostly links; `jamesw 1 year ago`: [`posted_ago`]), its score or its
        // buttons (short). Not on a forum's thread (read by its posts).
        let discussion = |mut keep: Vec<bool>| -> Vec<bool> {
            if self.forum || (1..n).any(|i| self.nodes[i].tag == "h1" && !chrome[i]) {
                return keep;
            }
            let strong_of = |b: &Block| {
                if b.weight() >= 80 && b.link_density() < 0.3 {
                    b.weight()
                } else {
                    0
                }
            };
            let mut in_comments = vec![false; n];
            for i in 1..n {
                let node = &self.nodes[i];
                in_comments[i] = !node.hidden
                    && !consent[i]
                    && ((node.comments && !matches!(node.tag.as_str(), "body" | "html"))
                        || in_comments[node.parent as usize]);
            }
            if !in_comments.contains(&true) {
                return keep;
            }
            let said: usize = blocks
                .iter()
                .zip(&keep)
                .filter(|(b, k)| **k && !in_comments[b.node as usize])
                .map(|(b, _)| strong_of(b))
                .sum();
            let talk = |b: &Block| {
                in_comments[b.node as usize]
                    && matches!(b.kind, Kind::Paragraph | Kind::Item { .. } | Kind::Code)
                    && b.weight() >= 25
                    && b.link_density() < 0.5
                    && !posted_ago(&b.text)
            };
            let comments: usize = blocks.iter().filter(|b| talk(b)).map(strong_of).sum();
            let talk_weight: usize = blocks.iter().filter(|b| talk(b)).map(|b| b.weight()).sum();
            let shown: usize = blocks
                .iter()
                .filter(|b| !self.nodes[b.node as usize].hidden)
                .map(|b| b.weight())
                .sum();
            if said < DISCUSSION_TEXT_MAX
                && comments >= DISCUSSION_MIN
                && comments >= 4 * said
                && talk_weight as f64 >= DISCUSSION_SHARE * shown as f64
            {
                for (b, k) in blocks.iter().zip(keep.iter_mut()) {
                    if in_comments[b.node as usize] {
                        *k = talk(b);
                    }
                }
            }
            keep
        };
        let Some(mut top) = top else {
            return discussion(fallback());
        };
        // Climb while the parent scores higher (the article is split in sections).
        let mut last = fin(top);
        let threshold = last / 3.0;
        let mut parent = self.nodes[top].parent as usize;
        while parent != 0 && !matches!(self.nodes[parent].tag.as_str(), "body" | "html") {
            if !scored[parent] {
                parent = self.nodes[parent].parent as usize;
                continue;
            }
            let ps = fin(parent);
            if ps < threshold {
                break;
            }
            if ps > last {
                top = parent;
                break;
            }
            last = ps;
            parent = self.nodes[parent].parent as usize;
        }
        // Climb while an ancestor adds much prose and stays prose (an article split into
        // sections at different depths). Prose inside another `article` element or a list
        // item is not the article's: it is a list of other articles with their excerpts —
        // but on a forum's thread, where each post is an `article` (XenForo's
        // `article.message--post`), the thread's.
        let mut above_top = vec![false; n];
        for a in self.ancestors(top as u32) {
            above_top[a as usize] = true;
        }
        let foreign = |b: &Block| {
            self.ancestors(b.node)
                .take_while(|&a| !above_top[a as usize])
                .any(|a| match self.nodes[a as usize].tag.as_str() {
                    "article" => !self.forum,
                    "li" => true,
                    _ => false,
                })
        };
        let mut free_strong = vec![0usize; n];
        for b in blocks {
            let bw = b.weight();
            if chrome[b.node as usize]
                || bw < 80
                || b.link_density() >= 0.3
                || b.kind != Kind::Paragraph
                || foreign(b)
            {
                continue;
            }
            for a in self.ancestors(b.node) {
                free_strong[a as usize] += bw;
            }
        }
        let mut cursor = top;
        for _ in 0..6 {
            cursor = self.nodes[cursor].parent as usize;
            if cursor == 0
                || matches!(self.nodes[cursor].tag.as_str(), "body" | "html")
                || ld(cursor) >= 0.35
            {
                break;
            }
            let gain = free_strong[cursor].saturating_sub(free_strong[top]);
            if gain > 0 && gain * 4 >= free_strong[top] {
                top = cursor;
            }
        }
        // Siblings that score close to the article, or are prose themselves.
        let top_score = fin(top);
        let sibling_threshold = (top_score * 0.2).max(10.0);
        let top_parent = self.nodes[top].parent;
        let mut content = vec![false; n];
        content[top] = true;
        for i in 1..n {
            if i == top || self.nodes[i].parent != top_parent || top_parent == 0 {
                continue;
            }
            let prose_sibling = prose[i] >= 40.0 && ld(i) < 0.25;
            if (scored[i] && fin(i) >= sibling_threshold) || prose_sibling {
                content[i] = true;
            }
        }
        // A forum's thread. Where the posts mark their text in microdata, those elements
        // are the thread, however short a reply (`Thank you, this helped`): in place of
        // the article found when that holds posts and no paragraph outside them (their
        // posters' names, join dates and counts are no part of it), else beside it (an
        // opening post that a forum marks only in its JSON-LD or a `<meta>`).
        let marked: Vec<usize> = (1..n)
            .filter(|&i| self.nodes[i].post_text && !chrome[i] && w[i] > 0)
            .collect();
        // (A post's copy hidden for schema.org, `div.hidden > article[itemprop=text]`,
        // counts toward the two: a thread of one reply marks its opening post there.)
        let all_marked = (1..n)
            .filter(|&i| self.nodes[i].post_text && w[i] > 0)
            .count();
        if self.forum && !marked.is_empty() && all_marked >= 2 {
            let mut in_marked = vec![false; n];
            for &i in &marked {
                in_marked[i] = true;
            }
            for i in 1..n {
                in_marked[i] |= in_marked[self.nodes[i].parent as usize];
            }
            // The article found, and any element beside it taken as more of it (its
            // sibling posts), is dropped where it holds posts and no more strong prose
            // than their marked texts (counted with the marked texts that are chrome, as
            // a forum's own notice posted as a reply: the element is no less the posts
            // for it).
            let mut post_strong = vec![0usize; n];
            let mut holds_post = vec![false; n];
            for i in (1..n).filter(|&i| self.nodes[i].post_text && w[i] > 0) {
                if in_marked[self.nodes[i].parent as usize] {
                    continue;
                }
                for a in self.ancestors(i as u32) {
                    post_strong[a as usize] += strong[i];
                }
            }
            for &i in &marked {
                for a in self.ancestors(i as u32) {
                    holds_post[a as usize] = true;
                }
            }
            for i in 1..n {
                if content[i] && holds_post[i] && !in_marked[i] && strong[i] <= post_strong[i] {
                    content[i] = false;
                }
            }
            // A post whose text is not marked (an opening post the forum describes in
            // its JSON-LD), in the element that holds each marked text
            // (`article.message-body > div[itemprop=text]`) — unless the article found
            // holds it already (a thread's first post shown twice).
            let inside = |b: &Block, a: usize| self.ancestors(b.node).any(|x| x as usize == a);
            let top_texts: std::collections::HashSet<&str> = if content[top] {
                blocks
                    .iter()
                    .filter(|b| inside(b, top))
                    .map(|b| b.text.as_str())
                    .collect()
            } else {
                Default::default()
            };
            let holders: std::collections::HashSet<(&str, u64)> = marked
                .iter()
                .map(|&i| &self.nodes[self.nodes[i].parent as usize])
                .filter(|h| h.class_key != 0)
                .map(|h| (h.tag.as_str(), h.class_key))
                .collect();
            for i in 1..n {
                let node = &self.nodes[i];
                if holders.contains(&(node.tag.as_str(), node.class_key))
                    && !holds_post[i]
                    && !in_marked[i]
                    && !chrome[i]
                    && w[i] > 0
                    && !blocks
                        .iter()
                        .filter(|b| inside(b, i))
                        .all(|b| top_texts.contains(b.text.as_str()))
                {
                    content[i] = true;
                }
            }
            for i in marked {
                content[i] = true;
            }
        } else if self.forum {
            // Else the article found is one post's text, and the posts are the
            // containers of one tag and first class word beside the one it is in
            // (XenForo's `article.message--post`, its text nine levels down, a
            // moderator's with `message--mod` too); of each, the element where the found
            // post has its text (the poster's name, join date and message count beside it
            // are no part of it), else the whole post.
            let mut path: Vec<(&str, u64)> = Vec::new();
            for a in self.ancestors(top as u32).take(12) {
                let a = a as usize;
                let node = &self.nodes[a];
                if a == 0 || matches!(node.tag.as_str(), "body" | "html") {
                    break;
                }
                if a != top {
                    path.push((node.tag.as_str(), node.class_key));
                }
                if node.class_first == 0 {
                    continue;
                }
                let posts: Vec<usize> = (1..n)
                    .filter(|&i| {
                        let s = &self.nodes[i];
                        i != a
                            && s.parent == node.parent
                            && s.tag == node.tag
                            && s.class_first == node.class_first
                            && !chrome[i]
                            && w[i] > 0
                    })
                    .collect();
                // (Posts when one of them at least holds a sentence or two; then every
                // one, however short: `Real life?`.)
                if !posts.iter().any(|&i| prose[i] >= 40.0) {
                    continue;
                }
                // The found text's place in its post, from the post down.
                path.pop();
                path.reverse();
                let top_key = (self.nodes[top].tag.as_str(), self.nodes[top].class_key);
                let mut found = vec![false; n];
                for i in 1..n {
                    let node = &self.nodes[i];
                    if (node.tag.as_str(), node.class_key) != top_key || chrome[i] {
                        continue;
                    }
                    let mut up = node.parent as usize;
                    let mut same = true;
                    for step in path.iter().rev() {
                        let u = &self.nodes[up];
                        if (u.tag.as_str(), u.class_key) != *step {
                            same = false;
                            break;
                        }
                        up = u.parent as usize;
                    }
                    if same && posts.contains(&up) {
                        content[i] = true;
                        found[up] = true;
                    }
                }
                for i in posts {
                    if !found[i] {
                        content[i] = true;
                    }
                }
                break;
            }
        }
        // The other parts of an article that ads split into containers of the same tag
        // and class (`story-body-1`, `story-body-2`), under an ancestor at most six levels
        // up (a grid's rows, each with its part of the text and an ad column beside it):
        // each holding a few sentences of prose (a newsletter box styled as the text is
        // not one).
        let key = (self.nodes[top].tag.as_str(), self.nodes[top].class_key);
        let mut far_part = vec![false; n];
        if key.1 != 0 {
            let near: Vec<u32> = self
                .ancestors(top as u32)
                .skip(1)
                .take(6)
                .take_while(|&a| {
                    a != 0 && !matches!(self.nodes[a as usize].tag.as_str(), "body" | "html")
                })
                .collect();
            // Or further up, where every element between the two parts and the one
            // that holds both is of one tag and class on either side (a page builder's
            // sections, each a `div.block > section.freeform-story > … >
            // div.freeform-story__paragraph` with a heading and its paragraphs).
            // Whether to widen to the page's sections is judged without them, as without
            // a spared box (counted, they kept a service page's FAQ from its questions);
            // whether the part found is the text at all, with them (without, a forum's
            // theme fell back to the whole page, its posters' details too).
            let mirrored = |i: usize| {
                let (mut a, mut b) = (
                    self.nodes[i].parent as usize,
                    self.nodes[top].parent as usize,
                );
                for _ in 0..MIRRORED_MAX_LEVELS {
                    if a == b {
                        return a != 0 && !matches!(self.nodes[a].tag.as_str(), "body" | "html");
                    }
                    let (x, y) = (&self.nodes[a], &self.nodes[b]);
                    if x.tag != y.tag || x.class_key != y.class_key {
                        return false;
                    }
                    (a, b) = (x.parent as usize, y.parent as usize);
                }
                false
            };
            // (Where one such part further up holds a few sentences, the short ones
            // there and beside the part found come too, however short: a forum's
            // one-line replies, each in the same eight boxes.)
            let mut short = Vec::new();
            for i in 1..n {
                let node = &self.nodes[i];
                if i == top
                    || content[i]
                    || (node.tag.as_str(), node.class_key) != key
                    || chrome[i]
                    || prose[i] == 0.0
                    || ld(i) >= 0.25
                {
                    continue;
                }
                let mut up = self.ancestors(i as u32).skip(1);
                let inside_top = self.ancestors(i as u32).any(|a| a as usize == top);
                let above_top = near.contains(&(i as u32));
                if inside_top || above_top {
                    continue;
                }
                if prose[i] < 150.0 {
                    if mirrored(i) {
                        short.push(i);
                    }
                } else if up.any(|a| near.contains(&a)) {
                    content[i] = true;
                } else if mirrored(i) {
                    content[i] = true;
                    far_part[i] = true;
                }
            }
            if far_part.contains(&true) {
                for i in short {
                    content[i] = true;
                    far_part[i] = true;
                }
            }
        }
        for i in 1..n {
            far_part[i] |= far_part[self.nodes[i].parent as usize];
        }
        let introduced = self.introduced_lists(blocks, &span);
        // Inside the article: containers that are mostly links, or lists of links.
        let select = |content: &[bool]| -> (Vec<bool>, f64, f64) {
            let mut removed = vec![false; n];
            let mut spared = vec![false; n];
            let mut in_content = vec![false; n];
            for i in 1..n {
                let p = self.nodes[i].parent as usize;
                in_content[i] = content[i] || in_content[p];
                spared[i] = spared[p];
                // (A forum's post inside a box removed here is still one.)
                removed[i] = removed[p] && !content[i];
                if removed[i] || content[i] || !in_content[i] {
                    continue;
                }
                let tag = self.nodes[i].tag.as_str();
                if !matches!(
                    tag,
                    "div"
                        | "section"
                        | "ul"
                        | "ol"
                        | "table"
                        | "fieldset"
                        | "dl"
                        | "header"
                        | "span"
                ) {
                    continue;
                }
                if prose[i] > 0.5 * prose[top] || introduced[i] {
                    continue;
                }
                let d = ld(i);
                let few_commas = commas[i] < 10;
                let cw = self.nodes[i].class_weight;
                // A box that its class words alone would remove (`card`, `list`,
                // Elementor's `top`) stays where it holds a paragraph of strong prose
                // (not an image's alt text) and no heading that is a link (other
                // stories' teasers, `div.ideas-list > article.card`), but is not
                // counted as text found: whether the part found is the text, or a page
                // of sections to widen, is judged without it (an FAQ's answers in
                // `div.accordion-item`s are no sign that the FAQ is the page).
                let negative = cw < 0 && cw as f64 + score[i] < 0.0 && w[i] < 400 && !piece[i];
                let spare = negative && strong_text[i] > 0 && linked_heads[i] == 0;
                spared[i] |= spare;
                removed[i] = (negative && !spare)
                    || (few_commas
                        && ((w[i] < 50 && d > 0.3)
                            || d > 0.5
                            || (items[i] > paras[i] + 2
                                && !matches!(tag, "ul" | "ol" | "dl")
                                && d > 0.2)));
            }
            let mut keep: Vec<bool> = blocks
                .iter()
                .map(|b| {
                    let nd = b.node as usize;
                    in_content[nd]
                        && !chrome[nd]
                        && !removed[nd]
                        && (!navigation_block(b) || introduced[nd])
                })
                .collect();
            self.keep_lead(&mut keep, &chrome);
            let (mut kept_prose, mut far_prose) = (0.0, 0.0);
            for (b, _) in blocks
                .iter()
                .zip(&keep)
                .filter(|(b, k)| **k && !spared[b.node as usize])
            {
                let p = b.weight() as f64 * (1.0 - b.link_density());
                kept_prose += p;
                if far_part[b.node as usize] {
                    far_prose += p;
                }
            }
            (keep, kept_prose, far_prose)
        };
        let (keep, kept_prose, far_prose) = select(&content);
        let free =
            |b: &Block| !chrome[b.node as usize] && b.weight() >= 25 && b.link_density() < 0.5;
        let free_prose: f64 = blocks
            .iter()
            .filter(|b| free(b))
            .map(|b| b.weight() as f64 * (1.0 - b.link_density()))
            .sum();
        if kept_prose < 0.25 * free_prose {
            return discussion(fallback());
        }
        let discussed = discussion(keep.clone());
        if discussed != keep {
            return discussed;
        }
        // A page of sections (a service's or a shop's landing page: a heading and a
        // paragraph or two each, in boxes of their own) where the part found holds less
        // than [`WIDEN_BELOW`] of the prose outside chrome: the nearest element above it
        // that holds [`WIDEN_TO`] of that prose is the text, read by the same rules —
        // unless the page says it is one article or one product ([`Page::item`]), the
        // part found is inside an `article` (a news page's teasers of other stories
        // would come with it), or the page is a forum's thread.
        let in_article = self
            .ancestors(top as u32)
            .any(|a| self.nodes[a as usize].tag == "article");
        if !self.forum
            && !self.item
            && !in_article
            && kept_prose - far_prose < WIDEN_BELOW * free_prose
        {
            let mut under = vec![0f64; n];
            for b in blocks.iter().filter(|b| free(b)) {
                for a in self.ancestors(b.node) {
                    under[a as usize] += b.weight() as f64 * (1.0 - b.link_density());
                }
            }
            let wide = self
                .ancestors(top as u32)
                .skip(1)
                .map(|a| a as usize)
                .take_while(|&a| a != 0 && !matches!(self.nodes[a].tag.as_str(), "body" | "html"))
                .find(|&a| under[a] >= WIDEN_TO * free_prose && !chrome[a]);
            if let Some(a) = wide {
                let mut wider = content.clone();
                wider[a] = true;
                let (mut k2, p2, _) = select(&wider);
                if p2 > kept_prose {
                    // Of what the wider element adds, only its prose and the headings
                    // over prose; not what sits in an `article` of its own (another
                    // story's teaser), what the page says three times or more, its digits
                    // aside (each card's `N reviews with an average rating of X out of 5
                    // stars`), or a template's placeholder (`Lorem ipsum dolor sit
                    // amet…`).
                    let shape =
                        |t: &str| -> String { t.chars().filter(|c| !c.is_ascii_digit()).collect() };
                    let mut said: std::collections::HashMap<String, usize> =
                        std::collections::HashMap::new();
                    for b in blocks {
                        *said.entry(shape(&b.text)).or_default() += 1;
                    }
                    let mut next_prose = false;
                    for i in (0..blocks.len()).rev() {
                        let b = &blocks[i];
                        if k2[i]
                            && !keep[i]
                            && (said.get(&shape(&b.text)).is_some_and(|&c| c >= 3)
                                || b.text.starts_with("Lorem ipsum"))
                        {
                            k2[i] = false;
                        }
                        if k2[i] && !keep[i] {
                            let heading = matches!(b.kind, Kind::Heading(_));
                            let own = !self
                                .ancestors(b.node)
                                .take_while(|&x| x as usize != a)
                                .any(|x| self.nodes[x as usize].tag == "article");
                            k2[i] = own && ((free(b) && !heading) || (heading && next_prose));
                        }
                        if k2[i] {
                            next_prose = !matches!(b.kind, Kind::Heading(_));
                            next_prose &= free(b);
                        }
                    }
                    return k2;
                }
            }
        }
        keep
    }

    /// The lead: a standfirst, deck or summary between the page's headline and the first
    /// kept block, outside the container the article was found in (`p.intro`, `p.lead`,
    /// `div.summary` in the article's `header`). Kept when the headline and the article
    /// share an element below `body` and the block is prose: a paragraph of at least
    /// [`LEAD_MIN_WEIGHT`] that ends a sentence, with few links. A date or byline there
    /// ends no sentence. A paragraph or sub-heading that its class calls a lead
    /// ([`Node::lead`], on it or its parent: `p.article__stand-first`, `h2.p-dek`), or a
    /// sub-heading right under the headline and beside it in its group that ends a
    /// sentence (`header > h1 + h2`), is the lead from [`LEAD_CLASS_MIN_WEIGHT`] (`Victims
    /// may not get their money back, though.`); one its class only loosely names
    /// ([`Node::loose_lead`]: `summary`, `intro`) when it ends a sentence or has
    /// [`LEAD_CLASS_MIN_WORDS`] words.
    fn keep_lead(&self, keep: &mut [bool], chrome: &[bool]) {
        let blocks = &self.blocks;
        let Some(first) = keep.iter().position(|&k| k) else {
            return;
        };
        let Some(h1) = blocks[..first]
            .iter()
            .rposition(|b| b.kind == Kind::Heading(1))
        else {
            return;
        };
        let under_h1: Vec<u32> = self.ancestors(blocks[h1].node).collect();
        let Some(shared) = self
            .ancestors(blocks[first].node)
            .find(|a| under_h1.contains(a))
        else {
            return;
        };
        if shared == 0 || matches!(self.nodes[shared as usize].tag.as_str(), "body" | "html") {
            return;
        }
        for i in h1 + 1..first {
            let b = &blocks[i];
            let sub_heading = matches!(b.kind, Kind::Heading(2..=6));
            let text_block = b.kind == Kind::Paragraph || sub_heading;
            let n = &self.nodes[b.node as usize];
            let parent = self.nodes.get(n.parent as usize);
            let named = text_block && (n.lead || parent.is_some_and(|p| p.lead));
            let loosely_named =
                text_block && (n.loose_lead || parent.is_some_and(|p| p.loose_lead));
            let ends = crate::lines::ends_sentence(&b.text);
            // A sub-heading under the headline in the headline's own group (`header > h1
            // + h2`), not the first heading of the next section.
            let beside_h1 =
                self.nodes[b.node as usize].parent == self.nodes[blocks[h1].node as usize].parent;
            let lead = if b.kind == Kind::Paragraph && ends && b.weight() >= LEAD_MIN_WEIGHT {
                true
            } else if named {
                b.weight() >= LEAD_CLASS_MIN_WEIGHT
            } else if loosely_named {
                // Not a label its box's class happens to name (`Industry Reports, United
                // States` in `div.intro-copy`, an article number in a product's summary).
                (ends || b.text.split_whitespace().count() >= LEAD_CLASS_MIN_WORDS)
                    && b.weight() >= LEAD_CLASS_MIN_WEIGHT
            } else {
                sub_heading
                    && i == h1 + 1
                    && beside_h1
                    && ends
                    && b.weight() >= LEAD_CLASS_MIN_WEIGHT
            };
            if lead
                && !chrome[b.node as usize]
                && b.link_density() < 0.25
                && !byline(&b.text)
                && self.ancestors(b.node).any(|a| a == shared)
            {
                keep[i] = true;
            }
        }
    }

    fn initial_score(&self, i: usize) -> f64 {
        let node = &self.nodes[i];
        let tag_bonus = match node.tag.as_str() {
            "div" | "article" | "main" => 5.0,
            "pre" | "td" | "blockquote" | "section" => 3.0,
            "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
            _ => 0.0,
        };
        tag_bonus + node.class_weight as f64
    }
}

/// A byline: `By NAME`, `Von NAME`, `Par NAME`… (a name: a capital letter first).
fn byline(t: &str) -> bool {
    ["By ", "Von ", "Par ", "Por ", "Di ", "Door "]
        .iter()
        .any(|lead| {
            t.strip_prefix(lead)
                .and_then(|rest| rest.chars().next())
                .is_some_and(char::is_uppercase)
        })
}

/// A block's text without the space at its ends: spaces, a line or paragraph separator,
/// a zero-width space or byte-order mark, and one no-break space among them (`&nbsp;Text`
/// after a bullet image). A run with more no-break spaces is indentation (code written
/// as paragraphs, `&nbsp; &nbsp;case …`) and stays, as does an ideographic space
/// (U+3000): Chinese text indents its paragraphs with it.
/// A reference mark set as a superscript: a note's number or letter in brackets
/// (`[1]`, `[a]`, `[注 3]`, `[12–14]`) or an editor's note (`[citation needed]`,
/// `[update]`). Said inside the text it reads `…minor exceptions.[1] The community…`; the
/// note it points to is elsewhere, so the mark goes. A superscript without brackets
/// (`x²`, `1st`, a footnote's bare number) stays.
pub(crate) fn reference_mark(t: &str) -> bool {
    let t = t.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}');
    t.strip_prefix('[')
        .and_then(|r| r.strip_suffix(']'))
        .is_some_and(|inner| {
            !inner.trim().is_empty() && inner.chars().count() <= 30 && !inner.contains(['[', ']'])
        })
}

/// A superscript that is a link to a note on the page, as Markdown renderers write a
/// footnote's mark (`<sup><a href="#fn1">1</a></sup>`, in Markdown `[1](#fn1)`): a number
/// or letter of at most 4 characters.
fn note_link(md: &str) -> bool {
    let md = md.trim();
    md.strip_prefix('[')
        .and_then(|r| r.split_once("](#"))
        .is_some_and(|(label, rest)| {
            (1..=4).contains(&label.chars().count())
                && label.chars().all(char::is_alphanumeric)
                && rest.ends_with(')')
                && !rest.contains(['(', '[', ' '])
        })
}

/// A footnote's link back to its mark in the text (`↩`, `↑`, `^`): an arrow, not text.
pub(crate) fn back_reference(t: &str) -> bool {
    matches!(sign(t), "↩" | "↑" | "^" | "⤴" | "↵")
}

/// The text of a link to a heading within the page that is the heading's permalink, a
/// sign (`## Introduction[#](#introduction)`, `<a class="headerlink" href="#intro">¶</a>`):
/// `#`, `¶`, `§`, a link or anchor emoji — no text (it read `Introduction#`). Callers ask
/// it of links inside headings only (`§ 12` in a paragraph is a section's sign).
pub(crate) fn permalink_mark(t: &str) -> bool {
    matches!(sign(t), "#" | "¶" | "§" | "🔗" | "⚓")
}

/// `t` without spaces and emoji variation selectors at its ends.
fn sign(t: &str) -> &str {
    t.trim_matches(|c: char| c.is_whitespace() || matches!(c, '\u{fe0e}' | '\u{fe0f}'))
}

fn trim_edge_space(t: &str) -> &str {
    let invisible = |c: char| matches!(c, ' ' | '\u{2028}' | '\u{2029}' | '\u{200b}' | '\u{feff}');
    let edge = |c: char| c == '\u{a0}' || invisible(c);
    let t = t.trim_matches(invisible);
    let lead = t.len() - t.trim_start_matches(edge).len();
    let t = if t[..lead].matches('\u{a0}').count() == 1 {
        &t[lead..]
    } else {
        t
    };
    let tail = t.trim_end_matches(edge).len();
    if t[tail..].matches('\u{a0}').count() == 1 {
        &t[..tail]
    } else {
        t
    }
}

/// Least number of a page's alt texts naming the site that makes them search engines'
/// ([`Page::seo_alts`]).
const SEO_ALTS_MIN: usize = 3;

/// A WeChat page that shares another account's article with a comment holds the article
/// twice: a teaser cut short in its share panel (`div.original_panel_content#js_content`:
/// `[Image]老，被养还是被啃…借着家...`) and the whole of it in a template the page's script
/// renders (`script#content_tpl`, `type="text/html"`). The page with the template's
/// article in the panel, or `None` for any other page.
pub fn with_shared_article(html: &str) -> Option<String> {
    let tpl = html.find("<script id=\"content_tpl\" type=\"text/html\">")?;
    let body_at = tpl + html[tpl..].find('>')? + 1;
    let template = &html[body_at..body_at + html[body_at..].find("</script>")?];
    let panel = html.find("class=\"original_panel_content\"")?;
    let open = panel + html[panel..].find('>')? + 1;
    let close = open + html[open..].find("</div>")?;
    // The teaser is one paragraph: a panel that holds more is not this layout.
    if html[open..close].contains("<div") || template.trim().is_empty() {
        return None;
    }
    // The panel's title carries a badge (`Original`) the page's title has not.
    let head = html[..open].replace("<span class=\"original_panel_tips\">Original</span>", "");
    Some(format!("{head}{template}{}", &html[close..]))
}

/// Least number of letters and digits in a `<noscript>` that makes it the page's text
/// for readers without scripts ([`with_noscript_text`]), not a note asking for them.
const NOSCRIPT_TEXT_MIN: usize = 200;

/// Fewest letters and digits of a JSON-LD `articleBody` that [`with_ld_article`] makes a
/// page of: some eighty words.
pub const LD_BODY_MIN_WEIGHT: usize = 400;

/// The `articleBody` of a page's schema.org data (`<script type="application/ld+json">`,
/// anywhere in its objects and `@graph`), with the `headline` beside it: a page that a
/// script fills, or whose text is behind a paywall, often gives its whole text there
/// (`"articleBody": "Taiwanese President Tsai Ing-wen’s spectacular re-election…"`). Only
/// a page with one `articleBody` (a list of teasers has several) of at least
/// [`LD_BODY_MIN_WEIGHT`] letters and digits.
pub fn ld_article_body(html: &str) -> Option<(String, Option<String>)> {
    fn find(v: &serde_json::Value, out: &mut Vec<(String, Option<String>)>) {
        match v {
            serde_json::Value::Object(o) => {
                if let Some(serde_json::Value::String(body)) = o.get("articleBody") {
                    let headline = o
                        .get("headline")
                        .and_then(|h| h.as_str())
                        .map(|h| h.trim().to_string())
                        .filter(|h| !h.is_empty());
                    out.push((body.trim().to_string(), headline));
                }
                o.values().for_each(|v| find(v, out));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|v| find(v, out)),
            _ => {}
        }
    }
    if !html.contains("articleBody") {
        return None;
    }
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("application/ld+json") {
        let after = &rest[at..];
        let Some(gt) = after.find('>') else {
            break;
        };
        let Some(end) = after[gt + 1..].find("</script>") else {
            break;
        };
        let json = &after[gt + 1..gt + 1 + end];
        if json.contains("articleBody") {
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(json.trim()) {
                find(&v, &mut found);
            }
        }
        rest = &after[gt + 1 + end..];
    }
    found.retain(|(b, _)| !b.is_empty());
    found.dedup_by(|a, b| a.0 == b.0);
    match found.as_slice() {
        [(body, headline)] if crate::block::weight(body) >= LD_BODY_MIN_WEIGHT => {
            Some((body.clone(), headline.clone()))
        }
        _ => None,
    }
}

/// A page of a JSON-LD `articleBody` ([`ld_article_body`]): the `title`, the headline as
/// its `h1`, and the body in an `article` — its own HTML when it is written in HTML, else
/// a paragraph a line. Text with character references (`Islands&#039; Most Trusted`)
/// says them once.
pub fn with_ld_article(body: &str, headline: Option<&str>, title: Option<&str>) -> String {
    let esc = |s: &str| html_escape::encode_text(&decode_entities(s)).into_owned();
    let mut page = String::with_capacity(body.len() + 256);
    page.push_str("<html><head>");
    if let Some(t) = title {
        page.push_str(&format!("<title>{}</title>", esc(t)));
    }
    page.push_str("</head><body><article>");
    if let Some(h) = headline {
        page.push_str(&format!("<h1>{}</h1>", esc(h)));
    }
    let html = body.contains("</p>") || body.contains("<br") || body.contains("</a>");
    if html {
        page.push_str(body);
    } else {
        for line in body.lines().map(str::trim).filter(|l| !l.is_empty()) {
            page.push_str(&format!("<p>{}</p>", esc(line)));
        }
    }
    page.push_str("</article></body></html>");
    page
}

/// A page whose text is in a `<noscript>` for readers and crawlers without scripts (a
/// Discourse forum's thread: `<noscript data-path="/t/…"><div id="main-outlet">…`), with
/// each such `<noscript>` made a `<div>`, or `None` when none holds
/// [`NOSCRIPT_TEXT_MIN`] letters and digits of text. Used when the page as a script
/// shows it holds no article.
pub fn with_noscript_text(html: &str) -> Option<String> {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    let mut found = false;
    while let Some(at) = rest.find("<noscript") {
        let Some(gt) = rest[at..].find('>') else {
            break;
        };
        let open_end = at + gt + 1;
        let Some(close) = rest[open_end..].find("</noscript>").map(|c| open_end + c) else {
            break;
        };
        let inner = &rest[open_end..close];
        let mut text = 0;
        let mut in_tag = false;
        for c in inner.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag && c.is_alphanumeric() => text += 1,
                _ => {}
            }
        }
        out.push_str(&rest[..at]);
        if text >= NOSCRIPT_TEXT_MIN {
            found = true;
            out.push_str("<div class=\"noscript\">");
            out.push_str(inner);
            out.push_str("</div>");
        } else {
            out.push_str(&rest[at..close + "</noscript>".len()]);
        }
        rest = &rest[close + "</noscript>".len()..];
    }
    out.push_str(rest);
    found.then_some(out)
}

/// Whether an image is an emoji set in the text: a class or address that says so
/// (`wp-smiley`, `emoji`, `/emoji/`) and an alt text of a few characters, none a letter or
/// digit (`🙏`, `:)`).
fn inline_emoji(alt: &str, src: &str, class: Option<&str>) -> bool {
    let alt = alt.trim();
    !alt.is_empty()
        && alt.chars().count() <= 4
        && !alt.chars().any(char::is_alphanumeric)
        && (class.is_some_and(|c| c.contains("wp-smiley") || c.contains("emoji"))
            || src.contains("/emoji/"))
}

/// Words of the notification count a site writes before its pages' titles for a
/// signed-in reader (`(99+ 封私信 / 81 条消息) 标题 - 知乎`).
const NOTICE_WORDS: &[&str] = &[
    "封私信",
    "条消息",
    "条通知",
    "條消息",
    "條通知",
    "則訊息",
    "messages",
    "notifications",
];

/// `title` without the notification count a page saved by a signed-in reader begins
/// with: a parenthesis of counts (`(3)`, `(99+)`) perhaps each followed by a word of
/// [`NOTICE_WORDS`], parted by ` / ` (`(99+ 封私信 / 81 条消息) `); a bare count has at most
/// three digits.
fn without_notice_count(title: &str) -> &str {
    let Some(rest) = title.strip_prefix('(') else {
        return title;
    };
    let Some((inner, after)) = rest.split_once(") ") else {
        return title;
    };
    let count = |part: &str| {
        let part = part.trim();
        let digits = part.trim_start_matches(|c: char| c.is_ascii_digit());
        if digits.len() == part.len() {
            return false;
        }
        let word = digits.strip_prefix('+').unwrap_or(digits).trim();
        // A bare count is a small number (`(2019) 年度报告` names a year).
        (word.is_empty() && part.len() - digits.len() <= 3) || NOTICE_WORDS.contains(&word)
    };
    if inner.split(" / ").all(count) && !after.trim().is_empty() {
        after.trim_start()
    } else {
        title
    }
}

/// The site's name in a page's title: the last part after ` - `, ` | `, ` – `, ` — ` or
/// ` :: ` when it has at most three words (`Paris - Wikipedia`), else the first part when
/// it has (`BeFifty - Der Blog für Frauen über 40 und über 50`); `None` for a title of
/// one part.
fn site_name(title: &str) -> Option<&str> {
    let mut parts: Vec<&str> = vec![title];
    for sep in [" - ", " | ", " – ", " — ", " :: "] {
        parts = parts.iter().flat_map(|p| p.split(sep)).collect();
    }
    let parts: Vec<&str> = parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() < 2 {
        return None;
    }
    let short = |p: &str| (1..=3).contains(&p.split_whitespace().count()) && p.len() >= 3;
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if short(last) {
        Some(last)
    } else if short(first) {
        Some(first)
    } else {
        None
    }
}

/// Whether `text` holds `words` as whole words (both lower-cased).
fn contains_words(text: &str, words: &str) -> bool {
    text.match_indices(words).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + words.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Least weight of a lead paragraph ([`Page::keep_lead`]): some forty letters, twenty
/// Han characters.
const LEAD_MIN_WEIGHT: usize = 40;

/// Least [`weight`] of a lead its class names or that a sub-heading under the headline
/// says ([`Page::keep_lead`]).
const LEAD_CLASS_MIN_WEIGHT: usize = 15;

/// Least number of words of a lead its class loosely names that ends no sentence
/// ([`Page::keep_lead`]: `Degenkolb writes off race dispute 13th place`).
const LEAD_CLASS_MIN_WORDS: usize = 7;

/// Class and id words of a box whose text is folded until a reader opens it (an FAQ's
/// answer, an accordion's panel): hidden, it is still the page's text.
const FOLDED_WORDS: &[&str] = &[
    "accordion",
    "faq",
    "faqs",
    "answer",
    "collapse",
    "collapsible",
];

/// Class and id words of a standfirst, deck or summary ([`Node::lead`]). Not `teaser`,
/// `excerpt` or `description`: a site's author bio (`div.with-excerpt`) and its audio
/// player's note (`p.description`: `Listen to this article in summarized format`) sit
/// there too.
const LEAD_WORDS: &[&str] = &[
    "dek",
    "deck",
    "standfirst",
    "strapline",
    "subtitle",
    "subhead",
    "subheadline",
    "lede",
];

/// Class and id words of a box that may hold a lead or something else (a product's
/// summary, a page's intro of links): [`Node::loose_lead`].
const LOOSE_LEAD_WORDS: &[&str] = &["summary", "intro", "lead"];

/// A gallery's counter over a caption: `1of4`, `2 of 12`, `3/7`.
fn gallery_counter(t: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let t = t.trim();
    t.split_once("of")
        .or_else(|| t.split_once('/'))
        .is_some_and(|(a, b)| digits(a.trim()) && digits(b.trim()))
}

/// Words that start a line crediting an image.
const CREDIT_LEADS: &[&str] = &[
    "photo:",
    "photos:",
    "photo by ",
    "photos by ",
    "photograph:",
    "photograph by ",
    "photography:",
    "photo credit",
    "image:",
    "images:",
    "image by ",
    "image credit",
    "image source:",
    "picture:",
    "pictures:",
    "credit:",
    "credits:",
    "(photo:",
    "(ap photo",
    "(photo by ",
    "(image:",
    "(credit:",
    "(source:",
    // German, French, Spanish and Portuguese, Italian, Dutch, Polish, Finnish, Russian.
    "foto:",
    "fotos:",
    "foto von ",
    "bild:",
    "bilder:",
    "bildquelle:",
    "quelle:",
    "(foto:",
    "(bild:",
    "photo :",
    "photos :",
    "crédit :",
    "crédits :",
    "crédit photo",
    "source :",
    "crédito:",
    "créditos:",
    "(crédito:",
    "fuente:",
    "imagen:",
    "imagem:",
    "fonte:",
    "beeld:",
    "bron:",
    "fot.",
    "źródło:",
    "zdjęcie:",
    "kuva:",
    "фото:",
    "источник:",
];

/// Photo agencies whose name alone is a picture's credit (lower-cased). `Associated
/// Press` alone is as often a byline, and stays.
const PHOTO_AGENCIES: &[&str] = &[
    "ap",
    "ap photo",
    "reuters",
    "epa",
    "epa-efe",
    "afp",
    "afp/getty images",
    "getty",
    "getty images",
    "rex",
    "rex features",
    "rex/shutterstock",
    "pa",
    "pa wire",
    "pa images",
];

/// A line that only credits an image: short, and led by a credit word (`Photo: Hau Dinh,
/// AP`, `Image source: …`), an agency's name alone ([`PHOTO_AGENCIES`]) or naming a photo
/// agency (`Natalie Naccache | Getty Images`).
/// A comment's line of who posted it when (`[–]Ragnar 188 points 17 hours ago (11
/// children)`, `via scvalex 1 year ago | caches | 12 comments`): a short line that says
/// how long ago and does not end as a sentence does (`I checked it two days ago.`).
fn posted_ago(t: &str) -> bool {
    const UNITS: &[&str] = &["second", "minute", "hour", "day", "week", "month", "year"];
    t.chars().count() <= POSTED_LINE_MAX && !t.trim_end().ends_with(['.', '!', '?', '…']) && {
        let t = t.to_ascii_lowercase();
        UNITS
            .iter()
            .any(|u| t.contains(&format!("{u} ago")) || t.contains(&format!("{u}s ago")))
    }
}

/// Longest line of a [`posted_ago`], in characters.
const POSTED_LINE_MAX: usize = 120;

/// The label of a line that is one of a poster's details (`Join Date: Aug 2008`,
/// `Posts: 1,077`): a [`POSTER_LABELS`] label, a colon and a short value.
fn poster_detail(t: &str) -> Option<&'static str> {
    if t.chars().count() > POSTER_DETAIL_MAX {
        return None;
    }
    let (label, value) = t.split_once(':')?;
    if value.trim().is_empty() {
        return None;
    }
    let label = label.trim().to_ascii_lowercase();
    POSTER_LABELS.iter().copied().find(|l| *l == label)
}

fn credit_line(t: &str) -> bool {
    let words = t.split_whitespace().count();
    if words == 0 || words > 12 || t.len() > 160 {
        return false;
    }
    let lower = t.to_lowercase();
    if CREDIT_LEADS.iter().any(|l| lower.starts_with(l)) {
        return true;
    }
    // A photo agency's name alone under a picture (`Reuters`, `EPA`, `PA Wire`).
    if PHOTO_AGENCIES.contains(&lower.trim()) {
        return true;
    }
    words <= 8
        && !lower.ends_with('.')
        && lower.split(|c: char| !c.is_alphanumeric()).any(|w| {
            matches!(
                w,
                "getty" | "alamy" | "dpa" | "afp" | "imago" | "keystone" | "clipdealer"
            ) || crate::lines::STOCK_PHOTO_SITES.contains(&w)
        })
}

/// Where a credit at the end of a caption starts (`… in May Credit: The Siberian Times`,
/// `… in Las Vegas. (AP Photo/John Locher)`, `… last year. Photograph: Guy
/// Smallman/Getty Images`, `… kanssa. Kuva: ALEXANDER BECHER`, `… (Foto: Getty)`, `…
/// der Schweiz. © AFP / MARCO BERTORELLO`): at most eight words, after a caption's text.
fn credit_tail(t: &str) -> Option<usize> {
    const LEADS: &[&str] = &[
        "credit:",
        "photo:",
        "photograph:",
        "photos:",
        "image:",
        "picture:",
        "(photo",
        "(ap photo",
        "(source:",
        "(credit:",
        "(image:",
        // German, Dutch, Scandinavian, Finnish, Polish, French, Spanish, Italian.
        "foto:",
        "fotos:",
        "(foto:",
        "bild:",
        "(bild:",
        "(quelle:",
        "kuva:",
        "zdjęcie:",
        "fot.:",
        "crédit photo",
        "crédits photo",
        "©",
    ];
    // ASCII lower-casing keeps the byte offsets.
    let lower = t.to_ascii_lowercase();
    let mut at = LEADS.iter().filter_map(|l| lower.rfind(l)).max()?;
    // `(Image: AP)`: the credit's parenthesis goes with it.
    if t[..at].ends_with('(') {
        at -= 1;
    }
    let tail = t[at..].trim_end();
    let closed = !tail.starts_with('(') || tail.ends_with(')');
    (weight(&t[..at]) >= 20 && closed && tail.split_whitespace().count() <= 8).then_some(at)
}

/// Whether caption text `short` is `long` or a truncated copy of it (at least 20 bytes,
/// cut at a word's end).
fn copy_of(short: &str, long: &str) -> bool {
    short == long
        || (short.len() >= 20
            && long
                .strip_prefix(short)
                .is_some_and(|rest| rest.starts_with(|c: char| !c.is_alphanumeric())))
}

/// A caption's text without the `… more` or `less` of a gallery's expand buttons.
fn caption_key(t: &str) -> &str {
    let mut k = t.trim();
    loop {
        let before = k;
        for suffix in [" less", " more", "...", "…", "Read more", "read more"] {
            if let Some(s) = k.strip_suffix(suffix) {
                k = s.trim_end();
            }
        }
        if k == before {
            return k;
        }
    }
}

/// Words of a sentence that offers more reading, other articles or reports (`If you
/// liked this post you might also like:`, `You may also be interested in the following
/// articles:`, `Lesen Sie auch die folgenden Beiträge:`): the list after it is no list
/// of the text ([`Page::introduced_lists`]). Matched in lower case.
const MORE_READING: &[&str] = &[
    "also like",
    "also enjoy",
    "also be interested",
    "also read",
    "also want to read",
    "might like",
    "may like",
    "read more",
    "more reading",
    "further reading",
    "related",
    "see also",
    "lesen sie auch",
    "lesen sie dazu",
    "siehe auch",
    "lesen sie mehr",
    "auch interessant",
    "könnte sie",
    "könnte dich",
    "weitere beiträge",
    "weitere artikel",
    "lire aussi",
    "lire également",
    "à lire",
    "puede interesar",
    "leggi anche",
    "czytaj także",
    "czytaj też",
    "zobacz także",
    "zobacz też",
    "相关",
    "相關",
    "推荐",
    "推薦",
    "延伸阅读",
    "延伸閱讀",
    "阅读更多",
    "猜你喜欢",
    "往期",
];

/// Whether `sentence` offers more reading ([`MORE_READING`]).
pub(crate) fn more_reading(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    MORE_READING.iter().any(|w| lower.contains(w))
}

/// Fewest characters of a quoted block that goes as a copy of a block above it on a
/// forum's thread ([`Page::article`]): a short reply (`Thanks!`, `+1`) may be said twice.
pub const QUOTED_COPY_MIN_CHARS: usize = 20;
/// Fewest characters of a quoted block that goes as a copy of a block above it on any
/// other page (a comment quoting another, a pull quote).
pub const QUOTED_PROSE_COPY_MIN_CHARS: usize = 100;

/// Fewest words of each item of a list a sentence introduces ([`Page::introduced_lists`]).
pub const INTRODUCED_ITEM_MIN_WORDS: usize = 3;

/// A block that is navigation: short and mostly links, or all links (a tag cloud).
pub(crate) fn navigation_block(b: &Block) -> bool {
    let w = b.weight();
    let ld = b.link_density();
    ld >= 0.6 && (w < 300 || ld >= 0.9) && b.kind != Kind::Code
}

fn count_commas(s: &str) -> usize {
    s.chars()
        .filter(|c| matches!(c, ',' | '，' | '、' | '；'))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forum_software_is_known_by_its_thread_views_markup() {
        for yes in [
            "<body class=\"Vanilla Discussion isDesktop\">",
            "<!-- <body class=\"x\"> --><BODY data-class=\"a\" CLASS = 'Section-Discussion Vanilla Discussion'>",
            "<div id='comments' class='cTopic ipsClear'>",
            "<div class=\"ipsClear\n cTopic\">",
        ] {
            assert!(Page::parse(yes).forum, "{yes}");
        }
        for no in [
            "<body class=\"Vanilla Discussions\">",
            "<body data-class=\"Vanilla Discussion\" class=\"blog\">",
            "<div class='cTopicList'>",
            "<body class=\"Vanilla Discussion\"><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\"}</script>",
            "<body>",
            "<body class=é>",
        ] {
            assert!(!Page::parse(no).forum, "{no}");
        }
    }

    #[test]
    fn a_sentence_offering_more_reading_introduces_no_list_of_the_text() {
        for s in [
            "If you liked this post you might also like:",
            "You may also be interested in the following articles:",
            "Lesen Sie dazu auch die Pressemitteilungen:",
            "延伸阅读：",
        ] {
            assert!(more_reading(s), "{s}");
        }
        for s in [
            "Here's what has been done during the past months:",
            "The tutorial consists of these content blocks:",
            "Key topics discussed in the guide include:",
        ] {
            assert!(!more_reading(s), "{s}");
        }
    }

    #[test]
    fn blocks_become_paragraphs_and_junk_goes() {
        let html = r#"<html><head><title>标题 - 网站</title><style>p{}</style><script>var x="不要";</script></head>
<body><nav><a href="/">首页</a> <a href="/n">新闻</a></nav>
<div class="content"><h1>文章标题</h1><p>第一段，<b>加粗</b>的文字。</p><p>第二段&amp;实体&ldquo;引号&rdquo;。</p>
<img src="a.jpg" alt="图片说明文字"><noscript>请开启脚本</noscript><form><input value="搜索"></form></div>
<div class="footer">版权所有</div></body></html>"#;
        let e = extract(html);
        assert_eq!(e.title.as_deref(), Some("标题 - 网站"));
        assert_eq!(
            e.paragraphs,
            [
                "文章标题",
                "第一段，加粗的文字。",
                "第二段&实体“引号”。",
                "图片说明文字"
            ]
        );
    }

    #[test]
    fn text_written_straight_into_a_div_is_its_paragraph() {
        // A stock-exchange notice (stcn): its one paragraph is a text node of the
        // `div` (an empty `<p>` after it); below, a box of four teasers to other
        // articles, each a sentence in a `dd`, and a list of linked headlines. The
        // teasers were taken for the article.
        let teaser = |t: &str, s: &str| {
            format!("<dl><dd class=\"tit\"><a href=\"/a\">{t}</a></dd><dd class=\"exp\">{s}</dd><dd class=\"sj\">2019-09-30<span>07:42</span></dd></dl>")
        };
        let html = format!(
            "<body><div class=\"box\"><div class=\"intal_tit\"><h2>午间公告：天奇股份中标广汽丰田项目</h2></div><div class=\"txt_con\" id=\"ctrlfscont\">证券时报e公司讯，当升科技：9614.5万元竞得常州市工业用地，将为公司常州锂电新材料产业基地提供用地。金陵药业：25日获公司总裁助理增持。运达股份：确定为两风电场项目的风力发电机组设备供应商，中标价7亿元。天奇股份：确认中标广汽丰田公司涂装车间工程内搬送设备等项目，中标额6962万元。<p></p></div><div class=\"fenxiang\"><a href=\"#\">分享：</a></div><div class=\"shenming\"><p>声明：证券时报力求信息真实、准确，文章提及内容仅供参考，不构成实质性投资建议，据此操作风险自担。</p></div><div class=\"tuijian\"><h2>为你推荐</h2><div class=\"tuijian_con\">{}{}{}{}</div></div><div>时报观察</div><ul>{}</ul></div></body>",
            teaser("金融委最新定调！鼓励境外资金进入境内金融市场", "十一国庆假期前，金融委召开会议，部署了一系列金融领域下一步的重点工作。"),
            teaser("黄金周后A股怎么走，从数据预知这9大行业胜率高的惊人", "今天是国庆节前最后一个交易日，持股还是持币过节又成为投资者一个老大难的问题。"),
            teaser("我国又发现10亿吨级大油田，这只巨无霸暴涨160亿！利好有多大？", "国庆节前夕，中国石油发布重磅利好公告，在鄂尔多斯勘探发现10亿吨级大油田。"),
            teaser("又见金融股权大笔划转，中国人保29.9亿股划转社保基金", "以中国人保A股27日收盘价8.69元计算，29.9亿股对应市值约260亿资金。"),
            [
                "赴港上市真的冷了吗？",
                "大数据行业发展呼唤良序开发",
                "LPR迎来二度报价 银行应抓紧锤炼内功",
                "以鲜言案为契机提高依法治市水平",
                "逆周期调节效果显现 经济结构持续优化",
                "全球进入超级央行周 国内货币政策望保持稳健",
            ]
            .iter()
            .enumerate()
            .map(|(i, t)| format!("<li><a href=\"/g{i}\">{}、{t}</a></li>", i + 1))
            .collect::<String>(),
        );
        let e = extract(&html);
        assert_eq!(
            e.paragraphs,
            ["证券时报e公司讯，当升科技：9614.5万元竞得常州市工业用地，将为公司常州锂电新材料产业基地提供用地。金陵药业：25日获公司总裁助理增持。运达股份：确定为两风电场项目的风力发电机组设备供应商，中标价7亿元。天奇股份：确认中标广汽丰田公司涂装车间工程内搬送设备等项目，中标额6962万元。", "声明：证券时报力求信息真实、准确，文章提及内容仅供参考，不构成实质性投资建议，据此操作风险自担。"]
        );
    }

    #[test]
    fn chinese_sites_boxes_and_joined_names_are_chrome() {
        let chrome = |attrs: &str| {
            let page = Page::parse(&format!("<div {attrs}><p>一段文字。</p></div>"));
            page.nodes.iter().any(|n| n.tag == "div" && n.chrome)
        };
        assert!(chrome("id=\"rwb_tjyd\""));
        assert!(chrome("class=\"tuijian_con\""));
        assert!(chrome("id=\"most_read\""));
        assert!(chrome("class=\"side-bar\""));
        assert!(chrome("id=\"uninterested\" class=\"uninterested-box\""));
        // WordPress marks every published post `status-publish`; `most` and `read` alone
        // say nothing.
        assert!(!chrome("class=\"post status-publish hentry\""));
        assert!(!chrome("class=\"read most\""));
    }

    #[test]
    fn a_wechat_articles_meta_line_is_no_text() {
        let html = "<div id=\"img-content\"><h2 id=\"activity-name\">三星 Galaxy S20 系列手机正式发布</h2><div id=\"meta_content\" class=\"rich_media_meta_list\"><span id=\"copyright_logo\">原创</span><span><a id=\"js_name\">爱否科技</a><div style=\"display:none\">爱否科技</div></span><em id=\"publish_time\">昨天</em></div><div id=\"js_content\"><p>今天凌晨，三星在美国旧金山举行发布会。</p></div></div>";
        let texts: Vec<String> = Page::parse(html)
            .blocks
            .into_iter()
            .map(|b| b.text)
            .collect();
        assert_eq!(
            texts,
            [
                "三星 Galaxy S20 系列手机正式发布",
                "今天凌晨，三星在美国旧金山举行发布会。"
            ]
        );
    }

    #[test]
    fn a_signed_in_readers_notification_count_is_no_part_of_the_title() {
        assert_eq!(
            without_notice_count("(99+ 封私信 / 81 条消息) 尊重差异，追求平等 - 知乎"),
            "尊重差异，追求平等 - 知乎"
        );
        assert_eq!(without_notice_count("(3) Home / X"), "Home / X");
        assert_eq!(
            without_notice_count("(2019) 年度报告 - 网站"),
            "(2019) 年度报告 - 网站"
        );
        assert_eq!(without_notice_count("(AP) News"), "(AP) News");
    }

    #[test]
    fn an_ordered_lists_items_keep_their_numbers() {
        let html = "<ol><li>甲</li><li><p>乙</p></li></ol><ol start=\"3\"><li>丙</li><li value=\"7\">丁</li><li>戊</li></ol><ul><li>己</li></ul><ol><li></li><li>庚</li></ol>";
        let items: Vec<(Option<String>, String)> = Page::parse(html)
            .blocks
            .into_iter()
            .map(|b| (b.number, b.text))
            .collect();
        let n = |s: &str| Some(s.to_string());
        assert_eq!(
            items,
            [
                (n("1. "), "甲".to_string()),
                (n("2. "), "乙".to_string()),
                (n("3. "), "丙".to_string()),
                (n("7. "), "丁".to_string()),
                (n("8. "), "戊".to_string()),
                (None, "己".to_string()),
                (n("2. "), "庚".to_string()),
            ]
        );
    }

    #[test]
    fn a_wechat_audio_players_text_is_no_text() {
        let html = "<div id=\"js_content\"><section><mpvoice class=\"js_editor_audio\" name=\"一家店带动2900人脱贫\"></mpvoice><span class=\"js_audio_frame db audio_area\"><span id=\"voice_main_0\" class=\"appmsg_card_context appmsg_card_active db audio_card\"><strong class=\"audio_card_title\">一家店带动2900人脱贫</strong><span class=\"audio_card_desc\">From 北京新闻广播</span><span class=\"audio_card_length_current\">00:00</span><span class=\"audio_card_length_total\">04:59</span></span></span></section><p>一家店带动了2900人脱贫，记者走进了这家店。</p></div>";
        let texts: Vec<String> = Page::parse(html)
            .blocks
            .into_iter()
            .map(|b| b.text)
            .collect();
        assert_eq!(texts, ["一家店带动了2900人脱贫，记者走进了这家店。"]);
    }

    #[test]
    fn an_article_element_is_the_content() {
        let html = "<body><div>菜单一 菜单二</div><article><p>正文内容足够长，这是文章的第一段落，包含了很多文字，用来确定正文区域的位置和范围，确保内容不会被误删除。</p><p>第二段也在正文里面，继续写一些文字，让正文的长度超过一百个字符的界限，这样才会被选为正文。</p></article><div>页脚</div></body>";
        let e = extract(html);
        assert_eq!(e.paragraphs.len(), 2);
        assert!(e.paragraphs[0].starts_with("正文内容"));
    }

    #[test]
    fn whitespace_is_what_a_browser_shows() {
        let e = extract("<p>Copy\nDownload</p><p>第一行\n第二行　全角空格</p><pre>\nfn main() {\n    x();\n}\n</pre>");
        assert_eq!(
            e.paragraphs,
            [
                "Copy Download",
                "第一行第二行　全角空格",
                "fn main() {\n    x();\n}\n"
            ]
        );
    }

    #[test]
    fn a_section_whose_anchor_holds_a_chrome_word_stays() {
        // Sphinx writes each section's heading as its id: `sharing` there is no share
        // button, and the section is the article's.
        let page = "<div class=\"content\"><div class=\"section\" id=\"evolve-shared-mutable-history\"><h1>Evolve: Shared Mutable History</h1><p>Once you have mastered the art of mutable history in a single repository, you can move up to the next level, shared mutable history.</p><div class=\"section\" id=\"sharing-with-a-single-developer\"><h2>Sharing with a single developer</h2><p>The key to shared mutable history is to keep your changesets in draft phase as you pass them around, between your computers.</p></div><div class=\"section\" id=\"share-buttons\"><p>Share this page on Twitter, on Facebook, on Reddit and by e-mail, with your friends.</p></div></div></div>";
        assert_eq!(
            extract(page).paragraphs,
            [
                "Evolve: Shared Mutable History",
                "Once you have mastered the art of mutable history in a single repository, you can move up to the next level, shared mutable history.",
                "Sharing with a single developer",
                "The key to shared mutable history is to keep your changesets in draft phase as you pass them around, between your computers."
            ]
        );
    }

    /// What a class says the element is, not its modifiers, tags or states: the whole
    /// article was lost on each of these pages (adbar/trafilatura's evaluation).
    #[test]
    fn modifiers_tags_and_states_in_a_class_say_nothing() {
        let body = "<p>Der Wakebeach 257 in Dormagen öffnet am Samstag, und alle sind eingeladen, mit uns den Saisonstart zu feiern.</p><p>Be there or be square! Für Getränke und Musik ist gesorgt, der Eintritt ist frei.</p>";
        let want = [
            "Der Wakebeach 257 in Dormagen öffnet am Samstag, und alle sind eingeladen, mit uns den Saisonstart zu feiern.",
            "Be there or be square! Für Getränke und Musik ist gesorgt, der Eintritt ist frei.",
        ];
        // A side column and related articles, each with less prose than the article but
        // together with more: a chrome word on the article would make it chrome too.
        let p = "<p>Unsere Redaktion empfiehlt heute drei weitere Artikel über den Sommer am Rhein, über Musik und über Sport, die Sie nicht verpassen sollten.</p>";
        let aside = format!("<aside>{p}</aside><div class=\"related\">{p}</div>");
        for article in [
            // A BEM modifier: a section that has ads.
            format!("<section class=\"o-section o-section--has-ads\"><div class=\"c-article-body\">{body}</div></section>"),
            // A WordPress category of the post.
            format!("<article class=\"post type-post category-no-newsletter-rss\">{body}</article>"),
            // A state of a wrapper.
            format!("<div class=\"wrap has-ads\"><div class=\"entry\">{body}</div></div>"),
            // The target of a skip link.
            format!("<main id=\"skip-main\">{body}</main>"),
            // An opinion piece.
            format!("<div class=\"news commentary\">{body}</div>"),
        ] {
            let page = format!("{article}{aside}");
            assert_eq!(extract(&page).paragraphs, want, "{page}");
        }
        // The readers' comments stay out, whatever their BEM modifier.
        let page = format!("<article>{body}</article><div class=\"comments comments--open\"><p>Ein Leser schrieb hier einen langen Kommentar, der mit dem Artikel nichts zu tun hat, aber lang ist.</p></div>");
        assert_eq!(extract(&page).paragraphs, want);
    }

    #[test]
    fn a_pages_one_schema_org_article_body_is_found() {
        let long = "Snow on a roof full of solar panels costs power, and its weight strains the modules and their frames, the testing lab says. ".repeat(5);
        let script = |json: &str| {
            format!("<html><head><script type=\"application/ld+json\">{json}</script></head><body><p>x</p></body></html>")
        };
        let one = serde_json::json!({"@graph": [{"@type": "WebSite"}, {"@type": "NewsArticle", "headline": " Snow ", "articleBody": long}]});
        assert_eq!(
            ld_article_body(&script(&one.to_string())),
            Some((long.trim().to_string(), Some("Snow".to_string())))
        );
        // Said twice (two scripts) is one body; two bodies, a short one, broken JSON: none.
        let twice = format!("{}{}", script(&one.to_string()), script(&one.to_string()));
        assert!(ld_article_body(&twice).is_some());
        let two = serde_json::json!([{"articleBody": long}, {"articleBody": long.to_uppercase()}]);
        assert_eq!(ld_article_body(&script(&two.to_string())), None);
        let short = serde_json::json!({"articleBody": "Snow strains solar panels."});
        assert_eq!(ld_article_body(&script(&short.to_string())), None);
        assert_eq!(ld_article_body(&script("{\"articleBody\": \"Snow")), None);
        // The page made of it: a paragraph a line, or the body's own HTML.
        assert_eq!(
            with_ld_article("A & B&#039;s.\n\nC.", Some("H"), Some("T")),
            "<html><head><title>T</title></head><body><article><h1>H</h1><p>A &amp; B's.</p><p>C.</p></article></body></html>"
        );
        assert_eq!(
            with_ld_article("<p>A.</p>", None, None),
            "<html><head></head><body><article><p>A.</p></article></body></html>"
        );
    }

    #[test]
    fn two_words_of_a_name_side_by_side_make_a_chrome_word() {
        let words = |c: &str| class_words(c).collect::<Vec<_>>();
        assert_eq!(
            words("entry-author-info"),
            ["entry", "author", "info", "authorinfo"]
        );
        assert_eq!(
            words("post-meta-wrapper"),
            ["post", "meta", "wrapper", "postmeta"]
        );
        assert_eq!(words("author-bio"), ["author", "bio", "authorbio"]);
        // No two of them make one: the words alone.
        assert_eq!(words("entry-content-wrap"), ["entry", "content", "wrap"]);
    }

    /// A standfirst in the article's header, above the container the article's text was
    /// found in, is the article's; the byline and date beside it are not.
    #[test]
    fn the_lead_under_the_headline_is_kept() {
        let paragraphs = [
            "Die Jugendverbände der Landwirtschaft in NRW fordern eine Existenzgründungsprämie, damit junge Menschen Höfe übernehmen.",
            "Bis zu 70.000 Euro sollen es sein, finanziert aus der zweiten Säule der Agrarförderung, sagen die Verbände.",
            "In einem ersten Gespräch zeigte sich die Ministerin offen, aber noch nicht überzeugt, und bat um Zahlen.",
            "Die Verbände wollen bis zum Sommer ein Konzept vorlegen, das auch die Pacht und die Ausbildung einschließt.",
            "Ob das Land dafür Geld im Haushalt findet, ist offen, denn die Kassen sind nach der Pandemie knapp.",
        ];
        let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>")).collect();
        let lead = "Die Landjugend will, dass das Land jungen Landwirten beim Start mit einer Prämie hilft.";
        let page = format!("<div class=\"menu\">Start</div><main><header class=\"m-intro-header\"><h1>Prämie für Junglandwirte</h1><p class=\"a-lead\">{lead}</p><p>By Anna Schmidt, Redakteurin für Agrarpolitik in Münster.</p><p>12. März 2021</p></header><div class=\"wrap\"><div class=\"content\">{body}</div></div></main><aside><p>Mehr zum Thema</p></aside>");
        let mut want = vec![lead];
        want.extend(paragraphs);
        assert_eq!(extract(&page).paragraphs, want);
    }

    /// A closed dialog is not shown, however much text it holds (a site's page about its
    /// training college, in a popup, had more prose than the article).
    #[test]
    fn a_hidden_dialog_with_more_text_than_the_article_stays_out() {
        let article = "<p>The conference, which is scheduled for June 13 to 17, will take place at the Montego Bay Convention Centre.</p><p>During the five-day event, about 1,500 participants are expected from 140 countries.</p>";
        let dialog = "<p>The Initial Officer Training Programme provides basic military officer training to Officer Cadets, who learn to lead.</p>".repeat(4);
        let page = format!("<article><h1>Investment at AICE 2022</h1>{article}</article><div role=\"dialog\" aria-hidden=\"true\">{dialog}</div>");
        assert_eq!(
            extract(&page).paragraphs,
            [
                "Investment at AICE 2022",
                "The conference, which is scheduled for June 13 to 17, will take place at the Montego Bay Convention Centre.",
                "During the five-day event, about 1,500 participants are expected from 140 countries."
            ]
        );
    }

    #[test]
    fn a_no_break_space_at_a_blocks_edge_goes_an_indentation_stays() {
        let page = "<article><p><img class=\"puce\" alt=\"-\">&nbsp;Elle appelle à tenir des assemblées générales dans tous les établissements de la région.</p><p>\u{2028}Elle considère que le secteur de l'éducation doit se mobiliser largement.</p><p>&nbsp; &nbsp;case 'upload': die($form);</p></article>";
        assert_eq!(
            extract(page).paragraphs,
            [
                "Elle appelle à tenir des assemblées générales dans tous les établissements de la région.",
                "Elle considère que le secteur de l'éducation doit se mobiliser largement.",
                "\u{a0} \u{a0}case 'upload': die($form);"
            ]
        );
    }

    #[test]
    fn alt_texts_that_name_the_site_image_after_image_are_no_captions() {
        let body = "<p>Montauk liegt am östlichen Ende von Long Island, drei Stunden von Manhattan, und ist im Sommer voller Surfer.</p><p>Am Abend treffen sich alle am Strand, um den Sonnenuntergang über dem Atlantik zu sehen.</p>";
        let img = |alt: &str| format!("<img src=\"/a.jpg\" alt=\"{alt}\">");
        let page = |title: &str| {
            format!(
                "<html><head><title>{title}</title></head><body><article>{}{body}{}{}<figure>{}<figcaption>Der Leuchtturm von Montauk</figcaption></figure></article></body></html>",
                img("Montauk Long Island USA Reiseblog BeFifty"),
                img("Long Island Montauk Surfer USA BeFifty"),
                img("East Hampton Long Island USA Reiseblog BeFifty"),
                img("Leuchtturm Montauk Point")
            )
        };
        assert_eq!(
            extract(&page("BeFifty - Der Blog für Frauen über 40 und über 50")).paragraphs,
            [
                "Montauk liegt am östlichen Ende von Long Island, drei Stunden von Manhattan, und ist im Sommer voller Surfer.",
                "Am Abend treffen sich alle am Strand, um den Sonnenuntergang über dem Atlantik zu sehen.",
                "Leuchtturm Montauk Point",
                "Der Leuchtturm von Montauk"
            ]
        );
        // A title without the site's name: the alt texts are captions.
        assert_eq!(extract(&page("Drei Tage in Montauk")).paragraphs.len(), 7);
    }

    #[test]
    fn soft_hyphens_and_ruby_readings_are_no_text() {
        let page = "<article><p>Die Not\u{ad}fall\u{ad}daten sind Teil der elektronischen Patientenakte, die alle Versicherten bekommen.</p><p><ruby>虐待<rp>(</rp><rt>ぎゃくたい</rt><rp>)</rp></ruby>をなくすための<ruby>法律<rt>ほうりつ</rt></ruby>ができました。</p></article>";
        assert_eq!(
            extract(page).paragraphs,
            [
                "Die Notfalldaten sind Teil der elektronischen Patientenakte, die alle Versicherten bekommen.",
                "虐待をなくすための法律ができました。"
            ]
        );
    }

    #[test]
    fn an_article_split_by_ads_is_kept_whole() {
        // The text goes on in a second container of the same class, after a box of other
        // stories and an ad.
        let para = |s: &str| format!("<p class=\"story-body-text\">{s}</p>");
        let second: String = (1..=12)
            .map(|i| para(&format!("Paragraph {i} of the second part says more about the sale, the subsidiary, the shareholders and the taxes they will pay.")))
            .collect();
        let page = format!(
            "<main><article id=\"story\"><h1>Yahoo sells itself to Verizon</h1><div class=\"supplemental\"><div class=\"story-body story-body-1\">{}</div></div><div class=\"supplemental\"><ul><li><article><h2><a href=\"/a\">Another story</a></h2></article></li></ul><div class=\"ad\">Advertisement</div></div><div class=\"supplemental\"><div class=\"story-body story-body-2\">{second}</div></div></article></main>",
            para("First, let us say what the Yahoo sale is not. It is not a sale of the publicly traded company, but of its subsidiary and some assets.")
                + &para("The sale is being done in two steps. The first step will be the transfer of any assets related to the business to one subsidiary."),
        );
        let e = extract(&page);
        let first: Vec<&String> = e
            .paragraphs
            .iter()
            .take_while(|p| !p.starts_with("Paragraph 1 "))
            .collect();
        assert_eq!(
            first,
            [
                "First, let us say what the Yahoo sale is not. It is not a sale of the publicly traded company, but of its subsidiary and some assets.",
                "The sale is being done in two steps. The first step will be the transfer of any assets related to the business to one subsidiary."
            ]
        );
        assert_eq!(e.paragraphs.len(), 14);
    }

    /// The parts may sit in rows of a page's grid, several levels below the element
    /// they share (politico's `story-text`, one per row, ads in columns beside them).
    #[test]
    fn an_article_split_over_rows_of_a_grid_is_kept_whole() {
        let para = |s: &str| format!("<p>{s}</p>");
        let row = |text: &str| {
            format!("<section class=\"page-row\"><div class=\"container\"><div class=\"column\"><div class=\"story-text\">{text}</div></div><div class=\"column\"><aside class=\"ad\">Advertisement</aside></div></div></section>")
        };
        let first = para("Rep. Mark Meadows' shock retirement, revealed just 30 hours before the filing deadline, has roiled some Republicans in the state.")
            + &para("The four-term congressman will leave the House for a role with the president, which he disclosed in an interview.");
        let second: String = (1..=14)
            .map(|i| para(&format!("Paragraph {i} of the second row tells who filed, who knew of the retirement, and what the party's leaders in the state said.")))
            .collect();
        let page = format!("<main>{}{}</main>", row(&first), row(&second));
        let e = extract(&page);
        assert_eq!(
            e.paragraphs.first().map(String::as_str),
            Some("Rep. Mark Meadows' shock retirement, revealed just 30 hours before the filing deadline, has roiled some Republicans in the state.")
        );
        assert_eq!(e.paragraphs.len(), 16);
    }

    #[test]
    fn an_inline_caption_at_a_paragraphs_start_is_a_block_of_its_own() {
        // Glued to the caption, the paragraph began with the credit's `©`, a copyright
        // line for the line rules.
        let html = r#"<article><p><span class="storyimage"><img alt="" src="a.jpg"><span class="caption truncate"><span class="attribution">© Provided by Business Insider Inc</span><span>Nintendo/Apple</span></span></span>
Nintendo and Apple shocked the world earlier this year by announcing "Super Mario Run," the legendary gaming company's first foray into mobile gaming.</p><p>Thankfully, now we know when you can get it and for how much: it will launch on iPhone and iPad on December 15, for a flat fee.</p></article>"#;
        let page = Page::parse(html);
        let blocks: Vec<(Kind, &str)> = page
            .blocks
            .iter()
            .map(|b| (b.kind, b.text.as_str()))
            .collect();
        assert_eq!(
            blocks[..2],
            [
                (Kind::Paragraph, "© Provided by Business Insider IncNintendo/Apple"),
                (Kind::Paragraph, "Nintendo and Apple shocked the world earlier this year by announcing \"Super Mario Run,\" the legendary gaming company's first foray into mobile gaming.")
            ]
        );
    }

    #[test]
    fn a_gallerys_counter_is_no_caption() {
        let html = r#"<article><figure><img src="a.jpg" alt=""><figcaption><span class="count">1<span>of</span>4</span><span class="caption">Grass Valley's Dionicio Torres looks at the gas can selection before taking the last can.</span></figcaption></figure><p>Shoppers bought generators and gas cans on Tuesday, in preparation of the planned power shutdown of Wednesday.</p></article>"#;
        assert_eq!(
            extract(html).paragraphs,
            [
                "Grass Valley's Dionicio Torres looks at the gas can selection before taking the last can.",
                "Shoppers bought generators and gas cans on Tuesday, in preparation of the planned power shutdown of Wednesday."
            ]
        );
        assert!(gallery_counter("2 of 12") && gallery_counter("3/7"));
        assert!(!gallery_counter("1of") && !gallery_counter("Part 1 of 4"));
    }

    #[test]
    fn text_for_screen_readers_only_is_no_text() {
        let html = r#"<article><figure><img src="a.jpg" alt=""><figcaption><span class="off-screen">Image caption</span><span class="media-caption__text">Scooter Braun has managed Justin Bieber throughout his career in music</span></figcaption></figure><p>The music manager bought the label that owns the singer's first six albums, she wrote on Tumblr on Sunday night.<a href="/x"><span class="visually-hidden">(opens in a new window)</span></a></p></article>"#;
        assert_eq!(
            extract(html).paragraphs,
            [
                "Scooter Braun has managed Justin Bieber throughout his career in music",
                "The music manager bought the label that owns the singer's first six albums, she wrote on Tumblr on Sunday night."
            ]
        );
    }

    #[test]
    fn code_keeps_its_lines_and_loses_its_line_numbers() {
        // Hexo: line numbers in a gutter cell, each line a span ended by `<br>`; CSDN:
        // the numbers in a list after the code; highlight.js's plugin: a `div` a line;
        // Prism's toolbar wraps the block (`div.code-toolbar`, no toolbar of the page).
        let html = r#"<article><p>The first example reads a file and counts its lines, as every beginner has to do at some point.</p><figure class="highlight python"><table><tr><td class="gutter"><pre><span class="line">1</span><br><span class="line">2</span><br></pre></td><td class="code"><pre><span class="line">with open("a.txt") as f:</span><br><span class="line">    n = sum(1 for _ in f)</span><br></pre></td></tr></table></figure><pre><code class="has-numbering">import os
print(os.getcwd())
</code><ul class="pre-numbering"><li>1</li><li>2</li></ul></pre><pre><code class="hljs"><ol class="hljs-ln"><li><div class="hljs-ln-numbers"><div class="hljs-ln-n" data-line-number="1"></div></div><div class="hljs-ln-code"><div class="hljs-ln-line">ls -la</div></div></li><li><div class="hljs-ln-numbers"><div class="hljs-ln-n" data-line-number="2"></div></div><div class="hljs-ln-code"><div class="hljs-ln-line">cd /tmp</div></div></li></ol></code></pre><div class="code-toolbar"><pre><code>echo hi</code></pre><div class="toolbar"><button class="copy-to-clipboard-button">Copy</button></div></div><p>The last example prints a greeting, which is all that the toolbar's block of code has to say.</p></article>"#;
        let article = Page::parse(html).article();
        let code: Vec<&str> = article
            .iter()
            .filter(|b| b.kind == Kind::Code)
            .map(|b| b.text.as_str())
            .collect();
        assert_eq!(
            code,
            [
                "with open(\"a.txt\") as f:\n    n = sum(1 for _ in f)\n",
                "import os\nprint(os.getcwd())\n",
                "ls -la\ncd /tmp\n",
                "echo hi"
            ]
        );
    }

    #[test]
    fn a_wikis_reference_marks_and_edit_links_go() {
        // MediaWiki: `[edit]` beside each heading, a note's number and an editor's note as
        // superscripts; a superscript without brackets is the text's (`x²`, `1st`).
        let html = r##"<div id="content"><h2><span class="mw-headline" id="History">History</span><span class="mw-editsection"><span class="mw-editsection-bracket">[</span><a href="/w/index.php?title=Mozilla&amp;action=edit&amp;section=1" title="Edit section: History">edit</a><span class="mw-editsection-bracket">]</span></span></h2><p>On January 23, 1998, Netscape made two announcements: that Communicator will be free, and that its source code will be free too.<sup id="cite_ref-3" class="reference"><a href="#cite_note-3">[3]</a></sup> One day later, Jamie Zawinski registered mozilla.org <sup>[a]</sup> and the 1<sup>st</sup> meeting of x<sup>2</sup> people followed.<sup class="noprint Inline-Template Template-Fact"><i>[<a href="/wiki/Wikipedia:Citation_needed" title="Wikipedia:Citation needed"><span title="This claim needs references to reliable sources.">citation needed</span></a>]</i></sup></p></div>"##;
        assert_eq!(
            extract(html).paragraphs,
            [
                "History",
                "On January 23, 1998, Netscape made two announcements: that Communicator will be free, and that its source code will be free too. One day later, Jamie Zawinski registered mozilla.org and the 1st meeting of x2 people followed."
            ]
        );
    }

    #[test]
    fn a_notes_link_back_to_its_mark_goes() {
        // A footnote as Markdown renderers write it, its arrow back to the mark in the
        // text; a link within the page that says something stays.
        let html = r##"<article><p>Our build took forty minutes on every change, and most of it went into one old script.<sup><a href="#fn1" id="fnref1">1</a></sup> See <a href="#how">how we did it</a> below.</p><div class="footnotes"><ol><li id="fn1">The script was written in 2009 by a contractor. <a href="#fnref1" class="footnote-backref">↩︎</a></li></ol></div></article>"##;
        assert_eq!(
            extract(html).paragraphs,
            [
                "Our build took forty minutes on every change, and most of it went into one old script. See how we did it below.",
                "The script was written in 2009 by a contractor."
            ]
        );
    }

    #[test]
    fn a_formula_is_said_once_as_its_tex() {
        // KaTeX: MathML with the TeX as an annotation, then the spans for the eye, which
        // read as `∂x∂f=2` (the denominator first).
        let katex = r#"<article><p>The gradient is defined as <span class="katex"><span class="katex-mathml"><math><semantics><mrow><mfrac><mrow><mi>∂</mi><mi>f</mi></mrow><mrow><mi>∂</mi><mi>x</mi></mrow></mfrac><mo>=</mo><mn>2</mn></mrow><annotation encoding="application/x-tex">\frac{\partial f}{\partial x} = 2</annotation></semantics></math></span><span class="katex-html" aria-hidden="true"><span class="mord">∂x∂f</span><span class="mrel">=</span><span class="mord">2</span></span></span>, which the central difference approximates well enough.</p></article>"#;
        assert_eq!(
            extract(katex).paragraphs,
            ["The gradient is defined as $\\frac{\\partial f}{\\partial x} = 2$, which the central difference approximates well enough."]
        );
        // MathJax 2: its rendering (with MathML for screen readers inside) and the script
        // holding the TeX; a formula set apart is `$$…$$`.
        let mathjax2 = r#"<article><p>The square <span class="MathJax_Preview"></span><span class="MathJax" id="MathJax-Element-1-Frame"><nobr><span class="mi">x</span><span class="mn">2</span></nobr><span class="MJX_Assistive_MathML"><math><msup><mi>x</mi><mn>2</mn></msup></math></span></span><script type="math/tex" id="MathJax-Element-1">x^2</script> grows faster than <script type="math/tex; mode=display">\sum_{k=1}^{n} k</script> for large values of the number.</p></article>"#;
        assert_eq!(
            extract(mathjax2).paragraphs,
            ["The square $x^2$ grows faster than $$\\sum_{k=1}^{n} k$$ for large values of the number."]
        );
        // MathJax 3: glyphs drawn by CSS, and MathML without TeX, written on one line.
        let mathjax3 = r#"<article><p>The ratio <mjx-container class="MathJax" jax="CHTML"><mjx-math class="MJX-TEX" aria-hidden="true"><mjx-mi><mjx-c class="mjx-c1D44E"></mjx-c></mjx-mi></mjx-math><mjx-assistive-mml display="inline"><math><mfrac><mrow><mi>a</mi><mo>+</mo><mn>1</mn></mrow><msqrt><mi>b</mi></msqrt></mfrac><mo>&#x2062;</mo><msup><mi>x</mi><mrow><mi>n</mi><mo>−</mo><mn>1</mn></mrow></msup><mtext> for </mtext><mi>n</mi></math></mjx-assistive-mml></mjx-container> is what the second method of this paper computes.</p></article>"#;
        assert_eq!(
            extract(mathjax3).paragraphs,
            ["The ratio (a+1)/√(b)x^(n−1) for n is what the second method of this paper computes."]
        );
        // Wikipedia: MathML hidden behind a picture whose alt text is the TeX again; a
        // formula set apart is a block of its own.
        let wikipedia = r#"<div id="content"><p>A square matrix <span class="mwe-math-element"><span class="mwe-math-mathml-inline mwe-math-mathml-a11y" style="display: none;"><math alttext="{\displaystyle A}"><semantics><mi>A</mi><annotation encoding="application/x-tex">{\displaystyle A}</annotation></semantics></math></span><img src="https://wikimedia.org/api/rest_v1/media/math/render/svg/7daff47fa58cdfd29dc333def748ff5fa4c923e3" class="mwe-math-fallback-image-inline" aria-hidden="true" alt="{\displaystyle A}"></span> is Hermitian if and only if it is equal to its adjoint, that is, it satisfies</p><div class="mwe-math-element"><div class="mwe-math-mathml-display mwe-math-mathml-a11y" style="display: none;"><math display="block" alttext="{\displaystyle \langle w,Av\rangle =\langle Aw,v\rangle ,}"><semantics><mrow><mo>⟨</mo><mi>w</mi></mrow><annotation encoding="application/x-tex">{\displaystyle \langle w,Av\rangle =\langle Aw,v\rangle ,}</annotation></semantics></math></div><img src="https://wikimedia.org/api/rest_v1/media/math/render/svg/1" class="mwe-math-fallback-image-display" aria-hidden="true" alt="{\displaystyle \langle w,Av\rangle =\langle Aw,v\rangle ,}"></div><p>for any pair of vectors, where the brackets denote the inner product of the space.</p></div>"#;
        assert_eq!(
            extract(wikipedia).paragraphs,
            [
                "A square matrix $A$ is Hermitian if and only if it is equal to its adjoint, that is, it satisfies",
                "$$\\langle w,Av\\rangle =\\langle Aw,v\\rangle ,$$",
                "for any pair of vectors, where the brackets denote the inner product of the space."
            ]
        );
        // WordPress draws a formula as a picture from its TeX, the alt text.
        let wordpress = r#"<article><p>Since <img src="https://s0.wp.com/latex.php?latex=e%5E%7Bi%5Cpi%7D&amp;bg=ffffff" alt="e^{i\pi} + 1 = 0" class="latex" /> holds, the identity links the five most important constants of analysis.</p></article>"#;
        assert_eq!(
            extract(wordpress).paragraphs,
            ["Since $e^{i\\pi} + 1 = 0$ holds, the identity links the five most important constants of analysis."]
        );
    }

    #[test]
    fn text_with_blank_lines_keeps_its_paragraphs() {
        let e = extract("<p></p>\n  第一段第一行\n  继续\n\n  第二段\n");
        assert_eq!(e.paragraphs, ["第一段第一行继续", "第二段"]);
    }

    #[test]
    fn nested_and_broken_markup_terminates() {
        let deep = "<div>".repeat(100_000) + "文字" + &"</div>".repeat(10);
        assert_eq!(extract(&deep).paragraphs, ["文字"]);
        assert_eq!(extract("<p>未闭合<b>粗<i>斜").paragraphs, ["未闭合粗斜"]);
    }

    #[test]
    fn tables_row_by_row() {
        let page = Page::parse(
            "<table><tr><th>名称</th><th>数量</th></tr><tr><td>苹果</td><td>3</td></tr></table>",
        );
        let t: Vec<_> = page.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(t, ["名称 | 数量", "苹果 | 3"]);
        assert_eq!(page.blocks[0].markdown, "| 名称 | 数量 |\n|---|---|");
    }

    #[test]
    fn elementor_widgets_are_what_the_rest_of_their_name_says() {
        let chrome = |class: &str| class_words(class).any(|w| class_word(&w) == Word::Chrome);
        assert!(!chrome("elementor-widget-container"));
        assert!(!chrome(
            "elementor-element elementor-widget elementor-widget-text-editor"
        ));
        assert!(chrome(
            "elementor-element elementor-widget elementor-widget-nav-menu"
        ));
        assert!(chrome("textwidget widget"));
    }

    #[test]
    fn credits_and_caption_copies() {
        assert!(credit_line("Photo: Hau Dinh, AP"));
        assert!(credit_line("Natalie Naccache | Bloomberg | Getty Images"));
        assert!(credit_line("Image source: Neil Godwin / Shutterstock"));
        assert!(credit_line("Foto: Instagram"));
        assert!(credit_line("Źródło: Eurostat"));
        assert!(credit_line("(crédito: Archivo)"));
        assert!(credit_line("picture alliance/dpa | Kay Nietfeld"));
        assert!(credit_line("Reuters"));
        assert!(credit_line("PA Wire"));
        assert!(credit_line("EPA"));
        assert!(!credit_line("Associated Press"));
        assert!(!credit_line("Reuters reported the deal on Monday."));
        assert!(!credit_line(
            "Bilder einer Ausstellung: Mussorgski schrieb den Zyklus 1874 für Klavier."
        ));
        assert!(!credit_line(
            "Photographers waited outside the court for hours."
        ));
        assert!(!credit_line(
            "Getty Images bought the archive of the magazine last year."
        ));
        let t = "Officials in Mongolia tried to control the spread of the plagueCredit: The Siberian Times";
        assert_eq!(
            credit_tail(t).map(|i| &t[..i]),
            Some("Officials in Mongolia tried to control the spread of the plague")
        );
        let t = "A view of the harbour at dawn (AP Photo/John Locher)";
        assert_eq!(
            credit_tail(t).map(|i| &t[..i]),
            Some("A view of the harbour at dawn ")
        );
        let t = "Kuka robots work on Tesla cars in Fremont, California. (Image: AP)";
        assert_eq!(
            credit_tail(t).map(|i| &t[..i]),
            Some("Kuka robots work on Tesla cars in Fremont, California. ")
        );
        for (t, caption) in [
            (
                "Striking members of the UCU at University College last year. Photograph: Guy Smallman/Getty Images",
                "Striking members of the UCU at University College last year. ",
            ),
            (
                "Saksan liittokansleri Angela Merkel keskusteli Berliinissä. Kuva: ALEXANDER BECHER",
                "Saksan liittokansleri Angela Merkel keskusteli Berliinissä. ",
            ),
            (
                "Golf im TV: Die Übertragungszeiten im Überblick. (Foto: Getty)",
                "Golf im TV: Die Übertragungszeiten im Überblick. ",
            ),
            (
                "Marco Odermatt, Ski-Star aus der Schweiz. © AFP / MARCO BERTORELLO",
                "Marco Odermatt, Ski-Star aus der Schweiz. ",
            ),
        ] {
            assert_eq!(credit_tail(t).map(|i| &t[..i]), Some(caption), "{t}");
        }
        // A caption about a picture's copyright keeps its words; a credit of more than
        // eight words is no credit.
        let t = "The court ruled that the photo: was never licensed © to the agency that sold it to newspapers across Europe";
        assert_eq!(credit_tail(t), None);
        assert_eq!(credit_tail("Photo: a cat"), None);
        assert_eq!(
            caption_key("Esper shakes hands in Hanoi. less"),
            "Esper shakes hands in Hanoi."
        );
        assert_eq!(
            caption_key("Esper shakes hands ... more"),
            "Esper shakes hands"
        );
        assert!(copy_of(
            "Esper shakes hands in Hanoi",
            "Esper shakes hands in Hanoi, left"
        ));
        assert!(!copy_of("Photo", "Photographers at work"));
        assert!(!copy_of(
            "Esper shakes hands in Han",
            "Esper shakes hands in Hanoi"
        ));
    }

    #[test]
    fn a_list_called_a_list_is_kept() {
        let e = extract("<article><p>AirPods dropped to an all-time low on Amazon today, and the case with wireless charging is cheaper than ever before, so here are the deals.</p><ul class=\"a-unordered-list\"><li>Automatically on, automatically connected</li><li>Double-tap to play or skip forward</li></ul></article>");
        assert_eq!(e.paragraphs.len(), 3, "{:?}", e.paragraphs);
        assert_eq!(e.paragraphs[2], "Double-tap to play or skip forward");
    }

    #[test]
    fn a_consent_dialog_is_chrome_however_long_its_policy() {
        // A consent manager's dialog with more prose than the page: the page's short text
        // is its article.
        let policy = "<p>We process your data to deliver content or advertisements and measure the delivery of such content or advertisements to extract insights about our website.</p>".repeat(4);
        let page = format!("<html><body><main><h1>Dinner Recipes</h1><p>What's for dinner? Take the work out of searching for an answer to this question with these popular five-star dinner recipes.</p></main><div id=\"onetrust-consent-sdk\"><div class=\"ot-pc-content\">{policy}</div></div></body></html>");
        assert_eq!(
            extract(&page).paragraphs,
            ["Dinner Recipes", "What's for dinner? Take the work out of searching for an answer to this question with these popular five-star dinner recipes."]
        );
        // A wrapper that says a cookie banner shows, around the headline, is the page.
        let page = "<html><body><div class=\"page cookie-banner-visible\"><article><h1>Water rates rise</h1><p>The city council voted on Tuesday to raise water rates by four percent from April, the first rise in six years.</p></article></div></body></html>";
        assert_eq!(
            extract(page).paragraphs,
            ["Water rates rise", "The city council voted on Tuesday to raise water rates by four percent from April, the first rise in six years."]
        );
    }

    #[test]
    fn a_dialog_over_the_page_is_chrome_however_much_it_promises() {
        // A shop's offer in a dialog, with more prose than the product's short text: the
        // product's text is the page's, whether the dialog says it is one by its role, by
        // `aria-modal`, by its tag or by its class.
        let offer = "<p>Enter your email for 15% off your first order, and be the first to hear about new colours, restocks and our seasonal sales.</p>".repeat(3);
        let product = "<html><body><main><h1>Classic Percale Sheet Set</h1><p>Crisp, cool and matte: a cotton percale woven for sleepers who run hot.</p></main>{dialog}</body></html>";
        for dialog in [
            format!("<div role=\"dialog\">{offer}</div>"),
            format!("<div aria-modal=\"true\">{offer}</div>"),
            format!("<dialog open>{offer}</dialog>"),
            format!("<div id=\"overlayModal\"><div class=\"modal\">{offer}</div></div>"),
        ] {
            assert_eq!(
                extract(&product.replace("{dialog}", &dialog)).paragraphs,
                [
                    "Classic Percale Sheet Set",
                    "Crisp, cool and matte: a cotton percale woven for sleepers who run hot."
                ],
                "{dialog}"
            );
        }
        // A dialog that holds the headline is the page.
        let page = format!(
            "<html><body><div role=\"dialog\"><h1>Save 15% today</h1>{offer}</div></body></html>"
        );
        assert_eq!(extract(&page).paragraphs.len(), 4);
    }

    #[test]
    fn a_discussion_page_is_its_comments_but_an_articles_comments_are_not_its_text() {
        // A link aggregator's thread (Hacker News' markup): a submission's title and link,
        // and a tree of comments — the comments are the text, without their posters'
        // lines.
        let comments = [
            "We keep three copies: the laptop, a disk at home that takes a snapshot every night, and an object store in another country that only the backup job can write to.",
            "Whatever you choose, restore from it once a month. We found out the hard way that our nightly job had been writing empty archives for half a year, and nobody had looked.",
            "For photos and documents I use a plain synchronised folder and a second disk I swap with one at my parents' house whenever I visit them, which is cheap and slow but works.",
            "The part people forget is the keys: an encrypted backup whose password lived on the machine that died is no backup, so print the recovery key and put it in a drawer.",
            "Deduplicating tools changed it for us, since a year of daily snapshots of a twenty gigabyte home folder takes barely more room than two copies of it, and pruning is automatic.",
            "Test the speed of a full restore too, not only that it works: ours would have taken four days over the office line, which we learned during a drill rather than a disaster.",
            "I keep it boring on purpose: one command run by the scheduler, one log file I read on Mondays, and an alert when the log has not changed in two days.",
            "Cloud sync is not a backup, because a file deleted or encrypted by ransomware on one machine is deleted or encrypted everywhere a minute later, snapshots are what save you.",
            "Our rule of thumb is that nothing counts as backed up until it exists in two places we do not control at the same time, one of which is not reachable from the network.",
            "For databases we dump them logically every night as well as snapshotting the disks, because a consistent dump restores anywhere, while a disk image needs the same setup.",
            "Versioned buckets with an object lock gave us peace of mind: even the administrator account cannot delete a backup before its retention ends, so a stolen password does little.",
            "Write down how to restore, step by step, where you will find it when the machine is gone: the person doing it may be you at three in the morning, or a colleague who never did it.",
        ];
        // (Each said twice: a thread twice as long as its submission's text.)
        let tree: String = comments
            .iter()
            .chain(&comments)
            .enumerate()
            .map(|(i, c)| format!("<tr class=\"athing comtr\"><td><div class=\"comhead\"><a href=\"user?id=u{i}\">user{i}</a> <a href=\"item?id={i}\">{} hours ago</a> | <a href=\"#{i}\">next</a></div><div class=\"comment\"><div class=\"commtext\">{c}</div></div></td></tr>", i + 1))
            .collect();
        let thread = format!("<html><head><title>Ask HN: How do you back up? | Hacker News</title></head><body><center><table id=\"hnmain\"><tr><td><table class=\"fatitem\"><tr class=\"athing\"><td class=\"title\"><span class=\"titleline\"><a href=\"item?id=1\">Ask HN: How do you back up?</a></span></td></tr><tr><td class=\"subtext\"><span class=\"score\">89 points</span> by <a href=\"user?id=op\">op</a> <a href=\"item?id=1\">3 hours ago</a> | <a href=\"#\">12 comments</a></td></tr></table><table class=\"comment-tree\">{tree}</table></td></tr></table></center></body></html>");
        assert_eq!(extract(&thread).paragraphs, [comments, comments].concat());
        // The same comments under a text of its own (a post without a headline): not
        // its text.
        let said = "We moved our backups from tapes to an object store last spring, and this is what it cost us, what broke on the way and what we would do again.";
        let post = format!("<p>{said}</p>").repeat(4);
        let with_text = thread.replace(
            "<table class=\"comment-tree\">",
            &format!("<div class=\"toptext\">{post}</div><table class=\"comment-tree\">"),
        );
        assert_eq!(extract(&with_text).paragraphs, [said; 4]);
        // A poster's line says how long ago; a comment that says so is a sentence.
        assert!(posted_ago(
            "[–]Ragnar_Dragonfyre 188 points 17 hours ago (11 children)"
        ));
        assert!(!posted_ago("We keep three copies: the laptop, a disk at home that takes a snapshot every night and that I last checked two days ago."));
        // The same comments under an article with a headline of its own: not its text.
        let article = format!("<html><body><h1>How we back up</h1><p>Three copies, two places, one offline: the rule has not changed in twenty years.</p><table class=\"comment-tree\">{tree}</table></body></html>");
        assert_eq!(
            extract(&article).paragraphs,
            [
                "How we back up",
                "Three copies, two places, one offline: the rule has not changed in twenty years."
            ]
        );
    }

    #[test]
    fn a_posters_details_beside_each_post_are_no_text_but_an_articles_are() {
        // A vBulletin thread that does not call itself one: each poster's join date,
        // place and count of posts, a line each beside every post, go.
        let post = |joined: &str, place: &str, posts: &str, text: &str| {
            format!("<table class=\"tborder\"><tr><td class=\"alt2\"><div class=\"smallfont\"><div>Join Date: <b>{joined}</b></div><div>Location: <b>{place}</b></div><div>Posts: <b>{posts}</b></div></div></td><td class=\"alt1\"><div class=\"postbody\">{text}</div></td></tr></table>")
        };
        let page = format!(
            "<html><body><h1>Lounge access with a partner airline's ticket</h1><div id=\"posts\">{}{}</div></body></html>",
            post("Aug 2008", "SIN", "1,077", "The lounge at the terminal let me in with a partner airline's business ticket, though the desk checked it twice."),
            post("Mar 2009", "London", "12,410", "Same here last month: a partner's ticket in business is enough, whatever status you hold with the airline itself."),
        );
        assert_eq!(
            extract(&page).paragraphs,
            [
                "The lounge at the terminal let me in with a partner airline's business ticket, though the desk checked it twice.",
                "Same here last month: a partner's ticket in business is enough, whatever status you hold with the airline itself.",
            ]
        );
        // An article's own facts in the same form stay: a count of posts said twice, but
        // a day joined once.
        let article = "<html><body><article><h1>A forum that outlived its founder</h1><p>The board was started by a retired engineer who answered every question himself for a decade.</p><p>Registered: 2004-02-11</p><p>Posts: 98,211</p><p>Its sister board, started a year later by his daughter, is smaller and still busy.</p><p>Posts: 12,004</p><p>Their members still meet once a year in the town where the first of them lived.</p></article></body></html>";
        assert_eq!(
            extract(article).paragraphs,
            [
                "A forum that outlived its founder",
                "The board was started by a retired engineer who answered every question himself for a decade.",
                "Registered: 2004-02-11",
                "Posts: 98,211",
                "Its sister board, started a year later by his daughter, is smaller and still busy.",
                "Posts: 12,004",
                "Their members still meet once a year in the town where the first of them lived.",
            ]
        );
    }

    #[test]
    fn sections_a_table_of_contents_links_to_are_the_text() {
        // A state agency's guide: the `article` element holds only the hero's headline;
        // each section of the guide is a `section.toc-para` the table beside it links to.
        let section = |id: u32, title: &str, text: &str| {
            format!("<section id=\"toc_{id}\" class=\"toc-para webny_wysiwyg_pgtype\"><h2>{title}</h2><div><p>{text}</p></div></section>")
        };
        let page = format!(
            "<html><body><article><div class=\"hero\"><h1>Forming a Limited Liability Company</h1></div></article><div class=\"page-paragraphs with-nav-sidebar\"><aside id=\"toc-sidebar\"><nav><h2>On this page</h2><ul><li><a href=\"#toc_1\">Choosing a name</a></li><li><a href=\"#toc_2\">Filing the articles</a></li></ul></nav></aside><div class=\"article-content\"><div class=\"toc-chapters\">{}{}</div></div></div></body></html>",
            section(1, "Choosing a name", "The name of the company must contain the words Limited Liability Company or one of their abbreviations, and it must be distinguishable from the names of other entities on file."),
            section(2, "Filing the articles", "To form the company, file the articles of organization with the Department of State, together with the filing fee, by mail, in person or online through the business portal."),
        );
        assert_eq!(
            extract(&page).paragraphs,
            [
                "Choosing a name",
                "The name of the company must contain the words Limited Liability Company or one of their abbreviations, and it must be distinguishable from the names of other entities on file.",
                "Filing the articles",
                "To form the company, file the articles of organization with the Department of State, together with the filing fee, by mail, in person or online through the business portal.",
            ]
        );
        // The table itself (links) stays out.
        let toc = "<html><body><div class=\"toc\"><ul><li><a href=\"#a\">Choosing a name for the company and checking that it is free</a></li></ul></div><div class=\"post\"><p>The name of the company must contain the words Limited Liability Company or one of their abbreviations, and it must be distinguishable from the names of other entities on file.</p></div></body></html>";
        assert!(!extract(toc)
            .paragraphs
            .iter()
            .any(|p| p.contains("checking")));
    }

    #[test]
    fn a_box_named_a_card_holding_a_paragraph_of_the_article_stays() {
        // A tip in a `div.card` between the article's paragraphs is its text; another
        // story's teaser in one, under a heading that links to it, is not.
        let page = "<html><body><article><h1>How to season a cast iron pan</h1><p>Wash the pan with warm water and a little soap, then dry it completely over a low flame so that no moisture is left in the pores of the iron.</p><p>Rub a thin layer of oil over every surface, inside and out, and wipe off as much as you can with a clean cloth until the pan looks almost dry.</p><div class=\"card\"><p>Tip: flaxseed oil gives the hardest finish, but vegetable shortening or canola oil works well, costs less and is easier to find in any store.</p></div><p>Bake the pan upside down at a high heat for an hour, let it cool in the oven, and repeat the oiling and baking three or four times.</p><div class=\"card\"><h3><a href=\"/stories/dutch-oven\">Why every kitchen needs a Dutch oven</a></h3><p>From stews to bread, this heavy pot does it all, and it lasts for generations if you look after it the way our guide shows you.</p></div></article></body></html>";
        let paragraphs = extract(page).paragraphs;
        assert!(paragraphs
            .iter()
            .any(|p| p.starts_with("Tip: flaxseed oil gives the hardest finish")));
        assert!(!paragraphs.iter().any(|p| p.contains("heavy pot")));
        assert!(!paragraphs.iter().any(|p| p.contains("Dutch oven")));
    }

    #[test]
    fn a_forum_posts_copy_hidden_for_schema_org_is_read_once() {
        // XenForo's theme repeats the opening post inside `div.hidden` for schema.org,
        // then shows it (its text unmarked) with the one reply (marked).
        let post = "Hi all. My name is Doug and I like small woodworking projects: a scroll saw, a sander and a laser engraver are what I have so far.";
        let reply = "Welcome to the forum, Doug! We do like photos, so show us your shop, your tools and your projects whenever you are ready.";
        let page = format!("<html><head><script type=\"application/ld+json\">{{\"@type\":\"DiscussionForumPosting\"}}</script></head><body><h1>New to the forum</h1><div class=\"thread\" itemscope itemtype=\"https://schema.org/DiscussionForumPosting\"><div class=\"hidden\"><span itemprop=\"name\">Budkitc</span><article class=\"message-body\" itemprop=\"text\"><div class=\"bbWrapper\">{post}</div></article></div><div class=\"message\"><article class=\"message-body\" itemprop=\"\"><div class=\"bbWrapper\">{post}</div></article></div></div><div class=\"replies\"><div class=\"message\"><article class=\"message-body\" itemprop=\"text\"><div class=\"bbWrapper\">{reply}</div></article></div></div></body></html>");
        let paragraphs = extract(&page).paragraphs;
        assert_eq!(paragraphs.iter().filter(|p| p.as_str() == post).count(), 1);
        assert!(paragraphs.iter().any(|p| p == reply));
        // A list a script shows by removing `hidden` (a tab's items) is still the page's.
        let tabs = format!("<html><body><h1>Templates</h1><ul class=\"templates-list hidden\" data-category=\"personal\"><li><p>{post}</p></li></ul></body></html>");
        assert!(extract(&tabs).paragraphs.iter().any(|p| p == post));
    }

    #[test]
    fn a_page_footer_longer_than_the_article_stays_out() {
        let legal = "This material is not intended to replace the advice of a qualified advisor. Information has been obtained from sources believed to be reliable, is for informational purposes only and is not guaranteed as to accuracy. All rights reserved; no reproduction in whole or in part is permitted without the express written consent of the company. Products and services referenced are for general information only; always consult a qualified advisor prior to purchasing.";
        let page = format!("<html><body><div class=\"page\"><h1>Best practices for vehicle rentals</h1><p>Decline the rental company's collision coverage only when your own auto policy already covers rented cars, and check the limits first.</p></div><footer><div class=\"legal\"><p>{legal}</p></div></footer></body></html>");
        assert_eq!(
            extract(&page).paragraphs,
            [
                "Best practices for vehicle rentals",
                "Decline the rental company's collision coverage only when your own auto policy already covers rented cars, and check the limits first.",
            ]
        );
    }

    #[test]
    fn sections_named_by_a_chrome_word_that_hold_the_articles_prose_are_the_text() {
        // A guide whose sections are each a `div.skip-item` (the target of a skip
        // link), a heading and a paragraph each; a promotion bar's notices (no
        // headings) above stay out however much they say.
        let section = |title: &str, text: &str| {
            format!("<div class=\"skip-item\"><h2>{title}</h2><p>{text}</p></div>")
        };
        let promo = |text: &str| format!("<span class=\"promo-bar__text\"><p>{text}</p></span>");
        let page = format!(
            "<html><body><div class=\"top\">{}{}</div><div class=\"content\"><h1>Mesh WiFi explained</h1>{}{}</div></body></html>",
            promo("Free standard shipping on orders of $60 or more. For more information on shipping rates and timelines, please visit our international page."),
            promo("Free express shipping on orders of $110 or more. For more information on shipping rates and timelines, please visit our international page."),
            section("What is mesh?", "Mesh WiFi systems combine a router with one or more satellites to expand the coverage area of a single network, handing devices off between them."),
            section("What is a mesh network?", "A mesh network is a local area network of several nodes that work together to broadcast one signal over a large area, unlike a simple extender."),
        );
        assert_eq!(
            extract(&page).paragraphs,
            [
                "Mesh WiFi explained",
                "What is mesh?",
                "Mesh WiFi systems combine a router with one or more satellites to expand the coverage area of a single network, handing devices off between them.",
                "What is a mesh network?",
                "A mesh network is a local area network of several nodes that work together to broadcast one signal over a large area, unlike a simple extender.",
            ]
        );
        // Notices with no heading are no sections, however much of the page they hold.
        let shop = format!(
            "<html><body><div class=\"top\">{}{}{}</div><div class=\"content\"><h1>Balm Dotcom</h1><p>A nourishing lip balm with a soft, sheer tint that keeps lips moist all day long.</p></div></body></html>",
            promo("Free standard shipping on orders of $60 or more. For more information on shipping rates and timelines, please visit our international page."),
            promo("Free express shipping on orders of $110 or more. For more information on shipping rates and timelines, please visit our international page."),
            promo("Free express shipping on orders of 65 euros or more. For more information on shipping rates and timelines, please visit our international page."),
        );
        assert_eq!(
            extract(&shop).paragraphs,
            [
                "Balm Dotcom",
                "A nourishing lip balm with a soft, sheer tint that keeps lips moist all day long.",
            ]
        );
    }

    #[test]
    fn a_hidden_tab_panel_is_text_a_popover_is_not() {
        // A guide's code in a second language sits in a tab panel not shown yet; a
        // prompt to turn on notifications is a popover over the page.
        let page = "<html><body><article><h1>Send an SMS</h1><p>Create a file called send_sms and paste in the following code, then run it from the command line with your credentials set.</p><div role=\"tablist\"><button>Python</button><button>Node.js</button></div><div role=\"tabpanel\"><p>In Python, the client object takes your account identifier and token and sends the message with one call to create.</p></div><div role=\"tabpanel\" hidden><p>In Node.js, the client is created from the same account identifier and token, and the message is sent with a promise.</p></div></article><i-card popover id=\"prompt\"><div class=\"card\"><p>Click the padlock icon in the address bar, then click Permissions for this site, find Notifications and adjust your preference.</p></div></i-card></body></html>";
        assert_eq!(
            extract(page).paragraphs,
            [
                "Send an SMS",
                "Create a file called send_sms and paste in the following code, then run it from the command line with your credentials set.",
                "In Python, the client object takes your account identifier and token and sends the message with one call to create.",
                "In Node.js, the client is created from the same account identifier and token, and the message is sent with a promise.",
            ]
        );
    }

    #[test]
    fn a_contributors_short_bio_beside_the_article_goes() {
        let page = "<html><body><div class=\"header\"><a href=\"/sites/brucelee\">Bruce Y. Lee</a><div class=\"short-bio\">I am a writer, journalist, professor, systems modeler, computational and digital health expert, and entrepreneur, not always in that order.</div></div><article><h1>How this man's bedding gave him feather duvet lung</h1><p>A 43-year-old man went to the doctor with a cough and shortness of breath that had lasted for months, and his tests showed an inflammation of the lungs.</p><p>The doctors traced the inflammation to the feathers in his duvet and pillows, and his breathing improved after he replaced them with synthetic ones.</p></article></body></html>";
        assert!(!extract(page)
            .paragraphs
            .iter()
            .any(|p| p.starts_with("I am a writer")));
    }

    #[test]
    fn a_utility_class_with_a_variant_names_no_element() {
        let words: Vec<String> =
            class_words("lg:first:has-[>[data-slot=banner]]:pt-0 peer-[.active]:block prose")
                .collect();
        assert_eq!(words, ["prose"]);
    }

    #[test]
    fn a_post_inside_a_widget_is_found_where_every_box_of_the_page_is_one() {
        // A theme that wraps each of its boxes in a `section.widget`: the post, two boxes
        // of other stories' teasers beside it (more prose than the post, together), a
        // footer. None holds most of the page's prose, so each is chrome by its class.
        let teaser = |n: u32, title: &str, text: &str| {
            format!("<article id=\"post-{n}\" class=\"article\"><div class=\"title\">{title}</div><div class=\"author\">Webmaster</div><div class=\"body\">{text}...</div></article>")
        };
        let teasers: Vec<String> = [
            (8, "Hampers for 1,500 families", "THE SALVATION ARMY continued its long-standing tradition of community outreach with the distribution of 1,500 Christmas hampers on Tuesday, December 1"),
            (9, "Clerk recalled to the House", "THE CLERK who served the House of Assembly for twenty-five years has been called out of retirement for active service, a notice dated December 1 says, and"),
            (10, "Festival launched with a parade", "THE national Christmas festival was launched on Sunday with a colourful parade through the streets of the capital, watched by crowds along the way and then"),
            (11, "Police mount an exhibition", "THE POLICE FORCE mounted an exhibition on Wednesday as part of its annual crime prevention week, with stands on road safety, fraud and the ways to report"),
        ]
        .iter()
        .map(|&(n, title, text)| teaser(n, title, text))
        .collect();
        let page = format!(
            "<html><body><div class=\"wrap\"><section id=\"posts_slot-1\" class=\"widget widget_posts_slot\"><article id=\"post-7\" class=\"article Single-Post\"><h1>Enrolment opens for evening language classes</h1><div class=\"body\"><p>The institute has begun enrolment for new students who want to join its evening language courses in the new year, it said on Monday.</p><p>The enrolment period runs until the sixth of January, and classes begin the following week in the institute's rooms on the main street.</p><p>Prospective students complete their registration through a form on the institute's website, where the timetable is also published.</p></div></article></section><section id=\"posts_slot-2\" class=\"widget widget_posts_slot\"><div class=\"label\">ALSO IN THE NEWS</div>{}{}</section><section id=\"posts_slot-3\" class=\"widget widget_posts_slot\"><div class=\"label\">News</div>{}{}</section><section id=\"custom_html-3\" class=\"widget widget_text\"><p>Subscribe Now</p></section></div></body></html>",
            teasers[0], teasers[1], teasers[2], teasers[3],
        );
        assert_eq!(
            extract(&page).paragraphs,
            [
                "Enrolment opens for evening language classes",
                "The institute has begun enrolment for new students who want to join its evening language courses in the new year, it said on Monday.",
                "The enrolment period runs until the sixth of January, and classes begin the following week in the institute's rooms on the main street.",
                "Prospective students complete their registration through a form on the institute's website, where the timetable is also published.",
            ]
        );
        // Boxes of prose under no headline of the page (other posts' excerpts) are not
        // read as a post, whichever is largest: nothing is chosen, as before.
        let excerpts = format!(
            "<html><body><section class=\"widget\">{}</section><section class=\"widget\">{}</section><section class=\"widget\">{}</section><section class=\"widget\">{}</section></body></html>",
            teasers[0], teasers[1], teasers[2], teasers[3],
        );
        assert_eq!(extract(&excerpts).paragraphs, Vec::<String>::new());
    }

    #[test]
    fn a_posters_signature_is_chrome_by_its_class_not_by_an_id() {
        // A vBulletin thread that does not call itself one: each post's signature goes. A
        // documentation page's `h2#model-signature` stays.
        let post = |text: &str, sig: &str| {
            format!("<li class=\"postbit\"><div class=\"postbody\"><blockquote class=\"postcontent restore\"><p>{text}</p></blockquote><blockquote class=\"signature restore\"><div class=\"signaturecontainer\">{sig}</div></blockquote></div></li>")
        };
        let page = format!(
            "<html><body><h1>Is location important for you?</h1><ol id=\"posts\">{}{}</ol></body></html>",
            post("For a shop that sells in one country, a data centre near its customers makes every page faster, and that is worth paying a little more for.", "Multi award winning managed web hosting since 2008, with support that answers."),
            post("Location matters less with a content delivery network in front, but for the checkout and the database it still counts, in my experience.", "Remember, a provider cannot be good for everyone, so test before you move."),
        );
        assert_eq!(
            extract(&page).paragraphs,
            [
                "For a shop that sells in one country, a data centre near its customers makes every page faster, and that is worth paying a little more for.",
                "Location matters less with a content delivery network in front, but for the checkout and the database it still counts, in my experience.",
            ]
        );
        let docs = "<html><body><main><h1>Models</h1><p>A model is saved with a description of its inputs and outputs, so that it can be served without its training code.</p><h2 id=\"model-signature\">Model signature</h2><p>The signature names each input column and its type, and the output's shape, and it is checked when the model is called.</p></main></body></html>";
        assert_eq!(
            extract(docs).paragraphs,
            [
                "Models",
                "A model is saved with a description of its inputs and outputs, so that it can be served without its training code.",
                "Model signature",
                "The signature names each input column and its type, and the output's shape, and it is checked when the model is called.",
            ]
        );
    }

    #[test]
    fn a_self_closed_script_holds_the_text_up_to_its_end_tag() {
        let page = "<html><head><style/>p { color: red }</style></head><body><article><h1>Water rates rise</h1><p>The city council voted on Tuesday to raise water rates by four percent from April, the first rise in six years.</p><script src=\"a.js\" />\n<script>document.addEventListener('DOMContentLoaded', function () { const isUKSite = window.shop.environment.shopId === 'UK'; if (isUKSite) { window.tracking.start(); } });</script></article></body></html>";
        assert_eq!(
            extract(page).paragraphs,
            ["Water rates rise", "The city council voted on Tuesday to raise water rates by four percent from April, the first rise in six years."]
        );
    }

    #[test]
    fn an_accordion_label_in_a_heading_is_its_text_and_other_buttons_are_not() {
        let page = "<html><body><main><h1>Certificate programs</h1><p>An online certificate program is training that takes weeks rather than years, and many of them are free to start.</p><h3><button aria-expanded=\"false\" aria-controls=\"faq-1\">How long does a certificate take?</button></h3><div id=\"faq-1\" class=\"faq__answer\" style=\"display: none\"><p>Most take two to six hours of study a week for a month or two, at the learner's pace.</p></div><p><button>Show more</button></p></main></body></html>";
        assert_eq!(
            extract(page).paragraphs,
            ["Certificate programs", "An online certificate program is training that takes weeks rather than years, and many of them are free to start.", "How long does a certificate take?", "Most take two to six hours of study a week for a month or two, at the learner's pace."]
        );
    }
}
