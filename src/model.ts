/**
 * The one typed model of the pipeline, stage by stage:
 * ingest → {@link SourceDocument}, analyze → {@link DocumentSummary},
 * compose → {@link Briefing}, build → {@link BuildResult}.
 * Templates receive these objects as they are; they never compute.
 */

/** A theme's id, as named in the config (e.g. `ip-enforcement`). */
export type ThemeId = string;

/** Where a document's publication date was read from. */
export type PublishedFrom = 'front-matter' | 'header' | 'dateline' | 'text' | 'estimated' | null;

/** The document formats that ingest understands. */
export type DocumentFormat = 'markdown' | 'text' | 'cable' | 'web-article';

/** A problem with the content (not the program): reported, never thrown. */
export interface Message {
  /** `error` means the file could not be used at all; `warning` means it was used. */
  severity: 'error' | 'warning';
  /** Path relative to the corpus (or the config file) the message is about. */
  file: string;
  /** 1-based line, where known. */
  line?: number;
  /** 1-based column, where known. */
  column?: number;
  /** Stable machine-readable code, e.g. `empty-file`. */
  code: string;
  reason: string;
}

/** Metadata a document declares about itself (front matter, a cable header, a web page's date line). */
export interface DeclaredMeta {
  title?: string;
  date?: string;
  dateFrom?: Exclude<PublishedFrom, 'estimated' | 'text' | null>;
  source?: string;
  author?: string;
  classification?: string;
  handling?: string;
  tags?: string[];
}

/** A block of body text (a paragraph or a heading) with its place in the original text. */
export interface Block {
  kind: 'paragraph' | 'heading';
  /** Character offsets into the document's original text. */
  start: number;
  end: number;
  /** The block's readable text (markup and boilerplate removed, whitespace collapsed). */
  text: string;
  /**
   * For each character of `text`, its offset in the original text; one extra entry
   * at the end maps the end of `text`.
   */
  offsets: number[];
  /** The document's own paragraph label, where it numbers its paragraphs (a cable's `3.`). */
  label?: string;
  /** The portion marking the paragraph carries, e.g. `SBU` for `(SBU)`. */
  marking?: string;
}

/** A document read from the corpus and normalized, ready for analysis. */
export interface SourceDocument {
  /** Stable id derived from the path. */
  id: string;
  /** Path relative to the corpus folder, with `/` separators. */
  path: string;
  format: DocumentFormat;
  /** The document's original text (decoded), which every offset points into. */
  text: string;
  meta: DeclaredMeta;
  blocks: Block[];
}

/** A sentence of a document. */
export interface Sentence {
  /** 1-based, in reading order. */
  id: number;
  text: string;
  /** Character offsets into the document's original text. */
  start: number;
  end: number;
  /** Id of the paragraph the sentence belongs to. */
  paragraph: number;
}

/** A paragraph of a document, the unit that citations point to. */
export interface Paragraph {
  /** 1-based, in reading order, counting body paragraphs only. */
  id: number;
  /** How a reader finds it: the document's own number (`¶3` in a cable) or the running count. */
  label: string;
  /** Portion marking, e.g. `SBU`. */
  marking?: string;
  start: number;
  end: number;
  text: string;
}

/** One mention of an entity. */
export interface Mention {
  start: number;
  end: number;
  sentence: number;
}

/** A person, organisation or place named in a document. */
export interface Entity {
  /** The fullest name the document uses. */
  name: string;
  type: 'person' | 'organization' | 'place';
  /** Other names the document uses for the same entity. */
  aliases: string[];
  mentions: Mention[];
}

/** A sum of money, a percentage or a count stated in a document. */
export interface Figure {
  /** As written, e.g. `USD 200 million`. */
  text: string;
  kind: 'money' | 'percent' | 'count';
  /** Normalized numeric value: 200000000 for `USD 200 million`, 14.4 for `14.4 percent`. */
  value: number;
  /** ISO currency for money (`USD`, `CNY`, …), `%` for percent, the counted noun for counts. */
  unit: string;
  sentence: number;
  start: number;
  end: number;
}

/** A direct quotation. */
export interface Quote {
  /** The quoted words, without the quotation marks. */
  text: string;
  /** Who said it, where the document says; `null` otherwise. */
  speaker: string | null;
  sentence: number;
  start: number;
  end: number;
}

