// How nodes appear in visualisation tools: the GraphQL type they resolve to
// and a short display label.
import type { NodeRecord } from './model.js';

/** GraphQL object types that implement Node (labels and type names coincide). */
export const NODE_TYPES = new Set([
  'GoodPractice',
  'Area',
  'KeyAction',
  'Step',
  'Actor',
  'Instrument',
  'Example',
  'Organization',
  'Country',
  'Footnote',
  'Document',
  'Section',
  'RegionalMeeting',
  'NexusFamily',
  'Manifestation',
  'Notion',
  'RegionalContext',
  'WatchPoint',
]);

/** The node's own label (the technical `Node` label is already dropped). */
export function nodeType(node: NodeRecord): string {
  return node.labels.find((label) => NODE_TYPES.has(label)) ?? node.labels[0] ?? 'Node';
}

function shorten(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** "GP 17", "Step 3", "Action 2", "Footnote 12", else the short name, name, title or factor. */
export function displayLabel(node: NodeRecord): string {
  const { number, shortName, name, title, factor, text, place, code } = node.properties;
  switch (nodeType(node)) {
    case 'GoodPractice':
      return `GP ${String(number)}`;
    case 'Step':
      return `Step ${String(number)}`;
    case 'KeyAction':
      return `Action ${String(number)}`;
    case 'Footnote':
      return `Footnote ${String(number)}`;
    case 'Area':
      return `Area ${String(code)}: ${String(title)}`;
    case 'RegionalMeeting':
      return String(place);
    default: {
      const label = shortName ?? name ?? title ?? factor ?? text ?? node.id;
      return shorten(String(label));
    }
  }
}
