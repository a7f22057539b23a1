// An actor: its category, aliases, broader and narrower actors, and the
// practices that name it (with the wording used there).
import { emptyNote, h, section } from '../dom.js';
import { entityHref } from '../routes.js';
import { entityPage, loadNode } from './entity.js';
import { definitionList, practiceList } from './parts.js';
import type { RenderedView, ViewContext } from './view.js';

const ACTOR_QUERY = `
query Actor($id: ID!) {
  node(id: $id) {
    __typename id
    ... on Actor {
      name category aliases
      broader { id name }
      narrower { id name }
      practices { number title area { code } }
      mentions { text practice { number } }
    }
  }
}`;

interface ActorData {
  id: string;
  name: string;
  category: string;
  aliases: string[];
  broader: { id: string; name: string } | null;
  narrower: Array<{ id: string; name: string }>;
  practices: Array<{ number: number; title: string; area: { code: string } }>;
  mentions: Array<{ text: string; practice: { number: number } }>;
}

export async function renderActor(context: ViewContext, id: string): Promise<RenderedView> {
  const actor = await loadNode<ActorData>(context, ACTOR_QUERY, id, 'Actor', 'actor');
  const wording = (number: number): string | null => {
    const texts = [...new Set(actor.mentions.filter((m) => m.practice.number === number).map((m) => m.text))].filter(
      (text) => text.toLowerCase() !== actor.name.toLowerCase(),
    );
    return texts.length > 0 ? ` — as “${texts.join('”, “')}”` : null;
  };
  return entityPage({
    id: actor.id,
    kindLabel: 'Actor',
    title: actor.name,
    facet: 'actor',
    facetValue: actor.name,
    body: [
      definitionList([
        ['Category', actor.category],
        ['Also called', actor.aliases.join('; ')],
        ['Part of', actor.broader ? h('a', { href: entityHref('actor', actor.broader.id) }, actor.broader.name) : null],
        [
          'Includes',
          actor.narrower.length > 0
            ? h('span', {}, actor.narrower.map((n, i) => [i > 0 ? ', ' : '', h('a', { href: entityHref('actor', n.id) }, n.name)]).flat())
            : null,
        ],
      ]),
      section(
        'Practices naming this actor',
        'practices-title',
        actor.practices.length > 0 ? practiceList(actor.practices, (p) => wording(p.number)) : emptyNote('No practice names this actor directly.'),
      ),
    ],
  });
}
