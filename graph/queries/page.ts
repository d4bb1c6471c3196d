/** An offset page of a list: `skip` rows, then `limit`. */
export interface Page {
  skip: number;
  limit: number;
}

/** Rows a page reads: without its total, one past the page, which says whether there is a next one (toConnection). */
export function rowsToRead(page: Page, withTotal: boolean): number {
  return withTotal ? page.limit : page.limit + 1;
}
