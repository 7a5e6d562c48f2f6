// `npm run bench -- units [seconds]`: parse + localize throughput of the measurement engine on one
// core, over short listing texts (titles, option names, image lines) for several target locales.
import { localizeText, parseQuantities } from '../src/localization/index.ts';

const TEMPLATES = [
  '[무료배송] 제주 삼다수 생수 {v}ml x {n}개',
  '한우 1++ 등심 {k}근 선물세트',
  '국내산 사과 {k}근 (가정용)',
  '운동화 230~280mm 남녀공용',
  '원목 책상 {a}x{b}x75cm',
  '가로 {a}cm 세로 {b}cm 높이 {c}cm',
  '삼성 {i}인치 4K TV',
  '보조배터리 {m}mAh 20W 고속충전',
  '스테인리스 냄비 {l}리터',
  '냉동 새우 {w}g*{n}봉',
  '정가 {p},000원 → 특가 1만5천원',
  '캠핑 텐트 4인용 {k}평형',
  '쌀 {k}되 / 찹쌀 반되',
  '겨울 패딩 여성 55사이즈',
  '아이폰15 케이스 SPF50+ 1+1',
  '냉장고 {r}L 2도어',
  '보온병 {v}ml 영하 10도 보관',
  '금 {k}돈 돌반지',
  '러그 160×230cm',
  '모델명 CW2288-111 정품',
];

function fill(t: string, i: number): string {
  return t
    .replace('{v}', String(250 + (i % 8) * 50))
    .replace('{n}', String(2 + (i % 20)))
    .replace(/\{k\}/g, String(1 + (i % 5)))
    .replace('{a}', String(40 + (i % 60)))
    .replace('{b}', String(30 + (i % 40)))
    .replace('{c}', String(10 + (i % 30)))
    .replace('{i}', String(32 + (i % 50)))
    .replace('{m}', String(5000 + (i % 5) * 5000))
    .replace('{l}', String(1 + (i % 9) / 2))
    .replace('{w}', String(100 + (i % 9) * 50))
    .replace('{p}', String(10 + (i % 90)))
    .replace('{r}', String(300 + (i % 6) * 100));
}

const TEXTS = Array.from({ length: 2000 }, (_, i) => fill(TEMPLATES[i % TEMPLATES.length] ?? '', i));
const LOCALES = ['en-US', 'th-TH', 'bn-BD', 'ur-PK', 'es-ES'];
const seconds = Number(process.argv[2] ?? 3);

function run(label: string, fn: (text: string, i: number) => unknown): void {
  // Warm up: JIT, and the Intl formatter caches.
  for (let i = 0; i < 20000; i++) fn(TEXTS[i % TEXTS.length] ?? '', i);
  let n = 0;
  let quantities = 0;
  const start = process.hrtime.bigint();
  const budget = BigInt(Math.round(seconds * 1e9));
  while (process.hrtime.bigint() - start < budget) {
    for (let i = 0; i < 1000; i++, n++) {
      const r = fn(TEXTS[n % TEXTS.length] ?? '', n) as { quantities: unknown[] };
      quantities += r.quantities.length;
    }
  }
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  const rate = Math.round(n / elapsed);
  console.log(
    `${label.padEnd(34)} ${rate.toLocaleString('en-US').padStart(9)} texts/s  ${(1e6 / rate).toFixed(2)} µs/text  (${(quantities / n).toFixed(2)} quantities/text, ${n.toLocaleString('en-US')} texts)`,
  );
}

const avgLen = TEXTS.reduce((a, t) => a + t.length, 0) / TEXTS.length;
console.log(
  `units: ${TEXTS.length} distinct short texts (avg ${avgLen.toFixed(1)} chars), ${seconds}s per row, Node ${process.version}`,
);
run('parse', (t) => parseQuantities(t));
run('parse + localize en-US', (t) => localizeText(t, 'en-US'));
run('parse + localize 5 locales (rotating)', (t, i) =>
  localizeText(t, LOCALES[i % LOCALES.length] ?? 'en-US'),
);
run('parse + localize en-US, keep original', (t) => localizeText(t, 'en-US', { keepOriginal: true }));
