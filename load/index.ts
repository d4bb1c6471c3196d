/**
 * load/: orchestration above graph/ and loaders/: list the inputs (files, folders, graph files),
 * extract them (on worker threads), write them (graph/write). graph/ and loaders/ never import it.
 */
export { loadPaths, DEFAULT_CONCURRENCY, GROUP_DOCUMENTS, GROUP_ELEMENTS, MAX_DOCUMENTS_IN_FLIGHT } from './load-paths.ts';
export type { DocumentSummary, Extract, ExtractedDocument, LoadOptions, LoadProgress, LoadStatus, LoadSummary } from './load-paths.ts';
export { extractFile, extractPaths, manifestFor, mergeDocuments, type ExtractResult } from './extract.ts';
export { listInputs, readGraphFile, sourceFilesIn, walkFolder, type Input } from './inputs.ts';
export { createExtractPool, defaultExtractWorkers, type ExtractPool } from './extract-pool.ts';
