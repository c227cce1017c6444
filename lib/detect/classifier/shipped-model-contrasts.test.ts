import { describe, expect, it } from "vitest";
import { CLASSIFIER_THRESHOLDS } from "@/lib/rules/default-pack-classifier";
import { classifyText } from "./classify-text";

// The kinds of harmless comment the model used to flag (docs/quality.md, "flags9"): animals in the
// news, counter-speech that names the insult it rejects, reports of violence against a group. The
// model now trains on clean rows of those kinds (scripts/model/written-clean-rows.ts); the sentences
// here were written for this test, apart from those rows, and none of them is among them. Each
// benign case has a hostile near-miss that must still reach the threshold.
const isFlagged = (text: string) => {
  const scores = classifyText(text);
  return scores.NATIONALIST >= CLASSIFIER_THRESHOLDS.NATIONALIST || scores.ABUSIVE >= CLASSIFIER_THRESHOLDS.ABUSIVE;
};

describe("the shipped model on benign look-alikes", () => {
  it.each([
    "Dogs in the street bit three children in Hyderabad",
    "A stray dog chased a cyclist on the bridge and bit his leg yesterday",
    "The rats in the old market are a health hazard, the council must act",
  ])("leaves animals in the news alone: %s", (text) => {
    expect(isFlagged(text)).toBe(false);
  });

  it.each([
    "The refugees are human beings, stop calling them a burden",
    "Please stop describing migrants as a flood, they are families looking for work",
    "It is disgusting how people abuse Hindus online because of one politician",
  ])("leaves counter-speech alone: %s", (text) => {
    expect(isFlagged(text)).toBe(false);
  });

  it.each([
    "The mob that burned the mosque must face the courts, no excuses",
    "Seven people died when the crowd attacked the bus, a shameful day for the town",
  ])("leaves a report or condemnation of violence alone: %s", (text) => {
    expect(isFlagged(text)).toBe(false);
  });

  it.each([
    "go back to your stinking country you dog",
    "These people are filth and should be thrown out of the country",
    "Hindus are cow piss drinking morons",
  ])("still flags the hostile near-miss: %s", (text) => {
    expect(isFlagged(text)).toBe(true);
  });
});
