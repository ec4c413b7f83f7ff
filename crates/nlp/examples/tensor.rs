//! Prints the shared tok2vec output for one text file as JSON (for numerical checks).
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let nlp = dossier_nlp::Pipeline::load(std::path::Path::new(&a[1])).expect("load");
    let text = std::fs::read_to_string(&a[2]).expect("read");
    let (n, v) = nlp.debug_tensor(&text);
    println!("{}", serde_json::json!({"n": n, "v": v}));
}
