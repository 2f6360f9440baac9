// IEEE 754 half precision (numpy's float16, '<f2'): 1 sign bit, 5 exponent bits (bias 15),
// 10 fraction bits. PyTorch's .half() and mixed-precision models export logits this way.
// Every float16 value is exactly a float32 (and a float64), so widening loses nothing.

const EXPONENT_MASK = 0x1f;
const FRACTION_BITS = 10;
const FRACTION_SCALE = 1 << FRACTION_BITS; // 1024
const BIAS = 15;
/** The value of the fraction's last bit when the exponent field is 0: 2^(1 − 15 − 10). */
const SUBNORMAL_UNIT = 2 ** -24;

/** The number a float16 holds, given its 16 bits as an unsigned integer. */
export function float16ToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> FRACTION_BITS) & EXPONENT_MASK;
  const fraction = bits & (FRACTION_SCALE - 1);
  // Exponent 0: zero and the subnormals, fraction × 2^-24 (no implicit leading 1).
  if (exponent === 0) return sign * fraction * SUBNORMAL_UNIT;
  // Exponent 31: infinity when the fraction is 0, NaN otherwise.
  if (exponent === EXPONENT_MASK) return fraction === 0 ? sign * Infinity : Number.NaN;
  return sign * (1 + fraction / FRACTION_SCALE) * 2 ** (exponent - BIAS);
}
