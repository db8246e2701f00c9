import { titleSegments } from "@/lib/title";
import { Tex } from "./Tex";

/** A title as it is printed: text, with its inline math rendered by KaTeX. */
export function TitleText({ text }: { text: string }) {
  const parts = titleSegments(text);
  if (parts.every((p) => p.kind === "text")) return <>{text.replace(/\\\$/g, "$")}</>;
  return (
    <>
      {parts.map((p, i) => (p.kind === "math" ? <Tex key={i} latex={p.value} /> : <span key={i}>{p.value}</span>))}
    </>
  );
}
