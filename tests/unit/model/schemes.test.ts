import { describe, expect, it } from 'vitest';
import {
  SCHEMES,
  criticalQuestions,
  findScheme,
  findSchemeById,
  isDefaultScheme,
} from '../../../src/model/schemes';
import { questionToNode, setScheme } from '../../../src/model/schemeOps';
import { OperationError } from '../../../src/model/operations';
import { validateMap } from '../../../src/model/validate';
import type { ArgMap } from '../../../src/model/schema';
import { sampleMap } from './sampleMap';

const HAN = /\p{Script=Han}/u;

describe('the scheme catalog', () => {
  it('holds the schemes most used in AIFdb corpora, each with questions in English and Chinese', () => {
    const names = SCHEMES.map((s) => s.aifdbName);
    for (const name of [
      'ExpertOpinion',
      'PositionToKnow',
      'Analogy',
      'CauseToEffect',
      'Sign',
      'Example',
      'Consequences',
      'PositiveConsequences',
      'NegativeConsequences',
      'PracticalReasoning',
      'Values',
      'PopularOpinion',
      'Commitment',
      'Ignorance',
      'VerbalClassification',
      'GenericAdHominem',
    ])
      expect(names).toContain(name);
    for (const s of SCHEMES) {
      expect(s.questions.length, s.aifdbName).toBeGreaterThanOrEqual(2);
      for (const cq of s.questions) {
        expect(cq.en).toMatch(/\?$/);
        expect(cq.zh).toMatch(HAN);
        expect(cq.zh).toMatch(/？$/);
      }
      expect(s.title.zh).toMatch(HAN);
      expect(s.description.zh).toMatch(HAN);
    }
  });

  it('finds a scheme however AIFdb, OVA or a person spells it', () => {
    // As the shared AIFdb fixture nodeset542 writes them (scheme field, with its schemeID).
    expect(findScheme('CauseToEffect')?.aifdbId).toBe('4');
    expect(findScheme('Commitment')?.aifdbId).toBe('6');
    expect(findScheme('Ignorance')?.aifdbId).toBe('19');
    expect(findSchemeById('19')?.aifdbName).toBe('Ignorance');
    for (const name of [
      'Argument From Expert Opinion',
      'argument from expert opinion',
      'Expert  Opinion',
      'expert-opinion',
      'EXPERT_OPINION',
    ])
      expect(findScheme(name)?.aifdbName, name).toBe('ExpertOpinion');
    expect(findScheme('Ad hominem')?.aifdbName).toBe('GenericAdHominem');
    expect(findScheme('Argument from Negative Consequences')?.aifdbName).toBe(
      'NegativeConsequences',
    );
    expect(findScheme('Practical Reasoning')?.aifdbName).toBe('PracticalReasoning');
    expect(findScheme('Argument from Slippery Slope')).toBeUndefined();
    expect(findScheme(undefined)).toBeUndefined();
  });

  it('tells the defaults (no particular scheme) from real schemes', () => {
    for (const name of ['Default Inference', 'Default Conflict', 'Default Rephrase', 'RA', 'CA'])
      expect(isDefaultScheme(name), name).toBe(true);
    expect(isDefaultScheme('Evaluation')).toBe(false);
    expect(isDefaultScheme('ExpertOpinion')).toBe(false);
  });

  it('gives the critical questions in the language asked for', () => {
    expect(criticalQuestions('Sign', 'en')).toEqual([
      'What is the strength of the correlation of the sign with the event signified?',
      'Are there other events that would more reliably account for the sign?',
    ]);
    expect(criticalQuestions('Sign', 'zh-Hans')[1]).toBe('是否有其他事件能更可靠地解释这一迹象？');
    expect(criticalQuestions('Something Else')).toEqual([]);
  });
});

/** The sample map with a linked argument n2 + n3 → junction n5 → n1, the junction an expert opinion. */
function withJunction(): ArgMap {
  const m = sampleMap();
  m.nodes.push({
    id: 'n5',
    kind: 'inference',
    text: '',
    refs: [],
    scheme: 'Argument From Expert Opinion',
  });
  m.edges = [
    { id: 'e1', from: 'n2', to: 'n5', relation: 'supports' },
    { id: 'e2', from: 'n3', to: 'n5', relation: 'supports' },
    { id: 'e4', from: 'n5', to: 'n1', relation: 'supports' },
    { id: 'e3', from: 'n4', to: 'n1', relation: 'attacks' },
  ];
  return m;
}

