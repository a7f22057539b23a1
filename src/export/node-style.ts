// Display label and colour of a node by its type. Shared by the exports (so
// Gephi and Cytoscape show the same colours) and the explorer's graph view.

export const TYPE_COLOURS: Readonly<Record<string, string>> = {
  GoodPractice: '#1f6feb',
  Area: '#0b3d91',
  KeyAction: '#6e7781',
  Step: '#8c959f',
  Actor: '#d1242f',
  Instrument: '#8250df',
  Example: '#1a7f37',
  Organization: '#bf8700',
  Country: '#e16f24',
  Footnote: '#57606a',
  Document: '#24292f',
  Section: '#424a53',
  NexusFamily: '#0969da',
  Manifestation: '#a40e26',
  Notion: '#6639ba',
  RegionalContext: '#116329',
  WatchPoint: '#953800',
  RegionalMeeting: '#4d2d00',
};

export const FALLBACK_COLOUR = '#6e7781';

export function colourForType(type: string): string {
  return TYPE_COLOURS[type] ?? FALLBACK_COLOUR;
}

type LabelSource = Readonly<Record<string, unknown>>;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : typeof value === 'number' ? String(value) : undefined;
}

function shorten(value: string, max = 80): string {
  return value.length <= max ? value : `${value.slice(0, max - 1).trimEnd()}…`;
}

/** A short human label for a node, e.g. "GP 17: …", "Step 3 (gp:17/action:2/step:3)". */
export function labelForNode(type: string, id: string, properties: LabelSource): string {
  const title = text(properties['title']);
  const name = text(properties['name']);
  const number = text(properties['number']);
  switch (type) {
    case 'GoodPractice':
      return shorten(`GP ${number ?? '?'}: ${title ?? id}`);
    case 'Area':
      return `Area ${text(properties['code']) ?? '?'}: ${title ?? id}`;
    case 'KeyAction':
    case 'Step': {
      const practice = /^gp:(\d+)/.exec(id)?.[1];
      const kind = type === 'Step' ? 'Step' : 'Action';
      return `GP ${practice ?? '?'} ${kind} ${number ?? '?'}`;
    }
    case 'Footnote':
      return `Footnote ${number ?? '?'}`;
    case 'Instrument':
      return shorten(text(properties['shortName']) ?? title ?? id);
    case 'WatchPoint':
      return shorten(text(properties['factor']) ?? id);
    case 'RegionalMeeting':
      return `Meeting ${text(properties['place']) ?? ''} ${text(properties['date']) ?? ''}`.trim();
    case 'Section':
      return shorten(`Section ${number ?? '?'}: ${title ?? ''}`);
    default:
      return shorten(name ?? title ?? id);
  }
}
