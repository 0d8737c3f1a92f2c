import { expect } from 'chai';
import { unzipSync } from 'fflate';
import { execFile } from 'node:child_process';
import { access, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PNG } from 'pngjs';
import { describeErrors, manifestValidators } from '../../scripts/lib/teams/validateManifest.js';
import { makeTempDir } from '../support/tempDir.js';

const ROOT = join(import.meta.dirname, '../..');
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const APP_ID = '6F1A2B3C-4D5E-4F60-8A7B-9C0D1E2F3A4B';

/** `npm run teams:package` as a user runs it, from a folder whose .env we control. */
function teamsPackage(cwd: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', TSX, join(ROOT, 'scripts', 'teamsPackage.ts'), ...args],
      { cwd, env: { PATH: process.env.PATH ?? '', ...env } },
      (err, _stdout, stderr) => resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stderr }),
    );
  });
}

type Manifest = {
  $schema: string;
  id: string;
  manifestVersion: string;
  accentColor: string;
  icons: { color: string; outline: string };
  validDomains: string[];
  localizationInfo: { defaultLanguageTag: string; additionalLanguages: Array<{ languageTag: string; file: string }> };
  bots: Array<{
    botId: string;
    scopes: string[];
    commandLists: Array<{ scopes: string[]; commands: Array<{ title: string; description: string }> }>;
  }>;
};

describe('npm run teams:package', function () {
  this.timeout(60_000);
  let dir: { path: string; remove: () => Promise<void> };
  let entries: Map<string, Buffer>;
  let manifest: Manifest;
  let validators: Awaited<ReturnType<typeof manifestValidators>>;

  before(async () => {
    dir = await makeTempDir('teams-package-');
    await writeFile(join(dir.path, '.env'), `MicrosoftAppId=${APP_ID}\n`);
    const r = await teamsPackage(dir.path, ['--domain', 'bot.contoso.cn', '--out', 'out/app.zip']);
    expect(r.code, r.stderr).to.equal(0);
    const zipped = unzipSync(await readFile(join(dir.path, 'out/app.zip')));
    entries = new Map(Object.entries(zipped).map(([name, data]) => [name, Buffer.from(data)]));
    manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as Manifest;
    validators = await manifestValidators(manifest.manifestVersion);
  });
  after(() => dir.remove());

  it('writes a zip with the manifest, both icons and the zh-cn strings at its root', () => {
    expect([...entries.keys()].sort()).to.deep.equal(['color.png', 'manifest.json', 'outline.png', 'zh-cn.json']);
  });

  it('the manifest in the zip is valid against the bundled Teams manifest schema (ajv)', async () => {
    const validate = validators.manifest;
    expect(validate(manifest), describeErrors(validate.errors).join('\n')).to.equal(true);
    expect(manifest.$schema).to.equal(
      `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
    );
  });

  it('the zh-cn file is valid against the localization schema of the same version and names only keys the manifest has', async () => {
    const { localization } = validators;
    const zh = JSON.parse(entries.get('zh-cn.json')!.toString('utf8')) as Record<string, string>;
    expect(localization(zh), describeErrors(localization.errors).join('\n')).to.equal(true);
    expect(zh.$schema).to.include(`/v${manifest.manifestVersion}/`);
    const commands = manifest.bots[0]!.commandLists[0]!.commands;
    for (const key of Object.keys(zh).filter((k) => k.startsWith('bots['))) {
      const m = /^bots\[0\]\.commandLists\[0\]\.commands\[(\d+)\]\.(title|description)$/.exec(key);
      expect(m, key).to.not.equal(null);
      expect(commands[Number(m![1])], key).to.not.equal(undefined);
    }
    expect(Object.keys(zh).filter((k) => k.endsWith('.title'))).to.have.length(commands.length);
  });

  it('has MicrosoftAppId as app and bot id, the three scopes, the localization info and validDomains', () => {
    expect(manifest.id).to.equal(APP_ID.toLowerCase());
    expect(manifest.bots[0]!.botId).to.equal(APP_ID.toLowerCase());
    expect(manifest.bots[0]!.scopes).to.have.members(['personal', 'team', 'groupChat']);
    expect(manifest.bots[0]!.commandLists[0]!.scopes).to.have.members(['personal', 'team', 'groupChat']);
    expect(manifest.localizationInfo.defaultLanguageTag).to.equal('en-us');
    expect(manifest.localizationInfo.additionalLanguages).to.deep.equal([{ languageTag: 'zh-cn', file: 'zh-cn.json' }]);
    expect(manifest.validDomains).to.deep.equal(['bot.contoso.cn']);
    expect(JSON.stringify(manifest)).to.not.include('${{');
  });

  it('the icons are a 192x192 full-colour PNG in the accent colour and a 32x32 white-on-transparent outline', () => {
    const color = PNG.sync.read(entries.get(manifest.icons.color)!);
    expect([color.width, color.height]).to.deep.equal([192, 192]);
    expect(
      color.data.filter((_, i) => i % 4 === 3).every((a) => a === 255),
      'opaque',
    ).to.equal(true);
    const corner = [...color.data.subarray(0, 3)].map((c) => c.toString(16).padStart(2, '0')).join('');
    expect(`#${corner}`.toLowerCase()).to.equal(manifest.accentColor.toLowerCase());
    const outline = PNG.sync.read(entries.get(manifest.icons.outline)!);
    expect([outline.width, outline.height]).to.deep.equal([32, 32]);
    let drawn = 0;
    for (let p = 0; p < outline.data.length; p += 4) {
      if (outline.data[p + 3] === 0) continue;
      drawn++;
      expect([...outline.data.subarray(p, p + 3)]).to.deep.equal([255, 255, 255]);
    }
    expect(drawn).to.be.within(100, 32 * 32 - 100);
  });

  it('the schema check can fail: a wrong scope, a bad colour or a missing icon is reported', async () => {
    const validate = validators.manifest;
    for (const broken of [
      { ...manifest, bots: [{ ...manifest.bots[0]!, scopes: ['channel'] }] },
      { ...manifest, accentColor: 'blue' },
      { ...manifest, icons: { color: 'color.png' } },
    ]) {
      expect(validate(broken), JSON.stringify(broken).slice(0, 80)).to.equal(false);
    }
  });

  it('refuses with a clear message, and writes nothing, when MicrosoftAppId is empty or not a GUID', async () => {
    const empty = await makeTempDir('teams-package-empty-');
    try {
      await writeFile(join(empty.path, '.env'), 'MicrosoftAppId=\n');
      const r = await teamsPackage(empty.path, []);
      expect(r.code).to.equal(1);
      expect(r.stderr).to.match(/^teams:package: MicrosoftAppId is empty\. .*Azure Bot/m);
      expect(r.stderr).to.not.match(/\n\s+at /);
      expect(
        await access(join(empty.path, 'dist', 'teams-app.zip')).then(
          () => 'exists',
          () => 'absent',
        ),
      ).to.equal('absent');
      const bad = await teamsPackage(empty.path, [], { MicrosoftAppId: 'not-a-guid' });
      expect(bad.code).to.equal(1);
      expect(bad.stderr).to.include('MicrosoftAppId must be a GUID');
      const badDomain = await teamsPackage(empty.path, ['--domain', 'https://bot.contoso.cn/api'], { MicrosoftAppId: APP_ID });
      expect(badDomain.code).to.equal(1);
      expect(badDomain.stderr).to.include('is not a host name');
    } finally {
      await empty.remove();
    }
  });
});
