//! The bank's service name, which replaces `{service}` in every text a customer sees. It
//! comes from the host app (or the CLI's `--service`), not from reviewed content, so it
//! passes the same content-safety rules as a text, and more: one short line, no braces.

use super::safety::{self, LoadPolicy};

/// Characters of a service name; the page's own (プラスネット, PlusNet) has 6 and 7.
pub const MAX_SERVICE_NAME_CHARS: usize = 64;

/// Why a service name was refused. The value is never echoed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ServiceNameError {
    #[error("service: longer than {max} characters")]
    TooLong { max: usize },
    /// A line break, or `{` / `}`: the name is filled into texts whose other placeholders
    /// (`{os_version}`) are filled after it.
    #[error("service: line breaks, '{{' and '}}' are not allowed")]
    NotOneName,
    /// What the content-safety rules found (a link, markup, a control, bidi or format
    /// character, a character reference), as a problem naming `service`.
    #[error("{detail}")]
    Unsafe { detail: String },
}

/// Checks a service name. `None`, empty or blank means "the content's own" and is fine.
pub fn check_service_name(name: &str) -> Result<(), ServiceNameError> {
    if name.chars().nth(MAX_SERVICE_NAME_CHARS).is_some() {
        return Err(ServiceNameError::TooLong {
            max: MAX_SERVICE_NAME_CHARS,
        });
    }
    if name.contains(['\n', '{', '}']) {
        return Err(ServiceNameError::NotOneName);
    }
    let mut problems = Vec::new();
    safety::check_text("service", name, &LoadPolicy::default(), &mut problems);
    match problems.first() {
        Some(problem) => Err(ServiceNameError::Unsafe {
            detail: problem.to_string(),
        }),
        None => Ok(()),
    }
}
