// A good practice as in the source: key actions and steps, actors,
// instruments with the provisions cited, examples, references in and out,
// related practices with their reasons, footnotes and the source lines.
import { ApiError, graphql } from '../api.js';
import { emptyNote, externalLink, h, section } from '../dom.js';
import { entityHref, exploreHref, graphHref, practiceHref } from '../routes.js';
import { exampleItem, type ExampleSummary } from './parts.js';
import type { RenderedView, ViewContext } from './view.js';

const PRACTICE_QUERY = `
query Practice($number: Int!) {
  goodPractice(number: $number) {
    id number title lead bodyOwner
    area { code title }
    keyActions { id number text lead items }
    steps { id number text itemTree keyAction { id } footnotes { number } }
    actors { text entry actor { id name category } broader { id name } }
    citations { provisions text viaFootnote instrument { id title shortName symbol } }
    examples { id name description urls countries { id name } organizations { id name } }
    references { cue text to { number title } fromStep { id number } toStep { id number } }
    referencedBy { cue text from { number title } fromStep { id number } toStep { id number } }
    footnotes { number text note urls }
    mergedWith { number title }
    related(first: 5) { score reasons practice { number title } }
    source { startLine endLine page text }
  }
}`;

interface ItemNode {
  text: string;
  items: ItemNode[];
}

interface StepData {
  id: string;
  number: number;
  text: string;
  itemTree: ItemNode[];
  keyAction: { id: string } | null;
  footnotes: Array<{ number: number }>;
}

interface PracticeRef {
  number: number;
  title: string;
}

interface CrossReferenceData {
  cue: string;
  text: string;
  to?: PracticeRef;
  from?: PracticeRef;
  fromStep: { id: string; number: number } | null;
  toStep: { id: string; number: number } | null;
}

interface PracticeData {
  id: string;
  number: number;
  title: string;
  lead: string | null;
  bodyOwner: number;
  area: { code: string; title: string };
  keyActions: Array<{ id: string; number: number; text: string; lead: string | null; items: string[] }>;
  steps: StepData[];
  actors: Array<{ text: string; entry: string | null; actor: { id: string; name: string; category: string }; broader: { id: string; name: string } | null }>;
  citations: Array<{ provisions: string[]; text: string; viaFootnote: number | null; instrument: { id: string; title: string; shortName: string | null; symbol: string | null } }>;
  examples: ExampleSummary[];
  references: CrossReferenceData[];
  referencedBy: CrossReferenceData[];
  footnotes: Array<{ number: number; text: string | null; note: string | null; urls: string[] }>;
  mergedWith: PracticeRef[];
  related: Array<{ score: number; reasons: string[]; practice: PracticeRef }>;
  source: { startLine: number; endLine: number; page: number | null; text: string };
}

function itemList(items: ItemNode[]): HTMLElement | null {
  if (items.length === 0) return null;
  return h('ul', { class: 'items' }, items.map((item) => h('li', {}, item.text, itemList(item.items))));
}

function footnoteMarks(footnotes: Array<{ number: number }>): Node[] {
  return footnotes.map((footnote) =>
    h('sup', {}, h('a', { href: '#', 'data-footnote': footnote.number, 'aria-label': `Footnote ${footnote.number}` }, String(footnote.number))),
  );
}

function stepItem(step: StepData, highlighted: string | undefined): HTMLLIElement {
  return h(
    'li',
    { id: `step-${step.id}`, value: step.number, class: step.id === highlighted ? 'step target' : 'step' },
    h('span', { class: 'step-label' }, `Step ${step.number}. `),
    step.text,
    footnoteMarks(step.footnotes),
    itemList(step.itemTree),
  );
}

