import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tightenPermissions } from './launcher.ts';

describe('tightenPermissions', () => {
  it.skipIf(process.platform === 'win32')('makes a store left 0755/0644 private: folders 0700, files 0600', () => {
    const home = mkdtempSync(path.join(tmpdir(), 'plangraph-perm-'));
    try {
      const dir = path.join(home, 'data', 'databases', 'neo4j');
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, 'neostore');
      writeFileSync(file, 'x');
      chmodSync(file, 0o644);
      chmodSync(dir, 0o755);
      tightenPermissions(home);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      expect(statSync(home).mode & 0o777).toBe(0o700);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
