#!/usr/bin/env python3
"""Regenerates the bad-input corpus from the real inputs in Analyses/.

Each case is a folder holding one or more input files and `expected.txt`:
  exit: N          the exit code `folio run` must give
  any other line   a substring stderr must contain (file, line:column, key words)

Input files go where their name says: `*.txt` is a fact sheet passed with `--data`
(copied to Analyses/Data/<name>), `briefing.md` replaces the narrative, `*.csv` replaces the
reference table of that name. Run from the repository root: python3 Tests/Corpus/generate.py
"""
import os, shutil

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, "Tests", "Corpus")
DATA = os.path.join(ROOT, "Analyses", "Data")
SHEET = open(os.path.join(DATA, "ncmec-2023-mississippi.txt"), encoding="utf-8").read()
NARRATIVE = open(os.path.join(ROOT, "Analyses", "StateBriefing", "briefing.md"), encoding="utf-8").read()
POP = open(os.path.join(DATA, "population-2023.csv"), encoding="utf-8").read()
BYSTATE = open(os.path.join(DATA, "ncmec-2023-cybertipline-by-state.csv"), encoding="utf-8").read()

def sub(text, old, new, count=1):
    assert old in text, old
    return text.replace(old, new, count)

def line_col(text, needle, offset=0):
    i = text.index(needle) + offset
    before = text[:i]
    return before.count("\n") + 1, i - (before.rfind("\n") + 1) + 1

def case(name, files, expected, exit_code=1):
    folder = os.path.join(CORPUS, name)
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    for fname, content in files.items():
        mode = "wb" if isinstance(content, bytes) else "w"
        with open(os.path.join(folder, fname), mode, **({} if mode == "wb" else {"encoding": "utf-8", "newline": ""})) as f:
            f.write(content)
    with open(os.path.join(folder, "expected.txt"), "w", encoding="utf-8") as f:
        f.write(f"exit: {exit_code}\n" + "".join(e + "\n" for e in expected))

S = "Analyses/Data/sheet.txt"
N = "Analyses/StateBriefing/briefing.md"
P = "Analyses/Data/population-2023.csv"
B = "Analyses/Data/ncmec-2023-cybertipline-by-state.csv"

# --- Fact sheets (--data) ---------------------------------------------------------------
case("sheet-empty", {"sheet.txt": ""}, [S, "empty", "expected text"])
case("sheet-whitespace-only", {"sheet.txt": "\n   \n\t\n"}, [S, "empty"])
case("sheet-binary", {"sheet.txt": b"PK\x03\x04\x00\x00binary\x00"}, [S + ":1:5", "NUL byte", "expected text"])
bad = SHEET.encode("utf-8").replace(b"Mississippi specific", b"Mississippi \xff specific", 1)
l, c = line_col(SHEET, "Mississippi specific", len("Mississippi "))
case("sheet-invalid-utf8", {"sheet.txt": bad}, [f"{S}:{l}:{c}", "invalid UTF-8", "0xFF"])
case("sheet-not-a-fact-sheet", {"sheet.txt": "Quarterly sales report\n\nRevenue rose 4% in 2023.\n"},
     [S, "not an NCMEC state fact sheet", "expected"])
cut = SHEET.index("NCMEC's Work to Combat Child Sex Trafficking")
case("sheet-truncated", {"sheet.txt": SHEET[:cut]}, [S, "missing required figure", "expected"])
l, c = line_col(SHEET, "4,546 CyberTipline")
case("sheet-garbled-number", {"sheet.txt": sub(SHEET, "4,546 CyberTipline", "4,5x6 CyberTipline")},
     [f"{S}:{l}:{c}", "expected a count", "4,5x6"])
l, c = line_col(SHEET, "4,546 CyberTipline")
case("sheet-misplaced-separator", {"sheet.txt": sub(SHEET, "4,546 CyberTipline", "45,46 CyberTipline")},
     [f"{S}:{l}:{c}", "expected a count", "45,46"])
case("sheet-parts-do-not-add-up", {"sheet.txt": sub(SHEET, "Facility\t72", "Facility\t75")},
     [S, "sum to 106", "says 103"])
l, c = line_col(SHEET, "Cases\t18", len("Cases\t"))
case("sheet-negative-row", {"sheet.txt": sub(SHEET, "Cases\t18", "Cases\t-18")},
     [f"{S}:{l}:{c}", "expected a count", "-18"])
l, c = line_col(SHEET, "4,546 CyberTipline")
case("sheet-overflowing-count", {"sheet.txt": sub(SHEET, "4,546 CyberTipline", "99999999999999999999999 CyberTipline")},
     [f"{S}:{l}:{c}", "too large", "99999999999999999999999"])
