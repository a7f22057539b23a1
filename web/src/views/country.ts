// A country or region: the examples located there and their practices.
import { emptyNote, h, section } from '../dom.js';
import { entityPage, loadNode } from './entity.js';
import { definitionList, exampleItem, practiceList, type ExampleSummary } from './parts.js';
import type { RenderedView, ViewContext } from './view.js';

const COUNTRY_QUERY = `
query Country($id: ID!) {
  node(id: $id) {
    __typename id
    ... on Country {
      name kind
      examples { id name description urls countries { id name } organizations { id name } practices { number title } }
      practices { number title area { code } }
    }
  }
}`;

interface CountryData {
  id: string;
  name: string;
  kind: string;
  examples: ExampleSummary[];
  practices: Array<{ number: number; title: string; area: { code: string } }>;
}

export async function renderCountry(context: ViewContext, id: string): Promise<RenderedView> {
  const country = await loadNode<CountryData>(context, COUNTRY_QUERY, id, 'Country', 'country or region');
  return entityPage({
    id: country.id,
    kindLabel: country.kind === 'region' ? 'Region' : 'Country',
    title: country.name,
    facet: 'country',
    facetValue: country.name,
    body: [
      definitionList([['Kind', country.kind]]),
      section('Practices', 'practices-title', practiceList(country.practices)),
      section('Examples', 'examples-title', country.examples.length > 0 ? h('ul', { class: 'examples' }, country.examples.map(exampleItem)) : emptyNote('No examples.')),
    ],
  });
}
