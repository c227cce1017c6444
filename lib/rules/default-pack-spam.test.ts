import { describe, expect, it } from "vitest";
import { compileRules } from "@/lib/detect/compile-rules";
import { evaluateComment } from "@/lib/detect/evaluate-comment";
import { defaultRulePack } from "./default-pack";

// Sentences written for this test: the promotion and scam shapes the guidelines call spam, and the
// everyday comments that share their words (money, calls, channels) and must stay unflagged.
const pack = defaultRulePack().filter((rule) => rule.kind !== "CLASSIFIER");
const set = compileRules(pack.map((rule, index) => ({ ...rule, id: `default-${index}`, version: 1 })));
const spamRules = (body: string) => evaluateComment(set, { body }).filter((flag) => flag.category === "SPAM").map((flag) => flag.ruleName);

describe("spam-promotion", () => {
  it.each([
    "Friends please subscribe to my YouTube channel for daily match analysis",
    "Like share and subscribe to our official page!!",
    "Follow me on Insta for more memes",
    "Do check out my new blog, link in bio",
    "For admission details WhatsApp 0321 7654321 today",
    "Genuine visa help, call now +44 7700 900123",
    "Contact no 9812345678 for the best rates",
    "Earn money from home, no experience needed",
    "Anyone can earn upto 40000 every month, just message me",
    "You can make 5000 rupees a day from your phone, DM now",
    "Easily make rs 20000 weekly with our app",
    "Ghar baithe kamao, join our group",
    "Guaranteed profit on crypto signals, 100% genuine",
    "Use referral code SIXER99 to get a bonus",
    "Join our WhatsApp group for daily betting tips",
    "Shop now at our store and get 50% off",
    "Vashikaran specialist baba, get your lost love back in 48 hours",
    "Love problem solution by Amil Baba, one call solves everything",
    "PART TIME ONLINE JOB WITHOUT ANY INVESTMENT!! message us to start",
    "Home based work, zero investment, type YES and send",
    "Work from home job no registration fees, students and housewives welcome",
    "Digital India job earn money without investment",
    "Earn daily 700 to 900 from your mobile in two hours",
    "Housewives earn weekly rs 3000-5000 with this app",
    "Students can earn money upto 30000 every month with one app",
  ])("flags %j", (body) => {
    expect(spamRules(body)).toContain("spam-promotion");
  });

  it.each([
    "Labourers in Sindh earn less than 500 rupees a day and nobody in Islamabad cares.",
    "He should call the selectors and ask why he was dropped.",
    "The PCB will make money from this series whatever the result.",
    "I watched their channel's coverage of the final, it was biased.",
    "Pakistan won in 1992 2009 2017 and still the board is a mess.",
    "Check out the scorecard: Babar made 120 off 110.",
    "Follow the money and you will find who funded the protest.",
    "Whatsapp forwards are spreading this lie faster than the news can correct it.",
    "Buy now or wait, petrol prices will go up after the budget anyway.",
    "Anyone can make 100 runs on this flat pitch, the bowlers have no chance.",
    "Babar will easily make 100 today if the openers give him a start.",
    "You can make 180 on this wicket if you bat sensibly.",
    "The helpline number was busy all night, said the victims' families.",
    "If India lose tonight they join our group for the Super 8 and it gets tough.",
    "No family can buy now at these prices, the budget has made sure of that.",
    "He lost his part time job because there was no investment in the mill.",
    "There will be no jobs without investment in the textile sector.",
    "Part time work is all students can find, and there is zero investment in skills.",
    "Daily wagers earn daily 300 only, how will they pay these bills?",
    "Brick kiln workers earn 400 to 500 a day and the owners keep the rest.",
    "The minister says the scheme will earn 500 crore for the province.",
  ])("leaves %j alone", (body) => {
    expect(spamRules(body)).toEqual([]);
  });

  it("sees a number through the spelling it is written in ('+91-98123-45678')", () => {
    expect(spamRules("whatsapp me: +91-98123-45678")).toContain("spam-promotion");
  });
});
