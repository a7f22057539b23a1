// The client app's operations (../operations.ts) as Relay writes them; the
// test compiles them with relay-compiler into .tmp/relay/__generated__.
import { graphql } from 'relay-runtime';

export const practicePage = graphql`
  query relayOperationsPracticePageQuery($number: Int!) {
    goodPractice(number: $number) {
      number title lead bodyOwner
      area { code title }
      keyActions { number text items steps { number text } source { startLine endLine } }
      steps { number order text items itemTree keyAction { number } footnotes { number } source { startLine endLine page text } }
      actors { text entry actor { name category broader { name } } broader { name } source { startLine endLine } }
      citations { provisions text viaFootnote instrument { title shortName } source { startLine endLine } }
      examples { name urls countries { name } organizations { name } }
      references { cue text to { number title } toStep { number } source { startLine } }
      referencedBy { cue from { number title } fromStep { number } }
      footnotes { number text urls attachedTo { __typename ... on Step { number } ... on GoodPractice { number } } }
      mergedWith { number }
      related { score reasons practice { number title } sharedActors { name } sharedInstruments { title } }
      source { startLine endLine page text }
    }
  }
`;

export const practiceSummary = graphql`
  query relayOperationsPracticeSummaryQuery($number: Int!) {
    goodPractice(number: $number) {
      title
      actors { text practice { number } }
      citations { provisions practice { number } }
      references { cue from { number } }
      related(first: 3) { score referencesTo referencedFrom }
      source { startLine }
    }
  }
`;

export const nodeById = graphql`
  query relayOperationsNodeByIdQuery($id: ID!) {
    node(id: $id) {
      __typename
      ... on GoodPractice { number title }
      ... on Actor { name }
    }
  }
`;

export const search = graphql`
  query relayOperationsSearchQuery($query: String!) {
    search(query: $query, first: 15) {
      score snippet field type
      node {
        __typename
        ... on GoodPractice { number title }
        ... on Step { number text }
        ... on KeyAction { number text }
        ... on Actor { name }
        ... on Instrument { title }
        ... on Example { name }
      }
    }
  }
`;

export const neighbourhood = graphql`
  query relayOperationsNeighbourhoodQuery($id: ID!) {
    neighborhood(id: $id, depth: 1) {
      nodes { nodeId type label node { __typename } }
      edges { relationshipId source target type }
    }
  }
`;

export const paths = graphql`
  query relayOperationsPathsQuery($from: ID!, $to: ID!) {
    paths(from: $from, to: $to, maxLength: 3, first: 3) {
      length
      nodes { nodeId type label }
      relationships { relationshipId type source target }
    }
  }
`;

export const dataset = graphql`
  query relayOperationsDatasetQuery {
    dataset { version nodeCount relationshipCount }
  }
`;
