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
// Longer titles: two fragments joined, as a full listing title reads.
const TITLES = Array.from(
  { length: 2000 },
  (_, i) => `${TEXTS[i] ?? ''} ${TEXTS[(i * 7 + 3) % TEXTS.length] ?? ''}`,
);
const LOCALES = ['en-US', 'th-TH', 'bn-BD', 'ur-PK', 'es-ES'];
const seconds = Number(process.argv[2] ?? 5);
const ROUNDS = 5;

function median(list: number[]): number {
  return Math.round([...list].sort((x, y) => x - y)[Math.floor(list.length / 2)] ?? 0);
}

function run(
  label: string,
  texts: string[],
  fn: (text: string, i: number) => { quantities: unknown[] },
): void {
  // Warm up: JIT, and the Intl formatter caches.
  for (let i = 0; i < 20000; i++) fn(texts[i % texts.length] ?? '', i);
  // Wall-clock rate, and the rate per second of CPU this thread got: the one-core figure on a
  // machine shared with other work, where wall time also counts waiting for a core.
  const wall: number[] = [];
  const cpu: number[] = [];
  let n = 0;
  let quantities = 0;
  for (let round = 0; round < ROUNDS; round++) {
    let done = 0;
    const cpu0 = process.cpuUsage();
    const start = process.hrtime.bigint();
    const budget = BigInt(Math.round((seconds / ROUNDS) * 1e9));
    while (process.hrtime.bigint() - start < budget) {
      for (let i = 0; i < 1000; i++, done++, n++)
        quantities += fn(texts[n % texts.length] ?? '', n).quantities.length;
    }
    const used = process.cpuUsage(cpu0);
    wall.push(done / (Number(process.hrtime.bigint() - start) / 1e9));
    cpu.push(done / ((used.user + used.system) / 1e6));
  }
  const perCpu = median(cpu);
  const fmt = (v: number): string => v.toLocaleString('en-US').padStart(9);
  console.log(
    `${label.padEnd(46)} ${fmt(median(wall))} texts/s wall  ${fmt(perCpu)} texts/s per CPU-second  ${(1e6 / perCpu).toFixed(2)} µs CPU/text  ${(quantities / n).toFixed(2)} qty/text`,
  );
}

const avg = (list: string[]): string => (list.reduce((a, t) => a + t.length, 0) / list.length).toFixed(1);
console.log(
  `units: ${TEXTS.length} short texts (avg ${avg(TEXTS)} chars) and ${TITLES.length} titles (avg ${avg(TITLES)} chars); median of ${ROUNDS} rounds over ${seconds}s per row; one thread; Node ${process.version}`,
);
run('parse (short texts)', TEXTS, (t) => parseQuantities(t));
run('parse + localize en-US (short texts)', TEXTS, (t) => localizeText(t, 'en-US'));
run('parse + localize, 5 locales rotating (short)', TEXTS, (t, i) =>
  localizeText(t, LOCALES[i % LOCALES.length] ?? 'en-US'),
);
run('parse + localize en-US, keep original (short)', TEXTS, (t) =>
  localizeText(t, 'en-US', { keepOriginal: true }),
);
run('parse + localize en-US (titles)', TITLES, (t) => localizeText(t, 'en-US'));
