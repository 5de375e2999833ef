package sqlite

// migrations upgrade the schema one step each; migration i takes the database from PRAGMA user_version i to
// i+1. The list is append-only: never edit or reorder a released migration, add a new one.
//
// Every offset column holds code point offsets (what the JSON encoding shows). Publication dates ("pub") are
// normalised so that they sort as text: "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SSZ" in UTC, "" when unknown.
var migrations = []string{
	// 1: documents, cross-document entities, everything extracted, full-text indexes.
	`
CREATE TABLE documents (
	rowid     INTEGER PRIMARY KEY,
	id        TEXT NOT NULL UNIQUE,
	url       TEXT NOT NULL DEFAULT '',
	source    TEXT NOT NULL DEFAULT '',
	title     TEXT NOT NULL DEFAULT '',
	author    TEXT NOT NULL DEFAULT '',
	site_name TEXT NOT NULL DEFAULT '',
	published TEXT NOT NULL DEFAULT '',
	pub       TEXT NOT NULL DEFAULT '',
	language  TEXT NOT NULL DEFAULT '',
	text      TEXT NOT NULL,
	words     INTEGER NOT NULL DEFAULT 0,
	n_entities INTEGER NOT NULL DEFAULT 0,
	n_quotes  INTEGER NOT NULL DEFAULT 0,
	body      BLOB NOT NULL,            -- gzip of the newsgraph/1 JSON encoding
	ingested  TEXT NOT NULL
);
CREATE INDEX documents_pub ON documents(pub DESC, rowid DESC);

CREATE TABLE entities (
	rowid      INTEGER PRIMARY KEY,
	key        TEXT NOT NULL UNIQUE,
	type       TEXT NOT NULL,
	name       TEXT NOT NULL,
	first_seen TEXT NOT NULL DEFAULT '',
	last_seen  TEXT NOT NULL DEFAULT '',
	docs       INTEGER NOT NULL DEFAULT 0,
	mentions   INTEGER NOT NULL DEFAULT 0,
	quotes     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX entities_mentions ON entities(mentions DESC, rowid);
CREATE INDEX entities_type_mentions ON entities(type, mentions DESC, rowid);

-- names, aliases, titles, countries and orgs of each entity, with how many documents gave them.
CREATE TABLE entity_names (
	entity INTEGER NOT NULL REFERENCES entities(rowid) ON DELETE CASCADE,
	kind   TEXT NOT NULL,   -- name, alias, title, country, org
	value  TEXT NOT NULL,
	norm   TEXT NOT NULL,   -- lower case, diacritics folded
	n      INTEGER NOT NULL,
	PRIMARY KEY (entity, kind, value)
) WITHOUT ROWID;
CREATE INDEX entity_names_norm ON entity_names(norm, kind);

-- the entities of each document (document-local id → cross-document entity).
CREATE TABLE doc_entities (
	doc      INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
	local    TEXT NOT NULL,
	entity   INTEGER NOT NULL REFERENCES entities(rowid),
	pub      TEXT NOT NULL,
	mentions INTEGER NOT NULL,
	PRIMARY KEY (doc, local)
) WITHOUT ROWID;
CREATE INDEX doc_entities_entity ON doc_entities(entity, pub DESC, doc DESC);

CREATE TABLE mentions (
	doc    INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
	start  INTEGER NOT NULL,
	end    INTEGER NOT NULL,
	local  TEXT NOT NULL,
	kind   TEXT NOT NULL,
	PRIMARY KEY (doc, start, end, local)
) WITHOUT ROWID;

CREATE TABLE quotes (
	rowid     INTEGER PRIMARY KEY,
	doc       INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
	local     TEXT NOT NULL,
	kind      TEXT NOT NULL,
	content_start INTEGER NOT NULL,
	content_end   INTEGER NOT NULL,
	content   TEXT NOT NULL,
	cue_start INTEGER NOT NULL,
	cue_end   INTEGER NOT NULL,
	cue       TEXT NOT NULL,
	source_start INTEGER,
	source_end   INTEGER,
	source    TEXT,
	speaker_local TEXT,
	speaker   INTEGER REFERENCES entities(rowid),
	pub       TEXT NOT NULL
);
CREATE INDEX quotes_doc ON quotes(doc);
CREATE INDEX quotes_pub ON quotes(pub DESC, rowid DESC);
CREATE INDEX quotes_speaker ON quotes(speaker, pub DESC, rowid DESC);

CREATE TABLE times (
	doc   INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
	idx   INTEGER NOT NULL,
	start INTEGER NOT NULL,
	end   INTEGER NOT NULL,
	text  TEXT NOT NULL,
	type  TEXT NOT NULL,
	value TEXT NOT NULL,
	PRIMARY KEY (doc, idx)
) WITHOUT ROWID;

CREATE TABLE places (
	doc        INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
	local      TEXT NOT NULL,
	entity     INTEGER REFERENCES entities(rowid),
	name       TEXT NOT NULL,
	geonameid  INTEGER,
	feature    TEXT NOT NULL DEFAULT '',
	country    TEXT NOT NULL DEFAULT '',
	admin1     TEXT NOT NULL DEFAULT '',
	lat        REAL NOT NULL,
	lon        REAL NOT NULL,
	confidence REAL NOT NULL DEFAULT 0,
	PRIMARY KEY (doc, local)
) WITHOUT ROWID;
CREATE INDEX places_entity ON places(entity);

CREATE TABLE events (
	rowid    INTEGER PRIMARY KEY,
	doc      INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
	local    TEXT NOT NULL,
	code     TEXT NOT NULL,
	label    TEXT NOT NULL DEFAULT '',
	trigger_start INTEGER NOT NULL,
	trigger_end   INTEGER NOT NULL,
	trigger  TEXT NOT NULL,
	place    INTEGER REFERENCES entities(rowid),
	time_idx INTEGER,
	date     TEXT NOT NULL DEFAULT '',
	negated  INTEGER NOT NULL DEFAULT 0,
	modality TEXT NOT NULL DEFAULT '',
	day      TEXT NOT NULL  -- the event's date, else the document's publication day
);
CREATE INDEX events_doc ON events(doc);
CREATE INDEX events_day ON events(day, rowid);

CREATE TABLE event_actors (
	event  INTEGER NOT NULL REFERENCES events(rowid) ON DELETE CASCADE,
	role   TEXT NOT NULL,   -- source or target
	entity INTEGER NOT NULL REFERENCES entities(rowid),
	PRIMARY KEY (event, role, entity)
) WITHOUT ROWID;
CREATE INDEX event_actors_entity ON event_actors(entity);

CREATE VIRTUAL TABLE documents_fts USING fts5(
	title, text, content='documents', content_rowid='rowid',
	tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
	INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
	INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;

CREATE VIRTUAL TABLE quotes_fts USING fts5(
	content, content='quotes', content_rowid='rowid',
	tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
	INSERT INTO quotes_fts(rowid, content) VALUES (new.rowid, new.content);
END;
CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
	INSERT INTO quotes_fts(quotes_fts, rowid, content) VALUES ('delete', old.rowid, old.content);
END;
`,
	// 2: the full-text indexes are filled once per transaction by Put (one INSERT … SELECT per batch instead
	// of one trigger per row, which made FTS5 flush its pending terms for every document). Deletes still go
	// through the triggers.
	`
DROP TRIGGER documents_ai;
DROP TRIGGER quotes_ai;
`,
	// 3: the quotation index gets a second column holding the speaker's token ("spk" and the entity rowid),
	// so that "quotes by X about Y" is one FTS5 query that intersects two posting lists, newest first,
	// instead of a join that reads every quotation about Y.
	`
ALTER TABLE quotes ADD COLUMN speaker_tok TEXT NOT NULL DEFAULT '';
UPDATE quotes SET speaker_tok = 'spk' || speaker WHERE speaker IS NOT NULL;
DROP TRIGGER quotes_ad;
DROP TABLE quotes_fts;
CREATE VIRTUAL TABLE quotes_fts USING fts5(
	content, speaker_tok, content='quotes', content_rowid='rowid',
	tokenize='unicode61 remove_diacritics 2');
INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild');
CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
	INSERT INTO quotes_fts(quotes_fts, rowid, content, speaker_tok) VALUES ('delete', old.rowid, old.content, old.speaker_tok);
END;
`,
	// 4: term statistics (fts5vocab) so a query can estimate how many rows a full-text match has and pick
	// its plan; events of an entity in date order through indexes on (place, day) and (actor, day).
	`
CREATE VIRTUAL TABLE documents_vocab USING fts5vocab(documents_fts, 'row');
CREATE VIRTUAL TABLE quotes_vocab USING fts5vocab(quotes_fts, 'row');
ALTER TABLE event_actors ADD COLUMN day TEXT NOT NULL DEFAULT '';
UPDATE event_actors SET day = (SELECT day FROM events WHERE events.rowid = event_actors.event);
CREATE INDEX event_actors_day ON event_actors(entity, day, event);
CREATE INDEX events_place_day ON events(place, day, rowid);
`,
	// 5: running totals for Stats, which counted every table (seconds on a large store). Put keeps them for
	// documents and what they hold; triggers keep the entity count.
	`
CREATE TABLE counters (name TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO counters(name, n) VALUES
	('documents', (SELECT count(*) FROM documents)),
	('entities', (SELECT count(*) FROM entities)),
	('mentions', (SELECT count(*) FROM mentions)),
	('quotes', (SELECT count(*) FROM quotes)),
	('times', (SELECT count(*) FROM times)),
	('places', (SELECT count(*) FROM places)),
	('events', (SELECT count(*) FROM events)),
	('words', (SELECT coalesce(sum(words), 0) FROM documents));
CREATE TRIGGER entities_count_ai AFTER INSERT ON entities BEGIN
	UPDATE counters SET n = n + 1 WHERE name = 'entities';
END;
CREATE TRIGGER entities_count_ad AFTER DELETE ON entities BEGIN
	UPDATE counters SET n = n - 1 WHERE name = 'entities';
END;
`,
}
