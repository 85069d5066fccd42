/**
 * Python's `str()` of JSON values, as Prefect's in-string substitution produces them
 * (`replacements[full_match] = str(value)` in prefect.utilities.templating.apply_values).
 *
 * Known, unavoidable difference: JavaScript has one number type, so a JSON number written with
 * an integral value and a fraction part (`5.0`, `1e3`) is a Python float ("5.0", "1000.0") but
 * reaches us as the integer 5 / 1000 and prints as "5" / "1000". Every other number matches.
 */
import type { JsonValue } from "./types";

// str.isprintable() is false for Unicode categories Cc Cf Cs Co Cn Zl Zp Zs, except the space.
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, "0");
}

/** Python `repr(str)`: quote choice and escapes exactly as unicode_repr does them. */
export function pyReprString(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === quote || ch === "\\") out += "\\" + ch;
    else if (ch === "\t") out += "\\t";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch !== " " && NON_PRINTABLE.test(ch)) {
      if (code < 0x100) out += "\\x" + hex(code, 2);
      else if (code < 0x10000) out += "\\u" + hex(code, 4);
      else out += "\\U" + hex(code, 8);
    } else out += ch;
  }
  return out + quote;
}

/** Python `repr(float)` (shortest round-trip digits; exponent form below 1e-4 and from 1e16). */
export function pyFloatRepr(value: number): string {
  if (Number.isNaN(value)) return "nan";
  if (!Number.isFinite(value)) return value > 0 ? "inf" : "-inf";
  const [mantissa = "0", expText = "0"] = value.toExponential().split("e");
  const exp = Number(expText);
  const negative = mantissa.startsWith("-");
  const digits = mantissa.replace("-", "").replace(".", "");
  const sign = negative ? "-" : "";
  if (exp >= -4 && exp < 16) {
    let text: string;
    if (exp >= 0) {
      const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
      const frac = digits.slice(exp + 1);
      text = intPart + "." + (frac === "" ? "0" : frac);
    } else {
      text = "0." + "0".repeat(-exp - 1) + digits;
    }
    return sign + text;
  }
  const m = digits.length > 1 ? digits[0] + "." + digits.slice(1) : digits;
  const expSign = exp < 0 ? "-" : "+";
  return `${sign}${m}e${expSign}${String(Math.abs(exp)).padStart(2, "0")}`;
}

function pyNumber(value: number): string {
  // Integral numbers are treated as Python ints (see the file comment).
  if (Number.isInteger(value)) return BigInt(value).toString();
  return pyFloatRepr(value);
}

/** Python `repr()` of a JSON value (used for items inside lists and dicts). */
export function pyRepr(value: JsonValue): string {
  if (value === null) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "number") return pyNumber(value);
  if (typeof value === "string") return pyReprString(value);
  if (Array.isArray(value)) return "[" + value.map(pyRepr).join(", ") + "]";
  return (
    "{" +
    Object.entries(value)
      .map(([k, v]) => `${pyReprString(k)}: ${pyRepr(v)}`)
      .join(", ") +
    "}"
  );
}

/** Python `str()` of a JSON value: strings as they are, everything else as `repr()`. */
export function pyStr(value: JsonValue): string {
  return typeof value === "string" ? value : pyRepr(value);
}
