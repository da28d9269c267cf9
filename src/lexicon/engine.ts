// The matching engine, built once from the lexicon entries: a character trie over every
// normalised surface-form variant, plus the entries in Maps by id (retext-equality style).
import { TRACKS, type Category, type Platform, type Track } from '../model.js';
import type { LoadedEntry } from './load.js';
import { formVariants, hasVendorPrefix, normalize, VENDOR_PREFIXES } from './variants.js';
import { compile, type Automaton } from './automaton.js';

export interface Terminal {
  entry: number;
  /** The surface form as written in the lexicon. */
  form: string;
  caseRule: 'any' | 'exact' | 'title';
  ambiguous: boolean;
  /** Reached through a vendor prefix ("AWS Glue"), which is context enough. */
  prefix: string | null;
  /** The form counts only after a prefix ("Azure AI"): its negative phrases still apply then. */
  prefixOnly?: boolean;
  former?: { until?: string; note?: string };
}

export interface TrieNode {
  next: Map<number, TrieNode>;
  terminals: Terminal[] | null;
  /** Set when the trie is compiled (breadth-first order). */
  id?: number;
}

export interface CompiledEntry extends LoadedEntry {
  tracks: Track[];
  /** Normalised cue and negative phrases. */
  cues: string[];
  negative: string[];
  siblings: boolean;
}

export interface Engine {
  entries: CompiledEntry[];
  byId: Map<string, CompiledEntry>;
  /** The trie as flat arrays, for the scanner. */
  automaton: Automaton;
  /** Every surface form, for yardsticks such as `rg -f`. */
  surfaceForms: string[];
}

const DEFAULT_TRACKS: Record<Category, Track[]> = {
  ml: ['ml-engineering'], data: ['ml-engineering'], ai: ['ai-solutions'], gen: ['generative-ai'],
  ops: [], platform: [], cert: [], general: [],
};


function insert(root: TrieNode, key: string, terminal: Terminal): void {
  let node = root;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    let child = node.next.get(c);
    if (!child) {
      child = { next: new Map(), terminals: null };
      node.next.set(c, child);
    }
    node = child;
  }
  // One terminal per entry and key: the first form listed wins (forms are listed canonical-first).
  node.terminals ??= [];
  if (!node.terminals.some((t) => t.entry === terminal.entry && (t.prefix === null) === (terminal.prefix === null))) node.terminals.push(terminal);
}

export function buildEngine(entries: LoadedEntry[]): Engine {
  const root: TrieNode = { next: new Map(), terminals: null };
  const compiled: CompiledEntry[] = [];
  const surfaceForms = new Set<string>();
  entries.forEach((entry, index) => {
    compiled.push({
      ...entry,
      tracks: (entry.tracks ?? DEFAULT_TRACKS[entry.category]).filter((t) => TRACKS.includes(t)),
      cues: (entry.context?.cues ?? []).map(normalize),
      negative: (entry.context?.negative ?? []).map(normalize),
      siblings: entry.context?.siblings ?? true,
    });
    for (const raw of entry.forms) {
      const f = typeof raw === 'string' ? { text: raw } : raw;
      const base: Omit<Terminal, 'prefix'> = {
        entry: index,
        form: f.text,
        caseRule: f.case ?? 'any',
        ambiguous: f.ambiguous ?? false,
        former: f.former,
        ...('prefixOnly' in f && f.prefixOnly ? { prefixOnly: true } : {}),
      };
      surfaceForms.add(f.text);
      const variants = formVariants(f.text, entry.stem);
      if (!('prefixOnly' in f && f.prefixOnly)) for (const v of variants) insert(root, v, { ...base, prefix: null });
      const platform: Platform | null = entry.platform;
      if (platform === null || entry.kind === 'platform') continue;
      const prefixes = VENDOR_PREFIXES[platform].map(normalize);
      for (const v of variants) {
        if (hasVendorPrefix(v, platform)) {
          // "Azure SQL" is also written "Microsoft Azure SQL": add the longer prefixes that end with its own.
          for (const own of prefixes) {
            if (!v.startsWith(`${own} `)) continue;
            for (const longer of prefixes) if (longer !== own && longer.endsWith(` ${own}`)) insert(root, `${longer}${v.slice(own.length)}`, { ...base, prefix: null });
          }
          continue;
        }
        for (const p of VENDOR_PREFIXES[platform]) {
          insert(root, `${normalize(p)} ${v}`, { ...base, prefix: p });
          // "Amazon's EMR", "Microsoft’s Azure AI Search": a company name in the possessive is a prefix too.
          if (!/ /.test(p) && p !== p.toUpperCase()) for (const s of ["'s", '’s']) insert(root, `${normalize(p)}${s} ${v}`, { ...base, prefix: `${p}${s}` });
        }
      }
    }
  });
  return { entries: compiled, byId: new Map(compiled.map((e) => [e.id, e])), automaton: compile(root), surfaceForms: [...surfaceForms].sort() };
}

