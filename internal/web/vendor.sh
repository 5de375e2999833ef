#!/usr/bin/env bash
# Rebuilds static/vendor from npm: the d3 modules for the map projection and the network layout, topojson-client,
# and Natural Earth country outlines from world-atlas. Run from anywhere: bash internal/web/vendor.sh
# It installs into a temporary directory, so no node_modules is left in the repository.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/static/vendor"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
pkgs=(d3-array@3.2.4 d3-geo@3.1.1 d3-dispatch@3.0.1 d3-quadtree@3.0.1 d3-timer@3.0.1 d3-force@3.0.0 topojson-client@3.1.0 world-atlas@2.0.2)
(cd "$tmp" && npm init -y >/dev/null && npm install --no-audit --no-fund "${pkgs[@]}" >/dev/null)
mkdir -p "$out"
: > "$out/VERSIONS"
for p in d3-array d3-geo d3-dispatch d3-quadtree d3-timer d3-force topojson-client; do
  cp "$tmp/node_modules/$p/dist/$p.min.js" "$out/$p.min.js"
  printf '%s %s %s\n' "$p" "$(node -p "require('$tmp/node_modules/$p/package.json').version")" "$(node -p "require('$tmp/node_modules/$p/package.json').license")" >> "$out/VERSIONS"
done
gzip -9 -n -c "$tmp/node_modules/world-atlas/countries-50m.json" > "$out/countries-50m.json.gz"
printf 'world-atlas %s %s (Natural Earth, public domain)\n' "$(node -p "require('$tmp/node_modules/world-atlas/package.json').version")" "$(node -p "require('$tmp/node_modules/world-atlas/package.json').license")" >> "$out/VERSIONS"
cp "$tmp/node_modules/d3-geo/LICENSE" "$out/LICENSE.d3"
cp "$tmp/node_modules/topojson-client/LICENSE" "$out/LICENSE.topojson-client"
cp "$tmp/node_modules/world-atlas/LICENSE" "$out/LICENSE.world-atlas"
echo "vendored into $out:"; cat "$out/VERSIONS"
