// The in-browser GraphQL IDE at /graphiql, served entirely from local
// node_modules assets (the machine may be offline: nothing from a CDN).
import { createRequire } from 'node:module';
import path from 'node:path';
import express from 'express';

const require = createRequire(import.meta.url);

function packageDirectory(name: string): string {
  return path.dirname(require.resolve(`${name}/package.json`));
}

const ASSETS = new Map<string, string>(Object.entries({
  'react.production.min.js': path.join(packageDirectory('react'), 'umd', 'react.production.min.js'),
  'react-dom.production.min.js': path.join(packageDirectory('react-dom'), 'umd', 'react-dom.production.min.js'),
  'graphiql.min.js': path.join(packageDirectory('graphiql'), 'graphiql.min.js'),
  'graphiql.min.css': path.join(packageDirectory('graphiql'), 'graphiql.min.css'),
}));

const DEFAULT_QUERY = `# The user's example: practices naming prison administration that cite the Rome Memorandum.
{
  goodPractices(filter: { actor: "prison administration", instrument: "Rome Memorandum" }) {
    totalCount
    nodes { number title citations { instrument { title } provisions } }
  }
}
`;

export function graphiqlPage(endpoint: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Nexus Policy Toolkit – GraphiQL</title>
  <link rel="stylesheet" href="/graphiql/assets/graphiql.min.css">
  <link rel="stylesheet" href="/graphiql/assets/page.css">
</head>
<body>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="/graphiql/assets/react.production.min.js"></script>
  <script src="/graphiql/assets/react-dom.production.min.js"></script>
  <script src="/graphiql/assets/graphiql.min.js"></script>
  <script src="/graphiql/assets/start.js"></script>
</body>
</html>`;
}

/** The page's own script and style, served as files so the CSP needs no inline code. */
export function graphiqlStartScript(endpoint: string): string {
  return `const fetcher = GraphiQL.createFetcher({ url: ${JSON.stringify(endpoint)} });
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, { fetcher, defaultQuery: ${JSON.stringify(DEFAULT_QUERY)} }),
);
`;
}

const PAGE_CSS = 'html, body, #graphiql { height: 100%; margin: 0; }\n';

export function createGraphiqlRouter(endpoint = '/graphql'): express.Router {
  const router = express.Router();
  const page = graphiqlPage(endpoint);
  router.get('/graphiql', (_request, response) => {
    response.type('html').send(page);
  });
  const start = graphiqlStartScript(endpoint);
  router.get('/graphiql/assets/start.js', (_request, response) => {
    response.type('text/javascript').send(start);
  });
  router.get('/graphiql/assets/page.css', (_request, response) => {
    response.type('text/css').send(PAGE_CSS);
  });
  router.get('/graphiql/assets/:file', (request, response) => {
    // A Map, not an object: "constructor" or "__proto__" are not assets.
    const file = ASSETS.get(request.params.file);
    if (!file) {
      response.status(404).json({ error: 'No such asset' });
      return;
    }
    response.sendFile(file, { maxAge: '1d' });
  });
  return router;
}
