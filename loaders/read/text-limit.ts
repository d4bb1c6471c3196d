/** Raised by a reader that stops early because the text passed PLANGRAPH_MAX_DOCUMENT_CHARS. */
export class TextLimitError extends Error {
  override name = 'TextLimitError';
}
