//! The thinc layers the CNN pipelines use, for inference only: hash embeddings, maxout,
//! layer normalisation, the residual window encoder and plain affine layers. All matrix
//! work goes through `matrixmultiply::sgemm` over whole documents.

use crate::error::NlpError;
use crate::hash::murmur3_u64;
use crate::thinc::{Array, Node, ThincModel};
use crate::vectors::Vectors;

/// `out (n × m) = x (n × k) · wᵀ` where `w` is `m × k` row-major; `out` is overwritten.
pub fn gemm_xwt(x: &[f32], n: usize, k: usize, w: &[f32], m: usize, out: &mut [f32]) {
    debug_assert!(x.len() >= n * k && w.len() >= m * k && out.len() >= n * m);
    if n == 0 || m == 0 {
        return;
    }
    // SAFETY: the slices are at least as long as the strides below address.
    unsafe {
        matrixmultiply::sgemm(
            n,
            k,
            m,
            1.0,
            x.as_ptr(),
            k as isize,
            1,
            w.as_ptr(),
            1,
            k as isize,
            0.0,
            out.as_mut_ptr(),
            m as isize,
            1,
        );
    }
}

fn dims(a: &Array, want: usize, what: &str) -> Result<(), NlpError> {
    if a.shape.len() != want {
        return Err(NlpError::model(
            what.to_string(),
            format!("shape {:?}", a.shape),
        ));
    }
    Ok(())
}

/// An affine layer `y = x·Wᵀ + b`.
#[derive(Debug, Clone)]
pub struct Linear {
    pub n_out: usize,
    pub n_in: usize,
    w: Vec<f32>,
    /// `W` transposed (`n_in × n_out`), for the few-row products of parser steps.
    wt: Vec<f32>,
    b: Vec<f32>,
}

/// Below this many rows, packing the weights for sgemm costs more than the product.
const SMALL_ROWS: usize = 24;

impl Linear {
    pub fn from_node(node: &Node) -> Result<Self, NlpError> {
        let w = node.param("W")?;
        let b = node.param("b")?;
        dims(w, 2, "linear W")?;
        let (n_out, n_in) = (w.shape[0], w.shape[1]);
        let mut wt = vec![0f32; n_out * n_in];
        for o in 0..n_out {
            for i in 0..n_in {
                wt[i * n_out + o] = w.data[o * n_in + i];
            }
        }
        Ok(Linear {
            n_out,
            n_in,
            w: w.data.clone(),
            wt,
            b: b.data.clone(),
        })
    }

    /// Applies the layer to `n` rows.
    pub fn forward(&self, x: &[f32], n: usize, out: &mut Vec<f32>) {
        out.clear();
        out.resize(n * self.n_out, 0.0);
        if n < SMALL_ROWS {
            // Row by row as a sum of weight rows scaled by the inputs: contiguous, vectorised.
            for (xr, yr) in x
                .chunks_exact(self.n_in)
                .zip(out.chunks_exact_mut(self.n_out))
            {
                for (xi, wr) in xr.iter().zip(self.wt.chunks_exact(self.n_out)) {
                    for (y, w) in yr.iter_mut().zip(wr) {
                        *y += xi * w;
                    }
                }
            }
        } else {
            gemm_xwt(x, n, self.n_in, &self.w, self.n_out, out);
        }
        for row in out.chunks_exact_mut(self.n_out) {
            for (y, b) in row.iter_mut().zip(&self.b) {
                *y += b;
            }
        }
    }
}

/// Maxout followed by layer normalisation, thinc's `Maxout(normalize=True)`.
#[derive(Debug, Clone)]
pub struct MaxoutLn {
    n_out: usize,
    n_pieces: usize,
    n_in: usize,
    w: Vec<f32>,
    b: Vec<f32>,
    g: Vec<f32>,
    beta: Vec<f32>,
}

impl MaxoutLn {
    fn from_nodes(maxout: &Node, ln: &Node) -> Result<Self, NlpError> {
        let w = maxout.param("W")?;
        dims(w, 3, "maxout W")?;
        Ok(MaxoutLn {
            n_out: w.shape[0],
            n_pieces: w.shape[1],
            n_in: w.shape[2],
            w: w.data.clone(),
            b: maxout.param("b")?.data.clone(),
            g: ln.param("G")?.data.clone(),
            beta: ln.param("b")?.data.clone(),
        })
    }

