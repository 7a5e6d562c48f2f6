// Words around a quantity decide what it means: 근 is 600 g of meat but 375 g of fruit, `250mm`
// on a sneaker is a shoe size, 미리 is mm on a thickness and mL on a drink, and a fridge's litres
// are cubic feet in the US. Each test runs lazily, at most once per text.

const MEAT =
  /고기|한우|한돈|돼지|돈육|소고기|쇠고기|우육|육우|삼겹|오겹|목살|등심|안심|갈비|정육|차돌|양지|사태|우둔|채끝|부채살|항정|가브리|앞다리|뒷다리|닭|오리|불고기|수육|보쌈|족발|곱창|대창|막창|토시살|살치|제비추리|육류|beef|pork/gi;
// Fruit and vegetables sold by the 375 g 근 (1/10 관). Dried chili (고추, 고춧가루) is sold by the
// 600 g 근 by market custom, so it is deliberately absent.
const PRODUCE =
  /채소|야채|과일|청과|농산물|사과|배추|양파|감자|고구마|마늘|생강|나물|고사리|도라지|더덕|버섯|표고|대추|곶감|감귤|한라봉|딸기|포도|복숭아|자두|참외|토마토|쑥|냉이|달래|시금치|상추|깻잎|호박|오이|당근|무청|열무|우엉|연근|blueberr|vegetable|fruit/gi;
const SHOES =
  /운동화|신발|스니커즈|구두|슬리퍼|샌들|부츠|로퍼|하이힐|단화|슈즈|러닝화|등산화|워커|실내화|장화|축구화|골프화|쪼리|조리|뮬|플랫슈즈|발\s?사이즈|발\s?길이|깔창|shoe|sneaker|boots/i;
const WOMEN = /여성|여자|우먼|숙녀|레이디|women|woman|ladies|female/i;
const MEN = /남성|남자|맨즈|신사|men's|mens|(?<!wo)men\b|male/i;
const APPLIANCE = /냉장고|냉동고|김치냉장고|세탁기|건조기|식기세척기|오븐|전자레인지|와인셀러/;
// Sold by the quart in the US: cookware and coolers.
const COOKWARE =
  /에어프라이어|밥솥|냄비|압력솥|곰솥|들통|슬로우쿠커|전기포트|주전자|프라이팬|웍|아이스박스|쿨러/;
const LIQUID =
  /물|우유|음료|주스|생수|커피|소주|맥주|와인|술|세럼|토너|스킨|로션|에센스|오일|샴푸|린스|워시|클렌징|앰플|원액|액상|시럽|소스|간장|식초|병|캔|용량|ml/gi;
const LENGTH_WORDS = /두께|길이|지름|직경|폭|너비|굵기|높이|가로|세로|깊이|사이즈|크기|mm/gi;
// Gold and silver are weighed in grams in every market (US jewellers too), never in avoirdupois oz.
// 금 and 은 count only as words (금 한 돈, 은 1냥, 금반지), not inside 소금, 요금, 지금 or as a particle.
const PRECIOUS =
  /순금|순은|골드|gold|silver|실버|돌반지|\b(?:24|22|18|14|10)K\b|(?:^|[\s[(])[금은](?=[\s\d]|반지|목걸이|팔찌|귀걸이|열쇠|수저|두꺼비|바\b)/i;
// 자 and 치 are also "characters" and idioms (20자 이내, 한 치 앞); accept them only in these trades.
const JA_TRADES =
  /장롱|옷장|붙박이|원단|목재|나무|원목|합판|각재|병풍|책장|가구|자개|커튼|한복|이불|침구|광목|현수막/;
// 관 is also a hall (3관, 상영관); as a weight it is a produce wholesale unit.
const GWAN_TRADES =
  /감자|고구마|양파|마늘|생강|사과|배|귤|감|과일|채소|야채|농산물|버섯|고추|대추|밤|쌀|콩|도매/;

/** The last index before `pos` where `re` (global) matches, or -1. */
function lastBefore(re: RegExp, text: string, pos: number): number {
  re.lastIndex = 0;
  let found = -1;
  for (let m = re.exec(text); m && m.index < pos; m = re.exec(text)) found = m.index;
  return found;
}

export type VolumeClass = 'appliance' | 'cookware' | 'general';

/** What unit choice needs to know about the text (a TextContext, or defaults for bare values). */
export interface UnitHints {
  readonly volumeClass: VolumeClass;
  readonly precious: boolean;
}
export type Gender = 'women' | 'men' | 'unisex';

/** Lazily evaluated facts about one text. */
export class TextContext {
  private shoeCache: boolean | undefined;
  private genderCache: Gender | undefined;
  private volumeCache: VolumeClass | undefined;
  private preciousCache: boolean | undefined;

  constructor(readonly text: string) {}

  /** 근 in grams: produce (375 g) when the nearest preceding food word is produce, else 600 g. */
  geunIsProduce(pos: number): boolean {
    const produce = lastBefore(PRODUCE, this.text, pos);
    if (produce < 0) {
      // A food word may follow the quantity (`1근 국내산 사과`).
      PRODUCE.lastIndex = 0;
      if (!PRODUCE.test(this.text)) return false;
      MEAT.lastIndex = 0;
      return !MEAT.test(this.text);
    }
    return produce > lastBefore(MEAT, this.text, pos);
  }

  /** 미리: millilitres when the nearest hint is a liquid, millimetres when it is a length word. */
  miriIsVolume(pos: number, value: number): boolean {
    const liquid = lastBefore(LIQUID, this.text, pos);
    const length = lastBefore(LENGTH_WORDS, this.text, pos);
    if (liquid < 0 && length < 0) return value >= 100;
    return liquid > length;
  }

  get shoes(): boolean {
    return (this.shoeCache ??= SHOES.test(this.text));
  }

  get gender(): Gender {
    if (this.genderCache === undefined) {
      const w = WOMEN.test(this.text);
      const m = MEN.test(this.text);
      this.genderCache = w === m ? 'unisex' : w ? 'women' : 'men';
    }
    return this.genderCache;
  }

  get volumeClass(): VolumeClass {
    return (this.volumeCache ??= APPLIANCE.test(this.text)
      ? 'appliance'
      : COOKWARE.test(this.text)
        ? 'cookware'
        : 'general');
  }

  get precious(): boolean {
    return (this.preciousCache ??= PRECIOUS.test(this.text));
  }

  acceptsJa(): boolean {
    return JA_TRADES.test(this.text);
  }

  acceptsGwan(): boolean {
    return GWAN_TRADES.test(this.text);
  }
}
