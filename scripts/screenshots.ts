// Regenerates the README's explorer screenshots (docs/screenshots/*.png) from
// the current explorer: starts a throw-away Neo4j as the test setup does (or
// uses NEO4J_TEST_URI), loads the toolkit graph and computes its analytics, serves the API and web/dist
// (built when stale), and drives Debian's Chromium through playwright-core at
// a fixed 1280×800 viewport (the phone shot at 390×844).
//
//   npm run web:screenshots
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { chromium, type Page } from 'playwright-core';
import { ensureAnalytics } from '../src/analytics/compute.js';
import { startServer } from '../src/api/server.js';
import { ensureWebBuild, WEB_DIR } from '../src/api/web-build.js';
import { DEFAULT_DATABASE, DEFAULT_USERNAME, REPO_ROOT } from '../src/store/config.js';
import { connect } from '../src/store/driver.js';
import { readGraphFile, TOOLKIT_GRAPH_PATH } from '../src/store/graph-file.js';
import { launchNeo4j, type LaunchedNeo4j } from '../src/store/launcher.js';
import { loadGraph } from '../src/store/load.js';
import { migrate } from '../src/store/migrations.js';

const CHROMIUM = '/usr/bin/chromium';
const OUT_DIR = path.join(REPO_ROOT, 'docs', 'screenshots');
const VIEWPORT = { width: 1280, height: 800 };

interface Shot {
  file: string;
  /** The explorer route (after `/`). */
  hash: string;
  /** What must be on the page before the shot. */
  ready: string;
  viewport?: { width: number; height: number };
  /** Shoot this many pixels from the top of the page instead of the viewport (charts stacked below one another). */
  height?: number;
  /** Scroll this element's bottom to the bottom of the viewport first (the whole graph canvas in view). */
  scrollTo?: string;
}

const practices = Array.from({ length: 25 }, (_, index) => `gp%3A${index + 1}`);

/** Each shot, with the README caption it illustrates (README.md, "Explorer and exports"). */
const SHOTS: Shot[] = [
  // "A question typed in the search box, answered by three practices"
  { file: 'explorer-question.png', hash: '#/?q=practices+involving+prison+administration+and+citing+the+Rome+Memorandum', ready: '.answers li' },
  // "Search facets: an actor and an instrument selected"
  { file: 'explorer-facets.png', hash: '#/?actor=Prison+administration&instrument=Rome+Memorandum', ready: '.chips .chip' },
  // "A Section 1 concept page"
  { file: 'explorer-concept.png', hash: '#/concept/manifestation%3Aalliances', ready: 'article.concept h1' },
  // "Graph view of GP 17: each node type with its own shape and colour"
  { file: 'explorer-graph.png', hash: '#/graph?id=gp%3A17', ready: '.graph-canvas[data-ready] canvas', scrollTo: '.graph-stage' },
  // "Whole-graph overview: practices (circles), actors (squares), instruments (diamonds)"
  { file: 'explorer-graph-overview.png', hash: '#/graph?id=overview', ready: '.graph-canvas[data-ready] canvas', scrollTo: '.graph-stage' },
  // "Graph view of a shared link expanding all 25 practices"
  {
    file: 'explorer-graph-25-practices.png',
    hash: `#/graph?id=${practices[0]}&expand=${practices.slice(1).join(',')}`,
    ready: '.graph-canvas[data-ready] canvas',
    scrollTo: '.graph-stage',
  },
  // "Insights: the most central actors and instruments by PageRank, with the run that computed them"
  { file: 'insights.png', hash: '#/insights', ready: '[data-chart="instruments"] svg', height: 1500 },
  // "On a phone, the answer comes first"
  {
    file: 'explorer-phone-question.png',
    hash: '#/?q=practices+involving+prison+administration+and+citing+the+Rome+Memorandum',
    ready: '.answers li',
    viewport: { width: 390, height: 844 },
  },
];

function log(line: string): void {
  process.stderr.write(`[screenshots] ${line}\n`);
}

async function shoot(page: Page, baseUrl: string, shot: Shot): Promise<void> {
  await page.setViewportSize(shot.viewport ?? VIEWPORT);
  await page.goto(`${baseUrl}/${shot.hash}`);
  await page.waitForSelector('main:not([aria-busy]) h1');
  await page.waitForSelector(shot.ready, { timeout: 60_000 });
  if (shot.scrollTo) await page.locator(shot.scrollTo).evaluate((element) => element.scrollIntoView({ block: 'end' }));
  // Let sigma draw its frame and the labels settle; nothing keeps the focus ring.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.waitForTimeout(800);
  const file = path.join(OUT_DIR, shot.file);
  if (shot.height) await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width: (shot.viewport ?? VIEWPORT).width, height: shot.height } });
  else await page.screenshot({ path: file, fullPage: false });
  log(`${shot.file}: ${(fs.statSync(file).size / 1024).toFixed(0)} kB`);
}

async function main(): Promise<void> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (apt-get install -y chromium)`);
  await ensureWebBuild({ log });
  let launched: LaunchedNeo4j | undefined;
  let dataDir: string | undefined;
  let credentials: { uri: string; username: string; password: string; database: string };
  if (process.env.NEO4J_TEST_URI) {
    credentials = {
      uri: process.env.NEO4J_TEST_URI,
      username: process.env.NEO4J_TEST_USERNAME ?? DEFAULT_USERNAME,
      password: process.env.NEO4J_TEST_PASSWORD ?? '',
      database: process.env.NEO4J_TEST_DATABASE ?? DEFAULT_DATABASE,
    };
  } else {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nexus-neo4j-screenshots-'));
    const password = randomBytes(12).toString('hex');
    launched = await launchNeo4j({ dataDir, port: 0, username: DEFAULT_USERNAME, password, heapMb: 768, pageCacheMb: 128, log });
    credentials = { uri: launched.uri, username: DEFAULT_USERNAME, password, database: DEFAULT_DATABASE };
    log(`Neo4j started at ${launched.uri}`);
  }
  const driver = await connect(credentials, 60_000);
  try {
    await migrate(driver, { database: credentials.database });
    const report = await loadGraph(driver, readGraphFile(TOOLKIT_GRAPH_PATH), { database: credentials.database });
    log(`loaded the toolkit graph: ${report.nodeCount} nodes, ${report.relationshipCount} relationships`);
    // The Insights page and the analytics of the graph view need the figures (Graph Data Science), as in the test setup.
    await ensureAnalytics(driver, { database: credentials.database, log });
    const server = await startServer({ driver, database: credentials.database, port: 0, webRoot: path.join(WEB_DIR, 'dist'), logger: pino({ level: 'silent' }) });
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      // WebGL (sigma.js) through the software renderer, as in the e2e suite.
      args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
    });
    try {
      fs.mkdirSync(OUT_DIR, { recursive: true });
      const page = await browser.newPage({ viewport: VIEWPORT });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      for (const shot of SHOTS) await shoot(page, `http://127.0.0.1:${server.port}`, shot);
      if (errors.length > 0) throw new Error(`the explorer raised errors: ${errors.join('; ')}`);
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    await driver.close();
    await launched?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
