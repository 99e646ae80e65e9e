//! The lexicons: boilerplate phrases by section, and SEO spam terms. The built-in ones
//! are `data/boilerplate.txt` and `data/spam.txt`; a user file with the same format adds
//! to them.

/// Longest line (in characters) a `[short]` phrase may start.
pub const SHORT_MAX: usize = 60;
/// Longest paragraph (in characters) a `[paragraph]` phrase may start.
pub const PARAGRAPH_MAX: usize = 300;

#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub short: Vec<String>,
    pub paragraph: Vec<String>,
    pub exact: Vec<String>,
    /// Spam terms, lowercased.
    pub spam: Vec<String>,
}

impl Lexicon {
    /// The built-in lexicons.
    pub fn builtin() -> Lexicon {
        let mut l = Lexicon::default();
        l.add_boilerplate(include_str!("../data/boilerplate.txt"));
        l.add_spam(include_str!("../data/spam.txt"));
        l
    }

    /// Add a boilerplate file (`[short]`, `[paragraph]`, `[exact]`, `[spam]` sections;
    /// phrases before any section are `[short]`).
    pub fn add_boilerplate(&mut self, text: &str) {
        let mut section = "short";
        for line in text.lines() {
            let t = line.trim();
            if t.is_empty() || t.starts_with('#') {
                continue;
            }
            if let Some(name) = t.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
                section = match name {
                    "short" => "short",
                    "paragraph" => "paragraph",
                    "exact" => "exact",
                    "spam" => "spam",
                    _ => "short",
                };
                continue;
            }
            match section {
                "paragraph" => self.paragraph.push(t.to_string()),
                "exact" => self.exact.push(t.to_string()),
                "spam" => self.spam.push(t.to_lowercase()),
                _ => self.short.push(t.to_string()),
            }
        }
    }

    /// Add spam terms, one a line.
    pub fn add_spam(&mut self, text: &str) {
        for line in text.lines() {
            let t = line.trim();
            if !t.is_empty() && !t.starts_with('#') {
                self.spam.push(t.to_lowercase());
            }
        }
    }
}
