//! Times the phases of a conversion: cargo run --release --example prof_convert -- FILE [CONFIG]
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: prof FILE [CONFIG]");
    let config = args.next().unwrap_or_else(|| "t2s".into());
    let text = std::fs::read_to_string(path).expect("read");
    let t = std::time::Instant::now();
    let c = wenku_script_convert::Converter::shared(&config).expect("config");
    println!("build {:.1} ms", t.elapsed().as_secs_f64() * 1e3);
    let t = std::time::Instant::now();
    let out = c.convert(&text);
    println!(
        "convert {:.1} MB/s ({} bytes out)",
        text.len() as f64 / 1e6 / t.elapsed().as_secs_f64(),
        out.len()
    );
    let t = std::time::Instant::now();
    let s = wenku_script_convert::detect_script(&text);
    println!(
        "detect {:.1} MB/s ({s})",
        text.len() as f64 / 1e6 / t.elapsed().as_secs_f64()
    );
}
