/** The writer's error: what went wrong with one document, named in the message ("<document>: …"). */
export class WriteError extends Error {
  constructor(
    readonly document: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${document}: ${message}`, options);
    this.name = 'WriteError';
  }
}
