//! Formulas in HTML: a page's math said once, as its TeX.
//!
//! Math renderers write a formula two or three times: KaTeX as MathML (with the TeX in an
//! `annotation`) and again as styled spans for the eye (`span.katex-html`, hidden from
//! screen readers); MathJax 2 as its rendering (`span.MathJax`, perhaps with MathML for
//! screen readers inside) beside the TeX it read (`<script type="math/tex">`); MathJax 3
//! as glyphs drawn by CSS beside MathML for screen readers; Wikipedia as MathML with the
//! TeX in `alttext` and an image whose alt text is the TeX again. Read as text, the
//! styled copy comes out scrambled (KaTeX sets a fraction's denominator first:
//! `∂x∂f​=2` for `\frac{\partial f}{\partial x} = 2`). The renderings are left out and
//! the formula is written once: its TeX as `$…$` (`$$…$$` for a formula set apart), or,
//! where the page holds no TeX, its MathML written on one line (`(a+1)/b`, `x^(2)`).

/// Classes of a renderer's output for the eye: left out, the formula is read from its
/// TeX or MathML. (MathJax 2's classes are the ones it writes; a page saved before its
/// scripts ran has only the scripts, read as TeX.)
pub const RENDERED_CLASSES: &[&str] = &[
    "katex-html",
    "MathJax",
    "MathJax_Display",
    "MathJax_Preview",
    "MathJax_SVG",
    "MathJax_SVG_Display",
    "MathJax_CHTML",
    "MathJax_PHTML",
    "MathJax_MathML",
    "MJX_Assistive_MathML",
];

/// The element is a renderer's output for the eye (by its class, or MathJax 3's
/// `mjx-math`, whose glyphs are drawn by CSS).
pub fn rendered(tag: &str, class: Option<&str>) -> bool {
    tag == "mjx-math"
        || (tag != "mjx-container"
            && class.is_some_and(|c| {
                c.split_ascii_whitespace()
                    .any(|w| RENDERED_CLASSES.contains(&w))
            }))
}

/// An image of a formula drawn by a TeX service from its alt text: WordPress's
/// `img.latex` (`…/latex.php?latex=x%5E2`), CodeCogs, Google's chart API.
pub fn tex_image(class: Option<&str>, src: &str) -> bool {
    class.is_some_and(|c| {
        c.split_ascii_whitespace()
            .any(|w| w.eq_ignore_ascii_case("latex"))
    }) || src.contains("/latex.php?")
        || src.contains("latex.codecogs.com/")
        || src.contains("chart.googleapis.com/chart?cht=tx")
}

/// A `<script>` of MathJax 2 holding a formula's TeX: `math/tex`, `math/tex;
/// mode=display`. Returns whether it is set apart.
pub fn tex_script(kind: &str) -> Option<bool> {
    let k = kind.trim().to_ascii_lowercase();
    k.starts_with("math/tex")
        .then(|| k.contains("mode=display"))
}

/// A formula being read.
#[derive(Debug, Default)]
pub struct Formula {
    /// The depth of the parser's stack below the element holding the formula (`math`,
    /// `script`): the formula ends when the stack is that short again.
    pub depth: usize,
    /// Set apart from the text (`display="block"`, MathJax's `mode=display`).
    pub display: bool,
    /// The TeX: the script's text, the `application/x-tex` annotation, or `alttext`.
    tex: String,
    /// Reading TeX now.
    in_tex: bool,
    /// Inside an annotation that is not TeX (`annotation-xml`, MathML content markup).
    other: bool,
    /// The MathML written on one line, for a formula without TeX.
    line: String,
    /// The open MathML elements under `math`: name, children seen, closed by `)`.
    path: Vec<(String, usize, bool)>,
}

/// MathML elements whose second (and third) child is written after a mark.
fn mark_before(parent: &str, index: usize) -> Option<&'static str> {
    match (parent, index) {
        ("mfrac", 1) => Some("/"),
        ("msup" | "mover", 1) | ("msubsup" | "munderover", 2) => Some("^"),
        ("msub" | "munder" | "msubsup" | "munderover", 1) => Some("_"),
        _ => None,
    }
}

/// MathML token elements: their text is the formula's.
fn token(name: &str) -> bool {
    matches!(name, "mi" | "mn" | "mo" | "mtext" | "ms" | "mspace")
}

impl Formula {
    /// A MathML `math` element: its TeX, if it says it in `alttext`.
    pub fn math(depth: usize, display: bool, alttext: Option<String>) -> Formula {
        Formula {
            depth,
            display,
            tex: alttext.unwrap_or_default(),
            ..Formula::default()
        }
    }

    /// MathJax's script: its text is the TeX.
    pub fn script(depth: usize, display: bool) -> Formula {
        Formula {
            depth,
            display,
            in_tex: true,
            ..Formula::default()
        }
    }

