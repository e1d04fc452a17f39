//! The SDK's first use in fresh JVMs (benchmarks/kotlin, `ColdStart.kt`): JNA's
//! initialisation, loading the library, the first call, the first report and the help
//! screen's first model, each timed apart; one JVM per run, the report takes the medians.

use std::path::Path;

use crate::output;

use super::{bench_dir, kotlin_classpath, release_lib_dir, write};

/// Fresh JVMs.
const RUNS: usize = 15;

pub(super) fn kotlin(root: &Path) -> Result<(), String> {
    let project = root.join("benchmarks/kotlin");
    let classpath = kotlin_classpath(root);
    let examples = root.join("examples").display().to_string();
    let library = format!("-Djna.library.path={}", release_lib_dir(root));
    let mut lines = String::new();
    for _ in 0..RUNS {
        let printed = output(
            &project,
            "java",
            &[
                &library,
                "-cp",
                &classpath,
                "com.passkeyready.bench.ColdStartKt",
                &examples,
            ],
            &[],
        )?;
        for line in printed.lines().filter_map(|l| l.strip_prefix("COLD ")) {
            lines.push_str(&format!("{line}\n"));
        }
    }
    write(&bench_dir(root).join("kotlin_cold.txt"), &lines)
}
