#!/bin/sh
# Copies every fixture (documents, expected records, regression inputs) into fuzz/corpus/<target>/
# for each fuzz target. The corpus folders are gitignored; run this before the first fuzz run.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
fixtures="$here/../fixtures"
for target in parse parse_bytes parse_all jo opendata; do
    dir="$here/corpus/$target"
    mkdir -p "$dir"
    for sub in seeds authored real variants expected regressions jo; do
        [ -d "$fixtures/$sub" ] || continue
        for f in "$fixtures/$sub"/*; do
            [ -f "$f" ] || continue
            case "$f" in */README.md) continue ;; esac
            cp "$f" "$dir/$sub-$(basename "$f")"
        done
    done
    # Concatenations: parse_all's reason to exist.
    cat "$fixtures"/seeds/* > "$dir/concat-seeds"
    cat "$fixtures"/authored/* "$fixtures"/real/senat-* "$fixtures"/real/an-fiche-l11-qe-73828-text.txt > "$dir/concat-text"
    chmod u+w "$dir"/*
    echo "$target: $(ls "$dir" | wc -l) files"
done
# Two documents mode: a separator byte, the first input's length (two bytes), then both inputs.
dir="$here/corpus/two_documents"
mkdir -p "$dir"
n=0
for a in "$fixtures"/seeds/* "$fixtures"/real/*.html "$fixtures"/real/*-text.txt; do
    for b in "$fixtures"/seeds/* "$fixtures"/real/*.html; do
        len=$(wc -c < "$a")
        [ "$len" -lt 65536 ] || continue
        n=$((n + 1))
        sep=$((n % 6))
        printf "\\$(printf %o "$sep")\\$(printf %o $((len / 256)))\\$(printf %o $((len % 256)))" > "$dir/pair-$n"
        cat "$a" "$b" >> "$dir/pair-$n"
    done
done
echo "two_documents: $(ls "$dir" | wc -l) files"

