//! An analyst's corrections to the actor list, read from a TOML file and applied after every
//! resolution, so they survive re-ingest and re-analysis.
//!
//! ```toml
//! [[merge]]                 # these names are one actor
//! names = ["Mohammad Javad Zarif", "FM Zarif"]
//!
//! [[split]]                 # actors of this name never merge with anyone else
//! name = "Jeb Bush"
//!
//! [[rename]]                # how an entity is shown (by id, name or alias)
//! entity = "person:araghchi"
//! name = "Abbas Araghchi"
//!
//! [[retype]]                # its type, an OntoNotes label
//! entity = "Jordan"
//! type = "PERSON"
//! ```

use std::path::Path;

use dossier_model::Entity;
use serde::Deserialize;

use crate::names::fold;

/// Labels an entity may be retyped to.
const TYPES: &[&str] = &["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"];

#[derive(Debug, thiserror::Error)]
pub enum CorrectionsError {
    #[error("cannot read corrections file {path}: {source}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("corrections file {path} is not valid: {message}")]
    Invalid { path: String, message: String },
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Corrections {
    #[serde(default)]
    merge: Vec<Merge>,
    #[serde(default)]
    split: Vec<Split>,
    #[serde(default)]
    rename: Vec<Rename>,
    #[serde(default)]
    retype: Vec<Retype>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct Merge {
    names: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct Split {
    name: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct Rename {
    entity: String,
    name: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct Retype {
    entity: String,
    #[serde(rename = "type")]
    kind: String,
}

impl Corrections {
    /// No corrections.
    pub fn none() -> Self {
        Corrections::default()
    }

    /// Reads a corrections file; `path` names it in errors.
    pub fn load(path: &Path) -> Result<Self, CorrectionsError> {
        let text = std::fs::read_to_string(path).map_err(|source| CorrectionsError::Read {
            path: path.display().to_string(),
            source,
        })?;
        Self::parse(&text, &path.display().to_string())
    }

    /// Parses corrections from TOML text; `name` says where it came from in errors.
    pub fn parse(text: &str, name: &str) -> Result<Self, CorrectionsError> {
        let invalid = |message: String| CorrectionsError::Invalid {
            path: name.to_string(),
            message,
        };
        let c: Corrections = toml::from_str(text).map_err(|e| invalid(e.to_string()))?;
        for m in &c.merge {
            if m.names.len() < 2 {
                return Err(invalid(format!(
                    "a [[merge]] needs at least two names, got {:?}",
                    m.names
                )));
            }
        }
        for r in &c.retype {
            if !TYPES.contains(&r.kind.as_str()) {
                return Err(invalid(format!(
                    "[[retype]] of {:?}: type {:?} is not one of {}",
                    r.entity,
                    r.kind,
                    TYPES.join(", ")
                )));
            }
        }
        Ok(c)
    }

    pub fn is_empty(&self) -> bool {
        self.merge.is_empty()
            && self.split.is_empty()
            && self.rename.is_empty()
            && self.retype.is_empty()
    }

    /// The name lists of the merges.
    pub fn merges(&self) -> impl Iterator<Item = &[String]> {
        self.merge.iter().map(|m| m.names.as_slice())
    }

    /// True when actors called `name` are split off by a correction.
    pub fn is_split_off(&self, name: &str) -> bool {
        let f = fold(name);
        self.split.iter().any(|s| fold(&s.name) == f)
    }

    /// Renames and retypes `entity` where a correction names it.
    pub fn apply_to(&self, entity: &mut Entity) {
        for r in &self.rename {
            if names_entity(&r.entity, entity) && entity.name != r.name {
                let old = std::mem::replace(&mut entity.name, r.name.clone());
                entity.aliases.retain(|a| *a != r.name);
                if !entity.aliases.contains(&old) {
                    entity.aliases.push(old);
                }
            }
        }
        for r in &self.retype {
            if names_entity(&r.entity, entity) {
                entity.kind = r.kind.clone();
            }
        }
    }
}

impl Corrections {
    /// The corrections that name no entity of `entities`, each said in a line: a misspelt name
    /// in the file should not pass in silence.
    pub fn unmatched(&self, entities: &[Entity]) -> Vec<String> {
        let any = |key: &str| entities.iter().any(|e| names_entity(key, e));
        let mut out = Vec::new();
        for m in &self.merge {
            for n in m.names.iter().filter(|n| !any(n)) {
                out.push(format!("[[merge]] name {n:?} matches no actor"));
            }
        }
        for sp in self.split.iter().filter(|sp| !any(&sp.name)) {
            out.push(format!("[[split]] name {:?} matches no actor", sp.name));
        }
        for r in self
            .rename
            .iter()
            .filter(|r| !any(&r.entity) && !any(&r.name))
        {
            out.push(format!("[[rename]] entity {:?} matches no actor", r.entity));
        }
        for r in self.retype.iter().filter(|r| !any(&r.entity)) {
            out.push(format!("[[retype]] entity {:?} matches no actor", r.entity));
        }
        out
    }
}

/// A correction names an entity by its id, its name or one of its aliases.
fn names_entity(key: &str, e: &Entity) -> bool {
    if key == e.id {
        return true;
    }
    let f = fold(key);
    fold(&e.name) == f || e.aliases.iter().any(|a| fold(a) == f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_kind() {
        let c = Corrections::parse(
            r#"
            [[merge]]
            names = ["A B", "C D"]
            [[split]]
            name = "Jeb Bush"
            [[rename]]
            entity = "person:x"
            name = "X Y"
            [[retype]]
            entity = "Jordan"
            type = "PERSON"
            "#,
            "c.toml",
        )
        .unwrap();
        assert_eq!(c.merges().count(), 1);
        assert!(c.is_split_off("jeb  bush"));
        assert!(!c.is_split_off("George W. Bush"));
    }

    #[test]
    fn errors_name_the_file_and_the_problem() {
        let e = Corrections::parse("[[retype]]\nentity = \"X\"\ntype = \"CITY\"\n", "my.toml")
            .unwrap_err()
            .to_string();
        assert!(e.contains("my.toml") && e.contains("CITY"), "{e}");
        let e = Corrections::parse("[[merge]]\nnames = [\"A\"]\n", "my.toml")
            .unwrap_err()
            .to_string();
        assert!(e.contains("at least two"), "{e}");
        let e = Corrections::parse("[[merj]]\n", "my.toml")
            .unwrap_err()
            .to_string();
        assert!(e.contains("my.toml") && e.contains("merj"), "{e}");
    }

    #[test]
    fn corrections_that_match_nothing_are_reported() {
        let c = Corrections::parse(
            "[[merge]]\nnames = [\"Araghchi\", \"Araghchy\"]\n[[retype]]\nentity = \"Nobody\"\ntype = \"ORG\"\n",
            "c",
        )
        .unwrap();
        let e = Entity {
            id: "person:abbas-araghchi".into(),
            name: "Abbas Araghchi".into(),
            kind: "PERSON".into(),
            aliases: vec!["Araghchi".into()],
            documents: vec![],
            mentions: 1,
            kb: None,
            country: None,
            roles: vec![],
        };
        let got = c.unmatched(&[e]);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(
            got[0].contains("Araghchy") && got[1].contains("Nobody"),
            "{got:?}"
        );
    }

    #[test]
    fn rename_keeps_the_old_name_as_alias() {
        let c = Corrections::parse(
            "[[rename]]\nentity = \"Araghchi\"\nname = \"Abbas Araghchi\"\n",
            "c",
        )
        .unwrap();
        let mut e = Entity {
            id: "person:araghchi".into(),
            name: "Araghchi".into(),
            kind: "PERSON".into(),
            aliases: vec![],
            documents: vec![],
            mentions: 1,
            kb: None,
            country: None,
            roles: vec![],
        };
        c.apply_to(&mut e);
        assert_eq!(e.name, "Abbas Araghchi");
        assert_eq!(e.aliases, ["Araghchi"]);
    }
}
