// Files made in the page: CSV text (RFC 4180 quoting) and a download of any text.

type Cell = string | number | null | undefined;

function csvCell(value: Cell): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n');
}

/** Saves `text` as a file through a temporary object URL (no server round trip). */
export function downloadText(fileName: string, text: string, type: string): void {
  // A BOM lets spreadsheet programs read CSV as UTF-8.
  const blob = new Blob([type === 'text/csv' ? '\uFEFF' : '', text], { type: `${type};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
