//! The document model every input is reduced to: a sequence of blocks (paragraphs,
//! headings, list items, table rows, code, captions), each with its plain text, its
//! Markdown, and how much of it is link text. Extraction decides which blocks are the
//! article; rendering writes them as text or as Markdown.

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Heading(u8),
    Paragraph,
    /// A list item (of list `list`); items follow each other line by line.
    Item {
        list: u32,
    },
    /// A table row; `table` tells rows of different tables apart.
    Row {
        table: u32,
    },
    Code,
    /// An image's text (its `alt`) or a figure caption.
    Caption,
}

/// One block of a document.
#[derive(Debug, Clone)]
pub struct Block {
    pub kind: Kind,
    /// Plain text: inline markup gone, whitespace as a reader sees it (code verbatim).
    pub text: String,
    /// The block as Markdown.
    pub markdown: String,
    /// Text weight ([`weight`]) of the part of `text` inside links.
    pub link_weight: usize,
    /// The HTML element the block belongs to (0 outside HTML).
    pub node: u32,
    /// Blocks rendered as one group in Markdown mode (one source fragment).
    pub group: u32,
    /// The number an ordered list's item was written with (`3. `, `2) `), put before its
    /// text in text output; not part of `text`, which the rules read.
    pub number: Option<String>,
    /// A table's row that is a code block's lines beside its gutter of line numbers
    /// (`text` holds them a line each): held out of the line cleaning as code is, and
    /// read as the row it was for choosing the article.
    pub code_row: bool,
    /// [`weight`] of `text`, computed on first use (blocks are not changed after).
    weight: std::cell::Cell<Option<usize>>,
}

impl Block {
    pub fn new(kind: Kind) -> Block {
        Block {
            kind,
            text: String::new(),
            markdown: String::new(),
            link_weight: 0,
            node: 0,
            group: 0,
            number: None,
            code_row: false,
            weight: std::cell::Cell::new(None),
        }
    }

    /// Text weight of the block: letters and digits, Han and kana counting double.
    pub fn weight(&self) -> usize {
        match self.weight.get() {
            Some(w) => w,
            None => {
                let w = weight(&self.text);
                self.weight.set(Some(w));
                w
            }
        }
    }

    /// Replace the block's text and Markdown (its weight is computed again).
    pub fn set_text(&mut self, text: String, markdown: String) {
        self.text = text;
        self.markdown = markdown;
        self.weight.set(None);
    }

    /// Share of the text inside links.
    pub fn link_density(&self) -> f64 {
        let w = self.weight();
        if w == 0 {
            0.0
        } else {
            (self.link_weight as f64 / w as f64).min(1.0)
        }
    }
}

/// CJK characters (Han, kana, Hangul, CJK punctuation and full-width forms).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x3134F)
}

/// Text weight: a letter or digit counts 1, a CJK ideograph, kana or Hangul syllable 2
/// (a CJK character carries about as much as two Latin letters of a word).
pub fn weight(s: &str) -> usize {
    s.chars().map(char_weight).sum()
}

/// [`weight`] of one character, with the common scripts decided without Unicode tables.
pub fn char_weight(c: char) -> usize {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric() as usize,
        0x3000..=0x303F | 0xFF00..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65 => {
            0
        }
        0x3040..=0x30FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xAC00..=0xD7AF
        | 0xF900..=0xFAFF
        | 0x20000..=0x3134F => 2,
        0xFF10..=0xFF19 | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A => 1,
        0x2000..=0x206F | 0x80..=0xBF => 0,
        _ => c.is_alphanumeric() as usize,
    }
}

/// Most characters of the sections a breadcrumb names before the title ([`crumbs_to`]).
pub const CRUMBS_MAX_CHARS: usize = 80;

/// Whether `text` is a breadcrumb ending in `title`: the site's sections (at most
/// [`CRUMBS_MAX_CHARS`] characters, without a sentence's stop), then `>`, `»` or `›` and
/// the title (`Jamf Pro, Jamf Pro API > Migrating a Jamf Pro distribution point`).
fn crumbs_to(text: &str, title: &str) -> bool {
    let Some(before) = text.strip_suffix(title) else {
        return false;
    };
    let Some(sections) = before.trim_end().strip_suffix(['>', '»', '›']) else {
        return false;
    };
    let sections = sections.trim();
    !sections.is_empty()
        && sections.chars().count() <= CRUMBS_MAX_CHARS
        && sections.chars().any(char::is_alphabetic)
        && !sections.contains(['.', '!', '?', '。', '！', '？', ';', '；'])
}

/// Most characters of the tag in brackets a title may start with ([`untagged`]).
const TITLE_TAG_MAX_CHARS: usize = 20;
/// Fewest characters of a title after its tag, for [`untagged`] to name it.
const UNTAGGED_MIN_CHARS: usize = 12;

/// A title without the tag in brackets it starts with (a feed's category: `[webapps]
/// WP All Import v3.6.7 - Remote Code Execution`, `【转载】…`): what the page's own heading
/// says. `None` without such a tag, or when too little is left to be a title.
fn untagged(title: &str) -> Option<&str> {
    let (close, rest) = if let Some(r) = title.strip_prefix('[') {
        (']', r)
    } else {
        ('】', title.strip_prefix('【')?)
    };
    let (tag, rest) = rest.split_once(close)?;
    let rest = rest.trim();
    (!tag.trim().is_empty()
        && tag.chars().count() <= TITLE_TAG_MAX_CHARS
        && rest.chars().count() >= UNTAGGED_MIN_CHARS)
        .then_some(rest)
}

/// Most words after the title in a list's entry for the page itself ([`own_entry`]).
const OWN_ENTRY_TAIL_WORDS: usize = 10;

/// Whether a list item below the title is the page's own entry in a list of pages (a
/// mailing list archive's thread, `Current thread:`, shows the message read unlinked, its
/// sender and date after it: `User Enumeration in IServ Schoolserver Web Login naphthalin
/// via Fulldisclosure (Sep 10)`): the `title` of at least three words, then a byline of at
/// most [`OWN_ENTRY_TAIL_WORDS`] words with no sentence's end in it.
fn own_entry(item: &str, title: &str) -> bool {
    let Some(rest) = item.strip_prefix(title) else {
        return false;
    };
    let words = rest.split_whitespace().count();
    title.split_whitespace().count() >= 3
        && rest.starts_with([' ', '\u{a0}'])
        && (1..=OWN_ENTRY_TAIL_WORDS).contains(&words)
        && !rest.contains(['.', '!', '?', '\u{3002}'])
}

/// The blocks with the title said once. The title is the first heading's text, and the
/// record's `title` (front matter, HTML `title`); each is kept where a heading says it
/// (else where a block first says it), and another heading, paragraph, list item or
/// caption that says it again goes (a page that shows its title over the cover image and
/// again above the text, a breadcrumb ending in it, an image named after it, a gallery's
/// copy of it, the title without the feed's tag in brackets it starts with).
pub fn title_once(blocks: Vec<Block>, title: Option<&str>) -> Vec<Block> {
    let says_title = |b: &Block| {
        matches!(
            b.kind,
            Kind::Heading(_) | Kind::Paragraph | Kind::Item { .. } | Kind::Caption
        )
    };
    let mut titles: Vec<&str> = Vec::new();
    if let Some(h) = blocks
        .iter()
        .find(|b| matches!(b.kind, Kind::Heading(_)) && !b.text.trim().is_empty())
    {
        titles.push(h.text.trim());
    }
    if let Some(t) = title.map(str::trim).filter(|t| !t.is_empty()) {
        if !titles.contains(&t) {
            titles.push(t);
        }
    }
    // Where each title stays.
    let kept: Vec<(&str, usize)> = titles
        .iter()
        .filter_map(|t| {
            let says = |b: &Block| b.text.trim() == *t;
            blocks
                .iter()
                .position(|b| matches!(b.kind, Kind::Heading(_)) && says(b))
                .or_else(|| blocks.iter().position(|b| says_title(b) && says(b)))
                .map(|k| (*t, k))
        })
        .collect();
    let keep: Vec<usize> = kept.iter().map(|&(_, k)| k).collect();
    let gone: Vec<bool> = blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            // A breadcrumb stands above the title, and is no list's step
            // (`Open System Settings > General > Login Items`).
            let crumbs = !matches!(b.kind, Kind::Item { .. })
                && keep.iter().min().is_some_and(|&k| i < k)
                && titles.iter().any(|t| crumbs_to(b.text.trim(), t));
            says_title(b)
                && !keep.contains(&i)
                && (titles.contains(&b.text.trim())
                    // Only where the page says the tagged title itself: a record's
                    // tagged `title` alone leaves the page's heading as the title.
                    || kept.iter().any(|&(t, _)| untagged(t) == Some(b.text.trim()))
                    // The title bar, the title with the site's name after a spaced
                    // separator (`标题 - 嘶吼 RoarTalk – 网络安全行业综合服务平台,4hou.com`),
                    // where the title stands too; `Action-Adventure` under the title
                    // `Action` is a word of its own.
                    || kept.iter().any(|&(t, _)| {
                        b.text
                            .trim()
                            .strip_prefix(t)
                            .is_some_and(|r| r.starts_with(char::is_whitespace))
                            && crate::record::title_bar(b.text.trim(), t)
                    })
                    || crumbs
                    || (matches!(b.kind, Kind::Item { .. })
                        && keep.iter().min().is_some_and(|&k| i > k)
                        && titles.iter().any(|t| own_entry(b.text.trim(), t)))
                    || crate::lines::said_twice(b.text.trim())
                        .is_some_and(|once| titles.contains(&once)))
        })
        .collect();
    // The title kept is the title, not an item of a list (a breadcrumb's `4.`).
    let blocks = blocks
        .into_iter()
        .enumerate()
        .map(|(i, mut b)| {
            if keep.contains(&i) {
                b.number = None;
            }
            b
        })
        .collect();
    without(blocks, &gone)
}

/// The blocks without the captions of a cover image over the title: images' texts that
/// open the article before its title heading (a level-1 heading, or one saying the
/// record's `title`): `A man sitting at his desk is annoyed about a phone call…` over
/// `# Why the Do Not Call Registry doesn't work`; and an image's alt text alone right
/// over that heading further down, under menus the lines' cleaning removes later. The
/// text's own figures come after its title.
pub fn without_cover_captions(blocks: Vec<Block>, title: Option<&str>) -> Vec<Block> {
    let Some(first) = blocks.iter().position(|b| b.kind != Kind::Caption) else {
        return blocks;
    };
    let titled = match blocks[first].kind {
        Kind::Heading(1) => true,
        Kind::Heading(_) => title.is_some_and(|t| {
            let t = letters(t);
            !t.is_empty() && letters(&blocks[first].text) == t
        }),
        _ => false,
    };
    if first > 0 && titled {
        return blocks.into_iter().skip(first).collect();
    }
    // Further down, under the site's menus: an image's alt text alone right over the
    // heading that says the title (`A computer mouse and a fishing hook` over `#
    // $800,000 recovered from Business Email Compromise attack`).
    let Some(t) = title.map(letters).filter(|t| !t.is_empty()) else {
        return blocks;
    };
    let Some(at) = blocks
        .iter()
        .position(|b| matches!(b.kind, Kind::Heading(_)) && letters(&b.text) == t)
    else {
        return blocks;
    };
    let run = blocks[..at]
        .iter()
        .rev()
        .take_while(|b| b.kind == Kind::Caption && alt_text_only(b))
        .count();
    if run == 0 {
        return blocks;
    }
    let gone: Vec<bool> = (0..blocks.len()).map(|i| i < at && i >= at - run).collect();
    without(blocks, &gone)
}

/// Whether a block is an image's alt text alone (its Markdown an image, or an image
/// link), not a caption written as text (`<figcaption>`).
pub fn alt_text_only(b: &Block) -> bool {
    let m = b.markdown.trim_start();
    m.starts_with("![") || m.starts_with("[![")
}

/// Letters and digits an excerpt holds at least ([`excerpt_once`]).
pub const EXCERPT_MIN_CHARS: usize = 24;
/// Letters and digits at most of an excerpt's head that the text after it may not repeat
/// (`Skip to content` and a site's name glued before it; [`excerpt_once`]).
pub const EXCERPT_HEAD_MAX: usize = 32;
/// An excerpt stands among this many first blocks of the article.
pub const EXCERPT_FIRST_BLOCKS: usize = 5;

/// `blocks` without those `gone` marks.
pub fn without(blocks: Vec<Block>, gone: &[bool]) -> Vec<Block> {
    blocks
        .into_iter()
        .zip(gone)
        .filter(|(_, gone)| !**gone)
        .map(|(b, _)| b)
        .collect()
}

