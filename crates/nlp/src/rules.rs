//! Rule components: the attribute ruler (POS and morphology from tags) and the rule
//! lemmatizer. Filled in by `Rules::apply`.

use crate::Token;
use crate::error::NlpError;
use std::path::Path;

#[derive(Debug, Default)]
pub struct Rules {}

impl Rules {
    pub fn load(_dir: &Path) -> Result<Self, NlpError> {
        Ok(Rules {})
    }

    pub fn apply(&self, _text: &str, _tokens: &mut [Token]) {}
}
