import { describe, expect, it } from 'vitest';
import { type CounterStage, counterStage } from './char-counter';

describe('counterStage', () => {
  it.each([
    [0, 'far'],
    [3799, 'far'],
    [3800, 200],
    [3950, 50],
    [3999, 50],
    [4000, 'limit'],
    [4001, 'over'],
  ])('%i of 4000 characters → %s', (length, stage) => {
    expect(counterStage(length, 4000)).toBe(stage);
  });

  it('changes only four times while typing past the limit, so it is announced four times', () => {
    const changes: [number, CounterStage][] = [];
    let previous = counterStage(0, 4000);
    for (let n = 1; n <= 4010; n++) {
      const current = counterStage(n, 4000);
      if (current !== previous) changes.push([n, current]);
      previous = current;
    }
    expect(changes).toEqual([
      [3800, 200],
      [3950, 50],
      [4000, 'limit'],
      [4001, 'over'],
    ]);
  });
});
