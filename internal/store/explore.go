package store

import "context"

// Explorer answers the aggregate queries behind the web page's network, map and mention chart. It is kept
// apart from Reader so that the list queries stay small; every Store implementation provides it too.
type Explorer interface {
	// Graph returns the most mentioned people and organizations and the edges between them.
	Graph(ctx context.Context, q GraphQuery) (Graph, error)
	// Places returns resolved places with how many documents mention them, most mentioned first.
	Places(ctx context.Context, q PlaceQuery) ([]MapPlace, error)
	// Mentions returns how many documents mention an entity (by key or name), per publication day.
	Mentions(ctx context.Context, nameOrKey string) ([]DayCount, error)
}

// GraphQuery chooses the network's nodes.
type GraphQuery struct {
	// Types are the entity types to include; empty means PERSON and ORG.
	Types []string
	// Nodes is the largest number of nodes; 0 means 100, at most MaxGraphNodes.
	Nodes int
	// Entity, when set, centres the graph on one entity (key or name): its neighbours instead of the top
	// entities.
	Entity string
}

// MaxGraphNodes is the largest network a store returns.
const MaxGraphNodes = 300

// GraphWindow is how many of the most recent documents the co-occurrence counts look at.
const GraphWindow = 1000

// Graph is a network of entities.
type Graph struct {
	Nodes []GraphNode `json:"nodes"`
	Edges []GraphEdge `json:"edges"`
}

// GraphNode is one entity of the network.
type GraphNode struct {
	Key       string `json:"key"`
	Name      string `json:"name"`
	Type      string `json:"type"`
	Documents int64  `json:"documents"`
}

// GraphEdge links two nodes. Kind "cooccur" counts the documents that mention both; kind "quote" counts the
// quotations by Source whose words mention Target.
type GraphEdge struct {
	Source string `json:"source"`
	Target string `json:"target"`
	Kind   string `json:"kind"`
	Weight int64  `json:"weight"`
}

// PlaceWindow is how many of the most recent matching documents a filtered place query counts.
const PlaceWindow = 2000

// PlaceQuery filters the map.
type PlaceQuery struct {
	Entity string // only places in documents mentioning this entity (key or name)
	Dates
	Limit int // 0 means 500, at most MaxLimit
}

// MapPlace is one resolved place on the map.
type MapPlace struct {
	Key       string  `json:"key"`
	Name      string  `json:"name"`
	Feature   string  `json:"feature,omitempty"`
	Country   string  `json:"country,omitempty"`
	Lat       float64 `json:"lat"`
	Lon       float64 `json:"lon"`
	Documents int64   `json:"documents"`
}

// DayCount is a number of documents on one publication day (YYYY-MM-DD).
type DayCount struct {
	Day string `json:"day"`
	N   int64  `json:"n"`
}
