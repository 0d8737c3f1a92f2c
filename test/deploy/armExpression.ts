import { createHash } from 'node:crypto';

/**
 * Just enough of the ARM template language to evaluate our template offline: the functions it uses, with
 * the deployment's facts (tenant, resource group, reference() results) supplied by the caller as placeholders.
 * An unknown function throws, so a template change the test cannot follow fails loudly instead of passing.
 */
export type ArmValue = string | number | boolean | null | ArmValue[] | { [key: string]: ArmValue };

export interface ArmContext {
  readonly parameters: Readonly<Record<string, ArmValue>>;
  readonly variables: Readonly<Record<string, ArmValue>>;
  readonly environment: ArmValue;
  readonly subscription: { readonly subscriptionId: string; readonly tenantId: string };
  readonly resourceGroup: { readonly name: string; readonly location: string };
  /** What reference(id) returns after deployment, by resource id. */
  readonly reference: (resourceId: string) => ArmValue;
}

type Fn = (args: ArmValue[], ctx: ArmContext) => ArmValue;

const str = (v: ArmValue | undefined): string => {
  if (typeof v !== 'string') throw new Error(`expected a string, got ${JSON.stringify(v)}`);
  return v;
};
const hash = (args: ArmValue[]) => createHash('sha256').update(JSON.stringify(args)).digest('hex');

const FUNCTIONS: Record<string, Fn> = {
  parameters: ([name], ctx) => lookup(ctx.parameters, str(name), 'parameter'),
  variables: ([name], ctx) => evaluate(lookup(ctx.variables, str(name), 'variable'), ctx),
  reference: ([id], ctx) => ctx.reference(str(id)),
  environment: (_args, ctx) => ctx.environment,
  subscription: (_args, ctx) => ({ ...ctx.subscription, id: `/subscriptions/${ctx.subscription.subscriptionId}` }),
  resourcegroup: (_args, ctx) => ({ ...ctx.resourceGroup, id: groupId(ctx) }),
  resourceid: (args, ctx) => {
    const [type, ...names] = args.map(str);
    const segments = type!.split('/');
    const path = names.map((n, i) => `${segments[i + 1]}/${n}`).join('/');
    return `${groupId(ctx)}/providers/${segments[0]}/${path}`;
  },
  subscriptionresourceid: ([type, name], ctx) => `/subscriptions/${ctx.subscription.subscriptionId}/providers/${str(type)}/${str(name)}`,
  format: ([template, ...args]) => str(template).replace(/\{(\d+)\}/g, (_m, i: string) => String(args[Number(i)])),
  concat: (args) => args.map(str).join(''),
  if: ([cond, yes, no]) => (cond === true ? yes! : no!),
  equals: ([a, b]) => JSON.stringify(a) === JSON.stringify(b),
  tolower: ([s]) => str(s).toLowerCase(),
  take: ([s, n]) => str(s).slice(0, Number(n)),
  replace: ([s, from, to]) => str(s).split(str(from)).join(str(to)),
  uniquestring: (args) =>
    BigInt(`0x${hash(args).slice(0, 16)}`)
      .toString(36)
      .padStart(13, 'a')
      .slice(0, 13),
  guid: (args) =>
    hash(args)
      .slice(0, 32)
      .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5'),
};

function groupId(ctx: ArmContext): string {
  return `/subscriptions/${ctx.subscription.subscriptionId}/resourceGroups/${ctx.resourceGroup.name}`;
}

function lookup(map: Readonly<Record<string, ArmValue>>, name: string, what: string): ArmValue {
  if (!(name in map)) throw new Error(`unknown ${what} '${name}'`);
  return map[name]!;
}

/** Evaluates every "[...]" string in a value, property names included ("[[" escapes a literal bracket). */
export function evaluate(value: ArmValue, ctx: ArmContext): ArmValue {
  if (typeof value === 'string') {
    if (!value.startsWith('[') || !value.endsWith(']') || value.startsWith('[[')) return value;
    const parser = new Parser(value.slice(1, -1), ctx);
    const result = parser.expression();
    parser.end();
    return result;
  }
  if (Array.isArray(value)) return value.map((v) => evaluate(v, ctx));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [str(evaluate(k, ctx)), evaluate(v, ctx)]));
  }
  return value;
}

/** Recursive descent over `name(args).prop['key']` with 'single-quoted' strings and integers. */
class Parser {
  private at = 0;
  constructor(
    private readonly src: string,
    private readonly ctx: ArmContext,
  ) {}

  expression(): ArmValue {
    let value = this.primary();
    for (;;) {
      this.skip();
      if (this.eat('.')) {
        const name = this.identifier();
        value = member(value, name);
      } else if (this.eat('[')) {
        const key = this.expression();
        this.expect(']');
        value = member(value, typeof key === 'number' ? key : str(key));
      } else return value;
    }
  }

  end(): void {
    this.skip();
    if (this.at !== this.src.length) throw new Error(`unexpected "${this.src.slice(this.at)}" in [${this.src}]`);
  }

  private primary(): ArmValue {
    this.skip();
    const ch = this.src[this.at];
    if (ch === "'") return this.string();
    if (ch !== undefined && /[-\d]/.test(ch)) return Number(this.match(/^-?\d+/));
    const name = this.identifier();
    this.expect('(');
    const args: ArmValue[] = [];
    this.skip();
    if (!this.eat(')')) {
      do args.push(this.expression());
      while (this.eat(','));
      this.expect(')');
    }
    const fn = FUNCTIONS[name.toLowerCase()];
    if (!fn) throw new Error(`unsupported ARM function ${name}()`);
    return fn(args, this.ctx);
  }

  private string(): string {
    let out = '';
    for (this.at++; this.at < this.src.length; this.at++) {
      if (this.src[this.at] !== "'") out += this.src[this.at];
      else if (this.src[this.at + 1] === "'") {
        out += "'";
        this.at++;
      } else {
        this.at++;
        return out;
      }
    }
    throw new Error(`unclosed string in [${this.src}]`);
  }

  private identifier(): string {
    this.skip();
    return this.match(/^[A-Za-z_][A-Za-z0-9_]*/);
  }

  private match(re: RegExp): string {
    const m = re.exec(this.src.slice(this.at));
    if (!m) throw new Error(`parse error at "${this.src.slice(this.at)}" in [${this.src}]`);
    this.at += m[0].length;
    return m[0];
  }

  private eat(token: string): boolean {
    this.skip();
    if (!this.src.startsWith(token, this.at)) return false;
    this.at += token.length;
    return true;
  }

  private expect(token: string): void {
    if (!this.eat(token)) throw new Error(`expected "${token}" at "${this.src.slice(this.at)}" in [${this.src}]`);
  }

  private skip(): void {
    while (this.src[this.at] === ' ') this.at++;
  }
}

function member(value: ArmValue, key: string | number): ArmValue {
  if (value === null || typeof value !== 'object') throw new Error(`cannot read ${key} of ${JSON.stringify(value)}`);
  const found = Array.isArray(value) ? value[Number(key)] : value[String(key)];
  if (found === undefined) throw new Error(`no property ${key} in ${JSON.stringify(value)}`);
  return found;
}
