/** Entry of the Node worker thread (bundled to data/workers/fit-worker.mjs by lib/fit/bundle.ts). */
import { parentPort } from "node:worker_threads";
import { type Request, serve } from "./protocol";

parentPort?.on("message", (req: Request) => serve(req, (reply) => parentPort?.postMessage(reply)));
