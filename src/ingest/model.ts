// Shared in-memory types of the ingestion pipeline.
// The structural parser (document, practices, steps, footnotes, Section 1)
// produces list entries; the normalisers (actors, instruments, examples) turn
// those entries into mentions, citations and examples bound to canonical
// records from the reviewed tables under data/normalisation/.

/** Where a piece of the graph came from in data/source/nexus-policy-toolkit.txt. */
export interface SourceSpan {
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
  /** Printed page number, when derivable. */
  page?: number;
  /** The verbatim source lines, joined with "\n". */
  text: string;
}

/**
 * One bulleted entry of a list (a key actor, an instrument, an example), or a
 * footnote: glyph removed, lines joined, words and web addresses repaired,
 * running headers / page numbers / footnote blocks removed, footnote markers
 * removed and reported in `footnotes`.
 */
export interface ListEntry {
  text: string;
  footnotes: number[];
  span: SourceSpan;
}

// ---- Actors -------------------------------------------------------------

export interface ActorRecord {
  id: string; // "actor:prison-administration"
  name: string;
  category: string;
  aliases: string[];
  /** Id of the broader actor, when the table states one. */
  broader?: string;
}

export interface ActorMentionDraft {
  actorId: string;
  /** Exact wording in the source, e.g. "prison administration and staff". */
  text: string;
  /** The whole key-actor entry this mention belongs to (clean). */
  entry: string;
  /** The table wording (normalised) that resolved the mention; absent for the fallback actor. */
  alias?: string;
  /** Actor id of the enclosing mention when the mention is nested in a list. */
  broaderActorId?: string;
  span: SourceSpan;
}

// ---- Instruments --------------------------------------------------------

export interface InstrumentRecord {
  id: string; // "instrument:s-2015-366"
  title: string;
  shortName?: string;
  symbol?: string;
  issuer: string;
  kind: string;
  year?: number;
  aliases: string[];
}

export interface CitationDraft {
  instrumentId: string;
  /** e.g. ["Good Practice 1", "Good Practice 20", "Good Practice 23"], ["§75-77"], ["Article 7", "Article 28.1"]. */
  provisions: string[];
  /** The entry (or footnote sentence) as printed, clean. */
  text: string;
  /** Set for instruments named in a footnote. */
  viaFootnote?: number;
  span: SourceSpan;
}

// ---- Examples -----------------------------------------------------------

export interface OrganizationRecord {
  id: string; // "org:unodc"
  name: string;
  aliases: string[];
}

export interface CountryRecord {
  id: string; // "country:kenya"
  name: string;
  kind: 'country' | 'region';
  aliases: string[];
}

export interface ExampleDraft {
  id: string; // "example:regional-anti-corruption-initiative"
  name: string;
  description: string;
  urls: string[];
  /** Clean full entry. */
  text: string;
  countryIds: string[];
  organizationIds: string[];
  footnotes: number[];
  span: SourceSpan;
}

/** Something the ingest report should show a reviewer. */
export interface IngestNote {
  level: 'info' | 'warning' | 'error';
  code: string; // e.g. "actor.unresolved", "source.inconsistent"
  message: string;
  line?: number;
}
