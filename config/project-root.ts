/** The repository root (this file lives in <root>/config/): seeds/, .neo4j/, graph/neo4j-server/ are found from it. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
