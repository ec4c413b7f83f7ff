"""Python trafilatura on the same JSONL pages as examples/wcxb.rs: pages/s of bare_extraction
(text and metadata), single process, plus its export-contract JSON for the scorer.

Usage: python trafilatura_speed.py pages.jsonl pred-trafilatura.json   (needs: pip install trafilatura lxml_html_clean)
"""
import json, sys, time
import trafilatura
pages = [json.loads(l) for l in open(sys.argv[1])]
t = 0.0
docs = []
for p in pages:
    t0 = time.perf_counter()
    r = trafilatura.bare_extraction(p['html'], url=p['url'], with_metadata=True)
    t += time.perf_counter() - t0
    if r is not None and not isinstance(r, dict):
        r = r.as_dict()
    r = r or {}
    docs.append({'id': p['id'], 'source': p['id'], 'url': p['url'], 'title': r.get('title'), 'outlet': r.get('sitename'),
                 'authors': [r['author']] if r.get('author') else [], 'published': r.get('date'), 'language': 'en',
                 'text': r.get('text') or '', 'sentences': [], 'mentions': [], 'times': [], 'quotes': []})
json.dump({'documents': docs, 'entities': [], 'events': [], 'stories': []}, open(sys.argv[2], 'w'))
print(f'trafilatura {trafilatura.__version__}: {len(pages)} pages in {t:.1f} s = {len(pages)/t:.1f} pages/s', file=sys.stderr)
