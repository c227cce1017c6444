// REGEX patterns of the default pack for promotion and scams: the advertising, "subscribe to my
// channel" and "WhatsApp this number" comments the guidelines call spam. A comment section's spam
// rarely carries two links (spam-links) or repeats itself within one comment (spam-repetition): it
// asks to be contacted, followed or paid. Written from the guidelines and the usual shapes of comment
// spam on South Asian news sites (money from home, love-problem "specialists"), not from any thread.
// They run on normalized text (lowercase, single spaces, no punctuation; a number keeps its digits).
import { alt, words } from "./default-pack-vocabulary";

/** What a promoter asks readers to follow, visit or subscribe to. */
const OUTLETS = words(`channel, page, blog, website, site, profile, video, videos, vlog, account, insta, instagram, youtube,
  youtube channel, tiktok, facebook page, fb page, group, telegram, telegram channel, whatsapp group, store, shop`);

const PLEASE = "(?:please |pls |plz |kindly |do |must |also )?";

/**
 * A phone number: ten or more digits in one run, a trunk prefix and the rest ('0300 1234567'), or a
 * country code and groups ('+91 98765 43210'); never a row of years ('2019 2020 2021').
 */
const PHONE = "(?:\\d{10,13}|0\\d{2,4} \\d{6,8}|(?:91|92|44|1|880|971|966|61) \\d{2,5}(?: \\d{2,8}){1,2})";

/** 'subscribe to my channel', 'check out my blog', 'follow me on instagram', 'link in bio'. */
function followPhrases(): string {
  const outlet = `(?:my|our)(?: new| latest| official| own)? ${alt(OUTLETS)}`;
  return [
    `${PLEASE}(?:subscribe|sub|like and subscribe|like share and subscribe|like share subscribe) (?:to )?${outlet}`,
    `${PLEASE}(?:follow|add) (?:me|us) on (?:instagram|insta|twitter|x|facebook|fb|tiktok|snapchat|youtube|telegram)`,
    `${PLEASE}(?:check out|visit|watch) ${outlet}`,
    // 'join our group' alone is also how fans talk about a cricket table: only a platform's group is an ask.
    `${PLEASE}join (?:my|our)(?: new| official)? (?:whatsapp|whats app|telegram|facebook|fb|signal|discord) (?:group|channel)`,
    "link in (?:my |the )?bio",
  ].join("|");
}

/** 'whatsapp me at 0300…', 'call now 98765…', 'contact us on +44…': an invitation with a number. */
function contactPhrases(): string {
  const channel = "(?:whatsapp|whats app|watsapp|call|contact|text|sms|dm|inbox|ring|mobile|cell|phone|contact number|call now|call us|call me)";
  return `${channel}(?: me| us| now| today| anytime| at| on| no| number| plus)* ${PHONE}`;
}

/** 'part time job', 'home based work', 'work from home job': a job that is offered, not a job in the news. */
const JOB_OFFER = "(?:part time|part timer|home based|work from home|online part time|mobile|android|digital india)(?: online| home)? (?:job|jobs|work)";

/** 'without any investment', 'no investment required', 'zero registration fees'. */
const NO_INVESTMENT = "(?:no|without|without any|zero|bina|bina kisi)(?: registration)? (?:investment|registration|registration fee|registration fees|joining fee)";

/**
 * Money for nothing: 'earn from home', 'you can earn 5000', 'guaranteed profit', 'crypto signals'.
 * Not 'farmers earn 100 rupees a day': an amount per day is poverty talk unless someone is offering it.
 */
function moneyPhrases(): string {
  const home = "(?:from home|online|sitting at home|ghar baithe|without investment|with no investment)";
  const amount = "(?:rs |inr |pkr |usd )?\\d+";
  // 'make' an amount is money only with a currency or a rate: 'anyone can make 100 on this pitch' is cricket.
  const money = "(?:(?:rs|inr|pkr|usd) \\d+|\\d+(?: k| thousand| lakh| lakhs)? (?:rs|rupees|rupay|dollars|usd|pkr|inr|per day|a day|daily|per week|a week|weekly|per month|a month|monthly|every day|every week|every month))";
  return [
    `(?:earn|earning|make|making) (?:money|cash|extra money|extra cash|extra income|passive income|dollars|\\d+(?: \\w+)?) ${home}`,
    `(?:you can|anyone can|everyone can|start|easily) (?:earn|earning)(?: upto| up to| over| around| easily| extra)? ${amount}`,
    `(?:you can|anyone can|everyone can|start|easily) (?:make|making)(?: upto| up to| over| around| easily| extra)? ${money}`,
    `earn(?: money| extra money| cash)? (?:upto|up to) ${amount}`,
    // 'earn daily 400 to 500': the period before a range of amounts is how a job advert puts it
    // ('farmers earn 300 a day' and 'they earn daily 300 only' are not).
    `earn(?:ing)? (?:daily|weekly|monthly|per day|per week|per month) ${amount} (?:to )?${amount}`,
    // The job offered at no cost to join, said in one breath: 'part time job without investment';
    // not 'he left his part time job as there was no investment'.
    `${JOB_OFFER}(?: and| with| earn| earn money)? ${NO_INVESTMENT}`,
    `make (?:upto|up to) ${money}`,
    "ghar baithe (?:kamao|kamaye|kamaen|kamaiye|paise|paisa|earning|earn)",
    "(?:work|job|jobs) from home (?:opportunity|offer|available|for everyone|for students|for housewives)",
    "(?:guaranteed|assured) (?:profit|profits|returns|income|earning|earnings)",
    "(?:crypto|bitcoin|forex|binary|trading) (?:signals|investment plan|investment scheme|account manager)",
    "(?:free|cheap) (?:followers|likes|recharge|gift card|gift cards|iphone)",
    "(?:promo|discount|coupon|referral) code",
    "(?:limited time|exclusive) offer",
    // Not 'no family can buy now at these prices': 'buy now' is an ad only with what the ad promises.
    "(?:order|shop) now (?:at|from|on|and get|using)",
    "buy now (?:and get|using)",
    "(?:click|tap) (?:here|on this link|on the link|the link below|link below)",
  ].join("|");
}

/** The love-problem and black-magic "specialists" that fill Indian and Pakistani comment sections. */
function specialistPhrases(): string {
  return [
    "vashikaran", "vashikaran specialist", "amil baba", "amil bangali", "kala jadu specialist", "kala jadoo specialist",
    "black magic (?:specialist|expert|removal)",
    "(?:love|marriage|love marriage|divorce|husband wife|ex love|lost love) (?:problem )?(?:specialist|solution|expert)",
    "get your (?:ex|lost love|love) back",
  ].join("|");
}

export function promotionPattern(): string {
  return `\\b(?:${followPhrases()}|${contactPhrases()}|${moneyPhrases()}|${specialistPhrases()})\\b`;
}

/** Speed gate: a word every promotion phrase contains. */
export const PROMOTION_GATE = words(`subscribe, sub, follow, add me, add us, check out, visit, watch, join, bio, whatsapp, whats app, watsapp,
  call, contact, text, sms, dm, inbox, ring, mobile, cell, phone, earn, earning, make, making, ghar baithe,
  work, job, jobs, guaranteed, assured, crypto, bitcoin, forex, binary, trading, free, cheap, promo, discount, coupon,
  referral, limited, exclusive, buy, order, shop, click, tap, vashikaran, amil, kala, black magic, specialist, solution,
  expert, get your`);
