//! `cargo xtask html-check [--update-docs]`: the CLI's HTML pages opened in a real browser.
//!
//! Debian's Chromium (installed by this step when missing, with a CJK font so that Japanese
//! is drawn, not boxes), driven by `playwright-core` from the npm project in
//! tests/html-check/ (its lock file pins it and axe-core): every page at phone and desktop
//! width, light and dark, must pass axe-core's rules, fetch nothing and not overflow
//! sideways. Screenshots go to target/html-check/; `--update-docs` copies the docs' ones to
//! docs/images/.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::run;
use crate::steps::{target_dir, Step};

pub const CHECK: Step = Step {
    name: "html: CLI pages in Chromium (axe-core, phone/desktop, light/dark, screenshots)",
    run: check,
};

pub const UPDATE_DOCS: Step = Step {
    name: "html: copy the screenshots into docs/images/web-*.png",
    run: update_docs,
};

/// The Debian packages the check needs: the browser, and a font with Japanese glyphs
/// (Chromium's own fallback has none, so a Japanese page would be drawn as boxes).
const PACKAGES: [&str; 2] = ["chromium", "fonts-noto-cjk"];
const CHROMIUM: &str = "/usr/bin/chromium";

/// A snapshot whose help screen has every kind of row a customer meets: a finding to fix
/// with its steps open, a question, an optional one with closed steps, and passed ones.
const CHECK_SNAPSHOT: &str = "tests/html-check/android-fix-and-answer.json";
const LOCALES: [&str; 2] = ["ja", "en"];

/// docs/images/ names → the screenshot each is copied from (target/html-check/docs/).
const DOCS_IMAGES: [(&str, &str); 9] = [
    ("web-check-ja-phone.png", "check-ja-phone-light.png"),
    ("web-check-en-phone.png", "check-en-phone-light.png"),
    ("web-check-ja-desktop.png", "check-ja-desktop-light.png"),
    ("web-check-en-desktop.png", "check-en-desktop-light.png"),
    ("web-check-ja-phone-dark.png", "check-ja-phone-dark.png"),
    ("web-guide-ja-phone.png", "guide-ja-phone-light.png"),
    ("web-guide-en-phone.png", "guide-en-phone-light.png"),
    ("web-guide-ja-desktop.png", "guide-ja-desktop-light.png"),
    ("web-guide-en-desktop.png", "guide-en-desktop-light.png"),
];
/// A picture in the repository stays small: every clone carries it forever.
const DOCS_IMAGE_MAX_BYTES: u64 = 400 * 1024;

fn out_dir(root: &Path) -> PathBuf {
    target_dir(root).join("html-check")
}

