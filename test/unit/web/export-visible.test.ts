// The graph view's exports read back with the readers other tools use.
import { DOMParser } from '@xmldom/xmldom';
import cytoscape from 'cytoscape';
import { MultiDirectedGraph } from 'graphology';
import * as gexf from 'graphology-gexf';
import * as graphml from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { toCytoscape, toGexf, toGraphML, toSvg } from '../../../web/src/graph/export-visible.js';
import type { DisplayGraph } from '../../../web/src/graph/model.js';

function visible(): DisplayGraph {
  const graph: DisplayGraph = new MultiDirectedGraph();
  graph.addNode('gp:17', { label: 'GP 17: Support & enhance <rehabilitation>', type: 'GoodPractice', color: '#0072b2', shape: 'circle', size: 6, x: 0, y: 0 });
  graph.addNode('actor:police', { label: 'Police', type: 'Actor', color: '#d55e00', shape: 'square', size: 4, x: 10, y: -5 });
  graph.addDirectedEdgeWithKey('e1', 'gp:17', 'actor:police', { type: 'MENTIONS_ACTOR', color: '#c3c8cf', size: 1 });
  return graph;
}

describe('export of the visible graph', () => {
  it('writes GraphML that graphology-graphml reads back with labels and types', () => {
    const read = graphml.parse(MultiDirectedGraph, toGraphML(visible()));
    expect(read.order).toBe(2);
    expect(read.size).toBe(1);
    expect(read.getNodeAttribute('gp:17', 'label')).toBe('GP 17: Support & enhance <rehabilitation>');
    expect(read.getNodeAttribute('actor:police', 'type')).toBe('Actor');
    expect(read.getNodeAttribute('actor:police', 'shape')).toBe('square');
    expect(read.getEdgeAttribute(read.edges()[0]!, 'type')).toBe('MENTIONS_ACTOR');
  });

  it('writes GEXF that graphology-gexf reads back with positions and colours', () => {
    const read = gexf.parse(MultiDirectedGraph, toGexf(visible()));
    expect(read.order).toBe(2);
    expect(read.getNodeAttribute('actor:police', 'x')).toBe(10);
    expect(read.getNodeAttribute('actor:police', 'color')).toBe('rgb(213,94,0)');
    expect(read.getNodeAttribute('gp:17', 'type')).toBe('GoodPractice');
  });

  it('writes Cytoscape JSON and an SVG of exactly the nodes shown', () => {
    const cy = JSON.parse(toCytoscape(visible())) as { elements: { nodes: Array<{ data: { id: string } }>; edges: Array<{ data: { source: string; target: string } }> } };
    expect(cy.elements.nodes.map((node) => node.data.id).sort()).toEqual(['actor:police', 'gp:17']);
    expect(cy.elements.edges[0]?.data).toMatchObject({ source: 'gp:17', target: 'actor:police' });
    const svg = new DOMParser().parseFromString(toSvg(visible()), 'image/svg+xml');
    const drawn = Array.from(svg.getElementsByTagName('g')).filter((group) => group.getAttribute('data-id'));
    expect(drawn.map((group) => [group.getAttribute('data-id'), group.getAttribute('data-shape'), (group.getElementsByTagName('circle')[0] ?? group.getElementsByTagName('polygon')[0])?.tagName])).toEqual([
      ['gp:17', 'circle', 'circle'],
      ['actor:police', 'square', 'polygon'],
    ]);
    expect(drawn[1]?.getElementsByTagName('polygon')[0]?.getAttribute('points')?.split(' ')).toHaveLength(4);
    expect(svg.getElementsByTagName('line').length).toBe(1);
    expect(svg.getElementsByTagName('text')[0]?.textContent).toBe('GP 17: Support & enhance <rehabilitation>');
    // The legend names each type drawn, with its shape.
    const legend = Array.from(svg.getElementsByTagName('g')).filter((group) => group.getAttribute('data-legend'));
    expect(legend.map((group) => `${group.getAttribute('data-legend')}:${group.getAttribute('data-shape')}`)).toEqual(['Actor:square', 'GoodPractice:circle']);
  });

  it('writes Cytoscape JSON that Cytoscape.js draws with each type in its colour and shape', () => {
    const json = JSON.parse(toCytoscape(visible())) as cytoscape.CytoscapeOptions;
    const cy = cytoscape({ ...json, headless: true, styleEnabled: true });
    expect(cy.nodes().length).toBe(2);
    expect(cy.getElementById('gp:17').style('shape')).toBe('ellipse');
    expect(cy.getElementById('actor:police').style('shape')).toBe('rectangle');
    expect(cy.getElementById('actor:police').style('background-color')).toBe('rgb(213,94,0)');
    // Cytoscape's y grows downwards: the actor drawn below the practice in sigma (y -5) is below it here too.
    expect(cy.getElementById('actor:police').position('y')).toBeGreaterThan(cy.getElementById('gp:17').position('y'));
    cy.destroy();
  });
});
