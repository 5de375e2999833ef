module github.com/newsgraph/newsgraph

go 1.26
