// Prints the README's example queries with the answers a running service gives:
//   npm run api:examples -- [http://localhost:4000/graphql]
import { EXAMPLE_QUERIES } from './example-queries.js';

async function run(endpoint: string): Promise<string> {
  let markdown = '';
  for (const [index, example] of EXAMPLE_QUERIES.entries()) {
    const response = await fetch(endpoint, {
      method: 'POST',
      // The spec's own media type, as current clients send it (request errors are 4xx under it).
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: example.query }),
    });
    const body: unknown = await response.json();
    const trips = response.headers.get('x-cypher-round-trips') ?? '?';
    markdown += `#### ${index + 1}. ${example.title}\n\n\`\`\`graphql\n${example.query}\n\`\`\`\n\n`;
    markdown += `<details><summary>Answer (HTTP ${response.status}, ${trips} Cypher round trip${trips === '1' ? '' : 's'})</summary>\n\n`;
    markdown += `\`\`\`json\n${JSON.stringify(body, null, 2)}\n\`\`\`\n\n</details>\n\n`;
  }
  return markdown;
}

const endpoint = process.argv[2] ?? 'http://localhost:4000/graphql';
try {
  process.stdout.write(await run(endpoint));
} catch (error) {
  process.stderr.write(`Could not query ${endpoint}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