/** A theme a document substantively covers. */
export interface ThemeMatch {
  id: ThemeId;
  /** Strength of the evidence, 0–1. */
  score: number;
  /** Sentence ids that carry the theme's signals, strongest first. */
  evidence: number[];
}

/** A dated event mentioned in a sentence (an absolute date the text states or implies). */
export interface DatedSentence {
  sentence: number;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  date: string;
  /** The words the date was read from. */
  text: string;
}

/** What analysis knows about one document. */
export interface DocumentSummary {
  id: string;
  path: string;
  format: DocumentFormat;
  title: string;
  /** Where the title came from: declared by the document, or derived from its content. */
  titleFrom: 'declared' | 'derived';
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; `null` when the text states no date. */
  published: string | null;
  publishedFrom: PublishedFrom;
  source: string | null;
  author: string | null;
  classification: string | null;
  /** The dissemination restriction, if any. */
  handling: string | null;
  tags: string[];
  paragraphs: Paragraph[];
  sentences: Sentence[];
  /** Sentence ids, most important first. */
  keySentences: number[];
  entities: Entity[];
  figures: Figure[];
  quotes: Quote[];
  dates: DatedSentence[];
  themes: ThemeMatch[];
}

/** Where an item of a briefing came from. */
export interface Citation {
  /** 1-based number within the briefing, as the reader sees it: `[3]`. */
  n: number;
  document: string;
  paragraph: number;
  /** The paragraph's label in its document, e.g. `¶3`. */
  label: string;
  /** Portion marking of the paragraph, e.g. `SBU`. */
  marking?: string;
}

/** A sentence-long item of a briefing: a bottom-line point or a development. */
export interface BriefingItem {
  text: string;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, or `null` when undated. */
  date: string | null;
  /** Portion marking carried over from the source paragraph. */
  marking?: string;
  /** True when the item was not in the previous edition. */
  new?: boolean;
  citations: number[];
}

/** A person, organisation or place as it figures in a briefing. */
export interface BriefingActor {
  name: string;
  type: Entity['type'];
  /** How many times the cited documents mention it. */
  mentions: number;
  /** Ids of the documents that mention it. */
  documents: string[];
  /** A short note from the first sentence that mentions it. */
  context: string;
  /** Portion marking of the paragraph the note comes from. */
  marking?: string;
  citations: number[];
}

/** A figure as it figures in a briefing. */
export interface BriefingFigure {
  text: string;
  kind: Figure['kind'];
  value: number;
  unit: string;
  /** The sentence that states it, for context. */
  context: string;
  /** Portion marking of the paragraph it comes from. */
  marking?: string;
  /** True when the figure was not in the previous edition. */
  new?: boolean;
  citations: number[];
}

/** A quote as it figures in a briefing. */
export interface BriefingQuote {
  text: string;
  speaker: string | null;
  /** Portion marking of the paragraph it comes from. */
  marking?: string;
  /** True when the quote was not in the previous edition. */
  new?: boolean;
  citations: number[];
}

/** A source document as listed in a briefing's appendix. */
export interface BriefingSource {
  document: string;
  path: string;
  title: string;
  published: string | null;
  /** Where the date came from; `estimated` dates are shown as such. */
  publishedFrom: PublishedFrom;
  source: string | null;
  classification: string | null;
  handling: string | null;
  /** The citations that point into this document, with the paragraph they quote. */
  passages: { n: number; label: string; marking?: string; text: string }[];
}

/** The security marking a briefing carries: the most restrictive of its cited sources. */
export interface Marking {
  /** The banner line, e.g. `UNCLASSIFIED//FOR OFFICIAL USE ONLY`. */
  banner: string;
  /** The dissemination restriction to print with it, if any. */
  handling: string | null;
}

/** One themed briefing. */
export interface Briefing {
  theme: ThemeId;
  title: string;
  description: string;
  headline: string;
  edition: { number: number; date: string };
  marking: Marking | null;
  /** Ids of the documents the briefing draws on. */
  documents: string[];
  /** True when no document in the corpus covers the theme. */
  empty: boolean;
  /** Earliest and latest publication dates among the documents, if any. */
  period: { from: string; to: string } | null;
  /** Subject keywords: the theme and its leading actors (PDF metadata, index). */
  keywords: string[];
  bottomLine: BriefingItem[];
  developments: BriefingItem[];
  people: BriefingActor[];
  organizations: BriefingActor[];
  places: BriefingActor[];
  figures: BriefingFigure[];
  quotes: BriefingQuote[];
  citations: Citation[];
  sources: BriefingSource[];
  /** What changed since the previous edition; `null` for a first edition. */
  sinceLast: SinceLastEdition | null;
}