    /// `x` has `n` rows of `n_in`; writes `n` rows of `n_out` into `out`.
    fn forward(&self, x: &[f32], n: usize, scratch: &mut Vec<f32>, out: &mut [f32]) {
        let np = self.n_out * self.n_pieces;
        // sgemm overwrites its output (beta = 0): grow the scratch, never re-zero it.
        if scratch.len() < n * np {
            scratch.resize(n * np, 0.0);
        }
        let scratch = &mut scratch[..n * np];
        gemm_xwt(x, n, self.n_in, &self.w, np, scratch);
        let k = self.n_pieces;
        for (row, y) in scratch
            .chunks_exact(np)
            .zip(out.chunks_exact_mut(self.n_out))
        {
            for ((yo, pieces), bias) in y
                .iter_mut()
                .zip(row.chunks_exact(k))
                .zip(self.b.chunks_exact(k))
            {
                let mut best = pieces[0] + bias[0];
                for (p, b) in pieces[1..].iter().zip(&bias[1..]) {
                    let v = p + b;
                    if v > best {
                        best = v;
                    }
                }
                *yo = best;
            }
            layer_norm(y, &self.g, &self.beta);
        }
    }
}

/// thinc's LayerNorm over one row: population variance plus 1e-8, then scale and shift.
fn layer_norm(y: &mut [f32], g: &[f32], b: &[f32]) {
    let n = y.len() as f32;
    let mean = y.iter().sum::<f32>() / n;
    let var = y.iter().map(|v| (v - mean) * (v - mean)).sum::<f32>() / n + 1e-8;
    let inv = var.powf(-0.5);
    for ((v, g), b) in y.iter_mut().zip(g).zip(b) {
        *v = (*v - mean) * inv * g + b;
    }
}

/// One hash-embedding table reading one feature column.
#[derive(Debug, Clone)]
struct HashEmbed {
    seed: u32,
    column: usize,
    rows: usize,
    width: usize,
    table: Vec<f32>,
}

/// The token features a tok2vec's `extract_features` layer reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Feature {
    Norm,
    Prefix,
    Suffix,
    Shape,
    Spacy,
    IsSpace,
}

/// A tok2vec: `MultiHashEmbed` (hash tables, maxout mix) then `MaxoutWindowEncoder`.
#[derive(Debug, Clone)]
pub struct Tok2Vec {
    pub features: Vec<Feature>,
    embeds: Vec<HashEmbed>,
    mix: MaxoutLn,
    layers: Vec<MaxoutLn>,
    pad: usize,
    pub width: usize,
    /// `StaticVectors` projection `W` (`width × vector dim`), when the embedding concatenates
    /// projected static vectors after the hash embeddings.
    static_w: Option<(usize, Vec<f32>)>,
}

impl Tok2Vec {
    /// Reads the tok2vec layers out of a model file (a tok2vec component, or a component
    /// that embeds its own copy).
    pub fn from_model(model: &ThincModel) -> Result<Self, NlpError> {
        let fe = model
            .named("extract_features")
            .next()
            .ok_or_else(|| NlpError::model("tok2vec", "no extract_features node"))?;
        let cols = fe
            .attrs
            .get("columns")
            .and_then(|v| v.as_array())
            .ok_or_else(|| NlpError::model("tok2vec", "no feature columns"))?;
        let mut features = Vec::new();
        for c in cols {
            let name = crate::thinc::key_str(c).unwrap_or("");
            features.push(match name {
                "NORM" => Feature::Norm,
                "PREFIX" => Feature::Prefix,
                "SUFFIX" => Feature::Suffix,
                "SHAPE" => Feature::Shape,
                "SPACY" => Feature::Spacy,
                "IS_SPACE" => Feature::IsSpace,
                other => return Err(NlpError::model("tok2vec", format!("feature {other}"))),
            });
        }
        let mut embeds = Vec::new();
        for n in model.named("hashembed") {
            let e = n.param("E")?;
            dims(e, 2, "hashembed E")?;
            embeds.push(HashEmbed {
                seed: n
                    .attr_i64("seed")
                    .ok_or_else(|| NlpError::model("hashembed", "no seed"))?
                    as u32,
                column: n.attr_i64("column").unwrap_or(0) as usize,
                rows: e.shape[0],
                width: e.shape[1],
                table: e.data.clone(),
            });
        }
        let maxouts: Vec<&Node> = model.named("maxout").collect();
        let norms: Vec<&Node> = model.named("layernorm").collect();
        if maxouts.len() < 2 || maxouts.len() != norms.len() || embeds.is_empty() {
            return Err(NlpError::model("tok2vec", "unexpected layer count"));
        }
        let mix = MaxoutLn::from_nodes(maxouts[0], norms[0])?;
        let layers = maxouts[1..]
            .iter()
            .zip(&norms[1..])
            .map(|(m, l)| MaxoutLn::from_nodes(m, l))
            .collect::<Result<Vec<_>, _>>()?;
        let pad = model
            .nodes
            .iter()
            .find(|n| n.name.starts_with("with_array(residual"))
            .and_then(|n| n.attr_i64("pad"))
            .unwrap_or(layers.len() as i64) as usize;
        let width = mix.n_out;
        let static_w = match model.named("static_vectors").next() {
            Some(node) => {
                let w = node.param("W")?;
                dims(w, 2, "static_vectors W")?;
                Some((w.shape[0], w.data.clone()))
            }
            None => None,
        };
        Ok(Tok2Vec {
            features,
            embeds,
            mix,
            layers,
            pad,
            width,
            static_w,
        })
    }

