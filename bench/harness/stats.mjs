/** The middle value (mean of the two middle ones for an even count); NaN for none. */
export function median(values) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const fixed = (value, digits) => (Number.isFinite(value) ? value.toFixed(digits) : '?');
export const ms = (value) => `${fixed(value, value < 10 ? 2 : 1)} ms`;
export const kb = (bytes) => (bytes < 1024 ? `${fixed(bytes, 0)} B` : `${fixed(bytes / 1024, 1)} KB`);
export const signedKb = (bytes) => `${bytes >= 0 ? '+' : '−'}${kb(Math.abs(bytes))}`;