/** The "since the last edition" section of a briefing. */
export interface SinceLastEdition {
  previous: { number: number; date: string };
  /** How many items are new (each is also marked `new`). */
  added: number;
  /** Documents the previous edition cited that have left the corpus. */
  withdrawn: { document: string; title: string }[];
}

/**
 * A document as an edition lists it: what it is and which themes it covers, without its full
 * analysis (paragraphs, sentences, entities…), which `briefing analyze` prints.
 */
export type DocumentEntry = Pick<
  DocumentSummary,
  | 'id'
  | 'path'
  | 'format'
  | 'title'
  | 'titleFrom'
  | 'published'
  | 'publishedFrom'
  | 'source'
  | 'author'
  | 'classification'
  | 'handling'
  | 'tags'
  | 'themes'
>;

/** An edition: its briefings, the documents they were drawn from, and the problems met. What `output/model.json` holds. */
export interface EditionModel {
  /** Version of the model's shape. */
  schema: 1;
  edition: { date: string };
  /** The most restrictive marking among all briefings (for the index and the edition PDF). */
  marking: Marking | null;
  documents: DocumentEntry[];
  briefings: Briefing[];
  messages: Message[];
}

/** Everything analysis and composition produced, with every document's full analysis. */
export interface CorpusModel extends EditionModel {
  documents: DocumentSummary[];
}

/** What one build did. */
export interface BuildResult {
  model: EditionModel;
  /** Files written, relative to the output folder. */
  written: string[];
  messages: Message[];
  /** Wall time in milliseconds. */
  durationMs: number;
  pdfCount: number;
  /** What this build did afresh and what it reused. */
  work: {
    /** Documents analyzed afresh, and reused from the cache (paths). */
    analyzed: string[];
    reused: string[];
    /** Briefings that became a new edition (themes). */
    newEditions: string[];
    /** PDFs printed, and reused from the cache (file names). */
    printed: string[];
    reusedPdfs: string[];
  };
}

/** Where a delivery stands in the ledger. */
export type DeliveryState = 'queued' | 'sending' | 'sent' | 'failed';

/** One edition of one briefing to one recipient, as the delivery ledger records it. */
export interface Delivery {
  theme: ThemeId;
  /** Edition number of the briefing. */
  edition: number;
  /** Edition date, `YYYY-MM-DD`. */
  date: string;
  /** Recipient's address, lower-case. */
  address: string;
  name: string | null;
  /** Lists the recipient receives the briefing through (empty for `--to`). */
  lists: string[];
  /** `outbox` or `smtp://host:port`. */
  channel: string;
  messageId: string;
  state: DeliveryState;
  attempts: number;
  /** The server's last reply (or the outbox file written). */
  reply: string | null;
  /** A permanent failure (5xx): not retried. */
  permanent: boolean;
  /**
   * The message may have gone out twice: an earlier run was stopped while sending it, so it
   * was sent again with the same Message-ID.
   */
  possiblyDuplicate: boolean;
  updatedAt: string;
}

/** A briefing a list may not receive because of its marking. */
export interface Refusal {
  list: string;
  theme: ThemeId;
  /** The briefing's marking banner. */
  marking: string;
  /** The controls the list is not allowed (e.g. `FOUO`, `SBU`). */
  controls: string[];
}

/** What one `briefing send` did. */
export interface SendResult {
  /** `outbox` or `smtp://host:port`. */
  channel: string;
  dryRun: boolean;
  /** Delivered in this run. */
  sent: Delivery[];
  /** Delivered by an earlier run: not sent again. */
  alreadySent: Delivery[];
  /** Not delivered: permanent failures, and temporary ones that ran out of retries. */
  failed: Delivery[];
  refused: Refusal[];
  /** Briefings not sent at all, and why (no material, no list receives them). */
  skipped: { theme: ThemeId; reason: string }[];
  /** Why the run stopped before it was done (e.g. the server refused our login), or `null`. */
  stopped: string | null;
  durationMs: number;
}
