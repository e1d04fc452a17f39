//! Size: the host library against an empty UniFFI library, by section and by crate.

use super::*;

/// serde_path_to_error's symbols and the stripped library before it was removed, from the
/// bench run that last measured it (docs/PERFORMANCE.md of that commit).
const BEFORE_REMOVAL_CRATE_KIB: f64 = 194.6;
const BEFORE_REMOVAL_STRIPPED_KIB: f64 = 1156.0;
const BEFORE_REMOVAL_COMMIT: &str = "017d325";

// Issue 17 (issue 7 asked for 2×).
pub(super) const SIZE_FACTOR: f64 = 2.5;

impl Report {
    /// The size target: a row of the targets table.
    pub(super) fn size_target(&self, ctx: &Ctx, d: &mut String) {
        let lib_unstripped = ctx.lib_unstripped.clone();
        let empty_unstripped = ctx.empty_unstripped.clone();
        let lib_stripped = ctx.lib_stripped.clone();
        let empty_stripped = ctx.empty_stripped.clone();
        let lib_size = ctx.lib_size;
        let empty_size = ctx.empty_size;
        let content_bytes = ctx.content_bytes;
        // size
        {
            let (met, measured, why) = match (lib_size, empty_size) {
                (Some(lib), Some(empty)) => {
                    let r = lib as f64 / empty as f64;
                    let without = lib.saturating_sub(content_bytes);
                    let a = sections(&lib_stripped);
                    let b = sections(&empty_stripped);
                    let grew = |name: &str| {
                        a.get(name).copied().unwrap_or(0) as f64
                            - b.get(name).copied().unwrap_or(0) as f64
                    };
                    let unwind =
                        grew(".eh_frame") + grew(".eh_frame_hdr") + grew(".gcc_except_table");
                    let top: Vec<String> = crate_growth(&lib_unstripped, &empty_unstripped)
                        .into_iter()
                        .take(5)
                        .map(|(c, d)| format!("{c} {:+.0} KiB", d / 1024.0))
                        .collect();
                    (
                        Some(r <= SIZE_FACTOR),
                        format!("{} vs {}: {}", kib(lib), kib(empty), ratio(r)),
                        format!(
                            "Both stripped (`strip --strip-all`), same profile. The library is \
                         {:+.0} KiB larger: code {:+.0} KiB (`.text`), unwinding tables \
                         {:+.0} KiB (`panic = \"unwind\"`, which UniFFI needs to turn a \
                         panic into an exception), read-only data {:+.0} KiB, of which the \
                         embedded content (ja.json + en.json) is {}. Without the content it \
                         would still be {} the empty one: the growth is code. By crate \
                         (symbol bytes, generic code counted where it was instantiated): {}. \
                         It exports {} UniFFI items. See [Size](#size).",
                            (lib as f64 - empty as f64) / 1024.0,
                            grew(".text") / 1024.0,
                            unwind / 1024.0,
                            grew(".rodata") / 1024.0,
                            kib(content_bytes),
                            ratio(without as f64 / empty as f64),
                            top.join(", "),
                            uniffi_exports(&lib_unstripped),
                        ),
                    )
                }
                _ => (
                    None,
                    "–".to_owned(),
                    self.why_not(&["release", "empty", "strip"]),
                ),
            };
            d.push_str(&format!(
                "| stripped release library ≤ {}× the empty UniFFI library | {measured} | {} | \
             {why} |\n",
                SIZE_FACTOR,
                verdict(met)
            ));
        }
    }

