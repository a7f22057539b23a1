// Identity: every node of the toolkit graph carries the label Node and a unique id.
CREATE CONSTRAINT node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE;

// Natural keys the API looks nodes up by.
CREATE CONSTRAINT good_practice_number IF NOT EXISTS FOR (p:GoodPractice) REQUIRE p.number IS UNIQUE;
CREATE CONSTRAINT area_code IF NOT EXISTS FOR (a:Area) REQUIRE a.code IS UNIQUE;
CREATE CONSTRAINT footnote_number IF NOT EXISTS FOR (f:Footnote) REQUIRE f.number IS UNIQUE;

// Store bookkeeping (these nodes are not part of the toolkit graph: no Node label).
CREATE CONSTRAINT dataset_key IF NOT EXISTS FOR (d:Dataset) REQUIRE d.key IS UNIQUE;
