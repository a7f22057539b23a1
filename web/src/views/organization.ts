// An organisation: the examples it runs and the practices that give them.
import { emptyNote, h, section } from '../dom.js';
import { entityPage, loadNode } from './entity.js';
import { definitionList, exampleItem, practiceList, type ExampleSummary } from './parts.js';
import type { RenderedView, ViewContext } from './view.js';

const ORGANIZATION_QUERY = `
query Organization($id: ID!) {
  node(id: $id) {
    __typename id
    ... on Organization {
      name aliases
      examples { id name description urls countries { id name } organizations { id name } practices { number title } }
      practices { number title area { code } }
    }
  }
}`;

interface OrganizationData {
  id: string;
  name: string;
  aliases: string[];
  examples: ExampleSummary[];
  practices: Array<{ number: number; title: string; area: { code: string } }>;
}

export async function renderOrganization(context: ViewContext, id: string): Promise<RenderedView> {
  const org = await loadNode<OrganizationData>(context, ORGANIZATION_QUERY, id, 'Organization', 'organisation');
  return entityPage({
    id: org.id,
    kindLabel: 'Organisation',
    title: org.name,
    facet: 'organization',
    facetValue: org.name,
    body: [
      definitionList([['Also called', org.aliases.join('; ')]]),
      section('Practices', 'practices-title', practiceList(org.practices)),
      section('Examples', 'examples-title', org.examples.length > 0 ? h('ul', { class: 'examples' }, org.examples.map(exampleItem)) : emptyNote('No examples.')),
    ],
  });
}
