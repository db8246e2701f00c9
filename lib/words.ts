/** "1 law", "2 laws", "0 papers": a count with its noun in the right number. */
export function plural(n: number, noun: string, many = `${noun}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? noun : many}`;
}
