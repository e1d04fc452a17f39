//! The AAR and the file-based Maven repository a Gradle build uses with
//! `maven { url = uri("…/target/dist/maven") }`: AAR, release POM, sources jar, javadoc jar,
//! checksums and maven-metadata.xml, and the checks that each required piece is there.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::{ndk, notices, pom, release_build, version, TARGETS};
use crate::files::{digest, fresh_dir, io};
use crate::run;
use crate::steps::{self, Step};

pub const GROUP: &str = "com.passkeyready";
pub const ARTIFACT: &str = "passkey-ready-android";
const NOTICE: &str = "THIRD-PARTY-NOTICES.txt";
/// Where the notice sits inside classes.jar: Java resources reach the app's APK, so the
/// notice travels with the library into every app.
const NOTICE_IN_JAR: &str = "META-INF/passkey-ready-android/THIRD-PARTY-NOTICES.txt";
const CHECKSUMS: &[(&str, &str)] = &[
    ("sha256", "sha256sum"),
    ("sha1", "sha1sum"),
    ("md5", "md5sum"),
];

fn work_dir(root: &Path) -> PathBuf {
    steps::target_dir(root).join("android-release")
}

pub fn repository(root: &Path) -> PathBuf {
    steps::target_dir(root).join("dist/maven")
}

pub fn version_dir(root: &Path, version: &str) -> PathBuf {
    repository(root)
        .join(GROUP.replace('.', "/"))
        .join(ARTIFACT)
        .join(version)
}

/// classes.jar of the AAR, as the release build leaves it (R8 runs over this one).
pub fn classes_jar(root: &Path) -> PathBuf {
    work_dir(root).join("aar/classes.jar")
}

/// The consumer rules as the AAR carries them (proguard.txt).
pub fn staged_rules(root: &Path) -> PathBuf {
    work_dir(root).join("aar-stage/proguard.txt")
}

/// The entries of a zip file (AAR, jar).
pub fn entries(file: &Path) -> Result<Vec<String>, String> {
    let out = Command::new("jar")
        .args(["--list", "--file"])
        .arg(file)
        .output()
        .map_err(|e| format!("cannot run jar: {e}"))?;
    if !out.status.success() {
        return Err(format!("{}: not a readable zip", file.display()));
    }
    Ok(String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_owned)
        .collect())
}

/// The SDK's classes from the host build's pom (`mvn package`), without Maven's descriptors
/// (an AAR's classes.jar holds classes; the POM says the rest), with the licence notice.
fn build_classes_jar(root: &Path, version: &str, notice: &str) -> Result<PathBuf, String> {
    let android = root.join("android");
    // Tests are not even compiled: they call the test-only export these bindings lack; they
    // ran against the test library in `kotlin: mvn test`.
    run(
        &android,
        "mvn",
        &[
            "--batch-mode",
            "--no-transfer-progress",
            "-q",
            "package",
            "-Dmaven.test.skip=true",
        ],
        &[],
    )?;
    let built = android.join(format!("target/{ARTIFACT}-{version}.jar"));
    let unpacked = work_dir(root).join("classes");
    fresh_dir(&unpacked)?;
    run(
        &unpacked,
        "jar",
        &["--extract", "--file", &built.display().to_string()],
        &[],
    )?;
    for descriptor in ["META-INF/maven", "META-INF/MANIFEST.MF"] {
        let path = unpacked.join(descriptor);
        if path.is_dir() {
            io(&path, std::fs::remove_dir_all(&path))?;
        } else if path.exists() {
            io(&path, std::fs::remove_file(&path))?;
        }
    }
    let notice_path = unpacked.join(NOTICE_IN_JAR);
    if let Some(parent) = notice_path.parent() {
        io(parent, std::fs::create_dir_all(parent))?;
    }
    io(&notice_path, std::fs::write(&notice_path, notice))?;
    let jar = classes_jar(root);
    if let Some(parent) = jar.parent() {
        io(parent, std::fs::create_dir_all(parent))?;
    }
    if jar.exists() {
        io(&jar, std::fs::remove_file(&jar))?;
    }
    release_build::jar(root, &jar, &[(&unpacked, ".")])?;
    Ok(jar)
}

/// A javadoc jar: public repositories require one. Dokka would need its Kotlin analysis
/// runtime (well over 100 MB) in every CI run; the KDoc ships in the sources jar, which IDEs
/// show, so this jar holds an index page that says where the documentation is.
fn javadoc_index(version: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>PasskeyReady Android SDK {version}</title></head><body>\n\
         <h1>PasskeyReady Android SDK {version}</h1>\n\
         <p>The API documentation is the KDoc in <code>{ARTIFACT}-{version}-sources.jar</code>, \
         which Android Studio shows for every class and function, and the guide \
         <code>docs/android.md</code> of the source repository.</p>\n\
         <p>Entry point: <code>com.passkeyready.PasskeyReadiness</code>.</p>\n</body></html>\n"
    )
}

