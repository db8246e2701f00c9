/**
 * MDX options shared by the database build (which validates every paper's
 * prose) and the paper page (which renders it). Prose may use Markdown and
 * math ($...$, $$...$$); ESM, JavaScript expressions and JSX are rejected so
 * that a content file can never run code.
 */
import { compile } from "@mdx-js/mdx";
import rehypeKatex from "rehype-katex";
import remarkMath from "remark-math";
import type { Pluggable } from "unified";

interface MdastNode {
  type: string;
  name?: string | null;
  url?: string;
  position?: { start: { line: number; column: number } };
  children?: MdastNode[];
}

const FORBIDDEN: Record<string, string> = {
  mdxjsEsm: "import/export statements are not allowed in paper prose",
  mdxFlowExpression: "JavaScript expressions ({...}) are not allowed in paper prose",
  mdxTextExpression: "JavaScript expressions ({...}) are not allowed in paper prose",
  mdxJsxFlowElement: "JSX elements are not allowed in paper prose",
  mdxJsxTextElement: "JSX elements are not allowed in paper prose",
};

/** Link targets prose may use: the web, this site (relative) and anchors; never javascript:, data:, file: … */
export function safeLinkTarget(url: string): boolean {
  const u = url.trim();
  if (/^https?:\/\//i.test(u)) return true;
  // relative or an anchor: no scheme before the first / ? or #
  return !/^[a-z][a-z0-9+.-]*:/i.test(u) && !u.startsWith("//");
}

function proseOnly(options: { firstLine?: number } = {}) {
  const offset = (options.firstLine ?? 1) - 1;
  return (tree: MdastNode) => {
    const walk = (n: MdastNode): void => {
      const at = n.position ? ` (line ${n.position.start.line + offset}, column ${n.position.start.column})` : "";
      const reason = FORBIDDEN[n.type];
      if (reason) throw new Error(`${reason}${at}`);
      if ((n.type === "link" || n.type === "image" || n.type === "definition") && n.url !== undefined && !safeLinkTarget(n.url)) {
        throw new Error(`link target ${JSON.stringify(n.url.slice(0, 60))} is not allowed in paper prose: use an http(s) address, a relative path or a #anchor${at}`);
      }
      n.children?.forEach(walk);
    };
    walk(tree);
  };
}

/** Display-math fences `$$` outside code, counted: an odd number leaves the rest of the prose as math. */
function unbalancedDisplayMath(body: string, firstLine: number): string | null {
  const lines = body.split("\n");
  let inFence = false;
  let open: number | null = null;
  lines.forEach((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      return;
    }
    if (inFence) return;
    const count = (line.replace(/`[^`]*`/g, "").match(/\$\$/g) ?? []).length;
    for (let k = 0; k < count; k++) open = open === null ? i : null;
  });
  return open === null ? null : `unbalanced $$: an odd number of $$ fences, so the last one (line ${open + firstLine}) is never closed`;
}

export const remarkPlugins: Pluggable[] = [remarkMath, proseOnly];
export const rehypePlugins: Pluggable[] = [[rehypeKatex, { throwOnError: true, strict: "ignore" }]];

/**
 * Compiles a paper's prose; returns null when it is valid, else the reason.
 * `firstLine` is the file line the prose starts on, so reported lines are the file's.
 */
export async function checkProse(body: string, firstLine = 1): Promise<string | null> {
  const fences = unbalancedDisplayMath(body, firstLine);
  if (fences) return fences;
  try {
    const file = await compile(body, { remarkPlugins: [remarkMath, [proseOnly, { firstLine }]], rehypePlugins });
    // rehype-katex reports what KaTeX cannot render as a message and draws it in red; here it is an error
    const math = file.messages.find((m) => m.source === "rehype-katex");
    if (math) {
      const line = math.line !== undefined && math.line !== null ? ` (line ${math.line + firstLine - 1})` : "";
      const cause = math.cause instanceof Error ? `: ${(math.cause.message.split("\n")[0] ?? "").replace(/\u0332/g, "")}` : "";
      return `KaTeX cannot render this math${cause}${line}`;
    }
    return null;
  } catch (e) {
    const msg = (e instanceof Error ? e.message : String(e)).split("\n")[0] ?? "";
    // parser errors carry their own (prose-relative) place
    const place = e !== null && typeof e === "object" && "line" in e && typeof e.line === "number" ? e.line : null;
    return place !== null && !/\(line \d+/.test(msg) ? `${msg} (line ${place + firstLine - 1})` : msg;
  }
}
