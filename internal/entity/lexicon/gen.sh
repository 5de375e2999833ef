#!/bin/sh
# gen.sh regenerates countries.tsv from the world-countries npm package (run by go generate).
set -eu
version=5.1.0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "world-countries@$version" >/dev/null && tar xzf "world-countries-$version.tgz")
go run gen.go -in "$tmp/package/countries.json" -version "$version" -out countries.tsv
