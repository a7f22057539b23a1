// All resolvers, typed against the resolver types generated from schema.graphql.
import { GraphQLJSON, GraphQLNonEmptyString, GraphQLPositiveInt, GraphQLDateTime } from 'graphql-scalars';
import { URLScalar } from '../scalars.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { Document, Manifestation, NexusFamily, Notion, RegionalContext, RegionalMeeting, Section, WatchPoint } from './concepts.js';
import { Actor, ActorMention, Citation, Country, Example, Footnote, Instrument, Organization } from './entities.js';
import { connections, Dataset, GraphEdge, GraphNode, GraphPath, Node, PageInfo, RelatedPractice, SearchHit, Subgraph } from './graph.js';
import { Area, CrossReference, GoodPractice, KeyAction, SourceLocation, Step } from './practices.js';
import { Query } from './query.js';
import {
  Analytics,
  analyticsQuery,
  AnalyticsRun,
  AreaActorCategory,
  CentralityScore,
  CoCitation,
  Community,
  CoOccurrence,
  NodeAnalytics,
  PracticeSimilarity,
} from './analytics.js';

export const resolvers: Resolvers = {
  URL: URLScalar,
  PositiveInt: GraphQLPositiveInt,
  NonEmptyString: GraphQLNonEmptyString,
  DateTime: GraphQLDateTime,
  JSON: GraphQLJSON,
  Query: { ...Query, ...analyticsQuery },
  Node,
  ...connections,
  PageInfo,
  GoodPractice,
  Area,
  KeyAction,
  Step,
  CrossReference,
  SourceLocation,
  Actor,
  ActorMention,
  Citation,
  Instrument,
  Example,
  Organization,
  Country,
  Footnote,
  Document,
  Section,
  RegionalMeeting,
  NexusFamily,
  Manifestation,
  Notion,
  RegionalContext,
  WatchPoint,
  SearchHit,
  RelatedPractice,
  GraphNode,
  GraphEdge,
  Subgraph,
  GraphPath,
  Dataset,
  Analytics,
  AnalyticsRun,
  CentralityScore,
  Community,
  CoCitation,
  CoOccurrence,
  PracticeSimilarity,
  NodeAnalytics,
  AreaActorCategory,
};
