import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { WriteError } from './errors.ts';
import { toNeo4jProperties } from './properties.ts';

describe('toNeo4jProperties', () => {
  it('keeps strings and booleans, turns whole numbers into INTEGER and drops nulls', () => {
    const out = toNeo4jProperties('a.txt', 'Task t', { title: '推进城市更新', line: 12, share: 0.5, done: false, gone: null });
    expect(out.title).toBe('推进城市更新');
    expect(neo4j.isInt(out.line)).toBe(true);
    expect(out.share).toBe(0.5);
    expect(out.done).toBe(false);
    expect('gone' in out).toBe(false);
  });

  it('keeps homogeneous lists', () => {
    const out = toNeo4jProperties('a.txt', 'District d', { aliases: ['花都', '花都区'], years: [2025, 2035] });
    expect(out.aliases).toEqual(['花都', '花都区']);
    expect((out.years as unknown[]).every((v) => neo4j.isInt(v))).toBe(true);
  });

  it('rejects an object value, naming the document, the element and the key', () => {
    expect(() => toNeo4jProperties('huadu.txt', 'Goal g1', { targetValue: { value: 6 } })).toThrowError(
      /^huadu\.txt: Goal g1: property "targetValue" is an object/,
    );
    expect(() => toNeo4jProperties('huadu.txt', 'Goal g1', { targetValue: { value: 6 } })).toThrow(WriteError);
  });

  it('rejects mixed lists, nested lists and non-finite numbers', () => {
    expect(() => toNeo4jProperties('a.txt', 'x', { aliases: ['花都', 1] })).toThrow(/mixes string and number/);
    expect(() => toNeo4jProperties('a.txt', 'x', { aliases: [['花都']] })).toThrow(/list holding a list/);
    expect(() => toNeo4jProperties('a.txt', 'x', { value: Number.NaN })).toThrow(/property "value" is NaN/);
  });
});
