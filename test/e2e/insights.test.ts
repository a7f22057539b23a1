// End-to-end: the Insights page and the graph view sized by centrality, in
// headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core)
// against the real service over the test Neo4j, whose analytics Neo4j Graph
// Data Science computed. What the page shows is compared with what the API
// answers; the downloads are read back.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import pino from 'pino';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GDS_MISSING_MESSAGE } from '../../src/analytics/compute.js';
import { startServer, type StartedServer } from '../../src/api/server.js';
import { REPO_ROOT } from '../../src/store/config.js';
import { ensureToolkitLoaded } from '../../src/store/dataset.js';
import { launchNeo4j, type LaunchedNeo4j } from '../../src/store/launcher.js';
import { communityColour } from '../../web/src/analytics.js';
import { baseSize } from '../../web/src/graph/model.js';
import { closeTestDriver, testDatabase, testDriver, testGraph } from '../support/neo4j.js';
import { openStrictCspPage } from '../support/strict-csp.js';

const CHROMIUM = '/usr/bin/chromium';
const WEB_ROOT = path.join(REPO_ROOT, 'web', 'dist');
const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts', 'e2e');
const hasChromium = existsSync(CHROMIUM);

function newestSource(directory: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function webBuildIsCurrent(): boolean {
  const built = path.join(WEB_ROOT, 'index.html');
  if (!existsSync(built)) return false;
  const sources = Math.max(newestSource(path.join(REPO_ROOT, 'web', 'src')), statSync(path.join(REPO_ROOT, 'web', 'index.html')).mtimeMs);
  return statSync(built).mtimeMs >= sources;
}

interface Scored {
  score: number;
  rank: number;
  node: { id: string; name?: string };
}

interface ApiAnalytics {
  datasetVersion: string;
  topActors: Scored[];
  topActorsBetweenness: Scored[];
  pageRankPractices: Scored[];
  pageRankActors: Scored[];
  pageRankInstruments: Scored[];
  communities: Array<{ number: number; size: number; practices: Array<{ id: string }>; actors: Array<{ id: string }>; instruments: Array<{ id: string }> }>;
  coCitation: Array<{ instrument: { id: string }; coCited: { id: string }; weight: number }>;
  areaActorCategories: Array<{ area: { code: string }; category: string; practices: Array<{ number: number }> }>;
  runs: Array<{ analysis: string; algorithm: string }>;
}

let server: StartedServer;
let browser: Browser;
let page: Page;
let baseUrl: string;
let api: ApiAnalytics;
const pageErrors: string[] = [];
const cspViolations: string[] = [];

async function graphql<T>(query: string): Promise<T> {
  const response = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
  if (body.errors) throw new Error(body.errors.map((error) => error.message).join('; '));
  return body.data!;
}

async function open(hash: string): Promise<void> {
  await page.goto(`${baseUrl}/${hash}`);
  await page.waitForSelector('main:not([aria-busy]) h1');
}

/** Clicks a download button and returns the file's text. */
async function download(selector: string): Promise<{ name: string; text: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  const bytes = readFileSync((await file.path())!);
  return { name: file.suggestedFilename(), text: bytes.toString('utf8'), bytes };
}

/** Minimal RFC 4180 reader (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let index = 0; index < body.length; index += 1) {
    const char = body[index]!;
    if (quoted) {
      if (char === '"' && body[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && body[index + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      index += 1;
    } else cell += char;
  }
  row.push(cell);
  rows.push(row);
  return rows;
}

const actorHref = (id: string): string => `#/actor/${id.replace(/^actor:/, '')}`;

/** Targets of the links in a chart (Plot writes SVG links as xlink:href). */
async function chartLinks(chart: string): Promise<string[]> {
  return page
    .locator(`[data-chart="${chart}"] svg a`)
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? link.getAttributeNS('http://www.w3.org/1999/xlink', 'href') ?? ''));
}

