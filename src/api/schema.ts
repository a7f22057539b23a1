// The executable schema: schema.graphql (the public contract) with the resolvers.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SCHEMA_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'schema.graphql');

export function readTypeDefs(): string {
  return readFileSync(SCHEMA_PATH, 'utf8');
}
