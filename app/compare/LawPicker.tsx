"use client";
/**
 * The compare view's law picker. Without JavaScript it is a GET form: the
 * page searches (`find=`) and lists the matches, each a link that adds the
 * law. With JavaScript the list follows the words as they are typed, from
 * GET /compare/picker, which runs the same search on the server.
 */
import { useEffect, useRef, useState } from "react";
import * as z from "zod/mini";
import type { PickerHit } from "@/app/_lib/compare-catalog";
import { toSearch } from "@/app/_lib/compare-search";

export interface PickerAnswer {
  hits: PickerHit[];
  total: number;
}

/** GET /compare/picker's answer, checked as it arrives (zod/mini: a few KB in the page, where zod would be tens). */
const pickerAnswer: z.ZodMiniType<PickerAnswer> = z.object({
  hits: z.array(
    z.object({ id: z.string(), citation: z.string(), name: z.string(), predicts: z.string(), from: z.array(z.string()), problem: z.nullable(z.string()) }),
  ),
  total: z.number(),
});

const NO_ANSWER: PickerAnswer = { hits: [], total: 0 };

interface Props {
  /** The comparison's query (without `find`), kept by the form and by each link. */
  base: Record<string, string>;
  find: string;
  /** The server's answer to `find`, so the list is in the HTML. */
  initial: PickerAnswer;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function status(q: string, answer: PickerAnswer): string {
  if (!q.trim()) return "";
  if (answer.total === 0) return `No law matches “${q.trim()}”.`;
  const shown = answer.hits.length < answer.total ? ` The first ${answer.hits.length} are listed: add a word to narrow them.` : "";
  return `${plural(answer.total, "law matches", "laws match")}.${shown}`;
}

export function LawPicker({ base, find, initial }: Props) {
  const [q, setQ] = useState(find);
  const [answer, setAnswer] = useState(initial);
  const list = useRef<HTMLUListElement>(null);
  const typed = useRef(false);

  useEffect(() => {
    // the server answered the initial words; blank words are answered where they are typed
    if (!typed.current || !q.trim()) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/compare/picker?${toSearch({ q, laws: base.laws ?? "" })}`, { signal: controller.signal })
        .then((r) => (r.ok ? r.json() : null))
        .then((json: unknown) => {
          const a = pickerAnswer.safeParse(json);
          if (a.success) setAnswer(a.data);
        })
        .catch(() => {
          // superseded by the next keystroke, or offline: the Find button still works
        });
    }, 120);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q, base.laws]);

  const href = (id: string) => `/compare?${toSearch({ ...base, add: id })}`;
  return (
    <div className="picker">
      <form method="get" action="/compare" role="search" aria-label="Find a law">
        {Object.entries(base).map(([k, v]) => (
          <input type="hidden" name={k} value={v} key={k} />
        ))}
        <label>
          <span>Find a law by paper, name or what it predicts</span>
          <input
            type="search"
            name="find"
            value={q}
            autoComplete="off"
            placeholder="e.g. Chinchilla, Kaplan, batch size, loss"
            aria-controls="picker-results"
            onChange={(e) => {
              typed.current = true;
              setQ(e.target.value);
              if (!e.target.value.trim()) setAnswer(NO_ANSWER);
            }}
            onKeyDown={(e) => {
              if (e.key === "ArrowDown") {
                list.current?.querySelector("a")?.focus();
                e.preventDefault();
              }
            }}
          />
        </label>
        <button type="submit">Find</button>
      </form>
      <p className="small muted" aria-live="polite" data-testid="picker-status">
        {status(q, answer)}
      </p>
      <ul id="picker-results" className="picker-results" ref={list}>
        {answer.hits.map((h) => (
          <li key={h.id}>
            <a href={href(h.id)} data-law={h.id}>
              <strong>{h.citation}</strong> — {h.name}
            </a>
            <span className="small muted">
              {" "}
              predicts {h.predicts} from {h.from.join(", ")}
            </span>
            {h.problem && <span className="badge warn">{h.problem}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
