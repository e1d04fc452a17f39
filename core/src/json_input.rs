//! Deserialising outside input with the path of the field at fault, for errors that name it.

/// Parses `json`; on failure, the path of the failing field (`(root)` when the text is not
/// JSON at all or the problem is the whole document) and serde's message with line and column.
pub(crate) fn parse<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, (String, String)> {
    let mut de = serde_json::Deserializer::from_str(json);
    serde_path_to_error::deserialize(&mut de).map_err(|err| {
        let path = match err.path().to_string().as_str() {
            "." | "?" | "" => "(root)".to_owned(),
            path => path.to_owned(),
        };
        (path, err.into_inner().to_string())
    })
}
