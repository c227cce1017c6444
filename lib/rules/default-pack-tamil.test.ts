import { describe, expect, it } from "vitest";
import { compileRules } from "@/lib/detect/compile-rules";
import { evaluateComment } from "@/lib/detect/evaluate-comment";
import { defaultRulePack } from "./default-pack";

// Tamil (script and romanized) on sentences written for this test, never copied from the corpus:
// for each rule a hostile case that fires and a benign near-miss that must not.
const set = compileRules(defaultRulePack().filter((rule) => rule.kind !== "CLASSIFIER").map((rule, index) => ({ ...rule, id: `default-${index}`, version: 1 })));
const flagsOf = (body: string) => evaluateComment(set, { body });
const rulesOf = (body: string) => flagsOf(body).map((flag) => flag.ruleName);

describe("nationalist-tamil-attack-call", () => {
  it.each([
    "நாம் சீனாவை நசுக்க வேண்டும்",
    "ஒரே நாளில் பாகிஸ்தானை தரைமட்டமாக்கணும்",
    "எதிரிகளை அடித்து நொறுக்கி பாடம் புகட்ட வேண்டும்",
    "அந்த நாட்டையும் விட்டு வைக்காமல் வங்கதேசத்தை கைப்பற்ற வேண்டும்",
  ])("flags a call to crush, raze or annex a state: %s", (body) => {
    expect(rulesOf(body)).toContain("nationalist-tamil-attack-call");
  });

  it.each([
    "இந்திய அணி பாகிஸ்தானை அடித்து நொறுக்க வேண்டும்",
    "பாகிஸ்தான் நேற்று எல்லையில் தாக்கியது",
    "ஆதார் எண்ணை பான் கார்டுடன் இணைக்க வேண்டும்",
    "சீனாவை நம்பி இருக்காமல் நாம் உற்பத்தியை உயர்த்த வேண்டும்",
  ])("leaves sport, a report and an ordinary obligation alone: %s", (body) => {
    expect(rulesOf(body)).not.toContain("nationalist-tamil-attack-call");
  });
});

describe("nationalist-tamil-contempt", () => {
  it.each([
    "வங்கதேசம் ஒரு திருட்டு நாடு",
    "சீனர்கள் எல்லாரும் குள்ளநரிகள் தான்",
    "அவங்க பிச்சை எடுக்கற நிலைமையில பாகிஸ்தான் இருக்கு",
    "சீன நரி மீண்டும் வேலையைக் காட்டுகிறது",
  ])("flags a people or state called thieves, foxes or beggars: %s", (body) => {
    expect(rulesOf(body)).toContain("nationalist-tamil-contempt");
  });

  it.each([
    "பாகிஸ்தானின் கோழைத்தனமான தாக்குதலை அரசு கண்டித்தது",
    "எங்கள் தெருவில் திருடர்கள் அதிகமாகிவிட்டனர்",
    "சீன பொருட்களின் விலை இந்த ஆண்டு உயர்ந்தது",
    "நரிக்குறவர் சமூகத்தினருக்கு பாகிஸ்தான் எல்லை பற்றி தெரியாது",
  ])("leaves condemnation, thieves with no people and ordinary words alone: %s", (body) => {
    expect(rulesOf(body)).not.toContain("nationalist-tamil-contempt");
  });
});

describe("Tamil slurs and insults with their endings", () => {
  it.each([
    ["சங்கிங்க எல்லாம் இங்கே வந்துட்டாங்க", "nationalist-tamil-slurs"],
    ["இந்த சங்கிகளுக்கு வேற வேலை இல்ல", "nationalist-tamil-slurs"],
    ["காசு வாங்கின உபிஸ் கூட்டம் வந்தாச்சு", "nationalist-tamil-slurs"],
    ["அந்த மூர்க்கணை நம்ப முடியாது", "nationalist-tamil-slurs"],
    ["அந்த கூத்தாடி அரசியலுக்கு வரக்கூடாது", "abusive-tamil-insults"],
  ])("flags %s", (body, rule) => {
    expect(rulesOf(body)).toContain(rule);
  });

  it.each([
    "லண்டனில் பக்கிங்காம் அரண்மனையை பார்த்தோம்",
    "உ.பி. முதல்வர் இன்று சென்னை வந்தார்",
    "உபி அரசின் புதிய திட்டம் அறிவிக்கப்பட்டது",
    "தெருக்கூத்து கலைஞர்கள் விழாவில் ஆடினர்",
    "சங்கிலியால் கட்டப்பட்ட நாய் குரைத்தது",
  ])("leaves a word that only shares a stem alone: %s", (body) => {
    expect(flagsOf(body)).toEqual([]);
  });
});

describe("abusive-tanglish-insults", () => {
  it.each(["dei loosu, news ah olunga padi", "summa muttal mathiri pesatha", "ivan oru porukki"])("flags romanized Tamil abuse: %s", (body) => {
    expect(rulesOf(body)).toContain("abusive-tanglish-insults");
  });

  it.each(["Loose talk from the minister again", "The muttalib family runs the shop", "The mayor spoke at the temple"])("leaves English near-misses alone: %s", (body) => {
    expect(rulesOf(body)).not.toContain("abusive-tanglish-insults");
  });
});
