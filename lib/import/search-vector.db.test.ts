import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { mulberry32 } from "@/lib/seeded-random";
import { sentence } from "@/scripts/bench/import-bench-data";
import { simpleSearchVector } from "./search-vector";

// The loader's search vector must be exactly what PostgreSQL's to_tsvector('simple', body) makes:
// the queue's search reads it. Every body the loader takes on is compared with PostgreSQL's own.

const HAND_PICKED = [
  "Hello, World! The budget failed. Again?",
  "10% of 2015's budget: 5 (five) \"quoted\" words; and 'single' ones",
  // Letters and digits mixed; a token that is not digits-e-digits at its start stays one word.
  "abc123 123abc 007 0x1F 3rd 10AM 12e x2e5 9e e79 ab1e5",
  "kashmir’s “curly” ‘quotes’ … an ellipsis – a dash — another",
  "don't won't it's",
  "wait... what?! (really) \"yes\".",
  "a b a b a",
  "",
  "   ",
  "...",
  "x",
  `${"word ".repeat(250)}end`,
  Array.from({ length: 400 }, (_, index) => `w${index}`).join(" "),
  "(a) x (\"y\") 'quoted' it's",
];

// Characters of every class the loader distinguishes, and some it leaves to PostgreSQL.
const ALPHABET = [..."abcXYZ019", ..."      ", ..."\n\t", ...`,.!?;:()"'%'''`, ..."’“”…–", ..."-/@+_#&<>.é"];

function randomText(random: () => number, length: number): string {
  let text = "";
  for (let index = 0; index < length; index++) text += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return text;
}

async function postgresVectors(bodies: string[]): Promise<string[]> {
  const rows = await db.$queryRaw<{ vector: string }[]>`SELECT to_tsvector('simple', b)::text AS vector FROM unnest(${bodies}::text[]) WITH ORDINALITY AS t(b, n) ORDER BY n`;
  return rows.map((row) => row.vector);
}

async function loaderVectors(vectors: string[]): Promise<string[]> {
  const rows = await db.$queryRaw<{ vector: string }[]>`SELECT v::tsvector::text AS vector FROM unnest(${vectors}::text[]) WITH ORDINALITY AS t(v, n) ORDER BY n`;
  return rows.map((row) => row.vector);
}

async function expectSameAsPostgres(bodies: string[]): Promise<number> {
  const taken = bodies.flatMap((body) => {
    const vector = simpleSearchVector(body);
    return vector === null ? [] : [{ body, vector }];
  });
  const expected = await postgresVectors(taken.map((entry) => entry.body));
  const actual = await loaderVectors(taken.map((entry) => entry.vector));
  const differing = taken.flatMap((entry, index) => (actual[index] === expected[index] ? [] : [{ body: entry.body, loader: actual[index], postgres: expected[index] }]));
  expect(differing.slice(0, 5)).toEqual([]);
  return taken.length;
}

describe("the loader's search vector", () => {
  it("equals to_tsvector('simple', body) on hand-picked text", async () => {
    expect(await expectSameAsPostgres(HAND_PICKED)).toBe(HAND_PICKED.length);
  });

  it("equals to_tsvector('simple', body) on random text from every character class, or leaves the body to PostgreSQL", async () => {
    const random = mulberry32(17);
    const bodies = Array.from({ length: 20_000 }, () => randomText(random, 1 + Math.floor(random() * 40)));
    const taken = await expectSameAsPostgres(bodies);
    // Both paths are exercised.
    expect(taken).toBeGreaterThan(100);
    expect(taken).toBeLessThan(bodies.length);
  });

  it("takes on most comments of the bench's newsroom text, and they equal PostgreSQL's", async () => {
    const random = mulberry32(23);
    const bodies = Array.from({ length: 2_000 }, () => sentence(random, 8 + Math.floor(random() * 50)));
    expect(await expectSameAsPostgres(bodies)).toBeGreaterThan(bodies.length / 2);
  });

  it("leaves to PostgreSQL what its parser reads as one token or splits: hosts, URLs, e-mails, decimals, hyphenated and accented words, scientific notation (a hex stamp like 2e829e79), a word repeated past tsvector's 256 positions", () => {
    for (const body of ["see example.com", "http://x.org/a", "me@x.org", "5.5 percent", "well-known", "-5", "café", "a.b", "cd ..", "9.5", "tab\u0000", "id 2e829e79", "3e4a", "1e5", "0e0e1", "4E2x", "word ".repeat(300)]) expect(simpleSearchVector(body), body).toBeNull();
  });

  it("are made again by the repair migration for bodies the loader once took wrongly (digits-e-digits), categories kept", async () => {
    const article = await db.article.create({ data: { key: `repair-${Date.now()}`, title: "Repair" } });
    const made = (body: string, key: string) => db.comment.create({ data: { articleId: article.id, source: "test", dedupeKey: `test:repair:${key}:${article.id}`, contentHash: key, body, postedAt: new Date(), flagCategories: ["SPAM"] }, select: { id: true } });
    const stale = await made("stamp 2e829e79 here", "stale");
    const plain = await made("nothing to repair", "plain");
    // As the loader wrote it before the fix: one token where PostgreSQL's parser reads two.
    await db.$executeRaw`UPDATE comment SET "searchVector" = ${"'2e829e79':2 'here':3 'stamp':1 'category:spam'"}::tsvector WHERE id = ${stale.id}`;
    const before = await db.$queryRaw<{ id: number; vector: string }[]>`SELECT id, "searchVector"::text AS vector FROM comment WHERE id = ${plain.id}`;
    const migration = readFileSync(path.join(process.cwd(), "prisma/migrations/20261206113800_search_vector_number_token_repair/migration.sql"), "utf8");
    await db.$executeRawUnsafe(migration);
    const found = await db.$queryRaw<{ id: number }[]>`SELECT id FROM comment WHERE "searchVector" @@ ${"'2e829' & 'category:spam'"}::tsquery AND "articleId" = ${article.id}`;
    expect(found.map((row) => row.id)).toEqual([stale.id]);
    const after = await db.$queryRaw<{ id: number; vector: string }[]>`SELECT id, "searchVector"::text AS vector FROM comment WHERE id = ${plain.id}`;
    expect(after).toEqual(before);
  });
});
