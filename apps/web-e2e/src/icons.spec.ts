import { expect, Page, test } from '@playwright/test';
import { ModelInventoryTabs, WebRoutes } from '@model-inventory/contracts';
import { addModel, registerOrganisation, signIn } from './support/console';

const ICON_FONT = '24px "Material Symbols Outlined"';
const SETTINGS_SECTIONS = ['', 'projects', 'webhooks', 'organization', 'api-tokens', 'security-log', 'mlflow'];

interface DrawnIcon {
  name: string;
  /** The width of the icon's text in ems: 1 for an icon, one per letter for a name the font has no icon for. */
  widthInEms: number;
}

/** Every visible icon's name and drawn width, once the icon font has loaded. */
async function visibleIcons(page: Page): Promise<DrawnIcon[]> {
  await page.waitForFunction((font) => document.fonts.check(font), ICON_FONT);
  return page.locator('mat-icon:visible').evaluateAll((elements) =>
    elements
      .map((element) => {
        const text = document.createRange();
        text.selectNodeContents(element);
        return { name: element.textContent?.trim() ?? '', widthInEms: text.getBoundingClientRect().width / parseFloat(getComputedStyle(element).fontSize) };
      })
      .filter((icon) => icon.name !== ''),
  );
}

/** Opens a console page and waits until it shows no loading indicator (its content, with its icons, is there). */
async function openLoaded(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  await expect(page.locator('main')).toBeVisible();
  await expect(page.locator('mat-progress-bar, mat-spinner, .skeleton')).toHaveCount(0);
}

/**
 * The console's icon font is cut down at build time to the icons its sources name (tools/build/subset-icons.mjs): an
 * icon left out would show its name letter by letter instead of the icon.
 */
async function expectIconsDrawn(page: Page, where: string): Promise<void> {
  const icons = await visibleIcons(page);
  expect(icons.length, `icons on ${where}`).toBeGreaterThan(0);
  expect(icons.filter((icon) => icon.widthInEms > 1.5), `icons drawn as text on ${where}`).toEqual([]);
}

test('every icon the console shows is in its icon font, and the font holds only those', async ({ page, request }) => {
  test.setTimeout(120_000);
  const { admin, token } = await registerOrganisation(request, { emailPrefix: 'icons' });
  const model = await addModel(request, token, { model: 'Claude Sonnet', provider: 'Anthropic', version: '4.5' });
  await signIn(page, admin.email);

  for (const tab of ModelInventoryTabs) {
    await openLoaded(page, `/${WebRoutes.modelInventory}/${tab}`);
    await expectIconsDrawn(page, `the ${tab} tab`);
  }

  await page.goto(`/${WebRoutes.modelInventory}/models`);
  await page.getByRole('row').filter({ hasText: model.model }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectIconsDrawn(page, 'the model dialog');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  for (const menu of ['export', 'share-menu', 'columns', 'user-menu']) {
    await page.getByTestId(menu).click();
    await expect(page.getByRole('menu')).toBeVisible();
    await expectIconsDrawn(page, `the ${menu} menu`);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu')).toBeHidden();
  }

  for (const section of SETTINGS_SECTIONS) {
    await openLoaded(page, `/${WebRoutes.settings}${section ? `/${section}` : ''}`);
    await expectIconsDrawn(page, `Settings ${section || '(general)'}`);
  }

  // The check can fail: an icon the console never names is not in the font, so it is drawn letter by letter.
  await page.evaluate(() => {
    const unused = document.createElement('mat-icon');
    unused.className = 'material-symbols-outlined';
    unused.textContent = 'zoom_out_map';
    document.body.prepend(unused);
  });
  const unused = (await visibleIcons(page)).find((icon) => icon.name === 'zoom_out_map');
  expect(unused?.widthInEms).toBeGreaterThan('zoom_out_map'.length / 2);
});
