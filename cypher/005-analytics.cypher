// Derived network analytics (src/analytics): runs, node scores and pairs, kept
// apart from the toolkit graph (no :Node label) and found by the node ids they
// refer to.
CREATE CONSTRAINT analytics_run_key IF NOT EXISTS FOR (r:AnalyticsRun) REQUIRE r.key IS UNIQUE;
CREATE INDEX analytics_run_version IF NOT EXISTS FOR (r:AnalyticsRun) ON (r.datasetVersion);
CREATE INDEX analytics_score_node IF NOT EXISTS FOR (s:AnalyticsScore) ON (s.nodeId);
CREATE INDEX analytics_score_analysis IF NOT EXISTS FOR (s:AnalyticsScore) ON (s.analysis, s.datasetVersion);
CREATE INDEX analytics_pair_a IF NOT EXISTS FOR (p:AnalyticsPair) ON (p.a);
CREATE INDEX analytics_pair_b IF NOT EXISTS FOR (p:AnalyticsPair) ON (p.b);
CREATE INDEX analytics_pair_analysis IF NOT EXISTS FOR (p:AnalyticsPair) ON (p.analysis, p.datasetVersion);
