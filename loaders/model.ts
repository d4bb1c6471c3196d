/**
 * The shapes a document passes through on its one-way trip
 *   read → normalise → structure → extract → resolve names → graph document.
 * Every stage is a pure function of the previous stage's output (plus data files),
 * so each can be tested without a database.
 */
import type { DIVISION_LEVELS, NODE_LABELS, RELATIONSHIP_TYPES } from './vocabulary.ts';

// ---------------------------------------------------------------- provenance

/** Where a fact was read: file name as loaded, 1-based source line where the text starts, the text itself. */
export interface Evidence {
  document: string;
  line: number;
  /** Verbatim text (wraps joined, page numbers removed), short: at most ~120 characters. */
  quote: string;
}

// ---------------------------------------------------------------- read

/** A decoded source file: its lines exactly as in the file (after decoding), index 0 = line 1. */
export interface SourceText {
  /** File name as loaded (basename), e.g. "huadu-14th-five-year-plan.txt". */
  document: string;
  lines: string[];
  /** Encoding or format detected: "utf-8", "gb18030", "docx", "pdf", "html", … */
  encoding: string;
  /** Traditional-Chinese sources are matched on a Simplified copy; quotes stay verbatim. */
  script: 'simplified' | 'traditional';
}

// ---------------------------------------------------------------- normalise

/**
 * One logical paragraph: hard wraps undone, page numbers dropped, footnote lines split off.
 * `text` is what extractors match on (Simplified); `original` is the verbatim text for quotes.
 * `segments` map character offsets of `text` back to source lines.
 */
export interface Paragraph {
  text: string;
  original: string;
  /** Source line (1-based) of the first character. */
  line: number;
  /** Ascending; segment i covers text[offset_i, offset_{i+1}) and starts on source line `line`. */
  segments: { offset: number; line: number }[];
  kind: 'body' | 'footnote' | 'table-cell';
  /** Footnote paragraphs: the marker cut from their start ("②"), which also marked the sentence they explain. */
  marker?: string;
  /** The source marked this line as a heading (markdown "## …", HTML <h1>–<h6>): a headline, never body text. */
  markdownHeading?: boolean;
}

// ---------------------------------------------------------------- structure

export type TaskKind =
  | 'chapter' // 第X章
  | 'section' // 第X节
  | 'item' // 一、
  | 'subitem' // （一）
  | 'point' // 1.
  | 'leadPhrase' // paragraph opening with a short sentence
  | 'box' // 专栏
  | 'annex' // 附件
  | 'annexItem'; // an item of an allocation annex

/** A task as structured from the text, before ids are assigned. */
export interface TaskDraft {
  kind: TaskKind;
  /** Numbering inside its plan, unique within the plan, e.g. "第四章第二节", "二(二)1". */
  ref: string;
  title: string;
  /** Full text: heading plus body paragraphs that belong to this task directly. */
  text: string;
  /** Paragraphs of this task's own text (not its children's). */
  paragraphs: Paragraph[];
  evidence: Evidence;
  children: TaskDraft[];
  /** For annexItem: the ref of the main-text task it names, once matched (one task, two places). */
  sameAs?: string;
  /** Last source line (1-based) of this task including its children; a box's lines are evidence.line..endLine. */
  endLine?: number;
}

/** A plan (or one news article) as structured. */
export interface PlanDraft {
  /** Stable within its document; "" for a one-plan document, "article-2" etc. on a news page. */
  key: string;
  title: string;
  kind: 'plan' | 'news';
  /** Surface name of the issuer as read (resolved later), e.g. "广州市人民政府". */
  issuer?: string;
  /** Surface name of the governed area, e.g. "花都区". */
  jurisdiction?: string;
  /** The jurisdiction's level; may be known when its name is not (a "区府办" signature, the body's 全区). */
  level?: (typeof DIVISION_LEVELS)[number];
  /** Gazetteer code of the jurisdiction when the resolver knew it (two counties may share a name). */
  jurisdictionCode?: string;
  /** Why the jurisdiction is what it is: each clue's line, quote and kind (manifest, title, docNumber, …). */
  jurisdictionEvidence?: { line: number; quote: string; kind: string }[];
  periodStart?: number;
  periodEnd?: number;
  evidence: Evidence;
  tasks: TaskDraft[];
  /** Last source line of this plan (a news article ends where the next begins). */
  endLine?: number;
  /** News: the paper that printed it (from the manifest), and the article's other headlines (kicker, subtitle). */
  publisher?: string;
  otherHeadlines?: string[];
  /** Paragraphs outside any task (preface, notice, footnotes): extractors may still read them. */
  looseParagraphs: Paragraph[];
  footnotes: Paragraph[];
}

/** Manifest entry (seeds/manifest.json or a user's): metadata the text may not state. */
export interface ManifestEntry {
  file: string;
  title?: string;
  kind?: 'plan' | 'news';
  issuer?: string;
  level?: PlanDraft['level'];
  jurisdiction?: string;
  periodStart?: number;
  periodEnd?: number;
  publisher?: string;
}

// ---------------------------------------------------------------- graph document

/** What `plangraph extract` writes and `plangraph load` reads: exactly what goes into Neo4j. */
export interface GraphDocument {
  nodes: GraphNode[];
  relationships: GraphRelationship[];
  /** Problems worth a user's attention that did not stop the load, per document. */
  warnings?: {
    document: string;
    line?: number;
    message: string;
    /** 'assignment-dropped': a responsibility the text states that no body could be made of (loaders/bodies/report.ts). */
    kind?: 'assignment-dropped';
    /** The source text of that line, for a warning about a place in it. */
    quote?: string;
  }[];
}

export type NodeLabel = (typeof NODE_LABELS)[number];

export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

export type PropertyValue = string | number | boolean | string[] | number[] | null;

export interface GraphNode {
  id: string;
  labels: NodeLabel[];
  properties: Record<string, PropertyValue> & { id: string };
}

export interface GraphRelationship {
  type: RelationshipType;
  start: string;
  end: string;
  /** Provenance (document, line, quote) on every relationship read from text. */
  properties: Record<string, PropertyValue>;
}

// ---------------------------------------------------------------- places

export type DivisionLevel = (typeof DIVISION_LEVELS)[number] | 'ZONE';

/** An administrative division from the gazetteer, or a zone defined in a document's text. */
export interface Division {
  /** Node id: "div:<code>" for coded divisions, "zone:<name>" for zones. */
  id: string;
  name: string;
  code?: string;
  level: DivisionLevel;
  parentCode?: string;
  /** Short forms users and documents write (花都, 新华街 for 新华街道). */
  aliases: string[];
}

// ---------------------------------------------------------------- extract

/**
 * What every extractor (bodies, places, goals, projects) receives: one structured plan
 * and the means to name its tasks. Extractors return a graph fragment; the pipeline
 * merges fragments (nodes by id, aliases unioned) into the document's GraphDocument.
 */
export interface ExtractContext {
  source: SourceText;
  plan: PlanDraft;
  planId: string;
  /** Node id of the task with this ref in this plan. */
  taskId(ref: string): string;
  /** The plan's governed area, resolved against the gazetteer (relative names hang off it). */
  jurisdiction?: Division;
}

export type GraphFragment = GraphDocument;
export type Extractor = (ctx: ExtractContext) => GraphFragment;
