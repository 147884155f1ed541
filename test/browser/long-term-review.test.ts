// The long-term review on the results page: after a re-evaluation is published, each unit shows
// what it did to the grade the unit holds (promotion, rectification with its deadline).
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminInBrowser, screenshotDir } from '../support/browser.ts';
import { createReviewWorld, REVIEW_PASSWORD } from '../support/review-world.ts';

const ui = adminInBrowser();

let w: Awaited<ReturnType<typeof createReviewWorld>>;

beforeAll(async () => {
  w = await createReviewWorld();
});

afterAll(async () => {
  await w?.db.end();
});

describe('the results page after a re-evaluation', () => {
  it('shows promotion and rectification with its deadline', async () => {
    await w.advanceTo('acceptance');
    await w.round('full_acceptance', 2029, { X1: 95, X2: 80 });
    await w.advanceTo('longterm');
    const reEvaluation = await w.round('re_evaluation', 2030, { X1: 85, X2: 92 }, 30);
    const [order] = await w.q<{ deadline: string }>(`select to_char(deadline, 'YYYY"年"FMMM"月"FMDD"日"') as deadline from public.rectifications where unit_id = $1`, [w.x.X1]);

    const page = await ui.signIn(w.emails.street_office!, { password: REVIEW_PASSWORD });
    await page.goto(`${ui.url}/results?round=${reEvaluation}`);
    await expect.poll(() => page.getByTestId(`review-${w.x.X2}`).textContent()).toBe('晋位提升：示范型');
    expect(await page.getByTestId(`review-${w.x.X1}`).textContent()).toBe(`责令整改，${order!.deadline} 前`);
    await page.screenshot({ path: path.join(screenshotDir, 'results-long-term-review.png'), fullPage: true });
    await page.context().close();
  }, 120_000);
});