/// The letters and digits of `s`, lower-cased.
fn word_chars(s: &str) -> Vec<char> {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Most characters of a label before a summary (`导语：`, `Summary:`).
const LABEL_MAX_CHARS: usize = 6;

/// Where the summary starts when a paragraph starts with a short label and a colon
/// (`导语：…`, `摘要：…`): a summary the page labels as its own. `None` for any other
/// paragraph.
fn labelled(text: &str) -> Option<usize> {
    let lead = text.len() - text.trim_start().len();
    let t = &text[lead..];
    t.char_indices()
        .take(LABEL_MAX_CHARS + 1)
        .find(|(_, c)| matches!(c, '：' | ':'))
        .filter(|&(i, _)| i > 0 && t[..i].chars().all(char::is_alphanumeric))
        .map(|(i, c)| lead + i + c.len_utf8())
}

/// The blocks without an excerpt of the text that follows it: among the first
/// [`EXCERPT_FIRST_BLOCKS`] blocks, a paragraph or caption of at least
/// [`EXCERPT_MIN_CHARS`] letters and digits (a dateline that credits the original left
/// out, see [`crate::lines::dateline_at`]) with which the blocks after it begin (a
/// heading saying the record's title passed over) — letters
/// and digits compared, so paragraph breaks the excerpt ran together and a word it cut
/// short do not matter, and a head of at most a quarter of it and at most
/// [`EXCERPT_HEAD_MAX`] letters may differ (a `Skip to content` glued before it; a
/// paragraph whose second half the next paragraph begins with is no excerpt). An aggregator's excerpt before the full text, a paragraph
/// said twice in a row go, and so does a summary under its label (`导语：…`) when the
/// text after it begins with all of it, word for word (a site that prints its lead
/// paragraph as the summary too); the record's title, headings, a summary the text
/// does not repeat, and text that is said again later but not right after (a refrain,
/// a chorus) stay.
pub fn excerpt_once(blocks: Vec<Block>, title: Option<&str>) -> Vec<Block> {
    let title = title.map(word_chars);
    let mut gone = vec![false; blocks.len()];
    for (i, b) in blocks.iter().enumerate().take(EXCERPT_FIRST_BLOCKS) {
        if !matches!(b.kind, Kind::Paragraph | Kind::Caption) {
            continue;
        }
        let text = crate::lines::dateline_at(&b.text).map_or(b.text.as_str(), |at| &b.text[..at]);
        // A summary under its label goes only when the text after it begins with all of
        // it, word for word after the label.
        let label = labelled(text);
        let excerpt = word_chars(label.map_or(text, |at| &text[at..]));
        if excerpt.len() < EXCERPT_MIN_CHARS || title.as_ref() == Some(&excerpt) {
            continue;
        }
        let mut after: Vec<char> = Vec::with_capacity(excerpt.len());
        for next in &blocks[i + 1..] {
            // The title's heading between a listing's excerpt and the text it begins
            // (`事情是这样的…` / `# 记一次…` / `事情是这样的…`) is passed over.
            if matches!(next.kind, Kind::Heading(_))
                && title.as_ref() == Some(&word_chars(&next.text))
            {
                continue;
            }
            after.extend(word_chars(&next.text));
            if after.len() >= excerpt.len() {
                break;
            }
        }
        let heads = if label.is_some() {
            0
        } else {
            (excerpt.len() / 4).min(EXCERPT_HEAD_MAX)
        };
        gone[i] = (0..=heads).any(|head| after.starts_with(&excerpt[head..]));
    }
    without(blocks, &gone)
}

/// A run this long of the same block said again and again is said once
/// ([`repeats_once`]).
pub const REPEAT_RUN_MIN: usize = 3;

/// Most weight of a heading [`without_trailing_headings`] removes: some sixty letters.
pub const TRAILING_HEADING_MAX: usize = 60;

/// A heading with this many Han characters (or kana, Hangul) is a sentence set large or
/// a caption set as a heading (`日本皇太子德仁访问丹麦，丹麦王储腓特烈到机场迎接。美联社`),
/// never a heading over what a page left out (`相关阅读`, `延伸阅读`).
pub const TRAILING_HEADING_MAX_HAN: usize = 12;

/// The blocks without the headings they end with (or paragraphs set strong whole over
/// links of `page` that went, as headings): a heading with nothing under it heads what
/// the page left out (`Mehr zum Thema`, `Related articles`, `Die Karte zum
/// Abspeichern:` over a map). A heading that ends a sentence is a sentence set large, and
/// a long one a photo's caption set as a heading (a gallery's): both stay. A text of
/// headings only is left as it is.
pub fn without_trailing_headings(mut blocks: Vec<Block>, page: &[Block]) -> Vec<Block> {
    // A paragraph set strong whole is a heading too when links the page left out stand
    // right under it (`**金融贷款欺诈系列报告**` over a list of the account's other
    // reports); a poem's last line set strong, or a signature, stays.
    // (Past a decoration without letters: `**往期相关**` / `**★**` / links.)
    let over_links = |b: &Block| {
        let Some(p) = page
            .iter()
            .rposition(|q| q.node == b.node && q.kind == b.kind && q.text == b.text)
        else {
            return false;
        };
        page[p + 1..]
            .iter()
            .find(|q| q.weight() > 0)
            .is_some_and(link_list)
    };
    let strong = |b: &Block| {
        let md = b.markdown.trim();
        b.kind == Kind::Paragraph
            && md.len() > 4
            && md.starts_with("**")
            && md.ends_with("**")
            && !md[2..md.len() - 2].contains("**")
            && over_links(b)
    };
    let content = blocks.iter().rposition(|b| {
        !(matches!(b.kind, Kind::Heading(_)) || strong(b))
            || b.weight() > TRAILING_HEADING_MAX
            || b.text.chars().filter(|&c| is_cjk(c)).count() >= TRAILING_HEADING_MAX_HAN
            || crate::lines::ends_sentence(b.text.trim())
    });
    if let Some(last) = content {
        blocks.truncate(last + 1);
    }
    blocks
}

/// Whether a block is a list item or paragraph of links: most of its text in links.
fn link_list(b: &Block) -> bool {
    b.link_weight > 0 && (matches!(b.kind, Kind::Item { .. }) || b.link_density() >= 0.8)
}

/// Headings of an author's box under a post (`About the Author`, `Über den Autor`),
/// matched whole in lower case, a colon after them or not ([`without_author_sections`]).
/// Chinese `作者简介` and `作者介绍` are not among them: over a commentary they introduce
/// its contributors (`冯家宜博士为明爱专上学院…助理教授`), which a reader keeps.
const AUTHOR_HEADINGS: &[&str] = &[
    "about the author",
    "about the authors",
    "about the writer",
    "about the contributor",
    "about the contributors",
    "meet the author",
    "author bio",
    "über den autor",
    "über die autorin",
    "über die autoren",
    "zum autor",
    "zur autorin",
    "à propos de l'auteur",
    "à propos de l\u{2019}auteur",
    "sobre el autor",
    "sobre la autora",
    "sobre o autor",
    "sull'autore",
    "o autorze",
    "over de auteur",
];

/// Most weight of an author's box that [`without_author_sections`] removes (some
/// hundred and twenty words; the boxes of the benchmarks' pages weigh 39 to 551): a
/// longer section under such a heading is a book's page about its author (Amazon's,
/// 894), the page's matter.
pub const AUTHOR_SECTION_MAX: usize = 600;

/// Whether `b` is the heading of an author's box ([`AUTHOR_HEADINGS`]): a heading, or a
/// paragraph that is the phrase alone (`**About the author**`).
fn author_heading(b: &Block) -> bool {
    if !matches!(b.kind, Kind::Heading(_) | Kind::Paragraph) {
        return false;
    }
    let t = b.text.trim().trim_end_matches([':', '\u{FF1A}']).trim_end();
    t.len() <= 40 && AUTHOR_HEADINGS.contains(&t.to_lowercase().as_str())
}

/// The blocks without the author's box under a post: a section under an `About the
/// author` heading ([`AUTHOR_HEADINGS`]; up to the next heading of its level or above,
/// for a paragraph set as a heading up to the next heading) of at most
/// [`AUTHOR_SECTION_MAX`] weight, after text of at least twice its weight. The box says
/// who wrote the post, on every post of theirs; benchmarks of extraction leave it out
/// (trafilatura's `Über den Autor` pages, the 2025 set's). A page whose text is the
/// author's life (a book's page, an interview) has its prose before the heading short
/// beside it, or a longer section.
pub fn without_author_sections(blocks: Vec<Block>) -> Vec<Block> {
    if !blocks.iter().any(author_heading) {
        return blocks;
    }
    let mut gone = vec![false; blocks.len()];
    let mut before = 0usize;
    let mut i = 0;
    while i < blocks.len() {
        if !author_heading(&blocks[i]) {
            before += blocks[i].weight();
            i += 1;
            continue;
        }
        let level = match blocks[i].kind {
            Kind::Heading(l) => l,
            _ => u8::MAX,
        };
        let end = section_end(&blocks, i, level);
        let weight: usize = blocks[i + 1..end].iter().map(Block::weight).sum();
        if weight <= AUTHOR_SECTION_MAX && before >= 2 * weight {
            gone[i..end].iter_mut().for_each(|g| *g = true);
        }
        before += blocks[i..end].iter().map(Block::weight).sum::<usize>();
        i = end;
    }
    without(blocks, &gone)
}

/// Path segments of an author's page (`/author/jane-roe/`, cybersecurity360's
/// `/giornalista/dario-fadda/`) ([`without_byline_titles`]).
const AUTHOR_PATHS: &[&str] = &[
    "/author/",
    "/authors/",
    "/autore/",
    "/autori/",
    "/giornalista/",
    "/autor/",
    "/autorin/",
    "/auteur/",
];

/// Most characters of an author's title under their name ([`without_byline_titles`]).
pub const BYLINE_TITLE_MAX_CHARS: usize = 100;

/// Most linked authors with a line under their names a page's bylines give
/// ([`without_byline_titles`]).
pub const BYLINE_MAX_AUTHORS: usize = 4;

/// Whether `b` is an author's name linked to their page and nothing else
/// (`[Dario Fadda](https://www.cybersecurity360.it/giornalista/dario-fadda/)`).
fn author_link(b: &Block) -> bool {
    let md = b.markdown.trim();
    b.kind == Kind::Paragraph
        && md.starts_with('[')
        && md.ends_with(')')
        && md.matches("](").count() == 1
        && b.weight() > 0
        && b.link_weight >= b.weight()
        && AUTHOR_PATHS.iter().any(|p| md.contains(p))
}

/// The article's blocks without the title an author's byline gives under their linked
/// name (`Research Infosec, fondatore Insicurezzadigitale.com`, `Consulente Privacy`,
/// `CISO, Responsabile Data Protection & Legal Manager`): a paragraph that comes in the
/// `page` right after a paragraph that is the author's name linked to their page
/// ([`AUTHOR_PATHS`]), of at most [`BYLINE_TITLE_MAX_CHARS`] characters, without a link,
/// that ends no sentence. The name goes with the link lines (the chooser often leaves it
/// out); its title read as a line of the text.
pub fn without_byline_titles(blocks: Vec<Block>, page: &[Block]) -> Vec<Block> {
    let titles: Vec<&str> = page
        .windows(2)
        .filter(|w| {
            let (name, b) = (&w[0], &w[1]);
            let t = b.text.trim();
            author_link(name)
                && b.kind == Kind::Paragraph
                && b.link_weight == 0
                && !t.is_empty()
                && t.chars().count() <= BYLINE_TITLE_MAX_CHARS
                && !crate::lines::ends_sentence(t)
        })
        .map(|w| w[1].text.trim())
        .collect();
    // A byline names an author or a few; a page of many linked names, each with a line
    // under it, is a list (Goodreads' books, each `by` its author over its rating).
    if titles.is_empty() || titles.len() > BYLINE_MAX_AUTHORS {
        return blocks;
    }
    let gone: Vec<bool> = blocks
        .iter()
        .map(|b| b.kind == Kind::Paragraph && titles.contains(&b.text.trim()))
        .collect();
    // An article of nothing but such a line is no article with a byline: the page's
    // judges see it as it is.
    if blocks.iter().zip(&gone).all(|(b, g)| *g || b.weight() == 0) {
        return blocks;
    }
    without(blocks, &gone)
}

/// Most characters of the name an author's box under a post says twice
/// ([`without_avatar_boxes`]).
pub const AVATAR_NAME_MAX_CHARS: usize = 40;

/// Most paragraphs of the bio after the name in an author's box, and their most weight
/// ([`without_avatar_boxes`]): a columnist's bio of some two hundred words or five hundred
/// Han characters.
pub const AVATAR_BIO_MAX_BLOCKS: usize = 2;
pub const AVATAR_BIO_MAX_WEIGHT: usize = 1_000;

/// The blocks without the author's box that ends a post: the author's picture, whose
/// alt text is their name, the name again as a paragraph or heading (`![博客 | 張超雄](…)`
/// over `**博客 | 張超雄**`), and at most [`AVATAR_BIO_MAX_BLOCKS`] paragraphs of bio to
/// the end, of at most [`AVATAR_BIO_MAX_WEIGHT`], after text of at least twice that.
/// A name is short ([`AVATAR_NAME_MAX_CHARS`]) and ends no sentence; a photo's caption
/// that repeats its alt text is a sentence or longer, or has more text after it.
pub fn without_avatar_boxes(blocks: Vec<Block>) -> Vec<Block> {
    let n = blocks.len();
    let Some(i) = (0..n.saturating_sub(1))
        .rev()
        .take(AVATAR_BIO_MAX_BLOCKS + 2)
        .find(|&i| {
            let name = blocks[i].text.trim();
            blocks[i].kind == Kind::Caption
                && matches!(blocks[i + 1].kind, Kind::Paragraph | Kind::Heading(_))
                && !name.is_empty()
                && name.chars().count() <= AVATAR_NAME_MAX_CHARS
                && !crate::lines::ends_sentence(name)
                && blocks[i + 1].text.trim() == name
        })
    else {
        return blocks;
    };
    let bio = &blocks[i + 2..];
    let bio_weight: usize = bio.iter().map(Block::weight).sum();
    let before: usize = blocks[..i].iter().map(Block::weight).sum();
    let box_only = bio.len() <= AVATAR_BIO_MAX_BLOCKS
        && bio.iter().all(|b| b.kind == Kind::Paragraph)
        && bio_weight <= AVATAR_BIO_MAX_WEIGHT
        && before >= 2 * bio_weight.max(blocks[i + 1].weight())
        && blocks[..i].iter().any(|b| b.kind == Kind::Paragraph);
    if !box_only {
        return blocks;
    }
    let mut blocks = blocks;
    blocks.truncate(i);
    blocks
}

/// Where the section under the heading at `at` of `level` ends: the next heading of its
/// level or above, else the blocks' end.
fn section_end(blocks: &[Block], at: usize, level: u8) -> usize {
    (at + 1..blocks.len())
        .find(|&j| matches!(blocks[j].kind, Kind::Heading(l) if l <= level))
        .unwrap_or(blocks.len())
}

/// Most blocks of a [`without_sponsored_sections`] section, heading included.
const SPONSORED_MAX_BLOCKS: usize = 16;

/// The blocks without a sponsored section: a section under a heading (up to the next
/// heading of its level or above) one of whose last [`SPONSORED_CALL_WITHIN`] paragraphs
/// calls the reader to scan a QR code for something ([`sponsors_call`]: `微信扫描下方二维码，
/// 就可以免费领取这个 Vue 资料礼包了。`) or links a referral link (`如果你使用[我的推广
/// 链接](…)去注册`), of at most [`SPONSORED_MAX_BLOCKS`] blocks and at most a third of the text's weight: a
/// newsletter's advertised course or service between its own sections. The call alone
/// is a boilerplate line; its section is the advertisement it ends. A text of fewer
/// than three headings is no sectioned text, a section that is the text's bulk stays,
/// and so does the last section, whose call may be the page's footer after the text
/// (the calls go as lines).
pub fn without_sponsored_sections(blocks: Vec<Block>) -> Vec<Block> {
    let headings: Vec<usize> = (0..blocks.len())
        .filter(|&i| matches!(blocks[i].kind, Kind::Heading(_)))
        .collect();
    if headings.len() < 3 {
        return blocks;
    }
    let total: usize = blocks.iter().map(Block::weight).sum();
    let mut gone = vec![false; blocks.len()];
    for &h in headings.iter().skip(1) {
        let Kind::Heading(level) = blocks[h].kind else {
            continue;
        };
        let end = section_end(&blocks, h, level);
        let section = &blocks[h..end];
        let weight: usize = section.iter().map(Block::weight).sum();
        // The last section's call may be the page's footer after the text's own end.
        if end == blocks.len() || section.len() > SPONSORED_MAX_BLOCKS || weight * 3 > total {
            continue;
        }
        let call = section[1..]
            .iter()
            .rev()
            .filter(|b| matches!(b.kind, Kind::Paragraph | Kind::Item { .. }))
            .take(SPONSORED_CALL_WITHIN)
            .any(sponsors_call);
        if call {
            gone[h..end].iter_mut().for_each(|g| *g = true);
        }
    }
    without(blocks, &gone)
}

/// Text blocks at the end of a section that may hold its sponsor's call
/// ([`without_sponsored_sections`]): the call, then a bonus or a reminder (`前50位报名的同学，
/// 还会有额外福利…`, `温馨提示：资料数量有限，仅提供299份。`).
const SPONSORED_CALL_WITHIN: usize = 3;

/// Most characters before the clause of a sponsor's call that names no place of its code
/// (`感兴趣的同学，点击这里或者扫描二维码，了解活动详情`); `警方提醒，骗子的话术是：扫码领取
/// 补贴` says more first and is a report.
const CALL_LEAD_MAX_CHARS: usize = 8;

/// Where a page shows the code a call asks to scan (`下方二维码`, `上图二维码`).
const SHOWN_CODE: [&str; 9] = [
    "下方", "下面", "上方", "上面", "下图", "上图", "文末", "图中", "海报",
];

/// Words of an offer: a paragraph that holds one and a clause calling to scan a code
/// for something is a sponsor's (`…特别准备了一份《数据分析师职业全景手册》，…，微信扫码
/// 就可以免费领取。`).
const PROMOTION: [&str; 9] = [
    "免费", "优惠", "福利", "名额", "原价", "赞助", "折扣", "限时", "特价",
];

/// Whether a paragraph is a sponsor's call ([`without_sponsored_sections`]): a sentence
/// of it is a QR-code call ([`crate::lines::qr_call`]), or one of its clauses is a call to
/// scan a code the page shows ([`SHOWN_CODE`]: `原价98元，微信扫码下面的二维码，加群后领取
/// 优惠券`), one after a few words only ([`CALL_LEAD_MAX_CHARS`]) or one in a paragraph
/// of an offer ([`PROMOTION`]), or it links a referral link.
fn sponsors_call(b: &Block) -> bool {
    // From a clause, the code must be one the page shows (`下方`, `上图`): `骗子的话术是：
    // 扫码领取补贴` reports a scam.
    let shown = |clause: &str| {
        let before = clause.split('二').next().unwrap_or(clause);
        SHOWN_CODE.iter().any(|w| before.contains(w))
    };
    let qr = b.text.split(['。', '！']).any(|sentence| {
        crate::lines::qr_call(sentence.trim())
            || sentence
                .match_indices(['，', '；', '：'])
                .map(|(i, c)| sentence[i + c.len()..].trim())
                .any(|clause| {
                    let lead = sentence.len() - clause.len();
                    crate::lines::qr_call(clause)
                        && (shown(clause)
                            || sentence[..lead].chars().count() <= CALL_LEAD_MAX_CHARS
                            || PROMOTION.iter().any(|w| b.text.contains(w)))
                })
    });
    qr || ["推广链接](", "邀请链接](", "推廣鏈接](", "邀請鏈接]("]
        .iter()
        .any(|r| b.markdown.contains(r))
}

/// The blocks with every run of at least [`REPEAT_RUN_MIN`] consecutive paragraphs,
/// headings or captions of the same text said once: a page laid out for three screen
/// sizes saves its byline three times (`By` / `By` / `By` / `Penn Mackintosh` ×3 /
/// `January 16, 2025` ×3). A line said twice in a row (`一声声，一声声。` in a poem)
/// stays twice; list items, table rows and code are never touched.
pub fn repeats_once(blocks: Vec<Block>) -> Vec<Block> {
    let said_again = |a: &Block, b: &Block| {
        a.kind == b.kind
            && matches!(a.kind, Kind::Paragraph | Kind::Heading(_) | Kind::Caption)
            && a.text.trim() == b.text.trim()
            && !a.text.trim().is_empty()
    };
    let mut gone = vec![false; blocks.len()];
    let mut i = 0;
    while i < blocks.len() {
        let mut end = i + 1;
        while end < blocks.len() && said_again(&blocks[i], &blocks[end]) {
            end += 1;
        }
        if end - i >= REPEAT_RUN_MIN {
            gone[i + 1..end].iter_mut().for_each(|g| *g = true);
        }
        i = end;
    }
    without(blocks, &gone)
}

/// Fewest words (or CJK characters) of a title that [`alt_said_by_caption`] finds
/// anywhere in an image's alt text.
pub const TITLE_IN_ALT_MIN_WORDS: usize = 6;
pub const TITLE_IN_ALT_MIN_CJK: usize = 12;

/// Most words of an image's alt text that [`alt_said_by_caption`] compares.
pub const ALT_CAPTION_MAX_WORDS: usize = 25;
/// Most words the caption under it may add.
pub const ALT_CAPTION_MAX_EXTRA: usize = 2;

/// The blocks without an image's alt text that the caption right under it says again,
/// in other spelling (`Obfuscated JavaScript in website's source code` over `Obfuscated
/// JavaScript in website’s source code`; `… as PHP template` over `… as a PHP template`):
/// the alt text's words are the caption's, in the same order (apostrophes and quotes,
/// case and punctuation aside: `作品（右）與…（左）` over `作品（左）與…（右）` is another
/// picture's), the caption adds at most [`ALT_CAPTION_MAX_EXTRA`] words, and the
/// alt text is at most [`ALT_CAPTION_MAX_WORDS`] words long and at least three; when the
/// next block is another image's text, only the same words count (`Response from the
/// server` over `Response from the patched server` are two screenshots). The caption
/// stays; an alt text the caption does not repeat stays too. So goes an image's alt
/// text of three words or more (four CJK characters) that a heading of the article
/// says (letters and digits compared): a hero image named after the section it opens
/// (`Questionari post-malattia: il provvedimento del Garante privacy` over the
/// standfirst, the same heading further down); in Markdown output the image goes with it.
/// So does an image's alt text that is the record's `title` (of three words or more, or
/// four CJK characters), perhaps numbered or after a name and a colon, or that holds a
/// long title ([`TITLE_IN_ALT_MIN_WORDS`]), anywhere in the article, when another block
/// says the title first (a heading, or the picture that stands for it on a page without
/// one). Over a paragraph, an image's alt text also goes when its part after its last
/// colon ([`after_colon`]) says the same words as the paragraph, or as the paragraph's
/// text after a figure's label ([`after_figure_label`]), however few (`VirusTotal
/// results` over `Figure 7: VirusTotal results`).
pub fn alt_said_by_caption(blocks: Vec<Block>, title: Option<&str>) -> Vec<Block> {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !(c.is_alphanumeric() || matches!(c, '\'' | '’')))
            .filter(|w| !w.is_empty())
            .map(|w| w.replace('’', "'").to_lowercase())
            .collect()
    };
    let headings: std::collections::HashSet<String> = blocks
        .iter()
        .filter(|b| matches!(b.kind, Kind::Heading(_)))
        .map(|b| letters(&b.text))
        .filter(|h| !h.is_empty())
        .collect();
    // A name of a word or two (`Architecture` under `## Architecture`) may be the
    // section's figure: it stays.
    let named = |t: &str| {
        t.split_whitespace().count() >= 3 || t.chars().filter(|&c| char_weight(c) == 2).count() >= 4
    };
    let mut gone: Vec<bool> = blocks
        .iter()
        .map(|b| {
            b.kind == Kind::Caption
                && alt_text_only(b)
                && named(&b.text)
                && headings.contains(&letters(&b.text))
        })
        .collect();
    // A picture named after the record's title, anywhere in the article (a hero image
    // under the title: `Metaparasites: The cybercriminals who rip each other off`; a
    // screenshot numbered after it, `…的私人英语听力老师 1`; a podcast's episode,
    // `Smashing Security podcast #388: <title>`), not one whose description holds a
    // short title (`英伟达H100人工智能芯片` under `人工智能芯片`).
    // (Where a block says the title as it is: a heading, or the picture that stands for
    // it on a page without one, which [`title_once`] left.)
    let title_said = |t: &str| blocks.iter().position(|b| letters(&b.text) == t);
    if let Some((t, said)) = title
        .filter(|t| named(t))
        .map(letters)
        .filter(|t| !t.is_empty())
        .and_then(|t| title_said(&t).map(|at| (t, at)))
    {
        // A long title is said by no description by chance (`NIS 2, CER, DORA, …: le
        // Infrastrutture Critiche e la Normativa Europea - Forum ict security`).
        let long_title = title.is_some_and(|t| {
            t.split_whitespace().count() >= TITLE_IN_ALT_MIN_WORDS
                || t.chars().filter(|&c| char_weight(c) == 2).count() >= TITLE_IN_ALT_MIN_CJK
        });
        for (i, b) in blocks.iter().enumerate() {
            let l = letters(&b.text);
            // The title, perhaps numbered, or after a series' name and a colon.
            let named_after = l
                .strip_prefix(t.as_str())
                .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
                || after_colon(&b.text).is_some_and(|a| letters(a) == t)
                || (long_title && l.contains(&t));
            if i != said && b.kind == Kind::Caption && alt_text_only(b) && named_after {
                gone[i] = true;
            }
        }
    }
    for i in 0..blocks.len().saturating_sub(1) {
        let (alt, next) = (&blocks[i], &blocks[i + 1]);
        if alt.kind != Kind::Caption || !matches!(next.kind, Kind::Paragraph | Kind::Caption) {
            continue;
        }
        // The alt text, and its part after a last colon (a site's or series' name before
        // it: `3CX Supply Chain Cyber Attack: Infection flow on Windows`); the caption,
        // and its text after a figure's label (`Figure 1: Infection flow on Windows`).
        // (Only an image's alt text over a paragraph: figures' captions in a row,
        // `圖1：Native Home` / `圖2：Native Home`, are two pictures'; an HTML page's
        // caption element goes with the other captions where they are not kept.)
        let pictured = alt_text_only(alt) && next.kind == Kind::Paragraph;
        // (Two images of one alt text side by side, a page's placeholder and its
        // picture, say it twice: `![X](data:…)![X](https://…)`.)
        let alt_text = crate::lines::said_twice(alt.text.trim()).unwrap_or(&alt.text);
        let alts = [Some(alt_text), after_colon(alt_text).filter(|_| pictured)];
        let captions = [
            Some(next.text.as_str()),
            after_figure_label(&next.text).filter(|_| pictured),
        ];
        let said = alts.iter().enumerate().any(|(v, alt_text)| {
            let Some(alt_text) = alt_text else {
                return false;
            };
            captions.iter().enumerate().any(|(c, caption)| {
                let Some(caption) = caption else {
                    return false;
                };
                let (a, b) = (words(alt_text), words(caption));
                // The alt text's part after its colon saying just the caption's words (not
                // a caption with a credit before it, `© John Brecher Needle poking skin…`,
                // which goes as a credit); a caption under a figure's label saying just the
                // alt text's words, however few, or as below.
                if v == 1 {
                    return !a.is_empty() && a == b;
                }
                if c == 1 && !a.is_empty() && a == b {
                    return true;
                }
                // Two images in a row: only the same words make them one caption said
                // twice.
                if a.len() < 3
                    || a.len() > ALT_CAPTION_MAX_WORDS
                    || next.kind == Kind::Caption && a != b
                {
                    return false;
                }
                // The alt text's words, in their order, among the caption's.
                let mut it = b.iter();
                let all_said = a.iter().all(|w| it.any(|x| x == w));
                all_said && b.len().saturating_sub(a.len()) <= ALT_CAPTION_MAX_EXTRA
            })
        });
        if said {
            gone[i] = true;
        }
    }
    without(blocks, &gone)
}

