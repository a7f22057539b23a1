// An international instrument and every citation of it, with the provisions.
import { externalLink, emptyNote, h, section } from '../dom.js';
import { practiceHref } from '../routes.js';
import { entityPage, loadNode } from './entity.js';
import { definitionList } from './parts.js';
import type { RenderedView, ViewContext } from './view.js';
import { officialDocumentUrl } from '../official.js';

const INSTRUMENT_QUERY = `
query Instrument($id: ID!) {
  node(id: $id) {
    __typename id
    ... on Instrument {
      title shortName symbol issuer kind year aliases
      citations { provisions text viaFootnote practice { number title } }
    }
  }
}`;

interface InstrumentData {
  id: string;
  title: string;
  shortName: string | null;
  symbol: string | null;
  issuer: string | null;
  kind: string | null;
  year: number | null;
  aliases: string[];
  citations: Array<{ provisions: string[]; text: string; viaFootnote: number | null; practice: { number: number; title: string } }>;
}

export async function renderInstrument(context: ViewContext, id: string): Promise<RenderedView> {
  const instrument = await loadNode<InstrumentData>(context, INSTRUMENT_QUERY, id, 'Instrument', 'instrument');
  const citations = [...instrument.citations].sort((left, right) => left.practice.number - right.practice.number);
  return entityPage({
    id: instrument.id,
    kindLabel: 'International instrument',
    title: instrument.title,
    facet: 'instrument',
    facetValue: instrument.shortName ?? instrument.symbol ?? instrument.title,
    body: [
      definitionList([
        ['Short name', instrument.shortName],
        ['Symbol', instrument.symbol],
        ['Official document', officialDocumentUrl(instrument.symbol) ? externalLink(officialDocumentUrl(instrument.symbol)!) : null],
        ['Issued by', instrument.issuer],
        ['Kind', instrument.kind],
        ['Year', instrument.year !== null ? String(instrument.year) : null],
        ['Also cited as', instrument.aliases.join('; ')],
      ]),
      section(
        'Cited by',
        'citations-title',
        citations.length > 0
          ? h(
              'ul',
              { class: 'citations' },
              citations.map((citation) =>
                h(
                  'li',
                  {},
                  h('a', { href: practiceHref(citation.practice.number) }, `GP ${citation.practice.number}: ${citation.practice.title}`),
                  citation.provisions.length > 0 ? h('span', { class: 'provisions' }, citation.provisions.map((p) => h('span', { class: 'tag' }, p))) : null,
                  citation.viaFootnote !== null ? h('span', { class: 'muted' }, ` (footnote ${citation.viaFootnote})`) : null,
                  h('p', { class: 'quote' }, citation.text),
                ),
              ),
            )
          : emptyNote('No practice cites this instrument.'),
      ),
    ],
  });
}
