import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { flatQuery, lawHref, lawOr404 } from "@/app/_lib/data";
import { Num } from "@/app/_components/Num";
import { LawdexError } from "@/lib/errors";
import { formatNumber } from "@/lib/format";
import { toFiniteNumber } from "@/lib/numeric";
import { type Areas, annealingAreas, lossCurve, parseScheduleRequest, takesAreas } from "@/lib/schedule";

type Props = {
  params: Promise<{ paper: string; law: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "Loss along a learning-rate schedule", robots: { index: false } };

const FIELDS = ["kind", "steps", "eta_max", "eta_min", "decay_steps", "decay", "lambda"] as const;
const DEFAULTS: Record<(typeof FIELDS)[number], string> = {
  kind: "wsd",
  steps: "60000",
  eta_max: "2e-4",
  eta_min: "0",
  decay_steps: "12000",
  decay: "cosine",
  lambda: "0.999",
};

/** The query of the form as a schedule request (numbers read field by field, so an error names its field). */
function requestFrom(q: Record<string, string>) {
  const known = new Set<string>(FIELDS);
  for (const k of Object.keys(q)) if (!known.has(k)) throw new LawdexError(400, "invalid_input", k, `unknown field ${k}`);
  const v = { ...DEFAULTS, ...q };
  const num = (k: (typeof FIELDS)[number]) => toFiniteNumber(v[k], k === "lambda" ? "lambda" : `schedule.${k}`);
  const schedule: Record<string, unknown> = { kind: v.kind, steps: num("steps"), eta_max: num("eta_max") };
  if (v.kind === "cosine" || v.kind === "wsd") schedule.eta_min = num("eta_min");
  if (v.kind === "wsd") Object.assign(schedule, { decay_steps: num("decay_steps"), decay: v.decay });
  return parseScheduleRequest({ schedule, lambda: num("lambda"), points: 11 });
}

/** A column's value at a step (the columns are as long as the steps). */
const cell = (v: number | undefined, digits: number) => (v === undefined ? "—" : formatNumber(v, digits));

/** Tissue et al.'s areas S1, S2 of a schedule and the law's loss along it: a plain GET form, no JavaScript needed. */
export default async function SchedulePage({ params, searchParams }: Props) {
  const { paper, law } = await params;
  const found = lawOr404(paper, law);
  if (found.free || !takesAreas(found)) notFound();
  let values: Record<string, string> = { ...DEFAULTS };
  let error: { field: string | null; message: string } | undefined;
  let areas: Areas | undefined;
  let loss: (number | null)[] = [];
  try {
    const q = flatQuery(await searchParams);
    values = { ...DEFAULTS, ...q };
    const request = requestFrom(q);
    areas = annealingAreas(request.schedule, { lambda: request.lambda, points: request.points });
    loss = lossCurve(found, areas);
  } catch (e) {
    if (!(e instanceof LawdexError)) throw e;
    error = { field: e.field, message: e.message };
  }
  const body = JSON.stringify({
    schedule:
      values.kind === "constant"
        ? { kind: "constant", steps: Number(values.steps), eta_max: Number(values.eta_max) }
        : values.kind === "cosine"
          ? { kind: "cosine", steps: Number(values.steps), eta_max: Number(values.eta_max), eta_min: Number(values.eta_min) }
          : { kind: "wsd", steps: Number(values.steps), eta_max: Number(values.eta_max), eta_min: Number(values.eta_min), decay_steps: Number(values.decay_steps), decay: values.decay },
    law: found.id,
    points: 200,
  });
  return (
    <article>
      <p className="small">
        <Link href={lawHref(found.id)}>← {found.name}</Link>
        {found.variant && <> · {found.variant.label}</>}
      </p>
      <h1>Loss along a learning-rate schedule</h1>
      <p>
        The forward area S<sub>1</sub> (the summed learning rate) and the annealing area S<sub>2</sub> (a momentum of the learning-rate
        decreases, m<sub>i</sub> = λ·m<sub>i−1</sub> + (η<sub>i−1</sub> − η<sub>i</sub>), Eq. 5) of a schedule, and this fit&apos;s loss at
        each step. Warmup steps count as if run at η<sub>max</sub>, so give the schedule without its warmup. The fit holds for its own run
        only: learning rates enter in absolute units.
      </p>
      <form method="get" className="calc" data-testid="schedule-form">
        <label>
          Schedule{" "}
          <select name="kind" defaultValue={values.kind}>
            <option value="constant">constant</option>
            <option value="cosine">cosine</option>
            <option value="wsd">warmup-stable-decay</option>
          </select>
        </label>
        {(["steps", "eta_max", "eta_min", "decay_steps", "lambda"] as const).map((k) => (
          <label key={k}>
            {k}{" "}
            <input name={k} defaultValue={values[k]} inputMode="decimal" size={10} aria-invalid={error?.field?.endsWith(k) || undefined} />
          </label>
        ))}
        <label>
          decay{" "}
          <select name="decay" defaultValue={values.decay}>
            <option value="cosine">cosine</option>
            <option value="linear">linear</option>
          </select>
        </label>
        <button type="submit">Compute</button>
      </form>
      <p className="small muted">eta_min applies to cosine and WSD; decay_steps and decay to WSD only.</p>
      {error && (
        <div className="error" role="alert">
          {error.field && <strong>{error.field}: </strong>}
          {error.message}
        </div>
      )}
      {areas && (
        <div className="table-wrap">
          <table className="data" data-testid="schedule-table">
            <thead>
              <tr>
                <th scope="col">Step</th>
                <th scope="col">η</th>
                <th scope="col">
                  S<sub>1</sub>
                </th>
                <th scope="col">
                  S<sub>2</sub>
                </th>
                <th scope="col">
                  {found.output.symbol} ({found.output.unit})
                </th>
              </tr>
            </thead>
            <tbody>
              {areas.steps.map((s, k) => {
                const l = loss[k] ?? null;
                return (
                  <tr key={s}>
                    <td className="num">{s}</td>
                    <td className="num">{cell(areas.lr[k], 4)}</td>
                    <td className="num">{cell(areas.S1[k], 5)}</td>
                    <td className="num">{cell(areas.S2[k], 5)}</td>
                    <td className="num" data-loss={l ?? ""}>
                      {l === null ? "—" : <Num value={l} digits={5} />}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <h2>From a script</h2>
      <pre className="small">
        <code>{`curl -s -X POST http://localhost:3000/api/v1/schedule -H 'content-type: application/json' \\\n  -d '${body}'`}</code>
      </pre>
      <p className="small muted">
        The JSON route also takes the rate of every step (<code>{`{"kind": "rates", "rates": [...]}`}</code>, up to 100,000) and answers at up to
        1000 steps.
      </p>
    </article>
  );
}