fn checksum(file: &Path) -> Result<(), String> {
    for (extension, tool) in CHECKSUMS {
        let digest = digest(tool, file)?;
        let sum = PathBuf::from(format!("{}.{extension}", file.display()));
        io(&sum, std::fs::write(&sum, digest))?;
    }
    Ok(())
}

fn maven_metadata(version: &str) -> String {
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<metadata>\n  <groupId>{GROUP}</groupId>\n  \
         <artifactId>{ARTIFACT}</artifactId>\n  <versioning>\n    <latest>{version}</latest>\n    \
         <release>{version}</release>\n    <versions>\n      <version>{version}</version>\n    \
         </versions>\n    <lastUpdated>{}</lastUpdated>\n  </versioning>\n</metadata>\n",
        utc_stamp(stamp)
    )
}

/// yyyyMMddHHmmss in UTC, as maven-metadata.xml's lastUpdated wants it.
fn utc_stamp(secs: u64) -> String {
    let days = secs / 86_400;
    let rest = secs % 86_400;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}{month:02}{day:02}{:02}{:02}{:02}",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// Builds the repository; `with_native` requires `jni/<abi>/` for every ABI (a release),
/// without it there must be none (a check run never packs libraries it did not check).
fn build(root: &Path, with_native: bool) -> Result<(), String> {
    let version = version::check_agree(root)?;
    let host_pom = io(
        &root.join("android/pom.xml"),
        std::fs::read_to_string(root.join("android/pom.xml")),
    )?;
    let versions = pom::HostVersions::read(&host_pom)?;
    let notice = notices::third_party_notice(root, &versions.jna)?;
    let classes = build_classes_jar(root, &version, &notice)?;

    let stage = work_dir(root).join("aar-stage");
    fresh_dir(&stage)?;
    let copy = |from: &Path, to: &str| -> Result<(), String> {
        let dest = stage.join(to);
        if let Some(parent) = dest.parent() {
            io(parent, std::fs::create_dir_all(parent))?;
        }
        std::fs::copy(from, &dest)
            .map(|_| ())
            .map_err(|e| format!("{} → {}: {e}", from.display(), dest.display()))
    };
    copy(&classes, "classes.jar")?;
    copy(
        &root.join("android/src/main/AndroidManifest.xml"),
        "AndroidManifest.xml",
    )?;
    copy(
        &root.join("android/release/consumer-rules.pro"),
        "proguard.txt",
    )?;
    // The SDK has no Android resources; AGP still expects the (empty) symbol list.
    io(
        &stage.join("R.txt"),
        std::fs::write(stage.join("R.txt"), ""),
    )?;
    io(
        &stage.join(NOTICE),
        std::fs::write(stage.join(NOTICE), &notice),
    )?;
    let jni = ndk::jni_dir(root);
    if with_native {
        for (_, abi) in TARGETS {
            let lib = jni.join(abi).join("libpasskey_ready_ffi.so");
            if !lib.is_file() {
                return Err(format!("no checked library for {abi}: {}", lib.display()));
            }
            copy(&lib, &format!("jni/{abi}/libpasskey_ready_ffi.so"))?;
        }
    } else {
        eprintln!(
            "    jni/<abi>/ skipped: no NDK build (the AAR of --check has no native libraries)"
        );
    }

    let out = version_dir(root, &version);
    fresh_dir(&out)?;
    let base = format!("{ARTIFACT}-{version}");
    let aar = out.join(format!("{base}.aar"));
    release_build::jar(root, &aar, &[(&stage, ".")])?;
    let pom_text = pom::release_pom(root, &version, &versions)?;
    let pom_path = out.join(format!("{base}.pom"));
    io(&pom_path, std::fs::write(&pom_path, pom_text))?;
    release_build::jar(
        root,
        &out.join(format!("{base}-sources.jar")),
        &[
            (&root.join("android/src/main/kotlin"), "."),
            (&root.join("android/target/generated-sources/uniffi"), "."),
        ],
    )?;
    let javadoc = work_dir(root).join("javadoc");
    fresh_dir(&javadoc)?;
    io(
        &javadoc,
        std::fs::write(javadoc.join("index.html"), javadoc_index(&version)),
    )?;
    release_build::jar(
        root,
        &out.join(format!("{base}-javadoc.jar")),
        &[(&javadoc, ".")],
    )?;
    let metadata = out
        .parent()
        .map(|p| p.join("maven-metadata.xml"))
        .unwrap_or_default();
    io(
        &metadata,
        std::fs::write(&metadata, maven_metadata(&version)),
    )?;
    for file in artifact_files(&version)
        .iter()
        .map(|f| out.join(f))
        .chain([metadata])
    {
        checksum(&file)?;
    }
    eprintln!("    {}", out.display());
    check(root, &version, with_native)
}

fn artifact_files(version: &str) -> Vec<String> {
    ["aar", "pom", "sources.jar", "javadoc.jar"]
        .iter()
        .map(|kind| match *kind {
            "aar" | "pom" => format!("{ARTIFACT}-{version}.{kind}"),
            classifier => format!("{ARTIFACT}-{version}-{classifier}"),
        })
        .collect()
}