function stepsBlock(practice: PracticeData, highlighted: string | undefined): HTMLElement {
  const loose = practice.steps.filter((step) => step.keyAction === null);
  const blocks: Node[] = [];
  if (loose.length > 0) blocks.push(h('ol', { class: 'steps' }, loose.map((step) => stepItem(step, highlighted))));
  for (const action of practice.keyActions) {
    const steps = practice.steps.filter((step) => step.keyAction?.id === action.id);
    blocks.push(
      h(
        'div',
        { class: 'key-action', id: `action-${action.id}` },
        h('h3', {}, `Key action ${action.number}: ${action.text}`),
        action.lead ? h('p', {}, action.lead) : null,
        itemList(action.items.map((text) => ({ text, items: [] }))),
        steps.length > 0 ? h('ol', { class: 'steps' }, steps.map((step) => stepItem(step, highlighted))) : null,
      ),
    );
  }
  const title = practice.keyActions.length > 0 ? 'Key actions and steps' : 'Steps';
  return section(title, 'steps-title', practice.lead ? h('p', { class: 'lead' }, practice.lead) : null, blocks.length > 0 ? blocks : emptyNote('No steps.'));
}

function actorsBlock(practice: PracticeData): HTMLElement {
  const items = practice.actors.map((mention) =>
    h(
      'li',
      {},
      h('a', { href: entityHref('actor', mention.actor.id) }, mention.actor.name),
      mention.text.toLowerCase() !== mention.actor.name.toLowerCase() ? h('span', { class: 'muted' }, ` (“${mention.text}”)`) : null,
      mention.broader ? h('span', { class: 'muted' }, ' within ', h('a', { href: entityHref('actor', mention.broader.id) }, mention.broader.name)) : null,
    ),
  );
  return section('Key actors', 'actors-title', items.length > 0 ? h('ul', { class: 'columns' }, items) : emptyNote('No actors listed.'));
}

function citationsBlock(practice: PracticeData): HTMLElement {
  const items = practice.citations.map((citation) =>
    h(
      'li',
      {},
      h('a', { href: entityHref('instrument', citation.instrument.id) }, citation.instrument.shortName ?? citation.instrument.title),
      citation.instrument.symbol ? h('span', { class: 'muted' }, ` ${citation.instrument.symbol}`) : null,
      citation.provisions.length > 0 ? h('span', { class: 'provisions' }, citation.provisions.map((p) => h('span', { class: 'tag' }, p))) : null,
      citation.viaFootnote !== null ? h('span', { class: 'muted' }, ` (named in footnote ${citation.viaFootnote})`) : null,
      h('p', { class: 'quote' }, citation.text),
    ),
  );
  return section('International standards and documents', 'citations-title', items.length > 0 ? h('ul', {}, items) : emptyNote('No instruments cited.'));
}

function stepSuffix(step: { number: number } | null): string {
  return step ? `, step ${step.number}` : '';
}

function referencesBlock(practice: PracticeData): HTMLElement {
  const outgoing = practice.references.flatMap((reference) =>
    reference.to
      ? [
          h(
            'li',
            { class: 'reference' },
            h('span', { class: 'muted' }, reference.fromStep ? `From step ${reference.fromStep.number} → ` : '→ '),
            h('a', { href: practiceHref(reference.to.number, reference.toStep?.id), 'data-reference-to': reference.to.number }, `GP ${reference.to.number}${stepSuffix(reference.toStep)}: ${reference.to.title}`),
            h('p', { class: 'quote' }, reference.text),
          ),
        ]
      : [],
  );
  const incoming = practice.referencedBy.flatMap((reference) =>
    reference.from
      ? [
          h(
            'li',
            { class: 'reference' },
            h('span', { class: 'muted' }, '← '),
            h('a', { href: practiceHref(reference.from.number, reference.fromStep?.id) }, `GP ${reference.from.number}${stepSuffix(reference.fromStep)}: ${reference.from.title}`),
            reference.toStep ? h('span', { class: 'muted' }, ` (about step ${reference.toStep.number})`) : null,
            h('p', { class: 'quote' }, reference.text),
          ),
        ]
      : [],
  );
  return section(
    'Cross-references',
    'references-title',
    h('h3', {}, 'This practice refers to'),
    outgoing.length > 0 ? h('ul', { class: 'references-out' }, outgoing) : emptyNote('No references to other practices.'),
    h('h3', {}, 'Referred to by'),
    incoming.length > 0 ? h('ul', { class: 'references-in' }, incoming) : emptyNote('No practice refers to this one.'),
  );
}

