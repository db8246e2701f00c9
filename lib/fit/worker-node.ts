/** Entry of the Node worker thread (bundled to data/workers/fit-worker.mjs by lib/fit/bundle.ts). */
import fs from "node:fs";
import os from "node:os";
import { parentPort } from "node:worker_threads";
import { serveMessage } from "./protocol";

/**
 * Costly work (fits, frontier comparisons) runs at a lower CPU priority than
 * the thread that serves requests, so that on a busy machine the scheduler
 * gives requests the core first. Linux sets priority per thread; this
 * thread's id is the last part of /proc/thread-self. Elsewhere, or without
 * permission, the worker keeps the default priority.
 */
function lowerPriority(): void {
  try {
    const tid = Number(fs.readlinkSync("/proc/thread-self").split("/").pop());
    if (Number.isInteger(tid) && tid > 0) os.setPriority(tid, 10);
  } catch {
    // not Linux, or not allowed: default priority
  }
}

lowerPriority();
parentPort?.on("message", (m: unknown) => serveMessage(m, (reply) => parentPort?.postMessage(reply)));
