import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { APP_PACKAGE_DIR } from './appPackage.js';

export const SCHEMA_DIR = join(APP_PACKAGE_DIR, 'schema');

/**
 * Ajv validators for a manifest version's two schemas, bundled in appPackage/schema/. They declare
 * draft-04 but use no draft-04-only keyword (boolean exclusiveMaximum, id), so Ajv's default draft
 * validates them as written; the only format they use is "uri". Their patterns are not all valid
 * with the u flag (an unescaped "]"), so patterns are compiled without it, as the schemas intend.
 */
export async function manifestValidators(version: string): Promise<{ manifest: ValidateFunction; localization: ValidateFunction }> {
  const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false, unicodeRegExp: false });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  const load = async (file: string) => {
    const schema = JSON.parse(await readFile(join(SCHEMA_DIR, `v${version}`, file), 'utf8')) as Record<string, unknown>;
    delete schema.$schema;
    return ajv.compile(schema);
  };
  return { manifest: await load('MicrosoftTeams.schema.json'), localization: await load('MicrosoftTeams.Localization.schema.json') };
}

export function describeErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
}
