/** Service ids and the names customers use for them, in both languages. Health and dialogs share this table. */
export const SERVICE_NAMES: Readonly<Record<string, { readonly en: string; readonly zh: string; readonly synonyms: readonly string[] }>> = {
  exchange: {
    en: 'Exchange Online',
    zh: 'Exchange Online（邮箱）',
    synonyms: ['exchange online', 'exchange', 'exo', '邮箱', '邮件服务', '企业邮箱', 'email', 'e-mail', 'mail'],
  },
  outlook: { en: 'Outlook', zh: 'Outlook', synonyms: ['outlook', 'owa', 'outlook web', '网页版邮箱'] },
  sharepoint: {
    en: 'SharePoint Online',
    zh: 'SharePoint Online',
    synonyms: ['sharepoint online', 'sharepoint', 'spo', 'sp online', '共享站点'],
  },
  onedrive: {
    en: 'OneDrive for Business',
    zh: 'OneDrive for Business',
    synonyms: ['onedrive for business', 'onedrive', 'one drive', 'odb', '网盘'],
  },
  teams: { en: 'Microsoft Teams', zh: 'Microsoft Teams', synonyms: ['microsoft teams', 'ms teams', 'teams', 'team会议', 'teams会议'] },
  office: {
    en: 'Microsoft 365 Apps (Office)',
    zh: 'Microsoft 365 应用（Office）',
    synonyms: ['microsoft 365 apps', 'office 365', 'office365', 'o365', 'office', 'word', 'excel', 'powerpoint', 'ppt', 'm365'],
  },
  'entra-id': {
    en: 'Microsoft Entra ID',
    zh: 'Microsoft Entra ID',
    synonyms: ['microsoft entra id', 'entra id', 'entra', 'azure ad', 'azure active directory', 'aad', '目录服务', '登录服务'],
  },
  'azure-vm': {
    en: 'Azure Virtual Machines',
    zh: 'Azure 虚拟机',
    synonyms: [
      'azure virtual machines',
      'azure virtual machine',
      'virtual machines',
      'virtual machine',
      'azure vm',
      'vms',
      'vm',
      '虚拟机',
      '云主机',
      '云服务器',
    ],
  },
  'azure-storage': {
    en: 'Azure Storage',
    zh: 'Azure 存储',
    synonyms: ['azure storage', 'blob storage', 'storage account', 'blob', '存储账户', '存储'],
  },
  'azure-sql': {
    en: 'Azure SQL Database',
    zh: 'Azure SQL 数据库',
    synonyms: ['azure sql database', 'azure sql', 'sql database', 'sql数据库', '数据库'],
  },
  'azure-portal': { en: 'Azure portal', zh: 'Azure 门户', synonyms: ['azure portal', 'portal.azure.cn', 'azure门户', 'azure 门户'] },
};

/** Synonyms longest first, so "exchange online" wins over "exchange". */
export const SERVICE_SYNONYMS: ReadonlyArray<readonly [string, string]> = Object.entries(SERVICE_NAMES)
  .flatMap(([id, s]) => s.synonyms.map((syn) => [syn, id] as const))
  .sort((a, b) => b[0].length - a[0].length);
