//! Near-duplicates: a near-copy stored as a splice of another document, reading back
//! byte-exact through new versions of its base and `compact`; `export --dedup` dropping
//! exactly the duplicates of a fixture with known clusters; snapshots pinning the
//! decision; `dups` and `repair` agreeing.

use std::path::{Path, PathBuf};

use wenku_tests::{copy_seeds, seed_names, seeds_dir, wk};

fn seed(n: usize) -> (String, Vec<u8>) {
    let name = seed_names()[n].clone();
    let bytes = std::fs::read(seeds_dir().join(&name)).expect("a seed");
    (name, bytes)
}

/// `bytes` with its `line`-th line (0-based) replaced by `with`.
fn alter_line(bytes: &[u8], line: usize, with: &str) -> Vec<u8> {
    let text = String::from_utf8(bytes.to_vec()).expect("seeds are UTF-8");
    let mut lines: Vec<&str> = text.split('\n').collect();
    lines[line] = with;
    lines.join("\n").into_bytes()
}

fn import(a: &Path, dir: &Path, prefix: &str) {
    let r = wk(
        a,
        &["import", dir.to_str().unwrap(), "--prefix", prefix, "-q"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
}

fn codecs(a: &Path) -> serde_json::Value {
    let s = wk(a, &["--json", "stats"]);
    assert_eq!(s.code, 0, "{}", s.stderr);
    s.json()["codecs"].clone()
}

fn cat(a: &Path, key: &str) -> Vec<u8> {
    let r = wk(a, &["cat", "--raw", key]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.stdout
}

#[test]
fn a_near_copy_is_a_delta_against_another_document_and_reads_back_exactly() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a");
    let orig = tmp.path().join("orig");
    copy_seeds(&orig);
    import(&a, &orig, "orig");
    assert_eq!(codecs(&a), serde_json::json!({"zstd": 5}));

    let (name, bytes) = seed(3);
    let copy = alter_line(&bytes, 2, "本文轉載自鏡像站。");
    let mirror = tmp.path().join("mirror");
    std::fs::create_dir_all(&mirror).unwrap();
    std::fs::write(mirror.join(&name), &copy).unwrap();
    import(&a, &mirror, "mirror");
    // The copy is no blob: its version record holds the changed line as a splice of the
    // version of `orig/` it copies.
    assert_eq!(
        codecs(&a),
        serde_json::json!({"zstd": 5, "near-copy-splice": 1})
    );
    let key = format!("mirror/{name}");
    assert_eq!(cat(&a, &key), copy);

    // Its base document gets new versions: the copy still reads back exactly.
    let mut base = bytes.clone();
    for round in 0..3 {
        base.extend_from_slice(format!("\n更新第{round}次：新增一段文字。\n").as_bytes());
        std::fs::write(orig.join(&name), &base).unwrap();
        import(&a, &orig, "orig");
        assert_eq!(cat(&a, &key), copy);
        assert_eq!(cat(&a, &format!("orig/{name}")), base);
    }
    let r = wk(&a, &["compact", "-q"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(cat(&a, &key), copy);
    assert_eq!(cat(&a, &format!("orig/{name}@1")), bytes);
    assert_eq!(cat(&a, &format!("orig/{name}")), base);
    let v = wk(&a, &["verify"]);
    assert_eq!(v.code, 0, "{}", v.stderr);
}

#[test]
fn near_copies_imported_one_after_another_are_splices_of_the_first() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a");
    let orig = tmp.path().join("orig");
    copy_seeds(&orig);
    import(&a, &orig, "orig");
    let (name, bytes) = seed(3);
    let original_line = String::from_utf8(bytes.clone())
        .unwrap()
        .split('\n')
        .nth(3)
        .unwrap()
        .to_string();
    let mut copies = Vec::new();
    for m in 1..=4 {
        let dir = tmp.path().join(format!("m{m}"));
        std::fs::create_dir_all(&dir).unwrap();
        // Line 3 as in the original, with words added at its end.
        let copy = alter_line(&bytes, 3, &format!("{original_line}第{m}個鏡像站轉載。"));
        std::fs::write(dir.join(&name), &copy).unwrap();
        import(&a, &dir, &format!("m{m}"));
        copies.push((format!("m{m}/{name}"), copy));
    }
    // Every copy's base is version 1 of `orig/` (a full blob), not the copy before it: a
    // copy reads in two steps however many came before. Its record holds only the words
    // added: a splice (tag 1), keep up to the end of line 3, drop nothing, add them.
    let archive = wenku_core::Archive::open(&a).unwrap();
    let line_end = bytes
        .split_inclusive(|&b| b == b'\n')
        .take(4)
        .map(<[u8]>::len)
        .sum::<usize>()
        - 1;
    for (m, (key, copy)) in copies.iter().enumerate() {
        let rec = archive.version(key, None).unwrap().1;
        let added = format!("第{}個鏡像站轉載。", m + 1);
        let mut data = vec![0x01];
        let mut v = line_end;
        while v >= 0x80 {
            data.push((v as u8) | 0x80);
            v >>= 7;
        }
        data.extend([v as u8, 0, added.len() as u8]);
        data.extend_from_slice(added.as_bytes());
        assert_eq!(
            rec.delta,
            Some(wenku_core::store::records::InlineDelta {
                base: 1,
                depth: 1,
                data,
                of: Some(format!("orig/{name}")),
                check: true,
            }),
            "{key}"
        );
        // It keeps a check of its bytes, not their hash: the first 4 bytes (LE) of their
        // XXH3-64.
        let check = xxhash_rust::xxh3::xxh3_64(copy).to_le_bytes();
        assert_eq!(rec.blob[..4], check[..4], "{key}");
        assert_eq!(rec.blob[4..], [0; 28], "{key}");
        assert_eq!(archive.read(key, None).unwrap().bytes, *copy);
    }
    drop(archive);

    // `repair` rebuilds the index from the packs: the copies still name their base.
    let r = wk(&a, &["repair"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for (key, copy) in &copies {
        assert_eq!(cat(&a, key), *copy);
    }
    // `log` shows a copy's content hash (computed from its bytes), and importing the
    // same copy again changes nothing.
    let (key, copy) = &copies[1];
    let log = wk(&a, &["--json", "log", key]);
    assert_eq!(log.code, 0, "{}", log.stderr);
    assert_eq!(
        log.json()[0]["blob"],
        serde_json::json!(blake3::hash(copy).to_hex().to_string())
    );
    let again = wk(
        &a,
        &[
            "import",
            tmp.path().join("m2").to_str().unwrap(),
            "--prefix",
            "m2",
        ],
    );
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(
        again
            .stderr
            .contains("0 new documents, 0 new versions, 1 unchanged"),
        "{}",
        again.stderr
    );
}

#[test]
fn compact_keeps_the_base_of_a_near_copy_whole() {
    // Two similar documents imported in one batch are stored whole (the similarity index
    // only knows documents already stored); `compact` makes one a delta of the other,
    // except a document a near-copy is a splice of: its blob stays full.
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a");
    let (name, bytes) = seed(3);
    let pair = tmp.path().join("pair");
    std::fs::create_dir_all(&pair).unwrap();
    std::fs::write(pair.join("x.html"), &bytes).unwrap();
    std::fs::write(
        pair.join("y.html"),
        alter_line(&bytes, 5, "另一個版本的導語。"),
    )
    .unwrap();
    import(&a, &pair, "pair");
    assert_eq!(codecs(&a), serde_json::json!({"zstd": 2}));
    let copy = alter_line(&bytes, 2, "本文轉載自鏡像站。");
    let mirror = tmp.path().join("mirror");
    std::fs::create_dir_all(&mirror).unwrap();
    std::fs::write(mirror.join(&name), &copy).unwrap();
    import(&a, &mirror, "mirror");
    let key = format!("mirror/{name}");
    let archive = wenku_core::Archive::open(&a).unwrap();
    let delta = archive.version(&key, None).unwrap().1.delta.unwrap();
    let base_key = delta.of.clone().unwrap();
    let base_blob = archive.version(&base_key, Some(1)).unwrap().1.blob;
    drop(archive);

    let r = wk(&a, &["compact", "-q"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let archive = wenku_core::Archive::open(&a).unwrap();
    let codec = archive.blobs().record(&base_blob).unwrap().unwrap().codec;
    assert!(
        !matches!(codec, wenku_core::store::records::Codec::ZstdDelta { .. }),
        "{base_key}: {codec:?}"
    );
    // The other document of the pair did become a delta of the base.
    let other = if base_key == "pair/x.html" {
        "pair/y.html"
    } else {
        "pair/x.html"
    };
    let other_blob = archive.version(other, None).unwrap().1.blob;
    assert_eq!(
        archive.blobs().record(&other_blob).unwrap().unwrap().codec,
        wenku_core::store::records::Codec::ZstdDelta {
            base: base_blob,
            depth: 1
        }
    );
    drop(archive);
    assert_eq!(cat(&a, &key), copy);
    assert_eq!(cat(&a, "pair/x.html"), bytes);
    let v = wk(&a, &["verify"]);
    assert_eq!(v.code, 0, "{}", v.stderr);
}

/// Seeds under `orig/`, then under `mirror/`: seed 0 with a line changed, seed 2 with
/// a boilerplate line added, seed 4 byte-identical, seed 1 rewritten (a different text).
fn clustered(tmp: &Path) -> PathBuf {
    let a = tmp.join("a");
    let orig = tmp.join("orig");
    copy_seeds(&orig);
    import(&a, &orig, "orig");
    let mirror = tmp.join("mirror");
    std::fs::create_dir_all(&mirror).unwrap();
    let (n0, b0) = seed(0);
    std::fs::write(mirror.join(&n0), alter_line(&b0, 1, "鏡像站轉載")).unwrap();
    let (n2, mut b2) = seed(2);
    b2.extend_from_slice("\n版權所有，轉載請註明出處。\n".as_bytes());
    std::fs::write(mirror.join(&n2), &b2).unwrap();
    let (n4, b4) = seed(4);
    std::fs::write(mirror.join(&n4), &b4).unwrap();
    let (n1, _) = seed(1);
    std::fs::write(
        mirror.join(&n1),
        "完全不同的一篇報道：今日天氣晴朗，氣溫二十度，市民外出踏青。".repeat(5),
    )
    .unwrap();
    import(&a, &mirror, "mirror");
    a
}

fn dropped(manifest: &Path) -> Vec<(String, String)> {
    let m: serde_json::Value = serde_json::from_slice(&std::fs::read(manifest).unwrap()).unwrap();
    m["dropped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["key"].as_str().unwrap().to_string(),
                d["reason"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// `wenku export --raw --format jsonl` of archive `a` to `DIR/NAME.jsonl`, with
/// `--dedup MODE` when given; the output's path.
fn export_jsonl(a: &Path, dir: &Path, name: &str, dedup: Option<&str>) -> PathBuf {
    let out = dir.join(format!("{name}.jsonl"));
    let mut args = vec!["export", "--raw", "--format", "jsonl", "--out"];
    let path = out.to_str().unwrap().to_string();
    args.push(&path);
    if let Some(mode) = dedup {
        args.extend(["--dedup", mode]);
    }
    let r = wk(a, &args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    out
}

/// The ids of the records of a JSONL export, in order.
fn exported_ids(out: &Path) -> Vec<String> {
    std::fs::read_to_string(out)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

#[test]
fn export_dedup_drops_exactly_the_duplicates() {
    let tmp = tempfile::tempdir().unwrap();
    let a = clustered(tmp.path());
    let names = seed_names();
    let out = export_jsonl(&a, tmp.path(), "near", Some("near"));
    let expected: Vec<(String, String)> = [0, 2, 4]
        .iter()
        .map(|&i| {
            (
                format!("mirror/{}", names[i]),
                format!("duplicate of orig/{}", names[i]),
            )
        })
        .collect();
    let manifest = PathBuf::from(format!("{}.manifest.json", out.display()));
    assert_eq!(dropped(&manifest), expected);
    let ids = exported_ids(&out);
    let mut want: Vec<String> = names.iter().map(|n| format!("orig/{n}")).collect();
    want.insert(0, format!("mirror/{}", names[1]));
    assert_eq!(ids, want);

    // Exact: only the byte-identical copy.
    let out = export_jsonl(&a, tmp.path(), "exact", Some("exact"));
    let manifest = PathBuf::from(format!("{}.manifest.json", out.display()));
    assert_eq!(dropped(&manifest), vec![expected[2].clone()]);

    // Without --dedup every record is exported; the duplicates name the kept one.
    let out = export_jsonl(&a, tmp.path(), "all", None);
    let mut flagged = Vec::new();
    for l in std::fs::read_to_string(&out).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        if let Some(k) = v["metadata"]["near_duplicate_of"].as_str() {
            flagged.push((
                v["id"].as_str().unwrap().to_string(),
                format!("duplicate of {k}"),
            ));
        }
    }
    assert_eq!(flagged, expected);

    // `dups` lists the same clusters, and so it does after the index is rebuilt.
    let dups = wk(&a, &["--json", "dups"]);
    assert_eq!(dups.code, 0, "{}", dups.stderr);
    let keeps: Vec<(String, String)> = dups
        .json()
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| {
            let keep = c["keep"].as_str().unwrap().to_string();
            c["duplicates"]
                .as_array()
                .unwrap()
                .iter()
                .map(move |d| {
                    (
                        d["key"].as_str().unwrap().to_string(),
                        format!("duplicate of {keep}"),
                    )
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let mut sorted = expected.clone();
    sorted.sort_by(|x, y| x.1.cmp(&y.1));
    assert_eq!(keeps, sorted);
    std::fs::remove_dir_all(a.join("index")).unwrap();
    let r = wk(&a, &["repair", "-q"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let again = wk(&a, &["--json", "dups"]);
    assert_eq!(again.json(), dups.json());
}

#[test]
fn a_snapshot_export_with_dedup_stays_byte_identical() {
    let tmp = tempfile::tempdir().unwrap();
    let a = clustered(tmp.path());
    assert_eq!(wk(&a, &["snapshot", "create", "s"]).code, 0);
    let export = |name: &str| {
        let out = tmp.path().join(name);
        let r = wk(
            &a,
            &[
                "export",
                "--snapshot",
                "s",
                "--raw",
                "--format",
                "jsonl",
                "--out",
                out.to_str().unwrap(),
                "--dedup",
                "near",
            ],
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        std::fs::read(out).unwrap()
    };
    let first = export("first.jsonl");
    // New near-duplicates: a copy of seed 3 under a key that sorts first, and a new
    // version of the kept `orig/` copy of seed 0 that no longer resembles it.
    let names = seed_names();
    let more = tmp.path().join("more");
    std::fs::create_dir_all(&more).unwrap();
    let (n3, b3) = seed(3);
    std::fs::write(more.join(&n3), alter_line(&b3, 3, "又一個鏡像")).unwrap();
    import(&a, &more, "aaa");
    let orig = tmp.path().join("orig");
    std::fs::write(
        orig.join(&names[0]),
        "這一版已經全部改寫成另一篇文章，談的是港口的貨運量與航班時刻。".repeat(6),
    )
    .unwrap();
    import(&a, &orig, "orig");
    // The archive's own view changed...
    let now = tmp.path().join("now.jsonl");
    let r = wk(
        &a,
        &[
            "export",
            "--raw",
            "--format",
            "jsonl",
            "--out",
            now.to_str().unwrap(),
            "--dedup",
            "near",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let m = dropped(&PathBuf::from(format!("{}.manifest.json", now.display())));
    assert!(
        m.contains(&(format!("aaa/{n3}"), format!("duplicate of orig/{n3}"))),
        "{m:?}"
    );
    assert!(
        !m.iter().any(|(k, _)| *k == format!("mirror/{}", names[0])),
        "{m:?}"
    );
    // ... the snapshot's did not.
    assert_eq!(export("second.jsonl"), first);
}

#[test]
fn a_simplified_copy_of_a_traditional_page_is_a_near_duplicate() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a");
    let orig = tmp.path().join("orig");
    copy_seeds(&orig);
    import(&a, &orig, "orig");
    // The Simplified copy of the Traditional People's Daily page, made by script-convert.
    let (name, bytes) = seed(2);
    let mut filter = wenku_tests::wenku(&a);
    filter.args(["filter", "--with", "script-convert"]);
    let converted = wenku_tests::run(filter, &bytes);
    assert_eq!(converted.code, 0, "{}", converted.stderr);
    let copy = converted.stdout;
    assert!(
        String::from_utf8_lossy(&bytes).starts_with("來源:\n人民日報\n閱讀正文\n"),
        "{}",
        String::from_utf8_lossy(&bytes)
    );
    assert!(
        String::from_utf8_lossy(&copy).starts_with("来源:\n人民日报\n阅读正文\n"),
        "{}",
        String::from_utf8_lossy(&copy)
    );
    let simp = tmp.path().join("simp");
    std::fs::create_dir_all(&simp).unwrap();
    std::fs::write(simp.join(&name), &copy).unwrap();
    import(&a, &simp, "simp");
    assert_eq!(cat(&a, &format!("simp/{name}")), copy);

    let dups = wk(&a, &["--json", "dups"]);
    assert_eq!(dups.code, 0, "{}", dups.stderr);
    assert_eq!(
        dups.json(),
        serde_json::json!([{
            "keep": format!("orig/{name}"),
            "duplicates": [{"key": format!("simp/{name}"), "similarity": 1.0}]
        }])
    );
    let text = wk(&a, &["dups"]);
    assert_eq!(text.code, 0, "{}", text.stderr);
    assert_eq!(
        text.stdout_str(),
        format!("orig/{name}\n  1.00  simp/{name}\n")
    );

    let out = export_jsonl(&a, tmp.path(), "near", Some("near"));
    assert_eq!(
        dropped(&PathBuf::from(format!("{}.manifest.json", out.display()))),
        vec![(format!("simp/{name}"), format!("duplicate of orig/{name}"))]
    );
    let ids = exported_ids(&out);
    let want: Vec<String> = seed_names().iter().map(|n| format!("orig/{n}")).collect();
    assert_eq!(ids, want);

    // Not an exact duplicate: its text is written in the other script.
    let out = export_jsonl(&a, tmp.path(), "exact", Some("exact"));
    assert_eq!(
        dropped(&PathBuf::from(format!("{}.manifest.json", out.display()))),
        vec![]
    );
}

/// A page of a site's template (its scripts' data, menu, footer and comment box) around
/// `article`.
fn templated_page(article: &str, stamp: &str, trending: bool) -> String {
    // The scripts' data names the page (its stamp), so no line of it is the same twice.
    let data: String = (0..120)
        .map(|i| format!("\"item{i}\":{{\"isFollowing\":false,\"voteupCount\":{i}}},"))
        .collect::<String>()
        + &format!("\"updated\":\"{stamp}\",\"excerpt\":\"{article}\"");
    // The site's list of trending searches, the same on every page.
    let trending: String = (1..=30)
        .filter(|_| trending)
        .map(|i| format!("<div class=\"hot\">热搜第{i}条：某地发布新规定引发网友热议</div>"))
        .collect();
    let menu: String = [
        "首页",
        "发现",
        "等你来答",
        "热榜",
        "专栏",
        "圈子",
        "付费咨询",
        "知学堂",
    ]
    .iter()
    .map(|m| format!("<li><a href=\"/{m}\">{m}</a></li>"))
    .collect();
    format!(
        "<html><head><title>文章 - 某站</title><script id=\"js-initialData\" type=\"text/json\">{{{data}}}</script><style>.a{{color:red}}</style></head><body><ul class=\"menu\">{menu}</ul>{trending}<article><p>{article}</p><p>发布于 {stamp}</p></article><div class=\"comments\"><p>还没有评论，发表第一个评论吧</p><p>理性发言，友善互动</p></div><footer><p>想来本站工作？请发送邮件到 jobs@example.com</p><p>网上有害信息举报专区</p><p>违法和不良信息举报：010-82716601</p></footer></body></html>"
    )
}

#[test]
fn pages_of_one_template_are_no_near_duplicates_of_each_other() {
    // Thirty short articles of one site, saved whole: the template is most of each page.
    // Only the one page saved twice (its timestamp changed) is a near-duplicate; the
    // cluster keeps the smaller key (both imported at once).
    let mut sentences: Vec<String> = Vec::new();
    for n in 0..seed_names().len() {
        let text = String::from_utf8(seed(n).1).expect("seeds are UTF-8");
        for line in text.lines().map(str::trim) {
            if line.chars().count() >= 30
                && !line.contains(['<', '[', '#', ':'])
                && !sentences.iter().any(|s| s == line)
            {
                sentences.push(line.to_string());
            }
        }
    }
    assert!(sentences.len() >= 30, "{} sentences", sentences.len());
    let tmp = tempfile::tempdir().unwrap();
    // The first `n` sentences as pages `pNN.html` of the template in `dir`.
    let pages = |dir: &Path, n: usize, trending: bool| {
        std::fs::create_dir_all(dir).unwrap();
        for (i, s) in sentences.iter().take(n).enumerate() {
            std::fs::write(
                dir.join(format!("p{i:02}.html")),
                templated_page(s, "2024-12-07 07:51", trending),
            )
            .unwrap();
        }
    };
    let site = tmp.path().join("site");
    pages(&site, 30, true);
    std::fs::write(
        site.join("p00-again.html"),
        templated_page(&sentences[0], "2025-01-09 10:02", true),
    )
    .unwrap();
    let a = tmp.path().join("a");
    import(&a, &site, "site");
    let r = wk(&a, &["--json", "dups"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let clusters: Vec<(String, Vec<String>)> = r
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["keep"].as_str().unwrap().to_string(),
                c["duplicates"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|d| d["key"].as_str().unwrap().to_string())
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        clusters,
        vec![(
            "site/p00-again.html".to_string(),
            vec!["site/p00.html".to_string()]
        )]
    );
    // Ten pages, too few to tell a template by its lines: their scripts' data, most of
    // each page, is no text either.
    let few = tmp.path().join("few");
    pages(&few, 10, false);
    let b = tmp.path().join("b");
    import(&b, &few, "few");
    let r = wk(&b, &["--json", "dups"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.json(), serde_json::json!([]));
}
