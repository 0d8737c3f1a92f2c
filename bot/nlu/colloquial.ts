/**
 * Chat shorthand and everyday Chinese verbs written the way the intents, articles and dialog cues are:
 * "r u guys down?", "thru another csp", 「帮我瞅瞅」, 「再给我们整 3 个」, 「新来了俩实习生」. Only spellings
 * that mean one thing in a support chat are expanded; names and addresses are left alone.
 */
const REWRITES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bu\b(?![.@/&'\w\u3400-\u9fff-])/gi, 'you'],
  [/\bur\b(?![.@/&'\w\u3400-\u9fff-])/gi, 'your'],
  [/\br\b(?![.@/&'\w\u3400-\u9fff-])/gi, 'are'],
  [/\by'?all\b/gi, 'you'],
  [/\bthru\b/gi, 'through'],
  [/\bw\/(?=\s|$)|\bw\b(?= [a-z])/gi, 'with'],
  [/\b(?:pls|plz)\b/gi, 'please'],
  [/\babt\b/gi, 'about'],
  [/\bb4\b/gi, 'before'],
  [/\b(?:bc|cuz|coz)\b/gi, 'because'],
  [/\brn\b/gi, 'right now'],
  [/\b(?:tmrw|tmr)\b/gi, 'tomorrow'],
  [/\bhrs\b/gi, 'hours'],
  [/\bmins\b/gi, 'minutes'],
  [/\bmsgs?\b/gi, 'message'],
  [/\bppl\b/gi, 'people'],
  [/\bacct\b/gi, 'account'],
  [/\b(?:pw|pwd|passwd)\b/gi, 'password'],
  [/\bsub\b(?= |$)/gi, 'subscription'],
  [/\bgotta\b/gi, 'have to'],
  [/\bwanna\b/gi, 'want to'],
  [/\bgonna\b/gi, 'going to'],
  [/\b(?:thx|thanx|tks)\b/gi, 'thanks'],
  // 「瞅瞅」「瞧一下」 are looking; 「整」 before a count is adding, 「整一下」 is doing it.
  [/瞅瞅|瞅一下|瞅一眼|瞅|瞧瞧|瞧一下|瞧(?!不)/g, '看'],
  [/整(?=\s*(?:\d+|[一二三四五六七八九十两几俩仨]+)\s*(?:个|张|份|套|人|用户)?)/g, '加'],
  [/(?:咋|怎么)整/g, '怎么弄'],
  [/整一下|整下/g, '弄一下'],
  [/俩/g, '两个'],
  [/仨/g, '三个'],
  [/肿么|咋个/g, '怎么'],
  [/啥时候/g, '什么时候'],
  [/咋样/g, '怎么样'],
  [/神马/g, '什么'],
  [/木有|没得/g, '没有'],
];

export function expandColloquial(text: string): string {
  let out = text;
  for (const [re, to] of REWRITES) out = out.replace(re, to);
  return out;
}
