import { describe, expect, it } from "vitest";
import { parseLabelledCsv, parseLabelledJsonl } from "./parse-labelled";
import { parseHateCheckCsv } from "./parse-hatecheck";

describe("parseLabelledJsonl", () => {
  it("reads corpus-shaped records and fills in script, thread and borderline", () => {
    const text = [
      JSON.stringify({ text: "Great innings today", labels: [], article: { title: "Match report", url: "https://x.test/a" }, source: "ignored" }),
      "",
      JSON.stringify({ text: "இது சோதனை", labels: ["abusive"], borderline: true, thread: "t1", parent: "earlier" }),
    ].join("\n");
    const { records, problems } = parseLabelledJsonl(text, "desk.jsonl");
    expect(problems).toEqual([]);
    expect(records).toEqual([
      { id: "desk.jsonl:1", text: "Great innings today", labels: [], borderline: false, lang: "latin", thread: "desk.jsonl:1", article: { title: "Match report", url: "https://x.test/a" } },
      { id: "desk.jsonl:3", text: "இது சோதனை", labels: ["abusive"], borderline: true, lang: "ta", thread: "t1", parent: "earlier" },
    ]);
  });

  it("names the line and field of every bad record and keeps the good ones", () => {
    const text = ['{"text": "ok", "labels": []}', "{not json", '{"text": "x", "labels": ["rude"]}', '{"labels": []}'].join("\n");
    const { records, problems } = parseLabelledJsonl(text, "desk.jsonl");
    expect(records).toHaveLength(1);
    expect(problems.map((problem) => [problem.line, problem.field])).toEqual([[2, undefined], [3, "labels.0"], [4, "text"]]);
  });
});

describe("parseLabelledCsv", () => {
  it("reads a header with text and labels, labels split on ; , | or spaces", () => {
    const text = 'text,labels,borderline,article_title\n"You fool, go away","abusive; nationalist",yes,Budget\nNice piece,,,\n';
    const { records, problems } = parseLabelledCsv(text, "desk.csv");
    expect(problems).toEqual([]);
    expect(records.map((record) => [record.id, record.labels, record.borderline, record.article?.title])).toEqual([
      ["desk.csv:2", ["abusive", "nationalist"], true, "Budget"],
      ["desk.csv:3", [], false, undefined],
    ]);
  });

  it("refuses a header without the labels column and names bad labels with their line", () => {
    expect(parseLabelledCsv("text\nhello\n", "desk.csv").problems[0]!.message).toMatch(/lacks labels/);
    const { problems } = parseLabelledCsv("text,labels,borderline\nhello,hateful,\nbye,,maybe\n", "desk.csv");
    expect(problems.map((problem) => [problem.line, problem.field])).toEqual([[2, "labels"], [3, "borderline"]]);
  });
});

describe("parseHateCheckCsv", () => {
  it("reads either suite's id column and the gold label", () => {
    const english = "functionality,case_id,test_case,label_gold\nf_h,1,Made-up hateful case ,hateful\nf_nh,2,Made-up fine case,non-hateful\n";
    expect(parseHateCheckCsv(english, "en.csv")).toEqual([
      { id: "1", functionality: "f_h", text: "Made-up hateful case", isHateful: true },
      { id: "2", functionality: "f_nh", text: "Made-up fine case", isHateful: false },
    ]);
    expect(parseHateCheckCsv("mhc_case_id,functionality,test_case,label_gold\nhi-1,f,kuch bhi,hateful\n", "hi.csv")[0]!.id).toBe("hi-1");
    expect(() => parseHateCheckCsv("case_id,functionality,test_case,label_gold\n1,f,x,maybe\n", "en.csv")).toThrow(/en\.csv:2/);
  });
});
