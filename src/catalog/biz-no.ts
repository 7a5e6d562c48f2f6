/**
 * 사업자등록번호 (Korean business registration number): 10 digits, written `123-45-67890`. The last
 * digit is a check digit over the first nine, so a typo is caught before we create a seller.
 */

const WEIGHTS = [1, 3, 7, 1, 3, 7, 1, 3, 5] as const;

/** Strips the usual separators (dashes, spaces); the result is only digits when the input was valid. */
export function normalizeBizNo(input: string): string {
  return input.replace(/[\s-]/g, '');
}

/**
 * The check digit for the first nine digits: weights 1,3,7,1,3,7,1,3,5, plus floor(ninth digit × 5 / 10)
 * (the carry of the last product), then (10 − sum mod 10) mod 10.
 */
export function bizNoCheckDigit(firstNine: string): number {
  if (!/^\d{9}$/.test(firstNine)) throw new RangeError(`bizNoCheckDigit needs 9 digits, got "${firstNine}"`);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(firstNine[i]) * (WEIGHTS[i] ?? 0);
  sum += Math.floor((Number(firstNine[8]) * 5) / 10);
  return (10 - (sum % 10)) % 10;
}

/** True when the input (dashes and spaces allowed) is 10 digits with a correct check digit. */
export function isValidBizNo(input: string): boolean {
  const digits = normalizeBizNo(input);
  if (!/^\d{10}$/.test(digits)) return false;
  return bizNoCheckDigit(digits.slice(0, 9)) === Number(digits[9]);
}

/** `1234567890` → `123-45-67890`; returns the input unchanged when it is not 10 digits. */
export function formatBizNo(input: string): string {
  const d = normalizeBizNo(input);
  return /^\d{10}$/.test(d) ? `${d.slice(0, 3)}-${d.slice(3, 5)}-${d.slice(5)}` : input;
}
