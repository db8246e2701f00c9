import type { NextConfig } from "next";
import path from "node:path";
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD } from "next/constants";

/**
 * Security headers on every response. Scripts: Next's prerendered pages carry
 * inline bootstrap scripts, and nonces would force every page to render per
 * request, so inline scripts are allowed but nothing from another origin and
 * no eval. Styles: KaTeX and the charts use inline style attributes.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const nextConfig: NextConfig = {
  // better-sqlite3 is a native addon: load it from node_modules at run time
  // instead of bundling it.
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: CSP },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
      {
        // The fit worker compiles each law to a function, as the server does (lib/fit/program.ts: the
        // generated source holds only numbers, operators and Math.*). A dedicated worker takes its policy
        // from its own script's response, so eval is allowed there and nowhere else.
        source: "/fit-worker.js",
        headers: [{ key: "Content-Security-Policy", value: CSP.replace("script-src 'self' 'unsafe-inline'", "script-src 'self' 'unsafe-eval'") }],
      },
    ];
  },
};

export default function config(phase: string): NextConfig {
  // Law and paper pages are prerendered; document requests for them are served
  // as the files app/_build/publish-prerendered.ts copies into public/, on
  // Next's static-file path. Router (RSC) requests still reach the app router;
  // they carry a `_rsc` query (Next redirects those without one), so a shared
  // cache never confuses the two answers for one URL.
  // Not under `next dev`, which publishes nothing and renders every page anew.
  async function rewrites() {
    const documentOnly = [
      { type: "header" as const, key: "rsc" },
      { type: "query" as const, key: "_rsc" },
    ];
    return {
      beforeFiles: [
        { source: "/laws/:paper/:law", destination: "/_prerendered/laws/:paper/:law.html", missing: documentOnly },
        { source: "/papers/:slug", destination: "/_prerendered/papers/:slug.html", missing: documentOnly },
      ],
      afterFiles: [],
      fallback: [],
    };
  }
  if (phase === PHASE_DEVELOPMENT_SERVER) return nextConfig;
  // The build adapter (Next's documented build API) writes down which files hold
  // the prerendered pages, for app/_build/publish-prerendered.ts to publish.
  if (phase === PHASE_PRODUCTION_BUILD) return { ...nextConfig, rewrites, adapterPath: path.join(process.cwd(), "app/_build/adapter.mjs") };
  return { ...nextConfig, rewrites };
}
