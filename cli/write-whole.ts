/** Writes a file whole or not at all: a failed or interrupted run never leaves half a graph file behind. */
import { rename, writeFile } from 'node:fs/promises';

export async function writeWhole(file: string, text: string): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, text, 'utf8');
  await rename(tmp, file);
}
