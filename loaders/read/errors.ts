/** A document that cannot be read or understood: names the file and the problem, never crashes the run. */
export class DocumentError extends Error {
  readonly document: string;
  readonly problem: string;
  constructor(document: string, problem: string, options?: { cause?: unknown }) {
    super(`${document}: ${problem}`, options);
    this.name = 'DocumentError';
    this.document = document;
    this.problem = problem;
  }
}
