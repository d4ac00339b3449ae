#!/usr/bin/env python3
"""Makes a new edit to a notebook for scripts/bench.sh, so each timed `folio run` has work to do.

    bench-edit.py FILE cell NEEDLE    put a `// bench <random>` comment on the line after NEEDLE
                                      (a line of code in a cell): the cell's code changes
    bench-edit.py FILE prose NEEDLE   put a random word after NEEDLE (a heading): prose only
"""
import random, sys

path, kind, needle = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(path, encoding="utf-8").read()
mark = f"{random.getrandbits(48):x}"
i = text.index(needle) + len(needle)
j = text.find("\n", i)
if kind == "cell":
    if text.startswith("\n// bench ", j):
        k = text.find("\n", j + 1)
        text = text[:j] + f"\n// bench {mark}" + text[k:]
    else:
        text = text[:j] + f"\n// bench {mark}" + text[j:]
else:
    text = text[:i] + f" {mark}" + text[j:]
open(path, "w", encoding="utf-8").write(text)
