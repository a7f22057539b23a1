// Charts drawn by Observable Plot (SVG, no eval), made fit for the service's
// Content-Security-Policy, and each offered as SVG, PNG and its data as CSV.
import type { Children } from './dom.js';
import { h } from './dom.js';
import { downloadPng, downloadText, toCsv } from './download.js';

type Cell = string | number | null | undefined;

/** Class name given to every chart, so the page's stylesheet styles them. */
export const PLOT_CLASS = 'insight-plot';

/**
 * What Plot puts in a <style> element inside each chart. The CSP refuses
 * inline <style> elements (style-src 'self'), so the page gets it from
 * styles.css and only downloaded files carry it inline.
 */
const PLOT_CSS = `.${PLOT_CLASS}{--plot-background:white;display:block;height:auto;max-width:100%;background:white;font-size:12px}.${PLOT_CLASS} text,.${PLOT_CLASS} tspan{white-space:pre}`;

/** Removes the <style> elements Plot made, before the chart enters the document. */
export function withoutStyleElements<T extends Element>(chart: T): T {
  chart.querySelectorAll('style').forEach((style) => style.remove());
  return chart;
}

/** The chart as a standalone SVG file: namespaced, with its styles inline. */
export function svgFile(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
  const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
  style.textContent = PLOT_CSS;
  copy.insertBefore(style, copy.firstChild);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

let measuring: CanvasRenderingContext2D | null = null;

/** Width in pixels of the widest text at a font size (for axis margins that fit their labels). */
export function textWidth(texts: readonly string[], fontSize = 12): number {
  measuring ??= document.createElement('canvas').getContext('2d');
  if (!measuring) return Math.max(0, ...texts.map((text) => text.length)) * fontSize * 0.6;
  measuring.font = `${fontSize}px system-ui, sans-serif`;
  return Math.ceil(Math.max(0, ...texts.map((text) => measuring!.measureText(text).width)));
}

/** A label of at most `max` characters, cut at a word boundary with an ellipsis (the full text goes in a tooltip). */
export function shortLabel(text: string, max = 48): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}

/** Labels made unique (a band scale needs one row per label): repeats get " (2)", " (3)". */
export function uniqueLabels(labels: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return labels.map((label) => {
    const count = (seen.get(label) ?? 0) + 1;
    seen.set(label, count);
    return count === 1 ? label : `${label} (${count})`;
  });
}

export interface ChartFigure {
  /** File name stem and `data-chart` attribute. */
  key: string;
  /** What the chart shows, in a sentence (its accessible name). */
  description: string;
  /** The chart, as Plot returns it. */
  chart: SVGSVGElement | HTMLElement;
  /** Where the figures come from. */
  provenance: Children;
  /** The data behind the chart. */
  csv: { header: readonly string[]; rows: ReadonlyArray<readonly Cell[]> };
  /** An optional key to the colours, shown beside the chart. */
  legend?: Children;
  /** The same data as a table, for the keyboard and screen readers. */
  table?: HTMLTableElement;
}

/** A chart with its provenance, legend, data table and download buttons. */
export function chartFigure(figure: ChartFigure): HTMLElement {
  const chart = withoutStyleElements(figure.chart);
  const svg = chart instanceof SVGSVGElement ? chart : chart.querySelector('svg');
  if (svg) {
    // A chart whose marks are links stays a graphics document, so the links remain reachable.
    if (!svg.querySelector('a')) svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', figure.description);
  }
  const stem = `nexus-insights-${figure.key}`;
  const failed = h('p', { class: 'error', role: 'alert', hidden: true });
  const downloads = h(
    'p',
    { class: 'actions chart-downloads' },
    'Download: ',
    h('button', { type: 'button', class: 'button', 'data-export': 'svg', disabled: !svg, onclick: () => svg && downloadText(`${stem}.svg`, svgFile(svg), 'image/svg+xml') }, 'SVG'),
    h(
      'button',
      {
        type: 'button',
        class: 'button',
        'data-export': 'png',
        disabled: !svg,
        onclick: () => {
          if (!svg) return;
          failed.hidden = true;
          downloadPng(`${stem}.png`, svgFile(svg)).catch((error: unknown) => {
            failed.textContent = error instanceof Error ? error.message : String(error);
            failed.hidden = false;
          });
        },
      },
      'PNG',
    ),
    h('button', { type: 'button', class: 'button', 'data-export': 'csv', onclick: () => downloadText(`${stem}.csv`, toCsv(figure.csv.header, figure.csv.rows), 'text/csv') }, 'Data (CSV)'),
  );
  return h(
    'figure',
    { class: 'chart', 'data-chart': figure.key },
    figure.legend ? h('div', { class: 'chart-legend' }, figure.legend) : null,
    // Scrolls sideways on a phone rather than shrinking the text; focusable so the keyboard can scroll it.
    h('div', { class: 'chart-body', tabindex: 0, role: 'group', 'aria-label': figure.description }, chart),
    h('figcaption', { class: 'provenance' }, figure.provenance),
    downloads,
    failed,
    figure.table ? h('details', { class: 'chart-table' }, h('summary', {}, 'The data as a table'), figure.table) : null,
  );
}

/** A plain table: a header row and body rows of text or nodes. */
export function dataTable(caption: string, header: readonly string[], rows: ReadonlyArray<readonly Children[]>): HTMLTableElement {
  return h(
    'table',
    { class: 'data-table' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, header.map((name) => h('th', { scope: 'col' }, name)))),
    h('tbody', {}, rows.map((row) => h('tr', {}, row.map((cell) => h('td', {}, cell))))),
  );
}
