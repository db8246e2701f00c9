/**
 * A compare query as a URL's search string, with the characters law ids are
 * made of (commas between ids, / and ~ within them) left readable: the address
 * is shown to readers (in exports' source lines) as well as followed.
 * Pure: the picker uses it in the browser.
 */
export function toSearch(query: Record<string, string>): string {
  return new URLSearchParams(Object.entries(query))
    .toString()
    .replace(/%2C/g, ",")
    .replace(/%2F/g, "/")
    .replace(/%7E/g, "~");
}
