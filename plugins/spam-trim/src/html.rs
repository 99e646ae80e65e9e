//! HTML to text with a real HTML tokenizer (html5gum, WHATWG-conformant, entities
//! decoded): block elements become paragraphs; `script`, `style`, `noscript`,
//! `template`, forms and other non-content elements are removed; navigation, headers,
//! footers and sidebars are removed by element (`nav`, `footer`, `aside`, a `header`
//! outside an article) and by class or id (`nav`, `menu`, `breadcrumb`, `sidebar`,
//! `footer`, `comment`, `share`, `related`, `recommend`, `advert`…); image alt texts
//! that are text are kept as their own paragraphs; when the page has an `article` or
//! `main` element with text, only that content is kept. Blocks that are mostly links
//! and short are navigation and removed.

use html5gum::{Token, Tokenizer};

/// Paragraphs of text and the page title.
#[derive(Debug, Default)]
pub struct Extracted {
    pub paragraphs: Vec<String>,
    pub title: Option<String>,
}

const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "form", "select", "button", "textarea", "iframe",
    "svg", "canvas", "nav", "footer", "aside", "head", "object", "embed", "video", "audio", "map",
    "dialog", "menu",
];
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
    "td",
    "th",
    "thead",
    "tbody",
    "tfoot",
    "caption",
    "section",
    "article",
    "main",
    "header",
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
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];
/// Class or id words of non-content containers.
const BAD_CLASS: &[&str] = &[
    "nav",
    "navbar",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "crumb",
    "sidebar",
    "side",
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
    "ads",
    "ad",
    "banner",
    "toolbar",
    "copyright",
    "pagination",
    "pager",
    "subscribe",
    "login",
    "popup",
    "modal",
    "cookie",
];

/// Most elements open at once (deeper ones are treated as text containers).
const MAX_DEPTH: usize = 256;

fn bad_class(value: &[u8]) -> bool {
    let v = String::from_utf8_lossy(value).to_ascii_lowercase();
    v.split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| BAD_CLASS.contains(&w))
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x3134F)
}

struct Open {
    name: String,
    skip: bool,
    content_root: bool,
}

/// A paragraph being collected: its text, and how much of it is link text.
#[derive(Default)]
struct Block {
    text: String,
    link_chars: usize,
    in_content_root: bool,
}

