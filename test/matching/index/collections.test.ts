import fc from 'fast-check';
import { groupByKey, pushToGroup, SlotTable, TopK } from '../../../src/matching/index/collections';

describe('TopK', () => {
  it('keeps the k highest scores and drains them best first, ties by id', () => {
    const top = new TopK(3);
    [
      [0.5, 7],
      [0.9, 2],
      [0.1, 4],
      [0.9, 1],
      [0.7, 3],
      [0.2, 9],
    ].forEach(([score, id]) => top.offer(score as number, id as number));
    expect(top.drain()).toEqual([1, 2, 3]);
  });

  it('orders ties by the tie key when given one', () => {
    const top = new TopK(4);
    top.offer(1, 0);
    top.offer(1, 1);
    top.offer(1, 2);
    expect(top.drain(Int32Array.from([30, 10, 20]))).toEqual([1, 2, 0]);
  });

  it('turns away a score equal to the lowest kept once full', () => {
    const top = new TopK(2);
    top.offer(0.5, 1);
    top.offer(0.8, 2);
    top.offer(0.5, 3);
    expect(top.drain()).toEqual([2, 1]);
  });

  it('is empty after a drain and can be reused', () => {
    const top = new TopK(2);
    top.offer(1, 5);
    expect(top.drain()).toEqual([5]);
    expect(top.size).toBe(0);
    expect(top.drain()).toEqual([]);
    top.offer(2, 6);
    expect(top.drain()).toEqual([6]);
  });

  it('drains what a full sort would keep, for any scores and capacity', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 200 }), (capacity, scores) => {
        const top = new TopK(capacity);
        scores.forEach((score, id) => top.offer(score, id));
        const drained = top.drain();
        const expected = scores
          .map((score, id) => ({ score, id }))
          .sort((a, b) => b.score - a.score || a.id - b.id)
          .slice(0, capacity);
        // Which of several ids tied at the cut-off score stays is the heap's business; the scores kept are not.
        expect(drained.map((id) => scores[id])).toEqual(expected.map(({ score }) => score));
        const aboveCut = expected.filter(({ score }) => score > (expected[expected.length - 1]?.score ?? -1));
        for (const { id } of aboveCut) expect(drained).toContain(id);
        expect(new Set(drained).size).toBe(drained.length);
      }),
    );
  });
});

describe('SlotTable', () => {
  it('hands out slots 1, 2, … in order and finds them again', () => {
    const table = new SlotTable(10);
    expect(table.find(42)).toBe(0);
    expect(table.add(42)).toBe(1);
    expect(table.add(7)).toBe(2);
    expect(table.find(42)).toBe(1);
    expect(table.find(7)).toBe(2);
    expect(table.find(8)).toBe(0);
    expect([...table.keyOfSlot.subarray(1, table.count + 1)]).toEqual([42, 7]);
  });

  it('forgets every slot on clear', () => {
    const table = new SlotTable(10);
    table.add(3);
    table.add(0);
    table.clear();
    expect(table.count).toBe(0);
    expect(table.find(3)).toBe(0);
    expect(table.find(0)).toBe(0);
    expect(table.add(0)).toBe(1);
  });

  it('finds every key again after growing past its first table', () => {
    const keys = Array.from({ length: 5000 }, (_, index) => index * 7919);
    const table = new SlotTable(keys.length);
    keys.forEach((key) => table.add(key));
    expect(keys.map((key) => table.find(key))).toEqual(keys.map((_, index) => index + 1));
    expect(table.find(1)).toBe(0);
  });

  it('agrees with a Map through growth past its first table and through clears', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat({ max: 1_000_000 }), { maxLength: 6000 }), { minLength: 1, maxLength: 3 }), (rounds) => {
        const capacity = Math.max(...rounds.map((keys) => keys.length));
        const table = new SlotTable(capacity);
        for (const keys of rounds) {
          const reference = new Map<number, number>();
          for (const key of keys) {
            expect(table.find(key)).toBe(reference.get(key) ?? 0);
            if (!reference.has(key)) reference.set(key, table.add(key));
          }
          for (const [key, slot] of reference) expect(table.find(key)).toBe(slot);
          expect(table.count).toBe(reference.size);
          table.clear();
        }
      }),
      { numRuns: 30 },
    );
  });
});

describe('groupByKey', () => {
  it('groups entry positions by key, in the order given', () => {
    const { start, order } = groupByKey(4, [2, 0, 2, 3, 0, 2]);
    expect([...start]).toEqual([0, 2, 2, 5, 6]);
    expect([...order]).toEqual([1, 4, 0, 2, 5, 3]);
  });

  it('lists under every key exactly its entries, ascending, for any keys', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }).chain((keyCount) =>
        fc.tuple(fc.constant(keyCount), fc.array(fc.nat({ max: keyCount - 1 }), { maxLength: 300 })),
      ), ([keyCount, keys]) => {
        const { start, order } = groupByKey(keyCount, keys);
        expect(start).toHaveLength(keyCount + 1);
        for (let key = 0; key < keyCount; key += 1) {
          const entries = [...order.subarray(start[key] as number, start[key + 1] as number)];
          expect(entries).toEqual(keys.flatMap((k, entry) => (k === key ? [entry] : [])));
        }
      }),
    );
  });
});

describe('pushToGroup', () => {
  it('appends to the key\'s list unless the value is already its last', () => {
    const groups = new Map<string, number[]>();
    pushToGroup(groups, 'a', 1);
    pushToGroup(groups, 'a', 1);
    pushToGroup(groups, 'b', 1);
    pushToGroup(groups, 'a', 2);
    pushToGroup(groups, 'a', 1);
    expect(Object.fromEntries(groups)).toEqual({ a: [1, 2, 1], b: [1] });
  });
});
