//! The review page in a real browser: headless Chromium from the system's packages,
//! driven over the DevTools protocol by the `headless_chrome` crate. Built with
//! `--features browser` (`.ci/run` does so after installing Chromium); without the
//! feature this file holds no test (`cargo test --workspace` leaves the browser out).
//! Without a Chromium outside CI the test says why it did not run; under CI
//! (`CI=true`) it must run.
//!
//! It starts `wenku serve` on the seeds, opens seed 002, checks that the spam block is
//! shown as removed with its rule, switches spam-trim off and sees the text change, and
//! steps to version 2 of a changed document and sees the diff. Screenshots go to
//! `$CARGO_TARGET_TMPDIR/review-screenshots/`.

#![cfg(feature = "browser")]

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

#[cfg(feature = "browser")]
#[test]
fn review_page_in_a_browser() {
    let Some(chromium) = ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|n| which(n))
    else {
        assert!(
            !in_ci(),
            "CI must run the browser test, but no chromium is installed (apt-get install chromium)"
        );
        eprintln!("skipped: no chromium on PATH (apt-get install chromium)");
        return;
    };
    browser::run(&chromium);
}

#[cfg(feature = "browser")]
fn which(name: &str) -> Option<std::path::PathBuf> {
    std::env::var_os("PATH").and_then(|p| {
        std::env::split_paths(&p)
            .map(|d| d.join(name))
            .find(|f| f.is_file())
    })
}

#[cfg(feature = "browser")]
mod browser {
    use std::path::{Path, PathBuf};
    use std::time::Duration;

    use headless_chrome::protocol::cdp::Page::CaptureScreenshotFormatOption;
    use headless_chrome::{Browser, LaunchOptions, Tab};
    use serde_json::Value;
    use wenku_tests::wk;

    /// Evaluate `expr` in the page until it is true (at most 30 s; the page fetches from
    /// the server after each click).
    fn wait_for(tab: &Tab, expr: &str) {
        for _ in 0..300 {
            let v = tab
                .evaluate(expr, false)
                .expect("evaluate in the page")
                .value;
            if v == Some(Value::Bool(true)) {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("the page never showed: {expr}");
    }

    /// The value of `expr` in the page (passed as JSON text, so arrays come whole).
    fn value(tab: &Tab, expr: &str) -> Value {
        let text = tab
            .evaluate(&format!("JSON.stringify({expr})"), false)
            .expect("evaluate in the page")
            .value;
        match text {
            Some(Value::String(t)) => serde_json::from_str(&t).expect("JSON from the page"),
            other => panic!("{expr} gave {other:?}"),
        }
    }

    fn shot(tab: &Tab, dir: &Path, name: &str) {
        let png = tab
            .capture_screenshot(CaptureScreenshotFormatOption::Png, None, None, true)
            .expect("screenshot");
        std::fs::write(dir.join(name), png).expect("write screenshot");
    }

    pub fn run(chromium: &Path) {
        let tmp = tempfile::tempdir().unwrap();
        let input = tmp.path().join("in");
        wenku_tests::copy_seeds(&input);
        let a = tmp.path().join("arch");
        assert_eq!(wk(&a, &["import", input.to_str().unwrap()]).code, 0);
        for p in ["encoding-repair", "spam-trim", "script-convert"] {
            assert_eq!(wk(&a, &["plugin", "enable", p]).code, 0);
        }
        // A second version of seed 003.
        let changed = "003_4c023f02afb06f96.txt";
        let mut text = std::fs::read_to_string(input.join(changed)).unwrap();
        text.push_str("\n新增的一段：第二版多了这一行。\n");
        std::fs::write(input.join(changed), &text).unwrap();
        assert_eq!(wk(&a, &["import", input.to_str().unwrap()]).code, 0);

        let shots = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("review-screenshots");
        std::fs::create_dir_all(&shots).unwrap();
        let server = wenku_tests::serve(&a);
        let url = server.url.clone();

        let browser = Browser::new(
            LaunchOptions::default_builder()
                .path(Some(chromium.to_path_buf()))
                .headless(true)
                .sandbox(false)
                .window_size(Some((1400, 1000)))
                .build()
                .expect("launch options"),
        )
        .expect("start chromium");
        let tab = browser.new_tab().expect("a tab");
        tab.navigate_to(&url)
            .unwrap()
            .wait_until_navigated()
            .unwrap();
        wait_for(&tab, "document.querySelectorAll('#keys li').length === 5");
        shot(&tab, &shots, "1-keys.png");

        // Seed 002: the spam block is shown as removed, with its rule.
        tab.find_element("#keys li[data-key='002_d66d1dd5df9fb961.txt']")
            .unwrap()
            .click()
            .unwrap();
        wait_for(
            &tab,
            "document.querySelectorAll('.line.removed').length > 0",
        );
        let spam = value(
            &tab,
            "(() => { const l = [...document.querySelectorAll('.line.removed')]\
               .find(e => e.textContent.includes('日韩精品人妻系列无码专区'));\
               return l ? [l.textContent.trim().slice(0, 12), l.nextSibling.className, l.nextSibling.textContent] : null; })()",
        );
        assert_eq!(
            spam,
            serde_json::json!(["日韩精品人妻系列无码专区", "reason", "spam"])
        );
        assert_eq!(
            value(&tab, "document.getElementById('cleaned').textContent.includes('日韩精品人妻系列无码专区')"),
            Value::Bool(false)
        );
        assert_eq!(
            value(&tab, "document.getElementById('steps').children[1].textContent.startsWith('spam-trim: keep')"),
            Value::Bool(true)
        );
        value(
            &tab,
            "([...document.querySelectorAll('.line.removed')].pop().scrollIntoView({block: 'center'}), true)",
        );
        shot(&tab, &shots, "2-seed-002.png");

        // spam-trim off for this view: the spam block is back in the cleaned text.
        tab.find_element("input[data-plugin='spam-trim']")
            .unwrap()
            .click()
            .unwrap();
        wait_for(
            &tab,
            "document.getElementById('cleaned').textContent.includes('日韩精品人妻系列无码专区')",
        );
        assert_eq!(
            value(&tab, "document.querySelectorAll('.line.removed').length"),
            serde_json::json!(0)
        );
        shot(&tab, &shots, "3-seed-002-without-spam-trim.png");
        tab.find_element("input[data-plugin='spam-trim']")
            .unwrap()
            .click()
            .unwrap();

        // Seed 003: step back to version 1, then on to version 2 and its diff.
        tab.find_element(&format!("#keys li[data-key='{changed}']"))
            .unwrap()
            .click()
            .unwrap();
        wait_for(&tab, &format!("document.getElementById('title').textContent === '{changed}' && document.getElementById('version').textContent === '2'"));
        tab.find_element("#prev").unwrap().click().unwrap();
        wait_for(&tab, "document.getElementById('version').textContent === '1' && document.getElementById('diff').textContent === '(first version)'");
        tab.find_element("#next").unwrap().click().unwrap();
        wait_for(
            &tab,
            "document.getElementById('version').textContent === '2'",
        );
        wait_for(
            &tab,
            "[...document.querySelectorAll('#diff .add')].some(e => e.textContent === '+新增的一段：第二版多了这一行。')",
        );
        value(
            &tab,
            "(document.getElementById('diff').scrollIntoView(), true)",
        );
        shot(&tab, &shots, "4-version-2-diff.png");
        eprintln!("screenshots in {}", shots.display());
    }
}
