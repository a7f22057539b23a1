// End-to-end: the explorer in headless Chromium (Debian's /usr/bin/chromium,
// driven by playwright-core) against the real service over the test Neo4j.
// A screenshot of each page is kept under test-artifacts/e2e/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type StartedServer } from '../../src/api/server.js';
import type { SerialisedGraph } from '../../src/graph/serialised.js';
import { REPO_ROOT } from '../../src/store/config.js';
import { closeTestDriver, testDatabase, testDriver, testGraph } from '../support/neo4j.js';

const CHROMIUM = '/usr/bin/chromium';
const WEB_ROOT = path.join(REPO_ROOT, 'web', 'dist');
const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts', 'e2e');
const hasChromium = existsSync(CHROMIUM);

/** Newest modification time of the explorer's sources (to rebuild a stale web/dist). */
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

if (!hasChromium) {
  process.stderr.write(`[e2e] skipped: ${CHROMIUM} is missing (apt-get install -y chromium)\n`);
}

let server: StartedServer;
let browser: Browser;
let page: Page;
let baseUrl: string;
let graph: SerialisedGraph;
const pageErrors: string[] = [];
/** Content-Security-Policy violations reported by the browser (the explorer and GraphiQL must run under the CSP). */
const cspViolations: string[] = [];

function property(id: string, name: string): unknown {
  return graph.nodes.find((node) => node.id === id)?.properties[name];
}

function practiceNumber(id: string): number {
  return Number(property(id, 'number'));
}

async function open(hash: string): Promise<void> {
  await page.goto(`${baseUrl}/${hash}`);
  await page.waitForSelector('main:not([aria-busy]) h1');
}

async function screenshot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

