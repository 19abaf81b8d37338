import assert from 'node:assert/strict';
import { RestartBudget } from '../../client/src/restartPolicy';

describe('client restart policy', () => {
  function budget(maxRestarts = 4, windowMs = 180_000) {
    let now = 0;
    const b = new RestartBudget(maxRestarts, windowMs, () => now);
    return { b, advance: (ms: number) => (now += ms) };
  }

  it('restarts up to the limit, then stops', () => {
    const { b, advance } = budget();
    const answers: boolean[] = [];
    for (let i = 0; i < 6; i++) {
      answers.push(b.tryRestart());
      advance(1000);
    }
    assert.deepEqual(answers, [true, true, true, true, false, false]);
  });

  it('forgets crashes older than the window', () => {
    const { b, advance } = budget(2, 60_000);
    assert.equal(b.tryRestart(), true);
    assert.equal(b.tryRestart(), true);
    assert.equal(b.tryRestart(), false);
    advance(60_001);
    assert.equal(b.tryRestart(), true);
  });

  it('a crash now and then never runs out', () => {
    const { b, advance } = budget(4, 180_000);
    for (let i = 0; i < 20; i++) {
      assert.equal(b.tryRestart(), true, `crash ${i}`);
      advance(60_000);
    }
  });
});