fn check(root: &Path) -> Result<(), String> {
    let chromium = chromium(root)?;
    let project = root.join("tests/html-check");
    // playwright-core fetches no browser; the variable keeps it so should a later version
    // (or a dependency) try.
    let npm_env = [("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1".to_owned())];
    run(
        &project,
        "npm",
        &["ci", "--prefer-offline", "--no-audit", "--no-fund"],
        &npm_env,
    )?;

    run(root, "cargo", &["build", "-p", "passkey-ready-cli"], &[])?;
    let cli = target_dir(root).join("debug").join("passkey-ready");
    let out = out_dir(root);
    if out.exists() {
        std::fs::remove_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    let pages = out.join("pages");
    std::fs::create_dir_all(&pages).map_err(|e| format!("{}: {e}", pages.display()))?;
    for lang in LOCALES {
        let check_args = [
            "check",
            "--lang",
            lang,
            "--snapshot",
            CHECK_SNAPSHOT,
            "--format",
            "html",
        ];
        write_page(
            root,
            &cli,
            &check_args,
            &pages.join(format!("check-{lang}.html")),
        )?;
        let guide_args = ["guide", "--lang", lang, "--format", "html"];
        write_page(
            root,
            &cli,
            &guide_args,
            &pages.join(format!("guide-{lang}.html")),
        )?;
    }

    run(
        &project,
        "node",
        &[
            "check.mjs",
            &pages.to_string_lossy(),
            &out.to_string_lossy(),
        ],
        &[
            ("PASSKEY_READY_CHROMIUM", chromium),
            ("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1".to_owned()),
        ],
    )
}

fn write_page(root: &Path, cli: &Path, args: &[&str], to: &Path) -> Result<(), String> {
    let page = crate::output(root, &cli.to_string_lossy(), args, &[])?;
    std::fs::write(to, page).map_err(|e| format!("{}: {e}", to.display()))
}

/// The browser to drive: `PASSKEY_READY_CHROMIUM` when set (a machine without Debian's
/// packages), else Debian's, installed first if it or the font is missing.
pub(crate) fn chromium(root: &Path) -> Result<String, String> {
    if let Some(path) = std::env::var_os("PASSKEY_READY_CHROMIUM") {
        let path = path.to_string_lossy().into_owned();
        eprintln!("html: Chromium from PASSKEY_READY_CHROMIUM: {path}");
        return Ok(path);
    }
    let missing: Vec<&str> = PACKAGES
        .into_iter()
        .filter(|package| !installed(package))
        .collect();
    if missing.is_empty() && Path::new(CHROMIUM).exists() {
        eprintln!("html: {} installed", PACKAGES.join(", "));
        return Ok(CHROMIUM.to_owned());
    }
    let missing = if missing.is_empty() {
        PACKAGES.to_vec()
    } else {
        missing
    };
    eprintln!(
        "html: installing {} from Debian (apt-get update, apt-get install -y --no-install-recommends)",
        missing.join(", ")
    );
    let apt_env = [("DEBIAN_FRONTEND", "noninteractive".to_owned())];
    let install = run(root, "apt-get", &["update"], &apt_env).and_then(|()| {
        let mut args = vec!["install", "-y", "--no-install-recommends"];
        args.extend(&missing);
        run(root, "apt-get", &args, &apt_env)
    });
    install.map_err(|e| {
        format!(
            "{e}: Debian's {} are needed (apt-get install, as root), or a Chromium named by \
             PASSKEY_READY_CHROMIUM",
            missing.join(" and ")
        )
    })?;
    if Path::new(CHROMIUM).exists() {
        Ok(CHROMIUM.to_owned())
    } else {
        Err(format!(
            "{CHROMIUM} is still missing after installing chromium"
        ))
    }
}

/// Whether dpkg has `package` fully installed (not only known, or half-configured).
fn installed(package: &str) -> bool {
    Command::new("dpkg-query")
        .args(["-W", "-f=${Status}", package])
        .output()
        .is_ok_and(|out| out.status.success() && out.stdout == b"install ok installed")
}

fn update_docs(root: &Path) -> Result<(), String> {
    let shots = out_dir(root).join("docs");
    let images = root.join("docs/images");
    std::fs::create_dir_all(&images).map_err(|e| format!("{}: {e}", images.display()))?;
    for (name, shot) in DOCS_IMAGES {
        let from = shots.join(shot);
        let to = images.join(name);
        let bytes = std::fs::metadata(&from)
            .map_err(|e| format!("{}: {e} (run the check first)", from.display()))?
            .len();
        if bytes > DOCS_IMAGE_MAX_BYTES {
            return Err(format!(
                "{}: {bytes} bytes, more than the {DOCS_IMAGE_MAX_BYTES} a docs image may have",
                from.display()
            ));
        }
        std::fs::copy(&from, &to)
            .map_err(|e| format!("{} → {}: {e}", from.display(), to.display()))?;
        eprintln!("html: {} ({} KB)", to.display(), bytes / 1024);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Only a package dpkg has fully installed counts: an unknown one must lead to the
    /// install, not to a browser that is not there.
    #[test]
    fn only_an_installed_package_counts_as_installed() {
        assert!(!installed("passkey-ready-no-such-package"));
        if Path::new("/var/lib/dpkg/status").exists() {
            assert!(installed("dpkg"));
        }
    }
}
