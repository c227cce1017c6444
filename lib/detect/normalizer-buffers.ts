// Typed-array plumbing shared by the normalizer's word paths: word hashing, growth, and a
// reused copy of the input's code units (the hot loops index a Uint16Array, not the string).

/** FNV-1a over UTF-16 codes: word identity for repetition and off-topic without building strings. */
export function hashCodes(codes: ArrayLike<number>, from: number, to: number): number {
  let hash = 0x811c9dc5;
  for (let k = from; k < to; k++) hash = Math.imul(hash ^ codes[k]!, 0x01000193);
  return hash | 0;
}

export function grownInt32(array: Int32Array, minLength: number): Int32Array {
  const next = new Int32Array(Math.max(minLength, array.length * 2));
  next.set(array);
  return next;
}

export function grownUint16(array: Uint16Array, minLength: number): Uint16Array {
  const next = new Uint16Array(Math.max(minLength, array.length * 2));
  next.set(array);
  return next;
}

interface Utf16Writer {
  write(text: string, offset: number, encoding: "utf16le"): number;
}

// Node's Buffer copies a string's code units natively; browsers (the rule test bench) use a loop.
// (Only on little-endian hosts, where UTF-16LE bytes are the Uint16Array's own layout.)
const NodeBuffer = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1
  ? (globalThis as { Buffer?: { from(buffer: ArrayBuffer): Utf16Writer } }).Buffer
  : undefined;

export const hasNativeCopy = NodeBuffer !== undefined;

/** The input text's UTF-16 code units, in one array reused from comment to comment. */
export class SourceCodeUnits {
  private units = new Uint16Array(1024);
  private unitsAsBytes: Utf16Writer | null = null;

  load(text: string, nativeCopy: boolean): Uint16Array {
    if (text.length > this.units.length) {
      this.units = new Uint16Array(Math.max(text.length, this.units.length * 2));
      this.unitsAsBytes = null;
    }
    if (nativeCopy && NodeBuffer !== undefined) {
      this.unitsAsBytes ??= NodeBuffer.from(this.units.buffer);
      this.unitsAsBytes.write(text, 0, "utf16le");
    } else {
      for (let k = 0; k < text.length; k++) this.units[k] = text.charCodeAt(k);
    }
    return this.units;
  }
}
