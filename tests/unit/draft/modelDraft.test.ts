/**
 * The model-made draft (issue 15, part 4): the request it sends, its answer checked against the
 * text (units not in the text dropped and listed), the result repaired into one tree rooted at
 * the central claim or refused, and each way a call can fail with its own message. Real HTTP on
 * loopback against the stand-in server, and an injected fetch where a server cannot be made to
 * misbehave on cue (a stall, a dropped connection).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ANSWER_SCHEMA,
  draftFromAnswer,
  endpointBase,
  modelDraft,
  testConnection,
  type ModelAnswer,
  type ModelDraftResult,
} from '../../../src/draft/modelDraft';
import type { MapDraft } from '../../../src/draft/types';
import { english } from '../../../src/model/messages';
import { MESSAGES_ZH } from '../../../src/ui/i18nMessagesZh';
import { SCHOOL_START_TEXT } from '../../fixtures/maps/schoolStart';
import { scriptedAnswer, startChatStandIn, type ChatStandIn } from '../../setup/chatStandIn';

const KEY = 'sk-test-0123456789';
const MODEL = 'stand-in-model';

/** The school-start text's sentences (as the stand-in's script quotes them). */
const S = {
  conclusion: 'Schools should start later in the morning.',
  sleep: 'Teenagers need more sleep than adults',
  clocks: 'their body clocks shift later during puberty.',
  studies: 'Studies of districts that delayed start times found better attendance.',
  parents: 'However, later starts make it harder for parents who work early.',
  buses: 'Buses can be rescheduled at little cost, so this objection is weak.',
  invented: 'Later starts also raise test scores by twenty percent.',
};

/**
 * The stand-in's script for the school-start text: one invented unit, one link to it, and two
 * roots (the studies and the buses sentences have no link of their own).
 */
const SCHOOL_ANSWER = scriptedAnswer(
  [
    { text: S.conclusion, kind: 'conclusion' },
    { text: S.sleep, kind: 'claim' },
    { text: S.clocks, kind: 'evidence' },
    { text: S.invented, kind: 'evidence' },
    { text: S.studies, kind: 'evidence' },
    { text: S.parents, kind: 'objection' },
    { text: S.buses, kind: 'rebuttal' },
  ],
  0,
  [
    { premises: [1], to: 0, relation: 'supports' },
    { premises: [2], to: 3, relation: 'supports' }, // to the invented unit
    { premises: [5], to: 0, relation: 'attacks' },
  ],
);

/** Every draft's promises: verbatim spans, no overlap, one tree rooted at the central claim. */
function expectOneTreeOfSpans(draft: MapDraft, text: string) {
  const ids = new Set([...draft.units.map((u) => u.id), ...draft.junctions.map((j) => j.id)]);
  let last = -1;
  for (const u of draft.units) {
    expect(u.text).toBe(text.slice(u.start, u.end));
    expect(u.text.trim()).toBe(u.text);
    expect(u.start).toBeGreaterThanOrEqual(last);
    last = u.end;
  }
  const central = draft.units.find((u) => u.id === draft.central);
  expect(central?.kind).toBe('conclusion');
  expect(draft.units.filter((u) => u.kind === 'conclusion')).toHaveLength(1);
  const out = new Map<string, string>();
  for (const l of draft.links) {
    expect(ids.has(l.from) && ids.has(l.to)).toBe(true);
    expect(out.has(l.from)).toBe(false);
    out.set(l.from, l.to);
  }
  expect(out.has(draft.central)).toBe(false);
  for (const id of ids) {
    if (id === draft.central) continue;
    // Every unit and junction reaches the central claim, without a cycle.
    let at = id;
    const seen = new Set<string>();
    while (at !== draft.central) {
      expect(seen.has(at)).toBe(false);
      seen.add(at);
      expect(out.has(at)).toBe(true);
      at = out.get(at)!;
    }
  }
  for (const j of draft.junctions)
    expect(draft.links.filter((l) => l.to === j.id).length).toBeGreaterThanOrEqual(2);
}

const ok = (result: ModelDraftResult) => {
  if (!result.ok) throw new Error(`expected a draft, got: ${english(result.says)}`);
  return result;
};

