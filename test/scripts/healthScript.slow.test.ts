import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EmbeddedHealthSource } from '../../bot/health/embeddedHealthSource.js';
import { HealthNoticeStore } from '../../bot/health/healthNoticeStore.js';
import { FileStore } from '../../bot/store/fileStore.js';

/** The health notices of a DATA_DIR, as the bot and `npm run health` open them. */
const noticesIn = (dataDir: string) => new HealthNoticeStore(new FileStore(join(dataDir, 'store')));
import { runHealthCommand, UsageError } from '../../scripts/lib/healthCommand.js';
import { makeTempDir } from '../support/tempDir.js';

const ROOT = join(import.meta.dirname, '../..');
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

function run(script: string, args: string[], dataDir: string, cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', TSX, join(ROOT, 'scripts', script), ...args],
      { cwd, env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir } },
      (err, stdout, stderr) => resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm run health', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let clock: Date;
  let out: string[];
  const health = (...args: string[]) => runHealthCommand(args, noticesIn(dir.path), { out: (t) => out.push(t), now: () => clock });
  const usage = async (...args: string[]) => {
    try {
      await health(...args);
    } catch (err) {
      expect(err).to.be.instanceOf(UsageError);
      return (err as Error).message;
    }
    throw new Error(`no usage error for ${args.join(' ')}`);
  };

  beforeEach(async () => {
    dir = await makeTempDir('health-cli-');
    clock = new Date('2026-11-23T08:00:00Z');
    out = [];
  });
  afterEach(() => dir.remove());

  it('set opens an incident, set again updates it, clear ends it; the running bot sees each change', async () => {
    const source = new EmbeddedHealthSource(noticesIn(dir.path));
    expect(await source.check(['exchange'])).to.deep.equal([{ service: 'exchange', status: 'serviceOperational', issues: [] }]);

    expect(await health('set', 'exchange', 'serviceDegradation', '邮件延迟', '--impact', 'Some users see delays')).to.equal(0);
    expect(out.pop()).to.equal(
      'Opened INC-1001  exchange  incident  serviceDegradation  started 2026-11-23 16:00, updated 2026-11-23 16:00 (China time)  邮件延迟',
    );
    let [r] = await source.check(['exchange']);
    expect(r).to.deep.equal({
      service: 'exchange',
      status: 'serviceDegradation',
      issues: [
        {
          id: 'INC-1001',
          service: 'exchange',
          classification: 'incident',
          status: 'serviceDegradation',
          title: '邮件延迟',
          impact: 'Some users see delays',
          startTime: clock.toISOString(),
          lastUpdate: clock.toISOString(),
          resolved: false,
          origin: 'reseller',
        },
      ],
    });

    clock = new Date('2026-11-23T09:30:00Z');
    await health('set', 'Exchange Online', 'restoringService', '邮件延迟，正在恢复');
    [r] = await source.check(['exchange']);
    expect(r!.issues.map((i) => [i.id, i.status, i.title, i.impact, i.startTime, i.lastUpdate])).to.deep.equal([
      [
        'INC-1001',
        'restoringService',
        '邮件延迟，正在恢复',
        'Some users see delays',
        '2026-11-23T08:00:00.000Z',
        '2026-11-23T09:30:00.000Z',
      ],
    ]);
    await health('set', 'azure-vm', 'investigating', 'VM start slow', '--advisory');
    await health('list');
    expect(
      out
        .pop()!
        .split('\n')
        .map((l) => l.split('  ').slice(0, 4).join(' ')),
    ).to.deep.equal(['INC-1001 exchange incident restoringService', 'INC-1002 azure-vm advisory investigating']);

    clock = new Date('2026-11-23T10:00:00Z');
    await health('clear', 'exchange');
    expect(out.pop()).to.equal('Ended 1 incident.');
    expect((await source.check(['exchange']))[0]).to.deep.equal({ service: 'exchange', status: 'serviceOperational', issues: [] });
    const ended = await source.issue('INC-1001');
    expect(ended.kind === 'found' && [ended.issue.resolved, ended.issue.lastUpdate]).to.deep.equal([true, '2026-11-23T10:00:00.000Z']);

    await health('list', '--json', '--all');
    expect(JSON.parse(out.pop()!).map((i: { id: string; endTime?: string }) => [i.id, i.endTime ?? null])).to.deep.equal([
      ['INC-1001', '2026-11-23T10:00:00.000Z'],
      ['INC-1002', null],
    ]);
    await health('clear', 'INC-1002');
    await health('list');
    expect(out.pop()).to.equal('No open incidents.');
    await health('clear', '--all');
    expect(out.pop()).to.equal('Nothing open for any service.');
  });

  it('bad arguments name exactly what is wrong', async () => {
    expect(await usage()).to.equal('missing command');
    expect(await usage('sett')).to.equal('unknown command "sett"');
    expect(await usage('set', 'exchnage', 'serviceDegradation', 'x')).to.match(
      /^unknown service "exchnage"; use one of: exchange, outlook, /,
    );
    expect(await usage('set', 'exchange', 'down', 'x')).to.match(/^unknown status "down"; use one of: investigating, /);
    expect(await usage('set', 'exchange', 'serviceOperational', 'x')).to.equal(
      '"serviceOperational" is not an ongoing status; to end an incident use: npm run health -- clear <service>',
    );
    expect(await usage('set', 'exchange', 'investigating')).to.equal('missing <title>');
    expect(await usage('set', 'exchange', 'investigating', '  ')).to.equal('missing <title>');
    expect(await usage('set', 'exchange', 'investigating', 'mail', 'is', 'slow')).to.equal(
      'set takes 3 arguments, got 5 (put a title with spaces in quotes)',
    );
    expect(await usage('set', 'exchange', 'investigating', 'line one\nline two')).to.equal(
      '<title> must be a single line without control characters',
    );
    expect(await usage('set', 'exchange', 'investigating', 'x'.repeat(201))).to.equal('<title> is 201 characters; at most 200');
    expect(await usage('set', 'exchange', 'investigating', 'x', '--impact')).to.equal('--impact needs a value');
    expect(await usage('set', 'exchange', 'investigating', 'x', '--start', 'yesterday')).to.match(
      /^--start "yesterday" is not an ISO time/,
    );
    expect(await usage('set', 'exchange', 'investigating', 'x', '--severity', 'high')).to.equal('unknown option --severity');
    expect(await usage('clear')).to.equal('clear takes one <service> or <incident id>, or --all');
    expect(await usage('clear', '--all', 'exchange')).to.equal('clear takes one <service> or <incident id>, or --all');
    expect(await usage('list', 'exchange')).to.equal('list takes no arguments, got "exchange"');
  });

  it('as a process: exit code 2 with the message and usage for bad arguments, 0 and output when fine', async function () {
    this.timeout(30_000);
    const bad = await run('health.ts', ['set', 'exchange', 'down', '邮件延迟'], dir.path, dir.path);
    expect(bad.code).to.equal(2);
    expect(bad.stderr).to.match(/^Error: unknown status "down"; use one of: /);
    expect(bad.stderr).to.include('Usage: npm run health -- <command>');
    const ok = await run('health.ts', ['set', 'exchange', 'serviceDegradation', '邮件延迟'], dir.path, dir.path);
    expect(ok.code, ok.stderr).to.equal(0);
    expect(ok.stdout).to.match(/^Opened INC-1001 {2}exchange {2}incident {2}serviceDegradation/);
  });

  it('a broken file reads as unknown in the bot (never healthy) and the CLI refuses to touch it', async () => {
    const file = new FileStore(join(dir.path, 'store')).fileOf('health/notices');
    await mkdir(join(file, '..'), { recursive: true });
    await writeFile(file, '{"incidents": [ {"id": 1} ]');
    const source = new EmbeddedHealthSource(noticesIn(dir.path));
    expect(await source.check(['exchange', 'teams'])).to.deep.equal([
      { service: 'exchange', status: 'unknown', issues: [] },
      { service: 'teams', status: 'unknown', issues: [] },
    ]);
    expect(await source.issue('INC-1001')).to.deep.equal({ kind: 'unknown' });
    let error: unknown;
    await health('set', 'exchange', 'investigating', 'x').catch((err: unknown) => (error = err));
    expect((error as Error).name).to.equal('CorruptDataError');
    expect(await readFile(file, 'utf8')).to.equal('{"incidents": [ {"id": 1} ]');
  });

  it('seed:demo adds one active incident, and seeding again does not add a second', async function () {
    this.timeout(60_000);
    const data = join(dir.path, 'data');
    const first = await run('seedDemo.ts', [], data, dir.path);
    expect(first.code, first.stderr).to.equal(0);
    expect(first.stdout).to.include('incident DEMO-1 on exchange');
    await run('seedDemo.ts', [], data, dir.path);
    const reports = await new EmbeddedHealthSource(noticesIn(data)).check(['exchange', 'teams']);
    expect(reports.map((r) => [r.service, r.status, r.issues.map((i) => i.id)])).to.deep.equal([
      ['exchange', 'serviceDegradation', ['DEMO-1']],
      ['teams', 'serviceOperational', []],
    ]);
  });
});
