// The 国民健康保険 加入 form filled in as a parent of a newborn would, up to its "check your answers"
// screen: for tests about what happens after, not about typing.
import { tap, choose, readSourceJson, typeInto } from './portal.mjs';

export const KOKUHO_FORM = '#/event/birth/apply/kokuho-kanyu';
const kokuho = readSourceJson('assets/catalog/procedures/kokuho-kanyu.json');

export async function fillKokuhoToReview(page) {
  await page.getByRole('heading', { name: kokuho.title.ja, level: 1 }).waitFor();
  const type = (name, text) => typeInto(page, name, text);
  await type('世帯主の氏名', '山田 太郎');
  await type('住所', '東京都千代田区九段南1-2-1');
  await choose(page.getByRole('radio', { name: '子どもが生まれた', exact: true }));
  await type('加入することになった日', '2026-03-15');
  await tap(page.getByRole('button', { name: '加入する人を追加する' }));
  await type('氏名', '山田 花子');
  await type('フリガナ', 'ヤマダ ハナコ');
  await type('生年月日', '2026-03-15');
  await choose(page.getByRole('radio', { name: '女', exact: true }));
  await choose(page.getByRole('radio', { name: '子', exact: true }));
  await type('日中に連絡がとれる電話番号', '09012345678');
  await tap(page.getByRole('button', { name: '次へ（入力内容の確認）' }));
  await page.getByRole('heading', { name: '申請内容の確認', level: 1 }).waitFor();
}