describe.skipIf(!hasChromium)('Insights and the analytics graph view in Chromium', () => {
  beforeAll(async () => {
    if (!webBuildIsCurrent()) {
      execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: REPO_ROOT, stdio: 'inherit' });
    }
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startServer({ driver: testDriver(), database: testDatabase(), port: 0, webRoot: WEB_ROOT, logger: pino({ level: 'silent' }) });
    baseUrl = `http://127.0.0.1:${server.port}`;
    ({ analytics: api } = await graphql<{ analytics: ApiAnalytics }>(`{
      analytics {
        datasetVersion
        topActors: centrality(measure: PAGE_RANK, type: ACTOR, first: 15) { score rank node { id ... on Actor { name } } }
        topActorsBetweenness: centrality(measure: BETWEENNESS, type: ACTOR, first: 15) { score rank node { id ... on Actor { name } } }
        pageRankPractices: centrality(measure: PAGE_RANK, type: GOOD_PRACTICE, first: 100) { score rank node { id } }
        pageRankActors: centrality(measure: PAGE_RANK, type: ACTOR, first: 100) { score rank node { id } }
        pageRankInstruments: centrality(measure: PAGE_RANK, type: INSTRUMENT, first: 100) { score rank node { id } }
        communities { number size practices { id } actors { id } instruments { id } }
        coCitation(first: 500) { instrument { id } coCited { id } weight }
        areaActorCategories { area { code } category practices { number } }
        runs { analysis algorithm }
      }
    }`));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) cspViolations.push(message.text());
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await closeTestDriver();
  });

  it('is reached from the header and the home page, and charts the most central actors, each bar linking to its page', async () => {
    await open('#/');
    expect(await page.locator('section[aria-labelledby="network-title"] a[href="#/insights"]').count()).toBe(1);
    await page.locator('.site-header nav a', { hasText: 'Insights' }).click();
    await page.waitForSelector('main:not([aria-busy]) [data-chart="actors"] svg');
    expect(page.url()).toContain('#/insights');
    const top = api.topActors[0]!;
    const ranks = api.topActors.map((score) => score.rank);
    expect(ranks).toEqual([...ranks].sort((left, right) => left - right));
    const chart = page.locator('[data-chart="actors"]');
    // One bar per actor, in the API's order, the first labelled with the top actor.
    const labels = await chart.locator('svg [aria-label="y-axis tick label"] text').allTextContents();
    expect(labels).toHaveLength(api.topActors.length);
    expect(top.node.name!.startsWith(labels[0]!.replace(/…$/, ''))).toBe(true);
    const links = await chartLinks('actors');
    expect(links.filter((href) => href === actorHref(top.node.id))).toHaveLength(2); // the bar and its label
    expect(new Set(links)).toEqual(new Set(api.topActors.map((score) => actorHref(score.node.id))));
    const bars = await chart.locator('svg rect').evaluateAll((rects) => rects.map((rect) => Number(rect.getAttribute('width'))).filter((width) => width > 0));
    expect(bars).toHaveLength(api.topActors.length);
    for (let index = 1; index < bars.length; index += 1) expect(bars[index]!).toBeLessThanOrEqual(bars[index - 1]! + 1e-6);
    // Its provenance: the algorithm and the dataset version.
    const caption = (await chart.locator('figcaption').textContent()) ?? '';
    expect(caption).toContain(api.runs.find((run) => run.analysis === 'pageRank')?.algorithm ?? 'gds.pageRank');
    expect(caption).toContain(api.datasetVersion.slice(0, 12));
    await screenshot();
    await chart.locator('svg a').nth(links.indexOf(actorHref(top.node.id))).click();
    await page.waitForFunction((hash) => location.hash === hash, actorHref(top.node.id));
    await page.waitForSelector('main:not([aria-busy]) h1');
    expect(await page.locator('h1').textContent()).toBe(top.node.name);
  });

  async function screenshot(): Promise<void> {
    await page.screenshot({ path: path.join(ARTIFACTS, 'insights.png'), fullPage: true });
    // The README's picture: the top of the page (the introduction and the first charts).
    await page.screenshot({ path: path.join(ARTIFACTS, 'insights-top.png'), clip: { x: 0, y: 0, width: 1280, height: 1500 }, fullPage: true });
  }

  it('switches to betweenness and keeps the choice in the URL', async () => {
    await open('#/insights');
    await page.locator('[data-measure="betweenness"]').click();
    await page.waitForFunction(() => location.hash === '#/insights?measure=betweenness');
    await page.waitForSelector('main:not([aria-busy]) #actors-title:has-text("Betweenness")');
    const labels = await page.locator('[data-chart="actors"] svg [aria-label="y-axis tick label"] text').allTextContents();
    expect(api.topActorsBetweenness[0]!.node.name!.startsWith(labels[0]!.replace(/…$/, ''))).toBe(true);
    expect(await page.locator('[data-chart="actors"] figcaption').textContent()).toMatch(/betweenness/i);
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    try {
      await phone.goto(`${baseUrl}/#/insights`);
      await phone.waitForSelector('main:not([aria-busy]) [data-chart="actors"] svg');
      expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await phone.screenshot({ path: path.join(ARTIFACTS, 'phone-insights.png') });
    } finally {
      await phone.close();
    }
  });

  it('lists the communities with links to their members', async () => {
    await open('#/insights');
    expect(await page.locator('.communities > li').count()).toBe(api.communities.length);
    const first = api.communities[0]!;
    const members = await page.locator('.communities > li').first().locator('a').count();
    expect(members).toBe(first.practices.length + first.actors.length + first.instruments.length);
    expect(await page.locator('.communities > li').first().locator('h3').textContent()).toContain(`${first.size} members`);
  });

  it('draws the area × actor-category matrix with one row per area, and its CSV holds every cell', async () => {
    await open('#/insights');
    const areas = [...new Set(api.areaActorCategories.map((cell) => cell.area.code))];
    const categories = [...new Set(api.areaActorCategories.map((cell) => cell.category))];
    expect(areas.length).toBe(testGraph().nodes.filter((node) => node.labels.includes('Area')).length);
    const chart = page.locator('[data-chart="area-actor-categories"]');
    expect(await chart.locator('svg [aria-label="y-axis tick label"] text').count()).toBe(areas.length);
    expect(await chart.locator('table tbody tr').count()).toBe(areas.length);
    expect(await chart.locator('figcaption').textContent()).toContain('Counted from the source graph');
    const csv = parseCsv((await download('[data-chart="area-actor-categories"] [data-export="csv"]')).text);
    expect(csv[0]).toEqual(['area', 'area title', 'actor category', 'practices', 'practice numbers']);
    expect(csv.length - 1).toBe(areas.length * categories.length);
    for (const cell of api.areaActorCategories) {
      const row = csv.find((line) => line[0] === cell.area.code && line[2] === cell.category);
      expect(row?.[3], `${cell.area.code} × ${cell.category}`).toBe(String(cell.practices.length));
      expect(row?.[4]).toBe(cell.practices.map((practice) => practice.number).join(' '));
    }
  });

  it('downloads each chart as SVG and PNG and its data as CSV', async () => {
    await open('#/insights');
    const csv = await download('[data-chart="actors"] [data-export="csv"]');
    expect(csv.name).toBe('nexus-insights-actors.csv');
    const rows = parseCsv(csv.text);
    expect(rows[0]).toEqual(['position', 'rank', 'id', 'name', 'measure', 'score']);
    expect(rows.slice(1).map((row) => [Number(row[0]), Number(row[1]), row[2], Number(row[5])])).toEqual(
      api.topActors.map((score, index) => [index + 1, score.rank, score.node.id, score.score]),
    );
    const svg = await download('[data-chart="actors"] [data-export="svg"]');
    expect(svg.text).toMatch(/^<\?xml[^>]*>\n<svg[^>]* xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg.text).toContain(api.topActors[0]!.node.name!.slice(0, 20));
    const png = await download('[data-chart="instrument-co-citation"] [data-export="png"]');
    expect(png.bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(png.bytes.length).toBeGreaterThan(10_000);
    // The network: one disc per instrument among the 20 most co-cited, one line per pair of them.
    const cited = new Set(api.coCitation.flatMap((pair) => [pair.instrument.id, pair.coCited.id]));
    const network = page.locator('[data-chart="instrument-co-citation-network"]');
    const discs = await network.locator('svg circle').count();
    expect(discs).toBe(Math.min(20, cited.size));
    const lines = parseCsv((await download('[data-chart="instrument-co-citation-network"] [data-export="csv"]')).text).slice(1);
    expect(new Set(lines.flatMap((row) => [row[0], row[2]])).size).toBeLessThanOrEqual(discs);
    expect(await network.locator('svg [aria-label="link"] line, svg [aria-label="link"] path').count()).toBe(lines.length);
    const pairs = parseCsv((await download('[data-chart="instrument-co-citation"] [data-export="csv"]')).text).slice(1);
    expect(pairs.map((row) => [row[0], row[2], Number(row[4])])).toEqual(api.coCitation.map((pair) => [pair.instrument.id, pair.coCited.id, pair.weight]));
  });

  it('sizes the graph by PageRank: sizes differ and follow the scores; nodes without a score keep their size', async () => {
    await open('#/graph?id=gp%3A17&size=pagerank');
    await page.waitForSelector('.graph-canvas[data-ready] canvas');
    const nodes = await page.locator('.node-button').evaluateAll((buttons) =>
      buttons.map((button) => {
        const data = (button as HTMLElement).dataset;
        return { id: data['node']!, type: data['type']!, size: Number(data['size']), score: data['score'] === undefined ? null : Number(data['score']) };
      }),
    );
    const expected = new Map([...api.pageRankPractices, ...api.pageRankActors, ...api.pageRankInstruments].map((score) => [score.node.id, score.score]));
    const scored = nodes.filter((node) => node.score !== null);
    expect(scored.length).toBeGreaterThan(3);
    for (const node of scored) expect(node.score, node.id).toBe(expected.get(node.id));
    for (const node of nodes.filter((node) => node.score === null)) {
      expect(expected.has(node.id), node.id).toBe(false);
      expect(node.size, node.id).toBe(baseSize(node.type));
    }
    expect(new Set(scored.map((node) => node.size)).size).toBeGreaterThan(2);
    const byScore = [...scored].sort((left, right) => left.score! - right.score!);
    for (let index = 1; index < byScore.length; index += 1) expect(byScore[index]!.size).toBeGreaterThanOrEqual(byScore[index - 1]!.size);
    expect(await page.locator('.graph-analytics').textContent()).toContain('PageRank');
    await page.screenshot({ path: path.join(ARTIFACTS, 'graph-pagerank.png'), fullPage: true });
  });

  it('colours the overview by community, with a legend', async () => {
    await open('#/graph?id=overview&size=betweenness&colour=community');
    await page.waitForSelector('.graph-canvas[data-ready] canvas');
    const nodes = await page.locator('.node-button').evaluateAll((buttons) =>
      buttons.map((button) => ({
        id: (button as HTMLElement).dataset['node']!,
        community: (button as HTMLElement).dataset['community'],
        // The node's shape icon, filled with the node's colour.
        colour: button.querySelector('.shape-icon > *')?.getAttribute('fill') ?? '',
      })),
    );
    const communityOf = new Map(api.communities.flatMap((community) => [...community.practices, ...community.actors, ...community.instruments].map((member) => [member.id, community.number])));
    let coloured = 0;
    for (const node of nodes) {
      const community = communityOf.get(node.id);
      expect(node.community, node.id).toBe(community === undefined ? undefined : String(community));
      if (community !== undefined) {
        expect(node.colour.toLowerCase(), node.id).toBe(communityColour(community).toLowerCase());
        coloured += 1;
      }
    }
    expect(coloured).toBeGreaterThan(nodes.length / 2);
    expect(await page.locator('.community-legend li').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'graph-communities.png'), fullPage: true });
  });

  it('says plainly that the analytics are unavailable on a Neo4j without the Graph Data Science plugin', async () => {
    // A second, throw-away Neo4j started without the plugin, with the same dataset, and the service over it.
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'nexus-neo4j-e2e-nogds-'));
    const password = randomBytes(12).toString('hex');
    let launched: LaunchedNeo4j | undefined;
    let driver: Driver | undefined;
    let bare: StartedServer | undefined;
    const other = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      launched = await launchNeo4j({ dataDir, port: 0, username: 'neo4j', password, heapMb: 512, pageCacheMb: 64, gds: false });
      driver = neo4j.driver(launched.uri, neo4j.auth.basic('neo4j', password));
      await ensureToolkitLoaded(driver, { database: testDatabase(), graph: testGraph(), log: () => undefined });
      bare = await startServer({ driver, database: testDatabase(), port: 0, webRoot: WEB_ROOT, logger: pino({ level: 'silent' }) });
      const bareUrl = `http://127.0.0.1:${bare.port}`;
      await other.goto(`${bareUrl}/#/insights`);
      await other.waitForSelector('main:not([aria-busy]) h1');
      expect(await other.locator('h1').textContent()).toBe('Insights');
      const alert = (await other.locator('main [role="alert"]').textContent()) ?? '';
      expect(alert).toContain(GDS_MISSING_MESSAGE);
      expect(alert).toMatch(/graph-data-science/);
      // The graph view still draws, by type, and says why it cannot size by centrality.
      await other.goto(`${bareUrl}/#/graph?id=gp%3A17&size=pagerank&colour=community`);
      await other.waitForSelector('.graph-canvas[data-ready] canvas');
      expect(await other.locator('.graph-analytics [role="alert"]').textContent()).toContain(GDS_MISSING_MESSAGE);
      const sizes = await other
        .locator('.node-button')
        .evaluateAll((buttons) => buttons.map((button) => [(button as HTMLElement).dataset['type']!, Number((button as HTMLElement).dataset['size'])] as const));
      expect(sizes.length).toBeGreaterThan(3);
      for (const [type, size] of sizes) expect(size).toBe(baseSize(type));
      await other.screenshot({ path: path.join(ARTIFACTS, 'insights-without-gds.png') });
    } finally {
      await other.close();
      await bare?.close();
      await driver?.close();
      await launched?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 240_000);

  it('runs under a strict Content-Security-Policy, style attributes refused too', async () => {
    const { page: strict, refused } = await openStrictCspPage(browser, baseUrl);
    try {
      await strict.goto(`${baseUrl}/#/insights`);
      await strict.waitForSelector('main:not([aria-busy]) [data-chart="actors"] svg');
      const [png] = await Promise.all([strict.waitForEvent('download'), strict.locator('[data-chart="actors"] [data-export="png"]').click()]);
      expect(readFileSync((await png.path())!).subarray(1, 4).toString()).toBe('PNG');
      expect(refused).toEqual([]);
    } finally {
      await strict.close();
    }
  });

  it('has no serious or critical accessibility violation (axe-core)', async () => {
    const found: string[] = [];
    // A laptop and a phone (where the charts scroll sideways in their own box).
    for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
      const context = await browser.newContext({ bypassCSP: true, viewport });
      const axePage = await context.newPage();
      try {
        for (const hash of ['#/insights', '#/insights?measure=betweenness', '#/graph?id=overview&size=pagerank&colour=community']) {
          await axePage.goto(`${baseUrl}/${hash}`);
          await axePage.waitForSelector('main:not([aria-busy]) h1');
          await axePage.addScriptTag({ path: path.join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js') });
          const violations = await axePage.evaluate(async () => {
            const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }> }> } }).axe;
            const result = await axe.run(document);
            return result.violations
              .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical' || violation.id === 'heading-order')
              .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(', ')}`);
          });
          found.push(...violations.map((violation) => `${viewport.width}px ${hash} ${violation}`));
        }
      } finally {
        await context.close();
      }
    }
    expect(found).toEqual([]);
  });

  it('raised no script errors and no Content-Security-Policy violations', () => {
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

});
