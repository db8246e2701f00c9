/**
 * Fits made by the /fit form without JavaScript: the server fits, keeps the
 * answer here under a random id and redirects to /fit?result=<id> (post,
 * redirect, get). Bounded in entries, bytes and age; a restart forgets them,
 * and a deployment of several instances would need a shared store.
 */
import crypto from "node:crypto";
import type { FitForm } from "@/lib/fit/form";
import type { FitResponse } from "@/lib/fit/request";

export interface StoredFit {
  form: FitForm;
  response: FitResponse | null;
  error: { field: string | null; message: string } | null;
  data: { inputs: Record<string, number[]>; y: number[] } | null;
  units: { inputs: Record<string, string>; output: string } | null;
  created: number;
  bytes: number;
}

const MAX_ENTRIES = 64;
const MAX_BYTES = 32 * 1024 * 1024;
const MAX_AGE_MS = 60 * 60 * 1000;
declare global {
  // on globalThis, not in this module: Next may load the module once per route bundle, and the /fit page and its form need one store
  var __lawdexFits: Map<string, StoredFit> | undefined;
}
const store = (globalThis.__lawdexFits ??= new Map<string, StoredFit>());

function prune(now: number): void {
  let total = 0;
  for (const [id, f] of store) {
    if (now - f.created > MAX_AGE_MS) store.delete(id);
    else total += f.bytes;
  }
  // oldest first (a Map iterates in insertion order)
  for (const [id, f] of store) {
    if (store.size <= MAX_ENTRIES && total <= MAX_BYTES) break;
    store.delete(id);
    total -= f.bytes;
  }
}

export function keepFit(entry: Omit<StoredFit, "created" | "bytes">): string {
  const now = Date.now();
  const id = crypto.randomBytes(12).toString("base64url");
  const bytes = JSON.stringify(entry).length * 2;
  store.set(id, { ...entry, created: now, bytes });
  prune(now);
  return id;
}

export function getFit(id: string | undefined): StoredFit | null {
  if (!id || !/^[A-Za-z0-9_-]{16}$/.test(id)) return null;
  prune(Date.now());
  return store.get(id) ?? null;
}
