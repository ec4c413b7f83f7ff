"""Times Python spaCy's nlp.pipe (full pipeline, one process) over a list of text files.

Usage: bench_spacy.py MODEL_DIR FILE_LIST. Words are non-whitespace tokens, as in the Rust
bench example. For comparisons only; never used at dossier's run time.
"""
import sys
import time

import spacy


def main():
    model, file_list = sys.argv[1:3]
    paths = [p.strip() for p in open(file_list) if p.strip()]
    texts = [open(p, encoding="utf-8", errors="replace").read() for p in paths]
    t0 = time.perf_counter()
    nlp = spacy.load(model)
    load = time.perf_counter() - t0
    t1 = time.perf_counter()
    c1 = time.process_time()
    words = ents = 0
    for doc in nlp.pipe(texts):
        words += sum(1 for t in doc if not t.is_space)
        ents += len(doc.ents)
    secs = time.perf_counter() - t1
    cpu = time.process_time() - c1
    print(f"spacy docs={len(texts)} words={words} ents={ents} secs={secs:.2f} "
          f"words_per_s={words / secs:.0f} cpu_s={cpu:.2f} words_per_cpu_s={words / cpu:.0f} "
          f"load_s={load:.2f}")


if __name__ == "__main__":
    main()
