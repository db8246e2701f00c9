/** The registry as files, linked wherever a reader may want to take it away. */
export function RegistryDownloads() {
  return (
    <p className="small downloads" data-testid="registry-downloads">
      Download the registry: <a href="/api/v1/export/laws.csv" download>laws.csv</a> (one row per law) ·{" "}
      <a href="/api/v1/export/coefficients.csv" download>coefficients.csv</a> (one row per coefficient, with its standard error and source) ·{" "}
      <a href="/api/v1/export/registry.json" download>registry.json</a> (everything, as validated)
    </p>
  );
}
