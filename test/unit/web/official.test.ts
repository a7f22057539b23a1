import { describe, expect, it } from 'vitest';
import { officialDocumentUrl } from '../../../web/src/official.js';

describe('official documents by symbol', () => {
  it('links UN documents to undocs.org and EU Council decisions to EUR-Lex', () => {
    expect(officialDocumentUrl('S/2015/366')).toBe('https://undocs.org/S/2015/366');
    expect(officialDocumentUrl('A/RES/70/1')).toBe('https://undocs.org/A/RES/70/1');
    expect(officialDocumentUrl('S/RES/1373 (2001)')).toBe('https://undocs.org/S/RES/1373(2001)');
    expect(officialDocumentUrl('2005/671/JHA')).toBe('https://eur-lex.europa.eu/eli/dec/2005/671/oj');
  });

  it('gives no link where the symbol has no well-known address', () => {
    expect(officialDocumentUrl('CM/Rec(2012)11')).toBeNull();
    expect(officialDocumentUrl(null)).toBeNull();
    expect(officialDocumentUrl('')).toBeNull();
  });
});
