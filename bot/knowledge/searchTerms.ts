import { stemmer } from 'stemmer';
import { tokenize } from '../nlu/tokenizer.js';

const HAN = /\p{Script=Han}/u;
const LATIN = /^[a-z]+$/;

/** Words that carry no topic in a support question, in either language. */
const STOP = new Set(
  [
    "a an the i i'm im me my mine we us our you your he she it its they them their this that these those",
    'is am are was were be been being do does did done doing have has had will would shall should can could may might must',
    'to of for in on at by with from into about as and or but if so then than there here',
    'how what why where when which who whom whose please pls plz just still also any some all every',
    'get got getting need needs want wants like know tell let s t don dont doesn didn can cannot',
    // Negations written without the apostrophe ("wont", "cant") or split at it ("won't" → "won" "t").
    'won wont cant isnt doesnt didnt couldn couldnt wouldn aren arent',
    // Fillers of a follow-up ("how do we actually claim it", 「具体怎么申请」).
    'actually exactly really specifically 具体 到底 究竟',
    // Contractions split at the apostrophe ("we've" → "ve") and "how much … so far".
    've ll re d much far like',
    '礼拜 上礼拜 上周 这周 本周 上个礼拜 下个月 行 就行 我把 你把 来着 那边 这边 条 一条 那条 这条 行不行 可不可以 能不能 好不好 三天两头 三天 两头',
    '我 我的 我们 我们的 你 你们 你们的 您 他 她 它 他们 咱们 自己',
    '的 了 吗 呢 啊 吧 呀 哦 嘛 么 着 过 得 地 之 其',
    '怎么 如何 怎样 怎么样 怎么办 咋 咋办 咋整 办 什么 啥 为什么 为何 哪 哪里 哪儿 哪些 哪个 是否 是不是',
    '是 在 有 要 想 能 能否 会 可以 可不可以 需要 应该 得到 请 请问 一下 一个 这 那 这个 那个 这些 那些',
    '和 与 及 以及 或 或者 把 被 给 让 对 从 到 就 都 也 还 又 再 很 太 最 更',
    '为 上 下 里 用 使用 的是 就是 还是 但是 可是 所以 因为 现在 已经 一直 一直在 老是 总是',
    '问题 解决 方法 办法 相关 关于 情况 时候 以后 之后 之前 时 后 前 常见 如果 要是 的话 会不会 样 等 等等 一些 有些',
    '今天 明天 昨天 刚才 刚刚 最近 早上 晚上 上午 下午 每天 today yesterday tomorrow recently',
    '仍 仍然 依然 没 没有 不 无法 不能 不了 经常 突然 特别 非常 比较 有点 一点 个',
  ]
    .join(' ')
    .split(' '),
);

/** Chinese spelling variants, replaced in the text before it is segmented. */
const HAN_VARIANTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/登陆/g, '登录'],
  // 「登上去以后」「登进去」: signed in.
  [/登(?:上去|进去|上|进)(?![海山])/g, '登录'],
  // 「再登公司的」: a 登 standing alone is signing in (not 登记, 登山, 刊登...).
  [/(?<![攀刊])登(?![录陆记上进山高场顶门月])/g, '登录'],
  // Customers call the admin center many names.
  [/管理门户|管理后台|后台管理|后台/g, '管理中心'],
  [/门户网站/g, '门户'],
  // "Create", "set up" and "open" an account or subscription are one request.
  [/新建|建立|开设|开通/g, '创建'],
  [/[帐账]户/g, '账号'],
  [/帐/g, '账'],
  // Everyday names: a Mac, the Office "three-piece set", OneDrive as "the net disk".
  [/苹果电脑|苹果笔记本|苹果本/g, ' mac '],
  [/三件套|全家桶/g, ' office '],
  [/网盘/g, ' onedrive '],
  [/笔记本电脑|笔记本|台式电脑|台式机/g, ' 电脑 '],
  // 「装个ppt」, 「要装office」: a 装 that the segmenter leaves on its own is installing (not 包装, 服装, 装修, 装完...).
  [/(?<![安包服假西组改伪武盛化精简平套时女男童便着洋换])装(?=[个一下上了好\sA-Za-z]|$)/g, '安装'],
  // 「传不上去」 is an upload that fails; 「卡着」 and 「卡死」 are stuck.
  [/(?<!上)传不上去?/g, ' 上传 '],
  [/卡着(?!急)|卡死了?/g, '卡住'],
  // 「会不会很卡」「卡顿」: slow, as the articles say.
  [/卡顿|(?:很|好|特别|太|会|不|有点)卡(?![住片号着死])/g, '慢'],
  // 「验证码输进去老说不对」: entered, and it keeps saying it is wrong.
  [/输进去|填进去|输入进去/g, '输入'],
  // 「每个月」 is 每月, as in 每月企业通道.
  [/每个月/g, '每月'],
  // 「那条不加行不行」: not adding it.
  [/不加(?=[行吗呢会的，。?？\s]|$)/g, '不 添加'],
  [/老说|总说|老是说|老提示|总提示|一直提示/g, ' 提示 '],
  [/不对(?=$|[，。！!？?\s])|不正确/g, '错误'],
  // 「想买」「买几个」: buying, as the articles write it (not 买单, which is paying the bill).
  [/(?<![购收])买(?!单)/g, '购买'],
  // 「公司外面的人」 are external users; 「拉进来」 someone is adding them.
  [/外面|外边|外头/g, '外部'],
  // 「代理商」 is what many customers call a reseller.
  [/代理商/g, '经销商'],
  // 「晚几天交」「迟付」: paying late, as the payment article says 逾期.
  [/晚(?:几天|点|些|了)?(?:交|付|缴)|迟(?:交|付|缴)|拖(?:几天|欠)|(?:拖着|一直)不(?:付|交|缴)/g, '逾期付款'],
  // 「打款附言填啥」: the transfer's remark.
  [/附言/g, '备注'],
  // 「进不去」「上不去」: the page or service will not open.
  [/进不去|上不去|访问不了|无法访问/g, ' 打不开 '],
  // Going abroad: the articles say 境外 (outside mainland China).
  [/国外|出国|海外|日本|韩国|美国|欧洲|新加坡|香港/g, ' 境外 '],
  [/拉(?:进来|进去|进)/g, ' 添加 '],
];

