/**
 * Lays a story out as a file in one of the corpus formats briefing reads: Markdown news with
 * YAML front matter, a saved web article (plain text), or a diplomatic cable (plain text).
 */
import type { Random } from './random.js';
import { monthName, pad, type Cast } from './cast.js';
import type { Story } from './story.js';
import { FAMILY_NAMES, GIVEN_NAMES, PHOTO_CREDITS, POSTS, PUBLICATIONS, SECTIONS } from './vocabulary.js';

/** Markdown with `title`, `date`, `source` (and sometimes `author`) front matter. */
export function markdownNews(r: Random, cast: Cast, story: Story): string {
  const lines = [
    '---',
    `title: ${JSON.stringify(story.title)}`,
    `date: ${cast.date}`,
    `source: ${r.pick(PUBLICATIONS)}`,
    ...(r.chance(0.5) ? [`author: ${r.pick(GIVEN_NAMES)} ${r.pick(FAMILY_NAMES)}`] : []),
    '---',
    '',
  ];
  for (const paragraph of story.paragraphs) {
    if (paragraph.heading) lines.push(`## ${paragraph.heading}`, '');
    lines.push(paragraph.sentences.join(' '), '');
  }
  return lines.join('\n');
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** A saved web page: date/breadcrumb line, headline, timestamp, photo credit, `[CITY]` dateline. */
export function webArticle(r: Random, cast: Cast, story: Story): string {
  const [year, month, day] = cast.date.split('-').map(Number) as [number, number, number];
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]!;
  const hour = r.int(1, 12);
  const stamp = `${weekday}, ${monthName(month).slice(0, 3)} ${day}, ${year} - ${hour}:${pad(r.int(0, 59))} ${r.pick(['AM', 'PM'])}`;
  const city = r.chance(0.5) ? cast.home.city : cast.abroad.city;
  const paragraphs = story.paragraphs.map((p) => p.sentences.join(' '));
  paragraphs[0] = `[${city.toUpperCase()}] ${paragraphs[0]}`;
  return [
    ` date ${cast.date} You are here`,
    story.title,
    stamp,
    r.pick(PHOTO_CREDITS),
    ...paragraphs,
    r.pick(SECTIONS),
    '',
  ].join('\n\n');
}

const HANDLING = [
  '(U) THIS DOCUMENT IS SENSITIVE BUT UNCLASSIFIED. IT SHOULD NOT BE',
  'DISSEMINATED OUTSIDE U.S. GOVERNMENT CHANNELS OR IN ANY PUBLIC FORUM',
  'WITHOUT THE WRITTEN CONCURRENCE OF THE ORIGINATOR. IT SHOULD NOT BE',
  'POSTED ON THE INTERNET.',
].join('\n');

/** Greedy word wrap at `width` columns. */
export function wrap(text: string, width = 68): string {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') out.push(line);
  return out.join('\n');
}

/**
 * A cable: the `Identifier / Created / Classification / Origin` header block, routing lines,
 * `SUBJECT`, the handling paragraph, numbered `(SBU)` paragraphs (the first a summary) with
 * underlined section headings and a page-break line, and the signer's name last.
 */
export function cable(r: Random, cast: Cast, story: Story): string {
  const post = r.pick(POSTS);
  const number = r.int(100, 999);
  const yy = String(cast.year).slice(2);
  const [, month, day] = cast.date.split('-') as [string, string, string];
  const time = `${pad(r.int(0, 23))}${pad(r.int(0, 59))}`;
  const subject = story.title.toUpperCase();
  const header = [
    'Identifier',
    'Created',
    'Classification',
    'Origin',
    `${yy}${post.city}${number}`,
    `${cast.date} ${time.slice(0, 2)}:${time.slice(2)}:00`,
    'UNCLASSIFIED//FOR OFFICIAL USE ONLY',
    post.post,
    'Cable title:  ',
    '',
    subject,
    '',
    'Tags:  EINT ECON PGOV CH ',
    `VZCZCXRO${r.int(1000, 9999)}`,
    'RR RUEHCN RUEHGH RUEHVC',
    `DE ${post.code} #0${number}/01 ${r.int(100, 365)}${time}`,
    'ZNR UUUUU ZZH',
    `R ${day}${time}Z ${monthName(Number(month)).slice(0, 3).toUpperCase()} ${yy}`,
    `FM ${post.fm}`,
    `TO RUEHC/SECSTATE WASHDC ${r.int(1000, 9999)}`,
    'INFO RUEHOO/CHINA POSTS COLLECTIVE',
    'RUCPDOC/DEPT OF COMMERCE WASHDC',
    `UNCLAS SECTION 01 OF 02 ${post.city} 000${number} `,
    '',
    'SENSITIVE',
    'SIPDIS',
    '',
    'STATE FOR EAP/CM',
    'STATE PASS USTR',
    '',
    'E.O. 12958: N/A',
    'TAGS: EINT ECON PGOV CH',
    wrap(`SUBJECT: ${subject}`),
    '',
    `REF: ${post.city} ${r.int(100, 999)}`,
    '',
    HANDLING,
    '',
  ];
  const body: string[] = [];
  const pageBreakAt = Math.ceil(story.paragraphs.length / 2);
  story.paragraphs.forEach((paragraph, i) => {
    if (i === pageBreakAt) body.push('', `${post.city} 00000${number} 002 OF 002`, '', '');
    if (paragraph.heading) body.push('', paragraph.heading, '-------------- --', '');
    const text = paragraph.sentences.join(' ');
    const marked = i === 0 ? `(SBU) Summary: ${text} End Summary.` : `(SBU) ${text}`;
    body.push('', wrap(`${i + 1}. ${marked}`), '');
  });
  body.push('', r.pick(FAMILY_NAMES).toUpperCase(), '');
  return [...header, ...body].join('\n');
}