l, c = line_col(SHEET, "handled 103", len("handled "))
case("sheet-overflowing-total", {"sheet.txt": sub(SHEET, "handled 103 cases", "handled 1e400 cases")},
     [f"{S}:{l}:{c}", "expected a count", "1e400"])
row = "Other Missing Children Cases\t18\n"
l, c = line_col(SHEET, row)
case("sheet-duplicate-row", {"sheet.txt": sub(SHEET, row, row + row)},
     [f"{S}:{l + 1}:", "stated twice", f"first on line {l}"])
sentence = "**In 2023, NCMEC connected 12 survivors/families to mental health services in Mississippi.**"
case("sheet-duplicate-sentence", {"sheet.txt": sub(SHEET, sentence, sentence + " " + sentence)},
     [S, "stated twice"])
l, c = line_col(SHEET, "Mississippi Data")
case("sheet-unknown-state",
     {"sheet.txt": SHEET.replace("Mississippi", "Narnia")},
     [f"{S}:{l}:{c}", "state \"Narnia\" not found in the population table"])
l, c = line_col(SHEET, "law enforcement in Mississippi", len("law enforcement in "))
case("sheet-wrong-state-in-sentence",
     {"sheet.txt": sub(SHEET, "law enforcement in Mississippi", "law enforcement in Alabama")},
     [f"{S}:{l}:{c}", "expected the sheet's state \"Mississippi\"", "Alabama"])
case("sheet-no-year", {"sheet.txt": SHEET.replace("In 2023", "In the year")}, [S, "reporting year"])
zero = sub(sub(SHEET, "on 28,886 missing child cases, 22,442 of which", "on 0 missing child cases, 0 of which"),
           "19% of these", "0% of these")
l, c = line_col(zero, "on 0 missing", 3)
case("sheet-zero-national-total", {"sheet.txt": zero}, [f"{S}:{l}:{c}", "missing_child_cases", "is zero, so it cannot be a denominator"])
l, c = line_col(SHEET, "19%")
case("sheet-percent-over-100", {"sheet.txt": sub(SHEET, "19% of these", "190% of these")},
     [f"{S}:{l}:{c}", "percentage", "190"])
l, c = line_col(SHEET, "22,442 of which")
case("sheet-part-exceeds-total", {"sheet.txt": sub(SHEET, "22,442 of which", "32,442 of which")},
     [S + ":%d:%d" % line_col(SHEET, "22,442 of which"), "missing_from_social_services", "is larger than", "cannot be a share"])

# --- Narratives ------------------------------------------------------------------------
def narrative_case(name, old, new, expected_fn):
    text = sub(NARRATIVE, old, new)
    case(name, {"briefing.md": text}, expected_fn(text))

def at(text, needle, offset=0):
    l, c = line_col(text, needle, offset)
    return f"{N}:{l}:{c}"

SS = '{{ missing.socialServices | count("child/children") }}'
narrative_case("narrative-unknown-name", SS, SS.replace("socialServices", "socialServics"),
               lambda t: [at(t, "{{ missing.socialServics", 3) + ": error", "unknown value `missing.socialServics`",
                          "missing.socialServices"])
narrative_case("narrative-unclosed-braces", "(see @fig-programme-counts).", "(see @fig-programme-counts). {{ connect.newUsers",
               lambda t: [at(t, "{{ connect.newUsers\n"), "unclosed `{{`", "expected `}}` before the end of the line"])
narrative_case("narrative-empty-braces", SS, "{{ }}",
               lambda t: [at(t, "{{ }}"), "empty `{{ }}`", "expected a value name"])
narrative_case("narrative-unknown-filter", SS, SS.replace("count", "cuont"),
               lambda t: [at(t, "cuont"), "unknown filter `cuont`", "count"])
narrative_case("narrative-filter-mismatch", SS, "{{ missing.socialServices | percent }}",
               lambda t: [at(t, "percent }} had run"), "filter `percent` does not apply to `missing.socialServices`"])
narrative_case("narrative-bad-filter-argument", "{{ share.children | percent(2) }}", "{{ share.children | percent(x) }}",
               lambda t: [at(t, "percent(x)"), "percent"])
narrative_case("narrative-huge-filter-argument", "{{ ratio.mentalHealthPerTeamHope | decimals(2) }}",
               "{{ ratio.mentalHealthPerTeamHope | decimals(99999999999999999999) }}",
               lambda t: [at(t, "decimals(9"), "decimals"])
narrative_case("narrative-garbage-in-braces", SS, "{{ missing.socialServices count }}",
               lambda t: [at(t, "count }} had run"), "expected `|` or `}}` after `missing.socialServices`"])
# Conditions: checked like values, before anything is written.
narrative_case("narrative-condition-unknown-name", "{{ when byState.reports is reported }}", "{{ when byState.report is reported }}",
               lambda t: [at(t, "byState.report is"), "unknown value `byState.report` in the condition", "byState.reports"])
