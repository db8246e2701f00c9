/**
 * The app's read-only connection. The build swaps in a new file by rename, so
 * the connection is re-opened when the file on disk is no longer the one that
 * is open (checked at most once a second); a failed build changes nothing and
 * the open file keeps serving.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export function dbPath(): string {
  return process.env.LAWDEX_DB ?? path.join(process.cwd(), "data", "lawdex.db");
}

export function openDb(file: string): Db {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  sqlite.pragma("query_only = ON");
  return drizzle(sqlite, { schema });
}

let current: { db: Db; file: string; ino: number; checkedAt: number } | null = null;

export function getDb(): Db {
  const file = dbPath();
  const now = Date.now();
  if (current && current.file === file && now - current.checkedAt < 1000) return current.db;
  let ino: number;
  try {
    ino = fs.statSync(/*turbopackIgnore: true*/ file).ino;
  } catch {
    if (current && current.file === file) return current.db;
    throw new Error(`The database ${file} does not exist: run \`npm run db:build\` first.`);
  }
  if (current && current.file === file && current.ino === ino) {
    current.checkedAt = now;
    return current.db;
  }
  const previous = current;
  current = { db: openDb(file), file, ino, checkedAt: now };
  previous?.db.$client.close();
  return current.db;
}

/**
 * A value read once per open database: the file is read-only and replaced
 * only by opening a new one (a new Db), so whatever is derived from it can be
 * kept until then, and is dropped with it.
 */
export function perDatabase<T>(read: (db: Db) => T): (db: Db) => T {
  const memo = new WeakMap<Db, { value: T }>();
  return (db) => {
    let hit = memo.get(db);
    if (!hit) {
      hit = { value: read(db) };
      memo.set(db, hit);
    }
    return hit.value;
  };
}
