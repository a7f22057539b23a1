// Normalisation of the free-text filter values clients send: trimmed,
// lower-cased, inner whitespace collapsed; an empty value is a client mistake.
import { badUserInput } from './errors.js';

export function normaliseFilterText(value: string, argument: string): string {
  const normalised = value.trim().replace(/\s+/g, ' ').toLowerCase();
  if (normalised === '') throw badUserInput(`${argument} must not be empty`, { argumentName: argument });
  return normalised;
}

/** Optional variant: null or undefined stay null. */
export function optionalFilterText(value: string | null | undefined, argument: string): string | null {
  return value === null || value === undefined ? null : normaliseFilterText(value, argument);
}

/** The words of a normalised value ("rome memorandum" → ["rome", "memorandum"]). */
export function wordsOf(normalised: string): string[] {
  return normalised.split(' ').filter((word) => word !== '');
}
