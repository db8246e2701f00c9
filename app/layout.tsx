import type { Metadata } from "next";
import Link from "next/link";
import "katex/dist/katex.min.css";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Lawdex — executable empirical laws", template: "%s · Lawdex" },
  description:
    "A registry of the empirical laws in the research literature, starting with the scaling laws of machine learning. Every law is executable: formula, fitted coefficients, validity ranges, units and provenance.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="site">
          <nav aria-label="Site">
            <Link href="/" className="brand">
              Lawdex
            </Link>
            <Link href="/domains">Domains</Link>
            <Link href="/papers">Papers</Link>
            <Link href="/compare">Compare</Link>
            <Link href="/fit">Fit</Link>
            <Link href="/data">Data</Link>
            <Link href="/coverage">Coverage</Link>
            <Link href="/api-docs">API</Link>
            <form method="get" action="/search" role="search" className="site-search">
              <label htmlFor="site-q" className="visually-hidden">
                Search
              </label>
              <input id="site-q" type="search" name="q" placeholder="Search laws and papers" />
            </form>
          </nav>
        </header>
        <main id="main">{children}</main>
        <footer className="site">
          Every number links to where in its paper it was printed. Laws are data in{" "}
          <code>content/</code>; predictions come from the same expression the formula is rendered from.
        </footer>
      </body>
    </html>
  );
}
