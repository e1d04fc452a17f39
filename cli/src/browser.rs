//! `ua`: what a user agent tells about the browser a registration page is opened in.

use passkey_ready_core::useragent::{classify_user_agent, UserAgentInfo};

use crate::Failure;

#[derive(clap::Args)]
pub struct Args {
    /// Print the result as JSON.
    #[arg(long)]
    json: bool,
    /// The User-Agent header value.
    user_agent: String,
}

pub fn run(args: &Args) -> Result<String, Failure> {
    let info = classify_user_agent(&args.user_agent).map_err(|e| Failure(e.to_string()))?;
    if args.json {
        crate::guide::json(&info)
    } else {
        Ok(text(&info))
    }
}

fn text(info: &UserAgentInfo) -> String {
    let value = serde_json::to_value(info).unwrap_or_default();
    let Some(fields) = value.as_object() else {
        return String::new();
    };
    fields
        .iter()
        .map(|(key, value)| {
            let shown = match value {
                serde_json::Value::Null => "unknown".to_owned(),
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            format!("{key}: {shown}\n")
        })
        .collect()
}
