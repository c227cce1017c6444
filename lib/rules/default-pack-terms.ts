// Term lists of the default rule pack. Written as general vocabulary of comment sections on
// South Asian news sites, not from any one thread. Matching is after normalization, so leet,
// homoglyph, spaced and stretched spellings need no entries; '*' is a prefix wildcard.

const words = (list: string): string[] => list.split(/[,\n]/).map((term) => term.trim()).filter(Boolean);

/** Insults that are abusive wherever they appear. */
export const ENGLISH_INSULTS = words(`
  idiot, idiots, idiotz, moron*, imbecile*, retard, retards, retarded, cretin*, dimwit*, nitwit*, halfwit*, numbskull*,
  nincompoop*, brainless, pea brain*, dumbass*, dumbfuck*, jackass*, asshole*, arsehole*, ass, asses,
  bastard*, bitch*, slut*, whore*, dickhead*, douche*, scumbag*, fuck*, fucker*, facking, fcking, fking,
  fuk, fuking, fukin, phuck*, shithead*, shit, shitty, shithole*, shit hole*, bullshit, piece of shit, son of a bitch, go to hell,
  stoopid, get lost you
`);

/** Abuse common in romanized Urdu/Hindi comments, and the nicknames that mock a named politician (feku, pappu). */
export const URDU_HINDI_INSULTS = words(`
  chutiya, chutiye, chutia, chutiyapa, chutiyon, chootiya, chootiye, chutiyo, chut, choot,
  gandu, gaandu, gandoo, gaand, gand mara, gaand mar*, haramzada, haramzade, haramzadi, haramzadey,
  harami, haraami, haramkhor*, haram khor*, kutta, kutte, kuttay, kutti, kutiya, kuttiya, kutton,
  kamina, kameena, kamine, kameene, kaminey, kamini, kameeni, kameenay, kaminay,
  suar, suwar, sooar, soor, suwwar, khanzeer, randi, randiya, randwa, rundi, randi rona, bhadwa,
  bhadwe, bhadve, bharwa, bharwe, bharway, bhadwaa, bhosdike, bhosdiwale, bhosadike, bhosri*, bhosdi*,
  lund, lauda, lavda, lawda, loda, lodu, laude, jhaat*, jhant*, tatti, ullu, ulloo, ullu ka pattha,
  ullu ka patha, ullu ke patthe, ullu ke pathe, saala, saale, saali, salay, saaley, kanjar, kanjri,
  kanjari, dalla, dalle, dallay, hijde, hijdey, chhinal, chinal, tharki, lanati, khabees, kamzarf, chudail, chudailo,
  chudailon, chudailein, randiyo, randiyon,
  beghairat, beghairt, begairat, be ghairat, bay ghairat, beghairti, beghairaton, lanat, laanat, lanatiyo, lanti, lantiyo,
  gashti*, phudi*, phuddi*, khusra, khusray, khusre, kanjeri, kanjar khana, kutto, kutton ke, kuttey, kutey, kute, kuty, kutya,
  haram ki aulad, kutte ki aulad, suar ki aulad, soor ki aulad, najayaz aulad, haram ki olad, kutte ki olad,
  bhaunk*, bhonk*, bhonkna, doob maro, doob mar, dub maro, doob ke mar*, chullu bhar pani,
  bsdk, bsdke, bosdk*, bhosdk*, bkl, mkc, tmkc, chodu, bakchod*, napunsak, phattu, dogla, dogle, doglapan, doglay,
  munafiq, munafiqon, munafiqo, tera baap, tere baap, tumhara baap, tumhare baap,
  deshdrohi*, desh drohi*, bhakto, bhakton,
  jahil, jaahil, jahilo, jahilon, jaahilon, gadha, gadhe, gadhey, gadhay, gadho, gadhon,
  feku, pappu
`);

/** The worst abuse: held for review before anyone sees it. */
export const SEVERE_ABUSE = words(`
  madarchod*, maderchod*, madarchood, madar chod, maa chod*, maa ki chut, teri maa ki, bhenchod*, behenchod*,
  bhanchod*, benchod*, bahenchod*, behnchod*, bhen chod, behen chod, bhencho, bhen ke lode, behen ke lode,
  motherfucker*, mother fucker*, cunt*, kill yourself, kill your self, kys, i will kill you, rape you
`);

