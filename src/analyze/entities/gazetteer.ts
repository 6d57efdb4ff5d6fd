/**
 * Compact, general word lists for entity recognition: place names the
 * compromise lexicon lacks, surnames, titles, organisation cues and words
 * that look like names but are not. Nothing here is specific to any corpus.
 */

const words = (s: string): string[] => s.split('|').map((w) => w.trim().toLowerCase());

/** Alternative names of countries, mapped to the canonical lowercase name. */
export const COUNTRY_ALIASES: ReadonlyMap<string, string> = new Map([
  ['u.s.', 'united states'],
  ['us', 'united states'],
  ['u.s.a.', 'united states'],
  ['usa', 'united states'],
  ['america', 'united states'],
  ['united states of america', 'united states'],
  ['uk', 'united kingdom'],
  ['u.k.', 'united kingdom'],
  ['britain', 'united kingdom'],
  ['great britain', 'united kingdom'],
  ['uae', 'united arab emirates'],
  ['u.a.e.', 'united arab emirates'],
  ['prc', 'china'],
  ["people's republic of china", 'china'],
  ['macau', 'macao'],
  ['holland', 'netherlands'],
  ['the netherlands', 'netherlands'],
  ['south korea', 'south korea'],
  ['republic of korea', 'south korea'],
  ['russian federation', 'russia'],
]);

/** Places missing from the compromise lexicon: regions, provinces, major cities. */
export const EXTRA_PLACES: ReadonlySet<string> = new Set(
  words(
    'europe|asia|africa|north america|south america|latin america|central america|' +
      'southeast asia|south-east asia|east asia|south asia|central asia|middle east|' +
      'oceania|caribbean|balkans|scandinavia|siberia|mediterranean|gulf|' +
      'western europe|eastern europe|central europe|northern ireland|scotland|wales|england|' +
      'hong kong|macao|taiwan|tibet|xinjiang|inner mongolia|guangxi|ningxia|' +
      'anhui|fujian|gansu|guangdong|guizhou|hainan|hebei|heilongjiang|henan|hubei|hunan|' +
      'jiangsu|jiangxi|jilin|liaoning|qinghai|shaanxi|shandong|shanxi|sichuan|yunnan|zhejiang|' +
      'beijing|shanghai|tianjin|chongqing|guangzhou|shenzhen|hangzhou|ningbo|jiaxing|foshan|' +
      'zhongshan|dongguan|suzhou|nanjing|wuhan|chengdu|qingdao|dalian|xiamen|shenyang|' +
      'harbin|changsha|zhengzhou|kunming|hefei|fuzhou|jinan|nanning|guiyang|lanzhou|urumqi|' +
      'lhasa|yiwu|wenzhou|zhuhai|shantou|shijiazhuang|taiyuan|nanchang|haikou|sanya|' +
      "xi'an|xian|mexico city|sao paulo|são paulo|rio de janeiro|buenos aires|new york|" +
      'los angeles|san francisco|washington|london|paris|berlin|madrid|rome|moscow|tokyo|' +
      'seoul|busan|incheon|osaka|mumbai|new delhi|delhi|bangalore|jakarta|manila|bangkok|' +
      'hanoi|ho chi minh city|kuala lumpur|singapore|sydney|melbourne|toronto|vancouver|' +
      'montreal|chicago|houston|seattle|boston|miami|dubai|abu dhabi|riyadh|tehran|' +
      'istanbul|ankara|cairo|lagos|nairobi|johannesburg|cape town|brussels|geneva|zurich|' +
      'vienna|warsaw|budapest|prague|stockholm|oslo|copenhagen|helsinki|amsterdam|lisbon|' +
      'athens|dublin|kiev|kyiv|tel aviv|jerusalem|karachi|lahore|islamabad|dhaka|taipei|' +
      'silicon valley|wall street|hollywood|brussels|strasbourg|luxembourg|monaco',
  ),
);

/** Common Chinese and Korean surnames, which come first in the name. */
export const SURNAME_FIRST: ReadonlySet<string> = new Set(
  words(
    'wang|li|zhang|liu|chen|yang|huang|zhao|wu|zhou|xu|sun|ma|zhu|hu|guo|he|gao|lin|luo|' +
      'zheng|liang|xie|song|tang|han|feng|deng|cao|peng|zeng|xiao|tian|dong|pan|yuan|cai|' +
      'jiang|yu|du|ye|cheng|wei|su|lu|ding|ren|shen|yao|jin|fu|zhong|cui|tan|fan|wan|xiong|' +
      'qiu|qin|jia|hou|shi|bai|kong|mao|qian|dai|xia|meng|xue|yan|lei|duan|hao|gu|kang|' +
      'geng|wen|bao|zou|niu|lai|fang|gong|shao|mo|wong|leung|cheung|lam|ng|chow|lau|tse|' +
      'kwok|kim|lee|park|choi|jung|cho|yoon|jang|lim|shin|seo|kwon|hwang|ahn|yoo|hong|moon',
  ),
);