/// The text after a text's last colon, when it holds two words or more and the text
/// before it one at least (`3CX Supply Chain Cyber Attack: Infection flow on Windows`).
fn after_colon(t: &str) -> Option<&str> {
    let at = t.rfind([':', '：'])?;
    let colon = t[at..].chars().next().map_or(1, char::len_utf8);
    let (before, after) = (t[..at].trim(), t[at + colon..].trim());
    (before.contains(char::is_alphanumeric) && after.split_whitespace().count() >= 2)
        .then_some(after)
}

/// A caption's text after its figure's label (`Figure 7: VirusTotal results`, `Fig. 5
/// MITRE ATLAS`, `Figura 2 -`, `Figure 1.2:`, `图 3：`), if it has one.
fn after_figure_label(t: &str) -> Option<&str> {
    let t = t.trim_start();
    let rest = [
        "Figure",
        "figure",
        "FIGURE",
        "Figura",
        "figura",
        "Fig.",
        "fig.",
        "Fig",
        "fig",
        "Abbildung",
        "图",
        "圖",
    ]
    .iter()
    .find_map(|l| t.strip_prefix(l))?;
    let rest = rest.trim_start();
    // Its number, perhaps of a chapter's (`1.2`, `10-2`).
    let number = |s: &str| s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let mut digits = number(rest);
    if digits == 0 {
        return None;
    }
    if rest[digits..].starts_with(['.', '-']) {
        let more = number(&rest[digits + 1..]);
        if more > 0 {
            digits += 1 + more;
        }
    }
    let rest = rest[digits..].trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, ':' | '：' | '.' | '-' | '–' | '—' | '、')
    });
    (!rest.is_empty()).then_some(rest)
}

