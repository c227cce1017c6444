// Sentences written for Moddesk's own quality test (lib/quality/guideline-cases.test.ts), one group
// per distinction of ../shared/corpus/GUIDELINES.md. Written by the project's authors: nothing here
// comes from the corpus or the public datasets. The test holds a minimum share right per group, so
// rules and the model can improve without rewriting it.
import type { QualityLabel } from "@/lib/detect/quality/labelled-record";

export interface GuidelineCaseGroup {
  name: string;
  /** caught: a nationalist or abusive flag must fire. spam: a spam flag must. clean: no flag of any kind may fire. */
  expect: "caught" | "spam" | "clean";
  labels: QualityLabel[];
  cases: string[];
}

export const GUIDELINE_CASE_GROUPS: GuidelineCaseGroup[] = [
  {
    name: "group generalization", expect: "caught", labels: ["nationalist"],
    cases: [
      "Indians are all liars, every single one of them.",
      "Pakistanis are born cheats, it is in their blood.",
      "Every Afghan is a thief waiting for a chance.",
      "Typical Bangladeshis, they only know how to steal jobs.",
      "Muslims are all the same, fanatics from birth.",
      "Hindus are cowards, always were and always will be.",
      "You can never trust a Chinese, they are all spies.",
      "These Punjabis are a nation of loudmouth frauds.",
      "Americans are stupid people who know nothing of the world.",
      "Kashmiris are ungrateful traitors to the core.",
    ],
  },
  {
    name: "dehumanization", expect: "caught", labels: ["nationalist"],
    cases: [
      "Pakistanis are rats breeding in their holes.",
      "Indians are vermin, nothing more.",
      "Those Afghans are animals and should be treated like animals.",
      "Biharis are a plague spreading over every city.",
      "The Rohingya are cockroaches crawling across our border.",
      "Muslims multiply like termites eating the country from inside.",
      "Hindus are a herd of cattle who follow anyone.",
      "Pashtuns are savages who never left the cave.",
      "Bengalis are parasites living off the rest of us.",
      "Those Chinese are insects, swarming everywhere.",
    ],
  },
  {
    name: "legitimacy denial", expect: "caught", labels: ["nationalist"],
    cases: [
      "Pakistan is not a real country, just a mistake of 1947.",
      "India was never a nation, only a British invention that should be broken into pieces.",
      "Bangladesh has no right to exist as a country.",
      "Pakistan should be erased from the map and never spoken of again.",
      "There is no such thing as an Afghan nation, just tribes with a flag.",
      "Israel is a fake state that should not exist.",
      "India should be broken up into twenty small states, it deserves no unity.",
      "Pakistan is a failed state that never deserved independence.",
    ],
  },
  {
    name: "call for violence", expect: "caught", labels: ["nationalist"],
    cases: [
      "Nuke Pakistan and be done with it.",
      "India should be wiped off the face of the earth.",
      "Kill all Muslims and the problem is solved.",
      "Drop a bomb on Lahore, they all deserve it.",
      "Send every Bangladeshi back across the border with a stick.",
      "Those Hindus should be burnt alive in their temples.",
      "Time to flatten Karachi and teach them a lesson.",
      "Line up every Afghan refugee and shoot them.",
      "Wipe out the whole lot of Pakistanis, women and children too.",
      "Death to India, death to every Indian.",
    ],
  },
  {
    name: "religion contempt", expect: "caught", labels: ["nationalist"],
    cases: [
      "Islam is a disease and its followers are the symptoms.",
      "Hinduism is a joke, they worship cows and drink their urine.",
      "Their religion teaches nothing but murder, every believer is a danger.",
      "Sikhs and their silly turbans, what a backward religion.",
      "Christians are brainwashed sheep following a fairy tale.",
      "Only an idiot would pray to stone idols like the Hindus do.",
      "The Quran is a manual for terror and Muslims are its soldiers.",
      "Every Hindu festival is an excuse for filth and noise.",
    ],
  },
  {
    name: "poverty taunt", expect: "caught", labels: ["nationalist"],
    cases: [
      "Pakistan has a begging bowl instead of an economy.",
      "Indians should build toilets before building rockets.",
      "Bhookay Pakistanis can't even afford flour and they talk about Kashmir.",
      "Go back to your country and beg for another IMF loan.",
      "India, where half the people still defecate in the open, wants to be a superpower.",
      "Starving Afghans will sell their own mothers for bread.",
      "Bangladesh survives on charity, a nation of beggars.",
      "Pakistan can't feed its people but has nukes, what a joke of a country.",
    ],
  },
  {
    name: "personal insult", expect: "caught", labels: ["abusive"],
    cases: [
      "You are an idiot and everyone here knows it.",
      "Shut up you moron, nobody asked you.",
      "What a pathetic loser you are, go cry somewhere else.",
      "The author is a brainless clown who should stop writing.",
      "Tu chutiya hai, kuch nahi pata tujhe.",
      "You stupid fool, read the article before you comment.",
      "Only a dumbass would write something this bad.",
      "You are a disgusting liar and a coward.",
      "Abey ullu ke patthe, pehle padh le.",
      "This commenter is a complete imbecile.",
    ],
  },
  {
    name: "profanity", expect: "caught", labels: ["abusive"],
    cases: [
      "What the fuck is wrong with this selector?",
      "This is total bullshit and you know it.",
      "Fuck off with your propaganda.",
      "Go to hell with your stupid theories.",
      "The minister is a bastard and a thief.",
      "Bhenchod, how can they drop him again?",
      "Piece of shit article, written by a paid hack.",
      "Holy shit, what a shitty decision by the umpire.",
    ],
  },
  {
    name: "romanized Urdu/Hindi insult", expect: "caught", labels: ["abusive"],
    cases: [
      "Oye jahil, tujhe cricket ka kuch nahi pata.",
      "Tum jaise gadhe hi aisi baatein karte hain.",
      "Apni aukat mein reh kar baat kar.",
      "Teri aukat nahi hai humse behes karne ki.",
      "Abey kamine, chup kar ke baith.",
      "Beghairat insaan, sharam kar.",
      "Tu pagal hai kya? Doob maro.",
      "Feku ke bhakton ko sab theek lagta hai.",
    ],
  },
  {
    name: "slur nickname for a people", expect: "caught", labels: ["nationalist"],
    cases: [
      "Porkistan is crying again after the match.",
      "These sanghis will believe anything on WhatsApp.",
      "Pigistan cannot even pay its electricity bill.",
      "Street shitters lecturing us about hygiene, what a joke.",
      "Bloody katuas, always playing the victim.",
      "Libtards and presstitutes are writing the same story.",
      "Gobar bhakts cheering as usual.",
      "Atankistan sent its boys across the border again.",
    ],
  },
  {
    name: "promotion and scams", expect: "spam", labels: ["spam"],
    cases: [
      "Please subscribe to my YouTube channel for match highlights every day.",
      "Follow me on Instagram, I post the best cricket memes.",
      "Check out my blog for the real story behind this.",
      "Need a visa fast? WhatsApp 0333 9876543 anytime.",
      "Work from home opportunity, earn money online without investment.",
      "You can earn upto 30000 a week, message me to join.",
      "Love marriage specialist, get your ex back in 24 hours.",
      "Guaranteed returns on bitcoin, join my group today.",
      "Part time job with no investment, reply JOB to get started.",
      "Earn daily 1000 to 2000 from your phone, registration free.",
    ],
  },
  {
    name: "money, calls and channels in a normal comment", expect: "clean", labels: [],
    cases: [
      "Daily wage workers in Karachi earn barely enough for flour.",
      "The board will make money from the broadcast deal, not the players.",
      "Someone should call the umpire's decision what it is: a mistake.",
      "I read his blog for years before he became a minister.",
      "The helpline was flooded with calls after the floods.",
      "Follow the money trail and you will find who benefits.",
      "The channel showed the whole press conference live.",
      "He won awards in 2011 2015 and 2019, a remarkable career.",
      "My cousin left her part time job because there was no investment in the shop.",
      "Masons earn 800 to 1000 a day now, still not enough for rent.",
    ],
  },
  {
    name: "mild rudeness", expect: "clean", labels: [],
    cases: [
      "What nonsense, get real.",
      "This article is a waste of time.",
      "Come on, that is a silly argument.",
      "Rubbish analysis, the writer clearly never watched the match.",
      "Please stop repeating the same point over and over.",
      "That is the worst take I have read all week.",
      "Seriously? Did anyone proofread this?",
      "Nobody cares about your opinion on the toss.",
    ],
  },
  {
    name: "criticism of a government, army or politician", expect: "clean", labels: [],
    cases: [
      "The Pakistani government has failed its people for decades and should resign.",
      "The Indian army's conduct in the valley deserves an independent inquiry.",
      "Modi's economic policy has been a disaster for small traders.",
      "Imran Khan made promises he never intended to keep.",
      "The ISI has meddled in politics for far too long.",
      "The Indian government lies about inflation figures every quarter.",
      "Pakistan's generals care more about their businesses than about the border.",
      "The Bangladeshi government crushed the protests with shameful force.",
      "This minister is incompetent and should be sacked tomorrow.",
      "The Chinese government's treatment of dissidents is brutal.",
    ],
  },
  {
    name: "counter-speech", expect: "clean", labels: [],
    cases: [
      "Calling Pakistanis rats is disgusting, they are people like us.",
      "Stop saying all Indians are liars, that is plain bigotry.",
      "Blaming every Muslim for one attacker is wrong and you know it.",
      "Hating Hindus will not bring back a single victim.",
      "People who call Bangladeshis beggars should look at their own streets.",
      "No religion deserves to be called a disease, this comment section is shameful.",
      "We have more in common with Pakistanis than these hate-filled comments admit.",
      "Generalizing a whole nation as terrorists is exactly what extremists want.",
    ],
  },
  {
    name: "quoting to condemn", expect: "clean", labels: [],
    cases: [
      "The speaker said 'Pakistan should be wiped out' and was rightly arrested.",
      "He wrote that Indians are vermin, and the paper should never have printed it.",
      "A man shouting 'kill all Muslims' was filmed at the rally; this has to be prosecuted.",
      "Posters saying 'Hindus go back' appeared overnight and the mayor condemned them.",
      "When a politician calls a whole people animals, journalists must call it hate speech.",
      "The chant 'death to India' at the match was disgraceful and the board apologised.",
      "Reporting that he called Afghans parasites is not the same as agreeing with him.",
      "The tweet calling Bangladesh a nation of beggars was deleted after the outrage.",
    ],
  },
  {
    name: "negation", expect: "clean", labels: [],
    cases: [
      "Pakistanis are not terrorists, most of them suffer from terrorism more than anyone.",
      "Indians are not dirty, that stereotype is decades out of date.",
      "Muslims are not the enemy here.",
      "I don't hate Hindus, I hate the violence on both sides.",
      "Nobody should call Afghans animals.",
      "Bengalis are not beggars, their economy has grown faster than ours.",
      "Christians in Pakistan are not traitors, they built half our schools.",
      "No, the Chinese are not all spies.",
    ],
  },
  {
    name: "fact about terrorism", expect: "clean", labels: [],
    cases: [
      "Terrorist attacks in Pakistan killed thousands of civilians in the last decade.",
      "The Mumbai attacks were carried out by ten terrorists who came by sea.",
      "India and Pakistan both list groups as terrorist organisations.",
      "The report counts terrorist incidents in Afghanistan by province.",
      "Several terrorist groups operate across the Pakistan–Afghanistan border, the UN says.",
      "After the attack, Indian police arrested three suspected terrorists.",
      "Terrorism in Kashmir fell sharply after the ceasefire.",
      "The FATF kept Pakistan on its grey list over terror financing.",
    ],
  },
  {
    name: "patriotic pride", expect: "clean", labels: [],
    cases: [
      "Proud to be Pakistani on a day like this, well played boys!",
      "Jai Hind! What a performance by our team.",
      "India's space programme makes every Indian proud.",
      "Pakistan Zindabad, our bowlers were magnificent.",
      "I love my country and I want it to do better for its poor.",
      "Bangladesh has come so far since 1971, proud of my people.",
      "Long live Sri Lanka, a small island with a big heart.",
      "Nothing beats watching the flag go up at the Wagah border.",
    ],
  },
];