describe('drafting with the stand-in server (real HTTP on loopback)', () => {
  let server: ChatStandIn;
  beforeAll(async () => {
    server = await startChatStandIn({
      key: KEY,
      models: [MODEL],
      reply: () => ({ content: SCHOOL_ANSWER }),
    });
  });
  afterAll(() => server.close());
  const settings = () => ({ endpoint: server.endpoint, model: MODEL, key: KEY });
  const input = { sourceId: 's1', text: SCHOOL_START_TEXT, language: 'en' };

  it('sends one chat completion with the key, the text and the schema', async () => {
    server.requests.length = 0;
    ok(await modelDraft(input, settings()));
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request!.method).toBe('POST');
    expect(request!.path).toBe('/v1/chat/completions');
    expect(request!.authorization).toBe(`Bearer ${KEY}`);
    const body = request!.body as {
      model: string;
      messages: { role: string; content: string }[];
      response_format: {
        type: string;
        json_schema: { name: string; strict: boolean; schema: { required: string[] } };
      };
    };
    expect(body.model).toBe(MODEL);
    expect(body.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(body.messages[0]!.content).toMatch(/VERBATIM/);
    expect(body.messages[1]!.content).toContain(SCHOOL_START_TEXT);
    expect(body.response_format.type).toBe('json_schema');
    expect(body.response_format.json_schema.strict).toBe(true);
    expect(body.response_format.json_schema.schema.required).toEqual(['units', 'central', 'links']);
  });

  it('drops the invented unit and lists it, re-attaches its premise and the extra roots', async () => {
    const { draft, report } = ok(await modelDraft(input, settings()));
    expect(draft.by).toBe('model');
    expect(draft.units.map((u) => u.text)).toEqual([
      S.conclusion,
      S.sleep,
      S.clocks,
      S.studies,
      S.parents,
      S.buses,
    ]);
    expect(draft.units.map((u) => u.id)).toEqual(['u1', 'u2', 'u3', 'u4', 'u5', 'u6']);
    expect(draft.central).toBe('u1');
    expectOneTreeOfSpans(draft, SCHOOL_START_TEXT);
    expect(report.dropped).toEqual([
      expect.objectContaining({ text: S.invented, why: 'notInText' }),
    ]);
    expect(english(report.dropped[0]!.says)).toContain(S.invented);
    // The clocks unit pointed to the invented one; studies and buses had no link.
    const repairs = report.repaired.map((r) => english(r.says));
    expect(repairs).toEqual([
      `“${S.clocks}” pointed to a dropped unit; it is attached to the central claim instead.`,
      `“${S.studies}” had no link; it is attached to the central claim.`,
      `“${S.buses}” had no link; it is attached to the central claim.`,
    ]);
    const link = (from: string) => draft.links.find((l) => l.from === from)!;
    expect(link('u3')).toMatchObject({ to: 'u1', relation: 'supports', cue: { family: 'model' } });
    expect(link('u5')).toMatchObject({ to: 'u1', relation: 'attacks' });
    for (const u of draft.units) expect(u.cues).toEqual([{ family: 'model', marker: MODEL }]);
  });

  it('a wrong key gets the key message (HTTP 401), and no key is sent when none is set', async () => {
    const wrong = await modelDraft(input, { ...settings(), key: 'sk-wrong' });
    expect(wrong).toMatchObject({ ok: false, failure: 'key' });
    if (!wrong.ok) expect(english(wrong.says)).toMatch(/refused the key \(HTTP 401\)/);
    server.requests.length = 0;
    const none = await modelDraft(input, { endpoint: server.endpoint, model: MODEL, key: '' });
    expect(none).toMatchObject({ ok: false, failure: 'key' });
    expect(server.requests[0]!.authorization).toBeUndefined();
  });

  it('an unknown model gets the not-found message (HTTP 404)', async () => {
    const result = await modelDraft(input, { ...settings(), model: 'no-such-model' });
    expect(result).toMatchObject({ ok: false, failure: 'notFound' });
    if (!result.ok) expect(english(result.says)).toContain('“no-such-model”');
  });

  it('429 and 5xx each get their own message', async () => {
    for (const [status, failure] of [
      [429, 'rateLimited'],
      [500, 'server'],
      [503, 'server'],
      [400, 'http'],
    ] as const) {
      server.setReply(() => ({ status }));
      const result = await modelDraft(input, settings());
      expect(result).toMatchObject({ ok: false, failure });
      if (!result.ok)
        expect(english(result.says)).toContain(status === 429 ? '429' : String(status));
    }
    server.setReply(() => ({ content: SCHOOL_ANSWER }));
  });

  it('an answer that is not JSON, or not of the schema, or refused or cut off, is refused', async () => {
    const cases = [
      [{ raw: '<html>Bad gateway</html>' }, 'notJson'],
      [{ content: 'Here is your map: units…' }, 'notJson'],
      [{ content: { units: 'none', central: 'a1', links: [] } }, 'notSchema'],
      [
        { content: { units: [{ id: 'a1', text: 1, kind: 'claim' }], central: 'a1', links: [] } },
        'notSchema',
      ],
      [{ refusal: 'I cannot help with that.' }, 'refused'],
      [{ content: '{"units": [{"id": "a1", "te', finishReason: 'length' }, 'truncated'],
    ] as const;
    for (const [reply, failure] of cases) {
      server.setReply(() => reply);
      const result = await modelDraft(input, settings());
      expect(result, JSON.stringify(reply)).toMatchObject({ ok: false, failure });
    }
    server.setReply(() => ({
      content: { units: [{ id: 'a1', text: 1, kind: 'claim' }], central: 'a1', links: [] },
    }));
    const result = await modelDraft(input, settings());
    if (!result.ok) expect(english(result.says)).toContain('(at units[0].text)');
    server.setReply(() => ({ content: SCHOOL_ANSWER }));
  });

  it('"Test connection" finds the model among those listed, and says when it is not', async () => {
    const listed = await testConnection(settings());
    expect(listed).toMatchObject({ ok: true, listed: true });
    const other = await testConnection({ ...settings(), model: 'other' });
    expect(other).toMatchObject({ ok: true, listed: false });
    if (other.ok) expect(english(other.says)).toContain(MODEL);
    expect(await testConnection({ ...settings(), key: 'sk-wrong' })).toMatchObject({
      ok: false,
      failure: 'key',
    });
  });

  it('a server that is not running is unreachable', async () => {
    const gone = await startChatStandIn({ reply: () => ({ status: 500 }) });
    await gone.close();
    const result = await modelDraft(input, { endpoint: gone.endpoint, model: MODEL });
    expect(result).toMatchObject({ ok: false, failure: 'unreachable' });
    if (!result.ok) expect(english(result.says)).toContain(gone.endpoint);
  });
});