    /// The size section.
    pub(super) fn size_section(&self, ctx: &Ctx, d: &mut String) {
        let lib_unstripped = ctx.lib_unstripped.clone();
        let empty_unstripped = ctx.empty_unstripped.clone();
        let lib_stripped = ctx.lib_stripped.clone();
        let empty_stripped = ctx.empty_stripped.clone();
        let lib_size = ctx.lib_size;
        let empty_size = ctx.empty_size;
        let content_bytes = ctx.content_bytes;
        // ---- Size.
        d.push_str("## Size\n\n");
        d.push_str(
            "The host's release library as the release checks build what ships (`cargo rustc -p \
         passkey-ready-ffi --lib --crate-type cdylib --release`; built together with the \
         crate's staticlib and rlib, as `cargo build` does, the same library is about a \
         quarter larger), the \
         workspace profile: `lto = true`, `opt-level = \"s\"`, `codegen-units = 1`, \
         `panic = \"unwind\"`) against an empty UniFFI library built with the same profile \
         and the same UniFFI (benchmarks/empty-uniffi: `uniffi::setup_scaffolding!()` and \
         one exported function), both stripped with `strip --strip-all`. Sections from \
         `size -A` of the stripped files.\n\n",
        );
        let lib_sections = sections(&lib_stripped);
        let empty_sections = sections(&empty_stripped);
        d.push_str("| | passkey_ready_ffi | empty UniFFI | difference |\n|---|---:|---:|---:|\n");
        let row = |label: &str, a: Option<u64>, b: Option<u64>| {
            format!(
                "| {label} | {} | {} | {} |\n",
                a.map_or("–".into(), kib),
                b.map_or("–".into(), kib),
                match (a, b) {
                    (Some(a), Some(b)) => format!("{:+.1} KiB", (a as f64 - b as f64) / 1024.0),
                    _ => "–".into(),
                }
            )
        };
        d.push_str(&row(
            "file, unstripped",
            file_size(&lib_unstripped),
            file_size(&empty_unstripped),
        ));
        d.push_str(&row("file, stripped", lib_size, empty_size));
        for section in [
            ".text",
            ".rodata",
            ".eh_frame",
            ".eh_frame_hdr",
            ".data.rel.ro",
            ".gcc_except_table",
            ".dynsym",
            ".dynstr",
        ] {
            d.push_str(&row(
                &format!("`{section}`"),
                lib_sections.get(section).copied(),
                empty_sections.get(section).copied(),
            ));
        }
        d.push('\n');
        let lib_bytes = std::fs::read(&lib_stripped).unwrap_or_default();
        let mut content_rows = String::new();
        let ja = repo_root().join("core/content/ja.json");
        let en = repo_root().join("core/content/en.json");
        for path in [&ja, &en] {
            let bytes = std::fs::read(path).unwrap_or_default();
            content_rows.push_str(&format!(
                "| `{}` | {} | {} |\n",
                path.strip_prefix(repo_root()).unwrap_or(path).display(),
                kib(bytes.len() as u64),
                if lib_bytes.is_empty() {
                    "–"
                } else if contains(&lib_bytes, &bytes) {
                    "yes, verbatim"
                } else {
                    "not found verbatim"
                }
            ));
        }
        d.push_str(&format!(
            "The content's share: the two JSON documents are embedded as they are \
         (`include_str!`, in `.rodata`), {} in all, {} of the stripped library ({} of its \
         `.rodata`).\n\n| document | bytes | in the stripped library |\n|---|---:|---|\n{}\n",
            kib(content_bytes),
            lib_size.map_or("–".into(), |l| format!(
                "{:.0} %",
                content_bytes as f64 * 100.0 / l as f64
            )),
            lib_sections.get(".rodata").map_or("–".into(), |r| format!(
                "{:.0} %",
                content_bytes as f64 * 100.0 / *r as f64
            )),
            content_rows
        ));
        let growth = crate_growth(&lib_unstripped, &empty_unstripped);
        if !growth.is_empty() {
            let a = crate_sizes(&lib_unstripped);
            let b = crate_sizes(&empty_unstripped);
            d.push_str(
                "Symbol bytes by crate (`nm --size-sort -S -C` on the unstripped libraries; \
             generic code counts for the crate whose item was instantiated, e.g. serde's \
             visitors for the guide's types under `serde_json` or \
             `passkey_ready_core`), the 12 that grow most:\n\n| crate | passkey_ready_ffi \
             | empty UniFFI | difference |\n|---|---:|---:|---:|\n",
            );
            for (krate, diff) in growth.iter().take(12) {
                d.push_str(&format!(
                    "| `{krate}` | {} | {} | {:+.1} KiB |\n",
                    kib(a.get(krate).copied().unwrap_or(0)),
                    kib(b.get(krate).copied().unwrap_or(0)),
                    diff / 1024.0
                ));
            }
            d.push('\n');
        }
        let symbols = largest_symbols(&lib_unstripped, 12);
        if !symbols.is_empty() {
            d.push_str(
                "The largest symbols of the unstripped release library (`nm --size-sort -S -C`; \
             anonymous constants such as the embedded JSON are not named symbols):\n\n\
             | size | symbol |\n|---:|---|\n",
            );
            for (size, name) in symbols {
                d.push_str(&format!("| {} | {} |\n", kib(size), code(&name)));
            }
            d.push('\n');
        }
        if lib_size.is_none() || empty_size.is_none() {
            d.push_str(&format!(
                "Not measured: {}.\n\n",
                self.why_not(&["release", "empty", "strip"])
            ));
        }
        self.size_candidates(d);
        self.mobile_sizes(d);
    }

