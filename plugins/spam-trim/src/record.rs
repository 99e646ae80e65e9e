//! Records that are not prose — JSON, CSV, source code, binary — are left as they are:
//! cleaning them as text would delete their lines and change their punctuation. And
//! pages that hold no article: what extraction leaves of them is a few short lines.

/// What kind of non-prose record this is, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotProse {
    Json,
    Csv,
    SourceCode,
    Binary,
}

impl NotProse {
    /// The reason written to metadata.
    pub fn reason(self) -> &'static str {
        match self {
            NotProse::Json => "JSON record: not prose, left unchanged",
            NotProse::Csv => "CSV/TSV table: not prose, left unchanged",
            NotProse::SourceCode => "source code: not prose, left unchanged",
            NotProse::Binary => "binary data: not prose, left unchanged",
        }
    }

    /// The media type of the record, when it says more than the input's.
    pub fn media_type(self) -> Option<&'static str> {
        match self {
            NotProse::Json => Some("application/json"),
            NotProse::Csv => Some("text/csv"),
            NotProse::SourceCode | NotProse::Binary => None,
        }
    }
}

const CODE_EXTENSIONS: &[&str] = &[
    "rs", "py", "js", "mjs", "ts", "tsx", "jsx", "c", "h", "cc", "cpp", "hpp", "go", "java", "kt",
    "rb", "php", "sh", "bash", "pl", "lua", "swift", "scala", "cs", "css", "scss", "sql", "toml",
    "yaml", "yml", "ini", "cfg", "mk", "cmake", "gradle", "r", "jl", "hs", "ex", "erl", "clj",
];

fn extension(key: &str) -> String {
    let base = key.rsplit('/').next().unwrap_or(key);
    match base.rsplit_once('.') {
        Some((_, e)) => e.to_ascii_lowercase(),
        None => String::new(),
    }
}

/// Bytes that are binary: a NUL, or many control characters, in the first 8 KiB.
pub fn binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    head.contains(&0)
        || head
            .iter()
            .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C | 0x1B))
            .count()
            * 10
            > head.len().max(1)
}

fn json(text: &str) -> bool {
    let t = text.trim();
    if !(t.starts_with('{') || t.starts_with('[')) {
        return false;
    }
    if serde_json::from_str::<serde_json::value::Value>(t).is_ok() {
        return true;
    }
    // JSON Lines: every line (of the first hundred) one JSON value.
    let lines: Vec<&str> = t
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(100)
        .collect();
    lines.len() >= 2
        && lines
            .iter()
            .all(|l| serde_json::from_str::<serde_json::value::Value>(l).is_ok())
}

/// Fields of a CSV line, or `None` inside an unclosed quote.
fn separators(line: &str, sep: char) -> usize {
    let mut quoted = false;
    let mut n = 0;
    for c in line.chars() {
        if c == '"' {
            quoted = !quoted;
        } else if c == sep && !quoted {
            n += 1;
        }
    }
    n
}

fn csv(text: &str) -> bool {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(50)
        .collect();
    if lines.len() < 3 {
        return false;
    }
    [',', '\t', ';'].iter().any(|&sep| {
        let first = separators(lines[0], sep);
        let same = lines.iter().all(|l| separators(l, sep) == first);
        let short = lines.iter().map(|l| l.len()).sum::<usize>() / lines.len() < 200;
        same && (first >= 2 || (first == 1 && lines.len() >= 5 && short))
    })
}

fn source_code(text: &str) -> bool {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(200)
        .collect();
    if lines.first().is_some_and(|l| l.starts_with("#!/")) {
        return true;
    }
    if lines.len() < 5 {
        return false;
    }
    let code = lines
        .iter()
        .filter(|l| {
            l.ends_with([';', '{', '}', ')'])
                || l.starts_with("#include")
                || l.starts_with("import ")
                || l.starts_with("from ")
                || l.starts_with("def ")
                || l.starts_with("fn ")
                || l.starts_with("pub ")
                || l.starts_with("package ")
                || l.starts_with("function ")
                || l.starts_with("//")
                || l.starts_with("return ")
        })
        .count();
    let han = text
        .chars()
        .take(4000)
        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    code * 10 >= lines.len() * 6 && !han
}

/// Whether `text` (of `media_type`, stored under `key`) is a non-prose record.
pub fn classify(text: &str, media_type: &str, key: Option<&str>) -> Option<NotProse> {
    if json(text) {
        return Some(NotProse::Json);
    }
    if media_type.contains("html") || media_type.contains("markdown") {
        return None;
    }
    let ext = key.map(extension).unwrap_or_default();
    if matches!(ext.as_str(), "csv" | "tsv") || media_type == "text/csv" {
        return Some(NotProse::Csv);
    }
    if CODE_EXTENSIONS.contains(&ext.as_str()) {
        return Some(NotProse::SourceCode);
    }
    if matches!(ext.as_str(), "json" | "jsonl" | "ndjson" | "geojson") {
        return Some(NotProse::Json);
    }
    if csv(text) {
        return Some(NotProse::Csv);
    }
    if source_code(text) {
        return Some(NotProse::SourceCode);
    }
    None
}

/// Most lines a page without an article leaves (a title, a byline, menu entries, buttons);
/// more lines than this are kept whatever they are (a changelog, a digest of titles).
pub const ARTICLE_LESS_MAX_LINES: usize = 20;

/// Whether a line reads as a sentence: twelve words or more, or six or more ending as a
/// sentence ends. A CJK character counts as three quarters of a word (eight of them end
/// as a sentence: `第一段新闻内容，记者报道。`). A line without CJK whose words, eight or
/// more starting with a letter, nearly all start with a capital ([`NAMES_MAX_LOWER`])
/// is a run of names — an address, a title in title case, a copyright line — not a
/// sentence (`Via Giosuè Carducci, 21 - Pomigliano d'Arco (Italy) Paseo Montjuic, número
/// 30 - Barcelona (Spain)`). Words in capitals only count as neither. A closing quote
/// ends a sentence in any language's marks (`”`, German `“`, French `»`, Danish `«`).
pub fn sentence_like(line: &str) -> bool {
    let (mut words, mut cjk, mut in_word) = (0usize, 0usize, false);
    // Words starting with a capital (with a small letter after it) or a small letter:
    // the word's first character, and whether it holds a small letter.
    let (mut capital, mut lower) = (0usize, 0usize);
    let mut word: Option<(char, bool)> = None;
    let mut end_word = |word: &mut Option<(char, bool)>| match word.take() {
        Some((first, _)) if first.is_lowercase() => lower += 1,
        Some((first, true)) if first.is_uppercase() => capital += 1,
        _ => {}
    };
    for c in line.chars() {
        if crate::block::is_cjk(c) {
            cjk += usize::from(c.is_alphanumeric());
            in_word = false;
            end_word(&mut word);
        } else if c.is_alphanumeric() {
            words += usize::from(!in_word);
            in_word = true;
            let (_, small) = word.get_or_insert((c, false));
            *small |= c.is_lowercase();
        } else {
            in_word = in_word && matches!(c, '\'' | '’' | '-' | '_');
            if !in_word {
                end_word(&mut word);
            }
        }
    }
    end_word(&mut word);
    if cjk == 0 && capital + lower >= 8 && lower * 100 <= (capital + lower) * NAMES_MAX_LOWER {
        return false;
    }
    // In quarter words.
    let words = words * 4 + cjk * 3;
    let ends = line.trim_end().ends_with([
        '.', '!', '?', '。', '！', '？', '…', ':', '：', ';', '；', '"', '”', '“', '»', '«', ')',
        '）', '」',
    ]);
    words >= 48 || (words >= 24 && ends)
}