/// Extract the text of an HTML document.
pub fn extract(html: &str) -> Extracted {
    let mut out = Extracted::default();
    let mut stack: Vec<Open> = Vec::new();
    let mut blocks: Vec<Block> = Vec::new();
    let mut cur = Block::default();
    let mut skip_depth = 0usize;
    let mut link_depth = 0usize;
    let mut in_title = false;
    let mut title = String::new();
    let mut article_depth = 0usize;
    let mut has_content_root = false;

    let flush = |cur: &mut Block, blocks: &mut Vec<Block>| {
        let t = cur.text.trim();
        if !t.is_empty() {
            blocks.push(Block {
                text: t.to_string(),
                link_chars: cur.link_chars,
                in_content_root: cur.in_content_root,
            });
        }
        *cur = Block::default();
    };

    let mut emitter = html5gum::DefaultEmitter::default();
    // script, style and friends hold raw text, not markup.
    emitter.naively_switch_states(true);
    for Ok(token) in Tokenizer::new_with_emitter(html, emitter) {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                let void = VOID.contains(&name.as_str()) || tag.self_closing;
                if name == "title" && !void {
                    in_title = true;
                    continue;
                }
                if skip_depth > 0 {
                    if !void && stack.len() < MAX_DEPTH {
                        stack.push(Open {
                            name,
                            skip: false,
                            content_root: false,
                        });
                    }
                    continue;
                }
                if BLOCK.contains(&name.as_str()) {
                    flush(&mut cur, &mut blocks);
                }
                if name == "img" {
                    let alt = tag
                        .attributes
                        .get(b"alt".as_slice())
                        .map(|a| String::from_utf8_lossy(&a.0).trim().to_string());
                    if let Some(alt) = alt
                        .filter(|a| a.chars().count() >= 4 && !a.contains('.') && !a.contains('/'))
                    {
                        flush(&mut cur, &mut blocks);
                        cur.text = alt;
                        cur.in_content_root = article_depth > 0;
                        flush(&mut cur, &mut blocks);
                    }
                    continue;
                }
                if void {
                    continue;
                }
                let class_bad = [b"class".as_slice(), b"id".as_slice()]
                    .iter()
                    .any(|k| tag.attributes.get(*k).is_some_and(|v| bad_class(&v.0)));
                let skip = SKIP.contains(&name.as_str())
                    || (name == "header" && article_depth == 0)
                    || class_bad;
                let content_root = name == "article" || name == "main";
                if content_root {
                    article_depth += 1;
                    has_content_root = true;
                }
                if name == "a" {
                    link_depth += 1;
                }
                if stack.len() < MAX_DEPTH {
                    stack.push(Open {
                        name,
                        skip,
                        content_root,
                    });
                    if skip {
                        skip_depth += 1;
                    }
                }
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if name == "title" {
                    in_title = false;
                    continue;
                }
                if let Some(pos) = stack.iter().rposition(|o| o.name == name) {
                    for o in stack.drain(pos..).rev() {
                        if o.skip {
                            skip_depth -= 1;
                        }
                        if o.content_root {
                            article_depth -= 1;
                        }
                        if o.name == "a" {
                            link_depth = link_depth.saturating_sub(1);
                        }
                    }
                }
                if skip_depth == 0 && BLOCK.contains(&name.as_str()) {
                    flush(&mut cur, &mut blocks);
                }
            }
            Token::String(s) => {
                let text = String::from_utf8_lossy(&s);
                if in_title {
                    title.push_str(&text);
                    continue;
                }
                if skip_depth > 0 {
                    continue;
                }
                append_text(
                    &mut cur,
                    &mut blocks,
                    &text,
                    link_depth > 0,
                    article_depth > 0,
                );
            }
            _ => {}
        }
    }
    flush(&mut cur, &mut blocks);
    let t: String = title.split_whitespace().collect::<Vec<_>>().join(" ");
    out.title = (!t.is_empty()).then_some(t);
    let in_root_text: usize = blocks
        .iter()
        .filter(|b| b.in_content_root)
        .map(|b| b.text.chars().count())
        .sum();
    let use_root = has_content_root && in_root_text >= 40;
    out.paragraphs = blocks
        .into_iter()
        .filter(|b| !use_root || b.in_content_root)
        .filter(|b| {
            let n = b.text.chars().count();
            // Mostly-link short blocks are navigation.
            !(n < 100 && b.link_chars * 10 >= n * 6)
        })
        .map(|b| b.text)
        .collect();
    out
}

/// Append text to the current block: whitespace collapses, a line break joins (without
/// a space between CJK characters), and a blank line ends the paragraph (text written
/// with blank lines between paragraphs inside one element).
fn append_text(cur: &mut Block, blocks: &mut Vec<Block>, text: &str, link: bool, root: bool) {
    let mut pieces = text.split("\n").peekable();
    let mut blank_run = false;
    while let Some(line) = pieces.next() {
        let trimmed = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if trimmed.is_empty() {
            if pieces.peek().is_some() {
                blank_run = true;
            }
            continue;
        }
        if blank_run && !cur.text.trim().is_empty() {
            let t = cur.text.trim().to_string();
            blocks.push(Block {
                text: t,
                link_chars: cur.link_chars,
                in_content_root: cur.in_content_root,
            });
            *cur = Block::default();
        }
        blank_run = false;
        let starts_with_space = line.starts_with(char::is_whitespace);
        if !cur.text.is_empty() {
            let last = cur.text.chars().next_back().unwrap_or(' ');
            let first = trimmed.chars().next().unwrap_or(' ');
            let need_space = (starts_with_space || cur.text.ends_with(char::is_whitespace))
                && !(is_cjk(last) && is_cjk(first));
            if need_space && !cur.text.ends_with(' ') {
                cur.text.push(' ');
            }
        }
        let before = cur.text.chars().count();
        cur.text.push_str(&trimmed);
        if line.ends_with(char::is_whitespace) && pieces.peek().is_none() {
            cur.text.push(' ');
        }
        if link {
            cur.link_chars += cur.text.chars().count() - before;
        }
        if root {
            cur.in_content_root = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn an_article_element_is_the_content() {
        let html = "<body><div>菜单一 菜单二</div><article><p>正文内容足够长，这是文章的第一段落，包含了很多文字，用来确定正文区域的位置和范围，确保内容不会被误删除。</p><p>第二段也在正文里面，继续写一些文字，让正文的长度超过一百个字符的界限，这样才会被选为正文。</p></article><div>页脚</div></body>";
        let e = extract(html);
        assert_eq!(e.paragraphs.len(), 2);
        assert!(e.paragraphs[0].starts_with("正文内容"));
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
}
