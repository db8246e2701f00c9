import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { MARK_END, MARK_START, searchRegistry } from "@/db/queries";
import { lawHref } from "@/app/_lib/data";
import { Tex } from "@/app/_components/Tex";
import { titleSegments } from "@/lib/title";
import { Crumbs } from "@/app/_components/Crumbs";

export const metadata: Metadata = { title: "Search", description: "Search papers, laws and their symbols." };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Renders text whose matches are wrapped in the private marker characters. */
function Highlighted({ text }: { text: string }) {
  const parts = text.split(MARK_START);
  return (
    <>
      {parts.map((part, i) => {
        if (i === 0) return <span key={i}>{part}</span>;
        const [hit = "", rest = ""] = part.split(MARK_END);
        return (
          <span key={i}>
            <mark>{hit}</mark>
            {rest}
          </span>
        );
      })}
    </>
  );
}

/**
 * A title with its matches marked and its inline math rendered: the marks
 * apply to the text between the math; inside math they are dropped (KaTeX
 * has nothing to mark a part of a formula with).
 */
function HighlightedTitle({ text }: { text: string }) {
  return (
    <>
      {titleSegments(text).map((seg, i) =>
        seg.kind === "math" ? <Tex key={i} latex={seg.value.split(MARK_START).join("").split(MARK_END).join("")} /> : <Highlighted key={i} text={seg.value} />,
      )}
    </>
  );
}

function href(kind: string, ref: string): string {
  if (kind === "law") return lawHref(ref);
  if (kind === "statement") {
    const [paper, id] = ref.split("#");
    return `/papers/${paper}#${id}`;
  }
  return `/papers/${ref}`;
}

export default async function SearchPage({ searchParams }: Props) {
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw.join(" ") : (raw ?? "")).slice(0, 200);
  const hits = q ? searchRegistry(getDb(), q) : [];
  return (
    <article>
      <Crumbs trail={[{ label: "Search" }]} />
      <h1>Search</h1>
      <form method="get" action="/search" role="search" className="calc">
        <label>
          <span>Names (Chinchilla, Kaplan et al.), titles, summaries, law names, symbols</span>
          <input type="search" name="q" defaultValue={q} style={{ width: "min(30rem, 100%)" }} />
        </label>
        <button type="submit">Search</button>
      </form>
      {q && (
        <p className="muted small" data-testid="search-count">
          {hits.length === 0 ? "No results." : `${hits.length}${hits.length === 50 ? "+" : ""} result${hits.length === 1 ? "" : "s"}.`}
        </p>
      )}
      <ul className="plain" data-testid="search-results">
        {hits.map((h) => (
          <li key={`${h.kind}:${h.ref}`}>
            <span className="badge info">{h.kind}</span>{" "}
            <Link href={href(h.kind, h.ref)}>
              <HighlightedTitle text={h.title} />
            </Link>
            <div className="small muted">
              <Highlighted text={h.snippet} />
            </div>
          </li>
        ))}
      </ul>
    </article>
  );
}
