//! Shows how spam-trim reads an HTML page: every block with whether it is kept, its
//! weight, link density and element path:
//! cargo run -p wenku-spam-trim --example explain -- PAGE.html
use wenku_spam_trim::html::Page;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: explain PAGE.html");
        std::process::exit(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let page = Page::parse(&String::from_utf8_lossy(&bytes));
    let keep = page.choose();
    for (b, k) in page.blocks.iter().zip(keep) {
        let mut chain = Vec::new();
        let mut n = b.node;
        while n != 0 {
            let node = &page.nodes[n as usize];
            chain.push(format!(
                "{}{}{}",
                node.tag,
                if node.chrome { "!" } else { "" },
                if node.class_weight != 0 {
                    format!("({})", node.class_weight)
                } else {
                    String::new()
                }
            ));
            n = node.parent;
        }
        chain.reverse();
        let text: String = b.text.chars().take(70).collect();
        println!(
            "{} w={} ld={:.2} {} | {}",
            if k { "KEEP" } else { "    " },
            b.weight(),
            b.link_density(),
            chain.join(">"),
            text.replace('\n', "⏎")
        );
    }
}
