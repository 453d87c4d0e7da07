// vis-timeline draws only the lanes in view (a lane below the fold is drawn when scrolled to), so a test that needs
// every event drawn looks at one country's lane at a time, through the Country filter, as a user could.
import type { Page } from 'playwright-core';

function drawnIds(page: Page): Promise<string[]> {
  return page.locator('.vis-item[data-id]').evaluateAll((items) => items.map((item) => item.getAttribute('data-id') ?? ''));
}

/** The ids drawn in every lane, each lane shown alone (Fit results on it), the filters left as they were. */
export async function drawnIdsInEveryLane(page: Page): Promise<string[]> {
  const boxes = page.getByRole('complementary', { name: 'Filters' }).getByRole('group', { name: 'Country' }).getByRole('checkbox');
  const seen = new Set<string>();
  const count = page.getByRole('group', { name: 'Results' }).getByRole('status');
  for (const box of await boxes.all()) {
    await box.check();
    await page.getByRole('button', { name: 'Fit results' }).click();
    // Drawn once the lane holds as many events as the results count ("35 of 116 events").
    const matching = async () => Number((await count.textContent())?.split(' ')[0]);
    for (let waited = 0; waited < 10_000 && (await drawnIds(page)).length !== (await matching()); waited += 200) await page.waitForTimeout(200);
    for (const id of await drawnIds(page)) seen.add(id);
    await box.uncheck();
  }
  return [...seen].sort();
}
