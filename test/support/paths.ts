// Files the tests share.
import path from 'node:path';
import { REPO_ROOT } from '../../src/store/config.js';

/** A small graph in the toolkit's format (written by test/fixtures/write-mini-graph.ts). */
export const MINI_GRAPH_PATH = path.join(REPO_ROOT, 'test', 'fixtures', 'mini.graph.json');