describe('a critical question becomes a node', () => {
  it('as an objection attacking the conclusion of a junction, in a new map', () => {
    const before = withJunction();
    const { map, id, attacks } = questionToNode(before, { node: 'n5' }, 1, 'objection');
    expect(attacks).toBe('n1');
    const node = map.nodes.find((n) => n.id === id)!;
    expect(node).toMatchObject({
      kind: 'objection',
      text: 'Field: is E an expert in the field that A is in?',
      implicit: true,
      refs: [],
    });
    expect(node.note).toContain('Argument from expert opinion');
    expect(map.edges.filter((e) => e.from === id)).toEqual([
      expect.objectContaining({ to: 'n1', relation: 'attacks' }),
    ]);
    expect(validateMap(map).ok).toBe(true);
    expect(before.nodes).toHaveLength(5); // the input is untouched
  });

  it('as an undercut attacking the junction, in Chinese', () => {
    const { map, id, attacks } = questionToNode(
      withJunction(),
      { node: 'n5' },
      0,
      'undercut',
      'zh',
    );
    expect(attacks).toBe('n5');
    expect(map.nodes.find((n) => n.id === id)!.text).toBe('专业性：E 作为专家来源有多可信？');
    expect(validateMap(map).ok).toBe(true);
  });

  it('on a single-premise edge: an objection attacks its conclusion', () => {
    const m = setScheme(sampleMap(), { edge: 'e1' }, 'Analogy');
    const { map, attacks } = questionToNode(m, { edge: 'e1' }, 2, 'objection');
    expect(attacks).toBe('n1');
    expect(validateMap(map).ok).toBe(true);
  });

  it('on a single-premise edge: an undercut first makes the edge a junction with its scheme', () => {
    const m = setScheme(sampleMap(), { edge: 'e1' }, 'CauseToEffect');
    const { map, id, junction, attacks } = questionToNode(m, { edge: 'e1' }, 0, 'undercut');
    expect(attacks).toBe(junction);
    const j = map.nodes.find((n) => n.id === junction)!;
    expect(j).toMatchObject({ kind: 'inference', scheme: 'CauseToEffect' });
    // n2 → junction → n1; e1 keeps its id as the junction's edge, without the scheme.
    expect(map.edges.find((e) => e.id === 'e1')).toEqual({
      id: 'e1',
      from: junction,
      to: 'n1',
      relation: 'supports',
    });
    expect(map.edges).toContainEqual(
      expect.objectContaining({ from: 'n2', to: junction, relation: 'supports' }),
    );
    expect(map.edges).toContainEqual(
      expect.objectContaining({ from: id, to: junction, relation: 'attacks' }),
    );
    expect(validateMap(map).ok).toBe(true);
  });

  it('refuses what cannot be done, changing nothing', () => {
    const m = sampleMap();
    expect(() => questionToNode(m, { edge: 'e1' }, 0, 'objection')).toThrow(OperationError);
    const unknown = setScheme(m, { edge: 'e1' }, 'Argument from Waste');
    expect(unknown.edges[0]!.scheme).toBe('Argument from Waste'); // kept as given
    expect(() => questionToNode(unknown, { edge: 'e1' }, 0, 'objection')).toThrow(/No critical/);
    const sign = setScheme(m, { edge: 'e1' }, 'Sign');
    expect(() => questionToNode(sign, { edge: 'e1' }, 2, 'objection')).toThrow(/no number 3/);
    const plain = setScheme(m, { node: 'n2' }, 'Sign');
    expect(() => questionToNode(plain, { node: 'n2' }, 0, 'undercut')).toThrow(/inference/);
    expect(() => questionToNode(m, { node: 'zz' }, 0, 'objection')).toThrow(/no node/);
  });

  it('setScheme clears a scheme with undefined or blank text', () => {
    const m = setScheme(sampleMap(), { edge: 'e1' }, 'Sign');
    expect('scheme' in setScheme(m, { edge: 'e1' }, '  ').edges[0]!).toBe(false);
    const n = setScheme(m, { node: 'n1' }, 'Values');
    expect(n.nodes[0]!.scheme).toBe('Values');
    expect('scheme' in setScheme(n, { node: 'n1' }, undefined).nodes[0]!).toBe(false);
  });
});
