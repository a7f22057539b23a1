// The official copy of an instrument, where its symbol gives a well-known
// address: UN documents by symbol (undocs.org), EU Council decisions by
// number (EUR-Lex's European Legislation Identifier). Others get no link.

export function officialDocumentUrl(symbol: string | null | undefined): string | null {
  if (!symbol) return null;
  const trimmed = symbol.trim();
  // A/RES/70/1, S/2015/366, S/RES/1373 (2001): the UN writes the year without the space.
  if (/^(A|S|E|ST)\/[A-Z0-9/.()\s-]+$/i.test(trimmed)) return `https://undocs.org/${trimmed.replace(/\s+\(/g, '(').toUpperCase()}`;
  const eu = /^(\d{4})\/(\d+)\/(JHA|CFSP)$/i.exec(trimmed);
  if (eu) return `https://eur-lex.europa.eu/eli/dec/${eu[1]}/${eu[2]}/oj`;
  return null;
}
