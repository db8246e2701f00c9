"use client";
/**
 * The /fit form. Without JavaScript it posts to /fit/run and the server
 * fits. With JavaScript the same form fits in the reader's browser, in Web
 * Workers (public/fit-worker.js) with a progress bar over starts and
 * resamples, and adds upload, released datasets, column and unit pickers,
 * the literature on the reader's runs, and exports.
 */
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { z } from "zod";
import { parseCsv } from "@/lib/csv";
import { BrowserPool } from "@/lib/fit/browser-pool";
import { type ExportContext, lawEntryMdx, predictionsCsv } from "@/lib/fit/export";
import { type FitForm, pairs, requestFromForm } from "@/lib/fit/form";
import { type CatalogueLaw, candidates, r2Log, sameFormOf } from "@/lib/fit/literature";
import { type FitResponse, parseFitRequest, predictColumns, prepareRequest, present } from "@/lib/fit/request";
import { fit } from "@/lib/fit/run";
import { FitResult, type LiteratureLine, type SameForm } from "./FitResult";
import type { ServedDataset } from "./_catalogue";

const CHINCHILLA_GRID = '{"grid": {"A": [0, 5, 10, 15, 20, 25], "B": [0, 5, 10, 15, 20, 25], "E": [-1, -0.5, 0, 0.5, 1], "alpha": [0, 0.5, 1, 1.5, 2], "beta": [0, 0.5, 1, 1.5, 2]}}';

interface Done {
  response: FitResponse;
  data: { inputs: Record<string, number[]>; y: number[] };
  units: { inputs: Record<string, string>; output: string };
  literature: LiteratureLine[];
  sameForm: SameForm[];
  /** Object URLs of the exports (revoked when the next fit replaces them). */
  urls: { json: string; csv: string; mdx: string; mdxFile: string };
}

/** The answers of the JSON routes this form calls, checked as they arrive. */
const failure = z.object({ message: z.string(), field: z.string().nullable() });
const datasetAnswer = z.object({ columns: z.record(z.string(), z.array(z.union([z.number(), z.string(), z.null()]))).optional(), error: failure.optional() });
const predictAnswer = z.object({ values: z.array(z.number()) });

/** Whether the page is live never changes after hydration: nothing to subscribe to. */
const noSubscription = () => () => {};

function blobUrl(type: string, text: string): string {
  return URL.createObjectURL(new Blob([text], { type }));
}

