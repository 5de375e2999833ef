module github.com/newsgraph/newsgraph/bench/sentences

go 1.26.0

require (
	github.com/neurosnap/sentences v1.1.2
	github.com/newsgraph/newsgraph v0.0.0
)

replace github.com/newsgraph/newsgraph => ../..