narrative_case("narrative-condition-type-mismatch", "{{ when missing.cases > 0 }}", "{{ when missing.cases > share.children }}",
               lambda t: [at(t, "share.children }}"), "cannot compare `missing.cases` (a count of cases) with `share.children` (a proportion)"])
narrative_case("narrative-condition-share-without-percent", "::: when missing.cases > 0", "::: when missing.socialServicesShare > 0.5",
               lambda t: [at(t, "0.5\n"), "is a proportion: write the number as a percentage, such as `50%`"])
narrative_case("narrative-condition-misspelt-test", "{{ when byState.rate is reported }}", "{{ when byState.rate is reportd }}",
               lambda t: [at(t, "reportd"), "expected `reported` or `zero` after `is`", "did you mean `reported`"])
narrative_case("narrative-condition-unclosed-block", ":::\n\nNationally,", "\n\nNationally,",
               lambda t: [at(t, "::: when missing.cases"), "unclosed `::: when` block: expected a closing `:::` line"])
narrative_case("narrative-condition-unclosed-inline", "has no rate and no rank among the {{ byState.stateCount }} states;{{ end }}",
               "has no rate and no rank among the {{ byState.stateCount }} states;",
               lambda t: [at(t, "{{ when byState.rate"), "unclosed `{{ when … }}`"])
narrative_case("narrative-condition-stray-otherwise", "(see @fig-programme-counts).", "(see @fig-programme-counts).{{ otherwise }}",
               lambda t: [at(t, "{{ otherwise }}\n"), "`{{ otherwise }}` without a `{{ when … }}`"])
narrative_case("narrative-key-figure-condition", 'when: "missing.cases > 0"', 'when: "missing.cases >"',
               lambda t: [at(t, 'missing.cases >"', len("missing.cases >")), "expected a value name, a number or quoted text"])
narrative_case("narrative-unknown-chart", "(chart:programme-counts)", "(chart:programme-cuonts)",
               lambda t: [at(t, "programme-cuonts)"), "unknown chart `programme-cuonts`", "did you mean `programme-counts`"])
narrative_case("narrative-unknown-figure-reference", "@fig-programme-counts", "@fig-programme-cuonts",
               lambda t: [at(t, "@fig-programme-cuonts"), "unknown figure reference"])
narrative_case("narrative-bad-yaml", 'author: "Folio state briefings"', 'author: [Folio, "state',
               lambda t: [N + ":", "bad front matter"])
narrative_case("narrative-unknown-front-matter-key", 'author: "Folio state briefings"', 'autor: "Folio state briefings"',
               lambda t: [at(t, "autor"), "unknown front matter key `autor`", "author"])
narrative_case("narrative-bad-paper", 'author: "Folio state briefings"', 'paper: tabloid',
               lambda t: [at(t, "tabloid"), "`paper` must be `letter` or `a4`"])
case("narrative-unclosed-front-matter", {"briefing.md": NARRATIVE.replace("---\n\n```swift", "\n\n```swift", 1)},
     [N + ":1:1", "unclosed front matter", "expected a closing `---`"])
case("narrative-invalid-utf8", {"briefing.md": NARRATIVE.encode("utf-8").replace(b"## Summary", b"## Sum\xc3mary", 1)},
     [N + ":" + str(line_col(NARRATIVE, "## Summary")[0]) + ":7", "UTF-8"])
case("narrative-empty", {"briefing.md": ""}, [N, "empty"])

# --- Reference CSVs --------------------------------------------------------------------
pop_lines = POP.split("\n")
case("population-wrong-header", {"population-2023.csv": sub(POP, "geo,name,total", "state,name,total")},
     [P + ":1", "expected the header", "geo,name,total,age_18_plus,under_18"])
case("population-missing-column", {"population-2023.csv": sub(POP, "AK,Alaska,733406,557899,175507", "AK,Alaska,733406,557899")},
     [P + ":2", "expected 5 fields, found 4"])
case("population-non-numeric", {"population-2023.csv": sub(POP, "AK,Alaska,733406", "AK,Alaska,73x406")},
     [P + ":2:11", "expected a whole number", "total", "73x406"])
case("population-negative", {"population-2023.csv": sub(POP, "AK,Alaska,733406", "AK,Alaska,-733406")},
     [P + ":2:11", "expected a whole number", "-733406"])
case("population-overflow", {"population-2023.csv": sub(POP, "AK,Alaska,733406", "AK,Alaska,99999999999999999999999")},
     [P + ":2:11", "too large", "99999999999999999999999"])
al = next(x for x in pop_lines if x.startswith("AL,"))
case("population-duplicate-row", {"population-2023.csv": sub(POP, al + "\n", al + "\n" + al + "\n")},
     [P + ":4:1", "duplicate row \"AL\"", "first given on line 3"])