/** Words that make an insult personal when near 'you'. */
export const SECOND_PERSON = words(`you, u, you re, youre, tu, tum, tujhe, tera, teri`);
export const PERSONAL_INSULTS = words(`
  stupid, dumb, fool, fools, pathetic, clown*, donkey, gadha, gadhe, khota, khotay, bewakoof, bewaqoof,
  jahil, jaahil, besharam, besharm, shameless, pig, swine, dog, rat, worm, filthy, disgusting, ugly, trash,
  garbage, liar, hypocrite, coward, traitor, dumbo, joker, loser, brainwashed, bootlicker*, boot licker*, lunatic, psycho,
  pervert, jerk, creep, buzdil, nalayak, nalaayak, badtameez, zaleel, zalil, ghatiya, chamcha, chamche
`);

/** Countries, nationalities, religions and ethnic groups (never flagged on their own). */
export const GROUP_TERMS = words(`
  india, indian*, hindustan*, bharat, pakistan*, afghan*, afghanistan, bangladesh*, bengali*,
  china, chinese, usa, america, american*, yankee*, israel*, jew, jews, jewish, zionist*, hindu*, muslim*,
  musalman*, mussalman*, sikh*, christian*, kashmiri*, punjabi*, sindhi*, pashtun*, pathan*, baloch*,
  bihari*, mohajir*, muhajir*, arab, arabs, saudi*, iran*, british, brits, the west, westerners,
  rohingya*, tamil*, nepali*, sri lankan*
`);

/** Insulting, dehumanizing or hostile words that make a group mention nationalist abuse. */
export const GROUP_HOSTILITY = words(`
  stupid, idiot*, moron*, dumb, fool, fools, ugly, dirty, dirtiest, filthy, filth, stinking, stinky, smelly,
  disgusting, coward, cowards, cowardly, traitor*, rats, rat, dogs, dog, pigs, pig, swine, monkeys, monkey,
  donkeys, cockroach*, vermin, termite*, parasite*, leech*, snake*, savage*, barbaric, barbarian*, animals,
  beasts, scum, trash, garbage, liar*, thieves, thief, cheat, cheats, cheaters, shameless,
  pathetic, enemy, enemies, infiltrator*, invader*, occupier*, infidel*, jihadi*,
  butcher*, murderer*, rapist*, blood thirsty, bloodthirsty, uncivilized, uncivilised, inferior,
  subhuman, sub human, cow piss, cow urine, urine drinker*, brainwashed, fanatic*, hypocrite*, backstab*,
  ungrateful, failed state, bigot*, evil, buzdil, beghairat, be ghairat, munafiq*, namak haram*, gaddar*, ghaddar*, terror state, terrorist state, sponsor of terror*,
  sponsors of terror*, exporter of terror*, state sponsored terror*, terror factory
`);

/** Terror labels pinned on a whole people or state; narrower window because news uses them too. */
export const TERROR_LABELS = words(`
  cancer, cancerous
`);

/** Poverty taunts traded between Indian and Pakistani commenters. */
export const POVERTY_TAUNTS = words(`
  toilet*, open defecation, defecat*, starving, beggar*, begging, begging bowl, bhikari*,
  bhikhari*, bhooka, bhookay, bhooke, kashkol, nanga, nangay, nange
`);

/** Slurs for peoples, religions and political camps: nationalist on their own. */
export const NATIONALIST_SLURS = words(`
  porkistan*, porki*, pukistan*, pakistoon*, terroristan*, randia*, rapistan*, bhakt, bhakts, andhbhakt*,
  andh bhakt*, sanghi*, chaddi*, chaddiwala*, gaumutra, gau mutra, gomutra, cow piss drinker*,
  cow worshipper*, cow dung, sickular*, presstitute*, curry muncher*, mleccha,
  mlechha, jihadis, libtard*, hindutvadi*, mulla brigade,
  atankistan*, aatankistan*, jihadistan*, bhikhistan*, bhikaristan*, bhikharistan*, kangalistan*, napakistan*,
  gobar bhakt*, gobarbhakt*, gobar brain*, sulla, sulle, sullo, sullon, rice bag*, ricebag*, librandu*, khangress*,
  youthia*, yoothia*, boot polishi*,
  pigistan*, hindoo, hindoos, street shitter*, poo in loo, poo in the loo, designated shitting street*, kangladesh*,
  malaun, malauns, malaoun*, katmulla*, kathmulla*, katmulle, kathmulle
`);

