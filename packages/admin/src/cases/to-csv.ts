/**
 * One CSV cell: quoted when it holds a comma, a quote or a line break (quotes doubled); a cell
 * starting with = + - @ gets a leading apostrophe so that spreadsheets do not run it as a formula.
 * @example
 * csvCell('a,"b"'); // '"a,""b"""'
 */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A CSV document (CRLF line ends, a UTF-8 byte-order mark so that Excel reads Chinese) from a
 * header row and data rows.
 * @example
 * toCsv(['编号', '标题'], [['NH-1', '袖套']]);
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly unknown[]>): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/**
 * Makes the browser download a text file.
 * @example
 * downloadText(toCsv(header, rows), 'cases.csv', 'text/csv');
 */
export function downloadText(text: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