case("population-empty", {"population-2023.csv": ""}, [P, "empty"])
ms = next(x for x in pop_lines if x.startswith("MS,"))
us = next(x for x in pop_lines if x.startswith("US,"))
msv = [int(v) for v in ms.split(",")[2:]]
usv = [int(v) for v in us.split(",")[2:]]
us_wo = "US,United States," + ",".join(str(a - b) for a, b in zip(usv, msv))
case("population-state-missing", {"population-2023.csv": sub(sub(POP, ms + "\n", ""), us, us_wo)},
     ["Analyses/Data/ncmec-2023-mississippi.txt", "state \"Mississippi\" not found in the population table"])
ms0 = f"MS,Mississippi,{msv[0] - msv[2]},{msv[1]},0"
us0 = "US,United States," + ",".join(str(v) for v in [usv[0] - msv[2], usv[1], usv[2] - msv[2]])
case("population-zero-children", {"population-2023.csv": sub(sub(POP, ms, ms0), us, us0)},
     [P + ":%d:" % (pop_lines.index(ms) + 1), "above zero", "under_18"])
case("bystate-non-numeric", {"ncmec-2023-cybertipline-by-state.csv": sub(BYSTATE, "AK,Alaska,1467", "AK,Alaska,1.4k")},
     [B + ":2:11", "expected", "1.4k"])
case("bystate-header-only", {"ncmec-2023-cybertipline-by-state.csv": BYSTATE.split("\n")[0] + "\n"},
     [B, "missing the required row \"US\""])
zeros = "\n".join(",".join(l.split(",")[:2] + ["0"]) if i > 0 and l else l for i, l in enumerate(BYSTATE.split("\n")))
case("bystate-all-zero", {"ncmec-2023-cybertipline-by-state.csv": zeros},
     [B + ":" + str(zeros.split("\n").index("US,United States,0") + 1) + ":", "expected a US total above zero", "found \"0\""])
print("corpus:", len([d for d in os.listdir(CORPUS) if os.path.isdir(os.path.join(CORPUS, d))]), "cases")

# --- Notebooks (the penguins notebook and its table) ------------------------------------------
PENGUINS_MD = open(os.path.join(ROOT, "Analyses", "Penguins", "penguins.md"), encoding="utf-8").read()
PENGUINS_CSV = open(os.path.join(DATA, "penguins.csv"), encoding="utf-8").read()
PM = "Analyses/Penguins/penguins.md"
PC = "Analyses/Data/penguins.csv"

text = sub(PENGUINS_MD, 'let everyone = penguins.countFigure(label: "Penguins in the study")',
           'let everyone = penguins.countFigure(label: "Penguins in the study"')
l, _ = line_col(text, "let everyone = penguins.countFigure(")
case("notebook-syntax-error", {"penguins.md": text}, [f"{PM}:{l + 1}:", "error: expected", "did not compile", "nothing was written"])

text = sub(PENGUINS_MD, "//| step: island", "//| step: island\n//| cache: true")
l, c = line_col(text, "cache: true")
case("notebook-unknown-cell-option", {"penguins.md": text}, [f"{PM}:{l}:{c}", "unknown cell option `cache`"])

text = sub(PENGUINS_MD, "//| step: measurements", "//| step: island")
l, _ = line_col(text, "//| step: island\nfor")
case("notebook-duplicate-step", {"penguins.md": text}, [f"{PM}:{l - 1}:1", "the step `island` is already the cell at line"])

text = sub(PENGUINS_MD, "let species = try penguins.values(of: \"species\")", "let species = try penguins.values(of: \"specie\")")
l, _ = line_col(text, "//| step: load")
case("notebook-unknown-column", {"penguins.md": text}, [PC + ": error: no column `specie`; did you mean `species`?",
     f"{PM}:{l - 1}:1: note: raised in step 'load'"])

text = sub(PENGUINS_CSV, "Adelie,Torgersen,39.5,17.4,186,3800,female,2007", "Adelie,Torgersen,39.5,17.4,186,3800,female")
l, _ = line_col(text, "Adelie,Torgersen,39.5,17.4,186,3800,female\n")
case("penguins-ragged-row", {"penguins.csv": text}, [f"{PC}:{l}:1", "this row has 7 fields; the header has 8"])

text = sub(PENGUINS_CSV, "Adelie,Torgersen,39.5,17.4,186,3800,female", "Adelie,Torgersen,39.5,17.4,186,3.8 kg,female")
l, c = line_col(text, "3.8 kg")
case("penguins-not-a-number", {"penguins.csv": text}, [f"{PC}:{l}:{c}", "expected a number in column `body_mass_g`", "3.8 kg"])