function relatedBlock(practice: PracticeData): HTMLElement {
  const items = practice.related.map((related) =>
    h(
      'li',
      {},
      h('a', { href: practiceHref(related.practice.number) }, `GP ${related.practice.number}: ${related.practice.title}`),
      h('span', { class: 'count', title: 'Relatedness score' }, related.score.toFixed(1)),
      h('ul', { class: 'reasons' }, related.reasons.map((reason) => h('li', {}, reason))),
    ),
  );
  return section('Related practices', 'related-title', items.length > 0 ? h('ol', {}, items) : emptyNote('No related practice.'));
}

function footnotesBlock(practice: PracticeData): HTMLElement | null {
  if (practice.footnotes.length === 0) return null;
  return section(
    'Footnotes',
    'footnotes-title',
    h(
      'ol',
      { class: 'footnotes' },
      [...practice.footnotes]
        .sort((left, right) => left.number - right.number)
        .map((footnote) =>
          h('li', { id: `footnote-${footnote.number}`, value: footnote.number, tabindex: -1 }, footnote.text ?? h('em', {}, footnote.note ?? ''), footnote.urls.map((url) => [' ', externalLink(url)]).flat()),
        ),
    ),
  );
}

function sourceBlock(practice: PracticeData): HTMLElement {
  const { startLine, endLine, page, text } = practice.source;
  return section(
    'Source',
    'source-title',
    h('p', {}, `Lines ${startLine}–${endLine} of data/source/nexus-policy-toolkit.txt`, page !== null ? `, printed page ${page}` : '', '.'),
    h('details', {}, h('summary', {}, 'Show the source text'), h('pre', { class: 'source' }, text)),
  );
}

export async function renderPractice(context: ViewContext, number: number, step: string | undefined): Promise<RenderedView> {
  const data = await graphql<{ goodPractice: PracticeData | null }>(PRACTICE_QUERY, { number }, context.signal);
  const practice = data.goodPractice;
  if (!practice) throw new ApiError(`There is no good practice ${number}. The toolkit has practices 1 to 25.`);
  const merged = practice.mergedWith.map((other) => h('a', { href: practiceHref(other.number) }, `GP ${other.number}`));
  const content = h(
    'article',
    { class: 'practice' },
    h('p', { class: 'breadcrumb' }, h('a', { href: exploreHref({ q: '', facets: { area: practice.area.code }, types: [] }) }, `Area ${practice.area.code}: ${practice.area.title}`)),
    h('h1', {}, h('span', { class: 'number' }, `Good practice ${practice.number}`), practice.title),
    merged.length > 0 ? h('p', { class: 'note' }, 'Presented together with ', merged, ' in the toolkit (one shared body of key actions and steps).') : null,
    h(
      'p',
      { class: 'actions' },
      h('a', { href: graphHref({ id: practice.id, depth: 1, expand: [], hide: [] }), class: 'button' }, 'Graph view'),
      h('a', { href: `/export/graph.gexf?id=${encodeURIComponent(practice.id)}&depth=1`, download: true }, 'GEXF'),
      h('a', { href: `/export/graph.graphml?id=${encodeURIComponent(practice.id)}&depth=1`, download: true }, 'GraphML'),
      h('a', { href: `/export/graph.cyjs?id=${encodeURIComponent(practice.id)}&depth=1`, download: true }, 'Cytoscape JSON'),
    ),
    stepsBlock(practice, step),
    actorsBlock(practice),
    citationsBlock(practice),
    section('Examples', 'examples-title', practice.examples.length > 0 ? h('ul', { class: 'examples' }, practice.examples.map(exampleItem)) : emptyNote('No examples listed.')),
    referencesBlock(practice),
    relatedBlock(practice),
    footnotesBlock(practice),
    sourceBlock(practice),
  );
  // Footnote markers move focus to the footnote (a plain "#footnote-n" link would change the route).
  content.addEventListener('click', (event) => {
    const target = (event.target as Element).closest('[data-footnote]');
    if (!target) return;
    event.preventDefault();
    const footnote = content.querySelector<HTMLElement>(`#footnote-${target.getAttribute('data-footnote')}`);
    footnote?.scrollIntoView({ block: 'center' });
    footnote?.focus();
  });
  return {
    title: `GP ${practice.number}: ${practice.title}`,
    content,
    mounted: () => {
      if (step) document.getElementById(`step-${step}`)?.scrollIntoView({ block: 'center' });
    },
  };
}
