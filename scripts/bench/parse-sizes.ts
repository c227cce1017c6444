// `--scale 1m,3m,10m`: the sizes the scale bench grows its database to, ascending.

const UNITS: Record<string, number> = { "": 1, k: 1_000, m: 1_000_000 };

/** "1m,3m,10m" → [1000000, 3000000, 10000000]; a clear error for anything else. */
export function parseSizes(text: string): number[] {
  const sizes = text.split(",").map((part) => {
    const match = /^\s*(\d+(?:\.\d+)?)\s*([kKmM]?)\s*$/.exec(part);
    if (!match) throw new Error(`--scale: '${part}' is not a size (write 1m, 500k or 2000000, separated by commas)`);
    const size = Math.round(Number(match[1]) * UNITS[match[2]!.toLowerCase()]!);
    if (size < 1) throw new Error(`--scale: '${part}' is not a positive number of comments`);
    return size;
  });
  if (sizes.some((size, index) => index > 0 && size <= sizes[index - 1]!)) throw new Error(`--scale: sizes must grow (${text}): the database is grown from one to the next`);
  return sizes;
}
