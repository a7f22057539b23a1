// Range indexes for the equality lookups and filters of the API.
// Label-specific id indexes let `MATCH (x:Actor {id: $id})` plan as an index seek too.
CREATE INDEX good_practice_id IF NOT EXISTS FOR (n:GoodPractice) ON (n.id);
CREATE INDEX good_practice_area_code IF NOT EXISTS FOR (n:GoodPractice) ON (n.areaCode);
CREATE INDEX good_practice_body_owner IF NOT EXISTS FOR (n:GoodPractice) ON (n.bodyOwner);
CREATE INDEX key_action_id IF NOT EXISTS FOR (n:KeyAction) ON (n.id);
CREATE INDEX step_id IF NOT EXISTS FOR (n:Step) ON (n.id);
CREATE INDEX actor_id IF NOT EXISTS FOR (n:Actor) ON (n.id);
CREATE INDEX actor_name IF NOT EXISTS FOR (n:Actor) ON (n.name);
CREATE INDEX actor_category IF NOT EXISTS FOR (n:Actor) ON (n.category);
CREATE INDEX instrument_id IF NOT EXISTS FOR (n:Instrument) ON (n.id);
CREATE INDEX instrument_symbol IF NOT EXISTS FOR (n:Instrument) ON (n.symbol);
CREATE INDEX instrument_short_name IF NOT EXISTS FOR (n:Instrument) ON (n.shortName);
CREATE INDEX instrument_title IF NOT EXISTS FOR (n:Instrument) ON (n.title);
CREATE INDEX instrument_issuer IF NOT EXISTS FOR (n:Instrument) ON (n.issuer);
CREATE INDEX instrument_kind IF NOT EXISTS FOR (n:Instrument) ON (n.kind);
CREATE INDEX example_id IF NOT EXISTS FOR (n:Example) ON (n.id);
CREATE INDEX example_name IF NOT EXISTS FOR (n:Example) ON (n.name);
CREATE INDEX organization_id IF NOT EXISTS FOR (n:Organization) ON (n.id);
CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name);
CREATE INDEX country_id IF NOT EXISTS FOR (n:Country) ON (n.id);
CREATE INDEX country_name IF NOT EXISTS FOR (n:Country) ON (n.name);
CREATE INDEX area_id IF NOT EXISTS FOR (n:Area) ON (n.id);
CREATE INDEX footnote_id IF NOT EXISTS FOR (n:Footnote) ON (n.id);

// Case-insensitive "contains" filters (actor wording, instrument title words) are served by text indexes.
CREATE TEXT INDEX actor_name_text IF NOT EXISTS FOR (n:Actor) ON (n.name);
CREATE TEXT INDEX instrument_title_text IF NOT EXISTS FOR (n:Instrument) ON (n.title);
