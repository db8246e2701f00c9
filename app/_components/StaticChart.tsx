/**
 * A chart rendered once to markup on the server (chartMarkup) and embedded as
 * it is, for the dynamic compare views: their charts have no client-side
 * interaction, and a markup string cached per query costs nothing to serve
 * again, where rendering recharts per request halved the view's throughput.
 * Prerendered pages keep LawChart: there the markup would be sent twice (in
 * the HTML and again in the RSC payload), which outweighs the chart's data.
 *
 * Given a narrow drawing as well (chartMarkup at 340 × 300), a figure.chart
 * shows it on screens under 720 px instead of scaling the wide one down, as
 * the law page does, so that axis text keeps its size on a phone.
 */
export function StaticChart({ markup, narrow }: { markup: string; narrow?: string }) {
  // markup is React's own renderToStaticMarkup output: escaped, no scripts
  if (narrow === undefined) return <div className="static-chart" dangerouslySetInnerHTML={{ __html: markup }} />;
  return (
    <>
      <div className="static-chart chart-wide" dangerouslySetInnerHTML={{ __html: markup }} />
      <div className="static-chart chart-narrow" dangerouslySetInnerHTML={{ __html: narrow }} />
    </>
  );
}
