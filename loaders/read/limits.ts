/**
 * What one document may cost to read, so a hostile file fails with a clear error naming it before
 * anything is written (a 750 KB .docx unpacking to 300 MB took 3.85 GB in the loader and crashed
 * Neo4j's heap twice). The limits are documented settings (README "Configuration") read and
 * validated in config/load.ts (`ReadLimits`, `readLimitsFromEnv`); this holds what the readers
 * share besides them.
 */

/** Below this much unpacked, the ratio is not checked (a tiny, very compressible part is no threat). */
export const RATIO_FLOOR_BYTES = 10 * 1024 * 1024;

const MB = 1024 * 1024;
export const mb = (bytes: number) => `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`;
