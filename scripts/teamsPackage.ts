// npm run teams:package [-- --domain bot.contoso.cn] [--out dist/teams-app.zip]
// Writes the Teams app package (manifest with MicrosoftAppId, icons, zh-cn strings) for upload to Teams.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readEnvironment } from '../bot/config.js';
import { ConfigReader } from '../bot/configReader.js';
import { buildAppPackage, PackageError } from './lib/teams/appPackage.js';
import { describeErrors, manifestValidators } from './lib/teams/validateManifest.js';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { domain: { type: 'string', multiple: true }, out: { type: 'string' } } });
  const reader = new ConfigReader(readEnvironment());
  const appId = reader.get('MicrosoftAppId');
  if (reader.problems.length > 0) throw new PackageError(reader.problems.join('; '));
  if (appId === undefined) {
    throw new PackageError(
      "MicrosoftAppId is empty. The Teams app needs the bot's app id: set MicrosoftAppId in .env (or the environment) to the " +
        'Microsoft App ID of the Azure Bot resource (Azure portal operated by 21Vianet > your bot > Configuration), then run this again.',
    );
  }
  const pkg = await buildAppPackage({ appId, domains: values.domain ?? [] });

  const validators = await manifestValidators(String(pkg.manifest.manifestVersion));
  if (!validators.manifest(pkg.manifest))
    throw new PackageError(`manifest.json does not match its schema:\n  ${describeErrors(validators.manifest.errors).join('\n  ')}`);
  for (const entry of pkg.entries.filter((e) => e.name.endsWith('.json') && e.name !== 'manifest.json')) {
    if (!validators.localization(JSON.parse(entry.data.toString('utf8')))) {
      throw new PackageError(
        `${entry.name} does not match the localization schema:\n  ${describeErrors(validators.localization.errors).join('\n  ')}`,
      );
    }
  }

  const out = resolve(values.out ?? 'dist/teams-app.zip');
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, pkg.zip);
  for (const warning of pkg.warnings) console.error(`warning: ${warning}`);
  console.error(
    `${out}: ${pkg.entries.map((e) => e.name).join(', ')} (${pkg.zip.length} bytes). ` +
      'Upload it in the Teams admin center (Teams apps > Manage apps > Upload new app).',
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof PackageError ? `teams:package: ${err.message}` : err);
    process.exit(1);
  },
);