    /// An element opened inside the formula. `tex` says whether it is an annotation in
    /// TeX (`encoding="application/x-tex"`).
    pub fn open(&mut self, name: &str, tex: bool) {
        if self.in_tex || self.other {
            return;
        }
        if name == "annotation" && tex {
            // The annotation is the TeX the formula was written in, said better than
            // `alttext` (Wikipedia's both are the same).
            self.tex.clear();
            self.in_tex = true;
            return;
        }
        if name == "annotation" || name == "annotation-xml" {
            self.other = true;
            return;
        }
        let (mark, child) = match self.path.last_mut() {
            Some(parent) => {
                let index = parent.1;
                parent.1 += 1;
                (
                    mark_before(&parent.0, index),
                    mark_before(&parent.0, 1).is_some() && !token(name),
                )
            }
            None => (None, false),
        };
        if let Some(mark) = mark {
            self.line.push_str(mark);
        }
        // A table's cells apart, its rows by `; ` (a matrix, a system of equations).
        if let Some((parent, seen, _)) = self.path.last() {
            match (parent.as_str(), name) {
                ("mtable", "mtr" | "mlabeledtr") if *seen > 1 => self.line.push_str("; "),
                ("mtr" | "mlabeledtr", "mtd") if *seen > 1 => self.line.push(' '),
                _ => {}
            }
        }
        if name == "msqrt" {
            self.line.push('√');
        }
        // A fraction's or script's part of more than one token, and a root's radicand,
        // in brackets: `(a+1)/b`, `√(x+1)`.
        let wrap = child || name == "msqrt";
        if wrap {
            self.line.push('(');
        }
        self.path.push((name.to_string(), 0, wrap));
    }

    /// The parser's stack is `len` deep again after an end tag: the elements above it
    /// are closed.
    pub fn closed_to(&mut self, len: usize) {
        let inside = len.saturating_sub(self.depth + 1);
        if self.in_tex || self.other {
            // The annotation was the element right under `semantics` or `math`.
            if inside <= self.path.len() {
                self.in_tex = false;
                self.other = false;
            }
            return;
        }
        while self.path.len() > inside {
            if let Some((_, _, wrap)) = self.path.pop() {
                if wrap {
                    self.line.push(')');
                }
            }
        }
    }

    /// Text inside the formula.
    pub fn text(&mut self, s: &str) {
        if self.in_tex {
            self.tex.push_str(s);
        } else if !self.other {
            // A function applied, invisible times and separators are no characters; the
            // words of a text inside (`<mtext> for </mtext>`) keep a space between them.
            let words = self.path.last().is_some_and(|(n, _, _)| n == "mtext");
            let mut space = false;
            for c in s.chars() {
                if c.is_whitespace() {
                    space = words;
                    continue;
                }
                if matches!(c, '\u{2061}'..='\u{2064}' | '\u{200B}') {
                    continue;
                }
                if space && !self.line.is_empty() && !self.line.ends_with(' ') {
                    self.line.push(' ');
                }
                space = false;
                self.line.push(c);
            }
            if space && !self.line.ends_with(' ') {
                self.line.push(' ');
            }
        }
    }

    /// The formula as text: `$TeX$`, `$$TeX$$`, or its MathML on one line.
    pub fn finish(self) -> String {
        let tex = tex_body(&self.tex);
        if !tex.is_empty() {
            let fence = if self.display { "$$" } else { "$" };
            return format!("{fence}{tex}{fence}");
        }
        self.line
    }
}

/// TeX without the style Wikipedia wraps it in (`{\displaystyle x^{2}}`), on one line.
fn tex_body(tex: &str) -> String {
    let mut t = tex.split_whitespace().collect::<Vec<_>>().join(" ");
    for style in ["{\\displaystyle ", "{\\textstyle "] {
        if let Some(inner) = t.strip_prefix(style).and_then(|r| r.strip_suffix('}')) {
            // Only a wrapper around the whole formula (`{\displaystyle x}+{y}` is none).
            if balanced(inner) {
                t = inner.trim().to_string();
            }
            break;
        }
    }
    t
}

/// Every `}` closes a `{` before it and every `{` is closed (escaped braces aside).
fn balanced(tex: &str) -> bool {
    let mut depth = 0usize;
    let mut escaped = false;
    for c in tex.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '{' => depth += 1,
            '}' => match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => return false,
            },
            _ => {}
        }
    }
    depth == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wikipedias_style_wrapper_goes() {
        assert_eq!(tex_body("{\\displaystyle x^{2}}"), "x^{2}");
        assert_eq!(tex_body("  \\frac{a}{b}\n = 1 "), "\\frac{a}{b} = 1");
        assert_eq!(tex_body("{\\displaystyle x}+{y}"), "{\\displaystyle x}+{y}");
        assert_eq!(tex_body("{\\displaystyle \\{a\\}}"), "\\{a\\}");
    }

    #[test]
    fn mathml_without_tex_is_written_on_one_line() {
        let mut f = Formula::math(0, false, None);
        // <math><mfrac><mrow><mi>a</mi><mo>+</mo><mn>1</mn></mrow><mi>b</mi></mfrac></math>
        // (The stack: `math` at 0, `mfrac` 1, `mrow` 2, tokens 3.)
        f.open("mfrac", false);
        f.open("mrow", false);
        for (t, s) in [("mi", "a"), ("mo", "+"), ("mn", "1")] {
            f.open(t, false);
            f.text(s);
            f.closed_to(3);
        }
        f.closed_to(2);
        f.open("mi", false);
        f.text("b");
        f.closed_to(2);
        f.closed_to(1);
        assert_eq!(f.finish(), "(a+1)/b");
        // <math><msup><mi>x</mi><mn>2</mn></msup><mo>\u{2062}</mo><mi>y</mi></math>
        let mut f = Formula::math(0, false, None);
        f.open("msup", false);
        for s in ["x", "2"] {
            f.open("mi", false);
            f.text(s);
            f.closed_to(2);
        }
        f.closed_to(1);
        for s in ["\u{2062}", "y"] {
            f.open("mo", false);
            f.text(s);
            f.closed_to(1);
        }
        assert_eq!(f.finish(), "x^2y");
    }
}
