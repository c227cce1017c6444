import type { CommentContext, FlagResult } from "../types";
import { firedRules, type FiredRule } from "./error-examples";
import { isCaught, share, type Share } from "./metrics";

/** One functional test case (Röttger et al.): hateful ones must be caught, non-hateful ones must not. */
export interface HateCheckCase {
  id: string;
  functionality: string;
  text: string;
  isHateful: boolean;
}

export interface FunctionalityFigures {
  functionality: string;
  /** Whether the functionality's cases are hateful (a functionality is one or the other). */
  isHateful: boolean;
  right: Share;
}

export interface HateCheckReport {
  right: Share;
  hatefulRecall: Share;
  nonHatefulFlagged: Share;
  functionalities: FunctionalityFigures[];
  /** The cases it got wrong, with the rules that fired (none for a missed hateful case). */
  wrong: { testCase: HateCheckCase; fired: FiredRule[] }[];
}

/** Right = a hateful case caught (NATIONALIST or ABUSIVE flag), a non-hateful one not caught. */
export function evaluateHateCheck(cases: readonly HateCheckCase[], evaluate: (context: CommentContext) => FlagResult[]): HateCheckReport {
  const byFunctionality = new Map<string, { isHateful: boolean; right: number; total: number }>();
  let right = 0, hateful = 0, hatefulCaught = 0, nonHateful = 0, nonHatefulCaught = 0;
  const wrong: HateCheckReport["wrong"] = [];
  for (const testCase of cases) {
    const flags = evaluate({ body: testCase.text });
    const caught = isCaught(flags);
    const isRight = caught === testCase.isHateful;
    if (testCase.isHateful) { hateful += 1; if (caught) hatefulCaught += 1; }
    else { nonHateful += 1; if (caught) nonHatefulCaught += 1; }
    if (isRight) right += 1;
    else wrong.push({ testCase, fired: firedRules(testCase.text, flags) });
    const entry = byFunctionality.get(testCase.functionality) ?? { isHateful: testCase.isHateful, right: 0, total: 0 };
    entry.total += 1;
    if (isRight) entry.right += 1;
    byFunctionality.set(testCase.functionality, entry);
  }
  return {
    right: share(right, cases.length),
    hatefulRecall: share(hatefulCaught, hateful),
    nonHatefulFlagged: share(nonHatefulCaught, nonHateful),
    functionalities: [...byFunctionality].map(([functionality, entry]) => ({ functionality, isHateful: entry.isHateful, right: share(entry.right, entry.total) })),
    wrong,
  };
}
