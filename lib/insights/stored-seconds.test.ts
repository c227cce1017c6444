import { describe, expect, it } from "vitest";
import { decodeSortedSeconds, encodeSortedSeconds } from "./stored-seconds";
import { encodeFloat8s } from "./sorted-values";

const roundTrip = (values: number[]) => [...decodeSortedSeconds(encodeSortedSeconds(values))];

describe("stored sorted seconds", () => {
  it("keeps whole milliseconds compact and gives every value back bit for bit", () => {
    const values = [-3.5, 0, 0.001, 0.1, 0.3, 12.345, 12.345, 86_399.999, 31_536_000.123, 4e12];
    const encoded = encodeSortedSeconds(values);
    expect(encoded[0]).toBe(0xff);
    expect(encoded.length).toBeLessThan(values.length * 8);
    expect(Object.is(roundTrip(values)[3], 0.1)).toBe(true);
    expect(roundTrip(values)).toEqual(values);
  });

  it("keeps float8s for values that are not whole milliseconds, and reads days stored as float8s", () => {
    const values = [1.0005, 2];
    expect(encodeSortedSeconds(values)).toEqual(encodeFloat8s(values));
    expect(roundTrip(values)).toEqual(values);
    expect([...decodeSortedSeconds(encodeFloat8s([0.5, 7]))]).toEqual([0.5, 7]);
    expect([...decodeSortedSeconds(null)]).toEqual([]);
    expect(encodeSortedSeconds([])).toEqual(new Uint8Array(0));
  });

  it("takes a day of 25,000 decisions in about 2 bytes each", () => {
    const values = Array.from({ length: 25_000 }, (_, index) => Math.round(index * 3.7 + (index % 7) * 1000) / 1000).sort((a, b) => a - b);
    const encoded = encodeSortedSeconds(values);
    expect(encoded.length).toBeLessThan(3 * values.length);
    expect(roundTrip(values)).toEqual(values);
  });

  it("says where stored bytes end inside a number", () => {
    expect(() => decodeSortedSeconds(Uint8Array.from([0xff, 0x80]))).toThrow(/byte 2 of 2/);
  });
});
