import { describe, expect, it } from "vitest";
import { conjunctsOf, searchCandidates } from "./search-candidates";

const shares = new Map([["the", 0.99], ["karachi", 0.6], ["cables", 0.05], ["category:abusive", 0.12], ["category:spam", 0.5]]);
const share = (lexeme: string) => shares.get(lexeme);

describe("conjunctsOf", () => {
  it("splits a tsquery's text at its top-level ANDs, keeping phrases, groups and quoted '&'", () => {
    expect(conjunctsOf("'the' & 'cables' & !'karachi'")).toEqual(["'the'", "'cables'", "!'karachi'"]);
    expect(conjunctsOf("'a' <-> 'b' & ( 'c' | 'd' ) & 'it''s&'")).toEqual(["'a' <-> 'b'", "( 'c' | 'd' )", "'it''s&'"]);
    expect(conjunctsOf("'a'")).toEqual(["'a'"]);
  });

  it("gives up on a top-level OR and on text it cannot follow", () => {
    expect(conjunctsOf("'a' | 'b' & 'c'")).toBeNull();
    expect(conjunctsOf("")).toBeNull();
    expect(conjunctsOf("'a' & ( 'b'")).toBeNull();
    expect(conjunctsOf("'unclosed")).toBeNull();
  });
});

describe("searchCandidates", () => {
  it("sends the selective terms to the index, and each other term that removes enough candidates there", () => {
    // 'the' (99%) removes 1% of the candidates: tested on the rows. '-karachi' removes 60%: in the index.
    expect(searchCandidates("'the' & 'cables' & !'karachi'", null, share)).toEqual({ kind: "some", tsquery: "'cables' & !'karachi'", density: 0.99 * 0.05 * 0.4 });
    expect(searchCandidates("!'the' & 'cables' & 'karachi' & !'zanzibar'", null, share)).toMatchObject({ kind: "some", tsquery: "!'the' & 'cables' & 'karachi'" });
    expect(searchCandidates("'cables' & !'karachi'", "category:abusive", share)).toMatchObject({ kind: "whole" });
    expect(searchCandidates("'karachi' & 'the'", "category:abusive", share)).toMatchObject({ kind: "some", tsquery: "'karachi' & 'category:abusive'" });
    // With very few candidates a common term costs a compressed segment of postings per candidate:
    // worth it only if it removes most of them.
    expect(searchCandidates("'zanzibar' & 'karachi' & !'category:spam'", null, share)).toMatchObject({ kind: "some", tsquery: "'zanzibar'" });
    expect(searchCandidates("'zanzibar' & !'the'", null, share)).toMatchObject({ kind: "whole" });
    // A lexeme the statistics do not list is rarer than every listed one.
    expect(searchCandidates("'cables' & 'zanzibar'", null, share)).toEqual({ kind: "whole", density: 0 });
    expect(searchCandidates("'cables' <-> 'karachi' & 'the'", null, share)).toMatchObject({ kind: "some", tsquery: "'cables' <-> 'karachi'", density: 0 });
  });

  it("walks when every positive term is common, and knows a search that contradicts itself matches nothing", () => {
    expect(searchCandidates("'the' & 'karachi' & !'cables'", null, share)).toEqual({ kind: "none", density: 0.99 * 0.6 * 0.95 });
    expect(searchCandidates(null, "category:spam", share)).toEqual({ kind: "none", density: 0.5 });
    expect(searchCandidates("'cables' & 'the' & !'cables'", null, share).kind).toBe("empty");
    // A repeated word counts once.
    expect(searchCandidates("'cables' & 'cables'", null, share).density).toBe(0.05);
  });

  it("leaves the whole query to the index when it cannot split it or nothing is to gain", () => {
    expect(searchCandidates("'the' | 'cables'", null, share)).toEqual({ kind: "whole", density: 0 });
    expect(searchCandidates("", "category:abusive", share)).toEqual({ kind: "whole", density: 0 });
    expect(searchCandidates("!'the'", null, share)).toEqual({ kind: "whole", density: 0 });
    expect(searchCandidates(null, "category:abusive", share)).toEqual({ kind: "whole", density: 0.12 });
    expect(searchCandidates("'cables'", "category:abusive", new Map<string, number>().get.bind(new Map<string, number>()))).toEqual({ kind: "whole", density: 0 });
  });
});
