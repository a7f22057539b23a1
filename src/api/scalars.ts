// The URL scalar: an absolute web address, served exactly as stored (as the
// toolkit printed it, repaired only where the PDF broke it). graphql-scalars'
// URL type re-serialised addresses through WHATWG URL, which lower-cases the
// host and adds a slash (http://www.theGCTF.org became http://www.thegctf.org/).
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

function checked(value: unknown, where: string): string {
  if (typeof value === 'string' && URL.canParse(value)) return value;
  if (value instanceof URL) return value.href;
  throw new GraphQLError(`URL ${where}: not an absolute web address: ${JSON.stringify(value)}`);
}

export const URLScalar = new GraphQLScalarType<string, string>({
  name: 'URL',
  description: 'An absolute web address, served as printed in the toolkit (repaired only where the PDF broke it).',
  serialize: (value) => checked(value, 'output'),
  parseValue: (value) => checked(value, 'input'),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('URL input: expected a string', { nodes: ast });
    return checked(ast.value, 'input');
  },
});
