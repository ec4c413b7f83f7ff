//! Reading thinc's serialised models (`Model.to_bytes`): a msgpack map of parallel lists
//! `nodes`, `attrs` and `params`, one entry per node of the model tree in walk order, with
//! arrays in msgpack-numpy's layout.

use crate::error::NlpError;
use rmpv::Value;
use std::collections::HashMap;
use std::path::Path;

/// A dense f32 array with its shape (row-major, as numpy stores it).
#[derive(Debug, Clone)]
pub struct Array {
    pub shape: Vec<usize>,
    pub data: Vec<f32>,
}

/// One node of a thinc model tree.
#[derive(Debug)]
pub struct Node {
    pub name: String,
    /// Attribute values, decoded from their nested msgpack encoding.
    pub attrs: HashMap<String, Value>,
    pub params: HashMap<String, Array>,
}

/// A whole model file.
#[derive(Debug)]
pub struct ThincModel {
    pub nodes: Vec<Node>,
}

pub(crate) fn key_str(v: &Value) -> Option<&str> {
    match v {
        Value::String(s) => s.as_str(),
        Value::Binary(b) => std::str::from_utf8(b).ok(),
        _ => None,
    }
}

pub(crate) fn map_get<'a>(v: &'a Value, key: &str) -> Option<&'a Value> {
    v.as_map()?
        .iter()
        .find(|(k, _)| key_str(k) == Some(key))
        .map(|(_, v)| v)
}

fn decode_array(v: &Value, what: &str) -> Result<Array, NlpError> {
    let bad = |d: &str| NlpError::model(what.to_string(), d.to_string());
    let ty = map_get(v, "type")
        .and_then(key_str)
        .ok_or_else(|| bad("no dtype"))?;
    if ty != "<f4" {
        return Err(bad(&format!("dtype {ty}, expected <f4")));
    }
    let shape: Vec<usize> = map_get(v, "shape")
        .and_then(Value::as_array)
        .ok_or_else(|| bad("no shape"))?
        .iter()
        .map(|d| d.as_u64().map(|x| x as usize))
        .collect::<Option<_>>()
        .ok_or_else(|| bad("bad shape"))?;
    let data = match map_get(v, "data") {
        Some(Value::Binary(b)) => b,
        _ => return Err(bad("no data")),
    };
    let n: usize = shape.iter().product();
    if data.len() != n * 4 {
        return Err(bad("data size does not match shape"));
    }
    let data = data
        .chunks_exact(4)
        .map(|c| f32::from_le_bytes(c.try_into().unwrap()))
        .collect();
    Ok(Array { shape, data })
}

impl ThincModel {
    pub fn load(path: &Path) -> Result<Self, NlpError> {
        let root = crate::error::read_msgpack(path)?;
        let bad = |d: &str| NlpError::Msgpack {
            path: path.to_path_buf(),
            detail: d.to_string(),
        };
        let list = |k: &str| {
            map_get(&root, k)
                .and_then(Value::as_array)
                .ok_or_else(|| bad(k))
        };
        let (nodes, attrs, params) = (list("nodes")?, list("attrs")?, list("params")?);
        if nodes.len() != attrs.len() || nodes.len() != params.len() {
            return Err(bad("nodes, attrs and params differ in length"));
        }
        let mut out = Vec::with_capacity(nodes.len());
        for ((n, a), p) in nodes.iter().zip(attrs).zip(params) {
            let name = map_get(n, "name")
                .and_then(key_str)
                .unwrap_or_default()
                .to_string();
            let mut attr_map = HashMap::new();
            if let Some(m) = a.as_map() {
                for (k, v) in m {
                    let Some(k) = key_str(k) else { continue };
                    // Each attribute is itself msgpack-encoded bytes.
                    let decoded = match v {
                        Value::Binary(b) => {
                            rmpv::decode::read_value(&mut &b[..]).unwrap_or(Value::Nil)
                        }
                        other => other.clone(),
                    };
                    attr_map.insert(k.to_string(), decoded);
                }
            }
            let mut param_map = HashMap::new();
            if let Some(m) = p.as_map() {
                for (k, v) in m {
                    let Some(k) = key_str(k) else { continue };
                    param_map.insert(k.to_string(), decode_array(v, &format!("{name}.{k}"))?);
                }
            }
            out.push(Node {
                name,
                attrs: attr_map,
                params: param_map,
            });
        }
        Ok(ThincModel { nodes: out })
    }

    /// Nodes whose name is exactly `name`, in walk order.
    pub fn named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Node> + 'a {
        self.nodes.iter().filter(move |n| n.name == name)
    }
}

impl Node {
    pub fn param(&self, name: &str) -> Result<&Array, NlpError> {
        self.params
            .get(name)
            .ok_or_else(|| NlpError::model(self.name.clone(), format!("missing param {name}")))
    }
    pub fn attr_i64(&self, name: &str) -> Option<i64> {
        self.attrs.get(name).and_then(Value::as_i64)
    }
}