describe.skipIf(!hasChromium)('explorer in Chromium', () => {
  beforeAll(async () => {
    graph = testGraph();
    if (!webBuildIsCurrent()) {
      execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: REPO_ROOT, stdio: 'inherit' });
    }
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startServer({
      driver: testDriver(),
      database: testDatabase(),
      port: 0,
      webRoot: WEB_ROOT,
      logger: pino({ level: 'silent' }),
    });
    baseUrl = `http://127.0.0.1:${server.port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      // WebGL (sigma.js) through the software renderer: the test machine has no GPU.
      args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await closeTestDriver();
  });

  it('searches across node types with highlighted snippets', async () => {
    await open('#/');
    await page.fill('input[type="search"]', 'prison');
    await page.press('input[type="search"]', 'Enter');
    await page.waitForSelector('.hit mark');
    expect(page.url()).toContain('#/?q=prison');
    const marks = await page.locator('.hit mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark.toLowerCase()).toContain('prison');
    await screenshot('search');
  });

  it('opens a practice from the list with its steps, actors and source lines', async () => {
    await open('#/');
    const first = page.locator('.practice-list a').first();
    const label = (await first.textContent()) ?? '';
    await first.click();
    await page.waitForSelector('article.practice h1');
    const number = Number(/^GP (\d+):/.exec(label)?.[1]);
    expect(page.url()).toContain(`#/practice/${number}`);
    const title = String(property(`gp:${number}`, 'title'));
    expect(await page.locator('article.practice h1').textContent()).toContain(title);
    expect(await page.locator('#source-title').count()).toBe(1);
    const lines = await page.locator('section[aria-labelledby="source-title"] p').first().textContent();
    expect(lines).toMatch(new RegExp(`^Lines ${String(property(`gp:${number}`, 'sourceStartLine'))}–`));
    await screenshot('practice');
  });

  it('follows a cross-reference to the practice it names', async () => {
    const reference = graph.relationships.find((relationship) => relationship.type === 'REFERENCES');
    if (!reference) throw new Error('the loaded graph has no cross-reference');
    await open(`#/practice/${practiceNumber(reference.start)}`);
    const target = practiceNumber(reference.end);
    await page.locator(`.references-out a[data-reference-to="${target}"]`).first().click();
    await page.waitForFunction((number) => location.hash.startsWith(`#/practice/${number}`), target);
    await page.locator('main:not([aria-busy]) article.practice h1', { hasText: new RegExp(`Good practice ${target}(?!\\d)`) }).waitFor();
    // The practice it came from is listed among those referring to this one.
    expect(await page.locator('.references-in').textContent()).toContain(`GP ${practiceNumber(reference.start)}`);
  });

  it("runs the user's example through the facets: an actor, then an instrument", async () => {
    // The toolkit graph has the user's pair; the small fixture falls back to
    // any actor and instrument of one practice.
    const pair = (actor: string): string | undefined => {
      const practices = new Set(graph.relationships.filter((r) => r.type === 'MENTIONS_ACTOR' && r.end === actor).map((r) => r.start));
      const cited = graph.relationships.filter((r) => r.type === 'CITES' && practices.has(r.start)).map((r) => r.end);
      return cited.find((id) => property(id, 'shortName') === 'Rome Memorandum') ?? cited[0];
    };
    const actors = ['actor:prison-administration', ...graph.nodes.filter((n) => n.labels.includes('Actor')).map((n) => n.id)];
    const actorId = actors.find((id) => pair(id) !== undefined);
    const instrumentId = actorId ? pair(actorId) : undefined;
    if (!actorId || !instrumentId) throw new Error('no practice both names an actor and cites an instrument');
    const byActor = new Set(graph.relationships.filter((r) => r.type === 'MENTIONS_ACTOR' && r.end === actorId).map((r) => r.start));
    const expected = [
      ...new Set(graph.relationships.filter((r) => r.type === 'CITES' && r.end === instrumentId && byActor.has(r.start)).map((r) => practiceNumber(r.start))),
    ].sort((left, right) => left - right);
    const instrumentValue = String(property(instrumentId, 'shortName') ?? property(instrumentId, 'symbol') ?? property(instrumentId, 'title'));

    await open('#/');
    await page.locator('[data-facet="actor"] a', { hasText: String(property(actorId, 'name')) }).first().click();
    await page.waitForSelector('main:not([aria-busy]) .chips');
    await page.locator('[data-facet="instrument"] a', { hasText: instrumentValue }).first().click();
    await page.waitForFunction(() => document.querySelectorAll('.chips .chip').length === 2 && !document.querySelector('main[aria-busy]'));
    const listed = (await page.locator('.practice-list li a').allTextContents()).map((text) => Number(/^GP (\d+):/.exec(text)?.[1]));
    expect(listed).toEqual(expected);
    expect(decodeURIComponent(page.url())).toContain(`instrument=${instrumentValue}`.replace(/ /g, '+'));
    await screenshot('facets');
  });

  it('shows an actor page with the practices that name it', async () => {
    await open('#/actor/prison-administration');
    expect(await page.locator('h1').textContent()).toBe(String(property('actor:prison-administration', 'name')));
    const practices = new Set(
      graph.relationships.filter((r) => r.type === 'MENTIONS_ACTOR' && r.end === 'actor:prison-administration').map((r) => r.start),
    );
    expect(await page.locator('.practice-list li').count()).toBe(practices.size);
    await screenshot('actor');
  });

  it('expands the graph view of a practice and keeps the state in the URL', async () => {
    const centre = graph.nodes.find((node) => node.labels.includes('GoodPractice'))!.id;
    await open(`#/graph?id=${encodeURIComponent(centre)}`);
    await page.waitForSelector('.graph-canvas[data-ready] canvas');
    const before = await page.locator('.node-button').count();
    expect(before).toBeGreaterThan(1);
    // Expand the neighbour with the most relationships of its own.
    const neighbours = await page.locator('.node-button').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-node') ?? ''));
    const degree = (id: string) => graph.relationships.filter((r) => r.start === id || r.end === id).length;
    const target = neighbours.filter((id) => id !== centre).sort((left, right) => degree(right) - degree(left))[0]!;
    await page.locator(`.node-button[data-node="${target}"]`).click();
    await page.locator('.selection button.expand').click();
    await page.waitForFunction(() => location.hash.includes('expand='));
    await page.waitForSelector('.graph-status:has-text("Expanded")');
    expect(await page.locator('.node-button').count()).toBeGreaterThan(before);
    expect(decodeURIComponent(page.url())).toContain(`expand=${target}`);

    // Hiding a relationship type removes it from the filters' checked set and the URL.
    const firstType = page.locator('.filters input[type="checkbox"]').first();
    const type = await firstType.getAttribute('value');
    await firstType.uncheck();
    await page.waitForFunction((name) => location.hash.includes(`hide=${name}`), type);
    await screenshot('graph');

    // A shared URL rebuilds the same view.
    const shared = page.url();
    await page.goto('about:blank');
    await page.goto(shared);
    await page.waitForSelector('.graph-canvas[data-ready] canvas');
    expect(await page.locator(`.filters input[value="${type}"]`).isChecked()).toBe(false);
  });

  it('finds a path between two nodes', async () => {
    const reference = graph.relationships.find((relationship) => relationship.type === 'REFERENCES')!;
    await open(`#/graph?id=${encodeURIComponent(reference.start)}&to=${encodeURIComponent(reference.end)}`);
    await page.waitForSelector('.paths li');
    expect(await page.locator('.paths li').first().textContent()).toContain('REFERENCES');
  });

  it('is usable from the keyboard: "/" focuses the search, Enter follows a facet', async () => {
    await open('#/practice/' + practiceNumber(graph.nodes.find((node) => node.labels.includes('GoodPractice'))!.id));
    await page.keyboard.press('/');
    await page.waitForSelector('main:not([aria-busy]) input[type="search"]');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    await page.keyboard.type('memorandum');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.hit');
    await page.locator('[data-facet="area"] a').first().focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash.includes('area=') && document.querySelectorAll('.chips .chip').length === 1);
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    try {
      const number = practiceNumber(graph.nodes.find((node) => node.labels.includes('GoodPractice'))!.id);
      for (const hash of ['#/', `#/practice/${number}`]) {
        await phone.goto(`${baseUrl}/${hash}`);
        await phone.waitForSelector('main:not([aria-busy]) h1');
        const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, hash).toBeLessThanOrEqual(0);
      }
      await phone.screenshot({ path: path.join(ARTIFACTS, 'phone-practice.png'), fullPage: false });
    } finally {
      await phone.close();
    }
  });

  it('says clearly when a practice does not exist', async () => {
    await open('#/practice/999');
    expect(await page.locator('main [role="alert"]').textContent()).toContain('There is no good practice 999');
  });

  it('loads GraphiQL from this service under the CSP and runs a query in it', async () => {
    await page.goto(`${baseUrl}/graphiql`);
    await page.waitForSelector('.graphiql-container .graphiql-editors', { timeout: 30_000 });
    const answer = page.waitForResponse((response) => response.url().endsWith('/graphql') && response.request().method() === 'POST' && (response.request().postData() ?? '').includes('goodPractices'));
    await page.locator('.graphiql-execute-button').click();
    expect((await answer).status()).toBe(200);
    await page.locator('.result-window', { hasText: 'totalCount' }).waitFor({ timeout: 30_000 });
    await screenshot('graphiql');
  });

  it('raised no script errors and no CSP violations', () => {
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
