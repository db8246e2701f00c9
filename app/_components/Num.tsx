import { exactNumber, sciParts } from "@/lib/format";

/** A number as a reader expects it: 4.04 × 10¹⁰, with the exact value on hover. */
export function Num({ value, digits = 4 }: { value: number; digits?: number }) {
  const { mantissa, exponent } = sciParts(value, digits);
  return (
    <span className="n" title={exactNumber(value)}>
      {exponent === 0 ? (
        mantissa
      ) : (
        <>
          {mantissa === "1" ? "" : `${mantissa} × `}10<sup>{exponent}</sup>
        </>
      )}
    </span>
  );
}

/** Num, or a dash where there is no value (a coefficient a law does not have). */
export function NumOrDash({ value, digits }: { value: number | undefined; digits?: number }) {
  return value === undefined ? "—" : <Num value={value} digits={digits} />;
}