    /// The opt-level "z" candidate against the shipped "s".
    fn size_candidates(&self, d: &mut String) {
        d.push_str("### Candidates, measured\n\n");
        let shipped = file_size(&bench_dir().join("size").join(format!(
            "{}passkey_ready_ffi{}",
            std::env::consts::DLL_PREFIX,
            std::env::consts::DLL_SUFFIX
        )));
        let z = self
            .opt_z
            .get("stripped_bytes")
            .and_then(|v| v.first())
            .map(|b| *b as u64);
        let (Some(s_bytes), Some(z_bytes)) = (shipped, z) else {
            d.push_str(&format!(
                "`opt-level = \"z\"` was not measured: {}.\n\n",
                self.why_not(&["strip", "opt_z"])
            ));
            return;
        };
        let speed = match (
            diagnose_counts(&self.diagnose_ir),
            diagnose_counts(&self.opt_z),
        ) {
            (Some((s_ir, _)), Some((z_ir, _))) => format!(
                "a warm diagnosis takes {:.1}k instructions with \"z\" against {:.1}k with \
                 \"s\" ({:+.0} %)",
                z_ir / 1000.0,
                s_ir / 1000.0,
                (z_ir / s_ir - 1.0) * 100.0
            ),
            _ => "its speed was not measured".to_owned(),
        };
        d.push_str(&format!(
            "- **`opt-level = \"z\"`** for the shipped library (`CARGO_PROFILE_RELEASE_OPT_LEVEL=z`, \
             built into `target/bench/opt-z/`): stripped {} against {} with the workspace's \
             \"s\" ({:+.1} %); {speed} (callgrind, the same `diagnose-cost` probe).\n",
            kib(z_bytes),
            kib(s_bytes),
            (z_bytes as f64 / s_bytes as f64 - 1.0) * 100.0,
        ));
        d.push_str(&format!(
            "- **`serde_path_to_error`, removed in this round**: it wrapped every deserializer \
             and visitor, so each type read from JSON was compiled for its wrappers as well \
             ({BEFORE_REMOVAL_CRATE_KIB:.1} KiB of its symbols, a {BEFORE_REMOVAL_STRIPPED_KIB:.1} \
             KiB stripped library, in the run of {BEFORE_REMOVAL_COMMIT}). The field path of an \
             error is now found again from the position serde_json reports \
             (core/src/json_input/error_path.rs), and a test holds it to serde_path_to_error's \
             answer for some 2,300 broken bundles and snapshots (serde_path_to_error stays as \
             the core's dev-dependency for that test). The stripped library is {} now ({:+.1} \
             %): most of those symbols came back as serde_json's own code for the same types \
             (see the crate table), so the saving is smaller than the crate's share was.\n\n",
            kib(s_bytes),
            (s_bytes as f64 / 1024.0 / BEFORE_REMOVAL_STRIPPED_KIB - 1.0) * 100.0,
        ));
    }

