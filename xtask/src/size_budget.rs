//! A size budget file (android/size-budget.json, ios/size-budget.json): figures that may not
//! grow more than `max_growth_percent` over the budget the file names for them.

use std::path::Path;

pub fn read(path: &Path) -> Result<serde_json::Value, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Fails naming each figure that grew past its budget by more than the allowed share.
pub fn compare(
    budget: &serde_json::Value,
    file: &str,
    figures: &[(&str, &str, u64)],
) -> Result<(), String> {
    let percent = budget
        .get("max_growth_percent")
        .and_then(serde_json::Value::as_u64)
        .ok_or_else(|| format!("{file} has no max_growth_percent"))?;
    let mut over = Vec::new();
    for (key, label, bytes) in figures {
        let allowed = budget
            .get(*key)
            .and_then(serde_json::Value::as_u64)
            .filter(|b| *b > 0)
            .ok_or_else(|| format!("{file} has no budget {key} (measured: {bytes})"))?;
        let limit = allowed + allowed * percent / 100;
        let change = (*bytes as f64 - allowed as f64) * 100.0 / allowed as f64;
        eprintln!(
            "    {label}: {bytes} bytes, budget {allowed} ({change:+.1} %, limit +{percent} % = {limit})"
        );
        if *bytes > limit {
            over.push(format!(
                "{label} is {bytes} bytes, more than {percent} % over its budget of {allowed} ({key} in {file})"
            ));
        } else if change < -f64::from(u32::try_from(percent).unwrap_or(10)) {
            eprintln!("    {label} shrank by more than {percent} %: lower {key} to {bytes}");
        }
    }
    if over.is_empty() {
        Ok(())
    } else {
        Err(over.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn budget(bytes: u64) -> serde_json::Value {
        serde_json::json!({ "max_growth_percent": 10, "lib": bytes })
    }

    #[test]
    fn growth_up_to_ten_percent_passes_beyond_it_fails_naming_the_figure() {
        assert!(compare(&budget(1000), "b.json", &[("lib", "the library", 1100)]).is_ok());
        let problem =
            compare(&budget(1000), "b.json", &[("lib", "the library", 1101)]).unwrap_err();
        assert!(
            problem.contains("the library is 1101 bytes, more than 10 % over its budget of 1000"),
            "{problem}"
        );
    }

    #[test]
    fn a_figure_without_a_budget_fails() {
        assert!(compare(&budget(0), "b.json", &[("lib", "the library", 5)]).is_err());
        assert!(compare(&budget(10), "b.json", &[("other", "x", 5)]).is_err());
    }
}
