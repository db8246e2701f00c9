import type { Metadata } from "next";
import { Crumbs } from "@/app/_components/Crumbs";
import { DomainTree } from "@/app/_components/DomainTree";
import { getDb } from "@/db/client";
import { listDomains } from "@/db/queries";

export const metadata: Metadata = { title: "Domains", description: "The registry's domains as a tree, with counts of papers and laws." };

export default function DomainsPage() {
  return (
    <article>
      <Crumbs trail={[{ label: "Domains" }]} />
      <h1>Domains</h1>
      <DomainTree all={listDomains(getDb())} descriptions />
    </article>
  );
}