    /// What the mobile packages add, from the budgets the release checks keep.
    fn mobile_sizes(&self, d: &mut String) {
        d.push_str("### Android and iOS\n\n");
        let read = |path: &str| -> Option<Value> {
            serde_json::from_str(&std::fs::read_to_string(repo_root().join(path)).ok()?).ok()
        };
        let figure = |json: &Option<Value>, key: &str| {
            json.as_ref()
                .and_then(|j| j[key].as_u64())
                .map_or("–".to_owned(), kib)
        };
        let android = read("android/size-budget.json");
        let ios = read("ios/size-budget.json");
        d.push_str(
            "Not rebuilt by this command: the figures are the budgets that `cargo xtask \
             android-release --check` and `cargo xtask ios-release --check` hold the release \
             builds to (android/size-budget.json, ios/size-budget.json, last re-measured when \
             they were committed; CI fails when one grows more than its tolerance). Code is \
             the sum of the staticlib objects' executable sections, which is what an app's \
             binary grows by for that architecture.\n\n| figure | bytes |\n|---|---:|\n",
        );
        for (label, json, key) in [
            ("Android arm64-v8a staticlib code", &android, "arm64_staticlib_code_bytes"),
            ("Android host library, release, stripped (x86_64, the AAR's per-ABI `.so` is the same build for its ABI)", &android, "host_library_stripped_bytes"),
            ("iOS device (ios-arm64) arm64 code", &ios, "ios_arm64_arm64_code_bytes"),
            ("iOS simulator arm64 code", &ios, "ios_arm64_x86_64_simulator_arm64_code_bytes"),
            ("iOS simulator x86_64 code", &ios, "ios_arm64_x86_64_simulator_x86_64_code_bytes"),
            ("Mac Catalyst arm64 code", &ios, "ios_arm64_x86_64_maccatalyst_arm64_code_bytes"),
            ("Mac Catalyst x86_64 code", &ios, "ios_arm64_x86_64_maccatalyst_x86_64_code_bytes"),
            ("XCFramework zip (all slices, what SwiftPM downloads)", &ios, "xcframework_zip_bytes"),
        ] {
            d.push_str(&format!("| {label} | {} |\n", figure(json, key)));
        }
        d.push_str(
            "\nPer download: an app store delivers one ABI (Android app bundles split native \
             libraries per ABI) or one slice (App Store thinning), so an app grows by about the \
             code of its architecture plus its share of read-only data and unwinding tables, not \
             by the AAR or the zip. The per-ABI `.so` files of the AAR and a thinned app's \
             growth were not measured in this run.\n\n",
        );
    }
}

/// Crates by how many symbol bytes they add over the empty library, largest first (bytes).
pub(super) fn crate_growth(lib: &Path, empty: &Path) -> Vec<(String, f64)> {
    let a = crate_sizes(lib);
    let b = crate_sizes(empty);
    let mut growth: Vec<(String, f64)> = a
        .iter()
        .map(|(c, &n)| (c.clone(), n as f64 - b.get(c).copied().unwrap_or(0) as f64))
        .collect();
    growth.sort_by(|x, y| y.1.total_cmp(&x.1));
    growth
}

/// The number of UniFFI metadata records in a library (one per exported item).
pub(super) fn uniffi_exports(path: &Path) -> usize {
    command("nm", &["-D", "--defined-only", &path.to_string_lossy()])
        .lines()
        .filter(|l| l.contains("UNIFFI_META_"))
        .count()
}

/// Symbol bytes by crate (`nm --size-sort -S -C`): the first path segment of each demangled
/// name, the type's crate for `<Type as Trait>::f`. Generic code counts for the crate whose
/// item was instantiated, so a crate's figure includes code it instantiated in the library.
pub(super) fn crate_sizes(path: &Path) -> BTreeMap<String, u64> {
    let mut sizes = BTreeMap::new();
    for line in command("nm", &["--size-sort", "-S", "-C", &path.to_string_lossy()]).lines() {
        let mut f = line.splitn(4, ' ');
        let (Some(_), Some(size), Some(_), Some(name)) = (f.next(), f.next(), f.next(), f.next())
        else {
            continue;
        };
        let Ok(size) = u64::from_str_radix(size, 16) else {
            continue;
        };
        let name = name
            .trim_start_matches(['<', '&', '*'])
            .trim_start_matches("dyn ")
            .trim_start_matches("impl ")
            .trim_start_matches("mut ");
        let krate = name
            .split_once("::")
            .map(|(first, _)| first)
            .filter(|c| c.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '_'))
            .unwrap_or("(not Rust, or no path)");
        *sizes.entry(krate.to_owned()).or_insert(0) += size;
    }
    sizes
}

pub(super) fn largest_symbols(path: &Path, n: usize) -> Vec<(u64, String)> {
    let listing = command("nm", &["--size-sort", "-S", "-C", &path.to_string_lossy()]);
    let mut symbols: Vec<(u64, String)> = listing
        .lines()
        .filter_map(|l| {
            let mut f = l.splitn(4, ' ');
            let _address = f.next()?;
            let size = u64::from_str_radix(f.next()?, 16).ok()?;
            let _kind = f.next()?;
            Some((size, f.next()?.to_owned()))
        })
        .collect();
    symbols.sort_by_key(|s| std::cmp::Reverse(s.0));
    symbols.truncate(n);
    symbols
}
