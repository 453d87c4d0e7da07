// npm run screenshot: serves the build in dist/ (run `npm run build` first) and writes screenshots of the app
// at desktop, phone and projector sizes; `npm run screenshot -- docs` writes the README's docs/screenshot.png.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium, projectRoot, serveDist } from '../tests/e2e/support/browser.ts';

const outDir = resolve(projectRoot, process.argv[2] ?? 'test-output/screenshots');
mkdirSync(outDir, { recursive: true });
const server = await serveDist();
const browser = await launchChromium();
try {
  // The README's picture is the desktop one, written as docs/screenshot.png by `npm run screenshot -- docs`.
  const readme = outDir.endsWith('docs');
  const shots = readme
    ? [{ name: 'screenshot', width: 1366, height: 768, path: '' }]
    : [
        { name: 'desktop-1366x768', width: 1366, height: 768, path: '' },
        { name: 'phone-390x844', width: 390, height: 844, path: '' },
        { name: 'projector-1920x1080', width: 1920, height: 1080, path: '' },
      ];
  for (const shot of shots) {
    const page = await browser.newPage({ viewport: { width: shot.width, height: shot.height } });
    await page.goto(server.url + shot.path);
    await page.locator('.vis-item').first().waitFor();
    await page.getByRole('button', { name: /^Pakistan/ }).click();
    await page.waitForTimeout(900);
    await page.locator('.vis-item[data-id="benazir-bhutto-assassinated"]').click();
    await page.getByRole('region', { name: 'Event details' }).waitFor();
    await page.screenshot({ path: resolve(outDir, `${shot.name}.png`), fullPage: shot.width < 500 });
    await page.close();
  }
  console.log(`Screenshots written to ${outDir}`);
} finally {
  await browser.close();
  await server.close();
}
