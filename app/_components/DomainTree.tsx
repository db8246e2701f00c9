import Link from "next/link";
import type { DomainSummary } from "@/db/queries";
import { plural } from "@/lib/words";

/** The registry's domains as a nested list with their counts; `descriptions` adds each domain's line of text. */
export function DomainTree({ all, parent = null, descriptions = false }: { all: DomainSummary[]; parent?: string | null; descriptions?: boolean }) {
  const kids = all.filter((d) => (d.parent ?? null) === parent);
  if (kids.length === 0) return null;
  return (
    <ul className={parent === null ? "plain domain-tree" : undefined}>
      {kids.map((d) => (
        <li key={d.id}>
          <Link href={`/domains/${d.id}`}>{d.name}</Link>{" "}
          <span className="muted small">
            {plural(d.papers, "paper")} · {plural(d.laws, "law")}
          </span>
          {descriptions && d.description && <div className="small muted">{d.description}</div>}
          <DomainTree all={all} parent={d.id} descriptions={descriptions} />
        </li>
      ))}
    </ul>
  );
}