/// Most share, in percent, of a line's words starting with a letter that start with a
/// lower-case one, for the line to be a run of names ([`sentence_like`]); a sentence of
/// English, German or French has far more (`to`, `der`, `les`, verbs).
pub const NAMES_MAX_LOWER: usize = 25;

/// Han characters a line of prose holds at least ([`prose_sentence`]).
pub const PROSE_MIN_HAN: usize = 15;

/// Whether a line is a sentence of Chinese prose: at least [`PROSE_MIN_HAN`] Han
/// characters (link targets left out) and a comma or a full stop (`，` `。`) — not a
/// menu entry, a button or a headline (`…最新防范攻略！CACTER三步补齐原生防护短板`).
pub fn prose_sentence(line: &str) -> bool {
    let line = without_link_targets(line);
    let han = line
        .chars()
        .filter(|c| matches!(*c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F))
        .count();
    han >= PROSE_MIN_HAN && line.contains(['，', '。'])
}

/// The number of lines of a page's extracted `text` when they are only a few short lines
/// and none is a sentence (a title, a byline, menu entries, interface text): the page
/// holds no article. `None` when some line is a sentence, when there are more than
/// [`ARTICLE_LESS_MAX_LINES`] lines, or when there is no text.
/// Text written as Markdown (`output=markdown`) is judged by what it shows: link targets
/// are not words.
pub fn article_less(text: &str) -> Option<usize> {
    article_less_titled(text, None)
}

/// [`article_less`] for a page whose title is `title`: a line that says the title, alone
/// or as a title bar with the site's name ([`title_bar`]), is one of the short lines,
/// however long it is.
pub fn article_less_titled(text: &str, title: Option<&str>) -> Option<usize> {
    let title = title.map(str::trim).filter(|t| !t.is_empty());
    let mut n = 0;
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        n += 1;
        if n > ARTICLE_LESS_MAX_LINES
            || (!title.is_some_and(|t| title_bar(line, t))
                && sentence_like(&without_link_targets(line)))
        {
            return None;
        }
    }
    (n > 0).then_some(n)
}

/// Least words (a CJK character three quarters of one) of a line that says what a page
/// is ([`holds_description`]).
pub const DESCRIPTION_MIN_WORDS: f64 = 6.0;

/// Whether a line of `text` other than its `title` has [`DESCRIPTION_MIN_WORDS`] words or
/// more: a repository's description (`Reaping treasures from strings in remote
/// processes memory`), not a menu's entries (`Worldwide (English)`, `Blogs Academy, Blog,
/// Decoded, Forum`).
pub fn holds_description(text: &str, title: Option<&str>) -> bool {
    let title = title.map(str::trim).filter(|t| !t.is_empty());
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !title.is_some_and(|t| title_bar(l, t)))
        .any(|l| {
            let words = l
                .split(|c: char| !c.is_alphanumeric() || crate::block::is_cjk(c))
                .filter(|w| !w.is_empty())
                .count() as f64;
            let cjk = l
                .chars()
                .filter(|&c| crate::block::is_cjk(c) && c.is_alphanumeric())
                .count() as f64;
            words + cjk * 0.75 >= DESCRIPTION_MIN_WORDS
        })
}

/// Whether a page's `text` is nothing but its `title` (said once or more, alone or as a
/// title bar): the lines it has in number, else `None`.
pub fn only_title(text: &str, title: Option<&str>) -> Option<usize> {
    let title = title.map(str::trim).filter(|t| !t.is_empty())?;
    let mut n = 0;
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if !title_bar(line, title) {
            return None;
        }
        n += 1;
    }
    (n > 0).then_some(n)
}

/// Most characters of an account's name ([`wechat_account`]).
pub const ACCOUNT_MAX_CHARS: usize = 30;

/// The account's name as a WeChat page says it: the line over the page's
/// `向上滑动看下一个` (its images and blank lines passed over) and under the account's
/// avatar (an image), a short name without a sentence's punctuation, not a heading, link
/// or image (`看雪学苑`, which the feed calls `看雪学院`). `None` on other pages.
pub fn wechat_account(text: &str) -> Option<&str> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let at = lines.iter().position(|l| *l == "向上滑动看下一个")?;
    let image = |l: &&str| l.starts_with("![") || l.starts_with("[![");
    let name_at = (0..at)
        .rev()
        .find(|&k| !lines[k].is_empty() && !image(&lines[k]))?;
    let name = &lines[name_at];
    let avatar = lines[..name_at].iter().rev().find(|l| !l.is_empty());
    if !avatar.is_some_and(image) {
        return None;
    }
    (name.chars().count() <= ACCOUNT_MAX_CHARS
        && !name.starts_with(['#', '[', '!', '*', '>', '`', '|', '-'])
        && !name.contains([
            '，', '。', '！', '？', '；', '：', ',', '.', '!', '?', ';', ':', '(', '（', '[',
        ]))
    .then_some(*name)
}

/// `text` without its last non-blank line when that line is `line` (trimmed), and the
/// line that went; `None` otherwise.
pub fn without_last_line(text: &str, line: &str) -> Option<(String, String)> {
    let body = text.trim_end();
    let start = body.rfind('\n').map_or(0, |i| i + 1);
    let last = body[start..].trim();
    (!line.is_empty() && last == line).then(|| {
        let kept = format!("{}\n", body[..start].trim_end());
        (kept, last.to_string())
    })
}

