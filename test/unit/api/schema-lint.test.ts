// graphql-eslint over schema.graphql (eslint.config.js): the Relay rules and
// a description on every type, field, argument and enum value.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

describe('schema.graphql lint (graphql-eslint)', () => {
  it('has no problem', async () => {
    const [result] = await new ESLint({ cwd: ROOT }).lintFiles(['schema.graphql']);
    expect(result?.messages.map((message) => `${message.line}: ${message.message} (${message.ruleId})`)).toEqual([]);
  }, 60_000);

  it('reports a missing description and a # comment used as one', async () => {
    const [result] = await new ESLint({ cwd: ROOT }).lintText('"A type."\ntype Probe {\n  # not a description\n  name: String\n}\n', {
      filePath: path.join(ROOT, 'schema.graphql'),
    });
    const rules = result?.messages.map((message) => message.ruleId) ?? [];
    expect(rules).toContain('@graphql-eslint/require-description');
    expect(rules).toContain('@graphql-eslint/no-hashtag-description');
  }, 60_000);
});
