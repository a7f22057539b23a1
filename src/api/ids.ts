// Node ids are "<prefix>:<rest>" (src/graph/model.ts). An id with a prefix the
// graph never uses is a client mistake (BAD_USER_INPUT); a well-formed id that
// names nothing simply resolves to null.
import { ID_PREFIXES, labelOfId } from '../graph/model.js';
import { badUserInput } from './errors.js';

/** Throws BAD_USER_INPUT unless `id` has a known prefix; returns it trimmed. */
export function validateNodeId(id: string, argument = 'id'): string {
  const trimmed = id.trim();
  if (labelOfId(trimmed) === null) {
    const known = ID_PREFIXES.map((prefix) => `"${prefix}:"`).join(', ');
    throw badUserInput(`${argument} "${id}" is not a node id of this graph: ids start with one of ${known}`, {
      argumentName: argument,
    });
  }
  return trimmed;
}