export function FitWorkbench({
  catalogue,
  units,
  datasets,
  initial,
}: {
  catalogue: CatalogueLaw[];
  units: Record<string, Record<string, number>>;
  datasets: ServedDataset[];
  initial: FitForm;
}) {
  const [form, setForm] = useState<FitForm>(() => ({ loss: "huber-log", delta: "0.001", bootstrap: "100", seed: "42", ...initial }));
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [datasetId, setDatasetId] = useState(datasets[0]?.id ?? "");
  const pool = useRef<BrowserPool | null>(null);
  // parts that need JavaScript (upload, released data, pickers) appear once the page is live:
  // absent from the server's HTML, present from hydration on
  const live = useSyncExternalStore(noSubscription, () => true, () => false);
  useEffect(
    () => () => {
      if (done) for (const u of [done.urls.json, done.urls.csv, done.urls.mdx]) URL.revokeObjectURL(u);
    },
    [done],
  );
  const unitTable = useMemo(() => new Map(Object.entries(units)), [units]);
  const law = catalogue.find((l) => l.id === form.law) ?? null;
  const set = (k: keyof FitForm) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const header = useMemo(() => {
    try {
      return form.csv ? parseCsv(form.csv.split("\n", 2)[0] ?? "").header : [];
    } catch {
      return [];
    }
  }, [form.csv]);
  const mapping = useMemo(() => {
    try {
      return pairs(form.columns, "columns");
    } catch {
      return {};
    }
  }, [form.columns]);
  const unitMap = useMemo(() => {
    try {
      return pairs(form.units, "units");
    } catch {
      return {};
    }
  }, [form.units]);
  const setPair = (k: "columns" | "units", current: Record<string, string>, symbol: string, value: string) => {
    const next = { ...current, [symbol]: value };
    setForm((f) => ({ ...f, [k]: Object.entries(next).map(([s, v]) => `${s}=${v}`).join(", ") }));
  };

  async function loadDataset() {
    setError(null);
    const res = await fetch(`/api/v1/datasets/${datasetId}?rows=all`);
    const parsed = datasetAnswer.safeParse(await res.json());
    const body = parsed.success ? parsed.data : {};
    if (!res.ok || !body.columns) {
      setError(body.error ?? { field: "dataset", message: "could not load the dataset" });
      return;
    }
    const ds = datasets.find((d) => d.id === datasetId);
    const names = (ds?.columns ?? []).map((c) => c.name);
    const cols = names.map((n) => body.columns?.[n] ?? []);
    const rows = (cols[0] ?? []).map((_, i) => cols.map((c) => c[i]));
    const complete = rows.filter((r) => r.every((v) => typeof v === "number"));
    const csv = [names.join(","), ...complete.map((r) => r.join(","))].join("\n");
    // map each of the law's symbols to the first column of its quantity and unit
    const next: Record<string, string> = {};
    if (law && ds) {
      for (const io of [...law.inputs, law.output]) {
        const col = ds.columns.find((c) => c.quantity === io.quantity && c.unit === io.unit) ?? ds.columns.find((c) => c.quantity === io.quantity);
        if (col) next[io.symbol] = col.name;
      }
    }
    setForm((f) => ({ ...f, csv, columns: Object.entries(next).map(([s, v]) => `${s}=${v}`).join(", ") }));
  }

  async function run(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    setDone(null);
    try {
      const { request } = requestFromForm(form, law, unitTable);
      const parsed = parseFitRequest(request);
      const prepared = prepareRequest(parsed, law);
      pool.current?.terminate();
      pool.current = new BrowserPool();
      const total = prepared.problem.starts.length + prepared.bootstrap;
      setProgress({ done: 0, total });
      const outcome = await fit(
        prepared.problem,
        { bootstrap: prepared.bootstrap, seed: prepared.seed, predict: predictColumns(parsed, prepared.problem) ?? undefined },
        pool.current,
        (d, t) => setProgress({ done: d, total: t }),
      );
      const response = present(parsed, prepared, outcome, law?.id ?? null);
      const data = { inputs: Object.fromEntries(response.inputs.map((s) => [s, parsed.data[s] ?? []])), y: parsed.data[response.output] ?? [] };
      const shownUnits = { inputs: Object.fromEntries(response.inputs.map((s) => [s, law?.inputs.find((i) => i.symbol === s)?.unit ?? ""])), output: law?.output.unit ?? "" };
      const literature: LiteratureLine[] = [];
      if (law && data.y.length <= 10_000) {
        for (const c of candidates(law, catalogue, unitTable, 6)) {
          const inputs = Object.fromEntries(c.inputs.map((i) => [i.symbol, (data.inputs[i.from] ?? []).map((v) => v * i.factor)]));
          const res = await fetch("/api/v1/predict", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ law: c.law.id, inputs }) });
          if (!res.ok) continue;
          const body = predictAnswer.safeParse(await res.json());
          if (!body.success) continue;
          const values = body.data.values.map((v) => v * c.outputFactor);
          literature.push({ id: c.law.id, label: c.law.id, values, r2: r2Log(data.y, values), warnings: c.warnings });
        }
      }
      const ctx: ExportContext = {
        inputs: response.inputs.map((s) => law?.inputs.find((i) => i.symbol === s) ?? { symbol: s, quantity: "dimensionless", unit: "1" }),
        output: law ? law.output : { symbol: response.output, quantity: "dimensionless", unit: "1" },
        law: law?.id ?? null,
        data,
      };
      const mdx = lawEntryMdx(response, ctx);
      setDone({
        response,
        data,
        units: shownUnits,
        literature,
        sameForm: sameFormOf(law, catalogue),
        urls: {
          json: blobUrl("application/json", JSON.stringify(response, null, 2)),
          csv: blobUrl("text/csv", predictionsCsv(response, ctx)),
          mdx: blobUrl("text/markdown", mdx.text),
          mdxFile: mdx.file,
        },
      });
    } catch (err) {
      const field = err && typeof err === "object" && "field" in err && typeof err.field === "string" ? err.field : null;
      setError({ field, message: err instanceof Error ? err.message : String(err) });
    } finally {
      setProgress(null);
      pool.current?.terminate();
      pool.current = null;
    }
  }

  return (
    <>
      <form method="post" action="/fit/run" className="fit-form" onSubmit={run} data-testid="fit-form">
        <fieldset>
          <legend>1. Your runs</legend>
          <label className="block">
            <span>CSV (a header row, then one row per run)</span>
            <textarea name="csv" rows={8} value={form.csv ?? ""} onChange={set("csv")} spellCheck={false} placeholder={"N,D,L\n1e8,2e9,3.2\n..."} />
          </label>
          {live && (
          <p className="small">
            <label>
              Or upload a file:{" "}
              <input
                type="file"
                accept=".csv,text/csv"
                data-testid="fit-upload"
                onChange={async (e) => {
                  const file = e.target.files?.[0];
                  if (file) {
                    const text = await file.text();
                    setForm((f) => ({ ...f, csv: text }));
                  }
                }}
              />
            </label>
          </p>
          )}
          {live && datasets.length > 0 && (
            <p className="small">
              Or load released data:{" "}
              <select aria-label="Released dataset" value={datasetId} onChange={(e) => setDatasetId(e.target.value)}>
                {datasets.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.title}
                  </option>
                ))}
              </select>{" "}
              <button type="button" onClick={loadDataset}>
                Load
              </button>
            </p>
          )}
        </fieldset>
        <fieldset>
          <legend>2. The form</legend>
          <label className="block">
            <span>A registry law (its coefficients become the free parameters; its published values the start)</span>
            <select name="law" value={form.law ?? ""} onChange={set("law")} data-testid="fit-law">
              <option value="">— write an expression instead —</option>
              {catalogue.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.id} — {l.label}
                  {l.formOnly ? " (form only)" : ""}
                </option>
              ))}
            </select>
          </label>
          {!law && (
            <div className="row">
              <label>
                <span>Expression</span>
                <input name="expr" value={form.expr ?? ""} onChange={set("expr")} placeholder="E + A / N^alpha + B / D^beta" size={40} />
              </label>
              <label>
                <span>Free coefficients</span>
                <input name="free" value={form.free ?? ""} onChange={set("free")} placeholder="E, A, B, alpha, beta" />
              </label>
              <label>
                <span>Output column</span>
                <input name="output" value={form.output ?? ""} onChange={set("output")} placeholder="L" size={6} />
              </label>
            </div>
          )}
          {live && law && header.length > 0 && (
            <div className="table-wrap">
              <table className="data" data-testid="fit-mapping">
                <thead>
                  <tr>
                    <th scope="col">Symbol</th>
                    <th scope="col">Column</th>
                    <th scope="col">Unit of the column</th>
                  </tr>
                </thead>
                <tbody>
                  {[...law.inputs, law.output].map((io) => (
                    <tr key={io.symbol}>
                      <td>
                        <code>{io.symbol}</code> <span className="small muted">{io.quantity}</span>
                      </td>
                      <td>
                        <select aria-label={`Column for ${io.symbol}`} value={mapping[io.symbol] ?? (header.includes(io.symbol) ? io.symbol : "")} onChange={(e) => setPair("columns", mapping, io.symbol, e.target.value)}>
                          <option value="">—</option>
                          {header.map((h) => (
                            <option key={h} value={h}>
                              {h}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        <select aria-label={`Unit of ${io.symbol}`} value={unitMap[io.symbol] ?? io.unit} onChange={(e) => setPair("units", unitMap, io.symbol, e.target.value)}>
                          {Object.keys(units[io.quantity] ?? { [io.unit]: 1 }).map((u) => (
                            <option key={u} value={u}>
                              {u}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div className="row">
            <label>
              <span>Columns (symbol=column)</span>
              <input name="columns" value={form.columns ?? ""} onChange={set("columns")} placeholder="N=params, D=tokens, L=loss" size={34} />
            </label>
            <label>
              <span>Units (symbol=unit)</span>
              <input name="units" value={form.units ?? ""} onChange={set("units")} placeholder="N=M, D=B" size={20} />
            </label>
          </div>
        </fieldset>
        <fieldset>
          <legend>3. The procedure</legend>
          <div className="row">
            <label>
              <span>Objective</span>
              <select name="loss" value={form.loss} onChange={set("loss")}>
                <option value="huber-log">Huber on log residuals</option>
                <option value="mse-log">least squares on log residuals</option>
                <option value="mse">least squares on the output</option>
              </select>
            </label>
            <label>
              <span>Huber δ</span>
              <input name="delta" value={form.delta ?? ""} onChange={set("delta")} size={7} inputMode="decimal" />
            </label>
            <label>
              <span>Fitted as logs</span>
              <input name="log" value={form.log ?? ""} onChange={set("log")} placeholder="A, B, E" size={12} />
            </label>
            <label className="check">
              <input type="checkbox" name="lse" checked={form.lse === "on"} onChange={(e) => setForm((f) => ({ ...f, lse: e.target.checked ? "on" : "" }))} /> sum as log-sum-exp
            </label>
          </div>
          <label className="block">
            <span>
              Starts: empty or <code>published</code> for the law&apos;s values, or JSON (a grid or points, in the fitted parametrisation){" "}
              {live && (
              <button type="button" className="linkish" onClick={() => setForm((f) => ({ ...f, starts: CHINCHILLA_GRID, log: "A, B, E", lse: "on" }))}>
                use Hoffmann et al.&apos;s 4,500-start grid
              </button>
              )}
            </span>
            <textarea name="starts" rows={2} value={form.starts ?? ""} onChange={set("starts")} spellCheck={false} />
          </label>
          <div className="row">
            <label>
              <span>Bootstrap resamples</span>
              <input name="bootstrap" value={form.bootstrap ?? ""} onChange={set("bootstrap")} size={6} inputMode="numeric" />
            </label>
            <label>
              <span>Seed</span>
              <input name="seed" value={form.seed ?? ""} onChange={set("seed")} size={8} inputMode="numeric" />
            </label>
          </div>
        </fieldset>
        <button type="submit" disabled={progress !== null} data-testid="fit-submit">
          Fit
        </button>
        {progress && (
          <span className="fit-progress" role="status">
            <progress value={progress.done} max={progress.total} data-testid="fit-progress" /> {progress.done} of {progress.total} starts and resamples{" "}
            <button type="button" onClick={() => pool.current?.terminate()}>
              Stop
            </button>
          </span>
        )}
      </form>
      {error && (
        <div className="error" role="alert" data-testid="fit-error">
          {error.field && <strong>{error.field}: </strong>}
          {error.message}
        </div>
      )}
      {done && (
        <FitResult
          response={done.response}
          data={done.data}
          units={done.units}
          literature={done.literature}
          sameForm={done.sameForm}
          exports={
            <>
              <a download="fit.json" href={done.urls.json}>
                JSON
              </a>{" "}
              ·{" "}
              <a download="fit-predictions.csv" href={done.urls.csv}>
                CSV of predictions
              </a>{" "}
              ·{" "}
              <a download={done.urls.mdxFile} href={done.urls.mdx} data-testid="fit-export-mdx">
                MDX law entry ({done.urls.mdxFile})
              </a>
            </>
          }
        />
      )}
    </>
  );
}