    /// Whether this tok2vec reads static vectors.
    pub fn uses_vectors(&self) -> bool {
        self.static_w.is_some()
    }

    /// Encodes one document given its feature rows (and, for a tok2vec with static vectors,
    /// each token's ORTH id and the vectors table); returns `n × width` floats.
    pub fn forward(
        &self,
        feats: &[u64],
        n: usize,
        orths: &[u64],
        vectors: Option<&Vectors>,
    ) -> Vec<f32> {
        let nf = self.features.len();
        let hash_w: usize = self.embeds.iter().map(|e| e.width).sum();
        let static_out = self.static_w.as_ref().map_or(0, |(o, _)| *o);
        let concat_w = hash_w + static_out;
        let mut concat = vec![0f32; n * concat_w];
        for t in 0..n {
            let row = &mut concat[t * concat_w..(t + 1) * concat_w];
            let mut off = 0;
            for e in &self.embeds {
                let id = feats[t * nf + e.column];
                let keys = murmur3_u64(id, e.seed);
                let dst = &mut row[off..off + e.width];
                for k in keys {
                    let r = (k as usize) % e.rows;
                    let src = &e.table[r * e.width..(r + 1) * e.width];
                    for (d, s) in dst.iter_mut().zip(src) {
                        *d += s;
                    }
                }
                off += e.width;
            }
        }
        if let (Some((n_out, sw)), Some(vecs)) = (&self.static_w, vectors) {
            // StaticVectors: gather rows by ORTH id (zero where there is none), project.
            let dim = vecs.dim;
            let mut gathered = vec![0f32; n * dim];
            let mut found = vec![false; n];
            for t in 0..n {
                if let Some(v) = vecs.get(orths[t]) {
                    gathered[t * dim..(t + 1) * dim].copy_from_slice(v);
                    found[t] = true;
                }
            }
            let mut proj = vec![0f32; n * n_out];
            gemm_xwt(&gathered, n, dim, sw, *n_out, &mut proj);
            for t in 0..n {
                if found[t] {
                    concat[t * concat_w + hash_w..(t + 1) * concat_w]
                        .copy_from_slice(&proj[t * n_out..(t + 1) * n_out]);
                }
            }
        }
        let w = self.width;
        let p = self.pad;
        let total = n + 2 * p;
        // Padding rows take part in every layer exactly as thinc's flatten(pad=…) has them.
        let mut x = vec![0f32; total * w];
        let mut scratch = Vec::new();
        self.mix
            .forward(&concat, n, &mut scratch, &mut x[p * w..(p + n) * w]);
        let mut win = vec![0f32; total * 3 * w];
        let mut y = vec![0f32; total * w];
        for layer in &self.layers {
            for i in 0..total {
                let dst = &mut win[i * 3 * w..(i + 1) * 3 * w];
                if i > 0 {
                    dst[..w].copy_from_slice(&x[(i - 1) * w..i * w]);
                } else {
                    dst[..w].fill(0.0);
                }
                dst[w..2 * w].copy_from_slice(&x[i * w..(i + 1) * w]);
                if i + 1 < total {
                    dst[2 * w..].copy_from_slice(&x[(i + 1) * w..(i + 2) * w]);
                } else {
                    dst[2 * w..].fill(0.0);
                }
            }
            layer.forward(&win, total, &mut scratch, &mut y);
            for (a, b) in x.iter_mut().zip(&y) {
                *a += b;
            }
        }
        x[p * w..(p + n) * w].to_vec()
    }
}
