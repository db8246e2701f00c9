/**
 * `npm start`: build when code, content or configuration changed since the
 * last build (app/_build/stamp.ts), then serve with the production server.
 * With nothing changed it serves in seconds; PORT and HOSTNAME (or --port and
 * --hostname after `npm start --`) choose where.
 */
import { spawnSync } from "node:child_process";
import { staleReason } from "./stamp";

const why = staleReason(process.cwd());
if (why === null) {
  console.log("lawdex: the build is current (nothing changed since it was made): serving it");
} else {
  console.log(`lawdex: building (${why})`);
  const built = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (built.status !== 0) {
    console.error("lawdex: the build failed; nothing is served");
    process.exit(built.status ?? 1);
  }
}
await import("./serve");
