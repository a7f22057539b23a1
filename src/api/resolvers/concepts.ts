// The document structure and Section 1: the concept of the nexus.
import type {
  DocumentResolvers,
  ManifestationResolvers,
  NexusFamilyResolvers,
  NotionResolvers,
  RegionalContextResolvers,
  RegionalMeetingResolvers,
  SectionResolvers,
  WatchPointResolvers,
} from '../generated/resolvers-types.js';
import { linkedNodes } from './links.js';
import { optionalString, requiredNumber, requiredString, stringList } from './properties.js';

export const Document: DocumentResolvers = {
  id: (node) => node.id,
  title: (node) => requiredString(node, 'title'),
  sections: linkedNodes('Document', 'sections'),
};

export const Section: SectionResolvers = {
  id: (node) => node.id,
  number: (node) => requiredNumber(node, 'number'),
  title: (node) => requiredString(node, 'title'),
  paragraphs: (node) => stringList(node, 'paragraphs'),
  areas: linkedNodes('Section', 'areas'),
};

export const RegionalMeeting: RegionalMeetingResolvers = {
  id: (node) => node.id,
  place: (node) => requiredString(node, 'place'),
  date: (node) => requiredString(node, 'date'),
  region: (node) => requiredString(node, 'region'),
};

export const NexusFamily: NexusFamilyResolvers = {
  id: (node) => node.id,
  name: (node) => requiredString(node, 'name'),
  description: (node) => requiredString(node, 'description'),
  manifestations: linkedNodes('NexusFamily', 'manifestations'),
};

export const Manifestation: ManifestationResolvers = {
  id: (node) => node.id,
  letter: (node) => requiredString(node, 'letter'),
  name: (node) => requiredString(node, 'name'),
  family: (node) => requiredString(node, 'family'),
  definition: (node) => requiredString(node, 'definition'),
  description: (node) => optionalString(node, 'description'),
  notions: linkedNodes('Manifestation', 'notions'),
  regionalContexts: linkedNodes('Manifestation', 'regionalContexts'),
};

export const Notion: NotionResolvers = {
  id: (node) => node.id,
  name: (node) => requiredString(node, 'name'),
  description: (node) => requiredString(node, 'description'),
  manifestations: linkedNodes('Notion', 'manifestations'),
};

export const RegionalContext: RegionalContextResolvers = {
  id: (node) => node.id,
  name: (node) => requiredString(node, 'name'),
  description: (node) => requiredString(node, 'description'),
  manifestations: linkedNodes('RegionalContext', 'manifestations'),
};

export const WatchPoint: WatchPointResolvers = {
  id: (node) => node.id,
  factor: (node) => requiredString(node, 'factor'),
  category: (node) => requiredString(node, 'category'),
  indicators: (node) => stringList(node, 'indicators'),
};
