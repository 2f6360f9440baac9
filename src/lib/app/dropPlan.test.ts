import { describe, expect, it } from 'vitest';
import type { DroppedGroup } from './droppedFiles';
import { planClassDrop, planPanelDrop } from './dropPlan';

const files = (count: number, prefix = 'img') =>
  Array.from({ length: count }, (_, i) => new File(['x'], `${prefix}${i}.png`));
const folder = (name: string, count: number): DroppedGroup => ({
  folder: name,
  files: files(count),
});
const loose = (count: number): DroppedGroup => ({ folder: null, files: files(count, 'loose') });

/** Side, folder and file count of each class a plan adds. */
const added = (plan: ReturnType<typeof planPanelDrop>) =>
  plan.classes.map((group) => [group.side, group.folder, group.files.length]);

describe('planPanelDrop', () => {
  it('takes two folders as the two classes, and says so', () => {
    const plan = planPanelDrop([folder('cats', 12), folder('dogs', 13)], 0);
    expect(added(plan)).toEqual([
      [0, 'cats', 12],
      [1, 'dogs', 13],
    ]);
    expect(plan.message).toBe(
      'Used folder “cats” (12 files) for class 0 and folder “dogs” (13 files) for class 1.',
    );
  });

  it('takes three folders as three classes, label order as listed', () => {
    const plan = planPanelDrop([folder('cats', 12), folder('dogs', 13), folder('birds', 10)], 0);
    expect(added(plan)).toEqual([
      [0, 'cats', 12],
      [1, 'dogs', 13],
      [2, 'birds', 10],
    ]);
    expect(plan.classCount).toBe(3);
    expect(plan.message).toBe(
      'Used folder “cats” (12 files) for class 0, folder “dogs” (13 files) for class 1 and ' +
        'folder “birds” (10 files) for class 2.',
    );
  });

  it('takes ten folders, and names the ones past the tenth as ignored', () => {
    const names = 'abcdefghijkl'.split('');
    const plan = planPanelDrop(
      names.map((name, i) => folder(name, i + 1)),
      0,
    );
    expect(added(plan)).toEqual(names.slice(0, 10).map((name, i) => [i, name, i + 1]));
    expect(plan.classCount).toBe(10);
    expect(plan.message).toMatch(
      /for class 9\. Ignored 2 folders \(“k”, “l”\): the page trains at most 10 classes, one folder each\.$/,
    );
  });

  it('puts a single folder on the first empty class and asks for the other', () => {
    const plan = planPanelDrop([folder('cats', 12)], 1);
    expect(added(plan)).toEqual([[1, 'cats', 12]]);
    expect(plan.classCount).toBeNull();
    expect(plan.message).toBe(
      'Used folder “cats” (12 files) for class 1. Add the other classes: drop a folder on each class below.',
    );
  });

  it('adds nothing for loose files, and names them', () => {
    const plan = planPanelDrop([loose(2)], 0);
    expect(plan.classes).toEqual([]);
    expect(plan.message).toBe(
      'Nothing was added: a class needs a folder of images. Ignored 2 loose files ' +
        "(loose0.png, loose1.png): put them in a class's folder, or drop them on a class below.",
    );
  });

  it('names loose files dropped beside folders', () => {
    const plan = planPanelDrop([folder('cats', 3), folder('dogs', 4), loose(1)], 0);
    expect(plan.classes).toHaveLength(2);
    expect(plan.message).toBe(
      'Used folder “cats” (3 files) for class 0 and folder “dogs” (4 files) for class 1. ' +
        "Ignored 1 loose file (loose0.png): put it in a class's folder, or drop it on a class below.",
    );
  });
});

describe('planClassDrop', () => {
  it('takes one folder, named for the class', () => {
    const plan = planClassDrop([folder('cats', 12)], 0);
    expect(added(plan)).toEqual([[0, 'cats', 12]]);
    expect(plan.message).toBe('Used folder “cats” (12 files) for class 0.');
  });

  it('takes loose files', () => {
    const plan = planClassDrop([loose(5)], 1);
    expect(added(plan)).toEqual([[1, null, 5]]);
    expect(plan.message).toBe('Used 5 loose files for class 1.');
  });

  it('keeps the first folder only, never mixing two classes into one', () => {
    const plan = planClassDrop([folder('cats', 3), folder('dogs', 4), loose(2)], 0);
    expect(added(plan)).toEqual([[0, 'cats', 3]]);
    expect(plan.message).toBe(
      'Used folder “cats” (3 files) for class 0. Ignored 1 folder (“dogs”) and 2 loose files ' +
        '(loose0.png, loose1.png): a class takes one folder (drop several folders on the area ' +
        'above, one per class).',
    );
  });
});
