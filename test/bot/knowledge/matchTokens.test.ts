import { expect } from 'chai';
import MiniSearch from 'minisearch';
import { matchTokens } from '../../../bot/knowledge/matchTokens.js';

interface Doc {
  id: string;
  title: string;
  tags: string;
  body: string;
}

// Made-up documents: two identical pairs (ties), prefix and fuzzy neighbours, one word only in bodies.
const DOCS: Doc[] = [
  { id: 'a', title: 'reset password', tags: 'account', body: 'open the admin center and reset the password' },
  { id: 'b', title: 'reset password', tags: 'account', body: 'open the admin center and reset the password' },
  { id: 'c', title: 'mailbox quota', tags: 'exchange mailbox', body: 'a full mailbox stops receiving mail' },
  { id: 'd', title: 'mailboxes shared', tags: 'exchange', body: 'shared mailboxes need no license' },
  { id: 'e', title: 'licenses', tags: 'billing', body: 'add licences or remove licenses' },
  { id: 'f', title: 'outlook profile', tags: 'outlook', body: 'recreate the outlook profile when the password prompt repeats' },
  { id: 'g', title: 'outlook profile', tags: 'outlook', body: 'recreate the outlook profile when the password prompt repeats' },
  { id: 'h', title: '发票 开具', tags: '账单', body: '专票 普票 都可以 开具 password' },
];
const HEAD = ['title', 'tags'];

function index(): MiniSearch<Doc> {
  const ms = new MiniSearch<Doc>({
    fields: [...HEAD, 'body'],
    tokenize: (text) => text.split(/\s+/).filter(Boolean),
    processTerm: (t) => t,
    searchOptions: {
      boost: { title: 3, tags: 2, body: 0.5 },
      fuzzy: (t) => (t.length < 5 ? false : 0.2),
      prefix: (t) => t.length >= 4,
      combineWith: 'OR',
    },
  });
  ms.addAll(DOCS);
  return ms;
}

describe('matchTokens', () => {
  const QUESTIONS = [
    'reset password',
    'password password reset',
    'mailbox',
    'mailboxs quota',
    'licence',
    'outlook password prompt',
    '发票 password',
    'nothing here',
    'outlok profil reset',
  ];

  for (const question of QUESTIONS) {
    it(`ranks "${question}" exactly as one MiniSearch search does, ties in the same order`, () => {
      const ms = index();
      const tokens = question.split(' ');
      const { ranked, inHead, inBody } = matchTokens(ms, tokens, new Set(HEAD), 'body');
      expect(ranked).to.deep.equal(ms.search(question).map((r) => ({ id: r.id, score: r.score })));
      const matched = (fields: string[]) => new Map(ms.search(question, { fields }).map((r) => [r.id, new Set(r.queryTerms)]));
      expect(inHead).to.deep.equal(matched(HEAD));
      expect(inBody).to.deep.equal(matched(['body']));
    });
  }

  it('puts tied articles in the order MiniSearch met them', () => {
    const { ranked } = matchTokens(index(), ['outlook', 'reset'], new Set(HEAD), 'body');
    expect(ranked.map((r) => r.id).slice(0, 4)).to.deep.equal(['f', 'g', 'a', 'b']);
  });
});
