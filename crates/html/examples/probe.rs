//! Prints what `extract` finds on one saved page: `probe PAGE.html[.gz-decompressed] [URL]`.
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: probe PAGE.html [URL]");
    let url = args.next();
    let bytes = std::fs::read(path).expect("readable page");
    let (html, enc) = dossier_html::decode(&bytes, None);
    match dossier_html::extract(&html, url.as_deref()) {
        Ok(a) => {
            println!(
                "encoding: {enc}\ntitle: {:?}\nsite: {:?}\nauthors: {:?}\npublished: {:?}\nurl: {:?}\nlanguage: {:?}\ndescription: {:?}\n---\n{}",
                a.title,
                a.site_name,
                a.authors,
                a.published,
                a.url,
                a.language,
                a.description,
                a.text
            );
        }
        Err(e) => println!("error: {e}"),
    }
}