/// Non-blank lines at a text's start where its masthead may stand ([`masthead`]).
pub const MASTHEAD_LINES: usize = 6;
/// Most characters of an author's name line above the masthead.
pub const AUTHOR_MAX_CHARS: usize = 20;

/// `text` without its masthead: among its first [`MASTHEAD_LINES`] non-blank lines, a
/// line that says the record's `source` (the WeChat account or feed the page came
/// from, which the metadata holds) and, right above it, a short line without a
/// sentence's punctuation that is not the title — the author's name (`吴月辉` /
/// `中国信息安全`, `luochicun` / `嘶吼专业版`) —, and the source said again right under it
/// (an author named as the account: `火绒安全` / `火绒安全`, whose name is then the
/// author's). Returns the text, the author's name if one went, and the lines that went
/// (`None`: nothing to remove).
pub fn masthead(
    text: &str,
    title: Option<&str>,
    source: Option<&str>,
) -> Option<(String, Option<String>, Vec<String>)> {
    let source = source.map(str::trim).filter(|s| !s.is_empty())?;
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let firsts: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].trim().is_empty())
        .take(MASTHEAD_LINES)
        .collect();
    let at = firsts
        .iter()
        .position(|&i| lines[i].trim() == source && title.is_none_or(|t| t.trim() != source))?;
    let mut gone = vec![firsts[at]];
    let mut author = None;
    // The author's name under it that is the account's own (`火绒安全` / `火绒安全`): both go.
    if let Some(&twice) = firsts.get(at + 1).filter(|&&j| lines[j].trim() == source) {
        gone.push(twice);
        author = Some(source.to_string());
    }
    if at >= 2 {
        let before = lines[firsts[at - 1]].trim();
        let name = before.chars().count() <= AUTHOR_MAX_CHARS
            && !before.contains([
                '，', '。', '！', '？', '；', '：', ',', '.', '!', '?', ';', ':', '【', '|',
            ])
            && title.is_none_or(|t| !title_bar(before, t.trim()));
        if name {
            gone.push(firsts[at - 1]);
            author = Some(before.to_string());
        }
    }
    let out: String = lines
        .iter()
        .enumerate()
        .filter(|(i, _)| !gone.contains(i))
        .map(|(_, l)| *l)
        .collect();
    gone.sort_unstable();
    let removed = gone.iter().map(|&i| lines[i].trim().to_string()).collect();
    Some((crate::corpus::tidy_blank_lines(&out), author, removed))
}

/// `text` without the sentence its page was cut short in: when the page's `source` ends
/// with `...` (a crawler that kept a page's first kilobytes marks the cut so: `…to use
/// it for complian...`) and so does `text`'s last line — or the cut fell inside a link's
/// address and the last line ends with the link's text ([`cut_in_link`]) —, that line
/// ends at its last full sentence (`。`, `！`, `？`, or `.`, `!`, `?` before a space), or
/// goes when it holds none (`3.1 居安...`, `Press ent...`). A link that is a sentence of
/// its own is whole, and so is a list's item or a table's row cut in a link's address
/// that holds no sentence it did not end (in text that shows the links' text, not their
/// Markdown). A last line of `code` cut short goes whole,
/// but for a long one ([`CUT_CODE_MAX_CHARS`]). Returns the text and what went; `None`
/// when the source was not cut so.
pub fn cut_short_end(text: &str, source: &str, code: bool) -> Option<(String, String)> {
    const CUT: &str = "...";
    if !source.trim_end().ends_with(CUT) {
        return None;
    }
    let body = text.trim_end();
    let start = body.rfind('\n').map_or(0, |i| i + 1);
    let last = &body[start..];
    // A long line of code cut short (a program a converter wrote on one line) stays.
    if code && last.chars().count() > CUT_CODE_MAX_CHARS {
        return None;
    }
    // Where the cut stands in `last`: before its `...`, or at its end when the page was
    // cut inside a link's address and the text shows the link's text (`In agreeing to
    // the [settlement](https://www.justi...`). (A text that shows the link's Markdown,
    // `[Topic Page](ht...`, is cut as any line that ends with `...`.)
    let link = if code || last.ends_with(CUT) {
        None
    } else {
        cut_in_link(source).filter(|l| last.ends_with(l.shown))
    };
    if link.is_some_and(|l| !l.phrase) {
        return None;
    }
    let whole_item = link.is_some_and(|l| l.item);
    let cut = if last.ends_with(CUT) {
        CUT.len()
    } else if link.is_some() {
        0
    } else {
        return None;
    };
    // A stop right before the link's text ends the sentence before it (`…by
    // 2010.[Source](https://…...`).
    let glued = match link {
        Some(l) if cut == 0 => last.len() - l.shown.len(),
        _ => usize::MAX,
    };
    let chars: Vec<(usize, char)> = last.char_indices().collect();
    let closes = |c: char| matches!(c, '”' | '’' | '」' | '』' | '"' | '\'' | ')' | '）');
    let mut end = None;
    // A line of code cut short has no sentences: it goes whole.
    for (k, &(at, c)) in chars.iter().enumerate().filter(|_| !code) {
        let next = chars.get(k + 1).map(|&(_, n)| n);
        let spaced = next.is_some_and(|n| n.is_whitespace() || closes(n)) || at + 1 == glued;
        let full = match c {
            '。' | '！' | '？' => true,
            '.' => spaced && !abbreviation_stop(&last[..at]),
            '!' | '?' => spaced,
            _ => false,
        };
        // A stop right before the cut (`已修复。...`) ends the line's last sentence.
        if !full || at + c.len_utf8() > last.len() - cut {
            continue;
        }
        // A closing quote or bracket right after the stop belongs to the sentence.
        let mut stop = at + c.len_utf8();
        while let Some(q) = last[stop..].chars().next().filter(|q| closes(*q)) {
            stop += q.len_utf8();
        }
        end = Some(stop);
    }
    if whole_item && end.is_none() {
        return None;
    }
    // A paragraph of short lines without stops (a video's transcript, verse, one line a
    // subtitle) that text output joined: the line cut short goes, not every line after
    // the last stop (a transcript of 300 lines went for its first line's `？`).
    if link.is_none() && !code {
        if let Some(at) = last_short_line(last, source).filter(|&at| at > end.unwrap_or(0)) {
            end = Some(at);
        }
    }
    let kept = match end {
        Some(stop) => format!("{}{}", &body[..start], &last[..stop]),
        None => body[..start].trim_end().to_string(),
    };
    let gone = last[end.unwrap_or(0)..].trim().to_string();
    Some((format!("{kept}\n"), gone))
}

