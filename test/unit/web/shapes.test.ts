// The outlines the renderer, the legend and the SVG export share.
import { describe, expect, it } from 'vitest';
import { NODE_SHAPES, NODE_TYPES } from '../../../src/graph/model.js';
import { inradiusOf, polygonShapeGlsl, SHAPE_NAMES, SHAPE_OUTLINES, svgShape } from '../../../web/src/graph/shapes.js';

describe('node shape outlines', () => {
  it('has an outline for every shape of the model, inside the square sigma draws a node in', () => {
    expect([...SHAPE_NAMES].sort()).toEqual(Object.keys(NODE_SHAPES).sort());
    for (const type of NODE_TYPES) expect(SHAPE_NAMES).toContain(type.shape);
    for (const [name, points] of Object.entries(SHAPE_OUTLINES)) {
      expect(points.length, name).toBeGreaterThanOrEqual(3);
      for (const [x, y] of points) {
        expect(Math.abs(x), name).toBeLessThanOrEqual(1);
        expect(Math.abs(y), name).toBeLessThanOrEqual(1);
      }
      // The centre is inside, with room: the renderer places labels and edge ends from it.
      expect(inradiusOf(points), name).toBeGreaterThan(0.2);
    }
  });

  it('measures the inradius of a square and a diamond', () => {
    expect(inradiusOf([[-1, -1], [1, -1], [1, 1], [-1, 1]])).toBeCloseTo(1);
    expect(inradiusOf(SHAPE_OUTLINES.diamond)).toBeCloseTo(Math.SQRT1_2);
  });

  it('writes a GLSL distance function named as sigma calls it, with every corner', () => {
    const glsl = polygonShapeGlsl('star', SHAPE_OUTLINES.star);
    expect(glsl).toContain('float sdf_star(vec2 uv, float size)');
    expect(glsl).toContain('const vec2 v[10] = vec2[10](');
    expect(glsl.match(/vec2\(-?[\d.]+, -?[\d.]+\)/g)).toHaveLength(10);
  });

  it('draws SVG with y downwards: a triangle points up on the page', () => {
    expect(svgShape('circle', 10, 20, 5, 'fill="red"')).toBe('<circle cx="10" cy="20" r="5" fill="red"/>');
    const points = /points="([^"]+)"/.exec(svgShape('triangle', 0, 0, 10, ''))![1]!.split(' ').map((pair) => pair.split(',').map(Number));
    const apex = points.find(([x]) => x === 0)!;
    expect(apex[1]).toBe(-10);
  });
});
