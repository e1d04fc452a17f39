//! R8 in full mode over the SDK as an app receives it: the AAR's classes.jar and proguard.txt,
//! JNA, kotlin-stdlib and a small consumer app (android/r8-check) that calls every public entry
//! point; output as class files, then the consumer's checks run on the JVM against the shrunk
//! jar and the host library. A keep rule missing from proguard.txt fails them.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::{maven_repo, pom, release_build};
use crate::run;
use crate::steps::{self, Step};

fn work(root: &Path) -> PathBuf {
    steps::target_dir(root).join("android-release/r8")
}

fn java_home() -> Result<PathBuf, String> {
    let out = Command::new("java")
        .args(["-XshowSettings:properties", "-version"])
        .output()
        .map_err(|e| format!("cannot run java: {e}"))?;
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .find_map(|l| l.trim().strip_prefix("java.home = ").map(PathBuf::from))
        .ok_or_else(|| "java does not say its java.home".to_owned())
}

/// The jar on `classpath` whose file name starts with `artifact-` and a digit.
fn jar<'a>(classpath: &'a [&'a str], artifact: &str) -> Result<&'a str, String> {
    let prefix = format!("{artifact}-");
    classpath
        .iter()
        .find(|path| {
            Path::new(path)
                .file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.strip_prefix(&prefix))
                .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        })
        .copied()
        .ok_or_else(|| format!("android/r8-check resolved no {artifact} jar"))
}

pub const R8_CHECK: Step = Step {
    name: "android: R8 full mode with the AAR's consumer rules, then the consumer's checks on the shrunk jar",
    run: |root| {
        let host_pom_path = root.join("android/pom.xml");
        let host_pom = std::fs::read_to_string(&host_pom_path)
            .map_err(|e| format!("{}: {e}", host_pom_path.display()))?;
        let versions = pom::HostVersions::read(&host_pom)?;
        let classes = maven_repo::classes_jar(root);
        let rules = maven_repo::staged_rules(root);
        let project = root.join("android/r8-check");
        run(
            &project,
            "mvn",
            &[
                "--batch-mode",
                "--no-transfer-progress",
                "-q",
                "compile",
                &format!("-Dsdk.classes={}", classes.display()),
                &format!("-Dkotlin.version={}", versions.kotlin_compiler),
                &format!("-Dkotlin-stdlib.version={}", versions.kotlin_stdlib),
                &format!("-Djna.version={}", versions.jna),
                &format!("-Dandroid-all.version={}", versions.android_all),
            ],
            &[],
        )?;
        let classpath_file = project.join("target/classpath.txt");
        let classpath_text = std::fs::read_to_string(&classpath_file)
            .map_err(|e| format!("{}: {e}", classpath_file.display()))?;
        let classpath: Vec<&str> = classpath_text.trim().split(':').collect();
        let r8 = jar(&classpath, "r8")?;
        let jna = jar(&classpath, "jna")?;
        let stdlib = jar(&classpath, "kotlin-stdlib")?;
        let android = jar(&classpath, "android-all")?;

        let work = work(root);
        crate::files::fresh_dir(&work)?;
        let consumer = work.join("consumer.jar");
        let shrunk = work.join("shrunk.jar");
        let consumer_classes = project.join("target/classes");
        release_build::jar(root, &consumer, &[(&consumer_classes, "com")])?;
        let jdk = java_home()?;
        // Full mode is R8's default (compat mode would be --pg-compat).
        run(
            root,
            "java",
            &[
                "-cp",
                r8,
                "com.android.tools.r8.R8",
                "--release",
                "--classfile",
                "--output",
                &shrunk.display().to_string(),
                "--lib",
                &jdk.display().to_string(),
                "--lib",
                android,
                "--pg-conf",
                &rules.display().to_string(),
                "--pg-conf",
                &project.join("app-rules.pro").display().to_string(),
                &consumer.display().to_string(),
                &classes.display().to_string(),
                jna,
                stdlib,
            ],
            &[],
        )?;
        // JNA's own native part: on a device it comes from the JNA AAR's jni/, here from the
        // desktop jar (R8's class-file output carries classes only).
        let dispatch = work.join("jnidispatch");
        std::fs::create_dir_all(&dispatch).map_err(|e| format!("{}: {e}", dispatch.display()))?;
        run(&dispatch, "jar", &["--extract", "--file", jna], &[])?;
        let platform_dir = if cfg!(target_arch = "aarch64") { "linux-aarch64" } else { "linux-x86-64" };
        let boot = dispatch.join("com/sun/jna").join(platform_dir);
        let library_dir = steps::native_library(root)
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let runtime = format!("{}:{android}", shrunk.display());
        run(
            root,
            "java",
            &[
                &format!("-Djna.library.path={}", library_dir.display()),
                &format!("-Djna.boot.library.path={}", boot.display()),
                "-Djna.nosys=true",
                "-cp",
                &runtime,
                "com.passkeyready.r8check.ReleaseConsumerKt",
            ],
            &[],
        )
    },
};
