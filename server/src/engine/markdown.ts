// Markdown from plan text: drill reports and after-action reports quote titles, messages and
// notes that anyone could have written. Every such text goes through here, so it reads as written
// and can neither break the table it sits in nor become markup or a link.

/**
 * Text safe inside a table cell, a heading or a list item: one line, no pipes, no HTML, no
 * link or image syntax (a `[x](javascript:…)` stays plain text), secrets are the caller's job.
 */
export function markdownCell(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\[/g, '\\[')
    .replace(/\]/g, '\\]')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** A Markdown table: a header row, its rule and one row per entry, each cell made safe. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [markdownRow(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(markdownRow)];
}

/** One table row, each cell made safe. */
export function markdownRow(cells: readonly string[]): string {
  return `| ${cells.map(markdownCell).join(' | ')} |`;
}
