use std::path::PathBuf;

/// Everything that can go wrong while loading or running a pipeline.
#[derive(Debug, thiserror::Error)]
pub enum NlpError {
    #[error(
        "no spaCy pipeline at {tried}: run scripts/fetch-model.sh, or set DOSSIER_MODEL to a model directory"
    )]
    NoModel { tried: String },
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("malformed msgpack in {path}: {detail}")]
    Msgpack { path: PathBuf, detail: String },
    #[error("malformed JSON in {path}: {source}")]
    Json {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
    #[error("model layout not understood ({what}): {detail}")]
    Model { what: String, detail: String },
    #[error("tokenizer pattern {name} does not compile: {detail}")]
    Pattern { name: String, detail: String },
}

impl NlpError {
    pub(crate) fn model(what: impl Into<String>, detail: impl Into<String>) -> Self {
        NlpError::Model {
            what: what.into(),
            detail: detail.into(),
        }
    }
}

pub(crate) fn read(path: &std::path::Path) -> Result<Vec<u8>, NlpError> {
    std::fs::read(path).map_err(|source| NlpError::Io {
        path: path.to_path_buf(),
        source,
    })
}

pub(crate) fn read_msgpack(path: &std::path::Path) -> Result<rmpv::Value, NlpError> {
    let bytes = read(path)?;
    rmpv::decode::read_value(&mut &bytes[..]).map_err(|e| NlpError::Msgpack {
        path: path.to_path_buf(),
        detail: e.to_string(),
    })
}