/// Least weight of a heading that a cut leaves last for it to be a deck that says
/// something itself (`Google Chrome 139 addressed a high-severity V8 flaw, tracked as
/// CVE-2025-9132, found by Big Sleep AI`), not a section's title
/// ([`without_last_headings`]).
const LAST_HEADING_DECK_WEIGHT: usize = 60;

/// `text` without the headings that end it (lines of `headings` but the `title`, those
/// that end a sentence and decks, [`LAST_HEADING_DECK_WEIGHT`]): a
/// page cut short in the first paragraph of a section (`Mitigation` over `Leverage
/// libraries like DOMPurify to sani...`) loses the paragraph ([`cut_short_end`]), and
/// its heading, heading nothing, goes with it.
pub fn without_last_headings(text: &str, headings: &[String], title: Option<&str>) -> String {
    let mut body = text.trim_end();
    while let Some(at) = body.rfind('\n') {
        // (Markdown output writes the heading's marks.)
        let last = body[at + 1..].trim().trim_start_matches('#').trim_start();
        // (A heading that is a sentence, a deck under the title, says something itself.)
        let titled = title.is_some_and(|t| t.trim() == last);
        let deck = crate::lines::ends_sentence(last)
            || crate::block::weight(last) >= LAST_HEADING_DECK_WEIGHT;
        if titled || deck || !headings.iter().any(|h| h == last) {
            break;
        }
        body = body[..at].trim_end();
    }
    match body.len() == text.trim_end().len() {
        true => text.to_string(),
        false => format!("{body}\n"),
    }
}

/// Least lines after a paragraph's last stop for [`last_short_line`] (a sentence wrapped
/// at a narrow width runs over fewer).
const CUT_SHORT_LINES_MIN: usize = 8;

/// Most characters of each of them.
const CUT_SHORT_LINE_MAX_CHARS: usize = 40;

/// Where the `source`'s last line starts in `last` (a text's last line, the source's last
/// paragraph joined) when that paragraph ends in [`CUT_SHORT_LINES_MIN`] or more lines of
/// at most [`CUT_SHORT_LINE_MAX_CHARS`] characters after its last line that holds a stop
/// ([`has_stop`]): a paragraph of short lines, each whole but the last. Prose wrapped at
/// a width has stops inside its lines, or longer lines.
fn last_short_line(last: &str, source: &str) -> Option<usize> {
    let lines: Vec<&str> = source
        .trim_end()
        .rsplit('\n')
        .map(str::trim)
        .take_while(|l| !l.is_empty())
        .take_while(|l| !has_stop(l.trim_end_matches("...")))
        .collect();
    let short = lines.len() >= CUT_SHORT_LINES_MIN
        && lines
            .iter()
            .all(|l| l.chars().count() <= CUT_SHORT_LINE_MAX_CHARS);
    let stem = lines.first()?.trim_end_matches("...").trim();
    if !short || stem.is_empty() {
        return None;
    }
    let at = last.trim_end_matches("...").rfind(stem)?;
    Some(last[..at].trim_end().len())
}

/// Whether a line holds a sentence's stop: `。`, `！`, `？` anywhere, `.`, `!`, `?` at its
/// end or before a space.
fn has_stop(line: &str) -> bool {
    let t = line.trim_end();
    t.contains(['。', '！', '？'])
        || t.ends_with(['.', '!', '?'])
        || [". ", "! ", "? "].iter().any(|s| t.contains(s))
}

/// The link a page cut short was cut in ([`cut_in_link`]).
#[derive(Debug, Clone, Copy)]
struct CutLink<'a> {
    /// The link's text.
    shown: &'a str,
    /// The link's block is a list's item or a table's row.
    item: bool,
    /// The link's text is a phrase inside a sentence that went on after it, not a
    /// sentence of its own (`[《…》已发布，建议先读完后继续阅读本书](…`).
    phrase: bool,
}

/// The link a page cut short was cut in: its last line ends with `...` inside a link's
/// address (`[settlement](https://www.justice.gov/usao-edca/...`; not an image's), with
/// whether that line's block (its first line: an item's text may wrap) is a table's row
/// or a list's item, which may be whole but for the address (`… by [@x](…) in
/// [#388](https://…...`).
fn cut_in_link(source: &str) -> Option<CutLink<'_>> {
    let source = source.trim_end();
    let line = source.rsplit('\n').next()?;
    let at = line.rfind("](")?;
    if line[at..].contains(')') || line[at..].contains(char::is_whitespace) {
        return None;
    }
    let open = line[..at].rfind('[')?;
    if line[..open].ends_with('!') {
        return None;
    }
    let shown = line[open + 1..at].trim();
    if shown.is_empty() || shown.contains(['[', ']']) {
        return None;
    }
    // The block's first line: after the last blank line.
    let first = source
        .rsplit('\n')
        .take_while(|l| !l.trim().is_empty())
        .last()
        .unwrap_or(line)
        .trim_start();
    let item = crate::corpus::item_or_row(first);
    let phrase = shown.chars().count() <= CUT_LINK_MAX_CHARS
        && !shown.contains([',', '，', '。', '；', ';', '!', '?', '！', '？']);
    Some(CutLink {
        shown,
        item,
        phrase,
    })
}

/// Most characters of a line of code cut short that [`cut_short_end`] removes.
const CUT_CODE_MAX_CHARS: usize = 80;

/// Most characters of a link's text for [`cut_in_link`] to take it for a phrase inside a
/// sentence.
const CUT_LINK_MAX_CHARS: usize = 60;

/// Whether a `.` after `before` is no sentence's end: a list's number at the line's start
/// (`7. 深...`), an abbreviation of single letters (`the U.S. government`, `e.g. this`),
/// a title or a firm's (`Mr. Smith`, `Inc. said`). A figure's or an address's stop ends
/// a sentence (`tracked as CVE-2024-3400. Palo Alto…`, `…at example.com. Then`).
fn abbreviation_stop(before: &str) -> bool {
    let word = before.rsplit(' ').next().unwrap_or("");
    let list_number = before.len() == word.len() && word.chars().all(|c| c.is_ascii_digit());
    list_number
        || word.split('.').all(|p| p.chars().count() <= 1)
        || [
            "Mr", "Mrs", "Ms", "Dr", "St", "vs", "Inc", "Ltd", "Co", "No",
        ]
        .contains(&word)
}

/// The reason a teaser copy is dropped with ([`teaser_only`]).
pub const TEASER_ONLY_REASON: &str =
    "no article text: a title and an excerpt cut short (a teaser copy)";

