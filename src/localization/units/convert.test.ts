// Conversions agree with the NIST factors as published in data/us_customary_units.json, read here
// directly (not through the engine's table) so a wrong factor or unit choice fails.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { convertQuantity, localizeText } from './index.ts';

const nist = JSON.parse(
  readFileSync(new URL('../../../data/us_customary_units.json', import.meta.url), 'utf8'),
) as {
  exact: { unit: string; factor?: number }[];
  pyeongToSqFt: number;
};
const factor = (name: string): number => {
  const f = nist.exact.find((r) => r.unit === name)?.factor;
  assert.ok(f, name);
  return f;
};
const sig3 = (v: number): number => (Math.abs(v) >= 1000 ? Math.round(v) : Number(v.toPrecision(3)));

describe('NIST agreement (en-US)', () => {
  const flOzMl = factor('US fl oz') * 1e6;
  const galMl = factor('US gal') * 1e6;
  const ozG = factor('oz (avoirdupois)') * 1000;
  const lbG = factor('lb (avoirdupois)') * 1000;
  const inCm = factor('in') * 100;
  const ftM = factor('ft');
  const sqFt = factor('sq ft');

  it('milliliters below a gallon become fl oz', () => {
    for (const ml of [5, 30, 50, 100, 150, 250, 330, 355, 500, 750, 1000, 1500, 1800, 2000, 3000, 3700]) {
      const c = convertQuantity(ml, 'milliliter', 'en-US');
      assert.equal(c.unit, 'fluid-ounce', `${ml} mL`);
      assert.equal(c.value, sig3(ml / flOzMl), `${ml} mL`);
    }
  });

  it('liters from a gallon up become gallons', () => {
    for (const l of [3.8, 4, 5, 10, 18, 20, 50]) {
      const c = convertQuantity(l, 'liter', 'en-US');
      assert.equal(c.unit, 'gallon');
      assert.equal(c.value, sig3((l * 1000) / galMl), `${l} L`);
    }
  });

  it('grams below a pound become oz, from a pound lb', () => {
    for (const g of [1, 10, 28, 100, 250, 300, 450]) {
      const c = convertQuantity(g, 'gram', 'en-US');
      assert.deepEqual([c.unit, c.value], ['ounce', sig3(g / ozG)], `${g} g`);
    }
    for (const g of [454, 500, 600, 1000, 2500, 20000]) {
      const c = convertQuantity(g, 'gram', 'en-US');
      assert.deepEqual([c.unit, c.value], ['pound', sig3(g / lbG)], `${g} g`);
    }
    for (const kg of [0.5, 1, 1.5, 2, 5, 10, 25]) {
      const c = convertQuantity(kg, 'kilogram', 'en-US');
      const grams = kg * 1000;
      assert.equal(c.value, sig3(grams < lbG ? grams / ozG : grams / lbG), `${kg} kg`);
    }
  });

  it('centimeters become inches below 10 ft, meters become feet', () => {
    for (const cm of [0.5, 1, 2.54, 10, 25, 30, 100, 150, 300]) {
      const c = convertQuantity(cm, 'centimeter', 'en-US');
      assert.deepEqual([c.unit, c.value], ['inch', sig3(cm / inCm)], `${cm} cm`);
    }
    for (const m of [1, 1.5, 2, 10, 100]) {
      const c = convertQuantity(m, 'meter', 'en-US');
      assert.deepEqual([c.unit, c.value], ['foot', sig3(m / ftM)], `${m} m`);
    }
  });

  it('square meters and 평 become square feet', () => {
    for (const m2 of [1, 3.3, 10, 33, 84, 100]) {
      const c = convertQuantity(m2, 'square-meter', 'en-US');
      assert.deepEqual([c.unit, c.value], ['square-foot', sig3(m2 / sqFt)], `${m2} m²`);
    }
    // The research table's 평 → ft² figure (35.5832) agrees with 3.3058 m² / 0.09290304.
    const oneP = localizeText('1평', 'en-US').quantities[0]?.target;
    assert.equal(oneP?.value, sig3(nist.pyeongToSqFt));
  });

  it('Celsius becomes Fahrenheit exactly (°F = °C × 9/5 + 32)', () => {
    for (const [c, f] of [
      [-40, -40],
      [0, 32],
      [25, 77],
      [37, 99],
      [100, 212],
      [36.5, 97.7],
    ] as const) {
      assert.equal(convertQuantity(c, 'celsius', 'en-US').value, f);
    }
  });

  it('metric markets keep metric values as written', () => {
    for (const locale of ['th-TH', 'es-ES', 'en-SG', 'vi-VN']) {
      const c = convertQuantity(1234.5, 'milliliter', locale);
      assert.deepEqual([c.unit, c.value], ['milliliter', 1234.5]);
    }
    const oz = convertQuantity(16, 'ounce', 'es-ES');
    assert.deepEqual([oz.unit, oz.value], ['gram', sig3(16 * ozG)]);
  });
});
