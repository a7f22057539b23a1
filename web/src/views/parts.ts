// Pieces several views share: practice lists and example entries.
import { emptyNote, externalLink, h } from '../dom.js';
import { entityHref, practiceHref } from '../routes.js';

export interface PracticeSummary {
  number: number;
  title: string;
  area?: { code: string } | null;
}

export function practiceLink(practice: PracticeSummary): HTMLAnchorElement {
  return h('a', { href: practiceHref(practice.number) }, `GP ${practice.number}: ${practice.title}`);
}

export function practiceList(practices: readonly PracticeSummary[], note?: (practice: PracticeSummary) => Node | string | null): HTMLElement {
  if (practices.length === 0) return emptyNote('No practice.');
  const sorted = [...practices].sort((left, right) => left.number - right.number);
  return h(
    'ul',
    { class: 'practice-list' },
    sorted.map((practice) =>
      h(
        'li',
        {},
        practice.area ? h('span', { class: 'badge', title: `Area ${practice.area.code}` }, practice.area.code) : null,
        ' ',
        practiceLink(practice),
        note ? note(practice) : null,
      ),
    ),
  );
}

export interface ExampleSummary {
  id: string;
  name: string;
  description: string;
  urls: string[];
  countries: Array<{ id: string; name: string }>;
  organizations: Array<{ id: string; name: string }>;
  practices?: Array<{ number: number; title: string }>;
}

export function exampleItem(example: ExampleSummary): HTMLLIElement {
  const places = [
    ...example.countries.map((country) => h('a', { href: entityHref('country', country.id), class: 'tag' }, country.name)),
    ...example.organizations.map((org) => h('a', { href: entityHref('organization', org.id), class: 'tag' }, org.name)),
  ];
  return h(
    'li',
    { class: 'example', id: example.id },
    h('strong', {}, example.name),
    example.description ? h('p', {}, example.description) : null,
    places.length > 0 ? h('p', { class: 'tags' }, places) : null,
    example.urls.length > 0 ? h('p', { class: 'links' }, example.urls.map((url) => externalLink(url))) : null,
    example.practices && example.practices.length > 0
      ? h('p', { class: 'muted' }, 'Given in ', example.practices.map((p, index) => [index > 0 ? ', ' : '', h('a', { href: practiceHref(p.number) }, `GP ${p.number}`)]).flat())
      : null,
  );
}

export function definitionList(rows: Array<[string, Node | string | null | undefined]>): HTMLDListElement {
  return h(
    'dl',
    { class: 'facts' },
    rows.filter(([, value]) => value !== null && value !== undefined && value !== '').map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]).flat(),
  );
}