/// The article's blocks with the page's title put back at their start when extraction
/// left it out: when no block of the article says the record's `title` (letters and
/// digits compared) and a heading of the `page` does, that heading goes first (a run of
/// bylines and notices between the title and the text can leave it outside the article),
/// and with it a subtitle heading right under a title heading ([`subtitle_like`]), when
/// the article does not hold it either.
pub fn title_restored(mut article: Vec<Block>, page: &[Block], title: Option<&str>) -> Vec<Block> {
    let words = letters;
    let Some(t) = title.map(words).filter(|t| !t.is_empty()) else {
        return article;
    };
    // (A picture named after the title is not where the title stands: `![标题]()` under
    // the lead, the title heading left outside with the menus.)
    if article.is_empty()
        || article
            .iter()
            .any(|b| !(b.kind == Kind::Caption && alt_text_only(b)) && words(&b.text) == t)
    {
        return article;
    }
    if let Some(h) = page
        .iter()
        .find(|b| matches!(b.kind, Kind::Heading(_)) && words(&b.text) == t)
    {
        article.insert(0, h.clone());
    }
    // A subtitle right under a title heading (`# Reveal the Cloud with Google Dorks` /
    // `## Find sensitive data in Amazon AWS, Google Cloud, and more`), left outside with
    // the byline after it, goes back under the title.
    let subtitle = page.iter().enumerate().rev().find_map(|(i, b)| {
        let Kind::Heading(level) = b.kind else {
            return None;
        };
        let next = page.get(i + 1)?;
        let deeper = matches!(next.kind, Kind::Heading(l) if l > level);
        (words(&b.text) == t
            && deeper
            && subtitle_like(next)
            && !article.iter().any(|a| a.text == next.text))
        .then_some(next)
    });
    // (The title went first just now: a subtitle is found under a heading that says it.)
    if let Some(s) = subtitle {
        article.insert(1.min(article.len()), s.clone());
    }
    article
}

/// Whether a heading reads as a title's subtitle: a phrase of four words or more (eight
/// Han characters), not a link, not a label (`Contents:`).
fn subtitle_like(b: &Block) -> bool {
    let text = b.text.trim();
    let han = text.chars().filter(|&c| is_cjk(c)).count();
    let latin_words = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    b.link_weight == 0 && !text.ends_with([':', '：']) && (latin_words >= 4 || han >= 8)
}

/// The headline of a page whose first block is a heading that is all one link (a feed's
/// post saved as Markdown: `[Title](url)` over a `---` line): its text.
pub fn linked_headline(blocks: &[Block]) -> Option<String> {
    let first = blocks.first()?;
    let text = first.text.trim();
    (matches!(first.kind, Kind::Heading(_))
        && !text.is_empty()
        && first.link_density() >= 1.0
        && !first
            .markdown
            .trim_start_matches('#')
            .trim_start()
            .starts_with("[!["))
    .then(|| text.to_string())
}

/// Longest sentence offering more reading that goes as a label ([`without_orphan_labels`]).
pub const MORE_READING_LABEL_MAX: usize = 100;

/// The article without the labels whose list the page left out: a paragraph or heading
/// that is a label ([`crate::lines::colon_label`]: a phrase, not a sentence:
/// `难得君原创文章：`, `好文推荐（直接点击下方蓝色标题即可阅读）：`, `Read more:`, `Contents:`
/// over a table of contents that went, `参考资料：` over links) whose next block of the
/// `page` with text is not in the article (a box of other articles' links), or that ends
/// the article. A label over text that stays stays (`如下：` over its list), and so does
/// a sentence that introduces what the page left out (`最后，我想分享一篇很有意义的文章：`)
/// — unless it offers more reading ([`crate::html::more_reading`]: `Das Thema könnte
/// dich auch interessieren:`, `If you liked this post you might also like:`), at most
/// [`MORE_READING_LABEL_MAX`] characters. And a heading of a few words over a list of
/// links the page left out, all its section (`## Table of Links`).
pub fn without_orphan_labels(mut article: Vec<Block>, page: &[Block]) -> Vec<Block> {
    // A label over a label that went is left alone in turn (`Hosts:` over `Graham
    // Cluley:` over social links): again until none goes.
    loop {
        let n = article.len();
        article = orphan_labels_once(article, page);
        if article.len() == n {
            return article;
        }
    }
}

fn orphan_labels_once(article: Vec<Block>, page: &[Block]) -> Vec<Block> {
    let label = |b: &Block| {
        let t = b.text.trim();
        matches!(b.kind, Kind::Paragraph | Kind::Heading(_))
            && (crate::lines::colon_label(t)
                || (t.ends_with([':', '：'])
                    && t.chars().count() <= MORE_READING_LABEL_MAX
                    && crate::html::more_reading(t)))
            && b.weight() > 0
    };
    // A heading of a few words (not a sentence, no link, not of level 1) under text of
    // the article heads a list of links the page left out when that list is what stands
    // under it and all it heads: two items or more (`## Table of Links` over a series'
    // other parts, `## Contents` over a table of contents).
    let heading = |b: &Block| {
        matches!(b.kind, Kind::Heading(_))
            && b.link_weight == 0
            && (1..=TRAILING_HEADING_MAX).contains(&b.weight())
            && !crate::lines::ends_sentence(b.text.trim())
    };
    if !article.iter().any(|b| label(b) || heading(b)) {
        return article;
    }
    // Where each block of the article stands in the page (in order).
    let mut at = Vec::with_capacity(article.len());
    let mut from = 0;
    for b in &article {
        let p = page[from..]
            .iter()
            .position(|q| q.node == b.node && q.kind == b.kind && q.text == b.text)
            .map(|p| from + p);
        if let Some(p) = p {
            from = p + 1;
        }
        at.push(p);
    }
    let n = article.len();
    let orphan: Vec<bool> = (0..n)
        .map(|i| {
            // (Under text of the article: not its title over the site's menu.)
            let over_list = heading(&article[i])
                && !label(&article[i])
                && !matches!(article[i].kind, Kind::Heading(1))
                && article[..i]
                    .iter()
                    .any(|b| !matches!(b.kind, Kind::Heading(_)) && b.weight() > 0);
            if !label(&article[i]) && !over_list {
                return false;
            }
            let Some(p) = at[i] else {
                return false;
            };
            let Some(next) = (p + 1..page.len()).find(|&q| page[q].weight() > 0) else {
                return !over_list;
            };
            // The next article block with text.
            let kept = (i + 1..n).find(|&j| article[j].weight() > 0);
            if over_list {
                // What the page held between the heading and the article's next block:
                // a list of links, two items or more, and nothing else with text.
                let until = kept.and_then(|j| at[j]).unwrap_or(page.len());
                let between: Vec<&Block> = page[next..until.max(next)]
                    .iter()
                    .filter(|q| q.weight() > 0)
                    .collect();
                return between.len() >= 2
                    && between
                        .iter()
                        .all(|q| matches!(q.kind, Kind::Item { .. }) && link_list(q));
            }
            match kept {
                None => true,
                Some(j) => at[j] != Some(next),
            }
        })
        .collect();
    article
        .into_iter()
        .zip(orphan)
        .filter(|(_, o)| !o)
        .map(|(b, _)| b)
        .collect()
}

/// Least share of the page title's letters and digits a headline says
/// ([`missing_headline`]): the rest is the site's name (`…_证券时报网`, ` - Site`).
pub const HEADLINE_MIN_SHARE: f64 = 0.5;

