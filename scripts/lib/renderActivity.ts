/** Turns bot activities into terminal text; card buttons become numbered choices. */
export interface Rendered {
  readonly lines: string[];
  /** What typing the button's number sends. */
  readonly choices: string[];
}

interface CardElement {
  type?: string;
  text?: string;
  title?: string;
  value?: unknown;
  data?: { msteams?: { value?: string }; text?: string };
  body?: CardElement[];
  items?: CardElement[];
  columns?: CardElement[];
  facts?: Array<{ title: string; value: string }>;
  actions?: CardElement[];
  buttons?: CardElement[];
}

interface ActivityLike {
  type?: string;
  text?: string;
  attachments?: Array<{ contentType?: string; content?: unknown }>;
  suggestedActions?: { actions?: CardElement[] };
}

function walk(element: CardElement, out: Rendered): void {
  if (element.type === 'TextBlock' && element.text) out.lines.push(element.text);
  if (element.type === 'FactSet') for (const f of element.facts ?? []) out.lines.push(`${f.title}: ${f.value}`);
  for (const child of [...(element.body ?? []), ...(element.items ?? []), ...(element.columns ?? [])]) walk(child, out);
  for (const action of [...(element.actions ?? []), ...(element.buttons ?? [])]) {
    const value =
      action.data?.msteams?.value ?? action.data?.text ?? (typeof action.value === 'string' ? action.value : undefined) ?? action.title;
    if (!value) continue;
    out.choices.push(value);
    out.lines.push(`  [${out.choices.length}] ${action.title ?? value}`);
  }
}

export function renderActivities(activities: readonly ActivityLike[]): Rendered {
  const out: Rendered = { lines: [], choices: [] };
  for (const activity of activities) {
    if (activity.type !== 'message') continue;
    if (activity.text) out.lines.push(activity.text);
    for (const attachment of activity.attachments ?? []) walk((attachment.content ?? {}) as CardElement, out);
    for (const action of activity.suggestedActions?.actions ?? []) walk({ actions: [action] }, out);
  }
  return out;
}
