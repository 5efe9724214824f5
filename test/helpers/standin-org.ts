import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandinOrg {
  /** For SF_INSTANCE_URL (loopback http is accepted for a local test server). */
  readonly url: string;
  /** When each /limits call arrived. */
  readonly limitsCalls: number[];
  close(): Promise<void>;
}

/**
 * A loopback stand-in Salesforce org: `/services/data/vXX.X/limits` answers the next body of the
 * script on each call (the last one repeats), so its limits change over time as a real org's do.
 */
export async function startStandinOrg(script: ReadonlyArray<Record<string, unknown>>): Promise<StandinOrg> {
  const limitsCalls: number[] = [];
  const server: Server = createServer((req, res) => {
    if (/^\/services\/data\/v\d+\.\d\/limits\/?$/.test(req.url ?? '')) {
      const body = script[Math.min(limitsCalls.length, script.length - 1)];
      limitsCalls.push(Date.now());
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify([{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    limitsCalls,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