/// An HTML page's headline when the article's container left it out (`h1.main-title`
/// above `div#artibody`, WeChat's `h2#activity-name` above `div#js_content`, stcn's
/// `div.intal_tit > h2`): the last heading or short paragraph of the `page` before the
/// article's first block whose letters and digits start or end the page's `title` and are
/// at least [`HEADLINE_MIN_SHARE`] of them (the title adds the site's name), or a level-1
/// heading that says the title in other words ([`rewords`]), or a heading that is the
/// title's first part (`Smear tactics` under `Smear tactics - Los Angeles Times`), as a
/// heading; a heading linked to its own page counts. Else the page's one `h1` near the
/// article (`sole_h1`, [`crate::html::Page::sole_headline_near`]) when it shares words
/// with the title ([`shares_title`]) and is no later part of it (the site's name). `None`
/// when a block of the article says it already (a heading among its first three blocks
/// in other words), or no block does.
pub fn missing_headline(
    article: &[Block],
    page: &[Block],
    title: Option<&str>,
    sole_h1: Option<usize>,
) -> Option<Block> {
    let t = title.map(letters).filter(|t| !t.is_empty())?;
    let first = article.first()?;
    // The article's first block as the page holds it (a caption's credit may have gone
    // from the article's copy: `…California. (Image: AP)`).
    let start = page
        .iter()
        .position(|b| b.node == first.node && b.text == first.text)
        .or_else(|| page.iter().position(|b| b.node == first.node))?;
    let t_chars = t.chars().count();
    // The title's parts between its separators (`Smear tactics - Los Angeles Times`).
    let parts = title_parts(title.unwrap_or(""));
    let says_title = |b: &Block| {
        let w = letters(&b.text);
        let n = w.chars().count();
        n > 0
            && ((n as f64 >= HEADLINE_MIN_SHARE * t_chars as f64
                && (t.starts_with(&w) || t.ends_with(&w)))
                // A short headline under a long site name: the title's first part.
                || (parts.len() >= 2
                    && matches!(b.kind, Kind::Heading(_))
                    && words_of(&b.text).len() >= 2
                    && letters(parts[0]) == w))
    };
    // The title's words of three letters or more, and its Han characters (which make
    // [`rewords`] say no).
    let title_words: Vec<String> = words_of(title.unwrap_or(""))
        .into_iter()
        .filter(|w| w.chars().count() >= 3 || w.chars().any(is_cjk))
        .collect();
    // A heading at the article's top that says the title in other words.
    if article
        .iter()
        .take(3)
        .any(|b| matches!(b.kind, Kind::Heading(_)) && rewords(&b.text, &title_words))
    {
        return None;
    }
    let h = page[..start].iter().rev().find(|b| {
        // A headline linked to its own page (`<h1><a href="…/the-story/">`) is still
        // the headline; a paragraph of links is a teaser.
        let heading = matches!(b.kind, Kind::Heading(_));
        (heading || (b.kind == Kind::Paragraph && b.link_density() < 0.5))
            && (says_title(b) || (b.kind == Kind::Heading(1) && rewords(&b.text, &title_words)))
    });
    // Else the page's one `h1`, in the article's part of the page, when it shares words
    // with the title and is not the title's last part (the site's name).
    let h = h.or_else(|| {
        if matches!(first.kind, Kind::Heading(_)) {
            return None;
        }
        let i = sole_h1.filter(|i| *i < start)?;
        let b = page.get(i)?;
        let w = letters(&b.text);
        let site = parts.len() >= 2 && parts[1..].iter().any(|p| letters(p) == w);
        (!site && shares_title(&b.text, &title_words)).then_some(b)
    })?;
    let w = letters(&h.text);
    if article.iter().any(|b| letters(&b.text) == w) {
        return None;
    }
    let mut h = h.clone();
    if h.kind == Kind::Paragraph {
        h.kind = Kind::Heading(1);
        h.markdown = format!("# {}", h.text.trim());
    }
    Some(h)
}

/// Separators between a page title's parts (its headline, its section, its site).
const TITLE_SEPARATORS: [&str; 7] = [" - ", " | ", " – ", " — ", " :: ", " » ", " « "];

