import { isIP } from "node:net";

// The address a sign-in is throttled under. An IPv6 client is handed a whole /64 (often a /48) and
// picks any address in it, so counting single IPv6 addresses let one guesser spray passwords from a
// fresh address every time, past the per-address limit. IPv6 is therefore counted per /64, the
// smallest network one subscriber gets; IPv4 per address. The audit log keeps the full address.

/** "2001:db8:1:2::/64" for any address in that network; an IPv4 address (or anything else) as it is. */
export function throttleNetwork(address: string): string {
  // An IPv4 client on a dual-stack socket: its own address, never the /64 all such clients share.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address.trim());
  if (mapped?.[1]) return mapped[1];
  const groups = ipv6Groups(address);
  if (!groups) return address;
  return `${groups.slice(0, 4).map((group) => group.toString(16)).join(":")}::/64`;
}

/** The eight 16-bit groups of an IPv6 address (a zone id dropped, a dotted IPv4 tail read), or null. */
function ipv6Groups(address: string): number[] | null {
  const bare = address.split("%", 1)[0] ?? "";
  if (isIP(bare) !== 6) return null;
  let text = bare.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const parse = (part: string) => (part === "" ? [] : part.split(":").map((group) => Number.parseInt(group, 16)));
  const front = parse(head);
  const back = tail === undefined ? [] : parse(tail);
  const groups = tail === undefined ? front : [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
  return groups.length === 8 ? groups : null;
}
