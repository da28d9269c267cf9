// robots.txt, fetched once per origin. A missing or unreachable robots.txt allows everything.
import { createRequire } from 'node:module';
import { IngestError } from './errors.js';
import type { RawResponse } from './fetch-http.js';

interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
}
// robots-parser is CommonJS (`module.exports = fn`) and its typings declare an ES default export.
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, contents: string) => Robot;
const ROBOTS_MAX_BYTES = 512 * 1024;

export class RobotsRules {
  private readonly byOrigin = new Map<string, Promise<Robot | null>>();

  constructor(
    private readonly fetchRobots: (url: string, maxBytes: number) => Promise<RawResponse>,
    private readonly agentToken: string,
  ) {}

  private load(origin: string): Promise<Robot | null> {
    let pending = this.byOrigin.get(origin);
    if (!pending) {
      const robotsUrl = `${origin}/robots.txt`;
      pending = this.fetchRobots(robotsUrl, ROBOTS_MAX_BYTES).then(
        (res) => (res.status >= 200 && res.status < 300 ? robotsParser(robotsUrl, res.body.toString('utf8')) : null),
        // RFC 9309 would disallow on 5xx; certfit fetches single pages a person asked for, so it allows.
        () => null,
      );
      this.byOrigin.set(origin, pending);
    }
    return pending;
  }

  /** Throws ROBOTS when robots.txt disallows `url` for certfit. */
  async check(url: string): Promise<void> {
    const robot = await this.load(new URL(url).origin);
    if (robot && robot.isAllowed(url, this.agentToken) === false) {
      throw new IngestError('ROBOTS', 'blocked by robots.txt; use --ignore-robots if you have permission');
    }
  }
}
