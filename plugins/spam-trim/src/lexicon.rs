//! The lexicons: boilerplate phrases by section, and SEO spam terms. The built-in ones
//! are `data/boilerplate.txt` and `data/spam.txt`; a user file with the same format adds
//! to them.

/// Fewest characters of a phrase's start cut short ([`Lexicon::cut_short_phrase`]).
pub const CUT_SHORT_MIN: usize = 12;
/// Longest line (in characters) a `[short]` phrase may start.
pub const SHORT_MAX: usize = 60;
/// Longest paragraph (in characters) a `[paragraph]` phrase may start.
pub const PARAGRAPH_MAX: usize = 300;
/// Longest line (in characters) a `[notice]` phrase makes a notice.
pub const NOTICE_MAX: usize = 100;
/// Longest sentence of a notice that neither holds a `[notice]` phrase nor names a subject.
pub const NOTICE_ASIDE_MAX: usize = 12;
/// Words of which a notice line holds one besides its `[notice]` phrase: what it is
/// about (the text, its author, source or account) or what it asks for (permission, a
/// contact): `转载请注明出处`, `本文为抱住原创，转载请联系授权`. A sentence that reports a
/// ban (`法院判决被告禁止转载原告作品。`) names none of them.
const NOTICE_SUBJECTS: &[&str] = &[
    "本文",
    "文章",
    "原创",
    "公众号",
    "作者",
    "出处",
    "来源",
    "授权",
    "版权",
    "本号",
    "本站",
    "原文",
    "许可",
    "允许",
    "链接",
    "联系",
    "來源",
    "授權",
    "版權",
    "許可",
    "允許",
    "鏈接",
    "聯繫",
    "聯系",
    "公眾號",
    "原創",
    "出處",
    "本號",
];

use std::collections::{HashMap, HashSet};

use aho_corasick::AhoCorasick;

#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub short: Vec<String>,
    /// `[label]` phrases: `[short]` ones that count only as a label, not as a sentence's
    /// first word (`下一篇：标题` goes, `下一篇会把名单列出来。` stays).
    pub label: Vec<String>,
    pub paragraph: Vec<String>,
    pub exact: Vec<String>,
    /// `[notice]` phrases: anywhere in a line of at most [`NOTICE_MAX`] characters that
    /// also holds one of [`NOTICE_SUBJECTS`].
    pub notice: Vec<String>,
    /// Spam terms, lowercased.
    pub spam: Vec<String>,
    /// Built on first use; reset by every `add_*`.
    compiled: std::sync::OnceLock<Compiled>,
}

/// The lexicon prepared for matching.
/// The section a phrase is listed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Short,
    Label,
    Paragraph,
}

/// Whether `rest`, what follows a `[label]` phrase, leaves it a label: nothing, or a
/// character that is not a letter of a word going on (a space, a colon, a bracket, a
/// digit, a Latin letter: `上一篇 标题`, `关键词：`, `发布时间2023`). A title in brackets
/// that the sentence goes on after is no label's (`上一篇《那是良心的价格》引起众议，…`).
fn label_ends(rest: &str) -> bool {
    let Some(c) = rest.chars().next() else {
        return true;
    };
    if crate::lines::is_han(c) {
        return false;
    }
    let close = match c {
        '《' => '》',
        '“' => '”',
        '「' => '」',
        _ => return true,
    };
    !rest
        .split_once(close)
        .and_then(|(_, after)| after.chars().next())
        .is_some_and(crate::lines::is_han)
}

/// Fewest characters of an `[exact]` line cut from a line's end
/// ([`Lexicon::exact_tail_at`]).
const EXACT_TAIL_MIN: usize = 10;

#[derive(Debug, Clone)]
struct Compiled {
    /// Phrases by first character, with their section.
    prefixes: HashMap<char, Vec<(String, Section)>>,
    exact: HashSet<String>,
    /// `[exact]` lines that are also cut from a line's end ([`Lexicon::exact_tail_at`]).
    tails: Vec<String>,
    notice: AhoCorasick,
    spam: AhoCorasick,
}

impl Lexicon {
    /// The built-in lexicons.
    pub fn builtin() -> Lexicon {
        let mut l = Lexicon::default();
        l.add_boilerplate(include_str!("../data/boilerplate.txt"));
        l.add_spam(include_str!("../data/spam.txt"));
        l
    }