/// The parts of a page's title between [`TITLE_SEPARATORS`], trimmed, empty ones left out.
fn title_parts(title: &str) -> Vec<&str> {
    let mut parts = vec![title];
    for sep in TITLE_SEPARATORS {
        parts = parts.into_iter().flat_map(|p| p.split(sep)).collect();
    }
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// Least number of words the page's one `h1` and its title share ([`shares_title`]).
pub const SHARED_TITLE_WORDS: usize = 2;

/// Words too common to tie a headline to a title.
const COMMON_WORDS: [&str; 16] = [
    "about", "after", "also", "from", "have", "into", "more", "over", "says", "than", "that",
    "their", "this", "what", "will", "with",
];

/// Whether a headline and the page's title share [`SHARED_TITLE_WORDS`] words of four
/// letters or more, not [`COMMON_WORDS`] (`Nigerians boycott Coca-Cola drinks after court
/// rules them 'poisonous'` under `Is Coca-Cola dangerous mixed with vitamin C? -
/// CNN.com`): an editor's headline beside an SEO title. Words of alphabets only, as in
/// [`rewords`].
fn shares_title(heading: &str, title_words: &[String]) -> bool {
    let mut shared: Vec<String> = words_of(heading)
        .into_iter()
        .filter(|w| w.chars().count() >= 4 && !COMMON_WORDS.contains(&w.as_str()))
        .filter(|w| title_words.contains(w))
        .collect();
    shared.sort();
    shared.dedup();
    !shared.iter().any(|w| w.chars().any(is_cjk)) && shared.len() >= SHARED_TITLE_WORDS
}

/// Least share of a reworded headline's words that the page's title says ([`rewords`]).
pub const REWORDED_MIN_SHARE: f64 = 0.8;

/// The words of `s`, lower-cased: runs of letters and digits, each Han character a word.
pub(crate) fn words_of(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if is_cjk(c) {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            out.push(c.to_string());
        } else if c.is_alphanumeric() {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Whether a level-1 heading says the page's title in other words (`Both Bannon and
/// Priebus Are Reportedly on Trump’s Chopping Block` under the title `Bannon and Priebus
/// Are Reportedly on Trump’s Chopping Block`; `Bitcoin Price Breaks $6,000 at New
/// All-Time High` under `Bitcoin Price Breaks $6,000, At All-Time High`): of its words
/// of three letters or more, three at least and [`REWORDED_MIN_SHARE`] of them are the
/// title's, and at least [`HEADLINE_MIN_SHARE`] of the title's words are its (the rest
/// may be the site's name: `| New York Post`).
fn rewords(heading: &str, title_words: &[String]) -> bool {
    // Words of three letters or more (`on`, `at`, `'s` say little).
    let h: Vec<String> = words_of(heading)
        .into_iter()
        .filter(|w| w.chars().count() >= 3)
        .collect();
    // Han characters, one word each, share too much by chance (`性别刻板印象简介` under
    // `性别刻板印象`): words of alphabets only.
    let han = |w: &String| w.chars().any(is_cjk);
    if h.len() < 3 || title_words.is_empty() || h.iter().any(han) || title_words.iter().any(han) {
        return false;
    }
    let in_title = h.iter().filter(|w| title_words.contains(w)).count();
    let in_heading = title_words.iter().filter(|w| h.contains(w)).count();
    in_title as f64 >= REWORDED_MIN_SHARE * h.len() as f64
        && in_heading as f64 >= HEADLINE_MIN_SHARE * title_words.len() as f64
}

/// `text` with `headline` (written out) as its first line, unless a line of it says the
/// headline already.
pub fn with_headline(headline: Option<&str>, text: String) -> String {
    let Some(h) = headline.map(str::trim).filter(|h| !h.is_empty()) else {
        return text;
    };
    let w = letters(h);
    if text.lines().any(|l| letters(l) == w) {
        return text;
    }
    format!("{h}\n\n{text}")
}

/// The letters and digits of `s`, lower-cased: how titles and anchors are compared.
pub fn letters(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// How blocks are written out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    Text,
    Markdown,
}

/// Write blocks: list items of one list and rows of one table on consecutive lines,
/// other blocks separated by a blank line.
pub fn render(blocks: &[Block], output: Output) -> String {
    let mut out = String::new();
    let mut prev: Option<&Block> = None;
    for b in blocks {
        let body = match output {
            Output::Text => b.text.as_str(),
            Output::Markdown => b.markdown.as_str(),
        };
        let body = body.trim_end_matches(['\n', '\r', ' ', '\t']);
        let body = body.trim_start_matches(['\n', '\r']);
        if body.trim().is_empty() {
            continue;
        }
        let unindented;
        let body = if output == Output::Text
            && !matches!(b.kind, Kind::Code | Kind::Row { .. })
            && body.contains('\u{a0}')
            && !crate::markdown::unfenced_code(b)
        {
            unindented = edge_no_break_space_dropped(body);
            &*unindented
        } else {
            body
        };
        // One HTML fragment inside Markdown is written once, as it was.
        if output == Output::Markdown && b.group != 0 && prev.is_some_and(|p| p.group == b.group) {
            continue;
        }
        let number = match output {
            Output::Text => b.number.as_deref(),
            Output::Markdown => None,
        };
        if let Some(p) = prev {
            let tight = match (p.kind, b.kind) {
                (Kind::Item { .. }, Kind::Item { .. }) => true,
                (Kind::Row { table: a }, Kind::Row { table: c }) => a == c,
                _ => false,
            };
            out.push_str(if tight { "\n" } else { "\n\n" });
        }
        if let Some(n) = number {
            out.push_str(n);
        }
        out.push_str(body);
        prev = Some(b);
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

/// Prose's lines without one no-break space at their start, the edge of a block a
/// picture or a bullet's image stood before (`![](icon.png)\u{a0}****技术标准规范****`:
/// `\u{a0}技术标准规范`), as HTML's blocks lose theirs. A run of them, or of
/// ideographic spaces, is indentation and stays.
fn edge_no_break_space_dropped(body: &str) -> std::borrow::Cow<'_, str> {
    fn lone(line: &str) -> Option<&str> {
        line.strip_prefix('\u{a0}')
            .filter(|rest| rest.starts_with(|c: char| !c.is_whitespace()))
    }
    if !body.split('\n').any(|l| lone(l).is_some()) {
        return std::borrow::Cow::Borrowed(body);
    }
    let mut out = String::with_capacity(body.len());
    for (n, line) in body.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        out.push_str(lone(line).unwrap_or(line));
    }
    std::borrow::Cow::Owned(out)
}

/// Whether an image says something: its alt text reads as a caption
/// ([`meaningful_alt`]) and its file (`src`) is not page furniture — a logo, an icon, a
/// close button, an avatar (`![取消](…/images/close.jpg)`,
/// `![嘶吼](…/images/logo.png)`), nor is the alt text its file's name in words (`![telegram
/// data](…/telegram-data.jpg)`: a CMS fills the alt text from the file's name).
pub fn meaningful_image(alt: &str, src: &str) -> bool {
    meaningful_alt(alt) && !furniture_file(src) && !named_after_file(alt, src)
}

/// Whether an image's alt text is the words of its file's name (lower-cased; a size
/// suffix such as `-1024x576` or `-scaled` left out), for an image of a web page (an
/// address with a host, or from the site's root: a CMS fills the alt text from the
/// upload's name); an author's own Markdown names files after their captions, beside it
/// (`![Request flow diagram](request-flow-diagram.svg)`).
fn named_after_file(alt: &str, src: &str) -> bool {
    if !(src.starts_with("http://") || src.starts_with("https://") || src.starts_with('/')) {
        return false;
    }
    let stem = file_stem(src);
    let mut file: Vec<&str> = stem
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    while file.last().is_some_and(|w| {
        *w == "scaled"
            || w.split_once('x').is_some_and(|(a, b)| {
                !a.is_empty()
                    && !b.is_empty()
                    && a.bytes().all(|c| c.is_ascii_digit())
                    && b.bytes().all(|c| c.is_ascii_digit())
            })
    }) {
        file.pop();
    }
    let alt = alt.to_lowercase();
    let words: Vec<&str> = alt
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty() && words == file
}

/// The name of an image address's file without its extension, lower-cased.
fn file_stem(src: &str) -> String {
    let path = src.split(['?', '#']).next().unwrap_or("");
    let name = path.rsplit('/').next().unwrap_or("");
    name.rsplit_once('.')
        .map_or(name, |(s, _)| s)
        .to_lowercase()
}

/// Whether an image address names page furniture by its file name's words.
fn furniture_file(src: &str) -> bool {
    file_stem(src)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| matches!(w, "logo" | "icon" | "close" | "avatar" | "btn" | "button"))
}

/// Whether an image's alt text reads as a caption rather than a file name or a label.
pub fn meaningful_alt(alt: &str) -> bool {
    let a = alt.trim();
    let n = a.chars().count();
    let cjk = a.chars().any(is_cjk);
    if n < if cjk { 2 } else { 4 } || a.contains('/') {
        return false;
    }
    // `photo.jpg`, `cover_image`, `img-01`, `event01`, `qqscreenshot`, a hash: one
    // Latin token is a file's or a label's name, not a caption.
    if !a.contains(char::is_whitespace) && !cjk {
        return false;
    }
    // Mostly not letters: a file name read through the wrong code page (`╤з╨г╣л╕ц1 (2)`).
    let visible = a.chars().filter(|c| !c.is_whitespace()).count();
    if a.chars().filter(|c| c.is_alphabetic()).count() * 2 < visible {
        return false;
    }
    // A file's name with its hash (`二十周年校庆刚过_北京最大打工子弟学校或将被拆_html_9a699563b8ced912`):
    // a run of twelve hexadecimal digits or more.
    let mut hex_run = 0;
    for c in a.chars() {
        hex_run = if c.is_ascii_hexdigit() {
            hex_run + 1
        } else {
            0
        };
        if hex_run >= 12 {
            return false;
        }
    }
    let lower = a.to_lowercase();
    // A file name in any script: `图片1.png`, `微信截图_2023.JPG`, `Screen Shot 1.webp`.
    if [
        ".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".svg", ".avif",
    ]
    .iter()
    .any(|ext| lower.ends_with(ext))
    {
        return false;
    }
    // The description an office suite writes for a picture pasted into a document,
    // saying so (`A person holding a pair of shoes Description automatically generated
    // with medium confidence`): no caption of the writer's.
    if lower.contains("description automatically generated") {
        return false;
    }
    // Labels of page furniture: `print header logo`, `main article image`.
    if lower.split(|c: char| !c.is_alphanumeric()).any(|w| {
        matches!(
            w,
            "logo"
                | "icon"
                | "image"
                | "img"
                | "header"
                | "banner"
                | "thumbnail"
                | "avatar"
                | "placeholder"
                | "spacer"
                | "screenshot"
        )
    }) {
        return false;
    }
    !matches!(
        lower.as_str(),
        "image"
            | "img"
            | "photo"
            | "picture"
            | "logo"
            | "icon"
            | "banner"
            | "avatar"
            | "图片"
            | "圖片"
            | "图像"
            | "照片"
            | "placeholder"
            | "loading"
            | "title figure"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_no_break_space_at_a_lines_start_goes_a_run_of_them_stays() {
        assert_eq!(
            edge_no_break_space_dropped("\u{a0}技术标准规范\n\u{a0}行业发展动态\nmid\u{a0}line"),
            "技术标准规范\n行业发展动态\nmid\u{a0}line"
        );
        for kept in [
            "\u{a0}\u{a0} 接着我们构造同样的报文。",
            "server:\n\u{a0}\u{a0}port: 8080",
            "\u{a0} two",
            "　　《方案》提出要丰富供给。",
        ] {
            assert_eq!(edge_no_break_space_dropped(kept), kept);
        }
    }

    #[test]
    fn weights_and_alts() {
        assert_eq!(weight("ab 中文"), 6);
        assert!(meaningful_alt("图为救援现场"));
        assert!(meaningful_alt("Rescue workers at the site"));
        assert!(!meaningful_alt(
            "A person holding a pair of shoes Description automatically generated with medium confidence"
        ));
        assert!(!meaningful_alt("cover_image"));
        assert!(!meaningful_alt("event01"));
        assert!(!meaningful_alt("qqscreenshot"));
        assert!(!meaningful_alt("d2e10f9d301a32f6d3415c7d7781c65530d65e9e"));
        assert!(!meaningful_alt(
            "二十周年校庆刚过_北京最大打工子弟学校或将被拆_html_9a699563b8ced912"
        ));
        assert!(meaningful_alt(
            "2019年12月北京 图为打工子弟学校的1200名学生"
        ));
        assert!(!meaningful_alt("title figure"));
        assert!(!meaningful_alt("Screenshot 2"));
        assert!(meaningful_alt(
            "Figure with a gold crown, a sword, and a scale"
        ));
        assert!(meaningful_alt("微博01"));
        assert!(!meaningful_alt("╤з╨г╣л╕ц└╕╜╪═╝1 (2)"));
        assert!(!meaningful_alt("photo.jpg"));
        assert!(!meaningful_alt("图片1.png"));
        assert!(!meaningful_alt("Screen Shot 2023.JPEG"));
        assert!(meaningful_alt("图为 2.0 版界面"));
        assert!(!meaningful_alt("Logo"));
    }

    #[test]
    fn an_alt_text_made_from_the_files_name_says_nothing() {
        let src = "https://torrentfreak.com/images/telegram-data.jpg";
        assert!(!meaningful_image("telegram data", src));
        assert!(!meaningful_image(
            "Telegram Data",
            "https://example.com/wp-content/uploads/2022/12/telegram-data-1024x576.jpg?x=1"
        ));
        // A caption that says more than the file's name stays.
        assert!(meaningful_image("Telegram data handed to the court", src));
        assert!(meaningful_image(
            "telegram data",
            "https://example.com/img/photo-1.jpg"
        ));
        // An author's own Markdown names a file after its caption.
        assert!(meaningful_image(
            "Request flow diagram",
            "request-flow-diagram.svg"
        ));
    }

    #[test]
    fn furniture_images_say_nothing() {
        assert!(!meaningful_image(
            "取消",
            "https://www.4hou.com/sihou/images/close.jpg"
        ));
        assert!(!meaningful_image(
            "嘶吼",
            "https://www.4hou.com/sihou/images/logo.png"
        ));
        assert!(!meaningful_image("Jane Doe", "/img/avatar_42.png?s=64"));
        assert!(meaningful_image(
            "图为救援现场",
            "https://img.example/2023/rescue.jpg"
        ));
        assert!(meaningful_image(
            "关闭的工厂",
            "https://img.example/closed-factory.jpg"
        ));
    }

    fn texts(blocks: &[Block]) -> Vec<String> {
        blocks.iter().map(|b| b.text.clone()).collect()
    }

    fn blocks_of(items: &[(Kind, &str)]) -> Vec<Block> {
        items
            .iter()
            .map(|(kind, text)| {
                let mut b = Block::new(*kind);
                b.text = text.to_string();
                b
            })
            .collect()
    }

    #[test]
    fn an_authors_title_under_their_linked_name_goes() {
        let long = "Il CERT-AgID ha recentemente rilevato una campagna di malspam attiva in Italia, finalizzata alla diffusione del malware AsyncRAT.";
        let mut page = blocks_of(&[
            (Kind::Heading(1), "AsyncRAT colpisce l'Italia"),
            (Kind::Paragraph, "Dario Fadda"),
            (
                Kind::Paragraph,
                "Research Infosec, fondatore Insicurezzadigitale.com",
            ),
            (Kind::Paragraph, long),
            (Kind::Paragraph, "Jane Roe"),
            (Kind::Paragraph, "Consulente privacy"),
            (Kind::Paragraph, "Docs"),
            (Kind::Paragraph, "Getting started"),
        ]);
        page[1].markdown =
            "[Dario Fadda](https://www.cybersecurity360.it/giornalista/dario-fadda/)".into();
        page[1].link_weight = page[1].weight();
        // Not an author's page, or more than a link: what follows stays.
        page[4].markdown = "[Jane Roe](https://example.org/people/jane-roe/)".into();
        page[4].link_weight = page[4].weight();
        page[6].markdown = "See the [Docs](https://example.org/author/docs/)".into();
        page[6].link_weight = 4;
        let article: Vec<Block> = [0, 2, 3, 5, 7].iter().map(|&i| page[i].clone()).collect();
        assert_eq!(
            texts(&without_byline_titles(article, &page)),
            [
                "AsyncRAT colpisce l'Italia",
                long,
                "Consulente privacy",
                "Getting started"
            ]
        );
        // An article of the title alone is left as it is.
        let alone = vec![page[2].clone()];
        assert_eq!(without_byline_titles(alone, &page).len(), 1);
        // A list of five books, each by its linked author over its rating, stays.
        let mut list = Vec::new();
        for n in 0..5 {
            let mut items = blocks_of(&[
                (Kind::Paragraph, "Jane Roe"),
                (Kind::Paragraph, "4.35 avg rating"),
            ]);
            items[0].markdown = format!("[Jane Roe](https://example.org/author/show/{n})");
            items[0].link_weight = items[0].weight();
            list.extend(items);
        }
        assert_eq!(without_byline_titles(list.clone(), &list).len(), 10);
    }

    #[test]
    fn an_avatar_box_ends_a_post_and_a_photo_with_its_caption_stays() {
        let long = "据说葵涌惨案的母亲是很疼锡智障儿子的。儿子一直在特殊学校宿舍居住多年，最近离校但未能接上成人住宿服务而必需回家。";
        let post = |tail: &[(Kind, &str)]| {
            let mut items = vec![
                (Kind::Heading(1), "十问林郑"),
                (Kind::Paragraph, long),
                (Kind::Paragraph, long),
            ];
            items.extend_from_slice(tail);
            blocks_of(&items)
        };
        let boxed = post(&[
            (Kind::Caption, "博客 | 张超雄"),
            (Kind::Paragraph, "博客 | 张超雄"),
            (Kind::Paragraph, "【张超雄专栏】社工，前立法会议员。"),
        ]);
        assert_eq!(
            texts(&without_avatar_boxes(boxed)),
            ["十问林郑", long, long]
        );
        // The name alone, or as a heading, with no bio.
        let named = post(&[(Kind::Caption, "Jane Roe"), (Kind::Heading(4), "Jane Roe")]);
        assert_eq!(without_avatar_boxes(named).len(), 3);
        // A photo's caption that is a sentence, a box with more than a bio after it, a
        // picture and name with nothing before them: they stay.
        for tail in [
            &[
                (Kind::Caption, "Fireworks over the harbour."),
                (Kind::Paragraph, "Fireworks over the harbour."),
            ][..],
            &[
                (Kind::Caption, "Jane Roe"),
                (Kind::Paragraph, "Jane Roe"),
                (Kind::Paragraph, "a"),
                (Kind::Paragraph, "b"),
                (Kind::Paragraph, "c"),
            ][..],
            &[
                (Kind::Caption, "Jane Roe"),
                (Kind::Paragraph, "Jane Roe"),
                (Kind::Item { list: 1 }, "a"),
            ][..],
        ] {
            let blocks = post(tail);
            let n = blocks.len();
            assert_eq!(without_avatar_boxes(blocks).len(), n, "{tail:?}");
        }
        let alone = blocks_of(&[
            (Kind::Caption, "Jane Roe"),
            (Kind::Paragraph, "Jane Roe"),
            (Kind::Paragraph, long),
        ]);
        assert_eq!(without_avatar_boxes(alone).len(), 3);
    }

    #[test]
    fn an_authors_box_goes_under_a_post_and_stays_as_a_pages_matter() {
        let long = "Rivers wander across their plains because the outer bank of each bend erodes faster than the inner one, and over decades a bend grows into a loop.";
        let blocks = blocks_of(&[
            (Kind::Heading(1), "Why rivers move"),
            (Kind::Paragraph, long),
            (Kind::Paragraph, long),
            (Kind::Heading(3), "About the Author:"),
            (Kind::Paragraph, "Mara Lind writes about rivers."),
            (Kind::Heading(2), "Comments"),
            (Kind::Paragraph, "A reader's comment that stays here."),
        ]);
        assert_eq!(
            texts(&without_author_sections(blocks)),
            [
                "Why rivers move",
                long,
                long,
                "Comments",
                "A reader's comment that stays here."
            ]
        );
        // Set as a bold paragraph, in German: up to the next heading.
        let blocks = blocks_of(&[
            (Kind::Paragraph, long),
            (Kind::Paragraph, "Über den Autor"),
            (Kind::Paragraph, "Jossi Loibl schreibt über Wein."),
        ]);
        assert_eq!(texts(&without_author_sections(blocks)), [long]);
        // Longer than the prose before it, or than a box: the page's matter.
        let bio = blocks_of(&[
            (Kind::Paragraph, "Letters found in a trunk."),
            (Kind::Heading(2), "About the author"),
            (Kind::Paragraph, long),
        ]);
        assert_eq!(without_author_sections(bio).len(), 3);
        let mut items = vec![(Kind::Paragraph, long); 12];
        items.push((Kind::Heading(2), "About the Author"));
        items.extend(vec![(Kind::Paragraph, long); 6]);
        assert_eq!(without_author_sections(blocks_of(&items)).len(), 19);
        // A heading that says more than the phrase.
        let blocks = blocks_of(&[
            (Kind::Paragraph, long),
            (Kind::Paragraph, long),
            (Kind::Heading(2), "About the author of the first guide"),
            (Kind::Paragraph, "It was written in 1890."),
        ]);
        assert_eq!(without_author_sections(blocks).len(), 4);
    }

    #[test]
    fn the_pages_own_entry_in_a_list_of_pages_goes() {
        let title = "User Enumeration in IServ Schoolserver Web Login";
        assert!(own_entry(
            "User Enumeration in IServ Schoolserver Web Login naphthalin via Fulldisclosure (Sep 10)",
            title
        ));
        // The title goes on as a sentence, or the item says more.
        assert!(!own_entry(
            "User Enumeration in IServ Schoolserver Web Login is possible. The vendor disputes it.",
            title
        ));
        assert!(!own_entry(
            "User Enumeration in IServ Schoolserver Web Login pages works through the answers the server gives to each failed attempt to sign in",
            title
        ));
        assert!(!own_entry("Login pages in PHP", "Login"));
        let blocks = blocks_of(&[
            (Kind::Heading(1), title),
            (Kind::Paragraph, "The web front end allows user enumeration."),
            (Kind::Heading(3), "Current thread:"),
            (
                Kind::Item { list: 1 },
                "User Enumeration in IServ Schoolserver Web Login naphthalin via Fulldisclosure (Sep 10)",
            ),
        ]);
        assert_eq!(
            texts(&title_once(blocks, Some(title))),
            [
                title,
                "The web front end allows user enumeration.",
                "Current thread:"
            ]
        );
    }

    #[test]
    fn a_sponsored_section_goes_with_its_heading() {
        let mut blocks = blocks_of(&[
            (Kind::Heading(1), "科技爱好者周刊（第 128 期）"),
            (Kind::Heading(2), "本周话题"),
            (Kind::Paragraph, "这个周刊就是站在底层的视角，观察这个高科技社会，试图有所作为，所以也许可以改名叫做《赛博朋克周刊》。这是本周的话题，也是这一期最长的一段文字，讲了很多事情。"),
            (Kind::Heading(2), "Vue 进阶攻略"),
            (Kind::Paragraph, "本周的课程资料特别为大家准备了开课吧提供的《Vue 进阶攻略》。"),
            (Kind::Paragraph, "原价98元，微信扫码下面的二维码，加群后领取优惠券，1元即可报名。"),
            (Kind::Paragraph, "前50位报名的同学，还会有额外福利。"),
            (Kind::Heading(2), "大模型 API 怎么买"),
            (Kind::Paragraph, "总结就是一句话，如果你使用我的推广链接去注册，你会得到免费的 Token。"),
            (Kind::Heading(2), "资讯"),
            (Kind::Paragraph, "市民可以扫描二维码登记领取口罩，政府说。"),
            (Kind::Paragraph, "警方提醒，骗子的话术是：扫码领取补贴，再输入银行卡密码。"),
            (Kind::Heading(2), "订阅"),
            (Kind::Paragraph, "微信扫描下方二维码，关注公众号即可订阅。"),
        ]);
        blocks[8].markdown =
            "总结就是一句话，如果你使用[我的推广链接](https://s.qiniu.com/x)去注册。".into();
        assert_eq!(
            texts(&without_sponsored_sections(blocks)),
            [
                "科技爱好者周刊（第 128 期）",
                "本周话题",
                "这个周刊就是站在底层的视角，观察这个高科技社会，试图有所作为，所以也许可以改名叫做《赛博朋克周刊》。这是本周的话题，也是这一期最长的一段文字，讲了很多事情。",
                "资讯",
                "市民可以扫描二维码登记领取口罩，政府说。",
                "警方提醒，骗子的话术是：扫码领取补贴，再输入银行卡密码。",
                "订阅",
                "微信扫描下方二维码，关注公众号即可订阅。",
            ]
        );
        // A text of two headings is no sectioned text: its call goes as a line.
        let two = blocks_of(&[
            (Kind::Heading(1), "标题"),
            (Kind::Heading(2), "课程"),
            (Kind::Paragraph, "微信扫描下方二维码，就可以免费领取。"),
            (Kind::Paragraph, "正文。"),
        ]);
        assert_eq!(
            texts(&without_sponsored_sections(two)),
            [
                "标题",
                "课程",
                "微信扫描下方二维码，就可以免费领取。",
                "正文。"
            ]
        );
    }

    #[test]
    fn a_cover_images_caption_over_the_title_goes() {
        let page = blocks_of(&[
            (
                Kind::Caption,
                "A man sitting at his desk is annoyed about a phone call",
            ),
            (
                Kind::Heading(2),
                "Why the Do Not Call Registry doesn’t work",
            ),
            (Kind::Caption, "The registry's web form"),
            (
                Kind::Paragraph,
                "The registry receives a lot of hate online.",
            ),
        ]);
        assert_eq!(
            texts(&without_cover_captions(
                page.clone(),
                Some("Why the Do Not Call Registry doesn't work")
            )),
            [
                "Why the Do Not Call Registry doesn’t work",
                "The registry's web form",
                "The registry receives a lot of hate online."
            ]
        );
        // Over a heading that is not the title, the caption is the text's.
        assert_eq!(
            texts(&without_cover_captions(page, Some("Another title"))),
            [
                "A man sitting at his desk is annoyed about a phone call",
                "Why the Do Not Call Registry doesn’t work",
                "The registry's web form",
                "The registry receives a lot of hate online."
            ]
        );
    }

    #[test]
    fn an_images_alt_text_right_over_the_title_goes_under_menus_too() {
        // Menu items the line cleaning removes later come first; the banner's alt text
        // is right over the title heading.
        let mut page = blocks_of(&[
            (
                Kind::Item { list: 1 },
                "Protect your personal devices and data",
            ),
            (Kind::Caption, "A computer mouse and a fishing hook"),
            (Kind::Heading(1), "$800,000 recovered from BEC attack"),
            (Kind::Caption, "The bank's letter"),
            (Kind::Paragraph, "We continue to see the damage."),
        ]);
        page[1].markdown = "![A computer mouse and a fishing hook](https://s.com/a.jpg)".into();
        page[3].markdown = "![The bank's letter](https://s.com/b.jpg)".into();
        assert_eq!(
            texts(&without_cover_captions(
                page.clone(),
                Some("$800,000 recovered from BEC attack")
            )),
            [
                "Protect your personal devices and data",
                "$800,000 recovered from BEC attack",
                "The bank's letter",
                "We continue to see the damage."
            ]
        );
        // A figure's caption written as text there stays.
        page[1].markdown = "<figcaption>A computer mouse and a fishing hook</figcaption>".into();
        assert_eq!(
            texts(&without_cover_captions(
                page,
                Some("$800,000 recovered from BEC attack")
            ))
            .len(),
            5
        );
    }

    #[test]
    fn an_excerpt_before_the_text_it_repeats_goes() {
        let blocks = blocks_of(&[
            (Kind::Heading(1), "网易邮箱新增邮件追踪功能"),
            (Kind::Paragraph, "据蓝点网网友投稿，网易邮箱日前新增邮件追踪功能，这个功能通过网络信标探测收件人是否已经阅读邮件。与传统电子邮件的发送回执不同，收件人无法阻止自己被悄 *2023-8-6 21:21:17 Author: www.landiannews.com(查看原文)"),
            (Kind::Paragraph, "据蓝点网网友投稿，网易邮箱日前新增邮件追踪功能，这个功能通过网络信标探测收件人是否已经阅读邮件。"),
            (Kind::Paragraph, "与传统电子邮件的发送回执不同，收件人无法阻止自己被悄悄追踪。"),
        ]);
        assert_eq!(
            render(&excerpt_once(blocks, None), Output::Text),
            "网易邮箱新增邮件追踪功能\n\n据蓝点网网友投稿，网易邮箱日前新增邮件追踪功能，这个功能通过网络信标探测收件人是否已经阅读邮件。\n\n与传统电子邮件的发送回执不同，收件人无法阻止自己被悄悄追踪。\n"
        );
        // A head the text does not repeat (a skip link glued to the excerpt), a heading
        // the excerpt ran into the paragraph after it.
        let blocks = blocks_of(&[
            (Kind::Paragraph, "Skip to contentProxyPinProxyPin is a free HTTP and HTTPS capture tool for every platf *2023-7-28 18:40:0 Author: blog.upx8.com(查看原文)"),
            (Kind::Heading(2), "ProxyPin"),
            (Kind::Paragraph, "ProxyPin is a free HTTP and HTTPS capture tool for every platform."),
        ]);
        assert_eq!(
            render(&excerpt_once(blocks, None), Output::Text),
            "ProxyPin\n\nProxyPin is a free HTTP and HTTPS capture tool for every platform.\n"
        );
        // A forum's excerpt over the title's heading, then the post that begins with it.
        let title = "记一次帮丈母娘破解APP，满满的全是思路";
        let blocks = blocks_of(&[
            (Kind::Paragraph, "事情是这样的，家里人从网上买了一个定位器，买之前也没问客服，结果到手之后一看竟然要收费才能使用"),
            (Kind::Heading(1), title),
            (Kind::Paragraph, "事情是这样的，家里人从网上买了一个定位器，买之前也没问客服，结果到手之后一看竟然要收费才能使用。主要是下面两个东西"),
        ]);
        assert_eq!(
            render(&excerpt_once(blocks.clone(), Some(title)), Output::Text),
            format!("{title}\n\n事情是这样的，家里人从网上买了一个定位器，买之前也没问客服，结果到手之后一看竟然要收费才能使用。主要是下面两个东西\n")
        );
        // Another heading between them is the text's: the paragraph stays.
        assert_eq!(excerpt_once(blocks, Some("另一个标题")).len(), 3);
    }

    #[test]
    fn refrains_titles_labels_and_short_repeats_stay() {
        let refrain = "我爱你，塞北的雪，飘飘洒洒漫天遍野，你是春雨的亲姐妹哟，你是春天的使节";
        let poem = blocks_of(&[
            (Kind::Paragraph, refrain),
            (Kind::Paragraph, "你用洁白的身躯，装扮银色的世界。"),
            (Kind::Paragraph, refrain),
            (Kind::Paragraph, "一声声，一声声。"),
            (Kind::Paragraph, "一声声，一声声。"),
        ]);
        let text = render(&poem, Output::Text);
        assert_eq!(render(&excerpt_once(poem, None), Output::Text), text);
        // The record's title said as a paragraph before the text that begins with it.
        let title = "A new bootkit can bypass Secure Boot on patched systems";
        let page = blocks_of(&[
            (Kind::Paragraph, title),
            (Kind::Paragraph, "A new bootkit can bypass Secure Boot on patched systems, researchers said on Wednesday."),
        ]);
        assert_eq!(excerpt_once(page, Some(title)).len(), 2);
        // A summary under its label that the text then says word for word goes, whole
        // or cut short; one the text does not begin with stays.
        let lead = "10月20日，IDC发布《2022上半年中国IT安全服务市场跟踪报告》，报告显示收入增长。";
        let with_summary = |summary: &str| {
            let page = blocks_of(&[(Kind::Paragraph, summary), (Kind::Paragraph, lead)]);
            render(&excerpt_once(page, None), Output::Text)
        };
        for summary in [
            format!("导语：{lead}"),
            "导语：10月20日，IDC发布《2022上半年中国IT安全服务市场跟踪报告》，报".to_string(),
        ] {
            assert_eq!(with_summary(&summary), format!("{lead}\n"), "{summary}");
        }
        let own = "导语：IDC发布报告，360数字安全集团领跑安全企业级培训服务市场。";
        assert_eq!(with_summary(own), format!("{own}\n\n{lead}\n"));
        // A paragraph whose last sentences the next paragraph begins with is no excerpt.
        let page = blocks_of(&[
            (Kind::Paragraph, "Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur."),
            (Kind::Paragraph, "Tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur."),
        ]);
        assert_eq!(excerpt_once(page, None).len(), 2);
        // A paragraph said twice in a row is said once.
        let twice = "Jordan's parliament passed a new cybercrime law.";
        let page = blocks_of(&[(Kind::Caption, twice), (Kind::Caption, twice)]);
        assert_eq!(
            render(&excerpt_once(page, None), Output::Text),
            format!("{twice}\n")
        );
    }

    #[test]
    fn an_alt_text_its_caption_says_again_goes() {
        let page = blocks_of(&[
            (
                Kind::Caption,
                "Obfuscated JavaScript in website's source code",
            ),
            (
                Kind::Paragraph,
                "Obfuscated JavaScript in website’s source code",
            ),
            (
                Kind::Caption,
                "Theme file using compressed archive as PHP template",
            ),
            (
                Kind::Paragraph,
                "Theme file using compressed archive as a PHP template",
            ),
            (
                Kind::Caption,
                "王筱麗作品（右）與馬寒松作品（左）可謂一模一樣。",
            ),
            (
                Kind::Caption,
                "王筱麗作品（左）與馬寒松作品（右）可謂一模一樣。",
            ),
            (Kind::Caption, "Response from the server"),
            (Kind::Caption, "Response from the patched server"),
            (Kind::Caption, "A diagram of the attack"),
            (
                Kind::Paragraph,
                "The attacker first sends a crafted request to the login page.",
            ),
        ]);
        assert_eq!(
            render(&alt_said_by_caption(page, None), Output::Text),
            "Obfuscated JavaScript in website’s source code\n\nTheme file using compressed archive as a PHP template\n\n王筱麗作品（右）與馬寒松作品（左）可謂一模一樣。\n\n王筱麗作品（左）與馬寒松作品（右）可謂一模一樣。\n\nResponse from the server\n\nResponse from the patched server\n\nA diagram of the attack\n\nThe attacker first sends a crafted request to the login page.\n"
        );
    }

    #[test]
    fn two_images_of_one_alt_text_over_a_caption_saying_it_go() {
        // A page's placeholder and its picture side by side, both named as the caption
        // under them says.
        let twice = "Nord Corea: furti criptovalute in crescita dopo i tagli di Trump alla difesa";
        let page = blocks_of(&[
            (Kind::Caption, &format!("{twice} {twice}")),
            (Kind::Paragraph, twice),
            (Kind::Caption, "Bye bye Bye bye"),
            (Kind::Paragraph, "Bye bye"),
        ]);
        assert_eq!(
            render(&alt_said_by_caption(page, None), Output::Text),
            format!("{twice}\n\nBye bye Bye bye\n\nBye bye\n")
        );
    }

    #[test]
    fn an_alt_text_under_a_figures_label_or_holding_the_title_goes() {
        let mut page = blocks_of(&[
            (Kind::Heading(1), "3CX supply chain attack analysed"),
            (Kind::Caption, "VirusTotal results"),
            (Kind::Paragraph, "Figure 7: VirusTotal results"),
            (
                Kind::Caption,
                "3CX Supply Chain Cyber Attack: Infection flow on Windows",
            ),
            (Kind::Paragraph, "Figure 1: Infection flow on Windows"),
            (Kind::Caption, "3CX supply chain attack analysed 2"),
            (Kind::Caption, "Dropper"),
            (Kind::Paragraph, "Figure 8: The dropper's loader"),
            (Kind::Caption, "Loader"),
            (Kind::Paragraph, "Figura 9: Loader"),
            (Kind::Caption, "Process tree on Windows"),
            (Kind::Paragraph, "Figure 10: Process tree on Windows hosts"),
            // Figures' own captions in a row are two pictures'.
            (Kind::Caption, "圖1：Native Home"),
            (Kind::Caption, "圖2：Native Home"),
        ]);
        for b in page.iter_mut().take(12).filter(|b| b.kind == Kind::Caption) {
            b.markdown = format!("![{}](https://x.org/a.png)", b.text);
        }
        page[12].markdown = "<figcaption>圖1：Native Home</figcaption>".to_string();
        page[13].markdown = "<figcaption>圖2：Native Home</figcaption>".to_string();
        assert_eq!(
            render(
                &alt_said_by_caption(page.clone(), Some("3CX supply chain attack analysed")),
                Output::Text
            ),
            "3CX supply chain attack analysed\n\nFigure 7: VirusTotal results\n\nFigure 1: Infection flow on Windows\n\nDropper\n\nFigure 8: The dropper's loader\n\nFigura 9: Loader\n\nFigure 10: Process tree on Windows hosts\n\n圖1：Native Home\n\n圖2：Native Home\n"
        );
        // A description holding a short title stays.
        let mut chip = blocks_of(&[
            (Kind::Heading(1), "人工智能芯片"),
            (Kind::Paragraph, "英伟达发布了新一代芯片，性能提升三倍。"),
            (Kind::Caption, "英伟达H100人工智能芯片"),
        ]);
        chip[2].markdown = "![英伟达H100人工智能芯片](https://x.cn/a.png)".to_string();
        assert!(render(
            &alt_said_by_caption(chip, Some("人工智能芯片")),
            Output::Text
        )
        .ends_with("英伟达H100人工智能芯片\n"));
        // Where no block of text says the title, the picture's words are the page's
        // title: they stay.
        page.remove(0);
        assert!(render(
            &alt_said_by_caption(page, Some("3CX supply chain attack analysed")),
            Output::Text
        )
        .contains("3CX supply chain attack analysed 2"));
    }

    #[test]
    fn an_images_alt_text_a_heading_says_goes() {
        let mut page = blocks_of(&[
            (
                Kind::Paragraph,
                "Il Garante ha sanzionato un’azienda del settore automotive.",
            ),
            (
                Kind::Caption,
                "Questionari post-malattia: il provvedimento del Garante privacy",
            ),
            (
                Kind::Paragraph,
                "L’azienda raccoglieva dati sulla salute dei dipendenti.",
            ),
            (
                Kind::Heading(2),
                "Questionari post-malattia, il provvedimento del Garante privacy",
            ),
            (Kind::Caption, "dipendente credenziali"),
            (Kind::Heading(3), "Architecture"),
            (Kind::Caption, "Architecture"),
            (Kind::Caption, "Il provvedimento del Garante"),
        ]);
        for b in page.iter_mut().filter(|b| b.kind == Kind::Caption) {
            b.markdown = format!("![{}](https://x.it/a.jpg)", b.text);
        }
        // A caption written under its picture is no alt text: it stays.
        page[7].markdown = "*Il provvedimento del Garante*".to_string();
        page[7].text = page[3].text.clone();
        assert_eq!(
            render(&alt_said_by_caption(page, None), Output::Text),
            "Il Garante ha sanzionato un’azienda del settore automotive.\n\nL’azienda raccoglieva dati sulla salute dei dipendenti.\n\nQuestionari post-malattia, il provvedimento del Garante privacy\n\ndipendente credenziali\n\nArchitecture\n\nArchitecture\n\nQuestionari post-malattia, il provvedimento del Garante privacy\n"
        );
    }

    #[test]
    fn headings_with_nothing_under_them_go_at_the_end() {
        let gallery = "美国总统特朗普在华盛顿的国家环境保护局，于煤矿工人见证下签署行政命令，推翻奥巴马的针对全球暖化政策。（美联社）";
        let blocks = blocks_of(&[
            (Kind::Heading(1), "Der Stadtrat tagt"),
            (
                Kind::Paragraph,
                "Der Stadtrat hat die Sanierung der Brücke beschlossen.",
            ),
            (
                Kind::Heading(2),
                "Relotius legt ein Fake-Profil an. Es stützt seine Version.",
            ),
            (Kind::Heading(4), gallery),
            (
                Kind::Heading(4),
                "日本皇太子德仁访问丹麦，丹麦王储腓特烈到机场迎接。美联社",
            ),
            (Kind::Heading(2), "Mehr zum Thema"),
            (Kind::Heading(3), "相关阅读"),
            (Kind::Heading(3), "Die Karte zum Abspeichern:"),
        ]);
        assert_eq!(
            render(&without_trailing_headings(blocks, &[]), Output::Text),
            format!("Der Stadtrat tagt\n\nDer Stadtrat hat die Sanierung der Brücke beschlossen.\n\nRelotius legt ein Fake-Profil an. Es stützt seine Version.\n\n{gallery}\n\n日本皇太子德仁访问丹麦，丹麦王储腓特烈到机场迎接。美联社\n")
        );
        // A paragraph set strong whole over links that went heads them too; one over
        // nothing (a poem's last line), and a sentence set strong, stay.
        let page = crate::markdown::blocks("事件已经结束。\n\n**金融贷款欺诈系列报告**\n\n1、[【黑产大数据】“同名贷”欺诈产业链解构](https://mp.weixin.qq.com/s?a=1)\n");
        let article = vec![page[0].clone(), page[1].clone()];
        assert_eq!(
            render(&without_trailing_headings(article, &page), Output::Text),
            "事件已经结束。\n"
        );
        let poem = crate::markdown::blocks(
            "孤操不渝無鶴怨\n\n**山頂見**\n\n---\n\n![博客](https://x.example/a.png)\n",
        );
        let article = vec![poem[0].clone(), poem[1].clone()];
        assert_eq!(without_trailing_headings(article, &poem).len(), 2);
        let sentence = crate::markdown::blocks(
            "事件已经结束。\n\n**我们已经修复了全部漏洞。**\n\n* [下一篇](https://x.example/b)\n",
        );
        let article = vec![sentence[0].clone(), sentence[1].clone()];
        assert_eq!(without_trailing_headings(article, &sentence).len(), 2);
        // Headings only: left as they are.
        let blocks = blocks_of(&[(Kind::Heading(1), "Title"), (Kind::Heading(2), "Section")]);
        assert_eq!(without_trailing_headings(blocks, &[]).len(), 2);
    }

    #[test]
    fn a_block_said_three_times_in_a_row_is_said_once() {
        let blocks = blocks_of(&[
            (
                Kind::Heading(1),
                "The Truth of the Matter: Scammers Targeting Truth Social Users",
            ),
            (Kind::Paragraph, "By"),
            (Kind::Paragraph, "By"),
            (Kind::Paragraph, "By"),
            (Kind::Paragraph, "Penn Mackintosh"),
            (Kind::Paragraph, "Penn Mackintosh"),
            (Kind::Paragraph, "Penn Mackintosh"),
            (Kind::Paragraph, "January 16, 2025"),
            (Kind::Paragraph, "January 16, 2025"),
            (Kind::Paragraph, "January 16, 2025"),
            (Kind::Paragraph, "一声声，一声声。"),
            (Kind::Paragraph, "一声声，一声声。"),
            (Kind::Item { list: 1 }, "TBD"),
            (Kind::Item { list: 1 }, "TBD"),
            (Kind::Item { list: 1 }, "TBD"),
        ]);
        assert_eq!(
            render(&repeats_once(blocks), Output::Text),
            "The Truth of the Matter: Scammers Targeting Truth Social Users\n\nBy\n\nPenn Mackintosh\n\nJanuary 16, 2025\n\n一声声，一声声。\n\n一声声，一声声。\n\nTBD\nTBD\nTBD\n"
        );
    }

    #[test]
    fn lists_are_tight_paragraphs_are_not() {
        let mut a = Block::new(Kind::Item { list: 1 });
        a.text = "one".into();
        let mut b = a.clone();
        b.text = "two".into();
        let mut p = Block::new(Kind::Paragraph);
        p.text = "after".into();
        assert_eq!(render(&[a, b, p], Output::Text), "one\ntwo\n\nafter\n");
    }

    #[test]
    fn the_title_is_said_once() {
        let block = |kind: Kind, text: &str| {
            let mut b = Block::new(kind);
            b.text = text.into();
            b
        };
        let blocks = vec![
            block(Kind::Item { list: 1 }, "Kernel PWN"),
            block(Kind::Heading(1), "Kernel PWN"),
            block(Kind::Caption, "cover"),
            block(Kind::Heading(1), "Kernel PWN"),
            block(Kind::Paragraph, "Kernel PWN"),
            block(Kind::Paragraph, "The text."),
        ];
        assert_eq!(
            render(&title_once(blocks.clone(), None), Output::Text),
            "Kernel PWN\n\ncover\n\nThe text.\n"
        );
        // Without a heading, the record's title is said once where it first stands.
        let blocks: Vec<Block> = blocks
            .into_iter()
            .filter(|b| !matches!(b.kind, Kind::Heading(_)))
            .collect();
        assert_eq!(
            render(&title_once(blocks, Some("Kernel PWN")), Output::Text),
            "Kernel PWN\n\ncover\n\nThe text.\n"
        );
    }

    #[test]
    fn a_title_without_its_feeds_tag_is_the_title() {
        assert_eq!(
            untagged("[webapps] WP All Import v3.6.7 - Remote Code Execution"),
            Some("WP All Import v3.6.7 - Remote Code Execution")
        );
        assert_eq!(
            untagged("【转载】关键信息基础设施安全保护要求解读"),
            Some("关键信息基础设施安全保护要求解读")
        );
        // Too little left to be a title, no tag, an empty tag.
        assert_eq!(untagged("[Guide] Setup"), None);
        assert_eq!(
            untagged("WP All Import v3.6.7 - Remote Code Execution"),
            None
        );
        assert_eq!(
            untagged("[] WP All Import v3.6.7 - Remote Code Execution"),
            None
        );
    }

    #[test]
    fn the_untagged_heading_goes_only_where_the_page_says_the_tagged_title() {
        let block = |kind: Kind, text: &str| {
            let mut b = Block::new(kind);
            b.text = text.into();
            b
        };
        let tagged = "[webapps] WP All Import v3.6.7 - Remote Code Execution";
        let blocks = vec![
            block(Kind::Heading(2), "Exploit Database"),
            block(
                Kind::Heading(1),
                "WP All Import v3.6.7 - Remote Code Execution",
            ),
            block(Kind::Paragraph, "The plugin unpacks PHP files."),
        ];
        // The tagged title is only the record's: the page's heading is the title.
        assert_eq!(
            render(&title_once(blocks.clone(), Some(tagged)), Output::Text),
            "Exploit Database\n\nWP All Import v3.6.7 - Remote Code Execution\n\nThe plugin unpacks PHP files.\n"
        );
        // The page says it too: the heading without the tag is the same title again.
        let mut said = blocks;
        said.insert(1, block(Kind::Heading(1), tagged));
        assert_eq!(
            render(&title_once(said, Some(tagged)), Output::Text),
            "Exploit Database\n\n[webapps] WP All Import v3.6.7 - Remote Code Execution\n\nThe plugin unpacks PHP files.\n"
        );
    }
}
