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
//! inside the run go too. A document that links to many sites with little prose beside
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

fn classify(b: &Block) -> Class {
    let w = b.weight();
    let ld = b.link_density();
    if b.kind == Kind::Code {
        return Class::Neither;
    }
    // A list item mostly of links, or a paragraph that is (nearly) all link: a sentence
    // with a long linked phrase in it is still prose.
    let link_share = if matches!(b.kind, Kind::Item { .. }) {
        0.5
    } else {
        0.8
    };
    if b.link_weight > 0 && ld >= link_share && (w < 400 || ld >= 0.9) {
        return Class::Navigation;
    }
    if matches!(b.kind, Kind::Heading(_)) {
        return Class::Neither;
    }
    if ld < 0.5 && (w >= 80 || (w >= 30 && sentence_end(&b.text))) {
        Class::Prose
    } else if matches!(b.kind, Kind::Item { .. }) && ld < 0.1 && w >= 30 && cjk_text(&b.text) {
        // A Chinese list item is a sentence without its full stop (release notes,
        // feature lists); a menu's items are links.
        Class::Prose
    } else {
        Class::Neither
    }
}

/// Whether the Markdown `source` links to many sites: at least five absolute links, to
/// at least four hosts, one for every five links at least — or, in a long digest, to at
/// least eight hosts, one for every ten links (menus link to their own site and a few
/// others).
fn digest(source: &str) -> bool {
    let mut hosts: Vec<&str> = Vec::new();
    let mut links = 0;
    for (i, _) in source.match_indices("](http") {
        let rest = &source[i + 2..];
        let after = rest
            .strip_prefix("https://")
            .or_else(|| rest.strip_prefix("http://"))
            .unwrap_or(rest);
        let host = after.split(['/', ')', '?', '#', ' ']).next().unwrap_or("");
        links += 1;
        hosts.push(host);
    }
    hosts.sort_unstable();
    hosts.dedup();
    links >= 5
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

/// Which blocks of a Markdown document (`source`) are the article. A block that is a
/// boilerplate line of `lex` (a site's interface text: GitHub's feedback form and session
/// notices) weighs nothing in the choice.
pub fn choose(blocks: &[Block], source: &str, lex: &Lexicon) -> Vec<bool> {
    let classes: Vec<Class> = blocks.iter().map(classify).collect();
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
    if !classes.contains(&Class::Prose) {
        return classes.iter().map(|c| *c != Class::Navigation).collect();
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
    let score = |i: usize| -> f64 {
        let b = &blocks[i];
        match classes[i] {
            _ if boiler[i] && real_prose => 0.0,
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
    while e + 1 < blocks.len()
        && classes[e + 1] == Class::Neither
        && !matches!(blocks[e + 1].kind, Kind::Heading(_))
    {
        e += 1;
    }
    (0..blocks.len())
        .map(|i| i >= s && i <= e && classes[i] != Class::Navigation)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::block::{render, Output};
    use crate::markdown::blocks;

    #[test]
    fn menus_and_link_lists_around_the_article_go() {
        let md = "[![Site](logo.png)](https://s.org/)\n\n* [News](https://s.org/n)\n* [Tutorials](https://s.org/t)\n* [Deals](https://s.org/d)\n\n# A bootkit bypasses Secure Boot\n\nBy Jane Doe\n\nA new bootkit can bypass Secure Boot on fully patched systems, researchers said on Wednesday in a report.\n\nThe malware is sold on hacking forums for five thousand dollars.\n\n## Related Articles:\n\n[Another story about malware](https://s.org/a)\n\n[Yet another story about ransomware](https://s.org/b)\n\n* [Sign in](https://s.org/login)\n";
        let b = blocks(md);
        let keep = choose(&b, md, &Lexicon::builtin());
        let kept: Vec<Block> = b
            .into_iter()
            .zip(keep)
            .filter(|x| x.1)
            .map(|x| x.0)
            .collect();
        assert_eq!(
            render(&kept, Output::Text),
            "A bootkit bypasses Secure Boot\n\nBy Jane Doe\n\nA new bootkit can bypass Secure Boot on fully patched systems, researchers said on Wednesday in a report.\n\nThe malware is sold on hacking forums for five thousand dollars.\n"
        );
    }
}
