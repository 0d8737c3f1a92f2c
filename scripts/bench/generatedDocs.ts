import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** A small deterministic generator (mulberry32), so that every run benchmarks the same documents. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ZH = {
  services: [
    '存储帐户',
    '虚拟机',
    '虚拟网络',
    'SQL 数据库',
    '应用服务',
    '密钥保管库',
    'Kubernetes 服务',
    '事件中心',
    '服务总线',
    'Redis 缓存',
    '恢复服务保管库',
    '负载均衡器',
    'DNS 区域',
    'VPN 网关',
  ],
  actions: ['创建', '配置', '删除', '扩展', '监视', '备份', '还原', '迁移', '连接', '保护', '更新', '排查'],
  things: [
    '防火墙规则',
    '访问密钥',
    '诊断设置',
    '专用终结点',
    '网络安全组',
    '自动缩放规则',
    '保留策略',
    '角色分配',
    '警报规则',
    '证书',
    '连接字符串',
    '标记',
  ],
  places: ['中国北部 3', '中国东部 2', '中国北部 2', '中国东部 3'],
  tails: [
    '操作通常在几分钟内完成。',
    '完成后请在门户中确认状态。',
    '如果失败，请查看活动日志中的错误信息。',
    '这项设置会影响所有依赖它的资源。',
    '建议先在测试环境中验证。',
  ],
};
const EN = {
  services: [
    'storage account',
    'virtual machine',
    'virtual network',
    'SQL database',
    'App Service app',
    'key vault',
    'Kubernetes cluster',
    'event hub',
    'Service Bus namespace',
    'Redis cache',
    'Recovery Services vault',
    'load balancer',
    'DNS zone',
    'VPN gateway',
  ],
  actions: [
    'create',
    'configure',
    'delete',
    'scale',
    'monitor',
    'back up',
    'restore',
    'migrate',
    'connect to',
    'secure',
    'update',
    'troubleshoot',
  ],
  things: [
    'firewall rules',
    'access keys',
    'diagnostic settings',
    'private endpoints',
    'network security groups',
    'autoscale rules',
    'retention policies',
    'role assignments',
    'alert rules',
    'certificates',
    'connection strings',
    'tags',
  ],
  places: ['China North 3', 'China East 2', 'China North 2', 'China East 3'],
  tails: [
    'It usually completes within a few minutes.',
    'Check the status in the portal afterwards.',
    'If it fails, look for the error in the activity log.',
    'The setting affects every resource that depends on it.',
    'Try it in a test environment first.',
  ],
};

/**
 * Writes `count` Markdown documents in the docs.azure.cn shape (front matter, an include, notes, links,
 * code, four to six sections of a few paragraphs each, about 3-5 KB), half in Chinese and half in English,
 * under `dir`. Each carries a few words of its own (error codes, names) as real documentation does.
 */
export async function writeGeneratedDocs(dir: string, count: number): Promise<void> {
  const rnd = random(21);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  await mkdir(join(dir, 'includes'), { recursive: true });
  await writeFile(
    join(dir, 'includes/sign-in.md'),
    '---\ntitle: include\n---\n> [!NOTE]\n> Sign in at https://portal.azure.cn with an account that can manage the subscription.\n',
  );
  for (let n = 0; n < count; n++) {
    const zh = n % 2 === 0;
    const w = zh ? ZH : EN;
    const service = pick(w.services);
    const sentence = (i: number) =>
      zh
        ? `在${pick(w.places)}中${pick(w.actions)}${service}的${pick(w.things)}时，先${pick(w.actions)}${pick(w.things)}，` +
          `错误代码 E${n}${i} 表示请求被拒绝。${pick(w.tails)}`
        : `To ${pick(w.actions)} the ${pick(w.things)} of a ${service} in ${pick(w.places)}, ` +
          `first ${pick(w.actions)} its ${pick(w.things)}; ` +
          `error code E${n}${i} means the request was refused. ${pick(w.tails)}`;
    const paragraph = (i: number) => Array.from({ length: 3 }, (_, k) => sentence(i * 10 + k)).join(zh ? '' : ' ');
    const sections = 4 + Math.floor(rnd() * 3);
    const body: string[] = [
      `# ${zh ? '如何' : 'How to '}${pick(w.actions)} ${service} ${n}`,
      '',
      paragraph(0),
      '',
      '[!INCLUDE [sign-in](../includes/sign-in.md)]',
    ];
    for (let s = 1; s <= sections; s++) {
      body.push('', `## ${pick(w.actions)} ${pick(w.things)} ${s}`, '', paragraph(s), '', paragraph(s + 50));
      if (s === 2) body.push('', '> [!TIP]', `> ${sentence(99)}`, '', `[${zh ? '另请参阅' : 'See also'}](../doc-${(n + 1) % count}.md)`);
      if (s === 3)
        body.push('', '```azurecli', `az resource show --ids /subscriptions/0000/resourceGroups/rg${n}/providers/x/y/name${n}`, '```');
      if (s === 4) body.push('', `### ${pick(w.things)}`, '', paragraph(s + 90));
    }
    const file = join(dir, `area-${n % 20}/doc-${n}.md`);
    await mkdir(dirname(file), { recursive: true });
    const front =
      `---\ntitle: ${zh ? '如何' : 'How to '}${pick(w.actions)} ${service} ${n}\n` +
      `description: ${sentence(0)}\nms.date: 0${1 + (n % 9)}/1${n % 10}/2024\n---\n`;
    await writeFile(file, front + body.join('\n') + '\n');
  }
}
