//! Static word vectors (`vocab/vectors` as a numpy `.npy` table, `vocab/key2row` as a
//! msgpack map from ORTH id to row), as the md and lg pipelines use them.

use crate::error::{NlpError, read, read_msgpack};
use rmpv::Value;
use std::collections::HashMap;
use std::path::Path;

/// A `default`-mode spaCy vectors table.
#[derive(Debug)]
pub struct Vectors {
    key2row: HashMap<u64, u32>,
    pub dim: usize,
    data: Vec<f32>,
}

fn bad(path: &Path, d: &str) -> NlpError {
    NlpError::model(path.display().to_string(), d.to_string())
}

/// Reads a little-endian f32, C-order, 2-d `.npy` file.
fn read_npy(path: &Path) -> Result<(usize, usize, Vec<f32>), NlpError> {
    let bytes = read(path)?;
    if bytes.len() < 10 || &bytes[..6] != b"\x93NUMPY" {
        return Err(bad(path, "not a .npy file"));
    }
    let (hlen, start) = match bytes[6] {
        1 => (u16::from_le_bytes([bytes[8], bytes[9]]) as usize, 10),
        _ => {
            let h = u32::from_le_bytes(bytes[8..12].try_into().unwrap()) as usize;
            (h, 12)
        }
    };
    let header =
        std::str::from_utf8(&bytes[start..start + hlen]).map_err(|_| bad(path, "header"))?;
    if !header.contains("'<f4'") || header.contains("'fortran_order': True") {
        return Err(bad(path, "expected little-endian f32 in C order"));
    }
    let shape = header
        .split("'shape':")
        .nth(1)
        .and_then(|s| s.split(')').next())
        .map(|s| s.trim().trim_start_matches('(').to_string())
        .ok_or_else(|| bad(path, "no shape"))?;
    let dims: Vec<usize> = shape
        .split(',')
        .filter_map(|d| d.trim().parse().ok())
        .collect();
    if dims.len() != 2 {
        return Err(bad(path, "expected a 2-d table"));
    }
    let body = &bytes[start + hlen..];
    if body.len() != dims[0] * dims[1] * 4 {
        return Err(bad(path, "size does not match shape"));
    }
    let data = body
        .chunks_exact(4)
        .map(|c| f32::from_le_bytes(c.try_into().unwrap()))
        .collect();
    Ok((dims[0], dims[1], data))
}

impl Vectors {
    /// Loads `vocab/vectors` and `vocab/key2row`; `None` when the pipeline has no vectors.
    pub fn load(dir: &Path) -> Result<Option<Self>, NlpError> {
        let vdir = dir.join("vocab");
        let (vpath, kpath) = (vdir.join("vectors"), vdir.join("key2row"));
        if !vpath.exists() || !kpath.exists() {
            return Ok(None);
        }
        let cfg = vdir.join("vectors.cfg");
        if cfg.exists() {
            let text = String::from_utf8_lossy(&read(&cfg)?).into_owned();
            if text.contains("floret") {
                return Err(bad(&cfg, "floret vectors are not supported"));
            }
        }
        let (rows, dim, data) = read_npy(&vpath)?;
        let mut key2row = HashMap::new();
        if let Value::Map(m) = read_msgpack(&kpath)? {
            key2row.reserve(m.len());
            for (k, v) in m {
                if let (Some(k), Some(v)) = (k.as_u64(), v.as_u64())
                    && (v as usize) < rows
                {
                    key2row.insert(k, v as u32);
                }
            }
        }
        if rows == 0 {
            return Ok(None);
        }
        Ok(Some(Vectors { key2row, dim, data }))
    }

    /// The vector of an ORTH id, if the table has one.
    pub fn get(&self, key: u64) -> Option<&[f32]> {
        self.key2row
            .get(&key)
            .map(|&r| &self.data[r as usize * self.dim..(r as usize + 1) * self.dim])
    }
}
