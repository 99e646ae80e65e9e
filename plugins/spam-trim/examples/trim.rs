//! Trims files and writes what spam-trim makes of them, for reading beside the input:
//! cargo run --release -p wenku-spam-trim --example trim -- [--markdown] OUT_DIR FILE...
//! (media type from the extension: .html/.htm HTML, .md Markdown, else plain text).
use wenku_spam_trim::{Format, Lexicon, SpamTrim};

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let markdown = args.first().is_some_and(|a| a == "--markdown");
    if markdown {
        args.remove(0);
    }
    let Some(out) = args.first().cloned() else {
        eprintln!("usage: trim [--markdown] OUT_DIR FILE...");
        std::process::exit(2);
    };
    let out = std::path::PathBuf::from(out);
    if let Err(e) = std::fs::create_dir_all(&out) {
        eprintln!("cannot create {}: {e}", out.display());
        std::process::exit(2);
    }
    let s = SpamTrim::with_lexicon(Lexicon::builtin()).writing(if markdown {
        Format::Markdown
    } else {
        Format::Text
    });
    for (i, f) in args.iter().skip(1).enumerate() {
        let bytes = match std::fs::read(f) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{f}: {e}");
                continue;
            }
        };
        let text = String::from_utf8_lossy(&bytes);
        let media = if f.ends_with(".html") || f.ends_with(".htm") {
            "text/html"
        } else if f.ends_with(".md") {
            "text/markdown"
        } else {
            "text/plain"
        };
        let t = s.trim_record(&text, Some(media), Some(f));
        let body = match (&t.text, t.not_prose) {
            (_, Some(k)) => format!("[left unchanged: {}]\n", k.reason()),
            (Some(x), _) => x.clone(),
            (None, _) => "[dropped]\n".to_string(),
        };
        let path = out.join(format!("{i:04}.txt"));
        if let Err(e) = std::fs::write(&path, format!("{f}\n{:?}\n====\n{body}", t.meta)) {
            eprintln!("{}: {e}", path.display());
        }
    }
}
