//! Diagnosis counted in instructions under callgrind: on two shared cores a wall-clock time of
//! a few microseconds moves with the neighbours' load, an instruction count does not.

use std::path::Path;

use crate::{output, run};

use super::{bench_dir, exe, release_dir, write};

/// Diagnosis rounds over the seed's messages in the measured run (the baseline runs none).
const ROUNDS: usize = 20;
const VALGRIND: &str = "/usr/bin/valgrind";

/// `diagnose-cost` under callgrind three times: without any diagnosis, with only the first
/// (which prepares the bundle's messages), and with [`ROUNDS`] more rounds. The report takes
/// the differences. The busiest functions of the measured run are kept as text.
pub(super) fn diagnose(root: &Path) -> Result<(), String> {
    let probe = release_dir(root).join(exe("diagnose-cost"));
    let lines = diagnose_counts(root, &probe, "release")?;
    write(&bench_dir(root).join("diagnose_ir.txt"), &lines)
}

/// The three counts of `probe` (`none`, `first`, `rounds`, then `round_count` and `messages`),
/// one per line; the busiest functions of the measured run go to `diagnose_profile.txt` for
/// the `release` build.
pub(super) fn diagnose_counts(root: &Path, probe: &Path, label: &str) -> Result<String, String> {
    ensure_valgrind(root)?;
    let probe = probe.to_string_lossy();
    let dir = bench_dir(root).join("callgrind");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut lines = String::new();
    let rounds = ROUNDS.to_string();
    for (run, arg) in [
        ("none", "none"),
        ("first", "0"),
        ("rounds", rounds.as_str()),
    ] {
        let out = dir.join(format!("diagnose.{label}.{run}.out"));
        let printed = output(
            root,
            VALGRIND,
            &[
                "--tool=callgrind",
                &format!("--callgrind-out-file={}", out.display()),
                &probe,
                arg,
            ],
            &[],
        )?;
        let text = std::fs::read_to_string(&out).map_err(|e| format!("{}: {e}", out.display()))?;
        let total = text
            .lines()
            .find_map(|l| {
                l.strip_prefix("totals:")
                    .or_else(|| l.strip_prefix("summary:"))
            })
            .map(str::trim)
            .ok_or_else(|| format!("{}: no totals line", out.display()))?;
        lines.push_str(&format!("{run} {total}\n"));
        if run == "rounds" {
            lines.push_str(&format!("round_count {ROUNDS}\n"));
            lines.push_str(&format!("messages {}\n", printed.trim()));
            if label == "release" {
                let annotated = output(
                    root,
                    "callgrind_annotate",
                    &["--inclusive=no", &out.to_string_lossy()],
                    &[],
                )?;
                write(&bench_dir(root).join("diagnose_profile.txt"), &annotated)?;
            }
        }
    }
    Ok(lines)
}

/// Debian's valgrind, installed when missing.
fn ensure_valgrind(root: &Path) -> Result<(), String> {
    if Path::new(VALGRIND).is_file() {
        return Ok(());
    }
    eprintln!("bench: installing valgrind from Debian (apt-get update, apt-get install -y)");
    let apt_env = [("DEBIAN_FRONTEND", "noninteractive".to_owned())];
    run(root, "apt-get", &["update"], &apt_env)
        .and_then(|()| {
            run(
                root,
                "apt-get",
                &["install", "-y", "--no-install-recommends", "valgrind"],
                &apt_env,
            )
        })
        .map_err(|e| {
            format!("{e}: Debian's valgrind is needed (apt-get install valgrind, as root)")
        })
}
