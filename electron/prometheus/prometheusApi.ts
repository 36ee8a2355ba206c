/** One range query's answer: [epoch ms, value] per evaluation, NaN where Prometheus had no number (0/0). */
export type RangeSamples = Array<[at: number, value: number]>;

interface RangeResponse {
  status: 'success' | 'error';
  error?: string;
  data?: { resultType: string; result: Array<{ metric: Record<string, string>; values: Array<[number, string]> }> };
}

/**
 * Prometheus' HTTP API, the one call history needs: /api/v1/query_range.
 * Credentials in the URL (https://user:pass@…) are sent as Basic auth and
 * never shown; every failure is an error that names the server and says why.
 */
export class PrometheusApi {
  private readonly base: URL;
  private readonly authorization: string | undefined;
  /** The address without credentials, for messages and the screen. */
  readonly shown: string;

  constructor(url: string, private readonly timeoutMs = 10_000) {
    const base = new URL(url);
    if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new Error(`a Prometheus URL is http or https, not ${base.protocol}`);
    if (base.username || base.password) {
      this.authorization = `Basic ${Buffer.from(`${decodeURIComponent(base.username)}:${decodeURIComponent(base.password)}`).toString('base64')}`;
      base.username = '';
      base.password = '';
    }
    if (!base.pathname.endsWith('/')) base.pathname += '/';
    this.base = base;
    this.shown = base.href.replace(/\/$/, '');
  }

  async queryRange(promql: string, startMs: number, endMs: number, stepMs: number): Promise<RangeSamples> {
    const url = new URL('api/v1/query_range', this.base);
    const body = new URLSearchParams({ query: promql, start: String(startMs / 1000), end: String(endMs / 1000), step: String(stepMs / 1000) });
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(this.authorization ? { Authorization: this.authorization } : {}) },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const why = (error as Error).name === 'TimeoutError' ? `no answer within ${this.timeoutMs / 1000} s` : (cause?.code ?? cause?.message ?? String(error));
      throw new Error(`Prometheus at ${this.shown} could not be reached: ${why}`, { cause: error });
    }
    const text = await response.text();
    let answer: RangeResponse | undefined;
    try {
      answer = JSON.parse(text) as RangeResponse;
    } catch {
      answer = undefined;
    }
    if (!response.ok || answer?.status !== 'success') {
      const why = answer?.error ?? `HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}`;
      throw new Error(`Prometheus at ${this.shown} did not answer the query: ${why}`);
    }
    if (answer.data?.resultType !== 'matrix') throw new Error(`Prometheus at ${this.shown} answered a ${answer.data?.resultType ?? 'missing'} result, not a matrix`);
    // Every expression is aggregated to one series; none means no data in the range.
    const series = answer.data.result[0];
    return series ? series.values.map(([seconds, value]) => [Math.round(seconds * 1000), Number(value)]) : [];
  }
}
