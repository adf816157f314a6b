// Decoding the feeds that do not start with four ASCII bytes: byte order marks, UTF-16 and
// UTF-32. Imported by read-feed.ts only when such a feed arrives.
import { decodeAscii } from './read-feed.js';

/**
 * UTF-32 text, which `TextDecoder` does not read (the Encoding Standard leaves it out). A code
 * point past U+10FFFF or a lone surrogate becomes U+FFFD, as other decoders do.
 */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: string[] = [];
  let points: number[] = [];
  for (let at = 0; at + 4 <= bytes.length; at += 4) {
    const point = view.getUint32(at, littleEndian);
    points.push(point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff) ? 0xfffd : point);
    // fromCodePoint takes its arguments on the stack: pass them a slice at a time.
    if (points.length === 8192) {
      chunks.push(String.fromCodePoint(...points));
      points = [];
    }
  }
  chunks.push(String.fromCodePoint(...points));
  const text = chunks.join('');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The text of a feed's bytes, whatever they start with: a byte order mark (UTF-8, UTF-16 or
 * UTF-32), UTF-16 or UTF-32 without one (told by where the zero bytes of an ASCII first
 * character fall), else as {@link decodeAscii} reads them.
 */
export function decodeBytes(bytes: Uint8Array, contentType = ''): string {
  const [a, b, c, d] = bytes;
  // UTF-32 with a byte order mark, or without one but starting with an ASCII character ("<", "{").
  if ((a === 0 && b === 0 && c === 0xfe && d === 0xff) || (!a && !b && !c && d && d < 0x80))
    return decodeUtf32(bytes, false);
  if ((a === 0xff && b === 0xfe && c === 0 && d === 0) || (a && a < 0x80 && b === 0 && c === 0 && d === 0))
    return decodeUtf32(bytes, true);
  if (a === 0xef && b === 0xbb && c === 0xbf) return new TextDecoder().decode(bytes);
  // UTF-16 with a byte order mark, or without one but starting with "<".
  if ((a === 0xfe && b === 0xff) || (a === 0 && b === 0x3c)) return new TextDecoder('utf-16be').decode(bytes);
  if ((a === 0xff && b === 0xfe) || (a === 0x3c && b === 0)) return new TextDecoder('utf-16le').decode(bytes);
  return decodeAscii(bytes, contentType);
}
