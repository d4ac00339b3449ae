#!/usr/bin/env bash
# Builds Folio's libFuzzer targets with swiftc and runs each for a bounded time.
#
#   Tests/Fuzz/fuzz.sh [SECONDS] [TARGET...]     # default 60 s each; targets: factsheet narrative assembler
#
# SwiftPM cannot build fuzzers, so this script compiles the module under test from its sources
# with -sanitize=fuzzer,address (coverage-instrumented) and links the dependencies SwiftPM built
# (`swift build` first, so .build/debug holds SwiftCSV, FolioScene, FolioFormat, FolioCharts).
# Seeds come from the real inputs in Analyses/; crashes are written to .build/fuzz/<target>/crashes/,
# and any crash makes the script exit 1 (after the other targets ran). Crash files from an
# earlier run are cleared first.
# Needs: swiftc with its own libFuzzer runtime (/opt/swift has one), libcmark-gfm-dev, libyaml-dev.
# SCRATCH names another SwiftPM scratch folder (default .build), for a separate worktree build.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_EACH=${1:-60}
shift || true
TARGETS=${*:-factsheet narrative assembler}
SWIFTC=${SWIFTC:-swiftc}
SCRATCH=${SCRATCH:-.build}
OUT=$SCRATCH/fuzz
DEBUG=$SCRATCH/debug
mkdir -p "$OUT"
failed=""
# ld.gold warns about every ASan helper symbol; keep the rest of the linker's output.
quiet_link() { "$@" 2> >(grep -v "Cannot export local symbol" >&2); }

echo "== swift build (dependencies)"
swift build --scratch-path "$SCRATCH" --product folio >/dev/null

# FolioReport's C modules: cmark-gfm and libyaml (system libraries).
REPORT_FLAGS=(-Xcc -fmodule-map-file=Sources/CMark/module.modulemap
              -Xcc -fmodule-map-file=Sources/CYAML/module.modulemap)
# -enable-testing: the fact-sheet target compares the fast parse with the reference one (internal API).
FLAGS=(-sanitize=fuzzer,address -parse-as-library -O -g -swift-version 6 -enable-testing -I "$DEBUG/Modules")

# One instrumented module from sources: module name, extra flags, sources.
build_module() {
    local name=$1; shift
    echo "== compiling $name (instrumented)"
    "$SWIFTC" "${FLAGS[@]}" -wmo -c -module-name "$name" -emit-module -emit-module-path "$OUT/$name.swiftmodule" \
        -I "$OUT" "$@" -o "$OUT/$name.o"
}

objects() { find "$DEBUG/$1.build" -name '*.o' ! -name '*.autolink' | sort; }

for target in $TARGETS; do
    mkdir -p "$OUT/$target/corpus" "$OUT/$target/crashes"
    rm -f "$OUT/$target/crashes/"*
    case $target in
    factsheet)
        # Modules made in $OUT shadow SwiftPM's (FolioData is instrumented; SwiftCSV is not).
        # The fact-sheet parser lives with the state briefing notebook: its own module here.
        build_module FolioData Sources/FolioData/*.swift Sources/FolioData/Tables/*.swift
        build_module FactSheet Analyses/StateBriefing/FactSheet/*.swift
        quiet_link "$SWIFTC" "${FLAGS[@]}" -I "$OUT" "$OUT/FolioData.o" "$OUT/FactSheet.o" $(objects SwiftCSV) \
            Tests/Fuzz/FactSheetFuzz.swift -o "$OUT/fuzz-factsheet"
        cp Analyses/Data/*.txt Analyses/Data/*.csv "$OUT/$target/corpus/"
        for d in Tests/Corpus/sheet-* Tests/Corpus/population-*; do
            for f in "$d"/*; do [ "$(basename "$f")" = expected.txt ] || cp "$f" "$OUT/$target/corpus/$(basename "$d")-$(basename "$f")"; done
        done
        ;;
    narrative|assembler)
        if [ ! -f "$OUT/FolioReport.o" ] || [ -n "$(find Sources/FolioReport -newer "$OUT/FolioReport.o" -name '*.swift')" ]; then
            build_module FolioReport "${REPORT_FLAGS[@]}" Sources/FolioReport/*.swift
        fi
        src=Tests/Fuzz/NarrativeFuzz.swift; [ "$target" = assembler ] && src=Tests/Fuzz/AssemblerFuzz.swift
        quiet_link "$SWIFTC" "${FLAGS[@]}" -I "$OUT" "${REPORT_FLAGS[@]}" "$OUT/FolioReport.o" \
            $(objects FolioScene) $(objects FolioFormat) $(objects FolioCharts) \
            "$src" -lcmark-gfm -lcmark-gfm-extensions -lyaml -o "$OUT/fuzz-$target"
        cp Analyses/StateBriefing/briefing.md "$OUT/$target/corpus/"
        for d in Tests/Corpus/narrative-*; do
            [ -f "$d/briefing.md" ] && cp "$d/briefing.md" "$OUT/$target/corpus/$(basename "$d").md"
        done
        ;;
    *) echo "unknown target $target (factsheet, narrative, assembler)"; exit 2 ;;
    esac
    echo "== fuzzing $target for ${SECONDS_EACH}s"
    log="$OUT/$target.log"
    set +e
    (cd "$OUT/$target" && ASAN_OPTIONS=detect_leaks=0 "../fuzz-$target" -max_total_time="$SECONDS_EACH" -timeout=10 \
        -max_len=16384 -print_final_stats=1 -artifact_prefix=crashes/ corpus) >"$log" 2>&1
    status=$?
    set -e
    # (A crash on a seed ends the run before any statistics: each may be missing.)
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1 || true)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 || true)
    ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 || true)
    echo "$target: ${execs:-?} executions, ${cov:-cov: ?} edges, ${ft:-ft: ?} features, exit $status (log $log)"
    rate=$(( ${execs:-0} / (SECONDS_EACH > 0 ? SECONDS_EACH : 1) ))
    echo "$target: about $rate inputs a second"
    # libFuzzer exits non-zero on a crash, a leak, a timeout or running out of memory, and
    # writes the input to crashes/: either fails the run.
    if [ "$status" -ne 0 ] || ls "$OUT/$target/crashes/"* >/dev/null 2>&1; then
        echo "$target: FAILED (exit $status); inputs in $OUT/$target/crashes/:"; ls "$OUT/$target/crashes/" 2>/dev/null || true
        grep -m1 -A3 "ERROR: \|Fatal error" "$log" || true
        failed="$failed $target"
    fi
done
if [ -n "$failed" ]; then
    echo "fuzz: crashes in:$failed" >&2
    exit 1
fi
