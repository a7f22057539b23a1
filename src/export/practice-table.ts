// The practice table for spreadsheets: one row per good practice with counts
// and the names of what it involves.
import type { GraphReader } from '../graph/reader.js';
import { toPlainValue } from '../graph/values.js';

export interface PracticeRow {
  number: number;
  title: string;
  areaCode: string;
  areaTitle: string;
  keyActionCount: number;
  stepCount: number;
  actorCount: number;
  instrumentCount: number;
  exampleCount: number;
  /** Canonical actor names, in order of first mention. */
  actors: string[];
  /** Instrument titles (short name when the instrument has one), in order of citation. */
  instruments: string[];
  examples: string[];
  /** Numbers of the practices this one refers to, ascending. */
  references: number[];
  referencedBy: number[];
}

const PRACTICE_TABLE_QUERY = `
MATCH (gp:GoodPractice)
OPTIONAL MATCH (area:Area)-[:HAS_PRACTICE]->(gp)
RETURN gp.number AS number, gp.title AS title,
  coalesce(area.code, gp.areaCode) AS areaCode, coalesce(area.title, '') AS areaTitle,
  COUNT { (gp)-[:HAS_KEY_ACTION]->(:KeyAction) } AS keyActionCount,
  COUNT { (gp)-[:HAS_STEP]->(:Step) } AS stepCount,
  [(gp)-[m:MENTIONS_ACTOR]->(a:Actor) | {order: m.order, name: a.name}] AS actors,
  [(gp)-[c:CITES]->(i:Instrument) | {order: c.order, name: coalesce(i.shortName, i.title)}] AS instruments,
  [(gp)-[h:HAS_EXAMPLE]->(e:Example) | {order: h.order, name: e.name}] AS examples,
  [(gp)-[:REFERENCES]->(target:GoodPractice) | target.number] AS references,
  [(source:GoodPractice)-[:REFERENCES]->(gp) | source.number] AS referencedBy
ORDER BY number`;

interface Ordered {
  order: number | null;
  name: string;
}

/** Distinct names in the order they appear in the practice. */
function orderedNames(value: unknown): string[] {
  const items = (toPlainValue(value) as unknown as Ordered[]) ?? [];
  const sorted = [...items].sort((left, right) => (left.order ?? 0) - (right.order ?? 0));
  return [...new Set(sorted.map((item) => item.name))];
}

function distinctNumbers(value: unknown): number[] {
  return [...new Set(toPlainValue(value) as number[])].sort((left, right) => left - right);
}

export async function readPracticeTable(reader: GraphReader): Promise<PracticeRow[]> {
  const records = await reader.read(PRACTICE_TABLE_QUERY);
  return records.map((record) => {
      const actors = orderedNames(record.get('actors'));
      const instruments = orderedNames(record.get('instruments'));
      const examples = orderedNames(record.get('examples'));
      return {
        number: Number(toPlainValue(record.get('number'))),
        title: String(toPlainValue(record.get('title'))),
        areaCode: String(toPlainValue(record.get('areaCode')) ?? ''),
        areaTitle: String(toPlainValue(record.get('areaTitle')) ?? ''),
        keyActionCount: Number(toPlainValue(record.get('keyActionCount'))),
        stepCount: Number(toPlainValue(record.get('stepCount'))),
        actorCount: actors.length,
        instrumentCount: instruments.length,
        exampleCount: examples.length,
        actors,
        instruments,
        examples,
        references: distinctNumbers(record.get('references')),
        referencedBy: distinctNumbers(record.get('referencedBy')),
      };
  });
}

export const PRACTICE_CSV_COLUMNS = [
  'number',
  'title',
  'area',
  'area_title',
  'key_actions',
  'steps',
  'actor_count',
  'instrument_count',
  'example_count',
  'actors',
  'instruments',
  'examples',
  'references',
  'referenced_by',
] as const;

/** List cells join their items with this separator (names never contain it). */
export const LIST_SEPARATOR = '; ';

export function practiceRowToCells(row: PracticeRow): string[] {
  return [
    String(row.number),
    row.title,
    row.areaCode,
    row.areaTitle,
    String(row.keyActionCount),
    String(row.stepCount),
    String(row.actorCount),
    String(row.instrumentCount),
    String(row.exampleCount),
    row.actors.join(LIST_SEPARATOR),
    row.instruments.join(LIST_SEPARATOR),
    row.examples.join(LIST_SEPARATOR),
    row.references.join(LIST_SEPARATOR),
    row.referencedBy.join(LIST_SEPARATOR),
  ];
}
