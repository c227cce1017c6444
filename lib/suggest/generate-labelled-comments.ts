import type { Reason, TrainingExample } from "./types";
import { mulberry32 } from "@/lib/seeded-random";

// A seeded generator of labelled news comments, for tests, `moddesk model evaluate --generated`
// and the insights bench. Realistic on purpose, not separable: hidden comments are mostly ordinary
// words around a few telling ones, some approved comments quote insults or mention nations, spam
// changes its domains over time, and ~6% of labels disagree with the text (moderators differ).


const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const words = (text: string) => text.split(/\s+/).filter(Boolean);

const NEWS = words(`government budget minister parliament election vote opposition taxes inflation petrol prices electricity
load shedding court judge verdict police report economy exports imports jobs schools hospitals farmers water
cricket team captain match series selectors wickets stadium coach province city karachi lahore islamabad delhi
policy reform corruption debt loan bank salary pension fuel gas crisis growth media anchor journalist article
people citizens youth women students families country region border trade talks peace history future`);
const GLUE = words(`the a this that these is are was were should will would could must not very really so and but or because
of in on for with about after before why how what when i we you they he she it my our their also just still`);
const OPINION = words(`agree disagree think believe wrong right good bad fair unfair honest shameful excellent sad hope finally again`);
const INSULTS = ["idiot", "stupid", "fool", "moron", "bewakoof", "gadha", "ullu ka patha", "kutte", "jahil", "shut up", "loser", "clown", "st00pid", "1d10t", "stuuupid", "chutiya"];
const TARGETS = ["you", "you people", "this anchor", "the writer", "all of you", "this guy"];
const NATION_HATE = ["are all terrorists", "should be wiped out", "are our enemy", "go back to your country", "are traitors", "deserve nothing", "are snakes", "cannot be trusted ever"];
const NATIONS = ["indians", "pakistanis", "afghans", "bengalis", "hindus", "these outsiders"];
const SPAM_EARLY = ["earn money from home", "click here", "visit www.fastcash4u.com", "whatsapp 0300 1234567", "free followers", "work from home 500 dollars daily"];
const SPAM_LATE = ["visit bit.ly/crypto-win", "join telegram group", "crypto signals", "earn money from home", "dm for offer", "subscribe my channel"];
const OFF_TOPIC = ["first comment", "happy eid everyone", "anyone watching the drama tonight", "where can i buy cheap phone", "my cousin wedding is next week", "who won the match yesterday", "good morning all friends", "please follow me"];
const PERSONAL = ["his phone number is", "lives near", "his home address", "her sister works at"];
const QUOTED = ["calling people idiot is no argument", "do not call anyone stupid", "the enemy is poverty not our neighbours", "indians and pakistanis want the same peace"];

function filler(random: () => number, count: number): string[] {
  return Array.from({ length: count }, () => (random() < 0.45 ? pick(random, GLUE) : random() < 0.8 ? pick(random, NEWS) : pick(random, OPINION)));
}

function compose(random: () => number, parts: string[], fillerWords: number): string {
  const body = filler(random, fillerWords);
  for (const part of parts) body.splice(Math.floor(random() * (body.length + 1)), 0, part);
  const text = body.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1) + pick(random, [".", "!", "?", "...", ""]);
}

type Label = "APPROVE" | Reason;
const SHARES: [Label, number][] = [["APPROVE", 0.64], ["ABUSIVE", 0.15], ["NATIONALIST", 0.08], ["SPAM", 0.06], ["OFF_TOPIC", 0.05], ["OTHER", 0.02]];

function drawLabel(random: () => number): Label {
  let roll = random();
  for (const [label, share] of SHARES) {
    if (roll < share) return label;
    roll -= share;
  }
  return "APPROVE";
}

function textFor(random: () => number, label: Label, progress: number): string {
  const length = 6 + Math.floor(random() * 30);
  switch (label) {
    case "APPROVE":
      return compose(random, random() < 0.1 ? [pick(random, QUOTED)] : [], length);
    case "ABUSIVE":
      return compose(random, random() < 0.6 ? [pick(random, TARGETS), pick(random, INSULTS)] : [pick(random, INSULTS)], length);
    case "NATIONALIST":
      return compose(random, [`${pick(random, NATIONS)} ${pick(random, NATION_HATE)}`], length);
    case "SPAM":
      return compose(random, [pick(random, progress < 0.6 ? SPAM_EARLY : SPAM_LATE)], Math.floor(length / 3));
    case "OFF_TOPIC":
      return compose(random, [pick(random, OFF_TOPIC)], Math.floor(length / 4));
    case "OTHER":
      return compose(random, [pick(random, PERSONAL)], length);
  }
}

export interface GenerateOptions {
  count: number;
  seed?: number;
  /** Decision time of the first example; one every `spacingMs` after it. */
  start?: Date;
  spacingMs?: number;
  /** Share of labels that disagree with the text. */
  noise?: number;
}

export function generateLabelledComments(options: GenerateOptions): TrainingExample[] {
  const random = mulberry32(options.seed ?? 2015);
  const start = (options.start ?? new Date("2015-01-01T00:00:00Z")).getTime();
  const spacing = options.spacingMs ?? 60_000;
  const noise = options.noise ?? 0.06;
  return Array.from({ length: options.count }, (_, index) => {
    const written = drawLabel(random);
    const text = textFor(random, written, index / Math.max(1, options.count));
    // The label a moderator gave: usually what the text deserves, sometimes not.
    const label: Label = random() < noise ? (written === "APPROVE" ? pick(random, ["ABUSIVE", "OTHER"] as const) : "APPROVE") : written;
    return { text, action: label === "APPROVE" ? "APPROVE" : "HIDE", reason: label === "APPROVE" ? null : label, decidedAt: new Date(start + index * spacing) };
  });
}