/** Honorifics written before a person's name (with or without a trailing dot). */
export const HONORIFICS: ReadonlySet<string> = new Set(
  words(
    'mr|mrs|ms|miss|mx|dr|prof|sir|dame|lord|lady|mme|mlle|messrs|rev|sen|rep|gov|gen|col|' +
      'lt|capt|maj|sgt|adm|cmdr|hon|madam|madame|monsieur|herr|frau|sheikh|imam|rabbi',
  ),
);

/** Head words of job titles: a capitalised run ending in one, followed by a name, is a title. */
export const TITLE_HEADS: ReadonlySet<string> = new Set(
  words(
    'president|vice-president|premier|minister|chancellor|secretary|governor|mayor|' +
      'senator|congressman|congresswoman|ambassador|consul|judge|justice|chairman|' +
      'chairwoman|chairperson|chair|ceo|cfo|cto|coo|founder|co-founder|cofounder|director|' +
      'manager|commissioner|spokesman|spokeswoman|spokesperson|coach|captain|king|queen|' +
      'prince|princess|pope|emperor|general|admiral|colonel|inspector|executive|officer|' +
      'leader|head|professor|dean|bishop|archbishop|cardinal|ayatollah|chief|vp|' +
      'attorney|lawyer|deputy|envoy|representative|delegate|speaker|striker|goalkeeper|' +
      'midfielder|defender|champion|analyst|economist|editor|reporter|correspondent|' +
      'actor|actress|singer|author|sheriff|detective|sergeant|lieutenant|major|commander|' +
      'superintendent|councillor|councilman|lawmaker|legislator|chairmen|boss|owner|partner|' +
      'investor|engineer|scientist|researcher|doctor|nurse|architect|designer|coordinator|' +
      'official|secretary-general|president-elect|candidate|nominee|player|driver|rider',
  ),
);

/** Words that can precede a title head inside a capitalised run (`Vice Mayor`, `Party Secretary`). */
export const TITLE_MODIFIERS: ReadonlySet<string> = new Set(
  words(
    'vice|deputy|assistant|associate|acting|former|senior|executive|managing|general|chief|' +
      'prime|foreign|finance|trade|defence|defense|interior|party|marketing|sales|regional|' +
      'country|first|state|commerce|justice|education|health|labour|labor|economy|' +
      'economic|political|press|public|national|provincial|municipal|county|city|' +
      'district|supreme|high|grand|co|lead|head|principal|operating|financial|technology|' +
      'technical|communications|media|secretary|minister|crown|opposition|majority|minority',
  ),
);

/** Last words that make a capitalised run an organisation's name. */
export const ORG_SUFFIXES: ReadonlySet<string> = new Set(
  words(
    'inc|inc.|incorporated|ltd|ltd.|limited|llc|plc|corp|corp.|corporation|co|co.|company|' +
      'group|holding|holdings|ag|sa|s.a.|gmbh|nv|bv|spa|pte|pty|kk|network|networks|' +
      'financial|finance|post|bank|bancorp|university|college|institute|institution|' +
      'congress|parliament|assembly|senate|ministry|office|agency|bureau|council|' +
      'commission|committee|association|federation|union|party|court|tribunal|' +
      'department|administration|authority|foundation|fund|trust|partners|capital|' +
      'ventures|investments|securities|insurance|airlines|airways|motors|electronics|' +
      'technologies|technology|systems|industries|industry|international|enterprises|' +
      'telecom|communications|media|press|times|news|journal|daily|herald|gazette|' +
      'tribune|post|broadcasting|television|radio|club|fc|united|rovers|wanderers|athletic|' +
      'team|league|center|centre|organization|organisation|alliance|coalition|forces|army|' +
      'navy|police|service|services|exchange|reserve|board|chamber|society|academy|school|' +
      'hospital|laboratories|labs|pharmaceuticals|pharma|energy|oil|petroleum|mining|' +
      'logistics|express|retail|stores|brands|studios|pictures|records|entertainment|' +
      'software|solutions|consulting|trading|steel|chemical|chemicals|' +
      'motor|auto|automotive|railways|railway|shipping|lines|foods|beverages|reuters|' +
      'agence|church|mission|movement|front|brigade|secretariat|cabinet|government|' +
      'directorate|inspectorate|prosecutor|prosecutors|embassy|consulate|mission',
  ),
);

/** First words that, followed by `of`, make an organisation's name (`Ministry of Commerce`). */
export const ORG_HEADS: ReadonlySet<string> = new Set(
  words(
    'ministry|office|department|university|bank|bureau|institute|academy|council|' +
      'commission|committee|association|federation|union|court|board|chamber|society|' +
      'school|college|church|house|league|party|agency|administration|authority|' +
      'organization|organisation|secretariat|embassy|consulate|government|state|people|' +
      'federal|national|central|supreme|united|international',
  ),
);

/** Last words that make a capitalised run a place (`Zhejiang Province`). */
export const PLACE_SUFFIXES: ReadonlySet<string> = new Set(
  words(
    'province|prefecture|county|district|city|town|village|island|islands|river|lake|' +
      'mountain|mountains|mount|valley|bay|gulf|sea|ocean|coast|peninsula|strait|straits|' +
      'region|state|territory|municipality|republic|kingdom|emirates|desert|canyon|' +
      'avenue|street|square|park|airport|port|harbour|harbor|bridge|heights|hills|beach',
  ),
);

