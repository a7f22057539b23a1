import { describe, expect, it } from 'vitest';
import { boundLayout, GraphModel, LAYOUT_EXTENT } from '../../../web/src/graph/model.js';

/** 25 practices sharing actors, as a shared link expanding every practice builds. */
function twentyFivePractices(): GraphModel {
  const model = new GraphModel();
  for (let number = 1; number <= 25; number += 1) {
    const practice = `gp:${number}`;
    const nodes = [{ id: practice, type: 'GoodPractice', label: `GP ${number}` }];
    const edges = [];
    for (let actor = 0; actor < 8; actor += 1) {
      const id = `actor:${(number * 3 + actor) % 30}`;
      nodes.push({ id, type: 'Actor', label: id });
      edges.push({ id: `${practice}-${id}`, source: practice, target: id, type: 'MENTIONS_ACTOR' });
    }
    for (let step = 1; step <= 5; step += 1) {
      const id = `${practice}/step:${step}`;
      nodes.push({ id, type: 'Step', label: id });
      edges.push({ id: `${practice}-${id}`, source: practice, target: id, type: 'HAS_STEP' });
    }
    model.merge({ nodes, edges }, number === 1 ? undefined : practice);
  }
  return model;
}

describe('graph layout', () => {
  it('places every node of a 25-practice view inside the extent, spread out, the same way each time', () => {
    const model = twentyFivePractices();
    model.layout();
    const positions = model.all.mapNodes((_id, attributes) => [attributes.x, attributes.y] as const);
    for (const [x, y] of positions) {
      expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
      expect(Math.abs(x)).toBeLessThanOrEqual(LAYOUT_EXTENT + 1e-9);
      expect(Math.abs(y)).toBeLessThanOrEqual(LAYOUT_EXTENT + 1e-9);
    }
    // Not collapsed: distinct positions and a drawing that uses the space.
    expect(new Set(positions.map(([x, y]) => `${x.toFixed(3)},${y.toFixed(3)}`)).size).toBe(positions.length);
    const spread = Math.max(...positions.map(([x]) => x)) - Math.min(...positions.map(([x]) => x));
    expect(spread).toBeGreaterThan(LAYOUT_EXTENT);
    const again = twentyFivePractices();
    again.layout();
    expect(again.all.mapNodes((_id, attributes) => [attributes.x, attributes.y])).toEqual(positions);
  });

  it('pulls a node thrown to y≈1e9 back and re-seeds a position that is not a number', () => {
    const model = twentyFivePractices();
    model.layout();
    model.all.setNodeAttribute('gp:3', 'y', 1e9);
    model.all.setNodeAttribute('gp:4', 'x', Number.NaN);
    boundLayout(model.all);
    const ys = model.all.mapNodes((_id, attributes) => attributes.y);
    expect(Math.max(...ys.map(Math.abs))).toBeLessThanOrEqual(LAYOUT_EXTENT + 1e-9);
    expect(Number.isFinite(model.all.getNodeAttribute('gp:4', 'x'))).toBe(true);
    // The rest of the drawing is not squashed into a point by the outlier.
    const spread = Math.max(...ys) - Math.min(...ys);
    expect(spread).toBeGreaterThan(LAYOUT_EXTENT / 2);
  });

  it('offers a circle layout by type', () => {
    const model = twentyFivePractices();
    model.layout(0, 'circle');
    const radii = model.all.mapNodes((_id, attributes) => Math.hypot(attributes.x, attributes.y));
    for (const radius of radii) expect(radius).toBeCloseTo(LAYOUT_EXTENT, 6);
  });
});
