// Package web serves the newsgraph web page: one page application (static/index.html, app.js, app.css)
// over the JSON API, with its front-end dependencies (d3 modules, topojson-client) and Natural Earth
// outlines (world-atlas) vendored from npm into static/vendor by vendor.sh and embedded in the binary, so
// the page works offline. Handler serves those files; the API itself lives in internal/api.
package web
