/**
 * record[key] when key is the record's own property, else undefined: never a
 * value inherited from Object.prototype ("constructor", "toString"), whatever
 * key a caller sends.
 */
export function own<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
