fn main() {
    let s = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let page = wenku_spam_trim::html::Page::parse(&s);
    let keep = page.choose();
    for (b, k) in page.blocks.iter().zip(keep) {
        let n = &page.nodes[b.node as usize];
        let mut chain = vec![];
        let mut a = b.node;
        while a != 0 {
            let x = &page.nodes[a as usize];
            chain.push(format!("{}{}", x.tag, if x.chrome { "*" } else { "" }));
            a = x.parent;
        }
        println!(
            "{} {:?} [{}] {}",
            if k { "K" } else { "-" },
            b.kind,
            chain.join("<"),
            b.text.chars().take(60).collect::<String>()
        );
        let _ = n;
    }
}
