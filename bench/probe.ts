export {};
/**
 * Probes a URL every 20 ms until stdin closes, then prints the latencies (ms)
 * as JSON. Run as its own process by bench/load, so that the load generator's
 * event loop (autocannon parsing responses) cannot delay the probe and be
 * mistaken for the server's latency.
 */
const url = process.argv[2] as string;
const latencies: number[] = [];
let errors = 0;
let running = true;
process.stdin.on("end", () => {
  running = false;
});
process.stdin.resume();
while (running) {
  const t0 = performance.now();
  try {
    const r = await fetch(url);
    await r.arrayBuffer();
    if (!r.ok) errors++;
    latencies.push(performance.now() - t0);
  } catch {
    errors++;
  }
  await new Promise((done) => setTimeout(done, 20));
}
process.stdout.write(JSON.stringify({ latencies, errors }));
