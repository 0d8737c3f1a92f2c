/**
 * Untrusted text (what a user typed, a company name from an import, an incident title from Graph)
 * must read literally when the bot shows it: no links, no formatting, no HTML, no @mentions, and no
 * Adaptive Card template expressions. Escaping keeps every character visible instead of dropping it.
 */
/** Characters that start markdown constructs anywhere in a line; block markers only matter at a line start. */
const MARKDOWN = /[\\`*_[\]()~|]/g;
const BLOCK_START = /^(\s*)([#>+-]|\d+\.)/gm;
const HTML: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** For Adaptive Card TextBlocks, which render a markdown subset but no HTML. */
export function literalForCard(text: string): string {
  return neutraliseTemplates(text)
    .replace(MARKDOWN, (c) => `\\${c}`)
    .replace(BLOCK_START, (_m, space: string, marker: string) => `${space}\\${marker}`);
}

/** For message text, which Teams and Web Chat render as markdown, and Teams partly as HTML. */
export function literalForMessage(text: string): string {
  return neutraliseTemplates(text)
    .replace(/[&<>"]/g, (c) => HTML[c]!)
    .replace(/[\\`*_{}[\]()#+!|~]/g, (c) => `\\${c}`);
}

/** `${...}` is an Adaptive Card template binding; a zero-width joiner keeps it from being one. */
function neutraliseTemplates(text: string): string {
  return text.replace(/\$\{/g, '$\u200d{');
}
