/** graph/write: everything that puts facts into Neo4j. See write-document.ts for the ownership rules; load/ drives it. */
export { writeDocument, writeDocuments, totalChanged, DEFAULT_BATCH_SIZE } from './write-document.ts';
export type { DocumentOutcome, WriteResult, WriteCounters, WriteOptions } from './write-document.ts';
export { ensureWriteIndexes } from './indexes.ts';
export { splitByDocument } from './split.ts';
export { prepareDocument, documentOf, chunk } from './prepare.ts';
export { contentHash } from './hash.ts';
export { canonicalJson } from '../canonical-json.ts';
export { WriteError } from './errors.ts';
export { toNeo4jProperties } from './properties.ts';