/// Every file, checksum, POM field and AAR entry a consumer and a public repository need.
pub fn check(root: &Path, version: &str, with_native: bool) -> Result<(), String> {
    let out = version_dir(root, version);
    let metadata = out
        .parent()
        .map(|p| p.join("maven-metadata.xml"))
        .unwrap_or_default();
    let mut missing = Vec::new();
    for file in artifact_files(version)
        .iter()
        .map(|f| out.join(f))
        .chain([metadata])
    {
        if !file.is_file() {
            missing.push(file.display().to_string());
            continue;
        }
        for (extension, tool) in CHECKSUMS {
            let sum = PathBuf::from(format!("{}.{extension}", file.display()));
            let recorded = std::fs::read_to_string(&sum).unwrap_or_default();
            let actual = digest(tool, &file).unwrap_or_default();
            if recorded.trim().is_empty() || recorded.trim() != actual {
                missing.push(format!("{} (missing or wrong)", sum.display()));
            }
        }
    }
    if !missing.is_empty() {
        return Err(format!(
            "the Maven repository lacks: {}",
            missing.join(", ")
        ));
    }
    let base = out.join(format!("{ARTIFACT}-{version}"));
    let pom_text = io(
        &out,
        std::fs::read_to_string(format!("{}.pom", base.display())),
    )?;
    pom::check_release_pom(&pom_text, version)?;

    let aar = PathBuf::from(format!("{}.aar", base.display()));
    let listing = entries(&aar)?;
    let mut required: Vec<String> = [
        "AndroidManifest.xml",
        "classes.jar",
        "R.txt",
        "proguard.txt",
        NOTICE,
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    if with_native {
        required.extend(
            TARGETS
                .iter()
                .map(|(_, abi)| format!("jni/{abi}/libpasskey_ready_ffi.so")),
        );
    } else if let Some(native) = listing
        .iter()
        .find(|e| e.starts_with("jni/") && e.ends_with(".so"))
    {
        return Err(format!(
            "{}: {native} was never checked (a --check run packs no native library)",
            aar.display()
        ));
    }
    let absent: Vec<&String> = required.iter().filter(|r| !listing.contains(r)).collect();
    if !absent.is_empty() {
        return Err(format!(
            "{} lacks {}",
            aar.display(),
            absent
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let classes = entries(&classes_jar(root))?;
    for class in [
        "com/passkeyready/PasskeyReadiness.class",
        "com/passkeyready/ffi/PasskeyReady.class",
        "com/passkeyready/help/PasskeyHelpActivity.class",
        NOTICE_IN_JAR,
    ] {
        if !classes.iter().any(|e| e == class) {
            return Err(format!("classes.jar lacks {class}"));
        }
    }
    let stage = work_dir(root).join("aar-stage");
    let manifest = io(
        &stage,
        std::fs::read_to_string(stage.join("AndroidManifest.xml")),
    )?;
    for needed in [
        "package=\"com.passkeyready\"",
        "android:minSdkVersion=\"23\"",
        "<queries>",
        // A bank starts the help screen by intent: without the declaration it crashes.
        "android:name=\"com.passkeyready.help.PasskeyHelpActivity\"",
    ] {
        if !manifest.contains(needed) {
            return Err(format!("the AAR's AndroidManifest.xml lacks {needed}"));
        }
    }
    let rules = io(&stage, std::fs::read_to_string(stage.join("proguard.txt")))?;
    for rule in [
        "-keepattributes RuntimeVisibleAnnotations,AnnotationDefault",
        "-keep class com.sun.jna.** { *; }",
        "-keep class * implements com.sun.jna.** { *; }",
        "-keep class com.passkeyready.ffi.** { *; }",
    ] {
        if !rules.lines().any(|l| l.trim() == rule) {
            return Err(format!("the AAR's proguard.txt lacks `{rule}`"));
        }
    }
    let sources = entries(&PathBuf::from(format!("{}-sources.jar", base.display())))?;
    for source in [
        "com/passkeyready/PasskeyReadiness.kt",
        "com/passkeyready/ffi/passkey_ready_core.kt",
    ] {
        if !sources.iter().any(|e| e == source) {
            return Err(format!("the sources jar lacks {source}"));
        }
    }
    eprintln!("    layout, checksums, POM fields and AAR entries checked");
    Ok(())
}

pub const MAVEN_REPOSITORY_CHECK: Step = Step {
    name: "android: AAR and Maven repository target/dist/maven (no jni/: no NDK), checked",
    run: |root| build(root, false),
};

pub const MAVEN_REPOSITORY_RELEASE: Step = Step {
    name: "android: AAR with jni/<abi>/ and Maven repository target/dist/maven, checked",
    run: |root| build(root, true),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_updated_is_utc_yyyymmddhhmmss() {
        assert_eq!(utc_stamp(0), "19700101000000");
        // 2026-12-03 12:42:37 UTC; 2024-02-29 is a leap day.
        assert_eq!(utc_stamp(1_796_301_757), "20261203124237");
        assert_eq!(utc_stamp(1_709_210_096), "20240229123456");
    }
}
