// Clean training rows the project wrote itself (never corpus or dataset text): the kinds of harmless
// comment the model flagged on threads it had not seen (docs/quality.md, "flags9"): animals in the
// news, counter-speech that names the insult it rejects, reports and condemnation of communal
// violence, neutral facts about peoples and religions, plain disagreement. Each template is filled
// with every group or place of its slot list, so the rows teach the construction, not one group.
// Both heads learn them as 0. Measured as the training variants `written-x1`, `written-x4`
// (scripts/model/variants.ts) and not shipped: docs/quality.md, "flags9".
import type { LabelledText } from "./training-sources";

const GROUPS = ["Muslims", "Hindus", "Sikhs", "Christians", "Pakistanis", "Indians", "Bangladeshis", "Afghans", "refugees", "migrants", "Ahmadis", "Dalits", "Tamils", "Kashmiris", "Biharis", "Chinese people"];
const PLACES = ["Lahore", "Karachi", "Delhi", "Mumbai", "Hyderabad", "Chennai", "Dhaka", "Peshawar", "Kolkata", "Quetta", "Bengaluru", "Multan"];
const ANIMALS = ["Stray dogs", "A pack of dogs", "Monkeys", "A leopard", "Rats", "Wild boars", "A stray bull", "Pigs", "Snakes", "Crows"];

/** `{g}` takes every group, `{p}` every place, `{a}` every animal phrase. */
const TEMPLATES: readonly string[] = [
  // Animals in the news: the words the ABUSIVE head reads as insults, used literally.
  "{a} bit two schoolchildren near the bus stand in {p} this morning.",
  "{a} attacked a woman outside her house in {p}, and the municipality has promised action.",
  "Residents of {p} complain that {a} roam the streets at night and nobody picks up the garbage.",
  "The city of {p} started a vaccination drive after {a} injured several people last week.",
  "The forest department caught {a} that had wandered into a colony in {p}.",
  "Farmers near {p} say {a} destroyed their crops and they want compensation.",
  // Counter-speech: the insult is named to be rejected.
  "Stop calling {g} a burden, they are our neighbours and they pay taxes like everyone else.",
  "{g} are human beings, not a problem to be solved, and they deserve the same rights.",
  "It is bigotry to blame all {g} for what a handful of criminals did.",
  "Calling {g} traitors or invaders is hate speech and the channel should apologise.",
  "I am tired of people spreading lies about {g} on social media to win votes.",
  "Nobody should be attacked for being one of the {g}, and the police must protect them.",
  "Hatred against {g} has no place in a decent society, whatever the politicians say.",
  "My friends who are {g} have faced abuse online and it is shameful that nobody stops it.",
  // Reports and condemnation of violence against a group.
  "A mob in {p} beat a man to death on a rumour, and the victim's family is still waiting for justice.",
  "The riots in {p} left many {g} homeless and the relief camps are overcrowded.",
  "The killing of innocent {g} in {p} must be condemned by every political party.",
  "Hundreds of {g} were killed in the violence of that year and the survivors still remember it.",
  "The people who lynched him should be tried and punished under the law.",
  "Journalists in {p} reported that the attackers burned shops owned by {g}.",
  "Partition cost millions of lives on both sides and the trauma lasted for generations.",
  // Neutral facts and news about peoples, states and religions.
  "{g} make up a sizeable part of the population of {p} according to the last census.",
  "Many {g} moved to {p} for work during the last twenty years.",
  "The {g} of {p} celebrated the festival with lights and sweets this weekend.",
  "Pakistan and India should open trade through the Wagah border again.",
  "The talks between China and India on the border are expected to resume next month.",
  "The report says {g} in {p} have lower access to bank loans than the average.",
  "Bangladesh grew faster than Pakistan last year according to the World Bank.",
  // Disagreement and criticism, no insult.
  "You could not be more wrong about the figures, please read the report again.",
  "I respectfully disagree with you, the policy helped the farmers in {p}.",
  "Your argument ignores what happened in {p} in the nineties.",
  "The media coverage of the attack in {p} was irresponsible and put lives at risk.",
  "The government failed the {g} of {p} and the minister should resign.",
  "Politics in this country is just a blame game and nothing ever changes.",
];

function fill(template: string): string[] {
  const slots: [string, readonly string[]][] = [["{g}", GROUPS], ["{p}", PLACES], ["{a}", ANIMALS]];
  let texts = [template];
  for (const [slot, values] of slots) {
    if (!template.includes(slot)) continue;
    texts = texts.flatMap((text) => values.map((value) => text.replaceAll(slot, value)));
  }
  // A capital at the start, whatever filled it.
  return texts.map((text) => text.charAt(0).toUpperCase() + text.slice(1));
}

/** Every template filled with every value of its slots (a few thousand rows at most), both heads 0. */
export function writtenCleanRows(): LabelledText[] {
  return TEMPLATES.flatMap(fill).map((text) => ({ text, source: "written", targets: [0, 0] as [number, number] }));
}
