import Link from "next/link";
import { Fragment } from "react";
import { domainTrail } from "@/app/_lib/data";

export type Crumb = { href?: string; label: React.ReactNode };

/** Where a page sits: links from the home page down, separated by "/", the last one the page itself. */
export function Crumbs({ trail }: { trail: Crumb[] }) {
  const all: Crumb[] = [{ href: "/", label: "Lawdex" }, ...trail];
  return (
    <nav className="crumbs" aria-label="Breadcrumb">
      {all.map((c, i) => (
        <Fragment key={i}>
          {i > 0 && <span aria-hidden="true"> / </span>}
          {c.href && i < all.length - 1 ? <Link href={c.href}>{c.label}</Link> : <span aria-current={i === all.length - 1 ? "page" : undefined}>{c.label}</span>}
        </Fragment>
      ))}
    </nav>
  );
}

/** The crumbs of a domain path: Domains / parent / … / the domain, by name. */
export function domainCrumbs(id: string): Crumb[] {
  return [{ href: "/domains", label: "Domains" }, ...domainTrail(id).map((d) => ({ href: `/domains/${d.id}`, label: d.name }))];
}