/// Whether a page's extracted `text` is a teaser copy: nothing but the line that says the
/// record's `title` (alone or as a title bar), perhaps a date line, and one line cut
/// short — ending in `...` or `…` — as aggregators and truncated fetches keep the start
/// of an article (`Microsoft warns of an uptick a...`). A page with a second paragraph,
/// a teaser that ends as a sentence ends (Chinese writes its ellipsis `……`: `评论区真是让人
/// 大开眼界……` over screenshots), or no title is not one.
pub fn teaser_only(text: &str, title: Option<&str>) -> bool {
    let Some(title) = title.map(str::trim).filter(|t| !t.is_empty()) else {
        return false;
    };
    let (mut titles, mut dates, mut teasers) = (0, 0, 0);
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if title_bar(line, title) {
            titles += 1;
        } else if date_line(line) {
            dates += 1;
        } else if (line.ends_with("...") || line.ends_with('…')) && !line.ends_with("……") {
            teasers += 1;
        } else {
            return false;
        }
    }
    titles == 1 && dates <= 1 && teasers == 1
}

/// Whether `s` holds a year: a run of four digits, 19xx or 20xx.
pub(crate) fn holds_year(s: &str) -> bool {
    s.split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4 && (d.starts_with("19") || d.starts_with("20")))
}

/// Whether `line` is a date and nothing more: a year (19xx or 20xx), at most 40
/// characters, at most four words of letters (a month, a weekday), no sentence's end
/// (`November 05, 2022`, `2023-03-06`, `2023年3月6日`).
fn date_line(line: &str) -> bool {
    let year = holds_year(line);
    let words = line
        .split(|c: char| !c.is_alphabetic() || crate::block::is_cjk(c))
        .filter(|w| !w.is_empty())
        .count();
    year && line.chars().count() <= 40
        && words <= 4
        && !line.contains(['.', '!', '?', '。', '！', '？'])
}

/// Letters and digits a title bar adds to the title at most (the site's name).
pub const TITLE_BAR_MAX_CHARS: usize = 40;

/// Whether `line` says the record's `title`, alone or as a title bar: the title, a
/// separator (`-`, `|`, `_`, `–`, `—`) and at most [`TITLE_BAR_MAX_CHARS`] letters and
/// digits of a site's name, without a sentence's punctuation (`标题 - 嘶吼 RoarTalk – 网络安全行业综合服务平台,4hou.com`);
/// or the title without the note in brackets it ends with (a diary's `, (Wed, Dec
/// 21st)`, at most [`TITLE_BAR_MAX_CHARS`] characters).
pub(crate) fn title_bar(line: &str, title: &str) -> bool {
    let Some(rest) = line.strip_prefix(title) else {
        return title.strip_prefix(line).is_some_and(|note| {
            let note = note.trim_start_matches([',', ' ']);
            !line.trim().is_empty()
                && note.starts_with('(')
                && note.ends_with(')')
                && note.chars().count() <= TITLE_BAR_MAX_CHARS
        });
    };
    let rest = rest.trim_start();
    rest.is_empty()
        || (rest.starts_with(['-', '|', '_', '–', '—'])
            && !rest.contains(['，', '。', '！', '？', '；'])
            && rest.chars().filter(|c| c.is_alphanumeric()).count() <= TITLE_BAR_MAX_CHARS)
}

