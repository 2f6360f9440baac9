import { tick } from 'svelte';
import { describe, expect, it } from 'vitest';
import { Staged, TaskQueue } from './staged.svelte';

/** A queue whose macrotasks run only when the test says so. */
function manualQueue() {
  const tasks: (() => void)[] = [];
  const queue = new TaskQueue((run) => tasks.push(run));
  const runTask = () => {
    const task = tasks.shift();
    if (!task) throw new Error('no task queued');
    task();
  };
  return { queue, tasks, runTask };
}

// Effects are awaited with tick(): flushSync() does not run effects created under
// $effect.root outside a component (sveltejs/svelte#16092).

describe('TaskQueue', () => {
  it('runs one job per task, in the order queued', () => {
    const { queue, tasks, runTask } = manualQueue();
    const ran: string[] = [];
    queue.push({}, () => ran.push('a'));
    queue.push({}, () => ran.push('b'));
    expect(tasks).toHaveLength(1);
    runTask();
    expect(ran).toEqual(['a']);
    runTask();
    expect(ran).toEqual(['a', 'b']);
    expect(tasks).toHaveLength(0);
    expect(queue.pending).toBe(0);
  });

  it('keeps only the latest job of a key, in its first place', () => {
    const { queue, runTask } = manualQueue();
    const ran: string[] = [];
    const chart = {};
    queue.push(chart, () => ran.push('epoch 1'));
    queue.push({}, () => ran.push('other'));
    queue.push(chart, () => ran.push('epoch 2'));
    runTask();
    runTask();
    expect(ran).toEqual(['epoch 2', 'other']);
    expect(queue.pending).toBe(0);
  });

  it('goes on after a job throws', () => {
    const { queue, tasks, runTask } = manualQueue();
    const ran: string[] = [];
    queue.push({}, () => {
      throw new Error('panel failed');
    });
    queue.push({}, () => ran.push('next'));
    expect(() => runTask()).toThrow('panel failed');
    expect(tasks).toHaveLength(1);
    runTask();
    expect(ran).toEqual(['next']);
  });

  it('uses real macrotasks by default', async () => {
    const queue = new TaskQueue();
    const ran = new Promise<string>((resolve) => queue.push({}, () => resolve('ran')));
    await expect(ran).resolves.toBe('ran');
  });
});

describe('Staged', () => {
  it('starts equal to its source and follows it one task later', async () => {
    const { queue, runTask } = manualQueue();
    let source = $state([1]);
    let staged!: Staged<number[]>;
    const stop = $effect.root(() => {
      staged = new Staged(() => source, queue);
    });
    await tick();
    expect(staged.current).toEqual([1]);
    while (queue.pending > 0) runTask();

    source = [1, 2];
    await tick();
    expect(staged.current).toEqual([1]); // not in the message's own task
    runTask();
    await tick();
    expect(staged.current).toEqual([1, 2]);
    stop();
  });

  it('gives each copy its own task', async () => {
    const { queue, runTask } = manualQueue();
    let source = $state(0);
    let a!: Staged<number>;
    let b!: Staged<number>;
    const stop = $effect.root(() => {
      a = new Staged(() => source, queue);
      b = new Staged(() => source * 10, queue);
    });
    await tick();
    while (queue.pending > 0) runTask();
    source = 3;
    await tick();
    runTask();
    await tick();
    expect([a.current, b.current]).toEqual([3, 0]);
    runTask();
    await tick();
    expect([a.current, b.current]).toEqual([3, 30]);
    stop();
  });
});
