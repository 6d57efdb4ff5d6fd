/**
 * Word lists for generated documents: invented companies, real places, and given and family
 * names (Western and Chinese). Written for the benchmark; no text is taken from any data set.
 */

const list = (s: string): readonly string[] => Object.freeze(s.split('|'));

/** Given names used with a Western family name. */
export const GIVEN_NAMES = list(
  'Maria|Thomas|Elena|James|Laura|Michael|Anna|Peter|Sofia|Daniel|Claire|Robert|Nadia|' +
    'Jonathan|Helen|Marco|Priya|Ahmed|Olivia|Samuel|Rachel|Victor|Ingrid|Lucas|Hannah|Omar',
);

/** Western family names. */
export const FAMILY_NAMES = list(
  'Hartley|Moreno|Fischer|Novak|Brennan|Okafor|Lindqvist|Duarte|Castellanos|Whitfield|Petrov|' +
    'Rossi|Dubois|Keller|Sandoval|Marsh|Abernathy|Kowalski|Ferreira|Halvorsen|Mendez|Gallagher',
);

/** Chinese family names (written first). */
export const CHINESE_FAMILY_NAMES = list(
  'Zhang|Wang|Li|Liu|Chen|Yang|Zhao|Huang|Zhou|Wu|Xu|Sun|Hu|Zhu|Gao|Lin|Guo|Luo|Tang|Deng',
);

/** Chinese given names. */
export const CHINESE_GIVEN_NAMES = list(
  'Wei|Fang|Jianguo|Xiaoming|Lihua|Haiyan|Zhiqiang|Yuting|Mingzhe|Jing|Hongwei|Xiuying|' +
    'Guoqing|Yanping|Dongmei|Jun|Lei|Tao|Qiang|Hui|Weimin|Xiaolan',
);

/** Invented companies at the centre of a story. */
export const COMPANIES = list(
  'Tianrui Technology|Jinhai Logistics Group|Meridian Commerce|Bluepeak Electronics|' +
    'Lianhua Payments|Harborline Shipping|Qingyun Cloud|Northstar Retail|Silverleaf Apparel|' +
    'Dongfang Trading Holdings|Kestrel Cosmetics|Redwood Sporting Goods|Huaxin Pharmaceuticals|' +
    'Brightfield Toys|Zhongtai Mobile|Yunhe Marketplace|Pinecrest Foods|Solano Motors',
);

/** Invented brands whose goods are copied. */
export const BRANDS = list(
  'Maison Verlaine|Ardent Watches|Corvo Leather|Alpenrot Outdoor|Lumiere Beauty|Stratos Audio',
);

/** Invented research and advisory firms. */
export const FIRMS = list(
  'Everstone Research|Pacific Ridge Analytics|Lantern Consulting|Granite Bay Securities|' +
    'Orchid Capital Markets',
);

/** Invented publications that carry the news stories. */
export const PUBLICATIONS = list(
  'Pacific Trade Weekly|The Commerce Ledger|Asia Markets Daily|Retail Dispatch|' +
    'Harbour Times|The Supply Chain Journal',
);

/** Government bodies. */
export const AGENCIES = list(
  'Ministry of Commerce|State Administration for Market Regulation|' +
    'National Development and Reform Commission|General Administration of Customs|' +
    'Ministry of Industry and Information Technology|European Commission',
);

/** Chinese cities and their provinces. */
export const CHINESE_CITIES: readonly { city: string; province: string }[] = Object.freeze(
  [
    'Hangzhou Zhejiang',
    'Ningbo Zhejiang',
    'Yiwu Zhejiang',
    'Guangzhou Guangdong',
    'Shenzhen Guangdong',
    'Dongguan Guangdong',
    'Foshan Guangdong',
    'Xiamen Fujian',
    'Fuzhou Fujian',
    'Suzhou Jiangsu',
    'Nanjing Jiangsu',
    'Chengdu Sichuan',
    'Qingdao Shandong',
    'Wuhan Hubei',
  ].map((s) => {
    const [city, province] = s.split(' ');
    return { city: city!, province: province! };
  }),
);

/** Foreign cities and their countries. */
export const FOREIGN_CITIES: readonly { city: string; country: string; region: string }[] =
  Object.freeze(
    [
      'Kuala Lumpur|Malaysia|Southeast Asia',
      'Jakarta|Indonesia|Southeast Asia',
      'Bangkok|Thailand|Southeast Asia',
      'Singapore|Singapore|Southeast Asia',
      'Seoul|South Korea|East Asia',
      'Tokyo|Japan|East Asia',
      'Frankfurt|Germany|Europe',
      'Madrid|Spain|Europe',
      'Milan|Italy|Europe',
      'Paris|France|Europe',
      'Dubai|United Arab Emirates|the Middle East',
      'Istanbul|Turkey|Europe',
      'Moscow|Russia|Europe',
      'Sao Paulo|Brazil|Latin America',
      'Mexico City|Mexico|Latin America',
      'Lagos|Nigeria|Africa',
      'Nairobi|Kenya|Africa',
      'Sydney|Australia|Oceania',
      'Los Angeles|United States|North America',
      'Toronto|Canada|North America',
    ].map((s) => {
      const [city, country, region] = s.split('|');
      return { city: city!, country: country!, region: region! };
    }),
  );

/** Goods that are traded, or copied. */
export const GOODS = list(
  'handbags|sneakers|watches|phone cases|cosmetics|headphones|toys|sunglasses|auto parts|perfume',
);

/** Section words a saved web page ends with. */
export const SECTIONS = list('Business|Technology|World|Companies|Markets|Asia');

/** Photo credits of saved web pages. */
export const PHOTO_CREDITS = list('PHOTO: REUTERS|PHOTO: AFP|PHOTO: BLOOMBERG|PHOTO: EPA');

/** Month names. */
export const MONTHS = list(
  'January|February|March|April|May|June|July|August|September|October|November|December',
);

/** U.S. diplomatic posts in the region a generated cable comes from. */
export const POSTS: readonly { post: string; city: string; fm: string; code: string }[] =
  Object.freeze([
    { post: 'Consulate Guangzhou', city: 'GUANGZHOU', fm: 'AMCONSUL GUANGZHOU', code: 'RUEHGZ' },
    { post: 'Consulate Shanghai', city: 'SHANGHAI', fm: 'AMCONSUL SHANGHAI', code: 'RUEHGH' },
    { post: 'Consulate Chengdu', city: 'CHENGDU', fm: 'AMCONSUL CHENGDU', code: 'RUEHCN' },
    { post: 'Embassy Beijing', city: 'BEIJING', fm: 'AMEMBASSY BEIJING', code: 'RUEHBJ' },
  ]);
