// The properties each searchable node label is full-text indexed on, read
// from the graph model (src/graph/model.ts).
import { NODE_TYPES } from '../graph/model.js';

export const SEARCH_FIELDS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  NODE_TYPES.flatMap((type) => (type.search ? [[type.label, type.search.fields]] : [])),
);
