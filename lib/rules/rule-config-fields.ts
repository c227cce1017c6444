import { RULE_CATEGORIES, type RuleCategory, type RuleKind } from "@/lib/detect/types";

// The rule form edits a config as text fields (a textarea of terms, a number box...); these two
// functions translate both ways. Validation stays in schemas.ts, so an empty number box becomes
// `undefined` and parseRuleConfig names the field.

export interface ConfigFields {
  terms: string;
  a: string;
  b: string;
  within: string;
  pattern: string;
  caseInsensitive: boolean;
  target: "normalized" | "original";
  /** REGEX and CLASSIFIER gate terms, one a line (optional). */
  requires: string;
  /** REGEX exception pattern for the words before a match (optional). */
  unlessBefore: string;
  /** REGEX exception pattern for the words after a match (optional). */
  unlessAfter: string;
  minWords: string;
  maxSimilarity: string;
  minArticleWords: string;
  minLetters: string;
  minUpperRatio: string;
  maxLinks: string;
  minRepeats: string;
  minCharRun: string;
  threshold: string;
  /** CLASSIFIER: the model head to score ("" = the rule's own category). */
  head: "" | "NATIONALIST" | "ABUSIVE";
  /** EXTERNAL: the endpoint, a threshold box per category (empty: never flagged), the timeout. */
  url: string;
  thresholds: Record<RuleCategory, string>;
  timeoutMs: string;
  allowPrivateNetwork: boolean;
}

/** Starting values for a new rule: the default pack's settings. */
export const DEFAULT_CONFIG_FIELDS: ConfigFields = {
  terms: "",
  a: "",
  b: "",
  within: "3",
  pattern: "",
  caseInsensitive: true,
  target: "normalized",
  requires: "",
  unlessBefore: "",
  unlessAfter: "",
  minWords: "25",
  maxSimilarity: "0.05",
  minArticleWords: "40",
  minLetters: "30",
  minUpperRatio: "0.7",
  maxLinks: "1",
  minRepeats: "4",
  minCharRun: "12",
  threshold: "0.8",
  head: "",
  url: "",
  thresholds: { OFF_TOPIC: "", NATIONALIST: "", ABUSIVE: "0.8", SPAM: "" },
  timeoutMs: "3000",
  allowPrivateNetwork: false,
};

const lines = (text: string): string[] => text.split("\n").map((line) => line.trim()).filter((line) => line !== "");
const number = (text: string): number | undefined => (text.trim() === "" ? undefined : Number(text.trim()));
const text = (value: unknown): string => (typeof value === "number" ? String(value) : "");
const list = (value: unknown): string => (Array.isArray(value) ? value.filter((item) => typeof item === "string").join("\n") : "");

export function configFromFields(kind: RuleKind, fields: ConfigFields): unknown {
  switch (kind) {
    case "TERMS": {
      const unlessBefore = fields.unlessBefore.trim();
      return { terms: lines(fields.terms), ...(unlessBefore === "" ? {} : { unlessBefore }) };
    }
    case "NEAR": {
      const unlessBefore = fields.unlessBefore.trim();
      return { a: lines(fields.a), b: lines(fields.b), within: number(fields.within), ...(unlessBefore === "" ? {} : { unlessBefore }) };
    }
    case "REGEX": {
      const requires = lines(fields.requires);
      const unlessBefore = fields.unlessBefore.trim();
      const unlessAfter = fields.unlessAfter.trim();
      return {
        pattern: fields.pattern, ...(fields.caseInsensitive ? { flags: "i" } : {}), target: fields.target,
        ...(requires.length > 0 ? { requires } : {}), ...(unlessBefore === "" ? {} : { unlessBefore }),
        ...(unlessAfter === "" ? {} : { unlessAfter }),
      };
    }
    case "OFF_TOPIC": {
      const minArticleWords = number(fields.minArticleWords);
      return { minWords: number(fields.minWords), maxSimilarity: number(fields.maxSimilarity), ...(minArticleWords === undefined ? {} : { minArticleWords }) };
    }
    case "SHOUTING": return { minLetters: number(fields.minLetters), minUpperRatio: number(fields.minUpperRatio) };
    case "LINKS": return { maxLinks: number(fields.maxLinks) };
    case "REPETITION": {
      const minCharRun = number(fields.minCharRun);
      return { minRepeats: number(fields.minRepeats), ...(minCharRun === undefined ? {} : { minCharRun }) };
    }
    case "CLASSIFIER": {
      const requires = lines(fields.requires);
      return { threshold: number(fields.threshold), ...(fields.head === "" ? {} : { head: fields.head }), ...(requires.length > 0 ? { requires } : {}) };
    }
    case "EXTERNAL": {
      const thresholds = Object.fromEntries(RULE_CATEGORIES.flatMap((name) => (fields.thresholds[name].trim() === "" ? [] : [[name, number(fields.thresholds[name])]])));
      return { url: fields.url.trim(), thresholds, timeoutMs: number(fields.timeoutMs), ...(fields.allowPrivateNetwork ? { allowPrivateNetwork: true } : {}) };
    }
  }
}

export function fieldsFromConfig(kind: RuleKind, config: unknown): ConfigFields {
  const c = (typeof config === "object" && config !== null ? config : {}) as Record<string, unknown>;
  const fields = { ...DEFAULT_CONFIG_FIELDS };
  switch (kind) {
    case "TERMS": return { ...fields, terms: list(c.terms), unlessBefore: typeof c.unlessBefore === "string" ? c.unlessBefore : "" };
    case "NEAR":
      return { ...fields, a: list(c.a), b: list(c.b), within: text(c.within), unlessBefore: typeof c.unlessBefore === "string" ? c.unlessBefore : "" };
    case "REGEX":
      return {
        ...fields, pattern: typeof c.pattern === "string" ? c.pattern : "", caseInsensitive: c.flags === "i",
        target: c.target === "original" ? "original" : "normalized", requires: list(c.requires),
        unlessBefore: typeof c.unlessBefore === "string" ? c.unlessBefore : "",
        unlessAfter: typeof c.unlessAfter === "string" ? c.unlessAfter : "",
      };
    case "OFF_TOPIC": return { ...fields, minWords: text(c.minWords), maxSimilarity: text(c.maxSimilarity), minArticleWords: text(c.minArticleWords) };
    case "SHOUTING": return { ...fields, minLetters: text(c.minLetters), minUpperRatio: text(c.minUpperRatio) };
    case "LINKS": return { ...fields, maxLinks: text(c.maxLinks) };
    case "REPETITION": return { ...fields, minRepeats: text(c.minRepeats), minCharRun: text(c.minCharRun) };
    case "CLASSIFIER":
      return { ...fields, threshold: text(c.threshold), head: c.head === "NATIONALIST" || c.head === "ABUSIVE" ? c.head : "", requires: list(c.requires) };
    case "EXTERNAL": {
      const stored = (typeof c.thresholds === "object" && c.thresholds !== null ? c.thresholds : {}) as Record<string, unknown>;
      return {
        ...fields, url: typeof c.url === "string" ? c.url : "", timeoutMs: text(c.timeoutMs), allowPrivateNetwork: c.allowPrivateNetwork === true,
        thresholds: Object.fromEntries(RULE_CATEGORIES.map((name) => [name, text(stored[name])])) as Record<RuleCategory, string>,
      };
    }
  }
}
