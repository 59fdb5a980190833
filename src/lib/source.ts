/**
 * Source stage: bytes → text. A byte-order mark is dropped, CRLF and lone CR
 * become LF, and invalid UTF-8 is reported with its line and column.
 */
import type { Position } from './positions.ts';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export type DecodedSource =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly position: Position; readonly message: string };

/** Decodes a pattern file's bytes as strict UTF-8 and normalises line endings. */
export function decodeSource(bytes: Uint8Array): DecodedSource {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    return {
      ok: false,
      position: bytePosition(bytes, offset),
      message: `invalid UTF-8 (byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')} at byte ${String(offset)}); save the file as UTF-8`,
    };
  }
  return { ok: true, text: text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text };
}

/** Length of the UTF-8 sequence a lead byte starts, or 0 when it cannot start one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes[i] ?? 0);
    if (length === 0 || i + length > bytes.length) return i;
    const chunk = bytes.subarray(i, i + length);
    try {
      decoder.decode(chunk);
    } catch {
      return i;
    }
    i += length;
  }
  return i;
}

/** Line and column (in UTF-16 units, as editors count) of a byte offset, counting the valid text before it. */
function bytePosition(bytes: Uint8Array, offset: number): Position {
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1) ?? '').length + 1 };
}
