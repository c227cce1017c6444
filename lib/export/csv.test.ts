import { describe, expect, it } from "vitest";
import { csvField, csvRow, neutralizeCell } from "./csv";

describe("neutralizeCell", () => {
  it.each([
    ['=HYPERLINK("http://x","click")', `'=HYPERLINK("http://x","click")`],
    ["-1+2", "'-1+2"],
    ["+44 20 7946 0000", "'+44 20 7946 0000"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", "'\r=1+1"],
    ["\tplain", "'\tplain"],
    // Spreadsheets trim leading whitespace before they look for a formula.
    [" =1+1", "' =1+1"],
    ["   +1", "'   +1"],
    ["\n-2+3", "'\n-2+3"],
    [" \t\r\n@SUM(A1)", "' \t\r\n@SUM(A1)"],
    ["\u00a0=1", "'\u00a0=1"],
    ["\u3000\uff1d1+1", "'\u3000\uff1d1+1"],
    // Full-width forms, as a Japanese or Chinese input method types them.
    ["\uff1dHYPERLINK(\"http://x\")", "'\uff1dHYPERLINK(\"http://x\")"],
    ["\uff0b1", "'\uff0b1"],
    ["\uff0d1", "'\uff0d1"],
    ["\uff20SUM(A1)", "'\uff20SUM(A1)"],
  ])("prefixes a quote to %j", (input, expected) => {
    expect(neutralizeCell(input)).toBe(expected);
  });

  it.each(["", "plain text", " plain after a space", "\nA line, then =1", "   ", "\n", "a=b", "a\uff1db", "'already quoted", "١٢٣ اردو", "\u3000全角スペース"])("leaves %j alone", (input) => {
    expect(neutralizeCell(input)).toBe(input);
  });
});

describe("csvField", () => {
  it("writes null as an empty field and numbers as numbers, negative ones included", () => {
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
    expect(csvField(42)).toBe("42");
    expect(csvField(-3)).toBe("-3");
    expect(csvField(Number.NaN)).toBe("");
  });

  it("quotes fields with a quote, comma, CR or LF and doubles the quotes", () => {
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField("line1\nline2")).toBe('"line1\nline2"');
    expect(csvField("line1\r\nline2")).toBe('"line1\r\nline2"');
    expect(csvField("plain")).toBe("plain");
  });

  it.each([
    ["fine;=1+1", '"fine;=1+1"'],
    ["a;b", '"a;b"'],
    ["tab\t@SUM(A1)", '"tab\t@SUM(A1)"'],
    ["x, -2+3", '"x, -2+3"'],
  ])("quotes %j, whose separator a semicolon or tab locale would split on (the part after it would start a formula)", (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  it("neutralizes a formula behind a line break, then quotes the field for its line break", () => {
    expect(csvField("\n=1+1")).toBe(`"'\n=1+1"`);
    expect(csvField(" =1+1")).toBe("' =1+1");
  });

  it("neutralizes before quoting, so the quote prefix sits inside the quoted field", () => {
    expect(csvField('=HYPERLINK("http://x","click")')).toBe(`"'=HYPERLINK(""http://x"",""click"")"`);
    expect(csvField("-1+2")).toBe("'-1+2");
  });
});

describe("csvRow", () => {
  it("joins fields with commas and ends with CRLF", () => {
    expect(csvRow([1, "a,b", null, "x"])).toBe('1,"a,b",,x\r\n');
    expect(csvRow([])).toBe("\r\n");
  });
});
