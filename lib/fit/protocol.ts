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

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

const TASK_KINDS: ReadonlySet<string> = new Set<Task["kind"]>(["check", "starts", "best", "bootstrap", "summary", "fit", "compare"]);
const RESULT_KINDS: ReadonlySet<string> = new Set<TaskResult["kind"]>(["check", "starts", "best", "bootstrap", "summary", "fit", "compare"]);

/**
 * A task or a result of a kind the protocol knows. Only the kind is checked:
 * both sides are this module's own code, the payload is what run.ts built on
 * the other side (structured clone keeps its shape), and fit() checks that a
 * result is of the kind its task asked for.
 */
const isTask = (v: unknown): v is Task => isRecord(v) && typeof v.kind === "string" && TASK_KINDS.has(v.kind);
const isTaskResult = (v: unknown): v is TaskResult => isRecord(v) && typeof v.kind === "string" && RESULT_KINDS.has(v.kind);

/** A message a pool received from a worker, as a Reply; null when it is not one. */
export function parseReply(m: unknown): Reply | null {
  if (!isRecord(m) || typeof m.id !== "number") return null;
  const { id } = m;
  switch (m.type) {
    case "progress":
      return typeof m.done === "number" ? { id, type: "progress", done: m.done } : null;
    case "result":
      return isTaskResult(m.result) ? { id, type: "result", result: m.result } : null;
    case "error": {
      const e = m.error;
      if (!isRecord(e) || typeof e.status !== "number" || typeof e.code !== "string" || typeof e.message !== "string") return null;
      if (e.field !== null && typeof e.field !== "string") return null;
      return { id, type: "error", error: { status: e.status, code: e.code, field: e.field, message: e.message } };
    }
    default:
      return null;
  }
}

/** A message a worker received, as a Request; null when it is not one. */
export function parseRequest(m: unknown): Request | null {
  if (!isRecord(m) || typeof m.id !== "number" || !isTask(m.task)) return null;
  return { id: m.id, task: m.task };
}

/** Runs a message a worker received: a request as serve() does, anything else answered with an error. */
export function serveMessage(m: unknown, post: (reply: Reply) => void): void {
  const req = parseRequest(m);
  if (req) return serve(req, post);
  const id = isRecord(m) && typeof m.id === "number" ? m.id : -1;
  post({ id, type: "error", error: { status: 500, code: "internal", field: null, message: "the fit worker received a message that is not a task request" } });
}

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
