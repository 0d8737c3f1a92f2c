/**
 * What Adaptive Cards 1.5 defines (from the schema explorer at adaptivecards.io / learn.microsoft.com,
 * "Introduced in version" of each type), and a walker that reports anything else in a card: a newer
 * version, an element or action type 1.5 does not have (Icon, Badge, Carousel, CodeBlock, Rating,
 * CompoundButton, Action.ResetInputs... are all 1.6 or later), or a card that is not an Adaptive Card.
 */
const ELEMENTS = new Set([
  'TextBlock', // 1.0
  'Image', // 1.0
  'Media', // 1.1
  'RichTextBlock', // 1.2
  'ActionSet', // 1.2
  'Container', // 1.0
  'ColumnSet', // 1.0
  'FactSet', // 1.0
  'ImageSet', // 1.0
  'Table', // 1.5
  'Input.Text', // 1.0
  'Input.Number', // 1.0
  'Input.Date', // 1.0
  'Input.Time', // 1.0
  'Input.Toggle', // 1.0
  'Input.ChoiceSet', // 1.0
]);
const ACTIONS = new Set(['Action.OpenUrl', 'Action.Submit', 'Action.ShowCard', 'Action.ToggleVisibility', 'Action.Execute']);
const MAX_VERSION = [1, 5] as const;

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function versionOk(version: unknown): boolean {
  const m = typeof version === 'string' ? /^(\d+)\.(\d+)$/.exec(version) : null;
  if (!m) return false;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  return major < MAX_VERSION[0] || (major === MAX_VERSION[0] && minor <= MAX_VERSION[1]);
}

/** Every problem found in one card, with a JSON-path-like location; empty when the card is fine. */
export function adaptiveCard15Problems(card: unknown, path = '$', topLevel = true): string[] {
  const problems: string[] = [];
  if (!isNode(card) || card.type !== 'AdaptiveCard') return [`${path}: not an AdaptiveCard`];
  if (topLevel || card.version !== undefined) {
    if (!versionOk(card.version)) problems.push(`${path}.version: ${JSON.stringify(card.version)} is not 1.5 or lower`);
  }

  const action = (a: unknown, at: string): void => {
    if (!isNode(a) || typeof a.type !== 'string' || !ACTIONS.has(a.type)) {
      problems.push(`${at}: action ${JSON.stringify(isNode(a) ? a.type : a)} does not exist in Adaptive Cards 1.5`);
      return;
    }
    if (a.type === 'Action.ShowCard') problems.push(...adaptiveCard15Problems(a.card, `${at}.card`, false));
    if (isNode(a.fallback)) action(a.fallback, `${at}.fallback`);
  };
  const element = (e: unknown, at: string): void => {
    if (!isNode(e) || typeof e.type !== 'string' || !ELEMENTS.has(e.type)) {
      problems.push(`${at}: element ${JSON.stringify(isNode(e) ? e.type : e)} does not exist in Adaptive Cards 1.5`);
      return;
    }
    if (isNode(e.selectAction)) action(e.selectAction, `${at}.selectAction`);
    if (isNode(e.fallback)) element(e.fallback, `${at}.fallback`);
    list(e.items).forEach((child, i) => element(child, `${at}.items[${i}]`));
    list(e.actions).forEach((child, i) => action(child, `${at}.actions[${i}]`));
    list(e.images).forEach((child, i) => element(child, `${at}.images[${i}]`));
    if (e.type === 'Input.Text' && isNode(e.inlineAction)) action(e.inlineAction, `${at}.inlineAction`);
    if (e.type === 'ColumnSet') {
      list(e.columns).forEach((column, i) => {
        const c = `${at}.columns[${i}]`;
        if (!isNode(column) || (column.type !== undefined && column.type !== 'Column')) return problems.push(`${c}: not a Column`);
        if (isNode(column.selectAction)) action(column.selectAction, `${c}.selectAction`);
        list(column.items).forEach((child, j) => element(child, `${c}.items[${j}]`));
      });
    }
    if (e.type === 'Table') {
      list(e.rows).forEach((row, i) =>
        list(isNode(row) ? row.cells : undefined).forEach((cell, j) =>
          list(isNode(cell) ? cell.items : undefined).forEach((child, k) => element(child, `${at}.rows[${i}].cells[${j}].items[${k}]`)),
        ),
      );
    }
    if (e.type === 'RichTextBlock') {
      list(e.inlines).forEach((inline, i) => {
        if (typeof inline !== 'string' && !(isNode(inline) && inline.type === 'TextRun'))
          problems.push(`${at}.inlines[${i}]: only TextRun in 1.5`);
        if (isNode(inline) && isNode(inline.selectAction)) action(inline.selectAction, `${at}.inlines[${i}].selectAction`);
      });
    }
  };

  list(card.body).forEach((e, i) => element(e, `${path}.body[${i}]`));
  list(card.actions).forEach((a, i) => action(a, `${path}.actions[${i}]`));
  if (isNode(card.selectAction)) action(card.selectAction, `${path}.selectAction`);
  return problems;
}

/** Problems in every Adaptive Card attached to an activity, plus suggested actions (Teams shows none in channels). */
export function activityCardProblems(activity: {
  attachments?: ReadonlyArray<{ contentType?: string; content?: unknown }>;
  suggestedActions?: unknown;
}): string[] {
  const problems: string[] = [];
  if (activity.suggestedActions !== undefined) problems.push('suggestedActions: Teams shows none in channels; use card buttons');
  for (const [i, a] of (activity.attachments ?? []).entries()) {
    if (a.contentType !== 'application/vnd.microsoft.card.adaptive')
      problems.push(`attachments[${i}]: ${a.contentType} is not an Adaptive Card`);
    else problems.push(...adaptiveCard15Problems(a.content, `attachments[${i}]`));
  }
  return problems;
}