/** A hostile sentence and the same sentence spelled to dodge a filter: each variant must score like the plain text. */
export interface EvasionCase {
  plain: string;
  variants: { how: string; text: string }[];
}

export const EVASION_CASES: EvasionCase[] = [
  {
    plain: "You are an idiot.",
    variants: [
      { how: "leetspeak", text: "You are an 1d10t." },
      { how: "zero-width", text: "You are an id\u200Biot." },
      { how: "homoglyphs", text: "You are an \u0456di\u043Et." },
      { how: "spacing", text: "You are an i d i o t." },
      { how: "stretching", text: "You are an idiooooot." },
      { how: "fullwidth", text: "You are an \uFF49\uFF44\uFF49\uFF4F\uFF54." },
      { how: "edge leetspeak", text: "You are an !d!0t." },
      { how: "letters swapped", text: "You are an idoit." },
      { how: "dot inside", text: "You are an idi.ot." },
      { how: "mask", text: "You are an id*ot." },
      { how: "mask and leetspeak", text: "You are an 1d#ot." },
    ],
  },
  {
    plain: "Tu chutiya hai.",
    variants: [
      { how: "leetspeak", text: "Tu chut1ya hai." },
      { how: "zero-width", text: "Tu chu\u200Dtiya hai." },
      { how: "spacing", text: "Tu c h u t i y a hai." },
      { how: "punctuation", text: "Tu chu.ti.ya hai." },
      { how: "mask", text: "Tu ch_tiya hai." },
    ],
  },
  {
    plain: "Get lost, you bastard.",
    variants: [
      { how: "letter dropped", text: "Get lost, you bastrd." },
      { how: "letters swapped", text: "Get lost, you basatrd." },
      { how: "mask and leetspeak", text: "Get lost, you b@st*rd." },
    ],
  },
  {
    plain: "You are a slut.",
    variants: [
      { how: "spacing", text: "You are a s l u t." },
    ],
  },
  {
    plain: "तुम कुत्ते हो।",
    variants: [
      { how: "zero-width", text: "तुम कु\u200Dत्ते हो।" },
      { how: "zero-width", text: "तुम कुत्\u200Cते हो।" },
    ],
  },
  {
    plain: "Porkistan will never change.",
    variants: [
      { how: "leetspeak", text: "P0rk1stan will never change." },
      { how: "homoglyphs", text: "P\u043Erkist\u0430n will never change." },
      { how: "spacing", text: "P o r k i s t a n will never change." },
      { how: "case", text: "pORKISTAN will never change." },
      { how: "letter dropped", text: "Porkstan will never change." },
    ],
  },
  {
    plain: "Pakistanis are vermin.",
    variants: [
      { how: "leetspeak", text: "Pak1stanis are v3rmin." },
      { how: "zero-width", text: "Pakistanis are ver\u200Bmin." },
      { how: "homoglyphs", text: "Pakistanis are v\u0435rmin." },
      { how: "stretching", text: "Pakistanis are vermiiiin." },
    ],
  },
  {
    plain: "What the fuck is this.",
    variants: [
      { how: "leetspeak", text: "What the f*ck is this." },
      { how: "spacing", text: "What the f u c k is this." },
      { how: "zero-width", text: "What the fu\u200Cck is this." },
    ],
  },
];
