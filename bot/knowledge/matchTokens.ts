import type MiniSearch from 'minisearch';

/** Which articles a question matches, as MiniSearch ranks them, and which of its tokens each matched where. */
export interface TokenMatches {
  /** Article keys with their score, best first: what `index.search(question)` returns. */
  readonly ranked: ReadonlyArray<{ readonly id: string; readonly score: number }>;
  /** Per article, the tokens found in one of `headFields`... */
  readonly inHead: ReadonlyMap<string, ReadonlySet<string>>;
  /** ...and those found in `bodyField`. */
  readonly inBody: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * One MiniSearch pass per distinct token instead of three passes over the whole question (all fields,
 * head fields, body): fuzzy and prefix matching, the bulk of the cost, run once per token. The passes
 * are combined the way MiniSearch combines the tokens of an OR query (scores summed in token order,
 * times the number of tokens matched; ties in the order MiniSearch first met each article), so the
 * ranking is exactly that of `index.search(question)`.
 */
export function matchTokens<T>(
  index: MiniSearch<T>,
  tokens: readonly string[],
  headFields: ReadonlySet<string>,
  bodyField: string,
): TokenMatches {
  const perToken = new Map<string, { order: string[]; scores: Map<string, number> }>();
  const inHead = new Map<string, Set<string>>();
  const inBody = new Map<string, Set<string>>();
  const add = (to: Map<string, Set<string>>, id: string, token: string) => {
    const set = to.get(id);
    if (set) set.add(token);
    else to.set(id, new Set([token]));
  };
  for (const token of new Set(tokens)) {
    const order: string[] = [];
    const seen = new Set<string>();
    // Called for every article the token reaches, in the order MiniSearch meets them; 1 leaves scores as they are.
    const boostDocument = (id: unknown) => {
      if (!seen.has(id as string)) {
        seen.add(id as string);
        order.push(id as string);
      }
      return 1;
    };
    const scores = new Map<string, number>();
    for (const r of index.search(token, { tokenize: () => [token], boostDocument })) {
      const id = r.id as string;
      scores.set(id, r.score);
      const fields = Object.values(r.match).flat();
      if (fields.some((f) => headFields.has(f))) add(inHead, id, token);
      if (fields.includes(bodyField)) add(inBody, id, token);
    }
    perToken.set(token, { order, scores });
  }
  const combined = new Map<string, { score: number; tokens: Set<string> }>();
  for (const token of tokens) {
    const { order, scores } = perToken.get(token)!;
    for (const id of order) {
      const score = scores.get(id)!;
      const entry = combined.get(id);
      if (entry) {
        entry.score = entry.score + score;
        entry.tokens.add(token);
      } else combined.set(id, { score, tokens: new Set([token]) });
    }
  }
  const ranked = [...combined]
    .map(([id, { score, tokens: matched }]) => ({ id, score: score * matched.size }))
    .sort((a, b) => b.score - a.score);
  return { ranked, inHead, inBody };
}
