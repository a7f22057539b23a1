// The full-text indexes again, now also over `searchVariants` (each node's
// text in its other British/American spelling, written by the loader from
// data/normalisation/spelling-variants.json: Neo4j's built-in analysers have
// no synonym filter). The analyser is named rather than left to the default.
DROP INDEX practice_text IF EXISTS;
DROP INDEX key_action_text IF EXISTS;
DROP INDEX step_text IF EXISTS;
DROP INDEX actor_names IF EXISTS;
DROP INDEX instrument_text IF EXISTS;
DROP INDEX example_text IF EXISTS;
DROP INDEX organization_names IF EXISTS;
DROP INDEX country_names IF EXISTS;
DROP INDEX footnote_text IF EXISTS;
DROP INDEX section_text IF EXISTS;
DROP INDEX concept_text IF EXISTS;
CREATE FULLTEXT INDEX practice_text IF NOT EXISTS FOR (n:GoodPractice) ON EACH [n.title, n.lead, n.searchVariants] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}};
CREATE FULLTEXT INDEX key_action_text IF NOT EXISTS FOR (n:KeyAction) ON EACH [n.text, n.lead, n.searchVariants] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}};
CREATE FULLTEXT INDEX step_text IF NOT EXISTS FOR (n:Step) ON EACH [n.text, n.items, n.searchVariants] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}};
CREATE FULLTEXT INDEX actor_names IF NOT EXISTS FOR (n:Actor) ON EACH [n.name, n.aliases, n.searchVariants] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}};
CREATE FULLTEXT INDEX instrument_text IF NOT EXISTS FOR (n:Instrument) ON EACH [n.title, n.shortName, n.symbol, n.aliases, n.searchVariants] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}};
CREATE FULLTEXT INDEX example_text IF NOT EXISTS FOR (n:Example) ON EACH [n.name, n.description, n.searchVariants] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}};
CREATE FULLTEXT INDEX organization_names IF NOT EXISTS FOR (n:Organization) ON EACH [n.name, n.aliases, n.searchVariants] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}};
CREATE FULLTEXT INDEX country_names IF NOT EXISTS FOR (n:Country) ON EACH [n.name, n.searchVariants] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}};
CREATE FULLTEXT INDEX footnote_text IF NOT EXISTS FOR (n:Footnote) ON EACH [n.text, n.searchVariants] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}};
CREATE FULLTEXT INDEX section_text IF NOT EXISTS FOR (n:Section) ON EACH [n.title, n.paragraphs, n.searchVariants] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}};
CREATE FULLTEXT INDEX concept_text IF NOT EXISTS FOR (n:NexusFamily|Manifestation|Notion|RegionalContext|WatchPoint) ON EACH [n.name, n.description, n.definition, n.factor, n.indicators, n.searchVariants] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}};
