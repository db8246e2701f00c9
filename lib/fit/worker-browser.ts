/** Entry of the browser's Web Worker (bundled to public/fit-worker.js by lib/fit/bundle.ts). */
import { serveMessage } from "./protocol";

// The DOM library types the global scope as a window; a worker's has the same onmessage and one-argument postMessage.
onmessage = (e: MessageEvent<unknown>) => serveMessage(e.data, (reply) => postMessage(reply));
