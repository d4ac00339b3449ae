#!/usr/bin/env python3
"""Writes 51 SYNTHETIC fact sheets (50 states + DC) for the batch benchmark, byte for byte what
`SyntheticSheets` in Analyses/StateBriefing/FactSheet/ writes (the tests use that one): the
Mississippi sheet with the state's name substituted and each state figure scaled by the state's
population relative to Mississippi's, times a deterministic factor of 0.8 to 1.2 from a hash of
the state code. The figures are NOT NCMEC's; never write them under Analyses/.

    scripts/synthetic-sheets.py DIR
"""
import csv, os, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TEMPLATE = os.path.join(ROOT, "Analyses/Data/ncmec-2023-mississippi.txt")
POPULATION = os.path.join(ROOT, "Analyses/Data/population-2023.csv")
BANNER = "SYNTHETIC fact sheet, generated from the Mississippi sheet for benchmarks: the figures are NOT NCMEC's."
FIGURES = [("**In 2023, # CyberTipline reports were made available", 4546), ("NCMEC reviewed # submissions", 29),
           ("NCMEC had # engagements", 13), ("including # survivors/families in", 20),
           ("NCMEC connected # survivors/families", 12), ("including **# new law enforcement", 161)]
TOTAL = ("NCMEC handled # cases of missing children", 103)
ROWS = [("Children Missing From Social Services Facility\t#\n", 72), ("Other Missing Children Cases\t#\n", 18),
        ("(HHS-ORR) :\t#\n", 13)]
MASK = (1 << 64) - 1


def fnv(s):
    h = 0xcbf29ce484222325
    for b in s.encode():
        h = ((h ^ b) * 0x100000001b3) & MASK
    return h


def make(text, name, code, scale):
    seed = fnv(code)

    def scaled(v):
        nonlocal seed
        seed = (seed * 6364136223846793005 + 1442695040888963407) & MASK
        jitter = 0.8 + 0.4 * float(seed >> 11) / float(1 << 53)
        x = float(v) * scale * jitter
        return max(1, int(x + 0.5))  # Swift's rounded(): half away from zero (x > 0)

    def replace(out, pattern, old, new):
        a, b = pattern.replace("#", f"{old:,}"), pattern.replace("#", f"{new:,}")
        if out.count(a) != 1:
            sys.exit(f"{TEMPLATE}: error: expected exactly one {a!r} in the template")
        return out.replace(a, b)

    out = text
    for pattern, value in FIGURES:
        out = replace(out, pattern, value, scaled(value))
    parts = [scaled(v) for _, v in ROWS]
    for (pattern, value), new in zip(ROWS, parts):
        out = replace(out, pattern, value, new)
    out = replace(out, TOTAL[0], TOTAL[1], sum(parts))
    return BANNER + "\n" + out.replace("Mississippi", name)


def slug(name):
    out = ""
    for ch in name.lower():
        if ch.isalnum():
            out += ch
        elif not out.endswith("-"):
            out += "-"
    return out


def main():
    if len(sys.argv) == 2 and sys.argv[1] in ("-h", "--help"):
        print(__doc__.strip())
        sys.exit(0)
    if len(sys.argv) != 2 or sys.argv[1].startswith("-"):
        sys.exit(__doc__)
    folder = os.path.abspath(sys.argv[1])
    if folder.startswith(os.path.join(ROOT, "Analyses")):
        sys.exit("error: synthetic sheets must not go into Analyses/")
    text = open(TEMPLATE, encoding="utf-8").read()
    rows = list(csv.DictReader(open(POPULATION, encoding="utf-8")))
    base = float(next(r["total"] for r in rows if r["geo"] == "MS"))
    os.makedirs(folder, exist_ok=True)
    count = 0
    for r in rows:
        if r["geo"] == "US":
            continue
        with open(os.path.join(folder, slug(r["name"]) + ".txt"), "w", encoding="utf-8", newline="") as f:
            f.write(make(text, r["name"], r["geo"], float(r["total"]) / base))
        count += 1
    print(f"Wrote {count} SYNTHETIC sheets to {folder}")


main()
