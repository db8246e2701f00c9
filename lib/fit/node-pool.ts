/**
 * A pool of worker threads that run fit tasks off the calling thread (the
 * server's event loop, the build's main thread). Bounded: a fixed number of
 * workers, a bounded queue (a full queue answers 503 "busy"), and a time limit
 * per task after which the worker is terminated and replaced.
 */
import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import { Worker } from "node:worker_threads";
import { busy } from "../errors";
import { type Reply, type Request, parseReply, replyError } from "./protocol";
import type { PoolJob, Progress, Runner, Task, TaskResult } from "./run";

/** Where the bundled worker lives (written by lib/fit/bundle.ts during db:build and build). */
export function workerFile(): string {
  return process.env.LAWDEX_FIT_WORKER ?? path.join(process.cwd(), "data", "workers", "fit-worker.mjs");
}

type Job = PoolJob;

interface Slot {
  worker: Worker;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

export interface PoolOptions {
  size?: number;
  /** Tasks waiting beyond those running; more answer 503. */
  maxQueue?: number;
  /** Per-task wall-clock limit. */
  timeoutMs?: number;
  file?: string;
}

export class NodePool implements Runner {
  readonly parallelism: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private readonly maxQueue: number;
  private readonly timeoutMs: number;
  private readonly file: string;
  private nextId = 1;
  private closed = false;

  constructor(opts: PoolOptions = {}) {
    this.parallelism = Math.max(1, opts.size ?? Math.min(2, os.availableParallelism()));
    this.maxQueue = opts.maxQueue ?? 64;
    this.timeoutMs = opts.timeoutMs ?? 120_000;
    this.file = opts.file ?? workerFile();
  }

  /** Tasks running or waiting. */
  get load(): number {
    return this.queue.length + this.slots.filter((s) => s.job).length;
  }

  run(task: Task, onProgress?: Progress): Promise<TaskResult> {
    if (this.closed) return Promise.reject(new Error("the fit pool is closed"));
    if (this.queue.length >= this.maxQueue) {
      return Promise.reject(busy(null, `the server is running as many fits as it takes (${this.parallelism} at once, ${this.maxQueue} waiting); retry shortly`));
    }
    return new Promise<TaskResult>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, onProgress, resolve, reject });
      this.pump();
    });
  }

  private spawn(): Slot {
    if (!fs.existsSync(this.file)) {
      throw new Error(`the fit worker ${this.file} is missing: run npm run db:build (or npm run build), which bundles it`);
    }
    const worker = new Worker(this.file);
    const slot: Slot = { worker, job: null, timer: null };
    worker.on("message", (m: unknown) => {
      const reply = parseReply(m);
      if (reply) this.onReply(slot, reply);
      else this.onCrash(slot, new Error("the fit worker sent a message that is not a reply"));
    });
    worker.on("error", (e) => this.onCrash(slot, e));
    worker.on("exit", (code) => {
      if (slot.job) this.onCrash(slot, new Error(`fit worker exited with code ${code}`));
    });
    worker.unref();
    return slot;
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.job === null);
      if (!slot && this.slots.length < this.parallelism) {
        try {
          slot = this.spawn();
        } catch (e) {
          this.queue.shift()?.reject(e instanceof Error ? e : new Error(String(e)));
          continue;
        }
        this.slots.push(slot);
      }
      const job = slot && this.queue.shift();
      if (!slot || !job) return;
      slot.job = job;
      slot.worker.ref();
      slot.timer = setTimeout(() => this.onTimeout(slot), this.timeoutMs);
      slot.worker.postMessage({ id: job.id, task: job.task } satisfies Request);
    }
  }

  private finish(slot: Slot): Job | null {
    const job = slot.job;
    slot.job = null;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.worker.unref();
    return job;
  }

  private onReply(slot: Slot, reply: Reply): void {
    const job = slot.job;
    if (!job || job.id !== reply.id) return;
    if (reply.type === "progress") {
      job.onProgress?.(reply.done);
      return;
    }
    this.finish(slot);
    if (reply.type === "result") job.resolve(reply.result);
    else job.reject(replyError(reply.error));
    this.pump();
  }

  private replace(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    void slot.worker.terminate();
  }

  private onTimeout(slot: Slot): void {
    const job = this.finish(slot);
    this.replace(slot);
    job?.reject(busy(null, `the fit took longer than ${Math.round(this.timeoutMs / 1000)} s and was stopped; send fewer points, starts or resamples`));
    this.pump();
  }

  private onCrash(slot: Slot, e: Error): void {
    const job = this.finish(slot);
    this.replace(slot);
    job?.reject(e);
    this.pump();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error("the fit pool is closed"));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots.length = 0;
  }
}