/// A line without the `(target)` of its Markdown links and images.
fn without_link_targets(line: &str) -> std::borrow::Cow<'_, str> {
    if !line.contains("](") {
        return std::borrow::Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(i) = rest.find("](") {
        out.push_str(&rest[..=i]);
        rest = rest[i + 2..]
            .find(')')
            .map_or("", |j| &rest[i + 2 + j + 1..]);
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// The reason a page without an article is dropped, for its `n` short lines.
pub fn article_less_reason(n: usize) -> String {
    if n == 1 {
        "no article text: 1 short line, not a sentence (title, menus or interface)".to_string()
    } else {
        format!("no article text: {n} short lines, none a sentence (title, menus or interface)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wechat_pages_account_is_the_name_on_its_closing_card() {
        let page = "正文。\n\n![](http://mmbiz.qpic.cn/a.png)\n\n看雪学苑\n\n![](http://mmbiz.qpic.cn/b.gif)\n\n向上滑动看下一个\n";
        assert_eq!(wechat_account(page), Some("看雪学苑"));
        // No such line, no avatar over the name (an article's last line), or a sentence, a
        // heading or a long line over it.
        for no in [
            "正文。\n\n看雪学苑\n",
            "正文。\n\n厂商已于上月发布补丁 建议用户尽快升级\n\n向上滑动看下一个\n",
            "正文。\n\n![](a.png)\n\n欢迎关注，谢谢。\n\n向上滑动看下一个\n",
            "正文。\n\n![](a.png)\n\n## 看雪学苑\n\n向上滑动看下一个\n",
            "正文。\n\n![](a.png)\n\n这是一个非常非常非常非常非常非常非常非常非常非常非常非常长的名字啊\n\n向上滑动看下一个\n",
        ] {
            assert_eq!(wechat_account(no), None, "{no}");
        }
    }

    #[test]
    fn only_a_last_line_that_is_the_name_goes() {
        assert_eq!(
            without_last_line("正文。\n\n看雪学苑\n\n", "看雪学苑"),
            Some(("正文。\n".to_string(), "看雪学苑".to_string()))
        );
        assert_eq!(without_last_line("看雪学苑\n\n正文。\n", "看雪学苑"), None);
        assert_eq!(
            without_last_line("正文。\n看雪学苑的文章\n", "看雪学苑"),
            None
        );
        assert_eq!(without_last_line("正文。\n", ""), None);
    }

    #[test]
    fn the_masthead_goes_and_the_article_stays() {
        let text = "观点 | 推动人工智能良性健康发展\n\n吴月辉\n\n中国信息安全\n\n邮发代号 2-786\n\n人工智能是新一轮科技革命的重要驱动力量。\n";
        let (out, author, gone) = masthead(
            text,
            Some("观点 | 推动人工智能良性健康发展"),
            Some("中国信息安全"),
        )
        .unwrap();
        assert_eq!(
            (out.as_str(), author.as_deref(), gone),
            (
                "观点 | 推动人工智能良性健康发展\n\n邮发代号 2-786\n\n人工智能是新一轮科技革命的重要驱动力量。\n",
                Some("吴月辉"),
                vec!["吴月辉".to_string(), "中国信息安全".to_string()]
            )
        );
        // Right under the title, the account alone goes; the title stays.
        let text = "ITDR：新利器\n\n安全牛\n\n随着数字身份数量激增。\n";
        let (out, author, _) = masthead(text, Some("ITDR：新利器"), Some("安全牛")).unwrap();
        assert_eq!(
            (out.as_str(), author),
            ("ITDR：新利器\n\n随着数字身份数量激增。\n", None)
        );
        // The account said twice, as the author's name and as the account's.
        let (out, author, gone) = masthead(
            "【火绒安全周报】哈雷疑似发生数据泄露事件\n\n火绒安全\n\n火绒安全\n\n01\n\n近日，美国摩托车制造商疑似发生数据泄露。\n",
            Some("【火绒安全周报】哈雷疑似发生数据泄露事件"),
            Some("火绒安全"),
        )
        .unwrap();
        assert_eq!(
            (out.as_str(), author.as_deref(), gone.len()),
            (
                "【火绒安全周报】哈雷疑似发生数据泄露事件\n\n01\n\n近日，美国摩托车制造商疑似发生数据泄露。\n",
                Some("火绒安全"),
                2
            )
        );
        // Said twice under the author's name: the three go, the author is the name.
        let (out, author, gone) = masthead(
            "伪装成ToDesk安装程序加载后门盗取数字货币\n\npandazhengzheng\n\n安全分析与研究\n\n安全分析与研究\n\n前言概述\n",
            Some("伪装成ToDesk安装程序加载后门盗取数字货币"),
            Some("安全分析与研究"),
        )
        .unwrap();
        assert_eq!(
            (out.as_str(), author.as_deref(), gone.len()),
            (
                "伪装成ToDesk安装程序加载后门盗取数字货币\n\n前言概述\n",
                Some("pandazhengzheng"),
                3
            )
        );
        // The source said later, or inside a sentence, stays.
        let late = "标题\n\n一\n\n二\n\n三\n\n四\n\n五\n\n安全牛\n";
        assert_eq!(masthead(late, Some("标题"), Some("安全牛")), None);
        assert_eq!(
            masthead("标题\n\n安全牛报道了此事。\n", Some("标题"), Some("安全牛")),
            None
        );
    }

    #[test]
    fn headings_a_cut_leaves_last_go() {
        let h = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let headings = h(&["Stored XSS", "Impact", "Mitigation", "Usage"]);
        let title = Some("Stored XSS");
        assert_eq!(
            without_last_headings(
                "Stored XSS\n\nIt runs.\n\nImpact\n\nMitigation\n",
                &headings,
                title
            ),
            "Stored XSS\n\nIt runs.\n"
        );
        // Not the title, a line that is no heading, a deck, a heading ending a sentence.
        for kept in [
            "Stored XSS\n",
            "Stored XSS\n\nUsage\n\nIt runs\n",
            "Stored XSS\n\nGoogle Chrome 139 addressed a high-severity V8 flaw, tracked as CVE-2025-9132, found by Big Sleep AI\n",
            "Stored XSS\n\nThe attack works.\n",
        ] {
            let mut all = headings.clone();
            all.extend(h(&["Google Chrome 139 addressed a high-severity V8 flaw, tracked as CVE-2025-9132, found by Big Sleep AI", "The attack works."]));
            assert_eq!(without_last_headings(kept, &all, title), kept, "{kept}");
        }
    }

    #[test]
    fn a_page_cut_short_ends_at_its_last_full_sentence() {
        let source =
            "# T\n\nCopyrights can last a century. All of these make it risky to shar...\n";
        for (text, kept, gone) in [
            (
                "T\n\nCopyrights can last a century or more. All of these make it risky and expensive to shar...\n",
                "T\n\nCopyrights can last a century or more.\n",
                "All of these make it risky and expensive to shar...",
            ),
            (
                "标题\n\n该漏洞影响多个版本。“我们已经修复。”该公司表示，用户应尽...\n",
                "标题\n\n该漏洞影响多个版本。“我们已经修复。”\n",
                "该公司表示，用户应尽...",
            ),
            ("T\n\nFirst paragraph.\n\n3.1 居安...\n", "T\n\nFirst paragraph.\n", "3.1 居安..."),
            ("T\n\nWhat the...\n", "T\n", "What the..."),
            ("T\n\n6. 浅\n7. 深...\n", "T\n\n6. 浅\n", "7. 深..."),
            (
                "T\n\nIt was fined. Prior to this, the U.S. government sanctioned the firm and its ow...\n",
                "T\n\nIt was fined.\n",
                "Prior to this, the U.S. government sanctioned the firm and its ow...",
            ),
            (
                "T\n\nThe flaw is tracked as CVE-2024-3400. Palo Alto said the iss...\n",
                "T\n\nThe flaw is tracked as CVE-2024-3400.\n",
                "Palo Alto said the iss...",
            ),
            ("T\n\n该漏洞已修复。...\n", "T\n\n该漏洞已修复。\n", "..."),
        ] {
            assert_eq!(
                cut_short_end(text, source, false),
                Some((kept.to_string(), gone.to_string())),
                "{text}"
            );
        }
        let cut = "The firm paid $11M. In agreeing to the [settlement](https://www.justice.gov/usao-edca/...\n";
        let code = "```\nint i=0; x. y\nc...\n";
        let long = format!("T\n\n{}...\n", "x = f(y); ".repeat(10));
        // (text, source, whether code, what is kept and what goes; `None`: left as is)
        type Case<'a> = (&'a str, &'a str, bool, Option<(&'a str, &'a str)>);
        let cases: [Case; 21] = [
            // A source that was not cut short, a text whose last line is whole, and an
            // ellipsis that ends a sentence in the middle of the line.
            ("T\n\nTo be continued...\n", "To be continued...\n\n© 2024 Site", false, None),
            ("T\n\nA whole line.\n", source, false, None),
            // Cut inside a link's address: the link's text is the line's end.
            (
                "T\n\nThe firm paid $11M. In agreeing to the settlement\n",
                cut,
                false,
                Some(("T\n\nThe firm paid $11M.\n", "In agreeing to the settlement")),
            ),
            // A linked sentence of its own is whole; so is a link closed before the cut,
            // and a text whose last line is another.
            (
                "T\n\nUPDATE：《方法论2.0》已发布，建议先读完后继续阅读本书\n",
                "UPDATE：[《方法论2.0》已发布，建议先读完后继续阅读本书](https://github.com/e/o...\n",
                false,
                None,
            ),
            (
                "T\n\nSee the settlement\n",
                "See the [settlement](https://example.com/a) and the rul...\n",
                false,
                None,
            ),
            ("T\n\nAnother line.\n", cut, false, None),
            // An item or a row that ends with a link cut in its address is whole, but for
            // a sentence it did not end.
            (
                "T\n\ndocs: fix DNS by @domdomegg in #388\n",
                "* docs: fix DNS by [@domdomegg](https://github.com/domdomegg) in [#388](https://github.com...\n",
                false,
                None,
            ),
            (
                "T\n\nNo bylines given. Images have been scraped\n",
                "* No bylines given. Images have been [scraped](https://example.com/a...\n",
                false,
                Some(("T\n\nNo bylines given.\n", "Images have been scraped")),
            ),
            (
                "T\n\n207.180.204.0/24 | 3291942 | 207.180.204.178\n",
                "| 207.180.204.0/24 | 3291942 | [207.180.204.178](/ipinfo.html?ip=207.180.2...\n",
                false,
                None,
            ),
            // A paragraph that opens in bold is no item.
            (
                "T\n\nIt began in April.\n\nOnly in the US, outages have risen\n",
                "It began in April.\n\n**Only in the US, outages** [have risen](https://www.example.com/a...\n",
                false,
                Some(("T\n\nIt began in April.\n", "Only in the US, outages have risen")),
            ),
            // An item whose text wraps is an item; an image's alt text is no link's; a
            // stop glued to the link's text ends the sentence before it.
            (
                "T\n\ndocs: fix DNS authentication by @x in #388\n",
                "* docs: fix DNS authentication\n  by [@x](https://github.com/x) in [#388](https://github.com...\n",
                false,
                None,
            ),
            (
                "T\n\nFigure 1: Architecture overview\n",
                "Figure 1: Architecture overview\n\n![Architecture overview](https://cdn.x.com/...\n",
                false,
                None,
            ),
            // A stop before a no-break space (`too.\u{a0} For`) ends its sentence.
            (
                "T\n\nThe tools are SAP's too.\u{a0} For example React\n",
                "The tools are SAP's too.\u{a0} For example [React](https://react...\n",
                false,
                Some(("T\n\nThe tools are SAP's too.\n", "For example React")),
            ),
            (
                "T\n\nIt grew to 500 staff by 2010.Source\n",
                "It grew to 500 staff by 2010.[Source](https://www.example.com/...\n",
                false,
                Some(("T\n\nIt grew to 500 staff by 2010.\n", "Source")),
            ),
            // A text that shows the link's Markdown is cut as a line that ends with `...`.
            (
                "T\n\nSAP for HR [Topic Page](ht...\n",
                "* SAP for HR [Topic Page](ht...\n",
                false,
                Some(("T\n", "SAP for HR [Topic Page](ht...")),
            ),
            // A line of code cut short goes whole, but for a long one; code is not cut at
            // a link.
            (
                "T\n\nint i=0; x. y\nc...\n",
                code,
                true,
                Some(("T\n\nint i=0; x. y\n", "c...")),
            ),
            (&long, code, true, None),
            // A transcript of short lines without stops, joined: the line cut short goes
            // (all after `吗？` went); prose wrapped at a width is cut at its last stop.
            (
                "T\n\n文稿\n\n可行吗？\n已知大部分软路由都是刷openwrt系统 并且openwrt是基于linux 又因为安卓也是基于linux 可知安卓就是软路由 没毛病 Hello大家好 我是不良林 闲置的安卓手机 那就可以手动为单台...\n",
                "## 文稿\n\n可行吗？\n已知大部分软路由都是刷openwrt系统\n 并且openwrt是基于linux\n又因为安卓也是基于linux\n可知安卓就是软路由\n 没毛病\nHello大家好 我是不良林\n闲置的安卓手机\n 那就可以手动为单台...\n",
                false,
                Some((
                    "T\n\n文稿\n\n可行吗？\n已知大部分软路由都是刷openwrt系统 并且openwrt是基于linux 又因为安卓也是基于linux 可知安卓就是软路由 没毛病 Hello大家好 我是不良林 闲置的安卓手机\n",
                    "那就可以手动为单台...",
                )),
            ),
            (
                "T\n\nIt met. The committee agreed that the new rules would apply to every member state from next year, while the smaller states asked for a delay of two years and wi...\n",
                "It met. The committee agreed that\nthe new rules would apply to every\nmember state from next year, while\nthe smaller states asked for a delay\nof two years and wi...\n",
                false,
                Some(("T\n\nIt met.\n", "The committee agreed that the new rules would apply to every member state from next year, while the smaller states asked for a delay of two years and wi...")),
            ),
            (
                "T\n\n攻击者首先构造恶意请求。随后服务端在解析时未校验长度，导致堆溢出，进而可以覆盖函数指针。厂商在收到报告后发布了补丁，但旧版本仍然广泛部署在内网环境中，管理员应当尽快...\n",
                "攻击者首先构造恶意请求。随后服务端在解析时\n未校验长度，导致堆溢出，进而可以覆盖函数\n指针。厂商在收到报告后发布了补丁，但旧版本\n仍然广泛部署在内网环境中，管理员应当尽快...\n",
                false,
                Some(("T\n\n攻击者首先构造恶意请求。随后服务端在解析时未校验长度，导致堆溢出，进而可以覆盖函数指针。\n", "厂商在收到报告后发布了补丁，但旧版本仍然广泛部署在内网环境中，管理员应当尽快...")),
            ),
            (
                "T\n\nIt met. The committee agreed that the new rules would apply to every member state from the start of next year, while the smaller states asked for a delay of two years and wi...\n",
                "It met. The committee agreed that the new rules would apply\nto every member state from the start of next year, while the\nsmaller states asked for a delay of two years and wi...\n",
                false,
                Some(("T\n\nIt met.\n", "The committee agreed that the new rules would apply to every member state from the start of next year, while the smaller states asked for a delay of two years and wi...")),
            ),
        ];
        for (text, source, code, expected) in cases {
            assert_eq!(
                cut_short_end(text, source, code),
                expected.map(|(k, g)| (k.to_string(), g.to_string())),
                "{text}"
            );
        }
    }

    #[test]
    fn a_title_a_date_and_an_excerpt_cut_short_are_a_teaser() {
        let title = "Zero-day are exploited on a massive scale in increasingly shorter timeframes";
        let page = format!("{title}\n\nNovember 05, 2022\n\nMicrosoft warns of an uptick a...\n");
        assert!(teaser_only(&page, Some(title)));
        let menu = "Meta to fight €390 million fine\n\n[ IT Certification Courses IT Certification Cou...\n";
        assert!(teaser_only(menu, Some("Meta to fight €390 million fine")));
        // Not a teaser: no title, two paragraphs, an excerpt that ends as a sentence ends.
        assert!(!teaser_only(&page, None));
        let two = format!("{title}\n\nThe first paragraph of the article, whole.\n\nMicrosoft warns of an uptick a...\n");
        assert!(!teaser_only(&two, Some(title)));
        let whole =
            format!("{title}\n\nNovember 05, 2022\n\nMicrosoft warns of an uptick in attacks.\n");
        assert!(!teaser_only(&whole, Some(title)));
        // Chinese writes its ellipsis `……`: a post of one line over screenshots.
        let shots = "新浪直播评论区真是让人大开眼界\n\n@院长：看了一会儿人民文学出版社的直播节目，评论区真是让人大开眼界……\n";
        assert!(!teaser_only(shots, Some("新浪直播评论区真是让人大开眼界")));
        assert!(teaser_only(
            "新浪直播评论区真是让人大开眼界\n\n@院长：看了一会儿人民文学出版社的直播节目，评论区…\n",
            Some("新浪直播评论区真是让人大开眼界")
        ));
        assert!(date_line("2023年3月6日"));
        assert!(!date_line("It happened in 2023."));
    }

    #[test]
    fn records_are_told_from_prose() {
        assert_eq!(
            classify("{\n  \"a, b\": 1,\n  \"c\": [2]\n}\n", "text/plain", None),
            Some(NotProse::Json)
        );
        assert_eq!(
            classify("id,name,count\n1,苹果,3\n2,梨,4\n", "text/plain", None),
            Some(NotProse::Csv)
        );
        assert_eq!(
            classify(
                "fn main() {\n    let x = 1;\n    println!(\"{x}\");\n}\n\nfn f() {}\n",
                "text/plain",
                None
            ),
            Some(NotProse::SourceCode)
        );
        assert_eq!(
            classify("第一段，文字。\n第二段。\n", "text/plain", None),
            None
        );
        assert_eq!(
            classify(
                "A sentence, with a comma.\nAnother, also.\nThird, too.\n",
                "text/plain",
                None
            ),
            None
        );
        assert!(binary(b"\x00\x01abc"));
    }

    #[test]
    fn pages_without_a_sentence_hold_no_article() {
        assert!(sentence_like(
            "We read every piece of feedback, and take it seriously."
        ));
        assert!(sentence_like("本文为看雪论坛精华文章，介绍内核漏洞利用。"));
        assert!(sentence_like("第一段新闻内容，记者报道。"));
        assert!(!sentence_like("轻触查看原文"));
        assert!(!sentence_like("Join the discussion today!"));
        assert!(!sentence_like("Cloud workload security"));
        assert!(!sentence_like("昨日精选汇总（2022-10-17）"));
        // Closed by a quote in German, French or Danish marks.
        assert!(sentence_like(
            "„Ich weiß ich bin betrunken und sollte das vielleicht nicht sagen…“"
        ));
        assert!(sentence_like(
            "« Nous partirons demain matin, avant le jour. »"
        ));
        assert!(sentence_like(
            "»Vi tager afsted i morgen tidlig, før daggry.«"
        ));
        assert!(!sentence_like("„Dann sag es nicht“"));
        // A run of names: an address, a title in title case, a copyright line.
        assert!(!sentence_like(
            "Via Giosuè Carducci, 21 - Pomigliano d'Arco (Italy) Paseo Montjuic, número 30 - Barcelona (Spain)"
        ));
        assert!(!sentence_like(
            "Copyright © 2025 Hacktive Security. All Rights Reserved. Privacy Policy And Terms Of Use."
        ));
        // Sentences with many names, in German, in capitals only.
        assert!(sentence_like(
            "Microsoft, Google, Amazon and Apple announced on Monday that Windows Server will ship."
        ));
        assert!(sentence_like(
            "Die Bundesregierung hat am Montag beschlossen, die Steuern im kommenden Jahr zu senken."
        ));
        assert!(sentence_like(
            "THE SOFTWARE IS PROVIDED AS IS, WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED."
        ));
        assert_eq!(
            article_less("Products\n\nSolutions\nChange Region\n"),
            Some(3)
        );
        assert_eq!(
            article_less(
                "Hall closed\n\nThe meeting moves to Friday because the hall is closed.\n"
            ),
            None
        );
        assert_eq!(article_less(&"Menu entry\n".repeat(21)), None);
        assert_eq!(
            article_less("# Products\n\n- [Home page of the vendor](https://vendor.example/home/page/of/the/vendor)\n"),
            Some(2)
        );
        assert_eq!(article_less(""), None);
        let github = "TideSec released v2.5.1 增加自动更新 at TideSec/TscanPlus\n\nTideSec / TscanPlus Public\n";
        assert_eq!(article_less(github), None);
        assert_eq!(
            article_less_titled(
                github,
                Some("TideSec released v2.5.1 增加自动更新 at TideSec/TscanPlus")
            ),
            Some(2)
        );
        // A title bar with the site's name says the title; a sentence that begins with
        // the title is a sentence.
        let title = "梆梆API安全平台 横向端到端 纵向全渠道";
        let bar = "梆梆API安全平台 横向端到端 纵向全渠道\n\n梆梆API安全平台 横向端到端 纵向全渠道 - 嘶吼 RoarTalk – 网络安全行业综合服务平台,4hou.com\n\n导读 ▾\n\n导语：梆品推荐 梆梆API安全平台~\n";
        assert_eq!(article_less_titled(bar, Some(title)), Some(4));
        let sentence = "梆梆API安全平台 横向端到端 纵向全渠道 - 这是梆梆安全今年推出的产品，覆盖了企业的全部渠道和端点，客户反馈良好。\n";
        assert_eq!(article_less_titled(sentence, Some(title)), None);
        assert_eq!(
            article_less_reason(1),
            "no article text: 1 short line, not a sentence (title, menus or interface)"
        );
    }

    #[test]
    fn a_sentence_of_chinese_prose() {
        assert!(prose_sentence(
            "UPDATE：🎈 [《一人企业方法论2.0》已在CC-BY-NC-SA协议下发布，建议先读完后继续阅读本书](https://github.com/easychen/o..."
        ));
        // A headline without a sentence's punctuation, a short line, a menu.
        assert!(!prose_sentence("蝉联荣誉！梆梆安全"));
        assert!(!prose_sentence(
            "[Exchange/M365最新防范攻略！CACTER三步补齐原生防护短板](https://www.4hou.com/posts/l03l)"
        ));
        assert!(!prose_sentence("程序员如何做副业，从零开始"));
        assert!(!prose_sentence(
            "首页 新闻 国际新闻 亚太地区 港澳台 财经频道 科技频道 体育频道"
        ));
    }
}