describe('the schema the answer is forced into', () => {
  it('keeps the rules of strict structured outputs: every field required, no other fields', () => {
    const objects: string[] = [];
    const walk = (schema: Record<string, unknown>, at: string) => {
      if (schema.type === 'object') {
        objects.push(at);
        const properties = schema.properties as Record<string, Record<string, unknown>>;
        expect(schema.additionalProperties, at).toBe(false);
        expect([...(schema.required as string[])].sort(), at).toEqual(
          Object.keys(properties).sort(),
        );
        for (const [name, sub] of Object.entries(properties)) walk(sub, `${at}.${name}`);
      }
      if (schema.type === 'array') walk(schema.items as Record<string, unknown>, `${at}[]`);
    };
    walk(ANSWER_SCHEMA as unknown as Record<string, unknown>, '$');
    expect(objects).toEqual(['$', '$.units[]', '$.links[]']);
  });
});

describe('failures without a server', () => {
  const input = { sourceId: 's1', text: SCHOOL_START_TEXT };
  const settings = { endpoint: 'http://localhost:9/v1', model: MODEL, key: KEY };
  /** A fetch that never answers until its request is aborted. */
  const stalling: typeof fetch = (_url, init) =>
    new Promise((_, reject) =>
      init?.signal?.addEventListener('abort', () =>
        reject(new DOMException('aborted', 'AbortError')),
      ),
    );

  it('times out (the request aborted) after the time given', async () => {
    const result = await modelDraft(input, settings, { fetch: stalling, timeoutMs: 30 });
    expect(result).toMatchObject({ ok: false, failure: 'timeout' });
  });

  it('is cancelled by its signal, before or during the request', async () => {
    const before = new AbortController();
    before.abort();
    expect(
      await modelDraft(input, settings, { fetch: stalling, signal: before.signal }),
    ).toMatchObject({
      ok: false,
      failure: 'cancelled',
    });
    const during = new AbortController();
    const pending = modelDraft(input, settings, { fetch: stalling, signal: during.signal });
    during.abort();
    expect(await pending).toMatchObject({ ok: false, failure: 'cancelled' });
  });

  it('a network error is "unreachable"; the key goes to the endpoint only', async () => {
    const urls: string[] = [];
    const failing: typeof fetch = (url) => {
      urls.push(String(url));
      return Promise.reject(new TypeError('Failed to fetch'));
    };
    expect(await modelDraft(input, settings, { fetch: failing })).toMatchObject({
      ok: false,
      failure: 'unreachable',
    });
    expect(urls).toEqual(['http://localhost:9/v1/chat/completions']);
  });

  it('checks the endpoint: a web address, https unless on this computer, no password in it', async () => {
    expect(endpointBase('http://127.0.0.1:8080/v1/')).toEqual({
      ok: true,
      base: 'http://127.0.0.1:8080/v1',
    });
    expect(endpointBase(' https://api.example.org/v1/chat/completions ')).toEqual({
      ok: true,
      base: 'https://api.example.org/v1',
    });
    expect(endpointBase('http://localhost:11434/v1/models')).toEqual({
      ok: true,
      base: 'http://localhost:11434/v1',
    });
    expect(endpointBase('http://api.example.org/v1')).toMatchObject({
      ok: false,
      says: { key: 'modelEndpointInsecure' },
    });
    for (const bad of [
      'api.example.org',
      'ftp://example.org/v1',
      'https://user:pw@example.org/v1',
      '',
    ])
      expect(endpointBase(bad), bad).toMatchObject({
        ok: false,
        says: { key: 'modelEndpointInvalid' },
      });
    let called = false;
    const never: typeof fetch = () => {
      called = true;
      return Promise.reject(new Error('not to be called'));
    };
    expect(
      await modelDraft(
        input,
        { ...settings, endpoint: 'http://evil.example.org/v1' },
        { fetch: never },
      ),
    ).toMatchObject({ ok: false, failure: 'endpoint' });
    expect(await modelDraft(input, { ...settings, model: ' ' }, { fetch: never })).toMatchObject({
      ok: false,
      failure: 'model',
    });
    expect(called).toBe(false);
  });

  it('every failure has its own message, in English and Chinese', () => {
    const keys = Object.keys(MESSAGES_ZH).filter((k) => k.startsWith('model'));
    expect(keys.length).toBeGreaterThanOrEqual(17);
    for (const k of keys)
      expect(MESSAGES_ZH[k as keyof typeof MESSAGES_ZH]).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('the answer checked against the text and made one tree', () => {
  const text =
    'We should act now. Costs rise every year. Delay helps no one. Costs rise every year. Critics disagree.';
  const answer = (
    units: [string, string][],
    central: number,
    links: ModelAnswer['links'],
  ): ModelAnswer => ({
    units: units.map(([t, kind], i) => ({ id: `a${i + 1}`, text: t, kind })),
    central: `a${central + 1}`,
    links,
  });

  it('takes a repeated phrase at its next occurrence (the moving cursor)', () => {
    const result = ok(
      draftFromAnswer(
        { sourceId: 's', text },
        answer(
          [
            ['We should act now.', 'conclusion'],
            ['Costs rise every year.', 'evidence'],
            ['Delay helps no one.', 'claim'],
            ['Costs rise every year.', 'evidence'],
          ],
          0,
          [],
        ),
        'm',
      ),
    );
    expect(result.draft.units.map((u) => u.start)).toEqual([0, 19, 42, 62]);
    expectOneTreeOfSpans(result.draft, text);
  });

  it('tolerates other whitespace only, citing the text’s own span, and says so', () => {
    const spaced = 'We should  act\nnow. Delay helps no one.';
    const result = ok(
      draftFromAnswer(
        { sourceId: 's', text: spaced },
        answer(
          [
            ['We should act now.', 'conclusion'],
            ['Delay helps  no one.', 'claim'],
          ],
          0,
          [],
        ),
        'm',
      ),
    );
    expect(result.draft.units.map((u) => u.text)).toEqual([
      'We should  act\nnow.',
      'Delay helps no one.',
    ]);
    expect(result.report.repaired.filter((r) => r.why === 'whitespace')).toHaveLength(2);
    // Other differences (a changed word, other punctuation) are not tolerated.
    const changed = ok(
      draftFromAnswer(
        { sourceId: 's', text: spaced },
        answer(
          [
            ['We should act now.', 'conclusion'],
            ['Delay helps nobody.', 'claim'],
          ],
          0,
          [],
        ),
        'm',
      ),
    );
    expect(changed.report.dropped.map((d) => d.why)).toEqual(['notInText']);
  });

  it('breaks a cycle, makes linked premises a junction, keeps one link per unit', () => {
    const result = ok(
      draftFromAnswer(
        { sourceId: 's', text },
        answer(
          [
            ['We should act now.', 'claim'],
            ['Costs rise every year.', 'evidence'],
            ['Delay helps no one.', 'claim'],
            ['Critics disagree.', 'objection'],
          ],
          0,
          [
            { premises: ['a2', 'a3'], to: 'a1', relation: 'supports' },
            { premises: ['a4'], to: 'a2', relation: 'attacks' },
            { premises: ['a2'], to: 'a4', relation: 'attacks' }, // a second link of a2
            { premises: ['a1'], to: 'a4', relation: 'attacks' }, // from the central claim
          ],
        ),
        'm',
      ),
    );
    const { draft, report } = result;
    expectOneTreeOfSpans(draft, text);
    expect(draft.junctions).toEqual([{ id: 'j1' }]);
    expect(draft.links.map((l) => `${l.from} ${l.relation} ${l.to}`).sort()).toEqual(
      ['j1 supports u1', 'u2 supports j1', 'u3 supports j1', 'u4 attacks u2'].sort(),
    );
    expect(report.repaired.map((r) => r.why)).toEqual(['centralKind', 'secondLink', 'centralLink']);

    const cyclic = ok(
      draftFromAnswer(
        { sourceId: 's', text },
        answer(
          [
            ['We should act now.', 'conclusion'],
            ['Costs rise every year.', 'evidence'],
            ['Delay helps no one.', 'claim'],
          ],
          0,
          [
            { premises: ['a2'], to: 'a3', relation: 'supports' },
            { premises: ['a3'], to: 'a2', relation: 'supports' },
          ],
        ),
        'm',
      ),
    );
    expectOneTreeOfSpans(cyclic.draft, text);
    expect(cyclic.report.repaired.map((r) => english(r.says))).toEqual([
      '“Delay helps no one.” closed a circle of links; its link was removed and it is attached to the central claim.',
    ]);
  });

  it('refuses with no unit of the text, or no usable central claim, listing what it dropped', () => {
    const none = draftFromAnswer(
      { sourceId: 's', text },
      answer([['Invented.', 'conclusion']], 0, []),
      'm',
    );
    expect(none).toMatchObject({
      ok: false,
      failure: 'noUnits',
      report: { dropped: [{ why: 'notInText' }] },
    });
    const noCentral = draftFromAnswer(
      { sourceId: 's', text },
      answer(
        [
          ['Invented.', 'conclusion'],
          ['Critics disagree.', 'objection'],
        ],
        0,
        [],
      ),
      'm',
    );
    expect(noCentral).toMatchObject({ ok: false, failure: 'noCentral' });
    const unknownCentral = draftFromAnswer(
      { sourceId: 's', text },
      { units: [{ id: 'a1', text: 'Critics disagree.', kind: 'claim' }], central: 'zz', links: [] },
      'm',
    );
    expect(unknownCentral).toMatchObject({ ok: false, failure: 'noCentral' });
  });

  it('with ranges, keeps only units inside them', () => {
    const result = ok(
      draftFromAnswer(
        { sourceId: 's', text, ranges: [[42, text.length]] },
        answer(
          [
            ['We should act now.', 'claim'],
            ['Delay helps no one.', 'conclusion'],
            ['Critics disagree.', 'objection'],
          ],
          1,
          [],
        ),
        'm',
      ),
    );
    expect(result.draft.units.map((u) => u.text)).toEqual([
      'Delay helps no one.',
      'Critics disagree.',
    ]);
    expect(result.report.dropped.map((d) => d.why)).toEqual(['outsideRanges']);
  });

  it('property: whatever the model answers, a draft is one tree of verbatim spans, or a refusal', () => {
    const sentences = [
      'Schools should start later.',
      'Teenagers need sleep.',
      '因为睡眠不足会影响学习。',
      'However, buses cost money.',
      'Buses can be rescheduled.',
      '因此应当推迟上课时间。',
      'Studies found better attendance.',
    ];
    const kinds = [
      'conclusion',
      'claim',
      'evidence',
      'objection',
      'rebuttal',
      'context',
      'premise',
    ];
    /** Mostly true: `1 - 1/n` of the time. */
    const often = (n: number) => fc.nat({ max: n - 1 }).map((x) => x !== 0);
    const arbitrary = fc
      .record({
        order: fc.shuffledSubarray(sentences, { minLength: 1 }),
        separators: fc.array(fc.constantFrom(' ', '  ', '\n', '\n\n', ''), {
          minLength: 7,
          maxLength: 7,
        }),
        // What the model makes of each sentence: a unit (its words as they are, or respaced), or
        // nothing; now and then an invented unit before it, or the same words twice.
        picks: fc.array(
          fc.record({
            take: often(5),
            invent: often(6).map((b) => !b),
            repeat: often(10).map((b) => !b),
            respace: often(4).map((b) => !b),
            kind: fc.constantFrom(...kinds),
          }),
          { minLength: 7, maxLength: 7 },
        ),
        central: fc.nat(),
        links: fc.array(
          fc.record({
            premises: fc.oneof(
              { weight: 6, arbitrary: fc.tuple(fc.nat()) },
              { weight: 3, arbitrary: fc.array(fc.nat(), { minLength: 2, maxLength: 3 }) },
              { weight: 1, arbitrary: fc.constant([]) },
            ),
            to: fc.nat(),
            relation: fc.constantFrom('supports', 'supports', 'attacks', 'elaborates'),
            // The same link backwards too: a cycle.
            backwards: often(3).map((b) => !b),
          }),
          { maxLength: 10 },
        ),
      })
      .map(({ order, separators, picks, central, links }) => {
        const text = order.map((s, i) => s + separators[i]).join('');
        const words: { text: string; kind: string }[] = [];
        order.forEach((sentence, i) => {
          const p = picks[i]!;
          if (p.invent) words.push({ text: `Invented claim ${i}.`, kind: p.kind });
          if (!p.take) return;
          const said = p.respace ? sentence.replace(' ', '   ') : sentence;
          words.push({ text: said, kind: p.kind });
          if (p.repeat) words.push({ text: said, kind: 'claim' });
        });
        const n = words.length || 1;
        return {
          text,
          answer: {
            units: words.map((w, i) => ({ id: `a${i + 1}`, ...w })),
            central: `a${(central % n) + 1}`,
            links: links.flatMap((l) => {
              // Now and then an id that names no unit (n + 1).
              const id = (i: number) => `a${(i % (n + 1)) + 1}`;
              const link = {
                premises: (l.premises as readonly number[]).map(id),
                to: id(l.to),
                relation: l.relation,
              };
              const back = {
                premises: [link.to],
                to: link.premises[0] ?? link.to,
                relation: l.relation,
              };
              return l.backwards ? [link, back] : [link];
            }),
          },
        };
      });
    const seen = { cycles: 0, junctions: 0, dropped: 0, refused: 0 };
    fc.assert(
      fc.property(arbitrary, ({ text, answer }) => {
        const result = draftFromAnswer({ sourceId: 's', text }, answer, 'm');
        if (!result.ok) {
          seen.refused++;
          expect(['noUnits', 'noCentral']).toContain(result.failure);
          return;
        }
        expectOneTreeOfSpans(result.draft, text);
        const kept = result.draft.units.length;
        expect(kept + result.report.dropped.length).toBe(answer.units.length);
        if (result.report.repaired.some((r) => r.says.key === 'modelRepairAttachedCycle'))
          seen.cycles++;
        if (result.draft.junctions.length) seen.junctions++;
        if (result.report.dropped.length) seen.dropped++;
      }),
      { numRuns: 400 },
    );
    // The answers tried include cycles, linked premises, dropped units and refusals.
    for (const [what, count] of Object.entries(seen)) expect(count, what).toBeGreaterThan(1);
  });
});
