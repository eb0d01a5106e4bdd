/** One unlabelled (or fully labelled) series' value from a server's `/metrics`; NaN when it is not there. */
export async function scrapeMetric(url: string, series: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const escaped = series.replace(/[{}"]/g, (character) => `\\${character}`);
  return Number(new RegExp(`^${escaped} (\\S+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
}
