// RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, a
// quote, a line break or leading/trailing spaces; quotes doubled. Fields a
// spreadsheet would run as a formula are neutralised first.

export const UTF8_BOM = '\uFEFF';

/**
 * A field that begins with = + - @, a tab or a carriage return is a formula
 * to Excel, LibreOffice and Google Sheets (CSV injection): it gets a leading
 * apostrophe, which spreadsheets show as text and do not evaluate (OWASP's
 * advice). Plain numbers such as -3 stay numbers.
 */
export function neutraliseFormula(value: string): string {
  if (/^-?\d+(\.\d+)?$/.test(value)) return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvField(value: string): string {
  const safe = neutraliseFormula(value);
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly string[]>, options: { bom: boolean }): string {
  const lines = [header, ...rows].map((cells) => cells.map(csvField).join(','));
  return (options.bom ? UTF8_BOM : '') + lines.join('\r\n') + '\r\n';
}

/** Parses RFC 4180 CSV (used to check exports; tolerates a leading BOM and LF line ends). */
export function parseCsv(text: string): string[][] {
  const source = text.startsWith(UTF8_BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < source.length; index += 1) {
    const char = source[index];
    if (quoted) {
      if (char === '"') {
        if (source[index + 1] === '"') {
          field += '"';
          index += 1;
        } else {
          quoted = false;
        }
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[index + 1] === '\n') index += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += char;
    }
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