/** Slurs held for review. */
export const SEVERE_SLURS = words(`
  paki, pakis, pajeet*, katua*, katwa*, nigger*, nigga*, kike*, raghead*, towelhead*, sand nigger*,
  chinks, chink eyed, dothead*, katuwa*, katuwe, katuwo, chinki, chinkis, chinkiyo, chinky, kalua, kaluye, kaluo, kaluon,
  bhangi, bhangiyo, bhangiyon, chamar, chamaron, mulle, mullo, mullon
`);

// Tamil-script hostility, matched on the ORIGINAL text: normalization drops Tamil vowel signs, which
// makes distinct words collide. Stems are matched at the start of a word (Tamil adds case endings);
// a trailing '|' means the word must end there or take a plural ('சங்கி|' is not 'சங்கிலி', a chain).
// Ordinary words that merely contain them were avoided ('பாக்கி' also means 'balance', 'மடை' a sluice).

/** Slurs for Pakistan, Muslims and political camps, as written in Tamil comment sections. */
export const TAMIL_SLURS = words(`
  பன்றிஸ்தான், போர்க்கிஸ்தான், பக்கி|, உபிஸ்|, உபீஸ்|, உபிக்கள், சங்கீஸ்|, துலுக்கன், துலுக்கர், மூர்க்கன், மூர்க்கர், மூர்க்க கும்பல், சங்கி|,
  பயங்கரவாத நாடு, தீவிரவாத நாடு, பயங்கரவாதிகளின் கூடாரம், தீவிரவாதிகளின் கூடாரம், தீவிரவாதிகள் கூடாரம், தீவிரவாத கூடாரம்,
  பிச்சைக்கார நாடு, பிச்சைக்கார பாகிஸ்தான், பிச்சைக்கார பாக், பிச்சை நாடு, பிச்சைக்கார தேசம்
`);

/** Tamil insults aimed at people: fool, idiots, clown, pig, creature, scoundrel, traitor, hireling. */
export const TAMIL_INSULTS = words(`
  முட்டாள், மடையர், மடையன், கோமாளி, தேசத்துரோகி, தேசவிரோதி, தேச விரோதி, பன்றி, ஜந்து, பொறுக்கி, துரோகி, கைக்கூலி, கூத்தாடி, லூசு|, அயோக்கிய, கேனை|,
  நாயே, நாய்களே, தேவடியா, ஓத்த|, புண்ட|, தேசதுரோகி, தேசத் துரோகி, பச்சோந்தி, அரக்கர், மானங்கெட்ட, மானம் கெட்ட, சொரணை கெட்ட,
  நாசமாப் போ, நாசமா போ, நாசமாகப் போ, நாசமாக போ, நாசமாய் போ,
  கழிசடை, ஈனப்பிறவி, ஈன பிறவி, தறுதலை, கூமுட்டை, பன்னாடை, கிறுக்கன், அறிவுகெட்ட, அறிவு கெட்ட,
  நன்றிகெட்ட, நன்றி கெட்ட, வெட்கங்கெட்ட, வெட்கம் கெட்ட
`);

/** Tamil calls to destroy, drive out, deport, shoot or hang, and 'go to Pakistan'. */
export const TAMIL_VIOLENCE_CALLS = words(`
  ஒழிக|, அழிக்க வேண்டும், ஒழிக்க வேண்டும், விரட்ட வேண்டும், விரட்டியடிக்க, விரட்டி அடிக்க, உதைத்து விரட்ட,
  நாடு கடத்த, சுட்டுக் கொல்ல, சுட்டு கொல்ல, சுட்டுத் தள்ள, போட்டுத்தள்ள, தூக்கில் போட, தூக்கிலிட,
  பாகிஸ்தானுக்கு போ, பாகிஸ்தானுக்கு அனுப்ப, பாகிஸ்தானுக்கு ஓட, அழிக்கப்பட வேண்டும், ஒழித்துக் கட்ட, ஒழித்து கட்ட, தரைமட்டமாக்க,
  அணுகுண்டு போட, அணு குண்டு போட
`);
