//! The release POM: android/release/pom.template.xml filled in, and the fields public Maven
//! repositories require checked in the result.

use std::path::Path;

/// Versions the host build (android/pom.xml) compiles and tests with: the release depends on
/// the same ones.
pub struct HostVersions {
    /// The Kotlin compiler (and its Maven plugin).
    pub kotlin_compiler: String,
    /// The kotlin-stdlib the SDK depends on: older than the compiler, so that an app on an
    /// older Kotlin accepts it; the release POM names this one.
    pub kotlin_stdlib: String,
    pub jna: String,
    pub android_all: String,
}

/// The text of the first `<tag>…</tag>` (comments removed first by the caller).
pub fn element<'a>(xml: &'a str, tag: &str) -> Option<&'a str> {
    let open = format!("<{tag}>");
    let close = format!("</{tag}>");
    let start = xml.find(&open)? + open.len();
    let end = start + xml.get(start..)?.find(&close)?;
    xml.get(start..end).map(str::trim)
}

fn without_comments(xml: &str) -> String {
    let mut out = String::new();
    let mut rest = xml;
    while let Some(start) = rest.find("<!--") {
        out.push_str(rest.get(..start).unwrap_or_default());
        rest = rest
            .get(start..)
            .and_then(|r| r.find("-->").and_then(|end| r.get(end + 3..)))
            .unwrap_or_default();
    }
    out.push_str(rest);
    out
}

impl HostVersions {
    pub fn read(host_pom: &str) -> Result<Self, String> {
        let pom = without_comments(host_pom);
        let property = |name: &str| {
            element(&pom, name)
                .map(str::to_owned)
                .ok_or_else(|| format!("android/pom.xml has no <{name}> property"))
        };
        Ok(Self {
            kotlin_compiler: property("kotlin.version")?,
            kotlin_stdlib: property("kotlin-stdlib.version")?,
            jna: property("jna.version")?,
            android_all: property("android-all.version")?,
        })
    }
}

pub fn release_pom(root: &Path, version: &str, versions: &HostVersions) -> Result<String, String> {
    let path = root.join("android/release/pom.template.xml");
    let template =
        std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let pom = template
        .replace("@VERSION@", version)
        .replace("@KOTLIN_VERSION@", &versions.kotlin_stdlib)
        .replace("@JNA_VERSION@", &versions.jna);
    // A placeholder is @NAME@ (capitals and underscores); an e-mail's @ is not one.
    let body = without_comments(&pom);
    let parts: Vec<&str> = body.split('@').collect();
    let between = parts
        .get(1..parts.len().saturating_sub(1))
        .unwrap_or_default();
    let unfilled = between
        .iter()
        .find(|word| !word.is_empty() && word.chars().all(|c| c.is_ascii_uppercase() || c == '_'));
    if let Some(name) = unfilled {
        return Err(format!("{}: @{name}@ is left unfilled", path.display()));
    }
    Ok(pom)
}

/// Each dependency block with its artifactId.
fn dependency<'a>(pom: &'a str, artifact: &str) -> Option<&'a str> {
    pom.split("<dependency>")
        .skip(1)
        .filter_map(|d| d.split("</dependency>").next())
        .find(|d| element(d, "artifactId") == Some(artifact))
}

pub fn check_release_pom(pom_text: &str, version: &str) -> Result<(), String> {
    let pom = without_comments(pom_text);
    let mut problems = Vec::new();
    let mut require = |label: &str, value: Option<&str>| {
        if value.is_none_or(str::is_empty) {
            problems.push(label.to_owned());
        }
    };
    for tag in ["groupId", "artifactId", "name", "description", "url"] {
        require(tag, element(&pom, tag));
    }
    let license = element(&pom, "licenses").and_then(|l| element(l, "license"));
    require(
        "licenses/license/name",
        license.and_then(|l| element(l, "name")),
    );
    require(
        "licenses/license/url",
        license.and_then(|l| element(l, "url")),
    );
    let developer = element(&pom, "developers").and_then(|d| element(d, "developer"));
    require(
        "developers/developer/name",
        developer.and_then(|d| element(d, "name")),
    );
    let scm = element(&pom, "scm");
    require("scm/url", scm.and_then(|s| element(s, "url")));
    require("scm/connection", scm.and_then(|s| element(s, "connection")));
    let kotlin = dependency(&pom, "kotlin-stdlib");
    require(
        "dependency kotlin-stdlib with its version",
        kotlin.and_then(|d| element(d, "version")),
    );
    let jna = dependency(&pom, "jna");
    require(
        "dependency jna with its version",
        jna.and_then(|d| element(d, "version")),
    );
    if !problems.is_empty() {
        return Err(format!("the release POM lacks {}", problems.join(", ")));
    }
    let project_version = pom
        .find("<dependencies>")
        .and_then(|end| pom.get(..end))
        .and_then(|head| element(head, "version"));
    if project_version != Some(version) {
        return Err(format!(
            "the release POM's version is {project_version:?}, the workspace's {version}"
        ));
    }
    if element(&pom, "packaging") != Some("aar") {
        return Err("the release POM's packaging is not aar".to_owned());
    }
    if jna.and_then(|d| element(d, "type")) != Some("aar") {
        return Err(
            "the release POM must depend on JNA as <type>aar</type> (libjnidispatch per ABI)"
                .to_owned(),
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn template() -> String {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
        std::fs::read_to_string(root.join("android/release/pom.template.xml")).unwrap()
    }

    fn filled() -> String {
        template()
            .replace("@VERSION@", "1.2.3")
            .replace("@KOTLIN_VERSION@", "2.0.0")
            .replace("@JNA_VERSION@", "5.18.1")
    }

    #[test]
    fn the_template_filled_in_has_every_required_field() {
        check_release_pom(&filled(), "1.2.3").unwrap();
    }

    #[test]
    fn a_missing_field_fails_naming_it() {
        let without_scm = filled()
            .replace("<connection>", "<x>")
            .replace("</connection>", "</x>");
        let problem = check_release_pom(&without_scm, "1.2.3").unwrap_err();
        assert_eq!(problem, "the release POM lacks scm/connection");
        let without_developer = filled()
            .replace("<developers>", "<!-- ")
            .replace("</developers>", " -->");
        let problem = check_release_pom(&without_developer, "1.2.3").unwrap_err();
        assert_eq!(problem, "the release POM lacks developers/developer/name");
    }

    #[test]
    fn jna_must_be_the_aar_and_the_version_the_workspace_s() {
        let jar = filled().replace("<type>aar</type>", "");
        assert!(check_release_pom(&jar, "1.2.3")
            .unwrap_err()
            .contains("<type>aar</type>"));
        assert!(check_release_pom(&filled(), "1.2.4")
            .unwrap_err()
            .contains("1.2.4"));
    }

    #[test]
    fn the_host_pom_gives_the_kotlin_and_jna_versions() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
        let host = std::fs::read_to_string(root.join("android/pom.xml")).unwrap();
        let versions = HostVersions::read(&host).unwrap();
        assert!(
            versions.kotlin_compiler.starts_with('2'),
            "{}",
            versions.kotlin_compiler
        );
        // What an app on Kotlin 2.0 accepts (docs/android.md, Kotlin and Java compatibility).
        assert!(
            versions.kotlin_stdlib.starts_with("2.0."),
            "{}",
            versions.kotlin_stdlib
        );
        assert!(versions.jna.starts_with("5."), "{}", versions.jna);
    }
}