/** Words that customers write in many ways, mapped to one form. */
const VARIANTS: Readonly<Record<string, string>> = {
  o365: '365',
  m365: '365',
  office365: '365',
  microsoft365: '365',
  '21v': '21vianet',
  aad: 'entra',
  centre: 'center',
  login: 'sign',
  logon: 'sign',
  signin: 'sign',
  logged: 'sign',
  email: 'mail',
  emails: 'mail',
  emailed: 'mail',
  // "How much have we burned on Azure": spent.
  burned: 'spend',
  burnt: 'spend',
  spent: 'spend',
  emailing: 'mail',
  邮件: '邮箱',
  whitelist: 'allow',
  whitelisted: 'allow',
  allowlist: 'allow',
  白名单: '放行',
  licence: 'license',
  licences: 'licenses',
  // Everyday short names and the typos customers make most.
  macbook: 'mac',
  macos: 'mac',
  imac: 'mac',
  ppt: 'powerpoint',
  pptx: 'powerpoint',
  outlok: 'outlook',
  outlookk: 'outlook',
  onedirve: 'onedrive',
  acount: 'account',
  accout: 'account',
  acct: 'account',
  pasword: 'password',
  passwrod: 'password',
  pwd: 'password',
  loging: 'sign',
  laptop: 'computer',
  laptops: 'computers',
  notebook: 'computer',
  许可: '许可证',
  // 「那条咋加」: adding, as the articles write it.
  加: '添加',
  // 「在哪看」「怎么看」 ask where to view something; the articles write 查看.
  看: '查看',
  看看: '查看',
  // People in a company are "users" in the articles.
  people: 'user',
  staff: 'user',
  employee: 'user',
  employees: 'user',
  员工: '用户',
  同事: '用户',
  // Customers name their phone's brand; the articles say Android.
  安卓: 'android',
  华为: 'android',
  荣耀: 'android',
  小米: 'android',
  三星: 'android',
  huawei: 'android',
  honor: 'android',
  xiaomi: 'android',
  oppo: 'android',
  vivo: 'android',
  samsung: 'android',
  pixel: 'android',
};

/**
 * Two-word names joined into one term: "log in", "sign in" and "log on" mean the same thing (and "in"
 * would be dropped as a stop word); "Office 365" and "Microsoft 365" are one product; the segmenter
 * splits "世纪互联".
 */
const PHRASES: ReadonlyArray<readonly [string, string, string]> = [
  ['log', 'in', 'sign'],
  ['log', 'on', 'sign'],
  ['log', 'into', 'sign'],
  ['sign', 'into', 'sign'],
  ['sign', 'in', 'sign'],
  ['e', 'mail', 'mail'],
  ['set', 'up', 'setup'],
  ['setting', 'up', 'setup'],
  ['sets', 'up', 'setup'],
  ['office', '365', '365'],
  ['microsoft', '365', '365'],
  ['世纪', '互联', '世纪互联'],
  // Azure AD is now Microsoft Entra ID; "admin portal", "admin console" and "admin center" are one place.
  ['azure', 'ad', 'entra'],
  ['admin', 'portal', 'admin'],
  ['admin', 'console', 'admin'],
  ['admin', 'center', 'admin'],
];

/**
 * The words of a text for search: the recognizer's tokenizer, then spelling variants joined, runs of
 * single Chinese characters that the segmenter split apart put back together ("互" "联" → "互联"),
 * English stemmed, and stop words dropped.
 */
export function searchWords(text: string): string[] {
  return wordRuns(text).flat();
}

/**
 * The search words in runs: a run breaks at a stop word, punctuation or a non-Chinese word, so that
 * character pairs can be taken across the segmenter's word boundaries, which it sometimes gets wrong.
 */
