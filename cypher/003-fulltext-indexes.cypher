// Full-text (Lucene) indexes for search. Query with
//   CALL db.index.fulltext.queryNodes('<name>', $query) YIELD node, score
// String-list properties (aliases, items, indicators) are indexed element by element.
CREATE FULLTEXT INDEX practice_text IF NOT EXISTS FOR (n:GoodPractice) ON EACH [n.title, n.lead];
CREATE FULLTEXT INDEX key_action_text IF NOT EXISTS FOR (n:KeyAction) ON EACH [n.text, n.lead];
CREATE FULLTEXT INDEX step_text IF NOT EXISTS FOR (n:Step) ON EACH [n.text, n.items];
CREATE FULLTEXT INDEX actor_names IF NOT EXISTS FOR (n:Actor) ON EACH [n.name, n.aliases];
CREATE FULLTEXT INDEX instrument_text IF NOT EXISTS FOR (n:Instrument) ON EACH [n.title, n.shortName, n.symbol, n.aliases];
CREATE FULLTEXT INDEX example_text IF NOT EXISTS FOR (n:Example) ON EACH [n.name, n.description];
CREATE FULLTEXT INDEX organization_names IF NOT EXISTS FOR (n:Organization) ON EACH [n.name, n.aliases];
CREATE FULLTEXT INDEX country_names IF NOT EXISTS FOR (n:Country) ON EACH [n.name];
CREATE FULLTEXT INDEX footnote_text IF NOT EXISTS FOR (n:Footnote) ON EACH [n.text];
CREATE FULLTEXT INDEX section_text IF NOT EXISTS FOR (n:Section) ON EACH [n.title, n.paragraphs];
CREATE FULLTEXT INDEX concept_text IF NOT EXISTS FOR (n:NexusFamily|Manifestation|Notion|RegionalContext|WatchPoint) ON EACH [n.name, n.description, n.definition, n.factor, n.indicators];

// The exact wording of actor mentions and citations lives on relationships.
CREATE FULLTEXT INDEX actor_mention_text IF NOT EXISTS FOR ()-[r:MENTIONS_ACTOR]-() ON EACH [r.text, r.entry];
CREATE FULLTEXT INDEX citation_text IF NOT EXISTS FOR ()-[r:CITES]-() ON EACH [r.text];