    /// Add a boilerplate file (`[short]`, `[label]`, `[paragraph]`, `[exact]`, `[notice]`, `[spam]`
    /// sections; phrases before any section are `[short]`).
    pub fn add_boilerplate(&mut self, text: &str) {
        self.compiled.take();
        let mut section = "short";
        for line in text.lines() {
            let t = line.trim();
            if t.is_empty() || t.starts_with('#') {
                continue;
            }
            if let Some(name) = t.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
                section = match name {
                    "short" => "short",
                    "label" => "label",
                    "paragraph" => "paragraph",
                    "exact" => "exact",
                    "notice" => "notice",
                    "spam" => "spam",
                    _ => "short",
                };
                continue;
            }
            match section {
                "paragraph" => self.paragraph.push(t.to_string()),
                "label" => self.label.push(t.to_string()),
                "exact" => self.exact.push(t.to_string()),
                "notice" => self.notice.push(t.to_string()),
                "spam" => self.spam.push(t.to_lowercase()),
                _ => self.short.push(t.to_string()),
            }
        }
    }

    fn compile(&self) -> Compiled {
        let mut prefixes: HashMap<char, Vec<(String, Section)>> = HashMap::new();
        for (list, section) in [
            (&self.short, Section::Short),
            (&self.label, Section::Label),
            (&self.paragraph, Section::Paragraph),
        ] {
            for p in list {
                if let Some(c) = p.chars().next() {
                    prefixes.entry(c).or_default().push((p.clone(), section));
                }
            }
        }
        // A DFA: the spam terms are searched in every line of every record.
        let spam = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&self.spam)
            .unwrap_or_else(|_| {
                AhoCorasick::new(Vec::<String>::new()).expect("an empty automaton builds")
            });
        let notice = AhoCorasick::new(&self.notice).unwrap_or_else(|_| {
            AhoCorasick::new(Vec::<String>::new()).expect("an empty automaton builds")
        });
        Compiled {
            prefixes,
            exact: self.exact.iter().cloned().collect(),
            tails: self
                .exact
                .iter()
                .filter(|e| {
                    e.chars().count() >= EXACT_TAIL_MIN && e.chars().any(crate::lines::is_han)
                })
                .cloned()
                .collect(),
            notice,
            spam,
        }
    }

    fn compiled(&self) -> &Compiled {
        self.compiled.get_or_init(|| self.compile())
    }

    /// Whether `s` (of `n` characters) starts with a `[short]` phrase, or a `[label]`
    /// phrase as a label, and is at most [`SHORT_MAX`] long, or with a `[paragraph]`
    /// phrase and at most [`PARAGRAPH_MAX`] (`short_only`: `[short]` phrases only).
    pub fn starts_phrase(&self, s: &str, n: usize, short_only: bool) -> bool {
        let Some(c) = s.chars().next() else {
            return false;
        };
        self.compiled().prefixes.get(&c).is_some_and(|list| {
            list.iter().any(|(p, section)| {
                let Some(rest) = s.strip_prefix(p.as_str()) else {
                    return false;
                };
                match section {
                    Section::Short => n <= SHORT_MAX,
                    Section::Label => !short_only && n <= SHORT_MAX && label_ends(rest),
                    Section::Paragraph => !short_only && n <= PARAGRAPH_MAX,
                }
            })
        })
    }

    /// Whether `s` is a phrase's start cut short by the page's fetch (`Found this article
    /// intere...`): at least [`CUT_SHORT_MIN`] characters before `...` or `…`, which a
    /// phrase of any section starts with and goes on after.
    pub fn cut_short_phrase(&self, s: &str) -> bool {
        let Some(head) = s.strip_suffix("...").or_else(|| s.strip_suffix('…')) else {
            return false;
        };
        let Some(c) = head.chars().next() else {
            return false;
        };
        head.chars().count() >= CUT_SHORT_MIN
            && self.compiled().prefixes.get(&c).is_some_and(|list| {
                list.iter()
                    .any(|(p, _)| p.len() > head.len() && p.starts_with(head))
            })
    }

    pub fn is_exact(&self, s: &str) -> bool {
        self.compiled().exact.contains(s)
    }

    /// Where a line's tail that is an `[exact]` line begins, if it ends in one of at least
    /// [`EXACT_TAIL_MIN`] characters with a Han character, glued to an address right
    /// before it (a reprint notice after the source's, `本文翻译自：https://…如若转载，请注
    /// 明原文地址`), set off by a space from a Latin letter or digit (a picture's
    /// placeholder after its caption, `Ladon GUI 使用http访问查看图片`) or, when it holds
    /// two sentences, glued to any
    /// text (a picture's disclaimer after a credit, `本文为X编译，图片均来源于网络，…。如有
    /// 侵权，…。`): the spaces, commas and `*` before it go with it; `None` when fewer than
    /// two letters or digits would be left.
    pub fn exact_tail_at(&self, line: &str) -> Option<usize> {
        let t = line.trim_end();
        // (The longest: `注：图片均来源于网络…` before `图片均来源于网络…`.)
        let tail = self
            .compiled()
            .tails
            .iter()
            .filter(|e| t.ends_with(e.as_str()))
            .max_by_key(|e| e.len())?;
        let glued = &t[..t.len() - tail.len()];
        let head =
            glued.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '，' | ',' | '*'));
        // After an address, or a notice of two sentences or more of its own: not a
        // heading's or an item's name cut from its label (`主论坛：全球最新网络攻击技术`).
        // (The address right before it: the run of ASCII characters without spaces the
        // head ends with holds `://`.)
        let run = head.len() - head.trim_end_matches(|c: char| c.is_ascii_graphic()).len();
        let after_address = head[head.len() - run..].contains("://");
        let sentences = tail.trim_end_matches(['。', '！']).contains(['。', '！']);
        // Or set off by a space from a caption in Latin letters (`Ladon for Cobalt Strike
        // GUI 使用http访问查看图片`, a picture's placeholder after its caption); not a
        // name after its label (`分论坛一 全球最新网络攻击技术`).
        let spaced = glued.ends_with(char::is_whitespace)
            && head.ends_with(|c: char| c.is_ascii_alphanumeric());
        ((after_address || sentences || spaced)
            && head.chars().filter(|c| c.is_alphanumeric()).count() >= 2)
            .then_some(head.len())
    }

    /// Whether `s` (of `n` characters) is a notice: a line of at most [`NOTICE_MAX`]
    /// characters holding a `[notice]` phrase out of quotes (`违反了“禁止转载”的声明`
    /// reports a notice) and, outside its phrases, one of [`NOTICE_SUBJECTS`]; each of its
    /// sentences (cut at `。！？!?`) without a phrase names a subject too or is short (at
    /// most [`NOTICE_ASIDE_MAX`] characters: `图片来自网络`, `编辑：走走`). A sentence of the
    /// text's own before it (`今天复现了这个漏洞，过程如下文所述。转载请注明出处。`) keeps the
    /// line, and so does a report of a ban that names none (`法院判决被告禁止转载原告作品。`).
    pub fn is_notice(&self, s: &str, n: usize) -> bool {
        if n > NOTICE_MAX {
            return false;
        }
        let notice = &self.compiled().notice;
        let (mut said, mut named) = (false, false);
        for sentence in s.split(['。', '！', '？', '!', '?']) {
            let t = sentence
                .trim_matches(|c: char| c.is_whitespace() || "（）()【】[]*_>·-—".contains(c));
            if t.is_empty() {
                continue;
            }
            let mut rest = String::with_capacity(t.len());
            let (mut from, mut phrases) = (0, 0);
            for m in notice.find_iter(t) {
                let before = &t[..m.start()];
                let opened = before.chars().filter(|c| matches!(c, '“' | '「')).count();
                let closed = before.chars().filter(|c| matches!(c, '”' | '」')).count();
                said |= opened <= closed;
                phrases += 1;
                rest.push_str(&t[from..m.start()]);
                from = m.end();
            }
            rest.push_str(&t[from..]);
            let names = NOTICE_SUBJECTS.iter().any(|w| rest.contains(w));
            named |= names;
            if phrases == 0 && !names && t.chars().count() > NOTICE_ASIDE_MAX {
                return false;
            }
        }
        said && named
    }

    /// Spam terms found in `s` (non-overlapping).
    pub fn spam_hits(&self, s: &str) -> usize {
        self.spam_terms(s).count()
    }

    /// The spam terms (their indices) found in `s`. A term is a word of its own where it
    /// starts or ends with a Latin letter: `av` is not found in `JavaScript`.
    pub fn spam_terms<'a>(&'a self, s: &'a str) -> impl Iterator<Item = usize> + 'a {
        let b = s.as_bytes();
        let glued = |i: usize, j: usize| {
            b[i].is_ascii_alphabetic() && b.get(j).is_some_and(|c| c.is_ascii_alphabetic())
        };
        self.compiled()
            .spam
            .find_iter(s)
            .filter(move |m| {
                let (start, end) = (m.start(), m.end());
                let glued_before = start > 0 && glued(start, start - 1);
                let glued_after = end > start && glued(end - 1, end);
                !glued_before && !glued_after
            })
            .map(|m| m.pattern().as_usize())
    }

    /// Add spam terms, one a line.
    pub fn add_spam(&mut self, text: &str) {
        self.compiled.take();
        for line in text.lines() {
            let t = line.trim();
            if !t.is_empty() && !t.starts_with('#') {
                self.spam.push(t.to_lowercase());
            }
        }
    }
}
