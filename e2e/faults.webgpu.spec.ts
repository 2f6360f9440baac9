// A lost WebGPU device (fault injection: the page's test-only hook destroys it after an
// epoch): the app says so in plain words, moves to WebGL and continues from the last
// completed epoch, losing none.
import { expectNoEpochLost, trainUntilDeviceLost } from './device-loss';
import { expect, test } from './fixtures';

test('a lost WebGPU device: told in plain words, continued on WebGL, no epoch lost', async ({
  page,
}) => {
  const { badge, notice, firstEpoch } = await trainUntilDeviceLost(page, 'webgpu', 300_000);
  await expect(notice).toContainText('The GPU stopped working on WebGPU');
  await expect(notice).toContainText('Switched to WebGL');
  await expect(notice).toContainText('continued from epoch 1');
  await expect(notice).toContainText('no completed epoch was lost');
  await expect(badge).toHaveAttribute('data-backend', 'webgl', { timeout: 120_000 });
  await expect(badge).toHaveAttribute('data-tone', 'warning'); // a lost GPU is a real fault

  await expectNoEpochLost(page, firstEpoch, 'webgl');
});
