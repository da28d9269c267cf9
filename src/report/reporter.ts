import type { AnalysisResult } from '../model.js';

export interface RenderOptions {
  /** ANSI colour (text reporter only): on a TTY without NO_COLOR. */
  color?: boolean;
}

/** A reporter is pure: result in, string out. The CLI decides where the string goes. */
export interface Reporter {
  name: string;
  render(result: AnalysisResult, opts: RenderOptions): string;
}
