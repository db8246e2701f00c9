/**
 * Web Workers that run fit tasks in the reader's browser (/fit), one task
 * each at a time, with the same protocol as the server's worker threads.
 * The worker script is public/fit-worker.js (bundled by lib/fit/bundle.ts).
 */
import { type Reply, parseReply, replyError } from "./protocol";
import type { PoolJob, Progress, Runner, Task, TaskResult } from "./run";

type Job = PoolJob;

export class BrowserPool implements Runner {
  readonly parallelism: number;
  private readonly workers: { w: Worker; job: Job | null }[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;

  constructor(private readonly url = "/fit-worker.js", size?: number) {
    const cores = typeof navigator !== "undefined" ? navigator.hardwareConcurrency || 2 : 2;
    this.parallelism = Math.max(1, Math.min(size ?? cores, 4));
  }

  run(task: Task, onProgress?: Progress): Promise<TaskResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, onProgress, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = this.workers.find((s) => s.job === null);
      if (!slot && this.workers.length < this.parallelism) {
        const w = new Worker(this.url);
        const created: { w: Worker; job: Job | null } = { w, job: null };
        w.onmessage = (e: MessageEvent<unknown>) => {
          const reply = parseReply(e.data);
          if (reply) this.onReply(created, reply);
          else this.fail(created, "it sent a message that is not a reply");
        };
        w.onerror = (e) => this.fail(created, e.message);
        this.workers.push(created);
        slot = created;
      }
      const job = slot && this.queue.shift();
      if (!slot || !job) return;
      slot.job = job;
      slot.w.postMessage({ id: job.id, task: job.task });
    }
  }

  private fail(slot: { w: Worker; job: Job | null }, why: string): void {
    const job = slot.job;
    slot.job = null;
    job?.reject(new Error(`the fit worker failed: ${why}`));
    this.pump();
  }

  private onReply(slot: { w: Worker; job: Job | null }, reply: Reply): void {
    const job = slot.job;
    if (!job || job.id !== reply.id) return;
    if (reply.type === "progress") {
      job.onProgress?.(reply.done);
      return;
    }
    slot.job = null;
    if (reply.type === "result") job.resolve(reply.result);
    else job.reject(replyError(reply.error));
    this.pump();
  }

  /** Stops every worker; running and waiting tasks fail with "stopped". */
  terminate(): void {
    for (const s of this.workers) {
      s.w.terminate();
      s.job?.reject(new Error("stopped"));
      s.job = null;
    }
    this.workers.length = 0;
    for (const j of this.queue.splice(0)) j.reject(new Error("stopped"));
  }
}
