/** Entry of the browser's Web Worker (bundled to public/fit-worker.js by lib/fit/bundle.ts). */
import { type Request, serve } from "./protocol";

const scope = globalThis as unknown as { onmessage: ((e: { data: Request }) => void) | null; postMessage: (m: unknown) => void };
scope.onmessage = (e) => serve(e.data, (reply) => scope.postMessage(reply));