function wordRuns(text: string): string[][] {
  // Punctuation, line breaks and spaces next to Chinese end a run; the tokenizer drops them, so
  // split on them first. Spaces between English words stay, so that "log in" can be joined.
  return normalizeHan(text)
    .split(/[\p{P}\p{S}\n\r]+|(?<=\p{Script=Han})\s+|\s+(?=\p{Script=Han})/u)
    .flatMap((piece) => (piece ? runsOf(tokenize(piece)) : []));
}

function runsOf(tokens: readonly string[]): string[][] {
  const merged: string[] = [];
  for (const token of tokens) {
    const w = VARIANTS[token] ?? token;
    const previous = merged[merged.length - 1];
    // A lone Han character after another lone Han character belongs to the same word.
    if (w.length === 1 && HAN.test(w) && previous?.length === 1 && HAN.test(previous) && !STOP.has(previous) && !STOP.has(w)) {
      merged[merged.length - 1] = previous + w;
      continue;
    }
    merged.push(w);
  }
  const runs: string[][] = [[]];
  for (let i = 0; i < merged.length; i++) {
    const phrase = PHRASES.find(([a, b]) => merged[i] === a && merged[i + 1] === b);
    if (phrase) i++;
    const w = phrase ? phrase[2] : merged[i]!;
    if (STOP.has(w)) {
      runs.push([]);
      continue;
    }
    if (!HAN.test(w)) runs.push([]);
    runs[runs.length - 1]!.push(LATIN.test(w) && w.length > 3 ? stemmer(w) : w);
    if (!HAN.test(w)) runs.push([]);
  }
  return runs.filter((r) => r.length > 0);
}

function normalizeHan(text: string): string {
  return HAN_VARIANTS.reduce((t, [from, to]) => t.replace(from, to), text);
}

/** Every pair of neighbouring Chinese characters within a run of search words, other than the run's own two-character words. */
function hanPairs(runs: readonly string[][]): string[] {
  const pairs: string[] = [];
  for (const run of runs) {
    const chars = run.join('');
    if (chars.length < 3 || !HAN.test(chars)) continue;
    for (let i = 0; i + 2 <= chars.length; i++) {
      const pair = chars.slice(i, i + 2);
      if (!run.includes(pair)) pairs.push(pair);
    }
  }
  return pairs;
}

/** One searchable term of a question, with how much it says about the topic. */
export interface QueryTerm {
  readonly term: string;
  /** 1 for a word, 0.5 for a lone Chinese character. */
  readonly weight: number;
  /** A character pair rather than a word: support for the words, counted only where the index knows it. */
  readonly pair: boolean;
}

/** A question as the search sees it, from one segmentation: the index's tokens and the weighed terms. */
export function analyseQuestion(text: string): { tokens: string[]; terms: QueryTerm[] } {
  const runs = wordRuns(text);
  const words = runs.flat();
  const pairs = hanPairs(runs);
  const terms = new Map<string, QueryTerm>();
  for (const w of words) terms.set(w, { term: w, weight: HAN.test(w) && w.length === 1 ? 0.5 : 1, pair: false });
  for (const p of pairs) if (!terms.has(p)) terms.set(p, { term: p, weight: 0.5, pair: true });
  return { tokens: [...words, ...pairs], terms: [...terms.values()] };
}

/** The words of a question, plus its Chinese character pairs, so it still matches when segmentation differs. */
export function queryTerms(text: string): QueryTerm[] {
  return analyseQuestion(text).terms;
}

/** The index's tokenizer: the same terms a question gets (repeats kept, for term frequency), so that both sides meet. */
export function searchTokens(text: string): string[] {
  return analyseQuestion(text).tokens;
}

export function isHan(term: string): boolean {
  return HAN.test(term);
}

/** A sentence that goes through every rule above: its tokens change when the rules do. */
const PROBE =
  "I can't log in to Office 365 on my e-mail, how do I set up the admin portal? " +
  '登陆管理后台 世纪互联 帐户开通 白名单 licences whitelisted 21v AAD 邮件 许可 OneDrive 同步 ' +
  "won't log into outlok on my macbook, ppt pasword on a laptop, setting up 苹果电脑装个三件套 网盘传不上去卡着 笔记本 " +
  'configuring verification domains running 怎么 验证 域名 的 问题 99.9%';

/**
 * Names the search tokenizer's behaviour: saved tokens (the imported material's token cache) are used
 * only when this matches, so a change to the rules or the segmenter re-tokenizes instead of mixing old and new.
 */
export function searchTokensFingerprint(): string {
  const rules = JSON.stringify([
    [...STOP],
    VARIANTS,
    PHRASES,
    HAN_VARIANTS.map(([re, to]) => [re.source, to]),
    searchTokens(PROBE),
    analyseQuestion(PROBE).terms,
  ]);
  let hash = 0x811c9dc5;
  for (let i = 0; i < rules.length; i++) hash = Math.imul(hash ^ rules.charCodeAt(i), 0x01000193) >>> 0;
  return `${hash.toString(16)}-${rules.length}`;
}
