// The shell: reads the route from the URL hash, renders its view into <main>,
// and moves focus so keyboard and screen-reader users land on the new page.
import './styles.css';
import { h } from './dom.js';
import { parseRoute, type Route } from './routes.js';
import { renderActor } from './views/actor.js';
import { renderConcept } from './views/concept.js';
import { renderCountry } from './views/country.js';
import { renderExplore } from './views/explore.js';
import { renderInstrument } from './views/instrument.js';
import { renderOrganization } from './views/organization.js';
import { renderPractice } from './views/practice.js';
import type { RenderedView, ViewContext } from './views/view.js';

const main = document.getElementById('main') as HTMLElement;
let current: { controller: AbortController; view?: RenderedView } | null = null;

function notFound(path: string): RenderedView {
  return {
    title: 'Not found',
    content: h('div', {}, h('h1', {}, 'Page not found'), h('p', {}, `Nothing lives at “${path}”. `, h('a', { href: '#/' }, 'Back to the search.'))),
  };
}

async function render(route: Route, context: ViewContext): Promise<RenderedView> {
  switch (route.view) {
    case 'explore':
      return renderExplore(context, route.state);
    case 'practice':
      return renderPractice(context, route.number, route.step);
    case 'entity':
      switch (route.kind) {
        case 'actor':
          return renderActor(context, route.id);
        case 'instrument':
          return renderInstrument(context, route.id);
        case 'organization':
          return renderOrganization(context, route.id);
        case 'country':
          return renderCountry(context, route.id);
      }
      break;
    case 'concept':
      return renderConcept(context, route.id);
    case 'graph': {
      // The graph renderer is loaded only when a graph is shown.
      const { renderGraph } = await import('./views/graph.js');
      return renderGraph(context, route.state);
    }
    case 'insights': {
      // The charting library is loaded only when the charts are shown.
      const { renderInsights } = await import('./views/insights.js');
      return renderInsights(context, route.measure);
    }
    case 'not-found':
      return notFound(route.path);
  }
}

async function show(): Promise<void> {
  current?.controller.abort();
  current?.view?.dispose?.();
  const controller = new AbortController();
  current = { controller };
  const mine = current;
  const route = parseRoute(location.hash);
  main.setAttribute('aria-busy', 'true');
  main.classList.add('loading');
  const context: ViewContext = {
    signal: controller.signal,
    replaceUrl: (hash) => history.replaceState(null, '', hash),
  };
  let view: RenderedView;
  try {
    view = await render(route, context);
  } catch (error) {
    if (controller.signal.aborted) return;
    const message = error instanceof Error ? error.message : String(error);
    view = {
      title: 'Error',
      content: h('div', {}, h('h1', {}, 'Something went wrong'), h('p', { class: 'error', role: 'alert' }, message), h('p', {}, h('a', { href: '#/' }, 'Back to the search.'))),
    };
  }
  if (controller.signal.aborted || current !== mine) {
    view.dispose?.();
    return;
  }
  mine.view = view;
  document.title = `${view.title} · Nexus Policy Toolkit explorer`;
  main.replaceChildren(view.content);
  main.classList.remove('loading');
  main.removeAttribute('aria-busy');
  main.dataset['view'] = route.view;
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.site-header nav a')) {
    const href = link.getAttribute('href') ?? '';
    const active = href.startsWith('#/graph')
      ? route.view === 'graph'
      : href.startsWith('#/insights')
        ? route.view === 'insights'
        : href === '#/' && route.view === 'explore';
    link.toggleAttribute('aria-current', active);
  }
  view.mounted?.();
  const target = main.querySelector<HTMLElement>('[data-autofocus]') ?? main.querySelector<HTMLElement>('h1');
  if (target) {
    if (!target.hasAttribute('tabindex') && target.tagName === 'H1') target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: route.view === 'practice' && route.step !== undefined });
  }
  if (!(route.view === 'practice' && route.step)) window.scrollTo(0, 0);
}

// The skip link focuses the page's content (its href would be a route under hash routing).
document.querySelector<HTMLAnchorElement>('.skip-link')?.addEventListener('click', (event) => {
  event.preventDefault();
  const target = main.querySelector<HTMLElement>('h1') ?? main;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus();
});

// "/" jumps to the search box from anywhere (unless typing in a field).
document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  const active = document.activeElement;
  if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) return;
  const search = main.querySelector<HTMLInputElement>('input[type="search"]');
  event.preventDefault();
  if (search) search.focus();
  else location.hash = '#/';
});

window.addEventListener('hashchange', () => void show());
void show();
