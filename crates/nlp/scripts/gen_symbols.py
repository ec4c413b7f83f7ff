"""Regenerates src/symbols.rs from the installed spaCy (run from the repo root in .venv-nlp)."""
import json

from spacy.symbols import IDS

items = sorted(IDS.items(), key=lambda kv: kv[1])
with open("crates/nlp/src/symbols.rs", "w") as f:
    f.write("//! spaCy's reserved symbols: strings whose ID in the string store is a small fixed\n"
            "//! number instead of their hash (`spacy.symbols.IDS`). Generated from spaCy 3.8 by\n"
            "//! `scripts/gen_symbols.py`.\n\n")
    f.write("/// (string, id) pairs.\npub const SYMBOLS: &[(&str, u64)] = &[\n")
    for k, v in items:
        f.write("    (%s, %d),\n" % (json.dumps(k), v))
    f.write("];\n")
