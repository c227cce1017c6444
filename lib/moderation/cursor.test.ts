import { describe, expect, it } from "vitest";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "./cursor";

const schema = z.object({ id: z.number().int(), at: z.string() });

describe("keyset cursors", () => {
  it("round-trips the values of the last row", () => {
    const cursor = encodeCursor({ id: 42, at: "2015-07-23T18:43:00.000Z" });
    expect(decodeCursor(cursor, schema)).toEqual({ id: 42, at: "2015-07-23T18:43:00.000Z" });
  });

  it("treats a tampered or foreign cursor as no cursor", () => {
    expect(decodeCursor("not-base64-json", schema)).toBeNull();
    expect(decodeCursor(encodeCursor({ id: "1; DROP TABLE comment" }), schema)).toBeNull();
    expect(decodeCursor(undefined, schema)).toBeNull();
  });
});
