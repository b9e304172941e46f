"""Straight-line estimate of a crawl's live heap at 1,000,000 documents from two crawl results."""
import json
import sys

a, b = (json.load(open(f)) for f in sys.argv[1:3])
da, db = a["child"]["documents"], b["child"]["documents"]
ya, yb = a["gcMaxLiveMb"], b["gcMaxLiveMb"]
slope = (yb - ya) / (db - da)
estimate = ya + slope * (1_000_000 - da)
print(f"Estimate for 1,000,000 documents (not a run): a straight line through the live heap of the"
      f" {da:,}- and {db:,}-document crawls above (`{a['command']}` and `{b['command']}`), both"
      f" under -Xmx{b['settings']['xmx']}: {ya} MB → {yb} MB, {slope * 1e5:.1f} MB per 100,000"
      f" documents → about **{estimate:.0f} MB** at 1,000,000"
      f" ({'under' if estimate < 512 else 'over'} 512 MB)."
      " The heap before a GC and the RSS are not extrapolated: G1 grows the young generation into"
      " whatever heap -Xmx leaves free, so they follow -Xmx rather than the account.")
print()
rate = b["child"]["documents"] / b["child"]["wallSeconds"]
print(f"A 1,000,000-document crawl through HTTP at the larger crawl's {rate:.0f} documents/s takes"
      f" about {1_000_000 / rate / 60:.0f} minutes on an idle machine; `bench/run --full --only"
      " memory-1m` runs it (section \"1,000,000 documents under -Xmx512m\").")
print()
