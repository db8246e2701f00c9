/**
 * Messages between a runner and its workers (worker_threads or Web Workers):
 * the same protocol and the same task code on both sides.
 */
import { LawdexError } from "../errors";
import { type Task, type TaskResult, handleTask } from "./run";

export type Request = { id: number; task: Task };
export type Reply =
  | { id: number; type: "progress"; done: number }
  | { id: number; type: "result"; result: TaskResult }
  | { id: number; type: "error"; error: { status: number; code: string; field: string | null; message: string } };

/** Runs a request and posts its progress (at most every 50 ms) and result. */
export function serve(req: Request, post: (reply: Reply) => void): void {
  let last = 0;
  try {
    const result = handleTask(req.task, (done) => {
      const now = Date.now();
      if (now - last >= 50) {
        last = now;
        post({ id: req.id, type: "progress", done });
      }
    });
    post({ id: req.id, type: "result", result });
  } catch (e) {
    const error =
      e instanceof LawdexError
        ? { status: e.status, code: e.code, field: e.field, message: e.message }
        : { status: 500, code: "internal", field: null, message: e instanceof Error ? e.message : String(e) };
    post({ id: req.id, type: "error", error });
  }
}

/** Turns an error reply back into the error the task threw. */
export function replyError(error: Extract<Reply, { type: "error" }>["error"]): Error {
  if (error.status === 400 || error.status === 404 || error.status === 413 || error.status === 422) {
    return new LawdexError(error.status, error.code, error.field, error.message);
  }
  return new Error(error.message);
}
