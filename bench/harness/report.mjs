/**
 * A result row: what was measured, the figure (a median), its baseline from the same run, the
 * target it is held to and whether it is met (`true`, `false`, or `null` with a reason).
 * @typedef {{ name: string, result: string, baseline?: string, target?: string, met?: boolean | null, why?: string, data?: object }} Row
 */

const verdict = (row) => {
  if (!row.target) return '— (no target)';
  if (row.met === true) return 'yes';
  if (row.met === false) return '**NO**';
  return `n/a: ${row.why ?? 'not measurable'}`;
};

const cell = (text = '') => String(text).replaceAll('|', '\\|');

/** The results as one Markdown table per suite (readable in a terminal, pasteable in the README). */
export function formatTables(sections) {
  const out = [];
  for (const { title, rows, error } of sections) {
    out.push(`### ${title}`, '');
    if (error) {
      out.push(`FAILED: ${error}`, '');
      continue;
    }
    out.push(
      '| measurement | result (median) | baseline (same runs) | target | met |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const row of rows) {
      out.push(
        `| ${[row.name, row.result, row.baseline ?? '', row.target ?? '', verdict(row)].map(cell).join(' | ')} |`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}