/** Place suffixes that may be dropped to give the same place (`Zhejiang Province` = `Zhejiang`). */
export const PLACE_GENERIC_SUFFIXES: ReadonlySet<string> = new Set(
  words('province|prefecture|county|municipality|region|district|state'),
);

/** Corporate-form suffixes that may be dropped to give the same company. */
export const CORPORATE_FORMS: ReadonlySet<string> = new Set(
  words(
    'inc|inc.|incorporated|ltd|ltd.|limited|llc|plc|corp|corp.|corporation|co|co.|company|' +
      'group|holding|holdings|ag|sa|s.a.|gmbh|nv|bv|spa|pte|pty|kk|network|networks',
  ),
);

/** Compass words that make a region of a place (`South China`, `Southeast Asia`). */
export const DIRECTIONS: ReadonlySet<string> = new Set(
  words(
    'north|south|east|west|northern|southern|eastern|western|central|northeast|northwest|' +
      'southeast|southwest|north-east|north-west|south-east|south-west|upper|lower|greater',
  ),
);

/** Lowercase words allowed inside a name between capitalised words. */
export const CONNECTORS: ReadonlySet<string> = new Set(
  words('of|for|the|de|del|della|der|den|du|da|das|dos|van|von|la|le|al|el|bin|ibn|y|&|on|and'),
);

/** Capitalised words and markings that are never entities on their own. */
export const NOT_ENTITIES: ReadonlySet<string> = new Set(
  words(
    'internet|web|e-commerce|ecommerce|e-mail|email|summary|end summary|note|end note|' +
      'comment|end comment|reftel|ref|tags|subject|sbu|u|c|s|ts|fouo|nf|noforn|sipdis|' +
      'sensitive|unclass|unclas|classified|unclassified|confidential|secret|ceo|cfo|cto|' +
      'coo|vp|gdp|gnp|cpi|it|ai|tv|ev|evs|am|pm|edt|est|gmt|utc|pst|rmb|usd|eur|cny|jpy|' +
      'hkd|gbp|b2b|b2c|c2c|o2o|p2p|wap|sme|smes|ipo|ipos|ceos|q1|q2|q3|q4|h1|h2|fy|' +
      'ok|pdf|html|url|faq|id|ip|r&d|m&a|hr|pr|ngo|ngos|vip|diy|lol|ps|nb|etc|i|a|o|' +
      'photo|photos|video|update|breaking|exclusive|opinion|analysis|editorial|reuters staff|' +
      'mon|tue|wed|thu|fri|sat|sun|today|yesterday|tomorrow|god|christmas|easter|' +
      'ramadan|new year|lunar new year|spring festival|big data|cloud computing|fintech|' +
      'covid|covid-19|coronavirus|sars|aids|hiv|ebola|mr|mrs|ms|dr|st|no|vs|via|per|' +
      'said|says|according|however|meanwhile|moreover|furthermore|also|yes|oh|hi|hello',
  ),
);

/** Verbs of saying: a short name right before one is likely a person. */
export const SAY_VERBS: ReadonlySet<string> = new Set(
  words(
    'said|says|told|added|noted|explained|argued|stated|commented|asked|replied|wrote|' +
      'believes|believed|thinks|thought|confirmed|denied|insisted|warned|urged|recalled|' +
      'acknowledged|admitted|announced|described|highlighted|pointed|quoted|remarked|' +
      'stressed|suggested|tweeted|claimed|continued|concluded',
  ),
);

/** Nouns that, heading an appositive after a name, mark an organisation. */
export const ORG_APPOSITIVE_NOUNS: ReadonlySet<string> = new Set(
  words(
    'company|firm|group|giant|maker|manufacturer|retailer|platform|bank|agency|body|' +
      'subsidiary|unit|arm|operator|provider|carrier|startup|start-up|conglomerate|' +
      'marketplace|website|site|service|brand|insurer|lender|airline|publisher|newspaper|' +
      'broadcaster|network|organization|organisation|ministry|regulator|association|' +
      'club|team|party|union|university|fund|investor|developer|supplier|exchange|portal',
  ),
);

/** Nouns that, heading an appositive after a name, mark a place. */
export const PLACE_APPOSITIVE_NOUNS: ReadonlySet<string> = new Set(
  words(
    'city|town|village|capital|province|country|state|region|island|port|county|' +
      'district|nation|municipality|metropolis|hub',
  ),
);

/** Last words that make a capitalised run an event, a prize or a programme, not an organisation. */
export const EVENT_WORDS: ReadonlySet<string> = new Set(
  words(
    'cup|series|open|award|awards|prize|trophy|shield|bowl|championship|championships|' +
      'olympics|olympiad|games|grand prix|tournament|classic|marathon|festival|expo|' +
      'plan|war|act|treaty|accord|accords|agreement|doctrine|summit|week|day|' +
      'derby|rally|regatta|masters|invitational|final|finals|semifinal|semifinals',
  ),
);
